"""The last lines of `make run`: once the web server answers and the worker
is ready, say where the app is and how to create the first administrator."""

import os
import sys
import time
import urllib.error
import urllib.request

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError


class Command(BaseCommand):
    help = "Wait for `make run`'s web server and worker, then print the address and next steps."

    def add_arguments(self, parser):
        parser.add_argument("--port", type=int, default=8000)
        parser.add_argument("--worker-pid", type=int, required=True)
        parser.add_argument("--timeout", type=float, default=180.0)

    def handle(self, *args, port, worker_pid, timeout, **options):
        url = f"http://127.0.0.1:{port}/"
        deadline = time.monotonic() + timeout
        web_ok = worker_ok = False
        while time.monotonic() < deadline and not (web_ok and worker_ok):
            web_ok = web_ok or self.answers(url + "healthz")
            worker_ok = worker_ok or self.worker_is_ready(worker_pid)
            if not (web_ok and worker_ok):
                time.sleep(0.5)
        if not web_ok:
            raise CommandError(f"The web server did not answer on {url} in {timeout:.0f} s.")
        if not worker_ok:
            raise CommandError(f"The Celery worker did not start in {timeout:.0f} s.")
        self.stdout.write(self.banner(url))

    @staticmethod
    def answers(url: str) -> bool:
        try:
            with urllib.request.urlopen(url, timeout=2) as response:
                return response.status == 200
        except (OSError, urllib.error.URLError):
            return False

    @staticmethod
    def worker_is_ready(worker_pid: int) -> bool:
        flag = settings.VAR_DIR / "worker.ready"
        try:
            return int(flag.read_text().strip() or 0) == worker_pid
        except (OSError, ValueError):
            return False

    @staticmethod
    def banner(url: str) -> str:
        python = os.path.relpath(sys.executable)
        lines = ["", f"The app is ready: {url}"]
        if not get_user_model().objects.filter(is_superuser=True).exists():
            lines += [
                "Create the first administrator (in another terminal), then log in:",
                f"  {python} manage.py createsuperuser",
            ]
        lines += [
            f"Submit an article at {url}articles/new/ ; Ctrl-C stops the server and the worker.",
            "",
        ]
        return "\n".join(lines)

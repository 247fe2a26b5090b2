"""Every module the settings name imports cleanly when it is the first one imported.

Django runs its system checks in an order that changes from one process to
the next, and DRF resolves its settings while `rest_framework.views` is
itself being imported. A module named in the settings that is half-made when
another one needs it fails only in some processes: CI once refused a
command because the CSRF failure view "could not be imported". Each module
here is imported first in a fresh interpreter, so such a cycle fails every
time, not once in a while.
"""

import subprocess
import sys
from concurrent.futures import ThreadPoolExecutor

from django.conf import settings

from tests.conftest import ROOT

PROJECT_PACKAGES = ("claims.", "factcheck.")


def _dotted_strings(value):
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for item in value.values():
            yield from _dotted_strings(item)
    elif isinstance(value, (list, tuple)):
        for item in value:
            yield from _dotted_strings(item)


def modules_named_in_settings() -> set[str]:
    modules = set()
    for name in dir(settings):
        if not name.isupper():
            continue
        for text in _dotted_strings(getattr(settings, name)):
            if text.startswith(PROJECT_PACKAGES) and " " not in text and "/" not in text:
                modules.add(text.replace(":", ".").rsplit(".", 1)[0])
    return modules


def _import_first(module: str) -> subprocess.CompletedProcess:
    program = f"import django; django.setup(); import {module}"
    env = {"DJANGO_SETTINGS_MODULE": "tests.settings", "PATH": "/usr/bin:/bin"}
    return subprocess.run(
        [sys.executable, "-c", program], cwd=ROOT, env=env, capture_output=True, text=True
    )


def test_the_settings_name_the_api_parser_and_the_csrf_view():
    modules = modules_named_in_settings()
    assert {"claims.api.parsers", "claims.api.errors", "claims.api.throttling"} <= modules


def test_each_module_named_in_the_settings_imports_when_it_comes_first():
    modules = sorted(modules_named_in_settings())
    with ThreadPoolExecutor(max_workers=4) as pool:
        results = dict(zip(modules, pool.map(_import_first, modules), strict=True))
    failures = {m: r.stderr.strip().splitlines()[-1] for m, r in results.items() if r.returncode}
    assert failures == {}

"""Editors at work: browse the queue, open articles and claims, save verdicts,
submit articles. Run through loadtest/run.sh, which seeds the database and
starts gunicorn, a Celery worker, PostgreSQL and Redis.

Each simulated editor works on its own slice of claims (as a real desk
divides work), so a save only conflicts when the test itself is wrong.
"""

import json
import os
import random
import re
import uuid
from pathlib import Path

from locust import HttpUser, between, events, task

PLAN = json.loads(Path(os.environ.get("LOADTEST_PLAN", "var/loadtest-plan.json")).read_text())
VERSION = re.compile(r'name="version" value="(\d+)"')
USER_SLOTS = list(range(len(PLAN["users"])))
random.shuffle(USER_SLOTS)

ARTICLE_WORDS = (
    "Il consiglio regionale ha approvato ieri il bilancio con trenta voti favorevoli. "
    "L'assessore al bilancio, Franca Moretti, ha detto che le tasse non aumenteranno. "
    "Secondo l'opposizione, i conti nasconderebbero un disavanzo di quaranta milioni. "
    "«Abbiamo fatto scelte prudenti», ha aggiunto Moretti durante la conferenza stampa. "
)


# The figures are the working day, not the moment twenty editors type their
# passwords at once: each login costs a deliberate ~0.3 s of password hashing,
# so the statistics restart when the last editor is in (locust's own
# --reset-stats fires when the users are spawned, while logins still queue).
_logged_in = 0


def _editor_logged_in(environment) -> None:
    global _logged_in
    _logged_in += 1
    if _logged_in == environment.runner.target_user_count:
        environment.stats.reset_all()
        print(f"All {_logged_in} editors logged in: statistics restart now")


@events.test_start.add_listener
def _count_logins_afresh(environment, **kwargs):
    global _logged_in
    _logged_in = 0


class Editor(HttpUser):
    wait_time = between(1, 3)

    def on_start(self):
        slot = USER_SLOTS.pop() if USER_SLOTS else random.randrange(len(PLAN["users"]))
        self.username = PLAN["users"][slot]
        self.claims = PLAN["claims_by_user"][slot]
        self.articles = PLAN["articles"]
        self.ratings = PLAN["ratings"]
        self.client.get("/accounts/login/", name="login page")
        response = self.client.post(
            "/accounts/login/",
            {
                "username": self.username,
                "password": PLAN["password"],
                "csrfmiddlewaretoken": self.client.cookies.get("csrftoken", ""),
                "next": "/",
            },
            name="log in",
        )
        if "/accounts/login/" in response.url:
            raise RuntimeError(f"{self.username} could not log in")
        _editor_logged_in(self.environment)

    def _csrf(self) -> str:
        return self.client.cookies.get("csrftoken", "")

    @task(5)
    def browse_queue(self):
        self.client.get("/queue/", name="queue")

    @task(4)
    def open_article(self):
        self.client.get(f"/articles/{random.choice(self.articles)}/", name="article page")

    @task(3)
    def save_claim(self):
        claim_id = random.choice(self.claims)
        page = self.client.get(f"/claims/{claim_id}/", name="claim page")
        found = VERSION.search(page.text)
        if not found:
            page.failure("no version on the claim page")
            return
        with self.client.post(
            f"/claims/{claim_id}/verdict/",
            {
                "csrfmiddlewaretoken": self._csrf(),
                "version": found.group(1),
                "verdict": random.choice(self.ratings),
                "rationale": "Verificato sul bilancio regionale.",
            },
            name="save claim",
            catch_response=True,
        ) as response:
            if response.status_code != 200 or "/claims/" not in response.url:
                response.failure(f"unexpected answer {response.status_code} at {response.url}")
            elif "conflict" in response.text.lower() or "conflitto" in response.text.lower():
                response.failure("edit conflict on a claim only this editor touches")

    @task(1)
    def submit_article(self):
        self.client.get("/articles/new/", name="submit page")
        marker = uuid.uuid4().hex[:12]
        with self.client.post(
            "/articles/new/",
            {
                "csrfmiddlewaretoken": self._csrf(),
                "text": f"Notizia {marker}. " + ARTICLE_WORDS * 12,
                "title": f"Carico {marker}",
                "language": "it",
            },
            name="submit article",
            catch_response=True,
        ) as response:
            if not re.search(r"/articles/\d+/$", response.url):
                response.failure(f"not taken to the new article: {response.url}")

"""Browser tests: Playwright driving Debian's Chromium against pytest-django's live server.

They fail, never skip, when Chromium is missing: CI installs it (.ci/run),
and on a workstation `apt-get install -y chromium` does.
"""

import os
import shutil
from pathlib import Path

import pytest

# Playwright's sync API runs an event loop in this thread; the Django ORM
# calls made by the tests themselves are still plain synchronous calls.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

ROOT = Path(__file__).resolve().parents[2]
SCREENSHOTS = ROOT / "test-artifacts" / "screenshots"
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


def chromium_path() -> str:
    """CHROMIUM_PATH when set (and then nothing else), else Debian's Chromium."""
    if os.environ.get("CHROMIUM_PATH"):
        return os.environ["CHROMIUM_PATH"]
    return (
        "/usr/bin/chromium"
        if Path("/usr/bin/chromium").exists()
        else (shutil.which("chromium") or "/usr/bin/chromium")
    )


@pytest.fixture(scope="session")
def browser():
    path = chromium_path()
    if not Path(path).exists():
        pytest.fail(
            f"Chromium not found at {path}: install it (apt-get install -y chromium) "
            "or set CHROMIUM_PATH. Browser tests never skip."
        )
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=path, headless=True, args=CHROMIUM_ARGS
        )
        yield browser
        browser.close()


@pytest.fixture
def new_page(browser, live_server):
    """Pages in their own browser contexts (separate cookies: separate people)."""
    contexts = []

    def make(language: str = "en"):
        context = browser.new_context(
            base_url=live_server.url,
            locale="en-GB" if language == "en" else "it-IT",
            viewport={"width": 1400, "height": 1000},
        )
        context.set_default_timeout(15_000)
        context.add_cookies(
            [{"name": "django_language", "value": language, "url": live_server.url}]
        )
        contexts.append(context)
        return context.new_page()

    yield make
    for context in contexts:
        context.close()


@pytest.fixture
def screenshot():
    def save(page, name: str) -> Path:
        SCREENSHOTS.mkdir(parents=True, exist_ok=True)
        path = SCREENSHOTS / f"{name}.png"
        page.screenshot(path=str(path), full_page=True)
        return path

    return save


def log_in(page, username: str, password: str) -> None:
    page.goto("/accounts/login/")
    page.get_by_label("Username").fill(username)
    page.get_by_label("Password").fill(password)
    page.get_by_role("button", name="Log in").click()
    page.wait_for_url(lambda url: "/accounts/login/" not in url)

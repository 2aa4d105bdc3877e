"""Browser tests: Playwright driving Debian's Chromium against pytest-django's live server.

In CI (CI=true) a missing browser, axe-core or the Nu HTML Checker fails the run instead
of skipping it.
"""

import os
import shutil
from pathlib import Path

import pytest
from django.db import connections

from tests.factories import totp_code

CHROMIUM = os.environ.get("CHROMIUM", "/usr/bin/chromium")
AXE_JS = Path(__file__).parent / "node_modules" / "axe-core" / "axe.min.js"
VNU_JAR = Path(__file__).parent / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"
# Without the background-networking flags Chromium keeps calling home, and this machine
# has no internet: the calls fail slowly and noisily.
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


def _missing(what: str) -> None:
    message = f"{what} — run `make browser-deps`."
    if os.environ.get("CI"):
        pytest.fail(message, pytrace=False)
    pytest.skip(message)


def pytest_collection_modifyitems(items):
    for item in items:
        if "/e2e/" in str(item.fspath):
            item.add_marker(pytest.mark.e2e)


@pytest.fixture
def browser(_allow_orm_beside_playwright):
    # One browser per test: Playwright's event loop must be gone before pytest-django
    # flushes the database after the test, which it does from this same thread.
    if not os.access(CHROMIUM, os.X_OK):
        _missing(f"Chromium not found at {CHROMIUM}")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        try:
            yield browser
            browser.close()
        finally:
            # The test's ORM calls ran beside Playwright's event loop, where Django keeps a
            # connection of their own: close it, or PostgreSQL cannot drop the test database.
            connections.close_all()


@pytest.fixture
def _allow_orm_beside_playwright(monkeypatch):
    # Playwright's sync API runs an event loop in the test's thread; the test's own ORM
    # calls (factories, assertions) are still synchronous and safe. Only for these tests.
    monkeypatch.setenv("DJANGO_ALLOW_ASYNC_UNSAFE", "true")


@pytest.fixture
def vnu_jar() -> Path:
    """The Nu HTML Checker (the W3C validator), from npm; it runs on Java."""
    if not VNU_JAR.exists():
        _missing(f"the Nu HTML Checker not found at {VNU_JAR}")
    if not shutil.which("java"):
        _missing("Java, which the Nu HTML Checker runs on, is not installed")
    return VNU_JAR


@pytest.fixture
def axe_js() -> str:
    if not AXE_JS.exists():
        _missing(f"axe-core not found at {AXE_JS}")
    return AXE_JS.read_text()


@pytest.fixture
def page(browser, live_server, settings):
    settings.DEBUG = False
    context = browser.new_context(
        base_url=live_server.url, locale="fr-CA", viewport={"width": 1280, "height": 900}
    )
    context.set_default_timeout(15_000)
    page = context.new_page()
    yield page
    context.close()


@pytest.fixture
def log_in_to_admin(page):
    """Staff log into the admin as they do for real: the portal's login page, then the
    code of their authenticator app."""

    def log_in(staff, password: str) -> None:
        page.goto("/admin/")
        page.fill("#id_login", staff.email)
        page.fill("#id_password", password)
        page.press("#id_password", "Enter")
        page.fill("#id_code", totp_code())
        page.press("#id_code", "Enter")
        page.wait_for_url("**/admin/")

    return log_in

"""Browser tests: Playwright driving the Debian chromium package against pytest-django's live server.

Playwright is never allowed to download a browser; without /usr/bin/chromium the tests skip.
"""

import os
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

import pytest

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
LOCAL_HOSTS = {"localhost", "127.0.0.1", "::1"}
DESKTOP = {"width": 1280, "height": 900}
PHONE = {"width": 390, "height": 844}


@dataclass
class BrowserPage:
    """A page plus everything it asked for and complained about, for the privacy and error checks."""

    page: object
    requests: list[str] = field(default_factory=list)
    console_errors: list[str] = field(default_factory=list)

    def outside_requests(self) -> list[str]:
        return [
            url
            for url in self.requests
            if urlsplit(url).scheme not in {"data", "blob", "about"} and urlsplit(url).hostname not in LOCAL_HOSTS
        ]


@pytest.fixture(scope="module")
def allow_orm_beside_playwright():
    """Playwright's sync API leaves an asyncio loop marked as running in this thread, and Django
    refuses ORM calls from such a thread. These tests call the ORM synchronously, so it is safe.
    Set only while the browser runs: `check --deploy` rightly reports the variable (async.E001)."""
    previous = os.environ.get("DJANGO_ALLOW_ASYNC_UNSAFE")
    os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"
    yield
    if previous is None:
        del os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"]
    else:
        os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = previous


@pytest.fixture(scope="module")
def browser(django_db_setup, allow_orm_beside_playwright):
    from django.db import connections
    from playwright.sync_api import sync_playwright

    serialized = {
        connection.alias: connection._test_serialized_contents
        for connection in connections.all()
        if hasattr(connection, "_test_serialized_contents")
    }
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        # Playwright leaves its event loop marked as running in this thread, and from then on Django
        # hands out a second set of connections (its "async" ones). They need the test database's
        # serialized contents for `serialized_rollback`, and must be closed before the test database
        # is dropped.
        for alias, contents in serialized.items():
            connections[alias]._test_serialized_contents = contents
        try:
            yield browser
        finally:
            browser.close()
            connections.close_all()


@pytest.fixture
def open_page(browser):
    """`open_page(viewport=...)` gives a fresh, cookie-less page; each is closed after the test."""
    contexts = []

    def factory(*, viewport=DESKTOP, is_mobile=False) -> BrowserPage:
        context = browser.new_context(viewport=viewport, is_mobile=is_mobile, has_touch=is_mobile, locale="en-GB")
        context.set_default_timeout(15_000)
        contexts.append(context)
        page = context.new_page()
        result = BrowserPage(page=page)
        page.on("request", lambda request: result.requests.append(request.url))
        page.on(
            "console",
            lambda message: (
                message.type == "error"
                and result.console_errors.append(f"{page.url}: {message.text} ({message.location.get('url')})")
            ),
        )
        page.on("pageerror", lambda error: result.console_errors.append(f"{page.url}: uncaught {error}"))
        return result

    yield factory
    for context in contexts:
        context.close()

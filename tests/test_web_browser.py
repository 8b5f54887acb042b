"""The web desk in a real browser: Debian's chromium driven by Playwright, against the desk
served by uvicorn on 127.0.0.1, with the melder and the contact in their console chats.

A melder reports through the console; the contact asks for a login link on the desk,
finds it in their own console chat, logs in, picks the case up and asks a question; the
melder answers in the chat; the answer appears on the case page; the contact closes with
terugkoppeling, which the melder reads in the chat. Every page passes axe-core without
serious or critical violations, and the inbox, the case and the statistics are saved as
screenshots under docs/ for the README.
"""

from __future__ import annotations

import os
import re
import socket
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

from bot.runtime import Runtime
from bot.web.serve import serve_in_background
from storage.repository import NewCase
from tests.stepchat import Answer, Driver
from tests.test_case_handling import report

CHROMIUM = os.environ.get("ZV_TEST_CHROMIUM", "/usr/bin/chromium")
AXE = Path(__file__).resolve().parent / "js" / "node_modules" / "axe-core" / "axe.min.js"
AXE_URL = "/static/test-only-axe.min.js"
DOCS = Path(__file__).resolve().parent.parent / "docs"
QUESTION = "Stond er in het bericht ook je achternaam?"
ANSWER = "Nee, alleen mijn voornaam en de naam van de afdeling."
DRAFT = "Collega Sanne gebeld, zij"
FEEDBACK = "We hebben de zoon aangesproken en aangifte gedaan. Dank voor je melding."

pytestmark = [
    pytest.mark.sqlite_only,
    pytest.mark.slow,
    pytest.mark.skipif(
        not (Path(CHROMIUM).exists() and AXE.exists()),
        reason="needs Debian's chromium and axe-core: run through `make test`",
    ),
]


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@pytest.fixture
def served(make_runtime: Callable[..., Runtime]) -> Iterator[tuple[Runtime, str]]:
    """The bot and its desk on a free port of 127.0.0.1 (plain http: cookies not Secure)."""
    runtime = make_runtime()
    port = free_port()
    base = f"http://127.0.0.1:{port}"
    runtime.settings = runtime.settings.model_copy(
        # Open pages ask for news every second here (15 s in production).
        update={"web_secure_cookies": False, "web_base_url": base, "web_refresh_seconds": 1}
    )
    server = serve_in_background(runtime, f"127.0.0.1:{port}")
    while not server.started:
        time.sleep(0.05)
    yield runtime, base
    server.should_exit = True


def more_reports(runtime: Runtime, n: int) -> None:
    """Enough reports for the statistics to show counts (below 5 they are suppressed)."""
    with runtime.store.unit() as unit:
        for i in range(n):
            kind = "aggression" if i % 3 else "online_threat"
            new = NewCase(kind, i % 2 == 0, f"p:stats{i}", "console", "nl", {"description": "-"})
            unit.create_case(new)


def axe_clean(page: object) -> None:
    """No serious or critical accessibility violations on the page (axe-core, loaded from
    the desk's own address so that the desk's CSP allows it: see `browser_context`)."""
    page.wait_for_load_state("load")  # type: ignore[attr-defined]
    page.add_script_tag(url=AXE_URL)  # type: ignore[attr-defined]
    found = page.evaluate(  # type: ignore[attr-defined]
        "async () => (await axe.run()).violations.map(v => [v.id, v.impact])"
    )
    bad = [(rule, impact) for rule, impact in found if impact in ("serious", "critical")]
    assert bad == [], f"axe-core on {page.url}: {bad}"  # type: ignore[attr-defined]


def browser_context(browser: Any, base: str, violations: list[str]) -> Any:
    """A Dutch browser under the desk's own Content-Security-Policy (not bypassed): axe-core
    is served as if it were one of the desk's files, and every CSP violation is kept."""
    context = browser.new_context(locale="nl-NL", viewport={"width": 1200, "height": 900})
    context.set_default_timeout(10_000)
    context.route(
        base + AXE_URL,
        lambda route: route.fulfill(path=str(AXE), content_type="application/javascript"),
    )

    def watch(page: Any) -> None:
        page.on(
            "console",
            lambda m: violations.append(m.text) if "Content Security Policy" in m.text else None,
        )

    context.on("page", watch)
    return context


def link_in_chat(driver: Driver, user: str) -> str:
    said = driver.session([], user=user)
    links = [m.group(0) for t in said.texts if (m := re.search(r"http://\S+/login/\S+", t))]
    assert links, "the login link reached the contact's console chat"
    return links[-1]


def test_a_contact_works_a_case_in_the_browser_and_the_melder_reads_it_in_the_chat(
    served: tuple[Runtime, str],
) -> None:
    from playwright.sync_api import sync_playwright

    runtime, base = served
    driver = Driver(runtime)
    code = report(driver, user="nachtdienst-7")
    more_reports(runtime, 6)
    args = [
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
    ]
    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=CHROMIUM, args=args)
        violations: list[str] = []
        context = browser_context(browser, base, violations)
        page = context.new_page()

        page.goto(f"{base}/login")
        axe_clean(page)
        page.get_by_label("Je id of adres").fill("af-anna")
        page.keyboard.press("Enter")  # keyboard only
        page.get_by_role("status").wait_for()
        page.goto(link_in_chat(driver, "af-anna"))
        page.get_by_role("button", name="Inloggen").click()

        page.get_by_role("link", name=code).wait_for()
        axe_clean(page)
        page.screenshot(path=str(DOCS / "web-inbox.png"), full_page=True)

        page.get_by_role("link", name=code).click()
        take = page.get_by_role("button", name="Deze melding oppakken")
        take.wait_for()  # the case page, not the inbox it leaves, is the one to check
        axe_clean(page)
        take.click()
        page.get_by_label("Vraag aan de melder").fill(QUESTION)
        page.get_by_role("button", name="Vraag versturen").click()
        page.locator("#done").wait_for()
        case_url = page.url
        page.get_by_label("Interne notitie").fill(DRAFT)  # half-typed when the answer comes

        answers = {"status_list": code, "own_case": ["answer"], "answer": ANSWER}
        driver.session(["status", Answer("status", answers)], user="nachtdienst-7")

        # No reload: the open page shows the answer by itself and keeps what is typed.
        page.locator(".timeline", has_text=ANSWER).wait_for()
        assert page.url == case_url
        assert page.get_by_label("Interne notitie").input_value() == DRAFT
        assert "Bijgewerkt" in page.get_by_role("status").last.inner_text()
        page.get_by_label("Interne notitie").fill("")
        page.screenshot(path=str(DOCS / "web-case.png"), full_page=True)

        page.get_by_label("Uitkomst").select_option("handled")
        page.get_by_label("Terugkoppeling aan de melder", exact=True).fill(FEEDBACK)
        page.get_by_role("button", name="Melding afsluiten").click()
        assert "afgesloten" in page.locator("#done").inner_text()

        ops = browser_context(browser, base, violations)
        ops_page = ops.new_page()
        ops_page.goto(f"{base}/login")
        ops_page.get_by_label("Je id of adres").fill("ops-olga")
        ops_page.get_by_role("button", name="Stuur me een inloglink").click()
        ops_page.goto(link_in_chat(driver, "ops-olga"))
        ops_page.get_by_role("button", name="Inloggen").click()
        ops_page.locator("svg").first.wait_for()
        axe_clean(ops_page)
        ops_page.screenshot(path=str(DOCS / "web-stats.png"), full_page=True)
        for path in ("/ops/review", "/ops/health"):
            ops_page.goto(base + path)
            axe_clean(ops_page)
        browser.close()
    assert violations == [], "the desk runs under its own CSP without a violation"

    final = {"status_list": code, "own_case": []}
    said = driver.session(["/status", Answer("status", final)], user="nachtdienst-7")
    assert any(FEEDBACK in t for t in said.texts), said.texts

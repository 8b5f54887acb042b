"""The web desk over HTTP (Starlette's test client): login through a link sent into the
contact's own chat, the inbox and case work through the chat's own operations, and every
refusal audited: another contact's case, ops opening a case, a forged CSRF token, an
expired or reused login link."""

from __future__ import annotations

import html
import re
from collections.abc import Callable
from datetime import UTC, datetime

import pyotp
import pytest
from starlette.testclient import TestClient

from bot.runtime import Runtime
from bot.web.asgi import build_app
from bot.web.cases import case_handle
from dialogs.organisation import WebDeskConfig
from tests.conftest import run_cli
from tests.stepchat import Answer, Driver
from tests.test_case_handling import Clock, open_case, report

LINK = re.compile(r"http://\S+/login/(\S+)")


@pytest.fixture
def clock() -> Clock:
    return Clock()


@pytest.fixture
def world(make_runtime: Callable[..., Runtime], clock: Clock) -> tuple[Runtime, Driver]:
    runtime = make_runtime(clock=clock)
    return runtime, Driver(runtime)


def client_for(runtime: Runtime) -> TestClient:
    settings = runtime.settings.model_copy(update={"web_secure_cookies": False})
    return TestClient(build_app(runtime.store, runtime.organisation, settings))


def csrf(client: TestClient) -> str:
    if "zv_csrf" not in client.cookies:
        client.get("/login")
    return str(client.cookies["zv_csrf"])


def chat_messages(runtime: Runtime, contact_id: str) -> list[str]:
    """What the bot sent into a contact's console chat (and marks it delivered)."""
    with runtime.store.unit() as unit:
        pending = unit.claim_outbox("console", recipients=[contact_id])
        for message in pending:
            unit.mark_delivered(message.id)
    return [str(m.payload.get("text", "")) for m in pending]


def login_token(client: TestClient, runtime: Runtime, who: str, contact_id: str) -> str:
    client.post("/login", data={"who": who, "csrf": csrf(client)})
    links = [m for t in chat_messages(runtime, contact_id) if (m := LINK.search(t))]
    assert links, "the bot sent no login link into the contact's chat"
    return links[-1].group(1)


def log_in(client: TestClient, runtime: Runtime, contact_id: str) -> None:
    token = login_token(client, runtime, contact_id, contact_id)
    page = client.post(f"/login/{token}", data={"csrf": csrf(client)})
    assert page.status_code == 200
    assert "zv_session" in client.cookies


def audited(runtime: Runtime, action: str) -> list[tuple[str, int | None, str]]:
    with runtime.store.unit() as unit:
        return [(e.actor, e.case_id, e.detail) for e in unit.audit_events() if e.action == action]


def case_id(runtime: Runtime, code: str) -> int:
    with runtime.store.unit() as unit:
        case = unit.case_by_code(code)
    assert case is not None
    return case.id


def test_a_contact_logs_in_with_the_link_from_their_chat_and_sees_their_case(
    world: tuple[Runtime, Driver],
) -> None:
    runtime, driver = world
    code = report(driver)
    client = client_for(runtime)
    assert client.get("/", follow_redirects=False).headers["location"] == "/login"
    # The contact types their console address; the link reaches their own chat only.
    token = login_token(client, runtime, "af-anna", "af-anna")
    assert chat_messages(runtime, "af-bram") == []
    # Opening the link does not log in by itself (link previews), the button does.
    confirm = client.get(f"/login/{token}")
    assert "zv_session" not in client.cookies
    assert "<form" in confirm.text
    inbox = client.post(f"/login/{token}", data={"csrf": csrf(client)})
    assert code in inbox.text
    assert "Mijn meldingen" in inbox.text  # Dutch first
    assert audited(runtime, "web_login")[0][0] == "af-anna"


def test_unknown_ids_get_the_same_answer_and_are_audited_without_the_id(
    world: tuple[Runtime, Driver],
) -> None:
    runtime, _ = world
    client = client_for(runtime)
    known = client.post("/login", data={"who": "af-anna", "csrf": csrf(client)})
    unknown = client.post("/login", data={"who": "nobody-42", "csrf": csrf(client)})
    assert known.text == unknown.text
    events = audited(runtime, "web_login_unknown")
    assert events
    assert all("nobody-42" not in detail for _, _, detail in events)


def test_a_login_link_works_once_and_for_ten_minutes(
    world: tuple[Runtime, Driver], clock: Clock
) -> None:
    runtime, _ = world
    client = client_for(runtime)
    token = login_token(client, runtime, "af-anna", "af-anna")
    assert client.post(f"/login/{token}", data={"csrf": csrf(client)}).status_code == 200
    again = client_for(runtime)
    reused = again.post(f"/login/{token}", data={"csrf": csrf(again)})
    assert reused.status_code == 400
    assert "zv_session" not in again.cookies
    late = login_token(again, runtime, "af-anna", "af-anna")
    clock.advance(minutes=11)
    expired = again.post(f"/login/{late}", data={"csrf": csrf(again)})
    assert expired.status_code == 400
    reasons = [detail for _, _, detail in audited(runtime, "web_login_refused")]
    assert any("used" in r for r in reasons)
    assert any("expired" in r for r in reasons)


def test_login_links_are_rate_limited_per_contact(world: tuple[Runtime, Driver]) -> None:
    runtime, _ = world
    client = client_for(runtime)
    for _ in range(5):
        client.post("/login", data={"who": "af-bram", "csrf": csrf(client)})
    assert len(chat_messages(runtime, "af-bram")) == 3
    assert audited(runtime, "web_login_limited")


def test_a_session_ends_after_inactivity_and_logout_ends_it_everywhere(
    world: tuple[Runtime, Driver], clock: Clock
) -> None:
    runtime, _ = world
    first, second = client_for(runtime), client_for(runtime)
    log_in(first, runtime, "af-anna")
    log_in(second, runtime, "af-anna")
    first.post("/logout", data={"csrf": csrf(first)})
    assert second.get("/", follow_redirects=False).headers["location"] == "/login"
    log_in(second, runtime, "af-anna")
    clock.advance(minutes=31)
    assert second.get("/", follow_redirects=False).headers["location"] == "/login"


def test_another_contacts_case_is_refused_and_audited(world: tuple[Runtime, Driver]) -> None:
    runtime, driver = world
    code = report(driver)  # online threat from kliniek-noord: af-anna and mt-team
    client = client_for(runtime)
    log_in(client, runtime, "vp-carla")
    handle = case_handle(client.app.state.desk, case_id(runtime, code))  # type: ignore[attr-defined]
    assert client.get(f"/cases/{handle}").status_code == 404
    claim = client.post(f"/cases/{handle}/claim", data={"csrf": csrf(client)})
    assert claim.status_code == 404
    refused = audited(runtime, "case_access_refused")
    assert [(actor, cid) for actor, cid, _ in refused] == [("vp-carla", case_id(runtime, code))] * 2
    with runtime.store.unit() as unit:
        assert unit.case_by_code(code).claimed_by is None  # type: ignore[union-attr]
    # A guessed address (the id without its MAC) is no address at all.
    assert client.get(f"/cases/{case_id(runtime, code)}-aaaa").status_code == 404
    assert client.get(f"/cases/{code}").status_code == 404


def test_ops_see_statistics_but_no_case(world: tuple[Runtime, Driver]) -> None:
    runtime, driver = world
    code = report(driver)
    client = client_for(runtime)
    log_in(client, runtime, "ops-olga")
    assert client.get("/", follow_redirects=False).headers["location"] == "/ops"
    stats = client.get("/ops")
    assert stats.status_code == 200
    assert "<svg" not in stats.text
    handle = case_handle(client.app.state.desk, case_id(runtime, code))  # type: ignore[attr-defined]
    page = client.get(f"/cases/{handle}")
    assert page.status_code == 404
    assert "instagram" not in page.text.lower()
    assert ("ops-olga", case_id(runtime, code)) in [
        (a, c) for a, c, _ in audited(runtime, "case_access_refused")
    ]
    assert client.get("/ops/health").status_code == 200


def test_contacts_cannot_open_the_ops_pages(world: tuple[Runtime, Driver]) -> None:
    runtime, _ = world
    client = client_for(runtime)
    log_in(client, runtime, "af-anna")
    assert client.get("/ops").status_code == 403
    assert client.get("/ops/review.yml").status_code == 403
    assert audited(runtime, "web_ops_refused")


def test_a_forged_csrf_token_changes_nothing(world: tuple[Runtime, Driver]) -> None:
    runtime, driver = world
    code = report(driver)
    client = client_for(runtime)
    log_in(client, runtime, "af-anna")
    handle = case_handle(client.app.state.desk, case_id(runtime, code))  # type: ignore[attr-defined]
    forged = client.post(f"/cases/{handle}/claim", data={"csrf": "forged"})
    missing = client.post(f"/cases/{handle}/claim", data={})
    assert forged.status_code == missing.status_code == 403
    with runtime.store.unit() as unit:
        assert unit.case_by_code(code).claimed_by is None  # type: ignore[union-attr]
    assert len(audited(runtime, "web_csrf_refused")) == 2


def test_claim_and_question_on_the_web_are_the_chats_transitions(
    world: tuple[Runtime, Driver],
) -> None:
    runtime, driver = world
    code = report(driver)
    chat_messages(runtime, "mt-team")  # the new-case notice
    client = client_for(runtime)
    log_in(client, runtime, "af-anna")
    handle = case_handle(client.app.state.desk, case_id(runtime, code))  # type: ignore[attr-defined]
    page = client.get(f"/cases/{handle}")
    assert "ik weet waar je woont" in page.text
    client.post(f"/cases/{handle}/claim", data={"csrf": csrf(client)})
    client.post(f"/cases/{handle}/ask", data={"csrf": csrf(client), "text": "Wanneer precies?"})
    assert any("Anna de Vries" in t for t in chat_messages(runtime, "mt-team"))
    actions = _actions(runtime, case_id(runtime, code))
    assert actions.count("case_claimed") == 1
    assert "message_question" in actions
    assert "case_viewed" in actions
    said = driver.session(["status"], user="melder")
    assert any(code in t for t in said.texts)


def _actions(runtime: Runtime, cid: int) -> list[str]:
    with runtime.store.unit() as unit:
        return [e.action for e in unit.audit_events(cid)]


def test_evidence_downloads_are_attachments_and_audited(world: tuple[Runtime, Driver]) -> None:
    runtime, driver = world
    code = report(driver)
    cid = case_id(runtime, code)
    with runtime.store.unit() as unit:
        unit.add_draft_evidence(
            "x",
            kind="file",
            name="bericht.html",
            media_type="text/html",
            data=b"<script>1</script>",
        )
        unit.attach_draft_evidence("x", cid)
        evidence_id = unit.case_by_code(code).evidence[0].id  # type: ignore[union-attr]
    client = client_for(runtime)
    log_in(client, runtime, "af-anna")
    handle = case_handle(client.app.state.desk, cid)  # type: ignore[attr-defined]
    got = client.get(f"/cases/{handle}/evidence/{evidence_id}")
    assert got.content == b"<script>1</script>"
    assert got.headers["content-type"] == "application/octet-stream"
    assert got.headers["content-disposition"].startswith("attachment;")
    assert "evidence_downloaded" in _actions(runtime, cid)


def test_every_page_has_a_strict_content_security_policy(world: tuple[Runtime, Driver]) -> None:
    runtime, _ = world
    client = client_for(runtime)
    page = client.get("/login")
    policy = page.headers["content-security-policy"]
    assert "default-src 'none'" in policy
    assert "script-src 'self';" in policy
    assert "unsafe" not in policy, "no inline script or style, no eval"
    assert page.headers["referrer-policy"] == "no-referrer"
    assert "script" not in page.text.lower()
    log_in(client, runtime, "af-anna")
    scripts = re.findall(r"<script[^>]*>", client.get("/").text)
    assert scripts == ['<script src="/static/htmx.min.js" defer>'], "only the desk's own file"
    assert client.get("/static/htmx.min.js").status_code == 200


def totp_client(runtime: Runtime) -> TestClient:
    """A browser on a desk whose organisation requires the TOTP second factor."""
    org = runtime.organisation.model_copy(update={"web": WebDeskConfig(require_totp=True)})
    settings = runtime.settings.model_copy(update={"web_secure_cookies": False})
    return TestClient(build_app(runtime.store, org, settings))


def enrolment_of(page: str) -> tuple[str, str] | None:
    """The new secret and its signed form on an enrolment page (None: no enrolment)."""
    secret = re.search(r"<code>([A-Z2-7]{32})</code>", page)
    signed = re.search(r'name="enrol" value="([^"]+)"', page)
    return (secret[1], signed[1]) if secret and signed else None


def test_organisations_can_require_a_totp_code_after_the_link(
    world: tuple[Runtime, Driver],
) -> None:
    runtime, _ = world
    client = totp_client(runtime)
    token = login_token(client, runtime, "af-anna", "af-anna")
    enrol = client.post(f"/login/{token}", data={"csrf": csrf(client)})
    assert enrol.url.path == "/totp"
    assert client.get("/", follow_redirects=False).headers["location"] == "/totp"
    found = enrolment_of(enrol.text)
    assert found
    secret, signed = found
    wrong = client.post("/totp", data={"csrf": csrf(client), "code": "000000", "enrol": signed})
    assert wrong.url.path == "/totp"
    code = pyotp.TOTP(secret).now()
    client.post("/totp", data={"csrf": csrf(client), "code": code, "enrol": signed})
    assert client.get("/").status_code == 200
    assert audited(runtime, "web_totp_failed")
    assert audited(runtime, "web_totp_passed")


def test_an_operator_resets_a_lost_authenticator_and_the_contact_enrols_again(
    world: tuple[Runtime, Driver], clock: Clock, cli_env: dict[str, str]
) -> None:
    runtime, _ = world
    clock.now = datetime.now(UTC)  # the command runs on the real clock
    client = totp_client(runtime)
    token = login_token(client, runtime, "af-anna", "af-anna")
    found = enrolment_of(client.post(f"/login/{token}", data={"csrf": csrf(client)}).text)
    assert found
    secret, signed = found
    code = pyotp.TOTP(secret).now()
    client.post("/totp", data={"csrf": csrf(client), "code": code, "enrol": signed})
    assert client.get("/").status_code == 200

    done = run_cli(["web", "totp-reset", "af-anna"], cli_env)
    clock.now = datetime.now(UTC)
    assert done.returncode == 0, done.stderr
    assert "af-anna: authenticator removed; 1 desk session(s) ended" in done.stdout
    assert secret not in done.stdout + done.stderr
    assert [(a, d) for a, _, d in audited(runtime, "web_totp_reset")] == [
        ("operator", '{"contact": "af-anna", "enrolled": true, "sessions": 1}')
    ]
    assert any("authenticator" in t.lower() for t in chat_messages(runtime, "af-anna"))
    # The phone is gone: the session it unlocked has ended, and the next login enrols anew.
    assert client.get("/", follow_redirects=False).headers["location"] == "/login"
    token = login_token(client, runtime, "af-anna", "af-anna")
    again = enrolment_of(client.post(f"/login/{token}", data={"csrf": csrf(client)}).text)
    assert again
    assert again[0] != secret

    unknown = run_cli(["web", "totp-reset", "nobody-42"], cli_env)
    assert unknown.returncode == 2
    assert "no contact nobody-42" in unknown.stderr


def test_the_inbox_shows_the_next_deadline_and_unread_answers(
    world: tuple[Runtime, Driver], clock: Clock
) -> None:
    runtime, driver = world
    code = report(driver, user="nacht-3")
    client = client_for(runtime)
    log_in(client, runtime, "af-anna")
    assert "oppakken" in client.get("/").text  # the next deadline: pick it up
    handle = case_handle(client.app.state.desk, case_id(runtime, code))  # type: ignore[attr-defined]
    client.post(f"/cases/{handle}/ask", data={"csrf": csrf(client), "text": "Wanneer?"})
    answers = {"status_list": code, "own_case": ["answer"], "answer": "Gisteravond laat."}
    clock.advance(minutes=5)  # the melder answers after the contact last looked
    driver.session(["status", Answer("status", answers)], user="nacht-3")
    row = client.get("/?sort=unread").text
    assert '<strong class="unread">1</strong>' in row
    client.get(f"/cases/{handle}")  # reading it
    assert 'class="unread"' not in client.get("/").text
    assert code not in client.get("/?status=closed").text


def _events_since(runtime: Runtime, cid: int, seen: int) -> list[tuple[str, str]]:
    with runtime.store.unit() as unit:
        return [(e.actor, e.action) for e in unit.audit_events(cid)[seen:]]


def test_the_holder_downloads_the_dossier_and_it_is_audited_as_in_the_chat(
    world: tuple[Runtime, Driver],
) -> None:
    runtime, driver = world
    code = report(driver)
    cid = case_id(runtime, code)
    client = client_for(runtime)
    log_in(client, runtime, "af-anna")
    handle = case_handle(client.app.state.desk, cid)  # type: ignore[attr-defined]
    assert "Dossier voor de politie (PDF)" not in client.get(f"/cases/{handle}").text
    client.post(f"/cases/{handle}/claim", data={"csrf": csrf(client)})
    assert "Dossier voor de politie (PDF)" in client.get(f"/cases/{handle}").text
    seen = len(_actions(runtime, cid))
    got = client.get(f"/cases/{handle}/dossier.pdf")
    assert got.status_code == 200
    assert got.content.startswith(b"%PDF")
    assert got.headers["content-type"] == "application/pdf"
    assert got.headers["content-disposition"].startswith(f'attachment; filename="dossier-{code}')
    on_the_web = _events_since(runtime, cid, seen)
    assert on_the_web == [("af-anna", "dossier_created")]
    # The same request in the chat leaves exactly the same trace.
    seen = len(_actions(runtime, cid))
    driver.talk(open_case(code, case_view=["dossier"]), user="af-anna")
    in_the_chat = [e for e in _events_since(runtime, cid, seen) if e[1].startswith("dossier")]
    assert in_the_chat == on_the_web


def test_the_dossier_is_refused_and_audited_for_contacts_who_may_not_have_it(
    world: tuple[Runtime, Driver],
) -> None:
    runtime, driver = world
    code = report(driver)  # to af-anna and mt-team; af-anna picks it up
    cid = case_id(runtime, code)
    anna = client_for(runtime)
    log_in(anna, runtime, "af-anna")
    handle = case_handle(anna.app.state.desk, cid)  # type: ignore[attr-defined]
    anna.post(f"/cases/{handle}/claim", data={"csrf": csrf(anna)})
    team = client_for(runtime)
    log_in(team, runtime, "mt-team")
    assert "Dossier voor de politie" not in team.get(f"/cases/{handle}").text
    refused = team.get(f"/cases/{handle}/dossier.pdf")
    assert refused.status_code == 403
    assert not refused.content.startswith(b"%PDF")
    carla = client_for(runtime)
    log_in(carla, runtime, "vp-carla")
    assert carla.get(f"/cases/{handle}/dossier.pdf").status_code == 404
    assert [(a, c) for a, c, _ in audited(runtime, "dossier_refused")] == [("mt-team", cid)]
    assert ("vp-carla", cid) in [(a, c) for a, c, _ in audited(runtime, "case_access_refused")]
    assert audited(runtime, "dossier_created") == []


def test_the_login_limit_per_address_holds_across_desk_processes(
    world: tuple[Runtime, Driver], make_runtime: Callable[..., Runtime], clock: Clock
) -> None:
    runtime, _ = world
    # Two desk processes behind one proxy: two apps, each on its own store, one database.
    first, second = client_for(runtime), client_for(make_runtime(clock=clock))
    for n in range(10):
        client = first if n % 2 else second
        tried = client.post("/login", data={"who": f"nobody-{n}", "csrf": csrf(client)})
        assert tried.status_code == 200
    for client in (first, second):
        refused = client.post("/login", data={"who": "af-anna", "csrf": csrf(client)})
        assert refused.status_code == 429
        assert "Te veel pogingen" in refused.text
    assert chat_messages(runtime, "af-anna") == [], "no link past the limit"
    assert len(audited(runtime, "web_login_limited")) == 2
    clock.advance(minutes=16)
    assert second.post("/login", data={"who": "af-anna", "csrf": csrf(second)}).status_code == 200
    assert len(chat_messages(runtime, "af-anna")) == 1


def test_wrong_totp_codes_count_across_desk_processes(
    world: tuple[Runtime, Driver], make_runtime: Callable[..., Runtime], clock: Clock
) -> None:
    runtime, _ = world
    first, second = totp_client(runtime), totp_client(make_runtime(clock=clock))
    for client in (first, second):
        token = login_token(client, runtime, "af-anna", "af-anna")
        client.post(f"/login/{token}", data={"csrf": csrf(client)})
    for client in (first, second, first, second):
        wrong = client.post("/totp", data={"csrf": csrf(client), "code": "000000"})
        assert wrong.url.path == "/totp"
    fifth = first.post("/totp", data={"csrf": csrf(first), "code": "000000"})
    assert fifth.url.path == "/login"
    assert "Te veel pogingen" in fifth.text
    for client in (first, second):
        assert client.get("/totp", follow_redirects=False).headers["location"] == "/login"
    assert [d for _, _, d in audited(runtime, "web_login_limited")] == ['{"limit": "totp"}']


def live_url(page: str) -> str:
    """The address a page's live region asks for news (htmx polling)."""
    found = re.search(r'<div id="live" hx-get="([^"]+)" hx-trigger="every 15s"', page)
    assert found, "the page has a live region that polls every 15 seconds"
    return html.unescape(found[1])


def test_an_open_case_page_shows_the_melders_answer_without_a_reload(
    world: tuple[Runtime, Driver], clock: Clock
) -> None:
    runtime, driver = world
    code = report(driver, user="nacht-3")
    cid = case_id(runtime, code)
    client = client_for(runtime)
    log_in(client, runtime, "af-anna")
    handle = case_handle(client.app.state.desk, cid)  # type: ignore[attr-defined]
    client.post(f"/cases/{handle}/ask", data={"csrf": csrf(client), "text": "Wanneer?"})
    page = client.get(f"/cases/{handle}").text
    assert '<script src="/static/htmx.min.js" defer></script>' in page
    url = live_url(page)
    views = len(audited(runtime, "case_viewed"))
    assert client.get(url).status_code == 204, "nothing new: nothing sent"
    assert len(audited(runtime, "case_viewed")) == views, "and nothing audited"

    clock.advance(minutes=2)
    answers = {"status_list": code, "own_case": ["answer"], "answer": "Gisteravond laat."}
    driver.session(["status", Answer("status", answers)], user="nacht-3")
    news = client.get(url)
    assert news.status_code == 200
    assert "Gisteravond laat." in news.text
    assert "<form" not in news.text, "the forms (and what is typed in them) stay as they are"
    assert "Bijgewerkt" in news.text
    assert ("af-anna", cid, '{"via": "web_live"}') in audited(runtime, "case_viewed")
    # The new region asks with the new version: quiet again until the next change.
    assert client.get(live_url(news.text)).status_code == 204
    assert 'class="unread"' not in client.get("/").text, "the answer has been seen"


def test_the_inbox_shows_a_new_case_without_a_reload(world: tuple[Runtime, Driver]) -> None:
    runtime, driver = world
    client = client_for(runtime)
    log_in(client, runtime, "af-anna")
    url = live_url(client.get("/?sort=unread").text)
    assert "sort=unread" in url, "the refresh keeps the contact's filters and sorting"
    assert client.get(url).status_code == 204
    code = report(driver)
    news = client.get(url)
    assert news.status_code == 200
    assert code in news.text


def test_a_page_left_open_still_logs_out_and_says_so(
    world: tuple[Runtime, Driver], clock: Clock
) -> None:
    runtime, driver = world
    code = report(driver)
    client = client_for(runtime)
    log_in(client, runtime, "af-anna")
    handle = case_handle(client.app.state.desk, case_id(runtime, code))  # type: ignore[attr-defined]
    url = live_url(client.get(f"/cases/{handle}").text)
    for _ in range(2):  # polling by itself does not keep the session alive
        clock.advance(minutes=20)
        polled = client.get(url)
    assert polled.status_code == 286, "htmx stops polling"
    assert polled.headers["hx-reswap"] == "none", "what the page shows (and what is typed) stays"
    assert "sessie is verlopen" in polled.text
    assert "ik weet waar je woont" not in polled.text
    assert client.get("/", follow_redirects=False).headers["location"] == "/login"

"""The contact's side of the desk: the inbox, one case, its evidence, and every action
the chat offers, each through `dialogs.casedesk.CaseDesk` (the same state transition,
audit events and notices as in the chat).

A case's address is `<id>-<keyed MAC>`: a guessed or copied id without the MAC is no
address, and a valid one still only opens for a contact the case went to (`case_for`,
the same check as the chat's, which audits a refusal).
"""

from __future__ import annotations

import base64
import hashlib
import hmac
from collections.abc import Callable
from typing import Any
from urllib.parse import quote, urlencode

from starlette.datastructures import FormData
from starlette.exceptions import HTTPException
from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import Route

from bot.web import views
from bot.web.app import (
    Desk,
    Viewer,
    desk_of,
    form_of,
    live_viewer,
    redirect,
    render,
    require_viewer,
)
from dialogs import texts
from dialogs.casedesk import CaseDesk
from dialogs.catalogue import ACTIONS, OUTCOMES
from dialogs.i18n import N_, translator
from dialogs.inbox import SORTS, STATUS_FILTER_LABEL, STATUS_FILTERS, inbox, select_rows, timeline
from dialogs.messages import OutgoingFile
from dialogs.organisation import Contact
from dialogs.render import when as render_when
from storage.casework import CaseWork
from storage.repository import CaseRecord, Unit

#: Media types a browser may be given as they are; anything else is a plain download.
SAFE_TYPES = frozenset(
    {"image/jpeg", "image/png", "image/gif", "image/webp", "application/pdf", "text/plain"}
)
#: What the case page says after an action.
DONE = {
    "claimed": N_("You picked up this case. The melder has been told."),
    "taken": N_("Someone else had already picked up this case."),
    "asked": N_("Your question has been sent to the melder's chat."),
    "noted": N_("Your note has been saved."),
    "action": N_("The action has been recorded."),
    "progress": N_("The case is now being handled."),
    "feedback": N_("Your feedback has been sent to the melder."),
    "handed_over": N_("The case has been handed over."),
    "handover_refused": N_("This contact cannot take over the case."),
    "closed": N_("The case is closed. The melder reads your feedback in their chat."),
    "closed_already": N_("This case is already closed."),
}
LIVE_SESSION_ENDED = N_(
    "Your session has ended, so this page no longer updates. What you typed is still here: "
    "copy it, then log in again."
)
LIVE_CASE_GONE = N_("You can no longer see this case, so this page no longer updates.")
#: How long a typed text may be (a question, a note, feedback).
MAX_TEXT = 4_000


def case_handle(desk: Desk, case_id: int) -> str:
    """The case's address on the desk: its id and a keyed MAC of it."""
    mac = hmac.new(desk.secret, f"case:{case_id}".encode(), hashlib.sha256).digest()
    return f"{case_id}-{base64.b32encode(mac[:10]).decode('ascii').lower()}"


def case_id_of(desk: Desk, handle: str) -> int | None:
    """The case id in a handle, if its MAC is right."""
    head, _, _mac = handle.partition("-")
    if not head.isdigit() or len(head) > 12:
        return None
    case_id = int(head)
    return case_id if hmac.compare_digest(case_handle(desk, case_id), handle) else None


def _open_case(unit: Unit, desk: Desk, viewer: Viewer, handle: str) -> CaseRecord | None:
    """The case behind a handle, if this contact may see it; refusals are audited."""
    case_id = case_id_of(desk, handle)
    found = unit.cases_by_ids([case_id]) if case_id is not None else []
    code = found[0].code if found else None
    case = CaseDesk(unit, desk.org).case_for(viewer.contact, code)
    if case is None and code is None:
        unit.audit(viewer.contact.id, "case_access_refused", bad_address=True)
    return case


async def inbox_page(request: Request) -> Response:
    """The cases routed or handed over to me, filtered and sorted."""
    viewer = await require_viewer(request)
    if viewer.is_ops:
        return redirect("/ops")
    status = request.query_params.get("status", "open")
    kind = request.query_params.get("kind") or None
    sort = request.query_params.get("sort", "deadline")
    rows, live_url = await _inbox_rows(request, viewer)
    return render(
        request,
        "inbox.html",
        viewer,
        rows=rows,
        live_url=live_url,
        status=status if status in STATUS_FILTERS else "open",
        kind=kind or "",
        sort=sort if sort in SORTS else "deadline",
        statuses=STATUS_FILTER_LABEL,
        sorts=SORTS,
        kinds=texts.KIND_LABEL,
    )


async def _inbox_rows(request: Request, viewer: Viewer) -> tuple[list[views.Row], str]:
    """The inbox rows this request asks for, and the address that asks for their news
    (it carries the rows' version)."""
    desk = desk_of(request)
    query = request.query_params
    status, sort = query.get("status", "open"), query.get("sort", "deadline")
    kind = query.get("kind") or None
    found = await desk.work(lambda u: inbox(u, desk.org, viewer.contact.id))
    shown = select_rows(found, status=status, kind=kind, sort=sort)
    rows = [views.inbox_row(r, desk, viewer, case_handle(desk, r.case.id)) for r in shown]
    params = {"status": status, "kind": kind or "", "sort": sort, "v": views.version_of(rows)}
    return rows, f"/live?{urlencode(params)}"


async def inbox_live(request: Request) -> Response:
    """News for an open inbox: the rows when they changed since the page's version."""
    viewer = await live_viewer(request)
    if viewer is None or viewer.is_ops:
        return live_stopped(request, viewer, LIVE_SESSION_ENDED)
    rows, live_url = await _inbox_rows(request, viewer)
    if live_url.endswith(urlencode({"v": request.query_params.get("v", "")})):
        return Response(status_code=204)
    updated = _now(request, viewer)
    return render(request, "inbox_live.html", viewer, rows=rows, live_url=live_url, updated=updated)


async def case_page(request: Request) -> Response:
    """One case: facts, timeline, evidence and the actions (every view is audited)."""
    viewer = await require_viewer(request)
    desk = desk_of(request)
    handle = request.path_params["handle"]

    def run(unit: Unit) -> dict[str, Any] | None:
        case = _open_case(unit, desk, viewer, handle)
        if case is None:
            return None
        unit.audit(viewer.contact.id, "case_viewed", case_id=case.id, via="web")
        return _case_context(unit, desk, viewer, case)

    context = await desk.work(run)
    if context is None:
        raise HTTPException(404)
    done = request.query_params.get("done", "")
    live_url = f"/cases/{handle}/live?v={context['version']}"
    return render(
        request,
        "case.html",
        viewer,
        handle=handle,
        live_url=live_url,
        done=done,
        done_texts=DONE,
        **context,
    )


def _case_context(unit: Unit, desk: Desk, viewer: Viewer, case: CaseRecord) -> dict[str, Any]:
    cd = CaseDesk(unit, desk.org)
    return views.case_context(
        case,
        viewer,
        desk,
        entries=timeline(unit, case),
        candidates=cd.handover_candidates(viewer.contact, case),
        dossier=cd.may_have_dossier(viewer.contact, case),
        open_question=CaseWork(unit).open_question(case.id) is not None,
    )


async def case_live(request: Request) -> Response:
    """News for an open case page: the timeline and holder when they changed since the
    page's version (audited as a view, as the page is), else 204 and nothing audited."""
    viewer = await live_viewer(request)
    if viewer is None:
        return live_stopped(request, None, LIVE_SESSION_ENDED)
    desk = desk_of(request)
    handle = request.path_params["handle"]
    seen = request.query_params.get("v", "")

    def run(unit: Unit) -> dict[str, Any] | None:
        case = _open_case(unit, desk, viewer, handle)
        if case is None:
            return None
        context = _case_context(unit, desk, viewer, case)
        if context["version"] != seen:
            unit.audit(viewer.contact.id, "case_viewed", case_id=case.id, via="web_live")
        return context

    context = await desk.work(run)
    if context is None:
        return live_stopped(request, viewer, LIVE_CASE_GONE)
    if context["version"] == seen:
        return Response(status_code=204)
    live_url = f"/cases/{handle}/live?v={context['version']}"
    return render(
        request,
        "case_live.html",
        viewer,
        handle=handle,
        live_url=live_url,
        updated=_now(request, viewer),
        **context,
    )


def live_stopped(request: Request, viewer: Viewer | None, reason: str) -> Response:
    """Stop a live region (htmx stops polling on 286) and say why; the page keeps what it
    shows, including what the contact was typing, and nothing of the case is sent."""
    response = render(request, "live_stopped.html", viewer, status_code=286, reason=reason)
    response.headers["hx-reswap"] = "none"
    return response


def _now(request: Request, viewer: Viewer) -> str:
    desk = desk_of(request)
    return render_when(desk.store.clock(), translator(viewer.contact.language), desk.org.timezone)


def _text(form: FormData, name: str) -> str:
    value = str(form.get(name, "")).strip()
    if not value or len(value) > MAX_TEXT:
        raise HTTPException(400)
    return value


Operation = Callable[[CaseDesk, Contact, CaseRecord, FormData], str]


def _claim(cd: CaseDesk, contact: Contact, case: CaseRecord, form: FormData) -> str:
    holder = cd.claim(contact, case)
    return "claimed" if holder == contact.id else "taken"


def _ask(cd: CaseDesk, contact: Contact, case: CaseRecord, form: FormData) -> str:
    cd.ask(contact, case, _text(form, "text"))
    return "asked"


def _note(cd: CaseDesk, contact: Contact, case: CaseRecord, form: FormData) -> str:
    cd.note(contact, case, _text(form, "text"))
    return "noted"


def _action(cd: CaseDesk, contact: Contact, case: CaseRecord, form: FormData) -> str:
    code = str(form.get("code", ""))
    own = str(form.get("text", "")).strip()
    if code == "other":
        cd.record_action(contact, case, "other", _text(form, "text"))
    elif code in ACTIONS:
        cd.record_action(contact, case, code, own[:MAX_TEXT] or None)
    else:
        raise HTTPException(400)
    return "action"


def _progress(cd: CaseDesk, contact: Contact, case: CaseRecord, form: FormData) -> str:
    cd.mark_in_progress(contact, case)
    return "progress"


def _feedback(cd: CaseDesk, contact: Contact, case: CaseRecord, form: FormData) -> str:
    cd.give_feedback(contact, case, _text(form, "text"))
    return "feedback"


def _handover(cd: CaseDesk, contact: Contact, case: CaseRecord, form: FormData) -> str:
    target = cd.hand_over(contact, case, str(form.get("to", "")))
    return "handed_over" if target is not None else "handover_refused"


def _close(cd: CaseDesk, contact: Contact, case: CaseRecord, form: FormData) -> str:
    outcome = str(form.get("outcome", ""))
    if outcome not in dict(OUTCOMES):
        raise HTTPException(400)
    cd.close(contact, case, outcome, _text(form, "text"))
    return "closed"


OPERATIONS: dict[str, Operation] = {
    "claim": _claim,
    "ask": _ask,
    "note": _note,
    "action": _action,
    "progress": _progress,
    "feedback": _feedback,
    "handover": _handover,
    "close": _close,
}


async def case_action(request: Request) -> Response:
    """Do one of the chat's case actions; the result is shown on the case page."""
    viewer = await require_viewer(request)
    form = await form_of(request)
    desk = desk_of(request)
    handle = request.path_params["handle"]
    operation = OPERATIONS.get(request.path_params["op"])
    if operation is None:
        raise HTTPException(404)

    def run(unit: Unit) -> str | None:
        case = _open_case(unit, desk, viewer, handle)
        if case is None:
            return None
        if case.status == "closed":
            return "closed_already"
        return operation(CaseDesk(unit, desk.org), viewer.contact, case, form)

    done = await desk.work(run)
    if done is None:
        raise HTTPException(404)
    return redirect(f"/cases/{handle}?done={done}")


async def evidence_download(request: Request) -> Response:
    """One evidence file, as a download (never shown inline); every download audited."""
    viewer = await require_viewer(request)
    desk = desk_of(request)
    handle = request.path_params["handle"]
    evidence_id = int(request.path_params["evidence"])

    def run(unit: Unit) -> tuple[str, str | None, bytes] | None:
        case = _open_case(unit, desk, viewer, handle)
        item = next((e for e in case.evidence if e.id == evidence_id), None) if case else None
        if case is None or item is None or item.kind != "file":
            return None
        unit.audit(viewer.contact.id, "evidence_downloaded", case_id=case.id, evidence=item.id)
        return item.name, item.media_type, unit.evidence_content(item.id)

    found = await desk.work(run)
    if found is None:
        raise HTTPException(404)
    name, media_type, data = found
    return attachment(name, media_type, data)


async def dossier_download(request: Request) -> Response:
    """The dossier for the police as a PDF download, for the contact who may have it
    (`CaseDesk.dossier`, the chat's own rule and audit events); refused for others."""
    viewer = await require_viewer(request)
    desk = desk_of(request)
    handle = request.path_params["handle"]
    tr = translator(viewer.contact.language)

    def run(unit: Unit) -> OutgoingFile | bool | None:
        case = _open_case(unit, desk, viewer, handle)
        if case is None:
            return None
        return CaseDesk(unit, desk.org).dossier(viewer.contact, case, tr) or False

    found = await desk.work(run)
    if found is None:
        raise HTTPException(404)
    if not isinstance(found, OutgoingFile):
        raise HTTPException(403)
    return attachment(found.filename, found.media_type, found.data)


def attachment(name: str, media_type: str | None, data: bytes) -> Response:
    """A file as a download, never shown inline; unknown types as plain bytes."""
    safe = media_type if media_type in SAFE_TYPES else "application/octet-stream"
    ascii_name = name.encode("ascii", "replace").decode().replace('"', "_") or "evidence"
    disposition = f"attachment; filename=\"{ascii_name}\"; filename*=UTF-8''{quote(name)}"
    headers = {
        "content-disposition": disposition,
        # Even when opened, the file runs nothing and loads nothing.
        "content-security-policy": "default-src 'none'; sandbox",
    }
    return Response(data, media_type=safe, headers=headers)


ROUTES = [
    Route("/", inbox_page, methods=["GET"]),
    Route("/live", inbox_live, methods=["GET"]),
    Route("/cases/{handle}", case_page, methods=["GET"]),
    Route("/cases/{handle}/live", case_live, methods=["GET"]),
    Route("/cases/{handle}/evidence/{evidence:int}", evidence_download, methods=["GET"]),
    Route("/cases/{handle}/dossier.pdf", dossier_download, methods=["GET"]),
    Route("/cases/{handle}/{op}", case_action, methods=["POST"]),
]

"""What the desk's templates show, in the viewer's language: rows of the inbox, the case
page, the timeline. Templates only lay these out."""

from __future__ import annotations

import hashlib
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from bot.web.app import Desk, Viewer
from dialogs import render, texts
from dialogs.catalogue import ACTION_GROUPS, OUTCOMES
from dialogs.i18n import N_, Translator, translator
from dialogs.inbox import DEADLINE_LABEL, InboxRow, TimelineEntry
from dialogs.organisation import Contact, Organisation
from storage.repository import CaseRecord


@dataclass(frozen=True)
class Row:
    """One inbox line, ready to show."""

    handle: str
    code: str
    kind: str
    status: str
    status_id: str
    age: str
    holder: str
    deadline: str
    overdue: bool
    unread: int


def name_of(org: Organisation, contact_id: str | None, tr: Translator) -> str:
    """A contact's name; the melder and the system by what they are."""
    if contact_id is None:
        return ""
    if contact_id == "reporter":
        return tr(texts.WHO_MELDER)
    if contact_id == "system":
        return tr(SYSTEM)
    try:
        return org.contact(contact_id).name
    except KeyError:
        return contact_id


SYSTEM = N_("the bot")
AGE_HOURS = N_("{n} h")
AGE_DAYS = N_("{n} days")


def _age(created: datetime, now: datetime, tr: Translator) -> str:
    hours = int((now - created).total_seconds() // 3600)
    if hours < 48:
        return tr(AGE_HOURS, n=hours)
    return tr(AGE_DAYS, n=hours // 24)


def inbox_row(row: InboxRow, desk: Desk, viewer: Viewer, handle: str) -> Row:
    """An inbox row in the viewer's language and time zone."""
    tr = translator(viewer.contact.language)
    case, deadline = row.case, row.deadline
    now = desk.store.clock()
    return Row(
        handle=handle,
        code=case.code,
        kind=tr(texts.KIND_LABEL[case.kind]),
        status=tr(texts.CASE_STATUS[case.status]),
        status_id=case.status,
        age=_age(case.created_at, now, tr),
        holder=name_of(desk.org, case.claimed_by, tr),
        deadline=(
            f"{tr(DEADLINE_LABEL[deadline.kind])}: "
            f"{render.when(deadline.due, tr, desk.org.timezone)}"
            if deadline
            else ""
        ),
        overdue=bool(deadline and deadline.due <= now),
        unread=row.unread,
    )


def version_of(*shown: object) -> str:
    """A short fingerprint of what a live region shows: the page asks for news with it and
    gets an answer only when it changed."""
    return hashlib.sha256(repr(shown).encode("utf-8")).hexdigest()[:16]


def _values(entry: TimelineEntry, org: Organisation, tr: Translator) -> dict[str, str]:
    values = dict(entry.values)
    for key in ("contact", "to", "holder"):
        if key in values:
            values[key] = name_of(org, values[key], tr)
    if "status" in values:
        values["status"] = tr(texts.CASE_STATUS.get(values["status"], values["status"]))
    for key in ("outcome", "action"):
        if values.get(key):
            values[key] = tr(values[key])
    values.setdefault("step", "")
    return values


def timeline_rows(
    entries: Sequence[TimelineEntry], org: Organisation, tr: Translator
) -> list[dict[str, Any]]:
    """The timeline as the case page shows it."""
    rows = []
    for e in entries:
        values = _values(e, org, tr)
        what = tr(e.what)
        rows.append(
            {
                "when": render.when(e.at, tr, org.timezone),
                "iso": e.at.isoformat(),
                "who": name_of(org, e.actor, tr),
                "what": what.format(**values) if "{" in what else what,
                "text": e.text,
                "kind": e.kind,
            }
        )
    return rows


def case_context(
    case: CaseRecord,
    viewer: Viewer,
    desk: Desk,
    *,
    entries: Sequence[TimelineEntry],
    candidates: Sequence[Contact],
    open_question: bool,
    dossier: bool,
) -> dict[str, Any]:
    """Everything the case page shows."""
    org = desk.org
    tr = translator(viewer.contact.language)
    facts = render.case_view(case, viewer.contact.id, tr, org).split("\n")
    rows = timeline_rows(entries, org, tr)
    holder = name_of(org, case.claimed_by, tr)
    groups = [
        (tr(label), [(num, f"{num}. {tr(text)}") for num, text in items])
        for _gid, label, items in ACTION_GROUPS
    ]
    return {
        "case": case,
        "title": facts[0],
        "facts": [line.removeprefix("• ") for line in facts[1:]],
        "holder": holder,
        "timeline": rows,
        "version": version_of(case.status, holder, rows),
        "evidence": [
            {"id": e.id, "name": e.name, "size": render.size(e.size), "file": e.kind == "file"}
            for e in case.evidence
        ],
        "groups": groups,
        "outcomes": [(oid, tr(label)) for oid, label in OUTCOMES],
        "candidates": [
            (c.id, f"{c.name} ({tr(texts.ROLE_NAME.get(c.role.value, c.role.value))})")
            for c in candidates
        ],
        "open_question": open_question,
        "dossier": dossier,
        "closed": case.status == "closed",
    }

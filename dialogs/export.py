"""A case as the operator exports it (`zorgveilig cases export`): JSON and CSV.

The report's answers come from dialogs/fields.py, so a new field is exported without a
change here; the case's own attributes (code, status, routing) frame them.
"""

from __future__ import annotations

from typing import Any

from dialogs.fields import FIELDS, Fields
from storage.repository import CaseRecord

#: Case attributes before and after the answers in an export, in this order.
HEAD = ("code", "kind", "status", "created_at")
TAIL = ("severity", "channel", "evidence", "routed_to")


def case_json(case: CaseRecord, fields: Fields = FIELDS) -> dict[str, Any]:
    """One case as exported for the operator (decrypted)."""
    data: dict[str, Any] = {
        "code": case.code,
        "kind": case.kind,
        "status": case.status,
        "created_at": case.created_at.isoformat(),
    }
    answers = {**case.facts, **case.details, "anonymous": case.anonymous}
    for field in fields:
        value = answers.get(field.name)
        if value in (None, "") and field.export_or:
            value = answers.get(field.export_or)
        if field.named_only and case.anonymous:
            value = None
        data[field.name] = value
    data["severity"] = case.severity
    data["channel"] = case.channel
    data["evidence"] = [
        {
            "kind": e.kind,
            "name": e.name,
            "media_type": e.media_type,
            "size": e.size,
            "sha256": e.sha256,
            "received_at": e.received_at.isoformat(),
        }
        for e in case.evidence
    ]
    data["routed_to"] = [
        {"contact": contact, "role": role, "reason": reason}
        for contact, role, reason in case.routed_to
    ]
    return data


def csv_columns(fields: Fields = FIELDS) -> tuple[str, ...]:
    """The columns of the CSV export, for incident registration systems (MIC/MIM/VIM);
    fields added later come last, so no column moves."""
    answers = [f.name for f in fields if f.csv and not f.appended]
    appended = [f.name for f in fields if f.csv and f.appended]
    return (*HEAD, *answers, *TAIL, *appended)


def case_csv_row(case: CaseRecord, fields: Fields = FIELDS) -> list[str]:
    """One case as CSV cells; lists are joined with '; '."""
    data = case_json(case, fields)
    data["evidence"] = "; ".join(f"{e['name']} sha256:{e['sha256']}" for e in data["evidence"])
    data["routed_to"] = "; ".join(f"{r['contact']}:{r['role']}" for r in data["routed_to"])
    return ["" if data[c] is None else str(data[c]) for c in csv_columns(fields)]

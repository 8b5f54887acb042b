"""Registries for the privacy flow: a copy of one's data, and erasure (AVG)."""

from __future__ import annotations

import json

from dialogs import texts
from dialogs.i18n import translator
from dialogs.messages import OutgoingFile
from dialogs.notices import notify_contact
from dialogs.turn import Effect, Registry, Turn
from storage.avg import delete_reporter_data, export_reporter_data


def _export(turn: Turn) -> str | None:
    data = export_reporter_data(turn.unit, turn.key)
    body = json.dumps(data, ensure_ascii=False, indent=2).encode("utf-8")
    stamp = turn.unit.clock().strftime("%Y%m%d")
    file = OutgoingFile(f"zorgveilig-mijn-gegevens-{stamp}.json", body, "application/json")
    turn.say(turn.tr(texts.EXPORT_READY, n=len(data["reports"])), files=(file,))
    return None


def _delete(turn: Turn) -> str | None:
    deleted = delete_reporter_data(turn.unit, turn.key)
    for case in deleted:
        for contact_id in dict.fromkeys(c for c, _, _ in case.routed_to):
            try:
                contact = turn.org.contact(contact_id)
            except KeyError:
                continue
            tr = translator(contact.language)
            text = tr(texts.NOTICE_WITHDRAWN, code=case.code)
            key = f"case:{case.code}:withdrawn"
            notify_contact(turn.unit, contact, text, purpose="case_withdrawn", key=key)
    turn.forget = True  # the conversation itself is erased too: nothing is written back
    turn.say(turn.tr(texts.DELETED_DONE, n=len(deleted)))
    return None


def _render_privacy(turn: Turn) -> str:
    return turn.tr(texts.PRIVACY, months=turn.env.config.retention_months)


REGISTRY = Registry(
    effects={"export_my_data": Effect(_export), "delete_my_data": Effect(_delete)},
    renderers={"privacy": _render_privacy},
)

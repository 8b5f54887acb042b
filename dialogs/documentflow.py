"""Registries for the files a person gets in their chat: the melder's receipt, the dossier
for the police (the contact handling the case, or a named melder on their own report), and
a case's evidence files for a contact who may receive the case.

Each effect checks access first; every file handed out, and every refusal, is audited.
"""

from __future__ import annotations

from pathlib import PurePath

from dialogs import dossier, render, texts
from dialogs import dossiertexts as dt
from dialogs.casedesk import CaseDesk
from dialogs.caseflow import contact_case
from dialogs.flow import Option
from dialogs.messages import OutgoingFile
from dialogs.statusflow import own_case
from dialogs.turn import Effect, Registry, Turn
from storage.repository import CaseRecord

REFUSED = "refused"


def _send_receipt(turn: Turn, case: CaseRecord | None) -> None:
    if case is None:
        turn.say(turn.tr(texts.OWN_CASE_NOT_FOUND))
        return
    text, file = dossier.receipt(turn.unit, turn.org, case, turn.tr)
    turn.say(text, files=(file,))


def _receipt_of_own_case(turn: Turn) -> str | None:
    _send_receipt(turn, own_case(turn))
    return None


def _receipt_of_sent(turn: Turn) -> None:
    """The receipt of the report this chat just sent (offered in the menu after it)."""
    code = turn.state.sent
    case = turn.unit.case_by_code(code) if code else None
    _send_receipt(turn, case if case is not None and case.reporter_ref == turn.key else None)


def _melder_menu(turn: Turn, options: tuple[Option, ...]) -> tuple[Option, ...]:
    """The menu offers the receipt only right after a report was sent from this chat."""
    return options if turn.state.sent else tuple(o for o in options if o.id != "receipt")


def _own_dossier(turn: Turn) -> str | None:
    """A named melder's dossier of their own report; anonymous reports have none (the
    option is not offered), and asking anyway is refused and audited."""
    case = own_case(turn)
    if case is None or case.anonymous:
        turn.unit.audit(turn.actor, "dossier_refused", case_id=case.id if case else None)
        turn.say(turn.tr(dt.DOSSIER_NOT_ALLOWED))
        return None
    requester = dossier.Requester("reporter", turn.tr(dt.DOSSIER_BY_MELDER))
    file = dossier.dossier_file(turn.unit, turn.org, case, requester, turn.tr, turn.env.fields)
    turn.say(turn.tr(dt.DOSSIER_READY, code=case.code), files=(file,))
    return None


def _case_dossier(turn: Turn) -> str | None:
    """The dossier for the contact handling the case (who holds it)."""
    found = contact_case(turn)
    if found is None:
        turn.say(turn.tr(texts.CASE_NOT_YOURS))
        return REFUSED
    contact, case = found
    file = _desk(turn).dossier(contact, case, turn.tr)
    if file is None:
        turn.say(turn.tr(dt.DOSSIER_NOT_ALLOWED))
        return None
    turn.say(turn.tr(dt.DOSSIER_READY, code=case.code), files=(file,))
    return None


def _desk(turn: Turn) -> CaseDesk:
    return CaseDesk(turn.unit, turn.org, turn.env.fields)


def evidence_files(turn: Turn, case: CaseRecord) -> tuple[OutgoingFile, ...]:
    """A case's evidence files, named by case, number and the melder's file name."""
    files = []
    for n, item in enumerate(case.evidence, start=1):
        if item.kind != "file":
            continue
        name = PurePath(item.name.replace("\\", "/")).name or "file"
        data = turn.unit.evidence_content(item.id)
        media = item.media_type or "application/octet-stream"
        files.append(OutgoingFile(f"{case.code}-{n}-{name}", data, media))
    return tuple(files)


def _send_evidence(turn: Turn) -> str | None:
    """A case's evidence in the contact's chat, for a contact who may receive the case
    (`routing.may_receive`, the one rule); refused and audited otherwise."""
    found = contact_case(turn)  # a contact the case was not routed to: refused, audited
    if found is None:
        turn.unit.audit(turn.actor, "evidence_refused")
        turn.say(turn.tr(texts.CASE_NOT_YOURS))
        return REFUSED
    contact, case = found
    if not _desk(turn).may_receive(case, contact):
        turn.unit.audit(contact.id, "evidence_refused", case_id=case.id)
        turn.say(turn.tr(dt.EVIDENCE_REFUSED))
        return None
    files = evidence_files(turn, case)
    links = [i.name for i in case.evidence if i.kind == "link"]
    turn.unit.audit(contact.id, "evidence_sent", case_id=case.id, files=len(files))
    lines = [turn.tr(dt.EVIDENCE_READY, code=case.code, files=len(files))]
    if not files:
        lines = [turn.tr(dt.EVIDENCE_NONE)]
    if links:
        lines.append(turn.tr(dt.EVIDENCE_LINKS, links=render.joined(links, turn.tr)))
    turn.say("\n".join(lines), files=files)
    return None


REGISTRY = Registry(
    option_filters={"melder_menu": _melder_menu},
    renderers={"sent_receipt": _receipt_of_sent},
    effects={
        "send_receipt": Effect(_receipt_of_own_case),
        "send_own_dossier": Effect(_own_dossier),
        "send_case_dossier": Effect(_case_dossier, (REFUSED,)),
        "send_evidence": Effect(_send_evidence, (REFUSED,)),
    },
)

"""Registries of the report flows (dialogs/flows/report.py, niet_pluis.py, common.py),
and what happens when a melder confirms a report."""

from __future__ import annotations

import logging
from typing import Any

from dialogs import aftercare, casetimers, facttexts, render, texts
from dialogs.casedesk import CaseDesk
from dialogs.flow import Option, Step
from dialogs.organisation import ReportKind, Role, localized
from dialogs.routing import RoutingRequest, route, team_of
from dialogs.submission import submit_report
from dialogs.turn import Registry, Turn
from nlu import about, anonymity

log = logging.getLogger(__name__)


def routing_request(kind: str, slots: dict[str, Any]) -> RoutingRequest:
    """The routing question for a report with these answers."""
    preferred = slots.get("preferred_role")
    high = (slots.get("impact") or 5) <= 2 or slots.get("aro_category") == "fysiek"
    return RoutingRequest(
        kind=ReportKind(kind),
        team=team_of(slots),
        preferred_role=None if preferred in (None, "none") else Role(preferred),
        exclude_line_manager=bool(slots.get("exclude_line_manager", False)),
        severity="high" if high else "normal",
    )


def submit(turn: Turn) -> str:
    """Register the report, route it, schedule its follow-up, and tell the melder; the
    case code."""
    assert turn.flow is not None
    assert turn.flow.kind is not None
    kind, tr, org = turn.flow.kind, turn.tr, turn.org
    request = routing_request(kind, turn.slots)
    recipients = route(org, request)
    case = submit_report(
        turn.unit,
        org,
        turn.env.fields,
        kind=kind,
        slots=turn.slots,
        conversation_key=turn.key,
        channel=turn.incoming.channel,
        lang=tr.lang,
        request=request,
        recipients=recipients,
    )
    desk = CaseDesk(turn.unit, org, turn.env.fields)
    casetimers.schedule(desk, case)
    aftercare.schedule_checkins(desk.work, org, case)
    roles = render.role_list([r.contact.role.value for r in recipients], tr)
    turn.say(tr(texts.SUBMITTED, code=case.code))
    routed = texts.routed_text(kind, turn.slots.get("niet_pluis_mode"))
    hours = org.acknowledge_within_hours
    turn.say(tr(routed, recipients=roles, hours=hours) + "\n" + tr(texts.KEEP_CODE))
    turn.say(render.immediate_aftercare(kind, case.facts.get("platform"), tr))
    turn.say(render.referral_list(org, tr))
    log.info("report submitted: kind=%s recipients=%d", kind, len(recipients))
    return case.code


# -- conditions -----------------------------------------------------------------------


def _single_team(turn: Turn) -> bool:
    return len(turn.org.teams) <= 1


def _line_manager_not_involved(turn: Turn) -> bool:
    """Ask about the line manager only if the routing could actually reach one."""
    assert turn.flow is not None
    assert turn.flow.kind is not None
    if turn.slots.get("preferred_role") not in (None, "none"):
        return True
    candidates = route(turn.org, routing_request(turn.flow.kind, turn.slots))
    return not any(r.contact.line_manager for r in candidates)


# -- option lists -----------------------------------------------------------------------


def _team_options(turn: Turn) -> tuple[Option, ...]:
    options = [
        Option(t.id, localized(t.name, turn.tr.lang), synonyms=t.names) for t in turn.org.teams
    ]
    options.append(Option("none", texts.TEAM_NOT_SAY, synonyms=("liever niet", "rather not")))
    return tuple(options)


def _role_options(turn: Turn) -> tuple[Option, ...]:
    options = [
        Option(
            role.value,
            texts.ROLE_CHOICE[role.value],
            synonyms=(role.value, *turn.org.role_names(role)),
        )
        for role in turn.org.roles_for_choice()
    ]
    options.append(
        Option(
            "none",
            texts.NO_PREFERENCE,
            synonyms=(
                "maakt niet uit",
                "maakt me niet uit",
                "geen voorkeur",
                "geen",
                "no preference",
                "doesn't matter",
                "does not matter",
                "i don't mind",
            ),
        )
    )
    return tuple(options)


def _editable_steps(turn: Turn) -> tuple[Option, ...]:
    steps = tuple(Option(step.name, label) for step, label in answered(turn))
    assert turn.flow is not None
    summary = turn.flow.summary
    if summary is None:
        return steps
    return (*steps, Option(summary.name, facttexts.NOTHING_WRONG))


def answered(turn: Turn) -> list[tuple[Step, str]]:
    """The steps of the report answered so far, with their summary labels."""
    assert turn.flow is not None
    found = []
    for step in turn.flow.steps:
        field = turn.env.fields.get(step.slot or "")
        label = step.summary_label or (field.label if field else None)
        if label and step.slot and (step.slot in turn.slots or step.name in turn.state.history):
            found.append((step, label))
    return found


# -- renderers --------------------------------------------------------------------------


def _render_summary(turn: Turn) -> str:
    flow = turn.flow
    assert flow is not None
    assert flow.kind is not None
    asked = [step for step, _ in answered(turn)]
    evidence = turn.unit.draft_evidence(turn.key)
    recipients = route(turn.org, routing_request(flow.kind, turn.slots))
    roles = [r.contact.role.value for r in recipients]
    return render.summary(
        flow, asked, turn.slots, evidence, roles, turn.tr, turn.org, turn.env.fields
    )


REGISTRY = Registry(
    predicates={
        "single_team": _single_team,
        "line_manager_not_involved": _line_manager_not_involved,
    },
    option_sources={
        "teams": _team_options,
        "roles": _role_options,
        "editable_steps": _editable_steps,
    },
    renderers={"summary": _render_summary},
    # Negation matters in the anonymity answer, and the classifier mixes the two up.
    rules={"anonymity": anonymity.preference, "about": about.about},
)

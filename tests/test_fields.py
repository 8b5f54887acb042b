"""Report fields are declared once (dialogs/fields.py): a new question reaches the
summary, the stored case and both exports without touching any other module."""

from __future__ import annotations

import dataclasses

import pytest

from bot.runtime import Runtime
from dialogs.engine import Engine
from dialogs.export import case_csv_row, case_json, csv_columns
from dialogs.fields import FIELDS, FieldType, ReportField, Storage
from dialogs.flow import Flow, FlowError, Option, Step, StepKind
from dialogs.flows import ALL_FLOWS
from dialogs.flows.report import AGGRESSION
from tests.stepchat import StepChat

WITNESS = ReportField(
    "witness",
    "Witness",
    FieldType.CHOICE,
    options=(Option("yes", "Yes, someone saw it"), Option("no", "No one")),
    case_label="Witness",
)
WITNESS_NAME = ReportField("witness_name", "Who saw it", FieldType.TEXT, Storage.ENCRYPTED)

ASK_WITNESS = Step(
    name="witness",
    kind=StepKind.CHOICE,
    slot="witness",
    prompt="Was there a witness?",
    options=WITNESS.options,
    next="evidence",
)

ANSWERS = {
    "what": "use_slot",
    "understood": "yes",
    "when": "yesterday",
    "where": "ward",
    "aro": "verbaal",
    "who": "patient",
    "witness": "yes",
    "evidence": "done",
    "impact": "3",
    "anonymity": "anonymous",
    "team": "none",
    "contact_pref": "none",
    "line_manager": "allow",
    "summary": "confirm",
}


def with_witness_question(flow: Flow) -> Flow:
    """The aggression flow with 'Was there a witness?' after 'Who did it?'."""
    steps = []
    for step in flow.steps:
        if step.name == "who":
            steps += [dataclasses.replace(step, next="witness"), ASK_WITNESS]
        else:
            steps.append(step)
    return dataclasses.replace(flow, steps=tuple(steps))


def test_a_new_field_reaches_summary_storage_and_both_exports(runtime: Runtime) -> None:
    flows = [with_witness_question(f) if f is AGGRESSION else f for f in ALL_FLOWS]
    fields = FIELDS.with_fields(WITNESS)
    engine = Engine(
        runtime.store, runtime.interpreter, runtime.organisation, flows=flows, fields=fields
    )
    chat = StepChat(engine)
    chat.send(choice="aggression")
    asked = chat.answer("aggression", {**ANSWERS, "what": "Hij schreeuwde tegen mij."})
    assert "witness" in asked
    summary = next(m.text for m in chat.said if "Witness" in m.text)
    assert "Witness: Yes, someone saw it" in summary

    with runtime.store.unit() as unit:
        (case,) = unit.all_cases()
    assert case.facts["witness"] == "yes", "stored with the case's answers"
    assert case_json(case, fields)["witness"] == "yes"
    columns = csv_columns(fields)
    assert case_csv_row(case, fields)[columns.index("witness")] == "yes"
    assert "witness" not in csv_columns(FIELDS), "the shipped fields are unchanged"
    with runtime.store.unit() as unit:
        notices = [
            m.payload["text"] for m in unit.claim_outbox("console") if m.purpose == "case_notice"
        ]
    assert notices, "the aanspreekpunten got a notice"
    assert all("Witness: Yes, someone saw it" in n for n in notices), "and it names the field"


def test_a_free_text_field_is_stored_encrypted_and_exported(runtime: Runtime) -> None:
    ask = dataclasses.replace(
        ASK_WITNESS, slot="witness_name", options=(), kind=StepKind.TEXT, prompt="Who saw it?"
    )
    steps = [
        dataclasses.replace(s, next="witness") if s.name == "who" else s for s in AGGRESSION.steps
    ]
    asking = dataclasses.replace(AGGRESSION, steps=(*steps, ask))
    flows = [asking if f is AGGRESSION else f for f in ALL_FLOWS]
    fields = FIELDS.with_fields(WITNESS_NAME)
    engine = Engine(
        runtime.store, runtime.interpreter, runtime.organisation, flows=flows, fields=fields
    )
    chat = StepChat(engine)
    chat.send(choice="aggression")
    chat.answer("aggression", {**ANSWERS, "what": "Hij schreeuwde.", "witness": "Collega Piet"})
    with runtime.store.unit() as unit:
        (case,) = unit.all_cases()
    assert case.details["witness_name"] == "Collega Piet", "kept with the melder's own words"
    assert "witness_name" not in case.facts, "never in the plain answers"
    assert case_json(case, fields)["witness_name"] == "Collega Piet"


def test_a_report_step_that_fills_no_declared_field_is_refused_when_built(
    runtime: Runtime,
) -> None:
    flows = [with_witness_question(f) if f is AGGRESSION else f for f in ALL_FLOWS]
    with pytest.raises(FlowError, match="'witness', which is no report field"):
        Engine(runtime.store, runtime.interpreter, runtime.organisation, flows=flows)


def test_a_field_naming_an_unknown_fact_extractor_is_refused_when_built(runtime: Runtime) -> None:
    reads = ReportField("witness", "Witness", FieldType.CHOICE, extract="witnesses")
    with pytest.raises(FlowError, match="unknown extractor 'witnesses'"):
        Engine(
            runtime.store,
            runtime.interpreter,
            runtime.organisation,
            fields=FIELDS.with_fields(reads),
        )
    twice = ReportField("witness", "Witness", FieldType.CHOICE, extract="team")
    with pytest.raises(FlowError, match="extractor 'team', which already fills 'team'"):
        Engine(
            runtime.store,
            runtime.interpreter,
            runtime.organisation,
            fields=FIELDS.with_fields(twice),
        )

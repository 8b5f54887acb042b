"""The quality gate of fact extraction (nlu/quality.yml, `facts`): on the held-out stories
the facts are read right at least 97 % of the time overall, and no fact below 90 %, in each
language. Accuracy only; the cost is measured in bench/ (see bench/README.md)."""

from __future__ import annotations

from pathlib import Path

import pytest

from dialogs.fields import FIELDS
from dialogs.flows import ALL_FLOWS
from dialogs.organisation import load_organisation
from dialogs.storyfacts import flow_facts, team_names
from nlu.facts_evaluation import evaluate_facts, load_facts_gate, load_story_set, story_files

ROOT = Path(__file__).resolve().parent.parent


def test_heldout_facts_meet_the_targets() -> None:
    gate = load_facts_gate()
    files = story_files(gate.stories)
    if not files:
        pytest.fail(f"no held-out stories in {gate.stories}")
    teams = team_names(load_organisation(ROOT / "config" / "organisation.example.yml"))
    facts_by_kind = {f.kind: tuple(flow_facts(f, FIELDS)) for f in ALL_FLOWS if f.kind}
    report = evaluate_facts(
        [load_story_set(p) for p in files], facts_by_kind=facts_by_kind, teams=teams
    )
    print("\n" + report.summary())
    assert {"nl", "en"} <= set(report.scores), "both languages are held out"
    assert not (problems := gate.problems(report)), "\n".join(problems)

"""Words of distress in check-in answers lead to support; ordinary answers do not."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from nlu.distress import distress

DISTRESS = [
    "Ik kan het niet meer aan",
    "eerlijk gezegd kan ik het niet meer",
    "ik wil niet meer leven",
    "Ik denk aan zelfmoord",
    "ik ben wanhopig",
    "ik trek het niet meer",
    "het wordt me te veel allemaal",
    "ik slaap al dagen niet meer",
    "ik durf niet meer naar mijn werk",
    "I want to die",
    "I can't cope anymore",
    "I can\u2019t cope anymore",  # a phone's curly apostrophe
    "I haven't slept since it happened",
]
ORDINARY = [
    "Het gaat beter, dank je",
    "gaat wel",
    "Ik heb er met mijn leidinggevende over gepraat.",
    "Goed geslapen vannacht",
    "I'm fine, thanks",
    "Nee hoor",
]


@pytest.mark.parametrize("text", DISTRESS)
def test_recognises_distress(text: str) -> None:
    assert distress(text) is not None


@pytest.mark.parametrize("text", ORDINARY)
def test_ordinary_answers_are_not_distress(text: str) -> None:
    assert distress(text) is None


@given(st.text(max_size=5000))
def test_never_raises_and_returns_a_pattern_name(text: str) -> None:
    found = distress(text)
    assert found is None or found in {"suicidal", "not_coping", "severe"}

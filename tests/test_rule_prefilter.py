"""The danger rules' prefilter (nlu/rule_prefilter.py) never drops a rule that matches:
the rules read the same with it, only fewer are searched."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

from nlu.acute import AcuteDangerRules
from nlu.acute_patterns import PATTERNS
from nlu.acute_words import expand_macros
from nlu.rule_prefilter import Prefilter, beginnings
from nlu.rule_text import MAX_SCAN_CHARS, normalise_for_rules

DEV = Path(__file__).resolve().parent.parent / "nlu" / "dev"


def _dev_texts() -> list[str]:
    texts: list[str] = []
    for path in sorted(DEV.glob("danger*/*.yml")):
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        for key in ("danger_now", "past"):
            texts += [t for t in data.get(key, []) if isinstance(t, str)]
    return texts


def _sources() -> dict[str, str]:
    """Each rule's quick test, or its pattern when it has none (as AcuteDangerRules)."""
    return {
        p.name: expand_macros(rf"(?<!\w)(?:{p.needs})" if p.needs else p.pattern) for p in PATTERNS
    }


def _starts(regex: re.Pattern[str], text: str) -> list[int]:
    """Where matches of `regex` start (overlapping, as the rules search)."""
    starts: list[int] = []
    position = 0
    while (hit := regex.search(text, position)) is not None:
        starts.append(hit.start())
        position = hit.start() + 1
    return starts


def test_every_match_in_a_dev_message_starts_where_the_prefilter_says() -> None:
    sources = _sources()
    compiled = {name: re.compile(pattern) for name, pattern in sources.items()}
    prefilter = Prefilter(sources)
    texts = [normalise_for_rules(t, MAX_SCAN_CHARS) for t in _dev_texts()]
    assert len(texts) > 5000
    missed = []
    for text in texts:
        candidates = prefilter.candidates(text)
        for name, regex in compiled.items():
            starts = _starts(regex, text)
            places = candidates.places(name) if name in candidates else []
            if starts and (places is not None and not set(starts) <= set(places)):
                missed.append((name, text))
    assert missed == []


def test_most_rules_are_skipped_for_an_ordinary_answer() -> None:
    prefilter = Prefilter(_sources())
    candidates = prefilter.candidates("gisteren op de afdeling, hij schold me uit").names
    assert len(candidates) < len(PATTERNS) / 4
    assert len(prefilter.always) < 10, "nearly every rule's beginnings are listed"


@pytest.mark.parametrize(
    ("pattern", "expected"),
    [
        ("abcd|de", {"abc", "de"}),
        ("x?yz", {"xyz", "yz"}),
        ("[ab]cd", {"acd", "bcd"}),
        (r"ab\w+", {"ab"}),  # what cannot be listed ends a beginning early
        (r"\bkn?ife", {"\x01kni", "\x01kif"}),
        (r"(?<!\w)(?:mes)", {"\x00mes"}),
        (r"^\W*help", {"\x03hel"}),
    ],
)
def test_beginnings_of_a_pattern(pattern: str, expected: set[str]) -> None:
    assert beginnings(pattern) == frozenset(expected)


@pytest.mark.parametrize("pattern", [r"\w+ knife", r".*x", r"(\w)\1", r"(?i)knife", "x*"])
def test_a_pattern_that_can_begin_anyhow_is_not_listed(pattern: str) -> None:
    found = beginnings(pattern)
    assert found is None or "" in found
    assert "p" in Prefilter({"p": pattern}).always


_TRICKY = {
    "boundary": r"\b(?:mes|knife)\b",
    "no_letter_before": r"(?<!\w)(?:'s here|hij is)",
    "apostrophe": r"\b(?:'s|'re) coming",
    "start": r"^\W*(?:help|hulp)\W*$",
    "spaces": r"^\s*nu\b",
    "optional": r"(?:the )?(?:guy|man) (?:is )?here",
    "repeat": r"(?:ha)+ nee",
    "inside_word": r"oo[kp]",
    "digits": r"\b112\b",
}
_PIECES = "mes knife 's here hij is help ! ? nu the guy man ha nee ook oop 112 x - 're coming"
_ALPHABET = st.sampled_from([*_PIECES.split(), "hulp", " ", "\n"])


@settings(max_examples=400, deadline=None)
@given(st.lists(_ALPHABET, max_size=12).map("".join))
def test_candidates_hold_every_match_of_tricky_patterns(text: str) -> None:
    candidates = Prefilter(_TRICKY).candidates(text)
    for name, pattern in _TRICKY.items():
        starts = _starts(re.compile(pattern), text)
        if starts:
            assert name in candidates, (name, text)
            places = candidates.places(name)
            assert places is None or set(starts) <= set(places), (name, text)


def test_the_rules_read_the_same_with_and_without_the_prefilter() -> None:
    rules = AcuteDangerRules()
    everything = Prefilter({p.name: "" for p in PATTERNS})  # every rule a candidate
    filtered = [rules.read(text) for text in _dev_texts()[::4]]
    rules._may_match = everything
    assert [rules.read(text) for text in _dev_texts()[::4]] == filtered

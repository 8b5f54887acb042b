"""Loading, validating, fingerprinting and writing Rasa YAML training data."""

from __future__ import annotations

import random
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from nlu.training_data import (
    EntitySpan,
    Example,
    TrainingData,
    TrainingDataError,
    dump_rasa_yaml,
    fold,
    format_example,
    load_training_data,
    parse_annotated_text,
    parse_rasa_yaml,
    write_rasa_yaml,
)

FIXTURES = Path(__file__).parent / "fixtures" / "nlu"
DATA = FIXTURES / "data"
MALFORMED = FIXTURES / "malformed"


def _doc(*lines: str, intent: str = "report_online_threat") -> str:
    body = "\n".join(f"    - {line}" for line in lines)
    return f'version: "3.1"\nnlu:\n- intent: {intent}\n  examples: |\n{body}\n'


# --------------------------------------------------------------------------- annotations


@pytest.mark.parametrize(
    ("annotated", "plain", "spans"),
    [
        (
            "ik word bedreigd op [insta](platform)",
            "ik word bedreigd op insta",
            [("platform", "insta", 20, 25)],
        ),
        (
            'op [insta]{"entity": "platform", "value": "instagram"} en [fb](platform:facebook)',
            "op insta en fb",
            [("platform", "instagram", 3, 8), ("platform", "facebook", 12, 14)],
        ),
        (
            "een [patiënt](perpetrator_relation) via [WhatsApp](platform)!",
            "een patiënt via WhatsApp!",
            [("perpetrator_relation", "patient", 4, 11), ("platform", "whatsapp", 16, 24)],
        ),
        (
            '[de vader]{"entity":"perpetrator_relation","value":"naaste"} belde',
            "de vader belde",
            [("perpetrator_relation", "naaste", 0, 8)],
        ),
        ("zie [bijlage] en (haakjes)", "zie [bijlage] en (haakjes)", []),
        ("emoji 😀 [x](platform)", "emoji 😀 x", [("platform", "x", 8, 9)]),
    ],
)
def test_annotations_are_stripped_with_correct_offsets(
    annotated: str, plain: str, spans: list[tuple[str, str, int, int]]
) -> None:
    text, found = parse_annotated_text(annotated)
    assert text == plain
    assert [(s.entity, s.value, s.start, s.end) for s in found] == spans
    for span in found:
        assert text[span.start : span.end] == span.text


def test_values_resolve_through_synonyms_across_files() -> None:
    data = load_training_data(DATA)
    insta = next(s for s in data.entity_spans() if s.text == "insta")
    assert insta.value == "instagram"  # the synonym lives in nl.yml, the span in en.yml too
    relative = next(s for s in data.entity_spans() if s.text == "relative")
    assert relative.value == "naaste"  # legacy (entity:value) form
    sms = next(s for s in data.entity_spans() if s.text == "sms")
    assert sms.value == "sms"  # JSON form without a value: folded text


def test_load_directory_reads_examples_synonyms_and_lookups() -> None:
    data = load_training_data(DATA)
    intents = data.intents
    assert "greet" in intents
    assert "acute_danger" in intents
    assert data.synonyms["insta"] == "instagram"
    assert data.synonyms["groepsapp"] == "whatsapp"
    assert "mastodon" in data.lookups["platform"]
    assert "neighbour" in data.lookups["perpetrator_relation"]
    assert all(e.text == e.text.strip() and e.text for e in data.examples)


def test_example_lines_point_into_the_file() -> None:
    data = load_training_data(DATA / "nl.yml")
    lines = (DATA / "nl.yml").read_text(encoding="utf-8").splitlines()
    for example in data.examples:
        assert example.source.endswith("nl.yml")
        source_line = lines[example.line - 1]
        assert source_line.strip().startswith("- ")
        first_word = example.text.split()[0]
        assert first_word in source_line


def test_detailed_example_form() -> None:
    doc = (
        "nlu:\n- intent: greet\n  examples:\n  - text: hallo\n    metadata: {a: 1}\n"
        "  - text: |\n      goedemorgen\n"
    )
    data = parse_rasa_yaml(doc, "detailed.yml")
    assert [(e.text, e.line) for e in data.examples] == [("hallo", 4), ("goedemorgen", 7)]


def test_files_without_nlu_key_are_ignored() -> None:
    assert parse_rasa_yaml('version: "3.1"\nresponses: {}\n').examples == []
    assert parse_rasa_yaml("").examples == []


def test_known_intents_can_be_disabled() -> None:
    doc = _doc("het regent", intent="weather")
    with pytest.raises(TrainingDataError):
        parse_rasa_yaml(doc)
    assert parse_rasa_yaml(doc, known_intents=None).intents == ["weather"]


# --------------------------------------------------------------------------- errors


@pytest.mark.parametrize(
    ("name", "line", "fragment"),
    [
        ("bad_annotation.yml", 7, "malformed entity annotation"),
        ("missing_dash.yml", 8, "must start with '- '"),
        ("bad_yaml.yml", 7, "(while parsing a flow sequence from line 6)"),
        ("unknown_intent.yml", 7, "unknown intent 'report_weather'"),
    ],
)
def test_malformed_files_name_file_and_line(name: str, line: int, fragment: str) -> None:
    path = MALFORMED / name
    with pytest.raises(TrainingDataError) as caught:
        load_training_data(path)
    assert caught.value.source == str(path)
    assert caught.value.line == line
    assert str(caught.value).startswith(f"{path}:{line}: ")
    assert fragment in str(caught.value)


@pytest.mark.parametrize(
    ("doc", "line", "fragment"),
    [
        (_doc("hoi", '[x]{"entity": platform}'), 6, "not valid JSON"),
        (_doc('[x]{"value": "y"}'), 5, '"entity" string'),
        (_doc("[x](plat form)"), 5, "invalid entity name"),
        (_doc("[x](platform:)"), 5, "malformed entity annotation"),
        ("nlu:\n- intent: greet\n  example: |\n    - hoi\n", 2, "unknown key 'example'"),
        ("nlu:\n- intent: greet\n", 2, "has no 'examples'"),
        ("nlu:\n- intent: greet\n  intent: deny\n  examples: ''\n", 3, "duplicate key"),
        ("nlu:\n- greet\n", 2, "must be a mapping"),
        ("nlu: {greet: 1}\n", 1, "'nlu' must be a list"),
        ("- a\n- b\n", 1, "top level must be a mapping"),
        ("nlu:\n- intent: greet\n  synonym: x\n  examples: ''\n", 2, "exactly one of"),
        (
            "nlu:\n- synonym: a\n  examples: |\n    - x\n- synonym: b\n  examples: |\n    - X\n",
            7,
            "synonym 'x' maps to 'b' here but to 'a'",
        ),
        ("nlu:\n- intent: greet\n  examples:\n  - metadata: 1\n", 4, "without 'text'"),
        ("nlu:\n- intent: greet\n  examples: |\n    - hoi\n    -\n", 5, "empty example"),
    ],
)
def test_malformed_documents(doc: str, line: int, fragment: str) -> None:
    with pytest.raises(TrainingDataError) as caught:
        parse_rasa_yaml(doc, "doc.yml")
    assert caught.value.line == line, str(caught.value)
    assert fragment in str(caught.value)
    assert str(caught.value).startswith(f"doc.yml:{line}: ")


def test_missing_path_is_an_error(tmp_path: Path) -> None:
    with pytest.raises(TrainingDataError, match="no such file"):
        load_training_data(tmp_path / "absent")


def test_invalid_utf8_is_an_error(tmp_path: Path) -> None:
    bad = tmp_path / "latin1.yml"
    bad.write_bytes(_doc("café").encode("latin-1"))
    with pytest.raises(TrainingDataError, match="UTF-8"):
        load_training_data(bad)


# --------------------------------------------------------------------------- fingerprint


def test_fingerprint_is_deterministic_and_order_independent() -> None:
    data = load_training_data(DATA)
    shuffled = list(data.examples)
    random.Random(1).shuffle(shuffled)
    other = TrainingData(
        examples=shuffled,
        synonyms=dict(reversed(list(data.synonyms.items()))),
        lookups=data.lookups,
    )
    assert data.fingerprint() == other.fingerprint()
    assert len(data.fingerprint()) == 64


def test_fingerprint_changes_with_content_not_with_location() -> None:
    data = load_training_data(DATA)
    moved = TrainingData(
        examples=[Example(e.text, e.intent, e.entities, "elsewhere.yml", 1) for e in data.examples],
        synonyms=data.synonyms,
        lookups=data.lookups,
    )
    assert moved.fingerprint() == data.fingerprint()
    changed = TrainingData(
        examples=[*data.examples, Example("nieuw voorbeeld", "greet")],
        synonyms=data.synonyms,
        lookups=data.lookups,
    )
    assert changed.fingerprint() != data.fingerprint()
    relabelled = TrainingData(
        examples=[Example(data.examples[0].text, "deny"), *data.examples[1:]],
        synonyms=data.synonyms,
        lookups=data.lookups,
    )
    assert relabelled.fingerprint() != data.fingerprint()


def test_conflicts_and_merge() -> None:
    one = parse_rasa_yaml(_doc("oké", intent="affirm"))
    two = parse_rasa_yaml(_doc("OKE", intent="thank"))
    merged = one.merge(two)
    assert len(merged.examples) == 2
    assert merged.conflicts() == {"oke": ["affirm", "thank"]}


# --------------------------------------------------------------------------- writing


def test_dump_and_reload_round_trip(tmp_path: Path) -> None:
    data = load_training_data(DATA)
    out = tmp_path / "export.yml"
    write_rasa_yaml(out, data.examples, data.synonyms, data.lookups)
    again = load_training_data(out)
    assert again.fingerprint() == data.fingerprint()


def test_format_example_uses_short_form_when_value_equals_text() -> None:
    example = Example(
        "via insta en x door een patient",
        "report_online_threat",
        (
            EntitySpan("platform", "instagram", 4, 9, "insta"),
            EntitySpan("platform", "x", 13, 14, "x"),
            EntitySpan("perpetrator_relation", "patient", 24, 31, "patient"),
        ),
    )
    assert format_example(example) == (
        'via [insta]{"entity": "platform", "value": "instagram"} en [x](platform)'
        " door een [patient](perpetrator_relation)"
    )


def test_export_neutralises_brackets_and_line_breaks() -> None:
    example = Example("zie [bijlage](hier)\nen\u2028verder\x00", "out_of_scope")
    loaded = parse_rasa_yaml(dump_rasa_yaml([example]))
    assert [e.text for e in loaded.examples] == ["zie (bijlage)(hier) en verder"]
    assert loaded.examples[0].entities == ()


def test_dump_of_nothing_is_valid() -> None:
    assert parse_rasa_yaml(dump_rasa_yaml([])).examples == []


_PLAIN_TEXT = st.text(
    alphabet=st.characters(
        blacklist_categories=("Cc", "Cs", "Cn", "Co", "Zl", "Zp"),
        blacklist_characters="[]\ufeff",
    ),
    max_size=80,
)


@settings(max_examples=150, deadline=None)
@given(text=_PLAIN_TEXT)
def test_export_round_trips_plain_text(text: str) -> None:
    loaded = parse_rasa_yaml(dump_rasa_yaml([Example(text, "greet")]))
    expected = text.strip()
    if expected:
        assert [e.text for e in loaded.examples] == [expected]
    else:
        assert loaded.examples == []


@settings(max_examples=150, deadline=None)
@given(text=st.text(max_size=80), start=st.integers(0, 80), length=st.integers(1, 10))
def test_export_never_produces_unreadable_yaml(text: str, start: int, length: int) -> None:
    spans: tuple[EntitySpan, ...] = ()
    if start + length <= len(text):
        spans = (EntitySpan("platform", "other", start, start + length, text[start:][:length]),)
    loaded = parse_rasa_yaml(dump_rasa_yaml([Example(text, "greet", spans)]))
    assert len(loaded.examples) <= 1
    for example in loaded.examples:
        for span in example.entities:
            assert example.text[span.start : span.end] == span.text


def test_fold() -> None:
    assert fold("  Patiënt\u00a0 ÉÉN  ") == "patient een"
    assert fold("ｆｕｌｌ") == "full"

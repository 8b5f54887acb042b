"""Dictionary entity extraction: values, offsets, word boundaries and the letter "x"."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from nlu.entities import ENTITY_VALUES, EntityExtractor, canonical_value
from nlu.training_data import load_training_data

DATA = Path(__file__).parent / "fixtures" / "nlu" / "data"


@pytest.fixture(scope="module")
def builtin() -> EntityExtractor:
    return EntityExtractor.from_training_data()


@pytest.fixture(scope="module")
def trained() -> EntityExtractor:
    return EntityExtractor.from_training_data(load_training_data(DATA))


def _found(extractor: EntityExtractor, text: str) -> list[tuple[str, str, str]]:
    entities = extractor.extract(text)
    for entity in entities:
        assert text[entity.start : entity.end] == entity.text
        assert entity.value in ENTITY_VALUES[entity.entity]
    return [(e.entity, e.value, e.text) for e in entities]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Een patiënt bedreigt me via Instagram",
            [
                ("perpetrator_relation", "patient", "patiënt"),
                ("platform", "instagram", "Instagram"),
            ],
        ),
        (
            "ik kreeg een sms'je en een e-mail van de vader van een cliënt",
            [
                ("platform", "sms", "sms'je"),
                ("platform", "e-mail", "e-mail"),
                ("perpetrator_relation", "naaste", "vader"),
                ("perpetrator_relation", "patient", "cliënt"),
            ],
        ),
        ("ze zetten het in de whatsappgroep", [("platform", "whatsapp", "whatsappgroep")]),
        ("op mijn facebookpagina", [("platform", "facebook", "facebookpagina")]),
        (
            "een bezoeker via TikTok",
            [("perpetrator_relation", "bezoeker", "bezoeker"), ("platform", "tiktok", "TikTok")],
        ),
        (
            "Iemand die ik niet ken",
            [("perpetrator_relation", "onbekend", "Iemand die ik niet ken")],
        ),
        ("slechte google reviews", [("platform", "google-reviews", "google reviews")]),
        (
            "email, Email, e mail",
            [
                ("platform", "e-mail", "email"),
                ("platform", "e-mail", "Email"),
                ("platform", "e-mail", "e mail"),
            ],
        ),
        (
            "PATIËNTEN en bezoekers",
            [
                ("perpetrator_relation", "patient", "PATIËNTEN"),
                ("perpetrator_relation", "bezoeker", "bezoekers"),
            ],
        ),
        ("ik snap het niet", []),
        ("zijn grootvader en mijn smartphone", []),
        ("via gmail en hotmail", []),
    ],
)
def test_dutch_sentences(
    builtin: EntityExtractor, text: str, expected: list[tuple[str, str, str]]
) -> None:
    assert _found(builtin, text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "A patient threatened me on Facebook Messenger",
            [
                ("perpetrator_relation", "patient", "patient"),
                ("platform", "facebook", "Facebook Messenger"),
            ],
        ),
        (
            "a visitor posted on facebook's page",
            [
                ("perpetrator_relation", "bezoeker", "visitor"),
                ("platform", "facebook", "facebook's"),
            ],
        ),
        (
            "a stranger texted me",
            [("perpetrator_relation", "onbekend", "stranger"), ("platform", "sms", "texted")],
        ),
        (
            "her husband called me",
            [("perpetrator_relation", "naaste", "husband"), ("platform", "telefoon", "called me")],
        ),
        (
            "hate on YouTube and LinkedIn",
            [("platform", "youtube", "YouTube"), ("platform", "linkedin", "LinkedIn")],
        ),
        ("someone on reddit", [("platform", "other", "reddit")]),
    ],
)
def test_english_sentences(
    builtin: EntityExtractor, text: str, expected: list[tuple[str, str, str]]
) -> None:
    assert _found(builtin, text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "he threatened me on X yesterday",
        "ze schreef het op x",
        "via x.",
        "gepost op X (voorheen Twitter)",
        "mijn X-account is gehackt",
        "kijk op x.com",
        "het staat op twitter",
    ],
)
def test_x_in_clear_context(builtin: EntityExtractor, text: str) -> None:
    values = [e.value for e in builtin.extract(text) if e.entity == "platform"]
    assert values
    assert set(values) == {"x"}


@pytest.mark.parametrize(
    "text",
    [
        "ik heb het x keer gezegd",
        "Meneer X schold me uit",
        "x",
        "kamer 3x per dag",
        "de x-as van de grafiek",
        "patient X.Y. was boos",
        "xoxo",
    ],
)
def test_x_elsewhere_is_a_letter(builtin: EntityExtractor, text: str) -> None:
    assert [e for e in builtin.extract(text) if e.value == "x"] == []


def test_offsets_index_the_original_text(builtin: EntityExtractor) -> None:
    text = "😀 Ｆａｃｅｂｏｏｋ en pati\u0065\u0301nt via Insta ‏"
    found = builtin.extract(text)
    assert [(e.value, e.text) for e in found] == [
        ("facebook", "Ｆａｃｅｂｏｏｋ"),
        ("patient", "pati\u0065\u0301nt"),
        ("instagram", "Insta"),
    ]
    for entity in found:
        assert text[entity.start : entity.end] == entity.text


def test_longest_match_wins_and_spans_do_not_overlap(builtin: EntityExtractor) -> None:
    found = builtin.extract("via facebook messenger en review op google")
    assert [(e.value, e.text) for e in found] == [
        ("facebook", "facebook messenger"),
        ("google-reviews", "review op google"),
    ]


def test_training_data_extends_the_vocabulary(
    builtin: EntityExtractor, trained: EntityExtractor
) -> None:
    text = "mijn schoonzoon zette het in de groepsapp en op mastodon en hyves"
    assert _found(builtin, text) == [("platform", "other", "mastodon")]
    assert _found(trained, text) == [
        ("perpetrator_relation", "naaste", "schoonzoon"),  # synonym of a relation value
        ("platform", "whatsapp", "groepsapp"),  # synonym of a platform value
        ("platform", "other", "mastodon"),
        ("platform", "other", "hyves"),  # lookup entry without synonym: "other"
    ]


def test_relation_lookups_without_a_known_value_are_dropped(trained: EntityExtractor) -> None:
    # "neighbour" is in the English relation lookup but maps to no relation value.
    assert _found(trained, "my neighbour") == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("hij stuurde via snap een foto", [("platform", "snapchat", "snap")]),
        ("ik snap het niet", []),
        ("the other nurse", []),
    ],
)
def test_ordinary_words_need_context(text: str, expected: list[tuple[str, str, str]]) -> None:
    extractor = EntityExtractor(
        {"platform": {"snap": "snapchat", "other": "other", "insta": "instagram"}}
    )
    assert _found(extractor, text) == expected


def test_annotated_spans_with_values_join_the_vocabulary(trained: EntityExtractor) -> None:
    # "[review](platform:google-reviews)" and "[dochter van een cliënt]{... naaste}" in nl.yml
    assert _found(trained, "een slechte review") == [("platform", "google-reviews", "review")]
    assert _found(trained, "de dochter van een cliënt") == [
        ("perpetrator_relation", "naaste", "dochter van een cliënt")
    ]


def test_vocabulary_round_trip(trained: EntityExtractor) -> None:
    rebuilt = EntityExtractor(trained.vocabulary)
    text = "de schoonzoon via insta, x.com en een sms'je"
    assert rebuilt.extract(text) == trained.extract(text)


def test_values_outside_the_allowed_set_are_dropped() -> None:
    extractor = EntityExtractor(
        {
            "platform": {"myspace": "myspace", "insta": "instagram"},
            "perpetrator_relation": {"buur": "buren"},
        }
    )
    assert [(e.value, e.text) for e in extractor.extract("myspace insta buur")] == [
        ("instagram", "insta")
    ]


@pytest.mark.parametrize(
    ("entity", "raw", "value"),
    [
        ("platform", "Twitter", "x"),
        ("platform", "E-mail", "e-mail"),
        ("platform", "google reviews", "google-reviews"),
        ("platform", "mastodon", "other"),
        ("perpetrator_relation", "Patiënt", "patient"),
        ("perpetrator_relation", "buurman", None),
        ("colour", "red", None),
    ],
)
def test_canonical_value(entity: str, raw: str, value: str | None) -> None:
    assert canonical_value(entity, raw) == value


def test_huge_text_is_scanned_cheaply(builtin: EntityExtractor) -> None:
    text = "bedreigd via facebook door een patiënt. " * 3000
    found = builtin.extract(text)
    assert found
    assert all(text[e.start : e.end] == e.text for e in found)


@settings(max_examples=200, deadline=None)
@given(text=st.text(max_size=300))
def test_extract_never_raises_and_offsets_hold(builtin: EntityExtractor, text: str) -> None:
    for entity in builtin.extract(text):
        assert 0 <= entity.start < entity.end <= len(text)
        assert text[entity.start : entity.end] == entity.text

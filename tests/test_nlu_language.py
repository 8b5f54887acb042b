"""Which language a message is in (nlu/language.py), and explicit requests for a language."""

from __future__ import annotations

import pytest

from nlu.factory import DEFAULT_DATA_DIR
from nlu.language import detect, requested, words
from nlu.training_data import load_training_data


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("ik word bedreigd op instagram door de zoon van een patiënt", "nl"),
        ("Hij staat voor de deur en ik durf niet open te doen", "nl"),
        ("het is voorbij", "nl"),
        ("I am being threatened on facebook by a relative of a patient", "en"),
        ("hes waiting by my car in the parking lot and wont let me leave", "en"),
        ("I'm safe now", "en"),
        ("sorry, can you tell me what happens with my report?", "en"),
    ],
)
def test_clear_sentences_are_recognised(text: str, lang: str) -> None:
    assert detect(text) == lang


@pytest.mark.parametrize(
    "text", ["ok", "3", "Jan de Vries", "Jan van de Berg", "instagram", "help me", "ZV-7K3Q", ""]
)
def test_short_or_ambiguous_messages_are_neither(text: str) -> None:
    assert detect(text) is None


@pytest.mark.parametrize(
    "text",
    [
        "ik wil een report maken over een patiënt",
        "hij stalkt me op instagram, echt creepy",
        "ik kreeg een DM met 'you are dead' erin",
        'hij schreef "I know where you live, see you soon" onder mijn foto',
    ],
)
def test_english_words_or_quotes_in_a_dutch_sentence_keep_it_dutch(text: str) -> None:
    assert detect(text) == "nl"


def test_a_lenient_reading_decides_short_cries_for_help() -> None:
    assert detect("bel 112") is None
    assert detect("bel 112", min_score=1.0) == "nl"
    assert detect("call the police", min_score=1.0) == "en"


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_the_training_data_is_never_read_as_the_other_language(lang: str) -> None:
    other = "en" if lang == "nl" else "nl"
    examples = load_training_data(DEFAULT_DATA_DIR / lang).examples
    # The Dutch data holds a few English phrases people use in a Dutch chat ("thanks a lot").
    wrong = [e.text for e in examples if detect(e.text) == other and e.intent != "thank"]
    long_ones = [e.text for e in examples if words(e.text) >= 5]
    decided = [t for t in long_ones if detect(t) == lang]
    assert len(wrong) <= 2, wrong
    assert len(decided) >= 0.95 * len(long_ones)


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("english", "en"),
        ("English please", "en"),
        ("in english", "en"),
        ("sorry I don't speak Dutch", "en"),
        ("sorry i dont speak dutch", "en"),
        ("can we speak English?", "en"),
        ("Do you speak english", "en"),
        ("ik spreek geen Nederlands", "en"),
        ("nederlands", "nl"),
        ("Nederlands graag", "nl"),
        ("kan het in het Nederlands?", "nl"),
        ("I don't speak English, sorry", "nl"),
        ("ik spreek geen engels", "nl"),
        ("dutch please", "nl"),
    ],
)
def test_explicit_requests_for_a_language(text: str, lang: str) -> None:
    assert requested(text) == lang


@pytest.mark.parametrize(
    "text",
    [
        "hij schold me uit in het engels",
        "he called me an English nurse who should go home",
        "help",
        "I want to report a threat",
        "Mijn collega is Engels en werd bedreigd door een patiënt die haar uitschold voor van"
        " alles, ik wil dat melden",
    ],
)
def test_a_language_named_in_passing_is_no_request(text: str) -> None:
    assert requested(text) is None

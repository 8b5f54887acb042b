"""Facts in the words of the twenty-first blind facts round (nlu/dev/facts21, 82.2 % -> 86.7 %):
"bew" and a client by title doing something ("mevr reed met dr rolstoel tegen mn benen")
say who; "op de afd", "op mn afd" and the ward door are the ward ("buiten bezoektijd" is no
place outside); "thuis bij hem" is a home visit; following the melder, standing at their
own door and slashed tyres are personal; "for about 3 weeks" and "al zo'n 3 weken" go on;
a name typed in lower case is written with a capital, also in a story with an abbreviation
in capitals ("op de HAP"), and "ben sanne trouwens" gives it."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from bot.runtime import Runtime
from nlu.facts_people import capitalised
from tests.stepchat import StepChat
from tests.test_facts_round13 import fact
from tests.test_story_facts import Clock
from tests.test_understanding import AGGRESSION_NL


@pytest.mark.parametrize(
    ("text", "who"),
    [
        ("bew kneep me vanochtend keihard in mn bovenarm", "patient"),
        ("mevr reed met dr rolstoel expres tegen mn benen aan, 2x, en lachte erbij", "patient"),
        ("meneer smeet zn bord tegen de muur en schreeuwde dat we tuig zijn", "patient"),
        # a relative at the client's home is no client
        ("vanochtend bij meneer thuis pakte zijn nieuwe vriendin me bij mn arm en trok me de"
         " gang in, ze schreeuwde dat ik van haar man af moest blijven", "naaste"),
        # "bewijs" is no resident
        ("ik heb geen bewijs, hij schold me uit", None),
    ],
)  # fmt: skip
def test_who_did_it(text: str, who: str | None) -> None:
    assert fact("perpetrator_relation", text, lang="nl") == who


@pytest.mark.parametrize(
    ("text", "place"),
    [
        ("vannacht om 3 uur tijdens de ronde op de afd trok een pt me aan mn haar", "ward"),
        ("pt op de gesloten afd spuugde me op mn schort", "ward"),
        ("een bezoeker duwde me opzij bij de afdelingsdeur omdat ie buiten bezoektijd naar"
         " binnen wilde", "ward"),
        ("clt schopte me tegen mn scheen toen ik zn wond aan het verbinden was, thuis bij hem",
         "home_visit"),
        ("buiten bij de ingang schold hij me uit", "outside"),
    ],
)  # fmt: skip
def test_where_it_happened(text: str, place: str) -> None:
    assert fact("location_kind", text, lang="nl") == place


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("ex clt liep me gisteren na vanaf de bushalte, hele straat door", "persoonlijk"),
        ("vader van een jongere stond vanochtend om 7 uur bij mij thuis voor de deur",
         "persoonlijk"),
        ("mn band is lek gestoken op de parkeerplaats achter de kliniek", "persoonlijk"),
        ("hij schreeuwde dat ik lui ben", "verbaal"),
    ],
)  # fmt: skip
def test_the_kind_of_aggression(text: str, kind: str) -> None:
    assert fact("aro_category", text, lang="nl") == kind


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("en", "anonymous texts to my work phone for about 3 weeks, stuff like 'nice car'"),
        ("nl", "al zo'n 3 weken stuurt hij sms'jes"),
    ],
)
def test_what_goes_on(lang: str, text: str) -> None:
    assert fact("when", text, lang=lang) == {"choice": "ongoing"}


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("hoi ik ben anouk. sinds 2 weken stuurt @nachtuil.088 me dms op insta", "Anouk"),
        ("ik ben fleur, doktersassistente op de HAP. er staat een review over mij", "Fleur"),
        ("mevr beet me in mn hand bij het aankleden. gisterochtend. ben sanne trouwens", "Sanne"),
        ("ik heet jan de vries en ik werk op de afdeling", "Jan de Vries"),
        ("ik ben Lotte. Gisteren sloeg hij me", "Lotte"),
        ("ik ben bang. hij sloeg me", None),
        ("ben bang trouwens", None),
    ],
)
def test_the_melders_name(text: str, name: str | None) -> None:
    assert fact("reporter_name", text, lang="nl") == name


def test_a_name_with_capitals_is_kept_as_typed() -> None:
    assert capitalised("Sanne de Groot") == "Sanne de Groot"
    assert capitalised("mcDonald") == "mcDonald"
    assert capitalised("sanne de groot") == "Sanne de Groot"


def test_a_name_typed_in_lower_case_reaches_the_summary_with_a_capital(
    make_runtime: Callable[..., Runtime],
) -> None:
    chat = StepChat(make_runtime(clock=Clock()).engine)
    chat.send("ik wil agressie melden")
    answers = {**AGGRESSION_NL, "anonymity": "met mijn naam", "name": "sanne de groot"}
    chat.answer("aggression", answers, until="summary")
    assert chat.position() == ("aggression", "summary")
    summary = "\n".join(m.text for m in chat.said[-3:])
    assert "Sanne de Groot" in summary
    assert "sanne de groot" not in summary

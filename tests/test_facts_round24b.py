"""Who and where in the words of the twenty-fourth blind facts round (nlu/dev/facts24): the
client in short as the subject of a care note ("mnr sloeg op tafel", "mw noemde me ..."), a
blow in slang "van een pt", a relative of "mnr", someone who came along for someone else or
an acquaintance of a resident as a visitor, "wie het is weet ik nie" as unknown; the ward
typed short ("huiskamer afd", "PG afd", "afd, vanochtend"), the door of a client's room, a
car park or garden by its kind and a tram stop as outside."""

from __future__ import annotations

import pytest

from tests.test_facts_round13 import fact


@pytest.mark.parametrize(
    ("lang", "text", "who"),
    [
        ("nl", "mnr sloeg op tafel en begon te tieren", "patient"),
        ("nl", "mnr maakt seksuele opmerkingen over mn lichaam als ik hem help douchen", "patient"),
        ("nl", "mw noemde me een trut en ramde toen met haar rollator tegen mn enkels", "patient"),
        ("nl", "Boos. mnr spuwde me vol in mn gezicht", "patient"),
        ("nl", "kreeg een jenner van een pt op de gang", "patient"),
        ("en", "Mr K pinched my bum while I was making his bed", "patient"),
        ("nl", "dochter van mnr drukte me tegen de muur", "naaste"),
        ("nl", "mevrouw in de wachtkamer trok aan mn haar. ze was mee met iemand anders",
         "bezoeker"),
        ("nl", "vrouw die met haar buurman mee was naar de poli kneep me in mn arm", "bezoeker"),
        ("nl", "kennis van de bewoner op kamer 3 legde een schaar op tafel", "bezoeker"),
        ("nl", "op X zet iemand al dagen mn foto online. wie het is weet ik nie", "onbekend"),
    ],
)  # fmt: skip
def test_perpetrator_relation(lang: str, text: str, who: str) -> None:
    assert fact("perpetrator_relation", text, lang=lang) == who


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        # the client named as whom the melder spoke to, someone by name, a title mid-sentence
        ("nl", "ik sprak mw aan op haar gedrag"),
        ("nl", "Mw. de Vries, teamleider, belde me"),
        ("nl", "ik heb het aan mnr uitgelegd"),
    ],
)  # fmt: skip
def test_no_perpetrator_relation(lang: str, text: str) -> None:
    assert fact("perpetrator_relation", text, lang=lang) is None


@pytest.mark.parametrize(
    ("lang", "text", "where"),
    [
        ("nl", "mnr sloeg op tafel. huiskamer afd, vanochtend", "ward"),
        ("nl", "bew beet in mn hand. gisteravond, PG afd de Linde", "ward"),
        ("nl", "bew trok aan mn uniform. op de PG afd, gisteren", "ward"),
        ("nl", "pt gaf me een tik. afd, vanochtend om 9 uur", "ward"),
        ("nl", "mnr knalde de deur van zn kamer dicht en trapte ertegen", "ward"),
        ("en", "Mr K pinched me. His room on the 3rd floor of the care home, Thursday", "ward"),
        ("nl", "iemand heeft mn auto bekrast op het personeelsparkeerterrein", "outside"),
        ("nl", "schoonzoon van mw duwde me omver in de voortuin", "outside"),
        ("en", "A patient's brother waited for me at the tram stop after my shift", "outside"),
        ("nl", "dochter van mnr drukte me tegen de muur op de galerij van zn flat", "home_visit"),
    ],
)  # fmt: skip
def test_location_kind(lang: str, text: str, where: str) -> None:
    assert fact("location_kind", text, lang=lang) == where


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        # the ward as whom one spoke to, a room at home, a trade, where he went afterwards
        ("nl", "ik heb het met de afd besproken"),
        ("nl", "zijn kamer thuis is een puinhoop"),
        ("nl", "ik werk in de tuinbouw"),
        ("nl", "ik maak je af zei ie. daarna liep ie naar zn kamer"),
    ],
)  # fmt: skip
def test_no_location_kind(lang: str, text: str) -> None:
    assert fact("location_kind", text, lang=lang) is None

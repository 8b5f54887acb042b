"""Facts in the words of the nineteenth blind facts round (nlu/dev/facts19): who did it in
youth care ("Mother of one of our youths", "teen on our unit", "the girl in room 3 of our
group", "a youth in my caseload", "jongen op de unit", "een jongere uit mn caseload"), a
sender by a name only ("van ene bram_xx") and a Telegram group by its name are unknown; "a
snap from" is Snapchat; "called me a whore" names the melder and is no phone call; "3 o
clock this morning" and "vandaag 6u" written at 10:00 are times; a group "still active"
still goes on."""

from __future__ import annotations

import pytest

from tests.test_facts_round13 import fact


@pytest.mark.parametrize(
    ("lang", "text", "relation"),
    [
        ("en", "Mother of one of our youths called me a whore in the living room", "naaste"),
        ("en", "Dad of one of our youths threw a chair at me, it hit my leg", "naaste"),
        ("en", "teen on our unit shoved me into the door frame when i took his phone", "patient"),
        ("en", "the girl in room 3 of our group spat at me twice during breakfast", "patient"),
        (
            "en",
            "snap from a youth in my caseload saying he'll get his cousins to jump me",
            "patient",
        ),
        ("nl", "jongen op de unit duwde me tegen de deurpost toen ik zn telefoon innam", "patient"),
        ("nl", "snap van een jongere uit mn caseload dat zn neven me gaan pakken", "patient"),
        (
            "nl",
            "via discord een bericht van ene bram_xx dat hij me na mn dienst opwacht",
            "onbekend",
        ),
        ("nl", "telegramgroep Linde Ontmaskerd deelt fotos van personeel incl mij", "onbekend"),
        ("nl", "iemand op X, @d_bakker77, tagt me. hij was vorige week patient bij ons", "patient"),
    ],
)
def test_who_did_it_in_youth_care(lang: str, text: str, relation: str) -> None:
    assert fact("perpetrator_relation", text, lang=lang) == relation


@pytest.mark.parametrize(
    ("lang", "text", "platform"),
    [
        ("en", "snap from a youth in my caseload, username jxy.k_", "snapchat"),
        ("nl", "snap van een jongere uit mn caseload, naam dxnny.04", "snapchat"),
        ("en", "Mother of one of our youths called me a whore in front of the kids", None),
        ("en", "he called me stupid on the phone", "telefoon"),
        ("en", "the father called me three times last night", "telefoon"),
    ],
)
def test_the_medium_and_what_is_no_phone_call(lang: str, text: str, platform: str | None) -> None:
    assert fact("platform", text, lang=lang) == platform


@pytest.mark.parametrize(
    ("lang", "text", "when"),
    [
        (
            "en",
            "resident pulled me down to the floor during the night round. 3 o clock this morning",
            {"date": "2026-12-02", "time": "03:00"},
        ),
        ("en", "group is still active and posting", {"choice": "ongoing"}),
        ("nl", "de groep is nog steeds actief", {"choice": "ongoing"}),
        # written at 10:00: 18:00 has not come yet, so "6u" is the morning's
        (
            "nl",
            "pt heeft me geslagen. vandaag 6u. kliniek noord",
            {"date": "2026-12-02", "time": "06:00"},
        ),
        ("nl", "vandaag rond 5 uur", {"date": "2026-12-02"}),  # a round hour stays unclear
        ("nl", "gisteren om 6 uur", {"date": "2026-12-01"}),
    ],
)
def test_a_time_and_what_still_goes_on(lang: str, text: str, when: dict[str, str]) -> None:
    assert fact("when", text, lang=lang) == when

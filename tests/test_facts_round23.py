"""Facts in the words of the twenty-third blind facts round (nlu/dev/facts23): "in de
middag" after a date is no clock hour, "at 9ish" is; a phone number is no date; "sinds eind
november" goes on; the client's doorstep, front door, lift or stairwell is a home visit, a
numbered bed or "kmr 5" a ward, the pharmacy counter the reception and a late train
somewhere else; the melder's home, street or children's school known and remarks on skin
are personal; "it's Priya btw", "- Mark (night nurse)" and "Sander, ..., use my name" give
a name, "I'm Moroccan" none; "he named my street" is no wish to be named, "wil niet dat mn
naam erbij staat" is one to stay anonymous."""

from __future__ import annotations

import pytest

from nlu.facts import extract_facts
from tests.test_facts_round9 import NOW
from tests.test_facts_round13 import fact


@pytest.mark.parametrize(
    ("lang", "text", "when"),
    [
        ("nl", "collega duwde me. 1/12 in de middag", {"date": "2026-12-01"}),
        ("nl", "1-12 in de middag schold hij me uit", {"date": "2026-12-01"}),
        ("nl", "gisteren om 4 in de middag sloeg hij me", {"date": "2026-12-01", "time": "16:00"}),
        ("en", "he shouted at me yesterday evening at 9ish",
         {"date": "2026-12-01", "time": "21:00"}),
        ("en", "at 10ish this morning he hit me", {"date": "2026-12-02", "time": "10:00"}),
        ("nl", "al maanden krijg ik appjes van 06-12 34 56 78 met dreigementen",
         {"choice": "ongoing"}),
        ("nl", "dreig dm's op x van @nachtzuster_haters. sinds eind november",
         {"choice": "ongoing"}),
        ("en", "threatening dms on x, since late november", {"choice": "ongoing"}),
        # a date with no phone number after it is still a date
        ("nl", "op 01-12 om 14:00 sloeg hij me", {"date": "2026-12-01", "time": "14:00"}),
    ],
)  # fmt: skip
def test_when(lang: str, text: str, when: dict[str, str]) -> None:
    assert fact("when", text, lang=lang) == when


@pytest.mark.parametrize(
    ("lang", "text", "place"),
    [
        ("en", "client's son stood on the doorstep shouting at me", "home_visit"),
        ("en", "the patient's wife stood at the front door and screamed", "home_visit"),
        ("nl", "zoon van clt stond bij de voordeur te schreeuwen", "home_visit"),
        ("en", "In the lift of her block of flats the client's grandson made comments",
         "home_visit"),
        ("nl", "buurman van mn clt stond in de lift van de flat en schold", "home_visit"),
        ("en", "the client's brother grabbed me in the stairwell of their building", "home_visit"),
        ("en", "a visitor of the man in bed 4 pulled a knife", "ward"),
        ("nl", "bew van kmr 5 sloeg me in mn gezicht", "ward"),
        ("nl", "bewoner op de dagbehandeling gooide koffie over me", "ward"),
        ("en", "woman at the pharmacy counter started screaming", "reception"),
        ("nl", "meneer aan de apotheekbalie werd boos", "reception"),
        ("en", "On the 11 pm train home a man said he knows where I live. He's the brother of"
         " a patient on our ward", "other"),
        ("nl", "in de laatste trein naar huis zat de broer van een pt", "other"),
        ("en", "he shouted at me at the bus stop", "outside"),
        # not the client's: the melder's own door, hours in bed, no one in care
        ("en", "the patient stood at the front door of my house", None),
        ("nl", "de pt stond bij de voordeur van mijn huis", None),
        ("en", "pt was in bed 4 hours and then shouted", None),
        ("en", "a man in the lift of the building shouted at me", None),
    ],
)  # fmt: skip
def test_where_it_happened(lang: str, text: str, place: str | None) -> None:
    assert fact("location_kind", text, lang=lang) == place


@pytest.mark.parametrize(
    ("lang", "text", "kind"),
    [
        ("nl", "clt zei tegen me dat 'zwarte mensen niet aan hem mogen komen'", "persoonlijk"),
        ("en", "he said black people may not touch him", "persoonlijk"),
        ("nl", "Hij zei dat hij wist waar ik woonde en noemde mn straat.", "persoonlijk"),
        ("nl", "bezoeker zei dat hij wist dat ik in de Vogelbuurt woon", "persoonlijk"),
        ("en", "he said he knew where I lived", "persoonlijk"),
        ("en", "he named my street and laughed", "persoonlijk"),
        ("nl", "clt dreigde dat zn neef 'wel es langs zou komen bij mijn kinderen op school'",
         "persoonlijk"),
        ("en", "she said she'd wait at my kids' school", "persoonlijk"),
        # the melder's own home, own children's school: no act of anyone
        ("nl", "ik haalde mijn kinderen op van school", None),
        ("en", "I told him I live nearby", None),
    ],
)  # fmt: skip
def test_the_kind_of_aggression(lang: str, text: str, kind: str | None) -> None:
    assert fact("aro_category", text, lang=lang) == kind


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("resident spat in my face. not to Karin, she's my manager. it's Priya btw", "Priya"),
        ("very tense. I work in the wijk. it's Marieke", "Marieke"),
        ("he grabbed my collar. It's Daan van Leeuwen, you can use my name", "Daan van Leeuwen"),
        ("pt kicked me. I was on night shift at kliniek noord. - Mark (night nurse)", "Mark"),
        ("he kicked me. - Sara (carer)", "Sara"),
        ("hasn't said anything. Sander, north clinic, you can use my name", "Sander"),
        ("client said people like me (I'm Moroccan) should go back. name's Yasmina El Idrissi,"
         " fine to use it", "Yasmina El Idrissi"),
        # no name: an origin, a weekday, someone else
        ("client said people like me (I'm Moroccan) should go back", None),
        ("he hit me. It's Monday.", None),
        ("mails from him. It's Pieter, a former client of ours", None),
    ],
)  # fmt: skip
def test_the_name(text: str, name: str | None) -> None:
    assert fact("reporter_name", text, lang="en") == name


@pytest.mark.parametrize(
    ("lang", "text", "anonymous"),
    [
        ("en", "visitor threatened me: he'd come to my house, and he named my street", None),
        ("en", "someone posted threats in a discord server and named me", None),
        # a wish to be named later in the story still counts
        ("en", "she named me on facebook and wrote threats. with my name please, Lara", False),
        ("nl", "ik zag een ex-pt in mn straat. wil niet dat mn naam erbij staat", True),
        ("nl", "ik wil nie dat mijn naam erop komt", True),
        ("nl", "ik wil niet dat mijn naam genoemd wordt", True),
    ],
)  # fmt: skip
def test_a_name_kept_off(lang: str, text: str, anonymous: bool | None) -> None:
    found = extract_facts(text, reference=NOW, timezone="Europe/Amsterdam", lang=lang)
    assert (found["anonymous"].value if "anonymous" in found else None) == anonymous

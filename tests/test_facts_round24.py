"""Facts in the words of the twenty-fourth blind facts round (nlu/dev/facts24): blows in
slang ("kreeg een jenner", "een draai om mn oren"), tripping, clawing, flicking water, a
thing thrown the melder's way and missing, being pulled are physical; the partner's name
or work, the children's nursery, a photo of the melder's home, slashed tyres, a headscarf
remark are personal; a threat to burn the house down, standing nose to nose while shouting
and a door kicked are verbal; a car scratched is no blow to the melder."""

from __future__ import annotations

import pytest

from tests.test_facts_round13 import fact


@pytest.mark.parametrize(
    ("lang", "text", "kind"),
    [
        ("nl", "kreeg een jenner van een pt op de gang", "fysiek"),
        ("nl", "kreeg gisteren een flinke optater van dhr", "fysiek"),
        ("nl", "clt gaf me een kletser tegen mn kop", "fysiek"),
        ("nl", "gaf me zomaar een draai om mn oren", "fysiek"),
        ("en", "he gave me a right clout round the head", "fysiek"),
        ("nl", "pt lichtte me pootje toen ik langsliep", "fysiek"),
        ("nl", "bew heeft me pootje gelicht op de gang", "fysiek"),
        ("en", "pt clawed my forearm when i changed her dressing", "fysiek"),
        ("en", "resident kept flicking water at me from his cup", "fysiek"),
        ("nl", "pt flikkerde zn bord met eten naar me, miste net", "fysiek"),
        ("nl", "een jongen pleurde een stoel in mn richting", "fysiek"),
        ("en", "he chucked a chair in my direction", "fysiek"),
        ("nl", "pt pakte mn lanyard vast en trok me naar zich toe", "fysiek"),
        ("en", "her son pulled me towards him by my badge", "fysiek"),
        ("nl", "clt zei 'ik weet hoe je man heet en waar hij werkt'", "persoonlijk"),
        ("en", "he said he knows what my husband is called", "persoonlijk"),
        ("en", "he said he knows which nursery she goes to", "persoonlijk"),
        ("en", "he mentioned my daughter's name out of nowhere", "persoonlijk"),
        ("nl", "pt liet een foto zien van mijn huis", "persoonlijk"),
        ("en", "he showed me a photo of my house", "persoonlijk"),
        ("nl", "lekgestoken banden, alle 4, op de parkeerplaats", "persoonlijk"),
        ("en", "Found my car keyed, a word scratched into the door", "persoonlijk"),
        ("nl", "hij zei dat ik met die hoofddoek niet aan zn vriend mocht komen", "persoonlijk"),
        ("nl", "clt schold me uit voor trut en zei dat ze mn kinderen wel zal vinden",
         "persoonlijk"),
        ("nl", "'ik steek je huis in de fik', zei clt", "verbaal"),
        ("en", "'i'll burn your house down' he said", "verbaal"),
        ("nl", "clt ging vlak voor me staan, neus tegen neus, en brulde. geen aanraking",
         "verbaal"),
        ("en", "he got right up in my face with clenched fists, shouting", "verbaal"),
        ("nl", "mnr knalde de deur dicht en trapte ertegen, daarna bleef ie schelden", "verbaal"),
        ("nl", "een vrouw stond me op straat uit te schelden", "verbaal"),
        ("nl", "ze stond met haar vinger te zwaaien en te krijsen", "verbaal"),
        # a threat to find the family beside one to kill: a threat in words (older rounds)
        ("en", "he says he'll kill me and that he'll find my kids", "verbaal"),
    ],
)  # fmt: skip
def test_aro_category(lang: str, text: str, kind: str) -> None:
    assert fact("aro_category", text, lang=lang) == kind


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        # a threat of a blow in slang is no blow; nor a bang heard
        ("nl", "hij zei 'ik geef je een optater'"),
        ("nl", "er was een harde knal op de gang"),
        # the verb "flikkeren" is no slur, a photo of the ward no private life
        ("nl", "hij flikkerde zn bord op de grond"),
        ("en", "he took a photo of the ward"),
        ("nl", "ik heb de banden van de rolstoel opgepompt"),
        ("en", "the cat clawed the sofa"),
    ],
)  # fmt: skip
def test_no_aro_category(lang: str, text: str) -> None:
    assert fact("aro_category", text, lang=lang) is None


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("en", "he hurled abuse at me for ten minutes"),
    ],
)  # fmt: skip
def test_words_thrown_are_words(lang: str, text: str) -> None:
    assert fact("aro_category", text, lang=lang) == "verbaal"

"""Facts from opening stories in the words of the fourteenth blind development round: the
line manager kept out or let in, said in the melder's own way and read from the sentence
that names the manager ("copy to my manager is fine", "keep her out of this", "hou mijn
teamleider er aub buiten", "die hoeft het niet te lezen"), while a manager named for
another reason decides nothing."""

from __future__ import annotations

import pytest

from tests.test_facts_round13 import fact


@pytest.mark.parametrize(
    ("lang", "text", "excluded"),
    [
        ("en", "pt swore at me all night. copy to my manager is fine", False),
        ("en", "he pinched me. fine if my ward manager reads this", False),
        ("en", "she shouted at me. my team lead told me to file this and wants a copy", False),
        (
            "en",
            "he spat at me. my team lead rota'd me alone with him so keep her out of this",
            True,
        ),
        ("en", "he hit me. my manager is the last person i want reading this", True),
        (
            "en",
            "he kicked me. honestly my supervisor laughs this off so id rather he didnt read it",
            True,
        ),
        ("nl", "hij sloeg me. hou mijn teamleider er aub buiten", True),
        (
            "nl",
            "hij schold. mijn teamleider lacht dat altijd weg dus die hoeft het niet te lezen",
            True,
        ),
        ("nl", "hij dreigde. betrek mijn leidinggevende er alsjeblieft niet bij", True),
        ("nl", "ze krabde me. zorg aub dat mijn leidinggevende het ook krijgt", False),
        (
            "nl",
            "hij schopte me. mijn manager zag het en zei dat ik moest melden, zij mag het hebben",
            False,
        ),
    ],
)
def test_the_line_manager_in_own_words(lang: str, text: str, excluded: bool) -> None:
    assert fact("exclude_line_manager", text, lang=lang) is excluded


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("en", "he screamed because my manager had changed his care schedule without asking"),
        ("en", "he threatened me. my team leader was in the room and heard it too"),
        ("nl", "mijn teamleider zei dat ik naar huis mocht na het incident"),
        ("en", "my manager told me not to worry about the rota, then the client hit me"),
    ],
)
def test_a_manager_named_for_another_reason_decides_nothing(lang: str, text: str) -> None:
    assert fact("exclude_line_manager", text, lang=lang) is None


@pytest.mark.parametrize(
    ("lang", "text", "kind"),
    [
        ("en", "client took a pic of me on his phone without asking", "persoonlijk"),
        ("en", "a resident keeps asking for my phone number and where i live", "persoonlijk"),
        ("en", "client said hell come round to my house and teach me a lesson", "persoonlijk"),
        ("nl", "partner van cliënte belt steeds aan en vraagt naar mij", "persoonlijk"),
        ("en", "got called the n word by a patient on ward 3", "persoonlijk"),
        ("nl", "bewoner noemde me voor de hele huiskamer 'die zwarte'", "persoonlijk"),
        ("en", "she shouted at me and poked me hard in the chest with her finger", "fysiek"),
        ("nl", "ze schreeuwde en prikte een paar keer hard met haar vinger in mn borst", "fysiek"),
        ("en", "resident tipped his over-bed table onto my feet on purpose", "fysiek"),
    ],
)
def test_the_kind_of_aggression_of_the_fourteenth_round(lang: str, text: str, kind: str) -> None:
    assert fact("aro_category", text, lang=lang) == kind

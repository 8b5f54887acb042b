"""A twenty-seventh blind development round (nlu/dev/danger27, 85 danger-now and 65 past
messages per language; 0.95 / 0.92 recall and 3 / 9 % false alarms before): the melder's
stalker's car in their street, a crowd pushing in and holding a nurse by the collar, a
group of relatives hitting a nurse, a bedsheet tied to the window bars, a chair raised over
the melder, smoke from a room where a client locked himself in with a lighter, a dog
attacking now, a colleague breathing oddly after a blow with the attacker still on the
grounds, "crisisdienst nu iemand nodig". No alarm for help asked for tomorrow morning, a
boy on the roof who is inside now talking to his mentor, onions cut for the cooking group,
a dog that bit once and is in its crate now, an armed robbery told of, a hunting knife
lying on a table when nothing happened, or "we're all dying of this heat"."""

from __future__ import annotations

import pytest

from tests.danger_checks import classifier_alarm, danger_rules


@pytest.mark.parametrize(
    "text",
    [
        "Received a text from my ex-client: 'I'm outside your house now, open up.' His car is "
        "in my street, I can see it.",
        "Family of the deceased patient is pushing into the staff room, about eight of them, "
        "one has grabbed the nurse by her collar",
        "familie van overleden pt duwt zich de teampost in, zo'n 8 man, 1 heeft vpk bij de kraag",
        "bev naar SEH, 4 familieleden slaan vpk",
        "URGENT room 5 tied his bedsheet to the window bars",
        "SPOED kmr 5 laken aan de tralies geknoopt",
        "he's standing over me with a chair raised",
        "rook uit kmr 14, clt heeft zich opgesloten met n aansteker",
        "rottweiler op t terrein vd afd, valt pt aan",
        "collega ingestort na klap, ademt raar, dader in de tuin, nog op t terrein",
        "crisisdienst nu iemand nodig",
        # earlier rounds' rules still fire beside the new ones
        "hond bijt in mn been en de eigenaar staat te lachen",
        "kan er iemand naar kmr 5 komen pls hij gooit met stoelen",
    ],
)
def test_danger_now_alarms(text: str) -> None:
    assert danger_rules().match(text) is not None


@pytest.mark.parametrize(
    "text",
    [
        "can someone come to room 3 tomorrow morning to help move the chairs he broke last night?",
        "the kid was on the roof saying he'd jump, he's inside now talking to his mentor",
        "jongen zat op dak en zei dat ie wilde springen, is nu binnen in gesprek met mentor",
        "aan t uien snijden met groot mes voor de kookgroep, wie helpt ff",
        "hond die me beet bij huisbezoek zit nu in bench als wij komen. wond geneest goed",
        "clt vertelde over zn tijd in de bak voor gewapende overval. is heel netjes tegen mij",
        "er is niks gebeurd maar meneer die ik op do bezoek heeft groot jachtmes op de "
        "salontafel liggen. moet ik daar iets mee?",
        "die hitte op de afd is nie te doen, we gaan hier allemaal dood, kunnen er ventilatoren "
        "komen",
    ],
)
def test_what_is_harmless_or_over_raises_no_alarm(text: str) -> None:
    assert danger_rules().match(text) is None
    assert not classifier_alarm(text), "harmless or over: the classifier is overruled"


@pytest.mark.parametrize(
    "text",
    [
        "er is niks gebeurd maar nu pakt hij het jachtmes en komt op me af",
        "he told me about the armed robbery and now he's pointing a knife at me",
        "can someone come to room 3 now, he's throwing chairs",
        "the dog is biting her arm",
    ],
)
def test_the_same_words_with_harm_still_alarm(text: str) -> None:
    assert danger_rules().match(text) is not None


def test_a_threat_received_last_week_that_says_now_fires_no_rule() -> None:
    text = (
        "Last Saturday he sent me \"I'm outside your house now\". I didn't look, my partner "
        "called the police and they found nobody"
    )
    assert danger_rules().match(text) is None

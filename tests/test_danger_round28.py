"""A twenty-eighth blind development round (nlu/dev/danger28, 60 danger-now and 90 past
messages per language, most of them stories told after the fact; 0.95 / 0.92 recall and
6.7 / 10 % false alarms before, 0.98 / 0.98 and 2.2 / 2.2 % after): a fire or a weapon as a
headline, someone climbing in through a window now, a door giving way under blows. No alarm
for a cry for help quoted as what someone screamed before the melder arrived, a story
opened with "it all happened so fast" / "ging zo snel" and told in the present, a drill
called a simulation exercise, a machete "on TV", trying the bot out, "bev heeft m
meegenomen, alles rustig", "gister gearresteerd", a patient sedated who "slaapt nu", "nu
thuis, deur op slot"."""

from __future__ import annotations

import pytest

from tests.danger_checks import classifier_alarm, danger_rules


@pytest.mark.parametrize(
    "text",
    [
        "fire room 12",
        "echte vlammen in de spoelkeuken afd 6, pt liggen nog op zaal",
        "vuurwapen bij de balie HAP",
        "Starting my report on the earlier incident: the client threatened me at 9. Update: "
        "he's just climbed through the window again",
        "wilde melden over vorige week maar o shit hij klimt nu weer door t keukenraam",
        "alleen op afd vannacht, pt ramt tegen kantoordeur, scharnier komt los",
        # a quote that is not reported as said earlier is still a cry for help
        "'help' he's hitting me",
    ],
)
def test_danger_now_alarms(text: str) -> None:
    assert danger_rules().match(text) is not None


@pytest.mark.parametrize(
    "text",
    [
        "'Help, help, he's killing me' is what she screamed from the bedroom when we arrived. "
        "Turned out the husband had already left. We treated her and took her to hospital. "
        "Reporting from the station.",
        "'help hij vermoordt me' gilde ze toen we binnenkwamen. man was al gevlucht. haar "
        "behandeld en naar t ziekenhuis gebracht. meld vanaf de post",
        "It all happened so fast. He's screaming, he's got the fork in his hand, he lunges, and "
        "then Mark has him on the floor. That was the lunchtime incident on the dementia unit, "
        "resident is on new medication now.",
        "ging zo snel. hij schreeuwt, heeft die vork in zn hand, springt naar voren en dan ligt "
        "ie al op de grond met mark erbovenop. was bij de lunch op de pg afd, bew heeft nu "
        "andere medicatie",
        "In the simulation exercise the 'patient' barricaded the door and the team had to get "
        "in. We did it in 4 minutes.",
        "They showed the man with the machete on TV again, the one who attacked the A&E in "
        "Leeds. Staff are asking whether our entrance is safe enough.",
        "ff oefenen met de bot voor mn dienst: 'man met mes kamer 3'. nie echt",
        "dus hij pakt die schaar van de verbandkar en komt op me af, gelukkig stond mn collega "
        "erachter en had ie m zo vast. bev heeft m meegenomen, alles rustig",
        "was t nou een schaar of een mes? weet t nie meer precies, ging zo snel. hij is in elk "
        "geval gister gearresteerd",
        "gesedeerd en in bed, pt die de nachtvpk aanviel slaapt nu. zij is naar de SEH voor "
        "haar arm, haar man is bij haar",
        "ben met de fiets weg van t huisbezoek en durfde nie om te kijken, die vent stond daar "
        "met zn pitbull. nu thuis, deur op slot, er is niks gebeurd",
    ],
)
def test_what_is_over_raises_no_alarm(text: str) -> None:
    assert danger_rules().match(text) is None
    assert not classifier_alarm(text), "told after the fact: the classifier is overruled"


@pytest.mark.parametrize(
    "text",
    [
        # an apostrophe inside a word is no quotation: this is now
        "I'm at the tram stop after my shift. The client I had the trouble with is across the "
        "road and he's crossing over now. He's already shouted he's going to get me.",
        "bev heeft m meegenomen maar nu staat zn broer met een mes in de gang",
        "mes in kamer 4, hij zwaait ermee",
    ],
)
def test_the_same_kinds_of_words_with_danger_now_still_alarm(text: str) -> None:
    assert danger_rules().match(text) is not None or classifier_alarm(text)


def test_a_weapon_reported_missing_is_no_headline() -> None:
    assert danger_rules().match("schaar op de afd kwijt, wie heeft m gezien") is None

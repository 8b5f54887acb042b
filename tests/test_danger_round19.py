"""A nineteenth blind development round, mostly messages that look like danger now and are
not: a story told in the present and closed ("Dat was gister op huisbezoek. Pols is blauw
maar verder ok.", "That's how Saturday night went. Filing this now"), danger over (sedated,
the knife taken off him, the fire put out, the lockdown lifted, the police have him at the
station), a record (history of arson, a tattoo of a gun, the risk register), a worry about
rosters; and danger now it missed: a door locked on the melder just now, flames in the
stairwell. Kept in nlu/dev/danger19: "stuck in the lift with the patient who hit me this
morning, he's starting again" is still missed (the morning dates who he is, and the
guards read it as dating the lift)."""

from __future__ import annotations

import pytest

from tests.danger_checks import classifier_alarm, danger_rules


@pytest.mark.parametrize(
    "text",
    [
        "on a home visit, pts partner just locked the front door and took my work phone",
        "partner van cliënt heeft de voordeur op slot gedaan en mn werktelefoon afgepakt",
        "flames in the stairwell of the care home, residents still on the 2nd floor",
    ],
)
def test_danger_now_alarms(text: str) -> None:
    assert danger_rules().match(text) is not None


@pytest.mark.parametrize(
    "text",
    [
        "Hij pakt mn pols, draait hem om, ik roep om hulp, niemand komt. Dat was gister op"
        " huisbezoek. Pols is blauw maar verder ok.",
        "He's yelling, I'm backing away, the corridor is empty. Then security turns up. That's"
        " how Saturday night went. Filing this now",
        "Stel je voor: ik ben alleen, het is donker, hij staat boven aan de trap. Dat was het"
        " huisbezoek van 3 juni. Ben heelhuids weggekomen. Pas nu durf ik het te melden",
        "pt had a knife but security got it off him, he's sedated now, we're all ok",
        "guy with the hammer is gone, police have him at the station, we've reopened the pharmacy",
        "pt set fire to a curtain on the ward, put out with the extinguisher in seconds,"
        " everyone evacuated safely and back inside now",
        "Alles veilig nu. Lockdown opgeheven, de indringer is door de beveiliging in de kelder"
        " gepakt.",
        "pt's file says history of arson, should we do home visits in pairs?",
        "pt heeft een tattoo van een pistool in zn nek, weet niet of dat relevant is",
        "In 2019 heeft een pt hier een verpleegkundige gewurgd. Staat dat in het risicoregister?",
        "Maak me zorgen over de nachtdiensten nu we met z'n 2en staan",
    ],
)
def test_what_is_over_recorded_or_a_worry_raises_no_alarm(text: str) -> None:
    assert not classifier_alarm(text)


def test_a_story_closed_then_news_of_now_still_alarms() -> None:
    text = "Hij sloeg me gisteren. Dat was gister op huisbezoek. Nu staat hij weer voor de deur"
    assert classifier_alarm(text) or danger_rules().match(text) is not None

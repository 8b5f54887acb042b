"""A twentieth blind development round, mostly the past told in the present: a story under
a past header ("Yesterday's shift: man at the counter, shouts ...", "Afgelopen dinsdag:
jongen pakt een mes", "Tuesday was awful. he comes in ..."), dated by an aside ("this was
monday"), or closed with where the melder is now ("zit nu in de auto bij kantoor, alles
oke", "I'm back at the office now"); flashbacks, a question whether to report, an old
aggressor back on the melder's list, a ban. And danger now it missed: locked in with
someone banging on the door, "pistool!! receptie", the man who threatened the melder
waiting by the bike shed, "he's on his way to sort me out". Kept in nlu/dev/danger20:
"wat moet ik doen als een jongen op het dak staat met een stoelpoot" is still read as a
question about a case (nlu.tense's hypothetical), not as danger now."""

from __future__ import annotations

import pytest

from tests.danger_checks import classifier_alarm, danger_rules


@pytest.mark.parametrize(
    "text",
    [
        "locked in the med room, family member banging on the door, what do i do",
        "I'm quite calm but I think I should tell you the man in bay 3 has a machete under his"
        " coat",
        "just got a text from an ex patient saying he's on his way to the practice to sort me out",
        "still being followed by the same car, third time it's turned the corner after me",
        "pistool!! receptie",
        "gisteren had ie het alleen over mn kinderen maar nu zegt ie dat ie weet waar ik woon en"
        " dat ie daar nu heen rijdt",
        "mn dienst zit erop maar die man die me vanmiddag heeft bedreigd staat bij de"
        " fietsenstalling te wachten",
        "rn gooit ie alles van de medicijnkar naar ons",
        "vorige maand heeft ie al een stoel naar me gegooid maar nu zit ie gewoon weer in de"
        " wachtkamer en zegt tegen de assistente dat ie me komt halen",
    ],
)
def test_danger_now_alarms(text: str) -> None:
    assert danger_rules().match(text) is not None


@pytest.mark.parametrize(
    "text",
    [
        "Yesterday's shift: man at the counter, shouts he'll burn the pharmacy down, throws a"
        " lighter at me, leaves. Police have his details now.",
        "Tuesday was awful. he comes in, he's off his head, he smashes the glass of the"
        " reception desk and cuts his hand, we get him to the ED, done. Just need the form.",
        "So he's standing there with the scissors, this was monday, and he says 'one step and"
        " you're dead'. I just walk backwards out the door. I'm still not over it.",
        "So I'm doing a home visit yesterday and the husband locks the door behind me, says I'm"
        " not leaving till I sign the form. I talk him down and eventually he lets me out.",
        "Vanochtend bij de thuiszorg: dhr pakt het broodmes en roept dat ie me afmaakt, ik loop"
        " achteruit de voordeur uit en bel 112. Politie neemt hem mee. Zit nu in de auto bij"
        " kantoor, alles oke",
        "Afgelopen dinsdag: jongen van de groep pakt een mes uit de keukenla en houdt het tegen"
        " mij. Ik praat hem rustig. Mes ligt nu achter slot. Wil het wel gemeld hebben.",
        "i keep getting flashbacks of the dog biting my arm, was 2 weeks ago, should I see someone",
        "Is a bomb threat by phone something I report to the police or to my manager? We had"
        " one this morning, building was checked and cleared",
        "he threatened me with a hammer a couple of months ago and now he's a patient again, do"
        " I have to treat him",
        "hij heeft me een paar maanden terug met een schroevendraaier bedreigd en nu staat ie"
        " weer op mn lijst voor de wondzorg, moet ik daar heen",
        "mn collega en ik zijn vanochtend tijdens een huisbezoek door een cl op zn zolder"
        " opgesloten. we hebben 112 gebeld en zijn eruit gehaald. zitten nu allebei weer op"
        " kantoor",
        "zit nu thuis op de bank en tril nog steeds, mevr heeft vanochtend met een vork in mn"
        " hand gestoken",
        "nu durf ik niet meer in het donker naar mn auto sinds die man me in november achtervolgde",
        "na de vechtpartij van vanmiddag is het weer rustig op de groep, de jongen is"
        " overgeplaatst naar een andere locatie",
        "hij heeft nu een apotheekverbod na dat gedoe met de hamer van dinsdag",
        "I'm safe now, I'm in the car round the corner, police are at the house with him, just"
        " wanted to let my team lead know what happened",
    ],
)
def test_the_past_told_in_the_present_raises_no_alarm(text: str) -> None:
    assert not classifier_alarm(text)


@pytest.mark.parametrize(
    "text",
    [
        "Yesterday's shift was awful. Now he's at the counter again with a lighter",
        "Afgelopen dinsdag: hij pakte een mes. Nu staat ie weer voor de deur",
        "so he got discharged this morning after hitting me and guess what he just walked back"
        " onto the ward holding a chair leg",
        # "in the office" may be where the melder hides: only "back at the office" closes
        "so yesterday he shouts at me in the corridor and I run. I'm in the office now",
    ],
)
def test_a_past_header_then_news_of_now_still_alarms(text: str) -> None:
    assert classifier_alarm(text) or danger_rules().match(text) is not None

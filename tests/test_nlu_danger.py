"""The one danger decision (nlu/danger.py): rules and classifier together, tense decided by
the rules, the last part of a long message read too; and what an all-clear is."""

from __future__ import annotations

import pytest

from nlu.acute import AcuteDangerRules, Category
from nlu.all_clear import says_all_clear
from nlu.danger import Danger, Thresholds, assess, decide
from nlu.interpreter import IntentScore, ParseResult

RULES = AcuteDangerRules()


class TableInterpreter:
    """Answers from a table (the rules are the real ones): a classifier we control."""

    def __init__(self, table: dict[str, tuple[str, float]]) -> None:
        self.table = table
        self.parsed: list[str] = []

    def parse(self, text: str) -> ParseResult:
        self.parsed.append(text)
        name, confidence = next(
            (v for k, v in self.table.items() if k in text), ("out_of_scope", 0.3)
        )
        score = IntentScore(name, confidence)
        return ParseResult(text, score, (score,), danger=RULES.read(text))


def parsed(text: str, intent: str = "out_of_scope", confidence: float = 0.3) -> ParseResult:
    return TableInterpreter({text: (intent, confidence)}).parse(text)


def test_a_rule_always_counts_with_its_kind_of_danger() -> None:
    danger = decide(parsed("er staat een man met een mes in de gang"), story=True)
    assert danger == Danger("rules", (Category.WEAPON,), "weapon_present")


@pytest.mark.parametrize(
    ("confidence", "story", "alarm"),
    [(0.55, False, True), (0.45, False, False), (0.55, True, False), (0.85, True, True)],
)
def test_the_classifier_counts_above_its_threshold_higher_in_the_story(
    confidence: float, story: bool, alarm: bool
) -> None:
    result = parsed("er is iets heel ergs aan de hand", "acute_danger", confidence)
    danger = decide(result, story=story, thresholds=Thresholds(0.5, 0.8))
    assert (danger is not None) is alarm
    if danger is not None:
        assert danger.by == "classifier"
        assert danger.categories == (Category.DANGER,)


@pytest.mark.parametrize(
    "text",
    [
        "hij bedreigde mijn kind",
        "hij schold en dreigde",
        "he threatened my child",
        "I'm safe now",
        "het is voorbij",
        "hij schreeuwde vanochtend 'ik steek je dood' maar hij is direct gesepareerd",
    ],
)
def test_the_rules_overrule_the_classifier_on_past_tense_and_all_clear(text: str) -> None:
    assert decide(parsed(text, "acute_danger", 0.99)) is None


def test_the_last_part_of_a_long_message_is_classified_too() -> None:
    story = "Vorige week was het druk op de afdeling en er gebeurde van alles. " * 60
    text = story + "En ineens is er iets heel ergs aan de hand."
    interpreter = TableInterpreter({"heel ergs": ("acute_danger", 0.9)})
    first = interpreter.parse(text)
    assert first.intent.name == "acute_danger"  # the table sees all; make the head say no
    head = ParseResult(text, IntentScore("report_aggression", 0.9), (), danger=first.danger)
    danger = assess(interpreter, head)
    assert danger is not None
    assert danger.by == "classifier"
    assert len(interpreter.parsed[-1]) == 2_000, "the last 2,000 characters"
    short = TableInterpreter({})
    assess(short, short.parse("hallo"))
    assert short.parsed == ["hallo"], "a short message is parsed once"


@pytest.mark.parametrize(
    "text",
    [
        "het is voorbij",
        "Het is nu weer rustig",
        "ik ben veilig",
        "ik ben weer veilig, hij is weg",
        "sorry, vergissing",
        "loos alarm",
        "per ongeluk op verstuur gedrukt",
        "false alarm",
        "I'm safe now",
        "im safe now",
        "it's over",
        "sorry, my mistake",
        "he's gone",
        "no it was this morning, its over",
        "nee het was vanochtend",
        "dat was 3 dagen geleden",
        "het is al gebeurd",
        "that was last week",
        "it already happened",
        "No idea who he is, the man with the crowbar. Police have him now",
        "he's in the police car now, handcuffed, they're driving him away",
        "hij zit nu in de separeer",
        # no danger in so many words, after an alarm the melder did not mean
        "nee sorry, ik bedoel dat de berichten doorgaan. ik ben niet in gevaar",
        "geen spoed hoor",
        "it's not an emergency, he just keeps posting",
    ],
)
def test_all_clear_in_both_languages(text: str) -> None:
    assert says_all_clear(text)


@pytest.mark.parametrize(
    "text",
    [
        "ik ben niet veilig",
        "het is nog niet voorbij",
        "ben ik hier veilig?",
        "I am not safe",
        "it's not over",
        "he is not gone",
        "het is goed",
        "het was niet vanochtend",
        "it was not yesterday",
        "hij sloeg me vorige week en nu staat hij weer voor de deur",
        "ik wil een melding maken",
        "Het is voorbij. " * 40,  # a long story is not an all-clear
        "this is an emergency",
        "ik ben nog niet in gevaar maar hij komt eraan",
        "ik weet niet of het geen gevaar is",
    ],
)
def test_no_all_clear(text: str) -> None:
    assert not says_all_clear(text)


def test_someone_still_at_it_is_no_danger_now() -> None:
    """'hij is er nog steeds mee bezig' (he keeps doing it) is harassment going on, not a
    person still standing there: no alarm; 'hij is er nog steeds' is."""
    from nlu.acute import AcuteDangerRules

    rules = AcuteDangerRules()
    assert rules.read("hij is er nog steeds mee bezig").pattern is None
    assert rules.read("hij is nog steeds bezig met berichten sturen").pattern is None
    assert rules.read("hij is er nog steeds").pattern == "is_here"


@pytest.mark.parametrize(
    "text",
    [
        # the danger already over
        "de politie heeft hem opgehaald, ik zit nu in de teamkamer",
        "beveiliging heeft hem eruit gezet, iedereen is ok",
        "security walked him out, everyone's fine",
        "hij is nu overgeplaatst naar een andere afdeling",
        "she's been discharged since",
        "the threat is over",
        "he's asleep now",
    ],
)
def test_the_danger_taken_away_is_an_all_clear(text: str) -> None:
    assert says_all_clear(text)


@pytest.mark.parametrize(
    "text",
    [
        # a weapon as decoration, toys, a file, a report for someone else, a way of speaking
        "de opa heeft een oud zwaard als versiering boven de haard",
        "there's an old sabre on his wall, he's a sweet man",
        "de kinderen speelden met waterpistolen in de tuin",
        "hij heeft in het verleden iemand bedreigd, dat staat in zijn dossier",
        "my colleague was hit with a tray, I'm reporting it for her",
        "ik wil het even vastleggen, het was heftig maar het is klaar",
        "ik ga dood van de hitte in die kamer",
        # hypothetical questions
        "hoe moet ik reageren als een bezoeker me gaat slaan?",
        "if a resident follows me home, should I call the police?",
    ],
)
def test_harmless_contexts_and_questions_overrule_the_classifier(text: str) -> None:
    assert decide(parsed(text, "acute_danger", 0.95)) is None, text

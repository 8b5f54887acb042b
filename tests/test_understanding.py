"""Answers in people's own words: whole reports typed without a button or a label, near
misses asked back, commands and questions in other words, distress, doubtful answers."""

from __future__ import annotations

import pytest
from sqlmodel import select

from bot.runtime import Runtime
from dialogs.state import ConversationState
from storage.models import OutboxMessage
from tests.stepchat import StepChat

pytestmark = pytest.mark.parametrize("database_url", ["sqlite"], indirect=True)

AGGRESSION_NL = {
    "what": "Iemand schreeuwde tegen mij bij de balie en gooide een beker naar me.",
    "understood": "ja klopt",
    "when": "gistermiddag rond drie uur",
    "who": "de zoon van de patiënt",
    "evidence": "nee, ik heb geen foto's",
    "impact": "echt heel slecht, ik zit nog te trillen",
    "anonymity": "liever anoniem",
    "team": "klinek noord",
    "contact_pref": "weet ik niet",
    "line_manager": "liever niet, hij kent de familie",
    "summary": "klopt, verstuur maar",
}
ONLINE_EN = {
    "what": "Someone posted my home address on Instagram and wrote that they know where I live.",
    "understood": "yes that's right",
    "when": "yesterday evening",
    "handle": "@nurse_hater_88",
    "who": "no idea who it is",
    "evidence": "that's all I have",
    "impact": "not great",
    "anonymity": "please keep me anonymous",
    "team": "north clinic",
    "contact_pref": "doesn't matter",
    "summary": "yes send it",
}
#: A story that tells no facts: every question is asked.
BARE_NL = {
    **AGGRESSION_NL,
    "what": "Het was heel vervelend en ik wil het graag melden.",
    "where": "bij de balie",
    "aro": "hij schreeuwde tegen me",
}
NIET_PLUIS_NL = {
    "what": "Er komen steeds vreemde mannen langs bij een cliënt en de sfeer is dreigend.",
    "about": "over een cliënt",
    "mode": "eerst bespreken, ik wil niemand beschuldigen",
    "anonymity": "zonder mijn naam",
    "team": "de kliniek",
    "summary": "ja klopt",
}


def only_case(runtime: Runtime) -> dict[str, object]:
    with runtime.store.unit() as unit:
        (case,) = unit.all_cases()
    return {**case.facts, **case.details, "anonymous": case.anonymous, "kind": case.kind}


def start(chat: StepChat, words: str) -> None:
    chat.send(words)


def first_try(chat: StepChat) -> bool:
    """No question was asked twice: nothing asked back, nothing misunderstood."""
    asked_back = ("Bedoel je", "Do you mean", "Ik weet niet zeker", "I'm not sure which")
    return not any(m.text.startswith(asked_back) for m in chat.said)


def test_an_aggression_report_typed_in_dutch_words(runtime: Runtime) -> None:
    chat = StepChat(runtime.engine)
    start(chat, "ik wil agressie melden")
    asked = chat.answer("aggression", AGGRESSION_NL)
    assert list(asked) == list(AGGRESSION_NL)
    assert first_try(chat), "every question understood at the first try"
    case = only_case(runtime)
    assert case["kind"] == "aggression"
    assert case["occurred_choice"] == "yesterday"
    assert case["occurred"] == "gistermiddag rond drie uur", "the melder's words are kept"
    assert case["location_kind"] == "reception"
    assert case["aro_category"] == "fysiek"
    assert case["perpetrator_relation"] == "naaste"
    assert case["impact"] == 1
    assert case["anonymous"] is True
    assert case["team"] == "kliniek-noord"
    assert case["exclude_line_manager"] is True
    assert "ZV-" in chat.all_text


def test_an_online_threat_typed_in_english_words(runtime: Runtime) -> None:
    chat = StepChat(runtime.engine)
    chat.send("english")
    start(chat, "I want to report an online threat")
    asked = chat.answer("online_threat", ONLINE_EN)
    assert list(asked) == list(ONLINE_EN)
    assert first_try(chat)
    case = only_case(runtime)
    assert (case["platform"], case["handle"]) == ("instagram", "@nurse_hater_88")
    assert case["perpetrator_relation"] == "onbekend"
    assert (case["impact"], case["team"]) == (2, "kliniek-noord")


def test_a_niet_pluis_signal_typed_in_words(runtime: Runtime) -> None:
    chat = StepChat(runtime.engine)
    start(chat, "ik heb een niet pluis gevoel")
    asked = chat.answer("niet_pluis", NIET_PLUIS_NL)
    assert list(asked) == list(NIET_PLUIS_NL)
    assert first_try(chat)
    case = only_case(runtime)
    assert (case["about"], case["niet_pluis_mode"]) == ("client", "bespreken")
    assert (case["anonymous"], case["team"]) == (True, "kliniek-noord")


def test_a_near_miss_is_asked_back_with_the_best_guess(runtime: Runtime) -> None:
    chat = StepChat(runtime.engine)
    chat.send("ik wil agressie melden")
    chat.send("Het was heel vervelend en ik wil het graag melden.")
    chat.send("vandaag")
    assert chat.position() == ("aggression", "where")
    reply = chat.send("op de afdeling of bij iemand thuis")
    assert reply[-1].text == "Bedoel je: Op mijn werkplek of afdeling?"
    assert [c.id for c in reply[-1].choices][:2] == ["ward", "home_visit"]
    chat.send("ja")
    assert chat.position() == ("aggression", "aro")
    chat.send("terug")
    reply = chat.send("balie of afdeling")
    assert reply[-1].text.startswith("Bedoel je:")
    reply = chat.send("nee")
    assert "Kies dan hieronder wat past" in reply[0].text
    assert chat.position() == ("aggression", "where")


def test_a_bare_no_at_a_choice_question_is_no_guess_at_a_look_alike_word(
    runtime: Runtime,
) -> None:
    """Found in the terminal chat: "nee" at "Wie deed het?" was asked back as "Bedoel je:
    Een familielid of naaste?" (one letter off "neef"); a mistyped label still is."""
    chat = StepChat(runtime.engine)
    chat.send("ik wil agressie melden")
    chat.send("Het was heel vervelend en ik wil het graag melden.")
    chat.send("vandaag")
    chat.send("bij de balie")
    chat.send("hij schold me uit")
    assert chat.position() == ("aggression", "who")
    reply = chat.send("nee")
    assert not reply[-1].text.startswith("Bedoel je"), reply[-1].text
    assert chat.position() == ("aggression", "who")
    reply = chat.send("bezoekr")
    assert chat.position() != ("aggression", "who") or reply[-1].text.startswith("Bedoel je")


def test_nothing_more_ends_the_evidence_and_more_story_is_kept(runtime: Runtime) -> None:
    chat = StepChat(runtime.engine)
    chat.send("ik wil agressie melden")
    chat.answer("aggression", AGGRESSION_NL, until="evidence")
    assert chat.position() == ("aggression", "evidence")
    chat.send("https://example.org/foto-van-de-beker")
    reply = chat.send("hij had ook nog een schaar in zijn hand, dat zag ik later")
    assert reply[0].text == "Ik heb dat bij je verhaal gezet."
    chat.send("niks meer")
    assert chat.position() == ("aggression", "impact")
    chat.answer("aggression", AGGRESSION_NL)
    assert "schaar in zijn hand" in str(only_case(runtime)["description"])


def test_commands_in_other_words_at_a_free_text_question(runtime: Runtime) -> None:
    chat = StepChat(runtime.engine)
    chat.send("online bedreiging melden")
    assert chat.position() == ("online_threat", "what")
    chat.send("stop please")
    assert chat.position()[1] == "menu"
    chat.send("online bedreiging melden")
    answers = {
        "what": "Iemand stuurt me dreigende berichten over mijn kinderen.",
        "understood": "ja",
        "when": "gisteren",
        "where": "whatsapp",
    }
    chat.answer("online_threat", answers, until="handle")
    assert chat.position() == ("online_threat", "handle")
    chat.send("nee wacht. terug")
    assert chat.position() == ("online_threat", "where")


def test_a_question_about_anonymity_is_answered_and_changes_nothing(runtime: Runtime) -> None:
    chat = StepChat(runtime.engine)
    chat.send("ik wil agressie melden")
    chat.answer("aggression", AGGRESSION_NL, until="anonymity")
    assert chat.position() == ("aggression", "anonymity")
    reply = chat.send("als ik mijn naam geef, weet hij het dan?")
    assert reply[0].text.startswith("Goede vraag. Deze bot stuurt je melding nooit naar")
    assert chat.position() == ("aggression", "anonymity"), "nothing chosen"
    chat.send("nee wacht. terug")
    assert chat.position() == ("aggression", "impact"), "'terug' is no name"


def test_distress_gets_a_human_answer_and_a_safety_question(runtime: Runtime) -> None:
    chat = StepChat(runtime.engine)
    reply = chat.send("ik durf niet naar huis")
    assert [m.text for m in reply][:2] == [
        "Wat naar dat je je zo voelt. Goed dat je het zegt.",
        "Ben je nu veilig?",
    ]
    reply = chat.send("nee")
    assert "112" in reply[0].text
    with runtime.store.unit() as unit:
        purposes = [m.purpose for m in unit.session.exec(select(OutboxMessage)).all()]
    assert "acute_alert" in purposes, "security is alerted"


def test_safe_after_distress_goes_on_where_we_were(runtime: Runtime) -> None:
    chat = StepChat(runtime.engine)
    chat.send("ik wil agressie melden")
    chat.send(AGGRESSION_NL["what"])
    reply = chat.send("😡😢")
    assert reply[-1].text == "Ben je nu veilig?"
    reply = chat.send("ja hoor")
    assert reply[0].text == "Goed. Neem je tijd; we gaan verder waar we waren."
    assert chat.position() == ("aggression", "understood")


def test_an_answer_without_a_day_or_time_is_confirmed_first(runtime: Runtime) -> None:
    chat = StepChat(runtime.engine)
    chat.send("ik wil agressie melden")
    chat.answer("aggression", AGGRESSION_NL, until="when")
    reply = chat.send("tijdens de overdracht")
    assert reply[-1].text.startswith("Ik zie daar geen dag of tijd in.")
    assert chat.position() == ("aggression", "when")
    chat.send("nee, ik typ het opnieuw")
    assert chat.position() == ("aggression", "when")
    chat.send("vanochtend om 7 uur")
    assert chat.position() == ("aggression", "who"), "where and what kind: told in the story"


def test_a_one_word_story_is_confirmed_and_filler_is_no_answer(runtime: Runtime) -> None:
    chat = StepChat(runtime.engine)
    chat.send("ik wil agressie melden")
    reply = chat.send("geslagen")
    assert reply[-1].text.startswith("Is dit alles wat je wilt vertellen?")
    chat.send("met de vlakke hand in mijn gezicht, tijdens het wassen")
    assert chat.position()[1] != "what", "the story was kept"
    answers = {"understood": "ja", "when": "gisteren", "where": "op de afdeling", "aro": "fysiek"}
    chat.answer("aggression", answers, until="who")
    assert chat.position() == ("aggression", "who")
    reply = chat.send("klaar")
    assert "Ik weet niet zeker welke je bedoelt" in reply[0].text
    assert chat.position() == ("aggression", "who"), "'klaar' is not who did it"


def test_see_above_uses_what_the_melder_wrote_first(runtime: Runtime) -> None:
    chat = StepChat(runtime.engine)
    opening = "ik wil melden dat iemand mij heeft uitgescholden en geduwd"
    chat.send(opening)
    assert chat.position() == ("aggression", "what")
    chat.answer("aggression", {**AGGRESSION_NL, "what": "zie hierboven", "where": "bij de balie"})
    assert only_case(runtime)["description"] == opening


def test_no_after_all_at_a_yes_no_question_is_its_no_not_a_stop(runtime: Runtime) -> None:
    chat = StepChat(runtime.engine)
    chat.send("privacy")
    chat.send("mijn gegevens wissen")
    assert chat.position() == ("privacy", "delete_confirm")
    reply = chat.send("nee toch niet")
    assert "niets om te stoppen" not in reply[0].text
    assert chat.position() != ("privacy", "delete_confirm"), "the question was answered"
    with runtime.store.unit() as unit:
        actions = [e.action for e in unit.audit_events()]
    assert "data_deleted" not in actions


def test_a_wish_to_report_without_a_kind_asks_which_and_takes_the_story(
    runtime: Runtime,
) -> None:
    chat = StepChat(runtime.engine)
    reply = chat.send("ik wil iets melden")
    assert reply[0].text.startswith("Goed dat je iets wilt melden. Kies hieronder")
    assert chat.position()[1] == "menu"
    chat.send("een bezoeker schold me uit bij de balie en zei dat hij me zou opwachten")
    assert chat.position()[0] == "aggression"


@pytest.mark.parametrize(
    ("lang", "words", "report"),
    [
        ("nl", "iemand schold me uit", "aggression"),
        ("nl", "fysiek", "aggression"),
        ("nl", "scheldpartij", "aggression"),
        ("nl", "hij werd handtastelijk", "aggression"),
        ("nl", "discriminatie", "aggression"),
        ("nl", "ze bedreigde me op insta", "online_threat"),
        ("en", "physical", "aggression"),
        ("en", "someone swore at me", "aggression"),
        ("en", "handsy patient", "aggression"),
        ("en", "he threatened me on facebook", "online_threat"),
    ],
)
def test_a_few_words_of_what_happened_choose_the_report_at_the_menu(
    runtime: Runtime, lang: str, words: str, report: str
) -> None:
    """The menu asks for "a few words about what happened": the story's facts choose."""
    chat = StepChat(runtime.engine, lang=lang)
    chat.send("ik wil iets melden" if lang == "nl" else "i want to report something")
    assert chat.position()[1] == "menu"
    chat.send(words)
    assert chat.position()[0] == report


def test_a_question_about_aggression_at_the_menu_starts_no_report(runtime: Runtime) -> None:
    chat = StepChat(runtime.engine)
    chat.send("ik wil iets melden")
    chat.send("wat als ik word uitgescholden?")
    assert chat.position()[1] == "menu"


def test_i_want_to_report_something_is_not_a_wish_to_talk(runtime: Runtime) -> None:
    """Its words look like the menu's "I want to talk to someone"; before, it started the
    conversation about support instead of the report."""
    chat = StepChat(runtime.engine, lang="en")
    reply = chat.send("i want to report something")
    assert reply[0].text.startswith("Good that you want to report it. Choose below")
    assert chat.position()[1] == "menu"


def test_an_english_story_in_a_dutch_chat_is_followed_in_english(runtime: Runtime) -> None:
    chat = StepChat(runtime.engine)
    chat.send("hallo")
    reply = chat.send("a patients son threatened me on the ward this morning")
    assert reply[0].text.startswith("You write in English")
    assert "a relative or friend of a patient" in reply[-1].text
    reply = chat.send("who will see my report?")
    assert reply[0].text.startswith("Your report goes only to the contact person")
    assert chat.position() == ("aggression", "understood"), "a question chooses nothing"


def test_filler_is_not_who_did_it_in_english_either(runtime: Runtime) -> None:
    chat = StepChat(runtime.engine)
    chat.send("report aggression")
    answers = {"what": "Someone shouted at me and threw a cup at me.", "understood": "yes"}
    chat.answer("aggression", {**answers, "when": "yesterday", "where": "on the ward"}, until="who")
    reply = chat.send("its ok")
    assert reply[0].text.startswith("I'm not sure which one you mean")
    assert chat.position() == ("aggression", "who")


def test_a_command_said_in_a_whole_sentence_acts_as_the_command(runtime: Runtime) -> None:
    chat = StepChat(runtime.engine)
    chat.send("ik wil agressie melden")
    chat.send("laat maar zitten, ik wil hier eigenlijk niet meer mee verder")
    assert chat.position()[1] == "menu"
    chat.send("ik wil agressie melden")
    chat.answer("aggression", AGGRESSION_NL, until="when")
    chat.send("oeps, ik heb iets verkeerd ingevuld bij de vorige vraag")
    assert chat.position() == ("aggression", "what"), "back past the review of the story"


def test_a_command_that_is_denied_is_no_command(runtime: Runtime) -> None:
    chat = StepChat(runtime.engine)
    chat.send("ik wil agressie melden")
    chat.send("ik wil niet stoppen, hij sloeg me gewoon in mijn gezicht bij de balie")
    assert chat.position() == ("aggression", "understood"), "the story was taken"


def test_a_score_that_opens_a_longer_answer_is_the_score(runtime: Runtime) -> None:
    chat = StepChat(runtime.engine)
    chat.send("ik wil agressie melden")
    chat.answer("aggression", AGGRESSION_NL, until="impact")
    chat.send("een 2, ik lig er nog wakker van en durf niet goed meer alleen naar de parkeerplaats")
    assert chat.position()[1] != "impact"
    chat.answer("aggression", AGGRESSION_NL)
    assert only_case(runtime)["impact"] == 2


def test_an_anonymity_wish_said_early_is_kept_and_not_asked_again(runtime: Runtime) -> None:
    chat = StepChat(runtime.engine)
    chat.send("ik wil agressie melden")
    chat.answer("aggression", AGGRESSION_NL, until="impact")
    reply = chat.send("anoniem aub")
    assert reply[0].text == "Genoteerd: je meldt anoniem. Dat vraag ik je straks niet meer."
    assert chat.position() == ("aggression", "impact"), "the open question is asked again"
    chat.send("3")
    assert chat.position()[1] != "anonymity", "the wish answered the anonymity question"
    chat.answer("aggression", {**AGGRESSION_NL, "anonymity": "met mijn naam"})
    assert only_case(runtime)["anonymous"] is True


def test_a_word_corrected_into_distress_is_no_distress(runtime: Runtime) -> None:
    chat = StepChat(runtime.engine)
    reply = chat.send("ja verstuur maar")
    assert all("Ben je nu veilig?" not in m.text for m in reply), "'verstuur' is no 'overstuur'"
    chat.send("ik wil agressie melden")
    chat.answer("aggression", AGGRESSION_NL, until="who")
    assert chat.send("ik ben zo overstuur")[-1].text == "Ben je nu veilig?"


@pytest.mark.parametrize("words", ["ja verstuur maar", "hij schold", "ik heb het verstuurd"])
def test_a_real_word_is_not_corrected_into_a_score(runtime: Runtime, words: str) -> None:
    chat = StepChat(runtime.engine)
    chat.send("ik wil agressie melden")
    chat.answer("aggression", AGGRESSION_NL, until="impact")
    chat.send(words)
    assert chat.position() == ("aggression", "impact"), f"{words!r} is no score"
    chat.send("slect")  # a typo is still read
    assert chat.position()[1] != "impact"
    chat.answer("aggression", AGGRESSION_NL)
    assert only_case(runtime)["impact"] in (1, 2)


@pytest.mark.parametrize(
    ("words", "then"),
    [
        ("ja, maar liever niet voor 10 uur", "callback_way"),
        ("yes but don't call me at work", "callback_way"),
        ("liever niet", "menu"),
    ],
)
def test_an_answer_that_opens_the_message_is_kept_when_it_is_qualified(
    runtime: Runtime, words: str, then: str
) -> None:
    chat = StepChat(runtime.engine)
    chat.send("ik wil met iemand praten")
    assert chat.position() == ("aftercare", "callback")
    chat.send(words)
    assert chat.position()[1] == then, f"{words!r}: what follows 'maar' qualifies the answer"


@pytest.mark.parametrize(
    ("words", "kind"),
    [
        ("eerst schold hij me helemaal uit en toen duwde hij me tegen de kast", "fysiek"),
        ("first he swore at me and then he shoved me", "fysiek"),
        ("she spat right in my face", "fysiek"),
    ],
)
def test_an_answer_describing_what_happened_is_read_as_the_story_is(
    runtime: Runtime, words: str, kind: str
) -> None:
    """At the ARO question the most serious act counts, as in a story: the lexicon alone
    counted more words of shouting than of pushing."""
    chat = StepChat(runtime.engine)
    chat.send("ik wil agressie melden")
    chat.answer("aggression", BARE_NL, until="aro")
    assert chat.position() == ("aggression", "aro")
    chat.send(words)
    assert chat.position() == ("aggression", "who")
    chat.answer("aggression", BARE_NL)
    assert only_case(runtime)["aro_category"] == kind


@pytest.mark.parametrize(
    ("words", "then"),
    [
        ("pff veel te veel vragen, ik hou het voor gezien", "menu"),
        ("kan ik even terug, ik heb de verkeerde datum gezet", "when"),
        ("kan ik terug naar het beginscherm", "where"),
        ("i'd like to withdraw my report", "menu"),
    ],
)
def test_commands_in_other_phrasings_act_as_the_command(
    runtime: Runtime, words: str, then: str
) -> None:
    chat = StepChat(runtime.engine)
    chat.send("ik wil agressie melden")
    chat.answer("aggression", BARE_NL, until="where")
    assert chat.position() == ("aggression", "where")
    reply = chat.send(words)
    assert chat.position()[1] == then, words
    if then == "where":  # the menu in the middle of a report says how to stop or go back
        assert reply[0].text.startswith("Je bent bezig met: "), reply[0].text
    if then == "menu":
        with runtime.store.unit() as unit:
            assert unit.all_cases() == [], "nothing was sent"


@pytest.mark.parametrize(
    "words",
    ["ik doe het niet anoniem, met naam dus", "not doing it anonymously, use my name"],
)
def test_a_choice_that_sounds_like_giving_up_is_no_stop(runtime: Runtime, words: str) -> None:
    chat = StepChat(runtime.engine)
    chat.send("ik wil agressie melden")
    chat.answer("aggression", AGGRESSION_NL, until="anonymity")
    chat.send(words)
    assert chat.position()[0] == "aggression", f"{words!r} stopped the report"


@pytest.mark.parametrize(
    ("words", "lang", "reply"),
    [
        ("waarom ineens engels? doe maar gewoon nederlands", "nl", "Wie deed het?"),
        ("is there an english version?", "en", "Who did it?"),
        ("I'm sorry, I don't understand this language", "en", "Who did it?"),
    ],
)
def test_a_language_wish_in_other_words_switches(
    runtime: Runtime, words: str, lang: str, reply: str
) -> None:
    chat = StepChat(runtime.engine)
    chat.send("ik wil agressie melden")
    chat.answer("aggression", AGGRESSION_NL, until="who")
    replies = chat.send(words)
    assert any(m.text.startswith(reply) for m in replies), [m.text for m in replies]


@pytest.mark.parametrize(
    "words", ["ik zit nog steeds te trillen op de bank", "still shaking, didn't sleep a wink"]
)
def test_distress_in_other_words_gets_the_safety_question(runtime: Runtime, words: str) -> None:
    chat = StepChat(runtime.engine)
    chat.send("ik wil agressie melden")
    chat.answer("aggression", AGGRESSION_NL, until="who")
    reply = chat.send(words)
    assert reply[-1].text in ("Ben je nu veilig?", "Are you safe right now?")
    assert chat.position() == ("aggression", "who"), "the question waits"


@pytest.mark.parametrize(
    ("words", "about"),
    [
        ("mijn collega doet niet netjes met mevrouw van kamer 2", "colleague"),
        ("een collega die mij steeds kleineert", "other"),
        ("the building's cleaner who says weird stuff to me", "other"),
        ("de deur van de medicijnkamer die steeds openstaat", "situation"),
        ("over iemand aan wie ik zorg geef", "client"),
    ],
)
def test_what_a_niet_pluis_signal_is_about_in_words(
    runtime: Runtime, words: str, about: str
) -> None:
    """Who the answer names, and towards whom, decides: a colleague with a client is how a
    colleague treats a client; a colleague towards the melder is something else."""
    chat = StepChat(runtime.engine)
    chat.send("ik heb een niet pluis gevoel")
    chat.answer("niet_pluis", NIET_PLUIS_NL, until="about")
    assert chat.position() == ("niet_pluis", "about")
    chat.send(words)
    assert chat.position() == ("niet_pluis", "mode"), words
    chat.answer("niet_pluis", NIET_PLUIS_NL)
    assert only_case(runtime)["about"] == about


@pytest.mark.parametrize(("words", "score"), [("3/5", 3), ("1 van de 5", 1), ("4 out of 5", 4)])
def test_a_score_out_of_five_is_the_score(runtime: Runtime, words: str, score: int) -> None:
    chat = StepChat(runtime.engine)
    chat.send("ik wil agressie melden")
    chat.answer("aggression", BARE_NL, until="impact")
    chat.send(words)
    assert chat.position()[1] != "impact", words
    chat.answer("aggression", BARE_NL)
    assert only_case(runtime)["impact"] == score


@pytest.mark.parametrize(
    ("words", "choice"),
    [
        ("started in october and hasnt stopped", "ongoing"),
        ("al een tijdje terug, in de zomer", "earlier"),
        ("monday of last week", "earlier"),
        ("eergisteren na de overdracht", "this_week"),
    ],
)
def test_the_moment_in_words_is_read_as_in_a_story(
    runtime: Runtime, words: str, choice: str
) -> None:
    """At 'when' the answer is read as the story is: a date falls under its option, words
    that say it goes on are 'ongoing', "een tijdje terug" is not."""
    chat = StepChat(runtime.engine)
    chat.send("ik wil agressie melden")
    chat.answer("aggression", BARE_NL, until="when")
    chat.send(words)
    assert chat.position()[1] != "when", words
    chat.answer("aggression", BARE_NL)
    assert only_case(runtime)["occurred_choice"] == choice


def test_a_yes_and_a_no_in_one_answer_is_asked_back(runtime: Runtime) -> None:
    """ "nee hoor, mag best" at "may it go to your line manager?" says both: the bot asks,
    it does not decide for the melder."""
    chat = StepChat(runtime.engine)
    chat.send("ik wil agressie melden")
    chat.answer("aggression", BARE_NL, until="line_manager")
    assert chat.position() == ("aggression", "line_manager")
    reply = chat.send("nee hoor, mag best")
    assert reply[-1].text.startswith("Bedoel je:")
    assert chat.position() == ("aggression", "line_manager")


@pytest.mark.parametrize("words", ["eh wacht, nee dat wil ik niet", "yes... no wait, don't"])
def test_words_against_deleting_everything_never_delete(runtime: Runtime, words: str) -> None:
    """Deleting cannot be undone: words that choose it but also speak against it are asked
    back, and only a clear yes to that deletes."""
    chat = StepChat(runtime.engine)
    chat.send("ik wil met iemand praten")
    chat.send("ja graag")
    chat.send("menu")
    chat.send("privacy")
    chat.send("mijn gegevens wissen")
    assert chat.position() == ("privacy", "delete_confirm")
    reply = chat.send(words)
    asked = reply[-1].text.startswith("Bedoel je:")
    assert asked or chat.position()[1] == "menu", "asked back, or taken as its no"
    with runtime.store.unit() as unit:
        assert "data_deleted" not in [e.action for e in unit.audit_events()]
    if asked:
        chat.send("ja")  # a clear yes to "do you mean: yes, delete everything?"
        with runtime.store.unit() as unit:
            assert "data_deleted" in [e.action for e in unit.audit_events()]


@pytest.mark.parametrize(
    ("step", "words", "slot", "value"),
    [
        ("impact", "ik zou zeggen een 3... nee, als ik eerlijk ben een 2", "impact", 2),
        ("impact", "ik dacht een 5 maar eerlijk gezegd is het een 4", "impact", 4),
        ("where", "op de afdeling... nee wacht, het was in de tram op weg naar huis", None, None),
    ],
)
def test_an_answer_that_corrects_itself_counts_from_the_correction(
    runtime: Runtime, step: str, words: str, slot: str | None, value: object
) -> None:
    chat = StepChat(runtime.engine)
    chat.send("ik wil agressie melden")
    chat.answer("aggression", BARE_NL, until=step)
    chat.send(words)
    assert chat.position()[1] != step, words
    chat.answer("aggression", BARE_NL)
    case = only_case(runtime)
    if slot is not None:
        assert case[slot] == value
    else:
        assert case["location_kind"] == "other", "the tram, not the ward"


@pytest.mark.parametrize("words", ["yes thats right", "that's it", "yeah", "dat is het"])
def test_a_yes_at_the_story_question_takes_the_first_message_as_the_story(
    runtime: Runtime, words: str
) -> None:
    """ "Use what I wrote at the start" is offered; before, "yes thats right" got "That does
    not seem to answer the question yet"."""
    chat = StepChat(runtime.engine, lang="en")
    chat.send("someone keeps dming me on insta saying they know where i live")
    assert chat.position()[1] == "what"
    reply = chat.send(words)
    assert reply[-1].text.startswith("I have understood: it is still going on, via Instagram")


def test_a_sentence_two_reports_share_is_asked_back_and_kept_as_the_story(
    runtime: Runtime,
) -> None:
    """Found in the terminal chat: a niet-pluis signal with an act in it ("grabbed her arm")
    split the classifier between two reports and got "I am not sure what you mean"."""
    chat = StepChat(runtime.engine)
    chat.send("english")
    opening = (
        "something feels off with a colleague on nights, she is really rough with one of "
        "the residents with dementia, grabbed her arm hard yesterday"
    )
    reply = chat.send(opening)
    assert not any(m.text.startswith("I am not sure what you mean") for m in reply)
    if reply[-1].text.startswith("Do you mean:"):
        chat.send("yes")
    flow, _step = chat.position()
    assert flow in {"niet_pluis", "aggression"}
    with runtime.store.unit() as unit:
        found = unit.load_conversation(runtime.store.pseudonym("console", chat.user))
    assert found is not None
    state = ConversationState.from_stored(found.state, "en")
    assert state.slots.get("description") == opening, "the sentence is what happened"


def test_a_no_to_the_best_guess_that_says_what_instead_takes_that(runtime: Runtime) -> None:
    """ "nee, bij de balie" to "Bedoel je: Op mijn werkplek of afdeling?" is the desk, not a
    bare no that asks to choose again."""
    chat = StepChat(runtime.engine)
    chat.send("ik wil agressie melden")
    chat.send("Het was heel vervelend en ik wil het graag melden.")
    chat.send("vandaag")
    reply = chat.send("op de afdeling of bij iemand thuis")
    assert reply[-1].text == "Bedoel je: Op mijn werkplek of afdeling?"
    chat.send("nee, bij iemand thuis")
    assert chat.position() == ("aggression", "aro")
    with runtime.store.unit() as unit:
        found = unit.load_conversation(runtime.store.pseudonym("console", chat.user))
    assert found is not None
    assert ConversationState.from_stored(found.state, "nl").slots["location_kind"] == "home_visit"


def test_yes_to_the_best_guess_is_not_kept_as_who_did_it(runtime: Runtime) -> None:
    """Found in the terminal chat: "yes" to "Do you mean: Someone I don't know?" was stored
    as the melder's own words, so the summary and the case read "Who did it: yes"."""
    chat = StepChat(runtime.engine)
    chat.send("english")
    start(chat, "I want to report an online threat")
    replies = chat.answer("online_threat", {**ONLINE_EN, "who": ["not sure tbh", "yes"]})
    assert replies["who"][0].text == "Do you mean: Someone I don't know?"
    summary = next(m.text for m in chat.said if m.text.startswith("This is what you"))
    assert "Who did it: Someone I don't know" in summary
    case = only_case(runtime)
    assert case["perpetrator_relation"] == "onbekend"
    assert not case.get("perpetrator_text")


def test_a_name_given_with_the_wish_to_be_named_is_kept(runtime: Runtime) -> None:
    """Found in the terminal chat: "mag met naam, ik ben joyce" typed at another question
    was answered "Die vraag ik je zo" and the name was asked for again."""
    chat = StepChat(runtime.engine)
    start(chat, "ik heb een niet pluis gevoel")
    chat.answer("niet_pluis", NIET_PLUIS_NL, until="about")
    reply = chat.send("mag met naam, ik ben joyce")
    assert (
        reply[0].text == "Genoteerd: je meldt met je naam, Joyce. Dat vraag ik je straks niet meer."
    )
    assert chat.position() == ("niet_pluis", "about"), "the open question is asked again"
    asked = chat.answer("niet_pluis", {**NIET_PLUIS_NL, "anonymity": "anoniem"})
    assert "anonymity" not in asked, list(asked)
    assert "name" not in asked, list(asked)
    summary = next(m.text for m in chat.said if m.text.startswith("Dit ga je versturen"))
    assert "Je naam: Joyce" in summary
    # (found in the terminal chat: the name was said twice, "met je naam (Joyce)" as well)
    assert "• Gemeld: met je naam\n" in summary
    assert summary.count("Joyce") == 1
    assert only_case(runtime)["anonymous"] is False

"""Aftercare: the 'I want to talk to someone' flow and the scheduled check-ins (§8)."""

from __future__ import annotations

from dialogs import texts
from dialogs.flow import EXIT_MENU, Flow, Offer, Option, Resume, Step, StepKind
from dialogs.i18n import N_

CALLBACK_QUESTION = N_("Would you like someone to contact you?")

_YES_NO = (
    Option("yes", N_("Yes, please"), value=True, intents=("affirm",), synonyms=("ja", "yes")),
    Option("no", N_("No, thank you"), value=False, intents=("deny",), synonyms=("nee", "no")),
)

#: "Yes" goes on to how the melder wants to be reached (`callback_steps`); a way said with
#: it ("ja graag, bel me maar") answers that question too.
CALLBACK_OPTIONS = (
    Option(
        "yes",
        N_("Yes, please"),
        value=True,
        intents=("affirm",),
        synonyms=("ja", "yes"),
        effect="callback_way_from_words",
    ),
    Option(
        "no",
        N_("No, thank you"),
        value=False,
        intents=("deny",),
        synonyms=("nee", "no"),
        reply=texts.CALLBACK_DECLINED,
    ),
)
_CHAT_WORDS = ("chat", "via de chat", "hier", "in de chat", "in this chat", "deze chat")


def callback_steps() -> tuple[Step, ...]:
    """How a melder who wants to talk is reached, then the request (dialogs/callbacks.py).

    With a report to attach it to, anonymity is already decided: an anonymous melder is
    reached through the chat, a named one is asked for a phone number (or the chat).
    Without a report they choose, and a phone call needs a name to ask for.
    """
    return (
        Step(
            name="callback_way",
            kind=StepKind.CHOICE,
            slot="callback_way",
            prompt=N_(
                "How would you like to be contacted? Through this chat you stay anonymous; "
                "for a phone call I need your name and number."
            ),
            options=(
                Option("chat", N_("Here in this chat (anonymous)"), synonyms=_CHAT_WORDS),
                Option("phone", N_("Call me"), synonyms=("bellen", "bel me", "telefoon", "phone")),
            ),
            skip_when="callback_way_decided",
            next={"chat": "callback_send", "phone": "callback_name", "*": "callback_phone"},
        ),
        Step(
            name="callback_name",
            kind=StepKind.TEXT,
            slot="callback_name",
            prompt=N_("Whom should they ask for? Type your name."),
            doubt="name",
            offer=Offer.PROFILE_NAME,
            min_length=2,
            max_length=100,
            # A number typed here is taken as the number, and the name asked again.
            effect="check_callback_name",
            outcomes={"again": "callback_name"},
            next="callback_phone",
        ),
        Step(
            name="callback_phone",
            kind=StepKind.TEXT,
            slot="callback_phone",
            prompt=N_(
                "On which phone number can they call you? Only the person who calls you sees it."
            ),
            options=(Option("chat", N_("Here in this chat"), value="", synonyms=_CHAT_WORDS),),
            skip_when="callback_number_known",
            effect="check_phone",
            outcomes={"invalid": "callback_phone"},
            max_length=100,
            next="callback_send",
        ),
        Step(
            name="callback_send",
            kind=StepKind.INFO,
            prompt="",
            render="callback_next",
            effect="request_callback",
            next=EXIT_MENU,
        ),
    )


AFTERCARE = Flow(
    name="aftercare",
    title=N_("Support"),
    idle=True,
    start="show",
    steps=(
        Step(name="show", kind=StepKind.INFO, prompt="", render="aftercare", next="callback"),
        Step(
            name="callback",
            kind=StepKind.CHOICE,
            slot="callback",
            prompt=CALLBACK_QUESTION,
            options=CALLBACK_OPTIONS,
            next={"yes": "callback_way", "no": EXIT_MENU},
        ),
        *callback_steps(),
    ),
)

CHECKIN = Flow(
    name="checkin",
    title=N_("Check-in"),
    idle=True,
    resume=Resume.ASK_AGAIN,
    timer="checkin",
    start="score",
    steps=(
        Step(
            name="score",
            kind=StepKind.CHOICE,
            slot="checkin_score",
            render="checkin_intro",
            prompt=N_("How are you doing now? 1 is very bad, 5 is good."),
            options=(
                Option("1", N_("1 - very bad"), value=1),
                Option("2", N_("2 - bad"), value=2),
                Option("3", N_("3 - so-so"), value=3),
                Option("4", N_("4 - fairly well"), value=4),
                Option("5", N_("5 - good"), value=5),
                Option(
                    "stop",
                    N_("Stop these check-ins"),
                    synonyms=("stop", "geen check-ins", "afmelden"),
                    effect="stop_checkins",
                ),
            ),
            next={"stop": EXIT_MENU, "*": "words"},
            keeps_words="checkin_said",
        ),
        Step(
            name="words",
            kind=StepKind.TEXT,
            story=True,
            slot="checkin_text",
            offer=Offer.KEPT_WORDS,
            prompt=N_("Would you like to say something about it? Type it, or choose 'No, thanks'."),
            options=(Option("skip", N_("No, thanks"), value="", synonyms=("nee", "no")),),
            max_length=2000,
            next="share",
        ),
        Step(
            name="share",
            kind=StepKind.CHOICE,
            slot="checkin_shared",
            prompt=N_(
                "May the contact person read what you wrote? They always see your score, "
                "never your words without your consent."
            ),
            options=_YES_NO,
            skip_when="no_checkin_text",
            next="done",
        ),
        Step(
            name="done",
            kind=StepKind.INFO,
            prompt="",
            render="checkin_thanks",
            effect="record_checkin",
            next=EXIT_MENU,
            # A low score or words of distress offer support and a call-back.
            outcomes={"distress": "support"},
        ),
        Step(
            name="support",
            kind=StepKind.CHOICE,
            slot="callback",
            prompt=CALLBACK_QUESTION,
            render="crisis_support",
            options=CALLBACK_OPTIONS,
            next={"yes": "callback_way", "no": EXIT_MENU},
        ),
        *callback_steps(),
    ),
)

"""Aftercare: the 'I want to talk to someone' flow and the scheduled check-ins (§8)."""

from __future__ import annotations

from dialogs.flow import EXIT_MENU, Flow, Option, Resume, Step, StepKind
from dialogs.i18n import N_

CALLBACK_QUESTION = N_("Would you like someone to contact you?")

_YES_NO = (
    Option("yes", N_("Yes, please"), value=True, intents=("affirm",), synonyms=("ja", "yes")),
    Option("no", N_("No, thank you"), value=False, intents=("deny",), synonyms=("nee", "no")),
)

#: "Yes" asks someone to contact the melder (see aftercareflow.request_callback).
CALLBACK_OPTIONS = (
    Option(
        "yes",
        N_("Yes, please"),
        value=True,
        intents=("affirm",),
        synonyms=("ja", "yes"),
        effect="request_callback",
    ),
    _YES_NO[1],
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
            options=(*CALLBACK_OPTIONS,),
            next={"yes": "callback_how", "no": EXIT_MENU},
            # With a report of theirs to attach it to, nothing more needs asking.
            outcomes={"requested": EXIT_MENU},
        ),
        Step(
            name="callback_how",
            kind=StepKind.TEXT,
            slot="callback_reach",
            prompt=N_(
                "You have not made a report from this chat, so I need a way to reach you. "
                "Type your name and a phone number or e-mail address. Only the person who "
                "calls you back sees it."
            ),
            min_length=5,
            max_length=300,
            effect="callback_without_case",
            next=EXIT_MENU,
        ),
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
        ),
        Step(
            name="words",
            kind=StepKind.TEXT,
            story=True,
            slot="checkin_text",
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
            options=(*CALLBACK_OPTIONS,),
            next={"yes": EXIT_MENU, "no": EXIT_MENU},
            outcomes={"requested": EXIT_MENU},
        ),
    ),
)

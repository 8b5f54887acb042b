"""The melder's side of their reports: 'Status of my report'."""

from __future__ import annotations

from dialogs.flow import EXIT_MENU, Flow, Option, Step, StepKind
from dialogs.i18n import N_

STATUS = Flow(
    name="status",
    title=N_("Status of my reports"),
    idle=True,
    command="status",
    start="status_list",
    steps=(
        Step(
            name="status_list",
            kind=StepKind.CHOICE,
            slot="own_case",
            prompt=N_("Which report do you want to see?"),
            render="status",
            options=(Option("menu", N_("Back to the menu"), synonyms=("menu", "terug")),),
            options_from="own_cases",
            on_unknown="guessed_own_case_code",
            # "die", "mijn melding", "ik wil wat toevoegen": the only report, or the action
            # kept until the melder chooses which.
            takes_words="own_case_by_words",
            # A request to be contacted has a view of its own; an action asked for begins.
            effect="open_own_report",
            outcomes={
                "callback": "own_callback",
                "add": "add_info",
                "reply": "reply",
                "answer": "answer",
                "reopen": "reopen_reason",
                "answer_typed": "answer_typed",
            },
            next={"menu": EXIT_MENU, "*": "own_case"},
        ),
        Step(
            name="own_case",
            kind=StepKind.CHOICE,
            slot="own_case_nav",
            prompt=N_("What would you like to do?"),
            render="own_case",
            # An answer to the contact person's open question can simply be typed here.
            takes_words="typed_answer",
            options=(
                Option("answer", N_("Answer the question"), synonyms=("antwoord", "answer")),
                Option(
                    "reply",
                    N_("Write to the contact person"),
                    synonyms=(
                        "reageren",
                        "reageer",
                        "bericht",
                        "laten weten",
                        "reply",
                        "write back",
                    ),
                ),
                Option(
                    "add",
                    N_("Add something to my report"),
                    synonyms=("toevoegen", "aanvullen", "add", "bewijs toevoegen"),
                    effect="begin_addition",
                ),
                Option(
                    "reopen",
                    N_("Reopen my report"),
                    synonyms=("heropenen", "opnieuw openen", "weer openen", "reopen", "open again"),
                ),
                Option(
                    "receipt",
                    N_("Receipt of my report"),
                    synonyms=("ontvangstbewijs", "bewijs van ontvangst", "receipt"),
                    effect="send_receipt",
                    quiet=True,
                ),
                Option(
                    "dossier",
                    N_("Dossier for the police (PDF)"),
                    synonyms=("dossier", "politie", "aangifte", "police"),
                    effect="send_own_dossier",
                    quiet=True,
                ),
                Option(
                    "stop_checkins",
                    N_("No more check-ins"),
                    synonyms=("geen check-ins", "stop check-ins", "afmelden"),
                    effect="stop_own_checkins",
                ),
                Option("list", N_("Back to my reports"), synonyms=("lijst", "list")),
                Option("menu", N_("Back to the menu"), synonyms=("menu",)),
            ),
            options_filter="own_case_actions",
            next={
                "answer": "answer",
                "reply": "reply",
                "add": "add_info",
                "reopen": "reopen_reason",
                "receipt": "own_case",
                "dossier": "own_case",
                "stop_checkins": "own_case",
                "list": "status_list",
                "menu": EXIT_MENU,
            },
        ),
        Step(
            name="answer",
            kind=StepKind.TEXT,
            verbatim=True,
            slot="answer_text",
            prompt=N_("Type your answer. Only the contact person handling your report reads it."),
            render="open_question",
            effect="relay_answer",
            busy=True,
            min_length=1,
            max_length=4000,
            next="own_case",
        ),
        # An answer typed at the menu, right after the question came in: passed on only
        # after a yes (dialogs/statusflow.py, own_report_wish); anything else sends nothing.
        Step(
            name="answer_typed",
            kind=StepKind.CHOICE,
            slot="answer_typed",
            prompt=N_("Is what you wrote your answer to it? Then I will pass it on."),
            render="open_question",
            options=(
                Option(
                    "send",
                    N_("Yes, pass it on"),
                    intents=("affirm",),
                    synonyms=("ja", "yes", "doorsturen", "stuur maar", "send it"),
                    effect="relay_answer",
                ),
                Option(
                    "keep",
                    N_("No, don't send it"),
                    intents=("deny",),
                    synonyms=("nee", "no", "niet sturen", "niet doorsturen", "don't send"),
                    effect="drop_typed_answer",
                ),
            ),
            busy=True,
            next={"send": "own_case", "keep": EXIT_MENU},
        ),
        Step(
            name="reply",
            kind=StepKind.TEXT,
            verbatim=True,
            slot="reply_text",
            prompt=N_(
                "Type your message for the contact person handling your report. Only they "
                "read it; if you reported anonymously, they still do not learn who you are."
            ),
            effect="relay_reply",
            busy=True,
            max_length=4000,
            next="own_case",
        ),
        Step(
            name="add_info",
            kind=StepKind.EVIDENCE,
            slot="addition",
            # Words typed here are what the melder adds, not more of a story.
            free_text_slot="addition_text",
            prompt=N_(
                "What do you want to add? Type it, or send photos, screenshots, files or "
                "links, one by one. Choose 'Done' when you have sent everything; then it "
                "goes to the contact persons."
            ),
            options=(
                Option(
                    "done",
                    N_("Done"),
                    synonyms=("klaar", "verstuur", "versturen", "done", "send"),
                    effect="add_to_case",
                ),
                Option(
                    "cancel",
                    N_("Add nothing"),
                    synonyms=("niets", "toch niet", "nothing"),
                    effect="drop_addition",
                ),
            ),
            busy=True,
            next="own_case",
        ),
        Step(
            name="reopen_reason",
            kind=StepKind.TEXT,
            verbatim=True,
            slot="reopen_text",
            prompt=N_(
                "Why do you want to reopen your report? For example: it happened again, or "
                "something was not solved. The contact persons read your reason."
            ),
            options=(Option("keep_closed", N_("Keep it closed"), value=""),),
            effect="reopen_case",
            busy=True,
            min_length=3,
            max_length=2000,
            next="own_case",
        ),
        Step(
            name="own_callback",
            kind=StepKind.CHOICE,
            slot="own_callback_nav",
            prompt=N_("What would you like to do?"),
            render="own_callback",
            options=(
                Option("reply", N_("Send a message"), synonyms=("antwoord", "bericht", "reply")),
                Option("list", N_("Back to my reports"), synonyms=("lijst", "list")),
                Option("menu", N_("Back to the menu"), synonyms=("menu",)),
            ),
            options_filter="own_callback_actions",
            next={"reply": "callback_reply", "list": "status_list", "menu": EXIT_MENU},
        ),
        Step(
            name="callback_reply",
            kind=StepKind.TEXT,
            verbatim=True,
            slot="callback_reply_text",
            prompt=N_("Type your message. Only the contact person of your request reads it."),
            effect="relay_callback_reply",
            busy=True,
            min_length=1,
            max_length=4000,
            next="own_callback",
        ),
    ),
)

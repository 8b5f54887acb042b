"""Security's side of acute danger: the alerts that went to them, and a question to the
person through the bot ('waar ben je precies?'), also when they are anonymous."""

from __future__ import annotations

from dialogs.flow import EXIT_MENU, Flow, Option, Step, StepKind
from dialogs.i18n import N_

ALERTS = Flow(
    name="alerts",
    title=N_("Acute danger alerts"),
    idle=True,
    start="alert_list",
    casework=True,
    steps=(
        Step(
            name="alert_list",
            kind=StepKind.CHOICE,
            slot="alert",
            prompt=N_("Which alert do you want to open?"),
            render="alert_list",
            options=(Option("menu", N_("Back to the menu"), synonyms=("menu", "terug")),),
            options_from="my_alerts",
            on_unknown="guessed_alert",
            next={"menu": EXIT_MENU, "*": "alert_view"},
        ),
        Step(
            name="alert_view",
            kind=StepKind.CHOICE,
            slot="alert_nav",
            prompt=N_("What do you want to do?"),
            render="alert_view",
            options=(
                Option(
                    "ask",
                    N_("Ask the person a question"),
                    synonyms=("vraag", "vraag stellen", "ask"),
                ),
                Option("list", N_("Back to the alerts"), synonyms=("lijst", "list")),
                Option("menu", N_("Back to the menu"), synonyms=("menu",)),
            ),
            next={"ask": "alert_ask", "list": "alert_list", "menu": EXIT_MENU},
        ),
        Step(
            name="alert_ask",
            kind=StepKind.TEXT,
            verbatim=True,
            slot="alert_question",
            prompt=N_(
                "Type your question for the person, for example: where are you exactly? The "
                "bot puts it in their chat; if they are anonymous, you do not learn who they are."
            ),
            effect="ask_melder",
            outcomes={"refused": "alert_list"},
            max_length=1000,
            next="alert_view",
        ),
    ),
)

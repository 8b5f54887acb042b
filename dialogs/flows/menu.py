"""Start menus (melder and aanspreekpunt) and the short informational flows."""

from __future__ import annotations

from dialogs.flow import EXIT_MENU, FLOW_PREFIX, Flow, Option, Step, StepKind
from dialogs.i18n import N_

MENU = Flow(
    name="menu",
    title=N_("Menu"),
    start="menu",
    steps=(
        Step(
            name="menu",
            kind=StepKind.CHOICE,
            slot="menu_choice",
            prompt=N_("What would you like to do?"),
            options=(
                Option("online", N_("Report an online threat"), intents=("report_online_threat",)),
                Option(
                    "aggression",
                    N_("Report aggression or a threat at work"),
                    intents=("report_aggression",),
                ),
                Option(
                    "niet_pluis",
                    N_("Discuss a niet-pluis-gevoel"),
                    intents=("report_niet_pluis",),
                    synonyms=("niet pluis", "niet-pluis"),
                ),
                Option(
                    "aftercare",
                    N_("I want to talk to someone"),
                    intents=("ask_aftercare",),
                    synonyms=("nazorg", "aftercare", "praten"),
                ),
                Option(
                    "status",
                    N_("Status of my report"),
                    intents=("ask_status",),
                    synonyms=("status",),
                ),
                Option(
                    "privacy",
                    N_("Privacy: who sees my report?"),
                    intents=("ask_privacy", "delete_data"),
                    synonyms=("privacy",),
                ),
            ),
            next={
                "online": FLOW_PREFIX + "online_threat",
                "aggression": FLOW_PREFIX + "aggression",
                "niet_pluis": FLOW_PREFIX + "niet_pluis",
                "aftercare": FLOW_PREFIX + "aftercare",
                "status": FLOW_PREFIX + "status",
                "privacy": FLOW_PREFIX + "privacy",
            },
        ),
    ),
)

CONTACT_MENU = Flow(
    name="contact_menu",
    title=N_("Menu for contact persons"),
    start="menu",
    steps=(
        Step(
            name="menu",
            kind=StepKind.CHOICE,
            slot="menu_choice",
            prompt=N_("You are registered as a contact person. What would you like to do?"),
            options=(
                Option("cases", N_("My cases"), synonyms=("zaken", "meldingen", "cases")),
                Option(
                    "report",
                    N_("Report something myself"),
                    intents=("report_online_threat", "report_aggression", "report_niet_pluis"),
                ),
                Option("privacy", N_("Privacy: who sees what?"), intents=("ask_privacy",)),
            ),
            next={
                "cases": FLOW_PREFIX + "cases",
                "report": FLOW_PREFIX + "menu",
                "privacy": FLOW_PREFIX + "privacy",
            },
        ),
    ),
)


def _info_flow(name: str, title: str, renderer: str) -> Flow:
    return Flow(
        name=name,
        title=title,
        start="show",
        steps=(
            Step(
                name="show",
                kind=StepKind.INFO,
                prompt="",
                render=renderer,
                next=EXIT_MENU,
            ),
        ),
    )


STATUS = _info_flow("status", N_("Status of my reports"), "status")
PRIVACY = _info_flow("privacy", N_("Privacy"), "privacy")
AFTERCARE = _info_flow("aftercare", N_("Support"), "aftercare")

CASES = Flow(
    name="cases",
    title=N_("My cases"),
    start="case_list",
    steps=(
        Step(
            name="case_list",
            kind=StepKind.CHOICE,
            slot="case_code",
            prompt=N_("Which case do you want to read?"),
            render="case_list",
            options=(Option("menu", N_("Back to the menu"), synonyms=("menu", "terug")),),
            options_from="my_cases",
            next={"menu": EXIT_MENU, "*": "case_view"},
        ),
        Step(
            name="case_view",
            kind=StepKind.CHOICE,
            slot="case_nav",
            prompt=N_("What next?"),
            render="case_view",
            options=(
                Option("list", N_("Back to my cases"), synonyms=("lijst", "list")),
                Option("menu", N_("Back to the menu"), synonyms=("menu",)),
            ),
            next={"list": "case_list", "menu": EXIT_MENU},
        ),
    ),
)

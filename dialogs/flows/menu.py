"""Start menus (melder and aanspreekpunt) and the short informational flows."""

from __future__ import annotations

from dialogs.flow import EXIT_MENU, FLOW_PREFIX, Audience, Flow, Option, Step, StepKind
from dialogs.i18n import N_

MENU = Flow(
    name="menu",
    title=N_("Menu"),
    menu_for=Audience.MELDER,
    idle=True,
    start="menu",
    steps=(
        Step(
            name="menu",
            kind=StepKind.CHOICE,
            slot="menu_choice",
            prompt=N_("What would you like to do?"),
            options=(
                Option(
                    "receipt",
                    N_("Receipt of the report I just sent"),
                    synonyms=("ontvangstbewijs", "bewijs van ontvangst", "receipt"),
                ),
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
            # The receipt only right after a report was sent from this chat.
            options_filter="melder_menu",
            # "ik wil nog wat toevoegen aan mijn melding": straight to that report.
            takes_words="own_report_wish",
            next={
                "receipt": "receipt",
                "online": FLOW_PREFIX + "online_threat",
                "aggression": FLOW_PREFIX + "aggression",
                "niet_pluis": FLOW_PREFIX + "niet_pluis",
                "aftercare": FLOW_PREFIX + "aftercare",
                "status": FLOW_PREFIX + "status",
                "privacy": FLOW_PREFIX + "privacy",
            },
        ),
        Step(name="receipt", kind=StepKind.INFO, prompt="", render="sent_receipt", next=EXIT_MENU),
    ),
)

CONTACT_MENU = Flow(
    name="contact_menu",
    title=N_("Menu for contact persons"),
    menu_for=Audience.CONTACT,
    idle=True,
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
                Option(
                    "alerts",
                    N_("Acute danger alerts"),
                    synonyms=("alarm", "alarmen", "acuut gevaar", "alerts"),
                ),
                Option("privacy", N_("Privacy: who sees what?"), intents=("ask_privacy",)),
            ),
            # Alerts only for security (the contacts alerted on acute danger).
            options_filter="contact_menu",
            next={
                "cases": FLOW_PREFIX + "cases",
                "alerts": FLOW_PREFIX + "alerts",
                "report": FLOW_PREFIX + "menu",
                "privacy": FLOW_PREFIX + "privacy",
            },
        ),
    ),
)


PRIVACY = Flow(
    name="privacy",
    title=N_("Privacy"),
    idle=True,
    command="privacy",
    start="show",
    steps=(
        Step(name="show", kind=StepKind.INFO, prompt="", render="privacy", next="choose"),
        Step(
            name="choose",
            kind=StepKind.CHOICE,
            slot="privacy_choice",
            prompt=N_("You can get a copy of your data, or have it deleted."),
            options=(
                Option(
                    "export",
                    N_("Send me a copy of my data"),
                    synonyms=("export", "kopie", "inzien"),
                    effect="export_my_data",
                ),
                Option(
                    "delete",
                    N_("Delete my data"),
                    intents=("delete_data",),
                    synonyms=("verwijderen", "wissen", "delete"),
                ),
                Option("menu", N_("Back to the menu"), synonyms=("menu", "terug")),
            ),
            next={"export": EXIT_MENU, "delete": "delete_confirm", "menu": EXIT_MENU},
        ),
        Step(
            name="delete_confirm",
            kind=StepKind.CHOICE,
            slot="delete_confirmed",
            careful=True,
            prompt=N_(
                "This deletes all reports you made from this chat, with your answers, "
                "evidence and messages. It cannot be undone, and check-ins stop. The contact "
                "persons are told that you withdrew your report, not why. Are you sure?"
            ),
            options=(
                Option(
                    "yes",
                    N_("Yes, delete everything"),
                    intents=("affirm",),
                    synonyms=("ja", "yes"),
                    effect="delete_my_data",
                ),
                Option("no", N_("No, keep it"), intents=("deny",), synonyms=("nee", "no")),
            ),
            next={"yes": EXIT_MENU, "no": EXIT_MENU},
        ),
    ),
)

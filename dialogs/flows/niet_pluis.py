"""Sharing a niet-pluis-gevoel: talk it through or report, always to an aandachtsfunctionaris."""

from __future__ import annotations

from dialogs import texts
from dialogs.flow import Flow, Offer, Option, Resume, Step, StepKind
from dialogs.flows.common import ANONYMITY, EDIT_FIELD, SUMMARY, name_step, team_step
from dialogs.i18n import N_

FEELING = Step(
    name="what",
    kind=StepKind.TEXT,
    slot="description",
    summary_label=N_("What gives you this feeling"),
    prompt=N_(
        "A niet-pluis-gevoel is a signal to take seriously, even if you are not sure. "
        "What gives you this feeling? Describe what you saw or heard yourself."
    ),
    offer=Offer.OPENING,
    story=True,
    min_length=3,
    next="about",
)

ABOUT = Step(
    name="about",
    kind=StepKind.CHOICE,
    slot="about",
    summary_label=N_("About"),
    prompt=N_("What is it about?"),
    options=(
        Option("situation", N_("A situation"), synonyms=("situatie", "situation")),
        Option("client", N_("A patient or client"), synonyms=("client", "cliënt", "patient")),
        Option(
            "colleague",
            N_("How a colleague treats a client"),
            synonyms=("collega", "colleague"),
        ),
        Option("other", N_("Something else"), synonyms=("anders", "other")),
    ),
    next="mode",
)

MODE = Step(
    name="mode",
    kind=StepKind.CHOICE,
    slot="niet_pluis_mode",
    summary_label=N_("What you want"),
    prompt=N_(
        "You decide what happens. Do you want to talk it through with an "
        "aandachtsfunctionaris first, or make a formal report straight away?"
    ),
    options=(
        Option(
            "bespreken",
            N_("Talk it through first"),
            synonyms=("bespreken", "praten", "talk"),
        ),
        Option("melden", N_("Report it"), synonyms=("melden", "report")),
    ),
    next="anonymity",
)

NIET_PLUIS = Flow(
    name="niet_pluis",
    title=N_("Niet-pluis-gevoel"),
    kind="niet_pluis",
    resume=Resume.WELCOME_BACK,
    announce=texts.FLOW_STARTED["niet_pluis"],
    start="what",
    steps=(
        FEELING,
        ABOUT,
        MODE,
        ANONYMITY,
        name_step("team"),
        team_step("summary"),
        SUMMARY,
        EDIT_FIELD,
    ),
)

"""Sharing a niet-pluis-gevoel: talk it through or report, always to an aandachtsfunctionaris."""

from __future__ import annotations

from dialogs import fields, texts
from dialogs.flow import Flow, Offer, Resume, Step, StepKind
from dialogs.flows.common import (
    ANONYMITY,
    EDIT_FIELD,
    SUMMARY,
    name_step,
    team_step,
    understood_steps,
)
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
    doubt="story",
    effect="read_story",
    min_length=3,
    next="understood",
)

ABOUT = Step(
    name="about",
    kind=StepKind.CHOICE,
    slot="about",
    prompt=N_("What is it about?"),
    options=fields.ABOUT_OPTIONS,
    rule="about",
    next="mode",
)

MODE = Step(
    name="mode",
    kind=StepKind.CHOICE,
    slot="niet_pluis_mode",
    prompt=N_(
        "You decide what happens. Do you want to talk it through with an "
        "aandachtsfunctionaris first, or make a formal report straight away?"
    ),
    options=fields.MODE_OPTIONS,
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
        *understood_steps("about"),
        ABOUT,
        MODE,
        ANONYMITY,
        name_step("team"),
        team_step("summary"),
        SUMMARY,
        EDIT_FIELD,
    ),
)

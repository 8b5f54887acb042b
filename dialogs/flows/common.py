"""Steps shared by the report flows: what was understood from the story, anonymity, name,
team, aanspreekpunt, summary."""

from __future__ import annotations

from dialogs import facttexts
from dialogs.flow import EXIT_MENU, EXIT_SUBMIT, Offer, Option, Step, StepKind
from dialogs.i18n import N_


def understood_steps(next_step: str) -> tuple[Step, Step]:
    """After the story: confirm in one message what it told ("Ik heb begrepen: ...
    Klopt dat?"), skipped when it told nothing; 'no' picks the item that is not right,
    whose question is then asked in its place."""
    confirm = Step(
        name="understood",
        kind=StepKind.CHOICE,
        slot="understood",
        prompt=facttexts.IS_THAT_RIGHT,
        render="understood",
        render_with_prompt=True,
        review=True,
        skip_when="nothing_understood",
        rule="understood_answer",
        on_unknown="told_more",
        options=(
            Option(
                "yes",
                facttexts.YES,
                intents=("affirm",),
                synonyms=("ja", "klopt", "ja klopt", "yes", "correct", "dat klopt", "that's right"),
                effect="accept_facts",
            ),
            Option(
                "fix",
                facttexts.FIX,
                intents=("deny",),
                synonyms=("nee", "no", "klopt niet", "verbeteren", "aanpassen", "wrong"),
                effect="correct_in_words",
            ),
        ),
        outcomes={"corrected": next_step},
        next={"fix": "fix_fact", "*": next_step},
    )
    fix = Step(
        name="fix_fact",
        kind=StepKind.CHOICE,
        slot="fix_fact",
        prompt=facttexts.FIX_WHICH,
        options_from="understood_items",
        options=(
            Option(
                "none",
                facttexts.NOTHING_WRONG,
                synonyms=("toch goed", "klopt toch", "alles klopt", "all right", "never mind"),
            ),
        ),
        rule="understood_item",
        review=True,
        effect="drop_fact",
        next=next_step,
    )
    return confirm, fix


ANONYMITY = Step(
    name="anonymity",
    kind=StepKind.CHOICE,
    slot="anonymous",
    rule="anonymity",
    prompt=N_(
        "Do you want to report anonymously or with your name?\n"
        "• Anonymous: your organisation does not see who you are. The contact person can "
        "still ask you questions through this chat. Note: what you describe may show who "
        "you are, and the messenger (Telegram or the Matrix server) knows that you talk "
        "to this bot.\n"
        "• With your name: the contact person sees your name and can contact you directly. "
        "That makes help and follow-up easier."
    ),
    options=(
        Option(
            "anonymous",
            N_("Anonymous"),
            value=True,
            intents=("want_anonymous",),
            synonyms=("anoniem", "anonymous", "zonder naam"),
            clears=("reporter_name",),
        ),
        Option(
            "named",
            N_("With my name"),
            value=False,
            intents=("want_named",),
            synonyms=("met naam", "met mijn naam", "named", "with name"),
        ),
    ),
    next={"anonymous": "team", "named": "name"},
)


def name_step(next_step: str) -> Step:
    """Ask the name of a melder who reports with their name."""
    return Step(
        name="name",
        kind=StepKind.TEXT,
        slot="reporter_name",
        prompt=N_("What name may the contact person see? Type your name."),
        doubt="name",
        offer=Offer.PROFILE_NAME,
        min_length=2,
        max_length=120,
        next=next_step,
    )


def team_step(next_step: str) -> Step:
    """Ask the team or location (skipped when the organisation has only one)."""
    return Step(
        name="team",
        kind=StepKind.CHOICE,
        slot="team",
        prompt=N_(
            "In which team or at which location do you work? That helps to send your "
            "report to the right person. You may also skip this."
        ),
        options_from="teams",
        skip_when="single_team",
        next=next_step,
    )


CONTACT_PREFERENCE = Step(
    name="contact_pref",
    kind=StepKind.CHOICE,
    slot="preferred_role",
    prompt=N_(
        "Who would you like to receive your report? An aandachtsfunctionaris is never your "
        "line manager."
    ),
    options_from="roles",
    next="line_manager",
)

LINE_MANAGER = Step(
    name="line_manager",
    kind=StepKind.CHOICE,
    slot="exclude_line_manager",
    prompt=N_("Your report may also reach your own line manager. Is that all right?"),
    options=(
        Option(
            "allow",
            N_("Yes, that is fine"),
            value=False,
            intents=("affirm",),
            synonyms=("ja", "yes", "prima", "goed"),
        ),
        Option(
            "exclude",
            N_("No, not to my line manager"),
            value=True,
            intents=("deny",),
            synonyms=("nee", "no", "niet naar mijn leidinggevende"),
        ),
    ),
    skip_when="line_manager_not_involved",
    next="summary",
)

SUMMARY = Step(
    name="summary",
    kind=StepKind.CHOICE,
    slot="confirmed",
    prompt=N_("Is this correct?"),
    render="summary",
    review=True,
    options=(
        Option(
            "confirm",
            N_("Yes, send it"),
            intents=("affirm",),
            synonyms=("ja", "yes", "verstuur", "versturen", "send", "klopt"),
        ),
        Option("edit", N_("Change something"), synonyms=("aanpassen", "wijzigen", "change")),
        Option("cancel", N_("Stop, do not send"), intents=("cancel",), cancels=True),
    ),
    next={"confirm": EXIT_SUBMIT, "edit": "edit_field", "cancel": EXIT_MENU},
)

EDIT_FIELD = Step(
    name="edit_field",
    kind=StepKind.CHOICE,
    slot="edit_target",
    prompt=N_("What do you want to change?"),
    options_from="editable_steps",
    picks_step=True,
    next="summary",
)

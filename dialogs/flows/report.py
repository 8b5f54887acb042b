"""The report flows for an online threat and for in-person aggression (DESIGN.md §4)."""

from __future__ import annotations

from dialogs import fields, texts
from dialogs.flow import Flow, Offer, Option, Resume, Step, StepKind
from dialogs.flows.common import (
    ANONYMITY,
    CONTACT_PREFERENCE,
    EDIT_FIELD,
    LINE_MANAGER,
    SUMMARY,
    name_step,
    team_step,
    understood_steps,
)
from dialogs.i18n import N_

WHAT = Step(
    name="what",
    kind=StepKind.TEXT,
    slot="description",
    prompt=N_(
        "What happened? Tell it in your own words: what did you see or hear yourself, and "
        "what exactly was said or written? Facts first; how you feel about it comes later."
    ),
    offer=Offer.OPENING,
    story=True,
    doubt="story",
    effect="read_story",
    min_length=3,
    next="understood",
)

WHEN = Step(
    name="when",
    kind=StepKind.CHOICE,
    slot="occurred_choice",
    free_text_slot="occurred",
    doubt="when",
    prompt=N_(
        "When did it happen? Choose below or type a date and time, for example "
        "'3 March around 14:00'."
    ),
    options=fields.WHEN_OPTIONS,
    effect="resolve_when",
    next="where",
)

PLATFORM = Step(
    name="where",
    kind=StepKind.CHOICE,
    slot="platform",
    free_text_slot="platform_text",
    prompt=N_("Where did it happen? Choose the platform, app or medium."),
    options=fields.PLATFORM_OPTIONS,
    entity="platform",
    next="handle",
)

HANDLE = Step(
    name="handle",
    kind=StepKind.TEXT,
    slot="handle",
    doubt="handle",
    prompt=N_(
        "Do you know the account name, phone number or link of the sender or the message? "
        "Type it, or choose 'I don't know'."
    ),
    options=(Option("unknown", N_("I don't know"), value="", synonyms=("weet ik niet", "nee")),),
    max_length=500,
    next="who",
)

LOCATION = Step(
    name="where",
    kind=StepKind.CHOICE,
    slot="location_kind",
    free_text_slot="location",
    prompt=N_("Where did it happen? Choose below or type the place."),
    options=fields.LOCATION_OPTIONS,
    next="aro",
)

ARO = Step(
    name="aro",
    kind=StepKind.CHOICE,
    slot="aro_category",
    prompt=N_("What kind of aggression was it?"),
    options=fields.ARO_OPTIONS,
    next="who",
)

WHO = Step(
    name="who",
    kind=StepKind.CHOICE,
    slot="perpetrator_relation",
    free_text_slot="perpetrator_text",
    entity="perpetrator_relation",
    doubt="who",
    prompt=N_("Who did it?"),
    options=fields.RELATION_OPTIONS,
    next="evidence",
)

EVIDENCE = Step(
    name="evidence",
    kind=StepKind.EVIDENCE,
    slot="evidence_done",
    summary_label=N_("Evidence"),
    prompt=N_(
        "Do you have evidence, such as screenshots, photos, files or links? Send them here, "
        "one by one. Tip: take screenshots that show the date, time and link, and do not "
        "delete the messages. Choose 'Done' when you have sent everything, or if you have "
        "nothing."
    ),
    options=(Option("done", N_("Done"), synonyms=("klaar", "done", "geen", "nee", "none", "no")),),
    next="impact",
)

IMPACT = Step(
    name="impact",
    kind=StepKind.CHOICE,
    slot="impact",
    prompt=N_("How are you doing now? 1 is very bad, 5 is good."),
    options=(
        Option(
            "1",
            N_("1 - very bad"),
            value=1,
            reply=N_(
                "I'm sorry you are feeling so bad. At the end you will get contacts for "
                "support. If you want to talk to someone right now, call your "
                "vertrouwenspersoon or Slachtofferhulp Nederland: 0900-0101."
            ),
        ),
        Option(
            "2",
            N_("2 - bad"),
            value=2,
            reply=N_("I'm sorry to hear that. At the end you will get contacts for support."),
        ),
        Option("3", N_("3 - so-so"), value=3),
        Option("4", N_("4 - fairly well"), value=4),
        Option("5", N_("5 - good"), value=5),
    ),
    next="anonymity",
)


def _report_flow(name: str, title: str, where: tuple[Step, ...]) -> Flow:
    return Flow(
        name=name,
        title=title,
        kind=name,
        # "het gaat nog steeds door" at "when?" of online threats: that they go on
        ongoing_urgent=name != "online_threat",
        resume=Resume.WELCOME_BACK,
        announce=texts.FLOW_STARTED[name],
        start="what",
        steps=(
            WHAT,
            *understood_steps("when"),
            WHEN,
            *where,
            WHO,
            EVIDENCE,
            IMPACT,
            ANONYMITY,
            name_step("team"),
            team_step("contact_pref"),
            CONTACT_PREFERENCE,
            LINE_MANAGER,
            SUMMARY,
            EDIT_FIELD,
        ),
    )


ONLINE_THREAT = _report_flow("online_threat", N_("Online threat"), (PLATFORM, HANDLE))
AGGRESSION = _report_flow("aggression", N_("Aggression or threat at work"), (LOCATION, ARO))

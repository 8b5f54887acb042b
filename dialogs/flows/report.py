"""The report flows for an online threat and for in-person aggression (DESIGN.md §4)."""

from __future__ import annotations

from dialogs import texts
from dialogs.flow import Flow, Offer, Option, Resume, Step, StepKind
from dialogs.flows.common import (
    ANONYMITY,
    CONTACT_PREFERENCE,
    EDIT_FIELD,
    LINE_MANAGER,
    SUMMARY,
    name_step,
    team_step,
)
from dialogs.i18n import N_

WHAT = Step(
    name="what",
    kind=StepKind.TEXT,
    slot="description",
    summary_label=N_("What happened"),
    prompt=N_(
        "What happened? Tell it in your own words: what did you see or hear yourself, and "
        "what exactly was said or written? Facts first; how you feel about it comes later."
    ),
    offer=Offer.OPENING,
    story=True,
    min_length=3,
    next="when",
)

WHEN = Step(
    name="when",
    kind=StepKind.CHOICE,
    slot="occurred_choice",
    free_text_slot="occurred",
    summary_label=N_("When"),
    prompt=N_(
        "When did it happen? Choose below or type a date and time, for example "
        "'3 March around 14:00'."
    ),
    options=(
        Option("today", N_("Today"), synonyms=("vandaag", "today", "net", "zojuist")),
        Option("yesterday", N_("Yesterday"), synonyms=("gisteren", "yesterday")),
        Option("this_week", N_("Earlier this week"), synonyms=("deze week", "this week")),
        Option("earlier", N_("Longer ago"), synonyms=("langer geleden", "longer ago")),
        Option("ongoing", N_("It is still going on"), synonyms=("nog steeds", "still")),
    ),
    next="where",
)

PLATFORMS: tuple[tuple[str, str, tuple[str, ...]], ...] = (
    ("instagram", N_("Instagram"), ("insta", "ig")),
    ("facebook", N_("Facebook"), ("fb",)),
    ("x", N_("X (Twitter)"), ("twitter",)),
    ("tiktok", N_("TikTok"), ()),
    ("whatsapp", N_("WhatsApp"), ("app", "whatsap")),
    ("telegram", N_("Telegram"), ()),
    ("snapchat", N_("Snapchat"), ("snap",)),
    ("linkedin", N_("LinkedIn"), ()),
    ("youtube", N_("YouTube"), ()),
    ("e-mail", N_("E-mail"), ("mail", "email")),
    ("sms", N_("Text message (SMS)"), ("sms", "sms'je")),
    ("telefoon", N_("Phone call"), ("telefoon", "gebeld", "phone")),
    ("google-reviews", N_("Google reviews"), ("google", "review")),
    ("other", N_("Somewhere else"), ("anders", "other", "ergens anders")),
)

PLATFORM = Step(
    name="where",
    kind=StepKind.CHOICE,
    slot="platform",
    free_text_slot="platform_text",
    summary_label=N_("Where"),
    prompt=N_("Where did it happen? Choose the platform, app or medium."),
    options=tuple(Option(pid, label, synonyms=syn) for pid, label, syn in PLATFORMS),
    entity="platform",
    next="handle",
)

HANDLE = Step(
    name="handle",
    kind=StepKind.TEXT,
    slot="handle",
    summary_label=N_("Account or link"),
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
    summary_label=N_("Where"),
    prompt=N_("Where did it happen? Choose below or type the place."),
    options=(
        Option("ward", N_("At my workplace or ward"), synonyms=("afdeling", "werkplek", "ward")),
        Option("home_visit", N_("On a home visit"), synonyms=("huisbezoek", "bij iemand thuis")),
        Option("reception", N_("At the reception or desk"), synonyms=("receptie", "balie")),
        Option("outside", N_("Outside, for example the car park"), synonyms=("buiten",)),
        Option("other", N_("Somewhere else"), synonyms=("anders", "other")),
    ),
    next="aro",
)

ARO = Step(
    name="aro",
    kind=StepKind.CHOICE,
    slot="aro_category",
    summary_label=N_("Type of aggression"),
    prompt=N_("What kind of aggression was it?"),
    options=(
        Option(
            "verbaal",
            N_("Verbal: shouting, swearing, threatening words"),
            synonyms=("verbaal", "verbal", "schelden", "uitschelden"),
        ),
        Option(
            "persoonlijk",
            N_("Personal: intimidation, discrimination, stalking, sexual remarks"),
            synonyms=("persoonlijk", "personal", "intimidatie"),
        ),
        Option(
            "fysiek",
            N_("Physical: hitting, kicking, spitting, grabbing, throwing things"),
            synonyms=("fysiek", "physical", "slaan", "schoppen"),
        ),
    ),
    next="who",
)

WHO = Step(
    name="who",
    kind=StepKind.CHOICE,
    slot="perpetrator_relation",
    free_text_slot="perpetrator_text",
    entity="perpetrator_relation",
    summary_label=N_("Who did it"),
    prompt=N_("Who did it?"),
    options=(
        Option("patient", N_("A patient or client"), synonyms=("patient", "cliënt", "client")),
        Option(
            "naaste",
            N_("A relative or friend of a patient"),
            synonyms=("familie", "familielid", "naaste", "relative"),
        ),
        Option("bezoeker", N_("A visitor"), synonyms=("bezoeker", "visitor")),
        Option("onbekend", N_("Someone I don't know"), synonyms=("onbekend", "stranger")),
    ),
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
    summary_label=N_("How you are doing"),
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
        resume=Resume.WELCOME_BACK,
        announce=texts.FLOW_STARTED[name],
        start="what",
        steps=(
            WHAT,
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

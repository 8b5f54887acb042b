"""The fields of a report, each declared once.

A field states its name (the slot a step fills, the key in exports), its type, the
label it has in summaries, its options, whether it holds the melder's own words (then
it is encrypted at rest), how it is exported, whether statistics count it, and how it
may be read from free text. The summary, the stored case, `cases export` (JSON and
CSV), the AVG data copy and the quarterly statistics are all derived from `FIELDS`.

Adding a question: declare its field here, add a step with that slot to a flow in
dialogs/flows/, and add the texts to the catalogs (`make extract`).
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass
from enum import StrEnum
from typing import Any

from dialogs.flow import Option
from dialogs.i18n import N_


class FieldType(StrEnum):
    """What a field holds."""

    CHOICE = "choice"  # one option id
    TEXT = "text"  # words
    NUMBER = "number"  # a whole number (the 1-5 scale)
    FLAG = "flag"  # yes or no


class Storage(StrEnum):
    """Where a case keeps a field."""

    FACT = "fact"  # with the case's answers in plain form: enums, numbers, flags
    ENCRYPTED = "encrypted"  # encrypted with the melder's own words
    COLUMN = "column"  # a column of its own that handling needs (anonymous)


@dataclass(frozen=True)
class ReportField:
    """One answer a report can hold.

    `own_words` names the free-text field that replaces this choice when the melder
    answered in their own words; `display` names a way of showing the value that the
    options alone cannot give (see dialogs.render); `statistic` is the section of the
    quarterly statistics that counts it, with its title; `extract` names the fact
    extractor (`nlu.facts.EXTRACTORS`) that reads the value from the melder's story, so
    its question is not asked again (an unknown name is refused when flows are built);
    `named_only` fields are dropped from anonymous reports; `export_or` is exported when
    this field is empty; `case_label` is its label in the aanspreekpunt's case view and
    notices (None: not shown there as a fact); `missing` is what statistics count when it
    was not given; `alert` fields say where the melder is in an acute-danger alert (by
    `case_label`); `appended` fields came after the first release and are the last CSV
    columns, so readers that go by column position keep working.
    """

    name: str
    label: str
    type: FieldType
    storage: Storage = Storage.FACT
    options: tuple[Option, ...] = ()
    own_words: str | None = None
    display: str | None = None
    statistic: tuple[str, str] | None = None
    extract: str | None = None
    csv: bool = True
    named_only: bool = False
    export_or: str | None = None
    case_label: str | None = None
    missing: str | None = None
    alert: bool = False
    appended: bool = False
    named_by: tuple[str, ...] = ()

    def option_label(self, value: object) -> str | None:
        """The label (a msgid) of the option stored as `value`, if any."""
        return next((o.label for o in self.options if o.stored == value), None)


@dataclass(frozen=True)
class Fields:
    """The report fields, in the order summaries and exports show them."""

    all: tuple[ReportField, ...]

    def __post_init__(self) -> None:
        names = [f.name for f in self.all]
        if twice := {n for n in names if names.count(n) > 1}:
            raise ValueError(f"report fields declared twice: {sorted(twice)}")

    def __iter__(self) -> Iterator[ReportField]:
        return iter(self.all)

    def __contains__(self, name: object) -> bool:
        return any(f.name == name for f in self.all)

    def get(self, name: str) -> ReportField | None:
        """The field with this name, if there is one."""
        return next((f for f in self.all if f.name == name), None)

    def with_fields(self, *extra: ReportField) -> Fields:
        """These fields and more (a test flow, an organisation's own question)."""
        return Fields((*self.all, *extra))

    def stored(self, storage: Storage) -> tuple[ReportField, ...]:
        """The fields a case keeps in one place."""
        return tuple(f for f in self.all if f.storage is storage)

    def statistics(self) -> tuple[tuple[str, str, ReportField], ...]:
        """(section, title, field) for every field the quarterly statistics count."""
        return tuple((*f.statistic, f) for f in self.all if f.statistic)

    def split(
        self, slots: Mapping[str, Any], *, anonymous: bool
    ) -> tuple[dict[str, Any], dict[str, Any]]:
        """A confirmed report's answers as (facts, secrets): what a case stores."""
        facts: dict[str, Any] = {}
        secrets: dict[str, Any] = {}
        for field in self.all:
            value = slots.get(field.name)
            if value in (None, "") or (field.named_only and anonymous):
                continue
            if field.storage is Storage.FACT:
                facts[field.name] = value
            elif field.storage is Storage.ENCRYPTED:
                secrets[field.name] = value
        return facts, secrets


def _options(items: Iterable[tuple[str, str, tuple[str, ...]]]) -> tuple[Option, ...]:
    return tuple(Option(oid, label, synonyms=syn) for oid, label, syn in items)


#: The field of who did it: a colleague named there gets a word on where that belongs.
RELATION = "perpetrator_relation"

#: The answer to "when?" that it is still going on.
ONGOING_OPTION = "ongoing"

WHEN_OPTIONS = _options(
    (
        ("today", N_("Today"), ("vandaag", "today", "net", "zojuist")),
        ("yesterday", N_("Yesterday"), ("gisteren", "yesterday")),
        ("this_week", N_("In the past week"), ("deze week", "this week", "afgelopen week")),
        ("earlier", N_("Longer ago"), ("langer geleden", "longer ago")),
        (ONGOING_OPTION, N_("It is still going on"), ("nog steeds", "still")),
    )
)

PLATFORM_OPTIONS = _options(
    (
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
)

#: The place option an acute-danger alert uses when the melder's message tells of a home
#: visit ("ik ben op huisbezoek en ...").
HOME_VISIT = "home_visit"

LOCATION_OPTIONS = _options(
    (
        ("ward", N_("At my workplace or ward"), ("afdeling", "werkplek", "ward")),
        (HOME_VISIT, N_("On a home visit"), ("huisbezoek", "bij iemand thuis")),
        ("reception", N_("At the reception or desk"), ("receptie", "balie")),
        ("outside", N_("Outside, for example the car park"), ("buiten",)),
        ("other", N_("Somewhere else"), ("anders", "other")),
    )
)

ARO_OPTIONS = _options(
    (
        (
            "verbaal",
            N_("Verbal: shouting, swearing, threatening words"),
            ("verbaal", "verbal", "schelden", "uitschelden"),
        ),
        (
            "persoonlijk",
            N_("Personal: intimidation, discrimination, stalking, sexual remarks"),
            ("persoonlijk", "personal", "intimidatie"),
        ),
        (
            "fysiek",
            N_("Physical: hitting, kicking, spitting, grabbing, throwing things"),
            ("fysiek", "physical", "slaan", "schoppen"),
        ),
    )
)

RELATION_OPTIONS = _options(
    (
        ("patient", N_("A patient or client"), ("patient", "cliënt", "client")),
        (
            "naaste",
            N_("A relative or friend of a patient"),
            ("familie", "familielid", "naaste", "relative"),
        ),
        ("bezoeker", N_("A visitor"), ("bezoeker", "visitor")),
        ("onbekend", N_("Someone I don't know"), ("onbekend", "stranger")),
    )
)

ABOUT_OPTIONS = _options(
    (
        ("situation", N_("A situation"), ("situatie", "situation")),
        ("client", N_("A patient or client"), ("client", "cliënt", "patient")),
        ("colleague", N_("How a colleague treats a client"), ("collega", "colleague")),
        ("other", N_("Something else"), ("anders", "other")),
    )
)

MODE_OPTIONS = _options(
    (
        ("bespreken", N_("Talk it through first"), ("bespreken", "praten", "talk")),
        ("melden", N_("Report it"), ("melden", "report")),
    )
)

TEXT, CHOICE = FieldType.TEXT, FieldType.CHOICE

# Words that name a field in a correction. "waar" names the platform of an online threat
# and the place of aggression (a report asks only one of them).
_WHEN_NAMES = (
    "tijd", "tijdstip", "datum", "dag", "wanneer", "uur", "moment", "ochtend", "middag",
    "avond", "nacht", "time", "date", "day", "when", "morning", "afternoon", "evening",
    "night",
)  # fmt: skip
_HANDLE_WORDS = (
    "account", "nummer", "link", "handle", "gebruikersnaam", "username", "number", "adres",
    "address",
)  # fmt: skip
_WHO_WORDS = ("wie", "dader", "persoon", "relatie", "who", "person", "perpetrator", "relation")

FIELDS = Fields(
    (
        ReportField(
            "anonymous",
            N_("Reported"),
            FieldType.FLAG,
            Storage.COLUMN,
            display="anonymity",
            extract="anonymous",
            named_by=("anoniem", "naam", "anonymous", "anonymity", "name"),
        ),
        ReportField(
            "reporter_name",
            N_("Your name"),
            TEXT,
            Storage.ENCRYPTED,
            named_only=True,
            extract="reporter_name",
        ),
        ReportField(
            "description",
            N_("What happened"),
            TEXT,
            Storage.ENCRYPTED,
            named_by=("verhaal", "beschrijving", "omschrijving", "story", "description"),
        ),
        ReportField("occurred", N_("When"), TEXT, Storage.ENCRYPTED, export_or="occurred_choice"),
        ReportField(
            "occurred_choice",
            N_("When"),
            CHOICE,
            options=WHEN_OPTIONS,
            own_words="occurred",
            display="moment",
            csv=False,
            case_label=N_("When"),
            extract="when",
            named_by=_WHEN_NAMES,
        ),
        ReportField(
            "platform",
            N_("Where"),
            CHOICE,
            options=PLATFORM_OPTIONS,
            own_words="platform_text",
            statistic=("by_platform", "Platform (online threats)"),
            case_label=N_("Where"),
            extract="platform",
            named_by=("platform", "app", "medium", "waar", "plaats", "plek", "where", "place"),
        ),
        ReportField("platform_text", N_("Where"), TEXT, Storage.ENCRYPTED),
        ReportField(
            "handle",
            N_("Account or link"),
            TEXT,
            Storage.ENCRYPTED,
            case_label=N_("Account or link"),
            extract="handle",
            named_by=_HANDLE_WORDS,
        ),
        ReportField(
            "location_kind",
            N_("Where"),
            CHOICE,
            options=LOCATION_OPTIONS,
            own_words="location",
            case_label=N_("Where"),
            alert=True,
            extract="location_kind",
            named_by=("plaats", "plek", "locatie", "waar", "where", "place", "location"),
        ),
        ReportField("location", N_("Where"), TEXT, Storage.ENCRYPTED),
        ReportField(
            "aro_category",
            N_("Type of aggression"),
            CHOICE,
            options=ARO_OPTIONS,
            statistic=("by_aro", "ARO category (aggression)"),
            case_label=N_("Type of aggression"),
            extract="aro_category",
            named_by=("soort", "type", "agressie", "categorie", "kind", "aggression", "category"),
        ),
        ReportField(
            RELATION,
            N_("Who did it"),
            CHOICE,
            options=RELATION_OPTIONS,
            own_words="perpetrator_text",
            statistic=("by_relation", "Perpetrator relation"),
            extract="perpetrator_relation",
            case_label=N_("Who did it"),
            named_by=_WHO_WORDS,
        ),
        ReportField("perpetrator_text", N_("Who did it"), TEXT, Storage.ENCRYPTED),
        ReportField(
            "impact",
            N_("How you are doing"),
            FieldType.NUMBER,
            display="impact",
            case_label=N_("How the melder is doing"),
            named_by=("cijfer", "score", "impact"),
        ),
        ReportField(
            "about",
            N_("About"),
            CHOICE,
            options=ABOUT_OPTIONS,
            case_label=N_("About"),
            named_by=("onderwerp", "subject", "topic"),
        ),
        ReportField("niet_pluis_mode", N_("What you want"), CHOICE, options=MODE_OPTIONS),
        ReportField(
            "team",
            N_("Team or location"),
            CHOICE,
            display="team",
            statistic=("by_team", "Team or location"),
            case_label=N_("Team or location"),
            missing="unknown",
            alert=True,
            extract="team",
            named_by=("team",),
        ),
        ReportField(
            "preferred_role",
            N_("Send to"),
            CHOICE,
            display="role",
            csv=False,
            named_by=("ontvanger", "recipient", "aanspreekpunt", "contactpersoon"),
        ),
        ReportField(
            "exclude_line_manager",
            N_("Your line manager"),
            FieldType.FLAG,
            display="line_manager",
            csv=False,
            extract="exclude_line_manager",
            named_by=("leidinggevende", "manager", "baas", "boss", "supervisor"),
        ),
        # When it happened, resolved from the melder's words: "2026-12-01T16:30:00+01:00",
        # or only a date; the words stay in `occurred`. Shown through `occurred_choice`.
        ReportField("occurred_at", N_("When"), TEXT, appended=True),
    )
)

"""Tests for the organisation configuration: the example loads, broken variants are refused."""

from __future__ import annotations

import copy
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
import yaml
from pydantic import ValidationError

from dialogs.organisation import (
    AftercareConfig,
    LocalizedText,
    Organisation,
    OrganisationError,
    ReportKind,
    Role,
    load_organisation,
    localized,
    parse_organisation,
)
from dialogs.organisation_parts import may_receive

EXAMPLE = Path(__file__).resolve().parent.parent / "config" / "organisation.example.yml"
_EXAMPLE_DATA: dict[str, Any] = yaml.safe_load(EXAMPLE.read_text(encoding="utf-8"))

Data = dict[str, Any]


def example_data() -> Data:
    """A fresh, mutable copy of the example configuration."""
    return copy.deepcopy(_EXAMPLE_DATA)


def contact_entry(data: Data, contact_id: str) -> dict[str, Any]:
    return next(c for c in data["contacts"] if c["id"] == contact_id)


def write(tmp_path: Path, data: Data) -> Path:
    path = tmp_path / "organisation.yml"
    path.write_text(yaml.safe_dump(data, sort_keys=False, allow_unicode=True), encoding="utf-8")
    return path


def refusal(tmp_path: Path, data: Data) -> OrganisationError:
    with pytest.raises(OrganisationError) as excinfo:
        load_organisation(write(tmp_path, data))
    return excinfo.value


@pytest.fixture(scope="module")
def org() -> Organisation:
    return load_organisation(EXAMPLE)


# -- the example ---------------------------------------------------------------------------------


def test_example_loads(org: Organisation) -> None:
    assert org.id == "zorggroep-de-linde"
    assert org.name == "Zorggroep De Linde"
    assert org.timezone == "Europe/Amsterdam"
    assert [t.id for t in org.teams] == ["kliniek-noord", "wijkzorg-zuid", "huisartsenpost"]
    assert [c.id for c in org.contacts] == [
        "af-anna",
        "af-bram",
        "vp-carla",
        "mt-team",
        "lg-dirk",
        "lg-eva",
        "sec-frank",
        "ops-olga",
    ]
    assert org.acute_alert == ("sec-frank",)
    assert org.acknowledge_within_hours == 24
    assert org.aftercare.checkin_days == (1, 7, 28)
    assert {r.kind for r in org.routing} == set(ReportKind)
    assert {r.id for r in org.referrals} == {
        "vertrouwenspersoon",
        "bedrijfsmaatschappelijk-werk",
        "bedrijfsarts",
        "collegiale-opvang",
    }
    for referral in org.referrals:
        assert referral.name.en
        assert referral.description.en


def test_example_contacts(org: Organisation) -> None:
    anna, bram = org.contact("af-anna"), org.contact("af-bram")
    assert anna.role is Role.AANDACHTSFUNCTIONARIS
    assert not anna.line_manager
    assert anna.teams == ()
    assert anna.backup == "af-bram"
    assert bram.teams == ("wijkzorg-zuid", "huisartsenpost")
    assert bram.backup == "af-anna"
    assert org.contact("lg-dirk").line_manager
    assert org.contact("lg-dirk").teams == ("kliniek-noord",)
    assert org.contact("sec-frank").role is Role.SECURITY
    for contact in org.contacts:
        assert contact.addresses.console == contact.id
        assert contact.addresses.telegram_chat_id is not None
        matrix = contact.addresses.matrix_user_id or contact.addresses.matrix_room_id
        assert matrix is not None
        assert matrix.endswith(":example.org")


def test_lookups(org: Organisation) -> None:
    assert org.team("kliniek-noord").name.nl == "Kliniek Noord"
    with pytest.raises(KeyError):
        org.team("nope")
    with pytest.raises(KeyError):
        org.contact("nope")
    assert [c.id for c in org.acute_alert_contacts()] == ["sec-frank"]


def test_contact_for_address(org: Organisation) -> None:
    assert org.contact_for_address("console", "vp-carla") == org.contact("vp-carla")
    telegram = org.contact("af-bram").addresses.telegram_chat_id
    assert org.contact_for_address("telegram", str(telegram)) == org.contact("af-bram")
    assert org.contact_for_address("telegram", "not-a-number") is None
    assert org.contact_for_address("matrix", "@anna.devries:example.org") == org.contact("af-anna")
    assert org.contact_for_address("matrix", "!meldteam:example.org") == org.contact("mt-team")
    assert org.contact_for_address("matrix", "@nobody:example.org") is None
    assert org.contact_for_address("console", "nobody") is None
    with pytest.raises(ValueError, match="unknown channel"):
        org.contact_for_address("sms", "0612345678")


def test_roles_for_choice(org: Organisation) -> None:
    assert org.roles_for_choice() == [
        Role.AANDACHTSFUNCTIONARIS,
        Role.VERTROUWENSPERSOON,
        Role.MELDTEAM,
        Role.LEIDINGGEVENDE,
    ]
    data = example_data()
    data["contacts"] = [
        c for c in data["contacts"] if c["role"] not in ("vertrouwenspersoon", "meldteam")
    ]
    data["routing"] = [
        {"kind": kind.value, "roles": ["aandachtsfunctionaris"]} for kind in ReportKind
    ]
    data["aftercare"] = {"checkin_days": [1, 7, 28]}  # its call-back contact was removed
    assert parse_organisation(data).roles_for_choice() == [
        Role.AANDACHTSFUNCTIONARIS,
        Role.LEIDINGGEVENDE,
    ]


def test_localized_text() -> None:
    text = LocalizedText(nl="Hallo", en="Hello")
    assert localized(text, "nl") == "Hallo"
    assert localized(text, "en") == "Hello"
    assert localized(LocalizedText(nl="Alleen Nederlands"), "en") == "Alleen Nederlands"
    assert localized(text, "de") == "Hallo"
    assert localized("plain", "en") == "plain"
    assert text["en"] == "Hello"
    with pytest.raises(KeyError):
        LocalizedText(nl="x")["en"]
    # A plain string in the configuration is Dutch.
    assert LocalizedText.model_validate("Kliniek") == LocalizedText(nl="Kliniek")
    with pytest.raises(ValidationError):
        LocalizedText.model_validate({"en": "English only"})


def test_models_are_frozen_and_hashable(org: Organisation) -> None:
    with pytest.raises(ValidationError):
        org.contact("af-anna").name = "Someone else"  # type: ignore[misc]
    assert hash(org) == hash(load_organisation(EXAMPLE))


def test_checkin_days_sorted_and_unique() -> None:
    assert AftercareConfig(checkin_days=(28, 1, 7)).checkin_days == (1, 7, 28)
    with pytest.raises(ValidationError, match="more than once"):
        AftercareConfig(checkin_days=(1, 7, 7))


# -- refusals ------------------------------------------------------------------------------------


def _duplicate_contact(d: Data) -> None:
    d["contacts"].append({**contact_entry(d, "vp-carla"), "addresses": {"console": "other"}})


def _duplicate_team(d: Data) -> None:
    d["teams"].append({"id": "kliniek-noord", "name": "Nog een kliniek"})


def _no_independent_af(d: Data) -> None:
    contact_entry(d, "af-anna")["line_manager"] = True
    contact_entry(d, "af-bram")["line_manager"] = True


def _no_af(d: Data) -> None:
    d["contacts"] = [c for c in d["contacts"] if c["role"] != "aandachtsfunctionaris"]
    for c in d["contacts"]:
        c.pop("backup", None)
    d["routing"] = [{"kind": "niet_pluis", "roles": ["aandachtsfunctionaris"]}]


def _team_specific_aggression(d: Data) -> None:
    for rule in d["routing"]:
        if rule["kind"] == "aggression":
            rule["teams"] = ["kliniek-noord", "wijkzorg-zuid", "huisartsenpost"]


BROKEN: list[tuple[str, Callable[[Data], None], list[str]]] = [
    (
        "duplicate contact id",
        _duplicate_contact,
        ["contacts[8]", "duplicate contact id 'vp-carla'"],
    ),
    ("duplicate team id", _duplicate_team, ["teams[3]", "duplicate team id 'kliniek-noord'"]),
    (
        "unknown team of contact",
        lambda d: contact_entry(d, "af-bram").update(teams=["wijkzorg-zuid", "kliniek-west"]),
        ["contacts[1] (af-bram)", "team 'kliniek-west' is not defined"],
    ),
    (
        "unknown team of rule",
        lambda d: d["routing"][1].update(teams=["kliniek-west"]),
        ["routing[1]", "aggression [kliniek-west]", "team 'kliniek-west' is not defined"],
    ),
    (
        "unknown backup",
        lambda d: contact_entry(d, "vp-carla").update(backup="af-zoe"),
        ["contacts[2] (vp-carla)", "backup 'af-zoe' is not a contact id"],
    ),
    (
        "backup is self",
        lambda d: contact_entry(d, "af-bram").update(backup="af-bram"),
        ["contacts[1]", "contact 'af-bram' names itself as backup"],
    ),
    (
        "backup is security",
        lambda d: contact_entry(d, "af-bram").update(backup="sec-frank"),
        ["contacts[1] (af-bram)", "backup 'sec-frank' has role security"],
    ),
    (
        "unknown acute alert contact",
        lambda d: d.update(acute_alert=["sec-frank", "sec-gert"]),
        ["acute_alert[1]", "'sec-gert' is not a contact id"],
    ),
    (
        "no aandachtsfunctionaris who is not a line manager",
        _no_independent_af,
        ["no contact with role aandachtsfunctionaris and line_manager false"],
    ),
    ("no aandachtsfunctionaris at all", _no_af, ["no contact with role aandachtsfunctionaris"]),
    (
        "leidinggevende who is not a line manager",
        lambda d: contact_entry(d, "lg-dirk").update(line_manager=False),
        ["contacts[4]", "contact 'lg-dirk' has role leidinggevende", "line_manager must be true"],
    ),
    (
        "report kind without a rule",
        lambda d: d.update(routing=[r for r in d["routing"] if r["kind"] != "niet_pluis"]),
        ["no rule for report kind 'niet_pluis'"],
    ),
    (
        "rule that reaches only line managers",
        lambda d: d["routing"][1].update(roles=["leidinggevende"]),
        [
            "'aggression' report from team 'kliniek-noord'",
            "would reach no contact who is not a line manager",
            "the rules give: leidinggevende",
        ],
    ),
    (
        "team without a non-line-manager recipient",
        lambda d: d["routing"][0].update(roles=["aandachtsfunctionaris"], teams=["kliniek-noord"]),
        ["'online_threat' report from team 'wijkzorg-zuid'", "not a line manager"],
    ),
    (
        "melder without team left without a recipient",
        _team_specific_aggression,
        ["'aggression' report from a melder who gives no team"],
    ),
    (
        "contact without an address",
        lambda d: contact_entry(d, "vp-carla").update(addresses={}),
        ["contacts[2]", "contact 'vp-carla' has no address"],
    ),
    (
        "niet_pluis rule naming another role",
        lambda d: d["routing"][3].update(roles=["aandachtsfunctionaris", "vertrouwenspersoon"]),
        [
            "routing[3]",
            "rule 'niet_pluis -> aandachtsfunctionaris, vertrouwenspersoon'",
            "may only be routed to aandachtsfunctionaris, not to vertrouwenspersoon",
        ],
    ),
    (
        "niet_pluis rule naming the line manager",
        lambda d: d["routing"][3].update(roles=["leidinggevende"]),
        ["routing[3]", "not to leidinggevende"],
    ),
    (
        "security in a routing rule",
        lambda d: d["routing"][0].update(roles=["aandachtsfunctionaris", "security"]),
        ["routing[0]", "names security", "never reports"],
    ),
    (
        "unknown role",
        lambda d: contact_entry(d, "vp-carla").update(role="baas"),
        ["contacts[2].role (contact 'vp-carla', line ", "got 'baas'"],
    ),
    (
        "unknown key",
        lambda d: contact_entry(d, "af-anna").update(phone="030 000 0000"),
        ["contacts[0].phone", "Extra inputs are not permitted"],
    ),
    (
        "missing field",
        lambda d: d.pop("routing"),
        ["routing", "Field required"],
    ),
    (
        "unknown time zone",
        lambda d: d.update(timezone="Europe/Utrecht"),
        ["timezone", "unknown time zone 'Europe/Utrecht'"],
    ),
    (
        "duplicate address",
        lambda d: contact_entry(d, "af-bram")["addresses"].update(console="af-anna"),
        ["contacts[1] (af-bram): console 'af-anna' is also used by contact 'af-anna'"],
    ),
    (
        "malformed matrix id",
        lambda d: contact_entry(d, "af-anna")["addresses"].update(matrix_user_id="anna"),
        ["contacts[0].addresses.matrix_user_id"],
    ),
    (
        "empty roles",
        lambda d: d["routing"][0].update(roles=[]),
        ["routing[0].roles"],
    ),
]


@pytest.mark.parametrize(
    ("mutate", "fragments"), [(m, f) for _, m, f in BROKEN], ids=[name for name, _, _ in BROKEN]
)
def test_broken_configuration_is_refused(
    tmp_path: Path, mutate: Callable[[Data], None], fragments: list[str]
) -> None:
    data = example_data()
    mutate(data)
    error = refusal(tmp_path, data)
    message = str(error)
    assert str(tmp_path / "organisation.yml") in message
    for fragment in fragments:
        assert fragment in message, f"{fragment!r} not in:\n{message}"


def test_every_problem_is_reported_at_once(tmp_path: Path) -> None:
    data = example_data()
    contact_entry(data, "af-bram")["backup"] = "af-zoe"
    contact_entry(data, "vp-carla")["teams"] = ["kliniek-west"]
    data["acute_alert"] = ["sec-gert"]
    data["routing"] = [r for r in data["routing"] if r["kind"] != "online_threat"]
    error = refusal(tmp_path, data)
    assert len(error.problems) == 4
    assert "checked once these problems are fixed" not in str(error)
    assert "(4 problems)" in str(error)
    for fragment in ("af-zoe", "kliniek-west", "sec-gert", "online_threat"):
        assert fragment in str(error)


def test_every_schema_error_is_reported_at_once(tmp_path: Path) -> None:
    data = example_data()
    contact_entry(data, "af-anna")["role"] = "baas"
    contact_entry(data, "lg-eva")["language"] = "de"
    data["acknowledge_within_hours"] = 0
    error = refusal(tmp_path, data)
    assert "checked once these problems are fixed" in str(error)
    assert [p.split(" ", 1)[0] for p in error.problems] == [
        "contacts[0].role",
        "contacts[5].language",
        "acknowledge_within_hours",
    ]


def test_yaml_syntax_error_names_the_line(tmp_path: Path) -> None:
    path = tmp_path / "organisation.yml"
    path.write_text(
        "id: linde\nname: De Linde\nteams:\n  - id: kliniek-noord\n   name: Kliniek Noord\n",
        encoding="utf-8",
    )
    with pytest.raises(OrganisationError, match=r"YAML syntax error at line 5, column 4") as exc:
        load_organisation(path)
    assert str(path) in str(exc.value)


def test_duplicate_yaml_key_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "organisation.yml"
    text = EXAMPLE.read_text(encoding="utf-8")
    path.write_text(text.replace("timezone: Europe/Amsterdam", "id: other\ntimezone: UTC"))
    line = text.splitlines().index("timezone: Europe/Amsterdam") + 1
    with pytest.raises(OrganisationError, match=rf"line {line}.*duplicate key 'id'"):
        load_organisation(path)


@pytest.mark.parametrize(("text", "fragment"), [("", "it is empty"), ("- a\n- b\n", "a list")])
def test_document_must_be_a_mapping(tmp_path: Path, text: str, fragment: str) -> None:
    path = tmp_path / "organisation.yml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(OrganisationError, match=fragment):
        load_organisation(path)


def test_missing_file(tmp_path: Path) -> None:
    with pytest.raises(OrganisationError, match="cannot read"):
        load_organisation(tmp_path / "absent.yml")


def test_schema_errors_carry_yaml_lines(tmp_path: Path) -> None:
    path = tmp_path / "organisation.yml"
    text = EXAMPLE.read_text(encoding="utf-8")
    path.write_text(text.replace("role: vertrouwenspersoon", "role: baas"), encoding="utf-8")
    line = text.splitlines().index("    role: vertrouwenspersoon") + 1
    with pytest.raises(
        OrganisationError, match=rf"contacts\[2\]\.role \(contact 'vp-carla', line {line}\)"
    ):
        load_organisation(path)


def test_direct_construction_is_validated_too() -> None:
    data = example_data()
    _no_independent_af(data)
    with pytest.raises(ValidationError, match="aandachtsfunctionaris and line_manager false"):
        Organisation.model_validate(data)


def test_callback_contact_must_exist_and_receive_reports() -> None:
    data = example_data()
    data["aftercare"] = {"callback_contact": "nobody"}
    with pytest.raises(OrganisationError, match="callback_contact: 'nobody' is not a contact"):
        parse_organisation(data)
    data["aftercare"] = {"callback_contact": "sec-frank"}
    with pytest.raises(OrganisationError, match="callback_contact: 'sec-frank' has role security"):
        parse_organisation(data)


# -- the escalation ladder -------------------------------------------------------------------


def test_the_example_ladder_climbs_to_an_escalation_contact(org: Organisation) -> None:
    ladder = org.escalation_ladder
    assert [s.after_hours for s in ladder] == [24, 72, 96]
    assert ladder[0].to == ("backups",)
    assert ladder[-1].to == ("af-anna",)
    assert ladder[-1].repeat_hours == 24


def test_without_a_ladder_the_backups_and_aandachtsfunctionarissen_are_asked_daily() -> None:
    data = example_data()
    del data["escalation"]
    data["acknowledge_within_hours"] = 12
    [step] = parse_organisation(data).escalation_ladder
    assert (step.after_hours, step.to, step.repeat_hours) == (
        12,
        ("backups", "aandachtsfunctionaris"),
        24,
    )


@pytest.mark.parametrize(
    ("last", "why"),
    [
        ({"after_hours": 96, "to": ["backups"]}, "ends with no one for a 'online_threat'"),
        ({"after_hours": 96, "to": ["meldteam"]}, "ends with no one for a 'niet_pluis'"),
        ({"after_hours": 96, "to": ["lg-dirk"]}, "ends with no one"),
        ({"after_hours": 96, "to": ["sec-frank"]}, "'sec-frank' has role security"),
        ({"after_hours": 96, "to": ["nobody"]}, "'nobody' is neither a contact id nor"),
        ({"after_hours": 48, "to": ["af-anna"]}, "after_hours must be later"),
    ],
)
def test_a_ladder_that_ends_with_no_one_is_refused(last: dict[str, Any], why: str) -> None:
    data = example_data()
    data["escalation"] = [*data["escalation"][:2], last]
    with pytest.raises(OrganisationError, match=why):
        parse_organisation(data)


def test_only_the_last_step_repeats() -> None:
    data = example_data()
    data["escalation"][0]["repeat_hours"] = 12
    with pytest.raises(OrganisationError, match=r"escalation\[0\]: only the last step repeats"):
        parse_organisation(data)


def test_a_step_only_reaches_those_who_may_receive_the_case(org: Organisation) -> None:
    from dialogs.organisation import EscalationStep, escalation_contacts

    step = EscalationStep(after_hours=1, to=("leidinggevende", "meldteam", "af-anna"))

    def reached(kind: str, exclude: bool) -> list[str]:
        found = escalation_contacts(
            step, org.contacts, kind=kind, team="kliniek-noord", exclude_line_manager=exclude
        )
        return [c.id for c in found]

    assert reached("aggression", False) == ["lg-dirk", "mt-team", "af-anna"]
    assert reached("aggression", True) == ["mt-team", "af-anna"], "never an excluded manager"
    assert reached("niet_pluis", False) == ["af-anna"]


def test_ops_never_receive_reports_and_no_rule_may_name_them(org: Organisation) -> None:
    ops = org.contact("ops-olga")
    assert not ops.receives_reports
    for kind in ("online_threat", "aggression", "niet_pluis"):
        assert not may_receive(ops, kind, False)
    data = yaml.safe_load(EXAMPLE.read_text(encoding="utf-8"))
    data["routing"][0]["roles"].append("ops")
    with pytest.raises(OrganisationError, match="names ops"):
        parse_organisation(data)

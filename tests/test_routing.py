"""Tests for the routing decision, on the example organisation and on generated ones."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, reject, settings
from hypothesis import strategies as st
from pydantic import ValidationError

from dialogs.organisation import Organisation, ReportKind, Role, load_organisation
from dialogs.routing import (
    Recipient,
    RoutingRequest,
    acute_alert_recipients,
    may_receive,
    route,
)

EXAMPLE = Path(__file__).resolve().parent.parent / "config" / "organisation.example.yml"
ORG = load_organisation(EXAMPLE)

AF = Role.AANDACHTSFUNCTIONARIS
VP = Role.VERTROUWENSPERSOON
LG = Role.LEIDINGGEVENDE
MT = Role.MELDTEAM


def ids(recipients: tuple[Recipient, ...]) -> list[str]:
    return [r.contact.id for r in recipients]


def pairs(recipients: tuple[Recipient, ...]) -> list[tuple[str, str]]:
    return [(r.contact.id, r.reason) for r in recipients]


def request(
    kind: ReportKind,
    team: str | None = None,
    preferred: Role | None = None,
    *,
    exclude: bool = False,
    high: bool = False,
) -> RoutingRequest:
    return RoutingRequest(kind, team, preferred, exclude, "high" if high else "normal")


# -- the example organisation --------------------------------------------------------------------


def test_online_threat_goes_to_aandachtsfunctionaris_and_meldteam() -> None:
    result = route(ORG, request(ReportKind.ONLINE_THREAT, "kliniek-noord"))
    assert pairs(result) == [("af-anna", "rule"), ("mt-team", "rule")]
    result = route(ORG, request(ReportKind.ONLINE_THREAT, "wijkzorg-zuid"))
    assert ids(result) == ["af-anna", "af-bram", "mt-team"]


def test_aggression_reaches_only_the_teams_own_leidinggevende() -> None:
    assert ids(route(ORG, request(ReportKind.AGGRESSION, "kliniek-noord"))) == [
        "af-anna",
        "lg-dirk",
    ]
    assert ids(route(ORG, request(ReportKind.AGGRESSION, "huisartsenpost"))) == [
        "af-anna",
        "af-bram",
        "lg-eva",
    ]


def test_aggression_without_team_reaches_no_team_line_manager() -> None:
    # Without a team nobody knows whose manager is whose: no team's manager gets it.
    assert ids(route(ORG, request(ReportKind.AGGRESSION, None))) == ["af-anna", "af-bram"]


def test_high_severity_aggression_adds_meldteam() -> None:
    result = route(ORG, request(ReportKind.AGGRESSION, "kliniek-noord", high=True))
    assert ids(result) == ["af-anna", "mt-team", "lg-dirk"]
    # High-severity rules only apply to aggression here.
    assert ids(route(ORG, request(ReportKind.NIET_PLUIS, "kliniek-noord", high=True))) == [
        "af-anna"
    ]


def test_exclude_line_manager() -> None:
    result = route(ORG, request(ReportKind.AGGRESSION, "kliniek-noord", exclude=True))
    assert pairs(result) == [("af-anna", "rule")]
    result = route(ORG, request(ReportKind.AGGRESSION, None, exclude=True, high=True))
    assert ids(result) == ["af-anna", "af-bram", "mt-team"]


def test_preferred_role_replaces_the_rules() -> None:
    result = route(ORG, request(ReportKind.ONLINE_THREAT, "kliniek-noord", VP))
    assert pairs(result) == [("vp-carla", "preferred")]
    result = route(ORG, request(ReportKind.AGGRESSION, "wijkzorg-zuid", MT))
    assert pairs(result) == [("mt-team", "preferred")]
    result = route(ORG, request(ReportKind.AGGRESSION, "kliniek-noord", AF))
    assert pairs(result) == [("af-anna", "preferred")]


def test_preferred_leidinggevende_gets_a_safeguard() -> None:
    result = route(ORG, request(ReportKind.AGGRESSION, "kliniek-noord", LG))
    assert pairs(result) == [("lg-dirk", "preferred"), ("af-anna", "safeguard")]
    result = route(ORG, request(ReportKind.ONLINE_THREAT, "wijkzorg-zuid", LG))
    assert pairs(result) == [
        ("lg-eva", "preferred"),
        ("af-anna", "safeguard"),
        ("af-bram", "safeguard"),
    ]


def test_preferred_leidinggevende_but_excluded_falls_back_to_rules() -> None:
    result = route(ORG, request(ReportKind.AGGRESSION, "kliniek-noord", LG, exclude=True))
    assert pairs(result) == [("af-anna", "rule")]


def test_security_never_receives_reports_even_when_preferred() -> None:
    result = route(ORG, request(ReportKind.AGGRESSION, "kliniek-noord", Role.SECURITY))
    assert pairs(result) == [("af-anna", "rule"), ("lg-dirk", "rule")]


@pytest.mark.parametrize("preferred", [None, *Role])
@pytest.mark.parametrize("team", [None, "kliniek-noord", "wijkzorg-zuid", "huisartsenpost"])
def test_niet_pluis_only_reaches_independent_aandachtsfunctionaris(
    preferred: Role | None, team: str | None
) -> None:
    result = route(ORG, request(ReportKind.NIET_PLUIS, team, preferred))
    assert result
    assert all(r.contact.role is AF and not r.contact.line_manager for r in result)
    expected = ["af-anna"] if team == "kliniek-noord" else ["af-anna", "af-bram"]
    assert ids(result) == expected


def test_unknown_team_reaches_only_contacts_serving_all_teams() -> None:
    result = route(ORG, request(ReportKind.ONLINE_THREAT, "kliniek-west"))
    assert pairs(result) == [("af-anna", "rule"), ("mt-team", "rule")]


def test_acute_alert_recipients() -> None:
    assert [c.id for c in acute_alert_recipients(ORG)] == ["sec-frank"]


def _contact(cid: str, role: Role, teams: list[str], *, lm: bool = False) -> dict[str, Any]:
    return {
        "id": cid,
        "name": cid,
        "role": role.value,
        "line_manager": lm,
        "teams": teams,
        "addresses": {"console": cid},
    }


def test_safeguard_falls_back_to_all_independent_aandachtsfunctionarissen() -> None:
    org = Organisation.model_validate(
        {
            "id": "mini",
            "name": "Mini",
            "teams": [{"id": "a", "name": "A"}, {"id": "b", "name": "B"}],
            "contacts": [
                _contact("af-a", AF, ["a"]),
                _contact("af-b", AF, ["b"]),
                _contact("af-lm", AF, [], lm=True),
                _contact("vp", VP, []),
                _contact("lg-all", LG, [], lm=True),
            ],
            "routing": [
                {"kind": "online_threat", "roles": ["vertrouwenspersoon"]},
                {"kind": "aggression", "roles": ["vertrouwenspersoon", "leidinggevende"]},
                {"kind": "niet_pluis", "roles": ["aandachtsfunctionaris"]},
            ],
            "acute_alert": [],
            "referrals": [],
        }
    )
    # The team's own independent aandachtsfunctionaris is the safeguard.
    result = route(org, request(ReportKind.AGGRESSION, "a", LG))
    assert pairs(result) == [("lg-all", "preferred"), ("af-a", "safeguard")]
    # A team nobody serves specifically (a stale id): all independent ones.
    result = route(org, request(ReportKind.AGGRESSION, "c", LG))
    assert pairs(result) == [
        ("lg-all", "preferred"),
        ("af-a", "safeguard"),
        ("af-b", "safeguard"),
    ]
    result = route(org, request(ReportKind.NIET_PLUIS, "c"))
    assert pairs(result) == [("af-a", "safeguard"), ("af-b", "safeguard")]
    # A line manager who is aandachtsfunctionaris does not need a safeguard next to af-a...
    result = route(org, request(ReportKind.ONLINE_THREAT, "a", AF))
    assert pairs(result) == [("af-a", "preferred"), ("af-lm", "preferred")]
    # ...but alone, it does.
    result = route(org, request(ReportKind.ONLINE_THREAT, "c", AF))
    assert pairs(result) == [
        ("af-lm", "preferred"),
        ("af-a", "safeguard"),
        ("af-b", "safeguard"),
    ]
    assert acute_alert_recipients(org) == ()


def test_route_refuses_an_unvalidated_organisation_without_safeguard() -> None:
    org = Organisation.model_construct(
        id="broken", name="Broken", contacts=(), routing=(), teams=(), acute_alert=(), referrals=()
    )
    with pytest.raises(ValueError, match="no aandachtsfunctionaris"):
        route(org, request(ReportKind.AGGRESSION))


# -- properties ----------------------------------------------------------------------------------

REPORT_ROLES = [AF, VP, LG, MT]


@st.composite
def organisations(draw: st.DrawFn) -> Organisation:
    """Random organisations; invalid ones are rejected by the validator and discarded."""
    team_ids = [f"t{i}" for i in range(draw(st.integers(0, 4)))]
    team_sets = st.lists(st.sampled_from(team_ids), unique=True) if team_ids else st.just([])
    contacts: list[dict[str, Any]] = []
    for index in range(draw(st.integers(1, 8))):
        # The first contact is an independent aandachtsfunctionaris, so validity is likely.
        role = AF if index == 0 else draw(st.sampled_from(list(Role)))
        lm = role is LG or (index > 0 and draw(st.booleans()))
        contacts.append(_contact(f"c{index}", role, draw(team_sets), lm=lm))
    for index, contact in enumerate(contacts):
        backup = draw(st.none() | st.integers(0, len(contacts) - 1))
        if backup is not None and backup != index and contacts[backup]["role"] != "security":
            contact["backup"] = f"c{backup}"
    rules: list[dict[str, Any]] = []
    for kind in ReportKind:
        roles = [AF] if kind is ReportKind.NIET_PLUIS else REPORT_ROLES
        role_sets = st.lists(st.sampled_from(roles), min_size=1, unique=True)
        for _ in range(draw(st.integers(1, 3))):
            rules.append(
                {
                    "kind": kind.value,
                    "roles": [r.value for r in draw(role_sets)],
                    "teams": draw(team_sets),
                    "severity": draw(st.sampled_from(["any", "high"])),
                }
            )
        # One rule for all teams, so that most generated organisations are valid.
        rules.append({"kind": kind.value, "roles": [r.value for r in draw(role_sets)]})
    security = [c["id"] for c in contacts if c["role"] == "security"]
    data = {
        "id": "generated",
        "name": "Generated",
        "teams": [{"id": t, "name": t} for t in team_ids],
        "contacts": contacts,
        "routing": draw(st.permutations(rules)),
        "acute_alert": draw(st.lists(st.sampled_from(security), unique=True)) if security else [],
        "referrals": [],
    }
    try:
        return Organisation.model_validate(data)
    except ValidationError:
        reject()


@st.composite
def requests_for(draw: st.DrawFn, org: Organisation) -> RoutingRequest:
    return RoutingRequest(
        kind=draw(st.sampled_from(list(ReportKind))),
        team=draw(st.sampled_from([None, "unknown-team", *(t.id for t in org.teams)])),
        preferred_role=draw(st.none() | st.sampled_from(list(Role))),
        exclude_line_manager=draw(st.booleans()),
        severity=draw(st.sampled_from(["normal", "high"])),
    )


def check_route_invariants(org: Organisation, req: RoutingRequest) -> None:
    result = route(org, req)
    assert result, "never empty"
    assert route(org, req) == result, "deterministic"
    assert len(set(ids(result))) == len(result), "no duplicates"
    assert any(not r.contact.line_manager for r in result), "at least one non-line-manager"
    assert all(r.contact.role is not Role.SECURITY for r in result), "no security"
    if req.exclude_line_manager:
        assert all(not r.contact.line_manager for r in result), "line managers excluded"
    if req.kind is ReportKind.NIET_PLUIS:
        assert all(r.contact.role is AF and not r.contact.line_manager for r in result)
    for r in result:
        assert may_receive(r.contact, req.kind, req.exclude_line_manager), "the one rule"
        if r.reason != "safeguard":
            assert r.contact.serves(req.team)
        if r.reason == "preferred":
            assert r.contact.role is req.preferred_role
        if r.reason == "safeguard":
            assert r.contact.role is AF
            assert not r.contact.line_manager
    if req.preferred_role is LG and any(r.reason == "preferred" for r in result):
        assert any(r.contact.role is AF and not r.contact.line_manager for r in result)
    known_team = req.team is None or any(t.id == req.team for t in org.teams)
    if known_team and not any(r.reason == "preferred" for r in result):
        # The validator guarantees the rules alone reach a non-line-manager.
        assert all(r.reason == "rule" for r in result)


@settings(max_examples=300, deadline=None)
@given(data=st.data())
def test_route_invariants_on_example(data: st.DataObject) -> None:
    check_route_invariants(ORG, data.draw(requests_for(ORG)))


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(data=st.data())
def test_route_invariants_on_generated_organisations(data: st.DataObject) -> None:
    org = data.draw(organisations())
    for _ in range(5):
        check_route_invariants(org, data.draw(requests_for(org)))

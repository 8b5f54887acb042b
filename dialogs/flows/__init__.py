"""All conversation flows, by name."""

from __future__ import annotations

from collections.abc import Iterable, Mapping

from dialogs.flow import Flow
from dialogs.flows.aftercare import AFTERCARE, CHECKIN
from dialogs.flows.menu import CASES, CONTACT_MENU, MENU, PRIVACY, STATUS
from dialogs.flows.niet_pluis import NIET_PLUIS
from dialogs.flows.report import AGGRESSION, ONLINE_THREAT

ALL_FLOWS: tuple[Flow, ...] = (
    MENU,
    CONTACT_MENU,
    ONLINE_THREAT,
    AGGRESSION,
    NIET_PLUIS,
    STATUS,
    PRIVACY,
    AFTERCARE,
    CASES,
    CHECKIN,
)

#: Flows that end in a registered report, by the report kind they produce.
REPORT_FLOWS: frozenset[str] = frozenset({"online_threat", "aggression", "niet_pluis"})


def build_flows(
    *,
    predicates: Iterable[str],
    option_sources: Iterable[str],
    renderers: Iterable[str],
    effects: Iterable[str],
    option_filters: Iterable[str],
) -> Mapping[str, Flow]:
    """Validate every flow against the engine's registries and index them by name."""
    names = [f.name for f in ALL_FLOWS]
    registries = {
        "predicates": list(predicates),
        "option_sources": list(option_sources),
        "renderers": list(renderers),
        "effects": list(effects),
        "option_filters": list(option_filters),
    }
    for flow in ALL_FLOWS:
        flow.validate(flows=names, **registries)
    return {f.name: f for f in ALL_FLOWS}

"""The named functions every flow may use, and the flows validated against them."""

from __future__ import annotations

from collections.abc import Iterable, Mapping

from dialogs import aftercareflow, caseflow, privacyflow, reportflow
from dialogs.flow import Flow
from dialogs.flows import ALL_FLOWS
from dialogs.turn import Registry

REGISTRY: Registry = (
    reportflow.REGISTRY.joined(caseflow.REGISTRY)
    .joined(aftercareflow.REGISTRY)
    .joined(privacyflow.REGISTRY)
)


def build_flows(
    flows: Iterable[Flow] = ALL_FLOWS, registry: Registry = REGISTRY
) -> Mapping[str, Flow]:
    """Validate every flow against the registry and index them by name."""
    flows = tuple(flows)
    known = registry.known(frozenset(f.name for f in flows))
    for flow in flows:
        flow.validate(known)
    return {f.name: f for f in flows}

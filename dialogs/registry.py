"""The named functions every flow may use, and the flows validated against them."""

from __future__ import annotations

from collections.abc import Iterable, Mapping

from dialogs import (
    aftercareflow,
    alertflow,
    callbackflow,
    caseflow,
    documentflow,
    doubts,
    factsflow,
    privacyflow,
    reportflow,
    statusflow,
)
from dialogs.fields import FIELDS, Fields
from dialogs.flow import Flow, FlowError
from dialogs.flows import ALL_FLOWS
from dialogs.storyfacts import extractor_problems
from dialogs.turn import Registry

REGISTRY: Registry = (
    reportflow.REGISTRY.joined(caseflow.REGISTRY)
    .joined(aftercareflow.REGISTRY)
    .joined(privacyflow.REGISTRY)
    .joined(doubts.REGISTRY)
    .joined(factsflow.REGISTRY)
    .joined(callbackflow.REGISTRY)
    .joined(statusflow.REGISTRY)
    .joined(documentflow.REGISTRY)
    .joined(alertflow.REGISTRY)
)


def build_flows(
    flows: Iterable[Flow] = ALL_FLOWS, registry: Registry = REGISTRY, fields: Fields = FIELDS
) -> Mapping[str, Flow]:
    """Validate every flow against the registry and the report fields (and the fields'
    fact extractors); index them by name."""
    if problems := extractor_problems(fields):
        raise FlowError("report fields: " + "; ".join(problems))
    flows = tuple(flows)
    known = registry.known(frozenset(f.name for f in flows), fields)
    for flow in flows:
        flow.validate(known)
    return {f.name: f for f in flows}

"""All conversation flows, by name."""

from __future__ import annotations

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
REPORT_FLOWS: frozenset[str] = frozenset(f.name for f in ALL_FLOWS if f.kind is not None)

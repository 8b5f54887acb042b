"""All conversation flows, by name."""

from __future__ import annotations

from dialogs.flow import Flow
from dialogs.flows.aftercare import AFTERCARE, CHECKIN
from dialogs.flows.alerts import ALERTS
from dialogs.flows.cases import CASES
from dialogs.flows.menu import CONTACT_MENU, MENU, PRIVACY
from dialogs.flows.niet_pluis import NIET_PLUIS
from dialogs.flows.report import AGGRESSION, ONLINE_THREAT
from dialogs.flows.status import STATUS

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
    ALERTS,
)

#: Flows that end in a registered report, by the report kind they produce.
REPORT_FLOWS: frozenset[str] = frozenset(f.name for f in ALL_FLOWS if f.kind is not None)

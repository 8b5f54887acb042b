"""The storage names the rest of the code imports, from the modules that define them.

`Store` hands out a `Unit` of work (storage/unit.py); each aggregate's records and
queries live in a module of their own: conversations, evidence, cases (and routing),
outbox, audit, channel state.
"""

from storage.base import Clock, ConcurrentUpdateError, utcnow
from storage.cases import CaseRecord, NewCase
from storage.conversations import StoredConversation
from storage.evidence import EvidenceItem
from storage.outbox import DeliveryWindow, Envelope, PendingMessage
from storage.unit import Store, Unit

__all__ = [
    "CaseRecord",
    "Clock",
    "ConcurrentUpdateError",
    "DeliveryWindow",
    "Envelope",
    "EvidenceItem",
    "NewCase",
    "PendingMessage",
    "Store",
    "StoredConversation",
    "Unit",
    "utcnow",
]

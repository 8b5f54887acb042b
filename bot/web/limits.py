"""The desk's login limits, counted in the database so that they hold across processes
(several desk processes behind one proxy share one budget per address and per contact).

Each try is already in the audit log or the login-link table; a limit is a count of those
rows within the window. Client addresses are never stored: the actor of a try at the
login form is a keyed pseudonym of the address (`client_actor`).
"""

from __future__ import annotations

from datetime import timedelta

from storage.repository import Unit
from storage.webdesk import events_since, logins_since

#: The window every login limit counts in.
WINDOW = timedelta(minutes=15)
#: Tries at the login form per client address per window.
ADDRESS_TRIES = 10
#: Login links a contact may be sent per window.
LINKS_PER_WINDOW = 3
#: Wrong TOTP codes per contact per window; then their sessions end until it has passed.
TOTP_TRIES = 5

LOGIN_TRY = "web_login_requested"
TOTP_FAILED = "web_totp_failed"


def client_actor(unit: Unit, host: str) -> str:
    """The audit actor of a try from a client address: a keyed pseudonym, not the address."""
    return "web:" + unit.vault.pseudonym("web-client", host)


def address_may_try(unit: Unit, actor: str) -> bool:
    """Whether this address is within its tries at the login form (counting this one,
    which is audited when allowed)."""
    if events_since(unit, actor, LOGIN_TRY, unit.clock() - WINDOW) >= ADDRESS_TRIES:
        return False
    unit.audit(actor, LOGIN_TRY)
    return True


def contact_may_get_link(unit: Unit, contact_id: str) -> bool:
    """Whether a contact is within their login links for the window."""
    return logins_since(unit, contact_id, unit.clock() - WINDOW) < LINKS_PER_WINDOW


def totp_locked(unit: Unit, contact_id: str) -> bool:
    """Whether a contact gave too many wrong TOTP codes within the window."""
    return events_since(unit, contact_id, TOTP_FAILED, unit.clock() - WINDOW) >= TOTP_TRIES

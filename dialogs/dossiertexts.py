"""Texts of the documents a person can get: the dossier for the police, the receipt, and
the evidence files of a case, as gettext msgids."""

from __future__ import annotations

from dialogs.i18n import N_

PAGE = N_("page {n} of {total}")

DOSSIER_TITLE = N_("Dossier for the police: report {code}")
DOSSIER_RUNNING = N_("ZorgVeilig meldbot · {organisation} · report {code} · confidential")
DOSSIER_INTRO = N_(
    "This dossier was made by the ZorgVeilig meldbot of {organisation} on {date}, at the "
    "request of {who}. It holds the report in the melder's own words, what happened with it, "
    "and the evidence with its SHA-256 fingerprint and time of receipt, so the police can "
    "check that a file is the one the melder sent. The melder's home address is not in it."
)
DOSSIER_BY_CONTACT = N_("{name} ({role})")
DOSSIER_BY_MELDER = N_("the melder")
DOSSIER_BY_OPERATOR = N_("the administrator of the meldbot")
DOSSIER_FACTS = N_("1. The facts, in the melder's own words")
DOSSIER_REPORTED_BY = N_("Reported by")
DOSSIER_ANONYMOUS = N_("anonymously: the organisation does not know who reported this")
DOSSIER_RECEIVED = N_("Received")
DOSSIER_KIND = N_("Kind of report")
DOSSIER_ADDED = N_("Added by the melder on {date}")
DOSSIER_TIMELINE = N_("2. Timeline")
DOSSIER_EVIDENCE = N_("3. Evidence")
DOSSIER_EVIDENCE_NONE = N_("The melder sent no files or links with this report.")
DOSSIER_EVIDENCE_ITEM = N_("Evidence {n}: {name}")
DOSSIER_EVIDENCE_TYPE = N_("Type")
DOSSIER_EVIDENCE_SIZE = N_("Size")
DOSSIER_EVIDENCE_RECEIVED = N_("Received by the bot")
DOSSIER_EVIDENCE_LINK = N_("link")
DOSSIER_EVIDENCE_FILE = N_("file")
DOSSIER_IMAGE_MISSING = N_("This image could not be shown; the file itself is in the bot.")
DOSSIER_ACTIONS = N_("4. Actions taken")
DOSSIER_ACTIONS_NONE = N_("No actions have been recorded yet.")
DOSSIER_ACTION_LINE = N_("{date} · {name}: {action}")

TIMELINE_CREATED = N_("The meldbot received the report.")
TIMELINE_ROUTED = N_("Sent to {name} ({role}).")
TIMELINE_CLAIMED = N_("Picked up by {name}.")
TIMELINE_EVIDENCE = N_("Evidence received: {name} (SHA-256 {sha}).")
TIMELINE_QUESTION = N_("Question from {name} to the melder: {text}")
TIMELINE_ANSWER = N_("Answer of the melder: {text}")
TIMELINE_REPLY = N_("Message of the melder: {text}")
TIMELINE_ADDITION = N_("The melder added: {text}")
TIMELINE_REOPEN = N_("The melder reopened the report: {text}")
TIMELINE_FEEDBACK = N_("Feedback from {name} to the melder: {text}")
TIMELINE_ACTION = N_("Action recorded by {name}: {action}")
TIMELINE_HANDED_OVER = N_("Handed over to {name}.")
TIMELINE_CLOSED = N_("Closed: {outcome}.")

ELA_TITLE = N_("5. Aangifte: werkgeversaangifte and domiciliekeuze (ELA)")
ELA_WHAT = N_(
    "Violence, threats and intimidation against care workers fall under the Eenduidige "
    "Landelijke Afspraken (ELA) of the police and the Openbaar Ministerie: the aangifte is "
    "handled with priority, registered in the same way everywhere, and the public "
    "prosecutor demands a higher sentence."
)
ELA_EMPLOYER = N_(
    "Werkgeversaangifte: the employer can make the aangifte on behalf of the care worker. "
    "The care worker then need not go to the police station; the police may still ask for "
    "a witness statement."
)
ELA_DOMICILE = N_(
    "Domiciliekeuze: in the aangifte and the official report the employer's address stands "
    "instead of the care worker's home address. So the home address does not end up in the "
    "file that the suspect and their lawyer may read."
)
ELA_ADDRESS = N_("Address for the police file (the employer)")
ELA_PHONE = N_("Phone of the employer")
ELA_CONTACT = N_("Contact at the employer")
ELA_HANDLER = N_("Contact person for this report")
ELA_NO_ADDRESS = N_(
    "not in the organisation file: ask the contact person for the employer's address"
)
ELA_NO_HOME = N_(
    "Do not fill in a home address anywhere. This dossier does not contain the melder's home "
    "address."
)
ELA_DAMAGES = N_(
    "Schadeverhaal: the employer can recover the damage from the perpetrator. Keep receipts "
    "and invoices of costs that follow from the incident."
)

RECEIPT_TITLE = N_("Receipt of report {code}")
RECEIPT_RUNNING = N_("ZorgVeilig meldbot · {organisation} · receipt")
RECEIPT_TEXT = N_(
    "Receipt of your report\n"
    "Organisation: {organisation}\n"
    "Code: {code}\n"
    "Received: {received}\n"
    "Kind: {kind}\n"
    "Sent to: {recipients}\n"
    "Reported: {anonymity}\n"
    "Issued: {issued}\n"
    "This receipt does not say what you reported: that stays in the meldbot. The PDF "
    "holds the same."
)
RECEIPT_ANONYMOUS = N_("anonymously")
RECEIPT_NAMED = N_("with your name")

DOSSIER_READY = N_(
    "Here is the dossier of report {code} for the police (PDF). It holds the report, the "
    "evidence with its fingerprints and the page about werkgeversaangifte and "
    "domiciliekeuze. Keep it safe: it contains what was reported."
)
DOSSIER_NOT_ALLOWED = N_(
    "Only the contact person handling this report, or a melder who reported with their "
    "name, can get its dossier."
)
EVIDENCE_READY = N_(
    "The evidence of case {code}: {files} file(s) below. Each file's SHA-256 fingerprint is "
    "in the case; the bot keeps the originals."
)
EVIDENCE_LINKS = N_("Links the melder sent: {links}")
EVIDENCE_NONE = N_("The melder sent no files with this case.")
EVIDENCE_REFUSED = N_("You may not receive the evidence of this case.")

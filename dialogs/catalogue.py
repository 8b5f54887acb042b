"""The 37 possible actions after aggression against a care worker (seed 002,
'Incident? Actie!'), grouped as the hand-out groups them, plus outcomes for closing.

An aanspreekpunt records what was done by choosing from this catalogue (or describing an
action of their own); statistics count actions by number.
"""

from __future__ import annotations

from dialogs.i18n import N_

#: (group id, group label, ((action number, label), ...))
ACTION_GROUPS: tuple[tuple[str, str, tuple[tuple[str, str], ...]], ...] = (
    (
        "house_rules",
        N_("House rules"),
        (
            ("1", N_("Draw up house rules for internal use")),
            ("2", N_("Display house rules at the entrance, reception, lift and on the website")),
            ("3", N_("Hand out house rules to clients/patients and family at first contact")),
        ),
    ),
    (
        "respond",
        N_("Respond on the spot"),
        (
            ("4", N_("Show non-verbally that you disapprove of certain behaviour")),
            ("5", N_("Alert others and ask them to stand by: social pressure")),
            ("6", N_("Warning letter from the internal lawyer on behalf of the board")),
        ),
    ),
    (
        "perpetrator",
        N_("Work with the perpetrator"),
        (
            ("7", N_("Have the perpetrator fill in a crisis card: www.crisiskaart.nl")),
            ("8", N_("Make an individual agreement with the perpetrator")),
            ("9", N_("Hear both sides, including the perpetrator")),
            ("10", N_("Restorative conversation with the perpetrator")),
            ("11", N_("Involve partner/family")),
            ("12", N_("Mediator for conflict resolution and restoring the relationship")),
        ),
    ),
    (
        "register",
        N_("Report and discuss"),
        (
            ("13", N_("Report and register incidents internally")),
            ("14", N_("Discuss the incident internally")),
            ("15", N_("Register and discuss incidents jointly with other care organisations")),
            ("16", N_("Inform the GP of the incident and ask for a talk with the perpetrator")),
        ),
    ),
    (
        "warn",
        N_("Warnings and measures"),
        (
            ("17", N_("Firm talk by the line manager with the perpetrator")),
            ("18", N_("Firm talk by the community police officer with the perpetrator")),
            ("19", N_("Official warning: yellow card")),
            ("20", N_("Ban from the building or grounds (civil law)")),
            ("21", N_("After violating the ban: removal from the grounds")),
        ),
    ),
    (
        "security",
        N_("Security"),
        (
            ("22", N_("Train together with security for aggression incidents")),
            ("23", N_("Visible security at the entrance and reception")),
            ("24", N_("Call security during an incident, without them intervening")),
            ("25", N_("Have security intervene")),
        ),
    ),
    (
        "police",
        N_("Police and justice"),
        (
            ("26", N_("Make and keep contact with care experts at police, OM and municipality")),
            ("27", N_("Make general agreements with police, OM and municipality")),
            ("28", N_("Inform the police about specific high-risk clients, patients or visitors")),
            ("29", N_("Inform the police about a tense situation: 0900-8844")),
            ("30", N_("Alert the police during an actual incident (112)")),
            ("31", N_("Report the incident to the police afterwards")),
            ("32", N_("File a police report (aangifte) afterwards")),
        ),
    ),
    (
        "other_measures",
        N_("Damages, care and learning"),
        (
            ("33", N_("Recover damages: settlement, civil or criminal")),
            ("34", N_("Stop services/care under conditions")),
            ("35", N_("Internal tip line for improvements after incidents")),
            ("36", N_("Checklist for the next (home) visit")),
            ("37", N_("Observations by staff of another department than where it happened")),
        ),
    ),
)

ACTIONS: dict[str, str] = {num: label for _, _, items in ACTION_GROUPS for num, label in items}

#: Actions that count as reacting to the perpetrator (the 48-hour norm, seed 003).
PERPETRATOR_REACTIONS = frozenset(
    {"6", "7", "8", "9", "10", "11", "12", "16", "17", "18", "19", "20", "31", "32"}
)

#: Outcomes an aanspreekpunt can close a case with.
OUTCOMES: tuple[tuple[str, str], ...] = (
    ("handled", N_("Handled: measures taken")),
    ("referred", N_("Referred (police, care, other organisation)")),
    ("talked", N_("Talked it through, no further action needed")),
    ("withdrawn", N_("The melder does not want to continue")),
    ("no_action", N_("No action possible")),
)

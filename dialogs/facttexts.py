"""What the bot says about the facts it took from the melder's story (gettext msgids).

The confirmation reads as one sentence: "I have understood: yesterday around 16:30, at the
reception or desk, by a relative or friend of a patient. Is that right?"; each fact gives
one phrase, per value where the field has options.
"""

from __future__ import annotations

from dialogs.i18n import N_

UNDERSTOOD = N_("I have understood: {facts}.")
IS_THAT_RIGHT = N_("Is that right?")
STORY_TAKEN = N_(
    "I am using your message as the description of what happened. You can still change it "
    "at the end."
)
WILL_ASK = N_("All right, I will ask you about that in a moment.")
CHANGED = N_("All right, I have changed it: {facts}.")
ITEM = N_("{label}: {value}")

YES = N_("Yes, that is right")
FIX = N_("No, something is not right")
FIX_WHICH = N_("What is not right? I will ask you about it again.")
NOTHING_WRONG = N_("It is all right after all")

TODAY = N_("today")
YESTERDAY = N_("yesterday")
AT_TIME = N_("{day} at {time}")
AROUND_TIME = N_("{day} around {time}")
DAY_AS_SAID = N_("{day} ({words})")
ONGOING = N_("it is still going on")
VIA = N_("via {platform}")
FROM = N_("from {handle}")
WORKS_AT = N_("you work at {team}")
NAMED_AS = N_("with your name ({name})")

#: One phrase per fact value, for the facts whose value is an option.
PHRASES: dict[str, dict[object, str]] = {
    "location_kind": {
        "ward": N_("at your workplace or on the ward"),
        "home_visit": N_("on a home visit"),
        "reception": N_("at the reception or desk"),
        "outside": N_("outside"),
        "other": N_("somewhere else"),
    },
    # The other platforms read "via Instagram" (VIA with the option's label).
    "platform": {
        "telefoon": N_("by phone"),
        "sms": N_("by text message"),
        "e-mail": N_("by e-mail"),
        "google-reviews": N_("in a Google review"),
        "other": N_("somewhere online"),
    },
    "perpetrator_relation": {
        "patient": N_("by a patient or client"),
        "naaste": N_("by a relative or friend of a patient"),
        "bezoeker": N_("by a visitor"),
        "onbekend": N_("by someone you do not know"),
    },
    "aro_category": {
        "verbaal": N_("verbal aggression"),
        "persoonlijk": N_("personal aggression (intimidation, discrimination, stalking)"),
        "fysiek": N_("physical aggression"),
    },
    "anonymous": {True: N_("you report anonymously"), False: N_("with your name")},
    "exclude_line_manager": {
        True: N_("not to your line manager"),
        False: N_("your line manager may see it"),
    },
}

#: Said once, when the melder answers 'who did it' with a colleague: out of this bot's scope
#: (DESIGN.md §3 rule 1), but nothing is refused; the vertrouwenspersoon is the right person.
COLLEAGUE_NOTE = N_(
    "Aggression or threats by a colleague are unwanted behaviour at work. The "
    "vertrouwenspersoon (confidential adviser) helps with that, in confidence. Your report "
    "goes on as it is; at the end you can choose the vertrouwenspersoon as its recipient."
)

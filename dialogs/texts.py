"""Longer texts the bot says, as gettext msgids (translated in locales/)."""

from __future__ import annotations

from dialogs.i18n import N_

GREETING = N_(
    "Hello, I am the ZorgVeilig meldbot of {organisation}. Here you can report threats, "
    "aggression or a niet-pluis-gevoel, anonymously if you want. Only the people who handle "
    "your report see what you write. Type 'stop' at any moment to stop, or 'back' to go one "
    "question back."
)
WELCOME_BACK = N_(
    "Welcome back. You were in the middle of: {flow}. We continue where you left off."
)
HELP = N_(
    "I help you report threats and aggression at work, online or in person, and a "
    "niet-pluis-gevoel. I ask one question at a time; you can answer with the buttons or in "
    "your own words. Type 'stop' to stop, 'back' for the previous question and 'menu' for "
    "the menu. In danger right now? Call 112."
)

ACUTE_DANGER = N_(
    "Are you in danger right now? Call 112 immediately (police, ambulance, fire brigade).\n"
    "No emergency, but you do need the police? Call 0900-8844.\n"
    "Go to a safe place and warn a colleague if you can."
)
ACUTE_ALERTED = N_("I have warned {contacts} of your organisation that you may be in danger.")
ACUTE_CONTINUE = N_("When you are safe, we can continue here. Your answers so far are saved.")
ACUTE_ALERT_NOTICE = N_(
    "Alert from the ZorgVeilig meldbot: someone reports acute danger ({time}). The person "
    "was advised to call 112. Check whether help is needed. This alert does not say who it "
    "is."
)
ACUTE_ALERT_KIND = N_("Kind of danger")
ACUTE_ALERT_WHERE = N_("Where")
ACUTE_ALERT_NO_PLACE = N_("not known, the person did not say")
ACUTE_ALL_CLEAR_NOTICE = N_(
    "All-clear from the ZorgVeilig meldbot ({time}): the person who reported acute danger at "
    "{alerted} now says the danger is over or it was a mistake. This message does not say "
    "who it is."
)
ACUTE_ALL_CLEAR = N_(
    "Good to hear that you are safe. I have let {contacts} know. If it becomes dangerous "
    "again, call 112 straight away."
)
#: The kinds of danger an alert names (`nlu.acute_words.Category` values).
DANGER_KIND = {
    "weapon": N_("weapon"),
    "bomb": N_("bomb threat"),
    "fire": N_("fire"),
    "physical_attack": N_("physical attack"),
    "locked_in": N_("locked in or hiding"),
    "followed": N_("being followed"),
    "threat": N_("threat"),
    "acute_danger": N_("acute danger (no kind named)"),
}

STOPPED = N_(
    "Stopped. Nothing has been sent and what you wrote has been deleted. You can start again "
    "whenever you want."
)
NOTHING_TO_STOP = N_("There is nothing to stop right now.")
PAUSED = N_(
    "Fine, we continue later. Your report has not been sent yet; I keep what you wrote for "
    "{days} days. Just send me a message when you want to go on, and we continue where you "
    "left off. Rather delete it? Type 'stop'."
)
NOTHING_TO_PAUSE = N_("There is no report in progress to finish later.")
BACK_AT_START = N_("This is the first question; there is no earlier one.")
IN_FLOW_MENU = N_(
    "You are in the middle of: {flow}. Type 'back' for the previous question, 'later' to "
    "finish it later or 'stop' to stop. Otherwise, just answer the question. In danger right "
    "now? Call 112."
)
EMPTY_MESSAGE = N_("I received an empty message. Type your answer or choose an option.")
TOO_LONG = N_(
    "Your message is too long for me ({length} characters; at most {limit}). Could you make "
    "it shorter or send it in parts? Nothing has been lost."
)
TEXT_TOO_SHORT = N_("That is a bit short. Could you tell a little more?")
TEXT_TOO_LONG = N_("That is too long for this question (at most {limit} characters).")
NOT_UNDERSTOOD_CHOICE = N_(
    "I did not understand that. Choose one of the options, or type its number."
)
NUMBER_OUT_OF_RANGE = N_("Choose a number from 1 to {n}.")
STALE_BUTTON = N_("That button belongs to an earlier question. Please answer this question.")
NOT_SURE = N_("I am not sure what you mean. Choose what you want to do:")
EARLY_ANONYMOUS = N_("Noted: you report anonymously. I won't ask you that again.")
EARLY_NAMED = N_("Noted: you report with your name. I will ask for it in a moment.")
EARLY_NAMED_AS = N_("Noted: you report with your name, {name}. I won't ask you that again.")
EARLY_NO_LINE_MANAGER = N_("Noted: your report will not go to your own line manager.")
EARLY_LINE_MANAGER_OK = N_("Noted: your report may also reach your own line manager.")
EARLY_RECIPIENT = N_("Noted: your report goes to {recipients}. Please check it once more.")
LINE_MANAGER_VIA_EDIT = N_(
    "Your line manager is not among those who receive this report now. You can choose here "
    "who does; after that you see the summary again."
)
REPORT_WHICH = N_(
    "Good that you want to report it. Choose below what kind of report it is, or tell me in "
    "a few words what happened."
)
OUT_OF_SCOPE = N_(
    "I cannot help with that. I am here for reports of threats, aggression and "
    "niet-pluis-gevoelens."
)
LANGUAGE_SWITCHED = N_("I will speak English from now on.")
LANGUAGE_FOLLOWED = N_(
    "You write in English, so I will continue in English. Type 'nederlands' to switch back."
)

SMALL_TALK = {
    "greet": N_("Hello!"),
    "thank": N_("You're welcome."),
    "goodbye": N_("Goodbye. You can come back whenever you want."),
    "affirm": N_("All right."),
    "deny": N_("All right."),
    "cancel": NOTHING_TO_STOP,
    "want_anonymous": N_("You can choose to report anonymously during a report."),
    "want_named": N_("You can choose to report with your name during a report."),
}

FLOW_STARTED = {
    "online_threat": N_(
        "I understand you want to report an online threat. Good that you report it. I will "
        "ask you a few short questions."
    ),
    "aggression": N_(
        "I understand you want to report aggression or a threat. Good that you report it. I "
        "will ask you a few short questions."
    ),
    "niet_pluis": N_(
        "I understand you have a niet-pluis-gevoel. Good that you share it. I will ask you a "
        "few short questions."
    ),
}

USE_SLOT_LABELS = {
    "opening": N_("Use what I wrote at the start"),
    "profile_name": N_("Use {value}"),
    "kept_words": N_("Use what I just wrote"),
}

EVIDENCE_RECEIVED = N_("Received: {name} ({size}).")
EVIDENCE_LINK_RECEIVED = N_("Link saved: {name}.")
EVIDENCE_MORE = N_("Anything else? Send it, or choose 'Done'.")
FILES_ONLY_AT_EVIDENCE = N_(
    "Thank you. I can take files when I ask for evidence, later in the report. For now, "
    "please answer the question."
)
EVIDENCE_TOO_LARGE = N_("{name} is too large (at most {limit}). Could you send a smaller file?")
EVIDENCE_UNREADABLE = N_(
    "I could not find or read the file {name}. Check the name and try again, or choose 'Done'."
)
EVIDENCE_EMPTY_FILE = N_("{name} is empty. Could you send it again?")
EVIDENCE_WHAT = N_(
    "Here I can take files (photos, screenshots, documents) and links. Send one, or choose "
    "'Done' if you have nothing more."
)

SUBMITTED = N_("Thank you. Good that you reported this. Your report has code {code}.")
ROUTED = N_(
    "Your report has been sent to: {recipients}. Within {hours} hours someone will pick it "
    "up; you will hear about it here in this chat."
)
ROUTED_NIET_PLUIS_BESPREKEN = N_(
    "Your signal has been sent to: {recipients}. Within {hours} hours an "
    "aandachtsfunctionaris will get in touch through this chat to talk it through. Nothing "
    "happens without you."
)
ROUTED_NIET_PLUIS_MELDEN = N_(
    "Your report has been sent to: {recipients}. Within {hours} hours an "
    "aandachtsfunctionaris will pick it up; you will hear about it here in this chat."
)


def routed_text(kind: str, niet_pluis_mode: object) -> str:
    """What the melder reads about where their report went (a msgid)."""
    if kind != "niet_pluis":
        return ROUTED
    if niet_pluis_mode == "bespreken":
        return ROUTED_NIET_PLUIS_BESPREKEN
    return ROUTED_NIET_PLUIS_MELDEN


KEEP_CODE = N_(
    "You do not need to remember the code: choose 'Status of my report' in the menu to see "
    "how it is going."
)

AFTERCARE_INTRO = N_(
    "It is good to talk about what happened. You can turn to these people for support:"
)
REFERRAL_LINE = N_("• {name}: {description}")
REFERRAL_PHONE = N_(" Phone: {phone}.")
REFERRAL_URL = N_(" {url}")
REFERRAL_HOURS = N_(" ({hours})")
REFERRAL_NATIONAL = N_(
    "• Slachtofferhulp Nederland: free support after a crime, 0900-0101.\n"
    "• Your huisarts (GP), for physical or mental complaints.\n"
    "• Dark thoughts or in crisis? Call 113 Zelfmoordpreventie: 0800-0113 (free, 24/7).\n"
    "• In danger right now? Call 112."
)

EVIDENCE_LATER = N_(
    "You can also send it after your report is in: choose 'Status of my report', then "
    "'Add something to my report'."
)
#: Only the victim-support line of REFERRAL_NATIONAL: where the crisis numbers were just shown.
REFERRAL_VICTIM_SUPPORT = N_("• Slachtofferhulp Nederland: free support after a crime, 0900-0101.")
CALLBACK_DECLINED = N_(
    "All right. If you do want to talk to someone later, choose 'I want to talk to someone' "
    "in the menu."
)

PRIVACY = N_(
    "Who sees your report?\n"
    "• Only the contact persons your report is sent to. The organisation sees numbers, not "
    "your story. The administrator of the bot's server has the key and can read reports. "
    "When the administrator takes reports out of the bot, the bot records it.\n"
    "• Anonymous: your name, account and chat are not stored with the report. The bot links "
    "the report to this chat with a secret code, so the contact person can still ask you "
    "questions here without knowing who you are. The messenger (Telegram or the Matrix "
    "server) does know that you talk to this bot, and what you describe may show who you "
    "are.\n"
    "• With your name: the contact person sees your name and can contact you directly.\n"
    "• What you write and the files you send are stored encrypted.\n"
    "• Closed reports are deleted after {months} months; only anonymous numbers remain. "
    "Reports you did not finish are deleted after 30 days. Messages the bot did not "
    "understand are kept without names, numbers and links for at most 30 days, to improve "
    "the bot.\n"
    "• Complete secrecy cannot be promised when a crime or the safety of a client is at "
    "stake. The contact person will then discuss with you what happens."
)

STATUS_NONE = N_("You have not made any reports from this chat yet.")
STATUS_INTRO = N_("Your reports:")
STATUS_LINE = N_("• {code} · {kind} · {date} · {status}")
CASE_STATUS = {
    "new": N_("received, not yet picked up"),
    "acknowledged": N_("picked up by a contact person"),
    "in_progress": N_("being handled"),
    "closed": N_("closed"),
}
KIND_LABEL = {
    "online_threat": N_("online threat"),
    "aggression": N_("aggression or threat"),
    "niet_pluis": N_("niet-pluis-gevoel"),
}
ROLE_LABEL = {
    "aandachtsfunctionaris": N_("the aandachtsfunctionaris"),
    "vertrouwenspersoon": N_("the vertrouwenspersoon"),
    "leidinggevende": N_("your line manager"),
    "meldteam": N_("the meldteam"),
    "security": N_("security"),
}
ROLE_CHOICE = {
    "aandachtsfunctionaris": N_("Aandachtsfunctionaris (not a line manager)"),
    "vertrouwenspersoon": N_("Vertrouwenspersoon (confidential adviser)"),
    "meldteam": N_("Meldteam"),
    "leidinggevende": N_("My line manager (together with an aandachtsfunctionaris)"),
}
NO_PREFERENCE = N_("No preference")
TEAM_NOT_SAY = N_("I'd rather not say")

SUMMARY_INTRO = N_("This is what you are about to send ({kind}):")
SUMMARY_LINE = N_("• {label}: {value}")
SUMMARY_RECIPIENTS = N_("Who will see it: {recipients}.")
SUMMARY_ANONYMOUS = N_("anonymous")
#: (The name has its own line in the summary: not said twice.)
SUMMARY_NAMED = N_("with your name")
SUMMARY_NOT_GIVEN = N_("not given")
SUMMARY_EXCLUDED_LM = N_("not to my line manager")
SUMMARY_ALLOWED_LM = N_("may see it")
SUMMARY_EVIDENCE_NONE = N_("none")
SUMMARY_IMPACT = N_("{impact} out of 5")

NOTICE_NEW_CASE = N_(
    "New report {code}: {kind}. Open your chat with the meldbot and choose 'My cases' to "
    "read it. Please pick it up within {hours} hours."
)
NOTICE_MELDER_ANONYMOUS = N_("Reported anonymously.")
NOTICE_MELDER_NAMED = N_("Reported by: {name}.")
NOTICE_MELDER_NAMED_IN_BOT = N_("Reported with their name (you read it in the bot).")
NOTICE_EVIDENCE_COUNT = N_("{n} file(s) or link(s), to see in the bot")
NOTICE_NIET_PLUIS_MODE = {
    "bespreken": N_("The melder wants to talk it through first."),
    "melden": N_("The melder wants to make a formal report."),
}

CASES_NONE = N_("No reports have been sent to you yet.")
CASES_INTRO = N_("Reports sent to you:")
CASE_NOT_YOURS = N_("That case does not exist or was not sent to you.")
CASE_HEADER = N_("Report {code} · {kind} · received {date} · {status}")
CASE_REASON = {
    "rule": N_("You received it as {role}."),
    "preferred": N_("The melder chose {role}."),
    "safeguard": N_(
        "You received it as aandachtsfunctionaris, so it never goes to a line manager alone."
    ),
}

LABEL_WHAT = N_("What happened")
LABEL_FEELING = N_("What gives you this feeling")
LIST_AND = N_("{first} and {last}")
LABEL_EVIDENCE = N_("Evidence")
ROLE_NAME = {
    "aandachtsfunctionaris": N_("aandachtsfunctionaris"),
    "vertrouwenspersoon": N_("vertrouwenspersoon"),
    "leidinggevende": N_("line manager"),
    "meldteam": N_("member of the meldteam"),
    "security": N_("security"),
    "ops": N_("operator"),
}
UNKNOWN_COMMAND = N_(
    "I do not know that command. You can use /start, /stop, /status, /privacy and /help, "
    "or just type your answer."
)
STATUS_BUTTON = N_("Status of my report")

NOTICE_CLAIMED = N_("Case {code} has been picked up by {name}.")
NOTICE_CLOSED = N_("Case {code} has been closed by {name}.")
NOTICE_HANDED_OVER = N_(
    "{name} has handed case {code} over to you. Open 'My cases' in your chat with the "
    "meldbot to read it."
)
NOTICE_ANSWERED = N_(
    "The melder has answered your question about case {code}. Open 'My cases' to read it."
)
NOTICE_ESCALATED = N_(
    "Case {code} has not been picked up within {hours} hours. Could you pick it up? Open "
    "'My cases' in your chat with the meldbot."
)
NOTICE_REMINDER = N_(
    "Reminder for case {code} ({hours} hours old): the employer reacts to the perpetrator "
    "within 48 hours. No such action has been recorded yet. Record it under 'My cases'."
)
MELDER_CLAIMED = N_(
    "Acknowledgement of receipt: your report {code} has been received and a contact person "
    "has picked it up. You will hear what is done with it by {date} at the latest. Choose "
    "'Status of my report' for details."
)
MELDER_QUESTION = N_(
    "The contact person has a question about your report {code}. Choose 'Status of my "
    "report' to read and answer it."
)
MELDER_CLOSED = N_(
    "Your report {code} has been closed. Choose 'Status of my report' to read what the "
    "contact person writes about it."
)
MELDER_HANDED_OVER = N_(
    "News about your report {code}: another contact person takes it over. You do not have "
    "to do anything."
)
MELDER_ESCALATED = N_(
    "Your report {code} has not been picked up yet, {hours} hours after you sent it. That "
    "takes longer than it should, so I have now also asked {who}. You will hear it here as "
    "soon as someone picks it up. Need someone now? Choose 'I want to talk to someone'."
)

CLAIMED_BY_YOU = N_("You have picked up this case. The melder has been told.")
CLAIMED_BY_OTHER = N_("This case has already been picked up by {name}.")
CASE_CLOSED_ALREADY = N_("This case is closed.")
QUESTION_SENT = N_("Your question has been passed on to the melder.")
NOTE_SAVED = N_("Note saved.")
ACTION_SAVED = N_("Action recorded.")
STATUS_SET = N_("Status changed to: in progress.")
CASE_CLOSED_DONE = N_("The case is closed and the melder has been told.")
HANDED_OVER_DONE = N_("The case has been handed over to {name}.")
NO_HANDOVER_CANDIDATES = N_("There is nobody this case can be handed over to.")
ANSWER_SENT = N_("Thank you. Your answer has been passed on.")
NO_OPEN_QUESTION = N_("There is no open question about this report.")
CASE_HOLDER = N_("Picked up by: {name}.")
CASE_UNCLAIMED = N_("Not yet picked up.")
CASE_MESSAGES = N_("Messages:")
CASE_MESSAGE_LINE = N_("• {date} · {who}: {text}")
CASE_ACTIONS = N_("Actions taken:")
CASE_ACTION_LINE = N_("• {date} · {name}: {action}")
WHO_MELDER = N_("melder")
WHO_QUESTION = N_("question from {name}")
WHO_NOTE = N_("note by {name}")
WHO_FEEDBACK = N_("feedback from {name}")
CALLBACK_ASKED = N_("asked to be contacted")
OWN_CASE_HEADER = N_("Report {code} · {kind} · {date}\nStatus: {status}.")
OWN_CASE_QUESTION = N_("Question from the contact person: {text}")
OWN_CASE_FEEDBACK = N_("Message from the contact person: {text}")
OWN_CASE_NO_NEWS = N_("There is no message from the contact person yet.")
OWN_CASE_NOT_FOUND = N_("I cannot find that report among yours.")
OUTCOME_LINE = N_("Outcome: {outcome}")
CHECKIN_INTRO_DAY = N_(
    "It is a day since your report {code}. I would like to know how you are doing."
)
CHECKIN_INTRO = N_(
    "It is {days} days since your report {code}. I would like to know how you are doing."
)
CHECKIN_THANKS = N_("Thank you for letting me know.")
CHECKIN_STOPPED = N_(
    "All right, I will not ask again. You can always come back here, or choose 'I want to "
    "talk to someone'."
)
CHECKIN_LOW = N_(
    "I'm sorry you are having a hard time. You do not have to carry this alone. These "
    "people can help right away:"
)
CHECKIN_TREND = N_("How the melder is doing (check-ins): {trend}")
CHECKIN_TREND_ITEM = N_("day {day}: {score}/5")
CHECKIN_SHARED_WORDS = N_("• day {day}, in their own words: {text}")
CRISIS_NUMBERS = N_(
    "• Dark thoughts or in crisis? Call 113 Zelfmoordpreventie: 0800-0113 (free, 24/7), "
    "or chat at 113.nl.\n"
    "• Your huisarts (GP); in the evening and at the weekend the huisartsenpost.\n"
    "• In danger right now? Call 112."
)
EXPORT_READY = N_(
    "Here is a copy of your data: {n} report(s), with your answers, messages and check-ins, "
    "as a JSON file."
)
DELETED_DONE = N_(
    "Done: {n} report(s) and this chat's saved answers have been deleted. The contact persons "
    "have been told that you withdrew. You can always come back."
)
NOTICE_WITHDRAWN = N_(
    "The melder has withdrawn report {code} and had it deleted. Its content is gone; please "
    "delete any copies you made."
)
RATE_LIMITED = N_(
    "You are sending many messages in a short time. Please wait a minute and then send your "
    "answer again. Nothing has been lost. In danger? Call 112."
)

# -- understanding answers in other words (dialogs/answers.py, dialogs/asides.py) ----------

GUESS_QUESTION = N_("Do you mean: {label}?")
GUESS_YES = N_("Yes, that's it")
GUESS_REJECTED = N_("Then choose what fits below, or say it in other words.")
NOT_UNDERSTOOD_OPTIONS = N_(
    "I'm not sure which one you mean. Choose below, type the number, or say it in other words."
)
NOT_AN_ANSWER = N_("That does not seem to answer the question yet.")
HELD_WHEN = N_(
    "I don't see a day or time in that. Shall I keep it like this as the answer to 'when'?"
)
HELD_WHO = N_(
    "I don't see who did it in that. Shall I keep it like this as the answer to 'who did it'?"
)
HELD_NAME = N_("I don't see a name in that. Shall I keep it like this as your name?")
HELD_HANDLE = N_("I don't see an account, number or link in that. Shall I keep it like this?")
HELD_SHORT_STORY = N_(
    "Is that all you want to tell? A few more words help the contact person to understand "
    "what happened. Type more, or keep it like this."
)
HELD_SHORTER_STORY = N_(
    "That is much shorter than what you told before. Shall I replace your story with this?"
)
STOP_CONFIRM = N_(
    "Do you want to stop this report? Then nothing is sent and what you wrote is deleted."
)
STOP_YES = N_("Yes, stop")
STOP_NO = N_("No, go on")
STOP_GOING_ON = N_("Good, let's go on.")
HELD_KEEP = N_("Yes, keep it like this")
HELD_RETYPE = N_("No, I'll type it again")
HELD_RETYPE_ASK = N_("All right. Type your answer again.")
ADDED_TO_STORY = N_("I've added that to your story.")
QUESTION_ANONYMITY = N_(
    "Good question. This bot never sends your report to the person it is about. If you "
    "report anonymously, your organisation does not see who you are either: no name, "
    "account or phone number is kept with your report. Be aware that what you describe may "
    "show who you are, and that the messenger knows you talk to this bot. With your name, "
    "only the contact person of your organisation sees it, so they can help you; what "
    "happens towards the other person, you can discuss with them first."
)
QUESTION_WHO_READS = N_(
    "Your report goes only to the contact person of your organisation who fits it, such as "
    "an aandachtsfunctionaris: never to the person it is about, and not to your line "
    "manager if you don't want that."
)
QUESTION_EVIDENCE = N_(
    "You can send screenshots, photos and files right here in this chat, the way you send "
    "a photo to someone: with the paperclip or the plus sign. I ask for them at the "
    "question about evidence."
)
QUESTION_WHAT_NEXT = N_(
    "When you send your report you get a code. The contact person responds within {hours} "
    "hours and can ask you questions through this chat; with 'status' you see how it stands."
)
QUESTION_DATA = N_(
    "What you write is stored encrypted. Closed reports are deleted after {months} months. "
    "With 'privacy' you can see or delete your data at any time."
)
QUESTION_UNKNOWN = N_(
    "I can't answer that one myself. The contact person can help you with it once your "
    "report is in."
)
CARE = N_("I'm sorry you feel this way. It's good that you say so.")
STORY_CARE = N_("That sounds like it really shook you.")
SAFETY_QUESTION = N_("Are you safe right now?")
SAFETY_YES = N_("Yes, I'm safe")
SAFETY_NO = N_("No")
SAFETY_GLAD = N_("Good. Take your time; we'll go on where we were.")

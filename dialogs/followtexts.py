"""Texts of what follows a report, as gettext msgids: escalation, the legal clock,
feedback and call-back requests (the bot's other texts are in `dialogs.texts`)."""

from __future__ import annotations

from dialogs.i18n import N_

NOTICE_STILL_UNCLAIMED = N_(
    "Case {code} has still not been picked up, {hours} hours after the report. Please pick "
    "it up, or hand it over to someone who can, under 'My cases'."
)
NOTICE_LEGAL_ACK = N_(
    "Legal deadline for case {code}: the melder must have an acknowledgement of receipt "
    "within 7 days of the report, so by {date} (Wet bescherming klokkenluiders). Nobody has "
    "picked the case up yet. Pick it up under 'My cases': the melder then gets the "
    "acknowledgement."
)
NOTICE_LEGAL_FEEDBACK = N_(
    "Legal deadline for case {code}: the melder must hear what is done with their report "
    "within 3 months of the acknowledgement, so by {date} (Wet bescherming "
    "klokkenluiders). No feedback has been given yet. Give it under 'My cases' with 'Give "
    "the melder feedback'; an interim report counts."
)

MELDER_FEEDBACK = N_(
    "The contact person has written to you about what is being done with your report "
    "{code}. Choose 'Status of my report' to read it."
)

MELDER_REMINDED = N_(
    "Your report {code} has not been picked up yet, {hours} hours after you sent it. That "
    "takes longer than it should; I have reminded the contact persons again. You will hear "
    "it here as soon as someone picks it up."
)

CALLBACK_REQUESTED_PHONE = N_("I have asked {who} to call you on {phone}.")
CALLBACK_REQUESTED_CHAT = N_(
    "I have asked {who} to contact you here in this chat. If you reported anonymously, you "
    "stay anonymous."
)
CALLBACK_ALREADY = N_(
    "You had already asked to be contacted, and nobody has closed that request yet. I have "
    "reminded {who}."
)
CALLBACK_NEXT = N_(
    "You will hear here when someone picks it up. Under 'Status of my report' you find your "
    "request and the messages about it."
)
CALLBACK_PHONE_INVALID = N_(
    "I cannot read a phone number in that. Type it like 06 12345678 or +31 6 12345678, or "
    "choose 'Here in this chat'."
)
CALLBACK_LABEL = N_("Request to be contacted")
CALLBACK_ABOUT = N_("about report {code}")
CALLBACK_NO_REPORT = N_("no report")
CALLBACK_STATUS = {
    "new": N_("not yet picked up"),
    "claimed": N_("picked up"),
    "closed": N_("done"),
}
NOTICE_CALLBACK = N_(
    "A melder asks to be contacted ({ref}). Open 'My cases' in your chat with the meldbot "
    "and pick it up: the melder then hears that someone will contact them."
)
NOTICE_CALLBACK_PHONE = N_("They would like to be called; the number is in the bot.")
NOTICE_CALLBACK_CHAT = N_(
    "They are anonymous or prefer the chat: reach them through the bot with 'Send the "
    "melder a message'; you do not learn who they are."
)
NOTICE_CALLBACK_CLAIMED = N_("The request to be contacted ({ref}) has been picked up.")
NOTICE_CALLBACK_REPLY = N_(
    "The melder has written back about their request to be contacted ({ref}). Open 'My "
    "cases' to read it."
)
NOTICE_CALLBACK_REMINDER = N_(
    "A request to be contacted ({ref}) has not been picked up for a day or more. The melder "
    "is waiting: open 'My cases' and pick it up."
)
MELDER_CALLBACK_CLAIMED = N_(
    "Your request to be contacted has been picked up by {who}. They will contact you {how}."
)
CALLBACK_HOW_PHONE = N_("by phone")
CALLBACK_HOW_CHAT = N_("here in this chat")
MELDER_CALLBACK_MESSAGE = N_(
    "There is a message for you about your request to be contacted. Choose 'Status of my "
    "report' to read and answer it."
)
MELDER_CALLBACK_CLOSED = N_(
    "Your request to be contacted has been closed. Would you like to talk to someone again? "
    "Choose 'I want to talk to someone' in the menu."
)
CALLBACK_HEADER = N_("Request to be contacted · received {date} · {status}")
CALLBACK_CASE_LINE = N_("About report {code} ({kind}).")
CALLBACK_NO_CASE_LINE = N_("Not about a report.")
CALLBACK_PHONE_LINE = N_("Call: {phone} ({name}).")
CALLBACK_CHAT_LINE = N_(
    "Through the chat: choose 'Send the melder a message'; their answers appear here. You "
    "do not learn who they are."
)
CALLBACK_NOT_YOURS = N_("That request does not exist or was not sent to you.")
CALLBACK_CLAIMED_BY_YOU = N_("You have picked up this request. The melder has been told.")
CALLBACK_MESSAGE_SENT = N_("Your message has been passed on to the melder.")
CALLBACK_CLOSED_DONE = N_("The request is closed and the melder has been told.")
WHO_TO_MELDER = N_("{name} to the melder")
WHO_CONTACT = N_("contact person")
WHO_YOU = N_("you")
OWN_CALLBACK_HEADER = N_("Your request to be contacted · {date}\nStatus: {status}.")
OWN_CALLBACK_PHONE = N_("You will be called on {phone}.")
OWN_CALLBACK_CHAT = N_("The conversation takes place here in this chat.")
OWN_CALLBACK_REPLY_SENT = N_("Thank you. Your message has been passed on.")
FEEDBACK_SENT = N_("Your feedback has been passed on to the melder.")

STATUS_CALLBACKS = N_("Your requests to be contacted:")

# -- the melder's side after sending: answering, writing, adding, reopening -----------------

OWN_CASE_EXCHANGE = N_("Latest messages:")
OWN_CASE_TYPE_ANSWER = N_(
    "Question from the contact person: {text}\nYou can type your answer here straight away."
)
WHO_YOU_ADDED = N_("you added")
WHO_YOU_REOPENED = N_("you reopened the report")
WHO_CONTACT_QUESTION = N_("question from the contact person")
WHO_CONTACT_FEEDBACK = N_("the contact person")
REPLY_SENT = N_("Thank you. Your message has been passed on to the contact person.")
ANSWER_AT_MENU = N_("The contact person asked you a question about report {code}.")
TYPED_ANSWER_KEPT = N_("All right, I have not passed anything on.")
ADDED_WORDS = N_("I'll add that. Send more, or choose 'Done'.")
ADDITION_SENT = N_("Thank you. I have added it to your report {code} and told the contact persons.")
ADDITION_EMPTY = N_("Nothing has been added: you did not send anything yet.")
ADDITION_DROPPED = N_("Stopped. Nothing has been added to your report.")
ADDITION_CLOSED_NOTE = N_(
    "Your report is closed. What you add still reaches the contact persons; if it is not "
    "over, you can also reopen your report."
)
REOPENED = N_(
    "Your report {code} is open again. The contact persons have been told, with your reason. "
    "You will hear from them here."
)
REOPEN_KEPT = N_("Your report stays closed.")
NOTICE_REOPENED_WAITING = N_(
    "Report {code} was reopened by the melder {hours} hours ago and nobody has reacted "
    "yet. Open 'My cases' in your chat with the bot to read their reason."
)
NOTICE_REOPENED_NEW = N_(
    "Report {code} was reopened by the melder {hours} hours ago and is still waiting for a "
    "reaction. Can you take it up? Open 'My cases' in your chat with the bot."
)
MELDER_REOPENED_ESCALATED = N_(
    "Nobody has reacted to your reopened report {code} yet, {hours} hours after you "
    "reopened it. That takes longer than it should, so I have now also asked {who}. You "
    "will hear it here. Need someone now? Choose 'I want to talk to someone'."
)
CALLBACK_NUMBER_TAKEN = N_("Thank you, I have your number.")
MELDER_CALLBACK_ESCALATED = N_(
    "Nobody has taken up your request to be contacted yet, {hours} hours after you asked. "
    "That takes longer than it should, so I have now also asked {who}. You will hear it "
    "here as soon as someone takes it up. In danger now? Call 112."
)
WHICH_REPORT_FIRST = N_("Which report is it about? Choose it below; then we go on.")
NOT_CLOSED = N_("Your report is not closed; there is nothing to reopen.")
NOTICE_ADDITION = N_(
    "The melder has added something to case {code} ({what}). Open 'My cases' in your chat "
    "with the meldbot to read it."
)
ADDITION_WHAT_TEXT = N_("text")
ADDITION_WHAT_FILES = N_("{n} file(s) or link(s)")
NOTICE_REPLY = N_("The melder has written to you about case {code}. Open 'My cases' to read it.")
NOTICE_REOPENED = N_(
    "The melder has reopened case {code}: it is not over for them. Open 'My cases' to read "
    "their reason; the case is in progress again."
)
WHO_MELDER_REPLY = N_("melder, a message")
WHO_MELDER_ADDITION = N_("melder, added to the report")
WHO_MELDER_REOPEN = N_("melder, reopened the report")

# -- security and the melder after an acute-danger alert ------------------------------------

ALERT_RELAY_HINT = N_(
    "To ask the person a question (for example: where are you exactly?), choose 'Acute "
    "danger alerts' in your chat with the meldbot. They answer in their own chat; you do not "
    "learn who they are."
)
ALERTS_BUTTON = N_("Acute danger alerts")
ALERTS_NONE = N_("There have been no acute danger alerts for you in the last {hours} hours.")
ALERTS_INTRO = N_("Acute danger alerts of the last {hours} hours:")
ALERT_LABEL = N_("{time} · {kind}")
ALERT_LABEL_CLEAR = N_("{time} · {kind} · all-clear")
ALERT_HEADER = N_("Acute danger alert of {time}.")
ALERT_CLEAR_LINE = N_("All-clear given at {time}: the person says the danger is over.")
ALERT_OPEN_LINE = N_("No all-clear yet.")
ALERT_NOT_YOURS = N_("That alert does not exist or was not sent to you.")
ALERT_ASKED = N_("Your question has been put in the person's chat. Their answer comes here.")
WHO_SECURITY = N_("{name} asked")
WHO_PERSON = N_("the person answered")
MELDER_SECURITY_ASKS = N_(
    "Security asks: {text}\nType your answer here; it goes straight to security. In danger? "
    "Call 112."
)
SECURITY_ANSWER_SENT = N_("Your answer has been passed on to security.")
NOTICE_SECURITY_ANSWER = N_(
    "Answer to your question about the acute danger alert of {time}: {text}"
)

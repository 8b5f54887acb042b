"""What the channels themselves say, beside the conversation (msgids; translated with
`dialogs.i18n`). One module for every channel, so a text shared by two is written once."""

from __future__ import annotations

from dialogs.i18n import N_

# -- every channel ------------------------------------------------------------------------

SOMETHING_WRONG = N_(
    "Sorry, something went wrong on my side. What you answered before is kept. Please try "
    "again in a moment."
)
#: Sent after a kind of message the channel cannot use, so the person knows what does work.
WHAT_I_TAKE = N_(
    "I can read text, photos and files (such as screenshots or PDF documents). Type your "
    "answer, or send evidence as a photo or a file."
)
FILE_TOO_LARGE = N_(
    "{name} is too large for me: I can receive files up to {limit}. Could you send a smaller "
    "file, or a screenshot?"
)

# -- Telegram -----------------------------------------------------------------------------

# The command menu (setMyCommands), shown in Telegram's "/" list.
COMMAND_START = N_("Start or continue a report")
COMMAND_STOP = N_("Stop the report (nothing is sent)")
COMMAND_STATUS = N_("Status of my reports")
COMMAND_PRIVACY = N_("Who sees what, and my data")
COMMAND_HELP = N_("Help and the menu")

GROUP_NOT_HERE = N_(
    "I do not take reports in a group: everyone here could read along. Open a private chat "
    "with me; there nobody else sees what you write."
)
GROUP_OPEN_PRIVATE = N_("Open a private chat")

BUTTON_STALE = N_("That button belongs to an earlier question. Please use the newest message.")
BUTTON_NOT_VALID = N_("I cannot use this button. Please use the buttons of the newest message.")
BUTTON_IN_GROUP = N_("I do not take reports in a group. Open a private chat with me.")

NO_VOICE = N_(
    "I cannot listen to voice or audio messages. Did you receive a threatening voice "
    "message? Keep it, and describe it in your report."
)
NO_STICKER = N_("I cannot read stickers, GIFs or emoji pictures.")
NO_LOCATION = N_(
    "I do not use shared locations. Type the place in your own words, for example "
    "'the entrance of the clinic'."
)
NO_VIDEO = N_(
    "I cannot watch videos or video messages. Is a video evidence? Keep it, and mention it "
    "in your report."
)
NO_CONTACT = N_("I do not take contact cards: I do not need anyone's phone number.")

# -- Matrix -------------------------------------------------------------------------------

ROOM_NOT_HERE = N_(
    "I do not take reports in a room with more than two people: everyone here could read "
    "along. Start a direct chat with me (only you and me); there nobody else sees what you "
    "write."
)
NO_ENCRYPTION = N_(
    "This chat is end-to-end encrypted, and this bot cannot read encrypted messages. I did "
    "not read what you wrote. Please start a new direct chat with me with encryption turned "
    "off."
)
NOT_DECRYPTED = N_(
    "I could not decrypt your last message. Could you send it again? If this keeps "
    "happening, start a new direct chat with me."
)
NOT_SUPPORTED = N_("I cannot use this kind of message (audio, video, location or sticker).")
REACTION_STALE = N_(
    "That reaction belongs to an earlier question. Please answer my newest message."
)

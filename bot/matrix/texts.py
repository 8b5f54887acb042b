"""What the Matrix channel itself says (msgids; translated with `dialogs.i18n`)."""

from __future__ import annotations

from dialogs.i18n import N_

GROUP_NOT_HERE = N_(
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
SOMETHING_WRONG = N_(
    "Sorry, something went wrong on my side. What you answered before is kept. Please try "
    "again in a moment."
)
WHAT_I_TAKE = N_(
    "I can read text, photos and files (such as screenshots or PDF documents). Type your "
    "answer, or send evidence as a photo or a file."
)
NOT_SUPPORTED = N_("I cannot use this kind of message (audio, video, location or sticker).")
FILE_TOO_LARGE = N_(
    "{name} is too large for me: I can receive files up to {limit}. Could you send a smaller "
    "file, or a screenshot?"
)
REACTION_STALE = N_(
    "That reaction belongs to an earlier question. Please answer my newest message."
)

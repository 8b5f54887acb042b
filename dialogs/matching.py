"""Reading user input: cleaning text, commands, and matching answers to options."""

from __future__ import annotations

import functools
import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass

from dialogs.flow import Option
from nlu.language import requested
from nlu.text import INVISIBLE
from nlu.text import words as fold_words

_SLASH_COMMAND = re.compile(r"^/\w+(?:@\w+)?$")
_URL = re.compile(r"(?i)\b(?:https?://|www\.)[^\s<>\"']+")
_PATH = re.compile(
    r"^(?:~|\.{1,2})?/\S+|^[A-Za-z]:\\\S+|^\S+\.(?:png|jpe?g|gif|heic|pdf|txt|docx?|mp4|mov|webp)$",
    re.IGNORECASE,
)

COMMANDS: dict[str, tuple[str, ...]] = {
    "stop": ("stop", "stoppen", "annuleer", "annuleren", "cancel", "quit", "afbreken"),
    "back": ("terug", "vorige", "back", "previous", "ga terug", "go back"),
    "menu": ("menu", "start", "help", "hulp nodig", "begin", "opnieuw"),
    "status": ("status", "mijn status", "my status"),
    "privacy": ("privacy",),
}
#: The commands for a language ("english", "sorry I don't speak Dutch"): `nlu.language`.
LANGUAGE_COMMANDS = {"en": "lang_en", "nl": "lang_nl"}


_ANSI = re.compile(r"\x1b(?:\[[0-?]*[ -/]*[@-~]|\][^\x07]*(?:\x07|\x1b\\)|[@-Z\\-_])")


def clean_text(text: str) -> str:
    """Normalise to NFC and drop terminal escapes and invisible characters; keep line breaks."""
    text = _ANSI.sub("", text)
    text = unicodedata.normalize("NFC", text)
    text = INVISIBLE.sub("", text)
    return text.strip()


def fold(text: str) -> str:
    """The one text fold without punctuation (`nlu.text.words`): for short answers."""
    return fold_words(text)


@functools.lru_cache(maxsize=4096)
def fold_label(text: str) -> str:
    """`fold` for the bot's own option ids, labels and synonyms (cached: they repeat).

    Only the bot's texts go through the cache, never what someone typed.
    """
    return fold(text)


def command_of(text: str) -> str | None:
    """The global command a short message stands for ('stop', 'back', a language), if any."""
    language = requested(text)
    if language is not None:
        return LANGUAGE_COMMANDS[language]
    if len(text) > 40:
        return None
    folded = fold(text.lstrip("/"))
    for command, words in COMMANDS.items():
        if folded in words:
            return command
    if _SLASH_COMMAND.match(text):
        return "unknown"
    return None


def find_urls(text: str) -> list[str]:
    """Links in a message (for evidence)."""
    return [m.group(0).rstrip(".,;:!?)") for m in _URL.finditer(text)]


def looks_like_path(text: str) -> bool:
    """Whether a line looks like a file name or path the melder meant to send."""
    return bool(_PATH.match(text.strip())) and "\n" not in text.strip()


@dataclass(frozen=True)
class Match:
    """The outcome of matching input to options: an option, or why not."""

    option: Option | None = None
    out_of_range: bool = False


def match_option(
    text: str,
    options: Sequence[Option],
    labels: Sequence[str],
    *,
    numbers: bool = True,
) -> Match:
    """Match typed text to an option by number, id, label (as shown) or synonym."""
    folded = fold(text)
    if not folded:
        return Match()
    if numbers and folded.isdigit():
        index = int(folded)
        if 1 <= index <= len(options):
            return Match(options[index - 1])
        return Match(out_of_range=True)
    for option, label in zip(options, labels, strict=True):
        if folded in (fold_label(option.id), fold_label(label)):
            return Match(option)
    for option in options:
        if any(folded == fold_label(s) for s in option.synonyms):
            return Match(option)
    # A short answer that starts a label ("ja," for "Ja, verstuur") is accepted too.
    if len(folded) >= 3:
        starts = [
            o for o, lab in zip(options, labels, strict=True) if fold_label(lab).startswith(folded)
        ]
        if len(starts) == 1:
            return Match(starts[0])
    return Match()

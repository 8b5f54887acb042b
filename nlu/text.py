"""The one text fold: how every part of the bot compares what people type.

The classifier, the rules (acute danger, distress, anonymity), the synonyms of the training
data, the entity extractor and the dialogs' answer matching all read text through `fold`,
so "Patiënt", "patient" and "PATIENT\u200b" are one word everywhere. `words` also drops
punctuation, for comparing short answers with option labels.
"""

from __future__ import annotations

import functools
import re
import unicodedata

__all__ = ["INVISIBLE", "fold", "quoted", "sentence_start", "words"]

#: Invisible format and control characters (zero-width, bidi overrides, soft hyphen, BOM):
#: dropped so "pat\u200bient" reads as "patient" and nothing can hide text from a reader.
#: Newlines and tabs are kept (whitespace is collapsed by `fold`, kept by `clean_text`).
INVISIBLE = re.compile(
    "[\x00-\x08\x0b\x0e-\x1f\x7f-\x9f\u00ad\u200b-\u200f\u202a-\u202e\u2060-\u2064"
    "\u2066-\u2069\ufeff]"
)
_APOSTROPHES = str.maketrans({"\u2019": "'", "\u2018": "'", "`": "'", "\u00b4": "'"})
_PUNCTUATION = re.compile(r"[^\w\s'-]")


# The same message is folded by every reader of it (classifier, rules, guards, matching):
# remembered for the latest messages, so each is folded once.
@functools.lru_cache(maxsize=2048)
def fold(text: str, *, limit: int | None = None) -> str:
    """Lowercase, NFKC, no accents or invisible characters, straight apostrophes ("don’t"
    reads as "don't"), single spaces; at most `limit` characters when given."""
    if limit is not None:
        text = text[: limit * 2]
    if not text.isascii():  # plain ASCII has nothing to normalise (most messages)
        text = INVISIBLE.sub("", unicodedata.normalize("NFKC", text))
        decomposed = unicodedata.normalize("NFD", text)
        text = "".join(c for c in decomposed if not unicodedata.combining(c))
    else:
        text = INVISIBLE.sub("", text)
    text = " ".join(text.casefold().translate(_APOSTROPHES).split())
    return text if limit is None else text[:limit]


@functools.lru_cache(maxsize=2048)
def words(text: str) -> str:
    """`fold` without punctuation (apostrophes and hyphens stay), chat spellings written out
    ("nie" is "niet"): for short answers."""
    return " ".join(_CHAT.get(w, w) for w in _PUNCTUATION.sub(" ", fold(text)).split())


#: Chat spellings of words that turn an answer around: "nog nie versturen" must not read as
#: "versturen". (Not in `fold`: the rules share its offsets with the text as written.)
_CHAT = {"nie": "niet", "nie'": "niet"}


_QUOTE_OPEN = re.compile(r"(?:^|[\s:(])['\"](?!(?:s|t|n|k|m)\b)")
_QUOTE_CLOSE = re.compile(r"\w['\"](?=[\s.,!?;:)]|$)")


def sentence_start(folded: str, start: int) -> int:
    """Where the sentence that holds an offset starts (at most 160 characters back)."""
    lower = max(0, start - 160)
    return max(folded.rfind(mark, lower, start) for mark in ".!?\n") + 1 or lower


def quoted(folded: str, start: int) -> bool:
    """Whether an offset stands inside a quotation: "'duw me maar weg dan'", "commented 'keep
    posting and ...'" is what someone said or wrote, not what the melder tells."""
    left = folded[sentence_start(folded, start) : start]
    opened = len(_QUOTE_OPEN.findall(left))
    return opened > 0 and opened > len(_QUOTE_CLOSE.findall(left))

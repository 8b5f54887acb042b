"""Which language a chat speaks: it follows what the melder writes, or holds what they chose.

A message clearly in the other language, of several words, switches the chat and says so
briefly in the new language; "english please" or "sorry I don't speak Dutch" (a command,
`dialogs.commands`) switches and holds, so the chat no longer follows. One English word in a
Dutch sentence changes nothing (`nlu.language.detect` needs a clear margin).
"""

from __future__ import annotations

from dialogs import texts
from dialogs.i18n import Translator, translator
from dialogs.turn import Turn
from nlu.language import detect, words

__all__ = ["follow", "of_message", "switch"]


def switch(turn: Turn, lang: str, *, hold: bool) -> None:
    """Speak `lang` from this answer on; `hold` when the melder asked for it."""
    turn.tr = translator(lang)
    turn.state.lang = turn.tr.lang
    turn.state.lang_held = turn.state.lang_held or hold


def follow(turn: Turn, text: str, *, announce: bool = True) -> bool:
    """Switch to the language a message is clearly written in, unless the melder chose one;
    returns whether it switched."""
    if turn.state.lang_held or not text or turn.incoming.choice is not None:
        return False
    lang = detect(text)
    if lang is None or lang == turn.tr.lang:
        return False
    if words(text) < turn.env.config.language_switch_words:
        return False
    switch(turn, lang, hold=False)
    if announce:
        turn.say(turn.tr(texts.LANGUAGE_FOLLOWED))
    return True


def of_message(turn: Turn, text: str) -> Translator:
    """The language a message is written in, leniently ("bel 112" is Dutch), else the
    chat's: an emergency is always answered in its own language."""
    lang = detect(text, min_score=1.0)
    return translator(lang) if lang is not None and lang != turn.tr.lang else turn.tr

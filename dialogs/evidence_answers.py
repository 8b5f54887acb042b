"""The evidence question: files, links, "nothing more", and words that add to the story."""

from __future__ import annotations

from dialogs import followtexts, render, texts
from dialogs.asides import answer_question, care_for
from dialogs.choosing import choose, pick
from dialogs.flow import Step
from dialogs.guards import GUARDS
from dialogs.lexicon import answer_words
from dialogs.matching import find_urls, looks_like_path, says_option
from dialogs.navigation import options, prompt
from dialogs.turn import Turn
from dialogs.word_orders import says

__all__ = ["answer_evidence"]


def answer_evidence(turn: Turn, step: Step, text: str) -> None:
    incoming = turn.incoming
    took = _take_files(turn)
    if not incoming.attachments and text:
        urls = _take_links(turn, text)
        if not urls:
            option = pick(turn, step, text) if _short_or_clear(turn, step, text) else None
            turn.notice = None
            if option is not None:
                choose(turn, step, option)
                return
            if _words_at_evidence(turn, step, text):
                return  # "are you safe now?" comes before the question again
        took = True
    elif incoming.choice is not None:
        option = pick(turn, step, text)
        if option is not None:
            choose(turn, step, option)
            return
    if took or incoming.choice is not None:
        prompt(turn, step, repeat=True)


def _short_or_clear(turn: Turn, step: Step, text: str) -> bool:
    """An answer that clearly picks an option (see `says_option`): not a word of an option
    in the middle of a sentence ("hij had geen mes")."""
    offered = options(turn, step)
    labels = [turn.tr(o.label) for o in offered]
    return says_option(text, offered, labels, answer_words(step.slot))


def _words_at_evidence(turn: Turn, step: Step, text: str) -> bool:
    """Words where files are asked: a file name that did not come through, a question,
    or more of the story, which is added to it; words of distress ("ik ben nog helemaal
    van slag") are kept with the story and get a human answer and "are you safe now?"
    (then True: the question is not repeated yet)."""
    if looks_like_path(text):
        turn.say(turn.tr(texts.EVIDENCE_UNREADABLE, name=text))
        return False
    later = not step.free_text_slot and says("evidence_later", text)
    if not later and answer_question(turn, None, text, known_only=False):
        return False  # ("kan ze nu niet vinden" starts like a question, but tells)
    # Words go with the step's own words (an addition to a report), else to the story.
    slot = step.free_text_slot or (turn.flow.story_slot if turn.flow else None)
    if slot is None or GUARDS.says_nothing(text) or len(text.split()) < _STORY_WORDS:
        turn.say(turn.tr(texts.EVIDENCE_WHAT))
        return False
    before = str(turn.slots.get(slot) or "")
    turn.slots[slot] = f"{before}\n{text}" if before else text
    turn.say(turn.tr(followtexts.ADDED_WORDS if step.free_text_slot else texts.ADDED_TO_STORY))
    if later:
        turn.say(turn.tr(texts.EVIDENCE_LATER))
    return care_for(turn, text)


#: Fewer words than this tell nothing to add to a story ("whoever", "idk"): the question
#: is explained instead.
_STORY_WORDS = 2


def _take_files(turn: Turn) -> bool:
    """Store the message's files as draft evidence; whether there were any."""
    limit = turn.env.config.max_attachment_bytes
    took = False
    for attachment in turn.incoming.attachments:
        if not attachment.data:
            turn.say(turn.tr(texts.EVIDENCE_EMPTY_FILE, name=attachment.filename))
            continue
        if len(attachment.data) > limit:
            turn.say(
                turn.tr(
                    texts.EVIDENCE_TOO_LARGE, name=attachment.filename, limit=render.size(limit)
                )
            )
            continue
        item = turn.unit.add_draft_evidence(
            turn.key,
            kind="file",
            name=attachment.filename,
            media_type=attachment.media_type,
            data=attachment.data,
        )
        turn.say(turn.tr(texts.EVIDENCE_RECEIVED, name=item.name, size=render.size(item.size)))
        took = True
    for name in turn.incoming.unreadable:
        turn.say(turn.tr(texts.EVIDENCE_UNREADABLE, name=name))
        took = True
    return took


def _take_links(turn: Turn, text: str) -> list[str]:
    urls = find_urls(text)
    for url in urls:
        turn.unit.add_draft_evidence(
            turn.key, kind="link", name=url, media_type=None, data=url.encode()
        )
        turn.say(turn.tr(texts.EVIDENCE_LINK_RECEIVED, name=url))
    return urls

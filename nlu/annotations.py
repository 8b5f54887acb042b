"""Inline entity annotations in example texts, read and written.

`[span](entity)`, `[span](entity:value)` (legacy) and `[span]{"entity": "...", "value": "..."}`
mark an entity inside a training example. `parse_annotations` strips them into plain text and
spans; `format_example` writes an example back as one annotated line.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from typing import Any

from nlu.corpus import EntitySpan, Example, TrainingDataError
from nlu.text import fold

__all__ = [
    "UNSAFE_FOR_YAML",
    "RawSpan",
    "clean_segment",
    "format_example",
    "parse_annotated_text",
    "parse_annotations",
]

#: `[text]` followed by `(entity)`, `(entity:value)` or `{json}`.
_ANNOTATION = re.compile(
    r"\[(?P<text>[^\[\]\n]+)\]"
    r"(?:\((?P<entity>[^():\n]+?)(?::(?P<value>[^()\n]+))?\)|(?P<json>\{[^{}\n]*\}))"
)
#: A `[...]` directly followed by `(` or `{` that `_ANNOTATION` did not accept is a typo.
_BROKEN_ANNOTATION = re.compile(r"\[[^\[\]\n]*\][({]")

_ENTITY_NAME = re.compile(r"^[A-Za-z_][A-Za-z0-9_\-]*$")


@dataclass(frozen=True)
class RawSpan:
    """An annotated span as written; `value` is None until synonyms resolve it."""

    entity: str
    value: str | None
    start: int
    end: int
    text: str


def parse_annotations(line: str, source: str, lineno: int | None) -> tuple[str, list[RawSpan]]:
    """The plain text of an annotated line and its spans; raises TrainingDataError."""
    plain: list[str] = []
    spans: list[RawSpan] = []
    position = 0  # in `line`
    length = 0  # of the plain text so far
    for match in _ANNOTATION.finditer(line):
        before = line[position : match.start()]
        _check_no_broken_annotation(before, source, lineno)
        plain.append(before)
        length += len(before)
        span_text = match.group("text")
        entity, value = _annotation_target(match, source, lineno)
        spans.append(RawSpan(entity, value, length, length + len(span_text), span_text))
        plain.append(span_text)
        length += len(span_text)
        position = match.end()
    rest = line[position:]
    _check_no_broken_annotation(rest, source, lineno)
    plain.append(rest)
    return "".join(plain), spans


def _check_no_broken_annotation(segment: str, source: str, lineno: int | None) -> None:
    broken = _BROKEN_ANNOTATION.search(segment)
    if broken is not None:
        raise TrainingDataError(
            f"malformed entity annotation near {broken.group(0)!r}: "
            'use [text](entity), [text](entity:value) or [text]{"entity": ..., "value": ...}',
            source,
            lineno,
        )


def _annotation_target(
    match: re.Match[str], source: str, lineno: int | None
) -> tuple[str, str | None]:
    raw_json = match.group("json")
    if raw_json is None:
        entity = match.group("entity").strip()
        value = match.group("value")
        value = value.strip() if value is not None else None
    else:
        try:
            loaded: Any = json.loads(raw_json)
        except json.JSONDecodeError as exc:
            raise TrainingDataError(
                f"entity annotation {raw_json!r} is not valid JSON: {exc.msg}", source, lineno
            ) from exc
        if not isinstance(loaded, dict) or not isinstance(loaded.get("entity"), str):
            raise TrainingDataError(
                f'entity annotation {raw_json!r} needs an "entity" string', source, lineno
            )
        entity = loaded["entity"].strip()
        raw_value = loaded.get("value")
        if raw_value is not None and not isinstance(raw_value, str | int | float):
            raise TrainingDataError(
                f"entity value in {raw_json!r} must be a string", source, lineno
            )
        value = str(raw_value).strip() if raw_value is not None else None
    if not _ENTITY_NAME.match(entity):
        raise TrainingDataError(f"invalid entity name {entity!r}", source, lineno)
    if value == "":
        raise TrainingDataError(f"empty entity value for {entity!r}", source, lineno)
    return entity, value


def parse_annotated_text(text: str) -> tuple[str, list[EntitySpan]]:
    """Strip inline annotations: the plain text and spans whose offsets index it.

    Spans without an explicit value get the folded span text as value.
    """
    plain, raw = parse_annotations(text, "<text>", None)
    return plain, [
        EntitySpan(
            s.entity, s.value if s.value is not None else fold(s.text), s.start, s.end, s.text
        )
        for s in raw
    ]


#: Characters YAML cannot carry inside a block scalar line (line breaks, non-printables).
UNSAFE_FOR_YAML = re.compile(
    "[^\x09\x20-\x7e\xa0-\u2027\u202a-\ud7ff\ue000-\ufefe\uff00-\ufffd\U00010000-\U0010ffff]"
)


def clean_segment(text: str) -> str:
    """Plain text made safe for a YAML example line that is read back unchanged."""
    # Brackets in plain text would be read back as (broken) annotations.
    text = UNSAFE_FOR_YAML.sub(" ", text)
    return text.replace("[", "(").replace("]", ")").replace("\t", " ")


def format_example(example: Example) -> str:
    """The example as one line of inline-annotated text (no leading '- ')."""
    parts: list[str] = []
    position = 0
    for span in sorted(example.entities, key=lambda s: s.start):
        if span.start < position or span.end > len(example.text) or span.start >= span.end:
            continue  # overlapping or out-of-range spans cannot be written inline
        cleaned = clean_segment(example.text[span.start : span.end]).replace("\n", " ")
        span_text = cleaned.strip()
        if not span_text:
            continue
        # Whitespace (or a control character made one) at a span's edges stays outside the
        # brackets: the loader strips lines, and the span must still match after a round trip.
        lead = " " * (len(cleaned) - len(cleaned.lstrip()))
        trail = " " * (len(cleaned) - len(cleaned.rstrip()))
        parts.append(clean_segment(example.text[position : span.start]) + lead)
        if span.value == span_text:
            parts.append(f"[{span_text}]({span.entity})")
        else:
            target = json.dumps({"entity": span.entity, "value": span.value}, ensure_ascii=False)
            parts.append(f"[{span_text}]{target}")
        parts.append(trail)
        position = span.end
    parts.append(clean_segment(example.text[position:]))
    return "".join(parts).strip()

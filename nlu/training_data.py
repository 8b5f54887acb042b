"""Load and write NLU training data in Rasa 3 YAML format.

Supported entries of the top-level `nlu:` list:

- `intent:` with `examples:` as a block of `- text` lines (or Rasa's detailed form, a list of
  mappings with `text:`); entity annotations inside a text are `[span](entity)`,
  `[span](entity:value)` (legacy) and `[span]{"entity": "...", "value": "..."}`;
- `synonym:` with `examples:`: surface forms that normalise to the synonym's value;
- `lookup:` with `examples:`: surface forms of an entity type;
- `regex:` with `examples:`: kept as data, not used by the embedded backend.

Errors in the data raise `TrainingDataError`, which names the file and the 1-based line.
The data read is a `nlu.corpus.TrainingData`; the annotation syntax is `nlu.annotations`.
Their names are exported here too, so a caller needs only this module.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from nlu.annotations import (
    UNSAFE_FOR_YAML,
    RawSpan,
    clean_segment,
    format_example,
    parse_annotated_text,
    parse_annotations,
)
from nlu.corpus import EntitySpan, Example, TrainingData, TrainingDataError
from nlu.interpreter import INTENTS
from nlu.text import fold

__all__ = [
    "EntitySpan",
    "Example",
    "TrainingData",
    "TrainingDataError",
    "dump_rasa_yaml",
    "fold",
    "format_example",
    "load_training_data",
    "parse_annotated_text",
    "parse_rasa_yaml",
    "write_rasa_yaml",
]

_YAML_SUFFIXES = (".yml", ".yaml")

_ALLOWED_KEYS: dict[str, frozenset[str]] = {
    "intent": frozenset({"intent", "examples", "metadata"}),
    "synonym": frozenset({"synonym", "examples", "metadata"}),
    "lookup": frozenset({"lookup", "examples", "metadata"}),
    "regex": frozenset({"regex", "examples", "metadata"}),
}

# libyaml is much faster on large files and keeps line marks as well; PyYAML may lack it.
_Loader: Any = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


# --------------------------------------------------------------------------- YAML reading


@dataclass
class _RawExample:
    text: str
    intent: str
    spans: list[RawSpan]
    source: str
    line: int


@dataclass
class _RawData:
    examples: list[_RawExample] = field(default_factory=list)
    synonyms: dict[str, tuple[str, str, int]] = field(default_factory=dict)  # -> value, src, line
    lookups: dict[str, list[str]] = field(default_factory=dict)
    regexes: dict[str, list[str]] = field(default_factory=dict)


def _line(node: yaml.Node) -> int:
    return int(node.start_mark.line) + 1


def _mapping_items(node: yaml.MappingNode, source: str) -> dict[str, yaml.Node]:
    items: dict[str, yaml.Node] = {}
    for key_node, value_node in node.value:
        if not isinstance(key_node, yaml.ScalarNode):
            raise TrainingDataError("mapping keys must be plain strings", source, _line(key_node))
        key = str(key_node.value)
        if key in items:
            raise TrainingDataError(f"duplicate key {key!r}", source, _line(key_node))
        items[key] = value_node
    return items


def _scalar(node: yaml.Node, what: str, source: str) -> str:
    if not isinstance(node, yaml.ScalarNode) or not str(node.value).strip():
        raise TrainingDataError(f"{what} must be a non-empty string", source, _line(node))
    return str(node.value).strip()


def _example_lines(node: yaml.Node, source: str) -> Iterator[tuple[str, int]]:
    """The `- item` lines of an `examples:` value, with their 1-based line numbers."""
    if isinstance(node, yaml.ScalarNode):
        # A literal block (`|`) starts on the line after the indicator, one source line per
        # content line; other scalar styles fold lines, so only the start line is exact.
        literal = node.style == "|"
        first = _line(node) + 1 if literal else _line(node)
        # YAML lines end in "\n" only (PyYAML normalises \r\n); str.splitlines would also
        # split on characters that are content here and shift the line numbers.
        for index, raw in enumerate(str(node.value).split("\n")):
            lineno = first + index if literal else first
            stripped = raw.strip()
            if not stripped or stripped.startswith("#"):
                continue
            if not (stripped.startswith("- ") or stripped == "-"):
                raise TrainingDataError(
                    f"example lines must start with '- ', got {stripped[:40]!r}", source, lineno
                )
            item = stripped[1:].strip()
            if not item:
                raise TrainingDataError("empty example", source, lineno)
            yield item, lineno
    elif isinstance(node, yaml.SequenceNode):
        # Rasa's detailed form: a list of {text: ..., metadata: ...}.
        for entry in node.value:
            if not isinstance(entry, yaml.MappingNode):
                raise TrainingDataError(
                    "detailed examples must be mappings with 'text'", source, _line(entry)
                )
            items = _mapping_items(entry, source)
            if "text" not in items:
                raise TrainingDataError("detailed example without 'text'", source, _line(entry))
            text_node = items["text"]
            text = _scalar(text_node, "example text", source)
            lineno = _line(text_node) + (1 if getattr(text_node, "style", None) == "|" else 0)
            yield " ".join(text.split()), lineno
    else:
        raise TrainingDataError("'examples' must be a block of '- ' lines", source, _line(node))


def _parse_document(
    text: str, source: str, known_intents: Sequence[str] | None, into: _RawData
) -> None:
    try:
        root = yaml.compose(text, Loader=_Loader)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = int(mark.line) + 1 if mark is not None else None
        problem = exc.problem or exc.context or "syntax error"
        if exc.context and exc.context_mark is not None and exc.problem:
            # e.g. "did not find expected ',' (while parsing a flow sequence from line 6)"
            problem += f" ({exc.context} from line {int(exc.context_mark.line) + 1})"
        raise TrainingDataError(f"invalid YAML: {problem}", source, line) from exc
    except yaml.YAMLError as exc:
        raise TrainingDataError(f"invalid YAML: {exc}", source) from exc
    if root is None:
        return
    if not isinstance(root, yaml.MappingNode):
        raise TrainingDataError("the top level must be a mapping with an 'nlu' key", source, 1)
    top = _mapping_items(root, source)
    nlu = top.get("nlu")
    if nlu is None:
        return  # e.g. a domain or stories file: nothing for the NLU
    if isinstance(nlu, yaml.ScalarNode) and nlu.value in ("", "null", "~"):
        return
    if not isinstance(nlu, yaml.SequenceNode):
        raise TrainingDataError("'nlu' must be a list", source, _line(nlu))
    for entry in nlu.value:
        _parse_entry(entry, source, known_intents, into)


def _parse_entry(
    entry: yaml.Node, source: str, known_intents: Sequence[str] | None, into: _RawData
) -> None:
    if not isinstance(entry, yaml.MappingNode):
        raise TrainingDataError(
            "each 'nlu' item must be a mapping (intent, synonym, lookup or regex)",
            source,
            _line(entry),
        )
    items = _mapping_items(entry, source)
    kinds = [k for k in ("intent", "synonym", "lookup", "regex") if k in items]
    if len(kinds) != 1:
        raise TrainingDataError(
            "each 'nlu' item needs exactly one of intent, synonym, lookup, regex",
            source,
            _line(entry),
        )
    kind = kinds[0]
    unknown = sorted(set(items) - _ALLOWED_KEYS[kind])
    if unknown:
        raise TrainingDataError(f"unknown key {unknown[0]!r} in {kind} item", source, _line(entry))
    name = _scalar(items[kind], kind, source)
    if "examples" not in items:
        raise TrainingDataError(f"{kind} {name!r} has no 'examples'", source, _line(entry))
    lines = _example_lines(items["examples"], source)

    if kind == "intent":
        if known_intents is not None and name not in known_intents:
            raise TrainingDataError(f"unknown intent {name!r}", source, _line(items[kind]))
        for item, lineno in lines:
            plain, spans = parse_annotations(item, source, lineno)
            plain_stripped = plain.strip()
            if not plain_stripped:
                raise TrainingDataError("empty example", source, lineno)
            shift = len(plain) - len(plain.lstrip())
            spans = [
                RawSpan(s.entity, s.value, s.start - shift, s.end - shift, s.text) for s in spans
            ]
            into.examples.append(_RawExample(plain_stripped, name, spans, source, lineno))
    elif kind == "synonym":
        for item, lineno in lines:
            _add_synonym(into, fold(item), name, source, lineno)
    elif kind == "lookup":
        into.lookups.setdefault(name, []).extend(item for item, _ in lines)
    else:
        into.regexes.setdefault(name, []).extend(item for item, _ in lines)


def _add_synonym(into: _RawData, surface: str, value: str, source: str, lineno: int) -> None:
    existing = into.synonyms.get(surface)
    if existing is not None and existing[0] != value:
        raise TrainingDataError(
            f"synonym {surface!r} maps to {value!r} here but to {existing[0]!r} "
            f"at {existing[1]}:{existing[2]}",
            source,
            lineno,
        )
    into.synonyms[surface] = (value, source, lineno)


def _finish(raw: _RawData) -> TrainingData:
    """Resolve entity values (explicit value, else synonym, else folded text)."""
    synonyms = {surface: value for surface, (value, _, _) in raw.synonyms.items()}
    examples = []
    for ex in raw.examples:
        spans = tuple(
            EntitySpan(
                s.entity,
                s.value if s.value is not None else synonyms.get(fold(s.text), fold(s.text)),
                s.start,
                s.end,
                s.text,
            )
            for s in ex.spans
        )
        examples.append(Example(ex.text, ex.intent, spans, ex.source, ex.line))
    return TrainingData(
        examples=examples, synonyms=synonyms, lookups=raw.lookups, regexes=raw.regexes
    )


def parse_rasa_yaml(
    text: str, source: str = "<string>", *, known_intents: Sequence[str] | None = INTENTS
) -> TrainingData:
    """Parse one Rasa NLU YAML document. `known_intents=None` accepts any intent name."""
    raw = _RawData()
    _parse_document(text, source, known_intents, raw)
    return _finish(raw)


def _yaml_files(path: Path) -> list[Path]:
    if path.is_dir():
        return sorted(
            p for p in path.rglob("*") if p.is_file() and p.suffix.lower() in _YAML_SUFFIXES
        )
    if path.is_file():
        return [path]
    raise TrainingDataError("no such file or directory", str(path))


def load_training_data(
    *paths: Path | str, known_intents: Sequence[str] | None = INTENTS
) -> TrainingData:
    """Load Rasa YAML files, or all `*.yml`/`*.yaml` below directories, into one TrainingData.

    Synonyms apply across files: an annotation without a value in one file is normalised by
    a synonym defined in another.
    """
    raw = _RawData()
    for path in paths:
        for file in _yaml_files(Path(path)):
            try:
                content = file.read_text(encoding="utf-8")
            except UnicodeDecodeError as exc:
                raise TrainingDataError("not valid UTF-8", str(file)) from exc
            _parse_document(content, str(file), known_intents, raw)
    return _finish(raw)


def yaml_files(*paths: Path | str) -> list[Path]:
    """The YAML files `load_training_data` would read for these paths (missing ones skipped)."""
    found: list[Path] = []
    for path in paths:
        p = Path(path)
        if p.exists():
            found.extend(_yaml_files(p))
    return found


# --------------------------------------------------------------------------- YAML writing


def _block(items: Iterable[str]) -> list[str]:
    return [f"      - {item}" for item in items if item]


def dump_rasa_yaml(
    examples: Iterable[Example],
    synonyms: Mapping[str, str] | None = None,
    lookups: Mapping[str, Sequence[str]] | None = None,
) -> str:
    """Examples (grouped per intent, in first-seen order), synonyms and lookups as Rasa YAML."""
    grouped: dict[str, list[str]] = {}
    for example in examples:
        line = format_example(example)
        if line:
            grouped.setdefault(example.intent, []).append(line)
    out = ['version: "3.1"', "nlu:"]
    for intent, lines in grouped.items():
        out += [f"  - intent: {_safe_name(intent)}", "    examples: |", *_block(lines)]
    by_value: dict[str, list[str]] = {}
    for surface, value in (synonyms or {}).items():
        by_value.setdefault(value, []).append(surface)
    for value, surfaces in by_value.items():
        cleaned = [clean_segment(s).strip() for s in surfaces]
        out += [f"  - synonym: {_safe_name(value)}", "    examples: |", *_block(cleaned)]
    for name, items in (lookups or {}).items():
        cleaned = [clean_segment(s).strip() for s in items]
        out += [f"  - lookup: {_safe_name(name)}", "    examples: |", *_block(cleaned)]
    if len(out) == 2:
        out[-1] = "nlu: []"
    return "\n".join(out) + "\n"


_PLAIN_NAME = re.compile(r"^[A-Za-z_][A-Za-z0-9_\-]*$")
_YAML_SPECIAL = frozenset({"y", "n", "yes", "no", "true", "false", "on", "off", "null"})


def _safe_name(name: str) -> str:
    # Plain when unambiguous; quoted when YAML might read it as something else (yes, 1.0, a: b).
    if _PLAIN_NAME.match(name) and name.lower() not in _YAML_SPECIAL:
        return name
    return json.dumps(UNSAFE_FOR_YAML.sub(" ", name), ensure_ascii=False)


def write_rasa_yaml(
    path: Path | str,
    examples: Iterable[Example],
    synonyms: Mapping[str, str] | None = None,
    lookups: Mapping[str, Sequence[str]] | None = None,
) -> None:
    """Write examples (and optional synonyms and lookups) to a Rasa YAML file."""
    Path(path).write_text(dump_rasa_yaml(examples, synonyms, lookups), encoding="utf-8")

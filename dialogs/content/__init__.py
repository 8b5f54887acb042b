"""Versioned content files (aftercare advice), translated through the catalogs."""

from __future__ import annotations

from collections.abc import Iterator
from functools import lru_cache
from pathlib import Path
from typing import IO, Any

import yaml

CONTENT_DIR = Path(__file__).parent


@lru_cache(maxsize=4)
def load(name: str) -> dict[str, Any]:
    """A content file by name (without .yml), parsed once."""
    with (CONTENT_DIR / f"{name}.yml").open(encoding="utf-8") as handle:
        data: dict[str, Any] = yaml.safe_load(handle)
    return data


def _strings(node: Any) -> Iterator[str]:
    if isinstance(node, str):
        yield node
    elif isinstance(node, list):
        for item in node:
            yield from _strings(item)
    elif isinstance(node, dict):
        for key, value in node.items():
            if key != "version":
                yield from _strings(value)


def extract_yaml(
    fileobj: IO[bytes], keywords: object, comment_tags: object, options: object
) -> Iterator[tuple[int, str, str, list[str]]]:
    """Babel extraction method: every text in a content file is a message."""
    data = yaml.safe_load(fileobj.read().decode("utf-8"))
    for text in _strings(data):
        yield 0, "", text, []

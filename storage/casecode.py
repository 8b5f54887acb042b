"""Short case codes a melder can read aloud: `ZV-7K3Q`.

The alphabet leaves out characters that look alike (0/O, 1/I/L, 2/Z, 5/S, 8/B, 6/G, U/V).
"""

from __future__ import annotations

import re
import secrets

ALPHABET = "ACDEFHJKMNPQRTWXY3479"
PREFIX = "ZV-"
_CODE_RE = re.compile(rf"^{PREFIX}[{ALPHABET}]{{4,8}}$")


def new_code(length: int = 4) -> str:
    """A random code of `length` characters after the prefix."""
    return PREFIX + "".join(secrets.choice(ALPHABET) for _ in range(length))


def normalise_code(text: str) -> str | None:
    """Read a code as typed ("zv 7k3q", "7K3Q") back into canonical form, or None."""
    cleaned = re.sub(r"[\s\-_.]", "", text.strip().upper())
    if cleaned.startswith("ZV"):
        cleaned = cleaned[2:]
    candidate = PREFIX + cleaned
    return candidate if _CODE_RE.match(candidate) else None

"""Translations: gettext catalogs in `locales/`, Dutch first, English complete.

Source strings (msgids) are English. Compiled `.mo` files are used when they are up to
date; otherwise the `.po` source is compiled in memory with Babel, so a fresh checkout
runs without a build step.
"""

from __future__ import annotations

import gettext
import io
import logging
from functools import lru_cache
from pathlib import Path

from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po

log = logging.getLogger(__name__)

LOCALES_DIR = Path(__file__).resolve().parent.parent / "locales"
DOMAIN = "messages"
LANGUAGES: tuple[str, ...] = ("nl", "en")
DEFAULT_LANGUAGE = "nl"


def N_(msgid: str) -> str:  # noqa: N802 (the conventional gettext marker name)
    """Mark a string for extraction; it is translated later, in the reader's language."""
    return msgid


class Translator:
    """Translates msgids into one language and fills `{placeholders}`."""

    def __init__(self, lang: str, catalog: gettext.NullTranslations) -> None:
        self.lang = lang
        self._catalog = catalog

    def __call__(self, msgid: str, /, **params: object) -> str:
        text = self._catalog.gettext(msgid)
        return text.format(**params) if params else text

    def plural(self, singular: str, plural: str, n: int, /, **params: object) -> str:
        """Translate with a plural form chosen by `n` (also available as `{n}`)."""
        text = self._catalog.ngettext(singular, plural, n)
        return text.format(n=n, **params)


def _load_catalog(lang: str, locales_dir: Path) -> gettext.NullTranslations:
    base = locales_dir / lang / "LC_MESSAGES"
    po_path, mo_path = base / f"{DOMAIN}.po", base / f"{DOMAIN}.mo"
    if mo_path.exists() and (
        not po_path.exists() or mo_path.stat().st_mtime >= po_path.stat().st_mtime
    ):
        with mo_path.open("rb") as handle:
            return gettext.GNUTranslations(handle)
    if not po_path.exists():
        log.warning("no catalog for language %s; showing source strings", lang)
        return gettext.NullTranslations()
    with po_path.open("rb") as handle:
        catalog = read_po(handle, locale=lang)
    buffer = io.BytesIO()
    write_mo(buffer, catalog, use_fuzzy=False)
    buffer.seek(0)
    return gettext.GNUTranslations(buffer)


@lru_cache(maxsize=16)
def translator(lang: str, locales_dir: Path = LOCALES_DIR) -> Translator:
    """The translator for a language; unknown languages get Dutch."""
    if lang not in LANGUAGES:
        lang = DEFAULT_LANGUAGE
    return Translator(lang, _load_catalog(lang, locales_dir))

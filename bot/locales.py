"""Catalog upkeep: extract the source strings, update nl/en, and check completeness."""

from __future__ import annotations

import re
from pathlib import Path

from babel.messages.catalog import Catalog
from babel.messages.extract import extract_from_dir
from babel.messages.pofile import read_po, write_po

from dialogs.content import extract_yaml
from dialogs.i18n import DOMAIN, LANGUAGES, LOCALES_DIR

SOURCE_DIRS = ("dialogs", "bot")
PROJECT_DIR = LOCALES_DIR.parent
_PLACEHOLDER = re.compile(r"\{(\w*)\}")


def extract() -> Catalog:
    """Every N_-marked string in the source, as a template catalog."""
    template = Catalog(project="zorgveilig", domain=DOMAIN)
    # The web desk's templates call `_("...")` (jinja2's own Babel extractor reads them).
    method_map = [
        ("**.py", "python"),
        ("**/content/*.yml", extract_yaml),
        ("**/templates/*.html", "jinja2"),
    ]
    for folder in SOURCE_DIRS:
        for _file, _line, message, _comments, _context in extract_from_dir(
            PROJECT_DIR / folder,
            method_map=method_map,  # type: ignore[arg-type]
            keywords={"N_": None, "_": None},
            comment_tags=(),
        ):
            template.add(message)
    return template


def _po_path(lang: str) -> Path:
    return LOCALES_DIR / lang / "LC_MESSAGES" / f"{DOMAIN}.po"


def sync() -> None:
    """Write the template, merge it into each catalog, and fill English from the source."""
    template = extract()
    with (LOCALES_DIR / f"{DOMAIN}.pot").open("wb") as handle:
        write_po(handle, template, omit_header=False, sort_output=True)
    for lang in LANGUAGES:
        path = _po_path(lang)
        with path.open("rb") as handle:
            catalog = read_po(handle, locale=lang)
        catalog.update(template, no_fuzzy_matching=True)
        catalog.obsolete.clear()
        if lang == "en":
            for message in catalog:
                if message.id and not message.string:
                    message.string = message.id
        with path.open("wb") as handle:
            write_po(handle, catalog, sort_output=True, width=100)


def problems(lang: str) -> list[str]:
    """What is missing or wrong in one language's catalog, compared to the source."""
    template = extract()
    with _po_path(lang).open("rb") as handle:
        catalog = read_po(handle, locale=lang)
    found: list[str] = []
    for message in template:
        if not message.id:
            continue
        msgid = str(message.id)
        entry = catalog.get(msgid)
        if entry is None:
            found.append(f"{lang}: missing: {msgid[:60]!r}")
            continue
        if not entry.string:
            found.append(f"{lang}: untranslated: {msgid[:60]!r}")
            continue
        if entry.fuzzy:
            found.append(f"{lang}: fuzzy: {msgid[:60]!r}")
        wanted = sorted(_PLACEHOLDER.findall(msgid))
        have = sorted(_PLACEHOLDER.findall(str(entry.string)))
        if wanted != have:
            found.append(f"{lang}: placeholders {have} instead of {wanted}: {msgid[:60]!r}")
    return found

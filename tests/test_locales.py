"""Every user-facing string is translated: Dutch first, English complete."""

from __future__ import annotations

import pytest

from bot.locales import extract, problems
from dialogs.i18n import translator


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_catalog_is_complete(lang: str) -> None:
    found = problems(lang)
    assert found == [], "run `make extract` and translate:\n" + "\n".join(found[:20])


def test_source_has_strings_and_dutch_differs_from_english() -> None:
    template = extract()
    assert len(template) > 150
    nl = translator("nl")
    different = [m.id for m in template if m.id and nl(str(m.id)) != m.id]
    assert len(different) > 0.8 * len(template), "Dutch is the default language"


def test_unknown_language_falls_back_to_dutch() -> None:
    assert translator("fr")("Anonymous") == translator("nl")("Anonymous")

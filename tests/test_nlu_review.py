"""Low-confidence messages for NLU review: redacted, encrypted, 30 days, Rasa YAML export."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from sqlmodel import select

from bot.cli import main
from bot.runtime import open_store
from bot.settings import Settings
from dialogs.nlu_review import record_low_confidence
from nlu.interpreter import IntentScore, ParseResult
from nlu.review import review_yaml
from nlu.training_data import load_training_data
from storage.crypto import KeySources, load_vault
from storage.db import create_db_engine, migrate
from storage.models import NluReview
from storage.nlu_review import ReviewItem, purge_expired, review_items
from storage.repository import Store
from storage.retention import purge

START = datetime(2026, 11, 22, 9, 0, tzinfo=UTC)
MESSAGE = "ik ben Anna Jansen, meneer Bakker belt 0612345678 en mailt anna@example.nl"
REDACTED = "ik ben [naam], meneer [naam] belt [telefoon] en mailt [e-mail]"


def _parse(text: str, intent: str = "report_aggression", confidence: float = 0.31) -> ParseResult:
    score = IntentScore(intent, confidence)
    return ParseResult(text, score, (score,))


class Clock:
    def __init__(self) -> None:
        self.now = START

    def __call__(self) -> datetime:
        return self.now


@pytest.fixture
def clock() -> Clock:
    return Clock()


@pytest.fixture
def store(tmp_path: Path, clock: Clock) -> Iterator[Store]:
    engine = create_db_engine(f"sqlite:///{tmp_path / 'db.sqlite'}")
    migrate(engine)
    yield Store(engine, load_vault(KeySources(dev_dir=tmp_path / "keys")), clock=clock)
    engine.dispose()


def test_only_a_redacted_encrypted_copy_is_stored(store: Store, tmp_path: Path) -> None:
    with store.unit() as unit:
        record_low_confidence(unit, MESSAGE, _parse(MESSAGE), "nl")
    with store.unit() as unit:
        [item] = review_items(unit)
        row = unit.session.get(NluReview, item.id)
    assert item.text == REDACTED
    assert (item.lang, item.intent, item.confidence) == ("nl", "report_aggression", 0.31)
    assert row is not None
    assert b"[naam]" not in row.text_enc
    store.engine.dispose()
    raw = b"".join(p.read_bytes() for p in tmp_path.glob("db.sqlite*"))
    for secret in ("Anna", "Bakker", "0612345678", "anna@example.nl", "[telefoon]"):
        assert secret.encode() not in raw, secret


def test_long_messages_are_cut_after_redaction(store: Store) -> None:
    text = "bel 06-12345678 " + "heel lang verhaal " * 500
    with store.unit() as unit:
        record_low_confidence(unit, text, _parse(text), "nl")
        [item] = review_items(unit)
    assert item.text.startswith("bel [telefoon] heel lang")
    assert len(item.text) == 1000


def test_blank_message_is_not_stored(store: Store) -> None:
    with store.unit() as unit:
        record_low_confidence(unit, "   ", _parse("   "), "nl")
        assert review_items(unit) == []


def test_kept_thirty_days_at_most(store: Store, clock: Clock) -> None:
    with store.unit() as unit:
        record_low_confidence(unit, "eerste bericht", _parse("x"), "nl")
    clock.now = START + timedelta(days=20)
    with store.unit() as unit:
        record_low_confidence(unit, "tweede bericht", _parse("x"), "en")
    with store.unit() as unit:
        assert [i.text for i in review_items(unit)] == ["tweede bericht", "eerste bericht"]
        assert [i.text for i in review_items(unit, days=7)] == ["tweede bericht"]
        assert review_items(unit, days=365) == review_items(unit, days=30)
    clock.now = START + timedelta(days=30, seconds=1)
    with store.unit() as unit:
        assert purge_expired(unit) == 1
        assert purge_expired(unit) == 0
        assert [i.text for i in review_items(unit)] == ["tweede bericht"]
    clock.now = START + timedelta(days=60)
    with store.unit() as unit:  # a new row purges the old ones, without `nlu review`
        record_low_confidence(unit, "derde bericht", _parse("x"), "nl")
        assert len(unit.session.exec(select(NluReview)).all()) == 1


def test_purge_never_keeps_longer_than_thirty_days(store: Store, clock: Clock) -> None:
    with store.unit() as unit:
        record_low_confidence(unit, "oud bericht", _parse("x"), "nl")
    clock.now = START + timedelta(days=31)
    with store.unit() as unit:
        assert purge_expired(unit, max_age=timedelta(days=90)) == 1


def test_the_daily_retention_purge_removes_old_review_messages(store: Store, clock: Clock) -> None:
    """Nothing waits for a next unclear message (or `nlu review`) to be deleted."""
    with store.unit() as unit:
        record_low_confidence(unit, "oud bericht", _parse("x"), "nl")
    clock.now = START + timedelta(days=31)
    with store.unit() as unit:
        assert purge(unit).reviews == 1
    with store.unit() as unit:
        assert unit.session.exec(select(NluReview)).all() == []


def _item(text: str, intent: str, lang: str = "nl", confidence: float = 0.3) -> ReviewItem:
    return ReviewItem(1, START, lang, intent, confidence, text)


def test_export_is_rasa_yaml_grouped_by_language_and_guess(tmp_path: Path) -> None:
    items = [
        _item("ik ben [naam] en word gevolgd", "report_aggression", confidence=0.41),
        _item("ik ben [naam] en word gevolgd", "report_aggression"),  # duplicate: once
        _item("wat moet ik nu", "help", confidence=0.22),
        _item("what now", "help", lang="en"),
    ]
    text = review_yaml(items)
    assert "# nl: predicted report_aggression, confidence 0.30-0.41" in text
    path = tmp_path / "review.yml"
    path.write_text(text)
    data = load_training_data(path)
    assert sorted((e.intent, e.text) for e in data.examples) == [
        ("help", "wat moet ik nu"),
        ("help", "what now"),
        ("report_aggression", "ik ben (naam) en word gevolgd"),
    ]
    assert not list(data.entity_spans())  # placeholders are not read as annotations


def test_export_of_nothing_is_valid_yaml(tmp_path: Path) -> None:
    path = tmp_path / "empty.yml"
    path.write_text(review_yaml([]))
    assert load_training_data(path).examples == []


def test_cli_review_lists_and_exports(
    settings: Settings, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    store = open_store(settings)
    try:
        with store.unit() as unit:
            record_low_confidence(unit, MESSAGE, _parse(MESSAGE), "nl")
            record_low_confidence(unit, "what now", _parse("what now", "help", 0.2), "en")
        export = tmp_path / "review.yml"
        assert main(["nlu", "review", "--days", "7", "--export", str(export)]) == 0
        out = capsys.readouterr().out
        assert "2 message(s) below the confidence threshold in the last 7 day(s)" in out
        assert REDACTED in out
        assert "Anna" not in out
        assert "report_aggression    0.31" in out
        assert {e.text for e in load_training_data(export).examples} == {
            REDACTED.replace("[", "(").replace("]", ")"),
            "what now",
        }
        with store.unit() as unit:
            assert [e.action for e in unit.audit_events()][-1] == "nlu_review_read"
    finally:
        store.engine.dispose()


def test_cli_review_refuses_more_than_thirty_days(
    settings: Settings, capsys: pytest.CaptureFixture[str]
) -> None:
    with pytest.raises(SystemExit):
        main(["nlu", "review", "--days", "31"])
    assert "must be 1..30" in capsys.readouterr().err

"""Wiring: settings -> database, keys, organisation, NLU -> engine."""

from __future__ import annotations

import logging
from dataclasses import dataclass, field
from datetime import datetime, timedelta

from bot.settings import Settings
from dialogs.aftercare import window as checkin_window
from dialogs.engine import Engine, EngineConfig
from dialogs.organisation import Organisation, load_organisation
from nlu import when
from nlu.factory import DEFAULT_DATA_DIR, build_interpreter
from nlu.interpreter import Interpreter
from nlu.phrases import real_words
from nlu.rasa_client import RasaInterpreter
from storage.crypto import KeySources, load_vault
from storage.db import create_db_engine, migrate
from storage.files import private_dir
from storage.locks import Presence
from storage.repository import Clock, DeliveryWindow, Store, Unit, utcnow
from storage.retention import PurgeResult, purge

log = logging.getLogger(__name__)

PURGE_EVERY = timedelta(hours=24)


@dataclass
class Runtime:
    """The assembled bot: settings, store, organisation, interpreter and engine."""

    settings: Settings
    store: Store
    organisation: Organisation
    interpreter: Interpreter
    engine: Engine
    _presence: Presence | None = field(default=None, init=False, repr=False)

    @property
    def presence(self) -> Presence:
        """This process's life on the database, taken on first use (a serving channel):
        what it takes in is its own until it answers it or dies (`storage.locks`)."""
        if self._presence is None:
            presence = Presence(self.store.engine)
            presence.start()
            self._presence = presence
        return self._presence

    def close(self) -> None:
        """Stop background work and release database connections."""
        if self._presence is not None:
            self._presence.stop()
            self._presence = None
        self.store.close()

    def tick(self) -> None:
        """Periodic work of a running bot: its lock of life kept (taken again after the
        database restarted, or others would take over its work), due timers now,
        retention once a day."""
        if self._presence is not None:
            self._presence.alive()
        self.engine.run_due_timers()
        with self.store.unit() as unit:
            now = unit.clock()
            last = unit.channel_value("system", "last_purge")
            if last is not None and datetime.fromisoformat(last) > now - PURGE_EVERY:
                return
            unit.set_channel_value("system", "last_purge", now.isoformat())
            result = purge_now(unit, self.settings)
        log.info("retention purge: %s", result.as_dict())


def purge_now(unit: Unit, settings: Settings) -> PurgeResult:
    """Apply the retention rules with the configured periods."""
    return purge(
        unit,
        closed_after=timedelta(days=30 * settings.retention_months),
        drafts_after=timedelta(days=settings.draft_retention_days),
    )


def open_store(
    settings: Settings, clock: Clock = utcnow, window: DeliveryWindow | None = None
) -> Store:
    """Make the private data folder, connect to the database, bring the schema up to
    date, load the keys."""
    private_dir(settings.data_dir)
    db = create_db_engine(settings.resolved_database_url())
    migrate(db)
    vault = load_vault(
        KeySources(
            data_key=settings.data_key.get_secret_value() if settings.data_key else None,
            data_key_file=settings.data_key_file,
            pseudonym_key=(
                settings.pseudonym_key.get_secret_value() if settings.pseudonym_key else None
            ),
            pseudonym_key_file=settings.pseudonym_key_file,
            dev_dir=settings.data_dir / "keys",
        )
    )
    return Store(db, vault, clock, window)


def load_interpreter(settings: Settings) -> Interpreter:
    """The configured NLU backend (the embedded classifier by default).

    `ZV_NLU_BACKEND=rasa` asks the Rasa server at `ZV_RASA_URL`, with the embedded classifier
    as the fallback when that server fails.
    """
    embedded = build_interpreter([DEFAULT_DATA_DIR], settings.model_path)
    if settings.nlu_backend != "rasa":
        return embedded
    assert settings.rasa_url, "the settings validator requires ZV_RASA_URL for rasa"
    log.info("NLU backend: Rasa server, embedded classifier as fallback")
    return RasaInterpreter(settings.rasa_url, embedded, timeout=settings.rasa_timeout)


def build_runtime(settings: Settings | None = None, clock: Clock = utcnow) -> Runtime:
    """Everything the channels need, validated at start-up."""
    settings = settings or Settings()
    organisation = load_organisation(settings.organisation)
    store = open_store(settings, clock, checkin_window(organisation))
    interpreter = load_interpreter(settings)
    when.warm_up()  # dates in stories are read by dateparser: load it now, not mid-chat
    real_words()  # the word list that keeps real words from typo correction, likewise
    engine = Engine(
        store,
        interpreter,
        organisation,
        EngineConfig(
            nlu_threshold=settings.nlu_threshold,
            acute_threshold=settings.acute_threshold,
            rate_limit=settings.rate_limit,
            retention_months=settings.retention_months,
            draft_days=settings.draft_retention_days,
        ),
    )
    return Runtime(settings, store, organisation, interpreter, engine)

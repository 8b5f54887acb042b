"""Settings from the environment (ZV_*) and an optional `.env` file."""

from __future__ import annotations

import contextlib
from pathlib import Path
from typing import Literal

from pydantic import Field, SecretStr, ValidationInfo, field_validator
from pydantic_settings import BaseSettings, SettingsConfigDict
from sqlalchemy.engine.url import make_url
from sqlalchemy.exc import ArgumentError

PROJECT_DIR = Path(__file__).resolve().parent.parent


class Settings(BaseSettings):
    """Every setting of the bot; the environment variable is `ZV_` + the upper-case name."""

    model_config = SettingsConfigDict(env_prefix="ZV_", env_file=".env", extra="ignore")

    data_dir: Path = Field(default=Path("var"), description="Working data: database, keys, models")
    database_url: str | None = Field(default=None, description="SQLAlchemy URL; default SQLite")
    organisation: Path = Field(
        default=PROJECT_DIR / "config" / "organisation.example.yml",
        description="The organisation file (teams, contacts, routing)",
    )
    lang: Literal["nl", "en"] = "nl"
    nlu_backend: Literal["embedded", "rasa"] = "embedded"
    nlu_threshold: float = Field(default=0.5, ge=0.0, le=1.0)
    acute_threshold: float = Field(default=0.5, ge=0.0, le=1.0)
    nlu_model: Path | None = Field(default=None, description="Trained model file")
    rasa_url: str | None = Field(
        default=None, validate_default=True, description="Rasa server: http://127.0.0.1:5005"
    )
    rasa_timeout: float = Field(default=2.0, gt=0.0, le=30.0, description="Seconds per Rasa parse")
    data_key: SecretStr | None = None
    data_key_file: Path | None = None
    pseudonym_key: SecretStr | None = None
    pseudonym_key_file: Path | None = None
    log_level: str = "WARNING"
    rate_limit: int = Field(default=20, ge=1, description="Messages per minute per chat")
    retention_months: int = Field(default=12, ge=1, le=120)
    draft_retention_days: int = Field(default=30, ge=1, le=365)
    telegram_token: SecretStr | None = Field(default=None, description="Bot token (BotFather)")
    telegram_base_url: str | None = Field(
        default=None, description="Root URL of another Bot API server (self-hosted, tests)"
    )
    telegram_webhook_url: str | None = Field(
        default=None, description="Public HTTPS URL Telegram posts updates to (else polling)"
    )
    telegram_webhook_secret: SecretStr | None = Field(
        default=None, description="Secret token Telegram sends in every webhook request"
    )
    telegram_max_rate: float = Field(
        default=30.0,
        gt=0,
        le=10_000,
        description="Messages per second the bot sends at most (Telegram allows about 30)",
    )
    telegram_webhook_listen: str = "127.0.0.1"
    telegram_webhook_port: int = Field(default=8443, ge=1, le=65535)
    matrix_homeserver: str | None = Field(
        default=None, description="Matrix homeserver URL, e.g. https://matrix.example.org"
    )
    matrix_user_id: str | None = Field(default=None, description="The bot's @user:server")
    matrix_password: SecretStr | None = Field(default=None, description="The bot's password")
    matrix_access_token: SecretStr | None = Field(
        default=None, description="An access token instead of the password"
    )
    matrix_device_name: str = "ZorgVeilig meldbot"
    matrix_store_dir: Path | None = Field(
        default=None, description="Crypto store for end-to-end encryption (default data/matrix)"
    )
    matrix_standby_interval: float = Field(
        default=10.0,
        gt=0,
        le=20,
        description="Seconds between a standby process's tries to take over the Matrix sync",
    )

    web_listen: str | None = Field(
        default=None,
        description="host:port of the web desk; set, `zorgveilig run` serves it too",
        pattern=r"^[^:\s]+:\d{1,5}$",
    )
    web_base_url: str | None = Field(
        default=None, description="The desk's public URL (https://...), for login links"
    )
    web_secure_cookies: bool = Field(
        default=True, description="Secure cookies (turn off only for http on 127.0.0.1)"
    )
    web_idle_minutes: int = Field(default=30, ge=1, le=24 * 60)
    web_refresh_seconds: int = Field(
        default=15, ge=1, le=3600, description="How often an open inbox or case page asks for news"
    )
    web_secret: SecretStr | None = Field(
        default=None, description="Key that signs the desk's cookies (default: a key file)"
    )

    @field_validator("rasa_url", mode="after")
    @classmethod
    def _rasa_url_for_rasa_backend(cls, value: str | None, info: ValidationInfo) -> str | None:
        if value is not None and not value.startswith(("http://", "https://")):
            raise ValueError("ZV_RASA_URL must start with http:// or https://")
        if info.data.get("nlu_backend") == "rasa" and not value:
            raise ValueError("ZV_NLU_BACKEND=rasa needs ZV_RASA_URL")
        return value

    def secret_values(self) -> list[str]:
        """The values of the secret settings (tokens, passwords, keys; each of several
        comma-separated keys), which no log line or error may show."""
        found: list[str] = []
        for name in type(self).model_fields:
            value = getattr(self, name)
            if isinstance(value, SecretStr):
                secret = value.get_secret_value()
                found.extend([secret, *secret.split(",")])  # each of several keys, too
        with contextlib.suppress(ArgumentError):  # not a URL: nothing to find in it
            password = make_url(self.database_url).password if self.database_url else None
            if password:
                found.append(str(password))
        return found

    def resolved_database_url(self) -> str:
        """The database URL, defaulting to a SQLite file in the data folder."""
        if self.database_url:
            return self.database_url
        return f"sqlite:///{(self.data_dir / 'zorgveilig.db').resolve()}"

    @property
    def model_path(self) -> Path:
        """Where the trained embedded NLU model is kept."""
        return self.nlu_model or self.data_dir / "nlu" / "model.bin"

    @property
    def answer_models_path(self) -> Path:
        """Where the learned readings of answers in own words are kept, beside the model."""
        return self.model_path.with_name(self.model_path.stem + "-answers.npz")

"""Settings from the environment (ZV_*) and an optional `.env` file."""

from __future__ import annotations

from pathlib import Path
from typing import Literal

from pydantic import Field, SecretStr
from pydantic_settings import BaseSettings, SettingsConfigDict

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
    rasa_url: str | None = None
    data_key: SecretStr | None = None
    data_key_file: Path | None = None
    pseudonym_key: SecretStr | None = None
    pseudonym_key_file: Path | None = None
    log_level: str = "WARNING"

    def resolved_database_url(self) -> str:
        """The database URL, defaulting to a SQLite file in the data folder."""
        if self.database_url:
            return self.database_url
        return f"sqlite:///{(self.data_dir / 'zorgveilig.db').resolve()}"

    @property
    def model_path(self) -> Path:
        """Where the trained embedded NLU model is kept."""
        return self.nlu_model or self.data_dir / "nlu" / "model.joblib"

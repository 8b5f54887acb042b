"""The Telegram channel (python-telegram-bot): see `bot.telegram.channel`."""

import os

# Opt in to python-telegram-bot's coming behaviour (durations as `timedelta`) now: without
# it, every `RetryAfter` from Telegram raises a deprecation warning. Our code reads both.
os.environ.setdefault("PTB_TIMEDELTA", "1")

"""`python -m bot` runs the `zorgveilig` command."""

import sys

from bot.cli import main

sys.exit(main())

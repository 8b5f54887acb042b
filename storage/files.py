"""What the bot writes to disk is its own: folders 0700, files 0600.

The data folder holds the database, the development keys, the NLU model and the files the
terminal chat saves; whatever the process umask, these helpers create them private and
tighten ones an older version left readable to others.
"""

from __future__ import annotations

import logging
import os
from pathlib import Path

log = logging.getLogger(__name__)

PRIVATE_DIR = 0o700
PRIVATE_FILE = 0o600


def private_dir(path: Path, *, tighten: bool = True) -> Path:
    """Make the folder (and missing parents) with mode 0700; tighten it if it exists,
    unless `tighten` is False (a folder the operator chose, which may be shared)."""
    missing = []
    current = path
    while not current.exists():
        missing.append(current)
        current = current.parent
    for folder in reversed(missing):
        folder.mkdir(mode=PRIVATE_DIR, exist_ok=True)
        folder.chmod(PRIVATE_DIR)  # mkdir's mode is filtered by the umask
    if tighten:
        _tighten(path, PRIVATE_DIR)
    return path


def private_file(path: Path) -> Path:
    """Create the file empty with mode 0600 if it is missing; tighten it if it exists."""
    try:
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, PRIVATE_FILE)
    except FileExistsError:
        _tighten(path, PRIVATE_FILE)
    else:
        os.close(fd)
    return path


def tighten_if_present(path: Path) -> None:
    """Mode 0600 for a file the bot owns, when it exists (a database's -wal and -shm)."""
    if path.exists():
        _tighten(path, PRIVATE_FILE)


def _tighten(path: Path, mode: int) -> None:
    current = path.stat().st_mode & 0o777
    if current & 0o077:
        try:
            path.chmod(mode)
        except PermissionError:  # not ours (a shared folder): say so, go on
            log.warning("%s is readable by others (mode %o) and cannot be changed", path, current)
            return
        log.info("tightened %s from mode %o to %o", path, current, mode)

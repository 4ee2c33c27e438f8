"""What `Tracker.run` remembers between runs into one folder: the store fingerprint and a key of
everything else the outputs depend on, so a rerun with nothing new stops at once."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path


def run_key(inputs: list, *, settings: dict, classifier, actors, topics) -> str | None:
    """A hash of the bytes of every input, alias, topics and classifier file, the settings and this
    version. None (stdin, a missing path) means always do the work."""
    from tracker.judge.model import SHIPPED_MODEL_DIR
    from tracker.version import __version__

    files: list[Path] = []
    for item in inputs:
        path = Path(item)
        if str(item) == "-" or not path.exists():
            return None
        files += sorted(f for f in path.rglob("*") if f.is_file()) if path.is_dir() else [path]
    for extra in (actors, topics, Path(classifier or SHIPPED_MODEL_DIR)):
        if extra is not None and Path(extra).exists():
            extra = Path(extra)
            files += sorted(f for f in extra.rglob("*") if f.is_file()) if extra.is_dir() else [extra]
    h = hashlib.sha256(repr((__version__, sorted((k, str(v)) for k, v in settings.items()))).encode())
    for f in files:
        h.update(str(f.resolve()).encode() + b"\x00")
        h.update(f.read_bytes())
    return h.hexdigest()


def read_state(path: Path | None) -> dict:
    """What the last `run --out` wrote; anything unreadable means none (the next run does the work)."""
    try:
        state = json.loads(path.read_text()) if path is not None and path.exists() else {}
    except (OSError, ValueError):
        return {}
    return state if isinstance(state, dict) else {}

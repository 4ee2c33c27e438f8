"""tracker: flags when public figures reverse their stated positions.

`from tracker import Tracker` is the library's front door (tracker/api.py).
"""

from tracker.version import __version__
__all__ = ["Tracker", "__version__"]


def __getattr__(name):
    # imported on first use, so `import tracker` (and the CLI's start-up) stays light
    if name == "Tracker":
        from tracker.api import Tracker

        return Tracker
    raise AttributeError(f"module 'tracker' has no attribute {name!r}")

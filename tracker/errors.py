"""Exception classes: every error the CLI turns into a one-line message."""


class TrackerError(Exception):
    """Base class for errors a user can act on."""


class InputError(TrackerError):
    """An input file cannot be read at all (missing, empty, wrong format)."""


class ModelError(TrackerError):
    """A model cannot be loaded or does not match what was expected."""


class StoreError(TrackerError):
    """The store file is not a tracker database or is unusable."""


class UsageError(TrackerError):
    """An option value that cannot be used (a malformed date, an unknown format)."""

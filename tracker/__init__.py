"""tracker: flags when public figures reverse their stated positions."""

__version__ = "0.2.0"

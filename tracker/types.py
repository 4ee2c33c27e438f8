"""Small record types passed between the steps of the flow."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

Precision = Literal["day", "month", "year"]
Label = Literal["full_flop", "half_flip", "no_flip"]
LABELS: tuple[Label, ...] = ("full_flop", "half_flip", "no_flip")


@dataclass(frozen=True)
class Rejected:
    """A row that failed validation, kept so nothing the user gave is lost."""

    file: str
    row: int
    field: str
    message: str
    raw: dict = field(default_factory=dict)

    def describe(self) -> str:
        return f"{self.file}: row {self.row}: field '{self.field}': {self.message}"


@dataclass
class IngestSummary:
    read: int = 0
    ingested: int = 0
    duplicate: int = 0
    rejected: int = 0
    rejects_path: str | None = None

    def add(self, other: "IngestSummary") -> None:
        self.read += other.read
        self.ingested += other.ingested
        self.duplicate += other.duplicate
        self.rejected += other.rejected


@dataclass
class Statement:
    """One attributed statement as it goes into the store."""

    statement_id: str
    actor: str
    date: str  # ISO day; month/year precision dates store their first day
    date_precision: Precision
    text: str
    source: str = ""
    topic_hint: str = ""
    kind: str = ""
    context: str = ""
    metadata: dict = field(default_factory=dict)
    content_key: str = ""

    @property
    def judged_text(self) -> str:
        return judged_text(self.text, self.context)


def judged_text(text: str, context: str = "") -> str:
    """What gets embedded and judged: an answer means little without the question it answers."""
    return f"{context} — {text}" if context else text

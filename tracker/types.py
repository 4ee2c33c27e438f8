"""Small record types passed between the steps of the flow."""

from __future__ import annotations

import json
import textwrap
from dataclasses import dataclass, field
from typing import Literal
from urllib.parse import urlparse

from tracker.dates import Precision, format_date

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
    """What gets embedded and judged. An answer means little without the question it answers, which goes
    first ("Q? — answer"); a context in square brackets says what the statement refers to ("open to the
    idea [send troops]") and follows it, as an editor's insertion would."""
    if not context:
        return text
    return f"{text} {context}" if context.startswith("[") and context.endswith("]") else f"{context} — {text}"


RATING = {"full_flop": "Full Flop", "half_flip": "Half Flip", "no_flip": "No Flip"}
CUE_WORDS = {
    "negation": "negation", "refusal": "refusal / ruling out", "openness": "openness", "commitment": "commitment",
    "hedging": "hedging", "support": "support", "change": "change marker", "past_self": "reference to own past words",
    "consistency": "consistency marker", "conditional": "conditional", "question": "question",
}


@dataclass(frozen=True)
class Side:
    """One statement of a change, as people see it: the date already in its own precision."""

    statement_id: str
    date: str
    text: str
    kind: str
    source: str

    @property
    def link(self) -> str | None:
        """Only http(s) sources become links: a `javascript:` URL in a statement must not."""
        return self.source if urlparse(self.source).scheme in ("http", "https") else None

    def to_json(self) -> dict:
        return {"statement_id": self.statement_id, "date": self.date, "text": self.text, "source": self.source,
                "kind": self.kind}


@dataclass
class Change:
    """A flagged change: the one record behind the changes CSV and JSON, the report, the digest and plots."""

    change_id: str
    actor: str
    topic: int
    topic_label: str
    label: str
    score: float
    earlier: Side
    later: Side
    cues: list[str] = field(default_factory=list)
    basis: str = "classifier"
    detected_at: str | None = None

    @classmethod
    def from_row(cls, r) -> "Change":
        """From a row of Store.changes()."""
        return cls(r.change_id, r.actor, int(r.topic), r.topic_label or "", r.label, float(r.score),
                   Side(r.earlier_id, format_date(r.earlier_date, r.earlier_precision), r.earlier_text,
                        r.earlier_kind or "direct", r.earlier_source),
                   Side(r.later_id, format_date(r.later_date, r.later_precision), r.later_text,
                        r.later_kind or "direct", r.later_source),
                   json.loads(r.cues or "[]"), r.basis, getattr(r, "detected_at", None))

    def contract(self) -> dict:
        """The `changes` contract columns (CHANGE_COLUMNS), in order."""
        return {"change_id": self.change_id, "actor": self.actor, "topic": self.topic, "topic_label": self.topic_label,
                "earlier_id": self.earlier.statement_id, "earlier_date": self.earlier.date,
                "earlier_text": self.earlier.text, "earlier_source": self.earlier.source,
                "later_id": self.later.statement_id, "later_date": self.later.date, "later_text": self.later.text,
                "later_source": self.later.source, "label": self.label, "score": round(self.score, 4)}

    def to_json(self) -> dict:
        return {"change_id": self.change_id, "label": self.label, "rating": self.rating, "score": round(self.score, 4),
                "earlier": self.earlier.to_json(), "later": self.later.to_json(), "cues": self.cues,
                "basis": self.basis, "detected_at": self.detected_at}

    @property
    def rating(self) -> str:
        return RATING.get(self.label, self.label)

    @property
    def basis_text(self) -> str:
        if self.basis == "review":
            return f"Confirmed by a reviewer; the judge alone scored the pair {self.score:.0%}."
        if self.basis == "source":
            return (f"Flagged because the source article itself reports the shift "
                    f"(classifier score for the pair alone: {self.score:.0%}).")
        return "Flagged by the reversal classifier."

    @property
    def summary(self) -> str:
        def short(s: Side) -> str:
            return f"“{textwrap.shorten(s.text, 70, placeholder='…')}” ({s.date})"

        return f"From {short(self.earlier)} to {short(self.later)}"

    @property
    def cue_text(self) -> str:
        parts = [f"{'more' if c[0] == '+' else 'less'} {CUE_WORDS.get(c[1:], c[1:])}" for c in self.cues]
        return ", ".join(parts) or "no lexical cue shift (embedding features only)"

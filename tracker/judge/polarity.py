"""Explicit positions: what a short statement says it will, won't or might do about one proposition.

"I support X" → "I oppose X" and "we are ready to send troops" → "we will never send troops" are
reversals any reader sees, but the head, fitted on long real quotes, cannot: their cue counts and
cosines look like a consistent pair. This reader composes a statement's stance words the way a
sentence does (a negation flips what it governs: "will not rule out" is openness, "won't support" is
opposition) into one position per statement, and compares two positions. It speaks only for pairs of
short statements on one proposition, and abstains on a question or a statement whose clauses take
opposite positions; the judge keeps the head's reading there.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

import numpy as np

from tracker.judge.commitments import KEEP, later, narrowed
from tracker.judge.stance_words import NEGATOR, STANCE
from tracker.types import LABELS

_TOKEN = re.compile("|".join(f"(?P<{name}>\\b(?:{pattern})\\b)" for name, (_, _, pattern) in STANCE.items())
                    + f"|(?P<neg>\\b(?:{NEGATOR})\\b|n['’]t\\b)")
# "yet" joins clauses only with words after it: "no decision yet." is no contrast
_CONTRAST = re.compile(r"\b(?:but|however|though|although|yet(?!\s*(?:[.,;:!?]|$)))\b")
_CLAUSE = re.compile(r"[.;!?:]+\s+|\s*(?:,\s*)?\b(?:but|however|though|although|yet(?!\s*(?:[.,;:!?]|$)))\b\s*")
_SENTENCE = re.compile(r"[.;!?:]+\s+\S")
_COORD = re.compile(r"\s*,\s*|\s+(?:and|or)\s+|\s+(?=(?:because|since|given that|so that)\b)")


@dataclass(frozen=True)
class Position:
    """One statement's explicit position: sign +1 (for / will) or -1 (against / won't), firm or tentative."""

    sign: int
    firm: bool
    bare: bool = field(default=False, compare=False)  # against only by a negation that governs no stance word


def _unit_position(part: str) -> Position | None:
    """A negation flips the stance word it precedes ("not rule out", "won't support"); one with none after
    it flips the part ("we will not"). Stance words compose by sign: "will oppose" is against."""
    sign, firm, seen, pending = 1, True, False, 1
    for m in _TOKEN.finditer(part):
        kind = m.lastgroup
        seen = True
        if kind == "neg":
            pending = -pending
            continue
        s, f, _ = STANCE[kind]
        if kind == "back" and _WAITS.fullmatch(m.group(0)) and pending < 0:
            continue  # "no one will pay", "won't let fares rise": the negation waits for the verb
        if kind == "emphatic":  # "there will be no border ... over my dead body": still against
            sign, firm, pending = -1, True, 1
            continue
        if kind == "exclude" and pending < 0:  # "not ruling out X": open to X
            s, f = 1, False
        else:
            s *= pending
        sign, firm, pending = sign * s, firm and f, 1
    return Position(sign * pending, firm, pending < 0 and sign > 0) if seen else None


def _merge(found: list[Position]) -> Position | None:
    """Parts that agree make one position; where they disagree, the firm parts speak ("X would hurt
    families, and I will vote against it") if they agree among themselves."""
    if not found:
        return None
    if len({p.sign for p in found}) > 1:
        found = [p for p in found if p.firm]
        if len({p.sign for p in found}) != 1:
            return None
    return Position(found[0].sign, all(p.firm for p in found), all(p.bare for p in found))


_CONDITION = re.compile(r"\b(?:if|unless|provided|providing|as long as|so long as|assuming|on (?:the )?condition|"
                        r"conditional on|contingent on|subject to|depend(?:s|ing)? on)\b")
_REASON = re.compile(r"(?:because|since|given that|so that)\b")  # a reason states no position of its own
_ECHO_WORDS = frozenset({"vote", "way", "say", "saying", "said", "mean", "do", "doing"})
_WILL = r"will|['’]ll|shall|going to"
_WAITS = re.compile(rf"{_WILL}|let|allow(?:s|ed|ing)?")  # a negation before these waits for the verb
_FUTURE = re.compile(rf"{_WILL}|keep")  # all a restating part says ("and I'll keep saying so")


def _echoes(part: str) -> bool:
    """A part that names nothing of its own and only says it will be so ("we'll do it", "I'll vote that
    way", "and never will be")."""
    return not (_content(part) - _ECHO_WORDS) and all(
        m.lastgroup == "neg" or _FUTURE.fullmatch(m.group(0)) for m in _TOKEN.finditer(part))


def _clause_position(clause: str) -> Position | None:
    """Coordinated parts ("not on the table and not on my agenda") each state the position. A condition
    ("..., if the money allows") states none of its own: it makes the position tentative."""
    parts = _COORD.split(clause)
    stated = [x for x in parts if not _CONDITION.match(x) and not _REASON.match(x)] or parts
    found: list[Position] = []
    for x in stated:
        p = _unit_position(x)
        if p is not None and found and _echoes(x):
            continue  # "..., and we'll do it", "... and never will be": a restatement of what went before
        if p is not None:
            found.append(p)
    p = _merge(found)
    if _CONDITION.search(clause) and (p is not None or _content(clause)):
        return Position(p.sign, False, p.bare) if p is not None else Position(1, False)  # "X happens, if Y"
    return p


# Reported speech shifts "will" back to "would" ("she said she would back the bill"): that is her
# commitment, not a conditional.
_BACKSHIFT = re.compile(r"(\b(?:said|says|told \w+|insisted|promised|pledged|announced|stated|confirmed|added|"
                        r"declared|vowed|warned|restated|repeated)(?: again)?(?: that)?(?: [\w'-]+){1,5}? )would\b")


# A clause that announces or restates rather than states ("I have changed my view:", "our promise holds:")
_FRAMING = re.compile(r"\b(?:chang(?:ed|e) (?:my|our|his|her) (?:view|mind|position)|come (?:round|around)|"
                      r"as (?:i|we) (?:said|have said|promised)|(?:our|my) (?:promise|pledge|word) (?:holds|stands)|"
                      r"let me repeat|i stand by that|i['’]ll be (?:honest|frank|blunt)|"
                      r"to be (?:honest|frank|clear))\b")
_STANCE_ON_IT = re.compile(r"\b(?:support|back|oppose|against|favou?r|endorse|reject|welcome|object to)\w*")
# A clause that is nothing but an answer word ("On the merger: no.")
_ANSWER = {"no": Position(-1, True), "nope": Position(-1, True), "never": Position(-1, True),
           "yes": Position(1, True), "yep": Position(1, True), "absolutely": Position(1, True)}


def read_position(text: str) -> Position | None:
    """The statement's position, or None for a question or opposite positions in different clauses.
    The last clause after a contrast ("..., but we will not") speaks for the statement."""
    low = _BACKSHIFT.sub(r"\1will", text.lower().replace("’", "'"))
    if low.rstrip().endswith("?"):
        return None
    clauses = [c for c in _CLAUSE.split(low) if c and not (_FRAMING.search(c) and not _content(_FRAMING.sub(" ", c)))]
    found = [p for p in (_ANSWER.get(c.strip(" .!"), None) or _clause_position(c) for c in clauses) if p is not None]
    if not found:  # a plain statement of what is so or will be ("the levy starts in april") affirms it
        return Position(1, True) if _content(low) else None
    if _CONTRAST.search(low):
        return found[-1]
    if len({p.sign for p in found}) > 1 and _SENTENCE.search(low):
        last = clauses[-1]
        on_it = _clause_position(last) if _STANCE_ON_IT.search(last) and not (_content(last) - _ECHO_WORDS) else None
        if on_it is not None:
            return on_it  # "X makes streets safer. We support it.": the stance on it speaks
        return found[0]  # the first sentence states the position; the rest give reasons
    return _merge(found)


def compare(a: Position | None, b: Position | None) -> str | None:
    """The change between two positions on one proposition, or None where either is unread."""
    if a is None or b is None:
        return None
    if a.sign != b.sign:
        return "full_flop" if a.firm and b.firm else "half_flip"
    if a.firm and not b.firm:
        return "half_flip"  # a firm position hedged
    return "no_flip"


# A verdict is read only for textbook-shaped pairs: two short statements (at most SIMPLE_WORDS words and
# SIMPLE_SENTENCES sentences each, not a question) about one proposition (the shorter one's content words
# are at least SAME_PROPOSITION repeated in the other, or their embeddings' cosine reaches SAME_COSINE).
# Set on the synthetic textbook pairs and the development actors' real pairs
# (bench/experiments/gate_cosine.py); on real pairs the gate passes about one pair in thirty.
SIMPLE_WORDS, SIMPLE_SENTENCES, SAME_PROPOSITION, SAME_COSINE = 20, 2, 0.4, 0.5
_STOP = frozenset(
    "i we you he she it they me us our my your their his her its the a an of to in on for and or is are was "
    "were be been being this that these those with at by from as have has had do does did so there here what "
    "which who will would can could should may might must just very now then than about also all any some more "
    "most new over out up down into i'm we're we've we'll it's that's there's get got make made really still "
    "only even ever but however though although yet".split())


_REFERENT = re.compile(r"\s*\[([^\[\]]*)\]\s*$")


def own_words(text: str) -> str:
    """The speaker's words of a judged text: a question it answers ("Q? — answer") is not theirs, nor
    what an editor's insertion says they refer to ("open to the idea [send troops]")."""
    return _REFERENT.sub("", text.split("? — ", 1)[-1])


def _short(text: str) -> bool:
    """At most SIMPLE_WORDS words before any insertion: a cheap first cut before any regex runs."""
    return len(text.split(" [", 1)[0].split()) <= SIMPLE_WORDS


def _referent(text: str) -> str:
    m = _REFERENT.search(text)
    return m.group(1) if m else ""


_MARKERS = re.compile(r"^(?:look|frankly|honestly|listen|well|now)\b[,:]?\s*|"
                      r"\b(?:let me|let['’]s|let us) be (?:clear|blunt|honest|frank)\b[,:]?\s*|"
                      r"\bi['’]ll be (?:honest|blunt|frank)\b[,:]?\s*|"
                      r"\bi['’]ve said it before,? and i['’]ll say it again\b[,:]?\s*", re.IGNORECASE)


def _answer(text: str) -> str:
    """What a statement asserts: its words after a question it puts to itself ("Night flights? I'm
    against them."), without discourse markers ("Look,", "Let me be clear:")."""
    return _MARKERS.sub("", text.rsplit("?", 1)[-1]).strip()


def _simple(text: str) -> bool:
    """Short, at most SIMPLE_SENTENCES sentences, and not a question (it may open with one it answers)."""
    return (len(text.split()) <= SIMPLE_WORDS and bool(_answer(text))
            and len(re.findall(r"[.!;?]\s+\S", text.strip())) < SIMPLE_SENTENCES + text.count("?"))


def _stem(word: str) -> str:
    """A crude stem, enough for "release" / "released" / "releasing" to match."""
    for suffix in ("ing", "ed", "es", "s"):
        if word.endswith(suffix) and len(word) - len(suffix) >= 4:
            word = word[: -len(suffix)]
            break
    return word[:-1] if word.endswith("e") and len(word) > 4 else word


def _content(text: str) -> set[str]:
    rest = _TOKEN.sub(" ", text.lower().replace("’", "'"))
    return {_stem(w) for w in re.findall(r"[a-z0-9]+", rest) if w not in _STOP and len(w) > 2}


def same_proposition(a: str, b: str, cos: float | None = None) -> bool:
    return _same(_content(a), _content(b), cos)


def _same(ca, cb, cos: float | None) -> bool:
    shared = len(ca & cb) / max(1, min(len(ca), len(cb)))
    return shared >= SAME_PROPOSITION or (cos is not None and cos >= SAME_COSINE)


def _status_quo(p: Position, text: str) -> bool:
    """A firm position for keeping things as they are ("the limit stays at 60", "we are keeping X")."""
    own = own_words(text).lower()
    return p.sign > 0 and p.firm and bool(KEEP.search(own)) and not _NEGATED.search(own)


def _changes_nothing(p: Position, text: str) -> bool:
    """A refusal to change ("we won't lower the limit"), not a refusal to keep ("we won't freeze it")."""
    return p.bare and not KEEP.search(own_words(text).lower())


_NEGATED = re.compile(rf"\b(?:{NEGATOR})\b|n['’]t\b")


@lru_cache(maxsize=65_536)
def _reading(text: str) -> tuple[frozenset[str], Position | None] | None:
    """A short statement's content words and position, read once however many pairs it is in; None for
    a statement too long or too complex to read."""
    own = own_words(text)
    if not _simple(own):
        return None
    return frozenset(_content(own) | _content(_referent(text))), read_position(_answer(own))


def verdict(text_a: str, text_b: str, cos: float | None = None) -> str | None:
    """full_flop / half_flip / no_flip for a textbook-shaped pair, None for any other pair.
    `cos` is the cosine of the two statements' embeddings, where the caller has them."""
    if not (_short(text_a) and _short(text_b)):
        return None  # most real statements: decided before any regex runs
    ra, rb = _reading(text_a), _reading(text_b)
    if ra is None or rb is None or not _same(ra[0], rb[0], cos):
        return None
    (_, pa), (_, pb) = ra, rb
    change = compare(pa, pb)
    if change is None:
        return None  # a statement that takes no position
    if change != "no_flip" and (_status_quo(pa, text_a) and _changes_nothing(pb, text_b)
                                or _status_quo(pb, text_b) and _changes_nothing(pa, text_a)):
        return "no_flip"  # "X stays" and "we won't change X" both keep X
    if change == "no_flip" and narrowed(own_words(text_a), own_words(text_b)):
        return "half_flip"  # "every X" → "only some X"
    if change == "no_flip" and (pa.sign > 0 or not _NEGATED.search(own_words(text_a).lower())) \
            and later(own_words(text_a), own_words(text_b)):
        return "half_flip"  # the same thing (to do, or to ban), put off
    return change


@lru_cache(maxsize=1)
def reader_fingerprint() -> str:
    """A hash of the reader's rules and word lists: a judge's stored verdicts follow them."""
    import hashlib

    h = hashlib.sha256()
    here = Path(__file__)
    for module in (here, here.with_name("commitments.py"), here.with_name("stance_words.py")):
        h.update(module.read_bytes())
    return h.hexdigest()[:16]


TEXTBOOK_SETS = tuple(Path(__file__).resolve().parents[2] / "data" / "synthetic" / f"textbook_dev{n}.csv"
                      for n in ("", "2", "3", "4", "5", "6", "7", "8", "9", "11"))
VERDICTS = ("full_flop", "half_flip", "no_flip")


def fit_table(text_a: list[str], text_b: list[str], labels: list[str], cos=None) -> np.ndarray:
    """P(label | verdict): one row per verdict (VERDICTS order), columns in LABELS order, add-one smoothed."""
    table = np.ones((len(VERDICTS), len(LABELS)))
    cos = [None] * len(text_a) if cos is None else cos
    for a, b, y, c in zip(text_a, text_b, labels, cos):
        v = verdict(a, b, c)
        if v is not None:
            table[VERDICTS.index(v), LABELS.index(y)] += 1
    return table / table.sum(axis=1, keepdims=True)


def load_table(embedder, paths=TEXTBOOK_SETS) -> np.ndarray | None:
    """The verdict table fitted on the synthetic textbook pairs (data/synthetic/), or None without them."""
    import pandas as pd

    from tracker.judge.corpora import read_textbook_set

    frames = [read_textbook_set(path) for path in map(Path, paths) if path.exists()]
    if not frames:
        return None
    frame = pd.concat(frames, ignore_index=True)
    a, b = list(frame["text_a"]), list(frame["text_b"])
    vectors = np.asarray(embedder.encode(a + b), dtype=np.float32)
    cos = np.sum(vectors[: len(a)] * vectors[len(a):], axis=1)
    return fit_table(a, b, list(frame["label"]), cos)


def apply_table(proba: np.ndarray, batch, table: np.ndarray | None, grader=None, readable=None, *,
                line: float | None = None, grader_first: bool = False) -> np.ndarray:
    """The judge's probabilities with each textbook-shaped pair's row replaced by its verdict's row, and,
    where `grader` (a pair model trained to grade textbook pairs) is given, each other pair of two short
    plain statements by the grader's reading: it reads reworded propositions and evaluative language that
    the word lists do not place. `readable` (a mask) limits the grader to the pairs a cascade let the pair
    model read. With `line` (the judge's threshold), a short plain pair both read takes the mean of the two
    rows, and every row set here goes on the judge's scale (on_scale): the grader is textbook-calibrated,
    the line is where real pairs reach their precision. `grader_first`, or a grader whose `reads_every_pair` is
    set: the grader reads every short plain pair, the word lists only the rest."""
    if (table is None and grader is None) or len(proba) == 0:
        return proba
    grader_first = grader_first or bool(getattr(grader, "reads_every_pair", False))
    short = {t: _short(t) for t in {*batch.text_a, *batch.text_b}}
    both = np.flatnonzero([short[a] and short[b] for a, b in zip(batch.text_a, batch.text_b)])
    out = np.array(proba, dtype=float, copy=True)
    if len(both) == 0:
        return out
    cos = np.sum(np.asarray(batch.emb_a[both], dtype=np.float32) * np.asarray(batch.emb_b[both], dtype=np.float32),
                 axis=1)

    def plain(i) -> bool:  # a pair the grader may read
        return grader is not None and (readable is None or readable[i]) and _simple(own_words(batch.text_a[i])) \
            and _simple(own_words(batch.text_b[i]))

    unread, placed = [], []
    for i, c in zip(both, cos):
        if grader_first and plain(i):
            unread.append(i)
            continue
        v = verdict(batch.text_a[i], batch.text_b[i], float(c)) if table is not None else None
        if v is not None:
            out[i] = table[VERDICTS.index(v)]
            placed.append(i)
        if (v is None or line is not None) and plain(i):
            unread.append(i)  # with a line, a pair both read takes their mean
    graded = grader.grade_proba([own_words(batch.text_a[i]) for i in unread],
                                [own_words(batch.text_b[i]) for i in unread]) if grader is not None and unread else None
    if graded is not None:
        listed = set(placed)
        out[unread] = [(out[i] + row) / 2 if i in listed else row for i, row in zip(unread, graded)]
        placed = sorted(listed | set(unread))
    if line is None or grader is None or not getattr(grader, "grades", True):
        return out  # without a grader's reading, the word lists' rows stand as they are
    return on_scale(out, placed, line)  # whatever else the batch holds: a pair's reading is its own


def on_scale(proba: np.ndarray, rows, line: float) -> np.ndarray:
    """`rows` with their reversal odds multiplied by the odds of `line`, so a pair read as even sits on the flag
    line; full_flop and half_flip keep their shares."""
    out = np.array(proba, dtype=float, copy=True)
    rows = np.asarray(rows, dtype=int)
    if len(rows) == 0:
        return out
    rev = np.clip(out[rows, 0] + out[rows, 1], 1e-6, 1 - 1e-6)
    odds = rev / (1 - rev) * (line / (1 - line))
    share = out[rows, 0] / rev
    new = odds / (1 + odds)
    out[rows] = np.column_stack([new * share, new * (1 - share), 1 - new])
    return out

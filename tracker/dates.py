"""Statement dates: parsed with dateparser, precision (day / month / year) kept."""

from __future__ import annotations

import datetime as dt
import re
from functools import lru_cache

from dateparser.date import DateDataParser

from typing import Literal

Precision = Literal["day", "month", "year"]

_ISO = re.compile(r"^\s*(\d{4})(?:-(\d{1,2})(?:-(\d{1,2}))?)?\s*$")
# Numeric day/month orders such as 03/04/2025 read differently in the US and Europe.
_NUMERIC_DM = re.compile(r"^\s*(\d{1,2})[/.\-](\d{1,2})[/.\-](\d{2,4})\s*$")


class DateError(ValueError):
    """A value that cannot be read as a statement date."""


@lru_cache(maxsize=1)
def _parser() -> DateDataParser:
    return DateDataParser(languages=["en"], settings={"PREFER_DAY_OF_MONTH": "first", "RETURN_TIME_AS_PERIOD": False})


def parse_date(value: object, *, today: dt.date | None = None) -> tuple[dt.date, Precision]:
    """Read a statement date; month- or year-only dates keep that precision (first day stored)."""
    today = today or dt.date.today()
    if isinstance(value, dt.datetime):
        return _check_future(value.date(), "day", today)
    if isinstance(value, dt.date):
        return _check_future(value, "day", today)
    if value is None or (isinstance(value, float) and value != value):
        raise DateError("empty date")
    text = str(value).strip()
    if not text:
        raise DateError("empty date")
    m = _ISO.match(text)
    if m:
        year, month, day = m.groups()
        try:
            if day:
                return _check_future(dt.date(int(year), int(month), int(day)), "day", today)
            if month:
                return _check_future(dt.date(int(year), int(month), 1), "month", today)
            return _check_future(dt.date(int(year), 1, 1), "year", today)
        except ValueError as exc:
            raise DateError(f"invalid date {text!r}: {exc}") from None
    m = _NUMERIC_DM.match(text)
    if m and int(m.group(1)) <= 12 and int(m.group(2)) <= 12 and m.group(1) != m.group(2):
        raise DateError(f"ambiguous date {text!r} (day/month order unknown): write it as YYYY-MM-DD")
    if len(text) > 64:
        raise DateError(f"cannot read {text[:30]!r}... as a date")
    data = _parser().get_date_data(text)
    if data is None or data.date_obj is None:
        raise DateError(f"cannot read {text!r} as a date")
    period = data.period if data.period in ("day", "month", "year") else "day"
    parsed = data.date_obj.date()
    if period == "month":
        parsed = parsed.replace(day=1)
    elif period == "year":
        parsed = parsed.replace(month=1, day=1)
    return _check_future(parsed, period, today)


def _check_future(value: dt.date, precision: Precision, today: dt.date) -> tuple[dt.date, Precision]:
    if value > today:
        raise DateError(f"date {value.isoformat()} is in the future")
    return value, precision


def format_date(value: dt.date | str, precision: str = "day") -> str:
    """Render a stored date at its precision: 2025-08-18, 2025-08 or 2025."""
    iso = value.isoformat() if isinstance(value, dt.date) else str(value)
    return {"month": iso[:7], "year": iso[:4]}.get(precision, iso[:10])


def parse_bound(value: str | None) -> str | None:
    """A --since/--until bound as an ISO day (first day of a month or year), for comparing with stored dates."""
    if value is None:
        return None
    try:
        day, _ = parse_date(value, today=dt.date.max)
    except DateError as exc:
        raise DateError(f"cannot read bound {value!r}: {exc}") from None
    return day.isoformat()

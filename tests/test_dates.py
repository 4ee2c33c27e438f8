import datetime as dt

import pytest

from tracker.dates import DateError, format_date, parse_date

TODAY = dt.date(2026, 1, 1)


@pytest.mark.parametrize(
    "value, expected, precision",
    [
        ("2025-08-18", dt.date(2025, 8, 18), "day"),
        ("2025-08", dt.date(2025, 8, 1), "month"),
        ("2025", dt.date(2025, 1, 1), "year"),
        ("August 18, 2025", dt.date(2025, 8, 18), "day"),
        ("18 Aug 2025", dt.date(2025, 8, 18), "day"),
        ("Aug. 19, 2025", dt.date(2025, 8, 19), "day"),
        ("August 2025", dt.date(2025, 8, 1), "month"),
        ("25/12/2024", dt.date(2024, 12, 25), "day"),
        (dt.date(2024, 5, 2), dt.date(2024, 5, 2), "day"),
    ],
)
def test_parse_date_keeps_precision(value, expected, precision):
    assert parse_date(value, today=TODAY) == (expected, precision)


@pytest.mark.parametrize("value, fragment", [
    ("", "empty"), ("not a date", "cannot read"), ("03/04/2025", "ambiguous"),
    ("2027-01-01", "future"), ("2025-02-30", "invalid"),
])
def test_parse_date_rejects_with_reason(value, fragment):
    with pytest.raises(DateError, match=fragment):
        parse_date(value, today=TODAY)


def test_format_date_at_precision():
    assert format_date("2025-08-01", "month") == "2025-08"
    assert format_date("2025-01-01", "year") == "2025"
    assert format_date("2025-08-18", "day") == "2025-08-18"

"""Publication dates in records and pages, normalised to YYYY-MM-DD."""
from __future__ import annotations

import datetime as dt

import pytest

from jishi.ingest.dates import normalize_date


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("2025-12-02", "2025-12-02"),
        ("2025-12-02T08:30:00+08:00", "2025-12-02"),
        ("2025-12-02 08:30:00", "2025-12-02"),
        ("2025/12/2", "2025-12-02"),
        ("2025.12.02", "2025-12-02"),
        ("2025年12月2日", "2025-12-02"),
        ("2025年12月2日 10:15", "2025-12-02"),
        ("20251202", "2025-12-02"),
        ("02/12/2025", "2025-12-02"),
        ("Tue, 02 Dec 2025 10:00:00 GMT", "2025-12-02"),
        ("December 2, 2025", "2025-12-02"),
        ("2 Dec 2025", "2025-12-02"),
        (1764633600, "2025-12-02"),
        ("1764633600000", "2025-12-02"),
        (dt.date(2025, 12, 2), "2025-12-02"),
        ("2025-02-30", None),
        ("明天", None),
        ("", None),
        (None, None),
    ],
)
def test_ingest_dates_normalize(value: object, expected: str | None) -> None:
    assert normalize_date(value) == expected

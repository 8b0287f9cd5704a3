"""Publication dates in records and pages, normalised to YYYY-MM-DD."""
from __future__ import annotations

import datetime as dt

import pytest

from jishi.ingest.dates import find_timestamp_line, normalize_date, timestamp_line_date


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


@pytest.mark.parametrize(
    ("line", "date"),
    [
        ("2024-05-17 10:03:45\u3000来源：新华网\u3000【字体：大 中 小】", "2024-05-17"),
        ("2025年09月02日 07:30 来源：央视新闻客户端", "2025-09-02"),
        ("2023-11-08 21:15", "2023-11-08"),
        ("发布时间：2024/03/05", "2024-03-05"),
        ("来源：人民网 2024-06-01 08:00", "2024-06-01"),
        # sentences and headings that open with a date are not timestamp lines
        ("2025年9月2日，朝鲜发射导弹。", None),
        ("2025年9月2日 朝鲜向东部海域发射多枚导弹", None),
        ("2024-13-40 10:00", None),
    ],
)
def test_ingest_timestamp_line_date(line: str, date: str | None) -> None:
    assert timestamp_line_date(line) == date


def test_ingest_find_timestamp_line_among_opening_lines() -> None:
    raw = "标题\n环球网\n2023-11-08 21:15\n\n正文第一段。\n"
    start, line, day = find_timestamp_line(raw)
    assert (raw[start:start + len(line)], day) == ("2023-11-08 21:15", "2023-11-08")
    assert find_timestamp_line("标题\n\n正文写于2023年11月8日。\n") is None

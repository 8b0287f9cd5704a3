"""Publication date precedence: ingest's value > dateline > inferred; never the machine clock."""
from __future__ import annotations

import datetime as dt

from jishi.document import Document
from jishi.time import normalize_times


def make(text: str, **kwargs) -> Document:
    return Document(raw_text=text, text=text, **{"id": "article", **kwargs})


def test_published_given_by_ingest_is_kept_with_its_source() -> None:
    doc = normalize_times(make("新华社北京12月1日电 外交部发言人1日表示。", published="2025-12-02",
                               published_source="html"))
    assert (doc.published, doc.published_source, doc.published_inferred) == ("2025-12-02", "html", False)


def test_published_from_dateline_in_first_paragraph() -> None:
    text = "新华社北京12月1日电 外交部发言人1日表示，中方欢迎一切有利于和平的努力。\n2025年11月30日，双方举行会谈。"
    doc = normalize_times(make(text))
    assert (doc.published, doc.published_source, doc.published_inferred) == ("2025-12-01", "dateline", False)
    assert [t.value for t in doc.times if t.text == "1日"] == ["2025-12-01"]


def test_published_dateline_year_from_document_id() -> None:
    doc = normalize_times(make("中新网1月3日电 据报道，当地3日发生地震。", id="news-20250103-07"))
    assert (doc.published, doc.published_source) == ("2025-01-03", "dateline")


def test_published_dateline_from_clean_stage_meta() -> None:
    doc = normalize_times(make("外交部发言人1日表示。", meta={"dateline": "新华社华盛顿11月30日电"},
                               id="us-2025-11-30"))
    assert (doc.published, doc.published_source) == ("2025-11-30", "dateline")


def test_published_dateline_dict_as_clean_v1_records_it() -> None:
    text = "新华社北京12月1日电 外交部发言人1日表示。"
    doc = normalize_times(make(text, id="doc-2025-12-01", meta={"dateline": {"text": "新华社北京12月1日电",
                                                                            "start": 0, "end": 11}}))
    assert (doc.published, doc.published_source) == ("2025-12-01", "dateline")


def test_published_dateline_without_date_is_not_a_date() -> None:
    doc = normalize_times(make("央视网消息（新闻联播）：国务院总理11日致电祝贺。", id="xwlb-20240611-04",
                               meta={"dateline": {"text": "央视网消息（新闻联播）：", "start": 0, "end": 12}}))
    assert (doc.published, doc.published_source, doc.published_inferred) == ("2024-06-11", "inferred", True)


def test_published_inferred_from_id_date() -> None:
    doc = normalize_times(make("外交部发言人昨天表示，双方保持沟通。", id="xwlb-20240611-04"))
    assert (doc.published, doc.published_source, doc.published_inferred) == ("2024-06-11", "inferred", True)
    assert [t.value for t in doc.times if t.text == "昨天"] == ["2024-06-10"]


def test_published_inferred_from_latest_full_date_in_text() -> None:
    doc = normalize_times(make("2024年3月5日，大会开幕。2024年3月11日，大会闭幕。"))
    assert (doc.published, doc.published_source, doc.published_inferred) == ("2024-03-11", "inferred", True)


def test_published_never_the_machine_clock() -> None:
    doc = normalize_times(make("外交部发言人昨天表示，双方保持沟通。"))
    assert doc.published is None and doc.published_source is None
    assert doc.times[0].value is None
    assert dt.date.today().isoformat() not in str(doc.times)


def test_published_invalid_ingest_value_falls_through() -> None:
    doc = normalize_times(make("新华社北京12月1日电 会谈举行。", id="x-2025-12-01", published="yesterday"))
    assert (doc.published, doc.published_source) == ("2025-12-01", "dateline")


# --- timestamp lines of scraped pages ---------------------------------------------------------------------------

def test_published_from_timestamp_line_the_clean_stage_found() -> None:
    from jishi.clean import clean_document

    raw = ("巴西与阿根廷签署贸易协定\n2024-05-17 10:03:45　来源：新华网　【字体：大 中 小】\n\n"
           "新华社巴西利亚5月16日电 巴西和阿根廷16日在巴西利亚签署贸易协定。\n\n"
           "两国关系始于2019年11月3日举行的首次峰会。")
    doc = clean_document(Document(id="a", raw_text=raw))
    assert "来源" not in doc.text and "2024-05-17" in doc.captions[0]
    normalize_times(doc)
    assert (doc.published, doc.published_source, doc.published_inferred) == ("2024-05-17", "timestamp", False)


def test_published_dateline_year_from_nearest_full_date_not_a_later_background_date() -> None:
    text = ("新华社开罗3月4日电 埃及外长3日在开罗会见约旦外交大臣。2025年3月3日的会谈持续两小时。\n"
            "两国于2026年1月1日起实施新的签证协议。")
    doc = normalize_times(make(text))
    assert (doc.published, doc.published_source) == ("2025-03-04", "dateline")


def test_ingest_reads_timestamp_line_when_no_other_date(tmp_path) -> None:
    from jishi.ingest import iter_documents

    path = tmp_path / "scraped.txt"
    path.write_text("朝鲜试射导弹\n2025年09月02日 07:30 来源：央视新闻客户端\n\n央视新闻消息 朝鲜1日发射导弹。\n",
                    encoding="utf-8")
    (doc,) = list(iter_documents([str(path)]))
    assert (doc.published, doc.published_source) == ("2025-09-02", "timestamp")
    (given,) = list(iter_documents([str(path)], published="2025-09-03"))
    assert (given.published, given.published_source) == ("2025-09-03", "option")

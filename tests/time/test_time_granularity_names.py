"""Year-level expressions keep their granularity, "X以来" is an interval, and numbers or names that look like
dates are not dates (sentences written for these tests in the style of Chinese news)."""
from __future__ import annotations

import pytest
from time_checks import run, time_of, value_of

from jishi.clean import clean_document
from jishi.document import Document
from jishi.time import normalize_times
from jishi.time.extract import not_a_time

# --- year granularity ------------------------------------------------------------------------------------

@pytest.mark.parametrize("text, expression, value", [
    ("今年是两国建交55周年，双方将举办系列纪念活动。", "今年", "2026"),
    ("塞尔维亚总统宣布参加2027年总统选举。", "2027年", "2027"),
    ("该国前总理表示将退出2028年总统竞选。", "2028年", "2028"),
])
def test_time_granularity_year_only_stays_a_year(text: str, expression: str, value: str) -> None:
    expr = time_of(run(text, published="2026-05-12"), expression)
    assert (expr.value, expr.kind, expr.precision) == (value, "date", "year")


def test_time_granularity_since_this_year_is_an_interval_to_publication() -> None:
    doc = run("今年以来，两国外长已三次通电话，就地区局势交换意见。", published="2026-05-12")
    since = time_of(doc, "今年以来")
    assert (since.value, since.kind, since.precision) == ("2026-01-01/2026-05-12", "interval", "interval")
    year = time_of(doc, "今年")  # the year itself is still there, as a year
    assert (year.value, year.precision) == ("2026", "year")


@pytest.mark.parametrize("text, expression, published, value", [
    ("自去年10月以来，该地区已发生十余起无人机袭击。", "去年10月以来", "2026-05-12", "2025-10-01/2026-05-12"),
    ("内政部称，14日以来已有两万人撤离边境城镇。", "14日以来", "2026-05-20", "2026-05-14/2026-05-20"),
    ("2019年以来，该港口吞吐量持续增长。", "2019年以来", "2026-05-12", "2019-01-01/2026-05-12"),
])
def test_time_granularity_since_month_day_year(text: str, expression: str, published: str, value: str) -> None:
    assert value_of(run(text, published=published), expression) == value


def test_time_granularity_since_day_sets_no_context() -> None:
    # "3日以来" is background: the bare day after it keeps the story's own month
    doc = run("边境冲突3日以来已造成数百人伤亡。红十字会官员18日呼吁双方停火。", published="2026-05-19")
    assert value_of(doc, "3日以来") == "2026-05-03/2026-05-19"
    assert value_of(doc, "18日") == "2026-05-18"


# --- numbers and names that look like dates -----------------------------------------------------------------

@pytest.mark.parametrize("text, absent", [
    ("商务部发布公告（商务部公告2026年第12号），自6月1日起对相关物项实施出口管制。", ["2026年", "12号", "2026年第12号"]),
    ("该期刊2025年第3期刊登了这份调查报告。", ["2025年", "3期"]),
])
def test_time_names_document_numbers_are_not_dates(text: str, absent: list[str]) -> None:
    doc = run(text, published="2026-05-12")
    found = {t.text for t in doc.times}
    assert not found & set(absent), found
    if "6月1日" in text:
        assert value_of(doc, "6月1日") == "2026-06-01"


def test_time_names_war_named_by_its_length_is_not_a_day() -> None:
    text = "一名伊朗官员说，以色列在去年的12日战争中未能实现其目标。"
    doc = run(text, published="2026-05-12")
    assert "12日" not in {t.text for t in doc.times}
    start = text.index("12日")
    assert not_a_time(text, start, start + 3)  # the same rule filters LAC TIME tokens
    assert not not_a_time("以军12日空袭了该地区。", 2, 5)


def test_time_names_dates_inside_titles_name_no_event() -> None:
    doc = run("外交部10日发布《2026年国际安全形势报告》，介绍了有关情况。", published="2026-05-12")
    title = time_of(doc, "2026年")
    assert title.kind == "name" and title.value == "2026" and "title" in (title.reason or "")
    assert time_of(doc, "10日").kind == "date"


def test_time_names_title_year_sets_no_year_context() -> None:
    # 《2019年…纲要》 is a name: the 3月5日 after it is this year's, not 2019's
    doc = run("该国议会审议了《2019年至2030年国家发展纲要》修正案，将于3月5日表决。", published="2026-02-20")
    assert value_of(doc, "3月5日") == "2026-03-05"


# --- same day ------------------------------------------------------------------------------------------------

def test_time_same_day_after_sub_heading_takes_last_day_before_it() -> None:
    raw = ("标题\n\n央视网消息：蒙古国外长14日在乌兰巴托会见到访的韩国外长。\n\n"
           "双方15日签署了经贸合作备忘录。\n\n联合国人权理事会就难民问题举行会议\n\n"
           "联合国人权理事会同一天在日内瓦举行特别会议。")
    doc = clean_document(Document(id="t", raw_text=raw, published="2026-06-16"))
    assert [s.title for s in doc.sections] == ["联合国人权理事会就难民问题举行会议"]
    normalize_times(doc)
    assert value_of(doc, "同一天") == "2026-06-15"


def test_time_same_day_skips_a_pluperfect_day() -> None:
    doc = run("两国防长3日在马尼拉举行会谈。印尼代表团此前于1日抵达马尼拉。双方当天还签署了防务合作协议。",
              published="2026-07-04")
    assert value_of(doc, "1日") == "2026-07-01"
    assert value_of(doc, "当天") == "2026-07-03"

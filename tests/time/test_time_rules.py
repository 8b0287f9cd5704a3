"""One test per rule of the time stage, on sentences written for these tests in the style of Chinese news."""
from __future__ import annotations

import subprocess
import sys

import pytest
from time_checks import run, time_of, value_of

from jishi.document import Document, Sentence, Token
from jishi.time import normalize_times

# --- explicit dates --------------------------------------------------------------------------------------

@pytest.mark.parametrize("text, expression, value", [
    ("2025年11月30日，双方在日内瓦举行会谈。", "2025年11月30日", "2025-11-30"),
    ("二〇二四年三月五日，大会在北京开幕。", "二〇二四年三月五日", "2024-03-05"),
    ("２０２４年３月５日，大会开幕。", "２０２４年３月５日", "2024-03-05"),
    ("98年4月，该厂建成投产。", "98年4月", "1998-04"),
    ("07年第三季度，出口增长较快。", "07年第三季度", "2007-07-01/2007-09-30"),
    ("该条例于2024-08-01起施行。", "2024-08-01", "2024-08-01"),
    ("2026年，双方将举行新一轮磋商。", "2026年", "2026"),
])
def test_rules_explicit_dates(text: str, expression: str, value: str) -> None:
    assert value_of(run(text), expression) == value


def test_rules_month_day_takes_year_nearest_publication() -> None:
    doc = run("外交部发言人12月28日表示，中方愿同各方加强沟通。", published="2026-01-03")
    assert value_of(doc, "12月28日") == "2025-12-28"


def test_rules_month_day_future_cue_allows_next_months() -> None:
    doc = run("第四届博览会将于6月12日至15日在长沙举办。", published="2025-05-21")
    assert value_of(doc, "6月12日") == "2025-06-12"
    assert value_of(doc, "15日") == "2025-06-15"
    assert value_of(doc, "6月12日至15日") == "2025-06-12/2025-06-15"


def test_rules_month_day_without_cue_stays_in_the_past() -> None:
    doc = run("据报道，当地10月28日发生强降雨。", published="2025-04-21")
    assert value_of(doc, "10月28日") == "2024-10-28"


# --- bare days -------------------------------------------------------------------------------------------

def test_rules_bare_day_takes_month_of_preceding_date_in_paragraph() -> None:
    doc = run("11月20日，白宫的计划曝光。23日，各方代表在日内瓦举行会谈。")
    assert value_of(doc, "23日") == "2025-11-23"


def test_rules_bare_day_is_most_recent_past_day() -> None:
    doc = run("普京27日再次重申了领土要求。\n俄罗斯联邦安全局1日说，挫败一起袭击图谋。")
    assert value_of(doc, "27日") == "2025-11-27"
    assert value_of(doc, "1日") == "2025-12-01"


def test_rules_bare_day_on_publication_day_is_that_day() -> None:
    assert value_of(run("国务院总理2日在北京会见来访的外宾。"), "2日") == "2025-12-02"


def test_rules_bare_day_future_cue_takes_nearest_day() -> None:
    doc = run("联合国安理会将于5日就该决议草案进行表决。")
    assert value_of(doc, "5日") == "2025-12-05"


def test_rules_bare_day_is_not_carried_backwards() -> None:
    doc = run("自去年12月26日以来，援助车队多次受阻。据半岛电视台10日报道，局势仍在恶化。",
              published="2024-01-11")
    assert value_of(doc, "去年12月26日") == "2023-12-26"
    assert value_of(doc, "10日") == "2024-01-10"


def test_rules_since_date_is_not_the_paragraph_context() -> None:
    doc = run("2023年10月7日以来，冲突已造成大量人员伤亡。联合国官员20日对局势表示担忧。",
              published="2025-03-21")
    assert value_of(doc, "20日") == "2025-03-20"


def test_rules_this_month_in_reported_speech_is_the_speakers_month() -> None:
    doc = run("美国官员1月31日称，本月28日美军基地遭袭事件是民兵组织所为。", published="2024-02-01")
    assert value_of(doc, "本月28日") == "2024-01-28"
    assert value_of(run("会议将于本月20日举行。", published="2024-06-11"), "本月20日") == "2024-06-20"


def test_rules_range_end_follows_its_start() -> None:
    doc = run("中央气象台预计，从今天到5日，华北将有降雪。", published="2024-02-01")
    assert value_of(doc, "5日") == "2024-02-05"


# --- anaphora --------------------------------------------------------------------------------------------

def test_rules_same_day_refers_to_last_date_in_paragraph() -> None:
    doc = run("11月30日，美乌代表团举行会谈。\n威特科夫计划于12月1日前往莫斯科。同一天，泽连斯基将赴巴黎。")
    assert value_of(doc, "同一天") == "2025-12-01"


def test_rules_same_day_without_paragraph_date_refers_to_main_date() -> None:
    doc = run("11月30日，美乌代表团在佛罗里达州举行会谈。\n泽连斯基当天通过社交媒体发文。")
    assert value_of(doc, "当天") == "2025-11-30"


def test_rules_same_day_refers_to_last_day_of_previous_paragraph() -> None:
    # the most recent explicit day, across the paragraph break, not the lead's date
    doc = run("欧洲议会议长18日在斯特拉斯堡宣布投票结果。\n"
              "此外，匈牙利总理19日在布达佩斯召开记者会。\n"
              "斯洛伐克外长当天也发表声明表示支持。", published="2026-03-20")
    assert value_of(doc, "当天") == "2026-03-19"


def test_rules_same_day_after_heading_refers_to_main_date() -> None:
    # a heading starts another story line: the day of the previous section is not carried over
    from jishi.clean import clean_document
    from jishi.document import Document
    from jishi.time import normalize_times

    raw = ("标题\n\n新华社东京3月2日电 日本和菲律宾防长2日在东京举行会谈。\n\n"
           "菲方代表团此前于2月27日抵达日本。\n\n会谈细节\n\n双方当天还同意扩大联合训练规模。")
    doc = clean_document(Document(id="t", raw_text=raw, published="2026-03-03"))
    assert [s.title for s in doc.sections] == ["会谈细节"]
    normalize_times(doc)
    assert value_of(doc, "当天") == "2026-03-02"


@pytest.mark.parametrize("word, value", [("次日", "2025-11-21"), ("前一天", "2025-11-19"), ("当晚", "2025-11-20")])
def test_rules_anaphoric_day_offsets(word: str, value: str) -> None:
    doc = run(f"11月20日，代表团抵达日内瓦，{word}举行闭门磋商。")
    assert value_of(doc, word) == value


def test_rules_before_then_is_the_anchor_flagged_vague() -> None:
    doc = run("俄国防部11月14日宣布挫败一起袭击。此前，当局曾多次发出警告。")
    expr = time_of(doc, "此前")
    assert (expr.value, expr.kind, expr.precision) == ("2025-11-14", "vague", "vague")


# --- vague, relative, parts ------------------------------------------------------------------------------

def test_rules_vague_words_are_intervals_before_publication() -> None:
    doc = run("特朗普近日表示，乌方原则同意修改后的方案。目前，尚不清楚库什纳是否会同行。近期冲突持续。")
    near = time_of(doc, "近日")
    assert near.value.endswith("/2025-12-02") and near.precision == "vague" and near.kind == "vague"
    assert value_of(doc, "目前") == "2025-12-02/2025-12-02"
    assert value_of(doc, "近期").split("/")[0] < "2025-12-02"


@pytest.mark.parametrize("word, value", [
    ("昨天", "2025-12-01"), ("前天", "2025-11-30"), ("今天", "2025-12-02"), ("明天", "2025-12-03"),
    ("上周三", "2025-11-26"), ("下月", "2026-01"), ("去年", "2024"), ("明年", "2026"), ("三年前", "2022"),
    ("本月", "2025-12"), ("上个月", "2025-11"), ("下周五", "2025-12-12"),
])
def test_rules_relative_expressions_count_from_publication(word: str, value: str) -> None:
    doc = run(f"外交部发言人表示，{word}双方进行了沟通。")
    assert value_of(doc, word) == value


@pytest.mark.parametrize("text, expression, value", [
    ("目标是在11月底提交协议，并于12月初走完全部流程。", "11月底", "2025-11-21/2025-11-30"),
    ("目标是在11月底提交协议，并于12月初走完全部流程。", "12月初", "2025-12-01/2025-12-10"),
    ("工程预计年底完工。", "年底", "2025-12-01/2025-12-31"),
    ("今年上半年，进出口总值增长。", "今年上半年", "2025-01-01/2025-06-30"),
    ("今年一季度，经济运行平稳。", "今年一季度", "2025-01-01/2025-03-31"),
    ("今年前10个月，货物贸易稳步增长。", "今年前10个月", "2025-01-01/2025-10-31"),
    ("今年1—8月份，全国新开工改造小区4万个。", "今年1—8月份", "2025-01/2025-08"),
    ("11月中旬以来，寒潮影响北方。", "11月中旬", "2025-11-11/2025-11-20"),
    ("20世纪90年代，两国关系快速发展。", "20世纪90年代", "1990/1999"),
    ("峰会定于明年3月的第二周举行。", "明年3月的第二周", "2026-03-09/2026-03-15"),
    ("美方希望年内达成协议。", "年内", "2025-01-01/2025-12-31"),
    ("选举于11月的第一个周二举行。", "11月的第一个周二", "2025-11-04"),
])
def test_rules_month_and_year_parts(text: str, expression: str, value: str) -> None:
    assert value_of(run(text), expression) == value


@pytest.mark.parametrize("text, published, expression, value", [
    ("美国最初希望在感恩节前签署协议。", "2025-12-02", "感恩节", "2025-11-27"),
    ("春节期间，各地举办庙会。", "2025-02-01", "春节", "2025-01-29"),
    ("春节临近，铁路客流持续增长。", "2026-01-20", "春节", "2026-02-17"),
    ("圣诞节前夕，欧洲多地加强安保。", "2025-12-20", "圣诞节", "2025-12-25"),
    ("国庆节假期，全国出游人数创新高。", "2025-10-08", "国庆节", "2025-10-01"),
    ("客流比去年春节同期增长22%。", "2025-02-01", "去年春节", "2024-02-10"),
])
def test_rules_holidays_by_year(text: str, published: str, expression: str, value: str) -> None:
    assert value_of(run(text, published), expression) == value


@pytest.mark.parametrize("text, expression, value", [
    ("美乌举行了4小时会谈。", "4小时", "PT4H"),
    ("这些外交斡旋能结束持续近四年的冲突吗？", "近四年", "P4Y"),
    ("停火需要3个月才能落实。", "3个月", "P3M"),
    ("谈判持续了一年半。", "一年半", "P1.5Y"),
])
def test_rules_durations_are_not_dates(text: str, expression: str, value: str) -> None:
    expr = time_of(run(text), expression)
    assert (expr.value, expr.kind) == (value, "duration")


def test_rules_days_ago_count_from_the_paragraph_date_else_publication() -> None:
    assert value_of(run("一名官员称，三天前双方曾通话。"), "三天前") == "2025-11-29"
    assert value_of(run("11月20日，计划曝光，两天后，各方举行会谈。"), "两天后") == "2025-11-22"
    assert value_of(run("马岛战争结束40年后，局势再度紧张。"), "40年后") is None


def test_rules_month_since_is_a_month_not_a_duration() -> None:
    assert value_of(run("11月以来，多地出现降雪。"), "11月") == "2025-11"


# --- what is not a time ----------------------------------------------------------------------------------

@pytest.mark.parametrize("text", [
    "特朗普在空军一号接受媒体采访。",
    "据今日俄罗斯电视台报道，会谈仍在进行。",
    "节日前夕，商场人流明显增加。",
    "香港、澳门会迎来更美好的明天。",
    "人类首次登上月球。",
    "这批货物价值30日元。",
    "两国贸易额接近日本的水平。",
    "临近期末，学生们忙于复习。",
    "各方代表在日内瓦举行会谈。",
])
def test_rules_time_lookalikes_are_not_times(text: str) -> None:
    assert run(text).times == []


def test_rules_day_before_geneva_is_a_day() -> None:
    assert [(t.text, t.value) for t in run("各方代表23日内瓦会谈后表示。").times] == [("23日", "2025-11-23")]


def test_rules_date_before_verb_qian_wang_keeps_the_date_only() -> None:
    doc = run("美国特使威特科夫于12月1日前往俄罗斯首都莫斯科。")
    assert [(t.text, t.value) for t in doc.times] == [("12月1日", "2025-12-01")]


def test_rules_local_time_prefix_is_a_flag_not_text() -> None:
    expr = time_of(run("总台记者当地时间11月30日获悉，一位美国官员表示。"), "11月30日")
    assert expr.value == "2025-11-30" and "local time" in expr.reason


def test_rules_bracketed_date_explains_the_word_before_it() -> None:
    doc = run("条例将从2025年6月1日起施行。教育部今天（11月11日）召开新闻发布会。", published="2024-11-11")
    assert value_of(doc, "11月11日") == "2024-11-11"


def test_rules_offsets_point_into_text() -> None:
    doc = run("11月20日，计划曝光。23日，代表举行会谈。")
    assert all(doc.text[t.start:t.end] == t.text for t in doc.times)


# --- no publication date ---------------------------------------------------------------------------------

def test_rules_without_publication_relative_times_have_no_value() -> None:
    doc = run("外交部发言人昨天表示，双方11月30日举行会谈。2024年3月，大会开幕。", published=None)
    assert doc.published is None and doc.published_source is None
    yesterday = time_of(doc, "昨天")
    assert yesterday.value is None and "publication" in yesterday.reason
    assert time_of(doc, "11月30日").value is None
    assert value_of(doc, "2024年3月") == "2024-03"


# --- robustness ------------------------------------------------------------------------------------------

@pytest.mark.parametrize("text", [
    "2月30日，会议召开。", "13月5日", "99日", "第0季度", "0年前", "十几天后", "几个小时后", "农历闰十三月",
    "（）至（）", "2025年2月29日", "上周八", "公元前221年", "", "日日日月月月年年年",
])
def test_rules_no_expression_crashes_the_stage(text: str) -> None:
    doc = run(text)
    for expr in doc.times:
        assert expr.value is not None or expr.reason


def test_rules_impossible_day_is_kept_with_a_reason() -> None:
    expr = time_of(run("2月30日，会议召开。"), "2月30日")
    assert expr.value is None and "no such day" in expr.reason
    assert value_of(run("2024年2月29日，会议召开。"), "2024年2月29日") == "2024-02-29"


def test_rules_lac_time_tokens_outside_the_grammar() -> None:
    text = "美方提出28点计划。神舟十七号航天员出舱，纪念建交75周年。大年初一，各地举行庙会。"
    doc = Document(id="t", raw_text=text, text=text, published="2025-02-10", published_source="option")
    lac_time = [(w, text.index(w)) for w in ("28点", "十七号", "75周年", "大年初一")]
    doc.sentences = [Sentence(0, len(text), text, 0, [Token(w, "TIME", a, a + len(w)) for w, a in lac_time])]
    normalize_times(doc)
    got = {t.text: t for t in doc.times}
    assert "28点" not in got  # a plan, not a clock time
    for name in ("十七号", "75周年"):  # a spacecraft's number and an anniversary: kept, with no value
        assert got[name].value is None and got[name].reason == "LAC TIME token outside the grammar"
    assert got["大年初一"].value == "2025-01-29"  # the grammar's holiday (春节), not a LAC leftover
    assert "jionlp" not in got["大年初一"].reason


def test_rules_lac_leftovers_never_import_jionlp() -> None:
    code = ("import sys; from jishi.document import Document, Sentence, Token; "
            "from jishi.time.stage import normalize_times; t = '神舟十七号出舱，全年增长，75周年。'; "
            "d = Document(id='t', raw_text=t, text=t, published='2025-02-10', published_source='option'); "
            "d.sentences = [Sentence(0, len(t), t, 0, [Token(w, 'TIME', t.index(w), t.index(w) + len(w)) "
            "for w in ('十七号', '全年', '75周年')])]; normalize_times(d); "
            "assert [x.value for x in d.times] == [None, None, None], d.times; print('jionlp' in sys.modules)")
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert done.stdout.strip() == "False"


# --- relative expressions in dated reported speech ------------------------------------------------------------

@pytest.mark.parametrize(
    ("text", "expression", "value"),
    [
        # said on Wednesday the 4th, published Monday the 9th: 下周 is the week of the 9th, not of the 16th
        ("巴西总统3日在巴西利亚对媒体说，他认为下周有望与阿根廷达成协议。", "下周", "2026-03-09/2026-03-15"),
        ("伊朗外长3日表示，明天将与阿曼外交大臣举行会晤。", "明天", "2026-03-04"),
        ("印度外交部发言人2月27日称，两国将于下个月举行新一轮边界谈判。", "下个月", "2026-03"),
    ],
)
def test_rules_relative_expression_in_dated_speech_counts_from_the_day_said(
        text: str, expression: str, value: str) -> None:
    doc = run(text, published="2026-03-09")
    assert value_of(doc, expression) == value
    assert "said" in time_of(doc, expression).reason


def test_rules_relative_expression_without_dated_speech_counts_from_publication() -> None:
    doc = run("伊朗外长3日抵达马斯喀特。阿曼方面说，双方明天将举行会晤。", published="2026-03-09")
    assert value_of(doc, "明天") == "2026-03-10"

"""Round-3 time rules (docs/DEV_SET3.md E2 and T1), on sentences written for these tests."""
from __future__ import annotations

from time_checks import run, value_of


def test_time_round3_background_month_after_a_day_is_not_inherited() -> None:
    # 3月15日 tells the story; 2024年11月 dates a past accident inside the demand; 16日 continues March
    doc = run("当地时间3月15日晚，数千名农民在首都集会，要求政府为2024年11月化工厂爆炸事故承担责任。"
              "据该国内政部16日通报，警方逮捕了30人。", published="2026-03-17")
    assert value_of(doc, "2024年11月") == "2024-11"
    assert value_of(doc, "16日") == "2026-03-16"


def test_time_round3_background_month_keeps_year_of_later_dates() -> None:
    # a year-less 3月20日 after the background month keeps the story's year, not 2023
    doc = run("5月2日，反对派在议会外静坐，抗议2023年9月通过的选举法。组织者表示，3月20日的集会将继续。",
              published="2026-05-04")
    assert value_of(doc, "3月20日") == "2026-03-20"


def test_time_round3_bare_day_takes_publication_month_after_an_old_month() -> None:
    # no day of the paragraph: the old month names background, the bare day is the news
    doc = run("此次罢工源于2023年10月颁布的一项土地法令。内政部16日通报，警方逮捕了30人。", published="2026-03-17")
    assert value_of(doc, "16日") == "2026-03-16"


def test_time_round3_bare_day_keeps_the_month_the_paragraph_tells() -> None:
    # a historical paragraph that dates days in that month keeps it
    doc = run("2019年3月5日，两国签署边界协定。7日，双方互换批准书。", published="2026-03-17")
    assert value_of(doc, "7日") == "2019-03-07"
    # a recent month (within two months of publication) is the story's month
    doc = run("2026年2月，两国恢复谈判。16日，双方代表在日内瓦会面。", published="2026-03-17")
    assert value_of(doc, "16日") == "2026-02-16"


def test_time_round3_same_day_of_a_statement_skips_days_of_reported_content() -> None:
    text = ("马里政府发言人迪亚拉12日说，武装分子11日夜间袭击了北部一处军营。\n"
            "他说，政府军伤亡不大。马里国防部当天发表声明称，政府军已收复该军营。")
    assert value_of(run(text, published="2026-03-13"), "当天") == "2026-03-12"
    # in the same paragraph too
    text = "马里政府发言人迪亚拉12日说，武装分子11日夜间袭击了北部一处军营。国防部当天发表声明，宣布增派部队。"
    assert value_of(run(text, published="2026-03-13"), "当天") == "2026-03-12"


def test_time_round3_same_day_of_an_event_still_follows_the_last_day() -> None:
    # 当天 that dates no statement keeps the last day, even inside reported content
    text = "迪亚拉12日说，武装分子11日夜间袭击了北部一处军营，当天共有5名士兵遇难。"
    assert value_of(run(text, published="2026-03-13"), "当天") == "2026-03-11"
    # no speech verb before the day: it is the main clause's
    text = "武装分子11日夜间袭击了北部一处军营。马里国防部当天发表声明称，政府军已收复该军营。"
    assert value_of(run(text, published="2026-03-13"), "当天") == "2026-03-11"


def test_time_round3_relative_year_month_is_background_too() -> None:
    doc = run("当地时间3月15日，数千名农民在首都集会，要求为去年11月的化工厂爆炸事故追责。内政部16日通报，警方逮捕了30人。",
              published="2026-03-17")
    assert value_of(doc, "去年11月") == "2025-11"
    assert value_of(doc, "16日") == "2026-03-16"

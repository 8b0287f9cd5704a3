"""Round-4 time rules (docs/DEV_SET4.md F2 and T): a same-day word anchored on the day of a main clause, not on
a day inside a 的-modifier or a planned clause; 次年 after a year written alone; 零时 after a day. Sentences
written for these tests."""
from __future__ import annotations

from time_checks import run, values_of


def test_time_round4_same_day_skips_a_day_in_a_relative_clause() -> None:
    # 25日 dates the announcement; 本月12日 dates the referendum the announcement is about
    text = ("玻利维亚选举法院当地时间25日公布，在本月12日举行的修宪公投中，支持票占54%。"
            "反对派拒绝承认结果。拉巴斯当天爆发游行，警方拘留了20人。")
    assert values_of(run(text, "2026-04-26"), "当天") == ["2026-04-25"]
    # 3日发生的 is a modifier too
    text = "蒙古国政府7日通报了3日发生的矿难调查结果。矿工家属当天在乌兰巴托集会。"
    assert values_of(run(text, "2026-04-08"), "当天") == ["2026-04-07"]


def test_time_round4_modifier_day_alone_still_dates_the_clause() -> None:
    # no other day in the sentence: the day of the meeting is the day the words were said
    text = "秘鲁外长在5日举行的地区峰会上发表讲话。他当天还会见了智利外长。"
    assert values_of(run(text, "2026-04-08"), "当天") == ["2026-04-05"]


def test_time_round4_same_day_skips_a_planned_day() -> None:
    text = ("挪威外交部3日召见俄罗斯驻挪威大使。俄方随后宣布，将从6日起在巴伦支海举行海上演习。\n"
            "芬兰外交部当天也发表声明表示关切。")
    assert values_of(run(text, "2026-05-04"), "当天") == ["2026-05-03"]
    text = "智利内政部10日宣布，总统计划于14日视察北部灾区。反对党当日批评政府反应迟缓。"
    assert values_of(run(text, "2026-05-11"), "当日") == ["2026-05-10"]


def test_time_round4_planned_same_day_keeps_the_planned_day() -> None:
    # the same-day clause is itself planned: the planned day is the one it means
    text = "越南总理计划于12日访问老挝。当天，两国还将签署电力合作协议。"
    assert values_of(run(text, "2026-05-09"), "当天") == ["2026-05-12"]


def test_time_round4_next_year_counts_from_a_year_written_alone() -> None:
    text = "这名前部长在2019年议会选举中落败，次年3月因贪腐指控被捕。"
    assert values_of(run(text, "2026-05-09"), "次年3月") == ["2020-03"]
    # a later month of the paragraph is what 次年 counts from
    text = "该党成立于2015年。2023年11月，该党宣布参选，次年2月赢得议会多数。"
    assert values_of(run(text, "2026-05-09"), "次年2月") == ["2024-02"]


def test_time_round4_midnight_belongs_to_the_day() -> None:
    doc = run("双方商定自20日零时起实施人道主义停火。", "2026-05-21")
    assert values_of(doc, "20日零时") == ["2026-05-20"]

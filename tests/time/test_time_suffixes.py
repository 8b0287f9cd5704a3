"""Parts of day and closing postpositions belong to the time expression as written (13日晚, 本周内, 月底前);
次日 counts from the day of the event its paragraph tells. Sentences written for these tests."""
from __future__ import annotations

import pytest
import time_checks

from jishi.document import Document


def run(text: str, published: str = "2026-05-20") -> Document:
    """Normalise a hand-written text published on 2026-05-20 (unless told otherwise)."""
    return time_checks.run(text, published)


def pairs(doc: Document) -> list[tuple[str, str | None]]:
    return [(t.text, t.value) for t in doc.times]


@pytest.mark.parametrize("text, expression, value", [
    ("秘鲁警方说，抗议者16日晚冲击国会大楼。", "16日晚", "2026-05-16"),
    ("救援队17日凌晨抵达震中。", "17日凌晨", "2026-05-17"),
    ("两国外长12日清晨在利马会面。", "12日清晨", "2026-05-12"),
    ("议会5月11日上午进行表决。", "5月11日上午", "2026-05-11"),
    ("总理府14日下午发表声明。", "14日下午", "2026-05-14"),
    ("游行队伍9日晚间在市中心集结。", "9日晚间", "2026-05-09"),
    ("内政部长昨天傍晚宣布宵禁。", "昨天傍晚", "2026-05-19"),
    ("选举委员会周三上午公布结果。", "周三上午", "2026-05-20"),
])
def test_time_part_of_day_is_part_of_the_day_expression(text: str, expression: str, value: str) -> None:
    assert (expression, value) in pairs(run(text))


def test_time_anaphoric_day_keeps_its_part_of_day() -> None:
    doc = run("智利总统15日抵达圣地亚哥。次日凌晨，他与反对派领袖会面，当天晚些时候离开，当晚返回首都。")
    got = pairs(doc)
    assert ("次日凌晨", "2026-05-16") in got
    assert ("当天晚些时候", "2026-05-16") in got
    assert ("当晚", "2026-05-16") in got


def test_time_part_of_day_range_is_one_interval_with_both_ends() -> None:
    got = pairs(run("埃塞俄比亚北部11日晚至12日凌晨发生武装冲突。"))
    assert ("11日晚至12日凌晨", "2026-05-11/2026-05-12") in got
    assert ("11日晚", "2026-05-11") in got
    assert ("12日凌晨", "2026-05-12") in got


@pytest.mark.parametrize("text", [
    "部长5日晚宴上发表讲话。",  # 晚宴: a banquet, not the evening
    "代表团5日早已离开。",  # 早已: already
    "总统5日夜以继日地工作。",  # 夜以继日: a set phrase
])
def test_time_part_of_day_character_opening_another_word_is_not_taken(text: str) -> None:
    assert pairs(run(text)) == [("5日", "2026-05-05")]


def test_time_local_time_date_keeps_its_exact_text() -> None:
    assert pairs(run("当地时间4月30日，峰会在开罗开幕。")) == [("4月30日", "2026-04-30")]


@pytest.mark.parametrize("text, expression, value", [
    ("两国财长将于本周内在日内瓦举行磋商。", "本周内", "2026-05-18/2026-05-24"),
    ("工会要求政府在三天以内作出答复。", "三天以内", "P3D"),
    ("政府承诺7日之内恢复供电。", "7日之内", "P7D"),
    ("维和部队须于月底前完成撤离。", "月底前", "2026-05-21/2026-05-31"),
    ("内阁计划下个月之前提交预算案。", "下个月之前", "2026-06"),
])
def test_time_closing_postposition_is_part_of_the_expression(text: str, expression: str, value: str) -> None:
    assert (expression, value) in pairs(run(text))


@pytest.mark.parametrize("text, expression", [
    ("特使12月1日前往开罗。", "12月1日"),  # 前往: to go to
    ("该国5月内阁改组后，局势趋稳。", "5月"),  # 内阁: the cabinet
    ("外交部长3日前总统府举行的仪式上致辞。", "3日"),  # 前总统府: the former presidential palace
    ("该国表示在2030年底之前不会加入该联盟。", "2030年底"),  # 在…之前 frames the time (a deadline)
])
def test_time_postposition_opening_another_word_is_not_taken(text: str, expression: str) -> None:
    assert expression in [t.text for t in run(text).times]


def test_time_next_day_counts_from_the_day_told_in_its_paragraph() -> None:
    doc = run("智利议会9日举行投票。\n抗议7日在首都爆发。警方次日逮捕了20人。")
    assert ("次日", "2026-05-08") in pairs(doc)


def test_time_next_day_after_an_undated_sentence_counts_from_the_main_event() -> None:
    text = ("当地时间5月6日，苏丹军队与快速支援部队在喀土穆北郊交火。\n"
            "联合国秘书长7日呼吁双方停火。\n"
            "据当地媒体报道，交火发生后，数千名居民逃离家园。埃及外交部翌日召见苏丹驻埃大使。")
    assert ("翌日", "2026-05-07") in pairs(run(text))


def test_time_next_day_opening_a_paragraph_continues_the_paragraph_before() -> None:
    text = ("当地时间5月6日，苏丹军队与快速支援部队在喀土穆北郊交火。\n"
            "联合国秘书长7日抵达开罗。\n"
            "第二天，他与埃及外长举行会谈。")
    assert ("第二天", "2026-05-08") in pairs(run(text))


def test_time_head_of_an_extended_expression_is_kept_with_the_same_value() -> None:
    doc = run("阿根廷总统18日晚抵达巴西利亚。次日凌晨，两国签署协议。")
    got = pairs(doc)
    assert ("18日晚", "2026-05-18") in got and ("18日", "2026-05-18") in got
    # the head takes the whole's value: 次日 is not counted a second time from 次日凌晨
    assert ("次日凌晨", "2026-05-19") in got and ("次日", "2026-05-19") in got
    whole = next(t for t in doc.times if t.text == "18日晚")
    head = next(t for t in doc.times if t.text == "18日")
    assert (head.start, head.end) == (whole.start, whole.start + 3)

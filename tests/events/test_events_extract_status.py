"""Status cues, negation, attribution and dates."""
from __future__ import annotations

from collections.abc import Callable

import pytest

from jishi.document import Document
from jishi.events import EventStage


@pytest.mark.parametrize("text,status", [
    ("以色列军队11日对加沙地带发动空袭。", "occurred"),
    ("俄军持续炮击乌克兰东部城镇。", "ongoing"),
    ("德国总理默茨计划下周访问北京。", "planned"),
    ("威特科夫预计将与普京会面。", "planned"),
    ("一名男子企图刺杀该国总统。", "attempted"),
    ("据新华社报道，以军空袭了加沙南部城市。", "claimed"),
    ("如果伊朗继续推进核计划，以色列可能对其发动打击。", "hypothetical"),  # with 将 it is a threat (round2)
    ("伊朗否认袭击了以色列船只。", "denied"),
])
def test_extract_status_cues(make_doc: Callable[..., Document], text: str, status: str) -> None:
    doc = make_doc(text)
    statuses = {e.type: e.status for e in doc.events if e.type in ("ASSAULT", "CONSULT")}
    assert status in statuses.values(), [(e.type, e.trigger.text, e.status) for e in doc.events]


@pytest.mark.parametrize("text", [
    "双方没有举行会谈。",
    "日本首相表示，日本不会向乌克兰提供武器。",
    "俄方尚未撤军。",
    "警方并未逮捕任何人。",
])
def test_extract_negated_events_are_dropped(make_doc: Callable[..., Document], text: str) -> None:
    assert make_doc(text).events == []


def test_extract_negated_events_are_kept_when_asked(make_doc: Callable[..., Document]) -> None:
    doc = make_doc("双方没有举行会谈。", run=False)
    EventStage(keep_negated=True)([doc])
    [event] = doc.events
    assert event.negated and event.type == "CONSULT"


def test_extract_attribution_reads_the_reporting_chain(make_doc: Callable[..., Document]) -> None:
    doc = make_doc("据《华尔街日报》报道，威特科夫计划于12月1日前往莫斯科，与普京会面。")
    [event] = doc.events
    assert event.attribution == ["华尔街日报"]
    assert event.status == "planned" and event.date == "2025-12-01"
    doc = make_doc("美国媒体以不愿公开姓名的美国政府高级官员为消息源报道，双方在日内瓦举行会谈。")
    assert doc.events[0].attribution == ["美国媒体", "不愿公开姓名的美国政府高级官员"]
    doc = make_doc("一位美国官员表示，威特科夫于12月1日前往莫斯科。")
    assert doc.events[0].attribution == ["一位美国官员"]


def test_extract_attribution_is_empty_when_the_outlet_states_it(make_doc: Callable[..., Document]) -> None:
    doc = make_doc("以色列军队11日对加沙地带发动空袭。")
    assert doc.events[0].attribution == []


def test_extract_date_is_inherited_then_falls_back_to_publication(make_doc: Callable[..., Document]) -> None:
    doc = make_doc("11月14日，双方在日内瓦举行会谈。随后，俄军炮击了乌克兰东部城镇。")
    assert [e.date for e in doc.events] == ["2025-11-14", "2025-11-14"]
    doc = make_doc("俄军炮击了乌克兰东部城镇。", published="2025-12-02")
    assert doc.events[0].date == "2025-12-02" and doc.events[0].date_precision == "publication"


def test_extract_attribution_chain_through_yuanyin(make_doc: Callable[..., Document]) -> None:
    doc = make_doc("据塔斯社援引俄国防部的消息报道，俄军当天击落了12架乌克兰无人机。")
    [event] = doc.events
    assert event.attribution == ["塔斯社", "俄国防部"] and event.status == "claimed"

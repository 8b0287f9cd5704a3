"""Layout repair on our own debris fixtures (other names, topics and debris than the seed)."""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from jishi.clean import clean_document
from jishi.clean.layout import LayoutAnalyser, split_lines
from jishi.clean.rules import default_rules
from jishi.document import Document
from jishi.ingest import iter_documents

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "clean"
EXPECTED = json.loads((FIXTURES / "expected.json").read_text(encoding="utf-8"))


def _cleaned(name: str) -> Document:
    (path,) = [p for p in FIXTURES.iterdir() if p.stem == name and p.suffix in (".txt", ".md")]
    (doc,) = list(iter_documents([str(path)]))
    return clean_document(doc)


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_clean_debris_fixture(name: str) -> None:
    want = EXPECTED[name]
    doc = _cleaned(name)
    assert doc.title == want["title"]
    missing = [s for s in want["must_contain"] if s not in doc.text]
    present = [s for s in want["must_not_contain"] if s in doc.text]
    assert (missing, present) == ([], [])
    assert doc.captions == want["captions"]
    assert [s.title for s in doc.sections] == want["sections"]
    assert doc.meta["dateline_outlet"] == want["dateline_outlet"]
    assert doc.text[doc.meta["dateline"]["start"]:doc.meta["dateline"]["end"]] == doc.meta["dateline"]["text"]
    assert [c["text"] for c in doc.meta["credit_lines"]] == want["credit_lines"]
    assert len(doc.offsets) == len(doc.text) == len(doc.analysis_text)
    assert all(doc.raw_text[o] == c for o, c in zip(doc.offsets, doc.text) if c != "\n")


def _clean_text(raw: str, title: str | None = None) -> Document:
    return clean_document(Document(id="t", raw_text=raw, title=title))


def test_clean_heading_with_comma_is_not_joined() -> None:
    raw = (
        "二、深化务实合作，共促地区繁荣\n\n"
        "外长表示，双方将在基础设施、能源等领域开展更多合作。\n\n"
        "三、加强人文交流\n\n"
        "双方同意互办文化年活动。"
    )
    doc = _clean_text(raw, title="外长谈合作")
    assert [s.title for s in doc.sections] == ["二、深化务实合作，共促地区繁荣", "三、加强人文交流"]
    assert doc.text.startswith("外长表示")


def test_clean_cut_that_finds_no_continuation_stays_a_paragraph() -> None:
    raw = "部长说，会谈将在\n\n相关新闻\n\n另一则消息称，峰会推迟举行。"
    doc = _clean_text(raw, title="无关标题")
    assert doc.text == "部长说，会谈将在\n另一则消息称，峰会推迟举行。"
    assert [s.title for s in doc.sections] == ["相关新闻"]


@pytest.mark.parametrize(
    ("raw", "text", "sections"),
    [
        # a heading with a comma is not glued to the paragraph under it ...
        ("第一段。\n\n美方释放积极信号，俄方仍持谨慎态度\n\n特朗普30日表示，谈判进展顺利。",
         "第一段。\n特朗普30日表示，谈判进展顺利。", ["美方释放积极信号，俄方仍持谨慎态度"]),
        # ... but a foreign name split over a line break is rejoined
        ("第一段。\n\n会谈结束后，外长拉夫罗\n\n夫未接受提问。", "第一段。\n会谈结束后，外长拉夫罗夫未接受提问。", []),
        # ... and so is a sentence cut after a function word
        ("第一段。\n\n双方在会谈中同意，将在\n\n年底前完成谈判。", "第一段。\n双方在会谈中同意，将在年底前完成谈判。", []),
    ],
)
def test_clean_weak_cuts(raw: str, text: str, sections: list[str]) -> None:
    doc = _clean_text(raw, title="标题")
    assert doc.text == text
    assert [s.title for s in doc.sections] == sections


def test_clean_wide_gap_short_line_is_caption_not_heading() -> None:
    raw = (
        "双方在会谈中就双边关系交换了意见。\n\n"
        "会谈后两国发表联合声明。\n\n\n\n"
        "会谈现场\n\n\n\n"
        "此前，两国已签署多项协议。"
    )
    doc = _clean_text(raw, title="联合声明发表")
    assert doc.captions == ["会谈现场"]
    assert doc.sections == []


def test_clean_traditional_text_gets_simplified_analysis_text() -> None:
    raw = "兩國外長舉行會談\n\n兩國外長10日在華盛頓舉行會談，雙方表示將繼續推進「和平進程」。"
    doc = _clean_text(raw)
    assert doc.title == "兩國外長舉行會談"
    assert doc.text == "兩國外長10日在華盛頓舉行會談，雙方表示將繼續推進「和平進程」。"
    assert doc.analysis_text == "两国外长10日在华盛顿举行会谈，双方表示将继续推进「和平进程」。"
    assert len(doc.analysis_text) == len(doc.text)


def test_clean_big5_file_end_to_end(tmp_path: Path) -> None:
    path = tmp_path / "tw.txt"
    path.write_bytes("美方宣布新制裁\n\n美國財政部宣布對多家企業實施制裁。".encode("big5"))
    (doc,) = list(iter_documents([str(path)]))
    doc = clean_document(doc)
    assert doc.text == "美國財政部宣布對多家企業實施制裁。"
    assert doc.analysis_text == "美国财政部宣布对多家企业实施制裁。"


def test_clean_html_title_line_removed(fixtures_dir: Path) -> None:
    (doc,) = list(iter_documents([str(fixtures_dir / "ingest" / "page.html")]))
    doc = clean_document(doc)
    assert doc.text.startswith("示例新闻网北京7月10日电")
    assert doc.meta["dateline_outlet"] == "示例新闻网"
    assert doc.meta["dateline"]["text"] == "示例新闻网北京7月10日电"


@pytest.mark.parametrize(
    ("first_paragraph", "dateline", "outlet"),
    [
        ("央视网消息（新闻联播）：国务院总理11日会见来访的外国总理。", "央视网消息（新闻联播）：", "央视网"),
        ("新华社北京12月1日电 外交部发言人1日表示，中方欢迎各方努力。", "新华社北京12月1日电", "新华社"),
        ("中新网十二月三日电 据报道，峰会当天开幕。", "中新网十二月三日电", "中新网"),
        ("本报讯（记者 李华）昨天，市政府召开新闻发布会。", "本报讯", "本报"),  # the byline is cut out
    ],
)
def test_clean_dateline_recorded(first_paragraph: str, dateline: str, outlet: str) -> None:
    doc = _clean_text(first_paragraph + "\n\n第二段内容。", title="标题")
    assert doc.meta["dateline"] == {"text": dateline, "start": 0, "end": len(dateline)}
    assert doc.meta["dateline_outlet"] == outlet


def test_clean_split_lines_offsets_and_gaps() -> None:
    raw = "\n　　第一行\r\n\r\n\r\n  第二行  \n"
    lines = split_lines(raw)
    assert [(ln.text, ln.gap_before, ln.gap_after) for ln in lines] == [("第一行", 0, 2), ("第二行", 2, 0)]
    assert all(raw[ln.start:ln.start + len(ln.text)] == ln.text for ln in lines)


@pytest.mark.parametrize(
    ("line", "kind"),
    [
        ("新华社记者 张伟 摄", "caption"),
        ("图为会谈现场。", "caption"),
        ("习近平", "caption"),
        ("马克龙", "caption"),
        ("链接", "heading"),
        ("责任编辑：李明", "staff"),
        ("（记者 王芳）", "staff"),
        ("两国外长举行会谈。", "body"),
    ],
)
def test_clean_line_kinds(line: str, kind: str) -> None:
    from jishi.clean.layout import Line

    lines = [Line(0, "前一段写完了。"), Line(10, line, 1, 1), Line(30, "下一段的内容在这里结束。", 1)]
    assert LayoutAnalyser(default_rules()).classify(lines, 1, 1) == kind


def test_clean_empty_text_gives_empty_document() -> None:
    doc = _clean_text("\n\n   \n")
    assert (doc.text, doc.offsets, doc.paragraphs, doc.sentences) == ("", [], [], [])


@pytest.mark.parametrize(
    ("body", "text", "captions"),
    [
        # a word cut by two captions, no quote open: the comma before marks the line as body text
        (
            "第一段写完了。\n\n不过也有分析指出，总统试图冻\n\n\n\n外长(左)与对方代表\n\n\n\n总统\n\n结边境冲突的目标明确。",
            "第一段写完了。\n不过也有分析指出，总统试图冻结边境冲突的目标明确。",
            ["外长(左)与对方代表", "总统"],
        ),
        # a long caption ending in 。 between the halves: its formula marks it
        (
            "外长表示，双方将\n\n\n\n12月1日，外长在会谈后会见记者。新华社发\n\n\n\n继续推进合作。\n\n下一段。",
            "外长表示，双方将继续推进合作。\n下一段。",
            ["12月1日，外长在会谈后会见记者。新华社发"],
        ),
        # a quote cut over a line break
        ("他说，美方将“继续\n\n推进”对话。", "他说，美方将“继续推进”对话。", []),
        # a colon line followed by the quotation: one sentence
        ("外交部发言人表示：\n\n“中方坚决反对。”", "外交部发言人表示：“中方坚决反对。”", []),
        # a colon line followed by a list stays apart
        ("会议强调：\n\n一、加强合作。\n\n二、深化交流。", "会议强调：\n一、加强合作。\n二、深化交流。", []),
        # a caption with a title and a name, isolated by wider gaps
        ("第一段写完了。\n\n\n\n乌克兰总统泽连斯基\n\n\n\n第二段写完了。", "第一段写完了。\n第二段写完了。", ["乌克兰总统泽连斯基"]),
    ],
)
def test_clean_repairs(body: str, text: str, captions: list[str]) -> None:
    doc = _clean_text("标题行\n\n" + body)
    assert doc.title == "标题行"
    assert doc.text == text
    assert doc.captions == captions

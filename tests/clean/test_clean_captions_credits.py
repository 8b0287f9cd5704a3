"""Full-sentence photo captions, split names with a short first half, staff credits and page furniture."""
from __future__ import annotations

import pytest

from jishi.clean import clean_document
from jishi.document import Document


def _clean(raw: str, title: str | None = "标题") -> Document:
    return clean_document(Document(id="t", raw_text=raw, title=title))


@pytest.mark.parametrize(
    "caption",
    [
        "9月3日，在黎巴嫩南部城市提尔，救援人员在遭空袭的建筑废墟中搜救。新华社发（阿里·哈桑摄）",
        "9月3日，在黎巴嫩南部城市提尔，救援人员在遭空袭的建筑废墟中搜救。新华社记者 刘宇 摄",
        "当地时间9月3日，黎巴嫩提尔，救援人员在建筑废墟中搜救。（图源：视觉中国）",
        "当地时间9月3日，黎巴嫩提尔，救援人员在建筑废墟中搜救。（本报记者 周然摄）",
    ],
)
def test_clean_full_sentence_caption_with_photo_credit_between_paragraphs(caption: str) -> None:
    raw = ("标题\n\n黎巴嫩卫生部3日说，以军空袭造成至少9人死亡。\n\n\n\n" + caption
           + "\n\n\n\n在空袭发生的同时，真主党向以色列北部发射火箭弹。")
    doc = _clean(raw)
    assert doc.captions == [caption]
    assert doc.text == "黎巴嫩卫生部3日说，以军空袭造成至少9人死亡。\n在空袭发生的同时，真主党向以色列北部发射火箭弹。"


def test_clean_caption_interrupting_a_sentence_is_taken_out_and_the_halves_joined() -> None:
    raw = ("标题\n\n据内政部4日发布的消息，部分抗议者向警察投掷石块，警方随后使用了高压水枪\n\n\n\n"
           "当地时间9月3日，塞尔维亚贝尔格莱德，抗议者在政府大楼前集会。（图源：视觉中国）\n\n\n\n"
           "和胡椒喷雾。\n\n另一段写完了。")
    doc = _clean(raw)
    assert doc.captions == ["当地时间9月3日，塞尔维亚贝尔格莱德，抗议者在政府大楼前集会。（图源：视觉中国）"]
    assert "警方随后使用了高压水枪和胡椒喷雾。" in doc.text
    assert "视觉中国" not in doc.text


def test_clean_dated_one_sentence_caption_set_apart_by_wide_gaps() -> None:
    raw = ("标题\n\n外长会谈在安卡拉举行。\n\n双方同意恢复直航。\n\n\n\n"
           "9月3日，在土耳其首都安卡拉，两国外长出席联合记者会。\n\n\n\n会后双方签署了三份合作文件。")
    doc = _clean(raw)
    assert doc.captions == ["9月3日，在土耳其首都安卡拉，两国外长出席联合记者会。"]
    assert "联合记者会" not in doc.text


def test_clean_dated_body_sentence_in_ordinary_gaps_stays() -> None:
    raw = "标题\n\n外长会谈在安卡拉举行。\n\n9月3日，在土耳其首都安卡拉，两国外长出席联合记者会。\n\n会后双方签署文件。"
    doc = _clean(raw)
    assert doc.captions == []
    assert "两国外长出席联合记者会。" in doc.text


def test_clean_name_split_with_short_first_half_is_rejoined_not_a_heading() -> None:
    raw = ("标题\n\n第一段写完了。\n\n真主党副总书记纳伊姆·卡\n\n"
           "西姆在电视讲话中说，真主党不会放弃抵抗。\n\n第三段写完了。")
    doc = _clean(raw)
    assert "真主党副总书记纳伊姆·卡西姆在电视讲话中说" in doc.text
    assert doc.sections == []


def test_clean_short_heading_is_still_a_heading() -> None:
    raw = "标题\n\n第一段写完了。\n\n各方反应不一\n\n土耳其外交部发表声明表示欢迎。"
    doc = _clean(raw)
    assert [s.title for s in doc.sections] == ["各方反应不一"]
    assert doc.text == "第一段写完了。\n土耳其外交部发表声明表示欢迎。"


@pytest.mark.parametrize(
    ("raw", "gone", "kept"),
    [
        ("新华社贝鲁特9月3日电（记者 刘宇 王岩）黎巴嫩卫生部3日说，空袭造成9人死亡。\n\n第二段写完了。\n\n责编：何平",
         ["刘宇", "王岩", "责编", "何平"], "新华社贝鲁特9月3日电黎巴嫩卫生部3日说"),
        ("【环球网报道 记者 孙越】据法新社报道，塞尔维亚总统3日发表讲话。\n\n第二段写完了。\n\n（编辑：杜文）",
         ["孙越", "环球网报道", "杜文", "编辑"], "据法新社报道，塞尔维亚总统3日发表讲话。"),
        ("据塔斯社报道，俄外长3日抵达安卡拉。\n\n土耳其外交部当天发表声明，呼吁各方保持克制，避免局势进一步升级。"
         "（责任编辑：钱敏）\n\n【纠错】　【责任编辑：钱敏】",
         ["钱敏", "纠错"], "避免局势进一步升级。"),
    ],
)
def test_clean_staff_credits_and_bylines_leave_the_text(raw: str, gone: list[str], kept: str) -> None:
    doc = _clean("标题\n\n" + raw)
    assert [g for g in gone if g in doc.text] == []
    assert kept in doc.text
    credits = doc.meta["credit_lines"]
    assert credits and all(c["kind"] == "staff" for c in credits)
    assert all(doc.raw_text[c["raw_start"]:c["raw_end"]] == c["text"] for c in credits)
    assert len(doc.offsets) == len(doc.text)
    assert all(doc.raw_text[o] == ch for o, ch in zip(doc.offsets, doc.text) if ch != "\n")


def test_clean_source_credit_stays_and_staff_credit_goes() -> None:
    doc = _clean("标题\n\n外长会谈在安卡拉举行。\n\n本版文据新华社、中新社\n\n责任编辑：何平")
    assert doc.text == "外长会谈在安卡拉举行。\n本版文据新华社、中新社"
    assert [(c["text"], c["kind"]) for c in doc.meta["credit_lines"]] == [
        ("本版文据新华社、中新社", "source"), ("责任编辑：何平", "staff")]


def test_clean_dateline_found_after_byline_cut() -> None:
    doc = _clean("标题\n\n新华社安卡拉9月3日电（记者 刘宇）土耳其外长3日表示，将继续斡旋。")
    assert doc.meta["dateline"]["text"] == "新华社安卡拉9月3日电"
    assert doc.meta["dateline_outlet"] == "新华社"


def test_clean_timestamp_and_outlet_lines_are_page_furniture() -> None:
    raw = ("塞尔维亚爆发抗议\n环球时报\n2024-09-04 07:12\n\n"
           "据法新社报道，塞尔维亚首都贝尔格莱德3日爆发抗议。\n\n各方反应\n\n欧盟呼吁各方保持克制。")
    doc = _clean(raw, title=None)
    assert doc.title == "塞尔维亚爆发抗议"
    assert doc.captions == ["环球时报", "2024-09-04 07:12"]
    assert doc.meta["timestamp"]["date"] == "2024-09-04"
    assert [s.title for s in doc.sections] == ["各方反应"]
    assert doc.text.startswith("据法新社报道")


def test_clean_portrait_caption_with_a_dotted_name_is_not_a_name_cut() -> None:
    raw = "标题\n\n第一段写完了。\n\n\n\n纳伊姆·卡西\n\n\n\n卡塔尔外交部发言人说，谈判仍在继续。"
    doc = _clean(raw)
    assert doc.captions == ["纳伊姆·卡西"]
    assert doc.text == "第一段写完了。\n卡塔尔外交部发言人说，谈判仍在继续。"


def test_clean_byline_with_outlet_prefix_and_photo_credit_line() -> None:
    doc = _clean("标题\n\n央视新闻客户端3月4日电（总台记者 韩冰）伊朗外长4日表示，将继续谈判。\n\n\n\n"
                 "（新华社记者 韩冰 摄）\n\n\n\n阿曼外交大臣当天也发表了声明。")
    assert doc.text == "央视新闻客户端3月4日电伊朗外长4日表示，将继续谈判。\n阿曼外交大臣当天也发表了声明。"
    assert doc.captions == ["（新华社记者 韩冰 摄）"]
    assert [c["text"] for c in doc.meta["credit_lines"]] == ["（总台记者 韩冰）"]


@pytest.mark.parametrize(
    ("raw", "body", "byline", "outlet"),
    [
        ("标题\n\n央视新闻消息（总台记者 李航）：当地时间9日，秘鲁总统签署法令。\n\n第二段写完了。",
         "央视新闻消息：当地时间9日，秘鲁总统签署法令。", "（总台记者 李航）", "央视新闻"),
        ("标题\n\n南方网消息（记者 陈立 通讯员 林海）近日，广州警方破获一起走私案。\n\n第二段写完了。",
         "南方网消息近日，广州警方破获一起走私案。", "（记者 陈立 通讯员 林海）", "南方网"),
        ("标题\n\n本报讯（记者 张明）5日，市政府召开防汛会议。\n\n第二段写完了。",
         "本报讯5日，市政府召开防汛会议。", "（记者 张明）", "本报"),
    ],
)
def test_clean_byline_after_any_dateline_opener_is_cut(raw: str, body: str, byline: str, outlet: str) -> None:
    doc = _clean(raw)
    assert doc.text.split("\n")[0] == body
    assert [c["text"] for c in doc.meta["credit_lines"]] == [byline]
    assert doc.meta["dateline_outlet"] == outlet
    assert byline[1:-1].split()[-1] not in doc.text


def test_clean_programme_name_after_xiaoxi_is_not_a_byline() -> None:
    doc = _clean("标题\n\n央视网消息（新闻联播）：外交部长会见了来访的客人。")
    assert doc.text.startswith("央视网消息（新闻联播）：")
    assert "credit_lines" not in doc.meta


def test_clean_ju_x_xiaoxi_in_body_is_not_a_dateline() -> None:
    doc = _clean("标题\n\n据外交部消息，部长将于下周访问巴西。")
    assert "dateline" not in doc.meta
    assert doc.sentences[0].text == "据外交部消息，部长将于下周访问巴西。"

"""Readers: text, Markdown, HTML, JSON Lines, JSON, CSV, folders and stdin."""
from __future__ import annotations

import io
from pathlib import Path

import pytest

from jishi.document import Document
from jishi.errors import InputError
from jishi.ingest import iter_documents
from jishi.ingest.readers import guess_title


def _read(paths: list[str], **kwargs) -> tuple[list[Document], list[InputError]]:
    docs, errors = [], []
    for item in iter_documents(paths, **kwargs):
        (docs if isinstance(item, Document) else errors).append(item)
    return docs, errors


@pytest.fixture()
def ingest_dir(fixtures_dir: Path) -> Path:
    return fixtures_dir / "ingest"


def test_ingest_txt_seed_title_id_and_raw_text(seed_text: str) -> None:
    path = Path(__file__).resolve().parents[2] / "examples" / "seed-article.txt"
    docs, errors = _read([str(path)])
    assert errors == []
    (doc,) = docs
    assert doc.id == "seed-article"
    assert doc.title == "美乌新一轮谈判结束 特朗普称俄乌和平协议 “很有可能”达成"
    assert doc.raw_text == seed_text
    assert doc.source_path == str(path)
    assert doc.published is None and doc.published_source is None


def test_ingest_md_heading_is_title(ingest_dir: Path) -> None:
    (doc,), errors = _read([str(ingest_dir / "article.md")])
    assert errors == []
    assert doc.id == "article"
    assert doc.title == "欧盟宣布新一轮对外援助计划"
    assert doc.meta["format"] == "markdown"


@pytest.mark.parametrize(
    ("text", "title"),
    [
        ("外长会晤取得积极成果\n\n两国外长10日举行会谈。", "外长会晤取得积极成果"),
        ("两国外长10日举行会谈。\n\n双方签署了合作文件。", None),  # first line is a sentence
        ("## 二级标题也算\n\n正文第一段。", "二级标题也算"),
        ("只有一行没有标点", None),
        ("这是一条很长的首行" * 10 + "\n\n正文。", None),  # too long for a title
    ],
)
def test_ingest_guess_title_cases(text: str, title: str | None) -> None:
    assert guess_title(text) == title


def test_ingest_html_main_text_and_metadata(ingest_dir: Path) -> None:
    (doc,), errors = _read([str(ingest_dir / "page.html")])
    assert errors == []
    assert doc.id == "page"
    assert doc.title == "外交部发言人就东盟地区论坛答记者问"
    assert doc.published == "2025-07-10" and doc.published_source == "html"
    assert doc.source == "示例新闻网"
    assert doc.url == "https://news.example.cn/2025/07/10/arf.html"
    assert "维护地区和平稳定" in doc.raw_text
    assert "版权所有" not in doc.raw_text and "首页" not in doc.raw_text


def test_ingest_jsonl_records_bad_line_and_missing_text(ingest_dir: Path) -> None:
    path = str(ingest_dir / "records.jsonl")
    docs, errors = _read([path])
    assert [d.id for d in docs] == ["wire-001", "records-4"]
    first = docs[0]
    assert first.title == "中方宣布对多国试行免签政策"
    assert first.published == "2025-11-03" and first.published_source == "field"
    assert first.url == "https://example.cn/a/1" and first.source == "示例通讯社"
    assert first.meta["channel"] == "时政"
    # program_date is the fallback publication date; other fields are kept in meta.
    assert docs[1].published == "2024-06-11" and docs[1].published_source == "field"
    assert docs[1].meta["item_index"] == 4
    assert len(errors) == 2
    assert str(errors[0]).startswith(f"{path}: line 2: malformed JSON")
    assert str(errors[0]).endswith("[E107]")
    assert "line 3" in str(errors[1]) and "no text" in str(errors[1]) and "[E108]" in str(errors[1])


def test_ingest_csv_with_field_mapping(ingest_dir: Path) -> None:
    fields = {"text": "body", "title": "headline", "source": "outlet", "published": "date"}
    docs, errors = _read([str(ingest_dir / "records.csv")], fields=fields)
    (doc,) = docs
    assert doc.id == "csv-1"
    assert doc.title == "两国签署经贸合作协议"
    assert doc.raw_text.startswith("两国政府12日")
    assert doc.published == "2025-03-12" and doc.source == "示例日报"
    (err,) = errors
    assert "line 3" in str(err) and "csv-2" in str(err) and "'body'" in str(err)


def test_ingest_json_array_and_single_object(ingest_dir: Path) -> None:
    docs, errors = _read([str(ingest_dir / "records.json"), str(ingest_dir / "single.json")])
    assert [d.id for d in docs] == ["j1", "s1"]
    assert docs[0].published == "2025-12-09"
    assert docs[1].published == "2025-06-05"
    (err,) = errors
    assert "record 2" in str(err) and "j2" in str(err)


def test_ingest_json_lines_named_json_are_read_as_lines(tmp_path: Path) -> None:
    path = tmp_path / "dump.json"
    path.write_text('{"text": "第一条消息。"}\n{"text": "第二条消息。"}\n', encoding="utf-8")
    docs, errors = _read([str(path)])
    assert errors == [] and [d.id for d in docs] == ["dump-1", "dump-2"]


def test_ingest_published_option_wins_over_input_dates(ingest_dir: Path) -> None:
    docs, _ = _read([str(ingest_dir / "records.jsonl"), str(ingest_dir / "article.md")], published="2025/12/2")
    assert {d.published for d in docs} == {"2025-12-02"}
    assert {d.published_source for d in docs} == {"option"}
    assert docs[0].meta["published_input"] == "2025-11-03"


def test_ingest_bad_published_option_is_one_error(ingest_dir: Path) -> None:
    docs, errors = _read([str(ingest_dir / "article.md")], published="next tuesday")
    assert len(docs) == 1 and docs[0].published is None
    (err,) = errors
    assert str(err).startswith("--published:")


def test_ingest_folder_recursive_sorted_known_extensions_only(tmp_path: Path) -> None:
    (tmp_path / "b").mkdir()
    (tmp_path / "b" / "second.txt").write_text("第二篇\n\n内容。", encoding="utf-8")
    (tmp_path / "a.txt").write_text("第一篇\n\n内容。", encoding="utf-8")
    (tmp_path / "notes.docx").write_bytes(b"PK\x03\x04 not ours")
    (tmp_path / "image.png").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00")
    docs, errors = _read([str(tmp_path)])
    assert errors == []
    assert [d.id for d in docs] == ["a", "second"]


def test_ingest_stdin_text_and_jsonl() -> None:
    docs, errors = _read(["-"], stdin=io.BytesIO("会谈结束\n\n双方发表联合声明。".encode("gbk")))
    assert errors == []
    assert docs[0].id == "stdin" and docs[0].title == "会谈结束"
    assert docs[0].raw_text.endswith("联合声明。")
    lines = '{"id": "x1", "text": "第一条。"}\n\n{"text": "第二条。"}\n'
    docs, errors = _read(["-"], stdin=io.StringIO(lines))
    assert errors == [] and [d.id for d in docs] == ["x1", "stdin-3"]


def test_ingest_stdin_with_a_non_json_line_is_text() -> None:
    docs, _ = _read(["-"], stdin=io.StringIO('{"text": "a"}\n这不是JSON。\n'))
    assert len(docs) == 1 and docs[0].id == "stdin"


def test_ingest_tsv_and_paragraph_list_records(tmp_path: Path) -> None:
    (tmp_path / "a.tsv").write_text("id\ttext\nt1\t会谈在日内瓦举行。\n", encoding="utf-8")
    (tmp_path / "b.jsonl").write_text('{"id": "p1", "text": ["第一段。", "第二段。"]}\n', encoding="utf-8")
    docs, errors = _read([str(tmp_path)])
    assert errors == []
    assert [(d.id, d.raw_text) for d in docs] == [("t1", "会谈在日内瓦举行。"), ("p1", "第一段。\n第二段。")]


def test_ingest_html_in_gbk(fixtures_dir: Path, tmp_path: Path) -> None:
    html = (fixtures_dir / "ingest" / "page.html").read_text(encoding="utf-8").replace("utf-8", "gbk")
    path = tmp_path / "gbk-page.htm"
    path.write_bytes(html.encode("gbk"))
    (doc,), errors = _read([str(path)])
    assert errors == [] and doc.meta["encoding"] == "gb18030"
    assert doc.title == "外交部发言人就东盟地区论坛答记者问"


def test_ingest_count_articles_estimates_from_lines(tmp_path: Path) -> None:
    from jishi.ingest import count_articles

    (tmp_path / "a.txt").write_text("标题\n\n正文。", encoding="utf-8")
    (tmp_path / "b.jsonl").write_text('{"text": "一"}\n\n{"text": "二"}\n{"text": "三"}\n', encoding="utf-8")
    (tmp_path / "c.csv").write_text("id,text\n1,一\n2,二\n", encoding="utf-8")
    (tmp_path / "notes.pdf").write_bytes(b"%PDF-1.4")
    sub = tmp_path / "sub"
    sub.mkdir()
    (sub / "d.html").write_text("<html><body><p>正文</p></body></html>", encoding="utf-8")
    assert count_articles([str(tmp_path)]) == 1 + 3 + 2 + 1  # the folder: .pdf is not read
    assert count_articles([str(tmp_path / "b.jsonl"), str(tmp_path / "missing.txt")]) == 3
    assert count_articles([str(tmp_path / "notes.pdf")]) == 0
    (tmp_path / "e.json").write_text('[{"text": "一"}]', encoding="utf-8")
    assert count_articles([str(tmp_path)]) is None  # a .json file would have to be parsed
    assert count_articles(["-"]) is None

"""Encodings: UTF-8 with and without BOM, UTF-16 with BOM, GBK/GB18030 and Big5."""
from __future__ import annotations

import codecs
from pathlib import Path

import pytest

from jishi.document import Document
from jishi.ingest import iter_documents
from jishi.ingest.encoding import decode_bytes, plausibility

SIMPLIFIED = (
    "两国领导人举行会谈\n\n"
    "国家主席12日在人民大会堂同来访的总统举行会谈。双方一致同意深化经贸、能源和人文交流合作，"
    "共同维护多边贸易体制。会谈后，两国元首共同见证了多项合作文件的签署。"
)
TRADITIONAL = (
    "兩國領導人舉行會談\n\n"
    "國家主席12日在人民大會堂同來訪的總統舉行會談。雙方一致同意深化經貿、能源和人文交流合作，"
    "共同維護多邊貿易體制。會談後，兩國元首共同見證了多項合作文件的簽署。"
)


@pytest.mark.parametrize(
    ("data", "encoding"),
    [
        (SIMPLIFIED.encode("utf-8"), "utf-8"),
        (codecs.BOM_UTF8 + SIMPLIFIED.encode("utf-8"), "utf-8-sig"),
        (SIMPLIFIED.encode("utf-16"), "utf-16"),  # Python writes a BOM
        (SIMPLIFIED.encode("gbk"), "gb18030"),
        (SIMPLIFIED.encode("gb18030"), "gb18030"),
        (TRADITIONAL.encode("big5"), "big5"),
    ],
)
def test_ingest_encoding_detects(data: bytes, encoding: str) -> None:
    text, found = decode_bytes(data, path="x.txt")
    assert found == encoding
    assert text in (SIMPLIFIED, TRADITIONAL)
    assert not text.startswith("\ufeff")


def test_ingest_encoding_short_gbk_and_big5_lines() -> None:
    short_gb = "鲁比奥在谈判后表示，与乌方的会谈富有成效。"
    short_big5 = "魯比奧在談判後表示，與烏方的會談富有成效。"
    assert decode_bytes(short_gb.encode("gbk"))[0] == short_gb
    assert decode_bytes(short_big5.encode("big5"))[0] == short_big5


def test_ingest_encoding_plausibility_separates_gb_from_big5() -> None:
    big5_bytes = TRADITIONAL.encode("big5")
    as_gb = big5_bytes.decode("gb18030", errors="replace")
    assert plausibility(TRADITIONAL, "big5") > 0.9
    assert plausibility(as_gb, "gb18030") < 0.6


def test_ingest_encoding_files_end_to_end(tmp_path: Path) -> None:
    (tmp_path / "a-gbk.txt").write_bytes(SIMPLIFIED.encode("gbk"))
    (tmp_path / "b-big5.txt").write_bytes(TRADITIONAL.encode("big5"))
    (tmp_path / "c-bom.txt").write_bytes(codecs.BOM_UTF8 + SIMPLIFIED.encode("utf-8"))
    (tmp_path / "d-utf16.md").write_bytes(SIMPLIFIED.encode("utf-16"))
    (tmp_path / "e-gbk.jsonl").write_bytes(('{"text": "%s"}\n' % SIMPLIFIED.replace("\n", "\\n")).encode("gbk"))
    (tmp_path / "f-big5.csv").write_bytes(("id,text\nt1,%s\n" % TRADITIONAL.replace("\n", " ")).encode("big5"))
    docs = list(iter_documents([str(tmp_path)]))
    assert all(isinstance(d, Document) for d in docs), docs
    got = {d.id: (d.meta["encoding"], d.title) for d in docs}
    assert got["a-gbk"] == ("gb18030", "两国领导人举行会谈")
    assert got["b-big5"] == ("big5", "兩國領導人舉行會談")
    assert got["c-bom"] == ("utf-8-sig", "两国领导人举行会谈")
    assert got["d-utf16"] == ("utf-16", "两国领导人举行会谈")
    assert got["e-gbk-1"][0] == "gb18030"
    assert got["t1"][0] == "big5"
    assert all("\ufeff" not in d.raw_text for d in docs)


@pytest.mark.parametrize("codec", ["utf-16-le", "utf-16-be"])
def test_ingest_encoding_utf16_without_bom(codec: str) -> None:
    text, found = decode_bytes(("Report 2025: " + SIMPLIFIED).encode(codec))
    assert found == codec and text.endswith("签署。")

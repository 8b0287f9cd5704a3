"""The indexes behind the resolver's hot paths give what the plain lookups give.

The alias index (names by their first two characters), the character cache of ``normalize_text`` and
the batched LAC name checks are speed-ups only: these tests hold them to the plain computation.
"""
from __future__ import annotations

import unicodedata
from collections.abc import Callable
from pathlib import Path

import pytest

from jishi.actors.kb import KnowledgeBase, normalize_text
from jishi.actors.resolver import ActorResolver
from jishi.document import Document

TEXTS = (
    "美国国务卿鲁比奥与乌克兰总统泽连斯基在日内瓦会谈，俄罗斯联邦安全局称美乌欧代表将继续磋商。",
    "北约秘书长吕特表示，欧盟和联合国将向加沙地带派出观察团；基辅表示欢迎。",
    "外交部发言人林剑说，中方愿同各方一道推动政治解决。",
)


@pytest.fixture(scope="module")
def kb(small_persons: Path) -> KnowledgeBase:
    return KnowledgeBase.load(persons_path=small_persons)


def _every_length(kb: KnowledgeBase, text: str, pos: int) -> list[tuple[int, str]]:
    """alias_lengths as a scan over every length (the behaviour the index must keep)."""
    out = []
    for n in range(min(kb._max_alias, len(text) - pos), 1, -1):
        piece = text[pos:pos + n]
        eid = kb.person_names.get(piece) or kb.aliases.get(piece)
        if eid:
            out.append((n, eid))
    return out


def test_kb_alias_lengths_same_as_every_length(kb: KnowledgeBase) -> None:
    found = 0
    for text in TEXTS:
        for pos in range(len(text) + 1):
            got = list(kb.alias_lengths(text, pos))
            assert got == _every_length(kb, text, pos), (text, pos)
            found += len(got)
        for end in range(len(text)):  # a text cut short (the resolver reads a token's parts so)
            for pos in range(end + 1):
                assert list(kb.alias_lengths(text[:end], pos)) == _every_length(kb, text[:end], pos)
    assert found >= 10  # the texts do name KB actors


def _normalize_char_by_char(text: str) -> str:
    out = []
    for ch in text:
        code = ord(ch)
        if 0xFF01 <= code <= 0xFF5E:
            out.append(chr(code - 0xFEE0))
        elif code == 0x3000:
            out.append(" ")
        else:
            norm = unicodedata.normalize("NFKC", ch)
            out.append(norm if len(norm) == 1 else ch)
    return "".join(out)


@pytest.mark.parametrize("text", [
    "ＣＮＮ报道１９９７年",
    "美方：“将于１２月访华”（据新华社）　全文完",
    "\uf900\u2f00㈱№½Å\u0301ﬁ",  # compatibility ideographs and radicals, multi-character NFKC forms
    "",
    *TEXTS,
])
def test_kb_normalize_text_same_as_char_by_char(text: str) -> None:
    assert normalize_text(text) == _normalize_char_by_char(text)
    assert len(normalize_text(text)) == len(text)


def test_resolver_batch_same_as_one_by_one(small_persons: Path, make_doc: Callable[..., Document]) -> None:
    """A batch (LAC name checks read in one call) resolves every document as resolve() does alone."""
    texts = [
        "美国总统特朗普当天与俄罗斯总统普京通电话。卡沙特表示，双方同意继续接触。",
        "据报道，乌克兰总统泽连斯基会见了美国特使威特科夫和库什纳。施压不会奏效，佩斯科夫说。",
        "外交部发言人林剑说，中方愿同各方一道推动政治解决。许昌市代表团当天抵达。",
    ]
    alone = ActorResolver(persons_path=small_persons)
    expected = [alone.resolve(make_doc(t)) for t in texts]
    batched = ActorResolver(persons_path=small_persons)
    docs = batched([make_doc(t) for t in texts])
    assert [(d.actors, d.mentions) for d in docs] == expected
    assert any(a.kind == "person" for d in docs for a in d.actors)
    # the same names were checked with LAC, with the same outcome
    assert batched._name_cache and batched._name_cache == alone._name_cache

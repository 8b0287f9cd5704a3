"""Fixtures for the events tests: real clean/nlp/time stages, hand-made actor mentions and places.

The actor and geo stages are other people's work; these tests pin the events stage on its own by
giving it the mentions and places a resolver would give (small tables written per test).
"""
from __future__ import annotations

from collections.abc import Callable

import pytest

from jishi.document import Actor, Document, Mention, Place
from jishi.events import EventStage
from jishi.pipeline import Pipeline

# name -> (actor id, kind, country); longest names are matched first.
ACTORS: dict[str, tuple[str, str, str]] = {
    "美国": ("state:USA", "state", "USA"), "俄罗斯": ("state:RUS", "state", "RUS"),
    "乌克兰": ("state:UKR", "state", "UKR"), "中国": ("state:CHN", "state", "CHN"),
    "法国": ("state:FRA", "state", "FRA"), "以色列": ("state:ISR", "state", "ISR"),
    "伊朗": ("state:IRN", "state", "IRN"), "日本": ("state:JPN", "state", "JPN"),
    "朝鲜": ("state:PRK", "state", "PRK"), "韩国": ("state:KOR", "state", "KOR"),
    "欧洲": ("region:EUR", "location", "EUR"), "德国": ("state:DEU", "state", "DEU"),
    "特朗普": ("person:donald-trump", "person", "USA"), "鲁比奥": ("person:marco-rubio", "person", "USA"),
    "威特科夫": ("person:steve-witkoff", "person", "USA"), "库什纳": ("person:jared-kushner", "person", "USA"),
    "泽连斯基": ("person:volodymyr-zelensky", "person", "UKR"), "普京": ("person:vladimir-putin", "person", "RUS"),
    "乌梅罗夫": ("person:rustem-umerov", "person", "UKR"), "马克·沃纳": ("person:mark-warner", "person", "USA"),
    "马克龙": ("person:emmanuel-macron", "person", "FRA"), "王毅": ("person:wang-yi", "person", "CHN"),
    "内塔尼亚胡": ("person:benjamin-netanyahu", "person", "ISR"), "习近平": ("person:xi-jinping", "person", "CHN"),
    "菲律宾": ("state:PHL", "state", "PHL"), "越南": ("state:VNM", "state", "VNM"), "叙利亚": ("state:SYR", "state", "SYR"), "默茨": ("person:friedrich-merz", "person", "DEU"),
    "白宫": ("org:USA:white-house", "organization", "USA"), "克里姆林宫": ("org:RUS:kremlin", "organization", "RUS"),
    "俄罗斯联邦安全局": ("org:RUS:fsb", "organization", "RUS"), "俄联邦安全局": ("org:RUS:fsb", "organization", "RUS"),
    "乌克兰国防部情报总局": ("org:UKR:hur", "organization", "UKR"), "北约": ("igo:nato", "organization", "NATO"),
    "华尔街日报": ("org:USA:wsj", "organization", "USA"), "俄新社": ("org:RUS:ria", "organization", "RUS"),
    "新华社": ("org:CHN:xinhua", "organization", "CHN"), "哈马斯": ("group:hamas", "group", "PSE"),
    "警方": ("org:police", "organization", None), "抗议者": ("group:protesters", "group", None),
    "莫斯科": ("loc:moscow", "location", "RUS"), "巴黎": ("loc:paris", "location", "FRA"),
    "北京": ("loc:beijing", "location", "CHN"), "基辅": ("loc:kyiv", "location", "UKR"),
}
PLACES: dict[str, tuple[str, float, float]] = {
    "莫斯科": ("RUS", 55.75, 37.62), "巴黎": ("FRA", 48.86, 2.35), "日内瓦": ("CHE", 46.2, 6.15),
    "迈阿密": ("USA", 25.76, -80.19), "佛罗里达州": ("USA", 27.8, -81.7), "克里米亚": ("UKR", 45.3, 34.4),
    "黑海": (None, 43.0, 34.0), "北京": ("CHN", 39.9, 116.4), "基辅": ("UKR", 50.45, 30.52),
    "加沙": ("PSE", 31.5, 34.47), "首尔": ("KOR", 37.57, 126.98), "东京": ("JPN", 35.68, 139.69),
}


def add_mentions(doc: Document, actors: dict[str, tuple[str, str, str]] = ACTORS,
                 places: dict[str, tuple] = PLACES) -> Document:
    """Give a document the mentions and places an actor/geo stage would give (longest match first).

    ``places`` maps a name to ``(country, lat, lon)``, or ``(country, lat, lon, precision)``.
    """
    taken = bytearray(len(doc.text))
    by_id: dict[str, Actor] = {}
    mentions: list[Mention] = []
    for name in sorted(actors, key=len, reverse=True):
        aid, kind, country = actors[name]
        i = doc.text.find(name)
        while i >= 0:
            if not any(taken[i:i + len(name)]):
                taken[i:i + len(name)] = b"\x01" * len(name)
                mentions.append(Mention(aid, name, i, i + len(name)))
                actor = by_id.setdefault(aid, Actor(id=aid, name=name, kind=kind, country=country))
                actor.mentions.append([i, i + len(name)])
            i = doc.text.find(name, i + 1)
    doc.mentions = sorted(mentions, key=lambda m: m.start)
    doc.actors = list(by_id.values())
    doc.places = []
    for name, (country, lat, lon, *precision) in places.items():
        spans = []
        i = doc.text.find(name)
        while i >= 0:
            spans.append([i, i + len(name)])
            i = doc.text.find(name, i + 1)
        if spans:
            doc.places.append(Place(id=f"place:{name}", name=name, country=country, lat=lat, lon=lon,
                                    precision=precision[0] if precision else None, mentions=spans))
    return doc


@pytest.fixture(scope="session")
def mentioner() -> Callable[[Document], Document]:
    """The hand-made actor/geo stand-in, for tests that build documents themselves."""
    return add_mentions


@pytest.fixture(scope="session")
def front() -> Pipeline:
    return Pipeline(["clean.v1", "nlp.lac.v1", "time.v1"])


@pytest.fixture(scope="session")
def stage() -> EventStage:
    return EventStage()


def builder_over(front: Pipeline, stage: EventStage, actors: dict = ACTORS, places: dict = PLACES, *,
                 doc_id: str = "t", published: str = "2025-12-02",
                 adjust: Callable[[Document], None] | None = None) -> Callable[..., Document]:
    """A ``build(text, *, published, doc_id, drop, run)`` function: clean/nlp/time, the mentions and places
    of the given tables (less the names in ``drop``), ``adjust`` (what an actor stage would add), events.v1."""
    default_id, default_published = doc_id, published

    def build(text: str, *, published: str = default_published, doc_id: str = default_id,
              drop: tuple[str, ...] = (), run: bool = True) -> Document:
        doc = front([Document(id=doc_id, raw_text=text, published=published)])[0]
        add_mentions(doc, {k: v for k, v in actors.items() if k not in drop} if drop else actors, places)
        if adjust is not None:
            adjust(doc)
        if run:
            stage([doc])
        return doc

    return build


@pytest.fixture(scope="session")
def builder(front: Pipeline, stage: EventStage) -> Callable[..., Callable[..., Document]]:
    """``builder(actors, places, doc_id=..., published=...)``: a build function over a module's own tables."""
    return lambda *args, **kwargs: builder_over(front, stage, *args, **kwargs)


@pytest.fixture(scope="session")
def make_doc(front: Pipeline, stage: EventStage) -> Callable[..., Document]:
    """Build a document from text, run clean/nlp/time, add hand-made mentions, run events.v1."""
    return builder_over(front, stage)

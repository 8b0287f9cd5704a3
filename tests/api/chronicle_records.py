"""Article records (CONTRACT.md shape) for the API and web tests, written by hand in the style of
Chinese news reports, and a function that stores them in a fresh jishi database.

Offsets are computed from the text, so editing a sentence keeps every span right. One article
(``xss-probe``) carries markup and ``javascript:`` links in its title, text, url, an actor name and
an evidence sentence: the API must return it as plain JSON strings and the page must show it inert.
"""
from __future__ import annotations

from pathlib import Path
from typing import Any

XSS_SCRIPT = "<script>alert('xss-script')</script>"
XSS_IMG = "<img src=x onerror=alert('xss-img')>"
XSS_LINK = '<a href="javascript:alert(\'xss-link\')">点击查看原文</a>'
XSS_URL = "javascript:alert('xss-url')"

ACTORS: dict[str, dict[str, Any]] = {
    "state:USA": {"name": "美国", "name_en": "United States", "kind": "state", "country": "USA", "sector": "GOV"},
    "state:UKR": {"name": "乌克兰", "name_en": "Ukraine", "kind": "state", "country": "UKR", "sector": "GOV"},
    "state:RUS": {"name": "俄罗斯", "name_en": "Russia", "kind": "state", "country": "RUS", "sector": "GOV"},
    "person:marco-rubio": {"name": "鲁比奥", "name_en": "Marco Rubio", "kind": "person", "country": "USA",
                           "sector": "GOV", "title": "国务卿"},
    "person:rustem-umerov": {"name": "乌梅罗夫", "name_en": "Rustem Umerov", "kind": "person", "country": "UKR",
                             "sector": "GOV", "title": "秘书"},
    "person:steve-witkoff": {"name": "威特科夫", "name_en": "Steve Witkoff", "kind": "person", "country": "USA",
                             "sector": "GOV", "title": "特使"},
    "person:vladimir-putin": {"name": "普京", "name_en": "Vladimir Putin", "kind": "person", "country": "RUS",
                              "sector": "GOV", "title": "总统"},
    "person:volodymyr-zelensky": {"name": "泽连斯基", "name_en": "Volodymyr Zelensky", "kind": "person",
                                  "country": "UKR", "sector": "GOV", "title": "总统"},
    "org:xss-watch": {"name": f"网络观察社{XSS_IMG}", "name_en": "<b>Net Watch</b>", "kind": "organization",
                      "country": "USA", "sector": "NGO"},
}

PLACES = {
    "迈阿密": {"id": "place:miami", "country": "USA", "lat": 25.7617, "lon": -80.1918, "precision": "city"},
    "莫斯科": {"id": "place:moscow", "country": "RUS", "lat": 55.7558, "lon": 37.6173, "precision": "city"},
    "基辅": {"id": "place:kyiv", "country": "UKR", "lat": 50.4501, "lon": 30.5234, "precision": "city"},
}

GOLDSTEIN = {"CONSULT": (1.0, 1, "040"), "THREATEN": (-4.4, 3, "130"), "ASSAULT": (-10.0, 4, "190"),
             "ACCUSE": (-2.0, 3, "111"), "AGREE": (4.0, 1, "030"), "REJECT": (-4.0, 3, "120")}


class _Article:
    """Builds one record: spans are found in the text, so offsets always index it."""

    def __init__(self, aid: str, *, title: str, published: str, source: str, url: str, text: str) -> None:
        self.text = text
        self.rec: dict[str, Any] = {
            "id": aid, "title": title, "published": published, "published_inferred": False,
            "published_source": "field", "url": url, "source": source, "source_path": None, "text": text,
            "captions": [], "sections": [], "actors": [], "places": [], "times": [], "events": [], "quotes": [],
            "errors": [], "record_version": 1,
        }

    def span(self, needle: str, *, after: int = 0) -> tuple[int, int]:
        start = self.text.index(needle, after)
        return start, start + len(needle)

    def actor(self, actor_id: str, *names: str) -> None:
        spans: list[list[int]] = []
        for name in names:
            pos = self.text.find(name)
            while pos >= 0:
                spans.append([pos, pos + len(name)])
                pos = self.text.find(name, pos + len(name))
        self.rec["actors"].append({"id": actor_id, **ACTORS[actor_id], "mentions": sorted(spans),
                                   "relation": None, "members": []})

    def place(self, name: str) -> dict[str, Any]:
        info = PLACES[name]
        s, e = self.span(name)
        self.rec["places"].append({"id": info["id"], "name": name, "country": info["country"], "lat": info["lat"],
                                   "lon": info["lon"], "precision": info["precision"], "parent": None,
                                   "mentions": [[s, e]]})
        return {"name": name, "country": info["country"], "lat": info["lat"], "lon": info["lon"]}

    def time(self, text: str, value: str, *, after: int = 0) -> None:
        s, e = self.span(text, after=after)
        self.rec["times"].append({"text": text, "start": s, "end": e, "value": value, "kind": "date",
                                  "precision": "day" if len(value) == 10 else "month", "anchor": self.rec["published"],
                                  "reason": None})

    def event(self, eid: str, etype: str, *, sentence: str, trigger: str, source: list[str], target: list[str],
              date: str | None, mode: str | None = None, location: dict[str, Any] | None = None,
              attribution: list[str] | None = None, status: str = "occurred", confidence: float = 0.8,
              extra_sentences: tuple[str, ...] = ()) -> None:
        evidence = []
        for sent in (sentence, *extra_sentences):
            s, e = self.span(sent)
            evidence.append({"start": s, "end": e, "text": sent})
        ts, te = self.span(trigger, after=evidence[0]["start"])
        goldstein, quad, cameo = GOLDSTEIN[etype]
        self.rec["events"].append({
            "id": eid, "type": etype, "mode": mode, "cameo": cameo, "goldstein": goldstein, "quad_class": quad,
            "source": source, "target": target, "date": date, "date_end": None,
            "date_precision": "day" if date else None, "location": location, "status": status,
            "attribution": attribution or [], "evidence": evidence,
            "trigger": {"start": ts, "end": te, "text": trigger}, "negated": False, "confidence": confidence,
        })

    def quote(self, speaker: str | None, speaker_text: str, said: str, verb: str = "表示") -> None:
        s, e = self.span(said)
        self.rec["quotes"].append({"speaker": speaker, "speaker_text": speaker_text, "text": said, "start": s,
                                   "end": e, "kind": "direct", "verb": verb})


def build_records() -> list[dict[str, Any]]:
    """The test chronicle: five articles, two of them reporting the same talks.

    Returns:
        Records in CONTRACT.md shape (with jishi.record extras).
    """
    records = []

    s_talks = "11月30日，美国和乌克兰代表团在佛罗里达州迈阿密市附近举行新一轮会谈。"
    a = _Article(
        "xinhua-miami-talks", title="美乌代表团在迈阿密举行新一轮会谈", published="2025-12-01", source="新华社",
        url="https://example.org/news/2025-12/01/miami-talks.html",
        text=(s_talks + "美国国务卿鲁比奥在会谈后表示，与乌方的会谈“富有成效”，但仍有很多工作要做。"
              "乌方代表团团长乌梅罗夫说，双方讨论了和平计划的具体条款。\n"
              "泽连斯基当天在社交媒体上说，会谈具有建设性，相关工作将继续推进。"))
    a.actor("state:USA", "美国")
    a.actor("state:UKR", "乌克兰")
    a.actor("person:marco-rubio", "鲁比奥")
    a.actor("person:rustem-umerov", "乌梅罗夫")
    a.actor("person:volodymyr-zelensky", "泽连斯基")
    loc = a.place("迈阿密")
    a.time("11月30日", "2025-11-30")
    a.time("当天", "2025-11-30")
    a.event("e1", "CONSULT", sentence=s_talks, trigger="举行新一轮会谈", source=["state:USA"], target=["state:UKR"],
            date="2025-11-30", mode="negotiate", location=loc)
    a.quote("person:marco-rubio", "鲁比奥", "富有成效")
    a.quote("person:volodymyr-zelensky", "泽连斯基", "会谈具有建设性，相关工作将继续推进", verb="说")
    records.append(a.rec)

    s_talks2 = "据美联社报道，美国和乌克兰代表团30日在迈阿密附近再次举行会谈，讨论结束冲突的方案。"
    b = _Article(
        "cctv-miami-followup", title="美乌迈阿密会谈聚焦和平方案", published="2025-12-01", source="央视新闻",
        url="https://example.org/cctv/2025/12/01/followup.shtml",
        text=s_talks2 + "会谈持续数小时，双方均未透露细节。")
    b.actor("state:USA", "美国")
    b.actor("state:UKR", "乌克兰")
    loc = b.place("迈阿密")
    b.time("30日", "2025-11-30")
    b.event("e1", "CONSULT", sentence=s_talks2, trigger="举行会谈", source=["state:USA"], target=["state:UKR"],
            date="2025-11-30", mode="negotiate", location=loc, attribution=["美联社"])
    records.append(b.rec)

    s_visit = "一位美国官员表示，美国特使威特科夫于12月2日前往俄罗斯首都莫斯科，与俄总统普京会面。"
    s_threat = "普京27日再次重申了其领土要求，称俄罗斯要么和平收复所有声称拥有的土地，要么武力夺回。"
    c = _Article(
        "cctv-witkoff-moscow", title="美特使赴莫斯科与普京会面", published="2025-12-03", source="央视新闻",
        url="https://example.org/cctv/2025/12/03/witkoff.shtml",
        text=(s_visit + "双方讨论了美方提出的和平计划。\n" + s_threat
              + "他表示，基辅似乎已做好“战斗到最后一个乌克兰人”的准备。"))
    c.actor("state:USA", "美国")
    c.actor("person:steve-witkoff", "威特科夫")
    c.actor("person:vladimir-putin", "普京")
    c.actor("state:RUS", "俄罗斯")
    loc = c.place("莫斯科")
    c.time("12月2日", "2025-12-02")
    c.time("27日", "2025-11-27")
    c.event("e1", "CONSULT", sentence=s_visit, trigger="会面", source=["person:steve-witkoff"],
            target=["person:vladimir-putin"], date="2025-12-02", mode="visit", location=loc,
            attribution=["一位美国官员"])
    c.event("e2", "THREATEN", sentence=s_threat, trigger="武力夺回", source=["person:vladimir-putin"],
            target=["state:UKR"], date="2025-11-27", mode="force")
    c.quote("person:vladimir-putin", "他", "战斗到最后一个乌克兰人")
    records.append(c.rec)

    s_strike = "乌克兰空军29日说，俄军当天夜间对基辅发动导弹和无人机袭击，造成多处建筑受损。"
    s_reject = "泽连斯基重申，乌克兰拒绝放弃任何尚未被俄军占领的领土。"
    d = _Article(
        "xinhua-kyiv-strikes", title="俄军对基辅发动大规模袭击", published="2025-11-30", source="新华社",
        url="https://example.org/news/2025-11/30/kyiv.html",
        text=s_strike + "当地官员说，袭击造成至少三人受伤。\n" + s_reject)
    d.actor("state:UKR", "乌克兰")
    d.actor("state:RUS", "俄军")
    d.actor("person:volodymyr-zelensky", "泽连斯基")
    loc = d.place("基辅")
    d.time("29日", "2025-11-29")
    d.event("e1", "ASSAULT", sentence=s_strike, trigger="发动导弹和无人机袭击", source=["state:RUS"],
            target=["state:UKR"], date="2025-11-29", mode="missile", location=loc, attribution=["乌克兰空军"])
    d.event("e2", "REJECT", sentence=s_reject, trigger="拒绝", source=["person:volodymyr-zelensky"],
            target=["state:RUS"], date="2025-11-30", mode="concede")
    records.append(d.rec)

    s_xss = f"网络观察社{XSS_IMG}25日发表声明，指责俄罗斯在乌克兰散布虚假信息。"
    e = _Article(
        "xss-probe", title=f"测试报道{XSS_SCRIPT}", published="2025-11-26", source=f"观察网{XSS_IMG}", url=XSS_URL,
        text=(s_xss + f"声明全文见{XSS_LINK}。\n网页中还出现了{XSS_SCRIPT}这样的代码，"
              "以及javascript:alert('xss-bare')这样的链接文字。"))
    e.actor("org:xss-watch", f"网络观察社{XSS_IMG}")
    e.actor("state:RUS", "俄罗斯")
    e.actor("state:UKR", "乌克兰")
    e.time("25日", "2025-11-25")
    e.event("e1", "ACCUSE", sentence=s_xss, trigger="指责", source=["org:xss-watch"], target=["state:RUS"],
            date="2025-11-25", mode="accuse", attribution=[f"匿名人士{XSS_SCRIPT}"])
    e.quote("org:xss-watch", f"网络观察社{XSS_IMG}", "javascript:alert('xss-bare')")
    records.append(e.rec)
    return records


def write_test_db(path: Path) -> Path:
    """Store :func:`build_records` in a new database through the store's write function.

    Args:
        path: the .duckdb file to create (must not exist).

    Returns:
        ``path``.
    """
    from jishi.store.db import connect
    from jishi.store.writer import record_hash, write_batch

    con = connect(path, read_only=False)
    try:
        write_batch(con, [(rec, record_hash(rec)) for rec in build_records()], pipeline="tests")
    finally:
        con.close()
    return path

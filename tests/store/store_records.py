"""Article records built by hand for the store tests, shaped like ../shared/eval/CONTRACT.md.

The sentences are written for these tests in the style of Chinese news reports.
"""
from __future__ import annotations

from typing import Any

ACTORS: dict[str, dict[str, Any]] = {
    "person:marco-rubio": {"name": "鲁比奥", "name_en": "Marco Rubio", "kind": "person", "country": "USA",
                           "sector": "GOV", "title": "国务卿"},
    "person:rustem-umerov": {"name": "乌梅罗夫", "name_en": "Rustem Umerov", "kind": "person", "country": "UKR",
                             "sector": "GOV", "title": "国家安全与国防委员会秘书"},
    "person:vladimir-putin": {"name": "普京", "name_en": "Vladimir Putin", "kind": "person", "country": "RUS",
                              "sector": "GOV", "title": "总统"},
    "person:wang-yi": {"name": "王毅", "name_en": "Wang Yi", "kind": "person", "country": "CHN",
                       "sector": "GOV", "title": "外交部长"},
    "person:volodymyr-zelensky": {"name": "泽连斯基", "name_en": "Volodymyr Zelensky", "kind": "person",
                                  "country": "UKR", "sector": "GOV", "title": "总统"},
    "person:emmanuel-macron": {"name": "马克龙", "name_en": "Emmanuel Macron", "kind": "person", "country": "FRA",
                               "sector": "GOV", "title": "总统"},
    "state:RUS": {"name": "俄罗斯", "name_en": "Russia", "kind": "state", "country": "RUS", "sector": None,
                  "title": None},
    "state:UKR": {"name": "乌克兰", "name_en": "Ukraine", "kind": "state", "country": "UKR", "sector": None,
                  "title": None},
    "org:russian-armed-forces": {"name": "俄军", "name_en": "Russian Armed Forces", "kind": "organization",
                                 "country": "RUS", "sector": "MIL", "title": None},
}
PLACES = {
    "佛罗里达州": ("USA", 27.8, -81.7),
    "莫斯科": ("RUS", 55.75, 37.62),
    "巴黎": ("FRA", 48.86, 2.35),
    "基辅": ("UKR", 50.45, 30.52),
    "利沃夫": ("UKR", 49.84, 24.03),
}


def span(text: str, needle: str, start: int = 0) -> tuple[int, int]:
    i = text.index(needle, start)
    return i, i + len(needle)


def make_record(aid: str, published: str, text: str, events: list[dict[str, Any]], *,
                names: dict[str, list[str]] | None = None, source: str = "新华社",
                title: str | None = None) -> dict[str, Any]:
    """Build a record: actors from ``names`` (id -> surface forms found in text), events from specs.

    An event spec has type, source, target, date, evidence (a sentence of text), trigger (a word
    in it) and optionally mode, cameo, place, attribution, date_end, confidence.
    """
    names = names or {}
    actors = []
    for act_id, forms in names.items():
        mentions = []
        for form in forms:
            pos = 0
            while (i := text.find(form, pos)) >= 0:
                mentions.append([i, i + len(form)])
                pos = i + len(form)
        actors.append({"id": act_id, **ACTORS[act_id], "mentions": sorted(mentions), "relation": None,
                       "members": []})
    times = []
    evs = []
    for n, spec in enumerate(events):
        s, e = span(text, spec["evidence"])
        ts, te = span(text, spec["trigger"], s)
        place = spec.get("place")
        loc = None
        if place:
            country, lat, lon = PLACES[place]
            loc = {"name": place, "country": country, "lat": lat, "lon": lon}
        if spec.get("time"):
            t0, t1 = span(text, spec["time"], s)
            times.append({"text": spec["time"], "start": t0, "end": t1, "value": spec["date"], "kind": "date",
                          "precision": "day", "anchor": published, "reason": "test"})
        evs.append({
            "id": f"{aid}-e{n}", "type": spec["type"], "mode": spec.get("mode"), "cameo": spec.get("cameo"),
            "goldstein": spec.get("goldstein"), "quad_class": spec.get("quad_class"),
            "source": spec.get("source", []), "target": spec.get("target", []), "date": spec.get("date"),
            "date_end": spec.get("date_end"), "date_precision": spec.get("date_precision", "day"),
            "location": loc, "status": spec.get("status", "occurred"), "attribution": spec.get("attribution", []),
            "evidence": [{"start": s, "end": e, "text": text[s:e]}], "trigger": {"start": ts, "end": te,
                                                                             "text": text[ts:te]},
            "negated": spec.get("negated", False), "confidence": spec.get("confidence", 0.8),
        })
    return {
        "id": aid, "title": title or text[:12], "published": published, "published_inferred": False,
        "published_source": "field", "url": f"https://example.org/{aid}", "source": source, "source_path": None,
        "text": text, "captions": [], "sections": [], "actors": actors, "places": [], "times": times,
        "events": evs, "quotes": [], "errors": [], "record_version": 1,
    }


def corpus() -> list[dict[str, Any]]:
    """Six articles: two pairs tell the same event (Rubio-Umerov talks, the strike on Kyiv)."""
    t1 = "美国国务卿鲁比奥30日在佛罗里达州同乌克兰国家安全与国防委员会秘书乌梅罗夫举行会谈。双方讨论了和平计划。"
    t2 = "据美国媒体报道，鲁比奥与乌梅罗夫当地时间30日在佛罗里达州会谈，会谈持续约四个小时。"
    t3 = "俄罗斯总统普京1日在莫斯科会见中国外交部长王毅。普京表示，俄方愿同中方加强协作。"
    t4 = "乌克兰总统泽连斯基1日在巴黎同法国总统马克龙举行会谈。"
    t5 = "俄军30日凌晨对基辅发动大规模导弹和无人机袭击，造成多人受伤。"
    t6 = "乌克兰空军说，俄罗斯当天对基辅发动空袭。另据报道，俄方同日还袭击了利沃夫。"
    consult = {"type": "CONSULT", "mode": "meet", "cameo": "040", "goldstein": 1.0, "quad_class": 1}
    assault = {"type": "ASSAULT", "mode": "aerial", "cameo": "195", "goldstein": -10.0, "quad_class": 4}
    return [
        make_record("a1", "2025-11-30", t1, [
            {**consult, "source": ["person:marco-rubio"], "target": ["person:rustem-umerov"], "date": "2025-11-30",
             "evidence": t1.split("。")[0] + "。", "trigger": "会谈", "place": "佛罗里达州", "time": "30日"}],
            names={"person:marco-rubio": ["鲁比奥"], "person:rustem-umerov": ["乌梅罗夫"]}),
        make_record("a2", "2025-12-01", t2, [
            {**consult, "source": ["person:marco-rubio"], "target": ["person:rustem-umerov"], "date": "2025-11-30",
             "evidence": t2, "trigger": "会谈", "place": "佛罗里达州", "attribution": ["美国媒体"], "time": "30日"}],
            names={"person:marco-rubio": ["鲁比奥"], "person:rustem-umerov": ["乌梅罗夫"]}, source="央视新闻"),
        make_record("a3", "2025-12-01", t3, [
            {**consult, "source": ["person:vladimir-putin"], "target": ["person:wang-yi"], "date": "2025-12-01",
             "evidence": t3.split("。")[0] + "。", "trigger": "会见", "place": "莫斯科", "time": "1日"}],
            names={"person:vladimir-putin": ["普京"], "person:wang-yi": ["王毅"]}),
        make_record("a4", "2025-12-01", t4, [
            {**consult, "source": ["person:volodymyr-zelensky"], "target": ["person:emmanuel-macron"],
             "date": "2025-12-01", "evidence": t4, "trigger": "会谈", "place": "巴黎", "time": "1日"}],
            names={"person:volodymyr-zelensky": ["泽连斯基"], "person:emmanuel-macron": ["马克龙"]}),
        make_record("a5", "2025-11-30", t5, [
            {**assault, "source": ["org:russian-armed-forces"], "target": ["state:UKR"], "date": "2025-11-30",
             "evidence": t5, "trigger": "袭击", "place": "基辅", "time": "30日"}],
            names={"org:russian-armed-forces": ["俄军"], "state:UKR": ["基辅"]}),
        make_record("a6", "2025-12-01", t6, [
            {**assault, "source": ["state:RUS"], "target": ["state:UKR"], "date": "2025-11-30",
             "evidence": t6.split("。")[0] + "。", "trigger": "空袭", "place": "基辅",
             "attribution": ["乌克兰空军"]},
            {**assault, "source": ["state:RUS"], "target": ["state:UKR"], "date": "2025-11-30",
             "evidence": t6.split("。")[1] + "。", "trigger": "袭击", "place": "利沃夫"}],
            names={"state:RUS": ["俄罗斯", "俄方"], "state:UKR": ["乌克兰", "基辅"]}, source="央视新闻"),
    ]


# Shared with the engines' tests: the comparison lives in the package.
from jishi.store.db import snapshot  # noqa: E402,F401

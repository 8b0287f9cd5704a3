"""Scoring of article records against reference annotations (the format of ../shared/seed/gold.json).

The matching rules are those of the project's reference scorer ../shared/eval/score.py, kept here so
`jishi eval events --gold FILE` works in a clone without ../shared; a test checks both give the same
figures on the seed.
"""
from __future__ import annotations

import json
from pathlib import Path


def load_records(path: str) -> list[dict]:
    raw = Path(path).read_text(encoding="utf-8").strip()
    if not raw:
        return []
    try:
        data = json.loads(raw)
        return data if isinstance(data, list) else [data]
    except json.JSONDecodeError:
        return [json.loads(line) for line in raw.splitlines() if line.strip()]


def actor_index(pred: dict) -> dict[str, dict]:
    return {a.get("id"): a for a in pred.get("actors", []) if a.get("id") is not None}


def countries(ids, actors: dict[str, dict]) -> set[str]:
    out = set()
    for i in ids or []:
        a = actors.get(i) if isinstance(i, str) else i
        if isinstance(a, dict) and a.get("country"):
            out.add(a["country"])
    return out


def evidence_texts(ev: dict, text: str) -> list[str]:
    spans = []
    for e in ev.get("evidence", []) or []:
        if isinstance(e, dict):
            t = e.get("text")
            if not t and isinstance(e.get("start"), int) and isinstance(e.get("end"), int):
                t = text[e["start"]:e["end"]]
            if t:
                spans.append(t)
        elif isinstance(e, str):
            spans.append(e)
    return spans


def anchored(ev: dict, g: dict, text: str) -> bool:
    spans = evidence_texts(ev, text)
    return ev.get("type") in g["types"] and any(a in s for a in g["anchors"] for s in spans)


def full_match(ev: dict, g: dict, text: str, actors: dict) -> bool:
    if not anchored(ev, g, text):
        return False
    src, tgt = countries(ev.get("source"), actors), countries(ev.get("target"), actors)
    if "participants" in g and not set(g["participants"]) <= (src | tgt):
        return False
    if "source_any" in g and not (src & set(g["source_any"])):
        return False
    if "target_any" in g and not (tgt & set(g["target_any"])):
        return False
    if g.get("date"):
        d = ev.get("date")
        lo, hi = g["date"]
        if not d or not (lo <= d[:10] <= hi):
            return False
    return True


def score_events(pred: dict, gold: dict) -> dict:
    text = pred.get("text", "")
    actors = actor_index(pred)
    events = pred.get("events", []) or []
    golds = gold.get("events", [])
    core = [g for g in golds if g.get("core")]
    matched_core = {g["id"] for g in core if any(full_match(e, g, text, actors) for e in events)}
    loose_core = {g["id"] for g in core if any(anchored(e, g, text) for e in events)}
    correct = [e for e in events if any(anchored(e, g, text) for g in golds)]
    hits_per_gold: dict[str, int] = {}
    for e in events:
        for g in golds:
            if anchored(e, g, text):
                hits_per_gold[g["id"]] = hits_per_gold.get(g["id"], 0) + 1
    return {
        "counts": {"event_tp_pred": len(correct), "event_pred": len(events),
                   "event_tp_gold": len(matched_core), "event_tp_gold_loose": len(loose_core), "event_gold": len(core)},
        "core_missed": sorted(g["id"] for g in core if g["id"] not in matched_core),
        "core_missed_actor_or_date_only": sorted(loose_core - matched_core),
        "wrong_events": [{"type": e.get("type"), "evidence": evidence_texts(e, text)[:1]} for e in events if e not in correct][:30],
        "duplicate_events": sum(n - 1 for n in hits_per_gold.values() if n > 1),
    }


def score_actors(pred: dict, gold: dict) -> dict:
    actors = pred.get("actors", []) or []
    found, wrong_country, missing = 0, [], []
    for g in gold.get("actors", []):
        hit = [a for a in actors
               if a.get("name") in g["names"] or (g.get("name_en") and a.get("name_en") == g["name_en"])]
        if not hit:
            missing.append(g["names"][0])
        elif any(a.get("country") == g["country"] for a in hit):
            found += 1
        else:
            wrong_country.append(g["names"][0])
    gold_person_names = {nm for g in gold.get("actors", []) if g.get("kind") == "person" for nm in g["names"]}
    persons = [a for a in actors if a.get("kind") == "person"]
    good_persons = [a for a in persons if a.get("name") in gold_person_names]
    bad_persons = sorted({a.get("name") for a in persons if a.get("name") in set(gold.get("non_persons", []))})
    titled = titled_needed = 0
    for g in gold.get("actors", []):
        if g.get("title_any"):
            titled_needed += 1
            if any(any(t in (a.get("title") or "") for t in g["title_any"])
                   for a in actors if a.get("name") in g["names"]):
                titled += 1
    return {
        "counts": {"actor_tp": found, "actor_gold": len(gold.get("actors", [])),
                   # persons are judged only where the reference names persons at all
                   "person_tp": len(good_persons) if gold_person_names else 0,
                   "person_pred": len(persons) if gold_person_names else 0,
                   "title_tp": titled, "title_gold": titled_needed},
        "actors_missing": missing, "actors_wrong_country": wrong_country,
        "persons_not_in_reference": sorted({a.get("name") for a in persons if a.get("name") not in gold_person_names}),
        "non_persons_as_persons": bad_persons,
    }


def score_quotes(pred: dict, gold: dict) -> dict:
    actors = actor_index(pred)
    quotes = pred.get("quotes", []) or []

    def speaker_names(q):
        names = {q.get("speaker_text")}
        a = actors.get(q.get("speaker"))
        if a:
            names |= {a.get("name"), a.get("name_en")}
        return {n for n in names if n}

    gq = gold.get("quotes", [])
    tp = sum(1 for g in gq
             if any(g["contains"] in (q.get("text") or "") and speaker_names(q) & set(g["speaker"]) for q in quotes))
    scare = set(gold.get("scare_quotes", []))
    scare_hits = sorted({q.get("text") for q in quotes if (q.get("text") or "").strip() in scare})
    wrong_speaker = sum(1 for q in quotes
                        if any(g["contains"] in (q.get("text") or "") for g in gq)
                        and not any(g["contains"] in (q.get("text") or "") and speaker_names(q) & set(g["speaker"])
                                    for g in gq))
    return {
        "counts": {"quote_tp": tp, "quote_gold": len(gq), "quote_judged": tp + len(scare_hits) + wrong_speaker},
        "scare_quotes_taken_as_speech": scare_hits, "quotes_with_wrong_speaker": wrong_speaker,
    }


def score_times(pred: dict, gold: dict) -> dict:
    times = pred.get("times", []) or []
    ok, wrong, missing = 0, [], []
    for g in gold.get("times", []):
        cands = [t for t in times if t.get("text") == g["text"]]
        if not cands:
            missing.append(g["text"])
        elif any((t.get("value") or "").split("/")[0].startswith(g["value"]) for t in cands):
            ok += 1
        else:
            wrong.append(f'{g["text"]}={[t.get("value") for t in cands]} (want {g["value"]})')
    return {"counts": {"time_tp": ok, "time_gold": len(gold.get("times", []))},
            "times_wrong": wrong, "times_missing": missing}


def score_clean(pred: dict, gold: dict) -> dict:
    c = gold.get("clean", {})
    text = pred.get("text", "")
    caps = pred.get("captions", []) or []
    checks = [(f"text contains {s!r}", s in text) for s in c.get("must_contain", [])]
    checks += [(f"text lacks {s!r}", s not in text) for s in c.get("must_not_contain", [])]
    checks += [(f"caption {s!r} taken out", s in caps) for s in c.get("captions", [])]
    return {"counts": {"clean_tp": sum(ok for _, ok in checks), "clean_gold": len(checks)},
            "clean_failed": [name for name, ok in checks if not ok]}


def score_article(pred: dict, gold: dict) -> dict:
    out = {"article": gold.get("article"), "counts": {}}
    if not pred:
        out["missing_prediction"] = True
    for fn in (score_clean, score_times, score_actors, score_quotes, score_events):
        r = fn(pred, gold)
        out["counts"].update(r.pop("counts"))
        out.update(r)
    return out


def ratio(a: int, b: int) -> float | None:
    return round(a / b, 4) if b else None


def summarise(reports: list[dict]) -> dict:
    """Micro-averaged figures over all articles (a figure with no reference items is None)."""
    c: dict[str, int] = {}
    for r in reports:
        for k, v in r["counts"].items():
            c[k] = c.get(k, 0) + v
    g = c.get
    p, r = ratio(g("event_tp_pred", 0), g("event_pred", 0)), ratio(g("event_tp_gold", 0), g("event_gold", 0))
    f = round(2 * p * r / (p + r), 4) if p and r else 0.0
    return {
        "clean_checks": ratio(g("clean_tp", 0), g("clean_gold", 0)),
        "time_accuracy": ratio(g("time_tp", 0), g("time_gold", 0)),
        "actor_recall": ratio(g("actor_tp", 0), g("actor_gold", 0)),
        "person_precision": ratio(g("person_tp", 0), g("person_pred", 0)),
        "actor_titles": ratio(g("title_tp", 0), g("title_gold", 0)),
        "quote_recall": ratio(g("quote_tp", 0), g("quote_gold", 0)),
        "quote_precision": ratio(g("quote_tp", 0), g("quote_judged", 0)),
        "event_precision": p, "event_recall": r, "event_f1": f,
        "event_recall_type_and_anchor_only": ratio(g("event_tp_gold_loose", 0), g("event_gold", 0)),
        "articles": len(reports), "articles_without_prediction": sum(1 for x in reports if x.get("missing_prediction")),
    }


def pair(preds: list[dict], golds: list[dict]) -> list[tuple[dict, dict]]:
    by_id = {}
    for p in preds:
        for key in (p.get("id"), Path(str(p.get("source_path") or p.get("path") or "")).name):
            if key:
                by_id[key] = p
    pairs = []
    for i, g in enumerate(golds):
        p = by_id.get(g.get("article")) or by_id.get(Path(g.get("article", "")).stem)
        if p is None and len(preds) == len(golds):
            p = preds[i]
        pairs.append((p or {}, g))
    return pairs



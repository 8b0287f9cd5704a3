"""ASSAULT detection on the CEC emergency corpus: 恐怖袭击 documents versus the other four folders.

CEC (Shanghai University) holds 332 annotated Chinese news reports in five folders (交通事故, 火灾, 地震,
食物中毒, 恐怖袭击). A document counts as detected when the events stage finds at least one ASSAULT
event in it; the 恐怖袭击 folder is the positive class. For ASSAULT events matched to an annotated
CEC event (its Denoter found in our evidence and overlapping our trigger) we also score:

- time: a time expression of ours in that sentence overlaps the annotated <Time> text (4月7日 in
  4月7日凌晨5时) and its value is the event's date (CEC gives no normalized values; the document's ReportTime is the anchor);
- place: our event's location name and the annotated <Location> text contain one another.

Usage: ``python -m jishi.events.cec_eval [CEC_DIR] [--limit N]`` prints the figures as JSON.
"""
from __future__ import annotations

import argparse
import json
import logging
import re
import xml.etree.ElementTree as ET
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from jishi.document import Document
from jishi.errors import InputError

log = logging.getLogger(__name__)

POSITIVE = "恐怖袭击"
_WS = re.compile(r"\s+")
_DATE = re.compile(r"(\d{4})\s*[年\-/.]\s*(\d{1,2})\s*[月\-/.]\s*(\d{1,2})")


@dataclass
class CecEvent:
    """One annotated <Event>: its trigger (Denoter) and the time and place texts it carries."""

    denoter: str
    times: list[str] = field(default_factory=list)
    places: list[str] = field(default_factory=list)


@dataclass
class CecDoc:
    path: Path
    folder: str
    title: str
    published: str | None
    paragraphs: list[str]
    events: list[CecEvent]


def _text(el: ET.Element) -> str:
    return _WS.sub("", "".join(el.itertext()))


def parse_cec(path: Path) -> CecDoc:
    """Read one CEC XML file.

    Args:
        path: the file.

    Returns:
        Title, ReportTime as YYYY-MM-DD (None when unreadable), paragraph texts and annotated events.
    """
    try:
        root = ET.parse(path).getroot()
    except ET.ParseError as exc:
        raise InputError(f"CEC file is not XML: {exc}", path=str(path)) from exc
    title = _text(root.find("Title")) if root.find("Title") is not None else ""
    rt = root.find("ReportTime")
    published = None
    if rt is not None and (m := _DATE.search("".join(rt.itertext()))):
        published = f"{int(m.group(1)):04d}-{int(m.group(2)):02d}-{int(m.group(3)):02d}"
    paragraphs = [_text(p) for p in root.iter("Paragraph")]
    events = []
    for ev in root.iter("Event"):
        den = ev.find("Denoter")
        if den is None:
            continue
        events.append(CecEvent(
            denoter=_text(den),
            times=[_text(t) for t in ev.iter("Time") if _text(t)],
            places=[_text(t) for t in ev.iter("Location") if _text(t)],
        ))
    return CecDoc(path, path.parent.name, title, published, [p for p in paragraphs if p], events)


def load_cec(cec_dir: Path, limit: int | None = None) -> list[CecDoc]:
    """All CEC documents under ``cec_dir`` (the folder holding the five type folders)."""
    if not cec_dir.is_dir():
        raise InputError(f"CEC folder not found: {cec_dir}", path=str(cec_dir))
    files = sorted(cec_dir.glob("*/*.xml"))
    if limit:
        # keep every folder represented: take files round-robin by folder
        by_folder: dict[str, list[Path]] = {}
        for f in files:
            by_folder.setdefault(f.parent.name, []).append(f)
        files = [f for group in zip(*by_folder.values()) for f in group][:limit]
    return [parse_cec(f) for f in files]


def _pipeline_stages() -> list[str]:
    from jishi.pipeline import Pipeline

    stages = ["clean.v1", "nlp.lac.v1", "time.v1", "actors.v1", "geo.v1"]
    while stages:
        try:
            Pipeline(stages)
            return stages
        except Exception as exc:  # an optional stage not ready: drop it and say so
            log.warning("CEC eval without %s: %s", stages[-1], exc)
            stages.pop()
    return stages


def evaluate_cec(cec_dir: Path, *, limit: int | None = None, stages: list[str] | None = None) -> dict[str, Any]:
    """Run the pipeline with events.v1 over CEC and score ASSAULT detection, time and place.

    Args:
        cec_dir: the CEC folder.
        limit: at most this many documents (folders interleaved).
        stages: pipeline stages before events.v1 (default: clean, nlp, time, and actors/geo when they load).

    Returns:
        {"detection": {precision, recall, f1, tp, fp, fn}, "false_positive_folders": {...},
         "time": {...}, "place": {...}, "documents": n, "stages": [...]}.
    """
    from jishi.events.stage import EventStage
    from jishi.pipeline import Pipeline

    cec = load_cec(cec_dir, limit)
    stages = stages or _pipeline_stages()
    if "actors.v1" not in stages:
        # events.v1 requires actors; run without actor mentions (arguments are not scored here)
        front = Pipeline(stages)
        post = EventStage()
    else:
        front = Pipeline(stages + ["events.v1"])
        post = None
    docs = []
    for i, c in enumerate(cec):
        raw = "\n\n".join([c.title] + c.paragraphs)
        docs.append(Document(id=f"cec-{i}", raw_text=raw, published=c.published, title=None))
    out_docs: list[Document] = []
    for start in range(0, len(docs), 16):
        batch = front.process_batch(docs[start:start + 16])
        if post is not None:
            post(batch)
        out_docs.extend(batch)
    tp = fp = fn = tn = 0
    fp_folders: dict[str, int] = {}
    t_ok = t_n = p_ok = p_n = p_found = 0
    for c, doc in zip(cec, out_docs):
        assaults = [e for e in doc.events if e.type == "ASSAULT"]
        positive = c.folder == POSITIVE
        if assaults and positive:
            tp += 1
        elif assaults:
            fp += 1
            fp_folders[c.folder] = fp_folders.get(c.folder, 0) + 1
        elif positive:
            fn += 1
        else:
            tn += 1
        if not positive:
            continue
        for event in assaults:
            trig = event.trigger.text if event.trigger else ""
            evid = "".join(e.text for e in event.evidence)
            matched = [a for a in c.events if a.denoter and a.denoter in evid and (a.denoter in trig or trig in a.denoter)]
            if not matched:
                continue
            ann = matched[0]
            if ann.times:
                t_n += 1
                ev0 = event.evidence[0]
                values = {t.value.split("/")[0][:10] for t in doc.times
                          if ev0.start <= t.start < ev0.end and t.value
                          and any(t.text in a or a in t.text for a in ann.times)}
                if event.date and event.date in values:
                    t_ok += 1
            if ann.places:
                p_n += 1
                if event.location:
                    p_found += 1
                    name = event.location.get("name") or ""
                    if any(name and (name in pl or pl in name) for pl in ann.places):
                        p_ok += 1
    precision = tp / (tp + fp) if tp + fp else 0.0
    recall = tp / (tp + fn) if tp + fn else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {
        "detection": {"precision": round(precision, 4), "recall": round(recall, 4), "f1": round(f1, 4),
                      "tp": tp, "fp": fp, "fn": fn, "tn": tn},
        "false_positive_folders": fp_folders,
        "time": {"annotated": t_n, "correct": t_ok, "accuracy": round(t_ok / t_n, 4) if t_n else None},
        "place": {"annotated": p_n, "with_location": p_found, "correct": p_ok,
                  "accuracy": round(p_ok / p_n, 4) if p_n else None},
        "documents": len(cec), "stages": stages + ["events.v1"],
    }


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("cec_dir", nargs="?",
                    default=str(Path(__file__).resolve().parents[3] / "shared/data/cec_emergency_events/CEC"))
    ap.add_argument("--limit", type=int)
    args = ap.parse_args(argv)
    result = evaluate_cec(Path(args.cec_dir), limit=args.limit)
    print(json.dumps(result, ensure_ascii=False, indent=1))  # script entry point: prints its report
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

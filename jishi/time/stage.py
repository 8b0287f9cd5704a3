"""The ``time.v1`` stage: publication date and normalised time expressions for each document."""
from __future__ import annotations

import bisect
import datetime as dt
import logging
import re
from pathlib import Path

from jishi.document import Document, TimeExpr
from jishi.pipeline import register
from jishi.time.extract import (
    Candidate,
    build_patterns,
    find_candidates,
    not_a_time,
    title_spans,
)
from jishi.time.knowledge import DATA_DIR, TimeKnowledge, load_knowledge
from jishi.time.published import determine_published, parse_iso_day
from jishi.time.resolve import Context, Resolved, Resolver, Unresolved

log = logging.getLogger(__name__)

_LAC_KEEP = re.compile(r"[年月日号]")  # 28点 (a 28-point plan), 中期 (midterm): LAC TIME, not dates
_LAC_LEFTOVER = "LAC TIME token outside the grammar"
_MAIN_DATE_PARAGRAPHS = 3
_EXPLICIT_DAY_TYPES = ("date", "numeric", "relday")  # written days that 当天 in a later paragraph may point back to  # the article's main date is its first dated day in this many opening paragraphs


def _paragraph_starts(doc: Document, text: str) -> list[int]:
    """Start offsets of the paragraphs: doc.paragraphs when clean set them, else lines of the text."""
    if doc.paragraphs:
        return sorted(int(p[0]) for p in doc.paragraphs)
    starts, pos = [], 0
    for line in text.split("\n"):
        if line.strip():
            starts.append(pos)
        pos += len(line) + 1
    return starts or [0]


def _lac_candidates(doc: Document, taken: list[Candidate]) -> list[Candidate]:
    """LAC TIME tokens and entities that the grammar did not cover (kept unresolved: see
    :func:`_resolve_one`)."""
    spans = [(c.start, c.end) for c in taken]
    # overlap with the grammar's spans, tested by their characters (an empty span has none: test it directly)
    covered = {pos for a, b in spans for pos in range(a, b)}
    by_chars = all(a < b for a, b in spans)
    analysis = doc.analysis_text if doc.analysis_text and len(doc.analysis_text) == len(doc.text) else doc.text
    titles = title_spans(analysis)
    seen: set[tuple[int, int]] = set()
    out = []
    pieces = [(t.start, t.end, t.text) for s in doc.sentences for t in s.tokens if t.tag == "TIME"]
    pieces += [(e.start, e.end, e.text) for e in doc.entities if e.label == "TIME"]
    for start, end, text in sorted(pieces):
        if (start, end) in seen:
            continue
        if (not covered.isdisjoint(range(start, end)) if by_chars and start < end
                else any(start < b and a < end for a, b in spans)):
            continue
        if not_a_time(analysis, start, end):
            continue  # 公告2025年第5号, 12日战争: a number or a name
        seen.add((start, end))
        cand = Candidate(start, end, text, "lac")
        cand.in_title = cand.background = any(a < start and end < b for a, b in titles)
        out.append(cand)
    return out


def _to_expr(cand: Candidate, res: Resolved | None, reason: str | None) -> TimeExpr:
    """The TimeExpr of a candidate; one inside a 《…》 title keeps its value with kind "name" (it names a
    document or a show, 《2024年春节联欢晚会》, and dates no event of the story)."""
    text = cand.text
    if res is None:
        return TimeExpr(text, cand.start, cand.end, None, kind="date", precision=None, anchor=None, reason=reason)
    why = res.reason + ("; 当地时间 (local time)" if cand.local_time else "")
    anchor = res.anchor.isoformat() if isinstance(res.anchor, dt.date) else None
    kind = res.kind
    if cand.in_title and kind != "duration":
        kind, why = "name", why + "; inside a 《…》 title: part of a name, not a date of the story"
    return TimeExpr(text, cand.start, cand.end, res.value, kind=kind, precision=res.precision, anchor=anchor,
                    reason=why)


def _head_expr(cand: Candidate, whole: TimeExpr) -> TimeExpr:
    """The TimeExpr of the head of a longer expression (13日 of 13日晚): the whole's value on the head's span."""
    return TimeExpr(cand.text, cand.start, cand.end, whole.value, kind=whole.kind, precision=whole.precision,
                    anchor=whole.anchor, reason=f"{whole.reason}; head of {whole.text}")


def normalize_times(doc: Document, *, knowledge: TimeKnowledge | None = None, use_jionlp: bool = True,
                    patterns: list | None = None) -> Document:
    """Set ``doc.published`` (when missing) and ``doc.times`` for one document.

    Args:
        doc: a cleaned document (``text`` set; ``sentences`` tokens, ``paragraphs`` and ``meta["dateline"]``
            are used when present).
        knowledge: loaded word lists and holidays (default: the package data).
        use_jionlp: leave lunar dates (农历…, 正月/腊月…) to jionlp (else they stay unresolved).
        patterns: compiled grammar from :func:`build_patterns` (built from ``knowledge`` when None).

    Returns:
        The same document, changed in place.
    """
    kb = knowledge or load_knowledge()
    grammar = patterns or build_patterns(kb)
    text = doc.text or ""
    analysis = doc.analysis_text if len(doc.analysis_text) == len(text) and doc.analysis_text else text
    starts = _paragraph_starts(doc, text)
    first_para_end = starts[1] if len(starts) > 1 else len(text)
    pub = determine_published(doc, text, analysis[starts[0]:first_para_end])
    if parse_iso_day(doc.published) is None:  # missing or unreadable: take what the text says, or nothing
        doc.published = pub.date.isoformat() if pub.date else None
        doc.published_source = pub.source
        doc.published_inferred = pub.inferred
    resolver = Resolver(kb)
    ctx = Context(published=pub.date)
    cands = find_candidates(analysis, grammar, kb)
    cands += _lac_candidates(doc, cands)
    cands.sort(key=lambda c: (c.start, c.type == "range"))
    # ranges are resolved after their two ends
    # ranges and "X以来" intervals are resolved after the expressions they are made of
    # and the head of an expression (13日 of 13日晚) takes the value of the whole, after it
    later = ("range", "since")
    order = ([c for c in cands if c.type not in later and not c.head]
             + [c for c in cands if c.type in later and not c.head] + [c for c in cands if c.head])
    out: dict[int, TimeExpr] = {}
    section_starts = sorted(s.start for s in doc.sections)
    for cand in order:
        para = bisect.bisect_right(starts, cand.start) - 1
        ctx.enter_paragraph(para, starts[para] if para >= 0 else 0)
        ctx.enter_section(bisect.bisect_right(section_starts, cand.start))
        if cand.head:
            whole = out.get(id(cand.fields["whole"]))
            if whole is not None:
                out[id(cand)] = _head_expr(cand, whole)
            continue
        state = (ctx.last_day, ctx.last_month, ctx.last_year)
        expr = _resolve_one(resolver, cand, ctx, analysis, use_jionlp)
        if cand.background:  # 2023年10月7日以来 sets no context for the 20日 that follows
            ctx.last_day, ctx.last_month, ctx.last_year = state
        if expr is None or (cand.type == "since" and expr.value is None):
            continue  # an unresolved "X以来" adds nothing to its X
        if (cand.type in _EXPLICIT_DAY_TYPES and not cand.background
                and expr.precision == "day" and expr.value):
            ctx.note_day(cand.start, cand.end, dt.date.fromisoformat(expr.value))
        if (ctx.main_date is None and para < _MAIN_DATE_PARAGRAPHS and cand.type in ("date", "numeric")
                and not cand.background and analysis[cand.end:cand.end + 1] not in ("电", "讯")  # not a dateline
                and expr.precision == "day" and expr.value
                and (pub.date is None or dt.date.fromisoformat(expr.value) <= pub.date)):
            ctx.main_date = dt.date.fromisoformat(expr.value)
        ctx.seen[id(cand)] = expr
        out[id(cand)] = expr
    for expr in out.values():  # quote the cleaned text (the grammar read the simplified analysis text)
        expr.text = text[expr.start:expr.end] or expr.text
    doc.times = sorted(out.values(), key=lambda t: (t.start, -t.end))
    log.debug("%s: %d time expressions, published %s (%s)", doc.id, len(doc.times), doc.published,
              doc.published_source)
    return doc


def _resolve_one(resolver: Resolver, cand: Candidate, ctx: Context, text: str,
                 use_jionlp: bool) -> TimeExpr | None:
    """Resolve one candidate; never raises (an unparseable expression keeps value None and a reason)."""
    try:
        if cand.type == "lac":
            if not _LAC_KEEP.search(cand.text):
                return None  # 长期, 此后, 28点: LAC calls them TIME, they name no date
            # Kept, without a value: what LAC tags TIME and the grammar leaves is almost never a date one
            # can read alone: 75周年, 百年, 每年, 首日 (no date); 神舟十七号, 第二十一号主席令 (names); 全年
            # after 2023年 (not the publication year).
            raise Unresolved(_LAC_LEFTOVER)
        if cand.type == "delegate" and not use_jionlp:
            raise Unresolved("lunar expression and jionlp off")
        res = resolver.resolve(cand, ctx, text)
    except Unresolved as exc:
        return _to_expr(cand, None, str(exc))
    except Exception as exc:  # noqa: BLE001  issue 3: no expression may crash the stage
        log.warning("time expression %r at %d: %s: %s", cand.text, cand.start, type(exc).__name__, exc)
        return _to_expr(cand, None, f"error: {type(exc).__name__}: {exc}")
    return _to_expr(cand, res, None)


@register("time.v1", requires=("sentences",), assigns=("times", "published"))
class TimeStage:
    """Publication date and time expressions, resolved against the article's own timeline.

    Args:
        data_dir: folder with lexicon.yaml, holidays.tsv, lunar_holidays.tsv (default: jishi/data/time).
        use_jionlp: let jionlp parse lunar dates (农历…, 正月/腊月…), which the grammar leaves to it.
    """

    def __init__(self, data_dir: str | Path | None = None, use_jionlp: bool = True) -> None:
        self.knowledge = load_knowledge(Path(data_dir) if data_dir else DATA_DIR)
        self.patterns = build_patterns(self.knowledge)
        self.use_jionlp = use_jionlp

    def __call__(self, docs: list[Document]) -> list[Document]:
        for doc in docs:
            normalize_times(doc, knowledge=self.knowledge, use_jionlp=self.use_jionlp, patterns=self.patterns)
        return docs

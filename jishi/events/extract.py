"""Event candidates: one per trigger occurrence, with arguments, date, place, status, attribution.

Per sentence the work is linear: lexicon matches (first-character index), then for each match a
look at the tokens of its clause. Candidates are merged into events by :mod:`jishi.events.merge`.

Decisions (see docs/EVENTS.md):
- triggers inside quotation marks are not events (they are what someone said, or a name);
- nominal triggers (会谈, 袭击 used as nouns) make an event only with a light verb (举行会谈, 发动……袭击,
  会谈……在迈阿密举行) or a 与/同-phrase; otherwise they are references that can only add evidence
  to an event told elsewhere (恐怖袭击嫌疑人, 会谈结果, 这起未遂暗杀事件由……策划);
- a trigger in the complement of a request/threat/wish verb (施压泽连斯基……签署协议, 寻求……停火) is the
  content of that request, not an event; after 否认 it is kept with status "denied";
- negated triggers (未, 没有, 尚无 …) are dropped, as PLOVER does not code events that did not happen
  (the stage option ``keep_negated`` keeps them with ``negated=True``).
"""
from __future__ import annotations

import bisect
import datetime
import logging
import re
from dataclasses import dataclass, field
from typing import Any

from jishi.document import Document, Sentence, TimeExpr, Token
from jishi.events.actorview import ActorSpan, ActorView
from jishi.events.cues import Cues
from jishi.events.ontology import load_ontology
from jishi.events.lexicon import TriggerEntry, TriggerLexicon, TriggerMatch
from jishi.events.quoted_acts import QUOTED_ACT_TYPES, speech_act_in_direct_quote
from jishi.events.quotes import SpeechFrame
from jishi.events.spans import CLAUSE_BREAKS, Clause, QuoteIndex, clause_at, clauses_of, tokens_in

log = logging.getLogger(__name__)

VERB_TAGS = frozenset({"v", "vd"})
NOUNISH_TAGS = frozenset({"n", "nz", "vn", "PER", "ORG", "LOC", "nw", "j", "an"})
TEMPORAL_AFTER = frozenset({"后", "前", "时", "中", "期间", "之后", "之前", "以来"})
VERBAL_TYPES_EMBEDDING = frozenset({"REQUEST", "THREATEN", "REJECT", "AGREE"})
STATUS_TAGS_BLOCK = frozenset({"n", "nz", "PER", "LOC", "ORG", "TIME", "m", "q"})
_MODE_OF_TYPE = {"RETREAT": "retreat", "CONSULT": "meet", "AID": "aid", "COOPERATE": "cooperate",
                 "CONCEDE": "concede", "AGREE": "settle", "ASSAULT": "attack", "SANCTION": "sanction",
                 "COERCE": "restrict", "SUPPORT": "support"}
# tokens that may stand between an embedded subject and its verb (谴责美韩[当天]举行联合军演)
_GLUE_TAGS = frozenset({"d", "ad", "vd", "TIME", "t", "c"})
_COLLECTIVE_TYPES = frozenset({"PROTEST", "ASSAULT", "COERCE", "MOBILIZE"})
_EVENT_NOUNS = frozenset({"事件", "案", "案件"})
_CLAUSE_END = frozenset({"，", "。", "！", "？", "；", ",", "了", "着", "!", "?"})
_ACTOR_HEADS = frozenset("警军方政总外人籍媒")
_EXISTENTIAL = ("发生", "爆发", "遭遇", "遭到", "出现")
_PLACE_RANK = {"point": 4, "city": 3, "region": 2, "sea": 2, "country": 0}
# a condition before the trigger in its clause (前提是快支必须撤出, 除非对方停火): the action is not told as real
_CONDITION_RX = re.compile(r"前提是|除非|条件是|只有在|只要|一旦|倘若|假如|如果|若(?!干)|必要时|必要的话")
# "not … until X" (在哈马斯释放人质之前不会结束战争): X is a condition, not an event
_UNTIL_NEG_RX = re.compile(r"^[”“\s，]*(?:都|就|也|均|将)?(?:不会|绝不|决不|不能|不得|不再|不)")
_NUMERALS = frozenset("一二两三四五六七八九十数多几0123456789０１２３４５６７８９")
# after a place name: 向日本海/东部海域/日本方向发射导弹 names a direction, not a target
_PLACE_TAILS = ("海", "方向", "近海", "沿海", "湾", "海峡", "上空", "附近")
_LEAVE_RX = re.compile(r"离境|离开|出境")
_SUMMARY_RX = re.compile(r"(?:这|此|这已|此次|这次)(?:已)?(?:是|为)")
_ORDINAL_TIMES_RX = re.compile(r"第[0-9０-９一二三四五六七八九十两几]+(?:次|起|轮)")
_ORDINAL_RX = re.compile(r"第([0-9０-９一二三四五六七八九十百]+)(?:轮|批|个|份|阶段)")
# LAC glues 同 + 来华 (and even 人民大会堂同来华) into one word: 'together with [the one who came]'
# 就X一事/问题 …, 就印军违反停火行为提出抗议: the topic phrase ends at its head noun or the main verb
# acts that a 并-clause after an appeal tells on their own (要求总统下台，并抗议……; 呼吁…，并要求…辞职)
_OWN_ACT_TYPES = frozenset({"PROTEST", "REQUEST", "THREATEN", "REJECT", "SUPPORT", "AGREE", "ACCUSE"})
# 新华社内罗毕7月7日电: a dateline's outlet is never an event's actor
# a sentence that refers back to a meeting told before (在峰会公报中说, 在闭门会议上, 峰会期间): dated by it
_MEETING_BACKREF_RX = re.compile(r"在[^，。；“”]{0,12}?(?:会议|峰会|会谈|会晤|首脑会|大会|公报)(?:上|中|期间)"
                                 r"|(?:峰会|会议|会谈|会晤)(?:期间|间隙)")
_DATELINE_RX = re.compile(r"[^，。\s“”]{0,8}?[0-9０-９]{1,2}月[0-9０-９]{1,2}日电")
_TEMPORAL_TAIL = ("前", "后", "时", "之前", "之后", "期间", "以来", "当天", "之际")
_TOPIC_ENDS = frozenset({"一事", "问题", "提出", "表示", "发表", "作出", "做出", "进行", "举行", "交换", "达成", "发出",
                         "阐述", "表明"})
_PARTNER_GLUED = ("同来", "与来", "同到", "与到", "同赴", "与赴")
# 两国元首共同见证签署…, 双方同意…: the two parties of the talks told just before
_BOTH_SIDES = ("两国元首", "两国领导人", "两国", "双方", "两位领导人", "两人")
_SPEECH_ACT_TYPES = frozenset({"REQUEST", "ACCUSE", "REJECT", "THREATEN", "SUPPORT"})
DATE_RANK = {"clause": 3.0, "sentence": 2.0, "vague": 1.5, "inherited": 1.0, "publication": 0.0}
# a short quoted predicate (scare quote) told as the object of a light verb (进行了“报复性打击”, 作出“对等回应”)
# or after a passive marker with its agent (遭伊方快艇多次“危险拦截”): the act is told, only its name is quoted
_SCARE_LIGHT_RX = re.compile(r"(?:进行|作出|做出|予以|实施|发动|发起|展开|采取|实行)了?(?:[一二三四五六七八九十两数多几]+(?:次|轮|场|波)"
                             r"|多次|数次|新一轮|一系列|所谓的?)?$")
_SCARE_PASSIVE_RX = re.compile(r"(?:遭到|遭受|受到|遭)[^，。；：！？“”、]{0,10}$")
_SCARE_MAX = 8
# only material acts are told this way; a quoted verbal act after a light verb names a policy (实施“极限施压”)
_SCARE_TYPES = frozenset({"ASSAULT", "COERCE", "MOBILIZE", "SANCTION", "PROTEST", "RETREAT", "AID", "COOPERATE"})


@dataclass
class Candidate:
    """One trigger occurrence read as an event (or as a reference to one)."""

    entry: TriggerEntry
    type: str
    mode: str | None
    cameo: str
    sent: int
    start: int
    end: int
    sent_start: int
    sent_end: int
    reference: bool = False
    negated: bool = False
    status: str = "occurred"
    source: list[str] = field(default_factory=list)
    target: list[str] = field(default_factory=list)
    date: str | None = None
    date_end: str | None = None
    date_precision: str | None = None
    date_rank: float = -1.0
    location: dict[str, Any] | None = None
    attribution: list[str] = field(default_factory=list)
    conf: float = 0.5
    light_after: int | None = None  # offset of the light verb after a nominal trigger (会谈……举行)
    anchored: bool = False  # a reference whose own noun phrase names a place or actor (昆明暴力恐怖袭击事件)
    modifier: bool = False  # a reference modifying a noun (应对无人机袭击的场景): never an event of its own
    ordinal: str | None = None  # 第20轮制裁: the number that tells one package/round from another

    @property
    def sym(self) -> bool:
        return "sym" in self.entry.flags or self.type == "CONSULT"


# help that an accusation attributes to another side (指责X向Y提供武器): alleged, not told (a condemned
# act did happen: 谴责美韩举行联合军演 keeps its drill)
_ALLEGED_TYPES = frozenset({"AID"})
_ALLEGING = ("指责", "指控", "控诉", "声称")
_REASON_WORDS = ("理由是", "理由为", "理由包括")
_NOT_AT_REQUEST = frozenset("回响反适答相供效呼感理")  # 回应, 响应, 反应, 适应, 答应, 相应, 供应 …
# 应奥方请求, 应俄罗斯总统普京的邀请: the inviting or asking side (no verb of the clause)
_AT_REQUEST_RX = re.compile(r"[^，。；：、]{1,20}?(?:的)?(?:请求|邀请|要求|之邀|之请)")


def _outside_spans(times: list[TimeExpr]) -> list[TimeExpr]:
    """The times of a sentence without the days inside a span of it (14日, 15日 of 14日至15日)."""
    spans = [t for t in times if t.kind == "interval"]
    if not spans:
        return times
    return [t for t in times if not any(u is not t and u.start <= t.start and t.end <= u.end for u in spans)]


def _day_span(t: TimeExpr) -> bool:
    """Whether a time is a span between two days (14日至15日), not a season or half-year."""
    start, _, end = (t.value or "").partition("/")
    if len(start) != 10 or len(end) != 10:
        return False
    try:
        days = (datetime.date.fromisoformat(end) - datetime.date.fromisoformat(start)).days
    except ValueError:
        return False
    return 0 < days <= 31 and t.text[-1:] in ("日", "号")  # (今年下半年 also resolves to two days)


def _span_joiner(toks: list[Token], n: int) -> bool:
    """Whether ``toks[n]`` is the 至/到 of a time span (14日|至|15日: LAC tags 至 as a verb)."""
    return (toks[n].text in ("至", "到") and 0 < n < len(toks) - 1
            and toks[n - 1].tag in ("TIME", "t") and toks[n + 1].tag in ("TIME", "t"))


def scare_quoted_predicate(text: str, pair: tuple[int, int], te: int) -> bool:
    """Whether a trigger ending at ``te`` inside the quotation ``pair`` is a scare-quoted predicate: a short
    quote (at most ``_SCARE_MAX`` characters, no clause punctuation) that the trigger ends, standing as the
    object of a light verb (进行了“报复性打击”, 作出“对等回应”) or after a passive marker and its agent
    (遭伊方快艇多次“危险拦截”). Quoted speech and quoted names are not.

    Args:
        text: the document text.
        pair: (open, close) offsets of the quotation marks.
        te: end offset of the trigger.

    Returns:
        True when the quoted trigger tells an act.
    """
    o, c = pair
    if c - o - 1 > _SCARE_MAX or c - te > 0 or any(ch in CLAUSE_BREAKS for ch in text[o + 1:c]):
        return False
    lead = text[max(0, o - 14):o]
    return bool(_SCARE_LIGHT_RX.search(lead) or _SCARE_PASSIVE_RX.search(lead))


def _date_of(t: TimeExpr) -> tuple[str, str | None, str] | None:
    """(date, date_end, precision) of a time expression, or None when it names no date."""
    v = t.value
    if not v or v.startswith("P") or v.startswith("R") or t.kind in ("duration", "set"):
        return None
    start, _, end = v.partition("/")
    start, end = _expand(start, first=True), _expand(end, first=False) if end else None
    if start is None:
        return None
    if end is None and len(v) < 10:
        end = _expand(v, first=False)
    precision = t.precision or ("day" if len(v) == 10 else "interval")
    return start, end, precision


def _expand(value: str, *, first: bool) -> str | None:
    """'2025-11' -> '2025-11-01' (or the month's last day), '2026' -> '2026-01-01'/'2026-12-31'."""
    value = value[:10]
    if len(value) == 10:
        return value
    if len(value) == 7 and value[4] == "-":
        if first:
            return value + "-01"
        y, m = int(value[:4]), int(value[5:7])
        days = [31, 29 if (y % 4 == 0 and (y % 100 or y % 400 == 0)) else 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]
        return f"{value}-{days[m - 1]:02d}"
    if len(value) == 4 and value.isdigit():
        return value + ("-01-01" if first else "-12-31")
    return None


class EventExtractor:
    """Read event candidates from a document.

    Args:
        lexicon: compiled trigger lexicon.
        cues: context cues.
    """

    def __init__(self, lexicon: TriggerLexicon, cues: Cues) -> None:
        self.lexicon = lexicon
        self.cues = cues
        self._governing = {
            **{w: "agent" for w in cues["agent_markers"]},
            **{w: "target" for w in cues["target_markers"]},
            **{w: "partner" for w in cues["partner_markers"]},
            **{w: "location" for w in cues["location_markers"]},
            "据": "attribution",
        }
        self._status_verbs = frozenset(cues.status_before) | frozenset(cues.status_after)
        self._modes = {name: t.modes for name, t in load_ontology().types.items()}

    # ------------------------------------------------------------------ document
    def extract(self, doc: Document, view: ActorView, frames: list[SpeechFrame],
                qindex: QuoteIndex) -> list[Candidate]:
        """All candidates of a document, in text order.

        Args:
            doc: document with sentences, tokens, times, mentions (places optional).
            view: its actor spans.
            frames: its speech acts (for claimed status and attribution).
            qindex: its quotation-mark pairs.

        Returns:
            Candidates (references included; negated ones flagged).
        """
        times = sorted((t for t in doc.times if _date_of(t)), key=lambda t: t.start)
        time_starts = [t.start for t in times]
        frame_starts = [f.content_start for f in frames]
        out: list[Candidate] = []
        context_date: tuple[str, str | None, str] | None = None
        context_subject: list[str] = []
        self._last_talks: list[str] = []
        meeting: tuple[str, str | None, str] | None = None
        meeting_end: str | None = None
        for si, sent in enumerate(doc.sentences):
            if not sent.tokens:
                continue
            sent_times = times[bisect.bisect_left(time_starts, sent.start):bisect.bisect_left(time_starts, sent.end)]
            if meeting is not None and not (context_date is not None and meeting[0] <= context_date[0] <= (
                    meeting_end or meeting[0])) and not any(
                    t.kind != "vague" and (_date_of(t) or ("", "", ""))[2] in ("day", "interval")
                    for t in sent_times) and _MEETING_BACKREF_RX.search(doc.text, sent.start, sent.end):
                # 29日召开特别峰会……（27日……）。西共体在峰会公报中说: the meeting's day, not the last day told
                context_date = meeting
            cands, subject = self._sentence(doc, si, sent, view, frames, frame_starts, qindex, sent_times,
                                            context_date, context_subject)
            out.extend(cands)
            for c in cands:
                if c.type == "CONSULT" and not c.reference and c.date and c.date_rank >= DATE_RANK["sentence"] \
                        and c.status not in ("planned", "hypothetical") and c.date_precision in ("day", "interval") \
                        and "会" in doc.text[c.start:c.end]:
                    # 峰会24日至25日在海牙举行, 召开特别峰会 (a day inside the span is the meeting's too)
                    meeting, meeting_end = (c.date, None, "day"), c.date_end
                # (双方 after a mediation are the parties mediated between, not the mediator)
                sides = c.target if c.mode == "mediate" else c.source + c.target
                if c.type == "CONSULT" and not c.reference and len(set(sides)) >= 2:
                    self._last_talks = list(dict.fromkeys(sides))
            if subject:
                context_subject = subject
            carried = _outside_spans(sent_times)
            spoken = self._dated_speech(sent, frames, frame_starts, carried)
            if spoken is not None:
                # 发言人30日说，卡姆托于29日晚被带走。……该党要求……: what follows goes on from the day of
                # the statement, not from a day inside what was reported
                carried = [t for t in carried if not spoken.content_start <= t.start < spoken.content_end]
            day_times = [d for d in (_date_of(t) for t in carried if t.kind != "vague"
                                     and (t.kind != "interval" or _day_span(t)))
                         if d and (d[2] == "day" or (d[2] == "interval" and d[1]))]
            if day_times:
                # an event dated only by a span told before (14日至15日举行……; 出席开幕式) took place on its
                # first day: the span's start dates the sentences after it
                last = day_times[-1]
                context_date = last if last[2] == "day" else (last[0], None, "day")
        return out

    def _dated_speech(self, sent: Sentence, frames: list[SpeechFrame], frame_starts: list[int],
                      times: list[TimeExpr]) -> SpeechFrame | None:
        """A speech act of the sentence whose verb is dated by a day written before it in the sentence
        (恩多姆30日对媒体说，……), or None."""
        i = bisect.bisect_left(frame_starts, sent.start)
        while i < len(frames) and frames[i].content_start < sent.end:
            f = frames[i]
            if sent.start <= f.verb_start and any(
                    sent.start <= t.start and t.end <= f.verb_start and t.kind != "vague"
                    and (_date_of(t) or ("", "", ""))[2] == "day" for t in times):
                return f
            i += 1
        return None

    # ------------------------------------------------------------------ sentence
    def _sentence(self, doc: Document, si: int, sent: Sentence, view: ActorView, frames: list[SpeechFrame],
                  frame_starts: list[int], qindex: QuoteIndex, sent_times: list[TimeExpr],
                  context_date: tuple[str, str | None, str] | None, context_subject: list[str],
                  ) -> tuple[list[Candidate], list[str]]:
        s0 = sent.start
        analysis = doc.analysis_text if len(doc.analysis_text) == len(doc.text) else doc.text
        stext = analysis[sent.start:sent.end]
        toks = sent.tokens
        starts = {t.start - s0 for t in toks}
        ends = {t.end - s0 for t in toks}
        # tokens are slices of doc.text: most sentences have neither a 被- word nor 下达
        raw = doc.text[s0:sent.end]
        glued = toks if "被" in raw or "下达" in raw else ()
        for n, t in enumerate(glued):
            if len(t.text) < 2:
                continue
            if t.text[0] == "被":
                starts.add(t.start + 1 - s0)  # 被刑拘/被免职 are single LAC tokens
            if t.text[-2:] == "下达" and n + 1 < len(toks) and toks[n + 1].text.startswith("成"):
                starts.add(t.end - 1 - s0)  # 在美国斡旋|下达|成分 is 在美国斡旋下|达成
                ends.add(t.end - 1 - s0)
        for span in view.in_range(sent.start, sent.end):
            # LAC may glue a name to the next word (特朗|普通|电话): a mention edge is a word edge
            starts.add(span.end - s0)
            ends.add(span.start - s0)
        matches = self.lexicon.find(stext, starts=starts, ends=ends)
        if not matches:
            return [], self._first_subject(doc, sent, view, frames)
        tok_at = {t.start: k for k, t in enumerate(toks)}
        self._view, self._toks, self._text = view, toks, doc.text
        self._frames, self._frame_starts = frames, frame_starts
        self._needs_object: set[int] = set()
        clauses = clauses_of(doc, sent)
        attributions = self._attribution_frames(doc, sent)
        clause_subjects: dict[Clause, list[str]] = {}
        sentence_subject: list[str] = []
        out: list[Candidate] = []
        accepted: list[tuple[TriggerMatch, Candidate | None]] = []
        for m in matches:
            ts, te = s0 + m.start, s0 + m.end
            entry = m.entry
            pair = qindex.enclosing(ts)
            if pair is not None and not ("quoted" in entry.flags and pair[1] - te <= 1 and pair[1] - pair[0] - 1 <= 12) \
                    and not ("reported" in entry.flags and pair[1] - te <= 1 and pair[1] - pair[0] - 1 <= 24) \
                    and not speech_act_in_direct_quote(doc.text, pair[1], entry.type) \
                    and not (entry.type in _SCARE_TYPES and scare_quoted_predicate(doc.text, pair, te)) \
                    and not self._standalone_act(pair, entry.type, frames, frame_starts):  # round-2 hook (round2.py)
                continue  # 修改意见“不可接受”: a quoted predicate that is just the trigger still tells it
            if self._excluded(entry, stext, m.start, m.end):
                continue
            if self._in_reason(analysis, sent.start, ts):
                continue  # ……，理由是他们参与指挥了军事行动: the stated reason is not an event told
            if entry.type == "REQUEST" and self._requested_by(ts, te, sent.start):
                continue  # 应奥方请求/应X邀请: the asking side's request frames the act, told elsewhere
            if "reported" in entry.flags and self._frame_at(ts, frames, frame_starts) is None:
                continue  # 涉嫌策划 told by the narrator (因涉嫌策划袭击被捕) is no one's accusation
            k = tok_at.get(ts)
            if k is None:
                k = next((j for j, t in enumerate(toks) if t.start <= ts < t.end), None)
                if k is None:
                    continue
            clause = clause_at(clauses, ts)
            if entry.type in _ALLEGED_TYPES and any(analysis.find(w, clause.start, ts) >= 0 for w in _ALLEGING):
                continue  # 指责卢旺达向M23提供武器: alleged support is the accusation's content, not an event
            ctoks = tokens_in(toks, clause.start, clause.end)
            before = [t for t in ctoks if t.end <= ts]
            after = [t for t in toks if t.start >= te]
            mode, cameo = entry.mode, entry.cameo
            if mode is None:
                inner = next((x for x in m.inner if x.entry.mode), None)
                if inner is not None:
                    mode, cameo = inner.entry.mode, inner.entry.cameo
            cand = Candidate(entry, entry.type, mode, cameo, si, ts, te, sent.start, sent.end)
            self._light_after_at = None
            cand.reference = self._is_reference(entry, toks, k, ts, te, before, after, clause)
            cand.light_after = self._light_after_at
            if not cand.reference and _SUMMARY_RX.match(analysis, clause.start) and _ORDINAL_TIMES_RX.search(
                    analysis, clause.start, ts):
                cand.reference = True  # 这是本月以来该市遭受的第三次袭击: a count of the event told before
            if not cand.reference and entry.type in ("THREATEN", "REQUEST") and "不顾" in analysis[clause.start:ts]:
                cand.reference = True  # 不顾中方多次警告: the warning is the other side's, told before
            cand.modifier = cand.reference and self._text.startswith("的", te)
            om = _ORDINAL_RX.search(analysis, max(clause.start, ts - 12), te)
            cand.ordinal = om.group(1) if om else None
            cand.negated = self._is_negated(toks, k)
            embedded, denied, host = self._embedding(before, accepted, clause)
            if not embedded and (entry.type not in _OWN_ACT_TYPES or cand.mode == "investigate") and \
                    self._continues_request(analysis, clauses, clause, before, accepted, view):
                continue  # 呼吁尊重集会权利，并对失踪事件展开调查: the second demand's content
            if embedded and not denied:
                if host is not None and host.mode is None:
                    host.mode = self._embedded_mode(host.type, entry)
                continue
            accepted.append((m, cand))
            status_before = before
            if cand.light_after is not None:
                status_before = before + [t for t in toks if te <= t.start < cand.light_after]
            cand.status = "denied" if denied else self._status(toks, status_before, ctoks, te, sent, ts, frames,
                                                                frame_starts, attributions)
            if cand.status in ("claimed", "occurred"):
                carried = self._carried_status(toks, clauses, clause, view)
                if carried:
                    cand.status = carried
            if "future" in entry.flags and cand.status == "planned":
                # 将采取对等回应措施: the announced measure lies ahead, the threat is made now
                cand.status = self._status(toks, [], ctoks, te, sent, ts, frames, frame_starts, attributions)
            if self._conditional(analysis, clause, sent, ts, te):
                continue  # a condition or a demand's content (前提是快支必须撤出): not an event
            region_start = clause.start
            for f in frames:
                if clause.start <= f.verb_start and f.verb_end <= ts:
                    region_start = max(region_start, f.verb_end)
            ok = self._arguments(doc, cand, view, toks, ctoks, clause, region_start, clauses, clause_subjects,
                                 sentence_subject, context_subject)
            if not ok:
                continue
            self._date(cand, clause, sent_times, context_date, doc)
            self._place(cand, view, clause, doc)
            cand.attribution = self._attribution(ts, attributions, frames, frame_starts)
            cand.conf = self._confidence(cand)
            out.append(cand)
        # 要求/邀请/同意 without a target: kept only when a later trigger of the clause was its content
        out = [c for c in out if id(c) not in self._needs_object or c.mode is not None]
        expels = [c for c in out if c.mode in ("expel", "deport") and not c.reference]
        if expels:
            # 驱逐一名外交官，并要求其在72小时内离境: the order to leave is part of the expulsion
            out = [c for c in out if not (c.type == "REQUEST" and any(k.end <= c.start for k in expels)
                                          and _LEAVE_RX.search(analysis, c.end, c.sent_end))]
        talks = [c for c in out if c.type == "CONSULT" and not c.reference]
        if talks:
            # 通电话，双方同意继续协调立场: agreeing on how to go on is what the call said, not a deal
            out = [c for c in out if not (c.type == "AGREE" and c.mode is None and "light" not in c.entry.flags
                                          and any(k.end <= c.start for k in talks)
                                          and view.countries(c.source) <= view.countries(
                                              [i for k in talks for i in k.source + k.target]))]
        return out, sentence_subject or self._first_subject(doc, sent, view, frames)

    def _standalone_act(self, pair: tuple[int, int], ptype: str, frames: list[SpeechFrame],
                        frame_starts: list[int]) -> bool:
        """Whether a threat or refusal lies in a quotation that makes up a whole sentence going on with the
        speaker of the sentence before (他说，……。“中方将采取必要措施……。”): the speaker's act."""
        if ptype not in QUOTED_ACT_TYPES:
            return False
        f = self._frame_at(pair[0] + 1, frames, frame_starts)
        return f is not None and f.verb_start == pair[0] and f.content_start == pair[0] + 1

    @staticmethod
    def _conditional(text: str, clause: Clause, sent: Sentence, ts: int, te: int) -> bool:
        """Whether the trigger sits in a condition: after 前提是/除非/如果 in its clause, or inside
        在……之前 followed by a negation ("not until"), which makes it a condition, not an event."""
        if _CONDITION_RX.search(text, clause.start, ts):
            return True
        idx = text.find("之前", te, clause.end)
        if idx >= 0 and "在" in text[clause.start:ts]:
            return bool(_UNTIL_NEG_RX.search(text[idx + 2:min(sent.end, idx + 24)]))
        return False

    def _first_subject(self, doc: Document, sent: Sentence, view: ActorView, frames: list[SpeechFrame]) -> list[str]:
        """The subject of a sentence without triggers (for pronouns and dropped subjects later on):
        the first actor of its first clause, when that clause starts with it."""
        for clause in clauses_of(doc, sent, limit=2):
            spans = view.in_range(clause.start, clause.end)
            if not spans:
                continue  # (most clauses name no actor: their first word is not read)
            first = next((t for t in sent.tokens if t.start >= clause.start and t.end <= clause.end
                          and t.tag not in ("TIME", "t", "d", "c", "w")), None)
            if first is not None and first.start >= spans[0].start - 4 and first.tag not in VERB_TAGS:
                if first.tag == "p":
                    continue
                return list(spans[0].ids)
        return []

    # ------------------------------------------------------------------ reading one trigger
    def _excluded(self, entry: TriggerEntry, stext: str, s: int, e: int) -> bool:
        if entry.type == "ASSAULT":
            window = stext[max(0, s - 6):e]
            if any(w in window for w in self.cues["natural_forces"]):
                return True
        key = entry.parts[0] if not entry.gapped else entry.trigger
        rx = self.cues.not_event_after.get(key)
        if rx is not None and rx.search(stext[e:e + 32]):  # (patterns are anchored at the trigger end)
            return True
        rx = self.cues.not_event_before.get(key)
        if rx is not None and rx.search(stext[max(0, s - 8):s]):
            return True
        rx = self.cues.event_needs_before.get(key)
        if rx is not None and not rx.search(stext[max(0, s - 20):s]):
            return True
        rx = self.cues.event_needs_after.get(key)
        return rx is not None and not rx.search(stext[e:e + 40])

    def _is_reference(self, entry: TriggerEntry, toks: list[Token], k: int, ts: int, te: int,
                      before: list[Token], after: list[Token], clause: Clause) -> bool:
        """Whether the trigger names an event told elsewhere rather than telling one."""
        light = "light" in entry.flags
        nxt = after[0] if after else None
        prev = before[-1] if before else None
        nxt_text = nxt.text if nxt is not None and nxt.start == te else ""
        light_before = any(t.text in self.cues["light_before"] for t in before[-6:])
        if nxt_text == "的" or nxt_text == "结束":
            return True
        if entry.pos == "n" and not light and nxt_text == "上" and not light_before:
            return True  # 2023年2月的峰会上，两国发生争执: the meeting is the setting of another predicate
        if not light and self._governed(entry, toks, k, te, before, nxt_text):
            return True  # 资助抗议活动, 配合七国集团的对俄施压行动: the object of another predicate
        if entry.mode == "mediate" and self._text.startswith("下", te) and any(t.text == "在" for t in before):
            # 在美国斡旋下达成协议: background of the main predicate, which is the event; but a leader who
            # mediates in person (在安哥拉总统洛伦索的斡旋下) took part in the talks: a CONSULT of its own
            return self._mediator(before) is None
        
        if entry.gapped:
            gap = self._text[ts + len(entry.parts[0]):ts + len(entry.parts[0]) + 3]
            if entry.type in ("MOBILIZE", "ASSAULT") and gap.startswith("的") and gap[1:2] in _NUMERALS:
                return False  # 向以色列发射的两枚火箭弹中，一枚被拦截: counted weapons were fired
            if gap.startswith("的") or gap.startswith("中的"):
                return True  # 两国元首达成的重要共识, 正在进行中的谈判: a modifier, not a predicate
        if not light and nxt_text in self.cues["reference_after"]:
            if nxt_text in TEMPORAL_AFTER:
                if any(t.text in ("在", "于") for t in before) or entry.pos == "n":
                    return True
            elif not (light_before and nxt_text in _EVENT_NOUNS):
                return True  # 恐怖袭击嫌疑人, 会谈结果; but 发生枪击事件 tells the event
        # LAC's tag is read only when the trigger is exactly one LAC word (炮|击 split by LAC is a verb)
        single = toks[k].start == ts and toks[k].end == te
        nominal = entry.pos == "n" or (entry.pos == "vn" and single and toks[k].tag not in VERB_TAGS)
        if nominal and not light and any(t.text == "就" for t in before) and any(
                t.text in _TOPIC_ENDS for t in after):
            return True  # 就关税、出口管制等问题进行沟通: a topic of the talks, not a measure taken
        disposal = any(t.text in ("把", "将") and t.tag == "p" for t in before)
        if not light and prev is not None and prev.text in self.cues["reference_before"] and not (
                disposal and prev.text == "其" and entry.pos == "v"):
            nominal = True  # (but 将其驱离: 其 is the object of a disposal, not 'its')
        if disposal and not light and nxt is not None and nxt.start == te and nxt.tag in VERB_TAGS:
            return True  # 不再把开启入盟谈判列入议程: the talks are the object of 列入, not an event
        if light or not nominal:
            return False
        if light_before:
            return False
        if any(t.text in self.cues["partner_markers"] and t.tag == "p" for t in before) and "sym" in entry.flags:
            return False
        if (entry.type in _COLLECTIVE_TYPES and prev is not None and prev.tag in NOUNISH_TAGS
                and len(before) >= 1 and (len(before) < 2 or before[-2].text not in self.cues["reference_before"])
                and (not nxt_text or nxt_text in _CLAUSE_END)):
            return False  # 工人全体罢工。: a bare noun subject + the trigger ending the clause
        first_verb = next((t for n, t in enumerate(after) if t.tag in VERB_TAGS and t.text not in ("将", "会", "要")
                           and not _span_joiner(after, n)), None)
        if first_verb is not None and first_verb.text in self.cues["light_after"] | {"继续"}:
            if self._text.startswith(_TEMPORAL_TAIL, first_verb.end):
                return True  # 就在谈判举行前一天: a time reference to talks told elsewhere
            self._light_after_at = first_verb.start
            return False
        return True

    def _mediator(self, before: list[Token]) -> list[str] | None:
        """The persons named in 在X(的)?斡旋下 before a mediation trigger, or None when X names no person."""
        at = next((t.end for t in reversed(before) if t.text == "在"), None)
        if at is None or not before:
            return None
        spans = self._view.in_range(at, before[-1].end)
        people = [i for sp in spans for i in sp.ids
                  if self._view.by_id.get(i) is not None and self._view.by_id[i].kind == "person"]
        return people or None

    def _governed(self, entry: TriggerEntry, toks: list[Token], k: int, te: int, before: list[Token],
                  nxt_text: str) -> bool:
        """Whether a nominal trigger (or one heading a noun: 施压行动) is the object of a verb that funds,
        backs or blames an event (资助抗议活动, 配合……施压行动), with no light verb between."""
        single = toks[k].end == te
        nominal = entry.pos == "n" or (single and toks[k].tag not in VERB_TAGS) or \
            nxt_text in self.cues["reference_heads"]
        if not nominal:
            return False
        governors = self.cues["reference_governors"]
        light = self.cues["light_before"]
        for t in reversed(before[-8:]):
            if t.text in governors:
                return True
            if t.text in light or (t.tag in VERB_TAGS and t.text not in self._status_verbs):
                return False
            if t.tag == "w" and t.text not in "“”、":
                return False
        return False

    def _is_negated(self, toks: list[Token], k: int) -> bool:
        """A negation before the trigger in its verb phrase (不会[向乌克兰]提供, 尚未[被俄军]占领)."""
        j = k - 1
        while j >= 0 and k - j <= 12:
            tok = toks[j]
            if tok.text in self.cues["negation"]:
                return True
            if k - j > 6 and tok.tag not in ("n", "nz", "LOC", "ORG", "PER", "c", "w", "p", "r"):
                return False  # far back only across a long object (未对美国人员、领土及盟友构成威胁)
            if (tok.tag == "w" and tok.text != "、") or (tok.tag in VERB_TAGS and tok.text not in self.cues["negation_skip"]
                                  and tok.text not in self._status_verbs):
                return False
            j -= 1
        return False

    def _embedding(self, before: list[Token], accepted: list[tuple[TriggerMatch, Candidate | None]],
                   clause: Clause) -> tuple[bool, bool, Candidate | None]:
        """(embedded?, under a denial?, embedding candidate) for a trigger with these tokens before it."""
        end = before[-1].end if before else 0
        for m, cand in reversed(accepted):
            if cand is not None and clause.start <= cand.start < clause.end and cand.end <= end:
                if cand.type in VERBAL_TYPES_EMBEDDING and not cand.reference:
                    return True, cand.mode == "deny", cand
        emb = self.cues["embedding_verbs"]
        for t in before:
            if t.text in emb and t.tag in ("v", "vd", "vn"):
                return True, self.cues.status_before.get(t.text) == "denied", None
        return False, False, None

    def _continues_request(self, text: str, clauses: list[Clause], clause: Clause, before: list[Token],
                           accepted: list[tuple[TriggerMatch, Candidate | None]], view: ActorView) -> bool:
        """Whether the trigger's clause (并……, no subject of its own) goes on with what the previous clause's
        request or appeal asks for."""
        if not text.startswith(("并", "并且"), clause.start) or view.in_range(clause.start, before[-1].end if before else clause.start):
            return False
        if any(t.tag in VERB_TAGS and t.text not in self.cues["light_before"] and t.text not in self._status_verbs
               and t.text not in ("并", "并且") for t in before):
            return False  # 并宣布…: a verb of its own before the trigger
        prev = [c for c in clauses if c.end <= clause.start]
        if not prev:
            return False
        p = prev[-1]
        return any(c is not None and c.type == "REQUEST" and p.start <= c.start < p.end and not c.reference
                   for _, c in accepted)

    def _embedded_mode(self, host_type: str, inner: TriggerEntry) -> str | None:
        """Mode of a request/agreement/refusal/threat from the action it is about (同意释放 -> release)."""
        allowed = self._modes.get(host_type, ())
        for mode in (inner.mode, _MODE_OF_TYPE.get(inner.type)):
            if mode and mode in allowed:
                return mode
        return None

    def _status(self, toks: list[Token], before: list[Token], ctoks: list[Token], te: int, sent: Sentence,
                ts: int, frames: list[SpeechFrame], frame_starts: list[int],
                attributions: list[tuple[int, int, list[str]]]) -> str:
        cues = self.cues
        for t in toks:
            if t.end > ts:
                break
            if cues.status_before.get(t.text) == "hypothetical" and t.tag == "c":
                return "hypothetical"
        found: str | None = None
        for t in reversed(before):
            name = cues.status_before.get(t.text)
            if name is None or t.tag in STATUS_TAGS_BLOCK:
                continue
            if t.text == "将" and t.tag == "p":
                continue
            if found == "ongoing" and name in ("planned", "hypothetical"):
                return name  # 可能于本月下旬继续磋商: continuing is itself only possible
            if found is None:
                found = name
                if name != "ongoing":
                    return name
        if found is not None:
            return found
        for t in ctoks:
            if t.start >= te and t.text in cues.status_after:
                return cues.status_after[t.text]
        for t in toks:
            if t.end > ts:
                break
            if cues.status_before.get(t.text) == "hypothetical" and t.tag == "c":
                return "hypothetical"
        if any(s < ts for s, _, _ in attributions) or self._frame_at(ts, frames, frame_starts) is not None:
            return "claimed"
        return "occurred"

    def _carried_status(self, toks: list[Token], clauses: list[Clause], clause: Clause,
                        view: ActorView) -> str | None:
        """A planned/hypothetical cue of the previous clause carries over a clause without its own
        subject (计划于12月1日前往莫斯科，与普京会面: the meeting is planned too)."""
        first = next((t for t in toks if clause.start <= t.start < clause.end
                      and t.tag not in ("TIME", "t", "d", "ad", "c", "w")), None)
        if first is None or first.tag not in ("p", "v", "vd"):
            return None  # the clause names its own subject
        prev = [c for c in clauses if c.end <= clause.start]
        if not prev:
            return None
        p = prev[-1]
        for t in toks:
            if p.start <= t.start < p.end:
                name = self.cues.status_before.get(t.text)
                if name in ("planned", "hypothetical") and t.tag not in STATUS_TAGS_BLOCK and not (
                        t.text == "将" and t.tag == "p"):
                    return name
        return None

    @staticmethod
    def _frame_at(pos: int, frames: list[SpeechFrame], frame_starts: list[int]) -> SpeechFrame | None:
        i = bisect.bisect_right(frame_starts, pos) - 1
        while i >= 0:
            f = frames[i]
            if f.content_start <= pos < f.content_end:
                return f
            if f.content_end < pos - 600:
                break
            i -= 1
        return None

    # ------------------------------------------------------------------ arguments
    def _roles(self, region: list[Token], spans: list[ActorSpan]) -> dict[int, str]:
        """Role at each token start of the pre-trigger region: subject until the first verb, then
        object; a preposition sets agent/target/partner/location for what follows it. Tokens inside
        an actor span (以|军, LAC's 以 is a preposition) do not count."""
        roles: dict[int, str] = {}
        role = "subject"
        seen_subject = False
        rel_role: str | None = None
        topic_end = -1
        for n, t in enumerate(region):
            if t.text == "就" and topic_end < 0:
                topic_end = next((x.start for x in region[n + 1:] if x.text in _TOPIC_ENDS), -1)
                if topic_end > 0:
                    saved, role = role, "other"  # 就X一事/问题: a topic phrase, whatever LAC tags 就
            elif topic_end < 0 and t.text == "以" and t.tag == "p" and any(x.text == "为由" for x in region[n + 1:]):
                topic_end = next(x.end for x in region[n + 1:] if x.text == "为由")
                saved, role = role, "other"  # 以遭到袭击为由: the reason's actors are no roles of the act
            elif topic_end < 0 and self._at_request(t, region[-1].end):
                m = _AT_REQUEST_RX.match(self._text, t.end, min(region[-1].end, t.end + 24))
                topic_end = m.end() if m is not None else -1
                if topic_end > 0:
                    saved, role = role, "other"  # 应奥方请求: the side that asked is no role of the act
                    if seen_subject or any(s.start < t.start for s in spans):
                        seen_subject = True
            if 0 < topic_end <= t.start:
                role, topic_end = saved, 0
            if 0 < topic_end:
                roles[t.start] = "other"
                continue
            if any(s.start <= t.start and t.end <= s.end and s.start < t.start for s in spans):
                roles[t.start] = role
                continue
            if any(s.start == t.start and t.end < s.end for s in spans):
                roles[t.start] = role
                continue
            if t.text in ("兼", "暨"):
                roles[t.start] = role  # 首相兼外交大臣: one title, not a verb
                continue
            marker = self._governing.get(t.text)
            starts_span = any(s.start == t.end for s in spans)
            if marker is not None and (t.tag == "p" or (marker == "agent" and t.tag in VERB_TAGS)):
                role = marker
            elif t.text in ("把", "将") and t.tag == "p":
                role = "target"  # 将两家企业列入制裁名单, 把他驱逐出境: the disposed object is the target
            elif (seen_subject and role in ("subject", "location", "other")
                  and ((marker == "partner" and len(t.text) == 1 and (starts_span or t.tag == "LOC"))
                       or any(x in t.text for x in _PARTNER_GLUED))):
                # LAC tags 同 in 卢拉10日同法国总统… as LOC, and glues 同来 (同来华访问的…) into one word
                role = "partner"
                if any(x in t.text for x in _PARTNER_GLUED) and any(x.text == "的" for x in region[n + 1:]):
                    rel_role, role = role, "other"
            elif t.tag == "p":
                role = "other"
            elif t.text == "是" and role == "subject" and not seen_subject:
                pass  # 是柬方军队首先向泰军开火: a focus mark before the subject, not a verb
            elif t.tag in VERB_TAGS and t.text not in self._status_verbs and not any(
                    s.start == t.start and s.end == t.end for s in spans):  # (对叙/v 南部: 叙 is a state)
                if role in ("partner", "target", "agent") and any(x.text == "的" for x in region[n + 1:]):
                    # 同[来华访问的]哈萨克斯坦总统: a relative clause inside the marked phrase
                    rel_role, role = role, "other"
                else:
                    role = "object"
            elif t.text == "的" and rel_role is not None:
                role, rel_role = rel_role, None
            if role == "subject" and any(s.start <= t.start < s.end for s in spans):
                seen_subject = True
            roles[t.start] = role
        return roles

    def _role_of(self, span: ActorSpan, roles: dict[int, str]) -> str:
        return self._role_at(span.start, roles)

    @staticmethod
    def _role_at(pos: int, roles: dict[int, str]) -> str:
        if pos in roles:
            return roles[pos]
        keys = [k for k in roles if k <= pos]
        return roles[max(keys)] if keys else "subject"

    def _subject_group(self, spans: list[ActorSpan], toks: list[Token]) -> list[str]:
        """The last subject span plus those joined to it by 和/及/、."""
        if not spans:
            return []
        group = [spans[-1]]
        conj = self.cues["conjunctions"] - self.cues["partner_markers"]
        for prev in reversed(spans[:-1]):
            between = [t for t in toks if prev.end <= t.start and t.end <= group[0].start]
            if between and all(t.text in conj or t.text in "（）()" for t in between):
                # 以色列和巴勒斯坦伊斯兰抵抗运动（哈马斯）代表团: a name and its short form in brackets
                group.insert(0, prev)
            else:
                break
        return [i for s in group for i in s.ids]

    def _arguments(self, doc: Document, cand: Candidate, view: ActorView, toks: list[Token],
                   ctoks: list[Token], clause: Clause, region_start: int, clauses: list[Clause],
                   clause_subjects: dict[Clause, list[str]], sentence_subject: list[str],
                   context_subject: list[str]) -> bool:
        """Fill source and target; False when the trigger turns out not to be an event (前往 + no place)."""
        ts, te = cand.start, cand.end
        entry = cand.entry
        region = [t for t in ctoks if region_start <= t.start and t.end <= ts]
        if cand.mode == "mediate" and self._text.startswith("下", te) and any(t.text == "在" for t in region):
            mediator = self._mediator(region)
            if mediator:
                # 在X的斡旋下，A与B签署协议: X mediates between the parties of the main predicate
                nxt = next((c for c in clauses if c.start >= clause.end), None)
                parties: list[str] = []
                if nxt is not None:
                    # the parties: actors before the main clause's time, place phrase or verb (A与反政府武装B
                    # 12日在X签署: LAC may read 反政府 as a verb)
                    ntoks = [t for t in toks if nxt.start <= t.start < nxt.end]
                    stop = next((t.start for t in ntoks if t.tag in ("TIME", "t") or (
                        t.tag == "p" and t.text not in self.cues["partner_markers"])), None)
                    verb = stop if stop is not None else next(
                        (t.start for t in ntoks if t.tag in VERB_TAGS and not any(
                            sp.start <= t.start < sp.end for sp in view.in_range(nxt.start, nxt.end))), nxt.end)
                    parties = [i for sp in view.in_range(nxt.start, verb) for i in sp.ids if i not in mediator]
                cand.source, cand.target = mediator, list(dict.fromkeys(parties))
                return True
        pre = [s for s in view.in_range(region_start, ts)]
        roles = self._roles(region, pre)
        pre = [s for s in pre if not _DATELINE_RX.match(self._text, s.end)]  # 新华社内罗毕7月7日电
        by_role: dict[str, list[ActorSpan]] = {}
        for s in pre:
            by_role.setdefault(self._role_of(s, roles), []).append(s)
        subjects = self._subject_group(by_role.get("subject", []), toks)
        objs_before = by_role.get("object", [])
        if objs_before:
            last = objs_before[-1]
            between = [t for t in region if t.start >= last.end]
            if all(t.tag in _GLUE_TAGS or t.text in self.cues["light_before"] or t.text in self._status_verbs
                   for t in between):
                # 谴责美韩举行联合军演: 美韩 is the object of 谴责 and the subject of 举行
                subjects = list(last.ids)
        agents = [i for s in by_role.get("agent", []) for i in s.ids]
        if not agents and any(t.text == "由" for t in region):
            # 此次交换由阿拉伯联合酋长国居中斡旋: a state the actor stage left as a place only
            agents = [view.state_id(p.country) for s, e, p in view.places_in(region_start, ts)
                      if p.country and p.precision == "country" and self._role_at(s, roles) == "agent"
                      and not any(a.start <= s < a.end for a in pre)][:1]
        targets = [i for r in ("target", "partner") for s in by_role.get(r, []) for i in s.ids]
        # objects: actor spans after the trigger, up to the next verb or 的-head
        post_toks = [t for t in ctoks if t.start >= te]
        stop = clause.end
        de_at = None
        for n, t in enumerate(post_toks):
            if t.tag == "p" and t.text not in self.cues["agent_markers"]:
                stop = t.start  # 呼吁西方国家向乌克兰提供……: 向乌克兰 belongs to the embedded action
                break
            if t.tag in VERB_TAGS:
                if n + 1 < len(post_toks) and post_toks[n + 1].text == "的":
                    continue  # 会见了到访的法国外长: 到访 modifies the object
                if t.text == "包括" and self._text.find("在内", t.end, clause.end) >= 0:
                    continue  # 逮捕了包括反对派领导人X在内的数十人: X is among the objects
                stop = t.start
                break
            if t.text == "的" and de_at is None:
                de_at = t.start
        objects: list[str] = []
        post_agents: list[str] = []
        post_spans = view.in_range(te, clause.end)
        # 由X (策划): the agent of a nominal trigger, only right after the trigger's own noun phrase
        lead = 0
        while lead < len(post_toks) and post_toks[lead].tag in ("n", "vn", "nz"):
            lead += 1
        agent_at = None
        if lead < len(post_toks) and post_toks[lead].text == "由":
            agent_at = post_toks[lead].end
        for s in post_spans:
            if agent_at is not None and s.start >= agent_at and not post_agents:
                post_agents.extend(s.ids)
            elif s.start < stop:
                objects.extend(s.ids)
        if entry.gapped:
            # actors inside a gapped trigger (宣布对伊朗实施制裁, 驱逐两名德国外交官) are its objects
            inside = [t for t in ctoks if ts <= t.start and t.end <= te]
            for span in view.in_range(ts, te):
                marker = next((t.text for t in reversed(inside) if t.end <= span.start and t.tag == "p"), None)
                if marker in self.cues["agent_markers"]:
                    post_agents.extend(span.ids)
                else:
                    objects.extend(span.ids)
        if cand.type == "ASSAULT":
            # a place attacked stands for its state (空袭加沙南部城市, 对加沙地带发动空袭)
            for start, end, place in view.places_in(te, stop) + [
                    p for p in view.places_in(region_start, ts) if self._role_at(p[0], roles) == "target"]:
                if place.country and not any(s.start <= start < s.end for s in post_spans + pre):
                    objects.append(view.state_id(place.country))
        if cand.mode == "visit" and "place" not in entry.flags and not objects and not entry.target_iso:
            # 先后访问巴库和埃里温: a visited capital or province stands for its state (as 访华 does)
            own = view.countries(subjects)
            for start, end, place in view.places_in(te, stop):
                if place.country and place.country not in own and place.country != "EUR":
                    objects.append(view.state_id(place.country))
        # relative clause: "打死一名企图暗杀俄高级官员的恐怖袭击嫌疑人" -> the agent is the head noun
        main_verb_before = any(t.tag in VERB_TAGS and t.text not in self._status_verbs for t in region
                               if not any(t.start >= s.start and t.end <= s.end for s in pre))
        if main_verb_before and de_at is not None:
            after_de = [t for t in post_toks if t.start > de_at]
            if after_de and not any(t.tag in VERB_TAGS for t in after_de):
                subjects = [i for s in post_spans if s.start > de_at for i in s.ids]
                objects = [i for s in post_spans if s.start < de_at for i in s.ids]
                agents = []
        jiu_at = next((t.end for t in region if t.text == "就"), None)
        in_topic = jiu_at is not None and any(self._text.find(w, te, clause.end) >= 0 for w in ("一事", "问题"))
        if subjects and (subjects or agents) and not in_topic:
            # (就法国领事质疑选举一事提出抗议: who did the matter is not who protests)
            clause_subjects.setdefault(clause, subjects)
        if "place" in entry.flags:
            first = next((t for t in post_toks if t.text == "的" or t.tag in VERB_TAGS), None)
            if first is not None and first.text == "的":
                return False  # 一支前往卡杜格利的援助车队: a relative clause, not a trip
            dest = self._destination(doc, view, cand, post_toks)
            if dest is None:
                return False
            objects = [dest]
        if not (subjects or agents or post_agents):
            jiu = next((t for t in region if t.text == "就"), None)
            if jiu is not None and self._text.find("一事", te, clause.end) >= 0:
                # 就爱方上周关闭俄领事处一事提出抗议: the actor after 就 did what the matter names
                first = next((sp for sp in pre if sp.start >= jiu.end), None)
                subjects = list(first.ids) if first is not None else []
        if not (subjects or agents or post_agents) and cand.type == "MOBILIZE" and cand.mode == "weapons":
            origin = next((t for t in region if t.text == "从" and t.tag == "p"), None)
            if origin is not None:
                # 从加沙地带北部向以色列南部发射的火箭弹: fired from a place, by a side of that place
                places = [p for p in view.places_in(origin.end, ts) if p[2].country]
                if places:
                    subjects = [view.state_id(places[0][2].country)]
        explicit = bool(subjects or agents or post_agents)
        if agents and not subjects and cand.light_after is None and "patient" not in entry.flags and \
                region and region[0].text in self.cues["agent_markers"]:
            # 侦察机执行任务时，遭伊方快艇拦截: the clause opens with the passive marker, its patient is
            # the subject dropped from the clause before
            subjects = [i for i in self._implicit_subject(region, clause, clauses, clause_subjects, sentence_subject,
                                                           context_subject) if i not in agents]
        if not explicit and "patient" not in entry.flags and cand.light_after is None:
            subjects = []
            if cand.type in _SPEECH_ACT_TYPES:
                # 发言人表示，朝方的挑衅……，敦促朝方回到对话: the ellipted subject is the speaker
                f = self._frame_at(ts, self._frames, self._frame_starts)
                if f is not None and f.speaker and not f.generic and f.verb_end <= clause.start:
                    subjects = [f.speaker]
                    vclause = clause_at(clauses, f.verb_start)
                    if vclause != clause and cand.sent_start <= vclause.start:
                        # 卡拉斯、土耳其外交部和伊朗外交部相继发表声明，……: every member of the list speaks
                        group = self._clause_subject(vclause)
                        if f.speaker in group:
                            subjects = group
            content = [t for t in region if t.tag not in ("TIME", "t", "d", "ad", "c", "w", "f")]
            head = "".join(t.text for t in content[:2])
            if not subjects and self._last_talks and any(head.startswith(w) for w in _BOTH_SIDES):
                subjects = list(self._last_talks)
            if not subjects:
                subjects = self._implicit_subject(region, clause, clauses, clause_subjects, sentence_subject,
                                                  context_subject, speech=cand.type in _SPEECH_ACT_TYPES)
        if subjects and explicit and not in_topic:
            clause_subjects[clause] = subjects
            if not sentence_subject:
                sentence_subject.extend(subjects)
        agents = agents + post_agents
        if cand.reference:
            # a reference sits inside another predicate: its own 由X (agent), 针对/对X (target), and the
            # actor heading its noun phrase (谴责[以色列对伊朗领事馆的]袭击: 以色列 is the agent)
            np_from = max([t.end for t in region if t.tag in VERB_TAGS or t.tag == "w"], default=region_start)
            np_agents = [i for s in pre if s.start >= np_from and self._role_of(s, roles) in ("subject", "object")
                         for i in s.ids]
            cand.source = list(dict.fromkeys(post_agents or np_agents))
            cand.target = [i for i in dict.fromkeys(targets) if i not in cand.source]
            near = [s for s in pre if not any(t.start >= s.end and t.end <= ts and (t.tag in VERB_TAGS or t.tag == "w")
                                              for t in region)]
            near_places = [p for p in view.places_in(region_start, ts)
                           if not any(t.start >= p[1] and t.end <= ts and (t.tag in VERB_TAGS or t.tag == "w")
                                      for t in region)]
            np_start = max([t.end for t in region if t.tag in VERB_TAGS or t.tag == "w"], default=region_start)
            named = [t for t in region if t.start >= np_start and t.tag in ("LOC", "ORG", "PER", "TIME")]
            cand.anchored = bool(near or near_places or named)
            tail = self._text[te:te + 6].lstrip("事件行动")
            if tail.startswith("负责") and any(t.text == "对" for t in region):
                # 卡桑旅宣布对此次袭击负责: the claimant is the attacker
                claimant = self._clause_subject(clause)
                if claimant:
                    cand.source = claimant
                    cand.target = [i for i in cand.target if i not in claimant]
                    cand.status = "claimed"
                    return True
            if near and not cand.target and not cand.source:
                cand.target = [i for s in near for i in s.ids]
            return True
        passive = any(t.text == "被" or (t.text.startswith("被") and t.tag in VERB_TAGS) for t in region)
        if "patient" in entry.flags:
            source, target = agents, subjects + objects + targets
        elif agents or (passive and not post_agents):
            # 总统恩巴洛在总统府被军人逮捕: the subject suffers the act even when the agent is no actor
            source, target = agents, subjects + objects + targets
        else:
            source, target = subjects, targets + objects
        if entry.target_iso:
            target = target + [view.state_id(entry.target_iso)]
        if "object" in entry.flags and not target and cand.mode is None:
            self._needs_object.add(id(cand))  # decided once the clause's later triggers are read
        # 召见英国驻伊朗大使: after "A驻", B is where A's envoy sits, not a party (but 召回驻肯尼亚大使:
        # with no A, the host is the one the envoy is recalled from)
        spans_here = view.in_range(region_start, clause.end)
        ends_at = {sp.end for sp in spans_here}
        hosted = {i for sp in spans_here if self._text[sp.start - 1:sp.start] == "驻" and sp.start - 1 in ends_at
                  for i in sp.ids}
        if hosted:
            target = [i for i in target if i not in hosted or i in source]
        source = list(dict.fromkeys(source))
        target = [t for t in dict.fromkeys(target) if t not in source]
        if cand.type == "MOBILIZE" and cand.mode == "weapons" and target:
            directions = {i for sp in view.in_range(region_start, clause.end)
                          for i in sp.ids if self._text.startswith(_PLACE_TAILS, sp.end)}
            target = [i for i in target if i not in directions]
        if cand.type == "MOBILIZE" and cand.mode == "weapons" and target and \
                view.countries(target) - view.countries(source):
            # 向乌克兰发射导弹 is an attack, 向东部海域发射导弹 a show of force
            cand.type, cand.mode, cand.cameo = "ASSAULT", "missile", "195"
            if "火箭弹" in self._text[ts:te]:
                cand.mode, cand.cameo = "heavy-weapons", "194"
        if "place" in entry.flags and source and target:
            if view.countries(source) and view.countries(source) == view.countries(target):
                return False  # travel inside one's own country is not a visit
        if "quoted" in entry.flags:
            # 并称哈马斯提出的修改意见“不可接受”: the speaker rejects, what is judged is the target
            f = self._frame_at(ts, self._frames, self._frame_starts)
            speaker = [f.speaker] if f is not None and f.speaker else []
            for prev in reversed([c for c in clauses if c.end <= clause.start]):
                if speaker:
                    break
                speaker = list(clause_subjects.get(prev) or self._clause_subject(prev))
            if speaker and "reported" in entry.flags and source:
                target = [i for i in source if i not in speaker]  # Y涉嫌……, Y的做法“不尊重……”: Y is accused
            if speaker:
                own = view.countries(speaker)
                # (中方对此坚决反对: 中方 is the speaker's own side; a rebel group of the same country is not)
                target = [i for i in dict.fromkeys(source + target) if i not in speaker and not (
                    view.country(i) in own and view.by_id.get(i) is not None and view.by_id[i].kind == "state")]
                source = speaker
        if not target and source and any(t.text == "其" for t in region) and any(
                t.text in ("将", "把") and t.tag == "p" for t in region):
            # 渔船擅自闯入领海，海警……将其驱离: 其 is the first other side named in the sentence
            src_c = view.countries(source)
            for prev in [c for c in clauses if c.end <= clause.start]:
                found = self._clause_subject(prev)
                if found and not view.countries(found) & src_c:
                    target = found
                    break
        if cand.type in _SPEECH_ACT_TYPES and source and not target and not cand.reference:
            # 欧方将中国企业列入制裁名单，中方对此坚决反对: the other side named earlier in the sentence
            src_c = view.countries(source)
            start = cand.sent_start
            f = self._frame_at(ts, self._frames, self._frame_starts)
            if f is not None and f.content_start < clause.start:
                start = f.content_start
            for sp in view.in_range(start, clause.start):
                found = view.countries(list(sp.ids))
                if found and not found & src_c and not self._is_outlet(view, sp):
                    target = list(sp.ids)
                    break
        if cand.type in _SPEECH_ACT_TYPES and source and not target and not cand.reference and cand.sent > 0 \
                and self._text.startswith("“", cand.sent_start):
            # 发言人说，美方一边谈一边加码……。“中方坚决反对，将采取必要措施，”她说: a quote opening the sentence
            # goes on from the same paragraph's sentence before, where the other side is named
            prev = doc.sentences[cand.sent - 1]
            if "\n" not in self._text[prev.end:cand.sent_start]:
                src_c = view.countries(source)
                for sp in view.in_range(prev.start, prev.end):
                    found = view.countries(list(sp.ids))
                    if found and not found & src_c and not self._is_outlet(view, sp):
                        target = list(sp.ids)
                        break
        if cand.type == "SANCTION" and source and not target:
            # 对原产于美国的部分产品加征关税: the state inside the 对-phrase's goods is the one sanctioned
            dui = next((t for t in reversed(region) if t.text == "对" and t.tag == "p"), None)
            if dui is not None:
                src_c = view.countries(source)
                target = next((list(sp.ids) for sp in view.in_range(dui.end, ts)
                               if view.countries(list(sp.ids)) and not view.countries(list(sp.ids)) & src_c), [])
        if cand.type == "SANCTION" and source and not target:
            # 欧盟通过第19轮制裁，宣布将禁止进口俄罗斯液化天然气: the sanctioned state is named later on
            src_c = view.countries(source)
            for sp in view.in_range(te, cand.sent_end):
                found = view.countries(list(sp.ids))
                if found and not found & src_c:
                    target = list(sp.ids)
                    break
        cand.source, cand.target = source, target
        return True

    def _is_outlet(self, view: ActorView, span: ActorSpan) -> bool:
        """A news outlet or a dateline name (中新网3月4日电): never the other side of a speech act."""
        actor = view.by_id.get(span.ids[0]) if span.ids else None
        if actor is not None and (actor.sector == "MED" or actor.kind == "location"):
            return True
        return bool(_DATELINE_RX.match(self._text, span.end)) or span.text.endswith(("网", "社", "台", "报"))

    def _destination(self, doc: Document, view: ActorView, cand: Candidate, post_toks: list[Token]) -> str | None:
        """The state visited by 前往/赴/抵达 X: X must follow the verb (了 may stand between)."""
        k = 0
        while k < len(post_toks) and post_toks[k].text in ("了", "过"):
            k += 1
        if k >= len(post_toks):
            return None
        at = post_toks[k].start
        spans = [s for s in view.in_range(at, at + 12) if s.start == at]
        if spans:
            ids = spans[0].ids
            countries = [view.country(i) for i in ids]
            if len(ids) == 1 and countries[0]:
                actor = view.by_id.get(ids[0])
                if actor is not None and actor.kind in ("state", "location") and countries[0] != "EUR":
                    return view.state_id(countries[0])
                return ids[0]
        places = [p for p in view.places_in(at, at + 16) if p[0] == at]
        if places and places[0][2].country:
            return view.state_id(places[0][2].country)
        return None

    def _implicit_subject(self, region: list[Token], clause: Clause, clauses: list[Clause],
                          clause_subjects: dict[Clause, list[str]], sentence_subject: list[str],
                          context_subject: list[str], speech: bool = False) -> list[str]:
        """Subject of a clause that names none: a pronoun's antecedent, or the previous clause's
        subject when Chinese drops it; nothing when the clause has its own (non-actor) subject.
        With ``speech`` (the trigger is a speech act), an earlier clause opening with a 对-phrase
        (对平民伤亡表示关注) names no subject, so the search goes on before it."""
        content = [t for t in region if t.tag not in ("TIME", "t", "d", "ad", "c", "w", "m", "q")]
        if content and content[0].text in self.cues["pronouns"]:
            return list(context_subject if not sentence_subject else sentence_subject)
        if content and content[0].tag in NOUNISH_TAGS | {"r"}:
            return []
        for prev in reversed([c for c in clauses if c.end <= clause.start]):
            if prev in clause_subjects:
                return list(clause_subjects[prev])
            found = self._clause_subject(prev)
            if found:
                return found
            ptoks = [t for t in self._toks if prev.start <= t.start < prev.end
                     and t.tag not in ("TIME", "t", "d", "ad", "c", "w", "m", "q", "p")]
            lead = next((t for t in self._toks if prev.start <= t.start < prev.end
                         and t.tag not in ("TIME", "t", "d", "ad", "c", "w")), None)
            nominal = bool(ptoks) and ptoks[0].tag in NOUNISH_TAGS and ptoks[0].tag not in ("PER", "ORG", "LOC")
            nominal = nominal or (lead is not None and lead.tag == "m")  # 数百名持枪分子闯入……
            if speech and lead is not None and lead.text in ("对", "就", "对于") and lead.tag == "p" and not \
                    self._view.in_range(lead.start, lead.end + 4):
                nominal = False  # 对平民伤亡表示关注，呼吁……: the appeal's subject is dropped before the 对-phrase
            if nominal and len(ptoks) > 1 and (ptoks[1].tag == "f" or ptoks[1].text in TEMPORAL_AFTER):
                nominal = False  # 行动中击毙……: a locative, not a subject
            if nominal:
                return []  # 数百名持枪分子闯入居民区，向民众开枪: the dropped subject is no actor
        return list(sentence_subject or context_subject)

    @staticmethod
    def _in_reason(text: str, sent_start: int, ts: int) -> bool:
        """Whether a trigger lies in a stated reason (……，理由是他们参与了军事行动; 以遭到袭击为由): the
        reason names an act as the motive of the sentence's predicate, not as an event told."""
        if any(text.rfind(w, sent_start, ts) >= 0 for w in _REASON_WORDS):
            return True
        by = text.find("为由", ts, ts + 24)
        if by < 0 or any(c in text[ts:by] for c in "，。；：,"):
            return False
        at = text.rfind("以", max(sent_start, ts - 24), ts)
        return at >= 0 and not any(c in text[at:ts] for c in "，。；：,") and text[at + 1:at + 3] != "色列"

    def _requested_by(self, ts: int, te: int, sent_start: int) -> bool:
        """Whether a request trigger ends an 应X(的)?请求/邀请 phrase (应奥方请求, 应法国总统马克龙邀请)."""
        at = self._text.rfind("应", max(sent_start, ts - 22), ts)
        if at < 0 or self._text[at - 1:at] in _NOT_AT_REQUEST or self._text[at + 1:at + 2] in ("对", "该", "当"):
            return False
        m = _AT_REQUEST_RX.match(self._text, at + 1, te)
        return m is not None and m.end() == te

    def _at_request(self, tok: Token, end: int) -> bool:
        """Whether a token opens 应X(的)?请求/邀请 (斯方已应奥方请求，……: LAC glues 已应 into an adverb);
        the actor after it asked, the subject before it acts."""
        if not (tok.text.endswith("应") and len(tok.text) <= 2 and tok.tag in ("d", "p", "v")):
            return False
        return _AT_REQUEST_RX.match(self._text, tok.end, min(end, tok.end + 24)) is not None

    def _clause_subject(self, clause: Clause) -> list[str]:
        """Subject actors of a clause without triggers: actor spans before its first verb and preposition."""
        view, toks = self._view, self._toks
        spans = view.in_range(clause.start, clause.end)
        if not spans:
            return []
        first_stop = next((t.start for t in toks if clause.start <= t.start < clause.end
                           and (t.tag in VERB_TAGS or t.tag == "p" or self._at_request(t, clause.end) or (
                               t.text == "就" and any(
                                   self._text.find(w, t.end, clause.end) >= 0 for w in ("一事", "问题"))))),
                          clause.end)  # (就X一事提出抗议: LAC tags 就 as an adverb; X is the topic)
        subj = [s for s in spans if s.end <= first_stop]
        return self._subject_group(subj, toks) if subj else []

    # ------------------------------------------------------------------ date, place, attribution
    def _date(self, cand: Candidate, clause: Clause, sent_times: list[TimeExpr],
              context_date: tuple[str, str | None, str] | None, doc: Document) -> None:
        def pick(ts: list[TimeExpr]) -> TimeExpr | None:
            before = [t for t in ts if t.end <= cand.start]
            return before[-1] if before else (ts[0] if ts else None)

        if len(sent_times) > 1:
            # 于13日至16日: the span is the date (from its start), not its last day told apart
            spans = [t for t in sent_times if t.kind == "interval"]
            if spans:
                sent_times = [t for t in sent_times if not any(
                    u is not t and u.start <= t.start and t.end <= u.end for u in spans)]
        # 在2028年底之前不再……: a deadline, not the date of the act
        firm = [t for t in sent_times if t.kind != "vague" and not (
            self._text.startswith(("之前", "以前"), t.end) and self._text[max(0, t.start - 1):t.start] == "在")]
        vague = [t for t in sent_times if t.kind == "vague"]
        in_clause = [t for t in firm if clause.start <= t.start < clause.end]
        if "reported" in cand.entry.flags:
            # 奥方称，俄情报机构涉嫌策划上月……的枪杀案: a time after the trigger dates the act accused
            in_clause = [t for t in in_clause if t.end <= cand.start]
        choice: tuple[TimeExpr | None, str] = (pick(in_clause), "clause")
        if choice[0] is None:
            # a time in a later clause dates that clause (召见了代办，就爱方上周关闭领事处一事……)
            earlier = [t for t in firm if t.end <= cand.start]
            # 在X的斡旋下，双方10日签署……: the mediation is dated by the main predicate it frames
            framing = cand.mode == "mediate" and self._text.startswith("下", cand.end)
            later = [t for t in firm if t.start >= cand.end] if framing else []
            if "reported" in cand.entry.flags:
                firm = []  # the days of the reported content date the act accused, not the accusation
            choice = (later[0] if later else pick(earlier or ([] if context_date else firm)), "sentence")
        if choice[0] is None:
            choice = (pick([t for t in vague if clause.start <= t.start < clause.end]), "vague")
        if choice[0] is not None:
            d = _date_of(choice[0])
            if d:
                cand.date, cand.date_end, cand.date_precision = d
                cand.date_rank = DATE_RANK[choice[1]]
                return
        if context_date is not None:
            cand.date, cand.date_end, cand.date_precision = context_date
            cand.date_rank = DATE_RANK["inherited"]
        elif doc.published:
            cand.date, cand.date_end, cand.date_precision = doc.published, None, "publication"
            cand.date_rank = DATE_RANK["publication"]

    def _place(self, cand: Candidate, view: ActorView, clause: Clause, doc: Document) -> None:
        """Where: a place after 在/于/赴 (or before 境内/附近) in the clause, else earlier in the sentence;
        the most specific place wins (迈阿密 over 佛罗里达州, 莫斯科 over 俄罗斯), then the nearest."""
        best = self._marked_place(cand, view, clause.start, clause.end, doc)
        if best is None:
            best = self._marked_place(cand, view, cand.sent_start, cand.start, doc)
        if best is None and cand.light_after is not None:
            # 美乌新一轮会谈，在迈阿密市附近举行: the place is in the light verb's clause
            best = self._marked_place(cand, view, cand.end, cand.sent_end, doc)
        if best is None:
            return
        place = best[2]
        cand.location = {"name": place.name, "country": place.country, "lat": place.lat, "lon": place.lon}
        if place.precision:
            cand.location["precision"] = place.precision

    def _marked_place(self, cand: Candidate, view: ActorView, start: int, end: int,
                      doc: Document) -> tuple[int, int, Any] | None:
        places = view.places_in(start, end)
        if not places:
            return None
        text = doc.text
        markers = self.cues["location_markers"]
        marked = []
        for pstart, pend, place in places:
            lead = text[max(start, pstart - 4):pstart]
            tail = text[pend:pend + 2]
            ok = any(mk in lead for mk in markers) or any(tail.startswith(w) for w in self.cues["location_after"])
            if "place" in cand.entry.flags and pstart >= cand.end:
                ok = True
            if ok:
                marked.append((pstart, pend, place))
        if not marked:
            # a place heading the clause before the trigger is where it happened (孟买发生连环爆炸),
            # unless it only modifies an actor (伊拉克警方, 美军)
            actors = [a for a in view.in_range(start, end) if a.kind not in ("location", None)]
            marked = [(ps, pe, pl) for ps, pe, pl in places
                      if pe <= cand.start and text[pe:pe + 1] not in _ACTOR_HEADS
                      and (any(w in text[pe:cand.start] for w in _EXISTENTIAL)  # 伊拉克30日发生袭击
                           or (pl.precision != "country" and not any(a.start <= ps < a.end for a in actors)))]
            if not marked:
                return None
        return min(marked, key=lambda p: (-_PLACE_RANK.get(p[2].precision or "", 1), abs(p[0] - cand.start)))

    def _attribution_frames(self, doc: Document, sent: Sentence) -> list[tuple[int, int, list[str]]]:
        """(start, end, sources) of 据……报道-style frames in a sentence."""
        out = []
        text = doc.text[sent.start:sent.end]
        for rx in self.cues.attribution_frames:
            for m in rx.finditer(text):
                srcs = [self._clean_source(m.group(g)) for g in ("src", "src2") if g in rx.groupindex and m.group(g)]
                srcs = [s for s in srcs if s and s not in self.cues["self_sources"]
                        and not any(s.startswith(x) for x in self.cues["self_sources"])]
                if srcs:
                    out.append((sent.start + m.start(), sent.start + m.end(), srcs))
        return out

    def _clean_source(self, src: str) -> str:
        src = src.strip("《》 ")
        if src.startswith("据"):
            src = src[1:]
        if "援引" in src or "为消息源" in src or src.endswith("据"):
            return ""  # a whole chain read by a shorter frame; its parts come from the chain frames
        src = src.removesuffix("的")
        changed = True
        while changed:
            changed = False
            for lead in self.cues["attribution_trim"]:
                if src.startswith(lead) and len(src) > len(lead) + 1:
                    src, changed = src[len(lead):], True
        return src.strip("《》 ")

    def _attribution(self, ts: int, attributions: list[tuple[int, int, list[str]]], frames: list[SpeechFrame],
                     frame_starts: list[int]) -> list[str]:
        out: list[str] = []
        for s, e, srcs in attributions:
            if e <= ts:
                out.extend(srcs)
        f = self._frame_at(ts, frames, frame_starts)
        if f is not None and f.speaker_text and f.speaker_text not in self.cues["self_sources"]:
            out.append(f.speaker_text)
        return list(dict.fromkeys(out))

    @staticmethod
    def _confidence(cand: Candidate) -> float:
        conf = cand.entry.conf
        if not cand.source:
            conf *= 0.85
        if not cand.target and "patient" not in cand.entry.flags:
            conf *= 0.92
        if cand.date_rank >= DATE_RANK["sentence"]:
            conf += 0.04
        if cand.status == "hypothetical":
            conf *= 0.6
        elif cand.status in ("claimed", "planned"):
            conf *= 0.95
        if cand.reference:
            conf *= 0.7
        return round(max(0.05, min(0.98, conf)), 3)

"""Discourse context for quotes: speaker-span trimming, pronoun and demonstrative antecedents,
statement issuers and document-stated gender (quotes.yaml).

- A speaker region (the words before a speech verb) is trimmed of 据, fronted and trailing
  locative/temporal/addressee phrases (在…上/时/中, 当天, N日, 对记者, 接受…采访时) before it is matched.
- 他/她/其 stand for the nearest preceding person in subject position (speaker or not); 她 skips a
  person the document calls male and 他 one it calls female (女士, 夫人X, 先生 …); names are never
  used to guess a gender.
- 该党/该组织/该国 stand for the nearest preceding organisation/group/state whose name fits the head.
- 声明说/公报称/报道称 stand for the issuer named a few sentences before (X发表声明, 据X发布的公报).
"""
from __future__ import annotations

import bisect
import logging
import re
from dataclasses import dataclass, field
from functools import lru_cache
from operator import itemgetter
from pathlib import Path
from typing import Iterable


from jishi.actors.kb import lengths_by
from jishi.document import Document, Sentence, Token
from jishi.errors import KnowledgeError
from jishi.events.actorview import ActorSpan, ActorView
from jishi.events.ontology import DATA_DIR, read_yaml

log = logging.getLogger(__name__)

_LIST_KEYS = (
    "person_pronouns", "female_pronouns", "male_pronouns", "female_after", "female_before",
    "female_title_prefix", "male_after", "male_before", "pp_starters", "pp_verbs", "pp_closers",
    "attribution_preps", "leading_words", "demonstratives", "state_heads", "org_heads", "org_type_words",
    "statement_nouns", "publish_verbs", "statement_verbs", "attributing_verbs", "agent_heads",
    "spokesperson_heads", "agent_tags", "speaker_time_words", "postposed_verbs", "speaker_org_not_first",
)
_ACTOR_DATA = DATA_DIR.parent / "actors"
# tags that may stand before a subject in its clause (noun-phrase material, times, adverbs, conjunctions)
_SUBJECT_BLOCK_TAGS = frozenset({"v", "vd", "p"})
_SKIP_TAGS = frozenset({"TIME", "t", "w"})
_LEAD_TAGS = frozenset({"TIME", "t", "c", "w"})


def _first_column(path: Path) -> frozenset[str]:
    """The first TSV column of a data file (comment lines skipped); empty when the file is absent."""
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except OSError:
        log.warning("quotes: %s not readable, continuing without it", path)
        return frozenset()
    return frozenset(ln.split("\t", 1)[0].strip() for ln in lines if ln.strip() and not ln.startswith("#"))


def _named_org_suffixes(path: Path) -> dict[str, str]:
    """Organisation words of org_suffixes.tsv that may end an unknown organisation's name (use
    "name" or "both"), with their sector; empty when the file is absent."""
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except OSError:
        return {}
    out: dict[str, str] = {}
    for ln in lines:
        cols = ln.split("\t")
        if ln.startswith("#") or len(cols) < 6 or cols[5].strip() not in ("name", "both"):
            continue
        if cols[4].strip() == "organization" and len(cols[0].strip()) >= 2:
            out[cols[0].strip()] = cols[3].strip()
    return out


class SuffixTable:
    """A word list answering "which word does this text end with" by one set lookup per word length.

    Args:
        words: the words.
    """

    def __init__(self, words: Iterable[str]) -> None:
        self.words = frozenset(words)
        # the lengths (longest first) of the words ending with each character: a text ending with a
        # character no word ends with (the usual case) needs no slicing at all
        self._by_last = lengths_by((w for w in self.words if w), itemgetter(-1))
        self._empty = "" in self.words

    def longest(self, text: str, min_len: int = 0, max_len: int | None = None) -> str | None:
        """The longest word that ``text`` ends with.

        Args:
            text: the text.
            min_len: shortest word length considered.
            max_len: longest word length considered (default: any).

        Returns:
            The word, or None when the text ends with none.
        """
        n = len(text)
        top = n if max_len is None else min(n, max_len)
        words = self.words
        for size in self._by_last.get(text[-1:], ()) if n else ():
            if size > top:
                continue
            if size < min_len:
                break
            tail = text[n - size:]
            if tail in words:
                return tail
        if self._empty and min_len <= 0 <= top:
            return ""  # (an empty word ends every text)
        return None


class QuoteCues:
    """Word lists of quotes.yaml, plus titles and organisation words of the actor data (read-only).

    Args:
        data_dir: folder holding quotes.yaml.
    """

    def __init__(self, data_dir: Path = DATA_DIR) -> None:
        path = data_dir / "quotes.yaml"
        raw = read_yaml(path, list_keys=_LIST_KEYS)
        self.sets: dict[str, frozenset[str]] = {k: frozenset(map(str, raw[k])) for k in _LIST_KEYS}
        # the same lists as tuples, for str.startswith/endswith
        self.tuples: dict[str, tuple[str, ...]] = {k: tuple(sorted(v)) for k, v in self.sets.items()}
        self.issuer_window = int(raw.get("issuer_window", 3))
        titles = _first_column(_ACTOR_DATA / "titles.tsv")
        suffixes = _first_column(_ACTOR_DATA / "org_suffixes.tsv")
        self.agent_heads = tuple(sorted(self.sets["agent_heads"] | titles | suffixes, key=len, reverse=True))
        self.titles = titles
        self.agent_head_table = SuffixTable(self.agent_heads)
        self.title_table = SuffixTable(titles)
        self.time_word_table = SuffixTable(self.sets["speaker_time_words"])
        org_words = raw.get("speaker_org_suffixes") or {}
        if not isinstance(org_words, dict):
            raise KnowledgeError("quotes.yaml: speaker_org_suffixes must be a mapping", path=str(path))
        named = _named_org_suffixes(_ACTOR_DATA / "org_suffixes.tsv")
        named.update({str(k): str(v) for k, v in org_words.items()})
        # organisation word -> sector, longest first (警察局 before 局)
        self.org_suffixes: tuple[tuple[str, str], ...] = tuple(
            sorted(named.items(), key=lambda kv: len(kv[0]), reverse=True))
        self.org_suffix_table = SuffixTable(named)
        self.org_sector: dict[str, str] = dict(named)
        heads = "|".join(sorted(map(re.escape, self.sets["org_heads"]), key=len, reverse=True))
        types = "|".join(sorted(map(re.escape, self.sets["org_type_words"]), key=len, reverse=True))
        # “团结国民运动”党 / 医疗机构“苏丹医生网络”: organisations named in quotation marks
        self.quoted_org = re.compile(rf"“([^“”，。]{{2,20}})”(?:{heads})|(?:{types})“([^“”，。]{{2,20}})”")

    def __getitem__(self, key: str) -> frozenset[str]:
        return self.sets[key]


@lru_cache(maxsize=2)
def load_quote_cues(data_dir: Path = DATA_DIR) -> QuoteCues:
    """The quote cues, read once per process."""
    return QuoteCues(data_dir)


@dataclass(frozen=True)
class Head:
    """A trimmed speaker region: its tokens and offsets (start == end when nothing is left)."""

    tokens: tuple[Token, ...]
    start: int
    end: int

    @property
    def text(self) -> str:
        return "".join(t.text for t in self.tokens if t.tag not in _SKIP_TAGS)


def trim_speaker(region: list[Token], qc: QuoteCues) -> Head:
    """The speaker part of the words before a speech verb.

    Drops leading connectives and times, 据, a fronted 在…时/上/中 phrase, then stops at the first
    preposition or phrase verb that follows the speaker (在/对/向/通过/接受…采访) or at a publishing
    verb (X发表声明说 -> X).

    Args:
        region: the tokens between the clause start and the speech verb.
        qc: quote cues.

    Returns:
        The head; its text is empty when the region names no speaker.
    """
    toks = region
    n = len(toks)
    i = 0
    while i < n:
        t = toks[i]
        if t.tag in _LEAD_TAGS or t.text in qc["leading_words"] or (
                t.text in qc["attribution_preps"] and t.tag == "p"):
            i += 1
            continue
        if t.text in qc["pp_starters"] and t.tag == "p":
            j = next((k for k in range(i + 1, n) if toks[k].text in qc["pp_closers"]), None)
            if j is not None:
                i = j + 1
                continue
        break
    j = i
    while j < n:
        t = toks[j]
        if j > i and ((t.text in qc["pp_starters"] and t.tag == "p")
                      or (t.text in qc["pp_verbs"] and t.tag.startswith("v"))
                      or (t.text in qc["publish_verbs"] and t.tag.startswith("v"))):
            break
        j += 1
    head = _drop_times(toks[i:j], toks[j] if j < n else None, qc)
    if len(head) > 1 and head[0].text in qc["person_pronouns"] | {"他们", "她们"} and head[1].tag in ("v", "vd"):
        head = head[:1]  # 他计划在会面时重申: the pronoun is the subject, 计划 its verb
    while head and (head[-1].tag in ("d", "ad", "c", "w", "u") or head[-1].text in qc["leading_words"]):
        head.pop()
    if not head:
        pos = toks[i].start if i < n else (toks[-1].end if toks else 0)
        return Head((), pos, pos)
    return Head(tuple(head), head[0].start, head[-1].end)


def _drop_times(toks: list[Token], after: Token | None, qc: QuoteCues) -> list[Token]:
    """The speaker tokens without times: TIME tokens, time nouns (当地时间), a bracketed date after a
    time (今天（8月21日）), and the first character of a time word LAC glued to the name before it
    (内塔尼亚胡同/一天 -> 内塔尼亚胡)."""
    times = qc["speaker_time_words"]
    out: list[Token] = []
    depth = 0
    for k, t in enumerate(toks):
        if t.text in ("（", "("):
            inner = []
            for u in toks[k + 1:]:
                if u.text in ("）", ")"):
                    break
                inner.append(u)
            if inner and all(u.tag in ("TIME", "t", "m", "q", "w") for u in inner):
                depth = 1
                continue
        if depth:
            if t.text in ("）", ")"):
                depth = 0
            continue
        if t.tag in ("TIME", "t") or t.text in times:
            continue
        glued = qc.time_word_table.longest(t.text, min_len=2, max_len=len(t.text) - 1)
        if glued is not None and t.tag in ("PER", "LOC", "nz", "ORG", "n"):
            t = Token(t.text[:-len(glued)], t.tag, t.start, t.end - len(glued))  # 胡当天/PER -> 胡
        nxt = toks[k + 1] if k + 1 < len(toks) else after
        if nxt is not None and nxt.start == t.end and len(t.text) > 2 and (
                nxt.tag in ("TIME", "t") or nxt.text in times):
            cut = next((m for m in (1, 2) if t.text[-m:] + nxt.text in times), 0)
            if cut:
                t = Token(t.text[:-cut], t.tag, t.start, t.end - cut)
        out.append(t)
    return out


def gender_of_persons(doc: Document, view: ActorView, qc: QuoteCues) -> dict[str, str]:
    """Genders the document itself states: ``{"person id": "f" | "m"}``.

    A cue word right after a mention (女士, 先生), right before it (夫人彭丽媛), or a title beginning with
    a gendered word (女外长X). Conflicting cues leave the person out.

    Args:
        doc: the document.
        view: its actor spans.
        qc: quote cues.

    Returns:
        Person ids with a stated gender.
    """
    text = doc.text
    titles = qc.agent_head_table.words
    female_after, male_after = qc.tuples["female_after"], qc.tuples["male_after"]
    female_before, male_before = qc.tuples["female_before"], qc.tuples["male_before"]
    title_prefixes = qc["female_title_prefix"]
    starts: set[int] | None = None  # word starts: 女 must begin a word (not 妇女); built when first needed
    found: dict[str, set[str]] = {}
    for span in view.spans:
        ids = [i for i in span.ids if view.is_person(i)]
        if len(ids) != 1:
            continue
        after2, after1 = text[span.end:span.end + 2], text[span.end:span.end + 3]
        before = text[max(0, span.start - 4):span.start]
        marks: set[str] = set()
        if after2.startswith(female_after) or after1.startswith(female_after):
            marks.add("f")
        if after2.startswith(male_after):
            marks.add("m")
        if before.endswith(female_before):
            marks.add("f")
        if before.endswith(male_before):
            marks.add("m")
        # 女外长X / 女总统X: a title written with 女 right before the name (not 妇女代表团团长X)
        k = span.start - 1
        if title_prefixes.isdisjoint(text[max(0, span.start - 6):span.start]):
            k = -1  # no gendered character in reach
        while k >= max(0, span.start - 6) and text[k] not in "，。、；：“”（）() \n":
            if text[k] in qc["female_title_prefix"]:
                if starts is None:
                    starts = {t.start for sent in doc.sentences for t in sent.tokens}
                if k in starts and text[k + 1:span.start] in titles:
                    marks.add("f")
                    break
            k -= 1
        found.setdefault(ids[0], set()).update(marks)
    return {pid: next(iter(m)) for pid, m in found.items() if len(m) == 1}


@dataclass
class Discourse:
    """What a quote's speaker may refer back to, built while the sentences are read in order.

    Args:
        doc: the document.
        view: its actor spans.
        qc: quote cues.
    """

    doc: Document
    view: ActorView
    qc: QuoteCues
    subjects: list[tuple[int, str, str]] = field(default_factory=list)  # (offset, person id, text)
    issuers: dict[str, tuple[int, str | None, str]] = field(default_factory=dict)  # noun -> (sentence, id, text)
    gender: dict[str, str] = field(default_factory=dict)
    speakers: list[tuple[int, str | None, str]] = field(default_factory=list)  # (verb offset, id, text)
    contents: list[tuple[int, int]] = field(default_factory=list)  # reported words: no antecedents there
    # 联黎部队 -> (actor id or None, full name, its offset)
    short_forms: dict[str, tuple[str | None, str, int]] = field(default_factory=dict)

    def __post_init__(self) -> None:
        self.gender = gender_of_persons(self.doc, self.view, self.qc)
        self._starts: list[int] = []
        # (sentence start, end) -> its spans in subject position (add_subjects reads a sentence twice)
        self._subject_spans: dict[tuple[int, int], list[ActorSpan]] = {}

    # --- subjects -----------------------------------------------------------------------------
    def add_subjects(self, sent: Sentence, skip: list[tuple[int, int]], lo: int | None = None,
                     hi: int | None = None) -> None:
        """Record the persons in subject position of a sentence's clauses (not inside ``skip`` spans:
        quoted words and reported contents).

        A person is in subject position when no verb or preposition stands before it in its clause,
        the title written right before the name aside (欧盟…高级代表卡拉斯: LAC tags 代表 as a verb), and
        与/和/同 count as prepositions only after a first actor (A与B会谈: B is no subject).

        Args:
            sent: the sentence.
            skip: (start, end) spans whose persons are not main-clause subjects.
            lo: record only persons starting at or after this offset (default: the sentence start).
            hi: record only persons starting before this offset (default: the sentence end).
        """
        text = self.doc.text
        lo = sent.start if lo is None else lo
        hi = sent.end if hi is None else hi
        key = (sent.start, sent.end)
        spans = self._subject_spans.get(key)
        if spans is None:
            spans = self._subject_spans[key] = self._subject_position_spans(sent)
        for span in spans:
            if not lo <= span.start < hi:
                continue
            if any(s <= span.start < e for s, e in skip):
                continue
            if text[span.end:span.end + 1] in ("的", "之"):
                continue  # a modifier: 古特雷斯的发言人迪雅里克
            persons = [i for i in span.ids if self.view.is_person(i)]
            if len(persons) == 1:
                self.add_subject(span.start, persons[0], span.text)

    def _subject_position_spans(self, sent: Sentence) -> list[ActorSpan]:
        """The actor spans of a sentence with no verb or preposition before them in their clause
        (see :meth:`add_subjects`)."""
        spans = self.view.in_range(sent.start, sent.end)
        if not spans:
            return []
        # only clause breaks and verbs/prepositions change the walk (the tokens are in text order)
        toks = [t for t in sent.tokens if t.tag in _SUBJECT_BLOCK_TAGS or (
            t.tag == "w" and t.text and t.text[0] in "，,；;：:。！？")]
        out: list[ActorSpan] = []
        k = 0
        blocked = False
        seen_actor = False
        clause_start = sent.start
        for span in spans:
            title_start: int | None = None  # where the title before the span begins (read when needed)
            # walk the tokens up to the span, noting clause breaks and blocking verbs/prepositions
            while k < len(toks) and toks[k].end <= span.start:
                t = toks[k]
                if t.tag == "w" and t.text and t.text[0] in "，,；;：:。！？":
                    blocked, seen_actor, clause_start = False, False, t.end
                    k += 1
                    continue
                if title_start is None:
                    title_start = span.start - self._title_before(span.start)
                if t.tag in _SUBJECT_BLOCK_TAGS and t.start < title_start:
                    if t.tag != "p" or t.text not in ("与", "和", "同", "及") or seen_actor:
                        blocked = True
                k += 1
            if not blocked and span.start >= clause_start:
                seen_actor = True
                out.append(span)
        return out

    def _title_before(self, pos: int) -> int:
        """Length of the title (titles.tsv, agent heads) written right before offset ``pos``."""
        head = self.qc.agent_head_table.longest(self.doc.text[max(0, pos - 8):pos], min_len=2)
        return len(head) if head is not None else 0

    def add_subject(self, pos: int, pid: str, text: str) -> None:
        """Record one person in subject position (also a resolved pronoun, so chains carry on)."""
        i = bisect.bisect_right(self._starts, pos)
        self._starts.insert(i, pos)
        self.subjects.insert(i, (pos, pid, text))

    def resolve_pronoun(self, pron: str, pos: int) -> tuple[str, str] | None:
        """The person a 他/她/其 at ``pos`` stands for: the nearest preceding subject whose stated
        gender does not contradict the pronoun.

        Args:
            pron: the pronoun.
            pos: its offset.

        Returns:
            (person id, text of the antecedent mention), or None.
        """
        i = bisect.bisect_left(self._starts, pos) - 1
        bad = "m" if pron in self.qc["female_pronouns"] else "f" if pron in self.qc["male_pronouns"] else None
        while i >= 0:
            _, pid, text = self.subjects[i]
            if bad is None or self.gender.get(pid) != bad:
                return pid, text
            i -= 1
        return None

    # --- demonstratives ------------------------------------------------------------------------
    def resolve_demonstrative(self, phrase: str, pos: int, sent_index: int) -> tuple[str | None, str] | None:
        """The actor or organisation a demonstrative noun phrase (该党, 该组织, 该国) stands for.

        Args:
            phrase: the speaker phrase, e.g. "该党".
            pos: its offset.
            sent_index: index of its sentence in doc.sentences.

        Returns:
            (actor id or None, text), or None when the phrase is not demonstrative or has no antecedent.
        """
        qc = self.qc
        det = next((d for d in sorted(qc["demonstratives"], key=len, reverse=True) if phrase.startswith(d)), None)
        if det is None:
            return None
        head = phrase[len(det):]
        if not head:
            return None
        is_state = head in qc["state_heads"]
        if not is_state and not any(head.endswith(h) for h in qc["org_heads"]):
            return None
        lo = self.doc.sentences[max(0, sent_index - 3)].start
        text = self.doc.text
        generic = head in qc["org_type_words"] or head in ("组织", "机构")
        media = head in ("媒体", "网站", "报", "电视台", "通讯社")
        best: tuple[int, str | None, str] | None = None
        for vpos, sid, stext in self.speakers:
            if not lo <= vpos < pos or is_state:
                continue
            kinds = {self.view.by_id[sid].kind} if sid in self.view.by_id else set()
            if stext.endswith(head) or (generic and (kinds & {"organization", "group"} or any(
                    stext.endswith(h) for h in qc["org_heads"]))):
                best = (vpos, sid, stext)
        for span in self.view.in_range(lo, pos):
            if any(s <= span.start < e for s, e in self.contents):
                continue  # 卫生部门称，以军……。该部门称: 以军 is what was said, not who said it
            kinds = {self.view.by_id[i].kind for i in span.ids if i in self.view.by_id} or {span.kind}
            if not media and any(self.view.by_id[i].sector == "MED" for i in span.ids if i in self.view.by_id):
                continue  # 央视网消息：… is where the news came from, not an organisation it talks about
            if is_state:
                ok = "state" in kinds
            else:
                ok = bool(kinds & {"organization", "group"}) and (span.text.endswith(head) or generic)
            if ok and len(span.ids) == 1 and (best is None or span.start > best[0]):
                best = (span.start, span.ids[0], self.view.by_id[span.ids[0]].name
                        if span.ids[0] in self.view.by_id else span.text)
        if not is_state:
            for m in qc.quoted_org.finditer(text, lo, pos):
                name = m.group(1) or m.group(2)
                whole = m.group(0)
                if m.group(1) is not None and not whole.endswith(head) and head not in ("组织", "机构"):
                    continue
                if best is None or m.start() >= best[0]:
                    best = (m.start(), None, name if m.group(2) else whole.replace("“", "").replace("”", ""))
        return (best[1], best[2]) if best else None

    # --- statements ----------------------------------------------------------------------------
    def add_issuer(self, noun: str, sent_index: int, speaker: str | None, text: str) -> None:
        """Record who issued a statement (report, communiqué) named in sentence ``sent_index``."""
        self.issuers[noun] = (sent_index, speaker, text)

    def issuer(self, phrase: str, sent_index: int) -> tuple[str | None, str] | None:
        """The issuer a statement noun phrase (声明, 该声明, 这份公报) stands for, when it was named in
        the last few sentences."""
        qc = self.qc
        for det in sorted(qc["demonstratives"] | {"这份", "该份", "一份", "这篇", "该篇"}, key=len, reverse=True):
            if phrase.startswith(det):
                phrase = phrase[len(det):]
                break
        if phrase not in qc["statement_nouns"]:
            return None
        found = self.issuers.get(phrase)
        if found is None or sent_index - found[0] > qc.issuer_window:
            return None
        return found[1], found[2]


def statement_nouns_after(toks: list[Token], k: int, qc: QuoteCues) -> str | None:
    """The statement noun a publishing verb at token ``k`` governs (发表声明, 发布的公报), if any."""
    for t in toks[k + 1:k + 5]:
        if t.text in qc["statement_nouns"]:
            return t.text
        if t.tag == "w" and t.text in "，。；：,;:":
            return None
    return None


def is_agentive(phrase: str, qc: QuoteCues) -> bool:
    """Whether a speaker phrase can speak: it ends with a person, office or organisation word."""
    return qc.agent_head_table.longest(phrase) is not None


def actor_named(view: ActorView, phrase: str) -> ActorSpan | None:
    """An actor of the document whose name (or a mention's text) the phrase is or ends with
    (LAC may glue the name to what follows, so the actor stage missed this mention)."""
    best: tuple[int, str] | None = None
    for actor in view.by_id.values():
        for name in {actor.name} | {view.doc.text[s:e] for s, e in actor.mentions[:5]}:
            if name and len(name) >= 2 and phrase.endswith(name) and (best is None or len(name) > best[0]):
                best = (len(name), actor.id)
    if best is None:
        return None
    actor = view.by_id[best[1]]
    return ActorSpan(0, 0, (actor.id,), phrase[-best[0]:], actor.kind)


_SHORT_FORM = re.compile(r"[（(]([\u4e00-\u9fff]{2,8})[）)]")
_NAME_BREAKS = "，。；：、！？,;:!?“”\n（）()"


def short_forms(doc: Document, view: ActorView, qc: QuoteCues) -> dict[str, tuple[str | None, str, int]]:
    """Short forms the document defines: 全称（简称）, the bracket right after a mention of one actor, or
    after an organisation name no actor covers (联合国驻黎巴嫩临时部队（联黎部队）).

    Args:
        doc: the document.
        view: its actor spans.
        qc: quote cues (organisation words).

    Returns:
        ``{short form: (actor id or None, full name, offset of the full name)}``.
    """
    out: dict[str, tuple[str | None, str, int]] = {}
    text = doc.text
    ends = {s.end: s for s in view.spans if len(s.ids) == 1}
    for m in _SHORT_FORM.finditer(text):
        short = m.group(1)
        if short in out or short.endswith(("日", "月", "年", "时")):
            continue
        span = ends.get(m.start())
        if span is not None:
            full, aid, start = span.text, span.ids[0], span.start
        else:
            start = m.start()
            while start > 0 and m.start() - start < 20 and text[start - 1] not in _NAME_BREAKS:
                start -= 1
            full = text[start:m.start()]
            lead = next((w for w in sorted(qc["attribution_preps"] | qc["pp_starters"], key=len, reverse=True)
                         if full.startswith(w)), "")
            full, start, aid = full[len(lead):], start + len(lead), None
            if qc.org_suffix_table.longest(full) is None:
                continue
        # a short form keeps characters of the full name (联黎部队 from 联合国驻黎巴嫩临时部队)
        if short != full and len(full) > len(short) and sum(ch in full for ch in short) * 2 >= len(short):
            out[short] = (aid, full, start)
    return out

"""Quotes: who said what, as direct quotes (“…” governed by a speech verb) or paraphrases.

A speech verb (表示, 称, 说, 指出 …, cues.yaml) not itself inside quotation marks opens a speech act.
Its speaker is the subject before the verb in the same clause (a person preferred over the state in
"美国国务卿鲁比奥"); 他/她 stand for the last named person who spoke; a clause with no subject
inherits the sentence's subject (普京……，称……). What follows the verb is the content:

- “…” right after the verb and ending the sentence → ``kind="direct"`` (text without the marks; it
  may span several sentences);
- anything else → ``kind="paraphrase"`` up to the sentence end or the next speech act; quotation
  marks inside a paraphrase stay in its text, and a quoted fragment that reads as speech (has a verb,
  adverb or inner punctuation, or is long, and does not run straight into more words) is also kept as
  a direct quote of its own.

Quotation marks that no speech verb governs are names, titles, slogans or scare quotes (“和平计划”,
“空军一号”, “罗生门”, “冻结”) and are never quotes.
"""
from __future__ import annotations

import logging
from dataclasses import dataclass

from jishi.document import Document, Quote, Sentence, Token
from jishi.events.actorview import ActorSpan, ActorView
from jishi.events.cues import Cues
from jishi.events.spans import CLAUSE_BREAKS, SENTENCE_END, QuoteIndex, find_quote_pairs, tokens_in

log = logging.getLogger(__name__)

_NP_TAGS = frozenset({"n", "nz", "m", "q", "ORG", "PER", "nw", "an", "j"})
_SPEECHY_TAGS = frozenset({"v", "vd", "d", "ad", "c"})
_ADVERB_TAGS = frozenset({"d", "ad", "c", "TIME", "t", "p", "f", "w", "r", "u"})
_LEFT_NP_TAGS = frozenset({"m", "q"})
# a bare speech verb after these is inside a noun phrase (所有声称拥有的土地), not a speech act
_NOT_BEFORE_BARE = frozenset({"所", "所有", "的", "被", "曾经", "一度"})


@dataclass(frozen=True)
class SpeechFrame:
    """A speech act: the verb, its speaker and the span of what was said (used for attribution)."""

    verb_start: int
    verb_end: int
    content_start: int
    content_end: int
    speaker: str | None
    speaker_text: str
    generic: bool


def _speech_verb_at(toks: list[Token], i: int, cues: Cues) -> tuple[str, int] | None:
    """The speech verb starting at token i (one token, or two written together: 发文+说), with the
    index of its last token."""
    verbs = cues["speech_verbs"]
    if i + 1 < len(toks) and toks[i].text + toks[i + 1].text in verbs and toks[i].end == toks[i + 1].start:
        return toks[i].text + toks[i + 1].text, i + 1
    tok = toks[i]
    if tok.text in verbs and tok.tag in ("v", "vd"):
        return tok.text, i
    return None


def _is_not_speech(text: str, start: int, end: int, cues: Cues) -> bool:
    """True when the verb is part of a fixed phrase such as 坦白说, 据说, 被称为."""
    lo = max(0, start - 3)
    window = text[lo:end + 3]
    for phrase in cues["speech_not"]:
        k = window.find(phrase)
        while k >= 0:
            ps, pe = lo + k, lo + k + len(phrase)
            if ps < end and start < pe:
                return True
            k = window.find(phrase, k + 1)
    return False


def _speaker_region_roles(region: list[Token], cues: Cues) -> dict[int, str]:
    """Role of each token start in the pre-verb region: subject, agent (after 被/由) or governed."""
    roles: dict[int, str] = {}
    role = "subject"
    governed = cues["target_markers"] | cues["partner_markers"] | cues["location_markers"] | {"据", "通过", "在"}
    for tok in region:
        if tok.text in cues["agent_markers"] and tok.tag == "p":
            role = "agent"
        elif tok.text in governed and tok.tag in ("p", "v"):
            role = "governed"
        roles[tok.start] = role
    return roles


class QuoteExtractor:
    """Speech acts and quotes of a document.

    Args:
        cues: loaded cues.
    """

    def __init__(self, cues: Cues) -> None:
        self.cues = cues

    def extract(self, doc: Document, view: ActorView) -> tuple[list[Quote], list[SpeechFrame]]:
        """Find the quotes of a document.

        Args:
            doc: a document with sentences, tokens and (when available) actor mentions.
            view: the actor spans of the document.

        Returns:
            The quotes in text order, and the speech frames (for event attribution).
        """
        text = doc.text
        qindex = QuoteIndex(find_quote_pairs(text))
        quotes: list[Quote] = []
        frames: list[SpeechFrame] = []
        last_person: tuple[str | None, str] | None = None
        for sent in doc.sentences:
            toks = sent.tokens
            acts: list[tuple[int, int, str]] = []  # (verb_start, verb_end, verb)
            acts_post: list[tuple[int, int, str, tuple[int, int]]] = []  # “……，”X写道。
            i = 0
            while i < len(toks):
                found = _speech_verb_at(toks, i, self.cues)
                if found is None:
                    i += 1
                    continue
                verb, j = found
                first, i = i, j + 1
                vs, ve = toks[first].start, toks[j].end
                if qindex.enclosing(vs) or _is_not_speech(text, vs, ve, self.cues):
                    continue
                nxt = text[ve:ve + 1]
                if nxt in "。！？" or not nxt:
                    post = self._postposed(doc, sent, qindex, vs)
                    if post is not None:
                        acts_post.append((vs, ve, verb, post))
                    continue
                punct = nxt in "，,：:“"
                if not punct and verb not in self.cues["speech_verbs_bare"]:
                    continue
                if not punct and first > 0 and toks[first - 1].text in _NOT_BEFORE_BARE:
                    continue
                acts.append((vs, ve, verb))
            for vs, ve, verb, (o, c) in acts_post:
                speaker = self._speaker(doc, sent, toks, vs, view, last_person, frames, region_from=c + 1)
                if speaker is None:
                    continue
                sid, stext, generic, is_person = speaker
                inner = text[o + 1:c].rstrip("，,")
                quotes.append(Quote(sid, stext, inner, o + 1, o + 1 + len(inner), "direct", verb))
                frames.append(SpeechFrame(vs, ve, o + 1, c, sid, stext, generic))
                if is_person and not generic:
                    last_person = (sid, stext)
            for k, (vs, ve, verb) in enumerate(acts):
                speaker = self._speaker(doc, sent, toks, vs, view, last_person, frames)
                if speaker is None:
                    continue
                sid, stext, generic, is_person = speaker
                cstart = ve
                while cstart < sent.end and text[cstart] in "，,：: ":
                    cstart += 1
                limit = acts[k + 1][0] if k + 1 < len(acts) else sent.end
                if k + 1 < len(acts):
                    # stop before the clause of the next speech act (……，并暗示……)
                    b = limit
                    while b > cstart and text[b - 1] not in CLAUSE_BREAKS:
                        b -= 1
                    limit = b if b > cstart else limit
                made = self._content(doc, sent, qindex, cstart, limit, sid, stext, verb)
                if not made:
                    continue
                quotes.extend(made)
                frames.append(SpeechFrame(vs, ve, made[0].start, max(q.end for q in made), sid, stext, generic))
                if is_person and not generic:
                    last_person = (sid, stext)
        quotes.sort(key=lambda q: (q.start, q.end))
        return quotes, frames

    def _postposed(self, doc: Document, sent: Sentence, qindex: QuoteIndex, vs: int) -> tuple[int, int] | None:
        """The quotation a sentence-final speech verb reports: “……，”伊朗外长在社交媒体上写道。"""
        text = doc.text
        start = sent.start
        while start < vs and text[start] in " \u3000":
            start += 1
        pair = qindex.pair_opening_at(start)
        if pair is None or pair[1] >= vs or "“" in text[pair[1]:vs]:
            return None
        return pair

    def _speaker(self, doc: Document, sent: Sentence, toks: list[Token], vs: int, view: ActorView,
                 last_person: tuple[str | None, str] | None, frames: list[SpeechFrame],
                 region_from: int | None = None) -> tuple[str | None, str, bool, bool] | None:
        """(actor id, speaker text, generic?, person?) for the speech verb at ``vs``."""
        text = doc.text
        cstart = vs
        while cstart > sent.start and text[cstart - 1] not in CLAUSE_BREAKS:
            cstart -= 1
        if region_from is not None:
            cstart = max(region_from, sent.start)
        region = tokens_in(toks, cstart, vs)
        roles = _speaker_region_roles(region, self.cues)
        spans = [s for s in view.in_range(cstart, vs) if roles.get(s.start, "subject") in ("subject", "agent")]
        subj = [s for s in spans if roles.get(s.start, "subject") == "subject"] or spans
        if subj:
            persons = [s for s in subj if any(view.is_person(i) for i in s.ids)]
            chosen = persons[-1] if persons else subj[-1]
            stext, extended = self._np_text(doc, toks, chosen, vs)
            is_person = bool(persons)
            sid = chosen.ids[0] if (len(chosen.ids) == 1 and (is_person or not extended)) else None
            return sid, stext, False, is_person
        words = [t for t in region if t.tag not in _ADVERB_TAGS or t.text in self.cues["pronouns"]]
        pron = next((t for t in region if t.text in self.cues["pronouns"] and t.tag == "r"), None)
        if pron is not None and pron.text in ("他", "她", "其", "他们", "她们"):
            if last_person is None:
                return None, pron.text, False, False
            return last_person[0], last_person[1], False, True
        phrase = "".join(t.text for t in region if t.tag not in ("TIME", "t", "w")).strip()
        for lead in ("此外", "不过", "另外", "同时", "而", "但", "也", "还", "并"):
            if phrase.startswith(lead):
                phrase = phrase[len(lead):]
        if words and phrase:
            generic = phrase in self.cues["generic_speakers"] or phrase.startswith("有")
            return None, phrase, generic, False
        # no subject in the clause: the sentence's last speaker, else its first subject
        same = [f for f in frames if sent.start <= f.verb_start < vs]
        if same:
            f = same[-1]
            return f.speaker, f.speaker_text, f.generic, bool(f.speaker and view.is_person(f.speaker))
        first = [s for s in view.in_range(sent.start, cstart)]
        if first:
            chosen = first[0]
            persons = [s for s in first if any(view.is_person(i) for i in s.ids)]
            if persons:
                chosen = persons[0]
            return chosen.ids[0], chosen.text, False, bool(persons)
        return None

    def _np_text(self, doc: Document, toks: list[Token], span: ActorSpan, limit: int) -> tuple[str, bool]:
        """The speaker as written: the mention, widened to the noun phrase it heads when it is a
        modifier (一位美国官员, 美国多家媒体). Returns (text, widened?)."""
        start, end = span.start, span.end
        idx = {t.start: k for k, t in enumerate(toks)}
        k = next((idx[s] for s in sorted(idx) if s >= end), None)
        widened = False
        while k is not None and k < len(toks) and toks[k].end <= limit and toks[k].tag in _NP_TAGS:
            end = toks[k].end
            widened = True
            k += 1
        k0 = idx.get(start)
        if k0 is not None:
            k = k0 - 1
            while k >= 0 and toks[k].tag in _LEFT_NP_TAGS:
                start = toks[k].start
                k -= 1
        return doc.text[start:end], widened

    def _content(self, doc: Document, sent: Sentence, qindex: QuoteIndex, cstart: int, limit: int,
                 sid: str | None, stext: str, verb: str) -> list[Quote]:
        text = doc.text
        if cstart >= limit:
            return []
        pair = qindex.pair_opening_at(cstart)
        if pair is not None:
            o, c = pair
            after = text[c + 1:c + 2]
            inner = text[o + 1:c]
            if (not after or after in SENTENCE_END or after == "\n" or text[c - 1] in SENTENCE_END) and inner.strip():
                return [Quote(sid, stext, inner, o + 1, c, "direct", verb)]
        end = limit
        while end > cstart and text[end - 1] in "。！？!?；;，, \n":
            end -= 1
        # a quotation opened inside the content and closed after the sentence extends it
        for o, c in qindex.pairs:
            if cstart <= o < end < c:
                end = c + 1
        if end <= cstart:
            return []
        out = [Quote(sid, stext, text[cstart:end], cstart, end, "paraphrase", verb)]
        for o, c in qindex.pairs:
            if cstart <= o and c < end and self._speech_like(doc, o, c):
                out.append(Quote(sid, stext, text[o + 1:c], o + 1, c, "direct", verb))
        return out

    def _speech_like(self, doc: Document, o: int, c: int) -> bool:
        """Whether “…” inside a paraphrase is the speaker's words rather than a name or scare quote."""
        text = doc.text
        inner = text[o + 1:c]
        after = text[c + 1:c + 2]
        if len(inner) < 2:
            return False
        before = text[o - 1:o] if o > 0 else ""
        if after and after not in "，,。！？；;：:）)”\n" and after not in "的地":
            return False  # runs straight into more words: 试图“冻结”俄乌冲突, “伊斯兰抵抗组织”所为
        if before in ("的", "、") or after == "、":
            return False  # a quoted noun phrase or list item: 的“初步报复行动”, 阵营对抗、“脱钩断链”
        if after == "的" and len(inner) <= 8:
            return False  # modifier: 围绕“和平计划”的
        if any(ch in inner for ch in "，,、。！？；"):
            return True
        if len(inner) >= 8:
            return True
        toks: list[Token] = []
        for sent in doc.sentences:
            if sent.start <= o < sent.end or sent.start < c <= sent.end:
                toks.extend(t for t in sent.tokens if o < t.start and t.end <= c)
        return any(t.tag in _SPEECHY_TAGS for t in toks)

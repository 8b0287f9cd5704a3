"""Quotes: who said what, as direct quotes (“…” governed by a speech verb) or paraphrases.

A speech verb (表示, 称, 说, 指出 …, cues.yaml) not itself inside quotation marks opens a speech act;
so does a published statement (X发表声明，…) and, when quoted words follow, a verb that attributes
them (指责/谴责/呼吁/敦促/警告 …, quotes.yaml). The speaker is the subject before the verb in the same
clause (a person preferred over the state in "美国国务卿鲁比奥"), read after trimming 据, times and
locative/addressee phrases (在…上/时, 当天, 对记者, 接受…采访时; see quotes_context); 他/她/其 stand
for the nearest preceding person in subject position, 该党/该国 for the organisation or state named
before, 声明/公报/报道 for their issuer; words that name nothing able to speak give no quote. A clause
with no subject inherits the sentence's subject (普京……，称……). What follows the verb is the content:

- “…” right after the verb and ending the sentence → ``kind="direct"`` (text without the marks; it
  may span several sentences);
- anything else → ``kind="paraphrase"`` up to the sentence end or the next speech act; quotation
  marks inside a paraphrase stay in its text, and a quoted fragment that reads as speech (has a verb,
  adverb or inner punctuation, or is long, and does not run straight into more words) is also kept as
  a direct quote of its own.

A quotation written before its speaker is that speaker's when it opens its sentence (or follows a
sentence end) and only the speaker stands between it and the verb: “……”，X说 / “……。”X说。 /
“……，”X说，“……” / “……”，他补充道 (postposed_verbs of quotes.yaml report only such quotations).
A speaker the actor stage missed is read from the words: a name after a title (乌克兰总理什梅加尔,
also when LAC glued it to a time word: …胡同/一天) becomes a person of the state's country, an
organisation word (洛杉矶警局, 军政管理局) an organisation, and a short form defined as 全称（简称）
the organisation of the full name. Times never stay in the speaker (警方当地时间10日表示 -> 警方).

Quotation marks that no speech verb governs are names, titles, slogans or scare quotes (“和平计划”,
“空军一号”, “罗生门”, “冻结”) and are never quotes, except in the sentence right after a statement
(X发表声明说，…。美方的承诺“坚如磐石”。), which goes on with it. A quote is never empty or a pronoun,
and a short or verbless quoted phrase inside a direct quote is part of it, not a quote of its own.
"""
from __future__ import annotations

import logging
from dataclasses import dataclass

from jishi.actors.lookup import lookup_actor
from jishi.document import Actor, Document, Quote, Sentence, Token
from jishi.events.actorview import ActorSpan, ActorView
from jishi.events.cues import Cues
from jishi.events.quotes_context import (
    Discourse,
    Head,
    QuoteCues,
    actor_named,
    is_agentive,
    load_quote_cues,
    short_forms,
    statement_nouns_after,
    trim_speaker,
)
from jishi.events.spans import CLAUSE_BREAKS, SENTENCE_END, QuoteIndex, find_quote_pairs, tokens_in

log = logging.getLogger(__name__)

_NP_TAGS = frozenset({"n", "nz", "m", "q", "ORG", "PER", "nw", "an", "j"})
_SPEECHY_TAGS = frozenset({"v", "vd", "d", "ad", "c"})
_ADVERB_TAGS = frozenset({"d", "ad", "c", "TIME", "t", "p", "f", "w", "r", "u"})
_LEFT_NP_TAGS = frozenset({"m", "q"})
# a quoted predicate ends a clause and follows its subject's last word
_PREDICATE_END = frozenset("。！？!?，,；;")
_SUBJECT_END_TAGS = frozenset({"n", "vn", "nz", "r", "d", "ORG", "PER", "LOC", "j", "an"})
_NOUN_END_TAGS = frozenset({"n", "nz", "nw", "ORG", "PER", "LOC", "j", "m", "q", "TIME", "t"})
# a bare speech verb after these is inside a noun phrase (所有声称拥有的土地), not a speech act
_NOT_BEFORE_BARE = frozenset({"所", "所有", "的", "被", "曾经", "一度"})
# a quote whose text is only one of these reports nothing
_PRONOUN_TEXTS = frozenset({"他", "她", "其", "它", "他们", "她们", "它们", "我", "我们", "你", "你们"})
# tags of the words of a name written after a title (LAC often tags an unknown transliterated name LOC,
# or cuts it after a locality character: 内/f 塔尼亚胡)
_NAME_TAGS = frozenset({"PER", "LOC", "nz", "ORG", "f", "n", "nr", "j"})
# a quoted phrase nested in a direct quote this short, or without a verb, is no quote of its own
_NESTED_MAX = 12
_VERB_TAGS = frozenset({"v", "vd"})


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


def _speech_verb_at(toks: list[Token], i: int, cues: Cues, qc: QuoteCues) -> tuple[str, int, int] | None:
    """The speech verb starting at token i (one token, or two written together: 发文+说), with the
    index of its last token and its start offset (inside the token when LAC glued a pronoun to the
    verb: 她说)."""
    verbs = cues["speech_verbs"]
    if i + 1 < len(toks) and toks[i].text + toks[i + 1].text in verbs and toks[i].end == toks[i + 1].start:
        return toks[i].text + toks[i + 1].text, i + 1, toks[i].start
    tok = toks[i]
    if tok.text in verbs and tok.tag in ("v", "vd"):
        return tok.text, i, tok.start
    if len(tok.text) >= 2 and tok.text[0] in qc["person_pronouns"] and tok.text[1:] in verbs and tok.tag in ("v", "vd"):
        return tok.text[1:], i, tok.start + 1
    return None


def _is_not_speech(text: str, start: int, end: int, cues: Cues) -> bool:
    """True when the verb is part of a fixed phrase such as 坦白说, 据说, 被称为."""
    if cues.speech_not_rx is None:
        return False
    for m in cues.speech_not_rx.finditer(text, max(0, start - 3), end + 3):
        if m.start() < end and start < m.end(1):
            return True
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


def record_subject(ctx: Discourse, sent: Sentence, vs: int) -> bool:
    """Whether the speaker of the verb at ``vs`` is not yet a recorded subject of its sentence."""
    return not any(sent.start <= pos < vs for pos, _, _ in ctx.subjects[-8:])


@dataclass(frozen=True)
class _Act:
    """A candidate act in a sentence: a speech verb, a published statement (发表声明，…) or a verb that
    attributes quoted words to its subject (指责/谴责/呼吁 … “…”)."""

    vs: int
    ve: int
    verb: str
    kind: str  # speech | statement | attrib


class QuoteExtractor:
    """Speech acts and quotes of a document.

    Args:
        cues: loaded cues.
        qcues: quote cues (quotes.yaml); loaded when not given.
    """

    def __init__(self, cues: Cues, qcues: QuoteCues | None = None) -> None:
        self.cues = cues
        self.qc = qcues or load_quote_cues()
        # every beginning of a speech or postposed verb, and the speech verbs LAC glues to the pronoun
        # before them (她说): a token that is none of these cannot start a speech verb, alone or with
        # the next token
        verbs = cues["speech_verbs"] | self.qc["postposed_verbs"]
        self._verb_starts = frozenset(v[:k] for v in verbs for k in range(len(v) + 1))
        # a speech verb LAC glued to the pronoun before it (她说)
        self._verb_starts |= {p + v for p in self.qc["person_pronouns"] if len(p) == 1 for v in cues["speech_verbs"]}
        # the tokens an attributing verb may end with (LAC glues its first character to a name:
        # 王毅敦/促), and the publishing verbs: other verbs open no act
        attrib = self.qc["attributing_verbs"]
        self._act_verb_tokens = frozenset(v[k:] for v in attrib for k in range(len(v) + 1)) | self.qc["publish_verbs"]
        self._act_tokens = self._verb_starts | self._act_verb_tokens  # the tokens _acts looks at

    def extract(self, doc: Document, view: ActorView, qindex: QuoteIndex | None = None
                ) -> tuple[list[Quote], list[SpeechFrame]]:
        """Find the quotes of a document.

        Args:
            doc: a document with sentences, tokens and (when available) actor mentions.
            view: the actor spans of the document.
            qindex: its quotation-mark pairs (found here when not given).

        Returns:
            The quotes in text order, and the speech frames (for event attribution; statements
            published with 发表声明，… count, verbs that only attribute quoted words do not).
        """
        text = doc.text
        if qindex is None:
            qindex = QuoteIndex(find_quote_pairs(text))
        ctx = Discourse(doc, view, self.qc)
        ctx.short_forms = short_forms(doc, view, self.qc)
        quotes: list[Quote] = []
        frames: list[SpeechFrame] = []
        last_person: tuple[str | None, str] | None = None
        open_statement: tuple[int, str | None, str] | None = None  # (sentence index, speaker id, text)
        last_speaker: tuple[int, str | None, str] | None = None  # (sentence index, speaker id, text)
        for si, sent in enumerate(doc.sentences):
            toks = sent.tokens
            acts, acts_post = self._acts(doc, sent, qindex, view)
            sent_speakers: list[tuple[int, str | None, str, bool, bool]] = []  # (verb start, id, text, generic, person)
            covered: list[tuple[int, int]] = []
            statement_end: tuple[str | None, str] | None = None
            for vs, ve, verb, (o, c) in acts_post:
                speaker = self._speaker(doc, si, sent, toks, vs, view, ctx, last_person, sent_speakers,
                                        region_from=c + 1)
                if speaker is None:
                    continue
                sid, stext, generic, is_person = speaker
                inner = text[o + 1:c].rstrip("，,")
                if not self._worth(inner):
                    continue
                if o < sent.start:  # “……。”X说。: the quotation ends the sentence before
                    inner = text[o + 1:c]
                quotes.append(Quote(sid, stext, inner, o + 1, o + 1 + len(inner), "direct", verb))
                frames.append(SpeechFrame(vs, ve, o + 1, c, sid, stext, generic))
                sent_speakers.append((vs, sid, stext, generic, is_person))
                if not generic:
                    ctx.speakers.append((vs, sid, stext))
                covered.append((o, c + 1))
                if is_person and not generic:
                    last_person = (sid, stext)
            # persons in subject position before the first report may be what a pronoun stands for
            first_content = min([a.ve for a in acts] + [o for _, _, _, (o, _) in acts_post] + [sent.end])
            ctx.add_subjects(sent, [(o, c + 1) for o, c in qindex.opening_in(sent.start, sent.end)],
                             hi=first_content)
            main = [a for a in acts if a.kind != "attrib"]
            carry: tuple[str | None, str, bool, bool] | None = None
            for k, act in enumerate(acts):
                if act.kind == "attrib" and any(s <= act.vs < e for s, e in covered):
                    continue  # 指责 inside what a speech verb reports is part of that report
                speaker = carry if carry is not None and act.kind == "speech" else \
                    self._speaker(doc, si, sent, toks, act.vs, view, ctx, last_person, sent_speakers)
                carry = None
                if speaker is None:
                    continue
                sid, stext, generic, is_person = speaker
                sent_speakers.append((act.vs, sid, stext, generic, is_person))
                if not generic:
                    ctx.speakers.append((act.vs, sid, stext))
                if is_person and sid is not None and record_subject(ctx, sent, act.vs):
                    ctx.add_subject(act.vs - 1, sid, stext)  # a speaker the actor stage missed (安萨里在…)
                self._note_issuer(doc, si, sent, toks, act, speaker, ctx)
                if act.kind == "speech":
                    before = self._quote_before(doc, sent, qindex, act.vs)
                    if before is not None:  # “……，”X说，“……”: the first quotation is X's too
                        bo, bc = before
                        inner = text[bo + 1:bc].rstrip("，,")
                        if self._worth(inner):
                            quotes.append(Quote(sid, stext, inner, bo + 1, bo + 1 + len(inner), "direct", act.verb))
                            covered.append((bo, bc + 1))
                cstart = act.ve
                while cstart < sent.end and text[cstart] in "，,：: ":
                    cstart += 1
                later = [a for a in (main if act.kind != "attrib" else acts) if a.vs > act.vs]
                limit = later[0].vs if later else sent.end
                if later:
                    # stop before the clause of the next act (……，并暗示……)
                    b = limit
                    while b > cstart and text[b - 1] not in CLAUSE_BREAKS:
                        b -= 1
                    limit = b if b > cstart else limit
                if act.kind == "statement" and later and later[0].kind == "speech" and \
                        self._topic_only(toks, cstart, later[0].vs):
                    carry = speaker  # 发表声明，对平民伤亡表示“深切关注”: the statement's words follow 表示
                    continue
                if act.kind == "attrib":
                    inside = [c for _, c in qindex.opening_in(cstart, limit)]
                    if not inside:
                        continue  # an accusation without quoted words is an event, not a quote
                    # the attributed words end with the clause of the last quotation (……“无所作为”，并宣布…)
                    b = max(inside) + 1
                    while b < limit and text[b] not in CLAUSE_BREAKS:
                        b += 1
                    limit = min(limit, b)
                made = self._content(doc, sent, qindex, cstart, limit, sid, stext, act.verb)
                if not made:
                    continue
                quotes.extend(made)
                end = max(q.end for q in made)
                covered.append((act.vs, end))
                if act.kind != "attrib":
                    frames.append(SpeechFrame(act.vs, act.ve, made[0].start, end, sid, stext, generic))
                if is_person and not generic:
                    last_person = (sid, stext)
                if act.kind == "statement" or act.verb in self.qc["statement_verbs"] or self._statement_region(
                        toks, sent, act.vs):
                    reaches_end = not text[end:sent.end].strip("。！？!?”」』 \n")
                    statement_end = (sid, stext) if reaches_end else None
                else:
                    statement_end = None
            if not acts and not acts_post and open_statement is not None and open_statement[0] == si - 1 \
                    and doc.sentences[si - 1].paragraph == sent.paragraph:
                quotes.extend(self._continuation(doc, sent, qindex, open_statement[1], open_statement[2]))
            elif not acts and not acts_post and last_speaker is not None and last_speaker[0] == si - 1 \
                    and doc.sentences[si - 1].paragraph == sent.paragraph:
                whole = self._whole_quote(doc, sent, qindex)
                if whole is not None:  # 他说，……。“中方将采取必要措施……。”: the same speaker goes on
                    o, c = whole
                    inner = text[o + 1:c]
                    quotes.append(Quote(last_speaker[1], last_speaker[2], inner, o + 1, c, "direct", "说"))
                    frames.append(SpeechFrame(o, o, o + 1, c, last_speaker[1], last_speaker[2], False))
            named = [x for x in sent_speakers if not x[3] and x[1] is not None]
            last_speaker = (si, named[-1][1], named[-1][2]) if named else None
            open_statement = (si, *statement_end) if statement_end is not None else None
            self._scan_issuers(doc, si, sent, toks, view, ctx, last_person, sent_speakers)
            skip = covered + [(o, c + 1) for o, c in qindex.opening_in(sent.start, sent.end)]
            ctx.add_subjects(sent, skip, lo=first_content)
            ctx.contents.extend(covered)
        quotes = [q for q in quotes if self._worth(q.text)]
        quotes = self._drop_nested(doc, quotes)
        quotes.sort(key=lambda q: (q.start, q.end))
        return quotes, frames

    def _drop_nested(self, doc: Document, quotes: list[Quote]) -> list[Quote]:
        """Quotes without repeats: one quote per span, and no short or verbless quoted phrase lying
        inside a direct quote (他说：“……所谓的“长臂管辖”……”: the inner marks are the speaker's scare
        quotes, not a second quote)."""
        seen: set[tuple[int, int]] = set()
        direct = [(q.start, q.end) for q in quotes if q.kind == "direct"]
        out: list[Quote] = []
        for q in quotes:
            if (q.start, q.end) in seen:
                continue
            nested = q.kind == "direct" and any(s <= q.start and q.end <= e and (s, e) != (q.start, q.end)
                                                for s, e in direct)
            if nested and (len(q.text) <= _NESTED_MAX or not self._has_verb(doc, q.start, q.end)):
                continue
            seen.add((q.start, q.end))
            out.append(q)
        return out

    @staticmethod
    def _has_verb(doc: Document, start: int, end: int) -> bool:
        """Whether the words in ``[start, end)`` hold a verb."""
        return any(t.tag in _VERB_TAGS for sent in doc.sentences if sent.start < end and start < sent.end
                   for t in sent.tokens if start <= t.start and t.end <= end)

    def _quote_before(self, doc: Document, sent: Sentence, qindex: QuoteIndex, vs: int) -> tuple[int, int] | None:
        """The quotation a speech verb reports from before its speaker (“……，”X说 / “……。”X说。 /
        “……”，他补充道): it closes right before the clause of the speaker, opens a sentence or follows a
        sentence end, and nothing but the speaker stands between it and the verb."""
        text = doc.text
        k = vs
        while k > sent.start and text[k - 1] not in CLAUSE_BREAKS and text[k - 1] not in "“”":
            k -= 1
        # k: start of the speaker words; step back over the comma and the closing mark
        j = k
        while j > 0 and text[j - 1] in "，, \u3000":
            j -= 1
        if j == 0 or text[j - 1] != "”" or vs - k > 25:
            return None
        pair = qindex.pair_closing_at(j - 1)
        if pair is None:
            return None
        o = pair[0]
        b = o
        while b > 0 and text[b - 1] in " \u3000\n":
            b -= 1
        if b > 0 and text[b - 1] not in "。！？!?；;\n”":
            return None  # 称“……”，X说: the quotation belongs to the clause before it
        return pair

    def _acts(self, doc: Document, sent: Sentence, qindex: QuoteIndex, view: ActorView
              ) -> tuple[list[_Act], list[tuple[int, int, str, tuple[int, int]]]]:
        """The acts of a sentence in text order, and the postposed speech acts (“……，”X写道。)."""
        text = doc.text
        toks = sent.tokens
        acts: list[_Act] = []
        acts_post: list[tuple[int, int, str, tuple[int, int]]] = []
        qc = self.qc
        verb_starts, act_verbs, wanted = self._verb_starts, self._act_verb_tokens, self._act_tokens
        free = 0  # the first token not yet read as part of an act
        for i in [k for k, t in enumerate(toks) if t.text in wanted]:  # other tokens open no act
            if i < free:
                continue
            tok = toks[i]
            found = None
            if tok.text in verb_starts:
                found = _speech_verb_at(toks, i, self.cues, self.qc) or self._postposed_verb_at(doc, sent, qindex, i)
            if found is None:
                if tok.tag in ("v", "vd") and tok.text in act_verbs and not qindex.enclosing(tok.start):
                    nxt = text[tok.end:tok.end + 1]
                    verb = self._attributing_verb_ending(doc, toks, i)
                    # 不顾中方多次警告，执意…: a verb that ends its clause or follows another verb is no report
                    if verb is not None and nxt and nxt not in "。！？!?，,；;" \
                            and not self._verb_before(doc, sent, toks, tok.end - len(verb), view):
                        acts.append(_Act(tok.end - len(verb), tok.end, verb, "attrib"))
                    elif tok.text in qc["publish_verbs"] and i + 2 < len(toks) and \
                            toks[i + 1].text in qc["statement_nouns"] and toks[i + 2].text in ("，", ","):
                        # X发表声明，对……“深感震惊”: the rest of the sentence is the statement
                        acts.append(_Act(tok.start, toks[i + 1].end, tok.text + toks[i + 1].text, "statement"))
                        free = i + 2
                continue
            verb, j, vs = found
            first, free = i, j + 1
            ve = toks[j].end
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
            acts.append(_Act(vs, ve, verb, "speech"))
        return acts, acts_post

    def _postposed_verb_at(self, doc: Document, sent: Sentence, qindex: QuoteIndex, i: int
                           ) -> tuple[str, int, int] | None:
        """A verb that reports only a quotation before it (“……”，他补充道), as _speech_verb_at."""
        toks = sent.tokens
        verbs = self.qc["postposed_verbs"]
        first = toks[i]
        verb = first.text
        for j in (i, i + 1):
            if j > i:
                if j >= len(toks) or toks[j].start != first.start + len(first.text):
                    break
                verb += toks[j].text
            if verb in verbs and not qindex.enclosing(first.start) \
                    and self._quote_before(doc, sent, qindex, first.start) is not None:
                return verb, j, first.start
        return None

    def _attributing_verb_ending(self, doc: Document, toks: list[Token], i: int) -> str | None:
        """The attributing verb (指责, 敦促 …) ending with token i: the token itself, or the token with
        the end of the word before it when LAC glued the verb's first character to a name (王毅敦/促)."""
        tok = toks[i]
        if tok.text in self.qc["attributing_verbs"]:
            return tok.text
        if i > 0 and toks[i - 1].end == tok.start and toks[i - 1].tag in ("PER", "ORG", "nz", "LOC"):
            for verb in self.qc["attributing_verbs"]:
                k = len(verb) - len(tok.text)
                if k > 0 and verb.endswith(tok.text) and len(toks[i - 1].text) > k + 1 \
                        and doc.text[tok.start - k:tok.start] == verb[:k]:
                    return verb
        return None

    def _verb_before(self, doc: Document, sent: Sentence, toks: list[Token], vs: int, view: ActorView) -> bool:
        """Whether the speaker part of the clause before ``vs`` holds a verb of its own (不顾…警告),
        other than in a relative clause (不愿具名的官员) or inside a name (扎/v 哈罗娃)."""
        cstart = vs
        while cstart > sent.start and doc.text[cstart - 1] not in CLAUSE_BREAKS:
            cstart -= 1
        head = trim_speaker(tokens_in(toks, cstart, vs), self.qc).tokens
        names = view.in_range(cstart, vs)
        for k, t in enumerate(head):
            if any(n.start <= t.start < n.end for n in names):
                continue
            if t.tag in ("v", "vd") and not any(u.text == "的" for u in head[k + 1:]):
                return True
        return False

    @staticmethod
    def _worth(text: str) -> bool:
        """A quote needs words: never empty or a bare pronoun (他认为…: the content of 说 is not 他)."""
        core = text.strip(" \n，,。！？!?；;：:“”「」『』")
        return bool(core) and core not in _PRONOUN_TEXTS

    def _statement_region(self, toks: list[Token], sent: Sentence, vs: int) -> bool:
        """Whether the words right before a speech verb name a statement (在声明中说, 声明说)."""
        before = [t for t in toks if t.end <= vs and t.start >= sent.start][-4:]
        return any(t.text in self.qc["statement_nouns"] and t.text not in ("报道", "消息") for t in before)

    def _note_issuer(self, doc: Document, si: int, sent: Sentence, toks: list[Token], act: _Act,
                     speaker: tuple[str | None, str, bool, bool], ctx: Discourse) -> None:
        """Remember who issued the statement or report a speech act names (发表声明说, 报道说)."""
        sid, stext, generic, _ = speaker
        if generic:
            return
        nouns = {n for n in self.qc["statement_nouns"] if n in act.verb}
        nouns |= {t.text for t in toks if t.end <= act.vs and t.start >= sent.start
                  and t.text in self.qc["statement_nouns"] and act.vs - t.end <= 6}
        for noun in nouns:
            ctx.add_issuer(noun, si, sid, stext)

    def _scan_issuers(self, doc: Document, si: int, sent: Sentence, toks: list[Token], view: ActorView,
                      ctx: Discourse, last_person: tuple[str | None, str] | None,
                      sent_speakers: list[tuple[int, str | None, str, bool, bool]]) -> None:
        """Issuers named without a speech verb: 据X发布的声明，… / X发表谈话，… / 据X报道。"""
        qc = self.qc
        publish = qc["publish_verbs"]
        for k in [k for k, t in enumerate(toks) if t.text in publish]:
            tok = toks[k]
            if not tok.tag.startswith("v"):
                continue
            noun = statement_nouns_after(toks, k, qc)
            if noun is None and tok.text in qc["statement_nouns"]:
                noun = tok.text  # 据韩联社报道
            if noun is None:
                continue
            known = ctx.issuers.get(noun)
            if known is not None and known[0] == si:
                continue
            speaker = self._speaker(doc, si, sent, toks, tok.start, view, ctx, last_person, sent_speakers,
                                    record=False)
            if speaker is not None and speaker[0] is not None and not speaker[2]:
                ctx.add_issuer(noun, si, speaker[0], speaker[1])

    def _continuation(self, doc: Document, sent: Sentence, qindex: QuoteIndex, sid: str | None,
                      stext: str) -> list[Quote]:
        """Quoted words of a sentence that goes on with the previous sentence's statement
        (X发表声明说，…。美方的承诺“坚如磐石”。): no speech verb of its own, same paragraph."""
        out = []
        for o, c in qindex.opening_in(sent.start, sent.end):
            if c < sent.end and self._speech_like(doc, o, c):
                out.append(Quote(sid, stext, doc.text[o + 1:c], o + 1, c, "direct", "声明"))
        return out

    @staticmethod
    def _topic_only(toks: list[Token], start: int, end: int) -> bool:
        """Whether ``[start, end)`` is only a 对/就/向 phrase (对平民伤亡), no words of a report."""
        inside = [t for t in toks if start <= t.start and t.end <= end]
        return bool(inside) and inside[0].tag == "p" and inside[0].text in ("对", "就", "向", "对于") and \
            not any(t.tag in ("v", "vd") or t.text in "，,；;" for t in inside)

    @staticmethod
    def _whole_quote(doc: Document, sent: Sentence, qindex: QuoteIndex) -> tuple[int, int] | None:
        """The quotation pair that makes up a whole sentence (“……。”), with words worth a quote, or None."""
        text = doc.text
        start, end = sent.start, sent.end
        while start < end and text[start].isspace():
            start += 1
        while end > start and text[end - 1] in " \n。！？!?":
            end -= 1
        pair = qindex.pair_opening_at(start)
        if pair is None or pair[1] != end - 1 or pair[1] - pair[0] < 6:
            return None
        inner = text[pair[0] + 1:pair[1]]
        return pair if any(ch in inner for ch in "，,。！？!?") or len(inner) >= 8 else None

    def _postposed(self, doc: Document, sent: Sentence, qindex: QuoteIndex, vs: int) -> tuple[int, int] | None:
        """The quotation a sentence-final speech verb reports: “……，”伊朗外长在社交媒体上写道。"""
        text = doc.text
        start = sent.start
        while start < vs and text[start] in " \u3000":
            start += 1
        pair = qindex.pair_opening_at(start)
        if pair is None:
            return self._quote_before(doc, sent, qindex, vs)
        if pair[1] >= vs or "“" in text[pair[1]:vs]:
            return None
        return pair

    def _speaker(self, doc: Document, si: int, sent: Sentence, toks: list[Token], vs: int, view: ActorView,
                 ctx: Discourse, last_person: tuple[str | None, str] | None,
                 sent_speakers: list[tuple[int, str | None, str, bool, bool]],
                 region_from: int | None = None, record: bool = True) -> tuple[str | None, str, bool, bool] | None:
        """(actor id, speaker text, generic?, person?) for the speech verb at ``vs``; None when the
        words before the verb name nothing that can speak."""
        text = doc.text
        cstart = vs
        while cstart > sent.start and text[cstart - 1] not in CLAUSE_BREAKS:
            cstart -= 1
        if region_from is not None:
            cstart = max(region_from, sent.start)
        region = tokens_in(toks, cstart, vs)
        glued = next((t for t in toks if t.start < vs < t.end), None)
        if glued is not None and glued.start >= cstart:
            # LAC writes 她说 as one word: the pronoun is the speaker
            part = text[glued.start:vs]
            region = region + [Token(part, "r" if part in self.cues["pronouns"] else glued.tag, glued.start, vs)]
        head = trim_speaker(region, self.qc)
        if head.tokens and head.text:
            roles = _speaker_region_roles(list(head.tokens), self.cues)
            spans = [s for s in view.in_range(head.start, head.end)
                     if roles.get(s.start, "subject") in ("subject", "agent")]
            subj = [s for s in spans if roles.get(s.start, "subject") == "subject"] or spans
            if subj:
                persons = [s for s in subj if any(view.is_person(i) for i in s.ids)]
                chosen = persons[-1] if persons else subj[-1]
                stext, extended = self._np_text(doc, toks, chosen, head.end)
                is_person = bool(persons)
                if not is_person:
                    named = self._titled_name(doc, view, chosen, head)
                    if named is not None:  # 乌克兰总理什梅加尔 (LAC: 什梅加尔/LOC), 以色列总理内塔尼亚胡同一天
                        return named[0], named[1], False, True
                # 一位美国官员 is no state, but 统一部发言人 speaks for the ministry
                keeps = is_person or not extended or any(stext.endswith(w) for w in self.qc["spokesperson_heads"])
                sid = chosen.ids[0] if (len(chosen.ids) == 1 and keeps) else None
                if sid is None and extended and not is_person:
                    org = self._org_actor(view, stext, chosen, doc.text.find(stext, chosen.start))
                    if org is not None:  # 洛杉矶警局: an organisation the actor stage does not know
                        return org, stext, False, False
                return sid, stext, False, is_person
            return self._phrase_speaker(head, si, ctx, view, last_person, record)
        # no subject in the clause: the sentence's last speaker, else its first subject
        same = [f for f in sent_speakers if sent.start <= f[0] < vs]
        if same:
            told = self._clause_subject_person(text, toks, view, same[-1][0], cstart)
            if told is not None:
                # 据路透社报道，菲佐在会上拒绝……，称……: the reported person speaks, not the outlet
                return told.ids[0], told.text, False, True
            _, sid, stext, generic, is_person = same[-1]
            return sid, stext, generic, is_person
        first = [s for s in view.in_range(sent.start, cstart)]
        if first:
            chosen = first[0]
            persons = [s for s in first if any(view.is_person(i) for i in s.ids)]
            if persons:
                chosen = persons[0]
            return chosen.ids[0], chosen.text, False, bool(persons)
        return None

    @staticmethod
    def _clause_subject_person(text: str, toks: list[Token], view: ActorView, after: int,
                               before: int) -> ActorSpan | None:
        """The person heading a clause between a speech verb at ``after`` and a subjectless clause at
        ``before`` (no verb between the clause's start and the person), or None."""
        for sp in view.in_range(after, before):
            if len(sp.ids) != 1 or not view.is_person(sp.ids[0]):
                continue
            brk = max(text.rfind(c, after, sp.start) for c in CLAUSE_BREAKS)
            if brk < 0:
                continue  # still in the speech verb's own clause
            if not any(t.tag in ("v", "vd", "p") for t in tokens_in(toks, brk + 1, sp.start)):
                return sp
        return None

    def _phrase_speaker(self, head: Head, si: int, ctx: Discourse, view: ActorView,
                        last_person: tuple[str | None, str] | None, record: bool
                        ) -> tuple[str | None, str, bool, bool] | None:
        """A speaker named by words that are no actor mention: a pronoun, 该党, 声明, a name LAC glued
        to the next word, a generic or person-like noun phrase."""
        phrase = head.text
        for lead in ("此外", "不过", "另外", "同时", "而", "但", "也", "还", "并"):
            if phrase.startswith(lead) and len(phrase) > len(lead):
                phrase = phrase[len(lead):]
        if phrase in self.qc["person_pronouns"]:
            found = ctx.resolve_pronoun(phrase, head.start)
            if found is None and last_person is not None and last_person[0] is not None:
                found = (last_person[0], last_person[1])
            if found is None:
                return None, phrase, False, False
            if record:
                ctx.add_subject(head.start, found[0], found[1])
            return found[0], found[1], False, True
        if phrase in ("他们", "她们"):
            if last_person is None:
                return None, phrase, False, False
            return last_person[0], last_person[1], False, True
        demo = ctx.resolve_demonstrative(phrase, head.start, si)
        if demo is not None:
            return demo[0], demo[1], False, bool(demo[0] and view.is_person(demo[0]))
        issuer = ctx.issuer(phrase, si)
        if issuer is not None:
            return issuer[0], issuer[1], False, bool(issuer[0] and view.is_person(issuer[0]))
        named = actor_named(view, phrase)
        if named is not None:
            return named.ids[0], named.text, False, view.is_person(named.ids[0])
        titled = self._phrase_titled_name(view, phrase, head)
        if titled is not None:  # 以总理内塔尼亚胡 (以/p, the name cut by LAC): no mention at all
            return titled[0], titled[1], False, True
        short = next((f for f in ctx.short_forms if phrase.endswith(f)), None)
        if short is not None:  # 联黎部队说 after 联合国驻黎巴嫩临时部队（联黎部队）
            aid, full, fstart = ctx.short_forms[short]
            if aid is None:
                aid = self._org_actor(view, full, None, fstart)
            if aid is not None:
                return aid, phrase, False, view.is_person(aid)
        if phrase not in self.cues["generic_speakers"] and not phrase.startswith("有"):
            org = self._org_actor(view, phrase, None, head.start)
            if org is not None:
                return org, phrase, False, False
        if phrase in self.cues["generic_speakers"] or phrase.startswith("有"):
            return None, phrase, True, False
        if is_agentive(phrase, self.qc) or phrase in self.qc["statement_nouns"] or phrase in self.cues["pronouns"] \
                or any(t.tag in self.qc["agent_tags"] for t in head.tokens):
            return None, phrase, False, False
        return None

    def _titled_name(self, doc: Document, view: ActorView, chosen: ActorSpan, head: Head
                     ) -> tuple[str, str] | None:
        """The person a state or organisation + title + name speaker names when the actor stage missed
        the name (unknown transliteration, or glued to the next word): (actor id, name).

        The name is what the trimmed speaker holds after the title: 2 to 8 characters of name-like
        words, not itself an office or organisation word. A person of the document with that name is
        taken; otherwise a person actor is added with the country of the state or organisation.
        """
        text = doc.text
        toks = [t for t in head.tokens if t.start >= chosen.end]
        found = None
        for k, tok in enumerate(toks):
            before = text[chosen.start:tok.start]  # the title may be part of the mention (以总理/p+n)
            title = self.qc.title_table.longest(before, max_len=len(before) - 1)
            if title is None:
                continue
            rest = toks[k:]
            name = "".join(t.text for t in rest)
            if 2 <= len(name) <= 8 and all(t.tag in _NAME_TAGS for t in rest) \
                    and all("\u4e00" <= ch <= "\u9fff" or ch in "·-" for ch in name):
                found = (title, rest, name)
                break
        if found is None:
            return None
        title, rest, name = found
        if is_agentive(name, self.qc) or name in self.qc["statement_nouns"] or name in self.cues["generic_speakers"]:
            return None
        country = view.country(chosen.ids[0]) if len(chosen.ids) == 1 else None
        return self._person(view, name, country, title, rest[0].start), name

    def _phrase_titled_name(self, view: ActorView, phrase: str, head: Head) -> tuple[str, str] | None:
        """(person id, name) for a speaker phrase written state (or its short form) + title + name
        where no actor mention covers any of it; the person of the document with that name, or a new
        person of the state's country. None when the phrase has no such shape."""
        best: tuple[int, str] | None = None
        for title in self.qc.titles:
            k = phrase.find(title)
            if k > 0 and (best is None or k + len(title) < best[0]):
                rest = phrase[k + len(title):]
                if 2 <= len(rest) <= 6 and all("\u4e00" <= ch <= "\u9fff" or ch == "·" for ch in rest):
                    best = (k + len(title), title)
        if best is None:
            return None
        end, title = best
        name, prefix = phrase[end:], phrase[:end - len(title)]
        if is_agentive(name, self.qc) or any(t.tag in ("v", "vd", "p") and t.text in name for t in head.tokens):
            return None
        state = actor_named(view, prefix)
        country = view.country(state.ids[0]) if state is not None and state.text == prefix else None
        if country is None and len(prefix) == 1 and prefix in view.abbrevs and view.abbrevs[prefix].strong:
            country = view.abbrevs[prefix].iso3
        if country is None:
            return None  # no state before the title: 总理内塔尼亚胡 alone is left to the actor stage
        start = head.end - len(name)
        return self._person(view, name, country, title, start if view.doc.text[start:head.end] == name else -1), name

    @staticmethod
    def _person(view: ActorView, name: str, country: str | None, title: str, start: int) -> str:
        """The id of the person a speaker name stands for: a person of the document with that name,
        else the knowledge base's person (lookup_actor), else a new person of ``country`` with
        ``title``; the mention at ``start`` (-1: none) is added to it."""
        if start >= 0:
            # 发言人何咏|前(TIME)|16日: the actor stage's longer name at this place is the speaker's
            longer = next((sp for sp in view.in_range(start, start + len(name) + 4)
                           if sp.start == start and sp.end > start + len(name) and len(sp.ids) == 1
                           and view.is_person(sp.ids[0])), None)
            if longer is not None:
                return longer.ids[0]
        known = actor_named(view, name)
        actor: Actor | None = None
        if known is not None and known.text == name and view.is_person(known.ids[0]):
            actor = view.by_id[known.ids[0]]
        if actor is None:
            found = lookup_actor(name, date=view.doc.published)
            if found is not None and found.kind == "person" and (country is None or found.country in (None, country)):
                actor = view.by_id.get(found.id)
                if actor is None:
                    actor = found
                    actor.title = actor.title or title
                    view.by_id[found.id] = actor
                    view.new_actors.append(actor)
        if actor is None:
            pid = f"person:zh:{name}:{country}" if country else f"person:zh:{name}"
            actor = view.by_id.get(pid)
            if actor is None:
                actor = Actor(id=pid, name=name, kind="person", country=country, title=title)
                view.by_id[pid] = actor
                view.new_actors.append(actor)
        if start >= 0 and [start, start + len(name)] not in actor.mentions:
            actor.mentions.append([start, start + len(name)])
        return actor.id

    def _org_actor(self, view: ActorView, phrase: str, chosen: ActorSpan | None, start: int) -> str | None:
        """An organisation actor for a speaker named by a place or state + organisation word
        (洛杉矶警局, 当地消防部门, 巴勒斯坦人民阵线) that no actor of the document covers; its id, or None
        when the phrase ends with no organisation word. The country is that of the state or place it
        begins with (当地: the country the article is about)."""
        word = self.qc.org_suffix_table.longest(phrase)
        if word is None or len(phrase) <= len(word) or len(phrase) > 16:
            return None
        hit = (word, self.qc.org_sector[word])
        if any(phrase.startswith(w) for w in self.qc["speaker_org_not_first"]):
            return None
        country = None
        if chosen is not None and len(chosen.ids) == 1:
            country = view.country(chosen.ids[0])
        if country is None and start >= 0:
            places = view.places_in(start, start + len(phrase))
            country = places[0][2].country if places else None
        if country is None and phrase.startswith("当地"):
            country = view.main_country()
        if country is None and phrase[0] in view.abbrevs and view.abbrevs[phrase[0]].strong:
            country = view.abbrevs[phrase[0]].iso3  # 巴武装组织 in a report where 巴 is one state
        sector = hit[1] or None
        kind = "group" if sector == "REB" else "organization"
        aid = f"org:{country}:zh:{phrase}" if country else f"org:zh:{phrase}"
        actor = view.by_id.get(aid)
        if actor is None:
            actor = Actor(id=aid, name=phrase, kind=kind, country=country, sector=sector)
            view.by_id[aid] = actor
            view.new_actors.append(actor)
        if start >= 0 and [start, start + len(phrase)] not in actor.mentions:
            actor.mentions.append([start, start + len(phrase)])
        return aid

    def _np_text(self, doc: Document, toks: list[Token], span: ActorSpan, limit: int) -> tuple[str, bool]:
        """The speaker as written: the mention, widened to the noun phrase it heads when it is a
        modifier (一位美国官员, 美国多家媒体). Returns (text, widened?)."""
        start, end = span.start, span.end
        idx = {t.start: k for k, t in enumerate(toks)}
        widened = False
        glued = next((t for t in toks if t.start < end < t.end <= limit), None)
        if glued is not None and glued.tag in _NP_TAGS:
            end, widened = glued.end, True  # 美国芝加哥警局/ORG: the mention 美国 is its first word
        k = next((idx[s] for s in sorted(idx) if s >= end), None)
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
        pairs = qindex.pairs
        for k in range(qindex.first_opening_from(cstart), len(pairs)):
            o, c = pairs[k]
            if o >= end:
                break  # the pairs are in order of their opening marks, and end only grows
            if end < c:
                end = c + 1
        if end <= cstart:
            return []
        out = [Quote(sid, stext, text[cstart:end], cstart, end, "paraphrase", verb)]
        for o, c in qindex.opening_in(cstart, end):
            if c < end and self._speech_like(doc, o, c):
                out.append(Quote(sid, stext, text[o + 1:c], o + 1, c, "direct", verb))
        return out

    @staticmethod
    def _sentence_tokens(doc: Document, pos: int) -> list[Token]:
        """Tokens of the sentence holding offset ``pos`` that end before it."""
        for sent in doc.sentences:
            if sent.start <= pos < sent.end:
                return [t for t in sent.tokens if t.end <= pos]
        return []

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
        if before in ("的", "、", "和", "与", "及", "或") or after == "、":
            return False  # a quoted noun phrase or list item: 的“初步报复行动”, 阵营对抗、“脱钩断链”, 制裁和“长臂管辖”
        if after == "的" and len(inner) <= 8:
            return False  # modifier: 围绕“和平计划”的
        if any(ch in inner for ch in "，,、。！？；"):
            return True
        if len(inner) >= 8:
            return True
        toks: list[Token] = []
        prev: Token | None = None
        for sent in doc.sentences:
            if sent.start <= o < sent.end or sent.start < c <= sent.end:
                toks.extend(t for t in sent.tokens if o < t.start and t.end <= c)
                prev = next((t for t in reversed(sent.tokens) if t.end <= o), prev)
        if any(t.tag in _SPEECHY_TAGS for t in toks):
            return True
        if not toks or after not in _PREDICATE_END or prev is None or prev.tag not in _SUBJECT_END_TAGS:
            return False
        # a quoted adjectival predicate after its subject: 防卫承诺“坚如磐石”。
        if toks[-1].tag in ("a", "ad"):
            return True
        # a quoted reaction after a 对/就 phrase: 对……事件“深表忧虑”，
        clause = text[:o]
        cut = max(clause.rfind(ch) for ch in "，,；;：:。！？\n")
        return toks[-1].tag not in _NOUN_END_TAGS and any(
            t.text in ("对", "就") and t.tag == "p" and t.start > cut for t in self._sentence_tokens(doc, o))

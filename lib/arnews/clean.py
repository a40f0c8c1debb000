"""Remove scraping boilerplate from articles and flag foreign-script fragments.

Rules live in ``data/clean_rules.csv`` (``rule, scope, pattern, description``) so a
researcher can add one without touching code. Scopes:

* ``tail``   – a line matching the pattern starts a block that runs to the end of the
  article (comment forms, "More Stories", "أخبار ذات صلة" with the headlines under it);
* ``line``   – the matching line is removed ("READ …" promos, credits, timestamps); a
  line longer than :data:`MAX_LINE_CHARS` is more than a boilerplate line (an article stored
  on one line, a long paragraph), so there only the matched span is removed;
* ``prefix`` – the matched start of a line is removed and the rest kept (datelines).

Cleaning never empties an article silently: an article that loses more than
:data:`MAX_REMOVED_SHARE` of its text gets a ``clean_warning`` (shown in the load report,
see :func:`flag_load_report`).

Rules that need more than a pattern are small named functions in :data:`FUNCTION_RULES`
(e.g. :func:`author_bio`). Nothing is thrown away: every removed span is kept in the
``removed`` column with the rule that removed it.

Example
-------
>>> r = clean_text("قال بوتين إن العلاقات قوية.\\nLEAVE A REPLY\\nPlease enter your comment!")
>>> r.text
'قال بوتين إن العلاقات قوية.'
>>> [(x["rule"], x["text"]) for x in r.removed]
[('comment_form_en', 'LEAVE A REPLY\\nPlease enter your comment!')]
"""
from __future__ import annotations

import csv
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Callable, NamedTuple

import pandas as pd
import regex as re

from .resources import data_path

__all__ = [
    "Rule",
    "CleanResult",
    "load_rules",
    "clean_text",
    "clean_articles",
    "foreign_fragments",
    "author_bio",
    "flag_load_report",
    "FUNCTION_RULES",
    "MAX_LINE_CHARS",
    "MAX_REMOVED_SHARE",
]

# A line longer than this is not a boilerplate line: line rules remove only their match in it.
MAX_LINE_CHARS = 200
# An article whose cleaning removes more than this share of its text is flagged.
MAX_REMOVED_SHARE = 0.5


@dataclass(frozen=True)
class Rule:
    name: str
    scope: str  # tail | line | prefix
    pattern: re.Pattern
    description: str = ""


class Line(NamedTuple):
    index: int
    start: int  # offset of the line in the original text
    text: str


@dataclass
class CleanResult:
    text: str
    removed: list[dict] = field(default_factory=list)
    flags: list[dict] = field(default_factory=list)


@lru_cache(maxsize=4)
def load_rules(path: str | None = None) -> tuple[Rule, ...]:
    """Read cleaning rules from CSV (default ``data/clean_rules.csv``).

    A bad rule raises ``ValueError`` naming the file, row and problem.
    """
    p = Path(path) if path else data_path("clean_rules.csv")
    rules = []
    with open(p, encoding="utf-8-sig", newline="") as f:
        for i, row in enumerate(csv.DictReader(f), start=2):
            scope = (row.get("scope") or "").strip()
            if scope not in ("tail", "line", "prefix"):
                raise ValueError(f"{p}, line {i}: scope must be tail, line or prefix, not {scope!r}")
            try:
                pat = re.compile(row["pattern"], re.V0)
            except (re.error, KeyError) as e:
                raise ValueError(f"{p}, line {i}: bad pattern for rule {row.get('rule')!r}: {e}") from e
            rules.append(Rule(row["rule"].strip(), scope, pat, row.get("description", "")))
    return tuple(rules)


# ---------------------------------------------------------------------------
# Function rules: each takes the article's lines and the index where the tail starts
# (len(lines) if there is none) and returns the indices of lines to remove.
# ---------------------------------------------------------------------------

_BIO_SEGMENT_RE = re.compile(r"[.!؟]")


def author_bio(lines: list[Line], tail_start: int) -> list[int]:
    """Author bio in the site template: a line of four or more short labels separated by
    periods, near the end of the article (e.g. “ثقافة البوب. … متعصب للسفر. مبتكر. خبير طعام.”).
    """
    out = []
    n = len(lines)
    for ln in lines[:tail_start]:
        if ln.index < max(1, int(n * 0.6)) and ln.index != tail_start - 1:
            continue
        body = ln.text.strip().strip("“”\"«»'")
        segs = [s.strip() for s in _BIO_SEGMENT_RE.split(body) if s.strip()]
        if len(segs) >= 4 and all(len(s.split()) <= 7 for s in segs):
            out.append(ln.index)
    return out


FUNCTION_RULES: dict[str, Callable[[list[Line], int], list[int]]] = {"author_bio": author_bio}


# ---------------------------------------------------------------------------
# Foreign scripts
# ---------------------------------------------------------------------------

_SCRIPTS = [
    "Latin", "Tamil", "Cyrillic", "Greek", "Hebrew", "Han", "Hiragana", "Katakana", "Hangul",
    "Devanagari", "Bengali", "Thai", "Armenian", "Georgian", "Ethiopic", "Syriac", "Malayalam",
    "Telugu", "Kannada", "Gujarati", "Gurmukhi", "Sinhala",
]
_SCRIPT_RES = [(s, re.compile(rf"\p{{Script={s}}}")) for s in _SCRIPTS]
# A run of letters not in the Arabic script, allowing inner spaces/hyphens/dots/digits between
# letters of the same fragment ("Covid-19", "New York Times").
_LETTER = r"(?:(?![\p{Script=Arabic}\p{Script=Common}\p{Script=Inherited}])\p{L}\p{M}*)"
_FOREIGN_RUN_RE = re.compile(rf"{_LETTER}+(?:[\s\-.'’/]*(?:\d+|{_LETTER}+))*")


def _script_of(ch: str) -> str:
    for name, rx in _SCRIPT_RES:
        if rx.match(ch):
            return name
    return "Other"


def foreign_fragments(text: str) -> list[dict]:
    """Fragments of non-Arabic script inside Arabic text, with offsets.

    >>> [(f["script"], f["text"]) for f in foreign_fragments("مع الرئيس جو. பிடன். (MOFA) و Covid-19")]
    [('Tamil', 'பிடன்'), ('Latin', 'MOFA'), ('Latin', 'Covid-19')]
    """
    out = []
    for m in _FOREIGN_RUN_RE.finditer(text):
        frag = m.group(0).rstrip(" .-'’/")
        if not frag:
            continue
        out.append({"script": _script_of(frag[0]), "text": frag, "start": m.start(), "end": m.start() + len(frag)})
    return out


# ---------------------------------------------------------------------------
# Cleaning
# ---------------------------------------------------------------------------


def _split_lines(text: str) -> list[Line]:
    lines, pos = [], 0
    for i, t in enumerate(text.split("\n")):
        lines.append(Line(i, pos, t))
        pos += len(t) + 1
    return lines


class Cut(NamedTuple):
    """A span to remove from one line (offsets in the line)."""

    start: int
    end: int
    rule: str


def _line_rules(ln: Line, rules: tuple[Rule, ...], max_line_chars: int) -> tuple[str | None, list[Cut]]:
    """Line and prefix rules on one line: the rule that drops the whole line (if any), and
    the spans to cut from it (a dateline prefix; line-rule matches in an over-long line)."""
    cuts: list[Cut] = []
    long = len(ln.text.strip()) > max_line_chars
    for rule in rules:
        if rule.scope == "line":
            if not long:
                if rule.pattern.search(ln.text):
                    return rule.name, cuts
                continue
            spans = [Cut(m.start(), m.end(), rule.name) for m in rule.pattern.finditer(ln.text) if m.end() > m.start()]
            if spans:
                return None, cuts + spans
        elif rule.scope == "prefix" and not cuts:
            m = rule.pattern.match(ln.text)
            if m and m.end() < len(ln.text.rstrip()):
                cuts.append(Cut(0, m.end(), rule.name))
    return None, cuts


def _apply_cuts(ln: Line, cuts: list[Cut], removed: list[dict]) -> str:
    """The line without its cut spans (overlapping spans: the first wins); records them."""
    pieces, pos = [], 0
    for c in sorted(cuts):
        if c.start < pos:
            continue
        removed.append({"rule": c.rule, "text": ln.text[c.start : c.end], "start": ln.start + c.start, "end": ln.start + c.end})
        pieces.append(ln.text[pos : c.start])
        pos = c.end
    pieces.append(ln.text[pos:])
    return "".join(pieces)


def clean_text(text: str, rules: tuple[Rule, ...] | None = None, max_line_chars: int = MAX_LINE_CHARS) -> CleanResult:
    """Clean one article. Returns the cleaned text, the removed spans and the flags.

    ``removed`` items: ``rule``, ``text``, ``start``, ``end`` (offsets in the original text).
    ``flags`` items: foreign-script fragments in the cleaned text (``script``, ``text``,
    ``start``, ``end``). Line-scoped rules (``line`` and function rules) remove a whole
    line only when it is at most ``max_line_chars`` long; in a longer line (an article on
    one line) a line rule removes only its match.

    >>> one_line = "قال بوتين إن العلاقات قوية. " * 10 + "ساهم فلان في هذا التقرير. وأكد شي ذلك."
    >>> r = clean_text(one_line)
    >>> [x["text"] for x in r.removed], r.text.endswith("وأكد شي ذلك.")
    (['ساهم فلان في هذا التقرير'], True)
    """
    rules = rules if rules is not None else load_rules()
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    lines = _split_lines(text)
    removed: list[dict] = []
    drop: dict[int, str] = {}
    cuts: dict[int, list[Cut]] = {}

    # 1. Tail: the earliest line (after the first) that starts a boilerplate tail.
    tail_start, tail_rule = len(lines), None
    for rule in rules:
        if rule.scope != "tail":
            continue
        for ln in lines[1:tail_start]:
            if rule.pattern.search(ln.text):
                tail_start, tail_rule = ln.index, rule.name
                break
    # 2. Line and prefix rules before the tail.
    for ln in lines[:tail_start]:
        dropped_by, cuts[ln.index] = _line_rules(ln, rules, max_line_chars)
        if dropped_by:
            drop[ln.index] = dropped_by
    # 3. Function rules (whole lines, so only lines of a line's length).
    for name, fn in FUNCTION_RULES.items():
        for i in fn(lines, tail_start):
            if len(lines[i].text.strip()) <= max_line_chars:
                drop.setdefault(i, name)

    kept: list[str] = []
    for ln in lines[:tail_start]:
        if ln.index in drop:
            if ln.text.strip():
                removed.append({"rule": drop[ln.index], "text": ln.text, "start": ln.start, "end": ln.start + len(ln.text)})
            continue
        kept.append(_apply_cuts(ln, cuts[ln.index], removed).rstrip())
    if tail_start < len(lines):
        start = lines[tail_start].start
        removed.append({"rule": tail_rule, "text": text[start:].rstrip(), "start": start, "end": len(text.rstrip())})
    removed.sort(key=lambda r: r["start"])
    cleaned = "\n".join(kept).strip("\n")
    cleaned = re.sub(r"\n{3,}", "\n\n", cleaned)
    return CleanResult(cleaned, removed, foreign_fragments(cleaned))


def _removed_share(text: str, cleaned: str) -> float:
    original = len(text.strip())
    return round(1 - len(cleaned) / original, 3) if original else 0.0


def clean_articles(articles: pd.DataFrame, rules: tuple[Rule, ...] | None = None,
                   max_removed_share: float = MAX_REMOVED_SHARE) -> pd.DataFrame:
    """Add ``clean_text``, ``removed`` (list of removed spans with rule names), ``flags``
    (foreign-script fragments), ``removed_share`` (share of the text cleaning removed) and
    ``clean_warning`` (set when that share is above ``max_removed_share``) to an articles
    table; the original ``text`` is kept.

    >>> df = pd.DataFrame({"article_id": ["a"], "text": ["قال شي.\\nاترك تعليقاً\\nلن يتم نشر بريدك."]})
    >>> out = clean_articles(df)
    >>> out.loc[0, "clean_text"], out.loc[0, "removed"][0]["rule"]
    ('قال شي.', 'comment_form_ar')
    >>> out.loc[0, "clean_warning"]
    'cleaning removed 82% of the text (more than 50%): check the cleaning rules on it'
    """
    rules = rules if rules is not None else load_rules()
    results = [clean_text(t, rules) for t in articles["text"]]
    out = articles.copy()
    out["clean_text"] = [r.text for r in results]
    out["removed"] = [r.removed for r in results]
    out["flags"] = [r.flags for r in results]
    out["removed_share"] = [_removed_share(t, r.text) for t, r in zip(articles["text"], results)]
    out["clean_warning"] = [
        f"cleaning removed {share:.0%} of the text (more than {max_removed_share:.0%}): check the cleaning rules on it"
        if share > max_removed_share else None
        for share in out["removed_share"]
    ]
    return out


def flag_load_report(report: pd.DataFrame, articles: pd.DataFrame) -> pd.DataFrame:
    """The load report with each article's ``clean_warning`` added to its row's reason.

    >>> rep = pd.DataFrame({"source": ["a.txt"], "status": ["loaded"], "reason": [""], "article_id": ["a"]})
    >>> flag_load_report(rep, pd.DataFrame({"article_id": ["a"], "clean_warning": ["cleaning removed 90%"]}))["reason"].tolist()
    ['cleaning removed 90%']
    """
    if "clean_warning" not in articles.columns or report is None or not len(report):
        return report
    warn = articles.dropna(subset=["clean_warning"]).set_index("article_id")["clean_warning"]
    hit = report["article_id"].map(warn)
    hit = hit.where(report["status"] == "loaded")
    if not hit.notna().any():
        return report
    out = report.copy()
    mask = hit.notna()
    out.loc[mask, "reason"] = ["; ".join(x for x in (r, w) if x) for r, w in zip(out.loc[mask, "reason"].fillna(""), hit[mask])]
    return out


def annotate_stage(tables: dict[str, pd.DataFrame]) -> dict[str, pd.DataFrame]:
    """Pipeline stage: clean the articles table (see :mod:`arnews.pipeline`)."""
    return {"articles": clean_articles(tables["articles"])}

"""Who said it: speaker-state and attribution-precision figures for quotes, with intervals.

Three labelled sets (see ``data/gold/README.md``, section Quotes):

* ``sample``: the 55 quotes of the five sample articles (``data/gold/quotes.csv``). The
  rules were developed on them: **in-sample**.
* ``dev``: every written quote text outside the current held-out range
  (``data/gold/quotes_written.csv``); rules are developed by reading their errors
  (:func:`dev_errors`). Each earlier held-out set (:data:`HELD_OUT_ROUNDS`: ``qt16``–``qt30``
  of rounds 1–2, then one set of 15 texts per round up to ``qt528``–``qt542`` of round 35)
  was measured once after its round's rules were final and became dev in the next round;
  each is printed apart within dev.
* ``test`` (**held-out**): the last set of :data:`HELD_OUT_ROUNDS`, ``qt543``–``qt557``,
  written blind in session 22 and kept sealed in ``data/gold/quote_sealed36/`` until round
  36's rules and chooser were final; only aggregate figures are looked at (the split may have
  no rows yet: its figures are then empty).

Two figures per set, each with a bootstrap 95% interval over articles:

* *speaker's state right*: of the gold ``kind == speech`` quotes, the share whose system
  quote (aligned by text order and ``quote_prefix``) has the gold ``speaker_country``
  (a gold ``A|B`` accepts either; an empty gold country wants an empty system country; a
  gold quote the system did not find counts as wrong);
* *precision of attributed quotes*: of the system quotes with ``kind == speech`` and a
  speaker, the share aligned with a gold ``speech`` quote (terms, titles and spans that are
  not gold quotes count as wrong).

Plus the agreement of the blind second labelling (``data/gold/quote_agreement/``): speaker
state and kind.

>>> r = evaluate_speakers()                  # doctest: +SKIP
>>> r["splits"]["test"].state_right.value    # doctest: +SKIP
"""
from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Iterable, NamedTuple

import numpy as np
import pandas as pd

from .resources import data_path
from .text import normalize

__all__ = [
    "WRITTEN_COLUMNS",
    "split_of",
    "load_written_gold",
    "load_sample_gold",
    "align_quotes",
    "state_right",
    "Estimate",
    "SplitFigures",
    "bootstrap_ratio",
    "split_figures",
    "agreement",
    "error_classes",
    "dev_errors",
    "dev_spurious",
    "evaluate_speakers",
    "evaluation_report",
]

WRITTEN_COLUMNS = ["article_id", "quote_prefix", "speaker_text", "speaker_actor_id", "speaker_country",
                   "speaker_type", "kind", "via", "note"]
KINDS = ("speech", "term", "title")
class HeldOutRound(NamedTuple):
    """One blind held-out set of written quote texts ``qt{first}``–``qt{last}``: the test set of
    round ``round`` (0: rounds 1–2), measured once, then dev from the next round on."""

    round: int
    first: int
    last: int


# Every held-out set in the order written; the last is the current test set, the others are dev,
# each printed apart within dev. A new round appends one row.
HELD_OUT_ROUNDS = (HeldOutRound(0, 16, 30), HeldOutRound(3, 48, 62), HeldOutRound(4, 63, 77), HeldOutRound(5, 78, 92),
                   HeldOutRound(6, 93, 107), HeldOutRound(7, 108, 122), HeldOutRound(8, 123, 137),
                   HeldOutRound(9, 138, 152), HeldOutRound(10, 153, 167),
                   HeldOutRound(11, 168, 182), HeldOutRound(12, 183, 197),
                   HeldOutRound(13, 198, 212), HeldOutRound(14, 213, 227),
                   HeldOutRound(15, 228, 242), HeldOutRound(16, 243, 257),
                   HeldOutRound(17, 258, 272), HeldOutRound(18, 273, 287),
                   HeldOutRound(19, 288, 302), HeldOutRound(20, 303, 317),
                   HeldOutRound(21, 318, 332), HeldOutRound(22, 333, 347),
                   HeldOutRound(23, 348, 362), HeldOutRound(24, 363, 377),
                   HeldOutRound(25, 378, 392), HeldOutRound(26, 393, 407),
                   HeldOutRound(27, 408, 422), HeldOutRound(28, 423, 437),
                   HeldOutRound(29, 438, 452), HeldOutRound(30, 453, 467),
                   HeldOutRound(31, 468, 482), HeldOutRound(32, 483, 497),
                   HeldOutRound(33, 498, 512), HeldOutRound(34, 513, 527),
                   HeldOutRound(35, 528, 542), HeldOutRound(36, 543, 557),
                   HeldOutRound(37, 558, 572), HeldOutRound(38, 573, 587),
                   HeldOutRound(39, 588, 602),
                   HeldOutRound(40, 603, 617), HeldOutRound(41, 618, 632),
                   HeldOutRound(42, 633, 647), HeldOutRound(43, 648, 662),
                   HeldOutRound(44, 663, 677), HeldOutRound(45, 678, 692),
                   HeldOutRound(46, 693, 707), HeldOutRound(47, 708, 722),
                   HeldOutRound(48, 723, 737), HeldOutRound(49, 738, 752),
                   HeldOutRound(50, 753, 767), HeldOutRound(51, 768, 782),
                   HeldOutRound(52, 783, 797), HeldOutRound(53, 798, 812),
                   HeldOutRound(54, 813, 827), HeldOutRound(55, 828, 842),
                   HeldOutRound(56, 843, 857), HeldOutRound(57, 858, 872),
                   HeldOutRound(58, 873, 887),
                   HeldOutRound(59, 888, 902),
                   HeldOutRound(60, 903, 917),
                   HeldOutRound(61, 918, 932),
                   HeldOutRound(62, 933, 947),
                   HeldOutRound(63, 948, 962),
                   HeldOutRound(64, 963, 977),
                   HeldOutRound(65, 978, 992))
TEST_FIRST, TEST_LAST = HELD_OUT_ROUNDS[-1].first, HELD_OUT_ROUNDS[-1].last
TEST_LABEL = f"held-out (qt{TEST_FIRST}-qt{TEST_LAST})"


def _part_name(r: HeldOutRound) -> str:
    return "dev_former_test" if r.round == 0 else f"dev_round{r.round}_test"


DEV_PARTS = {_part_name(r): (r.first, r.last) for r in reversed(HELD_OUT_ROUNDS[:-1])}
SPLIT_LABELS = {
    "test": TEST_LABEL,
    "dev": "dev (every other written text)",
    **{_part_name(r): f"  dev: qt{r.first}-qt{r.last} ({'former held-out' if r.round == 0 else 'held-out once'})"
       for r in reversed(HELD_OUT_ROUNDS[:-1])},
    "dev_rest": "  dev: the rest",
    "sample": "sample (in-sample, data/articles)",
}


def split_of(article_id: str) -> str:
    """``test`` for the written texts of the last held-out round (:data:`HELD_OUT_ROUNDS`),
    ``dev`` for every other written text (the former held-out sets included), ``sample``
    otherwise.

    >>> split_of("qt07"), split_of("qt16"), split_of("qt677"), split_of("qt977"), split_of("qt993")
    ('dev', 'dev', 'dev', 'dev', 'dev')
    >>> split_of("qt978"), split_of("qt992")
    ('test', 'test')
    >>> split_of("000_4a2b3c26a7f8d167")
    'sample'
    """
    a = str(article_id)
    if a.startswith("qt") and a[2:].isdigit():
        return "test" if TEST_FIRST <= int(a[2:]) <= TEST_LAST else "dev"
    return "sample"


def _read(path: Path, required: Iterable[str]) -> pd.DataFrame:
    g = pd.read_csv(path, dtype=str, keep_default_na=False)
    missing = [c for c in required if c not in g.columns]
    if missing:
        raise ValueError(f"{path}: missing column(s) {missing}")
    empty = g.index[g["quote_prefix"].str.strip() == ""].tolist()
    if empty:
        raise ValueError(f"{path}: empty quote_prefix in row(s) {[i + 2 for i in empty]}")
    if "kind" in g:
        bad = g.index[~g["kind"].isin(KINDS)].tolist()
        if bad:
            raise ValueError(f"{path}: kind must be one of {', '.join(KINDS)} (row(s) {[i + 2 for i in bad]})")
    return g


def load_written_gold(path: str | Path | None = None) -> pd.DataFrame:
    """The written quote gold (default ``data/gold/quotes_written.csv``) with a ``split`` column."""
    p = Path(path) if path else data_path("gold/quotes_written.csv")
    g = _read(p, WRITTEN_COLUMNS[:8])
    return g.assign(split=g["article_id"].map(split_of))


@lru_cache(maxsize=1)
def _actor_country() -> dict[str, str]:
    from .actors import load_gazetteer

    g = load_gazetteer()
    return dict(zip(g["actor_id"], g["country"].fillna("")))


def load_sample_gold(path: str | Path | None = None) -> pd.DataFrame:
    """The sample's quote gold (``data/gold/quotes.csv``) with ``speaker_country`` taken
    from the gazetteer country of ``speaker_actor_id`` (``PUTIN|XI`` → ``RUS|CHN``)."""
    p = Path(path) if path else data_path("gold/quotes.csv")
    g = _read(p, ["article_id", "quote_prefix", "speaker_text", "speaker_actor_id", "kind"])
    ac = _actor_country()
    g["speaker_country"] = [
        "|".join(dict.fromkeys(ac.get(x, "") for x in ids.split("|") if x and ac.get(x))) for ids in g["speaker_actor_id"]
    ]
    return g.assign(split="sample")


def _key(s: object) -> str:
    return " ".join(normalize(str(s)).split()) if isinstance(s, str) else ""


def align_quotes(quotes: pd.DataFrame, gold: pd.DataFrame) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Align gold rows with system quotes: per article, in text order, a gold row takes the
    next unused system quote (after the previous match) that starts with its ``quote_prefix``.

    Returns ``(gold_aligned, system)``: the gold table with ``found`` and the system's
    ``sys_*`` columns, and the system quotes of the gold articles with ``gold_kind`` and
    ``gold_country`` (None for a system quote that is no gold quote).
    """
    rows, sys_rows = [], []
    for aid, g in gold.groupby("article_id", sort=False):
        q = quotes[quotes["article_id"] == aid].sort_values("start").reset_index(drop=True)
        keys = [_key(x) for x in q["quote"]]
        gold_kind: list[str | None] = [None] * len(q)
        gold_country: list[str | None] = [None] * len(q)
        pos = -1
        for _, gr in g.iterrows():
            pref = _key(gr["quote_prefix"])
            hit = next((i for i, k in enumerate(keys) if i > pos and gold_kind[i] is None and k.startswith(pref)), None)
            sysr = q.iloc[hit] if hit is not None else None
            if hit is not None:
                gold_kind[hit] = gr["kind"]
                gold_country[hit] = gr.get("speaker_country")
                pos = hit
            rows.append({**gr.to_dict(), "found": hit is not None,
                         **{f"sys_{c}": (None if sysr is None else sysr.get(c))
                            for c in ("quote", "speaker_text", "speaker_actor_id", "speaker_country",
                                      "speaker_type", "kind", "rule", "speaker_via")}})
        sys_rows.append(q.assign(gold_kind=gold_kind, gold_country=gold_country))
    system = (pd.concat(sys_rows, ignore_index=True) if sys_rows
              else quotes.iloc[:0].assign(gold_kind=None, gold_country=None))
    return pd.DataFrame(rows), system


def _none(x: object) -> bool:
    return x is None or (isinstance(x, float) and np.isnan(x)) or x is pd.NA or x == ""


def state_right(gold_country: str, sys_country: object) -> bool:
    """Whether the system's speaker state matches the gold one.

    >>> state_right("CHN", "CHN"), state_right("RUS|CHN", "CHN"), state_right("", None), state_right("", "USA")
    (True, True, True, False)
    """
    gold_set = {x for x in str(gold_country).split("|") if x}
    sys_set = set() if _none(sys_country) else {x for x in str(sys_country).split("|") if x}
    if not gold_set:
        return not sys_set
    return bool(sys_set) and (sys_set <= gold_set)


def attributed(system: pd.DataFrame) -> pd.Series:
    """System quotes that carry a speaker, or a speaker's state (what the speaker-state chooser
    gives without a phrase), and are speech (not a term or title): the quotes a count of who
    says what by state reads."""
    has = system["speaker_text"].notna() | system["speaker_actor_id"].notna()
    if "speaker_country" in system:
        has |= system["speaker_country"].fillna("").astype(str).str.len() > 0
    if "speaker_group" in system:
        has |= system["speaker_group"].notna()
    if "kind" in system:
        has &= system["kind"].fillna("speech") == "speech"
    return has


class Estimate(NamedTuple):
    """A ratio ``num/den`` with a bootstrap 95% interval ``(lo, hi)``."""

    num: int
    den: int
    value: float
    lo: float
    hi: float

    def __str__(self) -> str:
        return f"{self.value:.3f} [{self.lo:.3f}, {self.hi:.3f}] ({self.num}/{self.den})"


def bootstrap_ratio(num: np.ndarray, den: np.ndarray, n_boot: int = 2000, seed: int = 0) -> Estimate:
    """Ratio of sums over units (articles) with a percentile bootstrap 95% interval,
    resampling the units with replacement.

    >>> e = bootstrap_ratio(np.array([1, 2]), np.array([2, 2]))
    >>> (e.num, e.den, e.value)
    (3, 4, 0.75)
    """
    num = np.asarray(num, float)
    den = np.asarray(den, float)
    n, d = int(num.sum()), int(den.sum())
    if d == 0:
        return Estimate(n, d, float("nan"), float("nan"), float("nan"))
    rng = np.random.default_rng(seed)
    idx = rng.integers(0, len(num), size=(n_boot, len(num)))
    dn = den[idx].sum(axis=1)
    vals = num[idx].sum(axis=1)[dn > 0] / dn[dn > 0]
    lo, hi = np.percentile(vals, [2.5, 97.5])
    return Estimate(n, d, n / d, float(lo), float(hi))


@dataclass(frozen=True)
class SplitFigures:
    """Figures of one split: ``state_right`` (gold speech quotes with the right speaker
    state), ``precision`` (attributed system quotes that are gold speech quotes),
    ``found`` (gold quotes found), ``n_articles``."""

    n_articles: int
    state_right: Estimate
    precision: Estimate
    found: Estimate


def split_figures(gold_aligned: pd.DataFrame, system: pd.DataFrame) -> SplitFigures:
    """Per-article counts of one split, bootstrapped over its articles. A split without
    rows (a held-out set not written yet) gives ``n_articles == 0`` and NaN figures."""
    arts = list(dict.fromkeys(gold_aligned["article_id"]))
    if not arts:
        empty = Estimate(0, 0, float("nan"), float("nan"), float("nan"))
        return SplitFigures(0, empty, empty, empty)
    speech = gold_aligned[gold_aligned["kind"] == "speech"]
    ok = [state_right(g, s) and f for g, s, f in zip(speech["speaker_country"], speech["sys_speaker_country"], speech["found"])]
    speech = speech.assign(ok=ok)
    att = system[attributed(system)]
    per = pd.DataFrame({
        "state_num": speech.groupby("article_id")["ok"].sum(),
        "state_den": speech.groupby("article_id").size(),
        "prec_num": att.groupby("article_id")["gold_kind"].apply(lambda k: int((k == "speech").sum())),
        "prec_den": att.groupby("article_id").size(),
        "found_num": gold_aligned.groupby("article_id")["found"].sum(),
        "found_den": gold_aligned.groupby("article_id").size(),
    }).reindex(arts).fillna(0)
    return SplitFigures(
        len(arts),
        bootstrap_ratio(per["state_num"].to_numpy(), per["state_den"].to_numpy()),
        bootstrap_ratio(per["prec_num"].to_numpy(), per["prec_den"].to_numpy()),
        bootstrap_ratio(per["found_num"].to_numpy(), per["found_den"].to_numpy()),
    )


def error_classes(gold_aligned: pd.DataFrame) -> dict[str, int]:
    """Counts over gold ``speech`` quotes: ``right``, ``not_found``, ``no_speaker`` (found,
    no system state although the gold has one), ``wrong_state``, ``spurious_state`` (a state
    where the gold has none), and ``continuation`` (gold ``via == continuation``) with
    ``continuation_right``. Aggregate only: no quote is listed."""
    sp = gold_aligned[gold_aligned["kind"] == "speech"]
    out = dict.fromkeys(("right", "not_found", "no_speaker", "wrong_state", "spurious_state"), 0)
    cont = cont_ok = 0
    for _, r in sp.iterrows():
        ok = bool(r["found"]) and state_right(r["speaker_country"], r["sys_speaker_country"])
        if ok:
            out["right"] += 1
        elif not r["found"]:
            out["not_found"] += 1
        elif _none(r["sys_speaker_country"]):
            out["no_speaker"] += 1
        elif not str(r["speaker_country"]):
            out["spurious_state"] += 1
        else:
            out["wrong_state"] += 1
        if r.get("via") == "continuation":
            cont += 1
            cont_ok += ok
    out.update(continuation=cont, continuation_right=cont_ok)
    return out


def _kappa(a: list[str], b: list[str]) -> float:
    cats = sorted(set(a) | set(b))
    n = len(a)
    if n == 0:
        return float("nan")
    po = sum(x == y for x, y in zip(a, b)) / n
    pe = sum((a.count(c) / n) * (b.count(c) / n) for c in cats)
    return (po - pe) / (1 - pe) if pe < 1 else 1.0


def agreement(first: pd.DataFrame | None = None, second: pd.DataFrame | None = None) -> dict:
    """Agreement of the blind second labelling with the first: ``n`` quotes, ``kind``
    (share equal, Cohen's kappa) and ``state`` (speaker state equal, on the quotes both
    label ``speech``). Rows are paired by article, ``quote_prefix`` and order."""
    first = load_written_gold() if first is None else first
    second = _read(data_path("gold/quote_agreement/second_labels.csv"),
                   ["article_id", "quote_prefix", "speaker_country", "kind"]) if second is None else second
    f = first.assign(_k=first.groupby(["article_id", "quote_prefix"]).cumcount())
    s = second.assign(_k=second.groupby(["article_id", "quote_prefix"]).cumcount())
    m = s.merge(f, on=["article_id", "quote_prefix", "_k"], suffixes=("_2", "_1"), how="left")
    unmatched = int(m["kind_1"].isna().sum())
    m = m[m["kind_1"].notna()]
    both = m[(m["kind_1"] == "speech") & (m["kind_2"] == "speech")]
    state_eq = [state_right(a, b) and state_right(b, a) for a, b in zip(both["speaker_country_1"], both["speaker_country_2"])]
    return {
        "n": len(m),
        "unmatched": unmatched,
        "kind_agree": float((m["kind_1"] == m["kind_2"]).mean()) if len(m) else float("nan"),
        "kind_kappa": _kappa(m["kind_1"].tolist(), m["kind_2"].tolist()),
        "n_both_speech": len(both),
        "state_agree": float(np.mean(state_eq)) if state_eq else float("nan"),
    }


def _system_quotes(folder: Path) -> pd.DataFrame:
    from .corpus import load_corpus
    from .pipeline import annotate, available_stages

    stages = [s for s in ("clean", "text", "actors", "quotes") if s in available_stages()]
    ann = annotate(load_corpus(folder), stages=stages, cache=False, progress=False)
    return ann.tables["quotes"]


def evaluate_speakers(written_quotes: pd.DataFrame | None = None, sample_quotes: pd.DataFrame | None = None) -> dict:
    """Figures for ``sample``, ``dev`` and ``test`` (see the module docstring).

    ``written_quotes``/``sample_quotes`` default to running the pipeline on
    ``data/gold/quote_texts`` and ``data/articles``. Returns ``{"splits": {name:
    SplitFigures}, "dev_parts": {"dev_round14_test": SplitFigures of qt213–qt227, … one per former
    held-out round (:data:`DEV_PARTS`), "dev_rest": of the other dev texts}, "agreement": agreement(), "details": aligned gold, "system":
    system quotes with their gold kind}``. A split without texts has ``n_articles == 0``.
    """
    wq = _system_quotes(data_path("gold/quote_texts")) if written_quotes is None else written_quotes
    sq = _system_quotes(data_path("articles")) if sample_quotes is None else sample_quotes
    gold = pd.concat([load_sample_gold(), load_written_gold()], ignore_index=True)
    quotes = pd.concat([sq, wq], ignore_index=True)
    details, system = align_quotes(quotes, gold)
    system = system.assign(split=system["article_id"].map(split_of))
    splits = {}
    for name in ("sample", "dev", "test"):
        splits[name] = split_figures(details[details["split"] == name], system[system["split"] == name])
    parts = {}
    for name, ids in _dev_parts(details).items():
        parts[name] = split_figures(details[details["article_id"].isin(ids)], system[system["article_id"].isin(ids)])
    return {"splits": splits, "dev_parts": parts, "agreement": agreement(), "details": details, "system": system}


def _dev_parts(details: pd.DataFrame) -> dict[str, list[str]]:
    """The dev articles in parts: one per former held-out round (:data:`DEV_PARTS`, newest
    first), each measured once before it became dev, and the rest."""
    dev = list(dict.fromkeys(details.loc[details["split"] == "dev", "article_id"]))
    out = {name: [a for a in dev if lo <= int(a[2:]) <= hi] for name, (lo, hi) in DEV_PARTS.items()}
    taken = set().union(*out.values())
    out["dev_rest"] = [a for a in dev if a not in taken]
    return out


def dev_errors(result: dict | None = None) -> pd.DataFrame:
    """The dev speech quotes whose speaker state is wrong (or not found), one row each, for
    reading errors: ``article_id``, ``quote_prefix``, gold speaker/state/type/via and the
    system's ``sys_*`` columns. Dev only: held-out (``test``) quotes are never listed."""
    r = evaluate_speakers() if result is None else result
    d = r["details"]
    d = d[(d["split"] == "dev") & (d["kind"] == "speech")]
    wrong = [not (f and state_right(g, s)) for g, s, f in zip(d["speaker_country"], d["sys_speaker_country"], d["found"])]
    cols = ["article_id", "quote_prefix", "speaker_text", "speaker_country", "speaker_type", "via", "found",
            "sys_speaker_text", "sys_speaker_country", "sys_speaker_type", "sys_rule", "sys_speaker_via"]
    return d.loc[wrong, [c for c in cols if c in d]].reset_index(drop=True)


def dev_spurious(result: dict | None = None) -> pd.DataFrame:
    """Dev system quotes attributed to a speaker that are no gold speech quote (precision
    errors). Dev only."""
    r = evaluate_speakers() if result is None else result
    s = r["system"]
    s = s[(s["split"] == "dev") & attributed(s) & (s["gold_kind"] != "speech")]
    cols = ["article_id", "quote", "gold_kind", "speaker_text", "speaker_country", "kind", "rule"]
    return s[[c for c in cols if c in s]].reset_index(drop=True)


def _row(label: str, f: SplitFigures) -> str:
    if f.n_articles == 0:
        return f"  {label:<34} {0:>8}  (empty: no texts in this split yet)"
    return f"  {label:<34} {f.n_articles:>8}  {str(f.state_right):<32} {str(f.precision):<32} {f.found}"


def evaluation_report(include_sample_report: bool = True) -> str:
    """Text for ``python -m arnews evaluate quotes``: the sample's attribution figures of
    :func:`arnews.quotes.evaluation_report`, then speaker state and precision of attributed
    quotes per split with bootstrap 95% intervals over articles (dev also in its parts, one per former held-out set),
    and the agreement. An empty held-out split is printed as empty."""
    lines: list[str] = []
    if include_sample_report:
        try:
            from .evaluation.quotes import evaluation_report as sample_report

            lines += [sample_report(), ""]
        except ImportError:  # the sample report moved: print the speaker figures only
            pass
    r = evaluate_speakers()
    lines.append("speaker state and attribution precision (bootstrap 95% intervals over articles):")
    lines.append(f"  {'set':<34} {'articles':>8}  {'speaker state right (speech)':<32} {'precision of attributed quotes':<32} quotes found")
    for key, label in SPLIT_LABELS.items():  # in print order
        lines.append(_row(label, r["splits"][key] if key in r["splits"] else r["dev_parts"][key]))
    lines += ["", "speech quotes by outcome (counts): right / not found / found without state / wrong state / "
              "state where the gold has none; continuation quotes right"]
    d = r["details"]
    parts = _dev_parts(d)
    for key, label in SPLIT_LABELS.items():
        sub = d[d["split"] == key] if key in r["splits"] else d[d["article_id"].isin(parts[key])]
        if sub.empty:
            lines.append(f"  {label:<34} (empty)")
            continue
        e = error_classes(sub)
        cont = f"{e['continuation_right']}/{e['continuation']}" if e["continuation"] else "-"
        lines.append(f"  {label:<34} {e['right']} / {e['not_found']} / {e['no_speaker']} / {e['wrong_state']} / "
                     f"{e['spurious_state']}; continuation {cont}")
    a = r["agreement"]
    lines += [
        "",
        f"second labelling (data/gold/quote_agreement, {a['n']} quotes): kind agreement {a['kind_agree']:.3f} "
        f"(kappa {a['kind_kappa']:.3f}); speaker state agreement {a['state_agree']:.3f} on the "
        f"{a['n_both_speech']} quotes both label speech",
    ]
    return "\n".join(lines)

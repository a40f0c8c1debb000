"""Leave one writer's set out: does the speaker-state chooser carry to a new writer? (round 15)

The written quote texts come from the blind sets, each by another writer
(:data:`arnews.quote_eval.HELD_OUT_ROUNDS` up to the current held-out one), plus the team's
first texts (qt01–qt15, qt31–qt47). For each set, the chooser is fitted on every other written
text (the first texts always in training) and applied to the left-out set; its speaker-state
figure is compared with the rules' on the same set. The sample (``data/articles``) is scored with
the chooser fitted on all the written texts; it is never trained on.

``scope`` says where the chooser may change the rules' answer: ``nophrase`` (what ships: speech
quotes with no speaker phrase and no state, and since round 16 those of the weak rules,
:func:`arnews.speakers.chooser.applies`), ``nostate``
(every speech quote without a state) or ``all`` (every speech quote).

    python -m arnews.speakers.chooser_eval            # the table of data/gold/quote_rounds.md, round 18
    python -m arnews.speakers.chooser_eval --scope all

>>> rows = leave_one_writer_out()        # doctest: +SKIP
>>> rows[-1]["set"]                      # doctest: +SKIP
'sample'
"""
from __future__ import annotations

import argparse

import numpy as np
import pandas as pd

from ..quote_eval import (HELD_OUT_ROUNDS, align_quotes, attributed, error_classes, load_sample_gold,
                          load_written_gold)
from ..resources import data_path
from .chooser import applies, choose_states
from .chooser_train import rules_quotes, fit_chooser, training_table

__all__ = ["SCOPES", "writer_set", "leave_one_writer_out", "format_table"]

SCOPES = ("nophrase", "nostate", "all")


def writer_set(article_id: str) -> str:
    """The blind set an article belongs to (``qt213-qt227``), or ``first`` for the team's first
    texts.

    >>> writer_set("qt250"), writer_set("qt265"), writer_set("qt280"), writer_set("qt40"), writer_set("qt03")
    ('qt243-qt257', 'qt258-qt272', 'qt273-qt287', 'first', 'first')
    """
    n = int(str(article_id)[2:])
    for r in HELD_OUT_ROUNDS:
        if r.first <= n <= r.last:
            return f"qt{r.first}-qt{r.last}"
    return "first"


def _apply(tables: dict, model: dict, scope: str, articles: set[str]) -> pd.DataFrame:
    q = tables["quotes"].reset_index(drop=True)
    a = tables["articles"]
    texts = dict(zip(a["article_id"], a["clean_text"].fillna("")))
    if scope == "nophrase":
        return choose_states(q, texts, tables.get("mentions"), tables["sentences"], model)
    # wider scopes (measured, not shipped): pick among the candidates for more quotes
    from .choice_table import candidate_table

    kind = q["kind"].fillna("speech") == "speech"
    mask = kind & (q["speaker_country"].isna() | (q["speaker_country"] == "")) if scope == "nostate" else kind
    mask &= q["article_id"].isin(articles)
    rows = set(np.flatnonzero(mask.to_numpy()).tolist())
    t = candidate_table(q, texts, tables.get("mentions"), tables["sentences"], rows_wanted=rows)
    x = t.reindex(columns=model["features"], fill_value=0.0).to_numpy(float)
    t = t[["row", "code"]].assign(score=x @ np.asarray(model["coef"]) + model["intercept"])
    best = t.sort_values(["row", "score", "code"], ascending=[True, False, True], kind="mergesort").groupby("row").head(1)
    out = q.copy()
    country = out["speaker_country"].astype(object).to_numpy(copy=True)
    for r, code in zip(best["row"], best["code"]):
        country[r] = code or None
    out["speaker_country"] = country
    return out


def _right(quotes: pd.DataFrame, gold: pd.DataFrame) -> tuple[int, int, dict]:
    details, system = align_quotes(quotes, gold)
    e = error_classes(details)
    n = sum(e[k] for k in ("right", "not_found", "no_speaker", "wrong_state", "spurious_state"))
    att = system[attributed(system)]
    e["prec_num"], e["prec_den"] = int((att["gold_kind"] == "speech").sum()), len(att)
    return e["right"], n, e


def leave_one_writer_out(scope: str = "nophrase") -> list[dict]:
    """One row per left-out writer's set (``set``, ``n`` speech quotes, ``rules`` and ``chooser``
    right; ``p0``/``d0`` and ``p1``/``d1`` the precision of attributed quotes, rules and chooser),
    then ``pooled`` (every left-out set) and ``sample``. Only dev texts are used: the
    current held-out set, once merged, is left out of every fit and every row."""
    if scope not in SCOPES:
        raise ValueError(f"scope must be one of {SCOPES}")
    gold = load_written_gold()
    gold = gold[gold["split"] == "dev"]
    tables = rules_quotes(data_path("gold/quote_texts"))
    table = training_table(tables, gold)
    table["set"] = table["article_id"].map(writer_set)
    sets = [s for s in dict.fromkeys(writer_set(a) for a in gold["article_id"]) if s != "first"]
    rows = []
    for name in sets:
        model = fit_chooser(table[table["set"] != name])
        g = gold[gold["article_id"].map(writer_set) == name]
        ids = set(g["article_id"])
        r0, n, e0 = _right(tables["quotes"], g)
        r1, _, e1 = _right(_apply(tables, model, scope, ids), g)
        rows.append({"set": name, "n": n, "rules": r0, "chooser": r1, **_prec(e0, e1)})
    pooled = {k: sum(r[k] for r in rows) for k in ("n", "rules", "chooser", "p0", "d0", "p1", "d1")}
    rows.append({"set": "pooled", **pooled})
    sample = rules_quotes(data_path("articles"))
    sg = load_sample_gold()
    model = fit_chooser(table)
    r0, n, e0 = _right(sample["quotes"], sg)
    r1, _, e1 = _right(_apply(sample, model, scope, set(sg["article_id"])), sg)
    rows.append({"set": "sample", "n": n, "rules": r0, "chooser": r1, **_prec(e0, e1)})
    return rows


def _prec(e0: dict, e1: dict) -> dict:
    return {"p0": e0["prec_num"], "d0": e0["prec_den"], "p1": e1["prec_num"], "d1": e1["prec_den"]}


def format_table(rows: list[dict]) -> str:
    """A markdown table of :func:`leave_one_writer_out`'s rows, with wins and losses."""
    lines = ["| left-out set | speech quotes | rules | chooser | change | precision, rules → chooser |",
             "|---|---|---|---|---|---|"]
    for r in rows:
        d = r["chooser"] - r["rules"]
        prec = f"{r['p0']}/{r['d0']} → {r['p1']}/{r['d1']}" if "p0" in r else ""
        lines.append(f"| {r['set']} | {r['n']} | {r['rules'] / r['n']:.3f} ({r['rules']}) | "
                     f"{r['chooser'] / r['n']:.3f} ({r['chooser']}) | {d:+d} | {prec} |")
    sets = [r for r in rows if r["set"] not in ("pooled", "sample")]
    wins = sum(r["chooser"] > r["rules"] for r in sets)
    losses = sum(r["chooser"] < r["rules"] for r in sets)
    lines.append(f"\ngains on {wins} of {len(sets)} left-out sets, loses on {losses}")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("--scope", choices=SCOPES, default="nophrase")
    args = p.parse_args(argv)
    print(format_table(leave_one_writer_out(args.scope)))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

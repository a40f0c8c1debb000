"""Near-duplicate detection on a corpus with planted copies of a wire story."""
from __future__ import annotations

import pandas as pd
import pytest

from arnews.dedupe import DedupeOptions, drop_near_duplicates, load_report_rows, near_duplicates, shingles


def _edit(text: str, *, headline: str | None = None, signoff: str = "", drop_sentence: int | None = None,
          swap: tuple[str, str] | None = None) -> str:
    """A reprint with small edits: another headline, a sign-off, one sentence cut, one word changed."""
    lines = text.split("\n")
    if headline is not None:
        lines[0] = headline
    body = "\n".join(lines)
    if drop_sentence is not None:
        parts = body.split(".")
        del parts[drop_sentence]
        body = ".".join(parts)
    if swap:
        body = body.replace(swap[0], swap[1], 1)
    return body + signoff


@pytest.fixture(scope="module")
def planted(sample_articles) -> tuple[pd.DataFrame, set[str]]:
    """The five sample articles (distinct texts) plus three edited reprints of article 000,
    one of them dated earlier than the 'original'."""
    s = sample_articles[["article_id", "title", "date", "outlet", "text"]].copy()
    wire = s.iloc[0]
    copies = pd.DataFrame(
        {
            "article_id": ["reprint_a", "reprint_b", "reprint_c"],
            "title": ["", "", ""],
            "date": pd.to_datetime(["2021-06-12", "2021-06-10", "2021-06-13"]),
            "outlet": ["outlet A", "outlet B", "outlet C"],
            "text": [
                _edit(wire["text"], headline="شي لبوتين: الصين ستدعم روسيا", signoff="\nالمصدر: وكالة أ"),
                _edit(wire["text"], drop_sentence=3, signoff="\n(رويترز)"),
                _edit(wire["text"], swap=("الصين", "بكين"), headline="عاجل: مكالمة بين شي وبوتين"),
            ],
        }
    )
    s.loc[s.index[0], "date"] = pd.Timestamp("2021-06-11")
    arts = pd.concat([s, copies], ignore_index=True)
    return arts, {wire["article_id"], "reprint_a", "reprint_b", "reprint_c"}


def test_planted_copies_form_one_group(planted):
    arts, expected = planted
    g = near_duplicates(arts, threshold=0.8)
    assert list(g.columns) == ["group_id", "article_id", "similarity", "kept"]
    assert g["group_id"].nunique() == 1, g
    assert set(g["article_id"]) == expected
    # the earliest-dated copy is kept; the others are similar to it
    assert g.loc[g["kept"], "article_id"].tolist() == ["reprint_b"]
    assert (g.loc[~g["kept"], "similarity"] >= 0.8).all()
    assert (g.loc[g["kept"], "similarity"] == 1.0).all()
    # the similarity is the exact Jaccard similarity of the 5-word shingle sets
    text = arts.set_index("article_id")["text"]
    kept = shingles(text["reprint_b"])
    for r in g[~g["kept"]].itertuples():
        other = shingles(text[r.article_id])
        assert r.similarity == pytest.approx(len(kept & other) / len(kept | other), abs=1e-3)


def test_no_false_group_among_distinct_texts(sample_articles):
    assert near_duplicates(sample_articles, threshold=0.5).empty


def test_a_shared_paragraph_is_not_a_duplicate(sample_articles):
    """An article quoting one paragraph of another is a different article."""
    a, b = sample_articles["text"].iloc[0], sample_articles["text"].iloc[1]
    mixed = b + "\n" + a.split("\n\n")[1]
    arts = pd.DataFrame({"article_id": ["a", "mixed"], "text": [a, mixed]})
    assert near_duplicates(arts, threshold=0.8).empty


def test_drop_keeps_one_per_group_and_records_groups(planted):
    arts, expected = planted
    out = drop_near_duplicates(arts, threshold=0.8)
    assert len(out) == len(arts) - (len(expected) - 1)
    assert "reprint_b" in set(out["article_id"]) and not (expected - {"reprint_b"}) & set(out["article_id"])
    assert len(out.attrs["near_duplicates"]) == len(expected)
    rows = load_report_rows(pd.DataFrame(out.attrs["near_duplicates"]))
    assert len(rows) == 3 and all("near-duplicate of reprint_b" in r["reason"] for r in rows)


def test_threshold_controls_grouping():
    base = " ".join(f"w{i}" for i in range(100))
    half = " ".join(f"w{i}" for i in range(50)) + " " + " ".join(f"x{i}" for i in range(50))
    arts = pd.DataFrame({"article_id": ["a", "b"], "text": [base, half]})
    assert near_duplicates(arts, threshold=0.9).empty
    assert set(near_duplicates(arts, threshold=0.2)["article_id"]) == {"a", "b"}


def test_empty_texts_and_bad_options():
    arts = pd.DataFrame({"article_id": ["a", "b"], "text": ["", "  "]})
    assert near_duplicates(arts).empty
    assert shingles("") == set()
    with pytest.raises(ValueError, match="threshold"):
        DedupeOptions(threshold=1.5)
    with pytest.raises(ValueError, match="no 'body' column"):
        near_duplicates(arts, text_column="body")


def test_cli_writes_groups(tmp_path, planted):
    from arnews.dedupe import main

    arts, expected = planted
    src = tmp_path / "corpus.csv"
    arts.to_csv(src, index=False)
    out = tmp_path / "groups.csv"
    keep = tmp_path / "kept.csv"
    assert main([str(src), "--id-column", "article_id", "--out", str(out), "--keep-out", str(keep)]) == 0
    g = pd.read_csv(out)
    assert set(g["article_id"]) == expected
    assert len(pd.read_csv(keep)) == len(arts) - 3


def test_apply_dedupe_records_drops_in_the_load_report(tmp_path, sample_articles):
    from arnews.corpus import load_corpus, load_report
    from arnews.dedupe import apply_dedupe

    folder = tmp_path / "corpus"
    folder.mkdir()
    texts = list(sample_articles["text"])
    for i, t in enumerate(texts):
        (folder / f"{i}.txt").write_text(t, encoding="utf-8")
    (folder / "reprint.txt").write_text(_edit(texts[2], signoff="\n(وكالات)"), encoding="utf-8")
    arts = load_corpus(folder)
    assert apply_dedupe(arts, "off") is arts
    out = apply_dedupe(arts, "near")
    assert len(out) == len(arts) - 1 and "reprint" not in set(out["article_id"])
    rep = load_report(out).set_index("source")
    row = rep.loc[str(folder / "reprint.txt")]
    assert row["status"] == "skipped" and row["reason"].startswith("near-duplicate of 2 (similarity")
    assert (rep["status"] == "loaded").sum() == len(out)
    assert out.attrs["dedupe"] == {"mode": "near", "threshold": 0.8, "groups": 1, "dropped": 1}
    with pytest.raises(ValueError, match="dedupe mode"):
        apply_dedupe(arts, "exact")


def test_dedupe_near_is_recorded_in_the_manifest(tmp_path, sample_articles):
    import json

    from arnews.corpus import load_corpus
    from arnews.dedupe import apply_dedupe
    from arnews.pipeline import annotate_to_parquet, read_annotations

    folder = tmp_path / "corpus"
    folder.mkdir()
    for i, t in enumerate(sample_articles["text"].head(2)):
        (folder / f"{i}.txt").write_text(t, encoding="utf-8")
    (folder / "reprint.txt").write_text(_edit(sample_articles["text"].iloc[1], signoff="\n(وكالات)"), encoding="utf-8")
    out = tmp_path / "ann"
    annotate_to_parquet(apply_dedupe(load_corpus(folder), "near"), out, stages=["clean", "text"], progress=False)
    manifest = json.loads((out / "manifest.json").read_text(encoding="utf-8"))
    assert manifest["dedupe"] == {"mode": "near", "threshold": 0.8, "groups": 1, "dropped": 1}
    assert manifest["corpus"]["source"] == str(folder.resolve())
    assert len(read_annotations(out).articles) == 2

"""notebooks/04_validate.ipynb and 03_stance.ipynb run headless, with a labels file and without one."""
from __future__ import annotations

import os

import nbformat
import pandas as pd
import pytest

from arnews import validate

pytestmark = pytest.mark.slow


def _run(repo_root, tmp_path, notebook="04_validate.ipynb", **params):
    import papermill

    from arnews.report import choose_kernel

    name, env = choose_kernel()
    old = {k: os.environ.get(k) for k in env}
    os.environ.update(env)
    try:
        out = tmp_path / "executed.ipynb"
        papermill.execute_notebook(str(repo_root / "notebooks" / notebook), str(out), kernel_name=name,
                                   parameters={"corpus": str(repo_root / "data" / "articles"), "n_boot": 50,
                                               "output_dir": str(tmp_path / "out"), **params},
                                   cwd=str(repo_root / "notebooks"), progress_bar=False)
    finally:
        for k, v in old.items():
            if v is None:
                os.environ.pop(k, None)
            else:
                os.environ[k] = v
    nb = nbformat.read(out, as_version=4)
    errors = [o for c in nb.cells if c.cell_type == "code" for o in c.outputs if o.output_type == "error"]
    assert errors == []
    return "\n".join(o.get("text", "") for c in nb.cells if c.cell_type == "code" for o in c.outputs)


def test_runs_without_labels_and_says_so(repo_root, tmp_path):
    out = tmp_path / "out"
    text = _run(repo_root, tmp_path)
    assert "rest on the built-in evaluation only" in text
    # without a labels file the sample to label is written under output_dir, never in the repository
    written = validate.read_label_file(out / "labels_to_fill.csv")
    assert len(written) > 0 and (written["label"] == "").all()
    assert f"{out / 'labels_to_fill.csv'}: {len(written)} sentences, 0 labelled" in text


def _gold_labels(repo_root, tmp_path, sample_annotations, n=25):
    """A labels file filled from the sample's gold labels (``n`` sentences of a random sample)."""
    gold = pd.read_csv(repo_root / "data/gold/stance_sentences.csv", dtype={"article_id": str}, keep_default_na=False)
    gold = gold.set_index(["article_id", "sentence_id"])
    rows = validate.sample_for_labelling(sample_annotations.tables, sample_annotations.articles, 60, seed=0)
    rows = rows[[(a, int(s)) in gold.index for a, s in zip(rows["article_id"], rows["sentence_id"])]].head(n).copy()
    keys = list(zip(rows["article_id"], rows["sentence_id"].astype(int)))
    rows["label"] = [gold.loc[k, "label"] for k in keys]
    rows["dyads"] = [gold.loc[k, "dyads"] for k in keys]
    labels = tmp_path / "labels.csv"
    validate.update_label_file(labels, rows)
    return labels, rows


def test_runs_with_a_labels_file_and_corrects(repo_root, tmp_path, sample_annotations):
    labels, rows = _gold_labels(repo_root, tmp_path, sample_annotations)
    text = _run(repo_root, tmp_path, labels=str(labels))
    assert "sentence tone macro-F1" in text and "WARNING" in text  # 25 sentences: too few
    assert "measured on 25 labelled sentences" in text
    after = validate.read_label_file(labels)  # all 25 were labelled, so new sentences were added after them
    assert len(after) > 25 and after["label"].head(25).tolist() == rows["label"].tolist()
    assert (after["label"].iloc[25:] == "").all()


def _figures(out, name):
    return sorted((out / "figures" / name).glob("*.png"))


def test_stance_notebook_without_labels_says_its_intervals_rest_on_the_built_in_evaluation(repo_root, tmp_path):
    text = _run(repo_root, tmp_path, "03_stance.ipynb", run_evaluation=False)
    assert "rest on the built-in evaluation only" in text and "labelled sentences of this corpus" not in text
    # per-article shares (conflict, cooperation), outlet, period, pairs, the network, the headline pair
    assert len(_figures(tmp_path / "out", "03_stance")) == 7


def test_stance_notebook_with_labels_corrects_and_says_how_many_labels(repo_root, tmp_path, sample_annotations):
    labels, rows = _gold_labels(repo_root, tmp_path, sample_annotations)
    text = _run(repo_root, tmp_path, "03_stance.ipynb", run_evaluation=False, labels=str(labels))
    assert "measured on 25 labelled sentences of this corpus" in text
    assert "built-in evaluation only" not in text
    assert len(_figures(tmp_path / "out", "03_stance")) == 7
    assert validate.read_label_file(labels)["label"].tolist() == rows["label"].tolist()  # 03 only reads the labels

"""Sampling, the labels file, measuring and learning on a user's labels (arnews.validate)."""
from __future__ import annotations

import pandas as pd
import pytest

from arnews import validate, validate_learn
from arnews.stance_model import StanceModel

REPO_GOLD = "data/gold/stance_sentences.csv"


@pytest.fixture(scope="module")
def gold_rows(repo_root):
    rows = pd.read_csv(repo_root / REPO_GOLD, dtype={"article_id": str}, keep_default_na=False)
    return rows.assign(batch=rows["article_id"])


@pytest.fixture(scope="module")
def small_model(gold_rows):
    """A small model trained on the sample's labelled sentences (the shipped file may not exist)."""
    from arnews.stance_train import fit, prepare

    return fit(prepare(gold_rows))


@pytest.fixture()
def labels_from_gold(tmp_path, gold_rows, sample_annotations):
    """A labels file as a user would fill it: the sample sentences with the sample's gold labels."""
    rows = validate.sample_for_labelling(sample_annotations.tables, sample_annotations.articles, 1000, seed=0)
    gold = gold_rows.set_index(["article_id", "sentence_id"])
    rows = rows[[(a, int(s)) in gold.index for a, s in zip(rows["article_id"], rows["sentence_id"])]].copy()
    keys = list(zip(rows["article_id"], rows["sentence_id"].astype(int)))
    rows["label"] = [gold.loc[k, "label"] for k in keys]
    rows["dyads"] = [gold.loc[k, "dyads"] for k in keys]
    rows["no_relation"] = ["" if d else "yes" for d in rows["dyads"]]
    path = tmp_path / "labels.csv"
    validate.update_label_file(path, rows)
    return path


def test_random_sample_in_the_gold_format(sample_annotations):
    t, arts = sample_annotations.tables, sample_annotations.articles
    rows = validate.sample_for_labelling(t, arts, 30, seed=1)
    assert list(rows.columns[:5]) == ["article_id", "sentence_id", "text", "label", "dyads"]
    assert list(rows.columns) == validate.LABEL_COLUMNS and len(rows) == 30
    assert (rows["label"] == "").all() and (rows["dyads"] == "").all() and (rows["strategy"] == "random").all()
    assert rows["date"].str.match(r"\d{4}-\d\d-\d\d").all() and (rows["outlet"] != "").any()
    assert rows["candidates"].str.contains("CHN~RUS").any() and rows["actors"].str.contains("=RUS").any()
    again = validate.sample_for_labelling(t, arts, 30, seed=1)
    assert again.equals(rows)
    other = validate.sample_for_labelling(t, arts, 30, seed=2)
    assert not other[["article_id", "sentence_id"]].equals(rows[["article_id", "sentence_id"]])
    with pytest.raises(ValueError, match="strategy 'best'"):
        validate.sample_for_labelling(t, arts, 5, strategy="best")


def test_stratified_and_uncertain_use_the_model(sample_annotations, small_model):
    t, arts = sample_annotations.tables, sample_annotations.articles
    pred = validate.classify(t, small_model)
    assert pred.method == "model" and set(pred.pairs["label"]) <= {"none", "cooperation", "conflict", "neutral"}
    strat = validate.sample_for_labelling(t, arts, 12, "stratified", predictions=pred)
    tone = pred.tones.set_index(["article_id", "sentence_id"])["label"]
    got = [tone[(a, int(s))] for a, s in zip(strat["article_id"], strat["sentence_id"])]
    counts = pd.Series(got).value_counts()
    assert counts.max() - counts.min() <= 1 or len(counts) < 3  # as equal as the corpus allows
    unc = validate.sample_for_labelling(t, arts, 10, "uncertain", predictions=pred)
    u = validate._uncertainty(pred)
    picked = {(a, int(s)) for a, s in zip(unc["article_id"], unc["sentence_id"])}
    rest = u[[k not in picked for k in u.index]]
    assert min(u[list(picked)]) >= rest.max()  # the least certain sentences (tone or pair) are the ones picked
    with pytest.raises(ValueError, match="uncertain"):
        validate.sample_for_labelling(t, arts, 5, "uncertain", predictions=validate.Predictions(
            pred.pairs.assign(probability=float("nan")), pred.tones.assign(probability=float("nan")), "lexicon"))


def test_label_file_keeps_given_labels_and_appends(tmp_path, sample_annotations):
    t, arts = sample_annotations.tables, sample_annotations.articles
    path = tmp_path / "labels.csv"
    first = validate.sample_for_labelling(t, arts, 10, seed=0)
    validate.update_label_file(path, first)
    validate.write_label(path, first.loc[0, "article_id"], first.loc[0, "sentence_id"], "conflict", "RUS~UKR:conflict")
    # re-run: the same sentences again plus new ones; the label given stays, new rows are appended
    more = validate.sample_for_labelling(t, arts, 10, seed=5, exclude=validate.read_label_file(path))
    assert not set(zip(more["article_id"], more["sentence_id"])) & set(zip(first["article_id"], first["sentence_id"]))
    out = validate.update_label_file(path, pd.concat([first, more]))
    assert len(out) == 20
    df = validate.read_label_file(path)
    assert df.loc[0, ["label", "dyads"]].tolist() == ["conflict", "RUS~UKR:conflict"]
    assert len(validate.read_user_labels(path)) == 1


def test_bad_labels_name_file_and_row(tmp_path):
    p = tmp_path / "labels.csv"
    p.write_text("article_id,sentence_id,text,label,dyads\na,0,x,conflict,\na,1,y,angry,\n", encoding="utf-8")
    with pytest.raises(ValueError, match=r"labels.csv: row 3: label 'angry'"):
        validate.read_user_labels(p)
    p.write_text("article_id,sentence_id,text,label,dyads\na,0,x,conflict,RUS-UKR\n", encoding="utf-8")
    with pytest.raises(ValueError, match=r"labels.csv: row 2: pair 'RUS-UKR'"):
        validate.read_user_labels(p)
    p.write_text("article_id,text\n", encoding="utf-8")
    with pytest.raises(ValueError, match=r"labels.csv: missing column"):
        validate.read_label_file(p)
    with pytest.raises(ValueError, match="not one of"):
        validate.write_label(p, "a", 0, "angry")


def test_cli_label_writes_and_extends(tmp_path, sample_dir, capsys):
    out = tmp_path / "labels.csv"
    assert validate.main([str(sample_dir), "--n", "8", "--out", str(out), "--seed", "0"]) == 0
    assert "estimate accuracy on the whole corpus" in capsys.readouterr().out
    assert validate.main([str(sample_dir), "--n", "5", "--out", str(out), "--seed", "0"]) == 0
    df = validate.read_label_file(out)
    assert len(df) == 13 and not df.duplicated(["article_id", "sentence_id"]).any()
    assert validate.main([str(tmp_path / "nowhere"), "--n", "5", "--out", str(out)]) == 2


def test_evaluate_user_labels_prints_the_table_with_intervals_and_warning(labels_from_gold, small_model, sample_dir):
    text = validate.evaluate_user_labels(labels_from_gold, corpus=sample_dir, model=small_model, n_boot=100)
    assert "sentence tone macro-F1" in text and "pair recall" in text and "[" in text
    assert "WARNING" in text and "5 articles" in text  # too few articles for a stable figure
    assert validate.RANDOM_NOTE in text
    # without the corpus: the labelled sentences annotated on their own
    text2 = validate.evaluate_user_labels(labels_from_gold, model=small_model, n_boot=50)
    assert "sentence tone macro-F1" in text2


@pytest.mark.slow
def test_learn_from_labels_reports_before_after_and_saves_a_usable_model(labels_from_gold, small_model, sample_dir, tmp_path):
    out = tmp_path / "user_model.json.gz"
    r = validate_learn.learn_from_labels(labels_from_gold, corpus=sample_dir, written=tmp_path / "no_written",
                                   model=small_model, folds=3, out=out, n_boot=50)
    assert out.is_file()
    m = StanceModel.from_json(out)
    assert m.meta["n_user"] > 100
    text = r.report()
    assert "Before" in text and "After" in text and str(out) in text
    assert 0 <= r.after.values["macro_f1"] <= 1 and 0 <= r.before.values["macro_f1"] <= 1


def test_user_model_path_sits_next_to_the_corpus(tmp_path):
    (tmp_path / "corpus").mkdir()
    assert validate_learn.user_model_path(tmp_path / "corpus") == tmp_path / "corpus.stance_model.json.gz"
    assert validate_learn.user_model_path(tmp_path / "news.csv") == tmp_path / "news.stance_model.json.gz"


# An annotation folder is read in part and gives the same predictions and samples
# ---------------------------------------------------------------------------


@pytest.fixture(scope="module")
def sample_folder(tmp_path_factory, sample_dir):
    from arnews.pipeline import annotate_to_parquet, read_annotations
    from arnews.tables import AnnotationFolder

    out = tmp_path_factory.mktemp("ann")
    annotate_to_parquet(sample_dir, out, chunk_size=2, cache=False, progress=False)  # 3 parts
    return AnnotationFolder(out), read_annotations(out)


def _sorted(df, cols):
    keys = [c for c in ("article_id", "sentence_id", "a", "b") if c in cols]
    return df[cols].astype({"sentence_id": int}).sort_values(keys).reset_index(drop=True)


def test_a_folder_is_classified_as_its_tables_are(sample_folder):
    from pandas.testing import assert_frame_equal

    from arnews.stance_model import model_path

    folder, ann = sample_folder
    whole = validate.classify(ann.tables)
    stored = validate.classify(folder)  # the annotation's own model tables, a few columns read
    batched = validate.classify_folder(folder, model_path(), batch=2)  # the model run on 2 articles at a time
    assert whole.method == stored.method == "model" and len(whole.pairs) > 10
    for got in (stored, batched):
        for a, b, cols in ((whole.pairs, got.pairs, ["article_id", "sentence_id", "a", "b", "label", "probability"]),
                           (whole.tones, got.tones, ["article_id", "sentence_id", "label", "probability"])):
            assert_frame_equal(_sorted(a, cols), _sorted(b, cols), check_dtype=False, atol=1e-6)


def test_a_folder_gives_the_same_sample_to_label(sample_folder):
    folder, ann = sample_folder
    from_folder = validate.sample_for_labelling(folder, ann.articles, 30, seed=3)
    from_tables = validate.sample_for_labelling(ann.tables, ann.articles, 30, seed=3)
    assert len(from_folder) == 30 and (from_folder["text"] != "").all()
    assert from_folder.equals(from_tables)


def test_a_folder_without_sentences_gives_empty_predictions(tmp_path):
    from arnews.tables import AnnotationFolder

    pd.DataFrame({"article_id": pd.Series([], dtype=str)}).to_parquet(tmp_path / "articles.parquet")
    pd.DataFrame({"article_id": pd.Series([], dtype=str), "sentence_id": pd.Series([], dtype=int),
                  "text": pd.Series([], dtype=str)}).to_parquet(tmp_path / "sentences.parquet")
    p = validate.classify_folder(AnnotationFolder(tmp_path))
    assert len(p.pairs) == 0 and len(p.tones) == 0 and p.method == "model"
    assert {"a", "b", "label", "probability"} <= set(p.pairs.columns)


def test_labels_are_checked_against_a_folder_as_against_its_tables(sample_folder):
    folder, ann = sample_folder
    rows = validate.sample_for_labelling(ann.tables, ann.articles, 12, seed=1)
    rows.loc[0, "text"] = "نص آخر"  # a sentence that no longer matches the corpus
    from_folder = validate.in_corpus(rows, folder)
    assert len(from_folder) == 11 and from_folder.equals(validate.in_corpus(rows, ann.tables))


def test_readme_explains_the_loop_in_five_lines_with_commands_that_run(repo_root, capsys):
    """README 'Validate on your own corpus': five steps, and every `python -m arnews` command
    and option they name is one the command line accepts (so the text cannot go stale)."""
    import re

    from arnews import cli

    text = (repo_root / "README.md").read_text(encoding="utf-8")
    section = text.split("## Validate on your own corpus", 1)[1].split("\n## ", 1)[0]
    steps = [line for line in section.splitlines() if re.match(r"\d\. ", line)]
    assert [s[0] for s in steps] == ["1", "2", "3", "4", "5"]
    assert "04_validate" in section and "03_stance" in section
    commands = re.findall(r"`python -m arnews ([^`]+)`", section)
    named = {c.split()[0] for c in commands}
    assert {"label", "evaluate", "learn-stance", "report"} <= named, commands
    for command in commands:
        sub = command.split()[0]
        with pytest.raises(SystemExit):
            cli.main([sub, "--help"])
        usage = capsys.readouterr().out
        for option in re.findall(r"--[a-z-]+", command):
            assert option in usage, (command, option)

"""The labelling widget (arnews.labelling), driven without a browser."""
from __future__ import annotations

import pandas as pd
import pytest

pytest.importorskip("ipywidgets")

from arnews import validate  # noqa: E402
from arnews.labelling import Labeller, highlight  # noqa: E402

ROWS = [
    ("a1", 0, "قال بوتين إن روسيا والصين شريكان <script>alert(1)</script>", "CHN~RUS", "بوتين=RUS|روسيا=RUS|الصين=CHN"),
    ("a1", 1, "وانتقدت واشنطن موسكو بشدة.", "RUS~USA", "واشنطن=USA|موسكو=RUS"),
    ("a2", 0, "ارتفعت الأسعار في الصين.", "", "الصين=CHN"),
    ("a2", 3, "التقى الوزيران في القاهرة.", "", ""),
]


def _file(tmp_path):
    rows = pd.DataFrame(ROWS, columns=["article_id", "sentence_id", "text", "candidates", "actors"])
    for c in validate.LABEL_COLUMNS:
        if c not in rows.columns:
            rows[c] = ""
    path = tmp_path / "labels.csv"
    validate.update_label_file(path, rows[validate.LABEL_COLUMNS])
    return path


def _predictions():
    tones = pd.DataFrame({"article_id": ["a1", "a1", "a2", "a2"], "sentence_id": [0, 1, 0, 3],
                          "label": ["cooperation", "neutral", "neutral", "neutral"], "probability": [0.9, 0.55, 0.8, 0.7]})
    pairs = pd.DataFrame({"article_id": ["a1", "a1"], "sentence_id": [0, 1], "a": ["CHN", "RUS"], "b": ["RUS", "USA"],
                          "label": ["cooperation", "conflict"], "probability": [0.8, 0.6]})
    return validate.Predictions(pairs, tones, "model")


def _csv(path):
    return pd.read_csv(path, dtype=str, keep_default_na=False)


def test_label_saved_at_once_guess_after_label_and_resume(tmp_path):
    path = _file(tmp_path)
    lab = Labeller(path, predictions=_predictions())
    assert lab.pos == 0 and lab.guess.value == ""  # no guess before the label is given
    assert "&lt;script&gt;" in lab.sentence.value and "<script>" not in lab.sentence.value
    assert 'dir="rtl"' in lab.sentence.value and 'title="CHN"' in lab.sentence.value
    # first sentence: a pair chosen in its menu, tone by a button click
    lab.pair_menus["CHN~RUS"].value = "cooperation"
    lab.buttons["cooperation"].click()
    df = _csv(path)
    assert df.loc[0, ["label", "dyads", "no_relation"]].tolist() == ["cooperation", "CHN~RUS:cooperation", ""]
    assert (df.loc[1:, "label"] == "").all()
    assert "model" in lab.guess.value and "cooperation" in lab.guess.value  # the guess, after the label
    assert lab.pos == 1
    # second sentence: keyboard, "2" = conflict, with a pair typed in the free box
    lab.other_pairs.value = "RUS~USA:conflict"
    lab.keys.value = "2"
    df = _csv(path)
    assert df.loc[1, ["label", "dyads"]].tolist() == ["conflict", "RUS~USA:conflict"]
    assert lab.keys.value == "" and lab.pos == 2 and "differs" in lab.guess.value
    # a bad pair is refused and nothing is written
    lab.other_pairs.value = "CHN~CHN:conflict"
    lab.label("neutral")
    assert "two different codes" in lab.message.value and _csv(path).loc[2, "label"] == ""
    lab.other_pairs.value = ""
    lab.label("neutral")
    assert _csv(path).loc[2, ["label", "dyads", "no_relation"]].tolist() == ["neutral", "", "yes"]
    # a new labeller on the same file resumes at the next unlabelled sentence
    again = Labeller(path)
    assert again.pos == 3 and again.current["sentence_id"] == "3"
    assert "3 of 4 labelled" in again.progress.value
    again.keys.value = "n"
    assert again.no_relation.value is True
    again.keys.value = "3"
    assert _csv(path).loc[3, ["label", "no_relation"]].tolist() == ["neutral", "yes"]
    assert again.pos is None and "Every sentence" in again.sentence.value
    # the labels read back as the user's labels
    user = validate.read_user_labels(path)
    assert len(user) == 4 and user["pairs_answered"].all()


def test_back_shows_a_given_label_and_relabelling_keeps_other_rows(tmp_path):
    path = _file(tmp_path)
    lab = Labeller(path)
    lab.label("conflict")
    lab.back_button.click()
    assert lab.pos == 0 and "labelled conflict" in lab.header.value
    lab.label("neutral")  # a correction by the labeller itself
    df = _csv(path)
    assert df.loc[0, "label"] == "neutral" and (df.loc[1:, "label"] == "").all()
    # keys s (skip) and b (back) move without labelling; the guess stays that of the last answer
    lab.move(-1)
    pos, guess = lab.pos, lab.guess.value
    lab.keys.value = "s"
    assert lab.pos == (pos + 1) % 4 and lab.keys.value == ""
    lab.keys.value = "b"
    assert lab.pos == pos and lab.guess.value == guess
    assert (_csv(path)["label"] != "").sum() == 1


def test_highlight_escapes_actor_names():
    out = highlight("<b>x</b> بوتين", "<b>=ZZ|بوتين=RUS")
    assert "<b>" not in out and out.count("<mark") == 2

"""Supervised sentence stance: a scikit-learn classifier, and an optional transformers backend.

The lexicon method (:mod:`arnews.stance`) needs no training data. When a researcher has
labelled sentences of their own (the CSV format of ``data/gold/stance_sentences.csv``:
``article_id, sentence_id, text, label``), a classifier trained on them usually adapts better
to their outlets. Two backends:

* :func:`train` / :func:`cross_validate`: TF-IDF character n-grams (robust to Arabic clitics
  and spelling variants) + logistic regression, cross-validated with folds grouped by article
  so no article is in both train and test.
* :class:`TransformersStance`: a fine-tuned Arabic sequence-classification model, or an NLI
  model used zero-shot, loaded from a **local** folder (nothing is downloaded), run in
  batches.

Example
-------
>>> import pandas as pd
>>> df = pd.DataFrame({"article_id": list("aabbcc"), "text": ["تعاون وشراكة", "دعم وتعاون",
...       "عقوبات وتهديد", "غزو وحرب", "اجتماع في موعده", "زيارة مقررة"],
...       "label": ["cooperation", "cooperation", "conflict", "conflict", "neutral", "neutral"]})
>>> model = train(df)
>>> model.predict(["تعاون"])[0]     # doctest: +SKIP
'cooperation'
"""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Iterable, Sequence

import numpy as np
import pandas as pd

from .evaluation.stance_gold import read_gold
from .stance.lexicon import LABELS
from .text import normalize
from .wordforms import feature_word
from .resources import moved_names

__all__ = [
    "make_pipeline",
    "train",
    "LexiconFeatures",
    "predict_sentences",
    "TransformersStance",
    "DEFAULT_HYPOTHESES",
]


def _clitic_words(text: str) -> list[str]:
    """Word features: normalized words with the article / one-letter proclitics stripped
    (:func:`arnews.wordforms.feature_word`: التعاون, وبالتعاون, للتعاون share تعاون)."""
    out = []
    for w in normalize(text).split():
        w = w.strip(".,،؛:؟!?\"'“”«»()[]-–—")
        if w:
            out.append(feature_word(w))
    return out


class LexiconFeatures:
    """scikit-learn transformer: per text, the stance lexicon's evidence as 4 numbers
    (sum of positive cue weights, sum of negative cue weights, number of negated cues, the
    lexicon sentence score). Lets the classifier use the lexicon as prior knowledge while
    learning how much to trust it from the labels.

    >>> LexiconFeatures().fit_transform(["تعزيز التعاون", "فرض عقوبات"]).round(2).tolist()
    [[0.7, 0.0, 0.0, 0.7], [0.0, -0.7, 0.0, -0.7]]
    """

    def fit(self, X, y=None):
        return self

    def get_params(self, deep=True):
        return {}

    def set_params(self, **params):
        return self

    def transform(self, X):
        from .stance import match_cues, score_sentences
        from .text import tokens_table

        texts = [str(t) for t in X]
        if not texts:
            return np.zeros((0, 4))
        sents = pd.DataFrame({"article_id": [f"t{i}" for i in range(len(texts))], "sentence_id": 0, "start": 0,
                              "end": [len(t) for t in texts], "text": texts})
        toks = tokens_table(sents)
        cues = match_cues(toks)
        ss = score_sentences(sents, cues).set_index("article_id")
        F = np.zeros((len(texts), 4))
        if len(cues):
            pos = cues["effective"].clip(lower=0).groupby(cues["article_id"]).sum()
            neg = cues["effective"].clip(upper=0).groupby(cues["article_id"]).sum()
            ng = (cues["effective"] == 0).groupby(cues["article_id"]).sum()
            for i, a in enumerate(sents["article_id"]):
                F[i, 0], F[i, 1], F[i, 2] = pos.get(a, 0.0), neg.get(a, 0.0), ng.get(a, 0)
        F[:, 3] = ss.loc[sents["article_id"], "score"].to_numpy()
        return F

    def fit_transform(self, X, y=None):
        return self.transform(X)


def make_pipeline(
    ngram_range: tuple[int, int] = (2, 5),
    C: float = 4.0,
    class_weight: str | None = "balanced",
    word_ngrams: tuple[int, int] | None = (1, 1),
    lexicon_features: bool = True,
):
    """Features: TF-IDF character n-grams (within word boundaries), TF-IDF word n-grams on
    clitic-stripped words (``word_ngrams``; None to drop) and, with ``lexicon_features``, the
    stance lexicon's evidence (:class:`LexiconFeatures`); then logistic regression with
    ``class_weight`` (balanced: rare labels such as conflict are not swamped).

    >>> make_pipeline().named_steps["features"].transformer_list[0][1].analyzer
    'char_wb'
    """
    from sklearn.feature_extraction.text import TfidfVectorizer
    from sklearn.linear_model import LogisticRegression
    from sklearn.pipeline import FeatureUnion, Pipeline

    parts = [("char", TfidfVectorizer(analyzer="char_wb", ngram_range=ngram_range, preprocessor=normalize,
                                      sublinear_tf=True, min_df=1))]
    if word_ngrams:
        parts.append(("word", TfidfVectorizer(tokenizer=_clitic_words, token_pattern=None, lowercase=False,
                                              ngram_range=word_ngrams, sublinear_tf=True)))
    if lexicon_features:
        parts.append(("lexicon", LexiconFeatures()))
    return Pipeline(
        [
            ("features", FeatureUnion(parts)),
            ("clf", LogisticRegression(C=C, max_iter=5000, class_weight=class_weight)),
        ]
    )


def labelled_sentences(data: pd.DataFrame | str | Path | None) -> pd.DataFrame:
    if data is None or isinstance(data, (str, Path)):
        return read_gold(data)
    missing = [c for c in ("text", "label") if c not in data.columns]
    if missing:
        raise ValueError(f"labelled sentences lack column(s) {missing}; expected text, label (and article_id)")
    bad = sorted(set(data["label"]) - set(LABELS))
    if bad:
        raise ValueError(f"labelled sentences: unknown label(s) {bad}; use {LABELS}")
    return data


def train(data: pd.DataFrame | str | Path | None = None, **params):
    """Fit the classifier on labelled sentences (a DataFrame or a CSV path; default the gold set)."""
    df = labelled_sentences(data)
    model = make_pipeline(**params)
    model.fit(df["text"].astype(str).tolist(), df["label"].tolist())
    return model


def predict_sentences(model, sentences: pd.DataFrame) -> pd.DataFrame:
    """Apply a fitted model (from :func:`train` or a :class:`TransformersStance`) to a
    sentences table: ``article_id, sentence_id, label, score`` (score = P(cooperation) −
    P(conflict), in [-1, 1])."""
    texts = sentences["text"].astype(str).tolist()
    proba = model.predict_proba(texts)
    classes = list(model.classes_)
    P = pd.DataFrame(proba, columns=classes)
    score = P.get("cooperation", 0) - P.get("conflict", 0)
    out = sentences[["article_id", "sentence_id"]].copy().reset_index(drop=True)
    out["label"] = [classes[i] for i in np.argmax(proba, axis=1)]
    out["score"] = np.round(np.asarray(score, dtype=float), 4)
    return out


# ---------------------------------------------------------------------------
# Transformers backend (local models only)
# ---------------------------------------------------------------------------

DEFAULT_HYPOTHESES = {
    "cooperation": "هذا النص عن التعاون أو الدعم بين الدول.",
    "conflict": "هذا النص عن الصراع أو الخلاف بين الدول.",
    "neutral": "هذا النص خبر محايد.",
}


@dataclass
class TransformersStance:
    """Sentence stance from a local transformers model, in batches.

    ``mode="classifier"``: a sequence-classification model fine-tuned on stance; its
    ``config.id2label`` must name the labels (cooperation / conflict / neutral, or a
    ``label_map`` translating them). ``mode="nli"``: an NLI model used zero-shot; each
    sentence is paired with one hypothesis per label and the entailment logit decides.

    Nothing is downloaded: ``path`` must be a folder holding the model and tokenizer
    (``local_files_only=True``).

    >>> m = TransformersStance("/path/to/local/model")           # doctest: +SKIP
    >>> m.predict(["أكد الجانبان تعميق التعاون"])                 # doctest: +SKIP
    ['cooperation']
    """

    path: str | Path
    mode: str = "classifier"
    batch_size: int = 16
    max_length: int = 256
    label_map: dict | None = None
    hypotheses: dict | None = None
    device: str = "cpu"

    def __post_init__(self):
        p = Path(self.path)
        if not p.is_dir():
            raise FileNotFoundError(f"{p}: not a local model folder (the transformers backend never downloads models)")
        if self.mode not in ("classifier", "nli"):
            raise ValueError(f"mode must be 'classifier' or 'nli', not {self.mode!r}")
        from transformers import AutoModelForSequenceClassification, AutoTokenizer

        self.tokenizer = AutoTokenizer.from_pretrained(str(p), local_files_only=True)
        self.model = AutoModelForSequenceClassification.from_pretrained(str(p), local_files_only=True)
        self.model.eval().to(self.device)
        id2label = {int(k): str(v) for k, v in self.model.config.id2label.items()}
        if self.mode == "classifier":
            lm = self.label_map or {}
            self._labels = [lm.get(id2label[i], id2label[i]) for i in range(len(id2label))]
            unknown = sorted(set(self._labels) - set(LABELS))
            if unknown:
                raise ValueError(f"{p}: model labels {unknown} are not {LABELS}; pass label_map={{model_label: stance_label}}")
            self.classes_ = list(self._labels)
        else:
            ent = [i for i, lab in id2label.items() if lab.lower().startswith("entail")]
            if not ent:
                raise ValueError(f"{p}: NLI mode needs an 'entailment' label in config.id2label, found {id2label}")
            self._entail = ent[0]
            self.hyp = dict(self.hypotheses or DEFAULT_HYPOTHESES)
            self.classes_ = list(self.hyp)

    def _batches(self, items: Sequence, size: int) -> Iterable[Sequence]:
        for i in range(0, len(items), size):
            yield items[i : i + size]

    def predict_proba(self, texts: Sequence[str]) -> np.ndarray:
        """Class probabilities, one row per text, columns in ``classes_`` order."""
        import torch

        texts = [str(t) for t in texts]
        rows = []
        with torch.no_grad():
            if self.mode == "classifier":
                for batch in self._batches(texts, self.batch_size):
                    enc = self.tokenizer(list(batch), padding=True, truncation=True, max_length=self.max_length, return_tensors="pt")
                    enc = {k: v.to(self.device) for k, v in enc.items()}
                    logits = self.model(**enc).logits
                    rows.append(torch.softmax(logits, dim=-1).cpu().numpy())
            else:
                hyps = list(self.hyp.values())
                pairs = [(t, h) for t in texts for h in hyps]
                ent = []
                for batch in self._batches(pairs, self.batch_size * len(hyps)):
                    enc = self.tokenizer([a for a, _ in batch], [b for _, b in batch], padding=True, truncation=True,
                                         max_length=self.max_length, return_tensors="pt")
                    enc = {k: v.to(self.device) for k, v in enc.items()}
                    ent.append(self.model(**enc).logits[:, self._entail].cpu())
                if ent:
                    e = torch.cat(ent).reshape(len(texts), len(hyps))
                    rows.append(torch.softmax(e, dim=-1).numpy())
        if not rows:
            return np.zeros((0, len(self.classes_)))
        return np.concatenate(rows, axis=0)

    def predict(self, texts: Sequence[str]) -> list[str]:
        proba = self.predict_proba(texts)
        return [self.classes_[i] for i in np.argmax(proba, axis=1)]


# Gold reading and evaluation live in arnews.evaluation; these names stay reachable here for
# notebooks written before the move (looked up on first use: no import of arnews.evaluation).
_MOVED = {
    "cross_validate": "arnews.evaluation.stance_cv",
    "split_validate": "arnews.evaluation.stance_cv",
}


__getattr__ = moved_names(__name__, _MOVED)  # names moved to arnews.evaluation stay reachable

"""Lemmas and part of speech for tokens, with the backend that produced each one recorded.

Backends
--------
``camel``
    CAMeL Tools' morphology database and MLE disambiguator (``camel_data -i light``). Used
    by ``backend="auto"`` when the data is installed.
``camel-analyzer``
    CAMeL Tools' :class:`~camel_tools.morphology.analyzer.Analyzer` on a morphology database
    without a disambiguation model. Among a word's analyses it keeps the one with the highest
    ``pos_lex_logprob`` (the database's own lemma/POS unigram probability); ties go to the
    analysis with the fewest morphemes (shortest ``bw``), then to the alphabetically first
    ``lex``, so the choice is deterministic.
``rules``
    The offline default, chosen by measurement against ``data/gold/lemmas.csv`` (see
    :func:`evaluation_report`): clitic and affix stripping that only removes an affix when a
    general Arabic word-frequency list (``wordfreq``) shows the remainder is a common word,
    plus the gazetteer's names (``data/actors.csv``) protected as whole words, and function
    words mapped to their base form by the ``Arabic-Stopwords`` list. The definite article is
    always removed (الصين → صين, الكرملين → كرملين), as in CAMeL Tools' ``lex``. Gives no POS.
``qalsadi``, ``snowball``, ``isri``, ``tashaphyne``, ``identity``
    Candidates compared in the evaluation (``identity`` returns the normalized token).

CAMeL Tools' data-backed modules try to download data when imported without it, so they are
imported only inside the functions that use them, after :func:`camel_data_status` has found
the files on disk. Lemmas are computed once per word *type* and cached (news text is Zipfian;
CAMeL Tools 1.6.0's own MLE cache recomputes on every call).

Example
-------
>>> import pandas as pd
>>> toks = pd.DataFrame({"surface": ["وبوتين", "بالصين", "لروسيا", "."],
...                      "norm": ["وبوتين", "بالصين", "لروسيا", "."],
...                      "is_word": [True, True, True, False]})
>>> add_lemmas(toks, backend="rules")[["lemma", "lemma_backend"]].values.tolist()
[['بوتين', 'rules'], ['صين', 'rules'], ['روسيا', 'rules'], ['.', 'punct']]
"""
from __future__ import annotations

from ..resources import camel_data_dir
from .backends import Lemmatizer, get_lemmatizer, lemmatize, strip_marks
from .camel import BACKENDS, CANDIDATES, OFFLINE_DEFAULT, camel_data_status, resolve_backend
from .rules import RuleLemmatizer
from .stage import STAGE, add_lemmas, annotate_stage, cache_token
from ..resources import moved_names

__all__ = [
    "BACKENDS",
    "OFFLINE_DEFAULT",
    "CANDIDATES",
    "camel_data_dir",
    "camel_data_status",
    "resolve_backend",
    "Lemmatizer",
    "get_lemmatizer",
    "lemmatize",
    "add_lemmas",
    "annotate_stage",
    "RuleLemmatizer",
    "strip_marks",
    "STAGE",
    "cache_token",
]


# Gold reading and evaluation live in arnews.evaluation; these names stay reachable here for
# notebooks written before the move (looked up on first use: no import of arnews.evaluation).
_MOVED = {
    "evaluate": "arnews.evaluation.lemmas",
    "evaluation_report": "arnews.evaluation.lemmas",
    "evaluation_errors": "arnews.evaluation.lemmas",
    "load_gold": "arnews.evaluation.lemmas",
}


__getattr__ = moved_names(__name__, _MOVED)  # names moved to arnews.evaluation stay reachable

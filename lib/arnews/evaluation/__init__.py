"""Accuracy figures against the hand-labelled data in ``data/gold/`` (``python -m arnews
evaluate``): gold reading, metrics and printed reports, apart from the annotators.

=========  ====================================  =====================================
name       module                                gold file
=========  ====================================  =====================================
lemmas     :mod:`arnews.lemma_eval`              ``data/gold/lemmas.csv``, ``lemmas_written.csv``
actors     :mod:`arnews.evaluation.actors`       ``data/gold/actors.csv``
quotes     :mod:`arnews.quote_eval`              ``data/gold/quotes.csv``, ``quotes_written.csv``
stance     :mod:`arnews.stance_eval`             ``stance_written/``, ``stance_sentences.csv``
agreement  :mod:`arnews.evaluation.agreement`    ``*_agreement/second_labels.csv``
=========  ====================================  =====================================

Each module has ``evaluate()`` (figures as a dict or DataFrame) and ``evaluation_report()``
(the text ``python -m arnews evaluate NAME`` prints). The supervised stance classifier's
cross-validation is :mod:`arnews.evaluation.stance_cv`.

>>> sorted(EVALUATIONS)
['actors', 'agreement', 'lemmas', 'quotes', 'stance']
"""
#: Evaluation name -> module providing ``evaluation_report() -> str``.
EVALUATIONS = {
    "lemmas": "arnews.lemma_eval",  # held-out written text and the sample, with intervals
    "actors": "arnews.evaluation.actors",
    "quotes": "arnews.quote_eval",  # held-out written quotes, dev, the sample
    "stance": "arnews.stance_eval",  # the trained model and the lexicon, held out, with intervals
    "agreement": "arnews.evaluation.agreement",  # blind second labellings against the gold
}

__all__ = ["EVALUATIONS"]

"""Accuracy figures against the hand-labelled data in ``data/gold/`` (``python -m arnews
evaluate``): gold reading, metrics and printed reports, apart from the annotators.

=========  ====================================  =====================================
name       module                                gold file
=========  ====================================  =====================================
lemmas     :mod:`arnews.evaluation.lemmas`       ``data/gold/lemmas.csv``
actors     :mod:`arnews.evaluation.actors`       ``data/gold/actors.csv``
quotes     :mod:`arnews.evaluation.quotes`       ``data/gold/quotes.csv``
stance     :mod:`arnews.evaluation.stance`       ``data/gold/stance_sentences.csv``
=========  ====================================  =====================================

Each module has ``evaluate()`` (figures as a dict or DataFrame) and ``evaluation_report()``
(the text ``python -m arnews evaluate NAME`` prints). The supervised stance classifier's
cross-validation is :mod:`arnews.evaluation.stance_cv`.

>>> sorted(EVALUATIONS)
['actors', 'lemmas', 'quotes', 'stance']
"""
#: Evaluation name -> module providing ``evaluation_report() -> str``.
EVALUATIONS = {
    "lemmas": "arnews.evaluation.lemmas",
    "actors": "arnews.evaluation.actors",
    "quotes": "arnews.evaluation.quotes",
    "stance": "arnews.evaluation.stance",
}

__all__ = ["EVALUATIONS"]

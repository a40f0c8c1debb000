"""Sentence views of a short text run through the whole pipeline (shared by the stance tests)."""
from __future__ import annotations

import pandas as pd
from arnews import stance_model
from arnews.pipeline import annotate


def views_of(text: str) -> list:
    """:class:`arnews.stance_features.SentenceView` of each sentence of ``text`` (one article)."""
    tables = annotate(pd.DataFrame({"article_id": ["a"], "text": [text]}), cache=False).tables
    return list(stance_model.sentence_views(tables))

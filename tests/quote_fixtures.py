"""Quotes of a short text with hand-made actor mentions (shared by the speaker tests)."""
from __future__ import annotations

import pandas as pd
import regex as re
from arnews.actors import find_mentions
from arnews.quotes import find_quotes
from arnews.text import sentences_table, tokens_table


def quotes_of(text: str, actors: list[tuple[str, str, str, str]] = (), chooser: bool = True) -> pd.DataFrame:
    """Quotes of ``text`` with hand-made mentions ``(surface, actor_id, actor_type, country)``;
    ``chooser=False``: the rules' answers alone (without the round-15 speaker-state chooser)."""
    arts = pd.DataFrame({"article_id": ["a"], "clean_text": [text]})
    sents = sentences_table(arts)
    toks = tokens_table(sents)
    rows = []
    for surface, actor_id, actor_type, country in actors:
        for m in re.finditer(re.escape(surface), text):
            sid = int(sents.loc[(sents["start"] <= m.start()) & (sents["end"] > m.start()), "sentence_id"].iloc[0])
            rows.append({"article_id": "a", "sentence_id": sid, "start": m.start(), "end": m.end(), "surface": surface,
                         "actor_id": actor_id, "actor_type": actor_type, "country": country})
    ments = pd.DataFrame(rows, columns=["article_id", "sentence_id", "start", "end", "surface", "actor_id",
                                        "actor_type", "country"]).sort_values("start").reset_index(drop=True)
    return find_quotes(sents, toks, ments, arts, chooser=chooser)


def quotes_with_gazetteer(text: str, chooser: bool = False) -> pd.DataFrame:
    """Quotes of ``text`` with the gazetteer's own mentions (:func:`arnews.actors.find_mentions`);
    by default the rules' answers alone."""
    arts = pd.DataFrame({"article_id": ["a"], "clean_text": [text]})
    sents = sentences_table(arts)
    toks = tokens_table(sents)
    return find_quotes(sents, toks, find_mentions(toks, texts={"a": text}), arts, chooser=chooser)


def speaker_of(quotes: pd.DataFrame, quote: str, col: str = "speaker_country") -> list:
    """The ``col`` values of the quotes whose text is ``quote`` (one per occurrence)."""
    return quotes.loc[quotes["quote"] == quote, col].tolist()

"""Quotes of a corpus (:func:`find_quotes`) and the pipeline stage (:data:`STAGE`)."""
from __future__ import annotations

import numpy as np
import pandas as pd

from ..speakers import SPEAKER_COLUMNS, add_speaker_columns
from ..speakers.chooser import choose_states
from ..stages import Stage
from .article import by_article, mention_rows, token_slices
from .attribution import ArticleInput, article_quotes
from .groups import country_codes
from .lexicon import SpeechLexicon, load_speech_verbs

__all__ = ["QUOTE_COLUMNS", "find_quotes", "annotate_stage", "STAGE"]

QUOTE_COLUMNS = [
    "article_id",
    "sentence_id",
    "start",
    "end",
    "quote",
    "speaker_text",
    "speaker_actor_id",
    "verb",
    "rule",
    "balanced",
    "open_mark",
    "close_mark",
    "speaker_start",
    "speaker_end",
    "speaker_group",
    "speaker_via",
    *SPEAKER_COLUMNS,  # speaker_country, speaker_type, kind: added by arnews.speakers
    "speaker_chosen",  # the speaker-state chooser changed speaker_country (arnews.speakers.chooser)
]


def find_quotes(
    sentences: pd.DataFrame,
    tokens: pd.DataFrame,
    mentions: pd.DataFrame | None = None,
    articles: pd.DataFrame | None = None,
    lexicon: SpeechLexicon | None = None,
    chooser: bool = True,
) -> pd.DataFrame:
    """Quotes and their speakers, one row per quoted span (columns :data:`QUOTE_COLUMNS`).

    ``articles`` (with ``clean_text``) gives exact results; without it the text is rebuilt
    from the sentences (characters between sentences become spaces, so a closing mark
    standing alone between two sentences is lost). ``mentions`` comes from
    :func:`arnews.actors.find_mentions`; without it ``speaker_actor_id`` stays empty and
    ``speaker_text`` comes from the noun phrase after the verb.

    Columns: ``start``/``end`` (``clean_text[start:end] == quote``, marks excluded),
    ``sentence_id`` (sentence of the quote's first character), ``speaker_text`` and
    ``speaker_actor_id`` (None when no cue applies), ``verb`` (the cue as written: "وقال",
    "مضيفًا", "وجاء في", "ووفقًا"; None for ``colon_intro``), ``rule`` (which attribution
    rule fired, see the module docstring), ``balanced`` (False: the quote was never
    closed), ``open_mark``/``close_mark``, ``speaker_start``/``speaker_end`` (offsets of the
    speaker phrase; for an implicit subject, of the earlier phrase it was taken from; after
    وفقا the preposition ل is left out, and ``speaker_text`` restores the article:
    "للكرملين" → "الكرملين"), ``speaker_group`` (a group subject's pair, ``PUTIN|XI``;
    ``speaker_actor_id`` is then empty) and ``speaker_via`` (``name``, ``role``, ``group``,
    ``anaphora``; see the module docstring); ``speaker_chosen`` (True where the learned
    chooser of :mod:`arnews.speakers.chooser` gave a state to a quote the rules left without
    speaker, or overturned the state of a weak rule, whose speaker it then drops;
    ``chooser=False`` keeps the rules' answers only).

    >>> import pandas as pd
    >>> from arnews.text import sentences_table, tokens_table
    >>> arts = pd.DataFrame({"article_id": ["a"], "clean_text": ['وقال بوتين: "العلاقات قوية".']})
    >>> s = sentences_table(arts); t = tokens_table(s)
    >>> m = pd.DataFrame({"article_id": ["a"], "sentence_id": [0], "start": [5], "end": [10],
    ...                   "surface": ["بوتين"], "actor_id": ["PUTIN"], "actor_type": ["person"], "country": ["RUS"]})
    >>> find_quotes(s, t, m, arts)[["quote", "speaker_actor_id", "verb", "rule"]].values.tolist()
    [['العلاقات قوية', 'PUTIN', 'وقال', 'verb_subject']]
    """
    for name, df, cols in (
        ("sentences", sentences, ("article_id", "sentence_id", "start", "end", "text")),
        ("tokens", tokens, ("article_id", "sentence_id", "token_id", "start", "end", "surface", "norm")),
    ):
        missing = [c for c in cols if c not in df.columns]
        if missing:
            raise ValueError(f"find_quotes: the {name} table lacks column(s) {missing}")
    if mentions is not None:
        missing = [c for c in ("article_id", "start", "end", "actor_id") if c not in mentions.columns]
        if missing:
            raise ValueError(f"find_quotes: the mentions table lacks column(s) {missing}")
    if articles is not None and not {"article_id", "clean_text"} <= set(articles.columns):
        raise ValueError("find_quotes: the articles table needs 'article_id' and 'clean_text' columns")
    lex = lexicon or load_speech_verbs()

    texts: dict = {}
    if articles is not None:
        texts = dict(zip(articles["article_id"], articles["clean_text"].fillna("")))
    sents_all, sent_bounds = by_article(sentences, "start")
    s_start = sents_all["start"].to_numpy(np.int64)
    s_end = sents_all["end"].to_numpy(np.int64)
    s_id = sents_all["sentence_id"].to_numpy(np.int64)
    tok_groups = token_slices(tokens)
    ment_groups = mention_rows(mentions)

    codes = country_codes() if ment_groups else None
    rows: list[dict] = []
    order = list(texts) if texts else list(sent_bounds)
    for aid in order:
        b = sent_bounds.get(aid)
        if b is None:
            continue
        sl = slice(*b)
        text = texts.get(aid)
        if text is None:
            text = _rebuild_text(sents_all.iloc[sl])
        texts[aid] = text
        art = ArticleInput(aid, text, (s_start[sl], s_end[sl], s_id[sl]), tok_groups.get(aid), ment_groups.get(aid))
        rows.extend(article_quotes(art, lex, codes))
    df = pd.DataFrame(rows, columns=QUOTE_COLUMNS[: -len(SPEAKER_COLUMNS)])
    # speaker state and type, kind (speech/term/title), continuation chains: arnews.speakers
    out = add_speaker_columns(_typed(df), texts, mentions)
    # rounds 15-16: the learned chooser picks a state where the rules found no speaker or only a
    # weak rule's (speaker_chosen)
    return choose_states(out, texts, mentions, sentences, None if chooser else {})


def _typed(df: pd.DataFrame) -> pd.DataFrame:
    df = df.astype(
        {
            "sentence_id": "int32",
            "start": "int32",
            "end": "int32",
            "balanced": bool,
            "speaker_start": "Int32",
            "speaker_end": "Int32",
        }
    )
    for c in ("quote", "speaker_text", "speaker_actor_id", "verb", "rule", "open_mark", "close_mark",
              "speaker_group", "speaker_via"):
        col = df[c].astype(object)
        df[c] = col.where(col.notna(), None)
    return df


def _rebuild_text(sents: pd.DataFrame) -> str:
    end = int(sents["end"].max())
    buf = [" "] * end
    for s, t in zip(sents["start"], sents["text"]):
        buf[int(s) : int(s) + len(t)] = list(t)
    return "".join(buf)


def annotate_stage(tables: dict[str, pd.DataFrame]) -> dict[str, pd.DataFrame]:
    """Pipeline stage: ``{"quotes": find_quotes(...)}``. Uses ``tables["mentions"]`` when
    the actors stage ran; otherwise ``speaker_actor_id`` stays empty."""
    return {
        "quotes": find_quotes(
            tables["sentences"], tables["tokens"], tables.get("mentions"), tables.get("articles")
        )
    }


STAGE = Stage(
    name="quotes",
    run="arnews.quotes.stage:annotate_stage",
    requires=("sentences", "tokens.norm", "tokens.surface"),
    uses=("mentions", "articles.clean_text"),
    produces=("quotes",),
    reads=("lexicons/speech_verbs.csv", "actors.csv", "lexicons/speaker_titles.csv", "lexicons/speaker_places.csv",
           "lexicons/speaker_cues.csv", "lexicons/speaker_nisbas.csv", "lexicons/quote_kinds.csv",
           "lexicons/speaker_bloc_nisbas.csv", "lexicons/speaker_institution_heads.csv", "lexicons/speaker_body_nouns.csv",
           "lexicons/quote_name_types.csv", "lexicons/headline_verbs.csv", "models/speaker_chooser.json"),
)

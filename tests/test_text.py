"""Normalization, sentence splitting and tokenization with offsets."""
from __future__ import annotations

import sys

import pandas as pd
import pytest

from arnews.text import NormalizeOptions, normalize, normalize_series, sentences_table, split_sentences, tokenize, tokens_table


def test_normalize_defaults():
    assert normalize("أكّد") == "اكد"  # shadda removed, hamza-alef -> alef
    assert normalize("إلى آخر") == "الي اخر"
    assert normalize("مجددًا") == "مجددا"  # tanween removed
    assert normalize("الرئيـــس") == "الرئيس"  # tatweel removed
    assert normalize("الصينية") == "الصينية"  # teh marbuta kept by default
    assert normalize("ﻻ") == "لا"  # presentation-form ligature unfolded (Unicode NFKC)


def test_normalize_options():
    opts = NormalizeOptions(teh_marbuta=True, hamza=True, alef=False, dediac=False, arclean=False)
    assert normalize("الصينية", opts) == "الصينيه"
    assert normalize("مسؤول", opts) == "مسوول"
    assert normalize("أكّد", opts) == "أكّد"


def test_normalize_series_matches_elementwise():
    s = pd.Series(["أكد", "إلى", "أكد", "بوتين"])
    assert normalize_series(s).tolist() == [normalize(x) for x in s]


@pytest.mark.parametrize(
    "text,expected",
    [
        # sample 004: an initial does not end the sentence
        ("عقد نيكولاي ب. باتروشيف ، رئيس مجلس الأمن الروسي ، اجتماعا. ثم غادر.", ["عقد نيكولاي ب. باتروشيف ، رئيس مجلس الأمن الروسي ، اجتماعا.", "ثم غادر."]),
        # closing quote stays with its sentence (sample 000)
        ("وقال جي “حافظت العلاقات على قوة دفع جيدة.” وقال شي إن “الجانب الصيني مستعد”", ["وقال جي “حافظت العلاقات على قوة دفع جيدة.”", "وقال شي إن “الجانب الصيني مستعد”"]),
        # question mark, exclamation, semicolon
        ("ماذا تعني الصين؟ لا شيء! بل هذا؛ وذاك", ["ماذا تعني الصين؟", "لا شيء!", "بل هذا؛", "وذاك"]),
        # ellipsis inside a quote does not split (sample 000)
        ("بين دول الأسواق الناشئة … ولتحريك النظام الدولي.", ["بين دول الأسواق الناشئة … ولتحريك النظام الدولي."]),
        # decimals and abbreviations
        ("نما الاقتصاد 2.5 في المئة حسب د. أحمد. انتهى", ["نما الاقتصاد 2.5 في المئة حسب د. أحمد.", "انتهى"]),
        # line breaks split; blank lines and punctuation-only lines produce nothing
        ("عنوان بلا نقطة\n\nفقرة أولى.\n. .\nفقرة ثانية", ["عنوان بلا نقطة", "فقرة أولى.", "فقرة ثانية"]),
    ],
)
def test_split_sentences(text, expected):
    assert [s.text for s in split_sentences(text)] == expected


def test_sentence_offsets_point_into_text():
    text = "  أولا. ثانيا؟\nثالثا"
    for s in split_sentences(text):
        assert text[s.start : s.end] == s.text


def test_tokenize_uses_camel_and_offsets():
    from camel_tools.tokenizers.word import simple_word_tokenize

    text = "ورد في بيان صادر عن وزارة الخارجية الصينية (MOFA) أن الزعيمين “أجرىا تبادلا”"
    toks = tokenize(text, offset=100)
    assert [t.surface for t in toks] == simple_word_tokenize(text)
    for t in toks:
        assert text[t.start - 100 : t.end - 100] == t.surface


def test_tables_on_sample_trace_back(sample_articles):
    from arnews.clean import clean_articles

    arts = clean_articles(sample_articles)
    sents = sentences_table(arts)
    toks = tokens_table(sents)
    clean = arts.set_index("article_id")["clean_text"]
    assert all(clean[r.article_id][r.start : r.end] == r.text for r in sents.itertuples())
    assert all(clean[r.article_id][r.start : r.end] == r.surface for r in toks.itertuples())
    # token ids run 0..n-1 within each article; sentence ids 0..m-1
    for aid, g in toks.groupby("article_id"):
        assert g["token_id"].tolist() == list(range(len(g)))
    for aid, g in sents.groupby("article_id"):
        assert g["sentence_id"].tolist() == list(range(len(g)))
    # the Patrushev sentence stays whole
    s004 = sents[sents.article_id == "004_767b0b59c7a3495f"].text.tolist()
    assert any(s.startswith("عقد نيكولاي ب. باتروشيف") and s.endswith("بيان.") for s in s004)
    assert toks["is_word"].sum() < len(toks)
    assert not toks.loc[toks["surface"] == "،", "is_word"].any()


def test_data_modules_not_imported_by_default():
    """camel_tools' data-backed modules download at import time; the default path avoids them."""
    import arnews.pipeline  # noqa: F401
    import arnews.text  # noqa: F401

    for mod in ("camel_tools.morphology.database", "camel_tools.disambig.mle", "camel_tools.ner", "camel_tools.sentiment"):
        assert mod not in sys.modules, mod

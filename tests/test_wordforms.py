"""One home for Arabic word forms: the same clitic forms match in every analysis."""
import pandas as pd
import pytest

from arnews import actors, cooc, freq, quotes, stance, wordforms
import arnews.quotes.groups  # noqa: F401
from arnews.text import normalize, sentences_table, tokens_table

# written form -> the word it stands for
CLITIC_FORMS = {
    "وروسيا": "روسيا",
    "بروسيا": "روسيا",
    "لروسيا": "روسيا",
    "فالصين": "الصين",
    "وبالصين": "الصين",
    "للصين": "الصين",
    "كالصين": "الصين",
}
ACTOR = {"روسيا": "RUS", "الصين": "CHN"}


def _tokens(text):
    arts = pd.DataFrame({"article_id": ["a"], "clean_text": [text]})
    return tokens_table(sentences_table(arts))


@pytest.mark.parametrize("form", list(CLITIC_FORMS))
def test_a_clitic_form_matches_in_every_analysis(form):
    base = CLITIC_FORMS[form]
    norm = normalize(form)
    toks = _tokens(f"تحدث المسؤول {form} أمس.")
    # the shared rules, both directions
    assert base in {r.rest for r in wordforms.proclitic_readings(norm)}
    assert norm in wordforms.attached_forms(base)
    # actors: the gazetteer name is found through the clitics
    assert actors.find_mentions(toks)["actor_id"].tolist() == [ACTOR[base]]
    # stance: cue forms reach the lexicon key of the word
    assert wordforms.lexicon_key(base) in stance.candidate_forms(norm)
    # quotes: speaker head nouns and group words are read through the same clitics
    assert base in quotes.groups.readings(norm)
    # freq / KWIC: searching the word finds the clitic form
    hits = freq.kwic(toks, base)
    assert hits["keyword"].tolist() == [form]
    # cooc: the collocates of the word are counted around the clitic form
    col = cooc.collocates(base, toks, kind="term", window=2, min_count=1, stopwords=False)
    assert col.attrs["target"].startswith("term") and "المسؤول" in set(col["collocate"])


def test_forms_that_are_not_clitics_do_not_match():
    for word in ("روسي", "صيني"):
        assert "روسيا" not in {r.rest for r in wordforms.proclitic_readings(word)}
    assert actors.find_mentions(_tokens("قال ولدروسيا أمس."))["actor_id"].tolist() == []
    assert not freq.kwic(_tokens("قال ولدروسيا أمس."), "روسيا").shape[0]


def test_nisba_forms_and_keys():
    assert wordforms.nisba_forms("صيني")[:4] == ["صيني", "الصيني", "صينية", "الصينية"]
    assert wordforms.is_nisba("الأمريكيين".replace("أ", "ا"))
    assert not wordforms.is_nisba("التي")  # a relative pronoun, not a relational adjective
    assert wordforms.feature_word("وبالتعاون") == wordforms.feature_word("للتعاون") == "تعاون"

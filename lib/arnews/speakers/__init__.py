"""Who a quote's speaker speaks for: state, type, kind of quote, continuation chains.

:func:`arnews.quotes.find_quotes` finds quoted spans and the phrase naming their speaker;
this module adds three columns (:data:`SPEAKER_COLUMNS`) without needing a gazetteer entry
for the person:

``kind``
    ``speech`` (words attributed to someone), ``title`` (a name in quotation marks: a
    newspaper, a book, a programme — the word before the opening mark is a cue of
    ``data/lexicons/quote_kinds.csv`` such as صحيفة، كتاب، برنامج، عملية) or ``term`` (a
    scare-quoted or habitually named term: ما تسميه موسكو "…", ما يعرف بـ"…", or one or two
    words with no speech cue of their own). Terms and titles are **not attributed**: their
    speaker columns are emptied.
``speaker_type``
    ``state``, ``organisation`` (a bloc or an international body: UN, EU, NATO, IMF …),
    ``analyst``, ``ngo``, ``media``, ``company`` or ``other``, from the title words of the
    speaker phrase (``data/lexicons/speaker_titles.csv``: الباحث → analyst, صحيفة → media,
    الرئيس التنفيذي → company, النائبة → other; السابق makes a former official an analyst),
    else from the speaker's gazetteer actor.
``speaker_country``
    The code the speaker speaks for (ISO alpha-3, or a bloc/body code such as ``UN``):
    the gazetteer country of a named actor (بيسكوف → RUS, غوتيريش → UN); else, for state
    speakers, the first country named in the phrase — nisba adjectives and institutions
    included ("وزير الدفاع الماليزي" → MYS, "السفير الصيني لدى ماليزيا" → CHN, "الخارجية
    الأميركية" → USA, "صندوق النقد" → IMF through ``data/lexicons/speaker_places.csv``),
    else the country of an earlier fuller phrase with the same head noun ("الوزير" after
    "وزير الدفاع الماليزي"), else the article's dateline ("كوالالمبور - …"); for non-state
    speakers the country the phrase gives them (the last one named: "الخبير … في بروكسل" →
    BEL, "صحيفة جلوبال تايمز" → CHN), else none. A group speaker (الزعيمان) gets the
    countries of its pair, ``CHN|RUS``.

``speaker_via`` of a quote attributed by continuation (وأضاف / وتابع / وقال with a pronoun
subject, a stand-alone quote after another) keeps the chain as evidence:
``chain:وأضافت>وقالت`` (this quote's cue, then each earlier cue back to the one naming the
speaker), or ``chain:وأضاف>الوزير`` when the speaker was named outside a quote.

>>> import pandas as pd
>>> q = pd.DataFrame({"article_id": ["a"], "start": [24], "end": [33], "quote": ["غير شرعية"],
...                   "speaker_text": ["وزير الدفاع الماليزي"], "speaker_actor_id": [None], "verb": ["قال"],
...                   "rule": ["verb_subject"], "speaker_start": [4], "speaker_end": [20],
...                   "speaker_group": [None], "speaker_via": [None]})
>>> m = pd.DataFrame({"article_id": ["a"], "start": [14], "end": [20], "actor_id": ["MYS"],
...                   "actor_type": ["country"], "country": ["MYS"]})
>>> text = 'قال وزير الدفاع الماليزي إن "غير شرعية" اليوم'
>>> add_speaker_columns(q, {"a": text}, m)[["kind", "speaker_type", "speaker_country"]].values.tolist()
[['speech', 'state', 'MYS']]

The work is split by job: :mod:`.lexicon` (word lists), :mod:`.positions` (quote marks,
sentence starts), :mod:`.kind` (speech, term or title), :mod:`.resolve` (phrase → state and
type; broken-plural and ambiguous nisbas the gazetteer's names do not give, from
``data/lexicons/speaker_nisbas.csv``),
:mod:`.subjects` (subjects of speech verbs, the sentence's subject for pronoun verbs),
:mod:`.interview` (first-person answers of ``س:``/``ج:`` interviews) and :mod:`.columns`
(the hook; continuation cues take the latest earlier speaker agreeing in gender, :mod:`.gender`).
On top of the rules, :mod:`.chooser` (round 15) gives a state to speech quotes the rules left
without speaker, choosing among the candidates of :mod:`.choice_features` / :mod:`.choice_table`
with a small learned model (``data/models/speaker_chooser.json``, rebuilt by :mod:`.chooser_train`,
judged by :mod:`.chooser_eval`).
"""
from __future__ import annotations

from .by_state import quotes_by_speaker_state
from .columns import add_speaker_columns
from .kind import quote_kind
from .lexicon import CHAIN_RULES, DIRECT_RULES, SPEAKER_COLUMNS, SPEAKER_TYPES, SpeakerLexicon, load_speaker_lexicon
from .resolve import Mention, SpeakerInfo, dateline_country, nisba_country, resolve_speaker

_Mention = Mention  # the name before the split (tests build mentions with it)

__all__ = [
    "SPEAKER_COLUMNS",
    "SPEAKER_TYPES",
    "SpeakerLexicon",
    "load_speaker_lexicon",
    "quote_kind",
    "add_speaker_columns",
    "quotes_by_speaker_state",
]

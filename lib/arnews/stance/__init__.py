"""Stance: who is portrayed as cooperating with or opposing whom (lexicon method).

A dictionary method in the spirit of quanteda's ``dfm_lookup`` and of GDELT/PLOVER event
coding, on the pipeline's tidy tables:

1. **Cues** (:func:`match_cues`): entries of ``data/lexicons/stance.csv`` (PLOVER-like
   categories, weights in [-1, 1], multi-word cues) matched on each token's normalized form
   (and lemma when the lemmas stage ran), aware of proclitics (و ف ب ل ك ال لل س), imperfect
   prefixes and pronoun suffixes: ``وبتعميق``, ``يدعمان``, ``شراكتنا`` all match.
   Relation-quality predicates are cues too: a QUALITY word (الاقوي، في افضل، متنامية،
   متوترة، ربيع …) within a few words of a RELATION noun (العلاقات، الروابط، الشراكة …).
2. **Modifiers**: a negator (لم لن لا ليس غير دون عدم رفض …) up to ``negation_window`` words
   before a cue, in the same clause, cancels it ("رفضت إدانة" is not condemnation, "لم تشحن
   أسلحة" is not aid); a conditional particle (إذا، لو، ما لم …) halves the cues of its
   sentence (threats excepted: a threat is conditional by nature); hedges (ربما) weaken.
   Scoped markers weaken the cues that follow them in their clause: a TOPIC marker (ناقش، بحث،
   تحدث عن، حول، بشأن …: "ناقشا الحرب في أوكرانيا" names a topic, not a stance) and a
   BACKGROUND marker (منذ، بعد، بسبب، رغم، حيث، وسط …: "منذ الغزو" is background to the main
   assertion, which wins when it carries stance of its own). Topic markers demote conflict
   cues only: talking about developing relations is itself cooperative. Long negators
   (إنهاء، تخفيف) are found through clitics (لإنهاء دعمها).
3. **Sentences** (:func:`score_sentences`): score = sum of the cues' effective weights clipped
   to [-1, 1], the main assertion winning over background cues of the opposite sign; label
   ``cooperation`` / ``conflict`` / ``neutral`` by ``threshold``; the cues behind it are kept
   as evidence.
4. **Dyads** (:func:`find_dyads`): for each cue, the source (mention before the cue, the
   subject right after a verb cue, or the speaker of the quote holding it) and the target
   (mention after the cue, preferring one after على / مع / ضد / إلى / لـ …), at person and
   country level. Mutual relations ("بين بكين وموسكو", "العلاقات الصينية الروسية", "روسيا
   والصين", "البلدين") are undirected (``directed`` is False, source/target in sorted order).
   Coordinated mentions form groups: every member of a subject group ("روسيا والصين تعارضان
   …") or of a target group ("على الولايات المتحدة وحلف الناتو") gets its own dyad, and a list
   of three or more countries (or one after بما في ذلك / مثل) is never read as a mutual pair.
   In an article about one pair of countries, cooperation that names no other party is
   attributed to that pair (``method`` "article"). A later cue keeps the subject of an earlier
   one when its nearest mention is that cue's object; a cue with no subject in reach takes the
   speaker of the sentence's quote (``speaker``); a sentence with stance whose cues found no
   parties and which names exactly two countries relates them (``comention``). Dyads keep the
   full weight of background and topic cues (every relation named counts).
5. **Articles** (:func:`pair_stance`, :func:`pair_headline`): net stance of each country
   pair per article and a headline Russia–China figure with the sentences behind it.

Accuracy on the hand-labelled sample: ``python -m arnews evaluate stance``
(:mod:`arnews.evaluation.stance`).

Modules: :mod:`~arnews.stance.lexicon` (the lexicon file), :mod:`~arnews.stance.cues` (cue
matching and modifiers), :mod:`~arnews.stance.sentences` (sentence scores),
:mod:`~arnews.stance.dyads` (who with whom), :mod:`~arnews.stance.articles` (article and pair
figures), :mod:`~arnews.stance.stage` (the pipeline stage, ``method="lexicon"``).

Example
-------
>>> import pandas as pd
>>> from arnews.text import sentences_table, tokens_table
>>> arts = pd.DataFrame({"article_id": ["a"], "clean_text": ["رفضت الصين إدانة روسيا. وأكد الجانبان تعميق التعاون."]})
>>> sents = sentences_table(arts)
>>> out = score_sentences(sents, match_cues(tokens_table(sents)))
>>> out[["sentence_id", "label"]].values.tolist()
[[0, 'neutral'], [1, 'cooperation']]
"""
from __future__ import annotations


from .articles import pair_headline, pair_stance, quote_stance
from .cues import CUE_COLUMNS, candidate_forms, match_cues
from .dyads import STANCE_COLUMNS, country_dyads, find_dyads
from .lexicon import (COOPERATION_CATEGORIES, CONFLICT_CATEGORIES, DEFAULT_THRESHOLD, LABELS, MODIFIER_CATEGORIES, Lexicon,
                      LexiconError, default_lexicon, load_lexicon)
from .sentences import label_from_score, score_sentences
from .stage import METHODS, STAGE, annotate_stage
from ..resources import moved_names

__all__ = [
    "LABELS",
    "COOPERATION_CATEGORIES",
    "CONFLICT_CATEGORIES",
    "MODIFIER_CATEGORIES",
    "DEFAULT_THRESHOLD",
    "Lexicon",
    "LexiconError",
    "load_lexicon",
    "default_lexicon",
    "candidate_forms",
    "match_cues",
    "score_sentences",
    "find_dyads",
    "country_dyads",
    "pair_stance",
    "pair_headline",
    "quote_stance",
    "label_from_score",
    "annotate_stage",
    "STAGE",
    "METHODS",
    "STANCE_COLUMNS",
    "CUE_COLUMNS",
]

# Gold reading and evaluation live in arnews.evaluation; these names stay reachable here for
# notebooks written before the move (looked up on first use, so arnews.stance imports nothing
# from arnews.evaluation).
_MOVED = {
    "evaluate": "arnews.evaluation.stance",
    "evaluation_report": "arnews.evaluation.stance",
    "read_gold": "arnews.evaluation.stance_gold",
    "parse_dyads": "arnews.evaluation.stance_gold",
    "gold_split": "arnews.evaluation.stance_gold",
    "DEV_ARTICLES": "arnews.evaluation.stance_gold",
}


__getattr__ = moved_names(__name__, _MOVED)  # names moved to arnews.evaluation stay reachable

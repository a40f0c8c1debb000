"""Quotations and who said them.

Two steps, both on the article's ``clean_text`` with character offsets:

1. **Quoted spans** (:func:`find_quoted_spans`) are found at *article* level, not per
   sentence, because a quotation may run over several sentences ("… الآخرين. . “" closes a
   two-sentence quote). A quote's ``sentence_id`` is the sentence holding its first
   character. ``“…”``, ``"…"`` and ``«…»`` are recognised, and the machine-translation
   habits seen in scraped Arabic news are tolerated:

   * a mark written apart from its quote (“ نص “, " نص "), as machine translation does,
     opens one when a word follows it and a later mark in the paragraph can close it;
   * a quote opened with “ and *closed* with “ (a mark with text on its left and space or
     punctuation on its right closes the open quote, whatever its shape);
   * a quote that is never closed ends at the first of: the next mark that clearly opens a
     new quote (space on its left, a word on its right), the end of its sentence, the end
     of its paragraph. Such quotes have ``balanced=False``; if a speech verb sits in the
     last few words of the unclosed stretch (“… و وقال بيان الكرملين ان “…”) the quote
     stops before it, so the attribution stays outside the quote;
   * marks of another family inside a quote («…» inside “…”) are nested and kept as
     content; a stray closing mark with nothing open is ignored.

   ``clean_text[start:end] == quote`` (the marks themselves are outside the span).

2. **Speakers** (:func:`find_quotes`) come from speech cues in the researcher-editable
   lexicon ``data/lexicons/speech_verbs.csv`` (see :func:`load_speech_verbs`) and from the
   actor mentions of :mod:`arnews.actors`. Each quote records the ``rule`` that attributed
   it, tried in this order:

   ``verb_subject``        قال بوتين: "…" / وقال شي إن "…" — the noun phrase after the
                           verb; when it is headed by a role noun (المتحدث باسم الكرملين
                           ديمتري بيسكوف, مساعد بوتن يوري أوشاكوف) the last named person in
                           the apposition is the speaker.
   ``subject_verb``        بوتين قال إن "…" — an actor mention right before the verb.
   ``passive``             وجاء في بيان وزارة الخارجية أن "…".
   ``naql``                نقلت وكالات عن المتحدث … قوله: "…" — the speaker follows عن.
   ``quote_then_verb``     "…"، قال شي — a speech verb within a few words after the quote.
   ``implicit_*``          وقال إن "…" (pronoun subject) — heuristic: the nearest earlier
                           speaker in the same sentence (``implicit_same_sentence``), else
                           the first person named earlier in the sentence
                           (``implicit_sentence_person``), else the most recent speaker of the
                           previous three sentences (``implicit_previous_speaker``), else the
                           first person named in the previous sentence
                           (``implicit_previous_subject``). Participles (مضيفا أن، مشيرا إلى
                           أن) are treated the same way.
   ``according_to``        "…"، وفقا لـ X / حسب X / بحسب X (before or after the quote). A
                           speech verb in the sentence wins over وفقا: "according to" usually
                           names the channel (a ministry read-out, a translation), not the
                           speaker.
   ``colon_intro``         X …: "…" with no speech verb — the first actor of the clause.
   ``continuation``        a quote standing alone as the next sentence after a quote inherits
                           that quote's speaker.

   How the speaker's actor was found is in ``speaker_via``:

   ``name`` / ``role``      a gazetteer name, or a role title resolved by the article's
                           date (``الرئيس الروسي`` → PUTIN, see :func:`arnews.actors.find_mentions`;
                           the country mention inside the title is then ignored).
   ``group``               *heuristic*: a group subject (الزعيمان، الرجلان → persons;
                           البلدان، الدولتان، الجانبان → countries; ``group_*`` rows of the
                           lexicon) is the article's two most mentioned persons / countries,
                           when the second is mentioned strictly more often than the third.
                           ``speaker_actor_id`` stays empty (it always holds one gazetteer id)
                           and ``speaker_group`` holds the pair, ``PUTIN|XI`` (sorted).
   ``anaphora``            *heuristic*: a definite phrase headed by a ``speaker_head`` noun
                           with no actor (وزارة الخارجية، بيان وزارة الخارجية، الرئيس) takes
                           the actor of its most recent fuller mention earlier in the
                           article (وزارة الخارجية الصينية → CHN, الرئيس الروسي فلاديمير بوتين
                           → PUTIN).

   A speech verb right after a complementizer (إنه دعا شي …) inside another speaker's
   clause is ignored. Verbs inside quotes are never cues. Quotes with no cue (scare
   quotes, terms: "عمل عسكري خاص") keep ``speaker_text``/``speaker_actor_id`` empty.

Example
-------
>>> [(s.start, s.end, s.balanced) for s in find_quoted_spans('قال: “نعم” ثم «لا')]
[(6, 9, True), (15, 17, False)]

Modules: :mod:`~arnews.quotes.spans` (quoted spans), :mod:`~arnews.quotes.lexicon` (speech
cues), :mod:`~arnews.quotes.article` (token and mention arrays), :mod:`~arnews.quotes.speakers`
(cues and their speakers), :mod:`~arnews.quotes.phrase` (the speaker phrase after a verb),
:mod:`~arnews.quotes.groups` (group subjects, anaphora),
:mod:`~arnews.quotes.attribution` (a speaker for each quote), :mod:`~arnews.quotes.stage`
(:func:`find_quotes`, the pipeline stage). Evaluation: :mod:`arnews.evaluation.quotes`.
"""
from __future__ import annotations

from .lexicon import ROLES, SpeechLexicon, load_speech_verbs
from .spans import QuotedSpan, find_quoted_spans
from .stage import QUOTE_COLUMNS, STAGE, annotate_stage, find_quotes
from ..resources import moved_names

__all__ = [
    "QUOTE_COLUMNS",
    "QuotedSpan",
    "SpeechLexicon",
    "ROLES",
    "find_quoted_spans",
    "load_speech_verbs",
    "find_quotes",
    "annotate_stage",
    "STAGE",
]

# Gold reading and evaluation live in arnews.evaluation; these names stay reachable here for
# notebooks written before the move (looked up on first use: no import of arnews.evaluation).
_MOVED = {
    "evaluate": "arnews.evaluation.quotes",
    "evaluation_report": "arnews.evaluation.quotes",
    "load_gold": "arnews.evaluation.quotes",
    "match_gold": "arnews.evaluation.quotes",
    "GOLD_COLUMNS": "arnews.evaluation.quotes",
}


__getattr__ = moved_names(__name__, _MOVED)  # names moved to arnews.evaluation stay reachable

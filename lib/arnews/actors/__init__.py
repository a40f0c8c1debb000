"""Actors: find mentions of people, countries, organizations and blocs with a gazetteer.

The gazetteer is a CSV that researchers edit (``data/actors.csv``), one row per actor:

==============  ==============================================================================
column          meaning
==============  ==============================================================================
actor_id        upper-case id: ISO 3166 alpha-3 for countries (``RUS``), a surname for persons
                (``PUTIN``, ``YANG_JIECHI``), an acronym for bodies and blocs (``NATO``, ``WEST``)
type            ``person``, ``country``, ``organization`` or ``bloc``
country         the country (or body/bloc) the actor belongs to; countries and blocs map to
                themselves, ``KREMLIN`` → ``RUS``, ``GUTERRES`` → ``UN``
label_en        English label
label_ar        Arabic label (also matched; as a weak variant when ``weak_variants`` lists it,
                e.g. ``مالي`` "Mali", also "financial")
variants        Arabic (or Latin) spellings separated by ``|``, machine-translation forms
                included (``بوتين|بوتن|فلاديمير بوتين``); multi-word names are written with spaces
weak_variants   *optional*: short, ambiguous forms (``شي|جي|G!`` for Xi) that count only in
                context (see below); a trailing ``!`` asks for the stricter context
not_variants    *optional*: phrases that contain a spelling but do not name the actor
                (``شمال غربي`` for WEST, ``المحيط الهندي`` for IND); they are matched like
                variants, longest first, and yield no mention
nisba           *optional*: relational-adjective stems (``صيني``); every inflection is matched
                (صيني، صينية، صينيون، صينيين، الصيني، الصينية …) and maps to the actor
==============  ==============================================================================

Matching works on normalized tokens (``tokens.norm``, see :func:`arnews.text.normalize`):

* **proclitics**: a token may carry و/ف, then ب/ل/ك, then the article ال (``وبالصين``,
  ``للكرملين`` = ل + الكرملين, ``لبوتين``). The article is only accepted where the variant has
  it, so ``الشي`` is never Xi. The mention's ``surface`` leaves out و/ف/ب/ل/ك.
* **multi-word names** and **longest match first** (``شي جين بينغ`` is one mention of XI,
  ``يانغ جي تشي`` is YANG_JIECHI, not XI); mentions never overlap.
* **weak variants** are kept only when (a) the same article has a non-weak mention of the
  actor or of the actor's country (``شي`` is Xi in an article that names الصين/بكين/الصينية);
  a variant marked ``!`` (``G!``, ``لولا!``) needs a mention of the actor itself (strong, or
  weak and kept); a weak *country* name without ``!`` also counts in a list of states, joined
  by و or a comma to another state's strong name (``مالي والنيجر``، ``تشاد، مالي``; not
  ``دعم مالي وعسكري``); (b) they take only the proclitics و/ف (``وشي``, not ``بشي``); (c) no number
  is next to it (``جي 20`` is not Xi); (d) it does not follow a quantifier or demonstrative
  that only introduces common nouns (``بعض``، ``كل``، ``أي``، ``لا``، ``هذا`` …).
  ``شيء``/``شيئا`` keep their hamza after normalization and never match ``شي``; ``وشيك``
  ("imminent") is و + شيك, not Xi.

Role titles (``data/roles.csv``, researcher-editable; see :func:`load_roles`): one row per
(role, holder, term) with ``role_id``, ``phrases`` (``الرئيس الروسي|رئيس روسيا|الزعيم الروسي``),
``actor_id``, ``valid_from`` (inclusive) and ``valid_to`` (exclusive, empty = still in office).
Given the articles' dates, :func:`find_mentions` adds a mention of the holder on that date
(``via="role"``) next to the name mentions inside the title (see there).

Example
-------
>>> import pandas as pd
>>> from arnews.text import sentences_table, tokens_table
>>> arts = pd.DataFrame({"article_id": ["a"], "clean_text": ["التقى شي جين بينغ وبوتين في بكين."]})
>>> m = find_mentions(tokens_table(sentences_table(arts)))
>>> m[["surface", "actor_id", "country"]].values.tolist()
[['شي جين بينغ', 'XI', 'CHN'], ['بوتين', 'PUTIN', 'RUS'], ['بكين', 'CHN', 'CHN']]
"""
from __future__ import annotations

from .gazetteer import (ACTOR_TYPES, GAZETTEER_COLUMNS, OPTIONAL_COLUMNS, GazetteerError, bodies, default_gazetteer,
                        load_gazetteer, split_field, validate_gazetteer, variant_table)
from .mentions import MENTION_COLUMNS, find_mentions
from .ner import CANDIDATE_COLUMNS, NER_LABELS, camel_ner_model_path, ner_available, ner_candidates
from .roles import ROLE_COLUMNS, load_roles, role_holder, validate_roles
from .stage import STAGE, annotate_stage, cache_token
from ..resources import moved_names

__all__ = [
    "GazetteerError",
    "ACTOR_TYPES",
    "GAZETTEER_COLUMNS",
    "MENTION_COLUMNS",
    "load_gazetteer",
    "validate_gazetteer",
    "variant_table",
    "bodies",
    "ROLE_COLUMNS",
    "load_roles",
    "validate_roles",
    "role_holder",
    "find_mentions",
    "annotate_stage",
    "camel_ner_model_path",
    "ner_available",
    "ner_candidates",
    "default_gazetteer",
    "split_field",
    "STAGE",
    "cache_token",
    "OPTIONAL_COLUMNS",
    "NER_LABELS",
    "CANDIDATE_COLUMNS",
]


# Gold reading and evaluation live in arnews.evaluation; these names stay reachable here for
# notebooks written before the move (looked up on first use: no import of arnews.evaluation).
_MOVED = {
    "evaluate": "arnews.evaluation.actors",
    "evaluation_report": "arnews.evaluation.actors",
    "read_gold": "arnews.evaluation.actors",
    "GOLD_COLUMNS": "arnews.evaluation.actors",
}


__getattr__ = moved_names(__name__, _MOVED)  # names moved to arnews.evaluation stay reachable

"""Where a clause starts in a sentence (issue 15, round 8).

A sentence holds a main clause and, after it, relative clauses (``… الصين التي تستورد …``),
adverbial or connective clauses (``حيث``, ``بينما``, ``فيما``, ``ثم``, ``بعد أن``), reported
clauses (``قال … إن``) and coordinated verb clauses (``… وأكدت …``). :func:`clause_starts`
marks the words that open one. The pair model reads it for a pair with one side named only
earlier (:mod:`arnews.stance.implicit`: is the side named here in the main clause?). Round 8
also tried clause and predicate features for pairs named together (same clause or across a
boundary, of which kind, the verb before each side); on batch cross-validation they moved pair
F1 by +0.001 and lowered t4 and the worst fold, so they were dropped (data/gold/README.md).

The annotation has no part-of-speech tags (the CAMeL data packages are not installable), so
:func:`verb_like` reads verbs from their shape: an imperfect prefix ي, a past tense ending
-ت / -وا / -تا, the speech verbs of ``data/lexicons/speech_verbs.csv``. Words are normalized
(``arnews.text.normalize``: أ/إ → ا, ى → ي).

>>> clause_starts(["اتهمت", "واشنطن", "بكين", "التي", "تدعم", "روسيا"], frozenset())
{3: 'rel'}
"""
from __future__ import annotations

from functools import lru_cache
from itertools import compress

__all__ = ["CLAUSE_WORDS", "verb_like", "clause_starts", "first_clause_start"]

# Words that open a clause, by kind (normalized; a leading و / ف is stripped before lookup).
CLAUSE_WORDS: dict[str, str] = {
    **dict.fromkeys(("الذي", "التي", "الذين", "اللذين", "اللتين", "اللذان", "اللتان", "اللواتي", "اللاتي"), "rel"),
    **dict.fromkeys(("حيث", "بينما", "فيما", "ثم", "لكن", "لكنه", "لكنها", "اذ", "عندما", "حين", "حينما", "بعدما",
                     "ريثما", "مما", "لان", "لانه", "لانها", "كي", "لكي", "اذا", "لو", "عقب", "اثر", "وسط"), "adv"),
    **dict.fromkeys(("ان", "انه", "انها", "بان", "بانه", "بانها", "انهم", "بانهم", "انهما"), "comp"),
}
# Words of a verb's shape that are not verbs (nouns in -ت, months and days in ي-).
_NOT_VERBS = frozenset({"بيروت", "وقت", "صوت", "بيت", "ثابت", "موت", "سبت", "بنت", "انترنت", "كويت", "يوم", "يونيو",
                        "يوليو", "يناير", "يد", "يمن", "يابان", "يونان", "يورو", "ايضا"})


@lru_cache(maxsize=1)
def _speech_forms() -> frozenset[str]:
    """The finite forms of the speech verbs (``data/lexicons/speech_verbs.csv``), normalized."""
    import pandas as pd

    from ..resources import data_path
    from ..text import normalize

    df = pd.read_csv(data_path("lexicons/speech_verbs.csv"), keep_default_na=False)
    df = df[df["role"].isin(["verb", "verb_pronoun"])]
    return frozenset(normalize(f) for forms in df["forms"] for f in str(forms).split())


@lru_cache(maxsize=100_000)
def verb_like(word: str) -> bool:
    """Whether a normalized word has the shape of a finite verb (see the module docstring).

    >>> [verb_like(w) for w in ["اتهمت", "ويدعو", "اكدوا", "الصادرات", "بيروت", "قال"]]
    [True, True, True, False, False, True]
    """
    w = word[1:] if len(word) > 3 and word[0] == "و" else word  # not ف: فيتنام
    if w in _speech_forms() or word in _speech_forms():
        return True
    if w in _NOT_VERBS or w.startswith("ال") or w.endswith(("ات", "ة", "ية")) or len(w) < 4:
        return False
    if w[0] == "س" and w[1] in "يت" and len(w) > 4:  # future
        w = w[1:]
    return w[0] == "ي" or (len(w) <= 6 and w.endswith("ت")) or w.endswith(("وا", "تا"))


@lru_cache(maxsize=100_000)
def _word_info(w: str) -> tuple[str | None, bool, bool]:
    """(clause kind of the word, verb-like, joined to a و / ف) of one normalized word."""
    bare = w[1:] if len(w) > 2 and w[0] in "وف" else w
    kind = CLAUSE_WORDS.get(w) or (CLAUSE_WORDS.get(bare) if bare != w else None)
    return kind, verb_like(w), bare != w


def clause_starts(words: list[str], breaks: frozenset[int] | set[int]) -> dict[int, str]:
    """Word positions that open a new clause, with the kind: ``rel`` (relative pronoun),
    ``adv`` (adverbial or connective), ``comp`` (the complementizer of reported or embedded
    speech: إن / أن), ``verb`` (a verb joined by و / ف, or after a punctuation break —
    ``breaks``: positions a comma or the like precedes — or ثم: a coordinated clause). The
    first word never opens one (it opens the sentence).

    >>> clause_starts(["وقعت", "مصر", "والاردن", "اتفاقا", "واكدتا"], frozenset())
    {4: 'verb'}
    """
    out: dict[int, str] = {}
    for i in range(1, len(words)):
        kind = _kind_at(words, breaks, i)
        if kind is not None:
            out[i] = kind
    return out


def _kind_at(words: list[str], breaks, i: int) -> str | None:
    kind, verb, joined = _word_info(words[i])
    if kind is None and verb and (joined or i in breaks or words[i - 1] in ("ثم", "و")):
        kind = "verb"
    return kind


def first_clause_start(words: list[str], breaks: frozenset[int] | set[int]) -> int:
    """The first position :func:`clause_starts` gives (where the main clause ends), the number
    of words when none (stops at the first one).

    >>> first_clause_start(["وقعت", "مصر", "والاردن", "اتفاقا", "واكدتا"], frozenset())
    4
    """
    flags = list(map(_opens, words))
    for i in compress(range(1, len(words)), flags[1:]):  # only the words that may open one
        if flags[i] == 2 or i in breaks or words[i - 1] in ("ثم", "و"):
            return i
    return len(words)


@lru_cache(maxsize=100_000)
def _opens(w: str) -> int:
    """Whether the word opens a clause wherever it stands (2: a clause word, or a verb joined to
    a و / ف), only after a break, ثم or و (1: another verb), or never (0), as :func:`_kind_at`."""
    kind, verb, joined = _word_info(w)
    return 2 if kind is not None or verb and joined else int(verb)

"""Clauses of a sentence and the predicate that links a pair of states (issue 15, round 8).

Two states named in one clause (``اتهمت واشنطن بكين``) are far more often related than two
named across a clause boundary: a relative clause (``… الصين التي تستورد …``), an adverbial
or connective clause (``حيث``, ``بينما``, ``فيما``, ``ثم``, ``بعد أن``), a reported clause
(``قال … إن``) or a coordinated verb clause (``… وأكدت …``). :func:`clause_starts` marks the
words that open a new clause; :func:`clause_features` gives a pair the model's features of
where its two mentions stand: the same clause or how many boundaries apart, of which kinds,
whether each side is in the sentence's first (main) clause, and the predicate linking them
(the nearest verb before each mention in its clause: shared or not, and whether the right
side stands just after it — its subject — or further on).

The annotation has no part-of-speech tags (the CAMeL data packages are not installable), so
:func:`verb_like` reads verbs from their shape: an imperfect prefix ي, a past tense ending
-ت / -وا / -تا, the speech verbs of ``data/lexicons/speech_verbs.csv``. Words are normalized
(``arnews.text.normalize``: أ/إ → ا, ى → ي).

>>> words = ["اتهمت", "واشنطن", "بكين", "التي", "تدعم", "روسيا"]
>>> clause_starts(words, frozenset())
{3: 'rel'}
>>> clause_features(words, {3: 'rel'}, 1, 2)
['cl:same', 'cl:same:main', 'pred:shared', 'pred:R:far']
>>> clause_features(words, {3: 'rel'}, 2, 5)[:3]
['cl:across=1', 'cl:kind:rel', 'cl:L:main|R:sub']
"""
from __future__ import annotations

from bisect import bisect_right
from functools import lru_cache

__all__ = ["CLAUSE_WORDS", "verb_like", "clause_starts", "clause_features"]

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
        w = words[i]
        bare = w[1:] if len(w) > 2 and w[0] in "وف" else w
        kind = CLAUSE_WORDS.get(w) or (CLAUSE_WORDS.get(bare) if bare != w else None)
        if kind is None and (bare != w or i in breaks or words[i - 1] in ("ثم", "و")) and verb_like(w):
            kind = "verb"
        if kind is not None:
            out[i] = kind
    return out


def _verb_before(words: list[str], starts_sorted: list[int], pos: int) -> int:
    """The nearest verb-like word before ``pos`` in its clause, -1 when none."""
    s = bisect_right(starts_sorted, pos) - 1
    clause_start = starts_sorted[s] if s >= 0 else 0
    for i in range(pos - 1, clause_start - 1, -1):
        if verb_like(words[i]):
            return i
    return -1


def clause_features(words: list[str], starts: dict[int, str], left: int, right: int) -> list[str]:
    """Feature names of a pair whose mentions begin at words ``left`` < ``right`` (``starts``:
    :func:`clause_starts` of the sentence). See the module docstring."""
    ss = sorted(starts)
    inside = [starts[i] for i in ss[bisect_right(ss, left):bisect_right(ss, right)]]
    out: list[str] = []
    if not inside:
        out.append("cl:same")
    else:
        out.append(f"cl:across={min(len(inside), 2)}")
        out.extend(f"cl:kind:{k}" for k in sorted(set(inside)))
    main_end = ss[0] if ss else len(words)
    side = ("main" if left < main_end else "sub", "main" if right < main_end else "sub")
    out.append(f"cl:same:{side[0]}" if not inside else f"cl:L:{side[0]}|R:{side[1]}")
    vl, vr = _verb_before(words, ss, left), _verb_before(words, ss, right)
    if vr >= 0 and vr == vl:
        out.append("pred:shared")
    elif vr > left:
        out.append("pred:own_verb")  # a verb of its own between the two
    elif vl < 0 and vr < 0:
        out.append("pred:none")
    if vr >= 0:
        out.append("pred:R:subj" if right - vr <= 1 and vr != vl else "pred:R:far")
    return out

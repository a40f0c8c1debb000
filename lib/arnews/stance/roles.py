"""How a state is named in a sentence: as a participant or in passing (issue 15, round 6).

A state named in passing — a venue (``في الدوحة``, ``بالكويت``), a comparison (``على غرار
الصين``, ``مثل الهند``, ``كما حدث في …``), a member of a list with no verb of its own — is
seldom related to the sentence's main actors. :func:`mention_role` reads, for one mention, the
preposition that governs it (a separate word just before it, or a clitic ب/ل/ك on its own
word), whether a comparison marker precedes it, and the length of the run of states it is
listed in (joined by و / ، only); :func:`role_features` turns the roles of a pair's two
mentions into the pair model's features (names only, value 1).

>>> words = ["اجتمع", "وزراء", "مصر", "والاردن", "وقطر", "بالكويت"]
>>> mention_role(words, 5, "الكويت", [(2, 2), (3, 3), (4, 4), (5, 5)])
MentionRole(gov='ب', compare=False, run=1, run_start=5)
>>> mention_role(words, 3, "الأردن", [(2, 2), (3, 3), (4, 4), (5, 5)])
MentionRole(gov='', compare=False, run=3, run_start=2)
"""
from __future__ import annotations

from functools import lru_cache
from typing import NamedTuple

__all__ = ["PREPOSITIONS", "COMPARE_MARKERS", "MentionRole", "mention_role", "mention_roles", "governing_preposition",
           "role_features", "coordination_features", "nearest_cue_features"]

# Normalized prepositions (alef and ya as arnews.normalize writes them: الى → الي, على → علي).
PREPOSITIONS = frozenset({
    "في", "من", "الي", "علي", "عن", "مع", "ضد", "بين", "لدي", "نحو", "تجاه", "حول", "عبر", "منذ", "خلال",
    "بعد", "قبل", "امام", "داخل", "خارج", "دون", "مثل", "عند", "وفي", "ومن", "والي", "وعلي", "ومع", "وبين", "وضد",
})
# Words that announce a comparison or an example within the three words before a mention.
COMPARE_MARKERS = frozenset({"غرار", "مثل", "كما", "شان", "ومثل", "وكما", "غرار", "اسوة", "نظير"})
_CLITICS = "بلك"
_JOINERS = frozenset({"و", "،", ",", "او"})


class MentionRole(NamedTuple):
    """How one mention stands in its sentence."""

    gov: str  # the preposition (or clitic ب / ل / ك) governing it, "" when none
    compare: bool  # a comparison marker (على غرار، مثل، كما …) within the three words before it
    run: int  # number of mentions in the list (joined by و / ، only) it belongs to, 1 when alone
    run_start: int = -1  # first word of that list (mentions with the same run_start are listed together)


@lru_cache(maxsize=100_000)
def _clitic(word: str, surface: str) -> str:
    """The preposition clitic on the mention's word (``بموسكو`` → ``ب``), "" when none."""
    head = surface.split()[0] if surface.split() else ""
    extra = len(word) - len(head)
    if extra <= 0 or not head:
        return ""
    prefix = word[:extra].lstrip("وف")
    return prefix[-1] if prefix and prefix[-1] in _CLITICS else ""


def mention_role(words: list[str], first: int, surface: str, spans: list[tuple[int, int]]) -> MentionRole:
    """The role of the mention starting at word ``first`` (``surface``: its matched text;
    ``spans``: (first, last) word positions of every mention of the sentence, this one
    included), see :class:`MentionRole`."""
    gov = _clitic(words[first], surface) if 0 <= first < len(words) else ""
    if not gov and first > 0 and words[first - 1] in PREPOSITIONS:
        gov = words[first - 1].lstrip("و") or words[first - 1]
    compare = any(w in COMPARE_MARKERS for w in words[max(0, first - 3):first])
    return MentionRole(gov, compare, *_run(words, first, spans))


def governing_preposition(words: list[str], first: int, surface: str) -> str:
    """The preposition (or clitic ب / ل / ك) governing the mention starting at word ``first``,
    "" when none: :attr:`MentionRole.gov` without the rest of the role.

    >>> governing_preposition(["اجتمع", "وزراء", "مصر", "بالكويت"], 3, "الكويت")
    'ب'
    """
    gov = _clitic(words[first], surface) if 0 <= first < len(words) else ""
    if not gov and first > 0 and words[first - 1] in PREPOSITIONS:
        gov = words[first - 1].lstrip("و") or words[first - 1]
    return gov


def mention_roles(words: list[str], mentions) -> dict[int, MentionRole]:
    """:func:`mention_role` of every mention of a sentence (``mentions``: records with ``first``,
    ``last`` and ``surface``), keyed by first word; the lists are found in one pass.

    >>> from arnews.stance_features import Mention
    >>> ms = [Mention("EGY", 1, 1, "country", "مصر"), Mention("JOR", 2, 2, "country", "الأردن")]
    >>> mention_roles(["وقعت", "مصر", "والاردن"], ms)[2]
    MentionRole(gov='', compare=False, run=2, run_start=1)
    """
    order = sorted({(m.first, m.last) for m in mentions})
    run_of: dict[int, tuple[int, int]] = {}
    lo = 0
    for i in range(len(order) + 1):
        if i == len(order) or (i > lo and not _joined(words, order[i - 1], order[i])):
            for a, _ in order[lo:i]:
                run_of[a] = (i - lo, order[lo][0])
            lo = i
    out = {}
    for m in mentions:
        gov = _clitic(words[m.first], m.surface) if 0 <= m.first < len(words) else ""
        if not gov and m.first > 0 and words[m.first - 1] in PREPOSITIONS:
            gov = words[m.first - 1].lstrip("و") or words[m.first - 1]
        compare = not COMPARE_MARKERS.isdisjoint(words[max(0, m.first - 3):m.first])
        out[m.first] = MentionRole(gov, compare, *run_of.get(m.first, (1, m.first)))
    return out


def _joined(words: list[str], left: tuple[int, int], right: tuple[int, int]) -> bool:
    """The mention at ``right`` is listed after the one at ``left``: nothing but و / ، between
    (or nothing, and a و joined to the next word)."""
    gap = words[left[1] + 1:right[0]]
    return all(w in _JOINERS for w in gap) and (bool(gap) or words[right[0]][:1] == "و")


def _run(words: list[str], first: int, spans: list[tuple[int, int]]) -> tuple[int, int]:
    """How many mentions form a list with the one at ``first`` (neighbours separated by nothing
    but و / ، ; a joined و on the next word counts), and the list's first word."""
    order = sorted(set(spans))
    idx = next((i for i, (a, _) in enumerate(order) if a == first), None)
    if idx is None:
        return 1, first

    def joined(i: int, j: int) -> bool:  # mention i and the next mention j are listed together
        return _joined(words, order[i], order[j])

    lo = idx
    while lo > 0 and joined(lo - 1, lo):
        lo -= 1
    hi = idx
    while hi + 1 < len(order) and joined(hi, hi + 1):
        hi += 1
    return hi - lo + 1, order[lo][0]


def role_features(left: MentionRole, right: MentionRole) -> list[str]:
    """Feature names of a pair's two mention roles: each side's governing preposition, the two
    together, comparisons, list membership (``list:same``: both in one list of three or more).

    >>> role_features(MentionRole("", False, 1, 0), MentionRole("في", False, 1, 4))
    ['gov:L:-', 'gov:R:في', 'gov:-|في']
    >>> role_features(MentionRole("", False, 3, 2), MentionRole("", True, 3, 2))[3:]
    ['compare:R', 'list:L', 'list:R', 'list:same']
    """
    gl, gr = left.gov or "-", right.gov or "-"
    out = [f"gov:L:{gl}", f"gov:R:{gr}", f"gov:{gl}|{gr}"]
    if left.compare:
        out.append("compare:L")
    if right.compare:
        out.append("compare:R")
    if left.run >= 3:
        out.append("list:L")
    if right.run >= 3:
        out.append("list:R")
    if left.run >= 3 and left.run_start == right.run_start:
        out.append("list:same")
    return out


def coordination_features(left: MentionRole, right: MentionRole, coordinated: bool, left_is_first: bool) -> list[str]:
    """Two states joined by و / ، act together only as the sentence's subject: listed after a
    preposition or after another actor (an object, a list of venues or examples) they are
    seldom related. Names for a coordinated pair (``coordinated``: joined directly, or in one
    list): whether its left side opens the sentence's actors, and the preposition before it.

    >>> coordination_features(MentionRole("", False, 2, 3), MentionRole("", False, 2, 3), True, False)
    ['coord:after_actor', 'coord:gov:-']
    >>> coordination_features(MentionRole("", False, 1, 0), MentionRole("في", False, 1, 5), False, True)
    []
    """
    if not coordinated:
        return []
    return ["coord:first" if left_is_first else "coord:after_actor", f"coord:gov:{left.gov or '-'}"]


def nearest_cue_features(cues, left: int, right: int) -> list[str]:
    """The lexicon cue nearest to a pair's span of words (``cues``: :class:`~arnews.stance_features.Cue`
    records; ``left``, ``right``: the two mentions' first words), by category, sign and
    modifier: the cue that most likely states the pair's relation.

    >>> from arnews.stance_features import Cue
    >>> c = [Cue(0, 0, "ادان", "DISAPPROVE", -0.8, -0.8, False, False, False, False),
    ...      Cue(9, 9, "دعم", "SUPPORT", 0.7, 0.7, True, False, False, False)]
    >>> nearest_cue_features(c, 2, 5)
    ['near:DISAPPROVE', 'near:-']
    """
    best, best_d = None, None
    for c in cues:
        d = 0 if left <= c.first <= right else min(abs(c.first - left), abs(c.first - right))
        if best_d is None or d < best_d:
            best, best_d = c, d
    if best is None:
        return []
    mod = "neg" if best.negated else ("cond" if best.conditional else ("hedge" if best.hedged else ""))
    return [f"near:{best.category}", f"near:{'+' if best.weight > 0 else '-'}{mod}"]

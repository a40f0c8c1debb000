"""What a word of a speaker phrase does there, read from its form and the place lexicon
alone (issue 19, round 10): a place that is the whole phrase stands for its government
("كما قالت مسقط"), a country after في behind a body is the post's place ("ممثلة برنامج
الأغذية العالمي في تشاد"), a title with a possessive pronoun ("مفوضته") belongs to the body
named before.

>>> from arnews.speakers import load_speaker_lexicon
>>> from arnews.speakers.lexicon import words_in
>>> lex = load_speaker_lexicon()
>>> lone_place(words_in("مسقط", 0, 4), lex), pronoun_title(words_in("مفوضته لشؤون التوسع", 0, 19), lex)
('OMN', True)
"""
from __future__ import annotations

from .forum import international_body
from .lexicon import SpeakerLexicon, Word, find_entries, opens_with_title
from .positions import starting_in
from .secretariat import un_secretary_general_office


def lone_place(own: list[Word], lex: SpeakerLexicon) -> str | None:
    """The code of a place of the place lexicon that is the whole phrase ("مسقط")."""
    hits = find_entries(lex.places, own)
    if len(hits) == 1 and hits[0][0] == 0 and len(hits[0][1].words) == len(own) and hits[0][1].kind == "place":
        return hits[0][1].value
    return None


def place_ending(own: list[Word], lex: SpeakerLexicon) -> str | None:
    """The code of a place of the place lexicon that ends an untitled phrase of two or more
    words ("سلطات ميناء طنجة"): a body of the place, not a person known by a name (round 63)."""
    hits = find_entries(lex.places, own)
    if len(own) < 2 or not hits:
        return None
    i, e = hits[-1]
    return e.value if e.kind == "place" and i > 0 and i + len(e.words) == len(own) else None


def placed_after_fi(words: list[Word], actor: str, ments, lex: SpeakerLexicon) -> bool:
    """Whether the phrase's ``actor`` mention stands after في and a body of the place lexicon
    named before it ("ممثلة برنامج الأغذية العالمي في تشاد"), or an office of the UN
    Secretary-General ("الممثل الخاص للأمين العام في الصومال"; round 24), or an international
    body without a code (:func:`~arnews.speakers.forum.international_body`; round 37), or a title
    whose possessive pronoun takes up a body ("منسقها في لبنان", "متحدث باسمه في الرباط"; round 49)."""
    k = _after_fi(words, actor, ments)
    if k is None:
        return False
    return (any(e.kind == "institution" for _, e in find_entries(lex.places, words[:k - 1]))
            or un_secretary_general_office(words[:k - 1])
            or international_body(words[:k - 1])  # "قائد القوة الدولية في هايتي" (round 37)
            or (k <= 4 and pronoun_title(words[:1], lex))  # "منسقها في لبنان", "ممثله المقيم في فيينتيان" (rounds 49, 50)
            or (k <= 5 and title_of_its_office(words, lex))  # "مدير مكتبها الإقليمي في لوساكا" (round 50)
            or any(w.readings[0] in _ON_ITS_BEHALF for w in words[1:k - 1]))  # "متحدث باسمه في الرباط"


def title_of_its_office(words: list[Word], lex: SpeakerLexicon) -> bool:
    """A one-word title followed by a noun with the feminine possessive ("مدير مكتبها",
    "منسقة عملياتها"), also after باسم ("المتحدث باسم مكتبها"; round 58): the post of the
    body named before."""
    k = 2 if len(words) > 2 and words[1].readings[0] == "باسم" else 1
    return (len(words) > k and opens_with_title(words[:1], lex)
            and words[k].readings[0].endswith("ها") and len(words[k].readings[0]) > 4)


_ON_ITS_BEHALF = frozenset("باسمه باسمها".split())
#: "on its / their behalf" (متحدث باسمها، باسمهم): a title speaking for a body named before
ON_BEHALF = _ON_ITS_BEHALF | frozenset("باسمهم باسمهما".split())


def pronoun_title(own: list[Word], lex: SpeakerLexicon) -> bool:
    """A phrase opening with a one-word title carrying a possessive pronoun ("مفوضته لشؤون
    التوسع", "مبعوثها"): the title of the body or state named before."""
    return any(_possessed_title(r, lex) for r in (own[0].readings[:2] if own else ()))  # "وممثلها" (round 61)


def _possessed_title(r: str, lex: SpeakerLexicon) -> bool:
    stem = r[:-2] if r.endswith("ها") else r[:-1] if r.endswith("ه") else ""
    stem = stem[:-1] + "ة" if stem.endswith("ت") else stem
    return len(stem) >= 3 and any(len(e.words) == 1 and e.words[0] in (stem, "ال" + stem) for e in lex.titles)


_LOCAL_OFFICE = frozenset("بلدية بلديه امانة امانه عمدة عمده محافظ محافظة محافظه والي حاكم ولاية ولايه".split())
_CITY = frozenset("مدينة مدينه".split())
_COUNCIL = frozenset("مجلس البلدي".split())


def governed_by_office(words: list[Word], i: int) -> bool:
    """Whether the place at ``words[i]`` is the town a local office governs ("بلدية إسطنبول",
    "فأمانة عمّان الكبرى", "عمدة مدينة ليون", "المجلس البلدي لمدينة إرلانغن"): the office
    belongs to that town's state, for a state speaker as for any other (round 62).

    >>> from arnews.speakers.lexicon import words_in
    >>> t = "وقالت بلدية إسطنبول ومجلس مدينة ليون والوزير في مدينة جنيف"
    >>> ws = words_in(t, 0, len(t))
    >>> [governed_by_office(ws, i) for i in (2, 5, 9)]
    [True, True, False]
    """
    before = [set(w.readings) for w in words[max(0, i - 2):i]]
    if before and before[-1] & _LOCAL_OFFICE:
        return True
    return len(before) == 2 and bool(before[1] & _CITY) and bool(before[0] & (_LOCAL_OFFICE | _COUNCIL))


def bloc_seat_after_fi(words: list[Word], actor: str, ments) -> bool:
    """Whether the phrase names the bloc ``actor`` only by its seat after في, past the
    phrase's first two words ("مديرة مهرجان «…» في بروكسل"): for a non-state speaker the
    city where it works (BEL), not the EU speaking (round 65). The caller decides for whom.

    >>> from types import SimpleNamespace
    >>> from arnews.speakers.lexicon import words_in
    >>> t = "مديرة مهرجان في بروكسل"
    >>> m = [SimpleNamespace(start=16, end=22, actor_id="EU")]
    >>> bloc_seat_after_fi(words_in(t, 0, len(t)), "EU", m), bloc_seat_after_fi(words_in(t, 13, len(t)), "EU", m)
    (True, False)
    """
    return _after_fi(words, actor, ments) is not None


def _after_fi(words: list[Word], actor: str, ments) -> int | None:
    """The index of the word where the phrase's first mention of ``actor`` starts, when it
    stands after في past the phrase's first two words; None otherwise."""
    if len(words) < 3:
        return None
    m = next((m for m in starting_in(ments, words[0].start, words[-1].end) if m.actor_id == actor), None)
    k = next((k for k, w in enumerate(words) if m is not None and w.start <= m.start < w.end + 1), None)
    return k if k is not None and k >= 2 and words[k - 1].readings[0] == "في" else None

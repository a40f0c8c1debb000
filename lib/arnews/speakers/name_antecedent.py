"""The fuller, titled mention of a bare name earlier or later in the article ("غانزوريغ" →
"وزير خارجية منغوليا باتبولد غانزوريغ"), and whether a one-word name with the article is a
family name (split out of :mod:`arnews.speakers.resolve` in round 55, unchanged)."""
from __future__ import annotations

from functools import lru_cache

import regex as re

from .lexicon import STOP_WORDS, SpeakerLexicon, Word, find_entries, is_speech_verb, words_in
from .nisba import nisba_country
from .positions import paragraph_start
from .structure import coordinated_title
from .title_type import title_type as _title_type

_NAME_GOVERNED = frozenset("مع عن الى على".split())  # a preposition between a title and a name


@lru_cache(maxsize=1024)
def _occurrences(text: str, surface: str) -> tuple[tuple[int, int], ...]:
    """Where a word occurs as a whole word in an article (one scan per name and article,
    not one per quote)."""
    return tuple(m.span() for m in re.finditer(r"(?<!\w)" + re.escape(surface) + r"(?!\w)", text))


def name_antecedent(text: str, words: list[Word], ss: int, width: int = 10,
                     lex: SpeakerLexicon | None = None) -> tuple[int, int] | None:
    """Span of the fuller, titled mention of a bare name: for "غانزوريغ", the ``width``
    words before its first occurrence ("وزير خارجية منغوليا باتبولد غانزوريغ"). With
    ``lex``, the first occurrence whose window holds a title, the earlier ones first, then
    the later ones (a headline "بيرقدار: …" before "قال وزير الطاقة التركي … بيرقدار")."""
    if not words or len(words) > 3:
        return None
    name = words[-1].readings[0]
    surface = text[words[-1].start:words[-1].end]
    later = []
    for m_start, m_end in _occurrences(text, surface):
        if lex is None and m_start >= ss:
            break
        win = words_in(text, max(paragraph_start(text, m_start), m_start - 200), m_end)[-(width + 1):]
        if not win or win[-1].readings[0] != name:
            continue
        w, before = win[-1], win[:-1]
        if lex is None:
            return (before[0].start, w.end) if before else None
        if not before or ss <= w.start < words[-1].end:
            continue  # the phrase itself
        hits = find_entries(lex.titles, before)
        if hits and any(x.readings[0] in _NAME_GOVERNED for x in before[hits[-1][0] + 1:]):
            hits = []  # "أجرت مجلة «الواحة» هذا الحوار مع الهادي بن سالم، رئيس …": not the title's name (round 55)
        hits = _titles_after_governing(before, hits)
        if not hits or _title_type(before, lex)[0] is None:
            end = _apposition_end(text, w.end, lex)
            if end is not None:  # "حكمت حاجييف، مساعد الرئيس الأذربيجاني …" (round 7)
                if w.start < ss:
                    return w.start, end
                later.append((w.start, end))
            elif (nis := _nisba_before_name(before)) is not None:  # "العداء المغربي يوسف العلمي" (round 8)
                if w.start < ss:
                    return nis, w.end
                later.append((nis, w.end))
            continue
        # from the title on ("بروكسل – أعلن رئيس الوزراء السلوفاكي روبرت فيكو"), or from the last
        # title joined by و ("… الصيني لي تشيانغ والرئيس الكيني وليام روتو"; round 6)
        k = coordinated_title(before, hits)
        start = before[hits[0][0] if k is None else k].start
        if w.start < ss:
            return start, w.end
        later.append((start, w.end))
    return later[0] if later else None


def _titles_after_governing(before: list[Word], hits: list) -> list:
    """The titles after the last preposition that governs a person ("أجرت مجلة … الحوار مع رئيسة
    جمعية … نادية العلوي": رئيسة, not مجلة, describes the name; round 58)."""
    gov = [k for k, x in enumerate(before) if x.readings[0] in _NAME_GOVERNED]
    return [h for h in hits if h[0] > gov[-1]] if gov and hits and hits[-1][0] > gov[-1] else hits


def _nisba_before_name(before: list[Word]) -> int | None:
    """Start of a country nisba right before a name, or before its one-word first name
    ("المغربي يوسف" + العلمي); None without one."""
    for k in (1, 2):
        if len(before) >= k:
            w = before[-k]
            if any(nisba_country(r) for r in w.readings[:2]):
                return w.start
            if w.readings[0].startswith("ال") or w.readings[0] in STOP_WORDS:
                return None  # the word before the name is no first name
    return None


def _apposition_end(text: str, end: int, lex: SpeakerLexicon, width: int = 10) -> int | None:
    """End of a titled apposition right after a name ("حكمت حاجييف، مساعد الرئيس الأذربيجاني
    للسياسة الخارجية، إن"): a comma, then a phrase opening with a title, up to the next
    comma, complementizer or sentence end (at most ``width`` words); None without one."""
    gap = text[end:end + 3]
    if not gap.lstrip(" ").startswith(("،", ",")):
        return None
    stop = next((i for i in range(end + 2, min(len(text), end + 200)) if text[i] in "،,:.؟?!\n«\"“"), min(len(text), end + 200))
    ws = []
    for x in words_in(text, end + 1, stop)[:width]:
        if x.readings[0] in STOP_WORDS:
            break
        ws.append(x)
    if not ws or not any(i <= 2 for i, _ in find_entries(lex.titles, ws)) or _title_type(ws, lex)[0] is None:
        return None
    return ws[-1].end


def family_name(text: str, name: list[Word], ss: int, lex: SpeakerLexicon) -> bool:
    """A one-word name with the article ("الركراكي", "العتيبي") whose titled mention gives it
    after a first name ("مدرب المنتخب المغربي وليد الركراكي"): the word before it there has
    no article, is no particle, title or speech verb, and follows a title, nisba or place.
    Round 5; common nouns ("قالت الحكومة", "إن الحكومة") are kept out."""
    if len(name) != 1 or find_entries(lex.places, name):
        return False
    window = name_antecedent(text, name, ss, lex=lex)
    if window is None:
        return False
    ws = words_in(text, *window)
    if len(ws) < 3:
        return False
    prev, before = ws[-2], ws[-3]
    if (prev.readings[0].startswith("ال") or prev.readings[0] in STOP_WORDS or find_entries(lex.titles, [prev])
            or is_speech_verb(prev)):
        return False
    # the first name follows the description: a title, a nisba or a place ("المغربي وليد"),
    # or a comma closing it ("مستشار رئيس الوزراء العراقي لشؤون النقل، ناصر الأسدي"; round 7)
    return bool(find_entries(lex.titles, [before]) or find_entries(lex.places, [before])
                or any(nisba_country(r) for r in before.readings[:2]) or "،" in text[before.end:prev.start])

"""The speaker's noun phrase after a speech verb ("قال وزير الخارجية الروسي"), its head word and
text (split out of :mod:`arnews.quotes.speakers` in round 47)."""
from __future__ import annotations

from functools import lru_cache

import regex as re

from ..speakers.lexicon import COMMA_ADVERBIAL
from ..speakers.nisba import bare_word
from ..speakers.structure import institution_heads
from ..speakers.subjects import manner_words
from ..text import normalize
from ..wordforms import CONJUNCTIONS, is_nisba, strip_preposition_l
from .article import Article

__all__ = ["noun_phrase", "head_word", "strip_clitic_l", "with_text", "speaker_phrase", "COMPLEMENTIZERS", "NP_MAX_WORDS",
           "HAL_RE"]

# Normalized words that end the speaker's noun phrase after a verb.
COMPLEMENTIZERS = frozenset(
    "ان انه انها انهم انهما انني اننا بان بانه بانها بانهم بانهما وان وانه فان لان".split()
)
_NP_HARD_STOP = COMPLEMENTIZERS | {"علي", "الي", ":", ".", "؟", "?", "!", "؛", ";"}
# Transparent words skipped at the start of a speaker phrase ("وصف فيها شي", "السيد شي").
# The one spoken to ("قالت لي سيدة من خان يونس", "قال لي: «"; round 10) is skipped too.
_NP_SKIP = frozenset("فيها فيه فيهم ايضا مجددا كذلك بدوره بدورها سابقا لاحقا السيد السيدة "
                     "لي لنا له لها لهم لهما لك لكم صراحة صراحه علنا حرفيا".split())  # "يقول صراحة إن" (round 58)
# A phrase starting with one of these is an adverbial, not the subject ("واعترف بعد ذلك"), or a bare
# pronoun that repeats the verb's own subject ("«…»، قال هو في خطاب"; round 50).
_NOT_SUBJECT_START = frozenset(
    "ب ل في من عن الي علي مع خلال يوم امس اليوم عقب بعد قبل حول منذ امام لدي عند ثم حتي هو هي هم هما".split()
)
# The first word of a compound nisba ("الجنوب أفريقي", "الشمال كوري"): kept with the next word.
_COMPASS = frozenset("الجنوب الشمال".split())
# A head with a possessive pronoun is an object ("وأكد التزامهما"); not نا, which ends names
# ("قالت روكسانا", "لينا بيكر") and "رئيسنا" as a subject (round 47).
_PRONOUN_SUFFIX_RE = re.compile(r"(?:هما|هم|ها|كم)$|..ه$")
NP_MAX_WORDS = 10
# a day or time after the subject: what follows is the verb's object ("اتهمت حكومة غيانا يوم
# الأحد فنزويلا", round 29)
_NP_TIME = frozenset("يوم امس الاثنين الثلاثاء الاربعاء الخميس الجمعة السبت الاحد".split())
HAL_RE = re.compile(r"^(?:م\w{3,4}|\wا\w\w)ا$")  # "فأجاب مبتسما"، "فرد ساخرا": how, not who


def possessed_head(w: str, heads: frozenset[str]) -> bool:
    """Whether ``w`` is a speaker head noun with a possessive pronoun ("أمينه", "منسقتها";
    not "يومها", "حينها")."""
    stem = re.sub(r"(?:هما|هم|ها|ه)$", "", w)
    stem = stem[:-1] + "ة" if stem.endswith("ت") else stem
    return len(stem) >= 3 and (stem in heads or "ال" + stem in heads)


def strip_clitic_l(surface: str) -> str:
    """'لوزارة' -> 'وزارة', 'للكرملين' -> 'الكرملين' (:func:`arnews.wordforms.strip_preposition_l`)."""
    return strip_preposition_l(surface)


def head_word(w: str, heads: frozenset[str]) -> str:
    return w[1:] if w[:1] in CONJUNCTIONS and w[1:] in heads else w


def noun_phrase(
    a: Article, i: int, limit: int, heads: frozenset[str], *, according: bool = False, said: bool = False
) -> tuple[str | None, str | None, int | None, int | None]:
    """The speaker named by the noun phrase starting at token ``i`` (up to ``limit``).

    Returns ``(actor_id, text, start, end)``, all None when the phrase is not a subject
    (empty, adverbial, or an object such as "وأكد معارضة روسيا").

    * the phrase starts with an actor → that actor ("بوتين في كلمته", "جي في بيان");
    * it is headed by a role or source noun (``speaker_head`` rows of the lexicon) → the
      last person named in it, else its first actor ("المتحدث باسم الكرملين ديمتري
      بيسكوف" → PESKOV, "بيان الكرملين" → KREMLIN);
    * no actor → the head noun with its genitive and nisba adjectives ("الخبراء",
      "بعض الخبراء", "التصريحات العلنية") as ``text``; a head carrying a possessive
      pronoun ("التزامهما") is an object, not a subject.
    With ``according=True`` (وفقا لـ X) a leading ل is dropped from the text. With ``said=True``
    (after قال، أضاف، تابع, which take no object) a head with a possessive pronoun is the subject
    ("وقال أمينه العام المساعد"; round 49).
    """
    n = len(a)
    toks: list[int] = []
    j, words = i, 0
    while j < min(limit, n) and words < NP_MAX_WORDS:
        w = a.norm[j]
        if a.quoted[j] or (w in _NP_HARD_STOP and a.m_cover[j] < 0):
            break
        if toks and (w in _NP_TIME or w == "اي") and a.m_cover[j] < 0:
            break  # a time ends the subject ("اتهمت حكومة غيانا يوم الأحد فنزويلا بـ«…»", round 29), so does
            # a quantifier opening the object ("ورفض وزير خارجيتها أي وجود عسكري", round 32)
        if not a.is_word[j] and w not in "،,()":
            break
        if according and not toks and w in ("ل", "لـ"):
            j += 1
            continue
        toks.append(j)
        words += int(a.is_word[j])
        j += 1
    toks = _before_comma_adverbial(a, toks)
    while toks and (not a.is_word[toks[0]] or (a.norm[toks[0]] in _NP_SKIP and a.m_cover[toks[0]] < 0)):
        toks.pop(0)
    if toks and not according and _addressed(a, toks[0]):
        toks = _after_addressee(a, toks)
    while toks and not a.is_word[toks[-1]]:
        toks.pop()
    if not toks:
        return None, None, None, None
    first = toks[0]
    phrase_start = int(a.start[first])
    mentions = [a.m_first[t] for t in toks if t in a.m_first]
    if a.m_cover[first] >= 0:  # starts with an actor
        k = int(a.m_cover[first])
        return with_text(a.mention_speaker(k), according)
    head = head_word(a.norm[first], a.heads)
    if according and head.startswith("ل"):
        head = "ال" + head[2:] if head.startswith("لل") else head[1:]
    if mentions and head not in a.heads and not according and (c := _apposition_comma(a, toks, mentions)) is not None:
        toks, mentions = toks[:c], []  # "قالت عائشة مامان، بائعة التوابل النيجرية": the name, not an object (round 51)
    if head in a.heads or (mentions and _institution(head)):  # "ذكرت سفارة ليتوانيا في واشنطن" (round 11)
        if mentions:
            persons = [k for k in mentions if a.is_person(k)]
            k = persons[-1] if persons else mentions[0]
            return with_text(a.mention_speaker(k, phrase_start), according)
    elif mentions and not according and head not in _NOT_SUBJECT_START and (k := _construct_subject(a, toks, mentions)) is not None:
        return a.mention_speaker(k, phrase_start)  # "وصف كبير مفاوضي كينيا مسودة النص بأنها"
    elif head in _NOT_SUBJECT_START or _prepositional(a, toks, according) or (
            mentions and not according and not _indefinite_with_nisba(a, toks, head)):
        return None, None, None, None  # adverbial start, or an object ("معارضة روسيا")
    elif mentions:
        return with_text(a.mention_speaker(mentions[0], phrase_start), according)
    if (not head.startswith("ال") and _PRONOUN_SUFFIX_RE.search(head) and head not in a.heads and not according
            and not (said and possessed_head(head, a.heads))):
        return None, None, None, None
    # no actor: head + its genitive chain (after an indefinite head: "بيان وزارة الخارجية",
    # "بعض الخبراء") + nisba adjectives ("التصريحات العلنية")
    kept = [first]
    need_genitive = not head.startswith("ال")
    for t in toks[1:]:
        w = a.norm[t]
        if not a.is_word[t] or (w == "عن" and (t + 1 >= len(a) or a.quoted[t + 1])):
            break  # "يتحدث منتقدون عن «…»": عن opens what is spoken of (round 52)
        if w == "باسم" and len(kept) == 1:  # "المتحدث باسم مجلس النواب": the body he speaks for (round 39)
            kept.append(t)
            need_genitive = True
            continue
        if need_genitive and len(kept) < 4:
            if HAL_RE.match(w):  # "قال سارسينباييف ضاحكا": how he said it, no genitive (round 34)
                break
            kept.append(t)
            need_genitive = not w.startswith("ال")
        elif is_nisba(w, conjunction=False) or (kept[-1] != first and a.norm[kept[-1]] in _COMPASS and is_nisba("ال" + w, conjunction=False)):
            kept.append(t)  # the second word of a compound nisba: "الرئيس الجنوب أفريقي" (round 12)
        elif w in _COMPASS and t + 1 < len(a) and is_nisba("ال" + a.norm[t + 1], conjunction=False):
            kept.append(t)
        elif not need_genitive and len(kept) < 4 and w in _TITLE_ADJECTIVES:
            kept.append(t)  # "الأمين العام للنقابة", "المدير التنفيذي لـ…" (round 60)
        elif not need_genitive and len(kept) < 6 and _owner_body(w):
            kept.append(t)  # the body a definite title belongs to (round 44)
            need_genitive = not w.startswith("لل")
        else:
            break
    s, e = int(a.start[kept[0]]), int(a.end[kept[-1]])
    return with_text((None, a.text[s:e], s, e), according)


def _apposition_comma(a: Article, toks: list[int], mentions: list[int]) -> int | None:
    """The index in ``toks`` of a comma after at least one word, when every mention of the
    phrase stands after it (an apposition describing the name before the comma)."""
    c = next((n for n, t in enumerate(toks) if n and a.norm[t] in "،,"), None)
    if c is None or any(a.m_tokens[k][0] < toks[c] for k in mentions):
        return None
    return c


def _before_comma_adverbial(a: Article, toks: list[int]) -> list[int]:
    """``toks`` up to a comma opening an adverbial (:data:`arnews.speakers.lexicon.COMMA_ADVERBIAL`):
    "السفير، خلال حفل أقيم في العاصمة اللاوسية" → "السفير" (round 11)."""
    for n, t in enumerate(toks[1:-1], start=1):
        if a.norm[t] in "،," and a.norm[toks[n + 1]] in COMMA_ADVERBIAL:
            return toks[:n]
    return toks


def _institution(head: str) -> bool:
    """An institution's head noun of ``data/lexicons/speaker_institution_heads.csv`` (سفارة،
    وزارة، مكتب …; with its article too): a body speaking, not an object, when an actor
    follows it."""
    return bare_word(head) in institution_heads()


_OWNER_BODIES = frozenset(normalize(w) for w in "شركة اتحاد لجنة مركز مراكز جمعية رابطة معهد جامعة بنك مجموعة نقابة حزب حركة منظمة مؤسسة".split())
# adjectives of a title that keep the phrase open for its body (round 60)
_TITLE_ADJECTIVES = frozenset(normalize(w) for w in "العام العامة التنفيذي التنفيذية المساعد المساعدة".split())


def _owner_body(w: str) -> bool:
    """A body after ل that a definite title belongs to: "المدير التنفيذي للمجلس الدولي
    للزيتون", "الأمين العام لاتحاد المزارعين" (round 44); not an addressee ("للصحفيين")."""
    if len(w) < 4 or w[0] != "ل":
        return False
    body = bare_word("ال" + w[2:] if w.startswith("لل") else w[1:])
    return body in _OWNER_BODIES or body in institution_heads()


def _addressed(a: Article, t: int) -> bool:
    """A word right after a speech verb carrying the preposition ل on a definite noun or an
    outlet: the one spoken to, not the subject ("قال لرويترز", "وقال للجزيرة نت", "قال
    للإذاعة المحلية"; round 11). A name starting with ل ("لافروف") is a mention, kept."""
    w = a.norm[t]
    if a.m_cover[t] >= 0 or len(w) < 4 or w[0] != "ل":
        return False
    return w.startswith("لل") or w[1:] in _outlet_words() or w[1:] in _MEDIA_NOUNS


def _after_addressee(a: Article, toks: list[int]) -> list[int]:
    """``toks`` without the addressee at their start, its genitive and the adjectives
    agreeing with it ("للإذاعة المحلية", "لوسائل الإعلام"); what is left must open with an
    actor or a speaker head ("قال للصحفيين وزير الخارجية"), else nothing is left (the subject
    stands before the verb: "لكن مصدرا … قال لرويترز إن", "أما لاعب الوسط … فقال لوسائل
    الإعلام وهو يغادر")."""
    rest = toks[1:]
    if not a.norm[toks[0]].startswith("لل") and rest and a.m_cover[rest[0]] < 0 and a.norm[rest[0]].startswith("ال"):
        rest = rest[1:]  # the genitive of "لوسائل الإعلام"
    while rest and a.is_word[rest[0]] and a.m_cover[rest[0]] < 0 and is_nisba(a.norm[rest[0]], conjunction=False):
        rest = rest[1:]
    while rest and not a.is_word[rest[0]]:
        rest = rest[1:]
    if rest and a.m_cover[rest[0]] < 0 and head_word(a.norm[rest[0]], a.heads) not in a.heads:
        return []
    return rest


# Indefinite nouns of media and audiences after ل (normalized): "لوسائل الإعلام", "لوكالة الأنباء".
_MEDIA_NOUNS = frozenset("وسائل وكالة وكاله صحيفة صحيفه قناة قناه اذاعة اذاعه شبكة شبكه مجلة مجله موقع مراسل مراسلي".split())


@lru_cache(maxsize=1)
def _outlet_words() -> frozenset[str]:
    """Normalized one-word outlet names of ``data/lexicons/speaker_places.csv`` (رويترز، تاس)."""
    from ..speakers.lexicon import load_speaker_lexicon

    return frozenset(e.words[0] for e in load_speaker_lexicon().places if e.kind == "outlet" and len(e.words) == 1)


def _prepositional(a: Article, toks: list[int], according: bool) -> bool:
    """A manner phrase after the verb rather than its subject ("ويقول بصراحة:", "يقول
    بابتسامة متعبة:", "قال لوسائل الإعلام أن"; round 9), as
    :func:`arnews.speakers.subjects.manner_words` reads it. Not under ``according``
    (وفقا لـ X names X)."""
    return not according and manner_words([a.norm[t] for t in toks if a.is_word[t]])


def _construct_subject(a: Article, toks: list[int], mentions: list[int]) -> int | None:
    """A country name closing a construct chain right after the verb, followed by another
    bare noun: the chain is the subject and that noun the object ("وصف كبير مفاوضي كينيا
    مسودة النص بأنها"; round 8), unlike "أكد معارضة روسيا للقرار" or "… روسيا بأنها". The
    mention index, or None."""
    k = mentions[0]
    t0, t1 = a.m_tokens[k]
    if a.is_person(k) or t0 not in toks or not 0 < toks.index(t0) <= 3:
        return None
    nxt = t1 + 1
    if nxt >= len(a) or not a.is_word[nxt] or a.quoted[nxt] or a.m_cover[nxt] >= 0:
        return None
    w = a.norm[nxt]
    if w[:1] in "لبفكو" or w.startswith("ال") or w in _NP_HARD_STOP or w in _NOT_SUBJECT_START or w in COMPLEMENTIZERS:
        return None
    return k


def _indefinite_with_nisba(a: Article, toks: list[int], head: str) -> bool:
    """An indefinite head noun followed by a nationality ("قال ضابط تايلاندي", "مسؤول
    كيني"): a person described, the subject, not an object such as "معارضة روسيا" (round 8)."""
    if head.startswith("ال") or len(toks) < 2:
        return False
    t = toks[1]
    return a.m_first.get(t) is not None and is_nisba("ال" + a.norm[t], conjunction=False)


def with_text(sp: tuple, according: bool) -> tuple:
    """After وفقا/حسب drop the preposition ل from the phrase: offsets move past it and the
    text restores the article (لل → ال: "للكرملين" → "الكرملين")."""
    actor, txt, s, e = sp
    if according and txt and txt[0] == "ل" and len(txt.split(" ", 1)[0]) > 2:
        fw = txt.split(" ", 1)[0]
        txt = strip_clitic_l(fw) + txt[len(fw) :]
        s += 1
    return actor, txt, s, e


def speaker_phrase(a: Article, lo: int, hi: int) -> tuple | None:
    """:func:`noun_phrase` over tokens ``[lo, hi)``, or None when it names no speaker."""
    sp = noun_phrase(a, lo, hi, a.heads)
    return sp if sp[0] is not None or sp[1] is not None else None

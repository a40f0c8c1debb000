"""Who answers in a question-and-answer interview (issue 15, round 13).

Arabic press interviews are often printed as ``س:`` (question) and ``ج:`` (answer) turns after
an opening sentence that names the person interviewed: «في مقابلة مع صحيفة … قال وزير الخارجية
الأرميني …». The answers speak for that person's state («ج: نطوّر تعاوننا الدفاعي مع فرنسا» is
Armenia with France), but they carry no speech verb and often no quotation marks, so the quote
stage gives them no speaker. :func:`interviewee` finds the state of the person interviewed in
an article's opening sentence (a state named right after a title: ``وزير الخارجية الأرميني``,
not the outlet's ``نيشن الكينية``), and :func:`is_answer` tells an answer turn; the stance
views count the interviewee as the answer's speaker.

>>> words = "في مقابلة مع صحيفة ارافوت تحدث وزير الخارجية الارميني ارارات ميرزويان".split()
>>> interviewee([word_key(w) for w in words], [(4, "ARM_OUTLET"), (8, "ARM")])
'ARM'
>>> is_answer(["ج", "نطور", "تعاوننا"]), is_answer(["س", "هل"]), is_answer(["جاء", "الرد"])
(True, False, False)
>>> is_answer(["س", "وما", "دور", "الصين", "ج", "بكين", "اكبر", "زبون"])  # a question and its answer in one sentence
True
"""
from __future__ import annotations

from ..text import normalize
from .keys import word_key

__all__ = ["ADDRESS_WORDS", "INTERVIEW_WORDS", "TITLE_WORDS", "OPENING_SENTENCES", "addresses_interviewee", "asks_as_you", "interviewee",
           "is_answer", "speaks_as_we"]

# Word keys of an interview in the opening sentence: the nouns, and the verbs of meeting or
# interviewing someone («التقت «الشرق» وزير النقل الكازاخستاني وسألته …»).
INTERVIEW_WORDS = frozenset(word_key(normalize(w)) for w in (
    "مقابلة", "حوار", "حديث", "لقاء", "التقى", "التقت", "التقينا", "حاور", "حاورت", "حاورنا", "سألته", "سألناه"))
# Word keys of a title whose state names the person interviewed (within three words before it).
TITLE_WORDS = frozenset(word_key(normalize(w)) for w in (
    "وزير", "وزيرة", "رئيس", "رئيسة", "سفير", "سفيرة", "نائب", "نائبة", "متحدث", "متحدثة", "ناطق",
    "مسؤول", "مسؤولة", "مستشار", "مستشارة", "مبعوث", "مبعوثة", "مندوب", "مندوبة", "قائد", "امين",
    "زعيم", "ملك", "امير", "حاكم", "محافظ", "مدير", "مديرة"))
# Word keys of an honorific that opens a question addressed to the person interviewed, when the
# interview has no opening sentence: «س: معالي وزير الخارجية إسحاق دار، اتهمتم كابول …» (round 17).
ADDRESS_WORDS = frozenset(word_key(normalize(w)) for w in ("معالي", "سعادة", "فخامة", "سيادة", "سمو"))
OPENING_SENTENCES = 2  # the person interviewed is named in one of the article's first sentences
# "We" words of an answer (:func:`speaks_as_we`), besides a word ending in the suffix نا; words
# that end in نا but say no "we"; words that open a question.
_WE_WORDS = frozenset(normalize(w) for w in ("نحن", "ونحن", "فنحن", "لنا", "ولنا", "منا", "معنا", "عنا", "بنا", "بلادي",
                                             "وبلادي", "بلدي", "حكومتي"))
_NOT_WE = frozenset(normalize(w) for w in ("هنا", "وهنا", "فيينا", "كورونا", "بيننا", "سابقا"))
_QUESTION_WORDS = frozenset(normalize(w) for w in (
    "هل", "وهل", "فهل", "أ", "لماذا", "ولماذا", "كيف", "وكيف", "ماذا", "وماذا", "متى", "ومتى", "أين", "وأين",
    "ما", "وما", "أي", "وأي", "كم", "وكم", "ألا", "أليس", "إلى"))
# How many words before a state its title may stand: «المتحدث باسم خفر السواحل الفلبيني» puts four
# words between them (three until round 17).
_TITLE_REACH = 4


def is_answer(words: list[str]) -> bool:
    """Whether a sentence is an answer turn: its first word is ``ج`` (``ج: …``), or it is a
    question turn (``س: …``) that the answer follows within the same sentence (``س: … ؟ ج: …``,
    when the sentence splitter kept the two turns together)."""
    return bool(words) and (words[0] == "ج" or (words[0] == "س" and "ج" in words[1:]))


def speaks_as_we(words: list[str], named: set[int] = frozenset()) -> bool:
    """Whether a sentence speaks in the first person plural and is not a question: in an
    interview printed without turns («قال نائب وزير الدفاع الإستوني في مقابلة …» then plain
    questions and answers), such a sentence is the interviewee's answer («ونعمل مع لاتفيا
    وفنلندا على ربط شبكات الرادار لدينا»; round 34). ``words``: the sentence's normalized
    words; ``named``: the positions of words that name an actor («غانا» is no "we").

    >>> speaks_as_we("ونعمل مع لاتفيا وفنلندا علي ربط شبكات الرادار لدينا".split())
    True
    >>> speaks_as_we("هل تعتبرون روسيا تهديدا لنا".split()), speaks_as_we("وقعت غانا بيانا مشتركا".split(), {1})
    (False, False)
    """
    if not words or words[0] in _QUESTION_WORDS:
        return False
    return any(i not in named and (w in _WE_WORDS or (len(w) >= 4 and w.endswith("نا") and not w.endswith("انا")
                                                      and w not in _NOT_WE))
               for i, w in enumerate(words))


def addresses_interviewee(keys: list[str]) -> bool:
    """Whether a sentence is a question turn that opens by addressing the person interviewed
    with an honorific (``س: معالي وزير …``), which names the interview when no opening sentence
    does.

    >>> addresses_interviewee(["س", "معالي", "وزير", "خارجية"]), addresses_interviewee(["س", "هل", "وزير"])
    (True, False)
    """
    return len(keys) > 1 and keys[0] == "س" and keys[1] in ADDRESS_WORDS


def interviewee(keys: list[str], mentions: list[tuple[int, str]]) -> str | None:
    """The state of the person an interview sentence introduces: the first of ``mentions``
    (word position, code) within four words after a title, when the sentence names an
    interview or addresses the person interviewed (:func:`addresses_interviewee`); else
    ``None``. ``keys``: the sentence's word keys (:func:`~.keys.word_key`), which the stance
    views have already made.

    >>> keys = [word_key(w) for w in "في مقابلة تحدث المتحدث باسم خفر السواحل الفلبيني عن الحوادث".split()]
    >>> interviewee(keys, [(7, "PHL")])
    'PHL'
    """
    if INTERVIEW_WORDS.isdisjoint(keys) and not addresses_interviewee(keys):
        return None
    for at, code in sorted(mentions):
        if any(k in TITLE_WORDS for k in keys[max(0, at - _TITLE_REACH):at]):
            return code
    return None


def quoted_answer(quotes: list[tuple[int, int]], bounds: list[tuple] | None) -> bool:
    """Whether a sentence is an answer printed as a quotation with no speaker of its own: one
    quote spans the sentence (``bounds``: its ``[(start, end)]`` characters) but for its marks
    and final stop. In an interview whose questions open with a dash (``— وماذا عن …؟``) and
    whose answers stand in quotation marks («نحن ندعم المشروع …»), such a sentence is the
    interviewee's answer (round 25).

    >>> quoted_answer([(101, 140)], [(100, 142)]), quoted_answer([(120, 140)], [(100, 142)]), quoted_answer([], [(0, 9)])
    (True, False, False)
    """
    if not quotes or not bounds:
        return False
    s0, s1 = bounds[0][0], bounds[0][1]
    return any(qs - s0 <= 2 and s1 - qe <= 3 for qs, qe in quotes)


_NOT_YOU = frozenset(normalize(w) for w in ("تعاون", "وتعاون", "تهاون", "تكون", "وتكون", "تم", "وتم", "يتم", "ختم", "حتم"))


def asks_as_you(words: list[str]) -> bool:
    """Whether a sentence is a question turn put to the person interviewed in the second person
    plural (``س: تتهمكم واشنطن …، بماذا تردون؟``, ``وهل يقلقكم حجم الديون المستحقة للصين؟``):
    a question (``س`` or a question word first, or a ``؟``) with a word ending in كم, a past verb in تم, or a
    present verb of the form ت…ون. The question speaks of the interviewee's state, which
    the gold pairs with the states it names (round 51). ``words``: normalized words.

    >>> asks_as_you("س : تتهمكم واشنطن بفتح الباب امام نفوذ موسكو ، بماذا تردون ؟".split())
    True
    >>> asks_as_you("وهل يقلقكم حجم الديون المستحقة للصين".split())
    True
    >>> asks_as_you("س : وماذا عن التعاون مع السنغال ؟".split()), asks_as_you("نحن نرحب بالتعاون".split())
    (False, False)
    """
    if not words or not (words[0] == "س" or words[0] in _QUESTION_WORDS or "؟" in words):
        return False
    return any(w not in _NOT_YOU and not w.startswith("ال") and (
        (len(w) >= 4 and w.endswith("كم")) or (len(w) >= 5 and w.endswith("تم"))
        or (len(w) >= 5 and w.startswith(("ت", "وت", "فت")) and w.endswith("ون")))
        for w in words)

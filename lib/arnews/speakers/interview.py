"""Interviews written as question and answer turns (``س:`` / ``ج:``, or unmarked question
paragraphs, :mod:`arnews.speakers.plain_interview`): in an answer the
interviewee speaks in the first person ("قلت للوزير: «…»", "أنا أقول لطلابي: «…»"), and a
title with "our" / "your" ("رئيس وزرائنا", "وزير خارجية بلادكم") names the interviewee's
state. The interviewee is the speaker of the headline quote ("السفير … السابق تان بون هوك:
«…»")."""
from __future__ import annotations

import regex as re

from .antecedent import body_nouns
from .extent import speech_event_at
from .lexicon import SpeakerLexicon, find_entries, speech_forms, words_in
from .plain_interview import plain_turn, question_paragraphs
from .positions import in_spans, paragraph_start, sentence_start
from .structure import names_a_place

_TURN_RE = re.compile(r"[ \t]*([سج])[ \t]*:")
_ANSWER_RE = re.compile(r"(?m)^[ \t]*ج[ \t]*:")
_FIRST_PERSON = frozenset("قلت اقول قلنا نقول اكرر انا نحن ردي جوابي رددت اجبت".split())
_OUR_YOUR = ("نا", "كم")
# a preposition with "us"/"you" is an addressee, not a possessive title ("ممثلة المنظمة … في رسالة إلينا")
_TO_US = frozenset("الينا اليكم علينا عليكم معنا معكم لدينا لديكم".split())


def is_interview(text: str) -> bool:
    """Whether the article has answer turns ("ج:" opening a paragraph).

    >>> is_interview("س: لماذا؟\\n\\nج: لأن الوقت ضيق."), is_interview("قال الوزير: لا.")
    (True, False)
    """
    return bool(_ANSWER_RE.search(text)) or bool(question_paragraphs(text))


def _turn_at(text: str, pos: int) -> tuple[str, int] | None:
    """The turn of the paragraph holding ``pos`` and where its words start (after "ج:"),
    or None outside any turn."""
    para = paragraph_start(text, pos)
    m = _TURN_RE.match(text, para)
    if m:
        return m.group(1), m.end()
    t = plain_turn(text, pos) if not _ANSWER_RE.search(text) else None
    return (t, para) if t else None


def turn(text: str, pos: int) -> str | None:
    """``س`` (question) or ``ج`` (answer) for the paragraph holding ``pos``, else None."""
    t = _turn_at(text, pos)
    return t[0] if t else None


def opens_answer(text: str, mark: int) -> bool:
    """Whether the quotation mark at ``mark`` opens an answer turn ("ج: «هادئ لكنه هش».
    …"): the interviewee's own words (round 12).

    >>> opens_answer("س: كيف الوضع؟\\nج: «هادئ لكنه هش».", 17), opens_answer("ج: قال الوزير «لا»", 14)
    (True, False)
    """
    t = _turn_at(text, mark)
    return t is not None and t[0] == "ج" and not text[t[1]:mark].strip()


_THAT = frozenset("ان انه انها بان بانه بانها".split())
_BUT_HE = frozenset("لكنه لكنها ثم".split())
_BY_SAYING = "بالقول"


def answer_verb(text: str, mark: int, spans) -> bool:
    """Whether the answer turn holding the quote at ``mark`` opens with a speech verb that
    has no subject ("ج: قال: «…»", "ج: أوضحت: «…»", "ج: قال إن موسكو أبدت «…»"): the writer
    reports the interviewee, so the quote is the interviewee's, unless another speech verb
    names a new speaker before it in the sentence (round 41).

    >>> t = "س: والروس؟\\n\\nج: قال إن موسكو أبدت «اهتماما جديا»، لكنه شدد: «لا»."
    >>> from .positions import spans_from_marks
    >>> sp = spans_from_marks(t)
    >>> answer_verb(t, t.index("«"), sp), answer_verb(t, t.rindex("«"), sp)
    (True, True)
    >>> t2 = "س: والروس؟\\n\\nج: قال الوزير إن موسكو «مهتمة»."
    >>> answer_verb(t2, t2.index("«"), spans_from_marks(t2))
    False
    >>> t3 = "س: والتمويل؟\\n\\nج: حذرت من أن المفوضية لم تتلق «أقل من ثلث».\\n\\nج: ختمت بالقول: «لا»."
    >>> sp3 = spans_from_marks(t3)
    >>> answer_verb(t3, t3.index("«"), sp3), answer_verb(t3, t3.rindex("«"), sp3)
    (True, True)
    """
    t = _turn_at(text, mark)
    if t is None or t[0] != "ج" or sentence_start(text, mark, spans) > t[1] + 1:
        return False
    ws = [w for w in words_in(text, t[1], mark) if not in_spans(w.start, spans)]
    forms = speech_forms()
    if len(ws) > 1 and ws[1].readings[0] == _BY_SAYING:
        k = 2  # "ج: ختمت بالقول: «…»": the verbal noun is the cue (round 46)
    elif not ws or ws[0].readings[0] not in forms:
        return False
    else:  # "ج: حذرت من أن …" (round 46)
        k = 2 if len(ws) > 2 and ws[1].readings[0] == "من" and ws[2].readings[0] in _THAT else 1
    gap = text[ws[k - 1].end:ws[k].start if len(ws) > k else mark].strip()
    if not (gap.startswith(":") or (len(ws) > k and ws[k].readings[0] in _THAT) or (len(ws) == k and not gap)):
        return False  # "ج: أوضح الرئيس التنفيذي أن …": the verb has its own subject
    return not any(any(r in forms for r in w.readings[:2]) and ws[j - 1].readings[0] not in _BUT_HE
                   for j, w in enumerate(ws[k:], k))


def first_person(text: str, mark: int, spans) -> bool:
    """A first-person speech verb or pronoun before the quote in its sentence, outside
    quotes: a listed form or any speech verb with the "we" ending ("وصفنا ذلك بأنه «…»",
    "أكدنا أن «…»"; round 7)."""
    sent = sentence_start(text, mark, spans)
    return any(not in_spans(w.start, spans) and any(r in _FIRST_PERSON or _we_speech_verb(r) for r in w.readings[:2])
               for w in words_in(text, sent, mark))


def _we_speech_verb(r: str) -> bool:
    """A past speech verb with the first-person plural ending, with or without و/ف:
    وصفنا, أكدنا, فذكرنا (the verb without نا is a speech form).

    >>> _we_speech_verb("وصفنا"), _we_speech_verb("فاكدنا"), _we_speech_verb("لدينا")
    (True, True, False)
    """
    if not r.endswith("نا") or len(r) < 5:
        return False
    stem = r[:-2]
    forms = speech_forms()
    return stem in forms or (stem[0] in "وف" and stem[1:] in forms)


# "قلتَ/قلتِ/قلتم": the hollow verb's second person, never a third person; in a question
# turn, the interviewer quoting the interviewee back ("قلتِ في مقابلة سابقة إن «…»").
_YOU_SAID = frozenset("قلت قلتم قلتي وقلت وقلتم".split())


def _you_speech_verb(r: str) -> bool:
    """A second-person speech verb by its ending, on any verb of the lexicon: "تقولين",
    "تصفون" (the present's تـ…ين/تـ…ون), "وصفتم", "أكدتم" (the past's تم); round 12.

    >>> _you_speech_verb("تقولين"), _you_speech_verb("وتصفون"), _you_speech_verb("وصفتم"), _you_speech_verb("تقول")
    (True, True, True, False)
    """
    forms = speech_forms()
    for w in (r, r[1:]) if r[:1] in "وف" and len(r) > 5 else (r,):  # "وصفتم" is وصف, "وتصفون" و+تصفون
        if w.startswith("ت") and w.endswith(("ين", "ون")) and len(w) >= 5 and w[:-2] in forms:
            return True
        if w.endswith("تم") and len(w) > 4 and w[:-2] in forms:
            return True
    return False


def second_person_said(text: str, mark: int, spans) -> bool:
    """Whether the quote's sentence says "you said" before the quote, outside quotes
    ("قلت", or any speech verb in the second person: "تقولين دائما إن بلادك «…»")."""
    sent = sentence_start(text, mark, spans)
    return any(not in_spans(w.start, spans) and any(r in _YOU_SAID or _you_speech_verb(r) for r in w.readings[:2])
               for w in words_in(text, sent, mark))


def our_title(text: str, start: int, end: int, lex: SpeakerLexicon) -> bool:
    """Whether the speaker phrase ``text[start:end]`` is a title with a first- or
    second-person possessive ("رئيس وزرائنا المؤسس", "وزير خارجية بلادكم")."""
    ws = words_in(text, start, end)
    ws = ws[:next((k for k in range(len(ws)) if speech_event_at(ws, k)), len(ws))]  # "في رسالة إلينا" (round 61)
    # "في أستانا" is a place, not "our" (round 6); a word after a definite one is no possessive
    # head of a construct: "السفارة الفرنسية بيانا" is "a statement" (round 64)
    return bool(find_entries(lex.titles, ws)) and any(
        w.readings[0].endswith(_OUR_YOUR) and len(w.readings[0]) > 4 and not names_a_place(w, lex)
        and w.readings[0] not in _TO_US and not (k and ws[k - 1].readings[0].startswith("ال")) for k, w in enumerate(ws))


_COLLEAGUES = frozenset("زملائي زملائنا زميلي زميلتي زميلنا زميلتنا".split())


def colleague(text: str, start: int, end: int) -> tuple[int, int] | None:
    """The span naming a colleague of the interviewee in ``text[start:end]`` (the quote's
    sentence before it), from the colleague word ("أحد زملائي في الخرطوم" in "وكما قال لي
    أحد زملائي في الخرطوم: «…»") to the end; None when there is none. A colleague speaks
    for the interviewee's body or state."""
    ws = words_in(text, start, end)
    for k, w in enumerate(ws):
        if w.readings[0] in _COLLEAGUES or (len(w.readings) > 1 and w.readings[1] in _COLLEAGUES):
            lo = k - 1 if k and ws[k - 1].readings[0] in ("احد", "احدى") else k
            return ws[lo].start, ws[-1].end
    return None


def bare_title_in_answer(text: str, r: dict, lex: SpeakerLexicon) -> bool:
    """Whether quote row ``r`` stands in an answer turn and its speaker phrase is a bare
    definite state title of one or two words ("الوزير", "السفير", "المبعوث الخاص") naming
    no actor: in an answer the writer's third person ("أوضح الوزير أنها …") is the
    interviewee, not a title taken up from a question or from earlier text (round 37).

    >>> from arnews.speakers.lexicon import load_speaker_lexicon
    >>> t = "س: ما ردكم؟\\n\\nج: قال الوزير: «نحن شركاء»."
    >>> s = t.index("الوزير")
    >>> r = {"start": t.index("«") + 1, "speaker_start": s, "speaker_end": s + 6}
    >>> bare_title_in_answer(t, r, load_speaker_lexicon())
    True
    >>> r2 = dict(r, speaker_actor_id="NZL")
    >>> bare_title_in_answer(t, r2, load_speaker_lexicon())
    False
    """
    ss, se = r.get("speaker_start"), r.get("speaker_end")
    if ss is None or ss != ss or turn(text, int(r["start"])) != "ج" or r.get("speaker_actor_id") or r.get("speaker_group"):
        return False
    ws = words_in(text, int(ss), int(se))
    if not 1 <= len(ws) <= 2 or not ws[0].readings[0].startswith("ال") or ws[0].readings[0][2:] in body_nouns():
        return False  # "الهيئة الحكومية": a body, not the person answering
    found = find_entries(lex.titles, ws)
    return bool(found) and found[0][0] == 0 and found[0][1].value == "state"

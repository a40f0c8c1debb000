"""Speech cues and their speakers: the subject before a verb or described by it, pronoun subjects
resolved from earlier speakers (step 3 of :mod:`arnews.quotes`); the noun phrase after a verb is
:mod:`arnews.quotes.phrase`'s."""
from __future__ import annotations

from bisect import bisect_left
from dataclasses import dataclass

import numpy as np

from ..speakers.lexicon import ANSWER_LEMMAS, ASK_PASSIVE, ASK_WINDOW, KAN, SAME_WORDS, ask_word
from ..text import normalize
from ..wordforms import CONJUNCTIONS
from .article import Article, first_person, prev_word
from .lexicon import SpeechLexicon
from .phrase import COMPLEMENTIZERS, HAL_RE, NP_MAX_WORDS, head_word, noun_phrase, possessed_head, speaker_phrase
from .spans import CONTENT_RE, TRAIL_STRIP_RE, QuotedSpan

__all__ = ["Event", "find_events", "resolve_events", "resolve_implicit", "latest_speaker", "noun_phrase", "head_word",
           "trim_unclosed", "COMPLEMENTIZERS", "CONTRAST", "RIGHT_WINDOW"]

# Normalized particles opening a clause of another speaker ("فيما", "بينما").
CONTRAST = frozenset("فيما بينما وفيما وبينما".split())
_NEGATIONS = frozenset("لم ولم فلم لن ولن فلن لا ولا".split())  # particles before a governing verb
# round 31: a question before an answer verb ("سأل صحفي نيجيري رئيس المفوضية عما …، فأجاب:"):
# the one asked answers; a reporter asking is not the speaker
_ASK_ABOUT = frozenset("عن عما حول".split())
_REPORTERS = frozenset("صحفي صحفية مراسل مراسلة الصحفي الصحفية المراسل المراسلة الصحفيون صحفيون".split())
# a verb form after one of these is the noun ("في رد على"، "أول رد"، "دون رد"; round 31)
_NOUN_BEFORE = frozenset("في اول هذا هذه دون افضل كل اي".split())
RIGHT_WINDOW = 4  # words allowed between a quote's end and a following speech verb
PREV_SENTENCES = 3


@dataclass
class Event:
    tok: int  # first token of the cue
    sent: int
    role: str
    lemma: str
    form: str
    actor: str | None = None
    text: str | None = None
    start: int | None = None
    end: int | None = None
    rule: str | None = None

    @property
    def resolved(self) -> bool:
        return self.actor is not None or self.text is not None


_PLACE_PREPOSITIONS = frozenset({"في", "من", "الي", "لدي", "داخل", "قرب"})  # normalized forms


def subject_before(a: Article, i: int, s0: int) -> tuple | None:
    """An actor mention right before the verb at ``i`` ("بوتين قال", "بوتن وشي يتعهدان"):
    the start of a coordinated subject is taken. Mentions carrying a preposition (لبوتين)
    are not subjects."""
    p = prev_word(a, i)
    if p is None or p < s0 or a.m_cover[p] < 0 or not a.is_word[p] or p != i - 1:
        return None
    k = int(a.m_cover[p])
    if set(a.text[int(a.start[a.m_tokens[k][0]]) : a.m_span[k][0]]) & set("لبك"):
        return None
    q = prev_word(a, a.m_tokens[k][0])
    if q is not None and q >= s0 and a.norm[q] in _PLACE_PREPOSITIONS:
        return None  # "سفارة ميانمار في بانكوك تقول": a place, not the subject
    if q is not None and q >= s0 and a.norm[q] in _TOPIC_WORDS:
        return None  # "المنسقة الخاصة للأمم المتحدة لشؤون لبنان قالت": the title's topic (round 41)
    first, chain = k, [k]
    if q is not None and _comma_between(a, q, a.m_tokens[k][0]) and "و" not in a.text[int(a.start[a.m_tokens[k][0]]):a.m_span[k][0]]:
        q = None  # "… مع شركة صينية، واشنطن تقول": a new clause after the comma, no list (round 48)
    while q is not None and q >= s0 and a.m_cover[q] >= 0:
        first = int(a.m_cover[q])
        chain.append(first)
        q = prev_word(a, a.m_tokens[first][0])
    if (len(chain) > 1 and q is not None and q >= s0 and (a.norm[q] in _PLACE_PREPOSITIONS or a.norm[q] in _REGION_NOUNS)
            and a.m_type[chain[-1]] not in _SPEAKING_TYPES and a.m_type[chain[-2]] in _SPEAKING_TYPES):
        # "… في هايتي وغوتيريش يحذر": the place ends the clause before, a person opens the
        # next; "دبلوماسيون من الفلبين وفيتنام قالوا" stays one coordination (round 19); so
        # does a body after a governed place ("يضرب وسط موزمبيق والأمم المتحدة تحذر"; round 47)
        first = chain[-2]
    ms = a.m_span[first][0]
    me = a.m_span[k][1]
    return a.m_actor[first], a.text[ms:me], ms, me


def called_on(a: Article, lemma: str, j: int) -> bool:
    """Whether token ``j`` after a call verb (``lemma`` دعا or طالب) opens whom it calls on,
    a generic plural ("ودعا الحكومات إلى «…»"), so that the verb's subject is not after it."""
    return lemma in _CALL_LEMMAS and j < len(a) and a.norm[j] in _ADDRESSEES


def _comma_between(a: Article, lo: int, hi: int) -> bool:
    """Whether a comma stands between tokens ``lo`` and ``hi``."""
    gap = a.text[int(a.end[lo]):int(a.start[hi])]
    return "،" in gap or "," in gap


_SAY_LEMMAS = frozenset(("قال", "أضاف", "تابع"))  # speech verbs that take no object
# Calls on others ("ودعا الحكومات إلى «…»", "دعت الطرفين إلى"): a generic plural right after
# the verb is whom it calls on, not its subject (round 53). Normalized forms.
_CALL_LEMMAS = frozenset(("دعا", "طالب"))
_ADDRESSEES = frozenset("الحكومات الدول الطرفين الجانبين البلدين الدولتين الاطراف الجميع المجتمع المانحين "
                        "المواطنين الشركات".split())
_REGION_NOUNS = frozenset("وسط شمال جنوب شرق غرب".split())  # "وسط موزمبيق": a place governed by its region
_SPEAKING_TYPES = frozenset(("person", "organization", "bloc"))
_DESCRIBED_IT = frozenset("وصفه وصفته وصفها وصفتها يصفه تصفه يصفها تصفها".split())  # normalized; speech_verbs.csv
_TOPIC_WORDS = frozenset("لشؤون لشئون بشؤون شؤون".split())
_RELATIVE = frozenset("الذي التي الذين اللذان اللتان وهو وهي فهو فهي".split())  # normalized forms
_FRONT_MAX = 12  # words between a fronting particle (فإن، كان) and the verb


def fronted_subject(a: Article, i: int, s0: int) -> tuple | None:
    """The subject of the verb at ``i`` standing before it, apart from it (round 8):

    * after a comma, a relative or a pronoun takes up the named phrase before it ("وزيرة
      الصحة في جنوب السودان …، التي قالت", "المتحدث باسم الجيش النيجيري …، وهو قال"): the
      last mention of the comma's phrase, from a head noun just before it;
    * a topic after a comma and فإن ("في الأثناء، فإن الاتحاد الأفريقي من خلال رئيس مفوضيته دعا") or between
      كان and قد ("وكان الرئيس لولا قد وصف") is the subject.
    Returns ``(actor, text, start, end)`` or None."""
    p = prev_word(a, i)
    if p is None or p < s0:
        return None
    w = a.norm[p]
    if w in _RELATIVE:
        c = p - 1
        if c < s0 or a.norm[c] not in "،,":
            return None
        return _relative_antecedent(a, c, s0)
    if i - 1 > s0 and a.norm[i - 1] in "،,":
        # "وزارة الخارجية الفيتنامية، التي تطالب أيضا بأجزاء من البحر، دعت": a relative
        # clause between two commas stands between the subject and its verb (round 41)
        c = next((t for t in range(i - 2, max(s0, i - 2 * _FRONT_MAX) - 1, -1) if a.norm[t] in "،,"), None)
        if c is not None and a.norm[c + 1] in _RELATIVE and not a.quoted[c:i].any():
            return _relative_antecedent(a, c, s0)
    if w in ("قد", "لقد"):
        kan = next((t for t in range(p - 1, max(s0, p - _FRONT_MAX) - 1, -1) if a.norm[t] in KAN), None)
        if kan is not None and not a.quoted[kan + 1:p].any():
            return speaker_phrase(a, kan + 1, p)
        return None
    fan = next((t for t in range(p, max(s0, p - _FRONT_MAX) - 1, -1) if a.norm[t] == "فان"), None)
    # after a comma ("من جانبها، فإن"): not the name "صوفي فان دام"
    if fan is not None and s0 < fan < p and a.norm[fan - 1] in "،," and not a.quoted[fan + 1:i].any():
        return speaker_phrase(a, fan + 1, i)
    return None


def _relative_antecedent(a: Article, c: int, s0: int) -> tuple | None:
    """The phrase a relative or pronoun after the comma at token ``c`` takes up: the last
    mention (a person first) in the ten tokens before the comma, from a head noun just before
    it (see :func:`fronted_subject`)."""
    lo = max(s0, c - 10)
    ks = [int(a.m_cover[t]) for t in range(lo, c) if a.m_cover[t] >= 0 and not a.quoted[t]]
    if not ks:
        return None
    persons = [k for k in ks if a.is_person(k)]
    k = persons[-1] if persons else ks[-1]
    q = prev_word(a, a.m_tokens[k][0])
    if not persons and q is not None and a.norm[q] in _PLACE_PREPOSITIONS and (earlier := [x for x in ks if x != k]):
        k = earlier[-1]  # "السفارة الصينية في نواكشوط، التي …": the embassy's, not its host's (round 41)
    t0 = a.m_tokens[k][0]
    ps = next((int(a.start[h]) for h in range(max(lo, t0 - 6), t0) if head_word(a.norm[h], a.heads) in a.heads), None)
    if ps is None and not persons and t0 - 1 > lo and a.norm[t0 - 1] in "،,":
        # "منسق الشؤون الإنسانية للأمم المتحدة في اليمن، البرازيلي …، الذي قال": a
        # nationality apposed after a comma describes the person of the phrase before
        # it, whose first mention names the speaker's body (round 10)
        k = next((x for x in ks if a.m_tokens[x][0] < t0 - 1), k)
    return a.mention_speaker(k, ps)


def described_subject(a: Article, i: int, s0: int) -> tuple | None:
    """An indefinite speaker noun right before the verb, which describes it without a relative
    ("جاء من وزير زراعة مصري أسبق قال لي: «…»", "التقيت دبلوماسيا غربيا قال إن"; round 47):
    the noun phrase from the nearest such head within :data:`_DESCRIBED_MAX` words, with no
    punctuation or quote between."""
    if i + 1 < len(a) and a.norm[i + 1] in _IN_IT:
        return None  # "أصدرت بيانا تقول فيه": the document, not the speaker
    head = None
    for t in range(i - 1, max(s0, i - _DESCRIBED_MAX) - 1, -1):
        if not a.is_word[t] or a.quoted[t]:
            break
        w = a.norm[t]
        if not w.startswith(("ال", "وال", "فال")) and head_word(w, a.heads) in a.heads:
            head = t
    return speaker_phrase(a, head, i) if head is not None else None


_DESCRIBED_MAX = 5
_IN_IT = frozenset("فيه فيها".split())
_CLAUSE_MAX = 8  # words of a subject opening its clause before the verb


def clause_subject(a: Article, i: int, s0: int) -> tuple | None:
    """A titled noun phrase opening the verb's clause right before it, at the sentence's start
    or after a comma or و ("وأمينها العام سيدو تراوري قال إن «…»", "نقابة …، و أمينها العام …
    قال أن"; round 55): the subject, as after the verb. No quote, comma or other punctuation
    stands between; the phrase opens with a speaker head noun (a title, not a bare name)."""
    lo = i
    for t in range(i - 1, max(s0 - 1, i - _CLAUSE_MAX - 2), -1):
        if a.quoted[t]:
            return None
        if not a.is_word[t]:
            if a.norm[t] in "،,":
                break
            return None
        if a.norm[t] == "و":
            break  # a conjunction written apart (machine-translated style)
        lo = t
    else:
        if lo > s0:
            return None
    if lo >= i or not _titled(a.norm[lo], a.heads):
        return None
    hi = max(t for t in range(lo, i) if a.is_word[t])
    ss, se = int(a.start[lo]), int(a.end[hi])
    return speaker_phrase(a, lo, i) or (None, a.text[ss:se], ss, se)  # "أمينها العام …": a possessed title


_OPENING_NOT_SUBJECT = frozenset("في وفي من ومن على وعلى الي والي عن مع بعد وبعد قبل خلال منذ امس اليوم وفقا حسب لكن ولكن ثم".split())


def apposed_subject(a: Article, i: int, s0: int) -> tuple | None:
    """A subject opening the sentence with an apposition between two commas right before the
    verb, as machine translation orders it ("أحد الآباء ، السيد تران فان دوك ، قال لصحيفة …";
    round 60): the opening phrase, or the apposition when the opening names no speaker.
    Both are short and unquoted; an opening adverbial ("في هانوي ، أمس ، قال") is no subject."""
    p = i - 1
    if p <= s0 or a.norm[p] not in "،,":
        return None
    c = next((t for t in range(p - 1, max(s0, p - _CLAUSE_MAX - 1) - 1, -1) if not a.is_word[t]), None)
    if c is None or c - s0 < 1 or c - s0 > 4 or a.norm[c] not in "،," or p - c < 2 or a.quoted[s0:i].any():
        return None
    if not all(a.is_word[t] for t in range(s0, c)) or a.norm[s0] in _OPENING_NOT_SUBJECT:
        return None
    for lo, hi in ((s0, c), (c + 1, p)):
        if (sp := speaker_phrase(a, lo, hi)) is not None:
            return sp
        if lo == s0 and (_titled(a.norm[s0], a.heads) or (a.m_cover[s0:c] >= 0).any()):
            # "المفوض الأوروبي لشؤون التوسيع، ماريا كوس، قالت": a title or an actor opens it
            return None, a.text[int(a.start[s0]):int(a.end[c - 1])], int(a.start[s0]), int(a.end[c - 1])
    ss, se = int(a.start[c + 1]), int(a.end[p - 1])
    return None, a.text[ss:se], ss, se


def _titled(w: str, heads: frozenset[str]) -> bool:
    """Whether ``w`` is a speaker head noun, also with a possessive suffix ("أمينها",
    "رئيستها": :func:`~arnews.quotes.phrase.possessed_head`; round 58)."""
    w = head_word(w, heads)
    if w in heads:
        return True
    return possessed_head(w[1:] if w[:1] in "وف" else w, heads)


_ANNA = frozenset("ان بان وان".split())  # normalized أنّ (and إنّ): a noun after it is its clause's subject


def complement_subject(a: Article, i: int, s0: int) -> tuple | None:
    """The subject of the verb at ``i`` fronted after أنّ in the same clause (round 32): "وتابعت
    أن بعثة الصندوق التي زارت كينغستون الشهر الماضي وصفت الأداء المالي بأنه «…»" → the IMF's
    mission, not "الأداء المالي" (what follows the verb is its object). The phrase must open with
    an actor or a speaker head noun; no comma or quote stands between."""
    for c in range(i - 1, max(s0, i - _FRONT_MAX) - 1, -1):
        w = a.norm[c]
        if a.quoted[c] or w in "،,:؛;" or (c == i - 1 and w in _ANNA):
            return None  # right after أنّ: "وقال ترامب إنه دعا" is left to the rules below
        if w in _ANNA:
            t = c + 1
            if a.m_cover[t] < 0 and head_word(a.norm[t], a.heads) not in a.heads and not _self_named(a, t, i):
                return None
            return speaker_phrase(a, t, i)
    return None


def _self_named(a: Article, t: int, i: int) -> bool:
    """A definite noun stressed by نفسه right before the verb ("أن البنك نفسه وصف التجربة
    بأنها «…»"; round 51): a body named before, the clause's subject."""
    return t + 2 == i and a.norm[t].startswith("ال") and a.norm[t + 1] in SAME_WORDS


def _after_qad(a: Article, i: int, s0: int) -> bool:
    """Whether the verb at ``i`` follows قد / لقد right after a كان clause opening ("وكان
    البنك الدولي قد أعلن"): see :func:`fronted_subject`."""
    p = prev_word(a, i)
    return p is not None and p >= s0 and a.norm[p] in ("قد", "لقد")


def governor_subject(a: Article, i: int, s0: int) -> tuple | None:
    """The subject of the verb governing a verbal noun at token ``i`` ("واكتفى الرئيس الفنلندي
    بالقول إن", "فرد نظيره العراقي بالقول إن"; round 30): the noun phrase between the first
    word of the clause (the governing verb, after a negation particle) and ``i``. None when
    the verb has no subject of its own ("واكتفت بالقول إن": a pronoun, resolved from context).
    ``i`` is the cue's first token, so the في of "في القول" is not part of the phrase.
    A clause that opens with its subject ("فالرئيس الفنلندي لم يتردد في القول") is not told
    apart: the phrase read starts at its second word, so only a nisba there names the state."""
    c = i - 1
    while c > s0 and not a.quoted[c - 1] and a.norm[c - 1] not in "،,:" and a.is_word[c - 1]:
        c -= 1
    while c < i and (a.norm[c] in _NEGATIONS or a.norm[c] in CONJUNCTIONS):
        c += 1  # "ولم يتردد الرئيس في القول": the verb follows the particle; "و ختم بالقول" (round 64)
    return speaker_phrase(a, c + 1, i) if i - c >= 2 else None


def _before_masdar(a: Article, lex: SpeechLexicon, j: int) -> bool:
    """Whether a verbal noun of saying starts at token ``j`` ("رد بالقول إن")."""
    hit = lex.match(a.norm, j) if j < len(a) else None
    return hit is not None and hit[2] == "masdar"


def asked_person(a: Article, i: int, s0: int) -> tuple | None:
    """The one asked in a question before the answer verb at token ``i`` (round 31): "وسئل
    الوزير الإيراني عن …، فأجاب:" → the minister; "سأل صحفي نيجيري رئيس المفوضية عما …، فأجاب"
    → the head of the commission, not the reporter. ``(None,) * 4`` when the one asked is a
    pronoun or not named ("وسأله صحفي …"، "وسألت مراسلة صحيفة «…» عن …": resolved like a
    pronoun subject); None when no question precedes in the sentence."""
    for j in range(i - 1, max(s0, i - ASK_WINDOW) - 1, -1):
        ask = None if a.quoted[j] else ask_word(a.norm[j])
        if ask is None:
            continue
        form, suffix = ask
        hi = next((t for t in range(j + 1, i) if a.norm[t] in _ASK_ABOUT and not a.quoted[t]), None)
        if hi is None and not suffix and i - 1 > j + 1 and a.norm[i - 1] in ("،", ","):
            hi = i - 1  # "سألت موظفا في المحافظة، فقال إن": the one asked runs to the comma (round 62)
        if suffix or hi is None:
            return (None,) * 4
        lo = j + 1
        if form not in ASK_PASSIVE and a.norm[lo] in _REPORTERS:
            quoted = [t for t in range(lo, hi) if a.quoted[t]]
            lo = next((t for t in range((quoted[-1] if quoted else lo) + 1, hi)
                       if head_word(a.norm[t], a.heads) in a.heads
                       or (t in a.m_first and a.is_person(a.m_first[t]))), hi)
        if lo >= hi:
            return (None,) * 4
        words = [t for t in range(lo, min(hi, lo + NP_MAX_WORDS)) if a.is_word[t]]
        if not words:
            return (None,) * 4
        # "سألت صديقا أرجنتينيا يدرس الاقتصاد عن رأيه": an indefinite object is still the one asked
        return speaker_phrase(a, lo, hi) or (None, a.text[int(a.start[words[0]]):int(a.end[words[-1]])],
                                                int(a.start[words[0]]), int(a.end[words[-1]]))
    return None


def find_events(a: Article, lex: SpeechLexicon) -> list[Event]:
    """All speech cues outside quotes, with their explicit speaker where there is one."""
    out: list[Event] = []
    keys = lex.entries
    # Only tokens whose form (or form without و/ف) can start a cue are looked at.
    cands = [
        i for i, w in enumerate(a.norm)
        if w in keys or (len(w) > 2 and w[0] in "وف" and (w[1:] in keys or (len(w) > 3 and w[1] in "وف" and w[2:] in keys)))
    ]
    pos = 0
    sents_with_events: set[int] = set()
    for i in cands:
        if i < pos or a.quoted[i] or not a.is_word[i] or a.m_cover[i] >= 0:
            continue
        hit = lex.match(a.norm, i)
        if hit is None:
            continue
        k, lemma, role, form = hit
        sent = int(a.sent[i])
        s0, s1 = a.sentence_tokens(sent)
        ev = Event(i, sent, role, lemma, a.text[int(a.start[i]) : int(a.end[i + k - 1])])
        nxt = i + k
        if role in ("verb", "verb_pronoun", "passive"):
            # embedded in another speaker's clause: "وقال ترامب إنه دعا شي"
            p = prev_word(a, i)
            if p is not None and p >= s0 and a.norm[p] in COMPLEMENTIZERS and sent in sents_with_events:
                pos = i + k
                continue
            if (p is not None and p >= s0 and a.norm[p] in _NOUN_BEFORE) or _before_masdar(a, lex, nxt):
                pos = i + k
                continue  # the noun ("في رد على"، "أول رد"), or "رد بالقول": the verbal noun is the cue (round 31)
            sp = (None, None, None, None)
            # "وكان البنك الدولي قد أعلن الشهر الماضي …": the subject stands between كان and
            # قد; what follows the verb is its object or a time (round 14)
            kan = fronted_subject(a, i, s0) if _after_qad(a, i, s0) else None
            if kan is not None:
                sp, ev.rule = kan, "verb_subject"  # as columns._kan_qad_subject names it
            elif role == "verb" and (front := complement_subject(a, i, s0)) is not None:
                sp, ev.rule = front, "subject_verb"
            else:
                if role != "verb_pronoun" and not called_on(a, lemma, nxt):
                    sp = noun_phrase(a, nxt, s1, a.heads, said=lemma in _SAY_LEMMAS)
                if sp[0] is None and sp[1] is None and form in _DESCRIBED_IT:
                    pos = i + k
                    continue  # "ما وصفته بـ«…»": the describer is the clause's subject, not a new one (round 42)
                asked = None
                if sp[0] is None and (lemma in ANSWER_LEMMAS or (lemma == "قال" and a.norm[i].startswith("ف"))) and (
                        sp[1] is None or HAL_RE.match(normalize(sp[1]))):  # "سألت صديقي … عن رأيه، فقال:" (round 49)
                    asked = asked_person(a, i, s0)
                if asked is not None:
                    sp = asked  # the one asked answers; unnamed: resolved like a pronoun
                    ev.rule = "verb_subject" if asked[1] is not None else None
                elif sp[0] is not None or sp[1] is not None:
                    ev.rule = "passive" if role == "passive" else "verb_subject"
                else:
                    before = (subject_before(a, i, s0) or fronted_subject(a, i, s0) or described_subject(a, i, s0)
                              or clause_subject(a, i, s0) or apposed_subject(a, i, s0))
                    if before is not None:
                        sp, ev.rule = before, "subject_verb"
            ev.actor, ev.text, ev.start, ev.end = sp
        elif role == "according":
            ev.actor, ev.text, ev.start, ev.end = noun_phrase(a, nxt, s1, a.heads, according=True)
            ev.rule = "according_to"
        elif role == "naql":
            j, stop = nxt, min(s1, nxt + 12)
            while j < stop and a.norm[j] != "عن":
                j += 1
            if j >= stop:
                pos = i + k
                continue  # 'نقل' without 'عن': not reported speech
            q = j + 1
            while q < s1 and a.norm[q] not in ("قوله", "قولها", "قولهم", "قولهما", ":"):
                q += 1
            ev.actor, ev.text, ev.start, ev.end = noun_phrase(a, j + 1, q, a.heads)
            ev.rule = "naql"
        elif role == "masdar":
            sp = governor_subject(a, i, s0)
            if sp is not None:
                (ev.actor, ev.text, ev.start, ev.end), ev.rule = sp, "verb_subject"
        # participles (and a masdar whose verb has no subject of its own) keep no explicit
        # speaker: resolved like pronoun subjects
        out.append(ev)
        sents_with_events.add(sent)
        pos = i + k
    return out


def latest_speaker(events: list[Event], toks: list[int], ev: Event) -> Event | None:
    """The last event before ``ev`` that has a speaker and is not an "according to"
    (``events`` in text order, ``toks`` their first tokens)."""
    j = bisect_left(toks, ev.tok) - 1
    while j >= 0:
        e = events[j]
        if e.resolved and e.role != "according":
            return e
        j -= 1
    return None


def resolve_implicit(a: Article, ev: Event, latest: Event | None, *, local_only: bool) -> tuple | None:
    """Speaker of a verb with a pronoun subject (see module docstring), given ``latest``, the
    last earlier event with a speaker (see :func:`latest_speaker`). Returns
    ``(actor, text, start, end, rule)`` or None."""
    if latest is not None and latest.sent == ev.sent:
        e = latest
        return e.actor, e.text, e.start, e.end, "implicit_same_sentence"
    s0, _ = a.sentence_tokens(ev.sent)
    k = first_person(a, s0, ev.tok)
    if k is not None:
        return (*a.mention_speaker(k), "implicit_sentence_person")
    if local_only:
        return None
    if latest is not None and ev.sent - PREV_SENTENCES <= latest.sent < ev.sent:
        e = latest
        return e.actor, e.text, e.start, e.end, "implicit_previous_speaker"
    if ev.sent > 0:
        p0, p1 = a.sentence_tokens(ev.sent - 1)
        k = first_person(a, p0, p1)
        if k is not None:
            return (*a.mention_speaker(k), "implicit_previous_subject")
    return None


def resolve_events(a: Article, events: list[Event]) -> None:
    """Give implicit verbs and participles a speaker, in text order (chains resolve)."""
    latest: Event | None = None  # the last event so far with a speaker (not "according to")
    for ev in events:
        if ev.resolved and latest is not None and _same_as_before(a, ev):
            # "وبحسب المصدر ذاته": the speaker named before (round 11)
            ev.actor, ev.text, ev.start, ev.end, ev.rule = latest.actor, latest.text, latest.start, latest.end, "implicit_previous_speaker"
        if not ev.resolved and ev.role not in ("according", "naql"):
            r = resolve_implicit(a, ev, latest, local_only=False)
            if r is not None:
                ev.actor, ev.text, ev.start, ev.end, ev.rule = r
        if ev.resolved and ev.role != "according":
            latest = ev


def _same_as_before(a: Article, ev: Event) -> bool:
    """A one-word speaker phrase closed by "the same" (ذاته، نفسه): "المصدر ذاته"; a body
    stressed by نفسه that is no speaker head ("البنك نفسه وصف …"; round 51) is named anew."""
    if ev.text is None or ev.end is None:
        return False
    ws = normalize(ev.text).split()
    if len(ws) == 1:
        ws += [normalize(w).strip("،,.") for w in a.text[ev.end:ev.end + 12].split()[:1]]
    return len(ws) == 2 and ws[1] in SAME_WORDS and (ev.rule != "subject_verb" or head_word(ws[0], a.heads) in a.heads)


def trim_unclosed(a: Article, span: QuotedSpan, lex: SpeechLexicon, window: int = 8) -> QuotedSpan:
    """An unclosed quote stops before a speech verb in its last ``window`` words."""
    lo = int(np.searchsorted(a.start, span.start, side="left"))
    hi = int(np.searchsorted(a.end, span.end, side="right"))
    words = [t for t in range(lo, hi) if a.is_word[t]]
    for t in words[-window:]:
        hit = lex.match(a.norm, int(t))
        if hit and hit[2] in ("verb", "passive", "according", "naql"):
            end = int(a.start[t])
            seg = a.text[span.start : end]
            new_end = span.start + len(TRAIL_STRIP_RE.sub("", seg))
            if new_end > span.start and CONTENT_RE.search(a.text, span.start, new_end):
                return span._replace(end=new_end)
    return span

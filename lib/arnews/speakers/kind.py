"""The kind of a quote: ``speech``, ``term`` (a scare-quoted or habitually named term) or
``title`` (a name in quotation marks); see :mod:`arnews.speakers`."""
from __future__ import annotations

import re
from functools import lru_cache

from ..text import normalize
from .lexicon import (DIRECT_RULES, PREPOSITIONS, SHORT_WORDS, STOP_WORDS, WORD_RE, SpeakerLexicon, find_entries, load_speaker_lexicon,
                      one_word_forms, pronoun_suffixed, speech_forms, words_in)
from .positions import in_spans, sentence_start, span_starts_in, spans_from_marks, within


# ---------------------------------------------------------------------------
# Kind of quote
# ---------------------------------------------------------------------------

def _cue_before(text: str, start: int, lex: SpeakerLexicon, n_words: int = 1) -> str | None:
    """``term``/``title`` when the words right before the opening mark are a kind cue. A
    definite word matching an indefinite cue before a quote of three words or more is the
    clause's subject, the quote its predicate ("من المشروع «تسير وفق الجدول الزمني»")."""
    mark = start - 1
    while mark > 0 and text[mark - 1].isspace():
        mark -= 1
    if text[max(0, mark - 3):mark].endswith("لـ"):
        return "title"  # لـ"الشرق الدبلوماسي": a name glued to the preposition
    left = text.rfind("\n", 0, mark) + 1
    words = words_in(text, max(left, mark - 60), mark)[-3:]
    if not words or ":" in text[words[-1].end:mark]:
        return None  # "وقالت مديرة برنامج آسيا في المنظمة: «…»": a colon introduces words said
    if any(c in text[words[-1].end:mark] for c in ".!?؟"):
        return None  # "… في مؤتمر. «في نفس الوقت …»": the cue ended the sentence before (round 36)
    long_quote = n_words >= 3
    last = set(words[-1].readings) | (set(words[-2].readings) if len(words) > 1 else set())
    for e in lex.kind_cues:
        if e.words[-1] not in last:
            continue
        k = len(e.words)
        tail = words[-k:] if len(words) >= k else []
        if tail and all(w in t.readings for w, t in zip(e.words, tail)):
            if (tail[0].readings[0].startswith("ال") and not e.words[0].startswith("ال") and len(words) > k
                    and words[-k - 1].readings[0] in STOP_WORDS):
                return None  # "قوله إن الشركة «ملتزمة بالجدول»": a predicate, not the company's name
            if long_quote and tail[-1].readings[0].startswith("ال") and not e.words[-1].startswith("ال"):
                return None
            return e.value
        # a cue followed by one bare clitic word ("يعرف بـ")
        if len(words) > k and words[-1].readings[0] in ("ب", "ل") and all(
                w in t.readings for w, t in zip(e.words, words[-k - 1:-1])):
            return e.value
    return None


def quote_kind(text: str, start: int, end: int, rule: str | None, lex: SpeakerLexicon | None = None,
               spans=None) -> str:
    """``speech``, ``term`` or ``title`` for the quote ``text[start:end]`` (see the module
    docstring). ``rule`` is the attribution rule of :func:`arnews.quotes.find_quotes`.

    >>> t = 'وقالت صحيفة "ذا ستار" إن الوزير قال "لن نقبل أي تنازل في هذا الملف"'
    >>> quote_kind(t, 13, 20, "verb_subject"), quote_kind(t, 37, len(t) - 1, "verb_subject")
    ('title', 'speech')
    >>> t = 'ما تسميه موسكو "عملية عسكرية خاصة"'
    >>> quote_kind(t, 16, len(t) - 1, None)
    'term'
    """
    lex = lex or load_speaker_lexicon()
    cue = _cue_before(text, start, lex, len(WORD_RE.findall(text, start, end)))
    if cue is not None and not _clause_opener(text[start:end]):
        return cue
    if _named_by_relative(text, start, end) or headed_name(text[start:end]):
        return "title"
    # habitual naming with the namer between the verb and the quote: "ما تسميه موسكو «…»"
    mark = start - 1
    spans = spans_from_marks(text) if spans is None else spans
    # words inside an earlier quote do not count ("ما تسميه «…» يتشكل «…»")
    before = [w for w in words_in(text, max(text.rfind("\n", 0, mark) + 1, mark - 40), mark)
              if not in_spans(w.start, spans)][-4:-1]
    naming = [w for w in before if any(r in _NAMING for r in w.readings)]
    # the namer's words, not another quote, stand between: "ما تسميه «الناتو الآسيوي» يتشكل «…»"
    if naming and not span_starts_in(spans, naming[-1].end, mark):
        return "term"
    if _habitual_talk(text, mark, spans):
        return "term"
    n_words = len(WORD_RE.findall(text, start, end))
    if n_words <= SHORT_WORDS and rule not in DIRECT_RULES and not _cue_in_sentence(text, mark, spans):
        return "term"
    return "speech"


_NOT_IN_NAME = frozenset("هو هي هم لا لن لم قد ليس ليست".split())
_NAME_ADJECTIVES = frozenset(normalize(w) for w in "الدولي الدولية العالمي العالمية الوطني الوطنية".split())


@lru_cache(maxsize=1)
def name_heads() -> frozenset[str]:
    """The head nouns of ``data/lexicons/quote_name_heads.csv``, normalized, without article
    (read once)."""
    return one_word_forms("quote_name_heads.csv")


def headed_name(body: str) -> bool:
    """Whether the quote is a name headed by a noun of ``data/lexicons/quote_name_heads.csv``
    with a definite word after it: «اتفاقية الحكومة المضيفة», «قانون الإسكان الميسر»,
    «ميثاق الهجرة واللجوء» (two to six words, no clause particle). An indefinite word after
    the head is a description said or coined («مشروع تنموي», «خط أحمر»; round 39).

    >>> headed_name("اتفاقية الحكومة المضيفة"), headed_name("مركز إقليمي للطاقة"), headed_name("قانون الغاب هو السائد")
    (True, False, False)
    >>> headed_name("الصندوق الوطني لإيرادات المحروقات"), headed_name("الخطة الجديدة")
    (True, False)
    """
    ws = normalize(body).split()
    if not 2 <= len(ws) <= 6 or _NOT_IN_NAME.intersection(ws):
        return False
    heads = name_heads()
    if ws[0].startswith("ال") and ws[0][2:] in heads:  # «الصندوق الوطني لإيرادات المحروقات» (round 40)
        return ws[1] in _NAME_ADJECTIVES
    return ws[0] in heads and ws[1].startswith("ال") and len(ws[1]) > 3


_JOINED_NAME = re.compile(r"\s*(?:\S+\s+)?و\s*$")


def joined_to_name(text: str, prev_end: int, start: int) -> bool:
    """Whether the quote opening at ``start`` is joined by و to a name quoted right before it
    (ending at ``prev_end``), at most one word (a nisba) between: "«إكوينور» النرويجية و«شل»",
    "«توتال إنرجي» و«شيفرون»" (round 39).

    >>> t = "مع شركتي «إكوينور» النرويجية و«شل» البريطانية"
    >>> joined_to_name(t, t.index("» "), t.index("شل")), joined_to_name(t, t.index("» "), t.index("البريطانية"))
    (True, False)
    """
    gap = text[prev_end + 1:start - 1]
    return len(gap) <= 30 and bool(_JOINED_NAME.fullmatch(gap))


# particles that open a clause, not a name: "للبعثة «لم يتلق سوى جزء ضئيل»" is words said (round 35)
_CLAUSE_OPENERS = frozenset("لم لن لا ما قد ليس ليست لقد".split())


def _clause_opener(body: str) -> bool:
    """Whether a quote opens with a particle of negation or tense, so it is a clause, not a name.

    >>> _clause_opener("لم يتلق سوى جزء ضئيل"), _clause_opener("الحارس القطبي")
    (True, False)
    """
    words = body.split()
    return bool(words) and words[0] in _CLAUSE_OPENERS


# relative pronouns and "known as" participles that can follow a quoted noun phrase (round 35)
_RELATIVES = frozenset("الذي التي الذين اللذين اللتين اللذان اللتان المعروف المعروفة".split())
_RELATIVE_WORDS = 8  # longer definite quotes before الذي are rarer names than clauses said


def _named_by_relative(text: str, start: int, end: int) -> bool:
    """Whether a quote is a definite noun phrase (its first word with ال, or one word) that a
    relative clause right after its closing mark describes: "«الإطار المشترك» الذي أطلقته مجموعة
    العشرين" (round 35). Words said end a clause, they are not described by one. A construct
    («ميثاق الهجرة واللجوء» الذي) is left to the head-noun cues of quote_kinds.csv.

    >>> t = "قال إن «الاستراتيجية الوطنية لليثيوم» التي أقرتها الحكومة ستطبق"
    >>> _named_by_relative(t, t.index("«") + 1, t.index("»"))
    True
    >>> t = "قال إن «الوضع خطير» وأضاف"
    >>> _named_by_relative(t, t.index("«") + 1, t.index("»"))
    False
    """
    words = text[start:end].split()
    if not words or len(words) > _RELATIVE_WORDS or _clause_opener(text[start:end]):
        return False
    if not (normalize(words[0]).startswith("ال") or len(words) == 1):
        return False
    after = text[end + 1:end + 30].split()
    if not after or after[0] not in _RELATIVES:
        return False
    before = words_in(text, max(0, start - 30), start - 1)[-2:]
    if len(before) == 2 and before[-1].readings[0] not in ("ب", "بـ"):
        before = before[-1:]
    forms = speech_forms()  # "ما وصفه بـ«الابتزاز» الذي تمارسه": the describer's word
    return not any(suffixed_speech_form(r, forms) for w in before for r in w.readings[:3])


_NUMBERED = re.compile(r"\d+\s*$")  # "هواسونغ-20", "إم 23", "أجندة 2063", "نونا-1"
_NAME_WORDS = 3  # "لم يتغير منذ 2022", "يقوض روح اتفاقية 1951": a clause said, not a name
_DATE_WORDS = frozenset("في منذ عام حتى قبل بعد بحلول نحو".split())  # "بدأ في 2028": a date


# the Latin letters as Arabic spells them in acronyms («بي بي سي», «إن إتش كيه», «أو آر تي إم»),
# normalized (arnews.text.normalize); orthography, not a research choice
_LETTER_NAMES = frozenset("ايه بي سي دي اي اف جي اتش جيه كيه كي ال ام ان او كيو ار اس تي يو في دبليو اكس واي زد وان".split())
_ARABIC_WORDS = frozenset("في ان او ال".split())  # letter names that are also Arabic words
_LATIN = re.compile(r"[A-Za-z][A-Za-z0-9.+&/-]*")
# إن/أن and بأن with a pronoun or none, normalized: what comes after them is the words said
_SUFFIXES = ("", "ه", "ها", "هم", "هما", "نا")  # object pronouns on أن / إن: "إنها" (round 44)
_COMPLEMENTS = frozenset(p + s for p in ("ان", "بان") for s in _SUFFIXES)
_COMPLEMENT_REACH = 6  # words between a name and the complementizer ("جياني إنفانتينو الجمعة إن")
_NEW_CLAUSE = re.compile(r"[،,]\s*[وف]$")  # a comma and و/ف opening the next word: a new clause (round 29)
_NOT_BEFORE_AN = frozenset("دون بدون بعد قبل".split())  # "من دون أن تحدد": not a speech complement
_SAID_THAT = frozenset("إن" + s for s in _SUFFIXES)
_THAT = frozenset("أن" + s for s in _SUFFIXES)


def spelled_name(body: str) -> bool:
    """Whether a quote's words spell a name, not words said (round 28): Latin letters
    («EUDR», «IEU-CEPA») or Arabic spellings of Latin letters («إل آر تي», «في إن إيه»).

    >>> [spelled_name(q) for q in ("EUDR", "إل آر تي", "في إن إيه", "في أن", "لن نقبل")]
    [True, True, True, False, False]
    """
    words = body.split()
    if not words or len(words) > 5:
        return False
    if all(_LATIN.fullmatch(w) for w in words):
        return True
    norm = [normalize(w) for w in words]
    return len(norm) > 1 and all(w in _LETTER_NAMES for w in norm) and not all(w in _ARABIC_WORDS for w in norm)


def name_before_complement(text: str, start: int, end: int, spans) -> bool:
    """Whether a short quote stands in the subject of a speech verb whose words said follow
    (round 28): nothing in its sentence before it introduces words said, and within a few
    words after it, before any other quote or speech verb, comes «إن»/«أن» — "قال رئيس الاتحاد
    الدولي لكرة القدم «فيفا» جياني إنفانتينو الجمعة إن …".

    >>> t = "وقال متحدث باسم منظمة الطفولة «يونيسف» للصحفيين إن «الوضع كارثي»"
    >>> s = spans_from_marks(t)
    >>> name_before_complement(t, t.index("«") + 1, t.index("»"), s)
    True
    >>> name_before_complement(t, t.rindex("«") + 1, t.rindex("»"), s)
    False
    """
    if len(text[start:end].split()) > 3 or text[max(0, start - 3):start - 1].rstrip().endswith("ـ"):
        return False  # "طالب بـ«رفع الحصار فورا» … دون أن": the object of a preposition
    forms = speech_forms()
    before = [w for w in words_in(text, sentence_start(text, start - 1, spans), start - 1) if not in_spans(w.start, spans)]
    if before and before[-1].end >= start - 3 and before[-1].readings[0] in PREPOSITIONS:
        return False  # "دعت … الأطراف إلى «الحوار وضبط النفس»"
    if any(w.readings[0] in _COMPLEMENTS or ":" in text[w.end:w.end + 2] for w in before):
        return False  # the quote is in what was said: "قالت إنها «تتابع التطورات بقلق»"
    stop = re.search(r"[.!?؟\n]", text[end + 1:])
    after = words_in(text, end + 1, end + 1 + (stop.start() if stop else len(text) - end - 1))
    for i, w in enumerate(after[:_COMPLEMENT_REACH + 1]):
        if span_starts_in(spans, end + 1, w.start) or any(suffixed_speech_form(r, forms) for r in w.readings[:3]):
            return False  # another quote or a speech verb comes first
        if _NEW_CLAUSE.search(text[(after[i - 1].end if i else end + 1):w.start + 1]):
            return False  # "بتصنيف الحزب «منظمة إرهابية»، فرد نظيره بالقول إن": a new clause
        word = text[w.start:w.end]
        if word in _SAID_THAT or (word in _THAT and not (i and after[i - 1].readings[0] in _NOT_BEFORE_AN)):
            return True
    return False


def quoted_name(text: str, start: int, end: int, ments, spans=None) -> bool:
    """Whether the quote ``text[start:end]`` is a name, not words said (round 26): the whole
    quote is one actor of the gazetteer («أوبك+», «اليونيفيل», «إم 23» as a mention), or a
    quote of up to three words ending in a number that is not a date after «في»/«منذ» (a
    missile, a decree, an agenda: «هواسونغ-20», «المرسوم 54», «أجندة 2063»); since round 28 also
    a name spelled in letters (:func:`spelled_name`) and, given the article's quote ``spans``, a
    short quote in a speech verb's subject (:func:`name_before_complement`). ``ments``: the
    article's actor mentions (start, end, actor_id, …).

    >>> t = "أطلقت بيونغ يانغ صاروخ «هواسونغ-20» وقالت إن «التجربة نجحت تماما»"
    >>> quoted_name(t, t.index("«") + 1, t.index("»"), []), quoted_name(t, t.rindex("«") + 1, t.rindex("»"), [])
    (True, False)
    """
    body = text[start:end]
    lo, hi = start + len(body) - len(body.lstrip()), start + len(body.rstrip())
    words = body.split()
    if len(words) <= _NAME_WORDS and _NUMBERED.search(body) and not (len(words) > 1 and words[-2] in _DATE_WORDS):
        return True
    if spelled_name(body) or (spans is not None and name_before_complement(text, start, end, spans)):
        return True
    return any(m.start == lo and m.end == hi and m.actor_id for m in within(ments, lo, hi)) or lexicon_body(body)


def lexicon_body(body: str) -> bool:
    """Whether the whole quote is a body the speaker lexicons name: a title of type
    ``organisation`` («إيكواس», «ميركوسور», «فيفا») or an institution or outlet of the place
    lexicon; a body with no gazetteer code is as much a name as one with it (round 37).

    >>> lexicon_body("إيكواس"), lexicon_body("لن نتراجع")
    (True, False)
    """
    ws = words_in(body, 0, len(body))
    lex = load_speaker_lexicon()
    return bool(ws) and (
        any(i == 0 and len(e.words) == len(ws) and e.value == "organisation" for i, e in find_entries(lex.titles, ws))
        or any(i == 0 and len(e.words) == len(ws) and e.kind in ("institution", "outlet") for i, e in find_entries(lex.places, ws)))


def _cue_in_sentence(text: str, mark: int, spans) -> bool:
    """Whether a speech verb or participle (any form of speech_verbs.csv) stands before
    ``mark`` in its sentence, outside quotation marks ("كما قال إنه يتفق «بشكل رائع»")."""
    sent = sentence_start(text, mark, spans)
    forms = speech_forms()
    return any(any(suffixed_speech_form(r, forms) for r in w.readings[:3] if "ب" + r not in w.readings)
               and not in_spans(w.start, spans)  # "بوصفها": the preposition with a noun, no verb
               for w in words_in(text, sent, mark))


# pronoun suffixes a speech verb may carry: its object ("وصفه بـ«…»", "وصفتها بأنها") or, on the
# perfect, its subject ("وصفنا ذلك بأنه «…»", "وصفتم النتائج بأنها «…»") (round 13)
_VERB_SUFFIXES = ("هما", "هم", "ها", "ه", "كم", "نا", "تم")


def suffixed_speech_form(reading: str, forms: frozenset[str]) -> bool:
    """Whether ``reading`` is a form of ``forms`` (speech_verbs.csv), bare or with one
    pronoun suffix: a short quote after "ما وصفه بـ" is the describer's words, not a term.

    >>> forms = frozenset({"وصف", "وصفت", "قال"})
    >>> [suffixed_speech_form(w, forms) for w in ("وصفه", "وصفتها", "وصفنا", "وصفتم", "قال", "كتابه", "ه")]
    [True, True, True, True, True, False, False]
    """
    return reading in forms or pronoun_suffixed(reading, forms, _VERB_SUFFIXES)



_NAMING = frozenset("تسميه تسميها يسميه يسميها تسمي يسمي يسمونه يسمونها تطلق يطلق".split())
_TALK = frozenset("تحدث تحدثت يتحدث تتحدث تحدثوا يتحدثون".split())
_HABITUAL = frozenset("من كثيرا بعضهم البعض".split())


def _habitual_talk(text: str, mark: int, spans) -> bool:
    """Whether the quote's sentence talks of the quoted words with no one saying them:
    "هناك من يتحدث عن «…»", "يتحدث بعضهم عن «…»", "يتحدث الإعلام كثيرا عن «…»" (a term,
    while "وزير النفط تحدث عن «شراكة حتمية»" is speech; round 41).

    >>> t = "س: هناك من يتحدث عن «إرهاق التوسع». ما رأيك؟"
    >>> _habitual_talk(t, t.index("«"), spans_from_marks(t))
    True
    >>> t = "س: الوزير تحدث عن «شراكة حتمية». أين وصلتم؟"
    >>> _habitual_talk(t, t.index("«"), spans_from_marks(t))
    False
    """
    ws = [w for w in words_in(text, sentence_start(text, mark, spans), mark) if not in_spans(w.start, spans)]
    talk = [k for k, w in enumerate(ws) if any(r.lstrip("وف") in _TALK for r in w.readings[:2])]
    if not talk:
        return False
    k = talk[-1]
    near = ws[max(0, k - 1):k] + ws[k + 1:k + 3]
    return any(r in _HABITUAL for w in near for r in w.readings[:1])

"""The hook: :func:`add_speaker_columns` (kind, speaker type and country, continuation chains)
and :func:`quotes_by_speaker_state`."""
from __future__ import annotations

from functools import lru_cache
from heapq import heappop, heappush

import pandas as pd

from ..text import normalize
from .lexicon import (ASK_PASSIVE, ask_word, CHAIN_RULES, NOT_SUBJECT, PHRASE_MAX, SAME_WORDS, SKIP_START, SPEAKER_COLUMNS, STOP_WORDS, TIME_ADVERBIAL, TIME_WORDS, SpeakerLexicon,
                      ask_word, find_entries, opens_with_title, is_speech_verb, load_speaker_lexicon, pronoun_suffixed, speech_forms, words_in)
from .positions import (MentionIndex, SpanSet, in_spans, paragraph_start, previous_paragraph, sentence_start, starting_in,
                        within)
from .kind import joined_to_name, quote_kind, quoted_name
from .extent import phrase_end
from .resolve import Mention, SpeakerInfo, dateline_country, head_noun, nisba_country, resolve_speaker, title_heads
from .dateline import dateline_span, main_country, place_mentions, placed_mentions, places_country, sole_country, unplaced_dateline, without_foreign_bodies
from .headline import headline_speaker
from .local import place_heading
from .regional import names_region
from .city_dateline import withhold_city_dateline
from .national import national_body
from .interview import answer_verb, bare_title_in_answer, colleague, first_person, is_interview, opens_answer, our_title, second_person_said, turn
from .gender import agreeing
from .names import Named, name_key
from .home_voice import HOME_TYPES, ONE_STATE_TYPES, described_as, home_voice, one_state_voice, story_state
from .narrative import scene_subjects
from .subjects import (PREPOSITIONS, Subject, addressee, find_subjects, kan_qad_frame, manner_phrase, participle_subject, sentence_subject,
                       titled_name)


# ---------------------------------------------------------------------------
# The hook
# ---------------------------------------------------------------------------

_SPEAKER_FIELDS = ("speaker_text", "speaker_actor_id", "speaker_start", "speaker_end", "speaker_group", "speaker_via")


def _mentions_by_article(mentions: pd.DataFrame | None) -> dict[object, MentionIndex]:
    if mentions is None or not len(mentions):
        return {}
    n = len(mentions)
    cols = [mentions[c].tolist() if c in mentions else [d] * n
            for c, d in (("article_id", None), ("start", 0), ("end", 0), ("actor_id", None), ("actor_type", ""),
                         ("country", ""))]
    out: dict[object, list[Mention]] = {}
    for a, s, e, aid, at, c in zip(*cols):
        out.setdefault(a, []).append(Mention(int(s), int(e), aid if isinstance(aid, str) else None,
                                              at if isinstance(at, str) else "", c if isinstance(c, str) else ""))
    return {a: MentionIndex(sorted(v)) for a, v in out.items()}


class _EarlierSpeakers:
    """The earlier quotes of an article whose speaker phrase starts at or after an offset
    (the paragraph of the quote at hand), in text order, without walking every earlier
    quote: quotes come in text order, so that offset only grows and a speaker left behind
    never counts again.

    >>> e = _EarlierSpeakers()
    >>> e.add(0, {"speaker_start": 3}); e.add(1, {"speaker_start": None}); e.add(2, {"speaker_start": 40})
    >>> e.since([{"n": 0}, {"n": 1}, {"n": 2}], 10)
    [{'n': 2}]
    """

    def __init__(self) -> None:
        self._heap: list[tuple[int, int]] = []

    def add(self, k: int, row: dict) -> None:
        ps = row.get("speaker_start")
        if ps is not None and not pd.isna(ps):
            heappush(self._heap, (int(ps), k))

    def since(self, rows: list[dict], start: int) -> list[dict]:
        while self._heap and self._heap[0][0] < start:
            heappop(self._heap)
        return [rows[k] for k in sorted(k for _, k in self._heap)]


def _speaker_key(row: dict) -> object:
    """A row's ``speaker_start`` as a dict key; a missing number (NaN) equals nothing, as
    in ``!=``, so it gets a key of its own."""
    ss = row.get("speaker_start")
    return ss if ss is None or not pd.isna(ss) else object()


def _chain(rows: list[dict], i: int, same: list[int] | None = None) -> str:
    """``chain:<cue>><earlier cue>…`` back to the quote naming the same speaker phrase.
    ``same``: the indices of the earlier rows with the same ``speaker_start`` (default: all
    earlier rows are looked at)."""
    r = rows[i]
    verbs = [r.get("verb") or "—"]
    for j in (reversed(same) if same is not None else range(i - 1, -1, -1)):
        p = rows[j]
        if p.get("speaker_start") != r.get("speaker_start") or p.get("kind") != "speech":
            continue
        verbs.append(p.get("verb") or "—")
        if p.get("rule") not in CHAIN_RULES:
            return "chain:" + ">".join(verbs)
    return "chain:" + ">".join(verbs + [str(r.get("speaker_text"))])


def _colon_speaker(text: str, sent: int, mark: int, ments: list[Mention], lex: SpeakerLexicon,
                   spans) -> Subject | None:
    """"PHRASE: «…»" at the start of a sentence (a headline "الكرملين: …", "صندوق النقد:
    …"), when the phrase is titled, names an actor or an institution, at most 8 words."""
    colon = text.find(":", sent, mark)
    if colon < 0 or in_spans(colon, spans):
        return None
    ws = words_in(text, sent, colon)
    ask = ask_word(ws[0].readings[0]) if ws else None  # "وسأل مراسل إذاعة …: «…»": the verb's subject (round 52)
    ws = ws[1:] if len(ws) > 1 and (is_speech_verb(ws[0]) or (ask and not ask[1] and ask[0] not in ASK_PASSIVE)) else ws
    if not ws or len(ws) > 8 or ws[0].readings[0] in ("س", "ج"):
        return None
    s, e = ws[0].start, ws[-1].end
    actors = [m for m in within(ments, s, e) if m.actor_id and not in_spans(m.start, spans)]  # not «صوت الغرب» (round 52)
    if not (actors or find_entries(lex.titles, ws) or any(x.kind == "institution" for _, x in find_entries(lex.places, ws))
            or _headline_name(text, sent, ws)):
        return None
    k = next((k for k in range(1, len(ws)) if ws[k].readings[0] in TIME_ADVERBIAL), None)
    if k is not None:  # "الركراكي بعد الفوز على الكاميرون: «…»": the subject ends at the time (round 14)
        e = ws[k - 1].end
        actors = [m for m in actors if m.end <= e]
    persons = [m for m in actors if m.actor_type == "person"]
    return Subject(colon, s, e, persons[-1].actor_id if persons else (actors[0].actor_id if actors else None))


def _headline_name(text: str, sent: int, ws) -> bool:
    """A headline opened by a bare name of one or two words ("بيرقدار: خط الغاز …", "عبد
    العاطي: …") whose last word is named again in the article: the speaker."""
    if sent != 0 or len(ws) > 2 or ws[0].readings[0].startswith("ال") or text.find("\n", 0, ws[-1].end) >= 0:
        return False
    last = ws[-1].readings[0]
    return len(last) > 2 and any(w.readings[0] == last for w in words_in(text, ws[-1].end, min(len(text), ws[-1].end + 3000)))


def _set_speaker(r: dict, sub: Subject, text: str, rule: str) -> None:
    r.update(speaker_text=text[sub.start:sub.end], speaker_start=sub.start, speaker_end=sub.end,
             speaker_actor_id=sub.actor, speaker_group=None, rule=rule, speaker_via="name" if sub.actor else None)


# A statement or commentary continuing its author: "وأضاف البيان"، "وتابع التعليق".
_SOURCE_NOUNS = frozenset("البيان التعليق الافتتاحية التقرير المقال الرسالة".split())


_normalized = lru_cache(maxsize=10_000)(normalize)


@lru_cache(maxsize=100_000)
def _norm_words(phrase: str) -> tuple[str, ...]:
    """The normalized whitespace-separated words of a phrase (cached: phrases recur)."""
    return tuple(normalize(w) for w in phrase.split())


def _adverb_speaker(r: dict, text: str = "", lex: SpeakerLexicon | None = None) -> bool:
    """A speaker phrase that is no new speaker: an adverb taken for the subject ("وأضاف
    ردا على سؤال") or a bare source noun continuing its author ("وأضاف البيان")."""
    t = r.get("speaker_text")
    if not (isinstance(t, str) and t) or r.get("speaker_actor_id"):
        return False
    words = _norm_words(t)
    if words and (ss := r.get("speaker_start")) is not None and not pd.isna(ss) and text:
        first = words_in(text, int(ss), int(ss) + len(t))[:1]
        if first and addressee(first[0], lex or load_speaker_lexicon()):
            return True  # "قال لوكالة «أسوشيتد برس»": the medium addressed, not the speaker
    # a participle taken for the subject: "وتابع قائلا: «…»"
    return words[0] in NOT_SUBJECT or words[0] in speech_forms() or _source_phrase(words)


def _source_phrase(words) -> bool:
    """A statement or commentary continuing its author, at most two words: "البيان",
    "الافتتاحية ذاتها", "التعليق نفسه" (not "البيان الصادر عن وزارة الخارجية الصينية")."""
    return bool(words) and len(words) <= 2 and (words[0] in _SOURCE_NOUNS or words[-1] in SAME_WORDS)  # المصدر ذاته


def _headline_subject(text: str, r: dict, sent: int, ments: list[Mention], lex: SpeakerLexicon) -> Subject | None:
    """"الصين تقول إن …" / "البيت الأبيض يقول الصين …": an actor or titled phrase opening
    the sentence right before a present-tense speech verb is its subject (SVO, the order
    of headlines), not the noun after the verb."""
    verb = r.get("verb")
    if not isinstance(verb, str) or not verb or _normalized(verb)[:1] not in "يت":
        return None
    vpos = text.rfind(verb, sent, int(r["start"]))
    if vpos < 0:
        return None
    ws = words_in(text, sent, vpos)
    if not ws or len(ws) > 4:
        return None
    s0, e0 = ws[0].start, ws[-1].end
    actors = [m for m in within(ments, s0, e0) if m.actor_id]
    covers = actors and actors[0].start == s0 and actors[-1].end == e0
    if not (covers or opens_with_title(ws, lex)):
        return None
    persons = [m for m in actors if m.actor_type == "person"]
    return Subject(vpos, s0, e0, persons[0].actor_id if persons else (actors[0].actor_id if actors else None))


# Verbs whose first noun, with the subject left out, is their object: "واتهم كييف بأنها «…»",
# "وتصف المناورات بأنها «…»".
_OBJECT_VERBS = frozenset("وصف وصفت يصف تصف اتهم اتهمت يتهم تتهم".split())


def _nearer_verb_actor(text: str, r: dict, ments: list[Mention], spans) -> Subject | None:
    """A speech verb with an object pronoun nearer the quote than the speaker phrase, with an
    actor right after it, governs the quote: "وكان المستشار قد وصف الهند بأنها «…»، وهي تصريحات اعتبرتها
    نيودلهي «…»" → نيودلهي."""
    se, mark = int(r["speaker_end"]), int(r["start"]) - 1
    ws = words_in(text, se, mark)
    if len(ws) < 2:
        return None
    ws = [w for w in ws if not in_spans(w.start, spans)]
    for k in range(len(ws) - 2, -1, -1):
        if _object_suffixed(ws[k]) and not (k and ws[k - 1].readings[0] in ("التي", "الذي", "ما")):
            m = next((m for m in starting_in(ments, ws[k + 1].start, ws[k + 1].start + 1) if m.actor_id), None)
            return Subject(ws[k].start, m.start, m.end, m.actor_id) if m is not None else None
    return None


def _speech_verb_with_object(w) -> bool:
    """A speech verb, also with an object pronoun ("اعتبرتها", "وصفها")."""
    return is_speech_verb(w) or _object_suffixed(w)


def _object_suffixed(w) -> bool:
    """A speech verb with an object pronoun ("اعتبرتها", "وصفها"): the actor after it is its
    subject (after a bare verb it may be the object: "إنه دعا شي للمساعدة")."""
    forms = speech_forms()
    return any(pronoun_suffixed(r, forms, ("ها", "هم", "ه"), min_stem=3) for r in w.readings[:2])


def _kan_qad_subject(text: str, r: dict, sent: int, ments: list[Mention], lex: SpeakerLexicon, spans) -> Subject | None:
    """"وكان مستشار التجارة … قد وصف الهند … بأنها «…»": the subject between كان and قد,
    before the verb; the noun the quote finder took after the verb is its object."""
    ss = int(r["speaker_start"])
    before = words_in(text, max(sent, ss - 40), ss)
    if len(before) < 2 or before[-2].readings[0] not in ("قد", "لقد"):
        return None  # no "قد <verb>" right before the phrase
    subs = find_subjects(text, sent, int(r["start"]) - 1, ments, lex, spans)
    for x in subs:
        between = words_in(text, x.end, x.pos)
        if (x.end <= x.pos < ss and not text[x.pos:ss].strip(" ").count(" ") and between
                and between[-1].readings[0] in ("قد", "لقد")):
            return x
    return None


def _object_taken_for_subject(text: str, r: dict, ments: list[Mention], lex: SpeakerLexicon) -> bool:
    """Whether the phrase the quote finder took for the speech verb's subject is rather its
    object or an adverb: no title, no actor and no country in it ("وتصف المناورات بأنها",
    "قال بوضوح إن"), or a lone actor right before بأن/بـ after وصف/اتهم ("واتهم كييف بأنها")."""
    ss, se = r.get("speaker_start"), r.get("speaker_end")
    if ss is None or pd.isna(ss):
        return False
    ss, se = int(ss), int(se)
    ws = words_in(text, ss, se)
    titled = opens_with_title(ws, lex)
    inside = [m for m in within(ments, ss, se) if m.country]
    if ws and not titled and not r.get("speaker_actor_id") and not inside and not find_entries(lex.places, ws) \
            and not any(nisba_country(w.readings[0]) for w in ws) and not titled_name(text, ws, ss, lex):
        return True  # not a bare name titled earlier ("فأجاب بيريرا بأن" after "وزير خارجية … بيريرا"; round 10)
    verb = r.get("verb")
    nxt = words_in(text, se, min(len(text), se + 20))[:1]
    if not (len(ws) <= 2 and isinstance(verb, str) and verb.strip() and nxt
            and any(x in _OBJECT_VERBS for x in words_in(verb, 0, len(verb))[0].readings)):
        return False
    if nxt[0].readings[0].startswith("بان"):
        return True  # "فوصفت المجموعة بأنها": a titled noun too
    return (not titled and nxt[0].readings[0].startswith("ب")
            and not starting_in(ments, nxt[0].start, nxt[0].start + 1))  # "اتهمت مانيلا بكين بـ": بكين is the object


def _untitled_subject(text: str, sent: int, mark: int, lex: SpeakerLexicon, spans) -> Subject | None:
    """A noun phrase right after a speech verb of the quote's sentence that no title list
    knows ("وقالت بعثة المراقبة التابعة لـ… في تقرير إن"): the subject of that verb, up to a
    complementizer, a colon, a time word or a preposition ("وأشار وانغ خلال محادثات مع …")."""
    ws = [w for w in words_in(text, sent, mark) if not in_spans(w.start, spans)]
    forms = speech_forms()
    for i, w in enumerate(ws[:-1]):
        if not is_speech_verb(w):
            continue
        nxt = ws[i + 1]
        first = nxt.readings[0]
        if (":" in text[w.end:nxt.start] or first in STOP_WORDS or first in NOT_SUBJECT or first in SKIP_START
                or first in PREPOSITIONS or first in TIME_WORDS or len(first) < 3 or addressee(nxt, lex)
                or first.startswith(("لل", "بال", "كال"))  # "للضغط": a preposition on a definite noun
                or any(x in forms for x in nxt.readings)):
            return None
        phrase = []
        for x in ws[i + 1:i + 1 + PHRASE_MAX]:
            if (x.readings[0] in STOP_WORDS or x.readings[0] in TIME_WORDS or ":" in text[w.end:x.start]
                    or (phrase and (x.readings[0] in PREPOSITIONS or x.readings[0] in SKIP_START))):
                break
            phrase.append(x)
        return Subject(w.start, phrase[0].start, phrase[-1].end, None) if phrase and not manner_phrase(phrase) else None
    return None


def _reattribute(text: str, r: dict, before: list[dict], ments: list[Mention], lex: SpeakerLexicon, spans) -> None:
    """Fix an inherited or missing speaker from the quote's own sentence and paragraph.

    * an explicit subject of a speech verb in the quote's sentence, before the quote
      ("وقالت الممثلة العليا … كايا كالاس إن") beats a speaker inherited from earlier
      sentences (rule ``verb_subject``);
    * a continuation cue (وأضاف، وتابع، وقال with no subject, an adverb such as ردا taken
      for the subject) takes the last speaker of the paragraph: the latest explicit subject
      or attributed quote before it (rule ``continuation``).

    ``before``: the article's earlier quotes (those whose speaker starts in the quote's
    paragraph are enough, see :class:`_EarlierSpeakers`).
    """
    rule = r.get("rule")
    if rule == "verb_subject" and not _adverb_speaker(r, text, lex):
        sent = sentence_start(text, int(r["start"]) - 1, spans)
        head = _headline_subject(text, r, sent, ments, lex)
        if head is not None:
            _set_speaker(r, head, text, "subject_verb")
        elif (near := _nearer_verb_actor(text, r, ments, spans)) is not None:
            _set_speaker(r, near, text, "verb_subject")
        elif (kan := _kan_qad_subject(text, r, sent, ments, lex, spans)) is not None:
            _set_speaker(r, kan, text, "verb_subject")
        elif _object_taken_for_subject(text, r, ments, lex):
            ss = int(r["speaker_start"])
            alt = [x for x in find_subjects(text, sent, int(r["start"]) - 1, ments, lex, spans) if x.start != ss]
            sub = alt[-1] if alt else sentence_subject(text, sent, int(r["start"]) - 1, ments, lex, spans)
            if sub is not None and sub.start != ss:
                _set_speaker(r, sub, text, "implicit_sentence_subject")
        return
    inherited = rule in CHAIN_RULES or _adverb_speaker(r, text, lex)
    if not (inherited or rule in (None, "implicit_same_sentence", "implicit_sentence_person", "according_to")):
        return
    q = int(r["start"])
    mark = q - 1
    sent = sentence_start(text, mark, spans)
    own = find_subjects(text, sent, mark, ments, lex, spans)
    ss = r.get("speaker_start")
    if rule in ("implicit_same_sentence", "implicit_sentence_person") and ss is not None and not pd.isna(ss) \
            and int(ss) >= sent and not _adverb_speaker(r, text, lex):
        main = participle_subject(text, r.get("verb"), int(r["start"]), sent, own)
        if main is not None and main.start != int(ss):
            _set_speaker(r, main, text, "implicit_same_sentence")
        return  # the system's pronoun resolution stays inside the sentence: keep it
    own = [x for x in own if not _source_phrase(_norm_words(text[x.start:x.end]))]
    if not own and inherited and _asks_a_pronoun(text, sent, mark, spans):
        _answer_of_the_asked(text, r, sent, before, ments, lex, spans)
        return
    if own:
        _set_speaker(r, own[-1], text, "verb_subject")
        return
    if inherited and ss is not None and not pd.isna(ss) and int(ss) < paragraph_start(text, mark):
        new = _untitled_subject(text, sent, mark, lex, spans)
        if new is not None:  # "وقالت بعثة المراقبة … إن": a new speaker, not the last paragraph's
            _set_speaker(r, new, text, "verb_subject")
            return
    if rule is not None and not inherited:
        return  # a pronoun resolved in the sentence, or وفقا with no speech verb: keep it
    head = _colon_speaker(text, sent, mark, ments, lex, spans) if rule is None else None
    if head is not None:
        _set_speaker(r, head, text, "colon_intro")
        return
    head = headline_speaker(text, mark, ments, lex, spans) if rule is None else None
    if head is not None:  # "مصر تحذر من «…»", "… في الفلبين.. وماركوس: «…»" (round 6)
        _set_speaker(r, head, text, "headline")
        return
    if rule is None:
        # "ويضيف: «…»" — a speech verb with no subject in the quote's sentence
        # (or a participle: "خفض صندوق النقد توقعاته، محذرا من أن «…»")
        forms = speech_forms()
        inherited = any((is_speech_verb(w) or any(x in forms for x in w.readings[:3])) and not in_spans(w.start, spans)
                        for w in words_in(text, sent, mark))
        # "وتذهب أبعد من ذلك: «…»": a colon right before the mark introduces words said (round 7)
        colon = not inherited and text[sent:mark].rstrip().endswith(":")
        inherited = inherited or colon or kan_qad_frame(text, sent, mark)  # "وكان X قد نصح … بـ«…»" (round 11)
    if not inherited:
        return
    subject = sentence_subject(text, sent, mark, ments, lex, spans)
    if subject is not None and not _source_phrase(_norm_words(text[subject.start:subject.end])):
        _set_speaker(r, subject, text, "implicit_sentence_subject")  # also "وتروي الممرضة …: «…»"
        return
    if rule is None and colon and sent == paragraph_start(text, mark):
        return  # "الخلاصة: «…»" opening a paragraph continues no one
    para = paragraph_start(text, mark)
    cands = _last_speakers(text, para, sent, len(text), before, ments, lex, spans)
    if not cands and sent == para and para > 0:
        # a paragraph opened by "وأضاف …" / "وتابعت: «…»" with no subject of its own
        # continues the last speaker of the paragraph before it (round 7)
        prev = previous_paragraph(text, para)
        cands = _last_speakers(text, prev, para, para, before, ments, lex, spans)
    if not cands:
        if _adverb_speaker(r, text, lex):
            for c in ("speaker_text", "speaker_actor_id", "speaker_start", "speaker_end", "speaker_via"):
                r[c] = None
            r["rule"] = None
        return
    _continue_from(text, r, cands)


def _continue_from(text: str, r: dict, cands: list[tuple[int, object]]) -> None:
    """Give ``r`` the candidate speaker its verb agrees with (:func:`_last_speakers`), as a
    continuation."""
    last = agreeing(text, r.get("verb"), cands)
    if isinstance(last, Subject):
        _set_speaker(r, last, text, "continuation")
    else:
        for c in _SPEAKER_FIELDS:
            r[c] = last.get(c)
        r["rule"] = "continuation"


def _sole_elsewhere(text: str, r: dict, sole: str | None, ments: list[Mention], spans) -> str | None:
    """``sole``, the one state a text without dateline names, when it is named outside the
    quote's sentence: a column's minister speaks for it ("فالوزير قال …" in a column on Egypt),
    "وقال الوزير في مؤتمر صحفي مع نظيره المغربي" does not speak for Morocco (round 56)."""
    if sole is None:
        return None
    lo = sentence_start(text, int(r["start"]) - 1, spans)
    hi = int(r["end"])
    return sole if any(m.country == sole and not lo <= m.start < hi for m in ments) else None


def _answer_of_the_asked(text: str, r: dict, sent: int, before: list[dict], ments: list[Mention],
                        lex: SpeakerLexicon, spans) -> None:
    """"وسألها صحفي …: «…؟»، فأجابت: «…»": the answer is the last speaker before the question's
    sentence (in its paragraph, else the paragraph before), not the reporter (round 56)."""
    para = paragraph_start(text, sent)
    cands = _last_speakers(text, para, sent, sent, before, ments, lex, spans)
    if not cands and para > 0:
        prev = previous_paragraph(text, para)
        cands = _last_speakers(text, prev, para, para, before, ments, lex, spans)
    if not cands:
        return
    _continue_from(text, r, cands)


def _asks_a_pronoun(text: str, sent: int, mark: int, spans) -> bool:
    """Whether the quote's sentence asks someone named by a pronoun before it ("وسألها صحفي
    …: «…؟»، فأجابت: «…»"): the answer is the one asked, an earlier speaker, not the
    reporter who opens the sentence (round 56)."""
    return any((ask := ask_word(w.readings[0])) is not None and ask[1] and not in_spans(w.start, spans)
               for w in words_in(text, sent, mark))


_RECENT = 20  # earlier quotes looked at by their own position (bounded: long one-paragraph articles)


def _last_speakers(text: str, lo: int, hi: int, quotes_hi: int, before: list[dict], ments: list[Mention],
                   lex: SpeakerLexicon, spans) -> list[tuple[int, object]]:
    """Candidate speakers from ``lo`` on (a paragraph's start) as ``(position, Subject or
    earlier quote row)``: the subjects of the speech verbs in ``[lo, hi)`` and the earlier
    attributed speech quotes whose speaker phrase or whose own text starts in
    ``[lo, quotes_hi)`` (a quote continuing a speaker named earlier counts too)."""
    cands: list[tuple[int, object]] = [(x.pos, x) for x in find_subjects(text, lo, hi, ments, lex, spans)]
    cands += [(x.pos, x) for x in scene_subjects(text, lo, hi, ments, lex, spans)]  # "تحتفظ بيمبا شيربا …" (round 12)
    for p in before:
        ps = p.get("speaker_start")
        if (p.get("kind") == "speech" and ps is not None and not pd.isna(ps)
                and (lo <= int(ps) < quotes_hi or lo <= int(p["start"]) < quotes_hi)
                and p.get("speaker_text") and not _adverb_speaker(p, text, lex)):
            cands.append((int(p["start"]), p))
    return cands


def _third_party_after(text: str, r: dict, spans) -> bool:
    """A third-person speech verb after the interviewee's own words in the quote's sentence
    ("أكرر ما كان يقوله زميل قديم لي في لندن: «…»"): the quote is that speaker's."""
    mark = int(r["start"]) - 1
    ws = [w for w in words_in(text, sentence_start(text, mark, spans), mark) if not in_spans(w.start, spans)]
    firsts = [k for k, w in enumerate(ws) if any(x in _FIRST_PERSON_VERBS for x in w.readings[:2])]
    if not firsts:
        return False
    return any(_speech_verb_with_object(w) and not any(x in _FIRST_PERSON_VERBS for x in w.readings[:2])
               for w in ws[firsts[-1] + 1:])


_FIRST_PERSON_VERBS = frozenset("قلت اقول قلنا نقول اكرر".split())


def _interviewee(text: str, r: dict, headline: dict, spans, lex: SpeakerLexicon) -> bool:
    """In an interview, a quote the interviewee gives in the first person in an answer
    takes the headline speaker (rule ``interviewee``); a colleague of the interviewee in an
    answer ("قال لي أحد زملائي") speaks for the interviewee's body (rule
    ``interviewee_colleague``); a title with "our"/"your" in a turn
    speaks for the interviewee's state. Returns True when the row was settled here."""
    t = turn(text, int(r["start"]))
    mark = int(r["start"]) - 1
    if ((t == "ج" and (opens_answer(text, mark) or first_person(text, mark, spans) or answer_verb(text, mark, spans))
         and not _third_party_after(text, r, spans))
            or (t == "س" and second_person_said(text, mark, spans))):
        for c in (*_SPEAKER_FIELDS, "speaker_country", "speaker_type"):
            r[c] = headline.get(c)
        r["rule"] = "interviewee"
        return True
    ss = r.get("speaker_start")
    if t and ss is not None and not pd.isna(ss) and our_title(text, int(ss), int(r["speaker_end"]), lex) \
            and headline.get("speaker_country"):
        r["speaker_country"], r["speaker_type"] = headline["speaker_country"], "state"
        return True
    span = colleague(text, sentence_start(text, mark, spans), mark) if t == "ج" else None
    if span is not None and headline.get("speaker_country"):
        r.update(speaker_text=text[span[0]:span[1]], speaker_start=span[0], speaker_end=span[1], speaker_actor_id=None,
                 speaker_group=None, speaker_via=None, rule="interviewee_colleague")
        r["speaker_country"], r["speaker_type"] = headline["speaker_country"], headline.get("speaker_type")
        return True
    return False


def _name_in_apposition(text: str, r: dict) -> bool:
    """A short quote right after its own speaker phrase, with the clause going on after it,
    is a name in apposition, not words said: "أعربت منظمة الأغذية … التابعة للأمم المتحدة
    «فاو» عن قلقها", "وقال رئيس شركة الشحن اليونانية «أوشن ستار»، للصحفيين … إن"."""
    ss, se = r.get("speaker_start"), r.get("speaker_end")
    if ss is None or pd.isna(ss) or r.get("rule") not in ("verb_subject", "subject_verb"):
        return False
    start, end = int(r["start"]), int(r["end"])
    if int(se) > start or text[int(se):start - 1].strip() or len(text[start:end].split()) > 3:
        return False
    last = text[int(ss):int(se)].split()[-1].strip("ـ")
    if len(last) <= 1 or normalize(last) in PREPOSITIONS:
        return False  # "وتوعد المتحدث بـ«رد حازم»", "حث … الطرفين على «…»": the phrase ends in a preposition
    after = text[end + 1:end + 3].lstrip(" ")
    return bool(after) and after[0] not in ".!?؟\n:"


def add_speaker_columns(quotes: pd.DataFrame, texts: dict, mentions: pd.DataFrame | None = None,
                        lexicon: SpeakerLexicon | None = None) -> pd.DataFrame:
    """``quotes`` (from :func:`arnews.quotes.find_quotes`) with ``kind``, ``speaker_type``
    and ``speaker_country``; terms and titles lose their speaker, continuation quotes get
    their chain in ``speaker_via``. ``texts``: article_id → ``clean_text``. The input is
    not modified. See the module docstring for an example."""
    lex = lexicon or load_speaker_lexicon()
    out = quotes.copy()
    for c in SPEAKER_COLUMNS:
        out[c] = pd.Series([None] * len(out), index=out.index, dtype=object)
    if not len(out):
        return out
    by_art = _mentions_by_article(mentions)
    records = out.to_dict("records")
    order = sorted(range(len(records)), key=lambda i: (str(records[i]["article_id"]), int(records[i]["start"])))
    groups: dict[object, list[int]] = {}
    for i in order:
        groups.setdefault(records[i]["article_id"], []).append(i)
    for aid, idx in groups.items():
        text = texts.get(aid) or ""
        ments = by_art.get(aid, [])
        rows = [records[i] for i in idx]
        dateline = dateline_country(text, ments, lex=lex)
        named_dateline = dateline_country(text, ments) if dateline else None  # round 19 (1c)
        towns = place_mentions(text, lex, ments) if not dateline else []  # no dateline: the opening's towns count (round 60)
        placed = placed_mentions(text, ments)  # "في تازناخت جنوب المغرب" counts as a headline's (round 62)
        own_ments = without_foreign_bodies(text, ments)  # not "الشركة النمساوية" (round 62)
        home = main_country(own_ments + towns + placed * 2, headline_end=max(0, text.find("\n")), prefer=places_country(text, lex, min_hits=1))
        dateline = dateline or (home if unplaced_dateline(text) else None)  # "مبانداكا - …" (round 50)
        home_state = main_country(own_ments + placed, min_mentions=2)  # a state title takes the home state only then (round 39)
        home_state = home_state or (places_country(text, lex) if not dateline else None)
        sole = sole_country(ments) if not dateline else None
        placed_at = dateline_span(text)  # a one-state story's state counts outside it (round 65)
        spans = SpanSet((int(x["start"]) - 1, int(x["end"]) + 1) for x in rows)
        earlier: list[tuple[str, str]] = []
        earlier_other: list[tuple[str | None, str]] = []  # non-state speakers: "الخبير العسكري الروسي"
        named: dict[str | None, Named] = {}  # last word of a resolved phrase -> its state (round 11)
        interview, headline = is_interview(text), None
        earlier_speakers = _EarlierSpeakers()
        speakers_at: dict[object, list[int]] = {}  # speaker_start -> earlier rows (for _chain)
        for k, r in enumerate(rows):
            if k:
                earlier_speakers.add(k - 1, rows[k - 1])  # as its own turn left it
                speakers_at.setdefault(_speaker_key(rows[k - 1]), []).append(k - 1)
            # only earlier quotes with a speaker in this quote's paragraph can be taken up
            # (and in the paragraph before it, for a paragraph opened by a continuation cue)
            para = paragraph_start(text, int(r["start"]) - 1)
            prev_para = previous_paragraph(text, para)
            before = earlier_speakers.since(rows, prev_para)
            # and the last quotes of these paragraphs, wherever their speaker was named (round 7)
            seen = {id(x) for x in before}
            before += [rows[j] for j in range(k - 1, max(-1, k - 1 - _RECENT), -1)
                       if int(rows[j]["start"]) >= prev_para and id(rows[j]) not in seen][::-1]
            _reattribute(text, r, before, ments, lex, spans)
            r["kind"] = quote_kind(text, int(r["start"]), int(r["end"]), r.get("rule"), lex, spans)
            if r["kind"] == "speech" and (_name_in_apposition(text, r)
                                          or quoted_name(text, int(r["start"]), int(r["end"]), ments, spans)):
                r["kind"] = "title"
            if r["kind"] == "speech" and k and rows[k - 1]["kind"] == "title" and joined_to_name(text, int(rows[k - 1]["end"]), int(r["start"])):
                r["kind"] = "title"  # "«إكوينور» النرويجية و«شل»" (round 39)
            attributed = any(isinstance(r.get(c), str) and r.get(c) for c in ("speaker_text", "speaker_actor_id", "speaker_group"))
            if r["kind"] != "speech":
                for c in _SPEAKER_FIELDS:
                    r[c] = None
                r["rule"] = None
                continue
            if interview and headline is not None and _interviewee(text, r, headline, spans, lex):
                continue
            if not attributed:
                continue
            ss = r.get("speaker_start")
            local = place_heading(text, int(ss), ments, lex) if ss is not None and not pd.isna(ss) else None
            info = resolve_speaker(text, r, ments, earlier, local or dateline, lex, earlier_other, local)
            if not local:
                info = withhold_city_dateline(text, r, info, dateline, named_dateline, ments, lex)
            info = national_body(text, r, info, local or dateline or home)  # "الوكالة الوطنية للموانئ" (round 63)
            if not info.country and (prev := named.get(name_key(r.get("speaker_text"), bare=True))):
                info = SpeakerInfo(*prev)  # "وأضاف آدم" after "عمر شيخ آدم، وهو باحث …" (round 11)
            elif info.country and (key := name_key(r.get("speaker_text"), bare=False)):
                named[key] = Named(info.country, info.type)
            if info.type in HOME_TYPES:
                info = home_voice(info, named_dateline or home, described_as(text, r.get("speaker_text"), ss, lex))  # "قال أحد المزارعين" (round 38)
            elif (info.type == "state" and not info.country and ss is not None and not pd.isna(ss)
                  and (state := home_state or _sole_elsewhere(text, r, sole, ments, spans))
                  and not (interview and turn(text, int(r["start"])) == "ج")
                  and not names_region(words_in(text, int(ss), int(r["speaker_end"])), lex)):
                info = SpeakerInfo(state, "state")  # "المتحدث باسم مجلس النواب": the article's state (round 39)
            if info.type in ONE_STATE_TYPES and not info.country:  # an analyst in a story about one state (round 65)
                own = (int(ss), int(r["speaker_end"])) if ss is not None and not pd.isna(ss) else (0, 0)
                skip = [placed_at] + [(int(x["speaker_start"]), int(x["speaker_end"])) for x in rows
                                                if x.get("speaker_start") is not None and not pd.isna(x["speaker_start"])]
                info = one_state_voice(info, story_state(ments, skip), described_as(text, r.get("speaker_text"), ss, lex),
                                       text[own[1]:] if own[1] else "")
            if interview and headline is not None and headline.get("speaker_country") and bare_title_in_answer(text, r, lex):
                info = SpeakerInfo(headline["speaker_country"], headline.get("speaker_type") or "state")  # round 37
            r["speaker_country"], r["speaker_type"] = info.country, info.type
            if (interview and headline is not None and info.type == "state" and not info.country
                    and turn(text, int(r["start"])) == "ج"):
                # "أكرر ما قالته رئيسة الجمهورية: «…»" in an answer: the interviewee's own state (round 7)
                r["speaker_country"] = headline.get("speaker_country")
            if interview and headline is None and paragraph_start(text, int(r["start"])) == 0 and info.country:
                headline = r
            ss = r.get("speaker_start")
            if info.country and info.type in ("state", "organisation") and ss is not None and not pd.isna(ss):
                # every title of the phrase can be taken up later: "العاهل الأردني الملك …" → "الملك"
                ws = words_in(text, int(ss), phrase_end(text, r))
                head = head_noun(ws, lex)
                earlier.extend((h, info.country) for h in dict.fromkeys([head, *title_heads(ws, lex)]) if h)
            elif info.country and ss is not None and not pd.isna(ss):
                earlier_other.append((head_noun(words_in(text, int(ss), int(r["speaker_end"])), lex), info.country))
            if r.get("rule") in CHAIN_RULES:
                r["speaker_via"] = _chain(rows, k, speakers_at.get(_speaker_key(r), []))
    res = pd.DataFrame(records, index=out.index)[list(out.columns)]
    for c in res.columns:
        if out[c].dtype == object:
            col = res[c].astype(object)
            res[c] = col.where(col.notna(), None)
    for c in ("speaker_start", "speaker_end"):
        if c in res:
            res[c] = res[c].astype("Int32")
    return res

"""From a speaker phrase to the state it speaks for and its type: title words, countries and
nisba adjectives in the phrase, earlier fuller phrases, the article's dateline."""
from __future__ import annotations

from bisect import bisect_left
from functools import lru_cache
from typing import NamedTuple

import pandas as pd
import regex as re

from .lexicon import (TIME_WORDS, SpeakerLexicon, Word, bare_index, count_words_before, find_entries, opens_with_title, word_bounds,
                      words_in)
from .extent import before_own_verb, extend_phrase, speech_event_at
from .interview import turn
from .blocs import definite_bloc
from .dateline import dateline_country  # noqa: F401  (moved there in round 14; imported from here)
from .antecedent import taken_up_body
from .company import company_back_country, takes_up_company
from .quoted_speaker import in_quoted_name, is_quoted_name, named_body_country, quoted_speaker_info
from .body_nationality import names_uncoded_body, nearest_naming_uncoded, taken_up_nationality, taken_up_noun, takes_up_uncoded_body
from .own_nisba import nisba_before, own_nisba_before_fi
from .forum import uncoded_body
from .regional import regional_code
from .origin import origin_span, place_after
from .secretariat import un_secretary_general_office
from .phrase_roles import ON_BEHALF, bloc_seat_after_fi, governed_by_office, lone_place, place_ending, placed_after_fi, pronoun_title, title_of_its_office
from .bodies import BODY_BACK as _BODY_BACK  # noqa: F401  (the body nouns, named here before)
from .bodies import body_back_reference as _body_back_reference
from .nisba import bare_word as _bare, nisba_country, weak_nisba_country
from .positions import paragraph_start, previous_paragraph, starting_in, within
from .channel import MEDIUM_ADDRESSED, addressed_medium, channel_start
from .title_type import title_type as _title_type
from .name_antecedent import family_name as _family_name, name_antecedent
from .names import apposed_name
from .structure import apposed_institution, before_aside, governed_countries, names_another_body, renamed_bloc, up_to_seat, without_residence


# ---------------------------------------------------------------------------
# Speaker type and country
# ---------------------------------------------------------------------------

class Mention(NamedTuple):
    start: int
    end: int
    actor_id: str | None
    actor_type: str
    country: str


@lru_cache(maxsize=1)
def _gazetteer_info() -> tuple[dict[str, str], dict[str, str], frozenset[str]]:
    """actor → country, actor → type, and the codes of blocs and bodies."""
    try:
        from ..actors import bodies, load_gazetteer

        g = load_gazetteer()
    except Exception:  # no gazetteer: no actor information
        return {}, {}, frozenset()
    country = dict(zip(g["actor_id"], g["country"].fillna("")))
    atype = dict(zip(g["actor_id"], g["type"].fillna("")))
    orgs = frozenset(bodies(g)["actor_id"])
    return country, atype, orgs


class SpeakerInfo(NamedTuple):
    """Resolved speaker: ``country`` (code or None), ``type`` (one of :data:`SPEAKER_TYPES`)."""

    country: str | None
    type: str


_NON_STATE = frozenset(("analyst", "ngo", "media", "company", "other"))
def _countries_in(words: list[Word], ments: list[Mention], ss: int, se: int, lex: SpeakerLexicon,
                  kinds: tuple[str, ...]) -> list[tuple[int, str]]:
    """``(offset, code)`` of the countries named in the phrase ``[ss, se)``: mentions and
    the place-lexicon entries of the given kinds, in text order. For non-state speakers
    (``kinds`` without institutions) person mentions are left out: "الباحثة في … في سيول،
    بارك جي يون" is placed by سيول, not by a name that looks like a gazetteer person's."""
    persons = "institution" in kinds
    inside = within(ments, ss, se)
    out = [(m.start, m.country) for m in inside if m.country and (persons or m.actor_type != "person")
           and not (m.actor_type == "bloc" and renamed_bloc(m.start, m.end, m.actor_type, words))]
    covered = [(m.start, m.end) for m in inside]
    weak = []
    for w in words:
        if not any(a <= w.start < b for a, b in covered):
            c = next((x for x in map(nisba_country, w.readings[:2]) if x), None)
            if c:
                out.append((w.start, c))
            elif (persons and (c := weak_nisba_country(w.readings[0]))  # "وزير الخارجية المالي", not "الأداء المالي"
                  and opens_with_title(words, lex)):
                weak.append((w.start, c))
    for i, e in find_entries(lex.places, words):
        if e.kind == "sea":  # "قيادة المحيطين الهندي والهادئ الأمريكية": an ocean, not India (round 24)
            out = [(o, c) for o, c in out if not (words[i].start <= o < words[i + len(e.words) - 1].end)]
            continue
        governed = e.kind == "place" and governed_by_office(words, i)  # "بلدية إسطنبول" (round 62)
        if e.kind not in kinds and e.kind not in _ANY_SPEAKER and not governed:
            continue
        if e.kind == "institution" and len(e.words) == 1 and i + 1 < len(words) and names_another_body(words[i + 1]):
            continue  # "الصندوق العالمي لمكافحة الإيدز", not the IMF's "الصندوق" (round 53)
        # a place lexicon entry overrides a mention at the same words (بروكسل as a place; the
        # أوروبا of "منظمة الأمن والتعاون في أوروبا" names no speaker's country)
        out = [(o, c) for o, c in out if not (words[i].start <= o < words[i + len(e.words) - 1].end)]
        if e.kind == "outlet" and _addressed(words, i, e):
            continue  # "ممرضة … لرويترز", "المتحدث باسم الوزارة … لـ«فرانس برس»" (round 55, any speaker): the channel addressed
        # a compound nisba ("الجنوب أفريقي") or a state the gazetteer lacks ("توفالو") places any speaker
        if e.kind in kinds or e.kind in ("nisba", "state") or governed:
            out.append((words[i].start, e.value))
    region = {words[k + 1].start for k in range(len(words) - 1) if _STATES_NOUN.intersection(words[k].readings[:3])}
    if region:  # "منظمة الدول الأمريكية": a nisba of "the states" names a region, not a country (round 6)
        out = [(o, c) for o, c in out if o not in region]
    channel = channel_start(words)
    if channel is not None:  # "منظمة العفو الدولية في بيان السلطات التونسية": who it addressed (round 22)
        out = [(o, c) for o, c in out if o < channel]
        weak = [(o, c) for o, c in weak if o < channel]
    topic = _topic_offsets(words)
    if topic:  # "الخبير في الشؤون الروسية": the field, not the expert's country
        out = [(o, c) for o, c in out if o not in topic]
        weak = [(o, c) for o, c in weak if o not in topic]
    return sorted(out or weak)


_ANY_SPEAKER = ("institution", "nisba", "state")  # place-lexicon kinds looked at for every speaker
_ADDRESSEE = MEDIUM_ADDRESSED | {"ل"}  # "لـ" written apart, or a medium glued to ل


def _addressed(words: list[Word], i: int, e) -> bool:
    """An outlet glued to ل, after "لـ" written apart (لـ"رويترز"; round 39) or after
    "لوكالة"/"لصحيفة": the medium spoken to."""
    r = words[i].readings[0]
    return (r.startswith("ل") and not e.words[0].startswith("ل")) or (i > 0 and words[i - 1].readings[0] in _ADDRESSEE)


_TOPIC_HEADS = frozenset("الشؤون شؤون الملف ملف".split())
_STATES_NOUN = frozenset("الدول دول البلدان بلدان للبلدان للدول".split())


def _topic_offsets(words: list[Word]) -> set[int]:
    """Offsets of the words naming a field ("الشؤون الروسية", "الملف الإيراني")."""
    return {words[k + 1].start for k in range(len(words) - 1) if _TOPIC_HEADS.intersection(words[k].readings)}


def _org_or_state(code: str | None, orgs: frozenset[str]) -> str:
    return "organisation" if code in orgs else "state"


_RELATIVE = frozenset("التي الذي الذين اللذان اللتان اللواتي اللاتي".split())
_PLACED = ("مقر", "يقع", "تقع", "يتخذ", "تتخذ", "ومقر")  # a relative clause that places its body
_POST_MARKS = frozenset("في مقرها مقره تضم يضم وهي وهو التي الذي".split())  # after an uncoded body


def _organisation_title_at(words: list[Word], lex: SpeakerLexicon) -> int | None:
    """The index of the first title of the phrase typed ``organisation`` (a body with no code
    of its own: الفيفا، إيكواس), None when there is none."""
    return next((i for i, e in find_entries(lex.titles, words) if e.value == "organisation"), None)


def _countries_before_post(words: list[Word], org_at: int, found: list[tuple[int, str]]) -> list[tuple[int, str]]:
    """``found`` without the places and members named after the uncoded body ("مفوض الزراعة في
    إيكواس إبراهيم سانوغو في أبوجا": Abuja is where he spoke; "لجنة نهر ميكونغ، وهي هيئة …
    تضم كمبوديا ولاوس": its members, not whom it speaks for; round 60)."""
    cut = next((words[k].start for k in range(org_at + 1, len(words)) if words[k].readings[0] in _POST_MARKS), None)
    return found if cut is None else [(o, c) for o, c in found if o < cut]


def _after_honorific(text: str, ss: int) -> bool:
    """Whether the speaker phrase at ``ss`` follows "السيد"/"السيدة": a person's name, even
    when it reads as a place ("السيد أبيا")."""
    return bool(_HONORIFIC_BEFORE.search(text, max(0, ss - 12), ss))


_HONORIFIC_BEFORE = re.compile(r"(?<!\w)(?:ال)?(?:سيد|سيدة)\s+$")


def _relative_clause(text: str, own: list[Word], k: int) -> bool:
    """Whether ``own[k]`` opens a relative clause right after a name, with no comma, that
    describes the speaker without placing it ("عائشة ندياي التي تبيع الفول السوداني": not
    Sudan), unlike "التي مقرها في أوكلاند" or an apposition after a comma ("شبكة العمل
    المناخي، التي تضم … منظمة غير حكومية")."""
    return (own[k].readings[0] in _RELATIVE and not any(c in text[own[k - 1].end:own[k].start] for c in "،,")
            and not (k + 1 < len(own) and own[k + 1].readings[0].startswith(_PLACED)))


def resolve_speaker(text: str, row: dict, ments: list[Mention], earlier: list[tuple[str, str]],
                    dateline: str | None, lex: SpeakerLexicon,
                    earlier_other: list[tuple[str, str]] = (), local: str | None = None) -> SpeakerInfo:
    """Speaker state and type of one attributed quote row (see the module docstring).
    ``earlier``: ``(head word, country)`` of the article's earlier resolved state speakers;
    ``earlier_other``: the same for its non-state speakers (analysts, media …); ``local``:
    the country of a fronted place opening a sentence of the speaker's paragraph ("وفي
    واشنطن، قال متحدث باسم الخارجية"), which beats a title taken up from earlier paragraphs."""
    country_of, type_of, orgs = _gazetteer_info()
    group = row.get("speaker_group")
    if isinstance(group, str) and group:
        codes = sorted({country_of.get(x, "") for x in group.split("|")} - {""})
        return SpeakerInfo("|".join(codes) or None, _org_or_state(codes[0] if len(codes) == 1 else None, orgs))
    actor = row.get("speaker_actor_id")
    actor = actor if isinstance(actor, str) and actor else None
    ss, se = row.get("speaker_start"), row.get("speaker_end")
    if ss is None or pd.isna(ss):
        if actor:
            c = country_of.get(actor) or None
            return SpeakerInfo(c, _org_or_state(c, orgs))
        return SpeakerInfo(None, "other")
    ss, se = int(ss), int(se)
    line = text.find("\n", se)
    stop = len(text) if line < 0 else line
    if se < int(row["start"]):
        stop = min(stop, int(row["start"]) - 1)
    if is_quoted_name(text[ss:se]):
        return SpeakerInfo(*quoted_speaker_info(text, ss, se, ments))  # "قالت «كينغهو» في بيان إنها" (round 44)
    own = words_in(text, ss, se)  # the phrase as the quote finder gave it
    cut = next((k for k in range(1, len(own)) if own[k].readings[0] in TIME_WORDS or _relative_clause(text, own, k)
                or speech_event_at(own, k)), None)
    if cut is not None:  # "زعيم المعارضة التايلاندية الاثنين صفقة …": the subject ends at the time word;
        # "عائشة ندياي التي تبيع الفول السوداني": a relative clause is no part of the name (round 60)
        own_all, own, se = own, own[:cut], own[cut - 1].end
        stop = min(stop, se)
        if actor and speech_event_at(own_all, cut) and not any(m.actor_id == actor for m in within(ments, ss, se)):
            actor = None  # named only in the part cut off ("في تصريح لإذاعة فرنسا"; round 61)
    stop = before_own_verb(text, se, stop, row.get("verb"))
    se = extend_phrase(text, ss, se, stop)
    words = words_in(text, ss, se)
    if (k := addressed_medium(words)) is not None:  # "… الكلباني لصحيفة «عمان»": spoken to (round 54)
        words, se = words[:k], words[k - 1].end
    if (k := apposed_name(text, words, lex)) is not None and not (actor and type_of.get(actor) == "person"):
        if actor and all(m.start >= words[k].start for m in within(ments, ss, se) if m.actor_id == actor):
            actor = None  # "الباحثة …، صوفيا إيريرا": a first name, not Bulgaria's capital (round 62)
        words, se = words[:k], words[k - 1].end
    if actor and (channel := channel_start(words)) is not None and all(
            m.start >= channel for m in within(ments, ss, se) if m.actor_id == actor):
        actor = None  # "في تصريح لإذاعة فرنسا": the channel or addressee, not the speaker (round 22)
    if actor and (topic := _topic_offsets(words)) and any(
            m.actor_id == actor and m.start in topic for m in starting_in(ments, min(topic), max(topic) + 1)):
        actor = None  # "وزير الشؤون الأوروبية الفرنسي": the field is not the speaker
    honorific = _after_honorific(text, ss)
    if actor and type_of.get(actor) == "country" and honorific:
        actor = None  # "رد السيد أبيا" (Kofi Apiah, not Apia, Samoa's capital; round 61)
    if not actor and not honorific and (capital := lone_place(own, lex)):
        return SpeakerInfo(capital, _org_or_state(capital, orgs))  # "كما قالت مسقط": its government (round 10)
    if actor and type_of.get(actor) != "person" and placed_after_fi(words, actor, ments, lex):
        actor = None  # "ممثلة برنامج الأغذية العالمي في تشاد": the post's place, not the speaker (round 10)
    ttype, former = _title_type(words, lex)
    if actor and ttype in _NON_STATE and type_of.get(actor) == "bloc" and bloc_seat_after_fi(words, actor, ments):
        actor = None  # "مديرة مهرجان «…» في بروكسل": the festival's city, not the EU (round 65)
    if (owner := named_body_country(text, ss, se, ments)):
        return SpeakerInfo(*owner)  # "نائب الرئيس التنفيذي لـ«سينوبك»", "متحدث باسم توتال إنرجيز" (round 44)
    if not former and not (actor and type_of.get(actor) == "person") and (mine := own_nisba_before_fi(words, lex)):
        return SpeakerInfo(mine, ttype or "state")  # "النائبة الهولندية في البرلمان الأوروبي" → NLD (round 18)
    name = _name_part(own)
    if (not actor and name and _title_type(name, lex)[0] is None
            and not opens_with_title(words, lex)  # "الأمين" of "الأمين العام" (round 8)
            and (not name[0].readings[0].startswith("ال") or _family_name(text, name, ss, lex))
            and name_antecedent(text, name, ss, lex=lex) is not None):
        # a bare name ("تابعت ناكامورا، في إشارة إلى … لوزير الخارجية الصيني", "وأضاف
        # بيرقدار في تصريح لمراسل الأناضول"): its fuller mention decides, not titles in the
        # adverbials after it
        ttype, former, words = None, False, name
    if ttype is None and not actor and pronoun_title(own, lex):
        if (c := _possessive_country(text, ss, own, ments, lex, True)):
            return SpeakerInfo(c, _org_or_state(c, orgs))  # "وقالت مفوضته" after "الاتحاد الأوروبي" (round 10)
        if _possessor_uncoded(text, ss, ments):
            return SpeakerInfo(None, "organisation")  # "وقال مفوضها" after "المجموعة … (إيكواس)" (round 58)
    if former:
        found = _countries_in(words, ments, ss, se, lex, ("place", "outlet"))
        # the title's own nisba, not a body named in an apposition after it ("الأدميرال
        # المتقاعد الفرنسي …، القائد السابق لعملية «أسبيدس» الأوروبية"; round 9)
        # a former state office without a nationality ("وزير المناجم السابق بيير كابامبا"): the
        # article's state, as for a sitting one (round 47)
        return SpeakerInfo(found[0][1] if found else (dateline if ttype == "state" else None), "analyst")
    if any(m.actor_type == "bloc" and renamed_bloc(m.start, m.end, m.actor_type, words)
           for m in starting_in(ments, ss, se)) and (
            not actor or type_of.get(actor) != "person"):
        # "رئيس الاتحاد الأوروبي لكرة القدم": another body named after the bloc, no state (round 6)
        return SpeakerInfo(None, "organisation")
    inst = apposed_institution(words, lex)
    if inst and not (actor and type_of.get(actor) == "person"):
        # an institution opening the phrase speaks for its code, whatever titles follow:
        # "الوكالة الذرية تطالب إيران", "صندوق النقد حذر في تقريره", "المفوضة الأوروبية"
        return SpeakerInfo(inst, _org_or_state(inst, orgs))
    if not actor and un_secretary_general_office(words):
        return SpeakerInfo("UN", "organisation")  # "الممثلة الخاصة للأمين العام في هايتي" (round 17)
    if not (actor and type_of.get(actor) == "person") and (body := _body_back_reference(text, ss, words, ments, lex, orgs)):
        # "مديرة البرنامج في السودان" after "برنامج الأغذية العالمي", "كبير الاقتصاديين في
        # المنظمة" after "منظمة الأغذية والزراعة": the body named before, not the place
        return SpeakerInfo(body, "organisation")
    if not actor and (up := taken_up_body(text, ss, words, ments, lex)):  # "رئيس البعثة" (round 14)
        return SpeakerInfo(up, _org_or_state(up, orgs))
    if not (actor and type_of.get(actor) == "person") and takes_up_uncoded_body(text, ss, words, lex):
        return SpeakerInfo(None, "organisation")  # "مفوضية المجموعة في أبوجا" (round 61)
    if not actor and uncoded_body(words, within(ments, ss, se), orgs, lex):
        return SpeakerInfo(None, "organisation")  # "الأمين العام لمنتدى جزر المحيط الهادئ" (round 19)
    if (not (actor and country_of.get(actor)) and (org_at := _organisation_title_at(words, lex)) is not None
            and not _countries_before_post(words, org_at, _countries_in(words, ments, ss, se, lex, ("institution",)))):
        # "رئيس الاتحاد الدولي لكرة القدم", "مسؤول في الفيفا": a body with no code of its own
        # speaks for no state (not the dateline's, not the channel's)
        return SpeakerInfo(None, "organisation")
    if ttype is not None and (bloc := definite_bloc(words, lex)) in orgs:
        return SpeakerInfo(bloc, "organisation")  # "المبعوث الأوروبي الخاص" → EU (round 12)
    if ttype is not None and (region := regional_code(words, lex)):
        # "دبلوماسي أوروبي", "دبلوماسي غربي": a region names no state, no dateline, and no bloc
        # either, not even WEST (rounds 5 and 37; the guideline's item 2); a non-state speaker
        # is placed by the place after it ("تاجر أوروبي في جنيف" → CHE; round 42)
        found = []
        if ttype in _NON_STATE:
            at = place_after(text, se) or (ss, se)
            found = [f for f in _countries_in(words_in(text, *at), ments, *at, lex, ("place",)) if f[1] not in orgs]
        return SpeakerInfo(found[-1][1] if found else None, ttype)
    lead = next((e.value for i, e in find_entries(lex.titles, words[:3]) if i == 0), None)
    if actor and (lead in _NON_STATE or (ttype == "company" and takes_up_company(words))) and type_of.get(actor) == "person":
        actor = None  # "الباحثة في … بارك جي يون": a name that looks like a politician's is not the speaker
    if (actor and type_of.get(actor) == "person"
            and (m0 := next((m for m in within(ments, ss, se) if m.actor_id == actor), None))
            and (mine := nisba_before(words, m0.start, lex)) and mine not in orgs and mine != country_of.get(actor)):
        return SpeakerInfo(mine, "state")  # "وزير الدفاع الكولومبي بيدرو سانشيث": a namesake (round 23)
    if actor and (type_of.get(actor) == "person" or country_of.get(actor) in orgs):
        c = country_of.get(actor) or None  # a person, or a body such as منظمة الصحة العالمية
        return SpeakerInfo(c, _org_or_state(c, orgs))
    if (not actor and (noun := taken_up_noun(words)) and nearest_naming_uncoded(text, ss, noun, ments, orgs)
            and not _countries_in(words, ments, ss, se, lex, ("institution", "place", "outlet"))):
        # "منسقة الطوارئ في المنظمة" after "منظمة أطباء بلا حدود" (no code): that body, not the
        # coded "منظمة الصحة العالمية" named before it; a state only from its naming (round 17)
        return SpeakerInfo(taken_up_nationality(text, ss, words, dateline), ttype if ttype in _NON_STATE else "ngo")
    if ttype == "ngo" and any("المنظمة" in w.readings for w in words[:6]):
        # "المدير العام المساعد للمنظمة" after "منظمة الأغذية والزراعة التابعة للأمم المتحدة"
        c = _antecedent_country(text, ss, "منظمة", ments)
        if c in orgs:
            return SpeakerInfo(c, "organisation")
    if ttype in ("analyst", "ngo", "media", "company", "other"):
        found = _countries_in(words, ments, ss, se, lex, ("place", "outlet"))
        blocs = {m.start for m in within(ments, ss, se) if m.actor_type == "bloc" and in_quoted_name(text, ss, m.start)}
        found = [f for f in found if f[0] not in blocs]  # not the WEST of «صوت الغرب» (round 52)
        if not found and (o := origin_span(text, se)):  # "نادية رحمن، من جامعة في لاهور، إن" (round 37)
            found = _countries_in(words_in(text, *o), ments, *o, lex, ("place",))
        local = bool(local) or any(w.readings[0] in _LOCAL for w in words)  # "منظمة «…» المحلية", "وفي لندن، قالت المحللة": the place
        # "أستاذ العلوم السياسية في جامعة لوس أنديس": a university or hospital named without a
        # country is the dateline's (round 6)
        local = local or any(_LOCAL_BODIES.intersection(w.readings) for w in words)
        if not found and paragraph_start(text, ss) == 0:
            found = _lead_description(text, words, se, ments, lex)
        # local media speak for the dateline's country ("وسائل إعلام محلية"; round 47); analysts
        # and NGOs do not (tried: 50 dev quotes lost for 10 gained)
        fallback = dateline if ttype in ("company", "other", "media") or local else None
        if ttype == "media" and not local and _journalist(own) and _reporter_of_outlet(words):
            fallback = None  # "وسأله مراسل صحيفة «دون»": a reporter's outlet unplaced is no state's (round 56)
        if not found and ttype == "company":  # "المدير التنفيذي للشركة" after "الشركة الكندية …" (round 10)
            fallback = company_back_country(text, ss, words) or fallback
        if not found and len(own) <= 2 and (head := head_noun(own, lex)):
            # "وتابع الخبير" after "الخبير العسكري الروسي": the earlier phrase it heads (round 7)
            fallback = next((hc for h, hc in reversed(earlier_other) if h == head), fallback)
        if not found and fallback is None and ttype in ("ngo", "media"):
            # "وأضافت المنظمة" after "منظمة … الإسبانية": the body's earlier naming (round 17)
            fallback = taken_up_nationality(text, ss, words, dateline)
        found = up_to_seat(words, without_residence(words, found))  # "العراقي …، المقيم في لندن" (round 10)
        found = before_aside(text, words, found)
        governed = governed_countries(words, found, lex)  # "مدرب البرازيل … في مونديال قطر" (round 6)
        if found and _own_nisba_first(words, found, lex):
            return SpeakerInfo(found[0][1], ttype)  # "المدرب الإسباني للمنتخب الكويتي": his own nisba (round 48)
        return SpeakerInfo((governed or found)[-1][1] if found else fallback, ttype)
    if ttype is None and not actor and (pc := place_ending(own, lex)):
        return SpeakerInfo(pc, "other")  # "سلطات ميناء طنجة": not the name "طنجة" taken up (round 63)
    if ttype is None and not actor:
        window = name_antecedent(text, words, ss, lex=lex)
        if window is not None:
            ws2 = words_in(text, *window)
            t2, former2 = _title_type(ws2, lex)
            if t2 is not None:
                non_state = former2 or t2 in ("analyst", "ngo", "media", "company", "other")
                found = _countries_in(ws2, ments, window[0], window[1], lex,
                                      ("place", "outlet") if non_state else ("institution", "outlet"))
                c2 = (found[-1][1] if non_state and not _own_nisba_first(ws2, found, lex) else found[0][1]) if found else None
                if c2 is None and any(r in _THE_ORG for w in ws2 for r in w.readings[:1]):
                    # "المدير العام للمنظمة تيدروس … غيبريسوس": the body named before
                    c2 = _antecedent_country(text, window[0], "منظمة", ments)
                if c2 is None and not non_state:
                    # "المدير العام للوكالة رافائيل غروسي" after "الوكالة الدولية للطاقة الذرية" (round 8)
                    c2 = _body_back_reference(text, window[0], ws2, ments, lex, orgs)
                if c2 is None and t2 == "organisation":
                    return SpeakerInfo(None, "organisation")  # "إنفانتينو" after "رئيس الاتحاد الدولي …" (round 6)
                if non_state:
                    if c2 is None and (t2 in ("company", "other") or (former2 and t2 == "state")):
                        c2 = dateline  # as for a titled phrase: "دي لا إسبريلا" after "المرشح الرئاسي …"
                    return SpeakerInfo(c2, "analyst" if former2 else t2)
                if c2 is None and t2 == "state" and not _countries_in(words, ments, ss, se, lex, ("institution", "outlet")):
                    # "ربيع" after "رئيس هيئة قناة السويس الفريق أسامة ربيع": the state the titled
                    # phrase would take, the dateline's (round 6)
                    c2 = dateline
                if c2:
                    return SpeakerInfo(c2, _org_or_state(c2, orgs))
            elif (c2 := next((nisba_country(r) for r in ws2[0].readings[:2] if nisba_country(r)), None)):
                # an untitled name known by its nationality ("العداء المغربي يوسف العلمي") (round 8)
                return SpeakerInfo(c2, "other")
    found = _countries_in(words, ments, ss, se, lex, ("institution", "outlet"))
    head = head_noun(words, lex)
    # "الوزير", "المصدر" (as the quote finder gave it): a back-reference, not a new speaker;
    # countries in what follows it ("الوزير في مؤتمر … مجلس الأمن الوطني") do not name it
    short = len(own) <= 2 and ttype is not None and not _countries_in(own, ments, ss, own[-1].end if own else ss, lex,
                                                                        ("institution", "outlet"))
    back = next((hc for h, hc in reversed(earlier) if h == head), None) if head and short else None
    para_lo = paragraph_start(text, ss) if local else None
    if back and local and not _head_in(text, para_lo, ss, head):
        back = None  # "وفي أديس أبابا، قال المتحدث …": a new speaker of the place, not the earlier متحدث (round 8)
    if back and found and len(words) > 2 and found[0][0] <= words[2].start:
        back = None  # "المدير العام للمراكز الأفريقية …": the body governed by the title, not the earlier مدير
    if (len(own) == 1 and ttype is None and not actor and not found
            and own[0].readings[0].startswith("ال") and len(own[0].readings[0]) > 4):
        # "وأضافت الهيئة" after "هيئة الأركان المشتركة الكورية الجنوبية": the definite
        # noun takes up the earlier speaker whose phrase it heads
        bare = _bare(own[0].readings[0])
        c = next((hc for h, hc in reversed(earlier) if h == bare), None)
        # "وقالت القنصلية" after "القنصلية العامة لإسبانيا في طنجة": the body named before (round 63)
        c = c or _antecedent_country(text, ss, bare, ments, window=3)
        if c:
            return SpeakerInfo(c, _org_or_state(c, orgs))
    poss = _possessive_country(text, ss, words, ments, lex) if ttype is not None else None
    poss = poss or (_office_of_country(text, ss, own, ments) if ttype == "state" and not found else None)
    if actor and country_of.get(actor):
        c = country_of[actor]
    elif poss:
        c = poss  # "متحدث باسمها" speaks for the body named before it, not an earlier متحدث
    elif back:
        c = back
    elif found:
        c = found[0][1]
    elif ttype is not None:
        c = (next((x for h in title_heads(words, lex) if (x := _antecedent_country(text, ss, h, ments, lo=para_lo))), None)
             or (_channel_country(text, ss, ments, lex) if row.get("rule") == "naql" else None)
             or dateline)
    else:
        c = None
    if c is None and ttype is None:
        return SpeakerInfo(dateline, "other")
    return SpeakerInfo(c, _org_or_state(c, orgs))


def _own_nisba_first(words: list[Word], found: list[tuple[int, str]], lex: SpeakerLexicon) -> bool:
    """Whether the first country found is a nisba right after the phrase's opening title, the
    person's own, before the body he works for ("المدرب الإسباني للمنتخب الكويتي"; round 48)."""
    return len(words) > 2 and found[0][0] == words[1].start and _one_word_title_first(words, lex)


def _one_word_title_first(words: list[Word], lex: SpeakerLexicon) -> bool:
    """Whether the phrase's first word is a title on its own ("المدرب", "منسقة")."""
    return opens_with_title(words[:1], lex)


def _head_in(text: str, lo: int, hi: int, head: str | None) -> bool:
    """Whether the title word ``head`` (without its article) occurs in ``text[lo:hi]``."""
    return bool(head) and any(_bare(r) == head for w in words_in(text, lo, hi) for r in w.readings[:2])


_LOCAL = frozenset("المحلية المحلي المحليه".split())
_JOURNALISTS = frozenset("صحفي صحفية صحفيه صحافي صحافية مراسل مراسلة مراسله".split())


def _journalist(own: list[Word]) -> bool:
    """Whether the phrase opens on a reporter ("مراسل وكالة …", "وسألها صحفي من صحيفة …")."""
    return any(_bare(r) in _JOURNALISTS for w in own[:3] for r in w.readings[:2])


_OUTLETS = frozenset("صحيفة صحيفه وكالة وكاله قناة قناه اذاعة اذاعه موقع تلفزيون مجلة مجله".split())
_LOCAL_BARE = frozenset(map(_bare, _LOCAL))  # محلية، محلي: "إذاعة محلية" as well as "المحلية"


def _reporter_of_outlet(words: list[Word]) -> bool:
    """Whether the reporter's phrase names an outlet ("مراسل صحيفة «دون»") and no local one
    ("صحفي من إذاعة محلية" speaks for the story's place)."""
    bare = {_bare(r) for w in words for r in w.readings}
    return bool(bare & _OUTLETS) and not bare & _LOCAL_BARE
_LOCAL_BODIES = frozenset("جامعة جامعه مستشفى مستشفي".split())
_THE_ORG = frozenset("المنظمة للمنظمة بالمنظمة".split())


def _lead_description(text: str, words: list[Word], se: int, ments: list[Mention],
                      lex: SpeakerLexicon, width: int = 12) -> list[tuple[int, str]]:
    """For a headline speaker ending in a two-word name ("رئيس «بنك الخليج للاستثمار» خالد
    العتيبي: «…»"), the places of the fuller description before the name's next occurrence
    ("الرئيس التنفيذي لبنك الخليج للاستثمار في الكويت خالد العتيبي")."""
    if len(words) < 2 or find_entries(lex.titles, words[-2:]) or find_entries(lex.places, words[-2:]):
        return []
    name = text[words[-2].start:words[-1].end]
    at = text.find(name, se)
    if at < 0:
        return []
    lo = max(paragraph_start(text, at), at - 200)
    window = words_in(text, lo, at)[-width:]
    if not window:
        return []
    return _countries_in(window, ments, window[0].start, at, lex, ("place", "outlet"))


# Words ending the name of a bare-name speaker phrase: "بيرقدار في تصريح لمراسل الأناضول",
# "فيكو في مؤتمر صحفي", "كوزاك خلال إفادتها".
_AFTER_NAME = frozenset("في خلال امام عبر علي عن من مع لدي عند اثناء".split())


def _name_part(own: list[Word]) -> list[Word]:
    """The name opening a speaker phrase, up to the first preposition or ``ل``-word (the
    addressee: "لمراسل", "لصحيفة"): "بيرقدار في تصريح لمراسل" → "بيرقدار"."""
    for k in range(1, len(own)):
        r = own[k].readings[0]
        if r in _AFTER_NAME or (r.startswith("ل") and len(r) > 3 and not r.startswith("لا")):
            return own[:k]
    return own


def head_noun(words: list[Word], lex: SpeakerLexicon) -> str | None:
    """The phrase's first title word without its article (الوزير → وزير)."""
    hits = find_entries(lex.titles, words)
    if not hits:
        return None
    head = _bare(hits[0][1].words[0])
    # accusative "مسؤولا" (after لكن / إن) is the same head as "المسؤول"
    return head[:-1] if head.endswith("ا") and any(e.words == (head[:-1],) for e in lex.titles) else head


def title_heads(words: list[Word], lex: SpeakerLexicon) -> list[str]:
    """Every title word of the phrase without its article, in order ("المتحدث باسم الأمين
    العام" → متحدث، امين)."""
    return list(dict.fromkeys(_bare(e.words[0]) for _, e in find_entries(lex.titles, words) if e.value != "former"))


def _possessive_country(text: str, ss: int, words: list[Word], ments: list[Mention], lex: SpeakerLexicon,
                        titled: bool = False) -> str | None:
    """"متحدثة باسمها" speaks for the body named earlier in the sentence ("وعلقت المفوضية
    الأوروبية …، حيث قالت متحدثة باسمها"): the first country or institution there. ``titled``:
    the phrase is a title with a possessive pronoun (:func:`arnews.speakers.phrase_roles.pronoun_title`)."""
    in_it = len(words) > 1 and words[1].readings[0] in _WORKING_IN_IT
    if not titled and not any(w.readings[0] in ON_BEHALF for w in words[:4]) and not title_of_its_office(words, lex) \
            and not in_it:
        return None
    para = paragraph_start(text, ss)
    lo = max(para, _sentence_start(text, ss))
    kinds = ("institution", "outlet", "place") if in_it else ("institution", "outlet")  # "بلدية دبي …، وقال مسؤول فيها"
    found = _countries_in(words_in(text, lo, ss), ments, lo, ss, lex, kinds)
    if not found and titled and names_uncoded_body(text, lo, ss, ments):
        return None  # the body named in the sentence has no code: not a state of the sentence before
    if not found and lo > para:  # "وتقول شركة «…» التركية …. وقال متحدث باسمها" (round 47)
        prev = max(para, _sentence_start(text, lo - 1))
        dash = re.search(r"\s[–—-]\s", text[prev:min(lo, prev + 40)])
        prev += dash.end() if dash else 0  # "بيروت – وتقول شركة …": not the dateline
        found = _countries_in(words_in(text, prev, lo), ments, prev, lo, lex, kinds)
    if (not found and titled and lo == para and turn(text, ss) == "ج"
            and (last := previous_paragraph(text, para)) < para and turn(text, last) == "س"):
        # "ج: هذا صحيح، وممثلها في كاتماندو قال" after a question naming the body (round 61)
        found = _countries_in(words_in(text, last, para), ments, last, para, lex, ("institution",))
    return found[0][1] if found else None


def _possessor_uncoded(text: str, ss: int, ments: list[Mention]) -> bool:
    """Whether the body a possessed title takes up ("مفوضها", "منسقتها") is named without a code
    in its sentence or the one before it (:func:`~arnews.speakers.body_nationality.names_uncoded_body`)."""
    para = paragraph_start(text, ss)
    lo = max(para, _sentence_start(text, ss))
    prev = max(para, _sentence_start(text, lo - 1)) if lo > para else lo
    return names_uncoded_body(text, lo, ss, ments) or (prev < lo and names_uncoded_body(text, prev, lo, ments))


# "مسؤول فيها", "موظفة لديه": a title working in the body named before it (round 57)
_WORKING_IN_IT = frozenset("فيها فيه لديها لديه".split())


def _sentence_start(text: str, at: int) -> int:
    return max(text.rfind(".", 0, at), text.rfind("؟", 0, at)) + 1


# An office with a possessive pronoun: "وزير خارجيتها", "رئيس حكومتها", "وزير دفاعه".
_OFFICE_OF_RE = re.compile(r"^(?:خارجيت|دفاع|داخليت|ماليت|حكومت|وزرائ|برلمان|جيش|اقتصاد)(?:ها|ه)$")


def _office_of_country(text: str, ss: int, own: list[Word], ments: list[Mention]) -> str | None:
    """"الهند نفسها …، وقد قال وزير خارجيتها": an office whose pronoun refers to a state is
    that state's: the nearest country named before it in the sentence."""
    if not any(_OFFICE_OF_RE.match(w.readings[0]) for w in own[:3]):
        return None
    lo = max(paragraph_start(text, ss), _sentence_start(text, ss))
    cs = [m.country for m in starting_in(ments, lo, ss) if m.country and m.actor_type != "person"]
    return cs[-1] if cs else None


def _channel_country(text: str, ss: int, ments: list[Mention], lex: SpeakerLexicon) -> str | None:
    """The country of the channel of "نقلت وكالة الأنباء الكورية الشمالية عن متحدث عسكري
    قوله": a state's agency or outlet quoting an official with no nationality of its own
    quotes its own state's official."""
    lo = max(paragraph_start(text, ss), _sentence_start(text, ss))
    found = _countries_in(words_in(text, lo, ss), ments, lo, ss, lex, ("institution", "outlet"))
    return found[-1][1] if found else None


def _antecedent_country(text: str, ss: int, head: str | None, ments: list[Mention], window: int = 5,
                        lo: int | None = None) -> str | None:
    """Country named within ``window`` words after the most recent earlier occurrence of
    ``head`` ("وزير خارجية منغوليا" for a later "الوزير"); with ``lo``, only occurrences
    from offset ``lo`` on (the paragraph of a fronted place: round 8)."""
    if not head:
        return None
    n = count_words_before(text, ss)  # the words before ss (not listed: that costs the article)
    starts, ends = word_bounds(text)
    at = bare_index(text).get(head, ())
    for j in range(bisect_left(at, n) - 1, -1, -1):  # the occurrences of head before ss, latest first
        i = at[j]
        if lo is not None and starts[i] < lo:
            break
        stop = ends[min(i + window, n - 1)]
        c = [m.country for m in starting_in(ments, starts[i], stop) if m.country]
        if c:
            return c[0]
    return None

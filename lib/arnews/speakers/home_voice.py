"""The article's own state for a voice the text gives no place of its own (issue 19): "قال أحد
المزارعين" (round 38) and, since round 54, a company or its officers ("قال الرئيس التنفيذي
للشركة", "شركة الكهرباء الحكومية «زيسكو»"), except a bank: a bank quoted in a story about a
state is as often a foreign or multilateral lender ("محللو بنك غولدمان ساكس", "البنك الأوروبي
لإعادة الإعمار والتنمية"); and a local association, union or league ("جمعية أولياء أمور
المتسابقين", "النقابة", "منظمة محلية لمكافحة الفساد"), not an NGO at large ("منظمة أطباء
بلا حدود" speaks for no state). A bare name is judged by its titled mention: "العلوي" after
"رئيسة جمعية «أصدقاء الساحل» نادية العلوي" is a local association's voice (round 58)."""
from __future__ import annotations

import pandas as pd
import regex as re

from .lexicon import SpeakerLexicon, words_in
from .name_antecedent import name_antecedent
from .resolve import SpeakerInfo

HOME_TYPES = ("other", "company", "ngo")  # speaker types that take the article's state when unplaced
_BANK = re.compile(r"(?<!\p{Arabic})(?:ال|لل|ل|و|وال)?بنك")
_LOCAL = re.compile(r"(?<!\p{Arabic})(?:ال|لل|ل|و|وال)?(?:محلي|محلية|محليه|جمعية|جمعيه|جمعيات|نقابة|نقابه|رابطة|رابطه)(?!\p{Arabic})")


def home_voice(info: SpeakerInfo, home: str | None, speaker_text: object) -> SpeakerInfo:
    """``info`` with the article's state ``home`` when it has no country and its type is one of
    :data:`HOME_TYPES` (a company that is not a bank, a local body); ``info`` unchanged otherwise.

    >>> home_voice(SpeakerInfo(None, "company"), "NGA", "الرئيس التنفيذي للشركة")
    SpeakerInfo(country='NGA', type='company')
    >>> home_voice(SpeakerInfo(None, "company"), "KWT", "محللو بنك غولدمان ساكس").country is None
    True
    >>> home_voice(SpeakerInfo(None, "ngo"), "KWT", "جمعية المزارعين").country
    'KWT'
    >>> home_voice(SpeakerInfo(None, "ngo"), "MWI", "منظمة أطباء بلا حدود").country is None
    True
    """
    if info.country or not home or info.type not in HOME_TYPES:
        return info
    if info.type == "company" and _BANK.search(str(speaker_text or "")):
        return info
    if info.type == "ngo" and not _LOCAL.search(str(speaker_text or "")):
        return info
    return SpeakerInfo(home, info.type)


def described_as(text: str, speaker_text: object, ss: object, lex: SpeakerLexicon) -> str:
    """The words that describe a speaker: its phrase, and for a bare name of one to three words
    its fuller, titled mention in the article as well.

    >>> from arnews.speakers.lexicon import load_speaker_lexicon
    >>> t = "حاورنا رئيسة جمعية «أصدقاء الساحل» نادية العلوي. وقالت العلوي إن"
    >>> described_as(t, "العلوي", t.rindex("العلوي"), load_speaker_lexicon())
    'العلوي رئيسة جمعية «أصدقاء الساحل» نادية العلوي'
    """
    own = str(speaker_text or "")
    if ss is None or pd.isna(ss) or not own:
        return own
    words = words_in(text, int(ss), int(ss) + len(own))
    window = name_antecedent(text, words, int(ss), lex=lex) if len(own.split()) <= 3 else None
    return own if window is None else f"{own} {text[window[0]:window[1]]}"


def story_state(ments: list, skip: list[tuple[int, int]] = ()) -> str | None:
    """The one state an article names, named at least once outside the spans ``skip`` (the
    dateline, the speaker phrases: not "الخبير في الشؤون الروسية", not "كينشاسا – …" alone),
    else None: a story about that state (round 65).

    >>> from collections import namedtuple
    >>> M = namedtuple("M", "start end actor_id actor_type country")
    >>> jo = [M(0, 4, "JOR", "country", "JOR"), M(30, 38, "JOR", "country", "JOR")]
    >>> story_state(jo), story_state(jo, [(0, 5), (28, 40)]), story_state(jo + [M(50, 53, "EGY", "country", "EGY")])
    ('JOR', None, None)
    """
    codes = {m.country for m in ments if m.actor_type == "country" and m.country}
    if len(codes) != 1:
        return None
    free = [m for m in ments if m.actor_type == "country" and m.country and not any(a <= m.start < b for a, b in skip)]
    return codes.pop() if free else None


ONE_STATE_TYPES = ("analyst", "media", "ngo")  # voices that take the state of a one-state story (round 65)
_QUOTED_NAME = re.compile(r"(?:منظمة|منظمه|جمعية|جمعيه|شبكة|شبكه|مبادرة|مبادره)\s*[«“\"']")  # an invented local body's name
_WORLD = re.compile(r"(?<!\p{Arabic})(?:ال)?(?:دولية|دوليه|عالمية|عالميه)(?!\p{Arabic})")
_INTERNATIONAL = re.compile(r"(?<!\p{Arabic})(?:ال|لل|ل|و|وال|ب)?(?:منظمة|منظمه|الدولية|الدوليه|هيومن)(?!\p{Arabic})")
_REPORTER = re.compile(r"(?<!\p{Arabic})(?:و|ف|ال)?(?:مراسل|مراسلة|مراسله|صحفي|صحفية|صحفيه|صحافي|صحافية)(?!\p{Arabic})")


def one_state_voice(info: SpeakerInfo, sole: str | None, described: object, after: str = "") -> SpeakerInfo:
    """``info`` with ``sole``, the state of a one-state story (:func:`story_state`), for an analyst, a medium or a
    body with an invented name in quotation marks ("منظمة «صوت المستهلك»", not a world one) the
    text gives no place of its own (``after``: the text after the phrase, where a body's quoted name
    may stand: "منظمة" + " «صوت المستهلك»"; "الخبير الزراعي سمير الحاج" in a story about Lebanon only;
    "صحيفة «الصباح»" in a story about Jordan; round 65), except a researcher of an international
    organisation ("الباحثة في منظمة هيومن رايتس ووتش") and a reporter ("وسأله مراسل صحيفة
    «دون»", as round 56 decided), who speak for none.

    >>> one_state_voice(SpeakerInfo(None, "analyst"), "LBN", "الخبير الزراعي سمير الحاج")
    SpeakerInfo(country='LBN', type='analyst')
    >>> one_state_voice(SpeakerInfo(None, "analyst"), "BGD", "الباحثة في منظمة هيومن رايتس ووتش").country is None
    True
    >>> one_state_voice(SpeakerInfo(None, "ngo"), "LBN", "جمعية").country is None
    True
    >>> one_state_voice(SpeakerInfo(None, "ngo"), "ZAF", "منظمة", " « صوت المستهلك » غير الحكومية").country
    'ZAF'
    """
    said = str(described or "")
    said = said + after[:40] if said.split()[-1:] and _QUOTED_NAME.match(said.split()[-1] + after[:3]) else said
    if info.country or not sole or info.type not in ONE_STATE_TYPES:
        return info
    if info.type == "ngo" and not (_QUOTED_NAME.search(said) and not _WORLD.search(said)):
        return info
    if info.type != "ngo" and _INTERNATIONAL.search(said) or info.type == "media" and _REPORTER.search(said):
        return info
    return SpeakerInfo(sole, info.type)

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

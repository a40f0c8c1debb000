"""The offline lemma rules of issue 18, round 6 (error classes of the dev texts lt24-lt43):
each case is a behaviour a rule or table row adds, checked through the public backend."""
from __future__ import annotations

import pytest

from arnews import morph


@pytest.mark.parametrize(
    "word, lemma",
    [
        # broken plurals added to data/lexicons/broken_plurals.csv, with clitics and a pronoun
        ("السدود", "سد"), ("منابعها", "منبع"), ("المواشي", "ماشية"), ("وسبل", "سبيل"), ("الأعيان", "عين"),
        ("الأودية", "وادي"), ("جدران", "جدار"), ("للفحوص", "فحص"), ("نظرائه", "نظير"), ("الثلوج", "ثلج"),
        # ambiguous forms stay out of the table: إحياء is a masdar, حلول also "arrival"
        ("إحياء", "احياء"), ("بحلول", "حلول"),
    ],
)
def test_round6_broken_plurals(word, lemma):
    assert morph.lemmatize([word], backend="rules") == [lemma]


@pytest.mark.parametrize(
    "word, lemma",
    [
        # a noun for a woman keeps ة (data/lexicons/person_nouns.csv), with clitics, a pronoun, plural
        ("الوزيرة", "وزيرة"), ("فالمخرجة", "مخرجة"), ("مديرة", "مديرة"), ("والدته", "والدة"), ("النائبة", "نائبة"),
        ("الكاتبات", "كاتبة"),
        # the masculine stays masculine; feminine adjectives still go to the masculine
        ("الوزير", "وزير"), ("والده", "والد"), ("جديدة", "جديد"), ("المتحدة", "متحد"), ("الصحفية", "صحفي"),
    ],
)
def test_round6_feminine_person_nouns(word, lemma):
    assert morph.lemmatize([word], backend="rules") == [lemma]


def test_feminine_person_reads_its_table(tmp_path):
    from arnews.morph.lemma_rules import feminine_person, load_person_nouns

    p = tmp_path / "persons.csv"
    p.write_text("masculine,feminine\nمدير,مديرة\n", encoding="utf-8")
    t = load_person_nouns(p)
    assert feminine_person("مديرته", "مدير", t) == "مديرة"
    assert feminine_person("مديره", "مدير", t) == "مدير"  # his director: the masculine
    assert feminine_person("وزيرة", "وزير", t) == "وزير"  # not in this table
    bad = tmp_path / "bad.csv"
    bad.write_text("masculine,lemma\nمدير,مديرة\n", encoding="utf-8")
    with pytest.raises(ValueError, match="feminine"):
        load_person_nouns(bad)


@pytest.mark.parametrize(
    "word, lemma",
    [
        # ت + 3 letters: the imperfect when ي + stem is clearly commoner than the form V readings
        ("تدخل", "دخل"), ("تنقل", "نقل"), ("تنقلهم", "نقل"), ("وتخرج", "خرج"),
        # form V perfects and masdars whose own forms are common stay; hollow stems too
        ("تحدث", "تحدث"), ("تغير", "تغير"), ("توقع", "توقع"), ("تعهد", "تعهد"), ("تصور", "تصور"), ("تحول", "تحول"),
        ("تعلم", "تعلم"), ("تقدم", "تقدم"),
    ],
)
def test_round6_t_imperfect_or_form_v(word, lemma):
    assert morph.lemmatize([word], backend="rules") == [lemma]


@pytest.mark.parametrize(
    "word, lemma",
    [
        # 1st person singular imperfect (أ + stem) read as its 3ms: أبحث as يبحث
        ("أبذل", "بذل"), ("أستطيع", "استطاع"), ("أشكر", "شكر"), ("سأحاول", "حاول"), ("وأعود", "عاد"),
        ("أدعو", "دعا"), ("أستفيد", "استفاد"),
        # form IV / VIII perfects (their 3fs is seen), elatives (seen with the article), names stay
        ("أكد", "اكد"), ("أعلن", "اعلن"), ("اتفق", "اتفق"), ("أكبر", "اكبر"), ("أفضل", "افضل"), ("أحمد", "احمد"),
        ("إذا", "اذا"),
    ],
)
def test_round6_first_person_singular(word, lemma):
    assert morph.lemmatize([word], backend="rules") == [lemma]


@pytest.mark.parametrize(
    "word, lemma",
    [
        # a long nisba feminine with a rare but seen masculine and no plural in يات is an adjective
        ("استخبارية", "استخباري"), ("التأديبية", "تاديبي"), ("الاحتجاجية", "احتجاجي"), ("الاستيطانية", "استيطاني"),
        # long abstract nouns in ية have a plural (اتفاقيات) or a far rarer masculine; place names stay
        ("اتفاقية", "اتفاقية"), ("المسؤولية", "مسؤولية"), ("الاستمرارية", "استمرارية"), ("الإسكندرية", "اسكندرية"),
    ],
)
def test_round6_long_nisba_adjectives(word, lemma):
    assert morph.lemmatize([word], backend="rules") == [lemma]


@pytest.mark.parametrize(
    "word, lemma",
    [
        # a participle's sound plural when the singular is seen with tanween or ة
        ("معتبرين", "معتبر"), ("المنسحبين", "منسحب"), ("الموقوفين", "موقوف"), ("المتضررين", "متضرر"),
        # broken plurals in ين and numbers stay as they were
        ("ملايين", "مليون"), ("ميادين", "ميدان"), ("خمسين", "خمسين"),
    ],
)
def test_round6_participle_plurals(word, lemma):
    assert morph.lemmatize([word], backend="rules") == [lemma]


@pytest.mark.parametrize(
    "word, lemma",
    [
        # 1st / 2nd person perfects of hollow verbs lose the long vowel: كنا, قلت, عدنا
        ("كنا", "كان"), ("وكنت", "كان"), ("قلت", "قال"), ("عدنا", "عاد"), ("قمتم", "قام"),
        # nouns in ت, a doubled verb's 3fs, and a conjunction before a verb of its own stay
        ("الموت", "موت"), ("وقت", "وقت"), ("ردت", "رد"), ("فقدت", "فقد"), ("وعدت", "وعد"),
    ],
)
def test_round6_hollow_first_and_second_person(word, lemma):
    assert morph.lemmatize([word], backend="rules") == [lemma]

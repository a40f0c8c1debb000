"""Cleaning rules, each on a real line from the sample, and foreign-script flags."""
from __future__ import annotations

import pytest

from arnews.clean import clean_articles, clean_text, foreign_fragments, load_rules

BODY = "وقال شي إن الصين مستعدة للعمل مع روسيا.\nوأكد بوتين أن العلاقات قوية."


def _removed(res):
    return [(r["rule"], r["text"]) for r in res.removed]


# (rule, boilerplate as it appears in the sample, where it goes)
CASES = [
    ("comment_form_ar", "اترك تعليقاً\n\nلن يتم نشر عنوان بريدك الإلكتروني.", "tail"),  # 000
    ("comment_form_en", "LEAVE A REPLY\n\nPlease enter your comment!\nPlease enter your name here", "tail"),  # 001
    ("more_stories", "More Stories\nاليابان: إعصار شانشان: ملايين الأشخاص يُطلب منهم الإخلاء\nالحوثيون يسمحون لطواقم الإنقاذ", "tail"),  # 004
    ("related_news_ar", "أخبار ذات صلة\n\nماذا وجدت الصحفية عندما عادت إلى كوبا بعد آخر رحلة قبل 3 سنوات\n\nستارمر يصل إلى شنغهاي", "tail"),  # 003
    ("read_also_tail", "إقرأ أيضاً:\nبوتين: مكالمة ترامب مفيدة ووقف النار مع أوكرانيا ممكن\nوكالات\nأكد الرئيس الروسي فلاديمير بوتين أن مكالمته مفيدة.", "tail"),  # 002
    ("read_promo_en", "READ\u00a0 نيويورك تايمز: تطبيق القانون يعرف أنه عالق في روب الابتدائية قبل كسر الفصل الدراسي", "middle"),  # 000
    ("publication_date", "تاريخ النشر: 22nd, January 2025 GMT", "middle"),  # 002
    ("last_updated", "يناير 22, 2025آخر تحديث: يناير 22, 2025", "middle"),  # 002
    ("source_credit", "المصدر: وكالة الصحافة المستقلة", "middle"),  # 002
    ("reporter_credit", "ذكرت آنا تشيرنوفا مراسلة سي إن إن من موسكو. ساهم ناثان هودج من سي إن إن وسيمون مكارثي في هذا التقرير.", "middle"),  # 001
]


@pytest.mark.parametrize("rule,boiler,where", CASES, ids=[c[0] for c in CASES])
def test_rule_removes_real_sample_line_and_keeps_article(rule, boiler, where):
    lines = BODY.split("\n")
    text = "\n".join([lines[0], boiler, lines[1]]) if where == "middle" else BODY + "\n" + boiler
    res = clean_text(text)
    assert res.text == BODY
    assert _removed(res) == [(rule, boiler)]
    r = res.removed[0]
    assert text[r["start"] : r["end"]] == boiler  # offsets point into the original text


def test_agency_dateline_prefix_is_cut_and_sentence_kept():
    line = "المستقلة/- تعهد فلاديمير بوتين وشي جين بينج برفع العلاقات الصينية الروسية إلى “مستوى أعلى”."  # 002
    res = clean_text("عنوان\n" + line)
    assert res.text == "عنوان\n" + line[len("المستقلة/- "):]
    assert _removed(res) == [("agency_dateline", "المستقلة/- ")]


def test_author_bio_near_end_is_removed():
    bio = "“ثقافة البوب. الطالب الذي يذاكر كثيرا على الويب. ممارس مخلص لوسائل التواصل الاجتماعي. متعصب للسفر. مبتكر. خبير طعام.”"  # 004
    text = "\n".join([BODY, "قال وزير الخارجية الروسي إن المسؤولين سينسقون.", bio, "More Stories", "عنوان آخر"])
    res = clean_text(text)
    assert [r for r, _ in _removed(res)] == ["author_bio", "more_stories"]
    assert bio not in res.text and "سينسقون" in res.text


def test_article_sentences_are_never_removed_on_sample(sample_articles):
    """Every line of the article proper survives; only boilerplate goes."""
    out = clean_articles(sample_articles).set_index("article_id")
    # sentences from the body, one from each article, incl. ones near the boilerplate
    kept = {
        "000_4a2b3c26a7f8d167": ["تعهد البلدان بالعمل معًا لتعزيز الاتصال", "جرت في “جو تقليدي ودود ودافئ”."],
        "001_005e2f9528a27951": ["من غزو وشيك ووسط تحذيرات من الغرب", "ووصفت وزارة الخارجية الاجتماع"],
        "002_2c5dc0bad80b8328": ["تعهد فلاديمير بوتين وشي جين بينج", "وهو الموقف الذي ترفضه حكومة تايوان."],
        "003_7b4905ffe97e1bcf": ["تعزيز الروابط بين الصين وروسيا", "فصل الربيع في العلاقات الروسية الصينية"],
        "004_767b0b59c7a3495f": ["عقد نيكولاي ب. باتروشيف", "في الجمعية العامة للأمم المتحدة في نيويورك هذا الأسبوع."],
    }
    for aid, phrases in kept.items():
        for ph in phrases:
            assert ph in out.loc[aid, "clean_text"], (aid, ph)
    gone = {
        "000_4a2b3c26a7f8d167": ["اترك تعليقاً", "READ"],
        "001_005e2f9528a27951": ["LEAVE A REPLY", "ساهم ناثان هودج"],
        "002_2c5dc0bad80b8328": ["إقرأ أيضاً", "حمام الدم", "آخر تحديث"],
        "003_7b4905ffe97e1bcf": ["أخبار ذات صلة", "ستارمر"],
        "004_767b0b59c7a3495f": ["More Stories", "خبير طعام", "يخت مايك لينش"],
    }
    for aid, phrases in gone.items():
        for ph in phrases:
            assert ph not in out.loc[aid, "clean_text"], (aid, ph)
        # what was cut is kept, with a rule name
        assert all(r["rule"] for r in out.loc[aid, "removed"])
    assert out.loc["000_4a2b3c26a7f8d167", "text"].startswith("في مكالمة")  # original preserved


def test_foreign_fragments_in_sample(sample_articles):
    out = clean_articles(sample_articles).set_index("article_id")
    flags0 = {(f["script"], f["text"]) for f in out.loc["000_4a2b3c26a7f8d167", "flags"]}
    assert ("Tamil", "பிடன்") in flags0  # MT left "Biden" in Tamil script
    assert ("Latin", "G") in flags0  # "قدم G كعكة" — Xi rendered as G
    flags1 = {(f["script"], f["text"]) for f in out.loc["001_005e2f9528a27951", "flags"]}
    assert flags1 == {("Latin", "MOFA"), ("Latin", "it was"), ("Latin", "Covid-19")}
    for aid, r in out.iterrows():
        for f in r["flags"]:
            assert r["clean_text"][f["start"] : f["end"]] == f["text"]


def test_foreign_fragments_ignore_arabic_marks_and_digits():
    assert foreign_fragments("عيد ميلاده الـ 69 مجددًا ١٢٣ 2022") == []
    assert [f["script"] for f in foreign_fragments("ПУТИН و 習近平")] == ["Cyrillic", "Han"]


def test_rules_file_errors_name_file_and_line(tmp_path):
    p = tmp_path / "rules.csv"
    p.write_text("rule,scope,pattern,description\nx,sideways,abc,bad scope\n", encoding="utf-8")
    with pytest.raises(ValueError, match=r"rules.csv, line 2: scope must be tail, line or prefix"):
        load_rules(str(p))
    p.write_text("rule,scope,pattern,description\nx,line,(unclosed,bad regex\n", encoding="utf-8")
    with pytest.raises(ValueError, match=r"rules.csv, line 2: bad pattern for rule 'x'"):
        load_rules(str(p))


def test_researcher_can_add_a_rule(tmp_path):
    p = tmp_path / "rules.csv"
    p.write_text('rule,scope,pattern,description\nsubscribe,line,"^اشترك في النشرة",newsletter\n', encoding="utf-8")
    res = clean_text(BODY + "\nاشترك في النشرة البريدية", load_rules(str(p)))
    assert res.text == BODY
    assert _removed(res) == [("subscribe", "اشترك في النشرة البريدية")]


# --- articles stored on one line; cleaning that empties an article (issue 13) -----------------


def test_one_line_articles_keep_their_text(sample_articles):
    """Line rules (reporter_credit, last_updated …) matched the whole of an article flattened
    to one line; now they remove only their match there."""
    flat = sample_articles.assign(text=sample_articles["text"].str.replace("\n", " "))
    out = clean_articles(flat).set_index("article_id")
    for aid, r in out.iterrows():
        assert len(r["clean_text"]) > 0.95 * len(r["text"].strip()), aid
        assert r["clean_warning"] is None
    removed = {x["rule"]: x["text"] for x in out.loc["001_005e2f9528a27951", "removed"]}
    assert removed["reporter_credit"].startswith("ساهم ناثان هودج") and removed["reporter_credit"].endswith("في هذا التقرير")
    assert "ساهم ناثان هودج" not in out.loc["001_005e2f9528a27951", "clean_text"]
    for r in out.itertuples():  # offsets still point into the original text
        assert all(r.text[x["start"]:x["end"]] == x["text"] for x in r.removed)


def test_long_line_is_not_removed_by_a_function_rule():
    long_bio_like = " ".join(["مقال. فقرة. جملة. كلمة."] * 20)  # many short segments, as a bio has
    assert clean_text(BODY + "\n" + long_bio_like).text.endswith(long_bio_like)


def test_cleaning_that_removes_most_of_an_article_is_flagged(sample_articles):
    from arnews.clean import flag_load_report
    from arnews.corpus import load_report

    arts = sample_articles.copy()
    arts.loc[0, "text"] = "قال شي.\n" + "\n".join(["READ  عنوان خبر آخر من الموقع"] * 5)
    out = clean_articles(arts)
    assert out.loc[0, "removed_share"] > 0.5 and "cleaning removed" in out.loc[0, "clean_warning"]
    assert out["clean_warning"].iloc[1:].isna().all()
    assert clean_articles(arts, max_removed_share=0.99).loc[0, "clean_warning"] is None
    rep = flag_load_report(load_report(arts), out)
    assert rep.loc[0, "status"] == "loaded" and rep.loc[0, "reason"].startswith("cleaning removed")
    assert (rep["reason"].iloc[1:] == "").all()


def test_annotate_puts_the_cleaning_flag_in_the_load_report(sample_articles):
    from arnews.pipeline import annotate

    arts = sample_articles.head(2).copy()
    arts.loc[1, "text"] = "قال شي.\nREAD  عنوان خبر آخر\nREAD  عنوان خبر ثالث من الموقع"
    ann = annotate(arts, stages=["clean"], cache=False)
    assert ann.load_report["reason"].tolist()[0] == ""
    assert ann.load_report["reason"].tolist()[1].startswith("cleaning removed")

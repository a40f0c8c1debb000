"""Tests for arnews.quotes: quoted spans, speakers, lexicon, evaluation.

Expected values are worked out by hand from the strings in each test; real lines come from
the sample articles (data/articles)."""
from __future__ import annotations

import pandas as pd
import pytest
import regex as re

from arnews.quotes import (
    QUOTE_COLUMNS,
    annotate_stage,
    evaluate,
    evaluation_report,
    find_quoted_spans,
    find_quotes,
    load_gold,
    load_speech_verbs,
    match_gold,
)
from arnews.text import sentences_table, tokens_table


def _tables(text: str, actors: list[tuple[str, str, str]] = ()):
    """Sentences, tokens and hand-made mentions (every occurrence of each surface)."""
    arts = pd.DataFrame({"article_id": ["a"], "clean_text": [text]})
    sents = sentences_table(arts)
    toks = tokens_table(sents)
    rows = []
    for surface, actor_id, actor_type in actors:
        for m in re.finditer(re.escape(surface), text):
            sid = int(sents.loc[(sents["start"] <= m.start()) & (sents["end"] > m.start()), "sentence_id"].iloc[0])
            rows.append(
                {"article_id": "a", "sentence_id": sid, "start": m.start(), "end": m.end(), "surface": surface,
                 "actor_id": actor_id, "actor_type": actor_type, "country": None}
            )
    ments = pd.DataFrame(rows, columns=["article_id", "sentence_id", "start", "end", "surface", "actor_id", "actor_type", "country"])
    ments = ments.sort_values("start").reset_index(drop=True)
    return arts, sents, toks, ments


def _quotes(text: str, actors=()):
    arts, sents, toks, ments = _tables(text, actors)
    return find_quotes(sents, toks, ments, arts)


PUTIN = ("بوتين", "PUTIN", "person")
XI = ("شي", "XI", "person")
TRUMP = ("ترامب", "TRUMP", "person")
KREMLIN = ("الكرملين", "KREMLIN", "organization")
PESKOV = ("بيسكوف", "PESKOV", "person")
CHN = ("الصينية", "CHN", "country")


# ---------------------------------------------------------------------------
# Quoted spans
# ---------------------------------------------------------------------------


def test_three_quote_styles_with_offsets():
    t = 'قال: “نعم” و"لا" ثم «كلا»'
    spans = find_quoted_spans(t)
    # “ at 5, content 6..9; " at 12, content 13..15; « at 20, content 21..24 (counted by hand)
    assert [(s.start, s.end) for s in spans] == [(6, 9), (13, 15), (21, 24)]
    assert [t[s.start : s.end] for s in spans] == ["نعم", "لا", "كلا"]
    assert [(s.open_mark, s.close_mark) for s in spans] == [("“", "”"), ('"', '"'), ("«", "»")]
    assert all(s.balanced for s in spans)


def test_quote_closed_with_opening_mark_spans_two_sentences():
    # real line of 001: the quote is closed by a second “ after ". ."
    t = ("ووفقًا لنسخة باللغة الإنجليزية من البيان المشترك الصادر عن الكرملين ، فإن البلدين "
         "“يعتقدان أن بعض الدول تسعى للحصول على مزايا عسكرية أحادية الجانب تضر بأمن الآخرين. . “\n\nوقال شي.")
    spans = find_quoted_spans(t)
    assert len(spans) == 1
    q = t[spans[0].start : spans[0].end]
    assert q.startswith("يعتقدان") and q.endswith("الآخرين. .")
    assert spans[0].balanced and spans[0].close_mark == "“"


def test_unclosed_quote_stops_at_sentence_end_and_next_quote_is_found():
    # real line of 004: “الأسئلة والمخاوف… never closed; a new quote opens two sentences later
    t = ("واعترف بعد ذلك بأن الصين “الأسئلة والمخاوفحول الوضع في أوكرانيا. دفع هذا الاعتراف الخفي "
         "بعض المحللين إلى استنتاج أنه على الرغم من التصريحات العلنية بأن صداقة البلدين “لا حدود لها” ، فإن دعم السيد شي لم يكن غير مشروط.")
    spans = find_quoted_spans(t)
    assert [t[s.start : s.end] for s in spans] == ["الأسئلة والمخاوفحول الوضع في أوكرانيا.", "لا حدود لها"]
    assert [s.balanced for s in spans] == [False, True]


def test_unbalanced_quote_does_not_swallow_the_article():
    paragraphs = ["قال بوتين إن “العلاقات قوية جدا"] + [f"فقرة رقم {i} عن الاقتصاد والتجارة." for i in range(50)]
    paragraphs.append("وقال شي: “نحن مستعدون”.")
    t = "\n".join(paragraphs)
    spans = find_quoted_spans(t)
    assert [t[s.start : s.end] for s in spans] == ["العلاقات قوية جدا", "نحن مستعدون"]
    assert spans[0].end <= t.index("\n")


def test_nested_guillemets_and_stray_closer():
    t = "قال ” شيئا ثم: “وصفها بأنها «شراكة بلا حدود» وقال ذلك” انتهى"
    spans = find_quoted_spans(t)
    assert [t[s.start : s.end] for s in spans] == ["وصفها بأنها «شراكة بلا حدود» وقال ذلك"]


def test_straight_quote_glued_to_conjunction():
    # real line of 003: و"سيتبادلان
    t = 'سيناقشان "خطة كبرى جديدة لتطوير العلاقات الثنائية" و"سيتبادلان وجهات النظر"، وفقًا لترجمة روسية.'
    assert [t[s.start : s.end] for s in find_quoted_spans(t)] == [
        "خطة كبرى جديدة لتطوير العلاقات الثنائية",
        "سيتبادلان وجهات النظر",
    ]


def test_empty_or_mark_only_text():
    assert find_quoted_spans("") == []
    assert find_quoted_spans("“ ”") == []
    assert find_quoted_spans('"') == []


# ---------------------------------------------------------------------------
# Speakers on constructed sentences
# ---------------------------------------------------------------------------


def _one(q: pd.DataFrame, i: int = 0) -> dict:
    return q.iloc[i].to_dict()


def test_verb_subject_colon():
    q = _quotes('وقال بوتين: "العلاقات مع الصين قوية".', [PUTIN])
    r = _one(q)
    assert (r["quote"], r["speaker_actor_id"], r["speaker_text"], r["verb"], r["rule"]) == (
        "العلاقات مع الصين قوية", "PUTIN", "بوتين", "وقال", "verb_subject")


def test_subject_verb():
    q = _quotes('بوتين قال إن "العلاقات قوية".', [PUTIN])
    assert (_one(q)["speaker_actor_id"], _one(q)["rule"]) == ("PUTIN", "subject_verb")


def test_coordinated_subject_before_dual_verb_takes_first_conjunct():
    # real headline of 002 (dual verb: the subject stands before it)
    t = "بوتن وشي جين بينغ يتعهدان برفع العلاقات إلى “مستوى أعلى”"
    q = _quotes(t, [("بوتن", "PUTIN", "person"), ("شي جين بينغ", "XI", "person")])
    r = _one(q)
    assert (r["speaker_actor_id"], r["speaker_text"], r["rule"]) == ("PUTIN", "بوتن وشي جين بينغ", "subject_verb")


def test_quote_then_attribution():
    q = _quotes('"سنعمل معا من أجل السلام"، قال شي للصحفيين.', [XI])
    r = _one(q)
    assert (r["speaker_actor_id"], r["verb"], r["rule"]) == ("XI", "قال", "quote_then_verb")


def test_according_to_after_the_quote():
    q = _quotes("وتريد الصين “حلا سلميا للأزمة”، وفقا لوزارة الخارجية الصينية.", [CHN, ("الصين", "CHN", "country")])
    r = _one(q)
    assert (r["speaker_actor_id"], r["speaker_text"], r["rule"]) == ("CHN", "وزارة الخارجية الصينية", "according_to")
    q = _quotes("وجرى الاجتماع في “جو ودي”، حسب الكرملين.", [KREMLIN])
    assert (_one(q)["speaker_actor_id"], _one(q)["rule"]) == ("KREMLIN", "according_to")


def test_speech_verb_beats_according_to():
    # real line of 003: Xi speaks, the Russian translation is only the channel
    t = 'وقال شي إنه وبوتين سيناقشان "خطة كبرى جديدة" و"سيتبادلان وجهات النظر"، وفقًا لترجمة روسية لتصريحاته الافتتاحية.'
    q = _quotes(t, [XI, PUTIN])
    assert q["speaker_actor_id"].tolist() == ["XI", "XI"]
    assert q["rule"].tolist() == ["verb_subject", "verb_subject"]


def test_pronoun_subject_from_previous_sentence():
    t = 'قال مساعد بوتين يوري أوشاكوف إن المكالمة كانت مخططة. وقال إن شي وبوتين “أشارا إلى استعدادهما”.'
    q = _quotes(t, [PUTIN, XI, ("يوري أوشاكوف", "USHAKOV", "person")])
    r = _one(q)
    # role-noun head (مساعد): the named person of the apposition, not Putin
    assert (r["speaker_actor_id"], r["speaker_text"], r["rule"]) == (
        "USHAKOV", "مساعد بوتين يوري أوشاكوف", "implicit_previous_speaker")


def test_pronoun_subject_previous_sentence_subject_when_no_speech_before():
    t = "التقى بوتين نظيره في بكين. وأكدا التزامهما “بمواصلة التعاون”."
    q = _quotes(t, [PUTIN])
    r = _one(q)
    # أكدا is dual: what follows (التزامهما) is an object, not the speaker
    assert (r["speaker_actor_id"], r["speaker_text"], r["rule"]) == ("PUTIN", "بوتين", "implicit_previous_subject")


def test_embedded_verb_in_reported_clause_is_not_the_attribution():
    # real line of 002: دعا شي is inside what Trump said
    t = "وقال ترامب إنه دعا شي للمساعدة في إنهاء الحرب، مدعيا أن نظيره الصيني لديه “الكثير من القوة” لكنه لم يفعل ما يكفي."
    q = _quotes(t, [TRUMP, XI])
    assert (_one(q)["speaker_actor_id"], _one(q)["verb"]) == ("TRUMP", "مدعيا")


def test_participle_takes_the_clause_subject():
    t = "أكد السيد يانغ على العلاقة بين البلدين ، مضيفًا أن “القيادة هي الضمان الأساسي.”"
    q = _quotes(t, [("يانغ", "YANG_JIECHI", "person")])
    r = _one(q)
    assert (r["speaker_actor_id"], r["rule"]) == ("YANG_JIECHI", "implicit_same_sentence")


def test_object_after_verb_is_not_the_speaker():
    t = "حيث قال بوتين إن تايوان “جزء من الصين” وأكد معارضة روسيا القوية لاستقلال تايوان “بأي شكل من الأشكال”."
    q = _quotes(t, [PUTIN, ("روسيا", "RUS", "country"), ("تايوان", "TWN", "country")])
    assert q["speaker_actor_id"].tolist() == ["PUTIN", "PUTIN"]
    assert q["rule"].tolist() == ["verb_subject", "implicit_same_sentence"]


def test_spokesperson_apposition_and_passive_statement():
    t = ("وقال المتحدث باسم الكرملين ديمتري بيسكوف إن “الاجتماع كان دافئا”.\n"
         "وجاء في بيان الكرملين أن “الطرفين اتفقا على التعاون”.")
    q = _quotes(t, [KREMLIN, ("ديمتري بيسكوف", "PESKOV", "person")])
    assert q["speaker_actor_id"].tolist() == ["PESKOV", "KREMLIN"]
    assert q["speaker_text"].tolist() == ["المتحدث باسم الكرملين ديمتري بيسكوف", "بيان الكرملين"]
    assert q["rule"].tolist() == ["verb_subject", "passive"]


def test_naql_speaker_after_an():
    # real line of 002's appended story (removed by cleaning from the sample article)
    t = ("ومن جانبها، أكدت روسيا اليوم تفضيلها الحل الدبلوماسي، حيث نقلت وكالات أنباء روسية عن المتحدث باسم "
         "الكرملين دميتري بيسكوف قوله: “من الأفضل بالطبع تحقيق أهدافنا بالوسائل السياسية والدبلوماسية”.")
    q = _quotes(t, [("روسيا", "RUS", "country"), ("روسية", "RUS", "country"), KREMLIN, ("دميتري بيسكوف", "PESKOV", "person")])
    r = _one(q)
    assert (r["speaker_actor_id"], r["verb"], r["rule"]) == ("PESKOV", "نقلت", "naql")


def test_continuation_and_colon_intro():
    t = ("وأخذ ملخص دعوة الكرملين هذا الموقف خطوة إلى الأمام: “أشار الرئيس إلى شرعية التصرفات”.\n"
         "ووصف بيسكوف القمة بأنها “اجتماع دافئ” في مؤتمر. “في نفس الوقت موضوعي للغاية”.")
    q = _quotes(t, [KREMLIN, PESKOV])
    assert q["speaker_actor_id"].tolist() == ["KREMLIN", "PESKOV", "PESKOV"]
    assert q["rule"].tolist() == ["colon_intro", "verb_subject", "continuation"]
    assert q["speaker_text"].iloc[0] == "ملخص دعوة الكرملين"
    # a verb inside a quote ("أشار") is never an attribution cue
    assert q["verb"].iloc[0] is None


def test_scare_quote_without_cue_has_no_speaker():
    q = _quotes("وتحدثا بعد أيام من بدء موسكو الإصرار على “عمل عسكري خاص”.", [("موسكو", "RUS", "country")])
    assert q["speaker_actor_id"].iloc[0] is None and q["speaker_text"].iloc[0] is None and q["rule"].iloc[0] is None


def test_without_mentions_speaker_phrase_only():
    arts, sents, toks, _ = _tables('وقال الخبراء إن "العلاقات هي الأقوى". ووصف الرجلان بعضهما البعض بـ “الأصدقاء”.')
    q = find_quotes(sents, toks, None, arts)
    assert q["speaker_actor_id"].isna().all()
    assert q["speaker_text"].tolist() == ["الخبراء", "الرجلان"]


def test_unclosed_quote_keeps_attribution_outside():
    # real line of 001: the first quote is never closed before "وقال بيان الكرملين"
    t = ("كما تعارض روسيا والصين “التوسع الإضافي لحلف شمال الأطلسي ويدعو حلف شمال الأطلسي إلى التخلي عن مقاربه "
         "الأيديولوجية للحرب الباردة ، و وقال بيان الكرملين ان “موقفا عادلا وموضوعيا تجاه التنمية السلمية”.")
    q = _quotes(t, [KREMLIN, ("روسيا", "RUS", "country"), ("الصين", "CHN", "country")])
    assert q["quote"].tolist() == [
        "التوسع الإضافي لحلف شمال الأطلسي ويدعو حلف شمال الأطلسي إلى التخلي عن مقاربه الأيديولوجية للحرب الباردة",
        "موقفا عادلا وموضوعيا تجاه التنمية السلمية",
    ]
    assert q["balanced"].tolist() == [False, True]
    assert q["speaker_actor_id"].tolist() == ["KREMLIN", "KREMLIN"]
    assert q["rule"].tolist() == ["quote_then_verb", "verb_subject"]


def test_offsets_and_sentence_ids():
    t = "جملة أولى.\nوقال بوتين: “العلاقات قوية. وستبقى كذلك.” ثم غادر."
    arts, sents, toks, ments = _tables(t, [PUTIN])
    q = find_quotes(sents, toks, ments, arts)
    r = _one(q)
    assert t[r["start"] : r["end"]] == r["quote"] == "العلاقات قوية. وستبقى كذلك."
    assert r["sentence_id"] == 1  # the sentence holding the quote's first character
    assert t[r["speaker_start"] : r["speaker_end"]] == "بوتين"
    assert list(q.columns) == QUOTE_COLUMNS


def test_bad_tables_raise_clear_errors():
    arts, sents, toks, ments = _tables("وقال بوتين: “نعم”.", [PUTIN])
    with pytest.raises(ValueError, match="tokens table lacks column.*norm"):
        find_quotes(sents, toks.drop(columns=["norm"]), ments, arts)
    with pytest.raises(ValueError, match="mentions table lacks column.*actor_id"):
        find_quotes(sents, toks, ments.drop(columns=["actor_id"]), arts)


def test_annotate_stage_without_mentions_and_no_mutation():
    arts, sents, toks, ments = _tables("وقال بوتين: “نعم”.", [PUTIN])
    tables = {"articles": arts, "sentences": sents, "tokens": toks}
    before = toks.copy()
    out = annotate_stage(tables)
    assert set(out) == {"quotes"}
    assert out["quotes"]["speaker_actor_id"].isna().all() and out["quotes"]["speaker_text"].tolist() == ["بوتين"]
    pd.testing.assert_frame_equal(toks, before)
    out = annotate_stage({**tables, "mentions": ments})
    assert out["quotes"]["speaker_actor_id"].tolist() == ["PUTIN"]


# ---------------------------------------------------------------------------
# Lexicon
# ---------------------------------------------------------------------------


def test_lexicon_clitics_and_multiword_forms():
    lex = load_speech_verbs()
    assert lex.match(["فقالت"], 0)[1:3] == ("قال", "verb")
    assert lex.match(["ووصف"], 0)[1:3] == ("وصف", "verb")  # و + وصف
    assert lex.match(["وصف"], 0)[1:3] == ("وصف", "verb")  # not و + صف
    assert lex.match(["ووفقا", "لبيسكوف"], 0)[2] == "according"
    assert lex.match(["وجاء", "في", "بيان"], 0)[:3] == (2, "جاء في", "passive")
    assert lex.match(["وجاءت", "المحادثة"], 0) is None  # جاء without في is not speech
    assert lex.match(["قالا"], 0)[2] == "verb_pronoun"
    assert "بيان" in lex.heads and "المتحدث" in lex.heads


def test_lexicon_errors_name_file_and_row(tmp_path):
    p = tmp_path / "verbs.csv"
    p.write_text("lemma,role,forms,gloss\nقال,verb,قال قالت,say\nأكد,verbb,أكد,stress\n", encoding="utf-8")
    with pytest.raises(ValueError, match=r"verbs.csv, row 3: role 'verbb'"):
        load_speech_verbs(p)
    p.write_text("lemma,forms\nقال,قال\n", encoding="utf-8")
    with pytest.raises(ValueError, match=r"verbs.csv: missing column\(s\) \['role'\]"):
        load_speech_verbs(p)


def test_researcher_added_verb_is_used(tmp_path):
    p = tmp_path / "verbs.csv"
    p.write_text("lemma,role,forms,gloss\nهتف,verb,هتف هتفت,shout\n", encoding="utf-8")
    arts, sents, toks, ments = _tables("وهتف بوتين “النصر لنا”.", [PUTIN])
    assert find_quotes(sents, toks, ments, arts)["speaker_actor_id"].iloc[0] is None
    q = find_quotes(sents, toks, ments, arts, lexicon=load_speech_verbs(p))
    assert (q["speaker_actor_id"].iloc[0], q["verb"].iloc[0]) == ("PUTIN", "وهتف")


# ---------------------------------------------------------------------------
# Real sample articles (pipeline with the actors stage)
# ---------------------------------------------------------------------------


def test_sample_offsets_and_real_lines(sample_annotations):
    q = sample_annotations.quotes
    arts = sample_annotations.articles.set_index("article_id")
    assert len(q) > 0
    for r in q.itertuples():
        text = arts.loc[r.article_id, "clean_text"]
        assert text[r.start : r.end] == r.quote
        assert text[r.start - 1] in "“”\"«»"  # preceded by its opening mark
        if r.balanced:
            assert text[r.end : r.end + 1] == r.close_mark or text[r.end : r.end + 1].isspace()
    s = sample_annotations.sentences.set_index(["article_id", "sentence_id"])
    for r in q.itertuples():
        st, en = s.loc[(r.article_id, r.sentence_id), ["start", "end"]]
        assert st <= r.start < en + 2

    def speaker(prefix: str) -> str | None:
        hit = q[q["quote"].str.startswith(prefix)]
        assert len(hit) == 1, prefix
        return hit["speaker_actor_id"].iloc[0]

    assert speaker("إن التعاون بين روسيا والصين") == "PATRUSHEV"  # قال السيد باتروشيف:
    assert speaker("أود أن أؤكد لكم") == "PUTIN"  # وقال بوتين في كلمته …:
    assert speaker("قيادة رؤساء الدول") == "YANG_JIECHI"  # …، مضيفًا أن
    assert speaker("اجتماع دافئ وبناء") == "PESKOV"  # المتحدث باسم الكرملين ديمتري بيسكوف


# ---------------------------------------------------------------------------
# Gold set and evaluation
# ---------------------------------------------------------------------------


def test_gold_prefixes_follow_a_quote_mark_in_the_sample(sample_annotations):
    gold = load_gold()
    arts = sample_annotations.articles.set_index("article_id")
    assert set(gold["article_id"]) == set(arts.index)
    for r in gold.itertuples():
        text = arts.loc[r.article_id, "clean_text"]
        hits = [m.start() for m in re.finditer(re.escape(r.quote_prefix), text)]
        assert any(text[h - 1] in "“”\"«»" for h in hits), r.quote_prefix
    assert gold["kind"].isin(["speech", "term"]).all()


def test_match_gold_and_figures_by_hand():
    sys_q = pd.DataFrame(
        {
            "article_id": ["a", "a", "a", "a"],
            "start": [10, 40, 80, 120],
            "quote": ["حل مناسب للأزمة", "نص آخر", "حل مناسب", "كلام زائد"],
            "speaker_text": ["شي", "الرئيس الروسي", None, "بوتين"],
            "speaker_actor_id": ["XI", "RUS", None, "PUTIN"],
            "rule": ["verb_subject", "verb_subject", None, "verb_subject"],
        }
    )
    gold = pd.DataFrame(
        {
            "article_id": ["a", "a", "a", "a"],
            "quote_prefix": ["حل مناسب", "نص", "حل مناسب", "غائب"],
            "speaker_text": ["شي", "الرئيس الروسي", "", "شي"],
            "speaker_actor_id": ["XI|PUTIN", "PUTIN", "", "XI"],
            "kind": ["speech", "speech", "term", "speech"],
            "note": ["", "", "", ""],
        }
    )
    m = match_gold(sys_q, gold)
    # duplicate prefix "حل مناسب" is matched in text order: first to 10, second to 80
    assert m["sys_quote"].tolist()[:3] == ["حل مناسب للأزمة", "نص آخر", "حل مناسب"]
    assert pd.isna(m["sys_quote"].iloc[3]) and not m["found"].iloc[3]
    assert m["speaker_right"].tolist() == [True, False, True, False]
    assert m["speaker_phrase_right"].tolist() == [True, True, True, False]
    r = evaluate(sys_q, gold)
    assert r["found"] == 3 / 4
    assert r["precision"] == 3 / 4  # the 4th system quote matches no gold quote
    assert r["speaker_accuracy"] == 2 / 4
    assert r["speaker_accuracy_found"] == 2 / 3
    assert r["speaker_phrase_accuracy"] == 3 / 4
    assert r["speaker_accuracy_speech"] == 1 / 3


def test_evaluation_report_matches_evaluate():
    r = evaluate()
    rep = evaluation_report()
    n_found = int(r["details"]["found"].sum())
    assert f"quotes found (recall):              {n_found}/{r['n_gold']} = {r['found']:.3f}" in rep
    assert f"= {r['speaker_accuracy']:.3f}" in rep
    assert r["n_gold"] == len(load_gold())


def test_empty_corpus_and_article_without_quotes_give_typed_empty_table():
    arts = pd.DataFrame({"article_id": ["a", "b"], "clean_text": ["", "لا اقتباس هنا. “"]})
    sents = sentences_table(arts)
    q = find_quotes(sents, tokens_table(sents), None, arts)
    assert len(q) == 0 and list(q.columns) == QUOTE_COLUMNS and str(q["start"].dtype) == "int32"


# ---------------------------------------------------------------------------
# Role titles, group subjects, definite descriptions (real actor matcher)
# ---------------------------------------------------------------------------


def _real(text: str, date=None) -> pd.DataFrame:
    """Quotes with mentions from arnews.actors (role titles resolved with ``date``)."""
    from arnews import actors

    arts = pd.DataFrame({"article_id": ["a"], "clean_text": [text], "date": [pd.Timestamp(date) if date else pd.NaT]})
    sents = sentences_table(arts)
    toks = tokens_table(sents)
    ments = actors.annotate_stage({"articles": arts, "tokens": toks})["mentions"]
    return find_quotes(sents, toks, ments, arts)


def _speaker(q: pd.DataFrame, i: int = 0) -> tuple:
    r = q.iloc[i]
    return r.speaker_actor_id, r.speaker_group, r.speaker_via


def test_role_title_speaker_follows_the_article_date():
    text = 'وقال الرئيس الأمريكي إن "العلاقات مع الصين جيدة".'
    assert _speaker(_real(text, "2024-06-01")) == ("BIDEN", None, "role")
    assert _speaker(_real(text, "2025-06-01")) == ("TRUMP", None, "role")
    assert _real(text, "2025-06-01").speaker_text.iloc[0] == "الرئيس الأمريكي"
    # no date: only the country named by the adjective
    assert _speaker(_real(text)) == ("USA", None, "name")
    # the spokesperson's title, with the name written out, is the named person (no role row)
    q = _real('وقال المتحدث باسم الكرملين ديمتري بيسكوف إن "القمة ناجحة".', "2022-02-04")
    assert _speaker(q) == ("PESKOV", None, "name")
    q = _real('وقال المتحدث باسم الكرملين إن "القمة ناجحة".', "2022-02-04")
    assert _speaker(q) == ("PESKOV", None, "role")


LEADERS = "التقى بوتين مع شي في بكين. وقال بوتين إن ترامب مخطئ. ورد شي على بوتين. "


def test_group_subject_is_the_articles_two_most_mentioned_persons_or_countries():
    q = _real(LEADERS + 'وأكد الزعيمان أن "الشراكة قوية" وأكدا "التزامهما بالتعاون".')
    # persons: بوتين 3, شي 2, ترامب 1 -> PUTIN and XI; the dual verb وأكدا keeps the subject
    assert [_speaker(q, i) for i in range(2)] == [(None, "PUTIN|XI", "group")] * 2
    assert q.speaker_text.tolist() == ["الزعيمان", "الزعيمان"]
    assert q.rule.tolist() == ["verb_subject", "implicit_same_sentence"]
    # countries: RUS 3 (بوتين ×3), CHN 3 (بكين, شي ×2), USA 1 (ترامب)
    q = _real(LEADERS + 'وأعلنت الدولتان شراكة "بلا حدود".')
    assert _speaker(q) == (None, "CHN|RUS", "group")


def test_group_subject_left_open_when_the_pair_is_ambiguous():
    # بوتين 2, شي 1, ترامب 1: the second place is a tie
    q = _real('التقى بوتين مع شي وترامب في بكين. ورد بوتين. وقال الرجلان إن "الحوار مفيد".')
    assert _speaker(q) == (None, None, None)
    assert q.speaker_text.iloc[0] == "الرجلان"


def test_definite_description_takes_the_earlier_fuller_mention():
    text = ('ورد في بيان صادر عن وزارة الخارجية الصينية أن "الزعيمين تحدثا". '
            'ووصفت وزارة الخارجية الاجتماع بأنه "ودي". وجاء في بيان وزارة الخارجية أن "التنسيق مستمر".')
    q = _real(text)
    assert [_speaker(q, i) for i in range(3)] == [("CHN", None, "name"), ("CHN", None, "anaphora"), ("CHN", None, "anaphora")]
    # "الرئيس" after "الرئيس الروسي فلاديمير بوتين" is Putin
    q = _real('التقى الرئيس الروسي فلاديمير بوتين نظيره. وقال الرئيس إن "العلاقات ممتازة".')
    assert _speaker(q) == ("PUTIN", None, "anaphora")
    # without an earlier fuller mention, or indefinite ("مسؤول"), the phrase stays unresolved
    assert _speaker(_real('ووصفت وزارة الخارجية الاجتماع بأنه "ودي".')) == (None, None, None)
    q = _real('قال مسؤول صيني إن "أ". وقال مسؤول إن "ب".')
    assert _speaker(q, 0)[0] == "CHN" and _speaker(q, 1) == (None, None, None)


def test_group_speakers_in_the_evaluation():
    gold = pd.DataFrame({"article_id": ["a", "a"], "quote_prefix": ["أ", "ب"], "speaker_text": ["الزعيمان", "شي"],
                         "speaker_actor_id": ["PUTIN|XI", "XI"], "kind": ["speech", "speech"], "note": ["", ""]})
    sys = pd.DataFrame({"article_id": ["a", "a"], "start": [0, 10], "quote": ["أ", "ب"],
                        "speaker_text": ["الزعيمان", "الزعيمان"], "speaker_actor_id": [None, None],
                        "speaker_group": ["PUTIN|XI", "PUTIN|XI"], "rule": ["verb_subject", "verb_subject"]})
    m = match_gold(sys, gold)
    # a group equal to the joint gold speaker is right; a group for a single gold speaker is not
    assert m.speaker_right.tolist() == [True, False]


def test_group_nouns_come_from_the_lexicon(tmp_path):
    lex = load_speech_verbs()
    assert lex.group_kind["الزعيمان"] == "persons" and lex.group_kind["الدولتين"] == "countries"
    p = tmp_path / "verbs.csv"
    p.write_text("lemma,role,forms,gloss\nقال,verb,قال,say\nحليف,group_countries,الحليفان,the two allies\n",
                 encoding="utf-8")
    lex2 = load_speech_verbs(p)
    arts, sents, toks, _ = _tables(LEADERS + 'وقال الحليفان إن "التعاون مستمر".')
    from arnews.actors import find_mentions

    q = find_quotes(sents, toks, find_mentions(toks), arts, lexicon=lex2)
    assert q.speaker_group.iloc[0] == "CHN|RUS"


def test_sample_role_group_and_anaphora_speakers(sample_annotations):
    q = sample_annotations.quotes

    def row(prefix: str, quote_start: str):
        return q[q.article_id.str.startswith(prefix) & q.quote.str.startswith(quote_start)].iloc[0]

    # read in the sample: 002 "حيث قال الرئيس الروسي إن تايوان" (January 2025) is Putin
    r = row("002", "جزء لا يتجزأ")
    assert (r.speaker_actor_id, r.speaker_via) == ("PUTIN", "role")
    # 002 "وصف الرجلان بعضهما البعض" after "تعهد فلاديمير بوتين وشي جين بينج"
    r = row("002", "الأصدقاء الأعزاء")
    assert (r.speaker_group, r.speaker_via) == ("PUTIN|XI", "group")
    # 001 "ووصفت وزارة الخارجية الاجتماع" after "بيان صادر عن وزارة الخارجية الصينية"
    r = row("001", "جو دافئ وودي")
    assert (r.speaker_actor_id, r.speaker_via, r.speaker_text) == ("CHN", "anaphora", "وزارة الخارجية")


def test_single_straight_and_curly_marks_quote_in_machine_translated_text():
    # round 25 of issue 19: a text written with '…' lost every quote
    from arnews.quotes.spans import find_quoted_spans

    t = "وصفت باكستان قرار الهند بأنه 'عمل حربي'، وقال شريف إن 'المياه هي شريان حياة'."
    assert [t[s.start:s.end] for s in find_quoted_spans(t)] == ["عمل حربي", "المياه هي شريان حياة"]
    t = "وقال الوزير إن ‘الاتفاق نهائي’ ثم غادر."
    assert [t[s.start:s.end] for s in find_quoted_spans(t)] == ["الاتفاق نهائي"]


def test_a_single_mark_inside_another_quote_or_inside_a_word_opens_nothing():
    from arnews.quotes.spans import find_quoted_spans

    t = "وقال: «نعم 'لا' كلا» ثم غادر."
    assert [t[s.start:s.end] for s in find_quoted_spans(t)] == ["نعم 'لا' كلا"]
    t = "وقال أوبراين O'Brien إن «الأمر انتهى»."
    assert [t[s.start:s.end] for s in find_quoted_spans(t)] == ["الأمر انتهى"]
    t = "وقال إن 'الأمر لم ينته بعد ثم غادر."  # never closed: no quote
    assert find_quoted_spans(t) == []

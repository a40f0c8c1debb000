"""Stance (lexicon method): cue matching, negation, conditionals, dyads, evidence, evaluation."""
from __future__ import annotations

import pandas as pd
import pytest

from arnews import stance
from arnews.text import sentences_table, tokens_table


def _tables(text: str, aid: str = "a"):
    arts = pd.DataFrame({"article_id": [aid], "clean_text": [text]})
    sents = sentences_table(arts)
    return sents, tokens_table(sents)


def _mentions(text: str, spans: list[tuple[str, str, str]], sents: pd.DataFrame, aid: str = "a") -> pd.DataFrame:
    """Hand-made mentions table: (surface, actor_id, country), located by first occurrence."""
    rows, pos = [], 0
    for surface, actor, country in spans:
        i = text.index(surface, pos)
        pos = i + len(surface)
        sid = int(sents[(sents["start"] <= i) & (sents["end"] > i)]["sentence_id"].iloc[0])
        rows.append({"article_id": aid, "sentence_id": sid, "start": i, "end": i + len(surface), "surface": surface,
                     "actor_id": actor, "actor_type": "country" if actor == country else "person", "country": country})
    return pd.DataFrame(rows)


def _sentence(text: str):
    sents, toks = _tables(text)
    cues = stance.match_cues(toks)
    return stance.score_sentences(sents, cues), cues


# --- lexicon -----------------------------------------------------------------


def test_lexicon_has_categories_weights_and_multiword(tmp_path):
    lex = stance.load_lexicon()
    assert lex.cues["weight"].between(-1, 1).all()
    assert set(lex.cues["category"]) <= set(stance.COOPERATION_CATEGORIES + stance.CONFLICT_CATEGORIES)
    assert (lex.cues["words"].map(len) > 1).sum() >= 10
    bad = tmp_path / "bad.csv"
    bad.write_text("cue,category,weight\nتعاون,COOPERATE,1.5\n", encoding="utf-8")
    with pytest.raises(stance.LexiconError, match=r"bad.csv: row 2: weight 1.5 outside"):
        stance.load_lexicon(bad)
    bad.write_text("cue,category,weight\nتعاون,FRIENDSHIP,0.5\n", encoding="utf-8")
    with pytest.raises(stance.LexiconError, match="unknown category"):
        stance.load_lexicon(bad)
    bad.write_text("cue,category,weight\nغزو,ASSAULT,0.5\n", encoding="utf-8")
    with pytest.raises(stance.LexiconError, match="wrong sign"):
        stance.load_lexicon(bad)


@pytest.mark.parametrize(
    "token,form",
    [("وبالتعاون", "تعاون"), ("للتعاون", "تعاون"), ("يدعمان", "دعم"), ("ستدعم", "دعم"), ("شراكتنا", "شراكة"),
     ("يتفق", "اتفق"), ("شركائها", "شركاء"), ("التجارية", "تجاري"), ("سينسقون", "نسق")],
)
def test_clitic_aware_forms(token, form):
    assert form in stance.candidate_forms(token)


def test_names_are_not_cues():
    # بايدن must not become a cue by stripping ب; وزارة is not "visited"
    _, cues = _sentence("قالت وزارة الخارجية إن بايدن سافر.")
    assert cues.empty


# --- negation, conditionals, hedges -----------------------------------------------


def test_refused_to_condemn_is_not_condemnation():
    # real line of sample article 000
    ss, cues = _sentence("وبينما رفضت إدانة تصرفات روسيا ، صورت نفسها على أنها تدعو إلى السلام.")
    row = cues[cues["cue"] == "ادانة"].iloc[0]
    # negated by رفض; also inside the بينما (while) clause, which marks it as background
    assert row["effective"] == 0 and row["modifiers"] == "NEGATE:رفض;BACKGROUND:بينما"
    # the refusal itself is consumed as a negator, not counted as a REJECT cue
    assert "رفض" not in set(cues["cue"])
    assert ss["score"].iloc[0] == pytest.approx(0.15)  # only السلام (+0.15, a weak cue) remains


def test_did_not_ship_weapons_is_not_aid():
    ss, cues = _sentence("لم تشحن أسلحة إلى روسيا.")
    assert cues[["cue", "effective"]].values.tolist() == [["شحن اسلحة", 0.0]]
    assert ss["label"].iloc[0] == "neutral"
    ss2, _ = _sentence("شحنت أسلحة إلى روسيا.")
    assert ss2["label"].iloc[0] == "cooperation" and ss2["score"].iloc[0] == pytest.approx(0.6)


def test_negation_stops_at_clause_break_and_window():
    _, cues = _sentence("لم يحضر ، وأدان الهجوم.")  # comma: ادان is not negated
    assert cues.set_index("cue").loc["ادان", "effective"] == pytest.approx(-0.7)
    _, cues = _sentence("لم يقل المتحدث في ذلك اليوم أي شيء عن الإدانة.")  # 8 words away
    assert cues.set_index("cue").loc["ادانة", "effective"] == pytest.approx(-0.7)


def test_rejected_without_following_cue_is_reject():
    _, cues = _sentence("رفض الوزير الدعوة.")
    assert cues[["cue", "category", "effective"]].values.tolist() == [["رفض", "REJECT", -0.5]]


def test_conditional_halves_cues_but_not_threats():
    ss, cues = _sentence("ستعزز الصين التعاون مع روسيا إذا وافقت.")
    assert cues.set_index("cue").loc["تعاون", "effective"] == pytest.approx(0.3)
    assert "CONDITION:اذا" in cues.set_index("cue").loc["تعاون", "modifiers"]
    # وافقت (agreed, +0.4) is inside the condition too: halved
    assert cues.set_index("cue").loc["وافق", "effective"] == pytest.approx(0.2)
    assert ss["score"].iloc[0] == pytest.approx(0.5)
    # real sample line: the threat stays whole, the sanctions are conditional
    _, cues = _sentence("كما هدد ترامب بفرض عقوبات على روسيا إذا رفض بوتين التفاوض لإنهاء الحرب في أوكرانيا.")
    c = cues.set_index("cue")
    assert c.loc["هدد", "effective"] == pytest.approx(-0.7)
    assert c.loc["فرض عقوبات", "effective"] == pytest.approx(-0.35)


def test_hedge_weakens():
    _, cues = _sentence("ربما أرادت الصين طمأنة روسيا.")
    assert cues.set_index("cue").loc["طمانة", "effective"] == pytest.approx(0.4 * 0.7)


# --- sentence level and evidence -------------------------------------------------


def test_sentence_score_sum_clipped_with_evidence():
    ss, cues = _sentence("أكد الجانبان تعميق التعاون والشراكة ودعم بعضهما.")
    # تعميق التعاون 0.7 + شراكة 0.6 + دعم 0.6 = 1.9 -> clipped to 1
    assert sorted(cues["cue"]) == sorted(["تعميق التعاون", "شراكة", "دعم"])
    assert ss["score"].iloc[0] == 1.0 and ss["label"].iloc[0] == "cooperation"
    ev = ss["cues"].iloc[0]
    assert "تعميق التعاون [COOPERATE +0.70]" in ev and "والشراكة [COOPERATE +0.60]" in ev
    # evidence offsets point into the text
    sents, toks = _tables("أكد الجانبان تعميق التعاون.")
    c = stance.match_cues(toks).iloc[0]
    assert "أكد الجانبان تعميق التعاون."[c["start"]:c["end"]] == "تعميق التعاون"


def test_every_sentence_gets_a_row():
    sents, toks = _tables("اجتماع اليوم. غزو البلاد.")
    ss = stance.score_sentences(sents, stance.match_cues(toks))
    assert ss[["sentence_id", "label"]].values.tolist() == [[0, "neutral"], [1, "conflict"]]


def test_threshold():
    assert stance.label_from_score(0.25) == "cooperation"
    assert stance.label_from_score(-0.24) == "neutral"


# --- dyads ---------------------------------------------------------------------


def _dyads(text, spans, quotes=None):
    sents, toks = _tables(text)
    men = _mentions(text, spans, sents)
    cues = stance.match_cues(toks)
    return stance.find_dyads(cues, toks, men, quotes)


def test_directed_dyad_subject_before_and_target_after():
    # real sample line (000 sentence 0): China will support Russia
    text = "قال إن الصين ستدعم روسيا في القضايا الأمنية."
    d = _dyads(text, [("الصين", "CHN", "CHN"), ("روسيا", "RUS", "RUS")])
    assert d[["source_country", "target_country", "directed", "label"]].values.tolist() == [["CHN", "RUS", True, "cooperation"]]
    assert "ستدعم [SUPPORT +0.60]" == d["cues"].iloc[0]


def test_directed_dyad_vso_with_preposition_target():
    text = "أشاد بوتين بالتعاون المتزايد مع الصين."
    d = _dyads(text, [("بوتين", "PUTIN", "RUS"), ("الصين", "CHN", "CHN")])
    r = d.iloc[0]
    assert (r["source"], r["target"], r["source_country"], r["target_country"], r["directed"]) == ("PUTIN", "CHN", "RUS", "CHN", True)
    assert r["score"] == pytest.approx(1.0)  # اشاد 0.6 + تعاون 0.6, clipped


def test_sanctions_on_target_after_ala():
    text = "هدد ترامب بفرض عقوبات على روسيا."
    d = _dyads(text, [("ترامب", "TRUMP", "USA"), ("روسيا", "RUS", "RUS")])
    assert d[["source", "target_country", "label"]].values.tolist() == [["TRUMP", "RUS", "conflict"]]


def test_undirected_between_pair():
    text = "أصبحت الشراكة وثيقة بين بكين وموسكو."
    d = _dyads(text, [("بكين", "CHN", "CHN"), ("موسكو", "RUS", "RUS")])
    assert d[["source_country", "target_country", "directed"]].values.tolist() == [["CHN", "RUS", False]]


def test_undirected_adjective_pair():
    text = "تعهد الزعيمان برفع مستوى التعاون الصيني الروسي."
    d = _dyads(text, [("الصيني", "CHN", "CHN"), ("الروسي", "RUS", "RUS")])
    assert d[["source_country", "target_country", "directed", "label"]].values.tolist() == [["CHN", "RUS", False, "cooperation"]]


def test_dual_reference_resolves_to_top_countries():
    text = "التقى بوتين وشي في بكين. وتعهد البلدان بتعميق التعاون. وقالت روسيا إن الصين شريك."
    sents, toks = _tables(text)
    men = _mentions(text, [("بوتين", "PUTIN", "RUS"), ("شي", "XI", "CHN"), ("بكين", "CHN", "CHN"), ("روسيا", "RUS", "RUS"),
                           ("الصين", "CHN", "CHN")], sents)
    d = stance.find_dyads(stance.match_cues(toks), toks, men)
    s1 = d[d["sentence_id"] == 1]
    assert s1[["source", "target", "directed"]].values.tolist() == [["CHN", "RUS", False]]


def test_negated_cue_makes_no_dyad():
    text = "لم تشحن الصين أسلحة إلى روسيا."
    d = _dyads(text, [("الصين", "CHN", "CHN"), ("روسيا", "RUS", "RUS")])
    assert d.empty


def test_quote_speaker_is_source():
    text = "قال شي: “نؤكد دعمنا لروسيا”."
    sents, toks = _tables(text)
    men = _mentions(text, [("شي", "XI", "CHN"), ("روسيا", "RUS", "RUS")], sents)
    q0 = text.index("“")
    quotes = pd.DataFrame([{"article_id": "a", "sentence_id": 0, "start": q0, "end": text.index("”") + 1, "quote": "",
                            "speaker_text": "شي", "speaker_actor_id": "XI", "verb": "قال"}])
    d = stance.find_dyads(stance.match_cues(toks), toks, men, quotes)
    # the only mention before the cue (شي) is outside the quote, so the speaker is the source
    assert d[["source", "target", "method"]].values.tolist() == [["XI", "RUS", "quote"]]
    qs = stance.quote_stance(stance.match_cues(toks), quotes)
    assert qs["label"].iloc[0] == "cooperation" and "دعمنا" in qs["cues"].iloc[0]


def test_country_dyads_and_pair_headline():
    st = pd.DataFrame(
        [
            ("a", 0, "PUTIN", "XI", "RUS", "CHN", True, "cooperation", 0.6, "x", "directed"),
            ("a", 0, "CHN", "RUS", "CHN", "RUS", False, "cooperation", 0.2, "y", "pair"),
            ("a", 1, "CHN", "RUS", "CHN", "RUS", True, "conflict", -0.5, "z", "directed"),
            ("b", 0, "USA", "CHN", "USA", "CHN", True, "conflict", -0.7, "w", "directed"),
        ],
        columns=stance.STANCE_COLUMNS,
    )
    cd = stance.country_dyads(st)
    r = cd[(cd["article_id"] == "a") & (cd["sentence_id"] == 0)].iloc[0]
    assert (r["a"], r["b"], r["score"], r["directions"]) == ("CHN", "RUS", 0.8, "CHN~RUS|RUS>CHN")
    h = stance.pair_headline(st, articles=pd.DataFrame({"article_id": ["a", "b"], "date": ["2022-01-01", "2023-01-01"]}))
    ha = h.set_index("article_id")
    assert ha.loc["a", "score"] == pytest.approx((0.8 - 0.5) / 2)
    assert ha.loc["a", "n_sentences"] == 2 and ha.loc["a", "share_cooperation"] == 0.5
    assert pd.isna(ha.loc["b", "score"]) and ha.loc["b", "n_sentences"] == 0
    ps = stance.pair_stance(st)
    assert ps[(ps["article_id"] == "b")][["a", "b", "n_conflict"]].values.tolist() == [["CHN", "USA", 1]]


# --- gold, stage, evaluation ------------------------------------------------------


def test_parse_dyads_and_bad_gold(tmp_path):
    assert stance.parse_dyads("") == []
    with pytest.raises(ValueError, match="expected SRC>TGT"):
        stance.parse_dyads("CHN-RUS:cooperation")
    p = tmp_path / "g.csv"
    p.write_text("article_id,sentence_id,text,label\na,0,نص,friendly\n", encoding="utf-8")
    with pytest.raises(ValueError, match=r"g.csv: row 2: label 'friendly'"):
        stance.read_gold(p)


def test_gold_is_aligned_with_sentence_split(sample_annotations):
    gold = stance.read_gold()
    s = sample_annotations.sentences
    m = gold.merge(s, on=["article_id", "sentence_id"], suffixes=("", "_s"))
    assert len(m) == len(gold) == len(s)
    assert (m["text"] == m["text_s"]).all()


def test_stage_on_sample(sample_annotations):
    """The lexicon method on the sample (the pipeline's default method is the trained model)."""
    from arnews.stance.stage import lexicon_stance

    ann = sample_annotations
    out = lexicon_stance(dict(ann.tables))
    ss, st = out["sentence_stance"], out["stance"]
    assert len(ss) == len(ann.sentences)
    assert set(ss["label"]) <= set(stance.LABELS) and ss["score"].between(-1, 1).all()
    assert list(st.columns[:9]) == ["article_id", "sentence_id", "source", "target", "source_country", "target_country",
                                    "directed", "label", "score"]
    # 000 sentence 6: "رفضت إدانة" -> no condemnation among the evidence
    a0 = ann.articles["article_id"].iloc[0]
    row = ss[(ss["article_id"] == a0) & (ss["sentence_id"] == 6)].iloc[0]
    assert "NEGATE:رفض" in row["cues"] and row["label"] != "conflict"
    # Russia–China appears in every sample article
    h = stance.pair_headline(st, ann.sentences, ann.articles)
    assert h["n_sentences"].gt(0).all()


def test_stage_does_not_mutate_inputs():
    sents, toks = _tables("أكد الجانبان تعميق التعاون.")
    before = toks.copy()
    out = stance.annotate_stage({"sentences": sents, "tokens": toks})
    pd.testing.assert_frame_equal(toks, before)
    # the model reads the cue (its score leans to cooperation); with no state named it may call
    # the tone neutral (the round-7 model does: ncodes=0), the lexicon follows the cue
    row = out["sentence_stance"].iloc[0]
    assert out["stance"].empty and "COOPERATE" in row["cues"] and row["score"] > 0
    lex = stance.annotate_stage({"sentences": sents, "tokens": toks}, method="lexicon")
    pd.testing.assert_frame_equal(toks, before)
    assert lex["sentence_stance"]["label"].tolist() == ["cooperation"]


def test_evaluation_against_hand_counts(sample_annotations):
    r = stance.evaluate(ann=sample_annotations, cv_folds=5)
    cm = r["confusion"].to_numpy()
    assert cm.sum() == r["n_sentences"] == 117
    # accuracy from the confusion matrix diagonal equals the reported accuracy
    assert cm.trace() / cm.sum() == pytest.approx(r["sentence_accuracy"])
    dy = r["dyad_table"]
    assert r["dyads"]["n_gold"] == len(dy) == 100
    assert r["dyads"]["accuracy"] == pytest.approx(dy["correct"].sum() / 100)
    assert 0 <= r["sentence_macro_f1"] <= 1
    text = stance.evaluation_report.__doc__
    assert text


# --- topics, background, relation quality ------------------------------------------


def test_topic_of_talks_is_not_stance():
    # a conflict noun as the object of a communication verb is a topic
    ss, cues = _sentence("ناقش الزعيمان الحرب في أوكرانيا.")
    c = cues.set_index("cue")
    assert c.loc["حرب", "effective"] == pytest.approx(-0.5 * 0.2) and "TOPIC:ناقش" in c.loc["حرب", "modifiers"]
    assert ss["label"].iloc[0] == "neutral"
    # the same noun asserted is conflict
    ss, _ = _sentence("شنت روسيا الحرب على أوكرانيا.")
    assert ss["label"].iloc[0] == "conflict"
    # the topic scope ends at a clause break
    _, cues = _sentence("ناقش الزعيمان القضايا ، وأدانا الهجوم.")
    assert cues.set_index("cue").loc["ادان", "effective"] == pytest.approx(-0.7)


def test_background_phrase_is_weakened_main_clause_wins():
    ss, cues = _sentence("وقع البلدان اتفاقية تعاون رغم الخلافات بينهما.")
    c = cues.set_index("cue")
    assert c.loc["خلافات", "effective"] == pytest.approx(-0.25) and c.loc["خلافات", "modifiers"] == "BACKGROUND:رغم"
    assert ss["label"].iloc[0] == "cooperation"
    # background alone still decides when the main assertion has no stance (guideline rule 2)
    ss, _ = _sentence("هذه هي المكالمة الثانية منذ غزو روسيا لأوكرانيا.")
    assert ss["label"].iloc[0] == "conflict" and ss["score"].iloc[0] == pytest.approx(0.05 - 0.8 * 0.5)  # مكالمة + غزو
    # "بعد ذلك" (afterwards) and "من قبل" (by) are not background markers
    _, cues = _sentence("وبعد ذلك أدان الوزير الهجوم.")
    assert cues.set_index("cue").loc["ادان", "effective"] == pytest.approx(-0.7)
    _, cues = _sentence("تم انتقاد القرار من قبل الوزير.")
    assert cues.set_index("cue").loc["انتقاد", "modifiers"] == ""


def test_relation_quality_predicates():
    ss, cues = _sentence("العلاقات بين الصين وروسيا هي الأقوى.")
    r = cues.iloc[0]
    assert (r["cue"], r["category"], r["effective"], r["modifiers"]) == ("اقوي", "COOPERATE", 0.6, "RELATION:العلاقات")
    assert ss["label"].iloc[0] == "cooperation"
    ss, _ = _sentence("يشهد ربيع العلاقات بين البلدين ازدهارا.")
    assert ss["label"].iloc[0] == "cooperation"
    ss, cues = _sentence("ظلت العلاقات بين البلدين سيئة.")
    assert cues["category"].tolist() == ["DISAPPROVE"] and ss["label"].iloc[0] == "conflict"
    # a quality word with no relation noun nearby is not a cue
    _, cues = _sentence("يملك البلد الجيش الأقوى في المنطقة.")
    assert cues.empty
    # negation reaches quality predicates
    ss, _ = _sentence("العلاقات ليست جيدة.")
    assert ss["label"].iloc[0] == "neutral"


def test_multiword_cue_shields_its_negator_word():
    # بلا in "شراكة بلا حدود" is part of the cue, it does not negate the next cue (وعد)
    _, cues = _sentence("أعلنا شراكة بلا حدود ووعد بزيادة التجارة.")
    c = cues.set_index("cue")
    assert c.loc["بلا حدود", "effective"] == pytest.approx(0.4) and c.loc["وعد", "effective"] == pytest.approx(0.4)
    _, cues = _sentence("بلا دعم من أحد.")
    assert cues.set_index("cue").loc["دعم", "effective"] == 0


# --- groups, agents, article pair ------------------------------------------------------


def test_list_of_third_countries_is_not_a_pair_each_member_is_a_source():
    # real line of sample article 001 (sentence 12)
    text = ("بوتين من بين مجموعة صغيرة من زعماء العالم الذين حضروا الألعاب ، حيث أعلنت الحكومات الغربية ، بما في ذلك "
            "الولايات المتحدة وبريطانيا وأستراليا ، مقاطعتها الدبلوماسية لسجل الصين في مجال حقوق الإنسان.")
    d = _dyads(text, [("بوتين", "PUTIN", "RUS"), ("الغربية", "WEST", "WEST"), ("الولايات المتحدة", "USA", "USA"),
                      ("بريطانيا", "GBR", "GBR"), ("أستراليا", "AUS", "AUS"), ("الصين", "CHN", "CHN")])
    got = sorted(zip(d["source_country"], d["target_country"], d["directed"], d["label"]))
    assert got == [(c, "CHN", True, "conflict") for c in ["AUS", "GBR", "USA", "WEST"]]


def test_prepositional_group_is_a_target_not_a_mutual_pair():
    text = "رددت الصحف خطوط الكرملين التي تلقي باللوم على الولايات المتحدة وحلف شمال الأطلسي."
    d = _dyads(text, [("الكرملين", "KREMLIN", "RUS"), ("الولايات المتحدة", "USA", "USA"), ("حلف شمال الأطلسي", "NATO", "NATO")])
    assert sorted(zip(d["source_country"], d["target_country"], d["directed"])) == [("RUS", "NATO", True), ("RUS", "USA", True)]


def test_coordinated_subject_pair_with_target_gives_two_directed_dyads():
    text = "تعارض روسيا والصين توسع حلف شمال الأطلسي."
    d = _dyads(text, [("روسيا", "RUS", "RUS"), ("الصين", "CHN", "CHN"), ("حلف شمال الأطلسي", "NATO", "NATO")])
    assert sorted(zip(d["source_country"], d["target_country"], d["directed"])) == [("CHN", "NATO", True), ("RUS", "NATO", True)]
    # without a third party the coordinated pair is mutual
    d = _dyads("تتعاون روسيا والصين.", [("روسيا", "RUS", "RUS"), ("الصين", "CHN", "CHN")])
    assert d[["source_country", "target_country", "directed"]].values.tolist() == [["CHN", "RUS", False]]


def test_agent_right_after_a_nominal_cue():
    # real line of sample article 000 (sentence 13): the war is Russia's, on Ukraine, not China's
    text = "أدى افتقار الصين للرقابة على حرب روسيا في أوكرانيا."
    d = _dyads(text, [("الصين", "CHN", "CHN"), ("روسيا", "RUS", "RUS"), ("أوكرانيا", "UKR", "UKR")])
    assert d[["source_country", "target_country", "directed"]].values.tolist() == [["RUS", "UKR", True]]
    # a subject directly before the cue still wins over a mention after it
    d = _dyads("قال إن الصين ستدعم روسيا في القضايا الأمنية.", [("الصين", "CHN", "CHN"), ("روسيا", "RUS", "RUS")])
    assert d[["source_country", "target_country", "directed"]].values.tolist() == [["CHN", "RUS", True]]


def test_subject_continuity_across_coordinated_cues():
    # real line of sample article 000 (sentence 14): the Americans call for condemning Russia and
    # warn the Chinese; Russia, object of the first cue, is not the subject of the second
    text = "دعا المسؤولون الأمريكيون الدول مرارًا إلى إدانة تصرفات روسيا حذر نظرائهم الصينيين ضد مساعدة موسكو."
    d = _dyads(text, [("الأمريكيون", "USA", "USA"), ("روسيا", "RUS", "RUS"), ("الصينيين", "CHN", "CHN"), ("موسكو", "RUS", "RUS")])
    got = sorted(zip(d["source_country"], d["target_country"], d["directed"], d["label"]))
    assert got == [("USA", "CHN", True, "conflict"), ("USA", "RUS", True, "conflict")]
    # a second cue with a subject of its own (VSO, right after the verb) keeps it
    text = "انتقدت الولايات المتحدة روسيا بشدة، ودعمت الصين باكستان."
    d = _dyads(text, [("الولايات المتحدة", "USA", "USA"), ("روسيا", "RUS", "RUS"), ("الصين", "CHN", "CHN"), ("باكستان", "PAK", "PAK")])
    assert ("CHN", "PAK", True, "cooperation") in set(zip(d["source_country"], d["target_country"], d["directed"], d["label"]))


def test_comention_fallback_only_for_two_countries_and_stance():
    # the cue is too far from both parties for the cue rules, the sentence names exactly two countries
    filler = " ".join(["الكلمة"] * 12)
    text = f"روسيا {filler} تعاون {filler} الصين."
    d = _dyads(text, [("روسيا", "RUS", "RUS"), ("الصين", "CHN", "CHN")])
    assert d[["source_country", "target_country", "directed", "method", "label"]].values.tolist() == [
        ["CHN", "RUS", False, "comention", "cooperation"]]
    assert "تعاون [COOPERATE +0.60]" in d["cues"].iloc[0]
    # switched off, or with a third country, or with a cue too weak for a stance: nothing
    sents, toks = _tables(text)
    men = _mentions(text, [("روسيا", "RUS", "RUS"), ("الصين", "CHN", "CHN")], sents)
    assert stance.find_dyads(stance.match_cues(toks), toks, men, comention=False).empty
    text3 = f"روسيا {filler} تعاون {filler} الصين والهند."
    assert _dyads(text3, [("روسيا", "RUS", "RUS"), ("الصين", "CHN", "CHN"), ("الهند", "IND", "IND")]).query("method == 'comention'").empty
    weak = f"روسيا {filler} قمة {filler} الصين."
    assert _dyads(weak, [("روسيا", "RUS", "RUS"), ("الصين", "CHN", "CHN")]).empty


def test_background_cue_keeps_full_weight_in_its_dyad_but_not_in_the_sentence():
    # guideline: the main assertion decides the sentence; every relation named is still a dyad
    text = "وقعت الصين اتفاقية تعاون مع روسيا رغم العقوبات الأمريكية على روسيا."
    sents, toks = _tables(text)
    cues = stance.match_cues(toks)
    c = cues.set_index("cue")
    assert c.loc["عقوبات", "scope"] == pytest.approx(0.5) and c.loc["عقوبات", "effective"] == pytest.approx(-0.3)
    ss = stance.score_sentences(sents, cues)
    # main clause +1.0 (اتفاقية 0.4 + تعاون 0.6); the opposite-signed background cue is left out
    assert ss["label"].iloc[0] == "cooperation" and ss["score"].iloc[0] == pytest.approx(1.0)
    assert "عقوبات" in ss["cues"].iloc[0]  # still listed as evidence
    men = _mentions(text, [("الصين", "CHN", "CHN"), ("روسيا", "RUS", "RUS"), ("الأمريكية", "USA", "USA"), ("روسيا", "RUS", "RUS")], sents)
    d = stance.find_dyads(cues, toks, men).set_index(["source_country", "target_country"])
    assert d.loc[("USA", "RUS"), "score"] == pytest.approx(-0.6) and d.loc[("USA", "RUS"), "label"] == "conflict"
    assert d.loc[("CHN", "RUS"), "label"] == "cooperation"
    # a background cue alone still decides (its weakened weight reaches the threshold)
    ss, _ = _sentence("وجاء الاجتماع بعد غزو روسيا لأوكرانيا.")
    assert ss["label"].iloc[0] == "conflict"


def test_talking_about_cooperation_is_cooperation_a_war_is_a_topic():
    ss, cues = _sentence("سيناقش الزعيمان خطة لتطوير العلاقات الثنائية.")
    assert ss["label"].iloc[0] == "cooperation" and "TOPIC" not in cues.set_index("cue").loc["تطوير العلاقات", "modifiers"]
    ss, _ = _sentence("ناقش الزعيمان الحرب في أوكرانيا.")
    assert ss["label"].iloc[0] == "neutral"


def test_ending_or_easing_cancels_the_cue_it_governs_through_clitics():
    # "لإنهاء دعمها": the support is what is to end; "خفف من العقوبات": the sanctions are eased
    _, cues = _sentence("ضغط القادة على الصين لإنهاء دعمها لروسيا.")
    c = cues.set_index("cue")
    assert c.loc["دعم", "effective"] == 0 and c.loc["دعم", "modifiers"] == "END:انهاء"
    # ending presupposes the relation: it still makes a dyad at full weight (a true negator does not)
    assert c.loc["دعم", "dyad_weight"] == pytest.approx(0.6)
    text = "واصلت الصين التجارة مع روسيا، مما خفف من العقوبات الغربية على روسيا."
    sents, toks = _tables(text)
    cues = stance.match_cues(toks)
    assert cues.set_index("cue").loc["عقوبات", "effective"] == 0
    assert stance.score_sentences(sents, cues)["label"].iloc[0] == "cooperation"
    men = _mentions(text, [("الصين", "CHN", "CHN"), ("روسيا", "RUS", "RUS"), ("الغربية", "WEST", "WEST"), ("روسيا", "RUS", "RUS")], sents)
    d = stance.find_dyads(cues, toks, men).set_index(["source_country", "target_country"])
    assert d.loc[("WEST", "RUS"), "label"] == "conflict"
    _, cues = _sentence("لم تفرض الدول الغربية عقوبات على روسيا.")
    assert cues.set_index("cue").loc["عقوبات", "dyad_weight"] == 0
    # short negators still need the bare word: "لما" is not "لا"
    _, cues = _sentence("لما زاد التعاون.")
    assert cues.set_index("cue").loc["تعاون", "effective"] == pytest.approx(0.6)


def test_subject_right_before_a_partial_quote_and_the_speaker_as_fallback():
    text = "وقال إن شي وبوتين “أشارا إلى استعدادهما لبناء علاقات مع الولايات المتحدة”."
    sents, toks = _tables(text)
    men = _mentions(text, [("شي", "XI", "CHN"), ("بوتين", "PUTIN", "RUS"), ("الولايات المتحدة", "USA", "USA")], sents)
    q0 = text.index("“")
    quotes = pd.DataFrame([{"article_id": "a", "sentence_id": 0, "start": q0, "end": text.index("”") + 1, "quote": "",
                            "speaker_text": "أوشاكوف", "speaker_actor_id": "USHAKOV", "verb": "قال"}])
    d = stance.find_dyads(stance.match_cues(toks), toks, men, quotes)
    got = set(zip(d["source_country"], d["target_country"], d["directed"]))
    assert {("CHN", "USA", True), ("RUS", "USA", True)} <= got
    assert "USHAKOV" not in set(d["source"])
    # no subject in reach and the cue outside the quote: the sentence's speaker is the source
    text = "كما قال إنه يتفق “بشكل رائع” مع بوتين."
    sents, toks = _tables(text)
    men = _mentions(text, [("بوتين", "PUTIN", "RUS")], sents)
    q0 = text.index("“")
    quotes = pd.DataFrame([{"article_id": "a", "sentence_id": 0, "start": q0, "end": text.index("”") + 1, "quote": "",
                            "speaker_text": "ترامب", "speaker_actor_id": "TRUMP", "verb": "قال"}])
    d = stance.find_dyads(stance.match_cues(toks), toks, men, quotes)
    assert d[["source", "target", "method", "label"]].values.tolist() == [["TRUMP", "PUTIN", "speaker", "cooperation"]]
    # a nullable sentence_id with a missing value is skipped, not an error
    quotes["sentence_id"] = pd.array([pd.NA], dtype="Int32")
    assert stance.find_dyads(stance.match_cues(toks), toks, men, quotes).empty


def test_topic_and_ended_relations_take_no_source_from_the_sentence_subject():
    # the leaders discuss the war, they do not wage it; China calls for ending it, it is not a party
    d = _dyads("ناقش بوتين وشي الحرب في أوكرانيا.", [("بوتين", "PUTIN", "RUS"), ("شي", "XI", "CHN"), ("أوكرانيا", "UKR", "UKR")])
    assert not ({"RUS", "CHN"} & set(d.loc[d["target_country"] == "UKR", "source_country"]))
    d = _dyads("دعت الصين إلى إنهاء الحرب في أوكرانيا.", [("الصين", "CHN", "CHN"), ("أوكرانيا", "UKR", "UKR")])
    assert d.empty
    # the war's own agent, right after the noun, still makes the dyad
    d = _dyads("ناقش الزعيمان حرب روسيا على أوكرانيا.", [("روسيا", "RUS", "RUS"), ("أوكرانيا", "UKR", "UKR")])
    d = d[d["directed"]]
    assert d[["source_country", "target_country", "label"]].values.tolist() == [["RUS", "UKR", "conflict"]]


def test_end_verbs_through_their_inflections():
    for text in ("خففت الولايات المتحدة العقوبات على روسيا.", "يخفف الاتحاد الأوروبي العقوبات على روسيا.",
                 "أنهت الصين دعمها لروسيا.", "ستنهي الصين دعمها لروسيا."):
        ss, cues = _sentence(text)
        assert ss["label"].iloc[0] == "neutral", text
        assert cues["modifiers"].str.startswith("END:").any(), text


def test_comention_follows_the_sentence_score_not_the_dyad_weights():
    filler = " ".join(["الكلمة"] * 12)
    # neutral sentence (the war is what is to end): no co-mention dyad
    assert _dyads(f"روسيا {filler} دعت إلى إنهاء الحرب {filler} الصين.", [("روسيا", "RUS", "RUS"), ("الصين", "CHN", "CHN")]).empty
    # cooperation sentence with a background conflict cue: the co-mention dyad is cooperation
    d = _dyads(f"روسيا {filler} وقعت اتفاقية تعاون رغم العقوبات والحرب {filler} الصين.", [("روسيا", "RUS", "RUS"), ("الصين", "CHN", "CHN")])
    assert d[["method", "label"]].values.tolist() == [["comention", "cooperation"]]


def test_unattributed_cooperation_goes_to_the_article_pair():
    text = ("التقى بوتين وشي في بكين. وقالت روسيا إن الصين شريك. ووصف المتحدث بيسكوف القمة بأنها اجتماع دافئ. "
            "وأشاد شي بروسيا.")
    sents, toks = _tables(text)
    spans = [("بوتين", "PUTIN", "RUS"), ("شي", "XI", "CHN"), ("بكين", "CHN", "CHN"), ("روسيا", "RUS", "RUS"),
             ("الصين", "CHN", "CHN"), ("بيسكوف", "PESKOV", "RUS"), ("شي", "XI", "CHN"), ("بروسيا", "RUS", "RUS")]
    men = _mentions(text, spans, sents)
    d = stance.find_dyads(stance.match_cues(toks), toks, men)
    s2 = d[d["sentence_id"] == 2]
    assert s2[["source", "target", "directed", "method"]].values.tolist() == [["CHN", "RUS", False, "article"]]
    # an article where the pair is not salient (second country mentioned once) gets no such dyad
    men_few = men[men["sentence_id"] >= 2]
    d = stance.find_dyads(stance.match_cues(toks), toks, men_few)
    assert d[d["sentence_id"] == 2].empty


def test_evaluation_splits_dev_and_test(sample_annotations):
    r = stance.evaluate(ann=sample_annotations, cv_folds=5)
    sp = r["splits"]
    assert sp["dev"]["n_sentences"] == 35 + 15 + 19 + 29 and sp["test"]["n_sentences"] == 19
    assert sp["all"]["sentence_macro_f1"] == r["sentence_macro_f1"]
    dy = r["dyad_table"]
    for name in ("dev", "test"):
        part = dy[dy["split"] == name]
        assert sp[name]["dyads"]["n_gold"] == len(part)
        assert sp[name]["dyads"]["accuracy"] == pytest.approx(part["correct"].mean())
    assert sp["dev"]["dyads"]["n_gold"] + sp["test"]["dyads"]["n_gold"] == 100
    assert stance.gold_split(["000_a", "003_b", "004_c"]).tolist() == ["dev", "dev", "test"]
    dt = r["supervised"]["dev_to_test"]
    assert (dt["n_train"], dt["n_test"]) == (98, 19) and dt["confusion"].to_numpy().sum() == 19


def test_quote_lookup_by_offset_matches_a_scan_of_all_quotes():
    """The index that replaced the per-cue scan of the article's quotes finds the same quote."""
    import random

    from arnews.stance.dyads import _ArticleQuotes

    Q = __import__("collections").namedtuple("Q", "start end sentence_id")
    rnd = random.Random(1)
    starts = sorted(rnd.sample(range(0, 5000, 3), 60))
    quotes = [Q(s, s + rnd.randint(1, 40), i // 3) for i, s in enumerate(starts)]
    index = _ArticleQuotes(quotes)
    for pos in range(0, 5100, 7):
        scan = next((q for q in quotes if q.start <= pos < q.end), None)
        assert index.containing(pos) == scan
    assert [q.start for q in index.by_sentence[2]] == [q.start for q in quotes if q.sentence_id == 2]


def test_quote_stance_finds_the_cues_inside_each_quote(sample_annotations):
    """Cues found by span (no scan of every cue per quote) are those a plain filter finds."""
    ann = sample_annotations
    cues, quotes = ann.tables["stance_cues"], ann.quotes
    qs = stance.quote_stance(cues, quotes)
    for r, got in zip(quotes.itertuples(), qs["cues"]):
        g = cues[(cues["article_id"] == r.article_id) & (cues["start"] >= r.start) & (cues["end"] <= r.end)]
        assert got == ("; ".join(f"{t} [{c} {w:+.2f}{' ' + m if m else ''}]" for t, c, w, m in
                                 zip(g["text"], g["category"], g["effective"], g["modifiers"])))
    assert (qs["cues"] != "").sum() > 0

"""The states behind a group word become candidates of the pair model (arnews.stance.groups, round 23)."""
from __future__ import annotations

import csv

from arnews import stance_model
from arnews.actors.gazetteer import default_gazetteer
from arnews.resources import data_path
from arnews.stance.groups import group_mentions, named_groups, remember_states
from stance_fixtures import views_of as _views


def _groups(view) -> list[str]:
    return sorted(m.code for m in view.mentions if m.actor_type == "group")


def test_three_states_named_sentences_back_are_the_three():
    views = _views("اجتمع وزراء خارجية فرنسا وألمانيا وإيطاليا في روما.\nوناقش الاجتماع ملف الهجرة.\n"
                   "وتطرق البحث إلى الطاقة.\nواستدعت روسيا سفراء الدول الثلاث.")
    assert _groups(views[3]) == ["DEU", "FRA", "ITA"]
    pairs = {(a, b): ctx for a, b, ctx in stance_model.pair_contexts(views[3])}
    assert {("FRA", "RUS"), ("DEU", "RUS"), ("ITA", "RUS")} <= pairs.keys()
    assert pairs[("FRA", "RUS")].implicit == ""  # weighed as a named pair, with its own features
    assert pairs[("FRA", "RUS")].right_type == "group" or pairs[("FRA", "RUS")].left_type == "group"


def test_a_count_a_list_written_out_or_too_few_states_name_no_group():
    views = _views("خاضت الهند وباكستان ثلاث حروب منذ الاستقلال.\nوقال البلدان النوويان إن ثلاث حروب تكفي.")
    assert _groups(views[1]) == []  # ثلاث حروب counts wars
    views = _views("وقعت الصين وروسيا اتفاقا.\nوقالت الدول الثلاث إنها ستتعاون.")
    assert _groups(views[1]) == []  # only two states named before
    views = _views("رحبت فرنسا بالاتفاق.\nووقعت الدول الثلاث، مصر والأردن والعراق، على الاتفاق.")
    assert _groups(views[1]) == []  # the sentence names its three


def test_named_groups_come_from_the_editable_lexicon():
    views = _views("وقال المتحدث باسم الخارجية الإيرانية إن بلاده مستعدة للحوار مع الترويكا الأوروبية.")
    assert _groups(views[0]) == ["DEU", "FRA", "GBR"]
    codes = set(default_gazetteer()["country"])
    with open(data_path("lexicons/stance_groups.csv"), encoding="utf-8", newline="") as fh:
        rows = [r for r in csv.DictReader(fh) if not r["phrase"].startswith("#")]
    assert rows and all(set(r["members"].split("|")) <= codes for r in rows)
    assert len(named_groups()) == len(rows)


def test_group_members_leave_out_the_states_the_sentence_names_unless_needed():
    words = ["وقالت", "الدول", "الخمس", "في", "اكتاو", "الكازاخستانية"]
    # Kazakhstan is named here and was named before: it makes up the five
    got = group_mentions(words, {5: "KAZ"}, ["RUS", "KAZ", "AZE", "IRN", "TKM"])
    assert sorted(g.code for g in got) == ["AZE", "IRN", "RUS", "TKM"]
    got = group_mentions(["وطالبت", "موسكو", "الدول", "الثلاث"], {1: "RUS"}, ["ESP", "RUS", "IRL", "NOR"])
    assert [g.code for g in got] == ["ESP", "IRL", "NOR"]
    recent = ["FRA"]
    remember_states(["NATO", "DEU", "FRA"], recent, {"NATO"})
    assert recent == ["DEU", "FRA"]


def test_states_named_here_only_make_up_the_number():
    # four states named before; the sentence names two of them, so the three are the two it
    # does not name (both kept) and one it names (not a group member of its own sentence)
    words = ["وقالت", "ايطاليا", "واسبانيا", "ان", "الدول", "الثلاث", "اتفقت"]
    got = [g.code for g in group_mentions(words, {1: "ITA", 2: "ESP"}, ["FRA", "DEU", "ITA", "ESP"])]
    assert got == ["FRA", "DEU"]
    got = [g.code for g in group_mentions(words, {1: "ITA", 2: "ESP"}, ["DEU", "ITA", "ESP"])]
    assert got == ["DEU"]
    assert group_mentions(words, {1: "ITA", 2: "ESP"}, ["ITA", "ESP"]) == []  # too few to make up three


def test_the_two_koreas_are_a_pair_and_each_pairs_with_a_third():
    # round 51: "الكوريتين" named no state before, so "between the two Koreas" proposed no pair
    views = _views("تبادلت الكوريتان إطلاق القذائف قرب الحدود البحرية.\nوتحدث الوزير المنغولي عن علاقات بلاده بالكوريتين.")
    assert _groups(views[0]) == ["KOR", "PRK"]
    assert ("KOR", "PRK") in {(a, b) for a, b, _ in stance_model.pair_contexts(views[0])}
    assert {("KOR", "MNG"), ("MNG", "PRK")} <= {(a, b) for a, b, _ in stance_model.pair_contexts(views[1])}
    assert _groups(_views("زار الوزير كوريا الجنوبية.")[0]) == []

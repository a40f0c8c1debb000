"""Lemmas (arnews.morph): the real CAMeL Tools analyzer and MLE disambiguator on a tiny DB the
tests write, the offline rules on hard cases, the type cache, backend recording, evaluation."""
from __future__ import annotations

import socket
import subprocess
import sys
from pathlib import Path

import pandas as pd
import pytest

from arnews import morph
from arnews.morph import RuleLemmatizer, add_lemmas, camel_data_status, resolve_backend

sys.path.insert(0, str(Path(__file__).parent))
from camel_fixture import make_camel_data  # noqa: E402


def _no_network(*args, **kwargs):
    raise AssertionError("network access attempted")


@pytest.fixture
def camel_data(tmp_path, monkeypatch):
    """CAMELTOOLS_DATA -> a tmp folder with catalogue, tiny DB and MLE model; network blocked.

    camel_tools' data-backed modules are unloaded afterwards, so other tests (and the next
    use of this fixture, with its own CAMELTOOLS_DATA) start from a clean import."""
    before = set(sys.modules)
    root = make_camel_data(tmp_path / "camel")
    monkeypatch.setenv("CAMELTOOLS_DATA", str(root))
    monkeypatch.setattr(socket.socket, "connect", _no_network)
    from camel_tools.data.downloader import HTTPDownloader  # loads the catalogue we wrote

    monkeypatch.setattr(HTTPDownloader, "download", staticmethod(_no_network))
    yield root
    for name in set(sys.modules) - before:
        if name.startswith("camel_tools."):
            del sys.modules[name]


def _lemmas(backend, words, **kw):
    lem = morph.Lemmatizer(backend, **kw)
    out = add_lemmas(pd.DataFrame({"surface": words}), lemmatizer=lem)
    return {s: (l, p, b) for s, l, p, b in out[["surface", "lemma", "pos", "lemma_backend"]].itertuples(index=False)}


# --------------------------------------------------------------------------- CAMeL backends


def test_camel_analyzer_on_tiny_db(camel_data):
    r = _lemmas("camel-analyzer", ["دعم", "ستدعم", "والصين", "للكرملين", "العلاقات", "حديثه", "الروسية", "قالت", "وأكد", "فوجيان"])
    # دعم: noun (pos_lex_logprob -3.6) beats verb (-4.1) under the documented rule
    assert r["دعم"] == ("دعم", "noun", "camel-analyzer")
    # ست+دعم only combines with the imperfect verb stem
    assert r["ستدعم"] == ("دعم", "verb", "camel-analyzer")
    assert r["والصين"] == ("صين", "noun_prop", "camel-analyzer")      # lex صِين_1 stripped and dediacritized
    assert r["للكرملين"] == ("كرملين", "noun_prop", "camel-analyzer")
    assert r["العلاقات"] == ("علاقة", "noun", "camel-analyzer")
    assert r["حديثه"] == ("حديث", "noun", "camel-analyzer")
    assert r["الروسية"] == ("روسي", "adj", "camel-analyzer")
    assert r["قالت"] == ("قال", "verb", "camel-analyzer")
    assert r["وأكد"] == ("اكد", "verb", "camel-analyzer")            # أَكَّد normalized
    # unknown to the DB: the offline backend answers, and says so
    assert r["فوجيان"] == ("فوجيان", None, "rules")
    assert "camel_tools.morphology.analyzer" in sys.modules


def test_camel_mle_uses_the_model(camel_data):
    r = _lemmas("camel", ["دعم", "بالصين", "فوجيان"])
    assert r["دعم"] == ("دعم", "verb", "camel")   # the MLE model says verb; the analyzer rule said noun
    assert r["بالصين"] == ("صين", "noun_prop", "camel")
    assert r["فوجيان"][2] == "rules"


def test_auto_backend_follows_installed_data(tmp_path, monkeypatch):
    monkeypatch.setenv("CAMELTOOLS_DATA", str(make_camel_data(tmp_path / "full")))
    assert resolve_backend("auto") == "camel"
    monkeypatch.setenv("CAMELTOOLS_DATA", str(make_camel_data(tmp_path / "db", with_mle=False)))
    assert resolve_backend("auto") == "camel-analyzer"
    monkeypatch.setenv("CAMELTOOLS_DATA", str(make_camel_data(tmp_path / "none", with_mle=False, with_db=False)))
    assert resolve_backend("auto") == morph.OFFLINE_DEFAULT
    with pytest.raises(FileNotFoundError, match="morphology database"):
        morph.Lemmatizer("camel-analyzer")


def test_camel_data_status_reads_catalogue_only(tmp_path):
    assert camel_data_status(tmp_path)["catalogue"] is None
    (tmp_path / "catalogue.json").write_text("{not json", encoding="utf-8")
    assert camel_data_status(tmp_path)["morphology_db"] is None
    root = make_camel_data(tmp_path / "c", with_mle=False)
    st = camel_data_status(root)
    assert st["morphology_db"] == root / "data" / "morphology_db" / "calima-msa-r13" / "morphology.db"
    assert st["mle_model"] is None


def test_type_cache_analyzes_each_type_once(camel_data, monkeypatch):
    from camel_tools.morphology.analyzer import Analyzer

    seen: list[str] = []
    real = Analyzer.analyze

    def counting(self, word):
        seen.append(word)
        return real(self, word)

    monkeypatch.setattr(Analyzer, "analyze", counting)
    lem = morph.Lemmatizer("camel-analyzer")
    toks = pd.DataFrame({"surface": ["دعم", "دعم", "والصين", "والصين", "والصين", "قالت", "دعم"]})
    add_lemmas(toks, lemmatizer=lem)
    assert sorted(seen) == sorted(["دعم", "والصين", "قالت"])
    add_lemmas(toks, lemmatizer=lem)   # second pass: all from the cache
    assert len(seen) == 3 and lem.calls == 3


def test_camel_key_is_dediacritized_surface(camel_data):
    lem = morph.Lemmatizer("camel-analyzer")
    out = add_lemmas(pd.DataFrame({"surface": ["دَعْم", "دعم", "الصّين"]}), lemmatizer=lem)
    assert set(lem.cache) == {"دعم", "الصين"}
    assert out["lemma"].tolist() == ["دعم", "دعم", "صين"]


def test_pipeline_stage_records_backends(camel_data):
    from arnews.text import sentences_table, tokens_table

    arts = pd.DataFrame({"article_id": ["a"], "clean_text": ["قالت روسيا إن العلاقات مع الصين قوية."]})
    tables = {"articles": arts, "tokens": tokens_table(sentences_table(arts))}
    before = tables["tokens"].copy()
    out = morph.annotate_stage(tables)["tokens"]
    pd.testing.assert_frame_equal(tables["tokens"], before)   # input not mutated
    got = dict(zip(out["surface"], zip(out["lemma"], out["lemma_backend"])))
    assert got["قالت"] == ("قال", "camel")
    assert got["العلاقات"] == ("علاقة", "camel")
    assert got["قوية"][1] == "rules"          # not in the tiny DB
    assert got["."] == (".", "punct")
    assert out.loc[out["surface"] == ".", "pos"].item() == "punc"


def test_import_and_auto_without_data_never_touch_camel_data_modules(tmp_path):
    code = (
        "import sys, pandas as pd\n"
        "import arnews.morph as m\n"
        "out = m.add_lemmas(pd.DataFrame({'surface': ['وبوتين']}))\n"
        "print(out['lemma'][0], out['lemma_backend'][0], "
        "any(k.startswith(('camel_tools.data', 'camel_tools.morphology', 'camel_tools.disambig')) for k in sys.modules))\n"
    )
    env = {"CAMELTOOLS_DATA": str(tmp_path / "empty"), "PATH": "/usr/bin:/bin", "HOME": str(tmp_path)}
    res = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env, timeout=120)
    assert res.returncode == 0, res.stderr
    assert res.stdout.split() == ["بوتين", "rules", "False"]


# --------------------------------------------------------------------------- offline rules


@pytest.mark.parametrize(
    "word, lemma",
    [
        ("بوتين", "بوتين"), ("وبوتين", "بوتين"), ("لبوتين", "بوتين"), ("بوتن", "بوتن"),
        ("بالصين", "صين"), ("الصين", "صين"), ("والصين", "صين"), ("للصين", "صين"),
        ("لروسيا", "روسيا"), ("وروسيا", "روسيا"), ("للكرملين", "كرملين"),
        ("باتروشيف", "باتروشيف"), ("فوجيان", "فوجيان"),
        ("وشيك", "وشيك"),            # "imminent", not و + شيك
        ("امن", "امن"),              # "security", not the interrogative أ + من
        ("التزام", "التزام"),        # ال belongs to the stem (form VIII masdar)
        ("التزامهما", "التزام"),
        ("العلاقات", "علاقة"), ("المسؤولين", "مسؤول"), ("الزعيمان", "زعيم"), ("الصينية", "صيني"),
        ("يتحدث", "تحدث"), ("ستدعم", "دعم"), ("وتعتبر", "اعتبر"), ("قالت", "قال"),
        ("وفي", "في"), ("التي", "الذي"), ("هذه", "هذا"),
    ],
)
def test_rules_hard_cases(word, lemma):
    assert morph.lemmatize([word], backend="rules") == [lemma]


@pytest.mark.parametrize(
    "word, lemma",
    [("بوتين", "بوتين"), ("وبوتين", "بوتين"), ("باتروشيف", "باتروشيف"), ("بكين", "بكين"), ("بيان", "بيان"), ("كبار", "كبار")],
)
def test_rules_keep_names_without_gazetteer(word, lemma):
    """The frequency rule alone (no gazetteer) does not strip a letter off a name or a word."""
    assert RuleLemmatizer(protected=frozenset())(word) == lemma


def test_gazetteer_names_are_protected(tmp_path):
    csv = tmp_path / "actors.csv"
    csv.write_text(
        "actor_id,type,country,label_en,label_ar,variants\n"
        "XNAME,person,XXX,Wali Bin,والي بنت,والي بنت|والي\n"
        "XCTRY,country,XXX,Land,الولايات,الولايات\n",
        encoding="utf-8",
    )
    from arnews.morph import rules

    names = rules._gazetteer_names(str(csv), csv.stat().st_mtime)
    assert {"والي", "بنت", "الولايات"} <= names
    r = RuleLemmatizer(protected=names)
    assert r("والي") == "والي"          # not و + الي
    assert r("لوالي") == "والي"
    assert r("الولايات") == "ولايات"    # a protected name still loses the article


def test_rules_throughput_shape_and_errors():
    toks = pd.DataFrame({"surface": ["قال", "بوتين", "،", "وبوتين", "69"], "norm": ["قال", "بوتين", "،", "وبوتين", "69"],
                         "is_word": [True, True, False, True, True]})
    out = add_lemmas(toks, backend="rules")
    assert list(out.columns) == [*toks.columns, "lemma", "pos", "lemma_backend"]
    assert out["lemma"].tolist() == ["قال", "بوتين", "،", "بوتين", "69"]
    assert out["lemma_backend"].tolist() == ["rules", "rules", "punct", "rules", "rules"]
    assert out["pos"].tolist() == [None, None, "punc", None, None]
    assert "lemma" not in toks.columns
    empty = add_lemmas(toks.iloc[0:0], backend="rules")
    assert len(empty) == 0 and "lemma_backend" in empty.columns
    with pytest.raises(ValueError, match="'surface'"):
        add_lemmas(pd.DataFrame({"text": ["x"]}), backend="rules")
    with pytest.raises(ValueError, match="unknown lemma backend"):
        add_lemmas(toks, backend="farasa")


# --------------------------------------------------------------------------- evaluation


def test_bcubed_by_hand():
    from arnews.evaluation.lemmas import bcubed_f1

    # clusters by prediction: {1}, {2,3}; by gold: {1,2}, {3} -> precision = recall = 2/3
    assert bcubed_f1(["a", "a", "b"], ["x", "y", "y"]) == pytest.approx(2 / 3)
    assert bcubed_f1(["a", "a"], ["x", "x"]) == 1.0


def test_evaluate_on_small_gold():
    gold = pd.DataFrame({
        "article_id": ["x"] * 4, "token_id": ["0", "1", "2", "3"],
        "surface": ["وبوتين", "الصين", "قال", "الكتب"],
        "lemma": ["بوتين", "صين", "قال", "كتاب"],           # الكتب -> كتاب: a broken plural
        "pos": ["noun_prop", "noun_prop", "verb", "noun"],
    })
    ev = morph.evaluate(["identity", "rules"], gold=gold).set_index("backend")
    assert ev.loc["identity", "accuracy"] == pytest.approx(1 / 4)
    assert ev.loc["rules", "accuracy"] == pytest.approx(3 / 4)
    assert ev.loc["rules", "names"] == 1.0 and ev.loc["identity", "names"] == 0.0


def test_gold_file_matches_sample_tokens(sample_articles):
    from arnews.pipeline import annotate_chunk
    from arnews.text import normalize

    gold = morph.load_gold()
    assert len(gold) >= 300
    assert (gold["lemma"].map(normalize) == gold["lemma"]).all()   # the stated convention
    toks = annotate_chunk(sample_articles, ["clean", "text"])["tokens"]
    merged = gold.assign(token_id=gold["token_id"].astype(int)).merge(
        toks[["article_id", "token_id", "surface"]], on=["article_id", "token_id"], suffixes=("", "_tok"))
    assert len(merged) == len(gold)
    assert (merged["surface"] == merged["surface_tok"]).all()


def test_load_gold_errors(tmp_path):
    bad = tmp_path / "lemmas.csv"
    bad.write_text("article_id,token_id,surface,pos\na,0,قال,verb\n", encoding="utf-8")
    with pytest.raises(ValueError, match=r"lemmas.csv.*lemma"):
        morph.load_gold(bad)


def test_offline_default_is_best_candidate_and_report_lists_all():
    ev = morph.evaluate(list(morph.CANDIDATES))
    ok = ev[ev["error"].isna()]
    assert ok.loc[ok["accuracy"].idxmax(), "backend"] == morph.OFFLINE_DEFAULT
    rep = morph.evaluation_report()
    for b in morph.CANDIDATES:
        assert b in rep

"""The stance stage's fast paths give exactly what the straightforward code gives (issue 15's
speed work): the reference implementations below are the code before that work."""
from __future__ import annotations

import gc
from collections import defaultdict
from itertools import chain

import numpy as np
import pandas as pd
import pytest
from pandas.testing import assert_frame_equal

from arnews import stance_features as F
from arnews import stance_model
from arnews.corpus import load_corpus
from arnews.pipeline import annotate
from arnews.resources import data_path
from arnews.stance import columns as CO
from arnews.stance import cues as C
from arnews.stance.dyads import find_dyads
from arnews.stance.stage import annotate_stage, gc_paused, lexicon_stance
from arnews.stance_train import read_written

# Sentences chosen for what the features read: negation, condition, hedge, quotes and speakers,
# coordination, بين, dual references, anaphors, lists of states, a sentence with no state.
EXTRA = "\n".join([
    "لم تدن الصين الهجوم الروسي على أوكرانيا، بل دعت إلى الحوار بين موسكو وكييف.",
    "وقال وزير الخارجية الأمريكي إن واشنطن ستفرض عقوبات جديدة على إيران إذا لم توقف تخصيب اليورانيوم.",
    "ربما تعمق روسيا والصين تعاونهما العسكري، بحسب مسؤول في حلف الناتو.",
    "وأكد البلدان رغبتهما في تعزيز الشراكة الاستراتيجية، فيما انتقد الحلف المناورات المشتركة.",
    "اتفقت مصر والسعودية والإمارات على دعم الحكومة السودانية ضد المتمردين.",
    "«نحن نرفض أي تدخل أجنبي»، قال الرئيس الإيراني، في إشارة إلى الولايات المتحدة وإسرائيل.",
    "وصل الوفد إلى المدينة صباح اليوم.",
])


@pytest.fixture(scope="module")
def tables() -> dict[str, pd.DataFrame]:
    arts = load_corpus(data_path("articles"))[["article_id", "text"]]
    written = read_written().head(240)
    docs = [(str(a), "\n".join(g["text"].astype(str))) for a, g in written.groupby("article_id", sort=False)]
    arts = pd.concat([arts, pd.DataFrame(docs + [("extra", EXTRA)], columns=["article_id", "text"])], ignore_index=True)
    t = dict(annotate(arts, cache=False, workers=1).tables)
    t.update(lexicon_stance(t))
    return t


@pytest.fixture(scope="module")
def views(tables):
    return list(F.sentence_views(tables))


def _same(got: pd.DataFrame, want: pd.DataFrame) -> None:
    assert_frame_equal(got, want, check_exact=True)
    for c in want.columns:
        if want[c].dtype.kind == "f":  # to the last bit
            assert (got[c].to_numpy().view("u8") == want[c].to_numpy().view("u8")).all(), c


# References: the code before the speed work
# ---------------------------------------------------------------------------


def _ref_sentences(tokens):
    norm = tokens["norm"].tolist()
    is_word = tokens["is_word"].tolist()
    lemma = tokens["lemma"].tolist() if "lemma" in tokens.columns else [None] * len(tokens)
    surface = tokens["surface"].tolist()
    tag = tokens["pos"].tolist() if "pos" in tokens.columns else [None] * len(tokens)
    cols = zip(tokens["article_id"].tolist(), tokens["sentence_id"].tolist(), tokens["token_id"].tolist(),
               tokens["start"].tolist(), norm, is_word, tokens["end"].tolist(), surface, lemma, tag)
    cur_key, buf = None, []
    for aid, sid, tid, start, nm, isw, end, surf, lem, tg in cols:
        key = (aid, sid)
        if key != cur_key and buf:
            yield cur_key, buf
            buf = []
        cur_key = key
        buf.append(C.Word(tid, start, nm, bool(isw), end, surf, lem, tg))
    if buf:
        yield cur_key, buf


def _ref_matrix(layer, feats):
    from scipy.sparse import csr_matrix

    index = pd.Index(np.array(sorted(layer.vocabulary, key=layer.vocabulary.get), dtype=object), dtype=object)
    lengths = np.fromiter((len(f) for f in feats), dtype=np.int64, count=len(feats))
    names = list(chain.from_iterable(feats))
    values = np.fromiter(chain.from_iterable(f.values() for f in feats), dtype=float, count=len(names))
    cols = index.get_indexer(np.array(names, dtype=object))
    rows = np.repeat(np.arange(len(feats)), lengths)
    keep = cols >= 0
    return csr_matrix((values[keep], (rows[keep], cols[keep])), shape=(len(feats), len(layer.vocabulary)))


def _ref_rerank(model, keys, owner, z, kinds):
    """The second stage read plainly: every pair against every other pair of its sentence."""
    e = np.exp(z - z.max(axis=1, keepdims=True))
    raw = e / e.sum(axis=1, keepdims=True)
    order = [model.pairs.classes.index(c) for c in ("none", "cooperation", "conflict", "neutral")]
    feats = []
    for i, key in enumerate(keys):
        same = [j for j in range(len(keys)) if owner[j] == owner[i]]
        rel = {j: 1 - raw[j, order[0]] for j in same}
        gaps = []
        for code in key[2:]:
            others = [rel[j] for j in same if j != i and code in keys[j][2:]]
            gaps.append(rel[i] - max(others) if others else 1.0)
        rank = 1 + sum(1 for j in same if rel[j] > rel[i] or (rel[j] == rel[i] and j < i))
        kind = kinds[i].rstrip("0123456789") or "named"
        lp = [float(np.log(max(raw[i, k], 1e-6))) for k in order]
        f = {f"lp:{c}": x for c, x in zip(("none", "cooperation", "conflict", "neutral"), lp)}
        f.update({"bias": 1.0, "gap": rel[i] - max(rel.values()), f"rank={min(rank, 3)}": 1.0,
                  f"best={('neither', 'one', 'both')[sum(g >= 0 for g in gaps)]}": 1.0,
                  "gap_hi": min(max(gaps), 1.0), "gap_lo": min(min(gaps), 1.0), "lncands": float(np.log(len(same))),
                  f"kind:{kind}": 1.0, f"lp_none:{kind}": lp[0]})
        feats.append(f)
    p = model.rerank.predict_proba(feats)
    return p[:, [model.rerank.classes.index(c) for c in model.pairs.classes]]


def _ref_predict_views(model, views):
    keys, feats, owner, sent_feats, sent_of, kinds = [], [], [], [], {}, []
    for i, v in enumerate(views):
        ctxs = list(F.pair_contexts(v))
        if not ctxs:
            continue
        sent_of[i] = len(sent_feats)
        sent_feats.append(F.sentence_word_features(v, bigrams=model.pair_bigrams))
        for a, b, c in ctxs:
            keys.append((v.article_id, v.sentence_id, a, b))
            feats.append(F.pair_features(c))
            owner.append(i)
            kinds.append(c.implicit)
    layer = model.pairs
    z = layer.logits(feats) if feats else np.zeros((0, len(layer.classes)))
    if feats:
        z += layer.logits(sent_feats)[[sent_of[i] for i in owner]] - layer.intercept
    for r, (i, how) in enumerate(zip(owner, kinds)):
        if model.implicit_words and how:  # round 47: the implicit pairs' own word features
            z[r] += layer.logits([F.implicit_word_features(views[i])])[0] - layer.intercept
    probs = layer.softmax(z)
    final = _ref_rerank(model, keys, owner, z, kinds) if model.rerank is not None and feats else probs
    per_view = defaultdict(list)
    pair_rows = []
    for (aid, sid, a, b), fd, p, q, i in zip(keys, feats, probs, final, owner):
        pd_ = dict(zip(layer.classes, p))
        per_view[i].append(pd_)
        fq = dict(zip(layer.classes, q))  # the second stage's, when the model has one
        bias = {"none": model.none_bias, "cooperation": model.cooperation_bias}
        label = max(fq, key=lambda k: np.log(max(fq[k], 1e-300)) + bias.get(k, 0.0))
        pair_rows.append({
            "article_id": aid, "sentence_id": sid, "a": a, "b": b, "label": label,
            "probability": round(float(fq[label]), 4), **{f"p_{k}": round(float(fq[k]), 4) for k in F.PAIR_LABELS},
            "evidence": "; ".join(layer.explain(fd, label)) if label != "none" else "",
            "cues": "; ".join(sorted({c.cue for c in views[i].cues})),
        })
    tbase = [F.tone_evidence_features(v, per_view.get(i, [])) for i, v in enumerate(views)]
    tchars = [F.char_features(v) for v in views]
    tz = model.tone.logits(tbase) + model.tone.logits(tchars) - model.tone.intercept if views else np.zeros((0, 3))
    tprobs = model.tone.softmax(tz)
    tone_rows = []
    for v, tf, p in zip(views, tbase, tprobs):
        tp = dict(zip(model.tone.classes, p))
        tl = max(tp, key=tp.get)
        tone_rows.append({"article_id": v.article_id, "sentence_id": v.sentence_id, "label": tl,
                          "probability": round(float(tp[tl]), 4),
                          "score": round(float(tp.get("cooperation", 0) - tp.get("conflict", 0)), 4),
                          "evidence": "; ".join(model.tone.explain(tf, tl))})
    return (pd.DataFrame(pair_rows, columns=stance_model.PAIR_COLUMNS),
            pd.DataFrame(tone_rows, columns=stance_model.TONE_COLUMNS))


def _ref_article_pairs(mentions):
    m = mentions[mentions["country"].astype(str).str.len() > 0]
    out = {}
    for aid, vc in m.groupby("article_id", sort=False)["country"].value_counts(sort=True).groupby(level=0, sort=False):
        codes = [c for _, c in vc.index[:2]]
        if len(codes) == 2:
            out[aid] = tuple(sorted(codes))
    return out


# Tests
# ---------------------------------------------------------------------------


def test_tokens_are_read_in_the_same_runs_and_words(tables):
    tokens = tables["tokens"]
    got = list(C._sentences(tokens))
    want = list(_ref_sentences(tokens))
    assert [k for k, _ in got] == [k for k, _ in want]
    assert all(g == w and all(type(x) is C.Word for x in g) for (_, g), (_, w) in zip(got, want))
    read = C.TokenSentences(tokens)
    assert read.usable() and len(read.by_key) == len(want)
    assert all(r[2:] == C.sentence_words(w) for r, (_, w) in zip(read.runs, want))


def test_shared_token_read_gives_the_same_cues_dyads_and_views(tables):
    tokens, read = tables["tokens"], C.TokenSentences(tables["tokens"])
    cues = C.match_cues(tokens)
    _same(C.match_cues(tokens, sentences=read), cues)
    args = (cues, tokens, tables["mentions"], tables.get("quotes"))
    _same(find_dyads(*args, sentences=read), find_dyads(*args))
    assert list(F.sentence_views(tables, sentences=read)) == list(F.sentence_views(tables))


def test_sentences_split_in_several_runs_fall_back_to_the_table(tables):
    tokens = tables["tokens"]
    first = tokens[tokens["article_id"] == tokens["article_id"].iloc[0]]
    keys = first[["article_id", "sentence_id"]].drop_duplicates().head(2)
    a = first.merge(keys.head(1), on=["article_id", "sentence_id"])
    b = first.merge(keys.tail(1), on=["article_id", "sentence_id"])
    mixed = pd.concat([a.head(3), b, a.iloc[3:]], ignore_index=True)  # sentence 1 in two runs
    read = C.TokenSentences(mixed)
    assert read.by_key is None and not read.usable()
    cues = C.match_cues(mixed, sentences=read)
    _same(cues, C.match_cues(mixed))
    mt = {**tables, "tokens": mixed}
    assert list(F.sentence_views(mt, sentences=read)) == list(F.sentence_views(mt))


def _word_positions(tok: list[tuple]) -> tuple[list[str], dict[int, int], bool]:
    """The code before the one-pass read (sentence_views per sentence): the sentence's words,
    token id -> word position, and whether the first word is a verb."""
    words, pos, first_verb = [], {}, False
    for tid, norm, is_word, tag in tok:
        if is_word:
            if not words:
                first_verb = tag == "verb"
            pos[tid] = len(words)
            words.append(norm)
    return words, pos, first_verb


def test_sentence_words_in_one_pass_match_word_positions(tables):
    recs = F._records(tables["tokens"], ["token_id", "norm", "is_word", "pos"])
    got = F._sentence_words(tables["tokens"])
    assert list(got) == list(recs)
    assert all(list(_word_positions(recs[k])) == v[:3] for k, v in got.items())
    for k, v in got.items():  # the fourth item: positions of the words a punctuation break precedes
        words, n, want = v[0], 0, set()
        for _, norm, is_word, _ in recs[k]:
            if is_word:
                n += 1
            elif norm in C.BREAKS:
                want.add(n)
        assert v[3] == want


def test_article_pairs_as_before(tables):
    m = tables["mentions"]
    assert F._article_pairs(m) == _ref_article_pairs(m)
    tied = pd.DataFrame({"article_id": list("aaaabbbb"), "country": ["RUS", "CHN", "USA", "CHN", "IRN", "", "ISR", "USA"]})
    assert F._article_pairs(tied) == _ref_article_pairs(tied)


def test_vocabulary_look_up_builds_the_same_matrix(views):
    model = stance_model.default_model()
    feats = [F.pair_features(c) for v in views for _, _, c in F.pair_contexts(v)]
    feats.append({"no such feature": 1.0})
    got, want = model.pairs.matrix(feats), _ref_matrix(model.pairs, feats)
    for attr in ("indptr", "indices", "data"):
        assert np.array_equal(getattr(got, attr), getattr(want, attr))
    tone = [F.tone_evidence_features(v, []) for v in views]
    assert (model.tone.matrix(tone) != _ref_matrix(model.tone, tone)).nnz == 0


def _rows(entries, n):
    out = [set() for _ in range(n)]
    for r, c, v in zip(*(x.tolist() for x in entries)):
        out[r].add((c, v))
    return out


class _RefMatcher(C._SentenceMatcher):
    def _cues(self):  # the loop before the ranked index: every entry of every first form, best rank kept
        found, after = [], 0
        for i, x in enumerate(self.info):
            if not x.cue_firsts or i < after:
                continue
            hit = None
            for first in x.cue_firsts:
                for ws, pos in self.lex.index.get(first, ()):
                    rank = (len(ws), sum(map(len, ws)), -pos)
                    if (hit is None or rank > hit[2]) and C._match_seq(self.forms, i, ws):
                        hit = (ws, pos, rank)
            if hit:
                found.append(C.CueHit(i, i + len(hit[0]) - 1, self.ix["rows"][hit[1]]))
                after = i + len(hit[0])
        return found


def test_ranked_cue_index_finds_the_same_cues(tables):
    from arnews.stance.lexicon import default_lexicon

    lex = default_lexicon()
    new, ref = C._SentenceMatcher(lex, 4), _RefMatcher(lex, 4)
    n = 0
    for key, toks, words, breaks in C.TokenSentences(tables["tokens"]).runs:
        got = new.match(key, toks, (words, breaks))
        assert got == ref.match(key, toks, (words, breaks))
        n += len(got)
    assert n > 100
    # entries sharing a first word, one longer, one earlier in the lexicon: the ranks decide
    tok = [C.Word(i, 10 * i, w, True, 10 * i + 5, w, None, None) for i, w in enumerate(["فرض", "عقوبات", "على", "روسيا"])]
    assert new.match(("x", 0), tok) == ref.match(("x", 0), tok) != []


@pytest.mark.parametrize("limit", [300_000, 5])
def test_pair_columns_equal_the_dict_features(views, monkeypatch, limit):
    """columns.pair_entries (features straight to columns) == entries of pair_features:
    on a vocabulary of every name the dicts hold (nothing dropped, so every feature must
    match, value included), and on the shipped model's (unknown names dropped)."""
    import arnews.resources

    monkeypatch.setattr(arnews.resources, "TYPE_CACHE_LIMIT", limit)
    ctxs = [c for v in views for _, _, c in F.pair_contexts(v)]
    ctxs.append(F.PairContext(words=["أ", "ب", "ج"], left=0, right=2, left_end=None, right_surface="وب"))
    ctxs.append(F.PairContext(words=["أ"], left=-1, right=-1, implicit="lexicon", lexicon_dyad="conflict",
                              extra={"ctx:earlier_subject": 1.0}, speaker_in_pair=True, cues=ctxs[0].cues))
    assert any(c.implicit and c.left >= 0 for c in ctxs) and any(c.cues for c in ctxs)
    feats = [F.pair_features(c) for c in ctxs]
    names = sorted(set(chain.from_iterable(feats)))
    full = stance_model.LinearLayer(["x", "y"], {n: i for i, n in enumerate(names)}, np.zeros((2, len(names))),
                                    np.zeros(2))
    shipped = stance_model.load_model().pairs  # a fresh layer: empty column caches
    for layer in (full, shipped, shipped):  # the second time from warm caches
        got, want = CO.pair_entries(layer, ctxs), layer.entries(feats)
        assert _rows(got, len(ctxs)) == _rows(want, len(ctxs))
        a, b = layer.matrix(ctxs, got), layer.matrix(feats, want)
        for attr in ("indptr", "indices", "data"):
            assert np.array_equal(getattr(a, attr), getattr(b, attr))


@pytest.mark.parametrize("limit", [300_000, 5])
def test_sentence_and_tone_columns_equal_the_dict_features(views, monkeypatch, limit):
    """columns.word_matrix == the matrix of sentence_word_features (with and without bigrams,
    both weights), and columns.tone_entries == entries of tone_evidence_features, values
    included (pair summaries with probabilities, lexicon scores), on a full vocabulary and the
    shipped one; empty views and no views at all included."""
    import arnews.resources

    monkeypatch.setattr(arnews.resources, "TYPE_CACHE_LIMIT", limit)
    rng = np.random.default_rng(0)
    probs = [[dict(zip(F.PAIR_LABELS, rng.dirichlet(np.ones(4)))) for _ in range(k % 3)] for k in range(len(views))]
    summaries = [F.pair_summary(p) for p in probs]
    assert any(v.lexicon_score for v in views) and any(v.cues for v in views)
    tfeats = [F.tone_evidence_features(v, p) for v, p in zip(views, probs)]
    names = sorted(set(chain.from_iterable(tfeats)))
    full = stance_model.LinearLayer(["x", "y"], {n: i for i, n in enumerate(names)}, np.zeros((2, len(names))),
                                    np.zeros(2))
    fresh = stance_model.load_model()  # fresh layers: empty column caches
    empty = F.SentenceView("e", 0, [])
    for layer in (full, fresh.tone, fresh.tone, fresh.pairs):
        for vs in (views, [empty, *views[:3], empty, empty, *views[3:6], empty], [empty], []):
            types = CO.word_types(vs)
            for bigrams, weight in ((True, 1.0), (False, 0.5), (True, 0.5)):
                got = CO.word_matrix(layer, types, bigrams, weight)
                want = layer.matrix([F.sentence_word_features(v, weight=weight, bigrams=bigrams) for v in vs])
                assert got.shape == want.shape
                for attr in ("indptr", "indices", "data"):
                    assert np.array_equal(getattr(got, attr), getattr(want, attr))
        got = CO.tone_entries(layer, views, CO.word_matrix(layer, CO.word_types(views)), summaries)
        assert _rows(got, len(views)) == _rows(layer.entries(tfeats), len(views))


@pytest.mark.parametrize("limit", [300_000, 5])
def test_implicit_word_columns_equal_the_dict_features(views, monkeypatch, limit):
    """columns.word_matrix(prefix="is:") == the matrix of implicit_word_features, on a layer
    whose vocabulary holds them and next to the sentence words' own columns (separate caches)."""
    import arnews.resources

    monkeypatch.setattr(arnews.resources, "TYPE_CACHE_LIMIT", limit)
    names = sorted(set(chain.from_iterable(F.implicit_word_features(v) for v in views))
                   | set(chain.from_iterable(F.sentence_word_features(v) for v in views[:5])))
    assert any(n.startswith("is:") for n in names) and any(n.startswith("s:") for n in names)
    layer = stance_model.LinearLayer(["x", "y"], {n: i for i, n in enumerate(names)}, np.zeros((2, len(names))),
                                     np.zeros(2))
    empty = F.SentenceView("e", 0, [])
    for vs in (views, [empty, *views[:3], empty], []):
        types = CO.word_types(vs)
        for prefix, feats in (("is:", F.implicit_word_features), ("s:", F.sentence_word_features)):
            got = CO.word_matrix(layer, types, prefix == "s:", 0.5, prefix=prefix)
            want = layer.matrix([feats(v, weight=0.5) for v in vs])
            assert got.shape == want.shape
            for attr in ("indptr", "indices", "data"):
                assert np.array_equal(getattr(got, attr), getattr(want, attr))


@pytest.mark.parametrize("limit", [300_000, 5])
def test_character_scores_equal_the_dict_features_to_the_bit(views, monkeypatch, limit):
    import arnews.resources

    monkeypatch.setattr(arnews.resources, "TYPE_CACHE_LIMIT", limit)
    tone = stance_model.load_model().tone  # a fresh layer: empty column cache
    empty = F.SentenceView("e", 0, [])
    for vs in (views, [empty, *views[:4], empty], [empty]):
        got = tone.char_logits(vs)
        want = tone.logits([F.char_features(v) for v in vs])
        assert got.shape == want.shape and (got.view("u8") == want.view("u8")).all()


def test_evidence_of_all_rows_equals_explain_with_ties():
    layer = stance_model.LinearLayer(["x", "y"], {"bias": 0, "b": 1, "a": 2, "c": 3, "d": 4},
                                     np.array([[5.0, 1.0, 1.0, 1.0, -2.0], [0.0, 0.5, 0.5, 0.0, 3.0]]), np.zeros(2))
    feats = [{"bias": 1.0, "a": 1.0, "b": 1.0, "c": 1.0, "d": 1.0}, {"a": 2.0, "b": 1.0, "zz": 4.0},
             {"d": -1.0, "c": 0.0}, {}, {"b": 1.0, "d": 1.0}]
    labels = np.array([0, 0, 0, 1, -1])
    got = layer.explain_entries(layer.entries(feats), len(feats), labels)
    want = ["; ".join(layer.explain(f, layer.classes[k])) if k >= 0 else "" for f, k in zip(feats, labels)]
    assert got == want and got[:3] == ["c; b; a", "a; b", "d"]  # equal weights: the name last in order first


def test_predictions_equal_the_straightforward_code(views):
    model = stance_model.default_model()
    for vs in (views, [v for v in views if not v.mentions][:5], []):
        got, want = model.predict_views(vs), _ref_predict_views(model, vs)
        _same(got[0], want[0])
        _same(got[1], want[1])


def test_stage_pauses_the_collector_and_restores_it(tables):
    assert gc.isenabled()
    with gc_paused():
        assert not gc.isenabled()
    assert gc.isenabled()
    gc.disable()
    try:
        with gc_paused():
            pass
        assert not gc.isenabled()
    finally:
        gc.enable()
    with pytest.raises(ValueError):
        annotate_stage(tables, method="oracle")
    assert gc.isenabled()

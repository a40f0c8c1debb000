"""Stance dyads: who is portrayed as cooperating with or opposing whom, per sentence (the rules
are described in :func:`find_dyads`), and country-level dyads.
"""
from __future__ import annotations

from bisect import bisect_left, bisect_right
from dataclasses import dataclass

import numpy as np
import pandas as pd

from ..text import normalize
from ..wordforms import conjunction_forms, is_nisba
from .cues import sentence_words
from .lexicon import DEFAULT_THRESHOLD, Lexicon, default_lexicon, require_columns
from .sentences import cue_evidence, label_from_score, main_assertion

__all__ = ["find_dyads", "country_dyads", "STANCE_COLUMNS"]


_TARGET_PREPS = frozenset({"علي", "مع", "ضد", "الي", "تجاه", "حيال", "عن", "من", "نحو", "لدي"})
_TARGET_CLITICS = ("ل", "لل", "ب", "ول", "وب", "فل")
STANCE_COLUMNS = [
    "article_id", "sentence_id", "source", "target", "source_country", "target_country",
    "directed", "label", "score", "cues", "method",
]


@dataclass
class _Mention:
    a: int  # first word position
    b: int  # last word position
    actor: str
    country: str
    prep: bool  # introduced by a target preposition or clitic
    start: int
    adj: bool = False  # a relational (nisba) adjective: الصينية، الروسي، الأمريكيون
    conj: bool = False  # written with the conjunction و (والصين)


_NISBA_ENDINGS = ("ي", "ية", "يين", "يون", "يان", "يتين", "يتان")


def _is_nisba(w: str) -> bool:
    """Whether a normalized word is a definite relational adjective (الصينية، والروسي، الأمريكيين),
    not a name (روسيا، الصين)."""
    w = w[1:] if w[:1] in ("و", "ف") and w[1:3] == "ال" else w
    return w.startswith("ال") and w.endswith(_NISBA_ENDINGS) and len(w) > 4


def _sentence_mentions(men: list[tuple], words: list) -> list[_Mention]:
    """Place mentions ``(start, end, actor_id, country)`` on word positions; tag those introduced
    by a target preposition."""
    starts = [w[1] for w in words]
    ends = [w[4] for w in words]
    out = []
    for m_start, m_end, actor, country in men:
        if not isinstance(country, str) or not country:
            continue
        a = bisect_right(ends, m_start)
        if a >= len(words):
            continue
        b = max(a, bisect_left(starts, m_end) - 1)
        tok = words[a]
        prefix = normalize(tok[5][: max(0, m_start - tok[1])]) if m_start > tok[1] else ""
        prep = (a > 0 and words[a - 1][2] in _TARGET_PREPS and not (a > 1 and words[a - 1][2] == "من"
                                                                 and words[a - 2][2] in ("كل", "وكل")))  # كل من: "both"
        prep = prep or (bool(prefix) and prefix.lstrip("و") in ("ل", "لل", "ب"))
        out.append(_Mention(a, b, str(actor), country, prep, int(m_start), a == b and _is_nisba(tok[2]),
                            prefix.startswith("و")))
    out.sort(key=lambda x: (x.a, x.b))
    return out


_LIST_CONNECTORS = frozenset({("و",), ("او",), ("بما", "في", "ذلك"), ("مثل",), ("منها",), ("ولا", "سيما"), ("لاسيما",),
                              ("خاصة",), ("وخاصة",), ("ومنها",)})


def _coordinated_groups(ms: list[_Mention], words: list) -> list[list[_Mention]]:
    """Coordinated mentions: runs of mentions separated only by punctuation or list words
    (و، بما في ذلك، مثل، ولا سيما …): "روسيا والصين", "الصينية الروسية", "الحكومات الغربية، بما
    في ذلك الولايات المتحدة وبريطانيا وأستراليا". Only groups naming two or more countries are kept."""
    groups, cur = [], []
    for m in ms:
        between = tuple(words[k][2] for k in range(cur[-1].b + 1, m.a)) if cur and m.a > cur[-1].b else None
        # juxtaposed without a connector only as adjectives ("الصينية الروسية"); two juxtaposed
        # names are subject and object ("انتقدت الولايات المتحدة روسيا")
        if between in _LIST_CONNECTORS or between == () and (m.conj or m.adj and cur[-1].adj):
            cur.append(m)
        else:
            if cur:
                groups.append(cur)
            cur = [m]
    if cur:
        groups.append(cur)
    return [g for g in groups if len({m.country for m in g}) >= 2]


def _countries(g: list[_Mention]) -> list[_Mention]:
    """One mention per country, in order."""
    seen, out = set(), []
    for m in g:
        if m.country not in seen:
            seen.add(m.country)
            out.append(m)
    return out


def find_dyads(
    cues: pd.DataFrame,
    tokens: pd.DataFrame,
    mentions: pd.DataFrame,
    quotes: pd.DataFrame | None = None,
    *,
    lexicon: Lexicon | None = None,
    window_before: int = 10,
    window_after: int = 8,
    pair_window: int = 6,
    threshold: float = DEFAULT_THRESHOLD,
    comention: bool = True,
) -> pd.DataFrame:
    """Attach a source and a target actor to each cue and aggregate per sentence and dyad.

    Returns the ``stance`` table: ``article_id, sentence_id, source, target, source_country,
    target_country, directed, label, score, cues, method`` (one row per sentence and
    person-level dyad; ``method`` says how the dyad was found: between, pair, directed,
    quote, speaker, dual, article, comention). Cues whose ``dyad_weight`` is 0 (negated) make no dyad.

    Rules, in order, for a cue at word positions [a, b]:

    * ``between``: "بين X و Y" within ``pair_window`` words of the cue → undirected X~Y;
    * ``pair``: two adjacent mentions of different countries ("روسيا والصين",
      "الصينية الروسية") within ``pair_window`` words, with no other target → undirected;
    * ``directed`` / ``quote``: source = nearest mention before the cue (within the quote when
      the cue is quoted, else the quote's speaker), or the subject right after a verb cue
      (VSO: "أشاد بوتين بالتعاون مع الصين"); target = the first later mention introduced by a
      preposition (على، مع، ضد، إلى، لـ …), else the first later mention of another country;
    * ``dual``: a dual reference (البلدين، الزعيمان، بعضهما …) → undirected pair of the
      article's two most mentioned countries;
    * ``article``: a cooperation cue with no dyad, in a sentence naming no country outside the
      article's two most mentioned ones, when the article is about that pair (they hold half
      of its country mentions, the second at least 3) → that pair, undirected;
    * ``comention`` (when ``comention`` is True): a sentence whose cues found no parties but
      whose summed score reaches ``threshold`` and which names exactly two countries → those
      two, undirected (the co-occurrence coding of event data, used only as a last resort).

    Coordinated mentions ("روسيا والصين", "الولايات المتحدة وبريطانيا وأستراليا") form groups:
    a subject or target that belongs to a group stands for every member; only a group of two
    countries not governed by a preposition can be a mutual ``pair``.
    """
    lex = lexicon or default_lexicon()
    wcol = "dyad_weight" if "dyad_weight" in cues.columns else "effective"
    cues = cues[cues[wcol] != 0] if len(cues) else cues
    if not len(cues) or mentions is None or not len(mentions):
        return pd.DataFrame(columns=STANCE_COLUMNS)
    require_columns(mentions, ["article_id", "sentence_id", "start", "end", "actor_id", "country"], "mentions")
    top2, salient = _top_countries(mentions)
    speaker_country = _speaker_countries(mentions)
    q_by_art: dict = {}
    if quotes is not None and len(quotes):
        for q in quotes.itertuples(index=False):
            q_by_art.setdefault(q.article_id, []).append(q)
    keys = ["article_id", "sentence_id"]
    tok_idx = tokens.groupby(keys, sort=False).indices
    men_idx = mentions.groupby(keys, sort=False).indices
    t_id, t_start, t_norm, t_end = (tokens[c].tolist() for c in ("token_id", "start", "norm", "end"))
    t_word = tokens["is_word"].tolist() if "is_word" in tokens.columns else [True] * len(tokens)
    t_surf = tokens["surface"].tolist() if "surface" in tokens.columns else t_norm
    m_cols = [mentions[c].tolist() for c in ("start", "end", "actor_id", "country")]
    # a dyad reports the relation whatever its place in the sentence (background, topics and what
    # is ended or eased included, gold guideline rule 5): its weight leaves those factors out
    c_ws, c_we, c_start, c_eff, c_text, c_cat, c_mods, c_sent = (
        cues[c].tolist() for c in ("w_start", "w_end", "start", wcol, "text", "category", "modifiers", "effective"))
    c_scope = cues["scope"].tolist() if "scope" in cues.columns else [1.0] * len(cues)
    c_from = cues["source_from"].tolist() if "source_from" in cues.columns else [0] * len(cues)
    recs = []
    ref_kind: dict = {}  # word -> 1 dual reference (البلدين), 2 بين, 0 other
    for key, cidx in cues.groupby(keys, sort=False).indices.items():
        ti = tok_idx.get(key)
        if ti is None:
            continue
        buf = [(t_id[i], t_start[i], t_norm[i], bool(t_word[i]), t_end[i], t_surf[i], None) for i in ti]
        words, breaks = sentence_words(buf)
        mi = men_idx.get(key)
        ms = _sentence_mentions([tuple(col[i] for col in m_cols) for i in mi], words) if mi is not None else []
        kinds = [ref_kind.get(w[2]) for w in words]
        if None in kinds:
            for j, w in enumerate(words):
                if kinds[j] is None:
                    p = conjunction_forms(w[2])
                    kinds[j] = ref_kind[w[2]] = 1 if any(x in lex.pairs for x in p) else 2 if "بين" in p else 0
        pair_refs = [j for j, k in enumerate(kinds) if k == 1]
        betweens = [j for j, k in enumerate(kinds) if k == 2]
        groups = _coordinated_groups(ms, words) if len(ms) > 1 else []
        sent_countries = {m.country for m in ms}
        n_before = len(recs)
        state: dict = {}  # the subject and objects of the sentence's earlier cues (subject continuity)
        for ci in cidx:
            eff = c_eff[ci]
            ds = _dyads_for_cue(c_ws[ci], c_we[ci], c_start[ci], eff, ms, groups, breaks, betweens, pair_refs,
                                q_by_art.get(key[0], ()), speaker_country, top2.get(key[0]), window_before, window_after,
                                pair_window, state, [w[1] for w in words], key[1], c_from[ci])
            if not ds and eff > 0 and key[0] in salient and sent_countries <= set(top2[key[0]]):
                x, y = top2[key[0]]  # unattributed cooperation in an article about one pair: that pair
                ds = [((x, x), (y, y), False, "article")]
            seen = set()
            evidence = cue_evidence(c_text[ci], c_cat[ci], eff, c_mods[ci])
            for (src, srcc), (tgt, tgtc), directed, method in ds:
                if srcc == tgtc:
                    continue
                if not directed and (srcc, src) > (tgtc, tgt):
                    (src, srcc), (tgt, tgtc) = (tgt, tgtc), (src, srcc)
                if (src, tgt, directed) in seen:
                    continue
                seen.add((src, tgt, directed))
                recs.append((key[0], key[1], src, tgt, srcc, tgtc, directed, eff, evidence, method))
        if comention and len(recs) == n_before and len(sent_countries) == 2:
            # no cue found its parties, but the sentence carries stance (its score as in
            # score_sentences) and names exactly two countries: the relation it reports is
            # between them (undirected, ``comention``)
            total = main_assertion(sum(c_sent[ci] for ci in cidx if c_scope[ci] >= 1.0),
                                    sum(c_sent[ci] for ci in cidx if c_scope[ci] < 1.0), threshold)
            if abs(total) >= threshold:
                x, y = _countries(ms)
                (x, y) = (x, y) if x.country <= y.country else (y, x)
                evidence = "; ".join(cue_evidence(c_text[ci], c_cat[ci], c_eff[ci], c_mods[ci]) for ci in cidx)
                recs.append((key[0], key[1], x.actor, y.actor, x.country, y.country, False, total, evidence, "comention"))
    if not recs:
        return pd.DataFrame(columns=STANCE_COLUMNS)
    agg: dict = {}
    for r in recs:
        x = agg.get(r[:7])
        if x is None:
            agg[r[:7]] = [r[7], [r[8]], {r[9]}]
        else:
            x[0] += r[7]
            x[1].append(r[8])
            x[2].add(r[9])
    out = pd.DataFrame([k + (v[0], "; ".join(v[1]), ",".join(sorted(v[2]))) for k, v in agg.items()],
                       columns=["article_id", "sentence_id", "source", "target", "source_country", "target_country",
                                "directed", "score", "cues", "method"])
    out["score"] = out["score"].clip(-1, 1).round(4)
    out["label"] = [label_from_score(s, threshold) for s in out["score"]]
    return out[STANCE_COLUMNS]


def _top_countries(mentions: pd.DataFrame, share: float = 0.5, min_second: int = 3) -> tuple[dict, set]:
    """Each article's two most mentioned countries, and the articles that are *about* that pair
    (the two hold at least ``share`` of the country mentions and the second is mentioned at
    least ``min_second`` times)."""
    from collections import Counter

    out, salient = {}, set()
    counts: dict = {}
    for aid, c in zip(mentions["article_id"].tolist(), mentions["country"].tolist()):
        if isinstance(c, str) and c:
            counts.setdefault(aid, Counter())[c] += 1
    for aid, vc in counts.items():
        top = vc.most_common(2)  # ties keep first-seen order
        if len(top) == 2:
            (a, na), (b, nb) = top
            out[aid] = (a, b)
            if nb >= min_second and na + nb >= share * sum(vc.values()):
                salient.add(aid)
    return out, salient


def _speaker_countries(mentions: pd.DataFrame) -> dict[str, str]:
    m = mentions.dropna(subset=["country"])
    mp = dict(zip(m["actor_id"], m["country"]))
    try:  # the gazetteer, when the actors module provides it
        from .actors import load_gazetteer  # type: ignore

        gz = load_gazetteer()
        if isinstance(gz, pd.DataFrame) and {"actor_id", "country"} <= set(gz.columns):
            for a, c in zip(gz["actor_id"], gz["country"]):
                if isinstance(c, str) and c:
                    mp.setdefault(a, c)
    except Exception:
        pass
    return mp


def _dyads_for_cue(a, b, cstart, eff, ms, groups, breaks, betweens, pair_refs, quotes, speaker_country, top2, wb, wa, pw,
                   state: dict | None = None, wstarts: list | None = None, sentence_id=None, source_from: int = 0) -> list:
    """Dyads ``((src, src_country), (tgt, tgt_country), directed, method)`` for the cue at word
    positions [a, b] starting at offset ``cstart``.

    ``state`` carries the subject (``src``) and the objects (``objects``, mention ids) of the
    sentence's earlier cues: a later cue whose nearest preceding mention is an earlier cue's
    object, or which has no subject of its own, keeps the earlier subject ("دعا المسؤولون
    الأمريكيون إلى إدانة روسيا وحذروا الصين": the Americans warned China)."""
    state = {} if state is None else state
    scoped = source_from > 0  # a topic, background or ended relation: its parties are its own
    # between X and Y
    for j in betweens:
        if a - pw <= j <= b + pw and not any(breaks[k] for k in range(min(j, a) + 1, max(j, b) + 1)):
            after = [m for m in ms if j < m.a <= j + 4]
            for x, y in zip(after, after[1:]):
                if x.country != y.country:
                    return [((x.actor, x.country), (y.actor, y.country), False, "between")]
    group_of = {id(m): g for g in groups for m in g}
    before = [m for m in ms if m.b < a and a - m.b <= wb and m.a >= source_from]
    after = [m for m in ms if m.a > b and m.a - b <= wa]
    # quote: is the cue inside a quoted span?
    quote = None
    for q in quotes:
        if q.start <= cstart < q.end:
            quote = q
            break
    if quote is not None and scoped:
        quote = None  # the speaker talks about it, is not a party to it
    if quote is not None:
        inside = [m for m in before if m.start >= quote.start]
        if not inside and wstarts is not None:
            # a partial quote continues a reported clause whose subject stands right before the
            # opening mark ("وقال إن شي وبوتين “أشارا إلى استعدادهما …”")
            qw = bisect_left(wstarts, quote.start)
            if qw < len(breaks) and not breaks[qw]:  # no colon or comma between: "قال شي: “…”" is the speaker's
                inside = [m for m in before if m.b < qw and qw - m.b <= 2 and not m.prep]
        before = inside
    # the subject is not governed by a preposition ("الحدود مع أوكرانيا" is no source)
    source = next((m for m in reversed(before) if not m.prep), None)
    # VSO verb or nominal cue in construct (غزو روسيا لأوكرانيا): the mention right after the cue
    # is its subject/agent when another mention follows; it wins over a subject more than two
    # words before the cue
    vso_subject = None
    if after and not after[0].prep and after[0].a - b <= 2 and len(after) > 1:
        vso_subject = after[0]
    method = "directed"
    src_m, src_actor, src_country = None, None, None
    prev = None if scoped else state.get("src")
    vso_adjacent = vso_subject is not None and vso_subject.a == b + 1
    src_is_object = source is not None and id(source) in state.get("objects", ())
    if vso_adjacent and source is not None and (src_is_object or any(breaks[k] for k in range(source.b + 1, a + 1))):
        src_m = vso_subject  # a new clause with its own VSO subject ("…، ودعمت الصين باكستان")
    elif prev is not None and not vso_adjacent and (quote is None or prev.start >= quote.start) and (
            src_is_object or source is None and vso_subject is None):
        src_m = prev  # subject continuity: the earlier cue's subject acts again
    elif source is not None and not (vso_subject is not None and a - source.b > 2 and after[0].a == b + 1):
        src_m = source
    elif vso_subject is not None:
        src_m = vso_subject
    elif quote is not None and isinstance(getattr(quote, "speaker_actor_id", None), str):
        sc = speaker_country.get(quote.speaker_actor_id)
        if sc:
            src_actor, src_country, method = quote.speaker_actor_id, sc, "quote"
    elif sentence_id is not None and not scoped:
        # no subject in reach: the speaker the sentence attributes its words to ("كما قال إنه
        # يتفق “بشكل رائع” مع بوتين", the speaker resolved by the quotes module)
        for q in quotes:
            sid = getattr(q, "sentence_id", None)
            if sid is None or pd.isna(sid) or int(sid) != sentence_id:
                continue
            if isinstance(getattr(q, "speaker_actor_id", None), str):
                sc = speaker_country.get(q.speaker_actor_id)
                if sc:
                    src_actor, src_country, method = q.speaker_actor_id, sc, "speaker"
                    break
    src_group = _countries(group_of[id(src_m)]) if src_m is not None and id(src_m) in group_of else ([src_m] if src_m else [])
    if src_m is not None:
        src_actor, src_country = src_m.actor, src_m.country
    src_countries = {m.country for m in src_group} | ({src_country} if src_country else set())
    src_ids = {id(m) for m in src_group}
    cand = [m for m in after if id(m) not in src_ids and m.country not in src_countries]
    target = next((m for m in cand if m.prep), cand[0] if cand else None)
    # a coordinated pair near the cue ("روسيا والصين", "الصينية الروسية")
    # (a group governed by a preposition, "على الولايات المتحدة وحلف الناتو", is a target, never a mutual pair)
    near = [g for g in groups if len(_countries(g)) == 2 and not g[0].prep
            and ((a - pw <= g[-1].b < a) or (b < g[0].a <= b + pw))]
    if near:
        g = min(near, key=lambda g: min(abs(g[0].a - a), abs(g[-1].b - a)))
        in_g = any(x is target for x in g)
        has_src = bool(src_countries) and not any(id(x) in src_ids for x in g)
        src_is_g = any(id(x) in src_ids for x in g)
        # a coordinated subject acts on a third party introduced by a preposition, or on any object
        # of a conflict cue ("تعارض روسيا والصين توسع الناتو"); cooperation around the pair is mutual
        acts = src_is_g and target is not None and not in_g and (target.prep or eff < 0)
        if not (acts or (in_g and g[0].prep and has_src)):
            x, y = _countries(g)
            return [((x.actor, x.country), (y.actor, y.country), False, "pair")]
    if src_actor is not None and target is not None:
        tg = group_of.get(id(target))
        targets = [m for m in _countries(tg) if m.country not in src_countries] if tg and len(_countries(tg)) >= 2 else [target]
        sources = [(m.actor, m.country) for m in src_group] or [(src_actor, src_country)]
        if src_m is not None and not scoped:
            state["src"] = src_m
            state.setdefault("objects", set()).update(id(t) for t in targets)
            state["objects"].add(id(target))
        return [(s_, (t.actor, t.country), True, method) for s_ in sources for t in targets]
    if top2 and pair_refs:  # a dual reference anywhere in the sentence names the two parties
        x, y = top2
        return [((x, x), (y, y), False, "dual")]
    return []


def country_dyads(stance: pd.DataFrame, threshold: float = DEFAULT_THRESHOLD) -> pd.DataFrame:
    """Country-level dyads per sentence: persons merged into their country, one row per
    sentence and *unordered* country pair (``a`` < ``b``), with the summed score, label,
    whether any evidence was directed and the direction(s) seen (``A>B``, ``B>A``, ``A~B``)."""
    cols = ["article_id", "sentence_id", "a", "b", "score", "label", "directions", "cues"]
    if stance is None or not len(stance):
        return pd.DataFrame(columns=cols)
    s = stance.copy()
    s["a"] = np.where(s["source_country"] <= s["target_country"], s["source_country"], s["target_country"])
    s["b"] = np.where(s["source_country"] <= s["target_country"], s["target_country"], s["source_country"])
    s["dir"] = [f"{x}>{y}" if d else f"{min(x, y)}~{max(x, y)}" for x, y, d in zip(s["source_country"], s["target_country"], s["directed"])]
    g = s.groupby(["article_id", "sentence_id", "a", "b"], sort=False)
    out = g.agg(score=("score", "sum"), directions=("dir", lambda d: "|".join(sorted(set(d)))), cues=("cues", "; ".join)).reset_index()
    out["score"] = out["score"].clip(-1, 1).round(4)
    out["label"] = [label_from_score(x, threshold) for x in out["score"]]
    return out[cols]

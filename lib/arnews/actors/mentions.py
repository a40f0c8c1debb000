"""Actor mentions in a tokens table (:func:`find_mentions`)."""
from __future__ import annotations

from typing import Mapping, NamedTuple

import pandas as pd
import regex as re

from ..text import normalize
from ..wordforms import CONJUNCTIONS, strip_conjunction
from .gazetteer import default_gazetteer, validate_gazetteer
from .matcher import Entry, Matcher, matcher_for
from .roles import APPOSITION_GAP, ROLE_NOT_AFTER, ROLE_NOT_BEFORE, default_roles, holder_on, iso_date, validate_roles

__all__ = ["MENTION_COLUMNS", "find_mentions"]

MENTION_COLUMNS = [
    "article_id", "sentence_id", "start", "end", "surface", "actor_id", "actor_type", "country",
    "token_start", "token_end", "variant", "match", "via", "role",
]
# Words after which a short ambiguous form is a common noun, not a name ("بعض الشي", "لا شي").
_NOT_BEFORE_NAME = frozenset(
    normalize(w) for w in ("بعض", "كل", "أي", "لا", "هذا", "هذه", "ذلك", "تلك", "أول", "آخر", "أي", "اي")
)
_DIGIT_RE = re.compile(r"^\p{N}+$")
# Words after which a feminine nisba is the language, not the state: "اللغة الفرنسية", "تعلمت الفرنسية",
# "يتحدثون الروسية" (issue 19, round 64).
_LANGUAGE_BEFORE = frozenset(normalize(w) for w in (
    "اللغة", "لغة", "للغة", "باللغة", "اللغتين", "تعلم", "تعلمت", "يتعلم", "يتعلمون", "تتعلم", "أتعلم", "سأتعلم",
    "نتعلم", "تعلموا", "يتقن", "يتقنون", "يتقنوا", "تتقن", "أتقن", "إتقان", "يجيد", "يجيدون", "تجيد", "أجيد", "إجادة",
    "يتحدث", "يتحدثون", "تتحدث", "أتحدث", "نتحدث", "يتكلم", "يتكلمون", "تتكلم", "أتكلم", "تدريس", "تعليم", "يدرس",
    "يدرسون", "تدرس", "ندرس", "أدرس", "درسوا", "مترجم", "مترجمة", "ترجمة", "معلم", "معلمة", "أستاذ", "أستاذة",
    "يكتب", "تكتب", "يفهم", "يفهمون", "تفهم",
    # a preposition: a nisba standing alone after it is a noun, the language ("قطيعة مع الفرنسية")
    "مع", "جانب", "عن", "من", "إلى", "ضد", "مثل", "سوى", "غير", "بين"))
# Languages that are no state's nisba; a nisba joined to one by و is a language too ("الفرنسية والعربية").
_LANGUAGES = frozenset(normalize(w) for w in ("العربية", "الإنجليزية", "الانجليزية", "الإنكليزية", "الأمازيغية",
                                              "اللاتينية", "السواحيلية", "الأردية"))


def _skip_chars(surface: str, n_norm: int) -> int:
    """Index in ``surface`` after its first ``n_norm`` normalized characters (and any marks)."""
    if n_norm == 0:
        return 0
    i = count = 0
    while i < len(surface) and count < n_norm:
        if normalize(surface[i]):
            count += 1
        i += 1
    while i < len(surface) and not normalize(surface[i]):
        i += 1
    return i


def find_mentions(
    tokens: pd.DataFrame,
    gazetteer: pd.DataFrame | None = None,
    *,
    texts: Mapping[str, str] | pd.Series | None = None,
    dates: Mapping[str, object] | pd.Series | None = None,
    roles: pd.DataFrame | None = None,
) -> pd.DataFrame:
    """Find actor mentions in a tokens table (from :func:`arnews.text.tokens_table`).

    Returns one row per mention with columns :data:`MENTION_COLUMNS`: offsets into the
    article's ``clean_text``, the ``surface`` text, the actor and its type and country,
    the first and last ``token_id``, the gazetteer ``variant`` that matched, ``match``
    (``strong`` or ``weak``), ``via`` (``name``: a gazetteer spelling; ``role``: a role
    title resolved by date) and ``role`` (the role id, e.g. ``RUS_PRESIDENT``). ``texts``
    (article_id → clean_text) gives the exact surface of multi-word mentions; without it,
    the tokens are joined with spaces.

    **Role titles** (``data/roles.csv``, or ``roles``): with ``dates`` (article_id → the
    article's date), a title such as ``الرئيس الروسي`` or ``المتحدث باسم الكرملين`` adds a
    mention of the person holding the office on that date (``via="role"``, ``actor_id``
    PUTIN, ``country`` RUS). The names inside the title keep their own mentions
    (``الروسي`` → RUS, ``الكرملين`` → KREMLIN), exactly as without a date, so a role mention
    *spans* one or more name mentions: filter ``via == "name"`` for non-overlapping rows.
    No role mention is added when the date is missing or outside every term, when the
    title is followed by a person's name (``الرئيس الروسي فلاديمير بوتين``: the name is the
    mention) or follows one after a comma (``بوتين، الرئيس الروسي``), after ``نائب``/``سلف``
    (the deputy, the predecessor), or before ``السابق``/``المنتخب``/``آنذاك`` (former,
    elect, "then").

    >>> from arnews.text import sentences_table, tokens_table
    >>> arts = pd.DataFrame({"article_id": ["a"],
    ...     "clean_text": ["قال بوتين للكرملين إن الصين مستعدة. ولم يغير ذلك بعض الشيء."]})
    >>> find_mentions(tokens_table(sentences_table(arts)))[["surface", "actor_id"]].values.tolist()
    [['بوتين', 'PUTIN'], ['للكرملين', 'KREMLIN'], ['الصين', 'CHN']]
    >>> arts = pd.DataFrame({"article_id": ["a"], "clean_text": ["وقال الرئيس الأمريكي إن الصين مستعدة."]})
    >>> m = find_mentions(tokens_table(sentences_table(arts)), dates={"a": "2022-06-15"})
    >>> m[["surface", "actor_id", "country", "via"]].values.tolist()
    [['الرئيس الأمريكي', 'BIDEN', 'USA', 'role'], ['الأمريكي', 'USA', 'USA', 'name'], ['الصين', 'CHN', 'CHN', 'name']]
    """
    need = ["article_id", "sentence_id", "token_id", "start", "end", "surface", "norm"]
    missing = [c for c in need if c not in tokens.columns]
    if missing:
        raise ValueError(f"find_mentions: tokens table lacks column(s) {missing} (make it with arnews.text.tokens_table)")
    gaz = default_gazetteer() if gazetteer is None else validate_gazetteer(gazetteer)
    if roles is None:
        roles = default_roles() if gazetteer is None else None
    elif len(roles):
        roles = validate_roles(roles, gaz)
    m = matcher_for(gaz, roles)
    texts = texts.to_dict() if isinstance(texts, pd.Series) else texts
    dates = dates.to_dict() if isinstance(dates, pd.Series) else dates
    t = _token_columns(tokens)
    rows = _resolve_weak(_before_foreign_nisba(_without_languages(_name_matches(m, t), t), m), m, t)
    for r in rows:
        r["via"], r["role"] = "name", None
    if dates is not None and m.rindex:
        role_hits = _role_hits(m, t)
        if role_hits:
            rows = _resolve_roles(role_hits, rows, m, dates, t)
    return _mention_table(rows, m, t, texts)


class _Tokens(NamedTuple):
    """Token columns in article and token order."""

    aids: list
    sids: list
    tids: list
    starts: list
    ends: list
    surfs: list
    norms: list  # normalized forms; the surface where normalization is empty (non-Arabic scripts)

    @property
    def n(self) -> int:
        return len(self.norms)

    def same_sentence(self, i: int, k: int) -> bool:
        return 0 <= k < self.n and self.aids[k] == self.aids[i] and self.sids[k] == self.sids[i]


class _Hit(NamedTuple):
    """A gazetteer or role entry matched on tokens i..j through ``plen`` proclitic characters."""

    i: int
    j: int
    entry: Entry
    plen: int
    art: bool  # ل + ال written لل


def _token_columns(tokens: pd.DataFrame) -> _Tokens:
    toks = tokens
    if len(toks) and not (toks["article_id"].is_monotonic_increasing or _grouped_sorted(toks)):
        toks = toks.sort_values(["article_id", "token_id"], kind="stable")
    surfs = toks["surface"].tolist()
    # A token whose normalization is empty (a non-Arabic script such as Tamil, which
    # ``arclean`` drops) is matched on its surface form.
    norms = [nm if nm else sf for nm, sf in zip(toks["norm"].tolist(), surfs)]
    return _Tokens(toks["article_id"].tolist(), toks["sentence_id"].tolist(), toks["token_id"].tolist(),
                   toks["start"].tolist(), toks["end"].tolist(), surfs, norms)


def _best_name(m: Matcher, t: _Tokens, i: int) -> _Hit | None:
    """The longest gazetteer entry starting at token ``i`` (then the fewest proclitics, then a
    strong one); weak entries take only و/ف and never the article of لل."""
    best, best_score = None, None
    for key, plen, art in m.candidates(t.norms[i]):
        for e in m.index[key]:
            L = len(e.tokens)
            if best_score is not None and L < best_score[0]:
                break
            if L > 1 and not _continues(t, i, e.tokens):
                continue
            if e.strength == "weak" and (art or not _conj_only(t.norms[i], plen)):
                continue
            score = (L, -plen, e.strength == "strong")
            if best_score is None or score > best_score:
                best, best_score = _Hit(i, i + L - 1, e, plen, art), score
    return best


def _continues(t: _Tokens, i: int, words: tuple[str, ...]) -> bool:
    """Whether the tokens after ``i`` in its sentence are ``words[1:]``."""
    j = i + len(words) - 1
    if j >= t.n or t.aids[j] != t.aids[i] or t.sids[j] != t.sids[i]:
        return False
    return all(t.norms[i + k] == words[k] for k in range(1, len(words)))


def _name_matches(m: Matcher, t: _Tokens) -> list[dict]:
    """Gazetteer matches, longest first, never overlapping (``not`` entries consume their
    tokens and yield nothing)."""
    raw, i = [], 0
    while i < t.n:
        hit = _best_name(m, t, i)
        if hit is None:
            i += 1
            continue
        if hit.entry.strength != "not":  # a phrase that contains a name but names nobody
            raw.append(_row(hit, t, hit.entry.actor_id, hit.entry.strength, strict=hit.entry.strict))
        i = hit.j + 1
    return raw


def _row(hit: _Hit, t: _Tokens, actor_id: str, match: str, strict: bool = False) -> dict:
    i, j = hit.i, hit.j
    cut = 0 if hit.art else _skip_chars(t.surfs[i], hit.plen)
    return {
        "i": i, "j": j, "article_id": t.aids[i], "sentence_id": t.sids[i], "start": t.starts[i] + cut,
        "end": t.ends[j], "actor_id": actor_id, "token_start": t.tids[i], "token_end": t.tids[j],
        "variant": hit.entry.variant, "match": match, "strict": strict, "plen": hit.plen,
        "nisba": hit.entry.nisba,
    }


def _mention_table(rows: list[dict], m: Matcher, t: _Tokens, texts: Mapping | None) -> pd.DataFrame:
    """The mentions table: exact surfaces from ``texts`` (else tokens joined), actor type and country."""
    for r in rows:
        i, j = r.pop("i"), r.pop("j")
        r.pop("strict")
        r.pop("plen")
        r.pop("nisba", None)
        text = texts.get(r["article_id"]) if texts is not None else None
        if text is not None:
            r["surface"] = text[r["start"]:r["end"]]
        else:
            parts = [t.surfs[i][r["start"] - t.starts[i]:]]
            for k in range(i + 1, j + 1):
                parts.append(" " * max(1, t.starts[k] - t.ends[k - 1]) + t.surfs[k])
            r["surface"] = "".join(parts)
        r["actor_type"], r["country"] = m.info[r["actor_id"]]
    out = pd.DataFrame(rows, columns=MENTION_COLUMNS)
    return out.astype(
        {"sentence_id": "int32", "start": "int32", "end": "int32", "token_start": "int32", "token_end": "int32"}
    ).reset_index(drop=True)


def _role_hits(m: Matcher, t: _Tokens) -> list[_Hit]:
    """Role titles, longest first, not overlapping (only tokens whose type can start a title
    are looked at, checked once per type)."""
    firsts = {w for w in set(t.norms) if m.role_candidates(w)}
    hits: list[_Hit] = []
    for i in [k for k, w in enumerate(t.norms) if w in firsts]:
        hit = _role_at(m, t, i)
        if hit is not None and (not hits or i > hits[-1].j):
            hits.append(hit)
    return hits


def _role_at(m: Matcher, t: _Tokens, i: int) -> _Hit | None:
    """The longest role title starting at token ``i``."""
    best = None
    for key, plen, art in m.role_candidates(t.norms[i]):
        for e in m.rindex[key]:
            L = len(e.tokens)
            if best is not None and L <= best.j - best.i + 1:
                break
            if not _continues(t, i, e.tokens):
                continue
            best = _Hit(i, i + L - 1, e, plen, art)
            break
    return best


def _strip_conj(w: str) -> str:
    return strip_conjunction(w, 3)


def _resolve_roles(role_hits: list[_Hit], rows: list[dict], m: Matcher, dates: Mapping, t: _Tokens) -> list[dict]:
    """Add a person mention for every role title whose holder is known on the article's date."""
    person_first = {r["i"] for r in rows if m.info[r["actor_id"]][0] == "person"}
    person_last = {r["j"] for r in rows if m.info[r["actor_id"]][0] == "person"}
    iso: dict = {}
    out = list(rows)
    for hit in role_hits:
        aid = t.aids[hit.i]
        if aid not in iso:
            try:
                iso[aid] = iso_date(dates.get(aid))
            except ValueError as err:
                raise ValueError(f"find_mentions: dates[{aid!r}]: {err}") from None
        holder = holder_on(m.terms.get(hit.entry.actor_id, ()), iso[aid])
        if holder is None or _names_someone_else(hit, t, person_first, person_last):
            continue
        row = _row(hit, t, holder, "strong")
        row.update(via="role", role=hit.entry.actor_id)
        out.append(row)
    out.sort(key=lambda r: (r["i"], -r["j"]))
    return out


def _names_someone_else(hit: _Hit, t: _Tokens, person_first: set, person_last: set) -> bool:
    """A title after نائب/سلف, before السابق/المنتخب, or in apposition with a person's name
    ("الرئيس الروسي فلاديمير بوتين", "بوتين، الرئيس الروسي") is not a mention of its own."""
    i, j = hit.i, hit.j
    if t.same_sentence(i, i - 1) and _strip_conj(t.norms[i - 1]) in ROLE_NOT_AFTER:
        return True
    if t.same_sentence(i, j + 1) and t.norms[j + 1] in ROLE_NOT_BEFORE:
        return True
    k = j + 1
    while t.same_sentence(i, k) and t.norms[k] in APPOSITION_GAP:
        k += 1
    if t.same_sentence(i, k) and k in person_first:
        return True
    return t.same_sentence(i, i - 1) and t.norms[i - 1] in ("،", ",") and (i - 2) in person_last


def _conj_only(token: str, plen: int) -> bool:
    """True when the first ``plen`` characters of ``token`` are only و/ف (or nothing)."""
    return all(ch in CONJUNCTIONS for ch in token[:plen])


def _grouped_sorted(toks: pd.DataFrame) -> bool:
    """True when rows are contiguous per article and token ids increase within each."""
    a = toks["article_id"]
    changes = (a != a.shift()).sum()
    if changes != a.nunique():
        return False
    same = a == a.shift()
    return bool((toks["token_id"].diff()[same] > 0).all())


def _resolve_weak(raw: list[dict], m: Matcher, t: _Tokens) -> list[dict]:
    """Keep weak matches only in context (see :mod:`arnews.actors`)."""
    by_article: dict[str, list[dict]] = {}
    for r in raw:
        by_article.setdefault(r["article_id"], []).append(r)
    out: list[dict] = []
    for ms in by_article.values():
        keep = _kept_in_article(ms, m, t)
        out.extend(r for r in ms if id(r) in keep)
    return out


def _kept_in_article(ms: list[dict], m: Matcher, t: _Tokens) -> set[int]:
    strong = [r for r in ms if r["match"] == "strong"]
    actors = {r["actor_id"] for r in strong}
    countries = {m.info[r["actor_id"]][1] for r in strong}
    kept_weak: list[dict] = []
    pending: list[dict] = []
    for r in ms:
        if r["match"] == "strong" or _next_to_number(r["i"], r["j"], t) or _after_determiner(r["i"], t):
            continue
        if r["strict"]:  # needs the actor itself
            pending.append(r)
        elif r["actor_id"] in actors or m.info[r["actor_id"]][1] in countries or _listed_with_state(r, strong, m, t):
            kept_weak.append(r)
    named = actors | {r["actor_id"] for r in kept_weak}
    kept_weak += [r for r in pending if r["actor_id"] in named]
    return {id(r) for r in strong} | {id(r) for r in kept_weak}


_LIST_COMMAS = frozenset({"،", ","})


def _listed_with_state(r: dict, strong: list[dict], m: Matcher, t: _Tokens) -> bool:
    """Whether a weak country name is a member of a list of states: joined by و or a comma to
    a strong mention of another state right before or after it (``مالي والنيجر``، ``النيجر
    ومالي``، ``تشاد، مالي``), never a common noun's neighbour (``دعم مالي وعسكري``)."""
    if m.info[r["actor_id"]][0] != "country":
        return False
    i, j = r["i"], r["j"]
    for s in strong:
        if m.info[s["actor_id"]][0] != "country" or t.aids[s["i"]] != t.aids[i] or t.sids[s["i"]] != t.sids[i]:
            continue
        after = s["i"] == j + 1 and _joined_by_wa(t.norms[s["i"]], s["plen"])
        before = s["j"] == i - 1 and _joined_by_wa(t.norms[i], r["plen"])
        comma = (s["i"] == j + 2 and t.norms[j + 1] in _LIST_COMMAS) or (s["j"] == i - 2 and t.norms[i - 1] in _LIST_COMMAS)
        if after or before or comma:
            return True
    return False


def _before_foreign_nisba(rows: list[dict], m: Matcher) -> list[dict]:
    """``rows`` less the bodies and weak names followed at once by another country's nisba:
    "مجلس الأمن الروسي" is Russia's security council, not the UN's (issue 15, round 49)."""
    after = {(r["article_id"], r["i"]): r for r in rows if r["nisba"]}

    def foreign(r: dict) -> bool:
        n = after.get((r["article_id"], r["j"] + 1))
        kind, own = m.info[r["actor_id"]]
        return (n is not None and (kind == "organization" or r["match"] == "weak")
                and m.info[n["actor_id"]][1] != own)
    return [r for r in rows if not foreign(r)]


def _without_languages(rows: list[dict], t: _Tokens) -> list[dict]:
    """``rows`` less the definite feminine nisbas that name a language: after the preposition ب
    ("الناطقين بالروسية", "درّسوا بالفرنسية"); after a word of language, learning or speaking or a
    preposition (:data:`_LANGUAGE_BEFORE`: "اللغة الفرنسية", "تعلمت الفرنسية", "قطيعة مع الفرنسية");
    next to a language that is no state's nisba (:data:`_LANGUAGES`: "الفرنسية والعربية"). A nisba
    after a definite noun or a name ("السفارة الفرنسية", "رينو الفرنسية") stays its state's."""
    def language(r: dict) -> bool:
        w, i = t.norms[r["i"]], r["i"]
        if not (r["nisba"] and r["i"] == r["j"] and w.endswith("ية") and w[r["plen"]:].startswith("ال")):
            return False
        if "ب" in w[:r["plen"]]:
            return True
        before = strip_conjunction(t.norms[i - 1]) if t.same_sentence(i, i - 1) else ""
        after = t.norms[i + 1] if t.same_sentence(i, i + 1) else ""
        return (before in _LANGUAGE_BEFORE or before in _LANGUAGES
                or (after[:1] == "و" and after[1:] in _LANGUAGES))
    return [r for r in rows if not language(r)]


def _joined_by_wa(token: str, plen: int) -> bool:
    """Whether ``token`` carries the conjunction و among the ``plen`` proclitic characters the
    matcher took off in front of the name (so ``وواشنطن`` is و + واشنطن, and ``واشنطن`` alone is not)."""
    return plen > 0 and token.startswith("و")


def _next_to_number(i: int, j: int, t: _Tokens) -> bool:
    for k in (i - 1, j + 1):
        if 0 <= k < t.n and t.aids[k] == t.aids[i] and _DIGIT_RE.match(t.norms[k]):
            return True
    return False


def _after_determiner(i: int, t: _Tokens) -> bool:
    k = i - 1
    return k >= 0 and t.aids[k] == t.aids[i] and t.norms[k] in _NOT_BEFORE_NAME

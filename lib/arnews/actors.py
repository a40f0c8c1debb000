"""Actors: find mentions of people, countries, organizations and blocs with a gazetteer.

The gazetteer is a CSV that researchers edit (``data/actors.csv``), one row per actor:

==============  ==============================================================================
column          meaning
==============  ==============================================================================
actor_id        upper-case id: ISO 3166 alpha-3 for countries (``RUS``), a surname for persons
                (``PUTIN``, ``YANG_JIECHI``), an acronym for bodies and blocs (``NATO``, ``WEST``)
type            ``person``, ``country``, ``organization`` or ``bloc``
country         the country (or body/bloc) the actor belongs to; countries and blocs map to
                themselves, ``KREMLIN`` → ``RUS``, ``GUTERRES`` → ``UN``
label_en        English label
label_ar        Arabic label (also matched)
variants        Arabic (or Latin) spellings separated by ``|``, machine-translation forms
                included (``بوتين|بوتن|فلاديمير بوتين``); multi-word names are written with spaces
weak_variants   *optional*: short, ambiguous forms (``شي|جي|G!`` for Xi) that count only in
                context (see below); a trailing ``!`` asks for the stricter context
not_variants    *optional*: phrases that contain a spelling but do not name the actor
                (``شمال غربي`` for WEST, ``المحيط الهندي`` for IND); they are matched like
                variants, longest first, and yield no mention
nisba           *optional*: relational-adjective stems (``صيني``); every inflection is matched
                (صيني، صينية، صينيون، صينيين، الصيني، الصينية …) and maps to the actor
==============  ==============================================================================

Matching works on normalized tokens (``tokens.norm``, see :func:`arnews.text.normalize`):

* **proclitics**: a token may carry و/ف, then ب/ل/ك, then the article ال (``وبالصين``,
  ``للكرملين`` = ل + الكرملين, ``لبوتين``). The article is only accepted where the variant has
  it, so ``الشي`` is never Xi. The mention's ``surface`` leaves out و/ف/ب/ل/ك.
* **multi-word names** and **longest match first** (``شي جين بينغ`` is one mention of XI,
  ``يانغ جي تشي`` is YANG_JIECHI, not XI); mentions never overlap.
* **weak variants** are kept only when (a) the same article has a non-weak mention of the
  actor or of the actor's country (``شي`` is Xi in an article that names الصين/بكين/الصينية);
  a variant marked ``!`` (``G!``, ``لولا!``) needs a mention of the actor itself (strong, or
  weak and kept); (b) they take only the proclitics و/ف (``وشي``, not ``بشي``); (c) no number
  is next to it (``جي 20`` is not Xi); (d) it does not follow a quantifier or demonstrative
  that only introduces common nouns (``بعض``، ``كل``، ``أي``، ``لا``، ``هذا`` …).
  ``شيء``/``شيئا`` keep their hamza after normalization and never match ``شي``; ``وشيك``
  ("imminent") is و + شيك, not Xi.

Role titles (``data/roles.csv``, researcher-editable; see :func:`load_roles`): one row per
(role, holder, term) with ``role_id``, ``phrases`` (``الرئيس الروسي|رئيس روسيا|الزعيم الروسي``),
``actor_id``, ``valid_from`` (inclusive) and ``valid_to`` (exclusive, empty = still in office).
Given the articles' dates, :func:`find_mentions` adds a mention of the holder on that date
(``via="role"``) next to the name mentions inside the title (see there).

Example
-------
>>> import pandas as pd
>>> from arnews.text import sentences_table, tokens_table
>>> arts = pd.DataFrame({"article_id": ["a"], "clean_text": ["التقى شي جين بينغ وبوتين في بكين."]})
>>> m = find_mentions(tokens_table(sentences_table(arts)))
>>> m[["surface", "actor_id", "country"]].values.tolist()
[['شي جين بينغ', 'XI', 'CHN'], ['بوتين', 'PUTIN', 'RUS'], ['بكين', 'CHN', 'CHN']]
"""
from __future__ import annotations

import hashlib
import json
import os
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Mapping

import pandas as pd
import regex as re

from .resources import TYPE_CACHE_LIMIT, camel_data_dir, data_path
from .stages import Stage
from .text import normalize, tokenize
from .wordforms import CONJUNCTIONS, Reading, nisba_forms, proclitic_readings, strip_conjunction

__all__ = [
    "GazetteerError",
    "ACTOR_TYPES",
    "GAZETTEER_COLUMNS",
    "MENTION_COLUMNS",
    "load_gazetteer",
    "validate_gazetteer",
    "variant_table",
    "ROLE_COLUMNS",
    "load_roles",
    "validate_roles",
    "role_holder",
    "find_mentions",
    "annotate_stage",
    "camel_ner_model_path",
    "ner_available",
    "ner_candidates",
]

ACTOR_TYPES = ("person", "country", "organization", "bloc")
GAZETTEER_COLUMNS = ["actor_id", "type", "country", "label_en", "label_ar", "variants"]
OPTIONAL_COLUMNS = ["weak_variants", "nisba", "not_variants"]
MENTION_COLUMNS = [
    "article_id", "sentence_id", "start", "end", "surface", "actor_id", "actor_type", "country",
    "token_start", "token_end", "variant", "match", "via", "role",
]
_ID_RE = re.compile(r"^[A-Z][A-Z0-9_]*$")
# Suffixes of a relational adjective (nisba) stem: صيني → صينية، صينيون، صينيين، صينيان …
# Words after which a short ambiguous form is a common noun, not a name ("بعض الشي", "لا شي").
_NOT_BEFORE_NAME = frozenset(
    normalize(w) for w in ("بعض", "كل", "أي", "لا", "هذا", "هذه", "ذلك", "تلك", "أول", "آخر", "أي", "اي")
)
_DIGIT_RE = re.compile(r"^\p{N}+$")


class GazetteerError(ValueError):
    """A problem in the gazetteer file (the message names the file, row and problem)."""


# ---------------------------------------------------------------------------
# Gazetteer
# ---------------------------------------------------------------------------


def split_field(value: object) -> list[str]:
    """The ``|``-separated values of a gazetteer cell.

    >>> split_field("روسيا | موسكو")
    ['روسيا', 'موسكو']
    """
    if value is None or (isinstance(value, float) and pd.isna(value)):
        return []
    return [v.strip() for v in str(value).split("|") if v.strip()]


def _variant_key(text: str) -> tuple[str, ...]:
    """Normalized token sequence of a gazetteer variant (same tokenizer as the text)."""
    return tuple(normalize(t.surface) or t.surface for t in tokenize(text))


def validate_gazetteer(gaz: pd.DataFrame, source: str = "<gazetteer DataFrame>") -> pd.DataFrame:
    """Check a gazetteer table and return a clean copy (strings, optional columns added).

    Raises :class:`GazetteerError` naming ``source``, the CSV row (header is row 1) and the
    problem: missing columns, empty or malformed ``actor_id``, duplicate ids, unknown
    ``type``, empty ``country``, an actor with nothing to match, or one spelling that maps
    to two different actors.

    >>> bad = pd.DataFrame({"actor_id": ["X"], "type": ["king"], "country": ["X"],
    ...                     "label_en": ["x"], "label_ar": ["س"], "variants": ["س"]})
    >>> validate_gazetteer(bad, "my.csv")
    Traceback (most recent call last):
    ...
    arnews.actors.GazetteerError: my.csv, row 2 (actor X): type 'king' is not one of person, country, organization, bloc
    """
    missing = [c for c in GAZETTEER_COLUMNS if c not in gaz.columns]
    if missing:
        raise GazetteerError(
            f"{source}: missing column(s) {missing}; a gazetteer needs {GAZETTEER_COLUMNS} "
            f"(optional: {OPTIONAL_COLUMNS})"
        )
    df = gaz.copy()
    for c in OPTIONAL_COLUMNS:
        if c not in df.columns:
            df[c] = ""
    for c in GAZETTEER_COLUMNS + OPTIONAL_COLUMNS:
        df[c] = df[c].map(lambda v: "" if v is None or (isinstance(v, float) and pd.isna(v)) else str(v).strip())
    df = df.reset_index(drop=True)
    seen_ids: dict[str, int] = {}
    seen_variants: dict[tuple[str, ...], tuple[str, int, str]] = {}
    for i, r in df.iterrows():
        row = i + 2  # CSV line: header is line 1
        where = f"{source}, row {row}"
        aid = r["actor_id"]
        if not aid:
            raise GazetteerError(f"{where}: empty actor_id")
        where += f" (actor {aid})"
        if not _ID_RE.match(aid):
            raise GazetteerError(f"{where}: actor_id must be upper-case letters, digits and _ (e.g. PUTIN, RUS, YANG_JIECHI)")
        if aid in seen_ids:
            raise GazetteerError(f"{where}: duplicate actor_id, already defined on row {seen_ids[aid]}")
        seen_ids[aid] = row
        if r["type"] not in ACTOR_TYPES:
            raise GazetteerError(f"{where}: type {r['type']!r} is not one of {', '.join(ACTOR_TYPES)}")
        if not r["country"]:
            raise GazetteerError(f"{where}: empty country (use the ISO alpha-3 code, or the actor's own id for countries and blocs)")
        if not _ID_RE.match(r["country"]):
            raise GazetteerError(f"{where}: country {r['country']!r} must be an upper-case code such as RUS or NATO")
        if r["type"] == "country" and r["country"] != aid:
            raise GazetteerError(f"{where}: a country's country must be itself ({aid}), not {r['country']!r}")
        forms = _forms(r)
        if not any(f[2] != "not" for f in forms):
            raise GazetteerError(f"{where}: no label_ar, variants, weak_variants or nisba to match")
        for key, text, _strength, _rule in forms:
            if not key or not any(key):
                raise GazetteerError(f"{where}: variant {text!r} is empty after normalization")
            prev = seen_variants.get(key)
            if prev is not None and prev[0] != aid:
                raise GazetteerError(
                    f"{where}: variant {text!r} (normalized {' '.join(key)!r}) also maps to actor "
                    f"{prev[0]} on row {prev[1]} ({prev[2]!r}); a spelling can name only one actor"
                )
            seen_variants.setdefault(key, (aid, row, text))
    return df


def _forms(r: Mapping[str, str]) -> list[tuple[tuple[str, ...], str, str, str]]:
    """(normalized key, written form, strength, rule) for every spelling of one actor."""
    out: list[tuple[tuple[str, ...], str, str, str]] = []
    seen: set[tuple[str, ...]] = set()

    def add(text: str, strength: str, rule: str) -> None:
        key = _variant_key(text)
        if key in seen:
            return
        seen.add(key)
        out.append((key, text, strength, rule))

    for v in ([r["label_ar"]] if r.get("label_ar") else []) + split_field(r.get("variants")):
        add(v, "strong", "variant")
    for stem in split_field(r.get("nisba")):
        for form in nisba_forms(normalize(stem)):
            add(form, "strong", "nisba")
    for v in split_field(r.get("weak_variants")):
        strict = v.endswith("!")
        add(v[:-1].strip() if strict else v, "weak", "weak!" if strict else "weak")
    for v in split_field(r.get("not_variants")):
        add(v, "not", "not")
    return out


def _read_data_csv(path: str | os.PathLike | None, default: str, what: str) -> tuple[Path, pd.DataFrame]:
    """Read a researcher-edited CSV (all columns as text); errors name the file."""
    p = Path(path) if path is not None else data_path(default)
    if not p.exists():
        raise FileNotFoundError(f"{p}: {what} file not found")
    try:
        return p, pd.read_csv(p, dtype=str, keep_default_na=False, encoding="utf-8")
    except (pd.errors.ParserError, UnicodeDecodeError) as e:
        raise GazetteerError(f"{p}: cannot read as a UTF-8 CSV ({e})") from e


def load_gazetteer(path: str | os.PathLike | None = None) -> pd.DataFrame:
    """Read and validate the gazetteer CSV (default ``data/actors.csv``).

    >>> g = load_gazetteer()
    >>> g.set_index("actor_id").loc["KREMLIN", ["type", "country"]].tolist()
    ['organization', 'RUS']
    """
    p, raw = _read_data_csv(path, "actors.csv", "gazetteer")
    df = validate_gazetteer(raw, str(p))
    df.attrs["source"] = str(p)
    return df


def variant_table(gazetteer: pd.DataFrame | None = None) -> pd.DataFrame:
    """Every spelling the matcher looks for: ``actor_id, variant, key, strength, rule``.

    >>> v = variant_table()
    >>> v[(v.actor_id == "XI") & (v.strength == "weak")]["variant"].tolist()
    ['شي', 'جي', 'G', 'Xi']
    """
    gaz = load_gazetteer() if gazetteer is None else validate_gazetteer(gazetteer)
    rows = []
    for _, r in gaz.iterrows():
        for key, text, strength, rule in _forms(r):
            rows.append((r["actor_id"], text, " ".join(key), strength, rule))
    return pd.DataFrame(rows, columns=["actor_id", "variant", "key", "strength", "rule"])


# ---------------------------------------------------------------------------
# Role titles (data/roles.csv): "الرئيس الروسي" -> the office holder on the article's date
# ---------------------------------------------------------------------------

ROLE_COLUMNS = ["role_id", "phrases", "actor_id", "valid_from", "valid_to"]
_ISO_RE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
# A role title right after these words is not the office holder: "نائب الرئيس الأمريكي"
# (the vice-president), "سلف الرئيس" (the predecessor), "الراحل".
_ROLE_NOT_AFTER = frozenset(normalize(w) for w in ("نائب", "نائبة", "نواب", "سلف", "الراحل", "الراحلة"))
# ... nor before these: former, elect, next, late, acting, "then" (آنذاك).
_ROLE_NOT_BEFORE = frozenset(normalize(w) for w in (
    "السابق", "السابقة", "الأسبق", "الأسبقة", "المنتخب", "المنتخبة", "المقبل", "المقبلة", "القادم",
    "القادمة", "الراحل", "الراحلة", "المؤقت", "المؤقتة", "بالوكالة", "بالإنابة", "آنذاك", "حينها",
    "حينذاك", "وقتها", "وقتذاك", "يومها", "يومذاك",
))
# Words between a role title and the holder's name in an apposition ("الرئيس الروسي، السيد بوتين").
_APPOSITION_GAP = frozenset({"،", ",", "السيد", "السيدة"})


def _iso(value: object) -> str | None:
    """'YYYY-MM-DD' for a date-like value (str, date, Timestamp); None when missing."""
    if value is None or (isinstance(value, float) and pd.isna(value)) or value is pd.NaT:
        return None
    if isinstance(value, str):
        v = value.strip()
        if not v:
            return None
        if _ISO_RE.match(v[:10]):
            return v[:10]
    try:
        ts = pd.Timestamp(value)
    except (ValueError, TypeError):
        raise ValueError(f"not a date: {value!r}") from None
    return None if pd.isna(ts) else ts.strftime("%Y-%m-%d")


def validate_roles(
    roles: pd.DataFrame, gazetteer: pd.DataFrame | None = None, source: str = "<roles DataFrame>"
) -> pd.DataFrame:
    """Check a role table and return a clean copy with a ``key`` column (normalized phrases).

    One row per (role, holder, term). ``phrases`` (``|``-separated Arabic titles) may be
    written on any row of the role: a role's phrases are the union over its rows.
    ``valid_from`` is inclusive and ``valid_to`` exclusive (the hand-over day belongs to
    the successor); an empty ``valid_to`` means "still in office". Raises
    :class:`GazetteerError` naming ``source``, the CSV row and the problem: missing
    columns, malformed ids or dates, an ``actor_id`` not in the gazetteer, overlapping
    terms of one role, a phrase shared by two roles or equal to a gazetteer spelling (it
    would then be matched whatever the date).

    >>> bad = pd.DataFrame({"role_id": ["RUS_PRESIDENT"], "phrases": ["الرئيس الروسي"],
    ...                     "actor_id": ["PUTIN"], "valid_from": ["2012-05-07"], "valid_to": ["2012"]})
    >>> validate_roles(bad, source="roles.csv")
    Traceback (most recent call last):
    ...
    arnews.actors.GazetteerError: roles.csv, row 2 (role RUS_PRESIDENT): valid_to '2012' is not an ISO date (YYYY-MM-DD)
    """
    missing = [c for c in ROLE_COLUMNS if c not in roles.columns]
    if missing:
        raise GazetteerError(f"{source}: missing column(s) {missing}; a role table needs {ROLE_COLUMNS} (optional: note)")
    gaz = default_gazetteer() if gazetteer is None else gazetteer
    known = set(gaz["actor_id"])
    name_keys = {k[0]: r["actor_id"] for _, r in gaz.iterrows() for k in _forms(r) if k[2] != "not"}
    df = roles.copy().reset_index(drop=True)
    for c in ROLE_COLUMNS:
        df[c] = df[c].map(lambda v: "" if v is None or (isinstance(v, float) and pd.isna(v)) else str(v).strip())
    phrase_role: dict[tuple[str, ...], tuple[str, int, str]] = {}
    terms: dict[str, list[tuple[str, str, int]]] = {}
    for i, r in df.iterrows():
        row = i + 2
        rid = r["role_id"]
        if not rid:
            raise GazetteerError(f"{source}, row {row}: empty role_id")
        where = f"{source}, row {row} (role {rid})"
        if not _ID_RE.match(rid):
            raise GazetteerError(f"{where}: role_id must be upper-case letters, digits and _ (e.g. RUS_PRESIDENT)")
        if r["actor_id"] not in known:
            raise GazetteerError(f"{where}: actor_id {r['actor_id']!r} is not in the gazetteer (data/actors.csv)")
        for col in ("valid_from", "valid_to"):
            v = r[col]
            if (v or col == "valid_from") and not _ISO_RE.match(v):
                raise GazetteerError(f"{where}: {col} {v!r} is not an ISO date (YYYY-MM-DD)")
            if v:
                try:
                    pd.Timestamp(v)
                except ValueError:
                    raise GazetteerError(f"{where}: {col} {v!r} is not a valid date") from None
        if r["valid_to"] and r["valid_to"] <= r["valid_from"]:
            raise GazetteerError(f"{where}: valid_to {r['valid_to']} is not after valid_from {r['valid_from']}")
        for ph in split_field(r["phrases"]):
            key = _variant_key(ph)
            if not key or not any(key):
                raise GazetteerError(f"{where}: phrase {ph!r} is empty after normalization")
            if key in name_keys:
                raise GazetteerError(
                    f"{where}: phrase {ph!r} is also a gazetteer spelling of {name_keys[key]}; "
                    "remove one of them (a gazetteer spelling is matched whatever the date)")
            prev = phrase_role.get(key)
            if prev is not None and prev[0] != rid:
                raise GazetteerError(f"{where}: phrase {ph!r} also belongs to role {prev[0]} on row {prev[1]}")
            phrase_role.setdefault(key, (rid, row, ph))
        terms.setdefault(rid, []).append((r["valid_from"], r["valid_to"] or "9999-12-31", row))
    for rid, ts in terms.items():
        if not any(v[0] == rid for v in phrase_role.values()):
            raise GazetteerError(f"{source}, row {ts[0][2]} (role {rid}): the role has no phrases on any of its rows")
        ts = sorted(ts)
        for (f1, t1, r1), (f2, _t2, r2) in zip(ts, ts[1:]):
            if f2 < t1:
                raise GazetteerError(f"{source}, row {r2} (role {rid}): term from {f2} overlaps the term on row {r1} (until {t1})")
    df.attrs["phrases"] = {k: (v[0], v[2]) for k, v in phrase_role.items()}
    df.attrs["source"] = source
    return df


def load_roles(path: str | os.PathLike | None = None, gazetteer: pd.DataFrame | None = None) -> pd.DataFrame:
    """Read and validate the role titles CSV (default ``data/roles.csv``).

    >>> r = load_roles()
    >>> r[r.role_id == "USA_PRESIDENT"][["actor_id", "valid_from", "valid_to"]].values.tolist()[-2:]
    [['BIDEN', '2021-01-20', '2025-01-20'], ['TRUMP', '2025-01-20', '']]
    """
    p, raw = _read_data_csv(path, "roles.csv", "role titles")
    return validate_roles(raw, gazetteer, str(p))


def role_holder(role_id: str, date: object, roles: pd.DataFrame | None = None) -> str | None:
    """The actor holding ``role_id`` on ``date`` (None when the date is missing or no term covers it).

    >>> role_holder("USA_PRESIDENT", "2025-01-19"), role_holder("USA_PRESIDENT", "2025-01-20")
    ('BIDEN', 'TRUMP')
    >>> role_holder("CHN_FM", "2023-03-01"), role_holder("CHN_FM", None)
    ('QIN_GANG', None)
    """
    r = _default_roles() if roles is None else roles
    return _holder(_role_terms(r).get(role_id, ()), _iso(date))


def _role_terms(roles: pd.DataFrame) -> dict[str, tuple[tuple[str, str, str], ...]]:
    """role_id -> sorted (valid_from, valid_to or '9999-12-31', actor_id)."""
    out: dict[str, list] = {}
    for rid, a, f, t in zip(roles["role_id"], roles["actor_id"], roles["valid_from"], roles["valid_to"]):
        out.setdefault(rid, []).append((f, t or "9999-12-31", a))
    return {k: tuple(sorted(v)) for k, v in out.items()}


def _holder(terms, date: str | None) -> str | None:
    if date is None:
        return None
    for f, t, a in terms:
        if f <= date < t:
            return a
    return None


_DEFAULT_ROLES: dict[tuple, pd.DataFrame] = {}


def _default_roles() -> pd.DataFrame:
    p = data_path("roles.csv")
    g = data_path("actors.csv")
    if not p.exists():
        return pd.DataFrame(columns=ROLE_COLUMNS)
    key = (str(p), p.stat().st_mtime, g.stat().st_mtime)
    if key not in _DEFAULT_ROLES:
        _DEFAULT_ROLES.clear()
        _DEFAULT_ROLES[key] = load_roles(p, default_gazetteer())
    return _DEFAULT_ROLES[key]


# ---------------------------------------------------------------------------
# Matcher
# ---------------------------------------------------------------------------


@dataclass(frozen=True)
class _Entry:
    tokens: tuple[str, ...]
    actor_id: str
    strength: str  # strong | weak | not
    variant: str
    strict: bool = False  # weak variant that needs the actor itself in the article


class _Matcher:
    """Index of gazetteer keys by first token, with a per-token-type cache of clitic analyses."""

    def __init__(self, gaz: pd.DataFrame, roles: pd.DataFrame | None = None):
        self.index: dict[str, list[_Entry]] = {}
        self.info: dict[str, tuple[str, str]] = {}
        for _, r in gaz.iterrows():
            self.info[r["actor_id"]] = (r["type"], r["country"])
            for key, text, strength, rule in _forms(r):
                self.index.setdefault(key[0], []).append(
                    _Entry(key, r["actor_id"], strength, text, strict=rule == "weak!"))
        for entries in self.index.values():
            entries.sort(key=lambda e: -len(e.tokens))
        self._cache: dict[str, tuple[tuple[str, int, bool], ...]] = {}
        # role titles: a separate index (they overlap the names inside them)
        self.rindex: dict[str, list[_Entry]] = {}
        self.terms: dict[str, tuple[tuple[str, str, str], ...]] = {}
        if roles is not None and len(roles):
            for key, (rid, text) in roles.attrs.get("phrases", {}).items():
                self.rindex.setdefault(key[0], []).append(_Entry(key, rid, "role", text))
            for entries in self.rindex.values():
                entries.sort(key=lambda e: -len(e.tokens))
            self.terms = _role_terms(roles)
        self._rcache: dict[str, tuple[tuple[str, int, bool], ...]] = {}

    def role_candidates(self, norm: str) -> tuple[tuple[str, int, bool], ...]:
        """Role-index keys this token can stand for (like :meth:`candidates`)."""
        hit = self._rcache.get(norm)
        if hit is not None:
            return hit
        res = tuple(c for c in _clitic_keys(norm) if c[0] in self.rindex) if self.rindex else ()
        if len(self._rcache) > TYPE_CACHE_LIMIT:
            self._rcache.clear()
        self._rcache[norm] = res
        return res

    def candidates(self, norm: str) -> tuple[tuple[str, int, bool], ...]:
        """Index keys this token can stand for: (key, proclitic length, article re-attached)."""
        hit = self._cache.get(norm)
        if hit is not None:
            return hit
        out = []
        for key, plen, art in _clitic_keys(norm):
            if key in self.index:
                out.append((key, plen, art))
        res = tuple(out)
        if len(self._cache) > TYPE_CACHE_LIMIT:
            self._cache.clear()
        self._cache[norm] = res
        return res


def _clitic_keys(t: str) -> tuple[Reading, ...]:
    """Readings of a normalized token as proclitics + rest (:func:`arnews.wordforms.proclitic_readings`)."""
    return proclitic_readings(t)


_MATCHERS: dict[str, _Matcher] = {}


def _matcher_for(gaz: pd.DataFrame, roles: pd.DataFrame | None = None) -> _Matcher:
    h = hashlib.sha1(pd.util.hash_pandas_object(gaz.astype(str), index=False).values.tobytes())
    if roles is not None and len(roles):
        h.update(pd.util.hash_pandas_object(roles[ROLE_COLUMNS].astype(str), index=False).values.tobytes())
    key = h.hexdigest()
    m = _MATCHERS.get(key)
    if m is None:
        if len(_MATCHERS) > 8:
            _MATCHERS.clear()
        m = _MATCHERS[key] = _Matcher(gaz, roles)
    return m


_DEFAULT: dict[tuple[str, float], pd.DataFrame] = {}


def default_gazetteer() -> pd.DataFrame:
    """The repository gazetteer (``data/actors.csv``), validated, re-read when the file changes."""
    p = data_path("actors.csv")
    key = (str(p), p.stat().st_mtime)
    if key not in _DEFAULT:
        _DEFAULT.clear()
        _DEFAULT[key] = load_gazetteer(p)
    return _DEFAULT[key]


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
        roles = _default_roles() if gazetteer is None else None
    elif len(roles):
        roles = validate_roles(roles, gaz)
    m = _matcher_for(gaz, roles)
    if texts is not None and isinstance(texts, pd.Series):
        texts = texts.to_dict()
    if dates is not None and isinstance(dates, pd.Series):
        dates = dates.to_dict()
    use_roles = dates is not None and bool(m.rindex)

    toks = tokens
    if len(toks) and not (toks["article_id"].is_monotonic_increasing or _grouped_sorted(toks)):
        toks = toks.sort_values(["article_id", "token_id"], kind="stable")
    aids = toks["article_id"].tolist()
    sids = toks["sentence_id"].tolist()
    tids = toks["token_id"].tolist()
    starts = toks["start"].tolist()
    ends = toks["end"].tolist()
    surfs = toks["surface"].tolist()
    # A token whose normalization is empty (a non-Arabic script such as Tamil, which
    # ``arclean`` drops) is matched on its surface form.
    norms = [nm if nm else sf for nm, sf in zip(toks["norm"].tolist(), surfs)]
    n = len(norms)

    raw: list[dict] = []
    role_hits: list[tuple[int, int, _Entry, int, bool]] = []  # (i, j, entry, plen, art)
    if use_roles:  # only tokens whose type can start a title (checked once per type)
        firsts = {w for w in set(norms) if m.role_candidates(w)}
        for i in [k for k, w in enumerate(norms) if w in firsts]:
            hit = _role_at(m, norms, aids, sids, i, n)
            if hit is not None and (not role_hits or i > role_hits[-1][1]):
                role_hits.append(hit)
    i = 0
    while i < n:
        cands = m.candidates(norms[i])
        best = None  # (length, -plen, strong, entry, plen, art)
        for key, plen, art in cands:
            for e in m.index[key]:
                L = len(e.tokens)
                if best is not None and L < best[0]:
                    break
                if L > 1:
                    j = i + L - 1
                    if j >= n or aids[j] != aids[i] or sids[j] != sids[i]:
                        continue
                    if any(norms[i + k] != e.tokens[k] for k in range(1, L)):
                        continue
                if e.strength == "weak" and (art or not _conj_only(norms[i], plen)):
                    continue
                score = (L, -plen, e.strength == "strong")
                if best is None or score > best[:3]:
                    best = (L, -plen, e.strength == "strong", e, plen, art)
        if best is None:
            i += 1
            continue
        L, _, _, e, plen, art = best
        j = i + L - 1
        if e.strength == "not":  # a phrase that contains a name but names nobody
            i = j + 1
            continue
        cut = 0 if art else _skip_chars(surfs[i], plen)
        raw.append(
            {
                "i": i, "j": j, "article_id": aids[i], "sentence_id": sids[i],
                "start": starts[i] + cut, "end": ends[j], "actor_id": e.actor_id,
                "token_start": tids[i], "token_end": tids[j], "variant": e.variant, "match": e.strength,
                "strict": e.strict,
            }
        )
        i = j + 1

    rows = _resolve_weak(raw, m, aids, norms, n)
    for r in rows:
        r["via"], r["role"] = "name", None
    if role_hits:
        rows = _resolve_roles(role_hits, rows, m, dates, aids, sids, tids, starts, ends, surfs, norms, n)
    for r in rows:
        i, j = r.pop("i"), r.pop("j")
        r.pop("strict")
        text = texts.get(r["article_id"]) if texts is not None else None
        if text is not None:
            r["surface"] = text[r["start"]:r["end"]]
        else:
            parts = [surfs[i][r["start"] - starts[i]:]]
            for k in range(i + 1, j + 1):
                parts.append(" " * max(1, starts[k] - ends[k - 1]) + surfs[k])
            r["surface"] = "".join(parts)
        r["actor_type"], r["country"] = m.info[r["actor_id"]]
    out = pd.DataFrame(rows, columns=MENTION_COLUMNS)
    return out.astype(
        {"sentence_id": "int32", "start": "int32", "end": "int32", "token_start": "int32", "token_end": "int32"}
    ).reset_index(drop=True)


def _role_at(m: _Matcher, norms: list[str], aids: list, sids: list, i: int, n: int):
    """The longest role title starting at token ``i``: (i, j, entry, plen, art) or None."""
    best = None
    for key, plen, art in m.role_candidates(norms[i]):
        for e in m.rindex[key]:
            L = len(e.tokens)
            if best is not None and L <= best[1] - best[0] + 1:
                break
            j = i + L - 1
            if j >= n or aids[j] != aids[i] or sids[j] != sids[i]:
                continue
            if any(norms[i + k] != e.tokens[k] for k in range(1, L)):
                continue
            best = (i, j, e, plen, art)
            break
    return best


def _strip_conj(w: str) -> str:
    return strip_conjunction(w, 3)


def _resolve_roles(role_hits, rows, m: _Matcher, dates, aids, sids, tids, starts, ends, surfs, norms, n) -> list[dict]:
    """Add a person mention for every role title whose holder is known on the article's date."""
    person_first = {r["i"]: r for r in rows if m.info[r["actor_id"]][0] == "person"}
    person_last = {r["j"]: r for r in rows if m.info[r["actor_id"]][0] == "person"}
    iso: dict = {}
    out = list(rows)
    for i, j, e, plen, art in role_hits:
        aid = aids[i]
        if aid not in iso:
            try:
                iso[aid] = _iso(dates.get(aid))
            except ValueError as err:
                raise ValueError(f"find_mentions: dates[{aid!r}]: {err}") from None
        holder = _holder(m.terms.get(e.actor_id, ()), iso[aid])
        if holder is None:
            continue
        same = lambda k: 0 <= k < n and aids[k] == aid and sids[k] == sids[i]  # noqa: E731
        if same(i - 1) and _strip_conj(norms[i - 1]) in _ROLE_NOT_AFTER:
            continue
        if same(j + 1) and norms[j + 1] in _ROLE_NOT_BEFORE:
            continue
        k = j + 1
        while same(k) and norms[k] in _APPOSITION_GAP:
            k += 1
        if same(k) and k in person_first:  # "الرئيس الروسي فلاديمير بوتين"
            continue
        if same(i - 1) and norms[i - 1] in ("،", ",") and (i - 2) in person_last:  # "بوتين، الرئيس الروسي"
            continue
        cut = 0 if art else _skip_chars(surfs[i], plen)
        out.append({
            "i": i, "j": j, "article_id": aid, "sentence_id": sids[i], "start": starts[i] + cut,
            "end": ends[j], "actor_id": holder, "token_start": tids[i], "token_end": tids[j],
            "variant": e.variant, "match": "strong", "strict": False, "via": "role", "role": e.actor_id,
        })
    out.sort(key=lambda r: (r["i"], -r["j"]))
    return out


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


def _resolve_weak(raw: list[dict], m: _Matcher, aids: list, norms: list[str], n: int) -> list[dict]:
    """Keep weak matches only in context (see the module docstring)."""
    by_article: dict[str, list[dict]] = {}
    for r in raw:
        by_article.setdefault(r["article_id"], []).append(r)
    out: list[dict] = []
    for _aid, ms in by_article.items():
        strong = [r for r in ms if r["match"] == "strong"]
        actors = {r["actor_id"] for r in strong}
        countries = {m.info[r["actor_id"]][1] for r in strong}
        kept_weak: list[dict] = []
        pending: list[dict] = []
        for r in ms:
            if r["match"] == "strong":
                continue
            i, j = r["i"], r["j"]
            if _next_to_number(i, j, aids, norms, n) or _after_determiner(i, aids, norms):
                continue
            country = m.info[r["actor_id"]][1]
            if r["strict"]:  # needs the actor itself
                pending.append(r)
            elif r["actor_id"] in actors or country in countries:
                kept_weak.append(r)
        named = actors | {r["actor_id"] for r in kept_weak}
        kept_weak += [r for r in pending if r["actor_id"] in named]
        keep = {id(r) for r in strong} | {id(r) for r in kept_weak}
        out.extend(r for r in ms if id(r) in keep)
    return out


def _next_to_number(i: int, j: int, aids: list, norms: list[str], n: int) -> bool:
    for k in (i - 1, j + 1):
        if 0 <= k < n and aids[k] == aids[i] and _DIGIT_RE.match(norms[k]):
            return True
    return False


def _after_determiner(i: int, aids: list, norms: list[str]) -> bool:
    k = i - 1
    return k >= 0 and aids[k] == aids[i] and norms[k] in _NOT_BEFORE_NAME


def annotate_stage(tables: dict[str, pd.DataFrame]) -> dict[str, pd.DataFrame]:
    """Pipeline stage: the ``mentions`` table from ``tokens`` (exact surfaces from ``clean_text``;
    role titles resolved with ``articles.date``, see :func:`find_mentions`).

    When CAMeL Tools' NER model is installed (see :func:`ner_available`) and the environment
    variable ``ARNEWS_NER`` is not ``0``, it also adds ``actor_candidates``: one row per name
    the NER model finds that the gazetteer does not cover (never merged into ``mentions``).
    """
    arts = tables["articles"]
    texts = dict(zip(arts["article_id"], arts["clean_text"])) if "clean_text" in arts.columns else None
    dates = dict(zip(arts["article_id"], arts["date"])) if "date" in arts.columns else None
    mentions = find_mentions(tables["tokens"], texts=texts, dates=dates)
    out = {"mentions": mentions}
    if os.environ.get("ARNEWS_NER", "1") != "0" and ner_available():
        out["actor_candidates"] = ner_candidates(tables["tokens"], mentions, texts=texts, aggregate=False)
    return out


def cache_token() -> str:
    """Whether the NER backend runs here (part of the stage's version; the gazetteer and role
    titles files are in the stage's ``reads``)."""
    return "ner" if os.environ.get("ARNEWS_NER", "1") != "0" and ner_available() else "no-ner"


STAGE = Stage(
    name="actors",
    run="arnews.actors:annotate_stage",
    requires=("tokens.norm", "tokens.surface"),
    uses=("articles.clean_text", "articles.date"),
    produces=("mentions", "actor_candidates"),
    reads=("actors.csv", "roles.csv"),
    token="arnews.actors:cache_token",
)


# ---------------------------------------------------------------------------
# Optional backend: CAMeL Tools' BERT NER, for names the gazetteer lacks
# ---------------------------------------------------------------------------

NER_LABELS = ("PERS", "ORG", "LOC", "MISC")
CANDIDATE_COLUMNS = ["article_id", "sentence_id", "start", "end", "surface", "label", "token_start", "token_end", "key"]


def camel_ner_model_path() -> Path | None:
    """Folder of the installed CAMeL Tools NER model, or None.

    ``$ARNEWS_NER_MODEL`` (a folder with a BERT token-classification model) wins; otherwise
    CAMeL's ``catalogue.json`` is read to find its default ``NamedEntityRecognition`` dataset.
    Nothing is imported from ``camel_tools`` and nothing is downloaded.

    >>> import os
    >>> os.environ["ARNEWS_NER_MODEL"] = "/nonexistent/model"
    >>> camel_ner_model_path() is None
    True
    >>> del os.environ["ARNEWS_NER_MODEL"]
    """
    env = os.environ.get("ARNEWS_NER_MODEL")
    if env:
        p = Path(env)
        return p if (p / "config.json").is_file() else None
    root = camel_data_dir()
    try:
        comp = json.loads((root / "catalogue.json").read_text(encoding="utf-8"))["components"]["NamedEntityRecognition"]
        p = root / "data" / comp["datasets"][comp["default"]]["path"]
    except (OSError, ValueError, KeyError, TypeError):
        return None
    return p if (p / "config.json").is_file() else None


def ner_available() -> bool:
    """True when a CAMeL NER model is installed (checked without importing camel_tools.ner)."""
    return camel_ner_model_path() is not None


_RECOGNIZERS: dict[str, object] = {}


def _load_recognizer(model_path: str | os.PathLike | None):
    path = Path(model_path) if model_path is not None else camel_ner_model_path()
    if path is None or not (path / "config.json").is_file():
        raise FileNotFoundError(
            f"no CAMeL Tools NER model found ({path or camel_data_dir()}); install it with "
            "`camel_data -i ner-arabert` or pass model_path= a BERT token-classification folder"
        )
    if not (camel_data_dir() / "catalogue.json").is_file() and "camel_tools.data" not in sys.modules:
        # camel_tools.ner imports camel_tools.data, which downloads a catalogue when none exists
        raise FileNotFoundError(
            f"{camel_data_dir() / 'catalogue.json'}: CAMeL Tools has no catalogue; importing "
            "camel_tools.ner would try to download one (set CAMELTOOLS_DATA to an installed data folder)"
        )
    key = str(path.resolve())
    if key not in _RECOGNIZERS:
        from camel_tools.ner import NERecognizer  # lazy: heavy, and data-backed

        _RECOGNIZERS[key] = NERecognizer(key, use_gpu=False)
    return _RECOGNIZERS[key]


def _bio_spans(labels: list[str]) -> list[tuple[int, int, str]]:
    """(first, last, type) of the entities in a BIO label sequence; a stray I- starts one.

    >>> _bio_spans(["O", "B-PERS", "I-PERS", "B-LOC", "I-ORG", "O"])
    [(1, 2, 'PERS'), (3, 3, 'LOC'), (4, 4, 'ORG')]
    """
    spans: list[tuple[int, int, str]] = []
    cur: list | None = None
    for i, lab in enumerate(labels):
        tag, _, typ = lab.partition("-")
        if tag == "I" and cur is not None and cur[2] == typ and cur[1] == i - 1:
            cur[1] = i
            continue
        if cur is not None:
            spans.append(tuple(cur))
            cur = None
        if tag in ("B", "I") and typ:
            cur = [i, i, typ]
    if cur is not None:
        spans.append(tuple(cur))
    return spans


def ner_candidates(
    tokens: pd.DataFrame,
    mentions: pd.DataFrame | None = None,
    gazetteer: pd.DataFrame | None = None,
    *,
    texts: Mapping[str, str] | None = None,
    model_path: str | os.PathLike | None = None,
    recognizer=None,
    batch_size: int = 32,
    aggregate: bool = True,
) -> pd.DataFrame:
    """Names CAMeL's NER model finds that the gazetteer does not: candidates to add to it.

    Every sentence's tokens go through :class:`camel_tools.ner.NERecognizer` (the installed
    model, ``model_path``, or a ready ``recognizer``); entities that overlap a gazetteer
    mention are dropped. Nothing is merged into the mentions table.

    With ``aggregate=True`` (default) one row per candidate: ``key`` (normalized text),
    ``label`` (PERS/ORG/LOC/MISC), ``surface`` (most frequent spelling), ``n_mentions``,
    ``n_articles``, and the first ``article_id``/``sentence_id`` it occurs in. With
    ``aggregate=False`` one row per occurrence (columns :data:`CANDIDATE_COLUMNS`).

    >>> cands = ner_candidates(ann.tokens, ann.mentions)     # doctest: +SKIP
    >>> cands.query("label == 'PERS'").head()                # doctest: +SKIP
    """
    rec = recognizer if recognizer is not None else _load_recognizer(model_path)
    if mentions is None:
        mentions = find_mentions(tokens, gazetteer, texts=texts)
    covered: dict[str, set[int]] = {}
    for aid, s, e in zip(mentions["article_id"], mentions["token_start"], mentions["token_end"]):
        covered.setdefault(aid, set()).update(range(int(s), int(e) + 1))

    groups = [(k, g) for k, g in tokens.sort_values(["article_id", "token_id"], kind="stable")
              .groupby(["article_id", "sentence_id"], sort=False)]
    words = [g["surface"].tolist() for _k, g in groups]
    labels = rec.predict(words, batch_size=batch_size) if words else []
    rows = []
    for ((aid, sid), g), labs in zip(groups, labels):
        labs = list(labs) + ["O"] * (len(g) - len(labs))  # long sentences are truncated by BERT
        tids, starts, ends = g["token_id"].tolist(), g["start"].tolist(), g["end"].tolist()
        surfs, norms = g["surface"].tolist(), g["norm"].tolist()
        cov = covered.get(aid, set())
        for first, last, typ in _bio_spans(labs):
            if any(tids[k] in cov for k in range(first, last + 1)):
                continue
            text = texts.get(aid) if texts is not None else None
            surface = text[starts[first]:ends[last]] if text is not None else " ".join(surfs[first:last + 1])
            rows.append((aid, sid, starts[first], ends[last], surface, typ, tids[first], tids[last],
                         " ".join(n or s for n, s in zip(norms[first:last + 1], surfs[first:last + 1]))))
    occ = pd.DataFrame(rows, columns=CANDIDATE_COLUMNS)
    if not aggregate:
        return occ
    cols = ["key", "label", "surface", "n_mentions", "n_articles", "article_id", "sentence_id"]
    if occ.empty:
        return pd.DataFrame(columns=cols)
    agg = occ.groupby(["key", "label"], sort=False).agg(
        surface=("surface", lambda s: s.value_counts().index[0]),
        n_mentions=("surface", "size"),
        n_articles=("article_id", "nunique"),
        article_id=("article_id", "first"),
        sentence_id=("sentence_id", "first"),
    ).reset_index()
    return agg.sort_values(["n_mentions", "key"], ascending=[False, True]).reset_index(drop=True)[cols]


# ---------------------------------------------------------------------------
# Evaluation against data/gold/actors.csv
# ---------------------------------------------------------------------------


# Gold reading and evaluation live in arnews.evaluation; these names stay reachable here for
# notebooks written before the move (looked up on first use: no import of arnews.evaluation).
_MOVED = {
    "evaluate": "arnews.evaluation.actors",
    "evaluation_report": "arnews.evaluation.actors",
    "read_gold": "arnews.evaluation.actors",
    "GOLD_COLUMNS": "arnews.evaluation.actors",
}


def __getattr__(name: str):
    if name in _MOVED:
        import importlib

        return getattr(importlib.import_module(_MOVED[name]), name)
    raise AttributeError(f"module 'arnews.actors' has no attribute {name!r}")

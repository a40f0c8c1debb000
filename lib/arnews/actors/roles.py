"""Role titles (``data/roles.csv``): "الرئيس الروسي" → the office holder on the article's date."""
from __future__ import annotations

import os

import pandas as pd
import regex as re

from ..resources import data_path
from ..text import normalize
from .gazetteer import ID_RE, GazetteerError, default_gazetteer, read_data_csv, split_field, variant_forms, variant_key

__all__ = ["ROLE_COLUMNS", "validate_roles", "load_roles", "role_holder", "role_terms", "holder_on", "default_roles",
           "ROLE_NOT_AFTER", "ROLE_NOT_BEFORE", "APPOSITION_GAP", "iso_date"]

ROLE_COLUMNS = ["role_id", "phrases", "actor_id", "valid_from", "valid_to"]
_ISO_RE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
# A role title right after these words is not the office holder: "نائب الرئيس الأمريكي"
# (the vice-president), "سلف الرئيس" (the predecessor), "الراحل".
ROLE_NOT_AFTER = frozenset(normalize(w) for w in ("نائب", "نائبة", "نواب", "سلف", "الراحل", "الراحلة"))
# ... nor before these: former, elect, next, late, acting, "then" (آنذاك).
ROLE_NOT_BEFORE = frozenset(normalize(w) for w in (
    "السابق", "السابقة", "الأسبق", "الأسبقة", "المنتخب", "المنتخبة", "المقبل", "المقبلة", "القادم",
    "القادمة", "الراحل", "الراحلة", "المؤقت", "المؤقتة", "بالوكالة", "بالإنابة", "آنذاك", "حينها",
    "حينذاك", "وقتها", "وقتذاك", "يومها", "يومذاك",
))
# Words between a role title and the holder's name in an apposition ("الرئيس الروسي، السيد بوتين").
APPOSITION_GAP = frozenset({"،", ",", "السيد", "السيدة"})


def iso_date(value: object) -> str | None:
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
    name_keys = {k[0]: r["actor_id"] for _, r in gaz.iterrows() for k in variant_forms(r) if k[2] != "not"}
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
        if not ID_RE.match(rid):
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
            key = variant_key(ph)
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
    p, raw = read_data_csv(path, "roles.csv", "role titles")
    return validate_roles(raw, gazetteer, str(p))


def role_holder(role_id: str, date: object, roles: pd.DataFrame | None = None) -> str | None:
    """The actor holding ``role_id`` on ``date`` (None when the date is missing or no term covers it).

    >>> role_holder("USA_PRESIDENT", "2025-01-19"), role_holder("USA_PRESIDENT", "2025-01-20")
    ('BIDEN', 'TRUMP')
    >>> role_holder("CHN_FM", "2023-03-01"), role_holder("CHN_FM", None)
    ('QIN_GANG', None)
    """
    r = default_roles() if roles is None else roles
    return holder_on(role_terms(r).get(role_id, ()), iso_date(date))


def role_terms(roles: pd.DataFrame) -> dict[str, tuple[tuple[str, str, str], ...]]:
    """role_id -> sorted (valid_from, valid_to or '9999-12-31', actor_id)."""
    out: dict[str, list] = {}
    for rid, a, f, t in zip(roles["role_id"], roles["actor_id"], roles["valid_from"], roles["valid_to"]):
        out.setdefault(rid, []).append((f, t or "9999-12-31", a))
    return {k: tuple(sorted(v)) for k, v in out.items()}


def holder_on(terms, date: str | None) -> str | None:
    if date is None:
        return None
    for f, t, a in terms:
        if f <= date < t:
            return a
    return None


_DEFAULT_ROLES: dict[tuple, pd.DataFrame] = {}


def default_roles() -> pd.DataFrame:
    p = data_path("roles.csv")
    g = data_path("actors.csv")
    if not p.exists():
        return pd.DataFrame(columns=ROLE_COLUMNS)
    key = (str(p), p.stat().st_mtime, g.stat().st_mtime)
    if key not in _DEFAULT_ROLES:
        _DEFAULT_ROLES.clear()
        _DEFAULT_ROLES[key] = load_roles(p, default_gazetteer())
    return _DEFAULT_ROLES[key]

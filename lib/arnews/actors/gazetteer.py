"""The actor gazetteer (``data/actors.csv``): reading, validation and the spellings of each actor
(see :mod:`arnews.actors` for the columns)."""
from __future__ import annotations

import os
from pathlib import Path
from typing import Mapping

import pandas as pd
import regex as re

from ..resources import data_path
from ..text import normalize, tokenize
from ..wordforms import nisba_forms

__all__ = ["ACTOR_TYPES", "GAZETTEER_COLUMNS", "OPTIONAL_COLUMNS", "GazetteerError", "split_field", "validate_gazetteer",
           "load_gazetteer", "variant_table", "default_gazetteer", "variant_forms", "variant_key", "read_data_csv",
           "bodies"]

ACTOR_TYPES = ("person", "country", "organization", "bloc")
GAZETTEER_COLUMNS = ["actor_id", "type", "country", "label_en", "label_ar", "variants"]
OPTIONAL_COLUMNS = ["weak_variants", "nisba", "not_variants"]
ID_RE = re.compile(r"^[A-Z][A-Z0-9_]*$")


class GazetteerError(ValueError):
    """A problem in the gazetteer file (the message names the file, row and problem)."""


GazetteerError.__module__ = "arnews.actors"  # its public home (re-exported there)


def split_field(value: object) -> list[str]:
    """The ``|``-separated values of a gazetteer cell.

    >>> split_field("روسيا | موسكو")
    ['روسيا', 'موسكو']
    """
    if value is None or (isinstance(value, float) and pd.isna(value)):
        return []
    return [v.strip() for v in str(value).split("|") if v.strip()]


def variant_key(text: str) -> tuple[str, ...]:
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
        if not ID_RE.match(aid):
            raise GazetteerError(f"{where}: actor_id must be upper-case letters, digits and _ (e.g. PUTIN, RUS, YANG_JIECHI)")
        if aid in seen_ids:
            raise GazetteerError(f"{where}: duplicate actor_id, already defined on row {seen_ids[aid]}")
        seen_ids[aid] = row
        if r["type"] not in ACTOR_TYPES:
            raise GazetteerError(f"{where}: type {r['type']!r} is not one of {', '.join(ACTOR_TYPES)}")
        if not r["country"]:
            raise GazetteerError(f"{where}: empty country (use the ISO alpha-3 code, or the actor's own id for countries and blocs)")
        if not ID_RE.match(r["country"]):
            raise GazetteerError(f"{where}: country {r['country']!r} must be an upper-case code such as RUS or NATO")
        if r["type"] == "country" and r["country"] != aid:
            raise GazetteerError(f"{where}: a country's country must be itself ({aid}), not {r['country']!r}")
        forms = variant_forms(r)
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


def variant_forms(r: Mapping[str, str]) -> list[tuple[tuple[str, ...], str, str, str]]:
    """(normalized key, written form, strength, rule) for every spelling of one actor."""
    out: list[tuple[tuple[str, ...], str, str, str]] = []
    seen: set[tuple[str, ...]] = set()

    def add(text: str, strength: str, rule: str) -> None:
        key = variant_key(text)
        if key in seen:
            return
        seen.add(key)
        out.append((key, text, strength, rule))

    weak = {variant_key(v.rstrip("!").strip()) for v in split_field(r.get("weak_variants"))}
    label = [r["label_ar"]] if r.get("label_ar") and variant_key(r["label_ar"]) not in weak else []
    for v in label + split_field(r.get("variants")):  # a label also listed as weak (مالي) stays weak
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


def read_data_csv(path: str | os.PathLike | None, default: str, what: str) -> tuple[Path, pd.DataFrame]:
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
    p, raw = read_data_csv(path, "actors.csv", "gazetteer")
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
        for key, text, strength, rule in variant_forms(r):
            rows.append((r["actor_id"], text, " ".join(key), strength, rule))
    return pd.DataFrame(rows, columns=["actor_id", "variant", "key", "strength", "rule"])


_DEFAULT: dict[tuple[str, float], pd.DataFrame] = {}


def default_gazetteer() -> pd.DataFrame:
    """The repository gazetteer (``data/actors.csv``), validated, re-read when the file changes."""
    p = data_path("actors.csv")
    key = (str(p), p.stat().st_mtime)
    if key not in _DEFAULT:
        _DEFAULT.clear()
        _DEFAULT[key] = load_gazetteer(p)
    return _DEFAULT[key]


def bodies(gazetteer: pd.DataFrame) -> pd.DataFrame:
    """The rows of blocs and international bodies that stand for themselves (NATO, the UN, the
    IAEA: type bloc or organization and their own country code), not a state's institutions
    (the Kremlin is an organization of RUS).

    >>> sorted(bodies(load_gazetteer())["actor_id"])[:3], "KREMLIN" in set(bodies(load_gazetteer())["actor_id"])
    (['ARAB_LEAGUE', 'ASEAN', 'AU'], False)
    """
    g = gazetteer
    return g[g["type"].isin(["bloc", "organization"]) & (g["actor_id"] == g["country"])]

"""The gazetteer and role-title index, with a per-token-type cache of clitic readings."""
from __future__ import annotations

import hashlib
from dataclasses import dataclass

import pandas as pd

from ..resources import TYPE_CACHE_LIMIT
from ..wordforms import Reading, proclitic_readings
from .gazetteer import variant_forms
from .roles import ROLE_COLUMNS, role_terms

__all__ = ["Entry", "Matcher", "matcher_for"]

@dataclass(frozen=True)
class Entry:
    tokens: tuple[str, ...]
    actor_id: str
    strength: str  # strong | weak | not
    variant: str
    strict: bool = False  # weak variant that needs the actor itself in the article
    nisba: bool = False  # an inflection of the actor's nisba (الروسي، الصينية)


class Matcher:
    """Index of gazetteer keys by first token, with a per-token-type cache of clitic analyses."""

    def __init__(self, gaz: pd.DataFrame, roles: pd.DataFrame | None = None):
        self.index: dict[str, list[Entry]] = {}
        self.info: dict[str, tuple[str, str]] = {}
        for _, r in gaz.iterrows():
            self.info[r["actor_id"]] = (r["type"], r["country"])
            for key, text, strength, rule in variant_forms(r):
                self.index.setdefault(key[0], []).append(
                    Entry(key, r["actor_id"], strength, text, strict=rule == "weak!", nisba=rule == "nisba"))
        for entries in self.index.values():
            entries.sort(key=lambda e: -len(e.tokens))
        self._cache: dict[str, tuple[tuple[str, int, bool], ...]] = {}
        # role titles: a separate index (they overlap the names inside them)
        self.rindex: dict[str, list[Entry]] = {}
        self.terms: dict[str, tuple[tuple[str, str, str], ...]] = {}
        if roles is not None and len(roles):
            for key, (rid, text) in roles.attrs.get("phrases", {}).items():
                self.rindex.setdefault(key[0], []).append(Entry(key, rid, "role", text))
            for entries in self.rindex.values():
                entries.sort(key=lambda e: -len(e.tokens))
            self.terms = role_terms(roles)
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


_MATCHERS: dict[str, Matcher] = {}


def matcher_for(gaz: pd.DataFrame, roles: pd.DataFrame | None = None) -> Matcher:
    h = hashlib.sha1(pd.util.hash_pandas_object(gaz.astype(str), index=False).values.tobytes())
    if roles is not None and len(roles):
        h.update(pd.util.hash_pandas_object(roles[ROLE_COLUMNS].astype(str), index=False).values.tobytes())
    key = h.hexdigest()
    m = _MATCHERS.get(key)
    if m is None:
        if len(_MATCHERS) > 8:
            _MATCHERS.clear()
        m = _MATCHERS[key] = Matcher(gaz, roles)
    return m

"""The speech-cue lexicon (``data/lexicons/speech_verbs.csv``): speech verbs, participles,
"according to", speaker head nouns and group words (step 2 of :mod:`arnews.quotes`)."""
from __future__ import annotations

import csv
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from ..resources import data_path
from ..text import normalize

__all__ = ["GAP", "ROLES", "SpeechLexicon", "load_speech_verbs"]

#: In a multi-word form, the words of the speaker between the verb and the rest ("تحدث … عن «").
GAP = "..."
GAP_WORDS = 8

ROLES = ("verb", "verb_pronoun", "participle", "masdar", "passive", "according", "naql", "speaker_head",
         "group_persons", "group_countries")


@dataclass(frozen=True)
class SpeechLexicon:
    """Normalized speech cues: ``entries[first_word]`` -> list of (words, lemma, role),
    longest first; ``heads``: nouns that head a speaker phrase (المتحدث، بيان، وزارة);
    ``groups``: group nouns (الزعيمان -> ``persons``, الدولتان -> ``countries``)."""

    entries: dict[str, tuple[tuple[tuple[str, ...], str, str], ...]]
    heads: frozenset[str] = frozenset()
    groups: tuple[tuple[str, str], ...] = ()

    @property
    def group_kind(self) -> dict[str, str]:
        return dict(self.groups)

    def match(self, norms: list[str], i: int) -> tuple[int, str, str, str] | None:
        """Match a cue starting at token ``i`` (proclitic و/ف allowed on the first word).

        Returns ``(n_tokens, lemma, role, form)`` or None.

        >>> lex = load_speech_verbs()
        >>> lex.match(["وقال", "بوتين"], 0)[:3]
        (1, 'قال', 'verb')
        >>> lex.match(["وجاء", "في", "بيان"], 0)[:3]
        (2, 'جاء في', 'passive')
        """
        w = norms[i]
        cands = [w]
        if len(w) > 2 and w[0] in "وف":
            cands.append(w[1:])
            if len(w) > 3 and w[1] in "وف":  # فوقال is rare, ووفقا is not
                cands.append(w[2:])
        for c in cands:
            for words, lemma, role in self.entries.get(c, ()):
                k = len(words)
                if len(words) > 2 and words[1] == GAP:
                    if _gap_match(norms, i + 1, words[2:]):
                        return 1, lemma, role, c
                elif tuple(norms[i + 1 : i + k]) == words[1:]:
                    return k, lemma, role, " ".join((c,) + words[1:])
        return None


def _gap_match(norms: list[str], j: int, rest: tuple[str, ...]) -> bool:
    """Whether ``rest`` follows within :data:`GAP_WORDS` words after ``norms[j - 1]``, with at
    least one word and no punctuation but quotation marks between (a quoted name may stand in the
    subject): the subject of "وتحدث وزير المالية الروسي مرارا عن «…»" stands between the verb and
    عن (round 52).

    >>> _gap_match(["الوزير", "مرارا", "عن", '"'], 0, ("عن", '"')), _gap_match(["عن", '"'], 0, ("عن", '"'))
    (True, False)
    >>> _gap_match(["الوزير", "،", "عن", '"'], 0, ("عن", '"'))
    False
    """
    for g in range(j + 1, min(len(norms), j + 1 + GAP_WORDS)):
        if not (norms[g - 1][:1].isalpha() or norms[g - 1] == '"'):
            return False
        if tuple(norms[g : g + len(rest)]) == rest:
            return True
    return False


def load_speech_verbs(path: str | Path | None = None) -> SpeechLexicon:
    """Read the speech-cue lexicon (default ``data/lexicons/speech_verbs.csv``).

    Columns: ``lemma, role, forms, gloss``. ``forms`` lists inflected forms separated by
    spaces, or multi-word forms separated by ``|`` ("جاء في|ورد في"); "…" in a form stands for
    one to :data:`GAP_WORDS` words of the subject ("تحدث … عن «": the cue is the verb alone, and
    only when عن and a quotation mark follow). Forms are written as
    in text (hamza, tanween are fine): they are normalized like tokens. The proclitics و/ف
    are handled by the matcher, so "وقال" needs no row. ``role`` is one of

    * ``verb``: singular forms; the subject follows (قال بوتين) or precedes (بوتين قال);
    * ``verb_pronoun``: dual/plural forms (قالا، أكدوا). In Standard Arabic a verb before an
      explicit subject stays singular, so what follows these is an object; the subject
      stands before the verb or is a pronoun resolved from context;
    * ``participle``: مضيفا أن، مشيرا إلى أن — the subject of the clause;
    * ``masdar``: a verbal noun governed by another verb (اكتفى بالقول، رد بالقول، سارع إلى
      القول): that verb's subject, the phrase between the two;
    * ``passive``: جاء في X أن; ``according``: وفقا لـ X; ``naql``: نقلت … عن X قوله;
    * ``speaker_head``: not a cue but a noun that heads a speaker phrase: role nouns
      (المتحدث باسم الكرملين ديمتري بيسكوف → the named person) and source nouns
      (بيان الكرملين، وزارة الخارجية الصينية → the actor named in it);
    * ``group_persons`` / ``group_countries``: not cues but group subjects (الزعيمان،
      الرجلان / البلدان، الدولتان، الجانبان) resolved to the article's main pair of
      persons / countries (see :func:`find_quotes`).

    >>> lex = load_speech_verbs()
    >>> lex.match(["مضيفا", "ان"], 0)[2]
    'participle'
    """
    p = Path(path) if path else data_path("lexicons/speech_verbs.csv")
    return _load_speech_verbs(str(p), p.stat().st_mtime_ns)


@lru_cache(maxsize=8)
def _load_speech_verbs(path: str, _mtime: int) -> SpeechLexicon:
    entries: dict[str, list[tuple[tuple[str, ...], str, str]]] = {}
    heads: set[str] = set()
    groups: dict[str, str] = {}
    with open(path, encoding="utf-8-sig", newline="") as f:
        reader = csv.DictReader(f)
        missing = {"lemma", "role", "forms"} - set(reader.fieldnames or [])
        if missing:
            raise ValueError(f"{path}: missing column(s) {sorted(missing)}; expected lemma, role, forms, gloss")
        for line, row in enumerate(reader, start=2):
            role = (row.get("role") or "").strip()
            if role not in ROLES:
                raise ValueError(f"{path}, row {line}: role {role!r} is not one of {', '.join(ROLES)}")
            forms_field = (row.get("forms") or "").strip()
            if not forms_field:
                raise ValueError(f"{path}, row {line}: empty 'forms'")
            forms = forms_field.split("|") if "|" in forms_field else forms_field.split()
            lemma = (row.get("lemma") or "").strip()
            for form in forms:
                words = tuple(normalize(w) for w in form.split())
                if not words:
                    continue
                if role == "speaker_head":
                    heads.update(words)
                    continue
                if role.startswith("group_"):
                    groups.update((w, role[len("group_"):]) for w in words)
                    continue
                entries.setdefault(words[0], []).append((words, lemma, role))
    frozen = {k: tuple(sorted(v, key=lambda e: -len(e[0]))) for k, v in entries.items()}
    return SpeechLexicon(frozen, frozenset(heads), tuple(sorted(groups.items())))

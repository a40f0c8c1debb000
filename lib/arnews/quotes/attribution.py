"""Attributing each quoted span of an article to a speaker (the rules of :mod:`arnews.quotes`,
tried in order: explicit subject on the left, quote then verb, pronoun subject in the
sentence, "according to", pronoun subject from earlier sentences, colon introduction,
continuation of the previous quote)."""
from __future__ import annotations

from typing import NamedTuple

import numpy as np

from .article import Article, Toks, prev_word, words_after
from .groups import definite_antecedent, group_kind, main_pair, mention_via
from ..speakers.lexicon import ANSWER_LEMMAS, TIME_ADVERBIAL
from .lexicon import SpeechLexicon
from .body_names import names_body
from .spans import QuotedSpan, find_quoted_spans
from .speakers import (COMPLEMENTIZERS, CONTRAST, RIGHT_WINDOW, Event, find_events, head_word, latest_speaker,
                       resolve_events, resolve_implicit, trim_unclosed)

__all__ = ["article_quotes", "Speaker", "ArticleInput"]


class Speaker(NamedTuple):
    """Who a quote is attributed to, and by which rule."""

    actor: str | None
    text: str | None
    start: int | None
    end: int | None
    rule: str | None
    verb: str | None


_NOBODY = Speaker(None, None, None, None, None, None)


class ArticleInput(NamedTuple):
    """One article's text, sentence bounds, token arrays and mention rows."""

    article_id: object
    text: str
    sentences: tuple  # (starts, ends, ids) arrays
    tokens: Toks | None
    mentions: list[tuple] | None


class _Context(NamedTuple):
    """Where a quoted span stands among the article's sentences, tokens and speech cues."""

    sid: int  # sentence of its first character
    end_sid: int  # sentence of its last character
    first_tok: int
    left: list  # cues earlier in its sentence
    right_words: set  # the few words after it
    right: list  # cues among those words


def article_quotes(art: ArticleInput, lex: SpeechLexicon, country_codes: frozenset[str] | None = None) -> list[dict]:
    """The quote rows of one article (columns :data:`arnews.quotes.QUOTE_COLUMNS`)."""
    spans = find_quoted_spans(art.text, sorted(art.sentences[1].tolist()))
    if not spans:
        return []
    return _Attributor(art, lex, country_codes, spans).rows()


class _Attributor:
    def __init__(self, art: ArticleInput, lex: SpeechLexicon, country_codes: frozenset[str] | None, spans: list[QuotedSpan]):
        self.aid, self.text, self.lex, self.country_codes = art.article_id, art.text, lex, country_codes
        self.s_starts, self.s_ends, self.s_ids = art.sentences
        toks = art.tokens
        if toks is None:
            toks = Toks(np.zeros(0, np.int64), np.zeros(0, np.int64), [], [], np.zeros(0, np.int64), np.zeros(0, bool))
        a = self.a = Article(art.text, toks, art.mentions, lex.heads)
        a.set_spans(spans)
        if len(a) and not all(s.balanced for s in spans):
            spans = [trim_unclosed(a, s, lex) if not s.balanced else s for s in spans]
            a.set_spans(spans)
        self.spans = spans
        self.events = find_events(a, lex) if len(a) else []
        resolve_events(a, self.events)
        self.ev_toks = [e.tok for e in self.events]
        self.by_sent: dict[int, list[Event]] = {}
        for e in self.events:
            self.by_sent.setdefault(e.sent, []).append(e)
        self.pairs: dict[str, tuple[str, str] | None] = {}

    def rows(self) -> list[dict]:
        out: list[dict] = []
        prev: dict | None = None
        for sp in self.spans:
            ctx = self._context(sp)
            speaker = self._speaker(sp, ctx, prev)
            row = self._row(sp, ctx, speaker, prev)
            out.append(row)
            prev = dict(row, _end_sid=ctx.end_sid)
        return out

    def _sentence_of(self, pos: int) -> int:
        k = int(np.searchsorted(self.s_starts, pos, side="right")) - 1
        k = max(k, 0)
        if pos >= self.s_ends[k] and k + 1 < len(self.s_starts):
            k += 1  # between sentences: the next one
        return int(self.s_ids[k])

    def _context(self, sp: QuotedSpan) -> _Context:
        a = self.a
        sid = self._sentence_of(sp.start)
        end_sid = self._sentence_of(max(sp.end - 1, sp.start))
        first_tok = int(np.searchsorted(a.start, sp.start - 1, side="left")) if len(a) else 0
        last_tok = int(np.searchsorted(a.end, sp.end + 1, side="right")) if len(a) else 0
        left = [e for e in self.by_sent.get(sid, ()) if e.tok < first_tok]
        right_words = words_after(a, last_tok, sp.end, RIGHT_WINDOW)
        right = [e for e in self.by_sent.get(end_sid, ()) if e.tok in right_words]
        return _Context(sid, end_sid, first_tok, left, right_words, right)

    def _speaker(self, sp: QuotedSpan, ctx: _Context, prev: dict | None) -> Speaker:
        left_verbs = [e for e in ctx.left if e.role != "according"]
        lv = left_verbs[-1] if left_verbs else None
        rules = (
            lambda: self._as_said_after(ctx),
            lambda: self._coordinated_clause(lv, ctx),
            lambda: self._explicit_left(lv),
            lambda: self._quote_then_verb(ctx),
            lambda: self._pronoun_in_sentence(lv),
            lambda: self._according_to(ctx),
            lambda: self._earlier_speaker(lv),
            lambda: self._colon_intro(sp, ctx) if not left_verbs else None,
            lambda: self._continuation(sp, ctx, prev),
        )
        for rule in rules:
            speaker = rule()
            if speaker is not None:
                return speaker
        return _NOBODY

    def _coordinated_clause(self, lv: Event | None, ctx: _Context) -> Speaker | None:
        """0b. a clause joined by و after the left cue, an actor then a present-tense verb,
        between the cue and the quote: its actor, not the cue's subject ("ماليزيا تحتج …
        وهانوي تتحدث عن «…»", "مصر تحذر … وإثيوبيا ترد: …"; round 8). Not inside the cue's
        أن/إن complement: "وأكد شي أن روسيا والصين يجب أن «…»" joins two subjects of the
        reported clause, not a new clause (round 9)."""
        a = self.a
        if lv is None:
            return None
        for t in range(ctx.first_tok - 1, lv.tok, -1):
            k = a.m_first.get(t)
            if k is None or a.quoted[t] or int(a.start[t]) + 1 != a.m_span[k][0] or a.text[int(a.start[t])] != "و":
                continue
            v = a.m_tokens[k][1] + 1
            while v < ctx.first_tok and not a.is_word[v]:
                v += 1
            if (v < ctx.first_tok and not a.quoted[v] and a.norm[v][:1] in "يت" and a.m_cover[v] < 0
                    and not any(a.norm[u] in COMPLEMENTIZERS for u in range(lv.tok + 1, t))):
                return Speaker(*a.mention_speaker(k), "subject_verb", a.surface[v])
            return None
        return None

    @staticmethod
    def _explicit_left(lv: Event | None) -> Speaker | None:
        """1. explicit subject on the left."""
        if lv is not None and lv.rule in ("verb_subject", "subject_verb", "passive", "naql") and lv.resolved:
            return Speaker(lv.actor, lv.text, lv.start, lv.end, lv.rule, lv.form)
        return None

    def _as_said_after(self, ctx: _Context) -> Speaker | None:
        """0. "«…»، كما كتب أحد المعلقين": a speech verb after كما right after the quote names
        its speaker, whatever verb stands on the left ("كشفت الحرب أن … «…»، كما قال X")."""
        for e in ctx.right:
            p = e.tok - 1
            while p >= 0 and not self.a.is_word[p]:
                p -= 1
            if (p >= 0 and self.a.norm[p] in ("كما", "وكما") and e.role == "verb" and e.rule == "verb_subject"
                    and e.resolved):
                return Speaker(e.actor, e.text, e.start, e.end, "quote_then_verb", e.form)
        return None

    def _quote_then_verb(self, ctx: _Context) -> Speaker | None:
        """2. quote then verb with an explicit subject, unless the verb opens a contrasting
        clause and is the nearest cue of a later quote of its sentence ("«…»، فيما وصف كبير مفاوضي كينيا المسودة بأنها «…»":
        the verb introduces that quote; round 8)."""
        for e in ctx.right:
            if e.role in ("verb", "passive") and e.rule in ("verb_subject", "passive") and e.resolved:
                if self._introduces_later_quote(e) or (e.lemma in ANSWER_LEMMAS and e.form.startswith("ف")):
                    return None  # "«…»، فرد نظيره العراقي": the reply follows the words replied to (round 31)
                if e.end is not None and self.text[e.end:e.end + 3].lstrip().startswith(":"):
                    return None  # "«…؟»، فقال العبادي: «…»": the verb's colon opens the next quote (round 56)
                return Speaker(e.actor, e.text, e.start, e.end, "quote_then_verb", e.form)
        return None

    def _introduces_later_quote(self, e: Event) -> bool:
        """Whether cue ``e`` opens a contrasting clause (فيما، بينما، في حين) and a quote
        follows it in its sentence with no other cue between."""
        a = self.a
        p = prev_word(a, e.tok)
        if p is None or a.norm[p] not in CONTRAST and not (a.norm[p] == "حين" and p and a.norm[p - 1] == "في"):
            return False
        _, s1 = a.sentence_tokens(e.sent)
        t = e.tok + 1
        while t < s1 and not a.quoted[t]:
            t += 1
        if t >= s1:
            return False
        return not any(e.tok < x.tok < t for x in self.by_sent.get(e.sent, ()))

    def _pronoun_in_sentence(self, lv: Event | None) -> Speaker | None:
        """3. pronoun subject resolved in the same sentence."""
        if lv is None:
            return None
        r = resolve_implicit(self.a, lv, latest_speaker(self.events, self.ev_toks, lv), local_only=True)
        return Speaker(*r, lv.form) if r is not None else None

    def _according_to(self, ctx: _Context) -> Speaker | None:
        """4. according to X (same sentence, or right after the quote)."""
        sid, end_sid = ctx.sid, ctx.end_sid
        near = {sid, end_sid} | {int(self.a.sent[t]) for t in ctx.right_words}
        acc = [e for e in sorted((e for k in near for e in self.by_sent.get(k, ())), key=lambda e: e.tok)
               if e.role == "according" and e.resolved and (e.sent in (sid, end_sid) or e.tok in ctx.right_words)]
        if not acc:
            return None
        e = min(acc, key=lambda e: abs(e.tok - ctx.first_tok))
        return Speaker(e.actor, e.text, e.start, e.end, "according_to", e.form)

    @staticmethod
    def _earlier_speaker(lv: Event | None) -> Speaker | None:
        """5. pronoun subject from earlier sentences."""
        if lv is not None and lv.resolved:
            return Speaker(lv.actor, lv.text, lv.start, lv.end, lv.rule, lv.form)
        return None

    def _colon_intro(self, sp: QuotedSpan, ctx: _Context) -> Speaker | None:
        """6. clause introduced by a colon: the first actor of the sentence before the quote
        ("ملخص دعوة الكرملين": the phrase starts at a head noun just before the actor)."""
        a = self.a
        if not self.text[max(0, sp.start - 12) : sp.start - 1].rstrip().endswith(":"):
            return None
        s0, _ = a.sentence_tokens(ctx.sid)
        for t in range(s0, ctx.first_tok):
            if t > s0 and a.norm[t] in TIME_ADVERBIAL and not a.quoted[t]:
                return None  # "الركراكي بعد الفوز على الكاميرون: «…»": not an actor of the adverbial (round 14)
            k = a.m_first.get(t)
            if k is not None and not a.quoted[t]:
                t0 = a.m_tokens[k][0]
                if t0 > s0 + 1 and a.norm[t0 - 1] in ("في", "لدى") and names_body(a.norm[s0:t0 - 1]):
                    continue  # "ممثلة مفوضية اللاجئين في لبنان: «…»": where the body's official works (round 46)
                if t0 > s0 + 1 and a.norm[t0 - 1] == "في" and a.m_type[k] == "bloc":
                    continue  # "مديرة مهرجان … في بروكسل ليف مارتنز: «…»": a bloc's seat is where she works (round 65)
                ps = next((int(a.start[h]) for h in range(max(s0, t0 - 3), t0) if head_word(a.norm[h], a.heads) in a.heads), None)
                return Speaker(*a.mention_speaker(k, ps), "colon_intro", None)
        return None

    def _continuation(self, sp: QuotedSpan, ctx: _Context, prev: dict | None) -> Speaker | None:
        """7. a stand-alone quote right after another quote."""
        a = self.a
        if prev is None or ctx.left or prev["speaker_text"] is None:
            return None
        s0, _ = a.sentence_tokens(ctx.sid)
        words_before = [t for t in range(s0, ctx.first_tok) if a.is_word[t] and not a.quoted[t]]
        if not words_before and ctx.sid - prev["_end_sid"] <= 1 and "\n" not in self.text[prev["end"] : sp.start]:
            return Speaker(prev["speaker_actor_id"], prev["speaker_text"], prev["speaker_start"], prev["speaker_end"],
                           "continuation", prev["verb"])
        return None

    def _identity(self, speaker: Speaker, prev: dict | None) -> tuple:
        """``(actor, group, via)``: how the speaker's actor was found (a mention, a group
        subject of the article's main pair, an earlier fuller mention)."""
        actor, stext, ss, se = speaker.actor, speaker.text, speaker.start, speaker.end
        if speaker.rule == "continuation":
            return actor, prev["speaker_group"], prev["speaker_via"]
        if actor is not None:
            return actor, None, mention_via(self.a, actor, ss, se)
        if stext is None or ss is None or not len(self.a):
            return None, None, None
        kind = group_kind(self.a, ss, se, self.lex)
        if kind is not None:
            if kind not in self.pairs:
                self.pairs[kind] = main_pair(self.a, kind, self.country_codes)
            if self.pairs[kind] is not None:
                return None, "|".join(sorted(self.pairs[kind])), "group"
            return None, None, None
        actor = definite_antecedent(self.a, ss, se)
        return actor, None, "anaphora" if actor is not None else None

    def _row(self, sp: QuotedSpan, ctx: _Context, speaker: Speaker, prev: dict | None) -> dict:
        actor, group, via = self._identity(speaker, prev)
        return {
            "article_id": self.aid,
            "sentence_id": ctx.sid,
            "start": sp.start,
            "end": sp.end,
            "quote": self.text[sp.start : sp.end],
            "speaker_text": speaker.text,
            "speaker_actor_id": actor,
            "verb": speaker.verb,
            "rule": speaker.rule,
            "balanced": sp.balanced,
            "open_mark": sp.open_mark,
            "close_mark": sp.close_mark,
            "speaker_start": speaker.start,
            "speaker_end": speaker.end,
            "speaker_group": group,
            "speaker_via": via,
        }

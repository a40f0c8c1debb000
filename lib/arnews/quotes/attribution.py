"""Attributing each quoted span of an article to a speaker (the rules of :mod:`arnews.quotes`)."""
from __future__ import annotations

import numpy as np

from .article import Article, Toks, words_after
from .groups import definite_antecedent, group_kind, main_pair, mention_via
from .spans import find_quoted_spans
from .speakers import RIGHT_WINDOW, Event, find_events, head_word, latest_speaker, resolve_events, resolve_implicit, trim_unclosed

__all__ = ["article_quotes"]

def article_quotes(aid, text: str, sents: tuple, toks: Toks | None, ments: list[tuple] | None, lex,
                    country_codes: frozenset[str] | None = None) -> list[dict]:
    s_starts, s_ends, s_ids = sents
    spans = find_quoted_spans(text, sorted(s_ends.tolist()))
    if not spans:
        return []
    if toks is None:
        toks = Toks(np.zeros(0, np.int64), np.zeros(0, np.int64), [], [], np.zeros(0, np.int64), np.zeros(0, bool))
    a = Article(text, toks, ments, lex.heads)
    a.set_spans(spans)
    if len(a) and not all(s.balanced for s in spans):
        spans = [trim_unclosed(a, s, lex) if not s.balanced else s for s in spans]
        a.set_spans(spans)
    events = find_events(a, lex) if len(a) else []
    resolve_events(a, events)
    ev_toks = [e.tok for e in events]
    by_sent: dict[int, list[Event]] = {}
    for e in events:
        by_sent.setdefault(e.sent, []).append(e)

    def sentence_of(pos: int) -> int:
        k = int(np.searchsorted(s_starts, pos, side="right")) - 1
        k = max(k, 0)
        if pos >= s_ends[k] and k + 1 < len(s_starts):
            k += 1  # between sentences: the next one
        return int(s_ids[k])

    out: list[dict] = []
    prev: dict | None = None
    pairs: dict[str, tuple[str, str] | None] = {}
    for sp in spans:
        sid = sentence_of(sp.start)
        end_sid = sentence_of(max(sp.end - 1, sp.start))
        first_tok = int(np.searchsorted(a.start, sp.start - 1, side="left")) if len(a) else 0
        last_tok = int(np.searchsorted(a.end, sp.end + 1, side="right")) if len(a) else 0
        left = [e for e in by_sent.get(sid, ()) if e.tok < first_tok]
        right_words = words_after(a, last_tok, sp.end, RIGHT_WINDOW)
        right = [e for e in by_sent.get(end_sid, ()) if e.tok in right_words]
        speaker = None  # (actor, text, start, end, rule, verb)
        left_verbs = [e for e in left if e.role != "according"]
        lv = left_verbs[-1] if left_verbs else None
        # 1. explicit subject on the left
        if lv is not None and lv.rule in ("verb_subject", "subject_verb", "passive", "naql") and lv.resolved:
            speaker = (lv.actor, lv.text, lv.start, lv.end, lv.rule, lv.form)
        # 2. quote then verb with an explicit subject
        if speaker is None:
            for e in right:
                if e.role in ("verb", "passive") and e.rule in ("verb_subject", "passive") and e.resolved:
                    speaker = (e.actor, e.text, e.start, e.end, "quote_then_verb", e.form)
                    break
        # 3. pronoun subject resolved in the same sentence
        if speaker is None and lv is not None:
            r = resolve_implicit(a, lv, latest_speaker(events, ev_toks, lv), local_only=True)
            if r is not None:
                speaker = (*r, lv.form)
        # 4. according to X (same sentence, or right after the quote)
        if speaker is None:
            near = {sid, end_sid} | {int(a.sent[t]) for t in right_words}
            acc = [e for e in sorted((e for k in near for e in by_sent.get(k, ())), key=lambda e: e.tok)
                   if e.role == "according" and e.resolved and (e.sent in (sid, end_sid) or e.tok in right_words)]
            if acc:
                e = min(acc, key=lambda e: abs(e.tok - first_tok))
                speaker = (e.actor, e.text, e.start, e.end, "according_to", e.form)
        # 5. pronoun subject from earlier sentences
        if speaker is None and lv is not None and lv.resolved:
            speaker = (lv.actor, lv.text, lv.start, lv.end, lv.rule, lv.form)
        # 6. clause introduced by a colon
        if speaker is None and not left_verbs and text[max(0, sp.start - 12) : sp.start - 1].rstrip().endswith(":"):
            s0, _ = a.sentence_tokens(sid)
            for t in range(s0, first_tok):
                k = a.m_first.get(t)
                if k is not None and not a.quoted[t]:
                    # "ملخص دعوة الكرملين": start the phrase at a head noun just before the actor
                    t0 = a.m_tokens[k][0]
                    ps = None
                    for h in range(max(s0, t0 - 3), t0):
                        if head_word(a.norm[h], a.heads) in a.heads:
                            ps = int(a.start[h])
                            break
                    speaker = (*a.mention_speaker(k, ps), "colon_intro", None)
                    break
        # 7. a stand-alone quote right after another quote
        if speaker is None and prev is not None and not left and prev["speaker_text"] is not None:
            s0, _ = a.sentence_tokens(sid)
            words_before = [t for t in range(s0, first_tok) if a.is_word[t] and not a.quoted[t]]
            if not words_before and sid - prev["_end_sid"] <= 1 and "\n" not in text[prev["end"] : sp.start]:
                speaker = (
                    prev["speaker_actor_id"], prev["speaker_text"], prev["speaker_start"], prev["speaker_end"],
                    "continuation", prev["verb"],
                )
        actor, stext, ss, se, rule, verb = speaker if speaker else (None, None, None, None, None, None)
        group = via = None
        if rule == "continuation":
            group, via = prev["speaker_group"], prev["speaker_via"]
        elif actor is not None:
            via = mention_via(a, actor, ss, se)
        elif stext is not None and ss is not None and len(a):
            kind = group_kind(a, ss, se, lex)
            if kind is not None:
                if kind not in pairs:
                    pairs[kind] = main_pair(a, kind, country_codes)
                if pairs[kind] is not None:
                    group, via = "|".join(sorted(pairs[kind])), "group"
            else:
                actor = definite_antecedent(a, ss, se)
                if actor is not None:
                    via = "anaphora"
        row = {
            "article_id": aid,
            "sentence_id": sid,
            "start": sp.start,
            "end": sp.end,
            "quote": text[sp.start : sp.end],
            "speaker_text": stext,
            "speaker_actor_id": actor,
            "verb": verb,
            "rule": rule,
            "balanced": sp.balanced,
            "open_mark": sp.open_mark,
            "close_mark": sp.close_mark,
            "speaker_start": ss,
            "speaker_end": se,
            "speaker_group": group,
            "speaker_via": via,
        }
        out.append(row)
        prev = dict(row, _end_sid=end_sid)
    return out

"""Label sentences in JupyterLab: one sentence at a time, saved to the labels CSV at once.

:class:`Labeller` shows a sentence of a labels file (written by ``python -m arnews label``)
right to left with its actors highlighted, a menu per candidate pair of states, a box for
other pairs and a "no relation" tick, and three tone buttons. Pressing a tone button saves
the sentence's labels to the CSV immediately (closing the browser loses nothing), then shows
the model's guess for that sentence (never before: the label stays blind) and moves to the
next unlabelled sentence. A new Labeller on the same file resumes at the first unlabelled row.

Keyboard: click the small "keys" box and type ``1`` cooperation, ``2`` conflict, ``3``
neutral, ``n`` no relation on/off, ``s`` skip, ``b`` back.

Every text from the corpus (sentence, title, outlet, actor names) is HTML-escaped.

Example
-------
>>> from arnews.labelling import Labeller
>>> lab = Labeller("labels.csv", predictions=classify(ann.tables))   # doctest: +SKIP
>>> lab                                                            # doctest: +SKIP
"""
from __future__ import annotations

import html
import os
import re
from pathlib import Path

import pandas as pd

from .stance_model import TONE_LABELS
from .stance_train import parse_pairs
from .validate import Predictions, read_label_file, write_label

__all__ = ["Labeller", "highlight", "KEYS"]

KEYS = {"1": "cooperation", "2": "conflict", "3": "neutral"}
NO_PAIR = "—"
_MARK = '<mark style="background:#ffe08a;padding:0 2px;border-radius:3px" title="{code}">{surface}</mark>'


def highlight(text: str, actors: str) -> str:
    """The sentence as escaped HTML, right to left, with each actor surface (``surface=CODE|…``)
    marked.

    >>> highlight("قال بوتين <b>", "بوتين=RUS")
    '<div dir="rtl" lang="ar" style="font-size:1.3em;line-height:1.8">قال <mark style="background:#ffe08a;padding:0 2px;border-radius:3px" title="RUS">بوتين</mark> &lt;b&gt;</div>'
    """
    esc = html.escape(str(text))
    found = {}
    for part in str(actors or "").split("|"):
        surface, _, code = part.rpartition("=")
        if surface.strip():
            found[html.escape(surface.strip())] = html.escape(code.strip())
    if found:
        pat = re.compile("|".join(re.escape(s) for s in sorted(found, key=len, reverse=True)))
        esc = pat.sub(lambda m: _MARK.format(code=found[m.group(0)], surface=m.group(0)), esc)
    return f'<div dir="rtl" lang="ar" style="font-size:1.3em;line-height:1.8">{esc}</div>'


class Labeller:
    """The labelling widget over a labels file (see the module docstring).

    ``predictions`` (:class:`arnews.validate.Predictions`) supplies the model's guesses shown
    after each label; without them no guess is shown.
    """

    def __init__(self, path: str | os.PathLike, predictions: Predictions | None = None):
        import ipywidgets as W

        self.path = Path(path)
        self.rows = read_label_file(self.path)
        self.predictions = predictions
        self.pos = self.next_unlabelled(0)
        self.header, self.sentence, self.guess, self.progress = W.HTML(), W.HTML(), W.HTML(), W.HTML()
        self.pairs_box = W.VBox()
        self.pair_menus: dict[str, W.Dropdown] = {}
        self.other_pairs = W.Text(placeholder="other pairs: A~B:conflict|C~D:neutral", layout=W.Layout(width="60%"))
        self.no_relation = W.Checkbox(description="no relation between two states (n)", indent=False)
        self.buttons = {lab: W.Button(description=f"{k} · {lab}", button_style={"cooperation": "info", "conflict": "danger"}.get(lab, ""))
                        for k, lab in KEYS.items()}
        for lab, b in self.buttons.items():
            b.on_click(lambda _b, lab=lab: self.label(lab))
        self.skip_button, self.back_button = W.Button(description="s · skip"), W.Button(description="b · back")
        self.skip_button.on_click(lambda _b: self.move(+1))
        self.back_button.on_click(lambda _b: self.move(-1))
        self.keys = W.Text(placeholder="keys: 1 2 3 n s b", layout=W.Layout(width="12em"), continuous_update=True)
        self.keys.observe(self._on_key, names="value")
        self.message = W.HTML()
        self.widget = W.VBox([self.progress, self.header, self.sentence, self.pairs_box, self.other_pairs, self.no_relation,
                              W.HBox([*self.buttons.values(), self.skip_button, self.back_button, self.keys]),
                              self.message, self.guess])
        self.show()

    # state -------------------------------------------------------------

    def labelled(self) -> pd.Series:
        return self.rows["label"].str.strip() != ""

    def next_unlabelled(self, start: int) -> int | None:
        """The first unlabelled row at or after ``start`` (wrapping round), or None when all are done."""
        lab = self.labelled().tolist()
        n = len(lab)
        for i in range(n):
            j = (start + i) % n
            if not lab[j]:
                return j
        return None

    @property
    def current(self) -> pd.Series | None:
        return None if self.pos is None else self.rows.iloc[self.pos]

    # actions -----------------------------------------------------------

    def dyads(self) -> str:
        """The pairs as answered: the menus plus the free box, in the gold format."""
        chosen = {p: m.value for p, m in self.pair_menus.items() if m.value != NO_PAIR}
        txt = "|".join(f"{p}:{lab}" for p, lab in chosen.items())
        extra = self.other_pairs.value.strip()
        return "|".join(x for x in (txt, extra) if x)

    def label(self, tone: str) -> None:
        """Save ``tone`` and the pairs for the current sentence, show the model's guess, move on."""
        if self.pos is None:
            return
        if tone not in TONE_LABELS:
            raise ValueError(f"label {tone!r} is not one of {TONE_LABELS}")
        dy = self.dyads()
        try:
            dy = "|".join(f"{a}~{b}:{lab}" for (a, b), lab in parse_pairs(dy).items())
        except ValueError as e:
            self.message.value = f'<span style="color:#b00">{html.escape(str(e))}</span>'
            return
        r = self.current
        self.rows = write_label(self.path, r["article_id"], r["sentence_id"], tone, dy, no_relation=self.no_relation.value or not dy)
        self.message.value = ""
        self.guess.value = self._guess_html(r, tone, dy)
        self.pos = self.next_unlabelled(self.pos + 1)
        self.show()

    def move(self, step: int) -> None:
        """Go to the next (``+1``) or previous (``-1``) row, labelled or not."""
        if len(self.rows):
            self.pos = ((self.pos if self.pos is not None else 0) + step) % len(self.rows)
            self.show()

    def _on_key(self, change) -> None:
        key = (change["new"] or "")[-1:].lower()
        if not key:
            return
        self.keys.value = ""
        if key in KEYS:
            self.label(KEYS[key])
        elif key == "n":
            self.no_relation.value = not self.no_relation.value
        elif key == "s":
            self.move(+1)
        elif key == "b":
            self.move(-1)

    # display -----------------------------------------------------------

    def show(self) -> None:
        """Render the current sentence (or the end message)."""
        import ipywidgets as W

        done = int(self.labelled().sum())
        self.progress.value = f"<b>{done} of {len(self.rows)} labelled</b> · saved to {html.escape(str(self.path))}"
        r = self.current
        if r is None:
            self.header.value, self.sentence.value = "", "<b>Every sentence in the file is labelled.</b>"
            self.pairs_box.children, self.pair_menus = (), {}
            return
        meta = " · ".join(html.escape(str(r[c])) for c in ("article_id", "date", "outlet", "title") if str(r.get(c, "")).strip())
        given = f" · <i>labelled {html.escape(r['label'])}</i>" if r["label"] else ""
        self.header.value = f"<small>{meta} · sentence {html.escape(str(r['sentence_id']))}{given}</small>"
        self.sentence.value = highlight(r["text"], r.get("actors", ""))
        old = parse_pairs(r["dyads"]) if r["dyads"] else {}
        cands = [p for p in str(r.get("candidates", "")).split("|") if p]
        self.pair_menus = {}
        for p in cands:
            a, _, b = p.partition("~")
            val = old.pop(tuple(sorted((a, b))), NO_PAIR)
            self.pair_menus[p] = W.Dropdown(options=[NO_PAIR, *TONE_LABELS], value=val, description=p,
                                            layout=W.Layout(width="22em"))
        self.pairs_box.children = tuple(self.pair_menus.values()) if cands else (W.HTML("<i>no candidate pair of states</i>"),)
        self.other_pairs.value = "|".join(f"{a}~{b}:{lab}" for (a, b), lab in old.items())
        self.no_relation.value = str(r.get("no_relation", "")).strip().lower() in {"yes", "y", "1", "true", "x"}

    def _guess_html(self, r: pd.Series, tone: str, dyads: str) -> str:
        if self.predictions is None:
            return ""
        key = (str(r["article_id"]), int(r["sentence_id"]))
        t = self.predictions.tones
        hit = t[(t["article_id"].astype(str) == key[0]) & (t["sentence_id"].astype(int) == key[1])]
        g = hit["label"].iloc[0] if len(hit) else "?"
        prob = hit["probability"].iloc[0] if len(hit) else float("nan")
        p = self.predictions.pairs
        ph = p[(p["article_id"].astype(str) == key[0]) & (p["sentence_id"].astype(int) == key[1]) & (p["label"] != "none")]
        pairs = ", ".join(f"{a}~{b} {lab}" for a, b, lab in zip(ph["a"], ph["b"], ph["label"])) or "none"
        pr = f" ({prob:.2f})" if pd.notna(prob) else ""
        agree = "agrees" if g == tone else "differs"
        return (f"<small>Previous sentence — you: <b>{html.escape(tone)}</b> {html.escape(dyads or 'no pair')}; "
                f"{html.escape(self.predictions.method)}: <b>{html.escape(str(g))}</b>{pr}, pairs {html.escape(pairs)} ({agree})</small>")

    def _ipython_display_(self) -> None:
        from IPython.display import display

        display(self.widget)

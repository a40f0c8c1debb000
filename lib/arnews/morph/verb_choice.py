"""Choosing the verb reading of a word for the offline ``rules`` lemmatizer (split from
:mod:`arnews.morph.lemma_rules`): whether a form is a verb at all, and which perfect (3ms)
candidate of :func:`arnews.morph.verb_rules.verb_candidates` it is, decided by word
frequencies (form I or IV, hollow or doubled, imperfect or form V perfect, passives).

:class:`VerbChoice` is a mixin of :class:`arnews.morph.lemma_rules.LemmaRules`; it reads the
host's ``zipf`` (word -> Zipf frequency) and ``plurals`` tables and calls its ``_z``,
``_is_name`` and ``_function_words``.

Example
-------
>>> from arnews.morph.lemma_rules import LemmaRules
>>> r = LemmaRules.default()
>>> r._verb("يخشون", "يخشون"), r._verb("تعيد", "تعيد")
('خشي', 'اعاد')
"""
from __future__ import annotations

from .verb_rules import IMPERFECT, OBJ_SUFFIXES, passive_perfect, pattern_perfect, perfect_3fs, verb_candidates

__all__ = ["VerbChoice"]

_IMPERFECT = IMPERFECT  # 1st singular ا left out: news prose has few, form IV perfects many
_VERB_ENDINGS = ("ون", "وا", "ت", "تا", "ا", "ان", "ين", "ه", "ها", "هم", "هما", "نا")


class VerbChoice:
    """Verb rules of :class:`~arnews.morph.lemma_rules.LemmaRules` (see the module docstring)."""

    zipf: dict[str, float]
    plurals: dict[str, str]

    def _z(self, x: str) -> float:  # (defined by the host)
        raise NotImplementedError

    def _is_name(self, x: str) -> bool:  # (defined by the host)
        raise NotImplementedError

    def _function_words(self) -> dict[str, str]:  # (defined by the host)
        raise NotImplementedError

    def _stem(self, w: str) -> str:
        """``w`` without a future س or purpose ل before an imperfect prefix."""
        if w[1:2] == "ا" and w.endswith(("وا", "ون", "ين", "ان")):
            return w  # the 1st person singular takes no subject suffix: لاذوا is no ل + اذوا
        if len(w) >= 4 and w[0] in "سل" and w[1] in "يتنا" and self._z(w[1:]) >= (
                min(self._z(w), 3.0) if w[0] == "ل" and len(w) >= 6 else self._z(w)):  # ليتاهل: the purpose ل
            return w[1:]
        return w

    def _verb(self, w: str, lemma: str) -> str | None:
        """A verb reading when the stripper found none: the word (without و/ف, future س or
        purpose ل) has a verbal shape, is (almost) never seen with the article, and a perfect
        candidate is common (يخشون → خشي, تضم → ضم, نقلت → نقل)."""
        bare = w
        if w[:1] in "وف" and ((lemma != w and w[1:].startswith(lemma[:1])) or self.zipf.get(w[1:], 0.0) > self.zipf.get(w, 0.0)):
            bare = w[1:]
        x = self._stem(bare)
        forced = x != bare and bare[0] == "س"  # after the future س the word is a verb
        if x.startswith("ال") or len(x) < 3 or x in self.plurals or self._is_name(x):
            return None
        if lemma not in (w, bare, x) and not forced and x[:1] in "بلك" and x[1:3] == lemma[:2] \
                and not (x.endswith("وا") and len(x) >= 5 and self.zipf.get(x[1:], 0.0) < self.zipf.get(x, 0.0) + 0.5):
            return None  # the stripper took off a preposition: a noun (not before a وا perfect: لاذوا)
        if x.startswith("ات") and len(x) >= 5 and not x.endswith(_VERB_ENDINGS) and min(
                self.zipf.get(x[1:], 0.0), self.zipf.get("ي" + x[1:], 0.0)) >= 3.0:
            return x[1:]  # 1st person of form V / VI: اتوقع → توقع (يتوقع seen; form VIII has 4 letters: اتهم)
        if self._first_person(x):  # ابحث → بحث, استطيع → استطاع; the form IV reading would be x
            v = self._verb("ي" + x[1:], "ي" + x[1:])  # itself, which has no perfect (اشكر → شكر)
            return x[1:] if v == x and self.zipf.get(x[1:], 0.0) >= 3.0 else v
        passive = passive_perfect(x, self.zipf)
        if not (x.startswith(_IMPERFECT) or x.endswith(_VERB_ENDINGS) or passive):
            return None
        if x.endswith("ا") and not x.startswith(_IMPERFECT) and min(
                self.zipf.get("ل" + x, 0.0), self.zipf.get("ب" + x, 0.0)) >= 1.9:
            return None  # seen after ل/ب: a noun or name in -ا (غانا), not a perfect
        zx = self.zipf.get(x, 0.0)
        if not forced:
            for body in [x, *(x[: -len(s)] for s in OBJ_SUFFIXES if x.endswith(s) and len(x) - len(s) >= 3)]:
                za = self.zipf.get("ال" + body, 0.0)
                if za >= self.zipf.get(body, 0.0) - 1.0 and (za > 0.0 or body == x) and not self._t_imperfect(body):
                    return None  # the form (or it without a pronoun) takes the article: a noun
                    # (a body never seen either way is no evidence: يشتبه is no يشتب + ه)
                if body != x and body.endswith("ت") and self.zipf.get("ال" + body[:-1] + "ة", 0.0) >= 3.0:
                    return None  # قدرتها: a feminine noun with a pronoun
        if x[0] == "ت" and x[-1] == "ي" and (len(x) == 4 or (len(x) == 5 and x[2] == "ا")) and self.zipf.get(
                "ي" + x, 0.0) >= max(3.0, self.zipf.get("ي" + x[1:], 0.0) - 0.5):
            return x  # تولى, تلقى, تعافى: a form V / VI defective perfect (يتولى is seen), not تولي "she turns"
        if len(x) == 4 and x[0] == "ت" and self.zipf.get(x + "ت", 0.0) >= 3.0 and self.zipf.get(
                "ي" + x, 0.0) >= max(3.0, self.zipf.get("ي" + x[1:], 0.0)) and not self._t_imperfect(x):
            return x  # توقع: a form V perfect (its 3fs and يتوقع commoner than يوقع), not ت + وقع
        if x.endswith("ا") and x.startswith("ي") and self.zipf.get("ال" + x[:-1], 0.0) >= max(
                2.0, self.zipf.get(x[:-1], 0.0) - 1.0):
            return None  # يتيما, يوميا: tanween on a noun, not a dual subjunctive
        allc = [c for c in verb_candidates(x)  # لم يتبن → تبني only when يتبني is the commoner form
                if not (c == x[1:] + "ي" and self.zipf.get(x + "ي", 0.0) < self.zipf.get(x, 0.0) + 0.5)
                # لم يستطع → استطاع only when يستطيع is much commoner (يستعد is a verb of its own)
                and not (len(x) == 5 and c == "است" + x[3] + "ا" + x[4] and self.zipf.get(
                    x[:4] + "ي" + x[4], 0.0) < self.zipf.get(x, 0.0) + 0.5)]
        # a 4+ letter candidate seen with the article is a noun, except the form V/VI stem of an
        # imperfect (يتاهل → تاهل; the masdar التاهل is spelled the same)
        cands = [c for c in allc if c != x and self.zipf.get(c, 0.0) >= 2.5
                 and not (len(c) >= 4 and self.zipf.get("ال" + c, 0.0) >= self.zipf.get(c, 0.0) - 1.0
                          and not (c.startswith("ت") and x.startswith(_IMPERFECT) and x[1:].startswith(c))
                          # nor the form III stem after ي: يصادق → صادق (the participle الصادق; not
                          # after ت, where تفاعل is form VI: تدافع, توافر)
                          and not (len(c) == 4 and c[1] == "ا" and x.startswith("ي") and x[1:].startswith(c))
                          and not (c.startswith("ت") and x.startswith(_IMPERFECT) and c == x[1:] + "ي"
                                   and self.zipf.get(x + "ي", 0.0) >= self.zipf.get(x, 0.0) + 0.5)
                          and x != c + "وا")]  # تضرروا: a perfect, whatever its masdar
        if x.endswith("وا") and not x.startswith(_IMPERFECT):  # صدوا → صد, not the noun صدي
            cands = [c for c in cands if not (c in (x[:-2] + "ي", x[:-2] + "ا") and len(c) == 3
                                              and self.zipf.get(x[:-2], 0.0) >= 3.0
                                              and self.zipf.get("ال" + c, 0.0) >= self.zipf.get(c, 0.0) - 1.0)]
        nouns: set[str] = set()
        imperf_x = x.startswith(_IMPERFECT)
        if x.startswith(_IMPERFECT):  # the bare stem of an imperfect that is a common noun: يعرب ≠ عرب
            core = x[1:]
            if core[-1:] in "ئؤ" and core[:-1] + "ا" in cands:
                core = core[:-1] + "ا"  # يخطئ: the stem خطا is the noun خطأ
            # (not for forms V/VI, whose masdar is spelled as the perfect: التاهل, تاهل)
            f3 = self.zipf.get(perfect_3fs(core), 0.0)  # تملك: ملكت is a verb, املكت is not seen
            if core in cands and self.zipf.get("ال" + core, 0.0) >= self.zipf.get(core, 0.0) - 0.5 \
                    and not (core.startswith("ت") and len(core) >= 4) \
                    and not (f3 >= 3.0 and f3 >= self.zipf.get(perfect_3fs("ا" + core), 0.0) + 1.0):
                cands.remove(core)
                if core.startswith("ت") and ("ا" + core) in cands:
                    nouns.add(core)  # تتهم → اتهم (VIII), not the noun تهم
        fw = self._function_words()
        cores = {x[1:], lemma} if imperf_x else {lemma}
        if lemma != x and lemma in allc and lemma not in cands and lemma not in nouns:
            cands.append(lemma)  # the stripper's own verb reading competes on frequency
        if not cands:
            pp = pattern_perfect(x)  # يماطلون → ماطل: a rare form III / V / VI with its imperfect seen
            return pp if pp and self.zipf.get("ي" + pp, 0.0) >= 2.0 else None
        imperf = x.startswith(_IMPERFECT)

        plural_core = x[1:-2] if imperf and x.endswith(("ون", "وا", "ان", "ين")) and len(x) >= 6 else ""
        # يكتفون: the singular imperfect يكتفي is commoner than يكتف, so the root is defective
        defective_pl = bool(plural_core) and self.zipf.get(x[0] + plural_core + "ي", 0.0) >= \
            self.zipf.get(x[0] + plural_core, 0.0) + 0.3

        form2 = x[1:4] if imperf and len(x) >= 4 and x[2] == "و" and self.zipf.get(x[0] + x[1] + "ي" + x[3], 0.0) >= max(
            3.0, self.zipf.get(x[:4], 0.0) + 0.5) and self.zipf.get(x[1:4] + "ت", 0.0) >= 2.5 else ""

        form14 = self._form_i_or_iv(x, cands) if imperf else {}
        # يقام, تعاد, يدار: the passive of form IV hollow (يقيم, يعيد active) when form I (يقوم)
        # is common too and intransitive; not when the ا form is the commoner (لا يزال: زال)
        hollow_pass = ""
        if imperf and len(x) == 4 and x[2] == "ا" and x[1] not in "اوي" and x[3] not in "اوي":
            z4, z1 = self.zipf.get(x[:2] + "ي" + x[3], 0.0), self.zipf.get(x[:2] + "و" + x[3], 0.0)
            if min(z4, z1) >= 3.0 and zx < z4 + 0.5 and "ا" + x[1:] in cands:
                hollow_pass = x[1:]

        def score(c: str) -> float:
            z = self.zipf.get(c, 0.0)
            if defective_pl and c in (plural_core, "ا" + plural_core, plural_core[:1] + "ا" + plural_core[1:]):
                z -= 1.0  # (يبنون → بني, not hollow بان)
            if imperf and len(c) == 3 and c[1] == "ا" and c[2] not in "اوي" and x[1] + x[2] == c[0] + c[2] \
                    and self.zipf.get("ال" + c, 0.0) >= self.zipf.get(c, 0.0) - 1.0:
                z -= 1.0  # يشن → شن: the hollow reading is the noun شان (الشان), the doubled verb is not
            if imperf and c.startswith("ا") and c.endswith("ي") and len(c) == 4 and self.zipf.get(c[1:], 0.0) >= 3.0:
                z -= 1.0  # ا + 3 letters is as often the 1st person imperfect (اخشي) as form IV
            if c.endswith("ت") and c[:-1] in cands:
                z -= 1.0  # شهدت → شهد
            if c in fw and c not in cores and c.endswith("ا"):
                z -= 2.0  # a function word made up by a pattern: يجدون → وجد, not جدا
            if c[:1] in "تن" and len(c) == 3 and imperf and x.startswith(c):
                z -= 1.0  # تحبها: the imperfect itself is no perfect (form V has 4+ letters)
            if imperf and form14 and c in form14:
                z -= form14[c]
            if c == hollow_pass:
                z -= 3.0
            if imperf and len(x) == 4 and x[3] == "ئ" and c == x[1:3] + "ا":
                z -= 2.0  # ينشئ, تطفئ: form IV (form I of a hamza-final root has ينشأ)
            if imperf and len(c) >= 4 and c[0] in "تن" and c != x and (x.startswith(c) or (
                    c.endswith("ي") and x.startswith(c[:-1] + "ا") and x[len(c):] in OBJ_SUFFIXES)) \
                    and self.zipf.get(perfect_3fs(c), 0.0) < 2.5:
                z -= 1.5  # تسمعه: the imperfect itself, not a form V perfect (no تسمعت; تعلمت is seen)
            if imperf and c.endswith("و") and c == x[1:]:
                z -= 2.0  # a perfect does not end in و: تخلو → خلا, not خلو
            if c.startswith("ي") and len(c) >= 4:
                z -= 3.0  # a perfect hardly starts with ي: يمكننا → امكن, not يمكن
            if passive and not imperf and x.startswith(c) and x[len(c):] in ("ت", "وا"):
                z -= 1.0  # اصيبوا → اصاب: the passive stem itself is no lemma
            if imperf and x.startswith("ت") and x == c + "وا" and len(c) >= 4 and c[2] not in "وي":
                z += 1.0  # تضرروا: a form V perfect; the 2nd person plural is rare in news
            if imperf:
                if len(c) == 3 and c[1] in "وي" and c[2] not in "وي" and x[1:4] == c and c != form2:
                    z -= 1.5  # the bare hollow stem of an imperfect is a noun: تعيد → اعاد, not عيد
                if len(c) == 2:
                    z -= 0.5  # a two-letter stem competes with the assimilated verb: يثق → وثق
                if len(c) == 3 and c[1] == "ا" and (c[0] + "ي" + c[2]) in x \
                        and self.zipf.get("ي" + c[0] + "و" + c[2], 0.0) >= max(
                            3.0, self.zipf.get("ي" + c[0] + "ي" + c[2], 0.0) - 0.5):
                    z -= 2.5  # يعيد beside يعود: form IV اعاد, not form I عاد
                if form2 and c == form2[0] + "ا" + form2[2]:
                    z -= 2.0  # تمول beside تميل: مال's imperfect has ي, so form II مول (its 3fs مولت seen)
            return z

        best = max(cands, key=score)
        zb = self.zipf.get(best, 0.0)
        if x.startswith(_IMPERFECT) or forced or (passive and x.startswith("ا")):
            return best if zb >= zx - 1.0 else None  # اصيب → اصاب
        if x.endswith("ت") and (best == x[:-1] and len(best) >= 4 and best[0] == "ا" or best in (
                x[:-1] + "ي", x[:-1] + "ا")):
            return best if zb >= zx - 0.5 else None  # ارهقت → ارهق, انتهت → انتهي (the 3fs is about as common)
        return best if zb >= zx else None

    def _hollow_person(self, x: str) -> str | None:
        """The perfect of a hollow verb in the 1st or 2nd person, which loses its long vowel
        (كنت, كنا → كان; قلنا → قال; عدنا → عاد): two letters + ت / نا / تم / تما / تن, read
        as hollow when the verb's imperfect (يكون, يقول) and perfect are common and the form
        never takes the article (الموت, البنت are nouns), else ``None``.

        >>> from arnews.morph.lemma_rules import LemmaRules
        >>> r = LemmaRules.default()
        >>> [r._hollow_person(x) for x in ("كنا", "قلت", "موت", "وقت")]
        ['كان', 'قال', None, None]
        """
        for suf in ("تما", "تم", "تن", "نا", "ت", "ا"):
            b = x[: -len(suf)]
            if suf == "ا":  # a root in ن takes نا into its own ن: كنا is كن + نا
                b, suf = (x[:2], "نا") if len(x) == 3 and x[1:] == "نا" else ("", suf)
            if x.endswith(suf) and len(b) == 2 and not set(b) & set("اويءئؤى") and b[0] != b[1]:
                break
        else:
            return None
        if b in self._function_words():
            return None  # مننا is من + نا
        c = b[0] + "ا" + b[1]
        imp = max(self.zipf.get("ي" + b[0] + "و" + b[1], 0.0), self.zipf.get("ي" + b[0] + "ي" + b[1], 0.0))
        # (after ت the 3fs of a doubled verb is spelled alike: حلت is حلّت unless the hollow is far commoner)
        zc = self.zipf.get(c, 0.0)
        if imp >= 4.0 and zc >= 4.0 and self.zipf.get("ال" + x, 0.0) < 2.0 and (
                suf != "ت" or zc >= self.zipf.get(b, 0.0) + 0.5):
            return c
        return None

    def _first_person(self, x: str) -> bool:
        """Is ``x`` (ا + stem) the 1st person singular imperfect, lemmatized as its 3ms
        (اشكر as يشكر)? The 3ms imperfect is common and at least as common as ``x``, while ``x``
        never takes the article (no elative: الاكبر) and has no 3fs perfect of its own (no form
        IV / VIII / X perfect: اكدت, اتفقت); function words, names and suffixed forms stay.

        >>> from arnews.morph.lemma_rules import LemmaRules
        >>> r = LemmaRules.default()
        >>> [r._first_person(x) for x in ("اشكر", "استطيع", "اكد", "اكبر", "اتفق")]
        [True, True, False, False, False]
        """
        if len(x) < 4 or x[0] != "ا" or x.endswith(_VERB_ENDINGS + ("ة", "ي")) or x in self._function_words():
            return False
        zy = self.zipf.get("ي" + x[1:], 0.0)
        return zy >= 3.5 and zy >= self.zipf.get(x, 0.0) - 1.0 and self.zipf.get("ال" + x, 0.0) < 1.5 \
            and self.zipf.get(perfect_3fs(x), 0.0) < 2.0 and not self._is_name(x)

    def _t_imperfect(self, x: str) -> bool:
        """Is ت + 3 letters the imperfect of a form I / II verb (تدخل → دخل, تنقل → نقل) rather
        than the form V perfect or its masdar, which are spelled alike? Yes when the 3ms imperfect
        (يدخل) is commoner than the masdar with the article (التدخل) and clearly commoner than
        both the form V imperfect (يتدخل) and perfect (from its 3fs تدخلت); تحدث, تعلم, تقدم, تصور stay.

        >>> from arnews.morph.lemma_rules import LemmaRules
        >>> r = LemmaRules.default()
        >>> r._t_imperfect("تدخل"), r._t_imperfect("تحدث"), r._t_imperfect("تعهد")
        (True, False, False)
        """
        if x[:1] != "ت" or len(x) != 4 or x[-1] in "اوي" or x[2] in "وي":
            return False  # (nor a hollow stem: تصور is صوّر or a masdar, not صار)
        imp = self.zipf.get("ي" + x[1:], 0.0)
        # (the form V 3ms perfect, spelled as x, is taken as its 3fs + 0.3: a 3ms is the commoner)
        return imp >= 3.0 and imp > self.zipf.get("ال" + x, 0.0) and imp >= 0.5 + max(
            self.zipf.get("ي" + x, 0.0), self.zipf.get(x + "ت", 0.0) + 0.3)

    def _form_i_or_iv(self, x: str, cands: list[str]) -> dict[str, float]:
        """Form I (عرف) or IV (اعرف) for an imperfect whose stem is the sound 3-letter one
        (يعرفها, تسفر): the 3fs perfect, which no noun or 1st person imperfect shares (اعرف is
        also "I know"), decides when one is at least 10 times commoner: ``{loser: penalty}``.
        Not when the imperfect is far commoner than the form I perfect (يمكنه: impersonal امكن),
        nor for a 3fs in ال (البت is a noun)."""
        if len(x) >= 4 and x[2] == "ي" and x[3] not in "اوي":  # hollow: يثير, يشير → اثار, اشار
            h1 = x[1] + "ا" + x[3]
            if h1 in cands and "ا" + h1 in cands and self.zipf.get(perfect_3fs("ا" + h1), 0.0) >= max(
                    3.5, self.zipf.get(perfect_3fs(h1), 0.0) + 0.5):
                return {h1: 1.0}
            return {}
        c1 = x[1:4]
        c4 = "ا" + c1
        if c1 not in cands or c4 not in cands or c1[-1] in "اوي":
            return {}
        f1, f4 = perfect_3fs(c1), perfect_3fs(c4)
        z1, z4 = self.zipf.get(f1, 0.0), self.zipf.get(f4, 0.0)
        if f4.startswith("ال") or f1.startswith("ال"):
            return {}
        if z1 >= z4 + 1.0 and self.zipf.get("ي" + c1, 0.0) <= z1 + 1.5:
            return {c4: 1.0}
        if z4 >= z1 + 1.0:
            # form I's 3fs never seen at all: a stronger penalty (تتسع → اتسع, not the number تسع)
            return {c1: 2.0 if z1 == 0.0 and z4 >= 3.0 else 1.0}
        return {}


"""Verb rules of the offline ``rules`` lemmatizer (split from :mod:`arnews.morph.lemma_rules`):
perfect (3ms) candidates of an unvocalized verb form, and shape checks for passives,
form VIII perfects that begin with ال, and rare forms III / V / VI.

Pure functions over one normalized word (``arnews.text.normalize`` form); the choice among
candidates, which needs word frequencies, is :meth:`arnews.morph.verb_choice.VerbChoice._verb`.

Example
-------
>>> [c for c in verb_candidates("يقولون") if c in ("قال", "اقول")]
['قال']
>>> pattern_perfect("يماطلون"), pattern_perfect("يتجاهلان"), pattern_perfect("يكتبون")
('ماطل', 'تجاهل', None)
"""
from __future__ import annotations

__all__ = ["OBJ_SUFFIXES", "IMPERFECT", "verb_candidates", "passive_perfect", "article_perfect",
           "article_perfect_form", "pattern_perfect", "perfect_3fs"]

OBJ_SUFFIXES = ("هما", "هم", "هن", "ها", "نا", "ني", "ه")  # ك/كم left out: تستهلك is not تستهل + ك
IMPERFECT = ("ي", "ت", "ن")  # 1st singular ا left out: news prose has few, form IV perfects many
_IMPERFECT = IMPERFECT


def verb_candidates(x: str) -> list[str]:
    """Perfect (3ms) candidates for a verb form without proclitics, most specific first:
    object pronouns, subject suffixes (ون ان ين وا تا ت ا), imperfect prefixes (ي ت ن ا),
    and weak roots (hollow يقول → قال, defective يخشى → خشي / يدعو → دعا, assimilated
    يصل → وصل, doubled يضم → ضم).

    >>> "قال" in verb_candidates("يقول"), "خشي" in verb_candidates("يخشون"), "وصل" in verb_candidates("يصل")
    (True, True, True)
    >>> "استهل" in verb_candidates("استهله"), "دعا" in verb_candidates("دعت")
    (True, True)
    >>> [c in verb_candidates(x) for c, x in (("استطاع", "يستطيع"), ("فتح", "يفتحا"), ("لجا", "يلجؤون"))]
    [True, True, True]
    >>> "نوا" in verb_candidates("تنوي"), "تبني" in verb_candidates("تتبن")
    (False, True)
    """
    bodies = [x]
    for suf in OBJ_SUFFIXES:
        if x.endswith(suf) and len(x) - len(suf) >= 3:
            b = x[: -len(suf)]
            bodies.append(b)
            if b.endswith("ا") and b[:1] in _IMPERFECT and (len(b) >= 4 or b[1] == "ر"):
                # alif maqsura before a pronoun: يراها → يرى, يتبناها → يتبنى (تساهم is not تسا + هم)
                bodies.append(b[:-1] + "ي")
            if b.endswith("و") and len(b) >= 4:
                bodies.append(b + "ا")  # the وا of a plural loses its alif before a pronoun: تعلموه → تعلموا
    cores: list[tuple[str, bool, str]] = []  # (core, imperfect?, subject suffix)
    for b in bodies:
        ends = [(b, "")]
        for suf in ("ون", "ان", "ين", "وا", "تا", "ت", "ا"):
            if b.endswith(suf) and len(b) - len(suf) >= (3 if suf == "ا" else 2):  # خلا is not خل + ا
                ends.append((b[: -len(suf)], suf))
        for core, suf in ends:
            # a perfect suffix; but a 4-letter ي/ت/ن..ا form is a hamza-final imperfect (يلجأ → لجا)
            perfect_end = suf in ("تا", "ت", "ا") or (suf == "" and (core.endswith(("ت", "وا", "يا")) or (
                core.endswith("ا") and len(core) != 4)))
            # the 1st person plural takes no subject suffix (نسوا is نسي + وا, not ن + سوا), nor
            # does ي take the 2fs ين
            no_person = (core.startswith("ن") and suf) or (core.startswith("ي") and suf == "ين")
            if core.startswith(_IMPERFECT) and len(core) >= 3 and not perfect_end and not no_person:
                cores.append((core[1:], True, suf))
            elif suf == "ا" and core.startswith("ي") and len(core) >= 4:
                cores.append((core[1:], True, suf))  # dual subjunctive: ان يفتحا → فتح
            if suf in ("", "وا", "تا", "ت", "ا"):  # perfect suffixes
                cores.append((core, False, suf))
            if suf == "وا" and (len(core) == 2 or (len(core) in (3, 4, 5) and core[0] == "ا") or (
                    len(core) == 3 and core[1] == "ا")):
                # a defective perfect drops its last letter before وا: بقوا → بقي, دعوا → دعا,
                # اكتفوا → اكتفي, لاقوا → لاقي (kept only when commoner than the bare stem)
                cores.append((core + "ي", False, "~"))
                if len(core) == 2:
                    cores.append((core + "ا", False, "~"))
            if suf in ("ون", "ين", "وا", "ان") and len(core) == 2 and core.startswith(_IMPERFECT) and core[1] == "ر":
                cores.append((core[1] + "اي", False, suf))  # رأى: يرون → راي
    out: list[str] = []

    def add(c: str) -> None:
        if len(c) >= 2 and c not in out:
            out.append(c)

    def a_ok(c: str) -> bool:
        """Can ا + stem be a perfect (form IV اعلن, VII انفعل, VIII اعتبر, X استهلك)?"""
        return len(c) == 3 or c[1:2] == "ت" or c.startswith(("ست", "ن"))

    for c, imperf, suf in cores:
        add(c)
        if not imperf:
            continue
        hollow = len(c) == 3 and c[1] in "وي" and c[2] not in "وي"  # روي is defective: تروي → روي
        defective = c.endswith(("ي", "و", "ا"))
        hollow_x = len(c) == 5 and c.startswith("ست") and c[3] in "وي" and c[4] not in "وي"
        if hollow_x:
            add("است" + c[2] + "ا" + c[4])    # form X hollow: يستطيع → استطاع (استطيع is 1st person)
        if c[-1:] in "ؤئ" and len(c) >= 3:
            add(c[:-1] + "ا")                 # hamza on a seat before a suffix: يلجؤون → لجا
        # not for hollow or defective stems, where ا + stem is the 1st person imperfect (اقول)
        if not hollow and not hollow_x and not defective and (a_ok(c) or (len(c) == 4 and "ئ" in c)):
            add("ا" + c.replace("ئ", "ا"))    # ا + stem; يطمئن → اطمان (a perfect has no ئ there)
        if len(c) == 2:
            add("و" + c)                      # assimilated: يصل → وصل
            add(c[0] + "ا" + c[1])            # hollow / defective: يرى → راي
            if suf in ("ون", "ين", "وا", "ان"):
                add(c + "ي")                  # defective plural: يخشون → خشي
                add(c + "ا")                  # يدعون → دعا
                add("ا" + c + "ي")            # form IV defective plural: يوصون → اوصي, يلقون → القي
        if len(c) == 3 and suf in ("ون", "ين", "وا", "ان") and (c[1] == "ت" or c[0] == "ن"):
            add("ا" + c + "ي")                # VII / VIII defective plural: يكتفون → اكتفي, ينتهون → انتهي
        if len(c) == 3 and c[1] == "ا" and suf in ("ون", "ين", "وا", "ان"):
            add(c + "ي")                      # form III defective plural: يعانون → عاني
        if len(c) == 4 and c.startswith("ست") and not suf:
            add("است" + c[2] + "ا" + c[3])    # jussive of form X hollow: لم يستطع → استطاع
        if hollow:
            add(c[0] + "ا" + c[2])            # hollow: يقول → قال, يبيع → باع
            if c[1] == "ي":  # form IV hollow: يريد → اراد (its imperfect has no و: يجوب → جاب)
                add("ا" + c[0] + "ا" + c[2])
        if defective:
            # the imperfect's last letter tells the perfect's: تنوي → نوي, يدعو → دعا
            if c.endswith("ي"):  # (ى is written ي once normalized: a final ا is a hamza, يقرأ → قرا)
                add(c[:-1] + "ي")             # defective: يخشى → خشي
            if not (c.endswith("ي") and not suf):
                add(c[:-1] + "ا")
            if a_ok(c) and not c.endswith("ا"):
                add("ا" + c[:-1] + "ي")       # form IV / VIII defective: يعطي → اعطي, يكتفي → اكتفي
        if len(c) == 3 and c[0] == "ت" and not suf and not defective:
            add(c + "ي")                      # jussive of a form V defective: لم يتبن → تبني
        if c[0] in "وؤ":
            add("ا" + c[1:])
    for b in bodies:  # defective perfects: دعت → دعا, رمتا → رمي
        for suf in ("تا", "ت"):
            if b.endswith(suf) and len(b) - len(suf) == 2:
                add(b[: -len(suf)] + "ا")
                add(b[: -len(suf)] + "ي")
            elif b.endswith(suf) and (len(b) - len(suf) in (3, 4, 5) and b[0] == "ا" or (
                    b[0] == "ت" and (len(b) - len(suf) == 3 or (len(b) - len(suf) == 4 and b[2] == "ا")))):
                # forms IV, VII, VIII, X (اوصت → اوصي, انتهت → انتهي), V / VI (تبنت → تبني, تعافت);
                # not form III, whose 3fs looks like a hollow one (هانت, not هاني)
                add(b[: -len(suf)] + "ي")
    for c, imperf, _suf in cores:  # passives of the perfect: عولج → عالج (III), اصيب → اصاب, قيل → قال
        if imperf:
            continue
        if len(c) == 4 and c[1] == "و":
            add(c[0] + "ا" + c[2:])
        if len(c) == 4 and c[0] == "ا" and c[2] == "ي":
            add("ا" + c[1] + "ا" + c[3])
        if len(c) == 3 and c[1] == "ي" and not _suf:
            add(c[0] + "ا" + c[2])
        if len(c) == 5 and c[0] == "ا" and c[2] == "ت" and c[3] == "ي":
            add(c[:3] + "ا" + c[4])           # form VIII hollow: اختير → اختار
    return out




def passive_perfect(x: str, zipf: dict[str, float]) -> bool:
    """Does ``x`` have the shape of a passive perfect of a hollow form IV (اصيب) or of
    form III (عولج), with or without a subject suffix? A form IV needs its imperfect
    (يصيب) in ``zipf``: انيس is a name, not a passive.

    >>> z = {"يصيب": 4.0}
    >>> passive_perfect("اصيب", z), passive_perfect("عولجوا", z), passive_perfect("اصاب", z), passive_perfect("انيس", z)
    (True, True, False, False)
    """
    for suf in ("", "ت", "وا"):
        if suf and not x.endswith(suf):
            continue
        c = x[: len(x) - len(suf)]
        if len(c) == 4 and c[3] not in "ةكه" and (
                (c[0] == "ا" and c[2] == "ي" and zipf.get("ي" + c[1] + "ي" + c[3], 0.0) >= 3.0)
                or (c[1] == "و" and c[0] not in "اوي")):
            return True
    return False




def perfect_3fs(c: str) -> str:
    """The 3fs perfect of a 3ms perfect ``c`` (defective: دعا → دعت, بقي → بقت), a form no
    noun shares (ملكت, not the noun ملك).

    >>> perfect_3fs("ملك"), perfect_3fs("دعا"), perfect_3fs("التقي")
    ('ملكت', 'دعت', 'التقت')
    """
    return c[:-1] + "ت" if c.endswith(("ي", "ا")) and len(c) >= 3 else c + "ت"


def article_perfect(w: str, zipf: dict[str, float]) -> bool:
    """Is ``w`` a form VIII perfect whose stem starts with ل after the ا (التقى, التزم), not the
    article + a noun? Yes when it and its 3fs perfect (التقت, التزمت) are common words.

    >>> article_perfect("التقي", {"التقي": 4.4, "التقت": 3.9}), article_perfect("التقي", {"التقي": 4.4})
    (True, False)
    """
    if not w.startswith("ال"):
        return False
    if w[2:3] != "ت":  # form IV defectives of a root in ل (الغي, القي), commoner than the bare غي, قي
        if not (len(w) == 4 and w.endswith("ي") and zipf.get(w, 0.0) > zipf.get(w[2:], 0.0)):
            return False  # (البي, الفي: ال + بي, في)
    elif len(w) not in (5, 6):
        return False
    return zipf.get(w, 0.0) >= 3.0 and zipf.get(perfect_3fs(w), 0.0) >= 3.0


def article_perfect_form(w: str, zipf: dict[str, float]) -> str | None:
    """The form VIII perfect in ال (see :func:`article_perfect`) that ``w`` inflects: itself, its
    3fs or plural (التقت, التزموا), or with an object pronoun (التقاه, التقاها).

    >>> z = {"التقي": 4.4, "التقت": 3.9}
    >>> article_perfect_form("التقت", z), article_perfect_form("التقاه", z), article_perfect_form("التقرير", z)
    ('التقي', 'التقي', None)
    """
    if not w.startswith("ال"):
        return None
    bodies = [w] + [w[: -len(s)] for s in OBJ_SUFFIXES if w.endswith(s) and len(w) - len(s) >= 4
                    and s != "ني"]  # (الغاني is a nisba, not الغى + ني)
    for b in bodies:
        cands = [b]
        if b.endswith("ت"):
            cands += [b[:-1], b[:-1] + "ي"]
        if b.endswith("وا"):
            cands += [b[:-2], b[:-2] + "ي"]
        if b.endswith("ا") and b is not w:
            cands.append(b[:-1] + "ي")
        for c in cands:
            if article_perfect(c, zipf):
                return c
    return None


def pattern_perfect(x: str) -> str | None:
    """The perfect of a plural or dual imperfect of form III (يماطلون → ماطل) or form V / VI
    (يتجاهلون → تجاهل), whose perfect is spelled as the imperfect's stem: for rare verbs that
    the frequency list does not show as a perfect.

    >>> pattern_perfect("تتفاوضان"), pattern_perfect("يقولون")
    ('تفاوض', None)
    """
    if not (x[:1] in "يت" and x.endswith(("ون", "وا", "ان"))):
        return None
    c = x[1:-2]
    if len(c) == 4 and c[1] == "ا" and c[0] not in "اتن" and c[3] not in "اوي":
        return c  # form III
    if len(c) in (4, 5) and c[0] == "ت" and c[-1] not in "اوي" and (len(c) == 4 or c[2] == "ا"):
        return c  # form V تفعّل / VI تفاعل
    return None

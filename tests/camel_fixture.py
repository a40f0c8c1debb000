"""A tiny CAMeL Tools data folder for tests: catalogue, morphology DB and MLE model.

The morphology DB is written in CAMeL Tools' text format (the one
``camel_tools.morphology.database.MorphologyDB`` parses: DEFINES, DEFAULTS, ORDER,
TOKENIZATIONS, STEMBACKOFF, PREFIXES, SUFFIXES, STEMS and the three compatibility
tables). It knows a handful of words, with one deliberately ambiguous form, دعم, which
is a noun (higher ``pos_lex_logprob``) or a verb (what the MLE model says).

>>> import tempfile, pathlib
>>> root = make_camel_data(pathlib.Path(tempfile.mkdtemp()))
>>> sorted(p.name for p in root.rglob("*") if p.is_file())
['catalogue.json', 'model.json', 'morphology.db']
"""
from __future__ import annotations

import json
from pathlib import Path

DB_NAME = "calima-msa-r13"

_FEATS = ["diac", "lex", "bw", "gloss", "pos", "prc3", "prc2", "prc1", "prc0", "per", "asp", "gen", "num", "enc0"]
_VALUES = {
    "pos": "noun noun_prop adj verb digit punc latin",
    "prc3": "0", "prc2": "0 wa_conj", "prc1": "0 bi_prep li_prep sa_fut", "prc0": "0 Al_det",
    "per": "na 3", "asp": "na p i", "gen": "m f", "num": "s p", "enc0": "0 3ms_poss",
}

_PREFIXES = [
    ("", "P0", "diac: bw:"),
    ("و", "Pc", "diac:وَ bw:وَ/CONJ prc2:wa_conj"),
    ("ال", "Pa", "diac:ال bw:ال/DET prc0:Al_det"),
    ("وال", "Pca", "diac:وَال bw:وَ/CONJ+ال/DET prc2:wa_conj prc0:Al_det"),
    ("ب", "Pb", "diac:بِ bw:بِ/PREP prc1:bi_prep"),
    ("بال", "Pba", "diac:بِال bw:بِ/PREP+ال/DET prc1:bi_prep prc0:Al_det"),
    ("ل", "Pl", "diac:لِ bw:لِ/PREP prc1:li_prep"),
    ("لل", "Pll", "diac:لِل bw:لِ/PREP+ال/DET prc1:li_prep prc0:Al_det"),
    ("ست", "Pfut", "diac:سَتُ bw:سَ/FUT_PART+تُ/IV3FS prc1:sa_fut per:3 gen:f asp:i"),
    ("ي", "Pipv", "diac:يَ bw:يَ/IV3MS per:3 gen:m asp:i"),
]
# Suffix keys are normalized like the analyzer's input (teh marbuta ة is looked up as ه).
_SUFFIXES = [
    ("", "S0", "diac: bw:"),
    ("ه", "Sfem", "diac:َة bw:+َة/NSUFF_FEM_SG gen:f"),
    ("ات", "Sfpl", "diac:ات bw:+ات/NSUFF_FEM_PL gen:f num:p"),
    ("ين", "Sobl", "diac:ِين bw:+ِين/NSUFF_MASC_PL_ACCGEN num:p"),
    ("ه", "Spron", "diac:ُه bw:+ُه/POSS_PRON_3MS enc0:3ms_poss"),
    ("", "Spv0", "diac:َ bw:+َ/PVSUFF_SUBJ:3MS per:3 asp:p"),
    ("ت", "Spv3fs", "diac:َت bw:+َت/PVSUFF_SUBJ:3FS per:3 gen:f asp:p"),
    ("", "Siv0", "diac:ُ bw:+ُ/IVSUFF_MOOD:I"),
]
_STEMS = [
    ("صين", "Nprop", "diac:صِين lex:صِين_1 bw:صِين/NOUN_PROP gloss:China pos:noun_prop pos_lex_logprob:-4.5"),
    ("روسيا", "Nprop", "diac:رُوسْيا lex:رُوسْيا_1 bw:رُوسْيا/NOUN_PROP gloss:Russia pos:noun_prop pos_lex_logprob:-4.2"),
    ("بوتين", "Nprop", "diac:بُوتِين lex:بُوتِين_1 bw:بُوتِين/NOUN_PROP gloss:Putin pos:noun_prop pos_lex_logprob:-4.8"),
    ("كرملين", "Nprop", "diac:كِرْمْلِين lex:كِرْمْلِين_1 bw:كِرْمْلِين/NOUN_PROP gloss:Kremlin pos:noun_prop pos_lex_logprob:-5.0"),
    ("علاق", "Nfem", "diac:عَلاق lex:عَلاقَة_1 bw:عَلاق/NOUN gloss:relation pos:noun pos_lex_logprob:-3.9"),
    ("حديث", "N", "diac:حَدِيث lex:حَدِيث_1 bw:حَدِيث/NOUN gloss:talk pos:noun pos_lex_logprob:-3.7"),
    ("روسي", "Adj", "diac:رُوسِيّ lex:رُوسِيّ_1 bw:رُوسِيّ/ADJ gloss:Russian pos:adj pos_lex_logprob:-4.0"),
    ("قال", "PV", "diac:قال lex:قال-u_1 bw:قال/PV gloss:say pos:verb pos_lex_logprob:-2.9"),
    ("اكد", "PV", "diac:أَكَّد lex:أَكَّد_1 bw:أَكَّد/PV gloss:affirm pos:verb pos_lex_logprob:-3.5"),
    ("دعم", "PV", "diac:دَعَم lex:دَعَم-a_1 bw:دَعَم/PV gloss:support pos:verb pos_lex_logprob:-4.1"),
    ("دعم", "N", "diac:دَعْم lex:دَعْم_1 bw:دَعْم/NOUN gloss:support pos:noun pos_lex_logprob:-3.6"),
    ("دعم", "IV", "diac:دْعَم lex:دَعَم-a_1 bw:دْعَم/IV gloss:support pos:verb pos_lex_logprob:-4.1"),
    ("تحدث", "IV", "diac:تَحَدَّث lex:تَحَدَّث_1 bw:تَحَدَّث/IV gloss:speak pos:verb pos_lex_logprob:-4.3"),
]
_NOMINAL_PREFIXES = ["P0", "Pc", "Pa", "Pca", "Pb", "Pba", "Pl", "Pll"]
_TABLE_AB = (
    [(p, s) for p in _NOMINAL_PREFIXES for s in ("Nprop", "N", "Nfem", "Adj")]
    + [(p, "PV") for p in ("P0", "Pc")]
    + [(p, "IV") for p in ("Pfut", "Pipv")]
)
_TABLE_BC = [
    ("Nprop", "S0"), ("N", "S0"), ("N", "Spron"), ("Nfem", "Sfem"), ("Nfem", "Sfpl"),
    ("Adj", "S0"), ("Adj", "Sfem"), ("Adj", "Sobl"), ("PV", "Spv0"), ("PV", "Spv3fs"), ("IV", "Siv0"),
]
_TABLE_AC = (
    [(p, s) for p in _NOMINAL_PREFIXES for s in ("S0", "Sfem", "Sfpl", "Sobl", "Spron")]
    + [(p, s) for p in ("P0", "Pc") for s in ("Spv0", "Spv3fs")]
    + [(p, "Siv0") for p in ("Pfut", "Pipv")]
)

# What the MLE model says دعم is (a verb), in the analysis-dict form of CAMeL's model.json.
MLE_MODEL = {
    "دعم": {"diac": "دَعَمَ", "lex": "دَعَم-a_1", "bw": "دَعَم/PV+َ/PVSUFF_SUBJ:3MS", "pos": "verb",
            "per": "3", "asp": "p", "gen": "m", "num": "s", "prc0": "0", "prc1": "0", "prc2": "0",
            "prc3": "0", "enc0": "0"},
}


def morphology_db_text() -> str:
    """The tiny DB in CAMeL's text format."""
    lines = ["###DEFINES###"]
    for f in _FEATS:
        if f in _VALUES:
            lines.append(f"DEFINE {f} " + " ".join(f"{f}:{v}" for v in _VALUES[f].split()))
        else:
            lines.append(f"DEFINE {f} {f}:*open*")
    lines.append("DEFINE pos_lex_logprob pos_lex_logprob:*open*")
    lines.append("###DEFAULTS###")
    base = "prc3:0 prc2:0 prc1:0 prc0:0 per:na asp:na gen:m num:s enc0:0"
    for pos in ("noun", "noun_prop", "adj", "verb", "digit", "punc", "latin"):
        lines.append(f"DEFAULT pos:{pos} {base}")
    lines += ["###ORDER###", "ORDER " + " ".join(_FEATS), "###TOKENIZATIONS###", "###STEMBACKOFF###"]
    lines.append("###PREFIXES###")
    lines += [f"{k}\t{c}\t{f}" for k, c, f in _PREFIXES]
    lines.append("###SUFFIXES###")
    lines += [f"{k}\t{c}\t{f}" for k, c, f in _SUFFIXES]
    lines.append("###STEMS###")
    lines += [f"{k}\t{c}\t{f}" for k, c, f in _STEMS]
    lines.append("###TABLE AB###")
    lines += [f"{a} {b}" for a, b in _TABLE_AB]
    lines.append("###TABLE BC###")
    lines += [f"{a} {b}" for a, b in _TABLE_BC]
    lines.append("###TABLE AC###")
    lines += [f"{a} {b}" for a, b in _TABLE_AC]
    return "\n".join(lines) + "\n"


def write_morphology_db(path: Path) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(morphology_db_text(), encoding="utf-8")
    return path


def make_camel_data(root: Path, *, with_mle: bool = True, with_db: bool = True) -> Path:
    """A CAMeL data folder (what ``CAMELTOOLS_DATA`` points at) with a minimal catalogue."""
    root.mkdir(parents=True, exist_ok=True)
    catalogue = {
        "version": "1.6",
        "packages": {},
        "components": {
            "MorphologyDB": {"default": DB_NAME, "datasets": {DB_NAME: {"path": f"morphology_db/{DB_NAME}"}}},
            "DisambigMLE": {"default": DB_NAME, "datasets": {DB_NAME: {"path": f"disambig_mle/{DB_NAME}"}}},
        },
    }
    (root / "catalogue.json").write_text(json.dumps(catalogue), encoding="utf-8")
    if with_db:
        write_morphology_db(root / "data" / "morphology_db" / DB_NAME / "morphology.db")
    if with_mle:
        mle = root / "data" / "disambig_mle" / DB_NAME / "model.json"
        mle.parent.mkdir(parents=True, exist_ok=True)
        mle.write_text(json.dumps(MLE_MODEL, ensure_ascii=False), encoding="utf-8")
    return root

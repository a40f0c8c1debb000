"""Reports built once per test session, shared by test_report.py and test_browser.py.

Each builder runs ``arnews.report.main`` in-process (the notebooks run in Jupyter kernels)
with ``ARNEWS_CACHE`` pointing at a session folder, and memoises the result so the two test
modules reuse one build.
"""
from __future__ import annotations

import contextlib
import io
import os
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]

XSS_TITLE = "<script>alert(1)</script> بوتين وشي"
XSS_IMG = "<img src=x onerror=alert(2)>"

XSS_ARTICLES = {
    "a_hostile.txt": (
        f"{XSS_TITLE}\n"
        f"قال الرئيس الروسي فلاديمير بوتين إن روسيا والصين تعززان التعاون الاستراتيجي {XSS_IMG} بينهما.\n"
        "وأكد الرئيس الصيني شي جين بينغ أن بكين تدعم موسكو في القضايا الأمنية.\n"
        "<script>alert(3)</script>\n"
        "اترك تعليقاً\nلن يتم نشر عنوان بريدك الإلكتروني."
    ),
    "b_plain.txt": (
        "روسيا والصين توقعان اتفاقية للطاقة\n"
        "وقعت روسيا والصين اتفاقية جديدة لتوريد الغاز الطبيعي. "
        "وانتقدت الولايات المتحدة الاتفاق وقالت إنه يهدد أوروبا.\n"
        "وقال وزير الخارجية الصيني وانغ يي إن العلاقات مع روسيا في أفضل حالاتها."
    ),
    "c_short.txt": (
        "لقاء في موسكو\n"
        "التقى بوتين وشي في موسكو وبحثا الشراكة بين البلدين والتعاون في مجلس الأمن. "
        "وقال بوتين إن روسيا والصين تعارضان العقوبات الأمريكية."
    ),
}
XSS_METADATA = (
    "file,title,date,outlet\n"
    f"a_hostile.txt,\"{XSS_TITLE}\",2024-03-01,\"{XSS_IMG}\"\n"
    "b_plain.txt,,2024-05-10,وكالة الأنباء\n"
    "c_short.txt,,2024-05-20,وكالة الأنباء\n"
)

_BUILT: dict[tuple, dict] = {}


def write_xss_corpus(folder: Path) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    for name, text in XSS_ARTICLES.items():
        (folder / name).write_text(text, encoding="utf-8")
    (folder / "metadata.csv").write_text(XSS_METADATA, encoding="utf-8")
    (folder / "<img src=x onerror=alert(5)>.txt").write_bytes(b"")  # skipped (empty), hostile name
    return folder


@contextlib.contextmanager
def env(**values):
    old = {k: os.environ.get(k) for k in values}
    os.environ.update({k: str(v) for k, v in values.items()})
    try:
        yield
    finally:
        for k, v in old.items():
            if v is None:
                os.environ.pop(k, None)
            else:
                os.environ[k] = v


def run_report(argv: list[str], cache: Path) -> dict:
    """``arnews report`` in-process; returns exit code, stdout and stderr."""
    from arnews.report import main

    out, err = io.StringIO(), io.StringIO()
    with env(ARNEWS_CACHE=cache), contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        code = main(argv)
    return {"code": code, "stdout": out.getvalue(), "stderr": err.getvalue()}


def build(kind: str, tmp_path_factory) -> dict:
    """``kind``: "sample" (every notebook on data/articles) or "xss" (every notebook on the
    hostile three-article corpus). Returns {"out", "cache", "corpus", "code", "stdout", "stderr"}."""
    key = (kind, str(tmp_path_factory.getbasetemp()))
    if key in _BUILT:
        return _BUILT[key]
    base = tmp_path_factory.mktemp(f"report_{kind}")
    corpus = REPO / "data" / "articles" if kind == "sample" else write_xss_corpus(base / "corpus")
    cache, out = base / "cache", base / "reports"
    res = run_report(["--corpus", str(corpus), "--out", str(out)], cache)
    res.update(out=out, cache=cache, corpus=corpus)
    _BUILT[key] = res
    return res

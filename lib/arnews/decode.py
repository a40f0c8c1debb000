"""Decode the bytes of a corpus file: UTF-8 (with or without BOM, damaged UTF-8 with U+FFFD for
each invalid byte), UTF-16 and Windows-1256 or another Arabic code page, or the reason it is not
text. Used by :mod:`arnews.corpus` (which re-exports :func:`decode_bytes` and
:class:`DecodeResult`)."""
from __future__ import annotations

import codecs
import re
from dataclasses import dataclass

__all__ = ["DecodeResult", "decode_bytes"]


@dataclass(frozen=True)
class DecodeResult:
    text: str | None
    encoding: str | None
    problem: str | None = None  # reason when text is None
    warning: str | None = None  # what to say in the load report of a loaded file (damaged UTF-8)


_ARABIC_RE = re.compile(r"[\u0600-\u06FF]")
_BAD_CONTROL_RE = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


def _looks_like_text(text: str) -> bool:
    if not text:
        return True
    bad = len(_BAD_CONTROL_RE.findall(text))
    return bad / len(text) < 0.01


_CORE_ARABIC_RE = re.compile(r"[\u0621-\u064A]")


def _plausible_arabic(text: str) -> bool:
    """Windows-1256 maps every byte to something, so check the result reads like Arabic:
    mostly core Arabic letters (not the Persian/Urdu extras the upper range holds) and
    word spaces."""
    letters = sum(ch.isalpha() for ch in text)
    if not letters:
        return False
    arabic = len(_ARABIC_RE.findall(text))
    core = len(_CORE_ARABIC_RE.findall(text))
    spaces = sum(ch.isspace() for ch in text)
    # Accented Latin letters inside Arabic words mean a different Arabic code page was
    # read as Windows-1256 (e.g. ISO-8859-6 bytes decode to "بèتêو").
    accented = sum("\u00c0" <= ch <= "\u00ff" for ch in text)
    return (
        arabic / letters > 0.5
        and core / max(arabic, 1) > 0.8
        and spaces / len(text) > 0.03
        and accented / letters < 0.02
    )


_ESCAPED_RE = re.compile("[\udc80-\udcff]")  # bytes utf-8 could not decode (surrogateescape)
_ESCAPED_TAIL_RE = re.compile("[\udc80-\udcff]+$")
_NON_ASCII_RE = re.compile("[^\x00-\x7f\udc80-\udcff]")


def _damaged_utf8(data: bytes, encoding: str = "utf-8") -> DecodeResult | None:
    """UTF-8 with a few invalid bytes (a bad byte, a file cut mid-character): decoded with
    U+FFFD for each invalid byte, and said so. Text in a legacy code page has invalid bytes
    all through its letters, so it needs at least four valid non-ASCII characters per
    invalid byte to count as damaged UTF-8.

    >>> _damaged_utf8("قال بوتين".encode()[:4] + b"\\xff" + "قال بوتين".encode()[4:]).warning
    'damaged UTF-8: 1 invalid byte replaced with U+FFFD'
    >>> _damaged_utf8("قال بوتين".encode("cp1256")) is None
    True
    """
    escaped = data.decode("utf-8", errors="surrogateescape")
    text, bad = _ESCAPED_RE.subn("\ufffd", escaped)
    if not bad or len(_NON_ASCII_RE.findall(escaped)) < 4 * bad or not _looks_like_text(text):
        return None
    trailing = _ESCAPED_TAIL_RE.search(escaped)
    where = " (the file ends mid-character)" if trailing and len(trailing.group(0)) == bad else ""
    noun = "byte" if bad == 1 else "bytes"
    return DecodeResult(text, encoding, warning=f"damaged UTF-8: {bad} invalid {noun} replaced with U+FFFD{where}")


def _utf16_without_bom(data: bytes) -> str | None:
    """Recognise BOM-less UTF-16 by its NUL pattern (ASCII/Arabic code units)."""
    if len(data) < 4 or len(data) % 2:
        return None
    even_nul = data[0::2].count(0) / (len(data) / 2)
    odd_nul = data[1::2].count(0) / (len(data) / 2)
    for enc, ok in (("utf-16-le", odd_nul > 0.2 and even_nul < 0.05), ("utf-16-be", even_nul > 0.2 and odd_nul < 0.05)):
        if ok:
            try:
                return data.decode(enc)
            except UnicodeDecodeError:
                return None
    # Arabic in UTF-16-LE: high bytes 0x06 on odd positions
    if data[1::2].count(6) / (len(data) / 2) > 0.3:
        try:
            return data.decode("utf-16-le")
        except UnicodeDecodeError:
            return None
    if data[0::2].count(6) / (len(data) / 2) > 0.3:
        try:
            return data.decode("utf-16-be")
        except UnicodeDecodeError:
            return None
    return None


def decode_bytes(data: bytes) -> DecodeResult:
    """Detect the encoding of raw bytes and decode them.

    Handles UTF-8 (with or without BOM), UTF-16 (with BOM, or recognised by its byte
    pattern) and Windows-1256, the common legacy Arabic code page; other Arabic code
    pages are tried with ``charset_normalizer`` and kept only if the result reads as
    Arabic. Binary data and bytes that decode to no
    plausible text are reported, not guessed. UTF-8 with a few invalid bytes (one bad
    byte, a file cut mid-character) is *damaged UTF-8*: it is decoded with U+FFFD in place
    of each invalid byte and ``warning`` says so (the load report shows it).

    >>> decode_bytes("قال بوتين إن العلاقات قوية".encode("cp1256")).encoding
    'windows-1256'
    >>> decode_bytes(b"\\x00\\x01\\x02\\xff" * 10).problem
    'binary file (NUL bytes)'
    >>> res = decode_bytes("قال بوتين إن العلاقات قوية".encode()[:-1])
    >>> res.encoding, res.warning
    ('utf-8', 'damaged UTF-8: 1 invalid byte replaced with U+FFFD (the file ends mid-character)')
    """
    if not data:
        return DecodeResult(None, None, "empty file")
    if data.startswith(codecs.BOM_UTF8):
        try:
            return DecodeResult(data[3:].decode("utf-8"), "utf-8-sig")
        except UnicodeDecodeError as e:
            return _damaged_utf8(data[3:], "utf-8-sig") or DecodeResult(
                None, None, f"invalid UTF-8 after a UTF-8 BOM at byte {e.start + 3}")
    if data.startswith(codecs.BOM_UTF16_LE) or data.startswith(codecs.BOM_UTF16_BE):
        try:
            return DecodeResult(data.decode("utf-16"), "utf-16")
        except UnicodeDecodeError as e:
            return DecodeResult(None, None, f"invalid UTF-16 at byte {e.start}")
    utf16 = _utf16_without_bom(data)
    if utf16 is not None and _looks_like_text(utf16):
        return DecodeResult(utf16, "utf-16")
    if b"\x00" in data:
        return DecodeResult(None, None, "binary file (NUL bytes)")
    try:
        text = data.decode("utf-8")
        if _looks_like_text(text):
            return DecodeResult(text, "utf-8")
        return DecodeResult(None, None, "binary file (control bytes)")
    except UnicodeDecodeError:
        pass
    # A few invalid bytes in otherwise valid UTF-8 is damaged UTF-8, not a legacy code page.
    damaged = _damaged_utf8(data)
    if damaged is not None:
        return damaged
    # Windows-1256 decodes almost any byte string, so require plausible Arabic text.
    try:
        text = data.decode("cp1256")
        if _looks_like_text(text) and _plausible_arabic(text):
            return DecodeResult(text, "windows-1256")
    except UnicodeDecodeError:
        pass
    if not _looks_like_text(data.decode("latin-1")):
        return DecodeResult(None, None, "binary file (control bytes)")
    try:
        from charset_normalizer import from_bytes

        # Other Arabic code pages (ISO-8859-6, CP720, Mac Arabic); a guess is kept only if
        # it reads like Arabic, otherwise the file is reported rather than mis-decoded.
        best = from_bytes(data).best()
        if best is not None and best.encoding:
            text = str(best)
            if _looks_like_text(text) and _plausible_arabic(text):
                return DecodeResult(text, best.encoding)
    except Exception:  # pragma: no cover - detector failure falls through to the report
        pass
    return DecodeResult(None, None, "undecodable: not UTF-8, UTF-16 or Windows-1256 text")

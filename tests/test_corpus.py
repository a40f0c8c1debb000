"""Loading: folders, tables, encodings, bad inputs, metadata, dates, the load report."""
from __future__ import annotations

import json
from pathlib import Path

import pandas as pd
import pytest

from arnews.corpus import CorpusError, decode_bytes, date_from_text, load_corpus, load_report

ARABIC = "قال الرئيس الروسي فلاديمير بوتين إن العلاقات مع الصين في أفضل حالاتها.\nوأكد شي جين بينغ ذلك."


def test_sample_corpus_loads_five_articles_with_metadata(sample_articles, sample_dir):
    df = sample_articles
    assert len(df) == 5
    assert list(df.columns[:6]) == ["article_id", "source_path", "title", "date", "outlet", "text"]
    assert set(df["encoding"]) == {"utf-8"}
    # text is exactly as read from disk
    for r in df.itertuples():
        assert r.text == Path(r.source_path).read_text(encoding="utf-8")
    row = df.set_index("article_id").loc["002_2c5dc0bad80b8328"]
    assert row["date"] == pd.Timestamp("2025-01-22")
    assert row["outlet"].startswith("المستقلة")
    assert row["date_precision"] == "stated-in-text"
    rep = load_report(df)
    assert (rep["status"] == "loaded").sum() == 5


@pytest.mark.parametrize(
    "encoding,expected",
    [("utf-8", "utf-8"), ("utf-8-sig", "utf-8-sig"), ("utf-16", "utf-16"), ("utf-16-le", "utf-16"), ("cp1256", "windows-1256")],
)
def test_encodings_are_detected_and_recorded(tmp_path, encoding, expected):
    (tmp_path / "a.txt").write_bytes(ARABIC.encode(encoding))
    df = load_corpus(tmp_path)
    assert df.loc[0, "text"] == ARABIC
    assert df.loc[0, "encoding"] == expected


def test_bad_files_are_reported_not_dropped(tmp_path):
    (tmp_path / "good.txt").write_text(ARABIC, encoding="utf-8")
    (tmp_path / "copy.txt").write_text(ARABIC + "\n", encoding="utf-8")  # same text, whitespace differs
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "blank.txt").write_text("  \n\n ", encoding="utf-8")
    (tmp_path / "image.txt").write_bytes(bytes(range(256)) * 4)
    (tmp_path / "notes.docx").write_bytes(b"PK\x03\x04")
    df = load_corpus(tmp_path)
    assert df["article_id"].tolist() == ["copy"]  # sorted order: copy.txt is read before good.txt
    rep = load_report(df).set_index(load_report(df)["source"].map(lambda s: Path(s).name))
    assert rep.loc["good.txt", "status"] == "skipped"
    assert rep.loc["good.txt", "reason"].startswith("duplicate text of")
    assert rep.loc["empty.txt", "reason"] == "empty file"
    assert "whitespace" in rep.loc["blank.txt", "reason"]
    assert rep.loc["image.txt", "reason"].startswith("binary file")
    assert "not a .txt file" in rep.loc["notes.docx", "reason"]
    # every input appears exactly once in the report
    assert sorted(rep.index) == sorted(p.name for p in tmp_path.iterdir())


def test_undecodable_bytes_are_reported():
    res = decode_bytes(b"\x81\x8d\x8f\x90\x9d" * 50)  # undefined in cp1256 / invalid in UTF-8
    assert res.text is None
    assert res.problem


def test_missing_folder_raises_naming_it(tmp_path):
    missing = tmp_path / "nope"
    with pytest.raises(CorpusError, match="nope.*does not exist"):
        load_corpus(missing)


def test_folder_without_articles_raises(tmp_path):
    (tmp_path / "empty.txt").write_bytes(b"")
    with pytest.raises(CorpusError, match="no articles could be loaded.*empty.txt: empty file"):
        load_corpus(tmp_path)


def test_csv_without_text_column_names_file_and_columns(tmp_path):
    p = tmp_path / "c.csv"
    pd.DataFrame({"body": [ARABIC], "when": ["2024-01-01"]}).to_csv(p, index=False)
    with pytest.raises(CorpusError, match=r"c\.csv: no text column 'text'; columns are \['body', 'when'\]"):
        load_corpus(p)
    df = load_corpus(p, text_column="body")
    assert df.loc[0, "text"] == ARABIC
    assert df.loc[0, "when"] == "2024-01-01"


@pytest.mark.parametrize("fmt", ["csv", "tsv", "jsonl", "parquet"])
def test_table_formats(tmp_path, fmt):
    data = pd.DataFrame(
        {"id": ["x1", "x2", "x3"], "text": [ARABIC, "", "تعهد شي بتعميق التنسيق."], "date": ["2024-05-01", "2024-05-02", "2024-06-01"], "outlet": ["A", "B", "A"]}
    )
    p = tmp_path / f"corpus.{fmt}"
    if fmt == "csv":
        data.to_csv(p, index=False)
    elif fmt == "tsv":
        data.to_csv(p, sep="\t", index=False)
    elif fmt == "jsonl":
        p.write_text("\n".join(json.dumps(r, ensure_ascii=False) for r in data.to_dict("records")), encoding="utf-8")
    else:
        data.to_parquet(p)
    df = load_corpus(p, id_column="id")
    assert df["article_id"].tolist() == ["x1", "x3"]
    assert df["date"].tolist() == [pd.Timestamp("2024-05-01"), pd.Timestamp("2024-06-01")]
    rep = load_report(df)
    skipped = rep[rep["status"] == "skipped"]
    assert skipped["reason"].tolist() == ["row 2: empty text"]


def test_metadata_sidecar_and_title_fallback(tmp_path):
    (tmp_path / "a.txt").write_text("عنوان المقال\nنص المقال هنا.", encoding="utf-8")
    (tmp_path / "b.txt").write_text("سطر أول\nنص آخر.", encoding="utf-8")
    pd.DataFrame({"file": ["a.txt", "zzz.txt"], "title": ["عنوان من البيانات", "x"], "outlet": ["الجزيرة", "y"], "date": ["2023-03-04", ""]}).to_csv(
        tmp_path / "metadata.csv", index=False
    )
    df = load_corpus(tmp_path).set_index("article_id")
    assert df.loc["a", "title"] == "عنوان من البيانات"
    assert df.loc["a", "outlet"] == "الجزيرة"
    assert df.loc["b", "title"] == "سطر أول"  # first line when metadata gives none
    rep = load_report(df.reset_index())
    assert rep.loc[rep["status"] == "missing", "source"].str.endswith("zzz.txt").all()


def test_metadata_without_file_column_is_an_error(tmp_path):
    (tmp_path / "a.txt").write_text(ARABIC, encoding="utf-8")
    pd.DataFrame({"name": ["a.txt"]}).to_csv(tmp_path / "metadata.csv", index=False)
    with pytest.raises(CorpusError, match="metadata.csv: metadata sidecar needs a 'file' column"):
        load_corpus(tmp_path)


def test_date_from_text_real_line_and_fallback(tmp_path):
    line = "تاريخ النشر: 22nd, January 2025 GMT"  # from sample article 002
    assert date_from_text("عنوان\n" + line) == "2025-01-22"
    assert date_from_text("Published: March 3, 2024") == "2024-03-03"
    assert date_from_text("بتاريخ 2023/11/05") == "2023-11-05"
    assert date_from_text("وفي مارس 2022 قال بوتين") is None  # a month in the story is not a publication date
    (tmp_path / "a.txt").write_text("عنوان\n" + line + "\nنص.", encoding="utf-8")
    df = load_corpus(tmp_path)
    assert df.loc[0, "date"] == pd.Timestamp("2025-01-22")
    assert df.loc[0, "date_source"] == "text"


def test_unsupported_file_type(tmp_path):
    p = tmp_path / "x.docx"
    p.write_bytes(b"PK")
    with pytest.raises(CorpusError, match="unsupported corpus file type .docx"):
        load_corpus(p)


def test_iso_8859_6_arabic_is_decoded_by_fallback(tmp_path):
    (tmp_path / "a.txt").write_bytes(ARABIC.replace("أ", "ا").replace("إ", "ا").encode("iso-8859-6"))
    df = load_corpus(tmp_path)
    assert "بوتين" in df.loc[0, "text"]


# --- damaged UTF-8, subfolders, null ids, dates (issue 13) ------------------------------------


@pytest.mark.parametrize("damage", ["one bad byte", "cut mid-character"])
def test_damaged_utf8_is_utf8_with_replacements_and_flagged(tmp_path, damage):
    data = ARABIC.encode("utf-8")
    assert data[-1:] == b"."
    at = data.index(b" ", 30)  # between two characters
    bad = data[:at] + b"\xff" + data[at:] if damage == "one bad byte" else data[:-2]  # ends inside "ك"
    (tmp_path / "a.txt").write_bytes(bad)
    df = load_corpus(tmp_path)
    assert df.loc[0, "encoding"] == "utf-8"
    text = df.loc[0, "text"]
    assert "بوتين" in text and "الصين" in text and text.count("\ufffd") == 1
    rep = load_report(df)
    assert rep.loc[0, "status"] == "loaded"
    assert rep.loc[0, "reason"].startswith("damaged UTF-8: 1 invalid byte replaced with U+FFFD")
    assert ("mid-character" in rep.loc[0, "reason"]) == (damage == "cut mid-character")


def test_windows_1256_is_not_mistaken_for_damaged_utf8():
    res = decode_bytes((ARABIC * 3).encode("cp1256"))
    assert res.encoding == "windows-1256" and res.warning is None


def test_files_in_subfolders_are_listed_without_recursive(tmp_path):
    (tmp_path / "a.txt").write_text(ARABIC, encoding="utf-8")
    (tmp_path / "2024" / "jan").mkdir(parents=True)
    (tmp_path / "2024" / "jan" / "b.txt").write_text(ARABIC + " ب", encoding="utf-8")
    (tmp_path / "2024" / "c.txt").write_text(ARABIC + " ج", encoding="utf-8")
    (tmp_path / ".git" / "objects").mkdir(parents=True)
    (tmp_path / ".git" / "HEAD").write_text("ref")
    (tmp_path / ".git" / "objects" / "x").write_text("y")
    rep = load_report(load_corpus(tmp_path)).set_index("source")
    assert rep.loc[str(tmp_path / "2024" / "jan" / "b.txt"), "reason"].startswith("in subfolder 2024/jan/, not read")
    assert "--recursive" in rep.loc[str(tmp_path / "2024" / "c.txt"), "reason"]
    assert rep.loc[str(tmp_path / ".git"), "reason"] == "hidden folder, not read (2 files)"
    assert (rep["status"] == "loaded").sum() == 1 and len(rep) == 4
    deep = load_corpus(tmp_path, recursive=True)
    assert sorted(deep["article_id"]) == ["2024/c", "2024/jan/b", "a"]


@pytest.mark.parametrize("fmt", ["jsonl", "csv", "parquet"])
def test_rows_with_null_ids_get_generated_ids(tmp_path, fmt):
    data = pd.DataFrame({"id": [None, 7, None, None], "text": [ARABIC + f" {i}" for i in range(4)]})
    data["id"] = data["id"].astype("Int64")
    p = tmp_path / f"c.{fmt}"
    if fmt == "jsonl":
        p.write_text("\n".join(json.dumps({"id": None if pd.isna(i) else int(i), "text": t}, ensure_ascii=False)
                               for i, t in zip(data["id"], data["text"])), encoding="utf-8")
    elif fmt == "csv":
        data.to_csv(p, index=False)
    else:
        data.astype({"id": "float64"}).to_parquet(p)  # an integer column with gaps stored as floats
    df = load_corpus(p, id_column="id")
    assert len(df) == 4
    assert df["article_id"].tolist() == ["c_000001", "7", "c_000003", "c_000004"]
    rep = load_report(df)
    assert (rep["status"] == "loaded").all()
    assert rep["reason"].tolist().count("no id in column 'id'; id generated") == 3


def test_generated_ids_never_collide_with_real_ones(tmp_path):
    p = tmp_path / "c.csv"
    pd.DataFrame({"article_id": ["", "c_000001"], "text": [ARABIC, ARABIC + " ب"]}).to_csv(p, index=False)
    df = load_corpus(p)
    assert df["article_id"].tolist() == ["c_000001", "c_000001_2"]
    assert "loaded as 'c_000001_2'" in load_report(df)["reason"].iloc[1]
    pd.DataFrame({"article_id": ["c_000002", ""], "text": [ARABIC, ARABIC + " ب"]}).to_csv(p, index=False)
    assert load_corpus(p)["article_id"].tolist() == ["c_000002", "c_000002_2"]


def test_one_day_month_order_per_date_column(tmp_path):
    p = tmp_path / "c.csv"
    dates = ["05/06/2022", "15/06/2022", "2022-06-07", "7 June 2022"]
    pd.DataFrame({"text": [ARABIC + f" {i}" for i in range(4)], "date": dates}).to_csv(p, index=False)
    df = load_corpus(p)
    assert df["date"].dt.strftime("%Y-%m-%d").tolist() == ["2022-06-05", "2022-06-15", "2022-06-07", "2022-06-07"]
    assert df.attrs["date_order"] == "day-first (15/06/2022)"
    # month-first when the column shows it; the day-first reading of 05/06 would be wrong there
    pd.DataFrame({"text": [ARABIC, ARABIC + " ب"], "date": ["05/06/2022", "06/15/2022"]}).to_csv(p, index=False)
    assert load_corpus(p)["date"].dt.strftime("%m-%d").tolist() == ["05-06", "06-15"]
    # set explicitly: a value that contradicts the order is reported, not read the other way
    df = load_corpus(p, dayfirst=True)
    assert df["date"].isna().tolist() == [False, True]
    assert "date '06/15/2022' in metadata could not be parsed" in load_report(df)["reason"].iloc[1]


def test_the_order_is_the_same_in_every_streamed_chunk(tmp_path):
    from arnews.corpus import iter_corpus

    p = tmp_path / "c.csv"
    pd.DataFrame({"text": [ARABIC + f" {i}" for i in range(3)], "date": ["05/06/2022", "01/02/2022", "25/12/2022"]}).to_csv(p, index=False)
    first = next(iter_corpus(p, chunk_size=1))
    assert first["date"].iloc[0] == pd.Timestamp("2022-06-05")  # the third row decides the order


def test_timezone_offsets_become_utc_and_bad_dates_do_not_stop_the_load(tmp_path):
    p = tmp_path / "c.jsonl"
    rows = [{"text": ARABIC + " 1", "date": "2022-06-05T10:00:00+03:00"},
            {"text": ARABIC + " 2", "date": "2022-06-05 10:00"},
            {"text": ARABIC + " 3", "date": "2022-06-05T23:30:00-02:00"},
            {"text": ARABIC + " 4", "date": "yesterday"}]
    p.write_text("\n".join(json.dumps(r, ensure_ascii=False) for r in rows), encoding="utf-8")
    df = load_corpus(p)
    assert df["date"].tolist()[:3] == [pd.Timestamp("2022-06-05 07:00"), pd.Timestamp("2022-06-05 10:00"), pd.Timestamp("2022-06-06 01:30")]
    assert pd.isna(df["date"].iloc[3]) and pd.isna(df["date_source"].iloc[3])
    rep = load_report(df)
    assert rep["status"].tolist() == ["loaded"] * 4
    assert rep["reason"].iloc[3] == "date 'yesterday' in metadata could not be parsed (left empty)"

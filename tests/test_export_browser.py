"""CSV and Excel download buttons on itables tables, checked in headless Chromium (offline).

Renders tables the way the reports do (itables, ``connected=False``) after
:func:`arnews.export.enable_table_downloads`, opens the page in Chromium, checks that every
table, short or long, has both buttons, clicks CSV and reads the downloaded file back with
pandas.
"""
from __future__ import annotations

import time

import pandas as pd
import pytest
from test_browser import Browser, assert_clean, find_chromium

pytestmark = pytest.mark.slow


@pytest.fixture
def page_with_tables(tmp_path):
    import itables
    import itables.options as opt

    from arnews.export import enable_table_downloads

    enable_table_downloads()
    try:
        long = pd.DataFrame({"article_id": [f"a{i:02d}" for i in range(25)],
                             "term": ["روسيا", "الصين", "أوكرانيا", "الناتو", "تايوان"] * 5, "count": range(25)})
        short = pd.DataFrame({"actor": ["بوتين", "شي"], "mentions": [12, 9]})
        from itables.javascript import generate_init_offline_itables_html

        html = generate_init_offline_itables_html(opt.dt_bundle)  # the DataTables bundle, as in a report
        html += "".join(itables.to_html_datatable(df, connected=False, allow_html=False) for df in (long, short))
    finally:
        del opt.buttons
    page = tmp_path / "tables.html"
    page.write_text(f"<!doctype html><html><head><meta charset='utf-8'><title>arnews tables</title></head>"
                    f"<body>{html}</body></html>", encoding="utf-8")
    return page, long


def test_every_table_has_csv_and_excel_buttons_and_csv_downloads(page_with_tables, tmp_path):
    exe = find_chromium()
    if exe is None:
        pytest.fail("Chromium not found: install Debian's chromium (make chromium) or set CHROMIUM", pytrace=False)
    page, long = page_with_tables
    b = Browser(exe)
    try:
        downloads = tmp_path / "downloads"
        downloads.mkdir()
        b.call("Browser.setDownloadBehavior", behavior="allow", downloadPath=str(downloads))
        b.open(page.as_uri(), ready="document.querySelectorAll('table.dataTable').length === 2")
        assert_clean(b, page.name)
        per_table = b.eval("""Array.from(document.querySelectorAll('.dt-container')).map(c =>
            Array.from(c.querySelectorAll('.dt-buttons button')).map(x => x.textContent.trim()))""")
        assert per_table == [["CSV", "Excel"], ["CSV", "Excel"]], per_table
        b.screenshot(tmp_path / "buttons.png", full_page=False)
        b.eval("document.querySelector('.dt-container .buttons-csv').click()")
        deadline = time.time() + 20
        while not list(downloads.glob("*.csv")) and time.time() < deadline:
            b.pump(0.3)
        files = list(downloads.glob("*.csv"))
        assert files, "the CSV button did not download a file"
        raw = files[0].read_bytes()
        assert raw.startswith(b"\xef\xbb\xbf")  # BOM: Excel shows Arabic
        got = pd.read_csv(files[0])
        assert got["term"].tolist() == long["term"].tolist()  # all rows, not only the first page
        assert len(got) == 25
    finally:
        b.close()

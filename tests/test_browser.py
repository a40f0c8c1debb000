"""The exported reports, opened in headless Chromium (Debian's ``chromium`` package).

Chromium is driven through the Chrome DevTools Protocol with ``websocket-client``: the test
loads ``index.html`` and reports from ``file://`` URLs, records every script exception,
console error, JavaScript dialog and non-local network request, and checks the rendered DOM
(Arabic text present, images decoded, interactive tables initialised, no injected element
from the untrusted corpus). Screenshots are written to the test's tmp folder (and to
``$ARNEWS_SCREENSHOTS`` when set) so a person can look at them.

``make test`` runs ``.ci/ensure-chromium`` first; without Chromium the test fails saying how
to install it.
"""
from __future__ import annotations

import base64
import json
import os
import shutil
import subprocess
import tempfile
import time
import urllib.request
from pathlib import Path

import pytest
from report_fixtures import build

pytestmark = pytest.mark.slow

CHROMIUM_CANDIDATES = ["/usr/bin/chromium", "chromium", "chromium-browser", "google-chrome"]
FLAGS = [
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
    "--disable-dev-shm-usage", "--hide-scrollbars", "--remote-debugging-port=0",
]


def find_chromium() -> str | None:
    env = os.environ.get("CHROMIUM")
    for c in ([env] if env else []) + CHROMIUM_CANDIDATES:
        path = shutil.which(c) if not os.path.isabs(c) else (c if os.access(c, os.X_OK) else None)
        if path:
            return path
    return None


class Browser:
    """A headless Chromium page driven over the DevTools Protocol (one tab, sequential calls)."""

    def __init__(self, executable: str, width: int = 1280, height: int = 900):
        import websocket  # websocket-client

        self.profile = tempfile.mkdtemp(prefix="arnews-chromium-")
        self.proc = subprocess.Popen(
            [executable, *FLAGS, f"--user-data-dir={self.profile}", f"--window-size={width},{height}", "about:blank"],
            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
        )
        port_file = Path(self.profile) / "DevToolsActivePort"
        deadline = time.time() + 30
        while not port_file.exists() or not port_file.read_text().strip():
            if self.proc.poll() is not None:
                raise RuntimeError(f"chromium exited: {self.proc.stderr.read().decode(errors='replace')[-2000:]}")
            if time.time() > deadline:
                raise RuntimeError("chromium did not open its DevTools port within 30 s")
            time.sleep(0.1)
        port = int(port_file.read_text().split()[0])
        targets = json.load(urllib.request.urlopen(f"http://127.0.0.1:{port}/json/list", timeout=10))
        page = next(t for t in targets if t.get("type") == "page")
        self.ws = websocket.create_connection(page["webSocketDebuggerUrl"], timeout=30, suppress_origin=True)
        self._id = 0
        self.events: list[dict] = []
        for domain in ("Page", "Runtime", "Log", "Network"):
            self.call(f"{domain}.enable")
        self.call("Emulation.setDeviceMetricsOverride", width=width, height=height, deviceScaleFactor=1, mobile=False)

    def call(self, method: str, **params):
        self._id += 1
        my_id = self._id
        self.ws.send(json.dumps({"id": my_id, "method": method, "params": params}))
        while True:
            msg = json.loads(self.ws.recv())
            if msg.get("id") == my_id:
                if "error" in msg:
                    raise RuntimeError(f"{method}: {msg['error']}")
                return msg.get("result", {})
            self._event(msg)

    def _event(self, msg: dict) -> None:
        if "method" not in msg:
            return
        self.events.append(msg)
        if msg["method"] == "Page.javascriptDialogOpening":
            # Dismiss it (or the page would block), but it is recorded as a failure.
            self.ws.send(json.dumps({"id": 0, "method": "Page.handleJavaScriptDialog", "params": {"accept": False}}))

    def pump(self, seconds: float) -> None:
        """Collect events for a while."""
        end = time.time() + seconds
        self.ws.settimeout(0.2)
        try:
            while time.time() < end:
                try:
                    self._event(json.loads(self.ws.recv()))
                except Exception as e:  # websocket timeout
                    if type(e).__name__ != "WebSocketTimeoutException":
                        raise
        finally:
            self.ws.settimeout(30)

    def open(self, url: str, ready: str = "true", timeout: float = 30) -> None:
        """Navigate, wait for the load event and then for the JS expression ``ready`` to be true."""
        self.events.clear()
        self.call("Page.navigate", url=url)
        end = time.time() + timeout
        while not any(e["method"] == "Page.loadEventFired" for e in self.events):
            if time.time() > end:
                raise TimeoutError(f"{url}: no load event")
            self.pump(0.2)
        while not self.eval(ready):
            if time.time() > end:
                raise TimeoutError(f"{url}: {ready} still false after {timeout} s")
            self.pump(0.3)
        self.pump(0.5)

    def eval(self, expression: str):
        r = self.call("Runtime.evaluate", expression=expression, returnByValue=True, awaitPromise=True)
        if "exceptionDetails" in r:
            raise RuntimeError(f"{expression}: {r['exceptionDetails']}")
        return r["result"].get("value")

    def screenshot(self, path: Path, full_page: bool = True) -> Path:
        params: dict = {"format": "png"}
        if full_page:
            m = self.call("Page.getLayoutMetrics")
            size = m.get("cssContentSize") or m["contentSize"]
            params.update(captureBeyondViewport=True,
                          clip={"x": 0, "y": 0, "width": size["width"], "height": min(size["height"], 6000), "scale": 1})
        data = self.call("Page.captureScreenshot", **params)["data"]
        path.write_bytes(base64.b64decode(data))
        return path

    # What went wrong on the page since the last open()
    def problems(self) -> dict[str, list]:
        out: dict[str, list] = {"exceptions": [], "console_errors": [], "log_errors": [], "dialogs": [], "remote_requests": []}
        for e in self.events:
            m, p = e["method"], e.get("params", {})
            if m == "Runtime.exceptionThrown":
                d = p["exceptionDetails"]
                out["exceptions"].append(d.get("exception", {}).get("description") or d.get("text"))
            elif m == "Runtime.consoleAPICalled" and p.get("type") in ("error", "assert"):
                out["console_errors"].append([a.get("value") or a.get("description") for a in p.get("args", [])])
            elif m == "Log.entryAdded" and p["entry"].get("level") == "error":
                out["log_errors"].append(p["entry"].get("text"))
            elif m == "Page.javascriptDialogOpening":
                out["dialogs"].append(p.get("message"))
            elif m == "Network.requestWillBeSent":
                url = p["request"]["url"]
                if not url.startswith(("file:", "data:", "blob:", "about:")):
                    out["remote_requests"].append(url)
        return out

    def close(self) -> None:
        try:
            self.ws.close()
        finally:
            self.proc.terminate()
            try:
                self.proc.wait(10)
            except subprocess.TimeoutExpired:
                self.proc.kill()
            shutil.rmtree(self.profile, ignore_errors=True)


@pytest.fixture(scope="session")
def sample_report(tmp_path_factory) -> Path:
    res = build("sample", tmp_path_factory)
    assert res["code"] == 0, res["stderr"]
    return res["out"]


@pytest.fixture(scope="session")
def xss_report(tmp_path_factory) -> Path:
    res = build("xss", tmp_path_factory)
    assert (res["out"] / "00_corpus.html").exists(), res["stderr"]
    return res["out"]


@pytest.fixture(scope="module")
def browser():
    exe = find_chromium()
    if exe is None:
        pytest.fail(
            "Chromium not found: the browser test needs a headless Chromium. Install Debian's package "
            "('sudo apt-get install chromium', or run 'make chromium' as root), or set CHROMIUM=/path/to/chrome.",
            pytrace=False,
        )
    b = Browser(exe)
    yield b
    b.close()


@pytest.fixture(scope="module")
def shots(tmp_path_factory) -> Path:
    d = os.environ.get("ARNEWS_SCREENSHOTS")
    p = Path(d) if d else tmp_path_factory.mktemp("screenshots")
    p.mkdir(parents=True, exist_ok=True)
    return p


TABLES_READY = ("document.querySelectorAll('table.dataTable').length > 0 && "
                "document.querySelectorAll('table[id^=itables_]:not(.dataTable)').length === 0")
NO_INJECTED = r"""(() => ({
  img_x: document.querySelectorAll('img[src="x"], img[src$="/x"]').length,
  onerror: Array.from(document.querySelectorAll('*')).filter(el => el.hasAttribute('onerror')).length,
  alert_scripts: Array.from(document.scripts).filter(s => /^\s*alert\(/.test(s.textContent)).length,
}))()"""


def assert_clean(b: Browser, name: str) -> None:
    p = b.problems()
    assert p["dialogs"] == [], f"{name}: a JavaScript dialog opened (injected script ran): {p['dialogs']}"
    assert p["exceptions"] == [], f"{name}: script exceptions: {p['exceptions']}"
    assert p["console_errors"] == [], f"{name}: console errors: {p['console_errors']}"
    assert p["log_errors"] == [], f"{name}: browser errors: {p['log_errors']}"
    assert p["remote_requests"] == [], f"{name}: the page fetched from the network: {p['remote_requests']}"


def test_index_page(browser, sample_report, shots):
    index = sample_report / "index.html"
    browser.open(index.as_uri())
    assert_clean(browser, "index.html")
    links = browser.eval("Array.from(document.querySelectorAll('a')).map(a => a.getAttribute('href'))")
    assert "00_corpus.html" in links and "00_corpus.code.html" in links
    for href in links:
        assert (sample_report / href).is_file(), f"index.html links to missing {href}"
    text = browser.eval("document.body.innerText")
    assert "articles\t5" in text.replace(" ", "\t") or "articles\n5" in text, text[:500]
    assert "camel-tools" in text and "pandas" in text
    browser.screenshot(shots / "index.png")


def test_corpus_report_renders(browser, sample_report, shots):
    page = sample_report / "00_corpus.html"
    browser.open(page.as_uri(), ready=TABLES_READY)
    assert_clean(browser, page.name)
    # Arabic text from the sample (a title) is in the DOM, inside an interactive table cell
    cell = browser.eval("""(() => { const td = Array.from(document.querySelectorAll('table.dataTable td'))
        .find(td => td.textContent.includes('اجتماع باتروشيف ويانغ جيتشي في فوجيان'));
        return td ? {dir: getComputedStyle(td).direction, bidi: getComputedStyle(td).unicodeBidi,
                     align: getComputedStyle(td).textAlign} : null; })()""")
    assert cell is not None, "the Arabic title is not in any table cell"
    assert cell["bidi"] == "plaintext" and cell["align"] == "start"
    # the plots are inline PNGs that decoded
    imgs = browser.eval("Array.from(document.images).map(i => [i.src.slice(0, 22), i.complete, i.naturalWidth])")
    assert len(imgs) >= 2
    for src, complete, width in imgs:
        assert src.startswith("data:image/png;base64") and complete and width > 100, (src, complete, width)
    # no code in the reader's version; a searchable, paged table exists for long tables
    assert browser.eval("document.querySelectorAll('.jp-CodeCell .jp-InputArea').length") == 0
    assert browser.eval("document.querySelectorAll('table.dataTable').length") >= 3
    browser.screenshot(shots / "00_corpus.png")


def test_table_search_works_offline(browser, sample_report):
    """The DataTables library embedded in the page filters a table (no network)."""
    page = sample_report / "00_corpus.code.html"
    browser.open(page.as_uri(), ready=TABLES_READY)
    assert_clean(browser, page.name)
    assert browser.eval("document.querySelectorAll('.jp-CodeCell .jp-InputArea').length") > 0  # code shown
    n = browser.eval("""(async () => {
        const box = Array.from(document.querySelectorAll('.dt-container'))
            .filter(c => c.textContent.includes('Removed spans'))
            .map(c => c.querySelector('.dt-search input'))[0];
        if (!box) return null;
        const table = box.closest('.dt-container').querySelector('table.dataTable');
        box.value = 'comment_form'; box.dispatchEvent(new Event('input', {bubbles: true}));
        await new Promise(r => setTimeout(r, 600));
        return Array.from(table.querySelectorAll('tbody tr')).map(tr => tr.textContent);
    })()""")
    assert n is not None, "no search box: no table is long enough to page (sample has 12 removed spans)"
    assert len(n) == 2 and all("comment_form" in row for row in n), n


def test_other_reports_render(browser, sample_report, shots):
    for page in sorted(sample_report.glob("*.html")):
        if page.name == "index.html" or page.name.endswith(".code.html") or page.name.startswith("00_"):
            continue
        browser.open(page.as_uri(), ready="document.readyState === 'complete'")
        browser.pump(2)
        assert_clean(browser, page.name)
        assert browser.eval("/[\\u0600-\\u06FF]/.test(document.body.innerText)"), f"{page.name}: no Arabic text"
        bad = browser.eval("Array.from(document.images).filter(i => !(i.complete && i.naturalWidth > 0)).length")
        assert bad == 0, f"{page.name}: {bad} images did not load"
        # printed output keeps the page direction: Chromium scrambles digits of Latin lines after an
        # Arabic line in a bidi-plaintext <pre> (article ids like 001_005e… shown as 005_001e…)
        assert browser.eval("""Array.from(document.querySelectorAll('.jp-OutputArea-output pre'))
            .filter(p => getComputedStyle(p).unicodeBidi === 'plaintext').length""") == 0
        # every notebook's tables are interactive (the runner's setup cell), numbers not bidi-plaintext
        assert browser.eval("document.querySelectorAll('table.dataTable').length") > 0, f"{page.name}: no itables table"
        assert browser.eval("""Array.from(document.querySelectorAll('td.dt-type-numeric'))
            .filter(td => getComputedStyle(td).unicodeBidi === 'plaintext').length""") == 0
        browser.screenshot(shots / page.with_suffix(".png").name)


def test_untrusted_corpus_does_not_execute(browser, xss_report, shots):
    pages = sorted(p.name for p in xss_report.glob("*.html"))
    assert "index.html" in pages and "00_corpus.html" in pages
    for name in pages:
        page = xss_report / name
        ready = TABLES_READY if name.startswith("00_corpus") else "document.readyState === 'complete'"
        browser.open(page.as_uri(), ready=ready)
        browser.pump(1)
        assert_clean(browser, name)
        injected = browser.eval(NO_INJECTED)
        assert injected == {"img_x": 0, "onerror": 0, "alert_scripts": 0}, (name, injected)
        if name == "index.html":
            # the skipped file's hostile name is listed as text
            assert browser.eval("document.body.textContent.includes('<img src=x onerror=alert(5)>.txt')")
        if name.startswith("00_corpus"):
            # the hostile title is shown as text
            assert browser.eval("document.body.innerText.includes('<script>alert(1)</script>')"), name
        browser.screenshot(shots / f"xss_{name.replace('.html', '.png')}")


def test_every_report_table_has_csv_and_excel_buttons(browser, sample_report):
    """Issue 17: CSV and Excel download buttons on every table of every page of the sample's report."""
    pages = sorted(p for p in sample_report.glob("*.html") if p.name != "index.html")
    assert len(pages) >= 10
    for page in pages:
        browser.open(page.as_uri(), ready=TABLES_READY)
        browser.pump(1)
        assert_clean(browser, page.name)
        n_tables = browser.eval("document.querySelectorAll('table[id^=itables_]').length")
        buttons = browser.eval("""Array.from(document.querySelectorAll('.dt-container')).map(c =>
            Array.from(c.querySelectorAll('.dt-buttons button')).map(x => x.textContent.trim()))""")
        assert n_tables > 0 and len(buttons) == n_tables, (page.name, n_tables, len(buttons))
        assert all(b == ["CSV", "Excel"] for b in buttons), (page.name, buttons)

"""Version string, -v/-q through the standard logging module, and the report command's help."""
from __future__ import annotations

import argparse
import io
import logging
import subprocess
import sys

import pytest

import arnews
from arnews.logconfig import add_global_arguments, configure_logging, parse_global_options, version_string


@pytest.fixture(autouse=True)
def _restore_logging():
    yield
    configure_logging(0, stream=io.StringIO())


def test_version_string_names_the_installed_version(capsys):
    assert version_string().startswith(f"arnews {arnews.__version__} (Python 3.")
    p = add_global_arguments(argparse.ArgumentParser(prog="arnews"))
    with pytest.raises(SystemExit) as e:
        p.parse_args(["--version"])
    assert e.value.code == 0
    assert capsys.readouterr().out.strip() == version_string()


@pytest.mark.parametrize(
    "verbosity, shown",
    [(-1, {"error"}), (0, {"warning", "error"}), (1, {"info", "warning", "error"}), (2, {"debug", "info", "warning", "error"})],
)
def test_verbosity_sets_what_the_arnews_logger_shows(verbosity, shown):
    buf = io.StringIO()
    configure_logging(verbosity, stream=buf)
    log = logging.getLogger("arnews.somewhere")
    for name in ("debug", "info", "warning", "error"):
        getattr(log, name)(name)
    printed = {line.rsplit(": ", 1)[-1] for line in buf.getvalue().splitlines()}
    assert printed == shown


def test_configure_twice_does_not_duplicate_messages():
    buf = io.StringIO()
    configure_logging(1, stream=buf)
    configure_logging(1, stream=buf)
    logging.getLogger("arnews.x").info("once")
    assert buf.getvalue().count("once") == 1


def test_global_options_anywhere_before_double_dash():
    g = parse_global_options(["annotate", "-v", "corpus", "--verbose", "--out", "o", "-q"])
    assert g.verbosity == 1 and g.argv == ["annotate", "corpus", "--out", "o"]
    assert parse_global_options([]).verbosity == 0


def test_quiet_and_verbose_from_a_command(tmp_path, repo_root):
    """A command wired as cli.py will be: -v shows the library's INFO messages, -q hides them."""
    script = (
        "import sys\n"
        "from arnews.logconfig import configure_logging, parse_global_options\n"
        "from arnews.dedupe import main\n"
        "g = parse_global_options(sys.argv[1:])\n"
        "configure_logging(g.verbosity)\n"
        "raise SystemExit(main(g.argv))\n"
    )
    corpus = str(repo_root / "data" / "articles")
    run = lambda *flags: subprocess.run([sys.executable, "-c", script, *flags, corpus, "--out", str(tmp_path / "g.csv")],
                                        capture_output=True, text=True, timeout=300)
    verbose, quiet = run("-v"), run("-q")
    assert verbose.returncode == 0 and quiet.returncode == 0
    assert "arnews.dedupe: near-duplicates: 0 groups" in verbose.stderr
    assert "arnews.dedupe" not in quiet.stderr


def test_report_help_lists_its_options(capsys):
    from arnews.cli import main

    with pytest.raises(SystemExit) as e:
        main(["report", "--help"])
    assert e.value.code == 0
    out = capsys.readouterr().out
    for opt in ("--corpus", "--out", "--no-code", "--text-column", "--notebooks", "--kernel", "--timeout"):
        assert opt in out

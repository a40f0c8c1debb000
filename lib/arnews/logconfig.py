"""Command-line logging and version: ``arnews --version``, ``-v/--verbose``, ``-q/--quiet``.

The library logs through the standard :mod:`logging` module under the ``arnews`` logger
(``logging.getLogger(__name__)`` in each module) and never configures logging itself; the
command line does, with :func:`configure_logging`:

=========  ============  ==========================================================
verbosity  level         what is shown
=========  ============  ==========================================================
-1 (-q)    ERROR         errors only; Python warnings silenced too
0          WARNING       warnings and errors (the default)
1 (-v)     INFO          what each step did (groups found, matrix sizes, …)
2 (-vv)    DEBUG         everything
=========  ============  ==========================================================

In a notebook, ``configure_logging(1)`` shows the INFO messages too.

>>> parse_global_options(["-v", "annotate", "data/articles", "-v"]).verbosity
2
>>> parse_global_options(["-q", "report", "--out", "r"]).argv
['report', '--out', 'r']
"""
from __future__ import annotations

import argparse
import logging
import sys
from typing import NamedTuple, TextIO

__all__ = [
    "GlobalOptions",
    "package_version",
    "version_string",
    "configure_logging",
    "parse_global_options",
    "add_global_arguments",
    "LOGGER",
]

LOGGER = "arnews"
_HANDLER_NAME = "arnews-cli"
_VERBOSE = {"-v": 1, "--verbose": 1, "-vv": 2, "-vvv": 3, "-q": -1, "--quiet": -1, "-qq": -2}


class GlobalOptions(NamedTuple):
    """Options valid before or after any sub-command: ``verbosity`` and the remaining ``argv``."""

    verbosity: int
    argv: list[str]


def package_version() -> str:
    """The installed distribution's version (``importlib.metadata``), else ``arnews.__version__``.

    >>> package_version().count(".") >= 1
    True
    """
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version("arnews")
    except PackageNotFoundError:  # running from a checkout without installing
        from . import __version__

        return __version__


def version_string() -> str:
    """What ``arnews --version`` prints: ``arnews X.Y.Z (Python 3.11.9)``.

    >>> version_string().startswith("arnews ")
    True
    """
    py = ".".join(str(x) for x in sys.version_info[:3])
    return f"arnews {package_version()} (Python {py})"


def level_for(verbosity: int) -> int:
    """The logging level of a verbosity (see the module table).

    >>> [logging.getLevelName(level_for(v)) for v in (-1, 0, 1, 2)]
    ['ERROR', 'WARNING', 'INFO', 'DEBUG']
    """
    if verbosity < 0:
        return logging.ERROR
    return {0: logging.WARNING, 1: logging.INFO}.get(verbosity, logging.DEBUG)


def configure_logging(verbosity: int = 0, *, stream: TextIO | None = None) -> logging.Logger:
    """Send the ``arnews`` logger's messages at the verbosity's level to ``stream``
    (standard error by default); calling it again replaces the earlier set-up. With a
    negative verbosity Python warnings are silenced as well. Returns the logger.

    >>> import io
    >>> buf = io.StringIO()
    >>> _ = configure_logging(1, stream=buf)
    >>> logging.getLogger("arnews.export").info("wrote %d files", 3)
    >>> buf.getvalue()
    'arnews.export: wrote 3 files\\n'
    >>> _ = configure_logging(0, stream=buf)
    """
    logger = logging.getLogger(LOGGER)
    for h in [h for h in logger.handlers if h.get_name() == _HANDLER_NAME]:
        logger.removeHandler(h)
    handler = logging.StreamHandler(stream if stream is not None else sys.stderr)
    handler.set_name(_HANDLER_NAME)
    fmt = "%(name)s: %(message)s" if verbosity < 2 else "%(asctime)s %(levelname)s %(name)s: %(message)s"
    handler.setFormatter(logging.Formatter(fmt))
    logger.addHandler(handler)
    logger.setLevel(level_for(verbosity))
    logger.propagate = False
    logging.captureWarnings(verbosity < 0)
    logging.getLogger("py.warnings").setLevel(logging.ERROR if verbosity < 0 else logging.NOTSET)
    if verbosity < 0:
        import warnings

        warnings.simplefilter("ignore")
    return logger


def parse_global_options(argv: list[str]) -> GlobalOptions:
    """Take ``-v/--verbose`` and ``-q/--quiet`` (repeatable, ``-vv``; anywhere before a
    ``--``) out of ``argv``; each ``-v`` adds one to the verbosity, each ``-q`` subtracts one.

    >>> parse_global_options(["-vv", "export", "x", "--", "-v"])
    GlobalOptions(verbosity=2, argv=['export', 'x', '--', '-v'])
    """
    verbosity, rest = 0, []
    for i, a in enumerate(argv):
        if a == "--":
            rest += argv[i:]
            break
        if a in _VERBOSE:
            verbosity += _VERBOSE[a]
        else:
            rest.append(a)
    return GlobalOptions(verbosity, rest)


def add_global_arguments(parser: argparse.ArgumentParser) -> argparse.ArgumentParser:
    """Add ``--version``, ``-v/--verbose`` and ``-q/--quiet`` to a parser (so ``--help``
    lists them and ``--version`` prints :func:`version_string`).

    >>> p = add_global_arguments(argparse.ArgumentParser(prog="arnews"))
    >>> p.parse_args(["-v", "-v"]).verbose
    2
    """
    parser.add_argument("--version", action="version", version=version_string())
    parser.add_argument("-v", "--verbose", action="count", default=0, help="more messages (-vv: debug)")
    parser.add_argument("-q", "--quiet", action="count", default=0, help="only errors")
    return parser

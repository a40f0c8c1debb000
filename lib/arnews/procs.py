"""Worker processes that end when the process that started them dies.

:func:`die_with_parent` is a process-pool initializer: on Linux it asks the kernel to kill
the worker when its parent ends (``prctl(PR_SET_PDEATHSIG)``); elsewhere a daemon thread
watches the parent's pid. A killed ``annotate`` therefore leaves no workers running.

Example
-------
>>> from concurrent.futures import ProcessPoolExecutor
>>> import os
>>> with ProcessPoolExecutor(1, initializer=die_with_parent, initargs=(os.getpid(),)) as ex:   # doctest: +SKIP
...     ex.submit(sum, [1, 2]).result()
3
"""
from __future__ import annotations

import ctypes
import ctypes.util
import os
import signal
import sys
import threading
import time

__all__ = ["die_with_parent"]

_PR_SET_PDEATHSIG = 1


def _prctl_pdeathsig(sig: int) -> bool:
    if not sys.platform.startswith("linux"):
        return False
    try:
        libc = ctypes.CDLL(ctypes.util.find_library("c") or "libc.so.6", use_errno=True)
        return libc.prctl(_PR_SET_PDEATHSIG, sig, 0, 0, 0) == 0
    except (OSError, AttributeError):
        return False


def _watch(parent_pid: int, interval: float) -> None:
    while os.getppid() == parent_pid:
        time.sleep(interval)
    os._exit(1)


def die_with_parent(parent_pid: int, interval: float = 1.0) -> None:
    """Make this (worker) process end when ``parent_pid`` is no longer its parent.

    On Linux the kernel sends SIGKILL at the parent's death; a watchdog thread checking
    ``os.getppid()`` every ``interval`` seconds covers other systems (and a parent that died
    before this ran)."""
    if os.getppid() != parent_pid:  # the parent is already gone
        os._exit(1)
    _prctl_pdeathsig(signal.SIGKILL)
    threading.Thread(target=_watch, args=(parent_pid, interval), daemon=True, name="arnews-parent-watch").start()

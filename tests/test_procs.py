"""Worker processes end when the process that started them is killed."""
from __future__ import annotations

import os
import signal
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest

SCRIPT = textwrap.dedent("""
    import os, sys, time
    from pathlib import Path
    from arnews.pipeline import _bounded_map

    def job(i):
        (Path(sys.argv[1]) / str(os.getpid())).write_text("")
        time.sleep(120)
        return i

    if __name__ == "__main__":
        for _ in _bounded_map(job, range(4), 2, warm_up=False):
            pass
""")


def _alive(pid: int) -> bool:
    """Running (a zombie waiting to be reaped counts as ended)."""
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except (FileNotFoundError, ProcessLookupError):
        return False
    return state != "Z"


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="reads /proc")
def test_workers_end_when_the_parent_is_killed(tmp_path):
    script = tmp_path / "parent.py"
    script.write_text(SCRIPT)
    pids_dir = tmp_path / "pids"
    pids_dir.mkdir()
    parent = subprocess.Popen([sys.executable, str(script), str(pids_dir)])
    workers: list[int] = []
    try:
        deadline = time.time() + 60
        while len(workers) < 2 and time.time() < deadline:
            workers = [int(p.name) for p in pids_dir.iterdir()]
            time.sleep(0.1)
        assert len(workers) == 2, "the workers did not start"
        assert all(_alive(w) for w in workers)
        parent.send_signal(signal.SIGKILL)
        parent.wait()
        deadline = time.time() + 10
        while any(_alive(w) for w in workers) and time.time() < deadline:
            time.sleep(0.1)
        assert not any(_alive(w) for w in workers), "workers outlived their parent"
    finally:
        parent.kill()
        parent.wait()
        for w in workers:  # only if the test failed: do not leave them running
            if _alive(w):
                os.kill(w, signal.SIGKILL)

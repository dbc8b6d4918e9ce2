"""Killing mcexplorer while it saves a large scenario never leaves a damaged file.

A real Python process saves two variants (titles "A" and "B") of a ~3 MB scenario (ratings
with long rationales, so that even the compact form is that large) over and over with
``save_scenario``; the test SIGKILLs it at a random moment, twenty times. (Each saver is
forked from one helper process that has read the two variants once, so a round costs a fork,
not an interpreter start and two 3 MB reads.) The file on disk
must always be exactly one of the two complete versions, load cleanly, and keep its permissions.
While the child is saving, the test also keeps reading the file: a reader never sees a half-written
file either. A SIGKILL may leave a hidden temporary (``.mcx-XXXXXXXX.tmp``) behind; that is
accepted as long as it never takes the real file's place.
"""

from __future__ import annotations

import os
import queue
import random
import re
import signal
import stat
import subprocess
import sys
import textwrap
import threading
import time
from pathlib import Path

import pytest

from mcexplorer.core.io import MAX_FILE_BYTES, save_scenario, scenario_json
from mcexplorer.core.models import Framework, FrameworkSettings, Scenario
from mcexplorer.core.validation import load_scenario

pytestmark = pytest.mark.slow

ROUNDS = 20
MAX_DELAY = 0.3
REPO = Path(__file__).resolve().parent.parent

CHILD = textwrap.dedent("""
    import os, sys, traceback
    from mcexplorer.core.io import save_scenario
    from mcexplorer.core.validation import load_scenario

    target, *sources = sys.argv[1:]
    variants = [load_scenario(source)[0] for source in sources]
    for _ in sys.stdin:  # one line a round: fork a saver, say its pid, then how it ended
        sys.stdout.flush()
        pid = os.fork()
        if pid == 0:
            try:
                n = 0
                while True:
                    variant = variants[n % len(variants)]
                    save_scenario(target, variant)
                    os.write(1, variant.title.encode() + b"\\n")  # a whole line or none
                    n += 1
            except BaseException:
                traceback.print_exc()
                sys.stderr.flush()
            finally:
                os._exit(1)
        print(f"pid {pid}", flush=True)
        _, status = os.waitpid(pid, 0)
        print(f"exit {os.waitstatus_to_exitcode(status)}", flush=True)
""")


def _large_scenario(title: str, salt: int) -> Scenario:
    """A custom framework of 200 options x 40 criteria, every rating with a rationale."""
    criteria = [{"id": f"c{j:02d}", "name": f"Criterion {j}", "direction": "benefit",
                 "scale": [1, 5]} for j in range(1, 41)]
    options = [
        {"id": f"o{i:03d}", "name": f"Option {i}",
         "ratings": {f"c{j:02d}": {"value": (i * salt + j) % 5 + 1,
                                   "rationale": f"{title}: option {i} on criterion {j}. "
                                   + "r" * 300}
                     for j in range(1, 41)}}
        for i in range(1, 201)
    ]
    framework = Framework.model_validate(
        {"id": "big", "title": f"Large framework {title}", "criteria": criteria,
         "options": options})
    weights = {f"c{j:02d}": float((j * salt) % 101) for j in range(1, 41)}
    return Scenario(title=title, definitions=[framework],
                    frameworks={"big": FrameworkSettings(weights=weights)})


TEMP_NAME = re.compile(r"^\.mcx-[A-Za-z0-9_]{8}\.tmp$")


def _lines(proc: subprocess.Popen) -> queue.Queue:
    """The helper's output lines, read by a thread (None at its end), so every wait is bounded."""
    lines: queue.Queue = queue.Queue()

    def read() -> None:
        for line in proc.stdout:
            lines.put(line.strip())
        lines.put(None)

    threading.Thread(target=read, daemon=True).start()
    return lines


def _wait_for_line(proc: subprocess.Popen, lines: queue.Queue, timeout: float) -> str:
    try:
        line = lines.get(timeout=timeout)
    except queue.Empty:
        raise AssertionError(f"the child saved nothing within {timeout:g} s") from None
    if line is None:
        proc.wait(5)
        raise AssertionError(f"the child exited ({proc.returncode}): {proc.stderr.read()}")
    return line


def test_sigkill_during_save_leaves_the_old_or_the_new_file(tmp_path):
    variants = {"A": _large_scenario("A", 1), "B": _large_scenario("B", 7)}
    payloads = {t: scenario_json(s).encode("utf-8") for t, s in variants.items()}
    assert payloads["A"] != payloads["B"]
    assert all(2_000_000 < len(p) < MAX_FILE_BYTES for p in payloads.values())

    sources = tmp_path / "sources"
    sources.mkdir()
    for title, scenario in variants.items():
        save_scenario(sources / f"{title}.json", scenario)
    folder = tmp_path / "work"
    folder.mkdir()
    path = folder / "scenario.json"
    save_scenario(path, variants["B"])  # the child starts by replacing B with A
    os.chmod(path, 0o640)

    leftovers = reads = 0
    helper = subprocess.Popen(
        [sys.executable, "-c", CHILD, str(path), str(sources / "A.json"), str(sources / "B.json")],
        cwd=REPO, stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
        text=True)
    lines = _lines(helper)
    try:
        for round_ in range(ROUNDS):
            rng = random.Random(20240 + round_)
            delay = rng.uniform(0.0, MAX_DELAY)
            helper.stdin.write("go\n")
            helper.stdin.flush()
            first = [_wait_for_line(helper, lines, timeout=60) for _ in range(2)]
            pid = int(next(w for w in first if w.startswith("pid "))[4:])
            assert [w for w in first if not w.startswith("pid ")] == ["A"]
            deadline = time.monotonic() + delay
            while time.monotonic() < deadline:  # meanwhile, a reader only ever sees whole files
                assert path.read_bytes() in (payloads["A"], payloads["B"]), f"round {round_}"
                reads += 1
            os.kill(pid, signal.SIGKILL)
            while not (line := _wait_for_line(helper, lines, timeout=30)).startswith("exit "):
                assert line in ("A", "B"), line
            assert int(line[5:]) == -signal.SIGKILL, f"round {round_}: the child died on its own"
            _check_after_the_kill(path, folder, payloads, variants,
                                  f"round {round_} (killed after {delay * 1000:.0f} ms)")
            leftovers = len([p for p in folder.iterdir() if p.name != path.name])
    finally:
        helper.stdin.close()
        try:
            helper.wait(30)
        finally:
            if helper.poll() is None:
                helper.kill()
                helper.wait(30)
            helper.stdout.close()
            helper.stderr.close()

    print(f"{ROUNDS} kills, {leftovers} temporaries left behind by kills during a save, "
          f"{reads} concurrent reads, all whole")


def _check_after_the_kill(path: Path, folder: Path, payloads, variants, when: str) -> None:

    on_disk = path.read_bytes()
    assert on_disk in (payloads["A"], payloads["B"]), (
        f"{when}: the file is neither version ({len(on_disk)} bytes)")
    loaded, _ = load_scenario(path)
    assert loaded.title in ("A", "B")
    assert loaded == variants[loaded.title]
    assert stat.S_IMODE(path.stat().st_mode) == 0o640, "a save changed the file's permissions"

    others = sorted(p.name for p in folder.iterdir() if p.name != path.name)
    for name in others:  # a temporary left by the kill: hidden, never a .json, only a prefix
        assert TEMP_NAME.match(name), f"unexpected file {name!r} next to the scenario"
        content = (folder / name).read_bytes()
        assert any(p.startswith(content) for p in payloads.values()), name
    assert [p.name for p in folder.glob("*.json")] == ["scenario.json"]

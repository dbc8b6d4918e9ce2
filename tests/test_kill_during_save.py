"""Killing mcexplorer while it saves a large scenario never leaves a damaged file.

A real Python process saves two variants (titles "A" and "B") of a ~3 MB scenario (ratings
with long rationales, so that even the compact form is that large) over and over with
``save_scenario``; the test SIGKILLs it at a random moment, twenty times. The file on disk
must always be exactly one of the two complete versions, load cleanly, and keep its permissions.
While the child is saving, the test also keeps reading the file: a reader never sees a half-written
file either. A SIGKILL may leave a hidden temporary (``.mcx-XXXXXXXX.tmp``) behind; that is
accepted as long as it never takes the real file's place.
"""

from __future__ import annotations

import os
import random
import re
import select
import signal
import stat
import subprocess
import sys
import textwrap
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
    import sys
    from mcexplorer.core.io import save_scenario
    from mcexplorer.core.validation import load_scenario

    target, *sources = sys.argv[1:]
    variants = [load_scenario(source)[0] for source in sources]
    n = 0
    while True:
        variant = variants[n % len(variants)]
        save_scenario(target, variant)
        print(variant.title, flush=True)
        n += 1
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


def _wait_for_line(proc: subprocess.Popen, timeout: float) -> str:
    ready, _, _ = select.select([proc.stdout], [], [], timeout)
    if not ready:
        raise AssertionError(f"the child saved nothing within {timeout:g} s")
    line = proc.stdout.readline()
    if not line:
        proc.wait(5)
        raise AssertionError(f"the child exited ({proc.returncode}): {proc.stderr.read()}")
    return line.strip()


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
    for round_ in range(ROUNDS):
        rng = random.Random(20240 + round_)
        delay = rng.uniform(0.0, MAX_DELAY)
        proc = subprocess.Popen(
            [sys.executable, "-c", CHILD, str(path), str(sources / "A.json"),
             str(sources / "B.json")],
            cwd=REPO, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        try:
            assert _wait_for_line(proc, timeout=60) == "A"
            deadline = time.monotonic() + delay
            while time.monotonic() < deadline:  # meanwhile, a reader only ever sees whole files
                assert path.read_bytes() in (payloads["A"], payloads["B"]), f"round {round_}"
                reads += 1
            os.kill(proc.pid, signal.SIGKILL)
            proc.wait(30)
        finally:
            if proc.poll() is None:
                proc.kill()
                proc.wait(30)
            proc.stdout.close()
            proc.stderr.close()
        assert proc.returncode == -signal.SIGKILL, f"round {round_}: the child died on its own"

        on_disk = path.read_bytes()
        assert on_disk in (payloads["A"], payloads["B"]), (
            f"round {round_} (killed after {delay * 1000:.0f} ms): the file is neither version "
            f"({len(on_disk)} bytes)")
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
        leftovers = len(others)

    print(f"{ROUNDS} kills, {leftovers} temporaries left behind by kills during a save, "
          f"{reads} concurrent reads, all whole")

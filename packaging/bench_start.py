"""Start-up to the first frame: the bundle against the same code run from the virtual
environment. ``python packaging/bench_start.py [ROUNDS]`` (needs DISPLAY: an X server such as
Xvfb; the figures go into BENCHMARKS.md by hand).

Each start runs in a bare environment (PATH, a new HOME, DISPLAY) on the same scenario and is
timed from the launch to the moment the app opens its log file, which it does right after the
window's first frame is painted (``after_first_frame(setup_logging)`` in mcexplorer.app). The
window is then closed with SIGTERM. One warm-up start of each is not counted (a planner's
second start finds the files in the disk cache); then the two alternate, so a busy neighbour
on a shared machine slows both alike.
"""

from __future__ import annotations

import os
import signal
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
KINDS = {
    "bundle": [str(ROOT / "dist" / "mcexplorer" / "mcexplorer")],
    "venv": [str(ROOT / ".venv" / "bin" / "mcexplorer")],
}
for extra in os.environ.get("BENCH_START_EXTRA", "").split(os.pathsep):
    if extra:  # another build to compare, NAME=PATH (e.g. a spec variant)
        name, _, path = extra.partition("=")
        KINDS[name] = [path]


def start(command: list[str], scenario: Path) -> float:
    with tempfile.TemporaryDirectory(prefix="mcx-start-") as home:
        env = {"PATH": "/usr/bin:/bin", "HOME": home, "DISPLAY": os.environ["DISPLAY"]}
        log = Path(home) / ".local" / "state" / "mcexplorer" / "log" / "mcexplorer.log"
        t0 = time.perf_counter()
        proc = subprocess.Popen([*command, str(scenario)], env=env, stdin=subprocess.DEVNULL,
                                stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        try:
            while not log.exists():
                if proc.poll() is not None or time.perf_counter() - t0 > 120:
                    raise RuntimeError(f"{command[0]} never reached its first frame")
                time.sleep(0.002)
            elapsed = time.perf_counter() - t0
            proc.send_signal(signal.SIGTERM)
            proc.wait(timeout=60)
        finally:
            if proc.poll() is None:
                proc.kill()
                proc.wait()
        return elapsed


def main() -> int:
    rounds = int(sys.argv[1]) if len(sys.argv) > 1 else 7
    with tempfile.TemporaryDirectory() as tmp:
        scenario = Path(tmp) / "scenario.json"
        subprocess.run([*KINDS["venv"], "new", str(scenario)], check=True,
                       stdout=subprocess.DEVNULL)
        times: dict[str, list[float]] = {k: [] for k in KINDS}
        for command in KINDS.values():
            start(command, scenario)  # warm-up
        for _ in range(rounds):
            for kind, command in KINDS.items():
                times[kind].append(start(command, scenario))
    for kind, values in times.items():
        ms = sorted(v * 1000 for v in values)
        print(f"{kind:7s} median {statistics.median(ms):6.0f} ms   min {ms[0]:6.0f}   "
              f"max {ms[-1]:6.0f}   runs {', '.join(f'{v:.0f}' for v in ms)}")
    ratio = statistics.median(times["bundle"]) / statistics.median(times["venv"])
    print(f"bundle / venv (medians): {ratio:.2f}x")
    return 0


if __name__ == "__main__":
    sys.exit(main())

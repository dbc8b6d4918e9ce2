"""Smoke test of the standalone build: ``python packaging/smoke.py PATH/TO/mcexplorer[.exe]``.

Runs the built executable as a planner's laptop would: a bare environment (on Linux and macOS
only PATH=/usr/bin:/bin and HOME, a new empty folder; on Windows the few variables Windows
itself needs, with the user folders inside that new folder), no virtual environment, no Python
on the way. Checks ``--version``, ``new``, ``validate``, ``score --json``, ``export`` of every
chart (PNG and SVG), ``csv``, ``report`` to PDF and HTML, ``summary``, ``import-framework``
(into the user's frameworks folder), then opens the window on the scenario
for 10 seconds and closes it (SIGTERM on Linux and macOS, WM_CLOSE on Windows: what a logout
or the window's close button sends), and expects a clean exit with no traceback.

Standard library only, the same on the three systems (the CI workflow runs it on each). The
script is run by a Python; the executable it tests never is. Exit 0 when every check passed,
1 with the failed check named otherwise. ``--window auto`` (default) skips the window only on
Linux without an X server (said in the output); ``--window require`` makes that a failure.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import shutil
import signal
import struct
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
WINDOW_SECONDS = 10
TIMEOUT = 180  # one verb, generous: a cold start of a big folder on a busy runner
PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"
TITLE = "Smoke test: Stratégie 2027 – ōtautahi"  # noqa: RUF001 - non-ASCII on purpose (paths stay ASCII)


class Failed(Exception):
    pass


def check(condition: bool, what: str) -> None:
    if not condition:
        raise Failed(what)


def version() -> str:
    text = (ROOT / "mcexplorer" / "__init__.py").read_text(encoding="utf-8")
    return re.search(r'__version__\s*=\s*"([^"]+)"', text).group(1)


def bare_env(home: Path) -> dict[str, str]:
    """The environment of `env -i PATH=/usr/bin:/bin HOME=...`, or Windows' equivalent."""
    if sys.platform == "win32":
        root = os.environ.get("SystemRoot", r"C:\Windows")  # noqa: SIM112 - Windows spells it so
        local, roaming = home / "AppData" / "Local", home / "AppData" / "Roaming"
        temp = home / "Temp"
        for folder in (local, roaming, temp):
            folder.mkdir(parents=True, exist_ok=True)
        # platformdirs asks the shell for the user's folders; its WIN_PD_OVERRIDE_* variables
        # point them into the new folder (Qt's settings stay in the registry, HKCU).
        return {"SystemRoot": root, "PATH": rf"{root}\System32;{root}", "USERPROFILE": str(home),
                "HOMEDRIVE": str(home)[:2], "HOMEPATH": str(home)[2:], "APPDATA": str(roaming),
                "LOCALAPPDATA": str(local), "TEMP": str(temp), "TMP": str(temp),
                "WIN_PD_OVERRIDE_APPDATA": str(roaming),
                "WIN_PD_OVERRIDE_LOCAL_APPDATA": str(local)}
    return {"PATH": "/usr/bin:/bin", "HOME": str(home)}


class Runner:
    def __init__(self, exe: Path, home: Path, work: Path) -> None:
        self.exe, self.home, self.work = exe, home, work
        self.env = bare_env(home)
        self.checks = 0

    def run(self, *args: str) -> subprocess.CompletedProcess:
        done = subprocess.run([str(self.exe), *args], cwd=self.work, env=self.env,
                              stdin=subprocess.DEVNULL, capture_output=True, timeout=TIMEOUT)
        out = done.stdout.decode("utf-8", "replace")
        err = done.stderr.decode("utf-8", "replace")
        shown = " ".join(args)
        check("Traceback" not in out + err, f"`{shown}` printed a traceback:\n{err}")
        check(done.returncode == 0, f"`{shown}` exited {done.returncode}:\n{err}")
        self.checks += 1
        print(f"ok   mcexplorer {shown}")
        return subprocess.CompletedProcess(done.args, done.returncode, out, err)


def png_size(path: Path) -> tuple[int, int]:
    data = path.read_bytes()
    check(data[:8] == PNG_SIGNATURE, f"{path.name} is not a PNG (signature)")
    check(data[12:16] == b"IHDR", f"{path.name}: no IHDR chunk first")
    check(data.rstrip(b"\0")[-8:-4] == b"IEND", f"{path.name}: no IEND chunk at the end")
    return struct.unpack(">II", data[16:24])


def pdf_pages(path: Path) -> int:
    data = path.read_bytes()
    check(data.startswith(b"%PDF-"), f"{path.name} does not start as a PDF")
    check(b"%%EOF" in data[-1024:], f"{path.name} has no %%EOF at its end (cut short?)")
    pdfinfo = shutil.which("pdfinfo")
    if pdfinfo:
        info = subprocess.run([pdfinfo, str(path)], capture_output=True, text=True, timeout=60)
        check(info.returncode == 0, f"pdfinfo cannot read {path.name}: {info.stderr}")
        return int(re.search(r"^Pages:\s+(\d+)", info.stdout, re.M).group(1))
    return len(re.findall(rb"/Type\s*/Page(?![a-zA-Z])", data))


def bundle_files(exe: Path) -> None:
    """The Help window's pages and the resources travel inside the package, where its own
    lookups (qt/window/help.docs_dir, core/paths.resources_dir) find them."""
    top = exe.parents[1] if exe.parent.name == "MacOS" else exe.parent  # .app: Contents/
    pages = [p for p in top.rglob("guide.md") if p.parent.name == "docs"
             and p.parent.parent.name == "mcexplorer"]
    check(bool(pages), f"no mcexplorer/docs/guide.md under {top} (Help > Guide would be empty)")
    check(any((p.parent.parent / "resources" / "frameworks").is_dir() for p in pages),
          "no mcexplorer/resources/frameworks beside mcexplorer/docs")
    print(f"ok   Help pages and resources inside the package ({pages[0].parent.relative_to(top)})")


def smoke_cli(r: Runner) -> None:
    bundle_files(r.exe)
    out = r.run("--version").stdout.strip()
    check(out == f"mcexplorer {version()}", f"--version says {out!r}, expected {version()}")

    r.run("new", "scenario.json")
    scenario = r.work / "scenario.json"
    data = json.loads(scenario.read_text(encoding="utf-8"))
    data["title"] = TITLE
    scenario.write_text(json.dumps(data, ensure_ascii=False, indent=2), encoding="utf-8")

    out = r.run("validate", "scenario.json").stdout
    check("valid" in out, f"validate did not say valid: {out!r}")

    score = json.loads(r.run("score", "--json", "--draws", "2000", "scenario.json").stdout)
    frameworks = [fw["id"] for fw in score["frameworks"]]
    check({"business-models", "credential-ecology", "structures"} <= set(frameworks),
          f"score --json lists {frameworks}")
    for fw in score["frameworks"]:
        if fw.get("method", "weighted-utility") == "weighted-utility":
            check(bool(fw.get("ranking")), f"score --json: no ranking for {fw['id']}")

    r.run("export", "--out", "png", "scenario.json")
    pngs = sorted((r.work / "png").glob("*.png"))
    check(len(pngs) >= len(frameworks),
          f"export wrote {len(pngs)} PNGs for {len(frameworks)} frameworks")
    for fid in frameworks:
        check(any(f"-{fid}-" in p.name for p in pngs), f"export: no chart of {fid}")
    for png in pngs:
        width, height = png_size(png)
        check(width == 1920 and 300 <= height <= 4000, f"{png.name} is {width} x {height}")
        check(png.stat().st_size > 10_000, f"{png.name} is only {png.stat().st_size} bytes")
    prefix = os.path.commonprefix([p.stem for p in pngs])  # noqa: RUF071 - names, not paths
    print(f"     {len(pngs)} PNG charts 1920 px wide, {prefix}*: "
          + ", ".join(p.stem[len(prefix):] for p in pngs))

    r.run("export", "--format", "svg", "--out", "svg", "scenario.json")
    svgs = sorted((r.work / "svg").glob("*.svg"))
    check([s.stem for s in svgs] == [p.stem for p in pngs], "SVG and PNG exports name other charts")
    for svg in svgs:
        text = svg.read_text(encoding="utf-8")
        check("<svg" in text and text.rstrip().endswith("</svg>"), f"{svg.name} is not a whole SVG")

    r.run("csv", "--out", "csv", "scenario.json")
    for fid in ("business-models", "credential-ecology", "structures"):
        found = list((r.work / "csv").glob(f"*-{fid}.csv"))
        check(len(found) == 1 and found[0].read_bytes().startswith(b"\xef\xbb\xbf"),
              f"csv: no UTF-8 (BOM) file for {fid}")

    r.run("report", "--out", "report.pdf", "scenario.json")
    pages = pdf_pages(r.work / "report.pdf")
    check(pages >= 5, f"report.pdf has {pages} pages")
    pdftoppm = shutil.which("pdftoppm")
    if pdftoppm:
        shown = subprocess.run([pdftoppm, "-png", "-r", "40", "-f", "1", "-l", "1",
                                str(r.work / "report.pdf"), str(r.work / "page")],
                               capture_output=True, timeout=120)
        check(shown.returncode == 0, "pdftoppm cannot draw the report's first page")
        width, height = png_size(next(r.work.glob("page*.png")))
        check(height > width > 0, f"the report's first page drawn as {width} x {height}")
    drawn = ", first page drawn by pdftoppm" if pdftoppm else ""
    print(f"     report.pdf: {pages} pages{drawn}")

    r.run("report", "--out", "report.html", "scenario.json")
    html = (r.work / "report.html").read_text(encoding="utf-8")
    check("data:image/png;base64," in html and "Stratégie 2027" in html,
          "report.html lacks its images or the scenario's title")

    out = r.run("summary", "scenario.json").stdout
    check(TITLE in out, "summary does not name the scenario (non-ASCII title)")

    # A framework of the planner's own, written from a CSV into the user's frameworks folder:
    # the window opened next loads it at start-up (a tab of its own).
    (r.work / "ours.csv").write_text("option,Effort,Impact\ndirection,cost,benefit\n"
                                     "scale,LOW|MED|HIGH,1-5\nMOOC,LOW,4\nConsortium,HIGH,5\n",
                                     encoding="utf-8")
    folder = data_dir(r.home) / "frameworks"
    folder.mkdir(parents=True, exist_ok=True)
    r.run("import-framework", "--out", str(folder / "ours.json"), "--title", "Our own", "ours.csv")
    check((folder / "ours.json").is_file(), "import-framework wrote no framework file")


def smoke_room_server(r: Runner) -> None:
    """``room serve`` (where this build has it): the phone page is served from inside the
    bundle on 127.0.0.1, then the server is stopped (SIGTERM; terminated on Windows)."""
    verbs = re.search(r"\{([^}]*)\}", r.run("--help").stdout)
    if verbs is None or "room" not in re.sub(r"\s", "", verbs.group(1)).split(","):
        print("SKIP room serve: this build has no room server")
        return
    import urllib.request

    proc = subprocess.Popen([str(r.exe), "room", "serve", "scenario.json", "--port", "0"],
                            cwd=r.work, env=r.env, stdin=subprocess.DEVNULL,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    try:
        url = proc.stdout.readline().decode("utf-8", "replace").strip()  # the join URL first
        check(url.startswith("http://127.0.0.1:"), f"room serve printed {url!r}, not its URL")
        with urllib.request.urlopen(url, timeout=20) as answer:  # one request, bounded
            page = answer.read().decode("utf-8", "replace")
            check(answer.status == 200 and "<html" in page.lower(),
                  f"the phone page at {url} answered {answer.status}")
        if sys.platform == "win32":
            proc.terminate()
            proc.wait(timeout=30)
        else:
            proc.send_signal(signal.SIGTERM)
            code = proc.wait(timeout=30)
            check(code == 0, f"room serve exited {code} on SIGTERM")
        err = proc.stderr.read().decode("utf-8", "replace")
        check("Traceback" not in err, f"room serve printed a traceback:\n{err}")
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait()
    r.checks += 1
    print(f"ok   mcexplorer room serve: the phone page served at {url}, stopped cleanly")


# -- the window ----------------------------------------------------------------------------


def start_xvfb() -> tuple[subprocess.Popen | None, str | None]:
    """An X server of our own, on a display number it picks (``-displayfd``)."""
    xvfb = shutil.which("Xvfb")
    if not xvfb:
        return None, None
    read_fd, write_fd = os.pipe()
    proc = subprocess.Popen([xvfb, "-displayfd", str(write_fd), "-screen", "0", "1366x768x24",
                             "-nolisten", "tcp"], pass_fds=(write_fd,),
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    os.close(write_fd)
    with os.fdopen(read_fd) as pipe:
        number = pipe.readline().strip()
    if not number:
        proc.kill()
        return None, None
    return proc, f":{number}"


def data_dir(home: Path) -> Path:
    """Where platformdirs puts mcexplorer's data for this HOME (nothing else is set)."""
    if sys.platform == "win32":
        return home / "AppData" / "Local" / "mcexplorer"
    if sys.platform == "darwin":
        return home / "Library" / "Application Support" / "mcexplorer"
    return home / ".local" / "share" / "mcexplorer"


def log_file(home: Path) -> Path:
    if sys.platform == "win32":
        return home / "AppData" / "Local" / "mcexplorer" / "Logs" / "mcexplorer.log"
    if sys.platform == "darwin":
        return home / "Library" / "Logs" / "mcexplorer" / "mcexplorer.log"
    return home / ".local" / "state" / "mcexplorer" / "log" / "mcexplorer.log"


def close_window(proc: subprocess.Popen) -> None:
    """What a logout or the close button sends: SIGTERM, or WM_CLOSE to the process' windows."""
    if sys.platform != "win32":
        proc.send_signal(signal.SIGTERM)
        return
    import ctypes
    from ctypes import wintypes

    user32 = ctypes.windll.user32
    found = []

    @ctypes.WINFUNCTYPE(wintypes.BOOL, wintypes.HWND, wintypes.LPARAM)
    def each(hwnd, _):
        pid = wintypes.DWORD()
        user32.GetWindowThreadProcessId(hwnd, ctypes.byref(pid))
        if pid.value == proc.pid and user32.IsWindowVisible(hwnd):
            found.append(hwnd)
        return True

    user32.EnumWindows(each, 0)
    check(bool(found), "no visible window of the process to close")
    for hwnd in found:
        user32.PostMessageW(hwnd, 0x0010, 0, 0)  # WM_CLOSE


def no_foreign_python(pid: int, exe: Path) -> None:
    """Linux: the running app maps no Python from outside the bundle (no venv, no python3)."""
    maps = Path(f"/proc/{pid}/maps")
    if not maps.exists():
        return
    inside = str(exe.resolve().parent)
    mapped = {line.split(None, 5)[-1].strip() for line in maps.read_text().splitlines()
              if len(line.split(None, 5)) == 6}
    foreign = sorted(p for p in mapped if re.search(r"python|\.venv|site-packages", p)
                     and not p.startswith(inside))
    check(not foreign, f"the app maps Python files from outside the bundle: {foreign[:5]}")
    check(os.path.realpath(f"/proc/{pid}/exe") == str(exe.resolve()),
          "the window's process is not the bundle's executable")


def smoke_window(r: Runner, mode: str) -> bool:
    env = dict(r.env)
    xvfb = None
    if sys.platform.startswith("linux"):
        display = os.environ.get("DISPLAY")
        if not display:
            xvfb, display = start_xvfb()
        if not display:
            check(mode != "require", "no X server and no Xvfb to open the window on")
            print("SKIP the window: no X server (DISPLAY) and no Xvfb on this machine")
            return False
        env["DISPLAY"] = display
    try:
        err_path = r.work / "window-stderr.txt"
        with open(err_path, "wb") as err:
            proc = subprocess.Popen([str(r.exe), "scenario.json"], cwd=r.work, env=env,
                                    stdin=subprocess.DEVNULL, stdout=err, stderr=err)
            try:
                time.sleep(WINDOW_SECONDS)
                check(proc.poll() is None,
                      f"the window exited by itself ({proc.returncode}) "
                      f"before {WINDOW_SECONDS} s:\n"
                      + err_path.read_text("utf-8", "replace"))
                if sys.platform.startswith("linux"):
                    no_foreign_python(proc.pid, r.exe)
                check(log_file(r.home).is_file(), "no log file after 10 s: the first frame was "
                      f"never painted ({log_file(r.home)})")
                close_window(proc)
                code = proc.wait(timeout=60)
            finally:
                if proc.poll() is None:
                    proc.kill()
                    proc.wait()
        text = err_path.read_text("utf-8", "replace")
        check("Traceback" not in text, f"the window printed a traceback:\n{text}")
        check(code == 0, f"the window exited {code} when closed:\n{text}")
        if sys.platform != "win32":  # Windows cannot delete a file it holds open: the lock is
            # released there and swept by the next start (core/sessions, core/upkeep)
            locks = list((data_dir(r.home) / "recovery").glob("*.lock"))
            check(not locks, f"closing left lock files behind: {[p.name for p in locks]}")
        if sys.platform.startswith("linux"):  # elsewhere: the registry, or cfprefsd's own time
            conf = r.home / ".config" / "mcexplorer" / "mcexplorer.conf"
            check(conf.is_file(), f"closing did not write the window's settings ({conf})")
        r.checks += 1
        print(f"ok   the window on scenario.json for {WINDOW_SECONDS} s, first frame painted, "
              f"closed cleanly (exit 0, no traceback, no lock left)"
              + (f"; stderr: {text.strip()!r}" if text.strip() else ""))
        return True
    finally:
        if xvfb is not None:
            xvfb.terminate()
            xvfb.wait(timeout=30)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("executable", type=Path)
    parser.add_argument("--window", choices=("auto", "require", "skip"), default="auto")
    args = parser.parse_args(argv)
    exe = args.executable.resolve()
    if not exe.is_file():
        print(f"smoke: no executable at {exe} (build it first: make bundle)", file=sys.stderr)
        return 2
    with tempfile.TemporaryDirectory(prefix="mcx-smoke-") as tmp:
        home, work = Path(tmp) / "home", Path(tmp) / "work"
        home.mkdir()
        work.mkdir()
        runner = Runner(exe, home, work)
        try:
            smoke_cli(runner)
            smoke_room_server(runner)
            if args.window != "skip":
                smoke_window(runner, args.window)
        except (Failed, subprocess.TimeoutExpired) as exc:
            print(f"FAIL {exc}", file=sys.stderr)
            return 1
        print(f"smoke test passed: {runner.checks} runs of {exe}")
    return 0


if __name__ == "__main__":
    sys.exit(main())

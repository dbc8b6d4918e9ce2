"""``mcexplorer room serve FILE`` in a subprocess on 127.0.0.1: the join URL first, each
submission saved into FILE atomically, SIGINT and SIGTERM exit 0, bad arguments exit 2 in one
line (the refusals in this process: tests/cli_inprocess.py). Every wait is bounded."""

from __future__ import annotations

import http.client
import signal
import subprocess
import sys
import urllib.parse
from pathlib import Path

import pytest
from cli_inprocess import run_cli

from mcexplorer.core.io import save_scenario
from mcexplorer.core.resources import default_scenario
from mcexplorer.core.validation import load_scenario

pytestmark = pytest.mark.slow
ROOT = Path(__file__).resolve().parent.parent
BM = "business-models"


def start(*args):
    proc = subprocess.Popen([sys.executable, "-m", "mcexplorer", "room", "serve", *map(str, args)],
                            cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    return proc


def first_line(proc) -> str:
    import selectors

    sel = selectors.DefaultSelector()
    sel.register(proc.stdout, selectors.EVENT_READ)
    assert sel.select(timeout=60), "no join URL within 60 s"
    return proc.stdout.readline().strip()


def post(url: str, fields: dict) -> int:
    parts = urllib.parse.urlsplit(url)
    assert parts.hostname == "127.0.0.1"
    conn = http.client.HTTPConnection(parts.hostname, parts.port, timeout=10)
    try:
        conn.request("POST", parts.path, urllib.parse.urlencode(fields),
                     {"Content-Type": "application/x-www-form-urlencoded"})
        r = conn.getresponse()
        r.read()
        return r.status
    finally:
        conn.close()


@pytest.fixture
def scenario(tmp_path) -> Path:
    path = tmp_path / "workshop.json"
    save_scenario(path, default_scenario())
    return path


@pytest.mark.parametrize("sig", [signal.SIGINT, signal.SIGTERM])
def test_serve_prints_the_url_saves_each_submission_and_stops_on_a_signal(scenario, sig):
    proc = start(scenario, "--host", "127.0.0.1", "--port", "0", "--frameworks", BM)
    try:
        url = first_line(proc)
        assert url.startswith("http://127.0.0.1:") and "/j/" in url
        token = "t" * 30
        assert post(url, {"phone": token, "name": "Ana", f"{BM}:risk": 15}) == 200
        assert post(url, {"phone": token, "name": "Ana", f"{BM}:risk": 65}) == 200
        assert post(url, {"phone": "u" * 30, "name": "", f"{BM}:costs": 5}) == 200
        assert post(url, {"phone": "v" * 30, "credential-ecology:employability": 5}) == 400
        people = load_scenario(scenario)[0].participants
        assert [(p.name, p.weights[BM]) for p in people] == [
            ("Ana", {"risk": 65.0}), ("Anonymous 1", {"costs": 5.0})]
        proc.send_signal(sig)
        _out, err = proc.communicate(timeout=30)
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.communicate(timeout=30)
    assert proc.returncode == 0, err
    assert "Traceback" not in err
    assert not list(scenario.parent.glob(".mcx-*"))  # no temporary left behind
    port = urllib.parse.urlsplit(url).port
    import socket
    with socket.socket() as s:
        s.settimeout(5)
        assert s.connect_ex(("127.0.0.1", port)) != 0


@pytest.mark.parametrize("args,problem", [
    (["--host", "0.0.0.0"], "--host: give one address of this computer, not a wildcard"),
    (["--host", "::"], "--host: give one address of this computer, not a wildcard"),
    (["--host", "laptop"], "--host: 'laptop' is not an IP address"),
    (["--port", "70000"], "--port: 70000 is not a port"),
    (["--frameworks", "nope"], "frameworks: unknown framework 'nope'"),
])
def test_serve_refuses_bad_arguments_in_one_line(scenario, args, problem):
    out = run_cli("room", "serve", str(scenario), "--port", "0", *args, cwd=ROOT)
    assert out.returncode == 2, out.stderr
    assert out.stdout == ""
    assert out.stderr.count("\n") == 1 and problem in out.stderr


def test_serve_refuses_a_missing_file(tmp_path):
    out = run_cli("room", "serve", str(tmp_path / "none.json"), "--port", "0", cwd=ROOT)
    assert out.returncode == 2 and out.stderr.count("\n") == 1 and "none.json" in out.stderr


def test_serve_refuses_a_port_in_use_in_one_line(scenario):
    import socket
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen(1)
        port = taken.getsockname()[1]
        out = run_cli("room", "serve", str(scenario), "--port", str(port), cwd=ROOT)
    assert out.returncode == 2 and out.stdout == ""
    assert out.stderr.count("\n") == 1 and f"cannot listen on 127.0.0.1 port {port}" in out.stderr


def test_names_sent_with_markup_are_plain_text_in_the_report(scenario, tmp_path):
    proc = start(scenario, "--port", "0")
    try:
        url = first_line(proc)
        names = ["<script>alert(1)</script>", "<img src=x onerror=alert(2)>"]
        for i, name in enumerate(names):
            assert post(url, {"phone": f"{i}" * 30, "name": name, f"{BM}:risk": 10 + i}) == 200
        proc.send_signal(signal.SIGTERM)
        proc.communicate(timeout=30)
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.communicate(timeout=30)
    out = tmp_path / "report.html"
    done = run_cli("report", str(scenario), "--out", str(out), cwd=ROOT)
    assert done.returncode == 0, done.stderr
    html = out.read_text(encoding="utf-8")
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert "&lt;img src=x onerror=alert(2)&gt;" in html
    assert "<script>alert" not in html and "<img src=x" not in html

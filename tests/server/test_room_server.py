"""The room's server on 127.0.0.1, driven over HTTP as a phone (or an attacker) would: each
security point of docs/room-server.md has a test here. Every loop is bounded in count, every
request in time (room_client.TIMEOUT)."""

from __future__ import annotations

import re
import socket
from concurrent.futures import ThreadPoolExecutor

from room_client import BM, HOST, phone, request

from mcexplorer.core.room.models import MAX_PARTICIPANTS
from mcexplorer.core.room.phones import participant_id_for
from mcexplorer.server.app import CSP, MAX_BODY
from mcexplorer.server.limits import RateLimiter


def refuses_connections(port: int) -> bool:
    with socket.socket() as s:
        s.settimeout(5)
        return s.connect_ex((HOST, port)) != 0


def test_a_phone_joins_and_updates_its_own_entry(room):
    r = room.get()
    assert r.status == 200
    token = r.cookies["mcx_phone"]
    assert f'name="phone" value="{token}"' in r.body
    assert 'name="business-models:risk"' in r.body and 'type="range"' in r.body
    r = room.post({"phone": token, "name": "Ana", f"{BM}:risk": 12, f"{BM}:costs": 80})
    assert r.status == 200 and "You are in the room as Ana." in r.body
    r = room.post({"phone": token, "name": "Ana", f"{BM}:risk": 30})
    assert r.status == 200 and "updated" in r.body
    [ana] = room.people()
    # A submission replaces the phone's weights for the frameworks it sent (the page sends
    # every slider); a criterion left out counts from the framework's default.
    assert (ana.name, ana.weights[BM]) == ("Ana", {"risk": 30.0})
    assert ana.id == participant_id_for(token)
    # The phone's own last values come back with its cookie, to nobody else.
    mine = room.get(headers={"Cookie": f"mcx_phone={token}"})
    assert 'value="Ana"' in mine.body and 'value="30"' in mine.body
    other = room.get()
    assert "Ana" not in other.body


def test_a_wrong_or_old_token_gets_404_and_changes_nothing(room):
    before = room.file.read_bytes()
    wrong = "/j/" + "a" * 32 + "/"
    for method, path in [("GET", wrong), ("POST", wrong), ("GET", wrong + "page.js"),
                         ("GET", "/"), ("GET", "/j/"), ("GET", room.path[:-2] + "/"),
                         ("GET", "/j/%00/"), ("GET", room.path + "../../etc/passwd")]:
        body = b"phone=" + b"p" * 30 + b"&name=Eve" if method == "POST" else None
        r = request(room.port, method, path, body,
                    {"Content-Type": "application/x-www-form-urlencoded"})
        assert r.status == 404, path
        assert "Eve" not in r.body
    old = room.path
    room.server.regenerate()
    assert room.post({"phone": phone(1), "name": "Eve"}, path=old).status == 404
    assert room.get(path=old).status == 404
    assert room.file.read_bytes() == before
    assert room.get().status == 200  # the new code works


def test_the_token_carries_at_least_128_bits(room):
    token = room.server.token
    assert re.fullmatch(r"[a-z2-7]{32}", token)  # 32 base-32 characters = 160 bits
    room.server.regenerate()
    assert room.server.token != token


def test_a_1_mb_body_is_refused_and_the_server_still_answers(room):
    before = room.file.read_bytes()
    big = b"name=" + b"x" * (1 << 20)
    try:
        r = request(room.port, "POST", room.path, big,
                    {"Content-Type": "application/x-www-form-urlencoded"})
        assert r.status == 413
    except (ConnectionResetError, BrokenPipeError):
        pass  # refused before the body was read: also a refusal
    # Just above the limit, without a Content-Length the server could check first:
    r = request(room.port, "POST", room.path, b"name=" + b"y" * MAX_BODY,
                {"Content-Type": "application/x-www-form-urlencoded"})
    assert r.status == 413
    assert room.file.read_bytes() == before
    assert room.get().status == 200


def test_long_names_bad_numbers_and_unknown_ids_are_refused_with_a_message(room):
    cases = [
        ({"name": "n" * 10_000}, "limited to 80 characters"),
        ({"name": "n" * 81}, "limited to 80 characters"),
        ({f"{BM}:risk": "nan"}, "not a finite number"),
        ({f"{BM}:risk": "NaN"}, "not a finite number"),
        ({f"{BM}:risk": "Infinity"}, "not a finite number"),
        ({f"{BM}:risk": "100.5"}, "outside 0-100"),
        ({f"{BM}:risk": "-0.1"}, "outside 0-100"),
        ({f"{BM}:unknown": "5"}, "unknown criterion"),
        ({"other-framework:risk": "5"}, "unknown criterion"),
    ]
    before = room.file.read_bytes()
    for fields, problem in cases:
        r = room.post({"phone": phone(1), **fields})
        assert r.status == 400, fields
        assert problem in r.body, fields
        assert "Traceback" not in r.body
    assert room.file.read_bytes() == before
    # A form with more fields than the room has criteria is refused before it is parsed.
    many = "&".join(f"f{i}=1" for i in range(500)).encode()
    r = request(room.port, "POST", room.path, many,
                {"Content-Type": "application/x-www-form-urlencoded"})
    assert r.status == 400
    assert room.get().status == 200


def test_markup_in_names_is_recorded_as_text_and_escaped_on_the_page(room):
    names = ["<script>alert(1)</script>", "<img src=x onerror=alert(2)>"]
    for i, name in enumerate(names):
        r = room.post({"phone": phone(i), "name": name, f"{BM}:risk": 5})
        assert r.status == 200
        assert "<script>alert" not in r.body and "<img src=x" not in r.body
        assert "&lt;script&gt;" in r.body or "&lt;img" in r.body
    assert [p.name for p in room.people()] == names


def test_only_urlencoded_forms_are_taken_nothing_else_is_parsed(room):
    before = room.file.read_bytes()
    for ctype, body in [("application/json", b'{"name": "x"}'),
                        ("multipart/form-data; boundary=b",
                         b'--b\r\nContent-Disposition: form-data; name="f"; filename="a"\r\n\r\n'
                         b'data\r\n--b--\r\n'),
                        ("text/plain", b"name=x")]:
        r = request(room.port, "POST", room.path, body, {"Content-Type": ctype})
        assert r.status == 415
    assert room.file.read_bytes() == before


def test_every_answer_carries_the_content_security_policy(make_room):
    room = make_room(limiter=RateLimiter(burst=3, per_second=0.0001))
    replies = [room.get(), room.get(path="/nope"), room.get(path=room.path + "page.css"),
               room.get()]
    assert [r.status for r in replies] == [200, 404, 200, 429]
    for r in replies:
        assert r.headers["content-security-policy"] == CSP
        assert r.headers["x-content-type-options"] == "nosniff"
        assert r.headers["cache-control"] == "no-store"
    assert "default-src 'none'" in CSP and "http" not in CSP


def test_the_page_loads_nothing_from_elsewhere(room):
    body = room.get().body
    for url in re.findall(r'(?:src|href|action)="([^"]*)"', body):
        assert "//" not in url and not url.startswith("/"), url
    assert "@import" not in room.get(path=room.path + "page.css").body
    js = room.get(path=room.path + "page.js").body
    assert "http" not in js and "fetch" not in js


def test_a_client_that_floods_gets_429_and_the_room_still_answers_others(make_room):
    room = make_room(limiter=RateLimiter(burst=5, per_second=0.0001))
    statuses = [room.post({"phone": phone(i), "name": f"P{i}"}).status for i in range(8)]
    assert statuses == [200] * 5 + [429] * 3
    assert len(room.people()) == 5


def test_300_joins_200_recorded_100_refused_politely_nothing_lost(room):
    statuses = []
    for i in range(300):
        r = room.post({"phone": phone(i), "name": f"Person {i}", f"{BM}:risk": i % 101})
        statuses.append(r.status)
        if r.status != 200:
            assert f"the room is full ({MAX_PARTICIPANTS} people)" in r.body
    assert statuses == [200] * 200 + [403] * 100
    people = room.people()
    assert len(people) == 200
    assert [p.weights[BM]["risk"] for p in people] == [i % 101 for i in range(200)]
    # Phones already in the room may still update.
    assert room.post({"phone": phone(3), f"{BM}:risk": 99}).status == 200
    assert room.people()[3].weights[BM]["risk"] == 99
    assert room.get().status == 200


def test_40_concurrent_submissions_are_all_recorded(room):
    def submit(i: int) -> int:
        return room.post({"phone": phone(i), "name": f"Seat {i}", f"{BM}:risk": i,
                          f"{BM}:costs": 100 - i}).status

    with ThreadPoolExecutor(max_workers=40) as pool:
        statuses = list(pool.map(submit, range(40), timeout=60))
    assert statuses == [200] * 40
    people = {p.name: p.weights[BM] for p in room.people()}
    assert len(people) == 40
    assert all(people[f"Seat {i}"] == {"risk": i, "costs": 100 - i} for i in range(40))
    assert room.get().status == 200


def test_a_locked_room_takes_no_new_phone_but_known_phones_update(room):
    assert room.post({"phone": phone(1), "name": "Ana"}).status == 200
    room.server.locked = True
    r = room.post({"phone": phone(2), "name": "Ben"})
    assert r.status == 403 and "locked" in r.body
    assert room.post({"phone": phone(1), f"{BM}:risk": 7}).status == 200
    assert [(p.name, p.weights[BM]["risk"]) for p in room.people()] == [("Ana", 7)]


def test_the_page_follows_the_browsers_language_direction(room):
    assert 'dir="rtl"' in room.get(headers={"Accept-Language": "ar-EG,ar;q=0.9"}).body
    assert 'dir="rtl"' in room.get(headers={"Accept-Language": "he"}).body
    assert 'dir="ltr"' in room.get(headers={"Accept-Language": "en-GB,en"}).body
    assert 'dir="ltr"' in room.get().body


def test_after_stop_the_port_refuses_connections(room):
    port = room.port
    assert room.get().status == 200
    room.thread.stop()
    assert not room.thread.running
    assert refuses_connections(port)


def test_frameworks_chosen_are_the_only_sliders(make_room):
    room = make_room(frameworks=[BM])
    body = room.get().body
    assert 'name="business-models:risk"' in body
    assert "credential-ecology:" not in body
    r = room.post({"phone": phone(1), "credential-ecology:employability": 5})
    assert r.status == 400


def test_the_facilitators_rename_survives_the_phone_sending_again(room):
    from mcexplorer.core.room.edits import edit_participant
    assert room.post({"phone": phone(1), "name": "Ana"}).status == 200
    doc = room.room.document
    doc.apply(edit_participant(doc, participant_id_for(phone(1)), name="Ana (Finance)"))
    assert room.post({"phone": phone(1), "name": "Ana", f"{BM}:risk": 3}).status == 200
    assert [p.name for p in room.people()] == ["Ana (Finance)"]
    assert room.post({"phone": phone(1), "name": "Ana B", f"{BM}:risk": 3}).status == 200
    assert [p.name for p in room.people()] == ["Ana B"]

"""Loader fuzzing: thousands of random, mutated and damaged documents.

Property, for every input, through both ``parse_scenario(text)`` and ``load_scenario(path)``:
the input is either accepted whole (a Scenario that re-serialises and reloads equal) or refused
with a ScenarioError whose message is one line naming the source. Never another exception type,
never a hang (a SIGALRM guard turns one into a failure; each example must finish in < 2 s).
"""

from __future__ import annotations

import contextlib
import copy
import json
import signal
import time
from pathlib import Path

from fuzzing import examples
from hypothesis import (
    HealthCheck,
    currently_in_test_context,
    event,
    example,
    given,
    settings,
    strategies as st,
)

from mcexplorer.core.errors import ScenarioError
from mcexplorer.core.io import save_scenario, scenario_json
from mcexplorer.core.models import SCHEMA_VERSION, Scenario
from mcexplorer.core.resources import default_scenario
from mcexplorer.core.validation import load_scenario, parse_scenario

TIME_LIMIT = 2.0
"""Seconds one example (parse, load and any round trip) may take."""
HANG_LIMIT = 20.0
"""Seconds after which a stuck example is interrupted and reported as a hang."""

_FUZZ = settings(
    deadline=None,  # each read is timed by _timed (< 2 s); _no_hang stops a hang
    suppress_health_check=[
        HealthCheck.function_scoped_fixture,  # tmp_path: each example overwrites its own files
        HealthCheck.too_slow,
        HealthCheck.data_too_large,
        HealthCheck.large_base_example,
    ],
)


def fuzz(max_examples: int) -> settings:
    """The loader's fuzz settings, ``max_examples`` scaled to the profile (tests/fuzzing.py)."""
    return settings(_FUZZ, max_examples=examples(max_examples))


# --------------------------------------------------------------------------------------------
# The property
# --------------------------------------------------------------------------------------------


class Hang(BaseException):
    """Raised by the alarm; a BaseException so no `except Exception` in the loader eats it."""


@contextlib.contextmanager
def _no_hang():
    """Interrupt anything still running after HANG_LIMIT seconds (POSIX SIGALRM)."""

    def on_alarm(signum, frame):
        raise Hang(f"still running after {HANG_LIMIT:g} s")

    previous = signal.signal(signal.SIGALRM, on_alarm)
    signal.setitimer(signal.ITIMER_REAL, HANG_LIMIT)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


def _timed(read, source):
    """Run the loader on one input: (scenario, None) or (None, ScenarioError), in < 2 s.

    Any other exception propagates and fails the test. Only the loader is timed: the round trip
    that follows an acceptance includes an fsync, whose speed is the disk's business.
    """
    start = time.monotonic()
    try:
        result = read(source), None
    except ScenarioError as exc:
        result = None, exc
    elapsed = time.monotonic() - start
    assert elapsed < TIME_LIMIT, f"reading one document took {elapsed:.2f} s"
    return result


def _assert_one_line_refusal(exc: ScenarioError, source: str) -> None:
    message = exc.message
    assert isinstance(message, str)
    assert message.startswith(f"{source}: "), message  # names the file first
    assert message.splitlines() == [message], f"not a single line: {message!r}"
    assert message.strip() != f"{source}:"  # says what is wrong


def _assert_round_trips(scenario: Scenario, folder: Path) -> None:
    assert isinstance(scenario, Scenario)
    text = scenario_json(scenario)
    assert parse_scenario(text) == scenario
    path = folder / "round-trip.json"
    save_scenario(path, scenario)
    again, _ = load_scenario(path)
    assert again == scenario
    assert scenario_json(again) == text


def _note(outcome: str) -> None:
    """Count outcomes for --hypothesis-show-statistics (how many inputs were accepted)."""
    if currently_in_test_context():
        event(outcome)


def _check_text(text: str, folder: Path) -> Scenario | None:
    """Feed text to parse_scenario and load_scenario; return the scenario if accepted."""
    with _no_hang():
        parsed, refusal = _timed(parse_scenario, text)
        if refusal is not None:
            _assert_one_line_refusal(refusal, "<text>")
            _note("parse_scenario refused")
        else:
            _assert_round_trips(parsed, folder)
            _note("parse_scenario accepted")
    loaded = _check_bytes(text.encode("utf-8", "surrogatepass"), folder)
    return parsed or loaded


def _check_bytes(payload: bytes, folder: Path) -> Scenario | None:
    """Feed bytes, written to a file, to load_scenario; return the scenario if accepted."""
    path = folder / "fuzzed.json"
    path.write_bytes(payload)
    with _no_hang():
        loaded, refusal = _timed(lambda p: load_scenario(p)[0], path)
        if refusal is not None:
            _assert_one_line_refusal(refusal, str(path))
            _note("load_scenario refused")
            return None
        _assert_round_trips(loaded, folder)
        _note("load_scenario accepted")
        return loaded


# --------------------------------------------------------------------------------------------
# Documents
# --------------------------------------------------------------------------------------------


class Raw:
    """A JSON literal written as-is: NaN, 1e999, a 5000-digit number, 3000 nested brackets."""

    def __init__(self, text: str):
        self.text = text

    def __repr__(self) -> str:
        return f"Raw({self.text[:60]!r}{'...' if len(self.text) > 60 else ''})"


def _dump(value: object, *, indent: int | None = None, ascii_only: bool = True) -> str:
    raws: list[str] = []

    def place(obj: object) -> str:
        if not isinstance(obj, Raw):
            raise TypeError(type(obj).__name__)
        raws.append(obj.text)
        return f"@@raw-{len(raws) - 1}-7f3a@@"

    text = json.dumps(value, default=place, indent=indent, ensure_ascii=ascii_only)
    for i, raw in enumerate(raws):
        text = text.replace(f'"@@raw-{i}-7f3a@@"', raw, 1)
    return text


def _default_doc() -> dict:
    return json.loads(default_scenario().model_dump_json())


RICH_DOC: dict = {
    "schema_version": SCHEMA_VERSION,
    "title": "Café ☕ planning — 2025",
    "notes": "Line one\nline two",
    "frameworks": {
        **_default_doc()["frameworks"],
        "fuzz-fw": {
            "weights": {"gain": 80, "pain": 20.5, "aim": 0},
            "targets": {"aim": 2.5},
            "rating_overrides": {"beta": {"pain": 7}},
            "selected": ["alpha", "beta"],
        },
    },
    "portfolio": {
        "offerings": [
            {"id": "short-course", "name": "Short course", "x": -0.5, "y": 0.25, "volume": 120},
            {"id": "micro-1", "name": "Micro-credential", "x": 1, "y": -1, "volume": 0.5},
        ],
        "lens": "holoniq",
        "volume_unit": "hours",
    },
    "horizons": {
        "initiatives": [
            {"id": "mooc", "name": "MOOC pilot", "time": 0.2, "horizon": 1.5, "size": 3},
            {"id": "lab", "name": "Innovation lab", "time": 1, "horizon": 3},
        ],
        "balance": {"h1": 60, "h2": 25, "h3": 15},
        "reference": {"h1": 70, "h2": 20, "h3": 10},
        "locked": "h2",
    },
    "definitions": [
        {
            "id": "fuzz-fw",
            "title": "Fuzz framework",
            "provenance": "authored-default",
            "criteria": [
                {"id": "gain", "name": "Gain", "direction": "benefit", "scale": [1, 3],
                 "levels": {"LOW": 1, "MED": 2, "HIGH": 3}, "default_weight": 60},
                {"id": "pain", "name": "Pain", "direction": "cost", "scale": [0, 10]},
                {"id": "aim", "name": "Aim", "direction": "target", "scale": [1, 3],
                 "levels": {"H1": 1, "H2": 2, "H3": 3}, "default_target": 2},
            ],
            "options": [
                {"id": "alpha", "name": "Alpha",
                 "ratings": {"gain": "LOW/MED", "pain": 4,
                             "aim": {"value": 2.5, "rationale": "why", "source": "me"}},
                 "attributes": {"horizon": 2, "note": "x"}},
                {"id": "beta", "name": "Beta",
                 "ratings": {"gain": "HIGH", "pain": 0.5, "aim": "h1"}},
            ],
        }
    ],
}

BASES = {"default": _default_doc(), "rich": RICH_DOC}


def _strings(value: object, found: set[str]) -> set[str]:
    if isinstance(value, str):
        found.add(value)
    elif isinstance(value, dict):
        for k, v in value.items():
            found.add(k)
            _strings(v, found)
    elif isinstance(value, list):
        for v in value:
            _strings(v, found)
    return found


VOCABULARY = sorted(_strings(BASES, set()) | {"LOW/HIGH", "H4", "", "learners", "h3", "ecology"})

raw_literals = st.one_of(
    st.sampled_from(["NaN", "-NaN", "Infinity", "-Infinity", "1e999", "-1e999", "1e-999", "-0",
                     "-0.0", "1E400", "2.5e308", "4.9e-324", "123456789012345678901234567890",
                     "0.1e-320", "1.0000000000000000000000001", '"\\ud800"', '"\\udfff\\ud800"',
                     '"\\u0000"', '"a\\nb"', '"\\r"', '"\\u2028"', '"\\u0085"', '"\\ufeff"', "[]",
                     "{}", "[[]]", '{"":{}}']),
    st.integers(15, 6000).map(lambda n: "9" * n),  # over 4300 digits Python refuses the int
    st.integers(15, 6000).map(lambda n: "-1" + "0" * n),
    st.integers(300, 400).map(lambda n: f"1e{n}"),
    st.integers(1, 5000).map(lambda n: "[" * n + "]" * n),
    st.integers(1, 3000).map(lambda n: '{"a":' * n + "1" + "}" * n),
    st.integers(1, 3000).map(lambda n: "[" * n + "1" + "]" * n),
    st.integers(150, 20_000).map(lambda n: '"' + "é" * n + '"'),  # past every max_length
).map(Raw)

plausible = st.one_of(
    st.sampled_from(VOCABULARY),
    st.integers(-3, 110),
    st.floats(-5, 105),
    st.floats(-1.5, 1.5),
    st.sampled_from([{}, [], None, True, False, 0, 1, 2, 3, 0.5, 100, 1e9, 1e9 + 1]),
)

scalars = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(),
    st.floats(),  # NaN and ±inf are dumped as the literals NaN/Infinity
    st.text(max_size=40),
    plausible,
    raw_literals,
)

keys = st.one_of(st.sampled_from(VOCABULARY), st.text(max_size=12))

json_values = st.recursive(
    scalars,
    lambda inner: st.lists(inner, max_size=5) | st.dictionaries(keys, inner, max_size=5),
    max_leaves=25,
)
small_json_values = st.recursive(
    scalars,
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(keys, inner, max_size=3),
    max_leaves=6,
)

formats = st.fixed_dictionaries({"indent": st.sampled_from([None, 0, 2]),
                                 "ascii_only": st.booleans()})


def _paths(doc: object) -> list[tuple]:
    out: list[tuple] = []
    stack: list[tuple[tuple, object]] = [((), doc)]
    while stack:
        path, node = stack.pop()
        out.append(path)
        if isinstance(node, dict):
            stack.extend((path + (k,), v) for k, v in node.items())
        elif isinstance(node, list):
            stack.extend((path + (i,), v) for i, v in enumerate(node))
    return sorted(out, key=lambda p: (len(p), [str(x) for x in p]))


def _at(doc: object, path: tuple) -> object:
    for step in path:
        doc = doc[step]  # type: ignore[index]
    return doc


@st.composite
def mutated_documents(draw) -> str:
    base = draw(st.sampled_from(sorted(BASES)))
    doc = copy.deepcopy(BASES[base])
    for _ in range(draw(st.integers(1, 6))):
        op = draw(st.sampled_from(["delete", "insert", "replace", "replace", "version"]))
        if op == "version":
            if not isinstance(doc, dict):
                continue
            doc["schema_version"] = copy.deepcopy(draw(st.one_of(
                st.integers(), st.sampled_from([0, -1, 2, 1.0, 1.5, "1", True, None, [1]]),
                raw_literals, st.just(SCHEMA_VERSION))))
            continue
        paths = _paths(doc)
        if op == "insert":
            containers = [p for p in paths if isinstance(_at(doc, p), (dict, list))]
            if not containers:
                continue
            node = _at(doc, draw(st.sampled_from(containers)))
            value = copy.deepcopy(draw(st.one_of(plausible, json_values)))  # shared {} / []
            if isinstance(node, dict):
                node[draw(keys)] = value
            else:
                node.insert(draw(st.integers(0, len(node))), value)
            continue
        path = draw(st.sampled_from(paths))
        if op == "delete":
            if not path:
                continue
            parent = _at(doc, path[:-1])
            del parent[path[-1]]  # type: ignore[index]
        else:
            value = copy.deepcopy(draw(st.one_of(plausible, json_values)))  # shared {} / []
            if not path:
                doc = value
            else:
                _at(doc, path[:-1])[path[-1]] = value  # type: ignore[index]
    return _dump(doc, **draw(formats))


def _valid_file_text(name: str) -> str:
    return scenario_json(parse_scenario(json.dumps(BASES[name])))


# --------------------------------------------------------------------------------------------
# Tests
# --------------------------------------------------------------------------------------------


def test_the_fuzz_bases_are_valid_and_round_trip(tmp_path):
    for name, doc in BASES.items():
        assert _check_text(json.dumps(doc), tmp_path) is not None, name


@fuzz(500)
@given(value=json_values, fmt=formats)
def test_random_json_values_of_any_shape(tmp_path, value, fmt):
    _check_text(_dump(value, **fmt), tmp_path)


@fuzz(500)
@given(body=st.dictionaries(keys, st.one_of(plausible, small_json_values), max_size=8),
       fmt=formats)
def test_random_objects_that_claim_the_current_schema(tmp_path, body, fmt):
    body["schema_version"] = SCHEMA_VERSION
    _check_text(_dump(body, **fmt), tmp_path)


@fuzz(1500)
@given(text=mutated_documents())
@example(text=_dump({**_default_doc(), "title": Raw('"\\ud800"')}))
@example(text=_dump({**RICH_DOC, "notes": Raw("9" * 5000)}))
@example(text=_dump({**_default_doc(), "\r": ""}))  # a key must not break the message's line
@example(text=_dump({**RICH_DOC, "frameworks": {"fuzz-fw": {"targets": {"\u2028x": 2}}}}))
def test_mutated_scenarios_are_accepted_whole_or_refused_in_one_line(tmp_path, text):
    _check_text(text, tmp_path)


@fuzz(300)
@given(payload=st.binary(max_size=3000))
@example(payload=b"\xef\xbb\xbf")
@example(payload=b"\xef\xbb\xbf{}")
@example(payload=b"\x00" * 64)
def test_random_bytes_are_refused_in_one_line(tmp_path, payload):
    _check_bytes(payload, tmp_path)


@fuzz(300)
@given(text=st.text(max_size=500))
def test_random_text_is_refused_in_one_line(tmp_path, text):
    assert _check_text(text, tmp_path) is None


@fuzz(300)
@given(base=st.sampled_from(sorted(BASES)), data=st.data())
def test_a_file_cut_short_anywhere_is_refused(tmp_path, base, data):
    full = _valid_file_text(base).encode("utf-8")
    end = len(full.rstrip())  # cutting only trailing whitespace leaves a complete file
    cut = data.draw(st.integers(0, end - 1), label="cut")
    payload = full[:cut]
    assert _check_bytes(payload, tmp_path) is None, f"a file cut at byte {cut} was accepted"
    with _no_hang():
        parsed, refusal = _timed(parse_scenario, payload.decode("utf-8", "ignore"))
    assert parsed is None, f"text cut at byte {cut} was accepted"
    _assert_one_line_refusal(refusal, "<text>")


@fuzz(400)
@given(base=st.sampled_from(sorted(BASES)), data=st.data())
def test_a_file_with_damaged_bytes_is_accepted_whole_or_refused(tmp_path, base, data):
    payload = bytearray(_valid_file_text(base).encode("utf-8"))
    for _ in range(data.draw(st.integers(1, 8), label="damages")):
        at = data.draw(st.integers(0, len(payload) - 1), label="at")
        how = data.draw(st.sampled_from(["flip", "drop", "insert"]), label="how")
        if how == "flip":
            payload[at] = data.draw(st.integers(0, 255), label="byte")
        elif how == "drop":
            del payload[at:at + data.draw(st.integers(1, 40), label="length")]
        else:
            payload[at:at] = data.draw(st.binary(min_size=1, max_size=20), label="bytes")
        if not payload:
            break
    _check_bytes(bytes(payload), tmp_path)


# --------------------------------------------------------------------------------------------
# Valid scenarios with offerings, initiatives and definitions survive a round trip
# --------------------------------------------------------------------------------------------


def test_rich_scenario_round_trips_with_offerings_initiatives_and_definitions(tmp_path):
    path = tmp_path / "rich.json"
    path.write_text(json.dumps(RICH_DOC, ensure_ascii=False), encoding="utf-8")
    loaded, report = load_scenario(path)
    assert report.migrations == []
    assert [o.id for o in loaded.portfolio.offerings] == ["short-course", "micro-1"]
    assert [i.id for i in loaded.horizons.initiatives] == ["mooc", "lab"]
    assert loaded.horizons.initiatives[1].size == 1.0
    fw = loaded.definitions[0]
    assert fw.option("alpha").ratings["gain"].value == 1.5  # LOW/MED: midpoint of 1 and 2
    assert fw.option("beta").ratings["aim"].value == 1.0  # labels are case-insensitive
    assert loaded.frameworks["fuzz-fw"].rating_overrides == {"beta": {"pain": 7.0}}
    assert loaded.title == RICH_DOC["title"]

    save_scenario(path, loaded)
    again, _ = load_scenario(path)
    assert again == loaded
    assert path.read_text(encoding="utf-8") == scenario_json(loaded)  # saving again is stable
    save_scenario(path, again)
    assert path.read_text(encoding="utf-8") == scenario_json(loaded)


identifiers = st.from_regex(r"[a-z0-9][a-z0-9-]{0,20}", fullmatch=True)
names = st.text(min_size=1, max_size=200)
finite = {"allow_nan": False, "allow_infinity": False}


@st.composite
def splits(draw) -> dict:
    h1 = draw(st.floats(0, 100))
    h2 = draw(st.floats(0, 100 - h1))
    return {"h1": h1, "h2": h2, "h3": 100 - h1 - h2}


@st.composite
def valid_scenarios(draw) -> dict:
    n_crit = draw(st.integers(1, 6))
    crit_ids = draw(st.lists(identifiers, min_size=n_crit, max_size=n_crit, unique=True))
    criteria, settings_targets = [], {}
    for cid in crit_ids:
        lo = draw(st.floats(-1e6, 1e6))
        hi = draw(st.floats(lo, 1e6 + 1).filter(lambda h, lo=lo: h > lo))
        direction = draw(st.sampled_from(["benefit", "cost", "target"]))
        c = {"id": cid, "name": draw(names), "direction": direction, "scale": [lo, hi],
             "default_weight": draw(st.floats(0, 100))}
        if direction == "target":
            c["default_target"] = draw(st.floats(lo, hi))
            if draw(st.booleans()):
                settings_targets[cid] = draw(st.floats(lo, hi))
        criteria.append(c)
    option_ids = draw(st.lists(identifiers, min_size=1, max_size=6, unique=True))
    options = [{"id": oid, "name": draw(names), "description": draw(st.text(max_size=300)),
                "ratings": {c["id"]: draw(st.floats(*c["scale"])) for c in criteria},
                "attributes": draw(st.dictionaries(st.text(max_size=10),
                                                   st.floats(**finite) | st.text(max_size=200),
                                                   max_size=3))}
               for oid in option_ids]
    fid = draw(identifiers.filter(lambda i: i not in {"business-models", "credential-ecology",
                                                      "structures"}))
    offerings = [{"id": oid, "name": draw(names), "x": draw(st.floats(-1, 1)),
                  "y": draw(st.floats(-1, 1)),
                  "volume": draw(st.floats(0, 1e9, exclude_min=True))}
                 for oid in draw(st.lists(identifiers, max_size=8, unique=True))]
    initiatives = [{"id": iid, "name": draw(names), "time": draw(st.floats(0, 1)),
                    "horizon": draw(st.floats(1, 3)),
                    "size": draw(st.floats(0, 1e9, exclude_min=True))}
                   for iid in draw(st.lists(identifiers, max_size=8, unique=True))]
    return {
        "schema_version": SCHEMA_VERSION,
        "title": draw(st.text(max_size=200)),
        "notes": draw(st.text(max_size=1000)),
        "frameworks": {fid: {
            "weights": {c: draw(st.floats(0, 100)) for c in crit_ids if draw(st.booleans())},
            "targets": settings_targets,
            "rating_overrides": {oid: {c["id"]: draw(st.floats(*c["scale"]))}
                                 for oid in option_ids[:1] for c in criteria[:1]},
            "selected": draw(st.none() | st.lists(st.sampled_from(option_ids), max_size=3)),
        }},
        "portfolio": {"offerings": offerings, "lens": draw(st.sampled_from(["ecology", "holoniq"])),
                      "volume_unit": draw(st.sampled_from(["learners", "hours"]))},
        "horizons": {"initiatives": initiatives, "balance": draw(splits()),
                     "reference": draw(splits()),
                     "locked": draw(st.sampled_from([None, "h1", "h3"]))},
        "definitions": [{"id": fid, "title": draw(names), "criteria": criteria,
                         "options": options}],
    }


@fuzz(200)
@given(doc=valid_scenarios(), fmt=formats)
def test_generated_valid_scenarios_are_accepted_and_round_trip(tmp_path, doc, fmt):
    scenario = _check_text(_dump(doc, **fmt), tmp_path)
    assert scenario is not None, "a valid scenario was refused"
    assert len(scenario.portfolio.offerings) == len(doc["portfolio"]["offerings"])
    assert len(scenario.horizons.initiatives) == len(doc["horizons"]["initiatives"])
    assert scenario.definitions[0].id == doc["definitions"][0]["id"]

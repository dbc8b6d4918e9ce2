"""The room's verbs: ``participants add`` and ``compare``."""

from __future__ import annotations

import sys

from .parsing import print_json


def add(sub) -> None:
    people = sub.add_parser("participants", help="the people in a scenario's room")
    verbs = people.add_subparsers(dest="participants_command", metavar="add",
                                  parser_class=type(people))
    verbs.required = True
    add_ = verbs.add_parser(
        "add", help="import people's own scenario files into SCENARIO (their weights only)")
    add_.add_argument("scenario", metavar="SCENARIO")
    add_.add_argument("people", metavar="PERSON.json", nargs="+")
    add_.add_argument("--name", help="the person's name (one PERSON file only; default: the "
                                     "file's name without .json)")
    add_.set_defaults(run=_participants_add)
    compare = sub.add_parser(
        "compare", help="compare two states: A and B are FILE or FILE#snapshot-name")
    compare.add_argument("a", metavar="A")
    compare.add_argument("b", metavar="B")
    compare.add_argument("--json", action="store_true", help="machine-readable output")
    compare.set_defaults(run=_compare)


def _participants_add(args) -> int:
    from ..core.room.people_import import add_participants_to_file

    result = add_participants_to_file(args.scenario, args.people, args.name)
    print(result.summary(args.scenario))
    return 0


def _compare(args) -> int:
    from ..core.room.compare import compare_sides, compare_text, load_side

    a, b = load_side(args.a), load_side(args.b)
    result = compare_sides(a, b)
    if args.json:
        print_json(result, "compare --json")
    else:
        sys.stdout.write(compare_text(result, a.frameworks))
    return 0

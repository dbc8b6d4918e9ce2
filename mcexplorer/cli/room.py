"""The room's verbs: ``participants add``, ``compare`` and ``room serve``."""

from __future__ import annotations

import json
import sys


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
    room = sub.add_parser("room", help="the room joining from their phones")
    room_verbs = room.add_subparsers(dest="room_command", metavar="serve",
                                     parser_class=type(room))
    room_verbs.required = True
    serve = room_verbs.add_parser(
        "serve", help="open FILE's room to phones: prints the join URL, saves each "
                      "submission into FILE; Ctrl+C (or SIGTERM) closes it")
    serve.add_argument("file", metavar="FILE")
    serve.add_argument("--host", default="127.0.0.1",
                       help="the address of this computer to listen on (default 127.0.0.1, "
                            "this computer only; phones need the laptop's network address)")
    serve.add_argument("--port", type=int, default=8765, help="the port (default 8765; 0 "
                                                              "picks a free one)")
    serve.add_argument("--frameworks", default="",
                       help="the frameworks to weigh, as ID,ID (default: all with criteria)")
    serve.set_defaults(run=_serve)


def _participants_add(args) -> int:
    from ..core.errors import shown_lines
    from ..core.room.people_import import add_participants_to_file

    result = add_participants_to_file(args.scenario, args.people, args.name)
    print(shown_lines(result.summary(args.scenario)))  # a name from a file name
    return 0


def _compare(args) -> int:
    from ..core.errors import shown_lines
    from ..core.room.compare import compare_sides, compare_text, load_side

    a, b = load_side(args.a), load_side(args.b)
    result = compare_sides(a, b)
    if args.json:
        json.dump(result, sys.stdout, indent=2)
        sys.stdout.write("\n")
    else:
        sys.stdout.write(shown_lines(compare_text(result, a.frameworks)))
    return 0


def _serve(args) -> int:
    from ..core.room.phones import room_spec
    from ..server.app import RoomServer
    from ..server.headless import FileRoom
    from ..server.running import check_host, check_port, serve_until_signal

    host, port = check_host(args.host), check_port(args.port)
    room = FileRoom(args.file)
    chosen = [f.strip() for f in args.frameworks.split(",") if f.strip()]
    spec = room_spec(room.document.frameworks, chosen, room.document.scenario.title)
    server = RoomServer(spec, room.apply)

    def ready(url: str) -> None:
        print(url, flush=True)
        print("mcexplorer: the room is open; each submission is saved into the file. "
              "Ctrl+C closes it.", file=sys.stderr, flush=True)
        if host.startswith("127."):
            print("mcexplorer: phones cannot reach 127.0.0.1: for them, run it with --host "
                  "and the laptop's address on their network", file=sys.stderr, flush=True)

    return serve_until_signal(server, host, port, ready)

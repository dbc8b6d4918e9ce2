"""Verbs on scenario files: ``new``, ``validate``, ``schema``."""

from __future__ import annotations

from ..core.errors import ScenarioError, shown, shown_path
from .parsing import exists, path_argument, print_json


def add(sub) -> None:
    new = sub.add_parser("new", help="write the built-in default scenario to FILE")
    new.add_argument("file")
    new.add_argument("--force", action="store_true", help="overwrite FILE if it exists")
    new.set_defaults(run=_new)
    validate = sub.add_parser("validate", help="check a scenario file, a framework file or a "
                                               "framework CSV")
    validate.add_argument("file")
    validate.set_defaults(run=_validate)
    schema = sub.add_parser("schema", help="print the JSON Schema of scenario files (or, with "
                                           "--framework, of framework files)")
    schema.add_argument("--framework", action="store_true",
                        help="the schema of framework files instead")
    schema.set_defaults(run=_schema)


def _new(args) -> int:
    from ..core.io import save_scenario
    from ..core.resources import default_scenario

    path = path_argument(args.file)
    if exists(path) and not args.force:
        raise ScenarioError("already exists (add --force to overwrite)", file=str(path))
    if path.parent and not exists(path.parent, folder=True):
        raise ScenarioError("folder does not exist", file=str(path.parent))
    save_scenario(path, default_scenario())  # a symbolic link stays a link; read-only refused
    print(f"wrote {shown_path(path)}")
    return 0


def _validate(args) -> int:
    from ..core.frameworks import validate_any

    # A scenario keeps its wording; a framework says so. Paths and names print escaped.
    print(shown(validate_any(args.file)))
    return 0


def _schema(args) -> int:
    from ..core.frameworks import framework_schema
    from ..core.models import Scenario

    schema = framework_schema() if args.framework else Scenario.model_json_schema()
    print_json(schema, "schema")
    return 0

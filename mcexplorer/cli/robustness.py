"""``sensitivity``, and the robustness options and keys ``score`` adds (issue 14).

``mcexplorer sensitivity FILE --framework FW --criterion C [--json]`` prints every option's fit
as the weight of C goes 0, 1, ... 100 (the other weights as in the file, or as overridden with
``--weight``), and the weights where two fits cross and where first place changes.

``score`` gains ``--draws N --seed S --jitter PCT --no-preferences --fixed-ratings`` and, per
framework, the keys ``stability``, ``acceptability`` and ``verdict`` (How sure's record adds
them: core.robustness.extension).
"""

from __future__ import annotations

from .parsing import (
    add_overrides,
    add_weighting,
    apply_overrides,
    percentage,
    print_json,
    weighting_of,
    whole_number,
)


def add(sub) -> None:
    p = sub.add_parser("sensitivity",
                       help="fit of every option as one weight goes from 0 to 100, and where "
                            "first place changes")
    p.add_argument("file")
    p.add_argument("--framework", required=True, metavar="FW", help="framework id")
    p.add_argument("--criterion", required=True, metavar="C", help="criterion id (its weight "
                   "is swept; the others stay as they are)")
    p.add_argument("--json", action="store_true", help="machine-readable output")
    add_overrides(p)
    add_weighting(p)
    p.set_defaults(run=_sensitivity)


def _sensitivity(args) -> int:
    from ..core.document import Document
    from ..core.errors import shown_lines
    from ..core.robustness import format_sensitivity
    from ..core.robustness.in_view import sensitivity_of
    from ..core.validation import load_scenario
    from ..core.weighting import describe

    scenario, _ = load_scenario(args.file)
    doc = Document(scenario)
    apply_overrides(doc, args)
    weighting = weighting_of(doc, args)
    fw = doc.framework(args.framework)
    report = sensitivity_of(doc, fw.id, args.criterion, weighting)
    report["weighting"] = describe(doc, weighting)
    if args.json:
        print_json(report, "sensitivity --json")
    else:
        print(shown_lines(format_sensitivity(report)))  # option names from a file
        print(shown_lines(f"(all under {report['weighting']})"))  # a participant's name
    return 0


# -- what ``score`` adds ------------------------------------------------------------------------


def add_draw_options(parser) -> None:
    from ..core.robustness.acceptability import MAX_DRAWS, MAX_JITTER

    parser.add_argument("--draws", type=whole_number(1, MAX_DRAWS), default=10_000,
                        metavar="N", help="draws made for the rank acceptability "
                                          "(default 10000)")
    parser.add_argument("--seed", type=whole_number(0), default=0, metavar="S",
                        help="seed of the draws: the same seed gives the same result (default 0)")
    parser.add_argument("--jitter", type=percentage(MAX_JITTER), default=20.0, metavar="PCT",
                        help="each weight is drawn within +/- PCT%% of its value (default 20)")
    parser.add_argument("--no-preferences", action="store_true",
                        help="draw any weighting at all, uniformly (ignores --jitter)")
    parser.add_argument("--fixed-ratings", action="store_true",
                        help="keep ratings given as a range (such as LOW/MED) at their "
                             "midpoint instead of drawing them inside the range")


def draw_options(args) -> dict:
    return {"draws": args.draws, "seed": args.seed, "jitter": args.jitter,
            "uniform": args.no_preferences, "rating_ranges": not args.fixed_ratings}

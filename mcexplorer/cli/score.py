"""``score``: every framework's ranking, with its extensions' and robustness additions."""

from __future__ import annotations

from ..core.errors import shown
from .parsing import add_overrides, add_weighting, apply_overrides, print_json, weighting_of
from .robustness import add_draw_options, draw_options


def add(sub) -> None:
    score = sub.add_parser("score", help="print the ranking of every framework and how sure "
                                         "it is")
    score.add_argument("file")
    score.add_argument("--json", action="store_true", help="machine-readable output")
    add_overrides(score)
    add_draw_options(score)
    add_weighting(score)
    score.set_defaults(run=_score)


def _score(args) -> int:
    from ..core.document import Document
    from ..core.validation import load_scenario

    scenario, _ = load_scenario(args.file)
    doc = Document(scenario)
    apply_overrides(doc, args)
    report = score_report(doc, weighting_of(doc, args), **draw_options(args))
    if args.json:
        print_json(report, "score --json")
    else:
        _print_report(report)
    return 0


def score_report(doc, weighting=None, **draws) -> dict:
    """The ``score --json`` document (a stable contract; see README), every number under
    ``weighting`` (core.weighting; default the scenario's own), named in ``"weighting"``.

    ``draws`` (draws, seed, jitter, uniform, rating_ranges) set the rank acceptability."""
    from ..core.extensions import registered
    from ..core.weighting import SCENARIO, applied, describe, resolve, settle

    weighting = settle(doc, SCENARIO if weighting is None else weighting)
    whose = describe(doc, weighting)
    extensions = registered()
    ranked = [e.ranked_report for e in extensions.values() if e.ranked_report is not None]
    frameworks = []
    for fid, fw in doc.frameworks.items():
        ranking = resolve(doc, fid, weighting).ranking
        entry = {
            "id": fid,
            "title": fw.title,
            "method": fw.method,
            "weights": dict(ranking.weights),
            "targets": dict(ranking.targets),
            "criteria": [{"id": c.id, "name": c.name, "direction": c.direction,
                          "scale": list(c.scale)} for c in fw.criteria],
            "ranking": [{"option": r.option, "name": r.name, "fit": r.fit, "rank": r.rank,
                         "ratings": dict(r.ratings)} for r in ranking.results],
        }
        ext = extensions.get(fw.extension) if fw.extension else None
        if ext is not None and ext.report is not None:
            entry.update(ext.report(applied(doc, weighting), fid))
        if fw.criteria:  # a register ranks nothing: no group weighting, nothing to be sure of
            for add_keys in ranked:  # the room's "group", How sure's stability and verdict
                entry.update(add_keys(doc, fid, weighting, draws))
        frameworks.append(entry)
    return {"weighting": weighting.as_text(), "weighting_text": whose,
            "frameworks": frameworks}


def _print_report(report: dict) -> None:
    print(f"Under {shown(report['weighting_text'])}.")
    print()
    for fw in report["frameworks"]:
        print(f"{shown(fw['title'])} ({fw['id']})")
        if fw["weights"]:
            print("  weights: " + ", ".join(f"{k}={v:g}" for k, v in fw["weights"].items()))
        if fw["targets"]:
            print("  targets: " + ", ".join(f"{k}={v:g}" for k, v in fw["targets"].items()))
        if not fw["criteria"]:
            print(f"  a {fw['method']}: it ranks nothing (see --json for its entry)")
        elif all(r["fit"] is None for r in fw["ranking"]):
            print("  no fit: set at least one weight")
        else:
            names = [shown(r["name"]) for r in fw["ranking"]]  # from the file: no control codes
            width = max(map(len, names))
            for r, name in zip(fw["ranking"], names):
                rank = f"={r['rank']}" if sum(x["rank"] == r["rank"] for x in fw["ranking"]) > 1 \
                    else str(r["rank"])
                print(f"  {rank:>3}  {name:<{width}}  {r['fit']:6.1f}%")
        if "verdict" in fw:
            print(f"  how sure: {shown(fw['verdict'])}")
            a = fw["acceptability"]
            how = "no preferences" if a["jitter"] is None else \
                "weights as set" if a["jitter"] == 0 else f"weights \u00b1{a['jitter']:g}%"
            ratings = "ranged ratings drawn" if a["rating_ranges"] else "ratings fixed"
            print(f"  ({a['draws']:,} draws, {how}, seed {a['seed']}, {ratings})")
        print()

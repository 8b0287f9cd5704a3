"""`make bench`: every benchmark, one after the other, figures as JSON on stdout and in bench-results.json.

Each figure is measured within one run (ratios compare numbers taken in the same process run).
Needs ../shared (the xwlb corpus); exits with a message when it is absent.
"""
from __future__ import annotations

import json
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))


def main() -> int:
    import bench_nlp
    import bench_scale
    import bench_store

    if not bench_nlp.CORPUS.exists():
        print(f"bench: corpus not found at {bench_nlp.CORPUS} (../shared is absent); nothing measured")
        return 0
    results: dict = {"date": time.strftime("%Y-%m-%d %H:%M:%S")}
    steps = [("nlp", lambda: bench_nlp.run()), ("store", lambda: bench_store.run()),
             ("scale", lambda: bench_scale.run())]
    if "--with-api" in sys.argv:
        import bench_api

        steps.append(("api", lambda: bench_api.run()))
    for name, fn in steps:
        print(f"bench: {name} …", file=sys.stderr, flush=True)
        results[name] = fn()
        print(json.dumps({name: results[name]}, ensure_ascii=False, indent=1), flush=True)
    (HERE.parent / "bench-results.json").write_text(json.dumps(results, ensure_ascii=False, indent=1) + "\n",
                                                   encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())

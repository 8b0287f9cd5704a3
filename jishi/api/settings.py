"""Defaults of ``jishi serve``, declared once (the CLI, the app and the docs read them here)."""
from __future__ import annotations

DEFAULT_HOST = "127.0.0.1"  # loopback: the server is for this machine unless told otherwise
DEFAULT_PORT = 8765
CACHE_SIZE = 1024  # answers kept in memory per server (0: no cache); the database is read-only while served
KEEP_ALIVE_S = 30  # idle keep-alive connections close after this; uvicorn's 5 s raced with busy clients
MAX_LIMIT = 1000  # largest page of /api/events, /api/actors, /api/network

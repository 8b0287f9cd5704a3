"""The REST API over a jishi database (FastAPI), served with the web page by ``jishi serve``.

    from jishi.api import create_app
    app = create_app("jishi.duckdb")      # then: uvicorn.run(app) or httpx.ASGITransport(app)

Names are imported lazily so that ``jishi`` commands other than ``serve`` do not load FastAPI.
"""
from __future__ import annotations

from typing import Any

__all__ = ["create_app", "Chronicle", "EventFilters"]


def __getattr__(name: str) -> Any:
    if name == "create_app":
        from jishi.api.app import create_app

        return create_app
    if name in ("Chronicle", "EventFilters"):
        from jishi.api import data

        return getattr(data, name)
    raise AttributeError(f"module 'jishi.api' has no attribute {name!r}")

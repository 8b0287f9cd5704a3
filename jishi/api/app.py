"""The FastAPI app: the REST API over a jishi database and the web page that reads it.

    /                         the page (jishi/web/static/index.html)
    /static/...               its scripts, styles and vendored assets (no CDN)
    /docs, /openapi.json      OpenAPI docs, Swagger UI served from /static/vendor
    /api/events               filtered, paginated cross-article events
    /api/events/{id}          one event: evidence spans, attribution, every mention
    /api/actors               actors; /api/actors/{id} one actor; /api/actors/{id}/timeline its events by date
    /api/network              actor-actor edges (count, mean Goldstein)
    /api/days                 events per day and quad class (the page's timeline)
    /api/places               event locations with counts (the page's map)
    /api/articles/{id}        cleaned text with actor, place, time, event and quote spans
    /api/stats                database counts

Every answer is JSON with ``ok``; errors use the envelope of :mod:`jishi.api.envelope`. Handlers are
plain ``def`` functions: Starlette runs them in its thread pool and each thread has its own read-only
DuckDB connection (:class:`jishi.api.data.Chronicle`).
"""
from __future__ import annotations

import datetime as dt
import logging
from pathlib import Path
from typing import Annotated, Any

from fastapi import APIRouter, Depends, FastAPI, Query
from fastapi import Path as PathParam
from fastapi.exceptions import RequestValidationError
from fastapi.responses import FileResponse, HTMLResponse, Response
from fastapi.staticfiles import StaticFiles

from jishi.api.data import Chronicle, EventFilters, load_event_types
from jishi.api.envelope import ERROR_RESPONSES, SecurityHeadersMiddleware, error_response, install_error_handlers
from jishi.api.settings import CACHE_SIZE, MAX_LIMIT
from jishi.web import STATIC_DIR

log = logging.getLogger(__name__)

MAX_OFFSET = 1_000_000
_TEXT = 200  # longest free-text filter accepted

DOCS_HTML = """<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>jishi API</title>
<link rel="stylesheet" href="/static/vendor/swagger-ui.css">
</head>
<body>
<div id="swagger-ui"></div>
<script src="/static/vendor/swagger-ui-bundle.js"></script>
<script src="/static/swagger-init.js"></script>
</body>
</html>
"""


def _bad_param(name: str, msg: str, value: Any) -> RequestValidationError:
    return RequestValidationError([{"loc": ("query", name), "msg": msg, "type": "value_error", "input": value}])


async def event_filters(  # noqa: PLR0913 - one argument per query parameter; async: no thread hop
    actor: Annotated[str | None, Query(max_length=_TEXT, description="actor id (state:RUS) or name (普京)")] = None,
    country: Annotated[str | None, Query(pattern=r"^[A-Za-z]{2,5}$", description=(
        "ISO 3166-1 alpha-3 (or EUR, NATO, UN ...) of a source or target actor"))] = None,
    type: Annotated[str | None, Query(pattern=r"^[A-Za-z]{2,20}$",
                                      description="PLOVER event type, e.g. CONSULT")] = None,
    since: Annotated[dt.date | None, Query(description="events on or after this day (YYYY-MM-DD)")] = None,
    until: Annotated[dt.date | None, Query(description="events on or before this day (YYYY-MM-DD)")] = None,
    text: Annotated[str | None, Query(max_length=_TEXT, description="substring of the evidence sentence")] = None,
) -> EventFilters:
    """The ``jishi events`` filters as a FastAPI dependency; 422 on a bad value."""
    event_types = load_event_types()
    if type is not None and type.upper() not in event_types:
        raise _bad_param("type", f"unknown event type; one of {', '.join(sorted(event_types))}", type)
    if since and until and since > until:
        raise _bad_param("until", "until is before since", str(until))
    return EventFilters(
        actor=(actor or "").strip() or None,
        country=country.upper() if country else None,
        type=type.upper() if type else None,
        since=since,
        until=until,
        text=(text or "").strip() or None,
    )


Filters = Annotated[EventFilters, Depends(event_filters)]
Limit = Annotated[int, Query(ge=1, le=MAX_LIMIT, description="page size")]
Offset = Annotated[int, Query(ge=0, le=MAX_OFFSET, description="rows to skip")]
Id = Annotated[str, PathParam(min_length=1, max_length=_TEXT)]


def create_app(db: str | Path | Chronicle, *, cache_size: int = CACHE_SIZE) -> FastAPI:
    """Build the app over one database.

    Args:
        db: path of a jishi DuckDB file (opened read-only, one connection per worker thread),
            or a ready :class:`Chronicle`.
        cache_size: answers kept in memory when ``db`` is a path (0: no cache).

    Returns:
        The FastAPI application (serve it with uvicorn, or test it through httpx's ASGI transport).

    Raises:
        StoreError: the database is missing or not a jishi database.
    """
    chronicle = db if isinstance(db, Chronicle) else Chronicle(db, cache_size=cache_size)
    chronicle.check()

    app = FastAPI(
        title="jishi API",
        summary="纪事: political events read from Chinese news, each traceable to its sentence.",
        version="1",
        docs_url=None,
        redoc_url=None,
    )
    app.state.chronicle = chronicle
    install_error_handlers(app)
    app.add_middleware(SecurityHeadersMiddleware)
    api = APIRouter(responses=ERROR_RESPONSES)

    def _not_found(kind: str, ident: str) -> Response:
        return error_response(404, f"{kind} {ident!r} not found")

    @api.get("/api/events", tags=["events"], summary="Events matching the filters, newest first")
    def list_events(filters: Filters, limit: Limit = 50, offset: Offset = 0) -> dict[str, Any]:
        total, events = chronicle.events(filters, limit=limit, offset=offset)
        return {"ok": True, "total": total, "limit": limit, "offset": offset, "events": events}

    @api.get("/api/events/{event_id}", tags=["events"],
             summary="One event with its evidence spans, attributions and every mention")
    def get_event(event_id: Id) -> Any:
        event = chronicle.event(event_id)
        if event is None:
            return _not_found("event", event_id)
        return {"ok": True, "event": event}

    @api.get("/api/actors", tags=["actors"], summary="Actors, most active first")
    def list_actors(
        q: Annotated[str | None, Query(max_length=_TEXT, description="part of the id, Chinese or English name")] = None,
        country: Annotated[str | None, Query(pattern=r"^[A-Za-z]{2,5}$")] = None,
        kind: Annotated[str | None, Query(pattern=r"^(person|organization|state|group|location)$")] = None,
        limit: Limit = 100,
        offset: Offset = 0,
    ) -> dict[str, Any]:
        total, actors = chronicle.actors(q=q, country=country.upper() if country else None, kind=kind,
                                         limit=limit, offset=offset)
        return {"ok": True, "total": total, "limit": limit, "offset": offset, "actors": actors}

    @api.get("/api/actors/{actor_id}", tags=["actors"], summary="One actor")
    def get_actor(actor_id: Id) -> Any:
        actor = chronicle.actor(actor_id)
        if actor is None:
            return _not_found("actor", actor_id)
        return {"ok": True, "actor": actor}

    @api.get("/api/actors/{actor_id}/timeline", tags=["actors"],
             summary="The events an actor is source or target of, by date")
    def actor_timeline(actor_id: Id, limit: Limit = 500, offset: Offset = 0) -> Any:
        actor = chronicle.actor(actor_id)
        if actor is None:
            return _not_found("actor", actor_id)
        total, events = chronicle.timeline(actor["id"], limit=limit, offset=offset)
        return {"ok": True, "actor": actor, "total": total, "limit": limit, "offset": offset, "events": events}

    @api.get("/api/network", tags=["aggregates"],
             summary="Actor-actor edges (source to target) with event counts and mean Goldstein")
    def network(filters: Filters,
                limit: Annotated[int, Query(ge=1, le=MAX_LIMIT, description="most frequent edges kept")] = 150,
                ) -> dict[str, Any]:
        nodes, edges = chronicle.network(filters, limit=limit)
        return {"ok": True, "nodes": nodes, "edges": edges}

    @api.get("/api/days", tags=["aggregates"], summary="Events per day and PLOVER quad class")
    def days(filters: Filters) -> dict[str, Any]:
        return {"ok": True, "days": chronicle.days(filters)}

    @api.get("/api/places", tags=["aggregates"], summary="Event locations with counts")
    def places(filters: Filters) -> dict[str, Any]:
        return {"ok": True, "places": chronicle.places(filters)}

    @api.get("/api/articles/{article_id}", tags=["articles"],
             summary="Cleaned article text with actor, place, time, event and quote spans")
    def get_article(article_id: Id) -> Any:
        article = chronicle.article(article_id)
        if article is None:
            return _not_found("article", article_id)
        return {"ok": True, "article": article}

    @api.get("/api/stats", tags=["aggregates"], summary="Counts over the database")
    def stats() -> dict[str, Any]:
        return {"ok": True, "stats": chronicle.stats()}

    app.include_router(api)

    @app.get("/", include_in_schema=False)
    def index() -> FileResponse:
        return FileResponse(STATIC_DIR / "index.html", media_type="text/html; charset=utf-8")

    @app.get("/docs", include_in_schema=False)
    def docs() -> HTMLResponse:
        return HTMLResponse(DOCS_HTML)

    @app.get("/favicon.ico", include_in_schema=False)
    def favicon() -> Response:
        return Response(status_code=204)

    app.mount("/static", StaticFiles(directory=STATIC_DIR), name="static")
    return app

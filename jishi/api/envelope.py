"""One JSON envelope for every error, and the security headers every answer carries.

Errors (datasette style)::

    {"ok": false, "error": "event 'x' not found", "errors": [], "status": 404}

Validation failures (422) list one entry per bad parameter in ``errors``:
``{"loc": ["query", "limit"], "msg": "...", "type": "..."}``.
"""
from __future__ import annotations

import json
import logging
from collections.abc import Awaitable, Callable, MutableMapping
from typing import Any, Literal

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from pydantic import BaseModel, Field
from starlette.exceptions import HTTPException as StarletteHTTPException

from jishi.errors import JishiError, StoreError

log = logging.getLogger(__name__)

Scope = MutableMapping[str, Any]
Message = MutableMapping[str, Any]
ASGIApp = Callable[[Scope, Callable[[], Awaitable[Message]], Callable[[Message], Awaitable[None]]], Awaitable[None]]

# The page and the API: scripts, styles, images, fonts and fetches from this origin only.
CSP_PAGE = (
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; font-src 'self'; "
    "connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'"
)
# /docs: Swagger UI sets style attributes in its markup, so styles may be inline there; scripts may not.
CSP_DOCS = (
    "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; "
    "font-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; "
    "frame-ancestors 'none'"
)
SECURITY_HEADERS: dict[str, str] = {
    "x-content-type-options": "nosniff",
    "referrer-policy": "no-referrer",
    "x-frame-options": "DENY",
    "cross-origin-opener-policy": "same-origin",
    "cross-origin-resource-policy": "same-origin",
    "permissions-policy": "geolocation=(), camera=(), microphone=()",
}
_OWN_HEADERS = frozenset(SECURITY_HEADERS) | {"content-security-policy"}


class ErrorEnvelope(BaseModel):
    """What every error answers (for the OpenAPI docs)."""

    ok: Literal[False] = False
    error: str = Field(description="one-line message")
    errors: list[dict[str, Any]] = Field(default_factory=list,
                                         description="details: for 422, one {loc, msg, type} per bad parameter")
    status: int = Field(description="the HTTP status, repeated")


ERROR_RESPONSES: dict[int | str, dict[str, Any]] = {
    404: {"model": ErrorEnvelope, "description": "No such event, actor or article"},
    422: {"model": ErrorEnvelope, "description": "A query parameter is invalid"},
    503: {"model": ErrorEnvelope, "description": "The database cannot be read"},
}


def error_body(status: int, error: str, errors: list[Any] | None = None) -> dict[str, Any]:
    """Build the error envelope.

    Args:
        status: HTTP status code.
        error: one-line message for people.
        errors: details (e.g. one entry per invalid parameter).

    Returns:
        ``{"ok": False, "error": error, "errors": errors or [], "status": status}``.
    """
    return {"ok": False, "error": error, "errors": list(errors or []), "status": status}


def error_response(status: int, error: str, errors: list[Any] | None = None) -> JSONResponse:
    """Return the error envelope as a JSON response with ``status``."""
    return JSONResponse(error_body(status, error, errors), status_code=status)


def _validation_errors(exc: RequestValidationError) -> list[dict[str, Any]]:
    out = []
    for err in exc.errors():
        out.append({
            "loc": [str(part) for part in err.get("loc", ())],
            "msg": str(err.get("msg", "")),
            "type": str(err.get("type", "")),
        })
    return out


async def _on_validation(request: Request, exc: RequestValidationError) -> JSONResponse:
    errors = _validation_errors(exc)
    names = ", ".join(e["loc"][-1] for e in errors if e["loc"]) or "request"
    return error_response(422, f"invalid parameter: {names}", errors)


async def _on_http(request: Request, exc: StarletteHTTPException) -> JSONResponse:
    detail = exc.detail if isinstance(exc.detail, str) else json.dumps(exc.detail, ensure_ascii=False)
    response = error_response(exc.status_code, detail)
    for key, value in (exc.headers or {}).items():
        response.headers[key] = value
    return response


async def _on_store(request: Request, exc: StoreError) -> JSONResponse:
    log.error("store error on %s: %s", request.url.path, exc)
    return error_response(503, str(exc))


async def _on_jishi(request: Request, exc: JishiError) -> JSONResponse:
    log.error("error on %s: %s", request.url.path, exc)
    return error_response(500, str(exc))


def install_error_handlers(app: FastAPI) -> None:
    """Make every error answer the envelope (404, 405, 422, store errors)."""
    app.add_exception_handler(RequestValidationError, _on_validation)  # type: ignore[arg-type]
    app.add_exception_handler(StarletteHTTPException, _on_http)  # type: ignore[arg-type]
    app.add_exception_handler(StoreError, _on_store)  # type: ignore[arg-type]
    app.add_exception_handler(JishiError, _on_jishi)  # type: ignore[arg-type]


class SecurityHeadersMiddleware:
    """Pure ASGI middleware: add the security headers and turn crashes into a 500 envelope.

    It sits inside Starlette's error middleware, so it also catches what no handler took and
    answers the envelope (with the headers) instead of a bare text 500.
    """

    def __init__(self, app: ASGIApp, *, docs_paths: tuple[str, ...] = ("/docs",)) -> None:
        self.app = app
        self.docs_paths = docs_paths

    async def __call__(self, scope: Scope, receive: Callable[[], Awaitable[Message]],
                       send: Callable[[Message], Awaitable[None]]) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        path = scope.get("path", "")
        csp = CSP_DOCS if any(path.startswith(p) for p in self.docs_paths) else CSP_PAGE
        started = False

        async def send_with_headers(message: Message) -> None:
            nonlocal started
            if message["type"] == "http.response.start":
                started = True
                headers = [(k, v) for k, v in message.get("headers", [])
                           if k.decode("latin-1").lower() not in _OWN_HEADERS]
                headers.append((b"content-security-policy", csp.encode("latin-1")))
                headers.extend((k.encode("latin-1"), v.encode("latin-1")) for k, v in SECURITY_HEADERS.items())
                message["headers"] = headers
            await send(message)

        try:
            await self.app(scope, receive, send_with_headers)
        except Exception:
            log.exception("unhandled error on %s", path)
            if started:
                raise
            response = error_response(500, "internal server error")
            await response(scope, receive, send_with_headers)

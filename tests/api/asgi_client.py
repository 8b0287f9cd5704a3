"""A synchronous test client over httpx.ASGITransport: the app runs in-process, no socket."""
from __future__ import annotations

import asyncio
from typing import Any

import httpx


class ASGIClient:
    """A synchronous client over httpx.ASGITransport: each request runs the app in-process."""

    def __init__(self, app: Any) -> None:
        self.app = app

    def request(self, method: str, url: str, **kwargs: Any) -> httpx.Response:
        async def send() -> httpx.Response:
            transport = httpx.ASGITransport(app=self.app, raise_app_exceptions=False)
            async with httpx.AsyncClient(transport=transport, base_url="http://testserver") as client:
                return await client.request(method, url, **kwargs)

        return asyncio.run(send())

    def get(self, url: str, **kwargs: Any) -> httpx.Response:
        return self.request("GET", url, **kwargs)

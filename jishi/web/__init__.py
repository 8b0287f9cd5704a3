"""The web page served by ``jishi serve`` (see jishi.api.app): static files only.

``static/`` holds index.html, app.js, i18n.js, style.css and ``vendor/`` (d3, topojson-client,
world-atlas TopoJSON, Swagger UI; see static/vendor/README.md). The page reads the same JSON the API serves.
"""
from __future__ import annotations

from pathlib import Path

STATIC_DIR = Path(__file__).resolve().parent / "static"

__all__ = ["STATIC_DIR"]

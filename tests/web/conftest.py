"""Fixtures for the end-to-end page tests: the app served by uvicorn on loopback over the API test
database, and Debian's headless Chromium driven by selenium through /usr/bin/chromedriver."""
from __future__ import annotations

import importlib.util
import shutil
import socket
import sys
import tempfile
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

ROOT = Path(__file__).resolve().parents[2]
OUTPUT = ROOT / "test-output" / "web"
CHROMEDRIVER = Path("/usr/bin/chromedriver")
CHROMIUM_FLAGS = ("--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                  "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-dev-shm-usage",
                  "--window-size=1400,1800")


def _records_module() -> Any:
    """tests/api/chronicle_records.py, shared with the API tests."""
    if "chronicle_records" in sys.modules:
        return sys.modules["chronicle_records"]
    spec = importlib.util.spec_from_file_location("chronicle_records", ROOT / "tests" / "api" / "chronicle_records.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules["chronicle_records"] = module
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="session")
def records_module() -> Any:
    return _records_module()


@pytest.fixture(scope="session")
def web_db(tmp_path_factory: pytest.TempPathFactory, records_module: Any) -> Path:
    return records_module.write_test_db(tmp_path_factory.mktemp("web-db") / "chronicle.duckdb")


def _free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="session")
def server(web_db: Path) -> Iterator[str]:
    """The page and API on http://127.0.0.1:PORT (uvicorn in a thread of this process)."""
    import uvicorn

    from jishi.api.app import create_app

    app = create_app(web_db)
    port = _free_port()
    srv = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=port, log_level="warning"))
    thread = threading.Thread(target=srv.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 20
    while not srv.started:
        if time.monotonic() > deadline or not thread.is_alive():
            pytest.fail("uvicorn did not start")
        time.sleep(0.05)
    yield f"http://127.0.0.1:{port}"
    srv.should_exit = True
    thread.join(timeout=10)
    app.state.chronicle.close()


def _chromium() -> str | None:
    for name in ("chromium", "chromium-browser"):
        found = shutil.which(name)
        if found:
            return found
    return None


@pytest.fixture(scope="session")
def browser() -> Iterator[Any]:
    """Headless Chromium with a fresh profile; skipped when Debian's chromium is not installed."""
    chromium = _chromium()
    if chromium is None or not CHROMEDRIVER.exists():
        pytest.skip("Debian chromium + chromium-driver not installed (run scripts/install-browser.sh)")
    try:
        from selenium import webdriver
        from selenium.webdriver.chrome.service import Service
    except ImportError:
        pytest.skip("selenium is not installed in this environment (pip install selenium)")
    profile = tempfile.mkdtemp(prefix="jishi-chromium-")
    options = webdriver.ChromeOptions()
    options.binary_location = chromium
    for flag in CHROMIUM_FLAGS:
        options.add_argument(flag)
    options.add_argument(f"--user-data-dir={profile}")
    options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    driver = webdriver.Chrome(service=Service(executable_path=str(CHROMEDRIVER)), options=options)
    driver.set_page_load_timeout(30)
    try:
        yield driver
    finally:
        driver.quit()
        shutil.rmtree(profile, ignore_errors=True)


@pytest.fixture(scope="session")
def output_dir() -> Path:
    OUTPUT.mkdir(parents=True, exist_ok=True)
    return OUTPUT

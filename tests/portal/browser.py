"""A real browser on the portal: the portal served by uvicorn on a free port, Debian's chromium.

CI installs chromium and chromium-driver (.ci/run); without them these tests
are skipped with the reason, except where BP_TILL_REQUIRE_BROWSER=1 (CI)
makes that a failure.
"""

from __future__ import annotations

import os
import shutil
import socket
import threading
import time
from contextlib import contextmanager

import pytest
import uvicorn

CHROMIUM = os.environ.get("BP_TILL_CHROMIUM", "/usr/bin/chromium")
CHROMEDRIVER = os.environ.get("BP_TILL_CHROMEDRIVER", "/usr/bin/chromedriver")
PHONE = (390, 844)  # the portal is phone first


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@contextmanager
def serving(app):
    """The app on http://127.0.0.1:PORT until the block ends; yields the base URL."""
    port = _free_port()
    server = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=port, log_level="warning",
                                           lifespan="off"))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 20
    while not server.started:
        if time.monotonic() > deadline or not thread.is_alive():
            raise RuntimeError("the portal did not start")
        time.sleep(0.02)
    try:
        yield f"http://127.0.0.1:{port}"
    finally:
        server.should_exit = True
        thread.join(10)


def chrome(width: int = PHONE[0], height: int = PHONE[1]):
    """Headless chromium with a fresh profile; skipped (or failed in CI) when not installed."""
    if not (shutil.which(CHROMIUM) and shutil.which(CHROMEDRIVER)):
        reason = f"no {CHROMIUM} and {CHROMEDRIVER} (Debian's chromium, chromium-driver)"
        if os.environ.get("BP_TILL_REQUIRE_BROWSER") == "1":
            pytest.fail(reason + " (BP_TILL_REQUIRE_BROWSER=1: CI requires them)")
        pytest.skip(reason)
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    options = webdriver.ChromeOptions()
    options.binary_location = CHROMIUM
    # The flags this machine needs: no sandbox as root, and no calls home (the network is closed).
    for flag in ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic",
                 "--no-first-run", "--disable-background-networking", "--disable-sync",
                 "--disable-component-update", "--disable-dev-shm-usage",
                 f"--window-size={width},{height}", "--lang=ja"):
        options.add_argument(flag)
    options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    driver = webdriver.Chrome(service=Service(CHROMEDRIVER), options=options)
    driver.set_page_load_timeout(30)
    return driver

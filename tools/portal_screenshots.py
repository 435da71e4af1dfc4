"""Photograph every page of the producer portal at phone width, Japanese and English.

``make screenshots`` runs it after the till's screens: a throwaway data folder
with the demo (``bp-till init --demo``, then the portal demo's eight producers),
the portal served on a free port, Debian's chromium through selenium. The
board's month is this month, so the figures change with the date the pictures
are taken; every other figure comes from the demo's fixed seed.
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import WebDriverWait

from bp_till.bootstrap import open_till
from bp_till.config import load_config
from bp_till.demo import load_demo
from bp_till.portal.app import create_app, settings_from
from bp_till.portal.demo import prepare_demo
from tests.portal.browser import PHONE, chrome, serving

SCALE = 2  # a phone's pixel ratio: sharp in the README
TALLEST = 1700  # CSS pixels: the vote page's long cast list is cut after two phone screens


def _shoot(driver, path: Path) -> None:
    """The whole page, not just the first screen of it."""
    height = driver.execute_script("return document.documentElement.scrollHeight")
    driver.execute_cdp_cmd("Emulation.setDeviceMetricsOverride", {
        "width": PHONE[0], "height": min(max(height, 640), TALLEST), "deviceScaleFactor": SCALE,
        "mobile": True})
    path.write_bytes(driver.get_screenshot_as_png())
    driver.execute_cdp_cmd("Emulation.clearDeviceMetricsOverride", {})
    print(f"wrote {path}")


def _pages(driver, base: str, login, out: Path, lang: str) -> None:
    def page(name: str, url: str | None = None) -> None:
        if url:
            driver.get(base + url)
        _shoot(driver, out / f"portal-{name}-{lang}.png")

    driver.get(base + f"/lang/{lang}?next=/login")
    page("login")
    driver.find_element(By.NAME, "login_id").send_keys(login.login_id)
    driver.find_element(By.NAME, "password").send_keys("WRONG-PASSWORD-1")
    driver.find_element(By.ID, "login").click()
    WebDriverWait(driver, 20).until(lambda d: d.find_elements(By.ID, "error"))
    page("login-refused")
    driver.get(login.link.replace("http://127.0.0.1:8800", base))  # as if the slip was scanned
    WebDriverWait(driver, 20).until(lambda d: d.current_url.split("#")[0].endswith("/me"))
    page("me")
    page("vote", "/vote")
    driver.find_element(By.CSS_SELECTOR, "#vote-form input[inputmode=numeric]").send_keys("999999")
    driver.find_element(By.ID, "give-votes").click()
    WebDriverWait(driver, 20).until(lambda d: d.find_elements(By.ID, "error"))
    page("vote-refused")
    page("board", "/board")
    page("password", "/password")
    page("not-found", "/no-such-page")
    driver.find_element(By.ID, "logout").click()


def main(out: Path) -> int:
    with tempfile.TemporaryDirectory() as folder:
        config = load_config(Path(folder))
        till = open_till(config)
        try:
            load_demo(till.ctx)
            login = prepare_demo(till)
        finally:
            till.close()
        with serving(create_app(settings_from(config))) as base:
            driver = chrome()
            try:
                for lang in ("ja", "en"):
                    _pages(driver, base, login, out, lang)
            finally:
                driver.quit()
    return 0


if __name__ == "__main__":
    sys.exit(main(Path(sys.argv[1] if len(sys.argv) > 1 else "docs")))

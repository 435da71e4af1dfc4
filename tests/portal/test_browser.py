"""The portal in a real browser (headless chromium), fed by the till's own card issue and sales.

Each test drives the pages as a producer would: the slip's QR opened on the
phone, fields typed, buttons tapped. The central database is an SQLite file
and a real PostgreSQL database read as the website's role.
"""

from __future__ import annotations

import dataclasses
from datetime import datetime

import pytest
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import WebDriverWait

from bp_till.domain.business_day import TOKYO
from bp_till.services import producers
from bp_till.sync.once import run_round
from tests.portal.browser import chrome, serving
from tests.support.tills import printouts, settle_a_check, slip_seen, till_with

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def browser():
    driver = chrome()
    yield driver
    driver.quit()


@pytest.fixture
def site(app, browser):
    browser.delete_all_cookies()
    browser.get_log("browser")  # what earlier tests left there
    with serving(app) as base:
        browser.get(f"{base}/lang/ja?next=/board")  # each test starts in Japanese, signed out
        yield base


def _issue_slip(ctx, cashier, folder, portal: str) -> tuple[str, dict]:
    """A card issued at the till and its slip printed; the QR's link as a phone reads it."""
    ctx.site = dataclasses.replace(ctx.site, portal_url=f"{portal}/login")
    slip_file = folder / "slip.bin"
    till = till_with(ctx, folder, f"file://{slip_file}")
    till.card_desk.issue(cashier)
    till.close()
    (items,) = printouts(slip_file.read_bytes())
    seen = slip_seen(items)
    return f"{seen['portal']}#id={seen['id']}&pw={seen['pw']}", seen


def _wait_for(browser, path: str) -> None:
    WebDriverWait(browser, 20).until(lambda b: b.current_url.split("#")[0].endswith(path))


def _text(browser, element_id: str) -> str:
    return browser.find_element(By.ID, element_id).text


def _type_login(browser, base: str, login_id: str, password: str) -> None:
    browser.get(f"{base}/login")
    browser.find_element(By.ID, "login_id").send_keys(login_id)
    browser.find_element(By.ID, "password").send_keys(password)
    browser.find_element(By.ID, "login").click()


def _no_console_errors(browser) -> None:
    problems = [entry["message"] for entry in browser.get_log("browser")
                if entry["level"] == "SEVERE" and entry.get("source") != "network"]
    assert problems == []  # a CSP violation or a script error would be here


def test_the_slips_qr_logs_in_and_leaves_no_password_behind(site, browser, ctx, cashier,
                                                            central, tmp_path):
    link, seen = _issue_slip(ctx, cashier, tmp_path, site)
    settle_a_check(ctx, cashier, seen["id"])
    run_round(ctx, central)
    browser.get(link)
    _wait_for(browser, "/me")
    assert "#" not in browser.current_url  # the fragment is gone from the address bar
    assert _text(browser, "spend-points") == "36" and _text(browser, "vote-points") == "36"
    assert _text(browser, "rank").startswith("ランク\nレギュラー")
    assert seen["pw"] not in browser.page_source
    browser.back()  # the history holds no entry with the password either
    assert "pw=" not in browser.current_url
    _no_console_errors(browser)


def test_a_scan_while_the_login_page_is_open_logs_in(site, browser, ctx, cashier, central,
                                                      tmp_path):
    link, seen = _issue_slip(ctx, cashier, tmp_path, site)
    run_round(ctx, central)
    browser.get(f"{site}/login")
    browser.get(link)  # only the fragment differs: the page is not loaded again
    _wait_for(browser, "/me")
    assert "#" not in browser.current_url and seen["pw"] not in browser.page_source


def test_a_forged_fragment_gets_a_message_and_runs_nothing(site, browser):
    browser.get(f"{site}/login#id=%3Cimg%20src%3Dx%20onerror%3Dalert(1)%3E&pw=x")
    WebDriverWait(browser, 20).until(lambda b: b.find_elements(By.ID, "error"))
    assert _text(browser, "error") == "ログインIDは11桁の数字です。"
    assert browser.find_elements(By.TAG_NAME, "img") == []
    assert browser.current_url.endswith("/login")


def _signed_in_with_points(site, browser, ctx, cashier, central, tmp_path, visits: int = 3):
    link, seen = _issue_slip(ctx, cashier, tmp_path, site)
    for _ in range(visits):
        settle_a_check(ctx, cashier, seen["id"])
    run_round(ctx, central)
    browser.get(link)
    _wait_for(browser, "/me")
    return seen


def _vote(browser, site, go: bool = True, **points: str) -> None:
    if go:
        browser.get(f"{site}/vote")
    for code, typed in points.items():
        browser.find_element(By.ID, f"pt-{code}").send_keys(typed)
    browser.find_element(By.ID, "give-votes").click()


def test_a_vote_in_the_browser_shows_on_the_tills_board_after_a_sync_round(
        site, browser, ctx, cashier, central, tmp_path, qtbot, clock):
    from bp_till.bootstrap import Till
    from bp_till.config import Config
    from bp_till.gui.app import MainWindow
    from bp_till.printing.printers import Printer
    from tests.gui.conftest import button, click, sign_in
    from tests.gui.test_board import _bars

    _signed_in_with_points(site, browser, ctx, cashier, central, tmp_path)  # 108 vote points
    browser.find_element(By.ID, "vote-link").click()
    _wait_for(browser, "/vote")
    browser.find_element(By.ID, "q").send_keys("karen")  # the list narrows as she types
    visible = [row for row in browser.find_elements(By.CSS_SELECTOR, "#cast-list li")
               if row.is_displayed()]
    assert [row.text.split()[0] for row in visible] == ["カレン"]
    browser.find_element(By.ID, "pt-C003").send_keys("70")
    browser.find_element(By.ID, "q").clear()
    browser.find_element(By.ID, "q").send_keys("kaori")
    _vote(browser, site, go=False, C001="8")
    _wait_for(browser, "/me")
    assert _text(browser, "vote-points") == "30"
    assert "78ポイントを投票しました" in browser.page_source

    # The till's board shows its clock's month: the month the website's votes counted in.
    clock.set(datetime.now(TOKYO))
    url = central.url.render_as_string(hide_password=False)
    till = Till(Config(data_dir=tmp_path, central_url=url, sync_interval_s=3600), ctx,
                Printer(f"file://{tmp_path / 'prints.bin'}"))
    till.start_sync()
    window = MainWindow(till)
    qtbot.addWidget(window)
    window.show()
    try:
        sign_in(qtbot, window, "Yuto")
        click(qtbot, button(window, "boardNav"))
        qtbot.waitUntil(window.board.isVisible)
        assert window.till.sync_worker.sync_now().result(timeout=60).ok
        qtbot.waitUntil(lambda: "Central figures of" in window.board.source.text(), timeout=10_000)
        bars = _bars(window.board)
        assert bars[-1][0].startswith("1. カレン") and bars[-1][1] == 70
        assert bars[-2][0].startswith("2. かおり") and bars[-2][1] == 8
    finally:
        window.close()
        till.close(drain_s=5)


def test_an_overspend_in_the_browser_is_refused_and_nothing_is_spent(
        site, browser, ctx, cashier, central, tmp_path):
    _signed_in_with_points(site, browser, ctx, cashier, central, tmp_path, visits=1)
    _vote(browser, site, C001="30", C002="7")
    WebDriverWait(browser, 20).until(lambda b: b.find_elements(By.ID, "error"))
    assert _text(browser, "error") == "37ポイントの投票ですが、投票できるポイントは36です。"
    assert browser.find_element(By.ID, "pt-C001").get_attribute("value") == "30"  # kept to fix
    browser.get(f"{site}/me")
    assert _text(browser, "vote-points") == "36"


def test_the_public_board_in_the_browser(site, browser, ctx, cashier, central, tmp_path):
    _signed_in_with_points(site, browser, ctx, cashier, central, tmp_path)
    _vote(browser, site, C002="40", C005="20")
    _wait_for(browser, "/me")
    browser.find_element(By.ID, "logout").click()
    _wait_for(browser, "/login")
    browser.get(f"{site}/board")  # public: signed out
    rows = [li.text.split("\n") for li in browser.find_elements(By.CSS_SELECTOR, "#board li")]
    assert [row[0] for row in rows] == ["1", "2"]
    assert rows[0][1].startswith("あみ") and rows[0][-1] == "40 pt"
    bars = browser.find_elements(By.CSS_SELECTOR, "svg rect.bar")
    assert len(bars) == 2 and bars[0].size["width"] > bars[1].size["width"] > 0
    assert "同点の場合は、先にその得点に達したキャストが上位です。" in _text(browser, "tie-break")
    browser.find_element(By.CSS_SELECTOR, "a.lang").click()
    WebDriverWait(browser, 20).until(lambda b: "Monthly ranking" in b.title)
    assert "Equal points: whoever reached the total first ranks higher." in _text(browser, "tie-break")
    _no_console_errors(browser)


def test_a_password_change_in_the_browser(site, browser, ctx, cashier, central, tmp_path):
    seen = _signed_in_with_points(site, browser, ctx, cashier, central, tmp_path, visits=1)
    browser.get(f"{site}/password")
    browser.find_element(By.ID, "current").send_keys(seen["pw"])
    browser.find_element(By.ID, "new").send_keys("ichigo-milk-2026")
    browser.find_element(By.ID, "again").send_keys("ichigo-milk-2026")
    browser.find_element(By.ID, "change").click()
    _wait_for(browser, "/me")
    assert "パスワードを変更しました" in browser.page_source
    browser.find_element(By.ID, "logout").click()
    _wait_for(browser, "/login")
    _type_login(browser, site, seen["id"], seen["pw"])  # the slip's password: dead
    WebDriverWait(browser, 20).until(lambda b: b.find_elements(By.ID, "error"))
    assert _text(browser, "error") == "ログインIDまたはパスワードが違います。"
    _type_login(browser, site, seen["id"], "ICHIGO MILK 2026")
    _wait_for(browser, "/me")


def test_a_replaced_cards_old_password_is_refused_in_the_browser(
        site, browser, ctx, cashier, manager, central, tmp_path):
    old_link, seen = _issue_slip(ctx, cashier, tmp_path, site)
    settle_a_check(ctx, cashier, seen["id"])
    replaced = producers.replace_card(ctx, manager, seen["id"])
    run_round(ctx, central)
    browser.get(old_link)  # the lost slip, found by somebody else
    WebDriverWait(browser, 20).until(lambda b: b.find_elements(By.ID, "error"))
    assert _text(browser, "error") == "ログインIDまたはパスワードが違います。"
    assert browser.current_url.endswith("/login")
    _type_login(browser, site, replaced.login_id, replaced.password)
    _wait_for(browser, "/me")
    assert _text(browser, "spend-points") == "36"  # the points stayed with the account

"""Logging in at the portal over HTTP: the same answer for an unknown ID and a wrong password,
the wrong-password limits, the session cookie, a replaced card's and an old password refused."""

from __future__ import annotations

import logging

import pytest
from sqlalchemy import text

from bp_till.domain.identifiers import format_login_id
from bp_till.portal import login as login_module
from bp_till.portal.throttle import PER_ADDRESS, PER_LOGIN
from bp_till.services import producers
from tests.portal.conftest import log_in, message, token

WRONG = "The login ID or the password is wrong."


def _other_login(login_id: str) -> str:
    """A well-formed login ID nobody holds: the same shop and till, a far sequence number."""
    from bp_till.domain.identifiers import login_id as compose

    return compose(int(login_id[:2]), int(login_id[2:4]), 999_999)


def test_the_slip_logs_in_and_the_producer_page_shows_the_central_figures(client, fed):
    page = log_in(client, fed.card.login_id, fed.card.password)
    assert page.status_code == 200 and page.url.path == "/me"
    assert format_login_id(fed.card.login_id) in page.text
    assert 'id="spend-points">72<' in page.text and 'id="vote-points">72<' in page.text
    assert "ブロンズまであと28ポイント" in page.text  # Regular; Bronze at 100
    assert page.text.count("¥3,600") == 2  # the two visits, newest first
    assert page.text.count("+36 pt / 投票 +36") == 2  # each visit's points, signed once


def test_typing_is_forgiven_as_on_the_slip(client, fed):
    typed_id = "".join(chr(ord(c) + 0xFEE0) for c in fed.card.login_id)  # full-width digits
    typed_id = typed_id[:4] + "ー" + typed_id[4:]  # a kana-mode dash
    typed_pw = fed.card.password.lower().replace("-", " ")
    assert log_in(client, typed_id, typed_pw).url.path == "/me"


def test_an_unknown_id_and_a_wrong_password_get_the_same_answer(client, fed, monkeypatch):
    verified = []
    real = login_module.verify_password
    monkeypatch.setattr(login_module, "verify_password",
                        lambda phc, typed: verified.append(phc) or real(phc, typed))
    wrong_ja = log_in(client, fed.card.login_id, "AAAA-BBBB-CCCC")
    assert (wrong_ja.status_code, message(wrong_ja)) == (401, "ログインIDまたはパスワードが違います。")
    client.cookies.set("lang", "en")
    unknown = log_in(client, _other_login(fed.card.login_id), fed.card.password)
    wrong = log_in(client, fed.card.login_id, "AAAA-BBBB-CCCC")
    assert (unknown.status_code, message(unknown)) == (wrong.status_code, message(wrong)) == (
        401, WRONG)
    assert unknown.text.replace(_other_login(fed.card.login_id), "ID") == (
        wrong.text.replace(fed.card.login_id, "ID").replace(token(wrong), token(unknown)))
    # an unknown ID costs an argon2id verify too (of a random password's hash), so it
    # takes as long as a wrong password
    assert len(verified) == 3 and all(phc.startswith("$argon2id$") for phc in verified)
    assert client.get("/me").url.path == "/login"  # neither signed anybody in


def test_a_mistyped_login_id_is_told_at_once_and_costs_no_try(client, fed, app):
    login_id = fed.card.login_id
    typo = login_id[:-1] + str((int(login_id[-1]) + 1) % 10)
    client.cookies.set("lang", "en")
    for _ in range(PER_LOGIN.amount + 2):
        page = log_in(client, typo, fed.card.password)
        assert page.status_code == 400
        assert message(page) == "That login ID has a typo (its check digit does not match)."
    assert message(log_in(client, "12345", "x")) == "A login ID has 11 digits."
    assert log_in(client, login_id, fed.card.password).url.path == "/me"


def test_five_wrong_passwords_lock_the_login_id_and_the_right_one_waits(client, fed):
    client.cookies.set("lang", "en")
    for _ in range(PER_LOGIN.amount):
        assert log_in(client, fed.card.login_id, "AAAA-BBBB-CCCC").status_code == 401
    locked = log_in(client, fed.card.login_id, fed.card.password)
    assert locked.status_code == 429
    assert message(locked) == "Too many wrong tries for this login ID: try again in 15 min."
    assert int(locked.headers["retry-after"]) == 15 * 60
    assert client.get("/me").url.path == "/login"
    # an unknown ID locks the same way: the limit does not tell which IDs exist
    stranger = _other_login(fed.card.login_id)
    for _ in range(PER_LOGIN.amount):
        log_in(client, stranger, "AAAA-BBBB-CCCC")
    assert log_in(client, stranger, "AAAA-BBBB-CCCC").status_code == 429


def test_a_right_password_clears_its_count(client, fed):
    for _ in range(PER_LOGIN.amount - 1):
        log_in(client, fed.card.login_id, "AAAA-BBBB-CCCC")
    assert log_in(client, fed.card.login_id, fed.card.password).url.path == "/me"
    # uncleared, the second of these would be the sixth wrong try in the window: locked
    for _ in range(PER_LOGIN.amount):
        assert log_in(client, fed.card.login_id, "AAAA-BBBB-CCCC").status_code == 401
    assert log_in(client, fed.card.login_id, "AAAA-BBBB-CCCC").status_code == 429


def test_one_address_trying_many_ids_is_locked_out(client, fed):
    client.cookies.set("lang", "en")
    shop, till = int(fed.card.login_id[:2]), int(fed.card.login_id[2:4])
    from bp_till.domain.identifiers import login_id as compose

    for n in range(PER_ADDRESS.amount):
        assert log_in(client, compose(shop, till, 500_000 + n), "AAAA-BBBB-CCCC").status_code == 401
    locked = log_in(client, fed.card.login_id, fed.card.password)
    assert locked.status_code == 429
    assert message(locked) == "Too many wrong tries from this device: try again in 15 min."


def test_the_session_cookie_is_signed_http_only_and_same_site(client, fed):
    page = log_in(client, fed.card.login_id, fed.card.password)
    cookie = page.history[0].headers["set-cookie"]
    assert cookie.startswith("bp_session=") and "httponly" in cookie.lower()
    assert "samesite=lax" in cookie.lower()
    assert fed.card.password not in cookie and fed.card.password.replace("-", "") not in cookie
    signed = client.cookies["bp_session"]
    client.cookies.clear()
    client.cookies.set("bp_session", signed[:-3] + ("AAA" if signed[-3:] != "AAA" else "BBB"))
    assert client.get("/me").url.path == "/login"


def test_every_page_sends_the_security_headers(client, fed):
    for path in ("/login", "/board", "/static/login.js"):
        headers = client.get(path).headers
        assert "script-src 'self'" in headers["content-security-policy"]
        assert "'unsafe-inline'" not in headers["content-security-policy"]
        assert headers["x-frame-options"] == "DENY"
        assert headers["x-content-type-options"] == "nosniff"
    assert client.get("/login").headers["cache-control"] == "no-store"
    assert "<script>" not in client.get("/login").text  # no inline script anywhere


def test_a_replaced_cards_old_password_no_longer_logs_in(client, fed, manager):
    replaced = producers.replace_card(fed.ctx, manager, fed.card.card_number)
    fed.push()
    client.cookies.set("lang", "en")
    assert message(log_in(client, fed.card.login_id, fed.card.password)) == WRONG
    page = log_in(client, replaced.login_id, replaced.password)
    assert page.url.path == "/me" and 'id="spend-points">72<' in page.text  # points stayed


def test_a_session_ends_when_the_password_is_changed_at_a_till(client, fed, manager):
    assert log_in(client, fed.card.login_id, fed.card.password).url.path == "/me"
    producers.reset_password(fed.ctx, manager, fed.card.card_number)
    fed.push()
    client.cookies.set("lang", "en")
    page = client.get("/me")
    assert page.url.path == "/login"
    assert message(page) == "Your password was changed, so you were logged out. Please log in again."


def test_log_out_needs_the_form_token_and_ends_the_session(client, fed):
    me = log_in(client, fed.card.login_id, fed.card.password)
    assert client.post("/logout", data={"csrf": "forged"}).status_code == 403
    assert client.get("/me").url.path == "/me"
    assert client.post("/logout", data={"csrf": token(me)}).url.path == "/login"
    assert client.get("/me").url.path == "/login"


def test_no_password_or_session_reaches_the_log(client, fed, caplog, manager):
    caplog.set_level(logging.DEBUG)
    log_in(client, fed.card.login_id, "AAAA-BBBB-CCCC")
    me = log_in(client, fed.card.login_id, fed.card.password)
    client.post("/password", data={"csrf": token(me), "current": fed.card.password,
                                   "new": "new-pass-word-1234", "again": "new-pass-word-1234"})
    logged = caplog.text + "".join(str(r.args) for r in caplog.records)
    secrets_seen = [fed.card.password, fed.card.password.replace("-", ""), "AAAA-BBBB-CCCC",
                    "new-pass-word-1234", "NEWPASSW0RD1234", client.cookies["bp_session"]]
    assert not [s for s in secrets_seen if s in logged]


@pytest.mark.parametrize("central", ["postgresql"], indirect=True)
def test_the_website_role_reads_no_table_and_writes_only_through_functions(website, fed):
    with website.connect() as conn:
        assert conn.scalar(text("SELECT count(*) FROM producer_visits")) == 2
        for statement in ("SELECT * FROM events", "SELECT * FROM credentials",
                          "SELECT * FROM points_ledger",
                          "INSERT INTO credentials (event_id, login_id, password_hash, set_at) "
                          "VALUES ('x', 'y', 'z', now())"):
            with pytest.raises(Exception, match="permission denied"):
                conn.execute(text(statement))
            conn.rollback()

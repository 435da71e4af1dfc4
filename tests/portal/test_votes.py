"""Votes, the board and the password over HTTP: counted once, refused clearly, nothing half-written."""

from __future__ import annotations

import re
import threading
from datetime import UTC, datetime, timedelta

import pytest
from sqlalchemy import text

from bp_till.central.reads import ranking
from bp_till.domain.business_day import business_month, month_bounds, previous_month
from bp_till.domain.credentials import verify_password
from bp_till.portal.reads import password_hash
from bp_till.portal.security import MAX_BODY
from tests.central.feed import FakeTill, send
from tests.portal.conftest import log_in, message, token
from tests.sync.ledgers import central_balances


def _vote_form(client) -> dict:
    page = client.get("/vote")
    key = re.search(r'name="vote_key" value="([^"]+)"', page.text)[1]
    return {"csrf": token(page), "vote_key": key}


def _central(fed) -> tuple:
    """What the central database holds for the producer: balance, votes and the month's board."""
    with fed.central.connect() as conn:
        votes = conn.execute(text("SELECT cast_code, points FROM votes WHERE login_id = :l "
                                  "ORDER BY cast_code"), {"l": fed.card.login_id}).all()
        events = conn.scalar(text("SELECT count(*) FROM events WHERE terminal = 0"))
    return central_balances(fed.central)[fed.card.login_id], [tuple(v) for v in votes], events


@pytest.fixture
def signed_in(client, fed):
    client.cookies.set("lang", "en")
    assert log_in(client, fed.card.login_id, fed.card.password).url.path == "/me"
    return client


def test_votes_for_two_cast_members_land_on_the_central_ledger_and_board(signed_in, fed):
    form = _vote_form(signed_in) | {"pt.C001": "30", "pt.C002": "１２", "pt.C003": ""}
    page = signed_in.post("/vote", data=form)
    assert page.url.path == "/me"
    assert message(page) == "You gave 42 vote points; 30 left."
    assert 'id="vote-points">30<' in page.text
    assert _central(fed) == ((72, 30), [("C001", 30), ("C002", 12)], 2)
    with fed.central.connect() as conn:
        month = business_month(datetime.now(UTC))
        board = {row.cast_code: row.points for row in ranking(conn, [month])}
    assert board == {"C001": 30, "C002": 12}
    public = signed_in.get("/board")
    assert re.findall(r'<span class="place">(\d)</span><span class="name">([^<]+?) ', public.text)[:2] == [
        ("1", "かおり"), ("2", "あみ")]


def test_a_form_sent_twice_counts_once(signed_in, fed):
    form = _vote_form(signed_in) | {"pt.C001": "10"}
    assert message(signed_in.post("/vote", data=form)) == "You gave 10 vote points; 62 left."
    again = signed_in.post("/vote", data=form)  # a double tap, or the browser resending
    assert message(again) == "These votes were counted already (never twice)."
    assert _central(fed) == ((72, 62), [("C001", 10)], 1)


@pytest.mark.parametrize("central", ["postgresql"], indirect=True)
def test_two_copies_of_a_form_at_the_same_moment_count_once(app, signed_in, fed):
    form = _vote_form(signed_in) | {"pt.C001": "10", "pt.C002": "5"}
    cookies = dict(signed_in.cookies)
    answers, start = [], threading.Barrier(4)

    def send():
        from starlette.testclient import TestClient

        with TestClient(app, base_url="http://portal.test", cookies=cookies) as other:
            start.wait()
            answers.append(message(other.post("/vote", data=form)))

    threads = [threading.Thread(target=send) for _ in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert sorted(answers) == sorted(["You gave 15 vote points; 57 left."]
                                     + ["These votes were counted already (never twice)."] * 3)
    assert _central(fed) == ((72, 57), [("C001", 10), ("C002", 5)], 2)


@pytest.mark.parametrize("typed, says", [
    ({"pt.C001": "73"}, "That is 73 vote points; you have 72."),
    ({"pt.C001": "50", "pt.C002": "23"}, "That is 73 vote points; you have 72."),
    ({"pt.C001": "-5"}, "かおり: “-5” is not a whole number."),
    ({"pt.C001": "1.5"}, "かおり: “1.5” is not a whole number."),
    ({"pt.C001": "ten"}, "かおり: “ten” is not a whole number."),
    ({"pt.C001": "0"}, "Type the points for at least one cast member."),
    ({}, "Type the points for at least one cast member."),
    ({"pt.C999": "5"}, "No such cast member."),
    ({"pt.C001": "5", "vote_key": "not-a-key"}, "The form is garbled; reload the page and try again."),
    ({"pt.C001": "99999999"}, "At most 1,000,000 points at once."),
])
def test_bad_votes_are_refused_with_a_message_and_change_nothing(signed_in, fed, typed, says):
    before = _central(fed)
    page = signed_in.post("/vote", data=_vote_form(signed_in) | typed)
    assert page.status_code == 400 and message(page) == says
    assert _central(fed) == before
    if "pt.C001" in typed:  # what was typed stays in the field, to correct it
        assert f'value="{typed["pt.C001"]}"' in page.text


def _spent_at_the_till(fed, points: int) -> None:
    from bp_till.domain.votes import Allocation
    from bp_till.services.votes import cast_votes

    cast_votes(fed.ctx, fed.cashier, fed.card.card_number, [Allocation("C002", points)])
    fed.push()


def test_an_overspend_after_votes_at_a_till_is_refused(signed_in, fed):
    form = _vote_form(signed_in) | {"pt.C001": "60"}  # the page showed 72
    _spent_at_the_till(fed, 50)
    page = signed_in.post("/vote", data=form)
    assert page.status_code == 400 and message(page) == "That is 60 vote points; you have 22."
    assert _central(fed) == ((72, 22), [("C002", 50)], 0)


def test_an_overspend_raced_by_a_till_is_refused_by_the_central_database(
        signed_in, fed, monkeypatch):
    """The till's votes land between the portal's read of the balance and its vote."""
    from bp_till.portal import pages

    form = _vote_form(signed_in) | {"pt.C001": "60"}
    read_balance = pages._vote_figures

    def read_then_race(conn, login_id):
        figures = read_balance(conn, login_id)
        if not getattr(read_then_race, "raced", False):
            read_then_race.raced = True
            _spent_at_the_till(fed, 50)
        return figures

    monkeypatch.setattr(pages, "_vote_figures", read_then_race)
    page = signed_in.post("/vote", data=form)
    assert page.status_code == 409 and message(page) == "That is 60 vote points; you have 22."
    assert _central(fed) == ((72, 22), [("C002", 50)], 0)


def test_forms_without_the_token_or_from_another_site_change_nothing(signed_in, fed):
    form = _vote_form(signed_in) | {"pt.C001": "10"}
    before = _central(fed)
    assert signed_in.post("/vote", data=form | {"csrf": "forged"}).status_code == 403
    assert signed_in.post("/vote", data={k: v for k, v in form.items() if k != "csrf"}
                          ).status_code == 403
    other_site = signed_in.post("/vote", data=form, headers={"origin": "https://evil.example"})
    assert other_site.status_code == 403
    assert message(other_site) == "This form has expired: reload the page and try again."
    assert _central(fed) == before
    login = signed_in.post("/login", data={"login_id": fed.card.login_id,
                                           "password": fed.card.password})
    assert login.status_code == 403


def test_a_huge_form_is_refused_before_it_is_read(signed_in, fed):
    form = _vote_form(signed_in) | {"pt.C001": "1", "padding": "x" * MAX_BODY}
    before = _central(fed)
    page = signed_in.post("/vote", data=form)
    assert page.status_code == 413 and "far too large" in page.text
    assert _central(fed) == before


def _last_month() -> datetime:
    """A moment in the business month before this one (the portal's board runs on real time)."""
    return month_bounds(previous_month(business_month(datetime.now(UTC))))[0] + timedelta(days=2)


def _places(page) -> list[tuple[str, str, str]]:
    return re.findall(r'<span class="place">(\d+)</span><span class="name">([^<]+?) '
                      r'<span class="muted">[^<]*</span></span><span class="num">([\d,]+) pt', page.text)


def test_the_board_is_public_with_the_tie_break_and_last_months_winner(signed_in, client, fed):
    from starlette.testclient import TestClient

    fed.visit()
    fed.push()  # 108 vote points: 60 last month, 40 this month
    with TestClient(client.app, base_url="http://portal.test", cookies={"lang": "en"}) as anyone:
        empty = anyone.get("/board")
        assert "No votes yet this month." in empty.text and "Nobody got a vote in" in empty.text
        send(fed.central, FakeTill(7).votes(fed.card.login_id, _last_month(), C003=40, C001=20))
        for points in ({"pt.C002": "20"}, {"pt.C001": "10"}, {"pt.C004": "10"}):
            signed_in.post("/vote", data=_vote_form(signed_in) | points)
        page = anyone.get("/board")
    assert page.status_code == 200
    # C001 and C004 both have 10: C001 reached it first, so it ranks higher
    assert _places(page) == [("1", "あみ", "20"), ("2", "かおり", "10"), ("3", "みるく", "10")]
    month = previous_month(business_month(datetime.now(UTC)))
    assert f"Winner of {month}: " in page.text and "(40 pt)" in page.text
    assert "Equal points: whoever reached the total first ranks higher." in page.text
    assert page.text.count('<rect class="bar') == 3  # the chart, one bar each


def test_a_password_change_takes_effect_at_once(signed_in, client, fed, app):
    from starlette.testclient import TestClient

    with TestClient(app, base_url="http://portal.test") as phone:  # a second session
        assert log_in(phone, fed.card.login_id, fed.card.password).url.path == "/me"
        page = signed_in.get("/password")
        changed = signed_in.post("/password", data={
            "csrf": token(page), "current": fed.card.password,
            "new": "ichigo-milk-2026", "again": "ICHIGO MILK 2026"})
        assert changed.url.path == "/me"
        assert message(changed) == "Your password is changed; the old one no longer works."
        assert phone.get("/me").url.path == "/login"  # the other session ended
    with fed.central.connect() as conn:
        stored = password_hash(conn, fed.card.login_id)
    assert stored.startswith("$argon2id$v=19$m=65536,t=3,p=4$")
    assert verify_password(stored, "ichigo-milk-2026") and not verify_password(
        stored, fed.card.password)
    signed_in.post("/logout", data={"csrf": token(signed_in.get("/me"))})
    assert message(log_in(signed_in, fed.card.login_id, fed.card.password)) == (
        "The login ID or the password is wrong.")
    assert log_in(signed_in, fed.card.login_id, "Ichigo-Milk-2026").url.path == "/me"


@pytest.mark.parametrize("current, new, again, says", [
    ("WRONG-WRONG-WRNG", "ichigo-milk-2026", "ichigo-milk-2026", "The current password is wrong."),
    (None, "short-one", "short-one",
     "A new password has 12 to 64 characters, not counting dashes and spaces."),
    (None, "aaaa-aaaa-aaaa-aaaa", "aaaa-aaaa-aaaa-aaaa",
     "A new password needs at least 5 different characters."),
    (None, "いちごみるくいちごみるく", "いちごみるくいちごみるく",
     "A new password has letters, digits and ASCII symbols only."),
    (None, "ichigo-milk-2026", "ichigo-milk-2027", "The two new passwords differ."),
    (None, "same", "same", "The new password is the same as the current one."),
])
def test_a_bad_password_change_is_refused_and_the_old_password_stays(
        signed_in, fed, current, new, again, says):
    if new == "same":
        new = again = fed.card.password.lower()
    with fed.central.connect() as conn:
        before = password_hash(conn, fed.card.login_id)
    page = signed_in.post("/password", data={
        "csrf": token(signed_in.get("/password")), "current": current or fed.card.password,
        "new": new, "again": again})
    assert page.status_code in (400, 401) and message(page) == says
    with fed.central.connect() as conn:
        assert password_hash(conn, fed.card.login_id) == before


def test_a_cast_member_retired_at_a_till_is_not_offered_and_votes_for_them_are_refused(
        signed_in, fed, manager):
    from bp_till.services.menu_admin import retire_member

    assert 'name="pt.C003"' in signed_in.get("/vote").text
    retire_member(fed.ctx, manager, "C003")
    fed.push()
    form = _vote_form(signed_in)
    assert 'name="pt.C003"' not in signed_in.get("/vote").text
    before = _central(fed)
    page = signed_in.post("/vote", data=form | {"pt.C003": "5"})
    assert page.status_code == 400 and message(page) == "No such cast member."
    assert _central(fed) == before

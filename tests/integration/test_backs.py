"""Cast backs and nominations on the store: rates saved by a manager, a night's backs after voids
and refunds, the payroll report, nominations on the check and their refusals."""

import json
from datetime import date, datetime, timedelta

import pytest
from sqlalchemy import select

from bp_till.domain.business_day import TOKYO
from bp_till.domain.errors import InvalidInput, NotAllowed
from bp_till.domain.settlement import CASH, Tender
from bp_till.services import checks, corrections, settle
from bp_till.services.backs import backs_report, save_back_rates
from bp_till.services.closeout import close_day, day_report
from bp_till.services.floor import check_detail
from bp_till.store.models import AuditEntry, BackRatesVersion, CheckLine, OutboxEvent
from tests.conftest import snapshot

NIGHT = date(2026, 11, 20)
RATES = [("C01", "yen", 300), ("CD03", "percent", 30), ("N01", "percent", 50), ("N02", "yen", 200)]


def _settle(ctx, cashier, check_id) -> None:
    total = check_detail(ctx, check_id).total
    settle.settle_check(ctx, cashier, check_id, [Tender(CASH, total)])


def _line_ids(ctx, check_id) -> list[int]:
    with ctx.store.read() as session:
        return list(session.scalars(select(CheckLine.id).where(CheckLine.check_id == check_id)
                                    .order_by(CheckLine.id)))


def test_a_manager_saves_backs_as_a_version_with_its_event_and_audit_entry(ctx, manager):
    assert save_back_rates(ctx, manager, NIGHT, RATES) == 1
    with ctx.store.read() as session:
        (event,) = session.scalars(select(OutboxEvent).where(OutboxEvent.type == "backs.updated"))
        (audit,) = session.scalars(select(AuditEntry).where(AuditEntry.action == "backs.updated"))
        (saved,) = session.scalars(select(BackRatesVersion))
    assert json.loads(event.payload)["rates"]["CD03"] == {"kind": "percent", "value": 30}
    assert (saved.effective_from, audit.staff_id) == (NIGHT, manager.id)


@pytest.mark.parametrize(("rates", "message"), [
    ([("C01", "yen", -100)], "cannot be negative"),
    ([("CD03", "percent", 120)], "more than 100%"),
    ([("C01", "yen", 1200)], "more than the ¥1,000 the item sells for"),
    ([("F01", "yen", 100)], "not a menu item credited to a cast member"),
    ([("C01", "yen", 100), ("C01", "percent", 10)], "two backs"),
])
def test_bad_backs_are_refused_by_name_and_nothing_is_written(ctx, manager, rates, message):
    before = snapshot(ctx)
    with pytest.raises(InvalidInput, match=message):
        save_back_rates(ctx, manager, NIGHT, rates)
    assert snapshot(ctx) == before


def test_only_a_manager_sets_backs_and_never_on_a_night_already_closed(ctx, cashier, manager,
                                                                      shift_lead, clock):
    with pytest.raises(NotAllowed):
        save_back_rates(ctx, cashier, NIGHT, RATES)
    close_day(ctx, shift_lead, NIGHT, 0, {})
    clock.set(datetime(2026, 11, 21, 19, 0, tzinfo=TOKYO))
    with pytest.raises(InvalidInput, match="already closed out .up to 2026-11-20.; start them on "
                                           "2026-11-21"):
        save_back_rates(ctx, manager, NIGHT, RATES)
    assert save_back_rates(ctx, manager, NIGHT + timedelta(days=1), RATES) == 1


def test_a_nights_backs_are_the_backs_of_its_standing_checks_after_voids_and_refunds(
    ctx, cashier, manager, shift_lead
):
    save_back_rates(ctx, manager, NIGHT, RATES)
    kept = checks.open_check(ctx, cashier, "T1", 2)
    checks.nominate(ctx, cashier, kept, "C001")  # 2 guests x ¥1,000, 50 %: ¥1,000
    checks.nominate(ctx, cashier, kept, "C002", main=False)  # 2 x ¥200: ¥400
    checks.add_line(ctx, cashier, kept, "C01", 3, "C001")  # 3 x ¥300: ¥900
    wrong = checks.add_line(ctx, cashier, kept, "CD03", 1, "C002")
    checks.void_line(ctx, cashier, wrong, "Wrong item")  # voided on the check: no back
    checks.add_line(ctx, cashier, kept, "CD03", 2, "C002")  # 2 x 30 % of ¥1,500: ¥900
    _settle(ctx, cashier, kept)
    voided = checks.open_check(ctx, cashier, "T2", 1)
    checks.add_line(ctx, cashier, voided, "C01", 5, "C001")
    _settle(ctx, cashier, voided)
    corrections.void_settled_check(ctx, manager, voided, "wrong table charged")
    refunded = checks.open_check(ctx, cashier, "T3", 1)
    checks.add_line(ctx, cashier, refunded, "C01", 1, "C003")
    checks.add_line(ctx, cashier, refunded, "CD03", 1, "C003")
    _settle(ctx, cashier, refunded)
    cheki_line = _line_ids(ctx, refunded)[0]
    corrections.refund_check(ctx, manager, refunded, "cheki smudged", line_ids=[cheki_line])

    report = backs_report(ctx, NIGHT, NIGHT)
    by_cast = {c.code: (c.total, c.count) for c in report.casts}
    assert by_cast == {"C001": (1_000 + 900, 2 + 3), "C002": (400 + 900, 2 + 2),
                       "C003": (450, 1)}  # the refunded cheki's ¥300 taken back
    assert report.total == 1_900 + 1_300 + 450
    closed = day_report(ctx, NIGHT).figures
    assert [(b.code, b.total) for b in closed.backs] == [(c.code, c.total) for c in report.casts]
    nominated = {c.code: (c.nominations, c.nomination_amount) for c in closed.cast}
    assert nominated["C001"] == (2, 2_000) and nominated["C002"] == (2, 1_000)


def test_a_refund_after_new_rates_takes_back_what_the_sale_earned(ctx, cashier, manager, clock):
    save_back_rates(ctx, manager, NIGHT, [("C01", "yen", 300)])
    sold = checks.open_check(ctx, cashier, "T1", 1)
    checks.add_line(ctx, cashier, sold, "C01", 2, "C004")
    _settle(ctx, cashier, sold)
    save_back_rates(ctx, manager, NIGHT + timedelta(days=1), [("C01", "yen", 500)])
    clock.set(datetime(2026, 11, 21, 20, 0, tzinfo=TOKYO))
    corrections.refund_check(ctx, manager, sold, "returned", line_ids=_line_ids(ctx, sold))
    (given_back,) = backs_report(ctx, NIGHT + timedelta(days=1), NIGHT + timedelta(days=1)).casts
    assert (given_back.total, given_back.count) == (-600, -2)
    assert backs_report(ctx, NIGHT, NIGHT + timedelta(days=1)).total == 0


def test_a_period_report_as_csv_rows_and_a_bad_period_refused(ctx, cashier, manager):
    save_back_rates(ctx, manager, NIGHT, RATES)
    check = checks.open_check(ctx, cashier, "T1", 1)
    checks.add_line(ctx, cashier, check, "C01", 2, "C005")
    _settle(ctx, cashier, check)
    rows = backs_report(ctx, NIGHT - timedelta(days=6), NIGHT).csv_rows()
    assert rows[1][2:] == ["C005", rows[1][3], "C01", "ソロチェキ", 2, 600]
    with pytest.raises(InvalidInput, match="ends .2026-11-19. before it starts"):
        backs_report(ctx, NIGHT, NIGHT - timedelta(days=1))


def test_nominations_charge_each_guest_once_per_cast_member_with_one_main(ctx, cashier):
    check = checks.open_check(ctx, cashier, "T4", 3)
    checks.nominate(ctx, cashier, check, "C001")
    checks.nominate(ctx, cashier, check, "C002", main=False)
    before = snapshot(ctx)
    with pytest.raises(InvalidInput, match="already nominated"):
        checks.nominate(ctx, cashier, check, "C001", main=False)
    with pytest.raises(InvalidInput, match="main nomination already"):
        checks.nominate(ctx, cashier, check, "C003")
    with pytest.raises(InvalidInput, match="rung up with Nominate"):
        checks.add_line(ctx, cashier, check, "N01", 1, "C003")
    assert snapshot(ctx) == before
    lines = [(line.item_code, line.quantity, line.cast_name, line.amount)
             for line in check_detail(ctx, check).lines]
    assert [(code, qty, amount) for code, qty, _, amount in lines] == [("N01", 3, 3_000),
                                                                       ("N02", 3, 1_500)]


def test_an_extension_charges_every_guest_and_the_close_out_counts_it(ctx, cashier, clock):
    check = checks.open_check(ctx, cashier, "T6", 3)
    checks.add_line(ctx, cashier, check, "T01", 3)
    clock.advance(minutes=95)
    assert check_detail(ctx, check).stay.state.value == "over"
    assert checks.extend_stay(ctx, cashier, check) == 1
    detail = check_detail(ctx, check)
    assert (detail.stay.state.value, detail.stay.label) == ("ok", "95 / 120 min")
    assert [(line.item_code, line.quantity, line.amount) for line in detail.lines][-1] == (
        "T03", 3, 1_800)
    _settle(ctx, cashier, check)
    takeout = checks.open_check(ctx, cashier, "TO1", 1, takeout=True)
    before = snapshot(ctx)
    with pytest.raises(InvalidInput, match="take-out: it has no stay to extend"):
        checks.extend_stay(ctx, cashier, takeout)
    assert snapshot(ctx) == before
    assert day_report(ctx, NIGHT).figures.extensions == 1

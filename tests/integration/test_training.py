"""Training: a manager's switch; practice checks earn nothing, reach no one and stay out of the figures."""

import json
from datetime import date

import pytest
from sqlalchemy import func, select

from bp_till.domain.errors import InvalidInput, NotAllowed
from bp_till.domain.settlement import Tender
from bp_till.printing.escpos_out import paper_dots
from bp_till.printing.layout import close_out_report, sale_receipt
from bp_till.printing.printers import Printer
from bp_till.printing.raster import block_image
from bp_till.printing.blocks import Line
from bp_till.services import checks, closeout, corrections, producers, tables
from bp_till.services.floor import check_detail
from bp_till.services.settle import receipt_for, settle_check
from bp_till.services.split_pay import plan_split, settle_part
from bp_till.services.staff import Approval
from bp_till.services.training import set_training, training_state
from bp_till.services.votes import cast_votes
from bp_till.domain.votes import Allocation
from bp_till.store.models import AuditEntry, Check, OutboxEvent, PointsEntry, Producer
from tests.conftest import PINS
from tests.escpos_reader import Raster, Text, read_escpos
from tests.integration.recount import recount

DAY = date(2026, 11, 20)


def _count(ctx, model, *where):
    with ctx.store.read() as session:
        return session.scalar(select(func.count()).select_from(model).where(*where))


def _sale(ctx, cashier, table="T2", card=None):
    check = checks.open_check(ctx, cashier, table, 2)
    checks.add_line(ctx, cashier, check, "T01", 2)
    checks.add_line(ctx, cashier, check, "C01", 1, cast_code="C001")
    if card is not None:
        checks.attach_producer(ctx, cashier, check, card)
    return check, settle_check(ctx, cashier, check, [Tender("cash", 5_000)])


def _audits(ctx, *actions):
    with ctx.store.read() as session:
        return [(a.action, a.staff_id, a.approver_id) for a in session.scalars(
            select(AuditEntry).where(AuditEntry.action.in_(actions)).order_by(AuditEntry.id))]


def test_a_training_sale_credits_nothing_queues_nothing_and_leaves_the_figures_alone(
        ctx, cashier, manager):
    regular = producers.issue_producer(ctx, cashier)
    _sale(ctx, cashier, "T1", regular.card_number)  # a real sale first
    before = closeout.day_report(ctx).figures.as_json()
    events_before = _count(ctx, OutboxEvent)

    set_training(ctx, manager, True)
    check, receipt = _sale(ctx, cashier, "T2", regular.card_number)

    with ctx.store.read() as session:
        row = session.get(Check, check)
        assert (row.training, row.status, row.spend_points, row.vote_points) == (True, "settled", 0, 0)
        producer = session.get(Producer, row.producer_id)
        assert producer.spend_points == 32  # ¥3,200 of the real sale only
    assert _count(ctx, PointsEntry, PointsEntry.check_id == check) == 0
    assert _count(ctx, OutboxEvent) == events_before  # nothing for the central database
    assert receipt.training and receipt.producer.spend_points == 0
    figures = closeout.day_report(ctx).figures
    after = figures.as_json()
    assert after.pop("training_checks") == 1 and before.pop("training_checks") == 0
    assert after == before  # every figure as it was before the practice sale
    expected = recount(ctx.store.path, DAY)  # plain SQL over the store agrees
    assert expected["training_checks"] == 1
    for figure in ("checks", "gross_sales", "tax", "payments", "points", "cast", "backs"):
        assert expected[figure] == after[figure], figure
    assert receipt_for(ctx, check).training  # a reprint says so too


def test_the_switch_is_a_managers_and_is_audited(ctx, cashier, manager, unchanged):
    with unchanged(), pytest.raises(NotAllowed, match="A manager's PIN is needed to turn training on"):
        set_training(ctx, cashier, True)
    state = set_training(ctx, cashier, True, Approval(manager.id, PINS["manager"]))
    assert state.on and state.started_by == "Yuto"
    assert training_state(ctx).on
    with unchanged(), pytest.raises(InvalidInput, match="Training is already on"):
        set_training(ctx, manager, True)
    assert not set_training(ctx, manager, False).on
    assert _audits(ctx, "training.on", "training.off") == [
        ("training.on", cashier.id, manager.id), ("training.off", manager.id, None)]
    check = checks.open_check(ctx, cashier, "T3", 1)
    with ctx.store.read() as session:
        assert session.get(Check, check).training is False  # off again: a real check


def test_training_stays_on_while_practice_checks_are_open(ctx, cashier, manager, unchanged):
    set_training(ctx, manager, True)
    first = checks.open_check(ctx, cashier, "T4", 1)
    checks.open_check(ctx, cashier, "T5", 1)
    with unchanged(), pytest.raises(InvalidInput) as refused:
        set_training(ctx, manager, False)
    assert refused.value.message == ("Training checks are still open: #1 (T4), #2 (T5). Settle or "
                                     "cancel them before turning training off.")
    checks.cancel_check(ctx, cashier, first, "practice over")
    checks.add_line(ctx, cashier, first + 1, "T01")
    settle_check(ctx, cashier, first + 1, [Tender("cash", 2_000)])
    assert not set_training(ctx, manager, False).on
    figures = closeout.day_report(ctx).figures
    assert (figures.checks, figures.cancelled_checks, figures.training_checks) == (0, 0, 2)


def test_no_card_is_issued_and_no_real_account_touched_in_training(ctx, cashier, manager, unchanged):
    regular = producers.issue_producer(ctx, cashier)
    producers.adjust_points(ctx, manager, regular.card_number, spend_delta=0, vote_delta=50,
                            reason="welcome")
    set_training(ctx, manager, True)
    with unchanged(refusals=3):  # a refused replacement, reset or adjustment is audited
        for action in (lambda: producers.issue_producer(ctx, cashier),
                       lambda: producers.replace_card(ctx, manager, regular.card_number),
                       lambda: producers.reset_password(ctx, manager, regular.card_number),
                       lambda: producers.adjust_points(ctx, manager, regular.card_number,
                                                       vote_delta=5, reason="test"),
                       lambda: cast_votes(ctx, cashier, regular.card_number,
                                          [Allocation("C001", 10)])):
            with pytest.raises(NotAllowed, match="The till is in training: it cannot"):
                action()


def test_a_training_check_is_not_voided_refunded_or_merged_with_a_real_one(
        ctx, cashier, manager, unchanged):
    real = checks.open_check(ctx, cashier, "T6", 1)
    set_training(ctx, manager, True)
    practice, _ = _sale(ctx, cashier, "T7")
    open_practice = checks.open_check(ctx, cashier, "T8", 1)
    with unchanged():
        with pytest.raises(InvalidInput, match="was a training check"):
            corrections.void_settled_check(ctx, manager, practice, "test")
        with pytest.raises(InvalidInput, match="not both training checks"):
            tables.merge_checks(ctx, cashier, open_practice, real)


def test_a_training_check_paid_in_parts_credits_and_queues_nothing(ctx, cashier, manager):
    regular = producers.issue_producer(ctx, cashier)
    set_training(ctx, manager, True)
    check = checks.open_check(ctx, cashier, "T9", 2)
    one = checks.add_line(ctx, cashier, check, "T01")
    two = checks.add_line(ctx, cashier, check, "T01")
    events = _count(ctx, OutboxEvent)
    plan_split(ctx, cashier, check, {one: 1, two: 2}, 2)
    receipt = settle_part(ctx, cashier, check, 1, [Tender("cash", 2_000)], regular.card_number)
    settle_part(ctx, cashier, check, 2, [Tender("cash", 2_000)])
    assert receipt.training and receipt.producer.spend_points == 0
    assert _count(ctx, OutboxEvent) == events and _count(ctx, PointsEntry, PointsEntry.check_id == check) == 0
    assert closeout.day_report(ctx).figures.tax == ()


def test_the_printed_receipt_says_practice_in_both_languages(ctx, cashier, manager, tmp_path):
    set_training(ctx, manager, True)
    _, receipt = _sale(ctx, cashier)
    out = tmp_path / "receipt.bin"
    Printer(f"file://{out}", "TM-T88V").print_blocks(sale_receipt(receipt), "receipt", receipt.issued_at)
    items = read_escpos(out.read_bytes())
    assert Text("TRAINING - NOT A RECEIPT") in items  # ASCII: in the printer's own font
    # Japanese goes as a picture: the one drawn for the 練習 TRAINING mark is in the bytes.
    mark = block_image(Line("練習 TRAINING", "center", bold=True, big=True), paper_dots("TM-T88V"))
    rasters = [item.image.convert("L").tobytes() for item in items if isinstance(item, Raster)]
    assert mark.convert("L").tobytes() in rasters
    assert rasters.index(mark.convert("L").tobytes()) <= 1  # at the top, under the shop name


def test_the_close_out_report_counts_the_training_checks(ctx, cashier, manager):
    set_training(ctx, manager, True)
    _sale(ctx, cashier)
    blocks = close_out_report(closeout.day_report(ctx).figures, "Backstage Pass", 1)
    rows = [(b.left, b.right) for b in blocks if hasattr(b, "left")]
    assert ("練習 Training checks (not in figures)", "1") in rows
    assert json.dumps(closeout.day_report(ctx).as_json())  # the CLI's --json carries it


def test_the_check_screen_promises_no_points_on_a_training_check(ctx, cashier, manager):
    regular = producers.issue_producer(ctx, cashier)
    set_training(ctx, manager, True)
    check = checks.open_check(ctx, cashier, "T1", 1)
    checks.add_line(ctx, cashier, check, "T01", 3)
    checks.attach_producer(ctx, cashier, check, regular.card_number)
    detail = check_detail(ctx, check)
    assert detail.training and (detail.producer.earn_spend, detail.producer.earn_votes) == (0, 0)

"""SQLAlchemy models of the local store, one class a table.

History is never edited: a void, refund or adjustment is a new row. The
cached totals on ``Producer`` are kept in step with ``PointsEntry`` in the
same transaction, so a card lookup on a store of a million checks stays a
single indexed read.
"""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import (
    Boolean,
    CheckConstraint,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    String,
    Text,
    UniqueConstraint,
    false,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship

from bp_till.store.types import IsoDate, UtcDateTime

NAMING = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING)


class Staff(Base):
    __tablename__ = "staff"
    __table_args__ = (
        CheckConstraint("role IN ('cashier', 'shift_lead', 'manager')", name="role"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(80), unique=True)
    role: Mapped[str] = mapped_column(String(16))
    pin_hash: Mapped[str] = mapped_column(String(200))
    failed_pin_attempts: Mapped[int] = mapped_column(Integer, default=0)
    locked_until: Mapped[datetime | None] = mapped_column(UtcDateTime)
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    created_at: Mapped[datetime] = mapped_column(UtcDateTime)


class CastMember(Base):
    __tablename__ = "cast_members"

    id: Mapped[int] = mapped_column(primary_key=True)
    code: Mapped[str] = mapped_column(String(16), unique=True)  # stable across tills
    stage_name: Mapped[str] = mapped_column(String(80), unique=True)
    romaji: Mapped[str] = mapped_column(String(80))
    active: Mapped[bool] = mapped_column(Boolean, default=True)


class MenuItem(Base):
    __tablename__ = "menu_items"
    __table_args__ = (CheckConstraint("price >= 0 AND price <= 10000000", name="price"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    code: Mapped[str] = mapped_column(String(16), unique=True)
    category: Mapped[str] = mapped_column(String(16))
    name_ja: Mapped[str] = mapped_column(String(120))
    name_en: Mapped[str] = mapped_column(String(120))
    price: Mapped[int] = mapped_column(Integer)  # tax-inclusive yen
    cast_credit: Mapped[bool] = mapped_column(Boolean, default=False)
    active: Mapped[bool] = mapped_column(Boolean, default=True)  # retired: off the menu, kept
    sort_order: Mapped[int] = mapped_column(Integer, default=0)
    # An event item's business days on the menu (both included); None: no limit that side.
    available_from: Mapped[date | None] = mapped_column(IsoDate)
    available_until: Mapped[date | None] = mapped_column(IsoDate)


class Producer(Base):
    """A customer's account: a stable login ID, one live card, points for life."""

    __tablename__ = "producers"
    __table_args__ = (
        CheckConstraint("spend_points >= 0", name="spend_points"),
        CheckConstraint("vote_points >= 0", name="vote_points"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    login_id: Mapped[str] = mapped_column(String(16), unique=True)
    # argon2id PHC string only. None for a producer pulled from another till: the till
    # writes a hash (issue, replace, reset) and sends it on, but never reads one.
    password_hash: Mapped[str | None] = mapped_column(String(200))
    created_at: Mapped[datetime] = mapped_column(UtcDateTime)
    spend_points: Mapped[int] = mapped_column(Integer, default=0)  # lifetime
    vote_points: Mapped[int] = mapped_column(Integer, default=0)  # balance
    cards: Mapped[list[Card]] = relationship(back_populates="producer")


class Card(Base):
    __tablename__ = "cards"
    __table_args__ = (CheckConstraint("status IN ('live', 'replaced')", name="status"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    number: Mapped[str] = mapped_column(String(16), unique=True)
    producer_id: Mapped[int] = mapped_column(ForeignKey("producers.id"), index=True)
    status: Mapped[str] = mapped_column(String(10), default="live")
    issued_at: Mapped[datetime] = mapped_column(UtcDateTime)
    replaced_at: Mapped[datetime | None] = mapped_column(UtcDateTime)
    producer: Mapped[Producer] = relationship(back_populates="cards")


class PointsEntry(Base):
    """One movement of spend or vote points; the history the cached totals come from."""

    __tablename__ = "points_ledger"
    __table_args__ = (
        CheckConstraint("kind IN ('spend', 'vote')", name="kind"),
        Index("ix_points_ledger_producer", "producer_id", "created_at"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    producer_id: Mapped[int] = mapped_column(ForeignKey("producers.id"))
    kind: Mapped[str] = mapped_column(String(8))
    delta: Mapped[int] = mapped_column(Integer)
    reason: Mapped[str] = mapped_column(String(16))  # check, adjustment, vote
    check_id: Mapped[int | None] = mapped_column(ForeignKey("checks.id"))
    staff_id: Mapped[int | None] = mapped_column(ForeignKey("staff.id"))
    note: Mapped[str | None] = mapped_column(Text)
    created_at: Mapped[datetime] = mapped_column(UtcDateTime)


class Check(Base):
    __tablename__ = "checks"
    __table_args__ = (
        CheckConstraint("status IN ('open', 'settled', 'voided')", name="status"),
        CheckConstraint("guests >= 1", name="guests"),
        Index("ix_checks_status_day", "status", "business_day"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    uuid: Mapped[str] = mapped_column(String(36), unique=True)
    number: Mapped[int] = mapped_column(Integer, unique=True)  # per terminal, shown to staff
    table_label: Mapped[str] = mapped_column(String(16))
    guests: Mapped[int] = mapped_column(Integer)
    takeout: Mapped[bool] = mapped_column(Boolean, default=False)
    status: Mapped[str] = mapped_column(String(10), default="open")
    opened_at: Mapped[datetime] = mapped_column(UtcDateTime)
    opened_by: Mapped[int] = mapped_column(ForeignKey("staff.id"))
    extensions: Mapped[int] = mapped_column(Integer, default=0)
    # The minutes the table was seated for: its set's, plus each extension's (None: take-out).
    stay_minutes: Mapped[int | None] = mapped_column(Integer)
    producer_id: Mapped[int | None] = mapped_column(ForeignKey("producers.id"), index=True)
    card_number: Mapped[str | None] = mapped_column(String(16))  # the card as scanned
    rank_name: Mapped[str | None] = mapped_column(String(32))  # held when attached
    multiplier_pct: Mapped[int | None] = mapped_column(Integer)
    closed_at: Mapped[datetime | None] = mapped_column(UtcDateTime)
    closed_by: Mapped[int | None] = mapped_column(ForeignKey("staff.id"))
    business_day: Mapped[date | None] = mapped_column(IsoDate)  # of the settle
    total: Mapped[int] = mapped_column(Integer, default=0)
    change: Mapped[int] = mapped_column(Integer, default=0)
    spend_points: Mapped[int] = mapped_column(Integer, default=0)
    vote_points: Mapped[int] = mapped_column(Integer, default=0)
    void_reason: Mapped[str | None] = mapped_column(Text)
    # A settled check voided the same night (status 'voided', payments kept on record).
    voided_at: Mapped[datetime | None] = mapped_column(UtcDateTime)
    voided_by: Mapped[int | None] = mapped_column(ForeignKey("staff.id"))
    void_approved_by: Mapped[int | None] = mapped_column(ForeignKey("staff.id"))
    # A check merged into another table's: the id of that check (status 'voided', no sale).
    merged_into: Mapped[int | None] = mapped_column(Integer)
    # Paid in parts: JSON {"parts": n, "lines": {line id: part or null (shared)}}.
    split_plan: Mapped[str | None] = mapped_column(Text)
    # Rung up while the till was in training: no points, no event, not in the figures.
    training: Mapped[bool] = mapped_column(Boolean, default=False, server_default=false())
    lines: Mapped[list[CheckLine]] = relationship(back_populates="check", order_by="CheckLine.id")
    payments: Mapped[list[Payment]] = relationship(order_by="Payment.id")


class CheckLine(Base):
    __tablename__ = "check_lines"
    __table_args__ = (
        CheckConstraint("quantity > 0", name="quantity"),
        CheckConstraint("tax_rate IN (8, 10)", name="tax_rate"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    check_id: Mapped[int] = mapped_column(ForeignKey("checks.id"), index=True)
    menu_item_id: Mapped[int] = mapped_column(ForeignKey("menu_items.id"))
    # Name, category and price are copied: a menu change must not rewrite old receipts.
    name_ja: Mapped[str] = mapped_column(String(120))
    name_en: Mapped[str] = mapped_column(String(120))
    category: Mapped[str] = mapped_column(String(16))
    unit_price: Mapped[int] = mapped_column(Integer)
    quantity: Mapped[int] = mapped_column(Integer)
    tax_rate: Mapped[int] = mapped_column(Integer)
    cast_id: Mapped[int | None] = mapped_column(ForeignKey("cast_members.id"))
    added_at: Mapped[datetime] = mapped_column(UtcDateTime)
    added_by: Mapped[int] = mapped_column(ForeignKey("staff.id"))
    voided_at: Mapped[datetime | None] = mapped_column(UtcDateTime)
    voided_by: Mapped[int | None] = mapped_column(ForeignKey("staff.id"))
    void_reason: Mapped[str | None] = mapped_column(Text)
    check: Mapped[Check] = relationship(back_populates="lines")
    cast: Mapped[CastMember | None] = relationship()
    menu_item: Mapped[MenuItem] = relationship()

    @property
    def amount(self) -> int:
        return self.unit_price * self.quantity


class Payment(Base):
    __tablename__ = "payments"
    __table_args__ = (CheckConstraint("method IN ('cash', 'card', 'emoney')", name="method"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    check_id: Mapped[int] = mapped_column(ForeignKey("checks.id"), index=True)
    method: Mapped[str] = mapped_column(String(8))
    amount: Mapped[int] = mapped_column(Integer)  # what pays the check
    tendered: Mapped[int] = mapped_column(Integer)  # what was handed over
    part: Mapped[int | None] = mapped_column(Integer)  # of a check paid in parts


class CheckPart(Base):
    """One part of a check paid in parts: its own payment, producer, points and receipt."""

    __tablename__ = "check_parts"
    __table_args__ = (UniqueConstraint("check_id", "number", name="uq_check_parts_check_number"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    check_id: Mapped[int] = mapped_column(ForeignKey("checks.id"), index=True)
    number: Mapped[int] = mapped_column(Integer)  # 1-based, as the plan numbers them
    total: Mapped[int] = mapped_column(Integer)
    # Its receipt's amounts per rate: the close-out's tax is taken once per rate per part.
    standard_total: Mapped[int] = mapped_column(Integer)
    reduced_total: Mapped[int] = mapped_column(Integer)
    change: Mapped[int] = mapped_column(Integer)
    producer_id: Mapped[int | None] = mapped_column(ForeignKey("producers.id"))
    card_number: Mapped[str | None] = mapped_column(String(16))
    rank_name: Mapped[str | None] = mapped_column(String(32))
    multiplier_pct: Mapped[int | None] = mapped_column(Integer)
    spend_points: Mapped[int] = mapped_column(Integer)
    vote_points: Mapped[int] = mapped_column(Integer)
    settled_at: Mapped[datetime] = mapped_column(UtcDateTime)
    settled_by: Mapped[int] = mapped_column(ForeignKey("staff.id"))
    business_day: Mapped[date] = mapped_column(IsoDate)
    producer: Mapped[Producer | None] = relationship()


class AuditEntry(Base):
    """Who did what, and who approved it when it needed a higher role."""

    __tablename__ = "audit_log"

    id: Mapped[int] = mapped_column(primary_key=True)
    at: Mapped[datetime] = mapped_column(UtcDateTime, index=True)
    action: Mapped[str] = mapped_column(String(40))
    staff_id: Mapped[int | None] = mapped_column(ForeignKey("staff.id"))
    approver_id: Mapped[int | None] = mapped_column(ForeignKey("staff.id"))
    subject: Mapped[str | None] = mapped_column(String(80))
    detail: Mapped[str | None] = mapped_column(Text)  # JSON; never a password or PIN


class BusinessDay(Base):
    __tablename__ = "business_days"
    __table_args__ = (CheckConstraint("status IN ('open', 'closed')", name="status"),)

    day: Mapped[date] = mapped_column(IsoDate, primary_key=True)
    status: Mapped[str] = mapped_column(String(8), default="open")
    closed_at: Mapped[datetime | None] = mapped_column(UtcDateTime)
    closed_by: Mapped[int | None] = mapped_column(ForeignKey("staff.id"))
    close_approved_by: Mapped[int | None] = mapped_column(ForeignKey("staff.id"))
    opening_float: Mapped[int | None] = mapped_column(Integer)
    counted_cash: Mapped[int | None] = mapped_column(Integer)
    cash_count: Mapped[str | None] = mapped_column(Text)  # JSON: yen value -> pieces
    figures: Mapped[str | None] = mapped_column(Text)  # JSON: the report as it was closed


class Refund(Base):
    """A return (返品・返金): a negative entry on the day it is given, naming the sale."""

    __tablename__ = "refunds"
    __table_args__ = (
        CheckConstraint("total < 0", name="total"),
        CheckConstraint("spend_points <= 0 AND vote_points <= 0", name="points"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    number: Mapped[int] = mapped_column(Integer, unique=True)  # per terminal, printed
    check_id: Mapped[int] = mapped_column(ForeignKey("checks.id"), index=True)  # the sale
    business_day: Mapped[date] = mapped_column(IsoDate, index=True)  # of the refund
    refunded_at: Mapped[datetime] = mapped_column(UtcDateTime)
    staff_id: Mapped[int] = mapped_column(ForeignKey("staff.id"))
    approver_id: Mapped[int | None] = mapped_column(ForeignKey("staff.id"))
    reason: Mapped[str] = mapped_column(Text)
    total: Mapped[int] = mapped_column(Integer)
    spend_points: Mapped[int] = mapped_column(Integer, default=0)  # taken back
    vote_points: Mapped[int] = mapped_column(Integer, default=0)  # taken back
    votes_already_spent: Mapped[int] = mapped_column(Integer, default=0)  # could not be
    lines: Mapped[list[RefundLine]] = relationship(order_by="RefundLine.id")
    payments: Mapped[list[RefundPayment]] = relationship(order_by="RefundPayment.id")


class RefundLine(Base):
    """A line of the sale given back; unique, so no line is refunded twice."""

    __tablename__ = "refund_lines"

    id: Mapped[int] = mapped_column(primary_key=True)
    refund_id: Mapped[int] = mapped_column(ForeignKey("refunds.id"), index=True)
    check_line_id: Mapped[int] = mapped_column(ForeignKey("check_lines.id"), unique=True)
    amount: Mapped[int] = mapped_column(Integer)  # negative
    line: Mapped[CheckLine] = relationship()


class RefundPayment(Base):
    __tablename__ = "refund_payments"
    __table_args__ = (
        CheckConstraint("method IN ('cash', 'card', 'emoney')", name="method"),
        CheckConstraint("amount < 0", name="amount"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    refund_id: Mapped[int] = mapped_column(ForeignKey("refunds.id"), index=True)
    method: Mapped[str] = mapped_column(String(8))
    amount: Mapped[int] = mapped_column(Integer)  # negative: what went back


class OutboxEvent(Base):
    """What the central database must learn, written with the change itself."""

    __tablename__ = "outbox"
    __table_args__ = (
        UniqueConstraint("terminal", "seq", name="uq_outbox_terminal_seq"),
        Index("ix_outbox_unsent", "sent_at", "seq"),
    )

    event_id: Mapped[str] = mapped_column(String(36), primary_key=True)
    terminal: Mapped[int] = mapped_column(Integer)
    seq: Mapped[int] = mapped_column(Integer)  # gapless per terminal
    type: Mapped[str] = mapped_column(String(40))
    version: Mapped[int] = mapped_column(Integer)
    payload: Mapped[str] = mapped_column(Text)  # JSON
    created_at: Mapped[datetime] = mapped_column(UtcDateTime)
    sent_at: Mapped[datetime | None] = mapped_column(UtcDateTime)


class Counter(Base):
    """Per-terminal sequences; bumped inside the writing transaction, so never gapped."""

    __tablename__ = "counters"

    name: Mapped[str] = mapped_column(String(32), primary_key=True)
    value: Mapped[int] = mapped_column(Integer, default=0)


class Vote(Base):
    """Vote points a producer gave a cast member at this till (the website keeps its own)."""

    __tablename__ = "votes"
    __table_args__ = (
        CheckConstraint("points > 0", name="points"),
        Index("ix_votes_month_cast", "business_month", "cast_id"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    producer_id: Mapped[int] = mapped_column(ForeignKey("producers.id"), index=True)
    cast_id: Mapped[int] = mapped_column(ForeignKey("cast_members.id"))
    points: Mapped[int] = mapped_column(Integer)
    business_month: Mapped[str] = mapped_column(String(7))  # YYYY-MM, Asia/Tokyo from 05:00
    voted_at: Mapped[datetime] = mapped_column(UtcDateTime)
    staff_id: Mapped[int] = mapped_column(ForeignKey("staff.id"))
    cast: Mapped[CastMember] = relationship()


class RankTableVersion(Base):
    """A version of the rank table a manager saved; the newest is in force.

    Checks keep the multiplier they were rung up with, so a new version never
    changes a receipt already printed.
    """

    __tablename__ = "rank_tables"

    version: Mapped[int] = mapped_column(primary_key=True)
    ranks: Mapped[str] = mapped_column(Text)  # JSON: [{name, threshold, multiplier_pct}]
    created_at: Mapped[datetime] = mapped_column(UtcDateTime)
    created_by: Mapped[int | None] = mapped_column(ForeignKey("staff.id"))


class RosterVersion(Base):
    """A version of a business day's roster (出勤) a shift lead saved; the newest holds."""

    __tablename__ = "rosters"

    business_day: Mapped[date] = mapped_column(IsoDate, primary_key=True)
    version: Mapped[int] = mapped_column(Integer, primary_key=True)
    cast_codes: Mapped[str] = mapped_column(Text)  # JSON list, in the order marked
    created_at: Mapped[datetime] = mapped_column(UtcDateTime)
    created_by: Mapped[int | None] = mapped_column(ForeignKey("staff.id"))


class ShowScheduleVersion(Base):
    """A version of the stage show schedule a manager saved; the newest is in force."""

    __tablename__ = "show_schedules"

    version: Mapped[int] = mapped_column(primary_key=True)
    rule: Mapped[str] = mapped_column(Text)  # JSON: first, last (HH:MM), every_minutes, length_minutes
    created_at: Mapped[datetime] = mapped_column(UtcDateTime)
    created_by: Mapped[int | None] = mapped_column(ForeignKey("staff.id"))


class BackRatesVersion(Base):
    """A version of the cast backs a manager saved, in force from a business day on."""

    __tablename__ = "cast_back_rates"

    version: Mapped[int] = mapped_column(primary_key=True)
    effective_from: Mapped[date] = mapped_column(IsoDate)
    rates: Mapped[str] = mapped_column(Text)  # JSON: {item code: {"kind": "yen"|"percent", "value": n}}
    created_at: Mapped[datetime] = mapped_column(UtcDateTime)
    created_by: Mapped[int | None] = mapped_column(ForeignKey("staff.id"))


class StayRuleVersion(Base):
    """A version of the stay rule a manager saved (sets, extension), in force from a business day."""

    __tablename__ = "stay_rules"

    version: Mapped[int] = mapped_column(primary_key=True)
    effective_from: Mapped[date] = mapped_column(IsoDate)
    rule: Mapped[str] = mapped_column(Text)  # JSON, as services.stay writes it
    created_at: Mapped[datetime] = mapped_column(UtcDateTime)
    created_by: Mapped[int | None] = mapped_column(ForeignKey("staff.id"))


class PrintJob(Base):
    """A sale receipt or reprint sent to the printer, kept so a failed one can print again.

    Only what rebuilds the receipt (the check) is kept, never the printout; card
    slips are never written here (they carry a password).
    """

    __tablename__ = "print_jobs"
    __table_args__ = (
        CheckConstraint("kind IN ('receipt', 'reprint')", name="kind"),
        CheckConstraint("state IN ('queued', 'sent', 'confirmed', 'failed', 'retried')",
                        name="state"),
        Index("ix_print_jobs_state", "state", "queued_at"),
    )

    id: Mapped[str] = mapped_column(String(32), primary_key=True)
    kind: Mapped[str] = mapped_column(String(10))
    check_id: Mapped[int] = mapped_column(ForeignKey("checks.id"))
    part: Mapped[int | None] = mapped_column(Integer)  # of a check paid in parts (0019)
    state: Mapped[str] = mapped_column(String(10))
    queued_at: Mapped[datetime] = mapped_column(UtcDateTime)
    sent_at: Mapped[datetime | None] = mapped_column(UtcDateTime)  # the first byte went out
    finished_at: Mapped[datetime | None] = mapped_column(UtcDateTime)
    fault_kind: Mapped[str | None] = mapped_column(String(16))
    fault_message: Mapped[str | None] = mapped_column(Text)
    staff_id: Mapped[int | None] = mapped_column(ForeignKey("staff.id"))  # who asked (reprints)
    retry_of: Mapped[str | None] = mapped_column(ForeignKey("print_jobs.id"))
    check: Mapped[Check] = relationship()


class LastWrite(Base):
    """The time of the newest write, moved forward by every commit (one row).

    Settling compares the clock with it, so a clock set back is caught before
    a sale lands on a business day that is over (bp_till/domain/clock_check.py).
    """

    __tablename__ = "last_write"
    __table_args__ = (CheckConstraint("id = 1", name="one_row"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    at: Mapped[datetime | None] = mapped_column(UtcDateTime)


class TrainingMode(Base):
    """The till is in training while this row is there (one row): who turned it on, when."""

    __tablename__ = "training_mode"
    __table_args__ = (CheckConstraint("id = 1", name="one_row"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    started_at: Mapped[datetime] = mapped_column(UtcDateTime)
    started_by: Mapped[int] = mapped_column(ForeignKey("staff.id"))


class BoardEntry(Base):
    """A cast member's vote points for a business month, as the central database last said."""

    __tablename__ = "ranking_board"

    business_month: Mapped[str] = mapped_column(String(7), primary_key=True)
    cast_code: Mapped[str] = mapped_column(String(16), primary_key=True)
    points: Mapped[int] = mapped_column(Integer)
    last_vote_at: Mapped[datetime] = mapped_column(UtcDateTime)
    pulled_at: Mapped[datetime] = mapped_column(UtcDateTime)


class VoteRefusal(Base):
    """Votes from this till that the central database refused (spent elsewhere meanwhile)."""

    __tablename__ = "vote_refusals"
    __table_args__ = (Index("ix_vote_refusals_login", "login_id"),)

    event_id: Mapped[str] = mapped_column(String(36), primary_key=True)
    login_id: Mapped[str] = mapped_column(String(16))
    points: Mapped[int] = mapped_column(Integer)
    reason: Mapped[str] = mapped_column(Text)
    refused_at: Mapped[datetime] = mapped_column(UtcDateTime)


class SyncCursor(Base):
    """Where the last pull stopped, per kind of data pulled."""

    __tablename__ = "sync_cursors"

    name: Mapped[str] = mapped_column(String(32), primary_key=True)
    value: Mapped[str] = mapped_column(Text)

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
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    sort_order: Mapped[int] = mapped_column(Integer, default=0)


class Producer(Base):
    """A customer's account: a stable login ID, one live card, points for life."""

    __tablename__ = "producers"
    __table_args__ = (
        CheckConstraint("spend_points >= 0", name="spend_points"),
        CheckConstraint("vote_points >= 0", name="vote_points"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    login_id: Mapped[str] = mapped_column(String(16), unique=True)
    password_hash: Mapped[str] = mapped_column(String(200))  # argon2id PHC string only
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


class LastWrite(Base):
    """The time of the newest write, moved forward by every commit (one row).

    Settling compares the clock with it, so a clock set back is caught before
    a sale lands on a business day that is over (bp_till/domain/clock_check.py).
    """

    __tablename__ = "last_write"
    __table_args__ = (CheckConstraint("id = 1", name="one_row"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    at: Mapped[datetime | None] = mapped_column(UtcDateTime)

"""The central schema: the events every till sends, and what they project into.

``events`` is the record: each event once, by its id and by (terminal, seq).
The other tables are projections of it, written in the same transaction as
the event, which is how an event counts exactly once.
"""

from __future__ import annotations

from sqlalchemy import (
    JSON,
    BigInteger,
    Column,
    DateTime,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    String,
    Table,
    Text,
    UniqueConstraint,
)
from sqlalchemy.dialects.postgresql import JSONB

metadata = MetaData()
Payload = JSON().with_variant(JSONB(), "postgresql")

events = Table(
    "events", metadata,
    Column("event_id", String(36), primary_key=True),
    Column("terminal", Integer, nullable=False),
    Column("seq", BigInteger, nullable=False),
    Column("type", String(40), nullable=False),
    Column("version", Integer, nullable=False),
    Column("payload", Payload, nullable=False),
    Column("received_at", DateTime(timezone=True), nullable=False),
    UniqueConstraint("terminal", "seq", name="uq_events_terminal_seq"),
)

producers = Table(
    "producers", metadata,
    Column("login_id", String(16), primary_key=True),
    # argon2id PHC string: the website verifies against it; terminals cannot read it
    Column("password_hash", String(200), nullable=False),
    Column("created_at", DateTime(timezone=True), nullable=False),
    Column("home_terminal", Integer, nullable=False),
)

cards = Table(
    "cards", metadata,
    Column("number", String(16), primary_key=True),
    Column("login_id", String(16), ForeignKey("producers.login_id"), nullable=False),
    Column("status", String(10), nullable=False),
    Column("issued_at", DateTime(timezone=True), nullable=False),
)

points_ledger = Table(
    "points_ledger", metadata,
    Column("id", BigInteger().with_variant(Integer, "sqlite"), primary_key=True, autoincrement=True),
    Column("event_id", String(36), ForeignKey("events.event_id"), nullable=False),
    Column("login_id", String(16), ForeignKey("producers.login_id"), nullable=False),
    Column("kind", String(8), nullable=False),  # spend, vote
    Column("delta", Integer, nullable=False),
    Column("reason", String(16), nullable=False),
    Column("note", Text),
    Index("ix_central_ledger_login", "login_id"),
)

cast_credits = Table(
    "cast_credits", metadata,
    Column("id", BigInteger().with_variant(Integer, "sqlite"), primary_key=True, autoincrement=True),
    Column("event_id", String(36), ForeignKey("events.event_id"), nullable=False),
    Column("cast_code", String(16), nullable=False),
    Column("business_day", String(10), nullable=False),
    Column("category", String(16), nullable=False),
    Column("quantity", Integer, nullable=False),
    Column("amount", Integer, nullable=False),
)

# Each till's close-out, as its shift lead locked it: the owner's view of the night.
day_summaries = Table(
    "day_summaries", metadata,
    Column("terminal", Integer, primary_key=True),
    Column("business_day", String(10), primary_key=True),
    Column("figures", Payload, nullable=False),
    Column("closed_at", DateTime(timezone=True), nullable=False),
    Column("event_id", String(36), ForeignKey("events.event_id"), nullable=False),
)

PRODUCER_BALANCES_SQL = """
CREATE VIEW producer_balances AS
SELECT p.login_id,
       COALESCE(SUM(CASE WHEN l.kind = 'spend' THEN l.delta END), 0) AS spend_points,
       COALESCE(SUM(CASE WHEN l.kind = 'vote' THEN l.delta END), 0) AS vote_points
FROM producers p LEFT JOIN points_ledger l ON l.login_id = p.login_id
GROUP BY p.login_id
"""

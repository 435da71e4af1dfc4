"""The central schema: the events every till sends, and what they project into.

``events`` is the record: each event once, by its id and by (terminal, seq),
numbered in the order it arrived (``ingest_id``). Every other table is a
projection of it, written in the same transaction as the event, which is how
an event counts exactly once.

Every table but one is insert-only. A replaced card is a row in ``card_retirements``,
a new password a row in ``credentials``, a refused vote a row in
``vote_refusals``, a new menu a new version per item: nothing is ever updated
or deleted, so no role needs UPDATE or DELETE (on PostgreSQL a till's role
does not even INSERT: it writes through the function ``ingest_events``).
The views in ``views.py`` read the current state out of the history.

The exception is ``cast_month_totals``: the sum of ``votes`` per business
month and cast member, updated (by the schema's owner only) in the same
transaction as the votes it adds, so the board reads a few dozen rows rather
than a month of votes (totals.py).
"""

from __future__ import annotations

from sqlalchemy import (
    JSON,
    BigInteger,
    Boolean,
    Column,
    DateTime,
    ForeignKey,
    Identity,
    Index,
    Integer,
    MetaData,
    PrimaryKeyConstraint,
    String,
    Table,
    Text,
    UniqueConstraint,
)
from sqlalchemy.dialects.postgresql import JSONB

metadata = MetaData()
Payload = JSON().with_variant(JSONB(), "postgresql")
# A BIGINT identity on PostgreSQL; on SQLite an INTEGER PRIMARY KEY (the rowid) counts alike.
Serial = BigInteger().with_variant(Integer, "sqlite")
Login = String(16)
When = DateTime(timezone=True)


def _event_ref() -> Column:
    return Column("event_id", String(36), ForeignKey("events.event_id"), nullable=False)


def _event_id() -> Column:
    """The event of a row in a table fed by every settled check (the ledger, cast credits).

    No foreign key there: the ingest writes these rows only in the transaction
    that inserts their event, and a key checked row by row cost a third of the
    push of a backlog (measured: tests/benchmarks/bench_sync_push.py).
    """
    return Column("event_id", String(36), nullable=False)


events = Table(
    "events", metadata,
    # The order of arrival: the pull's cursor on SQLite (see reads.py for PostgreSQL).
    Column("ingest_id", Serial, Identity(), primary_key=True),
    Column("event_id", String(36), nullable=False, unique=True),
    Column("terminal", Integer, nullable=False),  # 0 = the website
    Column("seq", BigInteger, nullable=False),
    Column("type", String(40), nullable=False),
    Column("version", Integer, nullable=False),
    # The event as the till wrote it. JSON (text, checked), not JSONB: it is a record, read
    # rarely, and parsing into JSONB was 40 % of the ingest's time on the server.
    # Card and password events carry argon2id hashes: terminals may not read this column.
    Column("payload", JSON, nullable=False),
    Column("received_at", When, nullable=False),
    # The producer the event touches, if any: what the pull reads. Not indexed: the pull
    # finds events by their order of arrival, and an index costs every ingest.
    Column("login_id", Login),
    UniqueConstraint("terminal", "seq", name="uq_events_terminal_seq"),
)

producers = Table(
    "producers", metadata,
    Column("login_id", Login, primary_key=True),
    Column("created_at", When, nullable=False),
    Column("home_terminal", Integer, nullable=False),
    _event_ref(),
)

# Every argon2id hash ever set (PHC string); the newest per login is the password.
credentials = Table(
    "credentials", metadata,
    Column("event_id", String(36), ForeignKey("events.event_id"), primary_key=True),
    Column("login_id", Login, ForeignKey("producers.login_id"), nullable=False),
    Column("password_hash", String(200), nullable=False),
    Column("set_at", When, nullable=False),
    Index("ix_credentials_login", "login_id"),
)

cards = Table(
    "cards", metadata,
    Column("number", String(16), primary_key=True),
    Column("login_id", Login, ForeignKey("producers.login_id"), nullable=False),
    Column("issued_at", When, nullable=False),
    _event_ref(),
    Index("ix_cards_login", "login_id"),
)

# A card number refused from then on: its account got a replacement card.
card_retirements = Table(
    "card_retirements", metadata,
    Column("number", String(16), primary_key=True),
    _event_ref(),
    Column("retired_at", When, nullable=False),
)

points_ledger = Table(
    "points_ledger", metadata,
    Column("id", Serial, Identity(), primary_key=True),
    _event_id(),
    # A producer's points come from its own till (after its card.issued) or from one
    # that pulled it from here: the login is known; no key checks it row by row.
    Column("login_id", Login, nullable=False),
    Column("kind", String(8), nullable=False),  # spend, vote
    Column("delta", Integer, nullable=False),
    Column("reason", String(16), nullable=False),  # check, void, refund, adjustment, vote
    Column("note", Text),
    # A producer's balance (producer_balances) is read from this index alone: kind and
    # delta are in it, so no ledger row is visited (docs/CENTRAL.md, EXPLAIN ANALYZE).
    Index("ix_ledger_login_kind_delta", "login_id", "kind", "delta"),
)

# Vote points given to cast members, from the tills and the website (terminal 0).
votes = Table(
    "votes", metadata,
    Column("id", Serial, Identity(), primary_key=True),
    _event_ref(),
    Column("login_id", Login, ForeignKey("producers.login_id"), nullable=False),
    Column("cast_code", String(16), nullable=False),
    Column("points", Integer, nullable=False),
    Column("business_month", String(7), nullable=False),  # YYYY-MM, 05:00 Asia/Tokyo cut-off
    Column("voted_at", When, nullable=False),
    Column("terminal", Integer, nullable=False),
    Index("ix_votes_month_cast", "business_month", "cast_code"),
)

# The votes per business month and cast member: SUM(points), MAX(voted_at) of ``votes``,
# kept so by every writer of votes (totals.py); what the board reads.
cast_month_totals = Table(
    "cast_month_totals", metadata,
    Column("business_month", String(7), nullable=False),
    Column("cast_code", String(16), nullable=False),
    Column("points", BigInteger, nullable=False),
    Column("last_vote_at", When, nullable=False),
    PrimaryKeyConstraint("business_month", "cast_code", name="pk_cast_month_totals"),
)

# A till's votes that the central balance could not cover (spent elsewhere first).
vote_refusals = Table(
    "vote_refusals", metadata,
    Column("event_id", String(36), ForeignKey("events.event_id"), primary_key=True),
    Column("login_id", Login, nullable=False),
    Column("terminal", Integer, nullable=False),
    Column("points", Integer, nullable=False),
    Column("reason", String(40), nullable=False),
    Column("refused_at", When, nullable=False),
    Index("ix_vote_refusals_terminal", "terminal"),
)

cast_credits = Table(
    "cast_credits", metadata,
    Column("id", Serial, Identity(), primary_key=True),
    _event_id(),
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
    Column("closed_at", When, nullable=False),
    _event_ref(),
)

# Master data: every version a till sent; the newest per code (by ingest_id) is current.
cast_versions = Table(
    "cast_versions", metadata,
    Column("event_id", String(36), ForeignKey("events.event_id"), primary_key=True),
    Column("code", String(16), primary_key=True),
    Column("ingest_id", BigInteger, nullable=False),
    Column("stage_name", String(80), nullable=False),
    Column("romaji", String(80), nullable=False),
    # NULL in a version sent before tills could retire anyone: still in the cast.
    Column("active", Boolean),
)

menu_versions = Table(
    "menu_versions", metadata,
    Column("event_id", String(36), ForeignKey("events.event_id"), primary_key=True),
    Column("code", String(16), primary_key=True),
    Column("ingest_id", BigInteger, nullable=False),
    Column("category", String(16), nullable=False),
    Column("name_ja", String(120), nullable=False),
    Column("name_en", String(120), nullable=False),
    Column("price", Integer, nullable=False),
    Column("cast_credit", Boolean, nullable=False),
    # NULL in a version sent before the menu maintenance: on the menu, place and window unsaid.
    Column("active", Boolean),
    Column("sort_order", Integer),
    Column("available_from", String(10)),  # business days, YYYY-MM-DD
    Column("available_until", String(10)),
)

# Columns a central made by an older bp-till lacks (db.py adds them, and remakes the views).
MASTERDATA_COLUMNS = {
    "cast_versions": (("active", Boolean()),),
    "menu_versions": (("active", Boolean()), ("sort_order", Integer()),
                      ("available_from", String(10)), ("available_until", String(10))),
}

# The order a batch's projections are written in, parents first.
WRITE_ORDER = (producers, cards, card_retirements, credentials, points_ledger, votes,
               vote_refusals, cast_credits, day_summaries, cast_versions, menu_versions)

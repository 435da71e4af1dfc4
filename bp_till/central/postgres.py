"""What only a PostgreSQL central has: the pull's xid column, the functions, the roles.

`bp-till central init` runs all of it, and again safely: functions are
replaced, roles created when missing and their grants set afresh.

Functions: ``business_month``; the tills' ingest ``ingest_events``
(ingest_function.py) and the website's ``cast_vote``, both SECURITY DEFINER:
they run as the schema's owner, with the search path fixed when they were
made, so the roles that call them need no INSERT on any table.

Roles (cluster-wide, LOGIN, no password set here: the owner sets one or
uses certificate or peer authentication):

- ``bp_till_terminal``: what a till connects as. It writes only by calling
  ``ingest_events`` (which checks its votes against the ledger), and reads
  the non-secret columns and views the pull needs. It cannot read
  ``credentials`` or ``events.payload`` (card events carry password hashes)
  and has no INSERT, UPDATE, DELETE or TRUNCATE anywhere.
- ``bp_till_website``: reads the views (``current_credentials`` and the
  website's own, website.py, among them), casts votes through ``cast_vote``
  and changes a producer's password through ``change_password``, nothing else.
"""

from __future__ import annotations

from sqlalchemy import Connection, text

from bp_till.central.ingest_function import INGEST_EVENTS
from bp_till.central.schema import events
from bp_till.central.totals import UPSERT_SQL
from bp_till.central.views import TERMINAL_VIEWS, VIEWS
from bp_till.central.votes import LOCK_PREFIX
from bp_till.central.website import (
    CHANGE_PASSWORD,
    CHANGE_PASSWORD_FUNCTION,
    WEBSITE_VIEW_NAMES,
)

TERMINAL_ROLE = "bp_till_terminal"
WEBSITE_ROLE = "bp_till_website"

# The transaction that wrote each event: what the pull's cursor counts in (reads.py).
XID_COLUMN = [
    "ALTER TABLE events ADD COLUMN IF NOT EXISTS xid bigint NOT NULL "
    "DEFAULT (pg_current_xact_id()::text::bigint)",
    # BRIN: xids grow with the table's order on disk, so a summary per block range
    # finds recent events as well as a B-tree would, at almost no cost to each insert.
    "CREATE INDEX IF NOT EXISTS ix_events_xid ON events USING brin (xid)",
    "CREATE SEQUENCE IF NOT EXISTS website_vote_seq",  # the website's events: terminal 0
]

# The ranking month of a moment: its business day's month, the day turning at 05:00 Tokyo
# (the same rule as bp_till.domain.business_day.business_month).
BUSINESS_MONTH = """
CREATE OR REPLACE FUNCTION business_month(moment timestamptz) RETURNS text
LANGUAGE sql STABLE AS
$fn$ SELECT to_char((moment AT TIME ZONE 'Asia/Tokyo') - interval '5 hours', 'YYYY-MM') $fn$"""

# The website's vote: the same lock, check and rows as a till's votes.cast event
# (bp_till/central/votes.py and projections.py), so tills and website share one ledger;
# the vote is added to the board's totals last, so their row lock is held the least.
CAST_VOTE = f"""
CREATE OR REPLACE FUNCTION cast_vote(login_id text, cast_code text, points integer,
                                     vote_id text DEFAULT NULL)
RETURNS integer  -- the producer's vote points left
LANGUAGE plpgsql SECURITY DEFINER SET search_path FROM CURRENT AS $fn$
DECLARE
  p_login ALIAS FOR $1;
  p_cast ALIAS FOR $2;
  p_points ALIAS FOR $3;
  p_vote ALIAS FOR $4;
  balance integer;
  known record;
  cast_at timestamptz := clock_timestamp();
  month text := business_month(cast_at);
  new_event text := COALESCE(p_vote::uuid, gen_random_uuid())::text;  -- 22P02: not a UUID
BEGIN
  IF p_points IS NULL OR p_points < 1 OR p_points > 1000000 THEN
    RAISE EXCEPTION 'Vote points given must be from 1 to 1,000,000.' USING ERRCODE = '22023';
  END IF;
  IF NOT EXISTS (SELECT 1 FROM cast_roster r WHERE r.code = p_cast AND r.active) THEN
    RAISE EXCEPTION 'No cast member %.', p_cast USING ERRCODE = 'BPV02';
  END IF;
  -- One producer at a time, tills and website alike; held until the caller commits.
  PERFORM pg_advisory_xact_lock(hashtextextended('{LOCK_PREFIX}' || p_login, 0));
  -- A vote id seen before is the same vote sent twice (a double click, a resent form):
  -- it counted the first time. Checked under the lock, so a second copy waits for the first.
  SELECT e.type, e.login_id INTO known FROM events e WHERE e.event_id = new_event;
  IF FOUND THEN
    IF known.type = 'votes.cast' AND known.login_id = p_login THEN
      RAISE EXCEPTION 'These votes were counted already.' USING ERRCODE = 'BPV03';
    END IF;
    RAISE EXCEPTION 'That vote key belongs to something else.' USING ERRCODE = '22023';
  END IF;
  SELECT b.vote_points INTO balance FROM producer_balances b WHERE b.login_id = p_login;
  IF NOT FOUND THEN
    RAISE EXCEPTION 'No producer %.', p_login USING ERRCODE = 'BPV02';
  END IF;
  IF balance < p_points THEN
    RAISE EXCEPTION 'That is % vote points; the producer has %.', p_points, balance
      USING ERRCODE = 'BPV01';
  END IF;
  INSERT INTO events (event_id, terminal, seq, type, version, payload, received_at, login_id)
  VALUES (new_event, 0, nextval('website_vote_seq'), 'votes.cast', 1,
          jsonb_build_object('login_id', p_login, 'business_month', month,
                             'cast_at', to_char(cast_at AT TIME ZONE 'UTC',
                                                'YYYY-MM-DD"T"HH24:MI:SS.US"+00:00"'),
                             'votes', jsonb_build_array(
                               jsonb_build_object('cast_code', p_cast, 'points', p_points))),
          cast_at, p_login);
  INSERT INTO votes (event_id, login_id, cast_code, points, business_month, voted_at, terminal)
  VALUES (new_event, p_login, p_cast, p_points, month, cast_at, 0);
  INSERT INTO points_ledger (event_id, login_id, kind, delta, reason, note)
  VALUES (new_event, p_login, 'vote', -p_points, 'vote', p_cast);
{UPSERT_SQL.format(select="VALUES (month, p_cast, p_points, cast_at)")};
  RETURN balance - p_points;
END
$fn$"""

_CREATE_ROLE = """
DO $do$ BEGIN
  IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = '{role}') THEN
    CREATE ROLE {role} LOGIN;
  END IF;
EXCEPTION WHEN duplicate_object OR unique_violation THEN
  NULL;  -- another init created it at the same moment
END $do$"""

# What a till's pull reads (reads.py) besides the views: never a payload or a password.
TERMINAL_READS = ("producers", "vote_refusals")
EVENT_COLUMNS_SEEN = ("ingest_id", "event_id", "terminal", "seq", "login_id", "xid")
INGEST_FUNCTION = "ingest_events(text[], integer[], bigint[], text[], integer[], text[])"
CAST_VOTE_FUNCTION = "cast_vote(text, text, integer, text)"
# Before the vote id (stop 16): dropped, or a call with three arguments would be ambiguous.
OLD_CAST_VOTE = "DROP FUNCTION IF EXISTS cast_vote(text, text, integer)"


def _grants(database: str, schema: str) -> list[str]:
    both = f"{TERMINAL_ROLE}, {WEBSITE_ROLE}"
    return [
        f'GRANT CONNECT ON DATABASE "{database}" TO {both}',
        f'GRANT USAGE ON SCHEMA "{schema}" TO {both}',
        # Start from nothing, so a grant removed here is removed on the server too
        # (column grants go with their table's).
        f'REVOKE ALL ON ALL TABLES IN SCHEMA "{schema}" FROM {both}',
        f'REVOKE ALL ON ALL SEQUENCES IN SCHEMA "{schema}" FROM {both}',
        f"REVOKE ALL ON FUNCTION {CAST_VOTE_FUNCTION} FROM PUBLIC, {both}",
        f"REVOKE ALL ON FUNCTION {INGEST_FUNCTION} FROM PUBLIC, {both}",
        f"REVOKE ALL ON FUNCTION {CHANGE_PASSWORD_FUNCTION} FROM PUBLIC, {both}",
        # A till writes only through the ingest, which checks its votes: no INSERT anywhere.
        f"GRANT EXECUTE ON FUNCTION {INGEST_FUNCTION} TO {TERMINAL_ROLE}",
        f"GRANT SELECT ({', '.join(EVENT_COLUMNS_SEEN)}) ON {events.name} TO {TERMINAL_ROLE}",
        f"GRANT SELECT ON {', '.join(TERMINAL_READS + TERMINAL_VIEWS)} TO {TERMINAL_ROLE}",
        f"GRANT SELECT ON {', '.join((*VIEWS, *WEBSITE_VIEW_NAMES))} TO {WEBSITE_ROLE}",
        f"GRANT EXECUTE ON FUNCTION {CAST_VOTE_FUNCTION} TO {WEBSITE_ROLE}",
        f"GRANT EXECUTE ON FUNCTION {CHANGE_PASSWORD_FUNCTION} TO {WEBSITE_ROLE}",
    ]


def _functions(conn: Connection) -> None:
    """The functions, each with the search path of this transaction fixed in it.

    pg_temp goes last in that path: first (where PostgreSQL puts it unless
    told), a caller's temporary table named like ours would be read or written
    by a SECURITY DEFINER function instead, e.g. a ledger of the caller's own
    making for the vote check.
    """
    conn.execute(text("SELECT set_config('search_path', "
                      "current_setting('search_path') || ', pg_temp', true)"))
    conn.execute(text(OLD_CAST_VOTE))
    for function in (BUSINESS_MONTH, CAST_VOTE, INGEST_EVENTS, CHANGE_PASSWORD):
        conn.execute(text(function))


def init_postgres(conn: Connection) -> None:
    """The xid column, the functions, the two roles and their grants."""
    for statement in XID_COLUMN:
        conn.execute(text(statement))
    _functions(conn)
    for role in (TERMINAL_ROLE, WEBSITE_ROLE):
        conn.execute(text(_CREATE_ROLE.format(role=role)))
    schema = conn.scalar(text("SELECT current_schema()"))
    database = conn.scalar(text("SELECT current_database()"))
    for statement in _grants(database, schema):
        conn.execute(text(statement))

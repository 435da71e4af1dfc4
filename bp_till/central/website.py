"""What the producer portal (the official website) reads and writes at the central database.

It reads through views only, as the ``bp_till_website`` role: a producer's
visits, votes and refused votes, and the newest rank table a till sent. It
writes through two SECURITY DEFINER functions, each one event of terminal 0
(the website) like a till's: ``cast_vote`` (postgres.py; its fourth argument
makes a double-submitted vote count once) and ``change_password`` here. On an
SQLite central the same is done in Python (``change_password`` below and
``votes.cast_vote``), with the same rows.
"""

from __future__ import annotations

import json
import re
import uuid
from datetime import datetime

from sqlalchemy import Connection, select, text

from bp_till.central.projections import PROJECTIONS, Arrived, Event, Projection, when
from bp_till.central.schema import events
from bp_till.central.votes import LOCK_PREFIX, WEBSITE, lock_producers, next_website_seq
from bp_till.domain.errors import InvalidInput, NotFound, TillError

# The floor a new hash must meet: argon2id at OWASP's minimum (m=19 MiB, t=2) or above.
MIN_MEMORY_KIB = 19_456
MIN_TIME_COST = 2
_PHC = re.compile(r"\$argon2id\$v=19\$m=([0-9]{1,8}),t=([0-9]{1,4}),p=([0-9]{1,3})"
                  r"\$[A-Za-z0-9+/]{11,64}\$[A-Za-z0-9+/]{16,128}")


class PasswordChangedMeanwhile(TillError):
    """The password the producer confirmed is no longer the current one; nothing was written."""


def _json(dialect: str, field: str) -> str:
    """A payload field of ``events e`` as text, in the dialect's JSON syntax."""
    if dialect == "postgresql":
        return f"e.payload->>'{field}'"
    return f"json_extract(e.payload, '$.{field}')"


def _moment(dialect: str, expression: str) -> str:
    """An ISO time with offset as a time: timestamptz, or SQLite's UTC text (as in views.py)."""
    return f"({expression})::timestamptz" if dialect == "postgresql" else f"datetime({expression})"


def website_views(dialect: str) -> dict[str, str]:
    """name -> SELECT of the views only the website reads."""
    at = _moment(dialect, "COALESCE({}, {}, {})".format(
        *(_json(dialect, f) for f in ("settled_at", "voided_at", "refunded_at"))))
    as_int = "({})::integer" if dialect == "postgresql" else "CAST({} AS INTEGER)"
    ranks = "(e.payload->'ranks')::text" if dialect == "postgresql" else _json(dialect, "ranks")
    return {
        # A producer's checks with the points they earned (voids and refunds take them back).
        # Read from the ledger, which is indexed by producer; a check that earned no spend
        # point (under ¥100) has no ledger row and is not listed.
        "producer_visits": f"""
SELECT l.login_id, e.event_id, e.ingest_id, e.type, e.terminal,
       {_json(dialect, 'business_day')} AS business_day, {at} AS at,
       {as_int.format(_json(dialect, 'total'))} AS total, l.delta AS spend_points,
       {as_int.format(_json(dialect, 'vote_points'))} AS vote_points
FROM points_ledger l JOIN events e ON e.event_id = l.event_id
WHERE l.kind = 'spend' AND l.reason IN ('check', 'void', 'refund')""",
        "producer_votes": """
SELECT id, login_id, cast_code, points, business_month, voted_at, terminal FROM votes""",
        "producer_vote_refusals": """
SELECT event_id, login_id, terminal, points, reason, refused_at FROM vote_refusals""",
        # Every rank table a till sent (`ranks.updated`); the newest (highest ingest_id) holds.
        "rank_tables": f"""
SELECT e.ingest_id, e.terminal, {ranks} AS ranks FROM events e
WHERE e.type = 'ranks.updated'""",
    }


WEBSITE_VIEW_NAMES = tuple(website_views("sqlite"))

# What the website's reads look up by producer, and the rank table among the events.
WEBSITE_INDEXES = (
    "CREATE INDEX IF NOT EXISTS ix_votes_login ON votes (login_id)",
    "CREATE INDEX IF NOT EXISTS ix_vote_refusals_login ON vote_refusals (login_id)",
    # Partial: only the rare ranks.updated rows are in it, so an ingest pays nothing for it.
    "CREATE INDEX IF NOT EXISTS ix_events_rank_tables ON events (ingest_id) "
    "WHERE type = 'ranks.updated'",
)

CHANGE_PASSWORD_FUNCTION = "change_password(text, text, text)"

# The website's password change: under the producer's lock, only if the password the
# producer confirmed is still the current one, and only for a hash at the floor or above.
CHANGE_PASSWORD = f"""
CREATE OR REPLACE FUNCTION change_password(login_id text, old_hash text, new_hash text)
RETURNS timestamptz  -- when the new password took effect
LANGUAGE plpgsql SECURITY DEFINER SET search_path FROM CURRENT AS $fn$
DECLARE
  p_login ALIAS FOR $1;
  p_old ALIAS FOR $2;
  p_new ALIAS FOR $3;
  params text[] := regexp_match(p_new, '^{_PHC.pattern}$');
  current_hash text;
  set_at timestamptz := clock_timestamp();
  new_event text := gen_random_uuid()::text;
BEGIN
  IF params IS NULL OR params[1]::integer < {MIN_MEMORY_KIB} OR params[2]::integer < {MIN_TIME_COST} THEN
    RAISE EXCEPTION 'A password hash must be argon2id with m >= {MIN_MEMORY_KIB} and t >= {MIN_TIME_COST}.'
      USING ERRCODE = '22023';
  END IF;
  PERFORM pg_advisory_xact_lock(hashtextextended('{LOCK_PREFIX}' || p_login, 0));
  SELECT c.password_hash INTO current_hash FROM current_credentials c WHERE c.login_id = p_login;
  IF NOT FOUND THEN
    RAISE EXCEPTION 'No producer %.', p_login USING ERRCODE = 'BPV02';
  END IF;
  IF current_hash IS DISTINCT FROM p_old THEN
    RAISE EXCEPTION 'The password was changed meanwhile.' USING ERRCODE = 'BPP01';
  END IF;
  INSERT INTO events (event_id, terminal, seq, type, version, payload, received_at, login_id)
  VALUES (new_event, 0, nextval('website_vote_seq'), 'password.reset', 1,
          jsonb_build_object('login_id', p_login, 'password_hash', p_new,
                             'reset_at', to_char(set_at AT TIME ZONE 'UTC',
                                                 'YYYY-MM-DD"T"HH24:MI:SS.US"+00:00"')),
          set_at, p_login);
  INSERT INTO credentials (event_id, login_id, password_hash, set_at)
  VALUES (new_event, p_login, p_new, set_at);
  RETURN set_at;
END
$fn$"""


def check_new_hash(phc_hash: str) -> None:
    """The floor the SQL function keeps, for the SQLite central."""
    found = _PHC.fullmatch(phc_hash or "")
    if not found or int(found[1]) < MIN_MEMORY_KIB or int(found[2]) < MIN_TIME_COST:
        raise InvalidInput(f"A password hash must be argon2id with m >= {MIN_MEMORY_KIB} "
                           f"and t >= {MIN_TIME_COST}.")


def current_hash(conn: Connection, login_id: str) -> str | None:
    return conn.scalar(text("SELECT password_hash FROM current_credentials "
                            "WHERE login_id = :login"), {"login": login_id})


def change_password(conn: Connection, login_id: str, old_hash: str, new_hash: str,
                    at: datetime) -> datetime:
    """The SQL function ``change_password`` for an SQLite central (and the tests).

    Runs in the caller's transaction; the new hash is the password from then on.
    """
    check_new_hash(new_hash)
    lock_producers(conn, [login_id])
    stored = current_hash(conn, login_id)
    if stored is None:
        raise NotFound(f"No producer {login_id!r}.")
    if stored != old_hash:
        raise PasswordChangedMeanwhile("The password was changed meanwhile.")
    payload = {"login_id": login_id, "password_hash": new_hash, "reset_at": at.isoformat()}
    seq = next_website_seq(conn)
    event = Event(str(uuid.uuid4()), WEBSITE, seq, "password.reset", 1, json.dumps(payload))
    ingest_id = conn.execute(events.insert().values(
        event_id=event.event_id, terminal=WEBSITE, seq=seq, type=event.type, version=1,
        payload=payload, received_at=when(at.isoformat()), login_id=login_id,
    ).returning(events.c.ingest_id)).scalar_one()
    projection = Projection({})
    PROJECTIONS["password.reset"](projection, Arrived(event, payload, ingest_id, at))
    projection.write(conn)
    return at


def event_exists(conn: Connection, event_id: str) -> bool:
    return conn.scalar(select(events.c.ingest_id).where(events.c.event_id == event_id)) is not None

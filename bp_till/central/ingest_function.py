"""The ingest on a PostgreSQL central: one SQL function call per batch.

A till sends its outbox rows as they are stored, one array per column, the
payloads as the JSON text it wrote; ``ingest_events`` does the rest on the
server in the caller's transaction: it inserts the events it does not know
(a *different* event reusing a (terminal, seq) fails the call loudly),
projects only those, set by set, and checks a batch's votes in event order
under the voters' locks. Python's projections (projections.py) are the
reference it must agree with (tests/central/test_ingest_parity.py).

Why on the server: decoding every payload and building the projection rows
in Python was the till's CPU, the limit of a push; and the function runs as
its owner (SECURITY DEFINER), so the terminal role needs no INSERT on any
table and cannot write a ledger or vote row past the vote check.
"""

from __future__ import annotations

from collections.abc import Sequence

from sqlalchemy import Connection

from bp_till.central.projections import NOT_ENOUGH, UNKNOWN_PRODUCER
from bp_till.central.totals import UPSERT_SQL
from bp_till.central.votes import LOCK_PREFIX

# The events, then the new ones' projections: one INSERT … SELECT per table, all in one
# statement (foreign keys between the tables are checked at its end, when all are in).
# Each payload is checked once as it is stored (json) and read once into the fields of
# every event type (json_to_record); the arrays in it (lines, cast, items) are read by
# the INSERT that needs them, as record sets. Reading a payload is most of the server's
# work: a jsonb tree of it measured no faster (it parses every number as numeric), and
# jsonb_array_elements with ->> per field five times slower than a record set.
_PROJECT = """
  WITH batch AS (
    SELECT b.n, b.event_id, b.terminal, b.seq, b.type, b.version, b.body, f.*
    FROM unnest(event_ids, terminals, seqs, types, versions, CAST(payloads AS json[]))
           WITH ORDINALITY AS b(event_id, terminal, seq, type, version, body, n),
         json_to_record(b.body) AS f(
           login_id text, card_number text, old_card_number text, password_hash text,
           issued_at timestamptz, replaced_at timestamptz, reset_at timestamptz,
           spend_points integer, vote_points integer, spend_delta integer,
           vote_delta integer, reason text, business_day text, lines json,
           closed_at timestamptz, figures jsonb, "cast" json, items json)
  ), arrived AS (
    INSERT INTO events AS e (event_id, terminal, seq, type, version, payload, received_at,
                             login_id, xid)
    SELECT event_id, terminal, seq, type, version, body, received, login_id, writer
    FROM batch  -- read in the order unnest gave it: ingest_id follows the batch's
    {known_events}
    RETURNING e.event_id, e.ingest_id
  ), new AS (
    SELECT b.n, b.event_id, b.terminal, b.type, a.ingest_id, b.login_id, b.card_number,
           b.old_card_number, b.password_hash,
           CASE b.type WHEN 'card.issued' THEN b.issued_at
                       WHEN 'card.replaced' THEN b.replaced_at ELSE b.reset_at END AS card_at,
           b.spend_points,
           b.vote_points, b.spend_delta, b.vote_delta, b.reason, b.business_day, b.lines,
           b.closed_at, b.figures, b."cast", b.items
    FROM arrived a JOIN batch b USING (event_id)
  ), new_producers AS (
    INSERT INTO producers (login_id, created_at, home_terminal, event_id)
    SELECT login_id, card_at, terminal, event_id FROM new WHERE type = 'card.issued'
  ), new_cards AS (
    INSERT INTO cards (number, login_id, issued_at, event_id)
    SELECT card_number, login_id, card_at, event_id
    FROM new WHERE type IN ('card.issued', 'card.replaced')
  ), new_retirements AS (
    INSERT INTO card_retirements (number, event_id, retired_at)
    SELECT old_card_number, event_id, card_at
    FROM new WHERE type = 'card.replaced' AND old_card_number <> ''
  ), new_credentials AS (  -- a new card comes with a new password
    INSERT INTO credentials (event_id, login_id, password_hash, set_at)
    SELECT event_id, login_id, password_hash, card_at
    FROM new WHERE type IN ('card.issued', 'card.replaced', 'password.reset')
  ), new_ledger AS (  -- a check's points (if it had a producer), a manager's adjustment
    INSERT INTO points_ledger (event_id, login_id, kind, delta, reason, note)
    SELECT m.event_id, m.login_id, k.kind, k.delta, m.why, m.note
    FROM (SELECT n, event_id, login_id, spend_points AS spend, vote_points AS vote,
                 CASE type WHEN 'check.settled' THEN 'check' WHEN 'check.voided' THEN 'void'
                           ELSE 'refund' END AS why, NULL AS note
          FROM new WHERE type IN ('check.settled', 'check.voided', 'check.refunded')
                     AND login_id <> ''
          UNION ALL
          SELECT n, event_id, login_id, spend_delta, vote_delta, 'adjustment', reason
          FROM new WHERE type = 'points.adjusted') m,
         LATERAL (VALUES (1, 'spend', m.spend), (2, 'vote', m.vote)) AS k(o, kind, delta)
    WHERE k.delta <> 0
  ), new_credits AS (  -- a void or refund credits the cast members back
    INSERT INTO cast_credits (event_id, cast_code, business_day, category, quantity, amount)
    SELECT c.event_id, l.cast_code, c.business_day, l.category, c.sign * l.quantity,
           c.sign * l.unit_price * l.quantity
    FROM (SELECT event_id, business_day, lines,
                 CASE type WHEN 'check.settled' THEN 1 ELSE -1 END AS sign
          FROM new WHERE type IN ('check.settled', 'check.voided', 'check.refunded')) c,
         json_to_recordset(c.lines)
           AS l(cast_code text, category text, quantity integer, unit_price integer)
    WHERE l.cast_code <> ''
  ), new_days AS (
    INSERT INTO day_summaries (terminal, business_day, figures, closed_at, event_id)
    SELECT terminal, business_day, figures, closed_at, event_id
    FROM new WHERE type = 'day.closed'
  ), new_cast AS (
    INSERT INTO cast_versions (event_id, code, ingest_id, stage_name, romaji, active)
    SELECT event_id, m.code, ingest_id, m.stage_name, m.romaji, m.active
    FROM new, json_to_recordset(new."cast") AS m(code text, stage_name text, romaji text,
                                                 active boolean)
    WHERE type = 'cast.updated'
  ), new_menu AS (
    INSERT INTO menu_versions (event_id, code, ingest_id, category, name_ja, name_en, price,
                               cast_credit, active, sort_order, available_from,
                               available_until)
    SELECT event_id, i.code, ingest_id, i.category, i.name_ja, i.name_en, i.price,
           COALESCE(i.cast_credit, false), i.active, i.sort_order, i.available_from,
           i.available_until
    FROM new, json_to_recordset(new.items) AS i(code text, category text, name_ja text,
                                                 name_en text, price integer,
                                                 cast_credit boolean, active boolean,
                                                 sort_order integer, available_from text,
                                                 available_until text)
    WHERE type = 'menu.updated'
  )
  SELECT count(*)::integer, array_agg(n ORDER BY n),
         array_agg(n ORDER BY n) FILTER (WHERE type = 'votes.cast')
  INTO arrived_count, new_at, votes_at FROM new;"""

# Most batches hold no event the central database has already, so the first try inserts them
# without ON CONFLICT, which costs an extra index probe per event; a batch sent again (the till
# died before it marked it sent) fails that try, which is rolled back, and is ingested with it.
# The second try is the whole ingest as it would have been: a *different* event reusing a
# (terminal, seq), or any other clash, still fails there, loudly.
_PROJECT_ALL_NEW = _PROJECT.format(known_events="")
_PROJECT_SKIPPING_KNOWN = _PROJECT.format(known_events="ON CONFLICT (event_id) DO NOTHING")

# The counted votes summed per (month, cast member), as the rows they made in votes.
_TOTALS = UPSERT_SQL.format(select="""SELECT business_month(f.cast_at), g.cast_code,
         sum(g.points), max(f.cast_at)
    FROM unnest(counted) AS k,
         json_to_record(CAST(payloads[k] AS json)) AS f(cast_at timestamptz, votes json),
         json_to_recordset(f.votes) AS g(cast_code text, points integer)
    GROUP BY business_month(f.cast_at), g.cast_code
    ORDER BY business_month(f.cast_at) COLLATE "C", g.cast_code COLLATE "C"
    """) + ";"

# Votes given at a till, in event order: counted if the producer's central balance at
# that point of the batch covers them, else refused whole. A loop, over the vote events
# only: each one's balance depends on those before it. The balance is the ledger's sum
# less what this batch adds after the vote; a producer this batch makes after the vote
# is not there yet.
_VOTES = f"""
  IF votes_at IS NULL THEN
    RETURN arrived_count;
  END IF;
  -- The same lock as cast_vote and votes.py, in sorted order so batches cannot deadlock.
  PERFORM pg_advisory_xact_lock(hashtextextended('{LOCK_PREFIX}' || v.voter, 0))
  FROM (SELECT DISTINCT CAST(payloads[k] AS json) ->> 'login_id' AS voter
        FROM unnest(votes_at) AS k) v ORDER BY v.voter COLLATE "C";
  FOREACH pos IN ARRAY votes_at LOOP
    SELECT f.login_id, f.cast_at, f.votes INTO voter, vote_time, given
    FROM json_to_record(CAST(payloads[pos] AS json))
           AS f(login_id text, cast_at timestamptz, votes json);
    SELECT COALESCE(sum(g.points), 0) INTO vote_total
    FROM json_to_recordset(given) AS g(points integer);
    later := ARRAY(SELECT event_ids[k] FROM unnest(new_at) AS k WHERE k > pos);
    voter_balance := NULL;
    IF EXISTS (SELECT FROM producers p WHERE p.login_id = voter
                                         AND p.event_id <> ALL (later)) THEN
      SELECT COALESCE(sum(l.delta), 0) INTO voter_balance FROM points_ledger l
      WHERE l.login_id = voter AND l.kind = 'vote' AND l.event_id <> ALL (later);
    END IF;
    IF voter_balance IS NULL OR voter_balance < vote_total THEN
      INSERT INTO vote_refusals (event_id, login_id, terminal, points, reason, refused_at)
      VALUES (event_ids[pos], voter, terminals[pos], vote_total,
              CASE WHEN voter_balance IS NULL THEN '{UNKNOWN_PRODUCER}' ELSE '{NOT_ENOUGH}' END,
              received);
      CONTINUE;
    END IF;
    INSERT INTO votes (event_id, login_id, cast_code, points, business_month, voted_at,
                       terminal)
    SELECT event_ids[pos], voter, g.cast_code, g.points, business_month(vote_time), vote_time,
           terminals[pos]
    FROM ROWS FROM (json_to_recordset(given) AS (cast_code text, points integer))
           WITH ORDINALITY AS g(cast_code, points, o)
    ORDER BY g.o;
    counted := counted || pos;
    IF vote_total <> 0 THEN  -- the note names the cast members, as the Python ingest's
      INSERT INTO points_ledger (event_id, login_id, kind, delta, reason, note)
      SELECT event_ids[pos], voter, 'vote', -vote_total, 'vote',
             string_agg(g.cast_code, ',' ORDER BY g.o)
      FROM ROWS FROM (json_to_recordset(given) AS (cast_code text))
             WITH ORDINALITY AS g(cast_code, o);
    END IF;
  END LOOP;
  -- The counted votes into the board's totals: one statement at the end, in key order.
  IF cardinality(counted) > 0 THEN
{_TOTALS}
  END IF;
  RETURN arrived_count;"""

INGEST_EVENTS = f"""
CREATE OR REPLACE FUNCTION ingest_events(
  event_ids text[], terminals integer[], seqs bigint[], types text[], versions integer[],
  payloads text[])
RETURNS integer  -- how many of the events were new
LANGUAGE plpgsql SECURITY DEFINER SET search_path FROM CURRENT AS $fn$
DECLARE
  received timestamptz := clock_timestamp();
  writer bigint := pg_current_xact_id()::text::bigint;  -- the events' xid, read once
  arrived_count integer;
  new_at integer[];  -- the batch positions of the new events
  votes_at integer[];  -- those of the new votes.cast events
  later text[];  -- the new events after a vote's
  pos integer;
  voter text;
  vote_time timestamptz;
  given json;  -- the votes of one event: cast_code, points
  vote_total integer;
  voter_balance bigint;
  counted integer[] := '{{}}';  -- the batch positions of the votes.cast events counted
BEGIN
  BEGIN
{_PROJECT_ALL_NEW}
  EXCEPTION WHEN unique_violation THEN
{_PROJECT_SKIPPING_KNOWN}
  END;
{_VOTES}
END
$fn$"""

_CALL = ("SELECT ingest_events(%(ids)b, CAST(%(terminals)b AS integer[]), "
         "CAST(%(seqs)b AS bigint[]), %(types)b, CAST(%(versions)b AS integer[]), %(payloads)b)")


def ingest_batch(conn: Connection, batch: Sequence[Sequence]) -> int:
    """Call the function with a batch of (event_id, terminal, seq, type, version, payload
    text) rows; returns how many were new. Runs in the caller's transaction."""
    ids, terminals, seqs, types, versions, payloads = (list(c) for c in zip(*batch, strict=True))
    return conn.exec_driver_sql(_CALL, {
        "ids": ids, "terminals": terminals, "seqs": seqs, "types": types,
        "versions": versions, "payloads": payloads}).scalar_one()

"""The views that read the current state out of the insert-only history.

The same SQL runs on PostgreSQL and SQLite (window functions, no dialect
extras). Times on the SQLite central are stored in UTC as fixed-width text,
so ``MAX`` and ``ORDER BY`` on them order by time there too.
"""

from __future__ import annotations

# name -> SELECT; created in this order (no view reads a later one).
VIEWS: dict[str, str] = {
    "producer_balances": """
SELECT p.login_id,
       COALESCE(SUM(CASE WHEN l.kind = 'spend' THEN l.delta END), 0) AS spend_points,
       COALESCE(SUM(CASE WHEN l.kind = 'vote' THEN l.delta END), 0) AS vote_points
FROM producers p LEFT JOIN points_ledger l ON l.login_id = p.login_id
GROUP BY p.login_id""",
    "card_states": """
SELECT c.number, c.login_id,
       CASE WHEN r.number IS NULL THEN 'live' ELSE 'replaced' END AS status,
       c.issued_at
FROM cards c LEFT JOIN card_retirements r ON r.number = c.number""",
    # The website's login check; the newest hash set wins (the slip printed last).
    "current_credentials": """
SELECT login_id, password_hash, set_at FROM (
  SELECT c.login_id, c.password_hash, c.set_at,
         ROW_NUMBER() OVER (PARTITION BY c.login_id
                            ORDER BY c.set_at DESC, e.ingest_id DESC) AS newest
  FROM credentials c JOIN events e ON e.event_id = c.event_id) s
WHERE newest = 1""",
    # A version with no word on it (sent by an older till) leaves a member in the cast.
    "cast_roster": """
SELECT code, stage_name, romaji, active FROM (
  SELECT code, stage_name, romaji, CASE WHEN active IS NULL THEN 1 = 1 ELSE active END AS active,
         ROW_NUMBER() OVER (PARTITION BY code ORDER BY ingest_id DESC) AS newest
  FROM cast_versions) s
WHERE newest = 1""",
    "menu_items": """
SELECT code, category, name_ja, name_en, price, cast_credit, active, sort_order,
       available_from, available_until FROM (
  SELECT code, category, name_ja, name_en, price, cast_credit,
         CASE WHEN active IS NULL THEN 1 = 1 ELSE active END AS active, sort_order,
         available_from, available_until,
         ROW_NUMBER() OVER (PARTITION BY code ORDER BY ingest_id DESC) AS newest
  FROM menu_versions) s
WHERE newest = 1""",
    # The board: the same order as bp_till.domain.votes.rank_cast (TIE_BREAK_RULE):
    # most points, then whoever reached the total first (earlier last vote), then cast code.
    # Read from the running totals (totals.py): the votes' SUM and MAX per month and cast.
    "monthly_cast_ranking": """
SELECT business_month, cast_code, points, last_vote_at,
       ROW_NUMBER() OVER (PARTITION BY business_month
                          ORDER BY points DESC, last_vote_at, cast_code) AS place
FROM cast_month_totals
WHERE points > 0""",
    # What a restored till must not number again (sync/numbering.py): its check and refund
    # numbers and the nights it closed out. Read by (terminal, seq): the JSON is opened only
    # for the events after the store's newest, the ones a lost disk took with it.
    "terminal_history": """
SELECT terminal, seq, type,
       CAST(payload->>'check_number' AS INTEGER) AS check_number,
       CAST(payload->>'refund_number' AS INTEGER) AS refund_number,
       CASE WHEN type = 'check.settled' THEN payload->>'check_uuid' END AS settled_check,
       CASE WHEN type = 'day.closed' THEN payload->>'business_day' END AS closed_day,
       CASE WHEN type = 'day.closed' THEN payload->>'closed_at' END AS closed_at
FROM events
WHERE type IN ('check.settled', 'check.voided', 'check.refunded', 'day.closed')""",
}

# What a till's role may read for the pull (reads.py); never the credentials.
TERMINAL_VIEWS = ("producer_balances", "card_states", "cast_roster", "menu_items",
                  "monthly_cast_ranking", "terminal_history")

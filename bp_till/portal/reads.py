"""What the portal reads from the central database: all of it through views.

Every statement here works as the ``bp_till_website`` role on PostgreSQL
(docs/CENTRAL.md) and on the embedded SQLite central alike. Each function
takes a connection from ``reading``: a page's statements run one by one in
autocommit, each seeing the database as it is then (what PostgreSQL's READ
COMMITTED gives inside a transaction too), without the BEGIN and ROLLBACK
round trips. A vote landing while a page is read shows on the next one.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import UTC, datetime

from sqlalchemy import (Connection, DateTime, Engine, Integer, String, bindparam, column, select,
                        table)

from bp_till.central.reads import (CastRow, cast_roster, cast_roster_view, monthly_cast_ranking,
                                  producer_balances)
from bp_till.domain.business_day import business_month, previous_month
from bp_till.domain.points import DEFAULT_RANK_TABLE, Rank, RankTable, rank_progress



def reading(engine: Engine) -> Connection:
    """A connection for a page's reads (``with reading(engine) as conn``)."""
    return engine.connect().execution_options(isolation_level="AUTOCOMMIT")


_When = DateTime(timezone=True)
current_credentials = table("current_credentials", column("login_id", String),
                            column("password_hash", String))
producer_visits = table("producer_visits", column("login_id", String), column("ingest_id", Integer),
                        column("type", String), column("business_day", String),
                        column("at", _When), column("total", Integer),
                        column("spend_points", Integer), column("vote_points", Integer))
producer_votes = table("producer_votes", column("id", Integer), column("login_id", String),
                       column("cast_code", String), column("points", Integer),
                       column("voted_at", _When), column("terminal", Integer))
producer_vote_refusals = table("producer_vote_refusals", column("login_id", String),
                               column("points", Integer), column("reason", String),
                               column("refused_at", _When), column("terminal", Integer))
rank_tables = table("rank_tables", column("ingest_id", Integer), column("ranks", String))

RECENT = 10  # visits, votes and refusals shown on the producer page

# The pages' statements, built once: building a select costs as much CPU as sending it, on
# every page of every producer (the ``login`` parameter is the login ID).
_LOGIN = bindparam("login", type_=String)
_c, _b, _v, _g, _r = (current_credentials.c, producer_balances.c, producer_visits.c,
                      producer_votes.c, producer_vote_refusals.c)
PASSWORD_HASH = select(_c.password_hash).where(_c.login_id == _LOGIN)
BALANCE = select(_b.spend_points, _b.vote_points).where(_b.login_id == _LOGIN)
RANK_TABLE = select(rank_tables.c.ranks).order_by(rank_tables.c.ingest_id.desc()).limit(1)
VISITS = (select(_v.type, _v.business_day, _v.at, _v.total, _v.spend_points, _v.vote_points)
          .where(_v.login_id == _LOGIN).order_by(_v.at.desc(), _v.ingest_id.desc()).limit(RECENT))
VOTES = (select(_g.cast_code, _g.points, _g.voted_at, _g.terminal)
         .where(_g.login_id == _LOGIN).order_by(_g.voted_at.desc(), _g.id.desc()).limit(RECENT))
REFUSALS = (select(_r.points, _r.reason, _r.refused_at)
            .where(_r.login_id == _LOGIN).order_by(_r.refused_at.desc()).limit(RECENT))
STAGE_NAMES = (select(cast_roster_view.c.code, cast_roster_view.c.stage_name)
               .where(cast_roster_view.c.code.in_(bindparam("codes", expanding=True))))
_m = monthly_cast_ranking.c
PLACINGS = (select(_m.place, _m.cast_code, _m.points)
            .where(_m.business_month == bindparam("month"))
            .order_by(_m.place).limit(bindparam("top", type_=Integer)))


def _utc(moment: datetime | None) -> datetime | None:
    """SQLite keeps UTC without an offset; PostgreSQL returns aware times."""
    if moment is None:
        return None
    return moment.replace(tzinfo=UTC) if moment.tzinfo is None else moment


@dataclass(frozen=True)
class Visit:
    kind: str  # check, void, refund
    business_day: str
    at: datetime
    total: int
    spend_points: int
    vote_points: int


@dataclass(frozen=True)
class GivenVote:
    cast_code: str
    stage_name: str
    points: int
    at: datetime
    at_till: bool  # False: on the website


@dataclass(frozen=True)
class RefusedVote:
    points: int
    reason: str
    at: datetime


@dataclass(frozen=True)
class Standing:
    """A producer's page: rank, points and what they did lately."""

    login_id: str
    spend_points: int
    vote_points: int
    rank: Rank
    next_rank: Rank | None
    needed: int  # spend points to the next rank
    visits: list[Visit]
    votes: list[GivenVote]
    refusals: list[RefusedVote]


def password_hash(conn: Connection, login_id: str) -> str | None:
    """The current password's argon2id hash (the newest one set), or None: no such producer."""
    return conn.scalar(PASSWORD_HASH, {"login": login_id})


def rank_table(conn: Connection) -> RankTable:
    """The newest rank table a till sent (``ranks.updated``); the default until one has."""
    raw = conn.scalar(RANK_TABLE)
    if raw is None:
        return DEFAULT_RANK_TABLE
    return RankTable(Rank(r["name"], r["threshold"], r["multiplier_pct"]) for r in json.loads(raw))


def stage_names(conn: Connection, codes: set[str]) -> dict[str, str]:
    """The stage names of these cast members (not the whole roster: a page shows ten votes)."""
    if not codes:
        return {}
    return dict(conn.execute(STAGE_NAMES, {"codes": sorted(codes)}).all())


def _visits(conn: Connection, login_id: str) -> list[Visit]:
    rows = conn.execute(VISITS, {"login": login_id})
    kinds = {"check.settled": "check", "check.voided": "void", "check.refunded": "refund"}
    return [Visit(kinds[kind], day, _utc(at), int(total), int(spend), int(vote or 0))
            for kind, day, at, total, spend, vote in rows]


def _votes(conn: Connection, login_id: str) -> list[GivenVote]:
    rows = conn.execute(VOTES, {"login": login_id}).all()
    names = stage_names(conn, {code for code, *_ in rows})
    return [GivenVote(code, names.get(code, code), int(points), _utc(at), terminal != 0)
            for code, points, at, terminal in rows]


def _refusals(conn: Connection, login_id: str) -> list[RefusedVote]:
    rows = conn.execute(REFUSALS, {"login": login_id})
    return [RefusedVote(int(points), reason, _utc(at)) for points, reason, at in rows]


def standing(conn: Connection, login_id: str) -> Standing | None:
    """The producer page's figures; None when the central database has no such producer."""
    balance = conn.execute(BALANCE, {"login": login_id}).first()
    if balance is None:
        return None
    spend, vote = int(balance[0]), int(balance[1])
    held, upcoming, needed = rank_progress(rank_table(conn), spend)
    return Standing(login_id, spend, vote, held, upcoming, needed, _visits(conn, login_id),
                    _votes(conn, login_id), _refusals(conn, login_id))


@dataclass(frozen=True)
class Placing:
    place: int
    cast_code: str
    stage_name: str
    romaji: str
    points: int


@dataclass(frozen=True)
class BoardPage:
    month: str
    placings: list[Placing]
    last_month: str
    last_winner: Placing | None  # place 1 of the month before (it is over)


def _placings(conn: Connection, month: str, cast: dict[str, CastRow],
              top: int) -> list[Placing]:
    return [Placing(int(place), code, cast[code].stage_name if code in cast else code,
                    cast[code].romaji if code in cast else "", int(points))
            for place, code, points in conn.execute(PLACINGS, {"month": month, "top": top})]


def board(conn: Connection, now: datetime, top: int = 20) -> BoardPage:
    """This business month's ranking (best first, the board's tie-break) and last month's winner."""
    month = business_month(now)
    last = previous_month(month)
    cast = {row.code: row for row in cast_roster(conn)}
    winners = _placings(conn, last, cast, 1)
    return BoardPage(month, _placings(conn, month, cast, top), last,
                     winners[0] if winners else None)

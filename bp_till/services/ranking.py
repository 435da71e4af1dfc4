"""The monthly ranking board as this till can show it.

The central database's board (pulled at each sync) plus the votes given at
this till that it has not acknowledged yet, so a producer who just voted sees
their cast member move at once, and a vote is never counted twice: an event
is either still queued here or already in the central figures.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import func, select

from bp_till.domain.business_day import business_month, month_bounds
from bp_till.domain.votes import CastScore, RankingRow, rank_cast
from bp_till.services.context import TillContext
from bp_till.store.models import BoardEntry, CastMember, OutboxEvent, VoteRefusal


@dataclass(frozen=True)
class BoardLine:
    place: int
    cast_code: str
    stage_name: str
    points: int


@dataclass(frozen=True)
class Board:
    month: str
    lines: list[BoardLine]
    pulled_at: datetime | None  # when the central figures were fetched; None if never
    unsynced_points: int  # this till's votes in the figures that the centre has not seen
    month_over: bool

    @property
    def winner(self) -> BoardLine | None:
        """Place 1 once the month is over; until then nobody has won."""
        return self.lines[0] if self.month_over and self.lines else None


def _queued_votes(session, month: str) -> list[tuple[str, int, datetime]]:
    rows = session.execute(
        select(OutboxEvent.payload).where(OutboxEvent.type == "votes.cast",
                                          OutboxEvent.sent_at.is_(None))
    ).scalars()
    votes = []
    for payload in map(json.loads, rows):
        if payload["business_month"] == month:
            at = datetime.fromisoformat(payload["cast_at"])
            votes.extend((v["cast_code"], v["points"], at) for v in payload["votes"])
    return votes


def _scores(session, month: str) -> tuple[dict[str, CastScore], datetime | None, int]:
    scores = {row.cast_code: CastScore(row.cast_code, row.points, row.last_vote_at)
              for row in session.scalars(select(BoardEntry).where(BoardEntry.business_month == month))}
    pulled_at = session.scalar(select(func.max(BoardEntry.pulled_at))
                               .where(BoardEntry.business_month == month))
    queued = 0
    for code, points, at in _queued_votes(session, month):
        old = scores.get(code)
        scores[code] = CastScore(code, points + (old.points if old else 0),
                                 max(at, old.last_vote_at) if old else at)
        queued += points
    return scores, pulled_at, queued


def board(ctx: TillContext, month: str | None = None, top: int | None = None) -> Board:
    """The board of a business month (this month by default), best first."""
    now = ctx.clock.now()
    month = month or business_month(now)
    month_over = now >= month_bounds(month)[1]
    with ctx.store.read() as session:
        scores, pulled_at, queued = _scores(session, month)
        names = dict(session.execute(select(CastMember.code, CastMember.stage_name)).all())
    ranked: list[RankingRow] = rank_cast(scores.values())[:top]
    lines = [BoardLine(r.place, r.cast_code, names.get(r.cast_code, r.cast_code), r.points)
             for r in ranked]
    return Board(month, lines, pulled_at, queued, month_over)


@dataclass(frozen=True)
class RefusedVote:
    points: int
    reason: str
    refused_at: datetime


def refused_votes(ctx: TillContext, login_id: str) -> list[RefusedVote]:
    """Votes given at this till that the central database refused, newest first.

    The points were never taken centrally, so the balance shown already has
    them back; the producer panel says why the cast member did not get them.
    """
    with ctx.store.read() as session:
        rows = session.scalars(select(VoteRefusal).where(VoteRefusal.login_id == login_id)
                               .order_by(VoteRefusal.refused_at.desc()))
        return [RefusedVote(r.points, r.reason, r.refused_at) for r in rows]

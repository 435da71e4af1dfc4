"""Till events as a till writes them, made by hand for the central database's tests."""

from __future__ import annotations

import itertools
import json
import uuid
from datetime import datetime

from sqlalchemy import Engine

from bp_till.central.ingest import Event, ingest
from bp_till.domain.business_day import business_day, business_month

FAKE_HASH = "$argon2id$v=19$m=65536,t=3,p=4$c2FsdHNhbHQ$aGFzaGhhc2hoYXNoaGFzaA"


class FakeTill:
    """One terminal's outbox: events with a gapless sequence, sent as a batch."""

    def __init__(self, terminal: int) -> None:
        self.terminal = terminal
        self._seq = itertools.count(1)

    def event(self, type_: str, **payload) -> Event:
        return Event(str(uuid.uuid4()), self.terminal, next(self._seq), type_, 1,
                     json.dumps(payload, ensure_ascii=False, sort_keys=True))  # as a till's outbox

    def card_issued(self, login_id: str, card_number: str, at: datetime) -> Event:
        return self.event("card.issued", login_id=login_id, card_number=card_number,
                          password_hash=FAKE_HASH, issued_at=at.isoformat())

    def card_replaced(self, login_id: str, old: str, new: str, at: datetime) -> Event:
        return self.event("card.replaced", login_id=login_id, old_card_number=old,
                          card_number=new, password_hash=FAKE_HASH + "2",
                          replaced_at=at.isoformat())

    def settled(self, login_id: str | None, total: int, at: datetime, multiplier_pct: int = 100,
                cast_code: str | None = None) -> Event:
        spend = total // 100
        return self.event(
            "check.settled", check_uuid=str(uuid.uuid4()), check_number=1,
            business_day=business_day(at).isoformat(), settled_at=at.isoformat(), table="T1",
            guests=1, takeout=False, total=total,
            lines=[{"item": "CD01", "category": "cast_drink", "unit_price": total, "quantity": 1,
                    "tax_rate": 10, "cast_code": cast_code}],
            payments=[{"method": "cash", "amount": total}], login_id=login_id,
            card_number=None, rank="regular", multiplier_pct=multiplier_pct,
            spend_points=spend, vote_points=spend * multiplier_pct // 100)

    def password_reset(self, login_id: str, at: datetime) -> Event:
        return self.event("password.reset", login_id=login_id, password_hash=FAKE_HASH + "3",
                          reset_at=at.isoformat())

    def adjusted(self, login_id: str, at: datetime, spend: int, vote: int) -> Event:
        return self.event("points.adjusted", login_id=login_id, spend_delta=spend,
                          vote_delta=vote, reason="birthday", adjusted_at=at.isoformat())

    def voided(self, settled: Event, at: datetime) -> Event:
        """The manager's void of a settled check: its points and cast credits taken back."""
        check = json.loads(settled.payload)
        return self.event(
            "check.voided", check_uuid=check["check_uuid"], check_number=check["check_number"],
            business_day=check["business_day"], voided_at=at.isoformat(), total=check["total"],
            reason="wrong table", lines=check["lines"], login_id=check["login_id"],
            spend_points=-check["spend_points"], vote_points=-check["vote_points"],
            votes_already_spent=0)

    def refunded(self, settled: Event, at: datetime) -> Event:
        """A refund on a later day of the whole check."""
        check = json.loads(settled.payload)
        return self.event(
            "check.refunded", refund_number=1, check_uuid=check["check_uuid"],
            check_number=check["check_number"], original_business_day=check["business_day"],
            business_day=business_day(at).isoformat(), refunded_at=at.isoformat(),
            total=-check["total"], reason="cold", lines=check["lines"],
            payments=[{"method": "cash", "amount": -check["total"]}],
            login_id=check["login_id"], spend_points=-check["spend_points"],
            vote_points=-check["vote_points"], votes_already_spent=0)

    def day_closed(self, at: datetime, **figures) -> Event:
        return self.event("day.closed", business_day=business_day(at).isoformat(),
                          closed_at=at.isoformat(), closed_by=1, approved_by=2, figures=figures)

    def votes(self, login_id: str, at: datetime, **points: int) -> Event:
        return self.event("votes.cast", login_id=login_id, business_month=business_month(at),
                          cast_at=at.isoformat(),
                          votes=[{"cast_code": code, "points": n} for code, n in points.items()])

    def cast(self, **names: str) -> Event:
        return self.event("cast.updated", cast=[
            {"code": code, "stage_name": name, "romaji": name.lower()} for code, name in names.items()])

    def menu(self, **prices: int) -> Event:
        return self.event("menu.updated", items=[
            {"code": code, "category": "food", "name_ja": code, "name_en": code, "price": price,
             "cast_credit": False} for code, price in prices.items()])


def send(central: Engine, *batch: Event) -> int:
    """One batch, one central transaction, as the push does it."""
    with central.begin() as conn:
        return ingest(conn, batch)

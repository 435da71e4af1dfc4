"""The unit of work: one write transaction per user action.

It rolls back unless ``commit()`` is called, so an exception anywhere in a
service leaves the store as it was. Outbox events and audit entries are
written through it, inside the same transaction as the change they describe.
"""

from __future__ import annotations

import json
import uuid
from datetime import datetime
from typing import Any

from sqlalchemy import or_, select, update
from sqlalchemy.orm import Session

from bp_till.clock import Clock
from bp_till.store import trace
from bp_till.store.db import Store
from bp_till.store.models import AuditEntry, Counter, LastWrite, OutboxEvent

EVENT_SCHEMA_VERSION = 1


class UnitOfWork:
    def __init__(self, store: Store, clock: Clock, terminal: int) -> None:
        self._store = store
        self._clock = clock
        self.terminal = terminal
        self.session: Session
        self.now: datetime

    def __enter__(self) -> UnitOfWork:
        trace.mark(trace.BEGIN)
        self.session = self._store.writer()
        try:
            self.session.begin()
            self.session.connection()  # runs BEGIN IMMEDIATE now: the write lock is ours
            # Read the clock only once the lock is held, so times follow the outbox order.
            self.now = self._clock.now()  # one instant for every row of the action
        except BaseException:
            self.__exit__()
            raise
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.session.rollback()  # a no-op after commit()
        self.session.close()
        trace.mark(trace.END)

    def commit(self) -> None:
        # Every write moves the last-write mark forward, never back: a clock
        # set back a little at a time cannot walk it backwards.
        self.session.execute(
            update(LastWrite).where(or_(LastWrite.at.is_(None), LastWrite.at < self.now))
            .values(at=self.now)
        )
        self.session.commit()

    def last_write(self) -> datetime | None:
        """The time of the newest write before this action (see LastWrite)."""
        return self.session.scalar(select(LastWrite.at))

    def next_number(self, name: str) -> int:
        """The next value of a per-terminal sequence; rolled back with the action."""
        bumped = self.session.execute(
            update(Counter).where(Counter.name == name).values(value=Counter.value + 1)
            .returning(Counter.value)
        ).scalar_one_or_none()
        if bumped is None:
            self.session.add(Counter(name=name, value=1))
            self.session.flush()
            bumped = 1
        return bumped

    def emit(self, event_type: str, payload: dict[str, Any]) -> OutboxEvent:
        """Queue an event for the central database, numbered gaplessly per terminal."""
        event = OutboxEvent(
            event_id=str(uuid.uuid4()),
            terminal=self.terminal,
            seq=self.next_number("outbox"),
            type=event_type,
            version=EVENT_SCHEMA_VERSION,
            payload=json.dumps(payload, ensure_ascii=False, sort_keys=True),
            created_at=self.now,
        )
        self.session.add(event)
        return event

    def audit(
        self,
        action: str,
        staff_id: int | None,
        *,
        approver_id: int | None = None,
        subject: str | None = None,
        **detail: Any,
    ) -> None:
        self.session.add(
            AuditEntry(
                at=self.now,
                action=action,
                staff_id=staff_id,
                approver_id=approver_id,
                subject=subject,
                detail=json.dumps(detail, ensure_ascii=False, sort_keys=True) if detail else None,
            )
        )

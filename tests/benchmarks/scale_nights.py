"""Who came on which night: the part of the history that has to be decided in order.

Each business day's checks open between 17:00 and 23:30 Tokyo and settle 45 to
120 minutes later, all before 05:00, so a night's times share one UTC date
(08:00–17:00 UTC) and are kept as microseconds since that UTC midnight. Checks
are numbered in opening order and settled in closing order, as on a real floor.
At each settle the card on the check is decided here: none (one check in ten), a
first visit (a new account and card, issued at that moment), or a returning
producer, picked by how loyal they are (Pareto), so a few regulars climb to
Legend and most stay Regular; now and then one has lost their card and a
manager replaces it. Everything else about a check (its lines, payments and
points) follows from the random numbers handed on with it (``scale_sql``).
"""

from __future__ import annotations

import json
import random
from base64 import b64encode
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import date

from bp_till.domain import identifiers

US = 1_000_000
MINUTE = 60 * US
OPEN_US, LAST_ORDER_US = 8 * 3600 * US, int(14.5 * 3600 * US)  # 17:00 and 23:30 Tokyo, in UTC
ANONYMOUS_SHARE = 10  # one check in ten has no card on it
LOST_CARD = 0.004  # chance that a returning producer comes with a lost card
MAX_LOYALTY = 60


@dataclass
class Night:
    """The rows one batch of nights hands to the SQL phase."""

    checks: list[tuple] = field(default_factory=list)  # gen_checks, in settle order
    card_events: list[tuple] = field(default_factory=list)  # (at, sent_at, type, payload)
    card_audit: list[tuple] = field(default_factory=list)  # audit_log rows
    days: list[str] = field(default_factory=list)


def stamp(day: str, us: int) -> str:
    """The store's UTC text (``UtcDateTime``) for a time on that UTC date."""
    s, frac = divmod(us, US)
    m, s = divmod(s, 60)
    h, m = divmod(m, 60)
    return f"{day}T{h:02d}:{m:02d}:{s:02d}.{frac:06d}Z"


def iso(day: str, us: int) -> str:
    """``datetime.isoformat()`` of the same UTC time, as event payloads carry it."""
    text = stamp(day, us)[:-1]
    return (text[:-7] if text.endswith(".000000") else text) + "+00:00"


def _json(payload: dict) -> str:
    """As ``uow.emit`` and ``uow.audit`` write it."""
    return json.dumps(payload, ensure_ascii=False, sort_keys=True)


class Floor:
    """The producers and their cards as they grow, night after night."""

    def __init__(self, rng: random.Random, producers: int, checks: int, cashiers: Sequence[int],
                 manager: int, *, shop: int = 1, terminal: int = 1) -> None:
        self.rng, self.shop, self.terminal = rng, shop, terminal
        self.cashiers, self.manager = list(cashiers), manager
        self.producers_left, self.checks_left = producers, checks
        self.anonymous_left = checks // ANONYMOUS_SHARE
        self.checks_made = 0
        # Per producer (index = id - 1): login, password hash, first visit, live card index.
        self.logins: list[str] = []
        self.hashes: list[str] = []
        self.created: list[str] = []
        self.live_card: list[int] = []
        self.cards: list[list] = []  # [number, producer_id, status, issued_at, replaced_at]
        self.urn: list[int] = []  # producer ids, each as often as they are loyal

    def night(self, day: date, count: int, out: Night) -> None:
        rnd, bits, utc_day = self.rng.random, self.rng.getrandbits, day.isoformat()
        span, stay = LAST_ORDER_US - OPEN_US, 75 * MINUTE
        opens = sorted(OPEN_US + int(rnd() * span) for _ in range(count))
        closes = [at + 45 * MINUTE + int(rnd() * stay) | 1 for at in opens]  # odd: never .000000
        first_id = self.checks_made + 1
        self.checks_made += count
        for index in sorted(range(count), key=closes.__getitem__):
            closed, cashier = closes[index], self.cashiers[int(rnd() * len(self.cashiers))]
            producer = self._producer(utc_day, closed, cashier, out)
            card = self.cards[self.live_card[producer - 1]][0] if producer else None
            out.checks.append((first_id + index, utc_day, opens[index], closed, cashier,
                               producer, card, bits(30), bits(30)))
        out.days.append(utc_day)

    # --- producers and their cards ----------------------------------------------------
    def _producer(self, day: str, at: int, cashier: int, out: Night) -> int | None:
        rnd = self.rng.random
        left, self.checks_left = self.checks_left, self.checks_left - 1
        if rnd() * left < self.anonymous_left:
            self.anonymous_left -= 1
            return None
        if not self.urn or rnd() * (left - self.anonymous_left) < self.producers_left:
            return self._first_visit(day, at, cashier, out)
        producer = self.urn[int(rnd() * len(self.urn))]
        if rnd() < LOST_CARD:
            self._replace_card(day, at, cashier, producer, out)
        return producer

    def _first_visit(self, day: str, at: int, cashier: int, out: Night) -> int:
        self.producers_left -= 1
        producer = len(self.logins) + 1
        login = identifiers.login_id(self.shop, self.terminal, producer)
        self.logins.append(login)
        self.hashes.append(self._password_hash())
        self.created.append(stamp(day, at))
        self.live_card.append(len(self.cards))
        number = self._new_card(producer, day, at)
        self.urn.extend([producer] * min(MAX_LOYALTY, int(self.rng.paretovariate(1.3))))
        self._emit(day, at, "card.issued", {
            "card_number": number, "issued_at": iso(day, at), "login_id": login,
            "password_hash": self.hashes[-1]}, out)
        out.card_audit.append((stamp(day, at), "card.issued", cashier, None,
                               f"producer:{login}", _json({"card": number})))
        return producer

    def _replace_card(self, day: str, at: int, cashier: int, producer: int, out: Night) -> None:
        p = producer - 1
        old = self.cards[self.live_card[p]]
        old[2], old[4] = "replaced", stamp(day, at)
        self.live_card[p] = len(self.cards)
        number = self._new_card(producer, day, at)
        self.hashes[p] = self._password_hash()
        login = self.logins[p]
        self._emit(day, at, "card.replaced", {
            "card_number": number, "login_id": login, "old_card_number": old[0],
            "password_hash": self.hashes[p], "replaced_at": iso(day, at)}, out)
        out.card_audit.append((stamp(day, at), "card.replaced", cashier, self.manager,
                               f"producer:{login}", _json({"card": number, "old_card": old[0]})))

    def _new_card(self, producer: int, day: str, at: int) -> str:
        number = identifiers.card_number(self.shop, self.terminal, len(self.cards) + 1)
        self.cards.append([number, producer, "live", stamp(day, at), None])
        return number

    def _password_hash(self) -> str:
        """An argon2id PHC string with argon2-cffi's parameters, over random bytes.

        Hashing 100,000 real passwords would take hours; nobody signs in with
        these, and the column holds what it holds in the shop.
        """
        salt = b64encode(self.rng.randbytes(16)).decode().rstrip("=")
        digest = b64encode(self.rng.randbytes(32)).decode().rstrip("=")
        return f"$argon2id$v=19$m=65536,t=3,p=4${salt}${digest}"

    def _emit(self, day: str, at: int, kind: str, payload: dict, out: Night) -> None:
        """A card event; the SQL phase numbers it among the checks' events by time."""
        sent = stamp(day, at + 1 + int(self.rng.random() * 29 * US))  # the next sync round
        out.card_events.append((stamp(day, at), sent, kind, _json(payload)))

    # --- what is left at the end ------------------------------------------------------
    def producer_rows(self) -> list[tuple]:
        return [(n + 1, self.logins[n], self.hashes[n], self.created[n])
                for n in range(len(self.logins))]

    def card_rows(self) -> list[tuple]:
        return [(n + 1, *card) for n, card in enumerate(self.cards)]


def spread(days: Sequence[date], total: int, weight: Callable[[date], float]) -> list[int]:
    """``total`` checks over ``days`` by weekday weight, exactly (largest remainder)."""
    weights = [weight(day) for day in days]
    shares = [total * w / sum(weights) for w in weights]
    counts = [int(s) for s in shares]
    by_remainder = sorted(range(len(days)), key=lambda i: counts[i] - shares[i])
    for i in by_remainder[: total - sum(counts)]:
        counts[i] += 1
    return counts

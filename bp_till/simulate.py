"""``bp-till simulate``: realistic nights rung up through the services.

The training mode and the load generator. Several tables are open at once, as
on a real floor: checks open between 17:00 and 23:30 (Asia/Tokyo), stay 45 to
120 minutes, and settle in time order, so the clock only moves forward. First
visits get a card (its slip printed); repeat visits scan a card issued before,
so a second run continues the same store with growing ranks.
"""

from __future__ import annotations

import heapq
import random
import threading
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime, time, timedelta

from sqlalchemy import func, select

from bp_till.bootstrap import Till
from bp_till.clock import FakeClock
from bp_till.domain.business_day import TOKYO, business_day
from bp_till.domain.clock_check import set_back
from bp_till.domain.money import Category
from bp_till.domain.settlement import CARD, CASH, EMONEY, Tender
from bp_till.printing.queue import JobResult
from bp_till.services import checks, masterdata, settle
from bp_till.services.clock import accept_clock
from bp_till.services.roster import ROSTER_ROLE, save_roster
from bp_till.services.staff import StaffMember, list_staff
from bp_till.services.stay import rule_in_force
from bp_till.store.models import Card, Check, LastWrite

OPEN_FROM, LAST_ORDER = time(17, 0), time(23, 30)


@dataclass
class SimulationResult:
    counts: Counter = field(default_factory=Counter)
    revenue: int = 0
    first_day: object = None
    last_day: object = None
    printed: Counter = field(default_factory=Counter)


class _Floor:
    """The state of the simulated shop: who is a producer, who works tonight."""

    def __init__(self, till: Till, rng: random.Random) -> None:
        ctx = till.ctx
        self.rng = rng
        self.menu = masterdata.menu(ctx)
        self.cast = [c.code for c in masterdata.cast(ctx)]
        staff = list_staff(ctx)
        if not self.menu or not self.cast or not staff:
            raise SystemExit("The store has no menu, cast or staff: run `bp-till init --demo` first.")
        self.staff = staff
        self.by_category = {cat: [m for m in self.menu if m.category == cat] for cat in Category.ALL}
        with ctx.store.read() as session:
            self.cards = list(session.scalars(select(Card.number).where(Card.status == "live")))
        self.favourite: dict[str, str] = {}
        self.nominating = rng

    def pick(self, category: str):
        items = self.by_category.get(category) or self.menu
        return self.rng.choice(items)


def _start_time(till: Till, now: datetime) -> datetime:
    """The evening after the last simulated check, or a few weeks back on a new store."""
    with till.ctx.store.read() as session:
        last = session.scalar(select(func.max(Check.opened_at)))
    day = business_day(last) + timedelta(days=1) if last else business_day(now) - timedelta(days=30)
    return datetime.combine(day, OPEN_FROM, tzinfo=TOKYO)


def _accept_simulated_clock(till: Till, floor: _Floor) -> None:
    """Simulated evenings lie before what the store last wrote (``init`` writes at the
    real time): the till would refuse to settle them, so a manager accepts the clock
    for the simulation, on the audit log like any other acceptance."""
    with till.ctx.store.read() as session:
        last = session.scalar(select(LastWrite.at))
    manager = next((member for member in floor.staff if member.can("manager")), None)
    if set_back(till.ctx.clock.now(), last) and manager is not None:
        accept_clock(till.ctx, manager, note="bp-till simulate: the training evenings")


def _night_arrivals(rng: random.Random, evening: datetime, wanted: int) -> list[datetime]:
    span = (datetime.combine(evening.date(), LAST_ORDER, tzinfo=TOKYO) - evening).total_seconds()
    count = min(wanted, rng.randint(60, 110))
    return sorted(evening + timedelta(seconds=rng.uniform(0, span)) for _ in range(count))


def run(till: Till, checks_wanted: int, seed: int | None = None,
        progress: Callable[[int], None] | None = None) -> SimulationResult:
    rng = random.Random(seed)
    roster_rng = random.Random(f"{seed}:roster")  # its own stream: the checks stay as they were
    floor = _Floor(till, rng)
    floor.nominating = random.Random(f"{seed}:nominations")  # and so do nominations
    real_clock = till.ctx.clock
    clock = FakeClock(_start_time(till, real_clock.now()))
    till.ctx.clock = clock
    result = SimulationResult()
    try:
        _accept_simulated_clock(till, floor)
        done = 0
        while done < checks_wanted:
            evening = clock.now().astimezone(TOKYO).replace(hour=17, minute=0, second=0, microsecond=0)
            if evening < clock.now():
                evening += timedelta(days=1)
            arrivals = _night_arrivals(rng, evening, checks_wanted - done)
            clock.set(evening)
            _mark_roster(till, floor, roster_rng)
            result.first_day = result.first_day or business_day(evening)
            result.last_day = business_day(evening)
            _night(till, floor, clock, arrivals, result, progress)
            done += len(arrivals)
        till.print_queue.wait_idle()  # a night to file:// holds every receipt once this returns
    finally:
        till.ctx.clock = real_clock
    result.counts.update(result.printed)  # counted on the print queue's thread
    return result


def _mark_roster(till: Till, floor: _Floor, rng: random.Random) -> None:
    """At 17:00 a shift lead marks tonight's cast: 12 to 20 of them (all, in a small cast)."""
    leads = [member for member in floor.staff if member.can(ROSTER_ROLE)]
    if leads:
        on_floor = rng.sample(floor.cast, min(len(floor.cast), rng.randint(12, 20)))
        save_roster(till.ctx, leads[0], on_floor)


def _night(till, floor: _Floor, clock: FakeClock, arrivals, result, progress) -> None:
    """Open each table at its arrival and settle it when it leaves, in time order."""
    queue: list[tuple[datetime, int, str, object]] = []
    for n, at in enumerate(arrivals):
        heapq.heappush(queue, (at, n, "open", None))
    serial = len(arrivals)
    while queue:
        at, _, kind, state = heapq.heappop(queue)
        clock.set(at)
        if kind == "open":
            state = _open(till, floor, n=serial)
            serial += 1
            stay = timedelta(minutes=floor.rng.randint(45, 120))
            state["stay"] = stay
            heapq.heappush(queue, (at + stay, serial, "leave", state))
        else:
            _leave(till, floor, state, result)
            if progress:
                progress(1)


def _open(till: Till, floor: _Floor, n: int) -> dict:
    ctx, rng = till.ctx, floor.rng
    cashier = rng.choice(floor.staff)
    guests = rng.choices([1, 2, 3], weights=[70, 22, 8])[0]
    takeout = rng.random() < 0.03
    roll = rng.random()  # one draw, as before sets, so a seed's other choices stay the same
    rule = rule_in_force(ctx)  # that night's: a rule saved today has no sets on older nights
    sets = rule.sets
    if sets and not takeout:  # most tables take the default set, some the short or VIP one
        chosen = sets[0] if roll < 0.6 or len(sets) < 2 else sets[1 + int(roll * 10) % (len(sets) - 1)]
        check_id = checks.open_check(ctx, cashier, f"T{n % 24 + 1}", guests, stay_set=chosen.item_code)
        minutes = chosen.minutes
    else:
        check_id = checks.open_check(ctx, cashier, f"T{n % 24 + 1}", guests, takeout=takeout)
        charges = floor.by_category[Category.TABLE_CHARGE]
        charge = charges[0] if roll < 0.9 or len(charges) < 2 else charges[1]
        checks.add_line(ctx, cashier, check_id, charge.code, guests)
        minutes = rule.limit_minutes
    return {"id": check_id, "cashier": cashier, "guests": guests, "takeout": takeout,
            "minutes": minutes}


def _order(till: Till, floor: _Floor, state: dict, card: str | None) -> None:
    ctx, rng, cashier, check_id = till.ctx, floor.rng, state["cashier"], state["id"]
    favourite = floor.favourite.setdefault(card or "", rng.choice(floor.cast))
    _nominate(ctx, floor, cashier, check_id, favourite)
    wants = [(Category.SOFT_DRINK, 0.6), (Category.ALCOHOL, 0.5), (Category.FOOD, 0.5),
             (Category.CHEKI, 0.55), (Category.CAST_DRINK, 0.4), (Category.GOODS, 0.08)]
    for category, chance in wants:
        if rng.random() >= chance:
            continue
        item = floor.pick(category)
        cast = None
        if item.cast_credit:
            cast = favourite if rng.random() < 0.7 else rng.choice(floor.cast)
        quantity = rng.choices([1, 2, 3], weights=[75, 20, 5])[0]
        line_id = checks.add_line(ctx, cashier, check_id, item.code, quantity, cast)
        if rng.random() < 0.04:
            checks.void_line(ctx, cashier, line_id, "Ordered by mistake")


def _nominate(ctx, floor: _Floor, cashier: StaffMember, check_id: int, favourite: str) -> None:
    """A third of the tables nominate their favourite; one in ten of those, someone else too."""
    roll = floor.nominating.random()
    if roll >= 0.35 or not floor.by_category[Category.NOMINATION]:
        return
    checks.nominate(ctx, cashier, check_id, favourite, main=True)
    extra = floor.nominating.choice(floor.cast)
    if roll < 0.035 and extra != favourite:
        checks.nominate(ctx, cashier, check_id, extra, main=False)


def _extend(ctx, cashier: StaffMember, state: dict) -> None:
    """A table that stayed past its time pays an extension per guest for each part of it."""
    policy = rule_in_force(ctx)
    over = state["stay"] - timedelta(minutes=state["minutes"])
    if over > timedelta(0) and not state["takeout"]:
        for _ in range(-(-over // timedelta(minutes=policy.extension_minutes))):
            checks.extend_stay(ctx, cashier, state["id"])


def _tenders(rng: random.Random, total: int) -> list[Tender]:
    roll = rng.random()
    if roll < 0.25:
        return [Tender(CARD, total)]
    if roll < 0.35:
        return [Tender(EMONEY, total)]
    if roll < 0.42 and total > 2000:
        part = rng.randrange(1000, total, 1000)
        return [Tender(CARD, part), Tender(CASH, _round_up(total - part, rng))]
    return [Tender(CASH, _round_up(total, rng))]


def _round_up(amount: int, rng: random.Random) -> int:
    step = rng.choice([1, 1000, 5000, 10000])
    return -(-amount // step) * step


def _leave(till: Till, floor: _Floor, state: dict, result: SimulationResult) -> None:
    ctx, rng, cashier = till.ctx, floor.rng, state["cashier"]
    if rng.random() < 0.01:
        checks.cancel_check(ctx, cashier, state["id"], "Guests left before ordering")
        result.counts["cancelled"] += 1
        return
    card = _producer_card(till, floor, cashier, result)
    if card:
        checks.attach_producer(ctx, cashier, state["id"], card)
    _order(till, floor, state, card)
    _extend(ctx, cashier, state)
    total = _check_total(ctx, state["id"])
    receipt = settle.settle_check(ctx, cashier, state["id"], _tenders(rng, total))
    result.counts["settled"] += 1
    result.revenue += receipt.total
    till.receipts.print_receipt(receipt).add_done_callback(
        lambda done: _count(result.printed, "receipts", done))


def _producer_card(till, floor: _Floor, cashier: StaffMember, result) -> str | None:
    roll = floor.rng.random()
    if floor.cards and roll < 0.65:
        result.counts["repeat visits"] += 1
        return floor.rng.choice(floor.cards)
    if roll < 0.95 or not floor.cards:
        slip = till.card_desk.issue(cashier)  # waits for the slip, as the cashier would
        floor.cards.append(slip.card_number)
        result.counts["cards issued"] += 1
        result.counts["card slips printed" if slip.printed else "card slips not printed"] += 1
        if not slip.printed:
            till.card_desk.give_up(cashier, slip)  # training: no one waits at the counter
        return slip.card_number
    return None


def _check_total(ctx, check_id: int) -> int:
    with ctx.store.read() as session:
        check = session.get(Check, check_id)
        return sum(line.amount for line in check.lines if line.voided_at is None)


_COUNTING = threading.Lock()


def _count(counts: Counter, what: str, done: JobResult) -> None:
    with _COUNTING:  # the print queue's thread and this one both count
        counts[f"{what} printed" if done.ok else f"{what} not printed"] += 1

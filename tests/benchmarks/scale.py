"""The large store of DESIGN §7: 100,000 producers and 1,000,000 settled checks over two years.

``python -m tests.benchmarks.scale --out DIR`` writes ``DIR/till.db``. ``make bench``
keeps one in its cache folder, keyed by the schema head and this generator's source,
and measures on a copy, so every run starts from the same store.

The store is made by ``open_store`` (the real migrations); the menu, cast and staff
go in through the services; the two years of history are bulk-inserted with
``executemany`` in one transaction, with no journal and ``synchronous=OFF`` only
while generating (a run that fails leaves a file that is thrown away, never a
cache entry). The store is back in WAL mode before anyone measures it, and every
connection the till opens sets ``synchronous=FULL`` itself.
"""

from __future__ import annotations

import argparse
import hashlib
import queue
import random
import shutil
import sqlite3
import subprocess
import sys
import threading
import time
from dataclasses import asdict, dataclass
from datetime import date, datetime, timedelta
from pathlib import Path

from alembic.script import ScriptDirectory

from bp_till.clock import FakeClock
from bp_till.demo import demo_cast, demo_menu
from bp_till.domain.business_day import TOKYO
from bp_till.domain.money import Category
from bp_till.services.context import TillContext
from bp_till.services.masterdata import CastEntry, MenuEntry, save_cast, save_menu
from bp_till.services.staff import add_staff
from bp_till.store.db import alembic_config, open_store
from tests.benchmarks import scale_nights, scale_sql
from tests.benchmarks.scale_nights import Floor, Night, spread


@dataclass(frozen=True)
class Scale:
    producers: int = 100_000
    checks: int = 1_000_000
    days: int = 730  # two years of business days
    cast: int = 150
    menu: int = 300
    seed: int = 8


LAST_NIGHT = date(2026, 11, 19)  # the history ends the night before the benchmarks ring up
EVENING = datetime(2026, 11, 20, 20, 0, tzinfo=TOKYO)  # when the benchmarks ring up
# The staff of the bench store, with PINs the benchmarks sign in with (a bench store only).
STAFF = (("Bench manager", "manager", "952718"), ("Bench lead", "shift_lead", "615948"),
         *((f"Bench cashier {n}", "cashier", "481273") for n in range(1, 7)))
CASHIER, CASHIER_PIN = STAFF[2][0], STAFF[2][2]
BATCH_CHECKS = 50_000
WEEKDAY_WEIGHT = (0.8, 0.8, 0.9, 1.0, 1.3, 1.4, 1.1)  # Monday … Sunday
VARIANTS = (("季節限定", "Seasonal", 1.2), ("ハーフ", "Half", 0.6), ("デラックス", "Deluxe", 1.5),
            ("スペシャル", "Special", 1.3), ("プレミアム", "Premium", 2.0))
ROOT = Path(__file__).resolve().parents[2]
COUNTED = ("producers", "cards", "checks", "check_lines", "payments", "points_ledger", "outbox",
           "audit_log", "business_days")


def scale_menu(size: int) -> list[MenuEntry]:
    """The demo menu, then seasonal, half and deluxe versions of its items up to ``size``."""
    base = demo_menu()
    variants = [
        MenuEntry(f"{item.code}V{k}", item.category, f"{item.name_ja}（{ja}）",
                  f"{en} {item.name_en}", int(round(item.price * factor, -1)), item.cast_credit)
        for k, (ja, en, factor) in enumerate(VARIANTS, start=1)
        for item in base if item.category != Category.TABLE_CHARGE
    ]
    return (base + variants)[:size]


def scale_cast(size: int) -> list[CastEntry]:
    """The demo cast of 120, then trainees (研究生) up to ``size``."""
    cast = demo_cast()
    cast += [CastEntry(f"C{n:03d}", f"研究生{n - 120:02d}", f"Trainee {n - 120:02d}")
             for n in range(len(cast) + 1, size + 1)]
    return cast[:size]


def _setup(path: Path, scale: Scale, first_night: date) -> None:
    """Menu, cast and staff through the services, as a manager sets up a new till."""
    store = open_store(path)
    clock = FakeClock(datetime.combine(first_night, datetime.min.time(), TOKYO).replace(hour=15))
    ctx = TillContext(store=store, clock=clock)
    try:
        save_menu(ctx, scale_menu(scale.menu))
        save_cast(ctx, scale_cast(scale.cast))
        for name, role, pin in STAFF:
            add_staff(ctx, name, role, pin)
    finally:
        store.dispose()


def _floor(conn: sqlite3.Connection, scale: Scale, rng: random.Random) -> Floor:
    staff = dict(conn.execute("SELECT name, id FROM staff"))
    cashiers = [staff[name] for name, role, _ in STAFF if role == "cashier"]
    return Floor(rng, scale.producers, scale.checks, cashiers, staff[STAFF[0][0]])


def _hand_over(conn: sqlite3.Connection, night: Night) -> None:
    """One batch of nights into the scratch tables the SQL phase expands."""
    conn.executemany("INSERT INTO gen_checks VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)", night.checks)
    conn.executemany("INSERT INTO gen_card_events (at, sent, type, payload) VALUES (?, ?, ?, ?)",
                     night.card_events)
    conn.executemany("INSERT INTO gen_audit VALUES (?, ?, ?, ?, ?, ?)", night.card_audit)
    conn.executemany("INSERT INTO business_days (day, status) VALUES (?, 'open')",
                     [(day,) for day in night.days])


def _decide(floor: Floor, nights: list[date], counts: list[int], batches: queue.Queue) -> None:
    """Night after night, in batches; runs beside the SQL work on the batches before."""
    try:
        night = Night()
        for n, (day, count) in enumerate(zip(nights, counts, strict=True), start=1):
            floor.night(day, count, night)
            if len(night.checks) >= BATCH_CHECKS or n == len(nights):
                batches.put(night)
                night = Night()
    except BaseException as failure:  # handed to the writer, which raises it
        batches.put(failure)
    batches.put(None)


def _write_nights(conn: sqlite3.Connection, floor: Floor, nights: list[date], scale: Scale) -> None:
    """Python decides the next batch while SQLite (which lets go of the GIL) expands this one."""
    counts = spread(nights, scale.checks, lambda day: WEEKDAY_WEIGHT[day.weekday()])
    batches: queue.Queue = queue.Queue(maxsize=2)
    thread = threading.Thread(target=_decide, args=(floor, nights, counts, batches), daemon=True)
    thread.start()
    while (night := batches.get()) is not None:
        if isinstance(night, BaseException):
            raise night
        _hand_over(conn, night)
        first, last = night.checks and (min(c[0] for c in night.checks),
                                         max(c[0] for c in night.checks))
        scale_sql.expand_batch(conn, first, last, cast=scale.cast)
    thread.join()


def generate(path: Path, scale: Scale = Scale(), log=None) -> dict[str, int]:
    """Write the large store at ``path`` (replacing a half-made one); returns row counts."""
    for leftover in (path, path.with_name(path.name + "-wal"), path.with_name(path.name + "-shm")):
        leftover.unlink(missing_ok=True)
    nights = [LAST_NIGHT - timedelta(days=n) for n in range(scale.days - 1, -1, -1)]
    _setup(path, scale, nights[0])
    started = time.perf_counter()
    conn = sqlite3.connect(path, isolation_level=None, check_same_thread=False)
    try:
        # Only while generating: no journal, no fsync, a page cache that holds the indexes.
        for pragma in ("journal_mode=OFF", "synchronous=OFF", "cache_size=-400000",
                       "temp_store=MEMORY"):
            conn.execute(f"PRAGMA {pragma}")
        rng = random.Random(scale.seed)
        scale_sql.prepare(conn, rng)
        floor = _floor(conn, scale, rng)
        _write_nights(conn, floor, nights, scale)
        if log:
            log(f"scale: {floor.checks_made:,} checks and their lines "
                f"({time.perf_counter() - started:.0f} s)")
        conn.executemany("INSERT INTO gen_producers VALUES (?, ?, ?, ?)", floor.producer_rows())
        conn.executemany("INSERT INTO cards (id, number, producer_id, status, issued_at, "
                         "replaced_at) VALUES (?, ?, ?, ?, ?, ?)", floor.card_rows())
        outbox_seq = conn.execute("SELECT value FROM counters WHERE name = 'outbox'").fetchone()[0]
        scale_sql.expand(conn, terminal=1, base_seq=outbox_seq, log=log)
        counters = {"check": floor.checks_made, "login": len(floor.logins),
                    "card": len(floor.cards),
                    "outbox": conn.execute("SELECT max(seq) FROM outbox").fetchone()[0]}
        conn.executemany("INSERT INTO counters (name, value) VALUES (?, ?) ON CONFLICT (name) "
                         "DO UPDATE SET value = excluded.value", counters.items())
        conn.execute("COMMIT")
        conn.execute("PRAGMA journal_mode=WAL")  # the store's own mode, kept in the file
        return {table: conn.execute(f"SELECT count(*) FROM {table}").fetchone()[0]
                for table in COUNTED}
    finally:
        conn.close()


def cache_key(scale: Scale = Scale()) -> str:
    """The schema head, the sizes and this generator's source: a change to any, a new store."""
    head = ScriptDirectory.from_config(alembic_config()).get_current_head()
    source = b"".join(Path(module.__file__).read_bytes()
                      for module in (sys.modules[__name__], scale_nights, scale_sql))
    digest = hashlib.sha256(source + repr(scale).encode()).hexdigest()[:12]
    return f"large-{head}-{digest}"


def cached_store(cache: Path, scale: Scale = Scale()) -> Path:
    """The large store in the cache, generated on the first run (older versions removed)."""
    folder = cache / cache_key(scale)
    store = folder / "till.db"
    if store.exists():
        return store
    for stale in cache.glob("large-*"):
        shutil.rmtree(stale)
    building = folder / "building"  # moved into place only once it is whole
    _generate_apart(building, scale)
    (building / "till.db").rename(store)
    shutil.rmtree(building)
    return store


def _generate_apart(folder: Path, scale: Scale) -> None:
    """Generate in a process of its own: its gigabytes of page cache and scratch tables
    go with it, instead of staying in (and being forked with) the benchmark runner."""
    sizes = [f"--{name}={value}" for name, value in asdict(scale).items()]
    subprocess.run([sys.executable, "-m", "tests.benchmarks.scale", "--out", str(folder), *sizes],
                   cwd=ROOT, stdout=sys.stderr, check=True)


def working_copy(env) -> Path:
    """A copy of the large store for this run, in a data folder of its own, made once."""
    work = env.folder("large") / "till.db"
    if not work.exists():
        shutil.copyfile(cached_store(env.cache), work)
    return work


def _stderr(message: str) -> None:
    print(f"  {message}", file=sys.stderr, flush=True)


def main(argv: list[str] | None = None) -> int:
    defaults = Scale()
    parser = argparse.ArgumentParser(prog="python -m tests.benchmarks.scale")
    parser.add_argument("--out", required=True, help="the data folder to write till.db into")
    for name, value in asdict(defaults).items():
        parser.add_argument(f"--{name}", type=int, default=value)
    args = parser.parse_args(argv)
    target = Path(args.out) / "till.db"
    if target.exists():
        print(f"{target} exists; the generator never overwrites a store.", file=sys.stderr)
        return 2
    target.parent.mkdir(parents=True, exist_ok=True)
    started = time.perf_counter()
    scale = Scale(**{name: getattr(args, name) for name in asdict(defaults)})
    counts = generate(target, scale, log=_stderr)
    for table, count in counts.items():
        print(f"  {table:<14} {count:>10,}")
    print(f"{target} written in {time.perf_counter() - started:.0f} s.")
    return 0


if __name__ == "__main__":
    sys.exit(main())

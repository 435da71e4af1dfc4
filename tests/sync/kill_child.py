"""A till that rings up a few checks and syncs once, pausing after each central commit.

``python -m tests.sync.kill_child DATA_DIR CENTRAL_URL SEED`` — run by
test_faults.py, which SIGKILLs it. After each batch the central database has
committed, it prints ``committed`` and waits PAUSE_S before the till marks the
batch sent: the window in which a killed till has sent events it thinks are
still queued.
"""

from __future__ import annotations

import sys
import time
from functools import partial
from pathlib import Path

from bp_till import simulate
from bp_till.bootstrap import Till
from bp_till.clock import SystemClock
from bp_till.config import Config
from bp_till.printing.printers import Printer
from bp_till.services.context import TillContext
from bp_till.store.db import open_store
from bp_till.sync import once
from bp_till.sync import push as push_module

PAUSE_S = 0.5
BATCH = 5  # small batches: a round is several central commits


def _slow_mark(mark, ctx, batch) -> None:
    print("committed", len(batch), flush=True)
    time.sleep(PAUSE_S)
    mark(ctx, batch)


def main(data: Path, central_url: str, seed: int) -> None:
    ctx = TillContext(store=open_store(data / "till.db"), clock=SystemClock())
    till = Till(Config(data_dir=data), ctx, Printer(f"file://{data / 'prints.bin'}"))
    simulate.run(till, 3, seed)
    push_module._mark_sent = partial(_slow_mark, push_module._mark_sent)
    result = once.run_round(ctx, once.open_central(central_url), BATCH)
    print("done", result.pushed, flush=True)
    till.close()


if __name__ == "__main__":
    main(Path(sys.argv[1]), sys.argv[2], int(sys.argv[3]))

"""Issue a producer card end to end: account + card + argon2id hash + slip + ESC/POS with QR.

Through the card desk and the print queue, as the till does it, to a ``file://``
printer; the baseline is the argon2id hash alone, the floor of any card issue.
"""

from __future__ import annotations

from bp_till.domain.credentials import generate_password, hash_password
from bp_till.printing.printers import Printer
from tests.benchmarks.demo_till import demo_till
from tests.benchmarks.harness import Figure, Goal, time_ms

REPEAT = 30


def figures(env) -> list[Figure]:
    folder = env.folder("card_issue")
    till, cashier = demo_till(folder, Printer(f"file://{folder / 'slips.bin'}"))

    def issue() -> None:
        if not till.card_desk.issue(cashier).printed:
            raise RuntimeError("the slip did not print")

    samples = time_ms(issue, REPEAT)
    baseline = time_ms(lambda: hash_password(generate_password()), REPEAT)
    till.close()
    return [Figure("issue a card end to end", "ms", samples, Goal("median", 300),
                   baseline, "argon2id hash alone")]

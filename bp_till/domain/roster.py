"""Tonight's roster (出勤): the cast members on the floor this business day.

A shift lead marks who came in; each save is a new version of that day's
roster (a late arrival is added, someone who went home is taken off). The
roster only orders and warns: a cheki for a cast member who is not on it is
still rung up (the roster may be late), but the cashier is told.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date

from bp_till.domain.errors import InvalidInput

MAX_ON_ROSTER = 200  # more cast members than any café puts on one night's floor


@dataclass(frozen=True)
class Roster:
    business_day: date
    version: int  # 0: nobody marked yet tonight
    cast_codes: tuple[str, ...]  # in the order they were marked in

    def __contains__(self, cast_code: object) -> bool:
        return cast_code in self.cast_codes


def check_roster(cast_codes: Iterable[str], known: Iterable[str]) -> tuple[str, ...]:
    """The codes as a roster (each once, in order), or InvalidInput naming an unknown one.

    ``known`` are the cast members a roster may name: the till's active cast.
    An empty roster is allowed: it takes everyone off (a night closed early).
    """
    known = set(known)
    marked: dict[str, None] = {}
    for code in cast_codes:
        if not isinstance(code, str) or not code.strip():
            raise InvalidInput("A cast code on the roster is empty.")
        code = code.strip()
        if code not in known:
            raise InvalidInput(f"No cast member {code} on this till: the roster names only "
                               "the cast kept here.")
        marked[code] = None
    if len(marked) > MAX_ON_ROSTER:
        raise InvalidInput(f"A roster holds at most {MAX_ON_ROSTER} cast members.")
    return tuple(marked)


def picker_order(cast_codes: Iterable[str], on_check: Iterable[str], roster: Roster) -> list[str]:
    """The order of the cast picker: this check's cast, then tonight's, then everyone else.

    Within each group the order stays as given (the check's newest first, the
    roster as marked, the rest by code), so a cashier's eye learns the list.
    """
    everyone = list(cast_codes)
    present = set(everyone)
    first = [code for code in dict.fromkeys(on_check) if code in present]
    tonight = [code for code in roster.cast_codes if code in present and code not in first]
    placed = set(first) | set(tonight)
    return first + tonight + [code for code in everyone if code not in placed]

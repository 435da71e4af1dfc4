"""Reading the portal's forms: what a producer typed, or a message key saying what is wrong.

Pure: no HTTP, no SQL. A refusal is a ``FormError`` naming a message of
i18n.py and its values, so the page says it in the producer's language.
"""

from __future__ import annotations

import unicodedata
import uuid
from collections.abc import Iterable
from dataclasses import dataclass, field

from bp_till.domain.credentials import (
    NEW_PASSWORD_LENGTHS,
    check_new_password,
    normalise_password,
)
from bp_till.domain.errors import InvalidInput
from bp_till.domain.typed import whole_number
from bp_till.domain.votes import MAX_VOTE, Allocation

FIELD_PREFIX = "pt."  # a vote form's field per cast member: pt.C001


class FormError(Exception):
    def __init__(self, key: str, **values: object) -> None:
        super().__init__(key)
        self.key = key
        self.values = values


@dataclass(frozen=True)
class VoteForm:
    allocations: list[Allocation]
    typed: dict[str, str] = field(default_factory=dict)  # to show again after a refusal

    @property
    def total(self) -> int:
        return sum(a.points for a in self.allocations)


def fold(text: str) -> str:
    """For matching a search: full-width to ASCII, case ignored."""
    return unicodedata.normalize("NFKC", text).casefold()


def vote_key(typed: object) -> str:
    """The form's key (a UUID the page made); anything else is a garbled form."""
    try:
        return str(uuid.UUID(str(typed)))
    except ValueError:
        raise FormError("vote.bad_form") from None


def read_votes(fields: Iterable[tuple[str, str]], stage_names: dict[str, str],
               balance: int) -> VoteForm:
    """The points given per cast member; empty fields are skipped.

    Refused: a cast code not on the roster, a value that is not a whole number
    (a sign, a decimal, letters), nothing given, more than MAX_VOTE at once,
    or more than the balance.
    """
    typed: dict[str, str] = {}
    merged: dict[str, int] = {}
    for name, value in fields:
        if not name.startswith(FIELD_PREFIX) or not str(value).strip():
            continue
        code = name[len(FIELD_PREFIX):]
        if code not in stage_names:
            raise FormError("vote.unknown_cast")
        typed[code] = str(value)[:20]
        try:
            points = whole_number(str(value), stage_names[code])
        except InvalidInput:
            raise FormError("vote.not_number", name=stage_names[code], typed=typed[code]) from None
        if points:
            merged[code] = merged.get(code, 0) + points
    form = VoteForm([Allocation(code, points) for code, points in merged.items()], typed)
    if not form.allocations:
        raise FormError("vote.nothing")
    if form.total > MAX_VOTE:
        raise FormError("vote.too_many", max=f"{MAX_VOTE:,}")
    if form.total > balance:
        raise FormError("vote.over", total=f"{form.total:,}", balance=f"{balance:,}")
    return form


# The domain's refusals of a new password, as message keys.
_PASSWORD_RULES = {
    "characters, not counting": "password.length",
    "ASCII symbols only": "password.ascii",
    "different characters": "password.variety",
    "same as the current one": "password.same",
}


def read_new_password(new: object, again: object, current: str) -> str:
    """The new password (as typed) when both fields agree and it keeps the rules."""
    if not isinstance(new, str) or not isinstance(again, str):
        raise FormError("password.length")
    if len(new) > 4 * NEW_PASSWORD_LENGTHS[-1]:
        raise FormError("password.length")
    try:
        check_new_password(new, current)
    except InvalidInput as refusal:
        key = next(k for part, k in _PASSWORD_RULES.items() if part in refusal.message)
        raise FormError(key) from None
    if normalise_password(again) != normalise_password(new):
        raise FormError("password.mismatch")
    return new

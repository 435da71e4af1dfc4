"""Producer passwords and staff PINs.

A producer password is 12 characters of Crockford base32 drawn with
``secrets`` (60 bits), printed once in groups of four. Before hashing, the till
and the website normalise it the same way (upper-case; O→0; I and L→1; hyphens
and spaces dropped). Only an argon2id hash in PHC string form is ever stored;
argon2-cffi's defaults (t=3, m=64 MiB, p=4) are above OWASP's floor.
"""

from __future__ import annotations

import secrets
import unicodedata

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError, VerifyMismatchError

from bp_till.domain.errors import InvalidInput
from bp_till.domain.text import DASHES

CROCKFORD = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"
PASSWORD_LENGTH = 12
PIN_LENGTHS = range(4, 7)

_hasher = PasswordHasher()  # argon2id; its defaults are the floor we keep
_TRANSLATE = str.maketrans({"O": "0", "I": "1", "L": "1", " ": None, "\t": None}
                           | dict.fromkeys(DASHES))
NEW_PASSWORD_LENGTHS = range(12, 65)  # after normalising: at least as long as a printed one


def generate_password() -> str:
    """A fresh random password, grouped for reading: ``7K3M-Q9XD-2HVA``."""
    raw = "".join(secrets.choice(CROCKFORD) for _ in range(PASSWORD_LENGTH))
    return group_password(raw)


def group_password(raw: str) -> str:
    return "-".join(raw[i : i + 4] for i in range(0, len(raw), 4))


def normalise_password(typed: str) -> str:
    """The form that is hashed and verified, the same on the till and the website.

    Full-width letters and digits (a phone's Japanese keyboard) fold to ASCII
    first (NFKC), so ``７Ｋ３Ｍ`` is ``7K3M``.
    """
    return unicodedata.normalize("NFKC", typed).upper().translate(_TRANSLATE)


def check_new_password(typed: str, current: str | None = None) -> str:
    """A password a producer chose on the website, normalised; InvalidInput says what is wrong.

    It is read the same forgiving way as a printed one (case, O/0, I/L/1,
    dashes), so it must be long enough to stay strong after that folding.
    """
    normal = normalise_password(typed if isinstance(typed, str) else "")
    if len(normal) not in NEW_PASSWORD_LENGTHS:
        raise InvalidInput(
            f"A new password has {NEW_PASSWORD_LENGTHS[0]} to {NEW_PASSWORD_LENGTHS[-1]} "
            "characters, not counting dashes and spaces.")
    if not normal.isprintable() or not all(ch.isascii() for ch in normal):
        raise InvalidInput("A new password has letters, digits and ASCII symbols only.")
    if len(set(normal)) < 5:
        raise InvalidInput("A new password needs at least 5 different characters.")
    if current is not None and normal == normalise_password(current):
        raise InvalidInput("The new password is the same as the current one.")
    return normal


def hash_secret(secret: str) -> str:
    """An argon2id PHC string (``$argon2id$v=19$m=65536,t=3,p=4$...``)."""
    return _hasher.hash(secret)


def verify_secret(phc_hash: str, secret: str) -> bool:
    try:
        return _hasher.verify(phc_hash, secret)
    except (VerifyMismatchError, VerificationError, InvalidHashError):
        return False


def hash_password(password: str) -> str:
    return hash_secret(normalise_password(password))


def verify_password(phc_hash: str, typed: str) -> bool:
    return verify_secret(phc_hash, normalise_password(typed))


def check_pin(pin: str) -> str:
    if not (isinstance(pin, str) and pin.isascii() and pin.isdigit() and len(pin) in PIN_LENGTHS):
        raise InvalidInput("A PIN is 4 to 6 digits.")
    return pin

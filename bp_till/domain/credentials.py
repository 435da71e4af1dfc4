"""Producer passwords and staff PINs.

A producer password is 12 characters of Crockford base32 drawn with
``secrets`` (60 bits), printed once in groups of four. Before hashing, the till
and the website normalise it the same way (upper-case; O→0; I and L→1; hyphens
and spaces dropped). Only an argon2id hash in PHC string form is ever stored;
argon2-cffi's defaults (t=3, m=64 MiB, p=4) are above OWASP's floor.
"""

from __future__ import annotations

import secrets

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError, VerifyMismatchError

from bp_till.domain.errors import InvalidInput

CROCKFORD = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"
PASSWORD_LENGTH = 12
PIN_LENGTHS = range(4, 7)

_hasher = PasswordHasher()  # argon2id; its defaults are the floor we keep
_TRANSLATE = str.maketrans({"O": "0", "I": "1", "L": "1", "-": None, " ": None})


def generate_password() -> str:
    """A fresh random password, grouped for reading: ``7K3M-Q9XD-2HVA``."""
    raw = "".join(secrets.choice(CROCKFORD) for _ in range(PASSWORD_LENGTH))
    return group_password(raw)


def group_password(raw: str) -> str:
    return "-".join(raw[i : i + 4] for i in range(0, len(raw), 4))


def normalise_password(typed: str) -> str:
    """The form that is hashed and verified, the same on the till and the website."""
    return typed.upper().translate(_TRANSLATE)


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

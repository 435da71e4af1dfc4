import re

import pytest
from argon2 import PasswordHasher

from bp_till.domain import credentials as cred
from bp_till.domain.errors import InvalidInput


def test_generated_password_is_12_crockford_chars_in_groups_of_four():
    password = cred.generate_password()
    assert re.fullmatch(r"[0-9A-HJKMNP-TV-Z]{4}(-[0-9A-HJKMNP-TV-Z]{4}){2}", password)
    assert len({cred.generate_password() for _ in range(50)}) == 50


@pytest.mark.parametrize(
    "typed, normal",
    # the test vectors docs/CENTRAL.md gives the website's developers
    [
        ("7K3M-Q9XD-2HVA", "7K3MQ9XD2HVA"),
        ("7k3m q9xd 2hva", "7K3MQ9XD2HVA"),
        ("OOIL-oil0-1LIO", "00110110111" + "0"),
        ("abcd efgh jkmn", "ABCDEFGHJKMN"),
        ("７Ｋ３Ｍ－Ｑ９ＸＤ－２ＨＶＡ", "7K3MQ9XD2HVA"),  # a phone's full-width keyboard
        ("7k3mー q9xd　2hva", "7K3MQ9XD2HVA"),  # kana-mode dash, ideographic space
        ("7K3M−Q9XD–2HVA", "7K3MQ9XD2HVA"),  # a minus sign, an en dash
        ("7K3M—Q9XD—2HVA", "7K3MQ9XD2HVA"),  # em dashes
        ("7k3mーq9xdー2hva", "7K3MQ9XD2HVA"),
        ("7K3M‐Q9XD‐2HVA", "7K3MQ9XD2HVA"),  # U+2010 hyphen
    ],
)
def test_normalisation_vectors(typed, normal):
    assert cred.normalise_password(typed) == normal


def test_hash_is_argon2id_phc_at_or_above_owasp():
    phc = cred.hash_password("7K3M-Q9XD-2HVA")
    match = re.fullmatch(r"\$argon2id\$v=19\$m=(\d+),t=(\d+),p=(\d+)\$[^$]+\$[^$]+", phc)
    assert match, phc
    memory, time_cost, _ = map(int, match.groups())
    assert memory >= 19 * 1024 and time_cost >= 2
    # Any argon2 library verifies it (here a fresh hasher), given the normalised form.
    assert PasswordHasher().verify(phc, "7K3MQ9XD2HVA")


def test_verify_accepts_sloppy_typing_and_refuses_other_passwords():
    phc = cred.hash_password("7K3M-Q9XD-2HVA")
    assert cred.verify_password(phc, "7k3m q9xd 2hva")
    assert not cred.verify_password(phc, "7K3M-Q9XD-2HVB")
    assert not cred.verify_password("not a hash", "7K3M-Q9XD-2HVA")


@pytest.mark.parametrize("pin", ["123", "1234567", "12a4", "", "１２３４"])
def test_bad_pins_refused(pin):
    with pytest.raises(InvalidInput, match="4 to 6 digits"):
        cred.check_pin(pin)


@pytest.mark.parametrize("typed, refusal", [
    ("short-one", "12 to 64 characters"),
    ("a" * 65, "12 to 64 characters"),
    ("aaaa-aaaa-aaaa", "5 different characters"),
    ("いちごみるくいちごみるく", "ASCII symbols only"),
    ("ichigo milk\x002026", "ASCII symbols only"),
])
def test_a_chosen_password_keeps_the_rules(typed, refusal):
    with pytest.raises(InvalidInput, match=refusal):
        cred.check_new_password(typed)


def test_a_chosen_password_is_read_like_a_printed_one():
    assert cred.check_new_password("ichigo-milk-2026") == "1CH1G0M11K2026"
    with pytest.raises(InvalidInput, match="same as the current one"):
        cred.check_new_password("ICHIGO MILK 2026", current="ichigo-milk-2026")

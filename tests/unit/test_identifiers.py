import pytest
from hypothesis import given
from hypothesis import strategies as st

from bp_till.domain import identifiers as ids
from bp_till.domain.errors import InvalidInput


def test_card_number_layout():
    number = ids.card_number(shop=1, terminal=2, sequence=17)
    assert number[:11] == "01020000017" and len(number) == 12
    assert ids.format_card_number(number) == f"0102-0000-017{number[-1]}"
    assert ids.parse_card_number(ids.format_card_number(number)) == number


def test_login_id_layout():
    login = ids.login_id(shop=1, terminal=2, sequence=5)
    assert len(login) == 11 and login.startswith("0102000005")
    assert ids.parse_login_id(" " + ids.format_login_id(login) + " ") == login
    assert ids.mask_login_id(login) == "*******" + login[-4:]


def test_two_tills_never_share_a_number():
    assert ids.card_number(1, 1, 5) != ids.card_number(1, 2, 5)
    assert ids.login_id(1, 1, 5) != ids.login_id(1, 2, 5)


@pytest.mark.parametrize(
    "typed, message",
    [
        ("0101-0000-0014", "typo"),  # wrong check digit (0013 is right)
        ("0101-0000-001", "12 digits"),
        ("0101-0000-00AB", "digits only"),
        ("", "Type or scan"),
    ],
)
def test_mistyped_card_numbers_refused(typed, message):
    with pytest.raises(InvalidInput, match=message):
        ids.parse_card_number(typed)


def test_classify_by_length():
    assert ids.classify(ids.card_number(1, 1, 1)) == "card"
    assert ids.classify(ids.login_id(1, 1, 1)) == "login"
    with pytest.raises(InvalidInput, match="Scan a card"):
        ids.classify("12345")


def test_number_range_is_bounded():
    with pytest.raises(InvalidInput, match="used up"):
        ids.card_number(1, 1, 10**7)
    with pytest.raises(InvalidInput, match="terminal"):
        ids.card_number(1, 100, 1)


numbers = st.builds(
    ids.card_number,
    st.integers(1, 99), st.integers(1, 99), st.integers(1, 10**7 - 1),
)


@given(numbers, st.integers(0, 11), st.integers(1, 9))
def test_any_single_digit_typo_is_caught(number, position, shift):
    typo = number[:position] + str((int(number[position]) + shift) % 10) + number[position + 1:]
    with pytest.raises(InvalidInput):
        ids.parse_card_number(typo)


@given(numbers, st.integers(0, 10))
def test_any_adjacent_swap_is_caught(number, position):
    a, b = number[position], number[position + 1]
    if a == b:
        return
    swapped = number[:position] + b + a + number[position + 2:]
    with pytest.raises(InvalidInput):
        ids.parse_card_number(swapped)


def test_a_scanned_slip_link_gives_the_login_id_and_drops_the_password():
    from bp_till.domain.identifiers import from_scan

    assert from_scan("https://portal.example/login#id=01010000013&pw=7K3MQ9XD2HVA") == "01010000013"
    assert from_scan("010100000013") == "010100000013"
    assert from_scan("https://portal.example/login#pw=7K3MQ9XD2HVA") == ""


def test_full_width_digits_and_japanese_dashes_are_read():
    assert ids.parse_login_id("０１０１ー０００００１ー３") == "01010000013"
    # docs/CENTRAL.md's vectors
    assert ids.parse_login_id("０１０１－０００００１－３") == "01010000013"
    assert ids.parse_login_id("0101—000001—3") == "01010000013"
    assert ids.parse_login_id("0101 0000 013") == "01010000013"
    assert ids.parse_card_number("0101−0000−0013") == "010100000013"

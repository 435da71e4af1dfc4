"""The portal's form reading, without HTTP: what a producer typed, or which message says why not."""

import pytest

from bp_till.domain.votes import Allocation
from bp_till.portal import forms
from bp_till.portal.i18n import MESSAGES, translate

NAMES = {"C001": "かおり", "C002": "あみ"}


def test_points_are_read_as_typed_on_a_phone():
    form = forms.read_votes([("pt.C001", "１２"), ("pt.C002", " 3 "), ("pt.C001", ""),
                             ("csrf", "x")], NAMES, balance=15)
    assert form.allocations == [Allocation("C001", 12), Allocation("C002", 3)]
    assert form.total == 15


@pytest.mark.parametrize("fields, key", [
    ([("pt.C001", "16")], "vote.over"),
    ([("pt.C001", "-1")], "vote.not_number"),
    ([("pt.C001", "1e3")], "vote.not_number"),
    ([("pt.C001", "0"), ("pt.C002", "")], "vote.nothing"),
    ([("pt.C003", "1")], "vote.unknown_cast"),
    ([("pt.C001", "9999999")], "vote.too_many"),
])
def test_bad_points_are_refused_by_message(fields, key):
    with pytest.raises(forms.FormError) as refused:
        forms.read_votes(fields, NAMES, balance=15)
    assert refused.value.key == key
    translate("en", key, **refused.value.values)  # every refusal has its words filled


def test_a_vote_key_is_a_uuid_or_the_form_is_garbled():
    with pytest.raises(forms.FormError, match="vote.bad_form"):
        forms.vote_key("' OR 1=1 --")
    assert forms.vote_key("6F9619FF-8B86-D011-B42D-00C04FC964FF") == (
        "6f9619ff-8b86-d011-b42d-00c04fc964ff")


def test_every_message_has_both_languages_and_the_same_blanks():
    import string

    for key, (ja, en) in MESSAGES.items():
        blanks = [{name for _, name, _, _ in string.Formatter().parse(text) if name}
                  for text in (ja, en)]
        assert ja and en and blanks[0] == blanks[1], key

"""Refusals from the services, said in Japanese: every pattern is translated and placed right."""

import re
import xml.etree.ElementTree as ET

import pytest

from bp_till.assets import asset
from bp_till.domain.errors import TillError
from bp_till.domain.settlement import Tender, settle
from bp_till.gui.i18n import install_language
from bp_till.gui.refusals import CATALOGUE, localise
from bp_till.printing.faults import FaultKind, PrintFailed
from bp_till.services import producers


def _finished_translations():
    tree = ET.parse(asset("resources", "i18n", "bp_till_ja.ts"))
    return {m.find("source").text: m.find("translation").text
            for c in tree.getroot().iter("context") if c.find("name").text == "Refusals"
            for m in c.iter("message") if m.find("translation").get("type") is None}


def test_every_refusal_pattern_has_a_japanese_template_with_the_same_blanks():
    done = _finished_translations()
    for pattern, template in CATALOGUE:
        blanks = re.compile(pattern).groups
        assert set(re.findall(r"{(\d)", template)) == {str(n) for n in range(blanks)}, template
        assert template in done, f"no Japanese for {template!r}"
        assert set(re.findall(r"{(\d)", done[template])) == {str(n) for n in range(blanks)}, template


@pytest.fixture
def japanese(qapp):
    assert install_language("ja")
    yield
    install_language("en")


def _refusal(action):
    with pytest.raises(TillError) as caught:
        action()
    return caught.value.message


def test_real_refusals_come_out_in_japanese(japanese, ctx):
    short = _refusal(lambda: settle(1_100, [Tender("cash", 1_000)]))
    assert localise(short) == "¥100 不足しています（お会計 ¥1,100）。"
    typo = _refusal(lambda: producers.find_producer(ctx, "0101-0000-0014"))
    assert localise(typo) == "カード番号に誤りがあります（チェックデジットが合いません）。"
    assert localise(PrintFailed(FaultKind.PAPER_OUT).message) == (
        "プリンターの用紙切れです。新しいロールを入れてください。")
    assert localise("Something nobody foresaw.") == "Something nobody foresaw."


def test_english_screens_show_the_message_as_it_came(ctx):
    install_language("en")
    assert localise("¥100 short: the check is ¥1,100.") == "¥100 short: the check is ¥1,100."

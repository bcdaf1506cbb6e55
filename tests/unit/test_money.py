"""Amounts typed by officers become exact satang, or are refused with a Thai message."""

import pytest

from otop_desktop.core.errors import InvalidInput
from otop_desktop.services.money import MAX_SATANG, check_amount, format_baht, parse_amount


@pytest.mark.parametrize(
    "text, satang",
    [
        ("12500", 1_250_000),
        ("12,500", 1_250_000),
        ("12,500.5", 1_250_050),
        ("12500.55", 1_250_055),
        ("๑๒,๕๐๐.๕๐", 1_250_050),
        (" 1 234 ", 123_400),
        ("0", 0),
        (".5", 50),
        ("7.", 700),
        ("234,567,890.12", 23_456_789_012),
        ("500 บาท", 50_000),
        ("", None),
        ("   ", None),
    ],
)
def test_parse_amount_accepts_what_officers_type(text, satang):
    assert parse_amount(text) == satang


@pytest.mark.parametrize(
    "text, words",
    [
        ("-5", "ติดลบ"),
        ("(500)", "ติดลบ"),
        ("1.234", "ทศนิยม"),
        ("abc", "ตัวเลข"),
        ("12,50", "ตัวเลข"),
        ("1.2.3", "ตัวเลข"),
        ("1e5", "ตัวเลข"),
        ("1000000000", "สูงเกิน"),
    ],
)
def test_parse_amount_refuses_with_a_thai_reason(text, words):
    with pytest.raises(InvalidInput) as refused:
        parse_amount(text)
    assert words in refused.value.message


def test_format_baht_has_separators_and_satang():
    assert format_baht(123_456_789_012) == "1,234,567,890.12"
    assert format_baht(5) == "0.05"
    assert format_baht(None) == ""
    assert format_baht(None, blank="-") == "-"


def test_check_amount_refuses_what_no_cell_holds():
    check_amount(0)
    check_amount(None)
    for bad in (-1, MAX_SATANG, 1.5, True, "100"):
        with pytest.raises(InvalidInput):
            check_amount(bad)


def test_a_base_may_exceed_one_cell_but_not_a_trillion_baht():
    from otop_desktop.services.money import MAX_BASE_SATANG

    assert parse_amount("1,234,567,890.12", maximum=MAX_BASE_SATANG) == 123_456_789_012
    with pytest.raises(InvalidInput):
        parse_amount("1,000,000,000,000", maximum=MAX_BASE_SATANG)


def test_a_whole_country_of_cells_at_the_cap_sums_inside_64_bits():
    # 100,000 entrepreneurs x 12 months x 10 years x 4 cells, every one just under the cap.
    assert (MAX_SATANG - 1) * 100_000 * 12 * 10 * 4 < 2**63

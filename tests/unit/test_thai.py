"""Buddhist-era fiscal years run October to September and are named by the year they end in."""

from datetime import date, datetime

from otop_desktop.services import thai


def test_fiscal_year_starts_in_october():
    assert thai.fiscal_year_of(date(2024, 9, 30)) == 2567
    assert thai.fiscal_year_of(date(2024, 10, 1)) == 2568
    assert thai.fiscal_year_of(date(2025, 1, 13)) == 2568


def test_month_label_uses_the_calendar_year_of_the_month():
    assert thai.month_label(2568, 10) == "ตุลาคม 2567"
    assert thai.month_label(2568, 9) == "กันยายน 2568"


def test_previous_period_crosses_fiscal_years_in_october():
    assert thai.previous_period(2569, 10) == (2568, 9)
    assert thai.previous_period(2569, 1) == (2569, 12)
    assert thai.periods_before(2569, 11, 3) == [(2569, 10), (2568, 9), (2568, 8)]


def test_thai_digits_both_ways():
    assert thai.to_arabic_digits("๑๒๓") == "123"
    assert thai.to_thai_digits("2568") == "๒๕๖๘"


def test_thai_date_text():
    assert thai.format_thai_date(date(2025, 1, 13)) == "13 มกราคม 2568"
    stamp = thai.format_thai_datetime(datetime(2025, 1, 13, 3, 5))
    assert "2568" in stamp and stamp.endswith("น.")


def test_months_text_is_in_fiscal_order_with_spans():
    assert thai.months_text([1, 10, 12, 10]) == "ต.ค. ธ.ค. ม.ค."
    assert thai.months_text([10, 11, 12, 1, 3]) == "ต.ค.–ม.ค. มี.ค."
    assert thai.months_text([8, 9]) == "ส.ค. ก.ย."
    assert thai.months_text(range(1, 13)) == "ทั้งปี"
    assert thai.months_text([]) == ""


def test_sort_key_gives_thai_dictionary_order():
    words = ["ไข่เค็ม", "กลุ่มทอผ้า", "เกษตรกร", "แม่บ้าน", "มา", "มด", "ข้าว", "โคกสูง", "ก้าน", "กาน", "ฮ่องเต้"]
    expected = ["กลุ่มทอผ้า", "กาน", "ก้าน", "เกษตรกร", "ข้าว", "ไข่เค็ม", "โคกสูง", "มด", "มา", "แม่บ้าน", "ฮ่องเต้"]
    assert sorted(words, key=thai.sort_key) == expected
    assert sorted(words) != expected  # plain code-point order puts every leading vowel after ฮ

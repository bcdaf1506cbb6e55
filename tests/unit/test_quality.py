"""The data-quality check on a small province, on both engines: each kind planted is listed once with its
sentence; a finding marked checked with a note stays checked and drops from the unchecked count; a changed
figure is a new question; only the province's staff mark, with a note."""

import pytest

from otop_desktop.core.errors import InvalidInput, PermissionDenied
from otop_desktop.services.quality import check, reviews
from otop_desktop.services.quality.findings import Kind
from tests.conftest import LONG_AGO, add_entrepreneur, save
from tests.engines import connect, rows

YEAR, MONTH = 2569, 9
USUAL = {
    "ไหม": (1_000_000, 200_000, None, None),
    "ข้าว": (500_050, 0, 100_000, None),
    "ปิด": (10_000, None, None, None),
    "วาริน": (300_000, 1, None, None),
}


def run(world, user=None, month=MONTH, **options):
    with world.database.unit_of_work() as uow:
        return check.check_month(uow=uow, user=user or world.province, fiscal_year=YEAR, month=month, **options)


def of(result, kind):
    return [f for f in result.findings if f.kind is kind]


def plant(world, **changes):
    """The usual month for everyone, with the changes given (by the world's names), saved for September."""
    amounts = {world.ids[name]: changes.get(name, usual) for name, usual in USUAL.items()}
    amounts.update({world.ids[name]: value for name, value in changes.items() if name not in USUAL})
    save(world.database, world.province, YEAR, MONTH, {i: a for i, a in amounts.items() if a is not None})


def test_a_usual_month_raises_only_the_inactive_entrepreneurs_figures(world):
    plant(world)
    result = run(world)
    assert [(f.kind, f.entrepreneur_id) for f in result.findings] == [(Kind.INACTIVE, world.ids["ปิด"])]
    assert result.findings[0].text == "ถูกระบุว่าไม่ได้ดำเนินกิจการแล้ว แต่ยังมียอดจำหน่ายเดือนนี้ 100.00 บาท"
    assert result.rows == 4


def test_a_month_twenty_times_the_usual_is_raised_with_the_usual_month(world):
    plant(world, ไหม=(20_000_000, 4_000_000, None, None))
    [high] = of(run(world), Kind.OUTLIER_HIGH)
    assert high.entrepreneur_id == world.ids["ไหม"] and high.district_code == "3401"
    assert high.text.startswith("ยอดรวมเดือนนี้ 240,000.00 บาท สูงกว่าเดือนปกติ 20.0 เท่า (ปกติเดือนละ 12,000.00 บาท")


def test_a_figure_its_saver_confirmed_says_so_while_it_stands(world):
    """The save asked about the figure and the officer confirmed it (the log keeps it): the finding ends with who
    confirmed it and when, for the total or for the channel; a figure changed since is not vouched for."""
    plant(world, ไหม=(20_000_000, 4_000_000, None, None))  # saved through the save's question, confirmed
    [high] = of(run(world), Kind.OUTLIER_HIGH)
    assert high.text.endswith(")") and " ผู้บันทึกยืนยันยอดนี้แล้วเมื่อบันทึก (โดย นางสมศรี ใจดี เมื่อ " in high.text
    with connect(world.database) as con:  # another figure, written without the question
        con.execute(
            "UPDATE monthly_sale SET domestic_offline = 30000000 WHERE entrepreneur_id = ? AND fiscal_year = ?"
            " AND month = ?",
            (world.ids["ไหม"], YEAR, MONTH),
        )
    [high] = of(run(world), Kind.OUTLIER_HIGH)
    assert "ผู้บันทึกยืนยัน" not in high.text
    plant(world, ไหม=(10_000_000, 200_000, None, None))  # one channel 10× its own, confirmed on that channel
    [high] = of(run(world), Kind.OUTLIER_HIGH)
    assert high.channel == 0 and "ผู้บันทึกยืนยันยอดนี้แล้วเมื่อบันทึก" in high.text


def test_a_month_a_fiftieth_of_the_usual_is_raised(world):
    plant(world, ไหม=(20_000, 4_000, None, None))
    [low] = of(run(world), Kind.OUTLIER_LOW)
    assert low.entrepreneur_id == world.ids["ไหม"]
    assert "240.00 บาท ต่ำกว่าหนึ่งในสิบของเดือนปกติ (เพียงร้อยละ 2.0)" in low.text and "12,000.00" in low.text


def test_a_digit_too_many_or_too_few_in_one_channel_is_raised_though_the_total_looks_usual(world):
    """The letter's typo of one digit, in a channel that shares the month with another: Silk's usual 10,000 + 2,000
    typed 100,000 + 2,000 is 8.5× its usual total (under the total's 10×), and its domestic offline channel 10×
    its own; Rice's export typed 100.00 for 1,000.00 is a tenth of that channel, its total 0.9×."""
    plant(world, ไหม=(10_000_000, 200_000, None, None), ข้าว=(500_050, 0, 10_000, None))
    found = run(world)
    [high] = of(found, Kind.OUTLIER_HIGH)
    assert (high.entrepreneur_id, high.channel) == (world.ids["ไหม"], 0)
    assert high.text.startswith(
        "ยอดช่องทางในประเทศ ออฟไลน์ 100,000.00 บาท สูงกว่าเดือนปกติของช่องทางนี้ 10.0 เท่า (ปกติเดือนละ 10,000.00 บาท"
    )
    [low] = of(found, Kind.OUTLIER_LOW)
    assert (low.entrepreneur_id, low.channel, low.channel_name) == (world.ids["ข้าว"], 2, "ต่างประเทศ ออฟไลน์")
    assert "100.00 บาท ต่ำกว่าเดือนปกติของช่องทางนี้มาก (เพียงร้อยละ 10.0)" in low.text
    plant(world, ไหม=(40_000_000, 8_000_000, None, None))  # the total itself 40×: one finding, not one a channel too
    assert [(f.entrepreneur_id, f.channel) for f in of(run(world), Kind.OUTLIER_HIGH)] == [(world.ids["ไหม"], None)]


def test_a_first_large_export_is_raised_on_its_channel(world):
    plant(world, ไหม=(1_000_000, 200_000, 1_500_000, None), วาริน=(300_000, 1, 5_000, None))
    [new] = of(run(world), Kind.NEW_CHANNEL)  # Warin's 50 baht of export is not large
    assert (new.entrepreneur_id, new.channel, new.channel_name) == (world.ids["ไหม"], 2, "ต่างประเทศ ออฟไลน์")
    assert new.text.startswith("มียอดช่องทางต่างประเทศ ออฟไลน์ 15,000.00 บาท เป็นครั้งแรก")


def test_an_entrepreneur_missing_from_last_months_list_is_raised_and_its_district_is_incomplete(world):
    plant(world, ข้าว=None)
    result = run(world)
    [missing] = of(result, Kind.MISSING)
    assert missing.entrepreneur_id == world.ids["ข้าว"]
    assert missing.text.startswith("มีรายชื่อเดือนสิงหาคม 2569 และยังดำเนินกิจการ แต่ไม่มีในรายชื่อเดือนนี้")
    [district] = of(result, Kind.INCOMPLETE)
    assert district.district_code == "3401" and "กรอกแล้ว 2 จาก 3 ราย" in district.text


def test_a_district_that_entered_nothing_is_one_line_not_one_per_entrepreneur(world):
    plant(world, ไหม=None, ข้าว=None, ปิด=None)
    result = run(world)
    assert not of(result, Kind.MISSING)
    [district] = of(result, Kind.INCOMPLETE)
    assert district.text == "อำเภอเมืองอุบลราชธานี ยังไม่กรอกเลย (0 จาก 2 ราย)"


def test_four_typed_zeros_are_raised_blank_channels_are_not(world):
    plant(world, วาริน=(0, 0, 0, 0), ข้าว=(0, None, None, None))
    [zero] = of(run(world), Kind.ALL_ZERO)
    assert zero.entrepreneur_id == world.ids["วาริน"] and zero.text.startswith("กรอกยอดเป็นศูนย์ทั้งสี่ช่องทาง")


def test_the_same_name_twice_in_a_tambon_is_one_finding_naming_both(world):
    twin = add_entrepreneur(world.database, world.province, " กลุ่มทอผ้าไหม  บ้านในเมือง", "340101", 3)
    elsewhere = add_entrepreneur(world.database, world.province, "กลุ่มทอผ้าไหมบ้านในเมือง", "340104", 3)
    plant(world, **{"ไหม": USUAL["ไหม"]})
    save(
        world.database, world.province, YEAR, MONTH, {twin: (5_000, None, None, None), elsewhere: (1, None, None, None)}
    )
    [duplicate] = of(run(world), Kind.DUPLICATE)
    assert duplicate.entrepreneur_id == twin
    assert f"มี 2 รายในตำบลในเมือง (เลขที่ {world.ids['ไหม']} และ {twin})" in duplicate.text


def test_a_district_far_from_last_years_month_is_raised_at_the_chosen_share(world):
    save(world.database, world.province, YEAR - 1, MONTH, {world.ids["วาริน"]: (100_000, None, None, None)})
    plant(world)  # Warin: 3,000.01 baht against 1,000.00 last September
    [swing] = of(run(world), Kind.SWING)
    assert swing.district_code == "3415"
    assert swing.text == (
        "ยอดรวมของอำเภอวารินชำราบเดือนนี้ 3,000.01 บาท เพิ่มขึ้นร้อยละ 200.0 จากเดือนเดียวกันปีก่อน (กันยายน 2568: 1,000.00 บาท)"
    )
    assert not of(run(world, swing_percent=250), Kind.SWING)


def test_a_month_with_some_sales_never_reads_as_a_fall_of_a_hundred_per_cent(world):
    save(world.database, world.province, YEAR - 1, MONTH, {world.ids["วาริน"]: (1_000_000_000, None, None, None)})
    plant(world)  # Warin: 3,000.01 baht against 10,000,000.00: a fall of 99.97 per cent
    [swing] = of(run(world), Kind.SWING)
    assert "ลดลงร้อยละ 99.9 จากเดือนเดียวกันปีก่อน" in swing.text, swing.text
    assert "กรอกยอดไม่ครบ" not in swing.text  # Warin entered everyone it has


def test_a_fall_in_a_district_that_has_not_entered_everyone_says_that_may_be_why(world):
    save(world.database, world.province, YEAR - 1, MONTH, {world.ids["วาริน"]: (1_000_000_000, None, None, None)})
    tambon = rows(world.database, "SELECT tambon_code FROM entrepreneur WHERE id = ?", world.ids["วาริน"])[0][0]
    add_entrepreneur(world.database, world.province, "กลุ่มทอเสื่อบ้านใหม่", tambon, added=LONG_AGO)  # not entered
    plant(world)
    result = run(world)
    [swing] = of(result, Kind.SWING)
    assert swing.text.endswith(" ซึ่งอาจเป็นเพราะอำเภอยังกรอกยอดไม่ครบ"), swing.text
    assert [f.district_code for f in of(result, Kind.INCOMPLETE)] == ["3415"]


def test_a_district_user_checks_its_own_district_only_and_may_not_mark(world):
    plant(world, วาริน=(0, 0, 0, 0))
    result = run(world, world.mueang)
    assert {f.district_code for f in result.findings} == {"3401"} and not result.may_review
    with pytest.raises(PermissionDenied):
        run(world, world.mueang, area_code="3415")
    with world.database.unit_of_work() as uow, pytest.raises(PermissionDenied):
        reviews.mark_checked(
            uow=uow, user=world.mueang, fiscal_year=YEAR, month=MONTH, keys=[result.findings[0].key], note="ok"
        )


def mark(world, keys, note="โทรสอบถามแล้ว ยอดถูกต้อง", month=MONTH):
    with world.database.unit_of_work() as uow:
        return reviews.mark_checked(uow=uow, user=world.province, fiscal_year=YEAR, month=month, keys=keys, note=note)


def test_a_finding_marked_checked_stays_checked_until_its_figure_changes(world):
    plant(world, ไหม=(20_000_000, 4_000_000, None, None))
    [high] = of(run(world), Kind.OUTLIER_HIGH)
    with world.database.unit_of_work() as uow:
        before = reviews.unchecked_counts(uow=uow, user=world.province, fiscal_year=YEAR, month=MONTH)
    assert mark(world, [high.key]).count == 1
    [again] = of(run(world), Kind.OUTLIER_HIGH)
    assert again.review.note == "โทรสอบถามแล้ว ยอดถูกต้อง" and again.review.reviewed_by == "prov"
    with world.database.unit_of_work() as uow:
        after = reviews.unchecked_counts(uow=uow, user=world.province, fiscal_year=YEAR, month=MONTH)
    assert after["3401"] == before["3401"] - 1
    plant(world, ไหม=(30_000_000, 4_000_000, None, None))  # typed again, still far off: a new question
    [changed] = of(run(world), Kind.OUTLIER_HIGH)
    assert changed.review is None


def test_marking_needs_a_note_and_a_finding_still_found(world):
    plant(world)
    [inactive] = run(world).findings
    with pytest.raises(InvalidInput, match="หมายเหตุ"):
        mark(world, [inactive.key], note="  ")
    with pytest.raises(InvalidInput, match="ไม่พบ 1 รายการ"):
        mark(world, [inactive.key.replace("10000", "99")])
    assert run(world).findings[0].review is None


def test_a_duplicate_checked_once_stays_checked_in_later_months(world):
    twin = add_entrepreneur(world.database, world.province, "กลุ่มทอผ้าไหมบ้านในเมือง", "340101", 3)
    plant(world, **{"ไหม": USUAL["ไหม"]})
    save(world.database, world.province, YEAR, MONTH, {twin: (5_000, None, None, None)})
    [duplicate] = of(run(world), Kind.DUPLICATE)
    mark(world, [duplicate.key], note="คนละกลุ่ม ชื่อเหมือนกัน")
    save(world.database, world.province, YEAR + 1, 10, {world.ids["ไหม"]: USUAL["ไหม"], twin: (1, None, None, None)})
    with world.database.unit_of_work() as uow:
        later = check.check_month(uow=uow, user=world.province, fiscal_year=YEAR + 1, month=10)
    [same] = of(later, Kind.DUPLICATE)
    assert same.review is not None and same.review.note == "คนละกลุ่ม ชื่อเหมือนกัน"


def test_the_paper_quotes_a_name_as_typed_and_names_its_checker_as_the_lock_pages_do(world, tmp_path):
    """The sentences' figures are in Thai digits, but a quoted name keeps its own ("หมู่ 2", not "หมู่ ๒"); a line
    marked checked names the checker by name, not by login; the tab and the workbook alike."""
    from otop_desktop.services.quality.sheet import save_check
    from tests.integration.test_jt2 import pdf_text

    name = "กลุ่มทอเสื่อบ้านหมู่ 2"
    for _ in range(2):
        add_entrepreneur(world.database, world.province, name, "341501", list_in=(YEAR, MONTH))
    plant(world)
    [twice] = of(run(world), Kind.DUPLICATE)
    mark(world, [twice.key], note="มีสองกลุ่มจริง")
    [checked] = of(run(world), Kind.DUPLICATE)
    assert checked.review.shown_by == "นางสมศรี ใจดี" and checked.review.reviewed_by == "prov"
    with world.database.unit_of_work() as uow:
        save_check(uow=uow, user=world.province, fiscal_year=YEAR, month=MONTH, path=tmp_path / "check.pdf")
    text = "".join(pdf_text(tmp_path / "check.pdf", "-raw").split())  # a cell's lines break between words
    assert "หมู่2”" in text and "หมู่๒" not in text
    assert "ตรวจแล้วโดยนางสมศรีใจดี" in text and "โดยprov" not in text
    with world.database.unit_of_work() as uow:
        save_check(uow=uow, user=world.province, fiscal_year=YEAR, month=MONTH, path=tmp_path / "check.csv")
    assert "นางสมศรี ใจดี" in (tmp_path / "check.csv").read_text(encoding="utf-8-sig")

"""Targets: the rule with its rounding, the round split, the รวม row, settings, and achievement."""

from datetime import date
from decimal import Decimal

import pytest

from otop_desktop.core.errors import InvalidInput, PermissionDenied
from otop_desktop.services.targets import rule
from otop_desktop.services.targets.rule import RoundFigures, Settings, achievement_of, compute_round

LETTER = Settings(2568, 2566, Decimal("0.926"), (Decimal(2), Decimal(3), Decimal(4)), True)


def baht(value: int) -> int:
    return value * 100


def test_round_one_is_half_the_adjusted_base_and_tiers_add_their_percent():
    # Row 24 of attachment 1 (น้ำยืน) follows the rule exactly.
    figures = compute_round(baht(251_759_355), LETTER, 1)
    assert figures == RoundFigures(
        baht(233_129_163), baht(116_564_582), baht(118_895_874), baht(120_061_519), baht(121_227_165)
    )


def test_round_two_takes_the_whole_adjusted_base():
    figures = compute_round(baht(251_759_355), LETTER, 2)
    assert figures.round_base == figures.adjusted == baht(233_129_163)
    assert figures.tiers == (baht(237_791_746), baht(240_123_038), baht(242_454_330))


def test_rounding_is_to_whole_baht_half_up_at_each_step():
    settings = Settings(2568, 2566, Decimal("0.5"), (Decimal("2.5"), Decimal(3), Decimal(5)), True)
    figures = compute_round(baht(5) + 50, settings, 1)  # 5.50 × 0.5 = 2.75 → 3; 3 / 2 = 1.5 → 2; 2 × 1.025 = 2.05 → 2
    assert (figures.adjusted, figures.round_base, figures.basic) == (baht(3), baht(2), baht(2))
    assert all(value % 100 == 0 for value in vars(figures).values())


def test_target_table_sums_every_column_in_the_total_row(world):
    for code, base in (("3401", 1_000_000), ("3415", 2_000_001)):
        with world.database.unit_of_work() as uow:
            rule.save_base(uow=uow, user=world.province, fiscal_year=2569, district_code=code, base_satang=baht(base))
            uow.commit()
    with world.database.unit_of_work() as uow:
        table = rule.target_table(uow=uow, user=world.province, fiscal_year=2569, round_no=1)
    with_targets = [line for line in table.lines if line.figures]
    assert [line.district_code for line in with_targets] == ["3401", "3415"]
    for field in ("adjusted", "round_base", "basic", "standard", "high"):
        assert getattr(table.total.figures, field) == sum(getattr(line.figures, field) for line in with_targets)
    assert table.total.base == baht(3_000_001) and table.total.district_name == "รวม 2 จาก 25 อำเภอที่มีเป้าหมาย"
    assert (table.covered, table.district_count) == (2, 25)


def test_the_total_row_compares_the_same_districts_it_sums(world):
    """With a target for Mueang only, Warin's sales must not lift the province's row to the top tier."""
    with world.database.unit_of_work() as uow:
        rule.save_base(uow=uow, user=world.province, fiscal_year=2569, district_code="3401", base_satang=baht(240_000))
        uow.commit()
    with world.database.unit_of_work() as uow:
        table = rule.target_table(uow=uow, user=world.province, fiscal_year=2569, round_no=1)
    mueang = next(line for line in table.lines if line.district_code == "3401")
    warin = next(line for line in table.lines if line.district_code == "3415")
    assert table.total.district_name == "รวม 1 จาก 25 อำเภอที่มีเป้าหมาย"
    assert table.total.actual == mueang.actual and table.total.figures == mueang.figures
    assert table.total.achievement.tier_reached == mueang.achievement.tier_reached == 0
    assert warin.figures is None and warin.actual == 6 * 300_001  # shown although Warin has no target


def test_no_targets_still_shows_the_actual_sales(world):
    with world.database.unit_of_work() as uow:
        table = rule.target_table(uow=uow, user=world.province, fiscal_year=2569, round_no=1)
    from otop_desktop.services.targets.workbook import line_values

    mueang = next(line for line in table.lines if line.district_code == "3401")
    assert mueang.figures is None and line_values("1", mueang)[8] == Decimal(mueang.actual) / 100 > 0
    assert table.total.actual == sum(line.actual for line in table.lines)


def test_during_a_round_achievement_is_pro_rated_to_the_months_ended():
    figures = RoundFigures(0, baht(6000), baht(6120), baht(6180), baht(6300))
    early = achievement_of(figures, baht(2100), 1, ended=(10, 11))  # two months of six: a third
    assert early.tier_reached == 0 and early.pace_tier == 3 and early.shown_tier == 3
    assert early.tier_name == "ขั้นสูง (สัดส่วน 2/6 เดือน: ต.ค. พ.ย.)" and not early.round_over
    slow = achievement_of(figures, baht(2000), 1, ended=(10, 11))
    assert slow.shown_tier == 0 and slow.tier_name == "ต่ำกว่าขั้นต้น (สัดส่วน 2/6 เดือน: ต.ค. พ.ย.)"
    assert achievement_of(figures, 0, 1, ended=()).tier_name == "ยังไม่มีเดือนของรอบที่พ้นกำหนดยืนยัน"
    assert achievement_of(figures, baht(6300), 1, ended=(10, 11)).tier_name == "ขั้นสูง"  # the round's top tier, already
    final = achievement_of(figures, baht(6150), 1, ended=(10, 11, 12, 1, 2, 3))
    assert final.round_over and final.shown_tier == final.tier_reached == 1 and final.tier_name == "ขั้นต้น"
    # December saved early: its sales are in the actual, not in what is paced against two months' share.
    ahead = achievement_of(figures, baht(3100), 1, ended=(10, 11), ended_actual=baht(2000))
    assert ahead.actual == baht(3100) and ahead.pace_tier == 0 and ahead.remaining_months == 4


def test_one_early_save_cannot_swing_the_provinces_share(world):
    """20 December 2568 (fiscal 2569): October and November have ended. The fixture's months are all entered,
    so the Mueang and Warin rows stand; December's figures, saved early, change neither share nor tier."""
    with world.database.unit_of_work() as uow:
        for code in ("3401", "3415"):
            rule.save_base(
                uow=uow, user=world.province, fiscal_year=2569, district_code=code, base_satang=baht(200_000)
            )
        uow.commit()

    def total(today):
        with world.database.unit_of_work() as uow:
            return rule.target_table(uow=uow, user=world.province, fiscal_year=2569, round_no=1, today=today).total

    before = total(date(2025, 12, 20)).achievement
    assert (before.elapsed_months, before.ended_text) == (2, "ต.ค. พ.ย.")
    assert before.tier_name.endswith("(สัดส่วน 2/6 เดือน: ต.ค. พ.ย.)")
    with world.database.unit_of_work() as uow:  # one district's December, a hundredfold, saved before the month ends
        uow.session.connection().exec_driver_sql(
            "UPDATE monthly_sale SET domestic_offline = domestic_offline * 100 WHERE month = 12"
            f" AND entrepreneur_id = {world.ids['วาริน']}"
        )
        uow.commit()
    after = total(date(2025, 12, 20)).achievement
    assert (after.elapsed_months, after.pace_tier, after.tier_name) == (2, before.pace_tier, before.tier_name)
    assert after.actual > before.actual  # the sales still count in the round's total
    # December ended on the 31st, but its figures come in until its deadline, 5 January: counted after it
    assert [total(date(2026, 1, day)).achievement.elapsed_months for day in (1, 5, 6)] == [2, 2, 3]


def test_actual_sales_of_round_one_are_october_to_march(world):
    with world.database.unit_of_work() as uow:
        rule.save_base(uow=uow, user=world.province, fiscal_year=2569, district_code="3401", base_satang=baht(100_000))
        uow.commit()
    with world.database.unit_of_work() as uow:
        first = rule.target_table(uow=uow, user=world.province, fiscal_year=2569, round_no=1)
        second = rule.target_table(uow=uow, user=world.province, fiscal_year=2569, round_no=2, today=date(2026, 8, 20))
    mueang = lambda table: next(line for line in table.lines if line.district_code == "3401")  # noqa: E731
    month = 1_000_000 + 200_000 + 500_050 + 100_000 + 10_000  # the three Mueang entrepreneurs each month
    assert mueang(first).achievement.actual == 6 * month
    assert mueang(second).achievement.actual == 11 * month  # October to August are entered
    assert mueang(second).achievement.remaining_months == 2  # on 20 August: August and September still to end


def test_achievement_tier_gap_and_monthly_need():
    figures = RoundFigures(0, baht(1000), baht(1020), baht(1030), baht(1050))
    done = achievement_of(figures, baht(1025), 1, ended=(10, 11, 12))  # December ended: 3 months left
    assert (done.tier_reached, done.tier_name, done.gap_to_next) == (1, "ขั้นสูง (สัดส่วน 3/6 เดือน: ต.ค.–ธ.ค.)", baht(5))
    assert done.remaining_months == 3
    assert done.monthly_needed == (0, 167, 834)  # satang, rounded up
    whole_round = (10, 11, 12, 1, 2, 3)
    assert achievement_of(figures, baht(1050), 1, ended=whole_round).tier_name == "ขั้นสูง"
    over = achievement_of(figures, baht(10), 1, ended=whole_round)
    assert over.tier_name == "ยังไม่ถึงขั้นต้น" and over.monthly_needed == (None, None, None)


def test_settings_default_to_the_letter_and_are_checked(world):
    with world.database.unit_of_work() as uow:
        default = rule.get_settings(uow=uow, user=world.province, fiscal_year=2569)
        assert (default.factor, default.percents, default.saved) == (Decimal("0.926"), (2, 3, 5), False)
        with pytest.raises(PermissionDenied):
            rule.save_settings(
                uow=uow, user=world.mueang, fiscal_year=2569, base_year=2568, factor="0.9", percents=(2, 3, 4)
            )
        for factor, percents, words in (
            ("abc", (2, 3, 4), "ไม่ใช่ตัวเลข"),
            ("0", (2, 3, 4), "มากกว่า 0"),
            ("0.9", (5, 3, 4), "เรียง"),
            ("0.9", (2, 3, -1), "ไม่ติดลบ"),
        ):
            with pytest.raises(InvalidInput, match=words):
                rule.save_settings(
                    uow=uow, user=world.province, fiscal_year=2569, base_year=2568, factor=factor, percents=percents
                )
        saved = rule.save_settings(
            uow=uow, user=world.province, fiscal_year=2569, base_year=2567, factor="0.926", percents=("2", "3", "4")
        )
    assert saved.percents == (2, 3, 4) and saved.saved


def test_bases_from_the_programs_own_data(world):
    with world.database.unit_of_work() as uow:
        rule.save_settings(
            uow=uow, user=world.province, fiscal_year=2570, base_year=2569, factor="1", percents=(2, 3, 5)
        )
    with world.database.unit_of_work() as uow:
        found = rule.bases_from_data(uow=uow, user=world.province, fiscal_year=2570)
    assert found == {"3401": 11 * 1_810_050, "3415": 11 * 300_001}
    with world.database.unit_of_work() as uow:
        with pytest.raises(InvalidInput, match="ไม่มีข้อมูลยอดจำหน่ายของปีฐาน"):
            rule.bases_from_data(uow=uow, user=world.province, fiscal_year=2569)
    with world.database.unit_of_work() as uow:  # the base year still running: a fraction of a year's sales
        rule.save_settings(
            uow=uow, user=world.province, fiscal_year=2571, base_year=2570, factor="1", percents=(2, 3, 5)
        )
    with world.database.unit_of_work() as uow:
        with pytest.raises(InvalidInput, match="ปีฐาน 2570 ยังไม่สิ้นปีงบประมาณ \\(สิ้นสุด 30 กันยายน 2570\\)"):
            rule.bases_from_data(uow=uow, user=world.province, fiscal_year=2571, today=date(2026, 12, 5))
        assert rule.bases_from_data(uow=uow, user=world.province, fiscal_year=2570, today=date(2026, 10, 1))


def test_a_district_user_sees_its_own_row_and_no_province_total(world):
    with world.database.unit_of_work() as uow:
        for code in ("3401", "3415"):
            rule.save_base(uow=uow, user=world.province, fiscal_year=2569, district_code=code, base_satang=baht(1000))
        uow.commit()
    with world.database.unit_of_work() as uow:
        table = rule.target_table(uow=uow, user=world.warin, fiscal_year=2569, round_no=1)
    assert [line.district_code for line in table.lines] == ["3415"]
    assert table.total is None and (table.covered, table.district_count) == (1, 1)
    assert [(number, line.district_code) for number, line in table.numbered] == [("1", "3415")]


def test_a_base_computed_from_data_is_marked_stale_when_the_base_years_sales_change(world):
    from tests.conftest import save

    save(world.database, world.province, 2568, 5, {world.ids["ไหม"]: (1_000_000, None, None, None)})
    with world.database.unit_of_work() as uow:
        found = rule.bases_from_data(uow=uow, user=world.province, fiscal_year=2569)
    assert found == {"3401": 1_000_000}
    with world.database.unit_of_work() as uow:
        assert rule.target_table(uow=uow, user=world.province, fiscal_year=2569, round_no=1).stale == ()
    save(world.database, world.province, 2568, 6, {world.ids["ข้าว"]: (250_000, None, None, None)})  # a late file
    with world.database.unit_of_work() as uow:
        table = rule.target_table(uow=uow, user=world.province, fiscal_year=2569, round_no=1)
    assert [(line.district_code, line.base, line.base_now) for line in table.stale] == [("3401", 1_000_000, 1_250_000)]
    with world.database.unit_of_work() as uow:
        rule.bases_from_data(uow=uow, user=world.province, fiscal_year=2569)
    with world.database.unit_of_work() as uow:
        assert rule.target_table(uow=uow, user=world.province, fiscal_year=2569, round_no=1).stale == ()


def test_computing_bases_asks_before_replacing_one_the_officer_typed(world, capsys, monkeypatch):
    """A base typed for a district (a figure the data does not give) is replaced by the data's only when the
    officer agrees; a typed base the data gives anyway is no question. The command line asks with a flag."""
    from otop_desktop.cli import main
    from tests.conftest import PASSWORD
    from tests.engines import location

    with world.database.unit_of_work() as uow:
        rule.save_settings(
            uow=uow, user=world.province, fiscal_year=2570, base_year=2569, factor="1", percents=(2, 3, 5)
        )
    with world.database.unit_of_work() as uow:
        rule.enter_base(uow=uow, user=world.province, fiscal_year=2570, district_code="3401", base_satang=baht(100_000))
        rule.enter_base(uow=uow, user=world.province, fiscal_year=2570, district_code="3415", base_satang=11 * 300_001)
    with world.database.unit_of_work() as uow:
        with pytest.raises(InvalidInput, match=r"ยอดปีฐานที่กรอกเองไว้ 1 อำเภอ \(เมืองอุบลราชธานี\) ต่างจากยอดจำหน่ายในโปรแกรม"):
            rule.bases_from_data(uow=uow, user=world.province, fiscal_year=2570)
    monkeypatch.setenv("OTOP_PASSWORD", PASSWORD)
    compute = [*location(world.database), "targets", "compute", "--user", "prov", "--year", "2570"]
    assert main(compute) == 2
    assert "ใส่ --replace-entered เพื่อยืนยัน" in capsys.readouterr().err
    with world.database.unit_of_work() as uow:  # nothing replaced yet
        kept = rule.target_table(uow=uow, user=world.province, fiscal_year=2570, round_no=1)
    assert {line.district_code: line.base for line in kept.lines}["3401"] == baht(100_000)
    assert main([*compute, "--replace-entered"]) == 0
    with world.database.unit_of_work() as uow:
        replaced = rule.target_table(uow=uow, user=world.province, fiscal_year=2570, round_no=1)
    assert {line.district_code: line.base for line in replaced.lines}["3401"] == 11 * 1_810_050

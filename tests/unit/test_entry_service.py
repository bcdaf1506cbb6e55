"""Monthly entry through the services: load, save, Sync, scope, refusals that change nothing, audit."""

from dataclasses import replace
from datetime import date

import pytest

from otop_desktop.core.errors import InvalidInput, PermissionDenied
from otop_desktop.services import entrepreneurs, entry, saving, sync
from otop_desktop.services.audit import list_audit
from otop_desktop.services.money import MAX_SATANG
from tests.conftest import add_entrepreneur, save
from tests.engines import connect


def sales_rows(path):
    with connect(path) as con:
        return con.execute("SELECT * FROM monthly_sale ORDER BY entrepreneur_id, fiscal_year, month").fetchall()


def load(world, user, year=2569, month=8, **kw):
    with world.database.unit_of_work() as uow:
        return entry.load_month(uow=uow, user=user, fiscal_year=year, month=month, **kw)


def test_an_empty_list_with_nobody_to_sync_says_who_adds_the_entrepreneurs(world):
    """A new office's first day: Sync would bring nobody, so the banner does not send the officer to it."""
    from otop_desktop.core.users import UserInfo

    new_district = UserInfo("nobody", "district", "3402", "", "")  # ศรีเมืองใหม่: no entrepreneur yet
    # no file brings a district its entrepreneurs: the district is sent to whoever adds them where it works
    said = load(world, new_district, month=9).notice
    assert "ผู้ดูแลระบบของโปรแกรมที่สำนักงานนี้" in said and "ปุ่ม “เพิ่มผู้ประกอบการ”" in said
    assert "กด “เพิ่มผู้ประกอบการ”" in load(world, world.province, month=9, district_code="3402").notice
    assert "ผู้ใช้งาน…" not in load(world, world.province, month=9, district_code="3402").notice
    assert "เมนู ผู้ดูแลระบบ → ผู้ใช้งาน…" in load(world, world.admin, month=9, district_code="3402").notice
    assert "Sync" in load(world, world.mueang, month=9).notice  # Mueang has entrepreneurs to bring


def test_district_user_sees_only_its_own_district(world):
    sheet = load(world, world.mueang)
    assert {row.district_code for row in sheet.rows} == {"3401"}
    assert len(sheet.rows) == 3
    with pytest.raises(PermissionDenied):
        load(world, world.mueang, district_code="3415")
    assert len(load(world, world.province).rows) == 4
    assert [r.name for r in load(world, world.province, district_code="3415").rows] == ["กลุ่มปลาร้าวารินชำราบ"]
    assert len(load(world, world.province, tambon_code="340104").rows) == 2


def test_save_then_load_returns_the_same_satang(world):
    silk = world.ids["ไหม"]
    result = save(world.database, world.mueang, 2569, 9, {silk: (123_456_789, 1, None, 0)})
    assert (result.rows_changed, result.cells_changed) == (1, 3)
    row = next(r for r in load(world, world.mueang, month=9).rows if r.entrepreneur_id == silk)
    assert row.amounts == (123_456_789, 1, None, 0)
    assert row.updated_by == "mueang" and row.revision == 1


def test_saving_the_same_values_changes_nothing(world):
    silk = world.ids["ไหม"]
    before = sales_rows(world.database)
    result = save(world.database, world.province, 2569, 8, {silk: (1_000_000, 200_000, None, None)})
    assert result.rows_changed == 0
    assert sales_rows(world.database) == before


def test_a_change_bumps_the_revision_and_is_audited_cell_by_cell(world):
    silk = world.ids["ไหม"]
    save(world.database, world.mueang, 2569, 8, {silk: (1_000_100, 200_000, 5_000, None)})
    row = next(r for r in load(world, world.mueang).rows if r.entrepreneur_id == silk)
    assert row.revision == 2
    with world.database.unit_of_work() as uow:
        lines = list_audit(uow=uow, entity="monthly_sale", entity_key_prefix=f"2569/08/{silk}")
    changed = {
        (line.field, line.old_value, line.new_value, line.username)
        for line in lines
        if line.username == "mueang" and line.entity_key == f"2569/08/{silk}"
    }
    assert changed == {
        ("domestic_offline", "10000.00", "10001.00", "mueang"),
        ("export_offline", None, "50.00", "mueang"),
    }


def test_saving_another_districts_row_is_refused_and_nothing_is_written(world):
    before = sales_rows(world.database)
    with pytest.raises(PermissionDenied):
        save(
            world.database,
            world.mueang,
            2569,
            8,
            {
                world.ids["ไหม"]: (1, 1, 1, 1),  # its own: would be fine alone
                world.ids["วาริน"]: (2, 2, 2, 2),
            },
        )
    assert sales_rows(world.database) == before


@pytest.mark.parametrize("bad", [-100, 1.5, 10**15, "100"])
def test_an_invalid_amount_refuses_the_whole_save(world, bad):
    before = sales_rows(world.database)
    with pytest.raises(InvalidInput):
        save(
            world.database,
            world.province,
            2569,
            8,
            {
                world.ids["ไหม"]: (5, 5, 5, 5),
                world.ids["ข้าว"]: (bad, None, None, None),
            },
        )
    assert sales_rows(world.database) == before


@pytest.mark.parametrize(
    ("amounts", "words"),
    [
        ((5, 5, -1, 5), "ติดลบ"),
        ((True, 0, 0, 0), "ต้องเป็นจำนวนเงิน"),
        ((MAX_SATANG, 0, None, 0), "สูงเกินกว่าที่เป็นไปได้"),
        ((5, 5, 5), "ต้องมี 4 ช่อง"),
        ((MAX_SATANG - 1, 0, None, 0), None),
    ],
)
def test_every_cell_of_a_month_is_checked_and_the_wrong_one_named(world, amounts, words):
    """The cells are checked at once for a whole month: one wrong cell among good rows still refuses the save
    with what is wrong with it; the largest cell a month may hold is saved."""
    changes = {world.ids["ไหม"]: (5, 5, 5, 5), world.ids["ข้าว"]: amounts, world.ids["วาริน"]: (1, None, 0, 7)}
    before = sales_rows(world.database)
    if words is None:
        assert save(world.database, world.province, 2569, 8, changes).rows_changed == 3
        return
    with pytest.raises(InvalidInput, match=words):
        save(world.database, world.province, 2569, 8, changes)
    assert sales_rows(world.database) == before


def test_an_impossible_month_is_refused(world):
    with pytest.raises(InvalidInput):
        save(world.database, world.province, 2569, 13, {world.ids["ไหม"]: (1, 1, 1, 1)})
    with pytest.raises(InvalidInput):
        save(world.database, world.province, 2026, 1, {world.ids["ไหม"]: (1, 1, 1, 1)})


def test_sync_copies_the_previous_months_entrepreneurs_and_no_amounts(world):
    with world.database.unit_of_work() as uow:
        result = sync.sync_month(uow=uow, user=world.mueang, fiscal_year=2569, month=9)
    assert (result.added, result.already_listed, result.from_previous_month) == (2, 0, True)
    rows = load(world, world.mueang, month=9).rows
    assert {r.entrepreneur_id for r in rows} == {world.ids["ไหม"], world.ids["ข้าว"]}  # not the inactive one
    assert all(r.amounts == (None, None, None, None) for r in rows)
    assert load(world, world.warin, month=9).rows == ()  # the other district is untouched
    with world.database.unit_of_work() as uow:
        again = sync.sync_month(uow=uow, user=world.mueang, fiscal_year=2569, month=9)
    assert (again.added, again.already_listed) == (0, 2)


def test_sync_preview_writes_nothing_and_a_save_lists_the_rows(world):
    with connect(world.database) as con:
        before = con.execute("SELECT * FROM monthly_sale ORDER BY 1, 2, 3").fetchall()
    with world.database.unit_of_work() as uow:
        found = sync.sync_preview(uow=uow, user=world.mueang, fiscal_year=2569, month=9)
    assert sorted(r.name for r in found.rows) == ["กลุ่มทอผ้าไหมบ้านในเมือง", "กลุ่มแม่บ้านข้าวหอมมะลิ"]
    with connect(world.database) as con:
        assert con.execute("SELECT * FROM monthly_sale ORDER BY 1, 2, 3").fetchall() == before
    with world.database.unit_of_work() as uow:
        saving.save_month(
            uow=uow,
            user=world.mueang,
            fiscal_year=2569,
            month=9,
            changes=[saving.SaleChange(r.entrepreneur_id, r.amounts) for r in found.rows],
        )
    assert len(load(world, world.mueang, month=9).rows) == 2


@pytest.mark.parametrize("today, refused", [(date(2026, 8, 31), True), (date(2026, 9, 1), False)])
def test_a_month_opens_on_its_first_day(world, today, refused):
    """September 2569 (2026) opens on 1 September: the day before, Sync and save are refused and write nothing."""
    with world.database.unit_of_work() as uow:
        if refused:
            with pytest.raises(InvalidInput, match="ยังไม่เริ่ม.*1 กันยายน 2569"):
                sync.sync_preview(uow=uow, user=world.mueang, fiscal_year=2569, month=9, today=today)
            with pytest.raises(InvalidInput, match="ยังไม่เริ่ม"):
                saving.save_month(
                    uow=uow,
                    user=world.mueang,
                    fiscal_year=2569,
                    month=9,
                    today=today,
                    changes=[saving.SaleChange(world.ids["ไหม"], (1, None, None, None))],
                )
        else:
            sync.sync_month(uow=uow, user=world.mueang, fiscal_year=2569, month=9, today=today)
    assert len(load(world, world.mueang, month=9).rows) == (0 if refused else 2)


def test_sync_of_a_first_month_lists_every_active_entrepreneur(world):
    with world.database.unit_of_work() as uow:
        result = sync.sync_month(uow=uow, user=world.province, fiscal_year=2560, month=3)
    assert (result.added, result.from_previous_month) == (3, False)


def test_typical_totals_flag_a_month_ten_times_the_usual(world):
    silk = world.ids["ไหม"]
    with world.database.unit_of_work() as uow:
        typical = entry.typical_months(uow=uow, user=world.mueang, fiscal_year=2569, month=9)[0]
    assert typical[silk] == 1_200_000
    assert not entry.is_unusual(12_000_000, typical[silk])
    assert entry.is_unusual(12_000_001, typical[silk])
    assert not entry.is_unusual(10**12, None)


def test_unit_of_work_rolls_back_unless_committed(world):
    from otop_desktop.models import MonthlySale

    before = sales_rows(world.database)
    with world.database.unit_of_work() as uow:
        uow.session.get(MonthlySale, (world.ids["ไหม"], 2569, 8)).domestic_offline = 1
        uow.session.flush()
    assert sales_rows(world.database) == before


def test_entrepreneurs_outside_the_area_cannot_be_saved_even_by_id(world, database):
    stranger = add_entrepreneur(world.database, world.admin, "กลุ่มนอกพื้นที่", "340101")
    with pytest.raises(PermissionDenied):
        save(world.database, world.warin, 2569, 8, {stranger: (1, 1, 1, 1)})


def test_a_month_lists_each_tambon_in_thai_dictionary_order(world):
    for name in ("ไข่เค็มบ้านนา", "แม่บ้านทอผ้า", "กลุ่มจักสาน", "เกษตรกรบ้านโนน"):
        add_entrepreneur(world.database, world.province, name, "340105", list_in=(2569, 8))
    names = [row.name for row in load(world, world.province).rows if row.tambon_code == "340105"]
    assert names == ["กลุ่มจักสาน", "เกษตรกรบ้านโนน", "ไข่เค็มบ้านนา", "แม่บ้านทอผ้า"]

    with world.database.unit_of_work() as uow:  # renaming moves it to its new place
        info = entrepreneurs.get_entrepreneur(
            uow=uow,
            user=world.province,
            entrepreneur_id=next(
                row.entrepreneur_id for row in load(world, world.province).rows if row.name == "แม่บ้านทอผ้า"
            ),
        )
    with world.database.unit_of_work() as uow:
        entrepreneurs.save_entrepreneur(uow=uow, user=world.province, info=replace(info, name="กกกลุ่มแม่บ้าน"))
        uow.commit()
    assert [row.name for row in load(world, world.province).rows if row.tambon_code == "340105"][0] == "กกกลุ่มแม่บ้าน"


def test_unusual_amounts_are_refused_until_confirmed_and_the_confirmation_is_logged(world):
    silk, rice = world.ids["ไหม"], world.ids["ข้าว"]  # usual months 12,000.00 and 6,000.50 baht
    before = sales_rows(world.database)
    with pytest.raises(saving.UnusualAmounts) as refused:
        save(
            world.database,
            world.mueang,
            2569,
            8,
            {silk: (999_999_900, None, None, None), rice: (600_050, None, None, None)},
            unusual_ok=False,
        )
    assert [(u.entrepreneur_id, u.total, u.typical) for u in refused.value.amounts] == [(silk, 999_999_900, 1_200_000)]
    who = f"กลุ่มทอผ้าไหมบ้านในเมือง (เลขที่ {silk}, ต.ในเมือง)"  # a namesake elsewhere would differ
    assert f"{who}: 9,999,999.00 บาท (ปกติเดือนละ 12,000.00 บาท)" in refused.value.message
    assert sales_rows(world.database) == before
    save(  # exactly 10× the usual month, no channel over 5× its own (export has no usual month yet): usual
        world.database, world.mueang, 2569, 8, {silk: (5_000_000, 1_000_000, 6_000_000, None)}, unusual_ok=False
    )
    with world.database.unit_of_work() as uow:
        logged = [e for e in list_audit(uow=uow, entity="monthly_sale") if e.action == "confirm_unusual"]
    assert logged == []
    save(world.database, world.mueang, 2569, 8, {silk: (999_999_900, None, None, None)}, unusual_ok=True)
    with world.database.unit_of_work() as uow:
        logged = [e for e in list_audit(uow=uow, entity="monthly_sale") if e.action == "confirm_unusual"]
    assert [(e.username, e.old_value, e.new_value) for e in logged] == [("mueang", "12000.00", "9999999.00")]


def test_a_digit_too_many_in_one_channel_is_asked_about_though_the_total_is_under_ten_times(world):
    """The letter's one-digit typo: Silk's usual 10,000 + 2,000 typed 100,000 + 2,000 is 8.5× its usual total, but its
    domestic offline channel is 10× that channel's own usual month; the save asks, names the channel, and logs the
    confirmation on that channel."""
    silk = world.ids["ไหม"]
    before = sales_rows(world.database)
    with pytest.raises(saving.UnusualAmounts) as refused:
        save(world.database, world.mueang, 2569, 8, {silk: (10_000_000, 200_000, None, None)}, unusual_ok=False)
    assert [(u.channel, u.total, u.typical) for u in refused.value.amounts] == [(0, 10_000_000, 1_000_000)]
    assert "ยอดช่องทางใดช่องทางหนึ่งสูงกว่า 5 เท่าของเดือนปกติของช่องทางนั้น" in refused.value.message
    assert "ช่องทางในประเทศ ออฟไลน์ 100,000.00 บาท (ปกติเดือนละ 10,000.00 บาท)" in refused.value.message
    assert sales_rows(world.database) == before
    save(world.database, world.mueang, 2569, 8, {silk: (10_000_000, 200_000, None, None)}, unusual_ok=True)
    with world.database.unit_of_work() as uow:
        logged = [e for e in list_audit(uow=uow, entity="monthly_sale") if e.action == "confirm_unusual"]
    assert [(e.field, e.old_value, e.new_value) for e in logged] == [("domestic_offline", "10000.00", "100000.00")]
    from otop_desktop.services.history import figure_history

    with world.database.unit_of_work() as uow:  # the history reads the confirmation as a note, not as a change
        steps = figure_history(uow=uow, user=world.mueang, entrepreneur_id=silk, year=2569, month=8).steps
    assert "ช่องทาง" in steps[-1].detail
    assert [(c.old, c.new) for c in steps[-1].changes] == [(1_000_000, 10_000_000)]


def test_a_channel_is_unusual_only_over_five_times_its_own_usual_month():
    usual = (1_000_000, 200_000, None, None)
    for amounts in [(5_000_000, 1_000_000, 0, 0), (0, 0, 99_999_999, None), (None,) * 4]:
        assert entry.unusual_channel(amounts, usual) is None  # 5× exactly, a channel without a usual month, blank
    assert entry.unusual_channel((0, 1_000_001, 0, 0), usual) == 1 and entry.unusual_channel((9, 9, 9, 9), None) is None


def shown_in_august(world) -> dict:
    """The district officer's grid of August: its rows by entrepreneur."""
    with world.database.unit_of_work() as uow:
        rows = entry.load_month(uow=uow, user=world.mueang, fiscal_year=2569, month=8).rows
    return {r.entrepreneur_id: r for r in rows}


def save_as_shown(world, shown: dict, amounts: dict) -> None:
    """Save August's amounts ({entrepreneur: four}) as the officer's grid does, with the revisions it showed."""
    with world.database.unit_of_work() as uow:
        saving.save_month(
            uow=uow,
            user=world.mueang,
            fiscal_year=2569,
            month=8,
            unusual_ok=True,
            changes=[saving.SaleChange(i, a, shown[i].revision) for i, a in amounts.items()],
        )


def test_a_row_saved_by_someone_else_since_it_was_shown_refuses_the_save_and_names_them(world):
    silk, rice = world.ids["ไหม"], world.ids["ข้าว"]
    shown = shown_in_august(world)  # the district officer opens the month
    save(world.database, world.province, 2569, 8, {silk: (7, 7, 7, 7)})  # the province corrects a figure meanwhile
    before = sales_of(world.database)
    with pytest.raises(saving.SavedMeanwhile) as refused:
        save_as_shown(world, shown, {silk: (1, 1, 1, 1), rice: (2, 2, 2, 2)})
    who = f"กลุ่มทอผ้าไหมบ้านในเมือง (เลขที่ {silk}, ต.ในเมือง)"
    assert f"{who} (โดย นางสมศรี ใจดี เมื่อ" in refused.value.message and "1 ราย" in refused.value.message
    assert sales_of(world.database) == before  # the whole save refused: not even the untouched row
    save_as_shown(world, shown_in_august(world), {silk: (1, 1, 1, 1)})  # reloaded, the officer's save lands
    assert sales_of(world.database)[(silk, 8)] == (1, 1, 1, 1)


def test_rows_one_save_elsewhere_wrote_are_named_with_who_and_when_once(world):
    """A Sync or a whole month saved on another PC meanwhile: the names, then who saved them and when, once,
    not after every name; the words do not assume it was somebody else (the same login on two PCs)."""
    silk, rice = world.ids["ไหม"], world.ids["ข้าว"]
    shown = shown_in_august(world)
    save(world.database, world.province, 2569, 8, {silk: (7, 7, 7, 7), rice: (8, 8, 8, 8)})  # one save elsewhere
    with pytest.raises(saving.SavedMeanwhile) as refused:
        save_as_shown(world, shown, {silk: (1, 1, 1, 1), rice: (1, 1, 1, 1)})
    message = refused.value.message
    assert message.count("(โดย นางสมศรี ใจดี เมื่อ") == 1 and "ต.ในเมือง); " in message
    assert "จากเครื่องอื่นหรือหน้าต่างอื่น" in message and "จะทับยอดที่บันทึกไว้ก่อน" in message
    assert refused.value.ids == {silk, rice}  # the window keeps the officer's edits of every other row


def sales_of(path) -> dict:
    with connect(path) as con:
        return {
            (r[0], r[1]): tuple(r[2:])
            for r in con.execute(
                "SELECT entrepreneur_id, month, domestic_offline, "
                "domestic_online, export_offline, export_online FROM monthly_sale"
            )
        }


def _unusual_refused(world, amounts, usual) -> bool:
    """Whether a save of silk's September, handed these usual months, is refused as unusual (nothing saved)."""
    with world.database.unit_of_work() as uow:
        try:
            saving.save_month(
                uow=uow,
                user=world.mueang,
                fiscal_year=2569,
                month=9,
                changes=[saving.SaleChange(world.ids["ไหม"], amounts)],
                usual=usual,
            )
        except saving.UnusualAmounts:
            return True
    return False


def test_a_save_uses_the_grids_usual_months_only_while_the_history_is_unchanged(world):
    from otop_desktop.services.reports import summary

    silk = world.ids["ไหม"]  # usual month 12,000.00 baht
    with world.database.unit_of_work() as uow:
        summary.refresh(uow)  # the window's dashboard has brought the summary up to date
    with world.database.unit_of_work() as uow:
        usual = entry.usual_months(uow=uow, user=world.mueang, fiscal_year=2569, month=9)
    assert usual.totals[silk] == 1_200_000 and usual.mark is not None
    doctored = replace(usual, totals={silk: 1})  # not what the history says: shows which the save used
    assert _unusual_refused(world, (20, None, None, None), doctored)  # the history unchanged: taken as handed
    save(world.database, world.mueang, 2569, 8, {silk: (1_300_000, None, None, None)})  # the history changes
    assert not _unusual_refused(world, (20, None, None, None), doctored)  # read again, while the summary is stale
    with world.database.unit_of_work() as uow:
        summary.refresh(uow)
    assert not _unusual_refused(world, (20, None, None, None), doctored)  # and after it is rebuilt
    assert not _unusual_refused(world, (20, None, None, None), replace(doctored, month=10))  # another month's
    assert _unusual_refused(world, (999_999_900, None, None, None), None)  # nothing handed: read as before

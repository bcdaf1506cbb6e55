"""Entrepreneurs are added and edited by provincial staff; OTOP codes are unique when given."""

import pytest

from otop_desktop.core.errors import InvalidInput, PermissionDenied
from otop_desktop.services import entrepreneurs
from otop_desktop.services.entrepreneurs import EntrepreneurInfo


def info(**changes):
    base = dict(
        id=None,
        name="กลุ่มใหม่",
        tambon_code="340101",
        product_type_id=1,
        entrepreneur_type_id=1,
        main_product="ขนม",
        otop_code=None,
        active=True,
    )
    return EntrepreneurInfo(**{**base, **changes})


def test_a_district_user_is_told_to_ask_the_province(world):
    with world.database.unit_of_work() as uow:
        with pytest.raises(PermissionDenied, match="จังหวัด"):
            entrepreneurs.save_entrepreneur(uow=uow, user=world.mueang, info=info())


def test_province_adds_to_a_month_and_codes_stay_unique(world):
    with world.database.unit_of_work() as uow:
        added = entrepreneurs.save_entrepreneur(
            uow=uow, user=world.province, info=info(otop_code="A-1", name="  กลุ่ม   ใหม่ "), list_in=(2569, 9)
        )
    assert added.id and added.name == "กลุ่ม ใหม่"
    with world.database.unit_of_work() as uow:
        with pytest.raises(InvalidInput, match="A-1"):
            entrepreneurs.save_entrepreneur(uow=uow, user=world.province, info=info(otop_code="A-1"))
        edited = entrepreneurs.save_entrepreneur(
            uow=uow, user=world.province, info=info(id=added.id, otop_code="A-1", active=False)
        )
    assert not edited.active


@pytest.mark.parametrize(
    "changes, words",
    [
        ({"name": "  "}, "ชื่อ"),
        ({"tambon_code": "999999"}, "ตำบล"),
        ({"product_type_id": 9}, "ประเภทผลิตภัณฑ์"),
        ({"entrepreneur_type_id": 9}, "ประเภทผู้ประกอบการ"),
        ({"tambon_code": "100101"}, "จังหวัดของท่าน"),
    ],
)
def test_bad_details_are_refused(world, changes, words):
    with world.database.unit_of_work() as uow:
        with pytest.raises((InvalidInput, PermissionDenied), match=words):
            entrepreneurs.save_entrepreneur(uow=uow, user=world.province, info=info(**changes))


def test_a_move_or_a_new_product_type_is_refused_while_a_confirmed_month_holds_the_figures(world):
    """Moving an entrepreneur to another tambon, or changing its product type, would move its figures between the
    areas and types of a month already confirmed (and of the จต.๒ signed for it): refused, naming the months, as a
    save into them is; a name is corrected freely; once the month is unlocked, the move goes through."""
    from otop_desktop.core.errors import MonthLocked
    from otop_desktop.services import locks
    from tests.engines import rows

    def edit(entrepreneur_id: int, **changes):
        with world.database.unit_of_work() as uow:
            now = entrepreneurs.get_entrepreneur(uow=uow, user=world.province, entrepreneur_id=entrepreneur_id)
            return entrepreneurs.save_entrepreneur(uow=uow, user=world.province, info=info(**{**vars(now), **changes}))

    def lock(district: str, unlock: bool = False):
        with world.database.unit_of_work() as uow:
            if unlock:
                locks.unlock_district(
                    uow=uow, user=world.admin, district_code=district, fiscal_year=2569, month=8, reason="ย้ายตำบล"
                )
            else:
                locks.lock_district(uow=uow, user=world.province, district_code=district, fiscal_year=2569, month=8)

    def kept():
        return rows(
            world.database, "SELECT id, name, tambon_code, product_type_id FROM entrepreneur ORDER BY id"
        ), rows(world.database, "SELECT count(*) FROM audit_log WHERE entity = 'entrepreneur'")

    silk, warin = world.ids["ไหม"], world.ids["วาริน"]
    lock("3401")  # August 2569, Mueang confirmed
    before = kept()
    for who, changes in (
        (silk, {"tambon_code": "341501"}),  # out of the confirmed district
        (silk, {"tambon_code": "340104"}),  # to another tambon of it
        (silk, {"product_type_id": 1}),
        (warin, {"tambon_code": "340101"}),  # into the confirmed district
    ):
        with pytest.raises(MonthLocked) as refused:
            edit(who, **changes)
        assert "ยังไม่ได้บันทึกการแก้ไข" in refused.value.message and "เดือนสิงหาคม 2569" in refused.value.message
        assert kept() == before
    assert "ย้ายตำบล" in str(pytest.raises(MonthLocked, edit, silk, tambon_code="340104").value)
    assert "เปลี่ยนประเภทผลิตภัณฑ์" in str(pytest.raises(MonthLocked, edit, silk, product_type_id=1).value)
    assert edit(silk, name="กลุ่มทอผ้าไหมบ้านในเมือง (แก้ชื่อ)").name.endswith("(แก้ชื่อ)")
    [(other,)] = rows(world.database, "SELECT min(code) FROM tambon WHERE district_code = '3415' AND code > '341501'")
    assert edit(warin, tambon_code=other).tambon_code == other  # within Warin, whose August is not confirmed
    lock("3401", unlock=True)
    assert edit(silk, tambon_code="340104").tambon_code == "340104"

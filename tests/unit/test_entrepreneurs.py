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

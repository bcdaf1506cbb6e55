"""Logins: slow salted hashes, one message for any failure, the first admin, and who may add users."""

import pytest

from otop_desktop.services import auth
from otop_desktop.services.errors import InvalidInput, LoginFailed, PermissionDenied
from tests.conftest import PASSWORD, PRODUCTION_SCRYPT_N


def test_password_hash_is_salted_scrypt_with_production_cost(monkeypatch):
    assert PRODUCTION_SCRYPT_N == 2**14  # the program's own cost (the suite hashes at a lower one, conftest)
    monkeypatch.setattr(auth, "_SCRYPT_N", PRODUCTION_SCRYPT_N)
    first, second = auth.hash_password("same"), auth.hash_password("same")
    assert first.startswith("scrypt$16384$8$1$") and first != second
    assert auth.verify_password("same", first) and not auth.verify_password("other", first)
    assert not auth.verify_password("same", "plain-text")


def test_wrong_password_and_unknown_user_say_the_same(world):
    with world.database.unit_of_work() as uow:
        assert auth.authenticate(uow=uow, username="mueang", password=PASSWORD).area_code == "3401"
        with pytest.raises(LoginFailed) as wrong:
            auth.authenticate(uow=uow, username="mueang", password="nope-nope")
        with pytest.raises(LoginFailed) as unknown:
            auth.authenticate(uow=uow, username="nobody", password=PASSWORD)
    assert wrong.value.message == unknown.value.message == "ชื่อผู้ใช้งานหรือรหัสผ่านไม่ถูกต้อง"


def test_first_user_must_be_admin(database):
    with database.unit_of_work() as uow:
        assert not auth.has_users(uow=uow)
        with pytest.raises(InvalidInput):
            auth.create_user(uow=uow, actor=None, username="d", password=PASSWORD, role="district", area_code="3401")
        auth.create_user(uow=uow, actor=None, username="admin", password=PASSWORD, role="admin", area_code="34")
        assert auth.has_users(uow=uow)


def test_only_an_admin_of_the_province_adds_users(world):
    with world.database.unit_of_work() as uow:
        with pytest.raises(PermissionDenied):
            auth.create_user(uow=uow, actor=world.province, username="x1", password=PASSWORD, role="district", area_code="3401")
        with pytest.raises(PermissionDenied):
            auth.create_user(uow=uow, actor=world.admin, username="x2", password=PASSWORD, role="district", area_code="1001")
        with pytest.raises(InvalidInput, match="อย่างน้อย"):
            auth.create_user(uow=uow, actor=world.admin, username="x3", password="short", role="district", area_code="3401")
        with pytest.raises(InvalidInput, match="อยู่แล้ว"):
            auth.create_user(uow=uow, actor=world.admin, username="mueang", password=PASSWORD, role="district", area_code="3401")
        with pytest.raises(InvalidInput, match="ไม่พบรหัสอำเภอ"):
            auth.create_user(uow=uow, actor=world.admin, username="x4", password=PASSWORD, role="district", area_code="3499")


def test_user_roles_know_their_area(world):
    assert world.mueang.district_code == "3401" and world.mueang.province_code == "34"
    assert world.province.district_code is None and world.province.is_provincial
    assert not world.mueang.is_provincial


def test_an_admin_lists_and_resets_only_the_users_of_the_province(world):
    with world.database.unit_of_work() as uow:
        auth.create_user(uow=uow, actor=auth.UserInfo("dept", "department", auth.NATIONAL, "", ""), username="yaso",
                         password=PASSWORD, role="province", area_code="35")
        uow.commit()
    with world.database.unit_of_work() as uow:
        assert "yaso" not in [u.username for u in auth.list_users(uow=uow, actor=world.admin)]
        assert "yaso" in [u.username for u in auth.list_users(uow=uow)]
        with pytest.raises(InvalidInput, match="ไม่พบผู้ใช้งาน yaso"):
            auth.set_password(uow=uow, actor=world.admin, username="yaso", password="new-password")
        with pytest.raises(PermissionDenied):
            auth.set_password(uow=uow, actor=world.province, username="warin", password="new-password")
        auth.set_password(uow=uow, actor=world.admin, username="warin", password="new-password")
        uow.commit()
    with world.database.unit_of_work() as uow:
        assert auth.authenticate(uow=uow, username="warin", password="new-password").area_code == "3415"
        assert auth.authenticate(uow=uow, username="yaso", password=PASSWORD).area_code == "35"

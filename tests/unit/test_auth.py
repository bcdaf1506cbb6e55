"""Logins: slow salted hashes, one message for any failure, the first admin, and who may add users."""

import pytest

from otop_desktop.core.errors import InvalidInput, LoginFailed, PermissionDenied
from otop_desktop.core.users import NATIONAL, UserInfo
from otop_desktop.services import auth
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
            auth.create_user(uow=uow, user=None, username="d", password=PASSWORD, role="district", area_code="3401")
        auth.create_user(uow=uow, user=None, username="admin", password=PASSWORD, role="admin", area_code="34")
        assert auth.has_users(uow=uow)


def test_only_an_admin_of_the_province_adds_users(world):
    with world.database.unit_of_work() as uow:
        with pytest.raises(PermissionDenied):
            auth.create_user(
                uow=uow, user=world.province, username="x1", password=PASSWORD, role="district", area_code="3401"
            )
        with pytest.raises(PermissionDenied):
            auth.create_user(
                uow=uow, user=world.admin, username="x2", password=PASSWORD, role="district", area_code="1001"
            )
        with pytest.raises(InvalidInput, match="อย่างน้อย"):
            auth.create_user(
                uow=uow, user=world.admin, username="x3", password="short", role="district", area_code="3401"
            )
        with pytest.raises(InvalidInput, match="อยู่แล้ว"):
            auth.create_user(
                uow=uow, user=world.admin, username="mueang", password=PASSWORD, role="district", area_code="3401"
            )
        with pytest.raises(InvalidInput, match="ไม่พบรหัสอำเภอ"):
            auth.create_user(
                uow=uow, user=world.admin, username="x4", password=PASSWORD, role="district", area_code="3499"
            )
        with pytest.raises(InvalidInput, match="มีชื่อผู้ใช้งาน mueang อยู่แล้ว \\(ต่างกันแค่ตัวพิมพ์เล็กหรือใหญ่\\)"):
            auth.create_user(  # one name a person, whatever the case of its letters
                uow=uow, user=world.admin, username="Mueang", password=PASSWORD, role="district", area_code="3401"
            )
        with pytest.raises(InvalidInput, match="ช่องว่างล้วน"):
            auth.create_user(
                uow=uow, user=world.admin, username="x5", password=" " * 8, role="district", area_code="3401"
            )
        with pytest.raises(InvalidInput, match="ช่องว่างล้วน"):
            auth.set_password(uow=uow, user=world.admin, username="mueang", password="\t" * 10)


def test_user_roles_know_their_area(world):
    assert world.mueang.district_code == "3401" and world.mueang.province_code == "34"
    assert world.province.district_code is None and world.province.is_provincial
    assert not world.mueang.is_provincial


def test_an_admin_lists_and_resets_only_the_users_of_the_province(world):
    with world.database.unit_of_work() as uow:
        auth.create_user(
            uow=uow,
            user=UserInfo("dept", "department", NATIONAL, "", ""),
            username="yaso",
            password=PASSWORD,
            role="province",
            area_code="35",
        )
        uow.commit()
    with world.database.unit_of_work() as uow:
        assert "yaso" not in [u.username for u in auth.list_users(uow=uow, user=world.admin)]
        assert "yaso" in [u.username for u in auth.list_users(uow=uow)]
        with pytest.raises(InvalidInput, match="ไม่พบผู้ใช้งาน yaso"):
            auth.set_password(uow=uow, user=world.admin, username="yaso", password="new-password")
        with pytest.raises(PermissionDenied):
            auth.set_password(uow=uow, user=world.province, username="warin", password="new-password")
        auth.set_password(uow=uow, user=world.admin, username="warin", password="new-password")
        uow.commit()
    with world.database.unit_of_work() as uow:
        assert auth.authenticate(uow=uow, username="warin", password="new-password").area_code == "3415"
        assert auth.authenticate(uow=uow, username="yaso", password=PASSWORD).area_code == "35"


def test_a_user_changes_their_own_password_proving_the_current_one(world):
    from otop_desktop.core.errors import LoginThrottled
    from tests.engines import rows

    def change(current, new):
        with world.database.unit_of_work() as uow:
            auth.change_own_password(uow=uow, username="warin", current_password=current, new_password=new)

    with pytest.raises(InvalidInput, match="อย่างน้อย 8"):
        change(PASSWORD, "short")  # costs no try: nothing audited
    with pytest.raises(InvalidInput, match="ต้องต่างจากรหัสผ่านปัจจุบัน"):
        change(PASSWORD, PASSWORD)  # the same password again is no change; nothing audited either
    with pytest.raises(InvalidInput, match="รหัสผ่านปัจจุบันไม่ถูกต้อง"):
        change("not-the-current", "warin-new-pass")
    change(PASSWORD, "warin-new-pass")
    with world.database.unit_of_work() as uow:
        assert auth.authenticate(uow=uow, username="warin", password="warin-new-pass").area_code == "3415"
        with pytest.raises(LoginFailed):
            auth.authenticate(uow=uow, username="warin", password=PASSWORD)
    logged = rows(
        world.database,
        "SELECT username, action, entity_key, field, old_value, new_value, note FROM audit_log"
        " WHERE entity_key = 'warin' ORDER BY id",
    )
    assert [row[1] for row in logged] == ["create", "login_failed", "login", "update", "login_failed"]
    assert logged[3] == ("warin", "update", "warin", "password", None, None, "เปลี่ยนรหัสผ่านของตนเอง")
    assert not any(PASSWORD in str(row) or "warin-new-pass" in str(row) for row in logged)
    for _ in range(auth.FREE_FAILURES):  # wrong current passwords are throttled as wrong logins are
        with pytest.raises((InvalidInput, LoginThrottled)):
            change("guess-guess", "another-pass")
    with pytest.raises(LoginThrottled, match="กรุณารอ"):
        change("warin-new-pass", "another-pass")
    with world.database.unit_of_work() as uow, pytest.raises(LoginThrottled):
        auth.authenticate(uow=uow, username="warin", password="warin-new-pass")


def test_a_closed_login_is_listed_and_an_admin_reopens_it(world):
    from tests.engines import rows

    with world.database.unit_of_work() as uow:
        auth.deactivate_user(uow=uow, user=world.admin, username="mueang")
    with world.database.unit_of_work() as uow:
        lines = auth.user_lines(uow=uow, user=world.admin)
        assert [(line.user.username, line.active) for line in lines] == [
            ("admin", True),
            ("prov", True),
            ("warin", True),
            ("mueang", False),
        ]
        assert "mueang" not in [u.username for u in auth.list_users(uow=uow, user=world.admin)]
        with pytest.raises(LoginFailed, match="บัญชีผู้ใช้งานนี้ถูกปิดแล้ว"):  # the right password: its owner is told
            auth.authenticate(uow=uow, username="mueang", password=PASSWORD)
        with pytest.raises(LoginFailed, match="^ชื่อผู้ใช้งานหรือรหัสผ่านไม่ถูกต้อง$"):  # a guess learns nothing
            auth.authenticate(uow=uow, username="mueang", password="a-wrong-guess")
        with pytest.raises(PermissionDenied):
            auth.reactivate_user(uow=uow, user=world.province, username="mueang")
        with pytest.raises(InvalidInput, match="ไม่พบผู้ใช้งานที่ปิดบัญชีไว้ warin"):
            auth.reactivate_user(uow=uow, user=world.admin, username="warin")
        auth.reactivate_user(uow=uow, user=world.admin, username="mueang")
    with world.database.unit_of_work() as uow:
        assert auth.authenticate(uow=uow, username="mueang", password=PASSWORD).area_code == "3401"
        assert all(line.active for line in auth.user_lines(uow=uow, user=world.admin))
    assert rows(
        world.database,
        "SELECT username, field, old_value, new_value, note FROM audit_log"
        " WHERE entity = 'user' AND entity_key = 'mueang' AND field = 'active' ORDER BY id",
    ) == [("admin", "active", "1", "0", "ปิดบัญชีผู้ใช้งาน"), ("admin", "active", "0", "1", "เปิดบัญชีผู้ใช้งานอีกครั้ง")]


def test_an_admin_of_another_province_cannot_reopen_a_login(world):
    other = UserInfo("admin35", "admin", "35", "", "")
    with world.database.unit_of_work() as uow:
        auth.deactivate_user(uow=uow, user=world.admin, username="warin")
    with world.database.unit_of_work() as uow, pytest.raises(InvalidInput, match="ไม่พบผู้ใช้งานที่ปิดบัญชีไว้ warin"):
        auth.reactivate_user(uow=uow, user=other, username="warin")


def test_the_departments_database_has_department_users_alone_and_a_provinces_none(world, tmp_path):
    """In the department's database a district or province login typed figures, locked and unlocked a province
    (its confirmed month vanished from the dashboard) under the banner that the department only reads: there
    a province's months come by file, once confirmed. A province's database takes no department login either."""
    from tests.engines import new_beside

    department = new_beside(world.database, tmp_path / "department" / "otop.db")
    try:
        with department.unit_of_work() as uow:
            dept = auth.create_user(
                uow=uow, user=None, username="dept", password=PASSWORD, role="department", area_code=NATIONAL
            )
        assert auth.roles_to_create(dept) == ("department",)
        for role, area in (("district", "3401"), ("province", "34"), ("admin", "34")):
            with department.unit_of_work() as uow, pytest.raises(InvalidInput, match="เป็นของกรมฯ"):
                auth.create_user(uow=uow, user=dept, username=f"u{role}", password=PASSWORD, role=role, area_code=area)
        with department.unit_of_work() as uow:
            auth.create_user(
                uow=uow, user=dept, username="dept2", password=PASSWORD, role="department", area_code=NATIONAL
            )
        with department.unit_of_work() as uow:
            assert sorted(u.username for u in auth.list_users(uow=uow)) == ["dept", "dept2"]
    finally:
        department.close()
    with world.database.unit_of_work() as uow, pytest.raises(InvalidInput, match="เป็นของสำนักงานจังหวัด"):
        auth.create_user(  # the province's admin may not name the country at all: a department login could
            uow=uow,
            user=UserInfo("dept", "department", NATIONAL, "", ""),
            username="dept",
            password=PASSWORD,
            role="department",
            area_code=NATIONAL,
        )


def test_a_login_name_no_one_can_have_is_logged_as_its_escapes_not_its_bytes(world):
    """A name typed at the login is written to the log before anyone is known: one holding a terminal's escape
    sequence or an RTL mark was kept raw, to act on whoever read the log in a terminal later."""
    from tests.engines import connect

    for typed in ('\x1b]0;pwned\x07\x1b[31m=HYPERLINK("x")', "abc\u202etxt.exe"):
        with world.database.unit_of_work() as uow, pytest.raises(LoginFailed):
            auth.authenticate(uow=uow, username=typed, password=PASSWORD)
    with connect(world.database) as con:
        logged = [row[0] for row in con.execute("SELECT username FROM audit_log WHERE action = 'login_failed'")]
    assert logged == ['\\x1b]0;pwned\\x07\\x1b[31m=HYPERLINK("x")', "abc\\u202etxt.exe"]
    assert all(text.isprintable() for text in logged)


def test_no_audit_entry_keeps_text_that_acts_on_a_terminal(world):
    """A backup's folder named with an escape sequence was written raw into the log's new value: every entry the
    program records keeps such characters as their escapes (line breaks and tabs stay as they are)."""
    from otop_desktop.services.audit import AuditNote, record
    from tests.engines import connect

    with world.database.unit_of_work() as uow:
        record(uow.session, [AuditNote("admin", "backup", "backup", "k", "", None, "/mnt/B\x1b[31m/x", "ก\u202eข\nค")])
        uow.commit()
    with connect(world.database) as con:
        kept = con.execute("SELECT new_value, note FROM audit_log WHERE action = 'backup'").fetchall()
    assert kept == [("/mnt/B\\x1b[31m/x", "ก\\u202eข\nค")]

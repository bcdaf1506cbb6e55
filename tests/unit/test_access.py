"""The access policy, table-driven: every role × action × area, with the rule written out once more here
as the expected answer; and the services refuse with the policy's reason."""

import pytest

from otop_desktop.core.errors import PermissionDenied
from otop_desktop.core.users import UserInfo
from otop_desktop.services import access
from otop_desktop.services.access import Action, Role

USERS = {
    Role.DISTRICT: UserInfo("d", "district", "3401", "", ""),
    Role.PROVINCE: UserInfo("p", "province", "34", "", ""),
    Role.ADMIN: UserInfo("a", "admin", "34", "", ""),
    Role.DEPARTMENT: UserInfo("n", "department", "00", "", ""),
}
AREAS = {  # where the action is done
    "own": None,
    "own district": "3401",
    "own tambon": "340101",
    "other district": "3415",
    "own province": "34",
    "other province": "46",
    "other province's district": "4601",
}
PROVINCIAL = {"own", "own district", "own tambon", "other district", "own province"}


def expected(role: Role, action: Action, area: str) -> bool:
    """The rule, written out as a table an officer could read."""
    if action in (Action.REGISTER_KEYS, Action.RETIRE_KEYS):  # the area is the key's office
        return {
            Role.DISTRICT: area in ("own", "own province"),
            Role.DEPARTMENT: area in ("own", "own province", "other province"),
        }.get(role, area in PROVINCIAL)
    may_do = {
        Action.VIEW: set(Role),
        Action.SET_SIGNATORIES: set(Role),
        Action.ENTER_SALES: {Role.DISTRICT, Role.PROVINCE, Role.ADMIN},
        Action.EXPORT_FILE: {Role.DISTRICT, Role.PROVINCE, Role.ADMIN},
        Action.MANAGE_ENTREPRENEURS: {Role.PROVINCE, Role.ADMIN},
        Action.LOCK: {Role.PROVINCE, Role.ADMIN},
        Action.SET_TARGETS: {Role.PROVINCE, Role.ADMIN},
        Action.SET_FORECAST: {Role.PROVINCE, Role.ADMIN},
        Action.WRITE_RECEIPT: {Role.PROVINCE, Role.ADMIN},
        Action.RECEIVE_EVIDENCE: {Role.PROVINCE, Role.ADMIN},  # the districts' signed จต.๒ come to the province
        Action.IMPORT_FILES: {Role.PROVINCE, Role.ADMIN, Role.DEPARTMENT},
        Action.READ_RECEIPT: {Role.DISTRICT},
        Action.MANAGE_USERS: {Role.ADMIN, Role.DEPARTMENT},
        Action.BACK_UP: set(Role),  # any logged-in user of the office copies its file
        Action.REVIEW_QUALITY: {Role.PROVINCE, Role.ADMIN, Role.DEPARTMENT},  # the province's (the department's) check
        Action.RESTORE: {Role.PROVINCE, Role.ADMIN, Role.DEPARTMENT},  # replacing everything: the office's senior staff
    }[action]
    if role not in may_do:
        return False
    if role is Role.DEPARTMENT:
        return True
    if role is Role.DISTRICT:
        return area in ("own", "own district", "own tambon")
    return area in PROVINCIAL


CASES = [(role, action, area) for role in Role for action in Action for area in AREAS]


@pytest.mark.parametrize("role, action, area", CASES, ids=[f"{r.value}-{a.value}-{w}" for r, a, w in CASES])
def test_every_role_action_and_area(role, action, area):
    user, where = USERS[role], AREAS[area]
    allowed = expected(role, action, area)
    assert access.allowed(user, action, where) is allowed
    if allowed:
        access.check(user, action, where)
    else:
        with pytest.raises(PermissionDenied) as refused:
            access.check(user, action, where)
        assert refused.value.message and refused.value.message == access.refusal(user, action, where)


def test_permissions_carry_the_reasons_buttons_show():
    district = access.permissions(USERS[Role.DISTRICT])
    assert not district.wide and district.may(Action.ENTER_SALES) and not district.may(Action.LOCK)
    assert "จังหวัด" in district.reason(Action.MANAGE_ENTREPRENEURS) and district.reason(Action.ENTER_SALES) == ""
    department = access.permissions(USERS[Role.DEPARTMENT])
    assert department.wide and not department.may(Action.ENTER_SALES) and department.may(Action.IMPORT_FILES)


def test_services_refuse_with_the_policys_reason(world):
    from otop_desktop.services import locks
    from otop_desktop.services.targets import rule

    with world.database.unit_of_work() as uow:
        with pytest.raises(PermissionDenied) as refused:
            locks.lock_district(uow=uow, user=world.mueang, district_code="3401", fiscal_year=2569, month=8)
        assert refused.value.message == access.REASONS[Action.LOCK]
        with pytest.raises(PermissionDenied) as refused:
            rule.bases_from_data(uow=uow, user=world.warin, fiscal_year=2569)
        assert refused.value.message == access.REASONS[Action.SET_TARGETS]

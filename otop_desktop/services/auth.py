"""Logins: scrypt-hashed passwords, the first admin, adding users, and who may see which area."""

import base64
import hashlib
import hmac
import secrets
from dataclasses import dataclass
from datetime import timedelta

from sqlalchemy import exists, func, select

from otop_desktop.core.changes import Kind, touched
from otop_desktop.core.errors import InvalidInput, LoginFailed, LoginThrottled, PermissionDenied
from otop_desktop.core.users import NATIONAL, Role, UserInfo
from otop_desktop.models import AuditEntry, District, Province, User
from otop_desktop.services import access, areas
from otop_desktop.services.audit import AuditNote, record
from otop_desktop.services.thai import escaped, free_text, now_utc

ROLES = tuple(role.value for role in Role)
MIN_PASSWORD_LENGTH = 8
# scrypt cost: about 50 ms a check here, so guessing is slow and logging in is not.
_SCRYPT_N, _SCRYPT_R, _SCRYPT_P = 2**14, 8, 1


def hash_password(password: str) -> str:
    """A salted scrypt hash in the form scrypt$n$r$p$salt$hash."""
    salt = secrets.token_bytes(16)
    digest = hashlib.scrypt(password.encode(), salt=salt, n=_SCRYPT_N, r=_SCRYPT_R, p=_SCRYPT_P)
    encode = base64.b64encode
    return f"scrypt${_SCRYPT_N}${_SCRYPT_R}${_SCRYPT_P}${encode(salt).decode()}${encode(digest).decode()}"


def verify_password(password: str, stored: str) -> bool:
    """Whether the password matches the stored hash, compared in constant time."""
    try:
        scheme, n, r, p, salt, digest = stored.split("$")
    except ValueError:
        return False
    if scheme != "scrypt":
        return False
    expected = base64.b64decode(digest)
    actual = hashlib.scrypt(password.encode(), salt=base64.b64decode(salt), n=int(n), r=int(r), p=int(p))
    return hmac.compare_digest(actual, expected)


def _info(user: User) -> UserInfo:
    return UserInfo(user.username, user.role, user.area_code, user.display_name, user.position)


def has_users(*, uow, user: UserInfo | None = None) -> bool:
    """Whether any user exists; with none, the app asks for the first admin."""
    return bool(uow.session.scalar(select(exists().where(User.id.is_not(None)))))


# Wrong passwords: the first few are free; then each further try waits, twice as long each time.
FREE_FAILURES = 5
FIRST_WAIT_SECONDS, LONGEST_WAIT_SECONDS = 30, 15 * 60
FAILURE_WINDOW = timedelta(hours=1)


def _recent_failures(session, name: str) -> list:
    """Times of the failed logins for a name within the window, since its last successful login."""
    since = now_utc() - FAILURE_WINDOW
    rows = session.execute(
        select(AuditEntry.action, AuditEntry.at)
        .where(AuditEntry.entity == "login", AuditEntry.entity_key == name, AuditEntry.at >= since)
        .order_by(AuditEntry.id)
    ).all()
    failures = []
    for action, at in rows:
        failures = [] if action == "login" else [*failures, at]
    return failures


def seconds_to_wait(failures: int) -> int:
    """How long the next try must wait after this many failures in a row."""
    if failures < FREE_FAILURES:
        return 0
    return min(FIRST_WAIT_SECONDS * 2 ** (failures - FREE_FAILURES), LONGEST_WAIT_SECONDS)


def _checked_password(uow, name: str, password: str) -> User:
    """The active user `name` if `password` is theirs. A failure is audited and committed (LoginFailed); after a
    few in a row, tries must wait (LoginThrottled), longer each time; a success after failures ends the run."""
    failures = _recent_failures(uow.session, name)
    if failures:
        wait = seconds_to_wait(len(failures)) - (now_utc() - failures[-1]).total_seconds()
        if wait > 0:
            raise LoginThrottled(int(wait) + 1)
    user = uow.session.scalar(select(User).where(User.username == name))
    if user is None:
        # Spend the same time as a real check, so timing does not tell which names exist.
        verify_password(password, hash_password("-"))
    proven = user is not None and verify_password(password, user.password_hash)
    if not proven or not user.active:
        record(
            uow.session,
            [
                AuditNote(
                    username=name or "-",
                    action="login_failed",
                    entity="login",
                    entity_key=name,
                    field="",
                    old_value=None,
                    new_value=None,
                    note=f"ครั้งที่ {len(failures) + 1}",
                )
            ],
        )
        uow.commit()
        raise LoginFailed(closed=proven)
    if failures:  # a success ends the run of failures (recorded only then: logins are not otherwise audited)
        record(
            uow.session,
            [
                AuditNote(
                    username=name,
                    action="login",
                    entity="login",
                    entity_key=name,
                    field="",
                    old_value=None,
                    new_value=None,
                )
            ],
        )
        uow.commit()
    return user


def authenticate(*, uow, user: UserInfo | None = None, username: str, password: str) -> UserInfo:
    """The user with that name and password; a wrong name or password raise the same LoginFailed. Every
    failure is audited; after a few in a row, tries must wait (LoginThrottled), longer each time."""
    # A name no login has (create_user refuses such characters) is looked up, counted and logged as its escapes,
    # not its bytes (a terminal's escape sequence, an RTL mark), as audit.record keeps every text.
    return _info(_checked_password(uow, escaped(username.strip()[:80])[:80], password))


def _check_new_password(password: str) -> None:
    """A password the program sets: at least MIN_PASSWORD_LENGTH characters, and not spaces alone."""
    if len(password) < MIN_PASSWORD_LENGTH:
        raise InvalidInput(f"รหัสผ่านต้องยาวอย่างน้อย {MIN_PASSWORD_LENGTH} ตัวอักษร")
    if not password.strip():
        raise InvalidInput("รหัสผ่านต้องไม่เป็นช่องว่างล้วน กรุณาตั้งรหัสผ่านที่มีตัวอักษรหรือตัวเลข")


def change_own_password(
    *, uow, user: UserInfo | None = None, username: str, current_password: str, new_password: str
) -> None:
    """A user changes their own password, proving the current one as at login (audited, throttled alike)."""
    _check_new_password(new_password)  # before the check of the current one: a short new one costs no try
    if new_password == current_password:
        raise InvalidInput("รหัสผ่านใหม่ต้องต่างจากรหัสผ่านปัจจุบัน ยังไม่ได้เปลี่ยนรหัสผ่าน")
    try:
        account = _checked_password(uow, username.strip()[:80], current_password)
    except LoginFailed as error:
        raise InvalidInput("รหัสผ่านปัจจุบันไม่ถูกต้อง ยังไม่ได้เปลี่ยนรหัสผ่าน") from error
    account.password_hash = hash_password(new_password)
    _audit_account(uow, account.username, account, "password", "เปลี่ยนรหัสผ่านของตนเอง")


def _check_office_level(uow, role: str) -> None:
    """The department's database (its first user is the department's) has department users alone: a province
    confirms its months and sends them by file, and nobody types, locks or unlocks a province's figures there;
    a province's database has no department user, who would see months the province has not confirmed."""
    national = uow.session.scalar(select(User.username).where(User.area_code == NATIONAL).limit(1)) is not None
    if national and role != "department":
        raise InvalidInput(
            "ฐานข้อมูลนี้เป็นของกรมฯ (ทั้งประเทศ) มีได้เฉพาะผู้ใช้ระดับกรมฯ เพราะข้อมูลของจังหวัดรับจากไฟล์ที่จังหวัดยืนยัน (ล็อก)"
            " แล้วเท่านั้น ไม่ได้เพิ่มผู้ใช้งาน"
        )
    if not national and role == "department" and has_users(uow=uow):
        raise InvalidInput(
            "ฐานข้อมูลนี้เป็นของสำนักงานจังหวัด ผู้ใช้ระดับกรมฯ ใช้ฐานข้อมูลของกรมฯ ซึ่งรับข้อมูลจังหวัดจากไฟล์ที่ยืนยันแล้ว ไม่ได้เพิ่มผู้ใช้งาน"
        )


def mixes_offices(session) -> bool:
    """Whether a database's logins break _check_office_level's rule, the department's beside a province's or a
    district's (a backup edited by hand)."""
    roles = set(session.execute(select(User.area_code == NATIONAL, User.role)).all())
    return any(national for national, _ in roles) and any(role != "department" for _, role in roles)


def _check_new_user(uow, username: str, password: str, role: str, area_code: str) -> None:
    if not username.strip() or not username.strip().isprintable() or " " in username.strip():
        raise InvalidInput("ชื่อผู้ใช้งานต้องไม่ว่างและไม่มีช่องว่าง")
    _check_new_password(password)
    if role not in ROLES:
        raise InvalidInput(f"บทบาทต้องเป็น {', '.join(ROLES)}")
    if role == "department":
        if area_code != NATIONAL:
            raise InvalidInput(f"ผู้ใช้ระดับกรมฯ ต้องมีพื้นที่ {NATIONAL} (ทั้งประเทศ)")
        area = None
    else:
        area = District if role == "district" else Province
    if area is not None and uow.session.get(area, area_code) is None:
        kind = "อำเภอ" if role == "district" else "จังหวัด"
        raise InvalidInput(f"ไม่พบรหัส{kind} {area_code}")
    _check_office_level(uow, role)
    # one login a name whatever its letters' case: somchai and Somchai would be two people no one tells apart
    same = select(User.username).where(func.lower(User.username) == username.strip().lower()).limit(1)
    taken = uow.session.scalar(same)
    if taken is not None:
        case = " (ต่างกันแค่ตัวพิมพ์เล็กหรือใหญ่)" if taken != username.strip() else ""
        raise InvalidInput(f"มีชื่อผู้ใช้งาน {taken} อยู่แล้ว{case}")


def create_user(
    *,
    uow,
    user: UserInfo | None,
    username: str,
    password: str,
    role: str,
    area_code: str,
    display_name: str = "",
    position: str = "",
) -> UserInfo:
    """Add a user. Only an admin may, except the very first user, who must be an admin."""
    first = not has_users(uow=uow)
    if first and role not in ("admin", "department"):
        raise InvalidInput("ผู้ใช้งานคนแรกต้องเป็นผู้ดูแลระบบ (หรือผู้ใช้ระดับกรมฯ สำหรับฐานข้อมูลของกรมฯ)")
    if not first:
        if user is None:
            raise PermissionDenied(access.REASONS[access.Action.MANAGE_USERS])
        access.check(user, access.Action.MANAGE_USERS, area_code[:2] or None)
    username = free_text(username, "ชื่อผู้ใช้งาน", limit=80)
    display_name, position = free_text(display_name, "ชื่อ-สกุลของผู้ใช้งาน"), free_text(position, "ตำแหน่งของผู้ใช้งาน")
    _check_new_user(uow, username, password, role, area_code)
    account = User(
        username=username,
        password_hash=hash_password(password),
        role=role,
        area_code=area_code,
        display_name=display_name,
        position=position,
        active=True,
        created_at=now_utc(),
    )
    uow.session.add(account)
    record(
        uow.session,
        [
            AuditNote(
                username=user.username if user else account.username,
                action="create",
                entity="user",
                entity_key=account.username,
                field="role",
                old_value=None,
                new_value=f"{role}:{area_code}",
            )
        ],
    )
    uow.note(touched(Kind.USERS))
    uow.commit()
    return _info(account)


def create_first_admin(
    *,
    uow,
    user: UserInfo | None = None,
    username: str,
    password: str,
    area_code: str,
    display_name: str = "",
    position: str = "",
) -> UserInfo:
    """The first user of an empty database: the province's admin, or the department's for the country."""
    role = Role.DEPARTMENT if area_code == NATIONAL else Role.ADMIN
    return create_user(
        uow=uow,
        user=None,
        username=username,
        password=password,
        role=role.value,
        area_code=area_code,
        display_name=display_name,
        position=position,
    )


def roles_to_create(user: UserInfo) -> tuple[str, ...]:
    """The roles an admin may give a new user: the department's, department users alone (_check_office_level)."""
    return ("department",) if user.is_national else ("district", "province", "admin")


def areas_for_role(*, uow, user: UserInfo, role: str) -> list[tuple[str, str]]:
    """(code, name) of the areas a new user of the role may have, as this admin may assign them."""
    if role == "department":
        return [(NATIONAL, "กรมการพัฒนาชุมชน (ทั้งประเทศ)")]
    if role == "district":
        return [(a.code, f"{a.code} {a.name}") for a in areas.list_districts(uow=uow, user=user)]
    if user.is_national:
        return [(a.code, a.name) for a in areas.list_provinces(uow=uow)]
    return [(user.province_code, areas.describe_area(uow=uow, area_code=user.province_code))]


@dataclass(frozen=True)
class UserLine:
    """A user as the users' list shows them, with the area's name and whether the login is open."""

    user: UserInfo
    area_name: str
    active: bool = True


def user_lines(*, uow, user: UserInfo) -> list[UserLine]:
    """The users this admin manages, closed logins too (after the open ones), each with their area's name."""
    users = _users(uow, user, closed_too=True)
    names = {code: areas.describe_area(uow=uow, area_code=code) for code in {u.area_code for u in users}}
    return [UserLine(_info(u), names[u.area_code], u.active) for u in users]


def list_users(*, uow, user: UserInfo | None = None) -> list[UserInfo]:
    """Every active user by area then name; with a user, an admin, only those of that user's province
    (the department sees everyone); anyone else is refused."""
    return [_info(account) for account in _users(uow, user)]


def _users(uow, user: UserInfo | None, closed_too: bool = False) -> list[User]:
    if user is not None and not access.allowed(user, access.Action.MANAGE_USERS):
        raise PermissionDenied("เฉพาะผู้ดูแลระบบเท่านั้นที่ดูรายชื่อผู้ใช้งานได้")
    query = select(User).order_by(User.active.desc(), User.area_code, User.username)
    if not closed_too:
        query = query.where(User.active)
    if user is not None and not user.is_national:
        query = query.where(User.area_code.startswith(user.province_code))
    return list(uow.session.scalars(query))


def _managed_user(uow, user: UserInfo, username: str, active: bool = True) -> User:
    """The account `username` (open, or with `active` False closed), if the logged-in user is an admin whose area
    covers it."""
    access.check(user, access.Action.MANAGE_USERS)
    account = uow.session.scalar(select(User).where(User.username == username.strip(), User.active == active))
    if account is None or not user.is_national and not account.area_code.startswith(user.province_code):
        closed = "" if active else "ที่ปิดบัญชีไว้"
        raise InvalidInput(f"ไม่พบผู้ใช้งาน{closed} {username.strip()} ในพื้นที่ของท่าน")
    return account


def _audit_account(uow, by: str, account: User, field: str, note: str, old=None, new=None) -> None:
    """Record a change to an account (by whom, which field; never a password's value) and commit it."""
    record(
        uow.session,
        [
            AuditNote(
                username=by,
                action="update",
                entity="user",
                entity_key=account.username,
                field=field,
                old_value=old,
                new_value=new,
                note=note,
            )
        ],
    )
    uow.note(touched(Kind.USERS))
    uow.commit()


def _audit_active(uow, user: UserInfo, account: User, note: str) -> None:
    old, new = ("0", "1") if account.active else ("1", "0")
    _audit_account(uow, user.username, account, "active", note, old, new)


def deactivate_user(*, uow, user: UserInfo, username: str) -> None:
    """Close a login (someone moved or left); their name stays in the audit log and on what they saved."""
    account = _managed_user(uow, user, username)
    if account.username == user.username:
        raise InvalidInput("ปิดบัญชีของตนเองไม่ได้ กรุณาให้ผู้ดูแลระบบอีกคนดำเนินการ")
    account.active = False
    _audit_active(uow, user, account, "ปิดบัญชีผู้ใช้งาน")


def reactivate_user(*, uow, user: UserInfo, username: str) -> None:
    """Open a closed login again (someone came back), with the password it had."""
    account = _managed_user(uow, user, username, active=False)
    account.active = True
    _audit_active(uow, user, account, "เปิดบัญชีผู้ใช้งานอีกครั้ง")


def set_password(*, uow, user: UserInfo, username: str, password: str) -> None:
    """An admin sets a new password for a user of the province (one who forgot theirs)."""
    account = _managed_user(uow, user, username)
    _check_new_password(password)
    account.password_hash = hash_password(password)
    _audit_account(uow, user.username, account, "password", "ตั้งรหัสผ่านใหม่")

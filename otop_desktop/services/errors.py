"""Errors a user can act on: one base class, each with a Thai message a district officer understands."""


class OtopError(Exception):
    """Base of every error shown to the user as it is; `message` is Thai."""

    title = "ข้อผิดพลาด"

    def __init__(self, message: str):
        super().__init__(message)
        self.message = message


class LoginFailed(OtopError):
    """Wrong username or password; says nothing about which."""

    title = "เข้าสู่ระบบไม่สำเร็จ"

    def __init__(self) -> None:
        super().__init__("ชื่อผู้ใช้งานหรือรหัสผ่านไม่ถูกต้อง")


class LoginThrottled(OtopError):
    """Too many wrong passwords in a row for a name: the next try must wait."""

    title = "เข้าสู่ระบบไม่สำเร็จ"

    def __init__(self, seconds: int) -> None:
        super().__init__(f"ใส่รหัสผ่านผิดหลายครั้งติดต่อกัน กรุณารอ {seconds:,} วินาทีแล้วลองใหม่ "
                         "หากลืมรหัสผ่าน กรุณาให้ผู้ดูแลระบบตั้งรหัสผ่านใหม่")
        self.seconds = seconds


class PermissionDenied(OtopError):
    """The user's role or area does not allow the action."""

    title = "ไม่มีสิทธิ์"


class InvalidInput(OtopError):
    """A typed or pasted value that cannot be accepted."""

    title = "ข้อมูลไม่ถูกต้อง"


class NotFound(OtopError):
    """A record the action needs does not exist."""

    title = "ไม่พบข้อมูล"


class DatabaseProblem(OtopError):
    """The database file cannot be opened or is not an otop-desktop database."""

    title = "ฐานข้อมูลมีปัญหา"


class PasswordNeeded(DatabaseProblem):
    """The office's server asks for a password that neither ~/.pgpass nor the officer gave (or it was wrong)."""


class MonthLocked(OtopError):
    """A write to a district-month that the province has locked (confirmed)."""

    title = "เดือนนี้ล็อกข้อมูลแล้ว"


class DatabaseBusy(OtopError):
    """Another program held the database longer than we wait; the action was rolled back whole."""

    title = "ฐานข้อมูลไม่ว่าง"

    def __init__(self) -> None:
        super().__init__("ฐานข้อมูลกำลังถูกใช้งานโดยโปรแกรมหรือเครื่องอื่นนานเกินไป ยังไม่ได้บันทึกหรือเปลี่ยนแปลงข้อมูลใด ๆ "
                         "กรุณารอสักครู่แล้วลองใหม่ (หากเปิดโปรแกรมไว้หลายหน้าต่าง ให้ปิดหน้าต่างที่ไม่ใช้)")

"""Entrepreneurs: the catalogues, and adding or editing an entrepreneur (provincial staff only)."""

import uuid
from dataclasses import dataclass, fields

from sqlalchemy import func, select, text

from otop_desktop.core.changes import Kind, touched
from otop_desktop.core.errors import InvalidInput, MonthLocked, NotFound
from otop_desktop.core.users import UserInfo
from otop_desktop.models import Entrepreneur, EntrepreneurType, MonthlySale, ProductType, Tambon
from otop_desktop.services import access
from otop_desktop.services.areas import check_district_visible
from otop_desktop.services.audit import AuditNote, record
from otop_desktop.services.entry import code_range, scope_prefix
from otop_desktop.services.sales_guard import check_sales_writable
from otop_desktop.services.thai import fiscal_index, free_text, month_label, now_utc, shown_safely, sort_key


@dataclass(frozen=True)
class Choice:
    """An item of a fixed list: its id and Thai name."""

    id: int
    name: str


@dataclass(frozen=True)
class EntrepreneurInfo:
    """An entrepreneur's details as a form shows them."""

    id: int | None
    name: str
    tambon_code: str
    product_type_id: int
    entrepreneur_type_id: int
    main_product: str = ""
    otop_code: str | None = None
    active: bool = True


def list_product_types(*, uow, user: UserInfo | None = None) -> list[Choice]:
    """The five OTOP product types."""
    return [
        Choice(i, n)
        for i, n in uow.session.execute(select(ProductType.id, ProductType.name_th).order_by(ProductType.id))
    ]


def list_entrepreneur_types(*, uow, user: UserInfo | None = None) -> list[Choice]:
    """The three entrepreneur types."""
    query = select(EntrepreneurType.id, EntrepreneurType.name_th).order_by(EntrepreneurType.id)
    return [Choice(i, n) for i, n in uow.session.execute(query)]


def _info(row: Entrepreneur) -> EntrepreneurInfo:
    return EntrepreneurInfo(**{f.name: getattr(row, f.name) for f in fields(EntrepreneurInfo)})


def get_entrepreneur(*, uow, user: UserInfo, entrepreneur_id: int) -> EntrepreneurInfo:
    """One entrepreneur of the user's area."""
    row = uow.session.get(Entrepreneur, entrepreneur_id)
    if row is None:
        raise NotFound(f"ไม่พบผู้ประกอบการรหัส {entrepreneur_id}")
    check_district_visible(user, row.tambon_code[:4])
    return _info(row)


def find_by_otop_code(*, uow, user: UserInfo, otop_code: str) -> int:
    """The entrepreneur of the user's area registered under this OTOP code (the grid's รหัส OTOP), as the command
    line takes one where it otherwise takes the program's own number."""
    code = free_text(otop_code, "รหัส OTOP", limit=40)  # the one text rule: control characters refused in Thai
    area = code_range(scope_prefix(user, None, None))  # the user's area, as the grid is
    found = uow.session.scalars(select(Entrepreneur.id).where(Entrepreneur.otop_code == code, area)).all()
    if len(found) != 1:
        raise NotFound(
            f"ไม่พบผู้ประกอบการรหัส OTOP “{shown_safely(code)}” ในพื้นที่ของท่าน"
            " กรุณาใส่เลขที่ของผู้ประกอบการ หรือรหัส OTOP ตามที่ entry show แสดง"
        )
    return found[0]


def _validate(uow, user: UserInfo, info: EntrepreneurInfo) -> EntrepreneurInfo:
    access.check(user, access.Action.MANAGE_ENTREPRENEURS)
    name = free_text(info.name, "ชื่อผู้ประกอบการ", required=True)
    main_product = free_text(info.main_product, "ผลิตภัณฑ์หลัก")
    otop_code = free_text(info.otop_code, "รหัส OTOP", limit=40) or None
    if uow.session.get(Tambon, info.tambon_code) is None:
        raise InvalidInput("กรุณาเลือกตำบลของผู้ประกอบการ")
    check_district_visible(user, info.tambon_code[:4])
    if uow.session.get(ProductType, info.product_type_id) is None:
        raise InvalidInput("กรุณาเลือกประเภทผลิตภัณฑ์")
    if uow.session.get(EntrepreneurType, info.entrepreneur_type_id) is None:
        raise InvalidInput("กรุณาเลือกประเภทผู้ประกอบการ")
    if otop_code:
        clash = uow.session.scalar(
            select(Entrepreneur.name).where(Entrepreneur.otop_code == otop_code, Entrepreneur.id != (info.id or 0))
        )
        if clash:
            raise InvalidInput(f"รหัส OTOP {otop_code} เป็นของ “{clash}” อยู่แล้ว")
    return EntrepreneurInfo(
        info.id,
        name,
        info.tambon_code,
        info.product_type_id,
        info.entrepreneur_type_id,
        main_product,
        otop_code,
        info.active,
    )


def save_entrepreneur(
    *,
    uow,
    user: UserInfo,
    info: EntrepreneurInfo,
    list_in: tuple[int, int] | None = None,
) -> EntrepreneurInfo:
    """Add (id None) or edit an entrepreneur; `list_in=(fiscal_year, month)` also puts a new one on that month."""
    clean = _validate(uow, user, info)
    session = uow.session
    if clean.id is None:
        row = Entrepreneur(
            uid=uuid.uuid4().hex,
            created_at=now_utc(),
            name_key=sort_key(clean.name),
            **{k: v for k, v in vars(clean).items() if k != "id"},
        )
        session.add(row)
        session.flush()
        before = {}
    else:
        row = session.get(Entrepreneur, clean.id)
        if row is None:
            raise NotFound(f"ไม่พบผู้ประกอบการรหัส {clean.id}")
        check_district_visible(user, row.tambon_code[:4])
        _check_confirmed_figures_kept(session, row, clean)
        before = vars(_info(row))
        for key, value in vars(clean).items():
            setattr(row, key, value)
        row.name_key = sort_key(clean.name)
    after = vars(_info(row))
    record(
        session,
        [
            AuditNote(
                username=user.username,
                action="create" if not before else "update",
                entity="entrepreneur",
                entity_key=str(row.id),
                field=key,
                old_value=None if not before else str(before[key]),
                new_value=str(value),
            )
            for key, value in after.items()
            if key != "id" and (not before or before[key] != value)
        ],
    )
    uow.note(touched(Kind.ENTREPRENEURS, districts={row.tambon_code[:4]}))
    if list_in is not None and clean.id is None:
        fiscal_year, month = list_in
        uow.note(touched(Kind.SALES, fiscal_year=fiscal_year, month=month, districts={row.tambon_code[:4]}))
        check_sales_writable(
            uow=uow, user=user, district_codes={row.tambon_code[:4]}, fiscal_year=fiscal_year, month=month
        )
        session.add(
            MonthlySale(
                entrepreneur_id=row.id,
                fiscal_year=fiscal_year,
                month=month,
                revision=1,
                updated_by=user.username,
                updated_at=now_utc(),
                origin=user.area_code,
            )
        )
    uow.commit()
    return _info(row)


_LOCKED_MONTHS_OF = text(
    "SELECT s.fiscal_year, s.month FROM monthly_sale s JOIN district_lock l ON l.fiscal_year = s.fiscal_year"
    " AND l.month = s.month AND l.locked AND l.district_code IN (:before, :after) WHERE s.entrepreneur_id = :id"
    " GROUP BY s.fiscal_year, s.month"
)


def _check_confirmed_figures_kept(session, row: Entrepreneur, clean: EntrepreneurInfo) -> None:
    """Refuse to move an entrepreneur to another tambon, or to change its product type, while a month locked
    (confirmed) in its district, or the district it goes to, holds its figures: the confirmed month's figures by
    tambon, district and product type, and its printed จต.๒, would change under the signatures (as a save into
    that month is refused). Its name, product, OTOP code and kind are labels and may be corrected."""
    moved = clean.tambon_code != row.tambon_code
    if not moved and clean.product_type_id == row.product_type_id:
        return
    months = sorted(
        session.execute(
            _LOCKED_MONTHS_OF,
            {"id": row.id, "before": row.tambon_code[:4], "after": clean.tambon_code[:4]},
        ).all(),
        key=lambda period: (period[0], fiscal_index(period[1])),
    )
    if not months:
        return
    change = "ย้ายตำบล" if moved else "เปลี่ยนประเภทผลิตภัณฑ์"
    grouped = "ตำบลและอำเภอ" if moved else "ประเภทผลิตภัณฑ์"
    latest = month_label(*months[-1])
    held = f" {len(months):,} เดือน (ล่าสุด {latest})" if len(months) > 1 else f"เดือน{latest}"
    raise MonthLocked(
        f"ยังไม่ได้บันทึกการแก้ไข: “{shown_safely(row.name)}” มียอดใน{held} ซึ่งล็อก (ยืนยันข้อมูล) แล้ว "
        f"การ{change}จะเปลี่ยนยอดแยกตาม{grouped}ของเดือนที่ยืนยันและพิมพ์รับรองไปแล้ว "
        "หากผู้ประกอบการย้ายหรือเปลี่ยนผลิตภัณฑ์จริง ให้เอาเครื่องหมาย “ยังดำเนินกิจการ” ของรายเดิมออก "
        "แล้วเพิ่มเป็นผู้ประกอบการรายใหม่ หากกรอกไว้ผิด ต้องปลดล็อกเดือนเหล่านั้นก่อน"
    )


def count_entrepreneurs(*, uow, active_only: bool = True) -> int:
    """How many entrepreneurs the database holds."""
    query = select(func.count()).select_from(Entrepreneur)
    if active_only:
        query = query.where(Entrepreneur.active)
    return uow.session.scalar(query)


def entrepreneur_labels(session, entrepreneur_ids) -> dict[int, str]:
    """Entrepreneurs named so that namesakes differ, as messages name them: 'name (code, ต.tambon)', the
    program's number ('เลขที่ 12') for one without an OTOP code."""
    query = (
        select(Entrepreneur.id, Entrepreneur.name, Entrepreneur.otop_code, Tambon.name_th)
        .join(Tambon, Tambon.code == Entrepreneur.tambon_code)
        .where(Entrepreneur.id.in_(sorted(set(entrepreneur_ids))))
    )
    return {
        number: f"{name} ({code or f'เลขที่ {number}'}, ต.{tambon})"
        for number, name, code, tambon in session.execute(query)
    }

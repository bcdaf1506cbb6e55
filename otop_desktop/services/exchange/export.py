"""This office's file sent upward: a district's months (a district user) or a province's confirmed months
(provincial staff), signed with the office's key; and the list of files sent."""

import uuid
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from sqlalchemy import select

from otop_desktop import __version__
from otop_desktop.core.changes import Kind, touched
from otop_desktop.core.errors import InvalidInput, NotYet
from otop_desktop.core.files import check_output_path, write_bytes
from otop_desktop.core.users import UserInfo
from otop_desktop.models import Entrepreneur, ExportLog, MonthlySale, ProvinceLock
from otop_desktop.services import access
from otop_desktop.services.entry import AMOUNT_FIELDS, code_range
from otop_desktop.services.exchange import keys, prints
from otop_desktop.services.exchange.fileformat import FILE_SUFFIX, MAX_ROWS, STAMP, digest, write_file
from otop_desktop.services.periods import check_period, stored_months
from otop_desktop.services.thai import fiscal_index, month_label, months_text, now_utc
from otop_desktop.store.master_data import master_data_version


def _stamp(value: datetime) -> str:
    return value.strftime(STAMP)


def sent_words(user: UserInfo, fiscal_year: int, months, rows: int, digest: str) -> str:
    """What a file just written holds and what the officer does next, in Thai: said alike by the window and the
    command line."""
    to = "กรมฯ" if user.district_code is None else "จังหวัด"
    # The province sends a district its receipt; the department sends none (it only reads what provinces confirmed).
    receipt = (
        " เมื่อนำเข้าแล้ว จังหวัดจะส่งใบตอบรับกลับมา ให้นำเข้าใบตอบรับที่หน้าส่งไฟล์ (หรือคำสั่ง receipt)" if user.district_code else ""
    )
    return (
        f"{rows:,} แถว (ผู้ประกอบการแต่ละรายในแต่ละเดือน) ของเดือน {months_text(months)} ปีงบประมาณ {fiscal_year}"
        f" · ลายนิ้วมือไฟล์ {digest[:16]}\n"
        f"ขั้นต่อไป: ส่งไฟล์นี้ให้{to} (อีเมล ไลน์ หรือแฟลชไดรฟ์) และแจ้งลายนิ้วมือไฟล์ให้{to}เทียบก่อนนำเข้า{receipt}"
    )


def check_exportable(*, uow, user: UserInfo, fiscal_year: int, months) -> list[int]:
    """What refuses a file before it is written, asked before the officer names it (the window asked for a file
    name, then said the months were not confirmed): the user's right, the months chosen, a province's months
    confirmed. The months, sorted."""
    access.check(user, access.Action.EXPORT_FILE)
    months = sorted(set(months))
    if not months:
        raise InvalidInput("กรุณาเลือกเดือนที่จะส่งออกอย่างน้อย 1 เดือน")
    for month in months:
        check_period(fiscal_year, month)
    if not user.district_code:
        _check_confirmed(uow.session, user.province_code, fiscal_year, months)
    return months


def export_file(*, uow, user: UserInfo, fiscal_year: int, months, path: Path | str) -> tuple[Path, str, int]:
    """Write this office's file for the months: a district file for a district user, a province file
    (confirmed months only) for provincial staff. Returns (path, digest, sales rows); records what was sent."""
    check_output_path(path, (FILE_SUFFIX,))
    months = check_exportable(uow=uow, user=user, fiscal_year=fiscal_year, months=months)
    area = user.district_code or user.province_code
    session = uow.session
    people = session.execute(select(Entrepreneur).where(code_range(area)).order_by(Entrepreneur.id)).scalars().all()
    by_id = {e.id: e for e in people}
    sales = (
        session.execute(
            select(MonthlySale)
            .join(Entrepreneur, Entrepreneur.id == MonthlySale.entrepreneur_id)
            .where(code_range(area), MonthlySale.fiscal_year == fiscal_year, MonthlySale.month.in_(months))
            .order_by(MonthlySale.entrepreneur_id, MonthlySale.month)
        )
        .scalars()
        .all()
    )
    entrepreneurs = [
        [e.uid, e.name, e.tambon_code, e.product_type_id, e.entrepreneur_type_id, e.main_product, e.otop_code, e.active]
        for e in people
    ]
    rows = [
        [
            by_id[s.entrepreneur_id].uid,
            s.fiscal_year,
            s.month,
            *(getattr(s, f) for f in AMOUNT_FIELDS),
            s.revision,
            _stamp(s.updated_at),
            s.updated_by,
        ]
        for s in sales
    ]
    manifest = {
        "kind": "district" if user.district_code else "province",
        "source_area": area,
        "province_code": user.province_code,
        "target_area": "",
        "fiscal_year": fiscal_year,
        "months": months,
        "created_at": _stamp(now_utc()),
        "created_by": user.username,
        "app_version": __version__,
        "master_data_version": master_data_version(),
        "file_id": uuid.uuid4().hex,
        "row_counts": {"entrepreneurs.json": len(entrepreneurs), "sales.json": len(rows)},
    }
    parts = {"entrepreneurs.json": entrepreneurs, "sales.json": rows}
    _check_size(len(entrepreneurs), len(rows))
    if user.district_code:  # the district's prints travel with it, so the province can name them by their codes
        _add_prints(manifest, parts, session, area, fiscal_year, months, {e.id: e.uid for e in people})
    public_key, sign = keys.signer(uow=uow)
    data = write_file(manifest, parts, public_key, sign)
    path = write_bytes(path, data)
    session.add(
        ExportLog(
            file_digest=digest(data),
            file_name=path.name,
            kind=manifest["kind"],
            area_code=area,
            fiscal_year=fiscal_year,
            months=",".join(map(str, months)),
            rows=len(rows),
            created_by=user.username,
            created_at=now_utc(),
        )
    )
    uow.note(touched(Kind.FILES))
    uow.commit()
    return path, digest(data), len(rows)


def _check_size(people: int, rows: int) -> None:
    """Refuse, before writing, a file the receiving office would refuse for its size (fileformat.MAX_ROWS): a
    province of 25,717 entrepreneurs wrote one the department could not take, told to split it by months."""
    if people > MAX_ROWS["entrepreneurs.json"]:
        raise InvalidInput(
            f"รายชื่อผู้ประกอบการ {people:,} ราย มากกว่าที่ไฟล์หนึ่งรับได้ ({MAX_ROWS['entrepreneurs.json']:,} ราย)"
            " ไม่ได้เขียนไฟล์ กรุณาแจ้งผู้ดูแลระบบ"
        )
    if rows > MAX_ROWS["sales.json"]:
        raise InvalidInput(
            f"ยอดจำหน่าย {rows:,} แถว มากกว่าที่ไฟล์หนึ่งรับได้ ({MAX_ROWS['sales.json']:,} แถว) ไม่ได้เขียนไฟล์"
            " กรุณาส่งออกเป็นหลายไฟล์ (ทีละช่วงเดือน)"
        )


def _add_prints(manifest: dict, parts: dict, session, area: str, fiscal_year: int, months, uids: dict) -> None:
    """Add the part of the district's print records of the months (none: no part, the file stays version 1)."""
    rows = prints.part_rows(session, area, fiscal_year, months, uids)
    if not rows:
        return
    counted = prints.rows_counted(rows)
    if counted > MAX_ROWS[prints.PART]:
        raise InvalidInput(
            f"แบบที่พิมพ์ในเดือนที่เลือกมีมากเกินกว่าที่ไฟล์เดียวรับได้ ({counted:,} แถว; ไม่เกิน "
            f"{MAX_ROWS[prints.PART]:,}) กรุณาส่งออกเป็นหลายไฟล์ (ทีละช่วงเดือน)"
        )
    parts[prints.PART] = rows
    manifest["row_counts"][prints.PART] = counted


@dataclass(frozen=True)
class SentFile:
    """A file this office made: what was sent, when, by whom."""

    created_at: datetime
    file_name: str
    fiscal_year: int | None
    months: tuple[int, ...]
    rows: int
    created_by: str
    file_digest: str


def list_exports(*, uow, user: UserInfo | None = None, limit: int = 200) -> list[SentFile]:
    """The files this office made, newest first."""
    return [
        SentFile(
            e.created_at,
            e.file_name,
            e.fiscal_year,
            stored_months(e.months),
            e.rows,
            e.created_by,
            e.file_digest,
        )
        for e in uow.session.scalars(select(ExportLog).order_by(ExportLog.id.desc()).limit(limit))
    ]


def _check_confirmed(session, province_code: str, fiscal_year: int, months) -> None:
    """A province file goes upward: only months the province has confirmed (locked) may be in it."""
    locked = set(
        session.scalars(
            select(ProvinceLock.month).where(
                ProvinceLock.province_code == province_code,
                ProvinceLock.fiscal_year == fiscal_year,
                ProvinceLock.locked,
            )
        )
    )
    open_months = sorted((m for m in months if m not in locked), key=fiscal_index)  # October first, as the year runs
    if open_months:
        names = ", ".join(month_label(fiscal_year, m) for m in open_months)
        raise NotYet(
            f"เดือน {names} ยังไม่ได้ยืนยัน (ล็อก) ทั้งจังหวัด กรมฯ จะไม่เห็นข้อมูลที่ยังไม่ยืนยัน "
            "กรุณาล็อกทั้งจังหวัดก่อน หรือเลือกเฉพาะเดือนที่ยืนยันแล้ว"
        )

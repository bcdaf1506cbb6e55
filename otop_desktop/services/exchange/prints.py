"""A district's print records travelling in its file (prints.json, format version 2), so the province can name a
district-printed จต.๒ or จต.๑ by its code (`verify`, the signed-copy register). The district sends the records
of its own prints whose paper is for the file's months, each with the figures it printed (entrepreneurs by
uid); the province checks every field as hostile input (the whole file is refused in Thai otherwise), keeps
a record it already has with the same content, refuses one whose code it holds with other content, and
stores the rest marked with the import that brought them (undo removes them)."""

import json
import re
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import insert, or_, select

from otop_desktop.core.errors import InvalidInput
from otop_desktop.models import Entrepreneur, EvidencePage, PrintRecord
from otop_desktop.services.exchange.fileformat import STAMP
from otop_desktop.services.forms.verify import (
    CODE_LENGTH,
    CODE_NAME,
    PrintedFigure,
    code_problem,
    figures_digest,
    shown_code,
)
from otop_desktop.services.money import MAX_SATANG
from otop_desktop.services.periods import check_period, stored_months
from otop_desktop.services.thai import free_text

PART = "prints.json"
FORMS = ("jt2", "jt1")  # a district's forms; the forecast is the province's
STAMP_TEXT = re.compile(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{6}")
UID = re.compile(r"[0-9A-Za-z]{32}")


class BadPrint(Exception):
    """Why one print record of a file cannot be taken (in Thai); the caller words the refusal."""


@dataclass(frozen=True)
class CarriedPrint:
    """One print record as a file carries it, checked; figures are (uid, name, month, amounts)."""

    code: str
    form: str
    area_code: str
    fiscal_year: int
    months: tuple[int, ...]
    paper_fiscal_year: int | None
    paper_months: tuple[int, ...] | None
    completeness: str | None
    printed_by: str
    printed_at: datetime
    figures: tuple[tuple, ...]


def rows_counted(rows: list) -> int:
    """The row count the manifest states for the part: one a print and one a figure it printed."""
    return sum(1 + len(row[-1]) for row in rows)


# --- the district's side --------------------------------------------------------------------------------------
def part_rows(session, area: str, fiscal_year: int, months, uids: dict[int, str]) -> list:
    """The district's own prints whose paper is for these months, as the part's rows (`uids`: local id → uid
    of the file's entrepreneurs). Codes of before 0014 (shared) stay home, and so does a print naming someone
    the file does not carry (moved out of the district since): the province would refuse it."""
    check_period(fiscal_year, months=months)
    wanted, rows = set(months), []
    for record in session.scalars(
        select(PrintRecord)
        .where(
            PrintRecord.area_code == area,
            PrintRecord.form.in_(FORMS),
            PrintRecord.import_id.is_(None),
            or_(PrintRecord.fiscal_year == fiscal_year, PrintRecord.paper_fiscal_year == fiscal_year),
        )
        .order_by(PrintRecord.id)
    ):
        paper_year = record.paper_fiscal_year or record.fiscal_year
        paper_months = stored_months(record.paper_months or record.months)
        if len(record.code) != CODE_LENGTH or paper_year != fiscal_year or not wanted & set(paper_months):
            continue
        figures = json.loads(record.figures)
        if all(row[0] in uids for row in figures):
            rows.append(_row(record, [[uids[row[0]], *row[1:]] for row in figures]))
    return rows


def _row(record: PrintRecord, figures: list) -> list:
    """A print record as the part's row (check_part reads it back)."""
    return [
        record.code,
        record.form,
        record.area_code,
        record.fiscal_year,
        list(stored_months(record.months)),
        record.paper_fiscal_year,
        list(stored_months(record.paper_months)) if record.paper_months else None,
        record.completeness,
        record.printed_by,
        record.printed_at.strftime(STAMP),
        figures,
    ]


# --- the province's side: checking ------------------------------------------------------------------------------
def check_part(parts: dict, manifest, people: set[str]) -> list[CarriedPrint]:
    """The file's print records, each checked as hostile input (the entrepreneurs printed among the file's
    `people`, by uid), or BadPrint naming the first bad one."""
    rows = parts.get(PART)
    if rows is None:
        return []
    if manifest.kind != "district":
        raise BadPrint("ไฟล์ชนิดนี้ไม่มีบันทึกการพิมพ์ แต่ไฟล์นี้มี")
    if not isinstance(rows, list) or any(not isinstance(row, list) or len(row) != 11 for row in rows):
        raise BadPrint("บันทึกการพิมพ์ในไฟล์ผิดรูปแบบ")
    if any(not isinstance(row[10], list) for row in rows) or rows_counted(rows) != manifest.row_counts.get(PART):
        raise BadPrint("จำนวนบันทึกการพิมพ์ในไฟล์ไม่ตรงกับส่วนหัว")
    checked, codes = [], set()
    for number, row in enumerate(rows, 1):
        try:
            carried = _checked(row, manifest, people)
        except (BadPrint, InvalidInput) as problem:
            raise BadPrint(f"บันทึกการพิมพ์แถวที่ {number} ในไฟล์{_reason(problem)}") from None
        if carried.code in codes:
            raise BadPrint(f"บันทึกการพิมพ์แถวที่ {number} ในไฟล์มี{CODE_NAME} {shown_code(carried.code)} ซ้ำกับแถวก่อนหน้า")
        codes.add(carried.code)
        checked.append(carried)
    return checked


def _reason(problem: Exception) -> str:
    if isinstance(problem, InvalidInput):  # a shared rule's words, less its advice to retype
        return " " + problem.message.removesuffix(" กรุณาพิมพ์ใหม่")
    return str(problem)


def _checked(row: list, manifest, people: set[str]) -> CarriedPrint:
    code, form, area, year, months, paper_year, paper_months, completeness, by, at, figures = row
    if not isinstance(code, str) or len(code) != CODE_LENGTH or code_problem(code):
        raise BadPrint(f"มี{CODE_NAME}ผิดรูปแบบ ({str(code)[:20]!r})")
    if form not in FORMS:
        raise BadPrint(f" เป็นแบบที่ไม่รู้จัก ({str(form)[:20]!r})")
    if area != manifest.source_area:
        raise BadPrint(f" เป็นของพื้นที่อื่น ({str(area)[:8]}) ไม่ใช่ของอำเภอต้นทาง {manifest.source_area}")
    months = _period(year, months)
    paper = None if paper_year is None and paper_months is None else _period(paper_year, paper_months)
    if (paper_year if paper else year) != manifest.fiscal_year or not set(paper or months) & set(manifest.months):
        raise BadPrint(" เป็นแบบของช่วงเวลาที่ไม่อยู่ในไฟล์")
    completeness = free_text(completeness, "ข้อความความครบถ้วนบนแบบ", limit=120) or None
    by = free_text(by, "ชื่อผู้พิมพ์", limit=80, required=True)
    printed_at, printed = _printed_at(at, manifest), _figures(figures, months, people)
    return CarriedPrint(code, form, area, year, months, paper_year, paper, completeness, by, printed_at, printed)


def _printed_at(at, manifest) -> datetime:
    """When it was printed, as this program writes times (naive UTC to the microsecond), before the file was made."""
    if not isinstance(at, str) or not STAMP_TEXT.fullmatch(at):
        raise BadPrint("มีวันเวลาที่พิมพ์ผิดรูปแบบ")
    try:
        printed_at = datetime.fromisoformat(at)
    except ValueError:
        raise BadPrint("มีวันเวลาที่พิมพ์ผิดรูปแบบ") from None
    if printed_at > manifest.created_at:
        raise BadPrint(" ระบุเวลาพิมพ์หลังเวลาที่ทำไฟล์ ซึ่งเป็นไปไม่ได้")
    return printed_at


def _period(year, months) -> tuple[int, ...]:
    if type(year) is not int or not isinstance(months, list) or not months or len(set(months)) != len(months):
        raise BadPrint("มีปีงบประมาณหรือเดือนผิดรูปแบบ")
    if any(type(month) is not int for month in months):
        raise BadPrint("มีเดือนผิดรูปแบบ")
    check_period(year, months=months)
    return tuple(months)


def _figures(figures: list, months: tuple[int, ...], people: set[str]) -> tuple[tuple, ...]:
    checked, seen = [], set()
    for figure in figures:
        if not isinstance(figure, list) or len(figure) != 7:
            raise BadPrint("มียอดที่พิมพ์ผิดรูปแบบ")
        uid, name, month, *amounts = figure
        if not isinstance(uid, str) or not UID.fullmatch(uid) or type(month) is not int or month not in months:
            raise BadPrint("มียอดที่พิมพ์ของผู้ประกอบการหรือเดือนที่ผิดรูปแบบ")
        if uid not in people:
            raise BadPrint(" อ้างถึงผู้ประกอบการที่ไม่อยู่ในรายชื่อผู้ประกอบการของไฟล์")
        if any(a is not None and (type(a) is not int or not 0 <= a < MAX_SATANG) for a in amounts):
            raise BadPrint("มีจำนวนเงินที่พิมพ์ไม่ถูกต้อง (ติดลบ ผิดรูปแบบ หรือสูงเกินกว่าที่เป็นไปได้)")
        if (uid, month) in seen:
            raise BadPrint("มียอดที่พิมพ์ของผู้ประกอบการรายเดียวกัน เดือนเดียวกัน ซ้ำกัน")
        seen.add((uid, month))
        checked.append((uid, free_text(name, "ชื่อผู้ประกอบการที่พิมพ์", required=True), month, tuple(amounts)))
    return tuple(checked)


# --- the province's side: planning and writing --------------------------------------------------------------------
@dataclass(frozen=True)
class PrintsPlan:
    """The file's print records this office lacks."""

    new: tuple[CarriedPrint, ...] = ()
    known: int = 0  # records this office holds already, the same


def plan(session, carried: list[CarriedPrint]) -> PrintsPlan:
    """Which records are new; BadPrint when a code this office holds names another print."""
    if not carried:
        return PrintsPlan()
    codes = [record.code for record in carried]
    held = {record.code: record for record in _in_chunks(session, select(PrintRecord), PrintRecord.code, codes, True)}
    uid_of = _uids_of(session, held.values())
    new = []
    for record in carried:
        here = held.get(record.code)
        if here is None:
            new.append(record)
        elif _content(here, uid_of) != _content_of(record):
            raise BadPrint(
                f"{CODE_NAME} {shown_code(record.code)} ในไฟล์มีอยู่แล้วในฐานข้อมูลนี้แต่เป็นการพิมพ์อื่น "
                f"(พิมพ์โดย {here.printed_by}) ไม่ตรงกับที่ไฟล์ระบุ"
            )
    return PrintsPlan(tuple(new), len(carried) - len(new))


def _in_chunks(session, statement, column, values: list, scalars: bool = False):
    for start in range(0, len(values), 500):
        chosen = statement.where(column.in_(values[start : start + 500]))
        yield from (session.scalars(chosen) if scalars else session.execute(chosen))


def _uids_of(session, records) -> dict[int, str]:
    ids = sorted({row[0] for record in records for row in json.loads(record.figures)})
    return dict(_in_chunks(session, select(Entrepreneur.id, Entrepreneur.uid), Entrepreneur.id, ids))


def _content(record: PrintRecord, uid_of: dict[int, str]) -> tuple:
    figures = sorted((uid_of.get(row[0], ""), row[1], row[2], *row[3:]) for row in json.loads(record.figures))
    paper = stored_months(record.paper_months) if record.paper_months else None
    return (
        record.form,
        record.area_code,
        record.fiscal_year,
        stored_months(record.months),
        record.paper_fiscal_year,
        tuple(paper) if paper else None,
        record.printed_by,
        record.printed_at,
        figures,
    )


def _content_of(record: CarriedPrint) -> tuple:
    figures = sorted((uid, name, month, *amounts) for uid, name, month, amounts in record.figures)
    return (
        record.form,
        record.area_code,
        record.fiscal_year,
        record.months,
        record.paper_fiscal_year,
        record.paper_months,
        record.printed_by,
        record.printed_at,
        figures,
    )


def write(session, prints: PrintsPlan, ids: dict[str, int], import_id: int) -> int:
    """Store the new records with local entrepreneur ids (`ids`: uid → id of the file's people here), marked
    with the import; returns how many."""
    rows = []
    for record in prints.new:
        figures = [PrintedFigure(ids[uid], name, month, amounts) for uid, name, month, amounts in record.figures]
        rows.append(
            {
                "code": record.code,
                "form": record.form,
                "area_code": record.area_code,
                "fiscal_year": record.fiscal_year,
                "months": ",".join(map(str, record.months)),
                "digest": figures_digest(record.form, record.area_code, record.fiscal_year, record.months, figures),
                "figures": json.dumps(
                    [[f.entrepreneur_id, f.name, f.month, *f.amounts] for f in figures], ensure_ascii=False
                ),
                "printed_by": record.printed_by,
                "printed_at": record.printed_at,
                "paper_fiscal_year": record.paper_fiscal_year,
                "paper_months": ",".join(map(str, record.paper_months)) if record.paper_months else None,
                "completeness": record.completeness,
                "import_id": import_id,
            }
        )
    if rows:
        session.execute(insert(PrintRecord), rows)
    return len(rows)


# --- undo ----------------------------------------------------------------------------------------------------------
def check_undo(session, import_id: int, file_name: str, nothing_changed: str) -> None:
    """Refuse to undo an import whose print records have a signed copy in the register since."""
    kept = session.scalar(
        select(PrintRecord.code)
        .join(EvidencePage, EvidencePage.print_record_id == PrintRecord.id)
        .where(PrintRecord.import_id == import_id)
        .limit(1)
    )
    if kept is not None:
        raise InvalidInput(
            f"ยกเลิกการนำเข้าไฟล์ {file_name} ไม่ได้ เพราะสำเนาที่ลงนามของแบบ {CODE_NAME} {shown_code(kept)} "
            f"ซึ่งมากับไฟล์นี้ อยู่ในทะเบียนสำเนาที่ลงนามแล้ว {nothing_changed}"
        )


def undo(session, import_id: int) -> None:
    """Remove the print records the import added."""
    session.execute(PrintRecord.__table__.delete().where(PrintRecord.import_id == import_id))

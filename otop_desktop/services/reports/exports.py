"""The department's eight standard exports (ส่งออกข้อมูล), as the system lists them: each a Report of
Thai headings and rows of plain values (text, counts, satang) over one area and period, which the
writers turn into an Excel workbook or a CSV file. Totals are not built here: the writer sums the rows
it writes, so a total always agrees with them."""

from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass

from sqlalchemy import func, select

from otop_desktop.core.errors import InvalidInput
from otop_desktop.core.users import UserInfo
from otop_desktop.models import District, Entrepreneur, EntrepreneurType, MonthlySale, ProductType, Province, Tambon
from otop_desktop.services.entry import AMOUNT_FIELDS, CHANNELS, code_range
from otop_desktop.services.reports import figures, summary
from otop_desktop.services.reports.figures import Scope, Sums
from otop_desktop.services.sheet_text import column_width
from otop_desktop.services.thai import (
    THAI_MONTHS,
    calendar_year_be,
    first_day,
    format_thai_datetime,
    months_text,
    now_utc,
    today_in_thailand,
)

EXCEL_ROWS = 1_048_576
CHANNEL_HEADINGS = tuple(f"{channel} (บาท)" for channel in CHANNELS)
LISTED, REPORTED = "ผู้ประกอบการในรายชื่อ (ราย)", "กรอกยอดแล้ว (ราย)"


@dataclass(frozen=True)
class Column:
    """A column: its Thai heading, what it holds (text, number (the running number ที่), count, money in
    satang, share), its width in characters; a share is column `share_of[0]` over column `share_of[1]` of the
    same row, or over the grand total of `share_of[0]` when the second is None."""

    heading: str
    kind: str = "text"
    width: float = 14
    share_of: tuple[int, int | None] | None = None


@dataclass
class Sheet:
    """One worksheet's rows (lists of values; share cells left None) and a caption of what it holds."""

    name: str
    rows: Iterable[list]
    caption: str = ""


@dataclass
class Report:
    """An export ready to write: its title, area, period, the time of its data, notes, columns, sheets."""

    name: str
    title: str
    area_name: str
    period_text: str
    at_text: str
    notes: list[str]
    columns: list[Column]
    sheets: list[Sheet]
    label_columns: int = 2  # how many leading columns the total's label spans
    row_count: int | None = None  # rows to write, where known (progress)


@dataclass(frozen=True)
class Export:
    """One of the eight exports: its name on the command line, its Thai title, its builder."""

    name: str
    title: str
    build: Callable


def _money(heading: str) -> Column:
    return Column(heading, "money", 20)  # fits 315,000,000,000.00, the whole country's year


def _channel_columns() -> list[Column]:
    return [_money(heading) for heading in CHANNEL_HEADINGS] + [_money("รวม (บาท)")]


def _channel_values(sums: Sums) -> list:
    return [*sums.amounts, sums.total]


def _names(session, model, codes=None) -> dict[str, str]:
    query = select(model.code, model.name_th)
    return {code: name for code, name in session.execute(query) if codes is None or code in codes}


def _areas_of(session, scope: Scope) -> tuple[str, list[tuple[str, str]]]:
    """Whether rows are provinces or districts, and the scope's areas of that level in code order."""
    if not scope.prefix:
        return "province", sorted(session.execute(select(Province.code, Province.name_th)).all())
    query = (
        select(District.code, District.name_th).where(District.code.startswith(scope.prefix)).order_by(District.code)
    )
    return "district", [tuple(row) for row in session.execute(query)]


def _confirmation_notes(session, scope: Scope) -> tuple[list[str], dict[int, str]]:
    """Notes on which months count and each month's confirmation state (for monthly sheets)."""
    confirmed = figures.confirmed_months(session, scope)
    if scope.confirmed_only:
        states = {month: f"ยืนยันแล้ว {sum(month in m for m in confirmed.values())} จังหวัด" for month in scope.months}
        return ["นับเฉพาะเดือนที่จังหวัดยืนยัน (ล็อก) แล้ว ตามหนังสือสั่งการ"], states
    locked = confirmed.get(scope.prefix[:2], set())
    with_sales = {key[0] for key in summary.sums_by(session, scope, "month")}
    today = today_in_thailand()  # a month still to come reads as such, not as a month that sold nothing
    states = {
        month: "ยืนยันแล้ว"
        if month in locked
        else "ยังไม่ยืนยัน"
        if month in with_sales
        else "ยังไม่ถึงเดือนนี้"
        if first_day(scope.fiscal_year, month) > today
        else "ยังไม่มีข้อมูล"  # begun, nothing entered: its zeros are no sales figures either
        for month in scope.months
    }
    open_months = sorted(with_sales - locked)
    if not open_months:
        return ["ทุกเดือนที่มีข้อมูลในรายงานนี้ จังหวัดยืนยัน (ล็อก) แล้ว"], states
    return [f"เดือนที่จังหวัดยังไม่ยืนยัน (ล็อก): {months_text(open_months)} ตัวเลขของเดือนเหล่านี้อาจยังเปลี่ยน และกรมฯ ยังไม่เห็น"], states


def _report(export: Export, scope: Scope, columns, sheets, notes, **extra) -> Report:
    return Report(
        export.name,
        export.title,
        scope.area_name,
        scope.period_text,
        f"ข้อมูล ณ วันที่ {format_thai_datetime(now_utc())}",
        notes,
        columns,
        sheets,
        **extra,
    )


def _month_name(scope: Scope, month: int) -> str:
    return f"{THAI_MONTHS[month - 1]} {calendar_year_be(scope.fiscal_year, month)}"


# --- the builders -------------------------------------------------------------------------------------------
def build_overview(export, session, scope: Scope, **_) -> Report:
    """Per district of the area (per province at the department): lists, figures and the four channels."""
    level, rows_of = _areas_of(session, scope)
    sums = figures.sums_by(session, scope, level)
    notes, _ = _confirmation_notes(session, scope)
    heading = "จังหวัด" if level == "province" else "อำเภอ"
    columns = [
        Column("ที่", "number", 5),
        Column("รหัส", "text", 7),
        Column(heading, "text", 22),
        Column(LISTED, "count", 13),
        Column(REPORTED, "count", 13),
        *_channel_columns(),
    ]
    rows = [
        [n, code, name, s.listed, s.reported, *_channel_values(s)]
        for n, (code, name) in enumerate(rows_of, 1)
        for s in [sums.get((code,), figures.NO_SALES)]
    ]
    return _report(export, scope, columns, [Sheet("ภาพรวม", rows)], notes, label_columns=3)


def build_monthly_types(export, session, scope: Scope, **_) -> Report:
    """Per month of the period: sales of each product type, and whether the province confirmed the month."""
    types = session.execute(select(ProductType.id, ProductType.name_th).order_by(ProductType.id)).all()
    sums = summary.sums_by(session, scope, "month", "product_type")
    notes, states = _confirmation_notes(session, scope)
    columns = [
        Column("เดือน", "text", 18),
        *(_money(f"{name} (บาท)") for _, name in types),
        _money("รวม (บาท)"),
        Column("การยืนยันของจังหวัด", "text", 20),
    ]
    rows = []
    for month in scope.months:
        amounts = [sums.get((month, type_id), figures.NO_SALES).total for type_id, _ in types]
        rows.append([_month_name(scope, month), *amounts, sum(amounts), states[month]])
    return _report(export, scope, columns, [Sheet("รายเดือนตามประเภท", rows)], notes, label_columns=1)


def build_monthly_channels(export, session, scope: Scope, **_) -> Report:
    """Per month of the period: the four channels, domestic and export subtotals, and the confirmation."""
    sums = summary.sums_by(session, scope, "month")
    notes, states = _confirmation_notes(session, scope)
    columns = [
        Column("เดือน", "text", 18),
        *(_money(h) for h in CHANNEL_HEADINGS),
        _money("รวมในประเทศ (บาท)"),
        _money("รวมต่างประเทศ (บาท)"),
        _money("รวมทั้งสิ้น (บาท)"),
        Column("การยืนยันของจังหวัด", "text", 20),
    ]
    rows = [
        [_month_name(scope, month), *s.amounts, s.domestic, s.export, s.total, states[month]]
        for month in scope.months
        for s in [sums.get((month,), figures.NO_SALES)]
    ]
    return _report(export, scope, columns, [Sheet("รายเดือนตามช่องทาง", rows)], notes, label_columns=1)


def _province_rows(session, scope: Scope, counted: bool = True):
    """(code, name, sums, districts with sales, confirmed months) per province of the scope; without
    `counted`, the sums come from the monthly summary and their entrepreneur counts are not distinct."""
    sums = (figures if counted else summary).sums_by(session, scope, "province")
    districts = summary.sums_by(session, scope, "province", "district")
    confirmed = figures.confirmed_months(session, scope)
    codes = None if not scope.prefix else {scope.prefix[:2]}
    for code, name in sorted(_names(session, Province, codes).items()):
        count = sum(1 for key in districts if key[0] == code)
        yield code, name, sums.get((code,), figures.NO_SALES), count, confirmed.get(code, set())


def build_provinces(export, session, scope: Scope, **_) -> Report:
    """Per province (at a province, its own row): districts with figures, lists, domestic and export."""
    notes, _ = _confirmation_notes(session, scope)
    if scope.prefix and len(scope.prefix) == 4:
        notes.append(f"เฉพาะ{scope.area_name.split(' จังหวัด')[0]}")
    columns = [
        Column("ที่", "number", 5),
        Column("รหัส", "text", 7),
        Column("จังหวัด", "text", 20),
        Column("อำเภอที่มีข้อมูล", "count", 12),
        Column(LISTED, "count", 13),
        Column(REPORTED, "count", 13),
        _money("ในประเทศ (บาท)"),
        _money("ต่างประเทศ (บาท)"),
        _money("รวม (บาท)"),
        Column("เดือนที่จังหวัดยืนยันแล้ว", "text", 22),
    ]
    rows = [
        [
            n,
            code,
            name,
            count,
            s.listed,
            s.reported,
            s.domestic,
            s.export,
            s.total,
            months_text(sorted(confirmed)) if confirmed else "ยังไม่มี",
        ]
        for n, (code, name, s, count, confirmed) in enumerate(_province_rows(session, scope), 1)
    ]
    return _report(export, scope, columns, [Sheet("รายจังหวัด", rows)], notes, label_columns=3)


def build_domestic_export(export, session, scope: Scope, **_) -> Report:
    """Per province (a district's report: the district's own row, named so): domestic against export sales,
    each with its share of the area's total."""
    notes, _ = _confirmation_notes(session, scope)
    district = next(iter(_names(session, District, {scope.prefix}).items()), None) if len(scope.prefix) == 4 else None
    columns = [
        Column("ที่", "number", 5),
        Column("รหัส", "text", 7),
        Column("อำเภอ" if district else "จังหวัด", "text", 20),
        _money("ยอดจำหน่ายในประเทศ (บาท)"),
        Column("ร้อยละในประเทศ", "share", 12, (3, 7)),
        _money("ยอดจำหน่ายต่างประเทศ (บาท)"),
        Column("ร้อยละต่างประเทศ", "share", 12, (5, 7)),
        _money("รวม (บาท)"),
    ]
    rows = [
        [n, *(district or (code, name)), s.domestic, None, s.export, None, s.total]
        for n, (code, name, s, _, _) in enumerate(_province_rows(session, scope, counted=False), 1)
    ]
    return _report(export, scope, columns, [Sheet("ในประเทศ-ต่างประเทศ", rows)], notes, label_columns=3)


def _project_rows(session, scope: Scope, province_codes) -> Iterator[list]:
    """Each entrepreneur on the period's lists in these provinces, in area and Thai name order."""
    labels = (
        Province.name_th,
        District.name_th,
        Tambon.name_th,
        Entrepreneur.name,
        Entrepreneur.otop_code,
        Entrepreneur.main_product,
        ProductType.name_th,
        EntrepreneurType.name_th,
    )
    query = select(*labels, *(func.coalesce(func.sum(getattr(MonthlySale, f)), 0) for f in AMOUNT_FIELDS)).select_from(
        MonthlySale
    )
    query = figures.restrict(query, scope)
    query = (
        query.join(Tambon, Tambon.code == Entrepreneur.tambon_code)
        .join(District, District.code == Tambon.district_code)
        .join(Province, Province.code == District.province_code)
        .join(ProductType, ProductType.id == Entrepreneur.product_type_id)
        .join(EntrepreneurType, EntrepreneurType.id == Entrepreneur.entrepreneur_type_id)
        .where(Province.code.in_(province_codes))
        .group_by(Entrepreneur.id, *labels)
        .order_by(Entrepreneur.tambon_code, Entrepreneur.name_key, Entrepreneur.id)
    )
    for row in session.execute(query).yield_per(5000):
        amounts = [int(v) for v in row[8:]]
        yield [None, *row[:4], row[4] or "", row[5] or "", row[6], row[7], *amounts, sum(amounts)]


def _sheet_groups(counts: dict[str, int], limit: int) -> list[list[str]]:
    """Provinces packed in code order into sheets of at most `limit` rows; a province never splits unless
    it alone passes the limit (then its rows continue on the next sheet)."""
    groups: list[list[str]] = [[]]
    used = 0
    for code in sorted(counts):
        if groups[-1] and used + counts[code] > limit:
            groups.append([])
            used = 0
        groups[-1].append(code)
        used += counts[code]
    return [group for group in groups if group]


PROJECT_TEXTS = (
    ("จังหวัด", 12),
    ("อำเภอ", 12),
    ("ตำบล", 12),
    ("ชื่อผู้ประกอบการ/กลุ่ม", 24),
    ("รหัส OTOP", 12),
    ("ผลิตภัณฑ์หลัก", 16),
    ("ประเภทผลิตภัณฑ์", 16),
    ("ประเภทผู้ประกอบการ", 18),
)  # heading, least width


def _longest(session, scope: Scope, column, count: int = 20) -> list[str]:
    """The longest texts of an entrepreneurs' column in the scope's area (the widest is among them)."""
    query = (
        select(column)
        .where(code_range(scope.prefix), column.is_not(None))
        .group_by(column)
        .order_by(func.length(column).desc())
        .limit(count)
    )
    return list(session.scalars(query))


def _project_texts(session, scope: Scope, province_names) -> dict[str, list[str]]:
    """Per text column of `project`, the texts its width is measured over: the area's names of districts
    and tambons, every product and entrepreneur type, the longest names, codes and products."""
    in_area = lambda model: select(model.name_th).where(model.code.startswith(scope.prefix))  # noqa: E731
    return {
        "จังหวัด": list(province_names),
        "อำเภอ": list(session.scalars(in_area(District))),
        "ตำบล": list(session.scalars(in_area(Tambon))),
        "ชื่อผู้ประกอบการ/กลุ่ม": _longest(session, scope, Entrepreneur.name),
        "รหัส OTOP": _longest(session, scope, Entrepreneur.otop_code),
        "ผลิตภัณฑ์หลัก": _longest(session, scope, Entrepreneur.main_product),
        "ประเภทผลิตภัณฑ์": list(session.scalars(select(ProductType.name_th))),
        "ประเภทผู้ประกอบการ": list(session.scalars(select(EntrepreneurType.name_th))),
    }


def build_project(export, session, scope: Scope, sheet_rows: int | None = None, **_) -> Report:
    """Every entrepreneur on the period's lists with area, type and the four channels; big areas stream,
    split by province over sheets that stay under Excel's row limit."""
    notes, _ = _confirmation_notes(session, scope)
    counts = {key[0]: sums.listed for key, sums in figures.sums_by(session, scope, "province").items()}
    names = _names(session, Province, set(counts))
    texts = _project_texts(session, scope, names.values())
    columns = [
        Column("ที่", "number", 7),
        *(Column(heading, "text", column_width(texts[heading], least=least)) for heading, least in PROJECT_TEXTS),
        *_channel_columns(),
    ]
    limit = sheet_rows or EXCEL_ROWS - 20  # the headings and the total take the rest
    groups = _sheet_groups(counts, limit) or [[]]
    sheets = []
    for number, group in enumerate(groups, 1):
        caption = "" if len(groups) == 1 else f"แผ่นที่ {number}: จังหวัด" + ", ".join(names[c] for c in group)
        sheets.append(
            Sheet(
                "รายผู้ประกอบการ" if len(groups) == 1 else f"ชุดที่ {number}",
                _numbered(_project_rows(session, scope, group)),
                caption,
            )
        )
    return _report(export, scope, columns, sheets, notes, label_columns=9, row_count=sum(counts.values()))


def _numbered(rows: Iterator[list]) -> Iterator[list]:
    for number, row in enumerate(rows, 1):
        row[0] = number
        yield row


def build_so3(export, session, scope: Scope, **_) -> Report:
    """สอ.๓: per product type, lists, figures, domestic, export, total and its share."""
    types = session.execute(select(ProductType.id, ProductType.name_th).order_by(ProductType.id)).all()
    sums = figures.sums_by(session, scope, "product_type")
    notes, _ = _confirmation_notes(session, scope)
    columns = [
        Column("ที่", "number", 5),
        Column("ประเภทผลิตภัณฑ์", "text", 32),
        Column(LISTED, "count", 13),
        Column(REPORTED, "count", 13),
        _money("ในประเทศ (บาท)"),
        _money("ต่างประเทศ (บาท)"),
        _money("รวม (บาท)"),
        Column("ร้อยละของยอดรวม", "share", 12, (6, None)),
    ]
    rows = [
        [n, name, s.listed, s.reported, s.domestic, s.export, s.total, None]
        for n, (type_id, name) in enumerate(types, 1)
        for s in [sums.get((type_id,), figures.NO_SALES)]
    ]
    return _report(export, scope, columns, [Sheet("สอ.3 ตามประเภท", rows)], notes)


def build_so4(export, session, scope: Scope, **_) -> Report:
    """สอ.๔: per district of the area (every district of every province at the department)."""
    query = select(District.code, District.name_th, Province.name_th).join(
        Province, Province.code == District.province_code
    )
    if scope.prefix:
        query = query.where(District.code.startswith(scope.prefix))
    districts = session.execute(query.order_by(District.code)).all()
    sums = figures.sums_by(session, scope, "district")
    notes, _ = _confirmation_notes(session, scope)
    columns = [
        Column("ที่", "number", 5),
        Column("จังหวัด", "text", 16),
        Column("รหัส", "text", 7),
        Column("อำเภอ", "text", 20),
        Column(LISTED, "count", 13),
        Column(REPORTED, "count", 13),
        _money("ในประเทศ (บาท)"),
        _money("ต่างประเทศ (บาท)"),
        _money("รวม (บาท)"),
        Column("ร้อยละของยอดรวม", "share", 12, (8, None)),
    ]
    rows = [
        [n, province, code, name, s.listed, s.reported, s.domestic, s.export, s.total, None]
        for n, (code, name, province) in enumerate(districts, 1)
        for s in [sums.get((code,), figures.NO_SALES)]
    ]
    return _report(export, scope, columns, [Sheet("สอ.4 รายอำเภอ", rows)], notes, label_columns=4)


EXPORTS = (
    Export("overview", "แบบสรุปภาพรวมรายงานยอดจำหน่ายสินค้า OTOP (จังหวัด)", build_overview),
    Export("monthly-types", "แบบสรุปภาพรวมรายงานยอดจำหน่ายสินค้า OTOP (รายเดือน แยกตามประเภทผลิตภัณฑ์)", build_monthly_types),
    Export(
        "monthly-channels",
        "แบบสรุปภาพรวมรายงานยอดจำหน่ายสินค้า OTOP (รายเดือน แยกตามการขายในประเทศ/ต่างประเทศ ออนไลน์/ออฟไลน์)",
        build_monthly_channels,
    ),
    Export("provinces", "แบบสรุปรายงานยอดจำหน่ายสินค้า OTOP (รายจังหวัด)", build_provinces),
    Export("domestic-export", "แบบรายงานเปรียบเทียบยอดจำหน่ายในประเทศและต่างประเทศ (รายจังหวัด)", build_domestic_export),
    Export("project", "แบบรายงานผลการจำหน่ายสินค้าโครงการหนึ่งตำบล หนึ่งผลิตภัณฑ์", build_project),
    Export("so3", "แบบรายงานข้อมูลผลการจำหน่ายสินค้าหนึ่งตำบล หนึ่งผลิตภัณฑ์ แยกตามประเภทผลิตภัณฑ์ (สอ.๓)", build_so3),
    Export("so4", "แบบรายงานข้อมูลผลการจำหน่ายสินค้าหนึ่งตำบล หนึ่งผลิตภัณฑ์ รายอำเภอ (สอ.๔)", build_so4),
)
BY_NAME = {export.name: export for export in EXPORTS}


def find_export(name: str) -> Export:
    """The export of this name, or a Thai refusal listing the names."""
    if name not in BY_NAME:
        raise InvalidInput(f"ไม่มีรายงานชื่อ “{name}” รายงานที่มี: {', '.join(BY_NAME)}")
    return BY_NAME[name]


def build_report(
    *,
    uow,
    user: UserInfo,
    name: str,
    fiscal_year: int,
    month: int | None = None,
    area_code: str | None = None,
    sheet_rows: int | None = None,
) -> Report:
    """An export of the user's area (or a district of it) for a fiscal year or one of its months."""
    export = find_export(name)
    scope = figures.scope_for(uow, user, fiscal_year, month, area_code)
    summary.refresh(uow)
    return export.build(export, uow.session, scope, sheet_rows=sheet_rows)

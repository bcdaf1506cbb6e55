"""The targets table as an Excel workbook in the letter's layout: Thai headings, baht with thousands
separators, the รวม row, achievement beside the targets, A4 landscape."""

from decimal import Decimal
from pathlib import Path

from otop_desktop.core.files import check_output_path, save_workbook, write_output
from otop_desktop.core.users import UserInfo
from otop_desktop.services import areas
from otop_desktop.services.sheet_text import put
from otop_desktop.services.targets.rule import TargetLine, TargetTable, target_table
from otop_desktop.services.thai import THAI_MONTHS, calendar_year_be

TIER_FILLS = ("FFEBEE", "FFF8E1", "E8F5E9", "C8E6C9")  # none reached, ขั้นต้น, ขั้นมาตรฐาน, ขั้นสูง
FONT = "TH SarabunPSK"  # the government's standard Thai font; offices have it
# Under every table of targets (the tab, the command line, the workbook): why the total row's monthly need is not
# its column's sum (achievement_of rounds each up to the satang; the total nets the districts over their tier
# against those under it).
NEED_NOTE = (
    "ยอดที่ต้องขายต่อเดือนปัดขึ้นเป็นสตางค์ แถวรวมคิดจากยอดรวมของอำเภอที่มีเป้าหมาย "
    "(ยอดที่อำเภอหนึ่งขายเกินนับรวมกับยอดที่อำเภออื่นขาด) จึงอาจไม่เท่าผลบวกของแต่ละอำเภอ"
)


def round_period(fiscal_year: int, round_no: int) -> str:
    """'เดือนตุลาคม 2567 - มีนาคม 2568' for round 1 of fiscal year 2568."""
    last = 3 if round_no == 1 else 9
    return f"เดือน{THAI_MONTHS[9]} {calendar_year_be(fiscal_year, 10)} - {THAI_MONTHS[last - 1]} {fiscal_year}"


def headings(table: TargetTable) -> list[str]:
    """The column headings, as the letter prints them, then achievement."""
    settings, year = table.settings, table.settings.fiscal_year
    tiers = [
        f"ค่าเป้าหมาย{name} ปี {year} (เพิ่มขึ้น {pct}%)"
        for name, pct in zip(("ขั้นต้น", "ขั้นมาตรฐาน", "ขั้นสูง"), settings.percents)
    ]
    return [
        "ที่",
        "อำเภอ",
        f"ยอดจำหน่าย OTOP ปี {settings.base_year}",
        f"ปรับลดยอดจำหน่าย OTOP ปี {settings.base_year}",
        f"ยอดจำหน่าย OTOP รอบประเมินที่ {table.round_no}",
        *tiers,
        "ยอดจำหน่ายจริง",
        "ระดับที่ได้",
        "ขาดอีกทั้งรอบ (ถึงขั้นถัดไป)",  # the whole round's next tier, whatever the pro-rated one shown
        "ต้องขายต่อเดือน (ขั้นต้น)",
        "ต้องขายต่อเดือน (ขั้นมาตรฐาน)",
        "ต้องขายต่อเดือน (ขั้นสูง)",
    ]


def _baht(satang: int | None) -> Decimal | None:
    return None if satang is None else Decimal(satang) / 100


def line_values(number: str, line: TargetLine) -> list:
    """One row of figures in baht (Decimal), as the tab and the workbook show it."""
    figures, done = line.figures, line.achievement
    targets = [None] * 5 if figures is None else [figures.adjusted, figures.round_base, *figures.tiers]
    achievement = (
        [line.actual, None, None, None, None, None]
        if done is None
        else [done.actual, done.tier_name, done.gap_to_next, *done.monthly_needed]
    )
    money = [_baht(v) for v in (line.base, *targets)]
    return [
        number,
        line.district_name,
        *money,
        _baht(achievement[0]),
        achievement[1],
        *(_baht(v) if not isinstance(v, str) else v for v in achievement[2:]),
    ]


def save_targets_workbook(*, uow, user: UserInfo, fiscal_year: int, round_no: int, path: Path | str) -> Path:
    """The user's province's targets of a year and round as the letter's Excel workbook; returns its path."""
    table = target_table(uow=uow, user=user, fiscal_year=fiscal_year, round_no=round_no)
    province_name = areas.describe_area(uow=uow, area_code=user.province_code).removeprefix("จังหวัด")
    return export_targets(table, path, province_name)


def export_targets(table: TargetTable, path: Path | str, province_name: str) -> Path:
    """Write the table to an .xlsx file and return its path."""
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
    from openpyxl.utils import get_column_letter

    check_output_path(path, (".xlsx",))
    book = Workbook()
    sheet = book.active
    sheet.title = f"รอบที่ {table.round_no}"
    titles = [
        "เป้าหมายตัวชี้วัดรายได้จากการจำหน่ายผลิตภัณฑ์ชุมชน OTOP",
        f"ประจำปีงบประมาณ พ.ศ. {table.settings.fiscal_year} "
        f"({round_period(table.settings.fiscal_year, table.round_no)}) "
        f"รอบการประเมินที่ {table.round_no}",
        f"จังหวัด{province_name}",
    ]
    columns = headings(table)
    for row, title in enumerate(titles, 1):
        put(sheet, row, 1, title).font = Font(name=FONT, size=16, bold=True)
        sheet.merge_cells(start_row=row, start_column=1, end_row=row, end_column=len(columns))
        sheet.cell(row, 1).alignment = Alignment(horizontal="center")
        sheet.row_dimensions[row].height = 26
    thin = Side(style="thin")
    border = Border(left=thin, right=thin, top=thin, bottom=thin)
    for column, text in enumerate(columns, 1):
        cell = put(sheet, 4, column, text)
        cell.font = Font(name=FONT, size=14, bold=True)
        cell.alignment = Alignment(horizontal="center", vertical="center", wrap_text=True)
        cell.border = border
    sheet.row_dimensions[4].height = 84
    for row, (number, line) in enumerate(table.numbered, 5):
        fill = PatternFill("solid", fgColor=TIER_FILLS[line.achievement.shown_tier]) if line.achievement else None
        sheet.row_dimensions[row].height = 24  # Thai upper and lower vowels need the room
        for column, value in enumerate(line_values(number, line), 1):
            if column == 1:
                value = int(number) if number else None  # ที่: a number, as in every workbook
            cell = put(sheet, row, column, value)
            cell.font = Font(name=FONT, size=14, bold=line is table.total)
            cell.border = border
            if isinstance(value, Decimal):
                cell.number_format = "#,##0.00"
            if fill is not None and column >= 9:
                cell.fill = fill
    if table.total is not None and table.total.achievement is not None:
        below = 5 + len(table.numbered) + 1
        put(sheet, below, 1, f"หมายเหตุ: {NEED_NOTE}").font = Font(name=FONT, size=14)
    widths = [5, 20, 17, 17, 17, 17, 17, 17, 17, 14, 16, 16, 16, 16]
    for column, width in enumerate(widths, 1):
        sheet.column_dimensions[get_column_letter(column)].width = width
    sheet.page_setup.orientation = "landscape"
    sheet.page_setup.paperSize = sheet.PAPERSIZE_A4
    sheet.page_setup.fitToWidth, sheet.page_setup.fitToHeight = 1, 0
    sheet.sheet_properties.pageSetUpPr.fitToPage = True
    sheet.print_title_rows = "4:4"
    return write_output(path, lambda temporary: save_workbook(book, temporary))

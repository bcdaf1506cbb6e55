"""แบบ จต.๒: a district's month of OTOP sales as the paper the district certifies and signs. One row per
entrepreneur grouped by tambon, a subtotal per tambon, the district total in figures and in Thai words,
the certification line and the signature blocks; A4 landscape with the margins of Thai official
documents (left 3 cm, right 2 cm); the heading repeated on every page; 'หน้า x/y'."""

from dataclasses import dataclass, replace
from datetime import datetime
from pathlib import Path

from reportlab.lib.pagesizes import A4, landscape

from otop_desktop.core.errors import InvalidInput
from otop_desktop.core.files import check_output_path, write_output
from otop_desktop.core.users import UserInfo
from otop_desktop.services import access, areas, entry
from otop_desktop.services.forms import thai_pdf
from otop_desktop.services.forms.completeness import check_complete, entered_of_expected, month_entry, paper_text
from otop_desktop.services.forms.document_info import district_forms_info
from otop_desktop.services.forms.jt2_pdf import FORM_NAME, TITLE, draw_form, draw_summary
from otop_desktop.services.forms.signatories import SignatoryInfo, get_signatories
from otop_desktop.services.forms.verify import PrintedFigure, new_code, record_print
from otop_desktop.services.money import sum_amounts
from otop_desktop.services.periods import check_month_at_end, check_period
from otop_desktop.services.thai import FISCAL_MONTHS, THAI_MONTHS, calendar_year_be, month_label, now_utc, sort_key

AMOUNT_HEADINGS = tuple(channel.replace(" ", "\n") for channel in entry.CHANNELS)


@dataclass(frozen=True)
class Jt2Line:
    """One entrepreneur's row."""

    number: int
    name: str
    product_type: str
    amounts: tuple
    total: int
    entrepreneur_id: int = 0


@dataclass(frozen=True)
class Jt2Tambon:
    """A tambon's rows and their subtotal."""

    name: str
    lines: tuple[Jt2Line, ...]
    totals: tuple  # per column; None where no row has a figure
    total: int


@dataclass(frozen=True)
class Jt2Form:
    """What one จต.๒ prints: the office, the period, the rows and the totals."""

    district_code: str
    district_name: str
    province_name: str
    fiscal_year: int
    months: tuple[int, ...]  # one month, or the three of a quarter
    tambons: tuple[Jt2Tambon, ...]
    totals: tuple
    total: int
    printed_at: datetime
    signatories: tuple = ()  # SignatoryInfo of the district, those that are set
    headings: tuple[str, ...] = AMOUNT_HEADINGS  # of the value columns: the four channels, or the quarter's months
    figures: tuple = ()  # PrintedFigure per entrepreneur-month, what the verification code covers
    entries: tuple = ()  # MonthEntry per month: how many of its entrepreneurs have figures

    @property
    def quarter(self) -> int | None:
        """The fiscal quarter (1 = October–December) when the form covers one."""
        return FISCAL_MONTHS.index(self.months[0]) // 3 + 1 if len(self.months) == 3 else None

    @property
    def period_text(self) -> str:
        """'ประจำเดือนสิงหาคม 2569', or 'ประจำไตรมาสที่ 1 ปีงบประมาณ 2569 (ตุลาคม 2568 - ธันวาคม 2568)'."""
        if self.quarter is None:
            return f"ประจำเดือน{month_label(self.fiscal_year, self.months[0])}"
        return (
            f"ประจำไตรมาสที่ {self.quarter} ปีงบประมาณ {self.fiscal_year} "
            f"({month_label(self.fiscal_year, self.months[0])} - {month_label(self.fiscal_year, self.months[-1])})"
        )


def _column_totals(rows) -> tuple:
    """Each column's sum; None (printed '-') where no row has a figure in it."""
    width = len(rows[0]) if rows else 4
    columns = [[row[i] for row in rows if row[i] is not None] for i in range(width)]
    return tuple(sum(column) if column else None for column in columns)


def quarter_months(quarter: int) -> tuple[int, int, int]:
    """The calendar months of a fiscal quarter (checked by check_period first): 1 → (10, 11, 12), 2 → (1, 2, 3), …"""
    return tuple(FISCAL_MONTHS[(quarter - 1) * 3 : quarter * 3])


def jt2_form(
    *, uow, user: UserInfo, district_code: str, fiscal_year: int, month: int | None = None, quarter: int | None = None
) -> Jt2Form:
    """The figures of a district's month (the four channels), or of a fiscal quarter (each month's total
    and the quarter's), as the form prints them."""
    check_period(fiscal_year, month, quarter=quarter)
    if not (district_code and len(district_code) == 4 and district_code.isdigit()):
        raise InvalidInput(f"แบบ จต.๒ เป็นของอำเภอ: กรุณาระบุรหัสอำเภอ 4 หลัก (ได้รับ {district_code})")
    if (month is None) == (quarter is None):
        raise InvalidInput("กรุณาระบุเดือนหรือไตรมาสอย่างใดอย่างหนึ่ง")
    access.check(user, access.Action.VIEW, district_code)
    months = (month,) if quarter is None else quarter_months(quarter)
    for m in months:  # a month not yet at its end has nothing to certify yet
        check_month_at_end(fiscal_year, m, action=f"พิมพ์{FORM_NAME} เพื่อรับรองยอดของเดือนนี้")
    sheets = [
        entry.load_month(uow=uow, user=user, fiscal_year=fiscal_year, month=m, district_code=district_code)
        for m in months
    ]
    described = areas.describe_area(uow=uow, area_code=district_code)  # 'อำเภอวารินชำราบ จังหวัดอุบลราชธานี'
    district_name, _, province_name = described.partition(" จังหวัด")
    people = {}  # entrepreneur id → its row (the latest month's name and tambon), in the sheets' order
    for sheet in sheets:
        for row in sheet.rows:
            people[row.entrepreneur_id] = row
    order = sorted(people.values(), key=lambda row: (row.tambon_code, sort_key(row.name), row.entrepreneur_id))
    by_month = [{row.entrepreneur_id: row.amounts for row in sheet.rows} for sheet in sheets]
    figures = tuple(
        PrintedFigure(row.entrepreneur_id, row.name, m, tuple(amounts))
        for m, rows in zip(months, by_month)
        for row in order
        if (amounts := rows.get(row.entrepreneur_id))
    )

    def values(row) -> tuple:
        if quarter is None:
            return tuple(row.amounts)
        return tuple(
            sum_amounts(rows[row.entrepreneur_id]) if row.entrepreneur_id in rows else None for rows in by_month
        )

    tambons, number = [], 0
    for tambon_code in dict.fromkeys(row.tambon_code for row in order):
        rows = [row for row in order if row.tambon_code == tambon_code]
        lines = []
        for row in rows:
            number += 1
            shown = values(row)
            lines.append(Jt2Line(number, row.name, row.product_type, shown, sum_amounts(shown), row.entrepreneur_id))
        totals = _column_totals([line.amounts for line in lines])
        tambons.append(Jt2Tambon(rows[0].tambon_name, tuple(lines), totals, sum_amounts(totals)))
    totals = _column_totals([line.amounts for tambon in tambons for line in tambon.lines])
    headings = (
        AMOUNT_HEADINGS
        if quarter is None
        else tuple(f"{THAI_MONTHS[m - 1]}\n{calendar_year_be(fiscal_year, m)}" for m in months)
    )
    signatories = get_signatories(uow=uow, user=user, area_code=district_code)
    if "prepares" not in signatories and user.district_code == district_code and user.display_name.strip():
        # The district's own officer printing its form prepared it; a province printing a district's form did not.
        signatories["prepares"] = SignatoryInfo("prepares", user.display_name.strip(), user.position.strip())
    name = district_name.removeprefix("อำเภอ")
    entries = tuple(month_entry(uow.session, district_code, name, sheet) for sheet in sheets)
    return Jt2Form(
        district_code,
        name,
        province_name,
        fiscal_year,
        months,
        tuple(tambons),
        totals,
        sum_amounts(totals),
        now_utc(),
        tuple(signatories.values()),
        headings,
        figures,
        entries,
    )


def render_jt2(form: Jt2Form, path: Path | str, *, thai_digits: bool = True, code: str | None = None) -> Path:
    """Write the form as a PDF and return its path; with `code`, each page carries it and its QR code."""
    return render_forms([(form, code)], path, thai_digits=thai_digits, title=_title(form))


def render_forms(
    forms, path: Path | str, *, thai_digits: bool = True, title: str = FORM_NAME, empty: tuple | None = None
) -> Path:
    """Several forms, each with its own pages and code, in one PDF; with `empty` (a province's print: the forms of
    the districts that had nothing to print), the province's summary page after them."""
    return write_output(path, lambda temporary: _draw_pdf(forms, temporary, thai_digits, title, empty))


def _title(form: Jt2Form) -> str:
    return f"{FORM_NAME} อำเภอ{form.district_name} {form.period_text}"


def _draw_pdf(forms, temporary: Path, thai_digits: bool, title: str, empty: tuple | None = None) -> None:
    """Draw the forms into the writer's temporary file; a province's (`empty` given) with its summary page."""
    canvas = thai_pdf.new_canvas(temporary, landscape(A4), district_forms_info(FORM_NAME, title, forms, TITLE))
    for form, code in forms:
        draw_form(canvas, form, thai_digits, code)
    if empty is not None:
        printed = [form for form, _ in forms]
        skipped = tuple(form.district_name for form in empty)
        draw_summary(canvas, province_summary(printed, empty), thai_digits, len(printed), skipped)
    canvas.save()


def province_summary(forms: list[Jt2Form], empty=()) -> Jt2Form:
    """The districts' forms summed as a form of the province whose lines are the districts (what its summary
    page prints), every district in code order, those with nothing to print too (their amounts '-'): each one's
    column totals and total, and its entrepreneurs entered of those expected ('88/98', as the forms and the lock
    panel count them; over a quarter's months, entrepreneur-months)."""
    every = sorted([*forms, *empty], key=lambda form: form.district_code)
    printed = {id(form) for form in forms}
    lines = tuple(
        Jt2Line(
            n,
            form.district_name,
            entered_of_expected(form.entries),
            form.totals if id(form) in printed else (None,) * len(form.headings),
            form.total if id(form) in printed else None,
        )
        for n, form in enumerate(every, 1)
    )
    totals = _column_totals([form.totals for form in forms])
    total = sum(form.total for form in forms)
    return replace(
        forms[0],
        district_code="",
        district_name="",
        tambons=(Jt2Tambon("", lines, totals, total),),
        totals=totals,
        total=total,
        signatories=(),
        figures=(),
        entries=tuple(entry for form in every for entry in form.entries),
    )


@dataclass(frozen=True)
class Printed:
    """A printed form: where it was written and its verification code."""

    path: Path
    code: str
    title: str


def _recorded(form: Jt2Form) -> dict:
    """What a print of the form records beside its code."""
    return {
        "form": "jt2",
        "area_code": form.district_code,
        "fiscal_year": form.fiscal_year,
        "months": list(form.months),
        "figures": list(form.figures),
        "completeness": paper_text(form.entries) or None,
    }


def print_jt2(
    *,
    uow,
    user: UserInfo,
    district_code: str,
    fiscal_year: int,
    path: Path | str,
    month: int | None = None,
    quarter: int | None = None,
    thai_digits: bool = True,
    incomplete_ok: bool = False,
) -> Printed:
    """Print a district's month or quarter: the PDF, with a code of its own recorded with exactly its figures.
    A month not completely entered prints only with `incomplete_ok` (the officer confirmed), and says so.
    The file appears under its name only once it is whole."""
    check_output_path(path, (".pdf",))
    form = jt2_form(
        uow=uow, user=user, district_code=district_code, fiscal_year=fiscal_year, month=month, quarter=quarter
    )
    _refuse_unlisted(form)  # said first: asking to print it incomplete would only lead here
    check_complete(form.entries, FORM_NAME, incomplete_ok)
    code = new_code(uow=uow)
    path = write_output(
        path,
        lambda temporary: _draw_pdf([(form, code)], temporary, thai_digits, _title(form)),
        lambda: record_print(uow=uow, user=user, code=code, **_recorded(form)),
    )
    return Printed(path, code, _title(form))


def _refuse_unlisted(form: Jt2Form) -> None:
    """A form of no rows would certify nothing (the province's print skips such districts): refused in Thai."""
    if not form.figures:
        raise InvalidInput(
            f"{form.district_name} ยังไม่มีรายชื่อผู้ประกอบการของช่วงเวลานี้ จึงไม่มี{FORM_NAME} ให้พิมพ์"
            " กรุณากด “Sync ข้อมูล” หรือเพิ่มผู้ประกอบการ แล้วกรอกยอดก่อน"
        )


def ready_jt2(
    *,
    uow,
    user: UserInfo,
    district_code: str,
    fiscal_year: int,
    month: int | None = None,
    quarter: int | None = None,
    thai_digits: bool = True,
) -> None:
    """Refuse a district's period print_jt2 would refuse for having no entrepreneur listed, before the officer
    is asked where to save it (a district's month: a blink's read)."""
    _refuse_unlisted(
        jt2_form(uow=uow, user=user, district_code=district_code, fiscal_year=fiscal_year, month=month, quarter=quarter)
    )


def preview_jt2(
    *,
    uow,
    user: UserInfo,
    district_code: str,
    fiscal_year: int,
    path: Path | str,
    month: int | None = None,
    quarter: int | None = None,
    thai_digits: bool = True,
) -> Path:
    """The form as it will print, for the screen: nothing is recorded and it carries no verification code. A period
    with no entrepreneur listed is refused as its print is, not drawn as an empty form."""
    form = jt2_form(
        uow=uow, user=user, district_code=district_code, fiscal_year=fiscal_year, month=month, quarter=quarter
    )
    _refuse_unlisted(form)
    return render_jt2(form, path, thai_digits=thai_digits)


@dataclass(frozen=True)
class ProvincePrint:
    """A province's forms for a period in one PDF: which districts it holds, and each one's code."""

    path: Path
    codes: dict  # district code → verification code
    skipped: tuple[str, ...]  # districts with no entrepreneur listed for the period
    incomplete: tuple = ()  # MonthEntry of the printed districts' months not completely entered (confirmed)


def _province_forms(uow, user: UserInfo, fiscal_year: int, month, quarter, progress, cancelled):
    access.check(user, access.Action.VIEW, user.province_code)
    districts = areas.list_districts(uow=uow, user=user)
    forms, skipped, unentered, empty = [], [], [], []
    for done, district in enumerate(districts):
        if cancelled and cancelled():
            raise InvalidInput("ยกเลิกแล้ว ยังไม่ได้บันทึกไฟล์และไม่ได้บันทึกการพิมพ์")
        if progress:
            progress(done, len(districts) + 1)
        form = jt2_form(
            uow=uow, user=user, district_code=district.code, fiscal_year=fiscal_year, month=month, quarter=quarter
        )
        if form.figures:
            forms.append(form)
        else:  # nothing to print; its entrepreneurs still count as not entered in the officer's question
            skipped.append(district.name)
            empty.append(form)
            unentered.extend(entry for entry in form.entries if not entry.complete)
    if not forms:
        raise InvalidInput("ยังไม่มีอำเภอใดมีรายชื่อผู้ประกอบการของช่วงเวลานี้ จึงไม่มีแบบให้พิมพ์")
    return forms, skipped, tuple(unentered), tuple(empty)


def print_province_jt2(
    *,
    uow,
    user: UserInfo,
    fiscal_year: int,
    path: Path | str,
    month: int | None = None,
    quarter: int | None = None,
    thai_digits: bool = True,
    progress=None,
    cancelled=None,
    incomplete_ok: bool = False,
) -> ProvincePrint:
    """Every district's จต.๒ of the province for a month or quarter, one form after another in one PDF,
    each recorded with its own code; districts not completely entered only with `incomplete_ok`. Cancelled
    while the forms are gathered, nothing is recorded or written."""
    check_period(fiscal_year, month, quarter=quarter)
    check_output_path(path, (".pdf",))
    forms, skipped, unentered, empty = _province_forms(uow, user, fiscal_year, month, quarter, progress, cancelled)
    incomplete = tuple(entry for form in forms for entry in form.entries if not entry.complete)
    check_complete(incomplete + unentered, f"{FORM_NAME} ทุกอำเภอ", incomplete_ok)
    recorded = {form.district_code: _recorded(form) for form in forms}
    codes = {district: new_code(uow=uow) for district in recorded}
    if progress:
        progress(len(forms) + len(skipped), len(forms) + len(skipped) + 1)

    def record_all() -> None:  # every district's print, or none: one commit (a server that fails half-way)
        for district, record in recorded.items():
            record_print(uow=uow, user=user, code=codes[district], commit=False, **record)
        uow.commit()

    path = write_output(
        path,
        lambda temporary: _draw_pdf(
            [(form, codes[form.district_code]) for form in forms],
            temporary,
            thai_digits,
            f"{FORM_NAME} ทุกอำเภอ {forms[0].period_text}",
            empty,
        ),
        record_all,
    )
    return ProvincePrint(path, codes, tuple(skipped), incomplete)


def preview_province_jt2(
    *,
    uow,
    user: UserInfo,
    fiscal_year: int,
    path: Path | str,
    month: int | None = None,
    quarter: int | None = None,
    thai_digits: bool = True,
    progress=None,
    cancelled=None,
) -> Path:
    """The province's forms as they will print, for the screen: nothing recorded, no codes."""
    check_period(fiscal_year, month, quarter=quarter)
    forms, _, _, empty = _province_forms(uow, user, fiscal_year, month, quarter, progress, cancelled)
    return render_forms([(form, None) for form in forms], path, thai_digits=thai_digits, empty=empty)

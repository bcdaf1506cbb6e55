"""Taking in a printed target table (attachments 1 and 2 of the letter) from CSV or Excel: reading it,
matching its district names to official districts, checking every cell against the year's rule and
the total row against the rows, and saving only what the officer chose."""

import csv
import difflib
import re
import statistics
import zipfile
import zlib
from dataclasses import dataclass, replace
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation
from pathlib import Path

from sqlalchemy import select

from otop_desktop.core.errors import InvalidInput, OtopError
from otop_desktop.core.files import check_input_path
from otop_desktop.core.users import UserInfo
from otop_desktop.models import District, DistrictBase, PrintedTarget
from otop_desktop.services import areas
from otop_desktop.services.audit import AuditNote, record
from otop_desktop.services.money import MAX_BASE_SATANG, format_baht, parse_amount
from otop_desktop.services.targets.rule import (
    TIER_NAMES,
    Settings,
    _check_manager,
    _save_base,
    compute_round,
    exact_round,
    get_settings,
)
from otop_desktop.services.thai import now_utc

COLUMNS = ("base", "adjusted", "round_base", "basic", "standard", "high")
COLUMN_NAMES = {
    "base": "ยอดจำหน่ายปีฐาน",
    "adjusted": "ปรับลดยอดจำหน่าย",
    "round_base": "ยอดจำหน่ายรอบประเมิน",
    **dict(zip(("basic", "standard", "high"), (f"ค่าเป้าหมาย{name}" for name in TIER_NAMES))),
}
# Printed tables are in whole baht, rounded or cut: a cell within 1 baht of the exact rule agrees.
TOLERANCE = 100
MAX_ROWS = 1000
CONFIDENT = 0.75
# Below it a printed name is no district's: refused, never matched, whatever the officer accepts (a row "XYZ
# garbage" went to น้ำขุ่น at 0 %, and a district printed twice sent its second row to another at 42 %).
MATCH_FLOOR = 0.5


@dataclass(frozen=True)
class PrintedRow:
    """One row of a printed table: its number, the district as printed, a code if the file gives one, figures."""

    row_no: str
    name: str
    code_hint: str | None
    values: dict[str, int]


@dataclass(frozen=True)
class PrintedTable:
    """The rows of a printed table and its รวม row."""

    source: str
    rows: tuple[PrintedRow, ...]
    total: PrintedRow | None
    rounded: tuple[str, ...] = ()  # where a spreadsheet's number had more than satang and was rounded


@dataclass(frozen=True)
class Match:
    """A printed row matched to an official district, with how sure the match is."""

    row_no: str
    printed_name: str
    district_code: str
    district_name: str
    score: float
    by_code: bool
    last_left: bool = False  # the one district left for the one row left, however unlike their names

    @property
    def needs_confirmation(self) -> bool:
        """A weak match the officer must look at."""
        return self.score < CONFIDENT

    @property
    def how(self) -> str:
        """'รหัสในไฟล์', 'ชื่อตรง' or 'ชื่อคล้าย 96%': how the row was matched."""
        if self.by_code:
            return "รหัสในไฟล์"
        if self.last_left:
            return f"อำเภอเดียวที่เหลือ (ชื่อคล้าย {self.score:.0%})"
        return "ชื่อตรง" if self.score >= 1 else f"ชื่อคล้าย {self.score:.0%}"


@dataclass(frozen=True)
class Disagreement:
    """A printed cell that differs from the rule (or the total from the rows)."""

    row_no: str
    district_code: str
    district_name: str
    column: str
    printed: int
    expected: int

    @property
    def difference(self) -> int:
        """Printed minus expected, satang."""
        return self.printed - self.expected

    @property
    def percent(self) -> Decimal | None:
        """The difference as a percentage of the expected figure."""
        return None if not self.expected else (Decimal(self.difference) * 100 / self.expected).quantize(Decimal("0.01"))

    @property
    def percent_text(self) -> str:
        """'+8.55%', 'ไม่ถึง 0.01%', or '-' when nothing was expected."""
        if self.percent is None:
            return "-"
        return "ไม่ถึง 0.01%" if abs(self.percent) < Decimal("0.01") else f"{self.percent:+}%"

    def describe(self) -> str:
        """One line for the officer."""
        return (
            f"แถว {self.row_no} {self.district_name} · {COLUMN_NAMES[self.column]}: พิมพ์ {format_baht(self.printed)} "
            f"ตามหลักเกณฑ์ {format_baht(self.expected)} ต่าง {format_baht(self.difference)} บาท ({self.percent_text})"
        )


@dataclass(frozen=True)
class CheckReport:
    """Every disagreement of a printed table, and hints about the rule it seems to follow."""

    disagreements: tuple[Disagreement, ...]
    hints: tuple[str, ...]

    def codes_disagreeing(self) -> set[str]:
        """Districts with at least one disagreeing cell."""
        return {d.district_code for d in self.disagreements if d.district_code}


class _Uncalculated:
    """A formula whose result the file does not hold (written by a program that does not calculate)."""


UNCALCULATED = _Uncalculated()


def _first_sheet(path: Path, data_only: bool) -> list[list]:
    """The first sheet's cells, row by row: values as the file last calculated them, or as written (formulas)."""
    from openpyxl import load_workbook

    workbook = load_workbook(path, read_only=True, data_only=data_only)
    try:
        sheet = workbook.worksheets[0]
        return [list(row) for row, _ in zip(sheet.iter_rows(values_only=True), range(MAX_ROWS + 10))]
    finally:
        workbook.close()


def _cells(path: Path) -> list[list]:
    check_input_path(path)
    suffix = path.suffix.lower()
    try:
        if suffix == ".csv":
            with path.open(encoding="utf-8-sig", newline="") as handle:
                return [row for row, _ in zip(csv.reader(handle), range(MAX_ROWS + 10))]
        if suffix in (".xlsx", ".xlsm"):
            values = _first_sheet(path, data_only=True)
            if any(cell is None for row in values for cell in row):  # a formula never calculated reads as blank
                for row, written in zip(values, _first_sheet(path, data_only=False)):
                    for column, (value, cell) in enumerate(zip(row, written)):
                        if value is None and isinstance(cell, str) and cell.startswith("="):
                            row[column] = UNCALCULATED
            return values
    except FileNotFoundError:
        raise InvalidInput(f"ไม่พบไฟล์ {path.name} กรุณาตรวจสอบชื่อและโฟลเดอร์") from None
    except UnicodeDecodeError:
        raise InvalidInput(
            f"อ่านไฟล์ {path.name} ไม่ได้: ไม่ใช่ข้อความแบบ UTF-8 (เช่น CSV ที่ Excel บันทึกแบบภาษาไทยเดิม)"
            " กรุณาบันทึกเป็น CSV UTF-8 หรือใช้ไฟล์ .xlsx"
        ) from None
    except (OSError, csv.Error, ValueError, KeyError, zipfile.BadZipFile, zlib.error):
        raise InvalidInput(f"อ่านไฟล์ {path.name} ไม่ได้: ไฟล์เสียหายหรือไม่ใช่ตาราง") from None
    raise InvalidInput(f"ไฟล์ {path.name}: รับเฉพาะไฟล์ .csv หรือ .xlsx")


SATANG = Decimal("0.01")
FLOAT_NOISE = Decimal("0.000001")  # 233129162.73000002 is 233129162.73 computed in binary, not a fraction of a satang


def _spreadsheet_number(value: float | int, where: str, rounded: list[str]) -> str:
    """A number cell (a formula's result arrives as a float) as baht text with at most two decimals,
    rounded half up to the satang; a real fraction of a satang (not float noise) is reported."""
    try:
        exact = Decimal(repr(value)) if isinstance(value, float) else Decimal(value)
    except InvalidOperation:
        raise InvalidInput(f"{where}: ไม่ใช่จำนวนเงิน") from None
    if not exact.is_finite():
        raise InvalidInput(f"{where}: ไม่ใช่จำนวนเงิน")
    if exact.adjusted() >= 18:  # quantized to the satang it would pass Decimal's precision (1e26 raised a traceback)
        raise InvalidInput(f"{where}: ยอดเงินสูงเกินกว่าที่เป็นไปได้ กรุณาตรวจสอบ")
    to_satang = exact.quantize(SATANG, rounding=ROUND_HALF_UP)
    if abs(exact - to_satang) > FLOAT_NOISE:
        rounded.append(f"{where}: {exact.normalize():,f} ปัดเป็น {to_satang:,} บาท")
    return format(to_satang, "f")


def _amount(value, where: str, rounded: list[str] | None = None) -> int:
    if value is UNCALCULATED:
        raise InvalidInput(
            f"{where}: เป็นสูตรที่ไฟล์ยังไม่มีผลคำนวณ (ไฟล์นี้ยังไม่เคยเปิดคำนวณใน Excel)"
            " กรุณาเปิดไฟล์ใน Excel หรือ LibreOffice แล้วบันทึกอีกครั้ง หรือพิมพ์ตัวเลขแทนสูตร"
        )
    if isinstance(value, bool):
        raise InvalidInput(f"{where}: ไม่ใช่จำนวนเงิน")
    if isinstance(value, (int, float)):
        value = _spreadsheet_number(value, where, rounded if rounded is not None else [])
    try:
        amount = parse_amount(str(value or ""), maximum=MAX_BASE_SATANG)
    except OtopError as error:
        raise InvalidInput(f"{where}: {error.message}") from None
    if amount is None:
        raise InvalidInput(f"{where}: ช่องว่าง")
    return amount


def _header_index(cells: list[list]) -> int:
    for index, row in enumerate(cells[:20]):
        text = " ".join(str(c) for c in row if c is not None)
        if "อำเภอ" in text or "district" in text:
            return index
    raise InvalidInput("ไม่พบหัวตาราง: ต้องมีคอลัมน์ “อำเภอ” และตัวเลข 6 คอลัมน์ตามแบบเป้าหมายตัวชี้วัด")


def _heading_is(key: str, heading: str) -> bool:
    """Whether a column's heading names figure `key`, in the letter's wording or the program's own export's (which
    goes on with the actual sales, the tier reached, the gap and what is needed a month: none of the six)."""
    heading = "".join(heading.split())
    if key in ("basic", "standard", "high"):
        return "เป้าหมาย" in heading and TIER_NAMES[COLUMNS.index(key) - 3] in heading
    sold = "ยอดจำหน่าย" in heading and not any(word in heading for word in ("จริง", "ต่อเดือน", "ขาด"))
    if key == "adjusted":
        return sold and "ปรับลด" in heading
    if key == "round_base":
        return sold and "รอบ" in heading and "ปรับลด" not in heading
    return sold and "ปรับลด" not in heading and "รอบ" not in heading and "เป้าหมาย" not in heading


def _figure_columns(header: list[str], after: int) -> list[int]:
    """Where the six figures are: by their headings when each names one (a note or the program's own columns
    may come beside them), else the six columns after the district's name and code."""
    found = [next((i for i in range(after, len(header)) if _heading_is(key, header[i])), None) for key in COLUMNS]
    if None not in found and len(set(found)) == len(COLUMNS):
        return found
    return list(range(after, after + len(COLUMNS)))


def read_printed_table(path: Path | str) -> PrintedTable:
    """Read a table laid out like attachments 1 and 2: ที่, อำเภอ, [รหัส], then six figures, found by their
    headings (other columns, such as a note, may stand beside them)."""
    path = Path(path)
    cells = _cells(path)
    header_at = _header_index(cells)
    header = [str(c or "") for c in cells[header_at]]
    code_column = next((i for i, h in enumerate(header) if "code" in h or "รหัส" in h), None)
    name_column = next(i for i, h in enumerate(header) if "อำเภอ" in h or "district" in h)
    columns = _figure_columns(header, max(name_column, -1 if code_column is None else code_column) + 1)
    rows, total, rounded = [], None, []
    for number, row in enumerate(cells[header_at + 1 :], header_at + 2):
        if not any(c not in (None, "") for c in row):
            continue
        if _is_note(row):  # a note under the table, as a letter prints one (and the program's own export)
            continue
        if len(row) <= max(columns):
            raise InvalidInput(f"แถวที่ {number} ของไฟล์มีคอลัมน์ไม่ครบ 6 ตัวเลข")
        figures = {
            key: _amount(row[column], f"แถวที่ {number} คอลัมน์ {COLUMN_NAMES[key]}", rounded)
            for key, column in zip(COLUMNS, columns)
        }
        label, name = str(row[0] or "").strip(), str(row[name_column] or "").strip()
        code = str(row[code_column]).strip() if code_column is not None and row[code_column] not in (None, "") else None
        printed = PrintedRow(label or str(len(rows) + 1), name, code, figures)
        if name in ("รวม", "รวมทั้งสิ้น") or label.lower() in ("total", "รวม"):
            total = printed
        else:
            rows.append(printed)
    if not rows:
        raise InvalidInput(f"ไฟล์ {path.name} ไม่มีแถวของอำเภอ")
    if len(rows) > MAX_ROWS:
        raise InvalidInput(f"ไฟล์ {path.name} มีแถวมากเกินไป (เกิน {MAX_ROWS} แถว)")
    return PrintedTable(path.name, tuple(rows), total, tuple(rounded))


NOTE_WORDS = ("หมายเหตุ", "ที่มา", "note")


def _is_note(row) -> bool:
    """A row whose one filled cell is a text that starts as a note does ('หมายเหตุ: …')."""
    filled = [cell for cell in row if cell not in (None, "")]
    return len(filled) == 1 and isinstance(filled[0], str) and filled[0].strip().lower().startswith(NOTE_WORDS)


def _plain(name: str) -> str:
    for prefix in ("อำเภอ", "อ."):
        name = name.removeprefix(prefix)
    return "".join(name.split())


def match_districts(*, uow, user: UserInfo, table: PrintedTable) -> list[Match]:
    """Match each printed row to a district of the user's province, tolerant of misspellings.

    A code given in the file is used and checked against the name; otherwise the most similar unused name.
    """
    official = dict(
        uow.session.execute(
            select(District.code, District.name_th).where(District.province_code == user.province_code)
        ).all()
    )
    similarity = lambda a, b: difflib.SequenceMatcher(None, _plain(a), _plain(b)).ratio()  # noqa: E731
    table = replace(table, rows=tuple(_code_in_name(row, official) for row in table.rows))
    _refuse_twice(table, official)
    matches: dict[int, Match] = {}
    for index, row in enumerate(table.rows):
        if row.code_hint in official:
            code = row.code_hint
            matches[index] = Match(
                row.row_no, row.name, code, official[code], similarity(row.name, official[code]), True
            )
    used = {m.district_code for m in matches.values()}
    pairs = sorted(
        (
            (similarity(row.name, name), index, code)
            for index, row in enumerate(table.rows)
            if index not in matches
            for code, name in official.items()
            if code not in used
        ),
        reverse=True,
    )
    for score, index, code in pairs:
        if index not in matches and code not in used:
            row = table.rows[index]
            matches[index] = Match(row.row_no, row.name, code, official[code], score, False)
            used.add(code)
    missing = [table.rows[i].name for i in range(len(table.rows)) if i not in matches]
    if missing:
        raise InvalidInput(f"จับคู่อำเภอไม่ได้: {', '.join(missing)} (ตารางมีแถวมากกว่าจำนวนอำเภอของจังหวัด)")
    _refuse_near_twice(table, official, matches, similarity)
    unlike = [i for i, m in matches.items() if not m.by_code and m.score < MATCH_FLOOR]
    if len(unlike) == 1 and len(table.rows) == len(official):  # every other row and district paired: this pair
        matches[unlike[0]] = replace(matches[unlike[0]], last_left=True)
        unlike = []
    unlike = [matches[i] for i in unlike]
    if unlike:
        raise InvalidInput(
            "ชื่อในตารางไม่ตรงกับอำเภอใดของจังหวัด: "
            + "; ".join(f"แถว {m.row_no} “{m.printed_name}” (ใกล้ที่สุดที่เหลือคือ {m.district_name} {m.how})" for m in unlike)
            + " กรุณาแก้ชื่อในตาราง หรือใส่รหัสอำเภอ 4 หลัก ยังไม่ได้นำเข้าข้อมูลใด ๆ"
        )
    return [matches[i] for i in range(len(table.rows))]


def _code_in_name(row: PrintedRow, official: dict[str, str]) -> PrintedRow:
    """A row whose name cell starts with a district's code ('3401', '3401 เมืองอุบลราชธานี') as if the code were in
    its own column: it was compared as a name (0 % like any), or its code was passed over."""
    found = re.match(r"\s*(\d{4})(?!\d)\s*(.*)", row.name)
    if row.code_hint in official or not found or found.group(1) not in official:
        return row
    return replace(row, code_hint=found.group(1), name=found.group(2).strip() or official[found.group(1)])


def _refuse_near_twice(table: PrintedTable, official: dict[str, str], matches: dict, similarity) -> None:
    """Refuse a row matched to another district while the district its name is most like (at least CONFIDENT) went
    to another row: one district printed twice, once misspelt ("ศรีเมืองใหม่" and "ศรีเมืองใหม", the second sent to
    เขื่องใน at 53 %)."""
    taken = {match.district_code: match for match in matches.values()}
    for index, match in matches.items():
        if match.by_code:
            continue
        score, code = max((similarity(table.rows[index].name, name), code) for code, name in official.items())
        other = taken.get(code)
        if code != match.district_code and score >= CONFIDENT and other is not None:
            raise InvalidInput(
                f"แถว {match.row_no} “{match.printed_name}” คล้ายอำเภอ{official[code]} ({score:.0%})"
                f" ซึ่งแถว {other.row_no} “{other.printed_name}” ใช้แล้ว ตารางอาจมีอำเภอเดียวกันสองแถว กรุณาตรวจตาราง"
                " ยังไม่ได้นำเข้าข้อมูลใด ๆ"
            )


def _refuse_twice(table: PrintedTable, official: dict[str, str]) -> None:
    """Refuse a table that gives one district two rows, by its code or by the same name: one of them would have
    been sent to another district's row."""
    seen: dict[str, str] = {}
    for row in table.rows:
        key = row.code_hint if row.code_hint in official else _plain(row.name)
        if key in seen:
            shown = official.get(key, row.name)
            raise InvalidInput(
                f"ตารางมีอำเภอ{shown}สองแถว (แถว {seen[key]} และแถว {row.row_no}) อำเภอหนึ่งมีได้แถวเดียว"
                " กรุณาตรวจตาราง ยังไม่ได้นำเข้าข้อมูลใด ๆ"
            )
        seen[key] = row.row_no


def _rule_hints(table: PrintedTable, settings: Settings, round_no: int) -> list[str]:
    """Say when most rows follow another factor or percentage than the year's settings."""
    hints = []
    ratios = [Decimal(r.values["adjusted"]) / r.values["base"] for r in table.rows if r.values["base"]]
    if ratios:
        factor = statistics.median(ratios).quantize(Decimal("0.001"))
        fits = sum(abs(ratio - factor) < Decimal("0.00001") * 10 for ratio in ratios)
        if factor != settings.factor:
            hints.append(
                f"ตัวปรับลดที่พิมพ์{_typical(fits, len(ratios))}คือ {factor} ({fits} จาก {len(ratios)} แถว)"
                f" แต่การตั้งค่าปีนี้คือ {settings.factor}"
            )
    for key, name, setting in zip(("basic", "standard", "high"), TIER_NAMES, settings.percents):
        shares = [
            (Decimal(r.values[key]) / r.values["round_base"] - 1) * 100 for r in table.rows if r.values["round_base"]
        ]
        if not shares:
            continue
        percent = (statistics.median(shares) * 2).quantize(Decimal(1)) / 2
        fits = sum(abs(share - percent) < Decimal("0.01") for share in shares)
        if percent != setting:
            hints.append(
                f"{name}ที่พิมพ์{_typical(fits, len(shares))}คือ +{percent}% ({fits} จาก {len(shares)} แถว) "
                f"แต่การตั้งค่าปีนี้คือ +{setting}% (หัวตารางอาจพิมพ์ไม่ตรงกับตัวเลข)"
            )
    return hints


def _typical(fits: int, rows: int) -> str:
    """How a hint names the printed value: what most rows hold, or only the middle of them (6 of 25 is no "most")."""
    return "ส่วนใหญ่" if 2 * fits > rows else "เป็นค่ากลาง"


def check_printed(
    *, uow, user: UserInfo, fiscal_year: int, round_no: int, table: PrintedTable, matches: list[Match]
) -> CheckReport:
    """Every cell against the year's rule (computed from the printed base), the base against the one
    already kept, and the รวม row against the sum of the printed rows."""
    settings = get_settings(uow=uow, user=user, fiscal_year=fiscal_year)
    stored = {
        row.district_code: row.base_satang
        for row in uow.session.scalars(select(DistrictBase).where(DistrictBase.fiscal_year == fiscal_year))
    }
    found = []
    for row, match in zip(table.rows, matches):
        computed = compute_round(row.values["base"], settings, round_no)
        expected = {"base": stored.get(match.district_code, row.values["base"]), **vars(computed)}
        exact = {"base": expected["base"], **exact_round(row.values["base"], settings, round_no)}
        for key in COLUMNS:  # within a baht of the exact figure, or the figure as this program rounds it
            if abs(row.values[key] - exact[key]) >= TOLERANCE and row.values[key] != expected[key]:
                found.append(
                    Disagreement(
                        row.row_no, match.district_code, match.district_name, key, row.values[key], expected[key]
                    )
                )
    if table.total is not None:
        for key in COLUMNS:
            rows_sum = sum(row.values[key] for row in table.rows)
            if table.total.values[key] != rows_sum:
                found.append(Disagreement("รวม", "", "รวม (ผลรวมของแถว)", key, table.total.values[key], rows_sum))
    return CheckReport(tuple(found), tuple(_rule_hints(table, settings, round_no)))


@dataclass(frozen=True)
class PrintedPreview:
    """What the import dialog opens on: the table read from its file, each row's district match, the districts
    to match by hand, and the check of every cell against the rule."""

    table: PrintedTable
    matches: list[Match]
    districts: list
    report: CheckReport


def preview_printed(*, uow, user: UserInfo, path: Path | str, fiscal_year: int, round_no: int) -> PrintedPreview:
    """Read a printed table and check it, in one step off the GUI thread (the file, the matches, the rule);
    nothing is written."""
    table = read_printed_table(path)
    matches = match_districts(uow=uow, user=user, table=table)
    report = check_printed(uow=uow, user=user, fiscal_year=fiscal_year, round_no=round_no, table=table, matches=matches)
    return PrintedPreview(table, matches, areas.list_districts(uow=uow, user=user), report)


def apply_printed(
    *,
    uow,
    user: UserInfo,
    fiscal_year: int,
    round_no: int,
    table: PrintedTable,
    matches: list[Match],
    keep_printed: set[str],
) -> int:
    """Save the officer's choice: each district's printed base; for districts in `keep_printed` the
    printed figures of the round, for the others the computed ones. One transaction; returns rows saved."""
    _check_manager(user)
    if len({m.district_code for m in matches}) != len(matches):
        raise InvalidInput("มีอำเภอที่ถูกจับคู่ซ้ำกัน กรุณาแก้การจับคู่ก่อนบันทึก")
    session, at = uow.session, now_utc()
    for row, match in zip(table.rows, matches):
        _save_base(uow, user, fiscal_year, match.district_code, row.values["base"], "imported")
        kept = session.get(PrintedTarget, (match.district_code, fiscal_year, round_no))
        if match.district_code in keep_printed:
            kept = kept or PrintedTarget(district_code=match.district_code, fiscal_year=fiscal_year, round_no=round_no)
            session.add(kept)
            for key in COLUMNS[1:]:
                setattr(kept, key, row.values[key])
            kept.source_file, kept.changed_by, kept.changed_at = table.source, user.username, at
        elif kept is not None:
            session.delete(kept)
    record(
        session,
        [
            AuditNote(
                username=user.username,
                action="import",
                entity="targets",
                entity_key=f"{user.province_code}/{fiscal_year}/{round_no}",
                field="printed_rows",
                old_value=None,
                new_value=",".join(sorted(keep_printed)),
                note=table.source,
            )
        ],
        at=at,
    )
    uow.commit()
    return len(table.rows)

"""Every export (each name `export --list` gives, as .xlsx and .csv, for a province and a district) and every
printed form, from the command line on both engines, over a province whose entrepreneurs, tambon, district,
forecast remark and signatory are named as an attacker would name them: each is written, no workbook holds a
formula, the names come back exactly as text, no CSV text field starts with = + - @ TAB CR, money stays numbers."""

import csv
import re
import zipfile
from decimal import Decimal, InvalidOperation

import pytest
from openpyxl import load_workbook

from otop_desktop.services import entrepreneurs
from otop_desktop.services.entrepreneurs import EntrepreneurInfo
from otop_desktop.services.forms.forecast import save_forecast
from otop_desktop.services.forms.signatories import set_signatory
from otop_desktop.services.reports.exports import EXPORTS
from otop_desktop.services.sheet_text import CSV_FORMULA_STARTS
from tests.conftest import BUILT, make_world, people, save, template_of
from tests.engines import execute
from tests.integration.test_cli import cli  # noqa: F401 - the fixture
from tests.integration.test_exports import sheet_table

NAMES = ('=HYPERLINK("http://x","ดูรายละเอียด")', "=1+1", "+1", "-1")
PRODUCT, TAMBON, DISTRICT = "@SUM(A1)", "+ตำบลในเมือง", "=2+3"  # Mueang (3401) and its tambon 340104, renamed
REMARK, SIGNER, POSITION = '=HYPERLINK("http://x","ประมาณการ")', "=1+2", "@พัฒนาการจังหวัด"
USERS = {"prov": "province", "mueang": "district"}


def make_hostile(world) -> None:
    """Hostile entrepreneurs (with sales), a tambon and a district renamed behind the program's back, a hostile
    forecast remark and a hostile signatory of the province."""
    with world.database.unit_of_work() as uow:
        ids = [
            entrepreneurs.save_entrepreneur(
                uow=uow,
                user=world.province,
                info=EntrepreneurInfo(None, name, "340104" if n % 2 else "340101", 1, 1, PRODUCT),
            ).id
            for n, name in enumerate(NAMES)
        ]
        save_forecast(uow=uow, user=world.province, fiscal_year=2569, months={10: ((100_000, 0, None, None), REMARK)})
        set_signatory(uow=uow, user=world.province, area_code="34", duty="signs", name=SIGNER, position=POSITION)
        uow.commit()
    save(world.database, world.province, 2569, 8, {i: (12_345, 6, None, 7) for i in ids})
    execute(world.database, "UPDATE tambon SET name_th = ? WHERE code = '340104'", TAMBON)
    execute(world.database, "UPDATE district SET name_th = ? WHERE code = '3401'", DISTRICT)


def _hostile_template(db) -> tuple:
    world = make_world(db)
    make_hostile(world)
    return people(world)


BUILT["hostile"] = _hostile_template  # made once per run and engine, then copied for each test


@pytest.fixture
def hostile(request, world):
    """The world made hostile (make_hostile): a copy of the run's hostile template, or made so now (`migrates`)."""
    if template_of(request) != "hostile":
        make_hostile(world)
    return world


def expected_texts(name: str, role: str) -> set[str]:
    """The hostile texts this export shows: the district's name where it lists districts, and in `project` all."""
    texts = (
        {DISTRICT}
        if name in ("overview", "so4", "project") or (name, role) == ("domestic-export", "district")
        else set()
    )
    return texts | ({*NAMES, PRODUCT, TAMBON} if name == "project" else set())


def sheet_xml(path) -> list[str]:
    with zipfile.ZipFile(path) as book:
        return [
            book.read(n).decode("utf-8") for n in book.namelist() if re.fullmatch(r"xl/worksheets/sheet\d+\.xml", n)
        ]


def check_workbook(path, texts: set[str]) -> None:
    """No formula anywhere; each text kept exactly, as a string cell."""
    xml = sheet_xml(path)
    assert xml and not any(re.search(r"<f[ >/]", sheet) for sheet in xml)
    cells = [cell for sheet in load_workbook(path).worksheets for row in sheet.iter_rows() for cell in row]
    shown = {cell.value for cell in cells if cell.data_type == "s"}
    assert texts <= shown, texts - shown


def _number(field: str) -> bool:
    try:
        Decimal(field)
    except InvalidOperation:
        return False
    return True


def check_csv(path, texts: set[str]) -> None:
    """No text field starts a formula; each text kept behind its quote."""
    with path.open(encoding="utf-8-sig", newline="") as stream:
        fields = [field for line in csv.reader(stream) for field in line]
    assert not [f for f in fields if f.startswith(CSV_FORMULA_STARTS) and not _number(f)]
    assert {"'" + text for text in texts} <= set(fields)


def check_money(path) -> None:
    """Every money cell of the rows and totals is a number (a number's text in the CSV)."""
    for headings, rows, totals in sheet_table(path):
        money = [i for i, heading in enumerate(headings) if str(heading).endswith("(บาท)")]
        for row in [*rows, *totals]:
            for i in money:
                value = row[i]
                assert isinstance(value, (int, float)) if path.suffix == ".xlsx" else _number(value), (
                    headings[i],
                    value,
                )


def test_the_list_is_every_export(cli):
    code, out, _ = cli("export", "--list")
    assert code == 0 and [line.split("\t")[0] for line in out.splitlines()] == [e.name for e in EXPORTS]


@pytest.mark.parametrize("user", USERS)
@pytest.mark.parametrize("suffix", [".xlsx", ".csv"])
@pytest.mark.parametrize("name", [e.name for e in EXPORTS])
def test_every_export_is_written_with_hostile_text_kept_as_text(cli, hostile, tmp_path, name, suffix, user):
    out = tmp_path / f"{name}{suffix}"
    code, _, err = cli("export", name, "--user", user, "--year", "2569", "--out", str(out))
    assert code == 0 and err == "", err
    texts = expected_texts(name, USERS[user])
    check_workbook(out, texts) if suffix == ".xlsx" else check_csv(out, texts)
    check_money(out)


FORMS = {
    "jt2-month": ("print", "jt2", "--user", "mueang", "--year", "2569", "--month", "8"),
    "jt2-quarter": ("print", "jt2", "--user", "mueang", "--year", "2569", "--quarter", "1", "--incomplete-ok"),
    "jt1": ("print", "jt1", "--user", "mueang", "--year", "2569", "--month", "9"),
    "forecast-pdf": ("print", "forecast", "--user", "prov", "--year", "2569"),
    "forecast-xlsx": ("print", "forecast", "--user", "prov", "--year", "2569"),
    "targets-xlsx": ("targets", "show", "--user", "prov", "--year", "2569", "--round", "1"),
    "targets-xlsx-district": ("targets", "show", "--user", "mueang", "--year", "2569", "--round", "1"),
}


@pytest.mark.parametrize("form", FORMS)
def test_every_form_is_written_with_hostile_text_kept_as_text(cli, hostile, tmp_path, form):
    out = tmp_path / ("form.xlsx" if form.endswith(("xlsx", "district")) else "form.pdf")
    code, _, err = cli(
        "targets", "base", "--user", "prov", "--year", "2569", "--district", "3401", "--amount", "1,000,000"
    )
    assert code == 0, err
    code, _, err = cli(*FORMS[form], "--xlsx" if form.startswith("targets") else "--out", str(out))
    assert code == 0 and err == "", err
    if out.suffix == ".pdf":
        assert out.read_bytes().startswith(b"%PDF")
    elif form.startswith("forecast"):
        check_workbook(out, {REMARK, f"({SIGNER})", POSITION})
    else:
        check_workbook(out, {DISTRICT})


@pytest.mark.parametrize("suffix", [".xlsx", ".csv", ".pdf"])
def test_the_quality_check_is_written_with_hostile_text_kept_as_text(cli, hostile, tmp_path, suffix):
    out = tmp_path / f"quality{suffix}"
    code, _, err = cli("quality", "--user", "prov", "--year", "2569", "--month", "8", "--out", str(out))
    assert code == 0 and err == "", err
    if suffix == ".pdf":
        assert out.read_bytes().startswith(b"%PDF")
    else:  # the inactive entrepreneur's line names the renamed district and tambon
        check_workbook(out, {DISTRICT, TAMBON}) if suffix == ".xlsx" else check_csv(out, {DISTRICT, TAMBON})

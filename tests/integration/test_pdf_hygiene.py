"""Every printed form as an archive and a print shop see it: `pdffonts` lists only fonts embedded in the
file (no Helvetica that nothing is set in), and `pdfinfo` finds the title, the office as author, the form,
period and area as subject, and the verification codes as keywords."""

import shutil
import subprocess

import pytest

from otop_desktop.services.forms.forecast import print_forecast, save_forecast
from otop_desktop.services.forms.jt1 import print_jt1
from otop_desktop.services.forms.jt2 import print_jt2, print_province_jt2
from otop_desktop.services.forms.verify import shown_code


def _tool(name: str) -> str:
    tool = shutil.which(name)
    if tool is None:
        pytest.fail(f"{name} is missing: ./dev.sh installs poppler-utils")
    return tool


def pdf_fonts(path) -> list[list[str]]:
    """The rows of `pdffonts`: name, type, encoding, emb, sub, uni, object, generation."""
    out = subprocess.run([_tool("pdffonts"), str(path)], capture_output=True, text=True, check=True).stdout
    return [line.split() for line in out.splitlines()[2:]]


def pdf_info(path) -> dict[str, str]:
    out = subprocess.run(
        [_tool("pdfinfo"), "-enc", "UTF-8", str(path)], capture_output=True, text=True, check=True
    ).stdout
    return {key.strip(): value.strip() for key, _, value in (line.partition(":") for line in out.splitlines())}


def _forms(world, tmp_path):
    """Each form printed by its user: (name, path, codes, author, words its subject holds)."""
    mueang, province = "สำนักงานพัฒนาชุมชนอำเภอเมืองอุบลราชธานี จังหวัดอุบลราชธานี", "สำนักงานพัฒนาชุมชนจังหวัดอุบลราชธานี"
    with world.database.unit_of_work() as uow:
        save_forecast(uow=uow, user=world.province, fiscal_year=2569, months={10: ((100_000, 0, None, None), "")})
    with world.database.unit_of_work() as uow:
        district = dict(uow=uow, user=world.mueang, district_code="3401", fiscal_year=2569)
        month = print_jt2(**district, month=8, path=tmp_path / "month.pdf", incomplete_ok=True)
        quarter = print_jt2(**district, quarter=4, path=tmp_path / "quarter.pdf", incomplete_ok=True)
        jt1 = print_jt1(**district, month=9, path=tmp_path / "jt1.pdf")
    with world.database.unit_of_work() as uow:
        every = print_province_jt2(
            uow=uow, user=world.province, fiscal_year=2569, month=8, path=tmp_path / "all.pdf", incomplete_ok=True
        )
        forecast = print_forecast(uow=uow, user=world.province, fiscal_year=2569, path=tmp_path / "forecast.pdf")
    return [
        ("jt2 month", month.path, [month.code], mueang, ["จต.๒", "สิงหาคม 2569", "อำเภอเมืองอุบลราชธานี"]),
        ("jt2 quarter", quarter.path, [quarter.code], mueang, ["จต.๒", "ไตรมาสที่ 4", "อำเภอเมืองอุบลราชธานี"]),
        (
            "all districts",
            every.path,
            list(every.codes.values()),
            province,
            ["จต.๒", "สิงหาคม 2569", "2 อำเภอ", "อำเภอเมืองอุบลราชธานี", "อำเภอวารินชำราบ"],
        ),
        ("jt1", jt1.path, [jt1.code], mueang, ["จต.๑", "กันยายน 2569", "อำเภอเมืองอุบลราชธานี"]),
        (
            "forecast",
            forecast.path,
            [forecast.code],
            province,
            ["แบบประมาณการรายได้", "ปีงบประมาณ 2569", "จังหวัดอุบลราชธานี"],
        ),
    ]


def test_every_form_embeds_every_font_it_lists_and_names_itself(world, tmp_path):
    for name, path, codes, author, subject in _forms(world, tmp_path):
        fonts = pdf_fonts(path)
        assert fonts and all(row[-5] == "yes" for row in fonts), (name, fonts)  # the emb column
        assert {row[0].partition("+")[2] for row in fonts} <= {"Sarabun-Regular", "Sarabun-Bold"}, (name, fonts)
        info = pdf_info(path)
        assert info["Title"] and info["Author"] == author, (name, info)
        assert all(word in info["Subject"] for word in subject), (name, info["Subject"])
        assert sorted(info["Keywords"].split(", ")) == sorted(shown_code(code) for code in codes), (name, info)

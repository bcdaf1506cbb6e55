"""Paper that proves itself (issue 23, points 1 and 2): each print carries a code of its own, which names that
print and then says whether its figures still hold; a mistyped code is told as mistyped; old codes still
verify; a month that has not begun is never printed, and an incomplete one only when the officer confirms,
the paper itself saying how many were entered. Every test runs on SQLite and PostgreSQL."""

from datetime import timedelta

import pytest
from alembic import command
from sqlalchemy import text

from otop_desktop.cli import main
from otop_desktop.core.errors import InvalidInput
from otop_desktop.services.forms.completeness import IncompleteForm
from otop_desktop.services.forms.jt1 import print_jt1
from otop_desktop.services.forms.jt2 import jt2_form, print_jt2
from otop_desktop.services.forms.verify import (
    CODE_LENGTH,
    check_letter,
    figures_digest,
    legacy_code,
    normalise,
    shown_code,
    verify,
)
from otop_desktop.services.thai import today_in_thailand
from otop_desktop.store.database import migration_config
from tests.conftest import PASSWORD, save
from tests.engines import connect, location
from tests.integration.test_jt2 import pdf_text


def _print(world, user, path, **period):
    with world.database.unit_of_work() as uow:
        return print_jt2(
            uow=uow, user=user, district_code="3401", fiscal_year=2569, path=path, **(period or {"month": 8})
        )


def _verify(world, user, code):
    with world.database.unit_of_work() as uow:
        return verify(uow=uow, user=user, code=code)


def _prints(world) -> int:
    with connect(world.database) as con:
        return con.execute("SELECT count(*) FROM print_record").fetchone()[0]


def test_two_prints_of_the_same_figures_have_their_own_codes_and_each_names_its_print(world, tmp_path):
    first = _print(world, world.mueang, tmp_path / "district.pdf")
    second = _print(world, world.province, tmp_path / "province.pdf")
    assert first.code != second.code and len(first.code) == CODE_LENGTH
    assert shown_code(first.code) in pdf_text(first.path) and shown_code(second.code) not in pdf_text(first.path)
    assert "รหัสตรวจสอบเอกสาร" in pdf_text(first.path)  # named apart from a district file's ลายนิ้วมือไฟล์

    held = _verify(world, world.mueang, shown_code(first.code).lower())
    assert _verify(world, world.mueang, f"{shown_code(first.code)} 1/1") == held  # the QR code's text, from a phone
    assert held.found and held.matches and held.printed_by == "mueang" and held.form_name == "จต.๒"
    assert held.area_name == "อำเภอเมืองอุบลราชธานี จังหวัดอุบลราชธานี" and held.period == "สิงหาคม 2569"
    assert [(o.code, o.printed_by) for o in held.others] == [(second.code, "prov")]
    other = _verify(world, world.province, second.code)
    assert other.printed_by == "prov" and other.printed_at >= held.printed_at
    assert [o.code for o in other.others] == [first.code]

    save(world.database, world.mueang, 2569, 8, {world.ids["ไหม"]: (1_000_001, 200_000, None, None)})
    for code in (first.code, second.code):  # after a change, both papers report it
        changed = _verify(world, world.province, code)
        assert not changed.matches and [d.current for d in changed.differences] == [(1_000_001, 200_000, None, None)]


def test_verify_on_the_command_line_names_the_print_then_the_figures_then_the_other_prints(
    world, tmp_path, monkeypatch, capsys
):
    monkeypatch.setenv("OTOP_PASSWORD", PASSWORD)
    data = location(world.database)
    printing = [*data, "print", "jt2", "--year", "2569", "--month", "8", "--district", "3401"]
    assert main([*printing, "--user", "mueang", "--out", str(tmp_path / "a.pdf")]) == 0
    said = capsys.readouterr().out.splitlines()
    assert said[-2].startswith("รหัสตรวจสอบเอกสาร (พิมพ์อยู่ท้ายแบบ")  # the code named, then alone for scripts
    first = said[-1]
    assert main([*printing, "--user", "prov", "--out", str(tmp_path / "b.pdf")]) == 0
    second = capsys.readouterr().out.splitlines()[-1]
    assert first != second
    assert main([*data, "verify", first, "--user", "mueang"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[0].startswith(
        f"รหัสตรวจสอบเอกสาร {first}: แบบ จต.๒ อำเภอเมืองอุบลราชธานี จังหวัดอุบลราชธานี สิงหาคม 2569 พิมพ์โดย mueang เมื่อ "
    )
    assert lines[1:3] == ["บนแบบระบุว่ากรอกแล้ว 3 จาก 3 ราย", "ตรงกับข้อมูลในฐานข้อมูลทุกรายการ"]
    assert lines[3] == "ตัวเลขชุดเดียวกันนี้พิมพ์อีก 1 ครั้ง:" and lines[4].startswith(f"  {second} พิมพ์โดย นางสมศรี ใจดี เมื่อ ")


def test_a_mistyped_code_is_told_as_mistyped_not_as_unknown(world, tmp_path, monkeypatch, capsys):
    code = _print(world, world.mueang, tmp_path / "a.pdf").code
    swapped = code[:3] + ("A" if code[3] != "A" else "B") + code[4:]  # one letter mistyped
    for typed, says in (
        (swapped, "พิมพ์ผิดอย่างน้อยหนึ่งตัว"),
        (code[:-1], "มี 12 ตัว"),
        (code[:6] + "9" + code[7:], "เลข 2-7"),
        ("", "มี 12 ตัว"),
    ):
        result = _verify(world, world.mueang, typed)
        assert result.malformed and not result.found and says in result.problem, typed
    assert _verify(world, world.mueang, code.replace("O", "0").replace("I", "1")).found  # digits read as letters
    assert normalise(" abcd-efgh-ijk0 ") == "ABCDEFGHIJKO"
    body = "ABCDEFGHJKL"  # well formed, never issued
    unknown = _verify(world, world.mueang, body + check_letter(body))
    assert not unknown.found and not unknown.malformed
    monkeypatch.setenv("OTOP_PASSWORD", PASSWORD)
    assert main([*location(world.database), "verify", swapped, "--user", "mueang"]) == 2
    err = capsys.readouterr().err
    assert "พิมพ์ผิด" in err and "ไม่พบ" not in err and "Traceback" not in err
    assert main([*location(world.database), "verify", shown_code(body + check_letter(body)), "--user", "mueang"]) == 2
    assert "ไม่พบรหัสตรวจสอบเอกสาร" in capsys.readouterr().err


def _alembic(database, target: str, direction: str) -> None:
    config = migration_config()
    with database.engine.begin() as connection:
        config.attributes["connection"] = connection
        getattr(command, direction)(config, target)


def test_codes_printed_before_0014_still_verify_naming_every_print_of_their_figures(world, tmp_path):
    with world.database.unit_of_work() as uow:
        form = jt2_form(uow=uow, user=world.mueang, district_code="3401", fiscal_year=2569, month=8)
    digest = figures_digest("jt2", "3401", 2569, [8], form.figures)
    old = legacy_code(digest)
    figures = __import__("json").dumps(
        [[f.entrepreneur_id, f.name, f.month, *f.amounts] for f in form.figures], ensure_ascii=False
    )
    _alembic(world.database, "0013", "downgrade")
    with world.database.engine.begin() as connection:  # two prints of the same figures, as 0013 recorded them
        for who, at in (("mueang", "2026-09-01 08:24:00"), ("prov", "2026-09-01 08:25:00")):
            connection.execute(
                text(
                    "INSERT INTO print_record (code, form, area_code, fiscal_year, "
                    "months, digest, figures, printed_by, printed_at)"
                    " VALUES (:code, 'jt2', '3401', 2569, '8', :digest, :figures, :who, :at)"
                ),
                {"code": old, "digest": digest, "figures": figures, "who": who, "at": at},
            )
    _alembic(world.database, "head", "upgrade")

    result = _verify(world, world.mueang, f"{old[:5]}-{old[5:]}")
    assert result.found and result.legacy and result.matches and result.period == "สิงหาคม 2569"
    assert result.printed_by == "mueang" and [o.printed_by for o in result.others] == ["prov"]
    new = _print(world, world.mueang, tmp_path / "new.pdf")
    assert len(_verify(world, world.mueang, new.code).others) == 2  # the old prints of the same figures
    save(world.database, world.mueang, 2569, 8, {world.ids["ข้าว"]: (1, None, None, None)})
    assert [d.name for d in _verify(world, world.mueang, old).differences] == ["กลุ่มแม่บ้านข้าวหอมมะลิ"]


def test_a_collection_sheets_code_names_the_month_the_sheet_is_for(world, tmp_path):
    with world.database.unit_of_work() as uow:
        printed = print_jt1(
            uow=uow, user=world.mueang, district_code="3401", fiscal_year=2569, month=9, path=tmp_path / "jt1.pdf"
        )
    result = _verify(world, world.mueang, printed.code)
    assert result.form_name == "จต.๑" and result.period == "กันยายน 2569" and result.matches


def _next_month():
    """(fiscal year, month) of the month after Thailand's today."""
    later = today_in_thailand().replace(day=28) + timedelta(days=7)
    return later.year + 543 + (later.month >= 10), later.month


@pytest.mark.parametrize("period", ["next month", "fiscal 2590", "a quarter ahead"])
def test_a_month_that_has_not_begun_cannot_be_printed(world, tmp_path, monkeypatch, capsys, period):
    year, month = _next_month() if period != "fiscal 2590" else (2590, 3)
    quarter = {"quarter": (year, (month - 10) % 12 // 3 + 1)} if period == "a quarter ahead" else {}
    for service in ("jt2", "jt1"):
        with world.database.unit_of_work() as uow, pytest.raises(InvalidInput, match="ยังไม่เริ่ม"):
            if service == "jt2" and quarter:
                print_jt2(
                    uow=uow,
                    user=world.province,
                    district_code="3401",
                    fiscal_year=year,
                    quarter=quarter["quarter"][1],
                    path=tmp_path / "x.pdf",
                    incomplete_ok=True,
                )
            elif service == "jt2":
                print_jt2(
                    uow=uow,
                    user=world.province,
                    district_code="3401",
                    fiscal_year=year,
                    month=month,
                    path=tmp_path / "x.pdf",
                    incomplete_ok=True,
                )
            else:
                print_jt1(
                    uow=uow,
                    user=world.province,
                    district_code="3401",
                    fiscal_year=year,
                    month=month,
                    path=tmp_path / "x.pdf",
                )
    monkeypatch.setenv("OTOP_PASSWORD", PASSWORD)
    for form in ("jt2", "jt1"):
        args = [
            *location(world.database),
            "print",
            form,
            "--user",
            "mueang",
            "--year",
            str(year),
            "--month",
            str(month),
        ]
        assert main([*args, *(["--incomplete-ok"] if form == "jt2" else []), "--out", str(tmp_path / "x.pdf")]) == 2
        assert "ยังไม่เริ่ม" in capsys.readouterr().err
    assert not (tmp_path / "x.pdf").exists() and _prints(world) == 0


def test_a_month_is_certified_on_paper_from_its_last_day_on(world, tmp_path, monkeypatch, capsys):
    """A จต.๒ of December printed on 5 December read "ถูกต้องตามความเป็นจริง" of a month still being typed, and the
    province counted it received: a month (or a quarter, by its last month) prints from its last day, the day
    its sales are recorded; before that it is refused, on the command line too, with the day it can."""
    from datetime import date

    from otop_desktop.services import periods

    monkeypatch.setenv("OTOP_PASSWORD", PASSWORD)
    monkeypatch.setattr(periods, "today_in_thailand", lambda: date(2026, 8, 30))  # 30 สิงหาคม 2569
    for period in ({"month": 8}, {"quarter": 4}):
        with world.database.unit_of_work() as uow, pytest.raises(InvalidInput) as refused:
            print_jt2(
                uow=uow,
                user=world.province,
                district_code="3401",
                fiscal_year=2569,
                path=tmp_path / "x.pdf",
                incomplete_ok=True,
                **period,
            )
        assert refused.value.title == "ยังทำรายการนี้ไม่ได้"  # not "ข้อมูลไม่ถูกต้อง": nothing typed was wrong
        said = refused.value.message  # the quarter's: its month still running, August
        assert "สิงหาคม 2569 ยังไม่ถึงวันสิ้นเดือน" in said and "ได้ตั้งแต่วันที่ 31 สิงหาคม 2569 (วันสิ้นเดือน)" in said
    args = [*location(world.database), "print", "jt2", "--user", "mueang", "--year", "2569", "--month", "8"]
    assert main([*args, "--incomplete-ok", "--out", str(tmp_path / "x.pdf")]) == 2
    assert "ยังไม่ถึงวันสิ้นเดือน" in capsys.readouterr().err
    assert not (tmp_path / "x.pdf").exists() and _prints(world) == 0
    monkeypatch.setattr(periods, "today_in_thailand", lambda: date(2026, 8, 31))
    assert main([*args, "--incomplete-ok", "--out", str(tmp_path / "x.pdf")]) == 0
    assert _prints(world) == 1


def test_an_incomplete_month_prints_only_when_confirmed_and_the_paper_says_so(world, tmp_path, monkeypatch, capsys):
    monkeypatch.setenv("OTOP_PASSWORD", PASSWORD)
    args = [*location(world.database), "print", "jt2", "--user", "mueang", "--year", "2569", "--month", "9"]
    with pytest.raises(InvalidInput, match="ยังไม่มีรายชื่อผู้ประกอบการของช่วงเวลานี้"):  # September: not even listed
        _print(world, world.mueang, tmp_path / "x.pdf", month=9)
    assert main([*args, "--out", str(tmp_path / "x.pdf")]) == 2
    err = capsys.readouterr().err  # a form of no rows would certify nothing: said first, not asked to print it
    assert "ยังไม่มีรายชื่อผู้ประกอบการของช่วงเวลานี้" in err and "--incomplete-ok" not in err
    assert not (tmp_path / "x.pdf").exists() and _prints(world) == 0
    with world.database.unit_of_work() as uow:  # the list synced, nobody entered yet (two active entrepreneurs)
        from otop_desktop.services.sync import sync_month

        sync_month(uow=uow, user=world.mueang, fiscal_year=2569, month=9, district_code="3401")
    with pytest.raises(IncompleteForm) as refused:
        _print(world, world.mueang, tmp_path / "x.pdf", month=9)
    assert [(e.month, e.entered, e.expected) for e in refused.value.entries] == [(9, 0, 2)]
    assert main([*args, "--out", str(tmp_path / "x.pdf")]) == 2
    err = capsys.readouterr().err
    assert "กันยายน 2569: กรอกแล้ว 0 จาก 2 ราย" in err and "--incomplete-ok" in err and not (tmp_path / "x.pdf").exists()
    save(world.database, world.mueang, 2569, 9, {world.ids["ไหม"]: (5_000, None, None, None)})
    assert main([*args, "--incomplete-ok", "--out", str(tmp_path / "s.pdf")]) == 0
    code = capsys.readouterr().out.splitlines()[-1]
    paper = " ".join(pdf_text(tmp_path / "s.pdf", "-raw").split())
    assert "ถูกต้องตามความเป็นจริง กรอกแล้ว ๑ จาก ๒ ราย (ยังไม่ครบ)" in paper  # beside the certification
    assert _verify(world, world.mueang, code).completeness == "กรอกแล้ว 1 จาก 2 ราย (ยังไม่ครบ)"
    complete = _print(world, world.mueang, tmp_path / "aug.pdf")  # August: all three entered, no question
    assert "กรอกแล้ว ๓ จาก ๓ ราย" in pdf_text(complete.path, "-raw") and "ยังไม่ครบ" not in pdf_text(complete.path)


def test_the_all_districts_print_says_which_districts_it_left_out(world, tmp_path, monkeypatch, capsys):
    monkeypatch.setenv("OTOP_PASSWORD", PASSWORD)
    args = [*location(world.database), "print", "jt2", "--user", "prov", "--year", "2569", "--all-districts"]
    assert main([*args, "--month", "8", "--out", str(tmp_path / "all.pdf")]) == 0
    out = capsys.readouterr().out
    assert "บันทึกแบบ จต.๒ 2 อำเภอ แล้ว" in out and "ไม่มีแบบของ 23 อำเภอ" in out and "ม่วงสามสิบ" in out
    assert "เมืองอุบลราชธานี" not in out.split("ไม่มีแบบของ")[1].splitlines()[0]
    assert main([*args, "--month", "9", "--out", str(tmp_path / "sep.pdf")]) == 2
    assert "ยังไม่มีอำเภอใดมีรายชื่อ" in capsys.readouterr().err  # September has no list anywhere: nothing to print
    with world.database.unit_of_work() as uow:  # Mueang synced September, entered nothing; Warin has no list yet
        from otop_desktop.services.sync import sync_month

        sync_month(uow=uow, user=world.mueang, fiscal_year=2569, month=9, district_code="3401")
    assert main([*args, "--month", "9", "--out", str(tmp_path / "sep.pdf")]) == 2
    err = capsys.readouterr().err  # the question names every district with entrepreneurs not entered, listed or not
    assert "อำเภอเมืองอุบลราชธานี กันยายน 2569: กรอกแล้ว 0 จาก 2 ราย" in err
    assert "อำเภอวารินชำราบ กันยายน 2569: กรอกแล้ว 0 จาก 1 ราย" in err
    assert main([*args, "--month", "9", "--incomplete-ok", "--out", str(tmp_path / "sep.pdf")]) == 0
    out = capsys.readouterr().out
    assert "ไม่มีแบบของ 24 อำเภอ" in out and "วารินชำราบ" in out
    assert "พิมพ์ทั้งที่ยังไม่ครบ: อำเภอเมืองอุบลราชธานี กันยายน 2569: กรอกแล้ว 0 จาก 2 ราย" in out
    assert "กรอกแล้ว ๐ จาก ๒ ราย (ยังไม่ครบ)" in pdf_text(tmp_path / "sep.pdf", "-raw")


def test_one_entrepreneur_saved_does_not_make_a_district_month_complete(world, tmp_path):
    """The province saving one row of a district's month (before the district synced) leaves the district's
    other active entrepreneurs expected: the lock panel and the paper count them (mueang has two active)."""
    from otop_desktop.services import locks

    save(world.database, world.province, 2570, 11, {world.ids["ไหม"]: (100000, 0, None, None)})
    with world.database.unit_of_work() as uow:
        overview = locks.lock_overview(uow=uow, user=world.province, fiscal_year=2570, month=11)
    mueang = next(d for d in overview.districts if d.district_code == "3401")
    assert (mueang.entered, mueang.expected) == (1, 2) and mueang.entry_text() == "กรอกแล้ว 1 จาก 2 ราย"
    with pytest.raises(IncompleteForm, match="กรอกแล้ว 1 จาก 2 ราย"), world.database.unit_of_work() as uow:
        print_jt2(uow=uow, user=world.mueang, district_code="3401", fiscal_year=2570, month=11, path=tmp_path / "x.pdf")
    assert not (tmp_path / "x.pdf").exists()

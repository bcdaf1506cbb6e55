"""District files that ordinary events and hostile hands make: entrepreneurs the province moved, files
signed by a registered district but inconsistent inside, a bad file in the middle of a batch. Each ends
in a Thai refusal that changes nothing and is logged, or imports whole; a dry run says exactly that."""

import json
from datetime import timedelta

import pytest

from otop_desktop.cli import main
from otop_desktop.services import entrepreneurs
from otop_desktop.services.exchange import batch, fileformat, keys, merge
from otop_desktop.services.exchange.fileformat import write_file
from otop_desktop.services.thai import month_start_stored
from tests.conftest import PASSWORD, save
from tests.engines import connect, location
from tests.exchange_helpers import export, sales_dump
from tests.integration.test_exchange import offices  # noqa: F401 - the fixture


def resign(district, data: bytes, people=None, sales=None, manifest=None) -> bytes:
    """The file again, changed by the callables and signed with the district's registered key: a file
    the district's own program would never write, but that passes the signature check."""
    opened = fileformat.open_file(data)
    header = json.loads(opened.signed)
    for field in ("parts", "signer_public_key", "format_version"):
        header.pop(field)
    parts = {name: [list(row) for row in rows] for name, rows in opened.parts.items()}
    if people:
        parts["entrepreneurs.json"] = people(parts["entrepreneurs.json"])
    if sales:
        parts["sales.json"] = sales(parts["sales.json"])
    if manifest:
        manifest(header)
    header["row_counts"] = {name: len(rows) for name, rows in parts.items()}
    with district.unit_of_work() as uow:
        public_key, sign = keys.signer(uow=uow)
    return write_file(header, parts, public_key, sign)


def newcomer(uid: str, tambon: str = "340101", otop_code=None, name="กลุ่มใหม่") -> list:
    return [uid, name, tambon, 1, 1, "ผ้าไหม", otop_code, True]


def with_sale_of(uid: str):
    return lambda rows: rows + [[uid, 2569, 8, 100, None, None, None, 1, "2026-08-01T00:00:00.000000", "mueang"]]


def uid_of(world, key: str) -> str:
    with connect(world.database) as con:
        return con.execute("SELECT uid FROM entrepreneur WHERE id = ?", (world.ids[key],)).fetchone()[0]


def first(rows, change):
    return [change(list(rows[0]))] + rows[1:]


def saved_at_its_month(shift: timedelta):
    """A row's save stamped `shift` from the instant its month begins in Thailand (midnight of the first day)."""

    def change(row):
        row[8] = (month_start_stored(row[1], row[2]) + shift).isoformat(timespec="microseconds")
        return row

    return change


def set_at(index, value):
    def change(row):
        row[index] = value
        return row

    return change


# Each: how to spoil the district's genuine file (keeping it signed), and words the refusal must carry.
INCONSISTENT = {
    "a new entrepreneur in a tambon that does not exist": (
        lambda w: {"people": lambda p: p + [newcomer("a" * 32, "340199")], "sales": with_sale_of("a" * 32)},
        "ไม่มีอยู่ในพื้นที่",
    ),
    "a new entrepreneur in another district's tambon": (
        lambda w: {"people": lambda p: p + [newcomer("a" * 32, "341501")], "sales": with_sale_of("a" * 32)},
        "นอกพื้นที่ 3401",
    ),
    "another district's entrepreneur": (
        lambda w: {"people": lambda p: p + [newcomer(uid_of(w, "วาริน"))], "sales": with_sale_of(uid_of(w, "วาริน"))},
        "ไม่ใช่ของพื้นที่ต้นทาง",
    ),
    "the same entrepreneur twice": (lambda w: {"people": lambda p: p + [p[0]]}, "ซ้ำกับแถวก่อนหน้า"),
    "the same OTOP code twice": (
        lambda w: {
            "people": lambda p: p + [newcomer("a" * 32, otop_code="OTOP-1"), newcomer("b" * 32, otop_code="OTOP-1")]
        },
        "ซ้ำกับแถวก่อนหน้า",
    ),
    "an OTOP code someone here has": (
        lambda w: {"people": lambda p: p + [newcomer("a" * 32, otop_code="OTOP-SILK")]},
        "ซ้ำกับ “กลุ่มทอผ้าไหมบ้านในเมือง”",
    ),
    "no months": (lambda w: {"manifest": lambda m: m.update(months=[]), "sales": lambda s: []}, "อย่างน้อยหนึ่งเดือน"),
    "a revision beyond 64 bits": (lambda w: {"sales": lambda s: first(s, set_at(7, 2**64))}, "เลขครั้งที่แก้ไขผิดปกติ"),
    "a revision at the top of 64 bits": (
        lambda w: {"sales": lambda s: first(s, set_at(7, 2**63 - 1))},
        "เลขครั้งที่แก้ไขผิดปกติ",
    ),
    "a time with a zone": (
        lambda w: {"sales": lambda s: first(s, set_at(8, "2026-08-01T00:00:00.00000Z"))},
        "วันเวลาผิดรูปแบบ",
    ),
    "a time with an offset": (
        lambda w: {"sales": lambda s: first(s, set_at(8, "2026-08-01T00:00:00+07:00"))},
        "ผิดรูปแบบ",
    ),
    "the same entrepreneur-month twice": (lambda w: {"sales": lambda s: s + [s[0]]}, "ซ้ำกับแถวก่อนหน้า"),
    "an amount over the cap of a cell": (
        lambda w: {"sales": lambda s: first(s, set_at(3, 10**14 - 1))},
        "จำนวนเงินไม่ถูกต้อง",
    ),
    "a NUL in a name": (lambda w: {"people": lambda p: first(p, set_at(1, "กลุ่ม\x00ทอผ้า"))}, "อักขระควบคุม"),
    "an escape in a product": (lambda w: {"people": lambda p: first(p, set_at(5, "\x1b[31mผ้า"))}, "อักขระควบคุม"),
    "a right-to-left override in a name": (
        lambda w: {"people": lambda p: first(p, set_at(1, "กลุ่ม\u202eทอผ้า"))},
        "U+202E",
    ),
    # The program saves a month from its first day on: a save before it says a time that never was (a district
    # that would look on time, say).
    "a save stamped before its month began": (
        lambda w: {"sales": lambda s: first(s, saved_at_its_month(-timedelta(microseconds=1)))},
        "ก่อนเดือนนั้นจะเริ่ม",
    ),
    "a control character in who saved": (
        lambda w: {"sales": lambda s: first(s, set_at(9, "mue\x07ang"))},
        "อักขระควบคุม",
    ),
}


@pytest.mark.parametrize("kind", sorted(INCONSISTENT))
def test_signed_but_inconsistent_files_are_refused_in_thai_and_the_dry_run_says_so(offices, kind, monkeypatch, capsys):
    world, district, folder = offices
    with world.database.unit_of_work() as uow:  # an OTOP code held here, for the clash case
        info = entrepreneurs.get_entrepreneur(uow=uow, user=world.province, entrepreneur_id=world.ids["ไหม"])
        entrepreneurs.save_entrepreneur(
            uow=uow, user=world.province, info=info.__class__(**{**vars(info), "otop_code": "OTOP-SILK"})
        )
    save(district, world.mueang, 2569, 8, {world.ids["ไหม"]: (3, 3, 3, 3)})
    spoil, words = INCONSISTENT[kind]
    bad = folder / "bad.otop"
    bad.write_bytes(resign(district, export(district, world.mueang, folder / "good.otop"), **spoil(world)))
    before = sales_dump(world.database)

    dry = batch.import_files(world.database, world.province, [bad], dry_run=True)[0]
    monkeypatch.setenv("OTOP_PASSWORD", PASSWORD)
    code = main([*location(world.database), "import", str(bad), "--user", "prov", "--dry-run"])
    printed = capsys.readouterr().out
    real = batch.import_files(world.database, world.province, [bad])[0]

    assert real.status == dry.status == "refused" and words in real.message, real.message
    assert dry.message == real.message and code == 2 and real.message in printed
    assert "Traceback" not in printed and sales_dump(world.database) == before
    with world.database.unit_of_work() as uow:
        assert batch.list_ledger(uow=uow)[0].outcome == "refused"


def test_a_save_at_the_first_instant_of_its_month_in_thailand_imports(offices):
    """The first instant of the month in Thailand is 17:00 the day before in UTC, as times are kept: taken."""
    world, district, folder = offices
    save(district, world.mueang, 2569, 8, {world.ids["ไหม"]: (3, 3, 3, 3)})
    edge = folder / "edge.otop"
    edge.write_bytes(
        resign(
            district,
            export(district, world.mueang, folder / "good.otop"),
            sales=lambda s: first(s, saved_at_its_month(timedelta())),
        )
    )
    assert batch.import_files(world.database, world.province, [edge])[0].status == "applied"


def test_a_bad_file_in_the_middle_of_a_batch_is_logged_and_the_others_import(offices, monkeypatch):
    world, district, folder = offices
    silk, rice = world.ids["ไหม"], world.ids["ข้าว"]
    save(district, world.mueang, 2569, 8, {silk: (41, 0, None, None)})
    first_file = folder / "1.otop"
    export(district, world.mueang, first_file)
    bad = folder / "2.otop"
    bad.write_bytes(resign(district, first_file.read_bytes(), people=lambda p: p + [p[0]]))
    strange = folder / "3.otop"  # a fault no check foresaw, below
    strange.write_bytes(first_file.read_bytes())
    save(district, world.mueang, 2569, 8, {rice: (42, 0, None, None)})
    last = folder / "4.otop"
    export(district, world.mueang, last)
    real_preview = merge.preview

    def preview(*, file_name, **kwargs):
        if file_name == strange.name:
            raise RuntimeError("a fault the program never foresaw")
        return real_preview(file_name=file_name, **kwargs)

    monkeypatch.setattr(merge, "preview", preview)
    outcomes = batch.import_files(world.database, world.province, [first_file, bad, strange, last])
    assert [o.status for o in outcomes] == ["applied", "refused", "refused", "applied"]
    assert outcomes[2].message == batch.UNEXPECTED
    with connect(world.database) as con:
        figures = dict(
            con.execute("SELECT entrepreneur_id, domestic_offline FROM monthly_sale WHERE fiscal_year=2569 AND month=8")
        )
    assert figures[silk] == 41 and figures[rice] == 42
    with world.database.unit_of_work() as uow:
        assert [e.outcome for e in batch.list_ledger(uow=uow)[:4]] == ["applied", "refused", "refused", "applied"]


def move(world, key: str, tambon: str, **changes) -> None:
    """The province corrects an entrepreneur: another tambon (perhaps another district), a name, active."""
    with world.database.unit_of_work() as uow:
        info = entrepreneurs.get_entrepreneur(uow=uow, user=world.province, entrepreneur_id=world.ids[key])
        entrepreneurs.save_entrepreneur(
            uow=uow, user=world.province, info=info.__class__(**{**vars(info), "tambon_code": tambon, **changes})
        )


@pytest.mark.parametrize("with_code", [False, True], ids=["without an OTOP code", "with an OTOP code"])
def test_a_district_file_keeps_importing_after_the_province_moves_renames_or_closes(
    offices, with_code, capsys, monkeypatch
):
    world, district, folder = offices
    silk, rice = world.ids["ไหม"], world.ids["ข้าว"]
    if with_code:  # the code travels in the district's file too: both offices know it
        for db in (world.database, district):
            with connect(db) as con:
                con.execute("UPDATE entrepreneur SET otop_code = 'UBN-0001' WHERE id = ?", (silk,))
    move(world, "ไหม", "341501")  # to Warin Chamrap: a wrong tambon corrected
    move(world, "ข้าว", "340104", name="กลุ่มแม่บ้านข้าวหอมมะลิ (ชื่อใหม่)", active=False)
    save(district, world.mueang, 2569, 8, {silk: (777, 0, None, None), rice: (888, 0, None, None)})
    path = folder / "3401.otop"
    export(district, world.mueang, path)

    monkeypatch.setenv("OTOP_PASSWORD", PASSWORD)
    code = main([*location(world.database), "import", str(path), "--user", "prov", "--dry-run"])
    printed = capsys.readouterr().out
    assert code == 0 and "[ย้ายพื้นที่] กลุ่มทอผ้าไหมบ้านในเมือง" in printed and "วารินชำราบ" in printed

    outcome = batch.import_files(world.database, world.province, [path])[0]
    assert outcome.status == "applied" and "ย้ายพื้นที่แล้ว 1 ราย" in outcome.message
    with connect(world.database) as con:
        people = {row[0]: row[1:] for row in con.execute("SELECT id, tambon_code, name, active FROM entrepreneur")}
        figures = dict(
            con.execute("SELECT entrepreneur_id, domestic_offline FROM monthly_sale WHERE fiscal_year=2569 AND month=8")
        )
    assert people[silk][0] == "341501"  # the province's placement stands
    assert people[rice] == ("340104", "กลุ่มแม่บ้านข้าวหอมมะลิ (ชื่อใหม่)", 0)  # and its name and closing
    assert figures[silk] == 777 and figures[rice] == 888  # the district's figures still arrive


def test_a_moved_entrepreneurs_figures_respect_the_locks_of_its_new_district(offices):
    from otop_desktop.services import locks

    world, district, folder = offices
    move(world, "ไหม", "341501")
    with world.database.unit_of_work() as uow:
        locks.lock_district(uow=uow, user=world.province, district_code="3415", fiscal_year=2569, month=8)
    save(district, world.mueang, 2569, 8, {world.ids["ไหม"]: (777, 0, None, None)})
    data = export(district, world.mueang, folder / "3401.otop")
    with world.database.unit_of_work() as uow:
        result = merge.preview(uow=uow, user=world.province, data=data, file_name="3401.otop")
    refused = [row for row in result.rows if row.kind == "refused"]
    assert [(row.name, row.month) for row in refused] == [("กลุ่มทอผ้าไหมบ้านในเมือง", 8)]

"""Helpers for exchange tests: a district office's own database beside the province's, and file crafting."""

from contextlib import contextmanager
from pathlib import Path

from otop_desktop.core.users import NATIONAL
from otop_desktop.services.exchange import keys
from otop_desktop.services.exchange.export import export_file
from tests.engines import connect, copy_of, new_beside


def copy_database(source, target: Path):
    """A district office's database: a copy of the province's (the same entrepreneurs and uids), on the same
    engine (`target` is where the file goes; a server gets a clone of the database)."""
    office = copy_of(source, target)
    with connect(office) as con:
        con.execute("DELETE FROM office_key")  # an office never shares the province's keys; it makes its own
    return office


def district_office(world, target: Path):
    """The Mueang district office's database beside a world not yet changed: a copy of the same world (the same
    entrepreneurs and uids) with no keys of the province's, as copy_database makes, but from the run's template."""
    from tests.engines import another_copy

    office = another_copy(world.database, "world", target)  # the template the test's world is a copy of
    with connect(office) as con:
        con.execute("DELETE FROM office_key")  # an office never shares the province's keys; it makes its own
    return office


def register(province_db, province_user, office_db, office_user, folder: Path) -> None:
    """The office writes its key file and the province registers it."""
    with office_db.unit_of_work() as uow:
        key_file = keys.write_key_file(uow=uow, user=office_user, path=folder / f"{office_user.area_code}.key")
    with province_db.unit_of_work() as uow:
        keys.register_key_file(uow=uow, user=province_user, path=key_file)


def export(db, user, path: Path, year=2569, months=range(1, 13)) -> bytes:
    with db.unit_of_work() as uow:
        export_file(uow=uow, user=user, fiscal_year=year, months=months, path=path)
    return path.read_bytes()


def sales_dump(path: Path, with_trace: bool = False) -> list[tuple]:
    """The sales content of a database keyed by entrepreneur uid, independent of local ids."""
    trace = ", l.file_digest" if with_trace else ""
    with connect(path) as con:
        return con.execute(
            "SELECT e.uid, s.fiscal_year, s.month, s.domestic_offline, s.domestic_online, s.export_offline,"
            f" s.export_online, s.source_revision, s.origin, s.updated_by, s.updated_at{trace}"
            " FROM monthly_sale s JOIN entrepreneur e ON e.id = s.entrepreneur_id"
            " LEFT JOIN import_ledger l ON l.id = s.import_id ORDER BY 1, 2, 3"
        ).fetchall()


@contextmanager
def department_with_province_file(world, folder: Path):
    """The province confirms August 2569 and writes its file and its key file; the department's office (a new
    database on the same engine) has its user and has registered the province's key. Yields (the file, its
    rows, the department's database, its user); the department's database is closed afterwards."""
    from otop_desktop.services import auth, locks

    with world.database.unit_of_work() as uow:
        locks.lock_province(uow=uow, user=world.province, fiscal_year=2569, month=8)
    with world.database.unit_of_work() as uow:
        path, _, rows = export_file(uow=uow, user=world.province, fiscal_year=2569, months=[8], path=folder / "34.otop")
        province_key = keys.write_key_file(uow=uow, user=world.province, path=folder / "34.key")
    department = new_beside(world.database, folder / "department" / "otop.db")
    try:
        with department.unit_of_work() as uow:
            dept = auth.create_user(
                uow=uow, user=None, username="dept", password="secret-pass", role="department", area_code=NATIONAL
            )
        with department.unit_of_work() as uow:
            keys.register_key_file(uow=uow, user=dept, path=province_key)
        yield path, rows, department, dept
    finally:
        department.close()

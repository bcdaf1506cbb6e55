"""Loading the bundled national master data (regions, provinces, districts, tambons) into the database."""

import csv
import hashlib
from functools import cache

from sqlalchemy import select

from otop_desktop.models import District, Province, Region, Setting, Tambon
from otop_desktop.paths import resource_path

MASTER_FILES = ("geographies.csv", "provinces.csv", "districts.csv", "sub_districts.csv")
VERSION_KEY = "master_data_version"


@cache
def master_data_version() -> str:
    """A digest of the bundled master files: the database reloads them when it changes. Worked out once a process
    (the files are the installed program's own): every opening of a database asks it, a command line's too, and
    reading and hashing the four files took about 1 ms of an opening's 4."""
    digest = hashlib.sha256()
    for name in MASTER_FILES:
        digest.update(resource_path("master", name).read_bytes())
    return digest.hexdigest()[:16]


def _read(name: str) -> list[dict]:
    with resource_path("master", name).open(encoding="utf-8-sig", newline="") as handle:
        return [row for row in csv.DictReader(handle) if not row.get("deleted_at")]


def master_rows() -> tuple[list[dict], list[dict], list[dict]]:
    """Provinces, districts and tambons as table rows with official codes.

    The source numbers provinces 1-77 in its own order; the official province code is the first two
    digits of its districts' codes (Ubon Ratchathani: 34), so it is taken from there.
    """
    districts = _read("districts.csv")
    official = {row["province_id"]: row["id"][:2] for row in districts}
    provinces = [
        {
            "code": official[row["id"]],
            "name_th": row["name_th"],
            "name_en": row["name_en"],
            "region_code": row["geography_id"] or None,
        }
        for row in _read("provinces.csv")
        if row["id"] in official
    ]
    district_rows = [
        {"code": row["id"], "province_code": row["id"][:2], "name_th": row["name_th"], "name_en": row["name_en"]}
        for row in districts
    ]
    tambons = [
        {
            "code": row["id"],
            "district_code": row["district_id"],
            "name_th": row["name_th"],
            "name_en": row["name_en"],
            "zip_code": row["zip_code"],
        }
        for row in _read("sub_districts.csv")
    ]
    return provinces, district_rows, tambons


def region_rows() -> list[dict]:
    """The six geographic regions (ภาค) as table rows, keyed by the master data's own numbers."""
    return [{"code": row["id"], "name_th": row["name"]} for row in _read("geographies.csv")]


def _upsert(session, model, rows: list[dict]) -> None:
    from sqlalchemy.dialects import postgresql, sqlite  # only when the master data changes: not on every start

    insert = postgresql.insert if session.get_bind().dialect.name == "postgresql" else sqlite.insert
    statement = insert(model.__table__)
    updates = {c: statement.excluded[c] for c in rows[0] if c != "code"}
    session.execute(statement.on_conflict_do_update(index_elements=["code"], set_=updates), rows)


def ensure_master_data(database) -> bool:
    """Load or refresh the master data when the bundled version differs; True if it loaded."""
    version = master_data_version()
    with database.unit_of_work() as uow:
        stored = uow.session.scalar(select(Setting.value).where(Setting.key == VERSION_KEY))
        if stored == version:
            return False
        provinces, districts, tambons = master_rows()
        _upsert(uow.session, Region, region_rows())
        _upsert(uow.session, Province, provinces)
        _upsert(uow.session, District, districts)
        _upsert(uow.session, Tambon, tambons)
        uow.session.merge(Setting(key=VERSION_KEY, value=version))
        uow.commit()
    return True

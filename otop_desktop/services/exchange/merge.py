"""District and province files taken in: preview what a checked file (verification.py) would change, and
apply it in one transaction (export.py writes them). Merge rule per row (entrepreneur × fiscal year × month):
- nothing here yet: new;
- last taken from the same office: applied only if the file's revision is newer (an older file never wins);
- changed here since (a province correction): if the office changed it too, a conflict for the officer;
- a locked district-month: refused and listed, the rest of the file still merges."""

import json
import uuid
from collections import Counter
from dataclasses import dataclass

from sqlalchemy import bindparam, insert, text

from otop_desktop.core.changes import Kind, touched
from otop_desktop.core.errors import InvalidInput
from otop_desktop.core.users import UserInfo
from otop_desktop.models import Entrepreneur, ImportLedger, MonthlySale, ProvinceLock
from otop_desktop.services.audit import AuditNote, record
from otop_desktop.services.entry import AMOUNT_FIELDS
from otop_desktop.services.exchange import prints
from otop_desktop.services.exchange.fileformat import (
    BadFile,
    Manifest,
    OpenedFile,
)
from otop_desktop.services.exchange.kinds import Outcome, RowKind
from otop_desktop.services.exchange.verification import check_file
from otop_desktop.services.names import person_name
from otop_desktop.services.sales_guard import refused_months
from otop_desktop.services.thai import (
    format_thai_datetime,
    month_label,
    now_utc,
    sort_key,
)
from otop_desktop.store.bulk import bulk_insert, collector_paused, insert_rows
from otop_desktop.store.database import keep_statistics

CONFLICT_TAKEN = "conflict_taken"  # in a ledger's counts: the conflicts that took the file's figures
KINDS_SHOWN = {
    RowKind.NEW: "ใหม่",
    RowKind.CHANGED: "เปลี่ยน",
    RowKind.UNCHANGED: "เหมือนเดิม",
    RowKind.OLDER: "เก่ากว่า (ไม่ทับของใหม่)",
    RowKind.CONFLICT: "ขัดแย้ง",
    RowKind.REFUSED: "ไม่รับ",
}


@dataclass(frozen=True)
class RowDiff:
    """What the file would do to one row."""

    uid: str
    name: str
    district_code: str
    fiscal_year: int
    month: int
    kind: str
    old: tuple | None
    new: tuple
    reason: str = ""

    @property
    def key(self) -> tuple[str, int, int]:
        """The row's identity across offices."""
        return self.uid, self.fiscal_year, self.month


@dataclass(frozen=True)
class ImportPreview:
    """A verified file and what applying it would change; nothing has changed yet."""

    file_name: str
    opened: OpenedFile
    counts: dict[str, int]
    rows: tuple[RowDiff, ...]  # what the officer reads: changed, older, conflicting and refused rows
    new_entrepreneurs: int
    already: str | None  # set when this very file was imported before
    plan: dict  # row key → kind, for every row that is not new (absent: new, written)
    local_people: dict  # uid → (local id, name) of the file's entrepreneurs this office holds
    people: list  # the file's entrepreneurs, normalised as this program stores them
    moved: tuple = ()  # Moved: entrepreneurs this office has placed outside the file's area
    printed: prints.PrintsPlan = prints.PrintsPlan()  # the district's print records this office lacks

    @property
    def conflicts(self) -> list[RowDiff]:
        """Rows changed both here and at the office, for the officer to decide."""
        return [row for row in self.rows if row.kind == RowKind.CONFLICT]

    def new_rows(self) -> list[RowDiff]:
        """The rows the file brings that this office does not have yet (built when asked: a merge of
        a whole country's files never needs them)."""
        names = {row[0]: row[1] for row in self.people}
        area = self.opened.manifest.source_area
        return [
            RowDiff(
                row[0],
                self.local_people.get(row[0], (None, names[row[0]]))[1],
                area,
                row[1],
                row[2],
                RowKind.NEW,
                None,
                tuple(row[3:7]),
            )
            for row in self.opened.parts["sales.json"]
            if (row[0], row[1], row[2]) not in self.plan
        ]


def _record_confirmed(session, user: UserInfo, manifest: Manifest, file_name: str, import_id: int, at) -> None:
    """At the department: a province file holds only months the province confirmed, so its months count
    as confirmed here (the department's reports read the same province_lock rows a province writes). What
    stood before is kept for undoing the import."""
    reason = f"ยืนยันโดยจังหวัด (ไฟล์ {file_name[:200]})"
    session.execute(
        _LOCKS_BEFORE,
        [
            {"import_id": import_id, "province": manifest.province_code, "year": manifest.fiscal_year, "month": month}
            for month in manifest.months
        ],
    )
    bulk_insert(
        session,
        ProvinceLock.__table__,
        [
            {
                "province_code": manifest.province_code,
                "fiscal_year": manifest.fiscal_year,
                "month": month,
                "locked": True,
                "changed_by": user.username,
                "changed_at": at,
                "reason": reason,
            }
            for month in manifest.months
        ],
        conflict=("province_code", "fiscal_year", "month"),
        update=("locked", "changed_by", "changed_at", "reason"),
    )


# --- preview ---------------------------------------------------------------------------------------------------
def classify(local, incoming_revision: int, incoming_amounts: tuple, origin: str) -> RowKind:
    """The merge rule for one row; `local` is (amounts, revision, origin, revision of the office's row
    last seen here) or None. Returns new, changed, refresh (same figures, newer revision), unchanged,
    older or conflict."""
    if local is None:
        return RowKind.NEW
    amounts, _, local_origin, seen = local
    same = tuple(amounts) == tuple(incoming_amounts)
    if incoming_revision <= seen:
        return RowKind.UNCHANGED if same else RowKind.OLDER  # nothing the office did since; what is here stands
    if same:
        return RowKind.REFRESH
    if local_origin == origin or all(amount is None for amount in amounts):
        return RowKind.CHANGED  # only the office changed it (or nothing was ever entered here)
    return RowKind.CONFLICT  # changed here and at the office since this office last saw its row


def _sql(statement: str, *lists: str):
    """A plain statement with named parameters, as both engines take them; `lists` name the parameters that
    hold a list (an IN of many values)."""
    return text(statement).bindparams(*(bindparam(name, expanding=True) for name in lists))


_ROWS = (
    "SELECT e.uid, s.month, s.domestic_offline, s.domestic_online, s.export_offline, s.export_online,"
    " s.revision, s.origin, s.source_revision FROM entrepreneur e {join} monthly_sale s ON e.id = s.entrepreneur_id"
)
# CROSS JOIN fixes SQLite's order: the area's entrepreneurs first, then their rows by primary key (14 times
# faster for a district than scanning the whole month through the period index). PostgreSQL plans it itself.
_AREA_ROWS = {
    engine: _sql(
        _ROWS.format(join=join) + " WHERE e.tambon_code >= :low AND e.tambon_code < :high"
        " AND s.fiscal_year = :year AND s.month IN :months",
        "months",
    )
    for engine, join in (("sqlite", "CROSS JOIN"), ("postgresql", "JOIN"))
}
_ROWS_OF = _sql(
    _ROWS.format(join="JOIN") + " WHERE e.id IN :ids AND s.fiscal_year = :year AND s.month IN :months", "ids", "months"
)
_AREA_PEOPLE = _sql("SELECT uid, id, name FROM entrepreneur WHERE tambon_code >= :low AND tambon_code < :high")
_PEOPLE_BY_UID = _sql("SELECT uid, id, name, tambon_code FROM entrepreneur WHERE uid IN :uids", "uids")
_IDS_BY_UID = _sql("SELECT uid, id FROM entrepreneur WHERE uid IN :uids", "uids")
_ONCE_HERE = _sql(
    "SELECT DISTINCT entity_key FROM audit_log WHERE entity = 'entrepreneur' AND field = 'tambon_code'"
    " AND old_value >= :low AND old_value < :high AND entity_key IN :keys",
    "keys",
)
_DISTRICT_NAMES = _sql("SELECT code, name_th FROM district")
_AREA_TAMBONS = _sql("SELECT code FROM tambon WHERE code >= :low AND code < :high")
_CODE_CLASH = _sql("SELECT otop_code, name FROM entrepreneur WHERE otop_code IN :codes LIMIT 1", "codes")
_LAST_APPLIED = _sql("SELECT max(id) FROM import_ledger WHERE file_digest = :digest AND outcome = :outcome")
_ACKNOWLEDGE = _sql(
    "UPDATE monthly_sale SET source_revision = :seen WHERE entrepreneur_id = :id AND fiscal_year = :year"
    " AND month = :month"
)
# Written last: the audit log's newest entry, and how many sales rows the import wrote (undo finds them all).
_LAST_AUDIT = _sql(
    "UPDATE import_ledger SET last_audit_id = (SELECT max(id) FROM audit_log), rows_written = :rows WHERE id = :id"
)
# What an import overwrites or marks seen, as it was: undo puts it back (rows it adds need no record).
_SALES_BEFORE = _sql(
    "INSERT INTO import_sale_before (import_id, entrepreneur_id, fiscal_year, month, written, domestic_offline,"
    " domestic_online, export_offline, export_online, revision, updated_by, updated_at, origin, source_revision,"
    " prior_import_id) SELECT :import_id, entrepreneur_id, "
    "fiscal_year, month, :written, domestic_offline, domestic_online,"
    " export_offline, export_online, revision, updated_by, updated_at, origin, source_revision, import_id"
    " FROM monthly_sale WHERE entrepreneur_id = :id AND fiscal_year = :year AND month = :month"
)
_LOCKS_BEFORE = _sql(
    "INSERT INTO import_lock_before (import_id, province_code, fiscal_year, month, existed, locked, changed_by,"
    " changed_at, reason) SELECT :import_id, :province, :year, :month, l.province_code IS NOT NULL, l.locked,"
    " l.changed_by, l.changed_at, l.reason FROM (SELECT 1 AS one) AS o LEFT JOIN province_lock l"
    " ON l.province_code = :province AND l.fiscal_year = :year AND l.month = :month"
)


def _local_state(session, area: str, fiscal_year: int, months) -> tuple[dict, dict]:
    """This office's entrepreneurs of the area by uid, and their rows of the months (plain SQL: it runs
    for every file of a merge)."""
    area_range = {"low": area, "high": _upper(area)}
    people = {uid: (eid, name) for uid, eid, name in session.execute(_AREA_PEOPLE, area_range)}
    rows = session.execute(
        _AREA_ROWS[session.get_bind().dialect.name], {**area_range, "year": fiscal_year, "months": list(months)}
    )
    return people, {(r[0], r[1]): (tuple(r[2:6]), r[6], r[7], r[8]) for r in rows}


def _upper(prefix: str) -> str:
    return prefix[:-1] + chr(ord(prefix[-1]) + 1)


def _chunks(values: list, size: int = 500):
    """Parameter tuples of at most `size` values (SQLite caps the parameters of one statement)."""
    for start in range(0, len(values), size):
        yield tuple(values[start : start + size])


@dataclass(frozen=True)
class Moved:
    """An entrepreneur of the file whom this office has placed in another district (a province correction):
    the placement here stands; the file's figures for them merge by the same rule."""

    uid: str
    name: str
    file_tambon: str
    tambon_code: str
    district_name: str


def _people_elsewhere(session, area: str, people: list, local_people: dict) -> tuple[dict, list[Moved]]:
    """Entrepreneurs of the file that this office holds outside the file's area: moved out of the area
    by this office (kept where they are now), or the file claims someone else's entrepreneur (refused)."""
    missing = [row for row in people if row[0] not in local_people]
    found = {}
    for chunk in _chunks([row[0] for row in missing]):
        found.update(
            (uid, (eid, name, tambon)) for uid, eid, name, tambon in session.execute(_PEOPLE_BY_UID, {"uids": chunk})
        )
    if not found:
        return {}, []
    ids = [str(eid) for eid, _, _ in found.values()]
    once_here = set()
    for chunk in _chunks(ids):
        once_here.update(
            key for (key,) in session.execute(_ONCE_HERE, {"low": area, "high": _upper(area), "keys": chunk})
        )
    districts = dict(session.execute(_DISTRICT_NAMES).all())
    moved = []
    for row in missing:
        if row[0] not in found:
            continue
        eid, name, tambon = found[row[0]]
        if str(eid) not in once_here:
            raise BadFile(
                f"ไฟล์อ้างถึงผู้ประกอบการ “{name}” ซึ่งเป็นของอำเภอ{districts.get(tambon[:4], tambon[:4])} "
                f"ไม่ใช่ของพื้นที่ต้นทาง {area} และไม่เคยอยู่ในพื้นที่นั้น ไฟล์ผิดปกติ จึงไม่นำเข้า "
                "กรุณาสอบถามสำนักงานต้นทาง"
            )
        moved.append(Moved(row[0], name, row[2], tambon, districts.get(tambon[:4], tambon[:4])))
    return {uid: (eid, name) for uid, (eid, name, _) in found.items()}, moved


def _check_new_people(session, area: str, fresh: list) -> None:
    """New entrepreneurs must sit in a real tambon of the area and bring OTOP codes no one here has."""
    tambons = {code for (code,) in session.execute(_AREA_TAMBONS, {"low": area, "high": _upper(area)})}
    for row in fresh:
        if row[2] not in tambons:
            raise BadFile(
                f"ไฟล์มีผู้ประกอบการใหม่ “{row[1]}” ในตำบลรหัส {row[2]} ซึ่งไม่มีอยู่ในพื้นที่ {area} "
                "ตามทะเบียนพื้นที่ของโปรแกรม จึงไม่นำเข้า กรุณาให้สำนักงานต้นทางแก้ตำบลแล้วส่งไฟล์ใหม่"
            )
    codes = [row[6] for row in fresh if row[6]]
    for chunk in _chunks(codes):
        clash = session.execute(_CODE_CLASH, {"codes": chunk}).first()
        if clash:
            raise BadFile(
                f"ไฟล์มีผู้ประกอบการใหม่ที่ใช้รหัส OTOP {clash[0]} ซ้ำกับ “{clash[1]}” ที่มีอยู่แล้ว จึงไม่นำเข้า "
                "กรุณาตรวจสอบรหัส OTOP กับสำนักงานต้นทาง"
            )


def already_imported(session, file_digest: str) -> str | None:
    """'นำเข้าแล้วเมื่อ … โดย …' when this very file was applied in full before and not undone."""
    found = session.execute(_LAST_APPLIED, {"digest": file_digest, "outcome": Outcome.APPLIED}).scalar()
    row = session.get(ImportLedger, found) if found else None
    if row is None or json.loads(row.summary or "{}").get(RowKind.REFUSED):
        return None  # never taken in, or some rows were refused (a month since unlocked may take them now)
    by = person_name(session, row.imported_by)
    return f"ไฟล์นี้นำเข้าแล้วเมื่อ {format_thai_datetime(row.imported_at)} โดย {by} ไม่มีการเปลี่ยนแปลงข้อมูลใด ๆ"


@collector_paused
def preview(*, uow, user: UserInfo, data: bytes, file_name: str) -> ImportPreview:
    """Verify a district file and work out, row by row, what applying it would do. Changes nothing."""
    opened, people, carried = check_file(uow=uow, user=user, data=data)
    manifest = opened.manifest
    sales = opened.parts["sales.json"]
    session, area = uow.session, manifest.source_area
    local_people, local_rows = _local_state(session, area, manifest.fiscal_year, manifest.months)
    elsewhere, moved = _people_elsewhere(session, area, people, local_people)
    local_people = {**local_people, **elsewhere}
    _check_new_people(session, area, [row for row in people if row[0] not in local_people])
    try:
        printed = prints.plan(session, carried)
    except prints.BadPrint as problem:
        raise BadFile(f"{problem} ไฟล์ผิดปกติ จึงไม่นำเข้า กรุณาสอบถามสำนักงานต้นทาง") from None
    locked = {uid_month: reason for uid_month, reason in _locked_rows(uow, user, manifest, moved)}
    if moved:
        local_rows.update(
            _rows_of(session, [elsewhere[m.uid][0] for m in moved], manifest.fiscal_year, manifest.months)
        )
    names = {row[0]: row[1] for row in people}
    diffs, plan, counts = [], {}, Counter()
    for row in sales if local_rows or locked else ():  # else every row is new: a month's first file
        uid, month = row[0], row[2]
        local = local_rows.get((uid, month))
        reason = locked.get((uid, month)) or locked.get((None, month))
        if reason:
            kind = RowKind.REFUSED
            if local is not None and classify(local, row[7], tuple(row[3:7]), area) in (
                RowKind.REFRESH,
                RowKind.UNCHANGED,
            ):
                kind = RowKind.UNCHANGED  # the figures here already: a locked month refuses nothing by taking nothing
        elif local is None:
            continue  # new: counted below, and not in the plan
        else:
            kind = classify(local, row[7], tuple(row[3:7]), area)
        counts[RowKind.UNCHANGED if kind is RowKind.REFRESH else kind] += 1
        plan[(uid, row[1], month)] = kind
        if kind not in (RowKind.REFRESH, RowKind.UNCHANGED):  # what the officer reads; new rows are listed on demand
            name = local_people.get(uid, (None, names[uid]))[1]
            diffs.append(
                RowDiff(uid, name, area, row[1], month, kind, local and local[0], tuple(row[3:7]), reason or "")
            )
    counts[RowKind.NEW] = len(sales) - sum(counts.values())
    new_people = sum(1 for row in people if row[0] not in local_people)
    return ImportPreview(
        file_name,
        opened,
        {k: counts.get(k, 0) for k in KINDS_SHOWN},
        tuple(diffs),
        new_people,
        already_imported(session, opened.digest),
        plan,
        local_people,
        people,
        tuple(moved),
        printed,
    )


def _rows_of(session, ids: list[int], fiscal_year: int, months) -> dict:
    """The rows of the months of some entrepreneurs, by (uid, month), as _local_state gives them."""
    rows = session.execute(_ROWS_OF, {"ids": list(ids), "year": fiscal_year, "months": list(months)})
    return {(r[0], r[1]): (tuple(r[2:6]), r[6], r[7], r[8]) for r in rows}


def _locked_rows(uow, user: UserInfo, manifest: Manifest, moved: list[Moved]):
    """(uid or None for every row, month) → why the file may not write it: the file's area's locked months,
    and for entrepreneurs moved to another district, that district's locked months too."""
    kwargs = {"uow": uow, "user": user, "fiscal_year": manifest.fiscal_year, "months": manifest.months}
    for month, reason in refused_months(district_code=manifest.source_area, **kwargs).items():
        yield (None, month), reason
    by_district: dict[str, list[str]] = {}
    for person in moved:
        by_district.setdefault(person.tambon_code[: len(manifest.source_area)], []).append(person.uid)
    for district_code, uids in by_district.items():
        for month, reason in refused_months(district_code=district_code, **kwargs).items():
            for uid in uids:
                yield (uid, month), reason


# --- apply ---------------------------------------------------------------------------------------------------------
def _insert_new_people(session, people: list, local_people: dict, import_id: int) -> dict[str, int]:
    """Add the file's entrepreneurs this office lacks (the preview checked their tambons and codes), marked
    with the import that brought them; return every uid of the file with its local id."""
    ids = {uid: eid for uid, (eid, _) in local_people.items()}
    fresh = [row for row in people if row[0] not in ids]
    if not fresh:
        return ids
    created = now_utc()
    bulk_insert(
        session,
        Entrepreneur.__table__,
        [
            {
                "uid": r[0],
                "name": r[1],
                "name_key": sort_key(r[1]),
                "tambon_code": r[2],
                "product_type_id": r[3],
                "entrepreneur_type_id": r[4],
                "main_product": r[5],
                "otop_code": r[6],
                "active": r[7],
                "created_at": created,
                "import_id": import_id,
            }
            for r in fresh
        ],
    )
    for start in range(0, len(fresh), 500):
        chunk = [r[0] for r in fresh[start : start + 500]]
        ids.update(session.execute(_IDS_BY_UID, {"uids": chunk}).all())
    return ids


# Built once: a merge writes one ledger row a file (a statement built per call cost a millisecond each).
_LEDGER_ROW = insert(ImportLedger).returning(ImportLedger.id)
WRITE_COLUMNS = (
    "entrepreneur_id",
    "fiscal_year",
    "month",
    *AMOUNT_FIELDS,
    "revision",
    "updated_by",
    "updated_at",
    "origin",
    "source_revision",
    "import_id",
)


def apply(
    *, uow, user: UserInfo, preview_: ImportPreview, take: set[tuple] = frozenset(), backup_path: str | None = None
) -> int:
    """Apply a previewed file in one transaction; conflicts in `take` (row keys) take the file's figures,
    the rest keep this office's. Returns the ledger id. The same file twice changes nothing."""
    if preview_.already:
        raise InvalidInput(preview_.already)
    ledger_id = write(uow=uow, user=user, preview_=preview_, take=take, backup_path=backup_path, batch=new_batch())
    uow.commit()
    return ledger_id


def applied_counts(preview_: ImportPreview, take) -> dict:
    """The preview's row counts and how many of its conflicts took the file's figures (the rest kept this
    office's), as the ledger keeps them (CONFLICT_TAKEN)."""
    taken = sum(1 for key in take if preview_.plan.get(key) is RowKind.CONFLICT)
    return {**preview_.counts, CONFLICT_TAKEN: taken} if preview_.counts.get(RowKind.CONFLICT) else preview_.counts


def new_batch() -> str:
    """The name shared by the files taken in together (undone together)."""
    return uuid.uuid4().hex


@collector_paused
def write(
    *,
    uow,
    user: UserInfo,
    preview_: ImportPreview,
    take: set[tuple] = frozenset(),
    backup_path: str | None = None,
    batch: str,
) -> int:
    """apply's writes without the commit (a batch commits each file itself). Returns the ledger id. What the
    file overwrites is kept as it was, so the import can be undone (services/exchange/undo.py)."""
    session, manifest = uow.session, preview_.opened.manifest
    people, sales = preview_.people, preview_.opened.parts["sales.json"]
    summary, imported_at = json.dumps(applied_counts(preview_, take), ensure_ascii=False), now_utc()
    import_id = session.execute(
        _LEDGER_ROW,
        dict(
            file_digest=preview_.opened.digest,
            file_name=preview_.file_name[:260],
            kind=manifest.kind,
            source_area=manifest.source_area,
            fiscal_year=manifest.fiscal_year,
            months=",".join(map(str, manifest.months)),
            file_created_at=manifest.created_at,
            imported_by=user.username,
            imported_at=imported_at,
            outcome=Outcome.APPLIED,
            summary=summary,
            backup_path=backup_path,
            batch=batch,
        ),
    ).scalar_one()
    ids = _insert_new_people(session, people, preview_.local_people, import_id)
    printed = prints.write(session, preview_.printed, ids, import_id)
    plan, area = preview_.plan, manifest.source_area
    if plan:  # some rows are here already: each is written as the preview weighed it
        kept = {key for key, kind in plan.items() if kind == RowKind.CONFLICT and key not in take}
        skipped = kept | {
            key for key, kind in plan.items() if kind in (RowKind.UNCHANGED, RowKind.OLDER, RowKind.REFUSED)
        }
        chosen = [row for row in sales if (row[0], row[1], row[2]) not in skipped]
        # The officer kept this office's figures: the office's version has been seen all the same.
        acknowledged = [(row[7], ids[row[0]], row[1], row[2]) for row in sales if (row[0], row[1], row[2]) in kept]
    else:  # all new
        chosen, acknowledged = sales, []
    # Times travel as ISO text with a "T"; the database keeps them with a space (SQLAlchemy's layout).
    stored = {stamp: stamp.replace("T", " ") for stamp in {row[8] for row in chosen}}  # a save stamps its rows alike
    writes = [
        (ids[uid], year, month, a, b, c, d, revision, by, stored[stamp], area, revision, import_id)
        for uid, year, month, a, b, c, d, revision, stamp, by in chosen
    ]
    before = [
        {"import_id": import_id, "written": True, "id": ids[row[0]], "year": row[1], "month": row[2]}
        for row in chosen
        if (row[0], row[1], row[2]) in plan
    ]
    before += [
        {"import_id": import_id, "written": False, "id": eid, "year": year, "month": month}
        for _, eid, year, month in acknowledged
    ]
    if before:
        session.execute(_SALES_BEFORE, before)
    insert_rows(
        session,
        MonthlySale.__table__,
        WRITE_COLUMNS,
        writes,
        conflict=("entrepreneur_id", "fiscal_year", "month"),
        update=WRITE_COLUMNS[3:],
    )
    if acknowledged:
        session.execute(_ACKNOWLEDGE, [dict(zip(("seen", "id", "year", "month"), row)) for row in acknowledged])
    keep_statistics(session, len(writes))
    if manifest.kind == "province":
        _record_confirmed(session, user, manifest, preview_.file_name, import_id, imported_at)
    districts = {area} if len(area) == 4 else {row[2][:4] for row in people}
    confirmed = Kind.LOCKS if manifest.kind == "province" else Kind.NONE
    confirmed |= Kind.PRINTS if printed else Kind.NONE
    uow.note(
        touched(
            Kind.SALES | Kind.ENTREPRENEURS | Kind.FILES | confirmed,
            fiscal_year=manifest.fiscal_year,
            months=manifest.months,
            districts=districts,
        )
    )
    record(
        session,
        [
            AuditNote(
                username=user.username,
                action="import",
                entity="file",
                entity_key=preview_.opened.digest[:40],
                field=manifest.source_area,
                old_value=None,
                new_value=summary,
                note=f"{preview_.file_name} {month_label(manifest.fiscal_year, manifest.months[0])}",
            )
        ],
    )
    session.execute(_LAST_AUDIT, {"id": import_id, "rows": len(writes)})
    return import_id

"""A demo database for Ubon Ratchathani: real districts and tambons, invented entrepreneurs and sales."""

import random
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from pathlib import Path

from sqlalchemy import select

from otop_desktop.core.errors import InvalidInput
from otop_desktop.core.users import UserInfo
from otop_desktop.models import AuditEntry, DistrictLock, Entrepreneur, MonthlySale, ProvinceLock, Tambon
from otop_desktop.services.auth import create_user, has_users
from otop_desktop.services.forms import forecast
from otop_desktop.services.targets import rule
from otop_desktop.services.thai import FISCAL_MONTHS, last_day, now_utc, sort_key
from otop_desktop.store.bulk import bulk_insert
from otop_desktop.store.database import is_server_url, open_database

PROVINCE = "34"
# Base-year sales of each district as printed in the province's letter (attachment 1), in baht:
# the demo's yearly totals are scaled to them so the figures look like the real thing.
DISTRICT_BASE_BAHT = {
    "3401": 1555156555,
    "3402": 278986187,
    "3403": 401171856,
    "3404": 292690535,
    "3405": 197685250,
    "3407": 680772512,
    "3408": 109976500,
    "3409": 251759355,
    "3410": 99822876,
    "3411": 267055600,
    "3412": 282161325,
    "3414": 566286550,
    "3415": 1950105500,
    "3419": 303901210,
    "3420": 163209950,
    "3421": 355557720,
    "3422": 388887160,
    "3424": 110518900,
    "3425": 317552555,
    "3426": 92758200,
    "3429": 106992700,
    "3430": 80935737,
    "3431": 59506530,
    "3432": 520620100,
    "3433": 105713530,
}
ENTREPRENEURS = 2600
MAX_SCALE = 40  # the demo's province at 40 times its entrepreneurs: about the whole country's
# Fiscal years with every month filled, then the months of the current year already reported.
FULL_YEARS = (2568, 2569)
PARTIAL_YEAR, PARTIAL_MONTHS = 2570, (10,)
YEAR_LEVEL = {2568: 0.96, 2569: 1.0, 2570: 1.04}
SEASON = (1.0, 1.1, 1.3, 1.2, 1.0, 0.95, 1.05, 0.9, 0.85, 0.85, 0.9, 0.9)  # October to September
LATE_DISTRICTS = 3  # districts that now and then save after the month's end
TYPE_WEIGHTS = (55, 43, 2)  # community, single owner, SME: the national mix
PRODUCTS = {
    1: ("ข้าวหอมมะลิ", "ปลาร้าบอง", "หมูยอ", "กุนเชียง", "ขนมนางเล็ด", "น้ำพริกเผา", "กล้วยตาก"),
    2: ("น้ำผึ้งดอกไม้ป่า", "ชาใบหม่อน", "น้ำกระเจี๊ยบ", "กาแฟคั่วบด", "น้ำสมุนไพรตะไคร้"),
    3: ("ผ้าไหมมัดหมี่", "ผ้ากาบบัว", "ผ้าฝ้ายย้อมคราม", "ผ้าขาวม้า", "เสื้อผ้าฝ้ายทอมือ"),
    4: ("เครื่องทองเหลือง", "ตะกร้าสานไม้ไผ่", "เสื่อกก", "เทียนพรรษาแกะสลัก", "เครื่องปั้นดินเผา"),
    5: ("สบู่สมุนไพร", "ยาหม่องสมุนไพร", "ลูกประคบ", "น้ำมันนวดไพล"),
}
PRODUCT_WEIGHTS = (33, 8, 25, 26, 8)
GROUP_WORDS = ("กลุ่มแม่บ้าน", "กลุ่มอาชีพ", "วิสาหกิจชุมชน", "กลุ่มทอผ้า", "กลุ่มเกษตรกร")
FIRST_NAMES = (
    "สมศรี",
    "บุญมี",
    "ประไพ",
    "สมชาย",
    "คำปุน",
    "จันทร์เพ็ญ",
    "ทองใบ",
    "วิไล",
    "สุนทร",
    "อำไพ",
    "บัวผัน",
    "ประสิทธิ์",
    "มณีรัตน์",
    "สุดใจ",
    "คำแพง",
    "พิกุล",
    "เสถียร",
    "ละเอียด",
)
LAST_NAMES = (
    "ศรีสุข",
    "บุญมา",
    "แก้วกล้า",
    "พรหมวงศ์",
    "ทองดี",
    "สุวรรณศรี",
    "จันทร์หอม",
    "คำภา",
    "ใจดี",
    "ศรีบุญเรือง",
    "พิมพ์ทอง",
    "วงศ์คำ",
    "โพธิ์ศรี",
    "มูลสาร",
)


@dataclass(frozen=True)
class DemoLogin:
    """A demo user and its password, printed for the person trying the app."""

    username: str
    password: str
    role: str
    area_code: str


@dataclass(frozen=True)
class DemoSummary:
    """What the demo database holds."""

    path: Path | str  # the file, or the server's URL
    logins: tuple[DemoLogin, ...]
    entrepreneurs: int
    sale_rows: int
    total_satang_by_year: dict[int, int]


def _person(rng: random.Random) -> str:
    return f"{rng.choice(('นาง', 'นาย', 'นางสาว'))}{rng.choice(FIRST_NAMES)} {rng.choice(LAST_NAMES)}"


def _entrepreneur_rows(rng: random.Random, tambons: dict[str, list[tuple[str, str]]], count: int) -> list[dict]:
    total_base = sum(DISTRICT_BASE_BAHT.values())
    rows, created, used = [], now_utc(), set()
    for district, base in DISTRICT_BASE_BAHT.items():
        share = 0.5 / len(DISTRICT_BASE_BAHT) + 0.5 * base / total_base
        for number in range(max(1, round(count * share))):
            tambon_code, tambon_name = rng.choice(tambons[district])
            product_type = rng.choices(range(1, 6), PRODUCT_WEIGHTS)[0]
            kind = rng.choices((1, 2, 3), TYPE_WEIGHTS)[0]
            product = rng.choice(PRODUCTS[product_type])
            name = (
                f"{rng.choice(GROUP_WORDS)}{product}บ้าน{tambon_name}"
                if kind == 1
                else _person(rng)
                if kind == 2
                else f"บริษัท {tambon_name}{product} จำกัด"
            )
            name = _distinct(name, tambon_code, kind, used)
            rows.append(
                {
                    "uid": f"{rng.getrandbits(128):032x}",
                    "name": name,
                    "name_key": sort_key(name),
                    "tambon_code": tambon_code,
                    "product_type_id": product_type,
                    "entrepreneur_type_id": kind,
                    "main_product": product,
                    "otop_code": f"{district}-{number + 1:05d}" if rng.random() < 0.7 else None,
                    "active": rng.random() > 0.01,
                    "created_at": created,
                }
            )
    return rows


def _distinct(name: str, tambon_code: str, kind: int, used: set) -> str:
    """The name, told apart from one already registered in the tambon (a group by its village number, anyone
    else by a number), without drawing from the generator, so the demo's figures stay as they were: a real
    tambon does not register two groups under one name, and the data-quality check raises such pairs."""
    number, shown = 1, name
    while (tambon_code, shown) in used:
        number += 1
        shown = f"{name} หมู่ {number}" if kind == 1 else f"{name} ({number})"
    used.add((tambon_code, shown))
    return shown


def _split(rng: random.Random, satang: int, online: float, export: float) -> tuple[int, int, int, int]:
    exported = int(satang * export)
    domestic = satang - exported
    domestic_online = int(domestic * online)
    export_online = int(exported * 0.2)
    return domestic - domestic_online, domestic_online, exported - export_online, export_online


def _sale_rows(rng: random.Random, entrepreneurs: list[tuple[int, str, bool]]) -> list[dict]:
    """Every month's sales, as if each district had entered them."""
    weights = {e: rng.lognormvariate(0, 1.0) for e, _, _ in entrepreneurs}
    district_weight: dict[str, float] = {}
    for e, tambon, _ in entrepreneurs:
        district_weight[tambon[:4]] = district_weight.get(tambon[:4], 0) + weights[e]
    periods = [(y, m) for y in FULL_YEARS for m in FISCAL_MONTHS] + [(PARTIAL_YEAR, m) for m in PARTIAL_MONTHS]
    rows = []
    saved = _saved_times(rng, sorted(district_weight), periods)
    for e, tambon, active in entrepreneurs:
        yearly = DISTRICT_BASE_BAHT[tambon[:4]] * 100 * weights[e] / district_weight[tambon[:4]]
        online, export = rng.uniform(0.05, 0.35), rng.uniform(0.05, 0.3) if rng.random() < 0.08 else 0.0
        growth = rng.uniform(0.9, 1.15)
        for year, month in periods:
            if not active and year != FULL_YEARS[0]:
                continue
            level = YEAR_LEVEL[year] * (growth if year != FULL_YEARS[0] else 1.0)
            monthly = yearly * level * SEASON[FISCAL_MONTHS.index(month)] / sum(SEASON) * rng.uniform(0.8, 1.2)
            satang = 0 if rng.random() < 0.04 else int(monthly)
            if rng.random() < 0.85:
                satang -= satang % 100  # most entrepreneurs report whole baht
            amounts = _split(rng, satang, online, export)
            rows.append(
                {
                    "entrepreneur_id": e,
                    "fiscal_year": year,
                    "month": month,
                    "domestic_offline": amounts[0],
                    "domestic_online": amounts[1],
                    "export_offline": amounts[2] if export else None,
                    "export_online": amounts[3] if export else None,
                    "revision": 1,
                    "updated_by": f"amphoe{tambon[:4]}",
                    "updated_at": saved[tambon[:4], year, month],
                    "origin": tambon[:4],
                    "source_revision": 1,
                }
            )
    return rows


def _at(day: date, hour: int) -> datetime:
    """A local office hour in Thailand (UTC+7) as the database stores it, naive UTC."""
    return datetime.combine(day, time(hour)) - timedelta(hours=7)


def _saved_times(rng: random.Random, districts: list[str], periods) -> dict[tuple[str, int, int], datetime]:
    """When each district saved each month: in the month's last days, a few districts now and then late."""
    late = set(rng.sample(districts, LATE_DISTRICTS))
    times = {}
    for district in districts:
        for year, month in periods:
            end = last_day(year, month)
            day = (
                end + timedelta(days=rng.randint(1, 6))
                if district in late and rng.random() < 0.3
                else end - timedelta(days=rng.randint(0, 3))
            )
            times[district, year, month] = _at(day, rng.randint(9, 16))
    return times


def _lock_rows(rng: random.Random, districts: list[str]) -> tuple[list[dict], list[dict]]:
    """District and province locks of every month reported, as the roadmap asks (by the 5th), some late;
    the latest month locked by most districts, not yet by the province."""
    district_rows, province_rows = [], []
    for year, month in [(y, m) for y in FULL_YEARS for m in FISCAL_MONTHS] + [
        (PARTIAL_YEAR, m) for m in PARTIAL_MONTHS
    ]:
        end = last_day(year, month)
        latest = (year, month) == (PARTIAL_YEAR, PARTIAL_MONTHS[-1])
        for district in districts:
            if latest and rng.random() < 0.2:
                continue
            day = end + timedelta(days=rng.randint(6, 9) if rng.random() < 0.05 else rng.randint(1, 4))
            district_rows.append(
                {
                    "district_code": district,
                    "fiscal_year": year,
                    "month": month,
                    "locked": True,
                    "changed_by": "province34",
                    "changed_at": _at(day, 10),
                    "reason": "",
                }
            )
        if not latest:
            day = end + timedelta(days=7 if rng.random() < 0.1 else 5)
            province_rows.append(
                {
                    "province_code": PROVINCE,
                    "fiscal_year": year,
                    "month": month,
                    "locked": True,
                    "changed_by": "province34",
                    "changed_at": _at(day, 15),
                    "reason": "",
                }
            )
    return district_rows, province_rows


def _lock_log(district_rows: list[dict], province_rows: list[dict]) -> list[dict]:
    """The log's entries of the demo's locks, as locks.lock_district and lock_province write them: the lock tab's
    history of a demo month was empty while a figure's history named its lock."""
    entries = []
    for entity, code, rows in (
        ("district_lock", "district_code", district_rows),
        ("province_lock", "province_code", province_rows),
    ):
        for row in rows:
            entries.append(
                {
                    "at": row["changed_at"],
                    "username": row["changed_by"],
                    "action": "lock",
                    "entity": entity,
                    "entity_key": f"{row[code]}/{row['fiscal_year']}/{row['month']:02d}",
                    "field": "locked",
                    "old_value": "0",
                    "new_value": "1",
                    "note": "",
                }
            )
    return entries


def _plan_the_year(database, sales: list[dict]) -> None:
    """The current year's targets (base year 2569, the letter's factor and tiers) and the province's forecast
    (last year's months and channels, five per cent up, in whole baht), set through the services."""
    province = UserInfo("province34", "province", PROVINCE, "", "")
    with database.unit_of_work() as uow:
        rule.save_settings(
            uow=uow,
            user=province,
            fiscal_year=PARTIAL_YEAR,
            base_year=FULL_YEARS[-1],
            factor="0.926",
            percents=("2", "3", "5"),
        )
    with database.unit_of_work() as uow:
        rule.bases_from_data(uow=uow, user=province, fiscal_year=PARTIAL_YEAR)
    last_year: dict[int, list[int]] = {m: [0, 0, 0, 0] for m in FISCAL_MONTHS}
    for row in sales:
        if row["fiscal_year"] == FULL_YEARS[-1]:
            for i, field in enumerate(("domestic_offline", "domestic_online", "export_offline", "export_online")):
                last_year[row["month"]][i] += row[field] or 0
    months = {
        m: (tuple(amount * 105 // 100 // 100 * 100 for amount in amounts), "") for m, amounts in last_year.items()
    }
    with database.unit_of_work() as uow:
        forecast.save_forecast(uow=uow, user=province, fiscal_year=PARTIAL_YEAR, months=months)


def demo_logins() -> list[DemoLogin]:
    """The demo's users: an admin, the province, and one per district, with their demo passwords."""
    logins = [
        DemoLogin("admin", "demo-admin", "admin", PROVINCE),
        DemoLogin("province34", "demo-province", "province", PROVINCE),
    ]
    return logins + [
        DemoLogin(f"amphoe{code}", f"demo-{code}", "district", code) for code in sorted(DISTRICT_BASE_BAHT)
    ]


def _create_logins(uow) -> list[DemoLogin]:
    logins, admin = demo_logins(), None
    for login in logins:
        # The officers who type and check, not the heads who sign (พัฒนาการ…): the forms' signature blocks are
        # the offices' signatories, and a login's position shows where it signs for itself (the check's paper).
        position = {"admin": "ผู้ดูแลระบบ", "province": "นักวิชาการพัฒนาชุมชนชำนาญการ"}.get(login.role, "นักวิชาการพัฒนาชุมชน")
        info = create_user(
            uow=uow,
            user=admin,
            username=login.username,
            password=login.password,
            role=login.role,
            area_code=login.area_code,
            display_name=_person(random.Random(login.username)),
            position=position,
        )
        admin = admin or info
    return logins


def build_demo(path: Path | str, *, scale: int = 1, seed: int = 2568, overwrite: bool = False) -> DemoSummary:
    """Create the demo database at `path`, a file or (a postgresql:// URL) an empty database on an office's
    server; `scale` multiplies the entrepreneurs (for benchmarks). A server's data is never overwritten."""
    if type(scale) is not int or not 1 <= scale <= MAX_SCALE:  # 0 made a demo without entrepreneurs, 10**8 ran for ever
        raise InvalidInput(
            f"ขนาดข้อมูลตัวอย่าง (--scale) ต้องเป็น 1 ถึง {MAX_SCALE} เท่า"
            f" (1 เท่า = ผู้ประกอบการ {ENTREPRENEURS:,} ราย; {MAX_SCALE} เท่า ใกล้จำนวนทั้งประเทศ) ยังไม่ได้สร้างข้อมูลใด ๆ"
        )
    if is_server_url(path):
        database = open_database(path, create=True)
        with database.unit_of_work() as uow:
            used = has_users(uow=uow)
        if used:
            database.close()
            raise InvalidInput(
                "ฐานข้อมูลบนเซิร์ฟเวอร์นี้มีผู้ใช้งานแล้ว จะไม่สร้างข้อมูลตัวอย่างทับ "
                "(ข้อมูลตัวอย่างสร้างได้เฉพาะในฐานข้อมูลว่าง เช่น ฐานข้อมูลใหม่ที่สร้างด้วย createdb)"
            )
    else:
        path = Path(path)
        if path.exists() and not overwrite:
            raise InvalidInput(f"มีไฟล์ {path} อยู่แล้ว ใช้ --force หากต้องการสร้างข้อมูลตัวอย่างทับ")
        for suffix in ("", "-wal", "-shm"):
            Path(f"{path}{suffix}").unlink(missing_ok=True)
        try:
            database = open_database(path)
        except BaseException:
            _remove_half_made(path)
            raise
    rng = random.Random(seed)
    try:
        with database.unit_of_work() as uow:
            session = uow.session
            tambons: dict[str, list[tuple[str, str]]] = {}
            for code, name in session.execute(
                select(Tambon.code, Tambon.name_th).where(Tambon.code.startswith(PROVINCE)).order_by(Tambon.code)
            ):  # in order: the same demo on either engine
                tambons.setdefault(code[:4], []).append((code, name))
            logins = _create_logins(uow)
            bulk_insert(session, Entrepreneur.__table__, _entrepreneur_rows(rng, tambons, ENTREPRENEURS * scale))
            entrepreneurs = session.execute(
                select(Entrepreneur.id, Entrepreneur.tambon_code, Entrepreneur.active).order_by(Entrepreneur.id)
            ).all()
            sales = _sale_rows(rng, entrepreneurs)
            bulk_insert(session, MonthlySale.__table__, sales)
            district_locks, province_locks = _lock_rows(rng, sorted(DISTRICT_BASE_BAHT))
            bulk_insert(session, DistrictLock.__table__, district_locks)
            bulk_insert(session, ProvinceLock.__table__, province_locks)
            bulk_insert(session, AuditEntry.__table__, _lock_log(district_locks, province_locks))
            uow.commit()
        _plan_the_year(database, sales)
        totals: dict[int, int] = {}
        for row in sales:
            totals[row["fiscal_year"]] = totals.get(row["fiscal_year"], 0) + sum(
                row[f] or 0 for f in ("domestic_offline", "domestic_online", "export_offline", "export_online")
            )
    except BaseException:
        database.close()
        if not is_server_url(path):  # a demo left half made (a full disk) is no office's: nothing of it stays
            _remove_half_made(path)
        raise
    database.close()
    return DemoSummary(path, tuple(logins), len(entrepreneurs), len(sales), totals)


def _remove_half_made(path: Path) -> None:
    """Remove a demo database file that could not be made whole, with the files SQLite keeps beside it."""
    for suffix in ("", "-wal", "-shm", "-journal"):
        try:
            Path(f"{path}{suffix}").unlink(missing_ok=True)
        except OSError:
            pass

"""The whole offline month: 25 district offices enter and export, the province imports all their files,
locks the province, sends receipts, and every district sees its month locked without a network."""

import pytest

from otop_desktop.core.errors import MonthLocked
from otop_desktop.core.users import UserInfo
from otop_desktop.demo import DISTRICT_BASE_BAHT
from otop_desktop.services import entry, locks, saving, sync
from otop_desktop.services.exchange import batch, keys, receipts
from otop_desktop.store.database import open_database
from tests.conftest import demo_copy
from tests.exchange_helpers import copy_database, export

YEAR, MONTH = 2570, 11
PROVINCE = UserInfo("province34", "province", "34", "", "")


def district_user(code: str) -> UserInfo:
    return UserInfo(f"amphoe{code}", "district", code, "", "")


def test_twenty_five_districts_round_trip(tmp_path, demo_built):
    province = open_database(demo_copy(demo_built, tmp_path / "province" / "otop.db").path)
    files, offices = [], {}
    with province.unit_of_work() as uow:
        province_key = keys.write_key_file(uow=uow, user=PROVINCE, path=tmp_path / "34.key")
    for code in sorted(DISTRICT_BASE_BAHT):
        office = copy_database(province, tmp_path / code / "otop.db")
        user = district_user(code)
        with office.unit_of_work() as uow:
            keys.register_key_file(uow=uow, user=user, path=province_key)
            key_file = keys.write_key_file(uow=uow, user=user, path=tmp_path / f"{code}.key")
        with province.unit_of_work() as uow:
            keys.register_key_file(uow=uow, user=PROVINCE, path=key_file)
        with office.unit_of_work() as uow:
            sync.sync_month(uow=uow, user=user, fiscal_year=YEAR, month=MONTH)
        with office.unit_of_work() as uow:
            sheet = entry.load_month(uow=uow, user=user, fiscal_year=YEAR, month=MONTH)
            saving.save_month(
                uow=uow,
                user=user,
                fiscal_year=YEAR,
                month=MONTH,
                changes=[
                    saving.SaleChange(row.entrepreneur_id, (100_000 + i, 5_000, None, None))
                    for i, row in enumerate(sheet.rows)
                ],
            )
        files.append(tmp_path / f"{code}.otop")
        export(office, user, files[-1], year=YEAR, months=[10, MONTH])
        offices[code] = (office, user, len(sheet.rows))

    outcomes = batch.import_files(province, PROVINCE, files)
    assert [o.status for o in outcomes] == ["applied"] * 25
    for outcome, (code, (_, _, listed)) in zip(outcomes, sorted(offices.items())):
        assert outcome.counts["new"] == listed, code  # November's rows are new at the province
        assert outcome.counts["conflict"] == outcome.counts["refused"] == 0
    with province.unit_of_work() as uow:
        sheet = entry.load_month(uow=uow, user=PROVINCE, fiscal_year=YEAR, month=MONTH)
    assert len(sheet.rows) == sum(listed for _, _, listed in offices.values())
    assert all(row.amounts[1] == 5_000 for row in sheet.rows)

    with province.unit_of_work() as uow:
        assert locks.lock_province(uow=uow, user=PROVINCE, fiscal_year=YEAR, month=MONTH) == 25
    for code, (office, user, _) in offices.items():
        with province.unit_of_work() as uow:
            receipt = receipts.write_receipt(
                uow=uow,
                user=PROVINCE,
                district_code=code,
                fiscal_year=YEAR,
                months=[10, MONTH],
                path=tmp_path / f"receipt-{code}.otop",
            )
        with office.unit_of_work() as uow:
            receipts.read_receipt(uow=uow, user=user, data=receipt.read_bytes(), file_name=receipt.name)
        with office.unit_of_work() as uow:
            overview = locks.lock_overview(uow=uow, user=user, fiscal_year=YEAR, month=MONTH)
            assert overview.districts[0].locked
            with pytest.raises(MonthLocked):
                sync.sync_month(uow=uow, user=user, fiscal_year=YEAR, month=MONTH)
        office.close()
    province.close()

"""One rule for free text (thai.free_text): every text a person types and the program stores refuses ESC, BEL,
NUL and direction overrides, in Thai, storing nothing; read over the code, every such write uses the rule."""

import ast
from pathlib import Path

import pytest

from otop_desktop.core.errors import InvalidInput
from otop_desktop.services import auth, entrepreneurs, locks
from otop_desktop.services.entrepreneurs import EntrepreneurInfo
from otop_desktop.services.forms import forecast, signatories
from otop_desktop.services.office import Office
from otop_desktop.services.thai import free_text
from tests.engines import contents

ROOT = Path(__file__).resolve().parents[2] / "otop_desktop"
HOSTILE = {"ESC": "นาย\x1b[31mสมชาย", "BEL": "นาย\x07สมชาย", "NUL": "นาย\x00สมชาย", "RTL override": "นาย\u202eสมชาย"}
# Every service that stores a text a person typed (or a file carried), and the parameter (or field) it stores.
WRITES = {
    "locks.unlock_district": "reason",
    "locks.unlock_province": "reason",
    "auth.create_user": ("username", "display_name", "position"),
    "forms.signatories.set_signatory": ("name", "position"),
    "entrepreneurs._validate": ("name", "main_product", "otop_code"),
    "forms.forecast.save_forecast": "remark",
    "exchange.receipts._apply_locks": ("by", "reason"),  # read_receipt sets the locks through it
}
RULE_HELPERS = {"free_text", "_check_reason"}  # _check_reason is free_text with the reason's name


def _function(dotted: str) -> ast.FunctionDef:
    module, name = dotted.rsplit(".", 1)
    tree = ast.parse((ROOT / "services" / (module.replace(".", "/") + ".py")).read_text(encoding="utf-8"))
    return next(node for node in tree.body if isinstance(node, ast.FunctionDef) and node.name == name)


def _ruled(function: ast.FunctionDef) -> set[str]:
    """The names and fields passed (first) to the rule inside a function."""
    ruled = set()
    for call in ast.walk(function):
        if (
            isinstance(call, ast.Call)
            and isinstance(call.func, ast.Name)
            and call.func.id in RULE_HELPERS
            and call.args
        ):
            for node in ast.walk(call.args[0]):
                ruled |= (
                    {node.id}
                    if isinstance(node, ast.Name)
                    else {node.attr}
                    if isinstance(node, ast.Attribute)
                    else set()
                )
    return ruled


@pytest.mark.parametrize("dotted", sorted(WRITES))
def test_every_free_text_write_goes_through_the_one_rule(dotted):
    fields = WRITES[dotted] if isinstance(WRITES[dotted], tuple) else (WRITES[dotted],)
    missing = set(fields) - _ruled(_function(dotted))
    assert not missing, f"{dotted} stores {missing} without free_text"


def test_the_text_rule_lives_in_one_place():
    """The rule's parts (text_problem, tidy_text) are used by thai.free_text alone; the file reader checks a
    whole file's columns at once with the same characters (any_text_problem) and refuses the file."""
    offenders = [
        f"{path.relative_to(ROOT)}:{number}"
        for path in ROOT.rglob("*.py")
        if path.name != "thai.py" and path.relative_to(ROOT).as_posix() != "services/exchange/verification.py"
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
        if "text_problem(" in line or "tidy_text(" in line
    ]
    assert not offenders, offenders


@pytest.mark.parametrize("kind", HOSTILE)
def test_the_rule_refuses_control_and_direction_characters_in_thai(kind):
    with pytest.raises(InvalidInput, match="อักขระควบคุม"):
        free_text(HOSTILE[kind], "ชื่อ")


def test_the_rule_tidies_white_space_and_says_what_is_missing_or_too_long():
    assert free_text("  นาย   สมชาย ", "ชื่อ") == "นาย สมชาย" and free_text(None, "ชื่อ") == ""
    with pytest.raises(InvalidInput, match="กรุณาระบุเหตุผล"):
        free_text("   ", "เหตุผล", required=True)
    with pytest.raises(InvalidInput, match="ยาวเกิน 5 ตัวอักษร"):
        free_text("abcdef", "ชื่อ", limit=5)


def _unlock_district(world, text):
    Office(world.database, world.province).run(locks.lock_district, district_code="3401", fiscal_year=2569, month=8)
    return lambda office: office.run(
        locks.unlock_district, district_code="3401", fiscal_year=2569, month=8, reason=text
    )


def _unlock_province(world, text):
    Office(world.database, world.province).run(locks.lock_province, fiscal_year=2569, month=8, incomplete_ok=True)
    return lambda office: office.run(locks.unlock_province, fiscal_year=2569, month=8, reason=text)


def _user(field):
    def arrange(world, text):
        values = {"username": "newcomer", "display_name": "", "position": "", field: text}
        return lambda office: office.run(
            auth.create_user, password="long-enough-1", role="district", area_code="3401", **values
        )

    return arrange


def _signatory(field):
    def arrange(world, text):
        values = {"name": "นายสมชาย", "position": "พัฒนาการอำเภอ", field: text}
        return lambda office: office.run(signatories.set_signatory, area_code="3401", duty="signs", **values)

    return arrange


def _entrepreneur(field):
    def arrange(world, text):
        values = {"name": "กลุ่มใหม่", "main_product": "ผ้าไหม", "otop_code": None, field: text}
        info = EntrepreneurInfo(None, values["name"], "340101", 1, 1, values["main_product"], values["otop_code"], True)
        return lambda office: office.run(entrepreneurs.save_entrepreneur, info=info)

    return arrange


def _forecast_remark(world, text):
    return lambda office: office.run(
        forecast.save_forecast, fiscal_year=2569, months={10: ((100, None, None, None), text)}
    )


FIELDS = {
    "unlock reason (district)": (_unlock_district, "province"),
    "unlock reason (province)": (_unlock_province, "province"),
    "username": (_user("username"), "admin"),
    "user display name": (_user("display_name"), "admin"),
    "user position": (_user("position"), "admin"),
    "signatory name": (_signatory("name"), "province"),
    "signatory position": (_signatory("position"), "province"),
    "entrepreneur name": (_entrepreneur("name"), "province"),
    "entrepreneur main product": (_entrepreneur("main_product"), "province"),
    "entrepreneur OTOP code": (_entrepreneur("otop_code"), "province"),
    "forecast remark": (_forecast_remark, "province"),
}


@pytest.mark.parametrize("kind", HOSTILE)
@pytest.mark.parametrize("field", FIELDS)
def test_each_free_text_field_refuses_hostile_characters_and_stores_nothing(world, field, kind):
    arrange, who = FIELDS[field]
    write = arrange(world, HOSTILE[kind])
    before = contents(world.database)
    with pytest.raises(InvalidInput, match="อักขระควบคุม"):
        write(Office(world.database, getattr(world, who)))
    assert contents(world.database) == before

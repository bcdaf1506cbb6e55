"""The README's demo exchange, run exactly as written: two demo data folders (a district's PC and the province's),
the district's key registered at the province, a figure entered and exported by the district, the file taken in
by the province, and the figure there. The lines are read from README.md, so the README cannot drift."""

import re
import shlex
import sqlite3
from contextlib import closing
from pathlib import Path

from otop_desktop.cli import main

README = Path(__file__).resolve().parents[2] / "README.md"


def readme_steps() -> list[tuple[dict, list[str]]]:
    """(environment, arguments) of each command between the demo-exchange markers."""
    text = README.read_text(encoding="utf-8")
    block = re.search(r"<!-- demo-exchange:start -->\n```sh\n(.*?)```\n<!-- demo-exchange:end -->", text, re.S).group(1)
    steps = []
    for line in block.splitlines():
        words = shlex.split(line, comments=True)
        env = dict(word.split("=", 1) for word in words if re.match(r"^[A-Z_]+=", word))
        command = [word for word in words if not re.match(r"^[A-Z_]+=", word)]
        assert command[0] == "otop-desktop", line
        steps.append((env, command[1:]))
    return steps


def test_the_readmes_demo_exchange_runs_as_written_and_the_figure_arrives(tmp_path, monkeypatch, capsys):
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("OTOP_DATA_DIR", raising=False)
    outputs = []
    for env, args in readme_steps():
        monkeypatch.delenv("OTOP_PASSWORD", raising=False)
        for name, value in env.items():
            monkeypatch.setenv(name, value)
        code = main(args)
        out = capsys.readouterr()
        assert code == 0, (args, out.err)
        outputs.append(out.out)
    assert "ลงทะเบียนกุญแจของอำเภอเมืองอุบลราชธานี (3401) แล้ว" in outputs[3]
    assert "ตรวจสอบเท่านั้น" in outputs[7] and "12,500.00" in outputs[7]
    dry_run = outputs[7].splitlines()  # said first, not last; the synced list's empty rows counted, not listed
    assert dry_run[0].startswith("ตรวจสอบเท่านั้น") and ": จะนำเข้า: " in dry_run[1] and "นำเข้าแล้ว" not in dry_run[1]
    assert re.search(r"\[ใหม่\] รายชื่อที่ยังไม่มียอด 2\d\d ราย", outputs[7]) and len(dry_run) < 20, outputs[7]
    assert re.search(r"^196\t.*\t12,500\.00\t", outputs[9], re.M), outputs[9]
    assert "ลงทะเบียนกุญแจของจังหวัดอุบลราชธานี (34) แล้ว" in outputs[11]  # the district, the province's key, for its receipts
    assert outputs[13].startswith("รับใบตอบรับจากจังหวัด") and "การนำเข้าล่าสุด 3401.otop: นำเข้าแล้ว" in outputs[13]
    with closing(sqlite3.connect(tmp_path / "demo-province" / "otop.db")) as con:
        assert con.execute(
            "SELECT domestic_offline, origin FROM monthly_sale WHERE entrepreneur_id = 196 AND fiscal_year = 2570"
            " AND month = 11"
        ).fetchone() == (1_250_000, "3401")

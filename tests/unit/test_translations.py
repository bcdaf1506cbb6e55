"""The translators' template lists every interface text the code passes through tr(), so an English
(or any) translation can be made from it without reading the code."""

import shutil
import subprocess
import sys
import xml.etree.ElementTree as ElementTree
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
TEMPLATE = ROOT / "resources" / "translations" / "otop_en.ts"


def sources(ts_file: Path) -> set[str]:
    return {
        message.findtext("source")
        for message in ElementTree.parse(ts_file).iter("message")
        if message.find("translation").get("type") not in ("obsolete", "vanished")
    }


def test_the_translation_template_is_current(tmp_path):
    lupdate = shutil.which("pyside6-lupdate", path=str(Path(sys.executable).parent))
    if lupdate is None:
        pytest.fail("pyside6-lupdate is missing: pyside6-essentials installs it beside python")
    fresh = tmp_path / "fresh.ts"
    subprocess.run(
        [lupdate, *sorted(str(p) for p in (ROOT / "otop_desktop" / "ui").glob("*.py")), "-ts", str(fresh)],
        check=True,
        capture_output=True,
    )
    missing = sources(fresh) - sources(TEMPLATE)
    assert not missing, (
        f"{len(missing)} texts are not in {TEMPLATE.name}; run: .venv/bin/pyside6-lupdate -no-obsolete "
        "otop_desktop/ui/*.py -ts resources/translations/otop_en.ts"
    )
    assert len(sources(TEMPLATE)) > 200

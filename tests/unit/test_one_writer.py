"""One way to write a file, checked over the code: outside core/files.py, every call that writes a file
(open for writing, write_bytes/write_text, a workbook's or canvas's save, SQLite's backup, copies, renames)
sits in a private function that only the writer hands a temporary file to (passed to write_output or
write_bytes, directly or through other private functions of its module)."""

import ast
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2] / "otop_desktop"
WRITER = ROOT / "core" / "files.py"
WRITER_CALLS = {"write_output", "write_bytes"}
WRITING_METHODS = {"write_bytes", "write_text", "save", "backup", "rename", "touch", "symlink_to", "hardlink_to"}
WRITING_FUNCTIONS = {("shutil", name) for name in ("copy", "copy2", "copyfile", "copytree", "move")} | {
    ("os", "replace"),
    ("os", "rename"),
    ("os", "link"),
    ("os", "symlink"),
}


def _mode(call: ast.Call) -> str:
    given = [k.value for k in call.keywords if k.arg == "mode"]
    position = 1 if isinstance(call.func, ast.Name) else 0  # open(path, mode) or path.open(mode)
    given += call.args[position : position + 1]
    return given[0].value if given and isinstance(given[0], ast.Constant) and isinstance(given[0].value, str) else "r"


def _in_memory(call: ast.Call, buffers: set[str]) -> bool:
    """A save into a QBuffer made in the same function (an image kept in memory, written by the writer)."""
    return bool(call.args) and isinstance(call.args[0], ast.Name) and call.args[0].id in buffers


def writes_a_file(call: ast.Call, buffers: set[str] = frozenset()) -> bool:
    """Whether a call writes (or moves, copies, renames) a file."""
    func = call.func
    if isinstance(func, ast.Name):
        return func.id in ("Canvas", "save_workbook") or (func.id == "open" and any(c in _mode(call) for c in "wax+"))
    if not isinstance(func, ast.Attribute):
        return False
    if isinstance(func.value, ast.Name) and (func.value.id, func.attr) in WRITING_FUNCTIONS:
        return True
    if func.attr == "open" and not (isinstance(func.value, ast.Name) and func.value.id == "os"):
        return any(c in _mode(call) for c in "wax+")
    if func.attr == "replace":  # Path.replace(target); str.replace takes two arguments
        return len(call.args) == 1 and not call.keywords
    own = isinstance(func.value, ast.Name) and func.value.id == "self"  # a widget's own save(), not a file's
    return func.attr in WRITING_METHODS and not own and not _in_memory(call, buffers)


def _functions(tree: ast.AST):
    return [node for node in ast.walk(tree) if isinstance(node, (ast.FunctionDef, ast.Lambda))]


def _fed_by_the_writer(tree: ast.AST) -> set[ast.AST]:
    """The functions the writer calls with its temporary file, and the private ones they reach."""
    by_name = {node.name: node for node in _functions(tree) if isinstance(node, ast.FunctionDef)}
    fed = set()
    for call in (n for n in ast.walk(tree) if isinstance(n, ast.Call)):
        name = call.func.id if isinstance(call.func, ast.Name) else getattr(call.func, "attr", "")
        if name in WRITER_CALLS:
            for argument in call.args[1:2]:
                if isinstance(argument, ast.Lambda):
                    fed.add(argument)
                elif isinstance(argument, ast.Name) and argument.id in by_name:
                    fed.add(by_name[argument.id])
    todo = list(fed)
    while todo:
        for node in ast.walk(todo.pop()):
            if (
                isinstance(node, ast.Name)
                and node.id in by_name
                and node.id.startswith("_")
                and by_name[node.id] not in fed
            ):
                fed.add(by_name[node.id])
                todo.append(by_name[node.id])
    return fed


def offenders_in(source: str, where: str = "<source>") -> list[str]:
    """Every file-writing call of the source that the writer does not feed."""
    tree = ast.parse(source)
    fed, found = _fed_by_the_writer(tree), []
    for function in [tree, *_functions(tree)]:
        buffers = {
            t.id
            for node in ast.walk(function)
            if isinstance(node, ast.Assign)
            and isinstance(node.value, ast.Call)
            and getattr(node.value.func, "id", "") == "QBuffer"
            for t in node.targets
            if isinstance(t, ast.Name)
        }
        inner = {id(n) for f in _functions(function) if f is not function for n in ast.walk(f)}
        for call in (n for n in ast.walk(function) if isinstance(n, ast.Call) and id(n) not in inner):
            if writes_a_file(call, buffers) and function not in fed:
                found.append(f"{where}:{call.lineno}: {ast.unparse(call)[:80]}")
    return found


# thai_pdf.new_canvas only builds a canvas (reportlab writes nothing until save(), which the callers do in
# functions the writer feeds, with the writer's temporary file as the canvas's name).
CANVAS_FACTORY = "services/forms/thai_pdf.py:53: Canvas("


def test_every_file_is_written_through_the_one_writer():
    offenders = [
        found
        for path in sorted(ROOT.rglob("*.py"))
        if path != WRITER
        for found in offenders_in(path.read_text(encoding="utf-8"), str(path.relative_to(ROOT)))
        if not found.startswith(CANVAS_FACTORY)
    ]
    assert not offenders, offenders


def test_the_writer_is_what_every_output_goes_through():
    """The old '.part' writer is gone and the writer is used by forms, exports, exchange files, keys, backups and
    settings."""
    assert not (ROOT / "services" / "forms" / "output.py").exists()
    users = {
        str(path.relative_to(ROOT))
        for path in ROOT.rglob("*.py")
        if "core.files import" in path.read_text(encoding="utf-8")
    }
    assert {
        "services/forms/jt1.py",
        "services/forms/jt2.py",
        "services/forms/forecast.py",
        "services/forms/forecast_pdf.py",
        "services/forms/forecast_xlsx.py",
        "services/reports/writers.py",
        "services/targets/workbook.py",
        "services/exchange/export.py",
        "services/exchange/batch.py",
        "services/exchange/keys.py",
        "store/database.py",
        "paths.py",
        "ui/charts.py",
        "ui/screenshot.py",
    } <= users


def test_the_check_catches_what_it_should():
    for line in (
        'open(p, "w")',
        'open(p, mode="wb")',
        'p.open("a", encoding="utf-8")',
        "p.write_bytes(b)",
        "p.write_text(t)",
        "book.save(p)",
        "save_workbook(book, p)",
        "canvas.save()",
        "Canvas(str(p))",
        "shutil.copy(a, b)",
        "shutil.copyfile(a, b)",
        "os.replace(a, b)",
        "partial.replace(path)",
        "origin.backup(copy)",
        "p.rename(q)",
    ):
        assert offenders_in(f"def public(p):\n    {line}\n"), line
    assert offenders_in("def _draw(p):\n    book.save(p)\n")  # private, but nothing hands it the writer's file
    for line in (
        "open(p)",
        'open(p, "rb")',
        'p.open("rb")',
        'name.replace("a", "b")',
        "os.open(p, os.O_RDONLY)",
        "self.save()",
    ):
        assert not offenders_in(f"def public(p):\n    {line}\n"), line
    fed = (
        "def public(path):\n    return write_output(path, lambda t: _draw(t))\n"
        "def _draw(t):\n    _save(t)\ndef _save(t):\n    book.save(t)\n"
    )
    assert not offenders_in(fed)
    assert not offenders_in("def png(view):\n    buffer = QBuffer(data)\n    view.grab().save(buffer, 'PNG')\n")
    assert offenders_in("def public(path):\n    write_output(path, lambda t: None)\n    book.save(path)\n")

"""Writing a printed form's file: through a '.part' file renamed at the end, so a failure never leaves a
half file under the form's name, and a place that cannot be written is refused in Thai."""

from collections.abc import Callable
from pathlib import Path

from otop_desktop.services.errors import InvalidInput


def write_whole(path: Path | str, write: Callable[[Path], object], before_naming: Callable[[], object] | None = None) -> Path:
    """Call `write(partial)`, then `before_naming()` (recording the print), then give the file its name.
    Nothing is recorded for a file that could not be written."""
    path = Path(path)
    partial = path.with_name(f"{path.stem}.part{path.suffix}")
    try:
        write(partial)
        if before_naming is not None:
            before_naming()
        partial.replace(path)
    except OSError as error:
        raise InvalidInput(f"บันทึกไฟล์ {path.name} ไม่ได้ ({error.strerror or error}) "
                           "กรุณาเลือกโฟลเดอร์ที่มีอยู่และเขียนได้") from None
    finally:
        partial.unlink(missing_ok=True)
    return path

"""The command line's parser: argparse, whose refusals (a word where a number belongs, a missing option, an
unknown choice) are said in one Thai line on stderr, exit 2, like every other refusal of the program."""

import argparse
import re
import sys
import unicodedata

from otop_desktop.services.thai import shown_safely

_OPTION_PROBLEMS = (  # what argparse says of one option's value, and the same in Thai
    (r"invalid int value: '?(.*?)'?", "“{0}” ไม่ใช่ตัวเลขจำนวนเต็ม กรุณาใส่เป็นตัวเลข"),
    (r"invalid path value: '\s*'", "ว่างอยู่ กรุณาระบุชื่อไฟล์หรือโฟลเดอร์"),
    (r"invalid (?:\w+) value: '(.*)'", "“{0}” ไม่ใช่ค่าที่ใช้ได้"),
    (r"invalid choice: '?(.*?)'? \(choose from (.*)\)", "“{0}” ไม่ใช่ค่าที่เลือกได้ (เลือกจาก {1})"),
    (r"expected one argument", "ต้องมีค่าตามหลัง"),
    (r"expected (.*) arguments?", "ต้องมีค่าตามหลัง {0} ค่า"),
    (r"not allowed with argument (.*)", "ใช้พร้อมกับ {0} ไม่ได้"),
    (r"ignored explicit argument '(.*)'", "ไม่รับค่า “{0}”"),
)
_COMMAND_PROBLEMS = (  # what argparse says of the command line as a whole
    (r"the following arguments are required: (.*)", "ต้องระบุ {0}"),
    (r"one of the arguments (.*) is required", "ต้องระบุอย่างใดอย่างหนึ่งใน {0}"),
    (r"unrecognized arguments: (.*)", "ไม่รู้จัก {0}"),
    (r"ambiguous option: (.*) could match (.*)", "{0} กำกวม อาจหมายถึง {1}"),
)


def in_thai(message: str) -> str:
    """argparse's English refusal as a Thai sentence (anything unforeseen is still said as a Thai refusal)."""
    option = re.fullmatch(r"argument ([^:]+): (.*)", message, re.S)
    name, problem, patterns = (option[1], option[2], _OPTION_PROBLEMS) if option else ("", message, _COMMAND_PROBLEMS)
    for pattern, thai in patterns:
        found = re.fullmatch(pattern, problem, re.S)
        if found:
            said = thai.format(*found.groups())
            return f"{_named(name)}: {said}" if name else said
    return f"คำสั่งไม่ถูกต้อง ({message})"


def _named(name: str) -> str:
    """An option as the officer typed it; the subcommand's slot as "คำสั่ง"."""
    return "คำสั่ง" if name in ("command", "form") or name.endswith("_command") else name


_THAI = re.compile("[\u0e00-\u0e7f]")


def _columns(text: str) -> int:
    """How many columns a terminal gives the text: Thai vowel and tone marks above and below take none."""
    return sum(1 for character in text if unicodedata.category(character) != "Mn")


class ThaiHelpFormatter(argparse.HelpFormatter):
    """argparse's help, headed "วิธีใช้:" instead of "usage:"."""

    def add_usage(self, usage, actions, groups, prefix=None):
        super().add_usage(usage, actions, groups, "วิธีใช้: " if prefix is None else prefix)

    def _split_lines(self, text, width):
        """An option's help in lines of `width` columns broken between words: textwrap knows only spaces, and cut
        a Thai word, even a consonant from its tone mark ("ไม่ต" / "้องใส่")."""
        if not _THAI.search(text):
            return super()._split_lines(text, width)
        from otop_desktop.services.forms.thai_pdf import words

        lines, line = [], ""
        for word in words(" ".join(text.split())):
            if line and _columns(line + word.rstrip()) > width:
                lines.append(line.rstrip())
                line = word.lstrip()
            else:
                line += word
        return [*lines, line.rstrip()] if line.strip() else lines


class ThaiArgumentParser(argparse.ArgumentParser):
    """An ArgumentParser (its subcommands' parsers too) that speaks Thai: its help's headings and its -h, and
    its refusals in one Thai line, exit 2."""

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("formatter_class", ThaiHelpFormatter)
        add_help = kwargs.pop("add_help", True)
        super().__init__(*args, add_help=False, **kwargs)
        self._positionals.title, self._optionals.title = "อาร์กิวเมนต์", "ตัวเลือก"
        if add_help:
            self.add_argument("-h", "--help", action="help", default=argparse.SUPPRESS, help="แสดงวิธีใช้แล้วจบ")

    def error(self, message: str):
        """Say what is wrong in Thai, where to read how the command is used, and exit 2."""
        line = shown_safely(" ".join(in_thai(message).split()))
        print(f"ข้อผิดพลาด: {self.prog}: {line} (ดูวิธีใช้: {self.prog} --help)", file=sys.stderr)
        sys.exit(2)


# Options whose value is free text an officer types: a value may start with "-" ("-ลดลงเพราะน้ำท่วม"), which
# argparse would take for an option and refuse ("ต้องมีค่าตามหลัง").
_TEXT_OPTIONS = frozenset({"--remark", "--reason", "--note", "--name", "--position"})


def text_values_joined(argv: list[str]) -> list[str]:
    """`--remark -text` as `--remark=-text`, for each free-text option followed by a value that starts with one
    "-" (a following "--option" stays an option: the value was left out)."""
    joined, rest = [], iter(argv)
    for word in rest:
        # argparse takes an option by any unique start of its name ("--rea" for --reason): so does this
        known = [option for option in _TEXT_OPTIONS if option.startswith(word)] if word.startswith("--") else []
        word = known[0] if len(known) == 1 and len(word) > 2 else word
        if word in _TEXT_OPTIONS:
            value = next(rest, None)
            if value is not None and value.startswith("-") and not value.startswith("--"):
                joined.append(f"{word}={value}")
                continue
            joined.append(word)
            if value is not None:
                joined.append(value)
            continue
        joined.append(word)
    return joined

"""Starts otop-desktop: `python -m otop_desktop` is the same as the `otop-desktop` command."""

from otop_desktop.cli import main

if __name__ == "__main__":
    raise SystemExit(main())

"""otop-desktop: OTOP sales reporting for district and provincial community-development offices."""

__version__ = "0.1.0"

"""Read the data files (YAML) that hold the reference and demo texts and tables.

Long texts are folded blocks (``>-``) wrapped for reading: a line break inside a text
reads as one space, and whitespace between two tags is dropped, so an HTML body can put
each paragraph or list item on a line of its own and still be stored as ``</p><p>``.
French no-break spaces are the character itself (U+00A0), not an escape.
"""

import re
from pathlib import Path
from typing import Any

import yaml

# The C parser when PyYAML was built with libyaml (its wheels are): the articles load in
# milliseconds instead of a third of a second.
_Loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
_BETWEEN_TAGS = re.compile(r">\s+<")


def load_yaml(path: Path) -> Any:
    """The content of the YAML file at ``path``, with the space between tags dropped."""
    with path.open(encoding="utf-8") as file:
        return _tidy(yaml.load(file, Loader=_Loader))


def _tidy(value: Any) -> Any:
    if isinstance(value, str):
        return _BETWEEN_TAGS.sub("><", value)
    if isinstance(value, list):
        return [_tidy(item) for item in value]
    if isinstance(value, dict):
        return {key: _tidy(item) for key, item in value.items()}
    return value

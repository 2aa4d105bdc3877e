"""Checks on the texts of the YAML data files, shared by their tests."""

import re
import string

# What the bodies may hold (the sanitizer would drop anything else).
BODY_TAGS = {"p", "h2", "h3", "ul", "ol", "li", "strong", "em", "a", "blockquote"}
# Québec typography: a no-break space before : ; ! ? and », after «.
LOOSE_PUNCTUATION = re.compile(r" [:;!?»]|« ")


def body_tags(html: str) -> set[str]:
    return set(re.findall(r"</?([a-z0-9]+)", html))


def placeholders(template: str) -> set[str]:
    return {name for _text, name, _spec, _conv in string.Formatter().parse(template) if name}

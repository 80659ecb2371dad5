"""The YAML dumper poa writes files with: PyYAML's safe dumper, with text of several lines
as a literal block (`|`) so a pasted notice reads in the file as it was written."""

from __future__ import annotations

from typing import Any

import yaml

from poa.yamlnumbers import WrittenFloat, WrittenInt

DUMP_WIDTH = 88


class LiteralDumper(yaml.SafeDumper):
    """The safe dumper writing multi-line strings as literal blocks. Registering on this
    subclass leaves PyYAML's own dumpers as they are."""

    def represent_text(self, data: str) -> yaml.ScalarNode:
        """A string: a literal block when it has several lines, else as PyYAML chooses.
        PyYAML itself falls back to a quoted string where a block cannot hold the text
        (trailing spaces on a line, for one)."""
        style = "|" if "\n" in data.rstrip("\n") else None
        return self.represent_scalar("tag:yaml.org,2002:str", data, style=style)

    def represent_written(self, data: WrittenInt | WrittenFloat) -> yaml.ScalarNode:
        """A number read from a file, written back as it was written there."""
        tag = "int" if isinstance(data, int) else "float"
        return self.represent_scalar(f"tag:yaml.org,2002:{tag}", data.written)


LiteralDumper.add_representer(str, LiteralDumper.represent_text)
LiteralDumper.add_representer(WrittenInt, LiteralDumper.represent_written)
LiteralDumper.add_representer(WrittenFloat, LiteralDumper.represent_written)


def dump_yaml(data: Any) -> str:
    """Data as YAML text the way poa writes every file: keys in their order, Unicode as is,
    text of several lines as a literal block."""
    return yaml.dump(
        data, Dumper=LiteralDumper, sort_keys=False, allow_unicode=True, width=DUMP_WIDTH
    )

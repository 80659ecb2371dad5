"""The document as plain text: whole, and split into Seller Central's appeal-form boxes."""

from __future__ import annotations

from dataclasses import dataclass

import yaml
from markdown_it.tree import SyntaxTreeNode
from pydantic import BaseModel, ConfigDict, Field, ValidationError

from poa.documents.library import TemplateLibrary
from poa.documents.tree import Rendered, plain_text, sections, table_rows
from poa.errors import DocumentTemplateError

FORM_CONFIG = "appeal-form.yaml"
OPENING = "opening"  # the section name appeal-form.yaml gives the text before the first heading


class BoxSpec(BaseModel):
    """One box of the appeal form and the document sections that fill it."""

    model_config = ConfigDict(extra="forbid")
    name: str
    sections: list[str] = Field(min_length=1)
    limit: int = Field(gt=0)


class FormSpec(BaseModel):
    """The appeal form's boxes, in the order the form shows them."""

    model_config = ConfigDict(extra="forbid")
    boxes: list[BoxSpec] = Field(min_length=1)


@dataclass(frozen=True)
class Box:
    """A filled appeal-form box."""

    name: str
    text: str
    limit: int

    @property
    def count(self) -> int:
        """Characters in the box, as the form counts them."""
        return len(self.text)

    @property
    def over(self) -> int:
        """Characters over the limit (0 when within)."""
        return max(0, self.count - self.limit)


def load_form(library: TemplateLibrary) -> FormSpec:
    """The appeal-form layout from the template library (users may override it)."""
    try:
        return FormSpec.model_validate(yaml.safe_load(library.source(FORM_CONFIG)))
    except (yaml.YAMLError, ValidationError) as exc:
        raise DocumentTemplateError(f"{FORM_CONFIG}: invalid form layout: {exc}") from None


def block_text(nodes: list[SyntaxTreeNode], depth: int = 0) -> list[str]:
    """Plain-text lines of blocks: lists numbered or dashed, tables as rows."""
    lines: list[str] = []
    for node in nodes:
        kind = node.type
        if kind in ("heading", "paragraph"):
            lines += [plain_text(node.children[0]), ""]
        elif kind in ("bullet_list", "ordered_list"):
            start = int(str(node.attrs.get("start", 1)))
            for i, item in enumerate(node.children):
                mark = f"{start + i}." if kind == "ordered_list" else "-"
                inner = block_text(item.children, depth + 1)
                text = "\n".join(line for line in inner if line)
                lines.append("  " * depth + f"{mark} {text}")
            lines.append("")
        elif kind == "table":
            lines += [*table_lines(node), ""]
        else:
            lines += block_text(node.children, depth)
    return lines


def table_lines(node: SyntaxTreeNode) -> list[str]:
    """A table as plain lines, one per row, each value named by its column: form boxes take
    no table syntax."""
    rows = [
        (head, [plain_text(c) if c.type == "inline" else "" for c in cells])
        for head, cells in table_rows(node)
    ]
    names = next((cells for head, cells in rows if head), [])
    lines = []
    for head, cells in rows:
        if head:
            continue
        named = [
            f"{names[i]}: {value}" if i < len(names) and names[i] else value
            for i, value in enumerate(cells[1:], 1)
            if value
        ]
        lines.append(f"{cells[0]} — " + "; ".join(named) if cells and named else " ".join(cells))
    return lines


def opening_blocks(preamble: list[SyntaxTreeNode]) -> list[SyntaxTreeNode]:
    """The text before the first section, less what belongs only on paper: the title, and
    the date and greeting (everything up to the first paragraph ending in a comma)."""
    blocks = [b for b in preamble if b.type != "heading"]
    for i, block in enumerate(blocks[:3]):
        if block.type == "paragraph" and plain_text(block).rstrip().endswith(","):
            return blocks[i + 1 :]
    return blocks


def _join(lines: list[str]) -> str:
    return "\n".join(lines).strip()


def write_text(rendered: Rendered) -> str:
    """The whole document as plain text."""
    return _join(block_text(rendered.tree.children)) + "\n"


def form_boxes(rendered: Rendered, form: FormSpec) -> list[Box]:
    """The document's sections gathered into the appeal form's boxes."""
    parts = dict(sections(rendered.tree))
    parts[OPENING] = opening_blocks(parts.pop("", []))
    boxes = []
    for spec in form.boxes:
        found = [(h, _join(block_text(parts[h]))) for h in spec.sections if parts.get(h)]
        if found:
            text = "\n\n".join(
                f"{h}\n{body}" if len(found) > 1 and h != OPENING else body for h, body in found
            )
            boxes.append(Box(spec.name, text, spec.limit))
    return boxes


def write_form_text(rendered: Rendered, form: FormSpec, attachment: str) -> str:
    """Appeal-form text: one block per box with its character count, and the attachment."""
    lines = [
        rendered.title,
        "Text for the Seller Central appeal form: paste each block into its box.",
        f"Attach the full document as well: {attachment}",
        "",
    ]
    for box in form_boxes(rendered, form):
        status = f"{box.count:,} of {box.limit:,} characters"
        if box.over:
            status += (
                f", OVER THE LIMIT by {box.over:,}: shorten it, and rely on the attached "
                f"{attachment} for the detail"
            )
        lines += [f"==== {box.name} ({status}) ====", box.text, ""]
    return "\n".join(lines).rstrip() + "\n"

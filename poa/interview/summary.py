"""Answers as the review shows them: one line per answer, one per list item."""

from __future__ import annotations

from typing import Any

from poa.interview.draft import EMPTY

TEXT_KEYS = ("summary", "action", "measure", "file")
EXTRA_KEYS = ("completed_on", "started_on", "area", "owner", "frequency")


def show(value: Any) -> str:
    """An answer in a few words; '-' when there is none."""
    if value in EMPTY:
        return "-"
    if isinstance(value, dict):
        return ", ".join(str(v) for v in value.values())
    if isinstance(value, list):
        if isinstance(value[0], dict):
            return "; ".join(item_line(item) for item in value)
        return ", ".join(str(v) for v in value)
    return str(value)


def item_line(item: dict[str, Any]) -> str:
    """One list item in a line: its id, its text and its date or owner."""
    if "metric" in item and "due_on" in item:
        return f"{item['due_on']}: {item['metric']} {item.get('target')}%"
    if "metric" in item:
        return f"{item['metric']}: {item.get('value')}% now, target {item.get('target')}%"
    text = next((item[k] for k in TEXT_KEYS if k in item), "")
    extra = [str(item[k]) for k in EXTRA_KEYS if item.get(k)]
    links = item.get("root_causes")  # which causes an action or a measure answers
    answers = f" (for {', '.join(map(str, links))})" if isinstance(links, list) and links else ""
    line = f"{item.get('id', '')}{answers}: {text}"
    return line + (f" [{', '.join(extra)}]" if extra else "")


def answer_line(label: str, value: Any, width: int = 0) -> str:
    """One answer as `Label: value`, cut to the width when given (a menu entry cannot wrap)."""
    text = f"{label}: {show(value)}"
    return text if not width or len(text) <= width else text[: width - 3] + "..."

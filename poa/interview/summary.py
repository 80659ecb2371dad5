"""Answers as the review shows them: one line per answer, one line per list item followed by
the item's other fields in full."""

from __future__ import annotations

from typing import Any

from poa.interview.draft import EMPTY

TEXT_KEYS = ("summary", "action", "measure", "file")
EXTRA_KEYS = (
    "completed_on",
    "started_on",
    "occurred_on",
    "issued_on",
    "area",
    "owner",
    "frequency",
)
METRIC_KEYS = ("metric", "value", "target", "count", "total")
MILESTONE_KEYS = ("metric", "due_on", "target")
# How the review names an item's fields (others are named after their key).
LABELS = {
    "summary": "Cause",
    "detail": "What happened",
    "occurred_on": "Happened on",
    "units": "Affected",
    "unit": "Counted in",
    "asins": "ASINs",
    "order_ids": "Order IDs",
    "root_causes": "Answers root causes",
    "evidence": "Shown by evidence",
    "action": "Action",
    "completed_on": "Finished on",
    "measure": "Measure",
    "area": "Area",
    "owner": "Owner",
    "frequency": "How often",
    "started_on": "Started on",
    "kpi": "Measured by",
    "kind": "Kind of document",
    "file": "File",
    "proves": "Shows",
    "issued_on": "Dated",
    "supplier": "Supplier",
    "quantity": "Units on it",
    "gtins": "GTINs",
    "fnskus": "FNSKUs",
    "quantities": "Units per ASIN",
    "metric": "Metric",
    "value": "Value now (%)",
    "counts": "Orders counted",
    "window_days": "Window (days)",
    "target": "Target (%)",
    "better": "Better when",
    "cause": "Why it missed",
    "breakdown": "Defects by kind",
    "due_on": "Due on",
    "note": "By then",
    "issue_type": "Issue type",
}


def label(key: str) -> str:
    """How the review names a field of a list item."""
    return LABELS.get(key, key.replace("_", " ").capitalize())


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


def show_field(value: Any) -> str:
    """One field of a list item in full; a mapping keeps its keys (units per ASIN)."""
    if isinstance(value, dict) and value:
        return ", ".join(f"{key}: {show(part)}" for key, part in value.items())
    return show(value)


def counts_text(item: dict[str, Any]) -> str:
    """A metric's counts as the seller types them (34 of 1710), or '-'."""
    if item.get("count") is None or item.get("total") is None:
        return "-"
    return f"{item['count']} of {item['total']} {item.get('unit', 'orders')}"


def item_line(item: dict[str, Any]) -> str:
    """One list item in a line: its id, the causes it answers, its text, its dates, area,
    owner and rhythm."""
    if "metric" in item and "due_on" in item:
        return f"{item['due_on']}: {item['metric']} {item.get('target')}%"
    if "metric" in item:
        target = f", target {item['target']}%" if item.get("target") is not None else ""
        counted = f" ({counts_text(item)})" if counts_text(item) != "-" else ""
        return f"{item['metric']}: {item.get('value')}% now{target}{counted}"
    text = next((item[k] for k in TEXT_KEYS if k in item), "")
    extra = [str(item[k]) for k in EXTRA_KEYS if item.get(k)]
    links = item.get("root_causes")  # which causes an action or a measure answers
    answers = f" (for {', '.join(map(str, links))})" if isinstance(links, list) and links else ""
    line = f"{item.get('id', '')}{answers}: {text}"
    return line + (f" [{', '.join(extra)}]" if extra else "")


def shown_in_line(item: dict[str, Any]) -> set[str]:
    """The keys `item_line` shows."""
    if "metric" in item:
        return set(MILESTONE_KEYS if "due_on" in item else METRIC_KEYS)
    text = next((k for k in TEXT_KEYS if k in item), None)
    return {"id", "root_causes", *EXTRA_KEYS, *([text] if text else [])}


def item_details(item: dict[str, Any]) -> list[str]:
    """The item's fields its line does not show, one `Label: value` each, in full."""
    shown = shown_in_line(item)
    return [
        f"{label(key)}: {show_field(value)}"
        for key, value in item.items()
        if key not in shown and value not in EMPTY
    ]


def cut(text: str, width: int) -> str:
    """A line cut to the width, '...' marking the cut (the review lists one answer a line):
    between words when that loses no more than a short word, else within one."""
    if not width or len(text) <= width:
        return text
    head = text[: width - 3]
    space = head.rfind(" ")
    return (head[:space] if space >= len(head) - 8 else head).rstrip(" ,;:") + "..."


def answer_line(label: str, value: Any, width: int = 0) -> str:
    """One answer as `Label: value`, cut to the width when given (a menu entry cannot wrap)."""
    return cut(f"{label}: {show(value)}", width)

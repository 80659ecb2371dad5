"""How much of each sample letter is poa's own wording, how many pages it takes, and how full
its last page is. Prints a table; targets: poa's own words under 35% of the letter, 2 pages or
fewer, more than 25 words on the last page.

    .venv/bin/python tests/letter_metrics.py

The seller's free text is marked before rendering, so its words are counted wherever they are
printed; words holding a digit (counts, dates, identifiers) and the month names of dates also
come from the case. The catalog's words (issue and metric names, Amazon's rules) are marked
too and shown in their own column. Every other word is the template's: poa's own wording.
Pages are read with poppler's pdfinfo and pdftotext, as a reader's tools see them.
"""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import Any

import yaml

import poa
from poa.documents.tree import plain_text

ROOT = Path(__file__).resolve().parent.parent
OPEN, CLOSE = "\u27e6", "\u27e7"  # around the seller's text
CAT_OPEN, CAT_CLOSE = "\u27ea", "\u27eb"  # around the catalog's (issue names, Amazon's rules)
FREE_TEXT = {
    "legal_name",
    "store_name",
    "name",
    "role",
    "subject",
    "reference",
    "category",
    "summary",
    "detail",
    "action",
    "area",
    "measure",
    "owner",
    "frequency",
    "kpi",
    "file",
    "proves",
    "supplier",
    "cause",
    "note",
    "review_checks",
}
WORD = re.compile(r"[A-Za-z0-9]+")
MONTHS = {
    "January", "February", "March", "April", "May", "June", "July", "August", "September",
    "October", "November", "December",
}  # fmt: skip
TARGET_SHARE, TARGET_PAGES, TARGET_LAST = 35.0, 2, 25


def _mark(value: Any, key: str | None = None) -> Any:
    if isinstance(value, dict):
        return {k: _mark(v, k) for k, v in value.items()}
    if isinstance(value, list):
        return [_mark(v, key) for v in value]
    if isinstance(value, str) and key in FREE_TEXT:
        return f"{OPEN}{value}{CLOSE}"
    return value


def _text(rendered: poa.Rendered) -> str:
    parts: list[str] = []

    def walk(node: Any) -> None:
        if node.type == "inline":
            parts.append(plain_text(node))
        for child in node.children:
            walk(child)

    walk(rendered.tree)
    return "\n".join(parts)


def _marked_catalog() -> poa.Catalog:
    def wrap(text: str | None) -> str | None:
        return f"{CAT_OPEN}{text}{CAT_CLOSE}" if text else text

    types = []
    for issue in poa.load_catalog():
        update: dict[str, Any] = {
            key: wrap(getattr(issue, key)) for key in ("title", "us_title", "rule", "policy")
        }
        if issue.metric:
            update["metric"] = issue.metric.model_copy(update={"name": wrap(issue.metric.name)})
        types.append(issue.model_copy(update=update))
    return poa.Catalog(types)


def shares(path: Path, today: Any) -> tuple[int, float, float]:
    """(words in the letter, percent that are poa's own wording, percent from the catalog)."""
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    case = poa.case_from_data(_mark(data), today=today, name=str(path))
    text = _text(poa.render_markdown(case, catalog=_marked_catalog()))
    marked = sum(len(WORD.findall(p)) for p in re.findall(f"{OPEN}(.*?){CLOSE}", text, re.S))
    text = re.sub(f"{OPEN}.*?{CLOSE}", " ", text, flags=re.S)
    pattern = f"{CAT_OPEN}(.*?){CAT_CLOSE}"
    catalog = sum(len(WORD.findall(p)) for p in re.findall(pattern, text, re.S))
    rest = WORD.findall(re.sub(pattern, " ", text, flags=re.S))
    facts = sum(_fact(word, rest[max(0, i - 1) : i + 2]) for i, word in enumerate(rest))
    total = marked + catalog + len(rest)
    return total, 100.0 * (len(rest) - facts) / total, 100.0 * catalog / total


def _fact(word: str, near: list[str]) -> bool:
    # Counts, dates and identifiers hold digits; a month name beside a number is a date.
    if any(c.isdigit() for c in word):
        return True
    return word in MONTHS and any(w.isdigit() for w in near)


def pages(path: Path, today: Any, folder: Path) -> tuple[int, int]:
    """(pages of the PDF, words on its last page, page footer left out)."""
    case = poa.load_case(path, today=today)
    pdf = folder / f"{path.stem}.pdf"
    pdf.write_bytes(poa.render(case, "pdf"))
    info = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True, check=True)
    count = int(re.search(r"^Pages:\s+(\d+)", info.stdout, flags=re.M).group(1))  # type: ignore[union-attr]
    last = subprocess.run(
        ["pdftotext", "-f", str(count), "-l", str(count), str(pdf), "-"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    last = re.sub(r"Page \d+ of \d+", " ", last)
    return count, len(WORD.findall(last))


def main() -> int:
    """Print the table for every sample; exit 1 when a sample misses a target."""
    from datetime import date

    today = date(2026, 11, 22)
    have_poppler = shutil.which("pdfinfo") and shutil.which("pdftotext")
    rows = []
    with tempfile.TemporaryDirectory() as tmp:
        for path in sorted((ROOT / "samples").glob("*.yaml")):
            words, own, catalog = shares(path, today)
            page_count, last = pages(path, today, Path(tmp)) if have_poppler else (0, 0)
            stem = poa.output_stem(poa.load_case(path, today=today))
            letter = stem.endswith(("-poa", "-pip"))  # the documents other than a plan are
            # fixed forms (a counter-notice's statutory statements): no share target for them
            rows.append((path.stem, words, own, catalog, page_count, last, letter))
    print(f"{'sample':<28} {'words':>6} {'poa':>7} {'catalog':>8} {'pages':>6} {'last page':>10}")
    missed = 0
    for name, words, own, catalog, page_count, last, letter in rows:
        flags = []
        if letter and own >= TARGET_SHARE:
            flags.append("share")
        if have_poppler and page_count > TARGET_PAGES:
            flags.append("pages")
        if have_poppler and last <= TARGET_LAST:
            flags.append("last page")
        missed += bool(flags)
        note = f"  misses: {', '.join(flags)}" if flags else ("" if letter else "  (a form)")
        shown = f"{page_count:>6} {last:>10}" if have_poppler else f"{'-':>6} {'-':>10}"
        print(f"{name:<28} {words:>6} {own:>6.1f}% {catalog:>7.1f}% {shown}{note}")
    letters = [r for r in rows if r[6]]
    mean_own = sum(r[2] for r in letters) / len(letters)
    mean_catalog = sum(r[3] for r in letters) / len(letters)
    print(
        f"{'mean of the plans':<28} {sum(r[1] for r in letters) / len(letters):>6.0f} "
        f"{mean_own:>6.1f}% {mean_catalog:>7.1f}%"
    )
    print(
        f"targets: poa's own words under {TARGET_SHARE:g}% of a plan, {TARGET_PAGES} pages "
        f"or fewer, more than {TARGET_LAST} words on the last page"
    )
    if not have_poppler:
        print("pages not measured: install poppler-utils (pdfinfo, pdftotext)")
    return 1 if missed else 0


if __name__ == "__main__":
    sys.exit(main())

"""The document as PDF through WeasyPrint; the only module that imports it, and lazily."""

from __future__ import annotations

import hashlib
from functools import lru_cache
from pathlib import Path
from typing import Any
from urllib.parse import unquote, urlparse

from poa.documents.tree import Rendered
from poa.documents.writers.html_writer import write_html
from poa.errors import EngineMissingError, OutputError

STYLESHEET_NAME = "theme.css"
PDF_VARIANTS = ("pdf/a-2b", "pdf/a-3b", "pdf/a-2u", "pdf/a-3u", "pdf/ua-1", "pdf/ua-2")


def write_pdf(rendered: Rendered, theme: Path, variant: str | None = None) -> bytes:
    """The rendered document as PDF bytes, styled by the theme's CSS. Same input, same bytes."""
    if variant is not None and variant not in PDF_VARIANTS:
        raise OutputError(f"unknown PDF variant {variant!r}: use one of {', '.join(PDF_VARIANTS)}")
    engine = pdf_engine(theme.resolve())
    html = write_html(rendered)
    document = engine.html(html)
    identifier = hashlib.md5(rendered.markdown.encode(), usedforsecurity=False).hexdigest()
    data: bytes = document.write_pdf(
        stylesheets=[engine.stylesheet, engine.page_size(rendered.paper)],
        font_config=engine.fonts,
        pdf_variant=variant,
        # An /ID costs a second pass over the file; only the archival variants need one.
        pdf_identifier=identifier.encode() if variant else None,
        pdf_tags=variant is not None and variant.startswith("pdf/ua"),
    )
    return data


class _Engine:
    """WeasyPrint with one theme: fonts, stylesheet and fetcher built once per process."""

    def __init__(self, theme: Path) -> None:
        weasyprint = load_weasyprint()
        from weasyprint.text.fonts import FontConfiguration

        self.weasyprint = weasyprint
        self.theme = theme
        self.fonts = FontConfiguration()
        self.fetcher = _theme_fetcher(theme)
        css = theme / STYLESHEET_NAME
        if not css.is_file():
            raise OutputError(f"{theme}: a theme folder needs a {STYLESHEET_NAME} file")
        self.stylesheet = weasyprint.CSS(
            filename=str(css), url_fetcher=self.fetcher, font_config=self.fonts
        )
        self._sizes: dict[str, Any] = {}

    def html(self, text: str) -> Any:
        return self.weasyprint.HTML(
            string=text, base_url=self.theme.as_uri() + "/", url_fetcher=self.fetcher
        )

    def page_size(self, paper: str) -> Any:
        if paper not in self._sizes:
            self._sizes[paper] = self.weasyprint.CSS(
                string=f"@page {{ size: {paper}; }}", font_config=self.fonts
            )
        return self._sizes[paper]


def load_weasyprint() -> Any:
    """WeasyPrint, or EngineMissingError saying how to install the system libraries it needs."""
    try:
        import weasyprint
    except OSError as exc:  # Pango or its friends are missing: cffi cannot open them
        raise EngineMissingError(
            f"PDF output needs the Pango text libraries, which could not be loaded ({exc}). "
            "On Debian or Ubuntu: apt-get install libpango-1.0-0 libpangoft2-1.0-0 "
            "libharfbuzz-subset0; on macOS: brew install pango. Other formats work without them."
        ) from None
    return weasyprint


@lru_cache(maxsize=4)
def pdf_engine(theme: Path) -> _Engine:
    """The engine for a theme folder, built once per process and reused."""
    return _Engine(theme)


INLINE_PNG = "data:image/png;base64,"


def _theme_fetcher(theme: Path) -> Any:
    """A URL fetcher that serves the theme's own files and inline PNG data (the plan's health
    chart, which WeasyPrint also passes through the fetcher) and refuses everything else."""
    from weasyprint.urls import URLFetcher

    class ThemeFetcher(URLFetcher):  # type: ignore[misc]
        def __init__(self) -> None:
            super().__init__(allowed_protocols=("file", "data"), allow_redirects=False)
            self.refused: list[str] = []

        def fetch(self, url: str, headers: Any = None) -> Any:
            if url.startswith(INLINE_PNG):
                return super().fetch(url, headers)
            parsed = urlparse(url)
            if parsed.scheme == "file" and not parsed.netloc:
                path = Path(unquote(parsed.path)).resolve()
                if path.is_relative_to(theme) and path.is_file():
                    return super().fetch(url, headers)
            self.refused.append(url)
            raise ValueError(f"poa fetches only the theme's own files, not {url}")

    return ThemeFetcher()

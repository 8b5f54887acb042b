"""Documents as PDF: a dossier or a receipt is a list of blocks, laid out here with fpdf2.

The text is set in DejaVu Sans, which matplotlib (a dependency) ships, so every character
a melder may type (accents, emoji aside) prints; images are embedded at the page width.
"""

from __future__ import annotations

import importlib.util
import io
import logging
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from fpdf import FPDF
from fpdf.enums import XPos, YPos
from fpdf.errors import FPDFException
from PIL import Image as PILImage

log = logging.getLogger(__name__)

FONT = "DejaVu"


@dataclass(frozen=True)
class Heading:
    """A section title; `new_page` starts it on a page of its own."""

    text: str
    new_page: bool = False


@dataclass(frozen=True)
class Para:
    """A paragraph of running text (line breaks kept)."""

    text: str


@dataclass(frozen=True)
class Field:
    """A label and its value, side by side."""

    label: str
    value: str


@dataclass(frozen=True)
class Image:
    """An image with its caption; `missing` is said when it cannot be shown."""

    data: bytes
    caption: str
    missing: str


Block = Heading | Para | Field | Image


@dataclass(frozen=True)
class Document:
    """A whole document: title, a line on every page, the blocks."""

    title: str
    running: str
    blocks: Sequence[Block]
    created: datetime
    page_word: str = "page {n} of {total}"


def _font_dir() -> Path:
    spec = importlib.util.find_spec("matplotlib")
    assert spec is not None
    assert spec.submodule_search_locations is not None
    return Path(next(iter(spec.submodule_search_locations))) / "mpl-data" / "fonts" / "ttf"


class _Pdf(FPDF):
    def __init__(self, document: Document) -> None:
        super().__init__(format="A4")
        self.document = document
        fonts = _font_dir()
        self.add_font(FONT, "", str(fonts / "DejaVuSans.ttf"))
        self.add_font(FONT, "B", str(fonts / "DejaVuSans-Bold.ttf"))
        self.set_auto_page_break(auto=True, margin=18)
        self.set_margins(18, 16, 18)

    def header(self) -> None:
        self.set_font(FONT, "", 8)
        self.set_text_color(90, 90, 90)
        self.cell(0, 5, self.document.running, new_x=XPos.LMARGIN, new_y=YPos.NEXT)
        self.ln(3)
        self.set_text_color(0, 0, 0)

    def footer(self) -> None:
        self.set_y(-13)
        self.set_font(FONT, "", 8)
        self.set_text_color(90, 90, 90)
        words = self.document.page_word.format(n=self.page_no(), total="{nb}")
        self.cell(0, 5, words, align="C")
        self.set_text_color(0, 0, 0)


def render(document: Document) -> bytes:
    """The document as PDF bytes."""
    pdf = _Pdf(document)
    pdf.set_title(document.title)
    pdf.set_creator("ZorgVeilig meldbot")
    pdf.set_creation_date(document.created)
    pdf.add_page()
    pdf.set_font(FONT, "B", 16)
    pdf.multi_cell(0, 8, document.title, new_x=XPos.LMARGIN, new_y=YPos.NEXT)
    pdf.ln(2)
    for block in document.blocks:
        _block(pdf, block)
    return bytes(pdf.output())


def _block(pdf: _Pdf, block: Block) -> None:
    if isinstance(block, Heading):
        if block.new_page:
            pdf.add_page()
        else:
            pdf.ln(3)
        pdf.set_font(FONT, "B", 12)
        pdf.multi_cell(0, 7, block.text, new_x=XPos.LMARGIN, new_y=YPos.NEXT)
        pdf.ln(1)
    elif isinstance(block, Para):
        pdf.set_font(FONT, "", 10)
        pdf.multi_cell(0, 5, block.text, new_x=XPos.LMARGIN, new_y=YPos.NEXT, align="L")
        pdf.ln(1.5)
    elif isinstance(block, Field):
        _field(pdf, block)
    else:
        _image(pdf, block)


LABEL_WIDTH = 52.0
LINE = 5.0


def _height(pdf: _Pdf, width: float, text: str, style: str) -> float:
    """How tall a left-aligned block of text is at this width."""
    pdf.set_font(FONT, style, 9)
    lines = pdf.multi_cell(width, LINE, text, dry_run=True, output="LINES")
    assert isinstance(lines, list)
    return LINE * max(len(lines), 1)


def _field(pdf: _Pdf, field: Field) -> None:
    """A label and its value side by side; both may wrap, and they stay on one page."""
    value_width = pdf.epw - LABEL_WIDTH
    height = max(
        _height(pdf, LABEL_WIDTH - 2, field.label, "B"),
        _height(pdf, value_width, field.value, ""),
    )
    if pdf.will_page_break(height):
        pdf.add_page()
    top = pdf.get_y()
    pdf.set_font(FONT, "B", 9)
    pdf.multi_cell(LABEL_WIDTH - 2, LINE, field.label, align="L")
    pdf.set_xy(pdf.l_margin + LABEL_WIDTH, top)
    pdf.set_font(FONT, "", 9)
    pdf.multi_cell(value_width, LINE, field.value, align="L")
    pdf.set_xy(pdf.l_margin, top + height + 0.8)


def _box(data: bytes, width: float, most: float) -> tuple[float, float]:
    """The size an image is shown at: the page width, at most `most` high (a phone
    screenshot is tall), in its own proportions."""
    try:
        with PILImage.open(io.BytesIO(data)) as picture:
            pixels_w, pixels_h = picture.size
    except (OSError, ValueError):
        return width, most
    height = width * pixels_h / max(pixels_w, 1)
    return (width, height) if height <= most else (most * pixels_w / max(pixels_h, 1), most)


def _image(pdf: _Pdf, image: Image) -> None:
    """An image with its caption above it, on one page."""
    width, height = _box(image.data, min(pdf.epw, 150.0), 150.0)
    if pdf.will_page_break(height + LINE):
        pdf.add_page()
    pdf.set_font(FONT, "B", 9)
    pdf.multi_cell(0, LINE, image.caption, new_x=XPos.LMARGIN, new_y=YPos.NEXT)
    try:
        pdf.image(io.BytesIO(image.data), w=width, h=height)
    except (FPDFException, OSError, ValueError, SyntaxError) as exc:
        log.info("an evidence image could not be embedded (%s)", type(exc).__name__)
        pdf.set_font(FONT, "", 9)
        pdf.multi_cell(0, 5, image.missing, new_x=XPos.LMARGIN, new_y=YPos.NEXT)
        return
    pdf.ln(3)

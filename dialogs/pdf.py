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
        pdf.multi_cell(0, 5, block.text, new_x=XPos.LMARGIN, new_y=YPos.NEXT)
        pdf.ln(1.5)
    elif isinstance(block, Field):
        _field(pdf, block)
    else:
        _image(pdf, block)


def _field(pdf: _Pdf, field: Field) -> None:
    label_width = 52
    pdf.set_font(FONT, "B", 9)
    top = pdf.get_y()
    pdf.multi_cell(label_width, 5, field.label, new_x=XPos.RIGHT, new_y=YPos.TOP)
    pdf.set_font(FONT, "", 9)
    pdf.multi_cell(0, 5, field.value, new_x=XPos.LMARGIN, new_y=YPos.NEXT)
    pdf.set_y(max(pdf.get_y(), top + 5) + 0.8)


def _image(pdf: _Pdf, image: Image) -> None:
    pdf.set_font(FONT, "B", 9)
    pdf.multi_cell(0, 5, image.caption, new_x=XPos.LMARGIN, new_y=YPos.NEXT)
    # A phone screenshot is tall: it is fitted into a box that leaves room for its caption.
    width, height = min(pdf.epw, 150.0), 150.0
    if pdf.will_page_break(height):
        pdf.add_page()
    try:
        pdf.image(io.BytesIO(image.data), w=width, h=height, keep_aspect_ratio=True)
    except (FPDFException, OSError, ValueError, SyntaxError) as exc:
        log.info("an evidence image could not be embedded (%s)", type(exc).__name__)
        pdf.set_font(FONT, "", 9)
        pdf.multi_cell(0, 5, image.missing, new_x=XPos.LMARGIN, new_y=YPos.NEXT)
        return
    pdf.ln(3)

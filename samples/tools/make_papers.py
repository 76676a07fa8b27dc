#!/usr/bin/python3
"""Write the synthetic literature set in samples/papers/: short "published papers" as real
PDFs, typeset with Pango and written by cairo's PDF surface (python3-cairo, gir1.2-pango-1.0),
so their text layer is what a journal's PDF has: embedded fonts with a ToUnicode map, two
columns, a running header on every page, a page number in the footer, a paragraph that runs
on from one column or page to the next, and words hyphenated at line ends.

  paper-01 .. paper-07   each two or three A4 pages; paper-03 has a DOI in its text,
                         paper-05 a literal "fi" ligature (U+FB01) and accented authors

All text was written for this project; every author, journal and organisation is invented.

Usage: /usr/bin/python3 samples/tools/make_papers.py   (from anywhere; Debian's python3 has
the bindings)
"""

import os
import re

import cairo
import gi

gi.require_version("Pango", "1.0")
gi.require_version("PangoCairo", "1.0")
from gi.repository import Pango, PangoCairo  # noqa: E402

from papers_text import PAPERS  # noqa: E402

HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.join(os.path.dirname(HERE), "papers")

PAGE_W, PAGE_H = 595.0, 842.0  # A4 in points
MARGIN = 64.0
GUTTER = 24.0
TOP = 78.0  # body starts below the running header
BOTTOM = PAGE_H - 70.0  # body ends above the page number
COL_W = (PAGE_W - 2 * MARGIN - GUTTER) / 2
BODY_FONT = "DejaVu Serif 11"
PARA_GAP = 6.0  # points between paragraphs: how a reader (and the importer) sees one end


SOFT_HYPHEN = "\u00ad"
LONG_WORD = re.compile(r"\b([a-z]{6,})([a-z]{6,})\b")


def hyphenable(text):
    """Long lower-case words get a soft hyphen in the middle, where Pango may break them with a
    visible hyphen at a line's end, as a journal's typesetter does."""
    return LONG_WORD.sub(lambda m: m.group(1) + SOFT_HYPHEN + m.group(2), text)


def layout(ctx, text, font, width, align=Pango.Alignment.LEFT):
    lay = PangoCairo.create_layout(ctx)
    lay.set_font_description(Pango.FontDescription.from_string(font))
    lay.set_width(int(width * Pango.SCALE))
    lay.set_wrap(Pango.WrapMode.WORD)
    lay.set_alignment(align)
    lay.set_justify(True)
    lay.set_text(text, -1)
    return lay


def lines_of(lay):
    """[(line, ascent, height)] in points."""
    out = []
    for line in lay.get_lines_readonly():
        logical = line.get_extents()[1]
        out.append((line, -logical.y / Pango.SCALE, logical.height / Pango.SCALE))
    return out


class Typesetter:
    def __init__(self, paper, path):
        self.paper = paper
        self.surface = cairo.PDFSurface(path, PAGE_W, PAGE_H)
        self.surface.set_metadata(cairo.PDF_METADATA_TITLE, paper["title"])
        self.surface.set_metadata(cairo.PDF_METADATA_AUTHOR, ", ".join(paper["authors"]))
        self.ctx = cairo.Context(self.surface)
        self.page = 0
        self.new_page()

    def new_page(self):
        if self.page:
            self.ctx.show_page()
        self.page += 1
        self.column = 0
        self.y = TOP
        ctx = self.ctx
        ctx.set_source_rgb(0.35, 0.35, 0.35)
        # The journal on one line, the short author/title on the next, right-aligned: side by
        # side, the longer pairs would overlap in DejaVu Sans.
        header = layout(ctx, self.paper["journal"], "DejaVu Sans 7.5", PAGE_W - 2 * MARGIN)
        header.set_justify(False)
        ctx.move_to(MARGIN, 32)
        PangoCairo.show_layout(ctx, header)
        short = layout(ctx, self.paper["short"], "DejaVu Sans Oblique 7.5",
                       PAGE_W - 2 * MARGIN, Pango.Alignment.RIGHT)
        short.set_justify(False)
        ctx.move_to(MARGIN, 42)
        PangoCairo.show_layout(ctx, short)
        ctx.set_line_width(0.4)
        ctx.move_to(MARGIN, 54)
        ctx.line_to(PAGE_W - MARGIN, 54)
        ctx.stroke()
        number = layout(ctx, str(self.page), "DejaVu Sans 8", PAGE_W - 2 * MARGIN,
                        Pango.Alignment.CENTER)
        number.set_justify(False)
        ctx.move_to(MARGIN, PAGE_H - 46)
        PangoCairo.show_layout(ctx, number)
        ctx.set_source_rgb(0, 0, 0)

    def full_width(self, text, font, gap):
        lay = layout(self.ctx, text, font, PAGE_W - 2 * MARGIN)
        lay.set_justify(False)
        self.ctx.move_to(MARGIN, self.y)
        PangoCairo.show_layout(self.ctx, lay)
        self.y += lay.get_pixel_extents()[1].height + gap

    def next_column(self):
        if self.column == 0:
            self.column = 1
            self.y = self.columns_top
        else:
            self.new_page()
            self.columns_top = TOP

    def paragraph(self, text, font=BODY_FONT):
        # Line by line, so a paragraph runs on into the next column or page as in a journal.
        lay = layout(self.ctx, text, font, COL_W)
        for line, ascent, height in lines_of(lay):
            if self.y + height > BOTTOM:
                self.next_column()
            x = MARGIN + self.column * (COL_W + GUTTER)
            self.ctx.move_to(x, self.y + ascent)
            PangoCairo.show_layout_line(self.ctx, line)
            self.y += height
        self.y += PARA_GAP

    def finish(self):
        self.surface.finish()


def write(paper):
    path = os.path.join(OUT, paper["file"])
    t = Typesetter(paper, path)
    t.full_width(paper["title"], "DejaVu Serif Bold 15", 6)
    t.full_width(", ".join(paper["authors"]), "DejaVu Serif 10.5", 3)
    t.full_width(paper["affiliation"], "DejaVu Serif Italic 8.5", 10)
    t.full_width("Abstract. " + paper["abstract"], "DejaVu Serif 9", 14)
    t.columns_top = t.y
    for section, paragraphs in paper["sections"]:
        t.paragraph(section, "DejaVu Serif Bold 10")
        for p in paragraphs:
            t.paragraph(hyphenable(p))
    t.finish()
    return path


def main():
    os.makedirs(OUT, exist_ok=True)
    for paper in PAPERS:
        print(write(paper))


if __name__ == "__main__":
    main()

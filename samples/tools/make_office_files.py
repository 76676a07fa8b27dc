#!/usr/bin/env python3
"""Write the Word (.docx) and OpenDocument (.odt) sample transcripts from the
plain-text sources in samples/tools/sources/.

Standard library only (no python-docx / odfpy): the OOXML and ODF packages are
written with zipfile and hand-made minimal XML, then re-read and checked for
well-formedness with xml.dom.minidom.

Source markup (see the sources themselves):
  * lines starting with '#' are comments;
  * a blank line starts a new paragraph;
  * a single newline inside a paragraph is a manual line break
    (w:br in Word, text:line-break in ODF);
  * a block of lines starting with '|' is a table, first row = header row;
  * **text** is bold (a bold run / a text:span with a bold automatic style).

Per-file options below decide whether the speaker label ("Name:") at the start
of a paragraph is written bold (interview 05) or as plain text (06, 10).

Usage: python3 samples/tools/make_office_files.py   (from anywhere)
Output is deterministic (fixed zip timestamps), so re-running gives identical files.
"""

import os
import re
import sys
import zipfile
from xml.dom import minidom
from xml.sax.saxutils import escape

HERE = os.path.dirname(os.path.abspath(__file__))
SRC = os.path.join(HERE, "sources")
OUT = os.path.dirname(HERE)  # samples/

ZIP_TIME = (2024, 5, 14, 10, 0, 0)

JOBS = [
    {
        "source": "interview-05-ceo-westvale.source.txt",
        "out": "interview-05-ceo-westvale.docx",
        "kind": "docx",
        "bold_speakers": ["Tom Brennan", "Dr Priya Raman"],
        "title": "Westvale merger study - Interview 05",
        "creator": "Clearword Transcription Ltd",
        "created": "2024-03-18T09:12:00Z",
        # Realistic Word run-splitting quirks (0-based index of that speaker's turn):
        # the bold label split over two bold runs, as Word does after an edit...
        "split_label_turns": {"Dr Priya Raman": [2, 10]},
        # ...and one label whose colon was left outside the bold run.
        "colon_outside_bold_turns": {"Tom Brennan": [4]},
    },
    {
        "source": "interview-06-director-riverside.source.txt",
        "out": "interview-06-director-riverside.docx",
        "kind": "docx",
        "bold_speakers": [],
        "title": "Riverside ICS - interview 06",
        "creator": "Helen Okafor",
        "created": "2023-11-07T14:30:00Z",
    },
    {
        "source": "interview-10-director-alliance1.source.txt",
        "out": "interview-10-director-alliance1.odt",
        "kind": "odt",
        "bold_speakers": [],
        "title": "Kestrel Alliance study - interview 10",
        "creator": "Tom Brennan",
        "created": "2024-04-23T16:05:00",
    },
]

SPEAKER_RE = re.compile(r"^([^:\n|]{1,40}):\s")


# ---------------------------------------------------------------- source parsing

def read_blocks(path):
    """Return a list of blocks: ("p", text-with-\\n-for-line-breaks) or ("table", rows)."""
    with open(path, encoding="utf-8") as f:
        lines = [l.rstrip("\n") for l in f if not l.startswith("#")]
    blocks, cur = [], []

    def flush():
        if not cur:
            return
        if all(l.startswith("|") for l in cur):
            rows = [[c.strip() for c in l.strip().strip("|").split("|")] for l in cur]
            blocks.append(("table", rows))
        else:
            blocks.append(("p", "\n".join(cur)))
        cur.clear()

    for l in lines:
        if l.strip() == "":
            flush()
        else:
            cur.append(l)
    flush()
    return blocks


def inline_runs(text):
    """Split text on **bold** markers -> [(text, bold)]."""
    out = []
    for i, part in enumerate(re.split(r"\*\*", text)):
        if part:
            out.append((part, i % 2 == 1))
    return out


def paragraph_runs(text, job, turn_counter):
    """Runs for one paragraph: list of (text, bold) where text may contain '\\n'."""
    m = SPEAKER_RE.match(text)
    if m and m.group(1) in job["bold_speakers"]:
        name = m.group(1)
        idx = turn_counter.get(name, 0)
        turn_counter[name] = idx + 1
        rest = text[m.end(1) + 1:]  # after the colon, keeps the leading space
        if idx in job.get("split_label_turns", {}).get(name, []):
            head, _, tail = name.rpartition(" ")
            label = [(head, True), (" " + tail + ":", True)]
        elif idx in job.get("colon_outside_bold_turns", {}).get(name, []):
            label = [(name, True), (":", False)]
        else:
            label = [(name + ":", True)]
        return label + inline_runs(rest)
    return inline_runs(text)


# ---------------------------------------------------------------- DOCX

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"


def docx_run(text, bold):
    rpr = "<w:rPr><w:b/><w:bCs/></w:rPr>" if bold else ""
    parts = text.split("\n")
    inner = []
    for i, seg in enumerate(parts):
        if i:
            inner.append("<w:br/>")
        if seg:
            inner.append('<w:t xml:space="preserve">%s</w:t>' % escape(seg))
    return "<w:r>%s%s</w:r>" % (rpr, "".join(inner))


def docx_paragraph(runs, style=None):
    ppr = '<w:pPr><w:pStyle w:val="%s"/></w:pPr>' % style if style else ""
    return "<w:p>%s%s</w:p>" % (ppr, "".join(docx_run(t, b) for t, b in runs))


def docx_table(rows):
    ncols = max(len(r) for r in rows)
    width = 9026 // ncols
    border = "".join('<w:%s w:val="single" w:sz="4" w:space="0" w:color="auto"/>' % e
                     for e in ("top", "left", "bottom", "right", "insideH", "insideV"))
    xml = ['<w:tbl><w:tblPr><w:tblStyle w:val="TableGrid"/><w:tblW w:w="0" w:type="auto"/>'
           '<w:tblBorders>%s</w:tblBorders><w:tblLook w:val="04A0" w:firstRow="1" w:lastRow="0" '
           'w:firstColumn="1" w:lastColumn="0" w:noHBand="0" w:noVBand="1"/></w:tblPr>' % border,
           "<w:tblGrid>%s</w:tblGrid>" % "".join('<w:gridCol w:w="%d"/>' % width for _ in range(ncols))]
    for ri, row in enumerate(rows):
        trpr = "<w:trPr><w:tblHeader/></w:trPr>" if ri == 0 else ""
        cells = []
        for c in row + [""] * (ncols - len(row)):
            cells.append('<w:tc><w:tcPr><w:tcW w:w="%d" w:type="dxa"/></w:tcPr>%s</w:tc>'
                         % (width, docx_paragraph([(c, ri == 0)])))
        xml.append("<w:tr>%s%s</w:tr>" % (trpr, "".join(cells)))
    xml.append("</w:tbl>")
    return "".join(xml)


DOCX_STYLES = """<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:styles xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">
<w:docDefaults><w:rPrDefault><w:rPr><w:rFonts w:ascii="Calibri" w:hAnsi="Calibri" w:eastAsia="Calibri" w:cs="Calibri"/><w:sz w:val="22"/><w:szCs w:val="22"/><w:lang w:val="en-GB" w:eastAsia="en-US" w:bidi="ar-SA"/></w:rPr></w:rPrDefault><w:pPrDefault><w:pPr><w:spacing w:after="160" w:line="259" w:lineRule="auto"/></w:pPr></w:pPrDefault></w:docDefaults>
<w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/><w:qFormat/></w:style>
<w:style w:type="paragraph" w:styleId="Title"><w:name w:val="Title"/><w:basedOn w:val="Normal"/><w:next w:val="Normal"/><w:qFormat/><w:rPr><w:b/><w:sz w:val="32"/><w:szCs w:val="32"/></w:rPr></w:style>
<w:style w:type="table" w:default="1" w:styleId="TableNormal"><w:name w:val="Normal Table"/><w:tblPr><w:tblInd w:w="0" w:type="dxa"/><w:tblCellMar><w:top w:w="0" w:type="dxa"/><w:left w:w="108" w:type="dxa"/><w:bottom w:w="0" w:type="dxa"/><w:right w:w="108" w:type="dxa"/></w:tblCellMar></w:tblPr></w:style>
<w:style w:type="table" w:styleId="TableGrid"><w:name w:val="Table Grid"/><w:basedOn w:val="TableNormal"/><w:pPr><w:spacing w:after="0" w:line="240" w:lineRule="auto"/></w:pPr><w:tblPr><w:tblBorders><w:top w:val="single" w:sz="4" w:space="0" w:color="auto"/><w:left w:val="single" w:sz="4" w:space="0" w:color="auto"/><w:bottom w:val="single" w:sz="4" w:space="0" w:color="auto"/><w:right w:val="single" w:sz="4" w:space="0" w:color="auto"/><w:insideH w:val="single" w:sz="4" w:space="0" w:color="auto"/><w:insideV w:val="single" w:sz="4" w:space="0" w:color="auto"/></w:tblBorders></w:tblPr></w:style>
</w:styles>
"""

DOCX_CONTENT_TYPES = """<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">
<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>
<Default Extension="xml" ContentType="application/xml"/>
<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>
<Override PartName="/word/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"/>
<Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/>
<Override PartName="/docProps/app.xml" ContentType="application/vnd.openxmlformats-officedocument.extended-properties+xml"/>
</Types>
"""

DOCX_RELS = """<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/>
<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/>
<Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/extended-properties" Target="docProps/app.xml"/>
</Relationships>
"""

DOCX_DOC_RELS = """<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/>
</Relationships>
"""


def docx_core(job):
    return """<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" xmlns:dcmitype="http://purl.org/dc/dcmitype/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
<dc:title>%s</dc:title><dc:creator>%s</dc:creator><cp:lastModifiedBy>%s</cp:lastModifiedBy>
<dcterms:created xsi:type="dcterms:W3CDTF">%s</dcterms:created><dcterms:modified xsi:type="dcterms:W3CDTF">%s</dcterms:modified>
</cp:coreProperties>
""" % (escape(job["title"]), escape(job["creator"]), escape(job["creator"]), job["created"], job["created"])


DOCX_APP = """<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties" xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes"><Application>CMOC Workbench sample generator</Application></Properties>
"""


def build_docx(job, blocks):
    body, counter = [], {}
    for i, (kind, data) in enumerate(blocks):
        if kind == "table":
            body.append(docx_table(data))
        else:
            style = "Title" if i == 0 else None
            body.append(docx_paragraph(paragraph_runs(data, job, counter), style))
    document = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
                '<w:document xmlns:w="%s" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">'
                "<w:body>%s<w:sectPr><w:pgSz w:w=\"11906\" w:h=\"16838\"/>"
                "<w:pgMar w:top=\"1440\" w:right=\"1440\" w:bottom=\"1440\" w:left=\"1440\" "
                "w:header=\"708\" w:footer=\"708\" w:gutter=\"0\"/></w:sectPr></w:body></w:document>\n"
                % (W_NS, "\n".join(body)))
    parts = [
        ("[Content_Types].xml", DOCX_CONTENT_TYPES),
        ("_rels/.rels", DOCX_RELS),
        ("word/document.xml", document),
        ("word/_rels/document.xml.rels", DOCX_DOC_RELS),
        ("word/styles.xml", DOCX_STYLES),
        ("docProps/core.xml", docx_core(job)),
        ("docProps/app.xml", DOCX_APP),
    ]
    return parts, None


# ---------------------------------------------------------------- ODT

ODF_NS = ('xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
          'xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0" '
          'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" '
          'xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" '
          'xmlns:fo="urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0" '
          'xmlns:meta="urn:oasis:names:tc:opendocument:xmlns:meta:1.0" '
          'xmlns:dc="http://purl.org/dc/elements/1.1/"')


def odt_text(text):
    """Escape text for an ODF paragraph: newline -> text:line-break, runs of spaces -> text:s."""
    out = []
    for i, seg in enumerate(text.split("\n")):
        if i:
            out.append("<text:line-break/>")
        seg = escape(seg)
        seg = re.sub(r"  +", lambda m: ' <text:s text:c="%d"/>' % (len(m.group(0)) - 1), seg)
        out.append(seg)
    return "".join(out)


def odt_paragraph(runs, style="Standard"):
    inner = []
    for t, b in runs:
        inner.append('<text:span text:style-name="T1">%s</text:span>' % odt_text(t) if b else odt_text(t))
    return '<text:p text:style-name="%s">%s</text:p>' % (style, "".join(inner))


def odt_table(rows, n):
    ncols = max(len(r) for r in rows)
    xml = ['<table:table table:name="Table%d" table:style-name="Tbl1">' % n,
           '<table:table-column table:style-name="Tbl1.A" table:number-columns-repeated="%d"/>' % ncols]
    for ri, row in enumerate(rows):
        if ri == 0:
            xml.append("<table:table-header-rows>")
        xml.append("<table:table-row>")
        for c in row + [""] * (ncols - len(row)):
            xml.append('<table:table-cell table:style-name="Tbl1.A1" office:value-type="string">%s</table:table-cell>'
                       % odt_paragraph([(c, ri == 0)], "Table_20_Contents"))
        xml.append("</table:table-row>")
        if ri == 0:
            xml.append("</table:table-header-rows>")
    xml.append("</table:table>")
    return "".join(xml)


ODT_STYLES = """<?xml version="1.0" encoding="UTF-8"?>
<office:document-styles %s office:version="1.3">
<office:font-face-decls/>
<office:styles>
<style:default-style style:family="paragraph"><style:paragraph-properties fo:margin-bottom="0.25cm"/><style:text-properties style:font-name="Liberation Serif" fo:font-size="11pt" fo:language="en" fo:country="GB"/></style:default-style>
<style:style style:name="Standard" style:family="paragraph" style:class="text"/>
<style:style style:name="Table_20_Contents" style:display-name="Table Contents" style:family="paragraph" style:parent-style-name="Standard" style:class="extra"/>
</office:styles>
<office:automatic-styles><style:page-layout style:name="pm1"><style:page-layout-properties fo:page-width="21.001cm" fo:page-height="29.7cm" fo:margin-top="2cm" fo:margin-bottom="2cm" fo:margin-left="2cm" fo:margin-right="2cm"/></style:page-layout></office:automatic-styles>
<office:master-styles><style:master-page style:name="Standard" style:page-layout-name="pm1"/></office:master-styles>
</office:document-styles>
""" % ODF_NS

ODT_MANIFEST = """<?xml version="1.0" encoding="UTF-8"?>
<manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0" manifest:version="1.3">
<manifest:file-entry manifest:full-path="/" manifest:version="1.3" manifest:media-type="application/vnd.oasis.opendocument.text"/>
<manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/>
<manifest:file-entry manifest:full-path="styles.xml" manifest:media-type="text/xml"/>
<manifest:file-entry manifest:full-path="meta.xml" manifest:media-type="text/xml"/>
</manifest:manifest>
"""


def odt_meta(job):
    return """<?xml version="1.0" encoding="UTF-8"?>
<office:document-meta %s office:version="1.3"><office:meta>
<meta:generator>CMOC Workbench sample generator</meta:generator>
<dc:title>%s</dc:title><meta:initial-creator>%s</meta:initial-creator><dc:creator>%s</dc:creator>
<meta:creation-date>%s</meta:creation-date><dc:date>%s</dc:date><dc:language>en-GB</dc:language>
</office:meta></office:document-meta>
""" % (ODF_NS, escape(job["title"]), escape(job["creator"]), escape(job["creator"]), job["created"], job["created"])


def build_odt(job, blocks):
    body, counter, ntab = [], {}, 0
    for kind, data in blocks:
        if kind == "table":
            ntab += 1
            body.append(odt_table(data, ntab))
        else:
            body.append(odt_paragraph(paragraph_runs(data, job, counter)))
    content = ('<?xml version="1.0" encoding="UTF-8"?>\n'
               '<office:document-content %s office:version="1.3">'
               "<office:font-face-decls/>"
               "<office:automatic-styles>"
               '<style:style style:name="T1" style:family="text"><style:text-properties fo:font-weight="bold" '
               'style:font-weight-asian="bold" style:font-weight-complex="bold"/></style:style>'
               '<style:style style:name="Tbl1" style:family="table"><style:table-properties style:width="17cm" table:align="margins"/></style:style>'
               '<style:style style:name="Tbl1.A" style:family="table-column"><style:table-column-properties style:column-width="8.5cm"/></style:style>'
               '<style:style style:name="Tbl1.A1" style:family="table-cell"><style:table-cell-properties fo:padding="0.1cm" fo:border="0.5pt solid #000000"/></style:style>'
               "</office:automatic-styles>"
               "<office:body><office:text>\n%s\n</office:text></office:body></office:document-content>\n"
               % (ODF_NS, "\n".join(body)))
    parts = [
        ("content.xml", content),
        ("styles.xml", ODT_STYLES),
        ("meta.xml", odt_meta(job)),
        ("META-INF/manifest.xml", ODT_MANIFEST),
    ]
    return parts, "application/vnd.oasis.opendocument.text"


# ---------------------------------------------------------------- writing + checking

def write_zip(path, parts, mimetype):
    with zipfile.ZipFile(path, "w") as z:
        if mimetype is not None:
            # ODF: "mimetype" must be the first entry, stored (not compressed), no extra field.
            zi = zipfile.ZipInfo("mimetype", ZIP_TIME)
            zi.compress_type = zipfile.ZIP_STORED
            z.writestr(zi, mimetype)
        for name, data in parts:
            zi = zipfile.ZipInfo(name, ZIP_TIME)
            zi.compress_type = zipfile.ZIP_DEFLATED
            z.writestr(zi, data.encode("utf-8"))


def check(path):
    with zipfile.ZipFile(path) as z:
        names = z.namelist()
        for n in names:
            if n.endswith(".xml") or n.endswith(".rels"):
                minidom.parseString(z.read(n))  # raises on malformed XML
        if path.endswith(".odt"):
            first = z.infolist()[0]
            assert first.filename == "mimetype" and first.compress_type == zipfile.ZIP_STORED
        return names


def main():
    for job in JOBS:
        blocks = read_blocks(os.path.join(SRC, job["source"]))
        parts, mimetype = (build_docx if job["kind"] == "docx" else build_odt)(job, blocks)
        out = os.path.join(OUT, job["out"])
        write_zip(out, parts, mimetype)
        names = check(out)
        print("wrote %-40s %6d bytes, %d parts, XML well-formed" % (job["out"], os.path.getsize(out), len(names)))
    return 0


if __name__ == "__main__":
    sys.exit(main())

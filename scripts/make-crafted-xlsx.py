#!/usr/bin/env python3
"""Writes the crafted workbooks the XLSForm import is tested against (issue 18).

    python3 scripts/make-crafted-xlsx.py

crates/core/tests/crafted-xlsx/*.xlsx are workbooks the import must refuse, each with an error
naming the limit it breaks (see `limits.rs`), without panicking, aborting or allocating for what
they declare: a dimension of the whole sheet grid, a cell at XFD1048576, four billion shared
strings, a part that inflates to 1 GiB, a 2 MiB cell, XML nested 100,000 deep, sizes that lie,
damaged and foreign files.
crates/core/tests/crafted-xlsx/valid/*.xlsx are small well-formed XLSForms: with the crafted
ones, they are the corpus the fuzz target mutates.

The .xls ones (old Excel workbooks, BIFF records in a compound file) are written with xlwt
(`pip install xlwt`), then patched: a declared size of two billion rows, a cell in column
60,001, a sheet said to start inside another record.

The output is deterministic (fixed timestamps and compression), so running the script again
leaves the committed files unchanged. The .xlsx ones use only the standard library.
"""

import io
import struct
import zipfile
from pathlib import Path
from xml.sax.saxutils import escape

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "crates/core/tests/crafted-xlsx"
VALID = OUT / "valid"
MIB = 1024 * 1024
STAMP = (1980, 1, 1, 0, 0, 0)

MAIN_NS = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
REL_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
PKG_REL_NS = "http://schemas.openxmlformats.org/package/2006/relationships"


def column(n):
    """1 -> A, 27 -> AA."""
    s = ""
    while n:
        n, r = divmod(n - 1, 26)
        s = chr(65 + r) + s
    return s


def cell(ref, value, shared=None):
    """An inline-string cell, or a shared-string one when `shared` maps texts to indices."""
    if shared is not None:
        return f'<c r="{ref}" t="s"><v>{shared[value]}</v></c>'
    return f'<c r="{ref}" t="inlineStr"><is><t>{escape(value)}</t></is></c>'


def sheet_rows(rows, shared=None):
    out = []
    for i, row in enumerate(rows, start=1):
        cells = "".join(
            cell(f"{column(j)}{i}", v, shared) for j, v in enumerate(row, start=1) if v != ""
        )
        out.append(f'<row r="{i}">{cells}</row>')
    return "".join(out)


def worksheet(rows, shared=None, before="", extra_rows="", dimension=None):
    dim = f'<dimension ref="{dimension}"/>' if dimension else ""
    return (
        f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
        f'<worksheet xmlns="{MAIN_NS}" xmlns:r="{REL_NS}">{dim}{before}'
        f"<sheetData>{sheet_rows(rows, shared)}{extra_rows}</sheetData></worksheet>"
    ).encode()


def workbook_parts(sheets, shared_strings=None):
    """The parts of a workbook whose sheets are `(name, worksheet xml)`."""
    names = "".join(
        f'<sheet name="{escape(n)}" sheetId="{i}" r:id="rId{i}"/>'
        for i, (n, _) in enumerate(sheets, start=1)
    )
    rels = "".join(
        f'<Relationship Id="rId{i}" '
        f'Type="{REL_NS}/worksheet" Target="worksheets/sheet{i}.xml"/>'
        for i in range(1, len(sheets) + 1)
    )
    n = len(sheets)
    if shared_strings is not None:
        rels += (
            f'<Relationship Id="rId{n + 1}" Type="{REL_NS}/sharedStrings" '
            f'Target="sharedStrings.xml"/>'
        )
    overrides = "".join(
        f'<Override PartName="/xl/worksheets/sheet{i}.xml" ContentType="application/'
        f'vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>'
        for i in range(1, n + 1)
    )
    if shared_strings is not None:
        overrides += (
            '<Override PartName="/xl/sharedStrings.xml" ContentType="application/'
            'vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/>'
        )
    parts = [
        (
            "[Content_Types].xml",
            (
                '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
                '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
                '<Default Extension="rels" ContentType="application/'
                'vnd.openxmlformats-package.relationships+xml"/>'
                '<Default Extension="xml" ContentType="application/xml"/>'
                '<Override PartName="/xl/workbook.xml" ContentType="application/'
                'vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>'
                f"{overrides}</Types>"
            ).encode(),
        ),
        (
            "_rels/.rels",
            (
                '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
                f'<Relationships xmlns="{PKG_REL_NS}"><Relationship Id="rId1" '
                f'Type="{REL_NS}/officeDocument" Target="xl/workbook.xml"/></Relationships>'
            ).encode(),
        ),
        (
            "xl/workbook.xml",
            (
                '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
                f'<workbook xmlns="{MAIN_NS}" xmlns:r="{REL_NS}"><sheets>{names}</sheets>'
                "</workbook>"
            ).encode(),
        ),
        (
            "xl/_rels/workbook.xml.rels",
            (
                '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
                f'<Relationships xmlns="{PKG_REL_NS}">{rels}</Relationships>'
            ).encode(),
        ),
    ]
    if shared_strings is not None:
        parts.append(("xl/sharedStrings.xml", shared_strings))
    for i, (_, xml) in enumerate(sheets, start=1):
        parts.append((f"xl/worksheets/sheet{i}.xml", xml))
    return parts


def write(path, parts):
    """Writes `(name, bytes or iterable of byte chunks)` parts, deflated, deterministically."""
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as z:
        for name, content in parts:
            info = zipfile.ZipInfo(name, STAMP)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            if isinstance(content, bytes):
                z.writestr(info, content, compresslevel=9)
            else:
                info._compresslevel = 9
                with z.open(info, "w") as f:
                    for chunk in content:
                        f.write(chunk)
    data = buf.getvalue()
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data)
    return data


SURVEY = [
    ["type", "name", "label"],
    ["text", "name", "Your name"],
    ["integer", "age", "Your age"],
    ["select_one yn", "likes", "Do you like it?"],
]
CHOICES = [["list_name", "name", "label"], ["yn", "yes", "Yes"], ["yn", "no", "No"]]
SETTINGS = [["form_title", "default_language"], ["Crafted", "English (en)"]]


def minimal(survey_xml=None, extra=(), shared_strings=None):
    """The parts of a small valid XLSForm, its survey sheet replaced by `survey_xml`."""
    return workbook_parts(
        [
            ("survey", survey_xml or worksheet(SURVEY)),
            ("choices", worksheet(CHOICES)),
            ("settings", worksheet(SETTINGS)),
        ],
        shared_strings,
    ) + list(extra)


def patch_declared_size(data, name, size):
    """Rewrites the uncompressed size `name` declares, in its local and central headers."""
    data = bytearray(data)
    info = zipfile.ZipFile(io.BytesIO(bytes(data))).getinfo(name)
    local = info.header_offset
    assert data[local : local + 4] == b"PK\x03\x04"
    struct.pack_into("<I", data, local + 22, size)
    pos = 0
    while True:
        pos = data.find(b"PK\x01\x02", pos)
        assert pos >= 0
        name_len = struct.unpack_from("<H", data, pos + 28)[0]
        if data[pos + 46 : pos + 46 + name_len] == name.encode():
            struct.pack_into("<I", data, pos + 24, size)
            break
        pos += 4
    return bytes(data)


def damage_part(data, name):
    """Overwrites the compressed bytes of `name` with bytes no inflater accepts."""
    data = bytearray(data)
    info = zipfile.ZipFile(io.BytesIO(bytes(data))).getinfo(name)
    local = info.header_offset
    name_len, extra_len = struct.unpack_from("<HH", data, local + 26)
    start = local + 30 + name_len + extra_len
    for i in range(start, start + info.compress_size):
        data[i] = 0xFF
    return bytes(data)


def repeated(chunk, total):
    """`total` bytes of `chunk` repeated, as 1 MiB pieces."""
    piece = chunk * (MIB // len(chunk))
    left = total
    while left > 0:
        n = min(left, len(piece))
        yield piece[:n]
        left -= n


def main():
    OUT.mkdir(parents=True, exist_ok=True)
    VALID.mkdir(parents=True, exist_ok=True)

    # Valid forms: the fuzz corpus's well-formed seeds.
    write(VALID / "minimal.xlsx", minimal())
    texts = [
        "type", "name", "label::English (en)", "label::Français (fr)", "hint::English (en)",
        "relevant", "required", "constraint", "begin_group", "details", "Details", "Détails",
        "select_multiple colours or_other", "colours", "Colours?", "Couleurs ?", "Pick any",
        "${likes} = 'yes'", "yes", "decimal", "weight", "Weight", "Poids", ". >= 0 and . <= 500",
        "end_group", "calculate", "twice", "list_name", "red", "Red", "Rouge", "blue", "Blue",
        "Bleu", "text", "comment", "Comment", "Commentaire", "form_title", "default_language",
        "Shared strings", "English (en)", "calculation", "${weight} * 2",
    ]
    shared = {t: i for i, t in enumerate(texts)}
    sst = (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
        f'<sst xmlns="{MAIN_NS}" count="{len(texts)}" uniqueCount="{len(texts)}">'
        + "".join(f"<si><t>{escape(t)}</t></si>" for t in texts)
        + "</sst>"
    ).encode()
    # A calculate row carries its calculation (pyxform refuses one without).
    survey = [
        ["type", "name", "label::English (en)", "label::Français (fr)", "hint::English (en)",
         "relevant", "required", "constraint", "calculation"],
        ["begin_group", "details", "Details", "Détails", "", "", "", "", ""],
        ["select_multiple colours or_other", "colours", "Colours?", "Couleurs ?", "Pick any",
         "", "yes", "", ""],
        ["decimal", "weight", "Weight", "Poids", "", "${likes} = 'yes'", "",
         ". >= 0 and . <= 500", ""],
        ["end_group", "", "", "", "", "", "", "", ""],
        ["text", "comment", "Comment", "Commentaire", "", "", "", "", ""],
        ["calculate", "twice", "", "", "", "", "", "", "${weight} * 2"],
    ]
    choices = [
        ["list_name", "name", "label::English (en)", "label::Français (fr)"],
        ["colours", "red", "Red", "Rouge"],
        ["colours", "blue", "Blue", "Bleu"],
    ]
    settings = [["form_title", "default_language"], ["Shared strings", "English (en)"]]
    write(
        VALID / "groups-and-shared-strings.xlsx",
        workbook_parts(
            [
                ("survey", worksheet(survey, shared, dimension="A1:H7")),
                ("choices", worksheet(choices, shared)),
                ("settings", worksheet(settings, shared)),
            ],
            sst,
        ),
    )

    # Refused: limits.
    # Read: the size a sheet declares is not read (LibreOffice declares A1:AMJ1048576).
    write(VALID / "declared-size-huge.xlsx", minimal(worksheet(SURVEY, dimension="A1:XFD1048576")))
    write(
        OUT / "reversed-dimension.xlsx", minimal(worksheet(SURVEY, dimension="B2:A1"))
    )
    write(
        OUT / "cell-at-xfd1048576.xlsx",
        minimal(
            worksheet(
                SURVEY,
                extra_rows='<row><c r="XFD1048576" t="inlineStr"><is><t>x</t></is></c></row>',
            )
        ),
    )
    write(
        OUT / "overflowing-reference.xlsx",
        minimal(
            worksheet(
                SURVEY,
                extra_rows='<row r="9"><c r="AAAAAAAAAAAAAAAAAAAAAAAAA9" t="inlineStr">'
                "<is><t>x</t></is></c></row>",
            )
        ),
    )
    write(
        OUT / "overflowing-row.xlsx",
        minimal(worksheet(SURVEY, extra_rows='<row r="99999999999999"></row>')),
    )
    big_sst = (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
        f'<sst xmlns="{MAIN_NS}" count="4000000000" uniqueCount="4000000000">'
        "<si><t>type</t></si></sst>"
    ).encode()
    write(OUT / "shared-strings-unique-count.xlsx", minimal(shared_strings=big_sst))
    many_si = (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
        f'<sst xmlns="{MAIN_NS}">' + "<si><t>x</t></si>" * 200_001 + "</sst>"
    ).encode()
    write(OUT / "too-many-shared-strings.xlsx", minimal(shared_strings=many_si))
    # 10,000 rows of 21 cells (placed by the reader, without `r`): within the rows and
    # columns, beyond the cells.
    rows = "".join('<row>' + '<c s="0"/>' * 21 + "</row>" for _ in range(3, 10_001))
    write(OUT / "too-many-cells.xlsx", minimal(worksheet(SURVEY[:2], extra_rows=rows)))
    deep = 100_000
    write(
        OUT / "deep-xml.xlsx",
        minimal(worksheet(SURVEY, before="<extLst>" + "<x>" * deep + "</x>" * deep + "</extLst>")),
    )
    # A worksheet of 1 GiB of repeated XML (empty elements the reader skips): about 1 MB
    # compressed, as four-byte periods deflate at the format's best ratio.
    head, tail = worksheet(SURVEY, extra_rows="SPLIT").split(b"SPLIT")
    gib = 1024 * MIB
    unit = b"<a/>"

    def bomb():
        yield head
        yield from repeated(unit, gib)
        yield tail

    data = write(OUT / "zip-bomb.xlsx", [(n, bomb() if n.endswith("sheet1.xml") else c)
                                         for n, c in minimal()])
    assert len(data) < 1.5 * 1000 * 1000, len(data)
    # Three parts of 12 MiB each: each under the part limit, together over the workbook's.
    write(
        OUT / "inflated-total.xlsx",
        minimal(
            extra=[
                (f"customXml/item{i}.xml",
                 b"<x>" + (b"<y>" + b"A" * 1017 + b"</y>") * (12 * 1024) + b"</x>")
                for i in range(1, 4)
            ]
        ),
    )
    # A cell of 2 MiB of text (a spreadsheet cell holds at most 32,767 characters).
    write(
        OUT / "long-cell-text.xlsx",
        minimal(worksheet(SURVEY, extra_rows='<row r="9"><c r="A9" t="inlineStr"><is><t>'
                          + "A" * (2 * MIB) + "</t></is></c></row>")),
    )
    # 65 sheets (an XLSForm has three): matching sheets to parts must stay cheap.
    write(
        OUT / "too-many-sheets.xlsx",
        workbook_parts([(f"s{i}", worksheet(SURVEY)) for i in range(1, 66)]),
    )
    write(
        OUT / "too-many-parts.xlsx",
        minimal(extra=[(f"customXml/item{i}.xml", b"<x/>") for i in range(1, 502)]),
    )

    # Refused: damaged or foreign. A part that declares 1,000 bytes and inflates to 64 MiB:
    head, tail = worksheet(SURVEY, extra_rows='<row r="9"><c r="A9" t="inlineStr"><is><t>SPLIT'
                           "</t></is></c></row>").split(b"SPLIT")
    lying = write(OUT / "lying-sizes.xlsx",
                  [(n, head + b"A" * (64 * MIB) + tail if n.endswith("sheet1.xml") else c)
                   for n, c in minimal()])
    (OUT / "lying-sizes.xlsx").write_bytes(
        patch_declared_size(lying, "xl/worksheets/sheet1.xml", 1000)
    )
    good = write(OUT / "damaged-part.xlsx", minimal())
    (OUT / "damaged-part.xlsx").write_bytes(damage_part(good, "xl/worksheets/sheet1.xml"))
    (OUT / "truncated.xlsx").write_bytes(good[: len(good) // 2])
    (OUT / "not-a-zip.xlsx").write_bytes(b"type,name,label\ntext,q1,Question 1\n")
    # An old .xls (compound file) header with a workbook appended: a lenient zip reader finds
    # the workbook, the spreadsheet reader parses the compound file first.
    cfb = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 16 + b"\x3e\x00\x03\x00\xfe\xff\x09\x00"
    (OUT / "xls-polyglot.xlsx").write_bytes(cfb + b"\x00" * (512 - len(cfb)) + good)

    write_xls()

    for p in sorted(list(OUT.rglob("*.xlsx")) + list(OUT.rglob("*.xls"))):
        print(f"{p.relative_to(ROOT)}: {p.stat().st_size} bytes")


def xls_bytes():
    """A small XLSForm as an old .xls workbook."""
    import xlwt

    book = xlwt.Workbook(encoding="utf-8")
    for name, rows in [
        ("survey", [["type", "name", "label"], ["text", "first_name", "Your first name"],
                    ["select_one yes_no", "member", "Are you a member?"],
                    ["integer", "age", "Your age"]]),
        ("choices", [["list_name", "name", "label"], ["yes_no", "yes", "Yes"],
                     ["yes_no", "no", "No"]]),
    ]:
        sheet = book.add_sheet(name)
        for r, row in enumerate(rows):
            for c, value in enumerate(row):
                sheet.write(r, c, value)
    out = io.BytesIO()
    book.save(out)
    return bytearray(out.getvalue())


def patch_record(data, kind, length, patch):
    """Applies `patch(body)` to the first BIFF record of `kind` and `length` after the globals."""
    head = struct.pack("<HH", kind, length)
    at = data.find(head, data.find(struct.pack("<HH", 0x0809, 16), 100) + 1)
    assert at > 0, hex(kind)
    body = bytearray(data[at + 4 : at + 4 + length])
    patch(body)
    data[at + 4 : at + 4 + length] = body


def write_xls():
    good = xls_bytes()
    (VALID / "minimal.xls").write_bytes(good)

    huge = bytearray(good)
    patch_record(huge, 0x0200, 14, lambda b: b.__setitem__(slice(4, 8), struct.pack("<I", 2_000_000_000)))
    (OUT / "huge-dimension.xls").write_bytes(huge)

    far = bytearray(good)
    patch_record(far, 0x00FD, 10, lambda b: b.__setitem__(slice(2, 4), struct.pack("<H", 60_000)))
    (OUT / "far-cell.xls").write_bytes(far)

    inside = bytearray(good)
    bound = inside.find(struct.pack("<HH", 0x0085, 0)[:2])
    while struct.unpack("<H", inside[bound : bound + 2])[0] != 0x0085:
        bound = inside.find(b"\x85\x00", bound + 1)
    offset = struct.unpack("<I", inside[bound + 4 : bound + 8])[0]
    inside[bound + 4 : bound + 8] = struct.pack("<I", offset + 2)
    (OUT / "sheet-inside-record.xls").write_bytes(inside)


if __name__ == "__main__":
    main()

#!/usr/bin/env python3
"""Makes the PDF fixtures of tests/unit/core/file_types_test.cpp (the
PdfActiveContent tests); the other PDFs of those tests are written in the
test itself.

Needs python3 and the qpdf command (Debian: qpdf); the tests themselves need
neither, only the files this writes. Run from anywhere:

    python3 tests/data/pdf/make_fixtures.py

The encrypted files use random keys, so they differ on each run.
"""

import os
import struct
import subprocess
import tempfile
import zlib

HERE = os.path.dirname(os.path.abspath(__file__))


def pdf(objects):
    """A PDF of `objects` (1 is the catalog) with a cross-reference table."""
    out = b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n"
    offsets = []
    for i, o in enumerate(objects):
        offsets.append(len(out))
        out += b"%d 0 obj\n%s\nendobj\n" % (i + 1, o)
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % o for o in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref)
    return out


def one_page_with_link(action):
    """One page of text with a link annotation whose action is `action`."""
    content = b"BT /F1 24 Tf 20 100 Td (Ruamkit) Tj ET"
    return pdf([
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 200 200] "
        b"/Resources << /Font << /F1 5 0 R >> >> /Contents 4 0 R /Annots [6 0 R] >>",
        b"<< /Length %d >>\nstream\n%s\nendstream" % (len(content), content),
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
        b"<< /Type /Annot /Subtype /Link /Rect [20 90 150 130] /Border [0 0 0] /A 7 0 R >>",
        action,
    ])


def qpdf(data, *options):
    with tempfile.TemporaryDirectory() as tmp:
        source = os.path.join(tmp, "in.pdf")
        target = os.path.join(tmp, "out.pdf")
        with open(source, "wb") as f:
            f.write(data)
        subprocess.run(["qpdf", *options, source, target], check=True)
        with open(target, "rb") as f:
            return f.read()


def object_stream_bomb(inflated):
    """A PDF 1.5 whose catalog, pages and page sit in an object stream that
    inflates to `inflated` bytes: the objects, then spaces; compressed twice
    (/Filter [/FlateDecode /FlateDecode]), so the file stays small."""
    objects = [b"<< /Type /Catalog /Pages 2 0 R >>", b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
               b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 200 200] >>"]
    header = b""
    body = b""
    for i, o in enumerate(objects):
        header += b"%d %d " % (i + 1, len(body))
        body += o + b"\n"
    data = header + body
    data += b" " * (inflated - len(data))
    packed = zlib.compress(zlib.compress(data, 9), 9)
    out = b"%PDF-1.5\n"
    stream_at = len(out)
    out += (b"4 0 obj\n<< /Type /ObjStm /N 3 /First %d /Filter [/FlateDecode /FlateDecode] "
            b"/Length %d >>\nstream\n" % (len(header), len(packed)) + packed + b"\nendstream\nendobj\n")
    xref_at = len(out)
    rows = [(0, 0, 65535), (2, 4, 0), (2, 4, 1), (2, 4, 2), (1, stream_at, 0), (1, xref_at, 0)]
    table = b"".join(struct.pack(">BIH", *row) for row in rows)
    out += (b"5 0 obj\n<< /Type /XRef /Size 6 /W [1 4 2] /Root 1 0 R /Length %d >>\nstream\n"
            % len(table) + table + b"\nendstream\nendobj\n")
    out += b"startxref\n%d\n%%%%EOF\n" % xref_at
    return out


def write(name, data):
    with open(os.path.join(HERE, name), "wb") as f:
        f.write(data)
    print("%-34s %5d bytes" % (name, len(data)))


def main():
    plain = one_page_with_link(b"<< /S /URI /URI (https://www.example.go.th/) >>")
    script = one_page_with_link(b"<< /S /JavaScript /JS (app.alert\\('Ruamkit'\\)) >>")
    # qpdf moves every object but streams into compressed object streams
    # (/Type /ObjStm /Filter /FlateDecode) and writes a cross-reference stream.
    write("objstm_plain.pdf", qpdf(plain, "--object-streams=generate", "--deterministic-id"))
    write("objstm_javascript.pdf", qpdf(script, "--object-streams=generate", "--deterministic-id"))
    write("encrypted_user_password.pdf", qpdf(plain, "--encrypt", "secret", "owner", "256", "--"))
    write("encrypted_no_user_password.pdf", qpdf(plain, "--encrypt", "", "owner", "256", "--"))
    write("objstm_bomb.pdf", object_stream_bomb(40 << 20))
    write("objstm_within_budget.pdf", object_stream_bomb(4 << 20))


if __name__ == "__main__":
    main()

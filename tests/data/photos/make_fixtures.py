#!/usr/bin/env python3
"""Makes the photo fixtures of tests/unit/feedback/photo_metadata_test.cpp.

Needs python3 and cjpeg (Debian: libjpeg-turbo-progs); the tests themselves
need neither, only the files this writes. Run from anywhere:

    python3 tests/data/photos/make_fixtures.py

Every picture is synthetic (a gradient or seeded noise drawn here); every
piece of metadata (camera make, GPS positions, XMP, text) is made up here.
Writes, next to this script, each input and the exact bytes the stripper must
return for it (*.stripped.*).
"""

import os
import random
import struct
import subprocess
import tempfile
import zlib

HERE = os.path.dirname(os.path.abspath(__file__))


def cjpeg(width, height, pixels, *options):
    """Encodes RGB `pixels` (bytes, row by row) with libjpeg-turbo's cjpeg."""
    with tempfile.TemporaryDirectory() as tmp:
        ppm = os.path.join(tmp, "in.ppm")
        with open(ppm, "wb") as f:
            f.write(b"P6\n%d %d\n255\n" % (width, height) + pixels)
        return subprocess.run(["cjpeg", "-quality", "85", *options, ppm], check=True,
                              capture_output=True).stdout


def gradient(width, height, shift):
    return bytes(v for y in range(height) for x in range(width)
                 for v in ((x * 16 + shift) & 0xFF, (y * 16) & 0xFF, (x * y + shift) & 0xFF))


def noise(width, height, seed):
    rng = random.Random(seed)
    return bytes(rng.randrange(256) for _ in range(width * height * 3))


def segment(marker, payload):
    return bytes([0xFF, marker]) + struct.pack(">H", len(payload) + 2) + payload


def after_app0(jpeg, inserted):
    """`jpeg` (SOI, JFIF APP0, ...) with `inserted` right after its APP0."""
    assert jpeg[:4] == b"\xFF\xD8\xFF\xE0"
    end = 4 + struct.unpack(">H", jpeg[4:6])[0]
    return jpeg[:end] + inserted + jpeg[end:]


def tiff(ifds):
    """A big-endian TIFF structure: `ifds` is a list of IFDs, each a list of
    (tag, type, count, value bytes or ("ifd", index)). IFD 0 is the first."""
    sizes = {1: 1, 2: 1, 3: 2, 4: 4, 5: 8, 7: 1}
    # Lay out: header, then each IFD followed by its out-of-line values.
    offsets = []
    at = 8
    for entries in ifds:
        offsets.append(at)
        at += 2 + 12 * len(entries) + 4
        for tag, typ, count, value in entries:
            size = sizes[typ] * count
            if size > 4:
                at += size + (size & 1)
    out = bytearray(b"MM\x00\x2A" + struct.pack(">I", offsets[0]))
    for entries in ifds:
        data_at = len(out) + 2 + 12 * len(entries) + 4
        table = bytearray(struct.pack(">H", len(entries)))
        data = bytearray()
        for tag, typ, count, value in entries:
            if isinstance(value, tuple):
                value = struct.pack(">I", offsets[value[1]])
            size = sizes[typ] * count
            assert len(value) == size, (tag, len(value), size)
            if size > 4:
                table += struct.pack(">HHII", tag, typ, count, data_at + len(data))
                data += value + (b"\x00" if size & 1 else b"")
            else:
                table += struct.pack(">HHI", tag, typ, count) + value.ljust(4, b"\x00")
        table += struct.pack(">I", 0)
        out += table + data
    return bytes(out)


def rationals(*pairs):
    return b"".join(struct.pack(">II", n, d) for n, d in pairs)


def exif_with_gps(make, model, latitude, longitude):
    """EXIF as a phone writes it: make, model and a GPS IFD. `latitude` and
    `longitude` are ((deg, 1), (min, 1), (sec * 100, 100))."""
    def ascii(s):
        return s.encode() + b"\x00"
    ifd0 = [
        (0x010F, 2, len(make) + 1, ascii(make)),      # Make
        (0x0110, 2, len(model) + 1, ascii(model)),    # Model
        (0x8825, 4, 1, ("ifd", 1)),                   # GPSInfo
    ]
    gps = [
        (0x0000, 1, 4, b"\x02\x03\x00\x00"),          # GPSVersionID
        (0x0001, 2, 2, b"N\x00"),                     # GPSLatitudeRef
        (0x0002, 5, 3, rationals(*latitude)),         # GPSLatitude
        (0x0003, 2, 2, b"E\x00"),                     # GPSLongitudeRef
        (0x0004, 5, 3, rationals(*longitude)),        # GPSLongitude
        (0x0006, 5, 1, rationals((1250, 100))),       # GPSAltitude
    ]
    return segment(0xE1, b"Exif\x00\x00" + tiff([ifd0, gps]))


def xmp(latitude):
    packet = ('<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF '
              'xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#"><rdf:Description '
              'xmlns:exif="http://ns.adobe.com/exif/1.0/" xmlns:hdrgm="http://ns.adobe.com/hdr-gain-map/1.0/" '
              'hdrgm:Version="1.0" exif:GPSLatitude="%s"/></rdf:RDF></x:xmpmeta>' % latitude)
    return segment(0xE1, b"http://ns.adobe.com/xap/1.0/\x00" + packet.encode())


def mpf(primary_size, second_size, second_offset):
    """An APP2 MPF segment with an MP index IFD listing two images. Offsets
    count from the MPF TIFF header (just after "MPF\\0"); the primary's is 0."""
    entries = (struct.pack(">IIIHH", 0x20030000, primary_size, 0, 0, 0) +  # representative, primary
               struct.pack(">IIIHH", 0x00000000, second_size, second_offset, 0, 0))  # e.g. gain map
    index = [
        (0xB000, 7, 4, b"0100"),                      # MPFVersion
        (0xB001, 4, 1, struct.pack(">I", 2)),         # NumberOfImages
        (0xB002, 7, 32, entries),                     # MPEntry
    ]
    return segment(0xE2, b"MPF\x00" + tiff([index]))


def write(name, data):
    with open(os.path.join(HERE, name), "wb") as f:
        f.write(data)
    print("%-36s %5d bytes" % (name, len(data)))


# Positions used below; the tests look for these bytes.
LAT_1 = ((13, 1), (45, 1), (2350, 100))   # 13°45'23.50" N
LON_1 = ((100, 1), (30, 1), (1800, 100))  # 100°30'18.00" E
LAT_2 = ((18, 1), (47, 1), (3100, 100))   # 18°47'31.00" N
LON_2 = ((98, 1), (59, 1), (1200, 100))   # 98°59'12.00" E


def multi_picture():
    """A phone's multi-picture JPEG (MPF, as Ultra HDR gain maps and depth
    maps are stored): primary image with EXIF+GPS, XMP, MPF index and a
    comment; then, after the primary's EOI, a second JPEG with its own EXIF
    and GPS."""
    primary = cjpeg(16, 16, gradient(16, 16, 0))
    second = after_app0(cjpeg(8, 8, gradient(8, 8, 90)),
                        exif_with_gps("RuamkitPhone", "RK-2", LAT_2, LON_2))
    head = (exif_with_gps("RuamkitPhone", "RK-1", LAT_1, LON_1) + xmp("13,45.39N"))
    comment = segment(0xFE, b"taken by Somsri")
    # The MPF segment's length does not depend on the offsets it holds.
    probe = mpf(0, 0, 0)
    full = len(primary) + len(head) + len(probe) + len(comment)
    app0_end = 4 + struct.unpack(">H", primary[4:6])[0]
    mpf_tiff_at = app0_end + len(head) + 4 + len(b"MPF\x00")
    index = mpf(full, len(second), full - mpf_tiff_at)
    assert len(index) == len(probe)
    with_metadata = after_app0(primary, head + index + comment) + second
    assert len(with_metadata) == full + len(second)
    return with_metadata, primary


def progressive_with_restarts():
    """A progressive JPEG (several scans, Huffman tables between them) with a
    restart marker after every MCU row, from noise so that 0xFF bytes are
    stuffed in the scan data; EXIF with GPS, and a trailer after EOI."""
    plain = cjpeg(32, 32, noise(32, 32, 7), "-progressive", "-restart", "1")
    assert plain.count(b"\xFF\xDA") > 1, "several scans"
    assert any(plain.find(bytes([0xFF, rst])) > 0 for rst in range(0xD0, 0xD8)), "RST markers"
    assert b"\xFF\x00" in plain, "stuffed bytes"
    with_metadata = after_app0(plain, exif_with_gps("RuamkitPhone", "RK-3", LAT_1, LON_1))
    return with_metadata + b"TRAILER GPS 13.7563,100.5018", plain


def chunk(kind, data):
    return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))


def png_with_metadata():
    """A 4x4 RGB PNG carrying what PNG metadata can carry (eXIf with GPS, tEXt,
    zTXt, iTXt XMP, tIME, a private chunk) besides the chunks the picture
    needs (pHYs, gAMA kept); after IEND, a JPEG with EXIF and GPS."""
    width = height = 4
    rows = b"".join(b"\x00" + gradient(width, 1, y * 40) for y in range(height))
    ihdr = chunk(b"IHDR", struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0))
    phys = chunk(b"pHYs", struct.pack(">IIB", 2835, 2835, 1))
    gama = chunk(b"gAMA", struct.pack(">I", 45455))
    idat = chunk(b"IDAT", zlib.compress(rows, 9))
    iend = chunk(b"IEND", b"")
    exif = exif_with_gps("RuamkitPhone", "RK-4", LAT_1, LON_1)[4 + 6:]  # the TIFF part
    metadata = (chunk(b"eXIf", exif) +
                chunk(b"tEXt", b"Author\x00Somsri") +
                chunk(b"zTXt", b"Comment\x00\x00" + zlib.compress(b"GPS 13.7563,100.5018")) +
                chunk(b"iTXt", b"XML:com.adobe.xmp\x00\x00\x00\x00\x00" + b"<x:xmpmeta/>") +
                chunk(b"tIME", struct.pack(">HBBBBB", 2025, 1, 2, 3, 4, 5)) +
                chunk(b"prVt", b"device serial 12345"))
    sig = b"\x89PNG\r\n\x1a\n"
    trailer = after_app0(cjpeg(8, 8, gradient(8, 8, 5)),
                         exif_with_gps("RuamkitPhone", "RK-5", LAT_2, LON_2))
    full = sig + ihdr + phys + metadata + gama + idat + iend
    return full + trailer, sig + ihdr + phys + gama + idat + iend


def main():
    data, stripped = multi_picture()
    write("multi_picture_gps.jpg", data)
    write("multi_picture_gps.stripped.jpg", stripped)
    data, stripped = progressive_with_restarts()
    write("progressive_restart_gps.jpg", data)
    write("progressive_restart_gps.stripped.jpg", stripped)
    data, stripped = png_with_metadata()
    write("exif_text_trailer.png", data)
    write("exif_text_trailer.stripped.png", stripped)


if __name__ == "__main__":
    main()

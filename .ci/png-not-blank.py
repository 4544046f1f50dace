#!/usr/bin/env python3
"""Checks that PNG screenshots are not blank: the page drew text and coloured charts.

Standard library only (zlib): decodes 8-bit RGB/RGBA non-interlaced PNGs, the kind Chromium
writes. Exit 1 naming the first file that looks blank or cannot be read.
Usage: png-not-blank.py FILE.png...
"""
import struct
import sys
import zlib


def pixels(path):
    with open(path, "rb") as f:
        data = f.read()
    if data[:8] != b"\x89PNG\r\n\x1a\n":
        raise ValueError("not a PNG")
    pos, idat, header = 8, [], None
    while pos < len(data):
        (length,) = struct.unpack(">I", data[pos : pos + 4])
        kind = data[pos + 4 : pos + 8]
        body = data[pos + 8 : pos + 8 + length]
        if kind == b"IHDR":
            header = struct.unpack(">IIBBBBB", body)
        elif kind == b"IDAT":
            idat.append(body)
        pos += 12 + length
    width, height, depth, color, _, _, interlace = header
    if depth != 8 or color not in (2, 6) or interlace:
        raise ValueError(f"unsupported PNG (depth {depth}, colour type {color})")
    bpp = 3 if color == 2 else 4
    raw = zlib.decompress(b"".join(idat))
    stride = width * bpp
    prev = bytearray(stride)
    rows = []
    for y in range(height):
        start = y * (stride + 1)
        kind, line = raw[start], bytearray(raw[start + 1 : start + 1 + stride])
        for i in range(stride):
            a = line[i - bpp] if i >= bpp else 0
            b = prev[i]
            c = prev[i - bpp] if i >= bpp else 0
            if kind == 1:
                line[i] = (line[i] + a) & 255
            elif kind == 2:
                line[i] = (line[i] + b) & 255
            elif kind == 3:
                line[i] = (line[i] + (a + b) // 2) & 255
            elif kind == 4:
                p = a + b - c
                pa, pb, pc = abs(p - a), abs(p - b), abs(p - c)
                pred = a if pa <= pb and pa <= pc else (b if pb <= pc else c)
                line[i] = (line[i] + pred) & 255
        rows.append(bytes(line))
        prev = line
    return width, height, bpp, rows


def check(path):
    width, height, bpp, rows = pixels(path)
    total = dark = coloured = 0
    # Every fourth pixel of every fourth row is plenty for a screenshot.
    for row in rows[::4]:
        for x in range(0, width * bpp, 4 * bpp):
            r, g, b = row[x], row[x + 1], row[x + 2]
            total += 1
            if r + g + b < 3 * 128:
                dark += 1
            if max(r, g, b) - min(r, g, b) > 80:
                coloured += 1
    text_fraction, colour_fraction = dark / total, coloured / total
    print(f"{path}: {width}x{height}, dark {text_fraction:.1%}, coloured {colour_fraction:.1%}")
    if text_fraction < 0.002:
        raise ValueError("no text drawn")
    if colour_fraction < 0.001:
        raise ValueError("no coloured chart drawn")


def main():
    for path in sys.argv[1:]:
        try:
            check(path)
        except (OSError, ValueError, zlib.error, struct.error, TypeError) as error:
            print(f"{path}: looks blank or unreadable: {error}", file=sys.stderr)
            return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())

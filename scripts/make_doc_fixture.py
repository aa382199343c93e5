#!/usr/bin/env python3
"""Writes a minimal Word 97 (.doc) file: an OLE2 compound file with a WordDocument stream (FIB and
UTF-16 text) and a 1Table stream (the piece table). Nothing on this machine writes .doc files, so
the fixture Tests/Fixtures/legacy.doc is made by this script and committed:

    scripts/make_doc_fixture.py Tests/Fixtures/legacy.doc 关于开展科技项目申报工作的通知 各区县科技局： 一、申报范围。经费548.74万元，共43人参加。 二、工作要求

catdoc reads it; antiword misreads it (it needs FIB fields this minimal file leaves empty), which
the reader notices and falls back to catdoc.

usage: make_doc_fixture.py OUT.doc "paragraph one" "paragraph two" ...
"""
import struct
import sys

SECTOR = 512
END, FREE, FATSECT = 0xFFFFFFFE, 0xFFFFFFFF, 0xFFFFFFFD


def word_document(text_units: int, text: bytes) -> bytes:
    fib = bytearray(0x800)
    struct.pack_into("<HHHHHH", fib, 0, 0xA5EC, 0x00C1, 0, 0x0804, 0, 0x1200)  # wIdent, nFib, lid, flags: 1Table, fExtChar
    struct.pack_into("<H", fib, 0x0C, 0x00BF)           # nFibBack
    struct.pack_into("<II", fib, 0x18, 0x800, 0x800 + len(text))  # fcMin, fcMac
    struct.pack_into("<H", fib, 0x20, 14)               # csw
    struct.pack_into("<H", fib, 0x3E, 22)               # cslw
    struct.pack_into("<I", fib, 0x40, 0x800 + len(text))  # cbMac
    struct.pack_into("<I", fib, 0x4C, text_units)       # ccpText
    struct.pack_into("<H", fib, 0x98, 93)               # cbRgFcLcb
    struct.pack_into("<II", fib, 0x1A2, 0, 16)          # fcClx, lcbClx (in 1Table)
    data = bytes(fib) + text
    return data + b"\0" * (max(4096, (len(data) + SECTOR - 1) // SECTOR * SECTOR) - len(data))


def table(text_units: int) -> bytes:
    clx = struct.pack("<BI", 2, 16) + struct.pack("<II", 0, text_units) + struct.pack("<HIH", 0, 0x800, 0)
    return clx + b"\0" * (4096 - len(clx))


def entry(name: str, kind: int, left: int, right: int, child: int, start: int, size: int) -> bytes:
    encoded = (name + "\0").encode("utf-16-le") if name else b""
    e = bytearray(128)
    e[0:len(encoded)] = encoded
    struct.pack_into("<HBB", e, 64, len(encoded), kind, 1)
    struct.pack_into("<III", e, 68, left, right, child)
    struct.pack_into("<II", e, 116, start, size)
    return bytes(e)


def compound(streams) -> bytes:
    # Sector 0: FAT; sector 1: directory; then each stream in turn.
    fat = [FATSECT, END]
    starts = []
    for data in streams:
        n = len(data) // SECTOR
        first = len(fat)
        starts.append(first)
        fat += [first + k + 1 for k in range(n - 1)] + [END]
    fat += [FREE] * (SECTOR // 4 - len(fat))
    header = bytearray(SECTOR)
    header[0:8] = bytes.fromhex("D0CF11E0A1B11AE1")
    struct.pack_into("<HHHHH", header, 24, 0x3E, 3, 0xFFFE, 9, 6)
    struct.pack_into("<IIIIIIII", header, 44, 1, 1, 0, 4096, END, 0, END, 0)
    struct.pack_into("<I", header, 76, 0)
    for k in range(1, 109):
        struct.pack_into("<I", header, 76 + 4 * k, FREE)
    (word, tbl) = streams
    directory = (entry("Root Entry", 5, FREE, FREE, 1, END, 0)
                 + entry("WordDocument", 2, 2, FREE, FREE, starts[0], len(word))
                 + entry("1Table", 2, FREE, FREE, FREE, starts[1], len(tbl))
                 + entry("", 0, FREE, FREE, FREE, 0, 0))
    return bytes(header) + struct.pack("<128I", *fat) + directory + word + tbl


def main():
    out, paragraphs = sys.argv[1], sys.argv[2:]
    text = "".join(p + "\r" for p in paragraphs)
    encoded = text.encode("utf-16-le")
    units = len(encoded) // 2
    with open(out, "wb") as f:
        f.write(compound([word_document(units, encoded), table(units)]))


if __name__ == "__main__":
    main()

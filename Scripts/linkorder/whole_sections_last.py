#!/usr/bin/env python3
"""Reads function names, one a line, from standard input and prints them again, those whose code
the linker can only move with a whole object's code after the others (see README.md).

    whole_sections_last.py OBJECT_OR_ARCHIVE... < functions > ordered

A function compiled without function sections (the standard library's Swift.o, most of
Foundation's objects) shares one `.text` section with every other function of its object, and
the linker places that section where the first of them is listed: listed among functions of
their own sections, a 1.6 MB block would sit between them. Functions found in a plain `.text`
of the objects given move to the end, in their order.
"""
import re
import subprocess
import sys

SYMBOL = re.compile(r"\s\.text\s+[0-9a-f]+\s+(?:\.hidden\s+|\.protected\s+)?(\S+)$")


def whole_section_functions(paths):
    listing = subprocess.run(["objdump", "-t", *paths], capture_output=True, text=True).stdout
    return {match.group(1) for line in listing.splitlines() if (match := SYMBOL.search(line))}


def main():
    names = [line.rstrip("\n") for line in sys.stdin if line.strip()]
    whole = whole_section_functions(sys.argv[1:])
    for name in [n for n in names if n not in whole] + [n for n in names if n in whole]:
        print(name)


if __name__ == "__main__":
    main()

#!/usr/bin/env python3
"""Prints the data symbols of an executable that memory traces touch, in the order they are first
touched, for the link order file (see README.md).

    data_symbols.py BINARY TRACE...

Each TRACE is the log of `valgrind --tool=lackey --trace-mem=yes` over BINARY (lines " L addr,size",
" S addr,size", " M addr,size"). A symbol counts if an access falls between its address and the
next symbol's, within one of the executable's data sections; the executable must not be
position-independent (the Makefile links it with -no-pie), so that trace addresses are its own.
"""
import bisect
import subprocess
import sys

DATA_SECTIONS = {".data", ".bss", ".data.rel.ro", ".rodata"}


def sections(binary):
    found = []
    for line in subprocess.run(["readelf", "-SW", binary], capture_output=True, text=True,
                               check=True).stdout.splitlines():
        fields = line.replace("[ ", "[").split()
        if len(fields) > 5 and fields[0].startswith("[") and fields[1] in DATA_SECTIONS:
            start, size = int(fields[3], 16), int(fields[5], 16)
            if start:
                found.append((start, start + size))
    return found


def symbols(binary, ranges):
    found = []
    for line in subprocess.run(["nm", "-n", "--defined-only", binary], capture_output=True,
                               text=True, check=True).stdout.splitlines():
        fields = line.split()
        if len(fields) == 3:
            address = int(fields[0], 16)
            if any(start <= address < end for start, end in ranges):
                found.append((address, fields[2]))
    return found


def main():
    binary, traces = sys.argv[1], sys.argv[2:]
    ranges = sections(binary)
    table = symbols(binary, ranges)
    addresses = [address for address, _ in table]
    low, high = min(start for start, _ in ranges), max(end for _, end in ranges)
    seen = set()
    for trace in traces:
        with open(trace, errors="replace") as lines:
            for line in lines:
                if line[:2] not in (" L", " S", " M"):
                    continue
                address = int(line[3:].split(",", 1)[0], 16)
                if not low <= address < high or not any(s <= address < e for s, e in ranges):
                    continue
                index = bisect.bisect_right(addresses, address) - 1
                if index >= 0 and table[index][1] not in seen:
                    seen.add(table[index][1])
                    print(table[index][1])


if __name__ == "__main__":
    main()

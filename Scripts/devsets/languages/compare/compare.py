#!/usr/bin/env python3
"""Compares the two language detectors Debian packages, CLD2 (libcld2-dev) and libexttextcat
(libexttextcat-dev), on the language development set: accuracy on whole articles, on their first
200 and 80 bytes of body, and on titles alone, and speed. How newsdex chose its detector.

    apt-get install libcld2-dev libexttextcat-dev
    python3 Scripts/devsets/languages/compare/compare.py [--devset /work/devsets/languages]

English rows come from the seed corpus (corpus/). Builds the two small detectors in a temporary
folder (g++/gcc), writes every variant of every article there, and prints one table per detector:
right / unreliable-but-right / undetermined / wrong, per language and text length.
"""
import argparse
import collections
import glob
import os
import subprocess
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.abspath(os.path.join(HERE, "..", "..", "..", ".."))


def variants(text):
    lines = [line for line in text.split("\n") if line.strip()]
    title = lines[0].strip()
    if title.startswith("date "):
        title = title.split(" ", 2)[2] if len(title.split(" ", 2)) > 2 else title
    body = "\n".join(lines[1:]) if len(lines) > 1 else title
    cut = lambda s, n: s.encode()[:n].decode("utf-8", "ignore")
    return {"full": text, "200B": cut(body, 200), "80B": cut(body, 80), "title": title}


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--devset", default="/work/devsets/languages")
    args = parser.parse_args()
    work = tempfile.mkdtemp(prefix="compare-detectors-")
    cld2, textcat = os.path.join(work, "cld2"), os.path.join(work, "textcat")
    subprocess.run(["g++", "-O2", "-o", cld2, os.path.join(HERE, "detect_cld2.cc"), "-lcld2"], check=True)
    flags = subprocess.run(["pkg-config", "--cflags", "--libs", "libexttextcat"], capture_output=True,
                           text=True, check=True).stdout.split()
    subprocess.run(["gcc", "-O2", "-o", textcat, os.path.join(HERE, "detect_textcat.c")] + flags, check=True)

    sources = [(f.split("/")[-2], f) for f in sorted(glob.glob(os.path.join(args.devset, "*", "*.txt")))]
    sources += [("en", f) for f in sorted(glob.glob(os.path.join(ROOT, "corpus", "*", "*.txt")))]
    cases = []
    for n, (language, path) in enumerate(sources):
        for kind, text in variants(open(path, encoding="utf-8").read()).items():
            out = os.path.join(work, f"{language}-{n}-{kind}.txt")
            open(out, "w", encoding="utf-8").write(text)
            cases.append((out, language, kind))

    def run(binary):
        start = time.process_time()
        proc = subprocess.run([binary, "0"] + [c[0] for c in cases], capture_output=True, text=True)
        return {line.split("\t")[0]: line.split("\t")[1:] for line in proc.stdout.strip().split("\n")}

    def cld2_code(result):
        code, reliable = result[0].split("-")[0], result[1] == "1"
        return "und" if code == "un" else code if reliable else "und?" + code

    def textcat_code(result):
        s = result[0]
        if not s.startswith("["):
            return "und"
        first = s[1:s.index("]")].split("-")[0]
        return first if s.count("[") == 1 else "und?" + first

    for name, binary, code in [("CLD2", cld2, cld2_code), ("libexttextcat", textcat, textcat_code)]:
        results = run(binary)
        table = collections.defaultdict(lambda: [0, 0, 0, 0])
        for path, language, kind in cases:
            got = code(results[path])
            slot = 0 if got == language else 1 if got == "und?" + language else 2 if got.startswith("und") else 3
            table[(language, kind)][slot] += 1
        print(f"{name}: right / unsure-but-right / undetermined / wrong")
        languages = sorted({c[1] for c in cases})
        for kind in ["full", "200B", "80B", "title"]:
            print(f"  {kind:5} " + " ".join(f"{l}:{'/'.join(map(str, table[(l, kind)]))}" for l in languages))
        # Speed: the whole articles, 20 times over, CPU time of the child.
        full = [c[0] for c in cases if c[2] == "full"] * 20
        before = os.times()
        subprocess.run([binary, "0"] + full, capture_output=True)
        after = os.times()
        cpu = (after.children_user - before.children_user) + (after.children_system - before.children_system)
        nbytes = sum(os.path.getsize(f) for f in full)
        print(f"  speed: {len(full)} texts, {nbytes / 1e6:.1f} MB in {cpu:.2f} s CPU "
              f"({nbytes / 1e6 / max(cpu, 1e-9):.1f} MB/s, {1e6 * cpu / len(full):.0f} µs a text, with start-up)")


if __name__ == "__main__":
    main()

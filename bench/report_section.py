"""A section of bench/RESULTS.md that a script of its own keeps (story clustering, saved pages):
written between its <!-- NAME:begin --> and <!-- NAME:end --> markers, which bench/run.py carries
over when it writes the rest of the report."""
import os


def write_section(path, name, table):
    """Puts `table` (which begins and ends with the section's markers) in place of the section
    `name` in the report at `path`, or at its end when it has none."""
    begin, end = f"<!-- {name}:begin -->", f"<!-- {name}:end -->"
    text = open(path).read() if os.path.exists(path) else "# Benchmark results\n"
    if begin in text and end in text:
        text = text.split(begin)[0] + table + text.split(end)[1]
    else:
        text = text.rstrip("\n") + "\n\n" + table + "\n"
    with open(path, "w") as f:
        f.write(text)

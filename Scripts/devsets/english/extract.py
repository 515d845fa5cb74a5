#!/usr/bin/env python3
"""Writes the development set's articles, one .txt file each, from the downloaded packages.

    extract.py DOWNLOADS OUT

OUT/abc/       300 ABC (Australia) stories of 2001-2002: gensim's lee_background.cor, one a line.
               The tuning part: rules and word lists were tuned looking at these.
OUT/abc-lee/   50 more Australian stories of the same years (gensim's lee.cor): held out.
OUT/other/     English articles of other outlets and countries (US, UK, South Korea, Nigeria),
               test data of newspaper4k and pytextrank: held out.
"""
import pathlib
import sys
import tarfile
import zipfile

# newspaper4k's tests/data/txt: the English articles (others are in other languages, a summary,
# or a copy: video_article_01 is cleveland.com1 with its headline).
NEWSPAPER_ENGLISH = [
    "article_with_br", "article_with_divs", "cleveland.com1", "cnn_001", "cnn_002", "cnn_article",
    "cnn_test_nlp", "fox13now_001", "time_001", "video_article_02", "wired_001", "yna_co_kr",
]
# pytextrank's dat/: news stories (the others are abstracts of papers and a blog post).
PYTEXTRANK_NEWS = ["ars", "cfc", "lee"]


def write(path, text):
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text.strip() + "\n", encoding="utf-8")


def main():
    downloads, out = pathlib.Path(sys.argv[1]), pathlib.Path(sys.argv[2])
    wheel = next(downloads.glob("gensim-*.whl"))
    with zipfile.ZipFile(wheel) as archive:
        for member, folder in [("lee_background.cor", "abc"), ("lee.cor", "abc-lee")]:
            raw = archive.read(f"gensim/test/test_data/{member}")
            for number, line in enumerate(raw.decode("latin-1").splitlines(), 1):
                if line.strip():
                    write(out / folder / f"{number:03}.txt", line)
    with tarfile.open(next(downloads.glob("newspaper4k-*.tar.gz"))) as archive:
        for name in NEWSPAPER_ENGLISH:
            member = archive.getmember(f"{archive.getnames()[0].split('/')[0]}/tests/data/txt/{name}.txt")
            write(out / "other" / f"newspaper4k-{name}.txt", archive.extractfile(member).read().decode("utf-8"))
    with tarfile.open(next(downloads.glob("pytextrank-*.tar.gz"))) as archive:
        for name in PYTEXTRANK_NEWS:
            member = archive.getmember(f"{archive.getnames()[0].split('/')[0]}/dat/{name}.txt")
            write(out / "other" / f"pytextrank-{name}.txt", archive.extractfile(member).read().decode("utf-8"))


if __name__ == "__main__":
    main()

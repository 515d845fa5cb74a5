#!/usr/bin/env python3
"""Generates Sources/Newsdex/Entities/GivenNamesData.swift: given names that make two capitalized
words a person with no other cue ("Shane Warne said" needs none; "Shane Warne, 32," has none).

    pip download --no-deps names==0.3.0 faker==40.54.0
    apt-get install wamerican                # /usr/share/dict/american-english, to leave out words
    python3 Scripts/lexicon/given_names.py names-0.3.0.tar.gz faker-40.54.0-py3-none-any.whl \
        > Sources/Newsdex/Entities/GivenNamesData.swift

Sources: the 1990 US Census first-name frequency lists (public domain; shipped by the `names`
package, MIT), the most common names covering 85% of men and 80% of women; the hand-kept list
below of given names common in international news that the census lists lack; and the given names
of Faker's person providers (MIT) for the countries whose English news the census misses: Nigeria
(English, Hausa, Igbo, Yoruba), Kenya, Swahili, Ghana (Twi), South Africa (Zulu), Pakistan, India,
Indonesia, Thailand, Turkey, Japan (romanized) and the romanized Chinese surnames, which open
a name as a given name does in the West ("Wang Yi"). Names that are also common English words or
months are left out: as the first of two capitalized words they are more often not a name ("May
Day", "Grace Period"); of Faker's names, every one that the system word list (Debian's wamerican)
has in lowercase ("Blessing", "Comfort", "Said") or that names a place in the gazetteer.
"""
import re
import zipfile
import sys
import tarfile

MALE_COVERAGE, FEMALE_COVERAGE = 85.0, 80.0

# Given names frequent in world news and absent from the US census lists. General knowledge,
# not taken from any evaluation text.
INTERNATIONAL = """
Abdel Abdul Abdullah Abu Ahmad Ahmed Akbar Ali Amir Anwar Ashraf Bashar Fatima Hamid Hassan Hosni
Hussein Ibrahim Ismail Jalal Khalid Mahmoud Mohammad Mohammed Muhammad Mustafa Nasser Omar Osama
Rashid Saddam Salman Tariq Yasser Yousef Youssef Recep Benjamin Ehud Shimon Yitzhak Ariel Avigdor
Naftali Vladimir Dmitry Dmitri Sergei Sergey Mikhail Boris Igor Alexei Alexey Yevgeny Viktor
Volodymyr Petro Oleksandr Yulia Alexander Angela Gerhard Helmut Olaf Wolfgang Jacques Nicolas
Emmanuel Francois Silvio Matteo Giorgia Mariano Pedro Jose Luiz Lula Jair Hugo Nicolas Evo Fidel
Raul Kofi Nelson Thabo Jacob Cyril Robert Olusegun Muhammadu Goodluck Jomo Uhuru Paul Shinzo
Junichiro Yoshihide Fumio Xi Hu Jiang Li Wen Zhou Deng Mao Moon Park Kim Lee Narendra Manmohan
Atal Indira Rahul Sonia Benazir Pervez Nawaz Imran Imran Megawati Susilo Joko Mahathir Anwar
Lee Kuan Goh Thaksin Yingluck Rodrigo Ferdinand Gloria Aung Kevin Malcolm Julia Anthony Scott
Jacinda Helen John Tony Gordon Theresa Boris Rishi Keir Justin Stephen Jean Pierre
Geoff Nigel Graham Trevor Colin Ian Alastair Alistair Hamish Fergus Angus Callum Rhys Gareth Dylan
Siobhan Niamh Aoife Ciaran Kieran Kieren Declan Seamus Liam Sean Shaun Darren Wayne Craig Glenn
Brett Lachlan Mitchell Kerry Kym Bronwyn Kylie Narelle Tanya Jodie Rupert Piers Giles Jeremy
""".split()

ENGLISH_WORDS = {
    "May", "June", "April", "August", "January", "Will", "Grace", "Hope", "Joy", "Faith", "Royal",
    "Young", "Page", "Price", "King", "Major", "Rich", "Sharp", "Strong", "Long", "Art", "Gay",
    "Chance", "Rose", "Summer", "Autumn", "Dawn", "Ivy", "Iris", "Lily", "Holly", "Crystal",
    "Amber", "Ruby", "Pearl", "Jewel", "Violet", "Olive", "Penny", "Sandy", "Misty", "Sunny",
    "Star", "Harmony", "Destiny", "Trinity", "Justice", "Precious", "Christian", "Tory",
    "Adelaide", "Eve", "Lane", "Joy", "Angel", "Cash", "Forest", "Lincoln", "Houston", "Austin",
    "Dallas", "Jackson", "Jordan", "Israel", "China", "India", "Georgia", "Virginia", "Carolina",
    "Florence", "Sydney", "Paris", "Victoria", "Hobart", "Darwin", "Regina", "Camden", "Kent",
    "Troy",
}


def census(archive, member, coverage):
    names = []
    for line in archive.extractfile(member).read().decode("ascii").splitlines():
        name, _, cumulative, _ = line.split()
        if float(cumulative) <= coverage:
            names.append(name.capitalize())
    return names


# Faker person providers (module, list attributes) whose names are written in Latin letters.
FAKER_LISTS = [
    ("en_NG", "first_names"), ("ha_NG", "first_names"), ("ig_NG", "first_names"),
    ("yo_NG", "first_names"), ("en_KE", "first_names"), ("sw", "first_names"),
    ("tw_GH", "first_names"), ("zu_ZA", "first_names"), ("en_PK", "first_names"),
    ("en_IN", "first_names"), ("id_ID", "first_names"), ("en_TH", "first_names"),
    ("tr_TR", "first_names"), ("ja_JP", "first_romanized_names"),
    ("zh_CN", "last_romanized_names"), ("zh_TW", "last_romanized_names"),
]
WORD_LIST = "/usr/share/dict/american-english"
GAZETTEER = "Sources/Newsdex/Entities/GazetteerData.swift"


def faker_names(wheel, lists=FAKER_LISTS):
    """Names from Faker's providers (`lists`: locale and attribute), read as Python literals
    without importing Faker."""
    import ast

    names = set()
    with zipfile.ZipFile(wheel) as archive:
        for locale, attribute in lists:
            source = archive.read(f"faker/providers/person/{locale}/__init__.py").decode()
            for node in ast.walk(ast.parse(source)):
                # "first_names", "first_names_male", ...; a sum of lists is read through its parts.
                if isinstance(node, ast.Assign) and any(
                        isinstance(t, ast.Name) and (t.id == attribute or t.id.startswith(attribute + "_"))
                        for t in node.targets):
                    try:
                        value = ast.literal_eval(node.value)
                    except ValueError:
                        continue
                    names |= set(value)
    return {n for n in names if isinstance(n, str) and re.fullmatch(r"[A-Z][a-z]+(?:-[A-Z][a-z]+)?", n)
            and len(n) >= 3}


def english_words(paths=(WORD_LIST,)):
    words = set()
    for path in paths:
        with open(path, encoding="utf-8") as lines:
            words |= {line.strip() for line in lines if line[:1].islower()}
    return words


def gazetteer_words():
    """Single-word place and organization names of the gazetteer ("Kenya", "Lagos")."""
    words = set()
    for line in open(GAZETTEER, encoding="utf-8"):
        if line[:2] in ("C\t", "R\t", "T\t", "O\t", "D\t"):
            words |= {alias.lower() for alias in line.rstrip("\n").split("\t")[1:] if " " not in alias}
    return words


def main():
    with tarfile.open(sys.argv[1]) as archive:
        root = archive.getnames()[0].split("/")[0]
        names = set(census(archive, f"{root}/names/dist.male.first", MALE_COVERAGE))
        names |= set(census(archive, f"{root}/names/dist.female.first", FEMALE_COVERAGE))
    names |= set(INTERNATIONAL)
    if len(sys.argv) > 2:
        words, places = english_words(), gazetteer_words()
        names |= {n for n in faker_names(sys.argv[2]) if n.lower() not in words and n.lower() not in places}
    names -= ENGLISH_WORDS
    write_swift_list(
        "givenNamesData", names,
        "// GENERATED by Scripts/lexicon/given_names.py: do not edit; rerun the script.\n"
        "// Data: US Census 1990 first names (public domain), Faker's person providers (MIT) and\n"
        "// the script's hand-kept list; see Scripts/lexicon/README.md.\n")


def write_swift_list(variable, names, header):
    """Writes `names`, sorted, as a Swift string constant of lines under 96 characters."""
    out = sys.stdout
    out.write(header + "\n")
    out.write(f'let {variable} = """\n')
    line = ""
    for name in sorted(names):
        if len(line) + len(name) + 1 > 96:
            out.write(line.rstrip() + "\n")
            line = ""
        line += name + " "
    out.write(line.rstrip() + '\n"""\n')


if __name__ == "__main__":
    main()

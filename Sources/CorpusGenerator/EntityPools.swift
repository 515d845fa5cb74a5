// The fixed pools the generator draws names from: people, places, organizations, photo credits,
// outlets and journalists. Fixed (not seeded) so ground truth names mean the same in every corpus.

/// A person the generator can mention: the full name on first mention, the short one after
/// ("Vladimir Putin", then "Putin").
public struct PersonName: Sendable, Hashable {
    public let full: String
    public let short: String
}

/// The kinds of entity the generator plants in the text.
public enum PlantedEntityKind: String, Sendable, Hashable, Codable {
    case person
    case place
    case organization
}

public enum EntityPools {
    /// The 15 outlets; each is a folder of the corpus.
    public static let sources = [
        "LBC", "AFP", "Reuters", "BBC", "Guardian", "Independent", "Telegraph", "Sky", "CNN",
        "APNews", "Politico", "Euronews", "DW", "AlJazeera", "Times",
    ]

    public static let credits = [
        "AFP", "Reuters", "AP", "Getty Images", "Alamy", "EPA", "PA", "Shutterstock", "Bloomberg",
        "Anadolu Agency", "Sipa USA", "Xinhua", "Handout", "Social media",
    ]

    /// Public figures whose short form is not simply the last word.
    private static let publicFigures: [PersonName] = ([
        ("Vladimir Putin", "Putin"), ("Volodymyr Zelensky", "Zelensky"), ("Joe Biden", "Biden"),
        ("Donald Trump", "Trump"), ("Kamala Harris", "Harris"), ("Emmanuel Macron", "Macron"),
        ("Olaf Scholz", "Scholz"), ("Keir Starmer", "Starmer"), ("Rishi Sunak", "Sunak"),
        ("Xi Jinping", "Xi"), ("Narendra Modi", "Modi"), ("Recep Tayyip Erdogan", "Erdogan"),
        ("Benjamin Netanyahu", "Netanyahu"), ("Giorgia Meloni", "Meloni"), ("Pedro Sanchez", "Sanchez"),
        ("Justin Trudeau", "Trudeau"), ("Anthony Albanese", "Albanese"), ("Fumio Kishida", "Kishida"),
        ("Yoon Suk Yeol", "Yoon"), ("Kim Jong Un", "Kim"), ("Dmitry Peskov", "Peskov"),
        ("Sergei Lavrov", "Lavrov"), ("Antony Blinken", "Blinken"), ("Jens Stoltenberg", "Stoltenberg"),
        ("Mark Rutte", "Rutte"), ("Ursula von der Leyen", "von der Leyen"), ("Antonio Guterres", "Guterres"),
        ("Christine Lagarde", "Lagarde"), ("Jerome Powell", "Powell"), ("Elon Musk", "Musk"),
        ("Rachel Reeves", "Reeves"), ("Kemi Badenoch", "Badenoch"), ("Nigel Farage", "Farage"),
        ("Ed Davey", "Davey"), ("Sadiq Khan", "Khan"), ("Luiz Inacio Lula da Silva", "Lula"),
        ("Javier Milei", "Milei"), ("Cyril Ramaphosa", "Ramaphosa"), ("Abiy Ahmed", "Abiy"),
    ] as [(String, String)]).map { PersonName(full: $0.0, short: $0.1) }

    private static let firstNames = """
        James Mary Robert Patricia John Jennifer Michael Linda David Elizabeth William Barbara Richard \
        Susan Joseph Jessica Sarah Charles Karen Daniel Lisa Matthew Nancy Betty Sandra Paul Ashley \
        Steven Emily Andrew Donna Kenneth Michelle Joshua Carol Kevin Amanda Brian Melissa Deborah \
        Timothy Stephanie Ronald Rebecca Jason Laura Edward Helen Jeffrey Sharon Cynthia Jacob \
        Kathleen Amy Nicholas Anna Eric Shirley Jonathan Angela Ruth Larry Brenda Pamela Nicole \
        Brandon Katherine Samantha Samuel Christine Emma Catherine Debra Raymond Carolyn Janet Maria \
        Olivia Heather Aaron Diane Nathan Joyce Victoria Christina Lauren Kyle Joan Noah Evelyn Ethan \
        Judith Jeremy Megan Andrea Hannah Martha Gloria Teresa Sophie Amir Fatima Yusuf Aisha Hiroshi \
        Yuki Olga Igor Sergei Anastasia Pierre Camille Hans Ingrid Lars Sofia Mateo Lucia Priya Rahul \
        Chen Mei Oluwaseun Amara Kwame Leila Omar
        """.split(separator: " ").map(String.init)

    private static let surnames = """
        Smith Johnson Williams Brown Jones Miller Davis Wilson Anderson Taylor Moore Martin Jackson \
        Thompson Clark Lewis Robinson Walker Allen Wright Scott Hill Adams Baker Nelson Carter \
        Mitchell Roberts Turner Phillips Campbell Parker Evans Edwards Collins Stewart Morris Rogers \
        Reed Cook Morgan Bell Murphy Bailey Cooper Richardson Cox Howard Ward Peterson Watson Brooks \
        Sanders Bennett Barnes Ross Henderson Coleman Jenkins Perry Patterson Hughes Flores Butler \
        Simmons Foster Gonzales Bryant Griffin Hayes Myers Hamilton Graham Sullivan Wallace Woods \
        Owens Fisher Ellis Harrison Gibson Mcdonald Cruz Marshall Gomez Murray Freeman Wells Webb \
        Simpson Stevens Tucker Porter Hunter Hicks Crawford Boyd Mason Kennedy Warren Dixon Burns \
        Gordon Shaw Holmes Robertson Daniels Palmer Mills Nichols Knight Ferguson Hawkins Dunn \
        Perkins Hudson Spencer Gardner Stephens Payne Pierce Berry Matthews Arnold Wagner Willis \
        Watkins Olson Carroll Duncan Snyder Cunningham Bradley Andrews Ruiz Harper Riley Armstrong \
        Carpenter Weaver Greene Elliott Chavez Sims Peters Kelley Franklin Lawson Schmidt Carr \
        Vasquez Castillo Wheeler Chapman Montgomery Richards Williamson Johnston Bishop Mccoy Howell \
        Morrison Hansen Fernandez Garza Harvey Burton Stanley Nguyen Jacobs Reid Fuller Lynch \
        Gilbert Romero Welch Larson Frazier Burke Hanson Mendoza Moreno Bowman Medina Fowler Brewer \
        Hoffman Carlson Pearson Holland Fleming Jensen Vargas Byrd Davidson Hopkins Herrera Wade \
        Soto Walters Curtis Neal Caldwell Lowe Jennings Barnett Graves Jimenez Horton Shelton \
        Barrett Obrien Castro Sutton Gregory Mckinney Lucas Craig Chambers Holt Lambert Fletcher \
        Watts Bates Hale Rhodes Pena Beck Newman Haynes Mcdaniel Mendez Vaughn Parks Dawson Norris \
        Hardy Steele Curry Schultz Barker Guzman Munoz Keller Chandler Weber Leonard Walsh Lyons \
        Ramsey Wolfe Schneider Mullins Benson Bowen Barber Cummings Hines Baldwin Griffith Valdez \
        Hubbard Salazar Warner Stevenson Burgess Santos Tate Garner Thornton Mcgee Farmer Delgado \
        Aguilar Vega Glover Manning Cohen Harmon Rodgers Robbins Newton Blair Higgins Ingram Reese \
        Cannon Strickland Townsend Potter Goodwin Walton Rowe Hampton Ortega Patton Swanson Goodman \
        Maldonado Yates Becker Erickson Hodges Rios Conner Adkins Webster Malone Hammond Cobb Moody \
        Quinn Maxwell Osborne Mccarthy Guerrero Lindsey Estrada Sandoval Gibbs Fitzgerald Stokes \
        Doyle Sherman Saunders Alvarado Greer Padilla Ballard Schwartz Mcbride Christensen Klein \
        Pratt Briggs Parsons Mclaughlin Zimmerman Buchanan Moran Copeland Pittman Brady Mccormick \
        Holloway Brock Poole Ivanova Petrov Kovalenko Tanaka Suzuki Yamamoto Kowalski Novak \
        Horvath Dubois Lefevre Moreau Rossi Bianchi Ferrari Okafor Mensah Haddad Nasser Rahman \
        Sharma Gupta Iyer Wang Zhang Liu Park Choi Nakamura Lindqvist Johansson Virtanen Costa \
        Oliveira Pereira Silva
        """.split(separator: " ").map(String.init)

    /// About 300 people with distinct short names, so a short mention names exactly one person.
    public static let persons: [PersonName] = {
        var result = publicFigures
        var shorts = Set(result.map(\.short))
        let vocabulary = Set(Vocabulary.coreWords)
        var index = 0
        for surname in surnames where !shorts.contains(surname) && !vocabulary.contains(surname.lowercased()) {
            // A stride coprime with the list length varies the pairings.
            let first = firstNames[(index * 7) % firstNames.count]
            result.append(PersonName(full: "\(first) \(surname)", short: surname))
            shorts.insert(surname)
            index += 1
        }
        return result
    }()

    public static let places: [String] = """
        Afghanistan|Albania|Algeria|Argentina|Armenia|Australia|Austria|Azerbaijan|Bangladesh|Belarus|\
        Belgium|Bolivia|Brazil|Bulgaria|Cambodia|Cameroon|Canada|Chile|China|Colombia|Croatia|Cuba|\
        Cyprus|Denmark|Ecuador|Egypt|Estonia|Ethiopia|Finland|France|Germany|Ghana|Greece|Hungary|\
        Iceland|India|Indonesia|Iran|Iraq|Ireland|Israel|Italy|Japan|Kazakhstan|Kenya|Kosovo|Latvia|\
        Lebanon|Libya|Lithuania|Malaysia|Mali|Mexico|Moldova|Mongolia|Morocco|Myanmar|Nepal|\
        Netherlands|Nigeria|Norway|Pakistan|Panama|Peru|Philippines|Poland|Portugal|Qatar|Romania|\
        Russia|Rwanda|Senegal|Serbia|Singapore|Slovakia|Slovenia|Somalia|Spain|Sudan|Sweden|\
        Switzerland|Syria|Taiwan|Tanzania|Thailand|Tunisia|Turkey|Uganda|Ukraine|Uruguay|Venezuela|\
        Vietnam|Yemen|Zambia|Zimbabwe|South Africa|South Korea|North Korea|Saudi Arabia|New Zealand|\
        United States|United Kingdom|Sri Lanka|Costa Rica|London|Paris|Berlin|Moscow|Kyiv|Washington|\
        Beijing|Tokyo|Seoul|Pyongyang|Delhi|Mumbai|Cairo|Lagos|Nairobi|Sydney|Melbourne|Toronto|Ottawa|\
        Brussels|Geneva|Vienna|Warsaw|Prague|Budapest|Rome|Milan|Madrid|Barcelona|Lisbon|Dublin|\
        Edinburgh|Manchester|Birmingham|Glasgow|Istanbul|Ankara|Tehran|Baghdad|Damascus|Beirut|\
        Jerusalem|Gaza|Riyadh|Dubai|Doha|Karachi|Islamabad|Dhaka|Bangkok|Jakarta|Manila|Hanoi|Shanghai|\
        Vladivostok|Odesa|Kharkiv|Donetsk|Minsk|Tbilisi|Yerevan|Baku|Athens|Stockholm|Oslo|Helsinki|\
        Copenhagen|Amsterdam|Rotterdam|Zurich|Munich|Hamburg|Frankfurt|Lyon|Marseille|Chicago|Houston|\
        Miami|Boston|Seattle|New York|Los Angeles|San Francisco|Mexico City|Buenos Aires|Rio de Janeiro|\
        Sao Paulo|Hong Kong|Tel Aviv|Cape Town|Johannesburg|Lima|Bogota|Caracas|Havana|Montreal|Vancouver
        """.split(separator: "|").map(String.init)

    public static let organizations: [String] = """
        United Nations|NATO|European Union|World Health Organization|International Monetary Fund|\
        World Bank|Red Cross|Amnesty International|Human Rights Watch|Bank of England|Federal Reserve|\
        European Central Bank|Kremlin|Labour Party|Conservative Party|Liberal Democrats|Reform UK|\
        Democratic Party|Republican Party|Supreme Court|High Court|Metropolitan Police|NHS|\
        Ministry of Defence|Foreign Office|Home Office|Google|Apple|Microsoft|Amazon|Meta|Tesla|\
        OpenAI|Nvidia|Samsung|Toyota|Volkswagen|Shell|Boeing|Airbus|Pfizer|Moderna|FIFA|UEFA|\
        International Olympic Committee|Premier League|Hamas|Hezbollah|Wagner Group|OPEC|African Union|\
        Interpol|Europol|National Intelligence Service|International Criminal Court|\
        World Trade Organization|Greenpeace|Oxfam|Save the Children|UNICEF|Met Office|Ofcom
        """.split(separator: "|").map(String.init)

    /// Bylines: a separate pool from `persons`, so an author is never also a planted entity.
    public static let journalists: [String] = {
        let first = ["Alex", "Sam", "Jo", "Chris", "Morgan", "Jamie", "Robin", "Taylor", "Casey", "Drew",
                     "Kit", "Lee", "Pat", "Jess", "Max", "Nina", "Tom", "Zoe", "Ben", "Ella"]
        let last = ["Ashdown", "Brennan", "Calloway", "Dunmore", "Everley", "Fairbanks", "Gillard",
                    "Hartwell", "Ingleby", "Jarrow", "Kettering", "Langford", "Marlowe", "Northcott"]
        var names: [String] = []
        for (i, surname) in last.enumerated() {
            for j in 0..<5 { names.append("\(first[(i * 3 + j * 5) % first.count]) \(surname)") }
        }
        return names
    }()
}

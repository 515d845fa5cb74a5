// Reference searcher, the Xapian calls newsdex makes.
// One-shot:   search DB QUERY [--filter TERM]... [--facets]   prints the match estimate and top-10 ids
// In-process: search --bench K DB QUERYFILE   runs each query K times in one process and prints one
//             JSON line per query: p50/p95 in ms and the exact match count.
// QUERYFILE lines: QUERY<TAB>FILTER_TERMS (space-separated, may be empty)<TAB>yes|no (facets).
// Built with -DREFERENCE_MAIN=name, `main` is that C function instead, for bench/swift-floor.
#include <xapian.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstring>
#include <fstream>
#include <iostream>
#include <map>
#include <sstream>
#include <string>
#include <vector>

static Xapian::Query build_query(Xapian::Database &db, const std::string &text,
                                 const std::vector<std::string> &filters) {
    Xapian::QueryParser qp;
    qp.set_database(db);
    qp.set_stemmer(Xapian::Stem("english"));
    qp.set_stemming_strategy(Xapian::QueryParser::STEM_SOME);
    // AND, as newsdex and the other peers do, so result counts compare.
    qp.set_default_op(Xapian::Query::OP_AND);
    unsigned flags = Xapian::QueryParser::FLAG_DEFAULT | Xapian::QueryParser::FLAG_PHRASE |
                     Xapian::QueryParser::FLAG_BOOLEAN | Xapian::QueryParser::FLAG_LOVEHATE;
    Xapian::Query query = qp.parse_query(text, flags);
    for (auto &term : filters) query = Xapian::Query(Xapian::Query::OP_FILTER, query, Xapian::Query(term));
    return query;
}

struct Result {
    Xapian::doccount estimate;
    std::vector<std::string> ids;
    std::map<std::string, Xapian::doccount> facets;
};

static Result run(Xapian::Database &db, const Xapian::Query &query, bool facets, bool exact) {
    Xapian::Enquire enquire(db);
    enquire.set_query(query);
    Result result;
    Xapian::ValueCountMatchSpy spy(0);
    // Facet counts (and exact totals) need every match seen, as newsdex's --facets does.
    Xapian::doccount check = (facets || exact) ? db.get_doccount() : 0;
    if (facets) enquire.add_matchspy(&spy);
    Xapian::MSet mset = enquire.get_mset(0, 10, check);
    result.estimate = mset.get_matches_estimated();
    for (auto it = mset.begin(); it != mset.end(); ++it) result.ids.push_back(it.get_document().get_data());
    if (facets)
        for (auto it = spy.values_begin(); it != spy.values_end(); ++it) result.facets[*it] = it.get_termfreq();
    return result;
}

static double percentile(std::vector<double> v, double p) {
    std::sort(v.begin(), v.end());
    size_t i = (size_t)(p * (v.size() - 1) + 0.5);
    return v[i];
}

#ifdef REFERENCE_MAIN
extern "C" int REFERENCE_MAIN(int argc, char **argv);
#define main REFERENCE_MAIN
#endif

int main(int argc, char **argv) {
    try {
        if (argc >= 5 && std::strcmp(argv[1], "--bench") == 0) {
            int k = std::atoi(argv[2]);
            Xapian::Database db(argv[3]);
            std::ifstream in(argv[4]);
            std::string line;
            int n = 0;
            while (std::getline(in, line)) {
                std::vector<std::string> cols;
                std::stringstream ss(line);
                std::string col;
                while (std::getline(ss, col, '\t')) cols.push_back(col);
                while (cols.size() < 3) cols.push_back("");
                std::vector<std::string> filters;
                std::stringstream fs(cols[1]);
                std::string term;
                while (fs >> term) filters.push_back(term);
                bool facets = cols[2] == "yes";
                std::vector<double> times;
                for (int i = 0; i < k; ++i) {
                    auto t0 = std::chrono::steady_clock::now();
                    Xapian::Query q = build_query(db, cols[0], filters);
                    Result r = run(db, q, facets, false);
                    times.push_back(std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t0).count());
                }
                Result exact = run(db, build_query(db, cols[0], filters), facets, true);
                std::printf("{\"i\": %d, \"p50_ms\": %.4f, \"p95_ms\": %.4f, \"count\": %u}\n", n++,
                            percentile(times, 0.5), percentile(times, 0.95), exact.estimate);
            }
            return 0;
        }
        if (argc < 3) {
            std::cerr << "usage: search DB QUERY [--filter TERM]... [--facets] | search --bench K DB QUERYFILE\n";
            return 2;
        }
        Xapian::Database db(argv[1]);
        std::vector<std::string> filters;
        bool facets = false;
        for (int i = 3; i < argc; ++i) {
            if (std::strcmp(argv[i], "--filter") == 0 && i + 1 < argc) filters.push_back(argv[++i]);
            else if (std::strcmp(argv[i], "--facets") == 0) facets = true;
        }
        Result r = run(db, build_query(db, argv[2], filters), facets, false);
        std::printf("estimate %u\n", r.estimate);
        for (auto &id : r.ids) std::printf("%s\n", id.c_str());
        for (auto &f : r.facets) std::printf("facet %s %u\n", f.first.c_str(), f.second);
        return 0;
    } catch (const Xapian::Error &e) {
        std::cerr << "search: " << e.get_description() << "\n";
    } catch (const std::exception &e) {
        std::cerr << "search: " << e.what() << "\n";
    }
    return 1;
}

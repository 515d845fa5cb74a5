// Reference indexer: the Xapian calls newsdex makes, with no parsing, to bound what newsdex's own
// work costs. Title = first non-empty line, body = the rest; one document per file.
// Usage: index CORPUS_DIR DB_DIR     (prints one JSON line: docs, bytes, seconds)
#include <xapian.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <sstream>
#include <string>
#include <vector>

namespace fs = std::filesystem;

int main(int argc, char **argv) {
    if (argc != 3) {
        std::cerr << "usage: index CORPUS_DIR DB_DIR\n";
        return 2;
    }
    try {
        auto start = std::chrono::steady_clock::now();
        fs::path root(argv[1]);
        std::vector<fs::path> files;
        for (auto &entry : fs::recursive_directory_iterator(root))
            if (entry.is_regular_file() && entry.path().extension() == ".txt") files.push_back(entry.path());
        std::sort(files.begin(), files.end());

        Xapian::WritableDatabase db(argv[2], Xapian::DB_CREATE_OR_OVERWRITE);
        Xapian::TermGenerator tg;
        tg.set_stemmer(Xapian::Stem("english"));
        tg.set_stemming_strategy(Xapian::TermGenerator::STEM_SOME);
        long long bytes = 0;
        for (auto &file : files) {
            std::ifstream in(file, std::ios::binary);
            std::stringstream buffer;
            buffer << in.rdbuf();
            std::string text = buffer.str();
            bytes += (long long)text.size();
            // Title: the first non-empty line; body: everything after it.
            size_t pos = 0, title_start = 0, title_end = 0;
            while (pos < text.size()) {
                size_t nl = text.find('\n', pos);
                if (nl == std::string::npos) nl = text.size();
                if (text.find_first_not_of(" \t\r", pos) < nl) {
                    title_start = pos;
                    title_end = nl;
                    break;
                }
                pos = nl + 1;
            }
            std::string title = text.substr(title_start, title_end - title_start);
            std::string body = title_end < text.size() ? text.substr(title_end + 1) : std::string();
            std::string rel = fs::relative(file, root).generic_string();
            std::string source = rel.substr(0, rel.find('/'));
            std::string lower = source;
            std::transform(lower.begin(), lower.end(), lower.begin(), ::tolower);

            Xapian::Document doc;
            tg.set_document(doc);
            tg.index_text(title, 1, "S");
            tg.index_text(title);
            tg.increase_termpos();
            tg.index_text(body);
            doc.add_boolean_term("XS" + lower);
            doc.add_value(0, source);
            doc.set_data(rel);
            std::string idterm = "Q" + rel;
            doc.add_boolean_term(idterm);
            db.replace_document(idterm, doc);
        }
        db.commit();
        double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
        std::printf("{\"docs\": %zu, \"bytes\": %lld, \"seconds\": %.3f}\n", files.size(), bytes, seconds);
        return 0;
    } catch (const Xapian::Error &e) {
        std::cerr << "index: " << e.get_description() << "\n";
    } catch (const std::exception &e) {
        std::cerr << "index: " << e.what() << "\n";
    }
    return 1;
}

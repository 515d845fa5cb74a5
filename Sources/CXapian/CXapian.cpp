// The implementation of CXapian.h: the only file in newsdex that includes <xapian.h>.
// Every entry point is noexcept and funnels exceptions through translate(), so no C++
// exception ever reaches the caller.
#include "CXapian.h"

#include <xapian.h>

#include <algorithm>
#include <array>
#include <cstdlib>
#include <cstring>
#include <sstream>
#include <exception>
#include <memory>
#include <new>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

struct cx_error {
    cx_status status;
    std::string message;
    std::string context;
    int sys_errno;
};

extern "C" cx_status cx_error_status(const cx_error *err) noexcept { return err ? err->status : CX_OK; }

extern "C" const char *cx_error_message(const cx_error *err) noexcept { return err ? err->message.c_str() : ""; }

extern "C" const char *cx_error_context(const cx_error *err) noexcept { return err ? err->context.c_str() : ""; }

extern "C" int cx_error_errno(const cx_error *err) noexcept { return err ? err->sys_errno : 0; }

extern "C" void cx_error_free(cx_error *err) noexcept { delete err; }

extern "C" const char *cx_version_string(void) noexcept { return Xapian::version_string(); }

// The header's constants must be Xapian's.
static_assert(CX_COMPACT_MULTIPASS == Xapian::DBCOMPACT_MULTIPASS, "compact flag");
static_assert(CX_COMPACT_SINGLE_FILE == Xapian::DBCOMPACT_SINGLE_FILE, "compact flag");
static_assert(CX_OPEN_CREATE_OR_OPEN == Xapian::DB_CREATE_OR_OPEN, "open mode");
static_assert(CX_OPEN_CREATE_OR_OVERWRITE == Xapian::DB_CREATE_OR_OVERWRITE, "open mode");
static_assert(CX_OPEN_CREATE == Xapian::DB_CREATE, "open mode");
static_assert(CX_OPEN_OPEN == Xapian::DB_OPEN, "open mode");
static_assert(CX_TG_FLAG_SPELLING == Xapian::TermGenerator::FLAG_SPELLING, "tg flag");
static_assert(CX_TG_FLAG_CJK_NGRAM == Xapian::TermGenerator::FLAG_CJK_NGRAM, "tg flag");
static_assert(CX_QP_FLAG_BOOLEAN == Xapian::QueryParser::FLAG_BOOLEAN, "qp flag");
static_assert(CX_QP_FLAG_PHRASE == Xapian::QueryParser::FLAG_PHRASE, "qp flag");
static_assert(CX_QP_FLAG_LOVEHATE == Xapian::QueryParser::FLAG_LOVEHATE, "qp flag");
static_assert(CX_QP_FLAG_BOOLEAN_ANY_CASE == Xapian::QueryParser::FLAG_BOOLEAN_ANY_CASE, "qp flag");
static_assert(CX_QP_FLAG_WILDCARD == Xapian::QueryParser::FLAG_WILDCARD, "qp flag");
static_assert(CX_WILDCARD_LIMIT_ERROR == Xapian::Query::WILDCARD_LIMIT_ERROR, "wildcard limit");
static_assert(CX_WILDCARD_LIMIT_FIRST == Xapian::Query::WILDCARD_LIMIT_FIRST, "wildcard limit");
static_assert(CX_WILDCARD_LIMIT_MOST_FREQUENT == Xapian::Query::WILDCARD_LIMIT_MOST_FREQUENT, "wildcard limit");
static_assert(CX_QP_FLAG_PURE_NOT == Xapian::QueryParser::FLAG_PURE_NOT, "qp flag");
static_assert(CX_QP_FLAG_PARTIAL == Xapian::QueryParser::FLAG_PARTIAL, "qp flag");
static_assert(CX_QP_FLAG_SPELLING_CORRECTION == Xapian::QueryParser::FLAG_SPELLING_CORRECTION, "qp flag");
static_assert(CX_QP_FLAG_SYNONYM == Xapian::QueryParser::FLAG_SYNONYM, "qp flag");
static_assert(CX_QP_FLAG_AUTO_SYNONYMS == Xapian::QueryParser::FLAG_AUTO_SYNONYMS, "qp flag");
static_assert(CX_QP_FLAG_AUTO_MULTIWORD_SYNONYMS == Xapian::QueryParser::FLAG_AUTO_MULTIWORD_SYNONYMS, "qp flag");
static_assert(CX_QP_FLAG_CJK_NGRAM == Xapian::QueryParser::FLAG_CJK_NGRAM, "qp flag");
static_assert(CX_SNIPPET_BACKGROUND_MODEL == Xapian::MSet::SNIPPET_BACKGROUND_MODEL, "snippet flag");
static_assert(CX_SNIPPET_EXHAUSTIVE == Xapian::MSet::SNIPPET_EXHAUSTIVE, "snippet flag");
static_assert(CX_SNIPPET_EMPTY_WITHOUT_MATCH == Xapian::MSet::SNIPPET_EMPTY_WITHOUT_MATCH, "snippet flag");
static_assert(CX_SNIPPET_CJK_NGRAM == Xapian::MSet::SNIPPET_CJK_NGRAM, "snippet flag");
static_assert(CX_BAD_VALUENO == Xapian::BAD_VALUENO, "bad valueno");

namespace {

cx_status report(cx_error **err, cx_status status, std::string message, std::string context = std::string(),
                 int sys_errno = 0) {
    if (err) {
        // If even the error cannot be allocated, the status alone must do.
        *err = new (std::nothrow) cx_error{status, std::string(), std::string(), sys_errno};
        if (*err) {
            try {
                (*err)->message = std::move(message);
                (*err)->context = std::move(context);
            } catch (...) {}
        }
    }
    return status;
}

// The errno behind a Xapian error. Xapian keeps it private and gives only its strerror text
// (get_error_string), so the text is matched against strerror's for each errno; 0 when none.
int system_errno(const Xapian::Error &e) {
    const char *text = e.get_error_string();
    if (!text) return 0;
    for (int code = 1; code < 256; ++code) {
        if (std::strcmp(std::strerror(code), text) == 0) return code;
    }
    return 0;
}

cx_status report(cx_error **err, cx_status status, const Xapian::Error &e) {
    return report(err, status, e.get_description(), e.get_context(), system_errno(e));
}

// The one translator: called only inside a catch block, it rethrows the exception in flight
// and classifies it by C++ type, most specific first.
cx_status translate(cx_error **err) noexcept {
    try {
        throw;
    } catch (const Xapian::DatabaseLockError &e) {
        return report(err, CX_DATABASE_LOCKED, e);
    } catch (const Xapian::DatabaseModifiedError &e) {
        return report(err, CX_DATABASE_MODIFIED, e);
    } catch (const Xapian::DatabaseNotFoundError &e) {
        return report(err, CX_DATABASE_NOT_FOUND, e);
    } catch (const Xapian::DatabaseCorruptError &e) {
        return report(err, CX_DATABASE_CORRUPT, e);
    } catch (const Xapian::DatabaseVersionError &e) {
        return report(err, CX_DATABASE_VERSION, e);
    } catch (const Xapian::DatabaseOpeningError &e) {
        return report(err, CX_DATABASE_OPENING, e);
    } catch (const Xapian::DatabaseError &e) {
        return report(err, CX_DATABASE, e);
    } catch (const Xapian::QueryParserError &e) {
        return report(err, CX_QUERY_PARSER, e);
    } catch (const Xapian::InvalidArgumentError &e) {
        return report(err, CX_INVALID_ARGUMENT, e);
    } catch (const Xapian::InvalidOperationError &e) {
        return report(err, CX_INVALID_OPERATION, e);
    } catch (const Xapian::UnimplementedError &e) {
        return report(err, CX_UNIMPLEMENTED, e);
    } catch (const Xapian::DocNotFoundError &e) {
        return report(err, CX_DOC_NOT_FOUND, e);
    } catch (const Xapian::RangeError &e) {
        return report(err, CX_RANGE, e);
    } catch (const Xapian::NetworkTimeoutError &e) {
        return report(err, CX_NETWORK_TIMEOUT, e);
    } catch (const Xapian::NetworkError &e) {
        return report(err, CX_NETWORK, e);
    } catch (const Xapian::Error &e) {
        return report(err, CX_XAPIAN, e);
    } catch (const std::bad_alloc &) {
        return report(err, CX_NO_MEMORY, "out of memory");
    } catch (const std::exception &e) {
        return report(err, CX_STD_EXCEPTION, e.what());
    } catch (...) {
        return report(err, CX_UNKNOWN, "unknown exception");
    }
}

std::string str(const char *bytes, size_t len) { return len ? std::string(bytes, len) : std::string(); }

// Copies `s` into a malloc'd, NUL-terminated buffer the caller frees with cx_bytes_free.
void give(const std::string &s, char **out, size_t *out_len) {
    char *buf = static_cast<char *>(std::malloc(s.size() + 1));
    if (!buf) throw std::bad_alloc();
    std::memcpy(buf, s.data(), s.size());
    buf[s.size()] = '\0';
    *out = buf;
    *out_len = s.size();
}

Xapian::Query::op to_op(cx_query_op op) {
    switch (op) {
    case CX_OP_AND: return Xapian::Query::OP_AND;
    case CX_OP_OR: return Xapian::Query::OP_OR;
    case CX_OP_AND_NOT: return Xapian::Query::OP_AND_NOT;
    case CX_OP_XOR: return Xapian::Query::OP_XOR;
    case CX_OP_AND_MAYBE: return Xapian::Query::OP_AND_MAYBE;
    case CX_OP_FILTER: return Xapian::Query::OP_FILTER;
    case CX_OP_NEAR: return Xapian::Query::OP_NEAR;
    case CX_OP_PHRASE: return Xapian::Query::OP_PHRASE;
    case CX_OP_ELITE_SET: return Xapian::Query::OP_ELITE_SET;
    case CX_OP_SYNONYM: return Xapian::Query::OP_SYNONYM;
    case CX_OP_MAX: return Xapian::Query::OP_MAX;
    }
    throw Xapian::InvalidArgumentError("unknown cx_query_op");
}

Xapian::TermGenerator::stem_strategy to_tg_strategy(cx_stem_strategy s) {
    switch (s) {
    case CX_STEM_NONE: return Xapian::TermGenerator::STEM_NONE;
    case CX_STEM_SOME: return Xapian::TermGenerator::STEM_SOME;
    case CX_STEM_ALL: return Xapian::TermGenerator::STEM_ALL;
    case CX_STEM_ALL_Z: return Xapian::TermGenerator::STEM_ALL_Z;
    case CX_STEM_SOME_FULL_POS: return Xapian::TermGenerator::STEM_SOME_FULL_POS;
    }
    throw Xapian::InvalidArgumentError("unknown cx_stem_strategy");
}

Xapian::QueryParser::stem_strategy to_qp_strategy(cx_stem_strategy s) {
    switch (s) {
    case CX_STEM_NONE: return Xapian::QueryParser::STEM_NONE;
    case CX_STEM_SOME: return Xapian::QueryParser::STEM_SOME;
    case CX_STEM_ALL: return Xapian::QueryParser::STEM_ALL;
    case CX_STEM_ALL_Z: return Xapian::QueryParser::STEM_ALL_Z;
    case CX_STEM_SOME_FULL_POS: return Xapian::QueryParser::STEM_SOME_FULL_POS;
    }
    throw Xapian::InvalidArgumentError("unknown cx_stem_strategy");
}

} // namespace

struct cx_termlist {
    std::vector<std::pair<std::string, uint64_t>> entries;
};

struct cx_database {
    Xapian::Database db;
    // Set only for a database opened with cx_writable_database_open; `db` is then a copy of
    // the same handle (Xapian::WritableDatabase derives from Database and shares internals).
    std::unique_ptr<Xapian::WritableDatabase> wdb;
};

struct cx_document { Xapian::Document doc; };
struct cx_stem { Xapian::Stem stem; };
// Xapian::SimpleStopper's test over one sorted array of the words, where SimpleStopper keeps a
// std::set: a query parser's stopper is made afresh by every one-shot search, and a tree node
// per word was nine tenths of its making (155 k instructions for English's 174 words).
class SortedStopper final : public Xapian::Stopper {
  public:
    SortedStopper(const char *bytes, const size_t *lengths, size_t count) {
        size_t total = 0;
        for (size_t i = 0; i < count; ++i) total += lengths[i];
        if (total > 0) text.assign(bytes, total);
        words.reserve(count);
        size_t offset = 0;
        for (size_t i = 0; i < count; ++i) {
            words.emplace_back(text.data() + offset, lengths[i]);
            offset += lengths[i];
        }
        // Snowball's lists, as newsdex holds them, come sorted: a check is a fiftieth of a sort.
        if (!std::is_sorted(words.begin(), words.end())) std::sort(words.begin(), words.end());
    }

    bool operator()(const std::string &term) const override {
        return std::binary_search(words.begin(), words.end(), std::string_view(term));
    }

    std::string get_description() const override {
        return "SortedStopper(" + std::to_string(words.size()) + " words)";
    }

  private:
    std::string text;                     // the words back to back; `words` point into it
    std::vector<std::string_view> words;  // sorted
};

struct cx_stopper {
    cx_stopper(const char *bytes, const size_t *lengths, size_t count) : stopper(bytes, lengths, count) {}
    SortedStopper stopper;
};
struct cx_termgenerator { Xapian::TermGenerator tg; };
struct cx_query { Xapian::Query q; };
struct cx_queryparser { Xapian::QueryParser qp; };
struct cx_valuecount_spy {
    explicit cx_valuecount_spy(Xapian::valueno slot) : spy(slot) {}
    Xapian::ValueCountMatchSpy spy;
};
// Counts byte strings without an allocation per string counted: the distinct ones are kept
// back to back in one buffer, found through an open-addressing table of their hashes. A match
// spy counts tens of values for each of tens of thousands of documents, most of them seen
// before; a std::unordered_map<std::string, ...> pays a key string and a node for each lookup.
class ByteStringCounter {
    // 16 bytes, where three size_t took 32: the table of the ten thousand names of a facet
    // search at 100k is half the memory to walk.
    struct Entry {
        uint32_t hash;
        uint32_t length;
        uint32_t offset;  // in `bytes`
        Xapian::doccount count;  // 0: an empty entry
    };
    std::string bytes;
    std::vector<Entry> table = std::vector<Entry>(64, Entry{0, 0, 0, 0});
    size_t used = 0;

    // Eight bytes at a time, each mixed in by a multiplication: the values are short (names,
    // sources, years), and std::hash's byte loop behind a call cost more than the lookup. The
    // last word overlaps the one before; a value of under eight bytes is read as one word.
    static uint64_t hash_of(const char *data, size_t length) {
        uint64_t hash = 0x9E3779B97F4A7C15ull ^ length;
        if (length < 8) {
            hash = (hash ^ short_word(data, length)) * 0xC4CEB9FE1A85EC53ull;
            return hash ^ (hash >> 29);
        }
        const char *last = data + length - 8;
        for (; data < last; data += 8) {
            hash = (hash ^ word_at(data)) * 0xFF51AFD7ED558CCDull;
            hash ^= hash >> 32;
        }
        hash = (hash ^ word_at(last)) * 0xC4CEB9FE1A85EC53ull;
        return hash ^ (hash >> 29);
    }

    static uint64_t word_at(const char *data) {
        uint64_t word;
        std::memcpy(&word, data, 8);
        return word;
    }

    // A value of under eight bytes as one word that tells apart every value of its length: two
    // overlapping four-byte reads, or the first, middle and last of up to three bytes.
    static uint64_t short_word(const char *data, size_t length) {
        if (length >= 4) {
            uint32_t first, last;
            std::memcpy(&first, data, 4);
            std::memcpy(&last, data + length - 4, 4);
            return first | static_cast<uint64_t>(last) << 32;
        }
        if (length == 0) return 0;
        const auto byte = [&](size_t i) { return static_cast<uint64_t>(static_cast<unsigned char>(data[i])); };
        return byte(0) | byte(length / 2) << 8 | byte(length - 1) << 16;
    }

    // Whether two values of `length` bytes are the same, a word at a time as they are hashed.
    static bool same(const char *a, const char *b, size_t length) {
        if (length < 8) return short_word(a, length) == short_word(b, length);
        for (size_t i = 0; i + 8 < length; i += 8) {
            if (word_at(a + i) != word_at(b + i)) return false;
        }
        return word_at(a + length - 8) == word_at(b + length - 8);
    }

    void grow() {
        std::vector<Entry> old(table.size() * 2, Entry{0, 0, 0, 0});
        old.swap(table);
        const size_t mask = table.size() - 1;
        for (const Entry &entry : old) {
            if (entry.count == 0) continue;
            size_t i = entry.hash & mask;
            while (table[i].count != 0) i = (i + 1) & mask;
            table[i] = entry;
        }
    }

  public:
    void add(const char *data, size_t length) {
        if ((used + 1) * 2 > table.size()) grow();
        if (length > UINT32_MAX || bytes.size() + length > UINT32_MAX) {
            throw Xapian::InvalidOperationError("over 4 GiB of distinct values to count");
        }
        const uint32_t hash = static_cast<uint32_t>(hash_of(data, length));
        const size_t mask = table.size() - 1;
        for (size_t i = hash & mask;; i = (i + 1) & mask) {
            Entry &entry = table[i];
            if (entry.count == 0) {
                entry = Entry{hash, static_cast<uint32_t>(length), static_cast<uint32_t>(bytes.size()), 1};
                bytes.append(data, length);
                ++used;
                return;
            }
            if (entry.hash == hash && entry.length == length && same(bytes.data() + entry.offset, data, length)) {
                ++entry.count;
                return;
            }
        }
    }

    size_t size() const { return used; }

    template <typename Body> void for_each(Body body) const {
        for (const Entry &entry : table) {
            if (entry.count != 0) body(bytes.data() + entry.offset, entry.length, entry.count);
        }
    }
};

// Counts every value of a slot that holds several, each as a LEB128 length and its bytes, and
// the whole value of each of some other slots, each slot in a counter of its own.
class MultiValueCountSpy : public Xapian::MatchSpy {
    Xapian::valueno packed_slot;
    std::vector<Xapian::valueno> whole_slots;
    // Which packed values are counted, by their first byte (every one when none is given).
    std::array<bool, 256> counted_first_bytes;
    bool filtered;

  public:
    ByteStringCounter packed;
    std::vector<ByteStringCounter> whole;
    Xapian::doccount documents = 0;

    MultiValueCountSpy(Xapian::valueno packed_slot_, std::vector<Xapian::valueno> whole_slots_, bool filtered_,
                       const unsigned char *first_bytes, size_t first_byte_count)
        : packed_slot(packed_slot_), whole_slots(std::move(whole_slots_)), filtered(filtered_),
          whole(whole_slots.size()) {
        counted_first_bytes.fill(!filtered);
        for (size_t i = 0; i < first_byte_count; ++i) counted_first_bytes[first_bytes[i]] = true;
    }

    void operator()(const Xapian::Document &doc, double) override {
        ++documents;
        for (size_t k = 0; k < whole_slots.size(); ++k) {
            const std::string value = doc.get_value(whole_slots[k]);
            whole[k].add(value.data(), value.size());
        }
        if (packed_slot == Xapian::BAD_VALUENO) return;
        const std::string value = doc.get_value(packed_slot);
        const size_t n = value.size();
        size_t i = 0;
        while (i < n) {
            size_t length = 0;
            for (int shift = 0; i < n && shift < 64; shift += 7) {
                const unsigned char byte = static_cast<unsigned char>(value[i++]);
                length |= static_cast<size_t>(byte & 0x7f) << shift;
                if (byte < 0x80) break;
            }
            if (length > n - i) break;  // damaged: count what was whole
            if (!filtered || (length > 0 && counted_first_bytes[static_cast<unsigned char>(value[i])])) {
                packed.add(value.data() + i, length);
            }
            i += length;
        }
    }

    std::string get_description() const override { return "MultiValueCountSpy"; }
};

struct cx_multivalue_spy {
    cx_multivalue_spy(Xapian::valueno packed_slot, std::vector<Xapian::valueno> whole_slots, bool filtered,
                      const unsigned char *first_bytes, size_t first_byte_count)
        : spy(packed_slot, std::move(whole_slots), filtered, first_bytes, first_byte_count) {}
    MultiValueCountSpy spy;
};
struct cx_enquire {
    explicit cx_enquire(const Xapian::Database &db) : enquire(db) {}
    Xapian::Enquire enquire;
};
struct cx_mset { Xapian::MSet mset; };

namespace {

Xapian::WritableDatabase &writable(cx_database *db) {
    if (!db->wdb) throw Xapian::InvalidOperationError("database is not writable");
    return *db->wdb;
}

void collect(Xapian::TermIterator it, Xapian::TermIterator end, cx_termlist &list, int count_kind) {
    for (; it != end; ++it) {
        uint64_t count = 0;
        if (count_kind == 1) count = it.get_termfreq();
        else if (count_kind == 2) count = it.get_wdf();
        list.entries.emplace_back(*it, count);
    }
}

} // namespace

#define CX_TRY try {
#define CX_CATCH                                                                                  \
    return CX_OK;                                                                                 \
    } catch (...) { return translate(err); }

extern "C" {

void cx_bytes_free(char *bytes) noexcept { std::free(bytes); }
void cx_docids_free(cx_docid *ids) noexcept { std::free(ids); }

size_t cx_termlist_size(const cx_termlist *list) noexcept { return list ? list->entries.size() : 0; }
void cx_termlist_get(const cx_termlist *list, size_t i, const char **bytes, size_t *len,
                     uint64_t *count) noexcept {
    const auto &e = list->entries[i];
    *bytes = e.first.data();
    *len = e.first.size();
    *count = e.second;
}
void cx_termlist_free(cx_termlist *list) noexcept { delete list; }

// ---- database

cx_status cx_database_open(const char *path, size_t path_len, cx_database **out, cx_error **err) noexcept {
    CX_TRY
    *out = new cx_database{Xapian::Database(str(path, path_len)), nullptr};
    CX_CATCH
}

cx_status cx_database_new_empty(cx_database **out, cx_error **err) noexcept {
    CX_TRY
    *out = new cx_database{Xapian::Database(), nullptr};
    CX_CATCH
}

cx_status cx_database_open_remote_tcp(const char *host, size_t host_len, unsigned int port,
                                      unsigned int timeout_ms, unsigned int connect_timeout_ms,
                                      cx_database **out, cx_error **err) noexcept {
    CX_TRY
    *out = new cx_database{
        Xapian::Remote::open(str(host, host_len), port, timeout_ms, connect_timeout_ms), nullptr};
    CX_CATCH
}

cx_status cx_database_add_database(cx_database *db, const cx_database *shard, cx_error **err) noexcept {
    CX_TRY
    db->db.add_database(shard->db);
    CX_CATCH
}

cx_status cx_database_doccount(const cx_database *db, uint64_t *out, cx_error **err) noexcept {
    CX_TRY
    *out = db->db.get_doccount();
    CX_CATCH
}

cx_status cx_database_lastdocid(const cx_database *db, cx_docid *out, cx_error **err) noexcept {
    CX_TRY
    *out = db->db.get_lastdocid();
    CX_CATCH
}

cx_status cx_database_get_document(const cx_database *db, cx_docid id, cx_document **out,
                                   cx_error **err) noexcept {
    CX_TRY
    *out = new cx_document{db->db.get_document(id)};
    CX_CATCH
}

cx_status cx_database_get_metadata(const cx_database *db, const char *key, size_t key_len,
                                   char **out, size_t *out_len, cx_error **err) noexcept {
    CX_TRY
    give(db->db.get_metadata(str(key, key_len)), out, out_len);
    CX_CATCH
}

cx_status cx_database_value_freq(const cx_database *db, cx_valueno slot, uint64_t *out, cx_error **err) noexcept {
    CX_TRY
    *out = db->db.get_value_freq(slot);
    CX_CATCH
}

cx_status cx_database_termfreq(const cx_database *db, const char *term, size_t term_len,
                               uint64_t *out, cx_error **err) noexcept {
    CX_TRY
    *out = db->db.get_termfreq(str(term, term_len));
    CX_CATCH
}

cx_status cx_database_term_exists(const cx_database *db, const char *term, size_t term_len,
                                  int *out, cx_error **err) noexcept {
    CX_TRY
    *out = db->db.term_exists(str(term, term_len)) ? 1 : 0;
    CX_CATCH
}

cx_status cx_database_allterms(const cx_database *db, const char *prefix, size_t prefix_len,
                               cx_termlist **out, cx_error **err) noexcept {
    CX_TRY
    std::unique_ptr<cx_termlist> list(new cx_termlist);
    std::string p = str(prefix, prefix_len);
    collect(db->db.allterms_begin(p), db->db.allterms_end(p), *list, 1);
    *out = list.release();
    CX_CATCH
}

cx_status cx_database_postlist(const cx_database *db, const char *term, size_t term_len,
                               cx_docid **out, size_t *out_count, cx_error **err) noexcept {
    CX_TRY
    std::string t = str(term, term_len);
    std::vector<cx_docid> ids;
    for (auto it = db->db.postlist_begin(t); it != db->db.postlist_end(t); ++it) ids.push_back(*it);
    cx_docid *buf = nullptr;
    if (!ids.empty()) {
        buf = static_cast<cx_docid *>(std::malloc(ids.size() * sizeof(cx_docid)));
        if (!buf) throw std::bad_alloc();
        std::memcpy(buf, ids.data(), ids.size() * sizeof(cx_docid));
    }
    *out = buf;
    *out_count = ids.size();
    CX_CATCH
}

cx_status cx_database_revision(const cx_database *db, uint64_t *out, cx_error **err) noexcept {
    CX_TRY
    *out = db->db.get_revision();
    CX_CATCH
}

cx_status cx_database_reopen(cx_database *db, int *changed, cx_error **err) noexcept {
    CX_TRY
    *changed = db->db.reopen() ? 1 : 0;
    CX_CATCH
}

cx_status cx_database_close(cx_database *db, cx_error **err) noexcept {
    CX_TRY
    // For a writable database the handles share internals, so this closes (and commits) it.
    if (db->wdb) db->wdb->close();
    db->db.close();
    CX_CATCH
}

cx_status cx_database_spelling_suggestion(const cx_database *db, const char *word,
                                          size_t word_len, unsigned int max_edit_distance,
                                          char **out, size_t *out_len, cx_error **err) noexcept {
    CX_TRY
    give(db->db.get_spelling_suggestion(str(word, word_len), max_edit_distance), out, out_len);
    CX_CATCH
}

cx_status cx_database_check(const char *path, size_t path_len, size_t *errors, char **out,
                            size_t *out_len, cx_error **err) noexcept {
    CX_TRY
    std::ostringstream text;
    size_t found = Xapian::Database::check(str(path, path_len), 0, &text);
    give(text.str(), out, out_len);
    *errors = found;
    CX_CATCH
}

cx_status cx_database_compact(cx_database *db, const char *path, size_t path_len,
                              unsigned int flags, cx_error **err) noexcept {
    CX_TRY
    db->db.compact(str(path, path_len), flags);
    CX_CATCH
}

void cx_database_free(cx_database *db) noexcept {
    // Xapian's destructors do not throw (a WritableDatabase's commits and swallows errors).
    delete db;
}

// ---- writable database

cx_status cx_writable_database_open(const char *path, size_t path_len, cx_open_mode mode,
                                    cx_database **out, cx_error **err) noexcept {
    CX_TRY
    std::unique_ptr<Xapian::WritableDatabase> w(
        new Xapian::WritableDatabase(str(path, path_len), static_cast<int>(mode)));
    Xapian::Database shared = *w;
    *out = new cx_database{shared, std::move(w)};
    CX_CATCH
}

cx_status cx_writable_database_add_document(cx_database *db, const cx_document *doc,
                                            cx_docid *out, cx_error **err) noexcept {
    CX_TRY
    *out = writable(db).add_document(doc->doc);
    CX_CATCH
}

cx_status cx_writable_database_replace_document(cx_database *db, cx_docid id,
                                                const cx_document *doc, cx_error **err) noexcept {
    CX_TRY
    writable(db).replace_document(id, doc->doc);
    CX_CATCH
}

cx_status cx_writable_database_replace_document_by_term(cx_database *db, const char *term,
                                                        size_t term_len,
                                                        const cx_document *doc,
                                                        cx_docid *out, cx_error **err) noexcept {
    CX_TRY
    *out = writable(db).replace_document(str(term, term_len), doc->doc);
    CX_CATCH
}

cx_status cx_writable_database_delete_document(cx_database *db, cx_docid id, cx_error **err) noexcept {
    CX_TRY
    writable(db).delete_document(id);
    CX_CATCH
}

cx_status cx_writable_database_delete_document_by_term(cx_database *db, const char *term,
                                                       size_t term_len, cx_error **err) noexcept {
    CX_TRY
    writable(db).delete_document(str(term, term_len));
    CX_CATCH
}

cx_status cx_writable_database_commit(cx_database *db, cx_error **err) noexcept {
    CX_TRY
    writable(db).commit();
    CX_CATCH
}

cx_status cx_writable_database_begin_transaction(cx_database *db, int flushed, cx_error **err) noexcept {
    CX_TRY
    writable(db).begin_transaction(flushed != 0);
    CX_CATCH
}

cx_status cx_writable_database_commit_transaction(cx_database *db, cx_error **err) noexcept {
    CX_TRY
    writable(db).commit_transaction();
    CX_CATCH
}

cx_status cx_writable_database_cancel_transaction(cx_database *db, cx_error **err) noexcept {
    CX_TRY
    writable(db).cancel_transaction();
    CX_CATCH
}

cx_status cx_writable_database_set_metadata(cx_database *db, const char *key, size_t key_len,
                                            const char *value, size_t value_len, cx_error **err) noexcept {
    CX_TRY
    writable(db).set_metadata(str(key, key_len), str(value, value_len));
    CX_CATCH
}

cx_status cx_writable_database_add_spelling(cx_database *db, const char *word, size_t word_len,
                                            unsigned int freqinc, cx_error **err) noexcept {
    CX_TRY
    writable(db).add_spelling(str(word, word_len), freqinc);
    CX_CATCH
}

// ---- document

cx_status cx_document_new(cx_document **out, cx_error **err) noexcept {
    CX_TRY
    *out = new cx_document{Xapian::Document()};
    CX_CATCH
}

cx_status cx_document_get_docid(const cx_document *doc, cx_docid *out, cx_error **err) noexcept {
    CX_TRY
    *out = doc->doc.get_docid();
    CX_CATCH
}

cx_status cx_document_get_data(const cx_document *doc, char **out, size_t *out_len,
                               cx_error **err) noexcept {
    CX_TRY
    give(doc->doc.get_data(), out, out_len);
    CX_CATCH
}

cx_status cx_document_set_data(cx_document *doc, const char *data, size_t data_len,
                               cx_error **err) noexcept {
    CX_TRY
    doc->doc.set_data(str(data, data_len));
    CX_CATCH
}

cx_status cx_document_add_term(cx_document *doc, const char *term, size_t term_len,
                               unsigned int wdfinc, cx_error **err) noexcept {
    CX_TRY
    doc->doc.add_term(str(term, term_len), wdfinc);
    CX_CATCH
}

cx_status cx_document_add_boolean_term(cx_document *doc, const char *term, size_t term_len,
                                       cx_error **err) noexcept {
    CX_TRY
    doc->doc.add_boolean_term(str(term, term_len));
    CX_CATCH
}

cx_status cx_document_add_posting(cx_document *doc, const char *term, size_t term_len,
                                  cx_termpos pos, unsigned int wdfinc, cx_error **err) noexcept {
    CX_TRY
    doc->doc.add_posting(str(term, term_len), pos, wdfinc);
    CX_CATCH
}

cx_status cx_document_remove_term(cx_document *doc, const char *term, size_t term_len,
                                  cx_error **err) noexcept {
    CX_TRY
    doc->doc.remove_term(str(term, term_len));
    CX_CATCH
}

cx_status cx_document_set_value(cx_document *doc, cx_valueno slot, const char *value,
                                size_t value_len, cx_error **err) noexcept {
    CX_TRY
    doc->doc.add_value(slot, str(value, value_len));
    CX_CATCH
}

cx_status cx_document_get_value(const cx_document *doc, cx_valueno slot, char **out,
                                size_t *out_len, cx_error **err) noexcept {
    CX_TRY
    give(doc->doc.get_value(slot), out, out_len);
    CX_CATCH
}

cx_status cx_document_termlist(const cx_document *doc, cx_termlist **out, cx_error **err) noexcept {
    CX_TRY
    std::unique_ptr<cx_termlist> list(new cx_termlist);
    collect(doc->doc.termlist_begin(), doc->doc.termlist_end(), *list, 2);
    *out = list.release();
    CX_CATCH
}

void cx_document_free(cx_document *doc) noexcept { delete doc; }

// ---- stem

cx_status cx_stem_new(const char *language, size_t language_len, cx_stem **out, cx_error **err) noexcept {
    CX_TRY
    *out = new cx_stem{Xapian::Stem(str(language, language_len))};
    CX_CATCH
}

namespace {
// Xapian's snippets stem every word they read that is not a query term as written, so a page
// of hits stems the same common words hundreds of times (issue 16, bench/RESULTS.md).
class MemoizedStem final : public Xapian::StemImplementation {
    Xapian::Stem stem;
    std::unordered_map<std::string, std::string> stems;
    size_t capacity;

  public:
    MemoizedStem(const std::string &language, size_t capacity) : stem(language), capacity(capacity) {}

    std::string operator()(const std::string &word) override {
        auto found = stems.find(word);
        if (found != stems.end()) return found->second;
        if (stems.size() >= capacity) stems.clear();
        std::string result = stem(word);
        stems.emplace(word, result);
        return result;
    }

    std::string get_description() const override { return "memoized " + stem.get_description(); }
};

class FilteredStem final : public Xapian::StemImplementation {
    Xapian::Stem stem;
    std::vector<std::string> needles;

  public:
    FilteredStem(const std::string &language, std::vector<std::string> needles)
        : stem(language), needles(std::move(needles)) {}

    std::string operator()(const std::string &word) override {
        for (const auto &needle : needles) {
            if (word.find(needle) != std::string::npos) return stem(word);
        }
        return word;
    }

    std::string get_description() const override { return "filtered " + stem.get_description(); }
};
}  // namespace

cx_status cx_stem_new_memoized(const char *language, size_t language_len, size_t capacity, cx_stem **out,
                               cx_error **err) noexcept {
    CX_TRY
    *out = new cx_stem{Xapian::Stem(new MemoizedStem(str(language, language_len), capacity))};
    CX_CATCH
}

cx_status cx_stem_new_filtered(const char *language, size_t language_len, const char *needles,
                               const size_t *needle_lens, size_t needle_count, cx_stem **out,
                               cx_error **err) noexcept {
    CX_TRY
    std::vector<std::string> list;
    list.reserve(needle_count);
    size_t offset = 0;
    for (size_t i = 0; i < needle_count; i++) {
        list.push_back(str(needles + offset, needle_lens[i]));
        offset += needle_lens[i];
    }
    *out = new cx_stem{Xapian::Stem(new FilteredStem(str(language, language_len), std::move(list)))};
    CX_CATCH
}

cx_status cx_stem_apply(const cx_stem *stem, const char *word, size_t word_len, char **out,
                        size_t *out_len, cx_error **err) noexcept {
    CX_TRY
    give(stem->stem(str(word, word_len)), out, out_len);
    CX_CATCH
}

void cx_stem_free(cx_stem *stem) noexcept { delete stem; }

// ---- stopper

cx_status cx_stopper_new(const char *bytes, const size_t *lengths, size_t count, cx_stopper **out,
                         cx_error **err) noexcept {
    CX_TRY
    *out = new cx_stopper(bytes, lengths, count);
    CX_CATCH
}

cx_status cx_stopper_contains(const cx_stopper *stopper, const char *word, size_t word_len,
                              int *out, cx_error **err) noexcept {
    CX_TRY
    *out = stopper->stopper(str(word, word_len)) ? 1 : 0;
    CX_CATCH
}

void cx_stopper_free(cx_stopper *stopper) noexcept { delete stopper; }

// ---- termgenerator

cx_status cx_termgenerator_new(cx_termgenerator **out, cx_error **err) noexcept {
    CX_TRY
    *out = new cx_termgenerator;
    CX_CATCH
}

cx_status cx_termgenerator_set_stemmer(cx_termgenerator *tg, const cx_stem *stem, cx_error **err) noexcept {
    CX_TRY
    tg->tg.set_stemmer(stem ? stem->stem : Xapian::Stem());
    CX_CATCH
}

cx_status cx_termgenerator_set_stopper(cx_termgenerator *tg, const cx_stopper *stopper,
                                       cx_error **err) noexcept {
    CX_TRY
    tg->tg.set_stopper(stopper ? &stopper->stopper : nullptr);
    CX_CATCH
}

cx_status cx_termgenerator_set_stemming_strategy(cx_termgenerator *tg, cx_stem_strategy s,
                                                 cx_error **err) noexcept {
    CX_TRY
    tg->tg.set_stemming_strategy(to_tg_strategy(s));
    CX_CATCH
}

cx_status cx_termgenerator_set_document(cx_termgenerator *tg, const cx_document *doc,
                                        cx_error **err) noexcept {
    CX_TRY
    tg->tg.set_document(doc->doc);
    CX_CATCH
}

cx_status cx_termgenerator_set_database(cx_termgenerator *tg, const cx_database *db,
                                        cx_error **err) noexcept {
    CX_TRY
    if (!db) {
        tg->tg.set_database(Xapian::WritableDatabase());
    } else {
        if (!db->wdb) throw Xapian::InvalidOperationError("database is not writable");
        tg->tg.set_database(*db->wdb);
    }
    CX_CATCH
}

cx_status cx_termgenerator_set_flags(cx_termgenerator *tg, unsigned int flags, cx_error **err) noexcept {
    CX_TRY
    // With mask 0, set_flags replaces every flag with `flags`.
    tg->tg.set_flags(static_cast<Xapian::TermGenerator::flags>(flags),
                     static_cast<Xapian::TermGenerator::flags>(0));
    CX_CATCH
}

cx_status cx_termgenerator_index_text(cx_termgenerator *tg, const char *text, size_t text_len,
                                      unsigned int wdfinc, const char *prefix, size_t prefix_len,
                                      int with_positions, cx_error **err) noexcept {
    CX_TRY
    if (with_positions)
        tg->tg.index_text(str(text, text_len), wdfinc, str(prefix, prefix_len));
    else
        tg->tg.index_text_without_positions(str(text, text_len), wdfinc, str(prefix, prefix_len));
    CX_CATCH
}

cx_status cx_termgenerator_increase_termpos(cx_termgenerator *tg, cx_termpos delta,
                                            cx_error **err) noexcept {
    CX_TRY
    tg->tg.increase_termpos(delta);
    CX_CATCH
}

cx_status cx_termgenerator_get_termpos(const cx_termgenerator *tg, cx_termpos *out,
                                       cx_error **err) noexcept {
    CX_TRY
    *out = tg->tg.get_termpos();
    CX_CATCH
}

cx_status cx_termgenerator_set_termpos(cx_termgenerator *tg, cx_termpos pos, cx_error **err) noexcept {
    CX_TRY
    tg->tg.set_termpos(pos);
    CX_CATCH
}

void cx_termgenerator_free(cx_termgenerator *tg) noexcept { delete tg; }

// ---- query

cx_status cx_query_new_term(const char *term, size_t term_len, unsigned int wqf, cx_termpos pos,
                            cx_query **out, cx_error **err) noexcept {
    CX_TRY
    *out = new cx_query{Xapian::Query(str(term, term_len), wqf, pos)};
    CX_CATCH
}

cx_status cx_query_new_combine(cx_query_op op, const cx_query *const *subqueries, size_t count,
                               unsigned int window, cx_query **out, cx_error **err) noexcept {
    CX_TRY
    std::vector<Xapian::Query> subs;
    subs.reserve(count);
    for (size_t i = 0; i < count; ++i) subs.push_back(subqueries[i]->q);
    *out = new cx_query{Xapian::Query(to_op(op), subs.begin(), subs.end(), window)};
    CX_CATCH
}

cx_status cx_query_new_wildcard(const char *prefix, size_t prefix_len, cx_query **out,
                                cx_error **err) noexcept {
    CX_TRY
    *out = new cx_query{Xapian::Query(Xapian::Query::OP_WILDCARD, str(prefix, prefix_len))};
    CX_CATCH
}

cx_status cx_query_new_value_range(cx_valueno slot, const char *lo, size_t lo_len,
                                   const char *hi, size_t hi_len, cx_query **out, cx_error **err) noexcept {
    CX_TRY
    *out = new cx_query{
        Xapian::Query(Xapian::Query::OP_VALUE_RANGE, slot, str(lo, lo_len), str(hi, hi_len))};
    CX_CATCH
}

cx_status cx_query_new_value_bound(cx_valueno slot, int ge, const char *limit, size_t limit_len,
                                   cx_query **out, cx_error **err) noexcept {
    CX_TRY
    *out = new cx_query{Xapian::Query(ge ? Xapian::Query::OP_VALUE_GE : Xapian::Query::OP_VALUE_LE,
                                      slot, str(limit, limit_len))};
    CX_CATCH
}

cx_status cx_query_new_match_all(cx_query **out, cx_error **err) noexcept {
    CX_TRY
    *out = new cx_query{Xapian::Query::MatchAll};
    CX_CATCH
}

cx_status cx_query_new_match_nothing(cx_query **out, cx_error **err) noexcept {
    CX_TRY
    *out = new cx_query{Xapian::Query()};
    CX_CATCH
}

cx_status cx_query_description(const cx_query *q, char **out, size_t *out_len, cx_error **err) noexcept {
    CX_TRY
    give(q->q.get_description(), out, out_len);
    CX_CATCH
}

cx_status cx_query_empty(const cx_query *q, int *out, cx_error **err) noexcept {
    CX_TRY
    *out = q->q.empty() ? 1 : 0;
    CX_CATCH
}

cx_status cx_query_node_of(const cx_query *q, cx_query_node *node, cx_query_op *op, size_t *subqueries,
                           cx_error **err) noexcept {
    CX_TRY
    *op = CX_OP_AND;
    *subqueries = q->q.get_num_subqueries();
    switch (q->q.get_type()) {
    case Xapian::Query::LEAF_TERM: *node = CX_NODE_TERM; break;
    case Xapian::Query::LEAF_MATCH_ALL: *node = CX_NODE_MATCH_ALL; break;
    case Xapian::Query::LEAF_MATCH_NOTHING: *node = CX_NODE_MATCH_NOTHING; break;
    case Xapian::Query::OP_WILDCARD: *node = CX_NODE_WILDCARD; break;
    case Xapian::Query::OP_SCALE_WEIGHT: *node = CX_NODE_SCALE_WEIGHT; break;
    case Xapian::Query::OP_VALUE_RANGE:
    case Xapian::Query::OP_VALUE_GE:
    case Xapian::Query::OP_VALUE_LE: *node = CX_NODE_VALUE; break;
    case Xapian::Query::OP_AND: *node = CX_NODE_COMBINATION; *op = CX_OP_AND; break;
    case Xapian::Query::OP_OR: *node = CX_NODE_COMBINATION; *op = CX_OP_OR; break;
    case Xapian::Query::OP_AND_NOT: *node = CX_NODE_COMBINATION; *op = CX_OP_AND_NOT; break;
    case Xapian::Query::OP_XOR: *node = CX_NODE_COMBINATION; *op = CX_OP_XOR; break;
    case Xapian::Query::OP_AND_MAYBE: *node = CX_NODE_COMBINATION; *op = CX_OP_AND_MAYBE; break;
    case Xapian::Query::OP_FILTER: *node = CX_NODE_COMBINATION; *op = CX_OP_FILTER; break;
    case Xapian::Query::OP_NEAR: *node = CX_NODE_COMBINATION; *op = CX_OP_NEAR; break;
    case Xapian::Query::OP_PHRASE: *node = CX_NODE_COMBINATION; *op = CX_OP_PHRASE; break;
    case Xapian::Query::OP_ELITE_SET: *node = CX_NODE_COMBINATION; *op = CX_OP_ELITE_SET; break;
    case Xapian::Query::OP_SYNONYM: *node = CX_NODE_COMBINATION; *op = CX_OP_SYNONYM; break;
    case Xapian::Query::OP_MAX: *node = CX_NODE_COMBINATION; *op = CX_OP_MAX; break;
    default: *node = CX_NODE_OTHER; break;
    }
    CX_CATCH
}

cx_status cx_query_subquery(const cx_query *q, size_t index, cx_query **out, cx_error **err) noexcept {
    CX_TRY
    if (index >= q->q.get_num_subqueries()) throw Xapian::InvalidArgumentError("no such subquery");
    *out = new cx_query{q->q.get_subquery(index)};
    CX_CATCH
}

cx_status cx_query_leaf_term(const cx_query *q, char **out, size_t *out_len, cx_error **err) noexcept {
    CX_TRY
    if (q->q.get_type() != Xapian::Query::LEAF_TERM) throw Xapian::InvalidArgumentError("not a term query");
    give(*q->q.get_terms_begin(), out, out_len);
    CX_CATCH
}

cx_status cx_query_terms(const cx_query *q, cx_termlist **out, cx_error **err) noexcept {
    CX_TRY
    std::unique_ptr<cx_termlist> list(new cx_termlist);
    collect(q->q.get_unique_terms_begin(), q->q.get_unique_terms_end(), *list, 0);
    *out = list.release();
    CX_CATCH
}

void cx_query_free(cx_query *q) noexcept { delete q; }

// ---- queryparser

cx_status cx_queryparser_new(cx_queryparser **out, cx_error **err) noexcept {
    CX_TRY
    *out = new cx_queryparser;
    CX_CATCH
}

cx_status cx_queryparser_set_stemmer(cx_queryparser *qp, const cx_stem *stem, cx_error **err) noexcept {
    CX_TRY
    qp->qp.set_stemmer(stem ? stem->stem : Xapian::Stem());
    CX_CATCH
}

cx_status cx_queryparser_set_stemming_strategy(cx_queryparser *qp, cx_stem_strategy s,
                                               cx_error **err) noexcept {
    CX_TRY
    qp->qp.set_stemming_strategy(to_qp_strategy(s));
    CX_CATCH
}

cx_status cx_queryparser_set_stopper(cx_queryparser *qp, const cx_stopper *stopper,
                                     cx_error **err) noexcept {
    CX_TRY
    qp->qp.set_stopper(stopper ? &stopper->stopper : nullptr);
    CX_CATCH
}

cx_status cx_queryparser_set_database(cx_queryparser *qp, const cx_database *db,
                                      cx_error **err) noexcept {
    CX_TRY
    qp->qp.set_database(db ? db->db : Xapian::Database());
    CX_CATCH
}

cx_status cx_queryparser_set_default_op(cx_queryparser *qp, cx_query_op op, cx_error **err) noexcept {
    CX_TRY
    qp->qp.set_default_op(to_op(op));
    CX_CATCH
}

cx_status cx_queryparser_set_max_expansion(cx_queryparser *qp, uint32_t max_expansion, int max_type,
                                           unsigned int flags, cx_error **err) noexcept {
    CX_TRY
    qp->qp.set_max_expansion(max_expansion, max_type, flags);
    CX_CATCH
}

cx_status cx_queryparser_add_prefix(cx_queryparser *qp, const char *field, size_t field_len,
                                    const char *prefix, size_t prefix_len, cx_error **err) noexcept {
    CX_TRY
    qp->qp.add_prefix(str(field, field_len), str(prefix, prefix_len));
    CX_CATCH
}

cx_status cx_queryparser_add_boolean_prefix(cx_queryparser *qp, const char *field,
                                            size_t field_len, const char *prefix,
                                            size_t prefix_len, const char *grouping,
                                            size_t grouping_len, cx_error **err) noexcept {
    CX_TRY
    if (grouping) {
        std::string g = str(grouping, grouping_len);
        qp->qp.add_boolean_prefix(str(field, field_len), str(prefix, prefix_len), &g);
    } else {
        qp->qp.add_boolean_prefix(str(field, field_len), str(prefix, prefix_len),
                                  static_cast<const std::string *>(nullptr));
    }
    CX_CATCH
}

cx_status cx_queryparser_add_date_range(cx_queryparser *qp, cx_valueno slot, const char *str_,
                                        size_t str_len, int suffix, int prefer_mdy,
                                        int epoch_year, cx_error **err) noexcept {
    CX_TRY
    unsigned flags = (suffix ? Xapian::RP_SUFFIX : 0) | (prefer_mdy ? Xapian::RP_DATE_PREFER_MDY : 0);
    // release() hands ownership to the parser, which deletes the processor when done.
    qp->qp.add_rangeprocessor(
        (new Xapian::DateRangeProcessor(slot, str(str_, str_len), flags, epoch_year))->release());
    CX_CATCH
}

cx_status cx_queryparser_add_number_range(cx_queryparser *qp, cx_valueno slot, const char *str_,
                                          size_t str_len, int suffix, cx_error **err) noexcept {
    CX_TRY
    unsigned flags = suffix ? Xapian::RP_SUFFIX : 0;
    qp->qp.add_rangeprocessor(
        (new Xapian::NumberRangeProcessor(slot, str(str_, str_len), flags))->release());
    CX_CATCH
}

cx_status cx_queryparser_add_string_range(cx_queryparser *qp, cx_valueno slot, const char *str_,
                                          size_t str_len, int suffix, cx_error **err) noexcept {
    CX_TRY
    unsigned flags = suffix ? Xapian::RP_SUFFIX : 0;
    qp->qp.add_rangeprocessor(
        (new Xapian::RangeProcessor(slot, str(str_, str_len), flags))->release());
    CX_CATCH
}

cx_status cx_queryparser_parse(cx_queryparser *qp, const char *text, size_t text_len,
                               unsigned int flags, const char *default_prefix,
                               size_t default_prefix_len, cx_query **out, cx_error **err) noexcept {
    CX_TRY
    *out = new cx_query{qp->qp.parse_query(str(text, text_len), flags,
                                           str(default_prefix, default_prefix_len))};
    CX_CATCH
}

cx_status cx_queryparser_corrected_query(const cx_queryparser *qp, char **out, size_t *out_len,
                                         cx_error **err) noexcept {
    CX_TRY
    give(qp->qp.get_corrected_query_string(), out, out_len);
    CX_CATCH
}

void cx_queryparser_free(cx_queryparser *qp) noexcept { delete qp; }

// ---- value count match spy

cx_status cx_valuecount_spy_new(cx_valueno slot, cx_valuecount_spy **out, cx_error **err) noexcept {
    CX_TRY
    *out = new cx_valuecount_spy(slot);
    CX_CATCH
}

cx_status cx_valuecount_spy_total(const cx_valuecount_spy *spy, uint64_t *out, cx_error **err) noexcept {
    CX_TRY
    *out = spy->spy.get_total();
    CX_CATCH
}

cx_status cx_valuecount_spy_top_values(const cx_valuecount_spy *spy, size_t limit,
                                       cx_termlist **out, cx_error **err) noexcept {
    CX_TRY
    std::unique_ptr<cx_termlist> list(new cx_termlist);
    collect(spy->spy.top_values_begin(limit), spy->spy.top_values_end(limit), *list, 1);
    *out = list.release();
    CX_CATCH
}

cx_status cx_valuecount_spy_values(const cx_valuecount_spy *spy, cx_termlist **out,
                                   cx_error **err) noexcept {
    CX_TRY
    std::unique_ptr<cx_termlist> list(new cx_termlist);
    collect(spy->spy.values_begin(), spy->spy.values_end(), *list, 1);
    *out = list.release();
    CX_CATCH
}

void cx_valuecount_spy_free(cx_valuecount_spy *spy) noexcept { delete spy; }

// ---- multi-value count match spy

cx_status cx_multivalue_spy_new(cx_valueno packed_slot, const cx_valueno *whole_slots, size_t whole_count,
                                int only_first_bytes, const unsigned char *first_bytes, size_t first_byte_count,
                                cx_multivalue_spy **out, cx_error **err) noexcept {
    CX_TRY
    *out = new cx_multivalue_spy(packed_slot, std::vector<Xapian::valueno>(whole_slots, whole_slots + whole_count),
                                 only_first_bytes != 0, first_bytes, first_byte_count);
    CX_CATCH
}

// The spy's counter `counter`: 0 the packed slot's, k the whole values of whole_slots[k - 1].
static const ByteStringCounter &counter_of(const cx_multivalue_spy *spy, size_t counter) {
    if (counter > spy->spy.whole.size()) throw Xapian::InvalidArgumentError("no such counter");
    return counter == 0 ? spy->spy.packed : spy->spy.whole[counter - 1];
}

cx_status cx_multivalue_spy_values(const cx_multivalue_spy *spy, size_t counter, cx_termlist **out,
                                   cx_error **err) noexcept {
    CX_TRY
    const ByteStringCounter &counts = counter_of(spy, counter);
    std::unique_ptr<cx_termlist> list(new cx_termlist);
    list->entries.reserve(counts.size());
    counts.for_each([&](const char *bytes, size_t length, Xapian::doccount count) {
        list->entries.emplace_back(std::string(bytes, length), count);
    });
    *out = list.release();
    CX_CATCH
}

cx_status cx_multivalue_spy_visit(const cx_multivalue_spy *spy, size_t counter, cx_counted_value_visitor visit,
                                  void *context, cx_error **err) noexcept {
    CX_TRY
    const ByteStringCounter &counts = counter_of(spy, counter);
    counts.for_each([&](const char *bytes, size_t length, Xapian::doccount count) { visit(context, bytes, length, count); });
    CX_CATCH
}

uint64_t cx_multivalue_spy_documents(const cx_multivalue_spy *spy) noexcept { return spy->spy.documents; }
uint64_t cx_multivalue_spy_value_count(const cx_multivalue_spy *spy) noexcept { return spy->spy.packed.size(); }

void cx_multivalue_spy_free(cx_multivalue_spy *spy) noexcept { delete spy; }

// ---- enquire

cx_status cx_enquire_new(const cx_database *db, cx_enquire **out, cx_error **err) noexcept {
    CX_TRY
    *out = new cx_enquire(db->db);
    CX_CATCH
}

cx_status cx_enquire_set_query(cx_enquire *e, const cx_query *q, cx_error **err) noexcept {
    CX_TRY
    e->enquire.set_query(q->q);
    CX_CATCH
}

cx_status cx_enquire_set_sort(cx_enquire *e, cx_sort sort, cx_valueno slot, int reverse,
                              cx_error **err) noexcept {
    CX_TRY
    switch (sort) {
    case CX_SORT_RELEVANCE: e->enquire.set_sort_by_relevance(); break;
    case CX_SORT_VALUE: e->enquire.set_sort_by_value(slot, reverse != 0); break;
    case CX_SORT_VALUE_THEN_RELEVANCE: e->enquire.set_sort_by_value_then_relevance(slot, reverse != 0); break;
    case CX_SORT_RELEVANCE_THEN_VALUE: e->enquire.set_sort_by_relevance_then_value(slot, reverse != 0); break;
    default: throw Xapian::InvalidArgumentError("unknown cx_sort");
    }
    CX_CATCH
}

cx_status cx_enquire_set_boolean_weighting(cx_enquire *e, cx_error **err) noexcept {
    CX_TRY
    e->enquire.set_weighting_scheme(Xapian::BoolWeight());
    CX_CATCH
}

cx_status cx_enquire_set_collapse_key(cx_enquire *e, cx_valueno slot, unsigned int max,
                                      cx_error **err) noexcept {
    CX_TRY
    e->enquire.set_collapse_key(slot, max);
    CX_CATCH
}

cx_status cx_enquire_add_matchspy(cx_enquire *e, cx_valuecount_spy *spy, cx_error **err) noexcept {
    CX_TRY
    // Not released to Xapian: the caller owns the spy and keeps it alive (see the header).
    e->enquire.add_matchspy(&spy->spy);
    CX_CATCH
}

cx_status cx_enquire_add_multivalue_spy(cx_enquire *e, cx_multivalue_spy *spy, cx_error **err) noexcept {
    CX_TRY
    // Not released to Xapian: the caller owns the spy and keeps it alive (see the header).
    e->enquire.add_matchspy(&spy->spy);
    CX_CATCH
}

cx_status cx_enquire_clear_matchspies(cx_enquire *e, cx_error **err) noexcept {
    CX_TRY
    e->enquire.clear_matchspies();
    CX_CATCH
}

cx_status cx_enquire_get_mset(cx_enquire *e, unsigned int first, unsigned int maxitems,
                              unsigned int checkatleast, cx_mset **out, cx_error **err) noexcept {
    CX_TRY
    *out = new cx_mset{e->enquire.get_mset(first, maxitems, checkatleast)};
    CX_CATCH
}

void cx_enquire_free(cx_enquire *e) noexcept { delete e; }

// ---- mset

cx_status cx_mset_get_counts(const cx_mset *m, cx_mset_counts *out, cx_error **err) noexcept {
    CX_TRY
    out->size = m->mset.size();
    out->firstitem = m->mset.get_firstitem();
    out->estimated = m->mset.get_matches_estimated();
    out->lower_bound = m->mset.get_matches_lower_bound();
    out->upper_bound = m->mset.get_matches_upper_bound();
    out->uncollapsed_estimated = m->mset.get_uncollapsed_matches_estimated();
    out->uncollapsed_lower_bound = m->mset.get_uncollapsed_matches_lower_bound();
    out->uncollapsed_upper_bound = m->mset.get_uncollapsed_matches_upper_bound();
    CX_CATCH
}

cx_status cx_mset_get_item(const cx_mset *m, size_t i, cx_mset_item *out, cx_error **err) noexcept {
    CX_TRY
    if (i >= m->mset.size()) throw Xapian::RangeError("MSet index out of range");
    Xapian::MSetIterator it = m->mset[static_cast<Xapian::doccount>(i)];
    out->docid = *it;
    out->rank = it.get_rank();
    out->weight = it.get_weight();
    out->percent = it.get_percent();
    out->collapse_count = it.get_collapse_count();
    CX_CATCH
}

cx_status cx_mset_get_document(const cx_mset *m, size_t i, cx_document **out, cx_error **err) noexcept {
    CX_TRY
    if (i >= m->mset.size()) throw Xapian::RangeError("MSet index out of range");
    *out = new cx_document{m->mset[static_cast<Xapian::doccount>(i)].get_document()};
    CX_CATCH
}

cx_status cx_mset_snippet(const cx_mset *m, const char *text, size_t text_len, size_t length,
                          const cx_stem *stem, unsigned int flags, const char *hi_start,
                          size_t hi_start_len, const char *hi_end, size_t hi_end_len,
                          const char *omit, size_t omit_len, char **out, size_t *out_len,
                          cx_error **err) noexcept {
    CX_TRY
    give(m->mset.snippet(str(text, text_len), length, stem ? stem->stem : Xapian::Stem(), flags,
                         str(hi_start, hi_start_len), str(hi_end, hi_end_len), str(omit, omit_len)),
         out, out_len);
    CX_CATCH
}

void cx_mset_free(cx_mset *m) noexcept { delete m; }

// ---- sortable serialisation

cx_status cx_sortable_serialise(double value, char **out, size_t *out_len, cx_error **err) noexcept {
    CX_TRY
    give(Xapian::sortable_serialise(value), out, out_len);
    CX_CATCH
}

double cx_sortable_unserialise(const char *bytes, size_t len) noexcept {
    try {
        return Xapian::sortable_unserialise(str(bytes, len));
    } catch (...) {
        return 0.0;  // only std::string's allocation can throw here
    }
}

} // extern "C"

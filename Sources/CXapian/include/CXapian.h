/* CXapian: a plain C API over Xapian 1.4 (libxapian).
 *
 * The only code in newsdex that includes <xapian.h> is CXapian.cpp. Every function here is
 * noexcept: it catches every C++ exception and reports it as a cx_status, with the message
 * through a cx_error out-parameter. No C++ exception ever crosses this boundary.
 *
 * Conventions (after notmuch.h):
 *  - Opaque handles, `cx_<object>_<verb>` names; each type has one `cx_<object>_free`, which
 *    accepts NULL.
 *  - Functions return a cx_status (CX_OK = 0) and write results through `T **out`.
 *  - Byte strings cross as `const char *, size_t`: Xapian terms and data are bytes, not C strings.
 *  - On failure, when `err` is not NULL, `*err` receives a new cx_error owned by the caller
 *    (free it with cx_error_free); on success `*err` is left untouched.
 */
#ifndef CXAPIAN_H
#define CXAPIAN_H

#include <stddef.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#define CX_NOEXCEPT noexcept
#else
#define CX_NOEXCEPT
#endif

/* What went wrong, classified by the C++ type of the exception caught. */
typedef enum cx_status {
    CX_OK = 0,
    CX_DATABASE_NOT_FOUND,   /* Xapian::DatabaseNotFoundError */
    CX_DATABASE_LOCKED,      /* Xapian::DatabaseLockError */
    CX_DATABASE_MODIFIED,    /* Xapian::DatabaseModifiedError: reopen and retry */
    CX_DATABASE_CORRUPT,     /* Xapian::DatabaseCorruptError */
    CX_DATABASE_OPENING,     /* Xapian::DatabaseOpeningError (other than not found) */
    CX_DATABASE_VERSION,     /* Xapian::DatabaseVersionError */
    CX_DATABASE,             /* any other Xapian::DatabaseError */
    CX_QUERY_PARSER,         /* Xapian::QueryParserError */
    CX_INVALID_ARGUMENT,     /* Xapian::InvalidArgumentError */
    CX_INVALID_OPERATION,    /* Xapian::InvalidOperationError */
    CX_UNIMPLEMENTED,        /* Xapian::UnimplementedError */
    CX_DOC_NOT_FOUND,        /* Xapian::DocNotFoundError */
    CX_RANGE,                /* Xapian::RangeError */
    CX_NETWORK_TIMEOUT,      /* Xapian::NetworkTimeoutError */
    CX_NETWORK,              /* any other Xapian::NetworkError */
    CX_XAPIAN,               /* any other Xapian::Error */
    CX_NO_MEMORY,            /* std::bad_alloc */
    CX_STD_EXCEPTION,        /* any other std::exception */
    CX_UNKNOWN               /* anything else thrown */
} cx_status;

/* An error: a status and a message. */
typedef struct cx_error cx_error;

/* The status of an error. */
cx_status cx_error_status(const cx_error *err) CX_NOEXCEPT;
/* The message: NUL-terminated, owned by `err`, valid until cx_error_free(err). */
const char *cx_error_message(const cx_error *err) CX_NOEXCEPT;
/* Xapian's context for the error (Xapian::Error::get_context): for a remote database, which one
 * failed ("remote:tcp(HOST:PORT)"); "" when none. Owned by `err`, as the message. */
const char *cx_error_context(const cx_error *err) CX_NOEXCEPT;
/* The system error (errno) behind the error, e.g. ENOSPC for a block Xapian could not write, or
 * 0 when none is known. Recovered from Xapian::Error::get_error_string, which Xapian derives
 * from errno with strerror; getaddrinfo errors give 0. */
int cx_error_errno(const cx_error *err) CX_NOEXCEPT;
void cx_error_free(cx_error *err) CX_NOEXCEPT;

/* The version of the Xapian library linked, e.g. "1.4.22". Static storage; never fails. */
const char *cx_version_string(void) CX_NOEXCEPT;

/* ---- Conventions for everything below ----------------------------------------------------
 *
 * Unless a comment says otherwise, every function returns CX_OK on success, or the status
 * classifying the exception Xapian threw (CX_NO_MEMORY is always possible). Outputs are written
 * only on CX_OK. Handles passed in must be non-NULL and are borrowed: the callee keeps no
 * reference to them beyond the call unless the comment says "keeps a pointer" (then the caller
 * keeps the object alive until the holder is freed or the pointer replaced).
 *
 * Returned byte strings are malloc'd buffers with an extra NUL after `*out_len` bytes (so they
 * can be read as C strings when they hold no NUL); the caller owns them and frees them with
 * cx_bytes_free. Returned handles are owned by the caller and freed with their cx_<type>_free.
 */

typedef unsigned int cx_docid;    /* Xapian::docid */
typedef unsigned int cx_valueno;  /* Xapian::valueno */
typedef unsigned int cx_termpos;  /* Xapian::termpos */
#define CX_BAD_VALUENO 0xffffffffu

/* Frees a byte string returned by any cx_ function. Accepts NULL. */
void cx_bytes_free(char *bytes) CX_NOEXCEPT;
/* Frees a docid array returned by any cx_ function. Accepts NULL. */
void cx_docids_free(cx_docid *ids) CX_NOEXCEPT;

/* ---- cx_termlist: a materialised list of (bytes, count) pairs -----------------------------
 * Returned by functions that iterate Xapian::TermIterator (allterms, a document's termlist,
 * a query's terms, a match spy's values). The list is read fully inside the call, so no
 * exception can arise while the caller walks it. `count` is whatever the producer documents
 * (term frequency, wdf, value count, or 0). */
typedef struct cx_termlist cx_termlist;
/* Number of entries. Never fails; NULL gives 0. */
size_t cx_termlist_size(const cx_termlist *list) CX_NOEXCEPT;
/* Entry `i` (< size): `*bytes` (length `*len`) is owned by `list` and valid until
 * cx_termlist_free(list); `*count` is the producer's count. Never fails. */
void cx_termlist_get(const cx_termlist *list, size_t i, const char **bytes, size_t *len,
                     uint64_t *count) CX_NOEXCEPT;
void cx_termlist_free(cx_termlist *list) CX_NOEXCEPT;

/* ---- cx_database: Xapian::Database, or a Xapian::WritableDatabase when opened writable ---- */
typedef struct cx_database cx_database;
typedef struct cx_document cx_document;

/* Opens the database at `path` (a directory or a stub file, auto-detected) read-only.
 * Statuses: CX_DATABASE_NOT_FOUND, CX_DATABASE_OPENING, CX_DATABASE_VERSION,
 * CX_DATABASE_CORRUPT, ... `*out` is owned by the caller (cx_database_free). */
cx_status cx_database_open(const char *path, size_t path_len, cx_database **out, cx_error **err) CX_NOEXCEPT;
/* A database with no shards (Xapian::Database()), to which shards are added with
 * cx_database_add_database. `*out` is owned by the caller. */
cx_status cx_database_new_empty(cx_database **out, cx_error **err) CX_NOEXCEPT;
/* Opens a remote read-only database over TCP (Xapian::Remote::open). Timeouts are in
 * milliseconds; 0 means none. Statuses: CX_NETWORK (e.g. connection refused),
 * CX_NETWORK_TIMEOUT, ... `*out` is owned by the caller. */
cx_status cx_database_open_remote_tcp(const char *host, size_t host_len, unsigned int port,
                                      unsigned int timeout_ms, unsigned int connect_timeout_ms,
                                      cx_database **out, cx_error **err) CX_NOEXCEPT;
/* Adds the shards of `shard` to `db` (Xapian::Database::add_database). `db` shares `shard`'s
 * underlying database: `shard` may be freed afterwards. */
cx_status cx_database_add_database(cx_database *db, const cx_database *shard, cx_error **err) CX_NOEXCEPT;
/* Document count / last docid (Xapian::Database::get_doccount / get_lastdocid). */
cx_status cx_database_doccount(const cx_database *db, uint64_t *out, cx_error **err) CX_NOEXCEPT;
cx_status cx_database_lastdocid(const cx_database *db, cx_docid *out, cx_error **err) CX_NOEXCEPT;
/* Reads document `id`. Statuses: CX_DOC_NOT_FOUND, CX_INVALID_ARGUMENT (id 0), ...
 * `*out` is owned by the caller and keeps the database's internals alive. */
cx_status cx_database_get_document(const cx_database *db, cx_docid id, cx_document **out,
                                   cx_error **err) CX_NOEXCEPT;
/* The metadata value for `key` ("" when unset). Statuses: CX_INVALID_ARGUMENT (empty key), ...
 * `*out` (length `*out_len`) is owned by the caller (cx_bytes_free). */
cx_status cx_database_get_metadata(const cx_database *db, const char *key, size_t key_len,
                                   char **out, size_t *out_len, cx_error **err) CX_NOEXCEPT;
/* Number of documents with a value in `slot`. */
cx_status cx_database_value_freq(const cx_database *db, cx_valueno slot, uint64_t *out, cx_error **err) CX_NOEXCEPT;
/* Number of documents indexed by `term` (0 when absent). */
cx_status cx_database_termfreq(const cx_database *db, const char *term, size_t term_len,
                               uint64_t *out, cx_error **err) CX_NOEXCEPT;
/* Whether `term` indexes any document. */
cx_status cx_database_term_exists(const cx_database *db, const char *term, size_t term_len,
                                  int *out, cx_error **err) CX_NOEXCEPT;
/* All terms starting with `prefix` in byte order, each with its term frequency as count.
 * `*out` is owned by the caller (cx_termlist_free). */
cx_status cx_database_allterms(const cx_database *db, const char *prefix, size_t prefix_len,
                               cx_termlist **out, cx_error **err) CX_NOEXCEPT;
/* The ids of the documents indexed by `term`, ascending. `*out` (`*out_count` entries; NULL
 * when there are none) is owned by the caller (cx_docids_free). */
cx_status cx_database_postlist(const cx_database *db, const char *term, size_t term_len,
                               cx_docid **out, size_t *out_count, cx_error **err) CX_NOEXCEPT;
/* The revision of a database of one glass (or chert) shard: it increases with each commit
 * (Xapian::Database::get_revision). Statuses: CX_INVALID_OPERATION for several shards or a
 * remote one, ... */
cx_status cx_database_revision(const cx_database *db, uint64_t *out, cx_error **err) CX_NOEXCEPT;
/* Reopens at the latest revision; `*changed` is 1 when it may have changed
 * (Xapian::Database::reopen). */
cx_status cx_database_reopen(cx_database *db, int *changed, cx_error **err) CX_NOEXCEPT;
/* Closes the database (Xapian::Database::close). For a writable database this commits
 * pending changes (or cancels an open transaction) and releases the lock. Later calls on
 * `db` give CX_DATABASE (DatabaseClosedError); `db` must still be freed. */
cx_status cx_database_close(cx_database *db, cx_error **err) CX_NOEXCEPT;
/* A spelling correction for `word` within `max_edit_distance`, "" when none
 * (Xapian::Database::get_spelling_suggestion). `*out` is owned by the caller. */
cx_status cx_database_spelling_suggestion(const cx_database *db, const char *word,
                                          size_t word_len, unsigned int max_edit_distance,
                                          char **out, size_t *out_len, cx_error **err) CX_NOEXCEPT;
/* Checks the database (or table) at `path` with Xapian's own consistency check
 * (Xapian::Database::check, what xapian-check runs) and `opts` 0: every block of every table,
 * and that postlists, termlists and document lengths agree. `*errors` receives the number of
 * problems found; `*out` (length `*out_len`, owned by the caller: cx_bytes_free) what the check
 * wrote about them. Statuses: CX_DATABASE_CORRUPT or CX_DATABASE when damage stops the check
 * (e.g. a table cut short: "EOF reading block"), CX_DATABASE_NOT_FOUND / CX_DATABASE_OPENING
 * when `path` is not a database, ... */
cx_status cx_database_check(const char *path, size_t path_len, size_t *errors, char **out,
                            size_t *out_len, cx_error **err) CX_NOEXCEPT;
#define CX_COMPACT_MULTIPASS 8     /* Xapian::DBCOMPACT_MULTIPASS */
#define CX_COMPACT_SINGLE_FILE 16  /* Xapian::DBCOMPACT_SINGLE_FILE */
/* Writes a compacted copy of `db` to `path` (Xapian::Database::compact) with CX_COMPACT_*
 * `flags`. Statuses: CX_DATABASE (e.g. DatabaseCreateError: `path` unusable),
 * CX_INVALID_ARGUMENT, CX_INVALID_OPERATION (e.g. compacting a stub/remote), ... */
cx_status cx_database_compact(cx_database *db, const char *path, size_t path_len,
                              unsigned int flags, cx_error **err) CX_NOEXCEPT;
void cx_database_free(cx_database *db) CX_NOEXCEPT;

/* ---- Writable database: a cx_database opened with cx_writable_database_open ----------------
 * Every cx_writable_database_* function gives CX_INVALID_OPERATION when `db` was not opened
 * with cx_writable_database_open. */
typedef enum cx_open_mode {
    CX_OPEN_CREATE_OR_OPEN = 0,      /* Xapian::DB_CREATE_OR_OPEN */
    CX_OPEN_CREATE_OR_OVERWRITE = 1, /* Xapian::DB_CREATE_OR_OVERWRITE */
    CX_OPEN_CREATE = 2,              /* Xapian::DB_CREATE */
    CX_OPEN_OPEN = 3                 /* Xapian::DB_OPEN */
} cx_open_mode;
/* Opens `path` for writing. Statuses: CX_DATABASE_LOCKED (another writer holds it),
 * CX_DATABASE_NOT_FOUND (CX_OPEN_OPEN on a missing path), CX_DATABASE (CX_OPEN_CREATE on an
 * existing one: DatabaseCreateError), ... `*out` is owned by the caller; cx_database_free
 * on it commits pending changes, swallowing any error (call cx_database_close to see it). */
cx_status cx_writable_database_open(const char *path, size_t path_len, cx_open_mode mode,
                                    cx_database **out, cx_error **err) CX_NOEXCEPT;
/* Adds `doc`; `*out` receives its new id. */
cx_status cx_writable_database_add_document(cx_database *db, const cx_document *doc,
                                            cx_docid *out, cx_error **err) CX_NOEXCEPT;
/* Replaces (or adds at) `id` with `doc`. */
cx_status cx_writable_database_replace_document(cx_database *db, cx_docid id,
                                                const cx_document *doc, cx_error **err) CX_NOEXCEPT;
/* Replaces the documents indexed by `term` with `doc` (adding it when none);
 * `*out` receives its id. */
cx_status cx_writable_database_replace_document_by_term(cx_database *db, const char *term,
                                                        size_t term_len,
                                                        const cx_document *doc,
                                                        cx_docid *out, cx_error **err) CX_NOEXCEPT;
/* Deletes document `id`. Statuses: CX_DOC_NOT_FOUND, ... */
cx_status cx_writable_database_delete_document(cx_database *db, cx_docid id, cx_error **err) CX_NOEXCEPT;
/* Deletes every document indexed by `term` (none is not an error). */
cx_status cx_writable_database_delete_document_by_term(cx_database *db, const char *term,
                                                       size_t term_len, cx_error **err) CX_NOEXCEPT;
cx_status cx_writable_database_commit(cx_database *db, cx_error **err) CX_NOEXCEPT;
/* Transactions. Statuses: CX_INVALID_OPERATION (begin while one is open, commit/cancel
 * without one), ... */
cx_status cx_writable_database_begin_transaction(cx_database *db, int flushed, cx_error **err) CX_NOEXCEPT;
cx_status cx_writable_database_commit_transaction(cx_database *db, cx_error **err) CX_NOEXCEPT;
cx_status cx_writable_database_cancel_transaction(cx_database *db, cx_error **err) CX_NOEXCEPT;
/* Sets metadata `key` to `value` ("" removes it). Statuses: CX_INVALID_ARGUMENT (empty key). */
cx_status cx_writable_database_set_metadata(cx_database *db, const char *key, size_t key_len,
                                            const char *value, size_t value_len, cx_error **err) CX_NOEXCEPT;
/* Adds `word` to the spelling dictionary with `freqinc`. */
cx_status cx_writable_database_add_spelling(cx_database *db, const char *word, size_t word_len,
                                            unsigned int freqinc, cx_error **err) CX_NOEXCEPT;

/* ---- cx_document: Xapian::Document ------------------------------------------------------ */
/* A new empty document. `*out` is owned by the caller. */
cx_status cx_document_new(cx_document **out, cx_error **err) CX_NOEXCEPT;
/* The docid it was read with (0 for a new document). */
cx_status cx_document_get_docid(const cx_document *doc, cx_docid *out, cx_error **err) CX_NOEXCEPT;
/* The data blob. `*out` is owned by the caller (cx_bytes_free). */
cx_status cx_document_get_data(const cx_document *doc, char **out, size_t *out_len,
                               cx_error **err) CX_NOEXCEPT;
cx_status cx_document_set_data(cx_document *doc, const char *data, size_t data_len,
                               cx_error **err) CX_NOEXCEPT;
/* Adds `term` with `wdfinc` (Xapian::Document::add_term). */
cx_status cx_document_add_term(cx_document *doc, const char *term, size_t term_len,
                               unsigned int wdfinc, cx_error **err) CX_NOEXCEPT;
/* Adds `term` with wdf 0 (Xapian::Document::add_boolean_term). */
cx_status cx_document_add_boolean_term(cx_document *doc, const char *term, size_t term_len,
                                       cx_error **err) CX_NOEXCEPT;
/* Adds `term` at `pos` with `wdfinc` (Xapian::Document::add_posting). */
cx_status cx_document_add_posting(cx_document *doc, const char *term, size_t term_len,
                                  cx_termpos pos, unsigned int wdfinc, cx_error **err) CX_NOEXCEPT;
/* Removes `term`. Statuses: CX_INVALID_ARGUMENT when the document lacks it, ... */
cx_status cx_document_remove_term(cx_document *doc, const char *term, size_t term_len,
                                  cx_error **err) CX_NOEXCEPT;
/* Sets value `slot` to `value` ("" removes it). */
cx_status cx_document_set_value(cx_document *doc, cx_valueno slot, const char *value,
                                size_t value_len, cx_error **err) CX_NOEXCEPT;
/* Value `slot` ("" when unset). `*out` is owned by the caller (cx_bytes_free). */
cx_status cx_document_get_value(const cx_document *doc, cx_valueno slot, char **out,
                                size_t *out_len, cx_error **err) CX_NOEXCEPT;
/* The termlist in byte order, each term with its wdf as count. `*out` is owned by the
 * caller (cx_termlist_free). */
cx_status cx_document_termlist(const cx_document *doc, cx_termlist **out, cx_error **err) CX_NOEXCEPT;
void cx_document_free(cx_document *doc) CX_NOEXCEPT;

/* ---- cx_stem: Xapian::Stem ---------------------------------------------------------------- */
typedef struct cx_stem cx_stem;
/* A stemmer for `language` (e.g. "english", "en", "none"). Statuses: CX_INVALID_ARGUMENT for
 * an unknown language. `*out` is owned by the caller. */
cx_status cx_stem_new(const char *language, size_t language_len, cx_stem **out, cx_error **err) CX_NOEXCEPT;
/* A stemmer for `language`, as cx_stem_new's, that remembers the stems it has given, up to
 * `capacity` words (then it forgets them all and starts again): the same stems, each word's
 * computed once. Copies of it (a snippet's, a parser's) share what it remembers, and like any
 * stemmer it must not be used by two threads at once. Statuses as cx_stem_new. `*out` is owned
 * by the caller. */
cx_status cx_stem_new_memoized(const char *language, size_t language_len, size_t capacity, cx_stem **out,
                               cx_error **err) CX_NOEXCEPT;
/* A stemmer for `language`, as cx_stem_new's, that stems only the words containing one of
 * `needle_count` needles (bytes compared as they are; needle i is the `needle_lens[i]` bytes
 * after needles i-1 in `needles`) and gives any other word back as it is: for a caller that
 * needs only the stems that contain something, e.g. a snippet that looks for a query's stems.
 * Statuses as cx_stem_new. `*out` is owned by the caller. */
cx_status cx_stem_new_filtered(const char *language, size_t language_len, const char *needles,
                               const size_t *needle_lens, size_t needle_count, cx_stem **out,
                               cx_error **err) CX_NOEXCEPT;
/* The stem of `word`. `*out` is owned by the caller (cx_bytes_free). */
cx_status cx_stem_apply(const cx_stem *stem, const char *word, size_t word_len, char **out,
                        size_t *out_len, cx_error **err) CX_NOEXCEPT;
void cx_stem_free(cx_stem *stem) CX_NOEXCEPT;

/* ---- cx_stopper: a Xapian::Stopper of fixed words ------------------------------------------ */
typedef struct cx_stopper cx_stopper;
/* A stopper for `count` words held back to back in `bytes`, the i-th `lengths[i]` bytes long (one
 * call for a whole list). It answers as Xapian::SimpleStopper does, from one sorted array of the
 * words rather than a std::set. `*out` is owned by the caller. */
cx_status cx_stopper_new(const char *bytes, const size_t *lengths, size_t count, cx_stopper **out,
                         cx_error **err) CX_NOEXCEPT;
/* `*out` is 1 when `word` is a stopword. */
cx_status cx_stopper_contains(const cx_stopper *stopper, const char *word, size_t word_len,
                              int *out, cx_error **err) CX_NOEXCEPT;
void cx_stopper_free(cx_stopper *stopper) CX_NOEXCEPT;

/* Stemming strategies (Xapian::TermGenerator::stem_strategy / QueryParser::stem_strategy). */
typedef enum cx_stem_strategy {
    CX_STEM_NONE = 0,
    CX_STEM_SOME = 1,
    CX_STEM_ALL = 2,
    CX_STEM_ALL_Z = 3,
    CX_STEM_SOME_FULL_POS = 4
} cx_stem_strategy;

/* ---- cx_termgenerator: Xapian::TermGenerator ---------------------------------------------- */
typedef struct cx_termgenerator cx_termgenerator;
#define CX_TG_FLAG_SPELLING 128  /* Xapian::TermGenerator::FLAG_SPELLING */
#define CX_TG_FLAG_CJK_NGRAM 2048  /* Xapian::TermGenerator::FLAG_CJK_NGRAM */
cx_status cx_termgenerator_new(cx_termgenerator **out, cx_error **err) CX_NOEXCEPT;
/* Copies `stem` (Xapian::Stem is a reference-counted handle); NULL sets no stemming. */
cx_status cx_termgenerator_set_stemmer(cx_termgenerator *tg, const cx_stem *stem,
                                       cx_error **err) CX_NOEXCEPT;
/* Keeps a pointer to `stopper` (NULL: none): keep it alive while it is set. */
cx_status cx_termgenerator_set_stopper(cx_termgenerator *tg, const cx_stopper *stopper,
                                       cx_error **err) CX_NOEXCEPT;
cx_status cx_termgenerator_set_stemming_strategy(cx_termgenerator *tg, cx_stem_strategy s,
                                                 cx_error **err) CX_NOEXCEPT;
/* Indexes into `doc`: the generator shares the document (Xapian::Document is a handle), so
 * terms it adds are visible through `doc`. */
cx_status cx_termgenerator_set_document(cx_termgenerator *tg, const cx_document *doc,
                                        cx_error **err) CX_NOEXCEPT;
/* Spelling data goes to `db` (which must be writable; NULL: none). Shares `db`. Statuses:
 * CX_INVALID_OPERATION when `db` is not writable. */
cx_status cx_termgenerator_set_database(cx_termgenerator *tg, const cx_database *db,
                                        cx_error **err) CX_NOEXCEPT;
/* Replaces all flags with `flags` (CX_TG_FLAG_*). */
cx_status cx_termgenerator_set_flags(cx_termgenerator *tg, unsigned int flags, cx_error **err) CX_NOEXCEPT;
/* Indexes `text` with `prefix` (index_text / index_text_without_positions). */
cx_status cx_termgenerator_index_text(cx_termgenerator *tg, const char *text, size_t text_len,
                                      unsigned int wdfinc, const char *prefix, size_t prefix_len,
                                      int with_positions, cx_error **err) CX_NOEXCEPT;
cx_status cx_termgenerator_increase_termpos(cx_termgenerator *tg, cx_termpos delta,
                                            cx_error **err) CX_NOEXCEPT;
cx_status cx_termgenerator_get_termpos(const cx_termgenerator *tg, cx_termpos *out,
                                       cx_error **err) CX_NOEXCEPT;
cx_status cx_termgenerator_set_termpos(cx_termgenerator *tg, cx_termpos pos, cx_error **err) CX_NOEXCEPT;
void cx_termgenerator_free(cx_termgenerator *tg) CX_NOEXCEPT;

/* ---- cx_query: Xapian::Query -------------------------------------------------------------- */
typedef struct cx_query cx_query;
typedef enum cx_query_op {
    CX_OP_AND, CX_OP_OR, CX_OP_AND_NOT, CX_OP_XOR, CX_OP_AND_MAYBE, CX_OP_FILTER, CX_OP_NEAR,
    CX_OP_PHRASE, CX_OP_ELITE_SET, CX_OP_SYNONYM, CX_OP_MAX
} cx_query_op;
/* A term query (Xapian::Query(term, wqf, pos)). `*out` is owned by the caller. */
cx_status cx_query_new_term(const char *term, size_t term_len, unsigned int wqf, cx_termpos pos,
                            cx_query **out, cx_error **err) CX_NOEXCEPT;
/* Combines `count` subqueries with `op`; `window` is the NEAR/PHRASE window or the ELITE_SET
 * size (0: default). Subqueries are copied. Statuses: CX_INVALID_ARGUMENT. */
cx_status cx_query_new_combine(cx_query_op op, const cx_query *const *subqueries, size_t count,
                               unsigned int window, cx_query **out, cx_error **err) CX_NOEXCEPT;
/* OP_WILDCARD on `prefix` (no expansion limit). */
cx_status cx_query_new_wildcard(const char *prefix, size_t prefix_len, cx_query **out,
                                cx_error **err) CX_NOEXCEPT;
/* OP_VALUE_RANGE on [lo, hi]. */
cx_status cx_query_new_value_range(cx_valueno slot, const char *lo, size_t lo_len,
                                   const char *hi, size_t hi_len, cx_query **out, cx_error **err) CX_NOEXCEPT;
/* OP_VALUE_GE (`ge` != 0) or OP_VALUE_LE on `limit`. */
cx_status cx_query_new_value_bound(cx_valueno slot, int ge, const char *limit, size_t limit_len,
                                   cx_query **out, cx_error **err) CX_NOEXCEPT;
/* Xapian::Query::MatchAll / MatchNothing (the empty query). */
cx_status cx_query_new_match_all(cx_query **out, cx_error **err) CX_NOEXCEPT;
cx_status cx_query_new_match_nothing(cx_query **out, cx_error **err) CX_NOEXCEPT;
/* get_description(). `*out` is owned by the caller (cx_bytes_free). */
cx_status cx_query_description(const cx_query *q, char **out, size_t *out_len, cx_error **err) CX_NOEXCEPT;
/* `*out` is 1 when the query is empty (MatchNothing). */
cx_status cx_query_empty(const cx_query *q, int *out, cx_error **err) CX_NOEXCEPT;
/* What the top of a query is (from Xapian::Query::get_type), to walk a query's tree. */
typedef enum cx_query_node {
    CX_NODE_TERM, CX_NODE_COMBINATION, CX_NODE_SCALE_WEIGHT, CX_NODE_WILDCARD, CX_NODE_VALUE,
    CX_NODE_MATCH_ALL, CX_NODE_MATCH_NOTHING, CX_NODE_OTHER
} cx_query_node;
/* The top of `q`: its node, its operator when the node is CX_NODE_COMBINATION (else CX_OP_AND),
 * and how many subqueries it has (get_num_subqueries). */
cx_status cx_query_node_of(const cx_query *q, cx_query_node *node, cx_query_op *op, size_t *subqueries,
                           cx_error **err) CX_NOEXCEPT;
/* The `index`-th subquery (get_subquery). `*out` is owned by the caller.
 * Statuses: CX_INVALID_ARGUMENT for an index out of range. */
cx_status cx_query_subquery(const cx_query *q, size_t index, cx_query **out, cx_error **err) CX_NOEXCEPT;
/* The term of a CX_NODE_TERM query. `*out` is owned by the caller (cx_bytes_free).
 * Statuses: CX_INVALID_ARGUMENT for a query that is not a term. */
cx_status cx_query_leaf_term(const cx_query *q, char **out, size_t *out_len, cx_error **err) CX_NOEXCEPT;
/* The unique terms (get_unique_terms_begin), count 0. `*out` is owned by the caller. */
cx_status cx_query_terms(const cx_query *q, cx_termlist **out, cx_error **err) CX_NOEXCEPT;
void cx_query_free(cx_query *q) CX_NOEXCEPT;

/* ---- cx_queryparser: Xapian::QueryParser -------------------------------------------------- */
typedef struct cx_queryparser cx_queryparser;
/* Values of Xapian::QueryParser::feature_flag. */
#define CX_QP_FLAG_BOOLEAN 1
#define CX_QP_FLAG_PHRASE 2
#define CX_QP_FLAG_LOVEHATE 4
#define CX_QP_FLAG_BOOLEAN_ANY_CASE 8
#define CX_QP_FLAG_WILDCARD 16
#define CX_QP_FLAG_PURE_NOT 32
#define CX_QP_FLAG_PARTIAL 64
#define CX_QP_FLAG_SPELLING_CORRECTION 128
#define CX_QP_FLAG_SYNONYM 256
#define CX_QP_FLAG_AUTO_SYNONYMS 512
#define CX_QP_FLAG_AUTO_MULTIWORD_SYNONYMS 1024
#define CX_QP_FLAG_CJK_NGRAM 2048
cx_status cx_queryparser_new(cx_queryparser **out, cx_error **err) CX_NOEXCEPT;
/* Copies `stem`; NULL: no stemming. */
cx_status cx_queryparser_set_stemmer(cx_queryparser *qp, const cx_stem *stem, cx_error **err) CX_NOEXCEPT;
cx_status cx_queryparser_set_stemming_strategy(cx_queryparser *qp, cx_stem_strategy s,
                                               cx_error **err) CX_NOEXCEPT;
/* Keeps a pointer to `stopper` (NULL: none): keep it alive while it is set. */
cx_status cx_queryparser_set_stopper(cx_queryparser *qp, const cx_stopper *stopper,
                                     cx_error **err) CX_NOEXCEPT;
/* Shares `db` (for wildcards and spelling); NULL: none. */
cx_status cx_queryparser_set_database(cx_queryparser *qp, const cx_database *db,
                                      cx_error **err) CX_NOEXCEPT;
cx_status cx_queryparser_set_default_op(cx_queryparser *qp, cx_query_op op, cx_error **err) CX_NOEXCEPT;
/* Values of Xapian::Query's wildcard limit types (WILDCARD_LIMIT_*). */
#define CX_WILDCARD_LIMIT_ERROR 0
#define CX_WILDCARD_LIMIT_FIRST 1
#define CX_WILDCARD_LIMIT_MOST_FREQUENT 2
/* set_max_expansion(max_expansion, max_type, flags): how many terms a wildcard (and/or a
 * partial term, per `flags`, CX_QP_FLAG_WILDCARD | CX_QP_FLAG_PARTIAL) expands to; 0: no limit.
 * `max_type` is a CX_WILDCARD_LIMIT_*. Statuses: 0, CX_INVALID_ARGUMENT. */
cx_status cx_queryparser_set_max_expansion(cx_queryparser *qp, uint32_t max_expansion, int max_type,
                                           unsigned int flags, cx_error **err) CX_NOEXCEPT;
/* add_prefix(field, prefix). */
cx_status cx_queryparser_add_prefix(cx_queryparser *qp, const char *field, size_t field_len,
                                    const char *prefix, size_t prefix_len, cx_error **err) CX_NOEXCEPT;
/* add_boolean_prefix(field, prefix, grouping); `grouping` NULL means group by field. */
cx_status cx_queryparser_add_boolean_prefix(cx_queryparser *qp, const char *field,
                                            size_t field_len, const char *prefix,
                                            size_t prefix_len, const char *grouping,
                                            size_t grouping_len, cx_error **err) CX_NOEXCEPT;
/* Range processors; the parser owns them (RangeProcessor::release()). `str` is a prefix, or a
 * suffix when `suffix` != 0. */
cx_status cx_queryparser_add_date_range(cx_queryparser *qp, cx_valueno slot, const char *str,
                                        size_t str_len, int suffix, int prefer_mdy,
                                        int epoch_year, cx_error **err) CX_NOEXCEPT;
cx_status cx_queryparser_add_number_range(cx_queryparser *qp, cx_valueno slot, const char *str,
                                          size_t str_len, int suffix, cx_error **err) CX_NOEXCEPT;
cx_status cx_queryparser_add_string_range(cx_queryparser *qp, cx_valueno slot, const char *str,
                                          size_t str_len, int suffix, cx_error **err) CX_NOEXCEPT;
/* Parses `text` with CX_QP_FLAG_* `flags`. Statuses: CX_QUERY_PARSER for a syntax error
 * (message from Xapian), ... `*out` is owned by the caller. */
cx_status cx_queryparser_parse(cx_queryparser *qp, const char *text, size_t text_len,
                               unsigned int flags, const char *default_prefix,
                               size_t default_prefix_len, cx_query **out, cx_error **err) CX_NOEXCEPT;
/* get_corrected_query_string() ("" when none). `*out` is owned by the caller. */
cx_status cx_queryparser_corrected_query(const cx_queryparser *qp, char **out, size_t *out_len,
                                         cx_error **err) CX_NOEXCEPT;
void cx_queryparser_free(cx_queryparser *qp) CX_NOEXCEPT;

/* ---- cx_valuecount_spy: Xapian::ValueCountMatchSpy ---------------------------------------- */
typedef struct cx_valuecount_spy cx_valuecount_spy;
cx_status cx_valuecount_spy_new(cx_valueno slot, cx_valuecount_spy **out, cx_error **err) CX_NOEXCEPT;
/* Documents seen (get_total). */
cx_status cx_valuecount_spy_total(const cx_valuecount_spy *spy, uint64_t *out, cx_error **err) CX_NOEXCEPT;
/* The `limit` most frequent values (top_values_begin), counts as count. `*out` owned by caller. */
cx_status cx_valuecount_spy_top_values(const cx_valuecount_spy *spy, size_t limit,
                                       cx_termlist **out, cx_error **err) CX_NOEXCEPT;
/* All values in byte order (values_begin), counts as count. `*out` owned by caller. */
cx_status cx_valuecount_spy_values(const cx_valuecount_spy *spy, cx_termlist **out,
                                   cx_error **err) CX_NOEXCEPT;
void cx_valuecount_spy_free(cx_valuecount_spy *spy) CX_NOEXCEPT;

/* ---- cx_multivalue_spy: counts several values kept in one slot ----------------------------
 * A Xapian::MatchSpy of our own: `packed_slot` holds a document's values one after another, each
 * as its length (unsigned LEB128) then its bytes; each value is counted once per occurrence
 * (CX_BAD_VALUENO: none); with `only_first_bytes`, only those whose first byte is one of
 * `first_bytes`. The whole value of each of `whole_slots` is counted as well, each slot apart,
 * as Xapian's ValueCountMatchSpy counts it but for the empty value, counted too (the documents
 * without one). Not serialisable, so it cannot run on remote shards (count with one
 * cx_valuecount_spy per slot there). */
typedef struct cx_multivalue_spy cx_multivalue_spy;
cx_status cx_multivalue_spy_new(cx_valueno packed_slot, const cx_valueno *whole_slots, size_t whole_count,
                                int only_first_bytes, const unsigned char *first_bytes, size_t first_byte_count,
                                cx_multivalue_spy **out, cx_error **err) CX_NOEXCEPT;
/* Every value seen, in no particular order, counts as count: `counter` 0 for the packed slot's
 * values, k for the whole values of whole_slots[k - 1]. `*out` owned by caller. */
cx_status cx_multivalue_spy_values(const cx_multivalue_spy *spy, size_t counter, cx_termlist **out,
                                   cx_error **err) CX_NOEXCEPT;
/* Calls `visit(context, bytes, len, count)` for every value seen, in no particular order, as
 * cx_multivalue_spy_values lists them, without copying them: `bytes` is lent for the call only.
 * `visit` must not throw (a Swift caller keeps its error in `context`). */
typedef void (*cx_counted_value_visitor)(void *context, const char *bytes, size_t len, uint64_t count);
cx_status cx_multivalue_spy_visit(const cx_multivalue_spy *spy, size_t counter, cx_counted_value_visitor visit,
                                  void *context, cx_error **err) CX_NOEXCEPT;
/* The documents the spy has seen. */
uint64_t cx_multivalue_spy_documents(const cx_multivalue_spy *spy) CX_NOEXCEPT;
/* The distinct values of the packed slot the spy has seen. */
uint64_t cx_multivalue_spy_value_count(const cx_multivalue_spy *spy) CX_NOEXCEPT;
void cx_multivalue_spy_free(cx_multivalue_spy *spy) CX_NOEXCEPT;

/* ---- cx_enquire: Xapian::Enquire ---------------------------------------------------------- */
typedef struct cx_enquire cx_enquire;
typedef struct cx_mset cx_mset;
/* An enquire over `db` (shares its internals). `*out` is owned by the caller. */
cx_status cx_enquire_new(const cx_database *db, cx_enquire **out, cx_error **err) CX_NOEXCEPT;
/* Copies `q`. */
cx_status cx_enquire_set_query(cx_enquire *e, const cx_query *q, cx_error **err) CX_NOEXCEPT;
typedef enum cx_sort {
    CX_SORT_RELEVANCE,            /* set_sort_by_relevance */
    CX_SORT_VALUE,                /* set_sort_by_value */
    CX_SORT_VALUE_THEN_RELEVANCE, /* set_sort_by_value_then_relevance */
    CX_SORT_RELEVANCE_THEN_VALUE  /* set_sort_by_relevance_then_value */
} cx_sort;
/* Sets the order; `slot` and `reverse` (descending) are ignored for CX_SORT_RELEVANCE. */
cx_status cx_enquire_set_sort(cx_enquire *e, cx_sort sort, cx_valueno slot, int reverse,
                              cx_error **err) CX_NOEXCEPT;
/* set_weighting_scheme(Xapian::BoolWeight()): every match weighs 0. */
cx_status cx_enquire_set_boolean_weighting(cx_enquire *e, cx_error **err) CX_NOEXCEPT;
/* set_collapse_key; CX_BAD_VALUENO turns collapsing off. */
cx_status cx_enquire_set_collapse_key(cx_enquire *e, cx_valueno slot, unsigned int max,
                                      cx_error **err) CX_NOEXCEPT;
/* Keeps a pointer to `spy`: keep it alive until cx_enquire_clear_matchspies or
 * cx_enquire_free. */
cx_status cx_enquire_add_matchspy(cx_enquire *e, cx_valuecount_spy *spy, cx_error **err) CX_NOEXCEPT;
/* The same for a cx_multivalue_spy. */
cx_status cx_enquire_add_multivalue_spy(cx_enquire *e, cx_multivalue_spy *spy, cx_error **err) CX_NOEXCEPT;
cx_status cx_enquire_clear_matchspies(cx_enquire *e, cx_error **err) CX_NOEXCEPT;
/* Runs the match (get_mset). Statuses: CX_DATABASE_MODIFIED (reopen and retry), ...
 * `*out` is owned by the caller and shares the enquire's state. */
cx_status cx_enquire_get_mset(cx_enquire *e, unsigned int first, unsigned int maxitems,
                              unsigned int checkatleast, cx_mset **out, cx_error **err) CX_NOEXCEPT;
void cx_enquire_free(cx_enquire *e) CX_NOEXCEPT;

/* ---- cx_mset: Xapian::MSet ---------------------------------------------------------------- */
typedef struct cx_mset_counts {
    uint64_t size, firstitem, estimated, lower_bound, upper_bound;
    uint64_t uncollapsed_estimated, uncollapsed_lower_bound, uncollapsed_upper_bound;
} cx_mset_counts;
/* size(), get_firstitem(), get_matches_estimated/lower_bound/upper_bound() and
 * get_uncollapsed_matches_estimated/lower_bound/upper_bound(). */
cx_status cx_mset_get_counts(const cx_mset *m, cx_mset_counts *out, cx_error **err) CX_NOEXCEPT;
typedef struct cx_mset_item {
    cx_docid docid;
    uint64_t rank;
    double weight;
    int percent;
    uint64_t collapse_count;
} cx_mset_item;
/* Item `i` (< size). Statuses: CX_RANGE for an index out of range, ... */
cx_status cx_mset_get_item(const cx_mset *m, size_t i, cx_mset_item *out, cx_error **err) CX_NOEXCEPT;
/* The document of item `i`. `*out` is owned by the caller. */
cx_status cx_mset_get_document(const cx_mset *m, size_t i, cx_document **out, cx_error **err) CX_NOEXCEPT;
#define CX_SNIPPET_BACKGROUND_MODEL 1
#define CX_SNIPPET_EXHAUSTIVE 2
#define CX_SNIPPET_EMPTY_WITHOUT_MATCH 4
#define CX_SNIPPET_CJK_NGRAM 2048
/* MSet::snippet(text, length, stemmer, flags, hi_start, hi_end, omit); `stem` NULL: none.
 * `*out` is owned by the caller (cx_bytes_free). */
cx_status cx_mset_snippet(const cx_mset *m, const char *text, size_t text_len, size_t length,
                          const cx_stem *stem, unsigned int flags, const char *hi_start,
                          size_t hi_start_len, const char *hi_end, size_t hi_end_len,
                          const char *omit, size_t omit_len, char **out, size_t *out_len,
                          cx_error **err) CX_NOEXCEPT;
void cx_mset_free(cx_mset *m) CX_NOEXCEPT;

/* ---- Sortable serialisation ---------------------------------------------------------------- */
/* Xapian::sortable_serialise(value). `*out` is owned by the caller (cx_bytes_free). */
cx_status cx_sortable_serialise(double value, char **out, size_t *out_len, cx_error **err) CX_NOEXCEPT;
/* Xapian::sortable_unserialise(bytes). Never fails. */
double cx_sortable_unserialise(const char *bytes, size_t len) CX_NOEXCEPT;

#ifdef __cplusplus
}
#endif

#endif /* CXAPIAN_H */

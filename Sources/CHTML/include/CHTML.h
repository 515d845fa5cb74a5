/* CHTML: a plain C API over libxml2's HTML parser.
 *
 * The only code in newsdex that includes libxml2's headers is CHTML.c. It parses a page with
 * libxml2's HTML parser (the parser under lxml, and so under trafilatura, readability-lxml and
 * newspaper) and hands the result back as flat arrays a caller can walk without calling back
 * into C: the nodes in document order, their attributes, and one byte buffer holding every
 * name, text and attribute value as UTF-8. It translates; it decides nothing about what a page
 * means (what is main text, what is a caption: that is Swift's, in Newsdex/Articles).
 *
 * Conventions (as CXapian's):
 *  - An opaque handle, `ch_<object>_<verb>` names, one `ch_document_free`, which accepts NULL.
 *  - Functions return a ch_status (CH_OK = 0) and write results through `T **out`.
 *  - Bytes cross as `const char *, size_t`. Strings handed out are not NUL-terminated: each is
 *    an (offset, length) into the document's byte buffer.
 *  - Thread-safe: documents may be parsed on several threads at once; one document is read by
 *    one thread at a time. libxml2 never prints: its errors and warnings are silenced.
 *  - libxml2 is opened (dlopen) on first use, not linked: a process that parses no page, such
 *    as every search, never loads it or the ICU it brings (a millisecond of each start).
 */
#ifndef CHTML_H
#define CHTML_H

#include <stddef.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

typedef enum ch_status {
    CH_OK = 0,
    CH_NO_MEMORY,          /* an allocation failed */
    CH_UNKNOWN_ENCODING,   /* libxml2 (with iconv) has no converter for the encoding named */
    CH_TOO_LARGE,          /* the input is over CH_MAX_INPUT bytes */
    CH_NOT_PARSED,         /* libxml2 could not start parsing (e.g. an empty input) */
    CH_NO_LIBRARY          /* libxml2 could not be loaded: see ch_library_load */
} ch_status;

/* The largest input ch_document_parse takes, in bytes (libxml2 counts in int). */
#define CH_MAX_INPUT 0x7fffffff

/* "No node": the parent of a top-level node. */
#define CH_NONE 0xffffffffu

typedef enum ch_node_kind {
    CH_ELEMENT = 1,  /* a tag; `name` is its name, lower case as libxml2 gives it */
    CH_TEXT = 2      /* character data (text, or the content of <script> and <style>) */
} ch_node_kind;

/* One node. Nodes are in document order (pre-order): a node's descendants are the nodes from
 * its index + 1 up to (not including) `end`, and its first child, when it has one, is at
 * index + 1. Comments, processing instructions and the doctype are left out. */
typedef struct ch_node {
    uint32_t kind;             /* a ch_node_kind */
    uint32_t parent;           /* the parent's index, or CH_NONE */
    uint32_t end;              /* one past the index of the node's last descendant */
    uint32_t name;             /* an element's name: an index into the name table */
    uint32_t text_offset;      /* a text node's content in the byte buffer (UTF-8) */
    uint32_t text_length;
    uint32_t first_attribute;  /* an element's attributes: [first, first + count) */
    uint32_t attribute_count;
} ch_node;

typedef struct ch_attribute {
    uint32_t name;             /* an index into the name table (lower case, as libxml2 gives it) */
    uint32_t value_offset;     /* the value in the byte buffer (UTF-8, entities decoded) */
    uint32_t value_length;
} ch_attribute;

/* An element or attribute name, each distinct name once per document. */
typedef struct ch_name {
    uint32_t offset;
    uint32_t length;
} ch_name;

typedef struct ch_document ch_document;

/* Loads libxml2 (ch_library_name(), the library of the headers compiled against) once per
 * process; later calls return the first call's answer. Returns 1 when it is loaded, else 0 and,
 * in `*reason` when not NULL, what the dynamic loader said (static storage). ch_document_parse
 * calls it itself; call it first to report a missing library before any work. */
int ch_library_load(const char **reason);

/* The file name ch_library_load opens ("libxml2.so.2"); static storage. */
const char *ch_library_name(void);

/* Parses `length` bytes of HTML.
 *
 * `encoding`: NULL lets libxml2 decide from what the page says (a byte order mark, <meta
 * charset> or http-equiv Content-Type), UTF-8 when it says nothing; otherwise an encoding name
 * libxml2 or iconv knows ("UTF-8", "windows-1252", "Shift_JIS"), which is then used whatever
 * the page says. Malformed markup is repaired as libxml2 repairs it; it is never an error.
 *
 * Returns CH_OK and a new document in `*out` (the caller frees it with ch_document_free),
 * CH_UNKNOWN_ENCODING, CH_TOO_LARGE, CH_NOT_PARSED, CH_NO_MEMORY or CH_NO_LIBRARY. `*out` is written only on
 * CH_OK. */
ch_status ch_document_parse(const char *bytes, size_t length, const char *encoding,
                            ch_document **out);

void ch_document_free(ch_document *document);

/* The nodes, `*count` of them; owned by the document, valid until it is freed. */
const ch_node *ch_document_nodes(const ch_document *document, size_t *count);

/* The attributes of every element, `*count` of them; owned by the document. */
const ch_attribute *ch_document_attributes(const ch_document *document, size_t *count);

/* The name table, `*count` names; owned by the document. */
const ch_name *ch_document_names(const ch_document *document, size_t *count);

/* The byte buffer every offset points into, `*length` bytes; owned by the document. */
const char *ch_document_bytes(const ch_document *document, size_t *length);

/* The encoding the page declared and libxml2 used when `encoding` was NULL ("windows-1252",
 * as the page spelled it), or NULL when it declared none or an encoding was given. A
 * NUL-terminated string owned by the document. */
const char *ch_document_declared_encoding(const ch_document *document);

/* Whether libxml2 met bytes that are not valid in the encoding it was reading. */
int ch_document_had_encoding_errors(const ch_document *document);

#ifdef __cplusplus
}
#endif

#endif /* CHTML_H */

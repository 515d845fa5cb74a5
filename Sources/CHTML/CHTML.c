/* CHTML: libxml2's HTML parser, driven through its SAX interface, writing the flat arrays
 * described in CHTML.h. No tree is built: libxml2 tokenizes, repairs the markup (implied and
 * misnested tags) and decodes the encoding; each callback appends to the arrays. */
#include "CHTML.h"

#include <libxml/HTMLparser.h>
#include <libxml/parserInternals.h>
#include <libxml/encoding.h>
#include <libxml/xmlerror.h>
#include <libxml/xmlversion.h>
#include <dlfcn.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

struct ch_document {
    ch_node *nodes;
    size_t node_count, node_capacity;
    ch_attribute *attributes;
    size_t attribute_count, attribute_capacity;
    ch_name *names;
    size_t name_count, name_capacity;
    char *bytes;
    size_t byte_count, byte_capacity;
    /* Open-addressing table from a name's bytes to its index in `names`; 0 = empty, else index + 1. */
    uint32_t *name_slots;
    size_t name_slot_count;
    /* The open elements, innermost last: indexes into `nodes`. */
    uint32_t *open;
    size_t open_count, open_capacity;
    /* The text node being extended by consecutive character callbacks, or CH_NONE. */
    uint32_t current_text;
    char *declared_encoding;
    int encoding_errors;
    int failed;  /* an allocation failed; the rest of the parse is ignored */
};

/* ---- libxml2, opened on first use ---------------------------------------------------------
 * Each function CHTML calls, through a pointer of the type its header declares. */

#define LIBXML2_FUNCTIONS(F)                                                                     \
    F(xmlInitParser) F(xmlFindCharEncodingHandler) F(xmlCharEncCloseFunc)                        \
    F(xmlSwitchToEncoding) F(xmlSetGenericErrorFunc) F(xmlSetStructuredErrorFunc)                \
    F(__xmlGenericError) F(__xmlGenericErrorContext) F(__xmlStructuredError)                     \
    F(__xmlStructuredErrorContext) F(htmlCreateMemoryParserCtxt) F(htmlCtxtUseOptions)           \
    F(htmlParseDocument) F(htmlFreeParserCtxt)

static struct {
#define F(name) __typeof__(name) *name;
    LIBXML2_FUNCTIONS(F)
#undef F
} libxml2;

/* libxml2 2.14 changed its ABI and its soname with it. */
#if LIBXML_VERSION >= 21400
static const char soname[] = "libxml2.so.16";
#else
static const char soname[] = "libxml2.so.2";
#endif

static pthread_once_t load_once = PTHREAD_ONCE_INIT;
static int loaded;
static char load_error[512];

static void load_libxml2(void) {
    void *library = dlopen(soname, RTLD_NOW | RTLD_LOCAL);
    if (!library) {
        const char *reason = dlerror();
        snprintf(load_error, sizeof load_error, "%s", reason ? reason : "dlopen failed");
        return;
    }
#define F(name)                                                                                  \
    if (!(libxml2.name = (__typeof__(name) *)dlsym(library, #name))) {                           \
        snprintf(load_error, sizeof load_error, "%s has no %s", soname, #name);                  \
        return;                                                                                  \
    }
    LIBXML2_FUNCTIONS(F)
#undef F
    libxml2.xmlInitParser();
    loaded = 1;
}

int ch_library_load(const char **reason) {
    pthread_once(&load_once, load_libxml2);
    if (reason) *reason = loaded ? NULL : load_error;
    return loaded;
}

const char *ch_library_name(void) { return soname; }

/* ---- Growing arrays ----------------------------------------------------------------------- */

static int grow(void **items, size_t *capacity, size_t needed, size_t size) {
    if (needed <= *capacity) return 1;
    size_t capacity_new = *capacity ? *capacity * 2 : 64;
    while (capacity_new < needed) capacity_new *= 2;
    void *items_new = realloc(*items, capacity_new * size);
    if (!items_new) return 0;
    *items = items_new;
    *capacity = capacity_new;
    return 1;
}

/* Appends bytes to the buffer; returns their offset, or -1 when out of memory or past 4 GiB. */
static int64_t append_bytes(ch_document *d, const char *bytes, size_t length) {
    if (d->byte_count + length > UINT32_MAX ||
        !grow((void **)&d->bytes, &d->byte_capacity, d->byte_count + length, 1)) {
        d->failed = 1;
        return -1;
    }
    int64_t offset = (int64_t)d->byte_count;
    if (length) memcpy(d->bytes + d->byte_count, bytes, length);
    d->byte_count += length;
    return offset;
}

static uint64_t fnv1a(const char *bytes, size_t length) {
    uint64_t hash = 0xcbf29ce484222325ull;
    for (size_t i = 0; i < length; i++) {
        hash ^= (unsigned char)bytes[i];
        hash *= 0x100000001b3ull;
    }
    return hash;
}

/* The index of a name in the name table, adding it the first time; CH_NONE when out of memory. */
static uint32_t intern(ch_document *d, const char *name) {
    size_t length = strlen(name);
    if ((d->name_count + 1) * 2 > d->name_slot_count) {
        size_t count = d->name_slot_count ? d->name_slot_count * 2 : 128;
        uint32_t *slots = calloc(count, sizeof(uint32_t));
        if (!slots) { d->failed = 1; return CH_NONE; }
        for (size_t i = 0; i < d->name_count; i++) {
            size_t slot = fnv1a(d->bytes + d->names[i].offset, d->names[i].length) & (count - 1);
            while (slots[slot]) slot = (slot + 1) & (count - 1);
            slots[slot] = (uint32_t)i + 1;
        }
        free(d->name_slots);
        d->name_slots = slots;
        d->name_slot_count = count;
    }
    size_t slot = fnv1a(name, length) & (d->name_slot_count - 1);
    while (d->name_slots[slot]) {
        const ch_name *existing = &d->names[d->name_slots[slot] - 1];
        if (existing->length == length && memcmp(d->bytes + existing->offset, name, length) == 0)
            return d->name_slots[slot] - 1;
        slot = (slot + 1) & (d->name_slot_count - 1);
    }
    if (!grow((void **)&d->names, &d->name_capacity, d->name_count + 1, sizeof(ch_name))) {
        d->failed = 1;
        return CH_NONE;
    }
    int64_t offset = append_bytes(d, name, length);
    if (offset < 0) return CH_NONE;
    d->names[d->name_count] = (ch_name){(uint32_t)offset, (uint32_t)length};
    d->name_slots[slot] = (uint32_t)d->name_count + 1;
    return (uint32_t)d->name_count++;
}

/* Appends a node as the last child of the innermost open element; returns its index or CH_NONE. */
static uint32_t append_node(ch_document *d, uint32_t kind) {
    if (d->node_count >= UINT32_MAX - 1 ||
        !grow((void **)&d->nodes, &d->node_capacity, d->node_count + 1, sizeof(ch_node))) {
        d->failed = 1;
        return CH_NONE;
    }
    uint32_t index = (uint32_t)d->node_count++;
    ch_node *node = &d->nodes[index];
    memset(node, 0, sizeof *node);
    node->kind = kind;
    node->parent = d->open_count ? d->open[d->open_count - 1] : CH_NONE;
    node->end = index + 1;
    return index;
}

/* ---- SAX callbacks ------------------------------------------------------------------------ */

static void on_start_element(void *context, const xmlChar *name, const xmlChar **attributes) {
    xmlParserCtxtPtr parser = context;
    ch_document *d = parser->_private;
    if (d->failed) return;
    d->current_text = CH_NONE;
    uint32_t name_index = intern(d, (const char *)name);
    if (name_index == CH_NONE) return;
    uint32_t index = append_node(d, CH_ELEMENT);
    if (index == CH_NONE) return;
    d->nodes[index].name = name_index;
    d->nodes[index].first_attribute = (uint32_t)d->attribute_count;
    for (size_t i = 0; attributes && attributes[i]; i += 2) {
        if (!grow((void **)&d->attributes, &d->attribute_capacity, d->attribute_count + 1,
                  sizeof(ch_attribute))) {
            d->failed = 1;
            return;
        }
        uint32_t attribute_name = intern(d, (const char *)attributes[i]);
        /* A bare attribute (<input disabled>) has no value: it reads as "". */
        const char *value = attributes[i + 1] ? (const char *)attributes[i + 1] : "";
        int64_t offset = append_bytes(d, value, strlen(value));
        if (attribute_name == CH_NONE || offset < 0) return;
        d->attributes[d->attribute_count++] =
            (ch_attribute){attribute_name, (uint32_t)offset, (uint32_t)strlen(value)};
        d->nodes[index].attribute_count++;
    }
    if (!grow((void **)&d->open, &d->open_capacity, d->open_count + 1, sizeof(uint32_t))) {
        d->failed = 1;
        return;
    }
    d->open[d->open_count++] = index;
}

static void on_end_element(void *context, const xmlChar *name) {
    (void)name;
    xmlParserCtxtPtr parser = context;
    ch_document *d = parser->_private;
    if (d->failed || d->open_count == 0) return;
    d->current_text = CH_NONE;
    uint32_t index = d->open[--d->open_count];
    d->nodes[index].end = (uint32_t)d->node_count;
}

static void on_characters(void *context, const xmlChar *characters, int length) {
    xmlParserCtxtPtr parser = context;
    ch_document *d = parser->_private;
    if (d->failed || length <= 0) return;
    /* libxml2 hands a run of text over in pieces; the pieces of one run make one node, and the
     * bytes of consecutive pieces are adjacent in the buffer (nothing else is appended between). */
    if (d->current_text != CH_NONE) {
        int64_t offset = append_bytes(d, (const char *)characters, (size_t)length);
        if (offset >= 0) d->nodes[d->current_text].text_length += (uint32_t)length;
        return;
    }
    uint32_t index = append_node(d, CH_TEXT);
    if (index == CH_NONE) return;
    int64_t offset = append_bytes(d, (const char *)characters, (size_t)length);
    if (offset < 0) return;
    d->nodes[index].text_offset = (uint32_t)offset;
    d->nodes[index].text_length = (uint32_t)length;
    d->current_text = index;
}

/* libxml2 reports encoding problems through the parser's structured error channel (bytes that
 * are not valid in the encoding) and through the thread's generic channel (iconv failures).
 * Both are counted; nothing is printed. */
static void on_structured_error(void *context, xmlErrorPtr error) {
    ch_document *d = context;
    if (!error) return;
    if (error->domain == XML_FROM_I18N || error->code == XML_ERR_INVALID_ENCODING ||
        error->code == XML_ERR_INVALID_CHAR)
        d->encoding_errors++;
}

static void on_generic_error(void *context, const char *message, ...) {
    (void)message;
    ch_document *d = context;
    if (d) d->encoding_errors++;
}

static void on_structured_error_from_parser(void *context, xmlErrorPtr error) {
    xmlParserCtxtPtr parser = context;
    on_structured_error(parser->_private, error);
}

/* ---- Public API --------------------------------------------------------------------------- */

ch_status ch_document_parse(const char *bytes, size_t length, const char *encoding,
                            ch_document **out) {
    if (!ch_library_load(NULL)) return CH_NO_LIBRARY;
    if (length > CH_MAX_INPUT) return CH_TOO_LARGE;
    if (length == 0) return CH_NOT_PARSED;
    xmlCharEncodingHandlerPtr handler = NULL;
    if (encoding) {
        handler = libxml2.xmlFindCharEncodingHandler(encoding);
        if (!handler) return CH_UNKNOWN_ENCODING;
    }
    ch_document *d = calloc(1, sizeof *d);
    if (!d) {
        if (handler) libxml2.xmlCharEncCloseFunc(handler);
        return CH_NO_MEMORY;
    }
    d->current_text = CH_NONE;

    /* libxml2's error channels are per thread: silence them for this parse, then restore them. */
    xmlGenericErrorFunc generic_before = *libxml2.__xmlGenericError();
    void *generic_context_before = *libxml2.__xmlGenericErrorContext();
    xmlStructuredErrorFunc structured_before = *libxml2.__xmlStructuredError();
    void *structured_context_before = *libxml2.__xmlStructuredErrorContext();
    libxml2.xmlSetGenericErrorFunc(d, on_generic_error);
    libxml2.xmlSetStructuredErrorFunc(d, on_structured_error);

    ch_status status = CH_OK;
    htmlParserCtxtPtr parser = libxml2.htmlCreateMemoryParserCtxt(bytes, (int)length);
    if (!parser) {
        status = CH_NOT_PARSED;
    } else {
        parser->_private = d;
        xmlSAXHandlerPtr sax = parser->sax;
        memset(sax, 0, sizeof *sax);
        /* The SAX2 magic routes errors to `serror`; the HTML parser still calls the SAX1
         * startElement/endElement it always calls. */
        sax->initialized = XML_SAX2_MAGIC;
        sax->startElement = on_start_element;
        sax->endElement = on_end_element;
        sax->characters = on_characters;
        sax->cdataBlock = on_characters;
        sax->ignorableWhitespace = on_characters;
        sax->serror = on_structured_error_from_parser;
        parser->userData = parser;
        int options = HTML_PARSE_RECOVER | HTML_PARSE_NONET | HTML_PARSE_NODEFDTD;
        if (handler) options |= HTML_PARSE_IGNORE_ENC;
        libxml2.htmlCtxtUseOptions(parser, options);
        if (handler) {
            libxml2.xmlSwitchToEncoding(parser, handler);
            handler = NULL;  /* the parser owns it now */
        }
        libxml2.htmlParseDocument(parser);
        if (!encoding && parser->input && parser->input->encoding)
            d->declared_encoding = strdup((const char *)parser->input->encoding);
        else if (!encoding && parser->encoding)
            d->declared_encoding = strdup((const char *)parser->encoding);
        parser->_private = NULL;
        libxml2.htmlFreeParserCtxt(parser);
    }
    if (handler) libxml2.xmlCharEncCloseFunc(handler);

    libxml2.xmlSetGenericErrorFunc(generic_context_before, generic_before);
    libxml2.xmlSetStructuredErrorFunc(structured_context_before, structured_before);

    if (status == CH_OK && d->failed) status = CH_NO_MEMORY;
    if (status != CH_OK) {
        ch_document_free(d);
        return status;
    }
    /* Elements left open at the end of the input end with it. */
    while (d->open_count) d->nodes[d->open[--d->open_count]].end = (uint32_t)d->node_count;
    *out = d;
    return CH_OK;
}

void ch_document_free(ch_document *d) {
    if (!d) return;
    free(d->nodes);
    free(d->attributes);
    free(d->names);
    free(d->bytes);
    free(d->name_slots);
    free(d->open);
    free(d->declared_encoding);
    free(d);
}

const ch_node *ch_document_nodes(const ch_document *d, size_t *count) {
    *count = d->node_count;
    return d->nodes;
}

const ch_attribute *ch_document_attributes(const ch_document *d, size_t *count) {
    *count = d->attribute_count;
    return d->attributes;
}

const ch_name *ch_document_names(const ch_document *d, size_t *count) {
    *count = d->name_count;
    return d->names;
}

const char *ch_document_bytes(const ch_document *d, size_t *length) {
    *length = d->byte_count;
    return d->bytes;
}

const char *ch_document_declared_encoding(const ch_document *d) { return d->declared_encoding; }

int ch_document_had_encoding_errors(const ch_document *d) { return d->encoding_errors > 0; }

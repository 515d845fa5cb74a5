/* CZlib: a plain C API over zlib's gzip reading and writing.
 *
 * The only code in newsdex that includes <zlib.h> is CZlib.c. Foundation on Linux cannot
 * inflate gzip, and web archives (*.warc.gz) are gzip: one member per record, as Common Crawl
 * writes them, or one member for the whole file. This inflates member by member, so the caller
 * knows where each member starts and ends; what a member holds is the caller's business.
 *
 * Conventions (as CXapian's): an opaque handle, `cz_<object>_<verb>` names, one free function
 * per type (accepting NULL), a cz_status return (CZ_OK = 0), results through out-parameters.
 */
#ifndef CZLIB_H
#define CZLIB_H

#include <stddef.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

typedef enum cz_status {
    CZ_OK = 0,
    CZ_DATA_ERROR,   /* the input is not gzip, or is corrupt (zlib's Z_DATA_ERROR, Z_NEED_DICT) */
    CZ_NO_MEMORY     /* zlib could not allocate (Z_MEM_ERROR) */
} cz_status;

/* What an inflater reads. */
typedef enum cz_format {
    CZ_GZIP = 0,          /* gzip members (RFC 1952): web archives, Content-Encoding: gzip */
    CZ_ZLIB_OR_GZIP = 1,  /* a zlib stream (RFC 1950) or a gzip member, told by its header */
    CZ_RAW_DEFLATE = 2    /* deflate data without a header (RFC 1951), as some servers send it */
} cz_format;

/* Inflates members of `format`, one after another. Not thread-safe: one thread per inflater. */
typedef struct cz_inflater cz_inflater;

/* A new inflater, ready for a member's first byte, in `*out` (free it with cz_inflater_free).
 * Returns CZ_OK or CZ_NO_MEMORY. */
cz_status cz_inflater_new(cz_format format, cz_inflater **out);

void cz_inflater_free(cz_inflater *inflater);

/* Inflates from `input` into `output` as far as either allows. `*consumed` receives the input
 * bytes used and `*produced` the output bytes written (both may be 0 when zlib needs more input
 * or more room). `*member_ended` receives 1 when the current member ended within this call: the
 * input after `*consumed` is not part of it, and the inflater must be reset before the next
 * member; else 0. Returns CZ_OK, CZ_DATA_ERROR (then the member is unreadable from here: reset
 * before trying another) or CZ_NO_MEMORY. */
cz_status cz_inflater_inflate(cz_inflater *inflater, const uint8_t *input, size_t input_length,
                              uint8_t *output, size_t output_capacity, size_t *consumed,
                              size_t *produced, int *member_ended);

/* Readies the inflater for a new member's first byte. Returns CZ_OK or CZ_NO_MEMORY. */
cz_status cz_inflater_reset(cz_inflater *inflater);

/* Compresses `length` bytes as one gzip member at zlib's default level. On CZ_OK, `*out` is a
 * malloc'd buffer of `*out_length` bytes that the caller frees with cz_bytes_free. Returns CZ_OK
 * or CZ_NO_MEMORY. */
cz_status cz_gzip(const uint8_t *input, size_t length, uint8_t **out, size_t *out_length);

void cz_bytes_free(uint8_t *bytes);

#ifdef __cplusplus
}
#endif

#endif /* CZLIB_H */

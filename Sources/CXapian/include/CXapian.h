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
cx_status cx_error_status(const cx_error *err);
/* The message: NUL-terminated, owned by `err`, valid until cx_error_free(err). */
const char *cx_error_message(const cx_error *err);
void cx_error_free(cx_error *err);

/* The version of the Xapian library linked, e.g. "1.4.22". Static storage; never fails. */
const char *cx_version_string(void);

#ifdef __cplusplus
}
#endif

#endif /* CXAPIAN_H */

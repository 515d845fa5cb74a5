// The implementation of CXapian.h: the only file in newsdex that includes <xapian.h>.
#include "CXapian.h"

#include <xapian.h>

#include <new>
#include <string>

struct cx_error {
    cx_status status;
    std::string message;
};

extern "C" cx_status cx_error_status(const cx_error *err) { return err ? err->status : CX_OK; }

extern "C" const char *cx_error_message(const cx_error *err) { return err ? err->message.c_str() : ""; }

extern "C" void cx_error_free(cx_error *err) { delete err; }

extern "C" const char *cx_version_string(void) { return Xapian::version_string(); }

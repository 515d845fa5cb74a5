/* The libxml2 headers CHTML uses; see module.modulemap. */
#include <libxml/HTMLparser.h>
#include <libxml/parserInternals.h>
#include <libxml/encoding.h>

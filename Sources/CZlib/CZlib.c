/* CZlib: zlib's inflate (gzip, zlib or raw deflate) and deflate (gzip), as CZlib.h describes. */
#include "CZlib.h"

#include <stdlib.h>
#include <string.h>
#include <zlib.h>

struct cz_inflater {
    z_stream stream;
};

/* zlib counts in uInt: larger buffers are handed over in pieces of at most this many bytes. */
static const size_t piece = 1u << 30;

cz_status cz_inflater_new(cz_format format, cz_inflater **out) {
    cz_inflater *inflater = calloc(1, sizeof *inflater);
    if (!inflater) return CZ_NO_MEMORY;
    int window_bits = format == CZ_RAW_DEFLATE ? -15 : format == CZ_ZLIB_OR_GZIP ? 15 + 32 : 15 + 16;
    if (inflateInit2(&inflater->stream, window_bits) != Z_OK) {
        free(inflater);
        return CZ_NO_MEMORY;
    }
    *out = inflater;
    return CZ_OK;
}

void cz_inflater_free(cz_inflater *inflater) {
    if (!inflater) return;
    inflateEnd(&inflater->stream);
    free(inflater);
}

cz_status cz_inflater_inflate(cz_inflater *inflater, const uint8_t *input, size_t input_length,
                              uint8_t *output, size_t output_capacity, size_t *consumed,
                              size_t *produced, int *member_ended) {
    z_stream *stream = &inflater->stream;
    stream->next_in = (Bytef *)input;
    stream->avail_in = (uInt)(input_length < piece ? input_length : piece);
    stream->next_out = output;
    stream->avail_out = (uInt)(output_capacity < piece ? output_capacity : piece);
    uInt in_before = stream->avail_in, out_before = stream->avail_out;
    int result = inflate(stream, Z_NO_FLUSH);
    *consumed = in_before - stream->avail_in;
    *produced = out_before - stream->avail_out;
    *member_ended = result == Z_STREAM_END;
    switch (result) {
    case Z_OK:
    case Z_STREAM_END:
    case Z_BUF_ERROR: /* no progress possible: more input or more room is needed */
        return CZ_OK;
    case Z_MEM_ERROR:
        return CZ_NO_MEMORY;
    default: /* Z_DATA_ERROR, Z_NEED_DICT, Z_STREAM_ERROR */
        return CZ_DATA_ERROR;
    }
}

cz_status cz_inflater_reset(cz_inflater *inflater) {
    return inflateReset(&inflater->stream) == Z_OK ? CZ_OK : CZ_NO_MEMORY;
}

cz_status cz_gzip(const uint8_t *input, size_t length, uint8_t **out, size_t *out_length) {
    z_stream stream;
    memset(&stream, 0, sizeof stream);
    if (deflateInit2(&stream, Z_DEFAULT_COMPRESSION, Z_DEFLATED, 15 + 16, 8, Z_DEFAULT_STRATEGY) != Z_OK)
        return CZ_NO_MEMORY;
    size_t capacity = deflateBound(&stream, (uLong)length) + 32;
    uint8_t *buffer = malloc(capacity);
    if (!buffer) {
        deflateEnd(&stream);
        return CZ_NO_MEMORY;
    }
    stream.next_out = buffer;
    size_t remaining = length;
    const uint8_t *next = input;
    int result;
    do {
        size_t take = remaining < piece ? remaining : piece;
        stream.next_in = (Bytef *)next;
        stream.avail_in = (uInt)take;
        stream.avail_out = (uInt)((capacity - stream.total_out) < piece ? capacity - stream.total_out : piece);
        remaining -= take;
        next += take;
        result = deflate(&stream, remaining ? Z_NO_FLUSH : Z_FINISH);
    } while (result == Z_OK || (result == Z_BUF_ERROR && remaining));
    size_t total = stream.total_out;
    deflateEnd(&stream);
    if (result != Z_STREAM_END) {
        free(buffer);
        return CZ_NO_MEMORY;
    }
    *out = buffer;
    *out_length = total;
    return CZ_OK;
}

void cz_bytes_free(uint8_t *bytes) { free(bytes); }

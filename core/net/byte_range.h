#pragma once
// ByteRange: the one byte range of an HTTP "Range" request header (RFC 9110 14.1.2) within a
// resource of known size, for the server's file downloads (export files): "bytes=a-b",
// "bytes=a-" and "bytes=-n". Anything else (several ranges, other units, a range past the end,
// garbage) is nullopt, and the server then sends the whole resource, which the RFC allows.

#include <QByteArrayView>
#include <optional>

namespace vigil::core::net {

struct ByteRange {
    qint64 first = 0;  // inclusive
    qint64 last = 0;   // inclusive; first <= last < size

    qint64 length() const { return last - first + 1; }

    static std::optional<ByteRange> parse(QByteArrayView header, qint64 size);
};

}  // namespace vigil::core::net

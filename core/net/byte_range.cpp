#include "net/byte_range.h"

#include <QByteArray>
#include <algorithm>

namespace vigil::core::net {

namespace {

// A non-empty run of ASCII digits that fits in qint64; nullopt otherwise (signs, spaces, overflow).
std::optional<qint64> number(QByteArrayView text) {
    if (text.isEmpty() || text.size() > 18) {
        return std::nullopt;
    }
    qint64 value = 0;
    for (char c : text) {
        if (c < '0' || c > '9') {
            return std::nullopt;
        }
        value = value * 10 + (c - '0');
    }
    return value;
}

}  // namespace

std::optional<ByteRange> ByteRange::parse(QByteArrayView header, qint64 size) {
    const QByteArray value = header.toByteArray().trimmed();
    if (size <= 0 || !value.startsWith("bytes=") || value.contains(',')) {
        return std::nullopt;
    }
    const QByteArrayView spec = QByteArrayView(value).sliced(6);
    const qsizetype dash = spec.indexOf('-');
    if (dash < 0) {
        return std::nullopt;
    }
    const QByteArrayView firstText = spec.first(dash);
    const QByteArrayView lastText = spec.sliced(dash + 1);
    if (firstText.isEmpty()) {  // the last n bytes
        const auto suffix = number(lastText);
        if (!suffix || *suffix == 0) {
            return std::nullopt;
        }
        return ByteRange{std::max<qint64>(0, size - *suffix), size - 1};
    }
    const auto first = number(firstText);
    if (!first || *first >= size) {
        return std::nullopt;
    }
    if (lastText.isEmpty()) {
        return ByteRange{*first, size - 1};
    }
    const auto last = number(lastText);
    if (!last || *last < *first) {
        return std::nullopt;
    }
    return ByteRange{*first, std::min(*last, size - 1)};
}

}  // namespace vigil::core::net

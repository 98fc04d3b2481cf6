#include "accounts/address_filter_settings.h"

#include <QJsonArray>
#include <QJsonDocument>

#include "model/json_fields.h"

namespace vigil::server {

using core::Error;
using core::Result;
using core::Status;
using core::model::FieldReader;
using core::net::AddressFilter;

namespace {

const QString kContext = QStringLiteral("address filter");

Result<AddressFilter> read(FieldReader& reader) {
    const QString modeName = reader.string(QStringLiteral("mode"));
    const QStringList entries = reader.stringList(QStringLiteral("entries"));
    if (!reader.ok()) {
        return reader.error();
    }
    auto mode = AddressFilter::parseMode(modeName);
    if (!mode) {
        return FieldReader::badRequest(kContext, QStringLiteral("mode"),
                                       QStringLiteral("is \"%1\"; use off, allow or deny").arg(modeName));
    }
    auto filter = AddressFilter::create(mode.value(), entries);
    if (!filter) {
        // The filter's own error lists every bad entry; the API answers it as a bad request.
        return Error::make(QStringLiteral("bad_request"), filter.error().message);
    }
    return filter;
}

}  // namespace

Result<AddressFilterSettings::Change> AddressFilterSettings::fromRequest(const QJsonObject& body) {
    FieldReader reader(body, kContext, FieldReader::Mode::Request);
    Change change;
    if (reader.has(QStringLiteral("confirm"))) {
        change.confirm = reader.boolean(QStringLiteral("confirm"));
    }
    auto filter = read(reader);
    if (!filter) {
        return filter.error();
    }
    if (!reader.finish()) {
        return reader.error();
    }
    change.filter = filter.value();
    return change;
}

Result<AddressFilter> AddressFilterSettings::fromStored(const QString& text) {
    FieldReader reader(QJsonDocument::fromJson(text.toUtf8()).object(), kContext);
    auto filter = read(reader);
    if (!filter) {
        return Error::make(
            QStringLiteral("address_filter_unreadable"),
            QStringLiteral("The stored address filter cannot be read (%1). Set it again in the "
                           "security settings.")
                .arg(filter.error().message));
    }
    return filter;
}

QJsonObject AddressFilterSettings::toJson(const AddressFilter& filter) {
    return QJsonObject{{QStringLiteral("mode"), AddressFilter::modeName(filter.mode())},
                       {QStringLiteral("entries"), QJsonArray::fromStringList(filter.entries())}};
}

QString AddressFilterSettings::toStored(const AddressFilter& filter) {
    return QString::fromUtf8(QJsonDocument(toJson(filter)).toJson(QJsonDocument::Compact));
}

Status AddressFilterSettings::checkSelfLockOut(const AddressFilter& filter, const QHostAddress& requester,
                                               bool confirm) {
    if (confirm || !filter.wouldLockOut(requester)) {
        return {};
    }
    const auto entry = filter.matchingEntry(requester);
    const QString why = entry ? QStringLiteral("the deny list holds %1").arg(*entry)
                              : QStringLiteral("the allow list does not hold it");
    return Error::make(QStringLiteral("would_lock_out_self"),
                       QStringLiteral("This filter would refuse %1, the address you are connected from (%2), "
                                      "and end your access. Send it again with \"confirm\": true if that "
                                      "is what you want.")
                           .arg(requester.toString(), why));
}

}  // namespace vigil::server

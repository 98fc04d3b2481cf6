#pragma once
// Reading a server's JSON answers into the API model (T::fromJson), shared by ApiClient and the
// endpoint groups kept in their own files (client/*_api.cpp). A wrong shape becomes an Error that
// says the server is not what the client expects.

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QList>

#include "common/result.h"

namespace vigil::core::client {

template <typename T>
Result<T> parseObject(const Result<QJsonDocument>& document) {
    if (!document) {
        return document.error();
    }
    if (!document->isObject()) {
        return Error::make(
            QStringLiteral("api_bad_response"),
            QStringLiteral("The server answered with something other than a JSON object. Check "
                           "that the address points at a Vigil server of a compatible version."));
    }
    return T::fromJson(document->object());
}

// A list under `key` of an object answer, each element read with T::fromJson.
template <typename T>
Result<QList<T>> parseList(const Result<QJsonDocument>& document, const QString& key) {
    if (!document) {
        return document.error();
    }
    const QJsonValue list = document->object().value(key);
    if (!list.isArray()) {
        return Error::make(QStringLiteral("api_bad_response"),
                           QStringLiteral("The server's answer has no \"%1\" list. Check that it runs a "
                                          "compatible Vigil version.")
                               .arg(key));
    }
    QList<T> items;
    for (const QJsonValue& value : list.toArray()) {
        auto item = T::fromJson(value.toObject());
        if (!item) {
            return item.error();
        }
        items.append(std::move(item).value());
    }
    return items;
}

}  // namespace vigil::core::client

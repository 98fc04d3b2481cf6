#pragma once
// AddressFilterSettings: the platform's address filter (SEC-2.5) as the API and the settings table
// hold it, {"mode": "off"|"allow"|"deny", "entries": [...]}, and the rule that keeps an administrator
// from locking themselves out by mistake (409 would_lock_out_self unless "confirm": true).
// docs/design/accounts.md describes the routes; AccountsService stores and logs the changes.

#include <QHostAddress>
#include <QJsonObject>

#include "common/result.h"
#include "net/address_filter.h"

namespace vigil::server {

class AddressFilterSettings {
public:
    // A PUT body: the filter it asks for and whether the caller confirmed a self lock-out.
    struct Change {
        core::net::AddressFilter filter;
        bool confirm = false;
    };

    // Strict like every request: unknown fields are refused, and every bad entry is named at once.
    static core::Result<Change> fromRequest(const QJsonObject& body);
    // The stored document; a document that no longer parses is an error naming the setting.
    static core::Result<core::net::AddressFilter> fromStored(const QString& text);

    static QJsonObject toJson(const core::net::AddressFilter& filter);
    static QString toStored(const core::net::AddressFilter& filter);

    // Refuses a filter that would refuse `requester`, the address the change comes from, unless the
    // caller confirmed it: the error is would_lock_out_self and names the entry (or the allow list)
    // that would shut them out.
    static core::Status checkSelfLockOut(const core::net::AddressFilter& filter,
                                         const QHostAddress& requester, bool confirm);
};

}  // namespace vigil::server

#pragma once
// DisplayFormat: how the workstation shows and reads times. The wire carries UTC milliseconds; people
// see and type local time, "yyyy-MM-dd" or "yyyy-MM-dd HH:mm".

#include <QString>
#include <optional>

namespace vigil::app {

class DisplayFormat {
public:
    static constexpr auto kDate = "yyyy-MM-dd";
    static constexpr auto kDateTime = "yyyy-MM-dd HH:mm";
    static constexpr auto kDateTimeSeconds = "yyyy-MM-dd HH:mm:ss";

    // `empty` for 0 (the API's "none").
    static QString date(qint64 utcMs, const QString& empty = {});
    static QString dateTime(qint64 utcMs, const QString& empty = {});
    static QString dateTimeSeconds(qint64 utcMs);
    // "3 min ago", "2 h ago", else the date and time.
    static QString ago(qint64 utcMs, qint64 nowMs);

    // Local "yyyy-MM-dd" or "yyyy-MM-dd HH:mm" to UTC ms. Blank: 0. A bare date means its first
    // millisecond, or with `endOfDay` its last. Not a date: nullopt.
    static std::optional<qint64> parse(const QString& text, bool endOfDay = false);
};

}  // namespace vigil::app

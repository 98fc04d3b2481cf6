#pragma once
// SegmentLayout: where a segment file lives inside a storage location, and back.
//   <channel>/<stream>/<YYYY-MM-DD>/<HH-MM-SS.mmm>.ts     (UTC date and time of the start)
// The name is the segment's start in UTC ms, which is also the time of the file's time 0
// (SegmentWriter), so a file found on disk without its index row can be indexed from its path.
// Channel ids that are not plain [A-Za-z0-9._-] are percent-encoded so no id can climb out of
// the location ("..", "/").

#include <QString>
#include <optional>

namespace vigil::server {

struct SegmentName {
    QString channelId;
    QString stream;  // main | sub
    qint64 startMs = 0;
};

class SegmentLayout {
public:
    static QString relativePath(const SegmentName& name);
    static std::optional<SegmentName> parse(const QString& relativePath);
    static QString channelFolder(const QString& channelId);  // the encoded first path element
};

}  // namespace vigil::server

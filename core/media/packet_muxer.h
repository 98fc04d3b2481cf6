#pragma once
// PacketMuxer: camera packets into a container without decoding (remux, never transcode). MPEG-TS
// for recording segments (SegmentWriter) and for live and archive streams to viewers
// (server/delivery), MP4 for exports. The one place in core/media that drives FFmpeg's muxers, so
// track selection, timestamp mapping and the "time must go forward" rule are written once.
//
// Time: container time = UTC - originUs + offsetUs, with packets earlier than the origin clamped
// to it. MPEG-TS counts in 90 kHz and wraps after 26.5 hours, so UTC itself cannot be written:
// each file or stream has its origin (SegmentWriter: the segment's name time; a live stream: its
// first packet), and whoever reads the container maps back with the same origin.
//
// Output: a Sink (bytes in order, pushed when FFmpeg's buffer fills or on flush()) or a file
// (MP4: the muxer seeks back to finish its index, and faststart rewrites the file once at the
// end, so it needs a real file).
//
// Tracks a container cannot carry (G.711 audio, MJPEG video, ...) are left out and listed in
// skippedTracks(); a muxer needs at least one track. What MP4 needs in its header and a stream's
// description may lack (a recorded MPEG-TS states neither picture size nor sample rate) is read
// from the first packets without decoding; they wait for it (at most kMaxHeldUs of media).

#include <QByteArrayView>
#include <QList>
#include <QString>
#include <QStringList>
#include <functional>
#include <memory>
#include <utility>

#include "common/result.h"
#include "media/media_packet.h"

namespace vigil::core::media {

class PacketMuxer {
public:
    enum class Format {
        MpegTs,  // self-contained 188-byte packets: survives a cut anywhere, joins anywhere
        Mp4,     // ISO BMFF with the index at the front (faststart): exports
    };

    struct Options {
        Format format = Format::MpegTs;
        qint64 originUs = 0;  // the UTC time container time `offsetUs` stands for
        qint64 offsetUs = 0;  // MPEG-TS: room for PCR to lead DTS and for early audio
        // Packets go through FFmpeg's interleaving queue (files: tracks in DTS order); without it
        // each packet is written at once (live: nothing waits for the slower track).
        bool interleave = false;
        // Container-level tags ("creation_time" as ISO 8601 UTC, "title", "comment", ...).
        QList<std::pair<QString, QString>> metadata;
    };

    // What became of a packet given to write().
    struct Placement {
        bool stored = false;         // false: its track is not in the container
        bool videoKeyframe = false;  // a keyframe of the first video track
        qint64 dtsUs = 0;            // its DTS as the container holds it, back in UTC µs
        qint64 byteOffset = 0;       // bytes written before it (the container's own position)
    };

    // Receives the container's bytes in order; an error fails the write that caused it and is
    // returned from it unchanged (the sink knows what its output is and what to do about it).
    using Sink = std::function<Status(QByteArrayView bytes)>;

    // The muxer's own failures: code kFailed, message the bare cause ("Invalid argument", "out of
    // memory"); callers put it in a sentence that names their output.
    static inline const QString kFailed = QStringLiteral("mux_failed");
    static inline const QString kNoTracks = QStringLiteral("mux_no_tracks");  // message lists the tracks

    static bool canCarry(Format format, const TrackInfo& track);

    static Result<std::unique_ptr<PacketMuxer>> toSink(Sink sink, const StreamInfo& info, const Options& options);
    // Creates or replaces `path`. For MP4 the index goes to the front when finish() runs.
    static Result<std::unique_ptr<PacketMuxer>> toFile(const QString& path, const StreamInfo& info,
                                                       const Options& options);
    ~PacketMuxer();
    PacketMuxer(const PacketMuxer&) = delete;
    PacketMuxer& operator=(const PacketMuxer&) = delete;

    // Appends a packet (its track indexes the StreamInfo given at creation). Per track, DTS is
    // forced to increase (microseconds can round to one 90 kHz tick).
    Status write(const PacketPtr& packet, Placement* placement = nullptr);
    // Pushes what the muxer holds (MPEG-TS: the pending audio PES too) to the sink or file.
    Status flush();
    // Writes the trailer (MP4: the index, moved to the front) and flushes. Further writes fail.
    Status finish();

    qint64 position() const;  // bytes written so far, including what is buffered
    bool isOpen() const;
    QStringList skippedTracks() const { return m_skipped; }
    int storedTracks() const;
    bool hasVideo() const;

private:
    PacketMuxer() = default;
    static Result<std::unique_ptr<PacketMuxer>> create(const StreamInfo& info, const Options& options,
                                                       const QString& path, Sink sink);
    static constexpr qint64 kMaxHeldUs = 2'000'000;  // media held at most while parameters are learnt

    Status writeHeader();
    bool parametersComplete() const;
    void learnParameters(int streamIndex, const PacketPtr& packet);
    Status releaseHeld(bool force);
    Error failure(int averror) const;

    struct Private;
    std::unique_ptr<Private> d;
    Options m_options;
    QStringList m_skipped;
};

}  // namespace vigil::core::media

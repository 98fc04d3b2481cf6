#pragma once
// MediaSource: a media file read in a loop without transcoding (libavformat demuxing only). Hands
// out coded frames with timestamps in microseconds that keep increasing across loops: each loop
// is shifted by the file's span, so a player sees one endless stream. Video frames come as NAL
// units (H.264 or H.265, from MP4's length-prefixed form or Annex B), with the parameter sets put
// in front of every keyframe that lacks them, as cameras send them. AAC frames come raw.

#include <QByteArray>
#include <QList>
#include <QString>
#include <memory>

#include "common/result.h"

struct AVFormatContext;

namespace vigil::testcamera {

using core::Error;
using core::Result;
using core::Status;

enum class TrackCodec { H264, H265, Aac };

struct SourceTrack {
    TrackCodec codec = TrackCodec::H264;
    int clockRate = 90000;  // RTP clock: 90 kHz for video, the sample rate for audio
    // Video
    QList<QByteArray> parameterSets;  // H.264 SPS, PPS; H.265 VPS, SPS, PPS (NAL units, no start codes)
    int width = 0;
    int height = 0;
    double fps = 0;
    // Audio
    int channels = 0;
    QByteArray audioConfig;  // AudioSpecificConfig
    qint64 bitRate = 0;      // bits per second, when the file tells
};

struct SourceFrame {
    int track = 0;  // index into MediaSource::tracks()
    qint64 ptsUs = 0;
    qint64 dtsUs = 0;
    bool keyframe = false;
    QList<QByteArray> nals;  // video
    QByteArray data;         // audio
};

class MediaSource {
public:
    MediaSource();
    ~MediaSource();
    MediaSource(const MediaSource&) = delete;
    MediaSource& operator=(const MediaSource&) = delete;

    // Opens the file and picks its first H.264/H.265 video stream and first AAC stream.
    Status open(const QString& path);
    const QList<SourceTrack>& tracks() const { return m_tracks; }
    // The next frame in decoding order; loops at the end of the file.
    Result<SourceFrame> next();
    int loops() const { return m_loops; }

private:
    Status openFile();
    Status rewind();
    bool splitVideo(const QByteArray& packet, QList<QByteArray>& nals) const;
    bool hasParameterSets(const QList<QByteArray>& nals, TrackCodec codec) const;

    QString m_path;
    AVFormatContext* m_format = nullptr;
    QList<SourceTrack> m_tracks;
    QList<int> m_streamIndex;      // file stream index per track
    int m_nalLengthSize = 0;       // 0: Annex B
    qint64 m_startUs = 0;          // the file's first timestamp
    qint64 m_loopOffsetUs = 0;     // added to every timestamp of the current loop
    qint64 m_loopEndUs = 0;        // latest end (timestamp + duration) seen in a loop, relative to m_startUs
    qint64 m_loopStartUs = 0;      // earliest timestamp seen in a loop, relative to m_startUs
    QList<qint64> m_lastDtsUs;     // per track, to keep decoding order strictly increasing
    int m_loops = 0;
    bool m_seenPacketThisLoop = false;
};

}  // namespace vigil::testcamera

#pragma once
// FfmpegSession: one source played by the FFmpeg backend. Three stages on their own threads:
//   network (HttpsStream, the shared network thread) -> ByteQueue -> demux thread (libavformat
//   through a custom AVIOContext) -> packet queue -> decode thread (libavcodec, pacing, pause,
//   step) -> PlayerEvents::frame().
// Files are opened by libavformat directly (no network stage).
//
// Live shows each picture as soon as it is decoded; a picture with a newer packet already waiting
// behind it is decoded but not shown (the server starts a live stream with its cached GOP, which
// is decoded at once up to the newest picture), unless nothing was shown for 200 ms. A live picture
// is not converted either while the one before still waits for the GUI thread (PlayerEvents::
// frameWaiting): it would replace that one unseen, so the copy is saved and the GUI shows the
// older picture (at most one picture older; archive and files show every picture they pace).
// Archive and files are paced by their timestamps at the chosen speed; the server sends the archive
// as fast as we read (speed=0), so pausing simply stops reading, and speed changes need no new
// request. Pictures before showFromMs are decoded, not shown (frame-accurate seek).

#include <QVideoFrame>
#include <atomic>
#include <chrono>
#include <condition_variable>
#include <deque>
#include <memory>
#include <mutex>
#include <thread>

#include "byte_queue.h"
#include "frame_converter.h"
#include "player/player_backend.h"

struct AVCodecContext;
struct AVCodecParameters;
struct AVFrame;
struct AVPacket;

namespace vigil::app::player {

class HttpsStream;

// Lets a session's threads call PlayerEvents until the session closes it; close() waits for a call
// in progress, so nothing is reported after it returns.
class EventGate {
public:
    explicit EventGate(PlayerEvents* events) : m_events(events) {}
    template <typename Call>
    void call(Call&& call) {
        std::lock_guard lock(m_mutex);
        if (m_events) {
            call(*m_events);
        }
    }
    void close() {
        std::lock_guard lock(m_mutex);
        m_events = nullptr;
    }

private:
    std::mutex m_mutex;
    PlayerEvents* m_events;
};

class FfmpegSession {
public:
    FfmpegSession(MediaSource source, PlayerEvents* events);
    ~FfmpegSession();  // stops the threads and the request; nothing is reported afterwards
    FfmpegSession(const FfmpegSession&) = delete;
    FfmpegSession& operator=(const FfmpegSession&) = delete;

    void setPaused(bool paused);
    void setSpeed(double speed);
    void step();

    static constexpr auto kLiveCatchUpShowEvery = std::chrono::milliseconds(200);
    static constexpr size_t kMaxQueuedPackets = 150;  // archive: ~6 s at 25 fps before reading stops
    static constexpr size_t kMaxLivePackets = 250;    // live: more is a stall; drop to a keyframe
    static constexpr qsizetype kByteQueueBytes = 4 * 1024 * 1024;
    static constexpr size_t kMaxReverseFrames = 200;  // a window's pictures kept (~8 s at 25 fps)

private:
    using Clock = std::chrono::steady_clock;
    struct Item {
        AVPacket* packet = nullptr;                    // null: the end
        std::shared_ptr<AVCodecParameters> parameters;  // the stream's, shared while it does not change
        int timeBaseNum = 1;
        int timeBaseDen = 90000;
        bool ok = true;  // the end: clean (true) or a demux failure
    };

    void demuxLoop();
    void decodeLoop();
    bool push(Item item);
    bool pop(Item* item);
    bool hasNewerPacket();
    bool guiBehind();  // the last picture handed over is not taken yet
    bool openDecoder(const Item& item);
    void handleFrame(AVFrame* frame, int timeBaseNum, int timeBaseDen);
    bool waitUntilDue(qint64 positionMs, bool* stepping, Clock::time_point* due);
    void show(const AVFrame* frame, qint64 positionMs);
    void pauseHere(qint64 positionMs);
    void keepForReverse(const AVFrame* frame, qint64 positionMs);
    void showReversed();
    void fail(const QString& code, const QString& message);
    bool aborted() const { return m_aborted.load(); }
    static int readPacket(void* opaque, uint8_t* buffer, int size);
    static int interrupted(void* opaque);

    const MediaSource m_source;
    std::shared_ptr<EventGate> m_gate;
    std::shared_ptr<ByteQueue> m_bytes;
    HttpsStream* m_stream = nullptr;
    std::atomic<bool> m_aborted{false};
    // Written by the network callbacks, which may run a moment after the session went.
    std::shared_ptr<std::atomic<qint64>> m_epoch = std::make_shared<std::atomic<qint64>>(0);
    std::shared_ptr<std::atomic<bool>> m_networkFailed = std::make_shared<std::atomic<bool>>(false);

    // The packet queue, and the decode thread's controls (paused, speed, steps), under one lock.
    std::mutex m_mutex;
    std::condition_variable m_changed;
    std::deque<Item> m_packets;
    bool m_paused = false;
    double m_speed = 1.0;
    int m_steps = 0;
    bool m_awaitKeyframe = false;  // live: the queue was dropped; resume at a keyframe
    bool m_anchored = false;
    Clock::time_point m_anchorWall;
    qint64 m_anchorMs = 0;

    // Decode thread only.
    AVCodecContext* m_decoder = nullptr;
    std::shared_ptr<AVCodecParameters> m_decoderParameters;
    FrameConverter m_converter;
    AVFrame* m_held = nullptr;  // showLastBeforeMs: the last picture before that time
    qint64 m_heldMs = 0;
    qint64 m_fileStartMs = -1;
    bool m_shownAny = false;
    bool m_holdDone = false;  // showLastBeforeMs reached and the held picture shown
    std::pair<int, int> m_lastTimeBase{1, 90000};
    std::deque<std::pair<QVideoFrame, qint64>> m_reverseFrames;  // reverse: the window, oldest first
    bool m_reverseDone = false;
    Clock::time_point m_lastShown;

    std::thread m_demux;
    std::thread m_decode;
};

}  // namespace vigil::app::player

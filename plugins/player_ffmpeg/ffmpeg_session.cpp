#include "ffmpeg_session.h"

#include <QLoggingCategory>

#include "https_stream.h"

extern "C" {
#include <libavcodec/avcodec.h>
#include <libavformat/avformat.h>
#include <libavutil/error.h>
}

Q_LOGGING_CATEGORY(lcFfmpegPlayer, "vigil.player.ffmpeg")

namespace vigil::app::player {

namespace {

constexpr int kAvioBufferBytes = 32 * 1024;
constexpr auto kLateToSkip = std::chrono::milliseconds(250);
// A jump in timestamps larger than this re-anchors the archive clock instead of waiting it out.
constexpr auto kLongestWait = std::chrono::seconds(3);

QString avError(int code) {
    char text[AV_ERROR_MAX_STRING_SIZE] = {};
    av_strerror(code, text, sizeof text);
    return QString::fromUtf8(text);
}

void freeItem(AVPacket* packet) {
    av_packet_free(&packet);
}

}  // namespace

FfmpegSession::FfmpegSession(MediaSource source, PlayerEvents* listener)
    : m_source(std::move(source)), m_gate(std::make_shared<EventGate>(listener)), m_speed(m_source.speed > 0 ? m_source.speed : 1.0) {
    if (m_source.kind != MediaSource::Kind::File) {
        m_bytes = std::make_shared<ByteQueue>(kByteQueueBytes);
        // The callbacks run on the network thread and may outlive this session by a moment: they hold
        // only shared state, and the gate says nothing once the session closed it.
        auto gate = m_gate;
        auto epoch = m_epoch;
        auto networkFailed = m_networkFailed;
        m_stream = HttpsStream::start(
            m_source, m_bytes,
            HttpsStream::Callbacks{
                [gate, epoch](qint64 epochMs) {
                    epoch->store(epochMs);
                    gate->call([epochMs](PlayerEvents& events) { events.streamStarted(epochMs); });
                },
                [gate, networkFailed](const PlayerFailure& failure) {
                    networkFailed->store(true);
                    gate->call([&failure](PlayerEvents& events) { events.failed(failure); });
                }});
    }
    m_demux = std::thread([this] { demuxLoop(); });
    m_decode = std::thread([this] { decodeLoop(); });
}

FfmpegSession::~FfmpegSession() {
    m_aborted.store(true);
    m_gate->close();
    if (m_bytes) {
        m_bytes->abort();
    }
    {
        std::lock_guard lock(m_mutex);
        m_changed.notify_all();
    }
    m_demux.join();
    m_decode.join();
    for (Item& item : m_packets) {
        freeItem(item.packet);
    }
    HttpsStream::stop(m_stream);
    avcodec_free_context(&m_decoder);
    av_frame_free(&m_held);
}

int FfmpegSession::readPacket(void* opaque, uint8_t* buffer, int size) {
    auto* self = static_cast<FfmpegSession*>(opaque);
    const int read = self->m_bytes->read(reinterpret_cast<char*>(buffer), size);
    if (read == ByteQueue::kEnd) {
        return AVERROR_EOF;
    }
    return read == ByteQueue::kAborted ? AVERROR_EXIT : read;
}

int FfmpegSession::interrupted(void* opaque) {
    return static_cast<FfmpegSession*>(opaque)->aborted() ? 1 : 0;
}

void FfmpegSession::fail(const QString& code, const QString& message) {
    if (aborted() || m_networkFailed->load()) {
        return;  // the network's own failure was reported; what follows from it is no news
    }
    qCInfo(lcFfmpegPlayer).noquote() << m_source.url.path() << code << message;
    m_gate->call([&](PlayerEvents& events) { events.failed(PlayerFailure{0, code, message}); });
}

void FfmpegSession::demuxLoop() {
    AVFormatContext* context = avformat_alloc_context();
    context->interrupt_callback = AVIOInterruptCB{&FfmpegSession::interrupted, this};
    AVIOContext* io = nullptr;
    const AVInputFormat* format = nullptr;
    QByteArray url;
    AVDictionary* options = nullptr;
    if (m_source.kind == MediaSource::Kind::File) {
        url = m_source.url.isLocalFile() ? m_source.url.toLocalFile().toUtf8() : m_source.url.toString().toUtf8();
    } else {
        auto* buffer = static_cast<unsigned char*>(av_malloc(kAvioBufferBytes));
        io = avio_alloc_context(buffer, kAvioBufferBytes, 0, this, &FfmpegSession::readPacket, nullptr, nullptr);
        context->pb = io;
        context->flags |= AVFMT_FLAG_CUSTOM_IO;
        format = av_find_input_format("mpegts");  // the server's streams are MPEG-TS: no probing
        av_dict_set(&options, "probesize", "32768", 0);
    }
    int result = avformat_open_input(&context, url.isEmpty() ? nullptr : url.constData(), format, &options);
    av_dict_free(&options);
    if (result < 0) {
        // avformat_open_input freed the context on failure.
        if (result != AVERROR_EXIT && !aborted()) {
            fail(result == AVERROR_EOF ? QStringLiteral("ended") : QStringLiteral("unsupported"),
                 QStringLiteral("The video could not be opened: %1").arg(avError(result)));
        }
        push(Item{nullptr, nullptr, 1, 1, false});
        if (io) {
            av_freep(&io->buffer);
            avio_context_free(&io);
        }
        return;
    }
    if (m_source.kind == MediaSource::Kind::File) {
        avformat_find_stream_info(context, nullptr);
    }
    int videoIndex = -1;
    std::shared_ptr<AVCodecParameters> parameters;
    bool ok = true;
    while (!aborted()) {
        AVPacket* packet = av_packet_alloc();
        result = av_read_frame(context, packet);
        if (result < 0) {
            av_packet_free(&packet);
            ok = result == AVERROR_EOF;
            if (!ok && result != AVERROR_EXIT && !aborted()) {
                fail(QStringLiteral("network"), QStringLiteral("The stream broke off: %1").arg(avError(result)));
            }
            break;
        }
        const AVStream* stream = context->streams[packet->stream_index];
        if (videoIndex < 0 && stream->codecpar->codec_type == AVMEDIA_TYPE_VIDEO) {
            videoIndex = packet->stream_index;
        }
        if (packet->stream_index != videoIndex) {
            av_packet_free(&packet);  // audio is not played by the workstation (README.md)
            continue;
        }
        if (!parameters || parameters->codec_id != stream->codecpar->codec_id) {
            parameters.reset(avcodec_parameters_alloc(), [](AVCodecParameters* p) { avcodec_parameters_free(&p); });
            avcodec_parameters_copy(parameters.get(), stream->codecpar);
        }
        if (!push(Item{packet, parameters, stream->time_base.num, stream->time_base.den, true})) {
            break;
        }
    }
    push(Item{nullptr, nullptr, 1, 1, ok});
    avformat_close_input(&context);
    if (io) {
        av_freep(&io->buffer);
        avio_context_free(&io);
    }
}

bool FfmpegSession::push(Item item) {
    std::unique_lock lock(m_mutex);
    if (m_source.kind == MediaSource::Kind::Live && item.packet) {
        // Live never waits for the decoder: a decoder this far behind starts again at a keyframe.
        if (m_packets.size() >= kMaxLivePackets) {
            for (Item& queued : m_packets) {
                freeItem(queued.packet);
            }
            m_packets.clear();
            m_awaitKeyframe = true;
        }
        if (m_awaitKeyframe && !(item.packet->flags & AV_PKT_FLAG_KEY)) {
            freeItem(item.packet);
            return true;
        }
        m_awaitKeyframe = false;
    } else {
        m_changed.wait(lock, [this] { return aborted() || m_packets.size() < kMaxQueuedPackets; });
    }
    if (aborted()) {
        freeItem(item.packet);
        return false;
    }
    m_packets.push_back(std::move(item));
    m_changed.notify_all();
    return true;
}

bool FfmpegSession::pop(Item* item) {
    std::unique_lock lock(m_mutex);
    m_changed.wait(lock, [this] { return aborted() || !m_packets.empty(); });
    if (aborted()) {
        return false;
    }
    *item = std::move(m_packets.front());
    m_packets.pop_front();
    m_changed.notify_all();
    return true;
}

bool FfmpegSession::hasNewerPacket() {
    std::lock_guard lock(m_mutex);
    return !m_packets.empty() && m_packets.front().packet;
}

bool FfmpegSession::openDecoder(const Item& item) {
    avcodec_free_context(&m_decoder);
    m_decoderParameters = item.parameters;
    const AVCodec* codec = avcodec_find_decoder(item.parameters->codec_id);
    if (!codec) {
        fail(QStringLiteral("unsupported"), QStringLiteral("This workstation cannot decode %1 video.")
                                                .arg(QString::fromUtf8(avcodec_get_name(item.parameters->codec_id))));
        return false;
    }
    m_decoder = avcodec_alloc_context3(codec);
    avcodec_parameters_to_context(m_decoder, item.parameters.get());
    if (m_source.kind == MediaSource::Kind::Live) {
        // Frame threads would hold pictures back by one frame per thread: live uses slices only.
        m_decoder->flags |= AV_CODEC_FLAG_LOW_DELAY;
        m_decoder->thread_type = FF_THREAD_SLICE;
        m_decoder->thread_count = 1;
    } else {
        m_decoder->thread_type = FF_THREAD_FRAME | FF_THREAD_SLICE;
        m_decoder->thread_count = 2;
    }
    if (const int result = avcodec_open2(m_decoder, codec, nullptr); result < 0) {
        fail(QStringLiteral("unsupported"), QStringLiteral("The decoder did not open: %1").arg(avError(result)));
        avcodec_free_context(&m_decoder);
        return false;
    }
    return true;
}

void FfmpegSession::decodeLoop() {
    AVFrame* frame = av_frame_alloc();
    Item item;
    while (pop(&item)) {
        const bool end = !item.packet;
        if (end && !item.ok) {
            break;
        }
        if (!end && (!m_decoder || item.parameters != m_decoderParameters) && !openDecoder(item)) {
            freeItem(item.packet);
            continue;
        }
        if (!m_decoder) {
            break;
        }
        const int timeBaseNum = end ? m_lastTimeBase.first : item.timeBaseNum;
        const int timeBaseDen = end ? m_lastTimeBase.second : item.timeBaseDen;
        m_lastTimeBase = {timeBaseNum, timeBaseDen};
        avcodec_send_packet(m_decoder, item.packet);  // null drains the decoder at the end
        freeItem(item.packet);
        while (!aborted() && avcodec_receive_frame(m_decoder, frame) == 0) {
            handleFrame(frame, timeBaseNum, timeBaseDen);
            av_frame_unref(frame);
        }
        if (m_reverseDone) {
            break;  // the window was shown backwards and reported
        }
        if (end) {
            if (m_source.reverse && !aborted() && !m_networkFailed->load()) {
                showReversed();  // the recording ended inside the window
                break;
            }
            if (!aborted() && !m_networkFailed->load()) {
                m_gate->call([](PlayerEvents& events) { events.ended(); });
            }
            break;
        }
    }
    av_frame_free(&frame);
}

void FfmpegSession::handleFrame(AVFrame* frame, int timeBaseNum, int timeBaseDen) {
    int64_t timestamp = frame->best_effort_timestamp;
    if (timestamp == AV_NOPTS_VALUE) {
        timestamp = frame->pts;
    }
    if (timestamp == AV_NOPTS_VALUE) {
        return;  // a picture we cannot place in time is not shown
    }
    const qint64 ms = av_rescale_q(timestamp, AVRational{timeBaseNum, timeBaseDen}, AVRational{1, 1000});
    qint64 position = 0;
    if (m_source.kind == MediaSource::Kind::File) {
        if (m_fileStartMs < 0) {
            m_fileStartMs = ms;
        }
        position = ms - m_fileStartMs;
    } else {
        position = m_epoch->load() + ms;
    }

    if (m_source.kind == MediaSource::Kind::Live) {
        // Catching up (the GOP the server starts with, or a hiccup): decode, show only the newest.
        if (m_shownAny && hasNewerPacket() && Clock::now() - m_lastShown < kLiveCatchUpShowEvery) {
            return;
        }
        if (m_shownAny && guiBehind()) {
            return;  // superseded before the GUI took the last one: no copy
        }
        show(frame, position);
        return;
    }

    if (m_source.reverse) {
        if (m_reverseDone) {
            return;
        }
        if (position < m_source.showLastBeforeMs) {
            keepForReverse(frame, position);
            return;
        }
        showReversed();
        return;
    }

    if (m_source.showLastBeforeMs > 0 && !m_holdDone) {
        if (position < m_source.showLastBeforeMs) {
            if (!m_held) {
                m_held = av_frame_alloc();
            }
            av_frame_unref(m_held);
            av_frame_ref(m_held, frame);
            m_heldMs = position;
            return;
        }
        m_holdDone = true;
        const bool anyBefore = m_held != nullptr;
        show(anyBefore ? m_held : frame, anyBefore ? m_heldMs : position);
        pauseHere(anyBefore ? m_heldMs : position);
        if (!anyBefore) {
            return;
        }
        // This picture is the next one: it waits below for a step or for play.
    } else if (position < m_source.showFromMs) {
        return;  // decoded to reach the time asked, not shown
    }

    bool stepping = false;
    Clock::time_point due;
    if (!waitUntilDue(position, &stepping, &due)) {
        return;
    }
    if (!stepping && Clock::now() - due > kLateToSkip && hasNewerPacket()) {
        return;  // behind (a slow decoder at a high speed): skip showing to catch up
    }
    const bool first = !m_shownAny;
    show(frame, position);
    if (first && m_source.startPaused) {
        pauseHere(position);
    }
}

void FfmpegSession::keepForReverse(const AVFrame* frame, qint64 positionMs) {
    QVideoFrame picture = m_converter.convert(frame, m_source.pictures);
    if (!picture.isValid()) {
        return;
    }
    if (m_reverseFrames.size() >= kMaxReverseFrames) {
        m_reverseFrames.pop_front();  // the oldest go: the window's end is what is shown first
    }
    m_reverseFrames.emplace_back(std::move(picture), positionMs);
}

void FfmpegSession::showReversed() {
    m_reverseDone = true;
    while (!m_reverseFrames.empty() && !aborted()) {
        auto [picture, position] = std::move(m_reverseFrames.back());
        m_reverseFrames.pop_back();
        bool stepping = false;
        Clock::time_point due;
        // The clock runs on the negated times, which grow as the pictures go back.
        if (!waitUntilDue(-position, &stepping, &due)) {
            return;
        }
        m_shownAny = true;
        m_lastShown = Clock::now();
        m_gate->call([&](PlayerEvents& events) { events.frame(picture, position); });
    }
    if (!aborted()) {
        m_gate->call([](PlayerEvents& events) { events.ended(); });
    }
}

void FfmpegSession::pauseHere(qint64 positionMs) {
    {
        std::lock_guard lock(m_mutex);
        m_paused = true;
        m_anchored = false;
    }
    m_gate->call([positionMs](PlayerEvents& events) { events.pausedAt(positionMs); });
}

bool FfmpegSession::waitUntilDue(qint64 positionMs, bool* stepping, Clock::time_point* due) {
    std::unique_lock lock(m_mutex);
    while (!aborted()) {
        const Clock::time_point now = Clock::now();
        if (m_paused) {
            if (m_steps > 0) {
                --m_steps;
                *stepping = true;
                *due = now;
                return true;
            }
            m_changed.wait(lock);
            continue;
        }
        if (!m_anchored) {
            m_anchored = true;
            m_anchorWall = now;
            m_anchorMs = positionMs;
        }
        const auto offset = std::chrono::microseconds(
            static_cast<qint64>(static_cast<double>(positionMs - m_anchorMs) * 1000.0 / m_speed));
        *due = m_anchorWall + offset;
        if (*due <= now) {
            return true;
        }
        if (positionMs < m_anchorMs || *due - now > kLongestWait) {
            m_anchored = false;  // a jump in the timestamps: start the clock again here
            continue;
        }
        m_changed.wait_until(lock, *due);
    }
    return false;
}

bool FfmpegSession::guiBehind() {
    bool waiting = false;
    m_gate->call([&waiting](PlayerEvents& events) { waiting = events.frameWaiting(); });
    return waiting;
}

void FfmpegSession::show(const AVFrame* frame, qint64 positionMs) {
    const QVideoFrame picture = m_converter.convert(frame, m_source.pictures);
    if (!picture.isValid()) {
        return;
    }
    m_shownAny = true;
    m_lastShown = Clock::now();
    m_gate->call([&](PlayerEvents& events) { events.frame(picture, positionMs); });
}

void FfmpegSession::setPaused(bool paused) {
    std::lock_guard lock(m_mutex);
    m_paused = paused;
    m_anchored = false;
    m_changed.notify_all();
}

void FfmpegSession::setSpeed(double speed) {
    std::lock_guard lock(m_mutex);
    m_speed = speed > 0 ? speed : 1.0;
    m_anchored = false;
    m_changed.notify_all();
}

void FfmpegSession::step() {
    std::lock_guard lock(m_mutex);
    ++m_steps;
    m_changed.notify_all();
}

}  // namespace vigil::app::player

#pragma once
// A minimal RTSP client for fault tests: plain requests on a blocking QTcpSocket, answers read
// with core's RtspMessageParser, interleaved RTP frames kept for the test to look at. ffmpeg and
// GStreamer are the independent clients; this one exists to see what goes over the wire.

#include <QDeadlineTimer>
#include <QElapsedTimer>
#include <QTcpSocket>
#include <QUrl>
#include <optional>

#include "media/rtsp/rtsp_message.h"

namespace vigil::test {

class RawRtspClient {
public:
    using RtspMessage = core::media::rtsp::RtspMessage;
    using InterleavedFrame = core::media::rtsp::InterleavedFrame;

    bool connectTo(const QUrl& url) {
        m_url = url;
        m_socket.connectToHost(url.host(), static_cast<quint16>(url.port(554)));
        return m_socket.waitForConnected(10000);
    }
    bool isConnected() const { return m_socket.state() == QAbstractSocket::ConnectedState; }

    void send(const QByteArray& method, const QByteArray& uri, const QList<QPair<QByteArray, QByteArray>>& headers = {}) {
        RtspMessage request = RtspMessage::request(method, uri, m_cseq++);
        if (!m_session.isEmpty()) {
            request.headers.add("Session", m_session);
        }
        for (const auto& [name, value] : headers) {
            request.headers.add(name, value);
        }
        m_socket.write(request.serialize());
        m_socket.flush();
    }

    // Sends and waits for the answer with that CSeq (empty after timeoutMs).
    std::optional<RtspMessage> request(const QByteArray& method, const QByteArray& uri,
                                       const QList<QPair<QByteArray, QByteArray>>& headers = {}, int timeoutMs = 10000) {
        const int cseq = m_cseq;
        send(method, uri, headers);
        const QDeadlineTimer deadline(timeoutMs);
        while (!deadline.hasExpired()) {
            for (qsizetype i = 0; i < m_answers.size(); ++i) {
                if (m_answers[i].cseq() == cseq) {
                    RtspMessage answer = m_answers.takeAt(i);
                    if (const QByteArray session = answer.headers.value("Session"); !session.isEmpty()) {
                        m_session = session.split(';').first();
                    }
                    return answer;
                }
            }
            if (!pump(qMax<qint64>(1, qMin<qint64>(100, deadline.remainingTime())))) {
                break;
            }
        }
        return std::nullopt;
    }

    // DESCRIBE, SETUP of every track over TCP (channels 2n, 2n+1), PLAY. True when all said 200.
    bool playOverTcp(int tracks) {
        const QByteArray base = m_url.toString().toUtf8();
        const auto describe = request("DESCRIBE", base, {{"Accept", "application/sdp"}});
        if (!describe || describe->statusCode != 200) {
            return false;
        }
        for (int track = 0; track < tracks; ++track) {
            const QByteArray transport = "RTP/AVP/TCP;unicast;interleaved=" + QByteArray::number(2 * track) + '-' +
                                         QByteArray::number(2 * track + 1);
            const auto setup = request("SETUP", base + "/trackID=" + QByteArray::number(track), {{"Transport", transport}});
            if (!setup || setup->statusCode != 200) {
                return false;
            }
        }
        const auto play = request("PLAY", base + '/', {{"Range", "npt=0.000-"}});
        return play && play->statusCode == 200;
    }

    // Reads for `ms` and returns the interleaved frames that came (older ones too).
    QList<InterleavedFrame> collect(int ms) {
        QElapsedTimer timer;
        timer.start();
        while (timer.elapsed() < ms && pump(qMax<qint64>(1, ms - timer.elapsed()))) {
        }
        return takeFrames();
    }
    QList<InterleavedFrame> takeFrames() {
        QList<InterleavedFrame> frames;
        frames.swap(m_frames);
        return frames;
    }
    QList<RtspMessage> takeAnswers() {
        QList<RtspMessage> answers;
        answers.swap(m_answers);
        return answers;
    }
    // Waits up to ms for the server to close the connection.
    bool waitForClose(int ms) {
        QElapsedTimer timer;
        timer.start();
        while (isConnected() && timer.elapsed() < ms) {
            pump(100);
        }
        return !isConnected();
    }
    void close() { m_socket.abort(); }
    const QByteArray& session() const { return m_session; }

private:
    // False when the connection is gone.
    bool pump(qint64 ms) {
        if (!isConnected() && m_socket.bytesAvailable() == 0) {
            return false;
        }
        m_socket.waitForReadyRead(static_cast<int>(ms));
        const QByteArray bytes = m_socket.readAll();
        if (!bytes.isEmpty() && m_parser.feed(bytes).ok()) {
            while (m_parser.hasItem()) {
                auto item = m_parser.takeItem();
                if (auto* frame = std::get_if<InterleavedFrame>(&item)) {
                    m_frames.append(std::move(*frame));
                } else {
                    m_answers.append(std::get<RtspMessage>(std::move(item)));
                }
            }
        }
        return true;
    }

    QUrl m_url;
    QTcpSocket m_socket;
    core::media::rtsp::RtspMessageParser m_parser{core::media::rtsp::RtspMessageParser::Expect::Responses};
    QList<RtspMessage> m_answers;
    QList<InterleavedFrame> m_frames;
    QByteArray m_session;
    int m_cseq = 1;
};

}  // namespace vigil::test

#include "alarm_sound.h"

#include <QAudioDevice>
#include <QAudioFormat>
#include <QAudioSink>
#include <QMediaDevices>
#include <QtMath>

#include "app_logging.h"

namespace vigil::app {

namespace {

// (frequency Hz at the start, at the end, length ms) per note.
struct Note {
    double fromHz;
    double toHz;
    int ms;
};

QList<Note> notesOf(const QString& sound) {
    if (sound == QLatin1String("chime")) {
        return {{880, 880, 180}, {660, 660, 320}};
    }
    if (sound == QLatin1String("siren")) {
        return {{600, 1200, 500}, {1200, 600, 500}, {600, 1200, 500}};
    }
    return {{880, 880, 200}, {0, 0, 80}, {880, 880, 200}, {0, 0, 80}, {880, 880, 200}};
}

}  // namespace

AlarmSound::AlarmSound(QObject* parent) : QObject(parent) {}

AlarmSound::~AlarmSound() {
    if (m_sink) {
        m_sink->stop();
    }
}

QByteArray AlarmSound::tone(const QString& sound) {
    QByteArray pcm;
    double phase = 0;
    for (const Note& note : notesOf(sound)) {
        const int samples = kSampleRate * note.ms / 1000;
        for (int i = 0; i < samples; ++i) {
            const double hz = note.fromHz + (note.toHz - note.fromHz) * i / samples;
            phase += 2 * M_PI * hz / kSampleRate;
            // A short fade at both ends of each note: no clicks.
            const double fade = std::min({1.0, i / 200.0, (samples - i) / 200.0});
            const auto value = static_cast<qint16>(hz > 0 ? 9000 * fade * std::sin(phase) : 0);
            pcm.append(reinterpret_cast<const char*>(&value), sizeof value);
        }
    }
    return pcm;
}

void AlarmSound::play(const QString& sound) {
    const QAudioDevice device = QMediaDevices::defaultAudioOutput();
    if (device.isNull()) {
        if (!m_noOutputLogged) {
            qCInfo(lcApp) << "No audio output: event sounds are shown, not heard";
            m_noOutputLogged = true;
        }
        return;
    }
    if (m_sink) {
        m_sink->stop();
        delete m_sink;
    }
    QAudioFormat format;
    format.setSampleRate(kSampleRate);
    format.setChannelCount(1);
    format.setSampleFormat(QAudioFormat::Int16);
    m_sink = new QAudioSink(device, format, this);
    m_buffer.close();
    m_pcm = tone(sound);
    m_buffer.setData(m_pcm);
    m_buffer.open(QIODevice::ReadOnly);
    m_sink->start(&m_buffer);
}

}  // namespace vigil::app

#pragma once
// AlarmSound: the Event Center's sounds (alarm, chime, siren), made as tones in memory and played on
// the default audio output. With no output (a headless machine) it says so once in the log and
// stays silent; the page still shows which sound was asked for.

#include <QBuffer>
#include <QByteArray>
#include <QObject>
#include <QString>

class QAudioSink;

namespace vigil::app {

class AlarmSound : public QObject {
    Q_OBJECT
public:
    explicit AlarmSound(QObject* parent = nullptr);
    ~AlarmSound() override;

    // "alarm", "chime" or "siren" (anything else plays "alarm").
    void play(const QString& sound);

    static QByteArray tone(const QString& sound);  // 16-bit mono PCM at kSampleRate

    static constexpr int kSampleRate = 22050;

private:
    QAudioSink* m_sink = nullptr;
    QBuffer m_buffer;
    QByteArray m_pcm;
    bool m_noOutputLogged = false;
};

}  // namespace vigil::app

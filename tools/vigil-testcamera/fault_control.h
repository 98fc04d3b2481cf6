#pragma once
// FaultControl: commands on stdin, one per line, answered on stdout with "ok" or "error: <why>"
// once they are in effect (tests wait for the answer before they look):
//   drop <cam>      close the camera's player connections and sessions
//   freeze <cam>    keep connections, send nothing, answer no request
//   refuse <cam>    answer new requests with 503 Service Unavailable
//   garbage <cam>   send RTP packets whose payload is not media
//   resume <cam>    undo all of the above
//   sessions <cam>  answer "ok <number of RTSP sessions>"
//   quit            stop the program

#include <QList>
#include <QObject>
#include <QSocketNotifier>
#include <functional>
#include <optional>

namespace vigil::testcamera {

class RtspServer;

class FaultControl : public QObject {
    Q_OBJECT

public:
    // quitOnEof: stop the program when stdin closes (the test that started us has gone).
    FaultControl(RtspServer* server, bool quitOnEof, QObject* parent = nullptr);

    // One command line; returns the answer line (without newline).
    QString execute(const QString& line);
    // More commands (the ONVIF side's): a handler answers the lines it knows, nullopt for others.
    using Commands = std::function<std::optional<QString>(const QString& line)>;
    void addCommands(Commands commands) { m_extraCommands.append(std::move(commands)); }

private:
    void readStdin();

    RtspServer* m_server;
    bool m_quitOnEof;
    QSocketNotifier m_notifier;
    QByteArray m_buffer;
    QList<Commands> m_extraCommands;
};

}  // namespace vigil::testcamera

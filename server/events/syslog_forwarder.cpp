#include "events/syslog_forwarder.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QSslConfiguration>
#include <QSslSocket>
#include <QTimer>

#include "events/events_logging.h"

namespace vigil::server {

using core::model::Event;

namespace {

constexpr int kFacilityLocal0 = 16;

int severityCode(const QString& severity) {
    if (severity == QLatin1String(core::model::EventSeverities::kCritical)) {
        return 2;
    }
    if (severity == QLatin1String(core::model::EventSeverities::kWarning)) {
        return 4;
    }
    return 6;
}

// RFC 5424 header fields: printable US-ASCII without spaces, at most `length`, "-" when empty.
QByteArray headerField(const QString& text, int length) {
    QByteArray field;
    for (const QChar c : text) {
        const char16_t u = c.unicode();
        if (u > 32 && u < 127) {
            field.append(static_cast<char>(u));
        }
        if (field.size() >= length) {
            break;
        }
    }
    return field.isEmpty() ? QByteArrayLiteral("-") : field;
}

// A structured-data parameter value: '"', '\' and ']' escaped with '\' (RFC 5424 6.3.3).
QByteArray paramValue(const QString& text) {
    QByteArray value = text.toUtf8();
    value.replace('\\', "\\\\").replace('"', "\\\"").replace(']', "\\]");
    return value;
}

}  // namespace

struct SyslogForwarder::Connection {
    Destination destination;
    std::unique_ptr<QSslSocket> socket;
    QList<QByteArray> queue;
    bool ready = false;
    QTimer retry;
};

SyslogForwarder::SyslogForwarder(QString hostName, QObject* parent)
    : QObject(parent), m_hostName(std::move(hostName)) {}

SyslogForwarder::~SyslogForwarder() {
    // A socket closed by its destructor says "disconnected"; nobody may hear it then (the handler
    // would touch the connection being destroyed).
    for (const auto& connection : std::as_const(m_connections)) {
        if (connection->socket) {
            connection->socket->disconnect(this);
        }
    }
}

QByteArray SyslogForwarder::format(const Event& event, const QString& hostName) {
    const int pri = kFacilityLocal0 * 8 + severityCode(event.severity);
    const QByteArray time =
        QDateTime::fromMSecsSinceEpoch(event.timeMs, Qt::UTC).toString(Qt::ISODateWithMs).toLatin1();
    QByteArray message = "<" + QByteArray::number(pri) + ">1 " + time + ' ' + headerField(hostName, 255) +
                         " vigil " + QByteArray::number(QCoreApplication::applicationPid()) + ' ' +
                         headerField(event.kind, 32) + ' ';
    // 32473 is the enterprise number RFC 5612 sets aside for examples and documentation.
    message += "[vigil@32473 id=\"" + QByteArray::number(event.id) + "\" severity=\"" + paramValue(event.severity) +
               "\" source=\"" + paramValue(event.sourceName) + "\" sourceId=\"" + paramValue(event.sourceId) +
               "\" channel=\"" + paramValue(event.channelId) + "\" alarm=\"" + paramValue(event.alarmState) + "\"]";
    // The message is UTF-8, which RFC 5424 says with a byte order mark.
    message += " \xEF\xBB\xBF" + event.message.toUtf8().replace('\n', ' ');
    return message;
}

QByteArray SyslogForwarder::frame(const QByteArray& message) {
    return QByteArray::number(message.size()) + ' ' + message;
}

void SyslogForwarder::send(const Destination& destination, const Event& event) {
    const QString key = destination.host + QLatin1Char(':') + QString::number(destination.port);
    auto& connection = m_connections[key];
    if (!connection) {
        connection = std::make_shared<Connection>();
        connection->retry.setSingleShot(true);
        Connection* raw = connection.get();
        connect(&connection->retry, &QTimer::timeout, this, [this, raw] { connectTo(*raw); });
    }
    connection->destination = destination;
    if (connection->queue.size() >= kMaxQueued) {
        connection->queue.removeFirst();
        ++m_dropped;
    }
    connection->queue.append(frame(format(event, m_hostName)));
    if (connection->ready) {
        flush(*connection);
    } else if (!connection->socket && !connection->retry.isActive()) {
        connectTo(*connection);
    }
}

void SyslogForwarder::connectTo(Connection& connection) {
    connection.ready = false;
    connection.socket = std::make_unique<QSslSocket>();
    QSslSocket* socket = connection.socket.get();
    QSslConfiguration tls = QSslConfiguration::defaultConfiguration();
    tls.setProtocol(QSsl::TlsV1_2OrLater);
    if (!connection.destination.extraCa.isEmpty()) {
        tls.addCaCertificates(connection.destination.extraCa);
    }
    socket->setSslConfiguration(tls);
    const QString where = connection.destination.host + QLatin1Char(':') + QString::number(connection.destination.port);
    Connection* raw = &connection;
    connect(socket, &QSslSocket::encrypted, this, [this, raw] {
        raw->ready = true;
        flush(*raw);
    });
    auto lost = [this, raw, where](const QString& why) {
        if (!raw->socket) {
            return;
        }
        qCWarning(lcEvents).noquote() << "syslog" << where << ":" << why;
        emit failed(where, why);
        raw->ready = false;
        raw->socket.release()->deleteLater();
        raw->retry.start(kReconnectMs);
    };
    connect(socket, &QSslSocket::sslErrors, this, [lost](const QList<QSslError>& errors) {
        lost(QStringLiteral("the server's certificate is not trusted (%1). Give the syslog action the CA that "
                            "signed it.")
                 .arg(errors.isEmpty() ? QString() : errors.first().errorString()));
    });
    connect(socket, &QAbstractSocket::errorOccurred, this, [lost, socket](QAbstractSocket::SocketError) {
        lost(socket->errorString());
    });
    connect(socket, &QAbstractSocket::disconnected, this, [lost] { lost(QStringLiteral("the server closed the connection")); });
    socket->connectToHostEncrypted(connection.destination.host, connection.destination.port);
}

void SyslogForwarder::flush(Connection& connection) {
    while (connection.ready && connection.socket && !connection.queue.isEmpty()) {
        connection.socket->write(connection.queue.takeFirst());
        ++m_sent;
    }
}

}  // namespace vigil::server

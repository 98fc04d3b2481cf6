#pragma once
// Job: a long operation the API starts and then reports on (server/jobs/job_board.h): device
// connection tests and discovery runs (devices.yaml DeviceJob), exports (media.yaml ExportJob).
// One shape for all of them, so clients show progress, results and cancel the same way.

#include <QJsonObject>
#include <QString>

#include "common/result.h"

namespace vigil::core::model {

struct Job {
    static constexpr auto kRunning = "running";
    static constexpr auto kSucceeded = "succeeded";
    static constexpr auto kFailed = "failed";
    static constexpr auto kCancelled = "cancelled";

    QString id;
    QString kind;   // "connection_test" | "discovery" | "export"
    QString state;  // running, succeeded, failed, cancelled
    double progress = 0;    // 0..1
    qint64 startedMs = 0;
    qint64 finishedMs = 0;  // 0 while running
    QString error;          // error code when failed or cancelled
    QString message;        // for people when failed or cancelled
    QJsonObject result;     // what the kind produces (see its shape)

    bool isRunning() const { return state == QLatin1String(kRunning); }
    QJsonObject toJson() const;
    static Result<Job> fromJson(const QJsonObject& json);
};

}  // namespace vigil::core::model

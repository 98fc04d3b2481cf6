#include "model/job_model.h"

#include "model/json_fields.h"

namespace vigil::core::model {

QJsonObject Job::toJson() const {
    return QJsonObject{{QStringLiteral("id"), id},
                       {QStringLiteral("kind"), kind},
                       {QStringLiteral("state"), state},
                       {QStringLiteral("progress"), progress},
                       {QStringLiteral("startedMs"), startedMs},
                       {QStringLiteral("finishedMs"), finishedMs},
                       {QStringLiteral("error"), error},
                       {QStringLiteral("message"), message},
                       {QStringLiteral("result"), result}};
}

Result<Job> Job::fromJson(const QJsonObject& json) {
    FieldReader read(json, QStringLiteral("job"));
    Job job;
    job.id = read.string(QStringLiteral("id"));
    job.kind = read.string(QStringLiteral("kind"));
    job.state = read.string(QStringLiteral("state"));
    job.progress = read.number(QStringLiteral("progress"));
    job.startedMs = read.integer(QStringLiteral("startedMs"));
    job.finishedMs = read.integer(QStringLiteral("finishedMs"));
    job.error = read.string(QStringLiteral("error"));
    job.message = read.string(QStringLiteral("message"));
    job.result = read.object(QStringLiteral("result"));
    return finished(read, job);
}

}  // namespace vigil::core::model

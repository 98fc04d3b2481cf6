#pragma once
// The security audit's shapes (issue 8, SEC-*, WIZ-*; server/api/security.yaml): the catalogue of
// items, what a check found, stored runs, attestations, the audit settings and the table of
// network-facing functions (SEC-1.6). The catalogue is data the workstation renders: a new item needs
// no client change.

#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>
#include <optional>

#include "common/result.h"

namespace vigil::core::model {

struct AuditStates {
    static constexpr auto kPass = "pass";
    static constexpr auto kFail = "fail";
    static constexpr auto kNotApplicable = "not_applicable";
    static constexpr auto kAttested = "attested";
    // No check for the item is registered in this build: it cannot count as met.
    static constexpr auto kUnknown = "unknown";
    static const QStringList& all();
    // pass, not_applicable and attested meet a level; fail and unknown do not.
    static bool meets(const QString& state);
};

// One entry of the catalogue: what is audited, at which level, and why.
struct AuditItem {
    static constexpr auto kCheck = "check";
    static constexpr auto kAttestation = "attestation";
    static constexpr auto kPlatform = "platform";
    static constexpr auto kDevice = "device";

    QString id;           // "sec-1.7-lockout": stable, used by results, fixes and attestations
    QString requirement;  // "SEC-1.7"
    int level = 1;        // 1..3; level n includes every item of the levels below
    QString scope;        // platform | device
    QString kind;         // check | attestation
    QString title;
    QString why;          // why it matters, for people
    QString owner;        // which part of the engine checks it ("audit", "time", "backup", "devices")
    QString fixId;        // the fix offered when it fails ("" none); filled from the registered fixes
    QString fixTitle;     // what that fix does, for people ("" none): the wizard shows it, not the id
    bool checkAvailable = false;  // a check (or the attestation store) answers for it in this build

    QJsonObject toJson() const;
};

// What a check saw about one subject (the platform, or one device).
struct AuditFinding {
    QString subject = QStringLiteral("platform");  // "platform" or a device id
    QString subjectName;                           // shown to people ("" for the platform)
    QString state;                                 // AuditStates
    QString evidence;                              // what was seen, in words

    QJsonObject toJson() const;
};

struct Attestation {
    QString itemId;
    QString userName;
    qint64 timeMs = 0;
    QString comment;

    QJsonObject toJson() const;
};

// One item in a run: its overall state (the worst of its findings), the findings, the fix.
struct AuditItemResult {
    QString itemId;
    QString state;
    QList<AuditFinding> findings;
    QString fixId;                // "" when no fix applies or it passed
    std::optional<Attestation> attestation;

    QJsonObject toJson() const;
};

struct AuditRun {
    QString id;
    qint64 startedMs = 0;
    qint64 finishedMs = 0;
    int level = 1;          // the level audited
    QString userName;       // who started it ("" for the schedule)
    bool met = false;       // every item of the level is pass, not_applicable or attested
    QList<AuditItemResult> results;

    int count(const QString& state) const;
    QJsonObject toJson(bool withResults = true) const;
};

// PUT /api/v1/security/settings.
struct AuditSettings {
    static constexpr int kMaxScheduleHours = 24 * 31;
    int targetLevel = 0;    // 0: none chosen yet; 1..3
    int scheduleHours = 0;  // 0: no scheduled re-audit

    QJsonObject toJson() const;
    static Result<AuditSettings> fromRequest(const QJsonObject& json);
};

// POST /api/v1/security/audits.
struct AuditStartInput {
    int level = 0;  // 0: the target level (1 when none is set)
    static Result<AuditStartInput> fromRequest(const QJsonObject& json);
};

// PUT /api/v1/security/attestations/{itemId}.
struct AttestationInput {
    static constexpr int kMaxCommentLength = 2000;
    QString comment;
    static Result<AttestationInput> fromRequest(const QJsonObject& json);
};

// POST /api/v1/security/fixes: the fixes to apply, in order.
struct FixInput {
    QStringList fixIds;
    // For the backup made before the fixes (WIZ-2); empty: the backup schedule's passphrase.
    QString backupPassphrase;
    static Result<FixInput> fromRequest(const QJsonObject& json);
};

// One row of the function-minimisation table (SEC-1.6).
struct NetworkFunction {
    QString id;
    QString title;
    QString description;    // what it does on the network
    bool provided = true;   // false: this platform has no such function (it can never be on)
    bool enabled = false;
    bool secureDefault = false;  // the state a hardened platform keeps
    bool switchable = false;     // PUT /api/v1/security/functions/{id} can change it
    QString note;                // where it is configured, why it cannot be switched
    // Who switched it on through the function table, and when: a function on beyond its secure default
    // passes the audit only when someone declared it needed this way ("" / 0: nobody did).
    QString confirmedBy;
    qint64 confirmedMs = 0;

    QJsonObject toJson() const;
};

// PUT /api/v1/security/functions/{id}.
struct FunctionSwitchInput {
    bool enabled = false;
    static Result<FunctionSwitchInput> fromRequest(const QJsonObject& json);
};

}  // namespace vigil::core::model

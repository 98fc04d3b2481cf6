// The recording values: weekly schedules (stored text, API JSON, local-time matching), strict
// request parsing of channel and storage settings, the segment file layout (round trip, no escape
// from the location) and the keyframe index text.

#include <QJsonArray>
#include <QJsonDocument>
#include <QTest>

#include "recording/recording_model.h"
#include "recording/segment_layout.h"

using namespace vigil::server;

class TstRecordingModel : public QObject {
    Q_OBJECT
private slots:
    void scheduleRoundTripsAndMatchesLocalTime() {
        auto parsed = WeeklySchedule::parse(QStringLiteral("1:480-1080,6:0-1440"));
        QVERIFY(parsed);
        QCOMPARE(parsed->toText(), QStringLiteral("1:480-1080,6:0-1440"));
        // Monday 2024-01-01 is an ISO day 1.
        QVERIFY(parsed->contains(QDateTime(QDate(2024, 1, 1), QTime(8, 0))));
        QVERIFY(parsed->contains(QDateTime(QDate(2024, 1, 1), QTime(17, 59))));
        QVERIFY(!parsed->contains(QDateTime(QDate(2024, 1, 1), QTime(18, 0))));  // end excluded
        QVERIFY(!parsed->contains(QDateTime(QDate(2024, 1, 2), QTime(9, 0))));   // Tuesday
        QVERIFY(parsed->contains(QDateTime(QDate(2024, 1, 6), QTime(23, 59))));  // all Saturday

        auto json = WeeklySchedule::fromJson(parsed->toJson(), QStringLiteral("test"));
        QVERIFY(json);
        QCOMPARE(json->ranges(), parsed->ranges());
        QVERIFY(!WeeklySchedule::parse(QStringLiteral("8:0-60")));
        QVERIFY(!WeeklySchedule::parse(QStringLiteral("1:600-500")));
        QVERIFY(!WeeklySchedule::parse(QStringLiteral("1:0-1441")));
        QVERIFY(!WeeklySchedule::parse(QStringLiteral("garbage")));
    }

    void channelSettingsAreStrict() {
        auto good = ChannelRecording::fromRequest(
            QStringLiteral("c1"),
            QJsonObject{{"mode", "schedule"},
                        {"streams", "main+sub"},
                        {"schedule", QJsonArray{QJsonObject{{"day", 2}, {"startMinute", 0}, {"endMinute", 60}}}},
                        {"maxAgeDays", 30}});
        QVERIFY2(good, qPrintable(good ? QString() : good.error().message));
        QCOMPARE(good->streamList(), (QStringList{QStringLiteral("main"), QStringLiteral("sub")}));
        QCOMPARE(good->maxAgeDays, 30);

        const QList<QJsonObject> bad{
            QJsonObject{{"mode", "sometimes"}},
            QJsonObject{{"mode", "continuous"}, {"colour", "red"}},  // unknown field
            QJsonObject{{"mode", "schedule"}},                        // schedule mode without ranges
            QJsonObject{{"mode", "continuous"}, {"streams", "both"}},
            QJsonObject{{"mode", "continuous"}, {"maxAgeDays", -1}},
            QJsonObject{{"mode", 1}},
            QJsonObject{{"mode", "schedule"},
                        {"schedule", QJsonArray{QJsonObject{{"day", 0}, {"startMinute", 0}, {"endMinute", 60}}}}},
        };
        for (const QJsonObject& body : bad) {
            auto refused = ChannelRecording::fromRequest(QStringLiteral("c1"), body);
            QVERIFY2(!refused, qPrintable(QJsonDocument(body).toJson()));
            QCOMPARE(refused.error().code, QStringLiteral("bad_request"));
        }
    }

    void storageSettingsAreStrict() {
        auto good = StorageSettings::fromRequest(QJsonObject{
            {"primary", QJsonObject{{"path", "/srv/rec/"}, {"maxAgeDays", 30}}},
            {"mirror", QJsonObject{{"path", "/mnt/backup"}, {"minFreeBytes", 1e9}}},
            {"defaultMode", "off"}});
        QVERIFY2(good, qPrintable(good ? QString() : good.error().message));
        QCOMPARE(good->primary.path, QStringLiteral("/srv/rec"));
        QCOMPARE(good->mirror->minFreeBytes, 1'000'000'000);
        QCOMPARE(StorageSettings::fromRequest(QJsonObject{{"primary", QJsonObject{{"path", "/a"}}}, {"mirror", QJsonValue()}})
                     ->mirror.has_value(),
                 false);
        QVERIFY(!StorageSettings::fromRequest(QJsonObject{{"primary", QJsonObject{{"path", "relative/path"}}}}));
        QVERIFY(!StorageSettings::fromRequest(
            QJsonObject{{"primary", QJsonObject{{"path", "/a"}}}, {"mirror", QJsonObject{{"path", "/a/"}}}}));
        QVERIFY(!StorageSettings::fromRequest(QJsonObject{{"primary", QJsonObject{{"path", "/a"}, {"maxBytes", -5}}}}));
        QVERIFY(!StorageSettings::fromRequest(QJsonObject{{"primary", QJsonObject{{"path", "/a"}}}, {"defaultMode", "schedule"}}));
        QVERIFY(!StorageSettings::fromRequest(QJsonObject{}));
    }

    void layoutRoundTripsAndStaysInside() {
        const SegmentName name{QStringLiteral("3f2a-77/x"), QStringLiteral("sub"), 1'700'000'123'456};
        const QString path = SegmentLayout::relativePath(name);
        QCOMPARE(path, QStringLiteral("3f2a-77%2Fx/sub/2023-11-14/22-15-23.456.ts"));
        auto back = SegmentLayout::parse(path);
        QVERIFY(back);
        QCOMPARE(back->channelId, name.channelId);
        QCOMPARE(back->stream, name.stream);
        QCOMPARE(back->startMs, name.startMs);
        QCOMPARE(SegmentLayout::channelFolder(QStringLiteral("..")), QStringLiteral("%2E%2E"));
        QVERIFY(!SegmentLayout::parse(QStringLiteral("../main/2023-11-14/22-15-23.456.ts")));
        QVERIFY(!SegmentLayout::parse(QStringLiteral("c/main/2023-11-14/22-15-23.456.mp4")));
        QVERIFY(!SegmentLayout::parse(QStringLiteral("c/other/2023-11-14/22-15-23.456.ts")));
        QVERIFY(!SegmentLayout::parse(QStringLiteral("c/main/2023-13-14/22-15-23.456.ts")));
    }

    void keyframesTextRoundTrips() {
        const qint64 start = 1'700'000'000'000;
        const QList<vigil::core::media::KeyframeEntry> keyframes{{start * 1000 + 11, 0}, {start * 1000 + 2'000'123, 376000}};
        const QString text = SegmentRow::keyframesText(start, keyframes);
        QCOMPARE(text, QStringLiteral("11:0 2000123:376000"));
        const auto back = SegmentRow::parseKeyframes(start, text);
        QCOMPARE(back.size(), 2);
        QCOMPARE(back[1].timeUs, keyframes[1].timeUs);
        QCOMPARE(back[1].byteOffset, keyframes[1].byteOffset);
    }
};

QTEST_APPLESS_MAIN(TstRecordingModel)
#include "tst_recording_model.moc"

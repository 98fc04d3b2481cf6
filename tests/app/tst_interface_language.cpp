// InterfaceLanguage (CLI-1, CLI-2): the translations built from translations/*.ts are in the resources,
// switching loads them into the application (a zh_CN and a German string appear), the choice is
// remembered for the next start, the first start follows the system's language, and an unknown
// language changes nothing. The .ts sources keep every placeholder of their source texts, and no
// message is left unfinished or empty (issue 5, CLI-2: a string added without its German and Chinese
// translation fails here; translations/apply_translations.py fills them after lupdate).

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QLocale>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QXmlStreamReader>

#include "client_settings.h"
#include "interface_language.h"

using vigil::app::ClientSettings;
using vigil::app::InterfaceLanguage;
using vigil::core::platform::DataLocation;

namespace {

DataLocation location(const QTemporaryDir& dir) {
    DataLocation where = DataLocation::at(dir.path(), true);
    QString problem;
    if (!where.ensureExists(&problem)) {
        qFatal("%s", qPrintable(problem));
    }
    return where;
}

QString signIn() {
    return QCoreApplication::translate("LoginPage", "Sign in");
}

// The placeholders of a text, sorted: %1 %2 ... and %n.
QStringList placeholders(const QString& text) {
    static const QRegularExpression marker(QStringLiteral("%(\\d+|n)"));
    QStringList found;
    for (auto it = marker.globalMatch(text); it.hasNext();) {
        found << it.next().captured(0);
    }
    found.sort();
    return found;
}

}  // namespace

class TstInterfaceLanguage : public QObject {
    Q_OBJECT

private slots:
    void init() { QLocale::setDefault(QLocale(QStringLiteral("en_GB"))); }

    void everyLanguageIsInTheResources() {
        for (const QString& id : InterfaceLanguage::ids()) {
            if (id == QLatin1String("en")) {
                continue;  // the source language
            }
            const QString file = QStringLiteral("%1/vigil_%2.qm").arg(QLatin1String(InterfaceLanguage::kResourcePrefix), id);
            QVERIFY2(QFile::exists(file), qPrintable(file));
        }
    }

    void switchingLoadsTheTranslation() {
        QTemporaryDir dir;
        ClientSettings settings(location(dir));
        InterfaceLanguage language(&settings);
        QSignalSpy changed(&language, &InterfaceLanguage::changed);

        QCOMPARE(signIn(), QStringLiteral("Sign in"));
        QVERIFY(language.select(QStringLiteral("zh_CN")));
        QCOMPARE(language.current(), QStringLiteral("zh_CN"));
        QCOMPARE(signIn(), QStringLiteral("登录"));
        QCOMPARE(QCoreApplication::translate("Workstation", "Home"), QStringLiteral("首页"));
        QCOMPARE(QCoreApplication::translate("vigil::app::ClientSettings", "Main stream"), QStringLiteral("主码流"));
        QCOMPARE(QCoreApplication::translate("Main", "%1 alarms waiting: open the Event Center").arg(3),
                 QStringLiteral("3 条报警待处理：打开事件中心"));
        // Plural forms: Chinese has one, German two.
        QCOMPARE(QCoreApplication::translate("vigil::app::SecurityLogModel", "%n matching entries", "", 3),
                 QStringLiteral("3 条匹配条目"));
        QCOMPARE(QLocale().language(), QLocale::Chinese);

        QVERIFY(language.select(QStringLiteral("de")));
        QCOMPARE(signIn(), QStringLiteral("Anmelden"));
        QCOMPARE(QCoreApplication::translate("vigil::app::SecurityLogModel", "%n matching entries", "", 1),
                 QStringLiteral("1 passender Eintrag"));
        QCOMPARE(QCoreApplication::translate("vigil::app::SecurityLogModel", "%n matching entries", "", 4),
                 QStringLiteral("4 passende Einträge"));

        QVERIFY(language.select(QStringLiteral("en")));
        QCOMPARE(signIn(), QStringLiteral("Sign in"));
        QCOMPARE(changed.count(), 3);
    }

    void anUnknownLanguageChangesNothing() {
        QTemporaryDir dir;
        ClientSettings settings(location(dir));
        InterfaceLanguage language(&settings);
        QVERIFY(language.select(QStringLiteral("de")));
        QSignalSpy changed(&language, &InterfaceLanguage::changed);
        QVERIFY(!language.select(QStringLiteral("fr")));
        QCOMPARE(language.current(), QStringLiteral("de"));
        QCOMPARE(settings.language(), QStringLiteral("de"));
        QCOMPARE(signIn(), QStringLiteral("Anmelden"));
        QCOMPARE(changed.count(), 0);
        QVERIFY(language.select(QStringLiteral("en")));
    }

    void theChoiceIsRememberedForTheNextStart() {
        QTemporaryDir dir;
        {
            ClientSettings settings(location(dir));
            InterfaceLanguage language(&settings);
            QVERIFY(language.select(QStringLiteral("zh_CN")));
        }
        QCOMPARE(signIn(), QStringLiteral("Sign in"));  // the translator left with its owner
        ClientSettings settings(location(dir));
        InterfaceLanguage language(&settings);
        language.restore();
        QCOMPARE(language.current(), QStringLiteral("zh_CN"));
        QCOMPARE(signIn(), QStringLiteral("登录"));
    }

    void theFirstStartFollowsTheSystem_data() {
        QTest::addColumn<QString>("locale");
        QTest::addColumn<QString>("expected");
        QTest::newRow("German, Austria") << "de_AT" << "de";
        QTest::newRow("Simplified Chinese") << "zh_CN" << "zh_CN";
        QTest::newRow("Chinese, Singapore") << "zh_SG" << "zh_CN";
        QTest::newRow("Traditional Chinese") << "zh_TW" << "en";
        QTest::newRow("French") << "fr_FR" << "en";
        QTest::newRow("C") << "C" << "en";
    }
    void theFirstStartFollowsTheSystem() {
        QFETCH(QString, locale);
        QFETCH(QString, expected);
        QCOMPARE(InterfaceLanguage::match(locale), expected);
    }

    void translationsAreCompleteAndKeepThePlaceholders() {
        const QString sourceDir = qEnvironmentVariable("VIGIL_TEST_SOURCE_DIR");
        QVERIFY(!sourceDir.isEmpty());
        for (const QString& id : InterfaceLanguage::ids()) {
            if (id == QLatin1String("en")) {
                continue;
            }
            QFile file(QStringLiteral("%1/translations/vigil_%2.ts").arg(sourceDir, id));
            QVERIFY2(file.open(QIODevice::ReadOnly), qPrintable(file.fileName()));
            QXmlStreamReader xml(&file);
            QString source;
            bool numerus = false;  // plural forms: each <numerusform> is checked
            int checked = 0;
            QStringList unfinished;  // sources whose translation is missing, empty or marked unfinished
            while (!xml.atEnd()) {
                xml.readNext();
                if (!xml.isStartElement()) {
                    continue;
                }
                if (xml.name() == QLatin1String("message")) {
                    numerus = xml.attributes().value(QLatin1String("numerus")) == QLatin1String("yes");
                } else if (xml.name() == QLatin1String("source")) {
                    source = xml.readElementText();
                } else if ((xml.name() == QLatin1String("translation") && !numerus) ||
                           xml.name() == QLatin1String("numerusform")) {
                    // type="unfinished" (or "vanished"/"obsolete"): shown in English, or not at all
                    const bool marked = !xml.attributes().value(QLatin1String("type")).isEmpty();
                    const QString translation = xml.readElementText();
                    if (marked || translation.isEmpty()) {
                        unfinished << source;
                        continue;
                    }
                    QVERIFY2(placeholders(translation) == placeholders(source),
                             qPrintable(QStringLiteral("%1: \"%2\" -> \"%3\"").arg(id, source, translation)));
                    ++checked;
                } else if (xml.name() == QLatin1String("translation") &&
                           !xml.attributes().value(QLatin1String("type")).isEmpty()) {
                    unfinished << source;  // a plural message marked unfinished
                }
            }
            QVERIFY2(!xml.hasError(), qPrintable(xml.errorString()));
            unfinished.removeDuplicates();
            QVERIFY2(unfinished.isEmpty(),
                     qPrintable(QStringLiteral("vigil_%1.ts: %2 unfinished, e.g. \"%3\"; run the "
                                               "update_translations target, then translate them "
                                               "(translations/apply_translations.py)")
                                    .arg(id, QString::number(unfinished.size()), unfinished.value(0))));
            QVERIFY2(checked > 300, qPrintable(QStringLiteral("%1: only %2 translations").arg(id).arg(checked)));
        }
    }
};

QTEST_GUILESS_MAIN(TstInterfaceLanguage)
#include "tst_interface_language.moc"

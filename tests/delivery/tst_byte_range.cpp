// ByteRange (core/net/byte_range.h): the Range header forms export downloads answer with 206, and
// those that get the whole file instead.

#include <QTest>

#include "net/byte_range.h"

using vigil::core::net::ByteRange;

class TestByteRange : public QObject {
    Q_OBJECT

private slots:
    void answeredForms_data() {
        QTest::addColumn<QByteArray>("header");
        QTest::addColumn<qint64>("first");
        QTest::addColumn<qint64>("last");
        QTest::newRow("a-b") << QByteArray("bytes=100-1099") << qint64(100) << qint64(1099);
        QTest::newRow("a-") << QByteArray("bytes=4000-") << qint64(4000) << qint64(4095);
        QTest::newRow("-n") << QByteArray("bytes=-500") << qint64(3596) << qint64(4095);
        QTest::newRow("-n beyond the size") << QByteArray("bytes=-9999") << qint64(0) << qint64(4095);
        QTest::newRow("b past the end") << QByteArray("bytes=10-99999") << qint64(10) << qint64(4095);
        QTest::newRow("one byte") << QByteArray(" bytes=0-0 ") << qint64(0) << qint64(0);
    }
    void answeredForms() {
        QFETCH(QByteArray, header);
        QFETCH(qint64, first);
        QFETCH(qint64, last);
        const auto range = ByteRange::parse(header, 4096);
        QVERIFY(range);
        QCOMPARE(range->first, first);
        QCOMPARE(range->last, last);
    }

    void wholeFileForTheRest_data() {
        QTest::addColumn<QByteArray>("header");
        QTest::newRow("empty") << QByteArray();
        QTest::newRow("several") << QByteArray("bytes=0-1,5-9");
        QTest::newRow("other unit") << QByteArray("items=0-1");
        QTest::newRow("start past the end") << QByteArray("bytes=4096-");
        QTest::newRow("reversed") << QByteArray("bytes=9-5");
        QTest::newRow("zero suffix") << QByteArray("bytes=-0");
        QTest::newRow("signs") << QByteArray("bytes=+1-5");
        QTest::newRow("no dash") << QByteArray("bytes=5");
        QTest::newRow("huge") << QByteArray("bytes=99999999999999999999-");
    }
    void wholeFileForTheRest() {
        QFETCH(QByteArray, header);
        QVERIFY(!ByteRange::parse(header, 4096));
        QVERIFY(!ByteRange::parse("bytes=0-1", 0));  // an empty file has no ranges
    }
};

QTEST_GUILESS_MAIN(TestByteRange)
#include "tst_byte_range.moc"

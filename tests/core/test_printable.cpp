// Core::printable and Core::printableJson: what a server or a user supplied, made safe for a
// terminal, and for JSON without changing what it means.

#include "core/printable.h"

#include <QJsonDocument>
#include <QTest>

using namespace Qt::StringLiterals;
using Hubshelf::Core::printable;
using Hubshelf::Core::printableJson;

class TestPrintable final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void printable_escapesControlsAndBidi_data();
    void printable_escapesControlsAndBidi();
    void printable_cutsLongTextWithoutHalfASurrogate();
    void printableJson_escapesInsideStringsAndMeansTheSame_data();
    void printableJson_escapesInsideStringsAndMeansTheSame();
    void printableJson_leavesOrdinaryTextUncopied();
    void printableJson_escapesTheControlsOfWhatIsNotJson();
};

void TestPrintable::printable_escapesControlsAndBidi_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("shown");
    QTest::newRow("plain") << u"octocat – “quoted” é 🐙"_s << u"octocat – “quoted” é 🐙"_s;
    QTest::newRow("newline") << u"octocat\n"_s << u"octocat\\n"_s;
    QTest::newRow("title escape") << u"\x1b]0;pwned\x07"_s << u"\\x1b]0;pwned\\x07"_s;
    QTest::newRow("DEL and C1 CSI") << u"a\x7f\x9b"_s << u"a\\x7f\\x9b"_s;
    QTest::newRow("bidi override") << u"abc\u202Edef"_s << u"abc\\u202edef"_s;
    QTest::newRow("isolates and marks") << u"\u2066\u2069\u200E\u061C"_s << u"\\u2066\\u2069\\u200e\\u061c"_s;
}

void TestPrintable::printable_escapesControlsAndBidi()
{
    QFETCH(QString, text);
    QFETCH(QString, shown);
    QCOMPARE(printable(text), shown);
    QCOMPARE(printable(printable(text)), shown); // twice is harmless
}

void TestPrintable::printable_cutsLongTextWithoutHalfASurrogate()
{
    const QString million(1'000'000, u'x');
    QCOMPARE(printable(million), QString(300, u'x') + u'…');
    QCOMPARE(printable(million, -1).size(), million.size());
    const QString octopi = QString(299, u'x') + u"🐙🐙"_s; // the 300th char is a high surrogate
    QCOMPARE(printable(octopi), QString(299, u'x') + u'…');
}

void TestPrintable::printableJson_escapesInsideStringsAndMeansTheSame_data()
{
    QTest::addColumn<QByteArray>("json");
    QTest::addColumn<QByteArray>("shown");
    QTest::newRow("bidi override") << QByteArray("{\"login\":\"abc\xe2\x80\xae"
                                                 "def\"}")
                                   << QByteArray("{\"login\":\"abc\\u202edef\"}");
    QTest::newRow("DEL") << QByteArray("[\"a\x7f\"]") << QByteArray("[\"a\\u007f\"]");
    QTest::newRow("C1 CSI") << QByteArray("[\"\xc2\x9b"
                                          "31m\"]")
                            << QByteArray("[\"\\u009b31m\"]");
    QTest::newRow("line separator") << QByteArray("[\"a\xe2\x80\xa8"
                                                  "b\"]")
                                    << QByteArray("[\"a\\u2028b\"]");
    QTest::newRow("already escaped stays")
        << QByteArray("{\"m\":\"\\u001b[2J\"}") << QByteArray("{\"m\":\"\\u001b[2J\"}");
    QTest::newRow("whitespace between tokens stays")
        << QByteArray("[\n\t\"a\"\r\n]") << QByteArray("[\n\t\"a\"\r\n]");
}

void TestPrintable::printableJson_escapesInsideStringsAndMeansTheSame()
{
    QFETCH(QByteArray, json);
    QFETCH(QByteArray, shown);
    const QByteArray printed = printableJson(json);
    QCOMPARE(printed, shown);
    QJsonParseError error{};
    const QJsonDocument before = QJsonDocument::fromJson(json, &error);
    QCOMPARE(error.error, QJsonParseError::NoError);
    QCOMPARE(QJsonDocument::fromJson(printed), before);
}

void TestPrintable::printableJson_leavesOrdinaryTextUncopied()
{
    const QByteArray json = "[{\"description\":\"caf\xc3\xa9 \xe2\x80\x9cquoted\xe2\x80\x9d \xe2\x80\xa6 "
                            "\xf0\x9f\x90\x99\"}]";
    const QByteArray printed = printableJson(json);
    QCOMPARE(printed, json);
    QCOMPARE(printed.constData(), json.constData()); // shared, not copied: pages are megabytes
    const QByteArray notUtf8("[\"\xff\xfe\x80\"]");
    QCOMPARE(printableJson(notUtf8), notUtf8);
}

// A redirect to another origin may bring anything: a page with ESC and BEL outside any string.
void TestPrintable::printableJson_escapesTheControlsOfWhatIsNotJson()
{
    static const char page[] = "\x1b]0;pwned\x07\x1b[2J<html>\r\n\tx\x00";
    QCOMPARE(printableJson(QByteArray(page, sizeof page - 1)),
             QByteArray("\\u001b]0;pwned\\u0007\\u001b[2J<html>\r\n\tx\\u0000"));
}

QTEST_GUILESS_MAIN(TestPrintable)
#include "test_printable.moc"

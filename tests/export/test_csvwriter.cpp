// CSV: field encoding, the streaming writer over any model, and saving through QSaveFile.

#include "export/csvwriter.h"

#include <QBuffer>
#include <QDir>
#include <QFile>
#include <QSortFilterProxyModel>
#include <QStandardItemModel>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

#ifdef Q_OS_UNIX
#include <cerrno>
#include <csignal>

#include <sys/resource.h>
#endif

using namespace Qt::StringLiterals;
using namespace Hubshelf::Export;

namespace {

// Like the models' ExportRole: a role other than DisplayRole, on cells and on the header.
constexpr int CsvRole = Qt::UserRole + 2;

// A table of text cells under DisplayRole, with the given header.
std::unique_ptr<QStandardItemModel> makeModel(const QStringList &header, const QList<QStringList> &rows)
{
    auto model = std::make_unique<QStandardItemModel>(int(rows.size()), int(header.size()));
    model->setHorizontalHeaderLabels(header);
    for (int row = 0; row < rows.size(); ++row) {
        for (int column = 0; column < header.size(); ++column) {
            model->setItem(row, column, new QStandardItem(rows.at(row).at(column)));
        }
    }
    return model;
}

QByteArray readAll(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        return QByteArrayLiteral("<unreadable>");
    }
    return file.readAll();
}

bool writeFile(const QString &path, const QByteArray &bytes)
{
    QFile file(path);
    return file.open(QIODevice::WriteOnly) && file.write(bytes) == bytes.size();
}

// Accepts the first `capacity` bytes, then fails every write, like a full disk or a closed pipe.
class FailDevice final : public QIODevice
{
public:
    explicit FailDevice(qint64 capacity)
        : m_capacity(capacity)
    {
        open(QIODevice::WriteOnly);
    }

    QByteArray written;

protected:
    qint64 readData(char *, qint64) override { return -1; }
    qint64 writeData(const char *data, qint64 size) override
    {
        if (written.size() + size > m_capacity) {
            return -1;
        }
        written.append(data, size);
        return size;
    }

private:
    qint64 m_capacity;
};

} // namespace

class TestCsvWriter final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void csvField_data();
    void csvField();
    void csvRecord_joinsWithCommasAndEndsWithCrlf();
    void csvRecord_loneEmptyFieldIsQuotedSoItIsNotABlankLine_data();
    void csvRecord_loneEmptyFieldIsQuotedSoItIsNotABlankLine();
    void writeModel_writesHeaderThenRowsAsExactBytes_data();
    void writeModel_writesHeaderThenRowsAsExactBytes();
    void writeModel_usesTheCallersRoleForHeaderAndCells();
    void writeModel_columnsPickAndOrder();
    void writeModel_missingColumn_failsAndWritesNothing();
    void writeModel_proxyFilterAndSort_givesOnlyFilteredRowsInProxyOrder();
    void writeModel_formulaGuardOff_writesCellsAsTheyAre();
    void writeModel_deviceFails_returnsFalse();
    void writeRecord_bomOnlyBeforeTheFirstRecord();
    void modelToCsv_equalsTheStreamedBytes();
    void modelToCsv_trickyModel_matchesGoldenBytes();
    void saveCsv_writesTheFile();
    void saveCsv_replacesAnExistingFileAndLeavesNoTemporaryFile();
    void saveCsv_missingDirectory_failsWithASentenceAndCreatesNothing();
    void saveCsv_parentIsARegularFile_failsAndKeepsIt();
    void saveCsv_pathIsADirectory_failsAndLeavesItAlone();
    void saveCsv_missingColumn_keepsTheOldFileByteIdentical();
    void saveCsv_writeFailsMidway_keepsTheOldFileByteIdentical_data();
    void saveCsv_writeFailsMidway_keepsTheOldFileByteIdentical();
    void saveCsv_acceptsANullErrorPointer();
};

void TestCsvWriter::csvField_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<bool>("guard");
    QTest::addColumn<QByteArray>("expected");

    QTest::newRow("plain") << u"hello"_s << true << QByteArrayLiteral("hello");
    QTest::newRow("empty") << QString() << true << QByteArray();
    QTest::newRow("space is not quoted") << u" a b "_s << true << QByteArrayLiteral(" a b ");
    QTest::newRow("comma") << u"a,b"_s << true << QByteArrayLiteral("\"a,b\"");
    QTest::newRow("quote doubled") << u"say \"hi\""_s << true << QByteArrayLiteral("\"say \"\"hi\"\"\"");
    QTest::newRow("only a quote") << u"\""_s << true << QByteArrayLiteral("\"\"\"\"");
    QTest::newRow("CR inside") << u"a\rb"_s << true << QByteArrayLiteral("\"a\rb\"");
    QTest::newRow("LF inside") << u"a\nb"_s << true << QByteArrayLiteral("\"a\nb\"");
    QTest::newRow("CRLF inside") << u"a\r\nb"_s << true << QByteArrayLiteral("\"a\r\nb\"");
    QTest::newRow("LF at the end") << u"a\n"_s << true << QByteArrayLiteral("\"a\n\"");
    QTest::newRow("semicolon is not special") << u"a;b"_s << true << QByteArrayLiteral("a;b");
    QTest::newRow("apostrophe lead is kept") << u"'quoted'"_s << true << QByteArrayLiteral("'quoted'");

    // UTF-8, no BOM per field.
    QTest::newRow("u-umlaut") << u"Gr\u00fc\u00dfe"_s << true
                              << QByteArrayLiteral("Gr\xC3\xBC\xC3\x9F"
                                                   "e");
    QTest::newRow("japanese") << u"\u65e5\u672c\u8a9e"_s << true
                              << QByteArrayLiteral("\xE6\x97\xA5\xE6\x9C\xAC\xE8\xAA\x9E");
    QTest::newRow("emoji (surrogate pair)")
        << u"ok \U0001F680"_s << true << QByteArrayLiteral("ok \xF0\x9F\x9A\x80");
    QTest::newRow("non-ASCII with comma")
        << u"\u00fc,\u00fc"_s << true << QByteArrayLiteral("\"\xC3\xBC,\xC3\xBC\"");

    // Formula leads (OWASP): guarded with a leading apostrophe, then quoted as usual.
    QTest::newRow("= guarded") << u"=SUM(A1:A2)"_s << true << QByteArrayLiteral("'=SUM(A1:A2)");
    QTest::newRow("= unguarded") << u"=SUM(A1:A2)"_s << false << QByteArrayLiteral("=SUM(A1:A2)");
    QTest::newRow("+ guarded") << u"+1+1"_s << true << QByteArrayLiteral("'+1+1");
    QTest::newRow("+ unguarded") << u"+1+1"_s << false << QByteArrayLiteral("+1+1");
    QTest::newRow("- guarded") << u"-2+3+cmd|' /C calc'!A0"_s << true
                               << QByteArrayLiteral("'-2+3+cmd|' /C calc'!A0");
    QTest::newRow("- unguarded") << u"-2+3+cmd|' /C calc'!A0"_s << false
                                 << QByteArrayLiteral("-2+3+cmd|' /C calc'!A0");
    QTest::newRow("@ guarded") << u"@SUM(1)"_s << true << QByteArrayLiteral("'@SUM(1)");
    QTest::newRow("@ unguarded") << u"@SUM(1)"_s << false << QByteArrayLiteral("@SUM(1)");
    QTest::newRow("tab guarded") << u"\t=1"_s << true << QByteArrayLiteral("'\t=1");
    QTest::newRow("tab unguarded") << u"\t=1"_s << false << QByteArrayLiteral("\t=1");
    // CR forces quotes anyway; the apostrophe goes inside them.
    QTest::newRow("CR guarded") << u"\r=1"_s << true << QByteArrayLiteral("\"'\r=1\"");
    QTest::newRow("CR unguarded") << u"\r=1"_s << false << QByteArrayLiteral("\"\r=1\"");
    QTest::newRow("= with comma guarded") << u"=1,2"_s << true << QByteArrayLiteral("\"'=1,2\"");
    QTest::newRow("= with quote guarded") << u"=\"x\""_s << true << QByteArrayLiteral("\"'=\"\"x\"\"\"");
    QTest::newRow("lone = guarded") << u"="_s << true << QByteArrayLiteral("'=");
    // Only the first character counts: a lead character in the middle is harmless.
    QTest::newRow("= in the middle") << u"a=b"_s << true << QByteArrayLiteral("a=b");
    QTest::newRow("- in the middle") << u"2024-03-01T12:00:00Z"_s << true
                                     << QByteArrayLiteral("2024-03-01T12:00:00Z");
    QTest::newRow("@ in the middle") << u"me@example.com"_s << true << QByteArrayLiteral("me@example.com");
    QTest::newRow("LF lead is quoted, not guarded") << u"\n=1"_s << true << QByteArrayLiteral("\"\n=1\"");
    // A negative number is guarded too (OWASP: every cell with a lead character). Telling "-1" from
    // "-1+cmd|..." would need a number parser that must never be wrong; users who want raw numbers
    // turn the guard off.
    QTest::newRow("-1 guarded") << u"-1"_s << true << QByteArrayLiteral("'-1");
    QTest::newRow("-1 unguarded") << u"-1"_s << false << QByteArrayLiteral("-1");
    QTest::newRow("positive number untouched") << u"42"_s << true << QByteArrayLiteral("42");
}

void TestCsvWriter::csvField()
{
    QFETCH(QString, text);
    QFETCH(bool, guard);
    QFETCH(QByteArray, expected);

    QCOMPARE(Hubshelf::Export::csvField(text, guard), expected);
}

void TestCsvWriter::csvRecord_joinsWithCommasAndEndsWithCrlf()
{
    QCOMPARE(csvRecord({u"a"_s, u"b,c"_s, QString(), u"=d"_s}, true),
             QByteArrayLiteral("a,\"b,c\",,'=d\r\n"));
    QCOMPARE(csvRecord({u"a"_s, u"=d"_s}, false), QByteArrayLiteral("a,=d\r\n"));
    QCOMPARE(csvRecord({QString(), QString()}, true), QByteArrayLiteral(",\r\n"));
}

void TestCsvWriter::csvRecord_loneEmptyFieldIsQuotedSoItIsNotABlankLine_data()
{
    QTest::addColumn<QString>("field");
    QTest::addColumn<QByteArray>("expected");
    QTest::newRow("null") << QString() << QByteArrayLiteral("\"\"\r\n");
    QTest::newRow("empty") << u""_s << QByteArrayLiteral("\"\"\r\n");
    // Found by tests/fuzz/fuzz_csv: the NUL is dropped, and the record was a blank line.
    QTest::newRow("only a NUL") << QString(QChar(u'\0')) << QByteArrayLiteral("\"\"\r\n");
    QTest::newRow("only NULs") << QString(3, QChar(u'\0')) << QByteArrayLiteral("\"\"\r\n");
    QTest::newRow("text") << u"x"_s << QByteArrayLiteral("x\r\n");
}

void TestCsvWriter::csvRecord_loneEmptyFieldIsQuotedSoItIsNotABlankLine()
{
    QFETCH(QString, field);
    QFETCH(QByteArray, expected);
    QCOMPARE(csvRecord({field}, true), expected);
    QCOMPARE(csvRecord({field}, false), expected);
}

void TestCsvWriter::writeModel_writesHeaderThenRowsAsExactBytes_data()
{
    QTest::addColumn<bool>("bom");
    QTest::addColumn<QByteArray>("expected");

    const QByteArray body = QByteArrayLiteral("login,id,type\r\n"
                                              "octocat,583231,User\r\n"
                                              "github,9919,Organization\r\n");
    QTest::newRow("without BOM") << false << body;
    QTest::newRow("with BOM") << true << QByteArray(QByteArrayLiteral("\xEF\xBB\xBF") + body);
}

void TestCsvWriter::writeModel_writesHeaderThenRowsAsExactBytes()
{
    QFETCH(bool, bom);
    QFETCH(QByteArray, expected);

    const auto model =
        makeModel({u"login"_s, u"id"_s, u"type"_s},
                  {{u"octocat"_s, u"583231"_s, u"User"_s}, {u"github"_s, u"9919"_s, u"Organization"_s}});
    QByteArray bytes;
    QBuffer buffer(&bytes);
    QVERIFY(buffer.open(QIODevice::WriteOnly));
    CsvWriter writer(&buffer, CsvOptions{bom, true});
    QVERIFY(writer.writeModel(*model, Qt::DisplayRole));
    QCOMPARE(bytes, expected);
}

void TestCsvWriter::writeModel_usesTheCallersRoleForHeaderAndCells()
{
    // Display text for people, another text for the CSV: the role decides, on the header too.
    QStandardItemModel model(1, 2);
    model.setHorizontalHeaderLabels({u"Stars"_s, u"Updated"_s});
    model.setHeaderData(0, Qt::Horizontal, u"stargazers_count"_s, CsvRole);
    model.setHeaderData(1, Qt::Horizontal, u"updated_at"_s, CsvRole);
    auto *stars = new QStandardItem(u"1.2k"_s);
    stars->setData(1234, CsvRole); // not a string: toString() is used
    auto *updated = new QStandardItem(u"2 days ago"_s);
    updated->setData(u"2024-03-01T12:00:00Z"_s, CsvRole);
    model.setItem(0, 0, stars);
    model.setItem(0, 1, updated);

    QCOMPARE(modelToCsv(model, CsvRole, {}, {}),
             QByteArrayLiteral("stargazers_count,updated_at\r\n1234,2024-03-01T12:00:00Z\r\n"));
    QCOMPARE(modelToCsv(model, Qt::DisplayRole, {}, {}),
             QByteArrayLiteral("Stars,Updated\r\n1.2k,2 days ago\r\n"));
}

void TestCsvWriter::writeModel_columnsPickAndOrder()
{
    const auto model = makeModel({u"a"_s, u"b"_s, u"c"_s, u"d"_s}, {{u"a1"_s, u"b1"_s, u"c1"_s, u"d1"_s},
                                                                    {u"a2"_s, u"b2"_s, u"c2"_s, u"d2"_s}});

    QCOMPARE(modelToCsv(*model, Qt::DisplayRole, {}, {}),
             QByteArrayLiteral("a,b,c,d\r\na1,b1,c1,d1\r\na2,b2,c2,d2\r\n"));
    QCOMPARE(modelToCsv(*model, Qt::DisplayRole, {2, 0}, {}), QByteArrayLiteral("c,a\r\nc1,a1\r\nc2,a2\r\n"));
    QCOMPARE(modelToCsv(*model, Qt::DisplayRole, {3}, {}), QByteArrayLiteral("d\r\nd1\r\nd2\r\n"));
}

void TestCsvWriter::writeModel_missingColumn_failsAndWritesNothing()
{
    const auto model = makeModel({u"a"_s, u"b"_s}, {{u"a1"_s, u"b1"_s}});
    QByteArray bytes;
    QBuffer buffer(&bytes);
    QVERIFY(buffer.open(QIODevice::WriteOnly));
    CsvWriter writer(&buffer, CsvOptions{true, true});

    QTest::ignoreMessage(QtWarningMsg, "CSV export asked for column 2 of a model with 2 columns");
    QVERIFY(!writer.writeModel(*model, Qt::DisplayRole, {0, 2}));
    QTest::ignoreMessage(QtWarningMsg, "CSV export asked for column -1 of a model with 2 columns");
    QVERIFY(!writer.writeModel(*model, Qt::DisplayRole, {-1}));
    QVERIFY(bytes.isEmpty());

    QTest::ignoreMessage(QtWarningMsg, "CSV export asked for column 5 of a model with 2 columns");
    QVERIFY(modelToCsv(*model, Qt::DisplayRole, {5}, {}).isEmpty());
}

void TestCsvWriter::writeModel_proxyFilterAndSort_givesOnlyFilteredRowsInProxyOrder()
{
    // Numbers as numbers, so the proxy sorts 10 after 9.
    QStandardItemModel model(0, 2);
    model.setHorizontalHeaderLabels({u"full_name"_s, u"stargazers_count"_s});
    const QList<std::pair<QString, int>> repos = {
        {u"octo/alpha"_s, 9}, {u"other/beta"_s, 100}, {u"octo/gamma"_s, 10}, {u"octo/delta"_s, 1}};
    for (const auto &[name, stars] : repos) {
        auto *count = new QStandardItem;
        count->setData(stars, Qt::DisplayRole);
        model.appendRow({new QStandardItem(name), count});
    }

    QSortFilterProxyModel proxy;
    proxy.setSourceModel(&model);
    proxy.setFilterKeyColumn(0);
    proxy.setFilterFixedString(u"octo/"_s);
    proxy.sort(1, Qt::DescendingOrder);

    QCOMPARE(modelToCsv(proxy, Qt::DisplayRole, {}, {}), QByteArrayLiteral("full_name,stargazers_count\r\n"
                                                                           "octo/gamma,10\r\n"
                                                                           "octo/alpha,9\r\n"
                                                                           "octo/delta,1\r\n"));
    // Columns are the proxy's too.
    QCOMPARE(modelToCsv(proxy, Qt::DisplayRole, {1}, {}),
             QByteArrayLiteral("stargazers_count\r\n10\r\n9\r\n1\r\n"));
}

void TestCsvWriter::writeModel_formulaGuardOff_writesCellsAsTheyAre()
{
    const auto model = makeModel({u"=h"_s, u"b"_s}, {{u"=1+1"_s, u"-3"_s}});
    QCOMPARE(modelToCsv(*model, Qt::DisplayRole, {}, CsvOptions{false, false}),
             QByteArrayLiteral("=h,b\r\n=1+1,-3\r\n"));
    // The header is guarded like any cell.
    QCOMPARE(modelToCsv(*model, Qt::DisplayRole, {}, CsvOptions{false, true}),
             QByteArrayLiteral("'=h,b\r\n'=1+1,'-3\r\n"));
}

void TestCsvWriter::writeModel_deviceFails_returnsFalse()
{
    const auto model = makeModel({u"a"_s}, {{u"1"_s}, {u"2"_s}, {u"3"_s}});

    FailDevice headerFails(2);
    QVERIFY(!CsvWriter(&headerFails, {}).writeModel(*model, Qt::DisplayRole));

    FailDevice rowFails(7); // "a\r\n1\r\n" fits, "2\r\n" does not
    QVERIFY(!CsvWriter(&rowFails, {}).writeModel(*model, Qt::DisplayRole));
    QCOMPARE(rowFails.written, QByteArrayLiteral("a\r\n1\r\n"));

    QBuffer closed; // never opened: write() fails
    QTest::ignoreMessage(QtWarningMsg, "QIODevice::write (QBuffer): device not open");
    QVERIFY(!CsvWriter(&closed, {}).writeModel(*model, Qt::DisplayRole));

    QVERIFY(!CsvWriter(nullptr, {}).writeRecord({u"a"_s}));
}

void TestCsvWriter::writeRecord_bomOnlyBeforeTheFirstRecord()
{
    QByteArray bytes;
    QBuffer buffer(&bytes);
    QVERIFY(buffer.open(QIODevice::WriteOnly));
    CsvWriter writer(&buffer, CsvOptions{true, true});
    QVERIFY(writer.writeRecord({u"a"_s, u"b"_s}));
    QVERIFY(writer.writeRecord({u"1"_s, u"2"_s}));
    QCOMPARE(bytes, QByteArrayLiteral("\xEF\xBB\xBF"
                                      "a,b\r\n1,2\r\n"));
}

void TestCsvWriter::modelToCsv_equalsTheStreamedBytes()
{
    const auto model = makeModel({u"x"_s, u"y"_s}, {{u"a,b"_s, u"=c"_s}, {u"\u00fc"_s, u""_s}});
    const CsvOptions options{true, true};
    QByteArray streamed;
    QBuffer buffer(&streamed);
    QVERIFY(buffer.open(QIODevice::WriteOnly));
    QVERIFY(CsvWriter(&buffer, options).writeModel(*model, Qt::DisplayRole, {1, 0}));
    QCOMPARE(modelToCsv(*model, Qt::DisplayRole, {1, 0}, options), streamed);
}

void TestCsvWriter::modelToCsv_trickyModel_matchesGoldenBytes()
{
    const auto model =
        makeModel({u"title"_s, u"user"_s, u"labels"_s, u"comments"_s},
                  {
                      {u"Fix \"quoted\" names, again"_s, u"m\u00fcller"_s, u"bug;ui"_s, u"3"_s},
                      {u"Line one\nline two"_s, u"\u65e5\u672c"_s, u""_s, u"-1"_s},
                      {u"=HYPERLINK(\"http://x\",\"y\")"_s, u"@admin"_s, u"+1"_s, u"0"_s},
                      {u"Windows\r\nline"_s, u"emoji \U0001F600"_s, u"\ttab"_s, u"10"_s},
                      {u""_s, u""_s, u""_s, u""_s},
                  });

    // Spelled out byte by byte: UTF-8 as hex escapes (split where a hex digit follows), CRLF
    // records, LF and CRLF kept inside quoted fields, formulas prefixed with '.
    const QByteArray expected =
        QByteArrayLiteral("\xEF\xBB\xBF"
                          "title,user,labels,comments\r\n"
                          "\"Fix \"\"quoted\"\" names, again\",m\xC3\xBC"
                          "ller,bug;ui,3\r\n"
                          "\"Line one\nline two\",\xE6\x97\xA5\xE6\x9C\xAC,,'-1\r\n"
                          "\"'=HYPERLINK(\"\"http://x\"\",\"\"y\"\")\",'@admin,'+1,0\r\n"
                          "\"Windows\r\nline\",emoji \xF0\x9F\x98\x80,'\ttab,10\r\n"
                          ",,,\r\n");
    QCOMPARE(modelToCsv(*model, Qt::DisplayRole, {}, CsvOptions{true, true}), expected);
}

void TestCsvWriter::saveCsv_writesTheFile()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString path = dir.filePath(u"repos.csv"_s);
    const auto model = makeModel({u"full_name"_s, u"language"_s}, {{u"octo/hello"_s, u"C++"_s}});

    QString error = u"untouched"_s;
    QVERIFY(saveCsv(*model, Qt::DisplayRole, {}, CsvOptions{true, true}, path, &error));
    QCOMPARE(error, u"untouched"_s);
    QCOMPARE(readAll(path), QByteArrayLiteral("\xEF\xBB\xBF"
                                              "full_name,language\r\nocto/hello,C++\r\n"));
}

void TestCsvWriter::saveCsv_replacesAnExistingFileAndLeavesNoTemporaryFile()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString path = dir.filePath(u"out.csv"_s);
    QVERIFY(writeFile(path, QByteArrayLiteral("old content that is longer than the new one\r\n")));
    const auto model = makeModel({u"a"_s}, {{u"1"_s}});

    QString error;
    QVERIFY2(saveCsv(*model, Qt::DisplayRole, {}, {}, path, &error), qPrintable(error));
    QCOMPARE(readAll(path), QByteArrayLiteral("a\r\n1\r\n"));
    QCOMPARE(QDir(dir.path()).entryList(QDir::AllEntries | QDir::Hidden | QDir::NoDotAndDotDot),
             QStringList{u"out.csv"_s});
}

void TestCsvWriter::saveCsv_missingDirectory_failsWithASentenceAndCreatesNothing()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString path = dir.filePath(u"missing/out.csv"_s);
    const auto model = makeModel({u"a"_s}, {{u"1"_s}});

    QString error;
    QVERIFY(!saveCsv(*model, Qt::DisplayRole, {}, {}, path, &error));
    QVERIFY2(error.startsWith(u"Could not save “%1” ("_s.arg(QDir::toNativeSeparators(path))),
             qPrintable(error));
    QVERIFY2(error.endsWith(u"; nothing was written."_s), qPrintable(error));
    QVERIFY(!error.contains(u'\n'));
    QVERIFY(QDir(dir.path()).isEmpty(QDir::AllEntries | QDir::Hidden | QDir::NoDotAndDotDot));
}

void TestCsvWriter::saveCsv_parentIsARegularFile_failsAndKeepsIt()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString blocker = dir.filePath(u"not-a-dir"_s);
    const QByteArray blockerBytes = QByteArrayLiteral("I am a file\n");
    QVERIFY(writeFile(blocker, blockerBytes));
    const auto model = makeModel({u"a"_s}, {{u"1"_s}});

    QString error;
    QVERIFY(!saveCsv(*model, Qt::DisplayRole, {}, {}, blocker + u"/out.csv"_s, &error));
    QVERIFY2(error.contains(u"not-a-dir/out.csv"_s), qPrintable(error));
    QVERIFY2(error.endsWith(u"; nothing was written."_s), qPrintable(error));
    QCOMPARE(readAll(blocker), blockerBytes);
    QCOMPARE(QDir(dir.path()).entryList(QDir::AllEntries | QDir::Hidden | QDir::NoDotAndDotDot),
             QStringList{u"not-a-dir"_s});
}

void TestCsvWriter::saveCsv_pathIsADirectory_failsAndLeavesItAlone()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString target = dir.filePath(u"export.csv"_s);
    QVERIFY(QDir(dir.path()).mkdir(u"export.csv"_s));
    QVERIFY(writeFile(target + u"/inside.txt"_s, QByteArrayLiteral("keep")));
    const auto model = makeModel({u"a"_s}, {{u"1"_s}});

    QString error;
    QVERIFY(!saveCsv(*model, Qt::DisplayRole, {}, {}, target, &error));
    QVERIFY2(error.contains(QDir::toNativeSeparators(target)), qPrintable(error));
    QVERIFY(QFileInfo(target).isDir());
    QCOMPARE(readAll(target + u"/inside.txt"_s), QByteArrayLiteral("keep"));
    QCOMPARE(QDir(dir.path()).entryList(QDir::AllEntries | QDir::Hidden | QDir::NoDotAndDotDot),
             QStringList{u"export.csv"_s});
}

void TestCsvWriter::saveCsv_missingColumn_keepsTheOldFileByteIdentical()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString path = dir.filePath(u"out.csv"_s);
    const QByteArray old = QByteArrayLiteral("\xEF\xBB\xBF"
                                             "old,file\r\n1,2\r\n");
    QVERIFY(writeFile(path, old));
    const auto model = makeModel({u"a"_s}, {{u"1"_s}});

    QString error;
    QVERIFY(!saveCsv(*model, Qt::DisplayRole, {0, 3}, {}, path, &error));
    QCOMPARE(error, u"Could not save “%1” (the list has no column 3); the existing file was "
                    u"kept unchanged."_s.arg(QDir::toNativeSeparators(path)));
    QCOMPARE(readAll(path), old);
}

void TestCsvWriter::saveCsv_writeFailsMidway_keepsTheOldFileByteIdentical_data()
{
    QTest::addColumn<int>("rows");
    // QFileDevice buffers 16 KiB: a big export fails while rows are written, a small one only when
    // commit() flushes the rest.
    QTest::newRow("fails while writing rows") << 5000;
    QTest::newRow("fails in commit") << 150;
}

void TestCsvWriter::saveCsv_writeFailsMidway_keepsTheOldFileByteIdentical()
{
#ifdef Q_OS_UNIX
    QFETCH(int, rows);
    // A file size limit makes the disk "full" after 4 KiB, for root too (permissions would not).
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString path = dir.filePath(u"big.csv"_s);
    const QByteArray old = QByteArrayLiteral("old,file\r\nstays,as it was\r\n");
    QVERIFY(writeFile(path, old));

    QStandardItemModel model(0, 3);
    model.setHorizontalHeaderLabels({u"id"_s, u"name"_s, u"note"_s});
    for (int row = 0; row < rows; ++row) {
        model.appendRow({new QStandardItem(QString::number(row)), new QStandardItem(u"name %1"_s.arg(row)),
                         new QStandardItem(u"a note long enough to fill the file quickly"_s)});
    }
    QVERIFY(modelToCsv(model, Qt::DisplayRole, {}, {}).size() > 4096);

    rlimit unlimited{};
    QCOMPARE(getrlimit(RLIMIT_FSIZE, &unlimited), 0);
    struct Restore
    {
        rlimit limit;
        void (*handler)(int);
        ~Restore()
        {
            setrlimit(RLIMIT_FSIZE, &limit);
            std::signal(SIGXFSZ, handler);
        }
    } restore{unlimited, std::signal(SIGXFSZ, SIG_IGN)}; // EFBIG instead of a killed test
    rlimit small = unlimited;
    small.rlim_cur = 4096;
    QCOMPARE(setrlimit(RLIMIT_FSIZE, &small), 0);

    QString error;
    const bool ok = saveCsv(model, Qt::DisplayRole, {}, {}, path, &error);
    setrlimit(RLIMIT_FSIZE, &unlimited);

    QVERIFY(!ok);
    QCOMPARE(error, u"Could not save “%1” (%2); the existing file was kept unchanged."_s.arg(
                        QDir::toNativeSeparators(path), qt_error_string(EFBIG)));
    QCOMPARE(readAll(path), old);
    QCOMPARE(QDir(dir.path()).entryList(QDir::AllEntries | QDir::Hidden | QDir::NoDotAndDotDot),
             QStringList{u"big.csv"_s});
#else
    QSKIP("Needs RLIMIT_FSIZE to make a write fail midway");
#endif
}

void TestCsvWriter::saveCsv_acceptsANullErrorPointer()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const auto model = makeModel({u"a"_s}, {{u"1"_s}});
    QVERIFY(!saveCsv(*model, Qt::DisplayRole, {}, {}, dir.filePath(u"missing/out.csv"_s), nullptr));
    QVERIFY(saveCsv(*model, Qt::DisplayRole, {}, {}, dir.filePath(u"ok.csv"_s), nullptr));
}

QTEST_GUILESS_MAIN(TestCsvWriter)
#include "test_csvwriter.moc"

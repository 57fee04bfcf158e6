// Issue 15's streamed JSON: an array written page by page is the same bytes as the whole array at
// once, and a file written over many turns of the event loop replaces the old one only on commit.

#include "export/indentedjsonarray.h"
#include "export/stagedfile.h"

#include <QDir>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace Hubshelf::Export;

namespace {

QByteArray readAll(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray("(unreadable)");
}

// An export from before, in `dir`: its path.
QString oldExportIn(const QTemporaryDir &dir)
{
    const QString path = dir.filePath(u"export.json"_s);
    QFile old(path);
    if (!old.open(QIODevice::WriteOnly) || old.write("old contents\n") != 13) {
        return {};
    }
    return path;
}

} // namespace

class TestStreamedExport final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void indentedJsonArray_isQtsBytesForTheWholeArray_data();
    void indentedJsonArray_isQtsBytesForTheWholeArray();
    void stagedFile_replacesTheOldFileOnlyOnCommit();
    void stagedFile_withoutCommitKeepsTheOldFileAndLeavesNoTemporaryFile();
    void stagedFile_missingDirectory_saysSoInOneSentence();
};

void TestStreamedExport::indentedJsonArray_isQtsBytesForTheWholeArray_data()
{
    QTest::addColumn<QByteArray>("json");
    QTest::addColumn<int>("pageSize");
    QTest::newRow("empty") << QByteArray("[]") << 1;
    QTest::newRow("one object") << QByteArray(R"([{"id":1,"name":"a"}])") << 1;
    QTest::newRow("objects in pages of two")
        << QByteArray(R"([{"id":1,"o":{"x":[1,2,{"y":null}]}},{"id":2,"e":{}},{"id":3,"a":[]},{"id":4}])")
        << 2;
    QTest::newRow("scalars, strings and nested arrays")
        << QByteArray(R"([1,"two\n\"quoted\" \u202e é",true,null,2.5,[],[[1],[2,3]],{}])") << 3;
    QTest::newRow("a page bigger than the list")
        << QByteArray(R"([{"login":"octocat"},{"login":"monalisa"}])") << 10;
}

void TestStreamedExport::indentedJsonArray_isQtsBytesForTheWholeArray()
{
    QFETCH(QByteArray, json);
    QFETCH(int, pageSize);
    const QJsonArray whole = QJsonDocument::fromJson(json).array();
    IndentedJsonArray streamed;
    QByteArray bytes;
    for (qsizetype start = 0; start < whole.size(); start += pageSize) {
        QJsonArray page;
        for (qsizetype i = start; i < std::min(whole.size(), start + pageSize); ++i) {
            page.append(whole.at(i));
        }
        bytes += streamed.append(page);
    }
    bytes += streamed.append({}); // an empty page changes nothing
    bytes += streamed.end();
    QCOMPARE(bytes, QJsonDocument(whole).toJson(QJsonDocument::Indented));
    QCOMPARE(streamed.count(), whole.size());
}

void TestStreamedExport::stagedFile_replacesTheOldFileOnlyOnCommit()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString path = oldExportIn(dir);
    QVERIFY(!path.isEmpty());
    StagedFile file(path);
    QVERIFY2(file.open(), qPrintable(file.errorString()));
    QVERIFY(file.write("[\n"));
    QCoreApplication::processEvents(); // pages arrive over turns of the event loop
    QVERIFY(file.write("1\n]\n"));
    QCOMPARE(readAll(path), QByteArray("old contents\n")); // not yet
    QVERIFY2(file.commit(), qPrintable(file.errorString()));
    QCOMPARE(readAll(path), QByteArray("[\n1\n]\n"));
    QCOMPARE(QDir(dir.path()).entryList(QDir::Files | QDir::Hidden), QStringList{u"export.json"_s});
}

void TestStreamedExport::stagedFile_withoutCommitKeepsTheOldFileAndLeavesNoTemporaryFile()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString path = oldExportIn(dir);
    QVERIFY(!path.isEmpty());
    {
        StagedFile file(path);
        QVERIFY(file.open());
        QVERIFY(file.write("[\n{\"half\": "));
        // A page failed: the export ends without commit().
    }
    QCOMPARE(readAll(path), QByteArray("old contents\n"));
    QCOMPARE(QDir(dir.path()).entryList(QDir::Files | QDir::Hidden), QStringList{u"export.json"_s});
}

void TestStreamedExport::stagedFile_missingDirectory_saysSoInOneSentence()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString path = dir.filePath(u"missing/export.json"_s);
    StagedFile file(path);
    QVERIFY(!file.open());
    QVERIFY(!file.write("[]\n"));
    QVERIFY(!file.commit());
    QVERIFY2(file.errorString().startsWith(u"Could not save “%1” ("_s.arg(QDir::toNativeSeparators(path))),
             qPrintable(file.errorString()));
    QVERIFY2(file.errorString().endsWith(u"nothing was written."_s), qPrintable(file.errorString()));
    QVERIFY(!QFile::exists(path));
}

QTEST_GUILESS_MAIN(TestStreamedExport)
#include "test_streamedexport.moc"

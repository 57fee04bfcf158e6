// Issue 11 in the export layer the window and the CLI share: targets that are not regular files are
// written in place and never renamed over, their write failures are reported, and U+0000 never
// reaches a CSV file.

#include "export/csvwriter.h"
#include "export/stagedfile.h"

#include <QFile>
#include <QFileInfo>
#include <QProcess>
#include <QStandardItemModel>
#include <QTemporaryDir>
#include <QTest>

#include <fcntl.h>
#include <sys/stat.h>
#include <sys/sysmacros.h>
#include <unistd.h>

using namespace Qt::StringLiterals;
using namespace Hubshelf::Export;

namespace {

mode_t fileType(const QString &path)
{
    struct stat status
    {};
    return ::lstat(QFile::encodeName(path).constData(), &status) == 0 ? (status.st_mode & S_IFMT) : 0;
}

} // namespace

class TestExportTargets final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void saveFile_toFifo_writesInPlace();
    void saveFile_toFullDevice_failsWithOneSentence();
    void saveFile_emptyPath_fails();
    void csvField_dropsNulBeforeTheFormulaGuard_data();
    void csvField_dropsNulBeforeTheFormulaGuard();
    void saveCsv_windowExportHasNoNul();
};

void TestExportTargets::saveFile_toFifo_writesInPlace()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString fifo = dir.filePath(u"pipe.csv"_s);
    QCOMPARE(::mkfifo(QFile::encodeName(fifo).constData(), 0600), 0);
    // A second name for the FIFO: were it renamed over, a reader waiting in open() is let go through it.
    const QString keep = dir.filePath(u"pipe.keep"_s);
    QCOMPARE(::link(QFile::encodeName(fifo).constData(), QFile::encodeName(keep).constData()), 0);
    const QString received = dir.filePath(u"received"_s);
    QProcess reader;
    reader.setStandardOutputFile(received); // not a pipe to this thread, which is busy writing
    reader.start(u"cat"_s, {fifo});
    QVERIFY(reader.waitForStarted());
    const QByteArray bytes = QByteArray("a,b\r\n").repeated(50000); // more than a pipe holds
    QString error;
    const bool saved = saveFile(
        fifo, [&bytes](QIODevice &device) { return device.write(bytes) == bytes.size(); }, &error);
    if (!saved || fileType(fifo) != S_IFIFO) {
        const int unblock = ::open(QFile::encodeName(keep).constData(), O_WRONLY | O_NONBLOCK);
        if (unblock >= 0) {
            ::close(unblock);
        }
    }
    QVERIFY(reader.waitForFinished(20000));
    QVERIFY2(saved, qPrintable(error));
    QCOMPARE(fileType(fifo), mode_t(S_IFIFO));
    QFile file(received);
    QVERIFY(file.open(QIODevice::ReadOnly));
    QCOMPARE(file.readAll(), bytes);
}

void TestExportTargets::saveFile_toFullDevice_failsWithOneSentence()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    // A node of /dev/full in a folder of our own (root may make one); the real one otherwise, which
    // only root could have replaced.
    QString full = dir.filePath(u"full"_s);
    if (::mknod(QFile::encodeName(full).constData(), S_IFCHR | 0666, makedev(1, 7)) != 0) {
        if (::geteuid() == 0 || fileType(u"/dev/full"_s) != S_IFCHR) {
            QSKIP("No /dev/full to write to without risking it.");
        }
        full = u"/dev/full"_s;
    }
    for (const qsizetype size : {qsizetype(10), qsizetype(1 << 20)}) { // within and beyond a buffer
        const QByteArray bytes(size, 'x');
        QString error;
        QVERIFY(!saveFile(
            full, [&bytes](QIODevice &device) { return device.write(bytes) == bytes.size(); }, &error));
        QCOMPARE(fileType(full), mode_t(S_IFCHR));
        QVERIFY2(error.contains(full) && error.contains(qt_error_string(ENOSPC)), qPrintable(error));
        QVERIFY(!error.contains(u'\n'));
        QVERIFY2(!error.contains(u"kept unchanged"_s), qPrintable(error)); // a device keeps nothing
    }
}

void TestExportTargets::saveFile_emptyPath_fails()
{
    QString error;
    QVERIFY(!saveFile(
        QString(), [](QIODevice &) { return true; }, &error));
    QVERIFY(!error.isEmpty());
}

void TestExportTargets::csvField_dropsNulBeforeTheFormulaGuard_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QByteArray>("field");
    const QChar nul(u'\0');
    QTest::newRow("inside") << (u"before"_s + nul + u"after"_s) << QByteArray("beforeafter");
    QTest::newRow("only") << QString(nul) << QByteArray("");
    QTest::newRow("hides a formula") << (QString(nul) + u"=1+2"_s) << QByteArray("'=1+2");
    QTest::newRow("with a comma") << (u"a,"_s + nul) << QByteArray("\"a,\"");
}

void TestExportTargets::csvField_dropsNulBeforeTheFormulaGuard()
{
    QFETCH(QString, text);
    QFETCH(QByteArray, field);
    QCOMPARE(csvField(text, true), field);
    QVERIFY(!csvRecord({text, text}, false).contains('\0'));
}

void TestExportTargets::saveCsv_windowExportHasNoNul()
{
    QStandardItemModel model(1, 1);
    model.setHorizontalHeaderItem(0, new QStandardItem(u"description"_s));
    model.setData(model.index(0, 0), QString(u"a"_s + QChar(u'\0') + u"b"_s));
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString path = dir.filePath(u"out.csv"_s);
    QString error;
    QVERIFY2(saveCsv(model, Qt::DisplayRole, {}, CsvOptions{}, path, &error), qPrintable(error));
    QFile file(path);
    QVERIFY(file.open(QIODevice::ReadOnly));
    QCOMPARE(file.readAll(), QByteArray("description\r\nab\r\n"));
}

QTEST_GUILESS_MAIN(TestExportTargets)
#include "test_exporttargets.moc"

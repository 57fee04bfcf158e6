// Issue 11's faults of output targets, bodies and the cache, each against the built binary: `-o` onto
// FIFOs and devices, an empty `-o`, NUL bytes in list bodies, and a cache entry whose body rotted.

#include "clirun.h"
#include "fakegithub.h"

#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QSignalSpy>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

#include <sys/stat.h>
#include <sys/sysmacros.h>
#include <unistd.h>

using namespace Qt::StringLiterals;
using CliTest::Run;
using FakeGitHub::Fault;

namespace {

bool isCharacterDevice(const QString &path)
{
    struct stat status
    {};
    return ::lstat(QFile::encodeName(path).constData(), &status) == 0 && S_ISCHR(status.st_mode);
}

bool isFifo(const QString &path)
{
    struct stat status
    {};
    return ::lstat(QFile::encodeName(path).constData(), &status) == 0 && S_ISFIFO(status.st_mode);
}

// A reader at the other end of a FIFO, as `cat` would be in a shell pipeline.
class FifoReader final
{
public:
    explicit FifoReader(const QString &path, qint64 stopAfterBytes = -1)
    {
        m_process.setProgram(u"/bin/sh"_s);
        // `head -c N` closes the FIFO after N bytes, so that the writer meets a reader that went away.
        m_process.setArguments(
            stopAfterBytes < 0 ? QStringList{u"-c"_s, u"exec cat \"$0\""_s, path}
                               : QStringList{u"-c"_s, u"exec head -c %1 \"$0\""_s.arg(stopAfterBytes), path});
        m_process.start();
    }
    ~FifoReader()
    {
        if (m_process.state() != QProcess::NotRunning) {
            m_process.kill();
            m_process.waitForFinished(5000);
        }
    }
    Q_DISABLE_COPY_MOVE(FifoReader)

    bool started() { return m_process.waitForStarted(10000); }
    // What the reader got; empty when it did not see the end of the data within the wait.
    QByteArray finish()
    {
        if (m_process.state() != QProcess::NotRunning) {
            QSignalSpy finished(&m_process, &QProcess::finished);
            if (!finished.wait(20000)) {
                return {};
            }
        }
        return m_process.readAllStandardOutput();
    }

private:
    QProcess m_process;
};

} // namespace

class TestCliHardening final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();

    // item 10
    void export_toFifo_writesThroughAndKeepsTheFifo();
    void export_toFifoWhoseReaderLeaves_isOneSentenceAndExit1();
    void export_toDevNull_staysACharacterDevice();
    void export_toDevFull_isOneSentenceAndExit1();
    void export_emptyOutputPath_isAUsageError();
    // item 12
    void rawNulInTheBody_isExit6AndKeepsTheCachedEntry();
    void escapedNulInAString_isDroppedFromTheCsv();
    // item 16
    void rottedCacheEntry_isRefetchedAndCounted();
    void api_printsTheServersControlsEscaped();

private:
    Run run(const QStringList &arguments);
    // A node of the character device MAJOR:MINOR in the temporary folder, or empty with QSKIP's
    // reason in `why` when this process may not make one.
    QString deviceCopy(const char *name, unsigned major, unsigned minor, QString *why) const;

    std::unique_ptr<FakeGitHub::Server> m_fake;
    std::unique_ptr<QTemporaryDir> m_home;
};

void TestCliHardening::init()
{
    m_fake = std::make_unique<FakeGitHub::Server>();
    QVERIFY(m_fake->listen());
    m_home = std::make_unique<QTemporaryDir>();
    QVERIFY(m_home->isValid());
}

void TestCliHardening::cleanup()
{
    m_fake.reset();
    m_home.reset();
}

Run TestCliHardening::run(const QStringList &arguments)
{
    return CliTest::runHubshelf(m_fake->apiUrl(), *m_home, arguments, FakeGitHub::Tokens::Octocat);
}

QString TestCliHardening::deviceCopy(const char *name, unsigned major, unsigned minor, QString *why) const
{
    const QString path = m_home->filePath(QString::fromLatin1(name));
    if (::mknod(QFile::encodeName(path).constData(), S_IFCHR | 0666, makedev(major, minor)) == 0) {
        return path;
    }
    *why = u"mknod is not permitted here (%1)"_s.arg(qt_error_string(errno));
    return {};
}

void TestCliHardening::export_toFifo_writesThroughAndKeepsTheFifo()
{
    const QString fifo = m_home->filePath(u"pipe.csv"_s);
    QCOMPARE(::mkfifo(QFile::encodeName(fifo).constData(), 0600), 0);
    FifoReader reader(fifo);
    QVERIFY(reader.started());
    const Run result = run({u"export"_s, u"orgs"_s, u"octocat"_s, u"-o"_s, fifo});
    QVERIFY2(result.exitCode == 0, qPrintable(result.err));
    QVERIFY(result.out.isEmpty());
    QVERIFY2(isFifo(fifo), "the FIFO was replaced by a regular file");
    QVERIFY(reader.finish().startsWith("login,id,description,url\r\n"));
}

void TestCliHardening::export_toFifoWhoseReaderLeaves_isOneSentenceAndExit1()
{
    const QString fifo = m_home->filePath(u"pipe.csv"_s);
    QCOMPARE(::mkfifo(QFile::encodeName(fifo).constData(), 0600), 0);
    FifoReader reader(fifo, 100);
    QVERIFY(reader.started());
    // 5,000 rows: far more than a pipe buffers, so writing goes on after the reader has gone.
    const Run result = run({u"export"_s, u"repos"_s, u"megacorp"_s, u"-o"_s, fifo});
    QCOMPARE(reader.finish().size(), 100);
    QCOMPARE(result.exitStatus, QProcess::NormalExit); // not killed by SIGPIPE
    QCOMPARE(result.exitCode, 1);
    QVERIFY(result.out.isEmpty());
    QCOMPARE(result.err.count(u'\n'), 1);
    QVERIFY2(result.err.startsWith(u"hubshelf: "_s) && result.err.contains(fifo), qPrintable(result.err));
    QVERIFY(isFifo(fifo));
}

void TestCliHardening::export_toDevNull_staysACharacterDevice()
{
    // A rehearsal on a copy of the device first: were non-regular targets still renamed over, only
    // the copy is lost, and the real /dev/null (which as root could be replaced) is never touched.
    QString why;
    const QString copy = deviceCopy("null", 1, 3, &why);
    if (copy.isEmpty() && ::geteuid() == 0) {
        QSKIP(qPrintable(why + u"; as root the real /dev/null is not risked without a rehearsal"_s));
    }
    if (!copy.isEmpty()) {
        const Run rehearsal = run({u"export"_s, u"orgs"_s, u"octocat"_s, u"-o"_s, copy});
        QVERIFY2(isCharacterDevice(copy), "the copy of /dev/null was replaced by a regular file");
        QVERIFY2(rehearsal.exitCode == 0, qPrintable(rehearsal.err));
    }
    QVERIFY(isCharacterDevice(u"/dev/null"_s));
    const Run result = run({u"export"_s, u"orgs"_s, u"octocat"_s, u"-o"_s, u"/dev/null"_s});
    QVERIFY2(isCharacterDevice(u"/dev/null"_s), "/dev/null is no longer a character device");
    QVERIFY(!QFileInfo(u"/dev/null"_s).isFile());
    QVERIFY2(result.exitCode == 0, qPrintable(result.err));
    QVERIFY(result.out.isEmpty());
    QVERIFY(result.err.isEmpty());
}

void TestCliHardening::export_toDevFull_isOneSentenceAndExit1()
{
    QString why;
    const QString copy = deviceCopy("full", 1, 7, &why);
    QStringList targets;
    if (!copy.isEmpty()) {
        targets << copy;
    }
    // The real device only after its copy held, or where it cannot be replaced (not root).
    if (::geteuid() != 0 || !copy.isEmpty()) {
        targets << u"/dev/full"_s;
    }
    if (targets.isEmpty()) {
        QSKIP(qPrintable(why));
    }
    for (const QString &target : std::as_const(targets)) {
        if (!isCharacterDevice(target)) {
            QSKIP("This system has no /dev/full.");
        }
        for (const QString &format : {u"csv"_s, u"json"_s}) {
            const Run result =
                run({u"export"_s, u"orgs"_s, u"octocat"_s, u"--format"_s, format, u"-o"_s, target});
            QVERIFY2(isCharacterDevice(target), qPrintable(target + u" was replaced by a regular file"_s));
            QCOMPARE(result.exitCode, 1);
            QVERIFY(result.out.isEmpty());
            QCOMPARE(result.err.count(u'\n'), 1);
            QVERIFY2(result.err.startsWith(u"hubshelf: "_s) && result.err.contains(target) &&
                         result.err.contains(qt_error_string(ENOSPC)),
                     qPrintable(result.err));
        }
    }
}

void TestCliHardening::export_emptyOutputPath_isAUsageError()
{
    for (const QStringList &option : {QStringList{u"-o"_s, QString()}, QStringList{u"--output="_s}}) {
        const Run result = run(QStringList{u"export"_s, u"orgs"_s, u"octocat"_s} + option);
        QCOMPARE(result.exitCode, 2);
        QVERIFY(result.out.isEmpty());
        QCOMPARE(result.err.count(u'\n'), 1);
        QVERIFY2(result.err.startsWith(u"hubshelf: "_s), qPrintable(result.err));
        QVERIFY(m_fake->requestLog().isEmpty());
    }
}

void TestCliHardening::rawNulInTheBody_isExit6AndKeepsTheCachedEntry()
{
    m_fake->setMaxAge(0); // every later run asks again, and so meets the fault
    const Run warm = run({u"export"_s, u"orgs"_s, u"octocat"_s});
    QVERIFY2(warm.exitCode == 0, qPrintable(warm.err));
    const QByteArray nulInString("[{\"login\":\"nul\0org\",\"id\":1}]", 28);
    const QByteArray nulAfterDocument = QByteArray("[{\"login\":\"org\",\"id\":1}]") + '\0';
    QCOMPARE(nulInString.count('\0'), 1);
    for (const QByteArray &body : {nulInString, nulAfterDocument}) {
        m_fake->armFault(u"/users/octocat/orgs"_s, Fault::withBody(body), 3);
        for (const QStringList &arguments : {QStringList{u"export"_s, u"orgs"_s, u"octocat"_s},
                                             QStringList{u"api"_s, u"/users/octocat/orgs"_s}}) {
            const Run broken = run(arguments);
            QVERIFY2(broken.exitCode == 6,
                     qPrintable(u"exit %1, stdout %2, fault %3"_s.arg(broken.exitCode)
                                    .arg(QString::fromLatin1(broken.out.toPercentEncoding()),
                                         m_fake->requestLog().constLast().fault)));
            QVERIFY(broken.out.isEmpty());
            QCOMPARE(broken.err.count(u'\n'), 1);
            QVERIFY2(broken.err.startsWith(u"hubshelf: "_s), qPrintable(broken.err));
        }
        m_fake->clearFaults();
        const Run cached = run({u"--offline"_s, u"export"_s, u"orgs"_s, u"octocat"_s});
        QVERIFY2(cached.exitCode == 0, qPrintable(cached.err));
        QCOMPARE(cached.out, warm.out);
    }
}

void TestCliHardening::escapedNulInAString_isDroppedFromTheCsv()
{
    // A JSON string may hold U+0000 (written \u0000); a CSV cell must not (readers stop or fail at it).
    const QByteArray body = "[{\"login\":\"nul\\u0000org\",\"id\":1,\"description\":\"before\\u0000after\"},"
                            "{\"login\":\"formula\",\"id\":2,\"description\":\"\\u0000=1+2\"}]";
    QVERIFY(QJsonDocument::fromJson(body).isArray());
    m_fake->armFault(u"/users/octocat/orgs"_s, Fault::withBody(body));
    const Run result = run({u"--no-cache"_s, u"export"_s, u"orgs"_s, u"octocat"_s});
    QVERIFY2(result.exitCode == 0, qPrintable(result.err));
    QVERIFY(!result.out.contains('\0'));
    const QList<QByteArray> lines = result.out.split('\n');
    QCOMPARE(lines.size(), 4);
    QCOMPARE(lines.at(1), QByteArray("nulorg,1,beforeafter,\r"));
    // Dropped before the formula guard looks at the cell, so a hidden leading = is still guarded.
    QCOMPARE(lines.at(2), QByteArray("formula,2,'=1+2,\r"));
}

void TestCliHardening::api_printsTheServersControlsEscaped()
{
    // Valid JSON may hold DEL, C1 controls and bidi overrides raw inside strings: a terminal would
    // obey them. They are printed as JSON escapes, which mean the same to any JSON reader.
    const QByteArray body = "[{\"login\":\"evil\xe2\x80\xae"
                            "gro\",\"id\":1,\"description\":\"\xc2\x9b"
                            "2J\x7f\"}]";
    QVERIFY(QJsonDocument::fromJson(body).isArray());
    for (const QStringList &arguments : {QStringList{u"api"_s, u"/users/octocat/orgs"_s},
                                         QStringList{u"api"_s, u"--paginate"_s, u"/users/octocat/orgs"_s},
                                         QStringList{u"-v"_s, u"api"_s, u"-i"_s, u"/users/octocat/orgs"_s}}) {
        m_fake->armFault(u"/users/octocat/orgs"_s, Fault::withBody(body));
        const Run result = run(QStringList{u"--no-cache"_s} + arguments);
        QVERIFY2(result.exitCode == 0, qPrintable(result.err));
        for (const QByteArray &raw :
             {QByteArray("\xe2\x80\xae"), QByteArray("\xc2\x9b"), QByteArray("\x7f")}) {
            QVERIFY2(!result.out.contains(raw), qPrintable(arguments.join(u' ')));
        }
        QVERIFY(result.out.contains("evil\\u202egro"));
        const QByteArray json = result.out.mid(result.out.indexOf("\r\n\r\n") + 1);
        QCOMPARE(QJsonDocument::fromJson(json).array().at(0).toObject().value(u"login"_s).toString(),
                 u"evil\u202Egro"_s);
    }
}

void TestCliHardening::rottedCacheEntry_isRefetchedAndCounted()
{
    const Run warm = run({u"export"_s, u"orgs"_s, u"octocat"_s});
    QVERIFY2(warm.exitCode == 0, qPrintable(warm.err));
    const QString databasePath = QString::fromUtf8(run({u"cache"_s, u"path"_s}).out.trimmed());
    QVERIFY(QFileInfo::exists(databasePath));
    {
        // One bit of a letter flips (g -> G): the JSON stays valid, so only a checksum can tell.
        QSqlDatabase db = QSqlDatabase::addDatabase(u"QSQLITE"_s, u"rot"_s);
        db.setDatabaseName(databasePath);
        QVERIFY(db.open());
        QSqlQuery query(db);
        QVERIFY(query.exec(u"SELECT rowid, body FROM responses"_s) && query.next());
        const qint64 rowid = query.value(0).toLongLong();
        QByteArray body = query.value(1).toByteArray();
        query.finish();
        const qsizetype at = body.indexOf("\"login\":\"") + 9;
        QVERIFY(at > 9 && body.at(at) >= 'a' && body.at(at) <= 'z');
        body[at] = char(body.at(at) ^ 0x20);
        QVERIFY(query.prepare(u"UPDATE responses SET body = ? WHERE rowid = ?"_s));
        query.addBindValue(body);
        query.addBindValue(rowid);
        QVERIFY2(query.exec(), qPrintable(query.lastError().text()));
        db.close();
    }
    QSqlDatabase::removeDatabase(u"rot"_s);
    m_fake->clearRequestLog();
    const Run again = run({u"export"_s, u"orgs"_s, u"octocat"_s});
    QVERIFY2(again.exitCode == 0, qPrintable(again.err));
    QCOMPARE(again.out, warm.out); // not the rotted body: fetched again
    QCOMPARE(m_fake->requestLog().size(), 1);
    const Run stats = run({u"cache"_s, u"stats"_s, u"--json"_s});
    QCOMPARE(QJsonDocument::fromJson(stats.out).object().value(u"corrupt_entries_dropped"_s).toInt(-1), 1);
    const Run text = run({u"cache"_s, u"stats"_s});
    QVERIFY2(text.out.contains("corrupt entries dropped: 1\n"), text.out.constData());
}

QTEST_GUILESS_MAIN(TestCliHardening)
#include "test_cli_hardening.moc"

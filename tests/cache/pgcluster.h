#pragma once

// A throw-away PostgreSQL cluster for the tests of the PostgreSQL cache: initdb in a QTemporaryDir,
// the server on a free TCP port of 127.0.0.1 with a password user and its Unix socket in the same
// folder, stopped and deleted with the object. initdb refuses to run as root (as CI does), so then
// the server programs run as the `postgres` system user, which owns the folder.

#include <QDir>
#include <QFile>
#include <QProcess>
#include <QRandomGenerator>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QStandardPaths>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QTest>
#include <QVersionNumber>

#include <memory>

#include <grp.h>
#include <pwd.h>
#include <unistd.h>

namespace PgTest {

class Cluster final
{
public:
    enum class Start { Started, Unavailable, Failed };

    Cluster() = default;
    ~Cluster() { stop(QStringLiteral("immediate")); }
    Q_DISABLE_COPY_MOVE(Cluster)

    // Unavailable when PostgreSQL or Qt's driver for it is not installed (the test skips, and
    // problem() says why); Failed when it is, but the cluster would not start.
    Start start()
    {
        using namespace Qt::StringLiterals;
        m_bin = serverPrograms();
        if (m_bin.isEmpty()) {
            m_problem = u"PostgreSQL's server programs (/usr/lib/postgresql/VERSION/bin/initdb) are not "
                        u"installed; apt-get install postgresql"_s;
            return Start::Unavailable;
        }
        if (!QSqlDatabase::isDriverAvailable(u"QPSQL"_s)) {
            m_problem = u"Qt's PostgreSQL driver (QPSQL) is not installed; apt-get install libqt6sql6-psql"_s;
            return Start::Unavailable;
        }
        if (::geteuid() == 0) {
            const passwd *postgres = ::getpwnam("postgres");
            if (!postgres || QStandardPaths::findExecutable(u"runuser"_s).isEmpty()) {
                m_problem = u"running as root, which initdb refuses, and there is no postgres user (or no "
                            u"runuser) to run it as"_s;
                return Start::Unavailable;
            }
            m_runAs = {QStandardPaths::findExecutable(u"runuser"_s), u"-u"_s, u"postgres"_s, u"--"_s};
            m_uid = postgres->pw_uid;
            m_gid = postgres->pw_gid;
        }
        m_dir = std::make_unique<QTemporaryDir>(QDir::tempPath() + u"/hubshelf-pg-XXXXXX"_s);
        if (!m_dir->isValid() ||
            (m_uid && ::chown(QFile::encodeName(m_dir->path()).constData(), m_uid, m_gid))) {
            m_problem = u"cannot make the cluster's folder"_s;
            return Start::Failed;
        }
        // Random each run: a password the tests can look for in every output the program makes.
        m_password = u"pw-%1"_s.arg(QRandomGenerator::system()->generate64(), 0, 36);
        const QString passwordFile = m_dir->filePath(u"password"_s);
        if (!writeOwned(passwordFile, m_password.toUtf8())) {
            m_problem = u"cannot write the password file"_s;
            return Start::Failed;
        }
        // --no-sync and, below, fsync off: a cluster that lives for one test need not survive a crash.
        if (!run(u"initdb"_s,
                 {u"-D"_s, dataDirectory(), u"-U"_s, user(), u"--pwfile"_s, passwordFile, u"-A"_s,
                  u"scram-sha-256"_s, u"-E"_s, u"UTF8"_s, u"--locale"_s, u"C"_s, u"--no-sync"_s})) {
            return Start::Failed;
        }
        QFile::remove(passwordFile);
        for (int attempt = 0; attempt < 3; ++attempt) {
            m_port = freePort();
            if (startServer()) {
                return Start::Started;
            }
        }
        return Start::Failed;
    }

    // Starts the stopped server again, on the same port and data.
    bool startServer()
    {
        using namespace Qt::StringLiterals;
        const QString options = u"-p %1 -k %2 -c listen_addresses=127.0.0.1 -c fsync=off "
                                u"-c synchronous_commit=off -c full_page_writes=off -c max_connections=60 "
                                u"-c shared_buffers=16MB"_s.arg(m_port)
                                    .arg(m_dir->path());
        return run(u"pg_ctl"_s, {u"-D"_s, dataDirectory(), u"-l"_s, m_dir->filePath(u"server.log"_s), u"-w"_s,
                                 u"-t"_s, u"30"_s, u"-o"_s, options, u"start"_s});
    }

    bool isRunning() const
    {
        return m_dir && QFile::exists(dataDirectory() + QStringLiteral("/postmaster.pid"));
    }

    // mode: fast (sessions are ended, as a server shut down by its admin) or immediate.
    bool stop(const QString &mode = QStringLiteral("fast"))
    {
        using namespace Qt::StringLiterals;
        if (!isRunning()) {
            return true;
        }
        return run(u"pg_ctl"_s, {u"-D"_s, dataDirectory(), u"-m"_s, mode, u"-w"_s, u"stop"_s});
    }

    QString problem() const { return m_problem; }
    quint16 port() const { return m_port; }
    QString user() const { return QStringLiteral("hubshelf"); }
    QString password() const { return m_password; }

    QString url(const QString &database) const
    {
        using namespace Qt::StringLiterals;
        return u"postgresql://%1:%2@127.0.0.1:%3/%4"_s.arg(user(), m_password).arg(m_port).arg(database);
    }
    // What the program may print of url(): the same without the password.
    QString displayUrl(const QString &database) const
    {
        using namespace Qt::StringLiterals;
        return u"postgresql://%1@127.0.0.1:%2/%3"_s.arg(user()).arg(m_port).arg(database);
    }

    // A new, empty database for one test.
    QString createDatabase()
    {
        using namespace Qt::StringLiterals;
        const QString name = u"cache_%1"_s.arg(++m_databases);
        return exec(u"postgres"_s, u"CREATE DATABASE %1"_s.arg(name)) ? name : QString();
    }

    // Runs statements on a connection of their own, as another program would.
    bool exec(const QString &database, const QString &sql) { return !query(database, sql, nullptr).isNull(); }
    // The first value of a query; a null QVariant when it fails, an invalid string "" for no row.
    QVariant value(const QString &database, const QString &sql)
    {
        QVariant first;
        return query(database, sql, &first).isNull() ? QVariant() : first;
    }

    // pg_dump's plain SQL of a database: every row, as the operator's backups would hold it.
    QByteArray dump(const QString &database)
    {
        using namespace Qt::StringLiterals;
        QProcess process;
        QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
        environment.insert(u"PGPASSWORD"_s, m_password);
        process.setProcessEnvironment(environment);
        process.start(m_bin + u"/pg_dump"_s, {u"-h"_s, u"127.0.0.1"_s, u"-p"_s, QString::number(m_port),
                                              u"-U"_s, user(), u"-d"_s, database});
        if (!waitFor(process)) {
            return {};
        }
        return process.readAllStandardOutput();
    }

private:
    static QString serverPrograms()
    {
        using namespace Qt::StringLiterals;
        const QDir versions(u"/usr/lib/postgresql"_s);
        QString best;
        QVersionNumber bestVersion;
        for (const QString &entry : versions.entryList(QDir::Dirs | QDir::NoDotAndDotDot)) {
            const QVersionNumber version = QVersionNumber::fromString(entry);
            if (QFile::exists(versions.filePath(entry + u"/bin/initdb"_s)) && version > bestVersion) {
                best = versions.filePath(entry + u"/bin"_s);
                bestVersion = version;
            }
        }
        return best;
    }

    static quint16 freePort()
    {
        QTcpServer probe;
        probe.listen(QHostAddress::LocalHost, 0);
        return probe.serverPort();
    }

    QString dataDirectory() const { return m_dir->filePath(QStringLiteral("data")); }

    bool writeOwned(const QString &path, const QByteArray &bytes)
    {
        QFile file(path);
        return file.open(QIODevice::WriteOnly) && file.write(bytes) == bytes.size() && file.flush() &&
               (!m_uid || ::fchown(file.handle(), m_uid, m_gid) == 0);
    }

    // With the event loop turning: a fake GitHub in the test's thread keeps answering meanwhile.
    static bool waitFor(QProcess &process)
    {
        if (!process.waitForStarted(10000) ||
            !QTest::qWaitFor([&process] { return process.state() == QProcess::NotRunning; }, 60000)) {
            process.kill();
            return false;
        }
        return process.exitStatus() == QProcess::NormalExit && process.exitCode() == 0;
    }

    bool run(const QString &program, const QStringList &arguments)
    {
        QProcess process;
        process.setProcessChannelMode(QProcess::MergedChannels);
        // The postgres user may not enter the build folder (a CI checkout under /root, say): its
        // programs start in the cluster's own folder, which it owns.
        process.setWorkingDirectory(m_dir->path());
        const QStringList command = m_runAs + QStringList{m_bin + u'/' + program} + arguments;
        process.start(command.constFirst(), command.mid(1));
        const bool ok = waitFor(process);
        if (!ok) {
            m_problem = program + QStringLiteral(" failed: ") + QString::fromLocal8Bit(process.readAll());
            qWarning("%s", qPrintable(m_problem));
        }
        return ok;
    }

    QVariant query(const QString &database, const QString &sql, QVariant *first)
    {
        using namespace Qt::StringLiterals;
        const QString name = u"pgcluster-%1"_s.arg(++m_connections);
        bool ok = false;
        {
            QSqlDatabase db = QSqlDatabase::addDatabase(u"QPSQL"_s, name);
            db.setHostName(u"127.0.0.1"_s);
            db.setPort(m_port);
            db.setUserName(user());
            db.setPassword(m_password);
            db.setDatabaseName(database);
            QSqlQuery query(db);
            ok = db.open() && query.exec(sql);
            if (!ok) {
                qWarning("%s: %s %s", qPrintable(sql), qPrintable(db.lastError().text()),
                         qPrintable(query.lastError().text()));
            } else if (first) {
                *first = query.next() ? query.value(0) : QVariant(QString());
            }
        }
        QSqlDatabase::removeDatabase(name);
        return ok ? QVariant(true) : QVariant();
    }

    QString m_bin;
    QStringList m_runAs;
    uid_t m_uid = 0;
    gid_t m_gid = 0;
    std::unique_ptr<QTemporaryDir> m_dir;
    QString m_password;
    QString m_problem;
    quint16 m_port = 0;
    int m_databases = 0;
    int m_connections = 0;
};

// Whether `bytes` (a dump, a log) holds `secret` as it is or as pg_dump or a careless program would
// encode it: bytea is dumped as hex.
inline bool holdsAnyFormOf(const QByteArray &bytes, const QByteArray &secret)
{
    return bytes.contains(secret) || bytes.contains(secret.toHex()) || bytes.contains(secret.toBase64());
}

} // namespace PgTest

// In initTestCase(): starts `cluster`, skips the whole test (saying why) when PostgreSQL or QPSQL
// is not installed, fails it when they are but the cluster does not start.
#define PGTEST_START_OR_SKIP(cluster)                                                                        \
    do {                                                                                                     \
        const PgTest::Cluster::Start started = (cluster).start();                                            \
        if (started == PgTest::Cluster::Start::Unavailable) {                                                \
            QSKIP(qPrintable((cluster).problem()));                                                          \
        }                                                                                                    \
        QVERIFY2(started == PgTest::Cluster::Start::Started, qPrintable((cluster).problem()));               \
    } while (false)

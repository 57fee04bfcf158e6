#pragma once

// Runs the built `hubshelf` binary against a fake GitHub, as a script would: its own cache and
// settings folders, no display, no token from the person's environment.

#include <QByteArray>
#include <QFile>
#include <QProcess>
#include <QSignalSpy>
#include <QString>
#include <QStringList>
#include <QTemporaryDir>
#include <QUrl>

namespace CliTest {

struct Run
{
    int exitCode = -1;
    QProcess::ExitStatus exitStatus = QProcess::CrashExit;
    QByteArray out;
    QString err;
};

// The environment of a run: the person's own, with the cache and settings in `home`, and the token
// (when given) where the fake's host takes it from; nothing of the person's tokens or display.
inline QProcessEnvironment environmentFor(const QTemporaryDir &home, const QByteArray &token)
{
    using namespace Qt::StringLiterals;
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.insert(u"XDG_CACHE_HOME"_s, home.filePath(u"cache"_s));
    environment.insert(u"XDG_CONFIG_HOME"_s, home.filePath(u"config"_s));
    for (const QString &name :
         {u"GH_TOKEN"_s, u"GITHUB_TOKEN"_s, u"GITHUB_ENTERPRISE_TOKEN"_s, u"GH_ENTERPRISE_TOKEN"_s,
          u"DISPLAY"_s, u"QT_LOGGING_RULES"_s, u"HUBSHELF_TRANSFER_DEADLINE"_s}) {
        environment.remove(name);
    }
    // The fake is not github.com: its token comes from the Enterprise variable, as with gh.
    if (!token.isEmpty()) {
        environment.insert(u"GH_ENTERPRISE_TOKEN"_s, QString::fromLatin1(token));
    }
    return environment;
}

inline QStringList argumentsFor(const QUrl &apiUrl, const QStringList &arguments)
{
    using namespace Qt::StringLiterals;
    return QStringList{u"--api-url"_s, apiUrl.toString()} + arguments;
}

inline Run runHubshelf(const QUrl &apiUrl, const QTemporaryDir &home, const QStringList &arguments,
                       const QByteArray &token, const QByteArray &input = {})
{
    QProcess process;
    process.setProcessEnvironment(environmentFor(home, token));
    // The fake lives in the test's thread: wait with the event loop running, never with
    // waitForFinished().
    QSignalSpy finished(&process, &QProcess::finished);
    process.start(QString::fromUtf8(HUBSHELF_BINARY), argumentsFor(apiUrl, arguments));
    if (!input.isEmpty()) {
        process.write(input); // standard input, e.g. `auth login --with-token`
        process.closeWriteChannel();
    }
    Run result;
    if (!finished.wait(120000)) {
        process.kill();
        qWarning("hubshelf did not finish");
        return result;
    }
    result.exitCode = process.exitCode();
    result.exitStatus = process.exitStatus();
    result.out = process.readAllStandardOutput();
    result.err = QString::fromUtf8(process.readAllStandardError());
    return result;
}

// A running process's peak resident memory (VmHWM) in kB; -1 when it cannot be read.
inline qint64 peakRssKb(qint64 pid)
{
    QFile status(QStringLiteral("/proc/%1/status").arg(pid));
    if (!status.open(QIODevice::ReadOnly)) {
        return -1;
    }
    const QList<QByteArray> lines = status.readAll().split('\n');
    for (const QByteArray &line : lines) {
        if (line.startsWith("VmHWM:")) {
            return line.mid(6).trimmed().split(' ').constFirst().toLongLong();
        }
    }
    return -1;
}

} // namespace CliTest

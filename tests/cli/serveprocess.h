#pragma once

// `hubshelf serve` as a process of the tests: started headless on a free port against an API, asked
// over loopback, stopped with SIGTERM (or killed).

#include "clirun.h"

#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QTest>

#include <csignal>
#include <memory>

namespace CliTest {

struct Answer
{
    int status = 0;
    QByteArray body;
    QByteArray cacheStatus;
};

// A GET through `network`, with the token when given; TLS errors of a self-signed mirror ignored.
inline Answer get(QNetworkAccessManager &network, const QUrl &url, const QByteArray &token = {})
{
    QNetworkRequest request(url);
    if (!token.isEmpty()) {
        request.setRawHeader("Authorization", "token " + token);
    }
    QNetworkReply *reply = network.get(request);
    QObject::connect(reply, &QNetworkReply::sslErrors, reply, [reply] { reply->ignoreSslErrors(); });
    if (!QTest::qWaitFor([reply] { return reply->isFinished(); }, 20000)) {
        qWarning("no answer from the mirror for %s", qPrintable(url.toString()));
    }
    reply->deleteLater();
    return {reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt(), reply->readAll(),
            reply->rawHeader("Cache-Status")};
}

class ServeProcess final
{
public:
    ServeProcess() = default;
    ~ServeProcess() { kill(); }
    Q_DISABLE_COPY_MOVE(ServeProcess)

    // Starts `hubshelf --api-url API serve --port 0 ARGUMENTS` with its cache and settings in
    // `home`, and returns the URL of its first line (invalid when it did not start listening).
    QUrl start(const QUrl &apiUrl, const QTemporaryDir &home, const QStringList &arguments,
               const QProcessEnvironment &extra = {})
    {
        using namespace Qt::StringLiterals;
        QProcessEnvironment environment = environmentFor(home, {});
        // Headless: neither a display nor a session bus is needed.
        environment.remove(u"DBUS_SESSION_BUS_ADDRESS"_s);
        environment.insert(extra);
        m_process = std::make_unique<QProcess>();
        m_process->setProcessEnvironment(environment);
        m_process->start(QString::fromUtf8(HUBSHELF_BINARY),
                         argumentsFor(apiUrl, QStringList{u"serve"_s, u"--port"_s, u"0"_s} + arguments));
        if (!QTest::qWaitFor(
                [this] { return m_process->canReadLine() || m_process->state() == QProcess::NotRunning; },
                20000)) {
            return {};
        }
        const QByteArray line = m_process->readLine().trimmed();
        if (!line.startsWith("listening on ")) {
            qWarning("first line: %s; stderr: %s", line.constData(),
                     m_process->readAllStandardError().constData());
            return {};
        }
        m_base = QUrl(QString::fromUtf8(line.mid(13)));
        return m_base;
    }

    QUrl url(const QString &path) const { return m_base.resolved(QUrl(path)); }

    // SIGTERM: its exit code once stopped, -1 when it did not stop, -2 when it crashed.
    int stop()
    {
        ::kill(pid_t(m_process->processId()), SIGTERM);
        if (!QTest::qWaitFor([this] { return m_process->state() == QProcess::NotRunning; }, 20000)) {
            return -1;
        }
        return m_process->exitStatus() == QProcess::NormalExit ? m_process->exitCode() : -2;
    }

    // SIGKILL, as a machine that dies would.
    void kill()
    {
        if (m_process && m_process->state() != QProcess::NotRunning) {
            m_process->kill();
            m_process->waitForFinished(5000);
        }
    }

    bool isRunning() const { return m_process && m_process->state() == QProcess::Running; }
    QProcess &process() { return *m_process; }

private:
    std::unique_ptr<QProcess> m_process;
    QUrl m_base;
};

} // namespace CliTest

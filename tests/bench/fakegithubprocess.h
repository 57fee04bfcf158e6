#pragma once

#include <QCommandLineOption>
#include <QCommandLineParser>
#include <QProcess>
#include <QUrl>

// The standalone fakegithub in a process of its own: a bench must not share a thread (or the
// cores' accounting) with the server it measures. Its options --fakegithub and --latency-ms are
// the same in every bench.
class FakeGitHubProcess final
{
public:
    static void addOptions(QCommandLineParser &parser)
    {
        using namespace Qt::StringLiterals;
        parser.addOptions(
            {QCommandLineOption(u"fakegithub"_s, u"The fakegithub executable."_s, u"path"_s,
                                QStringLiteral(FAKEGITHUB_BINARY)),
             QCommandLineOption(u"latency-ms"_s, u"Latency of the fake."_s, u"ms"_s, u"100"_s)});
    }

    static QString latency(const QCommandLineParser &parser)
    {
        return parser.value(QStringLiteral("latency-ms"));
    }

    ~FakeGitHubProcess()
    {
        m_process.kill();
        m_process.waitForFinished();
    }

    // Starts it on a free port; false when it did not say which within 10 s.
    bool start(const QCommandLineParser &parser, int maxAgeSeconds)
    {
        using namespace Qt::StringLiterals;
        m_process.setProgram(parser.value(u"fakegithub"_s));
        m_process.setArguments({u"--port"_s, u"0"_s, u"--latency-ms"_s, latency(parser), u"--max-age"_s,
                                QString::number(maxAgeSeconds)});
        m_process.start();
        if (!m_process.waitForReadyRead(10000)) {
            return false;
        }
        m_apiUrl = QUrl(u"http://127.0.0.1:%1"_s.arg(m_process.readLine().trimmed().toInt()));
        return true;
    }

    QUrl apiUrl() const { return m_apiUrl; }

private:
    QProcess m_process;
    QUrl m_apiUrl;
};

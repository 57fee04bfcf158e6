// The standalone fake GitHub, for benchmarks and for trying Hubshelf by hand.

#include "fakegithub.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QTextStream>

#include <cstdio>

using namespace Qt::StringLiterals;

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(u"fakegithub"_s);

    QCommandLineParser parser;
    parser.setApplicationDescription(u"A fake api.github.com on 127.0.0.1, for testing Hubshelf."_s);
    parser.addHelpOption();
    const QCommandLineOption port(u"port"_s, u"API port; 0 picks a free one and prints it."_s, u"port"_s,
                                  u"0"_s);
    const QCommandLineOption contentPort(
        u"content-port"_s, u"Port of the avatar and web origin (default: any)."_s, u"port"_s, u"0"_s);
    const QCommandLineOption latency(u"latency-ms"_s, u"Delay before every answer."_s, u"ms"_s, u"0"_s);
    const QCommandLineOption data(u"data"_s, u"Read GitHub's example bodies from this folder."_s, u"dir"_s);
    const QCommandLineOption maxAge(u"max-age"_s, u"Cache-Control max-age of answers (GitHub: 60)."_s,
                                    u"seconds"_s, u"60"_s);
    const QCommandLineOption secondary(
        u"secondary-limit"_s, u"Answer with a secondary rate limit above this many requests in flight."_s,
        u"count"_s, u"0"_s);
    parser.addOptions({port, contentPort, latency, data, maxAge, secondary});
    parser.process(app);

    FakeGitHub::Server server(parser.value(data));
    server.setLatency(parser.value(latency).toInt());
    server.setMaxAge(parser.value(maxAge).toInt());
    server.setSecondaryLimit(parser.value(secondary).toInt());
    QTextStream out(stdout);
    if (!server.listen(quint16(parser.value(port).toUInt()), quint16(parser.value(contentPort).toUInt()))) {
        QTextStream(stderr) << "fakegithub: " << server.errorString() << '\n';
        return 1;
    }
    out << server.apiUrl().port() << '\n'
        << "fakegithub: API on " << server.apiUrl().toString() << ", avatars and pages on "
        << server.contentUrl().toString() << '\n'
        << "tokens: " << FakeGitHub::Tokens::Octocat << " (octocat), " << FakeGitHub::Tokens::Monalisa
        << " (monalisa)\n";
    out.flush();
    return QCoreApplication::exec();
}

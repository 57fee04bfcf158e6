// How the cache should store bodies: zlib (qCompress) at three levels on the fake's largest pages
// (a page of 100 pull requests, of 100 repositories, of 100 gists), as size, compress and
// decompress time. Prints figures; asserts nothing. Run: build-bench/tests/bench/bench_compression
#include "world.h"

#include <QByteArray>
#include <QCoreApplication>
#include <QElapsedTimer>
#include <QTextStream>
#include <QUrlQuery>

#include <algorithm>
#include <vector>

using namespace Qt::StringLiterals;

namespace {

constexpr int Rounds = 20;

double medianMs(std::vector<qint64> nanoseconds)
{
    std::sort(nanoseconds.begin(), nanoseconds.end());
    return double(nanoseconds.at(nanoseconds.size() / 2)) / 1e6;
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QTextStream out(stdout);
    const FakeGitHub::World world;
    QUrlQuery query;
    query.addQueryItem(u"per_page"_s, u"100"_s);
    query.addQueryItem(u"state"_s, u"all"_s);
    const struct
    {
        const char *name;
        QString path;
    } pages[] = {
        {"pulls (megacorp/monorepo)", u"/repos/megacorp/monorepo/pulls"_s},
        {"repos (megacorp)", u"/orgs/megacorp/repos"_s},
        {"gists (prolific)", u"/users/prolific/gists"_s},
    };
    out << "page                        level   raw kB  stored kB  ratio  compress ms  decompress ms\n";
    for (const auto &page : pages) {
        const QByteArray body = world.api(page.path, query, QString()).body;
        for (const int level : {1, 6, 9}) {
            std::vector<qint64> compressNs, decompressNs;
            QByteArray stored;
            for (int round = 0; round < Rounds; ++round) {
                QElapsedTimer timer;
                timer.start();
                stored = qCompress(body, level);
                compressNs.push_back(timer.nsecsElapsed());
                timer.restart();
                const QByteArray back = qUncompress(stored);
                decompressNs.push_back(timer.nsecsElapsed());
                if (back != body) {
                    out << "round trip failed\n";
                    return 1;
                }
            }
            out << QString(u"%1 %2 %3 %4 %5 %6 %7\n"_s)
                       .arg(QString::fromLatin1(page.name), -27)
                       .arg(level, 5)
                       .arg(double(body.size()) / 1024, 8, 'f', 0)
                       .arg(double(stored.size()) / 1024, 10, 'f', 0)
                       .arg(double(body.size()) / double(stored.size()), 6, 'f', 1)
                       .arg(medianMs(compressNs), 12, 'f', 2)
                       .arg(medianMs(decompressNs), 14, 'f', 2);
        }
    }
    return 0;
}

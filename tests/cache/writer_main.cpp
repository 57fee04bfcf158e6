// A helper of test_etagcache: stores, touches, refreshes and counts entries in a tight loop into the
// database given as the only argument, and prints "ready" once the first store has committed, so
// that the test can kill it at any point of a write.

#include "cache/etagcache.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QElapsedTimer>
#include <QRandomGenerator>

#include <cstdio>

using namespace Hubshelf::Cache;

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    const QStringList arguments = QCoreApplication::arguments();
    if (arguments.size() != 2) {
        std::fputs("usage: etagcache_writer DATABASE\n", stderr);
        return 2;
    }
    EtagCache cache(arguments.at(1));
    if (!cache.open()) {
        std::fprintf(stderr, "etagcache_writer: %s\n", qPrintable(cache.errorString()));
        return 1;
    }
    // Small enough that most stores also evict, so every write path runs under the kill.
    cache.setSizeLimit(512 * 1024);

    const QByteArray identities[] = {cache.identityFor({}), cache.identityFor(QByteArrayLiteral("token-a")),
                                     cache.identityFor(QByteArrayLiteral("token-b"))};
    QRandomGenerator random(QRandomGenerator::system()->generate());
    QElapsedTimer lifetime;
    lifetime.start();
    bool announced = false;
    // The bound only matters when the test died before killing this process.
    for (quint64 i = 0; lifetime.elapsed() < 60'000; ++i) {
        CachedResponse response;
        response.url = QByteArrayLiteral("https://api.github.com/items/") + QByteArray::number(i % 300);
        response.variant = QByteArrayLiteral("application/vnd.github+json");
        response.identity = identities[i % 3];
        response.etag = QByteArrayLiteral("W/\"") + QByteArray::number(i) + QByteArrayLiteral("\"");
        response.contentType = QByteArrayLiteral("application/json; charset=utf-8");
        response.fetchedAt = QDateTime::currentDateTimeUtc();
        response.maxAgeSeconds = 60;
        response.body = QByteArray(random.bounded(1, 40'000), static_cast<char>('a' + i % 26));
        if (!cache.store(response)) {
            std::fprintf(stderr, "etagcache_writer: store failed: %s\n", qPrintable(cache.errorString()));
            return 1;
        }
        cache.recordMiss();
        if (!announced) {
            std::fputs("ready\n", stdout);
            std::fflush(stdout);
            announced = true;
        }
        // The entry before this one: a hit (a touch) unless it was evicted already.
        const quint64 previous = i == 0 ? 0 : i - 1;
        if (const auto found = cache.find(QByteArrayLiteral("https://api.github.com/items/") +
                                              QByteArray::number(previous % 300),
                                          response.variant, identities[previous % 3])) {
            cache.recordFreshHit(found->body.size());
        }
        if (i % 7 == 0) {
            cache.refresh(response.url, response.variant, response.identity, QDateTime::currentDateTimeUtc(),
                          120);
        }
    }
    return 0;
}

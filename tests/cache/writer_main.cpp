// A helper of test_etagcache and test_etagcache_postgresql: stores, touches, refreshes and counts
// entries in a tight loop into the database given as the first argument (a file or a PostgreSQL
// URL), and prints "ready" once the first store has committed, so that the test can kill it at any
// point of a write. With a NAME, it stores one contended key over and over instead, each body
// telling who wrote it and how long it is (ContendedKey, contendedBody()), for a reader to check
// that no write ever shows half of another's.

#include "cache/etagcache.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QElapsedTimer>
#include <QRandomGenerator>

#include <algorithm>
#include <cstdio>

using namespace Hubshelf::Cache;

namespace {

const QByteArray ContendedKey = QByteArrayLiteral("https://api.github.com/contended");

// "NAME:i:LENGTH:" then NAME's first letter up to LENGTH bytes; the ETag is "NAME:i".
QByteArray contendedBody(const QByteArray &name, quint64 i, int length)
{
    QByteArray body = name + ':' + QByteArray::number(i) + ':' + QByteArray::number(length) + ':';
    return body + QByteArray(std::max<qsizetype>(0, length - body.size()), name.at(0));
}

int storeContended(EtagCache &cache, const QByteArray &name)
{
    QRandomGenerator random(QRandomGenerator::system()->generate());
    QElapsedTimer lifetime;
    lifetime.start();
    for (quint64 i = 0; lifetime.elapsed() < 60'000; ++i) {
        CachedResponse response;
        response.url = ContendedKey;
        response.variant = QByteArrayLiteral("application/vnd.github+json");
        response.identity = cache.identityFor(QByteArrayLiteral("a shared token"));
        response.etag = '"' + name + ':' + QByteArray::number(i) + '"';
        response.fetchedAt = QDateTime::currentDateTimeUtc();
        response.maxAgeSeconds = 60;
        response.body = contendedBody(name, i, random.bounded(1, 200'000));
        if (!cache.store(response)) {
            std::fprintf(stderr, "etagcache_writer: store failed: %s\n", qPrintable(cache.errorString()));
            return 1;
        }
        if (i == 0) {
            std::fputs("ready\n", stdout);
            std::fflush(stdout);
        }
    }
    return 0;
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    const QStringList arguments = QCoreApplication::arguments();
    if (arguments.size() != 2 && arguments.size() != 3) {
        std::fputs("usage: etagcache_writer DATABASE [NAME]\n", stderr);
        return 2;
    }
    EtagCache cache(arguments.at(1));
    if (!cache.open()) {
        std::fprintf(stderr, "etagcache_writer: %s\n", qPrintable(cache.errorString()));
        return 1;
    }
    if (arguments.size() == 3) {
        return storeContended(cache, arguments.at(2).toUtf8());
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

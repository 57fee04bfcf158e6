// The ETag cache on a real PostgreSQL server (a throw-away cluster, see pgcluster.h): the cache's
// behaviours, what several processes sharing one database see, a server that goes away, and what a
// dump of the database holds.

#include "cache/databaselocation.h"
#include "cache/etagcache.h"
#include "pgcluster.h"

#include <QElapsedTimer>
#include <QProcess>
#include <QRegularExpression>
#include <QSet>
#include <QTest>

#include <memory>

using namespace Qt::StringLiterals;
using namespace Hubshelf::Cache;

namespace {

const QByteArray Variant = QByteArrayLiteral("application/vnd.github+json");
const QByteArray Token = QByteArrayLiteral("ghp_pgS3cretT0kenThatMustNeverBeStored01");
const QDateTime Noon = QDateTime(QDate(2024, 3, 1), QTime(12, 0), Qt::UTC);

CachedResponse entry(int n, const QByteArray &identity, const QByteArray &body)
{
    CachedResponse response;
    response.url = "https://api.github.com/orgs/megacorp/repos?page=" + QByteArray::number(n);
    response.variant = Variant;
    response.identity = identity;
    response.etag = "W/\"" + QByteArray::number(n) + '"';
    response.contentType = QByteArrayLiteral("application/json; charset=utf-8");
    response.fetchedAt = Noon;
    response.maxAgeSeconds = 60;
    response.body = body;
    return response;
}

// Starts an etagcache_writer on `database`; empty name: the mixed write loop, else the contended key.
std::unique_ptr<QProcess> startWriter(const QString &database, const QString &name = {})
{
    auto writer = std::make_unique<QProcess>();
    writer->setProcessChannelMode(QProcess::ForwardedErrorChannel);
    QStringList arguments{database};
    if (!name.isEmpty()) {
        arguments.append(name);
    }
    writer->start(QString::fromUtf8(ETAGCACHE_WRITER), arguments);
    return writer;
}

bool waitUntilReady(QProcess &writer)
{
    return QTest::qWaitFor(
               [&writer] { return writer.canReadLine() || writer.state() == QProcess::NotRunning; }, 30000) &&
           writer.readLine() == "ready\n";
}

// Whether a body of etagcache_writer's contended key is whole and one writer's: "NAME:i:LENGTH:"
// then NAME's letter up to LENGTH bytes, under the ETag "NAME:i".
bool isOneWritersBody(const CachedResponse &found, QByteArray *writer)
{
    const QList<QByteArray> parts = found.body.left(64).split(':');
    if (parts.size() < 4) {
        return false;
    }
    const QByteArray header = parts.at(0) + ':' + parts.at(1) + ':' + parts.at(2) + ':';
    const QByteArray filler = found.body.mid(header.size());
    *writer = parts.at(0);
    return found.etag == '"' + parts.at(0) + ':' + parts.at(1) + '"' &&
           found.body.size() == std::max<qsizetype>(parts.at(2).toInt(), header.size()) &&
           filler.count(parts.at(0).at(0)) == filler.size();
}

} // namespace

class TestEtagCachePostgreSql final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();

    void location_urlIsParsedAndItsPasswordNeverShown();
    void location_badUrlsAreRefusedWithoutEchoingThem_data();
    void location_badUrlsAreRefusedWithoutEchoingThem();

    void schemaIsMigratedOnceWithItsVersionInMeta();
    void entryRoundTripsEveryByte_data();
    void entryRoundTripsEveryByte();
    void findRefreshRemove();
    void evictionKeepsTheTotalWithinTheLimitAndRight();
    void bodyFailingItsChecksumIsDroppedAndCounted();
    void clearKeepsIdentityAndStatistics();
    void databaseOfANewerSchemaIsLeftAlone();

    void twoInstancesShareEntriesIdentityKeyAndStatistics();
    void processesMigratingAtOnceAgreeOnOneKey();
    void concurrentWritersOfOneKeyNeverLeaveATornEntry();
    void writerKilledMidWriteLeavesAConsistentDatabase();
    void serverGoingAwayIsAMissThenReconnects();
    void dumpHoldsNoTokenBytes();

private:
    std::unique_ptr<EtagCache> openCache();

    PgTest::Cluster m_cluster;
    QString m_database;
};

void TestEtagCachePostgreSql::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    PGTEST_START_OR_SKIP(m_cluster);
}

void TestEtagCachePostgreSql::init()
{
    m_database = m_cluster.createDatabase();
    QVERIFY(!m_database.isEmpty());
}

void TestEtagCachePostgreSql::cleanup()
{
    QVERIFY(m_cluster.isRunning() || m_cluster.startServer()); // after a test that stopped it
}

std::unique_ptr<EtagCache> TestEtagCachePostgreSql::openCache()
{
    auto cache = std::make_unique<EtagCache>(m_cluster.url(m_database));
    if (!cache->open()) {
        qWarning("open failed: %s", qPrintable(cache->errorString()));
        return nullptr;
    }
    return cache;
}

void TestEtagCachePostgreSql::location_urlIsParsedAndItsPasswordNeverShown()
{
    QString problem;
    const auto location = DatabaseLocation::parse(
        u"postgresql://team%40corp:p%40ss%3Aw0rd@db.example:6543/hub_cache?sslmode=require"_s, &problem);
    QVERIFY2(location, qPrintable(problem));
    QCOMPARE(location->kind(), DatabaseLocation::Kind::PostgreSql);
    QCOMPARE(location->userName(), u"team@corp"_s);
    QCOMPARE(location->password(), u"p@ss:w0rd"_s);
    QCOMPARE(location->host(), u"db.example"_s);
    QCOMPARE(location->port(), 6543);
    QCOMPARE(location->databaseName(), u"hub_cache"_s);
    QCOMPARE(location->connectOptions(), u"sslmode=require"_s);
    QCOMPARE(location->displayName(),
             u"postgresql://team%40corp@db.example:6543/hub_cache?sslmode=require"_s);

    const auto file = DatabaseLocation::parse(u"/var/cache/hub.sqlite"_s);
    QVERIFY(file);
    QCOMPARE(file->kind(), DatabaseLocation::Kind::SqliteFile);
    QCOMPARE(file->displayName(), u"/var/cache/hub.sqlite"_s);
}

void TestEtagCachePostgreSql::location_badUrlsAreRefusedWithoutEchoingThem_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("sentence");
    QTest::newRow("no database") << u"postgresql://hub:hunter2@db:5432"_s << u"names no database"_s;
    QTest::newRow("no //") << u"postgres:hub:hunter2@db/x"_s << u"not a PostgreSQL URL"_s;
    QTest::newRow("password as an option")
        << u"postgresql://hub@db/x?password=hunter2"_s << u"is not supported"_s;
    QTest::newRow("option smuggling another")
        << u"postgresql://hub:hunter2@db/x?sslmode=a%20password=b"_s << u"is not supported"_s;
    QTest::newRow("empty") << QString() << u"takes the path"_s;
}

void TestEtagCachePostgreSql::location_badUrlsAreRefusedWithoutEchoingThem()
{
    QFETCH(QString, text);
    QFETCH(QString, sentence);
    QString problem;
    QVERIFY(!DatabaseLocation::parse(text, &problem));
    QVERIFY2(problem.contains(sentence), qPrintable(problem));
    QVERIFY(!problem.contains(u"hunter2"_s));
    EtagCache cache(text);
    QTest::ignoreMessage(QtWarningMsg, QRegularExpression(QRegularExpression::escape(sentence)));
    QVERIFY(!cache.open());
    QVERIFY(!cache.errorString().contains(u"hunter2"_s));
}

void TestEtagCachePostgreSql::schemaIsMigratedOnceWithItsVersionInMeta()
{
    {
        auto cache = openCache();
        QVERIFY(cache);
        QVERIFY(cache->isConnected());
        QCOMPARE(cache->displayName(), m_cluster.displayUrl(m_database));
    }
    QCOMPARE(m_cluster.value(m_database, u"SELECT value FROM meta WHERE key = 'schema_version'"_s).toInt(),
             EtagCache::SchemaVersion);
    QCOMPARE(m_cluster.value(m_database, u"SELECT data_type FROM information_schema.columns"
                                         u" WHERE table_name = 'responses' AND column_name = 'body'"_s),
             QVariant(u"bytea"_s));
    QCOMPARE(m_cluster.value(m_database, u"SELECT length(data) FROM meta WHERE key = 'hmac_key'"_s).toInt(),
             32);
    // Opened again: nothing to migrate, the same key.
    const QVariant key =
        m_cluster.value(m_database, u"SELECT encode(data, 'hex') FROM meta WHERE key = 'hmac_key'"_s);
    QVERIFY(openCache());
    QCOMPARE(m_cluster.value(m_database, u"SELECT encode(data, 'hex') FROM meta WHERE key = 'hmac_key'"_s),
             key);
}

void TestEtagCachePostgreSql::entryRoundTripsEveryByte_data()
{
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<QByteArray>("link");
    QTest::newRow("JSON") << QByteArrayLiteral("{\"login\":\"octocat\"}") << QByteArray();
    QTest::newRow("every byte value") << [] {
        QByteArray all;
        for (int i = 0; i < 256; ++i) {
            all.append(char(i));
        }
        return all;
    }() << QByteArrayLiteral("<https://api.github.com/x?page=2>; rel=\"next\"");
    QTest::newRow("quotes and backslashes") << QByteArrayLiteral("'\\'\\\\x00 E'' $$ ;--") << QByteArray();
    QTest::newRow("UTF-8") << QString(u"{\"bio\":\"Zoë ✓ 日本語 🐙\"}"_s).toUtf8() << QByteArray();
    QTest::newRow("2 MB") << QByteArray(2 * 1024 * 1024, 'z') << QByteArray();
}

void TestEtagCachePostgreSql::entryRoundTripsEveryByte()
{
    QFETCH(QByteArray, body);
    QFETCH(QByteArray, link);
    auto cache = openCache();
    QVERIFY(cache);
    CachedResponse stored = entry(1, cache->identityFor(Token), body);
    stored.link = link;
    stored.lastModified = QByteArrayLiteral("Tue, 27 Feb 2024 08:15:00 GMT");
    stored.fetchedAt = QDateTime(QDate(2024, 2, 29), QTime(23, 59, 58, 123), Qt::UTC);
    QVERIFY(cache->store(stored));
    const auto found = cache->find(stored.url, Variant, stored.identity);
    QVERIFY(found);
    QCOMPARE(found->body, body);
    QCOMPARE(found->etag, stored.etag);
    QCOMPARE(found->link, link);
    QCOMPARE(found->lastModified, stored.lastModified);
    QCOMPARE(found->contentType, stored.contentType);
    QCOMPARE(found->fetchedAt, stored.fetchedAt);
    QCOMPARE(found->maxAgeSeconds, 60);
    // The cap counts the stored bytes: compressed where that is smaller.
    QCOMPARE(cache->totalBodyBytes(), Hubshelf::Cache::compressBody(body).bytes.size());
}

void TestEtagCachePostgreSql::findRefreshRemove()
{
    auto cache = openCache();
    QVERIFY(cache);
    const QByteArray mine = cache->identityFor(Token);
    const QByteArray anon = cache->identityFor({});
    QVERIFY(cache->store(entry(1, mine, QByteArrayLiteral("[\"mine\"]"))));
    QVERIFY(cache->store(entry(1, anon, QByteArrayLiteral("[\"anon\"]"))));
    QVERIFY(!cache->find(entry(1, mine, {}).url, QByteArrayLiteral("text/plain"), mine));
    QCOMPARE(cache->findOtherIdentity(entry(1, mine, {}).url, Variant, mine)->body,
             QByteArrayLiteral("[\"anon\"]"));

    // A 304: fresh again from then, the new ETag kept, the body unchanged.
    const QDateTime later = Noon.addSecs(3600);
    QVERIFY(
        cache->refresh(entry(1, mine, {}).url, Variant, mine, later, 120, QByteArrayLiteral("W/\"new\"")));
    const auto refreshed = cache->find(entry(1, mine, {}).url, Variant, mine);
    QVERIFY(refreshed);
    QCOMPARE(refreshed->fetchedAt, later);
    QCOMPARE(refreshed->maxAgeSeconds, 120);
    QCOMPARE(refreshed->etag, QByteArrayLiteral("W/\"new\""));
    QCOMPARE(refreshed->body, QByteArrayLiteral("[\"mine\"]"));
    QVERIFY(!cache->refresh(entry(2, mine, {}).url, Variant, mine, later, 60));

    QVERIFY(cache->remove(entry(1, mine, {}).url, Variant, mine));
    QVERIFY(!cache->find(entry(1, mine, {}).url, Variant, mine));
    QCOMPARE(cache->entryCount(), 1);
    QCOMPARE(cache->totalBodyBytes(), 8);
}

void TestEtagCachePostgreSql::evictionKeepsTheTotalWithinTheLimitAndRight()
{
    auto cache = openCache();
    QVERIFY(cache);
    cache->setSizeLimit(5000);
    const QByteArray identity = cache->identityFor(Token);
    for (int i = 0; i < 150; ++i) {
        QVERIFY(cache->store(entry(i % 90, identity, QByteArray(100 + (i * 37) % 400, 'x'))));
        QVERIFY(cache->totalBodyBytes() <= 5000);
        if (i == 10) {
            QVERIFY(cache->find(entry(0, identity, {}).url, Variant, identity)); // used: kept longer
        }
    }
    QVERIFY(cache->find(entry(149 % 90, identity, {}).url, Variant, identity)); // the last one stays
    QVERIFY(!cache->find(entry(1, identity, {}).url, Variant, identity));       // an old one went
    // The trigger's running total agrees with the rows.
    QCOMPARE(m_cluster.value(m_database, u"SELECT sum(body_size)::bigint FROM responses"_s).toLongLong(),
             cache->totalBodyBytes());
    QCOMPARE(m_cluster.value(m_database, u"SELECT sum(length(body))::bigint FROM responses"_s).toLongLong(),
             cache->totalBodyBytes());
    cache->setSizeLimit(1000);
    QVERIFY(cache->totalBodyBytes() <= 1000);
    QVERIFY(cache->entryCount() >= 2);
}

void TestEtagCachePostgreSql::bodyFailingItsChecksumIsDroppedAndCounted()
{
    auto cache = openCache();
    QVERIFY(cache);
    const QByteArray identity = cache->identityFor(Token);
    QVERIFY(cache->store(entry(1, identity, QByteArrayLiteral("[{\"id\":1}]"))));
    QVERIFY(cache->store(entry(2, identity, QByteArrayLiteral("[{\"id\":2}]"))));
    // A stray write: one byte of the first body changes behind the cache's back.
    QVERIFY(m_cluster.exec(m_database,
                           u"UPDATE responses SET body = overlay(body placing '\\x58'::bytea from 3)"
                           u" WHERE url = '%1'::bytea"_s.arg(QString::fromUtf8(entry(1, {}, {}).url))));

    QTest::ignoreMessage(QtWarningMsg, QRegularExpression(u"was damaged.*dropped"_s));
    QVERIFY(!cache->find(entry(1, identity, {}).url, Variant, identity));
    QCOMPARE(cache->statistics().corruptDropped, 1);
    QCOMPARE(cache->entryCount(), 1);
    QVERIFY(cache->find(entry(2, identity, {}).url, Variant, identity));
    auto other = openCache();
    QVERIFY(other);
    QCOMPARE(other->lifetimeStatistics().corruptDropped, 1);
}

void TestEtagCachePostgreSql::clearKeepsIdentityAndStatistics()
{
    auto cache = openCache();
    QVERIFY(cache);
    const QByteArray identity = cache->identityFor(Token);
    for (int i = 0; i < 5; ++i) {
        QVERIFY(cache->store(entry(i, identity, QByteArray(1000, 'c'))));
    }
    cache->recordMiss();
    QVERIFY(cache->clear());
    QCOMPARE(cache->entryCount(), 0);
    QCOMPARE(cache->totalBodyBytes(), 0);
    QCOMPARE(cache->lifetimeStatistics().misses, 1);
    QCOMPARE(openCache()->identityFor(Token), identity);
}

void TestEtagCachePostgreSql::databaseOfANewerSchemaIsLeftAlone()
{
    QVERIFY(openCache());
    QVERIFY(m_cluster.exec(m_database, u"UPDATE meta SET value = %1 WHERE key = 'schema_version'"_s.arg(
                                           EtagCache::SchemaVersion + 1)));
    EtagCache cache(m_cluster.url(m_database));
    QTest::ignoreMessage(QtWarningMsg, QRegularExpression(u"written by a newer Hubshelf"_s));
    QVERIFY(!cache.open());
    QVERIFY(!cache.errorString().contains(m_cluster.password()));
    QVERIFY(cache.errorString().contains(m_cluster.displayUrl(m_database)));
}

void TestEtagCachePostgreSql::twoInstancesShareEntriesIdentityKeyAndStatistics()
{
    auto first = openCache();
    auto second = openCache();
    QVERIFY(first);
    QVERIFY(second);
    // The key is the database's: the same token is the same identity in every process.
    QCOMPARE(second->identityFor(Token), first->identityFor(Token));
    QVERIFY(first->store(entry(1, first->identityFor(Token), QByteArrayLiteral("[1]"))));
    const auto found = second->find(entry(1, {}, {}).url, Variant, second->identityFor(Token));
    QVERIFY(found);
    QCOMPARE(found->body, QByteArrayLiteral("[1]"));
    first->recordMiss();
    second->recordFreshHit(3);
    second->recordRevalidated(3);
    QCOMPARE(first->statistics().hits(), 0);
    QCOMPARE(first->lifetimeStatistics().hits(), 2);
    QCOMPARE(second->lifetimeStatistics().misses, 1);
    QCOMPARE(second->lifetimeStatistics().bytesSaved, 6);
}

void TestEtagCachePostgreSql::processesMigratingAtOnceAgreeOnOneKey()
{
    // Two processes meet a new database at the same moment: one migrates, the other waits for its
    // lock, and both store under the identities of the one key.
    auto a = startWriter(m_cluster.url(m_database), u"A"_s);
    auto b = startWriter(m_cluster.url(m_database), u"B"_s);
    QVERIFY(waitUntilReady(*a));
    QVERIFY(waitUntilReady(*b));
    a->kill();
    b->kill();
    QVERIFY(a->waitForFinished(10000) && b->waitForFinished(10000));
    QCOMPARE(m_cluster.value(m_database, u"SELECT count(*) FROM meta WHERE key = 'hmac_key'"_s).toInt(), 1);
    auto cache = openCache();
    QVERIFY(cache);
    QCOMPARE(cache->entryCount(), 1); // both wrote the one contended key under the same identity
}

void TestEtagCachePostgreSql::concurrentWritersOfOneKeyNeverLeaveATornEntry()
{
    auto cache = openCache();
    QVERIFY(cache);
    auto a = startWriter(m_cluster.url(m_database), u"A"_s);
    auto b = startWriter(m_cluster.url(m_database), u"B"_s);
    QVERIFY(waitUntilReady(*a));
    QVERIFY(waitUntilReady(*b));
    const QByteArray url = QByteArrayLiteral("https://api.github.com/contended");
    const QByteArray identity = cache->identityFor(QByteArrayLiteral("a shared token"));
    QSet<QByteArray> writersSeen;
    QSet<QByteArray> etagsSeen;
    QElapsedTimer reading;
    reading.start();
    while (reading.elapsed() < 3000 || (writersSeen.size() < 2 && reading.elapsed() < 20000)) {
        const auto found = cache->find(url, Variant, identity);
        QVERIFY(found); // replaced, never absent
        QByteArray writer;
        QVERIFY2(isOneWritersBody(*found, &writer), found->etag.constData());
        writersSeen.insert(writer);
        etagsSeen.insert(found->etag);
    }
    a->kill();
    b->kill();
    QVERIFY(a->waitForFinished(10000) && b->waitForFinished(10000));
    QCOMPARE(writersSeen.size(), 2); // both wrote while the reader read
    QVERIFY(etagsSeen.size() > 10);
    QCOMPARE(cache->statistics().corruptDropped, 0); // every body matched its checksum
    QCOMPARE(cache->entryCount(), 1);
    QCOMPARE(m_cluster.value(m_database, u"SELECT sum(body_size)::bigint FROM responses"_s).toLongLong(),
             cache->totalBodyBytes());
}

void TestEtagCachePostgreSql::writerKilledMidWriteLeavesAConsistentDatabase()
{
    qint64 committedMisses = 0;
    for (int round = 0; round < 5; ++round) {
        auto writer = startWriter(m_cluster.url(m_database));
        QVERIFY(waitUntilReady(*writer));
        QTest::qWait(50 + round * 70); // a different moment of the write loop each round
        writer->kill();
        QVERIFY(writer->waitForFinished(10000));
        QCOMPARE(writer->exitStatus(), QProcess::CrashExit);

        auto cache = openCache(); // not blocked: the server rolled the killed session's work back
        QVERIFY(cache);
        QVERIFY(cache->entryCount() > 0);
        QVERIFY(cache->totalBodyBytes() <= 512 * 1024);
        QCOMPARE(m_cluster.value(m_database, u"SELECT sum(body_size)::bigint FROM responses"_s).toLongLong(),
                 cache->totalBodyBytes());
        const qint64 misses = cache->lifetimeStatistics().misses;
        QVERIFY(misses > committedMisses);
        committedMisses = misses;
    }
}

void TestEtagCachePostgreSql::serverGoingAwayIsAMissThenReconnects()
{
    auto cache = openCache();
    QVERIFY(cache);
    const QByteArray identity = cache->identityFor(Token);
    QVERIFY(cache->store(entry(1, identity, QByteArrayLiteral("[1]"))));

    QVERIFY(m_cluster.stop());
    QTest::ignoreMessage(QtWarningMsg,
                         QRegularExpression(QRegularExpression::escape(m_cluster.displayUrl(m_database)) +
                                            u" is unreachable .*requests go upstream uncached"_s));
    // Everything carries on as without a cache: misses, skipped writes, counted in this process.
    for (int i = 0; i < 5; ++i) {
        QVERIFY(!cache->find(entry(1, {}, {}).url, Variant, identity));
        QVERIFY(!cache->store(entry(2, identity, QByteArrayLiteral("[2]"))));
        cache->recordMiss();
    }
    QVERIFY(cache->isOpen());
    QVERIFY(!cache->isConnected());
    QCOMPARE(cache->statistics().misses, 5);
    QVERIFY(!cache->errorString().contains(m_cluster.password()));

    QVERIFY(m_cluster.startServer());
    QTest::ignoreMessage(QtWarningMsg, QRegularExpression(u" is reachable again"_s));
    QTRY_VERIFY_WITH_TIMEOUT(cache->find(entry(1, {}, {}).url, Variant, identity), 30000);
    QVERIFY(cache->isConnected());
    QVERIFY(cache->store(entry(2, identity, QByteArrayLiteral("[2]"))));
    QCOMPARE(cache->entryCount(), 2);
}

void TestEtagCachePostgreSql::dumpHoldsNoTokenBytes()
{
    QByteArray identity;
    {
        auto cache = openCache();
        QVERIFY(cache);
        identity = cache->identityFor(Token);
        for (int i = 0; i < 10; ++i) {
            QVERIFY(cache->store(entry(i, identity, QByteArray(300, 'd'))));
        }
        cache->recordFreshHit(300);
    }
    const QByteArray dump = m_cluster.dump(m_database);
    QVERIFY(dump.contains("COPY public.responses"));
    // bytea is dumped as hex: the identity (itself hex) is there, so the token would be found too.
    QVERIFY(dump.contains(identity.toHex()));
    QVERIFY(!PgTest::holdsAnyFormOf(dump, Token));
}

QTEST_GUILESS_MAIN(TestEtagCachePostgreSql)
#include "test_etagcache_postgresql.moc"

#include "cache/etagcache.h"
#include "cache/sqlitedialect.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QProcess>
#include <QRandomGenerator>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>

#include <memory>

using namespace Qt::StringLiterals;
using namespace Hubshelf::Cache;

namespace {

const QByteArray Variant = QByteArrayLiteral("application/vnd.github+json");
const QByteArray Token = QByteArrayLiteral("ghp_s3cretT0kenThatMustNeverBeStored0123");
const QDateTime Noon = QDateTime(QDate(2024, 3, 1), QTime(12, 0), Qt::UTC);

CachedResponse makeResponse(const QByteArray &url, const QByteArray &identity, const QByteArray &body)
{
    CachedResponse response;
    response.url = url;
    response.variant = Variant;
    response.identity = identity;
    response.etag = QByteArrayLiteral("\"0123456789abcdef\"");
    response.contentType = QByteArrayLiteral("application/json; charset=utf-8");
    response.fetchedAt = Noon;
    response.maxAgeSeconds = 60;
    response.body = body;
    return response;
}

// Bytes zlib cannot shrink: a body whose stored size is its own size.
QByteArray incompressible(qsizetype size)
{
    QByteArray bytes(size, Qt::Uninitialized);
    QRandomGenerator generator(42);
    for (char &byte : bytes) {
        byte = char(generator.bounded(256));
    }
    return bytes;
}

QByteArray url(int n)
{
    return QByteArray(QByteArrayLiteral("https://api.github.com/users/octocat/repos?page=") +
                      QByteArray::number(n));
}

// Runs one statement on a connection of its own, as another program looking at the file would.
QString queryOnce(const QString &path, const QString &sql)
{
    static int connections = 0;
    const QString name = u"test-etagcache-%1"_s.arg(++connections);
    QString result;
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(u"QSQLITE"_s, name);
        db.setDatabaseName(path);
        if (!db.open()) {
            result = u"cannot open: "_s + db.lastError().text();
        } else {
            QSqlQuery query(db);
            if (query.exec(sql) && query.next()) {
                result = query.value(0).toString();
            } else {
                result = u"failed: "_s + query.lastError().text();
            }
        }
    }
    QSqlDatabase::removeDatabase(name);
    return result;
}

QByteArray readFile(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

bool writeFile(const QString &path, const QByteArray &bytes)
{
    QFile file(path);
    return file.open(QIODevice::WriteOnly | QIODevice::Truncate) && file.write(bytes) == bytes.size();
}

} // namespace

class TestEtagCache final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();

    void storedEntryIsFoundWithEveryFieldIntact_data();
    void storedEntryIsFoundWithEveryFieldIntact();
    void findMissesOtherVariantsAndIdentities();
    void findOtherIdentityFindsOnlyAnotherIdentitysEntry();
    void storeReplacesTheEntryOfTheSameKey();
    void storeWithoutFetchTimeIsRefused();
    void removeDeletesOnlyThatEntry();

    void entryIsFreshOnlyWithinMaxAge_data();
    void entryIsFreshOnlyWithinMaxAge();
    void refreshMakesAStaleEntryFreshAndKeepsItsBody();
    void refreshOfAMissingEntryFails();

    void identityOfNoTokenIsAnon();
    void identityIsStableForOneDatabase();
    void differentTokensHaveDifferentIdentities();
    void anotherDatabaseGivesAnotherIdentity();
    void tokenNeverReachesTheDatabaseFiles();

    void leastRecentlyUsedEntryIsEvictedFirst();
    void bodiesAreStoredCompressedAndReadBackWhole();
    void evictionDropsTheLeastRecentListWhole();
    void listKey_isTheUrlWithoutItsPage();
    void lastUsed_comesFromTheClock_andOrdersUsesWithinOneMillisecond();
    void totalBodySizeStaysWithinTheLimit();
    void entryLargerThanTheLimitIsRefused();
    void loweringTheSizeLimitEvictsAtOnce();

    void entriesAndLifetimeStatisticsSurviveReopening();
    void openedDatabaseIsMigratedAndInWalMode();
    void walIsCheckpointedOnAThreadOfItsOwn();
    void missingFolderIsCreated();
    void twoInstancesOnOneFileShareEntries();

    void corruptDatabaseIsMovedAsideAndRebuilt_data();
    void corruptDatabaseIsMovedAsideAndRebuilt();
    void writerKilledAtAnyMomentLeavesAnIntactDatabase();
    void databaseOfANewerSchemaIsLeftAlone();

    void clearRemovesEntriesButKeepsIdentities();

    void recordingUpdatesStatisticsAndNotifies();
    void statisticsDoNotCountBytesForMissesAndUncached();

private:
    QString databasePath() const { return m_dir->filePath(u"cache/hubshelf.sqlite"_s); }
    std::unique_ptr<EtagCache> openCache(const QString &path);

    std::unique_ptr<QTemporaryDir> m_dir;
};

void TestEtagCache::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
}

void TestEtagCache::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
}

std::unique_ptr<EtagCache> TestEtagCache::openCache(const QString &path)
{
    auto cache = std::make_unique<EtagCache>(path);
    if (!cache->open()) {
        qWarning() << "open failed:" << cache->errorString();
        return nullptr;
    }
    return cache;
}

void TestEtagCache::storedEntryIsFoundWithEveryFieldIntact_data()
{
    QTest::addColumn<QByteArray>("etag");
    QTest::addColumn<QByteArray>("lastModified");
    QTest::addColumn<QByteArray>("link");
    QTest::addColumn<QByteArray>("body");

    QTest::newRow("strong etag, JSON object")
        << QByteArrayLiteral("\"6f1ed002ab5595859014ebf0951522d9\"") << QByteArray() << QByteArray()
        << QByteArrayLiteral("{\"login\":\"octocat\",\"id\":583231}");
    QTest::newRow("weak etag, Last-Modified, Link")
        << QByteArrayLiteral("W/\"a8c0d5b1e2f3\"") << QByteArrayLiteral("Tue, 27 Feb 2024 08:15:00 GMT")
        << QByteArrayLiteral("<https://api.github.com/user/583231/repos?page=2>; rel=\"next\", "
                             "<https://api.github.com/user/583231/repos?page=5>; rel=\"last\"")
        << QByteArrayLiteral("[{\"name\":\"Hello-World\"}]");
    QTest::newRow("non-ASCII body") << QByteArrayLiteral("W/\"1\"") << QByteArray() << QByteArray()
                                    << QString(u"{\"bio\":\"Zoë ✓ 日本語 🐙\"}"_s).toUtf8();
    QTest::newRow("binary body with NUL") << QByteArrayLiteral("\"2\"") << QByteArray() << QByteArray()
                                          << QByteArray("\x00\x01\xff\xfe\x00", 5);
    QTest::newRow("empty list") << QByteArrayLiteral("\"3\"") << QByteArray() << QByteArray()
                                << QByteArrayLiteral("[]");
}

void TestEtagCache::storedEntryIsFoundWithEveryFieldIntact()
{
    QFETCH(QByteArray, etag);
    QFETCH(QByteArray, lastModified);
    QFETCH(QByteArray, link);
    QFETCH(QByteArray, body);

    auto cache = openCache(databasePath());
    QVERIFY(cache);
    CachedResponse stored = makeResponse(url(1), cache->identityFor(Token), body);
    stored.etag = etag;
    stored.lastModified = lastModified;
    stored.link = link;
    stored.fetchedAt = QDateTime(QDate(2024, 2, 29), QTime(23, 59, 58, 123), Qt::UTC);
    stored.maxAgeSeconds = 60;
    QVERIFY(cache->store(stored));

    const QDateTime beforeFind = QDateTime::currentDateTimeUtc();
    const auto found = cache->find(stored.url, stored.variant, stored.identity);
    QVERIFY(found);
    QCOMPARE(found->url, stored.url);
    QCOMPARE(found->variant, stored.variant);
    QCOMPARE(found->identity, stored.identity);
    QCOMPARE(found->etag, etag);
    QCOMPARE(found->lastModified, lastModified);
    QCOMPARE(found->link, link);
    QCOMPARE(found->contentType, stored.contentType);
    QCOMPARE(found->fetchedAt, stored.fetchedAt);
    QCOMPARE(found->fetchedAt.timeSpec(), Qt::UTC);
    QCOMPARE(found->maxAgeSeconds, 60);
    QCOMPARE(found->body, body);
    QCOMPARE(found->body.size(), body.size());
    // find() is a use: last-used moves to now.
    QVERIFY(found->lastUsed.isValid());
    QVERIFY(found->lastUsed >= beforeFind.addSecs(-1));
}

void TestEtagCache::findMissesOtherVariantsAndIdentities()
{
    auto cache = openCache(databasePath());
    QVERIFY(cache);
    const QByteArray identity = cache->identityFor(Token);
    QVERIFY(cache->store(makeResponse(url(1), identity, QByteArrayLiteral("[1]"))));

    QVERIFY(cache->find(url(1), Variant, identity));
    QVERIFY(!cache->find(url(1), QByteArrayLiteral("application/vnd.github.raw+json"), identity));
    QVERIFY(!cache->find(url(1), Variant, cache->identityFor({})));
    QVERIFY(!cache->find(url(1), Variant, cache->identityFor(QByteArrayLiteral("another token"))));
    QVERIFY(!cache->find(url(2), Variant, identity));
}

void TestEtagCache::findOtherIdentityFindsOnlyAnotherIdentitysEntry()
{
    auto cache = openCache(databasePath());
    QVERIFY(cache);
    const QByteArray mine = cache->identityFor(Token);
    const QByteArray anon = cache->identityFor({});
    const QByteArray other = cache->identityFor(QByteArrayLiteral("another token"));

    QVERIFY(cache->store(makeResponse(url(1), mine, QByteArrayLiteral("[\"mine\"]"))));
    QVERIFY(!cache->findOtherIdentity(url(1), Variant, mine));

    CachedResponse older = makeResponse(url(1), anon, QByteArrayLiteral("[\"anon\"]"));
    older.fetchedAt = Noon.addSecs(-600);
    CachedResponse newer = makeResponse(url(1), other, QByteArrayLiteral("[\"other\"]"));
    newer.fetchedAt = Noon.addSecs(-60);
    QVERIFY(cache->store(older));
    QVERIFY(cache->store(newer));

    const auto candidate = cache->findOtherIdentity(url(1), Variant, mine);
    QVERIFY(candidate);
    QCOMPARE(candidate->identity, other); // the most recently fetched of the others
    QCOMPARE(candidate->body, QByteArrayLiteral("[\"other\"]"));
    QCOMPARE(candidate->fetchedAt, newer.fetchedAt);

    const auto forOther = cache->findOtherIdentity(url(1), Variant, other);
    QVERIFY(forOther);
    QVERIFY(forOther->identity != other);
    QCOMPARE(forOther->identity, mine); // fetched at noon, after the anonymous one
    QVERIFY(!cache->findOtherIdentity(url(1), QByteArrayLiteral("text/plain"), mine));
}

void TestEtagCache::storeReplacesTheEntryOfTheSameKey()
{
    auto cache = openCache(databasePath());
    QVERIFY(cache);
    const QByteArray identity = cache->identityFor(Token);
    QVERIFY(cache->store(makeResponse(url(1), identity, QByteArray(100, 'a'))));
    CachedResponse replacement = makeResponse(url(1), identity, QByteArray(30, 'b'));
    replacement.etag = QByteArrayLiteral("W/\"new\"");
    QVERIFY(cache->store(replacement));

    QCOMPARE(cache->entryCount(), 1);
    QCOMPARE(cache->totalBodyBytes(), 30);
    const auto found = cache->find(url(1), Variant, identity);
    QVERIFY(found);
    QCOMPARE(found->etag, replacement.etag);
    QCOMPARE(found->body, replacement.body);
}

void TestEtagCache::storeWithoutFetchTimeIsRefused()
{
    auto cache = openCache(databasePath());
    QVERIFY(cache);
    CachedResponse response = makeResponse(url(1), cache->identityFor({}), QByteArrayLiteral("[]"));
    response.fetchedAt = QDateTime();
    QTest::ignoreMessage(QtWarningMsg, QRegularExpression(u"without a fetch time"_s));
    QVERIFY(!cache->store(response));
    QCOMPARE(cache->entryCount(), 0);
}

void TestEtagCache::removeDeletesOnlyThatEntry()
{
    auto cache = openCache(databasePath());
    QVERIFY(cache);
    const QByteArray identity = cache->identityFor(Token);
    QVERIFY(cache->store(makeResponse(url(1), identity, QByteArray(10, 'a'))));
    QVERIFY(cache->store(makeResponse(url(2), identity, QByteArray(20, 'b'))));

    QVERIFY(cache->remove(url(1), Variant, identity));
    QVERIFY(!cache->find(url(1), Variant, identity));
    QVERIFY(cache->find(url(2), Variant, identity));
    QCOMPARE(cache->entryCount(), 1);
    QCOMPARE(cache->totalBodyBytes(), 20);
}

void TestEtagCache::entryIsFreshOnlyWithinMaxAge_data()
{
    QTest::addColumn<int>("maxAge");
    QTest::addColumn<int>("secondsLater");
    QTest::addColumn<bool>("fresh");

    QTest::newRow("just fetched") << 60 << 0 << true;
    QTest::newRow("59 s later") << 60 << 59 << true;
    QTest::newRow("60 s later") << 60 << 60 << false;
    QTest::newRow("an hour later") << 60 << 3600 << false;
    QTest::newRow("max-age 0") << 0 << 0 << false;
    QTest::newRow("max-age a day, 23 h later") << 86400 << 23 * 3600 << true;
}

void TestEtagCache::entryIsFreshOnlyWithinMaxAge()
{
    QFETCH(int, maxAge);
    QFETCH(int, secondsLater);
    QFETCH(bool, fresh);

    auto cache = openCache(databasePath());
    QVERIFY(cache);
    CachedResponse stored = makeResponse(url(1), cache->identityFor({}), QByteArrayLiteral("[]"));
    stored.maxAgeSeconds = maxAge;
    QVERIFY(cache->store(stored));
    const auto found = cache->find(url(1), Variant, stored.identity);
    QVERIFY(found);
    QCOMPARE(found->isFresh(Noon.addSecs(secondsLater)), fresh);
}

void TestEtagCache::refreshMakesAStaleEntryFreshAndKeepsItsBody()
{
    auto cache = openCache(databasePath());
    QVERIFY(cache);
    const QByteArray identity = cache->identityFor(Token);
    const CachedResponse stored = makeResponse(url(1), identity, QByteArrayLiteral("[{\"id\":1}]"));
    QVERIFY(cache->store(stored));
    const QDateTime later = Noon.addSecs(3600);
    QVERIFY(!cache->find(url(1), Variant, identity)->isFresh(later));

    QVERIFY(cache->refresh(url(1), Variant, identity, later, 120));

    const auto found = cache->find(url(1), Variant, identity);
    QVERIFY(found);
    QVERIFY(found->isFresh(later.addSecs(119)));
    QVERIFY(!found->isFresh(later.addSecs(120)));
    QCOMPARE(found->fetchedAt, later);
    QCOMPARE(found->maxAgeSeconds, 120);
    QCOMPARE(found->body, stored.body);
    QCOMPARE(found->etag, stored.etag);
}

void TestEtagCache::refreshOfAMissingEntryFails()
{
    auto cache = openCache(databasePath());
    QVERIFY(cache);
    QVERIFY(!cache->refresh(url(1), Variant, cache->identityFor({}), Noon, 60));
    QCOMPARE(cache->entryCount(), 0);
}

void TestEtagCache::identityOfNoTokenIsAnon()
{
    auto cache = openCache(databasePath());
    QVERIFY(cache);
    QCOMPARE(cache->identityFor({}), QByteArrayLiteral("anon"));
    QCOMPARE(cache->identityFor(QByteArray("")), QByteArrayLiteral("anon"));
}

void TestEtagCache::identityIsStableForOneDatabase()
{
    QByteArray first;
    {
        auto cache = openCache(databasePath());
        QVERIFY(cache);
        first = cache->identityFor(Token);
        QCOMPARE(cache->identityFor(Token), first);
        // A hex SHA-256, and not the token in disguise.
        QCOMPARE(first.size(), 64);
        QVERIFY(QRegularExpression(u"^[0-9a-f]{64}$"_s).match(QString::fromLatin1(first)).hasMatch());
        QVERIFY(!first.contains(Token));
    }
    auto reopened = openCache(databasePath());
    QVERIFY(reopened);
    QCOMPARE(reopened->identityFor(Token), first);
}

void TestEtagCache::differentTokensHaveDifferentIdentities()
{
    auto cache = openCache(databasePath());
    QVERIFY(cache);
    const QByteArray a = cache->identityFor(Token);
    const QByteArray b = cache->identityFor(QByteArray(Token).append('x'));
    const QByteArray c = cache->identityFor(QByteArrayLiteral("gho_other"));
    QVERIFY(a != b);
    QVERIFY(a != c);
    QVERIFY(b != c);
    QVERIFY(a != QByteArrayLiteral("anon"));
}

void TestEtagCache::anotherDatabaseGivesAnotherIdentity()
{
    auto first = openCache(databasePath());
    auto second = openCache(m_dir->filePath(u"other/hubshelf.sqlite"_s));
    QVERIFY(first);
    QVERIFY(second);
    QVERIFY(first->identityFor(Token) != second->identityFor(Token));
    QCOMPARE(second->identityFor({}), first->identityFor({}));
}

void TestEtagCache::tokenNeverReachesTheDatabaseFiles()
{
    const auto filesContainToken = [this] {
        const QDir folder(QFileInfo(databasePath()).absolutePath());
        for (const QString &name : folder.entryList(QDir::Files)) {
            const QByteArray bytes = readFile(folder.filePath(name));
            if (bytes.contains(Token) || bytes.contains(Token.toHex()) || bytes.contains(Token.toBase64())) {
                return true;
            }
        }
        return false;
    };
    {
        auto cache = openCache(databasePath());
        QVERIFY(cache);
        const QByteArray identity = cache->identityFor(Token);
        for (int i = 0; i < 20; ++i) {
            QVERIFY(cache->store(makeResponse(url(i), identity, QByteArray(500, 'x'))));
        }
        cache->recordMiss();
        cache->recordFreshHit(500);
        QVERIFY(QFile::exists(databasePath() + u"-wal"_s));
        QVERIFY(!filesContainToken()); // the WAL holds the recent writes
    }
    QVERIFY(!filesContainToken()); // after the checkpoint at close
    // The check itself would see a token in the file.
    QVERIFY(writeFile(databasePath() + u".probe"_s, QByteArray("xx" + Token + "xx")));
    QVERIFY(filesContainToken());
}

void TestEtagCache::leastRecentlyUsedEntryIsEvictedFirst()
{
    auto cache = openCache(databasePath());
    QVERIFY(cache);
    cache->setSizeLimit(1000);
    const QByteArray identity = cache->identityFor(Token);
    QVERIFY(cache->store(makeResponse(url(1), identity, QByteArray(300, 'a'))));
    QVERIFY(cache->store(makeResponse(url(2), identity, QByteArray(300, 'b'))));
    QVERIFY(cache->store(makeResponse(url(3), identity, QByteArray(300, 'c'))));
    // 1 was stored first but used since: 2 is now the least recently used.
    QVERIFY(cache->find(url(1), Variant, identity));

    QVERIFY(cache->store(makeResponse(url(4), identity, QByteArray(300, 'd'))));

    QCOMPARE(cache->entryCount(), 3);
    QCOMPARE(cache->totalBodyBytes(), 900);
    QVERIFY(!cache->find(url(2), Variant, identity));
    QVERIFY(cache->find(url(1), Variant, identity));
    QVERIFY(cache->find(url(3), Variant, identity));
    QVERIFY(cache->find(url(4), Variant, identity));
}

void TestEtagCache::bodiesAreStoredCompressedAndReadBackWhole()
{
    // A page like GitHub's: 100 objects of JSON, each a little different.
    QByteArray body = "[";
    for (int i = 0; i < 100; ++i) {
        body += (i ? "," : "") + QByteArrayLiteral("{\"id\":") + QByteArray::number(1000 + i * 7919) +
                ",\"full_name\":\"megacorp/project-" + QByteArray::number(i) +
                "\",\"description\":\"A service of "
                "megacorp\",\"html_url\":\"https://github.com/megacorp/project-" +
                QByteArray::number(i) + "\",\"stargazers_count\":" + QByteArray::number((i * 37) % 1000) +
                "}";
    }
    body += "]";
    const QString path = databasePath();
    auto cache = openCache(path);
    QVERIFY(cache);
    const QByteArray identity = cache->identityFor(Token);
    QVERIFY(cache->store(makeResponse(url(1), identity, body)));
    const auto found = cache->find(url(1), Variant, identity);
    QVERIFY(found);
    QCOMPARE(found->body, body);
    // The cap counts what is stored: a fifth of the body or less.
    QVERIFY2(cache->totalBodyBytes() * 5 < body.size(),
             qPrintable(u"%1 of %2"_s.arg(cache->totalBodyBytes()).arg(body.size())));
    QCOMPARE(queryOnce(path, u"SELECT body_encoding FROM responses"_s).toInt(), 1);
    QCOMPARE(queryOnce(path, u"SELECT sum(length(body)) FROM responses"_s).toLongLong(),
             cache->totalBodyBytes());
    // A small body is stored as it is: zlib would only add its header.
    QVERIFY(cache->store(makeResponse(url(2), identity, QByteArrayLiteral("[]"))));
    QCOMPARE(queryOnce(path, u"SELECT body_encoding FROM responses WHERE length(body) = 2"_s).toInt(), 0);
}

void TestEtagCache::evictionDropsTheLeastRecentListWhole()
{
    const QByteArray repos = "https://api.github.com/orgs/megacorp/repos?per_page=100";
    const QByteArray gists = "https://api.github.com/users/prolific/gists?per_page=100";
    const QByteArray members = "https://api.github.com/orgs/megacorp/members?per_page=100";
    const auto page = [](const QByteArray &list, int number) {
        return number == 1 ? list : list + "&page=" + QByteArray::number(number);
    };
    auto cache = openCache(databasePath());
    QVERIFY(cache);
    cache->setSizeLimit(2000);
    const QByteArray identity = cache->identityFor(Token);
    for (const QByteArray &list : {repos, gists}) {
        for (int number = 1; number <= 3; ++number) {
            QVERIFY(cache->store(makeResponse(page(list, number), identity, incompressible(300))));
        }
    }
    // The repositories were looked at again (their first page): the gists are the older list now,
    // although the repositories' later pages were stored before any gist.
    QVERIFY(cache->find(page(repos, 1), Variant, identity));
    QVERIFY(cache->store(makeResponse(page(members, 1), identity, incompressible(300))));

    for (int number = 1; number <= 3; ++number) {
        QVERIFY2(cache->find(page(repos, number), Variant, identity), qPrintable(QString::number(number)));
        QVERIFY2(!cache->find(page(gists, number), Variant, identity), qPrintable(QString::number(number)));
    }
    QVERIFY(cache->find(page(members, 1), Variant, identity));
    QCOMPARE(cache->entryCount(), 4);
}

void TestEtagCache::listKey_isTheUrlWithoutItsPage()
{
    const QByteArray first = "https://api.github.com/orgs/megacorp/repos?per_page=100";
    QCOMPARE(Hubshelf::Cache::listKeyOf(first + "&page=7"), Hubshelf::Cache::listKeyOf(first));
    QCOMPARE(Hubshelf::Cache::listKeyOf("https://api.github.com/orgs/megacorp/repos?page=2&per_page=100"),
             Hubshelf::Cache::listKeyOf(first));
    QVERIFY(Hubshelf::Cache::listKeyOf(first) != Hubshelf::Cache::listKeyOf(first + "&type=forks"));
    QVERIFY(Hubshelf::Cache::listKeyOf("https://api.github.com/users/octocat") !=
            Hubshelf::Cache::listKeyOf("https://api.github.com/users/monalisa"));
}

void TestEtagCache::lastUsed_comesFromTheClock_andOrdersUsesWithinOneMillisecond()
{
    auto cache = openCache(databasePath());
    QVERIFY(cache);
    const QDateTime now(QDate(2030, 1, 2), QTime(3, 4, 5), Qt::UTC);
    cache->setClock([now] { return now; }); // time stands still
    cache->setSizeLimit(1000);
    const QByteArray identity = cache->identityFor(Token);
    QVERIFY(cache->store(makeResponse(url(1), identity, QByteArray(300, 'a'))));
    QVERIFY(cache->store(makeResponse(url(2), identity, QByteArray(300, 'b'))));
    QVERIFY(cache->store(makeResponse(url(3), identity, QByteArray(300, 'c'))));
    const auto used = cache->find(url(1), Variant, identity);
    QVERIFY(used);
    QVERIFY(used->lastUsed >= now);
    QVERIFY(used->lastUsed < now.addSecs(1)); // the clock's time, not the system's

    // Every use is still later than the one before: 2 is the least recently used.
    QVERIFY(cache->store(makeResponse(url(4), identity, QByteArray(300, 'd'))));
    QVERIFY(!cache->find(url(2), Variant, identity));
    QVERIFY(cache->find(url(1), Variant, identity));
}

void TestEtagCache::totalBodySizeStaysWithinTheLimit()
{
    const QString path = databasePath();
    auto cache = openCache(path);
    QVERIFY(cache);
    constexpr qint64 limit = 2000;
    cache->setSizeLimit(limit);
    const QByteArray identity = cache->identityFor({});
    for (int i = 0; i < 60; ++i) {
        const int size = 50 + (i * 137) % 450;
        QVERIFY(cache->store(makeResponse(url(i % 25), identity, QByteArray(size, 'x'))));
        QVERIFY2(cache->totalBodyBytes() <= limit, qPrintable(QString::number(cache->totalBodyBytes())));
        QVERIFY(cache->find(url(i % 25), Variant, identity)); // the entry just stored stays
    }
    // The running total agrees with the rows themselves.
    QCOMPARE(queryOnce(path, u"SELECT sum(body_size) FROM responses"_s).toLongLong(),
             cache->totalBodyBytes());
    QCOMPARE(queryOnce(path, u"SELECT sum(length(body)) FROM responses"_s).toLongLong(),
             cache->totalBodyBytes());
    QVERIFY(cache->totalBodyBytes() > limit / 2);
}

void TestEtagCache::entryLargerThanTheLimitIsRefused()
{
    auto cache = openCache(databasePath());
    QVERIFY(cache);
    cache->setSizeLimit(1000);
    const QByteArray identity = cache->identityFor(Token);
    QVERIFY(cache->store(makeResponse(url(1), identity, QByteArray(400, 'a'))));
    QVERIFY(cache->store(makeResponse(url(2), identity, QByteArray(400, 'b'))));

    QVERIFY(!cache->store(makeResponse(url(3), identity, incompressible(1001))));
    QVERIFY(!cache->find(url(3), Variant, identity));
    QCOMPARE(cache->entryCount(), 2);
    QCOMPARE(cache->totalBodyBytes(), 800);

    // Exactly the limit fits, by evicting everything else.
    QVERIFY(cache->store(makeResponse(url(4), identity, incompressible(1000))));
    QCOMPARE(cache->entryCount(), 1);
    QCOMPARE(cache->totalBodyBytes(), 1000);

    // A newer body too big to keep makes the older one outdated: it goes too.
    QVERIFY(!cache->store(makeResponse(url(4), identity, incompressible(2000))));
    QVERIFY(!cache->find(url(4), Variant, identity));
}

void TestEtagCache::loweringTheSizeLimitEvictsAtOnce()
{
    auto cache = openCache(databasePath());
    QVERIFY(cache);
    const QByteArray identity = cache->identityFor(Token);
    for (int i = 1; i <= 5; ++i) {
        QVERIFY(cache->store(makeResponse(url(i), identity, QByteArray(100, 'a'))));
    }
    cache->setSizeLimit(250);
    QCOMPARE(cache->sizeLimit(), 250);
    QCOMPARE(cache->entryCount(), 2);
    QVERIFY(cache->find(url(4), Variant, identity));
    QVERIFY(cache->find(url(5), Variant, identity));
}

void TestEtagCache::entriesAndLifetimeStatisticsSurviveReopening()
{
    const QString path = databasePath();
    QByteArray identity;
    {
        auto cache = openCache(path);
        QVERIFY(cache);
        identity = cache->identityFor(Token);
        QVERIFY(cache->store(makeResponse(url(1), identity, QByteArrayLiteral("[1,2,3]"))));
        cache->recordFreshHit(100);
        cache->recordRevalidated(40);
        cache->recordMiss();
        cache->recordUncached();
        cache->recordUncached();
    }
    auto cache = openCache(path);
    QVERIFY(cache);
    QVERIFY(!cache->wasRebuilt());
    const auto found = cache->find(url(1), Variant, identity);
    QVERIFY(found);
    QCOMPARE(found->body, QByteArrayLiteral("[1,2,3]"));
    QCOMPARE(cache->statistics().hits(), 0); // this process has done nothing yet

    CacheStatistics lifetime = cache->lifetimeStatistics();
    QCOMPARE(lifetime.freshHits, 1);
    QCOMPARE(lifetime.revalidated, 1);
    QCOMPARE(lifetime.misses, 1);
    QCOMPARE(lifetime.uncached, 2);
    QCOMPARE(lifetime.bytesSaved, 140);

    cache->recordFreshHit(10);
    lifetime = cache->lifetimeStatistics();
    QCOMPARE(lifetime.freshHits, 2);
    QCOMPARE(lifetime.bytesSaved, 150);
}

void TestEtagCache::openedDatabaseIsMigratedAndInWalMode()
{
    const QString path = databasePath();
    auto cache = openCache(path);
    QVERIFY(cache);
    QVERIFY(cache->isOpen());
    QCOMPARE(cache->databasePath(), path);
    QVERIFY(!cache->wasRebuilt());
    QVERIFY(cache->errorString().isEmpty());
    QCOMPARE(queryOnce(path, u"PRAGMA user_version"_s).toInt(), EtagCache::SchemaVersion);
    QCOMPARE(queryOnce(path, u"PRAGMA journal_mode"_s), u"wal"_s);
    QCOMPARE(queryOnce(path, u"SELECT count(*) FROM sqlite_master WHERE name IN ('responses', 'meta')"_s),
             u"2"_s);
    // Opening again migrates nothing and changes nothing.
    cache.reset();
    cache = openCache(path);
    QVERIFY(cache);
    QCOMPARE(queryOnce(path, u"PRAGMA user_version"_s).toInt(), EtagCache::SchemaVersion);
}

void TestEtagCache::walIsCheckpointedOnAThreadOfItsOwn()
{
    const QString path = databasePath();
    QVERIFY(QDir().mkpath(QFileInfo(path).absolutePath()));
    SqliteDialect dialect(path);
    const QString connection = u"test-etagcache-checkpoints"_s;
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(u"QSQLITE"_s, connection);
        const SqlDialect::Opened opened = dialect.open(db);
        QVERIFY2(opened.ok, qPrintable(opened.error));
        QSqlQuery query(db);
        QVERIFY(query.exec(u"CREATE TABLE bodies (body BLOB)"_s));
        // 8 MB in commits of 100 kB: some 2,000 WAL frames of 4 kB, twice SQLite's threshold.
        QVERIFY(query.prepare(u"INSERT INTO bodies (body) VALUES (?)"_s));
        for (int i = 0; i < 80; ++i) {
            query.bindValue(0, incompressible(100 * 1024));
            QVERIFY2(query.exec(), qPrintable(query.lastError().text()));
        }
        QTRY_VERIFY(dialect.checkpointer().checkpointsDone() >= 1);
        QVERIFY(dialect.checkpointer().lastThread() != QThread::currentThreadId());
        // Copied into the database file while this connection is still open: with no checkpoint
        // at all, it would all still be in the WAL.
        QTRY_VERIFY2(QFileInfo(path).size() > 4 * 1024 * 1024,
                     qPrintable(QString::number(QFileInfo(path).size())));
        QCOMPARE(queryOnce(path, u"SELECT count(*) FROM bodies"_s), u"80"_s);
        db.close();
    }
    QSqlDatabase::removeDatabase(connection);
}

void TestEtagCache::missingFolderIsCreated()
{
    const QString path = m_dir->filePath(u"a/b/c/cache.sqlite"_s);
    QVERIFY(!QFileInfo::exists(QFileInfo(path).absolutePath()));
    auto cache = openCache(path);
    QVERIFY(cache);
    QVERIFY(QFileInfo::exists(path));
}

void TestEtagCache::twoInstancesOnOneFileShareEntries()
{
    auto writer = openCache(databasePath());
    auto reader = openCache(databasePath());
    QVERIFY(writer);
    QVERIFY(reader);
    QCOMPARE(reader->identityFor(Token), writer->identityFor(Token));
    QVERIFY(writer->store(makeResponse(url(1), writer->identityFor(Token), QByteArrayLiteral("[]"))));
    QVERIFY(reader->find(url(1), Variant, reader->identityFor(Token)));
    writer.reset();
    QVERIFY(reader->find(url(1), Variant, reader->identityFor(Token))); // its connection is its own
}

void TestEtagCache::corruptDatabaseIsMovedAsideAndRebuilt_data()
{
    QTest::addColumn<bool>("truncate");
    QTest::newRow("garbage over the file") << false;
    QTest::newRow("truncated in the middle") << true;
}

void TestEtagCache::corruptDatabaseIsMovedAsideAndRebuilt()
{
    QFETCH(bool, truncate);
    const QString path = databasePath();
    const QString corruptPath = path + u".corrupt"_s;
    {
        auto cache = openCache(path);
        QVERIFY(cache);
        for (int i = 0; i < 40; ++i) {
            QVERIFY(cache->store(makeResponse(url(i), cache->identityFor({}), incompressible(3000 + i))));
        }
    }
    QVERIFY(!QFile::exists(path + u"-wal"_s)); // checkpointed: everything is in the main file now
    QByteArray damaged = readFile(path);
    QVERIFY(damaged.size() > 100'000);
    if (truncate) {
        damaged.truncate(damaged.size() / 2);
    } else {
        for (qsizetype i = 0; i < damaged.size(); ++i) {
            damaged[i] = static_cast<char>((i * 7919) % 251);
        }
    }
    QVERIFY(writeFile(path, damaged));
    QVERIFY(writeFile(corruptPath, QByteArrayLiteral("an older damaged cache")));

    QTest::ignoreMessage(QtWarningMsg,
                         QRegularExpression(QRegularExpression::escape(path) + u" is damaged.*"_s +
                                            QRegularExpression::escape(corruptPath)));
    auto cache = std::make_unique<EtagCache>(path);
    QVERIFY2(cache->open(), qPrintable(cache->errorString()));
    QVERIFY(cache->wasRebuilt());
    QCOMPARE(readFile(corruptPath), damaged); // moved aside, the older one replaced
    QCOMPARE(cache->entryCount(), 0);

    const QByteArray identity = cache->identityFor(Token);
    QVERIFY(cache->store(makeResponse(url(1), identity, QByteArrayLiteral("[\"after\"]"))));
    const auto found = cache->find(url(1), Variant, identity);
    QVERIFY(found);
    QCOMPARE(found->body, QByteArrayLiteral("[\"after\"]"));
    QCOMPARE(queryOnce(path, u"PRAGMA integrity_check"_s), u"ok"_s);

    cache.reset();
    cache = openCache(path);
    QVERIFY(cache);
    QVERIFY(!cache->wasRebuilt());
    QCOMPARE(cache->entryCount(), 1);
}

void TestEtagCache::writerKilledAtAnyMomentLeavesAnIntactDatabase()
{
    const QString path = databasePath();
    qint64 committedMisses = 0;
    for (int round = 0; round < 20; ++round) {
        QProcess writer;
        writer.setProcessChannelMode(QProcess::ForwardedErrorChannel);
        writer.start(QString::fromUtf8(ETAGCACHE_WRITER), {path});
        QVERIFY2(writer.waitForStarted(10'000), qPrintable(writer.errorString()));
        QByteArray output;
        while (!output.contains("ready\n") && writer.state() == QProcess::Running) {
            writer.waitForReadyRead(10'000);
            output += writer.readAllStandardOutput();
        }
        QVERIFY2(output.contains("ready\n"), output.constData());
        // A different moment of the write loop each round, some right after the first commit.
        QThread::usleep(static_cast<unsigned long>((round * 7919) % 40'000));
        writer.kill();
        QVERIFY(writer.waitForFinished(10'000));
        QCOMPARE(writer.exitStatus(), QProcess::CrashExit);

        QCOMPARE(queryOnce(path, u"PRAGMA integrity_check"_s), u"ok"_s);
        EtagCache cache(path);
        QVERIFY2(cache.open(), qPrintable(cache.errorString()));
        QVERIFY(!cache.wasRebuilt());
        QVERIFY(cache.entryCount() > 0);
        QVERIFY(cache.totalBodyBytes() <= 512 * 1024);
        QCOMPARE(queryOnce(path, u"SELECT sum(body_size) FROM responses"_s).toLongLong(),
                 cache.totalBodyBytes());
        // Every round committed at least one store and its count before saying "ready".
        const qint64 misses = cache.lifetimeStatistics().misses;
        QVERIFY2(misses > committedMisses, qPrintable(u"round %1: %2"_s.arg(round).arg(misses)));
        committedMisses = misses;
    }
}

void TestEtagCache::databaseOfANewerSchemaIsLeftAlone()
{
    const QString path = databasePath();
    {
        auto cache = openCache(path);
        QVERIFY(cache);
        QVERIFY(cache->store(makeResponse(url(1), cache->identityFor({}), QByteArrayLiteral("[]"))));
    }
    queryOnce(path, u"PRAGMA user_version = %1"_s.arg(EtagCache::SchemaVersion + 1));
    QCOMPARE(queryOnce(path, u"PRAGMA user_version"_s).toInt(), EtagCache::SchemaVersion + 1);

    QTest::ignoreMessage(QtWarningMsg, QRegularExpression(u"newer Hubshelf"_s));
    EtagCache cache(path);
    QVERIFY(!cache.open());
    QVERIFY(!cache.isOpen());
    QVERIFY(!cache.wasRebuilt());
    QVERIFY(cache.errorString().contains(u"newer"_s));
    QVERIFY(!QFile::exists(path + u".corrupt"_s));
    QVERIFY(!cache.find(url(1), Variant, cache.identityFor({})));
    QVERIFY(!cache.store(makeResponse(url(2), cache.identityFor({}), QByteArrayLiteral("[]"))));
    // Its entries are still there for the newer program.
    QCOMPARE(queryOnce(path, u"SELECT count(*) FROM responses"_s), u"1"_s);
}

void TestEtagCache::clearRemovesEntriesButKeepsIdentities()
{
    const QString path = databasePath();
    QByteArray identity;
    {
        auto cache = openCache(path);
        QVERIFY(cache);
        identity = cache->identityFor(Token);
        for (int i = 0; i < 10; ++i) {
            QVERIFY(cache->store(makeResponse(url(i), identity, QByteArray(20'000, 'x'))));
        }
        cache->recordMiss();
        const auto bytesOnDisk = [&path] {
            return QFileInfo(path).size() + QFileInfo(path + u"-wal"_s).size();
        };
        QVERIFY(bytesOnDisk() > 200'000);
        QVERIFY(cache->clear());
        QVERIFY2(bytesOnDisk() < 100'000, qPrintable(QString::number(bytesOnDisk())));
        QCOMPARE(cache->entryCount(), 0);
        QCOMPARE(cache->totalBodyBytes(), 0);
        QVERIFY(!cache->find(url(1), Variant, identity));
        QCOMPARE(cache->identityFor(Token), identity);
        QCOMPARE(cache->lifetimeStatistics().misses, 1);
        // Still usable afterwards.
        QVERIFY(cache->store(makeResponse(url(1), identity, QByteArrayLiteral("[]"))));
        QVERIFY(cache->find(url(1), Variant, identity));
    }
    auto reopened = openCache(path);
    QVERIFY(reopened);
    QCOMPARE(reopened->identityFor(Token), identity);
    QCOMPARE(reopened->entryCount(), 1);
}

void TestEtagCache::recordingUpdatesStatisticsAndNotifies()
{
    auto cache = openCache(databasePath());
    QVERIFY(cache);
    QSignalSpy spy(cache.get(), &EtagCache::statisticsChanged);
    QVERIFY(spy.isValid());

    cache->recordFreshHit(1200);
    QCOMPARE(spy.count(), 1);
    QCOMPARE(cache->statistics().freshHits, 1);
    QCOMPARE(cache->statistics().bytesSaved, 1200);

    cache->recordRevalidated(300);
    cache->recordRevalidated(0);
    cache->recordMiss();
    cache->recordUncached();
    QCOMPARE(spy.count(), 5);

    const CacheStatistics statistics = cache->statistics();
    QCOMPARE(statistics.freshHits, 1);
    QCOMPARE(statistics.revalidated, 2);
    QCOMPARE(statistics.misses, 1);
    QCOMPARE(statistics.uncached, 1);
    QCOMPARE(statistics.hits(), 3);
    QCOMPARE(statistics.callsSaved(), 3);
    QCOMPARE(statistics.bytesSaved, 1500);

    const auto emitted = spy.last().at(0).value<CacheStatistics>();
    QCOMPARE(emitted.freshHits, statistics.freshHits);
    QCOMPARE(emitted.revalidated, statistics.revalidated);
    QCOMPARE(emitted.misses, statistics.misses);
    QCOMPARE(emitted.uncached, statistics.uncached);
    QCOMPARE(emitted.bytesSaved, statistics.bytesSaved);
    QCOMPARE(spy.first().at(0).value<CacheStatistics>().bytesSaved, 1200);

    const CacheStatistics lifetime = cache->lifetimeStatistics();
    QCOMPARE(lifetime.hits(), 3);
    QCOMPARE(lifetime.bytesSaved, 1500);
}

void TestEtagCache::statisticsDoNotCountBytesForMissesAndUncached()
{
    auto cache = openCache(databasePath());
    QVERIFY(cache);
    cache->recordMiss();
    cache->recordUncached();
    cache->recordFreshHit(-5); // nonsense in, no negative savings out
    QCOMPARE(cache->statistics().bytesSaved, 0);
    QCOMPARE(cache->statistics().hits(), 1);
    QCOMPARE(cache->lifetimeStatistics().bytesSaved, 0);
}

QTEST_GUILESS_MAIN(TestEtagCache)
#include "test_etagcache.moc"

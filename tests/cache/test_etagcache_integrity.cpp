// Issue 11 on the real SQLite file: a body that rotted on disk is never served, old databases gain
// checksums when migrated, and a cache whose writes keep failing says so once per distinct problem.

#include "cache/etagcache.h"

#include <QDir>
#include <QFileInfo>
#include <QRandomGenerator>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

using namespace Qt::StringLiterals;
using namespace Hubshelf::Cache;

namespace {

const QByteArray Variant = QByteArrayLiteral("application/vnd.github+json");
const QByteArray Identity = QByteArrayLiteral("anon");
const QByteArray Url = QByteArrayLiteral("https://api.github.com/users/octocat/repos");

CachedResponse makeResponse(const QByteArray &url, const QByteArray &body)
{
    CachedResponse response;
    response.url = url;
    response.variant = Variant;
    response.identity = Identity;
    response.etag = QByteArrayLiteral("\"0123456789abcdef\"");
    response.fetchedAt = QDateTime(QDate(2024, 3, 1), QTime(12, 0), Qt::UTC);
    response.maxAgeSeconds = 60;
    response.body = body;
    return response;
}

// Runs statements on a connection of its own, as another program looking at the file would.
bool execOn(const QString &path, const QStringList &statements, const QVariantList &values = {})
{
    static int connections = 0;
    const QString name = u"integrity-%1"_s.arg(++connections);
    bool ok = true;
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(u"QSQLITE"_s, name);
        db.setDatabaseName(path);
        ok = db.open();
        QSqlQuery query(db);
        for (const QString &sql : statements) {
            if (!ok) {
                break;
            }
            ok = query.prepare(sql);
            for (qsizetype i = 0; ok && i < values.size() && sql.contains(u'?'); ++i) {
                query.addBindValue(values.at(i));
            }
            ok = ok && query.exec();
            if (!ok) {
                qWarning() << sql << query.lastError().text();
            }
        }
    }
    QSqlDatabase::removeDatabase(name);
    return ok;
}

// The first value of one query on a connection of its own; empty when it fails or finds nothing.
QVariant queryValue(const QString &path, const QString &sql)
{
    static int connections = 0;
    const QString name = u"integrity-query-%1"_s.arg(++connections);
    QVariant value;
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(u"QSQLITE"_s, name);
        db.setDatabaseName(path);
        QSqlQuery query(db);
        if (db.open() && query.exec(sql) && query.next()) {
            value = query.value(0);
        }
    }
    QSqlDatabase::removeDatabase(name);
    return value;
}

// Flips one bit in the middle of every stored body, as a failing disk or a stray write would.
bool rotBodies(const QString &path)
{
    const QString name = u"integrity-rot"_s;
    bool ok = false;
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(u"QSQLITE"_s, name);
        db.setDatabaseName(path);
        QSqlQuery select(db);
        QList<QPair<qint64, QByteArray>> rows;
        ok = db.open() && select.exec(u"SELECT rowid, body FROM responses"_s);
        while (ok && select.next()) {
            QByteArray body = select.value(1).toByteArray();
            body[body.size() / 2] = char(body.at(body.size() / 2) ^ 0x20);
            rows.append({select.value(0).toLongLong(), body});
        }
        select.finish();
        QSqlQuery update(db);
        ok = ok && !rows.isEmpty() && update.prepare(u"UPDATE responses SET body = ? WHERE rowid = ?"_s);
        for (const auto &[rowid, body] : std::as_const(rows)) {
            update.bindValue(0, body);
            update.bindValue(1, rowid);
            ok = ok && update.exec();
        }
    }
    QSqlDatabase::removeDatabase(name);
    return ok;
}

// Warnings of hubshelf.cache, collected while an instance lives.
class WarningLog final
{
public:
    WarningLog()
    {
        s_lines.clear();
        m_previous = qInstallMessageHandler(&WarningLog::handle);
    }
    ~WarningLog() { qInstallMessageHandler(m_previous); }
    Q_DISABLE_COPY_MOVE(WarningLog)

    QStringList lines() const { return s_lines; }

private:
    static void handle(QtMsgType type, const QMessageLogContext &context, const QString &message)
    {
        if (type == QtWarningMsg && qstrcmp(context.category, "hubshelf.cache") == 0) {
            s_lines.append(message);
        }
    }
    static inline QStringList s_lines;
    QtMessageHandler m_previous = nullptr;
};

} // namespace

class TestEtagCacheIntegrity final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();

    void rottedBodyIsAMissDroppedAndCounted();
    void rottedBodyOfAnotherIdentityIsNeverACandidate();
    void schemaOneDatabaseGainsChecksumsWhenMigrated();
    void repeatedWriteFailuresAreLoggedOncePerProblem();
    void decodeStoredEntry_servesOnlyABodyMatchingItsChecksum_data();
    void decodeStoredEntry_servesOnlyABodyMatchingItsChecksum();
    void expandBody_refusesDamageUnknownEncodingsAndHugeClaims();

private:
    QString databasePath() const { return m_dir->filePath(u"cache/hubshelf.sqlite"_s); }
    // The one place a cache is made, should its constructor take more arguments one day.
    static std::unique_ptr<EtagCache> openCache(const QString &path);

    std::unique_ptr<QTemporaryDir> m_dir;
};

void TestEtagCacheIntegrity::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
}

void TestEtagCacheIntegrity::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
}

std::unique_ptr<EtagCache> TestEtagCacheIntegrity::openCache(const QString &path)
{
    auto cache = std::make_unique<EtagCache>(path);
    if (!cache->open()) {
        qWarning() << "open failed:" << cache->errorString();
        return nullptr;
    }
    return cache;
}

void TestEtagCacheIntegrity::rottedBodyIsAMissDroppedAndCounted()
{
    const QByteArray body = QByteArrayLiteral("[{\"name\":\"hello-world\",\"stargazers_count\":80}]");
    {
        auto cache = openCache(databasePath());
        QVERIFY(cache);
        QVERIFY(cache->store(makeResponse(Url, body)));
        QVERIFY(cache->store(makeResponse(Url + "?page=2", body)));
    }
    QVERIFY(rotBodies(databasePath()));
    QVERIFY(execOn(databasePath(), {u"UPDATE responses SET body = ? WHERE url = ?"_s},
                   QVariantList{body, QByteArray(Url + "?page=2")}));

    auto cache = openCache(databasePath());
    QVERIFY(cache);
    QSignalSpy changed(cache.get(), &EtagCache::statisticsChanged);
    {
        const WarningLog warnings;
        QVERIFY(!cache->find(Url, Variant, Identity));
        QCOMPARE(warnings.lines().size(), 1); // the user learns that the cache file is damaged
    }
    QCOMPARE(cache->statistics().corruptDropped, 1);
    QCOMPARE(cache->lifetimeStatistics().corruptDropped, 1);
    QCOMPARE(changed.size(), 1);
    QCOMPARE(cache->entryCount(), 1); // dropped, so the next run fetches it instead of failing again
    QVERIFY(!cache->find(Url, Variant, Identity));
    QCOMPARE(cache->statistics().corruptDropped, 1);
    // The entry whose body was put back intact is served.
    const auto intact = cache->find(Url + "?page=2", Variant, Identity);
    QVERIFY(intact);
    QCOMPARE(intact->body, body);
    // A good entry stored again under the same key is served again.
    QVERIFY(cache->store(makeResponse(Url, body)));
    QCOMPARE(cache->find(Url, Variant, Identity)->body, body);
}

void TestEtagCacheIntegrity::rottedBodyOfAnotherIdentityIsNeverACandidate()
{
    {
        auto cache = openCache(databasePath());
        QVERIFY(cache);
        QVERIFY(cache->store(makeResponse(Url, QByteArrayLiteral("[{\"id\":1}]"))));
    }
    QVERIFY(rotBodies(databasePath()));
    auto cache = openCache(databasePath());
    QVERIFY(cache);
    QTest::ignoreMessage(QtWarningMsg, QRegularExpression(u"damaged .*checksum"_s));
    QVERIFY(!cache->findOtherIdentity(Url, Variant, QByteArrayLiteral("someone-else")));
    QCOMPARE(cache->lifetimeStatistics().corruptDropped, 1);
    QCOMPARE(cache->entryCount(), 0);
}

void TestEtagCacheIntegrity::schemaOneDatabaseGainsChecksumsWhenMigrated()
{
    // Schema 1 as Hubshelf 0.x wrote it, with one entry.
    const QString path = databasePath();
    QVERIFY(QDir().mkpath(QFileInfo(path).absolutePath()));
    const QByteArray body = QByteArrayLiteral("[{\"login\":\"octocat\"}]");
    QVERIFY(execOn(
        path, {u"PRAGMA journal_mode = WAL"_s,
               u"CREATE TABLE responses (url BLOB NOT NULL, variant BLOB NOT NULL, identity BLOB NOT NULL,"
               u" etag BLOB, last_modified BLOB, link BLOB, content_type BLOB,"
               u" fetched_at INTEGER NOT NULL, max_age INTEGER NOT NULL, last_used INTEGER NOT NULL,"
               u" body_size INTEGER NOT NULL, body BLOB NOT NULL, PRIMARY KEY (url, variant, identity))"_s,
               u"CREATE INDEX responses_last_used ON responses (last_used, body_size)"_s,
               u"CREATE TABLE meta (key TEXT PRIMARY KEY, value BLOB)"_s,
               u"INSERT INTO meta (key, value) VALUES ('total_body_size', 21), ('fresh_hits', 0),"
               u" ('revalidated', 0), ('misses', 0), ('uncached', 0), ('bytes_saved', 0),"
               u" ('hmac_key', X'00112233445566778899aabbccddeeff00112233445566778899aabbccddeeff')"_s,
               u"INSERT INTO responses VALUES (CAST('%1' AS BLOB), CAST('%2' AS BLOB), CAST('anon' AS BLOB),"
               u" CAST('\"e\"' AS BLOB), NULL, NULL, NULL, 0, 60, 1, %3, CAST('%4' AS BLOB))"_s.arg(
                   QString::fromLatin1(Url), QString::fromLatin1(Variant), QString::number(body.size()),
                   QString::fromLatin1(body)),
               u"PRAGMA user_version = 1"_s}));
    {
        auto cache = openCache(path);
        QVERIFY(cache);
        const auto found = cache->find(Url, Variant, Identity);
        QVERIFY(found); // migrated entries are trusted once: their checksum is taken as they are
        QCOMPARE(found->body, body);
        QCOMPARE(cache->lifetimeStatistics().corruptDropped, 0);
    }
    QCOMPARE(queryValue(path, u"SELECT count(*) FROM responses WHERE body_crc32 IS NOT NULL"_s).toInt(), 1);
    QCOMPARE(queryValue(path, u"PRAGMA user_version"_s).toInt(), EtagCache::SchemaVersion);
    // From now on the entry is checked like any other.
    QVERIFY(rotBodies(path));
    auto cache = openCache(path);
    QVERIFY(cache);
    QTest::ignoreMessage(QtWarningMsg, QRegularExpression(u"damaged .*checksum"_s));
    QVERIFY(!cache->find(Url, Variant, Identity));
    QCOMPARE(cache->lifetimeStatistics().corruptDropped, 1);
}

void TestEtagCacheIntegrity::repeatedWriteFailuresAreLoggedOncePerProblem()
{
    auto cache = openCache(databasePath());
    QVERIFY(cache);
    QVERIFY(cache->store(makeResponse(Url, QByteArrayLiteral("[]"))));
    // The cache's own connection may not grow the file any further: SQLITE_FULL, as on a full disk,
    // for root and everyone else alike (a read-only file or mount would not stop root).
    const QStringList connections = QSqlDatabase::connectionNames().filter(u"hubshelf-cache-"_s);
    QCOMPARE(connections.size(), 1);
    {
        QSqlDatabase db = QSqlDatabase::database(connections.first(), false);
        QSqlQuery pageCount(db);
        QVERIFY(pageCount.exec(u"PRAGMA page_count"_s) && pageCount.next());
        const int pages = pageCount.value(0).toInt();
        pageCount.finish();
        QSqlQuery limit(db);
        QVERIFY(limit.exec(u"PRAGMA max_page_count = %1"_s.arg(pages)));
    }
    // Random bytes: zlib cannot shrink them, so each store needs its 256 KB of pages.
    QByteArray big(256 * 1024, Qt::Uninitialized);
    QRandomGenerator generator(7);
    for (char &byte : big) {
        byte = char(generator.bounded(256));
    }
    const WarningLog warnings;
    for (int i = 0; i < 30; ++i) {
        QVERIFY(!cache->store(makeResponse(Url + "?page=" + QByteArray::number(i), big)));
        cache->recordMiss();
        QVERIFY(cache->find(Url, Variant, Identity)); // what is there still serves
    }
    QVERIFY2(warnings.lines().size() == 1, qPrintable(warnings.lines().join(u'\n')));
    QVERIFY2(warnings.lines().constFirst().contains(u"full"_s), qPrintable(warnings.lines().constFirst()));
    QCOMPARE(cache->entryCount(), 1);
    // Another problem is still reported, once too: statistics that have nowhere to go.
    {
        QSqlQuery drop(QSqlDatabase::database(connections.first(), false));
        QVERIFY(drop.exec(u"DROP TABLE meta"_s));
    }
    for (int i = 0; i < 5; ++i) {
        cache->recordMiss();
    }
    QVERIFY2(warnings.lines().size() == 2, qPrintable(warnings.lines().join(u'\n')));
    QVERIFY2(warnings.lines().constLast().contains(u"meta"_s), qPrintable(warnings.lines().constLast()));
}

// The pure read path find() goes through, as SQLite may hand back a damaged or foreign row.
void TestEtagCacheIntegrity::expandBody_refusesDamageUnknownEncodingsAndHugeClaims()
{
    using Hubshelf::Cache::expandBody;
    const QByteArray body = QByteArray("[{\"login\":\"octocat\"}]").repeated(200);
    const Hubshelf::Cache::StoredBody stored = Hubshelf::Cache::compressBody(body);
    QCOMPARE(stored.encoding, Hubshelf::Cache::BodyEncoding::Zlib);
    QCOMPARE(expandBody(stored.bytes, 1).value_or(QByteArray()), body);
    QCOMPARE(expandBody(body, 0).value_or(QByteArray()), body);
    QVERIFY(!expandBody(stored.bytes, 2));  // a later version's encoding
    QVERIFY(!expandBody(stored.bytes, -1)); // nonsense
    QVERIFY(!expandBody(stored.bytes.left(3), 1));
    QVERIFY(!expandBody(stored.bytes.left(stored.bytes.size() / 2), 1)); // cut short
    // A header claiming 4 GB is refused before anything is allocated for it.
    QByteArray huge = stored.bytes;
    huge[0] = char(0xff);
    QVERIFY(!expandBody(huge, 1));
    // A header claiming another size than the data holds.
    QByteArray lying = stored.bytes;
    lying[3] = char(quint8(lying[3]) ^ 0x01);
    QVERIFY(!expandBody(lying, 1));
}

void TestEtagCacheIntegrity::decodeStoredEntry_servesOnlyABodyMatchingItsChecksum_data()
{
    QTest::addColumn<QVariantList>("columns");
    QTest::addColumn<bool>("served");

    const QByteArray body = "[{\"id\":1}]";
    const auto row = [&body](const QVariant &checksum) {
        return QVariantList{QByteArray("\"e\""),
                            QVariant(),
                            QVariant(),
                            QByteArray("application/json"),
                            qint64(1700000000000),
                            60,
                            qint64(1700000000000),
                            body,
                            checksum};
    };
    QTest::newRow("matching") << row(bodyChecksum(body)) << true;
    QTest::newRow("matching, as text") << row(QString::number(bodyChecksum(body))) << true;
    QTest::newRow("mismatch") << row(bodyChecksum(body) ^ 1) << false;
    QTest::newRow("NULL checksum") << row(QVariant()) << false;
    QTest::newRow("not a number") << row(u"crc"_s) << false;
    QTest::newRow("short row") << row(bodyChecksum(body)).mid(0, 8) << false;
}

void TestEtagCacheIntegrity::decodeStoredEntry_servesOnlyABodyMatchingItsChecksum()
{
    QFETCH(QVariantList, columns);
    QFETCH(bool, served);

    const std::optional<CachedResponse> entry = decodeStoredEntry(columns, "url", "variant", "anon");
    QCOMPARE(entry.has_value(), served);
    if (served) {
        QCOMPARE(entry->body, columns.at(7).toByteArray());
        QCOMPARE(entry->etag, QByteArray("\"e\""));
        QCOMPARE(entry->maxAgeSeconds, 60);
        QCOMPARE(entry->fetchedAt, QDateTime::fromMSecsSinceEpoch(1700000000000, Qt::UTC));
        QCOMPARE(entry->identity, QByteArray("anon"));
    }
}

QTEST_GUILESS_MAIN(TestEtagCacheIntegrity)
#include "test_etagcache_integrity.moc"

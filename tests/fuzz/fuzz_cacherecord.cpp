// Cache::decodeStoredEntry, the read path of every cached body, over the columns a damaged or
// foreign cache file may hold. The input is one column per line, typed as SQLite stores values:
//   n  (NULL)   i:INTEGER   d:REAL   t:TEXT (UTF-8)   b:BLOB (raw)   x:BLOB (hex)
//   crc         the right checksum of the body line above (only sensible for the last column)
// in the order etag, last_modified, link, content_type, fetched_at, max_age, last_used, body,
// body_crc32, body_encoding (0 as sent, 1 zlib; absent in entries from before compression).
// Properties: only stored bytes matching their checksum are served, and then only what they expand
// to; a single flipped bit is always caught; a decoded entry stored again decodes the same; serving
// it never breaks.
#include "cache/etagcache.h"
#include "fuzzcheck.h"
#include "github/cachepolicy.h"

#include <QDateTime>
#include <QVariantList>

using Hubshelf::Cache::bodyChecksum;
using Hubshelf::Cache::CachedResponse;
using Hubshelf::Cache::decodeStoredEntry;

namespace {

constexpr qsizetype BodyColumn = 7;
constexpr qsizetype ChecksumColumn = 8;
constexpr qsizetype EncodingColumn = 9;

QVariant columnOf(const QByteArray &line, const QVariantList &before)
{
    const QByteArray value = line.mid(2);
    if (line == "n") {
        return {};
    }
    if (line == "crc") {
        return before.size() > BodyColumn ? QVariant(bodyChecksum(before.at(BodyColumn).toByteArray()))
                                          : QVariant();
    }
    if (line.startsWith("i:")) {
        return QVariant(value.toLongLong());
    }
    if (line.startsWith("d:")) {
        return QVariant(value.toDouble());
    }
    if (line.startsWith("t:")) {
        return QVariant(QString::fromUtf8(value));
    }
    if (line.startsWith("b:")) {
        return QVariant(value);
    }
    if (line.startsWith("x:")) {
        return QVariant(QByteArray::fromHex(value));
    }
    return QVariant(QString::fromUtf8(line));
}

// The columns store() writes for an entry, in decodeStoredEntry's order.
QVariantList columnsFor(const CachedResponse &entry)
{
    const Hubshelf::Cache::StoredBody stored = Hubshelf::Cache::compressBody(entry.body);
    return {entry.etag,
            entry.lastModified,
            entry.link,
            entry.contentType,
            entry.fetchedAt.toMSecsSinceEpoch(),
            entry.maxAgeSeconds,
            entry.lastUsed.toMSecsSinceEpoch(),
            stored.bytes,
            bodyChecksum(stored.bytes),
            qint64(stored.encoding)};
}

bool sameEntry(const CachedResponse &a, const CachedResponse &b)
{
    return a.url == b.url && a.variant == b.variant && a.identity == b.identity && a.etag == b.etag &&
           a.lastModified == b.lastModified && a.link == b.link && a.contentType == b.contentType &&
           a.fetchedAt == b.fetchedAt && a.maxAgeSeconds == b.maxAgeSeconds && a.lastUsed == b.lastUsed &&
           a.body == b.body;
}

} // namespace

extern "C" int LLVMFuzzerInitialize(int *, char ***)
{
    Hubshelf::Fuzz::silenceQtMessages();
    return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QByteArray input = Hubshelf::Fuzz::bytesOf(data, size);
    QVariantList columns;
    for (const QByteArray &line : input.split('\n')) {
        columns.append(columnOf(line, columns));
    }
    const QByteArray url = "https://api.github.com/users/octocat/repos?per_page=100";
    const QByteArray variant = Hubshelf::GitHub::CachePolicy::AcceptValue;
    const QByteArray identity = "anon";
    const std::optional<CachedResponse> entry = decodeStoredEntry(columns, url, variant, identity);
    bool encodingRead = true;
    const qint64 encoding =
        columns.size() > EncodingColumn ? columns.at(EncodingColumn).toLongLong(&encodingRead) : 0;
    if (!entry) {
        // Nothing but a missing column, a checksum that is absent or wrong, or stored bytes that do
        // not expand turns an entry away.
        if (columns.size() > ChecksumColumn && !columns.at(ChecksumColumn).isNull() && encodingRead &&
            encoding == 0) {
            bool isNumber = false;
            const qint64 stored = columns.at(ChecksumColumn).toLongLong(&isNumber);
            FUZZ_CHECK(!isNumber || stored != bodyChecksum(columns.at(BodyColumn).toByteArray()));
        }
        return 0;
    }

    FUZZ_CHECK(columns.size() > ChecksumColumn);
    const QByteArray storedBytes = columns.at(BodyColumn).toByteArray();
    FUZZ_CHECK(columns.at(ChecksumColumn).toLongLong() == bodyChecksum(storedBytes));
    FUZZ_CHECK(entry->body == Hubshelf::Cache::expandBody(storedBytes, encoding).value_or(QByteArray()));
    FUZZ_CHECK(encoding != 0 || entry->body == storedBytes);
    FUZZ_CHECK(entry->url == url && entry->variant == variant && entry->identity == identity);

    // Bit rot: any single flipped bit of the stored bytes is a mismatch, never a body served.
    if (!storedBytes.isEmpty()) {
        QVariantList damaged = columns;
        QByteArray body = storedBytes;
        const qsizetype bit = qsizetype(bodyChecksum(input) % quint64(body.size() * 8));
        body[bit / 8] = char(body.at(bit / 8) ^ (1 << (bit % 8)));
        damaged[BodyColumn] = body;
        FUZZ_CHECK(!decodeStoredEntry(damaged, url, variant, identity).has_value());
    }

    // What store() would write for this entry reads back as the same entry.
    const std::optional<CachedResponse> again = decodeStoredEntry(columnsFor(*entry), url, variant, identity);
    FUZZ_CHECK(again.has_value());
    FUZZ_CHECK(sameEntry(*entry, *again));

    // Serving it: freshness on the client's clock and the headers the body is served with.
    const QDateTime now = QDateTime::fromSecsSinceEpoch(1700000000, Qt::UTC);
    if (!entry->fetchedAt.isValid()) {
        FUZZ_CHECK(!entry->isFresh(now));
    }
    for (const auto &[name, value] : Hubshelf::GitHub::CachePolicy::storedHeaders(*entry)) {
        FUZZ_CHECK(!name.isEmpty() && !value.isEmpty());
    }
    return 0;
}

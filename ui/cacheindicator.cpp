#include "ui/cacheindicator.h"

#include <QLocale>

using namespace Qt::StringLiterals;

namespace Hubshelf::Ui {

CacheIndicator::CacheIndicator(QWidget *parent)
    : QLabel(parent)
{
    setObjectName(u"cacheIndicator"_s);
    setContentsMargins(8, 0, 8, 0);
    setAccessibleName(tr("Cache"));
    setStatistics({});
}

CacheIndicator::~CacheIndicator() = default;

void CacheIndicator::setStatistics(const Cache::CacheStatistics &statistics)
{
    m_statistics = statistics;
    const QLocale locale = this->locale();
    const auto number = [&locale](qint64 value) { return locale.toString(value); };

    const qint64 requests = statistics.hits() + statistics.misses + statistics.uncached;
    // Labels before numbers: no plural forms to get wrong without an English translation file.
    const QString text = requests == 0 ? tr("Cache: no requests yet")
                                       : tr("Cache hits: %1 (%2 revalidated) · misses: %3 · calls saved: %4")
                                             .arg(number(statistics.hits()), number(statistics.revalidated),
                                                  number(statistics.misses), number(statistics.callsSaved()));
    setText(text);

    const QString tip =
        tr("What the local cache did this session:") + u'\n' +
        tr("Fresh hits (answered without a request): %1").arg(number(statistics.freshHits)) + u'\n' +
        tr("Revalidated (304, free with a token): %1").arg(number(statistics.revalidated)) + u'\n' +
        tr("Misses (fetched and stored): %1").arg(number(statistics.misses)) + u'\n' +
        tr("Not cacheable: %1").arg(number(statistics.uncached)) + u'\n' +
        tr("Calls saved: %1").arg(number(statistics.callsSaved())) + u'\n' +
        tr("Bytes saved: %1")
            .arg(locale.formattedDataSize(statistics.bytesSaved, 1, QLocale::DataSizeSIFormat));
    setToolTip(tip);
    setAccessibleDescription(QString(text + u'\n' + tip));
}

Cache::CacheStatistics CacheIndicator::statistics() const
{
    return m_statistics;
}

void CacheIndicator::track(Cache::EtagCache *cache)
{
    disconnect(m_cacheConnection);
    if (!cache) {
        setStatistics({});
        return;
    }
    m_cacheConnection =
        connect(cache, &Cache::EtagCache::statisticsChanged, this, &CacheIndicator::setStatistics);
    setStatistics(cache->statistics());
}

} // namespace Hubshelf::Ui

#pragma once

#include "cache/etagcache.h"

#include <QLabel>
#include <QMetaObject>

namespace Hubshelf::Ui {

// The status bar's cache figures for this session: hits (of which revalidated), misses and the
// calls the cache saved; the tooltip breaks them down and adds the bytes saved.
class CacheIndicator final : public QLabel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(CacheIndicator)

public:
    explicit CacheIndicator(QWidget *parent = nullptr);
    ~CacheIndicator() override;

    void setStatistics(const Cache::CacheStatistics &statistics);
    Cache::CacheStatistics statistics() const;

    // Follows `cache` live, showing its current statistics at once; replaces an earlier cache.
    void track(Cache::EtagCache *cache);

private:
    Cache::CacheStatistics m_statistics;
    QMetaObject::Connection m_cacheConnection;
};

} // namespace Hubshelf::Ui

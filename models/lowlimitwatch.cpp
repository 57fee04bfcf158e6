#include "models/lowlimitwatch.h"

#include <QLocale>

using namespace Qt::StringLiterals;

namespace Hubshelf::Models {

LowLimitWatch::LowLimitWatch(GitHub::RateLimitTracker *tracker, QObject *parent)
    : QObject(parent)
    , m_tracker(tracker)
{
    Q_ASSERT(tracker);
    connect(tracker, &GitHub::RateLimitTracker::changed, this, &LowLimitWatch::check);
}

QString LowLimitWatch::sentence(const GitHub::RateLimit &limit)
{
    const QLocale locale;
    return tr("%1: %2 of %3 requests left; it resets at %4.")
        .arg(limit.resource, locale.toString(limit.remaining), locale.toString(limit.limit),
             locale.toString(limit.reset.toLocalTime().time(), QLocale::ShortFormat));
}

void LowLimitWatch::check(const GitHub::RateLimit &limit)
{
    if (!m_tracker || !limit.isLow() || !limit.isCurrent(m_tracker->now())) {
        return;
    }
    const QString window = limit.resource + u'@' + QString::number(limit.reset.toSecsSinceEpoch());
    if (m_told.contains(window)) {
        return;
    }
    m_told.insert(window);
    Q_EMIT fellLow(limit);
}

} // namespace Hubshelf::Models

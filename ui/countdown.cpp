#include "ui/countdown.h"

using namespace Qt::StringLiterals;

namespace Hubshelf::Ui {

qint64 secondsUntil(const QDateTime &now, const QDateTime &then)
{
    const qint64 ms = now.msecsTo(then);
    return ms <= 0 ? 0 : (ms + 999) / 1000;
}

QString formatCountdown(qint64 seconds)
{
    const qint64 hours = seconds / 3600;
    const qint64 minutes = (seconds % 3600) / 60;
    const qint64 secs = seconds % 60;
    const QChar zero = u'0';
    if (hours > 0) {
        return u"%1:%2:%3"_s.arg(hours).arg(minutes, 2, 10, zero).arg(secs, 2, 10, zero);
    }
    return u"%1:%2"_s.arg(minutes).arg(secs, 2, 10, zero);
}

} // namespace Hubshelf::Ui

#pragma once

#include <QDateTime>
#include <QString>

namespace Hubshelf::Ui {

// Whole seconds left, rounded up so that a countdown never shows 0:00 while still waiting.
qint64 secondsUntil(const QDateTime &now, const QDateTime &then);

// "4:59", or "1:02:03" from an hour on.
QString formatCountdown(qint64 seconds);

} // namespace Hubshelf::Ui

#pragma once

#include "core/clock.h"
#include "github/ratelimittracker.h"

#include <QDateTime>
#include <QLabel>
#include <QMetaObject>
#include <QString>
#include <QTimer>

class QKeyEvent;
class QMouseEvent;
class QPaintEvent;

namespace Hubshelf::Ui {

// The status bar's rate limit of one resource: used/limit and the local reset time, a warning
// colour under 10% left, and a live countdown while the limit is spent or GitHub's secondary limit
// pauses requests. Clickable and keyboard-reachable, to open the rate-limit dialog.
class RateLimitIndicator final : public QLabel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(RateLimitIndicator)
    Q_PROPERTY(bool warning READ isWarning NOTIFY stateChanged)
    Q_PROPERTY(bool spent READ isSpent NOTIFY stateChanged)

public:
    explicit RateLimitIndicator(QWidget *parent = nullptr);
    ~RateLimitIndicator() override;

    // Shows `limit` whatever its resource; track() filters by resource itself.
    void setRateLimit(const GitHub::RateLimit &limit);
    GitHub::RateLimit rateLimit() const;

    // Follows `tracker` for `resource`, showing what it already knows at once. A later call replaces
    // the earlier one (e.g. when the active resource changes from "core" to "search").
    void track(GitHub::RateLimitTracker *tracker, const QString &resource = QStringLiteral("core"));
    QString resource() const;

    // For GitHub's secondary limit (Client::pausedForSecondaryLimit): counts down from now.
    void showSecondaryLimitPause(int seconds);

    // The system clock (UTC) unless a test injects its own.
    void setClock(Core::Clock clock);

    bool isWarning() const;
    bool isSpent() const;
    bool isPaused() const;
    bool isCountingDown() const;

    // Recomputes text and colour against the clock; the countdown timer calls it every second.
    void refresh();

Q_SIGNALS:
    void clicked();
    void stateChanged();

protected:
    void changeEvent(QEvent *event) override;
    void keyPressEvent(QKeyEvent *event) override;
    void mousePressEvent(QMouseEvent *event) override;
    void mouseReleaseEvent(QMouseEvent *event) override;
    void paintEvent(QPaintEvent *event) override;

private:
    enum class Severity { Normal, Warning, Critical };

    QString toolTipText() const;
    void applySeverity(Severity severity);

    GitHub::RateLimit m_limit;
    QString m_resource = QStringLiteral("core");
    QDateTime m_pausedUntil; // UTC; invalid when not paused
    Core::Clock m_clock = Core::systemClock();
    QTimer m_countdown;
    QMetaObject::Connection m_trackerConnection;
    Severity m_severity = Severity::Normal;
    bool m_spent = false;
    bool m_pressed = false;
    bool m_applyingPalette = false;
};

} // namespace Hubshelf::Ui

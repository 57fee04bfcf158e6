#include "ui/ratelimitindicator.h"

#include "ui/countdown.h"

#include <QColor>
#include <QEvent>
#include <QFont>
#include <QKeyEvent>
#include <QLocale>
#include <QMouseEvent>
#include <QPalette>
#include <QStyleOptionFocusRect>
#include <QStylePainter>

#include <utility>

using namespace Qt::StringLiterals;

namespace Hubshelf::Ui {

RateLimitIndicator::RateLimitIndicator(QWidget *parent)
    : QLabel(parent)
{
    setObjectName(u"rateLimitIndicator"_s);
    setContentsMargins(8, 0, 8, 0);
    setFocusPolicy(Qt::StrongFocus);
    setCursor(Qt::PointingHandCursor);
    m_countdown.setInterval(1000);
    connect(&m_countdown, &QTimer::timeout, this, &RateLimitIndicator::refresh);
    refresh();
}

RateLimitIndicator::~RateLimitIndicator() = default;

void RateLimitIndicator::setRateLimit(const GitHub::RateLimit &limit)
{
    m_limit = limit;
    if (!limit.resource.isEmpty()) {
        m_resource = limit.resource;
    }
    refresh();
}

GitHub::RateLimit RateLimitIndicator::rateLimit() const
{
    return m_limit;
}

void RateLimitIndicator::track(GitHub::RateLimitTracker *tracker, const QString &resource)
{
    disconnect(m_trackerConnection);
    m_resource = resource;
    if (!tracker) {
        setRateLimit(GitHub::RateLimit{});
        return;
    }
    m_trackerConnection =
        connect(tracker, &GitHub::RateLimitTracker::changed, this, [this](const GitHub::RateLimit &limit) {
            if (limit.resource == m_resource) {
                setRateLimit(limit);
            }
        });
    setRateLimit(tracker->limit(resource));
}

QString RateLimitIndicator::resource() const
{
    return m_resource;
}

void RateLimitIndicator::showSecondaryLimitPause(int seconds)
{
    m_pausedUntil = seconds > 0 ? m_clock().addSecs(seconds) : QDateTime();
    refresh();
}

void RateLimitIndicator::setClock(Core::Clock clock)
{
    m_clock = Core::orSystem(std::move(clock));
    refresh();
}

bool RateLimitIndicator::isWarning() const
{
    return m_severity != Severity::Normal;
}

bool RateLimitIndicator::isSpent() const
{
    return m_spent;
}

bool RateLimitIndicator::isPaused() const
{
    return m_pausedUntil.isValid();
}

bool RateLimitIndicator::isCountingDown() const
{
    return m_countdown.isActive();
}

void RateLimitIndicator::refresh()
{
    const QDateTime now = m_clock();
    const QLocale locale = this->locale();
    if (m_pausedUntil.isValid() && m_pausedUntil <= now) {
        m_pausedUntil = QDateTime();
    }
    const bool wasSpent = m_spent;
    m_spent = m_limit.isKnown() && m_limit.isSpent(now);

    QString text;
    Severity severity = Severity::Normal;
    if (m_pausedUntil.isValid()) {
        text = tr("Secondary limit · resumes in %1").arg(formatCountdown(secondsUntil(now, m_pausedUntil)));
        severity = Severity::Critical;
    } else if (!m_limit.isKnown()) {
        text = tr("Rate limit: not known yet");
    } else if (m_spent) {
        text = tr("%1 spent · resets in %2")
                   .arg(m_limit.resource, formatCountdown(secondsUntil(now, m_limit.reset)));
        severity = Severity::Critical;
    } else if (m_limit.reset.isValid() && m_limit.reset <= now) {
        // GitHub refills the whole limit at the reset; the figures we hold are from before it.
        text =
            tr("%1 refilled at %2").arg(m_limit.resource, m_limit.reset.toLocalTime().toString(u"HH:mm"_s));
    } else {
        const int used = m_limit.used >= 0
                             ? m_limit.used
                             : (m_limit.remaining >= 0 ? m_limit.limit - m_limit.remaining : -1);
        const QString usedText = used >= 0 ? locale.toString(used) : u"?"_s;
        text = tr("%1 %2/%3").arg(m_limit.resource, usedText, locale.toString(m_limit.limit));
        if (m_limit.reset.isValid()) {
            text = tr("%1 · resets %2").arg(text, m_limit.reset.toLocalTime().toString(u"HH:mm"_s));
        }
        // Integers, so that exactly 10% (6 of 60) is not yet a warning.
        if (m_limit.isLow()) {
            severity = Severity::Warning;
        }
    }

    if (m_spent || m_pausedUntil.isValid()) {
        if (!m_countdown.isActive()) {
            m_countdown.start();
        }
    } else {
        m_countdown.stop();
    }

    const bool severityChanged = severity != m_severity;
    setText(text);
    setToolTip(toolTipText());
    setAccessibleName(m_limit.isKnown() || m_pausedUntil.isValid() ? tr("Rate limit: %1").arg(text) : text);
    setAccessibleDescription(toolTip());
    if (severityChanged) {
        applySeverity(severity);
    }
    if (severityChanged || wasSpent != m_spent) {
        Q_EMIT stateChanged();
    }
}

QString RateLimitIndicator::toolTipText() const
{
    QString tip;
    if (m_limit.isKnown()) {
        const QLocale locale = this->locale();
        tip = tr("GitHub's rate limit for the “%1” resource: %2 of %3 requests left this hour.")
                  .arg(m_limit.resource, m_limit.remaining >= 0 ? locale.toString(m_limit.remaining) : u"?"_s,
                       locale.toString(m_limit.limit));
        if (m_limit.reset.isValid()) {
            tip += u'\n' + tr("The limit is refilled at %1 (local time).")
                               .arg(m_limit.reset.toLocalTime().toString(u"HH:mm:ss"_s));
        }
    } else {
        tip = tr("GitHub's rate limit, read from every response.");
    }
    if (m_pausedUntil.isValid()) {
        tip += u'\n' + tr("GitHub asked to slow down (secondary limit): requests wait until the pause ends.");
    }
    tip += u'\n' + tr("Without a token GitHub allows 60 requests an hour; with a token, 5,000.");
    tip += u'\n' + tr("Answers revalidated from the cache (304) do not count with a token.");
    tip += u'\n' + tr("Click or press Enter to see every resource.");
    return tip;
}

void RateLimitIndicator::applySeverity(Severity severity)
{
    m_severity = severity;

    QFont boldness = font();
    boldness.setBold(severity != Severity::Normal);
    setFont(boldness);

    m_applyingPalette = true;
    if (severity == Severity::Normal) {
        // An empty palette inherits every role again, so a theme change reaches the label.
        setPalette(QPalette());
    } else {
        // Fixed hues picked for contrast against light and dark window backgrounds alike; the
        // palette has no "warning" role to borrow.
        const bool dark = palette().color(backgroundRole()).lightnessF() < 0.5;
        QColor colour;
        if (severity == Severity::Warning) {
            colour = dark ? QColor(0xd2, 0x99, 0x22) : QColor(0x7d, 0x4e, 0x00);
        } else {
            colour = dark ? QColor(0xff, 0x7b, 0x72) : QColor(0xb3, 0x1d, 0x28);
        }
        QPalette warning;
        warning.setColor(QPalette::WindowText, colour);
        setPalette(warning);
    }
    m_applyingPalette = false;
}

void RateLimitIndicator::changeEvent(QEvent *event)
{
    QLabel::changeEvent(event);
    // The parent's palette changed (light/dark switch): the warning hue depends on it.
    if (event->type() == QEvent::PaletteChange && !m_applyingPalette && m_severity != Severity::Normal) {
        applySeverity(m_severity);
    }
}

void RateLimitIndicator::keyPressEvent(QKeyEvent *event)
{
    switch (event->key()) {
    case Qt::Key_Return:
    case Qt::Key_Enter:
    case Qt::Key_Space:
        if (!event->isAutoRepeat()) {
            Q_EMIT clicked();
        }
        event->accept();
        return;
    default:
        QLabel::keyPressEvent(event);
    }
}

void RateLimitIndicator::mousePressEvent(QMouseEvent *event)
{
    if (event->button() == Qt::LeftButton) {
        m_pressed = true;
        event->accept();
        return;
    }
    QLabel::mousePressEvent(event);
}

void RateLimitIndicator::mouseReleaseEvent(QMouseEvent *event)
{
    if (event->button() == Qt::LeftButton) {
        // As a button does: releasing outside the label cancels the click.
        const bool inside = rect().contains(event->position().toPoint());
        const bool wasPressed = std::exchange(m_pressed, false);
        event->accept();
        if (wasPressed && inside) {
            Q_EMIT clicked();
        }
        return;
    }
    QLabel::mouseReleaseEvent(event);
}

void RateLimitIndicator::paintEvent(QPaintEvent *event)
{
    QLabel::paintEvent(event);
    // QLabel draws no focus indicator; keyboard users need to see where Tab landed.
    if (hasFocus()) {
        QStylePainter painter(this);
        QStyleOptionFocusRect option;
        option.initFrom(this);
        option.backgroundColor = palette().color(backgroundRole());
        painter.drawPrimitive(QStyle::PE_FrameFocusRect, option);
    }
}

} // namespace Hubshelf::Ui

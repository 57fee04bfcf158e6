#pragma once

#include "ratelimits/ledger.h"

#include <QChartView>
#include <QDateTime>
#include <QList>
#include <QPointF>
#include <QString>

class QDateTimeAxis;
class QLineSeries;
class QScatterSeries;
class QValueAxis;

namespace Hubshelf::Ui {

// One resource's remaining requests over time, drawn as steps so that a reset shows as a jump:
// over the window under way or the last day, with this process's own samples marked.
class RateLimitChart final : public QChartView
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(RateLimitChart)

public:
    enum class Span { Window, Day };

    explicit RateLimitChart(QWidget *parent = nullptr);

    // `samples` oldest first, of one resource; those of `session` are marked.
    void setSamples(const QString &resource, const QList<RateLimits::Sample> &samples, const QString &session,
                    Span span, const QDateTime &now);

    // x: milliseconds since the epoch, y: remaining. The steps' corners, and this session's samples.
    QList<QPointF> remainingPoints() const;
    QList<QPointF> sessionPoints() const;

protected:
    void changeEvent(QEvent *event) override;

private:
    void applyTheme();

    QChart *m_chart = nullptr;
    QLineSeries *m_remaining = nullptr;
    QScatterSeries *m_session = nullptr;
    QDateTimeAxis *m_timeAxis = nullptr;
    QValueAxis *m_countAxis = nullptr;
    bool m_applyingTheme = false;
};

} // namespace Hubshelf::Ui

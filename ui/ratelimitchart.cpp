#include "ui/ratelimitchart.h"

#include "widgets/colours.h"

#include <QChart>
#include <QDateTimeAxis>
#include <QEvent>
#include <QLineSeries>
#include <QPainter>
#include <QPen>
#include <QScatterSeries>
#include <QValueAxis>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace Hubshelf::Ui {

RateLimitChart::RateLimitChart(QWidget *parent)
    : QChartView(parent)
{
    setObjectName(u"rateLimitChart"_s);
    setRenderHint(QPainter::Antialiasing);
    setMinimumHeight(180);

    m_remaining = new QLineSeries(this);
    m_remaining->setObjectName(u"remainingSeries"_s);
    m_remaining->setName(tr("Remaining"));
    m_session = new QScatterSeries(this);
    m_session->setObjectName(u"sessionSeries"_s);
    m_session->setName(tr("Seen by this window"));
    m_session->setMarkerSize(9);

    m_chart = new QChart;
    m_chart->addSeries(m_remaining);
    m_chart->addSeries(m_session);
    m_chart->legend()->setAlignment(Qt::AlignBottom);
    m_chart->setBackgroundRoundness(0);

    m_timeAxis = new QDateTimeAxis(m_chart);
    m_timeAxis->setTickCount(7);
    m_timeAxis->setFormat(u"HH:mm"_s);
    m_chart->addAxis(m_timeAxis, Qt::AlignBottom);
    m_countAxis = new QValueAxis(m_chart);
    m_countAxis->setLabelFormat(u"%d"_s);
    m_countAxis->setTitleText(tr("Remaining"));
    m_countAxis->setRange(0, 1);
    m_chart->addAxis(m_countAxis, Qt::AlignLeft);
    for (QAbstractSeries *series :
         {static_cast<QAbstractSeries *>(m_remaining), static_cast<QAbstractSeries *>(m_session)}) {
        series->attachAxis(m_timeAxis);
        series->attachAxis(m_countAxis);
    }
    setChart(m_chart); // takes ownership
    applyTheme();
}

void RateLimitChart::setSamples(const QString &resource, const QList<RateLimits::Sample> &samples,
                                const QString &session, Span span, const QDateTime &now)
{
    QList<RateLimits::Sample> shown;
    QDateTime from;
    QDateTime to;
    if (span == Span::Window) {
        const QDateTime reset = samples.isEmpty() ? QDateTime() : samples.constLast().reset;
        for (const RateLimits::Sample &sample : samples) {
            if (sample.reset == reset) {
                shown.append(sample);
            }
        }
        to = reset.isValid() ? std::max(reset, now) : now;
        from = reset.isValid() ? reset.addSecs(-3600) : now.addSecs(-3600);
        m_chart->setTitle(tr("%1: requests remaining in the window under way").arg(resource));
    } else {
        shown = samples;
        from = now.addSecs(-24 * 3600);
        to = now;
        m_chart->setTitle(tr("%1: requests remaining over the last 24 hours").arg(resource));
    }

    QList<QPointF> steps;
    QList<QPointF> mine;
    int limit = 1;
    steps.reserve(shown.size() * 2);
    for (qsizetype i = 0; i < shown.size(); ++i) {
        const RateLimits::Sample &sample = shown.at(i);
        const qreal x = qreal(sample.at.toMSecsSinceEpoch());
        if (i > 0) { // the count held until this sample: a step, and a reset a jump up
            steps.append(QPointF(x, qreal(shown.at(i - 1).remaining)));
        }
        steps.append(QPointF(x, qreal(sample.remaining)));
        if (sample.session == session) {
            mine.append(QPointF(x, qreal(sample.remaining)));
        }
        limit = std::max(limit, sample.limit);
    }
    if (!shown.isEmpty() && shown.constLast().at < to && span == Span::Day) {
        steps.append(QPointF(qreal(to.toMSecsSinceEpoch()), qreal(shown.constLast().remaining)));
    }
    m_remaining->replace(steps);
    m_session->replace(mine);
    m_timeAxis->setRange(from.toLocalTime(), to.toLocalTime());
    m_countAxis->setRange(0, limit);
    setAccessibleName(m_chart->title());
}

QList<QPointF> RateLimitChart::remainingPoints() const
{
    return m_remaining->points();
}

QList<QPointF> RateLimitChart::sessionPoints() const
{
    return m_session->points();
}

void RateLimitChart::changeEvent(QEvent *event)
{
    QChartView::changeEvent(event);
    if (m_chart && (event->type() == QEvent::PaletteChange || event->type() == QEvent::StyleChange)) {
        applyTheme();
    }
}

void RateLimitChart::applyTheme()
{
    if (m_applyingTheme) {
        return;
    }
    m_applyingTheme = true;
    const bool dark = Widgets::isDark(palette());
    const QChart::ChartTheme theme = dark ? QChart::ChartThemeDark : QChart::ChartThemeLight;
    if (m_chart->theme() != theme) {
        m_chart->setTheme(theme);
    }
    // The theme resets the series' look: the line in the text colour, this window's marks in the accent.
    m_chart->setBackgroundBrush(palette().color(QPalette::Base));
    m_chart->setTitleBrush(palette().color(QPalette::Text));
    QPen line(palette().color(QPalette::Text));
    line.setWidthF(1.5);
    m_remaining->setPen(line);
    m_session->setColor(palette().color(QPalette::Highlight));
    m_session->setBorderColor(palette().color(QPalette::Highlight));
    m_applyingTheme = false;
}

} // namespace Hubshelf::Ui

#include "ui/ratelimitdialog.h"

#include "github/client.h"
#include "github/error.h"
#include "github/request.h"
#include "models/ratelimithistory.h"
#include "ui/countdown.h"
#include "widgets/colours.h"

#include <QChart>
#include <QChartView>
#include <QColor>
#include <QDateTimeAxis>
#include <QDialogButtonBox>
#include <QEvent>
#include <QFont>
#include <QHeaderView>
#include <QLabel>
#include <QLineSeries>
#include <QLocale>
#include <QPainter>
#include <QPalette>
#include <QProgressBar>
#include <QPushButton>
#include <QSplitter>
#include <QTableWidget>
#include <QTimer>
#include <QVBoxLayout>
#include <QValueAxis>

#include <algorithm>
#include <utility>

using namespace Qt::StringLiterals;

namespace Hubshelf::Ui {

namespace {

const QString CoreResource = u"core"_s;

int usedOf(const GitHub::RateLimit &limit)
{
    if (limit.used >= 0) {
        return limit.used;
    }
    return limit.remaining >= 0 ? std::max(0, limit.limit - limit.remaining) : 0;
}

// "core" first, then by name: the resource everybody spends is always on top.
bool resourceLess(const GitHub::RateLimit &a, const GitHub::RateLimit &b)
{
    if ((a.resource == CoreResource) != (b.resource == CoreResource)) {
        return a.resource == CoreResource;
    }
    return a.resource < b.resource;
}

} // namespace

RateLimitDialog::RateLimitDialog(GitHub::Client *client, Models::RateLimitHistory *history, QWidget *parent)
    : QDialog(parent)
    , m_client(client)
    , m_history(history)
{
    Q_ASSERT(client);
    setObjectName(u"rateLimitDialog"_s);
    setWindowTitle(tr("Rate limit"));
    setModal(false);
    setSizeGripEnabled(true);
    resize(900, 600);

    m_table = new QTableWidget(0, ColumnCount, this);
    m_table->setObjectName(u"rateLimitTable"_s);
    m_table->setAccessibleName(tr("Rate limits per resource"));
    m_table->setHorizontalHeaderLabels({tr("Resource"), tr("Usage"), tr("Remaining"), tr("Reset")});
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->setAlternatingRowColors(true);
    m_table->verticalHeader()->hide();
    m_table->horizontalHeader()->setSectionResizeMode(ResourceColumn, QHeaderView::ResizeToContents);
    m_table->horizontalHeader()->setSectionResizeMode(UsageColumn, QHeaderView::Stretch);
    m_table->horizontalHeader()->setSectionResizeMode(RemainingColumn, QHeaderView::ResizeToContents);
    m_table->horizontalHeader()->setSectionResizeMode(ResetColumn, QHeaderView::ResizeToContents);

    m_series = new QLineSeries(this);
    m_series->setObjectName(u"coreRemainingSeries"_s);
    m_series->setName(tr("core: remaining"));
    m_series->setPointsVisible(true);

    m_chart = new QChart;
    m_chart->setTitle(tr("Core requests remaining this session"));
    m_chart->legend()->hide();
    m_chart->addSeries(m_series);

    m_timeAxis = new QDateTimeAxis(m_chart);
    m_timeAxis->setFormat(u"HH:mm:ss"_s);
    m_timeAxis->setTitleText(tr("Time"));
    m_timeAxis->setTickCount(6);
    m_chart->addAxis(m_timeAxis, Qt::AlignBottom);
    m_series->attachAxis(m_timeAxis);

    m_remainingAxis = new QValueAxis(m_chart);
    m_remainingAxis->setLabelFormat(u"%d"_s);
    m_remainingAxis->setTitleText(tr("Remaining"));
    m_remainingAxis->setRange(0, 1);
    m_chart->addAxis(m_remainingAxis, Qt::AlignLeft);
    m_series->attachAxis(m_remainingAxis);

    m_chartView = new QChartView(m_chart, this); // takes ownership of the chart
    m_chartView->setObjectName(u"rateLimitChart"_s);
    m_chartView->setAccessibleName(tr("Chart of core requests remaining"));
    m_chartView->setRenderHint(QPainter::Antialiasing);
    m_chartView->setMinimumHeight(180);

    m_splitter = new QSplitter(Qt::Vertical, this);
    m_splitter->setChildrenCollapsible(false);
    m_splitter->addWidget(m_table);
    m_splitter->addWidget(m_chartView);
    m_splitter->setStretchFactor(0, 0);
    m_splitter->setStretchFactor(1, 1);
    connect(m_splitter, &QSplitter::splitterMoved, this, [this] { m_splitterMoved = true; });

    m_errorLabel = new QLabel(this);
    m_errorLabel->setObjectName(u"rateLimitError"_s);
    m_errorLabel->setWordWrap(true);
    m_errorLabel->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_errorLabel->hide();

    m_updatedLabel = new QLabel(this);
    m_updatedLabel->setObjectName(u"rateLimitUpdated"_s);

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    m_refreshButton = buttons->addButton(tr("&Refresh"), QDialogButtonBox::ActionRole);
    m_refreshButton->setObjectName(u"rateLimitRefresh"_s);
    m_refreshButton->setToolTip(tr("Ask GitHub for every rate limit again (does not count against them)"));
    connect(m_refreshButton, &QPushButton::clicked, this, &RateLimitDialog::fetch);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto *bottom = new QHBoxLayout;
    bottom->addWidget(m_updatedLabel, 1);
    bottom->addWidget(buttons);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_splitter, 1);
    layout->addWidget(m_errorLabel);
    layout->addLayout(bottom);

    m_countdownTimer = new QTimer(this);
    m_countdownTimer->setObjectName(u"rateLimitCountdownTimer"_s);
    m_countdownTimer->setInterval(1000);
    connect(m_countdownTimer, &QTimer::timeout, this, &RateLimitDialog::updateCountdowns);

    GitHub::RateLimitTracker *tracker = m_client->rateLimits();
    connect(tracker, &GitHub::RateLimitTracker::changed, this, &RateLimitDialog::onLimitChanged);
    if (!m_history) {
        m_history = new Models::RateLimitHistory(tracker, CoreResource, this);
        m_history->setClock([this] { return m_clock(); });
    }
    for (const Models::RateLimitSample &sample : m_history->samples()) {
        m_series->append(qreal(sample.at.toMSecsSinceEpoch()), qreal(sample.remaining));
    }
    updateAxes();
    connect(m_history, &Models::RateLimitHistory::sampleAdded, this, &RateLimitDialog::addSample);
    rebuildRows();
    applyTheme();
}

RateLimitDialog::~RateLimitDialog()
{
    if (m_pending) {
        m_pending->abandon();
    }
}

void RateLimitDialog::setClock(Core::Clock clock)
{
    m_clock = Core::orSystem(std::move(clock));
    updateCountdowns();
}

QList<QPointF> RateLimitDialog::coreSamples() const
{
    return m_series->points();
}

bool RateLimitDialog::isFetching() const
{
    return !m_pending.isNull();
}

void RateLimitDialog::fetch()
{
    if (m_pending) {
        return;
    }
    m_refreshButton->setEnabled(false);
    m_updatedLabel->setText(tr("Checking…"));
    m_pending = m_client->fetchRateLimits();
    connect(m_pending, &GitHub::Request::succeeded, this, &RateLimitDialog::onFetchSucceeded);
    connect(m_pending, &GitHub::Request::failed, this, &RateLimitDialog::onFetchFailed);
    connect(m_pending, &GitHub::Request::finished, this, [this] {
        m_pending = nullptr;
        m_refreshButton->setEnabled(true);
    });
}

void RateLimitDialog::onFetchSucceeded()
{
    m_errorLabel->clear();
    m_errorLabel->hide();
    const QDateTime now = m_clock().toLocalTime();
    m_updatedLabel->setText(tr("Updated at %1").arg(QLocale().toString(now.time(), QLocale::ShortFormat)));
    rebuildRows();
}

void RateLimitDialog::onFetchFailed(const GitHub::Error &error)
{
    m_errorLabel->setText(tr("Could not read the rate limits: %1").arg(error.message()));
    m_errorLabel->show();
    m_updatedLabel->clear();
}

void RateLimitDialog::onLimitChanged(const GitHub::RateLimit &limit)
{
    for (int row = 0; row < m_table->rowCount(); ++row) {
        const QTableWidgetItem *item = m_table->item(row, ResourceColumn);
        if (item && item->text() == limit.resource) {
            setRow(row, limit);
            return;
        }
    }
    rebuildRows(); // a resource not seen before: keep the order
}

void RateLimitDialog::rebuildRows()
{
    QList<GitHub::RateLimit> limits = m_client->rateLimits()->all();
    std::sort(limits.begin(), limits.end(), resourceLess);
    const bool grew = limits.size() > m_table->rowCount();
    m_table->setRowCount(int(limits.size()));
    for (int row = 0; row < limits.size(); ++row) {
        setRow(row, limits.at(row));
    }
    if (grew) {
        fitTable();
    }
}

// The table gets just the height of its rows and the chart the rest, until the user moves the
// splitter.
void RateLimitDialog::fitTable()
{
    if (m_splitterMoved) {
        return;
    }
    m_table->resizeRowsToContents();
    int height = m_table->horizontalHeader()->height() + 2 * m_table->frameWidth();
    for (int row = 0; row < m_table->rowCount(); ++row) {
        height += m_table->rowHeight(row);
    }
    const int total = std::max(m_splitter->height(), height + 2 * m_chartView->minimumHeight());
    m_splitter->setSizes({height, total - height});
}

void RateLimitDialog::setRow(int row, const GitHub::RateLimit &limit)
{
    auto itemAt = [this, row](int column) {
        QTableWidgetItem *item = m_table->item(row, column);
        if (!item) {
            item = new QTableWidgetItem;
            m_table->setItem(row, column, item);
        }
        return item;
    };

    QTableWidgetItem *name = itemAt(ResourceColumn);
    name->setText(limit.resource);

    auto *bar = qobject_cast<QProgressBar *>(m_table->cellWidget(row, UsageColumn));
    if (!bar) {
        bar = new QProgressBar;
        m_table->setCellWidget(row, UsageColumn, bar);
    }
    bar->setObjectName(u"usage_"_s + limit.resource);
    bar->setAccessibleName(tr("%1 usage").arg(limit.resource));
    if (limit.limit > 0) {
        bar->setRange(0, limit.limit);
        bar->setValue(std::clamp(usedOf(limit), 0, limit.limit));
        bar->setFormat(tr("%v of %m used"));
    } else {
        bar->setRange(0, 1); // 0..0 would be a busy indicator
        bar->setValue(0);
        bar->setFormat(tr("no limit"));
    }

    QTableWidgetItem *remaining = itemAt(RemainingColumn);
    remaining->setText(limit.remaining >= 0 ? QLocale().toString(limit.remaining) : tr("unknown"));
    remaining->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
    const bool low = limit.isLow();
    QFont font = m_table->font();
    font.setBold(low);
    remaining->setFont(font);
    if (low) {
        remaining->setForeground(isDark() ? QColor(0xff, 0x7b, 0x72) : QColor(0xcf, 0x22, 0x2e));
    } else {
        remaining->setData(Qt::ForegroundRole, QVariant());
    }

    QTableWidgetItem *reset = itemAt(ResetColumn);
    reset->setData(Qt::UserRole, limit.reset);
    reset->setToolTip(
        limit.reset.isValid()
            ? tr("Resets at %1").arg(QLocale().toString(limit.reset.toLocalTime(), QLocale::ShortFormat))
            : QString());
    updateCountdowns();
}

void RateLimitDialog::updateCountdowns()
{
    const QDateTime now = m_clock();
    for (int row = 0; row < m_table->rowCount(); ++row) {
        QTableWidgetItem *item = m_table->item(row, ResetColumn);
        if (!item) {
            continue;
        }
        const QDateTime reset = item->data(Qt::UserRole).toDateTime();
        QString text;
        if (!reset.isValid()) {
            text = tr("unknown");
        } else if (const qint64 seconds = secondsUntil(now, reset); seconds > 0) {
            text = tr("resets in %1").arg(formatCountdown(seconds));
        } else {
            text = tr("reset");
        }
        if (item->text() != text) {
            item->setText(text);
        }
    }
}

void RateLimitDialog::addSample(const Models::RateLimitSample &sample, int dropped)
{
    if (dropped > 0) {
        m_series->removePoints(0, std::min(dropped, int(m_series->count())));
    }
    m_series->append(qreal(sample.at.toMSecsSinceEpoch()), qreal(sample.remaining));
    updateAxes();
}

void RateLimitDialog::updateAxes()
{
    const int count = m_series->count();
    QDateTime first;
    QDateTime last;
    if (count > 0) {
        first = QDateTime::fromMSecsSinceEpoch(qint64(m_series->at(0).x()));
        last = QDateTime::fromMSecsSinceEpoch(qint64(m_series->at(count - 1).x()));
    } else {
        last = m_clock().toLocalTime();
        first = last;
    }
    if (first.msecsTo(last) < 60'000) { // at least a minute, centred on what there is
        const QDateTime middle = first.addMSecs(first.msecsTo(last) / 2);
        first = middle.addSecs(-30);
        last = middle.addSecs(30);
    }
    m_timeAxis->setRange(first, last);
    m_remainingAxis->setRange(0, std::max(1, m_history->limit()));
}

bool RateLimitDialog::isDark() const
{
    return Widgets::isDark(palette());
}

void RateLimitDialog::applyTheme()
{
    if (m_applyingTheme) {
        return;
    }
    m_applyingTheme = true;
    const QChart::ChartTheme theme = isDark() ? QChart::ChartThemeDark : QChart::ChartThemeLight;
    if (m_chart->theme() != theme) {
        m_chart->setTheme(theme);
    }
    // The theme resets fonts and the series' look; keep the points readable either way.
    m_series->setPointsVisible(true);
    m_chart->setBackgroundBrush(palette().color(QPalette::Base));
    m_chart->setBackgroundRoundness(0);
    m_chart->setTitleBrush(palette().color(QPalette::Text));
    m_errorLabel->setStyleSheet(isDark() ? u"color: #ff7b72;"_s : u"color: #cf222e;"_s);
    m_applyingTheme = false;
}

void RateLimitDialog::changeEvent(QEvent *event)
{
    QDialog::changeEvent(event);
    if (m_chart && (event->type() == QEvent::PaletteChange || event->type() == QEvent::StyleChange)) {
        applyTheme();
        rebuildRows(); // the warning colour of low remaining counts
    }
}

void RateLimitDialog::showEvent(QShowEvent *event)
{
    QDialog::showEvent(event);
    updateCountdowns();
    m_countdownTimer->start();
    fetch();
}

void RateLimitDialog::hideEvent(QHideEvent *event)
{
    QDialog::hideEvent(event);
    m_countdownTimer->stop();
}

} // namespace Hubshelf::Ui

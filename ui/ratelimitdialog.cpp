#include "ui/ratelimitdialog.h"

#include "github/client.h"
#include "github/error.h"
#include "github/request.h"
#include "models/ratelimithistory.h"
#include "ui/countdown.h"
#include "ui/ratelimitchart.h"
#include "ui/spendpanel.h"
#include "widgets/colours.h"

#include <QColor>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QEvent>
#include <QFont>
#include <QFormLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QPainter>
#include <QPalette>
#include <QProgressBar>
#include <QPushButton>
#include <QSplitter>
#include <QTableWidget>
#include <QTimer>
#include <QVBoxLayout>

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

    m_resourceBox = new QComboBox(this);
    m_resourceBox->setObjectName(u"rateLimitResource"_s);
    m_resourceBox->setAccessibleName(tr("Resource shown"));
    m_resourceBox->addItem(CoreResource);
    m_spanBox = new QComboBox(this);
    m_spanBox->setObjectName(u"rateLimitSpan"_s);
    m_spanBox->setAccessibleName(tr("Time shown"));
    m_spanBox->addItem(tr("Window under way"), int(RateLimitChart::Span::Window));
    m_spanBox->addItem(tr("Last 24 hours"), int(RateLimitChart::Span::Day));
    m_spanBox->setCurrentIndex(1);
    connect(m_resourceBox, &QComboBox::currentTextChanged, this, [this] { showHistory(); });
    connect(m_spanBox, &QComboBox::currentIndexChanged, this, [this] { showHistory(); });
    auto *choices = new QHBoxLayout;
    auto *resourceLabel = new QLabel(tr("Re&source:"), this);
    resourceLabel->setBuddy(m_resourceBox);
    auto *spanLabel = new QLabel(tr("S&how:"), this);
    spanLabel->setBuddy(m_spanBox);
    choices->addWidget(resourceLabel);
    choices->addWidget(m_resourceBox);
    choices->addSpacing(12);
    choices->addWidget(spanLabel);
    choices->addWidget(m_spanBox);
    choices->addStretch(1);

    m_chart = new RateLimitChart(this);
    auto *historyPane = new QWidget(this);
    auto *historyLayout = new QVBoxLayout(historyPane);
    historyLayout->setContentsMargins(0, 0, 0, 0);
    historyLayout->addLayout(choices);
    historyLayout->addWidget(m_chart, 1);

    m_spend = new SpendPanel(this);

    m_splitter = new QSplitter(Qt::Vertical, this);
    m_splitter->setChildrenCollapsible(false);
    m_splitter->addWidget(m_table);
    m_splitter->addWidget(historyPane);
    m_splitter->addWidget(m_spend);
    m_splitter->setStretchFactor(0, 0);
    m_splitter->setStretchFactor(1, 2);
    m_splitter->setStretchFactor(2, 1);
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

    m_historyTimer = new QTimer(this);
    m_historyTimer->setObjectName(u"rateLimitHistoryTimer"_s);
    m_historyTimer->setInterval(15 * 1000);

    GitHub::RateLimitTracker *tracker = m_client->rateLimits();
    connect(tracker, &GitHub::RateLimitTracker::changed, this, &RateLimitDialog::onLimitChanged);
    if (!m_history) { // its own, a child: its clock may follow the dialog's
        m_history = new Models::RateLimitHistory(nullptr, m_client, this);
        m_history->setClock([this] { return m_clock(); });
    }
    connect(m_history, &Models::RateLimitHistory::changed, this, &RateLimitDialog::showHistory);
    connect(m_historyTimer, &QTimer::timeout, m_history, &Models::RateLimitHistory::reload);
    rebuildRows();
    showHistory();
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

void RateLimitDialog::showResource(const QString &resource)
{
    if (m_resourceBox->findText(resource) < 0) {
        m_resourceBox->addItem(resource);
    }
    m_resourceBox->setCurrentText(resource);
}

QString RateLimitDialog::shownResource() const
{
    return m_resourceBox->currentText();
}

// The chart and the spend of the chosen resource, and the resources to choose from.
void RateLimitDialog::showHistory()
{
    const QString shown =
        m_resourceBox->currentText().isEmpty() ? CoreResource : m_resourceBox->currentText();
    {
        const QSignalBlocker blocker(m_resourceBox);
        for (const QString &resource : m_history->resources()) {
            if (m_resourceBox->findText(resource) < 0) {
                m_resourceBox->addItem(resource);
            }
        }
        m_resourceBox->setCurrentText(shown);
    }
    const auto span = RateLimitChart::Span(m_spanBox->currentData().toInt());
    m_chart->setSamples(shown, m_history->samples(shown), m_history->session(), span, m_clock());
    m_spend->setWindow(m_history->window(shown), m_history->projection(shown), m_history->isPersistent());
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
    std::sort(limits.begin(), limits.end(), [](const GitHub::RateLimit &a, const GitHub::RateLimit &b) {
        return GitHub::resourceListedBefore(a.resource, b.resource);
    });
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
    const int total = std::max(m_splitter->height(), height + 3 * m_chart->minimumHeight());
    const int rest = total - height;
    m_splitter->setSizes({height, rest * 2 / 3, rest - rest * 2 / 3});
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
        remaining->setForeground(Widgets::dangerColour(palette()));
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

void RateLimitDialog::applyTheme()
{
    m_errorLabel->setStyleSheet(u"color: %1;"_s.arg(Widgets::dangerColour(palette()).name()));
}

void RateLimitDialog::changeEvent(QEvent *event)
{
    QDialog::changeEvent(event);
    if (m_errorLabel && (event->type() == QEvent::PaletteChange || event->type() == QEvent::StyleChange)) {
        applyTheme();
        rebuildRows(); // the warning colour of low remaining counts
    }
}

void RateLimitDialog::showEvent(QShowEvent *event)
{
    QDialog::showEvent(event);
    updateCountdowns();
    m_countdownTimer->start();
    m_history->setWatched(true);
    m_history->reload();
    m_historyTimer->start();
    fetch();
}

void RateLimitDialog::hideEvent(QHideEvent *event)
{
    QDialog::hideEvent(event);
    m_countdownTimer->stop();
    m_historyTimer->stop();
    m_history->setWatched(false);
}

} // namespace Hubshelf::Ui

#pragma once

#include "core/clock.h"
#include "github/ratelimittracker.h"

#include <QDateTime>
#include <QDialog>
#include <QList>
#include <QPointF>
#include <QPointer>
#include <QString>

class QChart;
class QChartView;
class QDateTimeAxis;
class QLabel;
class QLineSeries;
class QPushButton;
class QSplitter;
class QTableWidget;
class QTimer;
class QValueAxis;

namespace Hubshelf::GitHub {
class Client;
struct Error;
class Request;
} // namespace Hubshelf::GitHub

namespace Hubshelf::Models {
class RateLimitHistory;
struct RateLimitSample;
} // namespace Hubshelf::Models

namespace Hubshelf::Ui {

// Every resource of GET /rate_limit: a usage bar, what remains and a live reset countdown per
// resource, and a chart of the core limit's remaining calls over this session (a
// Models::RateLimitHistory kept since start-up). Non-modal; it fetches /rate_limit (free) whenever
// it is shown and on Refresh.
class RateLimitDialog final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(RateLimitDialog)

public:
    enum Column { ResourceColumn, UsageColumn, RemainingColumn, ResetColumn, ColumnCount };

    // Neither is owned; both must outlive the dialog. Without a history the dialog keeps its own,
    // from now on.
    explicit RateLimitDialog(GitHub::Client *client, Models::RateLimitHistory *history = nullptr,
                             QWidget *parent = nullptr);
    ~RateLimitDialog() override;

    // The system clock unless set (an empty one is the system's); tests inject their own. Used for
    // the countdowns (and for the time of each chart sample when the dialog keeps its own history).
    void setClock(Core::Clock clock);

    // GET /rate_limit, unless one is already under way.
    void fetch();
    bool isFetching() const;

    // Recomputes every "resets in" text against the clock; the timer calls it every second while
    // the dialog is visible.
    void updateCountdowns();

    // The chart's samples of core remaining: x in milliseconds since the epoch, y remaining.
    QList<QPointF> coreSamples() const;

protected:
    void changeEvent(QEvent *event) override;
    void hideEvent(QHideEvent *event) override;
    void showEvent(QShowEvent *event) override;

private:
    void onLimitChanged(const GitHub::RateLimit &limit);
    void onFetchFailed(const GitHub::Error &error);
    void onFetchSucceeded();
    void setRow(int row, const GitHub::RateLimit &limit);
    void rebuildRows();
    void addSample(const Models::RateLimitSample &sample, int dropped);
    void updateAxes();
    void applyTheme();
    void fitTable();
    bool isDark() const;

    GitHub::Client *m_client;
    Models::RateLimitHistory *m_history = nullptr;
    Core::Clock m_clock = Core::systemClock();
    QPointer<GitHub::Request> m_pending;
    QTableWidget *m_table = nullptr;
    QChart *m_chart = nullptr;
    QChartView *m_chartView = nullptr;
    QLineSeries *m_series = nullptr;
    QDateTimeAxis *m_timeAxis = nullptr;
    QValueAxis *m_remainingAxis = nullptr;
    QLabel *m_errorLabel = nullptr;
    QLabel *m_updatedLabel = nullptr;
    QPushButton *m_refreshButton = nullptr;
    QTimer *m_countdownTimer = nullptr;
    QSplitter *m_splitter = nullptr;
    bool m_applyingTheme = false;
    bool m_splitterMoved = false;
};

} // namespace Hubshelf::Ui

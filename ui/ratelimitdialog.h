#pragma once

#include "core/clock.h"
#include "github/ratelimittracker.h"

#include <QDateTime>
#include <QDialog>
#include <QList>
#include <QPointF>
#include <QPointer>
#include <QString>

class QComboBox;
class QLabel;
class QPushButton;
class QSplitter;
class QTableWidget;
class QTimer;

namespace Hubshelf::GitHub {
class Client;
struct Error;
class Request;
} // namespace Hubshelf::GitHub

namespace Hubshelf::Models {
class RateLimitHistory;
}

namespace Hubshelf::Ui {

class RateLimitChart;
class SpendPanel;

// The rate-limit inspector. Every resource of GET /rate_limit: a usage bar, what remains and a live
// reset countdown per resource; a chart of a resource's remaining requests over the window under way
// or the last day, with this window's own samples marked; and what each endpoint spent in the window,
// with the pace's projection. The history and the spend are every Hubshelf process's (the ledger's,
// through a Models::RateLimitHistory). Non-modal; it fetches /rate_limit (free) whenever it is shown
// and on Refresh.
class RateLimitDialog final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(RateLimitDialog)

public:
    enum Column { ResourceColumn, UsageColumn, RemainingColumn, ResetColumn, ColumnCount };

    // Neither is owned; both must outlive the dialog. Without a history the dialog keeps its own,
    // of this session from now on.
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

    RateLimitChart *chart() const { return m_chart; }
    SpendPanel *spendPanel() const { return m_spend; }
    // Shows another resource ("core", "search", …) in the chart and the spend table.
    void showResource(const QString &resource);
    QString shownResource() const;

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
    void showHistory();
    void applyTheme();
    void fitTable();

    GitHub::Client *m_client;
    Models::RateLimitHistory *m_history = nullptr;
    Core::Clock m_clock = Core::systemClock();
    QPointer<GitHub::Request> m_pending;
    QTableWidget *m_table = nullptr;
    QComboBox *m_resourceBox = nullptr;
    QComboBox *m_spanBox = nullptr;
    RateLimitChart *m_chart = nullptr;
    SpendPanel *m_spend = nullptr;
    // Other processes write to the ledger too: while the dialog is shown it reads it again now and then.
    QTimer *m_historyTimer = nullptr;
    QLabel *m_errorLabel = nullptr;
    QLabel *m_updatedLabel = nullptr;
    QPushButton *m_refreshButton = nullptr;
    QTimer *m_countdownTimer = nullptr;
    QSplitter *m_splitter = nullptr;
    bool m_splitterMoved = false;
};

} // namespace Hubshelf::Ui

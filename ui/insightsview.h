#pragma once

#include "github/error.h"
#include "github/request.h"

#include <QPointer>
#include <QWidget>

#include <memory>

class QChart;
class QChartView;
class QCheckBox;
class QLabel;
class QProgressBar;
class QPushButton;

namespace Hubshelf::GitHub {
class Client;
}
namespace Hubshelf::Insights {
class OwnerInsights;
struct OwnerInsightsResult;
} // namespace Hubshelf::Insights

namespace Hubshelf::Ui {

// The Insights place of a user or an organization: new contributors per month as bars with the
// running total as a line on a second axis (hover a month for its newcomers), languages by bytes
// as a donut in GitHub's colours, and the totals. A pass asks every repository's statistics
// (progress and Stop while GitHub computes them); a second look is answered by the cache.
class InsightsView final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(InsightsView)

public:
    explicit InsightsView(QWidget *parent = nullptr);
    ~InsightsView() override;

    // A pass over `owner`'s repositories; the one under way, if any, stops.
    void showOwner(GitHub::Client *client, const QString &owner, const GitHub::RequestOptions &options);
    void stop();
    bool isRunning() const;

    // The months on screen as `hubshelf insights contributors` writes them; empty before a result.
    QByteArray contributorsCsv() const;
    int monthCount() const;
    QString suggestedExportName() const; // e.g. "megacorp-contributors.csv"

    QChart *contributorsChart() const;
    QChart *languagesChart() const;

Q_SIGNALS:
    void failed(const Hubshelf::GitHub::Error &error);
    void finished();

protected:
    void changeEvent(QEvent *event) override;

private:
    void start();
    void showProgress(const QString &text, int done, int total);
    void showResult();
    void showContributors();
    void showLanguages();
    void applyTheme();
    bool isDark() const;

    QPointer<GitHub::Client> m_client;
    QString m_owner;
    GitHub::RequestOptions m_options;
    QPointer<Insights::OwnerInsights> m_insights;
    std::unique_ptr<Insights::OwnerInsightsResult> m_result; // the last finished pass
    QStringList m_warnings;

    QLabel *m_summary;
    QCheckBox *m_includeForks;
    QPushButton *m_stopButton;
    QProgressBar *m_progress;
    QLabel *m_status;
    QLabel *m_incomplete;
    QChartView *m_contributorsView;
    QChartView *m_languagesView;
    bool m_applyingTheme = false;
};

} // namespace Hubshelf::Ui

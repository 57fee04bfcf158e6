#pragma once

#include "ratelimits/ledger.h"
#include "ratelimits/projection.h"

#include <QWidget>

#include <optional>

class QLabel;
class QTableView;

namespace Hubshelf::Models {
class SpendModel;
}

namespace Hubshelf::Ui {

// "Spent this window": what GitHub counted and what each endpoint of each Hubshelf process spent,
// what the cache saved, and when the limit runs out at this pace if that is before it resets.
class SpendPanel final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SpendPanel)

public:
    explicit SpendPanel(QWidget *parent = nullptr);

    // `persistent`: whether a ledger keeps the spend at all (it lives in the cache database).
    void setWindow(const RateLimits::Window &window, const std::optional<RateLimits::Projection> &projection,
                   bool persistent);

    QString summaryText() const;
    QString projectionText() const; // empty when the pace is safe
    Models::SpendModel *model() const { return m_model; }

protected:
    void changeEvent(QEvent *event) override;

private:
    void applyTheme();

    QLabel *m_summary = nullptr;
    QTableView *m_table = nullptr;
    QLabel *m_projection = nullptr;
    Models::SpendModel *m_model = nullptr;
};

} // namespace Hubshelf::Ui

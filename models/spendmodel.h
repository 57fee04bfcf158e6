#pragma once

#include "ratelimits/ledger.h"

#include <QAbstractTableModel>

namespace Hubshelf::Models {

// What each endpoint spent in a rate-limit window, and who asked: the rate-limit dialog's table,
// most points first.
class SpendModel final : public QAbstractTableModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SpendModel)

public:
    enum Column { EndpointColumn, OriginColumn, PointsColumn, RequestsColumn, SavedColumn, ColumnCount };

    explicit SpendModel(QObject *parent = nullptr);

    void setWindow(const RateLimits::Window &window);
    const RateLimits::Window &window() const { return m_window; }

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    RateLimits::Window m_window;
};

} // namespace Hubshelf::Models

#pragma once

#include "core/clock.h"
#include "github/client.h"

#include <QAbstractTableModel>
#include <QDateTime>

#include <deque>

namespace Hubshelf::Models {

// The network log: a row per request the client logged, newest last, at most maximumRows() of
// them. Like RequestLogEntry itself it knows no header and no body.
class RequestLogModel final : public QAbstractTableModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(RequestLogModel)

public:
    enum Column : int { Time, Method, Url, Status, Outcome, Duration, Remaining, ColumnCount };

    static constexpr int DefaultMaximumRows = 5000;

    explicit RequestLogModel(QObject *parent = nullptr);
    ~RequestLogModel() override;

    // When an entry arrived; tests pass a fixed clock.
    void setClock(Core::Clock clock);

    // The oldest rows go first when there are more; at least 1.
    void setMaximumRows(int rows);
    int maximumRows() const { return m_maximumRows; }

    void append(const GitHub::RequestLogEntry &entry);
    void clear();
    // Appends every entry `client` logs from now on, until either is destroyed.
    void track(GitHub::Client *client);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    // DisplayRole: the text; SortRole: a typed value (arrival order, numbers as numbers);
    // ToolTipRole: the full URL, or the error.
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    struct Row
    {
        GitHub::RequestLogEntry entry;
        QDateTime arrived;
        quint64 sequence = 0;
    };

    void removeOldest(int count);
    static QString outcomeText(const GitHub::RequestLogEntry &entry);

    std::deque<Row> m_rows;
    Core::Clock m_clock = Core::systemClock();
    int m_maximumRows = DefaultMaximumRows;
    quint64 m_nextSequence = 0;
};

} // namespace Hubshelf::Models

#pragma once

#include <QDockWidget>
#include <QPointer>

class QLineEdit;
class QPushButton;
class QSortFilterProxyModel;
class QTableView;

namespace Hubshelf::Models {
class RequestLogModel;
}

namespace Hubshelf::Ui {

// The network log: every request of the session with its status, cache outcome, duration and
// remaining rate limit, filterable, following the newest row unless the user scrolled away.
class NetworkLogDock final : public QDockWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(NetworkLogDock)

public:
    // `model` is not owned.
    explicit NetworkLogDock(Models::RequestLogModel *model, QWidget *parent = nullptr);
    ~NetworkLogDock() override;

    QTableView *view() const { return m_view; }
    QSortFilterProxyModel *proxy() const { return m_proxy; }

private:
    void setFilter(const QString &text);

    QPointer<Models::RequestLogModel> m_model;
    QSortFilterProxyModel *m_proxy = nullptr;
    QLineEdit *m_filter = nullptr;
    QPushButton *m_clear = nullptr;
    QTableView *m_view = nullptr;
    bool m_followNewest = true;
};

} // namespace Hubshelf::Ui

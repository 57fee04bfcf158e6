#pragma once

#include <QObject>

class QAbstractItemView;
class QLineEdit;

namespace Hubshelf::Models {
class ListLoader;
}

namespace Hubshelf::Ui {

// The keys of a list's filter field and table. In the filter, Escape clears it, or stops the load
// when it is empty; Enter or Down go into the rows. On the table, Enter opens the current row, Copy
// copies the selection and Escape stops the load. Each is claimed in ShortcutOverride, so that a
// window-wide shortcut on the same key does not take it first.
class ListKeys final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ListKeys)

public:
    // Watches `filter` and `view`; all three outlive this.
    ListKeys(QLineEdit *filter, QAbstractItemView *view, Models::ListLoader *loader,
             QObject *parent = nullptr);
    ~ListKeys() override;

Q_SIGNALS:
    void intoRows(); // Enter or Down in the filter (Enter then activate()s the row chosen)
    void activate(); // Enter on the table
    void copy();     // Copy on the table

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    QLineEdit *m_filter = nullptr;
    QAbstractItemView *m_view = nullptr;
    Models::ListLoader *m_loader = nullptr;
};

} // namespace Hubshelf::Ui

#pragma once

#include <QWidget>

class QProgressBar;
class QToolButton;

namespace Hubshelf::Models {
class ListLoader;
}

namespace Hubshelf::Ui {

// How far a list has loaded, beside its filter: a bar ("page k of n", busy until the first page
// tells how many there are) and Stop, both shown only while the loader loads; Continue once a load
// stopped short (Stop, a hold, a failure), which fetches only the missing pages.
class ListProgress final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ListProgress)

public:
    // Follows `loader`, which outlives this; Stop stops it.
    explicit ListProgress(Models::ListLoader *loader, QWidget *parent = nullptr);
    ~ListProgress() override;

    // Bar and Stop while the loader loads, busy before its first page; Continue when it can go on.
    void showState();

private:
    void showPage(int done, int total);

    Models::ListLoader *m_loader = nullptr;
    QProgressBar *m_bar = nullptr;
    QToolButton *m_stop = nullptr;
    QToolButton *m_continue = nullptr;
};

} // namespace Hubshelf::Ui

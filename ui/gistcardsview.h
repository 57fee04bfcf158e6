#pragma once

#include <QListView>
#include <QStringList>
#include <QTimer>

namespace Hubshelf::Models {
class GistPreviews;
}

namespace Hubshelf::Ui {

// A gist list as cards (GistCardDelegate) in rows that fill the width. The cards on screen, and
// only those, have their previews asked for, a moment after the scrolling stops. Arrows move
// between cards, Enter opens one (activated()), Ctrl+C copies its address.
class GistCardsView final : public QListView
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(GistCardsView)

public:
    // `previews` is not owned.
    explicit GistCardsView(Models::GistPreviews *previews, QWidget *parent = nullptr);

    // The gist ids of the cards on screen, in order.
    QStringList visibleIds() const;

protected:
    void keyPressEvent(QKeyEvent *event) override;
    void resizeEvent(QResizeEvent *event) override;
    void scrollContentsBy(int dx, int dy) override;
    void rowsInserted(const QModelIndex &parent, int start, int end) override;
    void showEvent(QShowEvent *event) override;

private:
    void askSoon();
    void updateCard(const QString &id);

    Models::GistPreviews *m_previews;
    QTimer m_askTimer;
};

} // namespace Hubshelf::Ui

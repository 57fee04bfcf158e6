#pragma once

#include <QStyledItemDelegate>

namespace Hubshelf::Models {
class GistPreviews;
}

namespace Hubshelf::Ui {

// Paints a gist as a card: its description, its files as chips in their languages' colours, the
// first lines of its first file highlighted (once GistPreviews has them), and public or secret,
// when it changed, and its comments. Reads the row's columns of the gist list; one delegate paints
// every card, so a list of hundreds scrolls as fast as a table.
class GistCardDelegate final : public QStyledItemDelegate
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(GistCardDelegate)

public:
    static constexpr int CardWidth = 340;
    static constexpr int CardHeight = 244;

    // `previews` is not owned and may be null (no previews).
    explicit GistCardDelegate(Models::GistPreviews *previews, QObject *parent = nullptr);

    void paint(QPainter *painter, const QStyleOptionViewItem &option,
               const QModelIndex &index) const override;
    QSize sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const override;

    // "3 days ago", from `then` to `now`.
    static QString relativeTime(const QDateTime &then, const QDateTime &now);

private:
    Models::GistPreviews *m_previews;
};

} // namespace Hubshelf::Ui

#include "ui/gistcardsview.h"

#include "models/gistpreviews.h"
#include "models/roles.h"
#include "ui/gistcarddelegate.h"

#include <QApplication>
#include <QClipboard>
#include <QKeyEvent>
#include <QScrollBar>

using namespace Qt::StringLiterals;

namespace Hubshelf::Ui {

GistCardsView::GistCardsView(Models::GistPreviews *previews, QWidget *parent)
    : QListView(parent)
    , m_previews(previews)
{
    setObjectName(u"gistCards"_s);
    setAccessibleName(tr("Gists as cards"));
    setViewMode(QListView::ListMode);
    setFlow(QListView::LeftToRight);
    setWrapping(true);
    setResizeMode(QListView::Adjust);
    setMovement(QListView::Static);
    setUniformItemSizes(true);
    setSpacing(2);
    setSelectionBehavior(QAbstractItemView::SelectRows);
    setSelectionMode(QAbstractItemView::ExtendedSelection);
    setEditTriggers(QAbstractItemView::NoEditTriggers);
    setVerticalScrollMode(QAbstractItemView::ScrollPerPixel);
    setMouseTracking(false);
    setItemDelegate(new GistCardDelegate(previews, this));
    verticalScrollBar()->setSingleStep(24);
    m_askTimer.setSingleShot(true);
    m_askTimer.setInterval(60); // the scrolling stops first: a fling past 200 cards asks for none of them
    connect(&m_askTimer, &QTimer::timeout, this, [this] {
        if (m_previews && isVisible()) {
            m_previews->request(visibleIds());
        }
    });
    if (m_previews) {
        connect(m_previews, &Models::GistPreviews::previewReady, this, &GistCardsView::updateCard);
    }
}

QStringList GistCardsView::visibleIds() const
{
    QStringList ids;
    if (!model()) {
        return ids;
    }
    const QRect area = viewport()->rect();
    // Cards are laid out in order: from the one at the top-left corner until one starts below.
    QModelIndex index = indexAt(QPoint(spacing() + 1, spacing() + 1));
    int row = index.isValid() ? index.row() : 0;
    // The top row may be cut above: back up to the first card whose rectangle shows.
    while (row > 0 && visualRect(model()->index(row - 1, modelColumn())).intersects(area)) {
        --row;
    }
    for (; row < model()->rowCount(); ++row) {
        const QModelIndex card = model()->index(row, modelColumn());
        const QRect rect = visualRect(card);
        if (rect.top() > area.bottom()) {
            break;
        }
        if (rect.intersects(area)) {
            ids.append(card.data(Models::IdRole).toString());
        }
    }
    return ids;
}

void GistCardsView::keyPressEvent(QKeyEvent *event)
{
    if (event->matches(QKeySequence::Copy) && currentIndex().isValid()) {
        QApplication::clipboard()->setText(currentIndex().data(Models::HtmlUrlRole).toUrl().toString());
        event->accept();
        return;
    }
    if ((event->key() == Qt::Key_Return || event->key() == Qt::Key_Enter) && currentIndex().isValid()) {
        Q_EMIT activated(currentIndex());
        event->accept();
        return;
    }
    QListView::keyPressEvent(event);
}

void GistCardsView::resizeEvent(QResizeEvent *event)
{
    QListView::resizeEvent(event);
    askSoon();
}

void GistCardsView::scrollContentsBy(int dx, int dy)
{
    QListView::scrollContentsBy(dx, dy);
    askSoon();
}

void GistCardsView::rowsInserted(const QModelIndex &parent, int start, int end)
{
    QListView::rowsInserted(parent, start, end);
    askSoon();
}

void GistCardsView::showEvent(QShowEvent *event)
{
    QListView::showEvent(event);
    askSoon();
}

void GistCardsView::askSoon()
{
    m_askTimer.start();
}

void GistCardsView::updateCard(const QString &id)
{
    if (!model()) {
        return;
    }
    const QRect area = viewport()->rect();
    QModelIndex index = indexAt(QPoint(spacing() + 1, spacing() + 1));
    for (int row = index.isValid() ? std::max(0, index.row() - 4) : 0; row < model()->rowCount(); ++row) {
        const QModelIndex card = model()->index(row, modelColumn());
        const QRect rect = visualRect(card);
        if (rect.top() > area.bottom()) {
            break;
        }
        if (card.data(Models::IdRole).toString() == id) {
            viewport()->update(rect);
            return;
        }
    }
}

} // namespace Hubshelf::Ui

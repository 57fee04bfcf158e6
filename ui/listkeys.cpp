#include "ui/listkeys.h"

#include "models/listloader.h"

#include <QAbstractItemView>
#include <QKeyEvent>
#include <QLineEdit>

namespace Hubshelf::Ui {

ListKeys::ListKeys(QLineEdit *filter, QAbstractItemView *view, Models::ListLoader *loader, QObject *parent)
    : QObject(parent)
    , m_filter(filter)
    , m_view(view)
    , m_loader(loader)
{
    m_filter->installEventFilter(this);
    m_view->installEventFilter(this);
}

ListKeys::~ListKeys() = default;

bool ListKeys::eventFilter(QObject *watched, QEvent *event)
{
    const QEvent::Type type = event->type();
    if (type != QEvent::KeyPress && type != QEvent::ShortcutOverride) {
        return QObject::eventFilter(watched, event);
    }
    auto *key = static_cast<QKeyEvent *>(event);
    const bool press = type == QEvent::KeyPress;
    const bool plain = (key->modifiers() & ~Qt::KeypadModifier) == Qt::NoModifier;
    const bool enter = plain && (key->key() == Qt::Key_Return || key->key() == Qt::Key_Enter);
    const bool loading = m_loader->isLoading();

    if (watched == m_filter) {
        if (key->key() == Qt::Key_Escape && plain && (!m_filter->text().isEmpty() || loading)) {
            event->accept();
            if (press) {
                if (m_filter->text().isEmpty()) {
                    m_loader->stop();
                } else {
                    m_filter->clear();
                }
            }
            return press;
        }
        if (press && (enter || (plain && key->key() == Qt::Key_Down))) {
            Q_EMIT intoRows();
            if (enter) {
                Q_EMIT activate(); // Enter opens the row it chose, as a search box's Enter does
            }
            return true;
        }
        return QObject::eventFilter(watched, event);
    }

    if (watched == m_view) {
        const bool copying = key->matches(QKeySequence::Copy);
        const bool escape = plain && key->key() == Qt::Key_Escape && loading;
        if (enter || copying || escape) {
            event->accept();
            if (press) {
                if (enter) {
                    Q_EMIT activate();
                } else if (copying) {
                    Q_EMIT copy();
                } else {
                    m_loader->stop();
                }
            }
            return press;
        }
    }
    return QObject::eventFilter(watched, event);
}

} // namespace Hubshelf::Ui

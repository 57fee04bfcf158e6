#include "ui/spendpanel.h"

#include "models/spendmodel.h"
#include "widgets/colours.h"

#include <QEvent>
#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QTableView>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace Hubshelf::Ui {

SpendPanel::SpendPanel(QWidget *parent)
    : QWidget(parent)
    , m_model(new Models::SpendModel(this))
{
    setObjectName(u"spendPanel"_s);
    m_summary = new QLabel(this);
    m_summary->setObjectName(u"spendSummary"_s);
    m_summary->setWordWrap(true);
    m_summary->setTextInteractionFlags(Qt::TextSelectableByMouse);

    m_table = new QTableView(this);
    m_table->setObjectName(u"spendTable"_s);
    m_table->setAccessibleName(tr("Rate-limit points spent this window, by endpoint"));
    m_table->setModel(m_model);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setAlternatingRowColors(true);
    m_table->verticalHeader()->hide();
    m_table->verticalHeader()->setDefaultSectionSize(m_table->fontMetrics().height() + 6);
    m_table->horizontalHeader()->setSectionResizeMode(Models::SpendModel::EndpointColumn,
                                                      QHeaderView::Stretch);
    m_table->horizontalHeader()->setSectionResizeMode(Models::SpendModel::OriginColumn, QHeaderView::Stretch);
    for (int column = Models::SpendModel::PointsColumn; column < Models::SpendModel::ColumnCount; ++column) {
        m_table->horizontalHeader()->setSectionResizeMode(column, QHeaderView::ResizeToContents);
    }

    m_projection = new QLabel(this);
    m_projection->setObjectName(u"spendProjection"_s);
    m_projection->setWordWrap(true);
    m_projection->hide();

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_summary);
    layout->addWidget(m_projection);
    layout->addWidget(m_table, 1);
    applyTheme();
}

void SpendPanel::setWindow(const RateLimits::Window &window,
                           const std::optional<RateLimits::Projection> &projection, bool persistent)
{
    m_model->setWindow(window);
    const QLocale locale;
    if (!persistent) {
        m_summary->setText(tr("What each endpoint spent is kept in the cache database, which is not open."));
    } else if (!window.isKnown()) {
        m_summary->setText(
            tr("%1: no window under way; Hubshelf has spent nothing in the last hour.").arg(window.resource));
    } else {
        QString text = tr("%1: %2 of %3 used in the window that resets at %4. Hubshelf spent %5; the cache "
                          "saved %6.")
                           .arg(window.resource, locale.toString(window.used), locale.toString(window.limit),
                                locale.toString(window.reset.toLocalTime().time(), QLocale::ShortFormat),
                                locale.toString(window.points()), locale.toString(window.saved()));
        if (const qint64 others = window.spentElsewhere(); others > 0) {
            text += u' ' + tr("Other tools with this token spent %1.").arg(locale.toString(others));
        }
        m_summary->setText(text);
    }
    m_projection->setText(projection ? RateLimits::projectionSentence(*projection) : QString());
    m_projection->setVisible(projection.has_value());
}

QString SpendPanel::summaryText() const
{
    return m_summary->text();
}

QString SpendPanel::projectionText() const
{
    return m_projection->text();
}

void SpendPanel::changeEvent(QEvent *event)
{
    QWidget::changeEvent(event);
    if (m_projection && event->type() == QEvent::PaletteChange) {
        applyTheme();
    }
}

void SpendPanel::applyTheme()
{
    QFont bold = font();
    bold.setBold(true);
    m_projection->setFont(bold);
    m_projection->setStyleSheet(u"color: %1;"_s.arg(Widgets::dangerColour(palette()).name()));
}

} // namespace Hubshelf::Ui

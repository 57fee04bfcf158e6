#include "ui/rowcard.h"

#include "models/roles.h"
#include "widgets/titlefont.h"
#include "widgets/weblinkbutton.h"

#include <QAbstractItemModel>
#include <QFormLayout>
#include <QLabel>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace Hubshelf::Ui {

RowCard::RowCard(QWidget *parent)
    : QWidget(parent)
{
    setObjectName(u"rowCard"_s);
    m_title = new QLabel(this);
    m_title->setObjectName(u"rowCardTitle"_s);
    m_title->setWordWrap(true);
    m_title->setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
    m_title->setFocusPolicy(Qt::StrongFocus);
    Widgets::setTitleFont(m_title, 1.4);

    m_description = new QLabel(this);
    m_description->setObjectName(u"rowCardDescription"_s);
    m_description->setWordWrap(true);
    m_description->setTextInteractionFlags(Qt::TextSelectableByMouse);

    m_form = new QFormLayout;
    m_form->setLabelAlignment(Qt::AlignLeft);
    m_form->setHorizontalSpacing(16);
    m_form->setRowWrapPolicy(QFormLayout::DontWrapRows);

    m_open = new Widgets::WebLinkButton(tr("Open on GitHub"), this);
    m_open->setObjectName(u"rowCardOpenOnGitHub"_s);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(16, 16, 16, 16);
    layout->setSpacing(10);
    layout->addWidget(m_title);
    layout->addWidget(m_description);
    layout->addSpacing(4);
    layout->addLayout(m_form);
    layout->addSpacing(4);
    layout->addWidget(m_open, 0, Qt::AlignLeft);
    layout->addStretch(1);
    clear();
}

RowCard::~RowCard() = default;

void RowCard::showRow(const QAbstractItemModel &model, int row)
{
    clear();
    const QString title = model.index(row, 0).data().toString();
    m_title->setText(title);
    m_title->setAccessibleName(title);
    for (int column = 1; column < model.columnCount(); ++column) {
        const QString name = model.headerData(column, Qt::Horizontal, Models::ExportRole).toString();
        const QString text = model.index(row, column).data().toString();
        if (name == u"description"_s) {
            m_description->setText(text);
            m_description->setVisible(!text.isEmpty());
            continue;
        }
        if (name == u"html_url"_s || text.isEmpty()) {
            continue; // the button opens the page; empty fields say nothing
        }
        auto *value = new QLabel(text, this);
        value->setTextInteractionFlags(Qt::TextSelectableByMouse);
        value->setWordWrap(true);
        auto *label = new QLabel(model.headerData(column, Qt::Horizontal).toString(), this);
        label->setForegroundRole(QPalette::PlaceholderText);
        label->setBuddy(value);
        m_form->addRow(label, value);
    }
    m_open->setUrl(QUrl(model.index(row, 0).data(Models::HtmlUrlRole).toString()));
}

void RowCard::clear()
{
    m_title->clear();
    m_description->clear();
    m_description->hide();
    while (m_form->rowCount() > 0) {
        m_form->removeRow(0);
    }
    m_open->setUrl({});
}

QString RowCard::title() const
{
    return m_title->text();
}

QStringList RowCard::fields() const
{
    QStringList fields;
    for (int row = 0; row < m_form->rowCount(); ++row) {
        const auto *label = qobject_cast<QLabel *>(m_form->itemAt(row, QFormLayout::LabelRole)->widget());
        const auto *value = qobject_cast<QLabel *>(m_form->itemAt(row, QFormLayout::FieldRole)->widget());
        if (label && value) {
            fields.append(label->text() + u": "_s + value->text());
        }
    }
    return fields;
}

} // namespace Hubshelf::Ui

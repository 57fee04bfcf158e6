#pragma once

#include <QWidget>

class QAbstractItemModel;
class QFormLayout;
class QLabel;

namespace Hubshelf::Ui {

namespace Widgets {
class WebLinkButton;
}

// The selected row itself, when its kind has no richer view (a repository): its name, its
// description and every other column of the row. It costs no request: the list already has it.
class RowCard final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(RowCard)

public:
    explicit RowCard(QWidget *parent = nullptr);
    ~RowCard() override;

    // Column 0 is the title; a column named "description" is the text under it.
    void showRow(const QAbstractItemModel &model, int row);
    void clear();

    QString title() const;
    // "Header: value" for each field shown, for tests and screen readers.
    QStringList fields() const;

private:
    QLabel *m_title = nullptr;
    QLabel *m_description = nullptr;
    QFormLayout *m_form = nullptr;
    Widgets::WebLinkButton *m_open = nullptr;
};

} // namespace Hubshelf::Ui

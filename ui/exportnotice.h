#pragma once

#include "widgets/noticeframe.h"

class QLabel;
class QPushButton;
class QToolButton;

namespace Hubshelf::Ui {

// After an export: "Exported 5,000 rows to …/megacorp-repos.csv" with Open (the file, in the
// program the desktop gives CSV) and Show in folder; closed by its button or Esc, replaced by the
// next export. A success has its own look: the error banner stays for what went wrong.
class ExportNotice final : public Widgets::NoticeFrame
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ExportNotice)

public:
    explicit ExportNotice(QWidget *parent = nullptr);
    ~ExportNotice() override;

    void showExported(const QString &path, int rows);
    QString text() const;
    QString path() const { return m_path; }

private:
    void open(const QString &localPath);

    QString m_path;
    QLabel *m_text = nullptr;
    QPushButton *m_open = nullptr;
    QPushButton *m_showFolder = nullptr;
    QToolButton *m_close = nullptr;
};

} // namespace Hubshelf::Ui

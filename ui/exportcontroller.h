#pragma once

#include "export/csvwriter.h"

#include <QObject>
#include <QPointer>

#include <functional>

namespace Hubshelf::GitHub {
struct Error;
}

namespace Hubshelf::Ui {

class ListPane;

// Ctrl+E: the list as CSV — the visible columns in their order, the current filter and sort, every
// page — through the command line's writer, so the bytes are the same. An unfinished list is
// loaded to the end first by the pane's ListLoader, with the pane's progress and Stop. Either the whole file
// is written or the old one stays as it was.
class ExportController final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ExportController)

public:
    // Asks where to save, given a suggested path; an empty answer cancels. The default is the
    // platform's save dialog; tests give their own.
    using SavePathProvider = std::function<QString(const QString &suggestedPath)>;

    explicit ExportController(ListPane *pane, QObject *parent = nullptr);
    ~ExportController() override;

    void setSavePathProvider(SavePathProvider provider);
    void setOptions(const Export::CsvOptions &options);
    // `suggestedPath`: the folder last saved to and a file name naming the list.
    void exportList(const QString &suggestedPath);
    // CSV that is ready (a chart's series, `rows` records under a header), through the same
    // question, the same all-or-nothing write and the same signals.
    void exportCsv(const QString &suggestedPath, const QByteArray &csv, int rows);
    bool isBusy() const { return m_busy; }

Q_SIGNALS:
    void exported(const QString &path, int rows);
    // One sentence: why nothing was written. The old file, if any, is untouched.
    void failed(const QString &message);
    void cancelled();

private:
    void write();
    void finish();

    QPointer<ListPane> m_pane;
    SavePathProvider m_savePath;
    Export::CsvOptions m_options;
    QString m_path;
    QList<QMetaObject::Connection> m_waiting;
    bool m_busy = false;
};

} // namespace Hubshelf::Ui

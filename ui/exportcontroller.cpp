#include "ui/exportcontroller.h"

#include "export/stagedfile.h"
#include "github/error.h"
#include "models/listloader.h"
#include "models/roles.h"
#include "ui/listpane.h"

#include <QFileDialog>
#include <QSortFilterProxyModel>

using namespace Qt::StringLiterals;

namespace Hubshelf::Ui {

ExportController::ExportController(ListPane *pane, QObject *parent)
    : QObject(parent)
    , m_pane(pane)
    , m_savePath([pane](const QString &suggestedPath) {
        return QFileDialog::getSaveFileName(pane ? pane->window() : nullptr, tr("Export as CSV"),
                                            suggestedPath, tr("CSV files (*.csv);;All files (*)"));
    })
{}

ExportController::~ExportController() = default;

void ExportController::setSavePathProvider(SavePathProvider provider)
{
    m_savePath = std::move(provider);
}

void ExportController::setOptions(const Export::CsvOptions &options)
{
    m_options = options;
}

void ExportController::exportList(const QString &suggestedPath)
{
    if (m_busy || !m_pane || !m_pane->sourceModel()) {
        return;
    }
    m_path = m_savePath(suggestedPath);
    if (m_path.isEmpty()) {
        Q_EMIT cancelled();
        return;
    }
    m_busy = true;
    if (m_pane->isComplete()) {
        write();
        return;
    }
    // Pages already fetched come back from the cache, so loading from the start costs nothing twice.
    Models::ListLoader *loader = m_pane->loader();
    m_waiting.append(connect(loader, &Models::ListLoader::finished, this, &ExportController::write));
    m_waiting.append(connect(loader, &Models::ListLoader::failed, this, [this](const GitHub::Error &error) {
        finish();
        Q_EMIT failed(tr("Nothing was exported: %1").arg(error.message()));
    }));
    m_waiting.append(connect(loader, &Models::ListLoader::stopped, this, [this] {
        finish();
        Q_EMIT cancelled();
    }));
    // An export is the person's word for the whole list: a list holding before spending the rate
    // limit goes on, as `hubshelf export` would.
    m_waiting.append(
        connect(loader, &Models::ListLoader::held, loader, [loader] { loader->continueLoading(); }));
    if (loader->canContinue()) {
        loader->continueLoading(); // only the missing pages
    } else if (!loader->isLoading()) {
        loader->reload();
    }
}

void ExportController::exportCsv(const QString &suggestedPath, const QByteArray &csv, int rows)
{
    if (m_busy) {
        return;
    }
    const QString path = m_savePath(suggestedPath);
    if (path.isEmpty()) {
        Q_EMIT cancelled();
        return;
    }
    const QByteArray bytes = m_options.byteOrderMark ? QByteArray("\xEF\xBB\xBF") + csv : csv;
    QString error;
    if (!Export::saveFile(
            path, [&bytes](QIODevice &device) { return device.write(bytes) == bytes.size(); }, &error)) {
        Q_EMIT failed(error);
        return;
    }
    Q_EMIT exported(path, rows);
}

void ExportController::write()
{
    finish();
    m_pane->applyPendingFilter(); // what was typed counts, even within the typing pause
    const QSortFilterProxyModel *rows = m_pane->proxyModel();
    QString error;
    if (!Export::saveCsv(*rows, Models::ExportRole, m_pane->visibleColumns(), m_options, m_path, &error)) {
        Q_EMIT failed(error);
        return;
    }
    Q_EMIT exported(m_path, rows->rowCount());
}

void ExportController::finish()
{
    for (const QMetaObject::Connection &connection : std::as_const(m_waiting)) {
        disconnect(connection);
    }
    m_waiting.clear();
    m_busy = false;
}

} // namespace Hubshelf::Ui

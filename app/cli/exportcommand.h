#pragma once

#include "export/indentedjsonarray.h"
#include "github/endpoints.h"
#include "github/error.h"
#include "models/columns.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QObject>
#include <QStringList>
#include <QUrl>

#include <memory>

namespace Hubshelf::Export {
class SpooledOutput;
class StagedFile;
} // namespace Hubshelf::Export
namespace Hubshelf::Models {
class ListLoader;
}

namespace Hubshelf::Cli {

class CliContext;

struct ExportRequest
{
    QString kind;   // gists, repos, pulls, orgs, followers, following, members
    QString target; // USER, OWNER, ORG or OWNER/REPO
    QString format = QStringLiteral("csv");
    QStringList columns;
    QString outputPath; // empty: stdout
    // 0: every row. At most MaxLimit, so that the page count it implies never overflows an int.
    static constexpr int MaxLimit = 1'000'000'000;
    int limit = 0;
    QString type;  // repos
    QString state; // pulls
    bool byteOrderMark = false;
    bool formulaGuard = true;
};

// `hubshelf export KIND TARGET`: every page of a list, through the same model the window uses,
// written as CSV (or the GitHub objects as a JSON array).
class ExportCommand final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ExportCommand)

public:
    ExportCommand(CliContext &context, const ExportRequest &request, QObject *parent = nullptr);
    ~ExportCommand() override;

    // Checks names, kinds and columns before anything is sent; a sentence when something is wrong.
    QString validate();
    void start();

Q_SIGNALS:
    void finished(int exitCode);

private:
    void loadList(const QUrl &url);
    void write();
    // --format json: each page's objects are written as they arrive, to the file (committed at the
    // end) or to a spool that goes to stdout at the end; a failure writes nothing anywhere. False,
    // with the command finished, when they could not be written.
    bool openJsonOutput();
    bool writeJson(const QByteArray &bytes);
    void showProgress(int done, int total);

    CliContext &m_context;
    ExportRequest m_request;
    Models::ListKind m_kind = Models::ListKind::Repositories;
    GitHub::OwnerList m_list = GitHub::OwnerList::Repositories;
    QList<int> m_columns;
    std::unique_ptr<Models::ListLoader> m_loader;
    Export::IndentedJsonArray m_json;
    std::unique_ptr<Export::StagedFile> m_jsonFile;     // --format json --output
    std::unique_ptr<Export::SpooledOutput> m_jsonSpool; // --format json to stdout
    bool m_jsonFailed = false;
};

} // namespace Hubshelf::Cli

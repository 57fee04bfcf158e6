#pragma once

#include "github/error.h"
#include "models/columns.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QObject>
#include <QStringList>
#include <QUrl>

#include <functional>
#include <memory>

namespace Hubshelf::Models {
class GitHubListModel;
}
namespace Hubshelf::GitHub {
class PageStream;
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
    void streamList(const QUrl &url);
    void write();
    void showProgress(int done, int total);

    CliContext &m_context;
    ExportRequest m_request;
    Models::ListKind m_kind = Models::ListKind::Repositories;
    QList<int> m_columns;
    std::unique_ptr<Models::GitHubListModel> m_model;
    std::unique_ptr<GitHub::PageStream> m_stream;
    QJsonArray m_objects;                            // --format json
    std::function<bool(const QJsonObject &)> m_keep; // a user's repositories filtered by --type
    bool m_progressShown = false;
};

} // namespace Hubshelf::Cli

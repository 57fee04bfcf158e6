#include "cli/exportcommand.h"

#include "cli/clicontext.h"
#include "cli/commandline.h"
#include "export/csvwriter.h"
#include "github/client.h"
#include "github/names.h"
#include "github/pagestream.h"
#include "models/githublistmodel.h"
#include "models/roles.h"

#include <QIODevice>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTextStream>
#include <QUrlQuery>

#include <unistd.h>

using namespace Qt::StringLiterals;

namespace Hubshelf::Cli {

namespace {

// The design's --type values: GitHub's own for an organization's repositories. A user's list only
// knows all, owner and member, so the others are applied to what it returns.
const QStringList repoTypes = {u"all"_s, u"public"_s, u"private"_s, u"forks"_s, u"sources"_s, u"member"_s};
const QStringList pullStates = {u"open"_s, u"closed"_s, u"all"_s};

struct Kind
{
    const char *name;
    Models::ListKind listKind;
};

const Kind kinds[] = {{"gists", Models::ListKind::Gists},        {"repos", Models::ListKind::Repositories},
                      {"pulls", Models::ListKind::PullRequests}, {"orgs", Models::ListKind::Organizations},
                      {"followers", Models::ListKind::Users},    {"following", Models::ListKind::Users},
                      {"members", Models::ListKind::Users}};

} // namespace

ExportCommand::ExportCommand(CliContext &context, const ExportRequest &request, QObject *parent)
    : QObject(parent)
    , m_context(context)
    , m_request(request)
{}

ExportCommand::~ExportCommand() = default;

QString ExportCommand::validate()
{
    const Kind *kind = nullptr;
    for (const Kind &candidate : kinds) {
        if (m_request.kind == QLatin1StringView(candidate.name)) {
            kind = &candidate;
        }
    }
    if (!kind) {
        return tr("'%1' is not something to export: use gists, repos, pulls, orgs, followers, following or "
                  "members.")
            .arg(m_request.kind);
    }
    m_kind = kind->listKind;
    if (m_request.kind == u"pulls"_s) {
        const QStringList parts = m_request.target.split(u'/');
        if (parts.size() != 2 || !GitHub::isValidLogin(parts.at(0)) ||
            !GitHub::isValidRepositoryName(parts.at(1))) {
            return tr("'%1' is not a repository: write it as OWNER/REPO.").arg(m_request.target);
        }
    } else if (!GitHub::isValidLogin(m_request.target)) {
        return tr("'%1' is not a valid GitHub login (1 to 39 letters, digits or '-', not starting with '-').")
            .arg(m_request.target);
    }
    if (m_request.format != u"csv"_s && m_request.format != u"json"_s) {
        return tr("--format takes csv or json, not '%1'.").arg(m_request.format);
    }
    if (!m_request.state.isEmpty() &&
        (m_request.kind != u"pulls"_s || !pullStates.contains(m_request.state))) {
        return tr("--state takes open, closed or all, and only for pulls.");
    }
    if (!m_request.type.isEmpty() && (m_request.kind != u"repos"_s || !repoTypes.contains(m_request.type))) {
        return tr("--type takes all, public, private, forks, sources or member, and only for repos.");
    }
    if (m_request.format == u"json"_s && !m_request.columns.isEmpty()) {
        return tr("--columns applies to CSV; --format json writes GitHub's whole objects.");
    }
    if (m_request.limit < 0) {
        return tr("--limit takes a positive number.");
    }
    const QList<Models::Column> &columns = Models::columnsOf(m_kind);
    for (const QString &name : std::as_const(m_request.columns)) {
        int found = -1;
        for (int i = 0; i < columns.size(); ++i) {
            if (columns.at(i).name == name) {
                found = i;
            }
        }
        if (found < 0) {
            QStringList names;
            for (const Models::Column &column : columns) {
                names.append(column.name);
            }
            return tr("%1 have no column '%2'; they have: %3.")
                .arg(m_request.kind, name, names.join(u", "_s));
        }
        m_columns.append(found);
    }
    return {};
}

void ExportCommand::start()
{
    m_model = std::make_unique<Models::GitHubListModel>(m_kind);
    GitHub::Client &client = m_context.client();
    const QString &target = m_request.target;
    QUrlQuery query;
    if (m_request.kind == u"pulls"_s) {
        const QStringList parts = target.split(u'/');
        query.addQueryItem(u"state"_s, m_request.state.isEmpty() ? u"open"_s : m_request.state);
        streamList(
            client.endpoint(GitHub::encodedPath({u"repos"_s, parts.at(0), parts.at(1), u"pulls"_s}), query));
        return;
    }
    if (m_request.kind == u"repos"_s) {
        // GitHub lists an organization's repositories under /orgs, a user's under /users.
        GitHub::Request *request = client.get(client.endpoint(GitHub::encodedPath({u"users"_s, target})),
                                              m_context.requestOptions());
        connect(request, &GitHub::Request::failed, this,
                [this](const GitHub::Error &error) { Q_EMIT finished(m_context.report(error)); });
        connect(request, &GitHub::Request::succeeded, this, [this, target](const GitHub::Response &response) {
            const bool organization =
                QJsonDocument::fromJson(response.body).object().value(u"type"_s).toString() ==
                u"Organization"_s;
            QUrlQuery repoQuery;
            const QString &type = m_request.type;
            if (organization || type == u"all"_s || type == u"member"_s) {
                if (!type.isEmpty()) {
                    repoQuery.addQueryItem(u"type"_s, type);
                }
            } else if (!type.isEmpty()) {
                repoQuery.addQueryItem(u"type"_s, u"all"_s);
                const QString field = type == u"public"_s || type == u"private"_s ? u"private"_s : u"fork"_s;
                const bool wanted = type == u"private"_s || type == u"forks"_s;
                m_keep = [field, wanted](const QJsonObject &repository) {
                    return repository.value(field).toBool() == wanted;
                };
            }
            GitHub::Client &c = m_context.client();
            streamList(c.endpoint(
                GitHub::encodedPath({organization ? u"orgs"_s : u"users"_s, target, u"repos"_s}), repoQuery));
        });
        return;
    }
    const QString collection = m_request.kind == u"members"_s ? u"orgs"_s : u"users"_s;
    const QString list = m_request.kind == u"orgs"_s ? u"orgs"_s : m_request.kind;
    streamList(client.endpoint(GitHub::encodedPath({collection, target, list}), query));
}

void ExportCommand::streamList(const QUrl &url)
{
    m_stream = std::make_unique<GitHub::PageStream>(&m_context.client(), url);
    m_stream->setRequestOptions(m_context.requestOptions(true));
    m_stream->setItemLimit(m_request.limit);
    connect(m_stream.get(), &GitHub::PageStream::pageArrived, this, [this](int, const QJsonArray &page) {
        QJsonArray items;
        for (const QJsonValue &item : page) {
            if (!m_keep || m_keep(item.toObject())) {
                items.append(item);
            }
        }
        if (m_request.format == u"json"_s) {
            for (const QJsonValue &item : std::as_const(items)) {
                m_objects.append(item);
            }
        } else {
            m_model->appendItems(items);
        }
    });
    connect(m_stream.get(), &GitHub::PageStream::progress, this, &ExportCommand::showProgress);
    connect(m_stream.get(), &GitHub::PageStream::failed, this, [this](const GitHub::Error &error) {
        showProgress(-1, 0);
        Q_EMIT finished(m_context.report(error));
    });
    connect(m_stream.get(), &GitHub::PageStream::finished, this, [this] {
        showProgress(-1, 0);
        write();
    });
    m_stream->start();
}

void ExportCommand::showProgress(int done, int total)
{
    // Only for a person watching (scripts read stderr for errors), and not over -v's request lines.
    if (!isatty(STDERR_FILENO) || m_context.options().verbose) {
        return;
    }
    if (done < 0) {
        if (m_progressShown) {
            m_context.err() << "\r\033[K";
            m_context.err().flush();
        }
        return;
    }
    m_progressShown = true;
    m_context.err() << '\r'
                    << (total > 0 ? tr("page %1 of %2").arg(done).arg(total) : tr("page %1").arg(done));
    m_context.err().flush();
}

void ExportCommand::write()
{
    QByteArray bytes;
    if (m_request.format == u"json"_s) {
        const QJsonArray &objects = m_objects;
        bytes = QJsonDocument(objects).toJson(QJsonDocument::Indented);
    } else {
        Export::CsvOptions options;
        options.byteOrderMark = m_request.byteOrderMark;
        options.formulaGuard = m_request.formulaGuard;
        if (!m_request.outputPath.isEmpty()) {
            QString error;
            const bool saved = Export::saveCsv(*m_model, Models::ExportRole, m_columns, options,
                                               m_request.outputPath, &error);
            Q_EMIT finished(saved ? ExitOk : m_context.fail(ExitFailure, error));
            return;
        }
        bytes = Export::modelToCsv(*m_model, Models::ExportRole, m_columns, options);
    }
    if (m_request.outputPath.isEmpty()) {
        Q_EMIT finished(m_context.writeData(bytes));
        return;
    }
    QString error;
    const bool saved = Export::saveFile(
        m_request.outputPath, [&bytes](QIODevice &device) { return device.write(bytes) == bytes.size(); },
        &error);
    Q_EMIT finished(saved ? ExitOk : m_context.fail(ExitFailure, error));
}

} // namespace Hubshelf::Cli

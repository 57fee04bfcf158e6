#include "cli/exportcommand.h"

#include "cli/clicontext.h"
#include "cli/commandline.h"
#include "core/printable.h"
#include "export/csvwriter.h"
#include "export/stagedfile.h"
#include "github/client.h"
#include "github/endpoints.h"
#include "github/names.h"
#include "models/githublistmodel.h"
#include "models/listloader.h"
#include "models/roles.h"

#include <QIODevice>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTextStream>
#include <QUrlQuery>

using namespace Qt::StringLiterals;

namespace Hubshelf::Cli {

namespace {

// The design's --type values: GitHub's own for an organization's repositories. A user's list only
// knows all, owner and member, so the others are applied to what it returns.
const QStringList repoTypes = {u"all"_s, u"public"_s, u"private"_s, u"forks"_s, u"sources"_s, u"member"_s};

struct Kind
{
    const char *name;
    Models::ListKind listKind;
    GitHub::OwnerList list; // unused for pulls
};

const Kind kinds[] = {{"gists", Models::ListKind::Gists, GitHub::OwnerList::Gists},
                      {"repos", Models::ListKind::Repositories, GitHub::OwnerList::Repositories},
                      {"pulls", Models::ListKind::PullRequests, GitHub::OwnerList::Repositories},
                      {"orgs", Models::ListKind::Organizations, GitHub::OwnerList::Organizations},
                      {"followers", Models::ListKind::Users, GitHub::OwnerList::Followers},
                      {"following", Models::ListKind::Users, GitHub::OwnerList::Following},
                      {"members", Models::ListKind::Users, GitHub::OwnerList::Members}};

} // namespace

ExportCommand::ExportCommand(CliContext &context, const ExportRequest &request, QObject *parent)
    : QObject(parent)
    , m_context(context)
    , m_request(request)
    , m_loader(std::make_unique<Models::ListLoader>())
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
            .arg(Core::printable(m_request.kind));
    }
    m_kind = kind->listKind;
    m_list = kind->list;
    if (m_request.kind == u"pulls"_s) {
        const QStringList parts = m_request.target.split(u'/');
        if (parts.size() != 2 || !GitHub::isValidLogin(parts.at(0)) ||
            !GitHub::isValidRepositoryName(parts.at(1))) {
            return tr("'%1' is not a repository: write it as OWNER/REPO.")
                .arg(Core::printable(m_request.target));
        }
    } else if (!GitHub::isValidLogin(m_request.target)) {
        return tr("'%1' is not a valid GitHub login (1 to 39 letters, digits or '-', not starting with '-').")
            .arg(Core::printable(m_request.target));
    }
    if (m_request.format != u"csv"_s && m_request.format != u"json"_s) {
        return tr("--format takes csv or json, not '%1'.").arg(Core::printable(m_request.format));
    }
    if (!m_request.state.isEmpty() &&
        (m_request.kind != u"pulls"_s || !GitHub::Endpoints::pullRequestStates().contains(m_request.state))) {
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
    for (const QString &name : std::as_const(m_request.columns)) {
        const int found = Models::columnNamed(m_kind, name);
        if (found < 0) {
            return tr("%1 have no column '%2'; they have: %3.")
                .arg(m_request.kind, Core::printable(name), Models::columnNames(m_kind).join(u", "_s));
        }
        m_columns.append(found);
    }
    return {};
}

void ExportCommand::start()
{
    GitHub::Client &client = m_context.client();
    const QString &target = m_request.target;
    if (m_request.kind == u"pulls"_s) {
        const QStringList parts = target.split(u'/');
        loadList(client.endpoint(GitHub::Endpoints::pullRequests(parts.at(0), parts.at(1)),
                                 GitHub::Endpoints::pullRequestsQuery(m_request.state)));
        return;
    }
    if (m_request.kind != u"repos"_s) {
        // Members are an organization's; every other list is asked of a user, as GitHub has them.
        loadList(client.endpoint(
            GitHub::Endpoints::ownerList(target, m_list == GitHub::OwnerList::Members, m_list)));
        return;
    }
    // GitHub lists an organization's repositories under /orgs, a user's under /users.
    GitHub::Request *request =
        client.get(client.endpoint(GitHub::Endpoints::user(target)), m_context.requestOptions());
    connect(request, &GitHub::Request::failed, this,
            [this](const GitHub::Error &error) { Q_EMIT finished(m_context.report(error)); });
    connect(request, &GitHub::Request::succeeded, this, [this, target](const GitHub::Response &response) {
        const bool organization =
            QJsonDocument::fromJson(response.body).object().value(u"type"_s).toString() == u"Organization"_s;
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
            m_loader->setItemFilter([field, wanted](const QJsonObject &repository) {
                return repository.value(field).toBool() == wanted;
            });
        }
        loadList(m_context.client().endpoint(
            GitHub::Endpoints::ownerList(target, organization, GitHub::OwnerList::Repositories), repoQuery));
    });
}

void ExportCommand::loadList(const QUrl &url)
{
    m_loader->setItemLimit(m_request.limit);
    if (m_request.format == u"json"_s) {
        if (!openJsonOutput()) {
            return;
        }
        // GitHub's whole objects, as they came, a page at a time: no model, nothing held.
        connect(m_loader.get(), &Models::ListLoader::pageArrived, this,
                [this](int, const QJsonArray &items) { writeJson(m_json.append(items)); });
    }
    connect(m_loader.get(), &Models::ListLoader::progress, this, &ExportCommand::showProgress);
    connect(m_loader.get(), &Models::ListLoader::failed, this, [this](const GitHub::Error &error) {
        showProgress(-1, 0);
        Q_EMIT finished(m_context.report(error));
    });
    connect(m_loader.get(), &Models::ListLoader::finished, this, [this] {
        showProgress(-1, 0);
        write();
    });
    if (m_request.format == u"json"_s) {
        m_loader->loadPages(&m_context.client(), url, m_context.requestOptions(true));
    } else {
        m_loader->load(&m_context.client(), m_kind, url, m_context.requestOptions(true));
    }
}

void ExportCommand::showProgress(int done, int total)
{
    m_context.showProgress(done < 0    ? QString()
                           : total > 0 ? tr("page %1 of %2").arg(done).arg(total)
                                       : tr("page %1").arg(done));
}

bool ExportCommand::openJsonOutput()
{
    if (m_request.outputPath.isEmpty()) {
        m_jsonSpool = std::make_unique<Export::SpooledOutput>();
        if (!m_jsonSpool->open()) {
            Q_EMIT finished(m_context.fail(ExitFailure, m_jsonSpool->errorString()));
            return false;
        }
        return true;
    }
    m_jsonFile = std::make_unique<Export::StagedFile>(m_request.outputPath);
    if (!m_jsonFile->open()) {
        Q_EMIT finished(m_context.fail(ExitFailure, m_jsonFile->errorString()));
        return false;
    }
    return true;
}

bool ExportCommand::writeJson(const QByteArray &bytes)
{
    if (m_jsonFailed) {
        return false;
    }
    if (bytes.isEmpty()) {
        return true;
    }
    const bool written = m_jsonFile ? m_jsonFile->write(bytes) : m_jsonSpool->write(bytes);
    if (!written) {
        m_jsonFailed = true;
        m_loader->stop(); // nothing more to ask for what cannot be written
        Q_EMIT finished(
            m_context.fail(ExitFailure, m_jsonFile ? m_jsonFile->errorString() : m_jsonSpool->errorString()));
    }
    return written;
}

void ExportCommand::write()
{
    if (m_request.format == u"json"_s) {
        if (!writeJson(m_json.end())) {
            return;
        }
        if (m_jsonSpool) {
            Q_EMIT finished(m_context.writeSpooled(*m_jsonSpool));
            return;
        }
        Q_EMIT finished(m_jsonFile->commit() ? ExitOk
                                             : m_context.fail(ExitFailure, m_jsonFile->errorString()));
        return;
    }
    Export::CsvOptions options;
    options.byteOrderMark = m_request.byteOrderMark;
    options.formulaGuard = m_request.formulaGuard;
    if (m_request.outputPath.isEmpty()) {
        Q_EMIT finished(m_context.writeData(
            Export::modelToCsv(*m_loader->model(), Models::ExportRole, m_columns, options)));
        return;
    }
    QString error;
    const bool saved = Export::saveCsv(*m_loader->model(), Models::ExportRole, m_columns, options,
                                       m_request.outputPath, &error);
    Q_EMIT finished(saved ? ExitOk : m_context.fail(ExitFailure, error));
}

} // namespace Hubshelf::Cli

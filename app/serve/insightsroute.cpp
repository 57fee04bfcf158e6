#include "serve/insightsroute.h"

#include "github/names.h"
#include "insights/insightstables.h"
#include "insights/ownerinsights.h"
#include "serve/errorresponse.h"

#include <QUrl>

using namespace Qt::StringLiterals;

namespace Hubshelf::Serve {

InsightsRoute::InsightsRoute(GitHub::Client *client, QObject *parent)
    : QObject(parent)
    , m_client(client)
{}

bool InsightsRoute::matches(const HttpRequest &request)
{
    return QUrl::fromEncoded(request.target).path(QUrl::FullyDecoded).startsWith(Prefix);
}

void InsightsRoute::handle(const HttpRequest &request, const HttpServer::Respond &respond)
{
    if (request.method != "GET" && request.method != "HEAD") {
        HttpResponse refused = HttpResponse::error(405, u"only GET and HEAD are served here"_s);
        refused.setHeader("Allow", "GET, HEAD");
        respond(refused);
        return;
    }
    const QString user = QUrl::fromEncoded(request.target).path(QUrl::FullyDecoded).mid(Prefix.size());
    if (!GitHub::isValidLogin(user)) {
        respond(HttpResponse::error(400, u"'%1' is not a valid GitHub login"_s.arg(user.left(100))));
        return;
    }
    Insights::OwnerInsights::Options options;
    options.request.authorization = request.header("authorization");
    options.request.waitForRateLimit = false; // a spent limit is GitHub's 429, not a held connection
    auto *insights = new Insights::OwnerInsights(m_client, user, options, this);
    connect(insights, &Insights::OwnerInsights::finished, this, [insights, respond] {
        const Insights::OwnerInsightsResult &result = insights->result();
        HttpResponse answer;
        answer.setHeader("Content-Type", "application/json; charset=utf-8");
        answer.body = Insights::Tables::contributorsJson(result.contributors.months(), true);
        if (!result.isComplete()) {
            answer.setHeader("Hubshelf-Incomplete",
                             QByteArray::number(result.stillComputing.size() + result.unreadable.size()) +
                                 " repositories left out");
        }
        respond(answer);
        insights->deleteLater();
    });
    connect(insights, &Insights::OwnerInsights::failed, this,
            [insights, respond, user](const GitHub::Error &error) {
                respond(errorResponseFor(error, user));
                insights->deleteLater();
            });
    insights->start();
}

} // namespace Hubshelf::Serve

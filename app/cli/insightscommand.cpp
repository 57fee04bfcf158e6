#include "cli/insightscommand.h"

#include "cli/clicontext.h"
#include "cli/commandline.h"
#include "core/printable.h"
#include "github/names.h"
#include "insights/contributorhistory.h"
#include "insights/insightstables.h"
#include "insights/ownerinsights.h"

#include <QCoreApplication>

using namespace Qt::StringLiterals;

namespace Hubshelf::Cli {

namespace {

struct InsightsCommand
{
    Q_DECLARE_TR_FUNCTIONS(Hubshelf::Cli::InsightsCommand)
};

} // namespace

QString InsightsRequest::problem() const
{
    if (what != u"contributors"_s && what != u"languages"_s) {
        return InsightsCommand::tr("'%1' is not an insight: use contributors or languages.")
            .arg(Core::printable(what));
    }
    if (!GitHub::isValidLogin(owner)) {
        return InsightsCommand::tr("'%1' is not a valid GitHub login.").arg(Core::printable(owner));
    }
    if (format != u"csv"_s && format != u"json"_s) {
        return InsightsCommand::tr("--format takes csv or json.");
    }
    for (const QString &month : {since, until}) {
        if (!month.isEmpty() && !Insights::ContributorHistory::isMonth(month)) {
            return InsightsCommand::tr("--since and --until take a month as YYYY-MM, e.g. 2019-03.");
        }
    }
    if (!since.isEmpty() && !until.isEmpty() && since > until) {
        return InsightsCommand::tr("--since %1 comes after --until %2.").arg(since, until);
    }
    if (what == u"languages"_s && (!since.isEmpty() || !until.isEmpty())) {
        return InsightsCommand::tr("--since and --until apply to contributors only.");
    }
    return {};
}

void runInsights(CliContext &context, const InsightsRequest &request, const Done &done)
{
    Insights::OwnerInsights::Options options;
    options.includeForks = request.includeForks;
    options.request = context.requestOptions();
    auto *insights = new Insights::OwnerInsights(&context.client(), request.owner, options, &context);
    QObject::connect(
        insights, &Insights::OwnerInsights::listing, &context, [&context](int finished, int total) {
            context.showProgress(
                total > 0
                    ? InsightsCommand::tr("listing repositories: page %1 of %2").arg(finished).arg(total)
                    : InsightsCommand::tr("listing repositories: page %1").arg(finished));
        });
    QObject::connect(
        insights, &Insights::OwnerInsights::computing, &context, [&context](int finished, int total) {
            context.showProgress(
                InsightsCommand::tr("computing statistics: %1 of %n repositories", nullptr, total)
                    .arg(finished));
        });
    QObject::connect(insights, &Insights::OwnerInsights::warning, &context, &CliContext::warn);
    QObject::connect(insights, &Insights::OwnerInsights::failed, &context,
                     [&context, done](const GitHub::Error &error) { done(context.report(error)); });
    QObject::connect(
        insights, &Insights::OwnerInsights::finished, &context, [&context, insights, request, done] {
            context.showProgress({});
            const Insights::OwnerInsightsResult &result = insights->result();
            const bool json = request.format == u"json"_s;
            QByteArray bytes;
            if (request.what == u"languages"_s) {
                const QList<Insights::LanguageShare> shares = result.languages.shares();
                bytes =
                    json ? Insights::Tables::languagesJson(shares) : Insights::Tables::languagesCsv(shares);
            } else {
                const QList<Insights::MonthOfNewcomers> months =
                    result.contributors.months(request.since, request.until);
                bytes = json ? Insights::Tables::contributorsJson(months)
                             : Insights::Tables::contributorsCsv(months);
            }
            const int written = context.writeData(bytes);
            if (written != ExitOk) {
                done(written);
            } else if (!result.isComplete()) {
                // The numbers are printed, and said to be incomplete: a script sees it in the exit code.
                done(context.fail(
                    ExitNetwork,
                    InsightsCommand::tr("the insights are incomplete: %n repositories left out.", nullptr,
                                        int(result.stillComputing.size() + result.unreadable.size()))));
            } else {
                done(ExitOk);
            }
        });
    insights->start();
}

} // namespace Hubshelf::Cli

#include "insights/contributorhistory.h"

#include "github/names.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonObject>
#include <QRegularExpression>

#include <algorithm>
#include <cmath>

using namespace Qt::StringLiterals;

namespace Hubshelf::Insights {

namespace {

// Weeks outside 1970 … 2099 are not GitHub's: the answer is not taken.
constexpr qint64 LatestWeek = 4102444800; // 2100-01-01T00:00:00Z
// A commit count beyond this is not a count (JSON numbers are doubles).
constexpr double MostCommits = 1e12;

bool isCount(const QJsonValue &value, double most)
{
    const double number = value.toDouble(-1);
    return value.isDouble() && number >= 0 && number <= most && std::floor(number) == number;
}

QDate firstDayOf(qint64 unixSeconds)
{
    const QDate day = QDateTime::fromSecsSinceEpoch(unixSeconds, Qt::UTC).date();
    return QDate(day.year(), day.month(), 1);
}

} // namespace

QString monthOf(qint64 unixSeconds)
{
    return firstDayOf(unixSeconds).toString(u"yyyy-MM"_s);
}

bool ContributorHistory::isMonth(const QString &text)
{
    static const QRegularExpression month(u"^[0-9]{4}-(0[1-9]|1[0-2])$"_s);
    return month.match(text).hasMatch();
}

bool ContributorHistory::add(const QJsonArray &stats)
{
    struct Found
    {
        QString login; // empty: no author
        qint64 firstWeek = -1;
        qint64 lastWeek = -1;
        qint64 commits = 0;
    };
    QList<Found> found;
    found.reserve(stats.size());
    for (const QJsonValue &entry : stats) {
        if (!entry.isObject() || !entry[u"weeks"_s].isArray()) {
            return false;
        }
        Found contributor;
        if (const QJsonValue author = entry[u"author"_s]; author.isObject()) {
            const QString login = author[u"login"_s].toString();
            if (GitHub::isValidLogin(login)) {
                contributor.login = login;
            }
        } else if (!author.isNull()) {
            return false;
        }
        const QJsonArray weeks = entry[u"weeks"_s].toArray();
        for (const QJsonValue &week : weeks) {
            if (!week.isObject() || !isCount(week[u"w"_s], double(LatestWeek)) ||
                !isCount(week[u"c"_s], MostCommits)) {
                return false;
            }
            const auto commits = qint64(week[u"c"_s].toDouble());
            if (commits == 0) {
                continue;
            }
            const auto start = qint64(week[u"w"_s].toDouble());
            contributor.firstWeek =
                contributor.firstWeek < 0 ? start : std::min(contributor.firstWeek, start);
            contributor.lastWeek = std::max(contributor.lastWeek, start);
            contributor.commits += commits;
        }
        found.append(contributor);
    }
    for (const Found &contributor : std::as_const(found)) {
        if (contributor.firstWeek < 0) {
            continue; // no commit in any week: GitHub lists such entries (empty commits)
        }
        m_lastWeek = std::max(m_lastWeek, contributor.lastWeek);
        if (contributor.login.isEmpty()) {
            m_unattributedCommits += contributor.commits;
            continue;
        }
        const QString key = contributor.login.toLower();
        const auto known = m_firstWeeks.find(key);
        if (known == m_firstWeeks.end()) {
            m_firstWeeks.insert(key, {contributor.login, contributor.firstWeek});
        } else {
            known->firstWeek = std::min(known->firstWeek, contributor.firstWeek);
        }
    }
    return true;
}

QList<MonthOfNewcomers> ContributorHistory::months(const QString &since, const QString &until) const
{
    if (m_firstWeeks.isEmpty()) {
        return {};
    }
    QHash<QString, QStringList> newcomersByMonth;
    qint64 firstWeek = m_lastWeek;
    for (const Contributor &contributor : m_firstWeeks) {
        newcomersByMonth[monthOf(contributor.firstWeek)].append(contributor.login);
        firstWeek = std::min(firstWeek, contributor.firstWeek);
    }
    QList<MonthOfNewcomers> series;
    int total = 0;
    const QDate last = firstDayOf(m_lastWeek);
    for (QDate day = firstDayOf(firstWeek); day <= last; day = day.addMonths(1)) {
        MonthOfNewcomers month;
        month.month = day.toString(u"yyyy-MM"_s);
        month.newcomers = newcomersByMonth.value(month.month);
        std::sort(month.newcomers.begin(), month.newcomers.end(),
                  [](const QString &a, const QString &b) { return a.compare(b, Qt::CaseInsensitive) < 0; });
        month.newContributors = int(month.newcomers.size());
        total += month.newContributors;
        month.totalContributors = total;
        if ((since.isEmpty() || month.month >= since) && (until.isEmpty() || month.month <= until)) {
            series.append(month);
        }
    }
    return series;
}

} // namespace Hubshelf::Insights

#pragma once

#include <QHash>
#include <QList>
#include <QString>
#include <QStringList>

class QJsonArray;

namespace Hubshelf::Insights {

// "2019-03": the UTC month of a Unix time in seconds.
QString monthOf(qint64 unixSeconds);

// One month of the series: how many contributors made their first commit then, and who.
struct MonthOfNewcomers
{
    QString month;             // YYYY-MM
    int newContributors = 0;   // first commit (over every repository) in this month
    int totalContributors = 0; // running total, counted from the owner's first month
    QStringList newcomers;     // their logins, sorted without case
};

// Who joins an owner's projects, month by month, from GitHub's /stats/contributors answers of its
// repositories. A contributor is a login (GitHub's logins are case-insensitive: counted once),
// joining at the earliest week with commits over every repository; a week belongs to the month in
// which it starts (GitHub's weeks start on Sunday, 00:00 UTC). Commits without an author (a null
// `author`, or one without a valid login) are counted apart, not as contributors.
class ContributorHistory final
{
public:
    // One repository's answer: an array of {author, total, weeks: [{w, a, d, c}]}. False, with
    // nothing taken, when it is not that shape.
    bool add(const QJsonArray &stats);

    int contributorCount() const { return int(m_firstWeeks.size()); }
    qint64 unattributedCommits() const { return m_unattributedCommits; }
    bool isEmpty() const { return m_firstWeeks.isEmpty(); }

    // Every month from the first contributor's first month to the last month with any commit,
    // months without newcomers included. `since` and `until` (YYYY-MM, empty for open) cut the
    // series; the running total still counts everyone who came before `since`.
    QList<MonthOfNewcomers> months(const QString &since = {}, const QString &until = {}) const;

    // A month as YYYY-MM, the form --since and --until take.
    static bool isMonth(const QString &text);

private:
    struct Contributor
    {
        QString login; // as GitHub first spelled it
        qint64 firstWeek = 0;
    };

    QHash<QString, Contributor> m_firstWeeks; // by lowercase login
    qint64 m_lastWeek = -1;                   // the latest week with a commit, by anyone
    qint64 m_unattributedCommits = 0;
};

} // namespace Hubshelf::Insights

#pragma once

#include "github/error.h"
#include "github/request.h"
#include "insights/contributorhistory.h"
#include "insights/languagetotals.h"

#include <QList>
#include <QObject>
#include <QPointer>
#include <QStringList>

namespace Hubshelf::GitHub {
class Client;
class PageStream;
} // namespace Hubshelf::GitHub

namespace Hubshelf::Insights {

// What one pass over an owner's repositories found.
struct OwnerInsightsResult
{
    QString owner;
    ContributorHistory contributors;
    LanguageTotals languages;
    int repositories = 0; // those counted: forks only when asked for
    qint64 stars = 0;
    qint64 forks = 0;
    // Left out: GitHub still computing after the last try, or an answer that was not statistics.
    QStringList stillComputing;
    QStringList unreadable;

    bool isComplete() const { return stillComputing.isEmpty() && unreadable.isEmpty(); }
};

// Monthly new contributors, languages and totals of a user's or an organization's repositories,
// through the Client (and so its cache: a second pass costs no points). Every page of the owner's
// repositories; then for each (forks only when asked) /stats/contributors and /languages.
// GitHub computes statistics in the background: a 202 is asked again after 1, 2, 4 … s, at most
// Options::maxTries times; a repository still at 202 after that is left out and named. A 204
// (an empty repository) has no contributors.
class OwnerInsights final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(OwnerInsights)

public:
    // 1 s; HUBSHELF_STATISTICS_RETRY_MS (1 … 60000) sets another, for tests that meet many 202s.
    static int defaultFirstRetryMs();

    struct Options
    {
        bool includeForks = false;
        GitHub::RequestOptions request;
        int maxTries = 6;                         // of a 202: 1 + 2 + 4 + 8 + 16 s of waiting at most
        int firstRetryMs = defaultFirstRetryMs(); // doubled after each 202
    };
    // `owner` must be a valid login (names.h).
    OwnerInsights(GitHub::Client *client, const QString &owner, const Options &options,
                  QObject *parent = nullptr);
    ~OwnerInsights() override;

    void start();
    // Abandons what is under way; emits failed() with Error::Kind::Cancelled.
    void cancel();

    const OwnerInsightsResult &result() const { return m_result; }

Q_SIGNALS:
    // While the repositories are listed (pages), then while their statistics come in. `total` is 0
    // while not known.
    void listing(int pagesDone, int pageCount);
    void computing(int repositoriesDone, int repositoryCount);
    // A repository left out, in one sentence.
    void warning(const QString &sentence);
    void finished();
    void failed(const Hubshelf::GitHub::Error &error);

private:
    struct Repository
    {
        QString owner;
        QString name;
        int tries = 0;      // of its statistics
        int unanswered = 2; // its statistics and its languages
        QString fullName() const { return owner + u'/' + name; }
    };

    void listRepositories(bool organization);
    void takeRepositories(const QJsonArray &items);
    void askStatistics(int index);
    void askLanguages(int index);
    void onStatistics(int index, const GitHub::Response &response);
    void onLanguages(int index, const GitHub::Response &response);
    // A failure of one repository's request: a repository-level answer (404, 403, 422) leaves it
    // out; anything else (the limit, the token, the network) ends the pass.
    void onRepositoryFailure(int index, const GitHub::Error &error);
    // Names the repository in `list` (once, whatever the reason) and tells why.
    void leaveOut(int index, QStringList &list, const QString &why);
    // One of its two questions has its final answer.
    void answered(int index);
    void finishIfDone();
    void fail(const GitHub::Error &error);
    GitHub::Request *ask(const QString &encodedPath);

    QPointer<GitHub::Client> m_client;
    Options m_options;
    OwnerInsightsResult m_result;
    QList<Repository> m_repositories;
    QList<QPointer<GitHub::Request>> m_requests;
    QPointer<GitHub::PageStream> m_stream;
    int m_done = 0;
    bool m_listed = false;
    bool m_running = false;
};

} // namespace Hubshelf::Insights

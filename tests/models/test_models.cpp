#include "github/memberselection.h"
#include "models/columns.h"
#include "models/githublistmodel.h"
#include "models/roles.h"
#include "world.h"

#include <QAbstractItemModelTester>
#include <QDateTime>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLocale>
#include <QRegularExpression>
#include <QSet>
#include <QSignalSpy>
#include <QSortFilterProxyModel>
#include <QTest>
#include <QUrlQuery>

using namespace Qt::StringLiterals;
using namespace Hubshelf::Models;

Q_DECLARE_METATYPE(Hubshelf::Models::ListKind)
Q_DECLARE_METATYPE(Hubshelf::Models::ColumnType)

namespace {

// A model that QAbstractItemModelTester watches for as long as it lives.
struct TestedModel
{
    explicit TestedModel(ListKind kind)
        : model(kind)
        , tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest)
    {}
    Q_DISABLE_COPY_MOVE(TestedModel)

    GitHubListModel model;
    QAbstractItemModelTester tester;
};

// A sorting and filtering proxy over a model, watched by its own tester.
struct TestedProxy
{
    explicit TestedProxy(QAbstractItemModel *source)
        : tester(&proxy, QAbstractItemModelTester::FailureReportingMode::QtTest)
    {
        proxy.setSourceModel(source);
        proxy.setSortRole(SortRole);
    }
    Q_DISABLE_COPY_MOVE(TestedProxy)

    QSortFilterProxyModel proxy;
    QAbstractItemModelTester tester;
};

QStringList exportedRow(const QAbstractItemModel &model, int row)
{
    QStringList texts;
    for (int column = 0; column < model.columnCount(); ++column) {
        texts.append(model.index(row, column).data(ExportRole).toString());
    }
    return texts;
}

QStringList exportedColumn(const QAbstractItemModel &model, int column)
{
    QStringList texts;
    for (int row = 0; row < model.rowCount(); ++row) {
        texts.append(model.index(row, column).data(ExportRole).toString());
    }
    return texts;
}

QStringList headerNames(const QAbstractItemModel &model)
{
    QStringList names;
    for (int section = 0; section < model.columnCount(); ++section) {
        names.append(model.headerData(section, Qt::Horizontal, ExportRole).toString());
    }
    return names;
}

QStringList designColumns(ListKind kind)
{
    // The design's CSV headers ("Models" in design.md), copied by hand on purpose.
    switch (kind) {
    case ListKind::Gists:
        return {u"id"_s,        u"description"_s, u"public"_s,     u"files"_s,      u"file_count"_s,
                u"languages"_s, u"comments"_s,    u"created_at"_s, u"updated_at"_s, u"html_url"_s};
    case ListKind::Repositories:
        return {u"full_name"_s,         u"description"_s,    u"private"_s,          u"fork"_s,
                u"archived"_s,          u"language"_s,       u"stargazers_count"_s, u"forks_count"_s,
                u"open_issues_count"_s, u"default_branch"_s, u"created_at"_s,       u"updated_at"_s,
                u"pushed_at"_s,         u"html_url"_s};
    case ListKind::PullRequests:
        return {u"number"_s, u"title"_s,      u"state"_s,      u"draft"_s,     u"user"_s,
                u"labels"_s, u"created_at"_s, u"updated_at"_s, u"closed_at"_s, u"merged_at"_s,
                u"head"_s,   u"base"_s,       u"html_url"_s};
    case ListKind::Organizations:
        return {u"login"_s, u"id"_s, u"description"_s, u"url"_s};
    case ListKind::Users:
        return {u"login"_s, u"id"_s, u"type"_s, u"site_admin"_s, u"html_url"_s};
    case ListKind::Revisions: // not in the design, which predates them: GitHub's gist-commit
        return {u"version"_s, u"committed_at"_s, u"user"_s, u"additions"_s, u"deletions"_s, u"url"_s};
    }
    return {};
}

const QList<ListKind> AllKinds = {ListKind::Gists,         ListKind::Repositories, ListKind::PullRequests,
                                  ListKind::Organizations, ListKind::Users,        ListKind::Revisions};

} // namespace

class TestModels : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();

    // Column specs
    void columnsOfEachKind_matchTheDesignsCsvHeadersInOrder_data();
    void columnsOfEachKind_matchTheDesignsCsvHeadersInOrder();
    void columnTypes_followWhatTheFieldHolds();
    void columnTitles_areHumanWords_data();
    void columnTitles_areHumanWords();
    void listKindName_isTheCommandLinesWord_data();
    void listKindName_isTheCommandLinesWord();
    void exportText_formatsEachType_data();
    void exportText_formatsEachType();

    // Values from real objects
    void repository_helloWorldFromTheFake_givesEveryColumn();
    void repository_githubsListExample_givesEveryColumnWithNullLanguageEmpty();
    void pull_githubsExample_givesAuthorLabelsAndBranchLabels();
    void pulls_fromTheFake_joinLabelNamesWithSemicolons();
    void pullState_mergedIsAClosedOneWithMergedAt_data();
    void pullState_mergedIsAClosedOneWithMergedAt();
    void gist_withTwoFiles_joinsFilesAndLanguagesAndCountsThem();
    void gist_githubsExample_givesEveryColumn();
    void gist_whoseFilesHaveNoLanguage_hasEmptyLanguages();
    void organization_fromExampleAndFake_givesEveryColumn();
    void users_followersMembersAndFollowing_giveEveryColumn();
    void nullOrMissingFields_giveEmptyTextAndNoSortValue_data();
    void nullOrMissingFields_giveEmptyTextAndNoSortValue();
    void timestamps_roundTripGitHubsTextExactly();
    void valuesWithoutAFaithfulText_giveNoValue_data();
    void valuesWithoutAFaithfulText_giveNoValue();

    // The model
    void appendItems_signalsRowsInsertedOncePerPageWithItsRange();
    void appendItems_emptyPageOrNonObjects_insertNothing();
    void clear_resetsOnceAndTheModelFillsAgainFromRowZero();
    void everyCell_knowsItsRowsHtmlUrlAndId();
    void columnsOutsideTheSpec_areNotReachable();
    void memberPaths_holdEverythingTheRowsRead_data();
    void memberPaths_holdEverythingTheRowsRead();
    void headerData_givesTitleOnScreenAndCsvNameForExport();
    void display_showsBooleansAsWordsCountsGroupedAndTimesInTheLocale();
    void gistTable_readsOnOneLineWithItsFilesAndAStandInForNoDescription();
    void longTextGetsToolTip_integersAlignRight();
    void prolificGists_loadInThreePagesWithTrickyDescriptionsIntact();

    // Proxy
    void proxySort_byStarsIsNumeric();
    void proxySort_byDateIsChronological();
    void proxySort_booleansFalseFirst();
    void proxySort_nullsLastAscendingFirstDescending();
    void proxyFilter_keepsMatchingRowsWhilePagesArrive();

private:
    QByteArray fakeBody(const QString &path, const QString &query) const;
    QJsonArray fakePage(const QString &path, const QString &query, const QString &viewer = {}) const;
    QJsonObject fakeObject(const QString &path) const;
    static QJsonArray example(const QString &file);

    FakeGitHub::World m_world; // also registers the fake's resources, GitHub's examples among them
};

void TestModels::initTestCase()
{
    QVERIFY2(m_world.isValid(), qPrintable(m_world.errorString()));
}

QJsonArray TestModels::fakePage(const QString &path, const QString &query, const QString &viewer) const
{
    const FakeGitHub::Answer answer = m_world.api(path, QUrlQuery(query), viewer);
    if (answer.status != 200) {
        qWarning() << "the fake answered" << answer.status << "for" << path;
        return {};
    }
    return QJsonDocument::fromJson(answer.body).array();
}

QByteArray TestModels::fakeBody(const QString &path, const QString &query) const
{
    return m_world.api(path, QUrlQuery(query), QString()).body;
}

QJsonObject TestModels::fakeObject(const QString &path) const
{
    return QJsonDocument::fromJson(m_world.api(path, QUrlQuery(), QString()).body).object();
}

QJsonArray TestModels::example(const QString &file)
{
    QFile source(u":/fakegithub/"_s + file);
    if (!source.open(QIODevice::ReadOnly)) {
        qWarning() << "cannot read" << source.fileName();
        return {};
    }
    const QJsonDocument document = QJsonDocument::fromJson(source.readAll());
    return document.isArray() ? document.array() : QJsonArray{document.object()};
}

// ---- Column specs

void TestModels::columnsOfEachKind_matchTheDesignsCsvHeadersInOrder_data()
{
    QTest::addColumn<ListKind>("kind");
    for (const ListKind kind : AllKinds) {
        QTest::newRow(qPrintable(listKindName(kind))) << kind;
    }
}

void TestModels::columnsOfEachKind_matchTheDesignsCsvHeadersInOrder()
{
    QFETCH(ListKind, kind);
    QStringList names;
    for (const Column &column : columnsOf(kind)) {
        names.append(column.name);
        QVERIFY2(!column.title.isEmpty(), qPrintable(column.name));
        QVERIFY2(bool(column.value), qPrintable(column.name));
    }
    QCOMPARE(names, designColumns(kind));

    TestedModel tested(kind);
    QCOMPARE(tested.model.columnCount(), designColumns(kind).size());
    QCOMPARE(headerNames(tested.model), designColumns(kind));
    for (int section = 0; section < names.size(); ++section) {
        QCOMPARE(tested.model.columnNamed(names.at(section)), section);
    }
}

void TestModels::columnTypes_followWhatTheFieldHolds()
{
    const QSet<QString> integers = {u"file_count"_s,  u"comments"_s,          u"stargazers_count"_s,
                                    u"forks_count"_s, u"open_issues_count"_s, u"number"_s,
                                    u"additions"_s,   u"deletions"_s};
    const QSet<QString> booleans = {u"public"_s,   u"private"_s, u"fork"_s,
                                    u"archived"_s, u"draft"_s,   u"site_admin"_s};
    const QSet<QString> lists = {u"files"_s, u"languages"_s, u"labels"_s};
    for (const ListKind kind : AllKinds) {
        for (const Column &column : columnsOf(kind)) {
            ColumnType expected = ColumnType::Text;
            if (integers.contains(column.name) || (column.name == u"id"_s && kind != ListKind::Gists)) {
                expected = ColumnType::Integer;
            } else if (booleans.contains(column.name)) {
                expected = ColumnType::Boolean;
            } else if (lists.contains(column.name)) {
                expected = ColumnType::TextList;
            } else if (column.name.endsWith(u"_at"_s)) {
                expected = ColumnType::DateTime;
            }
            QVERIFY2(column.type == expected, qPrintable(QString(listKindName(kind) + u'.' + column.name)));
        }
    }
}

void TestModels::columnTitles_areHumanWords_data()
{
    QTest::addColumn<ListKind>("kind");
    QTest::addColumn<QString>("name");
    QTest::addColumn<QString>("title");
    QTest::newRow("stars") << ListKind::Repositories << u"stargazers_count"_s << u"Stars"_s;
    QTest::newRow("forks") << ListKind::Repositories << u"forks_count"_s << u"Forks"_s;
    QTest::newRow("open issues") << ListKind::Repositories << u"open_issues_count"_s << u"Open issues"_s;
    QTest::newRow("pushed") << ListKind::Repositories << u"pushed_at"_s << u"Pushed"_s;
    QTest::newRow("created") << ListKind::Gists << u"created_at"_s << u"Created"_s;
    QTest::newRow("file count") << ListKind::Gists << u"file_count"_s << u"File count"_s;
    QTest::newRow("author") << ListKind::PullRequests << u"user"_s << u"Author"_s;
    QTest::newRow("merged") << ListKind::PullRequests << u"merged_at"_s << u"Merged"_s;
    QTest::newRow("site admin") << ListKind::Users << u"site_admin"_s << u"Site admin"_s;
}

void TestModels::columnTitles_areHumanWords()
{
    QFETCH(ListKind, kind);
    QFETCH(QString, name);
    QFETCH(QString, title);
    TestedModel tested(kind);
    const int section = tested.model.columnNamed(name);
    QVERIFY(section >= 0);
    QCOMPARE(tested.model.headerData(section, Qt::Horizontal, Qt::DisplayRole).toString(), title);
}

void TestModels::listKindName_isTheCommandLinesWord_data()
{
    QTest::addColumn<ListKind>("kind");
    QTest::addColumn<QString>("name");
    QTest::newRow("gists") << ListKind::Gists << u"gists"_s;
    QTest::newRow("repos") << ListKind::Repositories << u"repos"_s;
    QTest::newRow("pulls") << ListKind::PullRequests << u"pulls"_s;
    QTest::newRow("orgs") << ListKind::Organizations << u"orgs"_s;
    QTest::newRow("users") << ListKind::Users << u"users"_s;
}

void TestModels::listKindName_isTheCommandLinesWord()
{
    QFETCH(ListKind, kind);
    QFETCH(QString, name);
    QCOMPARE(listKindName(kind), name);
}

void TestModels::exportText_formatsEachType_data()
{
    QTest::addColumn<QVariant>("value");
    QTest::addColumn<ColumnType>("type");
    QTest::addColumn<QString>("text");

    const QDateTime utc(QDate(2011, 1, 26), QTime(19, 1, 12), Qt::UTC);
    QTest::newRow("null text") << QVariant() << ColumnType::Text << QString();
    QTest::newRow("null integer") << QVariant() << ColumnType::Integer << QString();
    QTest::newRow("null boolean") << QVariant() << ColumnType::Boolean << QString();
    QTest::newRow("null timestamp") << QVariant() << ColumnType::DateTime << QString();
    QTest::newRow("null list") << QVariant() << ColumnType::TextList << QString();
    QTest::newRow("text kept as is") << QVariant(u"a, \"b\"\r\nc"_s) << ColumnType::Text
                                     << u"a, \"b\"\r\nc"_s;
    QTest::newRow("zero") << QVariant(qint64(0)) << ColumnType::Integer << u"0"_s;
    QTest::newRow("past 32 bits") << QVariant(qint64(129629700001347)) << ColumnType::Integer
                                  << u"129629700001347"_s;
    QTest::newRow("true") << QVariant(true) << ColumnType::Boolean << u"true"_s;
    QTest::newRow("false") << QVariant(false) << ColumnType::Boolean << u"false"_s;
    QTest::newRow("utc timestamp") << QVariant(utc) << ColumnType::DateTime << u"2011-01-26T19:01:12Z"_s;
    QTest::newRow("offset timestamp in utc")
        << QVariant(QDateTime(QDate(2011, 1, 26), QTime(21, 1, 12), Qt::OffsetFromUTC, 2 * 3600))
        << ColumnType::DateTime << u"2011-01-26T19:01:12Z"_s;
    // Written by hand, digit by digit: the ends of four-digit years, and milliseconds left out.
    QTest::newRow("first year") << QVariant(QDateTime(QDate(1, 1, 1), QTime(0, 0), Qt::UTC))
                                << ColumnType::DateTime << u"0001-01-01T00:00:00Z"_s;
    QTest::newRow("last second of 9999")
        << QVariant(QDateTime(QDate(9999, 12, 31), QTime(23, 59, 59, 999), Qt::UTC)) << ColumnType::DateTime
        << u"9999-12-31T23:59:59Z"_s;
    QTest::newRow("invalid timestamp") << QVariant(QDateTime()) << ColumnType::DateTime << QString();
    QTest::newRow("list") << QVariant(QStringList{u"bug"_s, u"good first issue"_s}) << ColumnType::TextList
                          << u"bug;good first issue"_s;
    QTest::newRow("one item") << QVariant(QStringList{u"README.md"_s}) << ColumnType::TextList
                              << u"README.md"_s;
    QTest::newRow("empty list") << QVariant(QStringList()) << ColumnType::TextList << QString();
}

void TestModels::exportText_formatsEachType()
{
    QFETCH(QVariant, value);
    QFETCH(ColumnType, type);
    QFETCH(QString, text);
    QCOMPARE(exportText(value, type), text);
}

// ---- Values from real objects

void TestModels::repository_helloWorldFromTheFake_givesEveryColumn()
{
    TestedModel tested(ListKind::Repositories);
    tested.model.appendItems({fakeObject(u"/repos/octocat/Hello-World"_s)});
    QCOMPARE(tested.model.rowCount(), 1);
    const QStringList expected = {u"octocat/Hello-World"_s,
                                  u"This your first repo!"_s,
                                  u"false"_s,
                                  u"false"_s,
                                  u"false"_s,
                                  u"C"_s,
                                  u"80"_s,
                                  u"9"_s,
                                  u"0"_s,
                                  u"master"_s,
                                  u"2011-01-26T19:01:12Z"_s,
                                  u"2011-01-26T19:14:43Z"_s,
                                  u"2011-01-26T19:06:43Z"_s,
                                  u"https://github.com/octocat/Hello-World"_s};
    QCOMPARE(exportedRow(tested.model, 0), expected);

    const int stars = tested.model.columnNamed(u"stargazers_count"_s);
    const QVariant sortValue = tested.model.index(0, stars).data(SortRole);
    QCOMPARE(sortValue.metaType(), QMetaType::fromType<qint64>());
    QCOMPARE(sortValue.toLongLong(), 80);
    const int created = tested.model.columnNamed(u"created_at"_s);
    QCOMPARE(tested.model.index(0, created).data(SortRole).toDateTime(),
             QDateTime(QDate(2011, 1, 26), QTime(19, 1, 12), Qt::UTC));
    QCOMPARE(tested.model.index(0, tested.model.columnNamed(u"private"_s)).data(SortRole), QVariant(false));
}

void TestModels::repository_githubsListExample_givesEveryColumnWithNullLanguageEmpty()
{
    TestedModel tested(ListKind::Repositories);
    tested.model.appendItems(example(u"repos-list-for-org.json"_s));
    QCOMPARE(tested.model.rowCount(), 1);
    const QStringList expected = {u"octocat/Hello-World"_s,
                                  u"This your first repo!"_s,
                                  u"false"_s,
                                  u"false"_s,
                                  u"false"_s,
                                  QString(), // "language": null in GitHub's example
                                  u"80"_s,
                                  u"9"_s,
                                  u"0"_s,
                                  u"master"_s,
                                  u"2011-01-26T19:01:12Z"_s,
                                  u"2011-01-26T19:14:43Z"_s,
                                  u"2011-01-26T19:06:43Z"_s,
                                  u"https://github.com/octocat/Hello-World"_s};
    QCOMPARE(exportedRow(tested.model, 0), expected);
    QVERIFY(!tested.model.index(0, tested.model.columnNamed(u"language"_s)).data(SortRole).isValid());
}

void TestModels::pull_githubsExample_givesAuthorLabelsAndBranchLabels()
{
    TestedModel tested(ListKind::PullRequests);
    tested.model.appendItems(example(u"pulls-list.json"_s));
    QCOMPARE(tested.model.rowCount(), 1);
    const QString when = u"2011-01-26T19:01:12Z"_s;
    const QStringList expected = {u"1347"_s,
                                  u"Amazing new feature"_s,
                                  u"open"_s,
                                  u"false"_s,
                                  u"octocat"_s,
                                  u"bug"_s,
                                  when,
                                  when,
                                  when,
                                  when,
                                  u"octocat:new-topic"_s,
                                  u"octocat:master"_s,
                                  u"https://github.com/octocat/Hello-World/pull/1347"_s};
    QCOMPARE(exportedRow(tested.model, 0), expected);
    // The row's id is GitHub's id of the pull request, not its number.
    QCOMPARE(tested.model.index(0, 0).data(IdRole), QVariant(qint64(1)));
}

void TestModels::pulls_fromTheFake_joinLabelNamesWithSemicolons()
{
    TestedModel tested(ListKind::PullRequests);
    const QJsonArray pulls = fakePage(u"/repos/megacorp/monorepo/pulls"_s, u"state=all&per_page=100"_s);
    QCOMPARE(pulls.size(), 100);
    tested.model.appendItems(pulls);

    const int labels = tested.model.columnNamed(u"labels"_s);
    const int user = tested.model.columnNamed(u"user"_s);
    const int head = tested.model.columnNamed(u"head"_s);
    const int base = tested.model.columnNamed(u"base"_s);
    int withSeveralLabels = 0;
    for (int row = 0; row < pulls.size(); ++row) {
        const QJsonObject pull = pulls.at(row).toObject();
        QStringList names;
        for (const QJsonValue &label : pull.value(u"labels"_s).toArray()) {
            names.append(label.toObject().value(u"name"_s).toString());
        }
        withSeveralLabels += names.size() > 1 ? 1 : 0;
        QCOMPARE(tested.model.index(row, labels).data(ExportRole).toString(), names.join(u';'));
        QCOMPARE(tested.model.index(row, user).data(ExportRole).toString(),
                 pull.value(u"user"_s).toObject().value(u"login"_s).toString());
        const QString number = QString::number(pull.value(u"number"_s).toInteger());
        QCOMPARE(tested.model.index(row, head).data(ExportRole).toString(),
                 QString(u"megacorp:topic-"_s + number));
        QCOMPARE(tested.model.index(row, base).data(ExportRole).toString(),
                 pull[u"base"_s][u"label"_s].toString());
    }
    QVERIFY2(withSeveralLabels > 0, "the page should hold a pull request with two labels");
}

void TestModels::gist_withTwoFiles_joinsFilesAndLanguagesAndCountsThem()
{
    TestedModel tested(ListKind::Gists);
    tested.model.appendItems(fakePage(u"/users/octocat/gists"_s, u"per_page=100"_s));
    int found = -1;
    for (int row = 0; row < tested.model.rowCount(); ++row) {
        if (tested.model.index(row, 0).data(IdRole) == QVariant(FakeGitHub::Names::MarkdownGist)) {
            found = row;
        }
    }
    QVERIFY(found >= 0);
    // The files object of the JSON is ordered by name, as GitHub sends it.
    const QStringList expected = {FakeGitHub::Names::MarkdownGist,
                                  u"Hubshelf notes: Markdown and Python"_s,
                                  u"true"_s,
                                  u"README.md;fizzbuzz.py"_s,
                                  u"2"_s,
                                  u"Markdown;Python"_s,
                                  u"2"_s,
                                  u"2019-05-02T09:00:00Z"_s,
                                  u"2023-11-05T17:30:00Z"_s,
                                  QString(u"https://gist.github.com/"_s + FakeGitHub::Names::MarkdownGist)};
    QCOMPARE(exportedRow(tested.model, found), expected);
    const int fileCount = tested.model.columnNamed(u"file_count"_s);
    QCOMPARE(tested.model.index(found, fileCount).data(SortRole), QVariant(qint64(2)));
}

void TestModels::gist_githubsExample_givesEveryColumn()
{
    TestedModel tested(ListKind::Gists);
    tested.model.appendItems(example(u"gists-list-for-user.json"_s));
    const QStringList expected = {u"aa5a315d61ae9438b18d"_s,
                                  u"Hello World Examples"_s,
                                  u"true"_s,
                                  u"hello_world.rb"_s,
                                  u"1"_s,
                                  u"Ruby"_s,
                                  u"0"_s,
                                  u"2010-04-14T02:15:15Z"_s,
                                  u"2011-06-20T11:34:15Z"_s,
                                  u"https://gist.github.com/aa5a315d61ae9438b18d"_s};
    QCOMPARE(exportedRow(tested.model, 0), expected);
}

void TestModels::gist_whoseFilesHaveNoLanguage_hasEmptyLanguages()
{
    TestedModel tested(ListKind::Gists);
    tested.model.appendItems(fakePage(u"/users/octocat/gists"_s, u"per_page=100"_s));
    const int files = tested.model.columnNamed(u"files"_s);
    const int languages = tested.model.columnNamed(u"languages"_s);
    bool seen = false;
    for (int row = 0; row < tested.model.rowCount(); ++row) {
        if (tested.model.index(row, 0).data(IdRole) == QVariant(FakeGitHub::Names::TruncatedGist)) {
            seen = true;
            QCOMPARE(tested.model.index(row, files).data(ExportRole).toString(), u"server.log"_s);
            QCOMPARE(tested.model.index(row, languages).data(ExportRole).toString(), QString());
        }
    }
    QVERIFY(seen);
}

void TestModels::organization_fromExampleAndFake_givesEveryColumn()
{
    TestedModel tested(ListKind::Organizations);
    tested.model.appendItems(example(u"orgs-list-for-user.json"_s));
    tested.model.appendItems(fakePage(u"/users/octocat/orgs"_s, u"per_page=100"_s));
    QCOMPARE(tested.model.rowCount(), 2);
    QCOMPARE(exportedRow(tested.model, 0), (QStringList{u"github"_s, u"1"_s, u"A great organization"_s,
                                                        u"https://api.github.com/orgs/github"_s}));
    QCOMPARE(exportedRow(tested.model, 1), (QStringList{u"github"_s, u"9919"_s, u"A great organization"_s,
                                                        u"https://api.github.com/orgs/github"_s}));
    QCOMPARE(tested.model.index(1, 0).data(IdRole), QVariant(qint64(9919)));
}

void TestModels::users_followersMembersAndFollowing_giveEveryColumn()
{
    TestedModel tested(ListKind::Users);
    const QJsonArray followers = fakePage(u"/users/octocat/followers"_s, u"per_page=100"_s);
    QVERIFY(followers.size() >= FakeGitHub::OctocatFollowerCount);
    tested.model.appendItems(followers);
    QCOMPARE(tested.model.rowCount(), followers.size());
    QCOMPARE(exportedRow(tested.model, 0), (QStringList{u"user-0001"_s, u"9000001"_s, u"User"_s, u"false"_s,
                                                        u"https://github.com/user-0001"_s}));

    tested.model.clear();
    tested.model.appendItems(fakePage(u"/orgs/github/members"_s, u"per_page=100"_s));
    tested.model.appendItems(fakePage(u"/users/monalisa/following"_s, u"per_page=100"_s));
    QCOMPARE(exportedColumn(tested.model, 0), (QStringList{u"octocat"_s, u"monalisa"_s, u"octocat"_s}));
    QCOMPARE(exportedRow(tested.model, 0),
             (QStringList{u"octocat"_s, u"1"_s, u"User"_s, u"false"_s, u"https://github.com/octocat"_s}));
}

void TestModels::nullOrMissingFields_giveEmptyTextAndNoSortValue_data()
{
    QTest::addColumn<ListKind>("kind");
    QTest::addColumn<QString>("exampleFile");
    QTest::addColumn<QString>("field");
    QTest::addColumn<bool>("remove"); // missing instead of null
    QTest::addColumn<QStringList>("emptyColumns");

    const ListKind repos = ListKind::Repositories;
    const ListKind pulls = ListKind::PullRequests;
    const ListKind gists = ListKind::Gists;
    const QString repo = u"repos-list-for-org.json"_s;
    const QString pull = u"pulls-list.json"_s;
    const QString gist = u"gists-list-for-user.json"_s;
    QTest::newRow("repo description null")
        << repos << repo << u"description"_s << false << QStringList{u"description"_s};
    // "language": null is in GitHub's own example: see repository_githubsListExample_...
    QTest::newRow("repo default_branch missing")
        << repos << repo << u"default_branch"_s << true << QStringList{u"default_branch"_s};
    QTest::newRow("repo pushed_at null")
        << repos << repo << u"pushed_at"_s << false << QStringList{u"pushed_at"_s};
    QTest::newRow("repo stars missing")
        << repos << repo << u"stargazers_count"_s << true << QStringList{u"stargazers_count"_s};
    QTest::newRow("repo archived missing")
        << repos << repo << u"archived"_s << true << QStringList{u"archived"_s};
    QTest::newRow("pull closed_at null")
        << pulls << pull << u"closed_at"_s << false << QStringList{u"closed_at"_s};
    QTest::newRow("pull merged_at null")
        << pulls << pull << u"merged_at"_s << false << QStringList{u"merged_at"_s};
    QTest::newRow("pull user null (a deleted account)")
        << pulls << pull << u"user"_s << false << QStringList{u"user"_s};
    QTest::newRow("pull labels missing") << pulls << pull << u"labels"_s << true << QStringList{u"labels"_s};
    QTest::newRow("pull head missing") << pulls << pull << u"head"_s << true << QStringList{u"head"_s};
    QTest::newRow("pull draft missing") << pulls << pull << u"draft"_s << true << QStringList{u"draft"_s};
    QTest::newRow("gist description null")
        << gists << gist << u"description"_s << false << QStringList{u"description"_s};
    QTest::newRow("gist files missing")
        << gists << gist << u"files"_s << true << QStringList{u"files"_s, u"file_count"_s, u"languages"_s};
    QTest::newRow("gist comments null")
        << gists << gist << u"comments"_s << false << QStringList{u"comments"_s};
    QTest::newRow("org description null") << ListKind::Organizations << u"orgs-list-for-user.json"_s
                                          << u"description"_s << false << QStringList{u"description"_s};
}

void TestModels::nullOrMissingFields_giveEmptyTextAndNoSortValue()
{
    QFETCH(ListKind, kind);
    QFETCH(QString, exampleFile);
    QFETCH(QString, field);
    QFETCH(bool, remove);
    QFETCH(QStringList, emptyColumns);

    const QJsonObject original = example(exampleFile).first().toObject();
    QVERIFY(original.contains(field));
    QJsonObject object = original;
    if (remove) {
        object.remove(field);
    } else {
        object.insert(field, QJsonValue(QJsonValue::Null));
    }
    TestedModel tested(kind);
    tested.model.appendItems({original, object});
    for (int column = 0; column < tested.model.columnCount(); ++column) {
        const QModelIndex index = tested.model.index(1, column);
        const QString name = tested.model.columns().at(column).name;
        if (emptyColumns.contains(name)) {
            QVERIFY2(!tested.model.index(0, column).data(ExportRole).toString().isEmpty(), qPrintable(name));
            QCOMPARE(index.data(ExportRole).toString(), QString());
            // Shown as missing: empty, or the column's grey stand-in ("(no description)").
            QCOMPARE(index.data(Qt::DisplayRole).toString(), tested.model.columns().at(column).placeholder);
            QCOMPARE(index.data(PlaceholderRole).toBool(),
                     !tested.model.columns().at(column).placeholder.isEmpty());
            QVERIFY2(!index.data(SortRole).isValid(), qPrintable(name));
            QVERIFY2(!index.data(Qt::ToolTipRole).isValid(), qPrintable(name));
        } else {
            // Every other column is as in the unchanged object.
            QCOMPARE(index.data(ExportRole), tested.model.index(0, column).data(ExportRole));
        }
    }
}

void TestModels::timestamps_roundTripGitHubsTextExactly()
{
    TestedModel tested(ListKind::Repositories);
    const QJsonArray repositories = fakePage(u"/orgs/megacorp/repos"_s, u"per_page=100&page=3"_s);
    QCOMPARE(repositories.size(), 100);
    tested.model.appendItems(repositories);
    for (const QString &name : {u"created_at"_s, u"updated_at"_s, u"pushed_at"_s}) {
        const int column = tested.model.columnNamed(name);
        for (int row = 0; row < repositories.size(); ++row) {
            const QString sent = repositories.at(row).toObject().value(name).toString();
            const QModelIndex index = tested.model.index(row, column);
            QCOMPARE(index.data(ExportRole).toString(), sent);
            const QDateTime typed = index.data(SortRole).toDateTime();
            QCOMPARE(typed.timeSpec(), Qt::UTC);
            QCOMPARE(typed, QDateTime::fromString(sent, Qt::ISODate));
        }
    }
}

// Found by tests/fuzz/fuzz_listmodel: 1.5 stars showed as 0 (toInteger()'s default), and a time
// whose UTC year has five digits was a value with no text, an empty cell in the CSV.
void TestModels::valuesWithoutAFaithfulText_giveNoValue_data()
{
    QTest::addColumn<QString>("field");
    QTest::addColumn<QJsonValue>("sent");
    QTest::addColumn<QString>("exported"); // empty: no value

    const QString stars = u"stargazers_count"_s;
    const QString created = u"created_at"_s;
    QTest::newRow("fraction") << stars << QJsonValue(1.5) << QString();
    QTest::newRow("beyond 64 bits") << stars << QJsonValue(1e300) << QString();
    QTest::newRow("below 64 bits") << stars << QJsonValue(-1e300) << QString();
    QTest::newRow("2^63") << stars << QJsonValue(9223372036854775808.0) << QString();
    QTest::newRow("whole number as a double") << stars << QJsonValue(1e3) << u"1000"_s;
    QTest::newRow("negative zero") << stars << QJsonValue(-0.0) << u"0"_s;
    QTest::newRow("past 2^53") << stars << QJsonValue(qint64(9007199254740993)) << u"9007199254740993"_s;
    QTest::newRow("year 10000 in UTC") << created << QJsonValue(u"9999-12-31T23:59:59-12:00"_s) << QString();
    QTest::newRow("year 0 in UTC") << created << QJsonValue(u"0001-01-01T00:00:00+01:00"_s) << QString();
    QTest::newRow("last second of 9999")
        << created << QJsonValue(u"9999-12-31T23:59:59Z"_s) << u"9999-12-31T23:59:59Z"_s;
    QTest::newRow("first second of 1")
        << created << QJsonValue(u"0001-01-01T00:00:00Z"_s) << u"0001-01-01T00:00:00Z"_s;
}

void TestModels::valuesWithoutAFaithfulText_giveNoValue()
{
    QFETCH(QString, field);
    QFETCH(QJsonValue, sent);
    QFETCH(QString, exported);

    QJsonObject object = example(u"repos-list-for-org.json"_s).first().toObject();
    object.insert(field, sent);
    TestedModel tested(ListKind::Repositories);
    tested.model.appendItems({object});
    const QModelIndex index = tested.model.index(0, tested.model.columnNamed(field));
    QCOMPARE(index.data(ExportRole).toString(), exported);
    QCOMPARE(index.data(SortRole).isValid(), !exported.isEmpty());
}

// ---- The model

void TestModels::appendItems_signalsRowsInsertedOncePerPageWithItsRange()
{
    TestedModel tested(ListKind::Gists);
    QSignalSpy aboutToInsert(&tested.model, &QAbstractItemModel::rowsAboutToBeInserted);
    QSignalSpy inserted(&tested.model, &QAbstractItemModel::rowsInserted);
    QSignalSpy reset(&tested.model, &QAbstractItemModel::modelReset);
    for (int page = 1; page <= 3; ++page) {
        const QJsonArray items = fakePage(u"/users/prolific/gists"_s, u"per_page=100&page=%1"_s.arg(page),
                                          FakeGitHub::Names::ProlificUser);
        QCOMPARE(items.size(), 100);
        tested.model.appendItems(items);
        QCOMPARE(aboutToInsert.size(), page);
        QCOMPARE(inserted.size(), page);
        const QList<QVariant> arguments = inserted.last();
        QCOMPARE(arguments.at(0).toModelIndex(), QModelIndex());
        QCOMPARE(arguments.at(1).toInt(), (page - 1) * 100);
        QCOMPARE(arguments.at(2).toInt(), page * 100 - 1);
        QCOMPARE(aboutToInsert.last(), arguments);
        QCOMPARE(tested.model.rowCount(), page * 100);
    }
    QCOMPARE(reset.size(), 0);
}

void TestModels::appendItems_emptyPageOrNonObjects_insertNothing()
{
    TestedModel tested(ListKind::Users);
    QSignalSpy inserted(&tested.model, &QAbstractItemModel::rowsInserted);
    tested.model.appendItems(fakePage(u"/users/nobody/followers"_s, u"per_page=100"_s));
    tested.model.appendItems(QJsonArray{});
    QCOMPARE(inserted.size(), 0);
    QCOMPARE(tested.model.rowCount(), 0);

    // Anything but an object is skipped, and the range announced is the rows actually added.
    QTest::ignoreMessage(QtWarningMsg, QRegularExpression(u"not an object"_s));
    QTest::ignoreMessage(QtWarningMsg, QRegularExpression(u"not an object"_s));
    QJsonArray mixed = fakePage(u"/users/octocat/followers"_s, u"per_page=2"_s);
    mixed.insert(1, 42);
    mixed.append(QJsonValue(QJsonValue::Null));
    tested.model.appendItems(mixed);
    QCOMPARE(inserted.size(), 1);
    QCOMPARE(inserted.last().at(1).toInt(), 0);
    QCOMPARE(inserted.last().at(2).toInt(), 1);
    QCOMPARE(exportedColumn(tested.model, 0), (QStringList{u"user-0001"_s, u"user-0002"_s}));
}

void TestModels::clear_resetsOnceAndTheModelFillsAgainFromRowZero()
{
    TestedModel tested(ListKind::Repositories);
    TestedProxy sorted(&tested.model);
    sorted.proxy.sort(tested.model.columnNamed(u"stargazers_count"_s));
    tested.model.appendItems(fakePage(u"/orgs/megacorp/repos"_s, u"per_page=100"_s));
    tested.model.appendItems(fakePage(u"/orgs/megacorp/repos"_s, u"per_page=100&page=2"_s));
    QCOMPARE(sorted.proxy.rowCount(), 200);

    QSignalSpy reset(&tested.model, &QAbstractItemModel::modelReset);
    QSignalSpy removed(&tested.model, &QAbstractItemModel::rowsRemoved);
    tested.model.clear();
    QCOMPARE(reset.size(), 1);
    QCOMPARE(removed.size(), 0);
    QCOMPARE(tested.model.rowCount(), 0);
    QCOMPARE(sorted.proxy.rowCount(), 0);
    QCOMPARE(tested.model.columnCount(), designColumns(ListKind::Repositories).size());

    QSignalSpy inserted(&tested.model, &QAbstractItemModel::rowsInserted);
    tested.model.appendItems(fakePage(u"/users/octocat/repos"_s, u"per_page=100"_s));
    QCOMPARE(inserted.size(), 1);
    QCOMPARE(inserted.last().at(1).toInt(), 0);
    QCOMPARE(exportedColumn(tested.model, 0),
             (QStringList{u"octocat/Hello-World"_s, u"octocat/Spoon-Knife"_s}));
    tested.model.clear();
    tested.model.clear(); // clearing an empty model is harmless
    QCOMPARE(reset.size(), 3);
}

void TestModels::everyCell_knowsItsRowsHtmlUrlAndId()
{
    TestedModel gists(ListKind::Gists);
    gists.model.appendItems(example(u"gists-list-for-user.json"_s));
    TestedModel repositories(ListKind::Repositories);
    repositories.model.appendItems({fakeObject(u"/repos/octocat/Hello-World"_s)});
    TestedModel organizations(ListKind::Organizations);
    organizations.model.appendItems(example(u"orgs-list-for-user.json"_s));

    for (int column = 0; column < gists.model.columnCount(); ++column) {
        const QModelIndex index = gists.model.index(0, column);
        QCOMPARE(index.data(HtmlUrlRole).toString(), u"https://gist.github.com/aa5a315d61ae9438b18d"_s);
        // A gist's id is a string of hex digits, not a number.
        QCOMPARE(index.data(IdRole).metaType(), QMetaType::fromType<QString>());
        QCOMPARE(index.data(IdRole).toString(), u"aa5a315d61ae9438b18d"_s);
    }
    for (int column = 0; column < repositories.model.columnCount(); ++column) {
        const QModelIndex index = repositories.model.index(0, column);
        QCOMPARE(index.data(HtmlUrlRole).toString(), u"https://github.com/octocat/Hello-World"_s);
        QCOMPARE(index.data(IdRole).metaType(), QMetaType::fromType<qint64>());
        QCOMPARE(index.data(IdRole).toLongLong(), 1296269);
    }
    // organization-simple has no html_url: the role says so instead of inventing an address.
    QVERIFY(!organizations.model.index(0, 0).data(HtmlUrlRole).isValid());
    QCOMPARE(organizations.model.index(0, 3).data(IdRole), QVariant(qint64(1)));
}

void TestModels::columnsOutsideTheSpec_areNotReachable()
{
    TestedModel tested(ListKind::Repositories);
    tested.model.appendItems({fakeObject(u"/repos/octocat/Hello-World"_s)});
    // Fields of the JSON that are not columns are not kept, so nothing can answer for them.
    for (const QString &name :
         {u"node_id"_s, u"owner"_s, u"watchers_count"_s, u"visibility"_s, u"id"_s, u"Stars"_s, QString()}) {
        QCOMPARE(tested.model.columnNamed(name), -1);
    }
    const int count = tested.model.columnCount();
    QVERIFY(!tested.model.index(0, count).isValid());
    QVERIFY(!tested.model.headerData(count, Qt::Horizontal, ExportRole).isValid());
    QVERIFY(!tested.model.headerData(-1, Qt::Horizontal, Qt::DisplayRole).isValid());
    QVERIFY(!tested.model.data(tested.model.index(1, 0), ExportRole).isValid());
    QVERIFY(!tested.model.index(0, 0).data(Qt::UserRole + 100).isValid());
    QCOMPARE(headerNames(tested.model), designColumns(ListKind::Repositories));
}

// The window's pages hold only memberPaths() of each item (GitHub::MemberSelection): every cell,
// link and id must read the same from them as from the whole page, or a column would show empty
// in the window and full in an export.
void TestModels::memberPaths_holdEverythingTheRowsRead_data()
{
    QTest::addColumn<ListKind>("kind");
    QTest::addColumn<QByteArray>("body");
    const auto file = [](const QString &name) {
        QFile source(u":/fakegithub/"_s + name);
        return source.open(QIODevice::ReadOnly) ? source.readAll() : QByteArray();
    };
    QTest::newRow("repos, GitHub's example") << ListKind::Repositories << file(u"repos-list-for-org.json"_s);
    QTest::newRow("pulls, GitHub's example") << ListKind::PullRequests << file(u"pulls-list.json"_s);
    QTest::newRow("gists, GitHub's example") << ListKind::Gists << file(u"gists-list-for-user.json"_s);
    QTest::newRow("orgs, GitHub's example") << ListKind::Organizations << file(u"orgs-list-for-user.json"_s);
    QTest::newRow("repos, the fake's")
        << ListKind::Repositories << fakeBody(u"/orgs/megacorp/repos"_s, u"per_page=100&page=3"_s);
    QTest::newRow("pulls, the fake's")
        << ListKind::PullRequests
        << fakeBody(u"/repos/megacorp/monorepo/pulls"_s, u"state=all&per_page=100"_s);
    QTest::newRow("gists, the fake's")
        << ListKind::Gists << fakeBody(u"/users/prolific/gists"_s, u"per_page=100"_s);
    QTest::newRow("users, the fake's")
        << ListKind::Users << fakeBody(u"/orgs/github/members"_s, u"per_page=100"_s);
}

void TestModels::memberPaths_holdEverythingTheRowsRead()
{
    QFETCH(ListKind, kind);
    QFETCH(QByteArray, body);
    const std::optional<QJsonDocument> selected =
        Hubshelf::GitHub::MemberSelection(memberPaths(kind)).parse(body);
    QVERIFY(selected);
    const QJsonArray whole = QJsonDocument::fromJson(body).array();
    QVERIFY(!whole.isEmpty());
    QVERIFY(QJsonDocument(selected->array()).toJson().size() < QJsonDocument(whole).toJson().size());
    GitHubListModel fromWhole(kind);
    GitHubListModel fromSelected(kind);
    fromWhole.appendItems(whole);
    fromSelected.appendItems(selected->array());
    QCOMPARE(fromSelected.rowCount(), fromWhole.rowCount());
    int filled = 0;
    for (int row = 0; row < fromWhole.rowCount(); ++row) {
        for (int column = 0; column < fromWhole.columnCount(); ++column) {
            for (const int role : {int(Qt::DisplayRole), int(ExportRole), int(HtmlUrlRole), int(IdRole)}) {
                const QVariant expected = fromWhole.index(row, column).data(role);
                QCOMPARE(fromSelected.index(row, column).data(role), expected);
                filled += expected.isValid() && !expected.toString().isEmpty() ? 1 : 0;
            }
        }
    }
    QVERIFY(filled > fromWhole.rowCount()); // cells with something in them were compared
}

void TestModels::headerData_givesTitleOnScreenAndCsvNameForExport()
{
    TestedModel tested(ListKind::PullRequests);
    const int user = tested.model.columnNamed(u"user"_s);
    QCOMPARE(tested.model.headerData(user, Qt::Horizontal, Qt::DisplayRole).toString(), u"Author"_s);
    QCOMPARE(tested.model.headerData(user, Qt::Horizontal, ExportRole).toString(), u"user"_s);
    QVERIFY(!tested.model.headerData(user, Qt::Horizontal, SortRole).isValid());
    tested.model.appendItems(example(u"pulls-list.json"_s));
    // Vertical headers are QAbstractItemModel's own: the row number.
    QCOMPARE(tested.model.headerData(0, Qt::Vertical, Qt::DisplayRole), QVariant(1));
}

void TestModels::display_showsBooleansAsWordsCountsGroupedAndTimesInTheLocale()
{
    TestedModel tested(ListKind::PullRequests);
    tested.model.appendItems(example(u"pulls-list.json"_s));
    const QModelIndex draft = tested.model.index(0, tested.model.columnNamed(u"draft"_s));
    QCOMPARE(draft.data(Qt::DisplayRole).toString(), u"no"_s);
    QCOMPARE(draft.data(ExportRole).toString(), u"false"_s);
    QCOMPARE(draft.data(SortRole), QVariant(false));
    const QModelIndex created = tested.model.index(0, tested.model.columnNamed(u"created_at"_s));
    // The locale's short form, in local time; the exact UTC time in the tooltip and the CSV.
    const QDateTime when = QDateTime::fromString(u"2011-01-26T19:01:12Z"_s, Qt::ISODate);
    QCOMPARE(created.data(Qt::DisplayRole).toString(),
             QLocale().toString(when.toLocalTime(), QLocale::ShortFormat));
    QVERIFY(created.data(Qt::DisplayRole).toString() != u"2011-01-26T19:01:12Z"_s);
    QCOMPARE(created.data(Qt::ToolTipRole).toString(), u"2011-01-26T19:01:12Z"_s);
    QCOMPARE(created.data(ExportRole).toString(), u"2011-01-26T19:01:12Z"_s);
    const QModelIndex labels = tested.model.index(0, tested.model.columnNamed(u"labels"_s));
    QCOMPARE(labels.data(Qt::DisplayRole).toString(), u"bug"_s);
    QCOMPARE(labels.data(SortRole).toString(), u"bug"_s);
    const QModelIndex number = tested.model.index(0, 0);
    QCOMPARE(number.data(Qt::DisplayRole).toString(), u"1347"_s); // a name, never "1,347"

    // Counts with the locale's grouping; ids as written.
    QJsonObject repository = example(u"repos-list-for-org.json"_s).first().toObject();
    repository.insert(u"stargazers_count"_s, 2854);
    TestedModel repositories(ListKind::Repositories);
    repositories.model.appendItems({repository});
    const QLocale previous;
    QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates));
    const QModelIndex stars =
        repositories.model.index(0, repositories.model.columnNamed(u"stargazers_count"_s));
    QCOMPARE(stars.data(Qt::DisplayRole).toString(), u"2,854"_s);
    QCOMPARE(stars.data(ExportRole).toString(), u"2854"_s);
    TestedModel users(ListKind::Users);
    users.model.appendItems({QJsonObject{{u"login"_s, u"octocat"_s}, {u"id"_s, 1296269}}});
    QCOMPARE(users.model.index(0, users.model.columnNamed(u"id"_s)).data(Qt::DisplayRole).toString(),
             u"1296269"_s);
    QLocale::setDefault(QLocale(QLocale::German, QLocale::Germany));
    QCOMPARE(stars.data(Qt::DisplayRole).toString(), u"2.854"_s);
    QLocale::setDefault(previous);
}

void TestModels::gistTable_readsOnOneLineWithItsFilesAndAStandInForNoDescription()
{
    const auto gist = [](const QJsonValue &description, const QStringList &files) {
        QJsonObject byName;
        for (const QString &file : files) {
            byName.insert(file, QJsonObject{{u"filename"_s, file}});
        }
        return QJsonObject{{u"id"_s, u"abc"_s}, {u"description"_s, description}, {u"files"_s, byName}};
    };
    TestedModel tested(ListKind::Gists);
    tested.model.appendItems({gist(u"\tFirst line\nsecond  line"_s, {u"b.md"_s, u"a.py"_s}),
                              gist(QJsonValue(QJsonValue::Null), {u"only.txt"_s}), gist(u""_s, {})});
    const int description = tested.model.columnNamed(u"description"_s);
    const int files = tested.model.columnNamed(u"files"_s);
    const QModelIndex multiLine = tested.model.index(0, description);
    QCOMPARE(multiLine.data(Qt::DisplayRole).toString(), u"First line second line"_s);
    QCOMPARE(multiLine.data(Qt::ToolTipRole).toString(), u"\tFirst line\nsecond  line"_s);
    QCOMPARE(multiLine.data(ExportRole).toString(), u"\tFirst line\nsecond  line"_s); // the CSV keeps it
    QVERIFY(!multiLine.data(PlaceholderRole).toBool());
    QCOMPARE(tested.model.index(0, files).data(Qt::DisplayRole).toString(), u"a.py, b.md (2)"_s);
    QCOMPARE(tested.model.index(0, files).data(ExportRole).toString(), u"a.py;b.md"_s);
    for (const int row : {1, 2}) {
        const QModelIndex missing = tested.model.index(row, description);
        QCOMPARE(missing.data(Qt::DisplayRole).toString(), u"(no description)"_s);
        QVERIFY(missing.data(PlaceholderRole).toBool());
        QCOMPARE(missing.data(ExportRole).toString(), QString());
    }
    QCOMPARE(tested.model.index(1, files).data(Qt::DisplayRole).toString(), u"only.txt"_s);
    QJsonObject twoLanguages = gist(u"x"_s, {u"a.py"_s, u"b.md"_s});
    QJsonObject languageFiles;
    languageFiles.insert(u"a.py"_s, QJsonObject{{u"filename"_s, u"a.py"_s}, {u"language"_s, u"Python"_s}});
    languageFiles.insert(u"b.md"_s, QJsonObject{{u"filename"_s, u"b.md"_s}, {u"language"_s, u"Markdown"_s}});
    twoLanguages.insert(u"files"_s, languageFiles);
    tested.model.appendItems({twoLanguages});
    const QModelIndex languages = tested.model.index(3, tested.model.columnNamed(u"languages"_s));
    QCOMPARE(languages.data(Qt::DisplayRole).toString(), u"Python, Markdown"_s); // in the files' order
    QCOMPARE(languages.data(ExportRole).toString(), u"Python;Markdown"_s);
    // The window starts on what a gist is about and holds; the id and "public" start hidden.
    QCOMPARE(defaultVisibleColumns(ListKind::Gists),
             (QStringList{u"description"_s, u"files"_s, u"languages"_s, u"comments"_s, u"updated_at"_s}));
    QCOMPARE(defaultVisibleColumns(ListKind::Users).size(), columnsOf(ListKind::Users).size());
}

void TestModels::longTextGetsToolTip_integersAlignRight()
{
    QJsonObject repository = example(u"repos-list-for-org.json"_s).first().toObject();
    const QString longDescription = QString(80, u'x');
    repository.insert(u"description"_s, longDescription);
    TestedModel tested(ListKind::Repositories);
    tested.model.appendItems({example(u"repos-list-for-org.json"_s).first(), repository});

    const int description = tested.model.columnNamed(u"description"_s);
    QVERIFY(!tested.model.index(0, description).data(Qt::ToolTipRole).isValid());
    QCOMPARE(tested.model.index(1, description).data(Qt::ToolTipRole).toString(), longDescription);
    // Long URLs are Text too, but the name column is short: no tooltip.
    QVERIFY(!tested.model.index(1, 0).data(Qt::ToolTipRole).isValid());

    for (int column = 0; column < tested.model.columnCount(); ++column) {
        const QVariant alignment = tested.model.index(0, column).data(Qt::TextAlignmentRole);
        if (tested.model.columns().at(column).type == ColumnType::Integer) {
            QCOMPARE(alignment.toInt(), int(Qt::AlignRight | Qt::AlignVCenter));
        } else {
            QVERIFY2(!alignment.isValid(), qPrintable(tested.model.columns().at(column).name));
        }
    }
}

void TestModels::prolificGists_loadInThreePagesWithTrickyDescriptionsIntact()
{
    TestedModel tested(ListKind::Gists);
    QJsonArray all;
    for (int page = 1;; ++page) {
        const FakeGitHub::Answer answer =
            m_world.api(u"/users/prolific/gists"_s, QUrlQuery(u"per_page=100&page=%1"_s.arg(page)),
                        FakeGitHub::Names::ProlificUser);
        QCOMPARE(answer.status, 200);
        const QJsonArray items = QJsonDocument::fromJson(answer.body).array();
        tested.model.appendItems(items);
        for (const QJsonValue &item : items) {
            all.append(item);
        }
        if (page == answer.lastPage) {
            QCOMPARE(page, 3);
            break;
        }
    }
    QCOMPARE(tested.model.rowCount(), FakeGitHub::ProlificGistCount);

    const int description = tested.model.columnNamed(u"description"_s);
    QSet<QString> ids;
    int nulls = 0;
    for (int row = 0; row < tested.model.rowCount(); ++row) {
        const QJsonValue sent = all.at(row).toObject().value(u"description"_s);
        nulls += sent.isNull() ? 1 : 0;
        QCOMPARE(tested.model.index(row, description).data(ExportRole).toString(), sent.toString());
        ids.insert(tested.model.index(row, 0).data(IdRole).toString());
    }
    QCOMPARE(ids.size(), FakeGitHub::ProlificGistCount);
    QVERIFY(nulls > 0);

    const QStringList descriptions = exportedColumn(tested.model, description);
    for (const QString &needle : {u","_s, u"\""_s, u"\n"_s, u"\r\n"_s, u"="_s, u"日本語"_s, u"🚀"_s}) {
        bool found = false;
        for (const QString &text : descriptions) {
            found = found || text.contains(needle);
        }
        QVERIFY2(found, qPrintable(needle));
    }
    QVERIFY(descriptions.contains(u"She said \"it works\" - gist 3"_s));
    QVERIFY(descriptions.contains(u"First line 4\nSecond line"_s));
    QVERIFY(descriptions.contains(u"Carriage\r\nreturn 12"_s));
    QVERIFY(descriptions.contains(u"\rCR-led 13"_s));
}

// ---- Proxy

void TestModels::proxySort_byStarsIsNumeric()
{
    TestedModel tested(ListKind::Repositories);
    TestedProxy sorted(&tested.model);
    const int stars = tested.model.columnNamed(u"stargazers_count"_s);
    sorted.proxy.sort(stars, Qt::AscendingOrder);

    const QJsonObject hello = fakeObject(u"/repos/octocat/Hello-World"_s);
    QJsonArray page;
    for (const int count : {10, 9, 100, 2, 80}) {
        QJsonObject repository = hello;
        repository.insert(u"stargazers_count"_s, count);
        page.append(repository);
    }
    tested.model.appendItems(page);
    QCOMPARE(exportedColumn(sorted.proxy, stars), (QStringList{u"2"_s, u"9"_s, u"10"_s, u"80"_s, u"100"_s}));
    sorted.proxy.sort(stars, Qt::DescendingOrder);
    QCOMPARE(exportedColumn(sorted.proxy, stars), (QStringList{u"100"_s, u"80"_s, u"10"_s, u"9"_s, u"2"_s}));

    // A real page, sorted while it arrives: numbers in order where their text would not be.
    tested.model.clear();
    sorted.proxy.sort(stars, Qt::AscendingOrder);
    tested.model.appendItems(fakePage(u"/orgs/megacorp/repos"_s, u"per_page=100"_s));
    tested.model.appendItems(fakePage(u"/orgs/megacorp/repos"_s, u"per_page=100&page=2"_s));
    QCOMPARE(sorted.proxy.rowCount(), 200);
    QStringList texts = exportedColumn(sorted.proxy, stars);
    for (int row = 1; row < sorted.proxy.rowCount(); ++row) {
        QVERIFY(sorted.proxy.index(row - 1, stars).data(SortRole).toLongLong() <=
                sorted.proxy.index(row, stars).data(SortRole).toLongLong());
    }
    QStringList asText = texts;
    asText.sort();
    QVERIFY2(asText != texts, "the page should have star counts whose text sorts differently");
}

void TestModels::proxySort_byDateIsChronological()
{
    TestedModel tested(ListKind::Gists);
    TestedProxy sorted(&tested.model);
    const int created = tested.model.columnNamed(u"created_at"_s);
    const int updated = tested.model.columnNamed(u"updated_at"_s);
    sorted.proxy.sort(created, Qt::AscendingOrder);
    for (int page = 1; page <= 3; ++page) {
        tested.model.appendItems(fakePage(u"/users/prolific/gists"_s, u"per_page=100&page=%1"_s.arg(page),
                                          FakeGitHub::Names::ProlificUser));
    }
    QCOMPARE(sorted.proxy.rowCount(), FakeGitHub::ProlificGistCount);
    // GitHub lists gists newest first; ascending puts the oldest, the last one listed, on top.
    QCOMPARE(sorted.proxy.index(0, created).data(SortRole).toDateTime(),
             tested.model.index(tested.model.rowCount() - 1, created).data(SortRole).toDateTime());
    for (const int column : {created, updated}) {
        sorted.proxy.sort(column, Qt::AscendingOrder);
        for (int row = 1; row < sorted.proxy.rowCount(); ++row) {
            const QDateTime before = sorted.proxy.index(row - 1, column).data(SortRole).toDateTime();
            const QDateTime after = sorted.proxy.index(row, column).data(SortRole).toDateTime();
            QVERIFY(before.isValid() && after.isValid());
            QVERIFY(before <= after);
        }
    }
}

void TestModels::proxySort_booleansFalseFirst()
{
    TestedModel tested(ListKind::Gists);
    TestedProxy sorted(&tested.model);
    const int isPublic = tested.model.columnNamed(u"public"_s);
    sorted.proxy.sort(isPublic, Qt::AscendingOrder);
    tested.model.appendItems(
        fakePage(u"/users/prolific/gists"_s, u"per_page=100"_s, FakeGitHub::Names::ProlificUser));
    const QStringList values = exportedColumn(sorted.proxy, isPublic);
    const qsizetype secret = values.count(u"false"_s);
    QVERIFY(secret > 0 && secret < values.size());
    QCOMPARE(values.mid(0, secret), QStringList(secret, u"false"_s));
    QCOMPARE(values.mid(secret), QStringList(values.size() - secret, u"true"_s));
}

void TestModels::proxySort_nullsLastAscendingFirstDescending()
{
    // Qt's proxy puts an invalid sort value after every valid one; the model keeps nulls invalid.
    TestedModel tested(ListKind::PullRequests);
    TestedProxy sorted(&tested.model);
    const int closed = tested.model.columnNamed(u"closed_at"_s);
    tested.model.appendItems(fakePage(u"/repos/megacorp/monorepo/pulls"_s, u"state=all&per_page=100"_s));
    const QStringList sent = exportedColumn(tested.model, closed);
    const qsizetype open = sent.count(QString());
    QVERIFY(open > 0 && open < sent.size());

    sorted.proxy.sort(closed, Qt::AscendingOrder);
    QStringList ascending = exportedColumn(sorted.proxy, closed);
    QCOMPARE(ascending.mid(ascending.size() - open), QStringList(open, QString()));
    QVERIFY(!ascending.mid(0, ascending.size() - open).contains(QString()));

    sorted.proxy.sort(closed, Qt::DescendingOrder);
    QStringList descending = exportedColumn(sorted.proxy, closed);
    QCOMPARE(descending.mid(0, open), QStringList(open, QString()));
    QVERIFY(!descending.mid(open).contains(QString()));
}

void TestModels::proxyFilter_keepsMatchingRowsWhilePagesArrive()
{
    TestedModel tested(ListKind::Gists);
    TestedProxy filtered(&tested.model);
    const int description = tested.model.columnNamed(u"description"_s);
    const int languages = tested.model.columnNamed(u"languages"_s);
    filtered.proxy.setFilterKeyColumn(description);
    filtered.proxy.setFilterFixedString(u"commas"_s);
    filtered.proxy.setFilterCaseSensitivity(Qt::CaseInsensitive);

    QJsonArray all;
    for (int page = 1; page <= 3; ++page) {
        const QJsonArray items = fakePage(u"/users/prolific/gists"_s, u"per_page=100&page=%1"_s.arg(page),
                                          FakeGitHub::Names::ProlificUser);
        tested.model.appendItems(items);
        for (const QJsonValue &item : items) {
            all.append(item);
        }
    }
    int withCommas = 0;
    int withPython = 0;
    for (const QJsonValue &item : std::as_const(all)) {
        withCommas += item[u"description"_s].toString().contains(u"Commas"_s) ? 1 : 0;
        bool python = false;
        const QJsonObject files = item[u"files"_s].toObject();
        for (auto it = files.begin(); it != files.end(); ++it) {
            python = python || it.value()[u"language"_s].toString() == u"Python"_s;
        }
        withPython += python ? 1 : 0;
    }
    QVERIFY(withCommas > 0);
    QCOMPARE(filtered.proxy.rowCount(), withCommas);
    for (const QString &text : exportedColumn(filtered.proxy, description)) {
        QVERIFY(text.startsWith(u"Commas, semicolons; and more, "_s));
    }

    filtered.proxy.setFilterKeyColumn(languages);
    filtered.proxy.setFilterFixedString(u"Python"_s);
    QVERIFY(withPython > 0);
    QCOMPARE(filtered.proxy.rowCount(), withPython);

    tested.model.clear();
    QCOMPARE(filtered.proxy.rowCount(), 0);
}

void TestModels::pullState_mergedIsAClosedOneWithMergedAt_data()
{
    QTest::addColumn<QJsonObject>("pull");
    QTest::addColumn<QString>("exported");
    QTest::addColumn<QString>("shown");
    const QJsonValue at(u"2011-01-26T19:01:12Z"_s);
    const QJsonValue null(QJsonValue::Null);
    QTest::newRow("open") << QJsonObject{{u"state"_s, u"open"_s}, {u"merged_at"_s, null}} << u"open"_s
                          << u"Open"_s;
    QTest::newRow("closed") << QJsonObject{{u"state"_s, u"closed"_s}, {u"merged_at"_s, null}} << u"closed"_s
                            << u"Closed"_s;
    QTest::newRow("merged") << QJsonObject{{u"state"_s, u"closed"_s}, {u"merged_at"_s, at}} << u"merged"_s
                            << u"Merged"_s;
    // GitHub's own example says open with a merged_at: the state wins.
    QTest::newRow("open with merged_at")
        << QJsonObject{{u"state"_s, u"open"_s}, {u"merged_at"_s, at}} << u"open"_s << u"Open"_s;
    QTest::newRow("closed, merged_at missing")
        << QJsonObject{{u"state"_s, u"closed"_s}} << u"closed"_s << u"Closed"_s;
    QTest::newRow("a state GitHub adds later")
        << QJsonObject{{u"state"_s, u"queued"_s}} << u"queued"_s << u"queued"_s;
}

void TestModels::pullState_mergedIsAClosedOneWithMergedAt()
{
    QFETCH(QJsonObject, pull);
    QFETCH(QString, exported);
    QFETCH(QString, shown);
    GitHubListModel model(ListKind::PullRequests);
    model.appendItems(QJsonArray{pull});
    const QModelIndex state = model.index(0, model.columnNamed(u"state"_s));
    QCOMPARE(state.data(ExportRole).toString(), exported);
    QCOMPARE(state.data(Qt::DisplayRole).toString(), shown);
}

QTEST_GUILESS_MAIN(TestModels)
#include "test_models.moc"

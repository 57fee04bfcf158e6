#include "models/githublistmodel.h"
#include "models/listproxymodel.h"
#include "models/roles.h"

#include <QAbstractItemModelTester>
#include <QJsonArray>
#include <QJsonObject>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace Hubshelf::Models;

namespace {

// A repository with what the sort tests look at; `language` and `pushed` may be null.
QJsonObject repository(const QString &name, qint64 stars, bool fork, const QJsonValue &language,
                       const QJsonValue &pushed, const QString &description = {})
{
    return {{u"full_name"_s, QString(u"octo/"_s + name)},
            {u"description"_s, description.isEmpty() ? QJsonValue() : QJsonValue(description)},
            {u"fork"_s, fork},
            {u"language"_s, language},
            {u"stargazers_count"_s, stars},
            {u"pushed_at"_s, pushed},
            {u"html_url"_s, QString(u"https://github.com/octo/"_s + name)}};
}

// Ten stars after nine, 2011 after 2009 (as text "10" < "9" and "2009-12" > "2011-01" would not be):
// the rows sort by value only if the proxy compares the typed SortRole.
QJsonArray sample()
{
    return {repository(u"alpha"_s, 10, false, u"C"_s, u"2011-01-26T19:01:12Z"_s, u"Tools for Zebras"_s),
            repository(u"bravo"_s, 9, true, QJsonValue(), u"2009-12-31T23:59:59Z"_s, u"apples and pears"_s),
            repository(u"charlie"_s, 100, false, u"go"_s, QJsonValue(), u"Bananas"_s),
            repository(u"delta"_s, 2, true, u"Rust"_s, u"2010-06-01T00:00:00Z"_s),
            repository(u"echo"_s, 80, false, QJsonValue(), u"2012-02-02T02:02:02Z"_s, u"cherries"_s)};
}

} // namespace

class TestListProxyModel : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();

    void defaults_sortByTypedRoleAndFilterEveryColumnWithoutCase();
    void numbers_sortByValueBothWays();
    void dates_sortChronologically();
    void numbersAndDates_manyRowsSortByValueAndTiesKeepTheirOrder();
    void booleans_sortFalseFirst();
    void nulls_goLastAscendingAndDescending();
    void text_sortsWithoutCase();
    void text_sortsNumbersInItNaturally();
    void text_manyRowsSortAsEachPairOfThemDoes();
    void textLists_sortAsTheirText();
    void filter_matchesAnyColumnWithoutCaseWhileRowsArrive();
    void sortAndFilter_stayRightWhenRowsChangeAfterwards();
    void filterAndSort_followRowsThatChangeWhileTheyHold();
    void header_alignsNumberTitlesRight();
    void rowsAsText_givesTabSeparatedLinesOfTheColumnsAsked();

private:
    QStringList column(const QString &name) const;
    int section(const QString &name) const { return m_model->columnNamed(name); }

    std::unique_ptr<GitHubListModel> m_model;
    std::unique_ptr<ListProxyModel> m_proxy;
    std::unique_ptr<QAbstractItemModelTester> m_tester;
};

void TestListProxyModel::init()
{
    m_model = std::make_unique<GitHubListModel>(ListKind::Repositories);
    m_proxy = std::make_unique<ListProxyModel>();
    m_proxy->setSourceModel(m_model.get());
    m_tester = std::make_unique<QAbstractItemModelTester>(
        m_proxy.get(), QAbstractItemModelTester::FailureReportingMode::QtTest);
}

void TestListProxyModel::cleanup()
{
    m_tester.reset();
    m_proxy.reset();
    m_model.reset();
}

// A column's exported text, in the proxy's order.
QStringList TestListProxyModel::column(const QString &name) const
{
    QStringList texts;
    for (int row = 0; row < m_proxy->rowCount(); ++row) {
        texts.append(m_proxy->index(row, section(name)).data(ExportRole).toString());
    }
    return texts;
}

void TestListProxyModel::defaults_sortByTypedRoleAndFilterEveryColumnWithoutCase()
{
    QCOMPARE(m_proxy->sortRole(), int(SortRole));
    QCOMPARE(m_proxy->filterKeyColumn(), -1);
    QCOMPARE(m_proxy->filterRole(), int(ExportRole)); // the CSV's text, never the locale's
    QCOMPARE(m_proxy->filterCaseSensitivity(), Qt::CaseInsensitive);
    QVERIFY(m_proxy->dynamicSortFilter());
    QCOMPARE(m_proxy->sortColumn(), -1);
}

void TestListProxyModel::numbers_sortByValueBothWays()
{
    m_proxy->sort(section(u"stargazers_count"_s), Qt::AscendingOrder);
    m_model->appendItems(sample()); // sorted while the rows arrive
    QCOMPARE(column(u"stargazers_count"_s), (QStringList{u"2"_s, u"9"_s, u"10"_s, u"80"_s, u"100"_s}));
    m_proxy->sort(section(u"stargazers_count"_s), Qt::DescendingOrder);
    QCOMPARE(column(u"stargazers_count"_s), (QStringList{u"100"_s, u"80"_s, u"10"_s, u"9"_s, u"2"_s}));
}

void TestListProxyModel::dates_sortChronologically()
{
    m_model->appendItems(sample());
    m_proxy->sort(section(u"pushed_at"_s), Qt::AscendingOrder);
    QCOMPARE(column(u"full_name"_s), (QStringList{u"octo/bravo"_s, u"octo/delta"_s, u"octo/alpha"_s,
                                                  u"octo/echo"_s, u"octo/charlie"_s}));
    m_proxy->sort(section(u"pushed_at"_s), Qt::DescendingOrder);
    QCOMPARE(column(u"full_name"_s), (QStringList{u"octo/echo"_s, u"octo/alpha"_s, u"octo/delta"_s,
                                                  u"octo/bravo"_s, u"octo/charlie"_s}));
}

// Ranked as numbers in bulk: negative counts, dates before 1970, and equal values, which keep the
// order their rows came in (the proxy's sort is stable) both ways.
void TestListProxyModel::numbersAndDates_manyRowsSortByValueAndTiesKeepTheirOrder()
{
    QJsonArray items;
    const QDateTime epoch(QDate(1970, 1, 1), QTime(0, 0), Qt::UTC);
    for (int i = 0; i < 1000; ++i) {
        const int n = (i * 37) % 50 - 10;
        items.append(QJsonObject{{u"id"_s, i},
                                 {u"stargazers_count"_s, n},
                                 {u"pushed_at"_s, epoch.addDays(qint64(n) * 400).toString(Qt::ISODate)}});
    }
    m_model->appendItems(items);
    const auto check = [this](const QString &name, Qt::SortOrder order) {
        m_proxy->sort(section(name), order);
        const int column = section(name);
        for (int row = 1; row < m_proxy->rowCount(); ++row) {
            const QVariant before = m_proxy->index(row - 1, column).data(SortRole);
            const QVariant here = m_proxy->index(row, column).data(SortRole);
            const qint64 a =
                name == u"pushed_at"_s ? before.toDateTime().toSecsSinceEpoch() : before.toLongLong();
            const qint64 b =
                name == u"pushed_at"_s ? here.toDateTime().toSecsSinceEpoch() : here.toLongLong();
            QVERIFY2(order == Qt::AscendingOrder ? a <= b : a >= b,
                     qPrintable(u"%1 then %2"_s.arg(a).arg(b)));
            if (a == b) {
                const int idBefore = m_proxy->index(row - 1, 0).data(IdRole).toInt();
                const int idHere = m_proxy->index(row, 0).data(IdRole).toInt();
                QVERIFY2(idBefore < idHere, qPrintable(u"ids %1 then %2"_s.arg(idBefore).arg(idHere)));
            }
        }
    };
    check(u"stargazers_count"_s, Qt::AscendingOrder);
    check(u"stargazers_count"_s, Qt::DescendingOrder);
    check(u"pushed_at"_s, Qt::AscendingOrder);
    check(u"pushed_at"_s, Qt::DescendingOrder);
    QCOMPARE(m_proxy->index(0, section(u"pushed_at"_s)).data(SortRole).toDateTime(), epoch.addDays(39 * 400));
}

void TestListProxyModel::booleans_sortFalseFirst()
{
    m_model->appendItems(sample());
    m_proxy->sort(section(u"fork"_s), Qt::AscendingOrder);
    QCOMPARE(column(u"fork"_s), (QStringList{u"false"_s, u"false"_s, u"false"_s, u"true"_s, u"true"_s}));
    m_proxy->sort(section(u"fork"_s), Qt::DescendingOrder);
    QCOMPARE(column(u"fork"_s), (QStringList{u"true"_s, u"true"_s, u"false"_s, u"false"_s, u"false"_s}));
}

void TestListProxyModel::nulls_goLastAscendingAndDescending()
{
    m_model->appendItems(sample());
    // Qt's own proxy would put the nulls first when descending.
    m_proxy->sort(section(u"language"_s), Qt::AscendingOrder);
    QCOMPARE(column(u"language"_s), (QStringList{u"C"_s, u"go"_s, u"Rust"_s, QString(), QString()}));
    m_proxy->sort(section(u"language"_s), Qt::DescendingOrder);
    QCOMPARE(column(u"language"_s), (QStringList{u"Rust"_s, u"go"_s, u"C"_s, QString(), QString()}));
}

void TestListProxyModel::text_sortsWithoutCase()
{
    m_model->appendItems(sample());
    m_proxy->sort(section(u"description"_s), Qt::AscendingOrder);
    QCOMPARE(column(u"description"_s), (QStringList{u"apples and pears"_s, u"Bananas"_s, u"cherries"_s,
                                                    u"Tools for Zebras"_s, QString()}));
}

void TestListProxyModel::text_sortsNumbersInItNaturally()
{
    QJsonArray items;
    for (const QString &name :
         {u"file10"_s, u"File2"_s, u"file1"_s, u"file02b"_s, u"v1.10.0"_s, u"v1.9.3"_s, u"file"_s,
          u"file2a"_s, u"x99999999999999999999"_s, u"x100000000000000000000"_s}) {
        items.append(QJsonObject{{u"full_name"_s, name}});
    }
    m_model->appendItems(items);
    m_proxy->sort(section(u"full_name"_s), Qt::AscendingOrder);
    QCOMPARE(column(u"full_name"_s), (QStringList{u"file"_s, u"file1"_s, u"File2"_s, u"file2a"_s,
                                                  u"file02b"_s, u"file10"_s, u"v1.9.3"_s, u"v1.10.0"_s,
                                                  u"x99999999999999999999"_s, u"x100000000000000000000"_s}));
    m_proxy->sort(section(u"full_name"_s), Qt::DescendingOrder);
    QCOMPARE(column(u"full_name"_s).first(), u"x100000000000000000000"_s);
    QCOMPARE(column(u"full_name"_s).last(), u"file"_s);
}

// Thousands of names with long shared prefixes, numbers, case and accents: ranked in bulk (a
// partition per character), they come in the order in which the proxy sorts any two of them alone.
void TestListProxyModel::text_manyRowsSortAsEachPairOfThemDoes()
{
    const QStringList stems{u"Bump golang.org/x/net from 0."_s,
                            u"[release-1.29] Fix"_s,
                            u"fix"_s,
                            u"Fix"_s,
                            u"FIX"_s,
                            u"Ébauche"_s,
                            u"ébauche"_s,
                            u"straße"_s,
                            u"STRASSE"_s,
                            QString()};
    QJsonArray items;
    QStringList names;
    for (int i = 0; i < 3000; ++i) {
        const int n = (i * 7919) % 131;
        QString name = stems.at(i % stems.size());
        name += (i % 3 == 0 ? u"0"_s : QString()) + QString::number(n) + (i % 4 == 0 ? u" b"_s : u" B"_s);
        if (i % 11 == 0) {
            name = stems.at(i % stems.size()); // the stem alone, before everything that goes on from it
        }
        names.append(name);
        items.append(QJsonObject{{u"full_name"_s, name}});
    }
    m_model->appendItems(items);
    m_proxy->sort(section(u"full_name"_s), Qt::AscendingOrder);
    const QStringList sorted = column(u"full_name"_s);
    QCOMPARE(sorted.size(), names.size());
    QStringList expectedSet = names;
    QStringList sortedSet = sorted;
    expectedSet.sort();
    sortedSet.sort();
    QCOMPARE(sortedSet, expectedSet); // every row once

    // Each neighbouring pair alone, in the same order: the proxy's sort is stable, so the first stays
    // first unless it sorts after the second.
    for (qsizetype i = 1; i < sorted.size(); ++i) {
        GitHubListModel pair(ListKind::Repositories);
        pair.appendItems(
            {QJsonObject{{u"full_name"_s, sorted.at(i - 1)}}, QJsonObject{{u"full_name"_s, sorted.at(i)}}});
        ListProxyModel proxy;
        proxy.setSourceModel(&pair);
        proxy.sort(section(u"full_name"_s), Qt::AscendingOrder);
        QVERIFY2(proxy.index(0, section(u"full_name"_s)).data().toString() == sorted.at(i - 1),
                 qPrintable(sorted.at(i - 1) + u" before "_s + sorted.at(i)));
    }
}

void TestListProxyModel::textLists_sortAsTheirText()
{
    // A list's SortRole is its exported text, never a QStringList the proxy could not compare.
    GitHubListModel gists(ListKind::Gists);
    ListProxyModel proxy;
    QAbstractItemModelTester tester(&proxy, QAbstractItemModelTester::FailureReportingMode::QtTest);
    proxy.setSourceModel(&gists);
    const auto gist = [](const QString &id, const QStringList &files) {
        QJsonObject byName;
        for (const QString &file : files) {
            byName.insert(file, QJsonObject{{u"filename"_s, file}});
        }
        return QJsonObject{{u"id"_s, id}, {u"files"_s, byName}};
    };
    gists.appendItems({gist(u"1"_s, {u"b.txt"_s, u"z.md"_s}), gist(u"2"_s, {u"A.cpp"_s}),
                       gist(u"3"_s, {u"b.txt"_s, u"c.md"_s})});
    const int files = gists.columnNamed(u"files"_s);
    QCOMPARE(gists.index(0, files).data(SortRole).metaType().id(), int(QMetaType::QString));
    proxy.sort(files, Qt::AscendingOrder);
    QStringList ids;
    for (int row = 0; row < proxy.rowCount(); ++row) {
        ids.append(proxy.index(row, gists.columnNamed(u"id"_s)).data(ExportRole).toString());
    }
    QCOMPARE(ids, (QStringList{u"2"_s, u"3"_s, u"1"_s}));
}

void TestListProxyModel::filter_matchesAnyColumnWithoutCaseWhileRowsArrive()
{
    m_proxy->sort(section(u"stargazers_count"_s), Qt::DescendingOrder);
    m_proxy->setFilterText(u"RUST"_s); // a language
    m_model->appendItems(sample());
    QCOMPARE(column(u"full_name"_s), QStringList{u"octo/delta"_s});

    m_proxy->setFilterText(u"octo/"_s); // a name and a web page
    QCOMPARE(m_proxy->rowCount(), 5);
    m_proxy->setFilterText(u"AND"_s); // a description
    QCOMPARE(column(u"full_name"_s), QStringList{u"octo/bravo"_s});
    // A later page: its matching row goes in at its sorted place (a language this time).
    m_model->appendItems({repository(u"foxtrot"_s, 50, false, u"Standard ML"_s, QJsonValue())});
    QCOMPARE(column(u"full_name"_s), (QStringList{u"octo/foxtrot"_s, u"octo/bravo"_s}));
    m_proxy->setFilterText(QString());
    QCOMPARE(m_proxy->rowCount(), 6);
}

// Issue 15: the ranks sort() keeps and the lower-cased text the filter reads follow every change of
// the rows after them: a later page, a page that changed in place, rows that went away.
void TestListProxyModel::sortAndFilter_stayRightWhenRowsChangeAfterwards()
{
    m_model->appendItems(sample());
    m_proxy->sort(section(u"stargazers_count"_s), Qt::DescendingOrder);
    QCOMPARE(column(u"full_name"_s), (QStringList{u"octo/charlie"_s, u"octo/echo"_s, u"octo/alpha"_s,
                                                  u"octo/bravo"_s, u"octo/delta"_s}));
    // A later page: its rows have no rank yet and still go in at their places.
    m_model->appendItems({repository(u"foxtrot"_s, 50, false, u"C"_s, QJsonValue()),
                          repository(u"golf"_s, 1000, false, u"C"_s, QJsonValue())});
    QCOMPARE(column(u"full_name"_s),
             (QStringList{u"octo/golf"_s, u"octo/charlie"_s, u"octo/echo"_s, u"octo/foxtrot"_s,
                          u"octo/alpha"_s, u"octo/bravo"_s, u"octo/delta"_s}));
    // The first page changed (revalidated): charlie lost its stars, and a description is Unicode.
    m_model->replaceRows(0, 5,
                         {repository(u"alpha"_s, 10, false, u"C"_s, QJsonValue(), u"Über-alles"_s),
                          repository(u"bravo"_s, 9, true, QJsonValue(), QJsonValue()),
                          repository(u"charlie"_s, 3, false, u"go"_s, QJsonValue(), u"Bananas"_s),
                          repository(u"delta"_s, 2, true, u"Rust"_s, QJsonValue())});
    QCOMPARE(column(u"full_name"_s), (QStringList{u"octo/golf"_s, u"octo/foxtrot"_s, u"octo/alpha"_s,
                                                  u"octo/bravo"_s, u"octo/charlie"_s, u"octo/delta"_s}));
    m_proxy->setFilterText(u"ÜBER"_s);
    QCOMPARE(column(u"full_name"_s), QStringList{u"octo/alpha"_s});
    m_proxy->setFilterText(u"cherries"_s); // echo's description went with its row
    QCOMPARE(m_proxy->rowCount(), 0);
    m_proxy->setFilterText(u"2010-06"_s); // a time is matched as the CSV writes it
    QCOMPARE(m_proxy->rowCount(), 0);     // delta was pushed then, and is no longer
    m_proxy->setFilterText(u"c"_s);
    QCOMPARE(m_proxy->rowCount(), 6);
    // A fresh sort ranks the new values; the filter and the order agree with Qt's own filter.
    m_proxy->sort(section(u"stargazers_count"_s), Qt::AscendingOrder);
    QCOMPARE(column(u"stargazers_count"_s),
             (QStringList{u"2"_s, u"3"_s, u"9"_s, u"10"_s, u"50"_s, u"1000"_s}));
    m_proxy->setFilterText(QString());
    m_proxy->setFilterFixedString(u"GO"_s);
    const QStringList byQt = column(u"full_name"_s);
    m_proxy->setFilterFixedString(QString());
    m_proxy->setFilterText(u"GO"_s);
    QCOMPARE(column(u"full_name"_s), byQt);
    QCOMPARE(byQt, (QStringList{u"octo/charlie"_s, u"octo/golf"_s}));
}

// Issue 15: a filter remembers which rows matched and a sort ranks its column once; rows that change
// while they hold are matched and placed again, and a later page is matched as it comes.
void TestListProxyModel::filterAndSort_followRowsThatChangeWhileTheyHold()
{
    m_model->appendItems(sample());
    m_proxy->sort(section(u"description"_s), Qt::AscendingOrder);
    m_proxy->setFilterText(u"AN"_s);
    QCOMPARE(column(u"description"_s), (QStringList{u"apples and pears"_s, u"Bananas"_s}));
    m_model->replaceRows(
        0, 5,
        {repository(u"alpha"_s, 10, false, u"C"_s, QJsonValue(), u"Tools for Zebras"_s),
         repository(u"bravo"_s, 9, true, QJsonValue(), QJsonValue(), u"apples and pears"_s),
         repository(u"charlie"_s, 100, false, u"go"_s, QJsonValue(), u"Kiwis"_s),
         repository(u"delta"_s, 2, true, u"Rust"_s, QJsonValue()),
         repository(u"echo"_s, 80, false, QJsonValue(), QJsonValue(), u"Éclairs and mangoes"_s)});
    QCOMPARE(column(u"description"_s), (QStringList{u"apples and pears"_s, u"Éclairs and mangoes"_s}));
    m_model->appendItems({repository(u"foxtrot"_s, 1, false, u"C"_s, QJsonValue(), u"Bandanas"_s)});
    QCOMPARE(column(u"description"_s),
             (QStringList{u"apples and pears"_s, u"Bandanas"_s, u"Éclairs and mangoes"_s}));
    m_proxy->sort(section(u"description"_s), Qt::DescendingOrder);
    QCOMPARE(column(u"description"_s),
             (QStringList{u"Éclairs and mangoes"_s, u"Bandanas"_s, u"apples and pears"_s}));
    m_proxy->setFilterText(QString()); // 'é' folds to a letter after 'z' in Unicode's order
    QCOMPARE(column(u"description"_s),
             (QStringList{u"Éclairs and mangoes"_s, u"Tools for Zebras"_s, u"Kiwis"_s, u"Bandanas"_s,
                          u"apples and pears"_s, QString()}));
}

void TestListProxyModel::header_alignsNumberTitlesRight()
{
    const int right = int(Qt::AlignRight | Qt::AlignVCenter);
    QCOMPARE(
        m_proxy->headerData(section(u"stargazers_count"_s), Qt::Horizontal, Qt::TextAlignmentRole).toInt(),
        right);
    QVERIFY(!m_proxy->headerData(section(u"description"_s), Qt::Horizontal, Qt::TextAlignmentRole).isValid());
    m_model->appendItems(sample());
    QCOMPARE(m_proxy->index(0, section(u"stargazers_count"_s)).data(Qt::TextAlignmentRole).toInt(), right);
}

void TestListProxyModel::rowsAsText_givesTabSeparatedLinesOfTheColumnsAsked()
{
    QJsonArray items = sample();
    QJsonObject withTab = items.at(0).toObject();
    withTab.insert(u"description"_s, u"one\ttwo\nthree"_s);
    items.replace(0, withTab);
    m_model->appendItems(items);
    m_proxy->sort(section(u"stargazers_count"_s), Qt::DescendingOrder);
    const QList<int> columns{section(u"stargazers_count"_s), section(u"full_name"_s),
                             section(u"description"_s)};
    QCOMPARE(m_proxy->rowsAsText({0, 2}, columns),
             u"100\tocto/charlie\tBananas\n10\tocto/alpha\tone two three\n"_s);
    QCOMPARE(m_proxy->rowsAsText({}, columns), QString());
}

QTEST_GUILESS_MAIN(TestListProxyModel)
#include "test_listproxymodel.moc"

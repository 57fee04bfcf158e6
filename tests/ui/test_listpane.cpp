#include "darkpalette.h"
#include "fakegithub.h"
#include "github/client.h"
#include "github/error.h"
#include "i18n/translations.h"
#include "models/githublistmodel.h"
#include "models/roles.h"
#include "ui/listpane.h"

#include <QAbstractItemModelTester>
#include <QAction>
#include <QApplication>
#include <QClipboard>
#include <QDateTime>
#include <QDir>
#include <QElapsedTimer>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QMenu>
#include <QNetworkAccessManager>
#include <QProgressBar>
#include <QSettings>
#include <QSignalSpy>
#include <QSortFilterProxyModel>
#include <QStandardPaths>
#include <QTableView>
#include <QTest>
#include <QToolButton>
#include <QUrlQuery>

#include <algorithm>
#include <memory>

using namespace Qt::StringLiterals;

using Hubshelf::GitHub::Error;
using Hubshelf::Models::ListKind;
using Hubshelf::Ui::ListPane;

Q_DECLARE_METATYPE(Hubshelf::GitHub::Error)

namespace {

#ifdef HUBSHELF_SANITIZED
// ASan's unoptimised, instrumented code sorts 20,000 arriving rows about twice as slowly.
constexpr int LoadTimeoutMs = 180000;
#else
constexpr int LoadTimeoutMs = 60000;
#endif

} // namespace

class TestListPane : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void cleanup();

    void newPane_hasAccessibleControlsAndNoList();
    void megacorpRepos_loadCompletelyWithProgressToTheLastPage();
    void rows_appearBeforeTheLastPage();
    void firstUse_isUnsortedWithWiderTextThanNumberColumns();
    void filter_narrowsRowsCaseInsensitivelyAndEscapeRestores();
    void filterKeys_escapeWhenEmptyStopsAndDownGoesIntoTheRows();
    void filterEnter_opensTheFirstMatchAndSelectsIt();
    void emptyStates_sayWhyThereAreNoRows();
    void sortByStars_isNumericNotTextual();
    void sortByDate_followsTime();
    void sortByBoolean_putsFalseFirst();
    void sortWithNulls_putsNullsLastInBothDirections();
    void columnChooser_hidesColumnButNeverTheLastOne();
    void columnChooser_staysOpenWhileTicking();
    void visibleColumns_followHeaderVisualOrder();
    void headerState_isRestoredForSameKindAndIndependentBetweenKinds();
    void stop_keepsRowsWithoutFailure();
    void serverFault_emitsLoadFailedAndKeepsRows();
    void enterOnRow_emitsRowActivatedWithSourceIndex();
    void copy_putsSelectedRowsOfVisibleColumnsOnClipboard();
    void reload_keepsFilterAndHeader();
    void proxy_passesModelTesterWhilePagesArrive();
    void twentyThousandPulls_loadSortedWhileArriving();
    void screenshots();

private:
    QUrl megacorpRepos() const;
    QUrl monorepoPulls() const;
    static bool waitForCompletion(ListPane &pane);
    static int columnNamed(const ListPane &pane, const QString &name);
    static QList<QVariant> sortValues(const ListPane &pane, int column);

    std::unique_ptr<FakeGitHub::Server> m_fake;
    std::unique_ptr<QNetworkAccessManager> m_network;
    std::unique_ptr<Hubshelf::GitHub::Client> m_client;
};

void TestListPane::initTestCase()
{
    // Before any QSettings exists: QSettings picks its folder once and for all.
    QStandardPaths::setTestModeEnabled(true);
    QCoreApplication::setOrganizationName(u"HubshelfTests"_s);
    QCoreApplication::setApplicationName(u"test_listpane"_s);
    QApplication::setQuitOnLastWindowClosed(false);
    // As the program does, in US English whatever the machine's locale: "1 row", "5,000 rows".
    QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates));
    QVERIFY(Hubshelf::I18n::installTranslations(*QCoreApplication::instance()));
    // Row counts are locale-formatted; the assertions are written for English.
    QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates));
    qRegisterMetaType<Hubshelf::GitHub::Error>();

    const QString testConfig = QStandardPaths::writableLocation(QStandardPaths::GenericConfigLocation);
    QVERIFY2(QSettings().fileName().startsWith(testConfig), qPrintable(QSettings().fileName()));
}

void TestListPane::init()
{
    QSettings().clear();
    m_fake = std::make_unique<FakeGitHub::Server>();
    QVERIFY(m_fake->listen());
    m_network = std::make_unique<QNetworkAccessManager>();
    m_client = std::make_unique<Hubshelf::GitHub::Client>(m_network.get(), nullptr, m_fake->apiUrl());
    // A token: the anonymous limit (60 an hour) is less than two loads of megacorp's 50 pages.
    m_client->setToken(FakeGitHub::Tokens::Octocat);
}

void TestListPane::cleanup()
{
    m_client.reset();
    m_network.reset();
    m_fake.reset();
}

QUrl TestListPane::megacorpRepos() const
{
    return m_client->endpoint(u"/orgs/"_s + FakeGitHub::Names::BigOrganization + u"/repos"_s);
}

QUrl TestListPane::monorepoPulls() const
{
    QUrlQuery query;
    query.addQueryItem(u"state"_s, u"all"_s);
    return m_client->endpoint(u"/repos/"_s + FakeGitHub::Names::BigRepository + u"/pulls"_s, query);
}

bool TestListPane::waitForCompletion(ListPane &pane)
{
    // What QTRY_VERIFY waits with, in a helper that answers rather than fails.
    return QTest::qWaitFor([&pane] { return !pane.isLoading(); }, LoadTimeoutMs) && pane.isComplete();
}

int TestListPane::columnNamed(const ListPane &pane, const QString &name)
{
    return pane.sourceModel() ? pane.sourceModel()->columnNamed(name) : -1;
}

// The SortRole values of a column, in the proxy's (the view's) order.
QList<QVariant> TestListPane::sortValues(const ListPane &pane, int column)
{
    QList<QVariant> values;
    const QSortFilterProxyModel *proxy = pane.proxyModel();
    values.reserve(proxy->rowCount());
    for (int row = 0; row < proxy->rowCount(); ++row) {
        values.append(proxy->index(row, column).data(Hubshelf::Models::SortRole));
    }
    return values;
}

void TestListPane::newPane_hasAccessibleControlsAndNoList()
{
    ListPane pane;
    QVERIFY(!pane.sourceModel());
    QVERIFY(!pane.isLoading());
    QVERIFY(!pane.isComplete());
    QCOMPARE(pane.proxyModel()->rowCount(), 0);
    QVERIFY(!pane.view()->accessibleName().isEmpty());
    QCOMPARE(pane.filterField()->placeholderText(), u"Filter rows (Ctrl+F)"_s);
    QVERIFY(pane.filterField()->isClearButtonEnabled());
    QVERIFY(!pane.filterField()->accessibleName().isEmpty());
    for (const QString &name : {u"listProgress"_s, u"listStop"_s, u"listColumns"_s}) {
        auto *widget = pane.findChild<QWidget *>(name);
        QVERIFY2(widget, qPrintable(name));
        QVERIFY2(!widget->accessibleName().isEmpty(), qPrintable(name));
        QVERIFY2(!widget->toolTip().isEmpty(), qPrintable(name));
    }
    QCOMPARE(pane.proxyModel()->filterKeyColumn(), -1);
    QCOMPARE(pane.proxyModel()->filterCaseSensitivity(), Qt::CaseInsensitive);
    QCOMPARE(pane.proxyModel()->sortRole(), int(Hubshelf::Models::SortRole));
    QVERIFY(!pane.view()->wordWrap());
    QCOMPARE(pane.view()->verticalHeader()->sectionResizeMode(0), QHeaderView::Fixed);

    pane.show();
    QVERIFY(QTest::qWaitForWindowExposed(&pane));
    pane.focusFilter();
    QTRY_VERIFY(pane.filterField()->hasFocus());
}

void TestListPane::megacorpRepos_loadCompletelyWithProgressToTheLastPage()
{
    ListPane pane;
    pane.show();
    auto *progress = pane.findChild<QProgressBar *>(u"listProgress"_s);
    auto *stopButton = pane.findChild<QToolButton *>(u"listStop"_s);
    QVERIFY(progress && stopButton);

    QSignalSpy started(&pane, &ListPane::loadingStarted);
    QSignalSpy finished(&pane, &ListPane::loadingFinished);
    QSignalSpy failed(&pane, &ListPane::loadFailed);
    QStringList progressTexts;
    QList<int> totals;
    bool progressVisibleWhileLoading = true;
    connect(&pane, &ListPane::pageLoaded, this, [&](int, int total) {
        progressTexts.append(progress->text());
        totals.append(total);
        progressVisibleWhileLoading =
            progressVisibleWhileLoading && progress->isVisible() && stopButton->isVisible();
    });

    pane.load(m_client.get(), ListKind::Repositories, megacorpRepos());
    QCOMPARE(started.count(), 1);
    QVERIFY(pane.isLoading());
    QVERIFY(progress->isVisible());
    QVERIFY(waitForCompletion(pane));

    QCOMPARE(pane.sourceModel()->rowCount(), FakeGitHub::BigOrganizationRepoCount);
    QCOMPARE(pane.proxyModel()->rowCount(), FakeGitHub::BigOrganizationRepoCount);
    QCOMPARE(progressTexts.size(), 50);
    QCOMPARE(progressTexts.first(), u"page 1 of 50"_s);
    QCOMPARE(progressTexts.last(), u"page 50 of 50"_s);
    QCOMPARE(totals.last(), 50);
    QVERIFY(progressVisibleWhileLoading);
    // Nothing more may follow the end: once the fake has answered everything it was asked, no
    // page or signal is left to come.
    QTRY_COMPARE(m_fake->inFlight(), 0);
    QCOMPARE(finished.count(), 1);
    QCOMPARE(failed.count(), 0);
    QVERIFY(!pane.isLoading());
    QVERIFY(!progress->isVisible());
    QVERIFY(!stopButton->isVisible());
    QCOMPARE(pane.findChild<QLabel *>(u"listRowCount"_s)->text(), u"5,000 rows"_s);
    QCOMPARE(pane.kind(), ListKind::Repositories);
}

void TestListPane::rows_appearBeforeTheLastPage()
{
    ListPane pane;
    int rowsAtFirstPage = -1;
    bool loadingAtFirstPage = false;
    connect(&pane, &ListPane::pageLoaded, this, [&](int done, int) {
        if (done == 1) {
            rowsAtFirstPage = pane.proxyModel()->rowCount();
            loadingAtFirstPage = pane.isLoading();
        }
    });
    pane.load(m_client.get(), ListKind::Repositories, megacorpRepos());
    QVERIFY(waitForCompletion(pane));
    QCOMPARE(rowsAtFirstPage, 100);
    QVERIFY(loadingAtFirstPage);
}

void TestListPane::firstUse_isUnsortedWithWiderTextThanNumberColumns()
{
    ListPane pane;
    pane.load(m_client.get(), ListKind::Repositories, megacorpRepos());
    QVERIFY(waitForCompletion(pane));

    const QHeaderView *header = pane.view()->horizontalHeader();
    QCOMPARE(header->sortIndicatorSection(), -1);
    QCOMPARE(pane.proxyModel()->sortColumn(), -1);
    // GitHub's own order: the proxy shows the source rows as they came.
    for (int row : {0, 1, 2500, 4999}) {
        QCOMPARE(pane.proxyModel()->mapToSource(pane.proxyModel()->index(row, 0)).row(), row);
    }
    const int description = columnNamed(pane, u"description"_s);
    const int stars = columnNamed(pane, u"stargazers_count"_s);
    QVERIFY(header->sectionSize(description) > 2 * header->sectionSize(stars));
    QCOMPARE(header->hiddenSectionCount(), 0);
    QVERIFY(header->sectionsMovable());
    QVERIFY(header->sectionsClickable());
}

void TestListPane::filter_narrowsRowsCaseInsensitivelyAndEscapeRestores()
{
    ListPane pane;
    pane.show();
    QVERIFY(QTest::qWaitForWindowExposed(&pane));
    pane.load(m_client.get(), ListKind::Repositories, megacorpRepos());
    QVERIFY(waitForCompletion(pane));
    auto *count = pane.findChild<QLabel *>(u"listRowCount"_s);

    // project-0010 .. project-0019, found in the name, the description and the web page alike.
    pane.focusFilter();
    QTest::keyClicks(pane.filterField(), u"PROJECT-001"_s);
    QTRY_COMPARE(pane.proxyModel()->rowCount(), 10);
    QCOMPARE(count->text(), u"10 of 5,000 rows"_s);
    for (int row = 0; row < 10; ++row) {
        QVERIFY(pane.proxyModel()->index(row, 0).data().toString().contains(u"project-001"_s));
    }

    QTest::keyClick(pane.filterField(), Qt::Key_Escape);
    QVERIFY(pane.filterField()->text().isEmpty());
    QCOMPARE(pane.proxyModel()->rowCount(), 5000);
    QCOMPARE(count->text(), u"5,000 rows"_s);
}

void TestListPane::filterKeys_escapeWhenEmptyStopsAndDownGoesIntoTheRows()
{
    ListPane pane;
    pane.show();
    QVERIFY(QTest::qWaitForWindowExposed(&pane));
    pane.focusFilter();
    QTRY_VERIFY(pane.filterField()->hasFocus());
    QSignalSpy stopped(&pane, &ListPane::stopped);

    // Nothing typed, pages coming: Escape stops the load.
    pane.load(m_client.get(), ListKind::Repositories, megacorpRepos());
    QVERIFY(pane.isLoading());
    QTest::keyClick(pane.filterField(), Qt::Key_Escape);
    QCOMPARE(stopped.count(), 1);
    QVERIFY(!pane.isLoading());

    // From the filter straight into the rows, on the first row of the first visible column.
    pane.load(m_client.get(), ListKind::Repositories, megacorpRepos());
    QVERIFY(waitForCompletion(pane));
    QVERIFY(!pane.view()->currentIndex().isValid());
    QTest::keyClick(pane.filterField(), Qt::Key_Down);
    QTRY_VERIFY(pane.view()->hasFocus());
    QCOMPARE(pane.view()->currentIndex().row(), 0);
    QCOMPARE(pane.view()->currentIndex().column(), pane.visibleColumns().value(0));
    QCOMPARE(stopped.count(), 1);
}

// Issue 14, rough edges: an empty table says why, never a blank panel.
void TestListPane::emptyStates_sayWhyThereAreNoRows()
{
    ListPane pane;
    pane.resize(900, 500);
    pane.show();
    QVERIFY(QTest::qWaitForWindowExposed(&pane));
    QLabel *empty = pane.emptyState();
    QVERIFY(!empty->isVisible());

    // A list with nothing in it.
    pane.load(m_client.get(), ListKind::Gists, m_client->endpoint(u"/users/nobody/gists"_s));
    QVERIFY(waitForCompletion(pane));
    QCOMPARE(pane.sourceModel()->rowCount(), 0);
    QVERIFY(empty->isVisible());
    QCOMPARE(empty->text(), u"No gists"_s);

    // Rows, none of them matching.
    pane.load(m_client.get(), ListKind::Repositories, megacorpRepos());
    QVERIFY(waitForCompletion(pane));
    QVERIFY(!empty->isVisible());
    QTest::keyClicks(pane.filterField(), u"<no such thing>"_s);
    pane.applyPendingFilter();
    QVERIFY(empty->isVisible());
    QCOMPARE(empty->text(), u"No rows match ‘&lt;no such thing&gt;’ — <a href=\"clear\">Clear filter</a>"_s);
    Q_EMIT empty->linkActivated(u"clear"_s);
    QVERIFY(pane.filterField()->text().isEmpty());
    QCOMPARE(pane.proxyModel()->rowCount(), 5000);
    QVERIFY(!empty->isVisible());

    // A list that failed before any row.
    m_fake->armFault(u"/users/octocat/followers"_s, FakeGitHub::Fault::withStatus(404));
    QSignalSpy failed(&pane, &ListPane::loadFailed);
    pane.load(m_client.get(), ListKind::Users, m_client->endpoint(u"/users/octocat/followers"_s));
    QTRY_COMPARE(failed.count(), 1);
    QVERIFY(empty->isVisible());
    QCOMPARE(empty->text(), u"Nothing to show: the message above says why."_s);
}

// Issue 14, rough edges: typed and Enter at once opens the first match, selected where it shows.
void TestListPane::filterEnter_opensTheFirstMatchAndSelectsIt()
{
    ListPane pane;
    pane.resize(900, 500);
    pane.show();
    QVERIFY(QTest::qWaitForWindowExposed(&pane));
    pane.load(m_client.get(), ListKind::Repositories, megacorpRepos());
    QVERIFY(waitForCompletion(pane));
    QSignalSpy activated(&pane, &ListPane::rowActivated);
    pane.focusFilter();
    QTest::keyClicks(pane.filterField(), u"project-0042"_s);
    QTest::keyClick(pane.filterField(), Qt::Key_Return); // within the typing pause
    QCOMPARE(activated.count(), 1);
    const QModelIndex opened = activated.first().first().toModelIndex();
    QCOMPARE(opened.siblingAtColumn(columnNamed(pane, u"full_name"_s))
                 .data(Hubshelf::Models::ExportRole)
                 .toString(),
             u"megacorp/project-0042"_s);
    QVERIFY(pane.view()->hasFocus());
    QCOMPARE(pane.view()->currentIndex().row(), 0);
    QVERIFY(pane.view()->selectionModel()->isRowSelected(0, {}));
}

void TestListPane::sortByStars_isNumericNotTextual()
{
    ListPane pane;
    pane.load(m_client.get(), ListKind::Repositories, megacorpRepos());
    QVERIFY(waitForCompletion(pane));
    const int stars = columnNamed(pane, u"stargazers_count"_s);
    QVERIFY(stars >= 0);

    pane.view()->sortByColumn(stars, Qt::AscendingOrder);
    const QList<QVariant> ascending = sortValues(pane, stars);
    QCOMPARE(ascending.size(), 5000);
    bool textOrderDiffers = false;
    for (qsizetype i = 1; i < ascending.size(); ++i) {
        QCOMPARE(ascending.at(i).metaType().id(), int(QMetaType::LongLong));
        QVERIFY2(ascending.at(i - 1).toLongLong() <= ascending.at(i).toLongLong(),
                 qPrintable(u"row %1"_s.arg(i)));
        // e.g. 999 before 1000: as text, "1000" would come first.
        textOrderDiffers = textOrderDiffers || ascending.at(i - 1).toString() > ascending.at(i).toString();
    }
    QVERIFY(textOrderDiffers);

    pane.view()->sortByColumn(stars, Qt::DescendingOrder);
    const QList<QVariant> descending = sortValues(pane, stars);
    QVERIFY(descending.first().toLongLong() > descending.last().toLongLong());
    for (qsizetype i = 1; i < descending.size(); ++i) {
        QVERIFY(descending.at(i - 1).toLongLong() >= descending.at(i).toLongLong());
    }
}

void TestListPane::sortByDate_followsTime()
{
    ListPane pane;
    pane.load(m_client.get(), ListKind::Repositories, megacorpRepos());
    QVERIFY(waitForCompletion(pane));
    const int pushed = columnNamed(pane, u"pushed_at"_s);

    pane.view()->sortByColumn(pushed, Qt::DescendingOrder);
    const QList<QVariant> values = sortValues(pane, pushed);
    for (qsizetype i = 1; i < values.size(); ++i) {
        QCOMPARE(values.at(i).metaType().id(), int(QMetaType::QDateTime));
        QVERIFY(values.at(i - 1).toDateTime() >= values.at(i).toDateTime());
    }
    QVERIFY(values.first().toDateTime() > values.last().toDateTime());
}

void TestListPane::sortByBoolean_putsFalseFirst()
{
    ListPane pane;
    pane.load(m_client.get(), ListKind::Repositories, megacorpRepos());
    QVERIFY(waitForCompletion(pane));
    const int fork = columnNamed(pane, u"fork"_s);

    pane.view()->sortByColumn(fork, Qt::AscendingOrder);
    const QList<QVariant> values = sortValues(pane, fork);
    const qsizetype forks = values.count(QVariant(true));
    QVERIFY(forks > 0 && forks < values.size());
    for (qsizetype i = 0; i < values.size(); ++i) {
        QCOMPARE(values.at(i).toBool(), i >= values.size() - forks);
    }
}

void TestListPane::sortWithNulls_putsNullsLastInBothDirections()
{
    ListPane pane;
    pane.load(m_client.get(), ListKind::Repositories, megacorpRepos());
    QVERIFY(waitForCompletion(pane));
    const int language = columnNamed(pane, u"language"_s);

    for (const Qt::SortOrder order : {Qt::AscendingOrder, Qt::DescendingOrder}) {
        pane.view()->sortByColumn(language, order);
        const QList<QVariant> values = sortValues(pane, language);
        const auto firstNull = std::find_if(values.cbegin(), values.cend(),
                                            [](const QVariant &value) { return !value.isValid(); });
        QVERIFY2(firstNull != values.cend(), "megacorp has repositories without a language");
        QVERIFY(firstNull != values.cbegin());
        QVERIFY(
            std::all_of(firstNull, values.cend(), [](const QVariant &value) { return !value.isValid(); }));
        for (auto it = values.cbegin() + 1; it != firstNull; ++it) {
            const int compared = (it - 1)->toString().compare(it->toString(), Qt::CaseInsensitive);
            QVERIFY(order == Qt::AscendingOrder ? compared <= 0 : compared >= 0);
        }
    }
}

// Issue 14, rough edges: several columns in one visit to the menu.
void TestListPane::columnChooser_staysOpenWhileTicking()
{
    ListPane pane;
    pane.resize(900, 500);
    pane.show();
    QVERIFY(QTest::qWaitForWindowExposed(&pane));
    pane.load(m_client.get(), ListKind::Repositories, megacorpRepos());
    pane.stop();
    QMenu *menu = pane.findChild<QToolButton *>(u"listColumns"_s)->menu();
    menu->popup(pane.mapToGlobal(QPoint(10, 10)));
    QVERIFY(QTest::qWaitForWindowExposed(menu));
    const auto actionTitled = [menu](const QString &title) -> QAction * {
        const QList<QAction *> actions = menu->actions();
        const auto found = std::find_if(actions.cbegin(), actions.cend(),
                                        [&title](const QAction *action) { return action->text() == title; });
        return found == actions.cend() ? nullptr : *found;
    };
    QAction *description = actionTitled(u"Description"_s);
    QAction *language = actionTitled(u"Language"_s);
    QVERIFY(description && language);
    const bool languageShown = language->isChecked();

    // By mouse: a click ticks and the menu stays.
    QTest::mouseClick(menu, Qt::LeftButton, {}, menu->actionGeometry(description).center());
    QVERIFY(menu->isVisible());
    QVERIFY(pane.view()->horizontalHeader()->isSectionHidden(columnNamed(pane, u"description"_s)));
    QVERIFY(!description->isChecked());
    // By keyboard: Space or Enter on the active entry.
    menu->setActiveAction(language);
    QTest::keyClick(menu, Qt::Key_Space);
    QVERIFY(menu->isVisible());
    QCOMPARE(language->isChecked(), !languageShown);
    QCOMPARE(pane.view()->horizontalHeader()->isSectionHidden(columnNamed(pane, u"language"_s)),
             languageShown);
    QTest::keyClick(menu, Qt::Key_Escape);
    QTRY_VERIFY(!menu->isVisible());
}

void TestListPane::columnChooser_hidesColumnButNeverTheLastOne()
{
    ListPane pane;
    pane.load(m_client.get(), ListKind::Repositories, megacorpRepos());
    pane.stop();
    auto *button = pane.findChild<QToolButton *>(u"listColumns"_s);
    QVERIFY(button && button->menu());
    QMenu *menu = button->menu();
    QCOMPARE(button->popupMode(), QToolButton::InstantPopup);

    Q_EMIT menu->aboutToShow();
    const int description = columnNamed(pane, u"description"_s);
    QAction *descriptionAction = nullptr;
    const QList<QAction *> before = menu->actions();
    for (QAction *action : before) {
        if (action->text() == u"Description"_s) {
            descriptionAction = action;
        }
    }
    QVERIFY(descriptionAction);
    QVERIFY(descriptionAction->isCheckable() && descriptionAction->isChecked());
    descriptionAction->trigger();
    QVERIFY(pane.view()->horizontalHeader()->isSectionHidden(description));
    QVERIFY(!pane.visibleColumns().contains(description));
    QCOMPARE(pane.visibleColumns().size(), pane.sourceModel()->columnCount() - 1);

    // Uncheck everything: one column must stay, and its action is disabled. The menu is rebuilt
    // each time it is shown, as the person would see it.
    for (int guard = 0; guard < 100; ++guard) {
        Q_EMIT menu->aboutToShow();
        const QList<QAction *> actions = menu->actions();
        const auto next = std::find_if(actions.cbegin(), actions.cend(), [](const QAction *action) {
            return action->isCheckable() && action->isChecked() && action->isEnabled();
        });
        if (next == actions.cend()) {
            break;
        }
        (*next)->trigger();
    }
    QCOMPARE(pane.visibleColumns().size(), 1);
    Q_EMIT menu->aboutToShow();
    int enabledChecked = 0;
    const QList<QAction *> after = menu->actions();
    for (QAction *action : after) {
        if (action->isCheckable() && action->isChecked()) {
            QVERIFY(!action->isEnabled());
        }
        enabledChecked += action->isCheckable() && action->isChecked() && action->isEnabled() ? 1 : 0;
    }
    QCOMPARE(enabledChecked, 0);

    // The header's context menu is the same menu.
    QCOMPARE(pane.view()->horizontalHeader()->contextMenuPolicy(), Qt::CustomContextMenu);
}

void TestListPane::visibleColumns_followHeaderVisualOrder()
{
    ListPane pane;
    pane.load(m_client.get(), ListKind::Repositories, megacorpRepos());
    pane.stop();
    QHeaderView *header = pane.view()->horizontalHeader();
    const int columns = pane.sourceModel()->columnCount();
    QList<int> identity;
    for (int i = 0; i < columns; ++i) {
        identity.append(i);
    }
    QCOMPARE(pane.visibleColumns(), identity);

    const int stars = columnNamed(pane, u"stargazers_count"_s);
    const int fork = columnNamed(pane, u"fork"_s);
    header->moveSection(header->visualIndex(stars), 0);
    header->hideSection(fork);
    const QList<int> visible = pane.visibleColumns();
    QCOMPARE(visible.first(), stars);
    QCOMPARE(visible.size(), columns - 1);
    QVERIFY(!visible.contains(fork));
    QCOMPARE(visible.at(1), 0);
}

void TestListPane::headerState_isRestoredForSameKindAndIndependentBetweenKinds()
{
    int stars = -1;
    int description = -1;
    {
        ListPane first;
        first.load(m_client.get(), ListKind::Repositories, megacorpRepos());
        first.stop();
        stars = columnNamed(first, u"stargazers_count"_s);
        description = columnNamed(first, u"description"_s);
        QHeaderView *header = first.view()->horizontalHeader();
        header->hideSection(description);
        header->moveSection(header->visualIndex(stars), 0);
        header->resizeSection(stars, 123);
        first.view()->sortByColumn(stars, Qt::DescendingOrder);
    } // saved on destruction at the latest
    QVERIFY(QSettings().contains(u"lists/repos/header"_s));

    ListPane second;
    second.load(m_client.get(), ListKind::Repositories, megacorpRepos());
    QHeaderView *header = second.view()->horizontalHeader();
    QVERIFY(header->isSectionHidden(description));
    QCOMPARE(header->visualIndex(stars), 0);
    QCOMPARE(header->sectionSize(stars), 123);
    QCOMPARE(header->sortIndicatorSection(), stars);
    QCOMPARE(header->sortIndicatorOrder(), Qt::DescendingOrder);
    QCOMPARE(second.proxyModel()->sortColumn(), stars);
    QCOMPARE(second.proxyModel()->sortOrder(), Qt::DescendingOrder);
    QVERIFY(waitForCompletion(second));
    QCOMPARE(second.proxyModel()->index(0, stars).data(Hubshelf::Models::SortRole).toLongLong(),
             sortValues(second, stars).first().toLongLong());
    QVERIFY(sortValues(second, stars).first().toLongLong() >= sortValues(second, stars).last().toLongLong());

    // Pull requests have their own header: nothing of the repositories' carries over.
    second.load(m_client.get(), ListKind::PullRequests, monorepoPulls());
    second.stop();
    QCOMPARE(header->hiddenSectionCount(), 0);
    QCOMPARE(header->sortIndicatorSection(), -1);
    QCOMPARE(second.proxyModel()->sortColumn(), -1);
    QCOMPARE(header->visualIndex(0), 0);

    // A change to the pulls header while it rests is saved, and the repositories' state is intact.
    header->hideSection(columnNamed(second, u"labels"_s));
    QTRY_VERIFY(QSettings().contains(u"lists/pulls/header"_s));
    second.load(m_client.get(), ListKind::Repositories, megacorpRepos());
    second.stop();
    QVERIFY(header->isSectionHidden(description));
    QCOMPARE(header->sortIndicatorSection(), stars);
}

void TestListPane::stop_keepsRowsWithoutFailure()
{
    ListPane pane;
    QSignalSpy stopped(&pane, &ListPane::stopped);
    QSignalSpy failed(&pane, &ListPane::loadFailed);
    QSignalSpy finished(&pane, &ListPane::loadingFinished);
    connect(&pane, &ListPane::pageLoaded, this, [&](int done, int) {
        if (done == 1) {
            pane.stop();
        }
    });
    pane.load(m_client.get(), ListKind::Repositories, megacorpRepos());
    QTRY_COMPARE_WITH_TIMEOUT(stopped.count(), 1, LoadTimeoutMs);
    QVERIFY(!pane.isLoading());
    QVERIFY(!pane.isComplete());
    QCOMPARE(pane.sourceModel()->rowCount(), 100);
    QVERIFY(!pane.findChild<QProgressBar *>(u"listProgress"_s)->isVisibleTo(&pane));

    // Pages already requested must not add rows now, even once the fake has answered them all.
    QTRY_COMPARE(m_fake->inFlight(), 0);
    QCoreApplication::processEvents();
    QCOMPARE(pane.sourceModel()->rowCount(), 100);
    QCOMPARE(failed.count(), 0);
    QCOMPARE(finished.count(), 0);
    QCOMPARE(stopped.count(), 1);

    pane.stop(); // nothing to stop: no second signal
    QCOMPARE(stopped.count(), 1);
}

void TestListPane::serverFault_emitsLoadFailedAndKeepsRows()
{
    m_client->setRetryBaseDelay(5);
    ListPane pane;
    QSignalSpy failed(&pane, &ListPane::loadFailed);
    QSignalSpy stopped(&pane, &ListPane::stopped);
    const QString path = u"/orgs/"_s + FakeGitHub::Names::BigOrganization + u"/repos"_s;
    // Armed once the first page is in, so that there are rows to keep.
    const QMetaObject::Connection arming = connect(&pane, &ListPane::pageLoaded, this, [&](int done, int) {
        if (done == 1) {
            m_fake->armFault(path, FakeGitHub::Fault::withStatus(500), -1);
        }
    });
    pane.load(m_client.get(), ListKind::Repositories, megacorpRepos());
    QTRY_COMPARE_WITH_TIMEOUT(failed.count(), 1, LoadTimeoutMs);
    const auto error = failed.first().first().value<Error>();
    QCOMPARE(error.kind, Error::Kind::Server);
    QCOMPARE(error.httpStatus, 500);
    QVERIFY(!pane.isLoading());
    QVERIFY(!pane.isComplete());
    QVERIFY(pane.sourceModel()->rowCount() >= 100);
    QVERIFY(pane.sourceModel()->rowCount() < 5000);
    QCOMPARE(stopped.count(), 0);
    QVERIFY(!pane.findChild<QProgressBar *>(u"listProgress"_s)->isVisibleTo(&pane));

    // Retry after the fault is gone fetches the whole list.
    disconnect(arming);
    m_fake->clearFaults();
    pane.reload();
    QVERIFY(waitForCompletion(pane));
    QCOMPARE(pane.sourceModel()->rowCount(), 5000);
}

void TestListPane::enterOnRow_emitsRowActivatedWithSourceIndex()
{
    ListPane pane;
    pane.resize(800, 400);
    pane.show();
    QVERIFY(QTest::qWaitForWindowExposed(&pane));
    pane.load(m_client.get(), ListKind::Repositories, megacorpRepos());
    QVERIFY(waitForCompletion(pane));
    // Sorted, so that a proxy row is not its source row.
    const int stars = columnNamed(pane, u"stargazers_count"_s);
    pane.view()->sortByColumn(stars, Qt::DescendingOrder);

    QSignalSpy activated(&pane, &ListPane::rowActivated);
    QSignalSpy current(&pane, &ListPane::currentRowChanged);
    const QModelIndex proxyIndex = pane.proxyModel()->index(3, 0);
    pane.view()->setCurrentIndex(proxyIndex);
    QCOMPARE(current.count(), 1);
    const int sourceRow = pane.proxyModel()->mapToSource(proxyIndex).row();
    QVERIFY(sourceRow != 3);
    QCOMPARE(current.first().first().value<QModelIndex>().row(), sourceRow);

    pane.view()->setFocus();
    QTest::keyClick(pane.view(), Qt::Key_Return);
    QCOMPARE(activated.count(), 1);
    const auto index = activated.first().first().value<QModelIndex>();
    QCOMPARE(index.model(), pane.sourceModel());
    QCOMPARE(index.row(), sourceRow);

    QTest::keyClick(pane.view(), Qt::Key_Enter, Qt::KeypadModifier);
    QCOMPARE(activated.count(), 2);

    // A double click on another row activates that one.
    const QModelIndex other = pane.proxyModel()->index(1, 1);
    const QRect rect = pane.view()->visualRect(other);
    QTest::mouseClick(pane.view()->viewport(), Qt::LeftButton, {}, rect.center());
    QTest::mouseDClick(pane.view()->viewport(), Qt::LeftButton, {}, rect.center());
    QCOMPARE(activated.count(), 3);
    QCOMPARE(activated.last().first().value<QModelIndex>().row(),
             pane.proxyModel()->mapToSource(other).row());
}

void TestListPane::copy_putsSelectedRowsOfVisibleColumnsOnClipboard()
{
    ListPane pane;
    pane.show();
    QVERIFY(QTest::qWaitForWindowExposed(&pane));
    pane.load(m_client.get(), ListKind::Repositories, megacorpRepos());
    QVERIFY(waitForCompletion(pane));
    const int description = columnNamed(pane, u"description"_s);
    pane.view()->horizontalHeader()->hideSection(description);

    QItemSelectionModel *selection = pane.view()->selectionModel();
    selection->select(pane.proxyModel()->index(2, 0),
                      QItemSelectionModel::Select | QItemSelectionModel::Rows);
    selection->select(pane.proxyModel()->index(5, 0),
                      QItemSelectionModel::Select | QItemSelectionModel::Rows);
    pane.view()->setFocus();
    QApplication::clipboard()->clear();
    QTest::keySequence(pane.view(), QKeySequence::Copy);

    const QString text = QApplication::clipboard()->text();
    const QStringList lines = text.split(u'\n', Qt::SkipEmptyParts);
    QCOMPARE(lines.size(), 2);
    const QList<int> visible = pane.visibleColumns();
    const QStringList cells = lines.at(1).split(u'\t');
    QCOMPARE(cells.size(), visible.size());
    QCOMPARE(cells.first(), pane.proxyModel()->index(5, visible.first()).data().toString());
    QVERIFY(lines.first().startsWith(pane.proxyModel()->index(2, 0).data().toString() + u'\t'));
    QVERIFY(!text.contains(pane.proxyModel()->index(2, description).data().toString()));
}

void TestListPane::reload_keepsFilterAndHeader()
{
    ListPane pane;
    pane.load(m_client.get(), ListKind::Repositories, megacorpRepos());
    QVERIFY(waitForCompletion(pane));
    const int fork = columnNamed(pane, u"fork"_s);
    pane.view()->horizontalHeader()->hideSection(fork);
    pane.filterField()->setText(u"project-002"_s);
    QTRY_COMPARE(pane.proxyModel()->rowCount(), 10);

    QSignalSpy started(&pane, &ListPane::loadingStarted);
    Hubshelf::GitHub::RequestOptions options;
    options.revalidate = true;
    pane.reload(options);
    QCOMPARE(started.count(), 1);
    QVERIFY(waitForCompletion(pane));
    QCOMPARE(pane.sourceModel()->rowCount(), 5000);
    QCOMPARE(pane.filterField()->text(), u"project-002"_s);
    QCOMPARE(pane.proxyModel()->rowCount(), 10);
    QVERIFY(pane.view()->horizontalHeader()->isSectionHidden(fork));

    // Another list starts unfiltered; clear() leaves no list at all.
    pane.load(m_client.get(), ListKind::PullRequests, monorepoPulls());
    QVERIFY(pane.filterField()->text().isEmpty());
    pane.clear();
    QVERIFY(!pane.isLoading());
    QVERIFY(!pane.sourceModel());
    QCOMPARE(pane.proxyModel()->rowCount(), 0);
    QSignalSpy again(&pane, &ListPane::loadingStarted);
    pane.reload();
    QCOMPARE(again.count(), 0);
}

void TestListPane::proxy_passesModelTesterWhilePagesArrive()
{
    ListPane pane;
    QAbstractItemModelTester tester(pane.proxyModel(),
                                    QAbstractItemModelTester::FailureReportingMode::QtTest);
    const QUrl gists = m_client->endpoint(u"/users/"_s + FakeGitHub::Names::ProlificUser + u"/gists"_s);

    // Sorted and filtered while the rows come in: inserts land all over the proxy.
    pane.load(m_client.get(), ListKind::Gists, gists);
    pane.view()->sortByColumn(columnNamed(pane, u"description"_s), Qt::AscendingOrder);
    pane.filterField()->setText(u"topic"_s);
    QVERIFY(waitForCompletion(pane));
    QVERIFY(pane.sourceModel()->rowCount() >= 200);
    // "Notes on topic N": one gist description in thirteen.
    QTRY_VERIFY(pane.proxyModel()->rowCount() < pane.sourceModel()->rowCount() / 10);
    QVERIFY(pane.proxyModel()->rowCount() > 0);

    pane.filterField()->clear();
    QCOMPARE(pane.proxyModel()->rowCount(), pane.sourceModel()->rowCount());
    pane.view()->sortByColumn(columnNamed(pane, u"comments"_s), Qt::DescendingOrder);
    pane.reload();
    QVERIFY(waitForCompletion(pane));
    pane.clear();
    QCOMPARE(pane.proxyModel()->rowCount(), 0);
}

void TestListPane::twentyThousandPulls_loadSortedWhileArriving()
{
    ListPane pane;
    pane.resize(1000, 600);
    pane.show();
    QVERIFY(QTest::qWaitForWindowExposed(&pane));
    QElapsedTimer timer;
    timer.start();
    pane.load(m_client.get(), ListKind::PullRequests, monorepoPulls());
    const int number = columnNamed(pane, u"number"_s);
    pane.view()->sortByColumn(number, Qt::DescendingOrder);
    // Scrolled into the middle with a row selected, as someone reading while the list arrives.
    QTRY_VERIFY_WITH_TIMEOUT(pane.proxyModel()->rowCount() >= 1000, LoadTimeoutMs);
    const QModelIndex chosen = pane.proxyModel()->index(500, 0);
    const QPersistentModelIndex chosenSource = pane.proxyModel()->mapToSource(chosen);
    pane.view()->setCurrentIndex(chosen);
    pane.view()->scrollTo(chosen, QAbstractItemView::PositionAtCenter);
    const int chosenY = pane.view()->visualRect(chosen).top();

    QVERIFY(waitForCompletion(pane));
    qInfo("20,000 pull requests, sorted while arriving, in %lld ms", timer.elapsed());
    QCOMPARE(pane.sourceModel()->rowCount(), FakeGitHub::BigRepositoryPullCount);
    const QList<QVariant> numbers = sortValues(pane, number);
    QCOMPARE(numbers.first().toLongLong(), qint64(FakeGitHub::BigRepositoryPullCount));
    for (qsizetype i = 1; i < numbers.size(); ++i) {
        QVERIFY(numbers.at(i - 1).toLongLong() > numbers.at(i).toLongLong());
    }
    // The chosen row is still current and still where it was on screen.
    QCOMPARE(QPersistentModelIndex(pane.proxyModel()->mapToSource(pane.view()->currentIndex())),
             chosenSource);
    QCOMPARE(pane.view()->visualRect(pane.view()->currentIndex()).top(), chosenY);

    // Figures for people, not assertions: a click on a text column, and a filter, over 20,000 rows.
    timer.restart();
    pane.view()->sortByColumn(columnNamed(pane, u"title"_s), Qt::AscendingOrder);
    qInfo("sorted 20,000 rows by title in %lld ms", timer.elapsed());
    timer.restart();
    pane.filterField()->setText(u"good first issue"_s);
    QTRY_VERIFY(pane.proxyModel()->rowCount() < FakeGitHub::BigRepositoryPullCount);
    qInfo("filtered 20,000 rows to %d in %lld ms (%d ms of it the typing pause)",
          pane.proxyModel()->rowCount(), timer.elapsed(), 150);
}

void TestListPane::screenshots()
{
    const QString folder = qEnvironmentVariable("HUBSHELF_SCREENSHOT_DIR");
    if (folder.isEmpty()) {
        QSKIP("HUBSHELF_SCREENSHOT_DIR is not set");
    }
    QVERIFY(QDir().mkpath(folder));

    {
        ListPane pane;
        pane.resize(1000, 600);
        pane.show();
        QVERIFY(QTest::qWaitForWindowExposed(&pane));
        pane.load(m_client.get(), ListKind::Repositories, megacorpRepos());
        QVERIFY(waitForCompletion(pane));
        pane.view()->sortByColumn(columnNamed(pane, u"stargazers_count"_s), Qt::DescendingOrder);
        pane.view()->selectRow(2);
        QVERIFY(pane.grab().save(QDir(folder).filePath(u"list-repositories.png"_s)));

        pane.setPalette(darkPalette());
        QVERIFY(pane.grab().save(QDir(folder).filePath(u"list-repositories-dark.png"_s)));
    }

    ListPane pane;
    pane.resize(1000, 600);
    pane.show();
    QVERIFY(QTest::qWaitForWindowExposed(&pane));
    QSignalSpy pages(&pane, &ListPane::pageLoaded);
    pane.load(m_client.get(), ListKind::PullRequests, monorepoPulls());
    QTRY_VERIFY_WITH_TIMEOUT(pages.count() >= 12, LoadTimeoutMs);
    QVERIFY(pane.isLoading());
    QVERIFY(pane.findChild<QProgressBar *>(u"listProgress"_s)->isVisible());
    // Lay out the latest row count without letting more pages in.
    QCoreApplication::sendPostedEvents(nullptr, QEvent::LayoutRequest);
    QVERIFY(pane.grab().save(QDir(folder).filePath(u"list-pulls-loading.png"_s)));
    pane.stop();
}

QTEST_MAIN(TestListPane)
#include "test_listpane.moc"

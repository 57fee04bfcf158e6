#include "models/listproxymodel.h"

#include "models/background.h"
#include "models/roles.h"

#include <QDateTime>
#include <QStringList>

#include <algorithm>
#include <optional>
#include <random>
#include <thread>
#include <utility>

namespace Hubshelf::Models {

namespace {

// Natural order: digits compare as numbers ("file2" before "file10"), the rest without case, then
// with case so that the order is total. Hand-written rather than QCollator's numeric mode: a sort
// of 20,000 rows makes ~300,000 comparisons, and this one allocates nothing.
int compareNaturally(QStringView a, QStringView b, Qt::CaseSensitivity sensitivity)
{
    qsizetype i = 0;
    qsizetype j = 0;
    while (i < a.size() && j < b.size()) {
        if (a[i].isDigit() && b[j].isDigit()) {
            const qsizetype startA = i;
            const qsizetype startB = j;
            while (i < a.size() && a[i].isDigit()) {
                ++i;
            }
            while (j < b.size() && b[j].isDigit()) {
                ++j;
            }
            // Leading zeros do not count; then the longer run is the larger number.
            QStringView runA = a.sliced(startA, i - startA);
            QStringView runB = b.sliced(startB, j - startB);
            while (runA.size() > 1 && runA.front() == u'0') {
                runA = runA.sliced(1);
            }
            while (runB.size() > 1 && runB.front() == u'0') {
                runB = runB.sliced(1);
            }
            if (runA.size() != runB.size()) {
                return runA.size() < runB.size() ? -1 : 1;
            }
            if (const int digits = runA.compare(runB); digits != 0) {
                return digits;
            }
            continue;
        }
        const QChar x = sensitivity == Qt::CaseInsensitive ? a[i].toCaseFolded() : a[i];
        const QChar y = sensitivity == Qt::CaseInsensitive ? b[j].toCaseFolded() : b[j];
        if (x != y) {
            return x < y ? -1 : 1;
        }
        ++i;
        ++j;
    }
    if ((a.size() - i) != (b.size() - j)) {
        return (a.size() - i) < (b.size() - j) ? -1 : 1;
    }
    return 0;
}

int compareText(const QString &a, const QString &b)
{
    const int folded = compareNaturally(a, b, Qt::CaseInsensitive);
    if (folded != 0) {
        return folded;
    }
    const int cased = compareNaturally(a, b, Qt::CaseSensitive);
    return cased != 0 ? cased : a.compare(b); // "007" and "7" too
}

// The order of two values that are both valid.
bool valueLess(const QVariant &a, const QVariant &b)
{
    // Lists come as their exported text (GitHubListModel's SortRole), so text is the last case.
    const int type = a.metaType().id();
    if (type == b.metaType().id()) {
        switch (type) {
        case QMetaType::LongLong:
        case QMetaType::Int:
        case QMetaType::UInt:
            return a.toLongLong() < b.toLongLong();
        case QMetaType::Bool:
            return !a.toBool() && b.toBool();
        case QMetaType::QDateTime:
            return a.toDateTime() < b.toDateTime();
        default:
            break;
        }
    }
    return compareText(a.toString(), b.toString()) < 0;
}

// Values of one type that valueLess() orders as numbers, as those numbers with their rows: sorting
// 100,000 QVariants through valueLess() took 40 ms, the numbers alone a tenth of that.
std::optional<std::vector<std::pair<qint64, int>>>
numbersOf(const std::vector<std::pair<QVariant, int>> &values)
{
    if (values.empty()) {
        return std::nullopt;
    }
    const int type = values.front().first.metaType().id();
    if (type != QMetaType::LongLong && type != QMetaType::Int && type != QMetaType::UInt &&
        type != QMetaType::Bool && type != QMetaType::QDateTime) {
        return std::nullopt;
    }
    std::vector<std::pair<qint64, int>> numbers;
    numbers.reserve(values.size());
    for (const auto &[value, row] : values) {
        if (value.metaType().id() != type) {
            return std::nullopt;
        }
        if (type == QMetaType::QDateTime) {
            const QDateTime time = value.toDateTime();
            if (!time.isValid()) {
                return std::nullopt;
            }
            numbers.emplace_back(time.toMSecsSinceEpoch(), row);
        } else {
            numbers.emplace_back(value.toLongLong(), row);
        }
    }
    return numbers;
}

// Appends a key whose plain order is compareNaturally()'s without case to `out`: each character
// case-folded, each run of digits without its leading zeros as '0', its length in two characters,
// then its digits. '0' stands for the run because any character it meets in the other key is then
// no digit, and compares with '0' as with every digit. Built once per row, where the comparison
// folded case again in each of a sort's 1.7 million comparisons of 100,000 rows.
void appendNaturalKey(QStringView text, std::vector<char16_t> &out)
{
    for (qsizetype i = 0; i < text.size();) {
        const char16_t unit = text[i].unicode();
        if (unit < 0x80 && (unit < u'0' || unit > u'9')) {
            out.push_back(unit >= u'A' && unit <= u'Z' ? char16_t(unit + (u'a' - u'A')) : unit);
            ++i;
            continue;
        }
        if (!text[i].isDigit()) {
            out.push_back(text[i].toCaseFolded().unicode());
            ++i;
            continue;
        }
        qsizetype start = i;
        while (i < text.size() && text[i].isDigit()) {
            ++i;
        }
        while (i - start > 1 && text[start] == u'0') {
            ++start;
        }
        const auto length = quint32(i - start);
        out.push_back(u'0');
        out.push_back(char16_t(length >> 16));
        out.push_back(char16_t(length & 0xffff));
        for (qsizetype digit = start; digit < i; ++digit) {
            out.push_back(text[digit].unicode());
        }
    }
}

// The natural keys of some texts, in one buffer: 100,000 keys of their own were as many
// allocations to make and to free, and scattered what the sort reads over the heap.
class NaturalKeys
{
public:
    // Keys of `texts` [first, end), one per text, in order.
    template <typename Text>
    void build(const Text &text, std::size_t first, std::size_t end)
    {
        m_ends.reserve(end - first);
        for (std::size_t i = first; i < end; ++i) {
            appendNaturalKey(text(i), m_units);
            m_ends.push_back(m_units.size());
        }
    }
    // Views of every key, valid while this lives and builds nothing more.
    void appendViews(std::vector<QStringView> &views) const
    {
        std::size_t start = 0;
        for (const std::size_t end : m_ends) {
            views.emplace_back(m_units.data() + start, qsizetype(end - start));
            start = end;
        }
    }

private:
    std::vector<char16_t> m_units;
    std::vector<std::size_t> m_ends;
};

// Runs `first` here and `second` on a thread of its own, and returns when both are done: the two
// halves of a ranking, which reads nothing but its own copies. A plain std::thread rather than
// Qt's pool: the pool may be busy parsing pages, and its futex-based handoff is invisible to TSan.
template <typename First, typename Second>
void inBothHalves(First &&first, Second &&second)
{
    std::thread other(std::forward<Second>(second));
    first();
    other.join();
}

// Where a null goes, whatever the direction: after every value. The proxy sorts descending by
// swapping the arguments, so a null then has to be "less".
bool nullLess(bool aValid, bool bValid, Qt::SortOrder order)
{
    if (aValid == bValid) {
        return false;
    }
    return order == Qt::DescendingOrder ? !aValid : !bValid;
}

// The indexes of `keys` in order, ties (equal keys) by `tieLess`: Bentley and Sedgewick's multikey
// quicksort, which reads each UTF-16 unit of a shared prefix once per partition rather than once per
// comparison. GitHub's titles share long prefixes ("Bump golang.org/x/net from 0.", "[release-1.29]
// Fix"), and std::sort's comparisons of whole keys were most of ranking 100,000 of them. An explicit
// stack and a random pivot: no recursion as deep as a key is long, and no order a server could
// choose to make it quadratic.
template <typename TieLess>
std::vector<int> sortedByKey(const std::vector<QStringView> &keys, TieLess tieLess)
{
    std::vector<int> order(keys.size());
    for (std::size_t i = 0; i < order.size(); ++i) {
        order[i] = int(i);
    }
    // 0 past the end, so that a key sorts before the longer keys it starts.
    const auto unit = [&keys](int key, qsizetype depth) -> char32_t {
        const QStringView text = keys[std::size_t(key)];
        return depth < text.size() ? char32_t(text[depth].unicode()) + 1 : 0;
    };
    struct Range
    {
        std::size_t first;
        std::size_t end;
        qsizetype depth;
    };
    // One range partitioned by the unit at its depth; the ranges still to sort go on `ranges`.
    const auto partition = [&](const Range &range, std::vector<Range> &ranges, std::minstd_rand &random) {
        const std::size_t size = range.end - range.first;
        if (size < 2) {
            return;
        }
        const auto begin = order.begin() + qsizetype(range.first);
        const auto end = order.begin() + qsizetype(range.end);
        if (size <= 12) {
            std::sort(begin, end, [&](int a, int b) {
                const int byKey =
                    keys[std::size_t(a)].mid(range.depth).compare(keys[std::size_t(b)].mid(range.depth));
                return byKey != 0 ? byKey < 0 : tieLess(a, b);
            });
            return;
        }
        const char32_t pivot = unit(*(begin + qsizetype(random() % size)), range.depth);
        // [first, less) below the pivot's unit, [less, greater) equal to it, [greater, end) above.
        auto less = begin;
        auto greater = end;
        for (auto at = begin; at < greater;) {
            const char32_t here = unit(*at, range.depth);
            if (here < pivot) {
                std::iter_swap(less++, at++);
            } else if (here > pivot) {
                std::iter_swap(at, --greater);
            } else {
                ++at;
            }
        }
        const auto index = [&order](auto at) { return std::size_t(at - order.begin()); };
        ranges.push_back({range.first, index(less), range.depth});
        ranges.push_back({index(greater), range.end, range.depth});
        if (pivot == 0) {
            std::sort(less, greater, tieLess); // the same key: the tie-break decides
        } else {
            ranges.push_back({index(less), index(greater), range.depth + 1});
        }
    };
    const auto sizeOf = [](const Range &range) { return range.end - range.first; };
    // Split until no range holds half the keys, then sort the ranges in two shares on two threads:
    // the ranges are apart in `order`, and `keys` and `tieLess` only read.
    std::vector<Range> ranges{{0, order.size(), 0}};
    std::minstd_rand random(20251207);
    for (int split = 0; split < 64 && !ranges.empty(); ++split) {
        const auto largest =
            std::max_element(ranges.begin(), ranges.end(),
                             [&](const Range &a, const Range &b) { return sizeOf(a) < sizeOf(b); });
        if (sizeOf(*largest) <= std::max<std::size_t>(order.size() / 2, 12)) {
            break;
        }
        const Range range = *largest;
        ranges.erase(largest);
        partition(range, ranges, random);
    }
    std::sort(ranges.begin(), ranges.end(),
              [&](const Range &a, const Range &b) { return sizeOf(a) > sizeOf(b); });
    std::vector<Range> shares[2];
    std::size_t shared[2] = {0, 0};
    for (const Range &range : ranges) {
        const int to = shared[0] <= shared[1] ? 0 : 1;
        shares[to].push_back(range);
        shared[to] += sizeOf(range);
    }
    const auto drain = [&partition](std::vector<Range> &share, std::minstd_rand::result_type seed) {
        std::minstd_rand own(seed);
        while (!share.empty()) {
            const Range range = share.back();
            share.pop_back();
            partition(range, share, own);
        }
    };
    inBothHalves([&] { drain(shares[0], 1); }, [&] { drain(shares[1], 2); });
    return order;
}

} // namespace

ListProxyModel::ListProxyModel(QObject *parent)
    : QSortFilterProxyModel(parent)
{
    setSortRole(SortRole);
    setFilterKeyColumn(-1);
    // The filter reads each cell as the CSV has it: GitHub's ISO times (so "2024" finds a year),
    // counts without grouping, and no locale formatting per cell while 20,000 rows are filtered.
    setFilterRole(ExportRole);
    setFilterCaseSensitivity(Qt::CaseInsensitive);
    setSortCaseSensitivity(Qt::CaseInsensitive);
    setDynamicSortFilter(true);
}

ListProxyModel::~ListProxyModel() = default;

void ListProxyModel::setSourceModel(QAbstractItemModel *model)
{
    for (const QMetaObject::Connection &connection : std::as_const(m_sourceConnections)) {
        disconnect(connection);
    }
    m_sourceConnections.clear();
    forgetRows();
    if (model) {
        // Connected before QSortFilterProxyModel's own, so that the index is right by the time the
        // proxy filters and sorts what changed.
        m_sourceConnections = {
            connect(model, &QAbstractItemModel::rowsInserted, this,
                    [this](const QModelIndex &, int first, int last) {
                        if (std::size_t(first) < m_searchText.size()) {
                            forgetRanksAndMatches(); // rows below moved: their ranks are another row's
                            m_searchText.insert(m_searchText.begin() + first, std::size_t(last - first + 1),
                                                {});
                        }
                        indexRows(first, last);
                    }),
            connect(model, &QAbstractItemModel::rowsRemoved, this,
                    [this](const QModelIndex &, int first, int last) {
                        forgetRanksAndMatches();
                        const std::size_t end = std::min(m_searchText.size(), std::size_t(last) + 1);
                        if (std::size_t(first) < end) {
                            m_searchText.erase(m_searchText.begin() + first,
                                               m_searchText.begin() + qsizetype(end));
                        }
                    }),
            connect(model, &QAbstractItemModel::dataChanged, this,
                    [this](const QModelIndex &topLeft, const QModelIndex &bottomRight) {
                        forgetRanksAndMatches();
                        indexRows(topLeft.row(), bottomRight.row());
                    }),
            connect(model, &QAbstractItemModel::modelReset, this, &ListProxyModel::forgetRows),
            connect(model, &QAbstractItemModel::layoutChanged, this, &ListProxyModel::forgetRows),
            connect(model, &QAbstractItemModel::rowsMoved, this, &ListProxyModel::forgetRows),
        };
    }
    QSortFilterProxyModel::setSourceModel(model);
    if (model) {
        indexRows(0, model->rowCount() - 1);
    }
}

void ListProxyModel::indexRows(int first, int last) const
{
    const QAbstractItemModel *source = sourceModel();
    if (!source || first < 0 || last < first) {
        return;
    }
    if (m_searchText.size() < std::size_t(last) + 1) {
        m_searchText.resize(std::size_t(last) + 1);
    }
    const int columns = source->columnCount();
    for (int row = first; row <= last; ++row) {
        QString text;
        for (int column = 0; column < columns; ++column) {
            text += source->index(row, column).data(filterRole()).toString();
            text += u'\n'; // no typed filter holds a line break: a match never spans two cells
        }
        m_searchText[std::size_t(row)] = text.toLower().toUtf8();
    }
}

const QByteArray &ListProxyModel::searchText(int sourceRow) const
{
    if (m_searchText.size() <= std::size_t(sourceRow) || m_searchText[std::size_t(sourceRow)].isNull()) {
        indexRows(sourceRow, sourceRow);
    }
    return m_searchText[std::size_t(sourceRow)];
}

void ListProxyModel::setFilterText(const QString &text)
{
    if (text == m_filterText) {
        return;
    }
    m_filterText = text;
    m_needle.setPattern(text.toLower().toUtf8());
    matchAll();
    invalidateRowsFilter();
}

void ListProxyModel::setExtraText(ExtraText extraText)
{
    m_extraText = std::move(extraText);
    refilter();
}

void ListProxyModel::refilter()
{
    if (m_needle.pattern().isEmpty()) {
        return;
    }
    matchAll();
    invalidateRowsFilter();
}

void ListProxyModel::matchAll()
{
    m_extraMatches = 0;
    m_matches.clear();
    const QAbstractItemModel *source = sourceModel();
    if (m_needle.pattern().isEmpty() || !source) {
        return;
    }
    const int rows = source->rowCount();
    for (int row = 0; row < rows; ++row) {
        (void)searchText(row); // indexed here: only this thread may read the source
    }
    m_matches.resize(std::size_t(rows));
    const auto match = [this](std::size_t first, std::size_t end) {
        for (std::size_t row = first; row < end; ++row) {
            m_matches[row] = m_needle.indexIn(m_searchText[row]) >= 0;
        }
    };
    const std::size_t half = m_matches.size() / 2;
    inBothHalves([&] { match(0, half); }, [&] { match(half, m_matches.size()); });
    if (m_extraText) { // on this thread: whoever keeps the extra text is not shared with the other
        for (std::size_t row = 0; row < m_matches.size(); ++row) {
            if (!m_matches[row] && m_needle.indexIn(m_extraText(int(row))) >= 0) {
                m_matches[row] = 1;
                ++m_extraMatches;
            }
        }
    }
}

void ListProxyModel::forgetRanks()
{
    m_rankColumn = -1;
    m_ranks.clear();
}

void ListProxyModel::forgetRanksAndMatches()
{
    forgetRanks();
    m_matches.clear();
}

void ListProxyModel::forgetRows()
{
    forgetRanksAndMatches();
    freeInTurns(std::exchange(m_searchText, {}));
}

void ListProxyModel::sort(int column, Qt::SortOrder order)
{
    // Ranks do not depend on the direction, and Qt 6.4's QTableView::sortByColumn() sorts twice:
    // a column is ranked once until its rows change.
    const QAbstractItemModel *source = sourceModel();
    if (source && column >= 0 &&
        (column != m_rankColumn || m_ranks.size() != std::size_t(source->rowCount()))) {
        rank(column);
    }
    QSortFilterProxyModel::sort(column, order);
}

void ListProxyModel::rank(int column)
{
    forgetRanks();
    const QAbstractItemModel *source = sourceModel();
    if (column < 0 || column >= source->columnCount()) {
        return;
    }
    // Each value is read and compared here once as n log n, rather than through two data() calls
    // per comparison in the proxy's sort and in every re-sort after a filter.
    const int rows = source->rowCount();
    std::vector<std::pair<QVariant, int>> values;
    values.reserve(std::size_t(rows));
    for (int row = 0; row < rows; ++row) {
        QVariant value = source->index(row, column).data(sortRole());
        if (value.isValid()) {
            values.emplace_back(std::move(value), row);
        }
    }
    const bool text = std::all_of(values.cbegin(), values.cend(), [](const auto &value) {
        return value.first.metaType().id() == QMetaType::QString;
    });
    m_ranks.assign(std::size_t(rows), -1);
    int rank = 0;
    if (text) {
        NaturalKeys halves[2];
        const std::size_t half = values.size() / 2;
        const auto textOf = [&values](std::size_t i) { return values[i].first.toString(); };
        inBothHalves([&] { halves[0].build(textOf, 0, half); },
                     [&] { halves[1].build(textOf, half, values.size()); });
        std::vector<QStringView> keys;
        keys.reserve(values.size());
        halves[0].appendViews(keys);
        halves[1].appendViews(keys);
        const auto tieLess = [&values](int a, int b) {
            return compareText(values[std::size_t(a)].first.toString(),
                               values[std::size_t(b)].first.toString()) < 0;
        };
        const std::vector<int> order = sortedByKey(keys, tieLess);
        // Whether each key in order ranks above the one before it, in two halves on two threads:
        // neighbours in order are far apart in memory, and each comparison waits for it.
        std::vector<char> above(order.size(), 0);
        const auto compare = [&](std::size_t first, std::size_t end) {
            for (std::size_t i = std::max<std::size_t>(first, 1); i < end; ++i) {
                above[i] = keys[std::size_t(order[i - 1])] != keys[std::size_t(order[i])] ||
                           tieLess(order[i - 1], order[i]);
            }
        };
        const std::size_t middle = order.size() / 2;
        inBothHalves([&] { compare(0, middle); }, [&] { compare(middle, order.size()); });
        for (std::size_t i = 0; i < order.size(); ++i) {
            rank += above[i];
            m_ranks[std::size_t(values[std::size_t(order[i])].second)] = rank;
        }
        freeInBackground(std::move(keys));
        freeInBackground(std::move(halves[0]));
        freeInBackground(std::move(halves[1]));
    } else if (std::optional<std::vector<std::pair<qint64, int>>> numbers = numbersOf(values)) {
        std::sort(numbers->begin(), numbers->end());
        for (std::size_t i = 0; i < numbers->size(); ++i) {
            rank += i > 0 && (*numbers)[i - 1].first < (*numbers)[i].first ? 1 : 0;
            m_ranks[std::size_t((*numbers)[i].second)] = rank;
        }
        freeInBackground(std::move(*numbers));
    } else {
        std::sort(values.begin(), values.end(),
                  [](const auto &a, const auto &b) { return valueLess(a.first, b.first); });
        for (std::size_t i = 0; i < values.size(); ++i) {
            rank += i > 0 && valueLess(values[i - 1].first, values[i].first) ? 1 : 0;
            m_ranks[std::size_t(values[i].second)] = rank;
        }
    }
    freeInBackground(std::move(values));
    m_rankColumn = column;
}

QString ListProxyModel::rowsAsText(const QList<int> &rows, const QList<int> &columns) const
{
    QString text;
    for (const int row : rows) {
        QStringList cells;
        cells.reserve(columns.size());
        for (const int column : columns) {
            QString cell = index(row, column).data(Qt::DisplayRole).toString();
            cells.append(cell.replace(u'\t', u' ').replace(u'\n', u' ').replace(u'\r', u' '));
        }
        text += cells.join(u'\t') + u'\n';
    }
    return text;
}

void ListProxyModel::setRequiredValue(int column, const QString &value)
{
    if (column == m_requiredColumn && value == m_requiredValue) {
        return;
    }
    m_requiredColumn = column;
    m_requiredValue = value;
    invalidateRowsFilter();
}

bool ListProxyModel::filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const
{
    if (m_requiredColumn >= 0) {
        const QModelIndex cell = sourceModel()->index(sourceRow, m_requiredColumn, sourceParent);
        if (cell.data(ExportRole).toString() != m_requiredValue) {
            return false;
        }
    }
    if (!m_needle.pattern().isEmpty()) {
        const bool matches = std::size_t(sourceRow) < m_matches.size()
                                 ? m_matches[std::size_t(sourceRow)] != 0
                                 : m_needle.indexIn(searchText(sourceRow)) >= 0 || // a later page
                                       (m_extraText && m_needle.indexIn(m_extraText(sourceRow)) >= 0);
        if (!matches) {
            return false;
        }
    }
    return QSortFilterProxyModel::filterAcceptsRow(sourceRow, sourceParent);
}

bool ListProxyModel::lessThan(const QModelIndex &left, const QModelIndex &right) const
{
    if (left.column() == m_rankColumn && right.column() == m_rankColumn &&
        std::size_t(std::max(left.row(), right.row())) < m_ranks.size()) {
        const int a = m_ranks[std::size_t(left.row())];
        const int b = m_ranks[std::size_t(right.row())];
        if (a < 0 || b < 0) {
            return nullLess(a >= 0, b >= 0, sortOrder());
        }
        return a < b;
    }
    // A row that arrived after sort() (another page), or another column.
    const QVariant a = left.data(sortRole());
    const QVariant b = right.data(sortRole());
    if (!a.isValid() || !b.isValid()) {
        return nullLess(a.isValid(), b.isValid(), sortOrder());
    }
    return valueLess(a, b);
}

} // namespace Hubshelf::Models

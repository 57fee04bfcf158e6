#include "models/columns.h"

#include "github/endpoints.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QJsonArray>
#include <QJsonValue>
#include <QLocale>
#include <QStringList>

using namespace Qt::StringLiterals;

namespace Hubshelf::Models {

namespace {

// Extractors: each takes one field of GitHub's JSON and types it, or answers an invalid QVariant
// when the field is null, missing or not of the expected JSON type.
QVariant textOf(const QJsonValue &value)
{
    return value.isString() ? QVariant(value.toString()) : QVariant();
}

QVariant integerOf(const QJsonValue &value)
{
    // toInteger() and not toInt(): ids are past 2^31 already (pull request ids are). It answers 0 for a
    // number that is not whole or beyond 64 bits (1.5, 1e300), which is no count or id: nothing then.
    if (!value.isDouble()) {
        return {};
    }
    const qint64 whole = value.toInteger();
    return double(whole) == value.toDouble() ? QVariant(whole) : QVariant();
}

QVariant booleanOf(const QJsonValue &value)
{
    return value.isBool() ? QVariant(value.toBool()) : QVariant();
}

QVariant dateTimeOf(const QJsonValue &value)
{
    if (!value.isString()) {
        return {};
    }
    const QDateTime utc = QDateTime::fromString(value.toString(), Qt::ISODate).toUTC();
    // An offset can move a time out of ISO 8601's four-digit years ("9999-12-31T23:59:59-12:00"), where
    // Qt writes no text for it: a time GitHub never sends, so no value, as for any unreadable one.
    if (!utc.isValid() || utc.date().year() < 1 || utc.date().year() > 9999) {
        return {};
    }
    return utc;
}

// Qt::ISODate of a UTC time without milliseconds, which is exactly GitHub's "2011-01-26T19:01:12Z",
// written by hand: QDateTime::toString formats through QString::asprintf, and the filter's text of
// 100,000 pull requests holds 400,000 of these.
QString isoUtcText(const QDateTime &time)
{
    const QDateTime utc = time.toUTC();
    if (!utc.isValid()) {
        return {};
    }
    int year = 0;
    int month = 0;
    int day = 0;
    utc.date().getDate(&year, &month, &day);
    const QTime clock = utc.time();
    if (year < 0 || year > 9999) {
        return utc.toString(Qt::ISODate);
    }
    char16_t text[20];
    const auto put = [&text](int at, int value, int digits) {
        for (int i = digits - 1; i >= 0; --i, value /= 10) {
            text[at + i] = char16_t(u'0' + value % 10);
        }
    };
    put(0, year, 4);
    text[4] = u'-';
    put(5, month, 2);
    text[7] = u'-';
    put(8, day, 2);
    text[10] = u'T';
    put(11, clock.hour(), 2);
    text[13] = u':';
    put(14, clock.minute(), 2);
    text[16] = u':';
    put(17, clock.second(), 2);
    text[19] = u'Z';
    return QString(reinterpret_cast<const QChar *>(text), 20);
}

// The member `key` of the object in `outer` (as "login" of "user"); undefined if `outer` is null.
QJsonValue nested(const QJsonObject &object, const QString &outer, const QString &key)
{
    return object.value(outer).toObject().value(key);
}

// "a.py, b.md (2)": the names as a person reads a list, and how many when there are several.
QString gistFilesShown(const QVariant &value)
{
    const QStringList names = value.toStringList();
    const QString joined = names.join(u", "_s);
    return names.size() > 1 ? QString(joined + u" ("_s + QLocale().toString(names.size()) + u')') : joined;
}

// A gist's "files" is an object keyed by file name. QJsonObject keeps keys sorted, as GitHub sends
// them, so "file order" is the order of the names.

QVariant gistFileNames(const QJsonObject &gist)
{
    const QJsonValue files = gist.value(u"files"_s);
    if (!files.isObject()) {
        return {};
    }
    QStringList names;
    const QJsonObject byName = files.toObject();
    for (auto it = byName.begin(); it != byName.end(); ++it) {
        const QString filename = it.value().toObject().value(u"filename"_s).toString();
        names.append(filename.isEmpty() ? it.key() : filename);
    }
    return names;
}

QVariant gistFileCount(const QJsonObject &gist)
{
    const QJsonValue files = gist.value(u"files"_s);
    return files.isObject() ? QVariant(qint64(files.toObject().size())) : QVariant();
}

QVariant gistLanguages(const QJsonObject &gist)
{
    const QJsonValue files = gist.value(u"files"_s);
    if (!files.isObject()) {
        return {};
    }
    QStringList languages;
    const QJsonObject byName = files.toObject();
    for (auto it = byName.begin(); it != byName.end(); ++it) {
        // GitHub sends "language": null for files it does not recognise (a .txt, a .log).
        const QJsonValue language = it.value().toObject().value(u"language"_s);
        if (language.isString() && !languages.contains(language.toString())) {
            languages.append(language.toString());
        }
    }
    return languages;
}

// GitHub's state, except that a closed pull request that was merged is "merged", as the window
// lists it and `gh` names it; merged_at tells. (GitHub's own example is "open" with a merged_at:
// the state wins.)
QVariant pullState(const QJsonObject &pull)
{
    const QVariant state = textOf(pull.value(u"state"_s));
    const QJsonValue merged = pull.value(u"merged_at"_s);
    if (state == u"closed"_s && merged.isString() && !merged.toString().isEmpty()) {
        return GitHub::Endpoints::mergedPullState();
    }
    return state;
}

QString pullStateShown(const QVariant &state)
{
    const QString word = state.toString();
    if (word == u"open"_s) {
        return QCoreApplication::translate("Hubshelf::Models::Columns", "Open");
    }
    if (word == u"closed"_s) {
        return QCoreApplication::translate("Hubshelf::Models::Columns", "Closed");
    }
    if (word == GitHub::Endpoints::mergedPullState()) {
        return QCoreApplication::translate("Hubshelf::Models::Columns", "Merged");
    }
    return word; // a state GitHub adds later reads as it is sent
}

QVariant labelNames(const QJsonObject &pull)
{
    const QJsonValue labels = pull.value(u"labels"_s);
    if (!labels.isArray()) {
        return {};
    }
    QStringList names;
    const QJsonArray array = labels.toArray();
    for (const QJsonValue &label : array) {
        const QJsonValue name = label.toObject().value(u"name"_s);
        if (name.isString()) {
            names.append(name.toString());
        }
    }
    return names;
}

Column text(const QString &name, const QString &columnTitle)
{
    return {name, columnTitle, ColumnType::Text,
            [name](const QJsonObject &object) { return textOf(object.value(name)); }};
}

Column integer(const QString &name, const QString &columnTitle)
{
    return {name, columnTitle, ColumnType::Integer,
            [name](const QJsonObject &object) { return integerOf(object.value(name)); }};
}

// A number that names something (an id, a pull request's number): shown as written, never
// grouped like a count ("1296269", not "1,296,269").
Column identifier(const QString &name, const QString &columnTitle)
{
    Column column = integer(name, columnTitle);
    column.shown = [](const QVariant &value) { return QString::number(value.toLongLong()); };
    return column;
}

Column boolean(const QString &name, const QString &columnTitle)
{
    return {name, columnTitle, ColumnType::Boolean,
            [name](const QJsonObject &object) { return booleanOf(object.value(name)); }};
}

Column dateTime(const QString &name, const QString &columnTitle)
{
    return {name, columnTitle, ColumnType::DateTime,
            [name](const QJsonObject &object) { return dateTimeOf(object.value(name)); }};
}

// A text column read from `key` of the object in `outer`, as "user" -> "login".
Column nestedText(const QString &name, const QString &columnTitle, const QString &outer, const QString &key)
{
    Column column{name, columnTitle, ColumnType::Text,
                  [outer, key](const QJsonObject &object) { return textOf(nested(object, outer, key)); }};
    column.reads = {outer + u'.' + key};
    return column;
}

// An integer column read from `key` of the object in `outer`, as "change_status" -> "additions".
Column nestedInteger(const QString &name, const QString &columnTitle, const QString &outer,
                     const QString &key)
{
    Column column{name, columnTitle, ColumnType::Integer,
                  [outer, key](const QJsonObject &object) { return integerOf(nested(object, outer, key)); }};
    column.reads = {outer + u'.' + key};
    return column;
}

Column reading(Column column, const QStringList &paths)
{
    column.reads = paths;
    return column;
}

// Every title is spelled out as QCoreApplication::translate("Hubshelf::Models::Columns", "...")
// because lupdate only collects literal context and text.
Column created()
{
    return dateTime(u"created_at"_s, QCoreApplication::translate("Hubshelf::Models::Columns", "Created"));
}
Column updated()
{
    return dateTime(u"updated_at"_s, QCoreApplication::translate("Hubshelf::Models::Columns", "Updated"));
}
Column webPage()
{
    return text(u"html_url"_s, QCoreApplication::translate("Hubshelf::Models::Columns", "Web page"));
}

QList<Column> gistColumns()
{
    Column description =
        text(u"description"_s, QCoreApplication::translate("Hubshelf::Models::Columns", "Description"));
    description.placeholder = QCoreApplication::translate("Hubshelf::Models::Columns", "(no description)");
    return {text(u"id"_s, QCoreApplication::translate("Hubshelf::Models::Columns", "ID")),
            description,
            boolean(u"public"_s, QCoreApplication::translate("Hubshelf::Models::Columns", "Public")),
            reading({u"files"_s, QCoreApplication::translate("Hubshelf::Models::Columns", "Files"),
                     ColumnType::TextList, gistFileNames, gistFilesShown},
                    {u"files.*.filename"_s}),
            reading({u"file_count"_s, QCoreApplication::translate("Hubshelf::Models::Columns", "File count"),
                     ColumnType::Integer, gistFileCount},
                    {u"files.*.filename"_s}),
            reading({u"languages"_s, QCoreApplication::translate("Hubshelf::Models::Columns", "Languages"),
                     ColumnType::TextList, gistLanguages},
                    {u"files.*.language"_s}),
            integer(u"comments"_s, QCoreApplication::translate("Hubshelf::Models::Columns", "Comments")),
            created(),
            updated(),
            webPage()};
}

QList<Column> repositoryColumns()
{
    return {
        text(u"full_name"_s, QCoreApplication::translate("Hubshelf::Models::Columns", "Repository")),
        text(u"description"_s, QCoreApplication::translate("Hubshelf::Models::Columns", "Description")),
        boolean(u"private"_s, QCoreApplication::translate("Hubshelf::Models::Columns", "Private")),
        boolean(u"fork"_s, QCoreApplication::translate("Hubshelf::Models::Columns", "Fork")),
        boolean(u"archived"_s, QCoreApplication::translate("Hubshelf::Models::Columns", "Archived")),
        text(u"language"_s, QCoreApplication::translate("Hubshelf::Models::Columns", "Language")),
        integer(u"stargazers_count"_s, QCoreApplication::translate("Hubshelf::Models::Columns", "Stars")),
        integer(u"forks_count"_s, QCoreApplication::translate("Hubshelf::Models::Columns", "Forks")),
        integer(u"open_issues_count"_s,
                QCoreApplication::translate("Hubshelf::Models::Columns", "Open issues")),
        text(u"default_branch"_s, QCoreApplication::translate("Hubshelf::Models::Columns", "Default branch")),
        created(),
        updated(),
        dateTime(u"pushed_at"_s, QCoreApplication::translate("Hubshelf::Models::Columns", "Pushed")),
        webPage()};
}

QList<Column> pullColumns()
{
    return {identifier(u"number"_s, QCoreApplication::translate("Hubshelf::Models::Columns", "Number")),
            text(u"title"_s, QCoreApplication::translate("Hubshelf::Models::Columns", "Title")),
            reading({u"state"_s, QCoreApplication::translate("Hubshelf::Models::Columns", "State"),
                     ColumnType::Text, pullState, pullStateShown},
                    {u"state"_s, u"merged_at"_s}),
            boolean(u"draft"_s, QCoreApplication::translate("Hubshelf::Models::Columns", "Draft")),
            nestedText(u"user"_s, QCoreApplication::translate("Hubshelf::Models::Columns", "Author"),
                       u"user"_s, u"login"_s),
            reading({u"labels"_s, QCoreApplication::translate("Hubshelf::Models::Columns", "Labels"),
                     ColumnType::TextList, labelNames},
                    {u"labels.name"_s}),
            created(), updated(),
            dateTime(u"closed_at"_s, QCoreApplication::translate("Hubshelf::Models::Columns", "Closed")),
            dateTime(u"merged_at"_s, QCoreApplication::translate("Hubshelf::Models::Columns", "Merged")),
            // "label" is "owner:branch", which tells a fork's branch from the base repository's.
            nestedText(u"head"_s, QCoreApplication::translate("Hubshelf::Models::Columns", "Head"), u"head"_s,
                       u"label"_s),
            nestedText(u"base"_s, QCoreApplication::translate("Hubshelf::Models::Columns", "Base"), u"base"_s,
                       u"label"_s),
            webPage()};
}

QList<Column> organizationColumns()
{
    // organization-simple has no html_url; "url" is the API address.
    return {text(u"login"_s, QCoreApplication::translate("Hubshelf::Models::Columns", "Login")),
            identifier(u"id"_s, QCoreApplication::translate("Hubshelf::Models::Columns", "ID")),
            text(u"description"_s, QCoreApplication::translate("Hubshelf::Models::Columns", "Description")),
            text(u"url"_s, QCoreApplication::translate("Hubshelf::Models::Columns", "API address"))};
}

QList<Column> revisionColumns()
{
    // A revision reads as GitHub shows it, by its first seven digits; the export keeps all forty.
    Column version = text(u"version"_s, QCoreApplication::translate("Hubshelf::Models::Columns", "Revision"));
    version.shown = [](const QVariant &value) { return value.toString().left(7); };
    return {
        version,
        dateTime(u"committed_at"_s, QCoreApplication::translate("Hubshelf::Models::Columns", "Committed")),
        nestedText(u"user"_s, QCoreApplication::translate("Hubshelf::Models::Columns", "Author"), u"user"_s,
                   u"login"_s),
        nestedInteger(u"additions"_s, QCoreApplication::translate("Hubshelf::Models::Columns", "Additions"),
                      u"change_status"_s, u"additions"_s),
        nestedInteger(u"deletions"_s, QCoreApplication::translate("Hubshelf::Models::Columns", "Deletions"),
                      u"change_status"_s, u"deletions"_s),
        text(u"url"_s, QCoreApplication::translate("Hubshelf::Models::Columns", "API address"))};
}

QList<Column> userColumns()
{
    return {text(u"login"_s, QCoreApplication::translate("Hubshelf::Models::Columns", "Login")),
            identifier(u"id"_s, QCoreApplication::translate("Hubshelf::Models::Columns", "ID")),
            text(u"type"_s, QCoreApplication::translate("Hubshelf::Models::Columns", "Type")),
            boolean(u"site_admin"_s, QCoreApplication::translate("Hubshelf::Models::Columns", "Site admin")),
            webPage()};
}

} // namespace

const QList<Column> &columnsOf(ListKind kind)
{
    // Built once: titles are translated on first use, after main() has installed the translators.
    static const QList<Column> gists = gistColumns();
    static const QList<Column> repositories = repositoryColumns();
    static const QList<Column> pulls = pullColumns();
    static const QList<Column> organizations = organizationColumns();
    static const QList<Column> users = userColumns();
    static const QList<Column> revisions = revisionColumns();
    switch (kind) {
    case ListKind::Gists:
        return gists;
    case ListKind::Repositories:
        return repositories;
    case ListKind::PullRequests:
        return pulls;
    case ListKind::Organizations:
        return organizations;
    case ListKind::Users:
        return users;
    case ListKind::Revisions:
        return revisions;
    }
    Q_UNREACHABLE();
    return users;
}

int columnNamed(ListKind kind, const QString &name)
{
    const QList<Column> &all = columnsOf(kind);
    for (qsizetype i = 0; i < all.size(); ++i) {
        if (all.at(i).name == name) {
            return int(i);
        }
    }
    return -1;
}

QStringList columnNames(ListKind kind)
{
    QStringList names;
    for (const Column &column : columnsOf(kind)) {
        names.append(column.name);
    }
    return names;
}

QStringList memberPaths(ListKind kind)
{
    QStringList paths{u"html_url"_s, u"id"_s};
    for (const Column &column : columnsOf(kind)) {
        paths += column.reads.isEmpty() ? QStringList{column.name} : column.reads;
    }
    paths.removeDuplicates();
    return paths;
}

Qt::Alignment alignment(const Column &column)
{
    return column.type == ColumnType::Integer ? Qt::AlignRight | Qt::AlignVCenter : Qt::Alignment();
}

ColumnWidth naturalWidth(const Column &column)
{
    switch (column.type) {
    case ColumnType::Integer:
        return {u"0000000"_s, 1};
    case ColumnType::Boolean:
        return {QString(), 4};
    case ColumnType::DateTime:
        return {u"2011-01-26T19:01:12Z"_s, 1};
    case ColumnType::TextList:
        return {QString(), 14};
    case ColumnType::Text:
        break;
    }
    const QString &name = column.name;
    if (name == u"description"_s || name == u"title"_s) {
        return {QString(), 30};
    }
    if (name == u"full_name"_s || name == u"html_url"_s || name == u"url"_s || name == u"head"_s ||
        name == u"base"_s) {
        return {QString(), 18};
    }
    if (name == u"version"_s) {
        return {u"57a7f02"_s, 2};
    }
    if (name == u"id"_s || name == u"login"_s) {
        return {QString(), 13};
    }
    if (name == u"state"_s) {
        // The longest state in the language shown: German's "Zusammengeführt" is three times "Open".
        QString longest;
        for (const QString &state : {u"open"_s, u"closed"_s, GitHub::Endpoints::mergedPullState()}) {
            const QString shown = pullStateShown(state);
            longest = shown.size() > longest.size() ? shown : longest;
        }
        return {longest, 1};
    }
    return {QString(), 9};
}

QString listKindName(ListKind kind)
{
    switch (kind) {
    case ListKind::Gists:
        return u"gists"_s;
    case ListKind::Repositories:
        return u"repos"_s;
    case ListKind::PullRequests:
        return u"pulls"_s;
    case ListKind::Organizations:
        return u"orgs"_s;
    case ListKind::Users:
        return u"users"_s;
    case ListKind::Revisions:
        return u"revisions"_s;
    }
    Q_UNREACHABLE();
    return {};
}

QStringList defaultVisibleColumns(ListKind kind)
{
    // A gist is found by what it is about and what it holds: the hex id and "public" (always yes
    // in another person's list) start hidden.
    if (kind == ListKind::Gists) {
        return {u"description"_s, u"files"_s, u"languages"_s, u"comments"_s, u"updated_at"_s};
    }
    if (kind == ListKind::Revisions) { // the API's own address of each is for the export
        return {u"version"_s, u"committed_at"_s, u"user"_s, u"additions"_s, u"deletions"_s};
    }
    QStringList names;
    for (const Column &column : columnsOf(kind)) {
        names.append(column.name);
    }
    return names;
}

QString exportText(const QVariant &value, ColumnType type)
{
    if (!value.isValid()) {
        return {};
    }
    switch (type) {
    case ColumnType::Text:
        return value.toString();
    case ColumnType::Integer:
        return QString::number(value.toLongLong());
    case ColumnType::Boolean:
        return value.toBool() ? u"true"_s : u"false"_s;
    case ColumnType::DateTime:
        return isoUtcText(value.toDateTime());
    case ColumnType::TextList:
        return value.toStringList().join(u';');
    }
    Q_UNREACHABLE();
    return {};
}

} // namespace Hubshelf::Models

#pragma once

#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>
#include <QVariant>
#include <Qt>

#include <functional>

namespace Hubshelf::Models {

// The kinds of GitHub list Hubshelf shows and exports.
// Revisions: a gist's commits (GET /gists/{id}/commits), each the gist as it was.
enum class ListKind { Gists, Repositories, PullRequests, Organizations, Users, Revisions };

enum class ColumnType { Text, Integer, Boolean, DateTime, TextList };

// One column: its CSV name (as in the design, e.g. "stargazers_count"), its title on screen, its
// type, and how to take its value from one GitHub object. Values are stored typed: QString,
// qint64, bool, QDateTime (UTC) or QStringList; a null or missing field is an invalid QVariant.
struct Column
{
    QString name;
    QString title;
    ColumnType type = ColumnType::Text;
    std::function<QVariant(const QJsonObject &)> value;
    // How a value reads on screen when it is a word of GitHub's ("open") rather than data; empty:
    // as exported.
    std::function<QString(const QVariant &)> shown = {};
    // What the window shows, greyed, where the value is missing or empty; empty: nothing.
    QString placeholder = {};
    // The members of GitHub's object that `value` reads, as GitHub::MemberSelection's paths;
    // empty: the member of the column's name, whole.
    QStringList reads = {};
};

// The window's columns of a kind when nobody has chosen (CSV names, in order); the kind's other
// columns start hidden. Export and the command line keep every column, in the kind's own order.
QStringList defaultVisibleColumns(ListKind kind);

// The columns of each kind, in the order of the design's CSV headers.
const QList<Column> &columnsOf(ListKind kind);

// The column of `kind` with this CSV name, -1 if the kind has none.
int columnNamed(ListKind kind, const QString &name);
// The CSV names of the kind's columns, in order.
QStringList columnNames(ListKind kind);
// What the rows of a kind read of each object: every column's members, html_url and id.
QStringList memberPaths(ListKind kind);

// Numbers line up on the right, their titles too (above the digits); everything else takes the
// view's default (left), which an empty Alignment means.
Qt::Alignment alignment(const Column &column);

// A column's natural width before a person resizes it, for the view to turn into pixels with its
// font: the width of `sample` (when there is one) plus `ems` widths of 'M'. The title is the
// view's to fit.
struct ColumnWidth
{
    QString sample;
    int ems = 9;
};
ColumnWidth naturalWidth(const Column &column);

// "gists", "repos", "pulls", "orgs", "users", "revisions": the names the command line uses.
QString listKindName(ListKind kind);

// A value as text for export and display: lists joined with ';', booleans "true"/"false",
// timestamps ISO 8601 UTC as GitHub sends them ("2011-01-26T19:01:12Z"), nothing for null.
QString exportText(const QVariant &value, ColumnType type);

} // namespace Hubshelf::Models

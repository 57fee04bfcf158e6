// The JSON -> row mapping of every list kind, over any bytes a server may send as a page body: the
// body goes through GitHub::parseJsonBody (what the client accepts) into
// Models::GitHubListModel::appendItems, and every cell is read in every role, then exported as CSV
// the way `hubshelf export` does. Properties: one row per object, each typed cell holds exactly
// what the JSON said (or nothing), dates export as text that reads back as the same second.
#include "export/csvwriter.h"
#include "fuzzcheck.h"
#include "github/request.h"
#include "models/githublistmodel.h"
#include "models/roles.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonObject>

#include <array>
#include <cmath>
#include <memory>

using namespace Hubshelf::Models;

namespace {

constexpr std::array Kinds = {ListKind::Gists,         ListKind::Repositories, ListKind::PullRequests,
                              ListKind::Organizations, ListKind::Users,        ListKind::Revisions};

// Made once: a model per kind, cleared between inputs.
std::array<std::unique_ptr<GitHubListModel>, Kinds.size()> models;

// Columns whose value is not the JSON member of their own name (computed or nested ones).
bool readsItsOwnMember(ListKind kind, const Column &column)
{
    if (column.type == ColumnType::TextList) {
        return false;
    }
    if (kind == ListKind::Gists && column.name == QStringLiteral("file_count")) {
        return false;
    }
    if (kind == ListKind::Revisions && column.name != QStringLiteral("version") &&
        column.name != QStringLiteral("committed_at") && column.name != QStringLiteral("url")) {
        return false; // user.login, change_status.additions and .deletions
    }
    return !(kind == ListKind::PullRequests &&
             (column.name == QStringLiteral("user") || column.name == QStringLiteral("head") ||
              column.name == QStringLiteral("base")));
}

void checkCell(const Column &column, const QJsonValue &json, const QVariant &value, const QString &exported)
{
    switch (column.type) {
    case ColumnType::Text:
        FUZZ_CHECK(value.isValid() == json.isString());
        FUZZ_CHECK(!value.isValid() || value.toString() == json.toString());
        FUZZ_CHECK(exported == json.toString());
        break;
    case ColumnType::Boolean:
        FUZZ_CHECK(value.isValid() == json.isBool());
        FUZZ_CHECK(!value.isValid() || value.toBool() == json.toBool());
        break;
    case ColumnType::Integer:
        // A count or an id is a whole number; anything else is no value, not a number made up.
        if (value.isValid()) {
            FUZZ_CHECK(json.isDouble());
            FUZZ_CHECK_MSG(double(value.toLongLong()) == json.toDouble(), qPrintable(exported));
            FUZZ_CHECK(exported == QString::number(value.toLongLong()));
        } else {
            FUZZ_CHECK(!json.isDouble() || json.toDouble() != std::trunc(json.toDouble()) ||
                       std::abs(json.toDouble()) >= 9.2e18);
        }
        break;
    case ColumnType::DateTime:
        if (value.isValid()) {
            FUZZ_CHECK(json.isString());
            const QDateTime time = value.toDateTime();
            FUZZ_CHECK(time.isValid() && time.timeSpec() == Qt::UTC);
            const QDateTime readBack = QDateTime::fromString(exported, Qt::ISODate);
            FUZZ_CHECK_MSG(readBack.isValid(), qPrintable(json.toString() + u" -> " + exported));
            // The text has whole seconds (as GitHub's); before 1970 the epoch seconds round the other way.
            FUZZ_CHECK_MSG(readBack == time.addMSecs(-time.time().msec()),
                           qPrintable(json.toString() + u" -> " + exported));
        } else {
            FUZZ_CHECK(exported.isEmpty());
        }
        break;
    case ColumnType::TextList:
        break;
    }
}

void checkModel(const GitHubListModel &model, const QJsonArray &items)
{
    QList<QJsonObject> objects;
    for (const QJsonValue &item : items) {
        if (item.isObject()) {
            objects.append(item.toObject());
        }
    }
    FUZZ_CHECK(model.rowCount() == objects.size());
    const QList<Column> &columns = model.columns();
    FUZZ_CHECK(model.columnCount() == columns.size());
    for (int row = 0; row < model.rowCount(); ++row) {
        const QJsonObject &object = objects.at(row);
        for (int column = 0; column < model.columnCount(); ++column) {
            const QModelIndex index = model.index(row, column);
            const QVariant display = model.data(index, Qt::DisplayRole);
            const QVariant sort = model.data(index, SortRole);
            const QString exported = model.data(index, ExportRole).toString();
            model.data(index, Qt::ToolTipRole);
            model.data(index, Qt::TextAlignmentRole);
            model.data(index, HtmlUrlRole);
            model.data(index, IdRole);
            FUZZ_CHECK(display.isValid() || !sort.isValid());
            if (readsItsOwnMember(model.kind(), columns.at(column))) {
                checkCell(columns.at(column), object.value(columns.at(column).name), sort, exported);
            }
        }
    }
    for (int column = 0; column < model.columnCount(); ++column) {
        FUZZ_CHECK(model.headerData(column, Qt::Horizontal, ExportRole).toString() ==
                   columns.at(column).name);
    }
    // `hubshelf export`: the header and a record per row, never a NUL.
    const QByteArray csv = Hubshelf::Export::modelToCsv(model, ExportRole, {}, {});
    FUZZ_CHECK(!csv.isEmpty() && !csv.contains('\0'));
}

} // namespace

extern "C" int LLVMFuzzerInitialize(int *, char ***)
{
    Hubshelf::Fuzz::silenceQtMessages();
    for (std::size_t i = 0; i < Kinds.size(); ++i) {
        models[i] = std::make_unique<GitHubListModel>(Kinds[i]);
    }
    return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const std::optional<QJsonDocument> document =
        Hubshelf::GitHub::parseJsonBody(Hubshelf::Fuzz::bytesOf(data, size));
    // PageStream hands over arrays only; anything else ends the stream with an error.
    if (!document || !document->isArray()) {
        return 0;
    }
    const QJsonArray items = document->array();
    for (const std::unique_ptr<GitHubListModel> &model : models) {
        model->clear();
        model->appendItems(items);
        checkModel(*model, items);
    }
    return 0;
}

#include "export/csvwriter.h"

#include "export/logging.h"
#include "export/stagedfile.h"

#include <QAbstractItemModel>
#include <QBuffer>
#include <QCoreApplication>
#include <QIODevice>

#include <optional>

using namespace Qt::StringLiterals;

namespace Hubshelf::Export {

namespace {

// OWASP's list for CSV injection. "-1" and "+49 30 ..." are guarded too, as OWASP advises: "-2+3+cmd|..."
// starts like a number, and a number check would be one more parser to get wrong. The guard can be off.
bool startsLikeFormula(const QString &text)
{
    if (text.isEmpty()) {
        return false;
    }
    switch (text.front().unicode()) {
    case u'=':
    case u'+':
    case u'-':
    case u'@':
    case u'\t':
    case u'\r':
        return true;
    default:
        return false;
    }
}

// Checked on the UTF-8 bytes: ASCII bytes never occur inside a multi-byte sequence.
bool needsQuotes(const QByteArray &utf8)
{
    for (const char c : utf8) {
        if (c == ',' || c == '"' || c == '\r' || c == '\n') {
            return true;
        }
    }
    return false;
}

// The first column in `columns` the model does not have (an optional, as -1 is one of them).
std::optional<int> missingColumn(const QAbstractItemModel &model, const QList<int> &columns)
{
    const int count = model.columnCount();
    for (const int column : columns) {
        if (column < 0 || column >= count) {
            return column;
        }
    }
    return std::nullopt;
}

// The context translators see for the sentences of this file.
struct Messages
{
    Q_DECLARE_TR_FUNCTIONS(Hubshelf::Export::CsvWriter)
};

QList<int> allColumns(const QAbstractItemModel &model)
{
    QList<int> columns;
    const int count = model.columnCount();
    columns.reserve(count);
    for (int column = 0; column < count; ++column) {
        columns.append(column);
    }
    return columns;
}

} // namespace

QByteArray csvField(const QString &original, bool formulaGuard)
{
    // U+0000 (JSON's \u0000) is dropped, not escaped: a CSV has no escape for it, readers stop at it
    // or refuse the file (Python's csv module), and an escape such as "\0" would be ambiguous with
    // text. It goes before the guard looks, so "\0=cmd" is guarded like "=cmd".
    QString text = original;
    text.remove(QChar(u'\0'));
    QByteArray field = text.toUtf8();
    if (formulaGuard && startsLikeFormula(text)) {
        field.prepend('\'');
    }
    if (!needsQuotes(field)) {
        return field;
    }
    field.replace('"', "\"\"");
    field.prepend('"');
    field.append('"');
    return field;
}

QByteArray csvRecord(const QStringList &fields, bool formulaGuard)
{
    QByteArray record;
    for (qsizetype i = 0; i < fields.size(); ++i) {
        if (i > 0) {
            record.append(',');
        }
        record.append(csvField(fields.at(i), formulaGuard));
    }
    // A record of one empty field would be a blank line, which most readers skip. Judged on what is
    // written: a field of NULs only is empty once they are dropped.
    if (fields.size() == 1 && record.isEmpty()) {
        record = QByteArrayLiteral("\"\"");
    }
    record.append("\r\n");
    return record;
}

CsvWriter::CsvWriter(QIODevice *device, const CsvOptions &options)
    : m_device(device)
    , m_options(options)
{}

bool CsvWriter::writeRecord(const QStringList &fields)
{
    QByteArray bytes;
    if (!m_started && m_options.byteOrderMark) {
        bytes = QByteArrayLiteral("\xEF\xBB\xBF");
    }
    m_started = true;
    bytes.append(csvRecord(fields, m_options.formulaGuard));
    return m_device && m_device->write(bytes) == bytes.size();
}

bool CsvWriter::writeModel(const QAbstractItemModel &model, int role, const QList<int> &columns)
{
    if (const auto missing = missingColumn(model, columns)) {
        qCWarning(lcExport) << "CSV export asked for column" << *missing << "of a model with"
                            << model.columnCount() << "columns";
        return false;
    }
    const QList<int> picked = columns.isEmpty() ? allColumns(model) : columns;
    if (picked.isEmpty()) {
        return true; // a model without columns has no records to write
    }

    QStringList fields;
    fields.reserve(picked.size());
    for (const int column : picked) {
        fields.append(model.headerData(column, Qt::Horizontal, role).toString());
    }
    if (!writeRecord(fields)) {
        return false;
    }
    // Only the rows the model has now: fetchMore() would start network requests from an export.
    const int rows = model.rowCount();
    for (int row = 0; row < rows; ++row) {
        fields.clear();
        for (const int column : picked) {
            fields.append(model.data(model.index(row, column), role).toString());
        }
        if (!writeRecord(fields)) {
            return false;
        }
    }
    return true;
}

QByteArray modelToCsv(const QAbstractItemModel &model, int role, const QList<int> &columns,
                      const CsvOptions &options)
{
    QByteArray bytes;
    QBuffer buffer(&bytes);
    buffer.open(QIODevice::WriteOnly);
    CsvWriter writer(&buffer, options);
    if (!writer.writeModel(model, role, columns)) {
        return {};
    }
    buffer.close();
    return bytes;
}

bool saveCsv(const QAbstractItemModel &model, int role, const QList<int> &columns, const CsvOptions &options,
             const QString &path, QString *error)
{
    if (const auto missing = missingColumn(model, columns)) {
        if (error) {
            *error = saveFailure(path, Messages::tr("the list has no column %1").arg(*missing));
        }
        return false;
    }
    return saveFile(
        path,
        [&](QIODevice &device) {
            CsvWriter writer(&device, options);
            return writer.writeModel(model, role, columns);
        },
        error);
}

} // namespace Hubshelf::Export

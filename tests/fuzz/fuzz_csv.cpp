// Export::CsvWriter over arbitrary rows: the JSON rows of the input (or, when it is not JSON, its
// lines split at commas, so that invalid UTF-8 and raw NULs get in too). What is written reads
// back, with a strict RFC 4180 reader, as the same records with the same fields (NULs dropped,
// the formula guard's apostrophe added), never as a blank line, and never holds a NUL byte.
#include "export/csvwriter.h"
#include "fuzzcheck.h"

#include <QBuffer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QJsonValue>

#include <optional>

using namespace Hubshelf::Export;

namespace {

using Rows = QList<QStringList>;
using Records = QList<QList<QByteArray>>;

QString fieldOf(const QJsonValue &value)
{
    switch (value.type()) {
    case QJsonValue::String:
        return value.toString();
    case QJsonValue::Double:
    case QJsonValue::Bool:
        return value.toVariant().toString();
    case QJsonValue::Array:
        return QString::fromUtf8(QJsonDocument(value.toArray()).toJson(QJsonDocument::Compact));
    case QJsonValue::Object:
        return QString::fromUtf8(QJsonDocument(value.toObject()).toJson(QJsonDocument::Compact));
    case QJsonValue::Null:
    case QJsonValue::Undefined:
        break;
    }
    return {};
}

QStringList rowOf(const QJsonValue &value)
{
    QStringList row;
    if (value.isArray()) {
        for (const QJsonValue &field : value.toArray()) {
            row.append(fieldOf(field));
        }
    } else if (value.isObject()) {
        const QJsonObject object = value.toObject();
        for (auto it = object.begin(); it != object.end(); ++it) {
            row.append(fieldOf(it.value()));
        }
    } else {
        row.append(fieldOf(value));
    }
    return row;
}

// A table has at least one column (writeModel writes nothing for a model without any), so rows
// without fields are left out: no CSV text stands for a record of no fields.
Rows rowsOf(const QByteArray &input)
{
    Rows rows;
    QJsonParseError error{};
    const QJsonDocument document = QJsonDocument::fromJson(input, &error);
    if (error.error == QJsonParseError::NoError && document.isArray()) {
        for (const QJsonValue &value : document.array()) {
            rows.append(rowOf(value));
        }
    } else if (error.error == QJsonParseError::NoError && document.isObject()) {
        rows.append(rowOf(document.object()));
    } else {
        for (const QByteArray &line : input.split('\n')) {
            QStringList row;
            for (const QByteArray &field : line.split(',')) {
                row.append(QString::fromUtf8(field));
            }
            rows.append(row);
        }
    }
    rows.removeIf([](const QStringList &row) { return row.isEmpty(); });
    return rows;
}

// RFC 4180, strictly: every record ends with CRLF, a quoted field is followed by a comma or the
// end of its record, an unquoted field holds no quote, CR or LF, and a blank line is an error
// (most readers skip it, so a record written as one would be lost).
std::optional<Records> readCsv(const QByteArray &csv, qsizetype from)
{
    Records records;
    qsizetype at = from;
    const qsizetype end = csv.size();
    const auto lineEndsAt = [&](qsizetype i) { return i + 1 < end && csv[i] == '\r' && csv[i + 1] == '\n'; };
    while (at < end) {
        if (lineEndsAt(at)) {
            return std::nullopt; // a blank line
        }
        QList<QByteArray> record;
        for (;;) {
            QByteArray field;
            if (csv[at] == '"') {
                ++at;
                for (;;) {
                    if (at >= end) {
                        return std::nullopt; // an unterminated quote
                    }
                    if (csv[at] == '"') {
                        if (at + 1 < end && csv[at + 1] == '"') {
                            field.append('"');
                            at += 2;
                            continue;
                        }
                        ++at;
                        break;
                    }
                    field.append(csv[at++]);
                }
            } else {
                const qsizetype start = at;
                while (at < end && csv[at] != ',' && csv[at] != '\r') {
                    if (csv[at] == '"' || csv[at] == '\n') {
                        return std::nullopt;
                    }
                    ++at;
                }
                field = csv.mid(start, at - start);
            }
            record.append(field);
            if (at < end && csv[at] == ',') {
                ++at;
                if (at >= end) {
                    return std::nullopt;
                }
                continue;
            }
            if (lineEndsAt(at)) {
                at += 2;
                break;
            }
            return std::nullopt; // junk after a quoted field, a lone CR, or no CRLF at the end
        }
        records.append(record);
    }
    return records;
}

// What a field should read back as: csvwriter.h's contract, written out independently.
QByteArray expectedField(const QString &text, bool formulaGuard)
{
    QString expected = text;
    expected.remove(QChar(u'\0'));
    static const QString formulaStarts = QStringLiteral("=+-@\t\r");
    if (formulaGuard && !expected.isEmpty() && formulaStarts.contains(expected.front())) {
        expected.prepend(u'\'');
    }
    return expected.toUtf8();
}

void writeAndReadBack(const Rows &rows, const CsvOptions &options)
{
    QByteArray csv;
    {
        QBuffer buffer(&csv);
        FUZZ_CHECK(buffer.open(QIODevice::WriteOnly));
        CsvWriter writer(&buffer, options);
        for (const QStringList &row : rows) {
            FUZZ_CHECK(writer.writeRecord(row));
        }
    }
    FUZZ_CHECK_MSG(!csv.contains('\0'), "a NUL byte in the CSV");

    const QByteArray bom = QByteArrayLiteral("\xEF\xBB\xBF");
    const bool withBom = options.byteOrderMark && !rows.isEmpty();
    // Without the option the file may still start with these bytes: a first field that starts with
    // U+FEFF (exports start with the header, which never does).
    FUZZ_CHECK(!withBom || csv.startsWith(bom));
    const std::optional<Records> records = readCsv(csv, withBom ? bom.size() : 0);
    FUZZ_CHECK_MSG(records.has_value(), csv.left(200).toPercentEncoding().constData());
    FUZZ_CHECK(records->size() == rows.size());
    for (qsizetype r = 0; r < rows.size(); ++r) {
        const QStringList &row = rows.at(r);
        const QList<QByteArray> &record = records->at(r);
        FUZZ_CHECK(record.size() == row.size());
        for (qsizetype f = 0; f < row.size(); ++f) {
            FUZZ_CHECK_MSG(record.at(f) == expectedField(row.at(f), options.formulaGuard),
                           record.at(f).toPercentEncoding().constData());
        }
    }
}

} // namespace

extern "C" int LLVMFuzzerInitialize(int *, char ***)
{
    Hubshelf::Fuzz::silenceQtMessages();
    return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const Rows rows = rowsOf(Hubshelf::Fuzz::bytesOf(data, size));
    // The options from the input's length: every input meets one of the four, at the cost of one write.
    writeAndReadBack(rows, CsvOptions{(size & 1) != 0, (size & 2) == 0});
    return 0;
}

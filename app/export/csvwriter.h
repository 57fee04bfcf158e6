#pragma once

#include <QByteArray>
#include <QList>
#include <QString>
#include <QStringList>

#include <functional>

class QAbstractItemModel;
class QIODevice;

namespace Hubshelf::Export {

struct CsvOptions
{
    bool byteOrderMark = false; // for spreadsheets that guess the encoding
    bool formulaGuard = true;   // prefix cells starting with = + - @ tab CR with '
};

// RFC 4180: comma, CRLF, quotes doubled, fields with comma, quote, CR or LF quoted; UTF-8. U+0000
// (JSON's \u0000) is dropped from every field: no CSV reader handles it.
// The formula guard prefixes ' before quoting, so "=1,2" becomes "'=1,2" (quoted). A record of a single
// field that is empty (or only NULs) is written as "" so that it does not read as a blank line.
QByteArray csvField(const QString &text, bool formulaGuard);
QByteArray csvRecord(const QStringList &fields, bool formulaGuard);

// Writes rows to a device as they come, for stdout and for big exports.
class CsvWriter final
{
public:
    CsvWriter(QIODevice *device, const CsvOptions &options);

    bool writeRecord(const QStringList &fields); // the BOM goes before the first record
    // The header and the top-level rows the model has now (no fetchMore()). False, with nothing
    // written, when `columns` names a column the model does not have; false when the device fails.
    bool writeModel(const QAbstractItemModel &model, int role, const QList<int> &columns = {});

private:
    QIODevice *m_device;
    CsvOptions m_options;
    bool m_started = false;
};

// The whole model as CSV: the header from headerData(section, Horizontal, role), then every row
// in the model's own order (so a proxy's filter and sort are kept) with data(index, role).
// `columns` picks and orders columns; empty means all. Empty when `columns` names a missing column.
QByteArray modelToCsv(const QAbstractItemModel &model, int role, const QList<int> &columns,
                      const CsvOptions &options);

// Through StagedFile: the file is replaced only when everything was written. False with a
// sentence in `error` otherwise (may be null), and the old file is as it was.
bool saveCsv(const QAbstractItemModel &model, int role, const QList<int> &columns, const CsvOptions &options,
             const QString &path, QString *error);

} // namespace Hubshelf::Export

#include "export/csvwriter.h"

#include "export/logging.h"

#include <QAbstractItemModel>
#include <QBuffer>
#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QIODevice>
#include <QSaveFile>

#include <cerrno>
#include <csignal>
#include <ctime>
#include <optional>

#include <fcntl.h>
#include <pthread.h>
#include <sys/stat.h>
#include <unistd.h>

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

// Why a write or commit failed. On a partial write (a full disk, a size limit) QFileDevice only says
// "Unknown error"; errno still holds the reason then, on POSIX systems.
QString writeFailure(const QFileDevice &file, int writeErrno)
{
    if (file.error() != QFileDevice::NoError && file.errorString() != QIODevice::tr("Unknown error")) {
        return file.errorString();
    }
    if (writeErrno != 0) {
        return qt_error_string(writeErrno);
    }
    return Messages::tr("the data could not be written");
}

// While it lives, a reader that went away (a closed FIFO) makes write() fail with EPIPE instead of
// killing the process with SIGPIPE, so that the failure is reported like any other. Only this
// thread's mask changes; a SIGPIPE raised meanwhile is taken off the pending set before it is restored.
class SigpipeBlocker final
{
public:
    SigpipeBlocker()
    {
        sigemptyset(&m_pipe);
        sigaddset(&m_pipe, SIGPIPE);
        sigset_t pending;
        sigemptyset(&pending);
        m_wasPending = sigpending(&pending) == 0 && sigismember(&pending, SIGPIPE) == 1;
        m_blocked = pthread_sigmask(SIG_BLOCK, &m_pipe, &m_previous) == 0;
    }
    ~SigpipeBlocker()
    {
        if (!m_blocked) {
            return;
        }
        sigset_t pending;
        sigemptyset(&pending);
        if (!m_wasPending && sigpending(&pending) == 0 && sigismember(&pending, SIGPIPE) == 1) {
            const timespec noWait{0, 0};
            while (sigtimedwait(&m_pipe, nullptr, &noWait) < 0 && errno == EINTR) {
            }
        }
        pthread_sigmask(SIG_SETMASK, &m_previous, nullptr);
    }
    Q_DISABLE_COPY_MOVE(SigpipeBlocker)

private:
    sigset_t m_pipe{};
    sigset_t m_previous{};
    bool m_wasPending = false;
    bool m_blocked = false;
};

// True for a path that names something other than a regular file: a FIFO, a character device
// (/dev/null, /dev/full, a terminal), a socket. Symbolic links are followed, as open() does.
bool isSpecialFile(const QString &path)
{
    struct stat status
    {};
    return ::stat(QFile::encodeName(path).constData(), &status) == 0 && !S_ISREG(status.st_mode) &&
           !S_ISDIR(status.st_mode);
}

// A FIFO or a device cannot be replaced atomically, and renaming a file over it destroys the node
// (as root, /dev/null itself). It is written in place; every write and the flush are checked.
bool writeInPlace(const QString &path, const std::function<bool(QIODevice &)> &write, QString *reason)
{
    const SigpipeBlocker sigpipe;
    // Neither O_CREAT (should the node vanish after the check, no regular file appears in its place)
    // nor O_TRUNC; QFile's own open() would add both, and seek on a device for Append.
    const int fd = ::open(QFile::encodeName(path).constData(), O_WRONLY | O_NOCTTY | O_CLOEXEC);
    if (fd < 0) {
        *reason = qt_error_string(errno);
        return false;
    }
    QFile file;
    if (!file.open(fd, QIODevice::WriteOnly, QFileDevice::AutoCloseHandle)) {
        ::close(fd);
        *reason = file.errorString();
        return false;
    }
    errno = 0;
    const bool written = write(file);
    const int writeErrno = errno;
    if (!written) {
        *reason = writeFailure(file, writeErrno);
        return false;
    }
    errno = 0;
    if (!file.flush() || file.bytesToWrite() > 0) {
        *reason = writeFailure(file, errno);
        return false;
    }
    file.close();
    if (file.error() != QFileDevice::NoError) {
        *reason = writeFailure(file, 0);
        return false;
    }
    return true;
}

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

// One sentence: which file, why, and that nothing of the old file was lost.
static QString saveFailure(const QString &path, const QString &reason)
{
    const QFileInfo target(path);
    const QString sentence =
        target.exists() && !target.isDir()
            ? Messages::tr("Could not save “%1” (%2); the existing file was kept unchanged.")
            : Messages::tr("Could not save “%1” (%2); nothing was written.");
    return sentence.arg(QDir::toNativeSeparators(path), reason);
}

bool saveFile(const QString &path, const std::function<bool(QIODevice &)> &write, QString *error)
{
    const auto fail = [&](const QString &reason) {
        if (error) {
            *error = saveFailure(path, reason);
        }
        return false;
    };
    if (path.isEmpty()) {
        return fail(Messages::tr("no file name was given"));
    }
    if (isSpecialFile(path)) {
        QString reason;
        if (!writeInPlace(path, write, &reason)) {
            if (error) {
                *error =
                    Messages::tr("Could not write to “%1” (%2).").arg(QDir::toNativeSeparators(path), reason);
            }
            return false;
        }
        qCDebug(lcExport) << "Wrote" << path << "in place: it is not a regular file";
        return true;
    }

    // A regular file: no direct-write fallback, writing in place is what would break the old file.
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly)) {
        return fail(file.errorString());
    }
    errno = 0; // so that only a failing write below can set it
    if (!write(file)) {
        const QString reason = writeFailure(file, errno);
        file.cancelWriting();
        return fail(reason); // QSaveFile removes its temporary file when it goes out of scope
    }
    // Qt 6.4's commit() ignores a failing flush inside it and renames the truncated file over the old
    // one (a disk that fills up in the last 16 KiB); later Qt checks it. Flushing first catches it.
    errno = 0;
    if (!file.flush() || file.bytesToWrite() > 0) {
        const QString reason = writeFailure(file, errno);
        file.cancelWriting();
        return fail(reason);
    }
    errno = 0;
    if (!file.commit()) {
        return fail(writeFailure(file, errno));
    }
    qCDebug(lcExport) << "Wrote" << path;
    return true;
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

#pragma once

#include <QString>

#include <functional>
#include <memory>

class QIODevice;
class QTemporaryFile;

namespace Hubshelf::Export {

// A file written a piece at a time, over as many turns of the event loop as it takes, that replaces
// the old one only when commit() succeeds: through QSaveFile for a regular file (nothing of the old
// file is lost on a failure, a cancel or a crash). A path that exists and is not a regular file (a
// FIFO, /dev/null, a terminal) is written in place, never renamed over; every write and the flush are
// checked, and a reader that went away is a failure (EPIPE), not SIGPIPE.
class StagedFile final
{
public:
    explicit StagedFile(const QString &path);
    ~StagedFile(); // without a successful commit(), the old file stays as it was
    Q_DISABLE_COPY_MOVE(StagedFile)

    bool open();
    // Where to write between open() and commit(); null before open() and after a failure.
    QIODevice *device() const;
    bool write(const QByteArray &bytes);
    // A write to device() failed: drops what was written and records why (errorString()).
    void writeFailed();
    bool commit();
    // After a false: one sentence that says which file, why, and that the old one was kept.
    QString errorString() const { return m_error; }

private:
    struct Open;
    bool fail(const QString &reason, int writeErrno);

    QString m_path;
    std::unique_ptr<Open> m_open;
    QString m_error;
};

// Output for a stream that cannot be staged (stdout), held in an unnamed temporary file until it is
// whole: a failure midway writes nothing there, as with a StagedFile, and memory stays at one piece
// whatever the size of the whole.
class SpooledOutput final
{
public:
    SpooledOutput();
    ~SpooledOutput();
    Q_DISABLE_COPY_MOVE(SpooledOutput)

    bool open();
    bool write(const QByteArray &bytes);
    // Everything written, handed to `deliver` in pieces of at most 1 MiB; false as soon as
    // `deliver` is, or when the spool cannot be read back.
    bool deliver(const std::function<bool(const QByteArray &piece)> &deliver);
    // After a false of open() or write(): one sentence.
    QString errorString() const { return m_error; }

private:
    std::unique_ptr<QTemporaryFile> m_file;
    QString m_error;
};

// One sentence: which file could not be saved, why, and that nothing of an old one was lost.
QString saveFailure(const QString &path, const QString &reason);

// A whole file through StagedFile with `write`, at once. False with the sentence in `error` (may be
// null) when anything failed; the old file is then as it was.
bool saveFile(const QString &path, const std::function<bool(QIODevice &)> &write, QString *error);

} // namespace Hubshelf::Export

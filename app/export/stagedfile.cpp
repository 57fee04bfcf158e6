#include "export/stagedfile.h"

#include "export/logging.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QSaveFile>
#include <QTemporaryFile>

#include <cerrno>
#include <csignal>
#include <ctime>

#include <fcntl.h>
#include <pthread.h>
#include <sys/stat.h>
#include <unistd.h>

namespace Hubshelf::Export {

namespace {

// The context translators see for the sentences of this file.
struct Messages
{
    Q_DECLARE_TR_FUNCTIONS(Hubshelf::Export::StagedFile)
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

// True for a path that names something other than a regular file: a FIFO, a character device
// (/dev/null, /dev/full, a terminal), a socket. Symbolic links are followed, as open() does.
bool isSpecialFile(const QString &path)
{
    struct stat status
    {};
    return ::stat(QFile::encodeName(path).constData(), &status) == 0 && !S_ISREG(status.st_mode) &&
           !S_ISDIR(status.st_mode);
}

} // namespace

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

// The file being written: a QSaveFile, or the node itself with SIGPIPE held off while it is open.
struct StagedFile::Open
{
    std::unique_ptr<SigpipeBlocker> sigpipe; // in place only
    std::unique_ptr<QFileDevice> file;
    bool inPlace() const { return sigpipe != nullptr; }
};

StagedFile::StagedFile(const QString &path)
    : m_path(path)
{}

StagedFile::~StagedFile()
{
    if (m_open && !m_open->inPlace()) {
        static_cast<QSaveFile *>(m_open->file.get())->cancelWriting(); // its temporary file goes too
    }
}

QIODevice *StagedFile::device() const
{
    return m_open ? m_open->file.get() : nullptr;
}

bool StagedFile::fail(const QString &reason, int writeErrno)
{
    const bool inPlace = m_open && m_open->inPlace();
    const QString why = m_open && reason.isEmpty() ? writeFailure(*m_open->file, writeErrno) : reason;
    if (m_open && !inPlace) {
        static_cast<QSaveFile *>(m_open->file.get())->cancelWriting();
    }
    m_open.reset();
    // A FIFO or a device has no old contents to keep.
    m_error = inPlace
                  ? Messages::tr("Could not write to “%1” (%2).").arg(QDir::toNativeSeparators(m_path), why)
                  : saveFailure(m_path, why);
    return false;
}

bool StagedFile::open()
{
    if (m_path.isEmpty()) {
        return fail(Messages::tr("no file name was given"), 0);
    }
    auto open = std::make_unique<Open>();
    if (isSpecialFile(m_path)) {
        // A FIFO or a device cannot be replaced atomically, and renaming a file over it destroys the
        // node (as root, /dev/null itself). Neither O_CREAT (should the node vanish after the check,
        // no regular file appears in its place) nor O_TRUNC; QFile's own open() would add both, and
        // seek on a device for Append.
        open->sigpipe = std::make_unique<SigpipeBlocker>();
        const int fd = ::open(QFile::encodeName(m_path).constData(), O_WRONLY | O_NOCTTY | O_CLOEXEC);
        if (fd < 0) {
            const int openErrno = errno;
            m_open = std::move(open);
            return fail(qt_error_string(openErrno), 0);
        }
        auto file = std::make_unique<QFile>();
        if (!file->open(fd, QIODevice::WriteOnly, QFileDevice::AutoCloseHandle)) {
            ::close(fd);
            const QString reason = file->errorString();
            m_open = std::move(open);
            return fail(reason, 0);
        }
        open->file = std::move(file);
    } else {
        // A regular file: no direct-write fallback, writing in place is what would break the old file.
        auto file = std::make_unique<QSaveFile>(m_path);
        if (!file->open(QIODevice::WriteOnly)) {
            return fail(file->errorString(), 0);
        }
        open->file = std::move(file);
    }
    m_open = std::move(open);
    return true;
}

bool StagedFile::write(const QByteArray &bytes)
{
    if (!m_open) {
        return false;
    }
    errno = 0;
    if (m_open->file->write(bytes) != bytes.size()) {
        return fail({}, errno);
    }
    return true;
}

void StagedFile::writeFailed()
{
    if (m_open) {
        fail({}, errno);
    }
}

bool StagedFile::commit()
{
    if (!m_open) {
        return false;
    }
    // Qt 6.4's commit() ignores a failing flush inside it and renames the truncated file over the old
    // one (a disk that fills up in the last 16 KiB); later Qt checks it. Flushing first catches it.
    QFileDevice &file = *m_open->file;
    errno = 0;
    if (!file.flush() || file.bytesToWrite() > 0) {
        return fail({}, errno);
    }
    errno = 0;
    if (m_open->inPlace()) {
        file.close();
        if (file.error() != QFileDevice::NoError) {
            return fail({}, 0);
        }
        qCDebug(lcExport) << "Wrote" << m_path << "in place: it is not a regular file";
    } else if (!static_cast<QSaveFile &>(file).commit()) {
        return fail(writeFailure(file, errno), 0); // QSaveFile has removed its temporary file
    } else {
        qCDebug(lcExport) << "Wrote" << m_path;
    }
    m_open.reset();
    return true;
}

SpooledOutput::SpooledOutput() = default;
SpooledOutput::~SpooledOutput() = default;

bool SpooledOutput::open()
{
    m_file = std::make_unique<QTemporaryFile>();
    if (!m_file->open()) {
        m_error = Messages::tr("Could not make a temporary file in “%1” (%2).")
                      .arg(QDir::toNativeSeparators(QDir::tempPath()), m_file->errorString());
        m_file.reset();
        return false;
    }
    return true;
}

bool SpooledOutput::write(const QByteArray &bytes)
{
    if (!m_file) {
        return false;
    }
    errno = 0;
    if (m_file->write(bytes) != bytes.size()) {
        m_error = Messages::tr("Could not write to a temporary file in “%1” (%2).")
                      .arg(QDir::toNativeSeparators(QDir::tempPath()), writeFailure(*m_file, errno));
        m_file.reset();
        return false;
    }
    return true;
}

bool SpooledOutput::deliver(const std::function<bool(const QByteArray &)> &deliver)
{
    constexpr qint64 PieceBytes = 1 << 20;
    if (!m_file || !m_file->flush() || !m_file->seek(0)) {
        return false;
    }
    while (!m_file->atEnd()) {
        const QByteArray piece = m_file->read(PieceBytes);
        if (piece.isEmpty() || !deliver(piece)) {
            return false;
        }
    }
    return true;
}

QString saveFailure(const QString &path, const QString &reason)
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
    StagedFile file(path);
    bool saved = file.open();
    errno = 0; // so that only a failing write below can set it
    if (saved && !write(*file.device())) {
        file.writeFailed();
        saved = false;
    }
    saved = saved && file.commit();
    if (!saved && error) {
        *error = file.errorString();
    }
    return saved;
}

} // namespace Hubshelf::Export

#pragma once

#include <QString>
#include <QThreadPool>

#include <atomic>

class QSqlDatabase;
struct sqlite3;

namespace Hubshelf::Cache {

// Checkpoints an SQLite database's write-ahead log on a thread of its own. SQLite's automatic
// checkpoint runs in the commit that crosses its threshold: on the window's GUI thread that was a
// copy of 4 MB and two fsyncs, 20-40 ms, every few hundred cached pages stored or touched.
// Attached to a connection, it replaces that automatic checkpoint with the same PASSIVE one, after
// the same 1,000 frames, on a connection of its own in its own thread; commits never wait for it.
class WalCheckpointer final
{
public:
    // SQLite's own default threshold (SQLITE_DEFAULT_WAL_AUTOCHECKPOINT).
    static constexpr int ThresholdFrames = 1000;

    explicit WalCheckpointer(QString path);
    ~WalCheckpointer(); // waits for a checkpoint under way
    Q_DISABLE_COPY_MOVE(WalCheckpointer)

    // Takes over the checkpoints of `db`, an open QSQLITE connection to `path`. False (and SQLite's
    // own automatic checkpoint stays) where the driver gives no SQLite handle.
    bool attach(const QSqlDatabase &db);

    // Checkpoints finished so far, and whether the last one ran on the calling thread (for tests).
    int checkpointsDone() const { return m_done.load(); }
    Qt::HANDLE lastThread() const { return m_lastThread.load(); }

private:
    static int committed(void *self, sqlite3 *db, const char *name, int frames);
    void checkpoint();

    const QString m_path;
    const QString m_connectionName;
    QThreadPool m_thread;
    std::atomic<bool> m_running{false};
    std::atomic<int> m_done{0};
    std::atomic<Qt::HANDLE> m_lastThread{nullptr};
};

} // namespace Hubshelf::Cache

#pragma once

#include <QString>

#include <atomic>
#include <condition_variable>
#include <mutex>
#include <thread>

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
    ~WalCheckpointer(); // waits for a checkpoint under way, and ends the thread
    Q_DISABLE_COPY_MOVE(WalCheckpointer)

    // Takes over the checkpoints of `db`, an open QSQLITE connection to `path`. False (and SQLite's
    // own automatic checkpoint stays) where the driver gives no SQLite handle.
    bool attach(const QSqlDatabase &db);

    // Checkpoints finished so far, and whether the last one ran on the calling thread (for tests).
    int checkpointsDone() const { return m_done.load(); }
    Qt::HANDLE lastThread() const { return m_lastThread.load(); }

private:
    static int committed(void *self, sqlite3 *db, const char *name, int frames);
    void request();
    void work();
    void checkpoint();

    const QString m_path;
    const QString m_connectionName;
    // A thread of its own, started by the first request, rather than Qt's pool: a pool thread
    // may be busy parsing pages, and the pool's futex-based handoff is invisible to TSan.
    std::thread m_thread;
    std::mutex m_mutex;
    std::condition_variable m_wake;
    bool m_wanted = false;   // a checkpoint is asked for (requests meanwhile are one)
    bool m_stopping = false; // the destructor runs
    std::atomic<int> m_done{0};
    std::atomic<Qt::HANDLE> m_lastThread{nullptr};
};

} // namespace Hubshelf::Cache

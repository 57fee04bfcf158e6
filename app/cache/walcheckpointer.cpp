#include "cache/walcheckpointer.h"

#include "cache/logging.h"

#include <QSqlDatabase>
#include <QSqlDriver>
#include <QSqlError>
#include <QSqlQuery>
#include <QThread>

#include <sqlite3.h>

using namespace Qt::StringLiterals;

namespace Hubshelf::Cache {

namespace {
std::atomic<int> instances{0};
} // namespace

WalCheckpointer::WalCheckpointer(QString path)
    : m_path(std::move(path))
    , m_connectionName(u"hubshelf-checkpoint-%1"_s.arg(++instances))
{}

WalCheckpointer::~WalCheckpointer()
{
    {
        const std::lock_guard lock(m_mutex);
        m_stopping = true;
    }
    m_wake.notify_one();
    if (m_thread.joinable()) {
        m_thread.join();
    }
}

bool WalCheckpointer::attach(const QSqlDatabase &db)
{
    // Qt's documented way to the driver's own handle (QSqlDriver::handle()). Debian's QSQLITE
    // plugin links the system libsqlite3, the one this library links too.
    const QVariant handle = db.driver() ? db.driver()->handle() : QVariant();
    if (!handle.isValid() || qstrcmp(handle.typeName(), "sqlite3*") != 0) {
        return false;
    }
    sqlite3 *connection = *static_cast<sqlite3 *const *>(handle.constData());
    if (!connection) {
        return false;
    }
    // Replaces the automatic checkpoint, which is itself a WAL hook.
    sqlite3_wal_hook(connection, &WalCheckpointer::committed, this);
    return true;
}

// After every commit of the attached connection, on the thread that committed, its write lock
// already released.
int WalCheckpointer::committed(void *self, sqlite3 *, const char *, int frames)
{
    if (frames >= ThresholdFrames) {
        static_cast<WalCheckpointer *>(self)->request();
    }
    return SQLITE_OK;
}

void WalCheckpointer::request()
{
    {
        const std::lock_guard lock(m_mutex);
        m_wanted = true;
        if (!m_thread.joinable()) {
            m_thread = std::thread([this] { work(); });
        }
    }
    m_wake.notify_one();
}

void WalCheckpointer::work()
{
    std::unique_lock lock(m_mutex);
    for (;;) {
        m_wake.wait(lock, [this] { return m_wanted || m_stopping; });
        if (m_stopping) {
            return;
        }
        m_wanted = false;
        lock.unlock();
        checkpoint();
        lock.lock();
    }
}

void WalCheckpointer::checkpoint()
{
    {
        // A connection per checkpoint, so that none stays open between them. Opening one costs
        // about a millisecond, here.
        QSqlDatabase db = QSqlDatabase::addDatabase(u"QSQLITE"_s, m_connectionName);
        db.setDatabaseName(m_path);
        if (db.open()) {
            QSqlQuery query(db);
            // PASSIVE, as SQLite's automatic one: it copies what no reader still needs, and
            // neither waits for nor blocks the writers and readers of other connections.
            if (!query.exec(u"PRAGMA wal_checkpoint(PASSIVE)"_s)) {
                qCDebug(lcCache).noquote() << "WAL checkpoint:" << query.lastError().text();
            }
            query.finish();
        } else {
            qCDebug(lcCache).noquote() << "WAL checkpoint: open:" << db.lastError().text();
        }
        db.close();
    }
    QSqlDatabase::removeDatabase(m_connectionName);
    m_lastThread.store(QThread::currentThreadId());
    ++m_done;
}

} // namespace Hubshelf::Cache

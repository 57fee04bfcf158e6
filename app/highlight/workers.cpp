#include "highlight/workers.h"

#include <QCoreApplication>
#include <QThreadPool>

namespace Hubshelf::Highlight {

namespace {

QThreadPool *pool = nullptr;

void finishWork()
{
    if (pool) {
        pool->waitForDone();
    }
}

} // namespace

QThreadPool *workers()
{
    if (!pool) {
        pool = new QThreadPool; // never deleted: a view may still hand it a job while others go
        pool->setMaxThreadCount(1);
        pool->setExpiryTimeout(30 * 1000);
        qAddPostRoutine(finishWork);
    }
    return pool;
}

} // namespace Hubshelf::Highlight

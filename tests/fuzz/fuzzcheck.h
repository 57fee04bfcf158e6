#pragma once

#include <QByteArray>
#include <QString>
#include <QtGlobal>

#include <cstdint>
#include <cstdio>
#include <cstdlib>

// A property of a fuzz target: when it does not hold, the target aborts, and libFuzzer reports a
// crash and keeps the input that broke it (assert() would vanish from an NDEBUG build).
#define FUZZ_CHECK(condition) FUZZ_CHECK_MSG(condition, "")

#define FUZZ_CHECK_MSG(condition, message)                                                                   \
    do {                                                                                                     \
        if (!(condition)) {                                                                                  \
            std::fprintf(stderr, "FUZZ_CHECK failed at %s:%d: %s %s\n", __FILE__, __LINE__, #condition,      \
                         static_cast<const char *>(message));                                                \
            std::abort();                                                                                    \
        }                                                                                                    \
    } while (false)

namespace Hubshelf::Fuzz {

// The input without a copy; valid for one call of LLVMFuzzerTestOneInput.
inline QByteArray bytesOf(const uint8_t *data, size_t size)
{
    return QByteArray::fromRawData(reinterpret_cast<const char *>(data), qsizetype(size));
}

// The code under test logs what it skips (a list item that is not an object, a bad cache row);
// a million such lines would slow the fuzzer down and bury its own report.
inline void silenceQtMessages()
{
    qInstallMessageHandler([](QtMsgType type, const QMessageLogContext &, const QString &message) {
        if (type == QtFatalMsg) {
            std::fprintf(stderr, "qFatal: %s\n", qPrintable(message));
        }
    });
}

} // namespace Hubshelf::Fuzz

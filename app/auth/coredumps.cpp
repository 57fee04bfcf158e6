#include "auth/coredumps.h"

#include "auth/logging.h"

#include <QtGlobal>

#include <sys/prctl.h>
#include <sys/resource.h>

namespace Hubshelf::Auth {

bool disableCoreDumps()
{
    if (qEnvironmentVariableIntValue("HUBSHELF_ALLOW_CORE_DUMPS") == 1) {
        qCWarning(lcAuth) << "HUBSHELF_ALLOW_CORE_DUMPS=1: core dumps may contain the token";
        return false;
    }
    const rlimit none{0, 0};
    const bool noCore = ::setrlimit(RLIMIT_CORE, &none) == 0;
    const bool notDumpable = ::prctl(PR_SET_DUMPABLE, 0, 0, 0, 0) == 0;
    if (!noCore || !notDumpable) {
        qCWarning(lcAuth) << "could not turn core dumps off; a crash may write the token to disk";
    }
    return noCore && notDumpable;
}

} // namespace Hubshelf::Auth

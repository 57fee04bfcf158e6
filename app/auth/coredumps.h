#pragma once

namespace Hubshelf::Auth {

// A core dump (or a debugger's read of a dumpable process) of a process that holds a token shows
// the token. So, as password managers do, the process is made not dumpable (PR_SET_DUMPABLE 0,
// which also keeps other processes of the same user from ptrace-ing it) with a core size of 0 —
// unless HUBSHELF_ALLOW_CORE_DUMPS=1 asks to keep them for debugging. Called first thing in main(),
// before any token is read. Returns whether the protection is on.
bool disableCoreDumps();

} // namespace Hubshelf::Auth

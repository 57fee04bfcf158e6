#pragma once

#include <QString>

#include <functional>

namespace Hubshelf::Cli {

class CliContext;
using Done = std::function<void(int exitCode)>;

// `hubshelf api PATH [--paginate] [--include]`: a raw GET, the JSON on stdout.
void runApi(CliContext &context, const QString &path, bool paginate, bool include, const Done &done);
// `hubshelf rate-limit [--json]`
void runRateLimit(CliContext &context, bool json, const Done &done);
// `hubshelf cache stats [--json] | clear | path`
void runCache(CliContext &context, const QString &action, bool json, const Done &done);
// `hubshelf auth login [--with-token] | logout | status`
void runAuth(CliContext &context, const QString &action, bool withToken, const Done &done);

} // namespace Hubshelf::Cli

#pragma once

#include <QString>

#include <functional>

namespace Hubshelf::Cli {

class CliContext;
using Done = std::function<void(int exitCode)>;

// `hubshelf api PATH [--paginate] [--include]`: a raw GET, the JSON on stdout.
void runApi(CliContext &context, const QString &path, bool paginate, bool include, const Done &done);
// `hubshelf rate-limit [--spend | --history] [--json]`: every resource of GET /rate_limit, what
// each endpoint spent in the window under way (from the ledger, every Hubshelf process of the
// machine), or the ledger's samples.
enum class RateLimitReport { Limits, Spend, History };
void runRateLimit(CliContext &context, RateLimitReport report, bool json, const Done &done);
// `hubshelf cache stats [--json] | clear | path`
void runCache(CliContext &context, const QString &action, bool json, const Done &done);
// `hubshelf auth login [--with-token] | logout | status`
void runAuth(CliContext &context, const QString &action, bool withToken, const Done &done);

} // namespace Hubshelf::Cli

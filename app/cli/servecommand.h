#pragma once

#include "cli/commands.h"

#include <QHostAddress>
#include <QString>

namespace Hubshelf::Cli {

struct ServeOptions
{
    QHostAddress listen = QHostAddress::LocalHost; // another interface only when asked
    quint16 port = 8080;
    QString tlsCertificate; // PEM files; both or neither
    QString tlsKey;
    int maxConnections = 256;
    bool gistsApi = false; // GET /<USER>: the user's public gists, instead of the mirror
};

// `hubshelf serve`: the caching API mirror on ADDR:PORT until SIGINT or SIGTERM. The first line on
// stdout is "listening on http(s)://ADDR:PORT" with the real port; then one line per request.
void runServe(CliContext &context, const ServeOptions &options, const Done &done);

} // namespace Hubshelf::Cli

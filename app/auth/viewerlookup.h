#pragma once

#include "github/request.h"

#include <QPointer>
#include <QString>

#include <functional>

class QObject;

namespace Hubshelf::GitHub {
class Client;
struct Error;
} // namespace Hubshelf::GitHub

namespace Hubshelf::Auth {

// The one viewer lookup: GET /user through `client`, whom its token belongs to. Exactly one of
// `found` (the login; empty when the answer names nobody) and `failed` is called, in `context`,
// unless the request is abandoned or `context` is gone first. The request is returned for abandon().
QPointer<GitHub::Request> lookUpViewer(GitHub::Client &client, const GitHub::RequestOptions &options,
                                       QObject *context, std::function<void(const QString &login)> found,
                                       std::function<void(const GitHub::Error &error)> failed);

} // namespace Hubshelf::Auth

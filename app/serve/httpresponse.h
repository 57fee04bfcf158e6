#pragma once

#include "serve/httprequestreader.h"

#include <QByteArray>
#include <QString>

namespace Hubshelf::Serve {

// One answer to a downstream client. Content-Length and Connection are the server's business and
// are written by wire(), never taken from headers.
struct HttpResponse
{
    int status = 200;
    HeaderList headers;
    QByteArray body;

    // Replaces every header of that name (compared without case).
    void setHeader(const QByteArray &name, const QByteArray &value);
    QByteArray header(const QByteArray &name) const;

    // The bytes on the wire; a HEAD answer has the GET's Content-Length and no body.
    QByteArray wire(bool headRequest, bool keepAlive) const;

    // {"message": "..."} with the status, as GitHub words its own errors.
    static HttpResponse error(int status, const QString &message);
};

QByteArray reasonPhrase(int status);

} // namespace Hubshelf::Serve

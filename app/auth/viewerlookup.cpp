#include "auth/viewerlookup.h"

#include "github/client.h"
#include "github/endpoints.h"
#include "github/error.h"

#include <QJsonDocument>
#include <QJsonObject>

namespace Hubshelf::Auth {

QPointer<GitHub::Request> lookUpViewer(GitHub::Client &client, const GitHub::RequestOptions &options,
                                       QObject *context, std::function<void(const QString &login)> found,
                                       std::function<void(const GitHub::Error &error)> failed)
{
    GitHub::Request *request = client.get(client.endpoint(GitHub::Endpoints::viewer()), options);
    QObject::connect(request, &GitHub::Request::succeeded, context,
                     [found = std::move(found)](const GitHub::Response &response) {
                         found(
                             GitHub::Endpoints::viewerLogin(QJsonDocument::fromJson(response.body).object()));
                     });
    QObject::connect(request, &GitHub::Request::failed, context, std::move(failed));
    return request;
}

} // namespace Hubshelf::Auth

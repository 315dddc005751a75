#include "coaching/CalibratedCriteria.h"

#include "storage/Workspace.h"

#include <QJsonArray>
#include <QJsonDocument>

namespace qaw {

QStringList calibratedCriteria(const Workspace &workspace)
{
    const QString json = workspace.setting(QLatin1String(kCalibratedCriteriaSetting));
    const QJsonDocument doc = QJsonDocument::fromJson(json.toUtf8());
    QStringList ids;
    if (!doc.isArray())
        return ids;
    for (const QJsonValue &v : doc.array())
        if (v.isString())
            ids << v.toString();
    return ids;
}

bool isCriterionCalibrated(const Workspace &workspace, const QString &criterionId)
{
    return calibratedCriteria(workspace).contains(criterionId);
}

} // namespace qaw

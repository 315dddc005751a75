#include "scoring/detectors/DetectorFactory.h"

#include "scoring/ConceptMatcher.h"

#include <QJsonArray>

#include <map>

namespace qaw {
namespace {

using Maker = std::unique_ptr<Detector> (*)(const QJsonObject &, DetectorBuild &);

const std::map<QString, Maker> &makers()
{
    static const std::map<QString, Maker> all = {
        {QStringLiteral("phrases"), makePhraseDetector},
        {QStringLiteral("regex"), makeRegexDetector},
        {QStringLiteral("sentiment"), makeSentimentDetector},
        {QStringLiteral("silence"), makeSilenceDetector},
        {QStringLiteral("hold"), makeHoldDetector},
        {QStringLiteral("overtalk"), makeOvertalkDetector},
        {QStringLiteral("response_time"), makeResponseTimeDetector},
        {QStringLiteral("duration"), makeDurationDetector},
        {QStringLiteral("resolution"), makeResolutionDetector},
        {QStringLiteral("compliance"), makeComplianceDetector},
        {QStringLiteral("metadata"), makeMetadataDetector},
        {QStringLiteral("all"), makeCombinationDetector},
        {QStringLiteral("any"), makeCombinationDetector},
        {QStringLiteral("not"), makeCombinationDetector},
        {QStringLiteral("concepts"), makeConceptDetector},
        {QStringLiteral("tone"), makeToneDetector},
    };
    return all;
}

} // namespace

std::vector<int> DetectorBuild::conceptIndices(const QJsonValue &ids)
{
    std::vector<int> out;
    const QJsonArray list = ids.isString() ? QJsonArray{ids} : ids.toArray();
    for (const QJsonValue &v : list) {
        const int index = concepts ? concepts->indexOf(v.toString()) : -1;
        if (index < 0)
            error(QStringLiteral("unknown concept \"%1\" (the scorecard's concept library has "
                                 "no such concept)")
                      .arg(v.toString()));
        else
            out.push_back(index);
    }
    if (list.isEmpty())
        error(QStringLiteral("\"concepts\" must name at least one concept"));
    return out;
}

QStringList detectorTypes()
{
    QStringList out;
    for (const auto &entry : makers())
        out << entry.first;
    return out;
}

std::unique_ptr<Detector> createDetector(const QJsonObject &config, DetectorBuild &build)
{
    const QString type = config.value(QStringLiteral("type")).toString();
    const auto it = makers().find(type);
    if (it == makers().end()) {
        build.error(QStringLiteral("unknown detector type \"%1\" (known: %2)")
                        .arg(type, detectorTypes().join(QStringLiteral(", "))));
        return nullptr;
    }
    return it->second(config, build);
}

} // namespace qaw

#pragma once

#include "scoring/detectors/Detector.h"

#include <QJsonObject>
#include <QStringList>

#include <memory>

namespace qaw {

class ConceptMatcher;
class PhraseLexicon;

//! What building a detector needs: the scorecard's lexicon to intern phrases into, its
//! compiled concepts to refer to, and where to say what is wrong with a configuration.
struct DetectorBuild
{
    PhraseLexicon &lexicon;
    QStringList &errors;
    QString where; //!< e.g. "criterion \"greeting\"", to prefix error messages
    const ConceptMatcher *concepts = nullptr; //!< null: the scorecard has no concepts

    void error(const QString &message) { errors.append(where + QStringLiteral(": ") + message); }
    //! The indices of the concepts \a ids names (a JSON array of ids), or an error for
    //! each unknown one; empty with an error when there are none.
    std::vector<int> conceptIndices(const QJsonValue &ids);
};

//! Builds the detector a JSON configuration describes ("type" picks it; see
//! docs/scorecard-format.md). Returns null and appends to build.errors when the
//! configuration is not valid.
std::unique_ptr<Detector> createDetector(const QJsonObject &config, DetectorBuild &build);

//! Phrases that announce a hold, for silence and hold detectors configured without any.
QStringList defaultHoldPhrases();

//! The detector types createDetector() knows.
QStringList detectorTypes();

// One per detector type, each in the file of the class it builds.
std::unique_ptr<Detector> makePhraseDetector(const QJsonObject &config, DetectorBuild &build);
std::unique_ptr<Detector> makeRegexDetector(const QJsonObject &config, DetectorBuild &build);
std::unique_ptr<Detector> makeSentimentDetector(const QJsonObject &config, DetectorBuild &build);
std::unique_ptr<Detector> makeSilenceDetector(const QJsonObject &config, DetectorBuild &build);
std::unique_ptr<Detector> makeHoldDetector(const QJsonObject &config, DetectorBuild &build);
std::unique_ptr<Detector> makeOvertalkDetector(const QJsonObject &config, DetectorBuild &build);
std::unique_ptr<Detector> makeResponseTimeDetector(const QJsonObject &config,
                                                   DetectorBuild &build);
std::unique_ptr<Detector> makeDurationDetector(const QJsonObject &config, DetectorBuild &build);
std::unique_ptr<Detector> makeResolutionDetector(const QJsonObject &config, DetectorBuild &build);
std::unique_ptr<Detector> makeComplianceDetector(const QJsonObject &config, DetectorBuild &build);
std::unique_ptr<Detector> makeMetadataDetector(const QJsonObject &config, DetectorBuild &build);
std::unique_ptr<Detector> makeCombinationDetector(const QJsonObject &config,
                                                  DetectorBuild &build);
std::unique_ptr<Detector> makeConceptDetector(const QJsonObject &config, DetectorBuild &build);
std::unique_ptr<Detector> makeToneDetector(const QJsonObject &config, DetectorBuild &build);

} // namespace qaw

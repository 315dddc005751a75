#pragma once

#include <QByteArray>
#include <QHash>
#include <QString>

#include <optional>
#include <vector>

namespace qaw {

class Workspace;
struct Scorecard;

//! One human score read from a file, before it is matched to the workspace.
struct HumanScoreRecord
{
    int recordNo = 0;       //!< 1-based line (CSV) or question number (Connect)
    QString interactionRef; //!< the interaction's external id, or its workspace id
    QString reviewer;
    QString criterionId;
    std::optional<double> value;
    bool na = false;
    QString comment;
    QString raw; //!< the source text, kept with a reject
};

struct HumanImportReject
{
    int recordNo = 0;
    QString reason;
    QString raw;
};

struct HumanImportResult
{
    qint64 batchId = -1;
    int evaluations = 0; //!< human evaluations created or updated
    int scores = 0;      //!< criterion scores stored
    std::vector<HumanImportReject> rejects;
};

//! Imports human evaluations from files into the workspace's active scorecard.
//!
//! CSV: a header row naming the columns interaction_id, reviewer, criterion_id, value,
//! na, comment (any order; "interaction", "criterion", "not_applicable" also accepted).
//! value may be "N/A"; na is true for 1/true/yes/y/n/a. The interaction is matched by
//! external id first, then by workspace id.
//!
//! Amazon Connect evaluation-form output (schemaVersion 3.x): metadata.contactId is the
//! interaction's external id and metadata.evaluator the reviewer. Each question maps to a
//! criterion by this rule, first match wins: (1) the mapping, keyed by questionRefId;
//! (2) the mapping, keyed by questionText; (3) a criterion whose id equals questionRefId;
//! (4) a criterion whose name equals questionText (ignoring case). Unmapped questions are
//! kept as rejects with the reason. Answers: notApplicable -> N/A; SINGLESELECT -> the
//! selected option's text ("Yes" 1 / "No" 0 on a yes/no criterion, a number otherwise);
//! NUMERIC -> the number; TEXT -> rejected (no score). answer.notes becomes the comment.
//!
//! Scores are merged into the reviewer's evaluation of the interaction outside any
//! calibration session (or in the session given by setSessionId()) (created when missing; changes audited, see HumanEvaluationStore).
//! Every rejected record is stored in rejected_records under an import batch.
class HumanEvaluationImport
{
public:
    explicit HumanEvaluationImport(Workspace &workspace);

    //! Question refId or text -> criterion id, for Connect forms.
    void setMapping(const QHash<QString, QString> &mapping) { m_mapping = mapping; }
    //! Stores the evaluations as part of a calibration session (default -1: outside any).
    void setSessionId(qint64 sessionId) { m_sessionId = sessionId; }
    //! Reads a JSON object {"question refId or text": "criterion_id", ...}.
    static std::optional<QHash<QString, QString>> mappingFromJson(const QByteArray &json,
                                                                  QString *error);

    static std::vector<HumanScoreRecord> parseCsv(const QByteArray &data,
                                                  std::vector<HumanImportReject> *rejects,
                                                  QString *error);
    std::vector<HumanScoreRecord> parseConnect(const QByteArray &data, const Scorecard &scorecard,
                                               std::vector<HumanImportReject> *rejects,
                                               QString *error) const;

    //! Reads \a path as "csv" or "connect" and stores what it holds. Returns nullopt with
    //! \a error set when the file cannot be read at all; record problems are rejects.
    std::optional<HumanImportResult> importFile(const QString &path, const QString &format,
                                                const QString &user, QString *error);

    //! Matches and stores parsed records (rejects already found are stored with them).
    HumanImportResult store(const std::vector<HumanScoreRecord> &records,
                            std::vector<HumanImportReject> rejects, const QString &file,
                            const QString &format, QString *error);

private:
    qint64 resolveInteraction(const QString &ref) const;
    Workspace &m_workspace;
    QHash<QString, QString> m_mapping;
    qint64 m_sessionId = -1;
};

} // namespace qaw

#pragma once

#include "domain/DerivedMetrics.h"
#include "domain/Interaction.h"
#include "storage/InteractionFilter.h"

#include <QDate>
#include <QString>

#include <optional>
#include <vector>

namespace qaw {

class Workspace;

struct NamedId
{
    qint64 id = -1;
    QString name;
};

struct StoredInteraction
{
    qint64 id = -1;
    Interaction interaction;
    DerivedMetrics metrics;
    std::optional<bool> repeatContact;
    std::optional<double> autoTotal;
    bool autoFailed = false;
};

struct VolumeBucket
{
    QDate start;
    qint64 interactions = 0;
    qint64 withCsat = 0;
    double meanCsat = 0;
    double meanDurationMs = 0;
};

struct CoachingSessionRow
{
    qint64 id = -1;
    QString agentExternalId;
    QString agentName;
    QString team;
    QDate date;
    QStringList focus;
    QString notes;
    QDate followUp;
};

struct ScorecardVersionRow
{
    qint64 id = -1;
    QString scorecardName;
    int version = 0;
    bool active = false;
    QDateTime createdAt;
    QString createdBy;
    QString note;
};

struct CalibrationSessionRow
{
    qint64 id = -1;
    QString name;
    qint64 interactions = 0;
    qint64 reviewers = 0;
    bool blind = true;
    QString status;
};

struct ImportBatchRow
{
    qint64 id = -1;
    QString file;
    QString format;
    QString status;
    QDateTime startedAt;
    qint64 imported = 0;
    qint64 updated = 0;
    qint64 unchanged = 0;
    qint64 rejected = 0;
};

//! Read-only queries the views and reports share. SQL lives here, not in the views.
namespace queries {

std::vector<NamedId> teams(const Workspace &ws);
std::vector<NamedId> agents(const Workspace &ws, qint64 teamId = -1);
QStringList channels(const Workspace &ws);
QStringList queues(const Workspace &ws);

std::optional<StoredInteraction> interaction(const Workspace &ws, qint64 id);

//! Interactions per ISO week (Monday start) with mean CSAT, over the filter.
std::vector<VolumeBucket> weeklyVolume(const Workspace &ws, const InteractionFilter &filter);

std::vector<CoachingSessionRow> coachingSessions(const Workspace &ws);
std::vector<ScorecardVersionRow> scorecardVersions(const Workspace &ws);
std::vector<ImportBatchRow> importBatches(const Workspace &ws);
std::vector<CalibrationSessionRow> calibrationSessions(const Workspace &ws);

} // namespace queries
} // namespace qaw

// qaw calibration create|report|list: calibration sessions from the command line.
#include "CliSupport.h"

#include "calibration/CalibrationStore.h"
#include "calibration/SessionReport.h"
#include "calibration/SessionSampler.h"
#include "calibration/TrustGate.h"
#include "storage/ScorecardRepository.h"
#include "storage/Workspace.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonObject>

namespace qaw::cli {
namespace {

QStringList splitList(const QString &text)
{
    QStringList out;
    for (const QString &part : text.split(QLatin1Char(','), Qt::SkipEmptyParts))
        if (!part.trimmed().isEmpty())
            out << part.trimmed();
    return out;
}

int runCreate(const QStringList &args)
{
    QCommandLineParser parser;
    parser.addOption(workspaceOption());
    const QCommandLineOption name(QStringLiteral("name"), QStringLiteral("Session name."),
                                  QStringLiteral("NAME"));
    const QCommandLineOption sample(QStringLiteral("sample"),
                                    QStringLiteral("random, stratified (low/middle/high third "
                                                   "of automated totals), flagged, needs-review (verdicts on weak "
                                                   "evidence) or ids."),
                                    QStringLiteral("METHOD"), QStringLiteral("random"));
    const QCommandLineOption size(QStringLiteral("size"), QStringLiteral("Interactions (default 10)."),
                                  QStringLiteral("K"), QStringLiteral("10"));
    const QCommandLineOption reviewers(QStringLiteral("reviewers"),
                                       QStringLiteral("Reviewer names, comma-separated."),
                                       QStringLiteral("A,B,C"));
    const QCommandLineOption blind(QStringLiteral("blind"),
                                   QStringLiteral("Hide automated scores from a reviewer until "
                                                  "they submit (the default)."));
    const QCommandLineOption open(QStringLiteral("open"), QStringLiteral("Show automated scores."));
    const QCommandLineOption ids(QStringLiteral("ids"),
                                 QStringLiteral("Interaction ids for --sample ids, comma-separated."),
                                 QStringLiteral("LIST"));
    const QCommandLineOption seed(QStringLiteral("seed"),
                                  QStringLiteral("Sampling seed: the same seed gives the same "
                                                 "sample (default 1)."),
                                  QStringLiteral("S"), QStringLiteral("1"));
    parser.addOptions({name, sample, size, reviewers, blind, open, ids, seed,
                       formatOption(QStringLiteral("text|json"), QStringLiteral("text"))});
    int exitCode = Ok;
    if (!parseArguments(parser, args, QStringLiteral("Create a calibration session."), &exitCode))
        return exitCode;
    const auto method = samplingMethodFromName(parser.value(sample));
    bool okSize = false, okSeed = false;
    SampleRequest request;
    request.size = parser.value(size).toInt(&okSize);
    request.seed = parser.value(seed).toULongLong(&okSeed);
    const QStringList reviewerNames = splitList(parser.value(reviewers));
    if (!method || !okSize || !okSeed || request.size < 1 || parser.value(name).trimmed().isEmpty() ||
        reviewerNames.isEmpty() || (parser.isSet(blind) && parser.isSet(open))) {
        printErr(QStringLiteral("qaw calibration create: needs --name, --reviewers A,B, "
                                "--sample random|stratified|flagged|needs-review|ids, a --size and --seed "
                                "that are whole numbers, and at most one of --blind / --open"));
        return Usage;
    }
    request.method = *method;
    for (const QString &id : splitList(parser.value(ids))) {
        bool ok = false;
        request.ids.push_back(id.toLongLong(&ok));
        if (!ok) {
            printErr(QStringLiteral("qaw calibration create: --ids takes interaction ids (whole "
                                    "numbers); \"%1\" is not one").arg(id));
            return Usage;
        }
    }
    if (request.method == SamplingMethod::HandPicked && request.ids.empty()) {
        printErr(QStringLiteral("qaw calibration create: --sample ids needs --ids LIST"));
        return Usage;
    }
    auto ws = openWorkspace(parser);
    if (!ws)
        return Failure;
    const auto card = ScorecardRepository(*ws).active();
    if (!card) {
        printErr(QStringLiteral("qaw calibration create: the workspace has no scorecard"));
        return Failure;
    }
    QString error;
    CalibrationSession session;
    session.name = parser.value(name).trimmed();
    session.scorecardVersionId = card->versionId;
    session.sampling = request.method;
    session.blind = !parser.isSet(open);
    session.createdBy = currentUserName();
    for (const QString &r : reviewerNames)
        session.reviewers.push_back({r, -1});
    session.interactionIds = drawSample(*ws, request, &error);
    if (session.interactionIds.empty()) {
        printErr(QStringLiteral("qaw calibration create: %1").arg(error));
        return Failure;
    }
    const qint64 id = CalibrationStore(*ws).create(session, &error);
    if (id < 0) {
        printErr(QStringLiteral("qaw calibration create: %1").arg(error));
        return Failure;
    }
    if (parser.value(QStringLiteral("format")) == QLatin1String("json")) {
        QJsonArray items;
        for (qint64 i : session.interactionIds)
            items.append(i);
        printJson(QJsonObject{{QStringLiteral("session"), id},
                              {QStringLiteral("name"), session.name},
                              {QStringLiteral("sampling"), samplingMethodName(session.sampling)},
                              {QStringLiteral("blind"), session.blind},
                              {QStringLiteral("reviewers"), QJsonArray::fromStringList(reviewerNames)},
                              {QStringLiteral("interactions"), items}});
    } else {
        printOut(QStringLiteral("Created calibration session %1 \"%2\": %3 interactions (%4), "
                                "%5, reviewers %6")
                     .arg(id)
                     .arg(session.name)
                     .arg(session.interactionIds.size())
                     .arg(samplingMethodName(session.sampling),
                          session.blind ? QStringLiteral("blind") : QStringLiteral("open"),
                          reviewerNames.join(QStringLiteral(", "))));
    }
    return Ok;
}

int runReport(const QStringList &args)
{
    QCommandLineParser parser;
    parser.addOption(workspaceOption());
    const QCommandLineOption session(QStringLiteral("session"), QStringLiteral("Session id."),
                                     QStringLiteral("ID"));
    const QCommandLineOption pdf(QStringLiteral("pdf"), QStringLiteral("Also write a PDF."),
                                 QStringLiteral("FILE"));
    const QCommandLineOption resamples(QStringLiteral("bootstrap"),
                                       QStringLiteral("Bootstrap resamples for the 95% "
                                                      "intervals (default 1000; 0 for none)."),
                                       QStringLiteral("N"), QStringLiteral("1000"));
    parser.addOptions({session, pdf, resamples,
                       formatOption(QStringLiteral("text|json|csv"), QStringLiteral("text"))});
    int exitCode = Ok;
    if (!parseArguments(parser, args, QStringLiteral("Agreement report of a calibration session."),
                        &exitCode))
        return exitCode;
    bool okId = false, okResamples = false;
    const qint64 id = parser.value(session).toLongLong(&okId);
    const int bootstrap = parser.value(resamples).toInt(&okResamples);
    const QString format = parser.value(QStringLiteral("format"));
    if (!okId || !okResamples || bootstrap < 0 ||
        !QStringList{QStringLiteral("text"), QStringLiteral("json"), QStringLiteral("csv")}.contains(format)) {
        printErr(QStringLiteral("qaw calibration report: needs --session ID, --format "
                                "text|json|csv and --bootstrap N >= 0"));
        return Usage;
    }
    auto ws = openWorkspace(parser);
    if (!ws)
        return Failure;
    QString error;
    const auto report = SessionReport::build(*ws, id, &error, bootstrap);
    if (!report) {
        printErr(QStringLiteral("qaw calibration report: %1").arg(error));
        return Failure;
    }
    if (format == QLatin1String("json"))
        printJson(report->toJson());
    else if (format == QLatin1String("csv"))
        std::fputs(report->toCsv().toUtf8().constData(), stdout);
    else
        std::fputs(report->toText().toUtf8().constData(), stdout);
    std::fflush(stdout);
    if (parser.isSet(pdf) && !report->writePdf(parser.value(pdf), &error)) {
        printErr(QStringLiteral("qaw calibration report: %1").arg(error));
        return Failure;
    }
    return Ok;
}

int runList(const QStringList &args)
{
    QCommandLineParser parser;
    parser.addOption(workspaceOption());
    parser.addOption(formatOption(QStringLiteral("text|json"), QStringLiteral("text")));
    int exitCode = Ok;
    if (!parseArguments(parser, args, QStringLiteral("Calibration sessions and the trust gate."),
                        &exitCode))
        return exitCode;
    auto ws = openWorkspace(parser);
    if (!ws)
        return Failure;
    const auto sessions = CalibrationStore(*ws).list();
    const QStringList calibrated = TrustGate::publishedCalibratedCriteria(*ws);
    if (parser.value(QStringLiteral("format")) == QLatin1String("json")) {
        QJsonArray array;
        for (const CalibrationSession &s : sessions) {
            QJsonArray reviewers;
            for (const SessionReviewer &r : s.reviewers)
                reviewers.append(QJsonObject{{QStringLiteral("name"), r.name},
                                             {QStringLiteral("submitted"), r.submitted()}});
            array.append(QJsonObject{{QStringLiteral("session"), s.id},
                                     {QStringLiteral("name"), s.name},
                                     {QStringLiteral("sampling"), samplingMethodName(s.sampling)},
                                     {QStringLiteral("blind"), s.blind},
                                     {QStringLiteral("status"), s.status},
                                     {QStringLiteral("interactions"), int(s.interactionIds.size())},
                                     {QStringLiteral("reviewers"), reviewers}});
        }
        printJson(QJsonObject{{QStringLiteral("sessions"), array},
                              {QStringLiteral("calibrated_criteria"),
                               QJsonArray::fromStringList(calibrated)}});
        return Ok;
    }
    for (const CalibrationSession &s : sessions) {
        QStringList reviewers;
        for (const SessionReviewer &r : s.reviewers)
            reviewers << r.name + (r.submitted() ? QStringLiteral(" (submitted)") : QString());
        printOut(QStringLiteral("%1  %2  %3 interactions, %4, %5, %6; reviewers: %7")
                     .arg(s.id, 4)
                     .arg(s.name)
                     .arg(s.interactionIds.size())
                     .arg(samplingMethodName(s.sampling),
                          s.blind ? QStringLiteral("blind") : QStringLiteral("open"), s.status,
                          reviewers.join(QStringLiteral(", "))));
    }
    if (sessions.empty())
        printOut(QStringLiteral("No calibration sessions."));
    printOut(QStringLiteral("Calibrated criteria: %1")
                 .arg(calibrated.isEmpty() ? QStringLiteral("none") : calibrated.join(QStringLiteral(", "))));
    return Ok;
}

int runCalibration(const QStringList &args)
{
    const QString usage = QStringLiteral("Usage: qaw calibration create|report|list [OPTIONS] "
                                         "(qaw calibration SUBCOMMAND --help)");
    if (args.size() < 2) {
        printErr(usage);
        return Usage;
    }
    const QString sub = args.at(1);
    if (sub == QLatin1String("--help") || sub == QLatin1String("-h")) {
        printOut(usage);
        return Ok;
    }
    QStringList rest = args.mid(1);
    rest.first() = args.first() + QLatin1Char(' ') + sub;
    if (sub == QLatin1String("create"))
        return runCreate(rest);
    if (sub == QLatin1String("report"))
        return runReport(rest);
    if (sub == QLatin1String("list"))
        return runList(rest);
    printErr(QStringLiteral("qaw calibration: unknown subcommand \"%1\"\n%2").arg(sub, usage));
    return Usage;
}

const CommandRegistration registration("calibration",
                                       "calibration sessions: create, report, list",
                                       runCalibration);

} // namespace
} // namespace qaw::cli

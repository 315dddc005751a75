#include "CliSupport.h"

#include "coaching/CoachingPacket.h"
#include "coaching/CoachingQueueQuery.h"
#include "coaching/CoachingSessionStore.h"
#include "coaching/CriterionScales.h"
#include "coaching/EffectEstimator.h"
#include "coaching/MeetingPreparation.h"
#include "storage/Workspace.h"

#include <QDate>
#include <QDateTime>
#include <QTimeZone>
#include <QJsonArray>
#include <QJsonObject>

namespace qaw::cli {
namespace {

const QString kUsage = QStringLiteral(
    "Usage: qaw coaching SUBCOMMAND [OPTIONS]\n\n"
    "  list    --workspace W [--status open|all|STATUS] [--agent ID] [--format text|json]\n"
    "  record  --workspace W --agent ID --date YYYY-MM-DD --focus C1,C2 [--notes TEXT]\n"
    "          [--commitments TEXT] [--follow-up YYYY-MM-DD]\n"
    "  effect  --workspace W [--agent ID] [--window DAYS] [--format text|json]\n"
    "  packet  --workspace W --agent ID --out FILE.pdf [--weeks N]\n");

QCommandLineOption agentOption()
{
    return QCommandLineOption(QStringLiteral("agent"),
                              QStringLiteral("The agent's id (as imported) or row id."),
                              QStringLiteral("ID"));
}

bool checkFormat(const QCommandLineParser &parser, const QString &command)
{
    const QString f = parser.value(QStringLiteral("format"));
    if (f == QLatin1String("text") || f == QLatin1String("json"))
        return true;
    printErr(QStringLiteral("%1: --format must be text or json, not '%2'").arg(command, f));
    return false;
}

//! Resolves --agent; prints why and returns nullopt when it names no agent.
std::optional<AgentInfo> agentArgument(const Workspace &ws, const QCommandLineParser &parser,
                                       const QString &command)
{
    const QString key = parser.value(QStringLiteral("agent"));
    auto agent = findAgentInfo(ws, key);
    if (!agent)
        printErr(QStringLiteral("%1: no agent '%2' in %3").arg(command, key, ws.path()));
    return agent;
}

//! A pattern item's figure, or null for an interaction item.
QJsonValue patternValue(const CoachingQueueRow &r, const char *key)
{
    return r.isPattern ? r.pattern.value(QLatin1String(key)) : QJsonValue();
}

QJsonValue weekText(qint64 weekStartMs)
{
    if (weekStartMs <= 0)
        return QJsonValue();
    return QDateTime::fromMSecsSinceEpoch(weekStartMs, QTimeZone::utc()).date().toString(Qt::ISODate);
}

QJsonObject itemJson(const CoachingQueueRow &r, const QDate &today)
{
    return QJsonObject{
        {QStringLiteral("id"), r.id},
        {QStringLiteral("interaction"), r.interaction},
        {QStringLiteral("agent_id"), r.agentExternalId},
        {QStringLiteral("agent_name"), r.agent},
        {QStringLiteral("team"), r.team},
        {QStringLiteral("rule"), r.rule},
        {QStringLiteral("status"), coachingStatus::name(r.status)},
        {QStringLiteral("priority"), r.priority},
        {QStringLiteral("owner"), r.owner},
        {QStringLiteral("due_date"),
         r.due.isValid() ? QJsonValue(r.due.toString(Qt::ISODate)) : QJsonValue()},
        {QStringLiteral("overdue"), r.isOverdue(today)},
        {QStringLiteral("total"), r.total ? QJsonValue(*r.total) : QJsonValue()},
        {QStringLiteral("reason"), r.reason},
        {QStringLiteral("dismissed_reason"), r.dismissedReason},
        {QStringLiteral("kind"), r.isPattern ? QStringLiteral("pattern")
                                             : QStringLiteral("interaction")},
        {QStringLiteral("criteria"), QJsonArray::fromStringList(r.criteria)},
        {QStringLiteral("interactions"), QJsonArray::fromStringList(r.interactions())},
        {QStringLiteral("week"), weekText(r.weekStartMs)},
        {QStringLiteral("over_budget"), r.overBudget},
        {QStringLiteral("rate"), patternValue(r, "rate")},
        {QStringLiteral("team_rate"), patternValue(r, "team_rate")},
        {QStringLiteral("ci_low"), patternValue(r, "ci_low")},
        {QStringLiteral("ci_high"), patternValue(r, "ci_high")},
        {QStringLiteral("n"), patternValue(r, "n")},
    };
}

int runList(const QStringList &args)
{
    QCommandLineParser parser;
    parser.addOption(workspaceOption());
    parser.addOption(agentOption());
    parser.addOption(QCommandLineOption(QStringLiteral("status"),
                                        QStringLiteral("open (default), all, or a status name."),
                                        QStringLiteral("STATUS"), QStringLiteral("open")));
    parser.addOption(formatOption(QStringLiteral("text, json"), QStringLiteral("text")));
    int exitCode = Ok;
    if (!parseArguments(parser, args, QStringLiteral("The coaching queue, by priority."),
                        &exitCode))
        return exitCode;
    if (!checkFormat(parser, args.first()))
        return Usage;
    CoachingQueueFilter filter;
    filter.status = parser.value(QStringLiteral("status"));
    CoachingStatus ignored;
    if (filter.status == QLatin1String("all"))
        filter.status.clear();
    else if (filter.status != QLatin1String("open") &&
             !coachingStatus::fromName(filter.status, &ignored)) {
        printErr(QStringLiteral("%1: unknown status '%2' (open, all, new, in_review, "
                                "coaching_planned, coached, verified, dismissed)")
                     .arg(args.first(), filter.status));
        return Usage;
    }
    auto ws = openWorkspace(parser);
    if (!ws)
        return Failure;
    if (parser.isSet(QStringLiteral("agent"))) {
        const auto agent = agentArgument(*ws, parser, args.first());
        if (!agent)
            return Failure;
        filter.agentId = agent->id;
    }
    const QDate today = QDate::currentDate();
    const auto rows = queryCoachingQueue(*ws, filter, today);
    if (parser.value(QStringLiteral("format")) == QLatin1String("json")) {
        QJsonArray items;
        for (const CoachingQueueRow &r : rows)
            items.append(itemJson(r, today));
        printJson(items);
        return Ok;
    }
    printOut(QStringLiteral("%1 item(s)").arg(rows.size()));
    for (const CoachingQueueRow &r : rows)
        printOut(QStringLiteral("%1  %2  %3  %4  %5  %6%7  %8")
                     .arg(r.id, 6)
                     .arg(r.priority, 5, 'f', 2)
                     .arg(coachingStatus::label(r.status), -16)
                     .arg(r.agent, -20)
                     .arg(r.interaction, -12)
                     .arg(r.rule)
                     .arg(r.isOverdue(today) ? QStringLiteral(" OVERDUE") : QString())
                     .arg(r.reason));
    return Ok;
}

int runRecord(const QStringList &args)
{
    QCommandLineParser parser;
    parser.addOption(workspaceOption());
    parser.addOption(agentOption());
    const QCommandLineOption date(QStringLiteral("date"), QStringLiteral("YYYY-MM-DD"),
                                  QStringLiteral("DATE"));
    const QCommandLineOption focus(QStringLiteral("focus"),
                                   QStringLiteral("Criterion ids, comma-separated."),
                                   QStringLiteral("C1,C2"));
    const QCommandLineOption notes(QStringLiteral("notes"), QStringLiteral("What was discussed."),
                                   QStringLiteral("TEXT"));
    const QCommandLineOption commitments(
        QStringLiteral("commitments"), QStringLiteral("What was agreed."), QStringLiteral("TEXT"));
    const QCommandLineOption followUp(QStringLiteral("follow-up"), QStringLiteral("YYYY-MM-DD"),
                                      QStringLiteral("DATE"));
    parser.addOptions({date, focus, notes, commitments, followUp});
    int exitCode = Ok;
    if (!parseArguments(parser, args, QStringLiteral("Records a coaching session."), &exitCode))
        return exitCode;
    const QString command = args.first();
    if (!parser.isSet(QStringLiteral("agent")) || !parser.isSet(date) || !parser.isSet(focus)) {
        printErr(QStringLiteral("%1: --agent, --date and --focus are required").arg(command));
        return Usage;
    }
    CoachingSession s;
    s.date = QDate::fromString(parser.value(date), Qt::ISODate);
    s.followUp =
        parser.isSet(followUp) ? QDate::fromString(parser.value(followUp), Qt::ISODate) : QDate();
    if (!s.date.isValid() || (parser.isSet(followUp) && !s.followUp.isValid())) {
        printErr(QStringLiteral("%1: dates must be YYYY-MM-DD").arg(command));
        return Usage;
    }
    for (const QString &c : parser.value(focus).split(QLatin1Char(','), Qt::SkipEmptyParts))
        s.focus << c.trimmed();
    if (s.focus.isEmpty()) {
        printErr(QStringLiteral("%1: --focus needs at least one criterion id").arg(command));
        return Usage;
    }
    auto ws = openWorkspace(parser);
    if (!ws)
        return Failure;
    const CriterionScales scales(*ws);
    for (const QString &c : s.focus)
        if (!scales.ids().contains(c)) {
            printErr(QStringLiteral("%1: the scorecard has no criterion '%2' (criteria: %3)")
                         .arg(command, c, scales.ids().join(QStringLiteral(", "))));
            return Usage;
        }
    const auto agent = agentArgument(*ws, parser, command);
    if (!agent)
        return Failure;
    s.agentId = agent->id;
    s.notes = parser.value(notes);
    s.commitments = parser.value(commitments);
    QString error;
    const qint64 id = CoachingSessionStore(*ws, currentUserName()).record(s, &error);
    if (id < 0) {
        printErr(QStringLiteral("%1: %2").arg(command, error));
        return Failure;
    }
    printOut(QStringLiteral("Recorded coaching session %1 for %2 on %3 (focus: %4).")
                 .arg(id)
                 .arg(agent->displayName(), s.date.toString(Qt::ISODate),
                      s.focus.join(QStringLiteral(", "))));
    return Ok;
}

int runEffect(const QStringList &args)
{
    QCommandLineParser parser;
    parser.addOption(workspaceOption());
    parser.addOption(agentOption());
    const QCommandLineOption window(QStringLiteral("window"),
                                    QStringLiteral("Days before and after (default 30)."),
                                    QStringLiteral("DAYS"), QStringLiteral("30"));
    parser.addOption(window);
    parser.addOption(formatOption(QStringLiteral("text, json"), QStringLiteral("text")));
    int exitCode = Ok;
    if (!parseArguments(parser, args,
                        QStringLiteral("Did coaching work? Focus-criteria pass rates "
                                       "before and after each session, against the team."),
                        &exitCode))
        return exitCode;
    if (!checkFormat(parser, args.first()))
        return Usage;
    bool ok = false;
    const int days = parser.value(window).toInt(&ok);
    if (!ok || days < 1) {
        printErr(QStringLiteral("%1: --window must be a whole number of days, at least 1")
                     .arg(args.first()));
        return Usage;
    }
    auto ws = openWorkspace(parser);
    if (!ws)
        return Failure;
    qint64 agentId = -1;
    if (parser.isSet(QStringLiteral("agent"))) {
        const auto agent = agentArgument(*ws, parser, args.first());
        if (!agent)
            return Failure;
        agentId = agent->id;
    }
    const auto effects = EffectEstimator(*ws, days).estimateAll(agentId);
    if (parser.value(QStringLiteral("format")) == QLatin1String("json")) {
        printJson(EffectEstimator::toJson(effects));
        return Ok;
    }
    auto pct = [](const std::optional<double> &v) {
        return v ? QStringLiteral("%1").arg(*v * 100, 6, 'f', 1) : QStringLiteral("     –");
    };
    for (const SessionEffect &e : effects)
        for (const FocusEffect &f : e.focus)
            printOut(
                QStringLiteral("%1  %2  %3  before %4 (n=%5)  after %6 (n=%7)  change %8  "
                               "vs team %9 [%10, %11]")
                    .arg(e.session.date.toString(Qt::ISODate), e.agent.displayName(), f.criterionId)
                    .arg(pct(f.agentBefore.rate()))
                    .arg(f.agentBefore.n)
                    .arg(pct(f.agentAfter.rate()))
                    .arg(f.agentAfter.n)
                    .arg(pct(f.change), pct(f.did),
                         pct(f.didInterval ? std::optional<double>(f.didInterval->low)
                                           : std::nullopt),
                         pct(f.didInterval ? std::optional<double>(f.didInterval->high)
                                           : std::nullopt)));
    const EffectOverview o = EffectEstimator::overview(effects);
    printOut(QStringLiteral("%1 session(s): %2 focus criteria improved beyond the team, %3 got "
                            "worse, %4 inconclusive, %5 undefined (empty window).")
                 .arg(o.sessions)
                 .arg(o.improved)
                 .arg(o.worse)
                 .arg(o.inconclusive)
                 .arg(o.undefined));
    return Ok;
}

int runPacket(const QStringList &args)
{
    QCommandLineParser parser;
    parser.addOption(workspaceOption());
    parser.addOption(agentOption());
    const QCommandLineOption out(QStringLiteral("out"), QStringLiteral("The PDF file to write."),
                                 QStringLiteral("FILE"));
    const QCommandLineOption weeks(QStringLiteral("weeks"),
                                   QStringLiteral("Weeks of history (default 12)."),
                                   QStringLiteral("N"), QStringLiteral("12"));
    parser.addOptions({out, weeks});
    int exitCode = Ok;
    if (!parseArguments(parser, args,
                        QStringLiteral("Writes the coaching-meeting packet of one agent as PDF."),
                        &exitCode))
        return exitCode;
    bool ok = false;
    const int nWeeks = parser.value(weeks).toInt(&ok);
    if (!parser.isSet(QStringLiteral("agent")) || !parser.isSet(out) || !ok || nWeeks < 1) {
        printErr(QStringLiteral("%1: --agent and --out are required; --weeks is at least 1")
                     .arg(args.first()));
        return Usage;
    }
    auto ws = openWorkspace(parser);
    if (!ws)
        return Failure;
    const auto agent = agentArgument(*ws, parser, args.first());
    if (!agent)
        return Failure;
    MeetingPreparationBuilder builder(*ws);
    builder.setWeeks(nWeeks);
    QString error;
    const auto prep = builder.build(agent->id, {}, &error);
    if (!prep || !CoachingPacket(*prep).writePdf(parser.value(out), &error)) {
        printErr(QStringLiteral("%1: %2").arg(args.first(), error));
        return Failure;
    }
    printOut(QStringLiteral("Wrote the coaching packet of %1 to %2.")
                 .arg(agent->displayName(), parser.value(out)));
    return Ok;
}

int runCoaching(const QStringList &args)
{
    const QString sub = args.value(1);
    QStringList rest = args.mid(1);
    if (!rest.isEmpty())
        rest.first() = args.first() + QLatin1Char(' ') + sub;
    if (sub == QLatin1String("list"))
        return runList(rest);
    if (sub == QLatin1String("record"))
        return runRecord(rest);
    if (sub == QLatin1String("effect"))
        return runEffect(rest);
    if (sub == QLatin1String("packet"))
        return runPacket(rest);
    if (sub == QLatin1String("--help") || sub == QLatin1String("-h")) {
        printOut(kUsage);
        return Ok;
    }
    printErr((sub.isEmpty() ? QStringLiteral("qaw coaching: a subcommand is required\n")
                            : QStringLiteral("qaw coaching: unknown subcommand '%1'\n").arg(sub)) +
             kUsage);
    return Usage;
}

const CommandRegistration registration("coaching",
                                       "coaching queue, sessions, effect and meeting packet",
                                       runCoaching, true);

} // namespace
} // namespace qaw::cli

#include "TranscriptHtml.h"

#include <QObject>
#include <QStringList>

namespace qaw {
namespace {

QString clock(qint64 ms)
{
    const qint64 s = ms / 1000;
    return QStringLiteral("%1:%2").arg(s / 60, 2, 10, QLatin1Char('0')).arg(s % 60, 2, 10, QLatin1Char('0'));
}

QString seconds(qint64 ms)
{
    return ms < 0 ? QStringLiteral("–") : QStringLiteral("%1 s").arg(double(ms) / 1000.0, 0, 'f', 1);
}

QString speakerColour(Speaker s)
{
    switch (s) {
    case Speaker::Agent:
        return QStringLiteral("#1f5f8b");
    case Speaker::Customer:
        return QStringLiteral("#8b3a1f");
    default:
        return QStringLiteral("#666666");
    }
}

} // namespace

QString transcriptHtml(const StoredInteraction &s)
{
    const Interaction &in = s.interaction;
    const qint64 start = in.startedAt.toMSecsSinceEpoch();
    QString html;
    int seq = 0;
    for (const Turn &t : in.turns) {
        QString when;
        if (t.startMs >= 0)
            when = clock(t.startMs);
        else if (t.atMs >= 0)
            when = clock(t.atMs - start);
        QString name = speakerName(t.speaker);
        name[0] = name[0].toUpper();
        html += QStringLiteral("<p><a name=\"turn-%1\"></a><span style=\"color:#888\">%2</span> "
                               "<b style=\"color:%3\">%4:</b> %5</p>")
                    .arg(seq++)
                    .arg(when, speakerColour(t.speaker), name, t.text.toHtmlEscaped());
    }
    if (in.turns.empty())
        html = QObject::tr("<p><i>This interaction has no transcript.</i></p>");
    return html;
}

QString interactionSummaryHtml(const StoredInteraction &s)
{
    const Interaction &in = s.interaction;
    const DerivedMetrics &m = s.metrics;
    QStringList rows;
    auto row = [&rows](const QString &k, const QString &v) {
        rows << QStringLiteral("<tr><td style=\"color:#666;padding-right:8px\">%1</td><td>%2</td></tr>")
                    .arg(k, v.toHtmlEscaped());
    };
    row(QObject::tr("Interaction"), in.externalId + QStringLiteral(" (") + in.channel + QLatin1Char(')'));
    row(QObject::tr("Started"), in.startedAt.toString(QStringLiteral("yyyy-MM-dd HH:mm:ss 'UTC'")));
    row(QObject::tr("Agent"), in.agentName.isEmpty() ? in.agentId : in.agentName + QStringLiteral(" · ") + in.team);
    row(QObject::tr("Customer"), in.customerId.isEmpty() ? QStringLiteral("–") : in.customerId);
    row(QObject::tr("Queue"), in.queue.isEmpty() ? QStringLiteral("–") : in.queue);
    row(QObject::tr("CSAT"), in.csat ? QString::number(*in.csat) : QObject::tr("not surveyed"));
    row(QObject::tr("Resolved"), in.resolved ? (*in.resolved ? QObject::tr("yes") : QObject::tr("no")) : QStringLiteral("–"));
    row(QObject::tr("Repeat contact in 7 days"),
        s.repeatContact ? (*s.repeatContact ? QObject::tr("yes") : QObject::tr("no")) : QStringLiteral("–"));
    row(QObject::tr("Handle time"), seconds(m.durationMs));
    if (m.agentTalkMs >= 0)
        row(QObject::tr("Talk time agent / customer"), seconds(m.agentTalkMs) + QStringLiteral(" / ") + seconds(m.customerTalkMs));
    if (m.silenceCount >= 0)
        row(QObject::tr("Silences over 3 s"), QStringLiteral("%1 (longest %2)").arg(m.silenceCount).arg(seconds(m.silenceMaxMs)));
    if (m.overtalkCount >= 0)
        row(QObject::tr("Overtalk over 1 s"), QStringLiteral("%1 (%2)").arg(m.overtalkCount).arg(seconds(m.overtalkMs)));
    if (m.firstResponseMs >= 0 || m.maxCustomerWaitMs >= 0)
        row(QObject::tr("First response / longest wait"), seconds(m.firstResponseMs) + QStringLiteral(" / ") + seconds(m.maxCustomerWaitMs));
    row(QObject::tr("Automated score"), s.autoTotal ? QString::number(*s.autoTotal, 'f', 1) + (s.autoFailed ? QObject::tr(" (auto-fail)") : QString())
                                                    : QObject::tr("not scored yet"));
    return QStringLiteral("<table>") + rows.join(QString()) + QStringLiteral("</table>");
}

} // namespace qaw

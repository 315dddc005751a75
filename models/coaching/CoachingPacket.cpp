#include "coaching/CoachingPacket.h"

#include "io/OutputFile.h"

#include <QBuffer>
#include <QFont>
#include <QJsonArray>
#include <QObject>
#include <QPageLayout>
#include <QPageSize>
#include <QPdfWriter>
#include <QTextDocument>
#include <QUrl>

#include <algorithm>

namespace qaw {
namespace {

const QColor kAgentColour(0x1f, 0x5f, 0x8b);
const QColor kTeamColour(0x9a, 0x9a, 0x9a);
constexpr int kChartWidthPx = 600;
constexpr size_t kMaxItemsShown = 10;

QString esc(const QString &s)
{
    return s.toHtmlEscaped();
}

QString number(const std::optional<double> &v, int decimals = 1, const QString &suffix = {})
{
    return v ? QString::number(*v, 'f', decimals) + suffix : QStringLiteral("–");
}

QString share(const PassCount &c)
{
    const auto r = c.rate();
    return r ? QStringLiteral("%1% <span style=\"color:#888\">(n=%2)</span>")
                   .arg(*r * 100, 0, 'f', 0)
                   .arg(c.n)
             : QStringLiteral("–");
}

QString signedPoints(const std::optional<double> &v)
{
    if (!v)
        return QObject::tr("undefined");
    return QStringLiteral("%1%2 pts")
        .arg(*v >= 0 ? QStringLiteral("+") : QString())
        .arg(*v * 100, 0, 'f', 0);
}

QString tableStart(const QStringList &headers)
{
    QString h = QStringLiteral("<table width=\"100%\" cellspacing=\"0\" cellpadding=\"4\" "
                               "style=\"border-collapse:collapse; border:1px solid #cccccc\">"
                               "<tr style=\"background-color:#eef3f7\">");
    for (const QString &c : headers)
        h += QStringLiteral("<th align=\"left\">%1</th>").arg(esc(c));
    return h + QStringLiteral("</tr>");
}

QString h2(const QString &text)
{
    return QStringLiteral("<h2 style=\"color:#1f5f8b; font-size:13pt; margin-top:14px\">%1</h2>")
        .arg(esc(text));
}

} // namespace

CoachingPacket::CoachingPacket(const MeetingPreparation &preparation) : m_prep(preparation) {}

std::vector<TrendChart> CoachingPacket::charts() const
{
    std::vector<TrendChart> out;
    auto base = [&](const QString &title, const std::vector<CoachingTrendPoint> &points) {
        TrendChart c;
        c.title = title;
        ChartSeries agent{m_prep.agent.displayName(), kAgentColour, {}, false};
        ChartSeries team{
            QObject::tr("Rest of team %1").arg(m_prep.agent.team), kTeamColour, {}, true};
        for (const CoachingTrendPoint &p : points) {
            c.xLabels << p.weekStart.toString(QStringLiteral("d MMM"));
            agent.values.push_back(p.agent);
            team.values.push_back(p.team);
        }
        c.series = {team, agent};
        for (const CoachingSession &s : m_prep.earlierSessions)
            c.markers.push_back(
                {double(m_prep.from.daysTo(s.date)) / 7.0,
                 QObject::tr("coached %1").arg(s.date.toString(QStringLiteral("d MMM")))});
        return c;
    };
    out.push_back(base(QObject::tr("Weekly mean total (0-100)"), m_prep.totalTrend));
    for (const CriterionStanding &s : m_prep.weakest) {
        TrendChart c = base(QObject::tr("%1: weekly pass rate").arg(s.name), s.trend);
        c.yUnit = QStringLiteral("%");
        out.push_back(c);
    }
    return out;
}

QString CoachingPacket::trendSection() const
{
    QString h = h2(QObject::tr("Quality trend"));
    h += QObject::tr("<p>Mean automated total over the period: <b>%1</b> for %2 (%3 scored "
                     "interactions) against <b>%4</b> for the rest of the team.</p>")
             .arg(number(m_prep.agentMeanTotal), esc(m_prep.agent.displayName()))
             .arg(m_prep.agentScored)
             .arg(number(m_prep.teamMeanTotal));
    h += QStringLiteral("<p><img src=\"chart://0\" width=\"%1\" height=\"%2\"></p>")
             .arg(kChartWidthPx)
             .arg(kChartWidthPx * 36 / 100);
    return h;
}

QString CoachingPacket::criteriaSection() const
{
    QString h = h2(QObject::tr("Weakest criteria against the team"));
    if (m_prep.weakest.empty())
        return h + QObject::tr("<p>No criterion was scored for this agent in the period.</p>");
    h += tableStart({QObject::tr("Criterion"), QObject::tr("Agent pass rate"),
                     QObject::tr("Rest of team"), QObject::tr("Gap")});
    for (const CriterionStanding &s : m_prep.weakest)
        h += QStringLiteral("<tr><td>%1</td><td>%2</td><td>%3</td><td>%4</td></tr>")
                 .arg(esc(s.name), share(s.agent), share(s.team),
                      !s.gap           ? QStringLiteral("–")
                      : *s.gap >= 0.5  ? QObject::tr("%1 pts below").arg(*s.gap, 0, 'f', 0)
                      : *s.gap <= -0.5 ? QObject::tr("%1 pts above").arg(-*s.gap, 0, 'f', 0)
                                       : QObject::tr("level"));
    h += QStringLiteral("</table>");
    for (size_t i = 0; i < m_prep.weakest.size(); ++i)
        h += QStringLiteral("<p><img src=\"chart://%1\" width=\"%2\" height=\"%3\"></p>")
                 .arg(i + 1)
                 .arg(kChartWidthPx)
                 .arg(kChartWidthPx * 30 / 100);
    return h;
}

QString CoachingPacket::patternsSection() const
{
    // What the meeting is about comes first: where the agent differs from their team.
    QString h = h2(QObject::tr("What to coach on: patterns against the team (%1)")
                       .arg(m_prep.patterns.size()));
    if (m_prep.patterns.empty())
        return h + QObject::tr("<p>No criterion where the agent fails clearly more often than "
                               "the rest of the team in the last weeks.</p>");
    h += tableStart({QObject::tr("Criterion"), QObject::tr("Agent"), QObject::tr("Team"),
                     QObject::tr("Weekly (oldest first)"), QObject::tr("Examples")});
    auto pct = [](const QJsonValue &v) {
        return v.isDouble() ? QString::number(v.toDouble() * 100, 'f', 0) + QLatin1Char('%')
                            : QStringLiteral("–");
    };
    for (const CoachingQueueRow &r : m_prep.patterns) {
        const QJsonObject &p = r.pattern;
        QStringList weekly;
        for (const QJsonValue &w : p.value(QLatin1String("weekly")).toArray()) {
            const QJsonObject o = w.toObject();
            const double n = o.value(QLatin1String("n")).toDouble();
            weekly << (n > 0 ? pct(o.value(QLatin1String("fails")).toDouble() / n)
                             : QStringLiteral("–"));
        }
        h += QStringLiteral("<tr><td><b>%1</b></td><td>fails %2 (%3 of %4; %5-%6)</td>"
                            "<td>%7 (n = %8)</td><td>%9</td><td>%10</td></tr>")
                 .arg(esc(p.value(QLatin1String("name")).toString(r.criteria.value(0))),
                      pct(p.value(QLatin1String("rate"))),
                      QString::number(p.value(QLatin1String("fails")).toInt()),
                      QString::number(p.value(QLatin1String("n")).toInt()),
                      pct(p.value(QLatin1String("ci_low"))), pct(p.value(QLatin1String("ci_high"))),
                      pct(p.value(QLatin1String("team_rate"))),
                      QString::number(p.value(QLatin1String("team_n")).toInt()),
                      weekly.join(QStringLiteral(" · ")))
                 .arg(esc(r.interactions().join(QStringLiteral(", "))));
    }
    return h + QStringLiteral("</table>");
}

QString CoachingPacket::itemsSection() const
{
    QString h = h2(QObject::tr("Open flagged interactions (%1)").arg(m_prep.openItems.size()));
    if (m_prep.openItems.empty())
        return h + QObject::tr("<p>None: the queue is clear for this agent.</p>");
    h += tableStart({QObject::tr("Interaction"), QObject::tr("Date"), QObject::tr("Rule"),
                     QObject::tr("Status"), QObject::tr("Why it was flagged")});
    const size_t shown = std::min(m_prep.openItems.size(), kMaxItemsShown);
    for (size_t i = 0; i < shown; ++i) {
        const OpenItemRow &r = m_prep.openItems[i];
        h += QStringLiteral("<tr><td>%1</td><td>%2</td><td>%3</td><td>%4</td><td>%5</td></tr>")
                 .arg(esc(r.interactionExternalId), r.startedAt.date().toString(Qt::ISODate),
                      esc(r.ruleName), coachingStatus::label(r.item.status), esc(r.item.reason));
    }
    h += QStringLiteral("</table>");
    if (shown < m_prep.openItems.size())
        h +=
            QObject::tr("<p style=\"color:#555\">The %1 items with the highest priority are shown; "
                        "%2 more are in the coaching queue.</p>")
                .arg(shown)
                .arg(m_prep.openItems.size() - shown);
    return h;
}

QString CoachingPacket::examplesSection() const
{
    QString h = h2(QObject::tr("Example interactions"));
    if (m_prep.examples.empty())
        return h + QObject::tr("<p>No scored interaction in the period.</p>");
    int n = 0;
    for (const ExampleInteraction &ex : m_prep.examples) {
        h += QStringLiteral("<h3 style=\"font-size:11pt; margin-top:10px\">%1. %2 · %3 · %4 · "
                            "total %5</h3>")
                 .arg(++n)
                 .arg(esc(ex.externalId), ex.startedAt.toString(QStringLiteral("yyyy-MM-dd HH:mm")),
                      esc(ex.channel), number(ex.total));
        if (!ex.failedCriteria.isEmpty())
            h += QObject::tr("<p>Missed: %1</p>")
                     .arg(esc(ex.failedCriteria.join(QStringLiteral(", "))));
        for (const EvidenceExcerpt &e : ex.excerpts) {
            h += QStringLiteral("<p style=\"margin-left:14px\"><b>%1.</b> ")
                     .arg(esc(e.criterionName));
            if (!e.highlighted.isEmpty() || !e.before.isEmpty())
                h += QStringLiteral(
                         "<i>%1:</i> “%2<span style=\"background-color:#ffe08a\">%3</span>%4” ")
                         .arg(esc(e.speaker), esc(e.before), esc(e.highlighted), esc(e.after));
            if (!e.rationale.isEmpty())
                h += QStringLiteral("<span style=\"color:#555\">%1</span>").arg(esc(e.rationale));
            h += QStringLiteral("</p>");
        }
    }
    return h;
}

QString CoachingPacket::sessionsSection() const
{
    QString h = h2(QObject::tr("Earlier coaching sessions"));
    if (m_prep.earlierSessions.empty())
        h += QObject::tr("<p>This is the agent's first recorded coaching session.</p>");
    for (const SessionEffect &e : m_prep.effects) {
        const CoachingSession &s = e.session;
        h += QStringLiteral("<h3 style=\"font-size:11pt\">%1</h3>")
                 .arg(s.date.toString(Qt::ISODate));
        if (!s.notes.isEmpty())
            h += QObject::tr("<p><b>Notes:</b> %1</p>").arg(esc(s.notes));
        if (!s.commitments.isEmpty())
            h += QObject::tr("<p><b>Commitments:</b> %1</p>").arg(esc(s.commitments));
        if (s.followUp.isValid())
            h += QObject::tr("<p><b>Follow-up:</b> %1</p>").arg(s.followUp.toString(Qt::ISODate));
        if (e.focus.empty())
            continue;
        h += tableStart({QObject::tr("Focus criterion"), QObject::tr("30 days before"),
                         QObject::tr("30 days after"), QObject::tr("Change (95% CI)"),
                         QObject::tr("Against the team (95% CI)")});
        for (const FocusEffect &f : e.focus) {
            auto ci = [](const std::optional<Interval> &i) {
                return i ? QStringLiteral(" [%1, %2]")
                               .arg(i->low * 100, 0, 'f', 0)
                               .arg(i->high * 100, 0, 'f', 0)
                         : QString();
            };
            h += QStringLiteral(
                     "<tr><td>%1</td><td>%2</td><td>%3</td><td>%4%5</td><td>%6%7</td></tr>")
                     .arg(esc(f.criterionName), share(f.agentBefore), share(f.agentAfter),
                          signedPoints(f.change), ci(f.changeInterval), signedPoints(f.did),
                          ci(f.didInterval));
        }
        h += QStringLiteral("</table>");
    }
    return h;
}

QString CoachingPacket::html() const
{
    QString h = QStringLiteral("<html><body style=\"font-size:10pt\">");
    h += QStringLiteral("<h1 style=\"font-size:18pt; color:#222\">%1</h1>")
             .arg(QObject::tr("Coaching meeting: %1").arg(esc(m_prep.agent.displayName())));
    h += QObject::tr("<p style=\"color:#555\">Agent %1 · team %2 · period %3 to %4 · prepared "
                     "%5 with QA Workbench</p>")
             .arg(esc(m_prep.agent.externalId),
                  esc(m_prep.agent.team.isEmpty() ? QStringLiteral("–") : m_prep.agent.team),
                  m_prep.from.toString(Qt::ISODate), m_prep.to.toString(Qt::ISODate),
                  QDate::currentDate().toString(Qt::ISODate));
    h +=
        patternsSection() + trendSection() + criteriaSection() + itemsSection() + examplesSection() +
        sessionsSection();
    h += h2(QObject::tr("Agreed today"));
    h += QObject::tr("<p>Focus criteria: ______________________________________________</p>"
                     "<p>Commitments: ______________________________________________</p>"
                     "<p>Follow-up date: ____________ &nbsp;&nbsp; Agent: ____________ "
                     "&nbsp;&nbsp; Supervisor: ____________</p>");
    return h + QStringLiteral("</body></html>");
}

std::unique_ptr<QTextDocument> CoachingPacket::document() const
{
    auto doc = std::make_unique<QTextDocument>();
    QFont font(QStringLiteral("DejaVu Sans"));
    font.setPointSizeF(9.5);
    doc->setDefaultFont(font);
    const std::vector<TrendChart> all = charts();
    for (size_t i = 0; i < all.size(); ++i) {
        const int height = i == 0 ? 36 : 30;
        doc->addResource(QTextDocument::ImageResource, QUrl(QStringLiteral("chart://%1").arg(i)),
                         all[i].render(QSize(kChartWidthPx * 3, kChartWidthPx * 3 * height / 100)));
    }
    doc->setHtml(html());
    return doc;
}

void CoachingPacket::print(QPagedPaintDevice *device) const
{
    document()->print(device);
}

bool CoachingPacket::writePdf(const QString &path, QString *error) const
{
    // Drawn into memory first: QPdfWriter reports no write errors, so the bytes reach
    // the file through OutputFile, whose writes and commit are checked.
    QByteArray pdf;
    {
        QBuffer buffer(&pdf);
        buffer.open(QIODevice::WriteOnly);
        QPdfWriter writer(&buffer);
        writer.setTitle(QObject::tr("Coaching meeting: %1").arg(m_prep.agent.displayName()));
        writer.setCreator(QStringLiteral("QA Workbench"));
        writer.setPageLayout(QPageLayout(QPageSize(QPageSize::A4), QPageLayout::Portrait,
                                         QMarginsF(15, 15, 15, 15), QPageLayout::Millimeter));
        print(&writer);
    }
    if (pdf.isEmpty()) {
        *error = QObject::tr("The packet for %1 could not be drawn.").arg(path);
        return false;
    }
    return writeFileAtomically(path, pdf, error);
}

} // namespace qaw

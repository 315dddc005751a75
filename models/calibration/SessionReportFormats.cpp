// The ways a SessionReport leaves the program: JSON, CSV, plain text, HTML and PDF.
#include "calibration/SessionReport.h"

#include "io/CsvWriter.h"
#include "io/OutputFile.h"

#include <QDateTime>
#include <QBuffer>
#include <QGuiApplication>
#include <QJsonArray>
#include <QPageSize>
#include <QPdfWriter>
#include <QTextDocument>
#include <QTimeZone>

namespace qaw {
namespace {

QJsonValue numberOrNull(const std::optional<double> &v)
{
    return v ? QJsonValue(*v) : QJsonValue(QJsonValue::Null);
}

QString csvNumber(const std::optional<double> &v)
{
    return v ? QString::number(*v, 'g', 10) : QString();
}

QString reviewerCounts(const CriterionAgreement &c, const QStringList &reviewers)
{
    QStringList parts;
    for (int r = 0; r < reviewers.size() && r < c.reviewerRated.size(); ++r)
        parts << QStringLiteral("%1 %2").arg(reviewers.at(r)).arg(c.reviewerRated.at(r));
    return parts.join(QStringLiteral(", "));
}

} // namespace

QJsonObject SessionReport::toJson() const
{
    QJsonArray criteriaArray;
    for (const CriterionAgreement &c : criteria) {
        QJsonArray comparisonArray;
        for (const RaterComparison &k : c.comparisons) {
            QJsonObject stats;
            for (const NamedStatistic &s : k.statistics) {
                QJsonObject o{{QStringLiteral("name"), s.name},
                              {QStringLiteral("value"), numberOrNull(s.value)}};
                if (!s.value)
                    o.insert(QStringLiteral("undefined_reason"), s.undefinedReason);
                if (s.ciLower && s.ciUpper)
                    o.insert(QStringLiteral("ci95"), QJsonArray{*s.ciLower, *s.ciUpper});
                stats.insert(s.key, o);
            }
            comparisonArray.append(QJsonObject{{QStringLiteral("comparison"), k.label},
                                               {QStringLiteral("kind"), k.kind},
                                               {QStringLiteral("paired_items"), k.pairedItems},
                                               {QStringLiteral("statistics"), stats}});
        }
        QJsonObject rated;
        for (int r = 0; r < int(session.reviewers.size()) && r < int(c.reviewerRated.size()); ++r)
            rated.insert(session.reviewers[size_t(r)].name, c.reviewerRated.at(r));
        criteriaArray.append(QJsonObject{{QStringLiteral("criterion"), c.criterionId},
                                         {QStringLiteral("name"), c.criterionName},
                                         {QStringLiteral("scale"), c.scale},
                                         {QStringLiteral("items"), c.items},
                                         {QStringLiteral("automated_rated"), c.automatedRated},
                                         {QStringLiteral("reviewer_rated"), rated},
                                         {QStringLiteral("disagreements"), c.disagreements},
                                         {QStringLiteral("calibrated"), c.calibrated},
                                         {QStringLiteral("comparisons"), comparisonArray}});
    }
    QJsonArray reviewers;
    for (const SessionReviewer &r : session.reviewers)
        reviewers.append(QJsonObject{{QStringLiteral("name"), r.name},
                                     {QStringLiteral("submitted"), r.submitted()}});
    return QJsonObject{{QStringLiteral("session"), session.id},
                       {QStringLiteral("name"), session.name},
                       {QStringLiteral("sampling"), samplingMethodName(session.sampling)},
                       {QStringLiteral("blind"), session.blind},
                       {QStringLiteral("status"), session.status},
                       {QStringLiteral("interactions"), int(session.interactionIds.size())},
                       {QStringLiteral("reviewers"), reviewers},
                       {QStringLiteral("scorecard"), scorecardName},
                       {QStringLiteral("scorecard_version"), scorecardVersion},
                       {QStringLiteral("criteria"), criteriaArray}};
}

QString SessionReport::toCsv() const
{
    QString out = QStringLiteral("session,criterion,criterion_name,comparison,kind,"
                                 "paired_items,statistic,statistic_name,value,ci95_lower,"
                                 "ci95_upper,undefined_reason\n");
    for (const CriterionAgreement &c : criteria)
        for (const RaterComparison &k : c.comparisons)
            for (const NamedStatistic &s : k.statistics)
                out += CsvWriter::line({QString::number(session.id), c.criterionId,
                                        c.criterionName, k.label, k.kind,
                                        QString::number(k.pairedItems), s.key, s.name,
                                        csvNumber(s.value), csvNumber(s.ciLower),
                                        csvNumber(s.ciUpper), s.undefinedReason});
    return out;
}

QString SessionReport::toText() const
{
    QStringList out;
    out << QStringLiteral("Calibration session %1: %2").arg(session.id).arg(session.name);
    out << QStringLiteral("Scorecard %1 v%2; %3 interactions; %4 sampling; %5; reviewers: %6")
               .arg(scorecardName)
               .arg(scorecardVersion)
               .arg(session.interactionIds.size())
               .arg(samplingMethodName(session.sampling),
                    session.blind ? QStringLiteral("blind") : QStringLiteral("open"),
                    session.reviewerNames().join(QStringLiteral(", ")));
    for (const CriterionAgreement &c : criteria) {
        out << QString();
        out << QStringLiteral("%1 (%2)%3").arg(c.criterionName, c.criterionId,
                                                c.criterionId == QLatin1String("total") ||
                                                        c.calibrated
                                                    ? QString()
                                                    : QStringLiteral(" [not calibrated]"));
        out << QStringLiteral("  rated: automated %1, %2; disagreements %3 of %4")
                   .arg(c.automatedRated)
                   .arg(reviewerCounts(c, session.reviewerNames()))
                   .arg(c.disagreements)
                   .arg(c.items);
        for (const RaterComparison &k : c.comparisons) {
            out << QStringLiteral("  %1 (%2 paired items)").arg(k.label).arg(k.pairedItems);
            for (const NamedStatistic &s : k.statistics)
                out << QStringLiteral("    %1: %2").arg(s.name, statisticText(s));
        }
    }
    return out.join(QLatin1Char('\n')) + QLatin1Char('\n');
}

QString SessionReport::toHtml() const
{
    QString html = QStringLiteral("<html><body><h1>%1</h1><p>Scorecard %2 v%3 &middot; %4 "
                                  "interactions &middot; %5 sampling &middot; %6 &middot; "
                                  "reviewers: %7</p>")
                       .arg(session.name.toHtmlEscaped(), scorecardName.toHtmlEscaped())
                       .arg(scorecardVersion)
                       .arg(session.interactionIds.size())
                       .arg(samplingMethodName(session.sampling),
                            session.blind ? QStringLiteral("blind") : QStringLiteral("open"),
                            session.reviewerNames().join(QStringLiteral(", ")).toHtmlEscaped());
    for (const CriterionAgreement &c : criteria) {
        html += QStringLiteral("<h3>%1%2</h3><p>Rated: automated %3, %4; disagreements %5 of "
                               "%6.</p>")
                    .arg(c.criterionName.toHtmlEscaped(),
                         c.criterionId == QLatin1String("total") || c.calibrated
                             ? QString()
                             : QStringLiteral(" <i>(not calibrated)</i>"))
                    .arg(c.automatedRated)
                    .arg(reviewerCounts(c, session.reviewerNames()).toHtmlEscaped())
                    .arg(c.disagreements)
                    .arg(c.items);
        html += QStringLiteral("<table border=\"1\" cellspacing=\"0\" cellpadding=\"3\">"
                               "<tr><th>Comparison</th><th>Paired</th><th>Statistic</th>"
                               "<th>Value [95% CI]</th></tr>");
        for (const RaterComparison &k : c.comparisons)
            for (const NamedStatistic &s : k.statistics)
                html += QStringLiteral("<tr><td>%1</td><td>%2</td><td>%3</td><td>%4</td></tr>")
                            .arg(k.label.toHtmlEscaped())
                            .arg(k.pairedItems)
                            .arg(s.name.toHtmlEscaped(), statisticText(s).toHtmlEscaped());
        html += QStringLiteral("</table>");
    }
    return html + QStringLiteral("</body></html>");
}

bool SessionReport::writePdf(const QString &path, QString *error) const
{
    if (!qobject_cast<QGuiApplication *>(QCoreApplication::instance())) {
        *error = QStringLiteral("writing a PDF needs the GUI libraries' font support "
                                "(a QGuiApplication)");
        return false;
    }
    // Drawn into memory first: QPdfWriter reports no write errors, so the bytes reach
    // the file through OutputFile, whose writes and commit are checked.
    QByteArray pdf;
    {
        QBuffer buffer(&pdf);
        buffer.open(QIODevice::WriteOnly);
        QPdfWriter writer(&buffer);
        writer.setPageSize(QPageSize(QPageSize::A4));
        writer.setTitle(QStringLiteral("Calibration session: %1").arg(session.name));
        writer.setCreator(QStringLiteral("QA Workbench"));
        QTextDocument doc; // laid out on the writer's page by print()
        doc.setHtml(toHtml());
        doc.print(&writer);
    }
    if (pdf.isEmpty()) {
        *error = QStringLiteral("the PDF for %1 could not be drawn").arg(path);
        return false;
    }
    return writeFileAtomically(path, pdf, error);
}

} // namespace qaw

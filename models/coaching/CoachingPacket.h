#pragma once

#include "coaching/MeetingPreparation.h"
#include "coaching/TrendChartPainter.h"

#include <QString>

#include <memory>
#include <vector>

class QPagedPaintDevice;
class QTextDocument;

namespace qaw {

//! The coaching-meeting packet for one agent: a document a supervisor can hand over as
//! it is (trend charts against the team, weakest criteria, open flagged items, example
//! interactions with evidence, earlier sessions and their measured effect, room for
//! today's agreements). Built as a QTextDocument so the same pages go to a PDF file
//! (QPdfWriter) and to a printer (QPrinter in the GUI). Needs a QGuiApplication (fonts).
class CoachingPacket
{
public:
    explicit CoachingPacket(const MeetingPreparation &preparation);

    //! The charts: the total first, then one per weakest criterion.
    std::vector<TrendChart> charts() const;
    QString html() const;
    //! The document with the charts attached as image resources ("chart://N").
    std::unique_ptr<QTextDocument> document() const;

    //! Prints the document on \a device (a QPdfWriter or a QPrinter).
    void print(QPagedPaintDevice *device) const;
    bool writePdf(const QString &path, QString *error) const;

private:
    QString trendSection() const;
    QString criteriaSection() const;
    QString patternsSection() const;
    QString itemsSection() const;
    QString examplesSection() const;
    QString sessionsSection() const;

    const MeetingPreparation &m_prep;
};

} // namespace qaw

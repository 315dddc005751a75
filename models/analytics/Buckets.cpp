#include "analytics/Buckets.h"

#include <QDateTime>
#include <QTimeZone>

namespace qaw {

namespace {
const QDate kEpoch(1970, 1, 1);
}

QString bucketingName(Bucketing bucketing)
{
    switch (bucketing) {
    case Bucketing::Day:
        return QStringLiteral("day");
    case Bucketing::Week:
        return QStringLiteral("week");
    case Bucketing::Month:
        return QStringLiteral("month");
    }
    return {};
}

std::optional<Bucketing> bucketingFromName(const QString &name)
{
    for (Bucketing b : {Bucketing::Day, Bucketing::Week, Bucketing::Month})
        if (bucketingName(b) == name)
            return b;
    return std::nullopt;
}

QDate bucketStart(const QDate &day, Bucketing bucketing)
{
    switch (bucketing) {
    case Bucketing::Day:
        return day;
    case Bucketing::Week:
        return day.addDays(1 - day.dayOfWeek()); // Qt: Monday = 1
    case Bucketing::Month:
        return QDate(day.year(), day.month(), 1);
    }
    return day;
}

QDate nextBucketStart(const QDate &start, Bucketing bucketing)
{
    switch (bucketing) {
    case Bucketing::Day:
        return start.addDays(1);
    case Bucketing::Week:
        return start.addDays(7);
    case Bucketing::Month:
        return start.addMonths(1);
    }
    return start.addDays(1);
}

std::vector<QDate> bucketsCovering(const QDate &first, const QDate &last, Bucketing bucketing)
{
    std::vector<QDate> out;
    if (!first.isValid() || !last.isValid() || last < first)
        return out;
    for (QDate d = bucketStart(first, bucketing); d <= last; d = nextBucketStart(d, bucketing))
        out.push_back(d);
    return out;
}

qint64 dayNumber(const QDate &day)
{
    return kEpoch.daysTo(day);
}

QDate dayFromNumber(qint64 number)
{
    return kEpoch.addDays(number);
}

double plotTime(const QDate &day)
{
    return double(QDateTime(day, QTime(0, 0), QTimeZone::utc()).toSecsSinceEpoch());
}

} // namespace qaw

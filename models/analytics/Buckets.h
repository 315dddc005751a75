#pragma once

#include <QDate>
#include <QString>

#include <optional>
#include <vector>

namespace qaw {

//! The width of a time bucket. A bucket is named by the ISO date of its first day:
//! days, weeks starting Monday, calendar months (all UTC).
enum class Bucketing { Day, Week, Month };

QString bucketingName(Bucketing bucketing); //!< "day", "week", "month"
std::optional<Bucketing> bucketingFromName(const QString &name);

QDate bucketStart(const QDate &day, Bucketing bucketing);
QDate nextBucketStart(const QDate &start, Bucketing bucketing);
//! Every bucket from the one holding \a first to the one holding \a last, so that
//! buckets without data appear (with n = 0) instead of vanishing from a chart.
std::vector<QDate> bucketsCovering(const QDate &first, const QDate &last, Bucketing bucketing);

//! Day number since 1970-01-01 (what SQL computes as started_at / 86400000) and back.
qint64 dayNumber(const QDate &day);
QDate dayFromNumber(qint64 dayNumber);

//! Epoch seconds of midnight UTC at the start of \a day (QCustomPlot date axes).
double plotTime(const QDate &day);

} // namespace qaw

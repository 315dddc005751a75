#pragma once

#include <QString>

#include <optional>

namespace qaw {

//! One statistic's result: a number, or "undefined" together with the reason. Statistics
//! are never reported as 0 or as a bare NaN when they cannot be computed (DESIGN.md).
struct StatValue
{
    std::optional<double> value;
    QString undefinedReason; //!< empty exactly when value is set

    static StatValue defined(double v) { return StatValue{v, QString()}; }
    static StatValue undefined(const QString &reason) { return StatValue{std::nullopt, reason}; }

    bool isDefined() const { return value.has_value(); }
};

} // namespace qaw

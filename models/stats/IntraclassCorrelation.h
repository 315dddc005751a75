#pragma once

#include "stats/RatingMatrix.h"
#include "stats/StatValue.h"

#include <array>

namespace qaw {

//! The six intraclass correlations of Shrout & Fleiss (1979). The first number is the model
//! (1: one-way random, 2: two-way random, 3: two-way mixed, raters fixed), the second the unit
//! of reliability (1: a single rater, k: the mean of the k raters).
enum class IccForm { Icc1_1, Icc2_1, Icc3_1, Icc1_k, Icc2_k, Icc3_k };

constexpr std::array<IccForm, 6> kAllIccForms{IccForm::Icc1_1, IccForm::Icc2_1, IccForm::Icc3_1,
                                              IccForm::Icc1_k, IccForm::Icc2_k, IccForm::Icc3_k};

//! "ICC(1,1)" ... "ICC(3,k)": the names used in reports and JSON.
QString iccFormName(IccForm form);

//! The mean squares of the two-way analysis of variance the ICCs are built from.
struct IccMeanSquares
{
    int targets = 0;             //!< n: complete items
    int raters = 0;              //!< k
    double betweenTargets = 0.0; //!< BMS
    double withinTargets = 0.0;  //!< WMS (one-way model)
    double betweenRaters = 0.0;  //!< JMS
    double residual = 0.0;       //!< EMS
};

//! Mean squares over the complete items of \a m (items with a missing rating are left out).
IccMeanSquares iccMeanSquares(const RatingMatrix &m);

//! One ICC form over the complete items of \a m. Undefined with fewer than two raters, fewer
//! than two complete items, or a zero denominator (no variance at all).
StatValue intraclassCorrelation(const RatingMatrix &m, IccForm form);
StatValue intraclassCorrelation(const IccMeanSquares &ms, IccForm form);

} // namespace qaw

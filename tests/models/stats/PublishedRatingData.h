#pragma once

// Rating data from published worked examples, shared by the statistics tests. Each block
// names its source; the expected values are in the tests that use them.

#include "stats/RatingMatrix.h"

#include <cmath>
#include <initializer_list>
#include <limits>
#include <vector>

namespace qaw::testdata {

//! Marks a missing rating in the tables below.
constexpr double NA = std::numeric_limits<double>::quiet_NaN();

//! Items as rows, raters as columns; NA becomes a missing rating.
inline RatingMatrix matrix(std::initializer_list<std::initializer_list<double>> rows)
{
    std::vector<std::vector<std::optional<double>>> cells;
    for (const auto &row : rows) {
        std::vector<std::optional<double>> r;
        for (double v : row)
            r.push_back(std::isnan(v) ? std::nullopt : std::optional<double>(v));
        cells.push_back(r);
    }
    return RatingMatrix::fromRows(cells);
}

//! Krippendorff, K. (2011). Computing Krippendorff's Alpha-Reliability. Annenberg School
//! for Communication, University of Pennsylvania. The example "nominal data, any number of
//! observers, missing data", reused there for the other metrics: observers A-D (columns) code 12
//! units (rows) on values 1-5. Unit 12 has a single value and so is not pairable. Published
//! results: alpha nominal .743, ordinal .815, interval .849, ratio .797.
inline RatingMatrix krippendorff2011()
{
    return matrix({{1, 1, NA, 1},
                   {2, 2, 3, 2},
                   {3, 3, 3, 3},
                   {3, 3, 3, 3},
                   {2, 2, 2, 2},
                   {1, 2, 3, 4},
                   {4, 4, 4, 4},
                   {1, 1, 2, 1},
                   {2, 2, 2, 2},
                   {NA, 5, 5, 5},
                   {NA, NA, 1, 1},
                   {NA, 3, NA, NA}});
}

//! Shrout, P. E. & Fleiss, J. L. (1979). Intraclass correlations: uses in assessing rater
//! reliability. Psychological Bulletin 86(2), 420-428. Table 2: four judges (columns) rate
//! six targets (rows). Published in the paper: ICC(1,1) .17, ICC(2,1) .29, ICC(3,1) .71,
//! ICC(1,4) .44, ICC(2,4) .62, ICC(3,4) .91, from the mean squares BMS 11.24, WMS 6.26,
//! JMS 32.49, EMS 1.02 of its analysis of variance.
inline RatingMatrix shroutFleiss1979()
{
    return matrix(
        {{9, 2, 5, 8}, {6, 1, 3, 2}, {8, 4, 6, 8}, {7, 1, 2, 6}, {10, 5, 6, 9}, {6, 2, 4, 7}});
}

//! The worked example of the Wikipedia article "Fleiss' kappa": 14 raters assign 10
//! subjects to 5 categories. Given as counts n_ij per subject i and category j; published:
//! P-bar 0.378, P_e 0.213, kappa 0.210.
inline RatingMatrix fleissWikipediaExample()
{
    const int counts[10][5] = {{0, 0, 0, 0, 14}, {0, 2, 6, 4, 2}, {0, 0, 3, 5, 6}, {0, 3, 9, 2, 0},
                               {2, 2, 8, 1, 1},  {7, 7, 0, 0, 0}, {3, 2, 6, 3, 0}, {2, 5, 3, 2, 2},
                               {6, 5, 2, 1, 0},  {0, 2, 2, 3, 7}};
    std::vector<std::vector<std::optional<double>>> rows;
    for (const auto &subject : counts) {
        std::vector<std::optional<double>> ratings;
        for (int category = 0; category < 5; ++category) {
            for (int n = 0; n < subject[category]; ++n)
                ratings.push_back(double(category + 1));
        }
        rows.push_back(ratings);
    }
    return RatingMatrix::fromRows(rows);
}

} // namespace qaw::testdata

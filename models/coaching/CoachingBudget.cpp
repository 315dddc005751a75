#include "coaching/CoachingBudget.h"

#include <algorithm>
#include <numeric>

namespace qaw {

BudgetDecision applyWeeklyBudget(const std::vector<BudgetCandidate> &candidates,
                                 const std::map<AgentWeek, int> &alreadyOpen, int perWeek)
{
    std::vector<size_t> order(candidates.size());
    std::iota(order.begin(), order.end(), size_t(0));
    std::stable_sort(order.begin(), order.end(), [&](size_t a, size_t b) {
        return candidates[a].priority > candidates[b].priority;
    });
    BudgetDecision decision;
    std::map<AgentWeek, int> used = alreadyOpen;
    for (size_t index : order) {
        const AgentWeek key{candidates[index].agentId, candidates[index].weekStartMs};
        int &open = used[key];
        if (open < perWeek) {
            ++open;
            decision.accepted.push_back(index);
        } else {
            ++decision.overBudget[key];
        }
    }
    return decision;
}

} // namespace qaw

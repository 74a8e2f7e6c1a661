// GB/T 4754-2017 codes for a park's leading industries (主导产业 of the 2018 catalogue).
#pragma once
#include <string>
#include <vector>

namespace parkatlas::sample {

// Candidate 4-digit codes for the industries text ("电子信息、汽车及零部件、医药").
std::vector<std::string> industry_codes_for(const std::string& industries);

}  // namespace parkatlas::sample

// Keyword table from leading-industry names to GB/T 4754-2017 小类 codes.
#include "industries.hpp"

#include <utility>

namespace parkatlas::sample {

std::vector<std::string> industry_codes_for(const std::string& industries) {
  static const std::vector<std::pair<std::string, std::vector<std::string>>> table = {
      {"电子", {"3971", "3982", "3976", "3913"}},
      {"汽车", {"3670", "3660"}},
      {"医药", {"2720", "2740", "2770"}},
      {"制药", {"2720", "2710"}},
      {"生物", {"2761", "2720"}},
      {"新材料", {"3099", "3240", "2651"}},
      {"装备", {"3490", "3599", "3442"}},
      {"机械", {"3484", "3490"}},
      {"机电", {"3811", "3490"}},
      {"新能源", {"3841", "3825"}},
      {"光伏", {"3825"}},
      {"光学", {"4040"}},
      {"食品", {"1499", "1391", "1523"}},
      {"钢铁", {"3120", "3130"}},
      {"化工", {"2661", "2614"}},
      {"服装", {"1810"}},
      {"纺织", {"1713", "1810"}},
      {"有色", {"3211", "3240"}},
      {"铜", {"3211", "3251"}},
      {"稀土", {"3232"}},
      {"钨", {"3240"}},
      {"陶瓷", {"3071", "3072"}},
      {"建材", {"3021", "3031"}},
      {"航空", {"3741"}},
      {"家电", {"3851"}},
      {"电气", {"3831", "3899"}},
      {"轻工", {"1920", "2231"}},
      {"硅", {"2651"}},
      {"精密", {"3484"}},
      {"船舶", {"3731"}},
      {"石化", {"2511", "2614"}},
      {"电子电器", {"3856"}},
      {"家具", {"2110"}},
  };
  std::vector<std::string> codes;
  for (const auto& [key, list] : table)
    if (industries.find(key) != std::string::npos)
      codes.insert(codes.end(), list.begin(), list.end());
  if (codes.empty()) codes = {"3399", "3490"};
  return codes;
}

}  // namespace parkatlas::sample

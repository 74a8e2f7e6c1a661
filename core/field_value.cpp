// Lenient-but-safe readers for numbers and dates found in text attribute fields.
#include "core/field_value.hpp"

#include <charconv>
#include <cmath>
#include <cstdlib>
#include <vector>

namespace parkatlas {

namespace {

bool is_space(unsigned char c) {
  return c == ' ' || c == '\t' || c == '\r' || c == '\n';
}

// Replaces full-width digits (U+FF10..FF19), full-width '.', ',' and '-' by their ASCII forms.
std::string fold_full_width(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  for (size_t i = 0; i < s.size(); ++i) {
    auto c0 = static_cast<unsigned char>(s[i]);
    if (c0 == 0xEF && i + 2 < s.size()) {
      auto c1 = static_cast<unsigned char>(s[i + 1]);
      auto c2 = static_cast<unsigned char>(s[i + 2]);
      if (c1 == 0xBC && c2 >= 0x90 && c2 <= 0x99) {  // ０..９
        out.push_back(static_cast<char>('0' + (c2 - 0x90)));
        i += 2;
        continue;
      }
      if (c1 == 0xBC && (c2 == 0x8E || c2 == 0x8C || c2 == 0x8D)) {  // ． ， －
        out.push_back(c2 == 0x8E ? '.' : (c2 == 0x8C ? ',' : '-'));
        i += 2;
        continue;
      }
    }
    out.push_back(s[i]);
  }
  return out;
}

bool all_digits(std::string_view s) {
  if (s.empty()) return false;
  for (char c : s)
    if (c < '0' || c > '9') return false;
  return true;
}

int to_int(std::string_view s) {
  int v = 0;
  std::from_chars(s.data(), s.data() + s.size(), v);
  return v;
}

std::optional<CivilDate> make_date(std::string_view y, std::string_view m, std::string_view d) {
  if (y.size() != 4 || !all_digits(y) || m.empty() || m.size() > 2 || !all_digits(m) || d.empty() ||
      d.size() > 2 || !all_digits(d))
    return std::nullopt;
  CivilDate date{to_int(y), static_cast<unsigned>(to_int(m)), static_cast<unsigned>(to_int(d))};
  if (!is_valid(date) || !is_plausible_year(date.year)) return std::nullopt;
  return date;
}

std::vector<std::string_view> split_any(std::string_view s, std::string_view seps) {
  std::vector<std::string_view> parts;
  size_t start = 0;
  for (size_t i = 0; i <= s.size(); ++i) {
    if (i == s.size() || seps.find(s[i]) != std::string_view::npos) {
      parts.push_back(s.substr(start, i - start));
      start = i + 1;
    }
  }
  return parts;
}

}  // namespace

std::string_view trim_view(std::string_view s) {
  size_t b = 0, e = s.size();
  while (b < e && is_space(static_cast<unsigned char>(s[b]))) ++b;
  while (e > b && is_space(static_cast<unsigned char>(s[e - 1]))) --e;
  return s.substr(b, e - b);
}

std::string trim(std::string_view s) {
  return std::string(trim_view(s));
}

std::optional<double> parse_number(std::string_view text) {
  std::string s = trim(fold_full_width(text));
  std::string cleaned;
  cleaned.reserve(s.size());
  for (char c : s)
    if (c != ',') cleaned.push_back(c);
  if (cleaned.empty()) return std::nullopt;
  double value = 0;
  auto [ptr, ec] = std::from_chars(cleaned.data(), cleaned.data() + cleaned.size(), value);
  if (ec != std::errc{} || ptr != cleaned.data() + cleaned.size()) return std::nullopt;
  if (!std::isfinite(value)) return std::nullopt;  // "nan", "inf" are not measurements
  return value;
}

std::optional<CivilDate> parse_date(std::string_view text) {
  std::string s = trim(fold_full_width(text));
  // Drop a trailing time of day ("2019-02-03 00:00:00", "2019/02/03T08:00").
  if (auto sp = s.find_first_of(" T"); sp != std::string::npos && sp >= 8) s.resize(sp);
  if (s.size() == 8 && all_digits(s))
    return make_date(std::string_view(s).substr(0, 4), std::string_view(s).substr(4, 2),
                     std::string_view(s).substr(6, 2));
  // Chinese form: 2019年2月3日 (年 = E5 B9 B4, 月 = E6 9C 88, 日 = E6 97 A5).
  static const std::string nian = "\xE5\xB9\xB4", yue = "\xE6\x9C\x88", ri = "\xE6\x97\xA5";
  if (auto yp = s.find(nian); yp != std::string::npos) {
    auto mp = s.find(yue, yp);
    if (mp == std::string::npos) return std::nullopt;
    std::string_view sv(s);
    std::string_view day = sv.substr(mp + yue.size());
    if (day.size() >= ri.size() && day.substr(day.size() - ri.size()) == ri)
      day.remove_suffix(ri.size());
    return make_date(sv.substr(0, yp), sv.substr(yp + nian.size(), mp - yp - nian.size()), day);
  }
  auto parts = split_any(s, "-/.");
  if (parts.size() != 3) return std::nullopt;
  return make_date(parts[0], parts[1], parts[2]);
}

bool is_plausible_year(int year) {
  return year >= 1900 && year <= 2200;
}

}  // namespace parkatlas

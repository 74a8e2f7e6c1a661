// Row filters for exports (`--where`), parsed and evaluated here, never pasted into SQL: a filter
// is a small expression over field names and literals, so text such as
// "1=1; DROP TABLE parcels" is a parse error, not a statement.
//
//   expr := expr OR expr | expr AND expr | NOT expr | ( expr )
//         | operand (= | != | <> | < | <= | > | >=) operand
//         | operand IS [NOT] NULL | operand [NOT] IN (literal, …) | operand [NOT] LIKE 'pattern'
//   operand := field | "quoted field" | number | 'text' ('' escapes a quote)
//
// Keywords are case-insensitive. A comparison with a null value is false. Text compares by bytes
// (ISO dates compare as dates); a number and a text compare as numbers when the text is one.
// LIKE takes % and _ (one character), ignoring ASCII case.
#pragma once
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

namespace parkatlas {

using FilterValue = std::variant<std::monostate, double, std::string>;

struct FilterNode;

class RowFilter {
 public:
  struct Parsed;
  static Parsed parse(std::string_view text);

  // Field names the filter refers to, each once, in order of first use.
  const std::vector<std::string>& fields() const { return fields_; }
  // `value(k)` is the row's value of fields()[k].
  bool matches(const std::function<FilterValue(size_t)>& value) const;

  RowFilter(RowFilter&&) noexcept;
  RowFilter& operator=(RowFilter&&) noexcept;
  ~RowFilter();

 private:
  RowFilter();
  std::unique_ptr<FilterNode> root_;
  std::vector<std::string> fields_;
  friend class FilterParser;
};

struct RowFilter::Parsed {
  std::optional<RowFilter> filter;
  std::string error;  // "unexpected ';' at character 5" when filter is empty
};

}  // namespace parkatlas

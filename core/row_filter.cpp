// Recursive-descent parser and evaluator of export filters.
#include "core/row_filter.hpp"

#include <algorithm>
#include <cctype>
#include <cstdlib>

#include "core/field_value.hpp"
#include "core/utf8.hpp"

namespace parkatlas {

struct FilterNode {
  enum Kind { or_, and_, not_, compare, is_null, in_list, like, field, literal } kind;
  std::string op;  // compare: = != < <= > >=
  bool negated = false;
  size_t field_index = 0;
  FilterValue value;
  std::vector<std::unique_ptr<FilterNode>> kids;
};

RowFilter::RowFilter() = default;
RowFilter::RowFilter(RowFilter&&) noexcept = default;
RowFilter& RowFilter::operator=(RowFilter&&) noexcept = default;
RowFilter::~RowFilter() = default;

namespace {

struct Token {
  enum Kind { end, word, quoted_field, quoted_text, number, symbol } kind;
  std::string text;
  size_t at;  // 1-based character position for messages
};

std::string upper(std::string s) {
  std::transform(s.begin(), s.end(), s.begin(),
                 [](unsigned char c) { return static_cast<char>(std::toupper(c)); });
  return s;
}

bool word_byte(unsigned char c) {
  return std::isalnum(c) || c == '_' || c >= 0x80;  // UTF-8 letters (Chinese field names)
}

// Splits the text into tokens; returns an error message or "".
std::string tokenize(std::string_view s, std::vector<Token>& out) {
  size_t i = 0;
  while (i < s.size()) {
    unsigned char c = static_cast<unsigned char>(s[i]);
    if (std::isspace(c)) {
      ++i;
      continue;
    }
    const size_t at = i + 1;
    if (c == '\'' || c == '"') {
      const char q = static_cast<char>(c);
      std::string v;
      ++i;
      bool closed = false;
      while (i < s.size()) {
        if (s[i] == q) {
          if (i + 1 < s.size() && s[i + 1] == q) {
            v += q;
            i += 2;
            continue;
          }
          closed = true;
          ++i;
          break;
        }
        v += s[i++];
      }
      if (!closed) return "unclosed quote starting at character " + std::to_string(at);
      out.push_back({q == '\'' ? Token::quoted_text : Token::quoted_field, v, at});
      continue;
    }
    if (std::isdigit(c) ||
        ((c == '-' || c == '.') && i + 1 < s.size() &&
         (std::isdigit(static_cast<unsigned char>(s[i + 1])) || s[i + 1] == '.'))) {
      size_t j = i + 1;
      while (j < s.size() &&
             (std::isdigit(static_cast<unsigned char>(s[j])) || s[j] == '.' || s[j] == 'e' ||
              s[j] == 'E' ||
              ((s[j] == '-' || s[j] == '+') && (s[j - 1] == 'e' || s[j - 1] == 'E'))))
        ++j;
      out.push_back({Token::number, std::string(s.substr(i, j - i)), at});
      i = j;
      continue;
    }
    if (word_byte(c)) {
      size_t j = i;
      while (j < s.size() && word_byte(static_cast<unsigned char>(s[j]))) ++j;
      out.push_back({Token::word, std::string(s.substr(i, j - i)), at});
      i = j;
      continue;
    }
    for (const char* sym : {"<=", ">=", "<>", "!=", "=", "<", ">", "(", ")", ","}) {
      std::string_view v(sym);
      if (s.substr(i, v.size()) == v) {
        out.push_back({Token::symbol, std::string(v), at});
        i += v.size();
        goto next;
      }
    }
    return "unexpected '" +
           std::string(s.substr(i, utf8_sequence_length(c) ? utf8_sequence_length(c) : 1)) +
           "' at character " + std::to_string(at);
  next:;
  }
  out.push_back({Token::end, "", s.size() + 1});
  return "";
}

}  // namespace

class FilterParser {
 public:
  explicit FilterParser(std::vector<Token> t) : t_(std::move(t)) {}

  RowFilter::Parsed run() {
    RowFilter f;
    fields_ = &f.fields_;
    auto root = expr();
    if (!error_.empty()) return {std::nullopt, error_};
    if (peek().kind != Token::end) return {std::nullopt, unexpected()};
    f.root_ = std::move(root);
    return {std::move(f), ""};
  }

 private:
  using Node = std::unique_ptr<FilterNode>;
  std::vector<Token> t_;
  size_t pos_ = 0;
  std::string error_;
  std::vector<std::string>* fields_ = nullptr;

  const Token& peek() const { return t_[pos_]; }
  bool keyword(const char* k) const {
    return peek().kind == Token::word && upper(peek().text) == k;
  }
  bool symbol(const char* s) const { return peek().kind == Token::symbol && peek().text == s; }
  std::string unexpected() const {
    if (peek().kind == Token::end) return "the filter ends too early";
    return "unexpected '" + peek().text + "' at character " + std::to_string(peek().at);
  }
  Node fail(std::string message) {
    if (error_.empty()) error_ = std::move(message);
    return nullptr;
  }
  Node make(FilterNode::Kind k) {
    auto n = std::make_unique<FilterNode>();
    n->kind = k;
    return n;
  }

  Node expr() {
    Node left = conjunction();
    while (left && keyword("OR")) {
      ++pos_;
      Node n = make(FilterNode::or_);
      n->kids.push_back(std::move(left));
      Node right = conjunction();
      if (!right) return nullptr;
      n->kids.push_back(std::move(right));
      left = std::move(n);
    }
    return left;
  }
  Node conjunction() {
    Node left = negation();
    while (left && keyword("AND")) {
      ++pos_;
      Node n = make(FilterNode::and_);
      n->kids.push_back(std::move(left));
      Node right = negation();
      if (!right) return nullptr;
      n->kids.push_back(std::move(right));
      left = std::move(n);
    }
    return left;
  }
  Node negation() {
    if (keyword("NOT")) {
      ++pos_;
      Node inner = negation();
      if (!inner) return nullptr;
      Node n = make(FilterNode::not_);
      n->kids.push_back(std::move(inner));
      return n;
    }
    return comparison();
  }
  Node literal() {
    const Token& tok = peek();
    if (tok.kind == Token::quoted_text) {
      Node n = make(FilterNode::literal);
      n->value = tok.text;
      ++pos_;
      return n;
    }
    if (tok.kind == Token::number) {
      auto v = parse_number(tok.text);
      if (!v)
        return fail("'" + tok.text + "' at character " + std::to_string(tok.at) +
                    " is not a number");
      Node n = make(FilterNode::literal);
      n->value = *v;
      ++pos_;
      return n;
    }
    return fail(unexpected());
  }
  Node operand() {
    const Token& tok = peek();
    const bool bare_word = tok.kind == Token::word && upper(tok.text) != "AND" &&
                           upper(tok.text) != "OR" && upper(tok.text) != "NOT" &&
                           upper(tok.text) != "IS" && upper(tok.text) != "IN" &&
                           upper(tok.text) != "LIKE" && upper(tok.text) != "NULL";
    if (bare_word || tok.kind == Token::quoted_field) {
      Node n = make(FilterNode::field);
      auto it = std::find(fields_->begin(), fields_->end(), tok.text);
      n->field_index = static_cast<size_t>(it - fields_->begin());
      if (it == fields_->end()) fields_->push_back(tok.text);
      ++pos_;
      return n;
    }
    return literal();
  }
  Node comparison() {
    if (symbol("(")) {
      ++pos_;
      Node inner = expr();
      if (!inner) return nullptr;
      if (!symbol(")")) return fail(unexpected());
      ++pos_;
      return inner;
    }
    Node left = operand();
    if (!left) return nullptr;
    if (keyword("IS")) {
      ++pos_;
      Node n = make(FilterNode::is_null);
      if (keyword("NOT")) {
        n->negated = true;
        ++pos_;
      }
      if (!keyword("NULL")) return fail(unexpected());
      ++pos_;
      n->kids.push_back(std::move(left));
      return n;
    }
    bool negated = false;
    if (keyword("NOT")) {
      negated = true;
      ++pos_;
    }
    if (keyword("IN")) {
      ++pos_;
      if (!symbol("(")) return fail(unexpected());
      ++pos_;
      Node n = make(FilterNode::in_list);
      n->negated = negated;
      n->kids.push_back(std::move(left));
      for (;;) {
        Node item = literal();
        if (!item) return nullptr;
        n->kids.push_back(std::move(item));
        if (symbol(",")) {
          ++pos_;
          continue;
        }
        if (symbol(")")) {
          ++pos_;
          return n;
        }
        return fail(unexpected());
      }
    }
    if (keyword("LIKE")) {
      ++pos_;
      if (peek().kind != Token::quoted_text) return fail(unexpected());
      Node n = make(FilterNode::like);
      n->negated = negated;
      n->value = peek().text;
      ++pos_;
      n->kids.push_back(std::move(left));
      return n;
    }
    if (negated) return fail(unexpected());
    if (peek().kind != Token::symbol || peek().text == "(" || peek().text == ")" ||
        peek().text == ",")
      return fail(peek().kind == Token::end ? "a comparison is incomplete at the end of the filter"
                                            : unexpected());
    Node n = make(FilterNode::compare);
    n->op = peek().text == "<>" ? "!=" : peek().text;
    ++pos_;
    Node right = operand();
    if (!right) return nullptr;
    n->kids.push_back(std::move(left));
    n->kids.push_back(std::move(right));
    return n;
  }
};

RowFilter::Parsed RowFilter::parse(std::string_view text) {
  std::vector<Token> tokens;
  if (std::string e = tokenize(text, tokens); !e.empty()) return {std::nullopt, e};
  if (tokens.size() == 1) return {std::nullopt, "the filter is empty"};
  return FilterParser(std::move(tokens)).run();
}

namespace {

FilterValue value_of(const FilterNode& n, const std::function<FilterValue(size_t)>& row) {
  if (n.kind == FilterNode::field) return row(n.field_index);
  return n.value;
}

std::optional<double> as_number(const FilterValue& v) {
  if (auto d = std::get_if<double>(&v)) return *d;
  if (auto s = std::get_if<std::string>(&v)) return parse_number(*s);
  return std::nullopt;
}

// -1, 0, 1; nullopt when either side is null or they cannot be compared.
std::optional<int> compare(const FilterValue& a, const FilterValue& b) {
  if (std::holds_alternative<std::monostate>(a) || std::holds_alternative<std::monostate>(b))
    return std::nullopt;
  if (std::holds_alternative<double>(a) || std::holds_alternative<double>(b)) {
    auto x = as_number(a), y = as_number(b);
    if (!x || !y) return std::nullopt;
    return *x < *y ? -1 : (*x > *y ? 1 : 0);
  }
  const auto& x = std::get<std::string>(a);
  const auto& y = std::get<std::string>(b);
  return x < y ? -1 : (x > y ? 1 : 0);
}

bool like(std::string_view s, std::string_view p) {
  auto lower = [](unsigned char c) { return static_cast<char>(std::tolower(c)); };
  if (p.empty()) return s.empty();
  if (p[0] == '%') {
    for (size_t i = 0; i <= s.size(); ++i)
      if (like(s.substr(i), p.substr(1))) return true;
    return false;
  }
  if (s.empty()) return false;
  const size_t n = std::max<size_t>(1, utf8_sequence_length(static_cast<unsigned char>(s[0])));
  if (p[0] == '_') return like(s.substr(std::min(n, s.size())), p.substr(1));
  if (lower(static_cast<unsigned char>(s[0])) != lower(static_cast<unsigned char>(p[0])))
    return false;
  return like(s.substr(1), p.substr(1));
}

std::string as_text(const FilterValue& v) {
  if (auto s = std::get_if<std::string>(&v)) return *s;
  if (auto d = std::get_if<double>(&v)) {
    std::string t = std::to_string(*d);
    return t;
  }
  return "";
}

bool eval(const FilterNode& n, const std::function<FilterValue(size_t)>& row) {
  switch (n.kind) {
    case FilterNode::or_:
      return eval(*n.kids[0], row) || eval(*n.kids[1], row);
    case FilterNode::and_:
      return eval(*n.kids[0], row) && eval(*n.kids[1], row);
    case FilterNode::not_:
      return !eval(*n.kids[0], row);
    case FilterNode::is_null:
      return std::holds_alternative<std::monostate>(value_of(*n.kids[0], row)) != n.negated;
    case FilterNode::in_list: {
      FilterValue v = value_of(*n.kids[0], row);
      if (std::holds_alternative<std::monostate>(v)) return false;
      bool found = false;
      for (size_t k = 1; k < n.kids.size() && !found; ++k)
        found = compare(v, n.kids[k]->value) == 0;
      return found != n.negated;
    }
    case FilterNode::like: {
      FilterValue v = value_of(*n.kids[0], row);
      if (std::holds_alternative<std::monostate>(v)) return false;
      return like(as_text(v), std::get<std::string>(n.value)) != n.negated;
    }
    case FilterNode::compare: {
      auto c = compare(value_of(*n.kids[0], row), value_of(*n.kids[1], row));
      if (!c) return false;
      if (n.op == "=") return *c == 0;
      if (n.op == "!=") return *c != 0;
      if (n.op == "<") return *c < 0;
      if (n.op == "<=") return *c <= 0;
      if (n.op == ">") return *c > 0;
      return *c >= 0;
    }
    case FilterNode::field:
    case FilterNode::literal:
      return false;  // a bare operand is not a condition; the parser never produces one
  }
  return false;
}

}  // namespace

bool RowFilter::matches(const std::function<FilterValue(size_t)>& value) const {
  return root_ && eval(*root_, value);
}

}  // namespace parkatlas

// The one exception type of the gis boundary. It carries where the problem is (file, layer,
// feature, field) so the CLI can print one actionable line and the desktop a dialog.
#pragma once
#include <stdexcept>
#include <string>

namespace parkatlas {

struct ErrorContext {
  ErrorContext() = default;
  ErrorContext(std::string file_, std::string layer_ = {}, long long fid_ = -1,
               std::string field_ = {})
      : file(std::move(file_)), layer(std::move(layer_)), fid(fid_), field(std::move(field_)) {}
  std::string file;
  std::string layer;
  long long fid = -1;
  std::string field;
};

class GisError : public std::runtime_error {
 public:
  explicit GisError(const std::string& message, ErrorContext ctx = {})
      : std::runtime_error(compose(message, ctx)), context_(std::move(ctx)) {}
  const ErrorContext& context() const { return context_; }

 private:
  static std::string compose(const std::string& message, const ErrorContext& ctx) {
    std::string where;
    if (!ctx.file.empty()) where += ctx.file;
    if (!ctx.layer.empty())
      where += (where.empty() ? "" : ", ") + std::string("layer ") + ctx.layer;
    if (ctx.fid >= 0) where += ", feature " + std::to_string(ctx.fid);
    if (!ctx.field.empty()) where += ", field " + ctx.field;
    return where.empty() ? message : where + ": " + message;
  }
  ErrorContext context_;
};

}  // namespace parkatlas

// Shapefile encoding decision and byte-level detection.
#include "gis/encoding/shapefile_encoding.hpp"

#include <iconv.h>

#include <algorithm>
#include <cctype>
#include <cerrno>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <iterator>

#include "core/utf8.hpp"
#include "gis/gis_error.hpp"

namespace parkatlas {

namespace fs = std::filesystem;

namespace {

std::string lower(std::string s) {
  for (auto& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return s;
}

// The file beside `path` with extension `ext` in either case (.cpg / .CPG), or "".
std::string sibling(const std::string& path, const std::string& ext) {
  fs::path p(path);
  for (const std::string& e :
       {lower(ext), [&] {
          std::string u = ext;
          for (auto& c : u) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
          return u;
        }()}) {
    fs::path candidate = p;
    candidate.replace_extension(e);
    if (fs::exists(candidate)) return candidate.string();
  }
  return {};
}

bool decodes_as_gbk(const std::string& s) {
  iconv_t cd = iconv_open("UTF-8", "GB18030");
  if (cd == reinterpret_cast<iconv_t>(-1)) return false;
  std::string in = s;
  char* inp = in.data();
  size_t inleft = in.size();
  std::string out(in.size() * 2 + 16, '\0');
  char* outp = out.data();
  size_t outleft = out.size();
  errno = 0;
  size_t r = iconv(cd, &inp, &inleft, &outp, &outleft);
  const int err = errno;
  iconv_close(cd);
  // EINVAL = an incomplete character at the very end (the sample may cut one): still GBK.
  return r != static_cast<size_t>(-1) || err == EINVAL;
}

std::string ldid_encoding(unsigned char ldid) {
  switch (ldid) {
    case 0x4D:
    case 0x7A:
      return "CP936";  // Chinese GBK (Windows 936)
    case 0x4F:
    case 0x78:
      return "CP950";  // Big5
    case 0x4E:
    case 0x79:
      return "CP949";
    case 0x4C:
    case 0x7B:
      return "CP932";
    case 0x01:
      return "CP437";
    case 0x02:
      return "CP850";
    case 0x03:
      return "CP1252";
    default:
      return {};  // 0 = none; 0x57 = "current ANSI code page", which says nothing
  }
}

}  // namespace

std::string normalise_encoding_name(const std::string& label) {
  std::string l = lower(label);
  l.erase(std::remove_if(l.begin(), l.end(), [](unsigned char c) { return std::isspace(c); }),
          l.end());
  if (l == "utf-8" || l == "utf8" || l == "65001") return "UTF-8";
  if (l == "gbk" || l == "cp936" || l == "936" || l == "gb2312" || l == "ansi936") return "CP936";
  if (l == "gb18030" || l == "54936") return "GB18030";
  if (l == "big5" || l == "cp950" || l == "950") return "CP950";
  if (l == "latin1" || l == "iso-8859-1" || l == "88591") return "ISO-8859-1";
  std::string u = label;
  for (auto& c : u) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  return u;
}

DbfByteSample read_dbf_sample(const std::string& dbf_path, size_t max_record_bytes) {
  std::ifstream in(dbf_path, std::ios::binary);
  if (!in) throw GisError("cannot open the DBF file", {dbf_path});
  unsigned char header[32];
  if (!in.read(reinterpret_cast<char*>(header), 32))
    throw GisError("DBF header is truncated (under 32 bytes)", {dbf_path});
  DbfByteSample s;
  s.ldid = header[29];
  size_t header_len = header[8] | (header[9] << 8);
  // Field names: 11 bytes at the start of each 32-byte descriptor.
  for (size_t off = 32; off + 32 <= header_len; off += 32) {
    char desc[32];
    if (!in.read(desc, 32) || desc[0] == '\x0D') break;
    s.names.emplace_back(desc, strnlen(desc, 11));
  }
  in.seekg(static_cast<std::streamoff>(header_len));
  std::string records(max_record_bytes, '\0');
  in.read(records.data(), static_cast<std::streamsize>(records.size()));
  records.resize(static_cast<size_t>(in.gcount()));
  s.records = std::move(records);
  return s;
}

ByteVerdict classify_bytes(const std::string& bytes) {
  bool multibyte = false;
  if (is_valid_utf8(bytes, &multibyte)) return multibyte ? ByteVerdict::utf8 : ByteVerdict::ascii;
  return decodes_as_gbk(bytes) ? ByteVerdict::gbk : ByteVerdict::neither;
}

ByteVerdict classify_sample(const DbfByteSample& sample) {
  // Field names are classified with their last character forgiven: GDAL cuts long names to
  // 10 bytes, in UTF-8 sometimes in the middle of a character.
  std::string all;
  for (const auto& n : sample.names) {
    // Forgive a cut last character only when the rest is UTF-8: a GBK name's last byte can look
    // like a UTF-8 lead byte too.
    std::string_view cut = without_broken_utf8_tail(n);
    all += std::string(cut.size() < n.size() && is_valid_utf8(cut) ? cut : n) + " ";
  }
  all += sample.records;  // last: only its end can be cut
  return classify_bytes(all);
}

EncodingDecision decide_shapefile_encoding(const std::string& shp_path,
                                           const std::string& config_encoding) {
  EncodingDecision d;
  std::string dbf = sibling(shp_path, ".dbf");
  if (dbf.empty()) throw GisError("the Shapefile has no .dbf beside it", {shp_path});
  DbfByteSample sample = read_dbf_sample(dbf);
  ByteVerdict bytes = classify_sample(sample);

  if (!config_encoding.empty()) {
    d.encoding = normalise_encoding_name(config_encoding);
    d.decided_by = "config";
  } else if (std::string cpg = sibling(shp_path, ".cpg"); !cpg.empty()) {
    std::ifstream in(cpg);
    std::string label((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    d.encoding = normalise_encoding_name(label);
    d.decided_by = ".cpg";
  } else if (std::string enc = ldid_encoding(sample.ldid); !enc.empty()) {
    d.encoding = enc;
    d.decided_by = "LDID " + std::to_string(sample.ldid);
  } else {
    d.decided_by = "detected";
    switch (bytes) {
      case ByteVerdict::ascii:
        d.encoding = "UTF-8";
        d.detail = "bytes are plain ASCII";
        break;
      case ByteVerdict::utf8:
        d.encoding = "UTF-8";
        d.detail = "bytes are valid UTF-8";
        break;
      case ByteVerdict::gbk:
        d.encoding = "CP936";
        d.detail = "bytes are not UTF-8 but valid GBK";
        break;
      case ByteVerdict::neither:
        d.encoding = "CP936";
        d.detail = "bytes are neither valid UTF-8 nor GBK; read as CP936";
        d.warnings.push_back("DBF bytes are neither valid UTF-8 nor GBK: some text may be garbled");
        break;
    }
    return d;
  }
  // A declaration was found: say so when the bytes disagree with it.
  if (d.encoding == "UTF-8" && (bytes == ByteVerdict::gbk || bytes == ByteVerdict::neither))
    d.warnings.push_back("declared UTF-8 (" + d.decided_by +
                         ") but the DBF bytes are not valid UTF-8" +
                         (bytes == ByteVerdict::gbk ? " (they decode as GBK)" : ""));
  if ((d.encoding == "CP936" || d.encoding == "GB18030") && bytes == ByteVerdict::utf8)
    d.warnings.push_back("declared " + d.encoding + " (" + d.decided_by +
                         ") but the DBF bytes look like UTF-8");
  return d;
}

}  // namespace parkatlas

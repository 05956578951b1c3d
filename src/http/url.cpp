#include "http/url.h"

#include <boost/url/encode.hpp>
#include <boost/url/parse.hpp>
#include <boost/url/rfc/pchars.hpp>
#include <boost/url/url_view.hpp>

#include "core/utf8.h"

namespace ruamkit::http {
namespace {

bool clean_line(std::string_view s) {
  for (char c : s) {
    const auto u = static_cast<unsigned char>(c);
    if (u < 0x20 || u == 0x7F) return false;
  }
  return core::is_valid_utf8(s);
}

}  // namespace

std::optional<Target> parse_target(std::string_view target) {
  auto parsed = boost::urls::parse_origin_form(target);
  if (!parsed) return std::nullopt;
  const boost::urls::url_view& url = *parsed;
  Target out;
  out.path = url.path();  // percent-decoded
  if (out.path.empty() || out.path.front() != '/' || !clean_line(out.path)) return std::nullopt;
  // HTML forms submitted with GET encode spaces as '+'.
  for (const auto& param : url.params(boost::urls::encoding_opts(true))) {
    if (!core::is_clean_text(param.key) || !core::is_clean_text(param.value)) return std::nullopt;
    out.query.emplace_back(param.key, param.value);
  }
  return out;
}

std::optional<Params> parse_form(std::string_view body) {
  Params out;
  if (body.empty()) return out;
  // Form bodies use the query grammar; '+' stands for a space.
  std::string target = "/?" + std::string(body);
  auto parsed = boost::urls::parse_origin_form(target);
  if (!parsed) return std::nullopt;
  for (const auto& param : parsed->params(boost::urls::encoding_opts(true))) {
    if (!core::is_clean_text(param.key) || !core::is_clean_text(param.value)) return std::nullopt;
    out.emplace_back(param.key, param.value);
  }
  return out;
}

std::string encode_query_value(std::string_view text) {
  return boost::urls::encode(text, boost::urls::unreserved_chars);
}

std::string safe_local_redirect(std::string_view candidate) {
  if (candidate.empty() || candidate.front() != '/') return "/";
  if (candidate.size() > 1 && (candidate[1] == '/' || candidate[1] == '\\')) return "/";
  for (char c : candidate) {
    const auto u = static_cast<unsigned char>(c);
    if (c == '\\' || u < 0x20 || u == 0x7F) return "/";
  }
  if (candidate.size() > 2048) return "/";
  return std::string(candidate);
}

}  // namespace ruamkit::http

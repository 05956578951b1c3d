#include "mail/message.h"

#include <sodium.h>

#include <ctime>
#include <stdexcept>
#include <vector>

#include "core/random.h"
#include "core/text.h"
#include "core/utf8.h"

namespace ruamkit::mail {
namespace {

constexpr std::size_t kMaxLine = 76;  // RFC 2047 limit for lines with encoded-words
constexpr std::string_view kCrlf = "\r\n";

bool is_alnum(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
}

// RFC 5322 atext.
bool is_atext(char c) {
  return is_alnum(c) || std::string_view("!#$%&'*+-/=?^_`{|}~").find(c) != std::string_view::npos;
}

bool is_printable_ascii(std::string_view text) {
  for (const char c : text) {
    if (c < 0x20 || c > 0x7E) return false;
  }
  return true;
}

// True when `text` holds a C0 control character other than TAB, or DEL.
bool has_control(std::string_view text) {
  for (const char c : text) {
    const auto u = static_cast<unsigned char>(c);
    if ((u < 0x20 && u != '\t') || u == 0x7F) return true;
  }
  return false;
}

// Dot-separated LDH labels; at least `min_labels` of them.
bool is_host_name(std::string_view host, int min_labels) {
  if (host.empty() || host.size() > 253) return false;
  int labels = 0;
  std::size_t start = 0;
  while (true) {
    const std::size_t dot = host.find('.', start);
    const std::string_view label =
        host.substr(start, dot == std::string_view::npos ? std::string_view::npos : dot - start);
    if (label.empty() || label.size() > 63 || label.front() == '-' || label.back() == '-')
      return false;
    for (const char c : label) {
      if (!is_alnum(c) && c != '-') return false;
    }
    ++labels;
    if (dot == std::string_view::npos) break;
    start = dot + 1;
  }
  return labels >= min_labels;
}

std::string base64(std::string_view bytes) {
  const std::size_t size = sodium_base64_ENCODED_LEN(bytes.size(), sodium_base64_VARIANT_ORIGINAL);
  std::string out(size, '\0');
  sodium_bin2base64(out.data(), out.size(), reinterpret_cast<const unsigned char*>(bytes.data()),
                    bytes.size(), sodium_base64_VARIANT_ORIGINAL);
  out.resize(size - 1);  // the terminating NUL
  return out;
}

// Splits `text` into `=?UTF-8?B?...?=` encoded-words, each holding whole UTF-8
// characters. The first word fits in `first_budget` characters, the others in
// 75 (a continuation line holds one space and one word).
std::vector<std::string> encoded_words(std::string_view text, std::size_t first_budget) {
  constexpr std::size_t kOverhead = 12;  // "=?UTF-8?B?" and "?="
  const auto max_bytes = [](std::size_t budget) { return (budget - kOverhead) / 4 * 3; };
  std::vector<std::string> words;
  std::size_t limit = max_bytes(first_budget);
  std::size_t start = 0;
  while (start < text.size()) {
    std::size_t end = start;
    while (end < text.size()) {
      const std::size_t next = end + core::sequence_length(text[end]);  // valid UTF-8
      if (next - start > limit) break;
      end = next;
    }
    words.push_back("=?UTF-8?B?" + base64(text.substr(start, end - start)) + "?=");
    start = end;
    limit = max_bytes(kMaxLine - 1);
  }
  return words;
}

// "Name: token token ...", folded before a token that would make the line
// longer than 76 characters.
std::string header(std::string_view name, const std::vector<std::string>& tokens) {
  std::string out(name);
  out += ':';
  std::size_t line = out.size();
  for (const auto& token : tokens) {
    if (line > name.size() + 1 && line + 1 + token.size() > kMaxLine) {
      out += kCrlf;
      line = 0;
    }
    out += ' ';
    out += token;
    line += 1 + token.size();
  }
  out += kCrlf;
  return out;
}

// The tokens of unstructured text (a subject) after "Name: ": the text itself
// when it is short printable ASCII that cannot be mistaken for an
// encoded-word, otherwise encoded-words.
std::vector<std::string> text_tokens(std::string_view header_name, std::string_view text) {
  const std::size_t used = header_name.size() + 2;
  if (text.empty()) return {};
  if (is_printable_ascii(text) && text.find("=?") == std::string_view::npos &&
      used + text.size() <= kMaxLine) {
    return {std::string(text)};
  }
  return encoded_words(text, kMaxLine - used);
}

// local@domain with a dot-atom local part and `min_domain_labels` LDH labels.
bool is_address(std::string_view address, int min_domain_labels) {
  if (address.empty() || address.size() > 254) return false;
  const std::size_t at = address.find('@');
  if (at == std::string_view::npos || address.find('@', at + 1) != std::string_view::npos)
    return false;
  const std::string_view local = address.substr(0, at);
  const std::string_view domain = address.substr(at + 1);
  if (local.empty() || local.size() > 64 || local.front() == '.' || local.back() == '.' ||
      local.find("..") != std::string_view::npos)
    return false;
  for (const char c : local) {
    if (!is_atext(c) && c != '.') return false;
  }
  return is_host_name(domain, min_domain_labels);
}

struct Mailbox {
  std::string display_name;  // unquoted; may be empty
  std::string address;
};

Mailbox parse_mailbox(std::string_view from) {
  if (!core::is_valid_utf8(from) || has_control(from) || from.find('\t') != std::string_view::npos)
    throw std::invalid_argument("the sender address holds invalid characters");
  from = core::trim_blanks(from);
  Mailbox mailbox;
  if (!from.empty() && from.back() == '>') {
    const std::size_t open = from.rfind('<');
    if (open == std::string_view::npos)
      throw std::invalid_argument("the sender address has '>' without '<'");
    mailbox.address = std::string(from.substr(open + 1, from.size() - open - 2));
    std::string_view name = core::trim_blanks(from.substr(0, open));
    if (name.size() >= 2 && name.front() == '"' && name.back() == '"') {
      name = name.substr(1, name.size() - 2);
      for (std::size_t i = 0; i < name.size(); ++i) {
        if (name[i] == '\\' && i + 1 < name.size())
          ++i;
        else if (name[i] == '"')
          throw std::invalid_argument("unbalanced quote in sender name");
        mailbox.display_name += name[i];
      }
    } else {
      if (name.find_first_of("\"<>") != std::string_view::npos)
        throw std::invalid_argument("the sender name must be quoted");
      mailbox.display_name = std::string(name);
    }
  } else {
    mailbox.address = std::string(from);
  }
  // The sender is configuration, not user input: no@localhost will do.
  if (!is_address(mailbox.address, 1))
    throw std::invalid_argument("the sender address is not a valid mailbox");
  return mailbox;
}

std::vector<std::string> from_tokens(const Mailbox& mailbox) {
  if (mailbox.display_name.empty()) return {mailbox.address};
  std::vector<std::string> tokens;
  const std::string_view name = mailbox.display_name;
  const std::size_t used = std::string_view("From: ").size();
  if (is_printable_ascii(name) && name.find("=?") == std::string_view::npos &&
      used + name.size() + 2 <= kMaxLine) {
    bool atoms = true;
    for (const char c : name) atoms = atoms && (is_atext(c) || c == ' ');
    if (atoms) {
      tokens.emplace_back(name);
    } else {
      std::string quoted = "\"";
      for (const char c : name) {
        if (c == '"' || c == '\\') quoted += '\\';
        quoted += c;
      }
      tokens.push_back(quoted + '"');
    }
  } else {
    tokens = encoded_words(name, kMaxLine - used);
  }
  tokens.push_back("<" + mailbox.address + ">");
  return tokens;
}

std::string rfc5322_date(std::chrono::system_clock::time_point date) {
  static constexpr const char* kDays[] = {"Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"};
  static constexpr const char* kMonths[] = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                            "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
  const std::time_t t = std::chrono::system_clock::to_time_t(date);
  std::tm tm{};
  gmtime_r(&t, &tm);
  char buffer[64];
  std::snprintf(buffer, sizeof buffer, "%s, %02d %s %04d %02d:%02d:%02d +0000", kDays[tm.tm_wday],
                tm.tm_mday, kMonths[tm.tm_mon], tm.tm_year + 1900, tm.tm_hour, tm.tm_min,
                tm.tm_sec);
  return buffer;
}

// The text with every line break (CRLF, CR or LF) made CRLF.
std::string crlf_lines(std::string_view text) {
  std::string out;
  out.reserve(text.size() + text.size() / 32);
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (text[i] == '\r') {
      if (i + 1 < text.size() && text[i + 1] == '\n') ++i;
      out += kCrlf;
    } else if (text[i] == '\n') {
      out += kCrlf;
    } else {
      out += text[i];
    }
  }
  return out;
}

}  // namespace

bool is_plausible_address(std::string_view address) { return is_address(address, 2); }

std::string mailbox_address(std::string_view from) { return parse_mailbox(from).address; }

void validate(const MailMessage& message) {
  if (!is_plausible_address(message.to))
    throw std::invalid_argument("the recipient is not a single valid mail address");
  if (!core::is_valid_utf8(message.subject) || has_control(message.subject))
    throw std::invalid_argument("the subject must be one line of UTF-8 text");
  if (!core::is_valid_utf8(message.body_text))
    throw std::invalid_argument("the body must be UTF-8 text");
}

std::string render_rfc5322(const MailMessage& message, std::string_view from,
                           std::string_view message_id_domain,
                           std::chrono::system_clock::time_point date) {
  validate(message);
  const Mailbox sender = parse_mailbox(from);
  if (!is_host_name(message_id_domain, 1))
    throw std::invalid_argument("the Message-ID domain is not a host name");
  if (sodium_init() < 0) throw std::runtime_error("libsodium could not be initialised");

  std::string out;
  out += "Date: " + rfc5322_date(date) + std::string(kCrlf);
  out += header("From", from_tokens(sender));
  out += "To: " + message.to + std::string(kCrlf);
  out += header("Subject", text_tokens("Subject", message.subject));
  out += "Message-ID: <" + core::random_hex(16) + "@" + std::string(message_id_domain) + ">" +
         std::string(kCrlf);
  out +=
      "MIME-Version: 1.0\r\n"
      "Auto-Submitted: auto-generated\r\n"
      "Content-Type: text/plain; charset=UTF-8\r\n"
      "Content-Transfer-Encoding: base64\r\n"
      "\r\n";
  const std::string body = base64(crlf_lines(message.body_text));
  for (std::size_t i = 0; i < body.size(); i += kMaxLine) {
    out.append(body, i, kMaxLine);
    out += kCrlf;
  }
  return out;
}

}  // namespace ruamkit::mail

#include "mail/message.h"

#include <gtest/gtest.h>
#include <sodium.h>

#include <regex>
#include <stdexcept>
#include <string>
#include <vector>

#include "core/utf8.h"

namespace ruamkit::mail {
namespace {

using namespace std::chrono_literals;

const std::string kThaiSubject = "ยืนยันที่อยู่อีเมลของคุณเพื่อเข้าร่วมการรับฟังความคิดเห็นของประชาชน ร่วมคิด";
const std::string kThaiBody =
    "สวัสดีครับ คุณสมชาย\n\nกรุณายืนยันที่อยู่อีเมลของคุณภายใน 24 ชั่วโมง:\n"
    "https://ruamkit.example.go.th/verify?token=abc\n\nขอบคุณครับ";
constexpr std::string_view kFrom = "noreply@ruamkit.example.go.th";
constexpr std::string_view kDomain = "ruamkit.example.go.th";

// 2025-01-31 09:05:07 UTC, a Friday.
const auto kDate = std::chrono::sys_days{std::chrono::year{2025} / 1 / 31} + 9h + 5min + 7s;

std::string render(const MailMessage& message, std::string_view from = kFrom) {
  return render_rfc5322(message, from, kDomain, kDate);
}

std::string base64_decode(std::string_view text) {
  std::string out(text.size(), '\0');
  std::size_t size = 0;
  if (sodium_base642bin(reinterpret_cast<unsigned char*>(out.data()), out.size(), text.data(),
                        text.size(), nullptr, &size, nullptr,
                        sodium_base64_VARIANT_ORIGINAL) != 0) {
    ADD_FAILURE() << "invalid base64: " << text;
    return {};
  }
  out.resize(size);
  return out;
}

std::vector<std::string> lines_of(const std::string& text) {
  std::vector<std::string> lines;
  std::size_t start = 0;
  while (start < text.size()) {
    const std::size_t end = text.find("\r\n", start);
    if (end == std::string::npos) {
      lines.push_back(text.substr(start));
      break;
    }
    lines.push_back(text.substr(start, end - start));
    start = end + 2;
  }
  return lines;
}

struct Parsed {
  std::vector<std::string> header_lines;
  std::vector<std::string> body_lines;
};

Parsed parse(const std::string& message) {
  const std::size_t blank = message.find("\r\n\r\n");
  EXPECT_NE(blank, std::string::npos);
  return {lines_of(message.substr(0, blank + 2)), lines_of(message.substr(blank + 4))};
}

// The lines of header `name`: its first line (without "Name: ") and its
// continuation lines (without the leading space).
std::vector<std::string> header_lines(const Parsed& parsed, const std::string& name) {
  std::vector<std::string> out;
  for (std::size_t i = 0; i < parsed.header_lines.size(); ++i) {
    if (parsed.header_lines[i].rfind(name + ": ", 0) != 0) continue;
    out.push_back(parsed.header_lines[i].substr(name.size() + 2));
    for (++i; i < parsed.header_lines.size() && parsed.header_lines[i].starts_with(' '); ++i)
      out.push_back(parsed.header_lines[i].substr(1));
    break;
  }
  return out;
}

// Decodes a header made of encoded-words only, checking each one.
std::string decode_words(const std::vector<std::string>& lines) {
  static const std::regex word(R"(=\?UTF-8\?B\?([A-Za-z0-9+/=]+)\?=)");
  std::string out;
  for (const auto& line : lines) {
    std::smatch m;
    EXPECT_TRUE(std::regex_match(line, m, word)) << line;
    EXPECT_LE(line.size(), 75u) << line;
    const std::string decoded = base64_decode(m[1].str());
    EXPECT_TRUE(core::is_valid_utf8(decoded)) << "an encoded-word splits a character: " << line;
    out += decoded;
  }
  return out;
}

std::string with_crlf(const std::string& text) {
  std::string out;
  for (const char c : text) {
    if (c == '\n') out += '\r';
    out += c;
  }
  return out;
}

TEST(MailMessage, EncodesAThaiSubjectAsUtf8EncodedWords) {
  const auto parsed = parse(render({"somchai@example.go.th", kThaiSubject, kThaiBody}));
  const auto subject = header_lines(parsed, "Subject");
  ASSERT_GE(subject.size(), 2u) << "a subject this long takes several encoded-words";
  EXPECT_EQ(decode_words(subject), kThaiSubject);
}

TEST(MailMessage, LeavesAShortAsciiSubjectPlain) {
  const std::string message = render({"jane@example.org", "Verify your address", "Hello"});
  EXPECT_NE(message.find("\r\nSubject: Verify your address\r\n"), std::string::npos) << message;
  EXPECT_EQ(message.find("=?"), std::string::npos);
}

TEST(MailMessage, EncodesAsciiThatCouldBeMistakenForAnEncodedWord) {
  const std::string tricky = "=?UTF-8?B?4Lij?= is not Thai";
  const auto subject = header_lines(parse(render({"jane@example.org", tricky, "x"})), "Subject");
  EXPECT_EQ(decode_words(subject), tricky);
}

TEST(MailMessage, BodyIsBase64OfTheTextWithCrlfLineBreaks) {
  const auto parsed = parse(render({"somchai@example.go.th", kThaiSubject, kThaiBody}));
  std::string encoded;
  for (const auto& line : parsed.body_lines) {
    EXPECT_LE(line.size(), 76u);
    encoded += line;
  }
  EXPECT_EQ(base64_decode(encoded), with_crlf(kThaiBody));
}

TEST(MailMessage, UsesCrlfEverywhereAndShortLines) {
  const std::string message = render({"somchai@example.go.th", kThaiSubject, kThaiBody},
                                     "ระบบร่วมคิด กรมตัวอย่าง <noreply@ruamkit.example.go.th>");
  ASSERT_TRUE(message.ends_with("\r\n"));
  for (std::size_t i = 0; i < message.size(); ++i) {
    if (message[i] == '\n') {
      EXPECT_TRUE(i > 0 && message[i - 1] == '\r') << "bare LF at " << i;
    } else if (message[i] == '\r') {
      EXPECT_TRUE(i + 1 < message.size() && message[i + 1] == '\n') << "bare CR at " << i;
    }
  }
  for (const auto& line : lines_of(message)) EXPECT_LE(line.size(), 76u) << line;
}

TEST(MailMessage, HasTheRequiredHeaders) {
  const auto parsed = parse(render({"somchai@example.go.th", "Hello", "Hi"}));
  const auto one = [&](const std::string& name) {
    const auto lines = header_lines(parsed, name);
    EXPECT_EQ(lines.size(), 1u) << name;
    return lines.empty() ? std::string() : lines[0];
  };
  EXPECT_EQ(one("Date"), "Fri, 31 Jan 2025 09:05:07 +0000");
  EXPECT_EQ(one("From"), kFrom);
  EXPECT_EQ(one("To"), "somchai@example.go.th");
  EXPECT_TRUE(std::regex_match(one("Message-ID"),
                               std::regex("<[0-9a-f]{32}@ruamkit\\.example\\.go\\.th>")));
  EXPECT_EQ(one("MIME-Version"), "1.0");
  EXPECT_EQ(one("Content-Type"), "text/plain; charset=UTF-8");
  EXPECT_EQ(one("Content-Transfer-Encoding"), "base64");
  EXPECT_EQ(one("Auto-Submitted"), "auto-generated");
}

TEST(MailMessage, EachMessageGetsItsOwnMessageId) {
  const MailMessage m{"a@example.org", "s", "b"};
  const auto a = header_lines(parse(render(m)), "Message-ID");
  const auto b = header_lines(parse(render(m)), "Message-ID");
  ASSERT_EQ(a.size(), 1u);
  ASSERT_EQ(b.size(), 1u);
  EXPECT_NE(a[0], b[0]);
}

TEST(MailMessage, EncodesAThaiSenderNameAndQuotesSpecials) {
  const MailMessage m{"a@example.org", "s", "b"};
  const auto thai = header_lines(parse(render(m, "ร่วมคิด <noreply@ruamkit.example.go.th>")), "From");
  ASSERT_FALSE(thai.empty());
  EXPECT_EQ(thai.back(), "<noreply@ruamkit.example.go.th>") << "folded before the address";
  EXPECT_EQ(decode_words({thai.begin(), thai.end() - 1}), "ร่วมคิด");

  EXPECT_EQ(header_lines(parse(render(m, "Ruamkit <noreply@ruamkit.example.go.th>")), "From"),
            std::vector<std::string>{"Ruamkit <noreply@ruamkit.example.go.th>"});
  EXPECT_EQ(
      header_lines(
          parse(render(m, "\"Dept. of Examples, Bangkok\" <noreply@ruamkit.example.go.th>")),
          "From"),
      std::vector<std::string>{"\"Dept. of Examples, Bangkok\" <noreply@ruamkit.example.go.th>"});
}

TEST(MailMessage, RefusesHeaderInjection) {
  const auto refused = [](const MailMessage& m) {
    EXPECT_THROW(render(m), std::invalid_argument) << m.to << " / " << m.subject;
  };
  refused({"victim@example.org\r\nBcc: everyone@example.org", "s", "b"});
  refused({"victim@example.org\nBcc: everyone@example.org", "s", "b"});
  refused({"victim@example.org", "Hello\r\nBcc: everyone@example.org", "b"});
  refused({"victim@example.org", "Hello\nBcc: everyone@example.org", "b"});
  refused({"victim@example.org", "Hello\rBcc: everyone@example.org", "b"});
  refused({"victim@example.org", std::string("Hello\0x", 7), "b"});
  refused({"a@example.org, b@example.org", "s", "b"});
  refused({"Somchai <a@example.org>", "s", "b"});
  refused({"a@example.org", "s", "\xFF"});  // body not UTF-8
  EXPECT_THROW(render({"a@example.org", "s", "b"}, "noreply@x.org\r\nBcc: e@example.org"),
               std::invalid_argument);
  EXPECT_THROW(render_rfc5322({"a@example.org", "s", "b"}, kFrom, "bad domain\r\nX: y", kDate),
               std::invalid_argument);
  EXPECT_NO_THROW(validate({"a@example.org", "Tab\tis fine", "Line\nbreaks\r\nare fine"}));
}

TEST(MailAddress, AcceptsPlausibleSingleMailboxesOnly) {
  for (const char* ok : {"somchai@example.go.th", "first.last+tag@sub.example.org",
                         "o'neil@example.com", "a@b.co", "x_y-z@xn--12c1fe0br.xn--o3cw4h"}) {
    EXPECT_TRUE(is_plausible_address(ok)) << ok;
  }
  for (const char* bad : {"",
                          "plain",
                          "@example.org",
                          "a@",
                          "a@localhost",
                          "a@@example.org",
                          "a@b@example.org",
                          ".a@example.org",
                          "a.@example.org",
                          "a..b@example.org",
                          "a b@example.org",
                          "a@exa mple.org",
                          "<a@example.org>",
                          "a@example.org>",
                          "\"a\"@example.org",
                          "a@[127.0.0.1]",
                          "a@-example.org",
                          "a@example-.org",
                          "a@example..org",
                          "สมชาย@example.org",
                          "a@ตัวอย่าง.ไทย",
                          "a@example.org\r\n",
                          "a@example.org,b@example.org",
                          "a(comment)@example.org"}) {
    EXPECT_FALSE(is_plausible_address(bad)) << bad;
  }
  EXPECT_FALSE(is_plausible_address(std::string(65, 'a') + "@example.org"));
  EXPECT_FALSE(is_plausible_address("a@" + std::string(250, 'b') + ".org"));
  EXPECT_EQ(mailbox_address("ร่วมคิด <noreply@example.go.th>"), "noreply@example.go.th");
  EXPECT_EQ(mailbox_address("noreply@example.go.th"), "noreply@example.go.th");
  EXPECT_EQ(mailbox_address("Ruamkit <no-reply@localhost>"), "no-reply@localhost");
  EXPECT_THROW(mailbox_address("ร่วมคิด <noreply@example.go.th"), std::invalid_argument);
}

}  // namespace
}  // namespace ruamkit::mail

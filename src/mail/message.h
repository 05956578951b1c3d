// An outgoing mail and its rendering as an RFC 5322 / MIME message: plain
// UTF-8 text, base64 body, RFC 2047 encoded subject, CRLF line endings. No I/O;
// delivery is mail/outbox.h.
#pragma once

#include <chrono>
#include <string>
#include <string_view>

namespace ruamkit::mail {

struct MailMessage {
  std::string to;         // one bare address: somchai@example.go.th
  std::string subject;    // one line of UTF-8 text
  std::string body_text;  // UTF-8 plain text; line breaks may be LF, CR or CRLF
};

// Returns true when `address` looks like one deliverable mailbox without a
// display name: ASCII local@domain, at most 254 characters, a dot-atom local
// part of at most 64 characters, and a domain of at least two dot-separated
// LDH labels (IP literals, quoted local parts, comments, spaces, several
// addresses and internationalised addresses are refused; convert an IDN
// domain to its xn-- form first). Meant for checking what a user typed as
// well as for the mail module's own guard against header injection.
bool is_plausible_address(std::string_view address);

// Returns the address of a From value, which is either a bare address or
// `Display Name <address>` (the name optionally in double quotes, any UTF-8).
// The address is checked like is_plausible_address except that a one-label
// domain is allowed (no-reply@localhost). Throws std::invalid_argument when it
// is neither form, or holds CR, LF or other control characters.
std::string mailbox_address(std::string_view from);

// Throws std::invalid_argument unless `message` can be rendered: `to` is a
// plausible address (is_plausible_address), `subject` is valid UTF-8 without
// CR, LF or other control characters (TAB is allowed), `body_text` is valid
// UTF-8. This is what refuses header injection.
void validate(const MailMessage& message);

// Renders `message` as a complete message ready for SMTP DATA (before the
// client's dot-stuffing), every line ending in CRLF and none longer than 76
// characters (except a To, From or Message-ID line holding an unusually long
// address or domain, still far below 998). Headers, in order: Date (from `date`, in UTC), From
// (`from`, see mailbox_address; a non-ASCII display name is RFC 2047 encoded), To, Subject (kept as
// is when it is short printable ASCII, otherwise RFC 2047
// `=?UTF-8?B?...?=` encoded-words of at most 75 characters, each holding whole
// UTF-8 characters, folded onto continuation lines), Message-ID (`<random
// hex@message_id_domain>`), MIME-Version: 1.0, Auto-Submitted:
// auto-generated, Content-Type: text/plain; charset=UTF-8,
// Content-Transfer-Encoding: base64. The body is the text with its line breaks
// made CRLF, base64 encoded in lines of 76 characters. Throws
// std::invalid_argument when validate(message) does, when `from` is not a
// valid From value, or when `message_id_domain` is not a host name.
std::string render_rfc5322(const MailMessage& message, std::string_view from,
                           std::string_view message_id_domain,
                           std::chrono::system_clock::time_point date);

}  // namespace ruamkit::mail

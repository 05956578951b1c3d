// A real SMTP server for tests: Debian's aiosmtpd (python3-aiosmtpd) on
// 127.0.0.1, storing every message it accepts in a Maildir under a temporary
// directory. Tests point mail::MailSender at url() and read what arrived with
// messages() / mails() (e.g. the link in a verification mail).
#pragma once

#include <sys/types.h>

#include <chrono>
#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

#include "support/temp_dir.h"

namespace ruamkit::testing {

// Returns a TCP port of 127.0.0.1 that was free a moment ago (bound to port 0,
// then closed). Nothing listens on it until someone binds it.
unsigned short free_port();

// A received message, decoded for assertions.
struct ReceivedMail {
  std::string raw;                      // as stored by the sink (see SmtpSink::messages)
  std::string envelope_from;            // the SMTP MAIL FROM address
  std::vector<std::string> recipients;  // the SMTP RCPT TO addresses
  std::string subject;                  // RFC 2047 encoded-words decoded
  std::string body;  // the text after undoing base64 or quoted-printable (line breaks as sent)

  // Returns the unfolded value of the first header `name` (case-insensitive),
  // encoded-words left as they are; empty when absent.
  std::string header(std::string_view name) const;
};

// Parses a message as stored by the sink (LF or CRLF line endings).
ReceivedMail parse_mail(const std::string& raw);

// Decodes RFC 2047 encoded-words (B and Q, UTF-8 or US-ASCII) in an unfolded
// header value, dropping the white space between adjacent encoded-words.
std::string decode_header_value(std::string_view value);

class SmtpSink {
 public:
  // Starts the server on `port` (0: a free one) and waits up to 15 s until it
  // answers with its 220 greeting. Throws std::runtime_error with the
  // server's output when it does not come up. The interpreter is
  // RUAMKIT_TEST_PYTHON, else /usr/bin/python3 (where Debian's aiosmtpd is).
  explicit SmtpSink(unsigned short port = 0);
  // Stops the server; the Maildir goes away with the temporary directory.
  ~SmtpSink();
  SmtpSink(const SmtpSink&) = delete;
  SmtpSink& operator=(const SmtpSink&) = delete;

  // Starts the server again on the same port after stop(), keeping the
  // messages received so far. Does nothing when running.
  void start();
  // Stops the server (SIGTERM, then SIGKILL); connections are then refused.
  void stop();
  bool running() const { return pid_ > 0; }

  unsigned short port() const { return port_; }
  // "smtp://127.0.0.1:<port>", for SmtpSettings::url.
  std::string url() const;

  // Every message received so far, in order of arrival, as the sink stored
  // it: the message as sent, with LF line endings and three headers appended
  // by aiosmtpd (X-Peer, X-MailFrom, X-RcptTo).
  std::vector<std::string> messages() const;
  std::vector<ReceivedMail> mails() const;
  // Waits until at least `count` messages arrived or `timeout` passed, and
  // returns messages() (check its size).
  std::vector<std::string> wait_for(std::size_t count, std::chrono::milliseconds timeout) const;

  // What the server printed so far (for failure messages).
  std::string log() const;

 private:
  void launch();
  TempDir dir_;
  std::filesystem::path maildir_;
  unsigned short port_ = 0;
  pid_t pid_ = -1;
};

}  // namespace ruamkit::testing

// Outgoing mail goes through an outbox: never sent inside a request. The
// change that causes a mail inserts it into mail_outbox in the same
// transaction (enqueue_mail), so a mail exists exactly when the change was
// committed; a background MailSender delivers due mail over SMTP with libcurl,
// retrying with exponential backoff. Delivery is at least once: a mail whose
// outcome could not be recorded (crash, database error) is sent again later.
#pragma once

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <cstddef>
#include <cstdint>
#include <mutex>
#include <optional>
#include <string>
#include <thread>
#include <vector>

#include "mail/message.h"
#include "storage/database.h"

namespace ruamkit::mail {

// Timestamps in mail_outbox are core::iso_timestamp text (text order is time order).

// Inserts `message` into the outbox, due now, and returns its id. Call inside
// the caller's write transaction (Database::write), next to the change that
// causes the mail; then MailSender::wake() after the commit for prompt
// delivery. Throws std::invalid_argument when the message could not be
// rendered (mail::validate: bad recipient, CR/LF in the subject, invalid
// UTF-8), before writing anything; DatabaseError as usual.
std::int64_t enqueue_mail(storage::Connection& connection, const MailMessage& message);

struct OutboxEntry {
  std::int64_t id;
  std::string to, subject, body_text, created_at;
  std::optional<std::string> sent_at, last_error;
  int attempts;
  std::optional<std::string> failed_at;  // set when the sender gave up
  std::string next_attempt_at;
};

// Returns at most `limit` outbox entries, newest first (for the development
// outbox page and tests). Holds personal data: show it to developers only.
std::vector<OutboxEntry> recent_mail(storage::Connection& connection, int limit);

struct SmtpSettings {
  // smtp://host:port (STARTTLS when the server offers it, or always with
  // require_tls) or smtps://host:port (TLS from the start). Certificates are
  // verified. Empty: sending is off and mail stays in the outbox.
  std::string url;
  // The sender: "noreply@example.go.th" or "ร่วมคิด <noreply@example.go.th>";
  // its address is also the SMTP envelope sender.
  std::string from;
  std::string username, password;  // SMTP AUTH when username is not empty
  bool require_tls = false;        // refuse to send unless the connection is TLS
};

class MailSender {
 public:
  // A mail that failed this many times is given up (failed_at is set).
  static constexpr int kMaxAttempts = 8;
  static constexpr std::chrono::seconds kConnectTimeout{10};
  static constexpr std::chrono::seconds kTransferTimeout{60};

  // Does not send anything until start() or deliver_due(). When settings.url
  // is not empty, throws std::invalid_argument for a scheme other than smtp or
  // smtps or an invalid `from`. Message-IDs end in `message_id_domain`, or in
  // the domain of the from address when it is empty or not a host name (an
  // IPv6 literal; logged). Initialises libcurl once per process
  // (std::runtime_error when that fails).
  MailSender(storage::Database& database, SmtpSettings settings, std::string message_id_domain);
  // Stops the background thread (see stop()).
  ~MailSender();
  MailSender(const MailSender&) = delete;
  MailSender& operator=(const MailSender&) = delete;

  // False when settings.url is empty: start() and deliver_due() do nothing.
  bool enabled() const { return !settings_.url.empty(); }

  // How often the background thread looks for due mail (default 1 s).
  void set_poll_interval(std::chrono::milliseconds interval);
  // How many due mails one pass takes at most (default 20).
  void set_batch_size(std::size_t size);
  // After the n-th failed attempt the mail is retried base × 2^(n-1) later,
  // capped at `cap` (defaults 1 min and 1 h: 1, 2, 4, … 32, 60 min). Tests use
  // a short base.
  void set_retry_backoff(std::chrono::milliseconds base,
                         std::chrono::milliseconds cap = std::chrono::hours(1));

  // Launches the background thread, which runs a pass (deliver_due) at once,
  // then every poll interval or on wake(). Logs and carries on when a pass
  // fails (database unreachable). Does nothing when already running or not
  // enabled(). Call start() and stop() from one owning thread.
  void start();
  // Wakes the thread and waits for it to end. A delivery under way is aborted
  // (its mail is released for a later pass without counting an attempt).
  // Idempotent; start() may be called again afterwards.
  void stop();
  // Makes the thread run a pass now (after an enqueue). Safe from any thread.
  void wake();

  // Runs one pass synchronously and returns how many mails were delivered.
  // Takes up to the batch size of due mails (unsent, not given up,
  // next_attempt_at <= now, oldest due first) and claims them in a short write
  // transaction (pushing next_attempt_at past the transfer timeout, so another
  // pass or process skips them); then sends each over one SMTP connection, and
  // records each outcome in its own short transaction: sent_at and attempts+1
  // on success; on failure attempts+1, last_error, and next_attempt_at per the
  // backoff, or failed_at after kMaxAttempts (at once for a message that
  // cannot be rendered). Passes in one process run one at a time. Throws
  // DatabaseError when the claim fails; returns 0 when not enabled().
  std::size_t deliver_due();

 private:
  struct Claim;
  void run();
  std::size_t pass(std::size_t& claimed);
  std::chrono::milliseconds backoff(int attempts) const;

  storage::Database& database_;
  const SmtpSettings settings_;
  std::string envelope_from_;
  std::string message_id_domain_;

  mutable std::mutex mutex_;  // guards the settings below and the wake-up state
  std::condition_variable wakeup_;
  std::chrono::milliseconds poll_interval_{1000};
  std::size_t batch_size_ = 20;
  std::chrono::milliseconds retry_base_{std::chrono::minutes(1)};
  std::chrono::milliseconds retry_cap_{std::chrono::hours(1)};
  bool wake_requested_ = false;
  std::atomic<bool> stopping_{false};

  std::mutex pass_mutex_;  // one pass at a time
  std::thread thread_;
};

}  // namespace ruamkit::mail

#include "mail/outbox.h"

#include "core/clock.h"
#include "core/text.h"

#include <curl/curl.h>
#include <fmt/format.h>
#include <spdlog/spdlog.h>

#include <algorithm>
#include <cstring>
#include <ctime>
#include <memory>
#include <stdexcept>
#include <utility>

namespace ruamkit::mail {
namespace {

using Clock = std::chrono::system_clock;

void ensure_curl() {
  static std::once_flag once;
  static CURLcode result = CURLE_OK;
  std::call_once(once, [] { result = curl_global_init(CURL_GLOBAL_DEFAULT); });
  if (result != CURLE_OK)
    throw std::runtime_error(std::string("libcurl could not be initialised: ") +
                             curl_easy_strerror(result));
}

// Errors are stored and logged: printable ASCII only, bounded.
std::string clean_error(std::string_view error) {
  std::string out;
  for (const char c : error.substr(0, 1000)) out += (c >= 0x20 && c <= 0x7E) ? c : '?';
  return out;
}

struct Upload {
  std::string_view data;
  std::size_t offset = 0;
};

std::size_t read_upload(char* buffer, std::size_t size, std::size_t count, void* user) {
  auto* upload = static_cast<Upload*>(user);
  const std::size_t n = std::min(size * count, upload->data.size() - upload->offset);
  std::memcpy(buffer, upload->data.data() + upload->offset, n);
  upload->offset += n;
  return n;
}

int abort_when_stopping(void* user, curl_off_t, curl_off_t, curl_off_t, curl_off_t) {
  return static_cast<const std::atomic<bool>*>(user)->load() ? 1 : 0;
}

struct CurlDeleter {
  void operator()(CURL* curl) const { curl_easy_cleanup(curl); }
};
struct SlistDeleter {
  void operator()(curl_slist* list) const { curl_slist_free_all(list); }
};

struct SendResult {
  bool sent = false;
  bool aborted = false;  // stop() interrupted it: not an attempt
  std::string error;
};

SendResult smtp_send(CURL* curl, const SmtpSettings& settings, const std::string& envelope_from,
                     const std::string& to, std::string_view message,
                     const std::atomic<bool>& stopping) {
  const std::string mail_from = "<" + envelope_from + ">";
  std::unique_ptr<curl_slist, SlistDeleter> recipients(
      curl_slist_append(nullptr, ("<" + to + ">").c_str()));
  if (!recipients) return {false, false, "out of memory"};
  Upload upload{message};
  char error[CURL_ERROR_SIZE] = {};

  curl_easy_setopt(curl, CURLOPT_URL, settings.url.c_str());
  curl_easy_setopt(curl, CURLOPT_PROTOCOLS_STR, "smtp,smtps");
  curl_easy_setopt(curl, CURLOPT_USE_SSL,
                   static_cast<long>(settings.require_tls ? CURLUSESSL_ALL : CURLUSESSL_TRY));
  if (!settings.username.empty()) {
    curl_easy_setopt(curl, CURLOPT_USERNAME, settings.username.c_str());
    curl_easy_setopt(curl, CURLOPT_PASSWORD, settings.password.c_str());
  }
  curl_easy_setopt(curl, CURLOPT_MAIL_FROM, mail_from.c_str());
  curl_easy_setopt(curl, CURLOPT_MAIL_RCPT, recipients.get());
  curl_easy_setopt(curl, CURLOPT_UPLOAD, 1L);
  curl_easy_setopt(curl, CURLOPT_READFUNCTION, read_upload);
  curl_easy_setopt(curl, CURLOPT_READDATA, &upload);
  curl_easy_setopt(curl, CURLOPT_INFILESIZE_LARGE, static_cast<curl_off_t>(message.size()));
  curl_easy_setopt(
      curl, CURLOPT_CONNECTTIMEOUT_MS,
      static_cast<long>(std::chrono::milliseconds(MailSender::kConnectTimeout).count()));
  curl_easy_setopt(
      curl, CURLOPT_TIMEOUT_MS,
      static_cast<long>(std::chrono::milliseconds(MailSender::kTransferTimeout).count()));
  curl_easy_setopt(curl, CURLOPT_NOSIGNAL, 1L);
  curl_easy_setopt(curl, CURLOPT_NOPROGRESS, 0L);
  curl_easy_setopt(curl, CURLOPT_XFERINFOFUNCTION, abort_when_stopping);
  curl_easy_setopt(curl, CURLOPT_XFERINFODATA, &stopping);
  curl_easy_setopt(curl, CURLOPT_ERRORBUFFER, error);

  const CURLcode code = curl_easy_perform(curl);
  long response = 0;
  curl_easy_getinfo(curl, CURLINFO_RESPONSE_CODE, &response);
  // The handle (and its connection) is reused for the next mail: drop the
  // pointers to this call's locals.
  curl_easy_setopt(curl, CURLOPT_MAIL_RCPT, nullptr);
  curl_easy_setopt(curl, CURLOPT_READDATA, nullptr);
  curl_easy_setopt(curl, CURLOPT_ERRORBUFFER, nullptr);

  if (code == CURLE_OK) return {true, false, {}};
  if (code == CURLE_ABORTED_BY_CALLBACK) return {false, true, "interrupted by shutdown"};
  std::string why = curl_easy_strerror(code);
  if (error[0] != '\0') why += std::string(": ") + error;
  if (response != 0) why += fmt::format(" (SMTP {})", response);
  return {false, false, clean_error(why)};
}

}  // namespace

std::int64_t enqueue_mail(storage::Connection& connection, const MailMessage& message) {
  validate(message);
  const std::string now = core::iso_timestamp(Clock::now());
  connection.execute(
      "INSERT INTO mail_outbox (to_address, subject, body_text, created_at, next_attempt_at) "
      "VALUES (?, ?, ?, ?, ?)",
      message.to, message.subject, message.body_text, now, now);
  return connection.last_insert_id();
}

std::vector<OutboxEntry> recent_mail(storage::Connection& connection, int limit) {
  auto rows = connection.query(
      "SELECT id, to_address, subject, body_text, created_at, sent_at, last_error, attempts, "
      "failed_at, next_attempt_at FROM mail_outbox ORDER BY id DESC LIMIT ?",
      std::max(limit, 0));
  std::vector<OutboxEntry> entries;
  while (rows.next()) {
    entries.push_back(OutboxEntry{rows.integer(0), rows.text(1), rows.text(2), rows.text(3),
                                  rows.text(4), rows.optional_text(5), rows.optional_text(6),
                                  static_cast<int>(rows.integer(7)), rows.optional_text(8),
                                  rows.text(9)});
  }
  return entries;
}

struct MailSender::Claim {
  std::int64_t id;
  MailMessage message;
  int attempts;
  std::string next_attempt_at;  // before the claim, restored when not attempted
};

MailSender::MailSender(storage::Database& database, SmtpSettings settings,
                       std::string message_id_domain)
    : database_(database),
      settings_(std::move(settings)),
      message_id_domain_(std::move(message_id_domain)) {
  if (!enabled()) return;
  if (!core::ascii_istarts_with(settings_.url, "smtp://") &&
      !core::ascii_istarts_with(settings_.url, "smtps://"))
    throw std::invalid_argument("the SMTP URL must start with smtp:// or smtps://");
  envelope_from_ = mailbox_address(settings_.from);
  const std::string from_domain = envelope_from_.substr(envelope_from_.find('@') + 1);
  if (!message_id_domain_.empty()) {
    try {
      render_rfc5322({"probe@example.org", "", ""}, settings_.from, message_id_domain_,
                     Clock::now());
    } catch (const std::invalid_argument&) {
      spdlog::warn("mail: '{}' is not a host name; Message-IDs use {}", message_id_domain_,
                   from_domain);
      message_id_domain_.clear();
    }
  }
  if (message_id_domain_.empty()) message_id_domain_ = from_domain;
  ensure_curl();
  if (!settings_.username.empty() && !settings_.require_tls &&
      core::ascii_istarts_with(settings_.url, "smtp://")) {
    spdlog::warn(
        "mail: SMTP credentials are configured without require_tls; they go in clear text if the "
        "server does not offer STARTTLS");
  }
}

MailSender::~MailSender() { stop(); }

void MailSender::set_poll_interval(std::chrono::milliseconds interval) {
  std::lock_guard lock(mutex_);
  poll_interval_ = interval;
}

void MailSender::set_batch_size(std::size_t size) {
  std::lock_guard lock(mutex_);
  batch_size_ = std::max<std::size_t>(size, 1);
}

void MailSender::set_retry_backoff(std::chrono::milliseconds base, std::chrono::milliseconds cap) {
  std::lock_guard lock(mutex_);
  retry_base_ = base;
  retry_cap_ = cap;
}

std::chrono::milliseconds MailSender::backoff(int attempts) const {
  std::lock_guard lock(mutex_);
  auto delay = retry_base_;
  for (int i = 1; i < attempts && delay < retry_cap_; ++i) delay *= 2;
  return std::min(delay, retry_cap_);
}

void MailSender::start() {
  if (!enabled()) {
    spdlog::info("mail: no SMTP server configured; mail stays in the outbox");
    return;
  }
  if (thread_.joinable()) return;
  stopping_ = false;
  thread_ = std::thread([this] { run(); });
}

void MailSender::stop() {
  {
    std::lock_guard lock(mutex_);
    stopping_ = true;
  }
  wakeup_.notify_all();
  if (thread_.joinable()) thread_.join();
  stopping_ = false;
}

void MailSender::wake() {
  {
    std::lock_guard lock(mutex_);
    wake_requested_ = true;
  }
  wakeup_.notify_all();
}

std::size_t MailSender::deliver_due() {
  if (!enabled()) return 0;
  std::size_t claimed = 0;
  return pass(claimed);
}

void MailSender::run() {
  while (!stopping_) {
    std::size_t claimed = 0;
    try {
      pass(claimed);
    } catch (const std::exception& e) {
      spdlog::error("mail: delivery pass failed: {}", e.what());
    }
    std::unique_lock lock(mutex_);
    if (stopping_) break;
    // A full batch: more may be due, go on at once.
    if (claimed < batch_size_) {
      wakeup_.wait_for(lock, poll_interval_, [this] { return stopping_ || wake_requested_; });
    }
    wake_requested_ = false;
  }
}

std::size_t MailSender::pass(std::size_t& claimed) {
  std::lock_guard one_pass(pass_mutex_);
  std::size_t batch = 0;
  {
    std::lock_guard lock(mutex_);
    batch = batch_size_;
  }
  const auto now = Clock::now();
  const std::string now_text = core::iso_timestamp(now);
  // Long enough for the whole batch to time out mail by mail.
  const std::string claimed_until =
      core::iso_timestamp(now + (kConnectTimeout + kTransferTimeout) * static_cast<int>(batch) +
                          std::chrono::minutes(1));
  std::vector<Claim> claims = database_.write([&](storage::Connection& c) {
    std::vector<Claim> due;
    {
      auto rows = c.query(
          "SELECT id, to_address, subject, body_text, attempts, next_attempt_at FROM mail_outbox "
          "WHERE sent_at IS NULL AND failed_at IS NULL AND next_attempt_at <= ? "
          "ORDER BY next_attempt_at, id LIMIT ?",
          now_text, static_cast<std::int64_t>(batch));
      while (rows.next()) {
        due.push_back(Claim{rows.integer(0), MailMessage{rows.text(1), rows.text(2), rows.text(3)},
                            static_cast<int>(rows.integer(4)), rows.text(5)});
      }
    }
    for (const auto& claim : due) {
      c.execute("UPDATE mail_outbox SET next_attempt_at = ? WHERE id = ?", claimed_until, claim.id);
    }
    return due;
  });
  claimed = claims.size();
  if (claims.empty()) return 0;

  std::unique_ptr<CURL, CurlDeleter> curl(curl_easy_init());
  std::size_t sent = 0;
  for (const Claim& claim : claims) {
    SendResult result;
    bool give_up = false;
    if (stopping_ || !curl) {
      result = {false, true, "not attempted"};
    } else {
      try {
        const std::string rendered =
            render_rfc5322(claim.message, settings_.from, message_id_domain_, Clock::now());
        result =
            smtp_send(curl.get(), settings_, envelope_from_, claim.message.to, rendered, stopping_);
      } catch (const std::invalid_argument& e) {
        result.error = std::string("invalid message: ") + e.what();
        give_up = true;  // it will not get better
      }
    }

    const auto done = Clock::now();
    const int attempts = claim.attempts + (result.aborted ? 0 : 1);
    give_up = give_up || attempts >= kMaxAttempts;
    const std::string retry_at = core::iso_timestamp(done + backoff(attempts));
    try {
      database_.write([&](storage::Connection& c) {
        if (result.aborted) {
          c.execute("UPDATE mail_outbox SET next_attempt_at = ? WHERE id = ?",
                    claim.next_attempt_at, claim.id);
        } else if (result.sent) {
          // The body goes once delivered: it may hold a single-use link, and
          // only token digests are meant to be kept.
          c.execute("UPDATE mail_outbox SET attempts = ?, sent_at = ?, body_text = '' WHERE id = ?",
                    attempts, core::iso_timestamp(done), claim.id);
        } else if (give_up) {
          c.execute(
              "UPDATE mail_outbox SET attempts = ?, last_error = ?, failed_at = ? WHERE id = ?",
              attempts, result.error, core::iso_timestamp(done), claim.id);
        } else {
          c.execute(
              "UPDATE mail_outbox SET attempts = ?, last_error = ?, next_attempt_at = ? "
              "WHERE id = ?",
              attempts, result.error, retry_at, claim.id);
        }
      });
    } catch (const storage::DatabaseError& e) {
      // The claim expires and the mail is tried again (perhaps sent twice).
      spdlog::error("mail {}: could not record the outcome of delivery: {}", claim.id, e.what());
      continue;
    }
    if (result.sent) {
      ++sent;
      spdlog::info("mail {}: delivered (attempt {})", claim.id, attempts);
    } else if (result.aborted) {
      spdlog::info("mail {}: left for a later pass ({})", claim.id, result.error);
    } else if (give_up) {
      spdlog::error("mail {}: given up after {} attempt(s): {}", claim.id, attempts, result.error);
    } else {
      spdlog::warn("mail {}: attempt {} failed, retry at {}: {}", claim.id, attempts, retry_at,
                   result.error);
    }
  }
  return sent;
}

}  // namespace ruamkit::mail

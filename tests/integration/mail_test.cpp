// The outbox and the SMTP sender against a real SMTP server (aiosmtpd) and a
// real SQLite database.
#include <arpa/inet.h>
#include <gtest/gtest.h>

#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>
#include "core/clock.h"

#include <algorithm>
#include <thread>

#include "mail/outbox.h"
#include "storage/migrations.h"
#include "support/smtp_sink.h"
#include "support/temp_dir.h"

namespace ruamkit::mail {
namespace {

using namespace std::chrono_literals;

const std::string kThaiSubject = "ยืนยันการลงทะเบียนรับฟังความคิดเห็น โครงการถนนเลียบคลองประปา";
const std::string kThaiBody =
    "เรียน คุณสมชาย ใจดี\n\nขอบคุณที่ลงทะเบียนเข้าร่วมการรับฟังความคิดเห็นของประชาชน\n"
    "ความคิดเห็นของท่านจะถูกนำไปพิจารณาในการตัดสินใจ";
const std::string kFrom = "ร่วมคิด <noreply@ruamkit.example.go.th>";

std::string with_crlf(const std::string& text) {
  std::string out;
  for (const char c : text) {
    if (c == '\n') out += '\r';
    out += c;
  }
  return out;
}

class MailTest : public ::testing::Test {
 protected:
  void SetUp() override { storage::migrate(db, storage::embedded_migrations()); }

  std::int64_t enqueue(const MailMessage& message) {
    return db.write([&](storage::Connection& c) { return enqueue_mail(c, message); });
  }

  OutboxEntry entry(std::int64_t id) {
    const auto all = db.read([](storage::Connection& c) { return recent_mail(c, 100); });
    const auto it =
        std::find_if(all.begin(), all.end(), [&](const OutboxEntry& e) { return e.id == id; });
    if (it == all.end()) throw std::runtime_error("no outbox entry " + std::to_string(id));
    return *it;
  }

  testing::TempDir dir;
  storage::Database db{(dir.path() / "mail.db").string(), 2};
};

TEST_F(MailTest, DeliversQueuedMailOverSmtp) {
  testing::SmtpSink sink;
  std::int64_t thai = 0, english = 0;
  db.write([&](storage::Connection& c) {
    thai = enqueue_mail(c, {"somchai@example.go.th", kThaiSubject, kThaiBody});
    english = enqueue_mail(c, {"jane@example.org", "Your comment was received", "Thank you."});
  });
  EXPECT_FALSE(entry(thai).sent_at);

  MailSender sender(db, {sink.url(), kFrom, "", "", false}, "ruamkit.example.go.th");
  EXPECT_EQ(sender.deliver_due(), 2u);

  ASSERT_EQ(sink.wait_for(2, 10s).size(), 2u) << sink.log();
  const auto mails = sink.mails();
  const auto to = [&](const std::string& address) {
    const auto it = std::find_if(mails.begin(), mails.end(), [&](const testing::ReceivedMail& m) {
      return m.recipients == std::vector<std::string>{address};
    });
    if (it == mails.end()) throw std::runtime_error("no mail to " + address);
    return *it;
  };
  const auto first = to("somchai@example.go.th");
  EXPECT_EQ(first.subject, kThaiSubject);
  EXPECT_EQ(first.body, with_crlf(kThaiBody));
  EXPECT_EQ(first.envelope_from, "noreply@ruamkit.example.go.th");
  EXPECT_EQ(first.header("To"), "somchai@example.go.th");
  EXPECT_EQ(testing::decode_header_value(first.header("From")),
            "ร่วมคิด <noreply@ruamkit.example.go.th>");
  EXPECT_TRUE(first.header("Message-ID").ends_with("@ruamkit.example.go.th>"));
  const auto second = to("jane@example.org");
  EXPECT_EQ(second.header("Subject"), "Your comment was received");
  EXPECT_EQ(second.body, "Thank you.");

  for (const auto id : {thai, english}) {
    const auto e = entry(id);
    EXPECT_TRUE(e.sent_at) << id;
    EXPECT_EQ(e.attempts, 1);
    EXPECT_FALSE(e.last_error);
    EXPECT_FALSE(e.failed_at);
  }
  // Nothing is due any more: nothing goes out twice.
  EXPECT_EQ(sender.deliver_due(), 0u);
  EXPECT_EQ(sink.messages().size(), 2u);
}

TEST_F(MailTest, RetriesWithBackoffUntilTheServerComesUp) {
  const unsigned short port = testing::free_port();  // nothing listens there yet
  MailSender sender(db, {"smtp://127.0.0.1:" + std::to_string(port), kFrom, "", "", false}, "");
  sender.set_retry_backoff(1500ms);
  const auto id = enqueue({"somchai@example.go.th", kThaiSubject, kThaiBody});

  EXPECT_EQ(sender.deliver_due(), 0u);
  auto e = entry(id);
  EXPECT_EQ(e.attempts, 1);
  ASSERT_TRUE(e.last_error);
  EXPECT_NE(e.last_error->find("onnect"), std::string::npos) << *e.last_error;
  EXPECT_GT(e.next_attempt_at, core::iso_timestamp(std::chrono::system_clock::now()));
  EXPECT_FALSE(e.sent_at);
  EXPECT_FALSE(e.failed_at);

  testing::SmtpSink sink(port);
  // Not due yet: the sender leaves it alone.
  EXPECT_EQ(sender.deliver_due(), 0u);
  EXPECT_EQ(entry(id).attempts, 1);

  while (core::iso_timestamp(std::chrono::system_clock::now()) < e.next_attempt_at)
    std::this_thread::sleep_for(50ms);
  EXPECT_EQ(sender.deliver_due(), 1u);
  e = entry(id);
  EXPECT_TRUE(e.sent_at);
  EXPECT_EQ(e.attempts, 2);
  ASSERT_EQ(sink.wait_for(1, 10s).size(), 1u);
  const auto mail = sink.mails().at(0);
  EXPECT_EQ(mail.recipients, std::vector<std::string>{"somchai@example.go.th"});
  EXPECT_EQ(mail.subject, kThaiSubject);
  EXPECT_EQ(mail.body, with_crlf(kThaiBody));
}

TEST_F(MailTest, GivesUpAfterMaxAttempts) {
  const unsigned short port = testing::free_port();
  MailSender sender(db, {"smtp://127.0.0.1:" + std::to_string(port), kFrom, "", "", false}, "");
  sender.set_retry_backoff(0ms);
  const auto id = enqueue({"somchai@example.go.th", "s", "b"});
  for (int i = 0; i < MailSender::kMaxAttempts; ++i) EXPECT_EQ(sender.deliver_due(), 0u);
  const auto e = entry(id);
  EXPECT_EQ(e.attempts, MailSender::kMaxAttempts);
  EXPECT_TRUE(e.failed_at);
  EXPECT_TRUE(e.last_error);
  EXPECT_FALSE(e.sent_at);

  testing::SmtpSink sink(port);
  EXPECT_EQ(sender.deliver_due(), 0u);  // given up: not tried again
  EXPECT_EQ(entry(id).attempts, MailSender::kMaxAttempts);
  EXPECT_TRUE(sink.messages().empty());
}

TEST_F(MailTest, BackgroundThreadSendsPromptlyOnWake) {
  testing::SmtpSink sink;
  MailSender sender(db, {sink.url(), kFrom, "", "", false}, "");
  sender.set_poll_interval(1h);  // only start() and wake() make it look
  sender.start();
  const auto first = enqueue({"a@example.org", "first", "1"});
  sender.wake();
  ASSERT_EQ(sink.wait_for(1, 10s).size(), 1u) << sink.log();
  const auto second = enqueue({"b@example.org", "second", "2"});
  sender.wake();
  ASSERT_EQ(sink.wait_for(2, 10s).size(), 2u) << sink.log();
  sender.stop();
  EXPECT_TRUE(entry(first).sent_at);
  EXPECT_TRUE(entry(second).sent_at);

  // Stopped: nothing goes out until started again.
  const auto third = enqueue({"c@example.org", "third", "3"});
  sender.wake();
  std::this_thread::sleep_for(300ms);
  EXPECT_FALSE(entry(third).sent_at);
  sender.start();
  ASSERT_EQ(sink.wait_for(3, 10s).size(), 3u);
}

TEST_F(MailTest, TwoSendersOnOneDatabaseSendEachMailOnce) {
  testing::SmtpSink sink;
  MailSender a(db, {sink.url(), kFrom, "", "", false}, "");
  MailSender b(db, {sink.url(), kFrom, "", "", false}, "");
  for (auto* sender : {&a, &b}) {
    sender->set_poll_interval(5ms);
    sender->set_batch_size(3);
    sender->start();
  }
  constexpr int kMails = 12;
  for (int i = 0; i < kMails; ++i) {
    enqueue({"person" + std::to_string(i) + "@example.org", "s", "b"});
    std::this_thread::sleep_for(2ms);
  }
  ASSERT_EQ(sink.wait_for(kMails, 20s).size(), static_cast<std::size_t>(kMails));
  std::this_thread::sleep_for(300ms);
  a.stop();
  b.stop();
  std::vector<std::string> recipients;
  for (const auto& mail : sink.mails()) recipients.push_back(mail.recipients.at(0));
  std::sort(recipients.begin(), recipients.end());
  EXPECT_EQ(recipients.size(), static_cast<std::size_t>(kMails));
  EXPECT_EQ(std::unique(recipients.begin(), recipients.end()), recipients.end());
}

TEST_F(MailTest, StopInterruptsADeliveryWithoutCountingAnAttempt) {
  // A server that accepts connections (the kernel's backlog) but never greets.
  const int silent = socket(AF_INET, SOCK_STREAM, 0);
  sockaddr_in address{};
  address.sin_family = AF_INET;
  address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  socklen_t size = sizeof address;
  ASSERT_EQ(bind(silent, reinterpret_cast<sockaddr*>(&address), sizeof address), 0);
  ASSERT_EQ(listen(silent, 4), 0);
  ASSERT_EQ(getsockname(silent, reinterpret_cast<sockaddr*>(&address), &size), 0);
  const std::string url = "smtp://127.0.0.1:" + std::to_string(ntohs(address.sin_port));

  MailSender sender(db, {url, kFrom, "", "", false}, "");
  const auto id = enqueue({"a@example.org", "s", "b"});
  const std::string due = entry(id).next_attempt_at;
  sender.start();
  std::this_thread::sleep_for(500ms);  // waiting for the greeting now
  EXPECT_GT(entry(id).next_attempt_at, due) << "claimed while being delivered";
  const auto before = std::chrono::steady_clock::now();
  sender.stop();
  EXPECT_LT(std::chrono::steady_clock::now() - before, 5s);
  close(silent);
  const auto e = entry(id);
  EXPECT_EQ(e.attempts, 0);
  EXPECT_EQ(e.next_attempt_at, due) << "released for the next pass";
  EXPECT_FALSE(e.sent_at);
  EXPECT_FALSE(e.last_error);
}

TEST_F(MailTest, WithoutAServerMailStaysInTheOutbox) {
  MailSender sender(db, {}, "");
  EXPECT_FALSE(sender.enabled());
  const auto id = enqueue({"a@example.org", "s", "b"});
  sender.start();
  EXPECT_EQ(sender.deliver_due(), 0u);
  sender.stop();
  const auto e = entry(id);
  EXPECT_EQ(e.attempts, 0);
  EXPECT_FALSE(e.sent_at);
}

TEST_F(MailTest, EnqueueIsPartOfTheCallersTransaction) {
  EXPECT_THROW(db.write([&](storage::Connection& c) {
    enqueue_mail(c, {"a@example.org", "rolled back", "b"});
    throw std::runtime_error("the change failed");
  }),
               std::runtime_error);
  EXPECT_THROW(enqueue({"a@example.org\r\nBcc: b@example.org", "s", "b"}), std::invalid_argument);
  const auto kept = enqueue({"a@example.org", "kept", "b"});
  const auto newer = enqueue({"b@example.org", "newer", "b"});
  const auto all = db.read([](storage::Connection& c) { return recent_mail(c, 10); });
  ASSERT_EQ(all.size(), 2u);
  EXPECT_EQ(all[0].id, newer);  // newest first
  EXPECT_EQ(all[1].id, kept);
  EXPECT_EQ(all[1].subject, "kept");
  EXPECT_EQ(all[1].created_at.size(), std::string("2025-01-31T09:05:00.123Z").size());
}

TEST_F(MailTest, RefusesBadSettings) {
  EXPECT_THROW(MailSender(db, {"http://127.0.0.1:25", kFrom, "", "", false}, ""),
               std::invalid_argument);
  EXPECT_THROW(MailSender(db, {"smtp://127.0.0.1:25", "not an address", "", "", false}, ""),
               std::invalid_argument);
}

TEST_F(MailTest, MessageIdFallsBackToTheSenderDomain) {
  testing::SmtpSink sink;
  MailSender sender(db, {sink.url(), kFrom, "", "", false}, "::1");
  enqueue({"a@example.org", "s", "b"});
  EXPECT_EQ(sender.deliver_due(), 1u);
  ASSERT_EQ(sink.wait_for(1, 10s).size(), 1u);
  EXPECT_TRUE(sink.mails().at(0).header("Message-ID").ends_with("@ruamkit.example.go.th>"));

  // A development sender on localhost with the server's address as domain.
  MailSender local(db, {sink.url(), "Ruamkit <no-reply@localhost>", "", "", false}, "127.0.0.1");
  enqueue({"b@example.org", "s", "b"});
  EXPECT_EQ(local.deliver_due(), 1u);
  ASSERT_EQ(sink.wait_for(2, 10s).size(), 2u);
  EXPECT_TRUE(sink.mails().at(1).header("Message-ID").ends_with("@127.0.0.1>"));
  EXPECT_EQ(sink.mails().at(1).envelope_from, "no-reply@localhost");
}

}  // namespace
}  // namespace ruamkit::mail

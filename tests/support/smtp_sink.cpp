#include "support/smtp_sink.h"

#include <arpa/inet.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <poll.h>
#include <signal.h>
#include <sodium.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <cstdlib>
#include <fstream>
#include <regex>
#include <sstream>
#include <stdexcept>
#include <thread>
#include <tuple>

namespace ruamkit::testing {
namespace {

sockaddr_in loopback(unsigned short port) {
  sockaddr_in address{};
  address.sin_family = AF_INET;
  address.sin_port = htons(port);
  address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  return address;
}

// Connects to the port and reads the SMTP greeting; true when it is a 220.
bool greets(unsigned short port) {
  const int fd = socket(AF_INET, SOCK_STREAM, 0);
  if (fd < 0) return false;
  const sockaddr_in address = loopback(port);
  bool ok = false;
  if (connect(fd, reinterpret_cast<const sockaddr*>(&address), sizeof address) == 0) {
    pollfd p{fd, POLLIN, 0};
    char buffer[256];
    if (poll(&p, 1, 2000) > 0) {
      const ssize_t n = read(fd, buffer, sizeof buffer);
      ok = n >= 3 && std::string_view(buffer, 3) == "220";
      const std::string_view quit = "QUIT\r\n";
      if (ok && write(fd, quit.data(), quit.size()) < 0) {
        // Greeted is enough; the server notices the closed connection.
      }
    }
  }
  close(fd);
  return ok;
}

std::string read_file(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

std::string lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  return out;
}

std::string base64_decode(std::string_view text) {
  std::string out(text.size(), '\0');
  std::size_t size = 0;
  if (sodium_base642bin(reinterpret_cast<unsigned char*>(out.data()), out.size(), text.data(),
                        text.size(), " \t\r\n", &size, nullptr,
                        sodium_base64_VARIANT_ORIGINAL) != 0) {
    throw std::runtime_error("invalid base64 in received mail");
  }
  out.resize(size);
  return out;
}

int hex_value(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  return -1;
}

// Quoted-printable; `underscore_space` for RFC 2047 Q encoding.
std::string qp_decode(std::string_view text, bool underscore_space) {
  std::string out;
  for (std::size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (c == '=' && i + 1 < text.size() && (text[i + 1] == '\n' || text[i + 1] == '\r')) {
      i += (text[i + 1] == '\r' && i + 2 < text.size() && text[i + 2] == '\n') ? 2 : 1;
    } else if (c == '=' && i + 2 < text.size() && hex_value(text[i + 1]) >= 0 &&
               hex_value(text[i + 2]) >= 0) {
      out += static_cast<char>(hex_value(text[i + 1]) * 16 + hex_value(text[i + 2]));
      i += 2;
    } else if (c == '_' && underscore_space) {
      out += ' ';
    } else {
      out += c;
    }
  }
  return out;
}

std::vector<std::string> split_addresses(std::string_view list) {
  std::vector<std::string> out;
  std::size_t start = 0;
  while (start <= list.size()) {
    const std::size_t comma = std::min(list.find(',', start), list.size());
    std::string item(list.substr(start, comma - start));
    item.erase(0, item.find_first_not_of(' '));
    item.erase(item.find_last_not_of(' ') + 1);
    if (!item.empty()) out.push_back(item);
    start = comma + 1;
  }
  return out;
}

}  // namespace

unsigned short free_port() {
  const int fd = socket(AF_INET, SOCK_STREAM, 0);
  if (fd < 0) throw std::runtime_error("socket failed");
  sockaddr_in address = loopback(0);
  socklen_t size = sizeof address;
  if (bind(fd, reinterpret_cast<sockaddr*>(&address), sizeof address) != 0 ||
      getsockname(fd, reinterpret_cast<sockaddr*>(&address), &size) != 0) {
    close(fd);
    throw std::runtime_error("could not find a free port");
  }
  close(fd);
  return ntohs(address.sin_port);
}

std::string decode_header_value(std::string_view value) {
  static const std::regex word(R"(=\?([^?\s]+)\?([BbQq])\?([^?\s]*)\?=)");
  const std::string text(value);
  std::string out;
  std::size_t last = 0;
  bool after_word = false;
  for (auto it = std::sregex_iterator(text.begin(), text.end(), word); it != std::sregex_iterator();
       ++it) {
    const auto& m = *it;
    const std::string between = text.substr(last, static_cast<std::size_t>(m.position()) - last);
    if (!(after_word && between.find_first_not_of(" \t") == std::string::npos)) out += between;
    const std::string payload = m[3].str();
    out += (m[2].str() == "B" || m[2].str() == "b") ? base64_decode(payload)
                                                    : qp_decode(payload, true);
    last = static_cast<std::size_t>(m.position() + m.length());
    after_word = true;
  }
  out += text.substr(last);
  return out;
}

std::string ReceivedMail::header(std::string_view name) const {
  std::string text = raw;
  std::erase(text, '\r');
  const std::string head = text.substr(0, text.find("\n\n"));
  const std::string wanted = lower(name) + ":";
  std::istringstream lines(head);
  std::string line, value;
  bool found = false;
  while (std::getline(lines, line)) {
    if (found) {
      if (!line.empty() && (line[0] == ' ' || line[0] == '\t')) {
        value += line;  // unfold: the line break goes, the white space stays
        continue;
      }
      break;
    }
    if (lower(line.substr(0, wanted.size())) == wanted) {
      found = true;
      value = line.substr(wanted.size());
    }
  }
  value.erase(0, value.find_first_not_of(" \t"));
  return value;
}

ReceivedMail parse_mail(const std::string& raw) {
  ReceivedMail mail;
  mail.raw = raw;
  mail.envelope_from = mail.header("X-MailFrom");
  mail.recipients = split_addresses(mail.header("X-RcptTo"));
  mail.subject = decode_header_value(mail.header("Subject"));
  std::string text = raw;
  std::erase(text, '\r');
  const std::size_t blank = text.find("\n\n");
  const std::string body = blank == std::string::npos ? "" : text.substr(blank + 2);
  const std::string encoding = lower(mail.header("Content-Transfer-Encoding"));
  if (encoding == "base64") {
    mail.body = base64_decode(body);
  } else if (encoding == "quoted-printable") {
    mail.body = qp_decode(body, false);
  } else {
    mail.body = body;
  }
  return mail;
}

SmtpSink::SmtpSink(unsigned short port) : maildir_(dir_.path() / "maildir"), port_(port) {
  for (const char* sub : {"tmp", "new", "cur"}) std::filesystem::create_directories(maildir_ / sub);
  // A port picked here may be taken by someone else before the server binds
  // it: pick another a few times.
  const bool pick = port_ == 0;
  for (int attempt = 1;; ++attempt) {
    if (pick) port_ = free_port();
    try {
      launch();
      return;
    } catch (const std::runtime_error&) {
      if (!pick || attempt == 3) throw;
    }
  }
}

SmtpSink::~SmtpSink() { stop(); }

std::string SmtpSink::url() const { return "smtp://127.0.0.1:" + std::to_string(port_); }

void SmtpSink::start() {
  if (!running()) launch();
}

void SmtpSink::launch() {
  const char* env = std::getenv("RUAMKIT_TEST_PYTHON");
  std::vector<std::string> args = {env ? env : "/usr/bin/python3",
                                   "-m",
                                   "aiosmtpd",
                                   "-n",
                                   "-l",
                                   "127.0.0.1:" + std::to_string(port_),
                                   "-c",
                                   "aiosmtpd.handlers.Mailbox",
                                   maildir_.string()};
  std::vector<char*> argv;
  for (auto& a : args) argv.push_back(a.data());
  argv.push_back(nullptr);
  const std::string log_path = (dir_.path() / "aiosmtpd.log").string();
  const int log_fd = open(log_path.c_str(), O_WRONLY | O_CREAT | O_APPEND, 0600);
  if (log_fd < 0) throw std::runtime_error("cannot open " + log_path);

  const pid_t pid = fork();
  if (pid < 0) {
    close(log_fd);
    throw std::runtime_error("fork failed");
  }
  if (pid == 0) {
    dup2(log_fd, STDOUT_FILENO);
    dup2(log_fd, STDERR_FILENO);
    close(log_fd);
    execv(argv[0], argv.data());
    _exit(127);
  }
  close(log_fd);
  pid_ = pid;

  const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(15);
  while (std::chrono::steady_clock::now() < deadline) {
    int status = 0;
    if (waitpid(pid_, &status, WNOHANG) == pid_) {
      pid_ = -1;
      throw std::runtime_error("aiosmtpd exited on port " + std::to_string(port_) + ":\n" + log());
    }
    if (greets(port_)) return;
    std::this_thread::sleep_for(std::chrono::milliseconds(50));
  }
  stop();
  throw std::runtime_error("aiosmtpd did not answer on port " + std::to_string(port_) + ":\n" +
                           log());
}

void SmtpSink::stop() {
  if (pid_ <= 0) return;
  for (const int signal : {SIGTERM, SIGKILL}) {
    kill(pid_, signal);
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(5);
    while (std::chrono::steady_clock::now() < deadline) {
      int status = 0;
      if (waitpid(pid_, &status, WNOHANG) == pid_) {
        pid_ = -1;
        return;
      }
      std::this_thread::sleep_for(std::chrono::milliseconds(20));
    }
  }
}

std::vector<std::string> SmtpSink::messages() const {
  // Maildir names from Python's mailbox module: <seconds>.M<microseconds>P<pid>Q<counter>.<host>
  static const std::regex name(R"(^(\d+)\.M(\d+)P(\d+)Q(\d+)\.)");
  using Key = std::tuple<long long, long long, long long, std::string>;
  std::vector<std::pair<Key, std::filesystem::path>> files;
  for (const char* sub : {"new", "cur"}) {
    std::error_code ec;
    for (const auto& entry : std::filesystem::directory_iterator(maildir_ / sub, ec)) {
      const std::string file = entry.path().filename().string();
      std::smatch m;
      Key key{0, 0, 0, file};
      if (std::regex_search(file, m, name))
        key = {std::stoll(m[1]), std::stoll(m[2]), std::stoll(m[4]), file};
      files.emplace_back(key, entry.path());
    }
  }
  std::sort(files.begin(), files.end());
  std::vector<std::string> out;
  for (const auto& [key, path] : files) out.push_back(read_file(path));
  return out;
}

std::vector<ReceivedMail> SmtpSink::mails() const {
  std::vector<ReceivedMail> out;
  for (const auto& raw : messages()) out.push_back(parse_mail(raw));
  return out;
}

std::vector<std::string> SmtpSink::wait_for(std::size_t count,
                                            std::chrono::milliseconds timeout) const {
  const auto deadline = std::chrono::steady_clock::now() + timeout;
  while (true) {
    auto found = messages();
    if (found.size() >= count || std::chrono::steady_clock::now() >= deadline) return found;
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
  }
}

std::string SmtpSink::log() const { return read_file(dir_.path() / "aiosmtpd.log"); }

}  // namespace ruamkit::testing

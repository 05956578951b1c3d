#include "support/server_process.h"

#include <algorithm>

#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <cstdlib>
#include <fstream>
#include <regex>
#include <sstream>
#include <stdexcept>
#include <thread>

namespace ruamkit::testing {
namespace {

std::string binary() {
  const char* bin = std::getenv("RUAMKIT_BIN");
  if (!bin) throw std::runtime_error("RUAMKIT_BIN is not set");
  return bin;
}

// Starts `args` with stdout on a pipe (returned in `stdout_fd`) and stderr
// into `stderr_path`, or onto the same pipe when `stderr_path` is empty.
pid_t spawn(std::vector<std::string> args, const std::string& stderr_path, int& stdout_fd) {
  int out[2];
  if (pipe(out) != 0) throw std::runtime_error("pipe failed");
  const pid_t pid = fork();
  if (pid < 0) throw std::runtime_error("fork failed");
  if (pid == 0) {
    dup2(out[1], STDOUT_FILENO);
    const int err = stderr_path.empty()
                        ? out[1]
                        : open(stderr_path.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0600);
    dup2(err, STDERR_FILENO);
    close(out[0]);
    close(out[1]);
    std::vector<char*> argv;
    for (auto& a : args) argv.push_back(a.data());
    argv.push_back(nullptr);
    execv(argv[0], argv.data());
    _exit(127);
  }
  close(out[1]);
  stdout_fd = out[0];
  return pid;
}

}  // namespace

ServerProcess::ServerProcess(std::vector<std::string> extra_args) {
  std::vector<std::string> args = {
      binary(),        "serve",       "--listen",           "127.0.0.1:0", "--database",
      database_path(), "--share-dir", share_dir().string(), "--log-level", "info"};
  // Two network threads unless the test chooses.
  if (std::find(extra_args.begin(), extra_args.end(), "--threads") == extra_args.end()) {
    args.insert(args.end(), {"--threads", "2"});
  }
  args.insert(args.end(), extra_args.begin(), extra_args.end());
  pid_ = spawn(std::move(args), (dir_.path() / "server.log").string(), stdout_fd_);

  const std::regex ready(R"(Ruamkit is serving at http://127\.0\.0\.1:(\d+)/)");
  std::string buffer;
  const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(20);
  while (std::chrono::steady_clock::now() < deadline) {
    pollfd p{stdout_fd_, POLLIN, 0};
    if (poll(&p, 1, 200) <= 0) continue;
    char chunk[512];
    const auto n = read(stdout_fd_, chunk, sizeof chunk);
    if (n <= 0) break;  // the server exited
    buffer.append(chunk, static_cast<std::size_t>(n));
    std::smatch m;
    if (std::regex_search(buffer, m, ready)) {
      port_ = static_cast<unsigned short>(std::stoi(m[1]));
      return;
    }
  }
  const std::string why = "server did not start; stdout: " + buffer + "\nlog:\n" + log();
  stop(SIGKILL, 5000);
  throw std::runtime_error(why);
}

ServerProcess::~ServerProcess() {
  if (pid_ > 0) stop(SIGTERM, 10'000);
  if (pid_ > 0) stop(SIGKILL, 5'000);
  if (stdout_fd_ >= 0) close(stdout_fd_);
}

int ServerProcess::stop(int signal, int timeout_ms) {
  if (pid_ <= 0) return -1;
  kill(pid_, signal);
  const auto deadline = std::chrono::steady_clock::now() + std::chrono::milliseconds(timeout_ms);
  while (std::chrono::steady_clock::now() < deadline) {
    int status = 0;
    const pid_t r = waitpid(pid_, &status, WNOHANG);
    if (r == pid_) {
      pid_ = -1;
      return status;
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
  }
  return -1;
}

std::string ServerProcess::log() const {
  std::ifstream in(dir_.path() / "server.log");
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

int run_ruamkit(const std::vector<std::string>& args_in, std::string& output) {
  std::vector<std::string> args = {binary()};
  args.insert(args.end(), args_in.begin(), args_in.end());
  int out = -1;
  const pid_t pid = spawn(std::move(args), "", out);
  output.clear();
  char chunk[512];
  ssize_t n;
  while ((n = read(out, chunk, sizeof chunk)) > 0)
    output.append(chunk, static_cast<std::size_t>(n));
  close(out);
  int status = 0;
  waitpid(pid, &status, 0);
  return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
}

}  // namespace ruamkit::testing

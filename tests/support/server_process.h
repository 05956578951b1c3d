// Runs the real ruamkit binary as a child process on an ephemeral port with a
// temporary SQLite database, for integration tests.
#pragma once

#include <sys/types.h>

#include <string>
#include <vector>

#include "support/temp_dir.h"

namespace ruamkit::testing {

class ServerProcess {
 public:
  // Starts `ruamkit serve` with `extra_args` and waits (up to 20 s) for its
  // "serving at" line. The binary comes from RUAMKIT_BIN. Throws
  // std::runtime_error with the server's log when it does not come up.
  explicit ServerProcess(std::vector<std::string> extra_args = {});
  ~ServerProcess();
  ServerProcess(const ServerProcess&) = delete;
  ServerProcess& operator=(const ServerProcess&) = delete;

  unsigned short port() const { return port_; }
  const TempDir& dir() const { return dir_; }
  std::string database_path() const { return (dir_.path() / "ruamkit.db").string(); }

  // Sends `signal` and waits up to `timeout_ms` for the process to exit.
  // Returns its exit status (as from waitpid), or -1 when it did not exit.
  int stop(int signal, int timeout_ms);
  bool running() const { return pid_ > 0; }

  // What the server wrote to stderr so far.
  std::string log() const;

 private:
  TempDir dir_;
  pid_t pid_ = -1;
  int stdout_fd_ = -1;
  unsigned short port_ = 0;
};

// Runs the ruamkit binary with `args` to completion. Returns its exit code and
// fills `output` with stdout and stderr.
int run_ruamkit(const std::vector<std::string>& args, std::string& output);

}  // namespace ruamkit::testing

// A directory under the system temp dir that is removed with its contents
// when the object goes away.
#pragma once

#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>
#include <string_view>

#include <gtest/gtest.h>

#include "core/random.h"

namespace ruamkit::testing {

class TempDir {
 public:
  TempDir()
      : path_(std::filesystem::temp_directory_path() / ("ruamkit-test-" + core::random_hex(6))) {
    std::filesystem::create_directories(path_);
  }
  ~TempDir() {
    std::error_code ec;
    std::filesystem::remove_all(path_, ec);
  }
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;

  const std::filesystem::path& path() const { return path_; }

  // Writes `content` to `relative` (creating directories) and returns its path.
  std::filesystem::path write(const std::string& relative, const std::string& content) const {
    const auto file = path_ / relative;
    std::filesystem::create_directories(file.parent_path());
    std::ofstream(file, std::ios::binary) << content;
    return file;
  }

 private:
  std::filesystem::path path_;
};

// The repository root (templates/, locales/, static/), from RUAMKIT_SHARE_DIR.
inline std::filesystem::path share_dir() {
  const char* env = std::getenv("RUAMKIT_SHARE_DIR");
  return env ? std::filesystem::path(env) : std::filesystem::path(RUAMKIT_DEFAULT_SHARE_DIR);
}

// The bytes of tests/data/<folder>/<name>; empty, with a test failure, when
// the file is missing.
inline std::string test_data(std::string_view folder, std::string_view name) {
  const auto path = share_dir() / "tests" / "data" / folder / name;
  std::ifstream in(path, std::ios::binary);
  if (!in) ADD_FAILURE() << "missing fixture " << path;
  return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

}  // namespace ruamkit::testing

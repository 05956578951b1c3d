// Template comments must not close early: a "}}" inside {{! … }} ends the
// comment there, and the rest of it is shown on the page.
#include <gtest/gtest.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "features/registry.h"

namespace {

TEST(TemplateComments, EveryCommentClosesWhereItMeansTo) {
  const char* share = std::getenv("RUAMKIT_SHARE_DIR");
  int checked = 0;
  for (const auto& dir :
       ruamkit::features::registry().template_dirs(std::filesystem::path(share ? share : "."))) {
    for (const auto& entry : std::filesystem::recursive_directory_iterator(dir)) {
      if (entry.path().extension() != ".mustache") continue;
      std::ifstream in(entry.path());
      std::stringstream text;
      text << in.rdbuf();
      const auto s = text.str();
      for (auto at = s.find("{{!"); at != std::string::npos; at = s.find("{{!", at + 3)) {
        const auto end = s.find("}}", at);
        ASSERT_NE(end, std::string::npos) << entry.path();
        const auto comment = s.substr(at + 3, end - at - 3);
        // Braces inside a comment must pair up: an unmatched "{" means a "}}"
        // meant for it closed the comment.
        int depth = 0;
        for (char ch : comment) depth += ch == '{' ? 1 : ch == '}' ? -1 : 0;
        EXPECT_EQ(depth, 0) << entry.path() << ": "
                            << comment.substr(comment.size() > 80 ? comment.size() - 80 : 0);
        ++checked;
      }
    }
  }
  EXPECT_GT(checked, 10);
}

}  // namespace

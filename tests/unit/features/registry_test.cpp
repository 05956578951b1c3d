// The component manifests as a whole: what central code relies on.
#include "features/registry.h"

#include <gtest/gtest.h>

#include <algorithm>

#include "../../support/temp_dir.h"
#include "features/personal_data.h"
#include "web/i18n.h"

namespace ruamkit::features {
namespace {

class Schema : public ::testing::Test {
 protected:
  testing::TempDir dir;
  storage::Database db{(dir.path() / "test.db").string(), 1};
  void SetUp() override { registry().migrate(db); }
};

TEST_F(Schema, EveryColumnWithPersonalDataIsCoveredByAComponent) {
  const auto problems =
      db.read([](storage::Connection& c) { return check_personal_data_coverage(registry(), c); });
  EXPECT_TRUE(problems.empty()) << ::testing::PrintToString(problems);
}

TEST_F(Schema, AComponentThatForgetsItsPersonalDataIsFound) {
  db.write([](storage::Connection& c) {
    c.exec(
        "CREATE TABLE petition_signatures (petition_id INTEGER, user_id INTEGER REFERENCES "
        "users(id), signer_email TEXT)");
  });
  auto components = registry().components();
  Component petitions;
  petitions.name = "petitions";
  components.push_back(petitions);
  const Registry with_petitions(components);
  auto problems = db.read(
      [&](storage::Connection& c) { return check_personal_data_coverage(with_petitions, c); });
  ASSERT_EQ(problems.size(), 2u) << ::testing::PrintToString(problems);
  EXPECT_NE(problems[0].find("petition_signatures.signer_email"), std::string::npos);
  EXPECT_NE(problems[1].find("petition_signatures.user_id"), std::string::npos);

  // Declared (exported and erased), the same table passes; a declared column
  // that does not exist is found too.
  components.back().personal_data = {
      {"petition_signatures",
       {"petition_signatures.user_id", "petition_signatures.signer_email",
        "petition_signatures.signed_at"},
       [](storage::Connection&, const Person&) { return boost::json::value(); },
       [](storage::Connection&, const Person&) {}}};
  const Registry declared(components);
  problems =
      db.read([&](storage::Connection& c) { return check_personal_data_coverage(declared, c); });
  ASSERT_EQ(problems.size(), 1u) << ::testing::PrintToString(problems);
  EXPECT_NE(problems[0].find("petition_signatures.signed_at"), std::string::npos);
}

TEST_F(Schema, ExportAndErasureRunOnTheWholeSchema) {
  const Person nobody{424242, {"nobody@example.org"}};
  db.write([&](storage::Connection& c) {
    const auto data = export_personal_data(registry(), c, nobody);
    for (const char* section : {"account", "comments", "survey_answers", "feedback_cases",
                                "notifications", "roles", "activity"}) {
      EXPECT_TRUE(data.contains(section)) << section;
    }
    erase_personal_data(registry(), c, nobody);
  });
}

TEST(Manifests, NamesAreUniqueAndSettingsDeclaredOnce) {
  Component a;
  a.name = "hearings";
  EXPECT_THROW(Registry({a, a}), std::logic_error);
  Component b;
  b.name = "Bad-Name";
  EXPECT_THROW(Registry({b}), std::logic_error);
  Component c;
  c.name = "c";
  c.settings = {{"hearing-min-days", "", Setting::Type::integer, "15", 1, 365}};
  auto all = registry().components();
  all.push_back(c);  // hearings declares --hearing-min-days already
  EXPECT_THROW(Registry{all}, std::logic_error);
}

TEST(Manifests, DataKeptOrNotExportedNeedsAReason) {
  Component c;
  c.name = "petitions";
  c.personal_data = {{"signatures",
                      {"petition_signatures.user_id"},
                      nullptr,
                      [](storage::Connection&, const Person&) {}}};
  EXPECT_THROW(Registry({c}), std::logic_error);
  c.personal_data.front().kept_because = "signatures are public by law";
  EXPECT_NO_THROW(Registry({c}));
}

TEST(Manifests, EverySearchKindHasALabelInEveryLanguage) {
  const web::Catalogues catalogues(registry().locale_dirs(testing::share_dir()));
  const auto kinds = registry().search_kinds();
  EXPECT_NE(std::find(kinds.begin(), kinds.end(), "survey"), kinds.end());
  for (const char* locale : {"th", "en"}) {
    for (const auto& kind : kinds) {
      EXPECT_TRUE(catalogues.get(locale).has("search.kinds." + kind)) << locale << " " << kind;
    }
  }
}

TEST(Manifests, OpenApiFragmentsMergeAndMayNotRedefine) {
  const auto document = registry().openapi(testing::share_dir());
  const auto& paths = document.at("paths").as_object();
  for (const char* path : {"/api/v1/organisations", "/api/v1/hearings", "/api/v1/feedback/cases",
                           "/api/v1/processes/{id}", "/api/v1/organisations/{id}/evidence"}) {
    EXPECT_TRUE(paths.contains(path)) << path;
  }
  EXPECT_TRUE(document.at("components").at("schemas").as_object().contains("FeedbackCase"));

  testing::TempDir share;
  share.write("api/openapi.json", R"({"openapi":"3.0.3","paths":{"/a":{}}})");
  share.write("src/features/one/openapi.json", R"({"paths":{"/b":{}}})");
  share.write("src/features/two/openapi.json", R"({"paths":{"/a":{}}})");
  Component one, two;
  one.name = "one";
  two.name = "two";
  EXPECT_EQ(Registry({one}).openapi(share.path()).at("paths").as_object().size(), 2u);
  EXPECT_THROW(Registry({one, two}).openapi(share.path()), std::runtime_error);
}

TEST(FiscalPeriods, RunFromOctoberToSeptemberInThailand) {
  const auto p = fiscal_period(2569);
  EXPECT_EQ(p.year_be, 2569);
  EXPECT_EQ(p.first_day, "2025-10-01");
  EXPECT_EQ(p.last_day, "2026-09-30");
  // Midnight in Thailand is 17:00 UTC the day before.
  EXPECT_EQ(p.from_utc, "2025-09-30T17:00:00.000Z");
  EXPECT_EQ(p.until_utc, "2026-09-30T17:00:00.000Z");
}

}  // namespace
}  // namespace ruamkit::features

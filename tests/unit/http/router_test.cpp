#include "http/router.h"

#include <gtest/gtest.h>

#include "http/error.h"

namespace ruamkit::http {
namespace {

Request make(std::string method, std::string path) {
  Request r;
  r.method = std::move(method);
  r.path = std::move(path);
  return r;
}

Handler answer(std::string text) {
  return [text](Request& req) {
    std::string body = text;
    for (const auto& [k, v] : req.path_params) body += " " + k + "=" + v;
    return Response::text(body);
  };
}

class RouterTest : public ::testing::Test {
 protected:
  void SetUp() override {
    router.get("/", answer("home"));
    router.get("/spaces/{id}", answer("space"));
    router.post("/spaces/{id}", answer("update"));
    router.get("/spaces/{id}/phases/{phase}", answer("phase"));
    router.get("/files/{rest...}", answer("file"));
  }
  Router router;
};

TEST_F(RouterTest, MatchesLiteralAndParameterSegments) {
  auto home = make("GET", "/");
  EXPECT_EQ(router.dispatch(home).body, "home");
  auto space = make("GET", "/spaces/42");
  EXPECT_EQ(router.dispatch(space).body, "space id=42");
  auto phase = make("GET", "/spaces/7/phases/hearing");
  EXPECT_EQ(router.dispatch(phase).body, "phase id=7 phase=hearing");
}

TEST_F(RouterTest, RestParameterTakesTheRemainingPath) {
  auto file = make("GET", "/files/css/app.css");
  EXPECT_EQ(router.dispatch(file).body, "file rest=css/app.css");
}

TEST_F(RouterTest, DispatchesByMethod) {
  auto update = make("POST", "/spaces/42");
  EXPECT_EQ(router.dispatch(update).body, "update id=42");
}

TEST_F(RouterTest, HeadFallsBackToGet) {
  auto head = make("HEAD", "/spaces/3");
  EXPECT_EQ(router.dispatch(head).body, "space id=3");
}

TEST_F(RouterTest, UnknownPathIs404) {
  for (const char* path : {"/nope", "/spaces", "/spaces/", "/spaces/1/extra", "//"}) {
    auto req = make("GET", path);
    try {
      router.dispatch(req);
      FAIL() << path << " matched";
    } catch (const HttpError& e) {
      EXPECT_EQ(e.status(), 404) << path;
    }
  }
}

TEST_F(RouterTest, WrongMethodIs405WithAllow) {
  auto req = make("DELETE", "/spaces/1");
  try {
    router.dispatch(req);
    FAIL() << "DELETE matched";
  } catch (const HttpError& e) {
    EXPECT_EQ(e.status(), 405);
    EXPECT_EQ(e.headers().get("Allow").value_or(""), "GET, HEAD, POST");
  }
}

TEST(Router, RefusesDuplicateAndMalformedPatterns) {
  Router router;
  router.get("/a", answer("a"));
  EXPECT_THROW(router.get("/a", answer("again")), std::invalid_argument);
  EXPECT_THROW(router.get("no-slash", answer("x")), std::invalid_argument);
  EXPECT_THROW(router.get("/{rest...}/more", answer("x")), std::invalid_argument);
}

TEST(RouterOrder, ALiteralSegmentWinsOverAParameterWhateverTheOrderOfRegistration) {
  Router router;
  router.get("/notifications/{id}", [](Request&) { return Response::text("one"); });
  router.get("/notifications/settings", [](Request&) { return Response::text("settings"); });
  router.get("/notifications/{id}/{rest...}", [](Request&) { return Response::text("rest"); });
  Request r;
  r.method = "GET";
  r.path = "/notifications/settings";
  EXPECT_EQ(router.dispatch(r).body, "settings");
  r.path = "/notifications/12";
  EXPECT_EQ(router.dispatch(r).body, "one");
  EXPECT_EQ(r.path_param("id"), "12");
  r.path = "/notifications/12/x/y";
  EXPECT_EQ(router.dispatch(r).body, "rest");
}

}  // namespace
}  // namespace ruamkit::http

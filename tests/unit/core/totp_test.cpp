#include "core/totp.h"

#include <gtest/gtest.h>

#include <cstdint>
#include <stdexcept>
#include <string>
#include <vector>

namespace ruamkit::core {
namespace {

std::vector<unsigned char> bytes(std::string_view text) { return {text.begin(), text.end()}; }

// The RFC 4226 / RFC 6238 SHA1 test key "12345678901234567890" in base32.
constexpr std::string_view kRfcSecret = "GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ";

// RFC 6238's time 1234567890 is the first second of step 41152263; kMidStep is
// 15 seconds into that step.
constexpr std::int64_t kStep = 41152263;
constexpr std::int64_t kMidStep = kStep * 30 + 15;

TEST(Totp, Rfc6238AppendixBSha1Vectors) {
  const auto key = bytes("12345678901234567890");
  struct Vector {
    std::int64_t time;
    const char* code;
  };
  const Vector vectors[] = {
      {59, "94287082"},         {1111111109, "07081804"}, {1111111111, "14050471"},
      {1234567890, "89005924"}, {2000000000, "69279037"}, {20000000000, "65353130"},
  };
  for (const auto& v : vectors) {
    SCOPED_TRACE(v.time);
    EXPECT_EQ(hotp(key, static_cast<std::uint64_t>(v.time / 30), 8), v.code);
    // The 6-digit code is the same number modulo 10^6: the last six digits.
    EXPECT_EQ(totp_at(kRfcSecret, v.time), std::string(v.code).substr(2));
  }
}

TEST(Totp, Rfc4226AppendixDHotpValues) {
  const auto key = bytes("12345678901234567890");
  const char* expected[] = {"755224", "287082", "359152", "969429", "338314",
                            "254676", "287922", "162583", "399871", "520489"};
  for (std::uint64_t counter = 0; counter < 10; ++counter) {
    EXPECT_EQ(hotp(key, counter), expected[counter]) << "counter " << counter;
  }
}

TEST(Totp, HotpRefusesUnsupportedDigitCounts) {
  const auto key = bytes("12345678901234567890");
  EXPECT_THROW(hotp(key, 0, 5), std::invalid_argument);
  EXPECT_THROW(hotp(key, 0, 9), std::invalid_argument);
  EXPECT_EQ(hotp(key, 0, 7), "4755224");
}

TEST(Totp, TotpAtRefusesBadSecretsAndTimes) {
  EXPECT_THROW(totp_at("not base32!", 59), std::invalid_argument);
  EXPECT_THROW(totp_at("", 59), std::invalid_argument);
  EXPECT_THROW(totp_at(kRfcSecret, -1), std::invalid_argument);
  // Case, spaces and padding in the stored secret do not matter.
  EXPECT_EQ(totp_at("gezd gnbv gy3t qojq gezd gnbv gy3t qojq", 59), "287082");
}

TEST(Totp, NewSecretIsTwentyRandomBytesInBase32) {
  const std::string a = new_totp_secret();
  const std::string b = new_totp_secret();
  EXPECT_EQ(a.size(), 32u);
  EXPECT_EQ(a.find_first_not_of("ABCDEFGHIJKLMNOPQRSTUVWXYZ234567"), std::string::npos);
  const auto decoded = base32_decode(a);
  ASSERT_TRUE(decoded.has_value());
  EXPECT_EQ(decoded->size(), 20u);
  EXPECT_NE(a, b);
}

TEST(Totp, VerifyAcceptsCurrentStepAndOneStepOfDrift) {
  // Codes of the RFC key around kStep (all distinct):
  // 41152262 "980357", 41152263 "005924", 41152264 "590587".
  EXPECT_EQ(verify_totp(kRfcSecret, "005924", kMidStep, -1), kStep);
  // The phone is one step behind or ahead of the server.
  EXPECT_EQ(verify_totp(kRfcSecret, "980357", kMidStep, -1), kStep - 1);
  EXPECT_EQ(verify_totp(kRfcSecret, "590587", kMidStep, -1), kStep + 1);
  // The same code seen from the server's side of the drift.
  EXPECT_EQ(verify_totp(kRfcSecret, "005924", kMidStep + 30, -1), kStep);
  EXPECT_EQ(verify_totp(kRfcSecret, "005924", kMidStep - 30, -1), kStep);
  // Step boundaries: the first and last second of the step.
  EXPECT_EQ(verify_totp(kRfcSecret, "005924", kStep * 30, -1), kStep);
  EXPECT_EQ(verify_totp(kRfcSecret, "005924", kStep * 30 + 29, -1), kStep);
}

TEST(Totp, VerifyRefusesTwoStepsOfDrift) {
  EXPECT_EQ(verify_totp(kRfcSecret, "005924", kMidStep + 60, -1), std::nullopt);
  EXPECT_EQ(verify_totp(kRfcSecret, "005924", kMidStep - 60, -1), std::nullopt);
  // 41152261 "186057" and 41152265 "240500" are two steps away from kStep.
  EXPECT_EQ(verify_totp(kRfcSecret, "186057", kMidStep, -1), std::nullopt);
  EXPECT_EQ(verify_totp(kRfcSecret, "240500", kMidStep, -1), std::nullopt);
}

TEST(Totp, VerifyRefusesReplay) {
  // Once step kStep has been used, its code (and older ones) are spent...
  EXPECT_EQ(verify_totp(kRfcSecret, "005924", kMidStep, kStep), std::nullopt);
  EXPECT_EQ(verify_totp(kRfcSecret, "005924", kMidStep, kStep + 1), std::nullopt);
  EXPECT_EQ(verify_totp(kRfcSecret, "980357", kMidStep, kStep), std::nullopt);
  EXPECT_EQ(verify_totp(kRfcSecret, "005924", kMidStep + 30, kStep), std::nullopt);
  // ...but a newer step's code is still good, and an older last use is no obstacle.
  EXPECT_EQ(verify_totp(kRfcSecret, "590587", kMidStep, kStep), kStep + 1);
  EXPECT_EQ(verify_totp(kRfcSecret, "005924", kMidStep, kStep - 1), kStep);
}

TEST(Totp, VerifyAcceptsSpacesAndRefusesMalformedCodes) {
  EXPECT_EQ(verify_totp(kRfcSecret, "005 924", kMidStep, -1), kStep);
  EXPECT_EQ(verify_totp(kRfcSecret, " 00 59 24 ", kMidStep, -1), kStep);
  for (const char* bad :
       {"", "      ", "05924", "0059240", "00592a", "005-924", "005924\n", "-05924", "+05924",
        "\xEF\xBC\x90"
        "05924" /* fullwidth 0 */}) {
    EXPECT_EQ(verify_totp(kRfcSecret, bad, kMidStep, -1), std::nullopt) << '"' << bad << '"';
  }
  EXPECT_EQ(verify_totp(kRfcSecret, std::string_view("005924\0", 7), kMidStep, -1), std::nullopt);
  EXPECT_EQ(verify_totp(kRfcSecret, "005924", -1, -1), std::nullopt);
}

TEST(Totp, VerifyThrowsOnCorruptSecret) {
  EXPECT_THROW(verify_totp("GEZD1", "005924", kMidStep, -1), std::invalid_argument);
  EXPECT_THROW(verify_totp("", "005924", kMidStep, -1), std::invalid_argument);
}

TEST(Totp, VerifyAtTheStartOfTimeSkipsNegativeSteps) {
  // Step 0 is "755224", step 1 is "287082".
  EXPECT_EQ(verify_totp(kRfcSecret, "755224", 0, -1), 0);
  EXPECT_EQ(verify_totp(kRfcSecret, "287082", 0, -1), 1);
  EXPECT_EQ(verify_totp(kRfcSecret, "755224", 0, 0), std::nullopt);
}

TEST(Totp, OtpauthUriForAsciiNames) {
  EXPECT_EQ(otpauth_uri("Ruamkit", "somchai@example.go.th", kRfcSecret),
            "otpauth://totp/Ruamkit:somchai%40example.go.th?secret="
            "GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ&issuer=Ruamkit&algorithm=SHA1&digits=6&period=30");
  // Spaces become %20 (never '+'); the secret is written canonically.
  EXPECT_EQ(otpauth_uri("ACME Co", "a&b=c?d", "gezd gnbv gy3t qojq gezd gnbv gy3t qojq===="),
            "otpauth://totp/ACME%20Co:a%26b%3Dc%3Fd?secret="
            "GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ&issuer=ACME%20Co&algorithm=SHA1&digits=6&period=30");
}

TEST(Totp, OtpauthUriForThaiNames) {
  EXPECT_EQ(otpauth_uri("ร่วมคิด", "สมชาย ใจดี@example.go.th", kRfcSecret),
            "otpauth://totp/%E0%B8%A3%E0%B9%88%E0%B8%A7%E0%B8%A1%E0%B8%84%E0%B8%B4%E0%B8%94:"
            "%E0%B8%AA%E0%B8%A1%E0%B8%8A%E0%B8%B2%E0%B8%A2%20%E0%B9%83%E0%B8%88%E0%B8%94%E0%B8%B5"
            "%40example.go.th?secret=GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ"
            "&issuer=%E0%B8%A3%E0%B9%88%E0%B8%A7%E0%B8%A1%E0%B8%84%E0%B8%B4%E0%B8%94"
            "&algorithm=SHA1&digits=6&period=30");
}

TEST(Totp, OtpauthUriRefusesBadInput) {
  EXPECT_THROW(otpauth_uri("", "a", kRfcSecret), std::invalid_argument);
  EXPECT_THROW(otpauth_uri("Ruamkit", "", kRfcSecret), std::invalid_argument);
  EXPECT_THROW(otpauth_uri("Ruam:kit", "a", kRfcSecret), std::invalid_argument);
  EXPECT_THROW(otpauth_uri("Ruamkit", "a:b", kRfcSecret), std::invalid_argument);
  EXPECT_THROW(otpauth_uri("Ruamkit\xE0\xB8", "a", kRfcSecret), std::invalid_argument);
  EXPECT_THROW(otpauth_uri("Ruamkit", "a", "GEZD1"), std::invalid_argument);
  EXPECT_THROW(otpauth_uri("Ruamkit", "a", ""), std::invalid_argument);
}

TEST(Base32, Rfc4648TestVectors) {
  struct Vector {
    const char* plain;
    const char* unpadded;
    const char* padded;
  };
  const Vector vectors[] = {
      {"", "", ""},
      {"f", "MY", "MY======"},
      {"fo", "MZXQ", "MZXQ===="},
      {"foo", "MZXW6", "MZXW6==="},
      {"foob", "MZXW6YQ", "MZXW6YQ="},
      {"fooba", "MZXW6YTB", "MZXW6YTB"},
      {"foobar", "MZXW6YTBOI", "MZXW6YTBOI======"},
  };
  for (const auto& v : vectors) {
    SCOPED_TRACE(v.plain);
    EXPECT_EQ(base32_encode(bytes(v.plain)), v.unpadded);
    EXPECT_EQ(base32_decode(v.unpadded), bytes(v.plain));
    EXPECT_EQ(base32_decode(v.padded), bytes(v.plain));
  }
  EXPECT_EQ(base32_encode(bytes("12345678901234567890")), kRfcSecret);
}

TEST(Base32, DecodeAcceptsLowerCaseAndSpaces) {
  EXPECT_EQ(base32_decode("mzxw6ytboi"), bytes("foobar"));
  EXPECT_EQ(base32_decode("MzXw 6yTb oI=="), bytes("foobar"));
  EXPECT_EQ(base32_decode("  "), std::vector<unsigned char>{});
}

TEST(Base32, DecodeRefusesMalformedInput) {
  for (const char* bad : {"MZXW6YTB1", "MZXW0", "MZXW8", "MZ-XW", "MY=A", "MY==MY", "M", "MZX",
                          "MZXW6Y", "MZXW6YTBM", "MZ\tXW", "\xE0\xB8\x81"}) {
    EXPECT_EQ(base32_decode(bad), std::nullopt) << '"' << bad << '"';
  }
}

TEST(Base32, RoundTripsEveryByteAndLength) {
  std::vector<unsigned char> data;
  for (int i = 0; i < 300; ++i) {
    const auto encoded = base32_encode(data);
    EXPECT_EQ(encoded.size(), (data.size() * 8 + 4) / 5);
    EXPECT_EQ(base32_decode(encoded), data) << "length " << data.size();
    data.push_back(static_cast<unsigned char>((i * 151 + 7) & 0xFF));
  }
}

}  // namespace
}  // namespace ruamkit::core

#include "features/pages/opdc_seed.h"

#include <gtest/gtest.h>

#include <cstdlib>
#include <fstream>
#include <sstream>
#include <string>

namespace ruamkit::features::pages {
namespace {

// The text of demo/opdc-pages/`name` under RUAMKIT_SHARE_DIR (else the
// current directory), or "" when it cannot be read.
std::string read_page(const std::string& name) {
  const char* env = std::getenv("RUAMKIT_SHARE_DIR");
  const std::string path = std::string(env ? env : ".") + "/demo/opdc-pages/" + name;
  std::ifstream in(path, std::ios::binary);
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

SeedPage parse_file(const std::string& name) {
  const std::string text = read_page(name);
  EXPECT_FALSE(text.empty()) << "cannot read " << name << " (set RUAMKIT_SHARE_DIR)";
  const std::optional<SeedPage> page = parse_opdc_page(text);
  EXPECT_TRUE(page.has_value()) << name;
  return page.value_or(SeedPage{});
}

bool has(const std::string& text, const std::string& part) {
  return text.find(part) != std::string::npos;
}

bool starts(const std::string& text, const std::string& prefix) { return text.starts_with(prefix); }
bool ends(const std::string& text, const std::string& suffix) { return text.ends_with(suffix); }

// What every extracted body must satisfy.
void expect_clean_body(const SeedPage& page) {
  const std::string& body = page.body_markdown;
  ASSERT_FALSE(body.empty());
  EXPECT_TRUE(has(body, "การมีส่วนร่วม"));
  for (const char* boilerplate :
       {"Logo of OPDC", "สงวนลิขสิทธิ์", "Advertisements", "พิมพ์หน้านี้", "แชร์หน้านี้", "Share",
        "Slides:", "ผู้รับผิดชอบ:", "เผยแพร่ข้อมูลเมื่อ", "RSS feed", "opdc.go.th", "ถนนพิษณุโลก",
        "งานนำเสนอที่คล้ายกัน", "ใบสำเนางานนำเสนอ"}) {
    EXPECT_FALSE(has(body, boilerplate)) << boilerplate;
  }
  // Nothing a renderer could take for HTML, no stray whitespace or controls.
  EXPECT_EQ(body.find('<'), std::string::npos);
  EXPECT_EQ(body.find('\r'), std::string::npos);
  EXPECT_EQ(body.find('\t'), std::string::npos);
  EXPECT_FALSE(has(body, "\u00a0\n")) << "trailing no-break space";
  EXPECT_FALSE(has(body, "\n\u00a0")) << "leading no-break space";
  EXPECT_FALSE(has(body, "\n\n\n"));
  EXPECT_FALSE(has(body, " \n"));
  EXPECT_NE(body.front(), '\n');
  EXPECT_NE(body.back(), '\n');
  EXPECT_NE(body.back(), ' ');
  // The title is not repeated as the first line of the body.
  EXPECT_FALSE(starts(body, page.title + "\n"));
}

TEST(ParseThaiDate, FullMonthNames) {
  EXPECT_EQ(parse_thai_date("27 สิงหาคม 2553"), "2010-08-27");
  EXPECT_EQ(parse_thai_date("13 ธันวาคม 2550"), "2007-12-13");
  EXPECT_EQ(parse_thai_date("25 กุมภาพันธ์ 2563"), "2020-02-25");
  EXPECT_EQ(parse_thai_date("9 พฤศจิกายน 2553"), "2010-11-09");
  const char* months[] = {"มกราคม",  "กุมภาพันธ์", "มีนาคม",  "เมษายน", "พฤษภาคม",  "มิถุนายน",
                          "กรกฎาคม", "สิงหาคม",  "กันยายน", "ตุลาคม",  "พฤศจิกายน", "ธันวาคม"};
  for (int m = 1; m <= 12; ++m) {
    const std::string expected =
        "2024-" + std::string(m < 10 ? "0" : "") + std::to_string(m) + "-01";
    EXPECT_EQ(parse_thai_date(std::string("1 ") + months[m - 1] + " 2567"), expected) << m;
  }
}

TEST(ParseThaiDate, AbbreviatedMonthNames) {
  EXPECT_EQ(parse_thai_date("27 ส.ค. 2553"), "2010-08-27");
  EXPECT_EQ(parse_thai_date("27 ส.ค 2553"), "2010-08-27");
  const char* months[] = {"ม.ค.", "ก.พ.", "มี.ค.", "เม.ย.", "พ.ค.", "มิ.ย.",
                          "ก.ค.", "ส.ค.", "ก.ย.", "ต.ค.",  "พ.ย.", "ธ.ค."};
  for (int m = 1; m <= 12; ++m) {
    const std::string expected =
        "2020-" + std::string(m < 10 ? "0" : "") + std::to_string(m) + "-15";
    EXPECT_EQ(parse_thai_date(std::string("15 ") + months[m - 1] + " 2563"), expected) << m;
  }
}

TEST(ParseThaiDate, AcceptsCommonVariants) {
  EXPECT_EQ(parse_thai_date("  27\u00a0สิงหาคม   2553 "), "2010-08-27");
  EXPECT_EQ(parse_thai_date("27 สิงหาคม พ.ศ. 2553"), "2010-08-27");
  EXPECT_EQ(parse_thai_date("27 สิงหาคม พ.ศ.2553"), "2010-08-27");
  EXPECT_EQ(parse_thai_date("๒๗ สิงหาคม ๒๕๕๓"), "2010-08-27");
  EXPECT_EQ(parse_thai_date("05 กรกฏาคม 2560"), "2017-07-05");  // the common misspelling
  EXPECT_EQ(parse_thai_date("29 ก.พ. 2563"), "2020-02-29");     // 2020 is a leap year
}

TEST(ParseThaiDate, RejectsWhatIsNotSuchADate) {
  for (const char* bad : {"",
                          "   ",
                          "27",
                          "27 สิงหาคม",
                          "สิงหาคม 2553",
                          "27 2553",
                          "27 August 2553",
                          "27 สิงหา 2553",
                          "0 มกราคม 2553",
                          "32 มกราคม 2553",
                          "31 เมษายน 2553",
                          "29 ก.พ. 2562",
                          "27 สิงหาคม 53",
                          "27 สิงหาคม 25530",
                          "27 สิงหาคม 2010",
                          "27 สิงหาคม 2553 16:39:08",
                          "เมื่อ 27 สิงหาคม 2553",
                          "27 สิงหาคม 2553,",
                          "-1 มกราคม 2553",
                          "127 มกราคม 2553",
                          "2553-08-27"}) {
    EXPECT_EQ(parse_thai_date(bad), std::nullopt) << bad;
  }
}

TEST(ParseOpdcPage, Page000PortalLayout) {
  const SeedPage page = parse_file("000_7079b69594004524.txt");
  EXPECT_EQ(page.title, "ที่มา 2553");
  EXPECT_EQ(page.published_on, "2010-08-27");
  EXPECT_EQ(page.source_section,
            "ยุทธศาสตร์ปี 2551-2555 / ประเด็นยุทธศาสตร์ที่ 2 (มีส่วนร่วม) / "
            "การบริหารราชการแบบมีส่วนร่วม / ที่มา 2553");
  expect_clean_body(page);
  const std::string& body = page.body_markdown;
  EXPECT_TRUE(starts(body, "การบริหารราชการแบบมีส่วนร่วม\n\n1.1 ในช่วงที่ผ่านมาได้มีการสร้างความรู้"));
  EXPECT_TRUE(ends(body,
                   "รวมทั้งจัดทำข้อเสนอแนะเกี่ยวกับการส่งเสริมการมีส่วนร่วมของประชาชนในการบริหารราชการ "
                   "เพื่อนำไปประยุกต์ใช้ต่อไป"));
  EXPECT_TRUE(has(body, "\n\n1.2 การบริหารราชการแบบมีส่วนร่วมระดับจังหวัด"));
  EXPECT_TRUE(has(body, "ทั้ง 75 จังหวัด (ภาพที่ 2-31)\n\nจาก การประเมินผล"));
  // A wrap inside a Thai word is joined, without a space.
  EXPECT_TRUE(has(body, "ด้านทรัพยากรธรรมชาติและสิ่งแวดล้อม"));
  EXPECT_TRUE(has(body, "เข้ามามีส่วนร่วมในการบริหารราชการ และการพัฒนาแนวทาง"));
  for (const char* footer :
       {"หน้าหลัก", "คำถามที่พบบ่อย", "หนังสือเวียน", "ศูนย์ความรู้", "W3C", "Slocan", "ปรับปรุงข้อมูลล่าสุดเมื่อ"}) {
    EXPECT_FALSE(has(body, footer)) << footer;
  }
}

TEST(ParseOpdcPage, Page001PortalLayoutWithLists) {
  const SeedPage page = parse_file("001_bc420602be97d697.txt");
  EXPECT_EQ(page.title, "ผลการดำเนินงานด้านการบริหารราชการแบบมีส่วนร่วม");
  EXPECT_EQ(page.published_on, "2007-12-13");
  EXPECT_EQ(page.source_section,
            "ยุทธศาสตร์ปี 2551-2555 / ประเด็นยุทธศาสตร์ที่ 4 (ดี) / "
            "การตรวจสอบและประเมินผลภาคราชการ / ผลการดำเนินงานด้านการบริหารราชการแบบมีส่วนร่วม");
  expect_clean_body(page);
  const std::string& body = page.body_markdown;
  EXPECT_TRUE(starts(body,
                     "1. การพัฒนาระบบราชการสู่การบริหารราชการแบบมีส่วนร่วม (Inside-out approach)\n\n"
                     "การพัฒนาระบบราชการและข้าราชการให้ปรับเปลี่ยน"));
  EXPECT_TRUE(ends(body,
                   "แต่ก็จะต้องทดแทนด้วยการประกาศเป็นโยบายสำคัญของรัฐบาล เช่น "
                   "ในมลรัฐควีนแลนด์ ประเทศออสเตรเลีย"));
  EXPECT_TRUE(has(body, "ตัวชี้วัด"));
  EXPECT_TRUE(has(body, "(Dr. Dianne Guthrie)"));
  // "•" bullets become list items, nested under the numbered item they follow.
  EXPECT_FALSE(has(body, "•"));
  EXPECT_TRUE(has(body,
                  "3. การพัฒนาและสร้างความรู้ความเข้าใจการบริหารราชการแบบมีส่วนร่วมสำหรับส่วนราชการ\n\n"
                  "   - พัฒนาหลักสูตรการฝึกอบรมการบริหารราชการแผ่นดิน แบบมีส่วนร่วมสำหรับข้าราชการทุกระดับ\n"
                  "   - ควรทบทวนและพัฒนาปรับปรุงหลักสูตร"));
  EXPECT_TRUE(has(body,
                  "ผลการดำเนินโครงการนี้ได้นำไปสู่ผลลัพธ์ ดังนี้\n\n"
                  "- ทุกภาคส่วนของสังคมทราบ ตระหนัก และมีความเข้าใจเรื่องการพัฒนาระบบราชการมากขึ้น\n"
                  "- เกิดการเรียนรู้ร่วมกัน"));
  EXPECT_TRUE(has(body,
                  "เกณฑ์การให้คะแนนปี 2549 เป็น 5 ระดับ ดังนี้\n\n"
                  "1. เป็นส่วนราชการที่เปิดเผยข้อมูลและโปร่งใส"));
  EXPECT_TRUE(has(body, "\n5. ความสำเร็จในการสร้างระบบการรายงานผลงาน"));
}

TEST(ParseOpdcPage, Page002MenuHeavyPortalPage) {
  const SeedPage page = parse_file("002_0016db2e3608b671.txt");
  EXPECT_EQ(page.title, "การบริหารงานภาครัฐแบบมีส่วนร่วม");
  EXPECT_EQ(page.published_on, "");  // the page states none
  EXPECT_EQ(page.source_section, "");
  expect_clean_body(page);
  const std::string& body = page.body_markdown;
  EXPECT_TRUE(starts(body, "บริบทและสภาพแวดล้อมที่เปลี่ยนแปลงของสังคมโลกในปัจจุบัน"));
  EXPECT_TRUE(ends(body,
                   "รวมทั้ง ผลของการพัฒนาที่เกิดประโยชน์ต่อคุณภาพชีวิตของคนในชุมชน สังคม "
                   "และประเทศชาติอย่างยั่งยืน"));
  EXPECT_TRUE(has(body, "\n\nจะสร้างการมีส่วนร่วมของประชาชนอย่างไรให้มีคุณภาพ\n\n"));
  EXPECT_TRUE(has(body, "Public Participation Spectrum"));
  // Text runs split over lines by the dump are put back together.
  EXPECT_TRUE(has(body, "ได้ให้ความหมายไว้ว่า\n“การบริหารราชการแบบมีส่วนร่วม”\nหมายถึง"));
  EXPECT_TRUE(has(body, "บ้านเมืองแบบร่วมมือกัน (Collaborative Governance)\nที่เน้นการทำงานร่วมกัน"));
  EXPECT_TRUE(has(body, "จากภายในภาคราชการ (Inside-out Approach)\nโดยการส่งเสริม"));
  EXPECT_TRUE(has(body, "ประเทศไทย\n4.0"));
  // Neither the menu before the article nor the document list after it.
  for (const char* noise :
       {"เข้าสู่ระบบ", "(current)", "อำนาจหน้าที่", "ติดต่อเรา", "หนังสือเวียน", "OPDC News Clip",
        "แนวทางในการพัฒนาบริการเพื่อตอบสนองความต้องการของประชาชน", "MY BETTER COUNTRY", "กำหนดการประชุม",
        "ลิงค์ :", "EBOOK", "PDF", "สรุปบทเรียน", "รัฐโอเรกอน", "อันดับความสามารถในการแข่งขัน"}) {
    EXPECT_FALSE(has(body, noise)) << noise;
  }
}

TEST(ParseOpdcPage, Page003NewsItemDatedInItsFirstSentence) {
  const SeedPage page = parse_file("003_72730c0d62170e50.txt");
  EXPECT_EQ(page.title,
            "สำนักงาน ก.พ.ร. จัดการประชุมคณะอนุกรรมการพัฒนาระบบราชการเกี่ยวกับการพัฒนาและส่งเสริม"
            "การบริหารราชการแบบมีส่วนร่วม ครั้งที่ 2/2563");
  EXPECT_EQ(page.published_on, "2020-02-25");
  EXPECT_EQ(page.source_section, "");
  expect_clean_body(page);
  const std::string& body = page.body_markdown;
  EXPECT_TRUE(starts(body, "เมื่อวันที่ 25 กุมภาพันธ์ 2563 สำนักงาน ก.พ.ร. จัดการประชุม"));
  EXPECT_TRUE(ends(body,
                   "และนำเสนอแนวทางในการดำเนินการต่อไป\n\n"
                   "กลุ่มงานเลขานุการ ก.พ.ร. และการประชาสัมพันธ์ / จัดทำ"));
  EXPECT_TRUE(has(body,
                  "\n\n1. การส่งเสริมการมีส่วนร่วมเพื่อพัฒนาภาครัฐระบบเปิด "
                  "(Open Government Partnership: OGP)"));
  EXPECT_TRUE(has(body, "\n\n3. ที่ประชุมรับทราบ\n\n3.1 ผลการสมัคร"));
  EXPECT_TRUE(has(body, "โดยมีหน่วยงานส่งสมัครรับรางวัลฯ จำนวน 386 ผลงาน"));
  EXPECT_FALSE(has(body, "\u00a0"));  // the indentation was all no-break spaces
}

TEST(ParseOpdcPage, Page004SlideTranscript) {
  const SeedPage page = parse_file("004_28b7800d71145e6f.txt");
  EXPECT_EQ(page.title, "การบริหารราชการแบบมีส่วนร่วม");
  EXPECT_EQ(page.published_on, "");
  EXPECT_EQ(page.source_section, "");
  expect_clean_body(page);
  const std::string& body = page.body_markdown;
  EXPECT_TRUE(starts(body,
                     "การบริหารราชการแบบมีส่วนร่วม รศ.ดร.พัชรี สิโรรส คณะรัฐศาสตร์ มหาวิทยาลัยธรรมศาสตร์\n\n"
                     "หัวข้อการบรรยาย การบริหารราชการแบบมีส่วนร่วม (participatory governance) คืออะไร"));
  EXPECT_TRUE(ends(body, "คุณภาพของกระบวนการสานเสวนา (domination vs. deliberation)"));
  EXPECT_TRUE(has(body, "ระดับการเสริมอำนาจให้ประชาชน (empower)"));
  // "***…***" in the slide is literal text, not emphasis.
  EXPECT_TRUE(has(body, "apathy and ignorance \\*\\*\\*ไม่มีหนทาง"));
  EXPECT_TRUE(has(body, "(ไม่มีสูตรสำเร็จ)\\*\\*\\*"));
  for (const char* related : {"การติดตามและ ประเมินผลโครงการ", "สัมมนาทางการประกอบการธุรกิจ",
                              "ความรู้เรื่องประชาคมอาเซียน", "MTRD 427", "YRC LANNA"}) {
    EXPECT_FALSE(has(body, related)) << related;
  }
}

TEST(ParseOpdcPage, NoTitleGivesNullopt) {
  EXPECT_EQ(parse_opdc_page(""), std::nullopt);
  EXPECT_EQ(parse_opdc_page(" \n\u00a0\n\t\n"), std::nullopt);
  EXPECT_EQ(parse_opdc_page("แชร์หน้านี้\nเนื้อหา"), std::nullopt);
  EXPECT_EQ(parse_opdc_page("\n| ผู้รับผิดชอบ:\n\nเนื้อหา"), std::nullopt);
  EXPECT_EQ(parse_opdc_page("Slides:\nAdvertisements\nเนื้อหา"), std::nullopt);
  EXPECT_EQ(parse_opdc_page("หน้าหลัก | ติดต่อ | ผังเว็บไซต์\nสงวนลิขสิทธิ์โดยสำนักงาน"), std::nullopt);
  EXPECT_EQ(parse_opdc_page(std::string(301, 'x') + "\n\nเนื้อหา"), std::nullopt);
}

TEST(ParseOpdcPage, SyntheticPortalPage) {
  const SeedPage page = parse_opdc_page(
                            "Logo of OPDC | ภาษาไทย | English\n"
                            "หน้าหลัก | ติดต่อ | ผังเว็บไซต์\n"
                            "Share แชร์ พิมพ์หน้านี้\n"
                            "หมวด / เรื่อง\n\n"
                            "เรื่อง\n\n"
                            "| ผู้รับผิดชอบ: กลุ่มงานหนึ่ง\n\n"
                            "เรื่อง\n\n"
                            "ย่อหน้าแรกที่ตัด\nบรรทัด\n\n\n\n"
                            "\u00a0\n"
                            "ย่อหน้าที่สอง (Second)\nand more\n\n"
                            "เผยแพร่ข้อมูลเมื่อ 1 ม.ค. 2560 10:00:00 ปรับปรุงข้อมูลล่าสุดเมื่อ 2 ม.ค. 2560\n"
                            "ลิงค์ | RSS feed | คำถามที่พบบ่อย\n"
                            "สงวนลิขสิทธิ์\n")
                            .value();
  EXPECT_EQ(page.title, "เรื่อง");
  EXPECT_EQ(page.source_section, "หมวด / เรื่อง");
  EXPECT_EQ(page.published_on, "2017-01-01");
  EXPECT_EQ(page.body_markdown, "ย่อหน้าแรกที่ตัดบรรทัด\n\nย่อหน้าที่สอง (Second)\nand more");
}

TEST(ParseOpdcPage, SyntheticPortalPageWithoutTheResponsibleLine) {
  const auto page = parse_opdc_page(
      "หน้าหลัก | ติดต่อ | ผังเว็บไซต์\nShare แชร์ พิมพ์หน้านี้\nหมวด / เรื่อง\n\nเรื่อง\n\nเนื้อหา\n\n"
      "เผยแพร่ข้อมูลเมื่อ 31 ธ.ค. 2552 09:00:00\n");
  ASSERT_TRUE(page);
  EXPECT_EQ(page->title, "เรื่อง");
  EXPECT_EQ(page->source_section, "หมวด / เรื่อง");
  EXPECT_EQ(page->published_on, "2009-12-31");
  EXPECT_EQ(page->body_markdown, "เนื้อหา");
}

TEST(ParseOpdcPage, SyntheticPageWithoutPublicationLineEndsAtTheFooter) {
  const SeedPage page = parse_opdc_page(
                            "หัวข้อข่าว\n\nแชร์หน้านี้\n\nเนื้อข่าว\n\nลิงค์ | สมาชิกเครือข่าย | RSS feed\n"
                            "59/1 ถนนพิษณุโลก กรุงเทพฯ 10300 โทร. 02 356 9999 โทรสาร 02 281 7882\n")
                            .value();
  EXPECT_EQ(page.title, "หัวข้อข่าว");
  EXPECT_EQ(page.published_on, "");
  EXPECT_EQ(page.body_markdown, "เนื้อข่าว");
}

TEST(ParseOpdcPage, DateFromTheFirstSentenceOnly) {
  const auto dated = parse_opdc_page("ข่าว\nแชร์หน้านี้\n\nเมื่อวันที่ 5 มิ.ย. 2561 มีการประชุม");
  ASSERT_TRUE(dated);
  EXPECT_EQ(dated->published_on, "2018-06-05");
  const auto glued = parse_opdc_page("ข่าว\nแชร์หน้านี้\n\nวันที่25 ธันวาคม 2562, ประชุม");
  ASSERT_TRUE(glued);
  EXPECT_EQ(glued->published_on, "2019-12-25");
  // A date deep inside the first paragraph, or in a later one, is not the
  // page's date.
  const auto late = parse_opdc_page("ข่าว\nแชร์หน้านี้\n\n" + std::string(120, 'x') +
                                    " 5 มิถุนายน 2561\n\nเมื่อวันที่ 6 มิถุนายน 2561");
  ASSERT_TRUE(late);
  EXPECT_EQ(late->published_on, "");
}

TEST(ParseOpdcPage, FallsBackToTheFirstLineAsTitle) {
  const auto page = parse_opdc_page("\n  หัวข้อ  \n\nเนื้อหา\n");
  ASSERT_TRUE(page);
  EXPECT_EQ(page->title, "หัวข้อ");
  EXPECT_EQ(page->body_markdown, "เนื้อหา");
  EXPECT_EQ(page->published_on, "");
  EXPECT_EQ(page->source_section, "");
}

TEST(ParseOpdcPage, SlideTranscriptWithoutTheRelatedTitles) {
  const auto page = parse_opdc_page(
      "ชื่อสไลด์\n\nSlides:\n\nAdvertisements\nงานนำเสนอที่คล้ายกัน\nเรื่องอื่น\nAdvertisements\n\n"
      "เรื่องอื่นอีก\nใบสำเนางานนำเสนอ:\n\nสไลด์หนึ่ง\n\nสไลด์สอง");
  ASSERT_TRUE(page);
  EXPECT_EQ(page->title, "ชื่อสไลด์");
  EXPECT_EQ(page->body_markdown, "สไลด์หนึ่ง\n\nสไลด์สอง");
}

TEST(ParseOpdcPage, EscapesWhatWouldBecomeMarkdownByAccident) {
  const auto page = parse_opdc_page(
      "หัวข้อ\nแชร์หน้านี้\n\n"
      "# ไม่ใช่หัวข้อ\n\n"
      "> ไม่ใช่คำพูด\n\n"
      "|ไม่ใช่ตาราง\n\n"
      "***ไม่ใช่ตัวหนา*** และ a_b_c\n\n"
      "<b>ไม่ใช่ HTML</b> &amp; [ไม่ใช่ลิงก์](http://x) ~~ไม่ขีดฆ่า~~ `code` \\\n\n"
      "---\n\n"
      "=\n\n"
      "* รายการ\n• อีกรายการ\n- 1. ไม่ใช่รายการซ้อน\n\n"
      "1. รายการแรก\n2) รายการที่สอง");
  ASSERT_TRUE(page);
  EXPECT_EQ(page->body_markdown,
            "\\# ไม่ใช่หัวข้อ\n\n"
            "\\> ไม่ใช่คำพูด\n\n"
            "\\|ไม่ใช่ตาราง\n\n"
            "\\*\\*\\*ไม่ใช่ตัวหนา\\*\\*\\* และ a\\_b\\_c\n\n"
            "\\<b>ไม่ใช่ HTML\\</b> \\&amp; \\[ไม่ใช่ลิงก์\\](http://x) \\~\\~ไม่ขีดฆ่า\\~\\~ "
            "\\`code\\` \\\\\n\n"
            "\\---\n\n"
            "\\=\n\n"
            "- รายการ\n- อีกรายการ\n- 1\\. ไม่ใช่รายการซ้อน\n\n"
            "1. รายการแรก\n2) รายการที่สอง");
}

TEST(ParseOpdcPage, BulletsFollowingANumberedItemAreNestedInIt) {
  const auto page =
      parse_opdc_page("หัวข้อ\nแชร์หน้านี้\n\n12. ข้อสิบสอง\n\n  • ย่อยหนึ่ง\n  • ย่อยสอง\n\nย่อหน้า\n\n• ไม่ซ้อน");
  ASSERT_TRUE(page);
  EXPECT_EQ(page->body_markdown, "12. ข้อสิบสอง\n\n    - ย่อยหนึ่ง\n    - ย่อยสอง\n\nย่อหน้า\n\n- ไม่ซ้อน");
}

TEST(ParseOpdcPage, RebuildsParagraphsOfADumpWithOneLinePerTextRun) {
  const auto page = parse_opdc_page(
      "หัวข้อ\nแชร์หน้านี้\nหัวข้อ\n"
      "ย่อหน้าแรกซึ่งยาวพอสมควรและไม่ใช่ชิ้นส่วนของประโยค\n"
      "คำว่า\n“\nการมีส่วนร่วม\n”\nหมายถึงการทำงานร่วมกันของทุกภาคส่วนในสังคมไทย\n"
      "ย่อหน้าที่สองซึ่งยาวพอสมควรและจบด้วยวงเล็บเปิด (\nParticipatory Governance)\n"
      "ต่อจากวงเล็บ\n"
      "(1) ข้อหนึ่งที่ขึ้นต้นด้วยตัวเลขในวงเล็บ\n"
      "(ส่วนขยาย) ของข้อหนึ่ง");
  ASSERT_TRUE(page);
  EXPECT_EQ(page->body_markdown,
            "ย่อหน้าแรกซึ่งยาวพอสมควรและไม่ใช่ชิ้นส่วนของประโยค\nคำว่า\n"
            "“การมีส่วนร่วม”\nหมายถึงการทำงานร่วมกันของทุกภาคส่วนในสังคมไทย\n\n"
            "ย่อหน้าที่สองซึ่งยาวพอสมควรและจบด้วยวงเล็บเปิด (Participatory Governance)\n"
            "ต่อจากวงเล็บ\n\n"
            "(1) ข้อหนึ่งที่ขึ้นต้นด้วยตัวเลขในวงเล็บ\n(ส่วนขยาย) ของข้อหนึ่ง");
}

TEST(ParseOpdcPage, DropsATrailingListOfDocumentsWithItsTitles) {
  std::string paragraph;
  for (int i = 0; i < 20; ++i) paragraph += "การมีส่วนร่วม ";
  paragraph += "จบ";
  const auto page = parse_opdc_page("หัวข้อ\nแชร์หน้านี้\n" + paragraph + "\nหัวข้อย่อยสั้น\n" + paragraph +
                                    "\nเอกสารที่เกี่ยวข้อง\nคู่มือ\nลิงค์ :\nลงทะเบียน\n"
                                    "[\nEBOOK\n] [\nPDF\n]\n40\nข่าวอื่น");
  ASSERT_TRUE(page);
  EXPECT_EQ(page->body_markdown, paragraph + "\n\nหัวข้อย่อยสั้น\n\n" + paragraph);
}

}  // namespace
}  // namespace ruamkit::features::pages

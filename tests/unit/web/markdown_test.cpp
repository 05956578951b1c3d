#include "web/markdown.h"

#include <gtest/gtest.h>

#include <string>
#include <thread>
#include <vector>

namespace ruamkit::web {
namespace {

bool contains(const std::string& haystack, std::string_view needle) {
  return haystack.find(needle) != std::string::npos;
}

std::size_t code_points(std::string_view text) {
  std::size_t n = 0;
  for (char ch : text) n += (static_cast<unsigned char>(ch) & 0xC0) != 0x80;
  return n;
}

TEST(Markdown, RendersCommonMark) {
  EXPECT_EQ(render_markdown("Hello *world*, **bold** and `code`.", 0),
            "<p>Hello <em>world</em>, <strong>bold</strong> and <code>code</code>.</p>\n");
  EXPECT_EQ(render_markdown("- one\n- two\n"), "<ul>\n<li>one</li>\n<li>two</li>\n</ul>\n");
  EXPECT_EQ(render_markdown("```\nif (a < b) {}\n```\n"),
            "<pre><code>if (a &lt; b) {}\n</code></pre>\n");
}

TEST(Markdown, ShiftsHeadingsDown) {
  EXPECT_EQ(render_markdown("# Title\n\n## Part"), "<h2>Title</h2>\n<h3>Part</h3>\n");
  EXPECT_EQ(render_markdown("Title\n=====", 2), "<h3>Title</h3>\n");
  EXPECT_EQ(render_markdown("# Title", 0), "<h1>Title</h1>\n");
}

TEST(Markdown, KeepsHeadingsWithinH1ToH6) {
  EXPECT_EQ(render_markdown("##### Five\n\n###### Six"), "<h6>Five</h6>\n<h6>Six</h6>\n");
  EXPECT_EQ(render_markdown("# One", 1000), "<h6>One</h6>\n");
  EXPECT_EQ(render_markdown("### Three", -5), "<h1>Three</h1>\n");
}

TEST(Markdown, RendersTables) {
  const std::string html = render_markdown("| ชื่อ | คะแนน |\n|---|--:|\n| สมชาย | 12 |\n");
  EXPECT_TRUE(contains(html, "<table>")) << html;
  EXPECT_TRUE(contains(html, "<th>ชื่อ</th>")) << html;
  EXPECT_TRUE(contains(html, "<th align=\"right\">คะแนน</th>")) << html;
  EXPECT_TRUE(contains(html, "<td>สมชาย</td>")) << html;
  EXPECT_TRUE(contains(html, "<td align=\"right\">12</td>")) << html;
}

TEST(Markdown, LeavesPathologicalTablesAsText) {
  // Rows of thousands of pipes are quadratic to parse in cmark-gfm 0.29.0.gfm.6.
  const std::string wide = "| x |\n|---|\n" + std::string(20'000, '|') + "\n";
  EXPECT_FALSE(contains(render_markdown(wide), "<table>"));
  // A wide header over many short rows pads every row to the header's width.
  std::string padded = "a|b|c|d|e|f|g|h|i|j\n-|-|-|-|-|-|-|-|-|-\n";
  for (int i = 0; i < 20'000; ++i) padded += "x\n";
  const std::string html = render_markdown(padded);
  EXPECT_FALSE(contains(html, "<table>"));
  EXPECT_LT(html.size(), 2 * padded.size());
}

TEST(Markdown, RendersStrikethroughWithTwoTildes) {
  EXPECT_EQ(render_markdown("~~ยกเลิก~~ แล้ว"), "<p><del>ยกเลิก</del> แล้ว</p>\n");
  EXPECT_EQ(render_markdown("ประมาณ ~100 ถึง ~200 คน"), "<p>ประมาณ ~100 ถึง ~200 คน</p>\n");
}

TEST(Markdown, LinksBareUrls) {
  EXPECT_EQ(render_markdown("ดู https://example.org/a?b=1&c=2 ครับ"),
            "<p>ดู <a href=\"https://example.org/a?b=1&amp;c=2\" rel=\"nofollow noopener\">"
            "https://example.org/a?b=1&amp;c=2</a> ครับ</p>\n");
  EXPECT_TRUE(contains(render_markdown("www.example.org"),
                       "<a href=\"http://www.example.org\" rel=\"nofollow noopener\">"));
  EXPECT_TRUE(contains(render_markdown("somchai@example.go.th"),
                       "<a href=\"mailto:somchai@example.go.th\">somchai@example.go.th</a>"));
}

TEST(Markdown, MarksOnlyAbsoluteLinksAsExternal) {
  EXPECT_EQ(render_markdown("[a](/proposals/12) [b](#top) [c](HTTPS://x.org \"T\") [d](//x.org)"),
            "<p><a href=\"/proposals/12\">a</a> <a href=\"#top\">b</a> "
            "<a href=\"HTTPS://x.org\" rel=\"nofollow noopener\" title=\"T\">c</a> "
            "<a href=\"//x.org\" rel=\"nofollow noopener\">d</a></p>\n");
}

TEST(Markdown, DoesNotPassRawHtmlThrough) {
  const std::string block = render_markdown("<script>alert(1)</script>\n\nข้อความ");
  EXPECT_FALSE(contains(block, "<script")) << block;
  EXPECT_FALSE(contains(block, "alert")) << block;
  EXPECT_TRUE(contains(block, "<p>ข้อความ</p>")) << block;

  const std::string inline_html = render_markdown("a <img src=x onerror=alert(1)> b <b>c</b>");
  EXPECT_FALSE(contains(inline_html, "<img")) << inline_html;
  EXPECT_FALSE(contains(inline_html, "onerror")) << inline_html;
  EXPECT_FALSE(contains(inline_html, "<b>")) << inline_html;
  EXPECT_TRUE(contains(inline_html, "<!-- raw HTML omitted -->")) << inline_html;

  const std::string in_table = render_markdown("| a |\n|---|\n| <iframe src=x> |");
  EXPECT_FALSE(contains(in_table, "<iframe")) << in_table;
  // Text that looks like markup is escaped, never interpreted.
  EXPECT_EQ(render_markdown("\\<script> `<b>`"), "<p>&lt;script&gt; <code>&lt;b&gt;</code></p>\n");
}

TEST(Markdown, DropsDangerousLinksButKeepsTheirText) {
  EXPECT_EQ(render_markdown("[คลิก](javascript:alert(1))"), "<p>คลิก</p>\n");
  EXPECT_EQ(render_markdown("[a](JavaScript:x) [b](vbscript:x) [c](file:///etc/passwd) "
                            "[d](data:text/html,x) [e](&#106;avascript:x) [f](< javascript:x>)"),
            "<p>a b c d e f</p>\n");
  EXPECT_EQ(render_markdown("<javascript:alert(1)>"), "<p>javascript:alert(1)</p>\n");
  EXPECT_EQ(render_markdown("[x]: javascript:alert(1)\n\n[ref][x]"), "<p>ref</p>\n");
  EXPECT_EQ(render_markdown("![แผนที่](javascript:x) ![b](data:image/png;base64,AAAA)"),
            "<p>แผนที่ b</p>\n");
  EXPECT_EQ(render_markdown("[![in](javascript:a)](vbscript:b)"), "<p>in</p>\n");
  EXPECT_EQ(render_markdown("[ok](mailto:a@example.org) ![ok](/static/a.png)"),
            "<p><a href=\"mailto:a@example.org\">ok</a> <img src=\"/static/a.png\" alt=\"ok\" "
            "/></p>\n");
}

TEST(Markdown, KeepsThaiTextIntact) {
  const std::string thai = "ร่วมกันออกแบบนโยบายสาธารณะ เพื่อชุมชนที่น่าอยู่";
  EXPECT_EQ(render_markdown(thai), "<p>" + thai + "</p>\n");
  EXPECT_EQ(markdown_to_text(thai), thai);
}

TEST(Markdown, AcceptsAnyBytes) {
  EXPECT_EQ(render_markdown(std::string_view("a\0b\x01\x7f", 5)), "<p>ab\x7f</p>\n");
  EXPECT_EQ(render_markdown("\xff ok"), "<p>\xEF\xBF\xBD ok</p>\n");
  EXPECT_EQ(render_markdown(""), "");
  EXPECT_EQ(render_markdown("[unclosed](x *em"), "<p>[unclosed](x *em</p>\n");
}

TEST(Markdown, ExtractsText) {
  const std::string text = markdown_to_text(
      "# หัวข้อ\n\nย่อหน้า *แรก* กับ [ลิงก์](https://x.org)\nต่อบรรทัด\n\n"
      "- ข้อหนึ่ง\n- ข้อสอง\n\n"
      "| ก | ข |\n|---|---|\n| 1 | 2 |\n\n"
      "```\ncode\n```\n\n"
      "<div>ซ่อน</div>\n\n"
      "![รูป](a.png) &amp; ~~ลบ~~ &lt;b&gt;  \nบรรทัดใหม่\n\n---\n");
  EXPECT_EQ(text,
            "หัวข้อ\n\nย่อหน้า แรก กับ ลิงก์ ต่อบรรทัด\n\nข้อหนึ่ง\n\nข้อสอง\n\n"
            "ก ข\n\n1 2\n\ncode\n\nรูป & ลบ <b>\nบรรทัดใหม่");
}

TEST(Markdown, ExcerptKeepsShortTextWhole) {
  EXPECT_EQ(markdown_excerpt("# สวัสดี\n\n*ครับ*", 100), "สวัสดี ครับ");
  EXPECT_EQ(markdown_excerpt("exactly ten", 11), "exactly ten");
}

TEST(Markdown, ExcerptPrefersToCutAtASpace) {
  EXPECT_EQ(markdown_excerpt("The quick brown fox jumps", 12), "The quick…");
  EXPECT_EQ(markdown_excerpt("The quick brown fox jumps", 15), "The quick brown…");
  // No space in the second half: cut mid-word rather than lose most of the text.
  EXPECT_EQ(markdown_excerpt("a abcdefghijklmnop", 10), "a abcdefgh…");
}

TEST(Markdown, ExcerptNeverSplitsAThaiCharacter) {
  const std::string thai = "ผู้ใหญ่บ้านเชิญชาวบ้านร่วมประชุมเรื่องน้ำประปาหมู่บ้าน";
  for (std::size_t max = 0; max <= code_points(thai) + 1; ++max) {
    const std::string excerpt = markdown_excerpt(thai, max);
    if (excerpt == thai) {
      EXPECT_GE(max, code_points(thai));
      continue;
    }
    ASSERT_TRUE(excerpt.ends_with("…")) << max;
    const std::string kept = excerpt.substr(0, excerpt.size() - std::string("…").size());
    EXPECT_LE(code_points(kept), max);
    EXPECT_TRUE(thai.starts_with(kept)) << max << ": " << kept;
    // The next character is not a vowel or tone mark that belongs to the last one kept.
    const std::string rest = thai.substr(kept.size());
    for (std::string_view mark : {"ั", "ำ", "ิ", "ี", "ึ", "ื", "ุ", "ู", "็", "่", "้", "๊", "๋", "์"}) {
      EXPECT_FALSE(rest.starts_with(mark)) << max << ": " << kept;
    }
    // Nor did it end right after a leading vowel (เ แ โ ใ ไ).
    for (std::string_view vowel : {"เ", "แ", "โ", "ใ", "ไ"}) {
      EXPECT_FALSE(!kept.empty() && kept.ends_with(vowel)) << max << ": " << kept;
    }
  }
  // ผู้ is three code points: ผ, the vowel ู and the tone mark ้.
  EXPECT_EQ(markdown_excerpt("ผู้ใหญ่บ้าน", 2), "…");  // not "ผู" without its tone mark
  EXPECT_EQ(markdown_excerpt("ผู้ใหญ่บ้าน", 3), "ผู้…");
  EXPECT_EQ(markdown_excerpt("ผู้ใหญ่บ้าน", 4), "ผู้…");  // not "ผู้ใ"
}

TEST(Markdown, ExcerptCutsThaiAtASpace) {
  EXPECT_EQ(markdown_excerpt("ประชุมสภา วันจันทร์ที่ 23", 14), "ประชุมสภา…");
}

TEST(Markdown, RendersFromManyThreads) {
  const std::string input =
      "# ข่าว\n\n~~old~~ new www.example.org\n\n| a | b |\n|---|---|\n| 1 | 2 |";
  const std::string expected = render_markdown(input);
  std::vector<std::thread> threads;
  std::vector<int> mismatches(4, 0);
  for (int t = 0; t < 4; ++t) {
    threads.emplace_back([&, t] {
      for (int i = 0; i < 300; ++i) {
        if (render_markdown(input) != expected) ++mismatches[t];
        if (markdown_to_text(input).empty()) ++mismatches[t];
      }
    });
  }
  for (auto& thread : threads) thread.join();
  for (int t = 0; t < 4; ++t) EXPECT_EQ(mismatches[t], 0) << "thread " << t;
}

}  // namespace
}  // namespace ruamkit::web

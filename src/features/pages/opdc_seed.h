// Seed pages for the demo: published information pages of the Office of the
// Public Sector Development Commission (OPDC, สำนักงาน ก.พ.ร.), extracted from
// plain-text dumps of the original web pages (demo/opdc-pages/).
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace ruamkit::features::pages {

struct SeedPage {
  std::string title;
  // The page's own content as CommonMark (GFM-safe): blocks separated by one
  // blank line, "•" bullets as "- " items (nested under a preceding "3. …"
  // item), "1. " lines kept as ordered items, characters that would become
  // Markdown syntax by accident backslash-escaped. No site boilerplate.
  std::string body_markdown;
  std::string published_on;    // ISO date in the Common Era ("2010-08-27"), or ""
  std::string source_section;  // the breadcrumb ("… / … / …") where the page has one, or ""
};

// Extracts the page from the text of one OPDC page dump. Layouts are
// recognised by markers, not by file name:
//  - portal pages: header menus, "Share แชร์ พิมพ์หน้านี้", a breadcrumb
//    ("a / b / c"), the title, "| ผู้รับผิดชอบ:", the body, then a line
//    "เผยแพร่ข้อมูลเมื่อ <date> …" and the site footer;
//  - pages with a share line ("แชร์หน้านี้"): whatever precedes the title
//    (e.g. a long menu), the title, the share line, the body (a repeat of the
//    title is dropped), optionally a trailing list of related documents
//    (short lines with "[ EBOOK ] [ PDF ]" or "ลิงค์ :" links), dropped;
//  - slide-sharing transcripts: the title, "Slides:", "Advertisements", a
//    "งานนำเสนอที่คล้ายกัน" list of related titles, then the transcript after
//    "ใบสำเนางานนำเสนอ:";
//  - otherwise the first line that is not boilerplate is the title.
// The body ends at the publication line or at the first footer line (menu bar
// of "a | b | c" items, "สงวนลิขสิทธิ์", an address with "โทรสาร"). Lines are
// trimmed (Unicode spaces too), runs of blank lines collapse, and the text is
// otherwise kept byte for byte, except that a line wrap between two Thai
// characters inside a paragraph is joined without a space (Thai has no spaces
// between words, so such a wrap is an artefact of the dump). In dumps with one
// line per text run and no blank lines (a paragraph broken at every inline
// element), lone quotes and brackets are glued back to their neighbours.
// published_on comes from the publication line, else from a Thai date in the
// first 100 characters of the body ("เมื่อวันที่ 25 กุมภาพันธ์ 2563 …"),
// else "". Returns nullopt when no title can be found (empty text, only
// boilerplate, nothing before the share line, a "title" of over 300
// characters).
std::optional<SeedPage> parse_opdc_page(std::string_view text);

// Parses a Thai long date: day, Thai month name, Buddhist Era year, separated
// by spaces (including no-break spaces), e.g. "27 สิงหาคม 2553" or
// "27 ส.ค. 2553" into "2010-08-27" (CE = BE - 543). Also accepts Thai digits
// ("๒๗ สิงหาคม ๒๕๕๓"), "พ.ศ." before the year, the common spelling "กรกฏาคม",
// and an abbreviation without its final dot ("ส.ค"). The year must have four
// digits and lie in BE 2400–2700, the day must exist in that month (leap years
// included). Returns nullopt for anything else, including trailing text.
std::optional<std::string> parse_thai_date(std::string_view text);

}  // namespace ruamkit::features::pages

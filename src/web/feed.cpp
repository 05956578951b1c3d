#include "web/feed.h"

#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <chrono>
#include <iterator>

#include "core/clock.h"
#include "core/utf8.h"
#include "web/escape.h"

namespace ruamkit::web {
namespace {

using namespace std::chrono;

// Returns `text` with what XML 1.0 does not allow dropped (C0 controls other than tab, LF
// and CR; U+FFFE, U+FFFF) and each byte of invalid UTF-8 replaced with U+FFFD.
std::string xml_clean(std::string_view text) {
  constexpr std::string_view kReplacement = "\xEF\xBF\xBD";
  std::string out;
  out.reserve(text.size());
  std::size_t i = 0;
  while (i < text.size()) {
    const auto lead = static_cast<unsigned char>(text[i]);
    if (lead < 0x80) {
      if (lead >= 0x20 || lead == '\t' || lead == '\n' || lead == '\r') out += text[i];
      ++i;
      continue;
    }
    const auto character = core::decode_character(text, i);
    if (!character) {
      out += kReplacement;
      ++i;
      continue;
    }
    if (character->code_point != 0xFFFE && character->code_point != 0xFFFF) {
      out += text.substr(i, character->length);
    }
    i += character->length;
  }
  return out;
}

std::string xml(std::string_view text) { return escape_markup(xml_clean(text)); }

sys_seconds seconds_of(std::string_view iso_timestamp) {
  const auto t = core::parse_iso_timestamp(iso_timestamp);
  return floor<seconds>(t ? *t : sys_days{1970y / January / 1});
}

std::string format_rfc3339(sys_seconds t) {
  const auto day = floor<days>(t);
  const year_month_day ymd{day};
  const hh_mm_ss time{t - day};
  return fmt::format("{:04}-{:02}-{:02}T{:02}:{:02}:{:02}Z", static_cast<int>(ymd.year()),
                     static_cast<unsigned>(ymd.month()), static_cast<unsigned>(ymd.day()),
                     time.hours().count(), time.minutes().count(), time.seconds().count());
}

std::string format_rfc822(sys_seconds t) {
  static constexpr std::array<std::string_view, 7> kWeekdays = {"Sun", "Mon", "Tue", "Wed",
                                                                "Thu", "Fri", "Sat"};
  static constexpr std::array<std::string_view, 12> kMonths = {
      "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
  const auto day = floor<days>(t);
  const year_month_day ymd{day};
  const hh_mm_ss time{t - day};
  return fmt::format("{}, {:02} {} {:04} {:02}:{:02}:{:02} +0000",
                     kWeekdays[weekday{day}.c_encoding()], static_cast<unsigned>(ymd.day()),
                     kMonths[static_cast<unsigned>(ymd.month()) - 1], static_cast<int>(ymd.year()),
                     time.hours().count(), time.minutes().count(), time.seconds().count());
}

// The entry's last update: `updated`, else `published`.
const std::string& updated_of(const FeedEntry& entry) {
  return entry.updated.empty() ? entry.published : entry.updated;
}

// The feed's last update: info.updated, else the newest entry's, else the epoch.
sys_seconds feed_updated(const FeedInfo& info, const std::vector<FeedEntry>& entries) {
  if (!info.updated.empty()) return seconds_of(info.updated);
  sys_seconds newest = sys_days{1970y / January / 1};
  for (const auto& entry : entries) newest = std::max(newest, seconds_of(updated_of(entry)));
  return newest;
}

// The entry's id, else its URL.
const std::string& guid_of(const FeedEntry& entry) {
  return entry.id.empty() ? entry.url : entry.id;
}

void element(std::string& out, std::string_view indent, std::string_view name,
             std::string_view text) {
  fmt::format_to(std::back_inserter(out), "{}<{}>{}</{}>\n", indent, name, xml(text), name);
}

}  // namespace

std::string rfc3339(std::string_view iso_timestamp) {
  return format_rfc3339(seconds_of(iso_timestamp));
}

std::string rfc822(std::string_view iso_timestamp) {
  return format_rfc822(seconds_of(iso_timestamp));
}

std::string atom_feed(const FeedInfo& info, const std::vector<FeedEntry>& entries) {
  std::string out =
      "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<feed xmlns=\"http://www.w3.org/2005/Atom\"";
  if (!info.language.empty()) out += fmt::format(" xml:lang=\"{}\"", xml(info.language));
  out += ">\n";
  element(out, "  ", "id", info.id);
  element(out, "  ", "title", info.title);
  if (!info.subtitle.empty()) element(out, "  ", "subtitle", info.subtitle);
  element(out, "  ", "updated", format_rfc3339(feed_updated(info, entries)));
  fmt::format_to(std::back_inserter(out),
                 "  <link rel=\"alternate\" type=\"text/html\" href=\"{}\"/>\n"
                 "  <link rel=\"self\" type=\"application/atom+xml\" href=\"{}\"/>\n",
                 xml(info.site_url), xml(info.feed_url));
  for (const auto& entry : entries) {
    out += "  <entry>\n";
    element(out, "    ", "id", guid_of(entry));
    element(out, "    ", "title", entry.title);
    fmt::format_to(std::back_inserter(out),
                   "    <link rel=\"alternate\" type=\"text/html\" href=\"{}\"/>\n",
                   xml(entry.url));
    if (!entry.published.empty()) element(out, "    ", "published", rfc3339(entry.published));
    element(out, "    ", "updated", rfc3339(updated_of(entry)));
    fmt::format_to(std::back_inserter(out), "    <author><name>{}</name></author>\n",
                   xml(entry.author.empty() ? info.title : entry.author));
    fmt::format_to(std::back_inserter(out), "    <summary type=\"html\">{}</summary>\n",
                   xml(entry.summary_html));
    out += "  </entry>\n";
  }
  out += "</feed>\n";
  return out;
}

std::string rss_feed(const FeedInfo& info, const std::vector<FeedEntry>& entries) {
  std::string out =
      "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n"
      "<rss version=\"2.0\" xmlns:atom=\"http://www.w3.org/2005/Atom\" "
      "xmlns:dc=\"http://purl.org/dc/elements/1.1/\">\n"
      "  <channel>\n";
  element(out, "    ", "title", info.title);
  element(out, "    ", "link", info.site_url);
  element(out, "    ", "description", info.subtitle.empty() ? info.title : info.subtitle);
  if (!info.language.empty()) element(out, "    ", "language", info.language);
  element(out, "    ", "lastBuildDate", format_rfc822(feed_updated(info, entries)));
  fmt::format_to(std::back_inserter(out),
                 "    <atom:link href=\"{}\" rel=\"self\" type=\"application/rss+xml\"/>\n",
                 xml(info.feed_url));
  for (const auto& entry : entries) {
    out += "    <item>\n";
    element(out, "      ", "title", entry.title);
    element(out, "      ", "link", entry.url);
    const std::string& guid = guid_of(entry);
    if (!guid.empty()) {
      fmt::format_to(std::back_inserter(out), "      <guid isPermaLink=\"{}\">{}</guid>\n",
                     guid == entry.url ? "true" : "false", xml(guid));
    }
    const std::string& published = entry.published.empty() ? entry.updated : entry.published;
    if (!published.empty()) element(out, "      ", "pubDate", rfc822(published));
    element(out, "      ", "description", entry.summary_html);
    element(out, "      ", "dc:creator", entry.author.empty() ? info.title : entry.author);
    out += "    </item>\n";
  }
  out += "  </channel>\n</rss>\n";
  return out;
}

}  // namespace ruamkit::web

// Syndication feeds: Atom 1.0 (RFC 4287) and RSS 2.0 documents built from plain values.
//
// Every text and URL is escaped with escape_markup, after dropping what XML 1.0 does not allow
// (C0 control characters other than tab, LF and CR; U+FFFE and U+FFFF) and replacing invalid
// UTF-8 with U+FFFD, so the documents are always well-formed.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace ruamkit::web {

struct FeedEntry {
  std::string id;  // stable absolute URL or tag: URI of the entry
  std::string title;
  std::string url;           // absolute URL of the entry's page
  std::string summary_html;  // safe HTML, escaped into <summary type="html"> / <description>
  std::string author;        // e.g. the organisation's name; when empty, the feed's title
  std::string published;     // as core::iso_timestamp writes it ("2026-11-23T05:04:03.123Z")
  std::string updated;       // same form; when empty, `published`
};

struct FeedInfo {
  std::string id;
  std::string title;
  std::string subtitle;  // RSS falls back to the title, as <description> is required there
  std::string site_url;  // absolute URL of the HTML page the feed mirrors
  std::string feed_url;  // absolute URL of the feed itself (rel="self")
  std::string language;  // "th" or "en"
  std::string updated;   // ISO timestamp; when empty, the newest entry's (the epoch if none)
};

// Returns an Atom feed: <feed> with id, title, subtitle (when not empty), updated, an alternate
// link to site_url and a self link to feed_url; an <entry> per entry, in the given order, with
// id, title, alternate link, published (when known), updated, author/name and summary.
std::string atom_feed(const FeedInfo& info, const std::vector<FeedEntry>& entries);

// Returns an RSS 2.0 feed: <channel> with title, link, description, language, lastBuildDate
// and an atom:link rel="self"; an <item> per entry with title, link, guid (isPermaLink="true"
// when the id is the url), pubDate, description and dc:creator.
std::string rss_feed(const FeedInfo& info, const std::vector<FeedEntry>& entries);

// Returns the RFC 3339 ("2026-11-23T05:04:03Z") and RFC 822 ("Mon, 23 Nov 2026 05:04:03 +0000")
// forms of a timestamp as core::iso_timestamp writes it; fractions of a second are dropped.
// Text in any other form gives the epoch (1970-01-01T00:00:00Z), so the feed stays valid.
std::string rfc3339(std::string_view iso_timestamp);
std::string rfc822(std::string_view iso_timestamp);

}  // namespace ruamkit::web

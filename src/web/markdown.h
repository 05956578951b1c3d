// Markdown for text that people write (page bodies, proposals, comments): CommonMark with
// the GitHub extensions, rendered by cmark-gfm as HTML that is safe to embed in a page, and
// reduced to plain text for the search index, feed summaries and meta descriptions.
//
// All functions are thread-safe and accept any bytes: invalid UTF-8 becomes U+FFFD and C0
// control characters other than tab, LF and CR are dropped.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace ruamkit::web {

// Returns `markdown` (CommonMark with GFM tables, strikethrough with "~~" and autolinks) as an
// HTML fragment that is safe to embed:
//  - raw HTML is never passed through: cmark's safe mode turns it into "<!-- raw HTML omitted
//    -->", and the tagfilter extension is on as a second fence;
//  - links keep their text but lose the link unless the URL is relative or http:, https:,
//    mailto: or tel:; images become their alt text unless the URL is relative, http: or https:
//    (so javascript:, vbscript:, file: and data: URLs never reach the page);
//  - links to absolute URLs ("http://", "https://", "//") get rel="nofollow noopener";
//  - headings are shifted down by `heading_offset` levels and kept within h1..h6, so "# x"
//    becomes <h2> under the page's own <h1> by default.
// Tables are left as plain paragraphs in documents wide or long enough to make the table
// extension of cmark-gfm 0.29.0.gfm.6 slow or its output huge (see markdown.cpp).
std::string render_markdown(std::string_view markdown, int heading_offset = 1);

// Returns the text of `markdown` without markup: blocks (paragraphs, headings, list items,
// code blocks, table rows) separated by a blank line, table cells by a space, hard line breaks
// kept as "\n". Raw HTML is left out; link texts and image alt texts are kept; entities are
// decoded, so the result must be escaped like any other text.
std::string markdown_to_text(std::string_view markdown);

// Returns markdown_to_text(markdown) on one line (runs of white space become one space) if it
// has at most `max_chars` code points. Otherwise returns its first `max_chars` code points or
// fewer, cut at the last space when that keeps at least half of them, never inside a UTF-8
// sequence nor before a combining mark (such as Thai vowel and tone marks), and never right
// after a Thai leading vowel, followed by "…".
std::string markdown_excerpt(std::string_view markdown, std::size_t max_chars);

}  // namespace ruamkit::web

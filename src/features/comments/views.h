// Template data for comment threads and comment forms, for the components
// that show comments on their pages (templates/comments/thread.mustache).
#pragma once

#include <cstdint>
#include <string>

#include "features/comments/comments.h"
#include "http/message.h"
#include "web/form.h"
#include "web/i18n.h"
#include "web/view_data.h"

namespace ruamkit::features::comments {

// What was typed into a comment form, kept when it is refused.
struct Typed {
  std::string body, stance;
  bool anonymous = false;
};

// The thread of `kind`/`id` for `request`'s visitor: comments[] {id, anchor,
// author, anonymous, stance, stance_name, body_html, created_display,
// created_iso, edited, history_url, supports, supported_by_me, hidden,
// hidden_reason, show_text, depth, reply_url, can_edit, edit_url, report_url,
// support_url, can_moderate, hide_url, restore_url}, count, sort links, and
// form (the form data for a new comment) when the target is open and the
// visitor signed in; sign_in_url otherwise.
web::ViewData thread_view(storage::Connection& c, const web::Catalogue& t,
                          const http::Request& request, const std::string& kind, std::int64_t id,
                          const Target& target, const std::string& id_prefix);

// The form for a comment (or a reply to `parent_id`) on `kind`/`id`.
web::Form comment_form(const web::Catalogue& t, const std::string& kind, std::int64_t id,
                       std::optional<std::int64_t> parent_id, bool anonymous_allowed,
                       const Typed& typed, const std::string& id_prefix);

// "newest", "oldest" or "supported" from ?sort= (oldest by default).
Order order_from(const http::Request& request);

}  // namespace ruamkit::features::comments

// Template data for documents: the list under a page, space or meeting, the
// officials' list with delete buttons, and the upload form.
#pragma once

#include "features/documents/documents.h"
#include "web/form.h"
#include "web/i18n.h"
#include "web/view_data.h"

namespace ruamkit::features::documents {

// documents[] {id, title, url, file_name, type_name, size}; false when none.
web::ViewData list_view(storage::Connection& c, const Owner& owner, const web::Catalogue& t);

// The same with delete_url on each.
web::ViewData manage_list_view(storage::Connection& c, const Owner& owner, const web::Catalogue& t);

// The form that uploads a document to `owner` (multipart, to /manage/documents).
web::Form upload_form(const web::Catalogue& t, const Owner& owner);

// The catalogue name of a content type ("PDF", "Word" …).
std::string type_name(const std::string& content_type, const web::Catalogue& t);

}  // namespace ruamkit::features::documents

// Documents as a feature: upload (multipart, type decided by the content),
// delete, and download with the right type and Content-Disposition. Uploaded
// content is never served as HTML: only accepted types are stored, every
// response carries nosniff and a sandboxing policy, and anything that is not
// a raster image or PDF is an attachment.
#include "features/documents/module.h"

#include <memory>

#include <spdlog/spdlog.h>
#include <boost/json/object.hpp>
#include <boost/json/serialize.hpp>

#include "core/file_types.h"
#include "core/security.h"
#include "core/utf8.h"
#include "features/audit/audit.h"
#include "features/documents/documents.h"
#include "features/organisations/permissions.h"
#include "http/error.h"
#include "web/request.h"

namespace ruamkit::features::documents {
namespace {

http::Response refused(const web::Views& views, const http::Request& request,
                       const std::string& text_key, const std::string& back, int status) {
  return views.message(request, "documents.refused_heading", text_key, back,
                       "documents.back_to_owner", status);
}

}  // namespace

void install(Context& context) {
  auto& db = context.database;
  const auto& views = context.views;
  // Shared by the handlers below, which the router copies.
  auto store = std::make_shared<const FileStore>(std::filesystem::path(
      context.site.uploads_dir.empty() ? std::string("uploads") : context.site.uploads_dir));

  context.router.post("/manage/documents", [&db, &views, store](http::Request& request) {
    web::require_signed_in(request);
    Owner owner{web::form_value(request, "owner_kind"),
                web::parse_id(web::form_value(request, "owner_id")).value_or(0)};
    auto title = web::form_value(request, "title");
    const auto state = db.read([&](storage::Connection& c) {
      auto s = owner_state(c, owner);
      if (!s) throw http::HttpError(404, "no_owner");
      organisations::require_manage(c, request, s->organisation_id);
      return *s;
    });
    const http::FilePart* file = nullptr;
    for (const auto& part : request.files()) {
      if (part.field == "file" && !part.content.empty()) file = &part;
    }
    if (!file) return refused(views, request, "documents.no_file", state.manage_url, 422);
    const auto type = core::detect_document_type(file->content);
    if (!type) return refused(views, request, "documents.refused_type", state.manage_url, 415);
    if (type->mime == "application/pdf" && core::pdf_has_active_content(file->content)) {
      return refused(views, request, "documents.refused_active_pdf", state.manage_url, 415);
    }
    const auto file_name = safe_file_name(file->file_name, type->extension);
    if (title.empty()) title = file_name.substr(0, file_name.rfind('.'));
    if (core::character_count(title) > 300 || !core::is_clean_text(title)) {
      return refused(views, request, "documents.title_too_long", state.manage_url, 422);
    }
    // The file first, durably; then the row. A failed transaction leaves no
    // row, and its file is removed here.
    const auto key = store->put(file->content);
    try {
      db.write([&](storage::Connection& c) {
        const auto again = owner_state(c, owner);
        if (!again) throw http::HttpError(404, "no_owner");
        organisations::require_manage(c, request, again->organisation_id);
        Document d;
        d.organisation_id = again->organisation_id;
        d.owner = owner;
        d.title = title;
        d.file_name = file_name;
        d.content_type = type->mime;
        d.byte_size = static_cast<std::int64_t>(file->content.size());
        d.sha256 = core::sha256_hex(file->content);
        d.storage_key = key;
        const auto id = create(c, d, request.visitor.user_id);
        reindex_owner(c, owner);
        audit::record(c, request,
                      {"document.uploaded", "document", std::to_string(id), d.organisation_id,
                       boost::json::serialize(
                           boost::json::object{{"type", type->mime}, {"bytes", d.byte_size}})});
      });
    } catch (...) {
      store->remove(key);
      throw;
    }
    return web::redirect(state.manage_url + "?notice=uploaded");
  });

  context.router.post("/manage/documents/{id}/delete", [&db, store](http::Request& request) {
    const auto id = web::id_param(request, "id");
    std::string back;
    const auto key = db.write([&](storage::Connection& c) {
      const auto d = find(c, id);
      if (!d) throw http::HttpError(404, "no_document");
      organisations::require_manage(c, request, d->organisation_id);
      const auto state = owner_state(c, d->owner);
      back = state ? state->manage_url : "/manage";
      auto removed = remove(c, id);
      reindex_owner(c, d->owner);
      audit::record(c, request,
                    {"document.deleted", "document", std::to_string(id), d->organisation_id});
      return removed;
    });
    if (key) store->remove(*key);  // after the commit: a rollback keeps the file
    return web::redirect(back + "?notice=document_deleted");
  });

  auto download = [&db, store](http::Request& request) {
    const auto id = web::id_param(request, "id");
    const auto [document, is_public] = db.read([&](storage::Connection& c) {
      const auto d = find(c, id);
      if (!d) throw http::HttpError(404, "no_document");
      const auto state = owner_state(c, d->owner);
      const bool open = state && state->is_public;
      if (!open && !organisations::may_manage(c, request, d->organisation_id)) {
        throw http::HttpError(404, "no_document");
      }
      return std::pair(*d, open);
    });
    const auto etag = "\"" + document.sha256 + "\"";
    http::Response response;
    if (request.header("If-None-Match") == std::optional<std::string_view>(etag)) {
      response.status = 304;
    } else {
      auto content = store->get(document.storage_key);
      if (!content) {
        spdlog::error("document {} has no file {}", id, document.storage_key);
        throw http::HttpError(404, "document_file_missing");
      }
      response.body = std::move(*content);
    }
    const auto type = core::document_type_for_mime(document.content_type);
    const bool inline_display = type && type->inline_safe;
    response.headers.set("Content-Type", document.content_type);
    response.headers.set("Content-Disposition",
                         content_disposition(inline_display, document.file_name));
    // Nothing in an uploaded file may run or load anything. PDF viewers are
    // refused by a sandbox, so PDFs get the policy without it.
    response.headers.set(
        "Content-Security-Policy",
        document.content_type == "application/pdf"
            ? "default-src 'none'; frame-ancestors 'none'"
            : "default-src 'none'; img-src 'self'; sandbox; frame-ancestors 'none'");
    response.headers.set("ETag", etag);
    // Revalidated every time (the ETag makes that cheap), so a document taken
    // back from the public is gone at once, also from shared caches.
    response.headers.set("Cache-Control", is_public ? "public, no-cache" : "private, no-store");
    response.headers.set("Cross-Origin-Resource-Policy", "same-origin");
    return response;
  };
  context.router.get("/documents/{id}", download);
  context.router.get("/documents/{id}/{name}", download);
}

}  // namespace ruamkit::features::documents

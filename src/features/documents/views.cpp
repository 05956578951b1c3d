#include "features/documents/views.h"

namespace ruamkit::features::documents {
namespace {

web::ViewData items(storage::Connection& c, const Owner& owner, const web::Catalogue& t,
                    bool manage) {
  const auto list = of(c, owner);
  web::ViewList out;
  for (const auto& d : list) {
    web::ViewData item;
    item.set("id", std::to_string(d.id));
    item.set("title", d.title);
    item.set("url", d.url());
    item.set("file_name", d.file_name);
    item.set("type_name", type_name(d.content_type, t));
    item.set("size", human_size(d.byte_size));
    // Always set, so a public list never picks up a key of the enclosing page.
    item.set("delete_url",
             manage ? web::ViewData("/manage/documents/" + std::to_string(d.id) + "/delete")
                    : web::ViewData(false));
    out.push_back(item);
  }
  return web::optional_items(out);
}

}  // namespace

web::ViewData list_view(storage::Connection& c, const Owner& owner, const web::Catalogue& t) {
  return items(c, owner, t, false);
}

web::ViewData manage_list_view(storage::Connection& c, const Owner& owner,
                               const web::Catalogue& t) {
  return items(c, owner, t, true);
}

web::Form upload_form(const web::Catalogue& t, const Owner& owner) {
  web::Form form(t, "/manage/documents", "documents.upload_heading", "documents.upload");
  form.id_prefix("document-")
      .hidden("owner_kind", owner.kind)
      .hidden("owner_id", std::to_string(owner.id))
      .field("title", "documents.title", "text", "", "off", false, "documents.title_hint")
      .file("file", "documents.file",
            ".pdf,.doc,.docx,.xls,.xlsx,.ppt,.pptx,.odt,.ods,.odp,.txt,.csv,.png,.jpg,.jpeg,.gif,"
            ".webp",
            "documents.file_hint");
  return form;
}

std::string type_name(const std::string& content_type, const web::Catalogue& t) {
  static const std::vector<std::pair<std::string, std::string>> names = {
      {"application/pdf", "pdf"},
      {"application/msword", "word"},
      {"application/vnd.openxmlformats-officedocument.wordprocessingml.document", "word"},
      {"application/vnd.ms-excel", "excel"},
      {"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "excel"},
      {"application/vnd.ms-powerpoint", "powerpoint"},
      {"application/vnd.openxmlformats-officedocument.presentationml.presentation", "powerpoint"},
      {"application/vnd.oasis.opendocument.text", "odt"},
      {"application/vnd.oasis.opendocument.spreadsheet", "ods"},
      {"application/vnd.oasis.opendocument.presentation", "odp"},
      {"text/plain", "text"},
      {"text/csv", "csv"},
  };
  for (const auto& [type, key] : names) {
    if (type == content_type) return t.text("documents.types." + key);
  }
  if (content_type.starts_with("image/")) return t.text("documents.types.image");
  return content_type;
}

}  // namespace ruamkit::features::documents

#include "features/feedback/photos.h"

#include <filesystem>

#include "core/file_types.h"
#include "core/security.h"
#include "features/feedback/photo_metadata.h"
#include "http/error.h"

namespace ruamkit::features::feedback {

std::shared_ptr<const documents::FileStore> photo_store(const Site& config) {
  const std::filesystem::path root(config.uploads_dir.empty() ? std::string("uploads")
                                                              : config.uploads_dir);
  return std::make_shared<const documents::FileStore>(root / "feedback");
}

std::vector<PhotoUpload> read_photos(const http::Request& request, Problems& problems) {
  std::vector<PhotoUpload> out;
  for (const auto& part : request.files()) {
    if (part.field != "photo" || part.content.empty()) continue;
    if (static_cast<int>(out.size()) == kMaxPhotos) {
      problems.emplace_back("photo", "feedback_photo_count");
      break;
    }
    if (part.content.size() > kMaxPhotoBytes) {
      problems.emplace_back("photo", "feedback_photo_size");
      continue;
    }
    const auto type = core::detect_document_type(part.content);
    const auto stripped =
        type ? strip_photo_metadata(part.content, type->mime) : std::optional<std::string>();
    if (!stripped) {
      problems.emplace_back("photo", "feedback_photo_type");
      continue;
    }
    out.push_back({type->mime, *stripped});
  }
  return out;
}

std::vector<Photo> store_photos(const documents::FileStore& store,
                                const std::vector<PhotoUpload>& uploads, const std::string& kind) {
  std::vector<Photo> out;
  try {
    for (const auto& u : uploads) {
      Photo p;
      p.kind = kind;
      p.content_type = u.mime;
      p.byte_size = static_cast<std::int64_t>(u.content.size());
      p.sha256 = core::sha256_hex(u.content);
      p.storage_key = store.put(u.content);
      out.push_back(p);
    }
  } catch (...) {
    for (const auto& p : out) store.remove(p.storage_key);
    throw;
  }
  return out;
}

web::ViewData photos_view(const std::vector<Photo>& photos) {
  web::ViewList list;
  for (const auto& p : photos) {
    web::ViewData item;
    item.set("url", "/feedback/photos/" + std::to_string(p.id));
    item.set("after", p.kind == "after");
    list.push_back(item);
  }
  return web::optional_items(list);
}

http::Response photo_response(const http::Request& request, const documents::FileStore& store,
                              const Photo& photo) {
  const auto etag = "\"" + photo.sha256 + "\"";
  http::Response response;
  if (request.header("If-None-Match") == std::optional<std::string_view>(etag)) {
    response.status = 304;
  } else {
    auto content = store.get(photo.storage_key);
    if (!content) throw http::HttpError(404, "photo_file_missing");
    response.body = std::move(*content);
  }
  // Only raster types are ever stored; nothing in them may run or load.
  response.headers.set("Content-Type", photo.content_type);
  response.headers.set("Content-Disposition", "inline");
  response.headers.set("Content-Security-Policy",
                       "default-src 'none'; sandbox; frame-ancestors 'none'");
  response.headers.set("ETag", etag);
  response.headers.set("Cache-Control", "public, no-cache");
  response.headers.set("Cross-Origin-Resource-Policy", "same-origin");
  return response;
}

}  // namespace ruamkit::features::feedback

// Photos of feedback cases: read from a form, checked by their bytes (JPEG or
// PNG only), stripped of location and device metadata, stored like documents
// outside the web root, and served inline with a policy that lets nothing
// run.
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "features/component.h"
#include "features/documents/documents.h"
#include "features/feedback/cases.h"
#include "http/message.h"
#include "web/view_data.h"

namespace ruamkit::app {
struct Config;
}

namespace ruamkit::features::feedback {

inline constexpr int kMaxPhotos = 3;
inline constexpr std::size_t kMaxPhotoBytes = 8 * 1024 * 1024;

// The file store of case photos (the uploads directory's "feedback" folder).
std::shared_ptr<const documents::FileStore> photo_store(const Site& config);

struct PhotoUpload {
  std::string mime, content;  // content already stripped of metadata
};
// The non-empty "photo" files of the request, at most kMaxPhotos of at most
// kMaxPhotoBytes each, JPEG or PNG by content. Adds a problem for the field
// "photo" otherwise.
std::vector<PhotoUpload> read_photos(const http::Request& request, Problems& problems);

// Writes each upload to `store` (durably); returns the rows to record, with
// case_id still 0. The caller removes the files when its transaction fails.
std::vector<Photo> store_photos(const documents::FileStore& store,
                                const std::vector<PhotoUpload>& uploads, const std::string& kind);

web::ViewData photos_view(const std::vector<Photo>& photos);

http::Response photo_response(const http::Request& request, const documents::FileStore& store,
                              const Photo& photo);

}  // namespace ruamkit::features::feedback

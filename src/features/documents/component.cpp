// Documents: files attached to organisations' spaces, pages, meetings and
// hearings, checked by content and stored outside the web root.
#include "features/documents/module.h"

namespace ruamkit::features::documents {

Component component() {
  Component c;
  c.name = "documents";
  c.install = install;
  c.upload_paths = {"/manage/documents"};
  c.personal_data = {
      {"documents_uploaded",
       {"documents.uploaded_by"},
       nullptr,
       nullptr,
       "an official act: who uploaded a published document stays on record; the account is "
       "anonymised"},
  };
  return c;
}

}  // namespace ruamkit::features::documents

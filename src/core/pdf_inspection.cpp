// pdf_has_active_content (declared in core/file_types.h), with qpdf. The only
// translation unit that includes qpdf: its headers are heavy. Keep it that way.

// qpdf 11: no PointerHolder (its deprecated shared pointer) in its API at all.
#define POINTERHOLDER_TRANSITION 4
#include <qpdf/Pipeline.hh>
#include <qpdf/QPDF.hh>
#include <qpdf/QPDFLogger.hh>
#include <qpdf/QPDFObjGen.hh>
#include <qpdf/QPDFObjectHandle.hh>
#include <qpdf/QPDFXRefEntry.hh>

#include <algorithm>
#include <array>
#include <cstddef>
#include <memory>
#include <set>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

#include "core/file_types.h"
#include "core/text.h"

namespace ruamkit::core {
namespace {

// Names that are refused wherever they occur, as a dictionary key or as a
// name value (qpdf decodes #xx escapes, so /J#61vaScript is /JavaScript).
constexpr std::array<std::string_view, 16> kRefusedNames = {
    "/JavaScript",   "/JS",                // scripts: actions, the document's name tree
    "/AA",                                 // additional actions: run on page open, focus, print...
    "/Launch",                             // runs a program or opens a file
    "/SubmitForm",   "/ImportData",        // send form data away, read a local file
    "/GoToR",        "/GoToE",             // open another (remote) or an embedded document
    "/RichMedia",    "/RichMediaExecute",  // Flash and 3D content with its own scripts
    "/Rendition",                          // plays media, may carry a script
    "/XFA",                                // XML forms, scripted
    "/EmbeddedFile", "/EmbeddedFiles",     // attached files...
    "/EF",           "/FileAttachment",    // ...by file specification and annotation
};

bool refused_name(std::string_view name) {
  return std::find(kRefusedNames.begin(), kRefusedNames.end(), name) != kRefusedNames.end();
}

// Opening at a page is what /OpenAction is mostly for (LibreOffice and Word
// write one): an explicit destination (array), a named one (name or string)
// or a GoTo action without a /Next. Anything else runs when the file is
// opened, without a click (a URI, a named action such as Print, ...).
bool harmless_open_action(QPDFObjectHandle action) {
  if (action.isNull() || action.isArray() || action.isName() || action.isString()) return true;
  if (!action.isDictionary()) return false;
  return action.getKey("/S").isNameAndEquals("/GoTo") && !action.hasKey("/Next");
}

// Links (/URI actions) are followed on a click, like links on a web page, and
// are allowed, except to schemes that run script or read local files.
// Browsers ignore ASCII white space and control characters in a scheme.
bool dangerous_uri(std::string_view uri) {
  std::string scheme;
  for (const char c : uri) {
    const auto u = static_cast<unsigned char>(c);
    if (u <= 0x20 || u == 0x7F) continue;
    if (c == ':') break;
    if (c == '/' || c == '?' || c == '#' || scheme.size() > 16) return false;  // relative
    scheme += ascii_lower(c);
  }
  return scheme == "javascript" || scheme == "vbscript" || scheme == "data" || scheme == "file";
}

// True when `root` or anything it leads to is refused. Indirect objects are
// walked once (`seen`); the walk keeps its own stack, not the call stack.
bool active(QPDFObjectHandle root, std::set<QPDFObjGen>& seen) {
  std::vector<QPDFObjectHandle> stack{root};
  while (!stack.empty()) {
    QPDFObjectHandle object = stack.back();
    stack.pop_back();
    if (object.isIndirect() && !seen.insert(object.getObjGen()).second) continue;
    if (object.isName()) {
      if (refused_name(object.getName())) return true;
      continue;
    }
    if (object.isArray()) {
      for (auto& item : object.getArrayAsVector()) stack.push_back(item);
      continue;
    }
    QPDFObjectHandle dictionary = object.isStream() ? object.getDict() : object;
    if (!dictionary.isDictionary()) continue;
    for (auto& [key, value] : dictionary.getDictAsMap()) {
      if (refused_name(key)) return true;
      if (key == "/OpenAction" && !harmless_open_action(value)) return true;
      if (key == "/URI" && value.isString() && dangerous_uri(value.getStringValue())) return true;
      stack.push_back(value);
    }
  }
  return false;
}

// Decoded object streams are limited: qpdf inflates a whole object stream to
// read one object of it, and a small upload can inflate to gigabytes. Object
// streams hold dictionaries and arrays only (no pages, fonts or images): a
// few MiB in large documents, no more than an upload (20 MiB) holds plainly.
constexpr std::size_t kMaxObjectStreamBytes = std::size_t{32} << 20;

// Counts bytes written and throws past the budget; keeps nothing.
class Budget final : public Pipeline {
 public:
  explicit Budget(std::size_t& left) : Pipeline("object stream budget", nullptr), left_(left) {}
  void write(unsigned char const*, size_t length) override {
    if (length > left_) {
      exceeded = true;
      left_ = 0;
      throw std::length_error("object streams inflate too far");
    }
    left_ -= length;
  }
  void finish() override {}
  bool exceeded = false;

 private:
  std::size_t& left_;
};

// Decodes each object stream once, within the budget, before qpdf reads the
// objects in it. False when one cannot be decoded or the budget runs out.
bool object_streams_within_budget(QPDF& pdf) {
  const auto table = pdf.getXRefTable();
  std::set<int> streams;
  for (const auto& [id, entry] : table) {
    if (entry.getType() == 2) streams.insert(entry.getObjStreamNumber());
  }
  std::size_t left = kMaxObjectStreamBytes;
  for (const int number : streams) {
    // An object stream is an uncompressed object (type 1): reading one that
    // sits in another object stream would inflate that one, unchecked.
    const auto entry = table.find(QPDFObjGen(number, 0));
    if (entry == table.end() || entry->second.getType() != 1) return false;
    QPDFObjectHandle stream = pdf.getObjectByID(number, 0);
    if (!stream.isStream()) return false;
    Budget budget(left);
    bool filtered = false;
    bool ok = false;
    try {
      ok = stream.pipeStreamData(&budget, &filtered, 0, qpdf_dl_specialized, true);
    } catch (const std::length_error&) {
      return false;
    }
    if (!ok || !filtered || budget.exceeded) return false;
  }
  return true;
}

}  // namespace

bool pdf_has_active_content(std::string_view content) {
  try {
    QPDF pdf;
    auto logger = QPDFLogger::create();  // nothing on stdout or stderr
    logger->setInfo(logger->discard());
    logger->setWarn(logger->discard());
    logger->setError(logger->discard());
    pdf.setLogger(logger);
    pdf.setSuppressWarnings(true);
    pdf.processMemoryFile("upload.pdf", content.data(), content.size());
    if (!object_streams_within_budget(pdf)) return true;  // before reading any object in one
    pdf.getRoot();  // throws when there is no catalog dictionary
    std::set<QPDFObjGen> seen;
    if (active(pdf.getTrailer(), seen)) return true;
    for (auto& object : pdf.getAllObjects()) {
      if (active(object, seen)) return true;
    }
    return false;
  } catch (...) {
    // Not a PDF qpdf can read, even with its repairs (or a password is
    // needed): what a viewer would make of it is unknown.
    return true;
  }
}

}  // namespace ruamkit::core

// Content-based type detection for uploaded documents. The name and the
// declared type of an upload are never trusted: only its bytes decide, and
// only a short list of document and image types is accepted.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace ruamkit::core {

struct FileType {
  std::string mime;       // e.g. "application/pdf"
  std::string extension;  // canonical extension without the dot, e.g. "pdf", "docx"
  bool inline_safe;       // may be shown in the browser (raster images and PDF);
                          // everything else is served as an attachment
};

// Detects the type of `content` by its bytes (libmagic) and returns it when it
// is one of the accepted document types:
//   PDF; PNG, JPEG, GIF, WebP (inline_safe);
//   Office Open XML docx, xlsx, pptx; legacy Office doc, xls, ppt;
//   OpenDocument odt, ods, odp; plain text ("txt") and CSV ("csv").
// Returns nullopt for anything else: empty content, HTML, XML, SVG (it can
// carry script), scripts, executables, archives, generic or unidentified OLE
// files, unknown bytes. Text is also refused when it begins (after white
// space, NULs and a byte order mark) with '<' or contains "<script" in any
// case, even UTF-16: HTML that libmagic did not recognise.
//
// libmagic places Office Open XML by the names of the first few zip entries;
// when it only sees a zip, the zip's central directory is read to find
// [Content_Types].xml and the word/, xl/ or ppt/ folder.
//
// Thread-safe: each thread opens its own libmagic handle on first use and
// keeps it until the thread ends. Throws std::runtime_error when libmagic or
// its default database cannot be loaded.
std::optional<FileType> detect_document_type(std::string_view content);

// Returns true when the PDF `content` may run or fetch something by itself,
// or cannot be read; such documents are refused, since the public opens them
// inline. The document is parsed with qpdf (implemented in pdf_inspection.cpp,
// the only file that includes it): every object of the cross-reference table,
// those inside compressed object streams included, and the trailer, with
// names decoded (/J#61vaScript is /JavaScript). Refused:
//   - any dictionary key or name value among /JavaScript, /JS (scripts),
//     /AA (additional actions, run on page open, field focus, printing...),
//     /Launch, /SubmitForm, /ImportData, /GoToR, /GoToE (open another or an
//     embedded document), /RichMedia, /RichMediaExecute, /Rendition, /XFA,
//     /EmbeddedFile, /EmbeddedFiles, /EF, /FileAttachment (attachments);
//   - an /OpenAction that is not a destination (array, name or string) or a
//     plain /GoTo action: going to a page on opening is allowed, since
//     ordinary exports (LibreOffice, Word) write one; anything else would run
//     without a click;
//   - a /URI whose scheme is javascript:, vbscript:, data: or file:. Other
//     links (/URI actions, http:, https:, mailto:...) are allowed: ordinary
//     documents link to web pages, and a link is followed only on a click;
//   - a document qpdf cannot read, even after its repairs of damaged files,
//     or that needs a password;
//   - object streams that inflate past 32 MiB in all (a decompression bomb).
// Files qpdf repairs (e.g. no or wrong cross-reference table) are read as
// repaired. Objects no cross-reference table reaches (earlier revisions of an
// incrementally updated file, stray bytes) are not read, as readers do not
// use them. Content streams are not read: they draw, they cannot act.
bool pdf_has_active_content(std::string_view content);

// Returns the accepted type whose MIME type is exactly `mime` (as
// detect_document_type gave it, e.g. when serving a stored document), or
// nullopt for any other string.
std::optional<FileType> document_type_for_mime(std::string_view mime);

}  // namespace ruamkit::core

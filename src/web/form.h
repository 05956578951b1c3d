// Builds the data of templates/form.mustache: a heading, an error
// summary linking to the fields in error, labelled fields with hints and
// errors, hidden values and the CSRF token. Text comes from the catalogue by
// key, so a form reads the same in Thai and English.
#pragma once

#include <string>
#include <vector>

#include "core/problems.h"
#include "web/i18n.h"
#include "web/view_data.h"

namespace ruamkit::web {

class Form {
 public:
  Form(const Catalogue& t, std::string action, const std::string& heading_key,
       const std::string& submit_key);

  Form& intro(const std::string& key);
  Form& notice(const std::string& text);  // already translated
  // A text-like input; `type` is "text", "email", "password", "tel"….
  Form& field(const std::string& name, const std::string& label_key, const std::string& type,
              const std::string& value = "", const std::string& autocomplete = "off",
              bool required = true, const std::string& hint_key = "");
  Form& checkbox(const std::string& name, const std::string& label_key, bool checked,
                 const std::string& link_href = "", const std::string& link_key = "");
  // A choice among `options` (value, already-translated label).
  Form& select(const std::string& name, const std::string& label_key,
               const std::vector<std::pair<std::string, std::string>>& options,
               const std::string& selected, bool required = true);
  // Several lines of plain text.
  Form& textarea(const std::string& name, const std::string& label_key, const std::string& value,
                 bool required = false, const std::string& hint_key = "");
  // Several choices among `options` (value, already-translated label), as a
  // group of checkboxes; `checked` holds the values ticked.
  Form& checkboxes(const std::string& name, const std::string& label_key,
                   const std::vector<std::pair<std::string, std::string>>& options,
                   const std::vector<std::string>& checked, bool required = false,
                   const std::string& hint_key = "");
  // A file to upload; the form is then sent as multipart/form-data. `accept`
  // lists the types offered by the browser's file chooser.
  Form& file(const std::string& name, const std::string& label_key, const std::string& accept,
             const std::string& hint_key = "", bool required = true);
  Form& hidden(const std::string& name, const std::string& value);
  Form& link(const std::string& href, const std::string& text_key);
  // Marks `field` (or the whole form when empty) with message `key`.
  Form& error(const std::string& field, const std::string& key);
  // Marks each (field, key) of `problems`, as error() does.
  Form& errors(const core::Problems& problems);
  Form& inputmode(const std::string& field, const std::string& mode);
  // Prefixes the element ids of the fields ("field-<prefix><name>"), so that
  // several forms can share one page.
  Form& id_prefix(const std::string& prefix);

  bool has_errors() const { return !errors_.empty(); }
  ViewData view() const;

 private:
  struct Field {
    std::string name, label, type, value, autocomplete, hint, error, link_href, link_text,
        input_mode;
    bool required = true, checkbox = false, checked = false, is_select = false, is_textarea = false,
         is_group = false, is_file = false;
    std::vector<std::pair<std::string, std::string>> options;
    std::vector<std::string> checked_values;
  };
  const Catalogue& t_;
  std::string action_, heading_, submit_, intro_, notice_;
  bool multipart_ = false;
  std::string prefix_;
  std::vector<Field> fields_;
  std::vector<std::pair<std::string, std::string>> hidden_, links_, errors_;  // errors: field, text
};

}  // namespace ruamkit::web

#include "web/form.h"

#include <algorithm>

namespace ruamkit::web {
namespace {

// A list of two-field objects, e.g. {name, value} for hidden inputs.
ViewList pairs(const std::vector<std::pair<std::string, std::string>>& items, const char* first,
               const char* second) {
  ViewList list;
  for (const auto& [a, b] : items) {
    ViewData item;
    item.set(first, a);
    item.set(second, b);
    list.push_back(item);
  }
  return list;
}

}  // namespace

Form::Form(const Catalogue& t, std::string action, const std::string& heading_key,
           const std::string& submit_key)
    : t_(t),
      action_(std::move(action)),
      heading_(t.text(heading_key)),
      submit_(t.text(submit_key)) {}

Form& Form::intro(const std::string& key) {
  intro_ = t_.text(key);
  return *this;
}

Form& Form::notice(const std::string& text) {
  notice_ = text;
  return *this;
}

Form& Form::field(const std::string& name, const std::string& label_key, const std::string& type,
                  const std::string& value, const std::string& autocomplete, bool required,
                  const std::string& hint_key) {
  Field f;
  f.name = name;
  f.label = t_.text(label_key);
  f.type = type;
  f.value = type == "password" ? "" : value;  // never echo a password back
  f.autocomplete = autocomplete;
  f.required = required;
  if (!hint_key.empty()) f.hint = t_.text(hint_key);
  fields_.push_back(std::move(f));
  return *this;
}

Form& Form::checkbox(const std::string& name, const std::string& label_key, bool checked,
                     const std::string& link_href, const std::string& link_key) {
  Field f;
  f.name = name;
  f.label = t_.text(label_key);
  f.checkbox = true;
  f.checked = checked;
  f.link_href = link_href;
  if (!link_key.empty()) f.link_text = t_.text(link_key);
  fields_.push_back(std::move(f));
  return *this;
}

Form& Form::select(const std::string& name, const std::string& label_key,
                   const std::vector<std::pair<std::string, std::string>>& options,
                   const std::string& selected, bool required) {
  Field f;
  f.name = name;
  f.label = t_.text(label_key);
  f.is_select = true;
  f.required = required;
  f.value = selected;
  f.options = options;
  fields_.push_back(std::move(f));
  return *this;
}

Form& Form::textarea(const std::string& name, const std::string& label_key,
                     const std::string& value, bool required, const std::string& hint_key) {
  field(name, label_key, "text", value, "off", required, hint_key);
  fields_.back().is_textarea = true;
  return *this;
}

Form& Form::checkboxes(const std::string& name, const std::string& label_key,
                       const std::vector<std::pair<std::string, std::string>>& options,
                       const std::vector<std::string>& checked, bool required,
                       const std::string& hint_key) {
  field(name, label_key, "checkbox", "", "off", required, hint_key);
  fields_.back().is_group = true;
  fields_.back().options = options;
  fields_.back().checked_values = checked;
  return *this;
}

Form& Form::file(const std::string& name, const std::string& label_key, const std::string& accept,
                 const std::string& hint_key, bool required) {
  field(name, label_key, "file", "", "off", required, hint_key);
  fields_.back().is_file = true;
  fields_.back().value = accept;
  multipart_ = true;
  return *this;
}

Form& Form::hidden(const std::string& name, const std::string& value) {
  hidden_.emplace_back(name, value);
  return *this;
}

Form& Form::link(const std::string& href, const std::string& text_key) {
  links_.emplace_back(href, t_.text(text_key));
  return *this;
}

Form& Form::error(const std::string& field, const std::string& key) {
  const auto& text = t_.text("errors.form." + key);
  errors_.emplace_back(field, text);
  for (auto& f : fields_) {
    if (f.name == field && f.error.empty()) f.error = text;
  }
  return *this;
}

Form& Form::errors(const core::Problems& problems) {
  for (const auto& [field, key] : problems) error(field, key);
  return *this;
}

Form& Form::inputmode(const std::string& field, const std::string& mode) {
  for (auto& f : fields_) {
    if (f.name == field) f.input_mode = mode;
  }
  return *this;
}

Form& Form::id_prefix(const std::string& prefix) {
  prefix_ = prefix;
  return *this;
}

ViewData Form::view() const {
  ViewData data;
  data.set("heading", heading_);
  data.set("action", action_);
  data.set("submit", submit_);
  data.set("intro", text_or_false(intro_));
  data.set("notice", text_or_false(notice_));
  data.set("has_errors", !errors_.empty());
  data.set("multipart", multipart_);
  ViewList errors;
  for (const auto& [field, text] : errors_) {
    ViewData e;
    e.set("field", text_or_false(field.empty() ? field : prefix_ + field));
    e.set("text", text);
    errors.push_back(e);
  }
  data.set("errors", errors);
  ViewList fields;
  for (const auto& f : fields_) {
    // Every key is set on every field so that sections never fall through to
    // a value of the enclosing page.
    ViewData v;
    v.set("name", f.name);
    v.set("id", prefix_ + f.name);
    v.set("label", f.label);
    v.set("type", f.type);
    v.set("value", f.value);
    v.set("autocomplete", f.autocomplete);
    v.set("hint", text_or_false(f.hint));
    v.set("error", text_or_false(f.error));
    v.set("required", f.required);
    v.set("checkbox", f.checkbox);
    v.set("checked", f.checked);
    v.set("link_href", text_or_false(f.link_href));
    v.set("link_text", text_or_false(f.link_text));
    v.set("inputmode", text_or_false(f.input_mode));
    v.set("select", f.is_select);
    v.set("textarea", f.is_textarea);
    v.set("group", f.is_group);
    v.set("file", f.is_file);
    v.set("input", !f.is_group && !f.is_file && !f.is_textarea);
    ViewList options;
    for (const auto& [value, label] : f.options) {
      ViewData o;
      o.set("option_value", value);
      o.set("option_label", label);
      o.set("selected", f.is_group ? std::find(f.checked_values.begin(), f.checked_values.end(),
                                               value) != f.checked_values.end()
                                   : value == f.value);
      o.set("option_id", prefix_ + f.name + "-" + value);
      options.push_back(o);
    }
    v.set("options", options);
    fields.push_back(v);
  }
  data.set("fields", fields);
  data.set("hidden", pairs(hidden_, "name", "value"));
  data.set("links", pairs(links_, "href", "text"));
  return data;
}

}  // namespace ruamkit::web

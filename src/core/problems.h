// What is wrong with submitted data, as the rules of every feature report it.
#pragma once

#include <string>
#include <utility>
#include <vector>

namespace ruamkit::core {

// Each problem names the form field it belongs to (empty: the whole form) and
// a catalogue key under errors.form.* that explains it, e.g.
// {"title", "text_too_long"} for errors.form.text_too_long. Empty when the
// data is valid. web::Form::errors() shows such a list beside the fields.
using Problems = std::vector<std::pair<std::string, std::string>>;

}  // namespace ruamkit::core

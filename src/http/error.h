// Errors that end a request with an HTTP status. Thrown by handlers and the
// layers under them; turned into a page or problem JSON by the error
// middleware, never shown as a stack trace.
#pragma once

#include <stdexcept>
#include <string>

#include "http/message.h"

namespace ruamkit::http {

class HttpError : public std::runtime_error {
 public:
  // `reason` is a short machine-readable code for logs (e.g. "bad_form"); the
  // text a person reads comes from the message catalogue by status.
  HttpError(int status, std::string reason)
      : std::runtime_error(reason), status_(status), reason_(std::move(reason)) {}

  int status() const { return status_; }
  const std::string& reason() const { return reason_; }
  // Headers the response must carry (e.g. Allow for 405).
  Headers& headers() { return headers_; }
  const Headers& headers() const { return headers_; }

 private:
  int status_;
  std::string reason_;
  Headers headers_;
};

}  // namespace ruamkit::http

// The only translation unit that includes Beast and Asio (they are slow to
// compile). Everything above the socket works on http::Request/Response.
#include <utility>  // before Asio with GCC 12 in C++20 mode

#include "http/server.h"

#include <spdlog/spdlog.h>
#include <boost/asio/dispatch.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/post.hpp>
#include <boost/asio/signal_set.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/asio/strand.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>
#include <boost/json/serialize.hpp>
#include <boost/json/value.hpp>

#include <algorithm>
#include <atomic>
#include <mutex>
#include <optional>
#include <thread>
#include <unordered_map>
#include <vector>

#include "core/random.h"
#include "core/work_queue.h"
#include "http/proxy.h"
#include "http/url.h"

namespace ruamkit::http {

namespace beast = boost::beast;
namespace bhttp = boost::beast::http;
namespace net = boost::asio;
using tcp = net::ip::tcp;

class Session;

struct Server::Shared {
  Shared(ServerOptions o, Handler a, ErrorRenderer e)
      : options(std::move(o)),
        app(std::move(a)),
        errors(std::move(e)),
        ioc(options.threads),
        control(net::make_strand(ioc)),
        acceptor(net::make_strand(ioc)),
        signals(control, SIGINT, SIGTERM),
        deadline(control),
        handlers("requests", options.workers, options.max_queued_requests) {}
  // Sessions whose handlers are still queued are destroyed with the
  // io_context; they must not post to it any more.
  ~Shared() { destroying = true; }

  void accept();
  void begin_shutdown();
  void add(Session* s, std::weak_ptr<Session> w) {
    std::lock_guard lock(mutex);
    sessions.emplace(s, std::move(w));
  }
  void remove(Session* s);

  ServerOptions options;
  Handler app;
  ErrorRenderer errors;
  std::atomic<bool> stopping{false};
  std::atomic<bool> destroying{false};
  std::mutex mutex;
  std::unordered_map<Session*, std::weak_ptr<Session>> sessions;
  // Declared after what sessions use, so it is destroyed before them.
  net::io_context ioc;
  // Signals, shutdown and its deadline run on this strand, one at a time.
  net::strand<net::io_context::executor_type> control;
  tcp::acceptor acceptor;
  net::signal_set signals;
  net::steady_timer deadline;
  // The application's threads. Declared last, so they finish (and post their
  // last responses) while the io_context still exists.
  core::WorkQueue handlers;
};

namespace {

// Accepts a client-supplied request id (from a proxy) only when it is short
// and plain; otherwise makes a new one.
std::string request_id_from(std::string_view incoming) {
  if (!incoming.empty() && incoming.size() <= 64) {
    bool plain = true;
    for (char c : incoming) {
      const bool ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
                      c == '-' || c == '_' || c == '.';
      plain = plain && ok;
    }
    if (plain) return std::string(incoming);
  }
  return core::random_hex(8);
}

bool contains(const std::vector<std::string>& list, std::string_view item) {
  return std::find(list.begin(), list.end(), item) != list.end();
}

bool is_parse_error(const beast::error_code& ec) {
  return &ec.category() == &bhttp::make_error_code(bhttp::error::bad_target).category();
}

}  // namespace

class Session : public std::enable_shared_from_this<Session> {
 public:
  Session(tcp::socket&& socket, Server::Shared& shared)
      : stream_(std::move(socket)), shared_(shared) {
    beast::error_code ec;
    const auto endpoint = stream_.socket().remote_endpoint(ec);
    if (!ec) remote_ = endpoint.address().to_string();
  }

  ~Session() { shared_.remove(this); }

  void start() {
    shared_.add(this, weak_from_this());
    net::dispatch(stream_.get_executor(),
                  beast::bind_front_handler(&Session::read, shared_from_this()));
  }

  // Closes the connection unless a request has begun to arrive or is being
  // handled (called at shutdown; those finish, then close).
  void stop_if_idle() {
    net::dispatch(stream_.get_executor(), [self = shared_from_this()] {
      const bool receiving =
          self->buffer_.size() > 0 || (self->parser_ && self->parser_->got_some());
      if (!self->busy_ && !receiving) self->close();
    });
  }

 private:
  void read() {
    if (shared_.stopping) return close();
    parser_.emplace();
    parser_->header_limit(static_cast<std::uint32_t>(shared_.options.header_limit));
    // The larger limit until the header tells whether this is an upload.
    parser_->body_limit(std::max(shared_.options.body_limit, shared_.options.upload_body_limit));
    stream_.expires_after(shared_.options.read_timeout);
    bhttp::async_read_header(stream_, buffer_, *parser_,
                             beast::bind_front_handler(&Session::on_header, shared_from_this()));
  }

  // Uploads (multipart/form-data) may be larger than other bodies.
  void on_header(beast::error_code ec, std::size_t bytes) {
    if (ec) return on_read(ec, bytes);
    const auto& header = parser_->get();
    // RFC 9112 §6.3: a body is framed by exactly one of Transfer-Encoding
    // (which must then be just "chunked") and Content-Length. Anything else
    // could be read differently by a proxy in front (request smuggling):
    // answer 400 and close the connection.
    if (!unambiguous_framing(header)) return refuse_framing();
    const auto type = header[bhttp::field::content_type];
    const auto target = header.target();
    const auto path = target.substr(0, target.find('?'));
    const bool upload =
        header.method() == bhttp::verb::post && header.find(bhttp::field::cookie) != header.end() &&
        type.size() >= 19 && beast::iequals(type.substr(0, 19), "multipart/form-data") &&
        std::any_of(shared_.options.upload_paths.begin(), shared_.options.upload_paths.end(),
                    [&](const std::string& p) { return path == p; });
    const auto limit = upload ? shared_.options.upload_body_limit : shared_.options.body_limit;
    if (const auto length = parser_->content_length(); length && *length > limit) {
      return on_read(bhttp::error::body_limit, bytes);
    }
    parser_->body_limit(limit);  // enforced on chunked bodies as they arrive
    bhttp::async_read(stream_, buffer_, *parser_,
                      beast::bind_front_handler(&Session::on_read, shared_from_this()));
  }

  static bool unambiguous_framing(const bhttp::request_header<>& header) {
    int encodings = 0, lengths = 0;
    std::string_view encoding;
    for (const auto& field : header) {
      if (field.name() == bhttp::field::transfer_encoding) {
        ++encodings;
        encoding = field.value();
      } else if (field.name() == bhttp::field::content_length) {
        ++lengths;
      }
    }
    if (encodings == 0) return true;
    if (encodings > 1 || lengths > 0) return false;
    while (!encoding.empty() && (encoding.front() == ' ' || encoding.front() == '\t'))
      encoding.remove_prefix(1);
    while (!encoding.empty() && (encoding.back() == ' ' || encoding.back() == '\t'))
      encoding.remove_suffix(1);
    return beast::iequals(encoding, "chunked");
  }

  void refuse_framing() {
    busy_ = true;
    started_ = std::chrono::steady_clock::now();
    Request request;
    request.remote_address = remote_;
    request.method = std::string(parser_->get().method_string());
    request.path = "/";
    request.target = "/";
    request.request_id = core::random_hex(8);
    spdlog::info("refused a request from {}: ambiguous message framing", remote_);
    respond(render_error(request, 400), request, false, false);
  }

  void on_read(beast::error_code ec, std::size_t) {
    started_ = std::chrono::steady_clock::now();
    if (ec == bhttp::error::end_of_stream || ec == bhttp::error::partial_message ||
        ec == beast::error::timeout || ec == net::error::operation_aborted) {
      return close();
    }
    Request request;
    request.remote_address = remote_;
    if (ec) {
      if (!is_parse_error(ec)) return close();  // the socket failed
      busy_ = true;
      int status = 400;
      if (ec == bhttp::error::header_limit) status = 431;
      if (ec == bhttp::error::body_limit) status = 413;
      request.method = "-";
      request.path = "/";
      request.target = "/";
      request.request_id = core::random_hex(8);
      spdlog::debug("rejected request from {}: {}", remote_, ec.message());
      return respond(render_error(request, status), request, false, false);
    }
    busy_ = true;
    auto& message = parser_->get();
    request.method = std::string(message.method_string());
    request.target = std::string(message.target());
    for (const auto& field : message) {
      request.headers.add(field.name_string(), std::string(field.value()));
    }
    const bool via_proxy = contains(shared_.options.trusted_proxies, remote_);
    request.request_id =
        request_id_from(via_proxy ? request.headers.get("X-Request-Id").value_or("") : "");
    request.remote_address =
        client_address(remote_, request.headers.get("X-Forwarded-For").value_or(""),
                       shared_.options.trusted_proxies);
    request.body = std::move(message.body());
    const bool head = message.method() == bhttp::verb::head;
    const bool keep_alive = message.keep_alive();

    // The application runs on a worker thread; the answer is written back on
    // this connection's strand. The work guard keeps the io_context running
    // while a request is being handled.
    auto shared_request = std::make_shared<Request>(std::move(request));
    auto work = [self = shared_from_this(), shared_request, keep_alive, head,
                 guard = net::make_work_guard(shared_.ioc)]() mutable {
      auto response = std::make_shared<Response>(self->handle(*shared_request));
      auto executor = self->stream_.get_executor();
      net::post(executor, [self = std::move(self), shared_request, response, keep_alive, head] {
        self->respond(std::move(*response), *shared_request, keep_alive && !self->shared_.stopping,
                      head);
      });
      guard.reset();
    };
    if (!shared_.handlers.try_post(std::move(work))) {
      // Every worker is busy and the queue is full: say so at once.
      spdlog::warn("request {} refused: {} requests waiting", shared_request->request_id,
                   shared_.options.max_queued_requests);
      auto response = render_error(*shared_request, 503);
      response.headers.set("Retry-After", "1");
      respond(std::move(response), *shared_request, keep_alive && !shared_.stopping, head);
    }
  }

  // Runs the application for `request` (on a worker thread).
  Response handle(Request& request) {
    if (auto target = parse_target(request.target)) {
      request.path = std::move(target->path);
      request.query = std::move(target->query);
      try {
        return shared_.app(request);
      } catch (const std::exception& e) {
        spdlog::error("request {} failed outside the application: {}", request.request_id,
                      e.what());
        return render_error(request, 500);
      }
    }
    request.path = "/";
    return render_error(request, 400);
  }

  Response render_error(Request& request, int status) {
    try {
      return shared_.errors(request, status);
    } catch (const std::exception& e) {
      spdlog::error("error page failed: {}", e.what());
      return Response::text("Error " + std::to_string(status) + "\n", status);
    }
  }

  void respond(Response response, const Request& request, bool keep_alive, bool head) {
    auto out = std::make_shared<bhttp::response<bhttp::string_body>>();
    out->version(11);
    out->result(static_cast<unsigned>(response.status));
    for (const auto& [name, value] : response.headers.all()) out->insert(name, value);
    out->set("X-Request-Id", request.request_id);
    const auto size = response.body.size();
    const bool bodiless = response.status == 204 || response.status == 304 ||
                          (response.status >= 100 && response.status < 200);
    if (head) {
      out->content_length(size);
    } else if (!bodiless) {
      out->body() = std::move(response.body);
      out->prepare_payload();
    }
    out->keep_alive(keep_alive);

    log_.method = request.method;
    log_.path = request.path;
    log_.status = response.status;
    log_.request_id = request.request_id;
    log_.remote = request.remote_address.empty() ? remote_ : request.remote_address;
    response_ = out;
    stream_.expires_after(shared_.options.read_timeout);
    bhttp::async_write(
        stream_, *out,
        beast::bind_front_handler(&Session::on_write, shared_from_this(), keep_alive));
  }

  void on_write(bool keep_alive, beast::error_code ec, std::size_t bytes) {
    const auto micros = std::chrono::duration_cast<std::chrono::microseconds>(
                            std::chrono::steady_clock::now() - started_)
                            .count();
    boost::json::object entry;
    entry["msg"] = "request";
    entry["id"] = log_.request_id;
    entry["remote"] = log_.remote;
    entry["method"] = log_.method;
    entry["path"] = log_.path;
    entry["status"] = log_.status;
    entry["bytes"] = bytes;
    entry["duration_us"] = micros;
    if (ec) entry["error"] = ec.message();
    spdlog::info("{}", boost::json::serialize(entry));

    busy_ = false;
    response_.reset();
    if (ec || !keep_alive || shared_.stopping) return close();
    read();
  }

  void close() {
    beast::error_code ec;
    stream_.socket().shutdown(tcp::socket::shutdown_send, ec);
    stream_.socket().close(ec);
  }

  struct LogFields {
    std::string method, path, request_id, remote;
    int status = 0;
  };

  beast::tcp_stream stream_;
  Server::Shared& shared_;
  beast::flat_buffer buffer_;
  std::optional<bhttp::request_parser<bhttp::string_body>> parser_;
  std::shared_ptr<void> response_;
  std::string remote_;
  bool busy_ = false;
  std::chrono::steady_clock::time_point started_;
  LogFields log_;
};

void Server::Shared::remove(Session* s) {
  std::lock_guard lock(mutex);
  sessions.erase(s);
  if (stopping && sessions.empty() && !destroying) {
    net::post(control, [this] { deadline.cancel(); });
  }
}

void Server::Shared::accept() {
  acceptor.async_accept(net::make_strand(ioc), [this](beast::error_code ec, tcp::socket socket) {
    if (ec == net::error::operation_aborted || stopping) return;
    if (ec) {
      // Out of file descriptors, most likely: wait instead of spinning.
      spdlog::warn("accept failed: {}; pausing 100 ms", ec.message());
      auto pause = std::make_shared<net::steady_timer>(ioc, std::chrono::milliseconds(100));
      pause->async_wait([this, pause](beast::error_code) { accept(); });
      return;
    }
    std::size_t live = 0;
    {
      std::lock_guard lock(mutex);
      live = sessions.size();
    }
    if (live >= options.max_connections) {
      beast::error_code ignored;
      socket.close(ignored);
    } else {
      std::make_shared<Session>(std::move(socket), *this)->start();
    }
    accept();
  });
}

void Server::Shared::begin_shutdown() {
  if (stopping.exchange(true)) return;
  spdlog::info("shutting down: no new connections; finishing requests in flight");
  beast::error_code ec;
  acceptor.close(ec);
  signals.cancel(ec);
  std::vector<std::shared_ptr<Session>> live;
  {
    std::lock_guard lock(mutex);
    for (auto& [raw, weak] : sessions) {
      if (auto s = weak.lock()) live.push_back(std::move(s));
    }
    if (sessions.empty()) return;  // nothing left: the io_context runs out of work
  }
  for (auto& s : live) s->stop_if_idle();
  live.clear();
  deadline.expires_after(options.shutdown_deadline);
  deadline.async_wait([this](beast::error_code wait_ec) {
    if (wait_ec) return;  // cancelled: every connection finished in time
    spdlog::warn("shutdown deadline passed; closing the remaining connections");
    ioc.stop();
  });
  // The last connection may have gone before the timer was armed.
  std::lock_guard lock(mutex);
  if (sessions.empty()) deadline.cancel();
}

Server::Server(ServerOptions options, Handler app, ErrorRenderer errors)
    : shared_(std::make_unique<Shared>(std::move(options), std::move(app), std::move(errors))) {}

Server::~Server() = default;

unsigned short Server::listen() {
  auto& s = *shared_;
  beast::error_code ec;
  auto address = net::ip::make_address(s.options.address, ec);
  if (ec) {
    tcp::resolver resolver(s.ioc);
    auto results = resolver.resolve(s.options.address, std::to_string(s.options.port), ec);
    if (ec || results.empty()) {
      throw std::runtime_error("cannot resolve listen address " + s.options.address);
    }
    address = results.begin()->endpoint().address();
  }
  const tcp::endpoint endpoint(address, s.options.port);
  s.acceptor.open(endpoint.protocol(), ec);
  if (!ec) s.acceptor.set_option(net::socket_base::reuse_address(true), ec);
  if (!ec) s.acceptor.bind(endpoint, ec);
  if (!ec) s.acceptor.listen(net::socket_base::max_listen_connections, ec);
  if (ec) {
    throw std::runtime_error("cannot listen on " + s.options.address + ":" +
                             std::to_string(s.options.port) + ": " + ec.message());
  }
  return s.acceptor.local_endpoint().port();
}

void Server::run() {
  auto& s = *shared_;
  s.signals.async_wait([&s](beast::error_code ec, int) {
    if (!ec) s.begin_shutdown();
  });
  s.accept();
  std::vector<std::thread> workers;
  for (int i = 1; i < s.options.threads; ++i) workers.emplace_back([&s] { s.ioc.run(); });
  s.ioc.run();
  for (auto& w : workers) w.join();
}

void Server::stop() {
  net::post(shared_->control, [s = shared_.get()] { s->begin_shutdown(); });
}

}  // namespace ruamkit::http

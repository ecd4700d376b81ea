#include "server/routes.h"

namespace tinhgon {
namespace {

constexpr const char* kJson = "application/json; charset=utf-8";

std::string AllowHeader(const std::set<std::string>& methods) {
  std::string allow;
  auto add = [&](const std::string& m) { allow += (allow.empty() ? "" : ", ") + m; };
  for (const std::string& m : methods) {
    add(m);
    if (m == "GET") add("HEAD");
  }
  add("OPTIONS");
  return allow;
}

}  // namespace

bool IsApiPath(const std::string& path) { return path.rfind("/api/", 0) == 0 || path == "/openapi.json"; }

std::set<std::string>& Routes::MethodsOf(const std::string& pattern) {
  for (auto& [p, methods] : methods_) {
    if (p == pattern) return methods;
  }
  return methods_.emplace_back(pattern, std::set<std::string>()).second;
}

void Routes::Get(const std::string& pattern, httplib::Server::Handler handler) {
  MethodsOf(pattern).insert("GET");
  server_->Get(pattern, std::move(handler));
}

void Routes::Post(const std::string& pattern, httplib::Server::Handler handler) {
  MethodsOf(pattern).insert("POST");
  server_->Post(pattern, std::move(handler));
}

void Routes::Delete(const std::string& pattern, httplib::Server::Handler handler) {
  MethodsOf(pattern).insert("DELETE");
  server_->Delete(pattern, std::move(handler));
}

void Routes::Finish() {
  for (const auto& [pattern, methods] : methods_) {
    const std::string allow = AllowHeader(methods);
    auto not_allowed = [allow](const httplib::Request& req, httplib::Response& res) {
      res.status = 405;
      res.set_header("Allow", allow);
      std::string body = R"({"error":{"code":"method_not_allowed","message":")" + req.method +
                         " is not allowed here; allowed: " + allow + "\"}}";
      res.set_content(body, kJson);
    };
    auto options = [allow](const httplib::Request& req, httplib::Response& res) {
      res.status = 204;
      res.set_header("Allow", allow);
      if (IsApiPath(req.path)) {
        res.set_header("Access-Control-Allow-Origin", "*");
        res.set_header("Access-Control-Allow-Methods", allow);
        res.set_header("Access-Control-Allow-Headers", "Authorization, Content-Type");
        res.set_header("Access-Control-Max-Age", "86400");
      }
    };
    server_->Options(pattern, options);
    if (!methods.count("GET")) server_->Get(pattern, not_allowed);
    if (!methods.count("POST")) server_->Post(pattern, not_allowed);
    if (!methods.count("DELETE")) server_->Delete(pattern, not_allowed);
    server_->Put(pattern, not_allowed);
    server_->Patch(pattern, not_allowed);
  }
}

}  // namespace tinhgon

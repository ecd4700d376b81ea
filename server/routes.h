// The server's route table: which methods each path answers, so every other
// method gets "405 Method Not Allowed" with an Allow header, OPTIONS answers
// what is allowed (a CORS preflight under /api/), and HEAD is served by the
// GET handler as httplib does. Not thread-safe: build it before listening.
#pragma once

#include <set>
#include <string>
#include <utility>
#include <vector>

#include <httplib.h>

namespace tinhgon {

class Routes {
 public:
  explicit Routes(httplib::Server* server) : server_(server) {}

  void Get(const std::string& pattern, httplib::Server::Handler handler);
  void Post(const std::string& pattern, httplib::Server::Handler handler);
  void Delete(const std::string& pattern, httplib::Server::Handler handler);

  // Registers the answers for the methods no route takes. Call once, after
  // every route.
  void Finish();

 private:
  httplib::Server* server_;
  // Pattern -> methods, in the order the patterns were first registered:
  // httplib tries patterns in that order, so must the 405 answers.
  std::vector<std::pair<std::string, std::set<std::string>>> methods_;
  std::set<std::string>& MethodsOf(const std::string& pattern);
};

// Whether `path` is a route of the CORS API (any origin may call it).
bool IsApiPath(const std::string& path);

}  // namespace tinhgon

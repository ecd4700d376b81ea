#include "server/web_ui.h"

#include <chrono>

#include <httplib.h>

#include "search/searcher.h"
#include "server/compare_page.h"
#include "server/document_page.h"
#include "server/http_errors.h"
#include "server/metrics.h"
#include "server/page_kit.h"
#include "server/routes.h"
#include "server/search_page.h"
#include "server/searcher_pool.h"
#include "server_embedded.h"

namespace tinhgon {
namespace {

// A page for a request that failed, in Vietnamese: the 4xx of the library
// are shown by the pages themselves, so this is an unreadable index or a bug.
std::string FailurePage(const Failure& f) {
  std::string text = f.status == 503 ? "Chỉ mục tạm thời không đọc được. Xin thử lại sau ít phút."
                                     : "Máy chủ gặp lỗi khi xử lý yêu cầu này (mã lỗi " + f.error_id + ").";
  if (f.status >= 400 && f.status < 500) text = "Yêu cầu không hợp lệ.";
  return "<!DOCTYPE html><html lang=\"vi\"><title>tinhgon</title><p>" + text + "</p></html>";
}

}  // namespace

void RegisterWebUi(Routes* server, SearcherPool* searchers, Metrics* metrics) {
  auto page = [=](const std::string& name, auto render) {
    return [=](const httplib::Request& req, httplib::Response& res) {
      auto start = std::chrono::steady_clock::now();
      int status = 200;
      try {
        SetHtml(res, render(req, *searchers->Acquire(), &status));
        res.status = status;
      } catch (...) {
        Failure f = CurrentFailure(req.method + " " + req.target);
        res.status = f.status;
        SetHtml(res, FailurePage(f));
      }
      metrics->Record(name, res.status, std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count());
    };
  };
  auto search = page("/search", [](const httplib::Request& req, Searcher& s, int* status) {
    return SearchPage(s, Params(req.params.begin(), req.params.end()), status);
  });
  server->Get("/", search);
  server->Get("/search", search);
  server->Get(R"(/documents/(.+))", page("/documents/{id}", [](const httplib::Request& req, Searcher& s, int* status) {
    return DocumentPage(s, req.matches[1], Params(req.params.begin(), req.params.end()), status);
  }));
  server->Get("/compare", page("/compare", [](const httplib::Request& req, Searcher& s, int* status) {
    return ComparePage(s, Params(req.params.begin(), req.params.end()), status);
  }));
  server->Get("/favicon.ico", [](const httplib::Request&, httplib::Response& res) {
    res.status = 204;  // no icon, and no 404 in every browser's console
    res.set_header("Cache-Control", "max-age=86400");
  });
  server->Get("/static/style.css", [](const httplib::Request&, httplib::Response& res) {
    res.set_content(std::string(embedded::server_style), "text/css; charset=utf-8");
    res.set_header("Cache-Control", "max-age=3600");
  });
}

}  // namespace tinhgon

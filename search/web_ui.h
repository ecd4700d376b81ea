// The web form journalists use: GET /, /search, /documents/{id}, /static/style.css.
#pragma once

#include <filesystem>

namespace httplib {
class Server;
}

namespace tinhgon {

class Metrics;

// Vietnamese pages rendered from the mustache templates in search/templates
// (compiled into the binary). Plain links and forms only: everything works
// with JavaScript off, and the Content-Security-Policy allows no script at
// all. Every string from a query or a report is HTML-escaped by the
// templates; snippets are escaped before <mark> is added.
void RegisterWebUi(httplib::Server* server, const std::filesystem::path& db, Metrics* metrics);

}  // namespace tinhgon

// The web form journalists use: GET /, /search, /documents/{id}, /static/style.css.
#pragma once

namespace httplib {
class Server;
}

namespace tinhgon {

class Metrics;
class Routes;
class SearcherPool;

// Vietnamese pages rendered from the mustache templates in server/templates
// (compiled into the binary). Plain links and forms only: everything works
// with JavaScript off, and the Content-Security-Policy allows no script at
// all. Every string from a query or a report is HTML-escaped by the
// templates; snippets are escaped before <mark> is added.
void RegisterWebUi(Routes* server, SearcherPool* searchers, Metrics* metrics);

}  // namespace tinhgon

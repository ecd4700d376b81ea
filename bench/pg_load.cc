// pg_load: loads a corpus of articles into PostgreSQL for full-text search,
// as bench/index times it and bench/query searches it.
//
//   pg_load --conninfo CONNINFO [--table docs] [--config folded ...] CORPUS_DIR
//   pg_load --print-sql [--table docs] [--config folded ...]
//
// Every .txt file is a row (id: the path under CORPUS_DIR, title: the first
// line, body: the rest), with a title-A/body-B tsvector column and a GIN
// index per configuration (bench/postgres.h). The work is the server's, so
// besides the table's size (pg_total_relation_size: heap, TOAST and indexes)
// it prints the CPU time and peak memory of the server process that did it,
// which /usr/bin/time around this client cannot see:
//   documents N
//   size_mb S
//   server_cpu_s C
//   server_peak_rss_kb R
// --print-sql prints the statements instead, and the searches pg_latency
// runs on the table, for docs/BENCHMARKS.md to quote exactly what ran.

#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <sstream>
#include <string>
#include <vector>

#include <CLI/CLI.hpp>
#include <unistd.h>

#include "bench/postgres.h"

int main(int argc, char** argv) {
  CLI::App app{"pg_load: a corpus into PostgreSQL full-text search"};
  std::string conninfo, table = "docs", corpus;
  std::vector<std::string> configs = {"folded"};
  bool print_sql = false;
  auto* conn = app.add_option("--conninfo", conninfo, "libpq connection string");
  app.add_flag("--print-sql", print_sql, "Print the SQL instead of running it")->excludes(conn);
  app.add_option("--table", table, "Table to (re)create");
  // One value a flag (--config simple --config folded), so CORPUS_DIR after it stays positional.
  app.add_option("--config", configs, "Text-search configuration, one tsvector column each; repeatable")
      ->allow_extra_args(false);
  app.add_option("corpus", corpus, "Directory of .txt articles, title on the first line");
  CLI11_PARSE(app, argc, argv);
  if (print_sql) {
    for (const std::string& sql : tinhgon::bench::PgSchemaSql(table, configs)) std::printf("%s;\n", sql.c_str());
    for (const std::string& config : configs) {
      std::printf("-- top 10 (pg_latency: ts_rank; known_item, relevance_xquad: ts_rank and ts_rank_cd);\n"
                  "-- $1 is the query's words, joined by \" or \" for OR\n%s;\n",
                  tinhgon::bench::PgSearchSql(table, config, "ts_rank").c_str());
      std::printf("-- with an exact count of the matches (pg_latency)\n%s;\n",
                  tinhgon::bench::PgSearchSql(table, config, "ts_rank", true).c_str());
    }
    return 0;
  }
  if (conninfo.empty() || corpus.empty()) {
    std::fprintf(stderr, "pg_load: needs --conninfo and CORPUS_DIR\n");
    return 2;
  }

  try {
    std::vector<std::filesystem::path> files;
    for (const auto& entry : std::filesystem::recursive_directory_iterator(corpus)) {
      if (entry.is_regular_file() && entry.path().extension() == ".txt") files.push_back(entry.path());
    }
    std::sort(files.begin(), files.end());
    tinhgon::bench::Postgres pg(conninfo);
    std::size_t next_file = 0;
    tinhgon::bench::PgLoad(pg, table, configs, [&](tinhgon::bench::PgDocument& doc) {
      if (next_file == files.size()) return false;
      const auto& path = files[next_file++];
      std::ifstream in(path);
      doc.id = std::filesystem::relative(path, corpus).generic_string();
      std::getline(in, doc.title);
      doc.body.assign(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
      return true;
    });
    // The server process of this connection reads its own /proc entry
    // (pg_read_file may read any file for a superuser).
    std::string status = pg.Query("SELECT pg_read_file('/proc/self/status')")[0][0];
    std::string stat = pg.Query("SELECT pg_read_file('/proc/self/stat')")[0][0];
    long peak_kb = 0;
    std::istringstream lines(status);
    for (std::string line; std::getline(lines, line);) {
      if (line.rfind("VmHWM:", 0) == 0) peak_kb = std::stol(line.substr(6));
    }
    // utime and stime are the 12th and 13th fields after the ")" ending the
    // process name, in clock ticks.
    std::istringstream fields(stat.substr(stat.rfind(')') + 2));
    std::vector<std::string> f{std::istream_iterator<std::string>(fields), {}};
    double cpu = (std::stod(f.at(11)) + std::stod(f.at(12))) / static_cast<double>(sysconf(_SC_CLK_TCK));
    double bytes = std::stod(pg.Query("SELECT pg_total_relation_size($1)", {table})[0][0]);
    std::printf("documents %zu\nsize_mb %.0f\nserver_cpu_s %.2f\nserver_peak_rss_kb %ld\n", files.size(), bytes / 1e6,
                cpu, peak_kb);
  } catch (const std::exception& e) {
    std::fprintf(stderr, "pg_load: %s\n", e.what());
    return 1;
  }
  return 0;
}

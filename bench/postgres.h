// PostgreSQL full-text search as the benchmark programs use it: a libpq
// connection, loading documents into a table with one weighted tsvector per
// text-search configuration and a GIN index on each, and the ranked top-10
// query. The cluster and its configurations (`simple`, and `folded`:
// unaccent over a copy of simple) come from bench/lib.sh and
// bench/postgres.sql; the exact SQL is quoted in docs/BENCHMARKS.md.
#pragma once

#include <functional>
#include <memory>
#include <stdexcept>
#include <string>
#include <utility>
#include <vector>

#include <libpq-fe.h>

namespace tinhgon::bench {

class Postgres {
 public:
  explicit Postgres(const std::string& conninfo) : conn_(PQconnectdb(conninfo.c_str())) {
    if (PQstatus(conn_) != CONNECTION_OK) {
      std::string error = PQerrorMessage(conn_);
      PQfinish(conn_);
      throw std::runtime_error("cannot connect to PostgreSQL: " + error);
    }
    // Notices (an index already there, ...) are not the benchmark's output.
    PQsetNoticeProcessor(conn_, [](void*, const char*) {}, nullptr);
  }
  ~Postgres() { PQfinish(conn_); }
  Postgres(const Postgres&) = delete;
  Postgres& operator=(const Postgres&) = delete;

  // Runs `sql` with text parameters; the rows of text values. Throws on error.
  std::vector<std::vector<std::string>> Query(const std::string& sql, const std::vector<std::string>& params = {}) {
    return Rows(Checked(PQexecParams(conn_, sql.c_str(), static_cast<int>(params.size()), nullptr, Values(params).data(),
                                     nullptr, nullptr, 0)));
  }

  // Prepares `sql` once under `name`, for Run.
  void Prepare(const std::string& name, const std::string& sql) {
    Checked(PQprepare(conn_, name.c_str(), sql.c_str(), 0, nullptr));
  }
  std::vector<std::vector<std::string>> Run(const std::string& name, const std::vector<std::string>& params) {
    return Rows(Checked(PQexecPrepared(conn_, name.c_str(), static_cast<int>(params.size()), Values(params).data(),
                                       nullptr, nullptr, 0)));
  }

  // COPY ... FROM STDIN in text format: `next` fills a row's fields until it
  // returns false. Fields are escaped here, so any text goes through.
  void CopyIn(const std::string& copy_sql, const std::function<bool(std::vector<std::string>&)>& next) {
    Checked(PQexec(conn_, copy_sql.c_str()), PGRES_COPY_IN);
    std::vector<std::string> fields;
    std::string buffer;
    auto flush = [&] {
      if (PQputCopyData(conn_, buffer.data(), static_cast<int>(buffer.size())) != 1) throw std::runtime_error(Error());
      buffer.clear();
    };
    while (next(fields)) {
      for (std::size_t i = 0; i < fields.size(); ++i) {
        if (i > 0) buffer += '\t';
        AppendCopyField(fields[i], buffer);
      }
      buffer += '\n';
      if (buffer.size() > (1 << 20)) flush();
      fields.clear();
    }
    flush();
    if (PQputCopyEnd(conn_, nullptr) != 1) throw std::runtime_error(Error());
    Checked(PQgetResult(conn_));
    while (PGresult* rest = PQgetResult(conn_)) PQclear(rest);
  }

  // Asks the server to stop the statement running now; callable from any thread.
  std::function<void()> Canceller() {
    std::shared_ptr<PGcancel> cancel(PQgetCancel(conn_), PQfreeCancel);
    return [cancel] {
      char error[256];
      if (cancel) PQcancel(cancel.get(), error, sizeof error);
    };
  }

 private:
  using Result = std::unique_ptr<PGresult, decltype(&PQclear)>;

  static std::vector<const char*> Values(const std::vector<std::string>& params) {
    std::vector<const char*> values;
    for (const std::string& p : params) values.push_back(p.c_str());
    return values;
  }
  static std::vector<std::vector<std::string>> Rows(const Result& result) {
    std::vector<std::vector<std::string>> rows;
    for (int r = 0; r < PQntuples(result.get()); ++r) {
      std::vector<std::string>& row = rows.emplace_back();
      for (int c = 0; c < PQnfields(result.get()); ++c) row.emplace_back(PQgetvalue(result.get(), r, c));
    }
    return rows;
  }
  static void AppendCopyField(const std::string& field, std::string& out) {
    for (char c : field) {
      switch (c) {
        case '\\': out += "\\\\"; break;
        case '\t': out += "\\t"; break;
        case '\n': out += "\\n"; break;
        case '\r': out += "\\r"; break;
        case '\0': break;  // PostgreSQL text cannot hold NUL
        default: out += c;
      }
    }
  }
  std::string Error() const { return PQerrorMessage(conn_); }
  Result Checked(PGresult* raw, ExecStatusType expected = PGRES_TUPLES_OK) {
    Result result(raw, PQclear);
    ExecStatusType status = PQresultStatus(raw);
    if (status != expected && status != PGRES_COMMAND_OK) throw std::runtime_error(Error());
    return result;
  }

  PGconn* conn_;
};

struct PgDocument {
  std::string id, title, body;
};

// The weighted document vector of a configuration: the title weighted A,
// the body B, so ts_rank and ts_rank_cd count a title word 2.5 times a body
// word (their default weights, {D, C, B, A} = {0.1, 0.2, 0.4, 1.0}).
inline std::string PgVector(const std::string& config) {
  return "setweight(to_tsvector('" + config + "', title), 'A') || setweight(to_tsvector('" + config + "', body), 'B')";
}

// The statements that make `table`, in order: the table with a stored
// tsvector column named after each configuration, the COPY that loads it,
// then a GIN index per column and statistics. That is the order of a bulk
// load: building an index once is faster than growing it row by row.
inline std::vector<std::string> PgSchemaSql(const std::string& table, const std::vector<std::string>& configs) {
  std::string create = "CREATE TABLE " + table + " (id text PRIMARY KEY, title text NOT NULL, body text NOT NULL";
  for (const std::string& config : configs) {
    create += ",\n  " + config + " tsvector GENERATED ALWAYS AS (" + PgVector(config) + ") STORED";
  }
  std::vector<std::string> sql = {"DROP TABLE IF EXISTS " + table, create + ")",
                                  "COPY " + table + " (id, title, body) FROM STDIN"};
  for (const std::string& config : configs) {
    sql.push_back("CREATE INDEX " + table + "_" + config + " ON " + table + " USING gin (" + config + ")");
  }
  sql.push_back("VACUUM ANALYZE " + table);
  return sql;
}

// Runs PgSchemaSql, the documents going through its COPY.
inline void PgLoad(Postgres& pg, const std::string& table, const std::vector<std::string>& configs,
                   const std::function<bool(PgDocument&)>& next) {
  PgDocument doc;
  for (const std::string& sql : PgSchemaSql(table, configs)) {
    if (sql.rfind("COPY ", 0) != 0) {
      pg.Query(sql);
      continue;
    }
    pg.CopyIn(sql, [&](std::vector<std::string>& fields) {
      if (!next(doc)) return false;
      fields = {doc.id, doc.title, doc.body};
      return true;
    });
  }
}

// The words of a query as websearch_to_tsquery reads them: side by side for
// AND (what it does by default), joined by "or" for OR. The words are plain
// letters and digits, so none is query syntax.
inline std::string PgQueryText(const std::vector<std::string>& words, bool any) {
  std::string text;
  for (const std::string& w : words) text += (text.empty() ? "" : any ? " or " : " ") + w;
  return text;
}

// The ranked top 10 for the query text $1 on `config`'s column, by
// `rank_function` (ts_rank or ts_rank_cd, default weights and normalization);
// with `count`, every row also carries the number of matches, which makes the
// server count them all as an application showing "N results" would.
inline std::string PgSearchSql(const std::string& table, const std::string& config, const std::string& rank_function,
                               bool count = false) {
  return "SELECT id" + std::string(count ? ", count(*) OVER ()" : "") + " FROM " + table + ", websearch_to_tsquery('" +
         config + "', $1) AS q WHERE " + config + " @@ q ORDER BY " + rank_function + "(" + config +
         ", q) DESC LIMIT 10";
}

// The eight rankings the relevance benchmarks compare on `table`: the exact
// and the folded configuration, ts_rank and ts_rank_cd, the words AND'ed and
// OR'ed; each named as the tables print it and prepared on `pg`, giving the
// ids of its top hits for a query's words.
using PgRanking = std::function<std::vector<std::string>(const std::vector<std::string>&)>;
inline std::vector<std::pair<std::string, PgRanking>> PgRankings(Postgres& pg, const std::string& table) {
  std::vector<std::pair<std::string, PgRanking>> rankings;
  for (const char* config : {"simple", "folded"}) {
    for (const char* rank : {"ts_rank", "ts_rank_cd"}) {
      for (bool any : {false, true}) {
        std::string name = std::string("PostgreSQL ") + (config == std::string("simple") ? "exact" : "folded") + ", " +
                           rank + ", " + (any ? "OR" : "AND");
        pg.Prepare(name, PgSearchSql(table, config, rank));
        rankings.emplace_back(name, [&pg, name, any](const std::vector<std::string>& words) {
          std::vector<std::string> ids;
          for (const auto& row : pg.Run(name, {PgQueryText(words, any)})) ids.push_back(row[0]);
          return ids;
        });
      }
    }
  }
  return rankings;
}

}  // namespace tinhgon::bench

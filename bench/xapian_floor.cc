// The floor for indexing speed: the simplest Xapian indexer over the same
// files, as the reference figures were measured. TermGenerator with default
// settings (no stemmer, positions on), the first line also indexed with the
// title prefix and stored as data, a unique id term, one replace_document per
// file, one commit at the end.
//
//   xapian_floor --db DIR CORPUS_DIR

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include <CLI/CLI.hpp>
#include <xapian.h>

int main(int argc, char** argv) {
  CLI::App app{"Bare Xapian indexing loop (the floor tinhgon-index is measured against)"};
  std::string db_path, corpus;
  app.add_option("--db", db_path, "Index directory to create")->required();
  app.add_option("corpus", corpus, "Directory of text files")->required()->check(CLI::ExistingDirectory);
  CLI11_PARSE(app, argc, argv);

  std::vector<std::filesystem::path> files;
  for (const auto& entry : std::filesystem::recursive_directory_iterator(corpus)) {
    if (entry.is_regular_file()) files.push_back(entry.path());
  }
  std::sort(files.begin(), files.end());
  auto start = std::chrono::steady_clock::now();
  Xapian::WritableDatabase db(db_path, Xapian::DB_CREATE_OR_OVERWRITE);
  Xapian::TermGenerator generator;
  std::uint64_t bytes = 0;
  for (const auto& path : files) {
    std::ifstream in(path, std::ios::binary);
    std::stringstream buffer;
    buffer << in.rdbuf();
    std::string text = buffer.str();
    bytes += text.size();
    std::string title = text.substr(0, text.find('\n'));
    Xapian::Document doc;
    generator.set_document(doc);
    generator.index_text(title, 1, "S");
    generator.index_text(text);
    doc.set_data(title);
    std::string id = "Q" + path.filename().string();
    doc.add_boolean_term(id);
    db.replace_document(id, doc);
  }
  db.commit();
  double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  std::printf("xapian floor: %zu files, %.1f MB, %.1f s, %.2f MB/s\n", files.size(), bytes / 1e6, seconds,
              bytes / 1e6 / seconds);
  return 0;
}

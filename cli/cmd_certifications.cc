// passerelle certifications [filters]
#include <algorithm>
#include <cctype>
#include <cstdio>
#include <iostream>
#include <set>

#include "cli/cli.h"
#include "engine/active_status.h"
#include "engine/french_analyzer.h"
#include "engine/text.h"
#include "engine/workspace.h"

namespace passerelle::cli {

const char kCertificationsHelp[] =
    "Usage : passerelle certifications [--active] [--rome CODE] [--nsf CODE]\n"
    "                                  [--level N] [--search MOTS] [--json]\n\n"
    "Liste les certifications de l'espace de travail avec leur type, leur niveau,\n"
    "leurs nombres de blocs et de compétences et leur état. Les filtres se cumulent.\n\n"
    "Options :\n"
    "  --active        sans les certifications inactives ni celles qu'une autre\n"
    "                  remplace (un REAC n'indique pas d'état : il reste listé)\n"
    "  --rome CODE     code ROME, ou son début : H2903, H29\n"
    "  --nsf CODE      code NSF, ou son début : 251, 251u, 25\n"
    "  --level N       niveau européen, de 1 à 8\n"
    "  --search MOTS   mots de l'intitulé, tous présents, avec l'analyse du français\n"
    "                  (casse, accents, pluriels : « techniciens maintenance »\n"
    "                  trouve « Technicien de Maintenance »)\n"
    "  --json          "
    "[{\"id\",\"kind\",\"title\",\"level\",\"blocs\",\"competences\",\"active\",\n"
    "                  \"status\",\"replaced_by\"}]\n\n"
    "Exemples :\n"
    "  passerelle certifications --workspace ~/vae\n"
    "  passerelle certifications --active --rome H2903 --level 4\n"
    "  passerelle certifications --search \"usinage commande numérique\"\n";

namespace {

// The filters of the command line, checked once.
struct Filters {
  bool active_only = false;
  std::string rome;  // upper case prefix
  std::string nsf;   // lower case prefix
  int level = 0;
  std::vector<std::string> terms;  // analyzed words of --search
};

std::string Upper(std::string s) {
  for (char& c : s) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  return s;
}

std::string Lower(std::string s) {
  for (char& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return s;
}

Result<Filters> ParseFilters(const Args& args, const FrenchAnalyzer& analyzer) {
  Filters f;
  f.active_only = args.Has("--active");
  f.rome = Upper(args.Get("--rome"));
  f.nsf = Lower(args.Get("--nsf"));
  if (args.Has("--level")) {
    const std::string level = args.Get("--level");
    if (level.size() != 1 || level[0] < '1' || level[0] > '8')
      return Status::InvalidArgument("--level attend un niveau de 1 à 8, pas « " + level + " »");
    f.level = level[0] - '0';
  }
  if (args.Has("--search")) {
    for (const AnalyzedToken& t : analyzer.Analyze(args.Get("--search")))
      if (!t.joined && !analyzer.IsStopword(t.raw)) f.terms.push_back(t.term);
    if (f.terms.empty())
      return Status::InvalidArgument("--search attend au moins un mot significatif");
  }
  return f;
}

bool HasCode(const CatalogEntry& e, Code::Type type, const std::string& prefix, bool upper) {
  for (const Code& code : e.codes)
    if (code.type == type && StartsWith(upper ? Upper(code.value) : Lower(code.value), prefix))
      return true;
  return false;
}

bool TitleHasTerms(const CatalogEntry& e, const Filters& f, const FrenchAnalyzer& analyzer,
                   std::vector<AnalyzedToken>* tokens) {
  analyzer.AnalyzeInto(e.title, tokens);
  for (const std::string& term : f.terms) {
    const bool found = std::any_of(tokens->begin(), tokens->end(),
                                   [&](const AnalyzedToken& t) { return t.term == term; });
    if (!found) return false;
  }
  return true;
}

// A listed certification and its derived status.
struct Listed {
  const CatalogEntry* entry;
  ActiveStatus status;
};

std::vector<Listed> Select(const Catalog& catalog, const Filters& f,
                           const FrenchAnalyzer& analyzer) {
  const ActiveStatuses statuses(catalog);
  std::vector<Listed> out;
  std::vector<AnalyzedToken> tokens;
  for (const auto& [id, e] : catalog.entries()) {
    ActiveStatus status = statuses.Of(e);
    if (f.active_only && !status.MayBeActive()) continue;
    if (f.level && e.level != f.level) continue;
    if (!f.rome.empty() && !HasCode(e, Code::Type::kRome, f.rome, true)) continue;
    if (!f.nsf.empty() && !HasCode(e, Code::Type::kNsf, f.nsf, false)) continue;
    if (!f.terms.empty() && !TitleHasTerms(e, f, analyzer, &tokens)) continue;
    out.push_back({&e, std::move(status)});
  }
  return out;
}

void PrintTable(const std::vector<Listed>& entries, bool filtered) {
  if (entries.empty()) {
    std::cout << (filtered ? "Aucune certification ne correspond à ces filtres.\n"
                           : "Aucune certification dans l'espace de travail. "
                             "Importez-en avec « passerelle import FICHIER ».\n");
    return;
  }
  std::vector<std::string> statuses;
  size_t width = 8;
  for (const Listed& l : entries) {
    statuses.push_back(DescribeActiveStatus(l.status));
    width = std::max(width, Utf8Length(statuses.back()) + 2);
  }
  std::string out = PadRight("Identifiant", 12) + PadRight("Type", 6) + PadRight("Niveau", 8) +
                    PadRight("Blocs", 7) + PadRight("Compétences", 13) + PadRight("Statut", width) +
                    "Intitulé\n";
  for (size_t i = 0; i < entries.size(); ++i) {
    const CatalogEntry* e = entries[i].entry;
    out += PadRight(e->id.value, 12) + PadRight(KindName(e->kind), 6) +
           PadRight(e->level ? std::to_string(e->level) : "-", 8) +
           PadRight(std::to_string(e->blocs), 7) + PadRight(std::to_string(e->competences), 13) +
           PadRight(statuses[i], width) + e->title + "\n";
  }
  std::cout << out;
}

// A JSON string as nlohmann::json::dump writes it (UTF-8 kept as is).
void AppendJsonString(std::string* out, const std::string& s) {
  out->push_back('"');
  for (char c : s) {
    switch (c) {
      case '"':
        *out += "\\\"";
        break;
      case '\\':
        *out += "\\\\";
        break;
      case '\n':
        *out += "\\n";
        break;
      case '\r':
        *out += "\\r";
        break;
      case '\t':
        *out += "\\t";
        break;
      case '\b':
        *out += "\\b";
        break;
      case '\f':
        *out += "\\f";
        break;
      default:
        if (static_cast<unsigned char>(c) < 0x20) {
          char escaped[8];
          std::snprintf(escaped, sizeof(escaped), "\\u%04x", c);
          *out += escaped;
        } else {
          out->push_back(c);
        }
    }
  }
  out->push_back('"');
}

// The list written directly, byte for byte what PrintJson would print for
// the same array (keys in nlohmann's sorted order): building a JSON tree of
// 25,600 objects first doubled the time of the command.
void PrintJsonList(const std::vector<Listed>& entries) {
  if (entries.empty()) {
    std::cout << "[]\n";
    return;
  }
  std::string out = "[\n";
  for (size_t i = 0; i < entries.size(); ++i) {
    const CatalogEntry& e = *entries[i].entry;
    const ActiveStatus& status = entries[i].status;
    const std::optional<bool> flag = status.Flag();
    const std::string active = flag ? (*flag ? "true" : "false") : "null";
    out += "  {\n    \"active\": " + active + ",\n    \"blocs\": " + std::to_string(e.blocs) +
           ",\n    \"competences\": " + std::to_string(e.competences) + ",\n    \"id\": ";
    AppendJsonString(&out, e.id.value);
    out += ",\n    \"kind\": \"" + KindName(e.kind) +
           "\",\n    \"level\": " + (e.level ? std::to_string(e.level) : "null") +
           ",\n    \"replaced_by\": ";
    if (status.replaced_by.empty()) {
      out += "[]";
    } else {
      out += "[\n";
      for (size_t k = 0; k < status.replaced_by.size(); ++k) {
        out += "      ";
        AppendJsonString(&out, status.replaced_by[k].value);
        out += k + 1 < status.replaced_by.size() ? ",\n" : "\n";
      }
      out += "    ]";
    }
    out += ",\n    \"status\": \"" + ActiveStatusName(status.kind) + "\",\n    \"title\": ";
    AppendJsonString(&out, e.title);
    out += i + 1 < entries.size() ? "\n  },\n" : "\n  }\n";
  }
  std::cout << out << "]\n";
}

}  // namespace

int RunCertifications(const std::vector<std::string>& argv) {
  auto args = ParseArgs(argv, {{"--json", "--active"}, {"--rome", "--nsf", "--level", "--search"}});
  if (!args.ok()) return UsageError(args.status().message(), "certifications");
  if (!args->positional.empty())
    return UsageError("argument inattendu : " + args->positional[0], "certifications");
  FrenchAnalyzer analyzer;
  auto filters = ParseFilters(*args, analyzer);
  if (!filters.ok()) return UsageError(filters.status().message(), "certifications");
  RealFileSystem disk;
  Workspace workspace(&disk, WorkspaceRoot(*args));
  auto catalog = ReadCatalog(workspace);
  if (!catalog.ok()) return Fail(catalog.status());
  const auto selected = Select(*catalog, *filters, analyzer);
  if (args->Has("--json")) {
    PrintJsonList(selected);
    return kExitOk;
  }
  const bool filtered = filters->active_only || filters->level || !filters->rome.empty() ||
                        !filters->nsf.empty() || !filters->terms.empty();
  PrintTable(selected, filtered);
  return kExitOk;
}

}  // namespace passerelle::cli

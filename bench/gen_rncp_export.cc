// Generates a full-size synthetic open-data export of France Compétences
// (root FICHES, flux 4.1) from the real fiches of ../shared/data/rncp-xml,
// for bench/import_bench. Not a test, not run by CI.
//
//   gen_rncp_export OUT.xml [--fiches 25600] [--megabytes 560] [--seed 1]
//                           [--drop-every K] [--retitle-every K]
//
// Fiche i is a copy of real fiche i % T (T templates), renumbered RNCP<100000+i>
// with its bloc codes; its links to other templates point to the copies of
// the same round, so replaces / replaced-by pairs and correspondences stay
// inside the export. Each copy then varies like the register does: a
// random number of its blocs is kept (the national export averages 2.2 blocs
// a fiche, a quarter of fiches having none), the title gets a trade word
// (for --search), the ROME code and the active flag are drawn, and the
// PARTENAIRES list is cut or repeated so that the file reaches the wanted
// size (real fiches weigh 22 KB on average, most of it partners).
// --drop-every K leaves out every K-th fiche and --retitle-every K changes
// every K-th title: a "newer export" for measuring a re-import.
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <iostream>
#include <map>
#include <random>
#include <string>
#include <vector>

#include "importers/byte_source.h"
#include "importers/rncp_xml_reader.h"

using namespace passerelle;

namespace {

struct Options {
  std::string out;
  size_t fiches = 25600;
  size_t megabytes = 560;
  unsigned seed = 1;
  size_t drop_every = 0;
  size_t retitle_every = 0;
};

struct Template {
  std::string number;                 // "RNCP35340"
  std::string body;                   // the FICHE without its PARTENAIRES
  std::vector<std::string> partners;  // "<PARTENAIRE>...</PARTENAIRE>"
};

std::string Between(const std::string& s, const std::string& open, const std::string& close,
                    size_t from = 0) {
  const size_t a = s.find(open, from);
  if (a == std::string::npos) return "";
  const size_t b = s.find(close, a + open.size());
  return b == std::string::npos ? "" : s.substr(a + open.size(), b - a - open.size());
}

void ReplaceAll(std::string* s, const std::string& from, const std::string& to) {
  for (size_t at = s->find(from); at != std::string::npos; at = s->find(from, at + to.size()))
    s->replace(at, from.size(), to);
}

Template Cut(const std::string& fiche) {
  Template t;
  t.number = Between(fiche, "<NUMERO_FICHE>", "</NUMERO_FICHE>");
  t.body = fiche;
  const size_t a = fiche.find("<PARTENAIRES>");
  const size_t b = fiche.find("</PARTENAIRES>");
  if (a != std::string::npos && b != std::string::npos) {
    const std::string list = fiche.substr(a, b + 14 - a);
    for (size_t p = list.find("<PARTENAIRE>"); p != std::string::npos;
         p = list.find("<PARTENAIRE>", p + 1))
      t.partners.push_back("<PARTENAIRE>" + Between(list, "<PARTENAIRE>", "</PARTENAIRE>", p) +
                           "</PARTENAIRE>");
    t.body = fiche.substr(0, a) + "@PARTENAIRES@" + fiche.substr(b + 14);
  } else {
    t.body.insert(t.body.rfind("</FICHE>"), "@PARTENAIRES@\n  ");
  }
  return t;
}

std::vector<Template> LoadTemplates(const std::string& dir) {
  std::vector<Template> out;
  for (const char* name : {"export-fiches-rncp-extract.xml", "selection-rncp-12-fiches.xml"}) {
    auto file = FileByteSource::Open(dir + "/" + name);
    if (!file.ok()) {
      std::cerr << file.status().message() << "\n";
      std::exit(1);
    }
    RncpXmlReader reader(file->get(), name);
    Status s = reader.ReadHeader();
    ExportFiche fiche;
    for (;;) {
      auto more = reader.Next(&fiche);
      if (!more.ok() || !s.ok()) {
        std::cerr << (s.ok() ? more.status() : s).message() << "\n";
        std::exit(1);
      }
      if (!*more) break;
      out.push_back(Cut(fiche.xml));
    }
  }
  return out;
}

// Keeps a random number of the blocs (0 to all).
std::string KeepSomeBlocs(const std::string& fiche, std::mt19937* rng) {
  const size_t a = fiche.find("<BLOCS_COMPETENCES>");
  const size_t b = fiche.find("</BLOCS_COMPETENCES>");
  if (a == std::string::npos || b == std::string::npos) return fiche;
  std::vector<std::string> blocs;
  const std::string list = fiche.substr(a, b - a);
  for (size_t p = list.find("<BLOC_COMPETENCES>"); p != std::string::npos;
       p = list.find("<BLOC_COMPETENCES>", p + 1))
    blocs.push_back("<BLOC_COMPETENCES>" +
                    Between(list, "<BLOC_COMPETENCES>", "</BLOC_COMPETENCES>", p) +
                    "</BLOC_COMPETENCES>");
  const size_t keep = std::uniform_int_distribution<size_t>(0, blocs.size())(*rng);
  std::string kept = "<BLOCS_COMPETENCES>";
  for (size_t i = 0; i < keep; ++i) kept += "\n      " + blocs[i];
  return fiche.substr(0, a) + kept + "\n    " + fiche.substr(b);
}

void ReplaceElement(std::string* fiche, const std::string& name, const std::string& value) {
  const std::string open = "<" + name + ">", close = "</" + name + ">";
  const size_t a = fiche->find(open);
  const size_t b = fiche->find(close, a);
  if (a != std::string::npos && b != std::string::npos)
    fiche->replace(a + open.size(), b - a - open.size(), value);
}

const char* const kTrades[] = {"usinage",      "maintenance",  "logistique",  "commerce",
                               "soudage",      "comptabilité", "électricité", "numérique",
                               "restauration", "santé",        "bâtiment",    "transport"};
const char* const kRome[] = {"H2903", "H2912", "I1304", "N1103", "D1402", "M1203",
                             "F1602", "M1805", "G1602", "J1501", "F1703", "N4101"};

std::string Number(size_t i) { return "RNCP" + std::to_string(100000 + i); }

// Sets the fiche's own ACTIF, not the one of a SI_JURY_* block (which
// holds an ACTIF too, right after its start tag).
void SetFicheActive(std::string* fiche, const std::string& value) {
  for (size_t at = fiche->find("<ACTIF>"); at != std::string::npos;
       at = fiche->find("<ACTIF>", at + 1)) {
    const size_t before = fiche->find_last_not_of(" \n\t", at - 1);
    const size_t tag = fiche->rfind('<', before);
    if (fiche->compare(tag, 9, "<SI_JURY_") == 0) continue;
    const size_t end = fiche->find("</ACTIF>", at);
    fiche->replace(at + 7, end - at - 7, value);
    return;
  }
}

// Removes element `name` (first occurrence, with its indentation line).
bool RemoveElement(std::string* fiche, const std::string& name) {
  const size_t a = fiche->find("<" + name + ">");
  const std::string close = "</" + name + ">";
  const size_t b = fiche->find(close, a);
  if (a == std::string::npos || b == std::string::npos) return false;
  fiche->erase(a, b + close.size() - a);
  return true;
}

// Fields the importer does not read, dropped (in this order) from a copy
// that is over its byte budget even without partners: the copies of rich
// real fiches are larger than the register's average fiche.
void FitBudget(std::string* fiche, double budget) {
  static const char* kUnread[] = {"OBJECTIFS_CONTEXTE",
                                  "STATISTIQUES_PROMOTIONS",
                                  "PUBLICATION_DECRET_GENERAL",
                                  "PUBLICATION_DECRET_CREATION",
                                  "PUBLICATION_DECRET_AUTRE",
                                  "SECTEURS_ACTIVITE",
                                  "TYPE_EMPLOI_ACCESSIBLES",
                                  "PREREQUIS_ENTREE_FORMATION",
                                  "REGLEMENTATIONS_ACTIVITES",
                                  "SI_JURY_CA",
                                  "SI_JURY_CL",
                                  "SI_JURY_CQ",
                                  "SI_JURY_FC",
                                  "SI_JURY_FI"};
  for (const char* name : kUnread) {
    if (static_cast<double>(fiche->size()) <= budget) return;
    while (RemoveElement(fiche, name)) {
    }
  }
}

// Copy `i` of template `t`, renumbered and varied.
std::string MakeFiche(size_t i, const std::vector<Template>& templates,
                      const std::map<std::string, size_t>& index, const Options& o, double budget,
                      std::mt19937* rng) {
  const size_t round = i / templates.size();
  const Template& t = templates[i % templates.size()];
  std::string fiche = t.body;
  // Other templates first (their numbers may contain this one's as prefix).
  for (const auto& [number, j] : index)
    if (number != t.number)
      ReplaceAll(&fiche, number + "<", Number(round * templates.size() + j) + "<");
  for (const auto& [number, j] : index)
    if (number != t.number)
      ReplaceAll(&fiche, number + "BC", Number(round * templates.size() + j) + "BC");
  ReplaceAll(&fiche, t.number, Number(i));
  fiche = KeepSomeBlocs(fiche, rng);
  std::string title = Between(fiche, "<INTITULE>", "</INTITULE>");
  title += " — " + std::string(kTrades[(*rng)() % std::size(kTrades)]);
  if (o.retitle_every && i % o.retitle_every == 0) title += " (révisé)";
  ReplaceElement(&fiche, "INTITULE", title);
  SetFicheActive(&fiche, (*rng)() % 10 < 3 ? "Oui" : "Non");
  const size_t rome = fiche.find("<ROME>");
  if (rome != std::string::npos) {
    std::string code = kRome[(*rng)() % std::size(kRome)];
    const size_t a = fiche.find("<CODE>", rome) + 6;
    fiche.replace(a, fiche.find("</CODE>", a) - a, code);
  }
  FitBudget(&fiche, budget);
  const double partner_budget = budget - static_cast<double>(fiche.size());
  std::string partners = "<PARTENAIRES>";
  for (size_t k = 0; !t.partners.empty() && partners.size() < partner_budget; ++k)
    partners += "\n      " + t.partners[k % t.partners.size()];
  partners += "\n    </PARTENAIRES>";
  ReplaceAll(&fiche, "@PARTENAIRES@", t.partners.empty() ? "" : partners);
  return "  " + fiche + "\n";
}

bool ParseOptions(int argc, char** argv, Options* o) {
  for (int a = 1; a < argc; ++a) {
    const std::string arg = argv[a];
    auto value = [&]() -> size_t { return a + 1 < argc ? std::stoul(argv[++a]) : 0; };
    if (arg == "--fiches")
      o->fiches = value();
    else if (arg == "--megabytes")
      o->megabytes = value();
    else if (arg == "--seed")
      o->seed = static_cast<unsigned>(value());
    else if (arg == "--drop-every")
      o->drop_every = value();
    else if (arg == "--retitle-every")
      o->retitle_every = value();
    else if (o->out.empty() && arg[0] != '-')
      o->out = arg;
    else
      return false;
  }
  return !o->out.empty() && o->fiches > 0;
}

}  // namespace

int main(int argc, char** argv) {
  Options o;
  if (!ParseOptions(argc, argv, &o)) {
    std::cerr << "usage: gen_rncp_export OUT.xml [--fiches N] [--megabytes M] [--seed S]"
                 " [--drop-every K] [--retitle-every K]\n";
    return 2;
  }
  const std::vector<Template> templates = LoadTemplates(PASSERELLE_SHARED_DIR "/data/rncp-xml");
  std::map<std::string, size_t> index;
  for (size_t j = 0; j < templates.size(); ++j) index[templates[j].number] = j;
  std::ofstream out(o.out, std::ios::binary);
  out << "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"no\"?>\n<FICHES>\n"
         "  <VERSION_FLUX>4.1</VERSION_FLUX>\n";
  std::mt19937 rng(o.seed);
  const double target = static_cast<double>(o.megabytes) * 1024 * 1024;
  double written = 0;
  size_t kept = 0;
  for (size_t i = 0; i < o.fiches; ++i) {
    // Spread what is left of the byte budget over the fiches left.
    const double per_fiche = (target - written) / static_cast<double>(o.fiches - i);
    std::string fiche = MakeFiche(i, templates, index, o, per_fiche, &rng);
    if (o.drop_every && i % o.drop_every == 0) continue;
    written += static_cast<double>(fiche.size());
    out << fiche;
    ++kept;
  }
  out << "</FICHES>\n";
  out.close();
  if (!out) {
    std::cerr << "écriture impossible : " << o.out << "\n";
    return 1;
  }
  std::cout << o.out << ": " << kept << " fiches, " << static_cast<size_t>(written / 1048576)
            << " MB, from " << templates.size() << " real fiches\n";
  return 0;
}

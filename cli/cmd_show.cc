// passerelle show CERT
#include <iostream>
#include <map>

#include "cli/certification_lookup.h"
#include "cli/cli.h"
#include "cli/display.h"
#include "engine/active_status.h"
#include "engine/certification_json.h"
#include "engine/competence_graph.h"
#include "engine/text.h"

namespace passerelle::cli {

const char kShowHelp[] =
    "Usage : passerelle show CERTIFICATION [--json]\n\n"
    "Affiche une certification de l'espace de travail : identité, état, codes ROME\n"
    "et NSF, certifications remplacées et remplaçantes, correspondances officielles\n"
    "entre blocs (vues des deux côtés), blocs et, pour chaque compétence,\n"
    "description, critères de performance, savoir-faire et savoirs.\n\n"
    "Options :\n"
    "  --json   l'arbre complet en JSON (voir docs/cli-json.md)\n\n"
    "Exemples :\n"
    "  passerelle show TP-00211\n"
    "  passerelle show RNCP35697 --json\n";

namespace {

void PrintList(const char* heading, const std::vector<std::string>& items) {
  if (items.empty()) return;
  std::cout << "      " << heading << " :\n";
  for (const std::string& item : items)
    std::cout << WrapText(item, OutputWidth(), "        - ", "          ");
}

void PrintCodes(const Certification& c, Code::Type type, const char* label) {
  auto codes = c.CodesOfType(type);
  if (codes.empty()) return;
  std::cout << label << " :";
  for (const Code* code : codes)
    std::cout << " " << code->value << (code->label.empty() ? "" : " (" + code->label + ")");
  std::cout << "\n";
}

void PrintLinks(const char* label, const std::vector<CertificationLink>& links) {
  if (links.empty()) return;
  std::cout << label << " :";
  for (const CertificationLink& l : links)
    std::cout << " " << l.id.value << (l.title.empty() ? "" : " (" + l.title + ")");
  std::cout << "\n";
}

void PrintCorrespondences(const std::vector<Correspondence>& list) {
  if (list.empty()) return;
  std::cout << "Correspondances officielles :\n";
  for (const Correspondence& c : list)
    std::cout << "  " << (c.bloc.empty() ? "la certification" : c.bloc.value) << " ↔ "
              << (c.to_bloc.empty() ? c.to_certification.value : c.to_bloc.value) << "\n";
}

void PrintHeader(const Certification& c, const CompetenceGraph& graph) {
  std::cout << c.id.value << " — " << c.title << "\n";
  std::cout << "Type : " << KindName(c.kind);
  if (!c.abbreviation.empty()) std::cout << " (" << c.abbreviation << ")";
  std::cout << " · niveau " << (c.level ? std::to_string(c.level) : "non précisé");
  std::vector<CertificationId> replaced_by;
  for (const CertificationLink& l : graph.ReplacedBy(c.id)) replaced_by.push_back(l.id);
  std::cout << " · statut : " << DescribeActiveStatus(DeriveActiveStatus(c.active, replaced_by));
  if (!c.state.empty()) std::cout << " · " << c.state;
  std::cout << "\n";
  PrintCodes(c, Code::Type::kRome, "ROME");
  PrintCodes(c, Code::Type::kNsf, "NSF");
  PrintCodes(c, Code::Type::kFormacode, "Formacode");
  PrintLinks("Remplace", graph.Replaces(c.id));
  PrintLinks("Remplacée par", graph.ReplacedBy(c.id));
  PrintCorrespondences(graph.Correspondences(c.id));
}

void PrintCompetence(const Certification& c, const Competence& comp, size_t label_width,
                     std::map<std::string, std::string>& detailed, const Bloc& bloc) {
  const std::string label = ShortName(comp.id.value, comp.number, c.id);
  std::cout << WrapText(comp.title, OutputWidth(), "    " + PadRight(label, label_width + 1),
                        std::string(4 + label_width + 1, ' '));
  auto done = detailed.find(comp.id.value);
  if (done != detailed.end()) {
    std::cout << std::string(4 + label_width + 1, ' ') << "(commune avec " << done->second
              << " : son détail est plus haut)\n";
    return;
  }
  detailed[comp.id.value] = ShortName(bloc.id.value, "", c.id);
  PrintList("Critères de performance", comp.criteria);
  PrintList("Savoir-faire", comp.AllSavoirFaire());
  PrintList("Savoirs", comp.savoirs);
}

void PrintTree(const Certification& c) {
  std::vector<std::string> labels;
  for (const Competence& comp : c.competences)
    labels.push_back(ShortName(comp.id.value, comp.number, c.id));
  const size_t label_width = ColumnWidth(labels);
  std::map<std::string, std::string> detailed;
  for (const Bloc& b : c.blocs) {
    std::string heading = ShortName(b.id.value, "", c.id) + "  " + b.title;
    if (!b.unit.empty()) heading += " [" + b.unit + "]";
    if (b.kind == BlocKind::kCcs)
      heading += " (certificat complémentaire de spécialisation, facultatif : hors couverture "
                 "du titre)";
    if (b.optional) heading += " (facultatif)";
    if (b.implicit) heading += " (bloc implicite : la fiche n'a pas de blocs)";
    std::cout << "\n" << WrapText(heading, OutputWidth(), "  ", "    ");
    for (const CompetenceId& id : b.competences)
      if (const Competence* comp = c.FindCompetence(id))
        PrintCompetence(c, *comp, label_width, detailed, b);
  }
  if (c.transversal_competences.empty()) return;
  std::cout << "\n  Compétences transversales de l'emploi (mobilisées dans toutes les activités, "
               "elles ne sont pas comptées comme compétences) :\n";
  for (const Competence& t : c.transversal_competences) {
    std::cout << "    " << ShortName(t.id.value, "", c.id) << "  " << t.title << "\n";
    PrintList("Critères de performance", t.criteria);
  }
}

}  // namespace

int RunShow(const std::vector<std::string>& argv) {
  auto args = ParseArgs(argv, {{"--json"}, {}});
  if (!args.ok()) return UsageError(args.status().message(), "show");
  if (args->positional.size() != 1)
    return UsageError("indiquez une certification, par exemple : passerelle show TP-00211",
                      "show");
  RealFileSystem disk;
  Workspace workspace(&disk, WorkspaceRoot(*args));
  auto resolved = ResolveCertification(workspace, args->positional[0]);
  if (!resolved.ok()) return Fail(resolved.status());
  const CertificationId id = *resolved;
  // The links of every certification come from the catalog; only this one
  // is read in full.
  auto catalog = ReadCatalog(workspace);
  if (!catalog.ok()) return Fail(catalog.status());
  auto graph = CompetenceGraph::LoadFor(workspace, {id}, std::move(catalog).value());
  if (!graph.ok()) return Fail(graph.status());
  const Certification* cert = graph->Find(id);
  if (args->Has("--json")) {
    PrintJson(CertificationToJson(*cert, *graph));
    return kExitOk;
  }
  PrintHeader(*cert, *graph);
  PrintTree(*cert);
  return kExitOk;
}

}  // namespace passerelle::cli

// passerelle related CERT: the certifications closest to one of them.
#include <cmath>
#include <iostream>

#include "cli/certification_lookup.h"
#include "cli/cli.h"
#include "cli/mapping_run.h"
#include "engine/certification_comparison.h"
#include "engine/comparison_corpus.h"
#include "engine/competence_graph.h"
#include "engine/file_system.h"
#include "engine/related_certifications.h"
#include "engine/text.h"
#include "reports/typography.h"

namespace passerelle::cli {

const char kRelatedHelp[] =
    "Usage : passerelle related CERTIFICATION [--top N] [--json]\n\n"
    "Les certifications de l'espace de travail les plus proches de CERTIFICATION,\n"
    "avec un score de 0 à 1 : d'abord les liens officiels (remplace, remplacée\n"
    "par, correspondances déclarées), puis les codes ROME en commun et le même\n"
    "domaine NSF, puis le contenu (part de chaque référentiel que l'autre couvre,\n"
    "comme passerelle compare). Toutes les certifications sont examinées sur leur\n"
    "résumé ; les plus prometteuses sont comparées compétence par compétence.\n\n"
    "Options :\n"
    "  --top N              nombre de certifications données (défaut 10, 1 à 100)\n"
    "  --json               {\"certification\",\"title\",\"related\":[{\"id\",\"title\",\n"
    "                       \"score\",\"official\",\"shared_rome\",\"same_nsf\",\n"
    "                       \"content\"}]} (voir docs/cli-json.md)\n"
    "  --thesaurus FICHIER  thésaurus supplémentaire (voir passerelle map --help)\n\n"
    "Exemples :\n"
    "  passerelle related TP-00211\n"
    "  passerelle related RNCP35697 --top 5 --json\n";

namespace {

struct RelatedRun {
  Certification target;
  std::vector<RelatedCertification> related;
};

Result<RelatedRun> Run(const Args& args, const std::string& id, size_t top) {
  auto session = CreateSession(args.GetAll("--thesaurus"));
  if (!session.ok()) return session.status();
  RealFileSystem fs;
  Workspace workspace(&fs, WorkspaceRoot(args));
  auto catalog = ReadCatalog(workspace);
  if (!catalog.ok()) return catalog.status();
  auto resolved = ResolveCertification(workspace, id);
  if (!resolved.ok()) return resolved.status();
  const CertificationId target_id = *resolved;
  auto graph = CompetenceGraph::LoadFor(workspace, {target_id}, *catalog);
  if (!graph.ok()) return graph.status();
  RelatedRun run{*graph->Find(target_id), {}};
  const std::vector<Certification> corpus =
      workspace.LoadReadable(ComparisonCorpusIds(graph->catalog(), {&run.target}));
  std::vector<const Certification*> corpus_ptrs;
  for (const Certification& c : corpus) corpus_ptrs.push_back(&c);
  const FeatureExtractor& features = (*session)->features();
  const TermSpecificity specificity =
      ComparisonSpecificity(run.target, run.target, corpus_ptrs, features);
  RelatedOptions options;
  options.top = top;
  run.related = FindRelated(workspace, *graph, run.target, features, specificity, options);
  return run;
}

nlohmann::json ToJson(const RelatedRun& run) {
  nlohmann::json list = nlohmann::json::array();
  for (const RelatedCertification& r : run.related)
    list.push_back(
        {{"id", r.id.value},
         {"title", r.title},
         {"score", std::round(r.score * 1000) / 1000},
         {"official", r.official},
         {"shared_rome", r.shared_rome},
         {"same_nsf", r.same_nsf},
         {"content", r.content < 0 ? nlohmann::json(nullptr)
                                   : nlohmann::json(std::round(r.content * 1000) / 1000)}});
  return {{"certification", run.target.id.value}, {"title", run.target.title}, {"related", list}};
}

std::string Reasons(const RelatedCertification& r) {
  std::vector<std::string> parts;
  for (const std::string& o : r.official)
    parts.push_back(o == "replaces"      ? "elle la remplace"
                    : o == "replaced_by" ? "elle est remplacée par celle-ci"
                                         : "correspondance déclarée");
  if (!r.shared_rome.empty()) parts.push_back("ROME " + Join(r.shared_rome, ", ") + " en commun");
  if (r.same_nsf) parts.push_back("même domaine NSF");
  if (r.content >= 0) parts.push_back("contenu " + reports::FormatDecimal(r.content, 2));
  return Join(parts, " · ");
}

void PrintText(const RelatedRun& run) {
  std::cout << "Certifications proches de " << run.target.id.value << " — " << run.target.title
            << "\n";
  if (run.related.empty()) {
    std::cout << "Aucune : pas de lien officiel, de code ROME ou NSF ni de mot d'intitulé en "
                 "commun avec les autres certifications de l'espace de travail.\n";
    return;
  }
  for (size_t i = 0; i < run.related.size(); ++i) {
    const RelatedCertification& r = run.related[i];
    std::cout << "  " << PadRight(std::to_string(i + 1) + ".", 4) << PadRight(r.id.value, 12)
              << reports::FormatDecimal(r.score, 2) << "  " << CollapseSpaces(r.title) << "\n"
              << "                    " << Reasons(r) << "\n";
  }
}

}  // namespace

int RunRelated(const std::vector<std::string>& argv) {
  auto args = ParseArgs(argv, {{"--json"}, {"--top", "--thesaurus"}});
  if (!args.ok()) return UsageError(args.status().message(), "related");
  if (args->positional.size() != 1)
    return UsageError("indiquez une certification : passerelle related CERTIFICATION", "related");
  size_t top = 10;
  if (args->Has("--top")) {
    const std::string value = args->Get("--top");
    const bool digits = !value.empty() && value.size() <= 3 &&
                        value.find_first_not_of("0123456789") == std::string::npos;
    top = digits ? std::stoul(value) : 0;
    if (top < 1 || top > 100)
      return UsageError("--top attend un nombre de 1 à 100 (reçu « " + value + " »)", "related");
  }
  auto run = Run(*args, args->positional[0], top);
  if (!run.ok()) return Fail(run.status());
  if (args->Has("--json"))
    PrintJson(ToJson(*run));
  else
    PrintText(*run);
  return kExitOk;
}

}  // namespace passerelle::cli

#include "cli/comparison_run.h"

#include "cli/certification_lookup.h"
#include "cli/cli.h"
#include "cli/mapping_run.h"
#include "engine/comparison_corpus.h"
#include "engine/competence_graph.h"
#include "engine/file_system.h"
#include "engine/workspace.h"

namespace passerelle::cli {

Result<ComparisonRun> RunComparison(const ComparisonRequest& request) {
  auto session = CreateSession(request.thesaurus_files);
  if (!session.ok()) return session.status();
  RealFileSystem fs;
  Workspace workspace(&fs, request.workspace_root);
  auto catalog = ReadCatalog(workspace);
  if (!catalog.ok()) return catalog.status();
  auto a_id = ResolveCertification(workspace, request.a);
  if (!a_id.ok()) return a_id.status();
  auto b_id = ResolveCertification(workspace, request.b);
  if (!b_id.ok()) return b_id.status();
  if (*a_id == *b_id)
    return Status::InvalidArgument("A et B désignent la même certification (" + a_id->value +
                                   ") : indiquez-en deux différentes");
  auto graph = CompetenceGraph::LoadFor(workspace, {*a_id, *b_id}, *catalog);
  if (!graph.ok()) return graph.status();
  ComparisonRun run{*graph->Find(*a_id), *graph->Find(*b_id), {}};
  const std::vector<Certification> corpus =
      workspace.LoadReadable(ComparisonCorpusIds(*catalog, {&run.a, &run.b}));
  std::vector<const Certification*> corpus_ptrs;
  for (const Certification& c : corpus) corpus_ptrs.push_back(&c);
  const FeatureExtractor& features = (*session)->features();
  const TermSpecificity specificity = ComparisonSpecificity(run.a, run.b, corpus_ptrs, features);
  run.comparison = CompareCertifications(run.a, run.b, *graph, features, specificity);
  return run;
}

}  // namespace passerelle::cli

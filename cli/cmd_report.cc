// passerelle report: the PDF gap report of a candidate against a
// certification.
#include <ctime>
#include <filesystem>
#include <iostream>

#include "cli/cli.h"
#include "cli/mapping_run.h"
#include "engine/file_system.h"
#include "engine/mapping_json.h"
#include "engine/text.h"
#include "reports/gap_report.h"

namespace passerelle::cli {

const char kReportHelp[] =
    "Usage : passerelle report --candidate ID --target CERTIFICATION -o RAPPORT.pdf\n"
    "                          [--date AAAA-MM-JJ] [--json-too] [--font POLICE.ttf]\n\n"
    "Écrit le rapport de positionnement en PDF (A4) que le conseiller remet au candidat :\n"
    "couverture globale, synthèse par bloc, puis pour chaque compétence les\n"
    "passages du dossier qui la prouvent et les situations qu'il reste à décrire.\n\n"
    "Options :\n"
    "  --candidate ID       candidat déjà indexé (passerelle dossier add)\n"
    "  --target CERT        certification visée (TP-00211, RNCP35697…)\n"
    "  -o, --output FICHIER rapport PDF à écrire (remplacé s'il existe)\n"
    "  --date AAAA-MM-JJ    date du rapport (défaut : aujourd'hui) ; avec la même\n"
    "                       date, le même dossier donne le même fichier\n"
    "  --json-too           écrit aussi la correspondance JSON à côté (RAPPORT.json)\n"
    "  --font POLICE.ttf    police TrueType à utiliser (défaut : DejaVu)\n"
    "  --thesaurus FICHIER  thésaurus supplémentaire (voir passerelle map --help)\n\n"
    "Exemple :\n"
    "  passerelle report --candidate dupont --target TP-00211 -o rapport-dupont.pdf\n";

namespace {

// Shares below which another certification, or bloc, is not worth a line.
constexpr double kElsewhereCertification = 0.1;
constexpr double kElsewhereBloc = 0.5;

// The "Ailleurs" section: the other certifications, and blocs, the dossier
// covers best (at most three of each, when they reach a meaningful share).
Result<std::vector<reports::ElsewhereSuggestion>> Elsewhere(const std::string& workspace_root,
                                                            const MappingRun& run) {
  SuggestOptions options;
  options.top = 3;
  options.exclude = {run.target.id};
  auto found = SuggestFor(workspace_root, run, options);
  if (!found.ok()) return found.status();
  auto note = [](const std::vector<StrongCompetence>& strongest,
                 const CertificationId& certification) {
    std::vector<std::string> parts;
    for (const StrongCompetence& c : strongest)
      parts.push_back(ShortName(c.id.value, c.number, certification));
    return parts.empty() ? std::string()
                         : "compétences les mieux montrées : " + Join(parts, ", ");
  };
  std::vector<reports::ElsewhereSuggestion> out;
  for (const CertificationSuggestion& c : found->certifications)
    if (c.coverage >= kElsewhereCertification)
      out.push_back({c.id, c.title, BlocId(""), "", c.coverage, note(c.strongest, c.id)});
  for (const BlocSuggestion& b : found->blocs)
    if (b.coverage >= kElsewhereBloc)
      out.push_back({b.certification, b.certification_title, b.id, b.title, b.coverage,
                     note(b.strongest, b.certification)});
  return out;
}

}  // namespace

int RunReport(const std::vector<std::string>& argv) {
  auto args = ParseArgs(argv, {{"--json-too"},
                               {"--candidate", "--target", "--output", "--date", "--font",
                                "--thesaurus"}});
  if (!args.ok()) return UsageError(args.status().message(), "report");
  if (!args->positional.empty())
    return UsageError("argument inattendu : « " + args->positional[0] + " »", "report");
  MappingRequest request;
  request.workspace_root = WorkspaceRoot(*args);
  request.candidate = args->Get("--candidate");
  request.target = args->Get("--target");
  request.thesaurus_files = args->GetAll("--thesaurus");
  const std::string output = args->Get("--output");
  if (request.candidate.empty()) return UsageError("indiquez le candidat (--candidate)", "report");
  if (!IsValidCandidateId(request.candidate))
    return UsageError("--candidate attend un identifiant (lettres, chiffres, - _ .)", "report");
  if (request.target.empty())
    return UsageError("indiquez la certification visée (--target)", "report");
  if (output.empty()) return UsageError("indiquez le fichier PDF à écrire (-o)", "report");
  const std::string json_output =
      std::filesystem::path(output).replace_extension(".json").string();
  for (const std::string& written : {output, json_output}) {
    Status inside = CheckOutputPath(written, request.workspace_root);
    if (!inside.ok()) return Fail(inside);
  }
  auto run = RunMapping(request);
  if (!run.ok()) return Fail(run.status());
  reports::GapReportInput input;
  input.certification = run->target;
  input.mapping = run->result;
  input.candidate = request.candidate;
  input.date = args->Get("--date", Today());
  input.font_path = args->Get("--font");
  auto elsewhere = Elsewhere(request.workspace_root, *run);
  if (!elsewhere.ok()) return Fail(elsewhere.status());
  input.elsewhere = std::move(*elsewhere);
  Status s = reports::WriteGapReport(input, output);
  if (!s.ok()) return Fail(s);
  std::string json_path;
  if (args->Has("--json-too")) {
    json_path = json_output;
    RealFileSystem fs;
    s = WriteFileAtomic(fs, json_path, MappingToJson(run->result).dump(2) + "\n");
    if (!s.ok()) return Fail(s);
  }
  std::cout << "Rapport écrit : " << output << "\n";
  if (!json_path.empty()) std::cout << "Correspondance JSON : " << json_path << "\n";
  return kExitOk;
}

}  // namespace passerelle::cli

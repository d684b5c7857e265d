// passerelle compare A B: two referentiels side by side.
#include <ctime>
#include <iostream>

#include "cli/cli.h"
#include "cli/display.h"
#include "cli/comparison_run.h"
#include "engine/comparison_json.h"
#include "engine/text.h"
#include "reports/equivalence_report.h"
#include "reports/equivalence_report_sections.h"
#include "reports/typography.h"

namespace passerelle::cli {

const char kCompareHelp[] =
    "Usage : passerelle compare A B [--json] [-o EQUIVALENCES.pdf]\n\n"
    "Compare deux certifications de l'espace de travail : pour chaque compétence\n"
    "de A, sa meilleure correspondance dans B avec un score de 0 à 1 (1 = même\n"
    "contenu), calculé sur tout ce que le référentiel en dit (intitulé, critères,\n"
    "savoir-faire) ; pour chaque bloc de A, le bloc de B le plus proche et la part\n"
    "de ses compétences que B couvre ; la couverture de A par B et l'inverse.\n"
    "Les liens officiels (remplace, remplacée par, correspondances déclarées)\n"
    "sont donnés d'abord.\n\n"
    "Lecture des scores : 0,60 et plus, équivalente ; de 0,35 à 0,60, proche ;\n"
    "moins de 0,35, sans équivalent.\n\n"
    "Options :\n"
    "  --json               {\"a\",\"b\",\"coverage_a_by_b\",\"coverage_b_by_a\",\n"
    "                       \"official\":[…],\"blocs\":[…],\"competences\":[…]}\n"
    "                       (voir docs/cli-json.md)\n"
    "  -o, --output FICHIER rapport d'équivalence en PDF (remplacé s'il existe) :\n"
    "                       carte des blocs, correspondances côte à côte, ce qui\n"
    "                       n'a pas d'équivalent de part et d'autre\n"
    "  --date AAAA-MM-JJ    date du rapport (défaut : aujourd'hui)\n"
    "  --font POLICE.ttf    police TrueType du rapport (défaut : DejaVu)\n"
    "  --thesaurus FICHIER  thésaurus supplémentaire (voir passerelle map --help)\n\n"
    "Exemples :\n"
    "  passerelle compare RNCP420 RNCP35697\n"
    "  passerelle compare TP-00211 RNCP420 --json\n"
    "  passerelle compare TP-00211 RNCP28243 -o equivalences.pdf\n";

namespace {

std::string Score(double x) { return reports::FormatDecimal(x, 2); }

void PrintOfficial(const CertificationComparison& c) {
  if (c.official.empty()) {
    std::cout << "Liens officiels : aucun entre ces deux certifications.\n";
    return;
  }
  std::cout << "Liens officiels :\n";
  for (const OfficialLink& l : c.official) {
    switch (l.type) {
      case OfficialLink::Type::kReplaces:
        std::cout << "  " << l.from << " remplace " << l.to << "\n";
        break;
      case OfficialLink::Type::kReplacedBy:
        std::cout << "  " << l.from << " est remplacée par " << l.to << "\n";
        break;
      case OfficialLink::Type::kCorrespondence:
        std::cout << "  correspondance déclarée : " << l.from << " ↔ " << l.to << "\n";
        break;
    }
  }
}

// The short form of a bloc or competence of `cert`: "BC02", "CP6", "C7".
std::string Short(const Certification& cert, const std::string& id) {
  const Competence* comp = cert.FindCompetence(CompetenceId(id));
  return ShortName(id, comp == nullptr ? "" : comp->number, cert.id);
}

void PrintBlocs(const ComparisonSide& side, const Certification& self,
                const Certification& other) {
  const size_t width = OutputWidth();
  std::cout << "\nBlocs de " << self.id.value << " et leur plus proche équivalent dans "
            << other.id.value << " :\n";
  for (const BlocMatch& b : side.blocs) {
    std::cout << WrapText(CollapseSpaces(b.title), width, "  " + Short(self, b.id.value) + "  ",
                          "      ");
    std::string line = "→ ";
    if (b.best)
      line += Short(other, b.best->value) + "  " + CollapseSpaces(b.best_title) + " (score " +
              Score(b.score) + ")";
    else if (!b.closest.empty())
      line += "sans équivalent (le plus proche : " + Short(other, b.closest.value) + ", score " +
              Score(b.score) + ")";
    else
      line += "sans équivalent";
    line += " · couverture " + reports::FormatPercent(b.coverage);
    std::cout << WrapText(line, width, "      ", "        ");
    for (const BlocId& o : b.official)
      std::cout << "      correspondance officielle : " << Short(other, o.value) << "\n";
  }
}

void PrintCompetences(const ComparisonSide& side, const Certification& self,
                      const Certification& other) {
  const size_t width = OutputWidth();
  std::vector<std::string> labels;
  for (const CompetenceMatch& c : side.competences)
    labels.push_back(ShortName(c.id.value, c.number, self.id));
  const size_t label = ColumnWidth(labels) + 2;
  std::cout << "\nCompétences de " << self.id.value << " :\n";
  for (size_t i = 0; i < side.competences.size(); ++i) {
    const CompetenceMatch& c = side.competences[i];
    std::cout << WrapText(CollapseSpaces(c.title), width, "  " + PadRight(labels[i], label),
                          std::string(2 + label, ' '));
    std::string line = "→ ";
    if (c.best)
      line += other.id.value + " " + Short(other, c.best->value) + "  " +
              CollapseSpaces(c.best_title) + " (" + Score(c.score) + ", " +
              reports::EquivalenceWord(c.equivalence) + ")";
    else
      line += "sans équivalent";
    std::cout << WrapText(line, width, "      ", "        ");
  }
}

void PrintText(const ComparisonRun& run) {
  const CertificationComparison& c = run.comparison;
  std::cout << "A : " << run.a.id.value << " — " << run.a.title << "\n"
            << "B : " << run.b.id.value << " — " << run.b.title << "\n";
  PrintOfficial(c);
  std::cout << "Couverture de A par B : " << reports::FormatPercent(c.a.coverage)
            << " ; de B par A : " << reports::FormatPercent(c.b.coverage) << "\n";
  PrintBlocs(c.a, run.a, run.b);
  PrintCompetences(c.a, run.a, run.b);
}

Status WriteReport(const ComparisonRun& run, const Args& args) {
  reports::EquivalenceReportInput input;
  input.a = run.a;
  input.b = run.b;
  input.comparison = run.comparison;
  input.date = args.Get("--date", Today());
  input.font_path = args.Get("--font");
  return reports::WriteEquivalenceReport(input, args.Get("--output"));
}

}  // namespace

int RunCompare(const std::vector<std::string>& argv) {
  auto args = ParseArgs(argv, {{"--json"}, {"--thesaurus", "--output", "--date", "--font"}});
  if (!args.ok()) return UsageError(args.status().message(), "compare");
  if (args->positional.size() != 2)
    return UsageError("indiquez deux certifications à comparer : passerelle compare A B",
                      "compare");
  ComparisonRequest request{WorkspaceRoot(*args), args->positional[0], args->positional[1],
                            args->GetAll("--thesaurus")};
  if (request.a == request.b)
    return UsageError(
        "A et B désignent la même certification (" + request.a + ") : indiquez-en deux différentes",
        "compare");
  if (args->Has("--output") && args->Get("--output").empty())
    return UsageError("indiquez le fichier PDF à écrire après -o", "compare");
  if (args->Has("--output")) {
    Status inside = CheckOutputPath(args->Get("--output"), request.workspace_root);
    if (!inside.ok()) return Fail(inside);
  }
  auto run = RunComparison(request);
  if (!run.ok()) return Fail(run.status());
  if (args->Has("--output")) {
    const Status written = WriteReport(*run, *args);
    if (!written.ok()) return Fail(written);
  }
  if (args->Has("--json"))
    PrintJson(ComparisonToJson(run->comparison));
  else if (args->Has("--output"))
    std::cout << "Rapport d'équivalence écrit : " << args->Get("--output") << "\n";
  else
    PrintText(*run);
  return kExitOk;
}

}  // namespace passerelle::cli

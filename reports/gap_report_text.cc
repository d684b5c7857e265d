#include "reports/gap_report_text.h"

#include "engine/text.h"
#include "reports/typography.h"

namespace passerelle::reports {

std::string CoverageReading(int covered, int partial, int total) {
  if (total <= 0) return "Le référentiel ne compte aucune compétence";
  if (covered == 0) {
    if (total == 1)
      return partial > 0 ? "La compétence est partielle" : "La compétence n'est pas encore couverte";
    std::string out = "Aucune des " + FormatInteger(total) + " compétences n'est encore couverte";
    if (partial > 0)
      out += partial == 1 ? " ; 1 est partielle" : " ; " + FormatInteger(partial) + " sont partielles";
    return out;
  }
  std::string out = CountNoun(covered, "compétence", "compétences") + " sur " +
                    FormatInteger(total) + " " +
                    std::string(PluralForm(covered, "couverte", "couvertes"));
  if (partial > 0)
    out += ", " + FormatInteger(partial) + " " +
           std::string(PluralForm(partial, "partielle", "partielles"));
  return out;
}

std::string StatusCounts(int covered, int partial, int missing) {
  return FormatInteger(covered) + " " + std::string(PluralForm(covered, "couverte", "couvertes")) +
         ", " + FormatInteger(partial) + " " +
         std::string(PluralForm(partial, "partielle", "partielles")) + ", " +
         FormatInteger(missing) + " " +
         std::string(PluralForm(missing, "non couverte", "non couvertes"));
}

std::string EvidenceLocation(const Evidence& evidence, bool with_dossier) {
  std::string where;
  if (evidence.page > 0) where = "page " + std::to_string(evidence.page);
  if (evidence.paragraph > 0)
    where += (where.empty() ? "" : ", ") + std::string("paragraphe ") +
             std::to_string(evidence.paragraph);
  if (where.empty()) where = "passage " + std::to_string(evidence.passage);
  if (with_dossier && !evidence.dossier.empty()) return evidence.dossier + ", " + where;
  return where;
}

std::string BlocShortName(const BlocId& bloc, const CertificationId& certification) {
  return ShortName(bloc.value, "", certification);
}

std::string CompetenceShortName(const CompetenceMapping& competence,
                                const CertificationId& certification) {
  return ShortName(competence.id.value, competence.number, certification);
}

std::string CompetenceStatusWord(CoverageStatus status) {
  switch (status) {
    case CoverageStatus::kCovered:
      return "couverte";
    case CoverageStatus::kPartial:
      return "partielle";
    case CoverageStatus::kMissing:
      break;
  }
  return "non couverte";
}

bool TitleNamesAbbreviation(const Certification& cert) {
  if (cert.abbreviation.empty()) return true;
  return FoldForMatch(cert.title).find(FoldForMatch(cert.abbreviation)) != std::string::npos;
}

std::string BlocNoun(CertificationKind kind, bool plural) {
  if (kind == CertificationKind::kTp) return plural ? "activités types" : "activité type";
  return plural ? "blocs" : "bloc";
}

}  // namespace passerelle::reports

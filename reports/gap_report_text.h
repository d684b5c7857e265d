// The wording of the gap report that depends on data: counts with their
// plurals, evidence locations, short names of blocs and competences. Kept
// apart from the layout so each rule has a unit test.
#pragma once

#include <string>

#include "engine/certification.h"
#include "engine/mapping_result.h"

namespace passerelle::reports {

// The one-line reading of the cover: "7 compétences sur 9 couvertes,
// 1 partielle", "1 compétence sur 9 couverte", "Aucune des 9 compétences
// n'est encore couverte ; 2 sont partielles".
std::string CoverageReading(int covered, int partial, int total);

// "2 couvertes, 1 partielle, 0 non couverte".
std::string StatusCounts(int covered, int partial, int missing);

// Where a passage is: "page 3, paragraphe 12"; "paragraphe 12" when the page
// is unknown (0); "passage 5" when neither is known. With `with_dossier`,
// the dossier's file name comes first: "cv.pdf, page 3, paragraphe 12".
std::string EvidenceLocation(const Evidence& evidence, bool with_dossier);

// "AT1" for TP-00211-AT1, "BC01" for RNCP35697BC01: the bloc id without its
// certification's prefix (the whole id when it has no such prefix).
std::string BlocShortName(const BlocId& bloc, const CertificationId& certification);

// "CP3" when the competence has a number, else its id without the
// certification's prefix ("BC01-C2").
std::string CompetenceShortName(const CompetenceMapping& competence,
                                const CertificationId& certification);

// The status word of a competence (feminine): "couverte", "partielle",
// "non couverte".
std::string CompetenceStatusWord(CoverageStatus status);

// True when the certification's title already names its abbreviation
// ("… (CQPM)" for CQP, "BAC PRO …" for BAC PRO), or it has none: the
// abbreviation is then not repeated after the title.
bool TitleNamesAbbreviation(const Certification& cert);

// "activité type" for a titre professionnel, "bloc" otherwise; plural with
// `plural`.
std::string BlocNoun(CertificationKind kind, bool plural);

}  // namespace passerelle::reports

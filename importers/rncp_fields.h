// Private to the RNCP/RS fiche importer: the descriptive fields of a fiche
// (everything but the blocs), in both layouts. Each function reads what it
// can and leaves the field untouched when the fiche does not give it.
//
// Rules (see also importers/rncp_text.h):
//  - id: old layout "Code RNCP : 420" / "Code RS : 12" (markdown "**" and
//    line breaks allowed); new layout "N° de fiche" then "RNCP35697".
//  - title: old layout the lines after "Intitulé"; new layout the lines
//    after "Répertoire national des certifications professionnelles" (or
//    "Répertoire spécifique") before "Active"/"Inactive"/"N° de fiche";
//    wrapped lines joined.
//  - abbreviation: an all-caps prefix of at most three words of at most six
//    characters before " : " or " - " ("BAC PRO", "CQP"); otherwise an
//    all-caps parenthesis ending the title ("(BTM)", "(CQPM)").
//  - level: "Niveau N" of the new layout, "N (Nomenclature Europe)", or the
//    1969 level converted (V→3, IV→4, III→5, II→6, I→7); 0 when absent.
//  - codes: NSF "251 Label" (several per line, separated by ", ") or
//    "- 251 : Label"; ROME "H2903 : Label" or "- H2903 - Label"; Formacode
//    "- 31632 : Label". A code line ends its section at the first line that
//    is not a code (a lower-case line continues the label).
//  - dates (ISO): new layout "Date d'échéance..." → "echeance", "Date de
//    publication de la fiche" → "publication", "Date de début des parcours
//    certifiants" → "debut-parcours", "Date de dernière délivrance..." →
//    "derniere-delivrance"; old layout "avec effet au 01 juin 2002" →
//    "effet", "jusqu'au 03 juillet 2019" → "echeance".
//  - vae_access: the "Par expérience" row of the access table: with tab
//    columns, X in the first (Oui) column → true, in the second → false;
//    without columns, an "X" on the row or on the next lines of the row →
//    true; no row or no X → unknown.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "engine/certification.h"
#include "importers/rncp_lines.h"

namespace passerelle::rncp {

// "RNCP420", "RS5012", or empty when the fiche number is not found.
std::string FindFicheId(const FicheText& fiche);
// True for the layout with "N° de fiche" and "BLOCS DE COMPÉTENCES".
bool IsNewLayout(const FicheText& fiche);

std::string FindTitle(const FicheText& fiche, bool new_layout);
std::string AbbreviationOf(const std::string& title);
int FindLevel(const FicheText& fiche);
std::optional<bool> FindActive(const FicheText& fiche);
std::vector<Code> FindCodes(const FicheText& fiche);
std::vector<Certificateur> FindCertificateurs(const FicheText& fiche, bool new_layout);
std::vector<DatedEvent> FindDates(const FicheText& fiche);
std::optional<bool> FindVaeAccess(const FicheText& fiche);
// "Certification(s) antérieure(s)" (replaces) or "Nouvelle(s)
// certification(s)" (replaced by) rows, new layout.
std::vector<CertificationLink> FindLinks(const FicheText& fiche, const char* label);

// Converts "01-09-2025" / "01/09/2025" to "2025-09-01"; empty when the
// text is not such a date.
std::string IsoDateFromNumeric(const std::string& text);
// Converts day, French month name and year ("1er", "juin", "2002") to ISO;
// empty when the month is unknown.
std::string IsoDateFromFrench(const std::string& day, const std::string& month,
                              const std::string& year);

}  // namespace passerelle::rncp

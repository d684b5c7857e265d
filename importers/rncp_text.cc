// RNCP/RS fiche text importer. The work is split by layout:
//  - rncp_fields: the descriptive fields (id, title, codes, dates, ...);
//  - rncp_old_blocs: blocs of the old "Résumé descriptif" layout;
//  - rncp_new_blocs: blocs of the new "N° de fiche" layout and the
//    reconciliation of their interleaved table columns;
// this file assembles the Certification and builds the implicit bloc of a
// fiche without blocs.
//
// Competence titles, in every layout: the list item without its bullet or
// enumeration, wrapped lines joined, trailing ";", ",", ":" and a final "."
// dropped (old fiches end items with "." and new ones do not, so titles
// compare across fiches); an official number written before the item
// ("C4. Title", "C4 : Title") goes to Competence::number. Items of the
// implicit bloc are also capitalized ("le suivi des réalisations"
// continues "Il a en charge :").
#include "importers/rncp_text.h"

#include <filesystem>

#include "engine/text.h"
#include "importers/list_items.h"
#include "importers/rncp_fields.h"
#include "importers/rncp_lines.h"
#include "importers/rncp_new_blocs.h"
#include "importers/rncp_old_blocs.h"

namespace passerelle {

namespace {

using rncp::FicheText;
using rncp::ParsedBloc;

// The bulleted lines of a summary: runs of bullet lines and the wrapped
// lines that continue them; lines ending with ":" are headings and are
// left out ("• Pour l'ensemble des activités de production :", "Il a
// aussi en charge :").
std::vector<std::string> BulletRuns(const std::vector<std::string>& lines) {
  std::vector<std::string> out;
  bool in_run = false;
  for (const std::string& raw : lines) {
    const std::string line = Trim(raw);
    if (line.empty()) continue;
    if (HasBullet(line)) {
      in_run = !EndsWith(line, ":");
      if (in_run) out.push_back(line);
    } else if (in_run && !EndsWith(line, ":") && ContinuesItem(out.back(), line)) {
      out.push_back(line);
    } else {
      in_run = false;
    }
  }
  return out;
}

// The competences of a fiche without blocs, from the first source that
// gives some: numbered capacités ("C1 ..."), the "Compétences attestées" /
// "Les capacités attestées" list, the bulleted lists of the summary of
// activities ("Il a en charge : - ...").
ParsedBloc ImplicitBloc(const FicheText& fiche, const std::string& fiche_id, bool new_layout) {
  ParsedBloc bloc;
  bloc.code = fiche_id + "BC00";
  bloc.title = kImplicitBlocTitle;
  const auto attested =
      rncp::LinesOf(fiche, fiche.SectionAfter(fiche.Find(new_layout ? "competences attestees"
                                                                    : "les capacites attestees")));
  for (const rncp::Capacity& c : rncp::ParseCapacities(attested)) {
    bloc.items.push_back(c.title);
    bloc.numbers.push_back(c.number);
  }
  ListSplitOptions options = rncp::CompetenceListOptions();
  options.capitalize = true;
  if (bloc.items.empty()) {
    const ListSplit split = SplitListItems(attested, options);
    bloc.description = split.preamble;
    bloc.items = split.items;
  }
  if (bloc.items.empty()) {
    const auto summary = rncp::LinesOf(
        fiche,
        fiche.SectionAfter(fiche.Find(new_layout ? "activites visees" : "resume du referentiel")));
    bloc.items = SplitListItems(BulletRuns(summary), options).items;
  }
  for (std::string& item : bloc.items) item = CapitalizeFirst(item);
  bloc.numbers.resize(bloc.items.size());
  return bloc;
}

void AddBloc(const ParsedBloc& parsed, bool implicit, Certification* cert) {
  Bloc bloc;
  bloc.id = BlocId(parsed.code);
  bloc.title = parsed.title;
  bloc.unit = parsed.unit;
  bloc.implicit = implicit;
  bloc.optional = parsed.optional;
  bloc.description = parsed.description;
  bloc.modalities = parsed.modalities;
  for (size_t k = 0; k < parsed.items.size(); ++k) {
    Competence competence;
    competence.id = CompetenceId(parsed.code + "-C" + std::to_string(k + 1));
    competence.number = k < parsed.numbers.size() ? parsed.numbers[k] : "";
    competence.title = parsed.items[k];
    std::string number, title;
    if (rncp::SplitLeadingNumber(competence.title, &number, &title)) {
      if (competence.number.empty()) competence.number = number;
      competence.title = title;
    }
    bloc.competences.push_back(competence.id);
    cert->competences.push_back(std::move(competence));
  }
  cert->blocs.push_back(std::move(bloc));
}

std::string SectionText(const FicheText& fiche, const char* label) {
  const size_t at = fiche.Find(label);
  return at == rncp::kNoLine ? ""
                             : rncp::ParagraphText(rncp::LinesOf(fiche, fiche.SectionAfter(at)));
}

void ReadFields(const FicheText& fiche, bool new_layout, Certification* cert) {
  cert->title = rncp::FindTitle(fiche, new_layout);
  cert->abbreviation = rncp::AbbreviationOf(cert->title);
  cert->level = rncp::FindLevel(fiche);
  cert->active = rncp::FindActive(fiche);
  cert->codes = rncp::FindCodes(fiche);
  cert->certificateurs = rncp::FindCertificateurs(fiche, new_layout);
  cert->dates = rncp::FindDates(fiche);
  cert->vae_access = rncp::FindVaeAccess(fiche);
  cert->activites_visees =
      SectionText(fiche, new_layout ? "activites visees" : "resume du referentiel");
  cert->capacites_attestees =
      SectionText(fiche, new_layout ? "competences attestees" : "les capacites attestees");
  cert->replaces = rncp::FindLinks(fiche, "certification(s) anterieure(s)");
  cert->replaced_by = rncp::FindLinks(fiche, "nouvelle(s) certification(s)");
}

std::vector<ParsedBloc> ReadBlocs(const FicheText& fiche, const std::string& id, bool new_layout) {
  if (new_layout) return rncp::ParseNewLayoutBlocs(fiche);
  const auto capacities = rncp::ParseCapacities(
      rncp::LinesOf(fiche, fiche.SectionAfter(fiche.Find("les capacites attestees"))));
  return rncp::ParseOldLayoutBlocs(fiche, id, capacities);
}

// Lines that name the document as a fiche, besides its number.
bool HasFicheAnchor(const FicheText& fiche) {
  static const char* kAnchors[] = {"resume descriptif de la certification",
                                   "repertoire national des certifications professionnelles",
                                   "repertoire specifique", "certificateur(s)", "intitule"};
  for (size_t i = 0; i < fiche.size(); ++i)
    for (const char* anchor : kAnchors)
      if (fiche.folded(i).find(anchor) != std::string::npos) return true;
  return false;
}

}  // namespace

const char kImplicitBlocTitle[] = "Compétences de la certification";

bool LooksLikeRncpFicheText(const std::string& text) {
  if (text.find("RNCP") == std::string::npos && text.find("RS") == std::string::npos)
    return false;  // cheap refusal of most other documents
  const FicheText fiche(text);
  return !rncp::FindFicheId(fiche).empty() && HasFicheAnchor(fiche);
}

Result<Certification> ParseRncpFicheText(const std::string& text, const std::string& file_name) {
  const FicheText fiche(text);
  const std::string id = rncp::FindFicheId(fiche);
  if (id.empty()) {
    return Status::InvalidArgument(
        "fichier " + file_name +
        " : numéro de fiche introuvable, ce texte n'est pas une fiche RNCP ou RS (attendu « Code "
        "RNCP : N » ou « N° de fiche » suivi de RNCPN ou RSN)");
  }
  const bool new_layout = rncp::IsNewLayout(fiche);
  Certification cert;
  cert.id = CertificationId(id);
  cert.kind = StartsWith(id, "RS") ? CertificationKind::kRs : CertificationKind::kRncp;
  ReadFields(fiche, new_layout, &cert);
  const std::vector<ParsedBloc> blocs = ReadBlocs(fiche, id, new_layout);
  for (const ParsedBloc& bloc : blocs) AddBloc(bloc, false, &cert);
  if (blocs.empty()) AddBloc(ImplicitBloc(fiche, id, new_layout), true, &cert);
  cert.source_format = "rncp-text";
  cert.source_name = std::filesystem::path(file_name).filename().string();
  return cert;
}

}  // namespace passerelle

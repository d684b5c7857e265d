// The nodes of the competence graph for one certification: the certification
// itself, its blocs and its competences. One Certification is what one
// canonical XML file of the workspace holds (docs/referentiel-format.md).
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "engine/ids.h"

namespace passerelle {

enum class CertificationKind { kRncp, kRs, kTp };

// "RNCP", "RS", "TP"
std::string KindName(CertificationKind kind);
// Kind from an identifier's prefix; nullopt when the id is not well formed.
std::optional<CertificationKind> KindOfId(const std::string& id);
// True for RNCP<digits>, RS<digits> and TP-<5 digits>.
bool IsCertificationId(const std::string& id);

// A shared code node: ROME, NSF or Formacode, with its label when known.
struct Code {
  enum class Type { kRome, kNsf, kFormacode };
  Type type;
  std::string value;  // "H2903", "251", "251u", "23076"
  std::string label;  // "Conduite d'équipement d'usinage"
  bool operator==(const Code&) const = default;
};
std::string CodeTypeName(Code::Type type);  // "rome", "nsf", "formacode"

struct Certificateur {
  std::string name;
  std::string siret;  // empty when unknown
  bool operator==(const Certificateur&) const = default;
};

// A dated event of the certification ("effet", "echeance", "publication",
// "arrete", ...), the date in ISO form AAAA-MM-JJ.
struct DatedEvent {
  std::string type;
  std::string date;
  bool operator==(const DatedEvent&) const = default;
};

// A link to another certification (replaces / replaced by).
struct CertificationLink {
  CertificationId id;
  std::string title;  // as given by the document, may be empty
  bool operator==(const CertificationLink&) const = default;
};

// An official bloc equivalence declared by the certifier.
struct Correspondence {
  BlocId bloc;                      // our bloc (may be empty: whole fiche)
  CertificationId to_certification;
  BlocId to_bloc;                   // may be empty
  bool operator==(const Correspondence&) const = default;
};

// An evaluation duration given by the referentiel (REAC RE, durations per
// modality), in minutes.
struct Duration {
  std::string label;  // "Mise en situation professionnelle", "Total"
  int minutes = 0;
  bool operator==(const Duration&) const = default;
};

struct Competence {
  CompetenceId id;
  std::string number;  // official number when given: "CP3", "C4"
  std::string title;
  std::string description;
  std::string context;  // contexte(s) professionnel(s) de mise en oeuvre
  std::vector<std::string> criteria;
  std::vector<std::string> savoir_faire_techniques;
  std::vector<std::string> savoir_faire_organisationnels;
  std::vector<std::string> savoir_faire_relationnels;
  std::vector<std::string> savoirs;

  // All savoir-faire, techniques first.
  std::vector<std::string> AllSavoirFaire() const;
  bool operator==(const Competence&) const = default;
};

// What a bloc stands for. A REAC's certificat complémentaire de
// spécialisation (CCS) is optional: coverage of the titre counts its
// standard blocs (activités types), and the CCS are shown apart.
enum class BlocKind { kStandard, kCcs };
std::string BlocKindName(BlocKind kind);  // "standard", "ccs"

struct Bloc {
  BlocId id;
  std::string title;
  std::string unit;         // exam unit code ("U31") when given
  bool implicit = false;    // made by the importer for a fiche without blocs
  bool optional = false;    // "bloc facultatif"
  std::string description;  // preamble of the competence list, when any
  std::string modalities;   // evaluation modalities, plain text
  std::vector<Duration> durations;
  std::vector<CompetenceId> competences;  // in document order
  BlocKind kind = BlocKind::kStandard;     // last: aggregate initializers stay valid
  bool operator==(const Bloc&) const = default;
};

struct Certification {
  CertificationId id;
  CertificationKind kind = CertificationKind::kRncp;
  std::string title;
  std::string abbreviation;
  int level = 0;  // European level 1-8, 0 when unknown
  std::vector<Code> codes;
  std::vector<Certificateur> certificateurs;
  std::optional<bool> active;
  std::string state;  // open-data ETAT_FICHE, when known
  std::optional<bool> vae_access;
  std::vector<DatedEvent> dates;
  std::string activites_visees;
  std::string capacites_attestees;
  std::vector<CertificationLink> replaces;
  std::vector<CertificationLink> replaced_by;  // as declared by this document
  std::vector<Correspondence> correspondences;
  std::vector<Bloc> blocs;
  std::vector<Competence> competences;
  // The REAC's compétences transversales de l'emploi: described like
  // competences (title, description, criteria) but never counted as ones
  // nor part of a bloc; context for the mapping and the reader.
  std::vector<Competence> transversal_competences;
  std::string source_format;  // importer that produced it: "rncp-text", ...
  std::string source_name;    // base name of the imported file

  std::vector<const Code*> CodesOfType(Code::Type type) const;
  const Bloc* FindBloc(const BlocId& id) const;
  const Competence* FindCompetence(const CompetenceId& id) const;
  // The blocs a competence belongs to, in bloc order.
  std::vector<const Bloc*> BlocsOf(const CompetenceId& id) const;
  // Number of distinct competences.
  size_t CompetenceCount() const { return competences.size(); }
  // True when the competence counts toward the certification itself: it
  // belongs to a standard bloc, or the certification has no standard bloc
  // at all. A competence only in CCS blocs does not.
  bool CountsTowardCertification(const CompetenceId& competence_id) const;
  bool operator==(const Certification&) const = default;
};

}  // namespace passerelle

#include "report_samples.h"

#include <stdexcept>

#include "engine/certification_xml.h"
#include "engine/text.h"
#include "test_support.h"

namespace passerelle::testing {

namespace {

// Criteria then savoir-faire: what a mapping can list as missing.
std::vector<std::string> Requirements(const Competence& c) {
  std::vector<std::string> items = c.criteria;
  for (std::string& s : c.AllSavoirFaire()) items.push_back(std::move(s));
  return items;
}

struct SampleEntry {
  const char* number;
  CoverageStatus status;
  double score;
  std::vector<uint32_t> paragraphs;  // evidence, best first
  std::vector<std::string> matched;  // terms of the best evidence
  std::vector<std::string> shown;    // prefixes of the requirements evidenced
  bool list_missing = true;          // false: leave `missing` empty
};

const std::vector<SampleEntry>& Entries() {
  using S = CoverageStatus;
  static const std::vector<SampleEntry> entries = {
      {"CP1",
       S::kPartial,
       0.52,
       {10, 4},
       {"ISO", "Fanuc", "conditions de coupe", "plan", "programmes"},
       {"Programmer une sous-phase de tournage en langage ISO", "Décoder les spécifications",
        "Ordonnancer une suite", "Effectuer des choix d'outils", "Définir les conditions de coupe",
        "Assurer la sauvegarde"}},
      {"CP2",
       S::kCovered,
       0.86,
       {7, 6, 8},
       {"mors doux", "mandrin", "tourelle", "longueurs d'outils", "jauges", "origine pièce"},
       {"Le programme chargé", "Les outils coupants", "Les jauges outils", "Les origines pièce",
        "Les réglages permettent", "Le temps imparti", "Monter et régler les mors",
        "Monter les outils", "Charger, décharger", "Entrer les paramètres", "Mesurer des longueurs",
        "Effectuer les tests de sécurité", "Décoder les spécifications",
        "Appliquer les procédures permettant"}},
      {"CP3",
       S::kPartial,
       0.47,
       {13},
       {"autocontrôle", "micromètre", "tampons", "non-conformité", "fiche de suivi"},
       {"Contrôler par mesurage", "Contrôler par comparaison", "Traiter une non-conformité",
        "Renseigner un relevé de contrôle", "Trier des pièces", "Les résultats des relevés"}},
      {"CP4", S::kMissing, 0.0, {}, {}, {}},
      {"CP5", S::kMissing, 0.0, {}, {}, {}, false},
      {"CP6", S::kMissing, 0.0, {}, {}, {}, false},
      {"CP7",
       S::kPartial,
       0.31,
       {15},
       {"5S", "emplacements", "porte-outils", "graissage", "nettoyage"},
       {"Appliquer les principes de le méthode \"5 S\"", "Effectuer l'entretien courant",
        "Délimiter les zones", "Agencer les moyens"}},
      {"CP8",
       S::kPartial,
       0.28,
       {16},
       {"formé", "intérimaire", "autocontrôle"},
       {"Informer et former l'opérateur", "Transmettre son savoir-faire"}},
      {"CP9",
       S::kPartial,
       0.25,
       {16},
       {"proposé", "brise-copeaux", "arrêts"},
       {"Repérer et analyser une dérive", "Planifier et mettre en place une action corrective"}},
  };
  return entries;
}

bool IsShown(const std::string& item, const std::vector<std::string>& shown) {
  for (const std::string& prefix : shown)
    if (StartsWith(item, prefix)) return true;
  return false;
}

CompetenceMapping FromEntry(const Certification& cert, const Competence& c, const SampleEntry& e,
                            const std::vector<std::string>& paragraphs) {
  CompetenceMapping m;
  m.id = c.id;
  m.number = c.number;
  m.title = c.title;
  for (const Bloc* b : cert.BlocsOf(c.id)) m.blocs.push_back(b->id);
  m.status = e.status;
  m.score = e.score;
  std::vector<std::string> supports;
  for (const std::string& item : Requirements(c)) {
    if (IsShown(item, e.shown)) {
      supports.push_back(item);
    } else if (e.list_missing && e.status != CoverageStatus::kCovered) {
      m.missing.push_back(item);
    }
  }
  for (size_t i = 0; i < e.paragraphs.size(); ++i) {
    Evidence ev;
    ev.dossier = "dossier-exemple.md";
    ev.paragraph = e.paragraphs[i];
    ev.passage = e.paragraphs[i];
    ev.text = paragraphs.at(e.paragraphs[i] - 1);
    ev.score = e.score - 0.1 * static_cast<double>(i);
    if (i == 0) {
      ev.matched = e.matched;
      ev.supports = supports;
    }
    m.evidence.push_back(std::move(ev));
  }
  return m;
}

}  // namespace

Certification LoadCanonical(const std::filesystem::path& source_dir, const std::string& id) {
  const auto path = source_dir / "referentiels" / (id + ".xml");
  Result<Certification> cert = CertificationFromXml(ReadFile(path), path.string());
  if (!cert.ok()) throw std::runtime_error(cert.status().message());
  return *cert;
}

std::vector<std::string> SampleDossierParagraphs(const std::filesystem::path& source_dir) {
  const std::string text = ReadFile(source_dir / "examples" / "dossier-exemple.md");
  std::vector<std::string> paragraphs;
  std::string current;
  for (const std::string& line : SplitLines(text)) {
    if (Trim(line).empty()) {
      if (!current.empty()) paragraphs.push_back(current);
      current.clear();
    } else {
      current += (current.empty() ? "" : "\n") + line;
    }
  }
  if (!current.empty()) paragraphs.push_back(current);
  return paragraphs;
}

MappingResult SampleMapping(const Certification& cert, const std::vector<std::string>& paragraphs) {
  MappingResult m;
  m.candidate = "C-0042";
  m.target = cert.id;
  for (const SampleEntry& e : Entries()) {
    const Competence* c = cert.FindCompetence(CompetenceId(cert.id.value + "-" + e.number));
    if (c == nullptr) throw std::runtime_error(std::string("no competence ") + e.number);
    m.competences.push_back(FromEntry(cert, *c, e, paragraphs));
  }
  FillCounts(m, cert);
  return m;
}

void FillCounts(MappingResult& m, const Certification& cert) {
  auto count = [](int* covered, int* partial, int* missing, CoverageStatus s) {
    if (s == CoverageStatus::kCovered) ++*covered;
    if (s == CoverageStatus::kPartial) ++*partial;
    if (s == CoverageStatus::kMissing) ++*missing;
  };
  m.covered = m.partial = m.missing = 0;
  for (const CompetenceMapping& c : m.competences)
    count(&m.covered, &m.partial, &m.missing, c.status);
  m.coverage = CoverageOf(m.covered, m.partial, static_cast<int>(m.competences.size()));
  m.blocs.clear();
  for (const Bloc& b : cert.blocs) {
    BlocMapping bm;
    bm.id = b.id;
    bm.title = b.title;
    for (const CompetenceMapping& c : m.competences)
      for (const BlocId& id : c.blocs)
        if (id == b.id) count(&bm.covered, &bm.partial, &bm.missing, c.status);
    const int total = bm.covered + bm.partial + bm.missing;
    bm.coverage = CoverageOf(bm.covered, bm.partial, total);
    bm.status = bm.covered == total ? CoverageStatus::kCovered
                : bm.coverage > 0   ? CoverageStatus::kPartial
                                    : CoverageStatus::kMissing;
    m.blocs.push_back(bm);
  }
}

namespace {

const char* const kVerbs[] = {"Analyser",  "Planifier", "Réaliser", "Contrôler", "Organiser",
                              "Concevoir", "Préparer",  "Assurer",  "Définir",   "Mettre en œuvre"};
const char* const kObjects[] = {
    "les opérations d'usinage d'une pièce de révolution",
    "la maintenance de premier niveau d'une machine-outil à commande numérique",
    "le contrôle qualité d'une série de pièces en acier inoxydable",
    "l'approvisionnement de l'atelier en outils coupants et en matière d'œuvre",
    "la mise en production d'une nouvelle référence à partir du dossier de fabrication",
    "les échanges avec le bureau des méthodes et le service qualité"};

std::string Filler(size_t chars, size_t seed) {
  static const char* const kSentences[] = {
      "J’ai réglé le tour « Mazak » et contrôlé la première pièce avec le micromètre. ",
      "Le cœur de la série était conforme à 98 % ; j’ai corrigé l’usure de l’outil de finition. ",
      "Nous avons vérifié la gamme avec le bureau des méthodes, puis j’ai lancé la production. ",
      "La référence est décrite dans "
      "https://intranet.example.fr/documents/fabrication/"
      "gamme-usinage-bague-inox-316L-indice-C.pdf "
      "que j’ai mise à jour. ",
      "Pour l’ébauche, j’ai choisi une plaquette à brise-copeaux adaptée à l’inox 316L. "};
  std::string out;
  for (size_t i = seed; out.size() < chars; ++i) out += kSentences[i % 5];
  return out;
}

}  // namespace

Certification SyntheticCertification(int blocs, int per_bloc) {
  Certification cert;
  cert.id = CertificationId("RNCP99999");
  cert.kind = CertificationKind::kRncp;
  cert.title = "Technicien supérieur en conduite et amélioration de la production mécanique";
  cert.level = 5;
  for (int b = 1; b <= blocs; ++b) {
    Bloc bloc;
    char code[32];
    std::snprintf(code, sizeof(code), "RNCP99999BC%02d", b);
    bloc.id = BlocId(code);
    bloc.title = std::string(kVerbs[b % 10]) + " " + kObjects[b % 6];
    for (int k = 1; k <= per_bloc; ++k) {
      Competence c;
      c.id = CompetenceId(std::string(code) + "-C" + std::to_string(k));
      const int n = b * 7 + k;
      c.title = std::string(kVerbs[n % 10]) + " " + kObjects[n % 6] +
                " dans le respect des règles d'hygiène et de sécurité";
      c.criteria = {"Les pièces réalisées sont conformes au plan de définition.",
                    "Le dossier de fabrication est complété et exploitable.",
                    "Les règles d'hygiène, de sécurité et d'environnement sont respectées."};
      c.savoir_faire_techniques = {"Monter les outils sur la tourelle porte-outils.",
                                   "Régler les correcteurs d'usure.",
                                   "S'assurer de la conformité de la première pièce.",
                                   "Rendre compte de l'avancement à son responsable."};
      bloc.competences.push_back(c.id);
      cert.competences.push_back(std::move(c));
    }
    cert.blocs.push_back(std::move(bloc));
  }
  return cert;
}

MappingResult SyntheticMapping(const Certification& cert, size_t quote_chars) {
  MappingResult m;
  m.candidate = "C-0042";
  m.target = cert.id;
  size_t i = 0;
  for (const Competence& c : cert.competences) {
    CompetenceMapping cm;
    cm.id = c.id;
    cm.number = c.number;
    cm.title = c.title;
    for (const Bloc* b : cert.BlocsOf(c.id)) cm.blocs.push_back(b->id);
    cm.status = static_cast<CoverageStatus>(i % 3);
    if (cm.status != CoverageStatus::kMissing) {
      for (uint32_t k = 0; k < (i % 4) + 1; ++k) {
        Evidence ev;
        ev.dossier = "dossier.docx";
        ev.passage = static_cast<uint32_t>(3 * i + k + 1);
        ev.paragraph = ev.passage;
        ev.page = static_cast<uint32_t>((i + k) % 5);  // 0: unknown
        ev.text = Filler(quote_chars, i + k);
        ev.matched = {"tour", "micromètre", "gamme"};
        const std::vector<std::string> items = Requirements(c);
        if (!items.empty()) ev.supports = {items.front()};
        cm.evidence.push_back(std::move(ev));
      }
    }
    if (cm.status == CoverageStatus::kPartial) {
      const std::vector<std::string> items = Requirements(c);
      for (size_t k = 1; k < items.size() && k < 5; ++k) cm.missing.push_back(items[k]);
    }
    m.competences.push_back(std::move(cm));
    ++i;
  }
  FillCounts(m, cert);
  return m;
}

reports::GapReportInput MakeInput(Certification cert, MappingResult mapping) {
  reports::GapReportInput in;
  in.certification = std::move(cert);
  in.mapping = std::move(mapping);
  in.candidate = "C-0042";
  in.date = "2025-01-15";
  return in;
}

}  // namespace passerelle::testing

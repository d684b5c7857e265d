// mapping_quality: runs the evidence mapping on a gold file's dossiers and
// prints status accuracy, evidence precision and false positives on other
// trades (docs/mapping.md, "Quality").
//
//   mapping_quality [--gold FILE] [--referentiels DIR] [--verbose]
//
// The gold file's dossiers are read beside it (<name>.txt, .md, .pdf, .docx
// or .odt); the target and the corpus come from the referentiels folder
// (default: the repository's referentiels/).
#include <filesystem>
#include <iomanip>
#include <iostream>

#include "bench/bench_support.h"
#include "engine/certification_xml.h"
#include "engine/mapping_gold.h"
#include "engine/mapping_session.h"
#include "engine/evidence_mapper.h"
#include "engine/term_specificity.h"
#include <algorithm>
#include "importers/dossier_reader.h"

using namespace passerelle;
namespace fs = std::filesystem;

int main(int argc, char** argv) {
  fs::path gold_path = fs::path(PASSERELLE_SHARED_DIR) / "dossiers" / "gold_tuao_dev.json";
  fs::path ref_dir = fs::path(PASSERELLE_SOURCE_DIR) / "referentiels";
  bool verbose = false;
  std::string explain;  // competence number whose profile weights are printed
  for (int i = 1; i < argc; ++i) {
    std::string a = argv[i];
    if (a == "--gold" && i + 1 < argc) gold_path = argv[++i];
    else if (a == "--referentiels" && i + 1 < argc) ref_dir = argv[++i];
    else if (a == "--verbose") verbose = true;
    else if (a == "--explain" && i + 1 < argc) explain = argv[++i];
    else {
      std::cerr << "usage: mapping_quality [--gold FILE] [--referentiels DIR] [--verbose]\n";
      return 2;
    }
  }
  auto gold = ParseGold(bench::ReadFile(gold_path), gold_path.string());
  if (!gold.ok()) {
    std::cerr << gold.status().message() << "\n";
    return 1;
  }
  std::vector<Certification> certs;
  for (const auto& entry : fs::directory_iterator(ref_dir)) {
    if (entry.path().extension() != ".xml") continue;
    auto cert = CertificationFromXml(bench::ReadFile(entry.path()), entry.path().string());
    if (!cert.ok()) {
      std::cerr << cert.status().message() << "\n";
      return 1;
    }
    certs.push_back(std::move(*cert));
  }
  std::vector<const Certification*> corpus;
  const Certification* target = nullptr;
  for (const Certification& c : certs) {
    corpus.push_back(&c);
    if (c.id.value == gold->target) target = &c;
  }
  if (!target) {
    std::cerr << "target " << gold->target << " not in " << ref_dir << "\n";
    return 1;
  }
  auto session = MappingSession::Create();
  if (!session.ok()) {
    std::cerr << session.status().message() << "\n";
    return 1;
  }
  if (!explain.empty()) {
    const TermSpecificity spec = BuildSpecificity(*target, corpus, (*session)->features());
    const EvidenceMapper mapper(*target, (*session)->features(), spec);
    std::cout << "background documents: " << spec.documents() << "\n";
    for (size_t i = 0; i < mapper.profiles().size(); ++i) {
      const CompetenceProfile& p = mapper.profiles()[i];
      if (p.competence->number != explain && explain != "all") continue;
      std::vector<std::pair<double, std::string>> w;
      for (const auto& [t, raw] : p.weight) w.emplace_back(mapper.TermWeight(i, t), t);
      std::sort(w.rbegin(), w.rend());
      std::cout << p.competence->number << " anchors:";
      for (const std::string& a : mapper.anchors(i)) std::cout << " " << a;
      std::cout << "\n  contrast:";
      for (const std::string& a : mapper.contrast(i)) std::cout << " " << a;
      std::cout << "\n  sibling's contrast:";
      for (const std::string& a : mapper.rival_contrast(i)) std::cout << " " << a;
      std::cout << "\n ";
      for (size_t k = 0; k < w.size() && k < 60; ++k)
        std::cout << " " << w[k].second << "=" << std::setprecision(2) << w[k].first << "/"
                  << spec.Of(w[k].second);
      std::cout << "\n";
    }
  }
  MappingScore score;
  for (const GoldDossier& g : gold->dossiers) {
    fs::path file;
    for (const char* ext : {".txt", ".md", ".pdf", ".docx", ".odt"})
      if (fs::exists(gold_path.parent_path() / (g.name + ext)))
        file = gold_path.parent_path() / (g.name + ext);
    if (file.empty()) {
      std::cerr << "no dossier file for " << g.name << "\n";
      return 1;
    }
    auto dossier = ReadDossierFile(file.string());
    if (!dossier.ok()) {
      std::cerr << dossier.status().message() << "\n";
      return 1;
    }
    std::vector<IndexedPassage> passages;
    uint32_t rank = 0;
    for (const Passage& p : dossier->passages)
      passages.push_back({g.name, file.filename().string(), ++rank, p.paragraph, p.page,
                          p.sentence_part, p.heading, p.text});
    MappingResult r = (*session)->Map(*target, corpus, g.name, passages);
    score.Add(g, r);
    if (verbose) {
      std::cout << "== " << g.name << "\n";
      for (const CompetenceMapping& c : r.competences) {
        std::cout << "  " << std::setw(4) << c.number << " " << std::setw(8) << StatusKey(c.status)
                  << " " << std::fixed << std::setprecision(2) << c.score << "  gold=";
        for (const std::string& s : g.status.at(c.number)) std::cout << s << ",";
        for (const Evidence& e : c.evidence) {
          std::cout << "  [p" << e.paragraph << " " << e.score << ":";
          for (const std::string& m : e.matched) std::cout << " " << m;
          std::cout << " /" << e.supports.size() << "]";
        }
        std::cout << "\n";
      }
    }
  }
  for (const std::string& e : score.errors) std::cout << "  ! " << e << "\n";
  std::cout << std::fixed << std::setprecision(3) << "status accuracy     "
            << score.StatusAccuracy() << " (" << score.statuses_right << "/" << score.statuses
            << ")\nevidence precision  " << score.EvidencePrecision() << " ("
            << score.evidence_right << "/" << score.evidenced << ")\n"
            << "other-trade false positives " << score.other_trade_false_positives << "\n";
  return 0;
}

#include "tests/mapping_sets.h"

#include <algorithm>
#include <limits>
#include <set>
#include <stdexcept>
#include <tuple>

#include "engine/certification_xml.h"
#include "importers/document_import.h"
#include "importers/dossier_reader.h"
#include "tests/test_support.h"

namespace passerelle::testing {

namespace fs = std::filesystem;

namespace {

std::vector<IndexedPassage> ReadPassages(const fs::path& file, const std::string& name) {
  auto dossier = ReadDossierFile(file.string());
  if (!dossier.ok()) throw std::runtime_error(dossier.status().message());
  std::vector<IndexedPassage> passages;
  uint32_t rank = 0;
  for (const Passage& p : dossier->passages)
    passages.push_back({name, file.filename().string(), ++rank, p.paragraph, p.page,
                        p.sentence_part, p.heading, p.text});
  return passages;
}

fs::path DossierFile(const fs::path& dir, const std::string& name) {
  for (const char* ext : {".txt", ".md", ".pdf", ".docx", ".odt"})
    if (fs::exists(dir / (name + ext))) return dir / (name + ext);
  throw std::runtime_error("no dossier file for " + name + " in " + dir.string());
}

// Every distinct value of `values`, and one above them all.
std::vector<double> Cuts(std::vector<double> values) {
  std::sort(values.begin(), values.end());
  values.erase(std::unique(values.begin(), values.end()), values.end());
  values.push_back(std::numeric_limits<double>::max());
  return values;
}

std::vector<double> BestWeights(const std::vector<Bm25Scores>& scores) {
  std::vector<double> w;
  for (const Bm25Scores& s : scores)
    for (size_t ci = 0; ci < s.numbers.size(); ++ci)
      if (s.Best(ci).first > 0) w.push_back(s.Best(ci).first);
  return w;
}

}  // namespace

QualitySets QualitySets::Load(const fs::path& shared_dir, const fs::path& referentiels_dir) {
  QualitySets sets;
  for (const auto& entry : fs::directory_iterator(referentiels_dir)) {
    if (entry.path().extension() != ".xml") continue;
    auto cert = CertificationFromXml(ReadFile(entry.path()), entry.path().string());
    if (!cert.ok()) throw std::runtime_error(cert.status().message());
    sets.certs.push_back(std::move(*cert));
  }
  std::vector<fs::path> extra;
  for (const auto& entry : fs::directory_iterator(shared_dir / "referentiels-extra"))
    extra.push_back(entry.path());
  std::sort(extra.begin(), extra.end());
  for (const fs::path& p : extra) {
    auto doc = ImportDocumentFile(p.string(), DocumentFormat::kReacText);
    if (!doc.ok()) throw std::runtime_error(doc.status().message());
    for (Certification& c : doc->certifications) sets.certs.push_back(std::move(c));
  }
  std::sort(sets.certs.begin(), sets.certs.end(),
            [](const Certification& a, const Certification& b) { return a.id.value < b.id.value; });
  for (const Certification& c : sets.certs) sets.corpus.push_back(&c);

  const fs::path tuao_path = shared_dir / "dossiers" / "gold_tuao_dev.json";
  auto tuao = ParseGold(ReadFile(tuao_path), tuao_path.string());
  if (!tuao.ok()) throw std::runtime_error(tuao.status().message());
  sets.tuao = std::move(*tuao);
  const fs::path dp_path = shared_dir / "dossiers-real" / "gold_dp.json";
  auto dp = ParseDpGold(ReadFile(dp_path), dp_path.string());
  if (!dp.ok()) throw std::runtime_error(dp.status().message());
  sets.dp = std::move(*dp);

  for (const GoldDossier& g : sets.tuao.dossiers) {
    SetDossier d;
    d.name = g.name;
    d.target = &sets.Find(sets.tuao.target);
    d.passages = ReadPassages(DossierFile(tuao_path.parent_path(), g.name), g.name);
    d.tuao = &g;
    sets.tuao_dossiers.push_back(std::move(d));
  }
  for (const DpDossier& g : sets.dp.dossiers)
    for (bool stripped : {false, true}) {
      SetDossier d;
      d.name = g.name + (stripped ? ".stripped" : "");
      d.target = &sets.Find(g.target);
      d.passages = ReadPassages(DossierFile(dp_path.parent_path(), d.name), g.name);
      d.dp = &g;
      d.stripped = stripped;
      (stripped ? sets.dp_stripped : sets.dp_full).push_back(std::move(d));
    }
  return sets;
}

const Certification& QualitySets::Find(const std::string& id) const {
  for (const Certification& c : certs)
    if (c.id.value == id) return c;
  throw std::runtime_error("referentiel " + id + " not loaded");
}

MappingScore ScoreTuao(const std::vector<SetDossier>& set,
                       const std::vector<MappingResult>& results) {
  MappingScore score;
  for (size_t i = 0; i < set.size(); ++i) score.Add(*set[i].tuao, results[i]);
  return score;
}

DpScore ScoreDp(const std::vector<SetDossier>& set, const std::vector<MappingResult>& results) {
  DpScore score;
  for (size_t i = 0; i < set.size(); ++i)
    score.Add(*set[i].dp, set[i].stripped, *set[i].target, results[i]);
  return score;
}

std::vector<MappingResult> MapWithPasserelle(const MappingSession& session,
                                             const QualitySets& sets,
                                             const std::vector<SetDossier>& set) {
  std::vector<MappingResult> results;
  for (const SetDossier& d : set)
    results.push_back(session.Map(*d.target, sets.corpus, d.name, d.passages));
  return results;
}

std::vector<Bm25Scores> ScoreWithBm25(const std::vector<SetDossier>& set) {
  std::vector<Bm25Scores> scores;
  for (const SetDossier& d : set) scores.push_back(Bm25Peer(*d.target).Score(d.passages));
  return scores;
}

std::vector<MappingResult> Decide(const std::vector<Bm25Scores>& scores,
                                  const Bm25Thresholds& thresholds) {
  std::vector<MappingResult> results;
  for (const Bm25Scores& s : scores) results.push_back(Bm25Decide(s, thresholds));
  return results;
}

Bm25Thresholds TuneOnTuao(const std::vector<SetDossier>& set,
                          const std::vector<Bm25Scores>& scores) {
  const std::vector<double> cuts = Cuts(BestWeights(scores));
  Bm25Thresholds best;
  std::tuple<int, int, int> best_key{-1, -1, 0};
  for (size_t p = 0; p < cuts.size(); ++p)
    for (size_t c = p; c < cuts.size(); ++c) {
      const Bm25Thresholds t{cuts[p], cuts[c]};
      const MappingScore s = ScoreTuao(set, Decide(scores, t));
      const std::tuple<int, int, int> key{s.statuses_right, s.evidence_right,
                                          -s.other_trade_false_positives};
      if (key > best_key) best_key = key, best = t;
    }
  return best;
}

Bm25Thresholds TuneOnDp(const std::vector<SetDossier>& set, const std::vector<Bm25Scores>& scores) {
  Bm25Thresholds best;
  std::pair<double, double> best_key{-2, -1};
  for (double cut : Cuts(BestWeights(scores))) {
    const Bm25Thresholds t{cut, cut};
    const DpScore s = ScoreDp(set, Decide(scores, t));
    const std::pair<double, double> key{s.Found() - s.UnlabelledCovered(), s.InRange()};
    if (key > best_key) best_key = key, best = t;
  }
  return best;
}

}  // namespace passerelle::testing

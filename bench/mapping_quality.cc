// mapping_quality: maps every gold set of ../shared with Passerelle and with
// the stock Xapian BM25 peer, and prints their figures side by side
// (docs/mapping.md, "Quality"):
//
//   mapping_quality [--verbose] [--explain CP|all] [--target ID]
//
// TP-00211 set: status accuracy, evidence precision, other-trade false
// positives. Dossiers professionnels (full, and stripped of their CP
// headings): labelled CPs found, best evidence inside the author's example,
// unlabelled CPs marked covered. BM25's thresholds are tuned on each set;
// the leave-one-trade-out lines carry them from machining to IT and back.
// --verbose lists every error; --explain prints the profile weights of a
// competence of --target (default TP-00211).
#include <algorithm>
#include <filesystem>
#include <iomanip>
#include <iostream>
#include <sstream>

#include "engine/evidence_mapper.h"
#include "engine/term_specificity.h"
#include "tests/mapping_sets.h"

using namespace passerelle;
using namespace passerelle::testing;
namespace fs = std::filesystem;

namespace {

std::string Ratio(double v, int num, int den) {
  std::ostringstream out;
  out << std::fixed << std::setprecision(3) << v << " (" << num << "/" << den << ")";
  return out.str();
}

void PrintTuao(const std::string& set, const std::string& method, const MappingScore& s) {
  std::cout << std::left << std::setw(26) << set << std::setw(22) << method << std::setw(18)
            << Ratio(s.StatusAccuracy(), s.statuses_right, s.statuses) << std::setw(18)
            << Ratio(s.EvidencePrecision(), s.evidence_right, s.evidenced)
            << s.other_trade_false_positives << "\n";
}

void PrintDp(const std::string& set, const std::string& method, const DpScore& s) {
  std::cout << std::left << std::setw(26) << set << std::setw(22) << method << std::setw(18)
            << Ratio(s.Found(), s.labelled_found, s.labelled) << std::setw(18)
            << Ratio(s.InRange(), s.evidence_in_range, s.labelled_found)
            << Ratio(s.UnlabelledCovered(), s.unlabelled_covered, s.unlabelled) << "\n";
}

void PrintErrors(const std::string& method, const std::vector<std::string>& errors) {
  for (const std::string& e : errors) std::cout << "  ! " << method << " " << e << "\n";
}

void Explain(const MappingSession& session, const QualitySets& sets, const std::string& target_id,
             const std::string& which) {
  const Certification& target = sets.Find(target_id);
  const TermSpecificity spec =
      BuildSpecificity(target, sets.corpus, session.features(), kMappingSpecificity);
  const EvidenceMapper mapper(target, session.features(), spec);
  std::cout << "background documents: " << spec.documents() << "\n";
  for (size_t i = 0; i < mapper.profiles().size(); ++i) {
    const CompetenceProfile& p = mapper.profiles()[i];
    if (p.competence->number != which && which != "all") continue;
    std::vector<std::pair<double, std::string>> w;
    for (const auto& [t, raw] : p.weight) w.emplace_back(mapper.TermWeight(i, t), t);
    std::sort(w.rbegin(), w.rend());
    std::cout << p.competence->number << " anchors:";
    for (const std::string& a : mapper.anchors(i)) std::cout << " " << a;
    std::cout << "\n ";
    for (size_t k = 0; k < w.size() && k < 60; ++k)
      std::cout << " " << w[k].second << "=" << std::setprecision(2) << w[k].first << "/"
                << spec.Of(w[k].second);
    std::cout << "\n";
  }
}

}  // namespace

int main(int argc, char** argv) {
  bool verbose = false;
  std::string explain, target = "TP-00211";
  for (int i = 1; i < argc; ++i) {
    const std::string a = argv[i];
    if (a == "--verbose") verbose = true;
    else if (a == "--explain" && i + 1 < argc) explain = argv[++i];
    else if (a == "--target" && i + 1 < argc) target = argv[++i];
    else {
      std::cerr << "usage: mapping_quality [--verbose] [--explain CP|all] [--target ID]\n";
      return 2;
    }
  }
  try {
    const QualitySets sets = QualitySets::Load(PASSERELLE_SHARED_DIR,
                                               fs::path(PASSERELLE_SOURCE_DIR) / "referentiels");
    auto session = MappingSession::Create();
    if (!session.ok()) throw std::runtime_error(session.status().message());
    if (!explain.empty()) Explain(**session, sets, target, explain);

    // Passerelle, one set of thresholds everywhere.
    const MappingScore p_tuao = ScoreTuao(sets.tuao_dossiers,
                                          MapWithPasserelle(**session, sets, sets.tuao_dossiers));
    const auto full_results = MapWithPasserelle(**session, sets, sets.dp_full);
    const auto stripped_results = MapWithPasserelle(**session, sets, sets.dp_stripped);
    // BM25, thresholds tuned on each set, then carried across trades.
    const auto b_tuao_scores = ScoreWithBm25(sets.tuao_dossiers);
    const auto b_full_scores = ScoreWithBm25(sets.dp_full);
    const auto b_stripped_scores = ScoreWithBm25(sets.dp_stripped);
    const Bm25Thresholds t_tuao = TuneOnTuao(sets.tuao_dossiers, b_tuao_scores);
    const Bm25Thresholds t_full = TuneOnDp(sets.dp_full, b_full_scores);
    const Bm25Thresholds t_stripped = TuneOnDp(sets.dp_stripped, b_stripped_scores);
    const MappingScore b_tuao = ScoreTuao(sets.tuao_dossiers, Decide(b_tuao_scores, t_tuao));

    std::cout << std::left << std::setw(26) << "set" << std::setw(22) << "method" << std::setw(18)
              << "status accuracy" << std::setw(18) << "evidence prec." << "other-trade FP\n";
    PrintTuao("TP-00211 dev", "Passerelle", p_tuao);
    PrintTuao("", "BM25 tuned on set", b_tuao);
    std::cout << "\n" << std::setw(26) << "set" << std::setw(22) << "method" << std::setw(18)
              << "labelled found" << std::setw(18) << "in author's ex." << "unlabelled covered\n";
    auto dp_rows = [&](const std::string& form, const std::vector<SetDossier>& set,
                       const std::vector<MappingResult>& mine, const std::vector<Bm25Scores>& bm,
                       const Bm25Thresholds& t) {
      const auto theirs = Decide(bm, t);
      for (size_t i = 0; i < set.size(); ++i) {
        PrintDp(set[i].name, "Passerelle", ScoreDp({set[i]}, {mine[i]}));
        PrintDp("", "BM25 tuned on set", ScoreDp({set[i]}, {theirs[i]}));
      }
      const DpScore total = ScoreDp(set, mine);
      PrintDp("DP " + form + " (all)", "Passerelle", total);
      PrintDp("", "BM25 tuned on set", ScoreDp(set, theirs));
      if (verbose) {
        PrintErrors("Passerelle", total.errors);
        PrintErrors("BM25", ScoreDp(set, theirs).errors);
      }
    };
    dp_rows("full", sets.dp_full, full_results, b_full_scores, t_full);
    dp_rows("stripped", sets.dp_stripped, stripped_results, b_stripped_scores, t_stripped);

    std::cout << "\nleave one trade out (BM25 thresholds tuned on one trade, used on the other;"
                 " Passerelle's are the same everywhere):\n";
    PrintDp("machining -> IT full", "BM25", ScoreDp(sets.dp_full, Decide(b_full_scores, t_tuao)));
    PrintDp("", "Passerelle", ScoreDp(sets.dp_full, full_results));
    PrintDp("machining -> IT stripped", "BM25",
            ScoreDp(sets.dp_stripped, Decide(b_stripped_scores, t_tuao)));
    PrintDp("", "Passerelle", ScoreDp(sets.dp_stripped, stripped_results));
    PrintTuao("IT -> machining", "BM25", ScoreTuao(sets.tuao_dossiers, Decide(b_tuao_scores, t_full)));
    PrintTuao("", "Passerelle", p_tuao);
    std::cout << std::setprecision(2) << "\nBM25 thresholds (partial/covered): TP-00211 "
              << t_tuao.partial << "/" << t_tuao.covered << ", DP full " << t_full.partial
              << ", DP stripped " << t_stripped.partial << "\n";
    if (verbose) {
      PrintErrors("Passerelle", p_tuao.errors);
      PrintErrors("BM25", b_tuao.errors);
    }
  } catch (const std::exception& e) {
    std::cerr << e.what() << "\n";
    return 1;
  }
  return 0;
}

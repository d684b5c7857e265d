// Every gold set of ../shared mapped by Passerelle and by the stock Xapian
// BM25 peer (engine/bm25_peer.h), for bench/mapping_quality and the tests
// that assert the development figures (docs/mapping.md, "Quality"):
// - the TP-00211 set (dossiers/gold_tuao_dev.json): status accuracy,
//   evidence precision, false positives on other trades;
// - the dossiers professionnels (dossiers-real/gold_dp.json), each in full
//   and stripped form: labelled CPs found, best evidence in the author's
//   example, unlabelled CPs marked covered.
// BM25's thresholds are tuned on each set (its upper bound), and also
// carried from one trade to the other (leave one trade out). Passerelle's
// thresholds are the same everywhere (engine/mapping_thresholds.h).
#pragma once

#include <filesystem>
#include <string>
#include <vector>

#include "engine/bm25_peer.h"
#include "engine/certification.h"
#include "engine/mapping_gold.h"
#include "engine/mapping_session.h"

namespace passerelle::testing {

// One dossier of a set, read, with its gold.
struct SetDossier {
  std::string name;  // "v1_decolleteur", "dp-dwwm-1.stripped"
  const Certification* target = nullptr;
  std::vector<IndexedPassage> passages;
  const GoldDossier* tuao = nullptr;  // TP-00211 format
  const DpDossier* dp = nullptr;      // DP format
  bool stripped = false;
};

// The referentiels (the repository's canonical files and the REACs of
// ../shared/referentiels-extra) and the gold sets. Throws std::runtime_error
// when a file is missing or unreadable.
struct QualitySets {
  std::vector<Certification> certs;
  std::vector<const Certification*> corpus;  // all of certs
  Gold tuao;
  DpGold dp;
  std::vector<SetDossier> tuao_dossiers;
  std::vector<SetDossier> dp_full;
  std::vector<SetDossier> dp_stripped;

  static QualitySets Load(const std::filesystem::path& shared_dir,
                          const std::filesystem::path& referentiels_dir);
  const Certification& Find(const std::string& id) const;
};

// A method's figures on the TP-00211 set, and on a DP set.
MappingScore ScoreTuao(const std::vector<SetDossier>& set,
                       const std::vector<MappingResult>& results);
DpScore ScoreDp(const std::vector<SetDossier>& set, const std::vector<MappingResult>& results);

// The mappings of every dossier of `set`.
std::vector<MappingResult> MapWithPasserelle(const MappingSession& session,
                                             const QualitySets& sets,
                                             const std::vector<SetDossier>& set);
std::vector<Bm25Scores> ScoreWithBm25(const std::vector<SetDossier>& set);
std::vector<MappingResult> Decide(const std::vector<Bm25Scores>& scores,
                                  const Bm25Thresholds& thresholds);

// BM25 thresholds that do best on the set: status accuracy (then evidence
// precision, then fewer false positives) on the TP-00211 format; labelled
// found minus unlabelled covered (then evidence in range) on the DP format.
Bm25Thresholds TuneOnTuao(const std::vector<SetDossier>& set,
                          const std::vector<Bm25Scores>& scores);
Bm25Thresholds TuneOnDp(const std::vector<SetDossier>& set, const std::vector<Bm25Scores>& scores);

}  // namespace passerelle::testing

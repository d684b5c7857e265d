#include "cli/certification_lookup.h"

#include <algorithm>

#include "engine/text.h"

namespace passerelle::cli {

namespace {

std::string UpperAscii(std::string s) {
  for (char& c : s)
    if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 'a' + 'A');
  return s;
}

// Levenshtein distance of two short ASCII strings.
size_t EditDistance(const std::string& a, const std::string& b) {
  std::vector<size_t> row(b.size() + 1);
  for (size_t j = 0; j <= b.size(); ++j) row[j] = j;
  for (size_t i = 1; i <= a.size(); ++i) {
    size_t diagonal = row[0];
    row[0] = i;
    for (size_t j = 1; j <= b.size(); ++j) {
      const size_t up = row[j];
      row[j] = std::min({row[j] + 1, row[j - 1] + 1, diagonal + (a[i - 1] == b[j - 1] ? 0 : 1)});
      diagonal = up;
    }
  }
  return row[b.size()];
}

}  // namespace

std::vector<std::string> NearestIds(const std::string& typed, const std::vector<std::string>& known,
                                    size_t max) {
  const std::string key = UpperAscii(typed);
  const size_t limit = std::max<size_t>(2, key.size() / 3);
  std::vector<std::pair<size_t, size_t>> ranked;  // distance, index in known
  for (size_t i = 0; i < known.size(); ++i) {
    const size_t d = EditDistance(key, UpperAscii(known[i]));
    if (d <= limit) ranked.emplace_back(d, i);
  }
  std::stable_sort(ranked.begin(), ranked.end(),
                   [](const auto& x, const auto& y) { return x.first < y.first; });
  std::vector<std::string> out;
  for (size_t i = 0; i < ranked.size() && i < max; ++i) out.push_back(known[ranked[i].second]);
  return out;
}

std::string NearestHint(const std::vector<std::string>& nearest, const std::string& how) {
  if (nearest.empty()) return how;
  return (nearest.size() == 1 ? "la plus proche : " : "les plus proches : ") + Join(nearest, ", ");
}

Result<CertificationId> ResolveCertification(const Workspace& workspace, const std::string& typed) {
  const CertificationId as_typed(typed);
  if (IsCertificationId(typed) && workspace.Contains(as_typed)) return as_typed;
  const CertificationId upper(UpperAscii(typed));
  if (IsCertificationId(upper.value) && workspace.Contains(upper)) return upper;
  auto ids = workspace.List();
  if (!ids.ok()) return ids.status();
  std::vector<std::string> known;
  for (const CertificationId& id : *ids) {
    if (UpperAscii(id.value) == upper.value) return id;
    known.push_back(id.value);
  }
  return Status::NotFound(
      "certification « " + typed + " » absente de l'espace de travail " + workspace.root() +
      " ; " +
      NearestHint(NearestIds(typed, known),
                  known.empty() ? "l'espace de travail est vide (passerelle import FICHIER)"
                                : "passerelle certifications les liste toutes"));
}

}  // namespace passerelle::cli

#include "engine/assessment/assessment.h"

#include <array>

#include "engine/text.h"

namespace passerelle {

namespace {

template <typename E>
struct Word {
  E value;
  std::string_view key;
  std::string_view label;
};

constexpr std::array<Word<Decision>, 4> kDecisions = {{
    {Decision::kYes, "yes", "oui"},
    {Decision::kPartially, "partially", "partiellement"},
    {Decision::kNo, "no", "non"},
    {Decision::kToComplete, "to_complete", "à compléter"},
}};
constexpr std::array<Word<Verdict>, 2> kVerdicts = {{
    {Verdict::kAccepted, "accepted", "retenue"},
    {Verdict::kRejected, "rejected", "écartée"},
}};
constexpr std::array<Word<Opinion>, 3> kOpinions = {{
    {Opinion::kFavorable, "favorable", "favorable"},
    {Opinion::kUnfavorable, "unfavorable", "défavorable"},
    {Opinion::kToDeepen, "to_deepen", "à approfondir"},
}};
constexpr std::array<Word<AssessmentState>, 3> kStates = {{
    {AssessmentState::kDraft, "draft", "brouillon"},
    {AssessmentState::kShared, "shared", "partagé avec le candidat"},
    {AssessmentState::kTransmitted, "transmitted", "transmis"},
}};

template <typename E, size_t N>
const Word<E>& Find(const std::array<Word<E>, N>& words, E value) {
  for (const Word<E>& w : words)
    if (w.value == value) return w;
  return words.front();  // unreachable: every enumerator is listed
}

template <typename E, size_t N>
std::optional<E> FromKey(const std::array<Word<E>, N>& words, std::string_view key) {
  for (const Word<E>& w : words)
    if (w.key == key) return w.value;
  return std::nullopt;
}

// "À compléter", "a-completer", "A_COMPLETER" -> "a completer".
std::string TypedKey(std::string_view typed) {
  std::string folded = FoldForMatch(typed);
  for (char& c : folded)
    if (c == '-' || c == '_') c = ' ';
  return CollapseSpaces(Trim(folded));
}

template <typename E, size_t N>
Result<E> Parse(const std::array<Word<E>, N>& words, std::string_view typed,
                const std::string& what, const std::string& unknown) {
  const std::string key = TypedKey(typed);
  std::vector<std::string> accepted;
  for (const Word<E>& w : words) {
    if (key == TypedKey(w.label) || key == TypedKey(w.key)) return w.value;
    accepted.push_back("« " + std::string(w.label) + " »");
  }
  return Status::InvalidArgument(what + " « " + std::string(typed) + " » " + unknown +
                                 " ; valeurs possibles : " + Join(accepted, ", "));
}

}  // namespace

std::string_view KeyOf(Decision d) { return Find(kDecisions, d).key; }
std::string_view KeyOf(Verdict v) { return Find(kVerdicts, v).key; }
std::string_view KeyOf(Opinion o) { return Find(kOpinions, o).key; }
std::string_view KeyOf(AssessmentState s) { return Find(kStates, s).key; }
std::string_view LabelOf(Decision d) { return Find(kDecisions, d).label; }
std::string_view LabelOf(Verdict v) { return Find(kVerdicts, v).label; }
std::string_view LabelOf(Opinion o) { return Find(kOpinions, o).label; }
std::string_view LabelOf(AssessmentState s) { return Find(kStates, s).label; }

std::optional<Decision> DecisionFromKey(std::string_view key) { return FromKey(kDecisions, key); }
std::optional<Verdict> VerdictFromKey(std::string_view key) { return FromKey(kVerdicts, key); }
std::optional<Opinion> OpinionFromKey(std::string_view key) { return FromKey(kOpinions, key); }
std::optional<AssessmentState> StateFromKey(std::string_view key) { return FromKey(kStates, key); }

Result<Decision> ParseDecision(std::string_view typed) {
  return Parse(kDecisions, typed, "décision", "inconnue");
}

Result<Opinion> ParseOpinion(std::string_view typed) {
  return Parse(kOpinions, typed, "avis", "inconnu");
}

CompetenceAssessment Assessment::CompetenceOf(const CompetenceId& id) const {
  auto it = competences.find(id);
  return it == competences.end() ? CompetenceAssessment{} : it->second;
}

BlocAssessment Assessment::BlocOf(const BlocId& id) const {
  auto it = blocs.find(id);
  return it == blocs.end() ? BlocAssessment{} : it->second;
}

}  // namespace passerelle

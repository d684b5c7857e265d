#include "engine/bm25_peer.h"

#include <xapian.h>

namespace passerelle {

namespace {

std::string ProfileText(const Certification& cert, const Competence& c) {
  std::string text = c.title + "\n" + c.description + "\n" + c.context;
  for (const std::string& s : c.criteria) text += "\n" + s;
  for (const std::string& s : c.AllSavoirFaire()) text += "\n" + s;
  for (const std::string& s : c.savoirs) text += "\n" + s;
  for (const Bloc* b : cert.BlocsOf(c.id)) text += "\n" + b->title;
  return text;
}

}  // namespace

struct Bm25Peer::Index {
  Xapian::WritableDatabase db{std::string(), Xapian::DB_BACKEND_INMEMORY};
  Xapian::TermGenerator generator;
  Index() { generator.set_stemmer(Xapian::Stem("french")); }
};

Bm25Peer::Bm25Peer(const Certification& target) : index_(std::make_unique<Index>()) {
  for (const Competence& c : target.competences) {
    Xapian::Document doc;
    index_->generator.set_document(doc);
    index_->generator.index_text(ProfileText(target, c));
    index_->db.add_document(doc);  // docid = position + 1
    numbers_.push_back(c.number);
  }
}

Bm25Peer::~Bm25Peer() = default;

Bm25Scores Bm25Peer::Score(const std::vector<IndexedPassage>& passages) const {
  Bm25Scores scores;
  scores.numbers = numbers_;
  scores.weight.assign(numbers_.size(), std::vector<double>(passages.size(), 0.0));
  Xapian::Enquire enquire(index_->db);  // BM25Weight is Xapian's default
  for (size_t pi = 0; pi < passages.size(); ++pi) {
    scores.paragraphs.push_back(passages[pi].paragraph);
    Xapian::Document scratch;
    index_->generator.set_document(scratch);
    index_->generator.index_text(passages[pi].text);
    std::vector<Xapian::Query> terms;
    for (auto t = scratch.termlist_begin(); t != scratch.termlist_end(); ++t)
      if (!(*t).empty() && (*t)[0] == 'Z') terms.emplace_back(*t);  // stemmed terms
    if (terms.empty()) continue;
    enquire.set_query(Xapian::Query(Xapian::Query::OP_OR, terms.begin(), terms.end()));
    const Xapian::MSet mset = enquire.get_mset(0, static_cast<Xapian::doccount>(numbers_.size()));
    for (auto m = mset.begin(); m != mset.end(); ++m)
      scores.weight[*m - 1][pi] = m.get_weight();
  }
  return scores;
}

std::pair<double, uint32_t> Bm25Scores::Best(size_t ci) const {
  std::pair<double, uint32_t> best{0.0, 0};
  for (size_t pi = 0; pi < paragraphs.size(); ++pi)
    if (weight[ci][pi] > best.first) best = {weight[ci][pi], paragraphs[pi]};
  return best;
}

MappingResult Bm25Decide(const Bm25Scores& scores, const Bm25Thresholds& thresholds) {
  MappingResult r;
  for (size_t ci = 0; ci < scores.numbers.size(); ++ci) {
    CompetenceMapping m;
    m.number = scores.numbers[ci];
    const auto [w, para] = scores.Best(ci);
    m.score = w;
    m.status = w > 0 && w >= thresholds.covered   ? CoverageStatus::kCovered
               : w > 0 && w >= thresholds.partial ? CoverageStatus::kPartial
                                                  : CoverageStatus::kMissing;
    if (m.status != CoverageStatus::kMissing) {
      Evidence e;
      e.paragraph = para;
      m.evidence.push_back(e);
    }
    r.competences.push_back(std::move(m));
  }
  return r;
}

}  // namespace passerelle

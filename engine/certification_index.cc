#include "engine/certification_index.h"

#include <unistd.h>

#include <algorithm>
#include <cmath>
#include <filesystem>
#include <map>
#include <unordered_map>

#include "engine/competence_profile.h"
#include "engine/embedded_data.h"
#include "engine/file_system.h"
#include "engine/workspace.h"

namespace passerelle {

namespace {

constexpr char kDigestKey[] = "catalog";
constexpr char kAnalysisKey[] = "analysis";
constexpr char kFormatKey[] = "format";
// Xapian refuses terms over 245 bytes; no real word comes near.
constexpr size_t kMaxTermBytes = 200;

Status FromXapian(const Xapian::Error& e, const std::string& path) {
  const std::string what = e.get_type();
  if (what == "DatabaseLockError")
    return Status::IOError("index des référentiels " + path +
                           " : déjà ouvert en écriture par un autre processus");
  if (what == "DatabaseCorruptError" || what == "DatabaseVersionError" ||
      what == "DatabaseOpeningError")
    return Status::Corruption("index des référentiels " + path + " : illisible (" + e.get_msg() +
                              ")");
  return Status::IOError("index des référentiels " + path + " : " + e.get_description());
}

// ---- the staging file: one record per staged certification ----
// u32 length + bytes for strings, u32 for numbers, host byte order (the
// file lives for one process).

void PutU32(std::string* out, uint32_t v) { out->append(reinterpret_cast<const char*>(&v), 4); }
void PutString(std::string* out, const std::string& s) {
  PutU32(out, static_cast<uint32_t>(s.size()));
  out->append(s);
}

struct StagedDocument {
  std::string id;
  std::string hash;
  bool inactive = false;
  std::vector<std::pair<std::string, Xapian::termcount>> terms;
};

void AppendRecord(std::string* out, const StagedDocument& d) {
  PutString(out, d.id);
  PutString(out, d.hash);
  PutU32(out, d.inactive ? 1 : 0);
  PutU32(out, static_cast<uint32_t>(d.terms.size()));
  for (const auto& [term, wdf] : d.terms) {
    PutString(out, term);
    PutU32(out, wdf);
  }
}

bool GetU32(std::FILE* f, uint32_t* v) { return std::fread(v, 4, 1, f) == 1; }
bool GetString(std::FILE* f, std::string* s) {
  uint32_t n = 0;
  if (!GetU32(f, &n) || n > (1u << 20)) return false;
  s->resize(n);
  return n == 0 || std::fread(s->data(), n, 1, f) == 1;
}

// Reads the next record; false at the end (or on a damaged file, which the
// repair pass then makes up for).
bool ReadRecord(std::FILE* f, StagedDocument* d) {
  uint32_t inactive = 0, count = 0;
  if (!GetString(f, &d->id) || !GetString(f, &d->hash) || !GetU32(f, &inactive) ||
      !GetU32(f, &count))
    return false;
  d->inactive = inactive != 0;
  d->terms.resize(count);
  for (auto& [term, wdf] : d->terms)
    if (!GetString(f, &term) || !GetU32(f, &wdf)) return false;
  return true;
}

StagedDocument Analyze(const Certification& cert, const std::string& hash,
                       const FeatureExtractor& features) {
  return {cert.id.value, hash, cert.active == false, ContentTerms(cert, features)};
}

Xapian::Document MakeDocument(const StagedDocument& d) {
  Xapian::Document doc;
  doc.add_boolean_term(CertificationIndex::kIdPrefix + d.id);
  if (d.inactive) doc.add_boolean_term(CertificationIndex::kInactiveTerm);
  for (const auto& [term, wdf] : d.terms) doc.add_term(term, wdf);
  doc.add_value(CertificationIndex::kIdHashSlot, d.id + "\t" + d.hash);
  return doc;
}

// id -> content hash of every document of `db`.
std::map<std::string, std::string> IndexedHashes(const Xapian::Database& db) {
  std::map<std::string, std::string> out;
  for (auto it = db.valuestream_begin(CertificationIndex::kIdHashSlot);
       it != db.valuestream_end(CertificationIndex::kIdHashSlot); ++it) {
    const std::string v = *it;
    const size_t tab = v.find('\t');
    if (tab != std::string::npos) out[v.substr(0, tab)] = v.substr(tab + 1);
  }
  return out;
}

}  // namespace

std::string ContentAnalysisKey() {
  std::string thesauri = data::kThesaurusUsinage;
  thesauri += '\0';
  thesauri += data::kThesaurusGeneral;
  return std::to_string(kContentIndexVersion) + ":" + ContentHash(thesauri);
}

std::string CatalogDigest(const Catalog& catalog) {
  std::string all;
  all.reserve(catalog.size() * 32);
  for (const auto& [id, e] : catalog.entries()) {
    all += id.value;
    all += '\t';
    all += e.hash;
    all += '\n';
  }
  return ContentHash(all);
}

std::vector<std::pair<std::string, Xapian::termcount>> ContentTerms(
    const Certification& cert, const FeatureExtractor& features) {
  const ProfileWeights w;
  std::unordered_map<std::string, double> weight;
  auto add = [&](const std::string& text, double part) {
    if (text.empty()) return;
    for (std::string& t : features.Terms(text)) weight[std::move(t)] += part;
  };
  for (const Bloc& b : cert.blocs) add(b.title, w.bloc_title);
  for (const Competence& c : cert.competences) {
    add(c.title, w.title);
    add(c.description, w.description);
    add(c.context, w.context);
    for (const std::string& s : c.criteria) add(s, w.criterion);
    for (const std::string& s : c.AllSavoirFaire()) add(s, w.savoir_faire);
    for (const std::string& s : c.savoirs) add(s, w.savoir);
  }
  std::vector<std::pair<std::string, Xapian::termcount>> out;
  out.reserve(weight.size());
  for (auto& [term, sum] : weight)
    if (!term.empty() && term.size() <= kMaxTermBytes)
      out.emplace_back(term, static_cast<Xapian::termcount>(std::max(1.0, std::round(2 * sum))));
  std::sort(out.begin(), out.end());
  return out;
}

// ---- reading ----

Result<std::unique_ptr<CertificationIndex>> CertificationIndex::Open(const std::string& root) {
  const std::string path = PathOf(root);
  std::error_code ec;
  if (!std::filesystem::exists(path, ec))
    return Status::NotFound("index des référentiels " + path + " absent");
  try {
    return std::unique_ptr<CertificationIndex>(
        new CertificationIndex(path, Xapian::Database(path)));
  } catch (const Xapian::Error& e) {
    return FromXapian(e, path);
  }
}

bool CertificationIndex::Matches(const Catalog& catalog) const {
  try {
    return db_.get_metadata(kFormatKey) == "1" &&
           db_.get_metadata(kAnalysisKey) == ContentAnalysisKey() &&
           db_.get_metadata(kDigestKey) == CatalogDigest(catalog);
  } catch (const Xapian::Error&) {
    return false;
  }
}

Result<std::vector<std::pair<CertificationId, double>>> CertificationIndex::Search(
    const std::vector<QueryTerm>& terms, size_t limit, size_t max_terms) const {
  std::vector<std::pair<CertificationId, double>> out;
  try {
    const double n = static_cast<double>(std::max<Xapian::doccount>(1, db_.get_doccount()));
    // The dossier's characteristic terms: its own weight times the term's
    // rarity among certifications.
    std::vector<std::pair<double, const QueryTerm*>> kept;
    for (const QueryTerm& t : terms) {
      if (t.weight <= 0 || t.term.empty() || t.term.size() > kMaxTermBytes) continue;
      const Xapian::doccount df = db_.get_termfreq(t.term);
      if (df == 0) continue;
      kept.emplace_back(t.weight * std::log((n + 1) / df), &t);
    }
    std::sort(kept.begin(), kept.end(), [](const auto& a, const auto& b) {
      return a.first != b.first ? a.first > b.first : a.second->term < b.second->term;
    });
    if (kept.size() > max_terms) kept.resize(max_terms);
    if (kept.empty()) return out;
    std::vector<Xapian::Query> parts;
    for (const auto& [score, t] : kept)
      parts.emplace_back(Xapian::Query::OP_SCALE_WEIGHT, Xapian::Query(t->term), t->weight);
    Xapian::Query query(Xapian::Query::OP_OR, parts.begin(), parts.end());
    query = Xapian::Query(Xapian::Query::OP_AND_NOT, query, Xapian::Query(kInactiveTerm));
    Xapian::Enquire enquire(db_);
    enquire.set_query(query);
    enquire.set_docid_order(Xapian::Enquire::ASCENDING);
    const Xapian::MSet mset = enquire.get_mset(0, static_cast<Xapian::doccount>(limit));
    for (auto it = mset.begin(); it != mset.end(); ++it) {
      const std::string v = it.get_document().get_value(kIdHashSlot);
      out.emplace_back(CertificationId(v.substr(0, v.find('\t'))), it.get_weight());
    }
  } catch (const Xapian::Error& e) {
    return FromXapian(e, path_);
  }
  return out;
}

// ---- writing ----

CertificationIndexer::CertificationIndexer(std::string workspace_root, std::string staging_dir)
    : root_(std::move(workspace_root)),
      staging_path_(std::move(staging_dir) + "/referentiels.tmp-" + std::to_string(::getpid())),
      features_(analyzer_, thesaurus_) {
  thesaurus_status_ = thesaurus_.AddBuiltin(analyzer_);
}

CertificationIndexer::~CertificationIndexer() { Abort(); }

Status CertificationIndexer::Flush() {
  if (buffer_.empty()) return Status::OK();
  const bool ok = std::fwrite(buffer_.data(), buffer_.size(), 1, staging_) == 1;
  buffer_.clear();
  if (!ok) return Status::IOError("fichier " + staging_path_ + " : écriture impossible");
  return Status::OK();
}

Status CertificationIndexer::Stage(const Certification& cert, const std::string& hash) {
  if (!thesaurus_status_.ok()) return thesaurus_status_;
  if (staging_ == nullptr) {
    std::error_code ec;
    std::filesystem::create_directories(std::filesystem::path(staging_path_).parent_path(), ec);
    staging_ = std::fopen(staging_path_.c_str(), "wb");
    if (staging_ == nullptr)
      return Status::IOError("fichier " + staging_path_ + " : création impossible");
  }
  AppendRecord(&buffer_, Analyze(cert, hash, features_));
  constexpr size_t kFlushBytes = 1 << 20;
  return buffer_.size() >= kFlushBytes ? Flush() : Status::OK();
}

void CertificationIndexer::Abort() {
  buffer_.clear();
  if (staging_ == nullptr) return;
  std::fclose(staging_);
  staging_ = nullptr;
  std::remove(staging_path_.c_str());
}

namespace {

// The part of Publish inside the transaction. Returns the first error of
// reading a certification file; Xapian errors are thrown.
Status Apply(Xapian::WritableDatabase& db, std::FILE* staged, const Workspace& workspace,
             const Catalog& catalog, const FeatureExtractor& features, bool same_analysis,
             const CertificationIndexer::Progress& progress, IndexPublication* pub) {
  auto written = [&] {
    const size_t done = pub->staged + pub->repaired;
    if (progress && done % 64 == 0) progress(done, catalog.size());
  };
  std::map<std::string, std::string> indexed;
  if (same_analysis) {
    indexed = IndexedHashes(db);
  } else {
    std::vector<Xapian::docid> all;  // collected first: no deletion under an open postlist
    for (auto it = db.postlist_begin(""); it != db.postlist_end(""); ++it) all.push_back(*it);
    for (Xapian::docid did : all) db.delete_document(did);
  }
  StagedDocument d;
  while (staged && ReadRecord(staged, &d)) {
    const CatalogEntry* e = catalog.Find(CertificationId(d.id));
    if (!e || e->hash != d.hash) continue;  // superseded; the pass below decides
    db.replace_document(CertificationIndex::kIdPrefix + d.id, MakeDocument(d));
    indexed[d.id] = d.hash;
    ++pub->staged;
    written();
  }
  for (const auto& [id, e] : catalog.entries()) {
    auto it = indexed.find(id.value);
    if (it != indexed.end() && it->second == e.hash) continue;
    auto cert = workspace.Load(id);
    if (!cert.ok()) return cert.status();
    db.replace_document(CertificationIndex::kIdPrefix + id.value,
                        MakeDocument(Analyze(*cert, e.hash, features)));
    indexed[id.value] = e.hash;
    ++pub->repaired;
    written();
  }
  for (const auto& [id, hash] : indexed) {
    if (catalog.Find(CertificationId(id))) continue;
    db.delete_document(CertificationIndex::kIdPrefix + id);
    ++pub->removed;
  }
  db.set_metadata(kFormatKey, "1");
  db.set_metadata(kAnalysisKey, ContentAnalysisKey());
  db.set_metadata(kDigestKey, CatalogDigest(catalog));
  return Status::OK();
}

}  // namespace

Status CertificationIndexer::Publish(const Workspace& workspace, const Catalog& catalog,
                                     IndexPublication* publication) {
  IndexPublication pub;
  Status s = thesaurus_status_;
  if (s.ok() && staging_) s = Flush();
  if (s.ok() && staging_ && std::fflush(staging_) != 0)
    s = Status::IOError("fichier " + staging_path_ + " : écriture impossible");
  if (!s.ok()) {
    Abort();
    return s;
  }
  const std::string path = CertificationIndex::PathOf(root_);
  // Nothing staged and an index that already matches: touch nothing.
  if (!staging_) {
    auto current = CertificationIndex::Open(root_);
    if (current.ok() && (*current)->Matches(catalog)) {
      if (publication) *publication = pub;
      return Status::OK();
    }
  }
  if (staging_) std::rewind(staging_);
  try {
    Xapian::WritableDatabase db(path, Xapian::DB_CREATE_OR_OPEN);
    const bool same_analysis = db.get_metadata(kAnalysisKey) == ContentAnalysisKey();
    db.begin_transaction();
    try {
      s = Apply(db, staging_, workspace, catalog, features_, same_analysis, progress_, &pub);
      if (s.ok())
        db.commit_transaction();
      else
        db.cancel_transaction();
    } catch (...) {
      db.cancel_transaction();
      throw;
    }
  } catch (const Xapian::Error& e) {
    s = FromXapian(e, path);
  }
  Abort();
  if (s.ok() && publication) *publication = pub;
  return s;
}

}  // namespace passerelle

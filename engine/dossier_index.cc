#include "engine/dossier_index.h"

#include <filesystem>

#include <nlohmann/json.hpp>

namespace passerelle {

namespace fs = std::filesystem;
using nlohmann::json;

namespace {

std::string IndexPath(const std::string& root) { return root + "/index"; }

Status FromXapian(const Xapian::Error& e, const std::string& path) {
  const std::string what = e.get_type();
  if (what == "DatabaseLockError")
    return Status::IOError("index " + path +
                           " : déjà ouvert en écriture par un autre processus Passerelle ; "
                           "réessayez quand il aura terminé");
  if (what == "DatabaseCorruptError" || what == "DatabaseVersionError" ||
      what == "DatabaseOpeningError")
    return Status::Corruption("index " + path + " : illisible (" + e.get_msg() + ")");
  return Status::IOError("index " + path + " : " + e.get_description());
}

std::string MetaKey(const std::string& candidate) { return "candidate:" + candidate; }

// Xapian refuses terms longer than 245 bytes, and a file name may have 255:
// the dossier term keeps what fits, cut at a character boundary (the full
// name is in the document data).
std::string DossierTerm(const std::string& dossier) {
  constexpr size_t kMaxXapianTermBytes = 245;
  std::string term = DossierIndex::kDossierPrefix + dossier;
  if (term.size() <= kMaxXapianTermBytes) return term;
  size_t cut = kMaxXapianTermBytes;
  while (cut > 0 && (static_cast<unsigned char>(term[cut]) & 0xC0) == 0x80) --cut;
  return term.substr(0, cut);
}

Xapian::Document MakeDocument(const std::string& candidate, const CandidateSummary& summary,
                              const PassageInput& p, uint32_t rank,
                              const FrenchAnalyzer& analyzer,
                              std::vector<AnalyzedToken>* tokens) {
  Xapian::Document doc;
  const std::string id = candidate + "/" + std::to_string(rank);
  doc.add_boolean_term(DossierIndex::kIdPrefix + id);
  doc.add_boolean_term(DossierIndex::kCandidatePrefix + candidate);
  doc.add_boolean_term(DossierTerm(summary.dossier));
  analyzer.AnalyzeInto(p.text, tokens);
  for (const AnalyzedToken& t : *tokens) {
    if (t.joined)
      doc.add_term(t.term);
    else
      doc.add_posting(t.term, t.position);
  }
  doc.add_value(DossierIndex::kParagraphSlot, Xapian::sortable_serialise(p.paragraph));
  doc.add_value(DossierIndex::kPageSlot, Xapian::sortable_serialise(p.page));
  doc.add_value(DossierIndex::kPassageSlot, Xapian::sortable_serialise(rank));
  json data = {{"candidate", candidate}, {"dossier", summary.dossier}, {"passage", rank},
               {"paragraph", p.paragraph}, {"page", p.page}, {"part", p.part},
               {"heading", p.heading}, {"text", p.text}};
  doc.set_data(data.dump());
  return doc;
}

}  // namespace

bool IsValidCandidateId(const std::string& id) {
  if (id.empty() || id.size() > 64) return false;
  for (char c : id)
    if (!std::isalnum(static_cast<unsigned char>(c)) && c != '-' && c != '_' && c != '.')
      return false;
  return id != "." && id != "..";
}

Result<std::unique_ptr<DossierIndex>> DossierIndex::OpenForWriting(const std::string& root) {
  const std::string path = IndexPath(root);
  Result<std::unique_ptr<WorkspaceLock>> lock = WorkspaceLock::Acquire(root);
  if (!lock.ok()) return lock.status();
  try {
    auto db = std::make_unique<Xapian::WritableDatabase>(path, Xapian::DB_CREATE_OR_OPEN);
    Xapian::WritableDatabase* writable = db.get();
    return std::unique_ptr<DossierIndex>(
        new DossierIndex(path, std::move(db), writable, std::move(lock).value()));
  } catch (const Xapian::Error& e) {
    return FromXapian(e, path);
  }
}

Result<std::unique_ptr<DossierIndex>> DossierIndex::OpenForReading(const std::string& root) {
  const std::string path = IndexPath(root);
  try {
    if (!fs::exists(path))
      return std::unique_ptr<DossierIndex>(
          new DossierIndex(path, std::make_unique<Xapian::Database>(), nullptr));
    return std::unique_ptr<DossierIndex>(
        new DossierIndex(path, std::make_unique<Xapian::Database>(path), nullptr));
  } catch (const Xapian::Error& e) {
    return FromXapian(e, path);
  }
}

Status DossierIndex::AddDossier(const std::string& candidate, const CandidateSummary& summary,
                                const std::vector<PassageInput>& passages,
                                const FrenchAnalyzer& analyzer) {
  try {
    writable_->begin_transaction();
    try {
      writable_->delete_document(kCandidatePrefix + candidate);
      std::vector<AnalyzedToken> tokens;
      uint32_t rank = 0;
      for (const PassageInput& p : passages)
        writable_->add_document(MakeDocument(candidate, summary, p, ++rank, analyzer, &tokens));
      json meta = {{"dossier", summary.dossier}, {"format", summary.format},
                   {"passages", passages.size()}, {"words", summary.words}};
      writable_->set_metadata(MetaKey(candidate), meta.dump());
      writable_->commit_transaction();
    } catch (...) {
      writable_->cancel_transaction();
      throw;
    }
  } catch (const Xapian::Error& e) {
    return FromXapian(e, path_);
  }
  return Status::OK();
}

bool DossierIndex::HasCandidate(const std::string& candidate) const {
  return db_->term_exists(kCandidatePrefix + candidate);
}

Status DossierIndex::RemoveCandidate(const std::string& candidate) {
  try {
    if (!HasCandidate(candidate) && writable_->get_metadata(MetaKey(candidate)).empty())
      return Status::NotFound("candidat « " + candidate + " » absent de l'index");
    writable_->begin_transaction();
    writable_->delete_document(kCandidatePrefix + candidate);
    writable_->set_metadata(MetaKey(candidate), "");
    writable_->commit_transaction();
  } catch (const Xapian::Error& e) {
    return FromXapian(e, path_);
  }
  return Compact();
}

Status DossierIndex::Compact() {
  // Copy the live data into a fresh database and swap it in, so the pages
  // that held the deleted passages are gone from the disk.
  const std::string fresh = path_ + ".compact";
  const std::string old = path_ + ".old";
  try {
    std::error_code ec;
    fs::remove_all(fresh, ec);
    writable_->compact(fresh, Xapian::DBCOMPACT_NO_RENUMBER);
    writable_->close();
    fs::rename(path_, old);
    fs::rename(fresh, path_);
    fs::remove_all(old, ec);
    auto db = std::make_unique<Xapian::WritableDatabase>(path_, Xapian::DB_OPEN);
    writable_ = db.get();
    db_ = std::move(db);
  } catch (const Xapian::Error& e) {
    return FromXapian(e, path_);
  } catch (const fs::filesystem_error& e) {
    return Status::IOError("index " + path_ + " : compactage impossible (" + e.what() + ")");
  }
  return Status::OK();
}

Result<std::vector<CandidateSummary>> DossierIndex::Candidates() const {
  std::vector<CandidateSummary> out;
  try {
    for (auto it = db_->allterms_begin(kCandidatePrefix); it != db_->allterms_end(kCandidatePrefix);
         ++it) {
      CandidateSummary s;
      s.candidate = (*it).substr(2);
      json meta = json::parse(db_->get_metadata(MetaKey(s.candidate)), nullptr, false);
      if (meta.is_object()) {
        s.dossier = meta.value("dossier", "");
        s.format = meta.value("format", "");
        s.words = meta.value("words", 0u);
      }
      s.passages = it.get_termfreq();
      out.push_back(std::move(s));
    }
  } catch (const Xapian::Error& e) {
    return FromXapian(e, path_);
  }
  return out;
}

IndexedPassage DossierIndex::PassageFromDocument(const Xapian::Document& doc) {
  IndexedPassage p;
  json data = json::parse(doc.get_data(), nullptr, false);
  if (!data.is_object()) return p;
  p.candidate = data.value("candidate", "");
  p.dossier = data.value("dossier", "");
  p.passage = data.value("passage", 0u);
  p.paragraph = data.value("paragraph", 0u);
  p.page = data.value("page", 0u);
  p.part = data.value("part", 0u);
  p.heading = data.value("heading", "");
  p.text = data.value("text", "");
  return p;
}

Result<std::vector<IndexedPassage>> DossierIndex::PassagesOf(const std::string& candidate) const {
  std::vector<IndexedPassage> out;
  try {
    const std::string term = kCandidatePrefix + candidate;
    for (auto it = db_->postlist_begin(term); it != db_->postlist_end(term); ++it)
      out.push_back(PassageFromDocument(db_->get_document(*it)));
  } catch (const Xapian::Error& e) {
    return FromXapian(e, path_);
  }
  std::sort(out.begin(), out.end(),
            [](const IndexedPassage& a, const IndexedPassage& b) { return a.passage < b.passage; });
  return out;
}

}  // namespace passerelle

#include "engine/dossier_index.h"

#include <algorithm>
#include <filesystem>

#include <nlohmann/json.hpp>

#include "engine/file_system.h"
#include "engine/text.h"
#include "engine/workspace_marker.h"

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
  if (id.empty() || id.size() > kMaxCandidateIdBytes) return false;
  for (char c : id) {
    const bool ascii_alnum =
        (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
    if (!ascii_alnum && c != '-' && c != '_' && c != '.') return false;
  }
  return id != "." && id != "..";
}

Status CheckCandidateId(const std::string& id) {
  if (IsValidCandidateId(id)) return Status::OK();
  if (id.empty())
    return Status::InvalidArgument(
        "identifiant de candidat vide (attendu : 1 à 64 caractères parmi les lettres sans "
        "accent, les chiffres, - _ et .)");
  return Status::InvalidArgument(
      "« " + RepairUtf8(id) +
      " » n'est pas un identifiant de candidat (1 à 64 caractères parmi les lettres sans "
      "accent, les chiffres, - _ et ., autre que « . » et « .. »)");
}

// ---- the layout of index/ (docs/index-format.md) ----

namespace {

constexpr const char* kStubName = "XAPIANDB";
constexpr const char* kGenerationPrefix = "gen-";

std::string StubPath(const std::string& index) { return index + "/" + kStubName; }

bool IsGenerationName(const std::string& name) {
  if (!StartsWith(name, kGenerationPrefix) || name.size() == 4 || name.size() > 24) return false;
  return std::all_of(name.begin() + 4, name.end(), [](char c) { return c >= '0' && c <= '9'; });
}

uint64_t GenerationNumber(const std::string& name) { return std::stoull(name.substr(4)); }

// The live database: the generation XAPIANDB names; index/ itself in the
// layout of earlier versions (glass files directly in index/); "" when
// there is none. Corruption for a stub this version did not write.
Result<std::string> LiveDatabase(const std::string& index) {
  RealFileSystem disk;
  auto stub = disk.ReadFile(StubPath(index));
  if (!stub.ok()) {
    if (stub.status().kind() != Status::Kind::kNotFound) return stub.status();
    std::error_code ec;
    if (fs::exists(index + "/iamglass", ec)) return index;
    // An earlier version killed between the two renames of its compaction
    // (index/ to index.old, index.compact to index/): the compacted copy is
    // complete once index.old exists. Writers finish the renames.
    const std::string old = index + ".old", compact = index + ".compact";
    if (!fs::exists(index, ec) && fs::exists(old + "/iamglass", ec))
      return fs::exists(compact + "/iamglass", ec) ? compact : old;
    return std::string();
  }
  const std::string line = Trim(*stub);
  const std::string name = StartsWith(line, "glass ") ? Trim(line.substr(6)) : "";
  if (!IsGenerationName(name))
    return Status::Corruption("index " + index + " : fichier " + kStubName + " endommagé");
  return index + "/" + name;
}

// Removes what an interrupted writer left (under the workspace lock):
// generations other than the live one (a compaction killed before its
// swap, or the previous generation after it), the glass files of the old
// layout once a generation replaced them, temporaries of the stub. Also
// finishes a compaction of the previous version (index.compact, index.old
// beside index/), killed between its two renames.
// `*interrupted` (may be null) tells whether a compaction was killed before
// its swap: its deleted text is still in the live generation's free blocks.
Status RemoveLeftovers(const std::string& root, const std::string& index, bool* interrupted) {
  if (interrupted) *interrupted = false;
  std::error_code ec;
  const std::string old = root + "/index.old", compact = root + "/index.compact";
  if (!fs::exists(index, ec)) {
    // The old compaction renamed index/ to index.old, then index.compact
    // to index/: index.compact is complete once index.old exists.
    if (fs::exists(old, ec) && fs::exists(compact, ec)) fs::rename(compact, index, ec);
    if (!fs::exists(index, ec) && fs::exists(old, ec)) fs::rename(old, index, ec);
    if (ec) return Status::IOError("index " + index + " : réparation impossible (" + ec.message() + ")");
  }
  fs::remove_all(old, ec);
  fs::remove_all(compact, ec);
  auto live = LiveDatabase(index);
  if (!live.ok()) return live.status();
  const bool old_layout = *live == index;
  const std::string live_name = fs::path(*live).filename().string();
  for (fs::directory_iterator it(index, ec), end; !ec && it != end; it.increment(ec)) {
    const std::string name = it->path().filename().string();
    const bool stray_generation = IsGenerationName(name) && (old_layout || name != live_name);
    if (stray_generation && interrupted && !live->empty() &&
        (old_layout || GenerationNumber(name) > GenerationNumber(live_name)))
      *interrupted = true;
    const bool replaced_old_file = !old_layout && !live->empty() && name != kStubName &&
                                   name != live_name;
    const bool stub_temporary = StartsWith(name, std::string(kStubName) + ".tmp-");
    if (stray_generation || replaced_old_file || stub_temporary) {
      std::error_code rm;
      fs::remove_all(it->path(), rm);
      if (rm) return Status::IOError("index " + index + " : nettoyage impossible (" + rm.message() + ")");
    }
  }
  return Status::OK();
}

// Points XAPIANDB at `generation` (temporary + rename: readers see the old
// generation or the new one, never none), durably.
Status SwapStub(const std::string& index, const std::string& generation) {
  RealFileSystem disk;
  Status s = disk.SyncFileSystem(index + "/" + generation);  // the generation's files first
  if (s.ok()) s = WriteFileAtomic(disk, StubPath(index), std::string("glass ") + generation + "\n");
  if (s.ok()) s = disk.SyncFileSystem(index);  // the rename
  return s;
}

// The name of the generation after every one present.
std::string NextGeneration(const std::string& index) {
  uint64_t highest = 0;
  std::error_code ec;
  for (fs::directory_iterator it(index, ec), end; !ec && it != end; it.increment(ec)) {
    const std::string name = it->path().filename().string();
    if (IsGenerationName(name)) highest = std::max(highest, GenerationNumber(name));
  }
  return kGenerationPrefix + std::to_string(highest + 1);
}

// A fresh index: an empty first generation, then the stub.
Result<std::string> CreateIndex(const std::string& index) {
  RealFileSystem disk;
  Status s = disk.MakeDirs(index);
  if (!s.ok()) return s;
  const std::string generation = NextGeneration(index);
  try {
    Xapian::WritableDatabase db(index + "/" + generation, Xapian::DB_CREATE);
    db.commit();
  } catch (const Xapian::Error& e) {
    return FromXapian(e, index);
  }
  s = SwapStub(index, generation);
  if (!s.ok()) return s;
  return index + "/" + generation;
}

// A compaction writes a copy of the live generation: refuse, before
// changing anything, when the disk cannot hold one (so that a full disk
// leaves the index as it was, rather than replaced but not compacted).
Status CheckRoomToCompact(const std::string& index, const std::string& live) {
  std::error_code ec;
  uintmax_t bytes = 0;
  for (fs::recursive_directory_iterator it(live, ec), end; !ec && it != end; it.increment(ec))
    if (it->is_regular_file(ec)) bytes += it->file_size(ec);
  const fs::space_info space = fs::space(index, ec);
  if (ec) return Status::OK();  // unknown: let the compaction tell
  constexpr uintmax_t kMargin = 1u << 20;
  if (space.available >= bytes + kMargin) return Status::OK();
  return Status::IOError("index " + index + " : espace disque insuffisant pour effacer l'ancien " +
                         "texte (il faut environ " + std::to_string((bytes + kMargin) >> 20) +
                         " Mo libres) ; rien n'a été modifié");
}

Status NoIndex(const std::string& root) {
  return Status::NotFound("aucun dossier n'est indexé dans l'espace de travail " + root +
                          " (passerelle dossier add FICHIER --candidate ID)");
}

}  // namespace

Result<std::unique_ptr<DossierIndex>> DossierIndex::OpenForWriting(const std::string& root,
                                                                   OpenMode mode) {
  const std::string path = IndexPath(root);
  if (mode == OpenMode::kExisting) {
    // Nothing to remove from a workspace that does not exist: create
    // nothing, not even the workspace (the lock would).
    Status s = CheckWorkspaceForReading(root);
    if (!s.ok()) return s;
  }
  Result<std::unique_ptr<WorkspaceLock>> lock = WorkspaceLock::Acquire(root);
  if (!lock.ok()) return lock.status();
  bool interrupted = false;
  Status s = RemoveLeftovers(root, path, &interrupted);
  if (!s.ok()) return s;
  auto live = LiveDatabase(path);
  if (!live.ok()) return live.status();
  if (live->empty()) {
    if (mode == OpenMode::kExisting) return NoIndex(root);
    live = CreateIndex(path);
    if (!live.ok()) return live.status();
  }
  try {
    auto db = std::make_unique<Xapian::WritableDatabase>(*live, Xapian::DB_OPEN);
    Xapian::WritableDatabase* writable = db.get();
    std::unique_ptr<DossierIndex> index(
        new DossierIndex(root, path, std::move(db), writable, std::move(lock).value()));
    index->live_ = *live;
    // A compaction killed before its swap is done again first.
    if (interrupted) {
      s = index->Compact();
      if (!s.ok()) return s;
    }
    return index;
  } catch (const Xapian::Error& e) {
    return FromXapian(e, path);
  }
}

Result<std::unique_ptr<DossierIndex>> DossierIndex::OpenForReading(const std::string& root) {
  const std::string path = IndexPath(root);
  Status s = CheckWorkspaceForReading(root);
  if (!s.ok()) return s;
  // A writer may swap generations between reading XAPIANDB and opening the
  // generation it named, then remove that one: read the stub again.
  constexpr int kAttempts = 5;
  for (int attempt = 1;; ++attempt) {
    auto live = LiveDatabase(path);
    if (!live.ok()) return live.status();
    if (live->empty())
      return std::unique_ptr<DossierIndex>(new DossierIndex(root, path, nullptr, nullptr));
    try {
      return std::unique_ptr<DossierIndex>(
          new DossierIndex(root, path, std::make_unique<Xapian::Database>(*live), nullptr));
    } catch (const Xapian::DatabaseOpeningError& e) {
      if (attempt == kAttempts || fs::exists(*live)) return FromXapian(e, path);
    } catch (const Xapian::Error& e) {
      return FromXapian(e, path);
    }
  }
}

namespace {

Status CheckPassagesText(const CandidateSummary& summary,
                         const std::vector<PassageInput>& passages) {
  auto valid = [](const std::string& s) { return FirstInvalidUtf8(s) == std::string::npos; };
  if (!valid(summary.dossier) || !valid(summary.format))
    return Status::InvalidArgument("dossier « " + RepairUtf8(summary.dossier) +
                                   " » : nom qui n'est pas de l'UTF-8 valide");
  for (const PassageInput& p : passages)
    if (!valid(p.text) || !valid(p.heading))
      return Status::InvalidArgument("dossier « " + summary.dossier + " » : paragraphe " +
                                     std::to_string(p.paragraph) +
                                     " : texte qui n'est pas de l'UTF-8 valide");
  return Status::OK();
}

}  // namespace

Status DossierIndex::AddDossier(const std::string& candidate, const CandidateSummary& summary,
                                const std::vector<PassageInput>& passages,
                                const FrenchAnalyzer& analyzer) {
  Status s = CheckCandidateId(candidate);
  if (s.ok()) s = CheckPassagesText(summary, passages);
  if (!s.ok()) return s;
  bool replaced = false;
  try {
    replaced = HasCandidate(candidate) || !writable_->get_metadata(MetaKey(candidate)).empty();
    if (replaced) {
      s = CheckRoomToCompact(path_, live_);
      if (!s.ok()) return s;
    }
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
  } catch (const json::exception& e) {
    return Status::InvalidArgument("dossier « " + RepairUtf8(summary.dossier) +
                                   " » non indexé : " + e.what());
  }
  // The replaced dossier's text is still in the free blocks of the
  // database: personal data must be gone from the disk (docs/index-format.md).
  return replaced ? Compact() : Status::OK();
}

bool DossierIndex::HasCandidate(const std::string& candidate) const {
  return db_ && db_->term_exists(kCandidatePrefix + candidate);
}

Status DossierIndex::RemoveCandidate(const std::string& candidate) {
  Status s = CheckCandidateId(candidate);
  if (!s.ok()) return s;
  try {
    if (!HasCandidate(candidate) && writable_->get_metadata(MetaKey(candidate)).empty())
      return Status::NotFound("candidat « " + candidate + " » absent de l'index");
    s = CheckRoomToCompact(path_, live_);
    if (!s.ok()) return s;
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
  // Copy the live data into a fresh generation and point XAPIANDB at it in
  // one rename, so that the pages that held deleted passages leave the
  // disk and a crash at any point leaves one complete index
  // (docs/index-format.md, "Compaction").
  const std::string generation = NextGeneration(path_);
  const std::string fresh = path_ + "/" + generation;
  try {
    std::error_code ec;
    fs::remove_all(fresh, ec);
    writable_->compact(fresh, Xapian::DBCOMPACT_NO_RENUMBER);
    writable_->close();
    db_.reset();
    writable_ = nullptr;
    Status s = SwapStub(path_, generation);
    if (!s.ok()) return s;
    s = RemoveLeftovers(root_, path_, nullptr);
    if (!s.ok()) return s;
    auto db = std::make_unique<Xapian::WritableDatabase>(fresh, Xapian::DB_OPEN);
    writable_ = db.get();
    db_ = std::move(db);
    live_ = fresh;
  } catch (const Xapian::Error& e) {
    return FromXapian(e, path_);
  } catch (const fs::filesystem_error& e) {
    return Status::IOError("index " + path_ + " : compactage impossible (" + e.what() + ")");
  }
  return Status::OK();
}

Result<std::vector<CandidateSummary>> DossierIndex::Candidates() const {
  std::vector<CandidateSummary> out;
  if (!db_) return out;
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
  if (!db_) return out;
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

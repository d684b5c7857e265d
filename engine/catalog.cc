#include "engine/catalog.h"

#include <algorithm>
#include <array>
#include <charconv>
#include <string_view>

namespace passerelle {

namespace {

constexpr char kMagic[] = "passerelle-catalog";

// ---- writing ----

// Fields are tab-separated and records newline-terminated, so a field
// escapes backslash, tab, newline and carriage return.
void AppendEscaped(std::string* out, std::string_view field) {
  for (char c : field) {
    switch (c) {
      case '\\':
        *out += "\\\\";
        break;
      case '\t':
        *out += "\\t";
        break;
      case '\n':
        *out += "\\n";
        break;
      case '\r':
        *out += "\\r";
        break;
      default:
        out->push_back(c);
    }
  }
}

void AppendRecord(std::string* out, std::initializer_list<std::string_view> fields) {
  bool first = true;
  for (std::string_view f : fields) {
    if (!first) out->push_back('\t');
    first = false;
    AppendEscaped(out, f);
  }
  out->push_back('\n');
}

const char* ActiveField(const std::optional<bool>& active) {
  if (!active) return "-";
  return *active ? "true" : "false";
}

void AppendEntry(std::string* out, const CatalogEntry& e) {
  AppendRecord(out, {"C", e.id.value, e.stamp, e.hash, std::to_string(e.level),
                     ActiveField(e.active), std::to_string(e.blocs), std::to_string(e.competences),
                     e.source_format, e.title, e.abbreviation});
  for (const Code& code : e.codes) AppendRecord(out, {"K", CodeTypeName(code.type), code.value});
  for (const CertificationLink& l : e.replaces) AppendRecord(out, {"R", l.id.value, l.title});
  for (const CertificationLink& l : e.replaced_by) AppendRecord(out, {"N", l.id.value, l.title});
  for (const Correspondence& c : e.correspondences)
    AppendRecord(out, {"X", c.bloc.value, c.to_certification.value, c.to_bloc.value});
}

// ---- reading ----

std::string Unescape(std::string_view field) {
  if (field.find('\\') == std::string_view::npos) return std::string(field);
  std::string out;
  out.reserve(field.size());
  for (size_t i = 0; i < field.size(); ++i) {
    if (field[i] != '\\' || i + 1 == field.size()) {
      out.push_back(field[i]);
      continue;
    }
    const char next = field[++i];
    out.push_back(next == 't' ? '\t' : next == 'n' ? '\n' : next == 'r' ? '\r' : next);
  }
  return out;
}

// The fields of one line; at most kMaxFields (more is malformed: size()
// then exceeds every record's width).
constexpr size_t kMaxFields = 12;
struct Fields {
  std::array<std::string_view, kMaxFields> at;
  size_t count = 0;
  size_t size() const { return count; }
  std::string_view operator[](size_t i) const { return at[i]; }
};

Fields SplitFields(std::string_view line) {
  Fields fields;
  size_t start = 0;
  for (;;) {
    const size_t tab = line.find('\t', start);
    const std::string_view field =
        line.substr(start, tab == std::string_view::npos ? tab : tab - start);
    if (fields.count < kMaxFields) fields.at[fields.count] = field;
    ++fields.count;
    if (tab == std::string_view::npos) return fields;
    start = tab + 1;
  }
}

bool ParseSize(std::string_view s, size_t* out) {
  auto [ptr, ec] = std::from_chars(s.data(), s.data() + s.size(), *out);
  return ec == std::errc() && ptr == s.data() + s.size();
}

std::optional<Code::Type> CodeType(std::string_view name) {
  if (name == "rome") return Code::Type::kRome;
  if (name == "nsf") return Code::Type::kNsf;
  if (name == "formacode") return Code::Type::kFormacode;
  return std::nullopt;
}

// Reads a "C" record into a new entry; false when malformed.
bool ParseCertificationRecord(const Fields& f, CatalogEntry* e) {
  if (f.size() != 11) return false;
  e->id = CertificationId(Unescape(f[1]));
  const auto kind = KindOfId(e->id.value);
  size_t level = 0;
  if (!kind || !ParseSize(f[4], &level) || level > 8 || !ParseSize(f[6], &e->blocs) ||
      !ParseSize(f[7], &e->competences))
    return false;
  e->kind = *kind;
  e->stamp = Unescape(f[2]);
  e->hash = Unescape(f[3]);
  e->level = static_cast<int>(level);
  if (f[5] == "true")
    e->active = true;
  else if (f[5] == "false")
    e->active = false;
  else if (f[5] != "-")
    return false;
  e->source_format = Unescape(f[8]);
  e->title = Unescape(f[9]);
  e->abbreviation = Unescape(f[10]);
  return true;
}

// Adds a K, R, N or X record to `e`; false when malformed.
bool ParseDetailRecord(const Fields& f, CatalogEntry* e) {
  if (f[0] == "K" && f.size() == 3) {
    auto type = CodeType(f[1]);
    if (!type) return false;
    e->codes.push_back({*type, Unescape(f[2]), ""});
    return true;
  }
  if ((f[0] == "R" || f[0] == "N") && f.size() == 3) {
    CertificationLink link{CertificationId(Unescape(f[1])), Unescape(f[2])};
    (f[0] == "R" ? e->replaces : e->replaced_by).push_back(std::move(link));
    return true;
  }
  if (f[0] == "X" && f.size() == 4) {
    e->correspondences.push_back(
        {BlocId(Unescape(f[1])), CertificationId(Unescape(f[2])), BlocId(Unescape(f[3]))});
    return true;
  }
  return false;
}

Status Malformed(const std::string& origin, size_t line) {
  return Status::Corruption("catalogue " + origin + " : ligne " + std::to_string(line) +
                            " illisible");
}

Status CheckHeader(std::string_view line, const std::string& origin, std::string* folder_stamp) {
  const auto f = SplitFields(line);
  size_t version = 0;
  if (f.size() < 2 || f.size() > 3 || f[0] != kMagic || !ParseSize(f[1], &version))
    return Status::Corruption("catalogue " + origin + " : en-tête absent ou illisible");
  if (version > static_cast<size_t>(kCatalogFormatVersion))
    return Status::Unsupported("catalogue " + origin +
                               " : format plus récent que cette version de Passerelle");
  if (f.size() == 3) *folder_stamp = Unescape(f[2]);
  return Status::OK();
}

}  // namespace

CatalogEntry Summarize(const Certification& cert) {
  CatalogEntry e;
  e.id = cert.id;
  e.kind = cert.kind;
  e.title = cert.title;
  e.abbreviation = cert.abbreviation;
  e.level = cert.level;
  e.active = cert.active;
  e.source_format = cert.source_format;
  // The certification's own blocs and competences: a CCS is an optional
  // specialisation, shown by `show`, not counted here (docs/workspace.md).
  for (const Bloc& bloc : cert.blocs) e.blocs += bloc.kind != BlocKind::kCcs;
  if (e.blocs == 0) e.blocs = cert.blocs.size();
  for (const Competence& c : cert.competences) {
    const std::vector<const Bloc*> blocs = cert.BlocsOf(c.id);
    e.competences += blocs.empty() || std::any_of(blocs.begin(), blocs.end(), [](const Bloc* b) {
                       return b->kind != BlocKind::kCcs;
                     });
  }
  for (const Code& code : cert.codes) e.codes.push_back({code.type, code.value, ""});
  e.replaces = cert.replaces;
  e.replaced_by = cert.replaced_by;
  e.correspondences = cert.correspondences;
  return e;
}

const CatalogEntry* Catalog::Find(const CertificationId& id) const {
  auto it = entries_.find(id);
  return it == entries_.end() ? nullptr : &it->second;
}

void Catalog::Put(CatalogEntry entry) {
  CertificationId id = entry.id;
  // Parsing and rebuilding put entries in id order: the end is the hint.
  entries_.insert_or_assign(entries_.end(), std::move(id), std::move(entry));
}

void Catalog::Remove(const CertificationId& id) { entries_.erase(id); }

std::string Catalog::Serialize() const {
  std::string out;
  out.reserve(entries_.size() * 256);
  AppendRecord(&out, {kMagic, std::to_string(kCatalogFormatVersion), folder_stamp_});
  for (const auto& [id, entry] : entries_) AppendEntry(&out, entry);
  return out;
}

Result<Catalog> Catalog::Parse(const std::string& text, const std::string& origin) {
  std::string_view rest(text);
  Catalog catalog;
  CatalogEntry current;
  bool has_current = false;
  for (size_t line_number = 1; !rest.empty(); ++line_number) {
    const size_t nl = rest.find('\n');
    if (nl == std::string_view::npos) return Malformed(origin, line_number);  // truncated
    const std::string_view line = rest.substr(0, nl);
    rest.remove_prefix(nl + 1);
    if (line_number == 1) {
      Status s = CheckHeader(line, origin, &catalog.folder_stamp_);
      if (!s.ok()) return s;
      continue;
    }
    const auto fields = SplitFields(line);
    if (fields[0] == "C") {
      if (has_current) catalog.Put(std::move(current));
      current = CatalogEntry();
      has_current = ParseCertificationRecord(fields, &current);
      if (!has_current) return Malformed(origin, line_number);
    } else if (!has_current || !ParseDetailRecord(fields, &current)) {
      return Malformed(origin, line_number);
    }
  }
  if (text.empty()) return Status::Corruption("catalogue " + origin + " : fichier vide");
  if (has_current) catalog.Put(std::move(current));
  return catalog;
}

}  // namespace passerelle

#include "importers/zip_archive.h"

#include <zip.h>

#include <algorithm>

namespace passerelle {

namespace {

constexpr size_t kReadChunk = 64 * 1024;

// The reason libzip gives, in French, followed by libzip's own words.
std::string DescribeZipError(int code, const std::string& libzip_text) {
  std::string reason;
  switch (code) {
    case ZIP_ER_NOZIP:
      reason = "ce n'est pas une archive zip lisible (fichier tronqué ou endommagé ?)";
      break;
    case ZIP_ER_INCONS:
      reason = "archive zip incohérente (fichier tronqué ou endommagé ?)";
      break;
    case ZIP_ER_CRC:
      reason = "somme de contrôle incorrecte, données endommagées";
      break;
    case ZIP_ER_ZLIB:
    case ZIP_ER_EOF:
    case ZIP_ER_READ:
    case ZIP_ER_COMPRESSED_DATA:
      reason = "données compressées endommagées ou tronquées";
      break;
    case ZIP_ER_COMPNOTSUPP:
      reason = "méthode de compression non prise en charge";
      break;
    case ZIP_ER_ENCRNOTSUPP:
    case ZIP_ER_NOPASSWD:
    case ZIP_ER_WRONGPASSWD:
      reason = "contenu chiffré par un mot de passe";
      break;
    case ZIP_ER_MULTIDISK:
      reason = "archive en plusieurs volumes non prise en charge";
      break;
    case ZIP_ER_MEMORY:
      reason = "mémoire insuffisante";
      break;
    default:
      reason = "archive zip illisible";
  }
  return reason + " (libzip : " + libzip_text + ")";
}

std::string DescribeZipError(zip_error_t* error) {
  return DescribeZipError(zip_error_code_zip(error), zip_error_strerror(error));
}

Status TooLarge(const std::string& file_name, const std::string& entry, size_t max_bytes) {
  return Status::InvalidArgument("fichier " + file_name + " : l'archive dépasse " +
                                 FormatByteSize(max_bytes) + " une fois décompressée (partie " +
                                 entry + "), refusée par précaution (archive piégée ?)");
}

// Copies the whole content of a written buffer source.
Result<std::string> SourceBytes(zip_source_t* source) {
  zip_stat_t st;
  zip_stat_init(&st);
  if (zip_source_stat(source, &st) < 0 || zip_source_open(source) < 0)
    return Status::InvalidArgument("écriture de l'archive zip impossible : " +
                                   DescribeZipError(zip_source_error(source)));
  std::string out(static_cast<size_t>(st.size), '\0');
  const zip_int64_t n = zip_source_read(source, out.data(), out.size());
  zip_source_close(source);
  if (n < 0 || static_cast<zip_uint64_t>(n) != st.size)
    return Status::InvalidArgument("écriture de l'archive zip impossible (lecture du tampon)");
  return out;
}

Status AddEntry(zip_t* archive, const ZipEntry& entry) {
  zip_source_t* source = zip_source_buffer(archive, entry.content.data(), entry.content.size(), 0);
  if (source == nullptr)
    return Status::InvalidArgument("archive zip : partie " + entry.name + " refusée");
  const zip_int64_t index =
      zip_file_add(archive, entry.name.c_str(), source, ZIP_FL_ENC_UTF_8 | ZIP_FL_OVERWRITE);
  if (index < 0) {
    zip_source_free(source);
    return Status::InvalidArgument("archive zip : partie " + entry.name + " refusée (" +
                                   zip_strerror(archive) + ")");
  }
  const zip_int32_t method = entry.level == 0 ? ZIP_CM_STORE : ZIP_CM_DEFLATE;
  const zip_uint32_t level = static_cast<zip_uint32_t>(std::clamp(entry.level, 0, 9));
  if (zip_set_file_compression(archive, static_cast<zip_uint64_t>(index), method, level) < 0)
    return Status::InvalidArgument("archive zip : compression de " + entry.name + " refusée");
  return Status::OK();
}

}  // namespace

std::string FormatByteSize(size_t bytes) {
  constexpr size_t kKo = 1024, kMo = 1024 * 1024;
  if (bytes >= kMo && bytes % kMo == 0) return std::to_string(bytes / kMo) + " Mo";
  if (bytes >= kMo) return std::to_string((bytes + kMo / 2) / kMo) + " Mo";
  if (bytes >= kKo) return std::to_string((bytes + kKo / 2) / kKo) + " Ko";
  return std::to_string(bytes) + " octets";
}

ZipArchive::ZipArchive(struct zip* archive, std::string file_name)
    : archive_(archive), file_name_(std::move(file_name)) {}

ZipArchive::~ZipArchive() { zip_discard(archive_); }

Result<std::unique_ptr<ZipArchive>> ZipArchive::Open(const std::string& bytes,
                                                     const std::string& file_name) {
  zip_error_t error;
  zip_error_init(&error);
  zip_source_t* source = zip_source_buffer_create(bytes.data(), bytes.size(), 0, &error);
  zip_t* archive = source ? zip_open_from_source(source, ZIP_RDONLY, &error) : nullptr;
  if (archive == nullptr) {
    if (source) zip_source_free(source);
    Status status =
        Status::InvalidArgument("fichier " + file_name + " : " + DescribeZipError(&error));
    zip_error_fini(&error);
    return status;
  }
  zip_error_fini(&error);
  return std::unique_ptr<ZipArchive>(new ZipArchive(archive, file_name));
}

Result<std::unique_ptr<ZipArchive>> ZipArchive::OpenFile(const std::string& path) {
  int code = 0;
  zip_t* archive = zip_open(path.c_str(), ZIP_RDONLY, &code);
  if (archive == nullptr) {
    if (code == ZIP_ER_NOENT) return Status::NotFound("fichier " + path + " : introuvable");
    zip_error_t error;
    zip_error_init_with_code(&error, code);
    Status status = Status::InvalidArgument("fichier " + path + " : " + DescribeZipError(&error));
    zip_error_fini(&error);
    return status;
  }
  return std::unique_ptr<ZipArchive>(new ZipArchive(archive, path));
}

namespace {

// One entry inflated as it is read.
class ZipEntrySource : public ByteSource {
 public:
  ZipEntrySource(zip_file_t* file, std::string file_name, std::string entry, uint64_t declared,
                 uint64_t max_bytes)
      : file_(file),
        file_name_(std::move(file_name)),
        entry_(std::move(entry)),
        declared_(declared),
        max_bytes_(max_bytes) {}
  ~ZipEntrySource() override { zip_fclose(file_); }

  Result<size_t> Read(char* buffer, size_t size) override {
    const zip_int64_t n = zip_fread(file_, buffer, size);
    if (n < 0)
      return Status::InvalidArgument("fichier " + file_name_ + " : partie " + entry_ +
                                     " illisible, " + DescribeZipError(zip_file_get_error(file_)));
    done_ += static_cast<uint64_t>(n);
    if (done_ > max_bytes_) return TooLarge(file_name_, entry_, max_bytes_);
    return static_cast<size_t>(n);
  }
  uint64_t TotalBytes() const override { return declared_; }

 private:
  zip_file_t* file_;
  std::string file_name_, entry_;
  uint64_t declared_, max_bytes_, done_ = 0;
};

}  // namespace

Result<std::unique_ptr<ByteSource>> ZipArchive::OpenEntry(const std::string& name,
                                                          uint64_t max_bytes) const {
  const zip_int64_t index = zip_name_locate(archive_, name.c_str(), 0);
  if (index < 0)
    return Status::NotFound("fichier " + file_name_ + " : partie " + name +
                            " absente de l'archive");
  zip_stat_t st;
  zip_stat_init(&st);
  const bool sized = zip_stat_index(archive_, static_cast<zip_uint64_t>(index), 0, &st) == 0 &&
                     (st.valid & ZIP_STAT_SIZE);
  if (sized && st.size > max_bytes) return TooLarge(file_name_, name, max_bytes);
  zip_file_t* file = zip_fopen_index(archive_, static_cast<zip_uint64_t>(index), 0);
  if (file == nullptr)
    return Status::InvalidArgument("fichier " + file_name_ + " : partie " + name + " illisible, " +
                                   DescribeZipError(zip_get_error(archive_)));
  return std::unique_ptr<ByteSource>(
      new ZipEntrySource(file, file_name_, name, sized ? st.size : 0, max_bytes));
}

std::vector<std::string> ZipArchive::EntryNames() const {
  std::vector<std::string> names;
  const zip_int64_t n = zip_get_num_entries(archive_, 0);
  for (zip_int64_t i = 0; i < n; ++i) {
    const char* name = zip_get_name(archive_, static_cast<zip_uint64_t>(i), ZIP_FL_ENC_GUESS);
    if (name) names.emplace_back(name);
  }
  return names;
}

bool ZipArchive::HasEntry(const std::string& name) const {
  return zip_name_locate(archive_, name.c_str(), 0) >= 0;
}

Result<std::string> ZipArchive::ReadEntry(const std::string& name, size_t max_bytes) const {
  auto stream = OpenEntry(name, max_bytes);
  if (!stream.ok()) return stream.status();
  const uint64_t declared = (*stream)->TotalBytes();
  std::string out;
  out.reserve(static_cast<size_t>(declared));
  char buffer[kReadChunk];
  for (;;) {
    auto n = (*stream)->Read(buffer, sizeof(buffer));
    if (!n.ok()) return n.status();
    if (*n == 0) break;
    out.append(buffer, *n);
  }
  if (declared > 0 && out.size() != declared)
    return Status::InvalidArgument("fichier " + file_name_ + " : partie " + name +
                                   " illisible, archive zip incohérente (taille annoncée " +
                                   std::to_string(declared) + " octets, " +
                                   std::to_string(out.size()) + " octets décompressés)");
  return out;
}

Result<std::string> WriteZip(const std::vector<ZipEntry>& entries) {
  zip_error_t error;
  zip_error_init(&error);
  zip_source_t* buffer = zip_source_buffer_create(nullptr, 0, 0, &error);
  if (buffer == nullptr) return Status::InvalidArgument("écriture de l'archive zip impossible");
  zip_source_keep(buffer);  // survives zip_close, which writes into it
  zip_t* archive = zip_open_from_source(buffer, ZIP_TRUNCATE, &error);
  if (archive == nullptr) {
    zip_source_free(buffer);
    return Status::InvalidArgument("écriture de l'archive zip impossible");
  }
  Status status;
  for (const ZipEntry& entry : entries) {
    status = AddEntry(archive, entry);
    if (!status.ok()) break;
  }
  if (status.ok() && zip_close(archive) < 0)
    status = Status::InvalidArgument(std::string("écriture de l'archive zip impossible : ") +
                                     zip_strerror(archive));
  if (!status.ok()) {
    zip_discard(archive);
    zip_source_free(buffer);
    return status;
  }
  Result<std::string> bytes = SourceBytes(buffer);
  zip_source_free(buffer);
  return bytes;
}

}  // namespace passerelle

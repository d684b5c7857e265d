// Zip archives with libzip: reading the parts of an office document (.docx,
// .odt) safely, streaming a large entry from an archive on disk (the
// open-data export as downloaded), and writing small archives (test
// fixtures, exports).
//
// Reading is defensive: a corrupt or truncated archive gives a French
// message naming the file, and an entry is never inflated past a caller's
// limit (zip bombs), whatever size the archive declares for it.
#pragma once

#include <cstddef>
#include <memory>
#include <string>
#include <vector>

#include "engine/status.h"
#include "importers/byte_source.h"

struct zip;       // libzip's zip_t

namespace passerelle {

class ZipArchive {
 public:
  // Opens the archive held in `bytes`. `bytes` is NOT copied: it must
  // outlive the returned archive. `file_name` is used in messages only.
  // InvalidArgument (French, naming the file) when `bytes` is not a readable
  // zip archive (truncated, central directory damaged, not a zip at all).
  static Result<std::unique_ptr<ZipArchive>> Open(const std::string& bytes,
                                                  const std::string& file_name);
  // Opens the archive file at `path`, read from disk as needed (never
  // loaded whole). NotFound when absent; InvalidArgument as Open.
  static Result<std::unique_ptr<ZipArchive>> OpenFile(const std::string& path);
  ~ZipArchive();
  ZipArchive(const ZipArchive&) = delete;
  ZipArchive& operator=(const ZipArchive&) = delete;

  // Entry names, in archive order.
  std::vector<std::string> EntryNames() const;
  bool HasEntry(const std::string& name) const;

  // The uncompressed content of entry `name`.
  // - NotFound when the archive has no such entry.
  // - InvalidArgument when the entry would expand past `max_bytes`: the
  //   size declared in the archive is checked first, then the bytes actually
  //   inflated are counted while reading, because declared sizes can lie.
  //   At most `max_bytes` + one read chunk are ever held in memory.
  // - InvalidArgument when the data cannot be inflated (bad CRC, damaged
  //   deflate stream, unknown method) or the entry is encrypted.
  Result<std::string> ReadEntry(const std::string& name, size_t max_bytes) const;

  // Entry `name` as a stream, inflated chunk by chunk as it is read. The
  // archive must outlive the stream. Same errors as ReadEntry (NotFound,
  // encrypted, damaged data), and a Read fails once more than `max_bytes`
  // came out (declared sizes can lie). TotalBytes is the declared size.
  Result<std::unique_ptr<ByteSource>> OpenEntry(const std::string& name,
                                                uint64_t max_bytes) const;

 private:
  ZipArchive(struct zip* archive, std::string file_name);

  struct zip* archive_;
  std::string file_name_;
};

// One entry to write: `level` 0 stores the content uncompressed (as the
// "mimetype" entry of an OpenDocument file must be), 1..9 deflates it.
struct ZipEntry {
  std::string name;
  std::string content;
  int level = 6;
};

// Builds a zip archive in memory, entries in the given order. The result
// reads back with ZipArchive. InvalidArgument when libzip refuses an entry.
Result<std::string> WriteZip(const std::vector<ZipEntry>& entries);

// "200 Mo", "64 Ko", "512 octets": a size for French messages.
std::string FormatByteSize(size_t bytes);

}  // namespace passerelle

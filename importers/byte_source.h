// A stream of bytes read in chunks, so that a 570 MB export is never held
// in memory: a file on disk, an entry of a zip archive
// (importers/zip_archive.h) or a string (tests, small documents).
#pragma once

#include <cstdint>
#include <memory>
#include <string>

#include "engine/status.h"

namespace passerelle {

class ByteSource {
 public:
  virtual ~ByteSource() = default;
  // Reads up to `size` bytes into `buffer`; returns how many, 0 only at the
  // end. Errors are French and name the file (IOError, InvalidArgument for
  // damaged compressed data).
  virtual Result<size_t> Read(char* buffer, size_t size) = 0;
  // The total number of bytes the stream will give when known (for
  // progress), else 0.
  virtual uint64_t TotalBytes() const = 0;
};

// A file of the real disk.
class FileByteSource : public ByteSource {
 public:
  // NotFound / InvalidArgument / IOError, French, naming `path`: the checks
  // of OpenInputFile (engine/file_system.h), so only regular files open.
  static Result<std::unique_ptr<FileByteSource>> Open(const std::string& path);
  ~FileByteSource() override;
  Result<size_t> Read(char* buffer, size_t size) override;
  uint64_t TotalBytes() const override { return size_; }

 private:
  FileByteSource(int fd, std::string path, uint64_t size);
  int fd_;
  std::string path_;
  uint64_t size_;
};

// Bytes already in memory; `bytes` is copied.
class StringByteSource : public ByteSource {
 public:
  explicit StringByteSource(std::string bytes) : bytes_(std::move(bytes)) {}
  Result<size_t> Read(char* buffer, size_t size) override;
  uint64_t TotalBytes() const override { return bytes_.size(); }

 private:
  std::string bytes_;
  size_t offset_ = 0;
};

// Reads the first `max_bytes` of a file (format sniffing). Same errors as
// FileByteSource::Open.
Result<std::string> ReadFileHead(const std::string& path, size_t max_bytes);

}  // namespace passerelle
